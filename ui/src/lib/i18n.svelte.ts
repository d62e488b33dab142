// The UI's words in English, German, French and Spanish, from Fluent
// catalogues (`ui/src/locales/<lang>/*.ftl`; Rust renders documents from the
// same format, `crates/kindly-i18n`). English is bundled with the app and is
// the fallback for a message a catalogue lacks; the other languages are
// loaded on first use so start-up parses one catalogue, not four.
//
// `t()` reads the current language from a `$state`, so every text on screen
// follows a change of language without a reload.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { negotiateLanguages } from '@fluent/langneg';

export const UI_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
/** What the user picked in Settings: a language, or whatever the OS uses. */
export type UiLanguageChoice = UiLanguage | 'system';

export type MessageArgs = Record<string, FluentVariable>;

// Every language is its own chunk (`locales/<lang>/index.ts`), loaded when
// chosen, so a window parses one catalogue.
const catalogues = import.meta.glob('../locales/*/index.ts', { import: 'default' }) as Record<string, () => Promise<string[]>>;

/** A bundle for `lang` from its catalogue files; a syntax error in one message keeps the others. */
export function bundleFrom(lang: string, sources: string[], intlLocale = lang): FluentBundle {
  const bundle = new FluentBundle(intlLocale, { useIsolating: false });
  for (const src of sources) bundle.addResource(new FluentResource(src));
  return bundle;
}

const bundles = new Map<UiLanguage, FluentBundle>();

const STORAGE_KEY = 'kindly.uiLanguage';

export const i18n = $state<{ lang: UiLanguage; choice: UiLanguageChoice; intl: string; ready: boolean }>({
  lang: 'en',
  choice: 'system',
  intl: 'en-GB',
  // False until the first catalogue is in: nothing is drawn with message ids.
  ready: false,
});

/** The language the OS asks for, among the four Kindly speaks (English otherwise). */
export function systemLanguage(requested: readonly string[] = navigator.languages ?? [navigator.language]): UiLanguage {
  const [best] = negotiateLanguages([...requested], [...UI_LANGUAGES], { defaultLocale: 'en', strategy: 'lookup' });
  return (UI_LANGUAGES as readonly string[]).includes(best) ? (best as UiLanguage) : 'en';
}

/**
 * The locale tag dates and numbers are formatted with: the OS's own tag when
 * it speaks the chosen language (so `de-AT` or `en-US` keep their region),
 * otherwise the language's main country.
 */
export function intlLocaleFor(lang: UiLanguage, requested: readonly string[] = navigator.languages ?? []): string {
  const own = requested.find((tag) => tag.toLowerCase().split('-')[0] === lang && tag.includes('-'));
  if (own) {
    try {
      return Intl.getCanonicalLocales(own)[0];
    } catch {
      // fall through to the default region
    }
  }
  return { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' }[lang];
}

async function loadBundle(lang: UiLanguage, intl: string): Promise<FluentBundle> {
  const have = bundles.get(lang);
  if (have && have.locales[0] === intl) return have;
  const load = catalogues[`../locales/${lang}/index.ts`];
  if (!load) throw new Error(`no catalogue for ${lang}`);
  const sources = await load();
  const bundle = bundleFrom(lang, sources, intl);
  bundles.set(lang, bundle);
  return bundle;
}

function storedChoice(): UiLanguageChoice {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'system' || (UI_LANGUAGES as readonly string[]).includes(v ?? '')) return v as UiLanguageChoice;
  } catch {
    // storage unavailable: follow the system
  }
  return 'system';
}

/** Switches the UI to `choice` (and remembers it on this computer). */
export async function setUiLanguage(choice: UiLanguageChoice, remember = true): Promise<void> {
  const lang = choice === 'system' ? systemLanguage() : choice;
  const intl = choice === 'system' ? intlLocaleFor(lang) : intlLocaleFor(lang, []);
  try {
    await loadBundle(lang, intl);
  } catch {
    // A catalogue that cannot load leaves the UI in English rather than blank.
    await loadBundle('en', 'en-GB').catch(() => undefined);
    i18n.lang = 'en';
    i18n.ready = true;
    return;
  }
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // not remembered; still applied
    }
  }
  i18n.choice = choice;
  i18n.intl = intl;
  i18n.lang = lang;
  i18n.ready = true;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Applies the remembered choice at start-up. */
export function initUiLanguage(): Promise<void> {
  return setUiLanguage(storedChoice(), false);
}

/** Whether the catalogue has `id` (in the current language or English). */
export function hasMessage(id: string): boolean {
  return [bundles.get(i18n.lang), bundles.get('en')].some((b) => b?.hasMessage(id) ?? false);
}

/**
 * The message `id` in the current language; English when that catalogue
 * lacks it and English is loaded (`i18n.test.ts` keeps every catalogue
 * complete, so this is a safety net), the id itself otherwise.
 */
export function t(id: string, args?: MessageArgs): string {
  const lang = i18n.lang;
  for (const bundle of [bundles.get(lang), bundles.get('en')]) {
    const message = bundle?.getMessage(id);
    if (bundle && message?.value) {
      const errors: Error[] = [];
      return bundle.formatPattern(message.value, args ?? null, errors);
    }
  }
  if (import.meta.env.DEV) console.warn(`missing message: ${id}`);
  return id;
}

// The catalogues are complete and consistent: every language has every
// message English has (file by file), uses the same variables, formats
// without errors, and every literal `t('…')` in the code names a message.
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES, bundleFrom } from './i18n.svelte';
import { FluentResource } from '@fluent/bundle';

const catalogues = import.meta.glob('../locales/*/*.ftl', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const sources = import.meta.glob(['../**/*.svelte', '../**/*.ts', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const files = (lang: string) =>
  Object.keys(catalogues)
    .filter((p) => p.startsWith(`../locales/${lang}/`))
    .map((p) => p.slice(`../locales/${lang}/`.length))
    .sort();
const read = (lang: string, file: string) => catalogues[`../locales/${lang}/${file}`];

/** Message ids and the variables each message's text mentions, by a plain scan of the file. */
function messages(src: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let current: string | null = null;
  for (const line of src.split('\n')) {
    const head = /^([a-zA-Z][\w-]*)\s*=/.exec(line);
    if (head) {
      current = head[1];
      out.set(current, new Set());
    } else if (!/^[\s}]/.test(line) && line.trim() !== '') {
      current = null;
    }
    if (current) for (const v of line.matchAll(/\$([a-zA-Z][\w-]*)/g)) out.get(current)!.add(v[1]);
  }
  return out;
}

describe('catalogues', () => {
  const english = files('en');

  it('parse without errors: every message the scan sees is one Fluent reads', () => {
    for (const lang of UI_LANGUAGES) {
      for (const file of files(lang)) {
        const src = read(lang, file);
        const parsed = new FluentResource(src).body.map((m) => m.id).filter((id) => !id.startsWith('-'));
        expect(parsed.sort(), `${lang}/${file}`).toEqual([...messages(src).keys()].filter((id) => !id.startsWith('-')).sort());
      }
    }
  });

  for (const lang of UI_LANGUAGES.filter((l) => l !== 'en')) {
    it(`${lang} has every file and message English has, with the same variables`, () => {
      expect(files(lang)).toEqual(english);
      for (const file of english) {
        const en = messages(read('en', file));
        const other = messages(read(lang, file));
        expect([...other.keys()].sort(), `${lang}/${file}`).toEqual([...en.keys()].sort());
        for (const [id, vars] of en) {
          expect([...(other.get(id) ?? [])].sort(), `${lang}/${file}: ${id}`).toEqual([...vars].sort());
        }
      }
    });
  }

  it('every message formats without errors in every language', () => {
    for (const lang of UI_LANGUAGES) {
      const sources = files(lang).map((f) => read(lang, f));
      const bundle = bundleFrom(lang, sources);
      for (const src of sources) {
        for (const [id, vars] of messages(src)) {
          if (id.startsWith('-')) continue;
          const msg = bundle.getMessage(id);
          expect(msg?.value, `${lang}: ${id} has a value`).toBeTruthy();
          const args = Object.fromEntries([...vars].map((v) => [v, 2]));
          for (const n of [0, 1, 2, 5]) {
            const errors: Error[] = [];
            for (const v of vars) args[v] = n;
            bundle.formatPattern(msg!.value!, args, errors);
            expect(errors.map(String), `${lang}: ${id}`).toEqual([]);
          }
        }
      }
    }
  });

  it("every t('…') in the code names an English message", () => {
    const known = new Set(english.flatMap((f) => [...messages(read('en', f)).keys()]));
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([a-z0-9-]+)'/g)) {
        if (!known.has(m[1])) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('default step names', () => {
  it('are shown in the UI language while unchanged, as written otherwise', async () => {
    const { stageName, DEFAULT_STAGE_KEYS } = await import('./stages');
    expect(DEFAULT_STAGE_KEYS).toHaveLength(5);
    expect(stageName('reminder', 'Friendly reminder')).toBe('Friendly reminder');
    expect(stageName('reminder', 'Nudge')).toBe('Nudge');
    for (const lang of UI_LANGUAGES) {
      const ids = files(lang).flatMap((f) => [...messages(read(lang, f)).keys()]);
      for (const key of DEFAULT_STAGE_KEYS) expect(ids, lang).toContain(`stage-default-${key.replaceAll('_', '-')}`);
    }
  });
});

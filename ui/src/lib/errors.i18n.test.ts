// Every error code Rust can send has a message in every language's errors
// catalogue (`error-<code>`), and `errorMessage` shows it outside English.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FluentResource } from '@fluent/bundle';
import { errorMessage } from './errors';
import { UI_LANGUAGES, i18n, setUiLanguage, t } from './i18n.svelte';

const bindings = import.meta.glob('./bindings.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const catalogues = import.meta.glob('../locales/*/errors.ftl', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** The codes of the `ErrorCode` union, read from the generated bindings. */
function errorCodes(): string[] {
  const src = bindings['./bindings.ts'];
  const union = /export type ErrorCode =([^;]*);/.exec(src)?.[1] ?? '';
  return [...union.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
}

const idFor = (code: string) => `error-${code.replaceAll('_', '-')}`;

describe('errors catalogue', () => {
  const codes = errorCodes();

  it('reads the ErrorCode union', () => {
    expect(codes.length).toBeGreaterThan(200);
    expect(codes).toContain('invalid_amount');
  });

  for (const lang of UI_LANGUAGES) {
    it(`${lang} has a message for every error code, and no other`, () => {
      const src = catalogues[`../locales/${lang}/errors.ftl`];
      expect(src, `${lang}/errors.ftl exists`).toBeTruthy();
      const ids = new FluentResource(src).body.map((m) => m.id);
      const missing = codes.map(idFor).filter((id) => !ids.includes(id));
      expect(missing, `${lang}/errors.ftl lacks`).toEqual([]);
      const unknown = ids.filter((id) => !codes.map(idFor).includes(id));
      expect(unknown, `${lang}/errors.ftl has messages for codes Rust does not send`).toEqual([]);
    });
  }
});

describe('errorMessage', () => {
  // Tests run in Node: the page's document and storage are stand-ins.
  beforeEach(() => {
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
  });
  afterEach(async () => {
    await setUiLanguage('en', false);
    vi.unstubAllGlobals();
  });

  it('shows Rust’s own message in English', () => {
    expect(errorMessage({ code: 'invalid_amount', message: 'Row 7, column “Amount”: “12,5O” is not an amount.', field: null })).toBe(
      'Row 7, column “Amount”: “12,5O” is not an amount.',
    );
  });

  it('shows the German catalogue text for the error’s code in German', async () => {
    await setUiLanguage('de', false);
    expect(i18n.lang).toBe('de');
    const shown = errorMessage({ code: 'disk_full', message: 'the disk holding /x is full; free some space', field: null });
    expect(shown).toBe(t('error-disk-full'));
    expect(shown).not.toContain('disk');
    expect(shown).toMatch(/Festplatte|Datenträger/);
  });
});

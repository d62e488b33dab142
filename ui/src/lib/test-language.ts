// For unit tests: the UI in another language for the `describe` block that
// calls it (a bare `document` stands in for the page whose `lang` it sets),
// and back to English after it.
import { afterAll, beforeAll, vi } from 'vitest';
import { setUiLanguage, type UiLanguage } from './i18n.svelte';

export function inUiLanguage(lang: UiLanguage): void {
  beforeAll(async () => {
    vi.stubGlobal('document', { documentElement: {} });
    await setUiLanguage(lang, false);
  });
  afterAll(async () => {
    await setUiLanguage('en', false);
    vi.unstubAllGlobals();
  });
}

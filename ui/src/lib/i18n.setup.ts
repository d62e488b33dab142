// Vitest: load the English catalogue before each test file, as the app does
// before its first screen (`initUiLanguage`).
import { setUiLanguage } from './i18n.svelte';

await setUiLanguage('en', false);

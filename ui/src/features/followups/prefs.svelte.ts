// Choices the follow-up screens share while the app runs (not saved).
import { app } from '../../lib/app.svelte';
import { defaultPageSize } from './followups';

export const letterPrefs = $state<{ pageSize: 'a4' | 'letter' | null }>({ pageSize: null });

/** The paper size chosen on "Today", else the one the locale uses. */
export function pageSize(): 'a4' | 'letter' {
  return letterPrefs.pageSize ?? defaultPageSize(app.settings?.locale);
}

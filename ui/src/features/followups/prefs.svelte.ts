// Choices the follow-up screens share while the app runs (not saved).
import { app } from '../../lib/app.svelte';
import type { PageSize } from '../../lib/bindings';

export const letterPrefs = $state<{ pageSize: PageSize | null }>({ pageSize: null });

/** The paper size chosen on "Today", else the user's default (decided in Rust). */
export function pageSize(): PageSize {
  return letterPrefs.pageSize ?? app.settings?.default_paper_size ?? 'a4';
}

// Before "Send all e-mails" or "Print today's letters": when the last bank
// statement is older than the setting, ask (politely, once per session)
// whether to import the latest first, so nobody who paid is reminded.
import { api } from '../../lib/api';

export const bankCheck = $state<{
  asking: boolean;
  days: number | null;
  dismissed: boolean;
  answer: ((go: boolean) => void) | null;
}>({ asking: false, days: null, dismissed: false, answer: null });

/** Resolves true to go ahead, false when the user chose to import first. */
export async function okToChase(): Promise<boolean> {
  if (bankCheck.dismissed) return true;
  let stale = false;
  try {
    const s = await api.bankStatus();
    stale = s.stale;
    bankCheck.days = s.days_since_import == null ? null : Number(s.days_since_import);
  } catch {
    return true; // the check helps; it never blocks sending
  }
  if (!stale) return true;
  return new Promise((resolve) => {
    bankCheck.answer = resolve;
    bankCheck.asking = true;
  });
}

export function answer(goAhead: boolean): void {
  const done = bankCheck.answer;
  bankCheck.asking = false;
  bankCheck.answer = null;
  if (goAhead) bankCheck.dismissed = true;
  done?.(goAhead);
}

// The background sender's problem (a refused password, a locked keychain, a
// server out of reach…), shown on Today and in the outbox until the user
// dismisses it or a later batch goes through. Loaded at start (the problem
// may come before the window listens) and kept up to date by the
// outbox-background-problem event.
import { api, onBackgroundProblem } from '../../lib/api';
import type { BackgroundSendProblem } from '../../lib/bindings';

export const background = $state<{ problem: BackgroundSendProblem | null }>({ problem: null });

/** Starts following the background sender; returns the stop function. */
export function followBackgroundProblem(): () => void {
  api
    .backgroundSendProblem()
    .then((p) => (background.problem = p))
    .catch(() => {});
  const stop = onBackgroundProblem((p) => (background.problem = p));
  return () => {
    stop.then((s) => s()).catch(() => {});
  };
}

export async function dismissBackgroundProblem(): Promise<void> {
  background.problem = null;
  try {
    await api.dismissBackgroundProblem();
  } catch {
    // Hidden here already; the backend shows it again only if it happens again.
  }
}

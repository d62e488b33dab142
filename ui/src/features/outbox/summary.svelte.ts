// The outbox counts the whole app shows (the navigation badge, Today's notice),
// refreshed when a batch ends and after the user acts on a message.
import { api } from '../../lib/api';
import type { OutboxSummary } from '../../lib/bindings';

export const outbox = $state<{ summary: OutboxSummary | null }>({ summary: null });

let seq = 0;

export async function refreshOutboxSummary(): Promise<void> {
  const mine = ++seq;
  try {
    const s = await api.outboxSummary();
    if (mine === seq) outbox.summary = s;
  } catch {
    // The badge is a convenience: the outbox page itself reports errors.
  }
}

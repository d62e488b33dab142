// Queue, then send: the one path from today's queue to the outbox and out.
import { api } from '../../lib/api';
import type { SendReport, SkippedView } from '../../lib/bindings';

export type SendOutcome = {
  /** Outbox ids queued now. */
  queued: number[];
  skipped: SkippedView[];
  /** Null when nothing was queued (so nothing was sent). */
  report: SendReport | null;
};

/**
 * Queues the e-mails for these invoices and sends exactly those; with no
 * invoices, queues every e-mail due today and sends everything queued and due
 * (messages waiting from earlier too).
 */
export async function queueAndSend(invoiceIds: number[]): Promise<SendOutcome> {
  const q = await api.queueEmails({ invoice_ids: invoiceIds });
  const all = invoiceIds.length === 0;
  if (!all && q.queued.length === 0) return { queued: [], skipped: q.skipped, report: null };
  const report = await api.sendEmails(all ? null : q.queued);
  return { queued: q.queued, skipped: q.skipped, report };
}

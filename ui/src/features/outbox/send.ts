// Queue, then send: the one path from today's queue to the outbox and out.
import { api } from '../../lib/api';
import type { QueueEmailsRequest, SendReport, SkippedView } from '../../lib/bindings';

export type SendOutcome = {
  /** Outbox ids queued now. */
  queued: number[];
  skipped: SkippedView[];
  /** Null when nothing was queued (so nothing was sent). */
  report: SendReport | null;
};

/** What to queue: ladder steps by invoice, installment reminders by plan, promise follow-ups by promise. */
export type QueueTarget = { invoiceIds?: number[]; planIds?: number[]; promiseIds?: number[] };

/** The request for a target; nothing named means every e-mail due today. */
export function queueRequest(target: QueueTarget, expectedTotal: number | null = null): QueueEmailsRequest {
  return {
    invoice_ids: target.invoiceIds ?? [],
    plan_ids: target.planIds ?? [],
    promise_ids: target.promiseIds ?? [],
    expected_total: expectedTotal,
  };
}

/**
 * Queues the e-mails for this target and sends exactly those; with nothing
 * named, queues every e-mail due today (ladder steps, installment reminders,
 * promise follow-ups) and sends everything queued and due (messages waiting
 * from earlier too). With `expectedTotal` (the number the user confirmed),
 * nothing is queued when that is no longer the number due (`count_changed`).
 */
export async function queueAndSend(target: QueueTarget = {}, expectedTotal: number | null = null): Promise<SendOutcome> {
  const req = queueRequest(target, expectedTotal);
  const q = await api.queueEmails(req);
  const all = req.invoice_ids.length + req.plan_ids.length + req.promise_ids.length === 0;
  if (!all && q.queued.length === 0) return { queued: [], skipped: q.skipped, report: null };
  const report = await api.sendEmails(all ? null : q.queued);
  return { queued: q.queued, skipped: q.skipped, report };
}

// Pure helpers for e-mail sending and the outbox (no Svelte, no backend): tested in outbox.test.ts.
import { labels } from '../../lib/vocabulary';
import type {
  ApiError,
  BackgroundSendProblem,
  OutboxItem,
  OutboxState,
  SendAllPreview,
  SendProgress,
  SendReport,
  SkippedView,
} from '../../lib/bindings';

export type BadgeTone = 'neutral' | 'busy' | 'good' | 'attention' | 'muted';

/** The badge for an outbox state (in today's queue and on the outbox page). */
export function emailStateBadge(state: OutboxState | null | undefined): { label: string; tone: BadgeTone } | null {
  return state ? { label: labels.outboxState[state], tone: BADGE_TONES[state] } : null;
}

const BADGE_TONES: Record<OutboxState, BadgeTone> = {
  queued: 'neutral',
  sending: 'busy',
  sent: 'good',
  failed: 'attention',
  uncertain: 'attention',
  cancelled: 'muted',
};

/** States that wait for the user's decision (the outbox badge counts these). */
export function needsAttention(state: string | null | undefined): boolean {
  return state === 'failed' || state === 'uncertain';
}

export const OUTBOX_TABS = [
  { id: 'all', label: 'All', states: [] as string[] },
  { id: 'attention', label: 'Needs attention', states: ['failed', 'uncertain'] },
  { id: 'queued', label: 'Queued', states: ['queued', 'sending'] },
  { id: 'sent', label: 'Sent', states: ['sent'] },
  { id: 'withdrawn', label: 'Withdrawn', states: ['cancelled'] },
] as const;

export type OutboxTab = (typeof OUTBOX_TABS)[number]['id'];

export type OutboxActionKind = 'confirm_sent' | 'resend' | 'cancel';

/** What the user can do with a message in this state, in display order. */
export function outboxActions(state: string): { action: OutboxActionKind; label: string; testid: string }[] {
  switch (state) {
    case 'uncertain':
      return [
        { action: 'confirm_sent', label: 'It arrived — mark as sent', testid: 'outbox-confirm' },
        { action: 'resend', label: 'Send again', testid: 'outbox-resend' },
      ];
    case 'failed':
      return [
        { action: 'resend', label: 'Try again', testid: 'outbox-resend' },
        { action: 'cancel', label: 'Withdraw', testid: 'outbox-cancel' },
      ];
    case 'queued':
      return [{ action: 'cancel', label: 'Withdraw', testid: 'outbox-cancel' }];
    default:
      return [];
  }
}

/** 0–100 for the progress bar. */
export function progressPercent(p: Pick<SendProgress, 'done' | 'total'>): number {
  if (!(p.total > 0)) return 0;
  return Math.round((Math.min(Math.max(p.done, 0), p.total) / p.total) * 100);
}

/** "Sending 2 of 5 — to ana@example.com", then "3 of 5 done: 2 sent, 1 failed". */
export function progressText(p: SendProgress): string {
  const head =
    p.current && p.done < p.total
      ? `Sending ${p.done + 1} of ${p.total} — to ${p.current}`
      : `${p.done} of ${p.total} done`;
  const parts = outcomeParts(p);
  return parts.length ? `${head}: ${parts.join(', ')}` : head;
}

function outcomeParts(r: Pick<SendProgress, 'sent' | 'failed' | 'uncertain' | 'retrying'>): string[] {
  const parts: string[] = [];
  if (r.sent) parts.push(`${r.sent} sent`);
  if (r.failed) parts.push(`${r.failed} failed`);
  if (r.uncertain) parts.push(`${r.uncertain} may have been sent`);
  if (r.retrying) parts.push(`${r.retrying} will be retried`);
  return parts;
}

/** One sentence after a batch: what happened and what, if anything, needs the user. */
export function reportText(r: SendReport): string {
  const parts = outcomeParts(r);
  if (r.cancelled) parts.push(`${r.cancelled} withdrawn`);
  let text = parts.length ? `E-mails: ${parts.join(', ')}.` : 'No e-mails were sent.';
  if (r.recovered) {
    text += ` ${r.recovered === 1 ? 'One message was' : `${r.recovered} messages were`} interrupted earlier; see the outbox.`;
  }
  if (r.failed || r.uncertain) text += ' Please look at the outbox.';
  return text;
}

/** Why the batch stopped, if it stopped early. */
export function stoppedText(stopped: ApiError | null): string | null {
  return stopped ? `Sending stopped: ${stopped.message}` : null;
}

/** "INV-1, INV-2: Ana has no e-mail address…" */
export function skippedText(s: SkippedView): string {
  const what = s.invoice_numbers.length ? `${s.invoice_numbers.join(', ')}: ` : '';
  return `${what}${s.message}`;
}

/** "INV-2026-001" or "INV-1, INV-2". */
export function invoicesLabel(item: Pick<OutboxItem, 'invoice_numbers'>): string {
  return item.invoice_numbers.join(', ');
}

/** The button label for "Send all e-mails (N)". */
export function sendAllLabel(n: number, busy: boolean): string {
  if (busy) return 'Sending e-mails…';
  return n > 0 ? `Send all e-mails (${n})` : 'Send all e-mails';
}

/** What the "Send all e-mails" count is made of, for its tooltip. */
export function sendAllTitle(p: SendAllPreview): string {
  const n = (x: number, one: string, many: string) => `${x} ${x === 1 ? one : many}`;
  const parts = [`${n(p.new_messages, 'new message', 'new messages')} about ${n(p.invoices, 'invoice', 'invoices')}`];
  if (p.waiting > 0) parts.push(`${n(p.waiting, 'message', 'messages')} already waiting in the outbox`);
  return parts.join(', plus ');
}

/** The confirmation of "Send all e-mails": exactly what it will send. */
export function sendAllConfirmText(p: SendAllPreview): string {
  const n = (x: number, one: string, many: string) => `${x} ${x === 1 ? one : many}`;
  const parts = [
    `${n(p.new_messages, 'new message', 'new messages')} (one per client, about ${n(p.invoices, 'invoice', 'invoices')})`,
  ];
  if (p.waiting > 0) parts.push(`${n(p.waiting, 'message', 'messages')} already waiting in the outbox`);
  return `Kindly will send ${parts.join(' and ')} from your e-mail account, and record each in the client’s timeline.`;
}

/** How many items of today's queue can go out as e-mail now (e-mail channel, not yet in the outbox). */
export function sendableCount(items: readonly { channel: string; email_state: string | null }[]): number {
  return items.filter((i) => i.channel === 'email' && i.email_state === null).length;
}

/** The background sender's problem for people: what happened, what to do, and when Kindly tries again. */
export function backgroundProblemText(p: BackgroundSendProblem): {
  what: string;
  todo: string;
  settings: boolean;
} {
  const code = p.error.code;
  const again =
    p.retry_in_minutes >= 60
      ? `Kindly tries again by itself in about ${Math.round(p.retry_in_minutes / 60)} h`
      : `Kindly tries again by itself in ${Math.max(p.retry_in_minutes, 1)} min`;
  const what = `Queued e-mails could not be sent in the background: ${p.error.message}`;
  let todo: string;
  let settings = false;
  switch (code) {
    case 'smtp_auth':
      todo = 'Check the user name and password in Settings → E-mail (many providers need an app password).';
      settings = true;
      break;
    case 'password_missing':
      todo = 'Enter your e-mail password in Settings → E-mail.';
      settings = true;
      break;
    case 'keychain_locked':
      todo = "Unlock your system keychain (for example by logging in again), then send from Today.";
      break;
    case 'keychain_unavailable':
    case 'keychain_failed':
      todo = 'Kindly keeps the password only in the system keychain: start it (on Linux: GNOME Keyring or KWallet), then send from Today.';
      break;
    case 'smtp_dns':
    case 'smtp_connect':
    case 'smtp_timeout':
    case 'smtp_transient':
    case 'smtp_dropped':
      todo = 'Check your internet connection and the server name and port in Settings → E-mail. Nothing was sent and nothing is lost.';
      settings = true;
      break;
    case 'smtp_certificate':
    case 'smtp_tls':
    case 'smtp_sender_rejected':
    case 'smtp_not_configured':
    case 'smtp_settings_damaged':
      todo = 'Check the e-mail settings, then send the test e-mail there.';
      settings = true;
      break;
    default:
      todo = 'Your e-mails stay in the outbox. If this keeps happening, restart Kindly; the log file in the data folder has the details.';
  }
  return { what, todo: `${todo} ${again}, or send now from Today.`, settings };
}

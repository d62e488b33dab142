// Pure helpers for e-mail sending and the outbox (no Svelte, no backend): tested in outbox.test.ts.
// Texts come from the catalogue (`locales/<lang>/outbox.ftl`) when called, so they follow a change of language.
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { i18n, t } from '../../lib/i18n.svelte';
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
  {
    id: 'all',
    get label() {
      return t('outbox-tab-all');
    },
    states: [] as string[],
  },
  {
    id: 'attention',
    get label() {
      return t('outbox-tab-attention');
    },
    states: ['failed', 'uncertain'],
  },
  {
    id: 'queued',
    get label() {
      return t('outbox-tab-queued');
    },
    states: ['queued', 'sending'],
  },
  {
    id: 'sent',
    get label() {
      return t('outbox-tab-sent');
    },
    states: ['sent'],
  },
  {
    id: 'withdrawn',
    get label() {
      return t('outbox-tab-withdrawn');
    },
    states: ['cancelled'],
  },
] as const;

export type OutboxTab = (typeof OUTBOX_TABS)[number]['id'];

export type OutboxActionKind = 'confirm_sent' | 'resend' | 'cancel';

/** What the user can do with a message in this state, in display order. */
export function outboxActions(state: string): { action: OutboxActionKind; label: string; testid: string }[] {
  switch (state) {
    case 'uncertain':
      return [
        { action: 'confirm_sent', label: t('outbox-action-confirm'), testid: 'outbox-confirm' },
        { action: 'resend', label: t('outbox-action-send-again'), testid: 'outbox-resend' },
      ];
    case 'failed':
      return [
        { action: 'resend', label: t('outbox-action-try-again'), testid: 'outbox-resend' },
        { action: 'cancel', label: t('outbox-action-withdraw'), testid: 'outbox-cancel' },
      ];
    case 'queued':
      return [{ action: 'cancel', label: t('outbox-action-withdraw'), testid: 'outbox-cancel' }];
    default:
      return [];
  }
}

/** 0–100 for the progress bar. */
export function progressPercent(p: Pick<SendProgress, 'done' | 'total'>): number {
  if (!(p.total > 0)) return 0;
  return Math.round((Math.min(Math.max(p.done, 0), p.total) / p.total) * 100);
}

/** Counted parts of a sentence as the language lists them: "2 sent, 1 failed" ("2 gesendet und 1 fehlgeschlagen"). */
function list(parts: string[]): string {
  return new Intl.ListFormat(i18n.intl, { type: 'unit', style: 'short' }).format(parts);
}

/** "Sending 2 of 5 — to ana@example.com", then "3 of 5 done: 2 sent, 1 failed". */
export function progressText(p: SendProgress): string {
  const head =
    p.current && p.done < p.total
      ? t('outbox-progress-sending', { current: p.done + 1, total: p.total, to: p.current })
      : t('outbox-progress-done', { done: p.done, total: p.total });
  const parts = outcomeParts(p);
  return parts.length ? t('outbox-progress-with-outcomes', { progress: head, outcomes: list(parts) }) : head;
}

function outcomeParts(r: Pick<SendProgress, 'sent' | 'failed' | 'uncertain' | 'retrying'>): string[] {
  const parts: string[] = [];
  if (r.sent) parts.push(t('outbox-outcome-sent', { count: r.sent }));
  if (r.failed) parts.push(t('outbox-outcome-failed', { count: r.failed }));
  if (r.uncertain) parts.push(t('outbox-outcome-uncertain', { count: r.uncertain }));
  if (r.retrying) parts.push(t('outbox-outcome-retrying', { count: r.retrying }));
  return parts;
}

/** One sentence after a batch: what happened and what, if anything, needs the user. */
export function reportText(r: SendReport): string {
  const parts = outcomeParts(r);
  if (r.cancelled) parts.push(t('outbox-outcome-withdrawn', { count: r.cancelled }));
  const sentences = [parts.length ? t('outbox-report-outcomes', { outcomes: list(parts) }) : t('outbox-report-nothing')];
  if (r.recovered) sentences.push(t('outbox-report-recovered', { count: r.recovered }));
  if (r.failed || r.uncertain) sentences.push(t('outbox-report-look'));
  return sentences.join(' ');
}

/** Why the batch stopped, if it stopped early. */
export function stoppedText(stopped: ApiError | null): string | null {
  return stopped ? t('outbox-stopped', { message: errorMessage(stopped) }) : null;
}

/** "INV-1, INV-2: Ana has no e-mail address…" */
export function skippedText(s: SkippedView): string {
  const message = errorMessage({ code: s.code, message: s.message, field: null });
  return s.invoice_numbers.length ? t('outbox-skipped-invoices', { invoices: s.invoice_numbers.join(', '), message }) : message;
}

/**
 * Where a message stands, for people ("Sent 23 Nov 2026, 10:42"), from its
 * state and times (Rust's `status_text` is English only).
 */
export function statusText(
  item: Pick<OutboxItem, 'state' | 'attempts' | 'next_attempt_at' | 'sent_at' | 'sending_at'>,
): string {
  const at = (rfc: string | null) => (rfc ? formatDateTime(rfc) : '');
  switch (item.state) {
    case 'queued':
      return item.attempts > 0 ? t('outbox-status-retry', { at: at(item.next_attempt_at) }) : t('outbox-status-waiting');
    case 'sending':
      return t('outbox-status-sending');
    case 'sent':
      return t('outbox-status-sent', { at: at(item.sent_at) });
    case 'uncertain':
      return t('outbox-status-uncertain', { at: at(item.sending_at) });
    case 'failed':
      return t('outbox-status-failed');
    case 'cancelled':
      return t('outbox-status-withdrawn');
  }
}

/** The error a message failed with, in the UI's language when its code is known. */
export function itemError(item: Pick<OutboxItem, 'error' | 'error_code'>): string | null {
  if (!item.error) return null;
  return item.error_code ? errorMessage({ code: item.error_code as ApiError['code'], message: item.error, field: null }) : item.error;
}

/** "INV-2026-001" or "INV-1, INV-2". */
export function invoicesLabel(item: Pick<OutboxItem, 'invoice_numbers'>): string {
  return item.invoice_numbers.join(', ');
}

/** The button label for "Send all e-mails (N)". */
export function sendAllLabel(n: number, busy: boolean): string {
  if (busy) return t('outbox-send-all-busy');
  return n > 0 ? t('outbox-send-all-count', { count: n }) : t('outbox-send-all');
}

/** What the "Send all e-mails" count is made of, for its tooltip. */
export function sendAllTitle(p: SendAllPreview): string {
  const args = { messages: p.new_messages, invoices: p.invoices, waiting: p.waiting };
  return p.waiting > 0 ? t('outbox-send-all-title-waiting', args) : t('outbox-send-all-title', args);
}

/** The confirmation of "Send all e-mails": exactly what it will send. */
export function sendAllConfirmText(p: SendAllPreview): string {
  const args = { messages: p.new_messages, invoices: p.invoices, waiting: p.waiting };
  return p.waiting > 0 ? t('outbox-confirm-text-waiting', args) : t('outbox-confirm-text', args);
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
      ? t('outbox-background-again-hours', { hours: Math.round(p.retry_in_minutes / 60) })
      : t('outbox-background-again-minutes', { minutes: Math.max(p.retry_in_minutes, 1) });
  const what = t('outbox-background-what', { message: errorMessage(p.error) });
  let todo: string;
  let settings = false;
  switch (code) {
    case 'smtp_auth':
      todo = t('outbox-background-todo-auth');
      settings = true;
      break;
    case 'password_missing':
      todo = t('outbox-background-todo-password');
      settings = true;
      break;
    case 'keychain_locked':
      todo = t('outbox-background-todo-keychain-locked');
      break;
    case 'keychain_unavailable':
    case 'keychain_failed':
      todo = t('outbox-background-todo-keychain');
      break;
    case 'smtp_dns':
    case 'smtp_connect':
    case 'smtp_timeout':
    case 'smtp_transient':
    case 'smtp_dropped':
      todo = t('outbox-background-todo-connection');
      settings = true;
      break;
    case 'smtp_certificate':
    case 'smtp_tls':
    case 'smtp_sender_rejected':
    case 'smtp_not_configured':
    case 'smtp_settings_damaged':
      todo = t('outbox-background-todo-settings');
      settings = true;
      break;
    default:
      todo = t('outbox-background-todo-other');
  }
  return { what, todo: `${todo} ${again}`, settings };
}

// Pure helpers for the follow-up screens (no Svelte, no backend): tested in followups.test.ts.
import type { ApiError, Channel, LetterProblem, QueueItem, StageView, Tone } from '../../lib/bindings';
import { errorMessage } from '../../lib/errors';
import { t } from '../../lib/i18n.svelte';
import { labels } from '../../lib/vocabulary';

export function channelLabel(channel: Channel): string {
  return labels.channel[channel];
}


export function toneLabel(tone: Tone): string {
  return labels.tone[tone];
}

/** A stage's day offset in words: "3 days before due", "on the due date", "7 days after due". */
export function offsetLabel(days: number): string {
  if (!Number.isFinite(days)) return '';
  if (days === 0) return t('today-offset-on-due-date');
  const n = Math.abs(days);
  return days < 0 ? t('today-offset-before', { days: n }) : t('today-offset-after', { days: n });
}

/** The stage "Add stage" appends: a week after the last one, in its tone and channel. */
export function nextStage(stages: readonly StageView[]): StageView {
  const last = stages.at(-1);
  return {
    key: '',
    name: t('today-new-stage'),
    offset_days: (last?.offset_days ?? 0) + 7,
    tone: last?.tone ?? 'courteous',
    channel: last?.channel ?? 'email',
  };
}

/** Whole days are plain integers (not money): an empty or fractional box is refused before saving. */
export function offsetError(stages: readonly StageView[]): ApiError | null {
  const bad = stages.findIndex((s) => typeof s.offset_days !== 'number' || !Number.isInteger(s.offset_days));
  return bad < 0
    ? null
    : { code: 'invalid_offset', message: t('today-offset-not-whole', { stage: bad + 1 }), field: 'offset_days' };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); NaN if either is not a date. */
export function daysBetween(from: string, to: string): number {
  const d = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  };
  return Math.round((d(to) - d(from)) / 86_400_000);
}

/** "3 days overdue", "due today", "due in 5 days". */
export function dueLabel(item: Pick<QueueItem, 'days_overdue' | 'due_date'>, today: string): string {
  if (item.days_overdue > 0) return t('today-due-overdue', { days: item.days_overdue });
  const until = daysBetween(today, item.due_date);
  if (Number.isNaN(until)) return '';
  if (until <= 0) return t('today-due-today');
  return until === 1 ? t('today-due-tomorrow') : t('today-due-in', { days: until });
}

/** The other items of the same client in `items`, in order, without duplicates. */
export function sameClientOthers(items: readonly QueueItem[], item: Pick<QueueItem, 'client_id' | 'invoice_id'>): QueueItem[] {
  const seen = new Set<number>([item.invoice_id]);
  const out: QueueItem[] = [];
  for (const it of items) {
    if (it.client_id !== item.client_id || seen.has(it.invoice_id)) continue;
    seen.add(it.invoice_id);
    out.push(it);
  }
  return out;
}

/** Items grouped by client, keeping the order in which each client first appears. */
export function groupByClient(items: readonly QueueItem[]): { client_id: number; client_name: string; items: QueueItem[] }[] {
  const groups = new Map<number, { client_id: number; client_name: string; items: QueueItem[] }>();
  for (const it of items) {
    let g = groups.get(it.client_id);
    if (!g) {
      g = { client_id: it.client_id, client_name: it.client_name, items: [] };
      groups.set(it.client_id, g);
    }
    g.items.push(it);
  }
  return [...groups.values()];
}

/**
 * A translated sentence with a component in it (a file link, a badge): the
 * message is formatted with `MARK` standing for the component, and split
 * around it, so translators see the whole sentence and place the component.
 */
export const MARK = '\u0001';
export function around(message: string): [string, string] {
  const at = message.indexOf(MARK);
  return at < 0 ? [message, ''] : [message.slice(0, at), message.slice(at + MARK.length)];
}

/** `{{ name }}`, the form the palette inserts. */
export function placeholderText(name: string): string {
  return `{{ ${name} }}`;
}

/**
 * Replaces text[start, end) with `insert`; returns the new text and where the caret goes.
 * Out-of-range or reversed positions are clamped, so a stale selection never throws.
 */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const a = Math.max(0, Math.min(text.length, Number.isInteger(start) ? start : text.length));
  const b = Math.max(a, Math.min(text.length, Number.isInteger(end) ? end : a));
  return { text: text.slice(0, a) + insert + text.slice(b), caret: a + insert.length };
}

/** The full weekday date for the "Today" heading. */
export function formatDay(ymd: string, locale?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(d);
}

/** Why a letter was left out or drawn with a placeholder, in the UI's language (Rust's English keeps the specifics). */
export function problemText(p: Pick<LetterProblem, 'code' | 'reason'>): string {
  return errorMessage({ code: p.code, message: p.reason, field: null });
}

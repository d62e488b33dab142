// Labels and small rules for calls, promises, inbound contact and the timeline.
import type { CallLogResult, CallOutcome, TimelineEntryView } from '../../lib/bindings';
import { formatDate } from '../../lib/format';
import { t } from '../../lib/i18n.svelte';

/** Filter groups shown as checkboxes; each maps to timeline kinds (labels read when drawn, in the UI's language). */
export const KIND_GROUPS: { value: string; readonly label: string; kinds: string[] }[] = [
  {
    value: 'invoices',
    get label() {
      return t('contacts-filter-invoices');
    },
    kinds: ['invoice_created', 'invoice_issued', 'invoice_cancelled'],
  },
  {
    value: 'payments',
    get label() {
      return t('contacts-filter-payments');
    },
    kinds: ['payment_recorded', 'payment_reversed', 'refund_made', 'credit_note_issued'],
  },
  {
    value: 'followups',
    get label() {
      return t('contacts-filter-followups');
    },
    kinds: ['follow_up_done'],
  },
  {
    value: 'statements',
    get label() {
      return t('contacts-filter-statements');
    },
    kinds: ['statement_sent', 'statement_printed'],
  },
  {
    value: 'calls',
    get label() {
      return t('contacts-filter-calls');
    },
    kinds: ['call_logged'],
  },
  {
    value: 'inbound',
    get label() {
      return t('contacts-filter-inbound');
    },
    kinds: ['inbound_contact'],
  },
  {
    value: 'notes',
    get label() {
      return t('contacts-filter-notes');
    },
    kinds: ['note', 'correction'],
  },
  {
    value: 'promises',
    get label() {
      return t('contacts-filter-promises');
    },
    kinds: ['promise_recorded', 'promise_kept', 'promise_broken'],
  },
  {
    value: 'holds',
    get label() {
      return t('contacts-filter-holds');
    },
    kinds: ['chasing_changed', 'client_created', 'client_updated', 'interest_changed', 'interest_rate_added'],
  },
];

export function kindsFor(groups: string[]): string[] {
  return KIND_GROUPS.filter((g) => groups.includes(g.value)).flatMap((g) => g.kinds);
}

/** The user's offset from UTC in minutes (east positive), as the backend expects. */
export function utcOffsetMinutes(d = new Date()): number {
  return -d.getTimezoneOffset();
}

/** Tomorrow as YYYY-MM-DD from a YYYY-MM-DD day (calendar arithmetic, no time zone). */
export function nextDay(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return t.toISOString().slice(0, 10);
}

export type FileRef = { kind: string; path: string; sha256: string; name: string };

/** The files an entry carries (the shared `files` convention, or a letter's `pdf` + `sha256`). */
export function entryFiles(e: TimelineEntryView): FileRef[] {
  const d = e.data as Record<string, unknown>;
  const out: FileRef[] = [];
  if (Array.isArray(d.files)) {
    for (const f of d.files as Record<string, unknown>[]) {
      if (typeof f?.path === 'string') {
        out.push({
          kind: String(f.kind ?? 'file'),
          path: f.path,
          sha256: String(f.sha256 ?? ''),
          name: String(f.name ?? f.path),
        });
      }
    }
  }
  if (typeof d.pdf === 'string' && !out.some((f) => f.path === d.pdf)) {
    const name = d.pdf.split(/[\\/]/).pop() ?? d.pdf;
    out.push({ kind: 'pdf', path: d.pdf, sha256: String(d.sha256 ?? ''), name });
  }
  return out;
}

export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join(', ');
  return '';
}

/** The main text to show under an entry (an e-mail's body, a note, a call's notes). */
export function entryBody(e: TimelineEntryView): string {
  const d = e.data as Record<string, unknown>;
  return text(d.body) || text(d.text) || text(d.notes) || '';
}

/**
 * A message whose variables are marked (`\u0001`, `\u0002`, …) split
 * around them, so elements (a link, a file path in `<code>`) can sit where the
 * language puts them: `pieces('Saved \u0001 and \u0002')` → ['Saved ', ' and ', ''].
 */
export const MARKS = ['\u0001', '\u0002', '\u0003', '\u0004'] as const;
export function pieces(text: string): string[] {
  return text.split(/[\u0001-\u0004]/);
}

/**
 * What happens after a logged call, for people, from the outcome and what the
 * backend did (Rust's `CallLogResult.message` is English only).
 */
export function callResultText(
  outcome: CallOutcome,
  r: Pick<CallLogResult, 'promise_id' | 'stage_done' | 'retry_on' | 'suggested_channel'>,
): string {
  if (r.promise_id !== null) return t('contacts-call-logged-promise');
  if (outcome === 'reached') return r.stage_done ? t('contacts-call-logged-done') : t('contacts-call-logged');
  if (r.retry_on) return t('contacts-call-logged-retry', { date: formatDate(r.retry_on) });
  if (outcome === 'wrong_number') return t('contacts-call-wrong-number', { channel: r.suggested_channel ?? 'letter' });
  return t('contacts-call-logged');
}

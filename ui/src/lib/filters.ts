// The active filter of a list as removable chips with human labels
// ("EUR · 31–60 days overdue", "Due 2 Dec – 29 Dec 2026"). Each chip names
// the filter keys that removing it clears.
import type { ClientListFilter, InvoiceListFilter, PaymentListFilter } from './router.svelte';
import { labels } from './vocabulary';
import type { InvoiceState } from './bindings';

export type Chip<K extends string> = { keys: K[]; label: string };

const dayMonth = (d: Date, locale?: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d);
const dayMonthYear = (d: Date, locale?: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);

function parse(ymd: string | null | undefined): Date | null {
  const m = ymd ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd) : null;
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
}

/** "2 Dec – 29 Dec 2026", "28 Dec 2026 – 4 Jan 2027", "from 2 Dec 2026", "until 29 Dec 2026". */
export function periodLabel(from?: string | null, to?: string | null, locale = 'en-GB'): string | null {
  const f = parse(from);
  const t = parse(to);
  if (f && t) {
    const sameYear = f.getUTCFullYear() === t.getUTCFullYear();
    return `${sameYear ? dayMonth(f, locale) : dayMonthYear(f, locale)} – ${dayMonthYear(t, locale)}`;
  }
  if (f) return `from ${dayMonthYear(f, locale)}`;
  if (t) return `until ${dayMonthYear(t, locale)}`;
  return null;
}

/** Drops empty values, so an empty filter is `{}`. */
export function compact<T extends object>(f: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(f ?? {})) {
    if (v !== undefined && v !== null && v !== '' && v !== false) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export function invoiceFilterChips(f: InvoiceListFilter, locale?: string): Chip<keyof InvoiceListFilter>[] {
  const chips: Chip<keyof InvoiceListFilter>[] = [];
  if (f.state) chips.push({ keys: ['state'], label: labels.invoiceState[f.state as InvoiceState] ?? f.state });
  if (f.aging) {
    const aging = labels.agingBucket[f.aging];
    chips.push(f.currency ? { keys: ['currency', 'aging'], label: `${f.currency} · ${aging}` } : { keys: ['aging'], label: aging });
  } else if (f.currency) {
    chips.push({ keys: ['currency'], label: f.currency });
  }
  if (f.open_only && !f.aging) chips.push({ keys: ['open_only'], label: 'Still owing' });
  const due = periodLabel(f.due_from, f.due_to, locale);
  if (due) chips.push({ keys: ['due_from', 'due_to'], label: `Due ${due}` });
  const issued = periodLabel(f.issued_from, f.issued_to, locale);
  if (issued) chips.push({ keys: ['issued_from', 'issued_to', 'issued_only'], label: `Issued ${issued}` });
  else if (f.issued_only) chips.push({ keys: ['issued_only'], label: 'Issued' });
  if (f.client_id != null) chips.push({ keys: ['client_id'], label: `Client #${f.client_id}` });
  if (f.search) chips.push({ keys: ['search'], label: `“${f.search}”` });
  return chips;
}

export function paymentFilterChips(f: PaymentListFilter, locale?: string): Chip<keyof PaymentListFilter>[] {
  const chips: Chip<keyof PaymentListFilter>[] = [];
  if (f.currency) chips.push({ keys: ['currency'], label: f.currency });
  const period = periodLabel(f.from, f.to, locale);
  if (period) chips.push({ keys: ['from', 'to'], label: `Paid ${period}` });
  if (f.client_id != null) chips.push({ keys: ['client_id'], label: `Client #${f.client_id}` });
  return chips;
}

export function clientFilterChips(f: ClientListFilter): Chip<keyof ClientListFilter>[] {
  const chips: Chip<keyof ClientListFilter>[] = [];
  if (f.balance && f.balance !== 'all') {
    const what = labels.clientBalance[f.balance];
    chips.push(f.currency ? { keys: ['balance', 'currency'], label: `${f.currency} · ${what}` } : { keys: ['balance'], label: what });
  } else if (f.currency) {
    chips.push({ keys: ['currency'], label: f.currency });
  }
  if (f.search) chips.push({ keys: ['search'], label: `“${f.search}”` });
  return chips;
}

/** The filter without the chip's keys. */
export function without<F extends object>(f: F, keys: (keyof F)[]): F {
  const out = { ...f };
  for (const k of keys) delete out[k];
  return out;
}

// The overview's words and chart numbers, kept out of the page so they can
// be tested. Amounts arrive as exact decimal strings; they become numbers
// only to draw a bar.
import { FluentNumber } from '@fluent/bundle';
import type { MoneyView } from '../../lib/bindings';
import { t } from '../../lib/i18n.svelte';

/** A bar's height for an amount (drawing only: the figures shown are the strings). */
export function chartNumber(m: MoneyView): number {
  const n = Number(m.amount);
  return Number.isFinite(n) ? n : 0;
}

/** "€12k" for an axis: short, in the currency and the user's language. */
export function axisMoney(value: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return String(value);
  }
}

/** "2026-01" → "Jan 26" in the user's language. */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  const d = new Date(Date.UTC(y, m - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(d);
}

/** "2026-12-02" → "2 Dec" in the user's language. */
export function dayLabel(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** "2 Dec – 8 Dec". */
export function rangeLabel(from: string, to: string, locale: string): string {
  return from === to ? dayLabel(from, locale) : `${dayLabel(from, locale)} – ${dayLabel(to, locale)}`;
}

/** "38 days", "1 day", or "—" when there is nothing to base it on. */
export function daysText(days: string | null | undefined): string {
  if (days == null || days === '') return '—';
  const n = Number(days);
  if (!Number.isFinite(n)) return days;
  // Keep the decimals Rust sent ("38.0"), written in the UI's notation ("38,0").
  const decimals = days.split('.')[1]?.length ?? 0;
  return t('overview-days', { days: new FluentNumber(n, { minimumFractionDigits: decimals }) });
}

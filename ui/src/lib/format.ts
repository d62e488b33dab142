// Date, count and money formatting with Intl, in the UI's language.

import type { MoneyView } from './bindings';
import { i18n } from './i18n.svelte';

// Dates, numbers and amounts follow the UI's language (`i18n.intl`, e.g.
// "de-DE", or the OS's own "en-US"), so they match the words around them.
const currentLocale = (): string => i18n.intl;

// Building an Intl formatter costs far more than using one, and lists draw
// thousands of dates and amounts: each shape is built once per locale.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}
const wholeNumbers = (locale: string) =>
  cached(`n|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));

/** "2026-03-01" → "1 Mar 2026" (a calendar day: no time-zone shift). */
export function formatDate(ymd: string | null | undefined, locale = currentLocale()): string {
  if (!ymd) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(d);
}

/** An RFC 3339 instant shown in the user's time zone. */
export function formatDateTime(rfc3339: string, locale = currentLocale(), timeZone?: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

/** 10000 → "10,000" (counts of things, not money). */
export function formatCount(n: number, locale = currentLocale()): string {
  return wholeNumbers(locale).format(n);
}

/**
 * An amount for people: "€1,234.56" (en-GB), "1.234,56 €" (de-DE), from
 * Rust's exact decimal text. The digits never pass through a float: Intl
 * draws the currency's shape around one unit, and the integer part (grouped
 * as a BigInt) and the fraction digits are put into it as sent.
 */
export function formatMoney(m: Pick<MoneyView, 'amount' | 'currency'>, locale = currentLocale()): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(m.amount);
  if (!match) return `${m.amount} ${m.currency}`;
  const [, sign, whole, fraction = ''] = match;
  try {
    const money = cached(
      `m|${locale}|${m.currency}|${fraction.length}`,
      () =>
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: m.currency,
          minimumFractionDigits: fraction.length,
          maximumFractionDigits: fraction.length,
        }),
    );
    const shape = money.formatToParts(sign ? -1 : 1);
    const grouped = wholeNumbers(locale).format(BigInt(whole));
    let placed = false;
    return shape
      .map((p) => {
        if (p.type === 'integer') {
          if (placed) return '';
          placed = true;
          return grouped;
        }
        if (p.type === 'group') return '';
        if (p.type === 'fraction') return fraction;
        return p.value;
      })
      .join('');
  } catch {
    return `${m.amount} ${m.currency}`;
  }
}

/** Amounts in several currencies, never added together: "€10.00 · £5.00". */
export function formatMoneyList(amounts: readonly Pick<MoneyView, 'amount' | 'currency'>[], locale = currentLocale()): string {
  return amounts.map((m) => formatMoney(m, locale)).join(' · ');
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** "1234.50" (Rust's plain decimal) → "1.234,50" for an input in German. */
export function amountForInput(plain: string, locale = currentLocale()): string {
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return plain;
  const { decimal } = separators(locale);
  return plain.replace('.', decimal);
}

/**
 * What the user typed in their locale → the plain decimal Rust reads
 * ("1.234,50" in German → "1234.50"). Text that is not a number in the
 * locale's own notation goes to Rust unchanged, so its specific error
 * ("not an amount", "ambiguous") is what the user sees.
 */
export function amountFromInput(typed: string, locale = currentLocale()): string {
  const { group, decimal } = separators(locale);
  const text = typed.trim().replace(/\s|\u00a0|\u202f/g, '');
  const groupRe = group.trim() === '' ? null : group;
  const stripped = groupRe ? text.split(groupRe).join('') : text;
  if (!new RegExp(`^-?\\d+(\\${decimal}\\d+)?$`).test(stripped)) return typed.trim();
  // A German "1.234" (group only) would be 1234; keep it, Rust's check for
  // a well-placed group is then done here: groups of three after the first.
  if (groupRe && text.includes(groupRe)) {
    const intPart = text.split(decimal)[0].replace(/^-/, '');
    const groups = intPart.split(groupRe);
    if (groups.slice(1).some((g) => g.length !== 3) || groups[0].length === 0 || groups[0].length > 3) return typed.trim();
  }
  return stripped.replace(decimal, '.');
}

/** "a@x.com, b@y.org" → ["a@x.com", "b@y.org"]; blanks dropped. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

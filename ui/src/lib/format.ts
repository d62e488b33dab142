// Date and count formatting with Intl. Money is formatted by Rust (MoneyView.formatted).

let currentLocale: string | undefined = undefined;

/** Use the locale from settings (e.g. "en", "de"); falls back to the system's. */
export function setLocale(locale: string | undefined | null): void {
  // Kindly's English wording (letters, e-mails, plan texts from Rust) writes
  // "7 November 2026"; plain "en" in Intl would show "Nov 7, 2026" beside it.
  const tag = locale === 'en' ? 'en-GB' : locale;
  try {
    currentLocale = tag ? Intl.getCanonicalLocales(tag)[0] : undefined;
  } catch {
    currentLocale = undefined;
  }
}

/** "2026-03-01" → "1 Mar 2026" (a calendar day: no time-zone shift). */
export function formatDate(ymd: string | null | undefined, locale = currentLocale): string {
  if (!ymd) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** An RFC 3339 instant shown in the user's time zone. */
export function formatDateTime(rfc3339: string, locale = currentLocale, timeZone?: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

/** 10000 → "10,000" (counts of things, not money). */
export function formatCount(n: number, locale = currentLocale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** "one client" / "10,000 clients". */
export function countLabel(n: number, singular: string, plural: string, locale = currentLocale): string {
  return `${formatCount(n, locale)} ${n === 1 ? singular : plural}`;
}

/** "a@x.com, b@y.org" → ["a@x.com", "b@y.org"]; blanks dropped. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// Calendar dates typed and shown in the user's locale ("31.12.2026",
// "31/12/2026", "12/31/2026"), carried to Rust as ISO "2026-12-31". A text
// field replaces `<input type="date">`, whose display follows the web view's
// own locale (US order in WebKitGTK) rather than the user's.
import { i18n } from './i18n.svelte';

type Part = 'day' | 'month' | 'year';

/** The order of day, month and year and the separator the locale writes dates with. */
export function dateShape(locale = i18n.intl): { order: Part[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(
    new Date(Date.UTC(2026, 11, 31)),
  );
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as Part);
  const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  return { order: order.length === 3 ? order : ['day', 'month', 'year'], separator };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-12-31" → "31.12.2026" (German); anything not ISO comes back unchanged. */
export function dateForInput(iso: string | null | undefined, locale = i18n.intl): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const { order, separator } = dateShape(locale);
  const by: Record<Part, string> = { year: m[1], month: m[2], day: m[3] };
  return order.map((p) => by[p]).join(separator);
}

/** An example of the format, for the placeholder: "31.12.2026". */
export function datePlaceholder(locale = i18n.intl): string {
  return dateForInput('2026-12-31', locale);
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * What the user typed → ISO "YYYY-MM-DD". Accepts the locale's order with any
 * of `. / -` or spaces between the parts, a two-digit year (20xx), and ISO
 * itself. Anything else (or an impossible day such as 31.02.) is returned as
 * typed, so Rust's "not a date" error names it.
 */
export function dateFromInput(typed: string, locale = i18n.intl): string {
  const text = typed.trim();
  if (text === '') return '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let y: number, m: number, d: number;
  if (iso) {
    [y, m, d] = [+iso[1], +iso[2], +iso[3]];
  } else {
    const nums = text.split(/[./\-\s]+/).filter((s) => s !== '');
    if (nums.length !== 3 || nums.some((n) => !/^\d+$/.test(n))) return text;
    const { order } = dateShape(locale);
    const by = Object.fromEntries(order.map((p, i) => [p, nums[i]])) as Record<Part, string>;
    if (by.year.length !== 2 && by.year.length !== 4) return text;
    y = by.year.length === 2 ? 2000 + +by.year : +by.year;
    [m, d] = [+by.month, +by.day];
  }
  if (!isRealDate(y, m, d)) return text;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

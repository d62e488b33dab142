// Pure helpers for the invoice editor (text in, text out; no money arithmetic).
import type { ApiError, LineInput } from '../../lib/bindings';

export type PickedClient = { id: number; name: string };

export type EditorLine = LineInput & { key: number };

const COLUMNS: readonly (keyof LineInput)[] = ['description', 'quantity', 'unit_price', 'tax_rate'];

/**
 * Where a line-level error belongs: `lines[2].unit_price` → line 2's price;
 * `lines` (no line, or too many) → the description column of every line;
 * null for any other field.
 */
export function linePath(field: string | null): { index: number | null; column: keyof LineInput } | null {
  if (field === 'lines') return { index: null, column: 'description' };
  const m = /^lines\[(\d+)\](?:\.(\w+))?$/.exec(field ?? '');
  if (!m) return null;
  const column = (COLUMNS as readonly string[]).includes(m[2]) ? (m[2] as keyof LineInput) : 'description';
  return { index: Number(m[1]), column };
}

/** The editor's cells (`key:column`) that the problems point at; `lines` marks every line. */
export function badCells(problems: ApiError[], keys: number[]): Set<string> {
  const cells = new Set<string>();
  for (const p of problems) {
    const at = linePath(p.field);
    if (!at) continue;
    const rows = at.index === null ? keys : keys[at.index] !== undefined ? [keys[at.index]] : [];
    for (const k of rows) cells.add(`${k}:${at.column}`);
  }
  return cells;
}

/** A line nobody has typed into yet (left out of the live preview). */
export function isBlankLine(l: LineInput): boolean {
  const q = l.quantity.trim();
  return l.description.trim() === '' && l.unit_price.trim() === '' && l.tax_rate.trim() === '' && (q === '' || q === '1');
}

export function toLineInput(l: LineInput): LineInput {
  return { description: l.description, quantity: l.quantity, unit_price: l.unit_price, tax_rate: l.tax_rate };
}

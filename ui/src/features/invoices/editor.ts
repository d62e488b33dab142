// Pure helpers for the invoice editor (text in, text out; no money arithmetic).
import type { LineInput } from '../../lib/bindings';

export type PickedClient = { id: number; name: string };

export type EditorLine = LineInput & { key: number };

/** Which input column a line-level error belongs to, or null for other fields. */
export function lineColumn(field: string | null): keyof LineInput | null {
  switch (field) {
    case 'quantity':
    case 'unit_price':
    case 'tax_rate':
    case 'description':
      return field;
    case 'lines':
      return 'description';
    default:
      return null;
  }
}

/** A line nobody has typed into yet (left out of the live preview). */
export function isBlankLine(l: LineInput): boolean {
  const q = l.quantity.trim();
  return l.description.trim() === '' && l.unit_price.trim() === '' && l.tax_rate.trim() === '' && (q === '' || q === '1');
}

export function toLineInput(l: LineInput): LineInput {
  return { description: l.description, quantity: l.quantity, unit_price: l.unit_price, tax_rate: l.tax_rate };
}

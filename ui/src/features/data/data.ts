// Pure helpers of the "Import and export" page (tested in data.test.ts).
import type { EInvoiceOutcome, FieldColumn, ImportField, Mapping, Problem } from '../../lib/bindings';
import { labels } from '../../lib/vocabulary';

/** The mapping with `field` read from `column` (null: not in the file). */
export function setColumn(mapping: Mapping, field: ImportField, column: number | null): Mapping {
  const columns: FieldColumn[] = mapping.columns.map((c) => (c.field === field ? { field, column } : c));
  return { ...mapping, columns };
}

/** The column a field reads, as a select's value ("" for none). */
export function columnValue(mapping: Mapping, field: ImportField): string {
  const c = mapping.columns.find((x) => x.field === field)?.column;
  return c == null ? '' : String(c);
}

/** Problems grouped by row, rows in file order. */
export function problemsByRow(problems: Problem[]): { row: number; problems: Problem[] }[] {
  const by = new Map<number, Problem[]>();
  for (const p of problems) by.set(Number(p.row), [...(by.get(Number(p.row)) ?? []), p]);
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([row, problems]) => ({ row, problems }));
}

/** A file name for an export, e.g. "kindly-invoices-2026-11-30". */
export function exportName(kind: string, today: Date): string {
  const d = today.toISOString().slice(0, 10);
  return `kindly-${kind}-${d}`;
}

/** How an e-invoice file's import ended, in words. */
export function einvoiceOutcomeLabel(o: EInvoiceOutcome): string {
  return labels.einvoiceOutcome[o];
}

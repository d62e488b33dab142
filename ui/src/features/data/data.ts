// Pure helpers of the "Import and export" page (tested in data.test.ts).
import type { EInvoiceOutcome, FieldColumn, ImportField, ImportKind, ImportReport, Mapping, Problem } from '../../lib/bindings';
import { t } from '../../lib/i18n.svelte';
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

/**
 * "3 new, 1 already in Kindly, 2 problems" in the UI's language, from the
 * report's counts (its `summary` is Rust's English wording of the same).
 */
export function importSummary(r: ImportReport, kind: ImportKind): string {
  const fresh = Number(kind === 'clients' ? r.new_clients : kind === 'invoices' ? r.new_invoices : r.new_payments);
  const args = { new: fresh, already: Number(r.already_in_kindly), problems: r.problems.length };
  return r.problems.length > 0 ? t('data-summary-problems', args) : t('data-summary', args);
}

/** How an e-invoice file's import ended, in words. */
export function einvoiceOutcomeLabel(o: EInvoiceOutcome): string {
  return labels.einvoiceOutcome[o];
}

import { describe, expect, it } from 'vitest';
import type { ImportReport, Mapping, Problem } from '../../lib/bindings';
import { columnValue, einvoiceOutcomeLabel, exportName, importSummary, problemsByRow, setColumn } from './data';

const mapping: Mapping = {
  kind: 'invoices',
  preset: null,
  encoding: 'utf8',
  delimiter: ',',
  decimal: 'point',
  date_format: 'iso',
  header_row: 0,
  default_currency: 'EUR',
  columns: [
    { field: 'invoice_number', column: 0 },
    { field: 'total', column: null },
  ],
};

describe('the mapping helpers', () => {
  it('sets and reads a field column without touching the others', () => {
    const m = setColumn(mapping, 'total', 3);
    expect(columnValue(m, 'total')).toBe('3');
    expect(columnValue(m, 'invoice_number')).toBe('0');
    expect(columnValue(mapping, 'total')).toBe('');
    expect(columnValue(setColumn(m, 'total', null), 'total')).toBe('');
  });

  it('groups problems by row in file order', () => {
    const p = (row: number, column: string): Problem => ({ row, column, value: '', message: 'm', code: 'required' });
    const g = problemsByRow([p(7, 'Total'), p(3, 'Date'), p(7, '')]);
    expect(g.map((x) => [x.row, x.problems.length])).toEqual([
      [3, 1],
      [7, 2],
    ]);
  });

  it('names exports by kind and day', () => {
    expect(exportName('clients', new Date('2026-11-30T12:00:00Z'))).toBe('kindly-clients-2026-11-30');
  });
});

describe('the import summary', () => {
  const report = (problems: number) =>
    ({
      rows: 5,
      new_clients: 1,
      new_invoices: 3,
      new_payments: 0,
      already_in_kindly: 2,
      problems: Array.from({ length: problems }, () => ({ row: 2, column: 'Total', value: 'x', message: 'm' })),
    }) as unknown as ImportReport;

  it('counts what is new for the kind of file, as Rust words it in English', () => {
    expect(importSummary(report(0), 'invoices')).toBe('3 new, 2 already in Kindly');
    expect(importSummary(report(1), 'clients')).toBe('1 new, 2 already in Kindly, 1 problem');
    expect(importSummary(report(2), 'payments')).toBe('0 new, 2 already in Kindly, 2 problems');
  });
});

describe('e-invoice import outcomes', () => {
  it('has a label for each outcome', () => {
    expect(einvoiceOutcomeLabel('imported')).toBe('Imported');
    expect(einvoiceOutcomeLabel('already_imported')).toBe('Already there');
    expect(einvoiceOutcomeLabel('refused')).toBe('Not imported');
  });
});

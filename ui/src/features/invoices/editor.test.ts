import { describe, expect, it } from 'vitest';
import { isBlankLine, lineColumn } from './editor';

describe('invoice editor helpers', () => {
  it('leaves untouched lines out of the preview', () => {
    expect(isBlankLine({ description: '', quantity: '1', unit_price: '', tax_rate: '' })).toBe(true);
    expect(isBlankLine({ description: '', quantity: '', unit_price: ' ', tax_rate: '' })).toBe(true);
    expect(isBlankLine({ description: 'Design', quantity: '1', unit_price: '', tax_rate: '' })).toBe(false);
    expect(isBlankLine({ description: '', quantity: '2', unit_price: '', tax_rate: '' })).toBe(false);
  });

  it('maps error fields to line columns', () => {
    expect(lineColumn('unit_price')).toBe('unit_price');
    expect(lineColumn('lines')).toBe('description');
    expect(lineColumn('due_date')).toBeNull();
    expect(lineColumn(null)).toBeNull();
  });
});

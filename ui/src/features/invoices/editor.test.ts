import { describe, expect, it } from 'vitest';
import { badCells, isBlankLine, linePath } from './editor';

describe('invoice editor helpers', () => {
  it('leaves untouched lines out of the preview', () => {
    expect(isBlankLine({ description: '', quantity: '1', unit_price: '', tax_rate: '' })).toBe(true);
    expect(isBlankLine({ description: '', quantity: '', unit_price: ' ', tax_rate: '' })).toBe(true);
    expect(isBlankLine({ description: 'Design', quantity: '1', unit_price: '', tax_rate: '' })).toBe(false);
    expect(isBlankLine({ description: '', quantity: '2', unit_price: '', tax_rate: '' })).toBe(false);
  });

  it('reads a line path from an error field', () => {
    expect(linePath('lines[2].unit_price')).toEqual({ index: 2, column: 'unit_price' });
    expect(linePath('lines[0]')).toEqual({ index: 0, column: 'description' });
    expect(linePath('lines')).toEqual({ index: null, column: 'description' });
    expect(linePath('due_date')).toBeNull();
    expect(linePath('lines[x].unit_price')).toBeNull();
    expect(linePath(null)).toBeNull();
  });

  it('marks exactly the cells the problems name', () => {
    const p = (field: string) => ({ code: 'invalid_amount' as const, message: 'm', field });
    const cells = badCells([p('lines[1].unit_price'), p('lines[2].quantity')], [10, 11, 12]);
    expect([...cells].sort()).toEqual(['11:unit_price', '12:quantity']);
    expect([...badCells([p('lines')], [10, 11])].sort()).toEqual(['10:description', '11:description']);
    expect(badCells([p('lines[5].tax_rate')], [10]).size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { conflictFrom, conflictMessage, isChangedElsewhere } from './conflict';

describe('conflict', () => {
  it('recognises only the changed-elsewhere refusal', () => {
    expect(isChangedElsewhere({ code: 'changed_elsewhere', message: 'Anna changed this client', field: null })).toBe(true);
    expect(isChangedElsewhere({ code: 'invoice_immutable', message: 'Issued', field: null })).toBe(false);
    expect(isChangedElsewhere(null)).toBe(false);
    expect(isChangedElsewhere(undefined)).toBe(false);
  });

  it('names who changed the record and when, from the record as it is now', () => {
    const at = (s: string) => `at(${s})`;
    const c = conflictFrom({ version: 3, changed_by: 'Anna', changed_at: '2026-03-01T10:42:00.000Z' }, at);
    expect(c).toEqual({ by: 'Anna', at: 'at(2026-03-01T10:42:00.000Z)', version: 3 });
    expect(conflictMessage('client', c)).toEqual({
      id: 'conflict-client-named',
      args: { name: 'Anna', time: 'at(2026-03-01T10:42:00.000Z)' },
    });
  });

  it('says "someone" when the change carries no name', () => {
    const c = conflictFrom({ version: 2, changed_by: null, changed_at: null }, (s) => s);
    expect(c).toEqual({ by: null, at: null, version: 2 });
    expect(conflictMessage('invoice', c).id).toBe('conflict-invoice-someone');
    expect(conflictFrom({ version: 2, changed_by: '  ', changed_at: null }, (s) => s).by).toBeNull();
  });
});

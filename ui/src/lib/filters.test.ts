import { describe, expect, it } from 'vitest';
import { clientFilterChips, compact, invoiceFilterChips, paymentFilterChips, periodLabel, without } from './filters';

describe('filter chips', () => {
  it('names periods in one year once, across years both', () => {
    expect(periodLabel('2026-12-02', '2026-12-29')).toBe('2 Dec – 29 Dec 2026');
    expect(periodLabel('2026-12-28', '2027-01-04')).toBe('28 Dec 2026 – 4 Jan 2027');
    expect(periodLabel('2026-12-02', null)).toBe('from 2 Dec 2026');
    expect(periodLabel(undefined, '2026-12-29')).toBe('until 29 Dec 2026');
    expect(periodLabel('', null)).toBeNull();
  });

  it('labels the overview’s invoice filters as people say them', () => {
    expect(invoiceFilterChips({ currency: 'EUR', aging: 'days_31_60' }, 'en-GB')).toEqual([
      { keys: ['currency', 'aging'], label: 'EUR · 31–60 days overdue' },
    ]);
    expect(
      invoiceFilterChips({ open_only: true, due_from: '2026-12-02', due_to: '2026-12-29' }, 'en-GB').map((c) => c.label),
    ).toEqual(['Still owing', 'Due 2 Dec – 29 Dec 2026']);
    expect(
      invoiceFilterChips({ issued_from: '2026-10-01', issued_to: '2026-10-31', currency: 'USD' }, 'en-GB').map(
        (c) => c.label,
      ),
    ).toEqual(['USD', 'Issued 1 Oct – 31 Oct 2026']);
    expect(invoiceFilterChips({})).toEqual([]);
  });

  it('labels payments and clients filters', () => {
    expect(paymentFilterChips({ currency: 'EUR', from: '2026-10-01', to: '2026-10-31' }, 'en-GB')).toEqual([
      { keys: ['currency'], label: 'EUR' },
      { keys: ['from', 'to'], label: 'Paid 1 Oct – 31 Oct 2026' },
    ]);
    expect(clientFilterChips({ balance: 'overdue', currency: 'EUR' })).toEqual([
      { keys: ['balance', 'currency'], label: 'EUR · Overdue' },
    ]);
    expect(clientFilterChips({ balance: 'all' })).toEqual([]);
  });

  it('removes a chip’s keys and drops empty values', () => {
    expect(without({ currency: 'EUR', aging: 'days_1_30', open_only: true }, ['currency', 'aging'])).toEqual({
      open_only: true,
    });
    expect(compact({ currency: null, from: '', to: '2026-10-31', client_id: undefined })).toEqual({ to: '2026-10-31' });
  });
});

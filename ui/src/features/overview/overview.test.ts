import { describe, expect, it } from 'vitest';
import { axisMoney, chartNumber, daysText, monthLabel, rangeLabel } from './overview';

describe('overview words', () => {
  it('draws amounts from their exact strings', () => {
    expect(chartNumber({ currency: 'EUR', amount: '1234.56', formatted: '€1,234.56', is_zero: false })).toBe(1234.56);
    expect(chartNumber({ currency: 'EUR', amount: 'oops', formatted: '', is_zero: false })).toBe(0);
  });

  it('writes short axis amounts in the currency', () => {
    expect(axisMoney(12000, 'EUR', 'en')).toBe('€12K');
    expect(axisMoney(5, 'XXX-not', 'en')).toBe('5');
  });

  it('names months and ranges in the language', () => {
    expect(monthLabel('2026-01', 'en')).toBe('Jan 26');
    expect(monthLabel('2026-03', 'de')).toBe('März 26');
    expect(rangeLabel('2026-12-02', '2026-12-08', 'en')).toBe('Dec 2 – Dec 8');
    expect(rangeLabel('2026-12-02', '2026-12-02', 'de')).toBe('2. Dez.');
  });

  it('says days, or a dash when nothing was paid', () => {
    expect(daysText('38.5')).toBe('38.5 days');
    expect(daysText('1')).toBe('1 day');
    expect(daysText(null)).toBe('—');
  });
});

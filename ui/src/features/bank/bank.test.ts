import { describe, expect, it } from 'vitest';
import { entryStatusLabel, tierLabel } from './bank';

describe('bank labels', () => {
  it('names every entry status and tier for people', () => {
    expect(entryStatusLabel('recorded')).toBe('Payment recorded');
    expect(entryStatusLabel('known')).toBe('Imported before');
    expect(tierLabel(1)).toBe('by payment reference');
    expect(tierLabel(3)).toBe('by known payer and amount');
    expect(tierLabel(9)).toBe('');
  });
});

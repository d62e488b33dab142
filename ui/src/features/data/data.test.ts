import { describe, expect, it } from 'vitest';
import { einvoiceOutcomeLabel } from './data';

describe('e-invoice import outcomes', () => {
  it('has a label for each outcome', () => {
    expect(einvoiceOutcomeLabel('imported')).toBe('Imported');
    expect(einvoiceOutcomeLabel('already_imported')).toBe('Already there');
    expect(einvoiceOutcomeLabel('refused')).toBe('Not imported');
  });
});

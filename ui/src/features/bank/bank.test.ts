import { describe, expect, it } from 'vitest';
import type { BankReasonView, MoneyView } from '../../lib/bindings';
import { inUiLanguage } from '../../lib/test-language';
import { phraseParts } from '../../lib/Phrase.svelte';
import { entryStatusLabel, reasonPhrase, tierLabel } from './bank';

const eur = (amount: string): MoneyView => ({ currency: 'EUR', amount, formatted: `${amount} EUR`, is_zero: false });

function reason(r: Partial<BankReasonView>): BankReasonView {
  return {
    kind: 'no_match',
    found_by: null,
    references: [],
    invoices: [],
    invoice: null,
    amount: null,
    balance: null,
    difference: null,
    invoice_currency: null,
    not_recorded: null,
    ...r,
  };
}

const partial = reason({
  kind: 'partial_payment',
  found_by: 'invoice_number',
  invoices: ['INV-2026-7'],
  invoice: 'INV-2026-7',
  amount: eur('55.00'),
  balance: eur('100.00'),
  difference: eur('45.00'),
});

/** The sentence as shown, and the parts kept out of translation. */
function shown(r: BankReasonView): { text: string; kept: string[] } {
  const p = reasonPhrase(r);
  const parts = phraseParts(p.text, p.values);
  // Intl puts a no-break space between amount and symbol in German.
  const text = parts.map((x) => x.text).join('').replace(/[\u00a0\u202f]/g, ' ');
  return { text, kept: parts.filter((x) => x.keep).map((x) => x.text) };
}

describe('bank labels', () => {
  it('names every entry status and tier for people', () => {
    expect(entryStatusLabel('recorded')).toBe('Payment recorded');
    expect(entryStatusLabel('known')).toBe('Imported before');
    expect(tierLabel(1)).toBe('by payment reference');
    expect(tierLabel(3)).toBe('by known payer and amount');
    expect(tierLabel(9)).toBe('');
  });

  it('words a match reason from its kind and facts as Rust did in English', () => {
    expect(shown(partial).text).toBe(
      'Found by invoice number INV-2026-7 in the payment text: partial payment of €55.00 on invoice INV-2026-7; €45.00 stays open.',
    );
    expect(shown(partial).kept).toEqual(['INV-2026-7', 'INV-2026-7']);
    const two = reason({ kind: 'known_payer', invoices: ['A-101', 'A-102'], amount: eur('80.00') });
    expect(shown(two).text).toContain('A-101, A-102 each have a balance of exactly €80.00');
  });
});

describe('in German', () => {
  inUiLanguage('de');

  it('words a match reason in German, the invoice numbers and references kept as written', () => {
    expect(shown(partial).text).toBe(
      'Gefunden über die Rechnungsnummer INV-2026-7 im Verwendungszweck: Teilzahlung von 55,00 € auf Rechnung INV-2026-7; 45,00 € bleiben offen.',
    );
    const byRef = reason({
      kind: 'more_than_balance',
      found_by: 'reference',
      references: ['RF18 0000 0000 07'],
      invoices: ['INV-7'],
      invoice: 'INV-7',
      amount: eur('95.00'),
      balance: eur('80.00'),
      difference: eur('15.00'),
      not_recorded: {
        problem: 'invoice_not_issued',
        invoice: 'INV-7',
        status: 'cancelled',
        invoice_currency: null,
        payment_currency: 'EUR',
        owing: null,
      },
    });
    const s = shown(byRef);
    expect(s.text).toBe(
      'Gefunden über die Gläubigerreferenz RF18 0000 0000 07, aber 95,00 € ist mehr als der offene Betrag von INV-7 (80,00 €): 15,00 € zu viel. Nicht erfasst: Rechnung INV-7 wurde storniert.',
    );
    expect(s.kept).toEqual(['RF18 0000 0000 07', 'INV-7', 'INV-7']);
    for (const english of ['Found', 'balance', 'invoice', 'payment', 'recorded']) expect(s.text).not.toContain(english);
  });
});

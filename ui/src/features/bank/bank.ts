// Words for a bank entry's outcome, a match's tier and its reason, in the UI's language.
import {
  BankEntryStatusValues,
  type BankEntryStatus,
  type BankNotRecorded,
  type BankReasonKind,
  type BankReasonView,
  type MoneyView,
} from '../../lib/bindings';
import { formatMoney } from '../../lib/format';
import { t } from '../../lib/i18n.svelte';
import { slot } from '../../lib/Phrase.svelte';

export function entryStatusLabel(status: string): string {
  if (!(BankEntryStatusValues as readonly string[]).includes(status)) return status;
  switch (status as BankEntryStatus) {
    case 'recorded':
      return t('bank-status-recorded');
    case 'review':
      return t('bank-status-review');
    case 'unmatched':
      return t('bank-status-unmatched');
    case 'debit':
      return t('bank-status-debit');
    case 'known':
      return t('bank-status-known');
    case 'ignored':
      return t('bank-status-ignored');
    case 'assigned':
      return t('bank-status-assigned');
  }
}

export function tierLabel(tier: number): string {
  switch (tier) {
    case 1:
      return t('bank-tier-reference');
    case 2:
      return t('bank-tier-number');
    case 3:
      return t('bank-tier-payer');
    default:
      return '';
  }
}

/** Words of a match reason's message for each kind (typed: a new kind fails `npm run check`). */
const REASON_MESSAGE: Record<BankReasonKind, string> = {
  pays_in_full: 'bank-reason-pays-in-full',
  pays_all_in_full: 'bank-reason-pays-all-in-full',
  partial_payment: 'bank-reason-partial-payment',
  more_than_balance: 'bank-reason-more-than-balance',
  more_than_balances: 'bank-reason-more-than-balances',
  less_than_balances: 'bank-reason-less-than-balances',
  short_number: 'bank-reason-short-number',
  currency_differs: 'bank-reason-currency-differs',
  already_covered: 'bank-reason-already-covered',
  different_clients: 'bank-reason-different-clients',
  known_payer: 'bank-reason-known-payer',
  known_payer_no_balance: 'bank-reason-known-payer-no-balance',
  no_match: 'bank-reason-no-match',
  money_out: 'bank-reason-money-out',
};

const NOT_RECORDED_MESSAGE: Record<BankNotRecorded, string> = {
  invoice_gone: 'bank-not-recorded-invoice-gone',
  invoice_not_issued: 'bank-not-recorded-invoice-not-issued',
  currency_differs: 'bank-not-recorded-currency-differs',
  more_than_owing: 'bank-not-recorded-more-than-owing',
};

/**
 * Why Kindly decided what it did about a bank entry, in the UI's language:
 * the sentence with `slot(i)` markers where the user's words go (invoice
 * numbers, payment references), and those words, for `Phrase`.
 */
export function reasonPhrase(r: BankReasonView): { text: string; values: string[] } {
  const values: string[] = [];
  const mark = (words: string) => {
    values.push(words);
    return slot(values.length - 1);
  };
  const money = (m: MoneyView | null) => (m ? formatMoney(m) : '');
  const why =
    r.found_by === 'reference'
      ? t('bank-found-by-reference', { count: r.references.length, references: mark(r.references.join(', ')) })
      : r.found_by === 'invoice_number'
        ? t('bank-found-by-number', { count: r.invoices.length, invoices: mark(r.invoices.join(', ')) })
        : '';
  let text = t(REASON_MESSAGE[r.kind], {
    why,
    count: r.invoices.length,
    invoices: mark(r.invoices.join(', ')),
    invoice: mark(r.invoice ?? ''),
    amount: money(r.amount),
    balance: money(r.balance),
    difference: money(r.difference),
    currency: r.amount?.currency ?? '',
    invoiceCurrency: r.invoice_currency ?? '',
  });
  const n = r.not_recorded;
  if (n) {
    const problem = t(NOT_RECORDED_MESSAGE[n.problem], {
      invoice: mark(n.invoice),
      status: n.status ?? '',
      invoiceCurrency: n.invoice_currency ?? '',
      currency: n.payment_currency ?? '',
      owing: money(n.owing),
    });
    text = t('bank-reason-not-recorded', { reason: text, problem });
  }
  return { text, values };
}

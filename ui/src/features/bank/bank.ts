// Words for a bank entry's outcome and a match's tier, in the UI's language.
import { BankEntryStatusValues, type BankEntryStatus } from '../../lib/bindings';
import { t } from '../../lib/i18n.svelte';

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

/**
 * A CSV column's role as Rust names it (`CsvMappingView.roles`, English
 * words), in the UI's language; a role this list lacks is shown as sent.
 */
export function csvRoleLabel(role: string): string {
  switch (role) {
    case 'Booking date':
      return t('bank-role-booking-date');
    case 'Value date':
      return t('bank-role-value-date');
    case 'Amount':
      return t('bank-role-amount');
    case 'Money in':
      return t('bank-role-money-in');
    case 'Money out':
      return t('bank-role-money-out');
    case 'Direction':
      return t('bank-role-direction');
    case 'Currency':
      return t('bank-role-currency');
    case 'Payer':
      return t('bank-role-payer');
    case "Payer's IBAN":
      return t('bank-role-payer-iban');
    case 'Bank reference':
      return t('bank-role-bank-reference');
    case 'Remittance text':
      return t('bank-role-remittance');
    default:
      return role;
  }
}

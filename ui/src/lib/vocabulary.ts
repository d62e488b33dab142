// The one catalogue of labels for Kindly's closed vocabularies. The values
// and their types come from Rust (`bindings.ts`: `Channel`, `ChannelValues`,
// …); each label is the message `vocab-<set>-<value>` of the UI's language
// (`locales/<lang>/vocab.ftl`), read by a getter so labels follow a change of
// language. `vocabulary.test.ts` checks every value listed by Rust has a
// message in every language. Screens build their selects with `options()`
// instead of keeping their own lists.
import * as b from './bindings';
import { i18n, t } from './i18n.svelte';

const kebab = (s: string): string => s.replace(/_/g, '-');

/**
 * Labels for one vocabulary: `labels.channel.email` reads
 * `t('vocab-channel-email')` each time, in the current language.
 */
function vocab<K extends string>(set: string, values: readonly K[]): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const value of values) {
    Object.defineProperty(out, value, { enumerable: true, get: () => t(`vocab-${set}-${kebab(value)}`) });
  }
  return Object.freeze(out);
}

export const labels = {
  channel: vocab('channel', b.ChannelValues),
  tone: vocab('tone', b.ToneValues),
  pageSize: vocab('page-size', b.PageSizeValues),
  frequency: vocab('frequency', b.FrequencyValues),
  agreedHow: vocab('agreed-how', b.AgreedHowValues),
  callOutcome: vocab('call-outcome', b.CallOutcomeValues),
  contactKind: vocab('contact-kind', b.ContactKindValues),
  security: vocab('security', b.SecurityValues),
  clientSort: vocab('client-sort', b.ClientSortValues),
  clientBalance: vocab('client-balance', b.ClientBalanceFilterValues),
  einvoiceFormat: vocab('einvoice-format', b.EInvoiceFormatValues),
  invoiceSort: vocab('invoice-sort', b.InvoiceSortValues),
  agingBucket: vocab('aging-bucket', b.AgingBucketValues),
  queueGrouping: vocab('queue-grouping', b.QueueGroupingValues),
  chasingMode: vocab('chasing-mode', b.ChasingModeValues),
  jurisdiction: vocab('jurisdiction', b.JurisdictionValues),
  interestBase: vocab('interest-base', b.InterestBaseValues),
  interestFee: vocab('interest-fee', b.InterestFeeValues),
  debtorKind: vocab('debtor-kind', b.DebtorKindValues),
  reportKind: vocab('report-kind', b.ReportKindValues),
  reportFormat: vocab('report-format', b.ReportFormatValues),
  outboxState: vocab('outbox-state', b.OutboxStateValues),
  planState: vocab('plan-state', b.PlanStateValues),
  planStanding: vocab('plan-standing', b.PlanStandingValues),
  installmentStatus: vocab('installment-status', b.InstallmentStatusValues),
  promiseOutcome: vocab('promise-outcome', b.PromiseOutcomeValues),
  reminderKind: vocab('reminder-kind', b.ReminderKindValues),
  paymentMethod: vocab('payment-method', b.PaymentMethodValues),
  invoiceState: vocab('invoice-state', b.InvoiceStateValues),
  locale: vocab('locale', b.LocaleValues),
  bankEntryStatus: vocab('bank-entry-status', b.BankEntryStatusValues),
  bankReasonKind: vocab('bank-reason-kind', b.BankReasonKindValues),
  bankFoundBy: vocab('bank-found-by', b.BankFoundByValues),
  bankNotRecorded: vocab('bank-not-recorded', b.BankNotRecordedValues),
  bankCsvRole: vocab('bank-csv-role', b.BankCsvRoleValues),
  sslMode: vocab('ssl-mode', b.SslModeValues),
  databaseSource: vocab('database-source', b.DatabaseSourceValues),
  eventKind: vocab('event-kind', b.EventKindValues),
  einvoiceOutcome: vocab('einvoice-outcome', b.EInvoiceOutcomeValues),
  importKind: vocab('import-kind', b.ImportKindValues),
  exportKind: vocab('export-kind', b.ExportKindValues),
  importPreset: vocab('import-preset', b.ImportPresetValues),
  textEncoding: vocab('text-encoding', b.TextEncodingValues),
  decimalSeparator: vocab('decimal-separator', b.DecimalSeparatorValues),
  dateFormat: vocab('date-format', b.DateFormatValues),
  importField: vocab('import-field', b.ImportFieldValues),
} as const;

/** A select's options, in Rust's order of `values`. */
export function options<T extends string>(
  values: readonly T[],
  names: Record<T, string>,
): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: names[value] }));
}

/**
 * A currency for a select, "EUR – Euro", named in the UI's language (Rust's
 * `Bootstrap.currencies` labels are English; the value is the ISO code).
 */
export function currencyLabel(code: string): string {
  try {
    const name = new Intl.DisplayNames(i18n.intl, { type: 'currency' }).of(code);
    return name && name !== code ? `${code} – ${name}` : code;
  } catch {
    return code;
  }
}

/** A language Kindly writes letters in, by its value ("de" → "Deutsch"); other values as sent. */
export function languageLabel(value: string): string {
  return (b.LocaleValues as readonly string[]).includes(value) ? labels.locale[value as b.Locale] : value;
}

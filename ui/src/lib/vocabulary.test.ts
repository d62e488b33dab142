import { describe, expect, it } from 'vitest';
import * as b from './bindings';
import { labels, options } from './vocabulary';
import { UI_LANGUAGES, bundleFrom } from './i18n.svelte';

const catalogues = import.meta.glob('../locales/*/vocab.ftl', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();

// Each label map beside the list of values Rust generated for it.
const pairs: [string, readonly string[], Record<string, string>][] = [
  ['channel', b.ChannelValues, labels.channel],
  ['tone', b.ToneValues, labels.tone],
  ['pageSize', b.PageSizeValues, labels.pageSize],
  ['frequency', b.FrequencyValues, labels.frequency],
  ['agreedHow', b.AgreedHowValues, labels.agreedHow],
  ['callOutcome', b.CallOutcomeValues, labels.callOutcome],
  ['contactKind', b.ContactKindValues, labels.contactKind],
  ['security', b.SecurityValues, labels.security],
  ['clientSort', b.ClientSortValues, labels.clientSort],
  ['clientBalance', b.ClientBalanceFilterValues, labels.clientBalance],
  ['einvoiceFormat', b.EInvoiceFormatValues, labels.einvoiceFormat],
  ['invoiceSort', b.InvoiceSortValues, labels.invoiceSort],
  ['agingBucket', b.AgingBucketValues, labels.agingBucket],
  ['queueGrouping', b.QueueGroupingValues, labels.queueGrouping],
  ['reportKind', b.ReportKindValues, labels.reportKind],
  ['reportFormat', b.ReportFormatValues, labels.reportFormat],
  ['chasingMode', b.ChasingModeValues, labels.chasingMode],
  ['jurisdiction', b.JurisdictionValues, labels.jurisdiction],
  ['interestBase', b.InterestBaseValues, labels.interestBase],
  ['interestFee', b.InterestFeeValues, labels.interestFee],
  ['debtorKind', b.DebtorKindValues, labels.debtorKind],
  ['outboxState', b.OutboxStateValues, labels.outboxState],
  ['planState', b.PlanStateValues, labels.planState],
  ['planStanding', b.PlanStandingValues, labels.planStanding],
  ['installmentStatus', b.InstallmentStatusValues, labels.installmentStatus],
  ['promiseOutcome', b.PromiseOutcomeValues, labels.promiseOutcome],
  ['reminderKind', b.ReminderKindValues, labels.reminderKind],
  ['paymentMethod', b.PaymentMethodValues, labels.paymentMethod],
  ['invoiceState', b.InvoiceStateValues, labels.invoiceState],
  ['locale', b.LocaleValues, labels.locale],
  ['bankEntryStatus', b.BankEntryStatusValues, labels.bankEntryStatus],
  ['bankReasonKind', b.BankReasonKindValues, labels.bankReasonKind],
  ['bankFoundBy', b.BankFoundByValues, labels.bankFoundBy],
  ['bankNotRecorded', b.BankNotRecordedValues, labels.bankNotRecorded],
  ['bankCsvRole', b.BankCsvRoleValues, labels.bankCsvRole],
  ['sslMode', b.SslModeValues, labels.sslMode],
  ['databaseSource', b.DatabaseSourceValues, labels.databaseSource],
  ['eventKind', b.EventKindValues, labels.eventKind],
  ['einvoiceOutcome', b.EInvoiceOutcomeValues, labels.einvoiceOutcome],
  ['importKind', b.ImportKindValues, labels.importKind],
  ['exportKind', b.ExportKindValues, labels.exportKind],
  ['importPreset', b.ImportPresetValues, labels.importPreset],
  ['textEncoding', b.TextEncodingValues, labels.textEncoding],
  ['decimalSeparator', b.DecimalSeparatorValues, labels.decimalSeparator],
  ['dateFormat', b.DateFormatValues, labels.dateFormat],
  ['importField', b.ImportFieldValues, labels.importField],
];

describe('the label catalogue', () => {
  it.each(pairs)('labels every %s value Rust lists, and nothing else', (_name, values, names) => {
    for (const v of values) expect(names[v], v).toMatch(/\S/);
    expect(Object.keys(names).sort()).toEqual([...values].sort());
  });

  it.each(UI_LANGUAGES)('has a %s message for every value of every set', (lang) => {
    const bundle = bundleFrom(lang, [catalogues[`../locales/${lang}/vocab.ftl`]]);
    const missing = pairs.flatMap(([set, values]) =>
      values.map((v) => `vocab-${kebab(set)}-${kebab(v)}`).filter((id) => !bundle.getMessage(id)?.value),
    );
    expect(missing).toEqual([]);
  });

  it('builds options in the order Rust lists the values', () => {
    expect(options(b.ChannelValues, labels.channel).map((o) => o.value)).toEqual([...b.ChannelValues]);
    expect(options(b.ChannelValues, labels.channel)[0]).toEqual({ value: 'email', label: 'E-mail' });
  });
});

// The one catalogue of labels for Kindly's closed vocabularies. The values
// and their types come from Rust (`bindings.ts`: `Channel`, `ChannelValues`,
// …); each `Record<Union, string>` below fails the type check when Rust adds
// a value without a label here, and `vocabulary.test.ts` checks every value
// listed by Rust has one. Screens build their selects with `options()`
// instead of keeping their own lists.
import type {
  AgreedHow,
  BankEntryStatus,
  CallOutcome,
  Channel,
  ChasingMode,
  ClientSort,
  ContactKind,
  EInvoiceOutcome,
  EventKind,
  Frequency,
  InstallmentStatus,
  InvoiceSort,
  InvoiceState,
  Locale,
  OutboxState,
  PageSize,
  PaymentMethod,
  PlanStanding,
  PlanState,
  PromiseOutcome,
  ReminderKind,
  Security,
  Tone,
} from './bindings';

export const labels = {
  channel: { email: 'E-mail', letter: 'Letter', phone: 'Call' } satisfies Record<Channel, string>,
  tone: { friendly: 'Friendly', courteous: 'Courteous', courteous_firm: 'Courteous but firm' } satisfies Record<
    Tone,
    string
  >,
  pageSize: { a4: 'A4', letter: 'US Letter' } satisfies Record<PageSize, string>,
  frequency: {
    weekly: 'Weekly',
    fortnightly: 'Every two weeks',
    monthly: 'Monthly',
    custom: 'Custom dates',
  } satisfies Record<Frequency, string>,
  agreedHow: { call: 'On the phone', email: 'By e-mail', letter: 'By letter', in_person: 'In person' } satisfies Record<
    AgreedHow,
    string
  >,
  callOutcome: {
    reached: 'Reached them',
    voicemail: 'Left a voicemail',
    no_answer: 'No answer',
    wrong_number: 'Wrong number',
  } satisfies Record<CallOutcome, string>,
  contactKind: {
    note: 'Note',
    incoming_call: 'Incoming call',
    email: 'E-mail received',
    letter: 'Letter received',
  } satisfies Record<ContactKind, string>,
  security: {
    starttls: 'STARTTLS (usually port 587)',
    tls: 'TLS (usually port 465)',
    plain: 'No encryption — only for a mail relay on this computer',
  } satisfies Record<Security, string>,
  clientSort: { name_asc: 'Name A–Z', name_desc: 'Name Z–A', newest: 'Newest first', oldest: 'Oldest first' } satisfies Record<
    ClientSort,
    string
  >,
  invoiceSort: {
    attention: 'Overdue first',
    due_asc: 'Due date, earliest first',
    due_desc: 'Due date, latest first',
    newest: 'Newest first',
    number: 'Number',
  } satisfies Record<InvoiceSort, string>,
  chasingMode: { on: 'On', paused: 'Paused', off: 'Off' } satisfies Record<ChasingMode, string>,
  outboxState: {
    queued: 'Queued',
    sending: 'Sending…',
    sent: 'Sent',
    failed: 'Failed',
    uncertain: 'May have been sent',
    cancelled: 'Withdrawn',
  } satisfies Record<OutboxState, string>,
  planState: {
    proposed: 'Proposed',
    active: 'Active',
    completed: 'Completed',
    broken: 'Off track',
    renegotiated: 'Replaced',
    cancelled: 'Cancelled',
  } satisfies Record<PlanState, string>,
  planStanding: {
    on_track: 'On track',
    late: 'Installment late',
    broken: 'Off track',
    proposed: 'Proposed',
    completed: 'Completed',
    renegotiated: 'Replaced',
    cancelled: 'Cancelled',
  } satisfies Record<PlanStanding, string>,
  installmentStatus: {
    paid: 'Paid',
    partly_paid: 'Partly paid',
    upcoming: 'Upcoming',
    due_today: 'Due today',
    late: 'Late',
  } satisfies Record<InstallmentStatus, string>,
  promiseOutcome: { open: 'Open', kept: 'Kept', broken: 'Broken' } satisfies Record<PromiseOutcome, string>,
  reminderKind: {
    heads_up: 'Installment heads-up',
    reminder: 'Installment reminder',
    broken_notice: 'Plan off track: courteous notice',
  } satisfies Record<ReminderKind, string>,
  paymentMethod: {
    bank_transfer: 'Bank transfer',
    card: 'Card',
    paypal: 'PayPal',
    cash: 'Cash',
    cheque: 'Cheque',
    other: 'Other',
  } satisfies Record<PaymentMethod, string>,
  invoiceState: {
    overdue: 'Overdue',
    due_soon: 'Due soon',
    partially_paid: 'Partially paid',
    open: 'Open',
    draft: 'Draft',
    paid: 'Paid',
    cancelled: 'Cancelled',
  } satisfies Record<InvoiceState, string>,
  locale: { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' } satisfies Record<Locale, string>,
  bankEntryStatus: {
    recorded: 'Recorded',
    review: 'To check',
    unmatched: 'No match',
    debit: 'Outgoing',
    known: 'Imported before',
    ignored: 'Ignored',
    assigned: 'Assigned',
  } satisfies Record<BankEntryStatus, string>,
  eventKind: {
    client_created: 'Client added',
    client_updated: 'Client changed',
    chasing_changed: 'Follow-ups paused or resumed',
    invoice_created: 'Invoice created',
    invoice_issued: 'Invoice issued',
    invoice_cancelled: 'Invoice cancelled',
    payment_recorded: 'Payment recorded',
    note: 'Note',
    follow_up_done: 'Follow-up sent',
    email_withdrawn: 'E-mail withdrawn',
    plan_proposed: 'Plan proposed',
    plan_agreed: 'Plan agreed',
    plan_completed: 'Plan completed',
    plan_broken: 'Plan off track',
    plan_cancelled: 'Plan cancelled',
    plan_renegotiated: 'Plan replaced',
    installment_reminder: 'Installment reminder',
    call_logged: 'Call',
    inbound_contact: 'Received',
    promise_recorded: 'Promise to pay',
    promise_kept: 'Promise kept',
    promise_broken: 'Promise broken',
    correction: 'Correction',
    invoice_imported: 'Invoice imported',
  } satisfies Record<EventKind, string>,
  einvoiceOutcome: {
    imported: 'Imported',
    already_imported: 'Already there',
    refused: 'Not imported',
  } satisfies Record<EInvoiceOutcome, string>,
} as const;

/** A select's options, in Rust's order of `values`. */
export function options<T extends string>(
  values: readonly T[],
  names: Record<T, string>,
): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: names[value] }));
}

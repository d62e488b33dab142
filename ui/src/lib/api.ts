// The one typed layer over the Tauri commands. Components never call `invoke`.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type {
  ClientEInvoiceInput,
  ClientEInvoiceView,
  EInvoiceExportRequest,
  CreditNoteEInvoiceRequest,
  EInvoiceFile,
  EInvoiceFormat,
  EInvoicePreflight,
  SellerEInvoiceInput,
  PaymentListRequest,
  PaymentRow,
  ArchiveResult,
  EInvoiceImportReport,
  BackupNowRequest,
  BackupResult,
  BackupSettingsInput,
  BackupSettingsView,
  RestoreResult,
  ExportRequest,
  ExportResult,
  OverviewRequest,
  OverviewView,
  SaveReportRequest,
  SaveReportResult,
  ImportDetectRequest,
  ImportProposal,
  ImportReport,
  ImportRequest,
  BackgroundSendProblem,
  BankEntryView,
  BankImportRequest,
  BankImportResult,
  BankResolveRequest,
  BankStatusView,
  CsvMappingView,
  Bootstrap,
  DatabaseStatus,
  MoveView,
  MemberSettings,
  TeamConnectInput,
  SendAllPreview,
  Readiness,
  FileKind,
  CallLogInput,
  CallLogResult,
  CallScriptView,
  ContactInput,
  CorrectionInput,
  DossierRequest,
  DossierResult,
  PromiseFollowUp,
  PromiseFollowUpDone,
  PromiseInput,
  PromiseView,
  TimelineEntryView,
  TimelineRequest,
  ChasingInput,
  ClientDetail,
  ClientInput,
  ClientLadderView,
  ClientListRequest,
  ClientRow,
  CreatedInvoice,
  DemoResult,
  FindingView,
  InvoiceDetail,
  InvoiceInput,
  InvoiceListRequest,
  InvoicePdfRequest,
  InvoiceRow,
  LadderView,
  LettersRequest,
  LettersResult,
  MarkDoneRequest,
  MessagePreview,
  MessageRequest,
  NoteInput,
  Page,
  PaymentInput,
  PaymentMethodsView,
  PdfResult,
  QueuePage,
  QueueSummary,
  QueueSummaryRequest,
  LettersPreview,
  QueueRequest,
  SettingsView,
  TemplateInput,
  TemplateView,
  TotalsRequest,
  TotalsPreview,
} from './bindings';

/** A list request whose filters `K` may be left out (Rust defaults them: no filter). */
type ListArgs<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
import type {
  AcceptInput,
  PlanInput,
  PlanListRequest,
  PlanMessage,
  PlanPdfRequest,
  PlanLetterResult,
  PlanReminderDone,
  PlanView,
  SchedulePreview,
} from './bindings';
import type {
  OutboxActionRequest,
  OutboxItem,
  OutboxRequest,
  OutboxSummary,
  QueueEmailsRequest,
  QueueEmailsResult,
  SendProgress,
  SendReport,
  SmtpSettingsInput,
  SmtpSettingsView,
  TestEmailResult,
} from './bindings';
import type { StatementEmail, StatementPdf, StatementPrintedRequest, StatementRequest } from './bindings';
import type {
  CorrectionOutcome,
  CreditNoteInput,
  CreditNotePdfRequest,
  CreditNoteView,
  RefundInput,
  ReversalInput,
} from './bindings';
import type {
  AddRateInput,
  InterestRatesView,
  InterestSettings,
  InterestSettingsView,
  InterestWorkingView,
  RemoveRateInput,
} from './bindings';
import { normaliseError } from './errors';
import { noteError } from './away.svelte';

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    const err = normaliseError(e);
    // A team database that is away shows its banner, whatever asked.
    noteError(err);
    throw err;
  }
}

export const api = {
  bootstrap: () => call<Bootstrap>('bootstrap'),
  /** The database in use (file or team database) and the data folder's team database settings. */
  databaseStatus: () => call<DatabaseStatus>('database_status'),
  /** Tests the connection, keeps the password in the keychain; used after a restart. */
  connectTeamDatabase: (input: TeamConnectInput) => call<DatabaseStatus>('connect_team_database', { input }),
  /** Back to this computer's data file after a restart. */
  disconnectTeamDatabase: () => call<DatabaseStatus>('disconnect_team_database'),
  /** Moves this folder's data into the empty team database, then connects (after a restart). */
  moveIntoTeamDatabase: (input: TeamConnectInput) => call<MoveView>('move_into_team_database', { input }),
  /** Settings → Your name: the name next to this person's changes (this computer's member.json). */
  memberSettings: () => call<MemberSettings>('member_settings'),
  /** Saves the name (null or empty: none); the next change records it. */
  saveMemberSettings: (input: MemberSettings) => call<MemberSettings>('save_member_settings', { input }),
  /** The away banner's Retry: reaches the database again. */
  retryDatabase: () => call<null>('retry_database'),
  seedDemo: (clients: number, invoices: number) => call<DemoResult>('seed_demo', { clients, invoices }),
  appReady: () => call<null>('app_ready'),

  getSettings: () => call<SettingsView>('get_settings'),
  saveSettings: (input: SettingsView) => call<SettingsView>('save_settings', { input }),
  businessReadiness: () => call<Readiness>('business_readiness'),

  listClients: (req: ListArgs<ClientListRequest, 'currency' | 'balance'>) =>
    call<Page<ClientRow>>('list_clients', { req }),
  getClient: (id: number) => call<ClientDetail>('get_client', { id }),
  createClient: (input: ClientInput) => call<number>('create_client', { input }),
  updateClient: (id: number, input: ClientInput) => call<null>('update_client', { id, input }),
  setChasing: (id: number, input: ChasingInput) => call<null>('set_chasing', { id, input }),

  previewTotals: (req: TotalsRequest) => call<TotalsPreview>('preview_totals', { req }),
  createInvoice: (input: InvoiceInput) => call<CreatedInvoice>('create_invoice', { input }),
  updateDraft: (id: number, input: InvoiceInput) => call<null>('update_draft', { id, input }),
  issueInvoice: (id: number) => call<null>('issue_invoice', { id }),
  cancelInvoice: (id: number, reason: string) => call<null>('cancel_invoice', { id, reason }),
  listInvoices: (
    req: ListArgs<
      InvoiceListRequest,
      'currency' | 'aging' | 'due_from' | 'due_to' | 'issued_from' | 'issued_to' | 'open_only' | 'issued_only'
    >,
  ) => call<Page<InvoiceRow>>('list_invoices', { req }),
  getInvoice: (id: number) => call<InvoiceDetail>('get_invoice', { id }),

  recordPayment: (input: PaymentInput) => call<number>('record_payment', { input }),
  listPayments: (req: ListArgs<PaymentListRequest, 'currency' | 'from' | 'to' | 'client_id'>) =>
    call<Page<PaymentRow>>('list_payments', { req }),
  addNote: (input: NoteInput) => call<number>('add_note', { input }),

  followupQueue: (req: QueueRequest) => call<QueuePage>('followup_queue', { req }),
  /** Today's follow-ups counted per filter value, and a page of groups. */
  queueSummary: (req: QueueSummaryRequest) => call<QueueSummary>('queue_summary', { req }),
  /** How many letters "Print today's letters" will print. */
  lettersPreview: () => call<LettersPreview>('letters_preview'),
  previewMessage: (req: MessageRequest) => call<MessagePreview>('preview_message', { req }),
  markFollowupDone: (req: MarkDoneRequest) => call<number[]>('mark_followup_done', { req }),
  getTemplate: (stage: string, language: string) => call<TemplateView>('get_template', { stage, language }),
  saveTemplate: (stage: string, language: string, input: TemplateInput) =>
    call<TemplateView>('save_template', { stage, language, input }),
  resetTemplate: (stage: string, language: string) => call<TemplateView>('reset_template', { stage, language }),
  checkTone: (input: TemplateInput) => call<FindingView[]>('check_tone', { input }),
  getLadder: () => call<LadderView>('get_ladder'),
  saveLadder: (input: LadderView) => call<LadderView>('save_ladder', { input }),
  getClientLadder: (id: number) => call<ClientLadderView>('get_client_ladder', { id }),
  /** `null` puts the client back on the default ladder. */
  setClientLadder: (id: number, input: LadderView | null) =>
    call<ClientLadderView>('set_client_ladder', { id, input }),
  getPaymentMethods: () => call<PaymentMethodsView>('get_payment_methods'),
  savePaymentMethods: (input: PaymentMethodsView) => call<PaymentMethodsView>('save_payment_methods', { input }),
  setInvoiceHold: (id: number, hold: Hold, until: string | null, reason: string) =>
    call<null>('set_invoice_hold', { id, hold, until, reason }),
  // Backups.
  backupSettings: () => call<BackupSettingsView>('backup_settings'),
  saveBackupSettings: (input: BackupSettingsInput) => call<BackupSettingsView>('save_backup_settings', { input }),
  /** To the configured folder (or the default one) unless `folder` is given. */
  backupNow: (req: BackupNowRequest) => call<BackupResult>('backup_now', { req }),
  /** Backs up the data in use, checks and stages the backup, then the app restarts on it. */
  restoreBackup: (file: string) => call<RestoreResult>('restore_backup', { req: { file } }),
  // Bank statements.
  pickOpenFile: (kind: FileKind) => call<string | null>('pick_open_file', { kind }),
  pickSaveFile: (kind: FileKind, name: string) => call<string | null>('pick_save_file', { kind, name }),
  pickFolder: (title: string) => call<string | null>('pick_folder', { title }),
  // CSV import and export.
  importDetect: (req: ImportDetectRequest) => call<ImportProposal>('import_detect', { req }),
  importDryRun: (req: ImportRequest) => call<ImportReport>('import_dry_run', { req }),
  importApply: (req: ImportRequest) => call<ImportReport>('import_apply', { req }),
  exportCsv: (req: ExportRequest) => call<ExportResult>('export_csv', { req }),
  bankImport: (req: BankImportRequest) => call<BankImportResult>('bank_import', { req }),
  importEInvoices: (paths: string[]) => call<EInvoiceImportReport>('einvoice_import', { req: { paths } }),
  exportArchive: (path: string) => call<ArchiveResult>('archive_export', { req: { path } }),
  // The overview (first screen) and its reports (path from pickSaveFile('csv' | 'pdf', name)).
  overview: (req: OverviewRequest = { currency: null }) => call<OverviewView>('overview', { req }),
  saveReport: (req: SaveReportRequest) => call<SaveReportResult>('save_report', { req }),
  bankReview: (offset: number, limit: number) =>
    call<Page<BankEntryView>>('bank_review', { req: { offset, limit } }),
  bankResolve: (req: BankResolveRequest) => call<BankEntryView>('bank_resolve', { req }),
  bankStatus: () => call<BankStatusView>('bank_status'),
  bankCsvMapping: (path: string) => call<CsvMappingView>('bank_csv_mapping', { path }),
  generateLetters: (req: LettersRequest) => call<LettersResult>('generate_letters', { req }),
  /** Print a batch that did not print again (the same file). */
  retryLetters: (batchId: number) =>
    call<LettersResult>('retry_letters', { req: { batch_id: batchId, printed: false } }),
  /** The user's word on letters opened in the PDF viewer. */
  confirmLetters: (batchId: number, printed: boolean) =>
    call<LettersResult>('confirm_letters', { req: { batch_id: batchId, printed } }),
  invoicePdf: (req: InvoicePdfRequest) => call<PdfResult>('invoice_pdf', { req }),
  // E-invoices (issue #16): per-client format and identifiers, your own, the preflight, the file.
  clientEInvoice: (clientId: number) => call<ClientEInvoiceView>('client_einvoice', { clientId }),
  saveClientEInvoice: (input: ClientEInvoiceInput) => call<ClientEInvoiceView>('save_client_einvoice', { input }),
  sellerEInvoice: () => call<SellerEInvoiceInput>('seller_einvoice'),
  saveSellerEInvoice: (input: SellerEInvoiceInput) => call<SellerEInvoiceInput>('save_seller_einvoice', { input }),
  einvoicePreflight: (invoiceId: number, format: EInvoiceFormat | null) =>
    call<EInvoicePreflight>('einvoice_preflight', { invoiceId, format }),
  exportEInvoice: (req: EInvoiceExportRequest) => call<EInvoiceFile>('export_einvoice', { req }),
  exportCreditNoteEInvoice: (req: CreditNoteEInvoiceRequest) =>
    call<EInvoiceFile>('export_credit_note_einvoice', { req }),

  // Installment plans.
  previewPlanSchedule: (req: PlanInput) => call<SchedulePreview>('preview_plan_schedule', { req }),
  proposePlan: (req: PlanInput) => call<PlanView>('propose_plan', { req }),
  acceptPlan: (req: AcceptInput) => call<PlanView>('accept_plan', { req }),
  cancelPlan: (id: number, reason: string) => call<PlanView>('cancel_plan', { id, reason }),
  renegotiatePlan: (id: number, req: PlanInput) => call<PlanView>('renegotiate_plan', { id, req }),
  listPlans: (req: PlanListRequest) => call<PlanView[]>('list_plans', { req }),
  getPlan: (id: number) => call<PlanView>('get_plan', { id }),
  planReminderMessage: (id: number) => call<PlanMessage>('plan_reminder_message', { id }),
  planReminderDone: (req: PlanReminderDone) => call<number>('plan_reminder_done', { req }),
  planProposalEmail: (id: number) => call<PlanMessage>('plan_proposal_email', { id }),
  planPdf: (req: PlanPdfRequest) => call<PdfResult>('plan_pdf', { req }),
  /** Prints today's installment reminder as a letter and records it as sent. */
  planReminderLetter: (req: PlanPdfRequest) => call<PlanLetterResult>('plan_reminder_letter', { req }),
  // The statement of account: make the PDF (records nothing), queue it by e-mail (once a day), print it.
  statementPdf: (req: StatementRequest) => call<StatementPdf>('statement_pdf', { req }),
  emailStatement: (req: StatementRequest) => call<StatementEmail>('email_statement', { req }),
  printStatement: (req: StatementRequest) => call<StatementPdf>('print_statement', { req }),
  /** Records a statement the PDF viewer showed as printed, on the user's word. */
  confirmStatementPrinted: (req: StatementPrintedRequest) => call<number>('confirm_statement_printed', { req }),
  // Corrections: a credit note (empty amount: all that remains), a payment reversal, a refund of the client's credit.
  issueCreditNote: (input: CreditNoteInput) => call<CorrectionOutcome>('issue_credit_note', { input }),
  reversePayment: (input: ReversalInput) => call<CorrectionOutcome>('reverse_payment', { input }),
  refundCredit: (input: RefundInput) => call<CorrectionOutcome>('refund_credit', { input }),
  creditNotes: (invoiceId: number) => call<CreditNoteView[]>('credit_notes', { invoiceId }),
  creditNotePdf: (req: CreditNotePdfRequest) => call<PdfResult>('credit_note_pdf', { req }),
  // Statutory late-payment interest: off by default per client; only ever stated, never added.
  clientInterest: (clientId: number) => call<InterestSettingsView>('client_interest', { clientId }),
  setClientInterest: (input: InterestSettings) => call<InterestSettingsView>('set_client_interest', { input }),
  invoiceInterest: (invoiceId: number, on: string | null) =>
    call<InterestWorkingView>('invoice_interest', { invoiceId, on }),
  // Published reference rates the user entered for half-years after Kindly's compiled table.
  listInterestRates: () => call<InterestRatesView>('list_interest_rates'),
  addInterestRate: (input: AddRateInput) => call<InterestRatesView>('add_interest_rate', { input }),
  removeInterestRate: (input: RemoveRateInput) => call<InterestRatesView>('remove_interest_rate', { input }),
  // Contacts: calls, promises, inbound contact, the timeline and the dossier.
  callScript: (invoiceId: number) => call<CallScriptView>('call_script', { invoiceId }),
  logCall: (input: CallLogInput) => call<CallLogResult>('log_call', { input }),
  addPromise: (input: PromiseInput) => call<PromiseView>('add_promise', { input }),
  listPromises: (clientId: number | null, invoiceId: number | null) =>
    call<PromiseView[]>('list_promises', { clientId, invoiceId }),
  promiseQueue: (clientId: number | null) => call<PromiseFollowUp[]>('promise_queue', { clientId }),
  promiseFollowUpDone: (req: PromiseFollowUpDone) => call<number>('promise_follow_up_done', { req }),
  logContact: (input: ContactInput) => call<number>('log_contact', { input }),
  correctEntry: (input: CorrectionInput) => call<number>('correct_entry', { input }),
  timeline: (req: TimelineRequest) => call<TimelineEntryView[]>('timeline', { req }),
  exportDossier: (req: DossierRequest) => call<DossierResult>('export_dossier', { req }),
  /** Opens a file kept in the data folder (letter PDF, .eml, scan, dossier) in the system viewer. */
  openKeptFile: (path: string) => call<string>('open_kept_file', { path }),
  saveKeptCopy: (path: string, target: string) => call<string>('save_kept_copy', { path, target }),

  // E-mail: the SMTP account (password only in the system keychain), queueing, sending, the outbox.
  getSmtpSettings: () => call<SmtpSettingsView>('get_smtp_settings'),
  /** `input.password`: null keeps the saved one; a string replaces it in the keychain. */
  saveSmtpSettings: (input: SmtpSettingsInput) => call<SmtpSettingsView>('save_smtp_settings', { input }),
  forgetSmtpPassword: () => call<SmtpSettingsView>('forget_smtp_password'),
  /** `to`: null sends it to the From address. */
  sendTestEmail: (to: string | null) => call<TestEmailResult>('send_test_email', { to }),
  /** Empty `invoice_ids`: every e-mail due today. Nothing is sent yet. */
  queueEmails: (req: QueueEmailsRequest) => call<QueueEmailsResult>('queue_emails', { req }),
  /** Sends queued messages that are due, or only these outbox ids. */
  sendEmails: (ids: number[] | null) => call<SendReport>('send_emails', { ids }),
  /** Queues a plan's proposal (text + agreement letter PDF) in the outbox; returns its outbox id. */
  queuePlanProposal: (planId: number) => call<number>('queue_plan_proposal', { planId }),
  /** Withdraws the not-yet-sent messages of the running batch. */
  cancelSending: () => call<null>('cancel_sending'),
  listOutbox: (req: OutboxRequest) => call<Page<OutboxItem>>('list_outbox', { req }),
  outboxSummary: () => call<OutboxSummary>('outbox_summary'),
  sendAllPreview: () => call<SendAllPreview>('send_all_preview'),
  outboxAction: (req: OutboxActionRequest) => call<OutboxItem>('outbox_action', { req }),
  /** What stopped the background sender, until dismissed or resolved. */
  backgroundSendProblem: () => call<BackgroundSendProblem | null>('background_send_problem'),
  dismissBackgroundProblem: () => call<null>('dismiss_background_problem'),
};

/** Called after each message of a batch (from the window's batch or the background sender). */
export function onOutboxProgress(cb: (p: SendProgress) => void): Promise<UnlistenFn> {
  return listen<SendProgress>('outbox-progress', (e) => cb(e.payload));
}

/** Called when the background sender meets a problem (or `null` once it is over). */
export function onBackgroundProblem(cb: (p: BackgroundSendProblem | null) => void): Promise<UnlistenFn> {
  return listen<BackgroundSendProblem | null>('outbox-background-problem', (e) => cb(e.payload));
}

/** Called when a batch ends: the outbox and today's queue may have changed. */
/** The background sender found the team database away (true) or back (false). */
export function onDatabaseAway(cb: (isAway: boolean) => void): Promise<UnlistenFn> {
  return listen<boolean>('database-away', (e) => cb(e.payload));
}

export function onOutboxChanged(cb: () => void): Promise<UnlistenFn> {
  return listen<null>('outbox-changed', () => cb());
}

export type Hold = 'disputed' | 'paused' | 'none';

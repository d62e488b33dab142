// Generated from the Rust types in crates/kindly-api by `bindings::typescript()`.
// Do not edit: run `cargo run -p kindly-cli -- dev write-bindings` after changing them.

export type InvoiceState = "overdue" | "due_soon" | "partially_paid" | "open" | "draft" | "paid" | "cancelled";

export const InvoiceStateValues: readonly InvoiceState[] = ["overdue", "due_soon", "partially_paid", "open", "draft", "paid", "cancelled"];

export type InvoiceStatus = "draft" | "issued" | "cancelled";

export const InvoiceStatusValues: readonly InvoiceStatus[] = ["draft", "issued", "cancelled"];

export type EventKind = "client_created" | "client_updated" | "chasing_changed" | "invoice_created" | "invoice_issued" | "invoice_cancelled" | "payment_recorded" | "note" | "follow_up_done" | "email_withdrawn" | "plan_proposed" | "plan_agreed" | "plan_completed" | "plan_broken" | "plan_cancelled" | "plan_renegotiated" | "installment_reminder" | "call_logged" | "inbound_contact" | "promise_recorded" | "promise_kept" | "promise_broken" | "correction" | "invoice_imported" | "statement_sent" | "statement_printed" | "credit_note_issued" | "payment_reversed" | "refund_made" | "interest_changed" | "interest_rate_added";

export const EventKindValues: readonly EventKind[] = ["client_created", "client_updated", "chasing_changed", "invoice_created", "invoice_issued", "invoice_cancelled", "payment_recorded", "note", "follow_up_done", "email_withdrawn", "plan_proposed", "plan_agreed", "plan_completed", "plan_broken", "plan_cancelled", "plan_renegotiated", "installment_reminder", "call_logged", "inbound_contact", "promise_recorded", "promise_kept", "promise_broken", "correction", "invoice_imported", "statement_sent", "statement_printed", "credit_note_issued", "payment_reversed", "refund_made", "interest_changed", "interest_rate_added"];

export type Locale = "en" | "de" | "fr" | "es";

export const LocaleValues: readonly Locale[] = ["en", "de", "fr", "es"];

export type PaymentMethod = "bank_transfer" | "card" | "paypal" | "cash" | "cheque" | "other";

export const PaymentMethodValues: readonly PaymentMethod[] = ["bank_transfer", "card", "paypal", "cash", "cheque", "other"];

export type Tone = "friendly" | "courteous" | "courteous_firm";

export const ToneValues: readonly Tone[] = ["friendly", "courteous", "courteous_firm"];

export type Channel = "email" | "letter" | "phone";

export const ChannelValues: readonly Channel[] = ["email", "letter", "phone"];

export type Frequency = "weekly" | "fortnightly" | "monthly" | "custom";

export const FrequencyValues: readonly Frequency[] = ["weekly", "fortnightly", "monthly", "custom"];

export type ReminderKind = "heads_up" | "reminder" | "broken_notice";

export const ReminderKindValues: readonly ReminderKind[] = ["heads_up", "reminder", "broken_notice"];

export type PageSize = "a4" | "letter";

export const PageSizeValues: readonly PageSize[] = ["a4", "letter"];

export type Security = "starttls" | "tls" | "plain";

export const SecurityValues: readonly Security[] = ["starttls", "tls", "plain"];

export type CallOutcome = "reached" | "voicemail" | "no_answer" | "wrong_number";

export const CallOutcomeValues: readonly CallOutcome[] = ["reached", "voicemail", "no_answer", "wrong_number"];

export type OutboxState = "queued" | "sending" | "sent" | "failed" | "uncertain" | "cancelled";

export const OutboxStateValues: readonly OutboxState[] = ["queued", "sending", "sent", "failed", "uncertain", "cancelled"];

export type LetterState = "made" | "awaiting_confirmation" | "printed" | "not_printed";

export const LetterStateValues: readonly LetterState[] = ["made", "awaiting_confirmation", "printed", "not_printed"];

export type PrintState = "saved" | "printed" | "awaiting_confirmation" | "not_printed";

export const PrintStateValues: readonly PrintState[] = ["saved", "printed", "awaiting_confirmation", "not_printed"];

export type PlanState = "proposed" | "active" | "completed" | "broken" | "renegotiated" | "cancelled";

export const PlanStateValues: readonly PlanState[] = ["proposed", "active", "completed", "broken", "renegotiated", "cancelled"];

export type PlanStanding = "on_track" | "late" | "broken" | "proposed" | "completed" | "renegotiated" | "cancelled";

export const PlanStandingValues: readonly PlanStanding[] = ["on_track", "late", "broken", "proposed", "completed", "renegotiated", "cancelled"];

export type PlanMessageKind = "heads_up" | "reminder" | "broken_notice" | "proposal";

export const PlanMessageKindValues: readonly PlanMessageKind[] = ["heads_up", "reminder", "broken_notice", "proposal"];

export type InstallmentStatus = "paid" | "partly_paid" | "upcoming" | "due_today" | "late";

export const InstallmentStatusValues: readonly InstallmentStatus[] = ["paid", "partly_paid", "upcoming", "due_today", "late"];

export type AgreedHow = "call" | "email" | "letter" | "in_person";

export const AgreedHowValues: readonly AgreedHow[] = ["call", "email", "letter", "in_person"];

export type HoldKind = "none" | "disputed" | "paused";

export const HoldKindValues: readonly HoldKind[] = ["none", "disputed", "paused"];

export type ContactKind = "note" | "incoming_call" | "email" | "letter";

export const ContactKindValues: readonly ContactKind[] = ["note", "incoming_call", "email", "letter"];

export type PromiseOutcome = "open" | "kept" | "broken";

export const PromiseOutcomeValues: readonly PromiseOutcome[] = ["open", "kept", "broken"];

export type ChasingMode = "on" | "paused" | "off";

export const ChasingModeValues: readonly ChasingMode[] = ["on", "paused", "off"];

export type Jurisdiction = "uk" | "eu" | "de" | "fr";

export const JurisdictionValues: readonly Jurisdiction[] = ["uk", "eu", "de", "fr"];

export type InterestBase = "boe_reference" | "ecb_mro" | "basiszins";

export const InterestBaseValues: readonly InterestBase[] = ["boe_reference", "ecb_mro", "basiszins"];

export type InterestFee = "none" | "uk_scale" | "eur_40";

export const InterestFeeValues: readonly InterestFee[] = ["none", "uk_scale", "eur_40"];

export type DebtorKind = "business" | "consumer";

export const DebtorKindValues: readonly DebtorKind[] = ["business", "consumer"];

export type FileKind = "bank_statement" | "csv" | "e_invoice" | "backup" | "json_archive" | "pdf";

export const FileKindValues: readonly FileKind[] = ["bank_statement", "csv", "e_invoice", "backup", "json_archive", "pdf"];

export type ProfileGap = "business_name" | "postal_address" | "way_to_pay";

export const ProfileGapValues: readonly ProfileGap[] = ["business_name", "postal_address", "way_to_pay"];

export type WayToPay = "bank" | "card" | "paypal" | "cash" | "cheque" | "installments";

export const WayToPayValues: readonly WayToPay[] = ["bank", "card", "paypal", "cash", "cheque", "installments"];

export type Correspondence = "email" | "letter" | "invoice_document";

export const CorrespondenceValues: readonly Correspondence[] = ["email", "letter", "invoice_document"];

export type ClientSort = "name_asc" | "name_desc" | "newest" | "oldest" | "owed_desc" | "oldest_overdue";

export const ClientSortValues: readonly ClientSort[] = ["name_asc", "name_desc", "newest", "oldest", "owed_desc", "oldest_overdue"];

export type EInvoiceFormat = "none" | "facturx" | "xrechnung_ubl" | "xrechnung_cii" | "peppol";

export const EInvoiceFormatValues: readonly EInvoiceFormat[] = ["none", "facturx", "xrechnung_ubl", "xrechnung_cii", "peppol"];

export type ClientBalanceFilter = "all" | "owing" | "overdue";

export const ClientBalanceFilterValues: readonly ClientBalanceFilter[] = ["all", "owing", "overdue"];

export type AgingBucket = "not_yet_due" | "days_1_30" | "days_31_60" | "days_61_90" | "over_90";

export const AgingBucketValues: readonly AgingBucket[] = ["not_yet_due", "days_1_30", "days_31_60", "days_61_90", "over_90"];

export type QueueGrouping = "client" | "channel";

export const QueueGroupingValues: readonly QueueGrouping[] = ["client", "channel"];

export type ReportKind = "aging" | "collected";

export const ReportKindValues: readonly ReportKind[] = ["aging", "collected"];

export type ReportFormat = "csv" | "pdf";

export const ReportFormatValues: readonly ReportFormat[] = ["csv", "pdf"];

export type InvoiceSort = "attention" | "due_asc" | "due_desc" | "newest" | "number";

export const InvoiceSortValues: readonly InvoiceSort[] = ["attention", "due_asc", "due_desc", "newest", "number"];

export type BankEntryStatus = "recorded" | "review" | "unmatched" | "debit" | "known" | "ignored" | "assigned";

export const BankEntryStatusValues: readonly BankEntryStatus[] = ["recorded", "review", "unmatched", "debit", "known", "ignored", "assigned"];

export type BankReasonKind = "pays_in_full" | "pays_all_in_full" | "partial_payment" | "more_than_balance" | "more_than_balances" | "less_than_balances" | "short_number" | "currency_differs" | "already_covered" | "different_clients" | "known_payer" | "known_payer_no_balance" | "no_match" | "money_out";

export const BankReasonKindValues: readonly BankReasonKind[] = ["pays_in_full", "pays_all_in_full", "partial_payment", "more_than_balance", "more_than_balances", "less_than_balances", "short_number", "currency_differs", "already_covered", "different_clients", "known_payer", "known_payer_no_balance", "no_match", "money_out"];

export type BankFoundBy = "reference" | "invoice_number";

export const BankFoundByValues: readonly BankFoundBy[] = ["reference", "invoice_number"];

export type BankNotRecorded = "invoice_gone" | "invoice_not_issued" | "currency_differs" | "more_than_owing";

export const BankNotRecordedValues: readonly BankNotRecorded[] = ["invoice_gone", "invoice_not_issued", "currency_differs", "more_than_owing"];

export type BankCsvRole = "booking_date" | "value_date" | "amount" | "money_in" | "money_out" | "direction" | "currency" | "payer" | "payer_iban" | "bank_reference" | "remittance";

export const BankCsvRoleValues: readonly BankCsvRole[] = ["booking_date", "value_date", "amount", "money_in", "money_out", "direction", "currency", "payer", "payer_iban", "bank_reference", "remittance"];

export type EvidenceKind = "pdf" | "eml" | "scan" | "file";

export const EvidenceKindValues: readonly EvidenceKind[] = ["pdf", "eml", "scan", "file"];

export type FileCheck = "ok" | "missing" | "changed";

export const FileCheckValues: readonly FileCheck[] = ["ok", "missing", "changed"];

export type EInvoiceOutcome = "imported" | "already_imported" | "refused";

export const EInvoiceOutcomeValues: readonly EInvoiceOutcome[] = ["imported", "already_imported", "refused"];

export type ImportKind = "clients" | "invoices" | "payments";

export const ImportKindValues: readonly ImportKind[] = ["clients", "invoices", "payments"];

export type ImportField = "client_ref" | "client_name" | "greeting_name" | "company" | "email" | "phone" | "address" | "street" | "postcode" | "city" | "country" | "language" | "notes" | "invoice_number" | "issue_date" | "due_date" | "currency" | "status" | "description" | "quantity" | "unit_price" | "tax_rate" | "net_amount" | "tax_amount" | "total" | "amount_paid" | "amount_credited" | "payment_date" | "amount" | "method" | "reference";

export const ImportFieldValues: readonly ImportField[] = ["client_ref", "client_name", "greeting_name", "company", "email", "phone", "address", "street", "postcode", "city", "country", "language", "notes", "invoice_number", "issue_date", "due_date", "currency", "status", "description", "quantity", "unit_price", "tax_rate", "net_amount", "tax_amount", "total", "amount_paid", "amount_credited", "payment_date", "amount", "method", "reference"];

export type ImportPreset = "kindly" | "invoice_ninja" | "freshbooks" | "zoho_invoice" | "quickbooks" | "xero" | "lexoffice" | "sevdesk";

export const ImportPresetValues: readonly ImportPreset[] = ["kindly", "invoice_ninja", "freshbooks", "zoho_invoice", "quickbooks", "xero", "lexoffice", "sevdesk"];

export type TextEncoding = "utf8" | "utf16le" | "utf16be" | "windows1252";

export const TextEncodingValues: readonly TextEncoding[] = ["utf8", "utf16le", "utf16be", "windows1252"];

export type DecimalSeparator = "point" | "comma";

export const DecimalSeparatorValues: readonly DecimalSeparator[] = ["point", "comma"];

export type DateFormat = "iso" | "day_month_year_dots" | "day_month_short_year_dots" | "month_day_year_slash" | "day_month_year_slash";

export const DateFormatValues: readonly DateFormat[] = ["iso", "day_month_year_dots", "day_month_short_year_dots", "month_day_year_slash", "day_month_year_slash"];

export type ExportKind = "clients" | "invoices" | "payments" | "timeline";

export const ExportKindValues: readonly ExportKind[] = ["clients", "invoices", "payments", "timeline"];

export type SslMode = "disable" | "prefer" | "require" | "verify-ca" | "verify-full";

export const SslModeValues: readonly SslMode[] = ["disable", "prefer", "require", "verify-ca", "verify-full"];

export type DatabaseSource = "local_file" | "flag" | "env" | "settings_file";

export const DatabaseSourceValues: readonly DatabaseSource[] = ["local_file", "flag", "env", "settings_file"];

export type ErrorCode = "agreed_before_proposed" | "agreed_in_future" | "already_cancelled" | "already_contacted_today" | "already_done" | "already_printed" | "already_queued" | "amount_too_large" | "append_only" | "backup_folder_inside_data" | "backup_folder_missing" | "backup_no_folder" | "backup_on_team_database" | "bank_allocation_refused" | "bank_allocation_too_much" | "bank_amount_invalid" | "bank_camt_unsupported" | "bank_csv_malformed" | "bank_csv_mapping_invalid" | "bank_csv_mapping_needed" | "bank_csv_row_invalid" | "bank_currency_invalid" | "bank_date_invalid" | "bank_entry_debit" | "bank_entry_decided" | "bank_field_missing" | "bank_file_empty" | "bank_file_encoding_invalid" | "bank_file_too_large" | "bank_file_unknown_format" | "bank_format_unknown" | "bank_mt940_malformed" | "bank_ofx_malformed" | "bank_resolve_conflict" | "bank_xml_doctype_refused" | "bank_xml_entity_undefined" | "bank_xml_malformed" | "bank_xml_truncated" | "bank_zip_empty" | "bank_zip_invalid" | "bank_zip_member_invalid" | "bank_zip_too_large" | "bank_zip_too_many_members" | "bench_failed" | "changed_elsewhere" | "control_characters" | "count_changed" | "credit_exceeds_invoice" | "csv_malformed" | "currency_mismatch" | "database_busy" | "database_corrupt" | "database_error" | "database_read_only" | "database_tls_failed" | "database_url_invalid" | "disk_full" | "due_before_issue" | "duplicate_invoice_number" | "duplicate_offset" | "einvoice_credit_note_unsupported" | "einvoice_field_invalid" | "einvoice_field_missing" | "einvoice_file_empty" | "einvoice_file_too_large" | "einvoice_incomplete" | "einvoice_not_an_invoice" | "einvoice_not_representable" | "einvoice_number_taken" | "einvoice_pdf_invalid" | "einvoice_pdf_no_invoice" | "einvoice_totals_differ" | "einvoice_totals_inconsistent" | "einvoice_unknown_format" | "einvoice_xml_doctype_refused" | "einvoice_xml_entity_undefined" | "einvoice_xml_malformed" | "einvoice_xml_too_large" | "email_final" | "epc_amount" | "epc_currency" | "epc_field_too_long" | "file_dialog" | "file_not_found" | "import_client_unknown" | "import_decimal_separator" | "import_encoding_invalid" | "import_file_empty" | "import_file_too_large" | "import_has_problems" | "import_invoice_unknown" | "import_mapping_invalid" | "import_paid_over_total" | "import_row_ragged" | "import_status_unknown" | "import_totals_differ" | "in_outbox" | "interest_not_applicable" | "interest_off" | "interest_rate_covered" | "interest_rate_exists" | "interest_rate_invalid" | "interest_rate_source_missing" | "interest_rate_unknown" | "internal" | "invalid_action" | "invalid_agreed_how" | "invalid_allocation" | "invalid_amount" | "invalid_bic" | "invalid_certificate" | "invalid_country" | "invalid_date" | "invalid_days" | "invalid_email" | "invalid_hold" | "invalid_iban" | "invalid_kind" | "invalid_leitweg_id" | "invalid_link" | "invalid_months" | "invalid_number_pattern" | "invalid_offset" | "invalid_peppol_id" | "invalid_phone" | "invalid_port" | "invalid_quantity" | "invalid_siren" | "invalid_state" | "invalid_tax_id" | "invalid_tax_rate" | "invalid_terms" | "invalid_vat_id" | "invoice_has_payments" | "invoice_immutable" | "invoice_not_creditable" | "invoice_not_issued" | "invoice_not_payable" | "io_error" | "keychain_failed" | "keychain_locked" | "keychain_unavailable" | "ladder_size" | "letters_changed" | "letters_not_drawn" | "line_description_empty" | "mail_build" | "mixed_clients" | "mixed_currencies" | "move_target_not_empty" | "move_verify_failed" | "newer_schema" | "no_data_dir" | "no_email" | "no_line_items" | "no_template" | "not_a_kept_file" | "not_an_email" | "not_found" | "not_printed" | "nothing_owing" | "nothing_to_print" | "offset_out_of_range" | "open_failed" | "outbox_busy" | "outbox_state" | "overpayment" | "password_missing" | "payment_already_reversed" | "payment_in_future" | "pdf_does_not_fit" | "pdf_font_load" | "pdf_font_subset" | "pdf_missing_glyph" | "pdf_qr" | "pdf_render" | "plan_custom_dates" | "plan_date_range" | "plan_dates_out_of_order" | "plan_down_payment" | "plan_exists" | "plan_grace_days" | "plan_heads_up_days" | "plan_installment_amount" | "plan_installment_count" | "plan_installment_zero" | "plan_reminder_days" | "plan_state" | "plan_sum_mismatch" | "profile_incomplete" | "promise_in_past" | "promise_needs_reached" | "promise_too_large" | "range_reversed" | "reference_check_digits" | "reference_empty" | "reference_invalid_character" | "reference_not_rf" | "reference_too_long" | "refund_exceeds_credit" | "required" | "restore_incomplete" | "restore_integrity_failed" | "restore_manifest_invalid" | "restore_manifest_missing" | "restore_newer_version" | "restore_not_a_backup" | "restore_tampered" | "restore_target_not_empty" | "restore_truncated" | "restore_unsafe_path" | "retry_not_later" | "reversal_after_refund" | "smtp_auth" | "smtp_certificate" | "smtp_connect" | "smtp_dns" | "smtp_dropped" | "smtp_not_configured" | "smtp_recipient_rejected" | "smtp_rejected" | "smtp_sender_rejected" | "smtp_settings_damaged" | "smtp_timeout" | "smtp_tls" | "smtp_transient" | "stage_name_empty" | "store_not_on_postgres_yet" | "store_server_away" | "template_render_failed" | "template_syntax" | "too_long" | "unknown_currency" | "unknown_placeholder" | "unknown_stage" | "unsupported_language" | "unsupported_scan" | "usage" | "wrong_client";

export type ApiError = { code: ErrorCode, message: string, 
/**
 * The input the message is about: a field name (`due_date`) or a path
 * into a list (`lines[2].unit_price`); null for the whole form.
 */
field: string | null, };

export type MoneyView = { 
/**
 * ISO 4217 code.
 */
currency: string, 
/**
 * Plain decimal, e.g. "1234.56"; never a float.
 */
amount: string, 
/**
 * For people, e.g. "€1,234.56".
 */
formatted: string, is_zero: boolean, };

export type Page<T> = { total: number, rows: Array<T>, };

export type TimelineItem = { id: number, 
/**
 * RFC 3339 instant in UTC; the UI shows it in the user's time zone.
 */
at: string, kind: EventKind, summary: string, invoice_id: number | null, invoice_number: string | null, 
/**
 * The member who made the entry (the name in their settings; issue #19), when one was named.
 */
made_by: string | null, };

export type OptionItem = { value: string, label: string, };

export type AppStatus = { version: string, db_path: string, 
/**
 * No clients yet: offer the first-run choice.
 */
is_empty: boolean, 
/**
 * The user's calendar day, YYYY-MM-DD.
 */
today: string, };

export type Bootstrap = { status: AppStatus, currencies: Array<OptionItem>, payment_methods: Array<OptionItem>, languages: Array<OptionItem>, 
/**
 * What the business profile still lacks (the first-run step and the banner).
 */
readiness: Readiness, 
/**
 * Set by the app after a start that completed a staged restore.
 */
restore: RestoreNotice | null, };

export type DemoResult = { clients: number, invoices: number, payments: number, };

export type SettingsView = { business_name: string, default_currency: string, locale: string, number_pattern: string, next_sequence: number, default_terms_days: number, 
/**
 * Closing lines of letters and e-mails; defaults to the business name.
 */
signature: string, 
/**
 * Postal address printed in the sender block of letters and invoices.
 */
business_address: string, business_email: string, business_phone: string, 
/**
 * VAT or tax number, as the tax office wrote it.
 */
business_tax_id: string, 
/**
 * The number the next invoice will get, e.g. "INV-2026-0007".
 */
next_number_preview: string, 
/**
 * The paper documents use unless the user picks another (from the
 * language; `documents::default_page_size` owns the rule). Read only.
 */
default_paper_size: PageSize, };

export type DesktopTexts = { menu: MenuLabels, notices: BatchNotices, 
/**
 * The window's language, for the text Rust words for its screens (the
 * timeline's summaries, `Ctx::ui_locale`); absent until it says.
 */
language: Locale | null, };

export type MenuLabels = { file: string, edit: string, go: string, window: string, new_client: string, new_invoice: string, record_payment: string, today: string, search: string, settings: string, quit: string, undo: string, redo: string, cut: string, copy: string, paste: string, select_all: string, minimize: string, close_window: string, 
/**
 * macOS's application menu (named after the app): About, Services,
 * Hide, Hide others, Show all. Other systems have no such menu.
 */
about: string, services: string, hide: string, hide_others: string, show_all: string, };

export type BatchNotices = { title: string, emails: string, letters: string, bank_import: string, csv_import: string, backup: string, failed: string, };

export type Readiness = { 
/**
 * Every gap, in the order the profile form shows them (empty: complete).
 */
missing: Array<ProfileGap>, email_ready: boolean, letters_ready: boolean, 
/**
 * One sentence for the banner, e.g. "Add your business name and at
 * least one way to pay before Kindly sends reminders." Empty when complete.
 */
message: string, };

export type WayView = { way: WayToPay, text: string, };

export type WayInput = { iban: string, bic: string, holder: string, account_number: string, routing_code: string, 
/**
 * The card or PayPal payment page.
 */
link: string, 
/**
 * Who cheques are made out to.
 */
payee: string, };

export type BackupProblem = { code: ErrorCode, message: string, 
/**
 * RFC 3339 (UTC).
 */
at: string, };

export type BackupSettingsView = { 
/**
 * The folder picked for backups (none: the default folder below).
 */
folder: string | null, 
/**
 * Where "Back up now" writes: the picked folder, else the default.
 */
effective_folder: string, auto: boolean, 
/**
 * The last successful backup (RFC 3339, UTC) and its file.
 */
last_at: string | null, last_file: string | null, last_error: BackupProblem | null, 
/**
 * When the next automatic backup is due (RFC 3339), when they are on.
 */
next_due_at: string | null, };

export type BackupSettingsInput = { 
/**
 * An existing folder (absolute path), or null for the default.
 */
folder: string | null, auto: boolean, };

export type BackupNowRequest = { 
/**
 * Back up to this folder instead of the configured one.
 */
folder: string | null, };

export type BackupResult = { path: string, bytes: number, 
/**
 * Files in the archive besides the manifest (the database included).
 */
parts: number, schema_version: number, created_at: string, 
/**
 * Older backups removed by the rotation (file names).
 */
rotated_out: Array<string>, };

export type RestoreRequest = { file: string, };

export type RestoreResult = { 
/**
 * The folder now holding the restored data.
 */
data_dir: string, backup_created_at: string, backup_app_version: string, schema_version: number, parts: number, clients: number, invoices: number, 
/**
 * In the app: the backup of the data that was in use, made first.
 */
previous_backup: string | null, 
/**
 * In the app: where the data that was in use is kept after the swap.
 */
previous_data_dir: string | null, };

export type RestoreNotice = { ok: boolean, 
/**
 * A completed restore: the folder that keeps the data used before.
 */
previous: string | null, 
/**
 * A restore that could not be completed (the data in use is unchanged): why.
 */
error: ApiError | null, };

export type ClientInput = { display_name: string, greeting_name: string, company: string, emails: Array<string>, phone: string, address: string, language: string, notes: string, 
/**
 * Updating: the version the edit was made on (`ClientView::version`,
 * issue #19); if someone changed the client since, nothing is saved
 * (`changed_elsewhere`). None: the current version (a script that reads
 * and writes at once). Creating: ignored.
 */
version: number | null, };

export type ChasingInput = { 
/**
 * "on", "paused" or "off".
 */
mode: ChasingMode, 
/**
 * Last day of the pause (YYYY-MM-DD) when mode is "paused".
 */
until: string | null, reason: string, };

export type ChasingView = { mode: ChasingMode, until: string | null, reason: string, 
/**
 * Whether follow-ups are proposed today.
 */
active_today: boolean, };

export type ClientListRequest = { search: string, 
/**
 * "name_asc" (default), "name_desc", "newest", "oldest", "owed_desc", "oldest_overdue".
 */
sort: ClientSort, 
/**
 * The currency owed amounts are sorted and filtered in (an ISO 4217
 * code); null: the business currency from settings.
 */
currency: string | null, 
/**
 * Everyone, only those owing something, or only those with an overdue invoice (in that currency).
 */
balance: ClientBalanceFilter, offset: number, limit: number, };

export type ClientRow = { id: number, display_name: string, company: string | null, email: string | null, chasing: string, 
/**
 * What is still owing, per currency.
 */
owing: Array<MoneyView>, 
/**
 * What is overdue today, per currency (never added across currencies).
 */
overdue: Array<MoneyView>, overdue_invoices: number, 
/**
 * Days since the earliest due date still unpaid, if that is before today.
 */
oldest_overdue_days: number | null, };

export type ClientView = { id: number, display_name: string, greeting_name: string, company: string | null, emails: Array<string>, phone: string | null, address: string, language: Locale, notes: string, chasing: ChasingView, created_at: string, 
/**
 * Bumped by each edit; an edit sends back the one it was made on.
 */
version: number, 
/**
 * Who made the last edit and when (RFC 3339, UTC), once someone has.
 */
changed_by: string | null, changed_at: string | null, };

export type ClientDetail = { client: ClientView, owing: Array<MoneyView>, invoices: Page<InvoiceRow>, timeline: Array<TimelineItem>, };

export type LineInput = { description: string, 
/**
 * Decimal text, e.g. "1.5"; blank means 1.
 */
quantity: string, 
/**
 * Decimal text in the invoice's currency, e.g. "80.00".
 */
unit_price: string, 
/**
 * Percent, e.g. "20" or "7.7"; blank means 0.
 */
tax_rate: string, };

export type InvoiceInput = { client_id: number, 
/**
 * Leave empty to number from the pattern in settings.
 */
number: string, 
/**
 * YYYY-MM-DD.
 */
issue_date: string, 
/**
 * YYYY-MM-DD, or empty to use `terms_days`.
 */
due_date: string, terms_days: number | null, currency: string, lines: Array<LineInput>, notes: string, 
/**
 * Issue at once (immutable from then on) rather than save a draft.
 */
issue: boolean, 
/**
 * Updating a draft: the version the edit was made on (`InvoiceDetail::version`,
 * issue #19); if someone changed the draft since, nothing is saved
 * (`changed_elsewhere`). None: the current version (a script that reads
 * and writes at once). Creating: ignored.
 */
version: number | null, };

export type TotalsRequest = { currency: string, lines: Array<LineInput>, };

export type TaxView = { 
/**
 * Percent, e.g. "20".
 */
rate: string, net: MoneyView, tax: MoneyView, };

export type TotalsView = { subtotal: MoneyView, taxes: Array<TaxView>, tax: MoneyView, total: MoneyView, 
/**
 * Each line's net, in order, for the editor.
 */
line_nets: Array<MoneyView>, };

export type TotalsPreview = { totals: TotalsView | null, 
/**
 * Each problem once, its `field` a path such as `lines[2].unit_price`.
 */
problems: Array<ApiError>, };

export type InvoiceRow = { id: number, number: string, client_id: number, client_name: string, 
/**
 * overdue, due_soon, partially_paid, open, draft, paid, cancelled.
 */
state: InvoiceState, issue_date: string, due_date: string, total: MoneyView, outstanding: MoneyView, days_overdue: number, part_paid: boolean, };

export type LineView = { description: string, quantity: string, unit_price: MoneyView, tax_rate: string, net: MoneyView, };

export type PaymentView = { id: number, amount: MoneyView, paid_on: string, method: PaymentMethod, method_label: string, reference: string | null, 
/**
 * YYYY-MM-DD when the payment was reversed (it no longer counts), else null.
 */
reversed_on: string | null, reversal_reason: string | null, 
/**
 * The member who recorded it (issue #19), when one was named.
 */
made_by: string | null, };

export type InvoiceDetail = { id: number, number: string, client_id: number, client_name: string, status: InvoiceStatus, state: InvoiceState, issue_date: string, due_date: string, currency: string, lines: Array<LineView>, totals: TotalsView, 
/**
 * Money received that still counts: payments less reversals and refunds.
 */
paid: MoneyView, 
/**
 * The sum of its credit notes.
 */
credited: MoneyView, 
/**
 * What a credit note can still credit (total − credited): a full credit note's amount.
 */
creditable: MoneyView, 
/**
 * The client's credit on this invoice (credit notes and payments beyond
 * its total) until refunded; zero when none.
 */
client_credit: MoneyView, 
/**
 * Credit notes cover the whole total (shown as "Credited").
 */
fully_credited: boolean, outstanding: MoneyView, days_overdue: number, notes: string, 
/**
 * Bumped by each edit, issue or cancellation; an edit sends back the one it was made on.
 */
version: number, 
/**
 * Who made the last change and when (RFC 3339, UTC), once someone has.
 */
changed_by: string | null, changed_at: string | null, cancelled_reason: string | null, 
/**
 * The ISO 11649 creditor reference payers quote ("RF3400000042"; printed in groups of four).
 */
creditor_reference: string | null, payments: Array<PaymentView>, credit_notes: Array<CreditNoteView>, refunds: Array<RefundView>, timeline: Array<TimelineItem>, can_edit: boolean, can_pay: boolean, can_cancel: boolean, 
/**
 * Issued and not yet credited in full.
 */
can_credit: boolean, 
/**
 * The client has credit on it to pay back.
 */
can_refund: boolean, 
/**
 * Follow-ups on hold: "disputed", "paused", or null.
 */
hold: HoldKind | null, hold_until: string | null, hold_reason: string, };

export type InvoiceListRequest = { 
/**
 * One of the states, or empty for all.
 */
state: string, client_id: number | null, search: string, 
/**
 * "attention" (default: overdue first), "due_asc", "due_desc", "newest", "number".
 */
sort: InvoiceSort, 
/**
 * Only invoices in this currency (an ISO 4217 code).
 */
currency: string | null, 
/**
 * Only open invoices (issued, something owing) whose due date lies in this bucket today.
 */
aging: AgingBucket | null, 
/**
 * Due dates from / to (YYYY-MM-DD, inclusive); empty or null: unbounded.
 */
due_from: string | null, due_to: string | null, 
/**
 * Issue dates from / to (YYYY-MM-DD, inclusive); empty or null: unbounded.
 */
issued_from: string | null, issued_to: string | null, 
/**
 * Only issued invoices with something still owing.
 */
open_only: boolean, 
/**
 * Issued invoices only (no drafts, none cancelled): what the overview's
 * "invoiced" counts.
 */
issued_only: boolean, offset: number, limit: number, };

export type CreatedInvoice = { id: number, number: string, };

export type EInvoiceImportRequest = { paths: Array<string>, };

export type EInvoiceFileResult = { 
/**
 * The path as given.
 */
path: string, 
/**
 * The file's name, for display.
 */
file_name: string, outcome: EInvoiceOutcome, 
/**
 * One sentence for people: what was imported, or why not.
 */
message: string, 
/**
 * The invoice created (or the one imported earlier from this file).
 */
invoice_id: number | null, invoice_number: string | null, client_id: number | null, client_name: string | null, client_created: boolean, total: MoneyView | null, 
/**
 * The SHA-256 of the file, when it could be read.
 */
sha256: string | null, 
/**
 * Why the file was refused (`einvoice_…` codes and the rest).
 */
error: ApiError | null, 
/**
 * When imported: the invoice's due date (the UI words `message` itself).
 */
due_date: string | null, 
/**
 * When already there: the file it came from the first time (None when
 * it was this very file) and the day it was imported.
 */
earlier_file: string | null, earlier_on: string | null, };

export type EInvoiceImportReport = { files: Array<EInvoiceFileResult>, imported: number, already_imported: number, refused: number, };

export type ClientEInvoiceView = { client_id: number, format: EInvoiceFormat, buyer_reference: string, vat_id: string, siren: string, peppol_id: string, country: string, };

export type ClientEInvoiceInput = { client_id: number, format: EInvoiceFormat, buyer_reference: string, vat_id: string, siren: string, peppol_id: string, country: string, };

export type SellerEInvoiceInput = { vat_id: string, siren: string, peppol_id: string, country: string, contact_name: string, };

export type EInvoiceGapView = { 
/**
 * "seller" (your settings), "buyer" (the client) or "invoice".
 */
owner: string, 
/**
 * "BT-10"
 */
term: string, what: string, };

export type EInvoicePreflight = { invoice_id: number, 
/**
 * The client's format (or the one asked for); `none`: a plain PDF, nothing needed.
 */
format: EInvoiceFormat, ready: boolean, gaps: Array<EInvoiceGapView>, 
/**
 * One sentence naming every gap ("XRechnung (UBL) needs the buyer reference … of Acme GmbH and your VAT ID.").
 */
message: string | null, };

export type EInvoiceExportRequest = { invoice_id: number, 
/**
 * `None`: the client's format.
 */
format: EInvoiceFormat | null, 
/**
 * Where to write it; `None`: a new file under the data folder's `einvoices/`.
 */
out: string | null, };

export type CreditNoteEInvoiceRequest = { credit_note_id: number, 
/**
 * `None`: the client's format.
 */
format: EInvoiceFormat | null, 
/**
 * Where to write it; `None`: a new file under the data folder's `einvoices/`.
 */
out: string | null, };

export type EInvoiceFile = { path: string, file_name: string, format: EInvoiceFormat, sha256: string, bytes: number, };

export type ArchiveRequest = { 
/**
 * Where to write the archive (from the save dialog or `--out`).
 */
path: string, };

export type ArchiveResult = { path: string, format_version: number, schema_version: number, tables: number, rows: number, bytes: number, sha256: string, };

export type PaymentInput = { invoice_id: number, 
/**
 * Decimal text in the invoice's currency.
 */
amount: string, 
/**
 * YYYY-MM-DD; empty means today.
 */
date: string, 
/**
 * bank_transfer, card, paypal, cash, cheque, other.
 */
method: PaymentMethod, reference: string, };

export type PaymentListRequest = { 
/**
 * Only payments in this currency (an ISO 4217 code).
 */
currency: string | null, 
/**
 * Payment dates from / to (YYYY-MM-DD, inclusive); empty or null: unbounded.
 */
from: string | null, to: string | null, client_id: number | null, offset: number, limit: number, };

export type PaymentRow = { id: number, 
/**
 * YYYY-MM-DD.
 */
date: string, amount: MoneyView, method: PaymentMethod, method_label: string, reference: string | null, invoice_id: number, invoice_number: string, client_id: number, client_name: string, 
/**
 * Reversed (recorded by mistake): it no longer counts.
 */
reversed: boolean, 
/**
 * The member who recorded it (issue #19), when one was named.
 */
made_by: string | null, };

export type CreditNoteInput = { invoice_id: number, 
/**
 * Decimal text in the invoice's currency; empty: everything still creditable (a full credit note).
 */
amount: string, reason: string, 
/**
 * YYYY-MM-DD; empty means today.
 */
date: string, };

export type ReversalInput = { payment_id: number, reason: string, 
/**
 * YYYY-MM-DD; empty means today.
 */
date: string, };

export type RefundInput = { invoice_id: number, 
/**
 * Decimal text in the invoice's currency.
 */
amount: string, method: PaymentMethod, reason: string, 
/**
 * YYYY-MM-DD; empty means today.
 */
date: string, };

export type CreditPartView = { 
/**
 * Percent, e.g. "20" or "7.7".
 */
rate: string, net: MoneyView, tax: MoneyView, };

export type CreditNoteView = { id: number, number: string, invoice_id: number, invoice_number: string, 
/**
 * YYYY-MM-DD: the credited invoice's issue date (what a type 381 e-invoice refers to).
 */
invoice_issue_date: string, 
/**
 * YYYY-MM-DD.
 */
issue_date: string, amount: MoneyView, net: MoneyView, tax: MoneyView, 
/**
 * True when it credited everything that remained.
 */
full: boolean, reason: string, parts: Array<CreditPartView>, };

export type RefundView = { id: number, amount: MoneyView, 
/**
 * YYYY-MM-DD.
 */
refunded_on: string, method: PaymentMethod, method_label: string, reason: string, };

export type CorrectionOutcome = { 
/**
 * The new row's id (credit note, reversal or refund).
 */
id: number, 
/**
 * The credit note's number (credit notes only).
 */
number: string | null, invoice_id: number, invoice_number: string, 
/**
 * What is still owing on the invoice.
 */
outstanding: MoneyView, 
/**
 * The client's credit on the invoice (to refund), zero when none.
 */
client_credit: MoneyView, credited: MoneyView, };

export type CreditNotePdfRequest = { credit_note_id: number, page_size: PageSize | null, };

export type NoteInput = { client_id: number, invoice_id: number | null, text: string, };

export type StageView = { key: string, name: string, offset_days: number, tone: Tone, channel: Channel, };

export type QueueRequest = { client_id: number | null, 
/**
 * Only the follow-ups that match (see [`crate::due::QueueFilter`]); empty: all.
 */
filter: QueueFilter, offset: number, limit: number, };

export type QueueItem = { invoice_id: number, number: string, client_id: number, client_name: string, stage: StageView, 
/**
 * The day this stage became due (YYYY-MM-DD).
 */
stage_date: string, due_date: string, days_overdue: number, outstanding: MoneyView, 
/**
 * The channel to use: the stage's, except that an e-mail stage for a
 * client without an e-mail address becomes a letter.
 */
channel: Channel, email: string | null, phone: string | null, 
/**
 * The state of this stage's e-mail in the outbox (queued, sending,
 * failed, uncertain), if one was queued.
 */
email_state: OutboxState | null, outbox_id: number | null, 
/**
 * This step's letter, when it was made but has not printed: made,
 * awaiting_confirmation (opened in the PDF viewer) or not_printed.
 */
letter_state: LetterState | null, 
/**
 * Why the letter did not print, and what to do.
 */
letter_reason: string | null, 
/**
 * The letter batch to print again or confirm.
 */
letter_batch_id: number | null, };

export type QueuePage = { today: string, total: number, items: Array<QueueItem>, 
/**
 * Installment reminders and broken-plan notices due today (first page only).
 */
installments: Array<PlanQueueItem>, };

export type MessageRequest = { 
/**
 * One invoice, or several of the same client to bundle into one message.
 */
invoice_ids: Array<number>, 
/**
 * A stage to use instead of the one due today.
 */
stage_key: string | null, 
/**
 * A template to try instead of the saved one (live preview while editing).
 */
template: TemplateInput | null, };

export type FindingView = { rule: string, message: string, excerpt: string | null, };

export type MessagePreview = { client_id: number, client_name: string, language: Locale, stage: StageView, channel: Channel, recipient_email: string | null, recipient_address: string, subject: string, body: string, findings: Array<FindingView>, invoice_numbers: Array<string>, outstanding: Array<MoneyView>, 
/**
 * The EPC payment QR payload when the balance is in EUR and an IBAN is set.
 */
epc_payload: string | null, 
/**
 * The files an e-mail of this step carries: each invoice's PDF, and the
 * reminder letter on the most formal step.
 */
email_attachments: Array<string>, };

export type MarkDoneRequest = { invoice_ids: Array<number>, channel: Channel, note: string, };

export type TemplateInput = { subject: string, body: string, };

export type TemplateView = { stage_key: string, language: Locale, subject: string, body: string, is_default: boolean, findings: Array<FindingView>, placeholders: Array<OptionItem>, };

export type LadderView = { stages: Array<StageView>, };

export type PaymentMethodsView = { bank_holder: string, iban: string, bic: string, account_number: string, routing_code: string, card_link: string, paypal_link: string, cash: boolean, cheque_payable_to: string, installments: boolean, };

export type ClientLadderView = { 
/**
 * True when the client follows its own ladder rather than the default.
 */
own: boolean, stages: Array<StageView>, };

export type LettersRequest = { 
/**
 * The invoices to write to; empty means every letter due today.
 */
invoice_ids: Array<number>, 
/**
 * "a4" (DIN 5008 form B) or "letter" (US #10 window).
 */
page_size: PageSize | null, 
/**
 * Print (CUPS `lp`, else the PDF viewer) and record what printed.
 * Without it the PDF is only saved, and nothing is recorded.
 */
print: boolean, 
/**
 * For today's letters: the number the user confirmed. When today's
 * letters are no longer that many, nothing is made (`count_changed`).
 */
expected_letters: number | null, };

export type LettersResult = { 
/**
 * Where the PDF was saved (a new file every time).
 */
path: string, 
/**
 * Letters in the PDF.
 */
letters: number, sha256: string, 
/**
 * The print batch, when printing was asked.
 */
batch_id: number | null, 
/**
 * "saved" (not printed, nothing recorded), "printed", "awaiting_confirmation"
 * (opened in the PDF viewer: the user says whether it printed) or "not_printed".
 */
print_state: PrintState, 
/**
 * The command the PDF was handed to ("lp", "xdg-open", …).
 */
printed_with: string | null, 
/**
 * The printer's job id (`lp`: "request id is …").
 */
job_id: string | null, 
/**
 * Why it did not print, and what to do.
 */
print_error: string | null, 
/**
 * Letters that could not be laid out: left out, with the reason and the fix.
 */
left_out: Array<LetterProblem>, 
/**
 * Letters with characters no installed font has (drawn as a placeholder).
 */
placeholders: Array<LetterProblem>, };

export type LetterProblem = { client_id: number, client_name: string, invoice_numbers: Array<string>, 
/**
 * What went wrong and what to do about it (English, with the specifics).
 */
reason: string, 
/**
 * The same by its code, which the UI words in its own language.
 */
code: ErrorCode, };

export type LetterBatchRequest = { batch_id: number, 
/**
 * For a confirmation: whether the letters printed.
 */
printed: boolean, };

export type InvoicePdfRequest = { invoice_id: number, page_size: PageSize | null, };

export type PdfResult = { path: string, sha256: string, bytes: number, };

export type SmtpSettingsView = { host: string, port: number, 
/**
 * starttls, tls, or plain (a relay on this computer only).
 */
security: Security, username: string, from_name: string, from_address: string, reply_to: string, bcc_self: boolean, 
/**
 * An extra certificate authority to trust, PEM (optional).
 */
trusted_certificate: string, timeout_secs: number, 
/**
 * Whether the account is set up at all.
 */
configured: boolean, 
/**
 * Whether the keychain holds a password for this account.
 */
password_saved: boolean, 
/**
 * Why the keychain could not be asked, if it could not (`keychain_locked`,
 * `keychain_unavailable`, `keychain_failed`): the UI words the code.
 */
keychain_problem: ApiError | null, };

export type SmtpSettingsInput = { host: string, port: number, security: Security, username: string, from_name: string, from_address: string, reply_to: string, bcc_self: boolean, trusted_certificate: string, timeout_secs: number | null, 
/**
 * A new password to put in the keychain; `None` keeps the saved one.
 */
password: string | null, };

export type TeamConnectInput = { 
/**
 * `postgres://user@host[:port]/database`.
 */
url: string, 
/**
 * Put in the keychain once the connection works; `None` (or empty):
 * the URL's, else none (a server that trusts this computer).
 */
password: string | null, sslmode: SslMode | null, 
/**
 * A CA certificate (PEM file) to trust; empty for none.
 */
ca_file: string | null, };

export type DatabaseStatus = { 
/**
 * Where the database in use was chosen.
 */
source: DatabaseSource, 
/**
 * The database in use: the file, or the URL without its password.
 */
in_use: string, 
/**
 * The team database's server (`host:port`) when one is in use.
 */
host: string | null, sslmode: SslMode | null, ca_file: string | null, 
/**
 * The data folder's team database (`database.json`), if it has one.
 */
configured: string | null, 
/**
 * The settings changed since this database was opened: a restart
 * opens the other one.
 */
restart_needed: boolean, };

export type TableMovedView = { table: string, rows: number, };

export type MoveView = { 
/**
 * The target, without its password.
 */
to: string, tables: Array<TableMovedView>, rows: number, files: number, file_bytes: number, };

export type MemberSettings = { 
/**
 * The name others see next to this person's changes; none: unnamed.
 */
name: string | null, };

export type TestEmailResult = { to: string, 
/**
 * What the server answered when it accepted the test message.
 */
server_reply: string, };

export type QueueEmailsRequest = { 
/**
 * The invoices to write to (their ladder stage due today). When this
 * and the two lists below are all empty: every e-mail due today.
 */
invoice_ids: Array<number>, 
/**
 * Installment plans whose reminder (or broken-plan notice) is due today.
 */
plan_ids: Array<number>, 
/**
 * Broken promises whose polite follow-up is due.
 */
promise_ids: Array<number>, 
/**
 * For "Send all e-mails": the number the user confirmed (the
 * preview's `total`). When it is no longer that many, nothing is
 * queued (`count_changed`).
 */
expected_total: number | null, };

export type SkippedView = { invoice_numbers: Array<string>, code: ErrorCode, message: string, };

export type QueueEmailsResult = { 
/**
 * Outbox ids of the messages queued now.
 */
queued: Array<number>, 
/**
 * Invoices not queued, and why (no e-mail address, already queued…).
 */
skipped: Array<SkippedView>, };

export type SendProgress = { total: number, done: number, sent: number, failed: number, uncertain: number, retrying: number, 
/**
 * The message being sent now (subject and recipient).
 */
current: string | null, };

export type SendReport = { sent: number, failed: number, uncertain: number, retrying: number, 
/**
 * Messages withdrawn: the batch was cancelled, or a message no longer
 * applied when its turn came (e.g. its installment was paid meanwhile).
 */
cancelled: number, 
/**
 * Messages found interrupted by a crash and flagged for the user.
 */
recovered: number, 
/**
 * Why the batch stopped early (e.g. the server refused the password).
 */
stopped: ApiError | null, };

export type BackgroundSendProblem = { 
/**
 * What went wrong (`smtp_auth`, `keychain_locked`, `smtp_connect`, …).
 */
error: ApiError, 
/**
 * When it happened, RFC 3339.
 */
at: string, 
/**
 * When the background sender tries again by itself, in minutes.
 */
retry_in_minutes: number, };

export type OutboxItem = { id: number, message_id: string, client_id: number, client_name: string, invoice_numbers: Array<string>, stage_key: string, to: Array<string>, subject: string, 
/**
 * queued, sending, sent, failed, uncertain, cancelled.
 */
state: OutboxState, attempts: number, 
/**
 * For people: "Sent 23 Nov 2026 10:42", "May have been sent at 10:42", …
 */
status_text: string, error_code: string | null, error: string | null, 
/**
 * RFC 3339.
 */
created_at: string, next_attempt_at: string, sending_at: string | null, sent_at: string | null, 
/**
 * Who queued it (team database: the member's name), when one was set.
 */
made_by: string | null, };

export type OutboxRequest = { 
/**
 * States to show; empty = all.
 */
states: Array<string>, offset: number, limit: number, };

export type OutboxSummary = { queued: number, sending: number, sent: number, failed: number, uncertain: number, cancelled: number, 
/**
 * failed + uncertain: what waits for the user's decision.
 */
needs_attention: number, };

export type SendAllPreview = { 
/**
 * Messages it writes now: one per client, plan reminder or promise follow-up.
 */
new_messages: number, 
/**
 * Invoices the new messages are about (a client's invoices share one message).
 */
invoices: number, 
/**
 * Messages already waiting in the outbox that go out with them.
 */
waiting: number, 
/**
 * `new_messages + waiting`.
 */
total: number, };

export type QueueFilter = { channel: Channel | null, 
/**
 * A stage key of the ladder ("reminder", "final_notice", …).
 */
stage: string | null, tone: Tone | null, 
/**
 * The client's language.
 */
language: Locale | null, 
/**
 * ISO 4217 code: only invoices in this currency.
 */
currency: string | null, 
/**
 * Only invoices with at least this much still owing: a decimal in
 * `currency` (or, without one, in the business currency, which then
 * also filters the currency: amounts are never compared across
 * currencies).
 */
min_amount: string, };

export type QueueSummaryRequest = { filter: QueueFilter, 
/**
 * How to group the matching follow-ups; none: only the counts.
 */
by: QueueGrouping | null, 
/**
 * A page of the groups.
 */
offset: number, limit: number, };

export type QueueSummary = { today: string, 
/**
 * Every follow-up due today.
 */
total: number, 
/**
 * Those that match the filter.
 */
matching: number, 
/**
 * Per value, what choosing it would show (the other filters applied).
 */
channels: Array<ChannelCount>, stages: Array<StageCount>, tones: Array<ToneCount>, languages: Array<LanguageCount>, currencies: Array<CurrencyCount>, 
/**
 * How many groups there are (for paging them).
 */
groups_total: number, groups: Array<QueueGroup>, };

export type QueueGroup = { 
/**
 * The client, when grouped by client.
 */
client_id: number | null, 
/**
 * The channel, when grouped by channel.
 */
channel: Channel | null, 
/**
 * The client's name (by channel: empty, the UI names the channel).
 */
label: string, count: number, 
/**
 * What the group's invoices still owe, per currency (never added
 * across currencies), by currency code.
 */
owing: Array<MoneyView>, };

export type ChannelCount = { channel: Channel, count: number, };

export type StageCount = { key: string, name: string, tone: Tone, count: number, };

export type ToneCount = { tone: Tone, count: number, };

export type LanguageCount = { language: Locale, count: number, };

export type CurrencyCount = { currency: string, count: number, };

export type LettersPreview = { letters: number, invoices: number, };

export type OutboxActionRequest = { id: number, 
/**
 * "resend" (a failed or possibly-sent message goes back to the queue),
 * "confirm_sent" (the user checked: it did arrive), "cancel".
 */
action: string, };

export type InstallmentInput = { 
/**
 * YYYY-MM-DD.
 */
due_on: string, 
/**
 * Decimal text in the plan's currency.
 */
amount: string, };

export type PlanInput = { 
/**
 * One invoice, or several of one client in one currency.
 */
invoice_ids: Array<number>, 
/**
 * Number of installments as typed (used when `installment_amount` is
 * empty; empty means 3). Whole numbers only: "2.5" or "four" are refused.
 */
count: string, 
/**
 * Alternatively, the amount of each installment (the last one is the rest).
 */
installment_amount: string, 
/**
 * weekly, fortnightly, monthly or custom.
 */
frequency: Frequency, 
/**
 * YYYY-MM-DD; the first installment (or the down payment).
 */
first_date: string, 
/**
 * With "custom": one date per installment.
 */
custom_dates: Array<string>, 
/**
 * Optional down payment, paid on the first date.
 */
down_payment: string, 
/**
 * Days an installment may be late before the plan counts as broken
 * (as typed; empty means the default, 7).
 */
grace_days: string, 
/**
 * Days before an installment is due that its heads-up comes (0: on the
 * day; empty means 3).
 */
heads_up_days: string, 
/**
 * Days after an installment was due that its reminder comes (empty means 2).
 */
reminder_days: string, 
/**
 * The schedule as edited in the table; when given it is used as is
 * (after checking it adds up), instead of being built from the fields above.
 */
installments: Array<InstallmentInput> | null, note: string, };

export type ScheduleRow = { seq: number, due_on: string, amount: MoneyView, };

export type SchedulePreview = { client_id: number, invoice_numbers: Array<string>, 
/**
 * What is still owing: the installments must add up to it.
 */
balance: MoneyView, installments: Array<ScheduleRow>, sum: MoneyView, 
/**
 * True when the installments add up to the balance exactly.
 */
sum_matches: boolean, 
/**
 * The rule for the remainder cent(s), in words.
 */
rule: string, 
/**
 * What is wrong with an edited schedule (it can still be edited), if anything.
 */
problem: ApiError | null, };

export type InstallmentView = { seq: number, due_on: string, amount: MoneyView, paid: MoneyView, remaining: MoneyView, 
/**
 * paid, partly_paid, upcoming, due_today, late.
 */
status: InstallmentStatus, };

export type PlanView = { id: number, client_id: number, client_name: string, 
/**
 * proposed, active, completed, broken, renegotiated, cancelled.
 */
state: PlanState, 
/**
 * For active plans: on_track, late or broken (before it is recorded); else the state.
 */
standing: PlanStanding, 
/**
 * A sentence for people, e.g. "On track: next installment €33.34 on 1 January 2027".
 */
standing_text: string, total: MoneyView, 
/**
 * Money received on the plan's invoices since it was made (payments
 * less reversals and refunds); credits are never counted as paid.
 */
paid: MoneyView, 
/**
 * What credit notes issued since the plan was made took off it: they
 * reduce what the plan covers, from its last installment backwards.
 */
credited: MoneyView, 
/**
 * total − paid − credited, never below zero.
 */
remaining: MoneyView, 
/**
 * Paid beyond the plan (never lost; shown so it can be refunded or kept).
 */
surplus: MoneyView, grace_days: number, 
/**
 * Days before each installment that its heads-up comes (0: on the day).
 */
heads_up_days: number, 
/**
 * Days after an unpaid installment that its reminder comes.
 */
reminder_days: number, frequency: Frequency, created_on: string, agreed_on: string | null, agreed_how: AgreedHow | null, ended_on: string | null, replaces_plan_id: number | null, invoice_ids: Array<number>, invoice_numbers: Array<string>, installments: Array<InstallmentView>, next_reminder_on: string | null, 
/**
 * "2:heads_up", "0:broken_notice", … (installment number and kind).
 */
reminders_done: Array<string>, note: string, };

export type AcceptInput = { plan_id: number, 
/**
 * YYYY-MM-DD; empty means today.
 */
agreed_on: string, 
/**
 * call, email, letter or in_person.
 */
how: AgreedHow, note: string, };

export type PlanListRequest = { client_id: number | null, invoice_id: number | null, };

export type PlanQueueItem = { plan_id: number, client_id: number, client_name: string, 
/**
 * heads_up, reminder or broken_notice.
 */
kind: ReminderKind, 
/**
 * The installment concerned (1-based).
 */
seq: number, count: number, due_on: string, 
/**
 * What is still owing on that installment.
 */
amount: MoneyView, remaining_total: MoneyView, invoice_numbers: Array<string>, 
/**
 * email, or letter when the client has no e-mail address.
 */
channel: Channel, email: string | null, phone: string | null, 
/**
 * The reminder's e-mail in the outbox, if queued: queued, sending,
 * sent, failed or uncertain.
 */
email_state: OutboxState | null, outbox_id: number | null, };

export type PlanMessage = { plan_id: number, 
/**
 * heads_up, reminder, broken_notice or proposal.
 */
kind: PlanMessageKind, seq: number, language: Locale, recipient_email: string | null, subject: string, body: string, epc_payload: string | null, };

export type PlanReminderDone = { plan_id: number, 
/**
 * email, letter or phone.
 */
channel: Channel, note: string, };

export type PlanPdfRequest = { plan_id: number, page_size: PageSize | null, 
/**
 * For a reminder letter: print it, and record it if the printer took it.
 */
print: boolean, };

export type PlanLetterResult = { path: string, sha256: string, print_state: PrintState, printed_with: string | null, job_id: string | null, };

export type StatementRequest = { client_id: number, 
/**
 * "a4" or "letter"; blank: the default for the user's language.
 */
page_size: PageSize | null, };

export type StatementPdf = { 
/**
 * Where it was saved (a new file every time).
 */
path: string, sha256: string, bytes: number, 
/**
 * Open invoices listed.
 */
invoices: number, 
/**
 * The balance in each currency (never added together).
 */
balances: Array<MoneyView>, 
/**
 * "saved" (made, nothing recorded), "printed", "awaiting_confirmation"
 * (opened in the PDF viewer: confirm with `confirm_statement_printed`).
 */
print_state: PrintState, printed_with: string | null, job_id: string | null, };

export type StatementEmail = { outbox_id: number, 
/**
 * Its state now (a repeat the same day finds the first one, perhaps sent).
 */
state: OutboxState, 
/**
 * False when a statement for this client was already queued or sent today.
 */
newly_queued: boolean, to: Array<string>, subject: string, balances: Array<MoneyView>, };

export type StatementPrintedRequest = { client_id: number, 
/**
 * The statement's path as `print_statement` returned it.
 */
path: string, };

export type InterestSettings = { client_id: number, 
/**
 * Off unless the user turns it on.
 */
enabled: boolean, jurisdiction: Jurisdiction, debtor: DebtorKind, };

export type InterestSettingsView = { settings: InterestSettings, 
/**
 * False while the client has never had a setting (off, defaults shown).
 */
saved: boolean, 
/**
 * What the law would add, in one English sentence (the CLI's words).
 */
would_add: string, 
/**
 * The same as facts, which the UI words in its own language; `None`
 * when the law gives no rule for this kind of debtor (`rule_problem`).
 */
rule: InterestRuleView | null, rule_problem: ApiError | null, 
/**
 * The shipped rate table's last update, and the last day the rates
 * reach for this law's series (with the rates the user entered).
 */
table_ends: string, table_updated: string, 
/**
 * The series this law's rate follows (preselected when adding a rate).
 */
series: InterestBase, 
/**
 * The last day Kindly's compiled table covers for that series.
 */
compiled_ends: string, 
/**
 * Today is past `table_ends`: a debt late now cannot be computed until
 * Kindly is updated or the user adds the published rate (from `next_from`).
 */
rate_unknown: boolean, 
/**
 * The first day of the first half-year the rates do not reach.
 */
next_from: string, };

export type InterestRuleView = { 
/**
 * Percentage points over the base, as written: "8", "9", "10".
 */
margin: string, base: InterestBase, fee: InterestFee, 
/**
 * Where the rule comes from ("Late Payment of Commercial Debts (Interest) Act 1998").
 */
source: string, };

export type InterestLineView = { from: string, to: string, days: number, principal: MoneyView, 
/**
 * Percentages as exact decimals, e.g. "12.15".
 */
reference_percent: string, reference_on: string, margin_percent: string, rate_percent: string, interest: MoneyView, 
/**
 * The source the user named when the reference rate is one they entered.
 */
entered_source: string | null, 
/**
 * The line as the letter writes it, in the client's language.
 */
text: string, };

export type InterestWorkingView = { invoice_id: number, number: string, on: string, jurisdiction: Jurisdiction, debtor: DebtorKind, lines: Array<InterestLineView>, interest: MoneyView, compensation: MoneyView | null, 
/**
 * Interest + compensation when both are in the same currency.
 */
total: MoneyView | null, source: string, compensation_source: string | null, 
/**
 * "act/365".
 */
day_count: string, table_updated: string, 
/**
 * The paragraph the final notice and the statement carry (client's
 * language); `None` when there is nothing to state.
 */
paragraph: string | null, };

export type RateSeriesView = { series: InterestBase, 
/**
 * The last day the compiled table covers: a rate can be added only after it.
 */
compiled_ends: string, 
/**
 * The last day covered without a gap, counting the user's rates.
 */
ends: string, };

export type AddedRateView = { series: InterestBase, 
/**
 * The first day of the half-year it is for.
 */
from: string, 
/**
 * Exact decimal percent, e.g. "2.15".
 */
rate_percent: string, source: string, 
/**
 * False when Kindly's compiled table has since come to cover that
 * half-year (the compiled rate is used).
 */
used: boolean, };

export type InterestRatesView = { table_updated: string, series: Array<RateSeriesView>, added: Array<AddedRateView>, };

export type AddRateInput = { series: InterestBase, 
/**
 * The first day of a half-year (1 January or 1 July), YYYY-MM-DD.
 */
from: string, 
/**
 * Percent as published, e.g. "2.15" (at most two decimals, 0 to 100).
 */
rate: string, 
/**
 * Where the rate is published (a page, a gazette): named in the working.
 */
source: string, 
/**
 * The client whose page it was added from: the entry goes on their timeline.
 */
client_id: number | null, };

export type RemoveRateInput = { series: InterestBase, from: string, };

export type CallScriptView = { invoice_id: number, number: string, client_id: number, client_name: string, phone: string | null, language: Locale, 
/**
 * The ladder stage due today, if any.
 */
stage: StageView | null, outstanding: MoneyView, 
/**
 * Short lines to read from, in the client's language.
 */
lines: Array<string>, 
/**
 * The default retry day for an unanswered call (tomorrow).
 */
default_retry_on: string, };

export type CallLogInput = { invoice_id: number, 
/**
 * reached, voicemail, no_answer or wrong_number.
 */
outcome: CallOutcome, notes: string, 
/**
 * YYYY-MM-DD; for voicemail / no answer (default tomorrow).
 */
retry_on: string | null, 
/**
 * YYYY-MM-DD: the client promised to pay by this day.
 */
promise_date: string | null, 
/**
 * The promised amount; empty means everything still owing.
 */
promise_amount: string | null, 
/**
 * The client asked for a payment plan.
 */
plan_requested: boolean, };

export type CallLogResult = { timeline_id: number, promise_id: number | null, 
/**
 * True when the call completed today's phone stage of the ladder.
 */
stage_done: boolean, retry_on: string | null, 
/**
 * After a wrong number: "email" or "letter".
 */
suggested_channel: Channel | null, 
/**
 * What happens next, for people.
 */
message: string, };

export type PromiseInput = { invoice_id: number, 
/**
 * YYYY-MM-DD.
 */
promised_on: string, 
/**
 * Blank means everything still owing.
 */
amount: string, 
/**
 * call, email, letter or in_person.
 */
how: AgreedHow, };

export type PromiseView = { id: number, invoice_id: number, invoice_number: string, promised_on: string, amount: MoneyView, how: AgreedHow, recorded_at: string, 
/**
 * open, kept or broken.
 */
outcome: PromiseOutcome, resolved_on: string | null, followed_up_on: string | null, };

export type PromiseFollowUp = { promise: PromiseView, client_id: number, client_name: string, outstanding: MoneyView, 
/**
 * email or letter.
 */
channel: Channel, email: string | null, subject: string, body: string, 
/**
 * The follow-up's e-mail in the outbox, if queued: queued, sending,
 * sent, failed or uncertain.
 */
email_state: OutboxState | null, outbox_id: number | null, };

export type PromiseFollowUpDone = { promise_id: number, 
/**
 * email or letter.
 */
channel: Channel, };

export type FileInput = { 
/**
 * The file's name as the user saw it.
 */
name: string, bytes: Array<number>, };

export type ContactInput = { client_id: number, invoice_id: number | null, 
/**
 * note, incoming_call, email or letter.
 */
kind: ContactKind, text: string, 
/**
 * A file on disk (CLI): an .eml for e-mail, a PDF/PNG/JPEG scan for a letter.
 */
file_path: string | null, 
/**
 * The same, sent by the UI.
 */
file: FileInput | null, };

export type CorrectionInput = { 
/**
 * The entry being corrected; it stays as it was.
 */
entry_id: number, text: string, };

export type TimelineRequest = { client_id: number | null, invoice_id: number | null, 
/**
 * Kinds to show (e.g. "call_logged"); empty = all.
 */
kinds: Array<string>, 
/**
 * First and last calendar day (YYYY-MM-DD, inclusive) in the user's zone.
 */
from: string | null, to: string | null, 
/**
 * The user's offset from UTC in minutes (e.g. 60 for CET), for the day bounds.
 */
utc_offset_minutes: number, 
/**
 * At most this many entries (default 500, at most 10,000).
 */
limit: number, 
/**
 * The next page: entries older than this one (the last entry shown).
 */
before_entry: number | null, };

export type TimelineEntryView = { id: number, 
/**
 * RFC 3339 in UTC.
 */
at: string, kind: EventKind, summary: string, invoice_id: number | null, invoice_number: string | null, 
/**
 * The entry's details (e-mail text and recipients, call outcome, files, …).
 */
data: Record<string, unknown>, 
/**
 * The entry this one corrects.
 */
refers_to: number | null, 
/**
 * Later entries that correct this one.
 */
corrected_by: Array<number>, 
/**
 * The member who made the entry (issue #19), when one was named.
 */
made_by: string | null, };

export type DossierRequest = { client_id: number, 
/**
 * Only this invoice (and the client's entries about it).
 */
invoice_id: number | null, 
/**
 * Folder to write into; default `<data dir>/exports`.
 */
out_dir: string | null, 
/**
 * The user's offset from UTC in minutes; timestamps are written with it.
 */
utc_offset_minutes: number, 
/**
 * a4 or letter (default: letter for English, A4 otherwise).
 */
page_size: PageSize | null, };

export type DossierFile = { entry_id: number, 
/**
 * pdf, eml or scan.
 */
kind: EvidenceKind, name: string, 
/**
 * The SHA-256 recorded when the file was kept.
 */
sha256: string, 
/**
 * ok, missing or changed.
 */
status: FileCheck, 
/**
 * The SHA-256 found now, when it differs.
 */
sha256_now: string | null, 
/**
 * Its name inside the zip, when it is there.
 */
in_zip: string | null, };

export type DossierResult = { pdf_path: string, csv_path: string, zip_path: string, pdf_sha256: string, zip_sha256: string, entries: number, files: Array<DossierFile>, };

export type BankImportRequest = { path: string, 
/**
 * auto (default), camt, mt940, ofx or csv.
 */
format: string, 
/**
 * Show what would happen; record nothing.
 */
dry_run: boolean, 
/**
 * For a CSV export: the column mapping the user confirmed (JSON of
 * `CsvMappingView.mapping`); it is saved for the next file with the same header.
 */
csv_mapping: string | null, };

export type BankCandidateView = { invoice_id: number, number: string, client_id: number, client_name: string, 
/**
 * Still owing on the invoice.
 */
outstanding: MoneyView, 
/**
 * The amount proposed for (or recorded on) this invoice.
 */
amount: MoneyView, };

export type BankEntryView = { 
/**
 * The stored entry (None in a dry run).
 */
id: number | null, uid: string, booking_date: string, amount: MoneyView, credit: boolean, payer_name: string | null, payer_iban: string | null, 
/**
 * As the bank wrote it (plain text).
 */
remittance: string, structured_ref: string | null, 
/**
 * recorded, review, unmatched, debit, known (imported before), ignored, assigned.
 */
status: BankEntryStatus, 
/**
 * 1 reference, 2 invoice number, 3 known payer.
 */
tier: number | null, 
/**
 * high, medium, low.
 */
confidence: string | null, 
/**
 * Why, in English, as recorded; the CLI prints it. Entries imported
 * before migration 0019 have only this (no `why`): show it as written.
 */
reason: string, 
/**
 * Why, as a kind and its facts, for the reader to word in its language.
 */
why: BankReasonView | null, candidates: Array<BankCandidateView>, };

export type BankReasonView = { kind: BankReasonKind, 
/**
 * What found the invoices (tiers 1 and 2).
 */
found_by: BankFoundBy | null, 
/**
 * The creditor references that found them, grouped.
 */
references: Array<string>, 
/**
 * The invoice numbers found (or, for a known payer, proposed).
 */
invoices: Array<string>, 
/**
 * The one invoice the sentence is about, when it names one.
 */
invoice: string | null, 
/**
 * The entry's amount.
 */
amount: MoneyView | null, 
/**
 * The balance of `invoice`.
 */
balance: MoneyView | null, 
/**
 * Too much, or what stays open after a partial payment.
 */
difference: MoneyView | null, 
/**
 * The invoice's currency when it is not the payment's (ISO 4217).
 */
invoice_currency: string | null, 
/**
 * A certain match sent to review at import, and why.
 */
not_recorded: BankNotRecordedView | null, };

export type BankNotRecordedView = { problem: BankNotRecorded, 
/**
 * The invoice's number (its id when it no longer exists).
 */
invoice: string, status: InvoiceStatus | null, invoice_currency: string | null, payment_currency: string | null, 
/**
 * Still owing on the invoice.
 */
owing: MoneyView | null, };

export type BankImportResult = { dry_run: boolean, 
/**
 * camt, mt940, ofx or csv.
 */
format: string, file_name: string, entries: number, 
/**
 * Seen before (this file or an overlapping one): nothing recorded again.
 */
already_imported: number, recorded: number, payments: number, 
/**
 * The sum of the payments recorded, per currency.
 */
recorded_total: Array<MoneyView>, review: number, unmatched: number, debits: number, 
/**
 * Every entry with its decision (first 500).
 */
lines: Array<BankEntryView>, };

export type CsvMappingView = { headers: Array<string>, 
/**
 * The mapping as JSON, to send back in `BankImportRequest.csv_mapping`.
 */
mapping: string, 
/**
 * What each column was read as, and the column(s): (booking_date, "Buchungstag").
 */
roles: Array<[BankCsvRole, string]>, date_format: string, decimal: string, delimiter: string, currency: string | null, 
/**
 * What Kindly could not decide: date_format, decimal_separator, currency.
 */
questions: Array<string>, date_formats: Array<string>, };

export type BankAllocation = { invoice_id: number, 
/**
 * Decimal text in the entry's currency.
 */
amount: string, };

export type BankResolveRequest = { entry_id: number, 
/**
 * The payments to record (one invoice, another one, or a split); empty with `ignore`.
 */
allocations: Array<BankAllocation>, 
/**
 * Not a payment for any invoice: keep it out of the list.
 */
ignore: boolean, };

export type BankStatusView = { 
/**
 * RFC 3339, UTC.
 */
last_import: string | null, days_since_import: number | null, 
/**
 * No statement imported for more than the setting's days: ask before sending.
 */
stale: boolean, stale_after_days: number, to_review: number, };

export type BankReviewRequest = { offset: number, limit: number, };

export type FieldColumn = { field: ImportField, column: number | null, };

export type Mapping = { kind: ImportKind, preset: ImportPreset | null, encoding: TextEncoding, 
/**
 * One character: `,` `;` tab or `|` (any single character but a quote).
 */
delimiter: string, decimal: DecimalSeparator, date_format: DateFormat, 
/**
 * 0-based record index of the header row (rows above it are ignored).
 */
header_row: number, 
/**
 * ISO 4217 code used where the file names no currency.
 */
default_currency: string, 
/**
 * One entry per field of the kind.
 */
columns: Array<FieldColumn>, };

export type Problem = { row: number, column: string, 
/**
 * What the cell said (shortened).
 */
value: string, message: string, 
/**
 * The kind of problem, which the UI words in its own language (the
 * message is English, with the specifics).
 */
code: ErrorCode, };

export type ImportDetectRequest = { path: string, kind: ImportKind, 
/**
 * The tool the file comes from, when the user chose one.
 */
preset: ImportPreset | null, };

export type ImportFieldInfo = { field: ImportField, label: string, required: boolean, };

export type ImportProposal = { mapping: Mapping, headers: Array<string>, 
/**
 * The first data rows, as cells.
 */
preview: Array<Array<string>>, detected_preset: ImportPreset | null, fields: Array<ImportFieldInfo>, };

export type ImportRequest = { path: string, mapping: Mapping, };

export type ImportReport = { dry_run: boolean, 
/**
 * Whether anything was written (never in a dry run, never with problems).
 */
written: boolean, 
/**
 * Data rows read.
 */
rows: number, new_clients: number, new_invoices: number, new_payments: number, 
/**
 * Records of the file that Kindly already has (skipped).
 */
already_in_kindly: number, problems: Array<Problem>, 
/**
 * Columns no field reads (ignored).
 */
ignored_columns: Array<string>, 
/**
 * "3 new, 120 already in Kindly".
 */
summary: string, };

export type ExportRequest = { kind: ExportKind, 
/**
 * Where to write (from the save dialog, or `--out`).
 */
path: string, };

export type ExportResult = { path: string, 
/**
 * Data rows written.
 */
rows: number, };

export type OverviewRequest = { 
/**
 * An ISO 4217 code; null: every currency the data holds, the business
 * currency first, then by amount owed.
 */
currency: string | null, };

export type InvoicesLink = { currency: string, client_id?: number, state?: InvoiceState, aging?: AgingBucket, 
/**
 * Issued with something still owing.
 */
open_only?: boolean, 
/**
 * Issued, not cancelled (drafts left out): what "invoiced" counts.
 */
issued_only?: boolean, due_from?: string, due_to?: string, issued_from?: string, issued_to?: string, };

export type PaymentsLink = { currency: string, client_id?: number, from?: string, to?: string, };

export type OverviewView = { 
/**
 * The day the figures are for, YYYY-MM-DD.
 */
today: string, 
/**
 * The business currency (settings), shown first.
 */
business_currency: string, 
/**
 * False until an invoice was issued: the page shows its empty state
 * (every figure is still present, zero or absent).
 */
has_invoices: boolean, 
/**
 * One entry per currency; never empty (the business currency with
 * zeros when there is no data).
 */
currencies: Array<CurrencyOverview>, dso_formula: string, days_to_pay_rule: string, cash_in_rule: string, steps_rule: string, };

export type CurrencyOverview = { currency: string, 
/**
 * Issued invoices with something owing: what they owe.
 */
outstanding: CountedAmount, 
/**
 * Of those, due before today.
 */
overdue: CountedAmount, 
/**
 * Always the five buckets, in order.
 */
aging: Array<AgingFigure>, dso: Dso, days_to_pay: DaysToPay, cash_in: CashIn, 
/**
 * Each ladder stage done at least once, in ladder order.
 */
steps: Array<StepFigure>, 
/**
 * 12 months, oldest first, months with nothing included as zero.
 */
months: Array<MonthFigure>, };

export type CountedAmount = { amount: MoneyView, count: number, link: InvoicesLink, };

export type AgingFigure = { bucket: AgingBucket, amount: MoneyView, count: number, 
/**
 * YYYY-MM-DD, inclusive; null: unbounded.
 */
due_from: string | null, due_to: string | null, link: InvoicesLink, };

export type Dso = { 
/**
 * One decimal, e.g. "37.4"; null when nothing was invoiced in the window.
 */
days: string | null, 
/**
 * Rounded to whole days.
 */
days_rounded: number | null, outstanding: MoneyView, invoiced: MoneyView, invoiced_count: number, 
/**
 * The 90 days, YYYY-MM-DD inclusive.
 */
window_from: string, window_to: string, window_days: number, 
/**
 * The invoices issued in the window.
 */
invoiced_link: InvoicesLink, 
/**
 * The open invoices.
 */
outstanding_link: InvoicesLink, };

export type DaysToPay = { 
/**
 * One decimal; null when nothing was fully paid in the window.
 */
average_days: string | null, invoices: number, window_from: string, window_to: string, 
/**
 * The slowest average first, at most 10.
 */
slowest_clients: Array<ClientDaysToPay>, };

export type ClientDaysToPay = { client_id: number, client_name: string, 
/**
 * One decimal.
 */
average_days: string, 
/**
 * The invoices the average is based on.
 */
invoices: number, 
/**
 * The client's paid invoices in this currency.
 */
link: InvoicesLink, };

export type CashIn = { 
/**
 * 4 windows of 7 days, the first starting today.
 */
weeks: Array<CashInWindow>, 
/**
 * The rest of this month, then the next two calendar months.
 */
months: Array<CashInWindow>, 
/**
 * Already late, in no window: owed on overdue invoices without a later
 * promise or plan, promised amounts whose day passed, installments past due.
 */
already_late: MoneyView, already_late_link: InvoicesLink, };

export type CashInWindow = { 
/**
 * YYYY-MM-DD, inclusive.
 */
from: string, to: string, expected: MoneyView, from_due_dates: MoneyView, from_promises: MoneyView, from_installments: MoneyView, 
/**
 * Part of `expected` (see `cash_in_rule`).
 */
at_risk: MoneyView, 
/**
 * Open invoices due in the window (promises and plans move some of
 * the amount; the list shows invoices by due date).
 */
link: InvoicesLink, };

export type StepFigure = { stage_key: string, 
/**
 * The stage's name in the ladders (its key when no ladder has it any more).
 */
name: string, offset_days: number | null, steps: number, paid_within_7_days: number, 
/**
 * Whole percent, rounded half up.
 */
share_percent: number, 
/**
 * Per mille, rounded half up.
 */
share_permille: number, };

export type MonthFigure = { 
/**
 * "2026-01".
 */
month: string, from: string, to: string, invoiced: MoneyView, invoiced_count: number, collected: MoneyView, collected_count: number, invoiced_link: InvoicesLink, collected_link: PaymentsLink, };

export type AgingReportRow = { client_id: number, client_name: string, currency: string, 
/**
 * The five buckets in order (not yet due, 1–30, 31–60, 61–90, over 90).
 */
buckets: Array<MoneyView>, total: MoneyView, };

export type AgingReport = { today: string, rows: Array<AgingReportRow>, 
/**
 * Per currency (client_id 0, client_name "Total").
 */
totals: Array<AgingReportRow>, };

export type CollectedRow = { 
/**
 * "2026-01".
 */
month: string, currency: string, invoiced: MoneyView, invoiced_count: number, collected: MoneyView, collected_count: number, };

export type CollectedReport = { today: string, months: number, 
/**
 * Oldest month first; per month, the currencies in code order.
 */
rows: Array<CollectedRow>, };

export type SaveReportRequest = { kind: ReportKind, format: ReportFormat, path: string, 
/**
 * Only this currency; null: every currency.
 */
currency: string | null, 
/**
 * Collected report: how many months up to this one (default 12).
 */
months: number | null, };

export type SaveReportResult = { path: string, 
/**
 * Data rows written (totals not counted).
 */
rows: number, };

//! The domain's error type. Every variant has a stable machine code (used by
//! the UI and scripts), the input field it concerns, and a plain-language
//! message that tells the user what to change.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// Every stable, machine-readable error code Kindly produces, in one place.
/// Serialised as the snake_case string beside each variant; never renamed
/// once shipped, because the UI and users' scripts match on it. The UI gets
/// them as a TypeScript union (`ErrorCode` in `ui/src/lib/bindings.ts`), and
/// `kindly-api`'s `error_codes_are_pinned` test fails when this list changes
/// without the test, or when a code is no longer produced anywhere.
macro_rules! error_codes {
    ($($name:ident = $wire:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub enum ErrorCode {
            $( #[serde(rename = $wire)] $name, )*
        }

        impl ErrorCode {
            /// Every code, in declaration (alphabetical) order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$name),*];

            /// The wire form, e.g. `"invalid_amount"`.
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$name => $wire,)* }
            }
        }
    };
}

error_codes! {
    AgreedBeforeProposed = "agreed_before_proposed",
    AgreedInFuture = "agreed_in_future",
    AlreadyCancelled = "already_cancelled",
    AlreadyContactedToday = "already_contacted_today",
    AlreadyDone = "already_done",
    AlreadyPrinted = "already_printed",
    AlreadyQueued = "already_queued",
    AmountTooLarge = "amount_too_large",
    AppendOnly = "append_only",
    BackupFolderInsideData = "backup_folder_inside_data",
    BackupFolderMissing = "backup_folder_missing",
    BackupNoFolder = "backup_no_folder",
    BackupOnTeamDatabase = "backup_on_team_database",
    BankAllocationRefused = "bank_allocation_refused",
    BankAllocationTooMuch = "bank_allocation_too_much",
    BankAmountInvalid = "bank_amount_invalid",
    BankCamtUnsupported = "bank_camt_unsupported",
    BankCsvMalformed = "bank_csv_malformed",
    BankCsvMappingInvalid = "bank_csv_mapping_invalid",
    BankCsvMappingNeeded = "bank_csv_mapping_needed",
    BankCsvRowInvalid = "bank_csv_row_invalid",
    BankCurrencyInvalid = "bank_currency_invalid",
    BankDateInvalid = "bank_date_invalid",
    BankEntryDebit = "bank_entry_debit",
    BankEntryDecided = "bank_entry_decided",
    BankFieldMissing = "bank_field_missing",
    BankFileEmpty = "bank_file_empty",
    BankFileEncodingInvalid = "bank_file_encoding_invalid",
    BankFileTooLarge = "bank_file_too_large",
    BankFileUnknownFormat = "bank_file_unknown_format",
    BankFormatUnknown = "bank_format_unknown",
    BankMt940Malformed = "bank_mt940_malformed",
    BankOfxMalformed = "bank_ofx_malformed",
    BankResolveConflict = "bank_resolve_conflict",
    BankXmlDoctypeRefused = "bank_xml_doctype_refused",
    BankXmlEntityUndefined = "bank_xml_entity_undefined",
    BankXmlMalformed = "bank_xml_malformed",
    BankXmlTruncated = "bank_xml_truncated",
    BankZipEmpty = "bank_zip_empty",
    BankZipInvalid = "bank_zip_invalid",
    BankZipMemberInvalid = "bank_zip_member_invalid",
    BankZipTooLarge = "bank_zip_too_large",
    BankZipTooManyMembers = "bank_zip_too_many_members",
    BenchFailed = "bench_failed",
    ChangedElsewhere = "changed_elsewhere",
    ControlCharacters = "control_characters",
    CountChanged = "count_changed",
    CreditExceedsInvoice = "credit_exceeds_invoice",
    CsvMalformed = "csv_malformed",
    CurrencyMismatch = "currency_mismatch",
    DatabaseBusy = "database_busy",
    DatabaseCorrupt = "database_corrupt",
    DatabaseError = "database_error",
    DatabaseReadOnly = "database_read_only",
    DatabaseTlsFailed = "database_tls_failed",
    DatabaseUrlInvalid = "database_url_invalid",
    DiskFull = "disk_full",
    DueBeforeIssue = "due_before_issue",
    DuplicateInvoiceNumber = "duplicate_invoice_number",
    DuplicateOffset = "duplicate_offset",
    EinvoiceCreditNoteUnsupported = "einvoice_credit_note_unsupported",
    EinvoiceFieldInvalid = "einvoice_field_invalid",
    EinvoiceFieldMissing = "einvoice_field_missing",
    EinvoiceFileEmpty = "einvoice_file_empty",
    EinvoiceFileTooLarge = "einvoice_file_too_large",
    EinvoiceIncomplete = "einvoice_incomplete",
    EinvoiceNotAnInvoice = "einvoice_not_an_invoice",
    EinvoiceNotRepresentable = "einvoice_not_representable",
    EinvoiceNumberTaken = "einvoice_number_taken",
    EinvoicePdfInvalid = "einvoice_pdf_invalid",
    EinvoicePdfNoInvoice = "einvoice_pdf_no_invoice",
    EinvoiceTotalsDiffer = "einvoice_totals_differ",
    EinvoiceTotalsInconsistent = "einvoice_totals_inconsistent",
    EinvoiceUnknownFormat = "einvoice_unknown_format",
    EinvoiceXmlDoctypeRefused = "einvoice_xml_doctype_refused",
    EinvoiceXmlEntityUndefined = "einvoice_xml_entity_undefined",
    EinvoiceXmlMalformed = "einvoice_xml_malformed",
    EinvoiceXmlTooLarge = "einvoice_xml_too_large",
    EmailFinal = "email_final",
    EpcAmount = "epc_amount",
    EpcCurrency = "epc_currency",
    EpcFieldTooLong = "epc_field_too_long",
    FileDialog = "file_dialog",
    FileNotFound = "file_not_found",
    ImportClientUnknown = "import_client_unknown",
    ImportDecimalSeparator = "import_decimal_separator",
    ImportEncodingInvalid = "import_encoding_invalid",
    ImportFileEmpty = "import_file_empty",
    ImportFileTooLarge = "import_file_too_large",
    ImportHasProblems = "import_has_problems",
    ImportInvoiceUnknown = "import_invoice_unknown",
    ImportMappingInvalid = "import_mapping_invalid",
    ImportPaidOverTotal = "import_paid_over_total",
    ImportRowRagged = "import_row_ragged",
    ImportStatusUnknown = "import_status_unknown",
    ImportTotalsDiffer = "import_totals_differ",
    InOutbox = "in_outbox",
    InterestNotApplicable = "interest_not_applicable",
    InterestOff = "interest_off",
    InterestRateCovered = "interest_rate_covered",
    InterestRateExists = "interest_rate_exists",
    InterestRateInvalid = "interest_rate_invalid",
    InterestRateSourceMissing = "interest_rate_source_missing",
    InterestRateUnknown = "interest_rate_unknown",
    Internal = "internal",
    InvalidAction = "invalid_action",
    InvalidAgreedHow = "invalid_agreed_how",
    InvalidAllocation = "invalid_allocation",
    InvalidAmount = "invalid_amount",
    InvalidBic = "invalid_bic",
    InvalidCertificate = "invalid_certificate",
    InvalidCountry = "invalid_country",
    InvalidDate = "invalid_date",
    InvalidDays = "invalid_days",
    InvalidEmail = "invalid_email",
    InvalidHold = "invalid_hold",
    InvalidIban = "invalid_iban",
    InvalidKind = "invalid_kind",
    InvalidLeitwegId = "invalid_leitweg_id",
    InvalidLink = "invalid_link",
    InvalidMonths = "invalid_months",
    InvalidNumberPattern = "invalid_number_pattern",
    InvalidOffset = "invalid_offset",
    InvalidPeppolId = "invalid_peppol_id",
    InvalidPhone = "invalid_phone",
    InvalidPort = "invalid_port",
    InvalidQuantity = "invalid_quantity",
    InvalidSiren = "invalid_siren",
    InvalidState = "invalid_state",
    InvalidTaxId = "invalid_tax_id",
    InvalidTaxRate = "invalid_tax_rate",
    InvalidTerms = "invalid_terms",
    InvalidVatId = "invalid_vat_id",
    InvoiceHasPayments = "invoice_has_payments",
    InvoiceImmutable = "invoice_immutable",
    InvoiceNotCreditable = "invoice_not_creditable",
    InvoiceNotIssued = "invoice_not_issued",
    InvoiceNotPayable = "invoice_not_payable",
    IoError = "io_error",
    KeychainFailed = "keychain_failed",
    KeychainLocked = "keychain_locked",
    KeychainUnavailable = "keychain_unavailable",
    LadderSize = "ladder_size",
    LettersChanged = "letters_changed",
    LettersNotDrawn = "letters_not_drawn",
    LineDescriptionEmpty = "line_description_empty",
    MailBuild = "mail_build",
    MixedClients = "mixed_clients",
    MixedCurrencies = "mixed_currencies",
    MoveTargetNotEmpty = "move_target_not_empty",
    MoveVerifyFailed = "move_verify_failed",
    NewerSchema = "newer_schema",
    NoDataDir = "no_data_dir",
    NoEmail = "no_email",
    NoLineItems = "no_line_items",
    NoTemplate = "no_template",
    NotAKeptFile = "not_a_kept_file",
    NotAnEmail = "not_an_email",
    NotFound = "not_found",
    NotPrinted = "not_printed",
    NothingOwing = "nothing_owing",
    NothingToPrint = "nothing_to_print",
    OffsetOutOfRange = "offset_out_of_range",
    OpenFailed = "open_failed",
    OutboxBusy = "outbox_busy",
    OutboxState = "outbox_state",
    Overpayment = "overpayment",
    PasswordMissing = "password_missing",
    PaymentAlreadyReversed = "payment_already_reversed",
    PaymentInFuture = "payment_in_future",
    PdfDoesNotFit = "pdf_does_not_fit",
    PdfFontLoad = "pdf_font_load",
    PdfFontSubset = "pdf_font_subset",
    PdfMissingGlyph = "pdf_missing_glyph",
    PdfQr = "pdf_qr",
    PdfRender = "pdf_render",
    PlanCustomDates = "plan_custom_dates",
    PlanDateRange = "plan_date_range",
    PlanDatesOutOfOrder = "plan_dates_out_of_order",
    PlanDownPayment = "plan_down_payment",
    PlanExists = "plan_exists",
    PlanGraceDays = "plan_grace_days",
    PlanHeadsUpDays = "plan_heads_up_days",
    PlanInstallmentAmount = "plan_installment_amount",
    PlanInstallmentCount = "plan_installment_count",
    PlanInstallmentZero = "plan_installment_zero",
    PlanReminderDays = "plan_reminder_days",
    PlanState = "plan_state",
    PlanSumMismatch = "plan_sum_mismatch",
    ProfileIncomplete = "profile_incomplete",
    PromiseInPast = "promise_in_past",
    PromiseNeedsReached = "promise_needs_reached",
    PromiseTooLarge = "promise_too_large",
    RangeReversed = "range_reversed",
    ReferenceCheckDigits = "reference_check_digits",
    ReferenceEmpty = "reference_empty",
    ReferenceInvalidCharacter = "reference_invalid_character",
    ReferenceNotRf = "reference_not_rf",
    ReferenceTooLong = "reference_too_long",
    RefundExceedsCredit = "refund_exceeds_credit",
    Required = "required",
    RestoreIncomplete = "restore_incomplete",
    RestoreIntegrityFailed = "restore_integrity_failed",
    RestoreManifestInvalid = "restore_manifest_invalid",
    RestoreManifestMissing = "restore_manifest_missing",
    RestoreNewerVersion = "restore_newer_version",
    RestoreNotABackup = "restore_not_a_backup",
    RestoreTampered = "restore_tampered",
    RestoreTargetNotEmpty = "restore_target_not_empty",
    RestoreTruncated = "restore_truncated",
    RestoreUnsafePath = "restore_unsafe_path",
    RetryNotLater = "retry_not_later",
    ReversalAfterRefund = "reversal_after_refund",
    SmtpAuth = "smtp_auth",
    SmtpCertificate = "smtp_certificate",
    SmtpConnect = "smtp_connect",
    SmtpDns = "smtp_dns",
    SmtpDropped = "smtp_dropped",
    SmtpNotConfigured = "smtp_not_configured",
    SmtpRecipientRejected = "smtp_recipient_rejected",
    SmtpRejected = "smtp_rejected",
    SmtpSenderRejected = "smtp_sender_rejected",
    SmtpSettingsDamaged = "smtp_settings_damaged",
    SmtpTimeout = "smtp_timeout",
    SmtpTls = "smtp_tls",
    SmtpTransient = "smtp_transient",
    StageNameEmpty = "stage_name_empty",
    StoreNotOnPostgresYet = "store_not_on_postgres_yet",
    StoreServerAway = "store_server_away",
    TemplateRenderFailed = "template_render_failed",
    TemplateSyntax = "template_syntax",
    TooLong = "too_long",
    UnknownCurrency = "unknown_currency",
    UnknownPlaceholder = "unknown_placeholder",
    UnknownStage = "unknown_stage",
    UnsupportedLanguage = "unsupported_language",
    UnsupportedScan = "unsupported_scan",
    Usage = "usage",
    WrongClient = "wrong_client",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets tests and callers compare with the wire form: `err.code() == "required"`.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{}: please enter an amount, for example 120.50", human(field))]
    AmountEmpty { field: &'static str },
    #[error(
        "{}: \"{input}\" is not an amount; use digits with an optional decimal point, for example 120.50",
        human(field)
    )]
    AmountNotANumber { field: &'static str, input: String },
    #[error(
        "{}: \"{input}\" is ambiguous (a thousands separator or a decimal point?); write 1234 or 1234.50",
        human(field)
    )]
    AmountAmbiguous { field: &'static str, input: String },
    #[error("{}: the amount must not be negative", human(field))]
    AmountNegative { field: &'static str },
    #[error("{}: the amount must be more than zero", human(field))]
    AmountZero { field: &'static str },
    #[error("{}: {currency} amounts have at most {max} decimal place(s)", human(field))]
    AmountTooManyDecimals { field: &'static str, currency: String, max: u8 },
    #[error("{}: the amount is too large (the most Kindly accepts is {max})", human(field))]
    AmountTooLarge { field: &'static str, max: String },
    #[error("\"{0}\" is not an ISO 4217 currency code Kindly can invoice in (for example EUR, USD, GBP, JPY)")]
    UnknownCurrency(String),
    #[error("quantity: \"{0}\" is not a quantity; use a number with up to 3 decimals, for example 1.5")]
    InvalidQuantity(String),
    #[error("tax rate: \"{0}\" is not a tax rate; use a percentage between 0 and 100 with up to 2 decimals, for example 20 or 7.7")]
    InvalidTaxRate(String),
    #[error("{}: \"{input}\" is not a date; use the form 2026-11-23", human(field))]
    InvalidDate { field: &'static str, input: String },
    #[error("the due date ({due}) is before the issue date ({issue})")]
    DueBeforeIssue { issue: String, due: String },
    #[error("payment terms must be between 0 and 365 days, not {0}")]
    InvalidTerms(i64),
    #[error("an invoice needs at least one line item")]
    NoLineItems,
    #[error("line {line}: please describe what was delivered")]
    LineDescriptionEmpty { line: usize },
    #[error("{} is required", human(field))]
    Required { field: &'static str },
    #[error("{} is too long (at most {max} characters)", human(field))]
    TooLong { field: &'static str, max: usize },
    #[error("{} must not contain line breaks or control characters", human(field))]
    ControlCharacters { field: &'static str },
    #[error("\"{0}\" is not a valid e-mail address (expected something like name@example.com)")]
    InvalidEmail(String),
    #[error("\"{0}\" is not a phone number; use digits, spaces and + - ( ) . /")]
    InvalidPhone(String),
    #[error("\"{0}\" is not a supported language; choose one of en, de, fr, es")]
    UnsupportedLanguage(String),
    #[error("the invoice number pattern must contain {{SEQ}} (for example INV-{{YYYY}}-{{SEQ:4}}); \"{0}\" does not")]
    InvalidNumberPattern(String),
    #[error("the payment of {attempted} is more than the {outstanding} still owing on this invoice")]
    Overpayment { attempted: String, outstanding: String },
    #[error("the payment is in {payment}, but the invoice is in {invoice}")]
    CurrencyMismatch { invoice: String, payment: String },
    #[error("payments can only be recorded on issued invoices; this one is {state}")]
    InvoiceNotPayable { state: String },
    #[error("the payment date ({date}) is in the future")]
    PaymentInFuture { date: String },
    #[error("the total is too large to compute exactly")]
    TotalOverflow,
}

/// "due_date" → "due date", for messages.
fn human(field: &str) -> String {
    field.replace('_', " ")
}

impl DomainError {
    /// The stable code for this error.
    pub fn code(&self) -> ErrorCode {
        use DomainError::*;
        match self {
            AmountEmpty { .. }
            | AmountNotANumber { .. }
            | AmountAmbiguous { .. }
            | AmountNegative { .. }
            | AmountZero { .. }
            | AmountTooManyDecimals { .. } => ErrorCode::InvalidAmount,
            AmountTooLarge { .. } | TotalOverflow => ErrorCode::AmountTooLarge,
            UnknownCurrency(_) => ErrorCode::UnknownCurrency,
            InvalidQuantity(_) => ErrorCode::InvalidQuantity,
            InvalidTaxRate(_) => ErrorCode::InvalidTaxRate,
            InvalidDate { .. } => ErrorCode::InvalidDate,
            DueBeforeIssue { .. } => ErrorCode::DueBeforeIssue,
            InvalidTerms(_) => ErrorCode::InvalidTerms,
            NoLineItems => ErrorCode::NoLineItems,
            LineDescriptionEmpty { .. } => ErrorCode::LineDescriptionEmpty,
            Required { .. } => ErrorCode::Required,
            TooLong { .. } => ErrorCode::TooLong,
            ControlCharacters { .. } => ErrorCode::ControlCharacters,
            InvalidEmail(_) => ErrorCode::InvalidEmail,
            UnsupportedLanguage(_) => ErrorCode::UnsupportedLanguage,
            InvalidPhone(_) => ErrorCode::InvalidPhone,
            InvalidNumberPattern(_) => ErrorCode::InvalidNumberPattern,
            Overpayment { .. } => ErrorCode::Overpayment,
            CurrencyMismatch { .. } => ErrorCode::CurrencyMismatch,
            InvoiceNotPayable { .. } => ErrorCode::InvoiceNotPayable,
            PaymentInFuture { .. } => ErrorCode::PaymentInFuture,
        }
    }

    /// The input field the error concerns, so the UI can show the message
    /// next to it. `None` for errors about the whole form.
    pub fn field(&self) -> Option<String> {
        use DomainError::*;
        match self {
            AmountEmpty { field }
            | AmountNotANumber { field, .. }
            | AmountAmbiguous { field, .. }
            | AmountNegative { field }
            | AmountZero { field }
            | AmountTooManyDecimals { field, .. }
            | AmountTooLarge { field, .. }
            | InvalidDate { field, .. }
            | Required { field }
            | TooLong { field, .. }
            | ControlCharacters { field } => Some((*field).to_string()),
            UnknownCurrency(_) | CurrencyMismatch { .. } => Some("currency".into()),
            InvalidQuantity(_) => Some("quantity".into()),
            InvalidTaxRate(_) => Some("tax_rate".into()),
            DueBeforeIssue { .. } | InvalidTerms(_) => Some("due_date".into()),
            LineDescriptionEmpty { .. } => Some("description".into()),
            NoLineItems => Some("lines".into()),
            InvalidEmail(_) => Some("emails".into()),
            UnsupportedLanguage(_) => Some("language".into()),
            InvalidPhone(_) => Some("phone".into()),
            InvalidNumberPattern(_) => Some("number_pattern".into()),
            Overpayment { .. } => Some("amount".into()),
            PaymentInFuture { .. } => Some("date".into()),
            InvoiceNotPayable { .. } | TotalOverflow => None,
        }
    }
}

//! The one error shape that crosses the IPC boundary and the CLI's `--json`
//! output: `{ code, message, field }`. `code` is an [`ErrorCode`] (a closed,
//! stable list, a TypeScript union on the UI side), `message` is plain
//! language for people, `field` names the input to show it next to (a path
//! such as `lines[2].unit_price`, or null for the whole form).
//!
//! Architecture Invariant: each crate's error type becomes an `ApiError` in
//! exactly one place, the `From` impl below; use cases never re-map codes.

use kindly_bank::reference::RefError;
use kindly_bank::ParseError;
use kindly_core::DomainError;
pub use kindly_core::ErrorCode;
use kindly_csv::CsvError;
use kindly_einvoice::EInvoiceError;
use kindly_followup::plan::schedule::PlanError;
use kindly_followup::FollowupError;
use kindly_interest::InterestError;
use kindly_mail::{MailError, SecretError};
use kindly_pdf::PdfError;
use kindly_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The input the message is about: a field name (`due_date`) or a path
    /// into a list (`lines[2].unit_price`); null for the whole form.
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>, field: Option<&str>) -> ApiError {
        ApiError { code, message: message.into(), field: field.map(str::to_string) }
    }

    /// An error from a crate's `Display`, shown on its own: the first letter
    /// capitalised (crate messages are written to be embedded, "the due
    /// date is…").
    fn from_crate(code: ErrorCode, message: String, field: Option<String>) -> ApiError {
        ApiError { code, message: capitalised(&message), field }
    }

    /// The same error about an item of a list: `field` becomes
    /// `<list>[<index>].<field>` (or `<list>[<index>]` when it named none).
    pub fn in_list(mut self, list: &str, index: usize) -> ApiError {
        self.field = Some(match self.field.take() {
            Some(f) => format!("{list}[{index}].{f}"),
            None => format!("{list}[{index}]"),
        });
        self
    }
}

/// "the due date…" → "The due date…".
pub(crate) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A message that stands alone as a sentence: capitalised, with a full stop.
fn sentence(s: &str) -> String {
    let mut out = capitalised(s.trim());
    if !out.is_empty() && !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for ApiError {}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        ApiError::from_crate(e.code(), e.to_string(), e.field())
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let field = match &e {
            StoreError::DuplicateNumber(_) => Some("number"),
            StoreError::Overpayment => Some("amount"),
            StoreError::CurrencyMismatch => Some("currency"),
            StoreError::Plan { code: ErrorCode::InvalidAgreedHow, .. } => Some("how"),
            StoreError::Plan { code: ErrorCode::AgreedBeforeProposed, .. } => Some("agreed_on"),
            _ => None,
        };
        ApiError::from_crate(e.code(), e.to_string(), field.map(Into::into))
    }
}

impl From<FollowupError> for ApiError {
    fn from(e: FollowupError) -> Self {
        ApiError::from_crate(e.code(), e.to_string(), e.field().map(Into::into))
    }
}

impl From<PlanError> for ApiError {
    fn from(e: PlanError) -> Self {
        ApiError::from_crate(e.code(), e.to_string(), e.field().map(Into::into))
    }
}

impl From<MailError> for ApiError {
    fn from(e: MailError) -> Self {
        ApiError { code: e.code(), message: sentence(&e.to_string()), field: e.field().map(Into::into) }
    }
}

impl From<SecretError> for ApiError {
    fn from(e: SecretError) -> Self {
        let field = matches!(e, SecretError::Missing { .. }).then(|| "password".to_string());
        ApiError { code: e.code(), message: sentence(&e.to_string()), field }
    }
}

impl From<PdfError> for ApiError {
    fn from(e: PdfError) -> Self {
        ApiError { code: e.code(), message: e.to_string(), field: None }
    }
}

impl From<ParseError> for ApiError {
    fn from(e: ParseError) -> Self {
        ApiError { code: e.code(), message: e.to_string(), field: Some("file".into()) }
    }
}

impl From<EInvoiceError> for ApiError {
    fn from(e: EInvoiceError) -> Self {
        // An incomplete invoice is about the data, not a file.
        let field = if matches!(e, EInvoiceError::Incomplete { .. }) { None } else { Some("file".into()) };
        ApiError { code: e.code(), message: e.to_string(), field }
    }
}

impl From<kindly_core::einvoice_ids::IdError> for ApiError {
    fn from(e: kindly_core::einvoice_ids::IdError) -> Self {
        ApiError { code: e.code(), message: sentence(&e.to_string()), field: Some(e.field().into()) }
    }
}

impl From<CsvError> for ApiError {
    fn from(e: CsvError) -> Self {
        let field = if matches!(e, CsvError::Mapping(_)) { "mapping" } else { "file" };
        ApiError { code: e.code(), message: sentence(&e.to_string()), field: Some(field.into()) }
    }
}

impl From<RefError> for ApiError {
    fn from(e: RefError) -> Self {
        ApiError { code: e.code(), message: e.to_string(), field: Some("reference".into()) }
    }
}

impl From<InterestError> for ApiError {
    fn from(e: InterestError) -> Self {
        let field = e.field().map(str::to_string);
        ApiError { code: e.code(), message: e.to_string(), field }
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> Self {
        ApiError::new(ErrorCode::Internal, format!("A background task stopped unexpectedly: {e}."), None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI and scripts depend on this exact shape.
    #[test]
    fn error_serialises_as_code_message_field() {
        let e: ApiError = DomainError::DueBeforeIssue { issue: "2026-11-23".into(), due: "2026-11-01".into() }.into();
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({
                "code": "due_before_issue",
                "message": "The due date (2026-11-01) is before the issue date (2026-11-23)",
                "field": "due_date"
            })
        );
        let e: ApiError = StoreError::DuplicateNumber("INV-1".into()).into();
        assert_eq!(e.code, ErrorCode::DuplicateInvoiceNumber);
        assert_eq!(e.field.as_deref(), Some("number"));
        assert_eq!(e.message, "Invoice number INV-1 is already used; choose another number");
    }

    #[test]
    fn a_list_item_error_names_its_index() {
        let e: ApiError = DomainError::InvalidQuantity("x".into()).into();
        assert_eq!(e.in_list("lines", 2).field.as_deref(), Some("lines[2].quantity"));
        let e = ApiError::new(ErrorCode::Required, "m", None).in_list("lines", 0);
        assert_eq!(e.field.as_deref(), Some("lines[0]"));
    }

    #[test]
    fn sentences_end_once() {
        assert_eq!(sentence("the disk is full"), "The disk is full.");
        assert_eq!(sentence("Try again."), "Try again.");
        assert_eq!(sentence(""), "");
    }
}

/// Every code in `ErrorCode`, as the UI and scripts see it. Changing this list
/// is a change of the public contract: add codes, never rename them.
#[cfg(test)]
mod codes {
    use super::ErrorCode;
    use std::path::{Path, PathBuf};

    const PINNED: &[&str] = &[
        "agreed_before_proposed",
        "agreed_in_future",
        "already_cancelled",
        "already_contacted_today",
        "already_done",
        "already_printed",
        "already_queued",
        "amount_too_large",
        "append_only",
        "backup_folder_inside_data",
        "backup_folder_missing",
        "backup_no_folder",
        "backup_on_team_database",
        "bank_allocation_refused",
        "bank_allocation_too_much",
        "bank_amount_invalid",
        "bank_camt_unsupported",
        "bank_csv_malformed",
        "bank_csv_mapping_invalid",
        "bank_csv_mapping_needed",
        "bank_csv_row_invalid",
        "bank_currency_invalid",
        "bank_date_invalid",
        "bank_entry_debit",
        "bank_entry_decided",
        "bank_field_missing",
        "bank_file_empty",
        "bank_file_encoding_invalid",
        "bank_file_too_large",
        "bank_file_unknown_format",
        "bank_format_unknown",
        "bank_mt940_malformed",
        "bank_ofx_malformed",
        "bank_resolve_conflict",
        "bank_xml_doctype_refused",
        "bank_xml_entity_undefined",
        "bank_xml_malformed",
        "bank_xml_truncated",
        "bank_zip_empty",
        "bank_zip_invalid",
        "bank_zip_member_invalid",
        "bank_zip_too_large",
        "bank_zip_too_many_members",
        "bench_failed",
        "changed_elsewhere",
        "control_characters",
        "count_changed",
        "credit_exceeds_invoice",
        "csv_malformed",
        "currency_mismatch",
        "database_busy",
        "database_corrupt",
        "database_error",
        "database_read_only",
        "database_tls_failed",
        "database_url_invalid",
        "disk_full",
        "due_before_issue",
        "duplicate_invoice_number",
        "duplicate_offset",
        "einvoice_credit_note_unsupported",
        "einvoice_field_invalid",
        "einvoice_field_missing",
        "einvoice_file_empty",
        "einvoice_file_too_large",
        "einvoice_incomplete",
        "einvoice_not_an_invoice",
        "einvoice_not_representable",
        "einvoice_number_taken",
        "einvoice_pdf_invalid",
        "einvoice_pdf_no_invoice",
        "einvoice_totals_differ",
        "einvoice_totals_inconsistent",
        "einvoice_unknown_format",
        "einvoice_xml_doctype_refused",
        "einvoice_xml_entity_undefined",
        "einvoice_xml_malformed",
        "einvoice_xml_too_large",
        "email_final",
        "epc_amount",
        "epc_currency",
        "epc_field_too_long",
        "file_dialog",
        "file_not_found",
        "import_client_unknown",
        "import_decimal_separator",
        "import_encoding_invalid",
        "import_file_empty",
        "import_file_too_large",
        "import_has_problems",
        "import_invoice_unknown",
        "import_mapping_invalid",
        "import_paid_over_total",
        "import_row_ragged",
        "import_status_unknown",
        "import_totals_differ",
        "in_outbox",
        "interest_not_applicable",
        "interest_off",
        "interest_rate_covered",
        "interest_rate_exists",
        "interest_rate_invalid",
        "interest_rate_source_missing",
        "interest_rate_unknown",
        "internal",
        "invalid_action",
        "invalid_agreed_how",
        "invalid_allocation",
        "invalid_amount",
        "invalid_bic",
        "invalid_certificate",
        "invalid_country",
        "invalid_date",
        "invalid_days",
        "invalid_email",
        "invalid_hold",
        "invalid_iban",
        "invalid_kind",
        "invalid_leitweg_id",
        "invalid_link",
        "invalid_months",
        "invalid_number_pattern",
        "invalid_offset",
        "invalid_peppol_id",
        "invalid_phone",
        "invalid_port",
        "invalid_quantity",
        "invalid_siren",
        "invalid_state",
        "invalid_tax_id",
        "invalid_tax_rate",
        "invalid_terms",
        "invalid_vat_id",
        "invoice_has_payments",
        "invoice_immutable",
        "invoice_not_creditable",
        "invoice_not_issued",
        "invoice_not_payable",
        "io_error",
        "keychain_failed",
        "keychain_locked",
        "keychain_unavailable",
        "ladder_size",
        "letters_changed",
        "letters_not_drawn",
        "line_description_empty",
        "mail_build",
        "mixed_clients",
        "mixed_currencies",
        "move_target_not_empty",
        "move_verify_failed",
        "newer_schema",
        "no_data_dir",
        "no_email",
        "no_line_items",
        "no_template",
        "not_a_kept_file",
        "not_an_email",
        "not_found",
        "not_printed",
        "nothing_owing",
        "nothing_to_print",
        "offset_out_of_range",
        "open_failed",
        "outbox_busy",
        "outbox_state",
        "overpayment",
        "password_missing",
        "payment_already_reversed",
        "payment_in_future",
        "pdf_does_not_fit",
        "pdf_font_load",
        "pdf_font_subset",
        "pdf_missing_glyph",
        "pdf_qr",
        "pdf_render",
        "plan_custom_dates",
        "plan_date_range",
        "plan_dates_out_of_order",
        "plan_down_payment",
        "plan_exists",
        "plan_grace_days",
        "plan_heads_up_days",
        "plan_installment_amount",
        "plan_installment_count",
        "plan_installment_zero",
        "plan_reminder_days",
        "plan_state",
        "plan_sum_mismatch",
        "profile_incomplete",
        "promise_in_past",
        "promise_needs_reached",
        "promise_too_large",
        "range_reversed",
        "reference_check_digits",
        "reference_empty",
        "reference_invalid_character",
        "reference_not_rf",
        "reference_too_long",
        "refund_exceeds_credit",
        "required",
        "restore_incomplete",
        "restore_integrity_failed",
        "restore_manifest_invalid",
        "restore_manifest_missing",
        "restore_newer_version",
        "restore_not_a_backup",
        "restore_tampered",
        "restore_target_not_empty",
        "restore_truncated",
        "restore_unsafe_path",
        "retry_not_later",
        "reversal_after_refund",
        "smtp_auth",
        "smtp_certificate",
        "smtp_connect",
        "smtp_dns",
        "smtp_dropped",
        "smtp_not_configured",
        "smtp_recipient_rejected",
        "smtp_rejected",
        "smtp_sender_rejected",
        "smtp_settings_damaged",
        "smtp_timeout",
        "smtp_tls",
        "smtp_transient",
        "stage_name_empty",
        "store_not_on_postgres_yet",
        "store_server_away",
        "template_render_failed",
        "template_syntax",
        "too_long",
        "unknown_currency",
        "unknown_placeholder",
        "unknown_stage",
        "unsupported_language",
        "unsupported_scan",
        "usage",
        "wrong_client",
    ];

    #[test]
    fn error_codes_are_pinned() {
        let have: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(have, PINNED, "ErrorCode changed: update PINNED only for a deliberate contract change");
        for c in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), serde_json::json!(c.as_str()));
        }
    }

    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let p = entry.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if p.is_dir() && !matches!(name, "tests" | "benches" | "fuzz" | "target") {
                sources(&p, out);
            } else if name.ends_with(".rs") {
                out.push(p);
            }
        }
    }

    /// A code nobody produces is a code the UI handles for nothing (or one
    /// whose producer was lost): each must appear in non-test source.
    #[test]
    fn every_error_code_is_produced_somewhere() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        sources(&root.join("crates"), &mut files);
        sources(&root.join("src-tauri"), &mut files);
        let mut text = String::new();
        for f in &files {
            let s = std::fs::read_to_string(f).unwrap();
            let s = s.split("#[cfg(test)]").next().unwrap_or("");
            // The list itself is not a use.
            let s = match (s.find("error_codes! {"), s.find("impl std::fmt::Display for ErrorCode")) {
                (Some(a), Some(b)) => format!("{}{}", &s[..a], &s[b..]),
                _ => s.to_string(),
            };
            text.push_str(&s);
        }
        let unused: Vec<String> = ErrorCode::ALL
            .iter()
            .map(|c| format!("{c:?}"))
            .filter(|name| !text.contains(&format!("ErrorCode::{name}")))
            .collect();
        assert!(unused.is_empty(), "codes never produced: {unused:?}");
    }
}

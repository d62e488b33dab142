//! The one error shape that crosses the IPC boundary and the CLI's `--json`
//! output: `{ code, message, field }`. `code` is stable and machine-readable,
//! `message` is plain language for people, `field` names the input to show
//! it next to (or is null for the whole form).

use kindly_core::DomainError;
use kindly_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApiError {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(code: &str, message: impl Into<String>, field: Option<&str>) -> ApiError {
        ApiError { code: code.to_string(), message: message.into(), field: field.map(str::to_string) }
    }

    /// Capitalises the first letter: domain messages are written to be
    /// embedded ("the due date is…"), but shown on their own.
    fn sentence(s: String) -> String {
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => s,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for ApiError {}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        ApiError { code: e.code().to_string(), field: e.field(), message: ApiError::sentence(e.to_string()) }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let field = match &e {
            StoreError::DuplicateNumber(_) => Some("number".to_string()),
            StoreError::Overpayment => Some("amount".to_string()),
            _ => None,
        };
        ApiError { code: e.code().to_string(), field, message: ApiError::sentence(e.to_string()) }
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
        assert_eq!(e.code, "duplicate_invoice_number");
        assert_eq!(e.field.as_deref(), Some("number"));
        assert_eq!(e.message, "Invoice number INV-1 is already used; choose another number");
    }
}

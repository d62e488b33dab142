//! The domain's error type. Every variant has a stable machine code (used by
//! the UI and scripts), the input field it concerns, and a plain-language
//! message that tells the user what to change.

use thiserror::Error;

/// A stable, machine-readable error code. Serialised as snake_case; never
/// renamed once shipped, because the UI and users' scripts match on it.
pub type ErrorCode = &'static str;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{field}: please enter an amount, for example 120.50")]
    AmountEmpty { field: &'static str },
    #[error("{field}: \"{input}\" is not an amount; use digits with an optional decimal point, for example 120.50")]
    AmountNotANumber { field: &'static str, input: String },
    #[error("{field}: \"{input}\" is ambiguous (a thousands separator or a decimal point?); write 1234 or 1234.50")]
    AmountAmbiguous { field: &'static str, input: String },
    #[error("{field}: the amount must not be negative")]
    AmountNegative { field: &'static str },
    #[error("{field}: the amount must be more than zero")]
    AmountZero { field: &'static str },
    #[error("{field}: {currency} amounts have at most {max} decimal place(s)")]
    AmountTooManyDecimals { field: &'static str, currency: String, max: u8 },
    #[error("{field}: the amount is too large (the most Kindly accepts is {max})")]
    AmountTooLarge { field: &'static str, max: String },
    #[error("\"{0}\" is not an ISO 4217 currency code Kindly can invoice in (for example EUR, USD, GBP, JPY)")]
    UnknownCurrency(String),
    #[error("quantity: \"{0}\" is not a quantity; use a number with up to 3 decimals, for example 1.5")]
    InvalidQuantity(String),
    #[error("tax rate: \"{0}\" is not a tax rate; use a percentage between 0 and 100 with up to 2 decimals, for example 20 or 7.7")]
    InvalidTaxRate(String),
    #[error("{field}: \"{input}\" is not a date; use the form 2026-11-23")]
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
            | AmountTooManyDecimals { .. } => "invalid_amount",
            AmountTooLarge { .. } | TotalOverflow => "amount_too_large",
            UnknownCurrency(_) => "unknown_currency",
            InvalidQuantity(_) => "invalid_quantity",
            InvalidTaxRate(_) => "invalid_tax_rate",
            InvalidDate { .. } => "invalid_date",
            DueBeforeIssue { .. } => "due_before_issue",
            InvalidTerms(_) => "invalid_terms",
            NoLineItems => "no_line_items",
            LineDescriptionEmpty { .. } => "line_description_empty",
            Required { .. } => "required",
            TooLong { .. } => "too_long",
            ControlCharacters { .. } => "control_characters",
            InvalidEmail(_) => "invalid_email",
            UnsupportedLanguage(_) => "unsupported_language",
            InvalidPhone(_) => "invalid_phone",
            InvalidNumberPattern(_) => "invalid_number_pattern",
            Overpayment { .. } => "overpayment",
            CurrencyMismatch { .. } => "currency_mismatch",
            InvoiceNotPayable { .. } => "invoice_not_payable",
            PaymentInFuture { .. } => "payment_in_future",
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
            LineDescriptionEmpty { .. } | NoLineItems => Some("lines".into()),
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

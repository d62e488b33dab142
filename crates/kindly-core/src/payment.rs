//! Payments against an invoice: validation of amount, date and method.

use crate::error::DomainError;
use crate::invoice::{derive_state, InvoiceState, InvoiceStatus};
use crate::locale::Locale;
use crate::money::{Currency, Money};
use crate::text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, strum::VariantArray, Default)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    #[default]
    BankTransfer,
    Card,
    Paypal,
    Cash,
    Cheque,
    Other,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 6] = [
        PaymentMethod::BankTransfer,
        PaymentMethod::Card,
        PaymentMethod::Paypal,
        PaymentMethod::Cash,
        PaymentMethod::Cheque,
        PaymentMethod::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::BankTransfer => "bank_transfer",
            PaymentMethod::Card => "card",
            PaymentMethod::Paypal => "paypal",
            PaymentMethod::Cash => "cash",
            PaymentMethod::Cheque => "cheque",
            PaymentMethod::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<PaymentMethod, DomainError> {
        PaymentMethod::ALL.into_iter().find(|m| m.as_str() == s.trim()).ok_or(DomainError::Required { field: "method" })
    }

    pub fn label(self) -> &'static str {
        match self {
            PaymentMethod::BankTransfer => "Bank transfer",
            PaymentMethod::Card => "Card",
            PaymentMethod::Paypal => "PayPal",
            PaymentMethod::Cash => "Cash",
            PaymentMethod::Cheque => "Cheque",
            PaymentMethod::Other => "Other",
        }
    }
}

/// What the invoice looks like when a payment is recorded against it.
#[derive(Clone, Copy, Debug)]
pub struct PayableInvoice {
    pub status: InvoiceStatus,
    pub currency: Currency,
    pub due_date: NaiveDate,
    pub total_minor: i64,
    pub paid_minor: i64,
}

/// A payment that passed validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidPayment {
    pub amount: Money,
    pub date: NaiveDate,
    pub method: PaymentMethod,
    pub reference: Option<String>,
}

/// Validates a payment of `amount` (typed text) on `date` against `invoice`.
/// Over-payment, payments on drafts or cancelled invoices, and dates after
/// `today` are refused with a message that names the figures.
pub fn validate_payment(
    invoice: &PayableInvoice,
    amount: &str,
    date: NaiveDate,
    method: &str,
    reference: &str,
    today: NaiveDate,
) -> Result<ValidPayment, DomainError> {
    let state = derive_state(invoice.status, invoice.due_date, invoice.total_minor, invoice.paid_minor, today);
    if matches!(state, InvoiceState::Draft | InvoiceState::Cancelled | InvoiceState::Paid) {
        return Err(DomainError::InvoiceNotPayable { state: state.as_str().replace('_', " ") });
    }
    let amount = Money::parse_positive(amount, invoice.currency, "amount")?;
    let outstanding = invoice.total_minor - invoice.paid_minor;
    if amount.minor > outstanding {
        return Err(DomainError::Overpayment {
            attempted: amount.format(Locale::En),
            outstanding: Money::new(outstanding, invoice.currency).format(Locale::En),
        });
    }
    if date > today {
        return Err(DomainError::PaymentInFuture { date: date.to_string() });
    }
    let method = PaymentMethod::parse(method)?;
    let reference = text::optional_single_line(reference, "reference", 200)?;
    Ok(ValidPayment { amount, date, method, reference })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn inv(status: InvoiceStatus, paid: i64) -> PayableInvoice {
        PayableInvoice {
            status,
            currency: Currency::EUR,
            due_date: d("2026-11-01"),
            total_minor: 10_000,
            paid_minor: paid,
        }
    }

    #[test]
    fn partial_and_exact_payments_are_accepted() {
        let today = d("2026-11-23");
        let p =
            validate_payment(&inv(InvoiceStatus::Issued, 0), "40", today, "bank_transfer", " SEPA-1 ", today).unwrap();
        assert_eq!(p.amount.minor, 4000);
        assert_eq!(p.reference.as_deref(), Some("SEPA-1"));
        assert!(validate_payment(&inv(InvoiceStatus::Issued, 4000), "60.00", today, "cash", "", today).is_ok());
    }

    #[test]
    fn over_payment_names_what_is_still_owing() {
        let today = d("2026-11-23");
        let e = validate_payment(&inv(InvoiceStatus::Issued, 4000), "60.01", today, "cash", "", today).unwrap_err();
        assert_eq!(e.code(), "overpayment");
        assert_eq!(e.to_string(), "the payment of €60.01 is more than the €60.00 still owing on this invoice");
    }

    #[test]
    fn unpayable_invoices_and_bad_input_are_refused() {
        let today = d("2026-11-23");
        let code = |i: PayableInvoice, amount: &str, date: &str, method: &str| {
            validate_payment(&i, amount, d(date), method, "", today).unwrap_err().code()
        };
        assert_eq!(code(inv(InvoiceStatus::Draft, 0), "1", "2026-11-23", "cash"), "invoice_not_payable");
        assert_eq!(code(inv(InvoiceStatus::Cancelled, 0), "1", "2026-11-23", "cash"), "invoice_not_payable");
        assert_eq!(code(inv(InvoiceStatus::Issued, 10_000), "1", "2026-11-23", "cash"), "invoice_not_payable");
        assert_eq!(code(inv(InvoiceStatus::Issued, 0), "-5", "2026-11-23", "cash"), "invalid_amount");
        assert_eq!(code(inv(InvoiceStatus::Issued, 0), "0", "2026-11-23", "cash"), "invalid_amount");
        assert_eq!(code(inv(InvoiceStatus::Issued, 0), "ten", "2026-11-23", "cash"), "invalid_amount");
        assert_eq!(
            code(inv(InvoiceStatus::Issued, 0), "12345678901234567890", "2026-11-23", "cash"),
            "amount_too_large"
        );
        assert_eq!(code(inv(InvoiceStatus::Issued, 0), "1", "2026-11-24", "cash"), "payment_in_future");
        assert_eq!(code(inv(InvoiceStatus::Issued, 0), "1", "2026-11-23", "bitcoin"), "required");
    }
}

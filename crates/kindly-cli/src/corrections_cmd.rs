//! `kindly invoices credit`, `kindly payments reverse` and `kindly payments
//! refund`: corrections, each one transaction; the output names the new
//! credit note's number and the invoice's balance afterwards.

use crate::output::Out;
use kindly_api::corrections::{self, CorrectionOutcome, CreditNoteInput, RefundInput, ReversalInput};
use kindly_api::{ApiError, Ctx};
use kindly_core::payment::PaymentMethod;

/// The balance line every correction prints.
fn balance(r: &CorrectionOutcome) -> String {
    if r.client_credit.is_zero {
        format!("{}: {} still owing", r.invoice_number, r.outstanding.formatted)
    } else {
        format!("{}: the client is in credit by {}", r.invoice_number, r.client_credit.formatted)
    }
}

pub async fn credit(
    ctx: Ctx<'_>,
    o: &Out,
    invoice_id: i64,
    amount: Option<String>,
    reason: String,
    date: Option<String>,
) -> Result<String, ApiError> {
    let input =
        CreditNoteInput { invoice_id, amount: amount.unwrap_or_default(), reason, date: date.unwrap_or_default() };
    let r = corrections::credit(ctx, &input).await?;
    o.value(&r, |r| format!("Credit note {} issued\n{}\n", r.number.as_deref().unwrap_or(""), balance(r)))
}

pub async fn reverse(
    ctx: Ctx<'_>,
    o: &Out,
    payment_id: i64,
    reason: String,
    date: Option<String>,
) -> Result<String, ApiError> {
    let r = corrections::reverse(ctx, &ReversalInput { payment_id, reason, date: date.unwrap_or_default() }).await?;
    o.value(&r, |r| format!("Payment {payment_id} reversed\n{}\n", balance(r)))
}

pub async fn refund(
    ctx: Ctx<'_>,
    o: &Out,
    invoice_id: i64,
    amount: String,
    method: PaymentMethod,
    reason: String,
    date: Option<String>,
) -> Result<String, ApiError> {
    let input = RefundInput { invoice_id, amount, method, reason, date: date.unwrap_or_default() };
    let r = corrections::refund(ctx, &input).await?;
    o.value(&r, |r| format!("Refund recorded\n{}\n", balance(r)))
}

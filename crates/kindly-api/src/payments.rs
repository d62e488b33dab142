//! Recording payments.

use crate::views::OptionItem;
use crate::{ApiResult, Ctx};
use kindly_core::invoice::parse_date;
use kindly_core::payment::{validate_payment, PayableInvoice, PaymentMethod};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PaymentInput {
    pub invoice_id: i64,
    /// Decimal text in the invoice's currency.
    pub amount: String,
    /// YYYY-MM-DD; empty means today.
    #[serde(default)]
    pub date: String,
    /// bank_transfer, card, paypal, cash, cheque, other.
    pub method: PaymentMethod,
    #[serde(default)]
    pub reference: String,
}

pub async fn record(ctx: Ctx<'_>, input: &PaymentInput) -> ApiResult<i64> {
    let inv = ctx.store.invoice(input.invoice_id).await?;
    let date = match input.date.trim() {
        "" => ctx.today,
        s => parse_date(s, "date")?,
    };
    let payable = PayableInvoice {
        status: inv.status,
        currency: inv.currency,
        due_date: inv.due_date,
        total_minor: inv.total_minor,
        paid_minor: inv.paid_minor,
    };
    let p = validate_payment(&payable, &input.amount, date, input.method.as_str(), &input.reference, ctx.today)?;
    let id = ctx.store.record_payment(inv.id, &p, ctx.now).await?;
    // A payment may complete an installment plan: record it now. The payment
    // itself is saved; if this fails, the next queue or plan read records it.
    crate::plans::refresh_or_log(ctx).await;
    Ok(id)
}

pub fn methods() -> Vec<OptionItem> {
    PaymentMethod::ALL
        .iter()
        .map(|m| OptionItem { value: m.as_str().to_string(), label: m.label().to_string() })
        .collect()
}

//! Recording payments, and the payments list (newest first, by currency,
//! period and client: what "collected per month" opens).

use crate::invoices::period;
use crate::views::{MoneyView, OptionItem, Page};
use crate::{ApiResult, Ctx};
use kindly_core::invoice::parse_date;
use kindly_core::payment::{validate_payment, PayableInvoice, PaymentMethod};
use kindly_core::Currency;
use kindly_store::PaymentQuery;
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

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PaymentListRequest {
    /// Only payments in this currency (an ISO 4217 code).
    #[serde(default)]
    #[ts(type = "string | null")]
    pub currency: Option<Currency>,
    /// Payment dates from / to (YYYY-MM-DD, inclusive); empty or null: unbounded.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub client_id: Option<i64>,
    #[serde(default)]
    pub offset: i64,
    #[serde(default)]
    pub limit: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PaymentRow {
    pub id: i64,
    /// YYYY-MM-DD.
    pub date: String,
    pub amount: MoneyView,
    pub method: PaymentMethod,
    pub method_label: String,
    pub reference: Option<String>,
    pub invoice_id: i64,
    pub invoice_number: String,
    pub client_id: i64,
    pub client_name: String,
    /// Reversed (recorded by mistake): it no longer counts.
    pub reversed: bool,
    /// The member who recorded it (issue #19), when one was named.
    pub made_by: Option<String>,
}

/// Payments received, newest first.
pub async fn list(ctx: Ctx<'_>, req: &PaymentListRequest) -> ApiResult<Page<PaymentRow>> {
    let settings = ctx.store.settings().await?;
    let (from, to) = period(&req.from, &req.to, ("from", "to"))?;
    let q = PaymentQuery {
        currency: req.currency,
        from,
        to,
        client_id: req.client_id,
        offset: req.offset,
        limit: if req.limit <= 0 { 100 } else { req.limit },
    };
    let page = ctx.store.list_payments(&q).await?;
    let rows = page
        .rows
        .into_iter()
        .map(|r| PaymentRow {
            id: r.id,
            date: r.paid_on.to_string(),
            amount: MoneyView::new(r.amount.minor, r.amount.currency, settings.locale),
            method: r.method,
            method_label: r.method.label().to_string(),
            reference: r.reference,
            invoice_id: r.invoice_id,
            invoice_number: r.invoice_number,
            client_id: r.client_id,
            client_name: r.client_name,
            reversed: r.reversed,
            made_by: r.made_by,
        })
        .collect();
    Ok(Page { total: page.total, rows })
}

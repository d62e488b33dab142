//! Payments: recorded once, in the invoice's currency, never more than what
//! is still owing (checked by the domain, and again by a trigger).

use crate::row::Text;
use crate::timeline::{append, NewEvent};
use crate::util::{date_str, instant_str, parse_date, Params};
use crate::{Page, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::locale::Locale;
use kindly_core::payment::{PaymentMethod, ValidPayment};
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, Money};
use serde_json::json;
use sqlx::AssertSqlSafe;

#[derive(Clone, Debug, PartialEq)]
pub struct PaymentRecord {
    pub id: i64,
    pub invoice_id: i64,
    pub amount: Money,
    pub paid_on: NaiveDate,
    pub method: PaymentMethod,
    pub reference: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PaymentRow {
    id: i64,
    invoice_id: i64,
    amount_minor: i64,
    currency: Text<Currency>,
    paid_on: String,
    method: Text<PaymentMethod>,
    reference: Option<String>,
}

/// Which payments the payments list shows: a currency, a period of
/// payment dates (inclusive) and a client, each optional.
#[derive(Clone, Debug, Default)]
pub struct PaymentQuery {
    pub currency: Option<Currency>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub client_id: Option<i64>,
    pub offset: i64,
    pub limit: i64,
}

/// One row of the payments list.
#[derive(Clone, Debug, PartialEq)]
pub struct PaymentListRow {
    pub id: i64,
    pub paid_on: NaiveDate,
    pub amount: Money,
    pub method: PaymentMethod,
    pub reference: Option<String>,
    pub invoice_id: i64,
    pub invoice_number: String,
    pub client_id: i64,
    pub client_name: String,
    /// The payment was reversed (migration 0017): it no longer counts.
    pub reversed: bool,
}

#[derive(sqlx::FromRow)]
struct PaymentListDbRow {
    id: i64,
    paid_on: String,
    amount_minor: i64,
    currency: Text<Currency>,
    method: Text<PaymentMethod>,
    reference: Option<String>,
    invoice_id: i64,
    invoice_number: String,
    client_id: i64,
    client_name: String,
    reversed: bool,
}

/// What a payment is checked and described against.
#[derive(sqlx::FromRow)]
struct PayeeInvoice {
    client_id: i64,
    number: String,
    total_minor: i64,
    paid_minor: i64,
}

impl Store {
    /// Records a validated payment and its timeline entry in one transaction.
    pub async fn record_payment(
        &self,
        invoice_id: i64,
        p: &ValidPayment,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.sqlite_tx("payments").await?;
        let id =
            insert_payment(self, &mut tx, invoice_id, p.amount, p.date, p.method, p.reference.as_deref(), None, now)
                .await?;
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    /// Payments, newest first (by payment date, then as recorded), through
    /// the `payments_by_day` and `payments_by_currency_day` indexes (0013).
    pub async fn list_payments(&self, q: &PaymentQuery) -> Result<Page<PaymentListRow>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut p = Params::default();
        let mut filters = vec!["1".to_string()];
        if let Some(c) = q.currency {
            filters.push(format!("p.currency = {}", p.text(c.code())));
        }
        if let Some(d) = q.from {
            filters.push(format!("p.paid_on >= {}", p.text(date_str(d))));
        }
        if let Some(d) = q.to {
            filters.push(format!("p.paid_on <= {}", p.text(date_str(d))));
        }
        if let Some(id) = q.client_id {
            filters.push(format!("p.invoice_id IN (SELECT id FROM invoices WHERE client_id = {})", p.int(id)));
        }
        let filter = filters.join(" AND ");
        let total: i64 =
            sqlx::query_scalar_with(AssertSqlSafe(format!("SELECT COUNT(*) FROM payments p WHERE {filter}")), p.args())
                .fetch_one(self.sqlite("payments")?)
                .await
                .map_err(map)?;
        let (limit, offset) = (q.limit.clamp(1, 1000), q.offset.max(0));
        let sql = format!(
            "SELECT p.id, p.paid_on, p.amount_minor, p.currency, p.method, p.reference, p.invoice_id,
                    i.number AS invoice_number, i.client_id, c.display_name AS client_name,
                    EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id) AS reversed
             FROM (SELECT * FROM payments p WHERE {filter} ORDER BY p.paid_on DESC, p.id DESC LIMIT {limit} OFFSET {offset}) p
             JOIN invoices i ON i.id = p.invoice_id JOIN clients c ON c.id = i.client_id
             ORDER BY p.paid_on DESC, p.id DESC"
        );
        let rows: Vec<PaymentListDbRow> =
            sqlx::query_as_with(AssertSqlSafe(sql), p.args()).fetch_all(self.sqlite("payments")?).await.map_err(map)?;
        let rows = rows
            .into_iter()
            .map(|r| {
                Ok(PaymentListRow {
                    id: r.id,
                    paid_on: parse_date(&r.paid_on)?,
                    amount: Money::new(r.amount_minor, r.currency.0),
                    method: r.method.0,
                    reference: r.reference,
                    invoice_id: r.invoice_id,
                    invoice_number: r.invoice_number,
                    client_id: r.client_id,
                    client_name: r.client_name,
                    reversed: r.reversed,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Page { total, rows })
    }

    pub async fn payments(&self, invoice_id: i64) -> Result<Vec<PaymentRecord>, StoreError> {
        let rows: Vec<PaymentRow> = sqlx::query_as(
            "SELECT id, invoice_id, amount_minor, currency, paid_on, method, reference FROM payments WHERE invoice_id = ?1 ORDER BY paid_on, id",
        )
        .bind(invoice_id)
        .fetch_all(self.sqlite("payments")?)
        .await
        .map_err(|e| StoreError::classify(e, self.path()))?;
        rows.into_iter()
            .map(|r| {
                Ok(PaymentRecord {
                    id: r.id,
                    invoice_id: r.invoice_id,
                    amount: Money::new(r.amount_minor, r.currency.0),
                    paid_on: parse_date(&r.paid_on)?,
                    method: r.method.0,
                    reference: r.reference,
                })
            })
            .collect()
    }
}

/// Inserts a payment and its timeline entry inside the caller's transaction
/// (a hand-typed payment, or one made from a bank statement entry). The
/// payments trigger refuses over-payment and currency mismatches whatever
/// the caller checked.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_payment(
    store: &Store,
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    invoice_id: i64,
    amount: Money,
    paid_on: NaiveDate,
    method: PaymentMethod,
    reference: Option<&str>,
    bank_entry_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let map = |e| StoreError::classify(e, store.path());
    let row: Option<PayeeInvoice> =
        sqlx::query_as("SELECT client_id, number, total_minor, paid_minor FROM invoices WHERE id = ?1")
            .bind(invoice_id)
            .fetch_optional(&mut **tx)
            .await
            .map_err(map)?;
    let PayeeInvoice { client_id, number, total_minor: total, paid_minor: paid } =
        row.ok_or(StoreError::NotFound { entity: "invoice", id: invoice_id })?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, reference, created_at, bank_entry_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
    )
    .bind(invoice_id)
    .bind(amount.minor)
    .bind(amount.currency.code())
    .bind(date_str(paid_on))
    .bind(method.as_str())
    .bind(reference)
    .bind(instant_str(now))
    .bind(bank_entry_id)
    .fetch_one(&mut **tx)
    .await
    .map_err(map)?;
    let outstanding = Money::new(total - paid - amount.minor, amount.currency);
    let summary = format!(
        "Payment of {} received for {number} ({}); {} still owing",
        amount.format(Locale::En),
        method.label(),
        outstanding.format(Locale::En)
    );
    let mut data = json!({
        "payment_id": id,
        "amount": amount.plain(),
        "currency": amount.currency.code(),
        "paid_on": date_str(paid_on),
        "method": method.as_str(),
        "reference": reference,
        "outstanding": outstanding.plain(),
    });
    if let (Some(entry), Some(d)) = (bank_entry_id, data.as_object_mut()) {
        d.insert("bank_entry_id".into(), json!(entry));
    }
    let ev = NewEvent {
        client_id,
        invoice_id: Some(invoice_id),
        at: now,
        kind: EventKind::PaymentRecorded,
        summary: &summary,
        data,
    };
    append(tx, &ev).await.map_err(map)?;
    Ok(id)
}

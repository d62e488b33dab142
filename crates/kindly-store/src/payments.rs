//! Payments: recorded once, in the invoice's currency, never more than what
//! is still owing (checked by the domain, and again by a trigger).
//!
//! Ported to both engines (see `engine`). Over-payment under racing writers
//! is the database's rule: on SQLite the `BEGIN IMMEDIATE` write lock, on
//! PostgreSQL the `payments_check` trigger (migrations-pg 0002), which
//! locks the invoice row `FOR UPDATE` before it compares the amount with
//! what is still owing, so a second payment racing this one waits for it
//! and then reads the `paid_minor` it left. The Rust side takes no lock of
//! its own: it reads the invoice once to name it (an unknown one is
//! `NotFound`), inserts, and reads what is still owing after the insert
//! (the row is locked by then) for the timeline entry. Each payment records
//! the member whose transaction made it (`made_by`, `Engine::member`).

use crate::engine::{on_conn, on_pool, Conn};
use crate::row::{Day, Instant, Text};
use crate::timeline::{append_on, NewEvent};
use crate::util::{date_str, Params};
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
    /// The member who recorded it, when one was named.
    pub made_by: Option<String>,
}

#[derive(sqlx_macros::FromRow)]
struct PaymentRow {
    id: i64,
    invoice_id: i64,
    amount_minor: i64,
    currency: Text<Currency>,
    paid_on: Day,
    method: Text<PaymentMethod>,
    reference: Option<String>,
    made_by: Option<String>,
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
    /// The member who recorded it, when one was named.
    pub made_by: Option<String>,
}

#[derive(sqlx_macros::FromRow)]
struct PaymentListDbRow {
    id: i64,
    paid_on: Day,
    amount_minor: i64,
    currency: Text<Currency>,
    method: Text<PaymentMethod>,
    reference: Option<String>,
    invoice_id: i64,
    invoice_number: String,
    client_id: i64,
    client_name: String,
    reversed: bool,
    made_by: Option<String>,
}

/// What a payment is described against.
#[derive(sqlx_macros::FromRow)]
struct PayeeInvoice {
    client_id: i64,
    number: String,
}

/// What is still owing on an invoice.
#[derive(sqlx_macros::FromRow)]
struct Owing {
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
        let mut tx = self.write_tx().await?;
        let id = insert_payment_on(
            self,
            &mut tx.conn(),
            invoice_id,
            p.amount,
            p.date,
            p.method,
            p.reference.as_deref(),
            None,
            now,
        )
        .await?;
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    /// Payments, newest first (by payment date, then as recorded), through
    /// the `payments_by_day` and `payments_by_currency_day` indexes (0013).
    pub async fn list_payments(&self, q: &PaymentQuery) -> Result<Page<PaymentListRow>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut p = Params::default();
        let mut filters = vec!["TRUE".to_string()];
        if let Some(c) = q.currency {
            filters.push(format!("p.currency = {}", p.text(c.code())));
        }
        if let Some(d) = q.from {
            filters.push(format!("p.paid_on >= {}", p.day(d)));
        }
        if let Some(d) = q.to {
            filters.push(format!("p.paid_on <= {}", p.day(d)));
        }
        if let Some(id) = q.client_id {
            filters.push(format!("p.invoice_id IN (SELECT id FROM invoices WHERE client_id = {})", p.int(id)));
        }
        let filter = filters.join(" AND ");
        let count = format!("SELECT COUNT(*) FROM payments p WHERE {filter}");
        let total: i64 = on_pool!(self.pool(), pool => {
            sqlx::query_scalar_with(AssertSqlSafe(count), p.args_on(pool)).fetch_one(pool).await
        })
        .map_err(map)?;
        let (limit, offset) = (q.limit.clamp(1, 1000), q.offset.max(0));
        let sql = format!(
            "SELECT p.id, p.paid_on, p.amount_minor, p.currency, p.method, p.reference, p.invoice_id,
                    i.number AS invoice_number, i.client_id, c.display_name AS client_name,
                    EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id) AS reversed, p.made_by
             FROM (SELECT * FROM payments p WHERE {filter} ORDER BY p.paid_on DESC, p.id DESC LIMIT {limit} OFFSET {offset}) p
             JOIN invoices i ON i.id = p.invoice_id JOIN clients c ON c.id = i.client_id
             ORDER BY p.paid_on DESC, p.id DESC"
        );
        let rows: Vec<PaymentListDbRow> = on_pool!(self.pool(), pool => {
            sqlx::query_as_with(AssertSqlSafe(sql), p.args_on(pool)).fetch_all(pool).await
        })
        .map_err(map)?;
        let rows = rows
            .into_iter()
            .map(|r| PaymentListRow {
                id: r.id,
                paid_on: r.paid_on.0,
                amount: Money::new(r.amount_minor, r.currency.0),
                method: r.method.0,
                reference: r.reference,
                invoice_id: r.invoice_id,
                invoice_number: r.invoice_number,
                client_id: r.client_id,
                client_name: r.client_name,
                reversed: r.reversed,
                made_by: r.made_by,
            })
            .collect();
        Ok(Page { total, rows })
    }

    /// An invoice's payments, oldest first (both engines).
    pub async fn payments(&self, invoice_id: i64) -> Result<Vec<PaymentRecord>, StoreError> {
        let rows: Vec<PaymentRow> = on_pool!(self.pool(), pool => {
            sqlx::query_as(
                "SELECT id, invoice_id, amount_minor, currency, paid_on, method, reference, made_by FROM payments
                 WHERE invoice_id = $1 ORDER BY paid_on, id",
            )
            .bind(invoice_id)
            .fetch_all(pool)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| PaymentRecord {
                id: r.id,
                invoice_id: r.invoice_id,
                amount: Money::new(r.amount_minor, r.currency.0),
                paid_on: r.paid_on.0,
                method: r.method.0,
                reference: r.reference,
                made_by: r.made_by,
            })
            .collect())
    }
}

/// Inserts a payment and its timeline entry inside the caller's transaction
/// of either engine (a hand-typed payment, or one made from a bank
/// statement entry). The payments trigger refuses over-payment, a draft or
/// cancelled invoice and a currency mismatch whatever the caller checked
/// (on PostgreSQL with the invoice row locked: see the module's note).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_payment_on(
    store: &Store,
    c: &mut Conn<'_>,
    invoice_id: i64,
    amount: Money,
    paid_on: NaiveDate,
    method: PaymentMethod,
    reference: Option<&str>,
    bank_entry_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let map = |e| StoreError::classify(e, store.path());
    // Not locked: the trigger locks the row and decides (see the module's note).
    let row: Option<PayeeInvoice> = on_conn!(&mut *c, c => {
        sqlx::query_as("SELECT client_id, number FROM invoices WHERE id = $1").bind(invoice_id).fetch_optional(c).await
    })
    .map_err(map)?;
    let PayeeInvoice { client_id, number } = row.ok_or(StoreError::NotFound { entity: "invoice", id: invoice_id })?;
    let insert = format!(
        "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, reference, created_at, bank_entry_id,
                               made_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, {}) RETURNING id",
        c.engine().member()
    );
    let id: i64 = on_conn!(&mut *c, c => {
        sqlx::query_scalar(AssertSqlSafe(insert))
        .bind(invoice_id)
        .bind(amount.minor)
        .bind(amount.currency.code())
        .bind(Day(paid_on))
        .bind(method.as_str())
        .bind(reference)
        .bind(Instant(now))
        .bind(bank_entry_id)
        .fetch_one(c)
        .await
    })
    .map_err(map)?;
    // After the insert: `paid_minor` now counts this payment (the summary
    // triggers), and on PostgreSQL the row is locked by this transaction.
    let Owing { total_minor: total, paid_minor: paid } = on_conn!(&mut *c, c => {
        sqlx::query_as("SELECT total_minor, paid_minor FROM invoices WHERE id = $1").bind(invoice_id).fetch_one(c).await
    })
    .map_err(map)?;
    let outstanding = Money::new(total - paid, amount.currency);
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
    append_on(c, &ev).await.map_err(map)?;
    Ok(id)
}

//! What a statement of account reads (a client's open invoices and the
//! payments received since a day, one query each, however many there are)
//! and records: a printed statement is one timeline entry and the day's
//! contact for each of its invoices, in one transaction. A statement sent
//! by e-mail is recorded by the outbox when the server accepted it.
//!
//! Ported to both engines: two reads, and one write that only appends and
//! moves each invoice's last contact forward (`note_contact_on`, one
//! conditional UPDATE each): no lock needed.

use crate::engine::on_pool;
use crate::followups::note_contact_on;
use crate::row::{Day, Text};
use crate::timeline::{append_any, NewEvent};
use crate::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::payment::PaymentMethod;
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, Money};

/// An open invoice as a statement lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementInvoice {
    pub id: i64,
    pub number: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub total_minor: i64,
    /// What settles it: payments received and credit notes.
    pub paid_minor: i64,
    /// Of `paid_minor`, what credit notes settle.
    pub credited_minor: i64,
    pub creditor_reference: Option<String>,
}

impl StatementInvoice {
    pub fn owing(&self) -> Money {
        Money::new(self.total_minor - self.paid_minor, self.currency)
    }
}

/// A payment received from the client, with the invoice it paid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementPayment {
    pub id: i64,
    pub paid_on: NaiveDate,
    pub invoice_number: String,
    pub amount: Money,
    pub method: PaymentMethod,
    pub reference: Option<String>,
}

#[derive(sqlx_macros::FromRow)]
struct OpenRow {
    id: i64,
    number: String,
    issue_date: Day,
    due_date: Day,
    currency: Text<Currency>,
    total_minor: i64,
    paid_minor: i64,
    credited_minor: i64,
    creditor_reference: Option<String>,
}

#[derive(sqlx_macros::FromRow)]
struct PaymentRow {
    id: i64,
    paid_on: Day,
    number: String,
    amount_minor: i64,
    currency: Text<Currency>,
    method: Text<PaymentMethod>,
    reference: Option<String>,
}

impl Store {
    /// The client's issued invoices with something still owing, by currency,
    /// then oldest first.
    pub async fn statement_invoices(&self, client_id: i64) -> Result<Vec<StatementInvoice>, StoreError> {
        const SQL: &str =
            "SELECT id, number, issue_date, due_date, currency, total_minor, paid_minor, credited_minor, creditor_reference
             FROM invoices WHERE client_id = $1 AND status = 'issued' AND paid_minor < total_minor
             ORDER BY currency, issue_date, id";
        let rows: Vec<OpenRow> = on_pool!(self.pool(), p => sqlx::query_as(SQL).bind(client_id).fetch_all(p).await)
            .map_err(|e| StoreError::classify(e, self.path()))?;
        rows.into_iter()
            .map(|r| {
                Ok(StatementInvoice {
                    id: r.id,
                    number: r.number,
                    issue_date: r.issue_date.0,
                    due_date: r.due_date.0,
                    currency: r.currency.0,
                    total_minor: r.total_minor,
                    paid_minor: r.paid_minor,
                    credited_minor: r.credited_minor,
                    creditor_reference: r.creditor_reference,
                })
            })
            .collect()
    }

    /// Every payment from the client in `currency` received on or after
    /// `since` (on any of their invoices, paid in full or not), oldest first.
    pub async fn statement_payments(
        &self,
        client_id: i64,
        currency: Currency,
        since: NaiveDate,
    ) -> Result<Vec<StatementPayment>, StoreError> {
        // A reversed payment (0017) was never money received.
        const SQL: &str = "SELECT p.id, p.paid_on, i.number, p.amount_minor, p.currency, p.method, p.reference
             FROM payments p JOIN invoices i ON i.id = p.invoice_id
             WHERE i.client_id = $1 AND p.currency = $2 AND p.paid_on >= $3
               AND NOT EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id)
             ORDER BY p.paid_on, p.id";
        let rows: Vec<PaymentRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(SQL).bind(client_id).bind(currency.code()).bind(Day(since)).fetch_all(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        rows.into_iter()
            .map(|r| {
                Ok(StatementPayment {
                    id: r.id,
                    paid_on: r.paid_on.0,
                    invoice_number: r.number,
                    amount: Money::new(r.amount_minor, r.currency.0),
                    method: r.method.0,
                    reference: r.reference,
                })
            })
            .collect()
    }

    /// Records a printed statement: its timeline entry (`statement_printed`,
    /// with the PDF's path and SHA-256 in `data`) and, for each invoice on
    /// it, the day's contact, in one transaction. Returns the entry's id.
    pub async fn record_statement_printed(
        &self,
        client_id: i64,
        invoice_ids: &[i64],
        summary: &str,
        data: serde_json::Value,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        note_contact_on(&mut tx.conn(), invoice_ids, today, false).await.map_err(map)?;
        let ev = NewEvent { client_id, invoice_id: None, at: now, kind: EventKind::StatementPrinted, summary, data };
        let id = append_any(&mut tx, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok(id)
    }
}

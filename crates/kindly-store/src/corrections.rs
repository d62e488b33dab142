//! Corrections (migration 0017): credit notes, payment reversals, refunds.
//! Each is one new row and its timeline entry in one transaction; nothing
//! is edited or deleted. The limits are checked here first, inside the
//! transaction, for a message that names the amounts, and again by the
//! schema's triggers for any other writer.
//!
//! Ported to both engines (see `engine`). Locks on PostgreSQL (SQLite's
//! `BEGIN IMMEDIATE` already lets one writer in at a time):
//! - each correction first locks its invoice's row (`lock_invoice`, `FOR
//!   UPDATE`) and only then reads the figures it checks (what is still
//!   creditable, the client's credit, whether the payment was reversed, what
//!   was refunded), so two machines correcting one invoice take turns and
//!   the second checks what the first left. The triggers of migrations-pg
//!   0002 check the same limits again with the same row locked, for any
//!   other writer; a second reversal of one payment is also the UNIQUE of
//!   `payment_reversals.payment_id`;
//! - credit-note numbering (`next_credit_number_on`) locks the
//!   `next_credit_sequence` setting `FOR UPDATE` (made to exist first) until
//!   the note's transaction ends, as invoices' numbering does, so two
//!   machines issuing credit notes at once never render one number (the
//!   UNIQUE on `credit_notes.number` would refuse the second instead).

use crate::engine::{on_conn, on_pool, Conn};
use crate::followups::{client_ladder_on, resume_invoice_on};
use crate::row::{Day, Instant, Text};
use crate::timeline::{append_on, NewEvent};
use crate::util::date_str;
use crate::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::credit::{self, CreditPart};
use kindly_core::invoice::{compute_totals, format_tax_rate, InvoiceStatus, LineItem};
use kindly_core::locale::Locale;
use kindly_core::numbering;
use kindly_core::payment::PaymentMethod;
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, ErrorCode, Money};
use serde_json::json;
use sqlx::AssertSqlSafe;

/// The pattern of credit note numbers unless Settings has `credit_number_pattern`.
pub const DEFAULT_CREDIT_PATTERN: &str = "CN-{YYYY}-{SEQ:4}";

/// A credit note as issued: what an e-invoice of type 381 needs (its
/// number and date, the preceding invoice's number and date, the VAT split).
#[derive(Clone, Debug, PartialEq)]
pub struct CreditNoteRecord {
    pub id: i64,
    pub number: String,
    pub invoice_id: i64,
    pub invoice_number: String,
    pub invoice_issue_date: NaiveDate,
    pub client_id: i64,
    pub issue_date: NaiveDate,
    pub amount: Money,
    pub net_minor: i64,
    pub tax_minor: i64,
    /// True when it credited everything that remained.
    pub full: bool,
    pub reason: String,
    pub parts: Vec<CreditPart>,
    pub created_at: DateTime<Utc>,
}

/// A reversed payment.
#[derive(Clone, Debug, PartialEq)]
pub struct ReversalRecord {
    pub id: i64,
    pub payment_id: i64,
    pub invoice_id: i64,
    pub amount: Money,
    pub paid_on: NaiveDate,
    pub reversed_on: NaiveDate,
    pub reason: String,
}

/// Money paid back to the client.
#[derive(Clone, Debug, PartialEq)]
pub struct RefundRecord {
    pub id: i64,
    pub invoice_id: i64,
    pub amount: Money,
    pub refunded_on: NaiveDate,
    pub method: PaymentMethod,
    pub reason: String,
}

/// A correction asked for, already parsed.
#[derive(Clone, Debug)]
pub struct NewCreditNote<'a> {
    pub invoice_id: i64,
    /// None: everything still creditable.
    pub amount_minor: Option<i64>,
    pub issue_date: NaiveDate,
    pub reason: &'a str,
}

#[derive(sqlx_macros::FromRow)]
struct Figures {
    id: i64,
    number: String,
    client_id: i64,
    status: Text<InvoiceStatus>,
    currency: Text<Currency>,
    total_minor: i64,
    paid_minor: i64,
    credited_minor: i64,
    returned_minor: i64,
    received_minor: i64,
}

impl Figures {
    fn money(&self, minor: i64) -> Money {
        Money::new(minor, self.currency.0)
    }
    fn owing(&self) -> i64 {
        self.total_minor - self.paid_minor
    }
    fn credit(&self) -> i64 {
        (self.credited_minor + self.received_minor - self.returned_minor - self.total_minor).max(0)
    }
    fn fmt(&self, minor: i64) -> String {
        self.money(minor).format(Locale::En)
    }
}

const FIGURES: &str = "SELECT i.id, i.number, i.client_id, i.status, i.currency, i.total_minor, i.paid_minor,
        i.credited_minor, i.returned_minor,
        CAST(COALESCE((SELECT SUM(p.amount_minor) FROM payments p WHERE p.invoice_id = i.id), 0) AS BIGINT)
            AS received_minor
     FROM invoices i WHERE i.id = $1";

/// Locks the invoice's row until the transaction ends (PostgreSQL; on
/// SQLite the write lock is already held): the figures a correction checks
/// are read after it, so a correction or payment racing this one on another
/// machine waits, and this one checks what that one left (see the module's
/// note). A separate statement, so that the figures' sums are read from a
/// snapshot taken once the lock is held.
async fn lock_invoice(c: &mut Conn<'_>, invoice_id: i64, path: &std::path::Path) -> Result<(), StoreError> {
    let sql = format!("SELECT id FROM invoices WHERE id = $1 {}", c.engine().for_update());
    let found: Option<i64> =
        on_conn!(c, c => sqlx::query_scalar(AssertSqlSafe(sql)).bind(invoice_id).fetch_optional(c).await)
            .map_err(|e| StoreError::classify(e, path))?;
    found.map(|_| ()).ok_or(StoreError::NotFound { entity: "invoice", id: invoice_id })
}

async fn figures(c: &mut Conn<'_>, invoice_id: i64, path: &std::path::Path) -> Result<Figures, StoreError> {
    let row: Option<Figures> = on_conn!(c, c => sqlx::query_as(FIGURES).bind(invoice_id).fetch_optional(c).await)
        .map_err(|e| StoreError::classify(e, path))?;
    row.ok_or(StoreError::NotFound { entity: "invoice", id: invoice_id })
}

fn refused(code: ErrorCode, message: String) -> StoreError {
    StoreError::Correction { code, message }
}

#[derive(sqlx_macros::FromRow)]
struct LineRow {
    quantity_milli: i64,
    unit_price_minor: i64,
    tax_rate_bp: i64,
}

#[derive(sqlx_macros::FromRow)]
struct PartRow {
    credit_note_id: i64,
    rate_bp: i64,
    net_minor: i64,
    tax_minor: i64,
}

#[derive(sqlx_macros::FromRow)]
struct NoteRow {
    id: i64,
    number: String,
    invoice_id: i64,
    invoice_number: String,
    invoice_issue_date: Day,
    client_id: i64,
    issue_date: Day,
    currency: Text<Currency>,
    net_minor: i64,
    tax_minor: i64,
    amount_minor: i64,
    kind: String,
    reason: String,
    created_at: Instant,
}

#[derive(sqlx_macros::FromRow)]
struct ReversalRow {
    id: i64,
    payment_id: i64,
    invoice_id: i64,
    amount_minor: i64,
    currency: Text<Currency>,
    paid_on: Day,
    reversed_on: Day,
    reason: String,
}

#[derive(sqlx_macros::FromRow)]
struct RefundRow {
    id: i64,
    invoice_id: i64,
    amount_minor: i64,
    currency: Text<Currency>,
    refunded_on: Day,
    method: Text<PaymentMethod>,
    reason: String,
}

#[derive(sqlx_macros::FromRow)]
struct PaymentOf {
    amount_minor: i64,
    paid_on: Day,
    reversed: bool,
}

async fn parts_of(c: &mut Conn<'_>, where_clause: &'static str, id: i64) -> Result<Vec<PartRow>, sqlx::Error> {
    let sql = format!(
        "SELECT t.credit_note_id, t.rate_bp, t.net_minor, t.tax_minor FROM credit_note_taxes t
         JOIN credit_notes c ON c.id = t.credit_note_id WHERE {where_clause} ORDER BY t.credit_note_id, t.rate_bp"
    );
    on_conn!(c, c => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_all(c).await)
}

/// The next credit note number, the `next_credit_sequence` setting moved
/// past it. A read-check-write of that setting: its row is made to exist
/// (the first credit note of two machines would otherwise lock nothing),
/// then read `FOR UPDATE` and held until the note's transaction ends, so a
/// second machine numbering at the same moment waits and reads the
/// sequence this one left (see the module's note).
async fn next_credit_number_on(
    c: &mut Conn<'_>,
    date: NaiveDate,
    path: &std::path::Path,
) -> Result<String, StoreError> {
    let other = |e: sqlx::Error| StoreError::classify(e, path);
    let pattern: Option<String> = on_conn!(&mut *c, c => {
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'credit_number_pattern'").fetch_optional(c).await
    })
    .map_err(other)?;
    let pattern = pattern.unwrap_or_else(|| DEFAULT_CREDIT_PATTERN.to_string());
    on_conn!(&mut *c, c => {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES ('next_credit_sequence', '1') ON CONFLICT (key) DO NOTHING",
        )
        .execute(c)
        .await
        .map(|_| ())
    })
    .map_err(other)?;
    let lock = format!("SELECT value FROM settings WHERE key = 'next_credit_sequence' {}", c.engine().for_update());
    let seq: Option<String> =
        on_conn!(&mut *c, c => sqlx::query_scalar(AssertSqlSafe(lock)).fetch_optional(c).await).map_err(other)?;
    let mut seq: i64 = seq.and_then(|v| v.parse().ok()).unwrap_or(1);
    // Numbers are never reused: the sequence only moves forward, and one
    // already taken (by hand or by an older pattern) is skipped.
    loop {
        let number = numbering::render(&pattern, seq, date).map_err(|e| StoreError::Other(e.to_string()))?;
        let taken: Option<i64> = on_conn!(&mut *c, c => {
            sqlx::query_scalar("SELECT id FROM credit_notes WHERE number = $1").bind(&number).fetch_optional(c).await
        })
        .map_err(other)?;
        seq += 1;
        if taken.is_none() {
            crate::settings::put_on(c, "next_credit_sequence", &seq.to_string()).await.map_err(other)?;
            return Ok(number);
        }
    }
}

/// [`Store::issue_credit_note`] inside an open transaction of either engine
/// (the CSV import issues the credit notes its file carries in its own).
pub(crate) async fn credit_note_on(
    c: &mut Conn<'_>,
    n: &NewCreditNote<'_>,
    now: DateTime<Utc>,
    path: &std::path::Path,
) -> Result<i64, StoreError> {
    let map = |e| StoreError::classify(e, path);
    lock_invoice(c, n.invoice_id, path).await?;
    let f = figures(c, n.invoice_id, path).await?;
    if f.status.0 != InvoiceStatus::Issued {
        return Err(refused(
            ErrorCode::InvoiceNotCreditable,
            format!(
                "{} is {}; only an issued invoice can be credited (a draft is edited, a cancelled invoice owes nothing)",
                f.number,
                f.status.0.as_str()
            ),
        ));
    }
    let creditable = f.total_minor - f.credited_minor;
    let amount = n.amount_minor.unwrap_or(creditable);
    if creditable <= 0 {
        return Err(refused(
            ErrorCode::CreditExceedsInvoice,
            format!("{} is already credited in full; nothing is left to credit", f.number),
        ));
    }
    if amount > creditable {
        return Err(refused(
            ErrorCode::CreditExceedsInvoice,
            format!(
                "Credit note of {} is more than the {} still creditable on {}",
                f.fmt(amount),
                f.fmt(creditable),
                f.number
            ),
        ));
    }
    let lines: Vec<LineRow> = on_conn!(&mut *c, c => {
        sqlx::query_as(
            "SELECT quantity_milli, unit_price_minor, tax_rate_bp FROM invoice_lines WHERE invoice_id = $1
             ORDER BY position",
        )
        .bind(n.invoice_id)
        .fetch_all(c)
        .await
    })
    .map_err(map)?;
    let items: Vec<LineItem> = lines
        .into_iter()
        .map(|l| LineItem {
            description: String::new(),
            quantity_milli: l.quantity_milli,
            unit_price_minor: l.unit_price_minor,
            tax_rate_bp: l.tax_rate_bp,
        })
        .collect();
    let totals = compute_totals(&items).map_err(|e| StoreError::Other(e.to_string()))?;
    let earlier: Vec<CreditPart> = parts_of(c, "c.invoice_id = $1", n.invoice_id)
        .await
        .map_err(map)?
        .into_iter()
        .map(|r| CreditPart { rate_bp: r.rate_bp, net_minor: r.net_minor, tax_minor: r.tax_minor })
        .collect();
    // An invoice whose stored total disagrees with its lines (imported
    // with a total only) is credited as one part at its single rate or 0 %.
    let taxes = if totals.total_minor == f.total_minor {
        totals.taxes
    } else {
        vec![kindly_core::invoice::TaxLine { rate_bp: 0, net_minor: f.total_minor, tax_minor: 0 }]
    };
    let parts = credit::split(&taxes, &earlier, amount).ok_or_else(|| {
        refused(
            ErrorCode::CreditExceedsInvoice,
            format!("Credit note of {} cannot be split over the VAT rates of {}", f.fmt(amount), f.number),
        )
    })?;
    let net: i64 = parts.iter().map(|p| p.net_minor).sum();
    let tax: i64 = parts.iter().map(|p| p.tax_minor).sum();
    let full = amount == creditable;
    let number = next_credit_number_on(c, n.issue_date, path).await?;
    let id: i64 = on_conn!(&mut *c, c => {
        sqlx::query_scalar(
            "INSERT INTO credit_notes (number, invoice_id, issue_date, currency, net_minor, tax_minor, amount_minor, kind,
                                       reason, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(&number)
        .bind(n.invoice_id)
        .bind(Day(n.issue_date))
        .bind(f.currency.0.code())
        .bind(net)
        .bind(tax)
        .bind(amount)
        .bind(if full { "full" } else { "partial" })
        .bind(n.reason)
        .bind(Instant(now))
        .fetch_one(c)
        .await
    })
    .map_err(map)?;
    for p in &parts {
        on_conn!(&mut *c, c => {
            sqlx::query(
                "INSERT INTO credit_note_taxes (credit_note_id, rate_bp, net_minor, tax_minor) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(p.rate_bp)
            .bind(p.net_minor)
            .bind(p.tax_minor)
            .execute(c)
            .await
            .map(|_| ())
        })
        .map_err(map)?;
    }
    let after = figures(c, n.invoice_id, path).await?;
    let summary = format!(
        "Credit note {number} of {} issued for {} ({}); {}",
        f.fmt(amount),
        f.number,
        n.reason,
        standing(&after)
    );
    let data = json!({
        "credit_note_id": id,
        "number": number,
        "invoice_number": f.number,
        "amount": f.money(amount).plain(),
        "currency": f.currency.0.code(),
        "issue_date": date_str(n.issue_date),
        "kind": if full { "full" } else { "partial" },
        "reason": n.reason,
        "vat": parts.iter().map(|p| json!({
            "rate": format_tax_rate(p.rate_bp),
            "net": f.money(p.net_minor).plain(),
            "tax": f.money(p.tax_minor).plain(),
        })).collect::<Vec<_>>(),
        "outstanding": after.money(after.owing()).plain(),
        "client_credit": after.money(after.credit()).plain(),
    });
    let ev = NewEvent {
        client_id: f.client_id,
        invoice_id: Some(f.id),
        at: now,
        kind: EventKind::CreditNoteIssued,
        summary: &summary,
        data,
    };
    append_on(c, &ev).await.map_err(map)?;
    Ok(id)
}

impl Store {
    /// Issues a credit note on an invoice: the amount (or all that remains
    /// creditable) split over its VAT rates, its own number, its timeline
    /// entry; the invoice's balance follows by trigger, and an invoice left
    /// with nothing owing leaves the ladder (0002's trigger).
    pub async fn issue_credit_note(&self, n: &NewCreditNote<'_>, now: DateTime<Utc>) -> Result<i64, StoreError> {
        let mut tx = self.write_tx().await?;
        let id = credit_note_on(&mut tx.conn(), n, now, self.path()).await?;
        tx.commit().await.map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(id)
    }

    /// Reverses a payment recorded by mistake: a new row pointing at it (the
    /// payment stays), its timeline entry, and, when the invoice owes again,
    /// its ladder resumed in the same transaction. Returns the reversal's id
    /// and the invoice's.
    pub async fn reverse_payment(
        &self,
        payment_id: i64,
        reversed_on: NaiveDate,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<(i64, i64), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        // The payment's invoice never changes (payments are immutable): read
        // it unlocked, lock the invoice, then read whether the payment was
        // reversed and what was refunded, so a reversal or refund racing this
        // one has committed, or waits (see the module's note).
        let invoice_id: Option<i64> = on_conn!(&mut c, c => {
            sqlx::query_scalar("SELECT invoice_id FROM payments WHERE id = $1").bind(payment_id).fetch_optional(c).await
        })
        .map_err(map)?;
        let invoice_id = invoice_id.ok_or(StoreError::NotFound { entity: "payment", id: payment_id })?;
        lock_invoice(&mut c, invoice_id, self.path()).await?;
        let p: PaymentOf = on_conn!(&mut c, c => {
            sqlx::query_as(
                "SELECT p.amount_minor, p.paid_on,
                        EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id) AS reversed
                 FROM payments p WHERE p.id = $1",
            )
            .bind(payment_id)
            .fetch_one(c)
            .await
        })
        .map_err(map)?;
        let f = figures(&mut c, invoice_id, self.path()).await?;
        if p.reversed {
            return Err(refused(
                ErrorCode::PaymentAlreadyReversed,
                format!(
                    "The payment of {} on {} for {} was already reversed; a payment is reversed at most once",
                    f.fmt(p.amount_minor),
                    date_str(p.paid_on.0),
                    f.number
                ),
            ));
        }
        if p.amount_minor > f.received_minor - f.returned_minor {
            return Err(refused(
                ErrorCode::ReversalAfterRefund,
                format!(
                    "The payment of {} for {} cannot be reversed: only {} of what was received still counts after \
                     refunds and reversals",
                    f.fmt(p.amount_minor),
                    f.number,
                    f.fmt(f.received_minor - f.returned_minor)
                ),
            ));
        }
        let id: i64 = on_conn!(&mut c, c => {
            sqlx::query_scalar(
                "INSERT INTO payment_reversals (payment_id, reversed_on, reason, created_at) VALUES ($1, $2, $3, $4)
                 RETURNING id",
            )
            .bind(payment_id)
            .bind(Day(reversed_on))
            .bind(reason)
            .bind(Instant(now))
            .fetch_one(c)
            .await
        })
        .map_err(map)?;
        let after = figures(&mut c, invoice_id, self.path()).await?;
        if after.owing() > 0 {
            let ladder = client_ladder_on(&mut c, f.client_id).await.map_err(map)?;
            resume_invoice_on(&mut c, &ladder, f.id).await.map_err(map)?;
        }
        let paid_on = date_str(p.paid_on.0);
        let summary = format!(
            "Payment of {} received on {} for {} reversed ({reason}); {}",
            f.fmt(p.amount_minor),
            paid_on,
            f.number,
            standing(&after)
        );
        let data = json!({
            "reversal_id": id,
            "payment_id": payment_id,
            "invoice_number": f.number,
            "amount": f.money(p.amount_minor).plain(),
            "currency": f.currency.0.code(),
            "paid_on": paid_on,
            "reversed_on": date_str(reversed_on),
            "reason": reason,
            "outstanding": after.money(after.owing()).plain(),
        });
        let ev = NewEvent {
            client_id: f.client_id,
            invoice_id: Some(f.id),
            at: now,
            kind: EventKind::PaymentReversed,
            summary: &summary,
            data,
        };
        append_on(&mut c, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok((id, invoice_id))
    }

    /// Records money paid back to the client, never more than their credit
    /// on the invoice.
    pub async fn record_refund(
        &self,
        invoice_id: i64,
        amount: Money,
        refunded_on: NaiveDate,
        method: PaymentMethod,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        // Locked before the client's credit is read (see the module's note).
        lock_invoice(&mut c, invoice_id, self.path()).await?;
        let f = figures(&mut c, invoice_id, self.path()).await?;
        if amount.currency != f.currency.0 {
            return Err(StoreError::CurrencyMismatch);
        }
        if amount.minor > f.credit() {
            return Err(refused(
                ErrorCode::RefundExceedsCredit,
                format!(
                    "Refund of {} is more than the client's credit of {} on {}",
                    f.fmt(amount.minor),
                    f.fmt(f.credit()),
                    f.number
                ),
            ));
        }
        let id: i64 = on_conn!(&mut c, c => {
            sqlx::query_scalar(
                "INSERT INTO refunds (invoice_id, amount_minor, currency, refunded_on, method, reason, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(invoice_id)
            .bind(amount.minor)
            .bind(amount.currency.code())
            .bind(Day(refunded_on))
            .bind(method.as_str())
            .bind(reason)
            .bind(Instant(now))
            .fetch_one(c)
            .await
        })
        .map_err(map)?;
        let after = figures(&mut c, invoice_id, self.path()).await?;
        let summary = format!(
            "Refund of {} paid back for {} ({}, {reason}); {}",
            f.fmt(amount.minor),
            f.number,
            method.label(),
            standing(&after)
        );
        let data = json!({
            "refund_id": id,
            "invoice_number": f.number,
            "amount": amount.plain(),
            "currency": amount.currency.code(),
            "refunded_on": date_str(refunded_on),
            "method": method.as_str(),
            "reason": reason,
            "client_credit": after.money(after.credit()).plain(),
        });
        let ev = NewEvent {
            client_id: f.client_id,
            invoice_id: Some(invoice_id),
            at: now,
            kind: EventKind::RefundMade,
            summary: &summary,
            data,
        };
        append_on(&mut c, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    /// An invoice's credit notes, oldest first, with their VAT split.
    pub async fn credit_notes(&self, invoice_id: i64) -> Result<Vec<CreditNoteRecord>, StoreError> {
        self.read_credit_notes("c.invoice_id = $1", invoice_id).await
    }

    /// One credit note.
    pub async fn credit_note(&self, id: i64) -> Result<CreditNoteRecord, StoreError> {
        self.read_credit_notes("c.id = $1", id).await?.pop().ok_or(StoreError::NotFound { entity: "credit note", id })
    }

    async fn read_credit_notes(
        &self,
        where_clause: &'static str,
        id: i64,
    ) -> Result<Vec<CreditNoteRecord>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        // A read transaction: the notes and their parts from one snapshot.
        let mut tx = self.read_tx().await?;
        let sql = format!(
            "SELECT c.id, c.number, c.invoice_id, i.number AS invoice_number, i.issue_date AS invoice_issue_date,
                    i.client_id, c.issue_date, c.currency, c.net_minor, c.tax_minor, c.amount_minor, c.kind, c.reason,
                    c.created_at
             FROM credit_notes c JOIN invoices i ON i.id = c.invoice_id WHERE {where_clause} ORDER BY c.id"
        );
        let rows: Vec<NoteRow> = on_conn!(&mut tx.conn(), c => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_all(c).await
        })
        .map_err(map)?;
        let parts = parts_of(&mut tx.conn(), where_clause, id).await.map_err(map)?;
        tx.finish().await.map_err(map)?;
        Ok(rows
            .into_iter()
            .map(|r| CreditNoteRecord {
                id: r.id,
                parts: parts
                    .iter()
                    .filter(|p| p.credit_note_id == r.id)
                    .map(|p| CreditPart { rate_bp: p.rate_bp, net_minor: p.net_minor, tax_minor: p.tax_minor })
                    .collect(),
                number: r.number,
                invoice_id: r.invoice_id,
                invoice_number: r.invoice_number,
                invoice_issue_date: r.invoice_issue_date.0,
                client_id: r.client_id,
                issue_date: r.issue_date.0,
                amount: Money::new(r.amount_minor, r.currency.0),
                net_minor: r.net_minor,
                tax_minor: r.tax_minor,
                full: r.kind == "full",
                reason: r.reason,
                created_at: r.created_at.0,
            })
            .collect())
    }

    /// An invoice's reversed payments, oldest first.
    pub async fn payment_reversals(&self, invoice_id: i64) -> Result<Vec<ReversalRecord>, StoreError> {
        let rows: Vec<ReversalRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT r.id, r.payment_id, p.invoice_id, p.amount_minor, p.currency, p.paid_on, r.reversed_on, r.reason
                 FROM payment_reversals r JOIN payments p ON p.id = r.payment_id WHERE p.invoice_id = $1 ORDER BY r.id",
            )
            .bind(invoice_id)
            .fetch_all(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| ReversalRecord {
                id: r.id,
                payment_id: r.payment_id,
                invoice_id: r.invoice_id,
                amount: Money::new(r.amount_minor, r.currency.0),
                paid_on: r.paid_on.0,
                reversed_on: r.reversed_on.0,
                reason: r.reason,
            })
            .collect())
    }

    /// An invoice's refunds, oldest first.
    pub async fn refunds(&self, invoice_id: i64) -> Result<Vec<RefundRecord>, StoreError> {
        let rows: Vec<RefundRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT id, invoice_id, amount_minor, currency, refunded_on, method, reason FROM refunds
                 WHERE invoice_id = $1 ORDER BY id",
            )
            .bind(invoice_id)
            .fetch_all(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| RefundRecord {
                id: r.id,
                invoice_id: r.invoice_id,
                amount: Money::new(r.amount_minor, r.currency.0),
                refunded_on: r.refunded_on.0,
                method: r.method.0,
                reason: r.reason,
            })
            .collect())
    }
}

/// "EUR 20.00 still owing", "the client is in credit by EUR 30.00" or "nothing owing".
fn standing(f: &Figures) -> String {
    match (f.owing(), f.credit()) {
        (o, _) if o > 0 => format!("{} still owing", f.fmt(o)),
        (_, c) if c > 0 => format!("the client is in credit by {}", f.fmt(c)),
        _ => "nothing owing".to_string(),
    }
}

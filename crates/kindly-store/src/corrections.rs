//! Corrections (migration 0017): credit notes, payment reversals, refunds.
//! Each is one new row and its timeline entry in one transaction; nothing
//! is edited or deleted. The limits are checked here first, inside the
//! transaction, for a message that names the amounts, and again by the
//! schema's triggers for any other writer.

use crate::followups::{client_ladder, resume_invoice};
use crate::row::Text;
use crate::settings;
use crate::timeline::{append, NewEvent};
use crate::util::{date_str, instant_str, parse_date};
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
use sqlx::{Sqlite, Transaction};

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

#[derive(sqlx::FromRow)]
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
        COALESCE((SELECT SUM(p.amount_minor) FROM payments p WHERE p.invoice_id = i.id), 0) AS received_minor
     FROM invoices i WHERE i.id = ?1";

async fn figures(tx: &mut Transaction<'static, Sqlite>, invoice_id: i64) -> Result<Figures, StoreError> {
    let row: Option<Figures> =
        sqlx::query_as(FIGURES).bind(invoice_id).fetch_optional(&mut **tx).await.map_err(other)?;
    row.ok_or(StoreError::NotFound { entity: "invoice", id: invoice_id })
}

fn other(e: sqlx::Error) -> StoreError {
    StoreError::Other(e.to_string())
}

fn refused(code: ErrorCode, message: String) -> StoreError {
    StoreError::Correction { code, message }
}

#[derive(sqlx::FromRow)]
struct LineRow {
    quantity_milli: i64,
    unit_price_minor: i64,
    tax_rate_bp: i64,
}

#[derive(sqlx::FromRow)]
struct PartRow {
    credit_note_id: i64,
    rate_bp: i64,
    net_minor: i64,
    tax_minor: i64,
}

#[derive(sqlx::FromRow)]
struct NoteRow {
    id: i64,
    number: String,
    invoice_id: i64,
    invoice_number: String,
    invoice_issue_date: String,
    client_id: i64,
    issue_date: String,
    currency: Text<Currency>,
    net_minor: i64,
    tax_minor: i64,
    amount_minor: i64,
    kind: String,
    reason: String,
    created_at: String,
}

#[derive(sqlx::FromRow)]
struct ReversalRow {
    id: i64,
    payment_id: i64,
    invoice_id: i64,
    amount_minor: i64,
    currency: Text<Currency>,
    paid_on: String,
    reversed_on: String,
    reason: String,
}

#[derive(sqlx::FromRow)]
struct RefundRow {
    id: i64,
    invoice_id: i64,
    amount_minor: i64,
    currency: Text<Currency>,
    refunded_on: String,
    method: Text<PaymentMethod>,
    reason: String,
}

#[derive(sqlx::FromRow)]
struct PaymentOf {
    invoice_id: i64,
    amount_minor: i64,
    paid_on: String,
    reversed: bool,
}

async fn parts_of(
    tx: &mut Transaction<'static, Sqlite>,
    where_clause: &'static str,
    id: i64,
) -> Result<Vec<PartRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT t.credit_note_id, t.rate_bp, t.net_minor, t.tax_minor FROM credit_note_taxes t
         JOIN credit_notes c ON c.id = t.credit_note_id WHERE {where_clause} ORDER BY t.credit_note_id, t.rate_bp"
    )))
    .bind(id)
    .fetch_all(&mut **tx)
    .await
}

async fn next_credit_number(tx: &mut Transaction<'static, Sqlite>, date: NaiveDate) -> Result<String, StoreError> {
    let pattern = settings::get(tx, "credit_number_pattern")
        .await
        .map_err(other)?
        .unwrap_or_else(|| DEFAULT_CREDIT_PATTERN.to_string());
    let mut seq: i64 =
        settings::get(tx, "next_credit_sequence").await.map_err(other)?.and_then(|v| v.parse().ok()).unwrap_or(1);
    // Numbers are never reused: the sequence only moves forward, and one
    // already taken (by hand or by an older pattern) is skipped.
    loop {
        let number = numbering::render(&pattern, seq, date).map_err(|e| StoreError::Other(e.to_string()))?;
        let taken: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM credit_notes WHERE number = ?1)")
            .bind(&number)
            .fetch_one(&mut **tx)
            .await
            .map_err(other)?;
        seq += 1;
        if !taken {
            settings::put(tx, "next_credit_sequence", &seq.to_string()).await.map_err(other)?;
            return Ok(number);
        }
    }
}

/// [`Store::issue_credit_note`] inside an open transaction (the CSV import
/// issues the credit notes its file carries in its own).
pub(crate) async fn credit_note_in(
    tx: &mut Transaction<'static, Sqlite>,
    n: &NewCreditNote<'_>,
    now: DateTime<Utc>,
    path: &std::path::Path,
) -> Result<i64, StoreError> {
    let map = |e| StoreError::classify(e, path);
    let f = figures(&mut *tx, n.invoice_id).await?;
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
    let lines: Vec<LineRow> = sqlx::query_as(
        "SELECT quantity_milli, unit_price_minor, tax_rate_bp FROM invoice_lines WHERE invoice_id = ?1 ORDER BY position",
    )
    .bind(n.invoice_id)
    .fetch_all(&mut **tx)
    .await
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
    let earlier: Vec<CreditPart> = parts_of(&mut *tx, "c.invoice_id = ?1", n.invoice_id)
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
    let number = next_credit_number(&mut *tx, n.issue_date).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO credit_notes (number, invoice_id, issue_date, currency, net_minor, tax_minor, amount_minor, kind, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
    )
    .bind(&number)
    .bind(n.invoice_id)
    .bind(date_str(n.issue_date))
    .bind(f.currency.0.code())
    .bind(net)
    .bind(tax)
    .bind(amount)
    .bind(if full { "full" } else { "partial" })
    .bind(n.reason)
    .bind(instant_str(now))
    .fetch_one(&mut **tx)
    .await
    .map_err(map)?;
    for p in &parts {
        sqlx::query(
            "INSERT INTO credit_note_taxes (credit_note_id, rate_bp, net_minor, tax_minor) VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(id)
        .bind(p.rate_bp)
        .bind(p.net_minor)
        .bind(p.tax_minor)
        .execute(&mut **tx)
        .await
        .map_err(map)?;
    }
    let after = figures(&mut *tx, n.invoice_id).await?;
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
    append(tx, &ev).await.map_err(map)?;
    Ok(id)
}

impl Store {
    /// Issues a credit note on an invoice: the amount (or all that remains
    /// creditable) split over its VAT rates, its own number, its timeline
    /// entry; the invoice's balance follows by trigger, and an invoice left
    /// with nothing owing leaves the ladder (0002's trigger).
    pub async fn issue_credit_note(&self, n: &NewCreditNote<'_>, now: DateTime<Utc>) -> Result<i64, StoreError> {
        let mut tx = self.sqlite_tx("credit notes, reversals and refunds").await?;
        let id = credit_note_in(&mut tx, n, now, self.path()).await?;
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
        let mut tx = self.sqlite_tx("credit notes, reversals and refunds").await?;
        let p: Option<PaymentOf> = sqlx::query_as(
            "SELECT p.invoice_id, p.amount_minor, p.paid_on,
                    EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id) AS reversed
             FROM payments p WHERE p.id = ?1",
        )
        .bind(payment_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(map)?;
        let p = p.ok_or(StoreError::NotFound { entity: "payment", id: payment_id })?;
        let f = figures(&mut tx, p.invoice_id).await?;
        if p.reversed {
            return Err(refused(
                ErrorCode::PaymentAlreadyReversed,
                format!(
                    "The payment of {} on {} for {} was already reversed; a payment is reversed at most once",
                    f.fmt(p.amount_minor),
                    p.paid_on,
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
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO payment_reversals (payment_id, reversed_on, reason, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
        )
        .bind(payment_id)
        .bind(date_str(reversed_on))
        .bind(reason)
        .bind(instant_str(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(map)?;
        let after = figures(&mut tx, p.invoice_id).await?;
        if after.owing() > 0 {
            let ladder = client_ladder(&mut tx, f.client_id).await.map_err(map)?;
            resume_invoice(&mut tx, &ladder, f.id).await.map_err(map)?;
        }
        let summary = format!(
            "Payment of {} received on {} for {} reversed ({reason}); {}",
            f.fmt(p.amount_minor),
            p.paid_on,
            f.number,
            standing(&after)
        );
        let data = json!({
            "reversal_id": id,
            "payment_id": payment_id,
            "invoice_number": f.number,
            "amount": f.money(p.amount_minor).plain(),
            "currency": f.currency.0.code(),
            "paid_on": p.paid_on,
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
        append(&mut tx, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok((id, p.invoice_id))
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
        let mut tx = self.sqlite_tx("credit notes, reversals and refunds").await?;
        let f = figures(&mut tx, invoice_id).await?;
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
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO refunds (invoice_id, amount_minor, currency, refunded_on, method, reason, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        )
        .bind(invoice_id)
        .bind(amount.minor)
        .bind(amount.currency.code())
        .bind(date_str(refunded_on))
        .bind(method.as_str())
        .bind(reason)
        .bind(instant_str(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(map)?;
        let after = figures(&mut tx, invoice_id).await?;
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
        append(&mut tx, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    /// An invoice's credit notes, oldest first, with their VAT split.
    pub async fn credit_notes(&self, invoice_id: i64) -> Result<Vec<CreditNoteRecord>, StoreError> {
        self.read_credit_notes("c.invoice_id = ?1", invoice_id).await
    }

    /// One credit note.
    pub async fn credit_note(&self, id: i64) -> Result<CreditNoteRecord, StoreError> {
        self.read_credit_notes("c.id = ?1", id).await?.pop().ok_or(StoreError::NotFound { entity: "credit note", id })
    }

    async fn read_credit_notes(
        &self,
        where_clause: &'static str,
        id: i64,
    ) -> Result<Vec<CreditNoteRecord>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        // A read transaction: the notes and their parts from one snapshot.
        let mut tx = self.sqlite("credit notes, reversals and refunds")?.begin().await.map_err(map)?;
        let rows: Vec<NoteRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT c.id, c.number, c.invoice_id, i.number AS invoice_number, i.issue_date AS invoice_issue_date,
                    i.client_id, c.issue_date, c.currency, c.net_minor, c.tax_minor, c.amount_minor, c.kind, c.reason,
                    c.created_at
             FROM credit_notes c JOIN invoices i ON i.id = c.invoice_id WHERE {where_clause} ORDER BY c.id"
        )))
        .bind(id)
        .fetch_all(&mut *tx)
        .await
        .map_err(map)?;
        let parts = parts_of(&mut tx, where_clause, id).await.map_err(map)?;
        tx.rollback().await.map_err(map)?;
        rows.into_iter()
            .map(|r| {
                Ok(CreditNoteRecord {
                    id: r.id,
                    parts: parts
                        .iter()
                        .filter(|p| p.credit_note_id == r.id)
                        .map(|p| CreditPart { rate_bp: p.rate_bp, net_minor: p.net_minor, tax_minor: p.tax_minor })
                        .collect(),
                    number: r.number,
                    invoice_id: r.invoice_id,
                    invoice_number: r.invoice_number,
                    invoice_issue_date: parse_date(&r.invoice_issue_date)?,
                    client_id: r.client_id,
                    issue_date: parse_date(&r.issue_date)?,
                    amount: Money::new(r.amount_minor, r.currency.0),
                    net_minor: r.net_minor,
                    tax_minor: r.tax_minor,
                    full: r.kind == "full",
                    reason: r.reason,
                    created_at: crate::util::parse_instant(&r.created_at)?,
                })
            })
            .collect()
    }

    /// An invoice's reversed payments, oldest first.
    pub async fn payment_reversals(&self, invoice_id: i64) -> Result<Vec<ReversalRecord>, StoreError> {
        let rows: Vec<ReversalRow> = sqlx::query_as(
            "SELECT r.id, r.payment_id, p.invoice_id, p.amount_minor, p.currency, p.paid_on, r.reversed_on, r.reason
             FROM payment_reversals r JOIN payments p ON p.id = r.payment_id WHERE p.invoice_id = ?1 ORDER BY r.id",
        )
        .bind(invoice_id)
        .fetch_all(self.sqlite("credit notes, reversals and refunds")?)
        .await
        .map_err(|e| StoreError::classify(e, self.path()))?;
        rows.into_iter()
            .map(|r| {
                Ok(ReversalRecord {
                    id: r.id,
                    payment_id: r.payment_id,
                    invoice_id: r.invoice_id,
                    amount: Money::new(r.amount_minor, r.currency.0),
                    paid_on: parse_date(&r.paid_on)?,
                    reversed_on: parse_date(&r.reversed_on)?,
                    reason: r.reason,
                })
            })
            .collect()
    }

    /// An invoice's refunds, oldest first.
    pub async fn refunds(&self, invoice_id: i64) -> Result<Vec<RefundRecord>, StoreError> {
        let rows: Vec<RefundRow> = sqlx::query_as(
            "SELECT id, invoice_id, amount_minor, currency, refunded_on, method, reason FROM refunds
             WHERE invoice_id = ?1 ORDER BY id",
        )
        .bind(invoice_id)
        .fetch_all(self.sqlite("credit notes, reversals and refunds")?)
        .await
        .map_err(|e| StoreError::classify(e, self.path()))?;
        rows.into_iter()
            .map(|r| {
                Ok(RefundRecord {
                    id: r.id,
                    invoice_id: r.invoice_id,
                    amount: Money::new(r.amount_minor, r.currency.0),
                    refunded_on: parse_date(&r.refunded_on)?,
                    method: r.method.0,
                    reason: r.reason,
                })
            })
            .collect()
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

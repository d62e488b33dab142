//! Invoices: numbering, creation (draft or issued), issuing, cancelling,
//! reading and the filtered, paged list.

use crate::row::Text;
use crate::settings;
use crate::timeline::{append, NewEvent};
use crate::util::{date_str, instant_str, like_pattern, parse_date, parse_instant};
use crate::{Page, Store, StoreError};
use chrono::{DateTime, Days, NaiveDate, Utc};
use kindly_core::invoice::{derive_state, InvoiceState, InvoiceStatus, LineItem, Totals, DUE_SOON_DAYS};
use kindly_core::numbering;
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, Money};
use serde_json::json;
use sqlx::{AssertSqlSafe, Sqlite, Transaction};

/// A validated invoice to store. Totals are computed by the domain.
#[derive(Clone, Debug)]
pub struct NewInvoice {
    pub client_id: i64,
    /// An explicit number, or `None` to take the next from the pattern.
    pub number: Option<String>,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub lines: Vec<LineItem>,
    pub totals: Totals,
    pub notes: String,
    /// Issue at once rather than keep as a draft.
    pub issue: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StoredLine {
    pub description: String,
    pub quantity_milli: i64,
    pub unit_price_minor: i64,
    pub tax_rate_bp: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct InvoiceRecord {
    pub id: i64,
    pub number: String,
    pub client_id: i64,
    pub client_name: String,
    pub status: InvoiceStatus,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub subtotal_minor: i64,
    pub tax_minor: i64,
    pub total_minor: i64,
    pub paid_minor: i64,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub cancelled_reason: Option<String>,
    /// The ISO 11649 creditor reference ("RF…") payers' banks return.
    pub creditor_reference: Option<String>,
    pub lines: Vec<StoredLine>,
}

impl InvoiceRecord {
    pub fn state(&self, today: NaiveDate) -> InvoiceState {
        derive_state(self.status, self.due_date, self.total_minor, self.paid_minor, today)
    }

    pub fn outstanding(&self) -> Money {
        let owing = if self.status == InvoiceStatus::Issued { self.total_minor - self.paid_minor } else { 0 };
        Money::new(owing, self.currency)
    }
}

pub use kindly_core::vocab::InvoiceSort;

#[derive(Clone, Debug, Default)]
pub struct InvoiceQuery {
    pub state: Option<InvoiceState>,
    pub client_id: Option<i64>,
    /// Matches the invoice number or the client's name, case-insensitively.
    pub search: String,
    pub sort: InvoiceSort,
    pub offset: i64,
    pub limit: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct InvoiceListRow {
    pub id: i64,
    pub number: String,
    pub client_id: i64,
    pub client_name: String,
    pub status: InvoiceStatus,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub total_minor: i64,
    pub paid_minor: i64,
    pub state: InvoiceState,
}

/// An invoice as read, without its lines.
#[derive(sqlx::FromRow)]
struct InvoiceRow {
    id: i64,
    number: String,
    client_id: i64,
    client_name: String,
    status: Text<InvoiceStatus>,
    issue_date: String,
    due_date: String,
    currency: Text<Currency>,
    subtotal_minor: i64,
    tax_minor: i64,
    total_minor: i64,
    paid_minor: i64,
    notes: String,
    created_at: String,
    cancelled_reason: Option<String>,
    creditor_reference: Option<String>,
}

#[derive(sqlx::FromRow)]
struct LineRow {
    description: String,
    quantity_milli: i64,
    unit_price_minor: i64,
    tax_rate_bp: i64,
}

/// One row of the invoice list as read.
#[derive(sqlx::FromRow)]
struct InvoiceListDbRow {
    id: i64,
    number: String,
    client_id: i64,
    client_name: String,
    status: Text<InvoiceStatus>,
    issue_date: String,
    due_date: String,
    currency: Text<Currency>,
    total_minor: i64,
    paid_minor: i64,
}

/// Where an invoice stands, before a change to it.
#[derive(sqlx::FromRow)]
struct InvoiceStanding {
    status: Text<InvoiceStatus>,
    client_id: i64,
    number: String,
    paid_minor: i64,
}

/// The SQL predicate for each derived state. ?1 is today, ?2 is the last day
/// that counts as "due soon". Mirrors `kindly_core::invoice::derive_state`;
/// the store tests check that the two agree on every state.
fn state_predicate(s: InvoiceState) -> &'static str {
    match s {
        InvoiceState::Cancelled => "i.status = 'cancelled'",
        InvoiceState::Draft => "i.status = 'draft'",
        InvoiceState::Paid => "i.status = 'issued' AND i.paid_minor >= i.total_minor",
        InvoiceState::Overdue => "i.status = 'issued' AND i.paid_minor < i.total_minor AND i.due_date < ?1",
        InvoiceState::PartiallyPaid => {
            "i.status = 'issued' AND i.paid_minor < i.total_minor AND i.due_date >= ?1 AND i.paid_minor > 0"
        }
        InvoiceState::DueSoon => {
            "i.status = 'issued' AND i.paid_minor < i.total_minor AND i.paid_minor = 0 AND i.due_date >= ?1 AND i.due_date <= ?2"
        }
        InvoiceState::Open => "i.status = 'issued' AND i.paid_minor < i.total_minor AND i.paid_minor = 0 AND i.due_date > ?2",
    }
}

const ATTENTION_RANK: &str = "CASE
    WHEN i.status = 'cancelled' THEN 6 WHEN i.status = 'draft' THEN 4
    WHEN i.paid_minor >= i.total_minor THEN 5 WHEN i.due_date < ?1 THEN 0
    WHEN i.paid_minor > 0 THEN 2 WHEN i.due_date <= ?2 THEN 1 ELSE 3 END";

async fn next_number(tx: &mut Transaction<'static, Sqlite>, date: NaiveDate) -> Result<String, StoreError> {
    let pattern = settings::get(tx, "number_pattern")
        .await
        .map_err(|e| StoreError::Other(e.to_string()))?
        .unwrap_or_else(|| numbering::DEFAULT_PATTERN.to_string());
    let mut seq: i64 = settings::get(tx, "next_sequence")
        .await
        .map_err(|e| StoreError::Other(e.to_string()))?
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    // Skip numbers already taken by hand, so the pattern never collides.
    loop {
        let number = numbering::render(&pattern, seq, date).map_err(|e| StoreError::Other(e.to_string()))?;
        let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM invoices WHERE number = ?1")
            .bind(&number)
            .fetch_optional(&mut **tx)
            .await
            .map_err(|e| StoreError::Other(e.to_string()))?;
        seq += 1;
        if taken.is_none() {
            settings::put(tx, "next_sequence", &seq.to_string()).await.map_err(|e| StoreError::Other(e.to_string()))?;
            return Ok(number);
        }
    }
}

async fn insert_lines(tx: &mut Transaction<'static, Sqlite>, id: i64, lines: &[LineItem]) -> Result<(), sqlx::Error> {
    for (pos, l) in lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO invoice_lines (invoice_id, position, description, quantity_milli, unit_price_minor, tax_rate_bp)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(id)
        .bind(pos as i64)
        .bind(&l.description)
        .bind(l.quantity_milli)
        .bind(l.unit_price_minor)
        .bind(l.tax_rate_bp)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Store {
    /// Stores a new invoice with its lines and timeline entries in one
    /// transaction. Returns its id and number.
    pub async fn create_invoice(&self, inv: &NewInvoice, now: DateTime<Utc>) -> Result<(i64, String), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let (id, number) = insert_invoice(self, &mut tx, inv, now).await?;
        tx.commit().await.map_err(map)?;
        Ok((id, number))
    }

    /// Replaces a draft's content. Issued invoices are refused by the schema.
    pub async fn update_draft(&self, id: i64, inv: &NewInvoice, now: DateTime<Utc>) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let current: Option<InvoiceStanding> =
            sqlx::query_as("SELECT status, client_id, number, paid_minor FROM invoices WHERE id = ?1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(map)?;
        let current = current.ok_or(StoreError::NotFound { entity: "invoice", id })?;
        if current.status.0 != InvoiceStatus::Draft {
            return Err(StoreError::InvoiceImmutable);
        }
        let number_sql = if inv.number.is_some() { "number = ?8," } else { "" };
        let sql = format!(
            "UPDATE invoices SET {number_sql} client_id = ?2, issue_date = ?3, due_date = ?4, currency = ?5,
             subtotal_minor = ?6, tax_minor = ?7, total_minor = ?9, notes = ?10 WHERE id = ?1"
        );
        sqlx::query(AssertSqlSafe(sql))
            .bind(id)
            .bind(inv.client_id)
            .bind(date_str(inv.issue_date))
            .bind(date_str(inv.due_date))
            .bind(inv.currency.code())
            .bind(inv.totals.subtotal_minor)
            .bind(inv.totals.tax_minor)
            .bind(inv.number.clone().unwrap_or_default())
            .bind(inv.totals.total_minor)
            .bind(&inv.notes)
            .execute(&mut *tx)
            .await
            .map_err(|e| match &e {
                sqlx::Error::Database(db) if db.message().contains("invoices.number") => {
                    StoreError::DuplicateNumber(inv.number.clone().unwrap_or_default())
                }
                _ => StoreError::classify(e, self.path()),
            })?;
        sqlx::query("DELETE FROM invoice_lines WHERE invoice_id = ?1").bind(id).execute(&mut *tx).await.map_err(map)?;
        insert_lines(&mut tx, id, &inv.lines).await.map_err(map)?;
        let number: String = sqlx::query_scalar("SELECT number FROM invoices WHERE id = ?1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(map)?;
        if inv.issue {
            issue_in(&mut tx, id, inv.client_id, &number, now).await.map_err(map)?;
        }
        tx.commit().await.map_err(map)
    }

    /// Issues a draft: from now on it is immutable.
    pub async fn issue_invoice(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let row: Option<InvoiceStanding> =
            sqlx::query_as("SELECT status, client_id, number, paid_minor FROM invoices WHERE id = ?1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(map)?;
        let InvoiceStanding { status, client_id, number, .. } =
            row.ok_or(StoreError::NotFound { entity: "invoice", id })?;
        if status.0 != InvoiceStatus::Draft {
            return Err(StoreError::InvoiceImmutable);
        }
        issue_in(&mut tx, id, client_id, &number, now).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// Cancels an invoice that has no payments. The record stays.
    pub async fn cancel_invoice(&self, id: i64, reason: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let row: Option<InvoiceStanding> =
            sqlx::query_as("SELECT status, client_id, number, paid_minor FROM invoices WHERE id = ?1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(map)?;
        let InvoiceStanding { status, client_id, number, paid_minor } =
            row.ok_or(StoreError::NotFound { entity: "invoice", id })?;
        if status.0 == InvoiceStatus::Cancelled || paid_minor > 0 {
            return Err(StoreError::InvoiceImmutable);
        }
        sqlx::query("UPDATE invoices SET status = 'cancelled', cancelled_reason = ?2 WHERE id = ?1")
            .bind(id)
            .bind(reason)
            .execute(&mut *tx)
            .await
            .map_err(map)?;
        let summary = format!("Invoice {number} cancelled");
        let data = json!({ "reason": reason });
        let ev = NewEvent {
            client_id,
            invoice_id: Some(id),
            at: now,
            kind: EventKind::InvoiceCancelled,
            summary: &summary,
            data,
        };
        append(&mut tx, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    pub async fn invoice(&self, id: i64) -> Result<InvoiceRecord, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let row: Option<InvoiceRow> = sqlx::query_as(
            "SELECT i.id, i.number, i.client_id, c.display_name AS client_name, i.status, i.issue_date, i.due_date, i.currency,
                    i.subtotal_minor, i.tax_minor, i.total_minor, i.paid_minor, i.notes, i.created_at, i.cancelled_reason,
                    i.creditor_reference
             FROM invoices i JOIN clients c ON c.id = i.client_id WHERE i.id = ?1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await
        .map_err(map)?;
        let r = row.ok_or(StoreError::NotFound { entity: "invoice", id })?;
        let lines: Vec<LineRow> = sqlx::query_as(
            "SELECT description, quantity_milli, unit_price_minor, tax_rate_bp FROM invoice_lines WHERE invoice_id = ?1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await
        .map_err(map)?;
        Ok(InvoiceRecord {
            id: r.id,
            number: r.number,
            client_id: r.client_id,
            client_name: r.client_name,
            status: r.status.0,
            issue_date: parse_date(&r.issue_date)?,
            due_date: parse_date(&r.due_date)?,
            currency: r.currency.0,
            subtotal_minor: r.subtotal_minor,
            tax_minor: r.tax_minor,
            total_minor: r.total_minor,
            paid_minor: r.paid_minor,
            notes: r.notes,
            created_at: parse_instant(&r.created_at)?,
            cancelled_reason: r.cancelled_reason,
            creditor_reference: r.creditor_reference,
            lines: lines
                .into_iter()
                .map(|l| StoredLine {
                    description: l.description,
                    quantity_milli: l.quantity_milli,
                    unit_price_minor: l.unit_price_minor,
                    tax_rate_bp: l.tax_rate_bp,
                })
                .collect(),
        })
    }

    /// Lists invoices, filtered by state, client and search text, sorted and paged.
    pub async fn list_invoices(&self, q: &InvoiceQuery, today: NaiveDate) -> Result<Page<InvoiceListRow>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let soon = today + Days::new(DUE_SOON_DAYS);
        let mut filters: Vec<&str> = Vec::new();
        if let Some(s) = q.state {
            filters.push(state_predicate(s));
        }
        // Separate forms (not "?3 IS NULL OR …") so the client's index is used.
        filters.push(if q.client_id.is_some() { "i.client_id = ?3" } else { "?3 IS NULL" });
        let search = q.search.trim();
        // A search matches the invoice number or the client's name.
        // Matching ids are found first (numbers via LIKE, which is
        // case-insensitive for ASCII; clients via their search text, then
        // their invoices by index), so the invoices are read by rowid rather
        // than each tested. ?4 is bound either way.
        filters.push(if search.is_empty() {
            "?4 IS NOT NULL"
        } else {
            "i.id IN (SELECT id FROM invoices WHERE number LIKE ?4 ESCAPE '\\'
              UNION SELECT id FROM invoices WHERE client_id IN (SELECT id FROM clients WHERE search_text LIKE ?4 ESCAPE '\\'))"
        });
        let filter = filters.join(" AND ");
        let order = match q.sort {
            InvoiceSort::Attention => format!("{ATTENTION_RANK}, i.due_date, i.id"),
            InvoiceSort::DueAsc => "i.due_date, i.id".to_string(),
            InvoiceSort::DueDesc => "i.due_date DESC, i.id DESC".to_string(),
            InvoiceSort::Newest => "i.id DESC".to_string(),
            InvoiceSort::NumberAsc => "i.number".to_string(),
        };
        let pattern = like_pattern(search);
        let total: i64 = sqlx::query_scalar(AssertSqlSafe(format!("SELECT COUNT(*) FROM invoices i WHERE {filter}")))
            .bind(date_str(today))
            .bind(date_str(soon))
            .bind(q.client_id)
            .bind(&pattern)
            .fetch_one(self.pool())
            .await
            .map_err(map)?;
        let sql = format!(
            "SELECT i.id, i.number, i.client_id, c.display_name AS client_name, i.status, i.issue_date, i.due_date, i.currency,
                    i.total_minor, i.paid_minor
             FROM (SELECT i.* FROM invoices i WHERE {filter} ORDER BY {order} LIMIT ?5 OFFSET ?6) i
             JOIN clients c ON c.id = i.client_id ORDER BY {order}"
        );
        let rows: Vec<InvoiceListDbRow> = sqlx::query_as(AssertSqlSafe(sql))
            .bind(date_str(today))
            .bind(date_str(soon))
            .bind(q.client_id)
            .bind(&pattern)
            .bind(q.limit.clamp(1, 1000))
            .bind(q.offset.max(0))
            .fetch_all(self.pool())
            .await
            .map_err(map)?;
        let rows = rows
            .into_iter()
            .map(|r| {
                let status = r.status.0;
                let due_date = parse_date(&r.due_date)?;
                Ok(InvoiceListRow {
                    id: r.id,
                    number: r.number,
                    client_id: r.client_id,
                    client_name: r.client_name,
                    status,
                    issue_date: parse_date(&r.issue_date)?,
                    due_date,
                    currency: r.currency.0,
                    total_minor: r.total_minor,
                    paid_minor: r.paid_minor,
                    state: derive_state(status, due_date, r.total_minor, r.paid_minor, today),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Page { total, rows })
    }
}

async fn issue_in(
    tx: &mut Transaction<'static, Sqlite>,
    id: i64,
    client_id: i64,
    number: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE invoices SET status = 'issued' WHERE id = ?1 AND status = 'draft'")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    let due: String =
        sqlx::query_scalar("SELECT due_date FROM invoices WHERE id = ?1").bind(id).fetch_one(&mut **tx).await?;
    // The invoice goes on its client's ladder in the same transaction as it
    // is issued, so no issued invoice can be missing from the queue.
    if let Ok(due) = NaiveDate::parse_from_str(&due, "%Y-%m-%d") {
        crate::followups::schedule(tx, id, client_id, due).await?;
    }
    let summary = format!("Invoice {number} issued");
    let ev = NewEvent {
        client_id,
        invoice_id: Some(id),
        at: now,
        kind: EventKind::InvoiceIssued,
        summary: &summary,
        data: json!({}),
    };
    append(tx, &ev).await.map(|_| ())
}

/// Inserts an invoice (a draft, or issued at once) with its lines and
/// timeline entries inside the caller's transaction. Returns its id and number.
pub(crate) async fn insert_invoice(
    store: &Store,
    tx: &mut Transaction<'static, Sqlite>,
    inv: &NewInvoice,
    now: DateTime<Utc>,
) -> Result<(i64, String), StoreError> {
    let map = |e| StoreError::classify(e, store.path());
    let number = match &inv.number {
        Some(n) => n.clone(),
        None => next_number(tx, inv.issue_date).await?,
    };
    let client_exists: Option<i64> = sqlx::query_scalar("SELECT id FROM clients WHERE id = ?1")
        .bind(inv.client_id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(map)?;
    if client_exists.is_none() {
        return Err(StoreError::NotFound { entity: "client", id: inv.client_id });
    }
    // Lines can only be added to a draft; an invoice issued at once is
    // inserted as a draft and issued in the same transaction.
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO invoices (number, client_id, status, issue_date, due_date, currency, subtotal_minor, tax_minor, total_minor, notes, created_at)
         VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
    )
    .bind(&number)
    .bind(inv.client_id)
    .bind(date_str(inv.issue_date))
    .bind(date_str(inv.due_date))
    .bind(inv.currency.code())
    .bind(inv.totals.subtotal_minor)
    .bind(inv.totals.tax_minor)
    .bind(inv.totals.total_minor)
    .bind(&inv.notes)
    .bind(instant_str(now))
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(db) if db.message().contains("invoices.number") => StoreError::DuplicateNumber(number.clone()),
        _ => StoreError::classify(e, store.path()),
    })?;
    insert_lines(tx, id, &inv.lines).await.map_err(map)?;
    let total = Money::new(inv.totals.total_minor, inv.currency).plain();
    let summary = format!("Invoice {number} created ({} {total})", inv.currency);
    let data = json!({ "number": number, "total": total, "currency": inv.currency.code(), "due_date": date_str(inv.due_date) });
    let ev = NewEvent {
        client_id: inv.client_id,
        invoice_id: Some(id),
        at: now,
        kind: EventKind::InvoiceCreated,
        summary: &summary,
        data,
    };
    append(tx, &ev).await.map_err(map)?;
    if inv.issue {
        issue_in(tx, id, inv.client_id, &number, now).await.map_err(map)?;
    }
    Ok((id, number))
}

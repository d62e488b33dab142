//! Invoices: numbering, creation (draft or issued), issuing, cancelling,
//! reading and the filtered, paged list.
//!
//! Ported to both engines (see `engine`). Locks on PostgreSQL:
//! - numbering (`next_number_on`) is a read-check-write of the
//!   `next_sequence` setting: its row is made to exist, then locked
//!   (`FOR UPDATE`) until the invoice's transaction ends, so two machines
//!   creating invoices at once take turns and never render the same number
//!   (a number typed by hand that clashes is `DuplicateNumber`, from the
//!   UNIQUE on `invoices.number` on both engines);
//! - updating, issuing and cancelling read the invoice's standing with its
//!   row locked (`FOR UPDATE`), so a payment or a second issue cannot slip
//!   between the check and the change; issued invoices stay immutable by
//!   the schema's trigger on both engines;
//! - an edit of a draft names the version the user read (issue #19): it is
//!   compared with the version of the locked row, so of two people saving
//!   the same draft the second is `ChangedElsewhere`, naming the first;
//!   editing, issuing and cancelling bump the version and record who and when.
//!
//! The search: SQLite answers from its FTS5 trigram tables
//! (`search_ids_sqlite`), PostgreSQL from the pg_trgm indexes of the base
//! columns with ILIKE (`search_ids_pg`); both give the same ids.

use crate::engine::{on_conn, on_pool, Conn, Engine, Pool};
use crate::row::{Day, Instant, Text};
use crate::timeline::{append_on, NewEvent};
use crate::util::{date_str, Params, SearchMatch};
use crate::{Page, Store, StoreError};
use chrono::{DateTime, Days, NaiveDate, Utc};
use kindly_core::invoice::{derive_state, InvoiceState, InvoiceStatus, LineItem, Totals, DUE_SOON_DAYS};
use kindly_core::numbering;
use kindly_core::timeline::EventKind;
use kindly_core::vocab::AgingBucket;
use kindly_core::{Currency, Money};
use serde_json::json;
use sqlx::AssertSqlSafe;

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
    /// What settles the invoice, capped at its total: credit notes plus
    /// payments less reversals and refunds (migration 0017).
    pub paid_minor: i64,
    /// The sum of its credit notes.
    pub credited_minor: i64,
    /// The sum of its payments as recorded (reversed ones included).
    pub received_minor: i64,
    /// Reversed payments plus refunds.
    pub returned_minor: i64,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub cancelled_reason: Option<String>,
    /// The ISO 11649 creditor reference ("RF…") payers' banks return.
    pub creditor_reference: Option<String>,
    pub lines: Vec<StoredLine>,
    /// Bumped by each edit, issue or cancellation; an edit of a draft names
    /// the version it was made on (issue #19).
    pub version: i64,
    /// Who made the last change and when (none before the first).
    pub changed_by: Option<String>,
    pub changed_at: Option<DateTime<Utc>>,
}

impl InvoiceRecord {
    pub fn state(&self, today: NaiveDate) -> InvoiceState {
        derive_state(self.status, self.due_date, self.total_minor, self.paid_minor, today)
    }

    /// Money received that still counts: payments less reversals and refunds.
    pub fn net_paid_minor(&self) -> i64 {
        self.received_minor - self.returned_minor
    }

    /// The client's credit on this invoice (credit notes and payments beyond
    /// its total) until it is refunded; 0 when they owe or are even.
    pub fn client_credit_minor(&self) -> i64 {
        (self.credited_minor + self.net_paid_minor() - self.total_minor).max(0)
    }

    /// True when credit notes cover the whole total.
    pub fn fully_credited(&self) -> bool {
        self.status == InvoiceStatus::Issued && self.total_minor > 0 && self.credited_minor >= self.total_minor
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
    pub currency: Option<Currency>,
    /// Open invoices whose due date lies in this bucket on the day asked.
    pub aging: Option<AgingBucket>,
    /// Due dates and issue dates, inclusive.
    pub due_from: Option<NaiveDate>,
    pub due_to: Option<NaiveDate>,
    pub issued_from: Option<NaiveDate>,
    pub issued_to: Option<NaiveDate>,
    /// Only issued invoices with something still owing.
    pub open_only: bool,
    /// Only issued invoices (no drafts, none cancelled): what "invoiced" counts.
    pub issued_only: bool,
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
#[derive(sqlx_macros::FromRow)]
struct InvoiceRow {
    id: i64,
    number: String,
    client_id: i64,
    client_name: String,
    status: Text<InvoiceStatus>,
    issue_date: Day,
    due_date: Day,
    currency: Text<Currency>,
    subtotal_minor: i64,
    tax_minor: i64,
    total_minor: i64,
    paid_minor: i64,
    credited_minor: i64,
    received_minor: i64,
    returned_minor: i64,
    notes: String,
    created_at: Instant,
    cancelled_reason: Option<String>,
    creditor_reference: Option<String>,
    version: i64,
    changed_by: Option<String>,
    changed_at: Option<Instant>,
}

#[derive(sqlx_macros::FromRow)]
struct LineRow {
    description: String,
    quantity_milli: i64,
    unit_price_minor: i64,
    tax_rate_bp: i64,
}

/// One row of the invoice list as read.
#[derive(sqlx_macros::FromRow)]
struct InvoiceListDbRow {
    id: i64,
    number: String,
    client_id: i64,
    client_name: String,
    status: Text<InvoiceStatus>,
    issue_date: Day,
    due_date: Day,
    currency: Text<Currency>,
    total_minor: i64,
    paid_minor: i64,
}

/// Where an invoice stands, before a change to it.
#[derive(sqlx_macros::FromRow)]
struct InvoiceStanding {
    status: Text<InvoiceStatus>,
    client_id: i64,
    number: String,
    paid_minor: i64,
    version: i64,
    changed_by: Option<String>,
    changed_at: Option<Instant>,
}

/// The SQL predicate for each derived state. $1 is today, $2 is the last day
/// that counts as "due soon". Mirrors `kindly_core::invoice::derive_state`;
/// the store tests check that the two agree on every state.
fn state_predicate(s: InvoiceState) -> &'static str {
    match s {
        InvoiceState::Cancelled => "i.status = 'cancelled'",
        InvoiceState::Draft => "i.status = 'draft'",
        InvoiceState::Paid => "i.status = 'issued' AND i.paid_minor >= i.total_minor",
        InvoiceState::Overdue => "i.status = 'issued' AND i.paid_minor < i.total_minor AND i.due_date < $1",
        InvoiceState::PartiallyPaid => {
            "i.status = 'issued' AND i.paid_minor < i.total_minor AND i.due_date >= $1 AND i.paid_minor > 0"
        }
        InvoiceState::DueSoon => {
            "i.status = 'issued' AND i.paid_minor < i.total_minor AND i.paid_minor = 0 AND i.due_date >= $1 AND i.due_date <= $2"
        }
        InvoiceState::Open => "i.status = 'issued' AND i.paid_minor < i.total_minor AND i.paid_minor = 0 AND i.due_date > $2",
    }
}

const ATTENTION_RANK: &str = "CASE
    WHEN i.status = 'cancelled' THEN 6 WHEN i.status = 'draft' THEN 4
    WHEN i.paid_minor >= i.total_minor THEN 5 WHEN i.due_date < $1 THEN 0
    WHEN i.paid_minor > 0 THEN 2 WHEN i.due_date <= $2 THEN 1 ELSE 3 END";

/// The next number of the pattern, skipping numbers taken by hand, and the
/// sequence moved past it. On PostgreSQL the `next_sequence` row is locked
/// until the transaction ends (see the module's note), so two machines
/// never render the same number; on SQLite `BEGIN IMMEDIATE` already holds
/// the database's one write lock.
async fn next_number_on(c: &mut Conn<'_>, date: NaiveDate, path: &std::path::Path) -> Result<String, StoreError> {
    // Classified (not a bare database error): a lock that times out is
    // `Busy`, a server gone is `ServerAway`.
    let other = |e: sqlx::Error| StoreError::classify(e, path);
    let lock = format!("SELECT value FROM settings WHERE key = 'next_sequence' {}", c.engine().for_update());
    let pattern: Option<String> = on_conn!(&mut *c, c => {
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'number_pattern'").fetch_optional(c).await
    })
    .map_err(other)?;
    let pattern = pattern.unwrap_or_else(|| numbering::DEFAULT_PATTERN.to_string());
    // The row must exist to be locked: the first invoice of two machines
    // at once would otherwise lock nothing.
    on_conn!(&mut *c, c => {
        sqlx::query("INSERT INTO settings (key, value) VALUES ('next_sequence', '1') ON CONFLICT (key) DO NOTHING")
            .execute(c)
            .await
            .map(|_| ())
    })
    .map_err(other)?;
    let seq: Option<String> =
        on_conn!(&mut *c, c => sqlx::query_scalar(sqlx::AssertSqlSafe(lock)).fetch_optional(c).await).map_err(other)?;
    let mut seq: i64 = seq.and_then(|v| v.parse().ok()).unwrap_or(1);
    // Skip numbers already taken by hand, so the pattern never collides.
    loop {
        let number = numbering::render(&pattern, seq, date).map_err(|e| StoreError::Other(e.to_string()))?;
        let taken: Option<i64> = on_conn!(&mut *c, c => {
            sqlx::query_scalar("SELECT id FROM invoices WHERE number = $1").bind(&number).fetch_optional(c).await
        })
        .map_err(other)?;
        seq += 1;
        if taken.is_none() {
            crate::settings::put_on(c, "next_sequence", &seq.to_string()).await.map_err(other)?;
            return Ok(number);
        }
    }
}

async fn insert_lines_on(c: &mut Conn<'_>, id: i64, lines: &[LineItem]) -> Result<(), sqlx::Error> {
    for (pos, l) in lines.iter().enumerate() {
        on_conn!(&mut *c, c => {
            sqlx::query(
                "INSERT INTO invoice_lines (invoice_id, position, description, quantity_milli, unit_price_minor, tax_rate_bp)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(pos as i64)
            .bind(&l.description)
            .bind(l.quantity_milli)
            .bind(l.unit_price_minor)
            .bind(l.tax_rate_bp)
            .execute(c)
            .await
            .map(|_| ())
        })?;
    }
    Ok(())
}

/// Where an invoice stands, its row locked on PostgreSQL until the
/// transaction ends (see the module's note).
async fn standing_locked(c: &mut Conn<'_>, id: i64) -> Result<Option<InvoiceStanding>, sqlx::Error> {
    let sql = format!(
        "SELECT status, client_id, number, paid_minor, version, changed_by, changed_at FROM invoices WHERE id = $1 {}",
        c.engine().for_update()
    );
    on_conn!(c, c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(c).await)
}

/// The typed error of an insert or update of an invoice's number: a number
/// already taken is `DuplicateNumber` on both engines.
fn number_error(e: sqlx::Error, number: &str, path: &std::path::Path) -> StoreError {
    if StoreError::is_unique_clash(&e, "invoices", "number") {
        StoreError::DuplicateNumber(number.to_string())
    } else {
        StoreError::classify(e, path)
    }
}

impl Store {
    /// Stores a new invoice with its lines and timeline entries in one
    /// transaction. Returns its id and number.
    pub async fn create_invoice(&self, inv: &NewInvoice, now: DateTime<Utc>) -> Result<(i64, String), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let (id, number) = insert_invoice_on(self, &mut tx.conn(), inv, now).await?;
        tx.commit().await.map_err(map)?;
        Ok((id, number))
    }

    /// Replaces a draft's content, if the draft is still at `version` (the
    /// one the user read): else nothing changes and the error names who
    /// changed it since (`ChangedElsewhere`, also when they issued or
    /// cancelled it). Issued invoices are refused by the schema.
    pub async fn update_draft(
        &self,
        id: i64,
        version: i64,
        inv: &NewInvoice,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        // Locked (see the module's note): the version compared here is the
        // one this UPDATE moves on, whoever else is saving.
        let current = standing_locked(&mut c, id).await.map_err(map)?;
        let current = current.ok_or(StoreError::NotFound { entity: "invoice", id })?;
        if current.version != version {
            return Err(StoreError::ChangedElsewhere {
                entity: "invoice",
                by: current.changed_by,
                at: current.changed_at.map(|t| t.0),
            });
        }
        if current.status.0 != InvoiceStatus::Draft {
            return Err(StoreError::InvoiceImmutable);
        }
        let number_sql = if inv.number.is_some() { "number = $8," } else { "" };
        let sql = format!(
            "UPDATE invoices SET {number_sql} client_id = $2, issue_date = $3, due_date = $4, currency = $5,
             subtotal_minor = $6, tax_minor = $7, total_minor = $9, notes = $10,
             version = version + 1, changed_by = {}, changed_at = $11 WHERE id = $1",
            c.engine().member()
        );
        let new_number = inv.number.clone().unwrap_or_default();
        on_conn!(&mut c, c => {
            sqlx::query(AssertSqlSafe(sql))
                .bind(id)
                .bind(inv.client_id)
                .bind(Day(inv.issue_date))
                .bind(Day(inv.due_date))
                .bind(inv.currency.code())
                .bind(inv.totals.subtotal_minor)
                .bind(inv.totals.tax_minor)
                .bind(&new_number)
                .bind(inv.totals.total_minor)
                .bind(&inv.notes)
                .bind(Instant(now))
                .execute(c)
                .await
                .map(|_| ())
        })
        .map_err(|e| number_error(e, &new_number, self.path()))?;
        on_conn!(&mut c, c => sqlx::query("DELETE FROM invoice_lines WHERE invoice_id = $1").bind(id).execute(c).await.map(|_| ()))
            .map_err(map)?;
        insert_lines_on(&mut c, id, &inv.lines).await.map_err(map)?;
        let number: String = on_conn!(&mut c, c => {
            sqlx::query_scalar("SELECT number FROM invoices WHERE id = $1").bind(id).fetch_one(c).await
        })
        .map_err(map)?;
        if inv.issue {
            issue_in_on(&mut c, id, inv.client_id, &number, now).await.map_err(map)?;
        }
        tx.commit().await.map_err(map)
    }

    /// Issues a draft: from now on it is immutable.
    pub async fn issue_invoice(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let row = standing_locked(&mut c, id).await.map_err(map)?;
        let InvoiceStanding { status, client_id, number, .. } =
            row.ok_or(StoreError::NotFound { entity: "invoice", id })?;
        if status.0 != InvoiceStatus::Draft {
            return Err(StoreError::InvoiceImmutable);
        }
        mark_changed_on(&mut c, id, now).await.map_err(map)?;
        issue_in_on(&mut c, id, client_id, &number, now).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// Cancels an invoice that has no payments. The record stays.
    pub async fn cancel_invoice(&self, id: i64, reason: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let row = standing_locked(&mut c, id).await.map_err(map)?;
        let InvoiceStanding { status, client_id, number, paid_minor, .. } =
            row.ok_or(StoreError::NotFound { entity: "invoice", id })?;
        if status.0 == InvoiceStatus::Cancelled || paid_minor > 0 {
            return Err(StoreError::InvoiceImmutable);
        }
        mark_changed_on(&mut c, id, now).await.map_err(map)?;
        on_conn!(&mut c, c => {
            sqlx::query("UPDATE invoices SET status = 'cancelled', cancelled_reason = $2 WHERE id = $1")
                .bind(id)
                .bind(reason)
                .execute(c)
                .await
                .map(|_| ())
        })
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
        append_on(&mut c, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// One invoice with its lines (both engines).
    pub async fn invoice(&self, id: i64) -> Result<InvoiceRecord, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let row: Option<InvoiceRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT i.id, i.number, i.client_id, c.display_name AS client_name, i.status, i.issue_date, i.due_date,
                        i.currency, i.subtotal_minor, i.tax_minor, i.total_minor, i.paid_minor, i.credited_minor,
                        i.returned_minor,
                        CAST(COALESCE((SELECT SUM(p.amount_minor) FROM payments p WHERE p.invoice_id = i.id), 0) AS BIGINT)
                          AS received_minor,
                        i.notes, i.created_at, i.cancelled_reason, i.creditor_reference,
                        i.version, i.changed_by, i.changed_at
                 FROM invoices i JOIN clients c ON c.id = i.client_id WHERE i.id = $1",
            )
            .bind(id)
            .fetch_optional(p)
            .await
        })
        .map_err(map)?;
        let r = row.ok_or(StoreError::NotFound { entity: "invoice", id })?;
        let lines: Vec<LineRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT description, quantity_milli, unit_price_minor, tax_rate_bp FROM invoice_lines
                 WHERE invoice_id = $1 ORDER BY position",
            )
            .bind(id)
            .fetch_all(p)
            .await
        })
        .map_err(map)?;
        Ok(InvoiceRecord {
            id: r.id,
            number: r.number,
            client_id: r.client_id,
            client_name: r.client_name,
            status: r.status.0,
            issue_date: r.issue_date.0,
            due_date: r.due_date.0,
            currency: r.currency.0,
            subtotal_minor: r.subtotal_minor,
            tax_minor: r.tax_minor,
            total_minor: r.total_minor,
            paid_minor: r.paid_minor,
            credited_minor: r.credited_minor,
            received_minor: r.received_minor,
            returned_minor: r.returned_minor,
            notes: r.notes,
            created_at: r.created_at.0,
            cancelled_reason: r.cancelled_reason,
            creditor_reference: r.creditor_reference,
            version: r.version,
            changed_by: r.changed_by,
            changed_at: r.changed_at.map(|t| t.0),
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

    /// Lists invoices, filtered by state, client, search text, currency,
    /// aging bucket and date ranges, sorted and paged.
    ///
    /// The whole-book lists read index ranges and take their totals from
    /// `invoice_tallies` (migration 0013); lists narrowed to a client, a
    /// search or an issue period count and sort their (smaller) set.
    pub async fn list_invoices(&self, q: &InvoiceQuery, today: NaiveDate) -> Result<Page<InvoiceListRow>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let soon = today + Days::new(DUE_SOON_DAYS);
        let mut p = Params::default();
        // $1 and $2 are today and the last "due soon" day in every query.
        p.day(today);
        p.day(soon);
        let matches = match SearchMatch::new(&q.search) {
            SearchMatch::None => None,
            m => Some(self.search_ids(&m).await?),
        };
        let f = Filters::new(q, today, matches.as_ref(), &mut p, self.engine());
        let limit = q.limit.clamp(1, 1000);
        let offset = q.offset.max(0);
        // The groups of the attention order that this query can hold.
        let groups: Vec<InvoiceState> = ATTENTION_ORDER
            .into_iter()
            .filter(|s| q.state.is_none_or(|x| x == *s))
            .filter(|s| !f.open_only || is_open(*s))
            .filter(|s| !q.issued_only || !matches!(s, InvoiceState::Draft | InvoiceState::Cancelled))
            .collect();
        let tallied = !f.narrow;
        let mut counts = Vec::with_capacity(groups.len());
        if tallied {
            for s in &groups {
                let sql = format!(
                    "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM invoice_tallies t WHERE {} AND {}",
                    tally_predicate(*s),
                    f.tally_sql()
                );
                let n: i64 = on_pool!(self.pool(), pool => {
                    sqlx::query_scalar_with(AssertSqlSafe(sql), p.args_on(pool)).fetch_one(pool).await
                })
                .map_err(map)?;
                counts.push(n);
            }
        }
        let any_group = |gs: &[InvoiceState]| {
            if gs.len() == ATTENTION_ORDER.len() {
                // Every invoice is in one of them.
                "TRUE".to_string()
            } else if gs.is_empty() {
                "FALSE".to_string()
            } else {
                format!("({})", gs.iter().map(|s| state_predicate(*s)).collect::<Vec<_>>().join(" OR "))
            }
        };
        let total: i64 = if tallied {
            counts.iter().sum()
        } else if let Some(m) = &f.search {
            // The two parts of a search's matches counted apart: a count over
            // their union would first copy every matching row.
            let cond = format!("{} AND {}", f.sql(), any_group(&groups));
            let sql = format!(
                "SELECT (SELECT COUNT(*) FROM invoices i WHERE i.client_id IN ({c}) AND {cond})
                      + (SELECT COUNT(*) FROM invoices i WHERE i.id IN ({n})
                           AND i.client_id NOT IN ({c}) AND {cond})",
                c = m.clients,
                n = m.numbers
            );
            on_pool!(self.pool(), pool => {
                sqlx::query_scalar_with(AssertSqlSafe(sql), p.args_on(pool)).fetch_one(pool).await
            })
            .map_err(map)?
        } else {
            let sql = format!("SELECT COUNT(*) FROM {} WHERE {} AND {}", f.source, f.sql(), any_group(&groups));
            on_pool!(self.pool(), pool => {
                sqlx::query_scalar_with(AssertSqlSafe(sql), p.args_on(pool)).fetch_one(pool).await
            })
            .map_err(map)?
        };
        let mut rows = Vec::new();
        if tallied && q.sort == InvoiceSort::Attention {
            // One index range per group, in the attention order.
            let (mut skip, mut need) = (offset, limit);
            for (s, n) in groups.iter().zip(&counts) {
                if need == 0 {
                    break;
                }
                if skip >= *n {
                    skip -= n;
                    continue;
                }
                let filter = format!("{} AND {}", f.sql(), state_predicate(*s));
                let got = self.invoice_page(&f.source, &filter, "i.due_date, i.id", &p, need, skip).await?;
                need -= got.len() as i64;
                skip = 0;
                rows.extend(got);
            }
        } else if q.sort == InvoiceSort::Attention && f.search_only() && total > SEARCH_WALK_MIN {
            rows = self.search_page_by_group(&f, &groups, &p, limit, offset).await?;
        } else {
            let order = match q.sort {
                InvoiceSort::Attention => format!("{ATTENTION_RANK}, i.due_date, i.id"),
                InvoiceSort::DueAsc => "i.due_date, i.id".to_string(),
                InvoiceSort::DueDesc => "i.due_date DESC, i.id DESC".to_string(),
                InvoiceSort::Newest => "i.id DESC".to_string(),
                InvoiceSort::NumberAsc => self.engine().binary_order("i.number"),
            };
            let filter = format!("{} AND {}", f.sql(), any_group(&groups));
            rows = self.invoice_page(&f.source, &filter, &order, &p, limit, offset).await?;
        }
        let rows = rows
            .into_iter()
            .map(|r| {
                let status = r.status.0;
                let due_date = r.due_date.0;
                InvoiceListRow {
                    id: r.id,
                    number: r.number,
                    client_id: r.client_id,
                    client_name: r.client_name,
                    status,
                    issue_date: r.issue_date.0,
                    due_date,
                    currency: r.currency.0,
                    total_minor: r.total_minor,
                    paid_minor: r.paid_minor,
                    state: derive_state(status, due_date, r.total_minor, r.paid_minor, today),
                }
            })
            .collect::<Vec<_>>();
        Ok(Page { total, rows })
    }

    /// One page of invoices matching `filter`, with their client's name.
    async fn invoice_page(
        &self,
        source: &str,
        filter: &str,
        order: &str,
        p: &Params,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<InvoiceListDbRow>, StoreError> {
        let sql = page_sql(source, filter, order, limit, offset);
        on_pool!(self.pool(), pool => sqlx::query_as_with(AssertSqlSafe(sql), p.args_on(pool)).fetch_all(pool).await)
            .map_err(|e| StoreError::classify(e, self.path()))
    }
}

/// One page of invoices from `source` matching `filter`, with their client's
/// name: the page's ids first (from a covering index where one fits), then
/// their rows, since sorting ids does not read every matching row.
fn page_sql(source: &str, filter: &str, order: &str, limit: i64, offset: i64) -> String {
    format!(
        "SELECT i.id, i.number, i.client_id, c.display_name AS client_name, i.status, i.issue_date, i.due_date, i.currency,
                i.total_minor, i.paid_minor
         FROM (SELECT i.id FROM {source} WHERE {filter} ORDER BY {order} LIMIT {limit} OFFSET {offset}) k
         JOIN invoices i ON i.id = k.id JOIN clients c ON c.id = i.client_id ORDER BY {order}"
    )
}

/// A search with more matches than this pages through them group by group
/// ([`Store::search_page_by_group`]); fewer are sorted in one pass, which
/// costs less for them.
const SEARCH_WALK_MIN: i64 = 1_000;

/// The most `invoices_unpaid` entries a walk in due-date order is expected
/// to read for one page before sorting the group's matches costs less.
const WALK_MAX_ENTRIES: i64 = 60_000;

impl Store {
    /// One page of a search's matches in the attention order, a group at a
    /// time. Sorting tens of thousands of matches by their rank was most of
    /// a broad search's time (a client name shared by 3,590 clients: 36,067
    /// invoices, 63 ms); an open group is instead read from `invoices_unpaid`
    /// in due-date order, keeping the matches, when they are dense enough
    /// among the open invoices for a page to come soon; otherwise (and for
    /// paid, draft and cancelled invoices) the group's own matches are sorted.
    async fn search_page_by_group(
        &self,
        f: &Filters,
        groups: &[InvoiceState],
        p: &Params,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<InvoiceListDbRow>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let Some(m) = &f.search else { return Ok(Vec::new()) };
        let member = if m.no_numbers {
            format!("i.client_id IN ({})", m.clients)
        } else {
            format!("(i.client_id IN ({c}) OR i.id IN ({n}))", c = m.clients, n = m.numbers)
        };
        // How many matches each group holds, by rank (= position in
        // ATTENTION_ORDER); only a later page needs them, to skip groups.
        let per_group: Option<Vec<i64>> = if offset > 0 {
            let sql = format!("SELECT CAST({ATTENTION_RANK} AS BIGINT) AS r, COUNT(*) FROM {} GROUP BY r", f.source);
            let got: Vec<(i64, i64)> = on_pool!(self.pool(), pool => {
                sqlx::query_as_with(AssertSqlSafe(sql), p.args_on(pool)).fetch_all(pool).await
            })
            .map_err(map)?;
            let mut n = vec![0; ATTENTION_ORDER.len()];
            for (r, c) in got {
                if let Some(slot) = usize::try_from(r).ok().and_then(|r| n.get_mut(r)) {
                    *slot = c;
                }
            }
            Some(n)
        } else {
            None
        };
        // The matches' open invoices (from what each client owes) against
        // all open invoices: how sparse a walk would find them.
        let sql = format!(
            "SELECT CAST(COALESCE(SUM(open_invoices), 0) AS BIGINT) FROM client_balances WHERE client_id IN ({})",
            m.clients
        );
        let open_matches: i64 = on_pool!(self.pool(), pool => {
            sqlx::query_scalar_with(AssertSqlSafe(sql), p.args_on(pool)).fetch_one(pool).await
        })
        .map_err(map)?;
        let open_all: i64 = on_pool!(self.pool(), pool => {
            sqlx::query_scalar(
                "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM invoice_tallies WHERE kind IN ('unpaid', 'part')",
            )
            .fetch_one(pool)
            .await
        })
        .map_err(map)?;
        let (mut skip, mut need) = (offset, limit);
        let mut rows = Vec::new();
        for s in groups {
            if need == 0 {
                break;
            }
            if let Some(n) = per_group.as_ref().and_then(|n| ATTENTION_ORDER.iter().position(|g| g == s).map(|k| n[k]))
            {
                if skip >= n {
                    skip -= n;
                    continue;
                }
            }
            let walk = is_open(*s)
                && open_matches > 0
                && (skip + need).saturating_mul(open_all) <= WALK_MAX_ENTRIES.saturating_mul(open_matches);
            let got = if let (true, Pool::Postgres(pool)) = (walk, self.pool()) {
                self.walk_page_pg(pool, m, *s, p, need, skip).await?
            } else if walk {
                let filter = format!("{} AND {member}", state_predicate(*s));
                let source = format!("invoices i {}", self.engine().indexed_by("invoices_unpaid"));
                self.invoice_page(&source, &filter, "i.due_date, i.id", p, need, skip).await?
            } else {
                let filter = format!("{} AND {}", f.sql(), state_predicate(*s));
                self.invoice_page(&f.source, &filter, "i.due_date, i.id", p, need, skip).await?
            };
            need -= got.len() as i64;
            skip = 0;
            rows.extend(got);
        }
        Ok(rows)
    }

    /// [`Store::search_page_by_group`]'s walk of one open group in due-date
    /// order, on PostgreSQL. The clients are bound as one BIGINT array and
    /// the statement is planned with it (not cached): PostgreSQL then knows
    /// how many clients match and walks the covering `invoices_unpaid` in
    /// order, keeping theirs (1.2 ms for a page where 1,285 clients of
    /// 36,000 match), as SQLite's `INDEXED BY` makes it. Through the JSON
    /// list it estimated 100 clients and read each one's invoices instead
    /// (41 ms); a cached generic plan does the same (docs/benchmarks.md).
    async fn walk_page_pg(
        &self,
        pool: &sqlx::PgPool,
        m: &SearchParams,
        s: InvoiceState,
        p: &Params,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<InvoiceListDbRow>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let ids = format!("${}", p.len() + 1);
        let member = if m.no_numbers {
            format!("i.client_id = ANY({ids})")
        } else {
            format!("(i.client_id = ANY({ids}) OR i.id IN ({}))", m.numbers)
        };
        let filter = format!("{} AND {member}", state_predicate(s));
        let sql = page_sql("invoices i", &filter, "i.due_date, i.id", limit, offset);
        let mut args = p.pg_args();
        sqlx::Arguments::add(&mut args, m.client_ids.as_slice()).map_err(|e| StoreError::Other(e.to_string()))?;
        sqlx::query_as_with(AssertSqlSafe(sql), args).persistent(false).fetch_all(pool).await.map_err(map)
    }
}

/// The attention order: overdue (oldest due date first), due soon, partly
/// paid, open, drafts, paid, cancelled. Mirrors [`ATTENTION_RANK`].
const ATTENTION_ORDER: [InvoiceState; 7] = [
    InvoiceState::Overdue,
    InvoiceState::DueSoon,
    InvoiceState::PartiallyPaid,
    InvoiceState::Open,
    InvoiceState::Draft,
    InvoiceState::Paid,
    InvoiceState::Cancelled,
];

/// The `invoice_tallies` rows of each derived state (kinds and due dates;
/// $1 is today, $2 the last "due soon" day), as [`state_predicate`] on invoices.
fn tally_predicate(s: InvoiceState) -> &'static str {
    match s {
        InvoiceState::Cancelled => "t.kind = 'cancelled'",
        InvoiceState::Draft => "t.kind = 'draft'",
        InvoiceState::Paid => "t.kind = 'paid'",
        InvoiceState::Overdue => "t.kind IN ('unpaid', 'part') AND t.due_date < $1",
        InvoiceState::PartiallyPaid => "t.kind = 'part' AND t.due_date >= $1",
        InvoiceState::DueSoon => "t.kind = 'unpaid' AND t.due_date >= $1 AND t.due_date <= $2",
        InvoiceState::Open => "t.kind = 'unpaid' AND t.due_date > $2",
    }
}

/// The filters of an [`InvoiceQuery`] other than its state, as SQL over
/// `invoices i` (and, for those that `invoice_tallies` can answer, over `t`).
struct Filters {
    /// Conditions on currency and due date: what the tallies know too.
    tally: Vec<String>,
    /// Every other condition (client, search, issue dates).
    more: Vec<String>,
    /// Only open invoices (issued, something owing).
    open_only: bool,
    /// A client, search or issue period narrows the set: count and sort it.
    narrow: bool,
    /// What the rows come from: `invoices i`, or a search's matches as `i`.
    source: String,
    /// A search's matches, as the placeholders of their JSON id lists.
    search: Option<SearchParams>,
}

/// A search's matching client ids and invoice ids, as subqueries over the
/// placeholders of their JSON id lists.
struct SearchParams {
    clients: String,
    numbers: String,
    /// [`SearchIds::client_ids`].
    client_ids: Vec<i64>,
    /// No invoice matched by its number alone.
    no_numbers: bool,
}

/// What a search matched: clients (by name, company, e-mail) and invoices
/// (by number), found once per list request and read by id from then on,
/// as JSON arrays for `json_each`: SQLite makes them, so the ids cross into
/// Rust as one value, not a row each (3,590 rows cost ~20 ms through sqlx).
pub(crate) struct SearchIds {
    pub(crate) clients: String,
    pub(crate) invoices: String,
    /// The matching clients' ids as well, on PostgreSQL (empty on SQLite):
    /// the walk in due-date order binds them as an array
    /// ([`Store::walk_page_pg`]).
    pub(crate) client_ids: Vec<i64>,
}

impl SearchIds {
    fn none() -> SearchIds {
        SearchIds { clients: "[]".into(), invoices: "[]".into(), client_ids: Vec::new() }
    }
}

impl Store {
    /// The clients and invoice numbers a search matches (see [`SearchMatch`]).
    pub(crate) async fn search_ids(&self, m: &SearchMatch) -> Result<SearchIds, StoreError> {
        match self.engine() {
            Engine::Sqlite => self.search_ids_sqlite(m).await,
            Engine::Postgres => self.search_ids_pg(m).await,
        }
    }

    /// [`Store::search_ids`] through SQLite's FTS5 trigram tables.
    async fn search_ids_sqlite(&self, m: &SearchMatch) -> Result<SearchIds, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let pool = self.sqlite("the search")?;
        let mut p = Params::default();
        let Some(cond) = m.clients_sql("c", &mut p) else {
            return Ok(SearchIds::none());
        };
        let sql = match m {
            // The index's own answer: no client row is read (a search
            // matching 3,590 clients read each of them again, 8 ms).
            SearchMatch::Substring { raw, exact } if raw == exact => {
                "SELECT json_group_array(rowid) FROM client_search WHERE search_text LIKE $1".to_string()
            }
            _ => format!("SELECT json_group_array(c.id) FROM clients c WHERE {cond}"),
        };
        let clients: String =
            sqlx::query_scalar_with(AssertSqlSafe(sql), p.args()).fetch_one(pool).await.map_err(map)?;
        // Numbers need three characters (a trigram): a shorter search
        // matches names only.
        let invoices: String = match m {
            SearchMatch::Substring { raw, exact } if raw == exact => {
                sqlx::query_scalar("SELECT json_group_array(rowid) FROM invoice_number_search WHERE number LIKE $1")
                    .bind(raw)
                    .fetch_one(pool)
                    .await
                    .map_err(map)?
            }
            SearchMatch::Substring { raw, exact } => sqlx::query_scalar(
                "SELECT json_group_array(id) FROM invoices
                 WHERE id IN (SELECT rowid FROM invoice_number_search WHERE number LIKE $1)
                   AND number LIKE $2 ESCAPE '\\'",
            )
            .bind(raw)
            .bind(exact)
            .fetch_one(pool)
            .await
            .map_err(map)?,
            _ => "[]".into(),
        };
        Ok(SearchIds { clients, invoices, client_ids: Vec::new() })
    }

    /// [`Store::search_ids`] on PostgreSQL: the pg_trgm (GIN) indexes of
    /// `clients.search_text` and `invoices.number` answer ILIKE (SQLite's
    /// LIKE ignores ASCII case, as the FTS5 trigram tables do); a prefix of
    /// one or two characters reads `clients_by_search_text` in byte order
    /// (`COLLATE "C"`, SQLite's order), whatever the database's locale.
    async fn search_ids_pg(&self, m: &SearchMatch) -> Result<SearchIds, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let Pool::Postgres(pool) = self.pool() else { return self.search_ids_sqlite(m).await };
        let (clients, invoices): (Vec<i64>, Vec<i64>) = match m {
            SearchMatch::None => return Ok(SearchIds::none()),
            SearchMatch::Substring { raw, exact } => {
                let clients = sqlx::query_scalar(
                    "SELECT id FROM clients WHERE search_text ILIKE $1 AND search_text ILIKE $2 ESCAPE '\\'",
                )
                .bind(raw)
                .bind(exact)
                .fetch_all(pool)
                .await
                .map_err(map)?;
                let invoices =
                    sqlx::query_scalar("SELECT id FROM invoices WHERE number ILIKE $1 AND number ILIKE $2 ESCAPE '\\'")
                        .bind(raw)
                        .bind(exact)
                        .fetch_all(pool)
                        .await
                        .map_err(map)?;
                (clients, invoices)
            }
            SearchMatch::Prefix { from, to } => {
                let clients = sqlx::query_scalar(
                    "SELECT id FROM clients WHERE search_text COLLATE \"C\" >= $1 AND search_text COLLATE \"C\" < $2",
                )
                .bind(from)
                .bind(to)
                .fetch_all(pool)
                .await
                .map_err(map)?;
                (clients, Vec::new())
            }
        };
        let json = |ids: &Vec<i64>| serde_json::to_string(ids).map_err(|e| StoreError::Other(e.to_string()));
        let clients_json = json(&clients)?;
        Ok(SearchIds { clients: clients_json, invoices: json(&invoices)?, client_ids: clients })
    }
}

/// The columns a list filters and sorts on (all in `invoices_by_client`).
const SOURCE_COLUMNS: &str = "id, client_id, status, issue_date, due_date, currency, total_minor, paid_minor";

impl Filters {
    fn new(q: &InvoiceQuery, today: NaiveDate, matches: Option<&SearchIds>, p: &mut Params, engine: Engine) -> Filters {
        let mut tally = Vec::new();
        let mut more = Vec::new();
        if let Some(c) = q.currency {
            tally.push(format!("{{t}}.currency = {}", p.text(c.code())));
        }
        let (mut due_from, mut due_to) = (q.due_from, q.due_to);
        if let Some(bucket) = q.aging {
            let (from, to) = bucket.due_dates(today);
            due_from = max_opt(due_from, from);
            due_to = min_opt(due_to, to);
        }
        if let Some(d) = due_from {
            tally.push(format!("{{t}}.due_date >= {}", p.day(d)));
        }
        if let Some(d) = due_to {
            tally.push(format!("{{t}}.due_date <= {}", p.day(d)));
        }
        if let Some(id) = q.client_id {
            more.push(format!("i.client_id = {}", p.int(id)));
        }
        if let Some(d) = q.issued_from {
            more.push(format!("i.issue_date >= {}", p.day(d)));
        }
        if let Some(d) = q.issued_to {
            more.push(format!("i.issue_date <= {}", p.day(d)));
        }
        // A search reads the matching invoices' columns from indexes (the
        // client's through the covering `invoices_by_client`), never their rows.
        let cols =
            if q.sort == InvoiceSort::NumberAsc { format!("{SOURCE_COLUMNS}, number") } else { SOURCE_COLUMNS.into() };
        let search = matches.map(|m| SearchParams {
            clients: engine.json_int_values(&p.text(m.clients.clone())),
            numbers: engine.json_int_values(&p.text(m.invoices.clone())),
            client_ids: m.client_ids.clone(),
            no_numbers: m.invoices == "[]",
        });
        let source = search.as_ref().map(|m| {
            let (clients, numbers) = (&m.clients, &m.numbers);
            // Invoices of matching clients, then those matching by number
            // only: no invoice twice, without sorting the whole set to find out.
            format!(
                "(SELECT {cols} FROM invoices WHERE client_id IN ({clients})
                  UNION ALL SELECT {cols} FROM invoices WHERE id IN ({numbers})
                    AND client_id NOT IN ({clients})) i"
            )
        });
        let narrow = !more.is_empty() || source.is_some();
        let source = source.unwrap_or_else(|| "invoices i".into());
        Filters { tally, more, source, search, open_only: q.open_only || q.aging.is_some(), narrow }
    }

    /// A search with no other condition.
    fn search_only(&self) -> bool {
        self.search.is_some() && self.tally.is_empty() && self.more.is_empty()
    }

    /// Every condition, on `invoices i`.
    fn sql(&self) -> String {
        let mut all: Vec<String> = self.tally.iter().map(|c| c.replace("{t}", "i")).collect();
        all.extend(self.more.iter().cloned());
        if all.is_empty() {
            "TRUE".to_string()
        } else {
            all.join(" AND ")
        }
    }

    /// The currency and due-date conditions, on `invoice_tallies t`.
    fn tally_sql(&self) -> String {
        if self.tally.is_empty() {
            "TRUE".to_string()
        } else {
            self.tally.iter().map(|c| c.replace("{t}", "t")).collect::<Vec<_>>().join(" AND ")
        }
    }
}

/// The states of an issued invoice with something owing.
fn is_open(s: InvoiceState) -> bool {
    matches!(s, InvoiceState::Overdue | InvoiceState::DueSoon | InvoiceState::PartiallyPaid | InvoiceState::Open)
}

fn max_opt(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn min_opt(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Moves an invoice's version on and records the transaction's member and
/// `now` as its last change (issuing or cancelling a draft someone may be
/// editing; its row is locked by then on PostgreSQL).
async fn mark_changed_on(c: &mut Conn<'_>, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let sql = format!(
        "UPDATE invoices SET version = version + 1, changed_by = {}, changed_at = $2 WHERE id = $1",
        c.engine().member()
    );
    on_conn!(c, c => sqlx::query(AssertSqlSafe(sql)).bind(id).bind(Instant(now)).execute(c).await.map(|_| ()))
}

async fn issue_in_on(
    c: &mut Conn<'_>,
    id: i64,
    client_id: i64,
    number: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let due: Day = on_conn!(&mut *c, c => {
        sqlx::query("UPDATE invoices SET status = 'issued' WHERE id = $1 AND status = 'draft'")
            .bind(id)
            .execute(&mut *c)
            .await?;
        sqlx::query_scalar("SELECT due_date FROM invoices WHERE id = $1").bind(id).fetch_one(c).await
    })?;
    // The invoice goes on its client's ladder in the same transaction as it
    // is issued, so no issued invoice can be missing from the queue.
    crate::followups::schedule(c, id, client_id, due.0).await?;
    let summary = format!("Invoice {number} issued");
    let ev = NewEvent {
        client_id,
        invoice_id: Some(id),
        at: now,
        kind: EventKind::InvoiceIssued,
        summary: &summary,
        data: json!({}),
    };
    append_on(c, &ev).await.map(|_| ())
}

/// Inserts an invoice (a draft, or issued at once) with its lines and
/// timeline entries inside the caller's transaction. Returns its id and number.
pub(crate) async fn insert_invoice_on(
    store: &Store,
    c: &mut Conn<'_>,
    inv: &NewInvoice,
    now: DateTime<Utc>,
) -> Result<(i64, String), StoreError> {
    let map = |e| StoreError::classify(e, store.path());
    let number = match &inv.number {
        Some(n) => n.clone(),
        None => next_number_on(c, inv.issue_date, store.path()).await?,
    };
    let client_exists: Option<i64> = on_conn!(&mut *c, c => {
        sqlx::query_scalar("SELECT id FROM clients WHERE id = $1").bind(inv.client_id).fetch_optional(c).await
    })
    .map_err(map)?;
    if client_exists.is_none() {
        return Err(StoreError::NotFound { entity: "client", id: inv.client_id });
    }
    // Lines can only be added to a draft; an invoice issued at once is
    // inserted as a draft and issued in the same transaction.
    let id: i64 = on_conn!(&mut *c, c => {
        sqlx::query_scalar(
            "INSERT INTO invoices (number, client_id, status, issue_date, due_date, currency, subtotal_minor, tax_minor, total_minor, notes, created_at)
             VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(&number)
        .bind(inv.client_id)
        .bind(Day(inv.issue_date))
        .bind(Day(inv.due_date))
        .bind(inv.currency.code())
        .bind(inv.totals.subtotal_minor)
        .bind(inv.totals.tax_minor)
        .bind(inv.totals.total_minor)
        .bind(&inv.notes)
        .bind(Instant(now))
        .fetch_one(c)
        .await
    })
    .map_err(|e| number_error(e, &number, store.path()))?;
    insert_lines_on(c, id, &inv.lines).await.map_err(map)?;
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
    append_on(c, &ev).await.map_err(map)?;
    if inv.issue {
        issue_in_on(c, id, inv.client_id, &number, now).await.map_err(map)?;
    }
    Ok((id, number))
}

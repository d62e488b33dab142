//! Clients: create, update, change chasing, read, list and search.
//!
//! Ported to both engines (see `engine`): create, update, chasing, read,
//! what a client owes and the list (search, balances); each write changes
//! one row by id, so PostgreSQL needs no row lock. An edit is conditional
//! on the version the user read (`WHERE id = $1 AND version = $12`, issue
//! #19): on PostgreSQL a second edit racing the first waits for its row
//! lock and then re-checks the condition on the row the first left, so the
//! later one changes nothing and is `ChangedElsewhere`, never a silent
//! overwrite; still no read-check-write of our own. The list's name order
//! is SQLite's `COLLATE NOCASE`, PostgreSQL's `lower()` (`Engine::nocase`);
//! its search is `Store::search_ids` (FTS5 on SQLite, pg_trgm on PostgreSQL).

use crate::engine::{on_pool, on_tx, WriteTx};
use crate::row::{Day, Instant, Text};
use crate::timeline::{append_any, NewEvent};
use crate::util::{date_str, Params, SearchMatch};
use crate::{Page, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::client::{Chasing, ClientDetails};
use kindly_core::locale::Locale;
use kindly_core::timeline::EventKind;
use kindly_core::Currency;
use serde_json::json;
use sqlx::AssertSqlSafe;

#[derive(Clone, Debug, PartialEq)]
pub struct ClientRecord {
    pub id: i64,
    pub details: ClientDetails,
    pub chasing: Chasing,
    pub created_at: DateTime<Utc>,
    /// Bumped by each edit of the details; an edit names the version it was
    /// made on (issue #19).
    pub version: i64,
    /// Who made the last edit and when (none before the first edit).
    pub changed_by: Option<String>,
    pub changed_at: Option<DateTime<Utc>>,
}

pub use kindly_core::vocab::ClientSort;

pub use kindly_core::vocab::ClientBalanceFilter;

#[derive(Clone, Debug)]
pub struct ClientQuery {
    pub search: String,
    pub sort: ClientSort,
    /// The currency "owed" and "overdue" are sorted and filtered in.
    pub currency: Currency,
    pub balance: ClientBalanceFilter,
    pub offset: i64,
    pub limit: i64,
}

impl Default for ClientQuery {
    fn default() -> ClientQuery {
        ClientQuery {
            search: String::new(),
            sort: ClientSort::default(),
            currency: Currency::EUR,
            balance: ClientBalanceFilter::default(),
            offset: 0,
            limit: 100,
        }
    }
}

/// One row of the client list, with what the client owes (per currency) and
/// how many of their invoices are overdue on the day asked.
#[derive(Clone, Debug, PartialEq)]
pub struct ClientListRow {
    pub id: i64,
    pub display_name: String,
    pub company: Option<String>,
    pub email: Option<String>,
    pub chasing: String,
    pub owing: Vec<(String, i64)>,
    /// What is overdue on the day asked, per currency.
    pub overdue: Vec<(String, i64)>,
    pub overdue_invoices: i64,
    /// Days since the earliest due date still open, when that is before the
    /// day asked (in any currency).
    pub oldest_overdue_days: Option<i64>,
}

pub(crate) fn search_text(d: &ClientDetails) -> String {
    let mut s = d.display_name.to_lowercase();
    for part in [Some(&d.greeting_name), d.company.as_ref()].into_iter().flatten() {
        s.push('\n');
        s.push_str(&part.to_lowercase());
    }
    for e in &d.emails {
        s.push('\n');
        s.push_str(&e.to_lowercase());
    }
    s
}

fn chasing_columns(c: &Chasing) -> (&'static str, Option<NaiveDate>, String) {
    match c {
        Chasing::On => ("on", None, String::new()),
        Chasing::PausedUntil { until, reason } => ("paused", Some(*until), reason.clone()),
        Chasing::Off { reason } => ("off", None, reason.clone()),
    }
}

#[derive(sqlx_macros::FromRow)]
struct ClientRow {
    id: i64,
    display_name: String,
    greeting_name: String,
    company: Option<String>,
    emails: String,
    phone: Option<String>,
    address: String,
    language: Text<Locale>,
    notes: String,
    chasing: String,
    chasing_until: Option<Day>,
    chasing_reason: String,
    created_at: Instant,
    version: i64,
    changed_by: Option<String>,
    changed_at: Option<Instant>,
}

const CLIENT_COLUMNS: &str = "id, display_name, greeting_name, company, emails, phone, address, language, notes, chasing, chasing_until, chasing_reason, created_at, version, changed_by, changed_at";

/// Who changed a row last and when, read after a conditional edit changed nothing.
#[derive(sqlx_macros::FromRow)]
pub(crate) struct LastChange {
    pub(crate) changed_by: Option<String>,
    pub(crate) changed_at: Option<Instant>,
}

/// Reads the chasing columns back (the reverse of [`chasing_columns`]).
fn chasing_from_columns(mode: &str, until: Option<Day>, reason: String) -> Result<Chasing, StoreError> {
    match (mode, until) {
        ("on", _) => Ok(Chasing::On),
        ("paused", Some(until)) => Ok(Chasing::PausedUntil { until: until.0, reason }),
        ("off", _) => Ok(Chasing::Off { reason }),
        _ => Err(StoreError::Other(format!("the database holds an unknown chasing mode {mode:?}"))),
    }
}

impl ClientRow {
    fn into_record(self) -> Result<ClientRecord, StoreError> {
        Ok(ClientRecord {
            id: self.id,
            details: ClientDetails {
                display_name: self.display_name,
                greeting_name: self.greeting_name,
                company: self.company,
                emails: serde_json::from_str(&self.emails).unwrap_or_default(),
                phone: self.phone,
                address: self.address,
                language: self.language.0,
                notes: self.notes,
            },
            chasing: chasing_from_columns(&self.chasing, self.chasing_until, self.chasing_reason)?,
            created_at: self.created_at.0,
            version: self.version,
            changed_by: self.changed_by,
            changed_at: self.changed_at.map(|t| t.0),
        })
    }
}

/// One row of the client list as read.
#[derive(sqlx_macros::FromRow)]
struct ClientListDbRow {
    id: i64,
    display_name: String,
    company: Option<String>,
    emails: String,
    chasing: String,
    owing: Option<String>,
    overdue: Option<String>,
    overdue_invoices: i64,
    oldest_overdue: Option<Day>,
}

/// What is owed in one currency.
#[derive(sqlx_macros::FromRow)]
struct OwingRow {
    currency: String,
    owing_minor: i64,
}

impl Store {
    pub async fn create_client(&self, d: &ClientDetails, now: DateTime<Utc>) -> Result<i64, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let id = insert_client_any(&mut tx, d, now).await.map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    /// Replaces a client's details, if the client is still at `version`
    /// (the one the user read): else nothing changes and the error names who
    /// changed it since (`ChangedElsewhere`). Bumps the version and records
    /// the member and `now` as the last change.
    pub async fn update_client(
        &self,
        id: i64,
        version: i64,
        d: &ClientDetails,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let sql = format!(
            "UPDATE clients SET display_name = $2, greeting_name = $3, company = $4, emails = $5, phone = $6,
             address = $7, language = $8, notes = $9, search_text = $10,
             version = version + 1, changed_by = {}, changed_at = $11
             WHERE id = $1 AND version = $12",
            self.engine().member()
        );
        let n = on_tx!(&mut tx, c => {
            sqlx::query(AssertSqlSafe(sql))
            .bind(id)
            .bind(&d.display_name)
            .bind(&d.greeting_name)
            .bind(&d.company)
            .bind(serde_json::to_string(&d.emails).unwrap_or_else(|_| "[]".into()))
            .bind(&d.phone)
            .bind(&d.address)
            .bind(d.language.code())
            .bind(&d.notes)
            .bind(search_text(d))
            .bind(Instant(now))
            .bind(version)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
        })
        .map_err(map)?;
        if n == 0 {
            // Gone, or someone's edit moved the version on (committed: on
            // PostgreSQL the UPDATE waited for it and re-checked).
            let last: Option<LastChange> = on_tx!(&mut tx, c => {
                sqlx::query_as("SELECT changed_by, changed_at FROM clients WHERE id = $1").bind(id).fetch_optional(c).await
            })
            .map_err(map)?;
            return Err(match last {
                None => StoreError::NotFound { entity: "client", id },
                Some(l) => {
                    StoreError::ChangedElsewhere { entity: "client", by: l.changed_by, at: l.changed_at.map(|t| t.0) }
                }
            });
        }
        let summary = "Client details updated".to_string();
        let ev = NewEvent {
            client_id: id,
            invoice_id: None,
            at: now,
            kind: EventKind::ClientUpdated,
            summary: &summary,
            data: json!({}),
        };
        append_any(&mut tx, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    pub async fn set_chasing(&self, id: i64, c: &Chasing, now: DateTime<Utc>) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let (mode, until, reason) = chasing_columns(c);
        let mut tx = self.write_tx().await?;
        let n = on_tx!(&mut tx, c => {
            sqlx::query("UPDATE clients SET chasing = $2, chasing_until = $3, chasing_reason = $4 WHERE id = $1")
                .bind(id)
                .bind(mode)
                .bind(until.map(Day))
                .bind(&reason)
                .execute(c)
                .await
                .map(|r| r.rows_affected())
        })
        .map_err(map)?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: "client", id });
        }
        let summary = match c {
            Chasing::On => "Follow-ups switched on".to_string(),
            Chasing::PausedUntil { until, .. } => format!("Follow-ups paused until {until}"),
            Chasing::Off { .. } => "Follow-ups switched off".to_string(),
        };
        let data = json!({ "mode": mode, "until": until.map(date_str), "reason": reason });
        let ev = NewEvent {
            client_id: id,
            invoice_id: None,
            at: now,
            kind: EventKind::ChasingChanged,
            summary: &summary,
            data,
        };
        append_any(&mut tx, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    pub async fn client(&self, id: i64) -> Result<ClientRecord, StoreError> {
        let sql = format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE id = $1");
        let row: Option<ClientRow> =
            on_pool!(self.pool(), p => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(p).await)
                .map_err(|e| StoreError::classify(e, self.path()))?;
        row.ok_or(StoreError::NotFound { entity: "client", id })?.into_record()
    }

    /// Lists clients matching `q.search` (name, greeting, company or e-mail,
    /// case-insensitive substring; one or two characters: the start of the
    /// name), filtered and sorted by what they owe in `q.currency` through
    /// `client_balances` (migration 0013), one page at a time.
    pub async fn list_clients(&self, q: &ClientQuery, today: NaiveDate) -> Result<Page<ClientListRow>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let engine = self.engine();
        let mut p = Params::default();
        // $1 is today in every query.
        p.day(today);
        // The matching clients are found once, then read by id.
        let m = SearchMatch::new(&q.search);
        let has_search = !matches!(m, SearchMatch::None);
        let search = if has_search {
            let ids = self.search_ids(&m).await?.clients;
            format!("c.id IN ({})", engine.json_int_values(&p.text(ids)))
        } else {
            "TRUE".to_string()
        };
        let currency = p.text(q.currency.code());
        let limit = q.limit.clamp(1, 1000);
        let offset = q.offset.max(0);
        let name = engine.nocase("c.display_name");
        let by_name = format!("{name} ASC, c.id ASC");
        let name_desc = format!("{name} DESC, c.id DESC");
        // Clients with a balance in the currency (owing, or overdue), and their order.
        let owing = match q.balance {
            ClientBalanceFilter::Overdue => format!("b.currency = {currency} AND b.oldest_open_due < $1"),
            _ => format!("b.currency = {currency}"),
        };
        let balance_order: &str = match q.sort {
            ClientSort::OwedDesc => "b.owed_minor DESC, b.client_id ASC",
            ClientSort::OldestOverdue => "b.oldest_open_due ASC, b.client_id ASC",
            ClientSort::NameAsc => &by_name,
            ClientSort::NameDesc => &name_desc,
            ClientSort::Newest => "b.client_id DESC",
            ClientSort::Oldest => "b.client_id ASC",
        };
        // The clients table is joined only when a search or a name sort needs it.
        let with_balance = if has_search || matches!(q.sort, ClientSort::NameAsc | ClientSort::NameDesc) {
            format!("FROM client_balances b JOIN clients c ON c.id = b.client_id WHERE {owing} AND {search}")
        } else {
            format!("FROM client_balances b WHERE {owing}")
        };
        let p = &p;
        let count = |sql: String| async move {
            on_pool!(self.pool(), pool => {
                sqlx::query_scalar_with::<_, i64, _>(AssertSqlSafe(sql), p.args_on(pool)).fetch_one(pool).await
            })
            .map_err(map)
        };
        let ids = |sql: String| async move {
            on_pool!(self.pool(), pool => {
                sqlx::query_scalar_with::<_, i64, _>(AssertSqlSafe(sql), p.args_on(pool)).fetch_all(pool).await
            })
            .map_err(map)
        };
        let by_balance = matches!(q.sort, ClientSort::OwedDesc | ClientSort::OldestOverdue);
        let (total, page) = match q.balance {
            ClientBalanceFilter::Owing | ClientBalanceFilter::Overdue => {
                let total = count(format!("SELECT COUNT(*) {with_balance}")).await?;
                let page = ids(format!(
                    "SELECT b.client_id {with_balance} ORDER BY {balance_order} LIMIT {limit} OFFSET {offset}"
                ))
                .await?;
                (total, page)
            }
            ClientBalanceFilter::All if by_balance => {
                // Those owing in the currency first, in the order asked; then
                // everyone else by name.
                let owing_n = count(format!("SELECT COUNT(*) {with_balance}")).await?;
                let all_n = count(format!("SELECT COUNT(*) FROM clients c WHERE {search}")).await?;
                let mut page = Vec::new();
                if offset < owing_n {
                    page = ids(format!(
                        "SELECT b.client_id {with_balance} ORDER BY {balance_order} LIMIT {limit} OFFSET {offset}"
                    ))
                    .await?;
                }
                let need = limit - page.len() as i64;
                if need > 0 {
                    let skip = (offset - owing_n).max(0);
                    let rest = ids(format!(
                        "SELECT c.id FROM clients c WHERE {search} AND NOT EXISTS
                           (SELECT 1 FROM client_balances b WHERE b.client_id = c.id AND b.currency = {currency})
                         ORDER BY {by_name} LIMIT {need} OFFSET {skip}"
                    ))
                    .await?;
                    page.extend(rest);
                }
                (all_n, page)
            }
            ClientBalanceFilter::All => {
                let order: &str = match q.sort {
                    ClientSort::NameDesc => &name_desc,
                    ClientSort::Newest => "c.id DESC",
                    ClientSort::Oldest => "c.id ASC",
                    _ => &by_name,
                };
                let total = count(format!("SELECT COUNT(*) FROM clients c WHERE {search}")).await?;
                let page = ids(format!(
                    "SELECT c.id FROM clients c WHERE {search} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
                ))
                .await?;
                (total, page)
            }
        };
        let rows = self.client_rows(&page, today).await?;
        Ok(Page { total, rows })
    }

    /// The client list's rows for these ids, in this order: what each owes
    /// and what is overdue per currency, on `today`.
    async fn client_rows(&self, ids: &[i64], today: NaiveDate) -> Result<Vec<ClientListRow>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let engine = self.engine();
        let owing = engine.text_list("x.currency || ':' || CAST(x.owed_minor AS TEXT)", "x.currency");
        let overdue = engine.text_list("x.cur || ':' || CAST(x.amt AS TEXT)", "x.cur");
        let sql = format!(
            "SELECT c.id, c.display_name, c.company, c.emails, c.chasing,
               (SELECT {owing} FROM
                  (SELECT currency, owed_minor FROM client_balances WHERE client_id = c.id ORDER BY currency) x) AS owing,
               (SELECT {overdue} FROM
                  (SELECT i.currency AS cur, CAST(SUM(i.total_minor - i.paid_minor) AS BIGINT) AS amt FROM invoices i
                   WHERE i.client_id = c.id AND i.status = 'issued' AND i.paid_minor < i.total_minor AND i.due_date < $1
                   GROUP BY i.currency ORDER BY i.currency) x) AS overdue,
               (SELECT COUNT(*) FROM invoices i WHERE i.client_id = c.id AND i.status = 'issued'
                   AND i.paid_minor < i.total_minor AND i.due_date < $1) AS overdue_invoices,
               (SELECT MIN(oldest_open_due) FROM client_balances WHERE client_id = c.id AND oldest_open_due < $1) AS oldest_overdue
             FROM clients c WHERE c.id IN ({list})"
        );
        let rows: Vec<ClientListDbRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(Day(today)).fetch_all(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let emails: Vec<String> = serde_json::from_str(&r.emails).unwrap_or_default();
            out.push(ClientListRow {
                id: r.id,
                display_name: r.display_name,
                company: r.company,
                email: emails.into_iter().next(),
                chasing: r.chasing,
                owing: parse_owing(r.owing.as_deref()),
                overdue: parse_owing(r.overdue.as_deref()),
                overdue_invoices: r.overdue_invoices,
                oldest_overdue_days: r.oldest_overdue.map(|Day(d)| (today - d).num_days()),
            });
        }
        out.sort_by_key(|r| ids.iter().position(|id| *id == r.id));
        Ok(out)
    }
}

impl Store {
    /// What a client still owes, per currency, over all their issued invoices.
    pub async fn client_owing(&self, id: i64) -> Result<Vec<(String, i64)>, StoreError> {
        let rows: Vec<OwingRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT currency, CAST(SUM(total_minor - paid_minor) AS BIGINT) AS owing_minor FROM invoices
                 WHERE client_id = $1 AND status = 'issued' AND paid_minor < total_minor
                 GROUP BY currency ORDER BY currency",
            )
            .bind(id)
            .fetch_all(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows.into_iter().map(|r| (r.currency, r.owing_minor)).collect())
    }
}

fn parse_owing(s: Option<&str>) -> Vec<(String, i64)> {
    s.unwrap_or_default()
        .split(',')
        .filter_map(|p| {
            let (c, a) = p.split_once(':')?;
            Some((c.to_string(), a.parse().ok()?))
        })
        .collect()
}

/// The insert of a client (one text for both engines); `$c` is a connection.
macro_rules! insert_client_row {
    ($c:expr, $d:expr, $now:expr) => {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO clients (display_name, greeting_name, company, emails, phone, address, language, notes,
                search_text, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(&$d.display_name)
        .bind(&$d.greeting_name)
        .bind(&$d.company)
        .bind(serde_json::to_string(&$d.emails).unwrap_or_else(|_| "[]".into()))
        .bind(&$d.phone)
        .bind(&$d.address)
        .bind($d.language.code())
        .bind(&$d.notes)
        .bind(search_text($d))
        .bind(Instant($now))
        .fetch_one($c)
        .await
    };
}

/// The "added" timeline entry of a new client.
fn added_summary(d: &ClientDetails) -> String {
    format!("Client {} added", d.display_name)
}

fn added_event<'a>(id: i64, summary: &'a str, now: DateTime<Utc>) -> NewEvent<'a> {
    NewEvent { client_id: id, invoice_id: None, at: now, kind: EventKind::ClientCreated, summary, data: json!({}) }
}

/// Inserts a client and its "added" timeline entry in a write transaction
/// of either engine (a client typed in, or one an e-invoice import creates).
pub(crate) async fn insert_client_any(
    tx: &mut WriteTx,
    d: &ClientDetails,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let id = on_tx!(&mut *tx, c => insert_client_row!(c, d, now))?;
    let summary = added_summary(d);
    append_any(tx, &added_event(id, &summary, now)).await?;
    Ok(id)
}

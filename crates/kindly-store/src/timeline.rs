//! The append-only timeline: inserts, and the one read model every view of
//! it uses (a client's, an invoice's, the filtered timeline, one entry).
//! The schema's triggers refuse updates and deletes from any caller.
//!
//! Ported to both engines (see `engine`): appends only, no read-check-write.
//! Each entry records the member whose transaction appended it (`made_by`,
//! `Engine::member`; issue #19's who did what).

use crate::engine::{on_conn, on_pool, Conn, Engine, WriteTx};
use crate::row::{Instant, Text};
use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use kindly_core::timeline::EventKind;

#[derive(Clone, Debug)]
pub struct NewEvent<'a> {
    pub client_id: i64,
    pub invoice_id: Option<i64>,
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    pub summary: &'a str,
    pub data: serde_json::Value,
}

/// One timeline entry with everything the timeline views and the dossier show.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEntry {
    pub id: i64,
    pub client_id: i64,
    pub invoice_id: Option<i64>,
    pub invoice_number: Option<String>,
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    pub summary: String,
    pub data: serde_json::Value,
    /// The earlier entry this one corrects.
    pub refers_to: Option<i64>,
    /// Later entries that correct this one.
    pub corrected_by: Vec<i64>,
    /// The member who made it (the name in their settings), when one was named.
    pub made_by: Option<String>,
}

/// Which entries to read. `client_id` or `invoice_id` (or both) must be set.
#[derive(Clone, Debug, Default)]
pub struct TimelineFilter {
    pub client_id: Option<i64>,
    pub invoice_id: Option<i64>,
    /// Empty: every kind.
    pub kinds: Vec<EventKind>,
    /// Inclusive bounds on the instant.
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Oldest first (the dossier) instead of newest first (the view).
    pub ascending: bool,
    /// 0 means no limit.
    pub limit: i64,
    /// Paging: only entries after this one in the order asked for (older
    /// when newest first). A cursor, not an offset, so entries appended
    /// while the user reads never shift or repeat a page.
    pub after_entry: Option<i64>,
}

/// A timeline row as read.
#[derive(sqlx_macros::FromRow)]
struct EntryRow {
    id: i64,
    client_id: i64,
    invoice_id: Option<i64>,
    invoice_number: Option<String>,
    at: Instant,
    kind: Text<EventKind>,
    summary: String,
    data: String,
    refers_to: Option<i64>,
    /// The ids of the entries that refer to this one, comma-separated.
    corrected_by: Option<String>,
    made_by: Option<String>,
}

impl EntryRow {
    fn into_entry(self) -> Result<TimelineEntry, StoreError> {
        Ok(TimelineEntry {
            id: self.id,
            client_id: self.client_id,
            invoice_id: self.invoice_id,
            invoice_number: self.invoice_number,
            at: self.at.0,
            kind: self.kind.0,
            summary: self.summary,
            data: serde_json::from_str(&self.data).unwrap_or(serde_json::Value::Null),
            refers_to: self.refers_to,
            corrected_by: self
                .corrected_by
                .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
                .unwrap_or_default(),
            made_by: self.made_by,
        })
    }
}

/// The one insert of a timeline entry, on both engines, stamped with the
/// transaction's member.
fn append_sql(engine: Engine) -> String {
    format!(
        "INSERT INTO timeline (client_id, invoice_id, at, kind, summary, data, made_by)
         VALUES ($1, $2, $3, $4, $5, $6, {}) RETURNING id",
        engine.member()
    )
}

/// Appends `e` in a write transaction of either engine.
pub(crate) async fn append_any(tx: &mut WriteTx, e: &NewEvent<'_>) -> Result<i64, sqlx::Error> {
    append_on(&mut tx.conn(), e).await
}

/// Appends `e` on the connection of a transaction of either engine.
pub(crate) async fn append_on(c: &mut Conn<'_>, e: &NewEvent<'_>) -> Result<i64, sqlx::Error> {
    let sql = append_sql(c.engine());
    on_conn!(c, c => {
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(e.client_id)
            .bind(e.invoice_id)
            .bind(Instant(e.at))
            .bind(e.kind.as_str())
            .bind(e.summary)
            .bind(e.data.to_string())
            .fetch_one(c)
            .await
    })
}

impl Store {
    /// Appends one event on its own (for notes); other events are appended
    /// inside the transaction of the change they record.
    pub async fn append_event(&self, e: &NewEvent<'_>) -> Result<i64, StoreError> {
        let mut tx = self.write_tx().await?;
        let id = append_any(&mut tx, e).await.map_err(|err| StoreError::classify(err, self.path()))?;
        tx.commit().await.map_err(|err| StoreError::classify(err, self.path()))?;
        Ok(id)
    }

    /// A client's timeline, newest first (`limit` ≤ 0: all of it).
    pub async fn client_timeline(&self, client_id: i64, limit: i64) -> Result<Vec<TimelineEntry>, StoreError> {
        let f = TimelineFilter { client_id: Some(client_id), limit, ..Default::default() };
        self.read_entries("t.client_id = $1", client_id, &f).await
    }

    /// An invoice's own entries, newest first (without those of a plan over
    /// several invoices, which the filtered [`Store::timeline`] adds).
    pub async fn invoice_timeline(&self, invoice_id: i64) -> Result<Vec<TimelineEntry>, StoreError> {
        let f = TimelineFilter { invoice_id: Some(invoice_id), ..Default::default() };
        self.read_entries("t.invoice_id = $1", invoice_id, &f).await
    }

    /// One timeline entry by id.
    pub async fn timeline_entry(&self, id: i64) -> Result<TimelineEntry, StoreError> {
        let rows = self.read_entries("t.id = $1", id, &TimelineFilter { limit: 1, ..Default::default() }).await?;
        rows.into_iter().next().ok_or(StoreError::NotFound { entity: "timeline entry", id })
    }

    /// A client's or an invoice's timeline, filtered by kinds and instants,
    /// through the (client|invoice, kind, at) indexes.
    pub async fn timeline(&self, f: &TimelineFilter) -> Result<Vec<TimelineEntry>, StoreError> {
        match (f.client_id, f.invoice_id) {
            // An invoice's timeline also shows what happened to a plan it was
            // part of; a plan over several invoices records its entries once,
            // for the client, with the plan's id.
            (_, Some(inv)) => {
                let plan_id = self.engine().json_int_member("t.data", "plan_id");
                let owner = format!(
                    "(t.invoice_id = $1
                    OR (t.invoice_id IS NULL
                        AND t.client_id = (SELECT client_id FROM invoices WHERE id = $1)
                        AND {plan_id} IN (SELECT plan_id FROM plan_invoices WHERE invoice_id = $1)))"
                );
                self.read_entries(&owner, inv, f).await
            }
            (Some(c), None) => self.read_entries("t.client_id = $1", c, f).await,
            (None, None) => Err(StoreError::Other("a timeline needs a client or an invoice".into())),
        }
    }

    /// The one read of timeline entries: those of `owner` (an SQL predicate
    /// on `t` with `$1` = `id`) that pass the filter `f`.
    async fn read_entries(&self, owner: &str, id: i64, f: &TimelineFilter) -> Result<Vec<TimelineEntry>, StoreError> {
        let kinds: Vec<&str> = f.kinds.iter().map(|k| k.as_str()).collect();
        let kinds_json = serde_json::to_string(&kinds).map_err(|e| StoreError::Other(e.to_string()))?;
        let engine = self.engine();
        let kind_filter = if kinds.is_empty() {
            "$2 IS NOT NULL".to_string()
        } else {
            format!("t.kind IN ({})", engine.json_text_values("$2"))
        };
        let order = if f.ascending { "ASC" } else { "DESC" };
        let cursor = if f.ascending { ">" } else { "<" };
        let corrected_by = engine.group_ids("c.id");
        let sql = format!(
            "SELECT t.id, t.client_id, t.invoice_id, i.number AS invoice_number, t.at, t.kind, t.summary, t.data,
                    t.refers_to, (SELECT {corrected_by} FROM timeline c WHERE c.refers_to = t.id) AS corrected_by,
                    t.made_by
             FROM timeline t LEFT JOIN invoices i ON i.id = t.invoice_id
             WHERE {owner} AND {kind_filter} AND ($3 IS NULL OR t.at >= $3) AND ($4 IS NULL OR t.at <= $4)
               AND ($6 IS NULL OR t.client_id = $6)
               AND ($7 IS NULL OR (t.at, t.id) {cursor} (SELECT p.at, p.id FROM timeline p WHERE p.id = $7))
             ORDER BY t.at {order}, t.id {order} LIMIT $5"
        );
        // No limit: the largest one (PostgreSQL refuses SQLite's -1).
        let limit = if f.limit <= 0 { i64::MAX } else { f.limit };
        let rows: Vec<EntryRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(id)
                .bind(kinds_json)
                .bind(f.from.map(Instant))
                .bind(f.to.map(Instant))
                .bind(limit)
                .bind(if f.invoice_id.is_some() { f.client_id } else { None })
                .bind(f.after_entry)
                .fetch_all(p)
                .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        rows.into_iter().map(EntryRow::into_entry).collect()
    }
}

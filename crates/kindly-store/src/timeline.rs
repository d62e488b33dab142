//! The append-only timeline. Only inserts and reads live here; the schema's
//! triggers refuse updates and deletes from any caller.

use crate::row::Text;
use crate::util::{instant_str, parse_instant};
use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use kindly_core::timeline::EventKind;
use sqlx::{Sqlite, Transaction};

#[derive(Clone, Debug)]
pub struct NewEvent<'a> {
    pub client_id: i64,
    pub invoice_id: Option<i64>,
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    pub summary: &'a str,
    pub data: serde_json::Value,
}

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
}

/// A timeline row as read (see [`ENTRY_COLUMNS`]).
#[derive(sqlx::FromRow)]
pub(crate) struct EntryRow {
    id: i64,
    client_id: i64,
    invoice_id: Option<i64>,
    invoice_number: Option<String>,
    at: String,
    kind: Text<EventKind>,
    summary: String,
    data: String,
}

/// The columns of an [`EntryRow`], over `timeline t LEFT JOIN invoices i`.
pub(crate) const ENTRY_COLUMNS: &str =
    "t.id, t.client_id, t.invoice_id, i.number AS invoice_number, t.at, t.kind, t.summary, t.data";

impl EntryRow {
    pub(crate) fn into_entry(self) -> Result<TimelineEntry, StoreError> {
        Ok(TimelineEntry {
            id: self.id,
            client_id: self.client_id,
            invoice_id: self.invoice_id,
            invoice_number: self.invoice_number,
            at: parse_instant(&self.at)?,
            kind: self.kind.0,
            summary: self.summary,
            data: serde_json::from_str(&self.data).unwrap_or(serde_json::Value::Null),
        })
    }
}

pub(crate) async fn append(tx: &mut Transaction<'static, Sqlite>, e: &NewEvent<'_>) -> Result<i64, sqlx::Error> {
    let id = sqlx::query_scalar(
        "INSERT INTO timeline (client_id, invoice_id, at, kind, summary, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
    )
    .bind(e.client_id)
    .bind(e.invoice_id)
    .bind(instant_str(e.at))
    .bind(e.kind.as_str())
    .bind(e.summary)
    .bind(e.data.to_string())
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

impl Store {
    /// Appends one event on its own (for notes); other events are appended
    /// inside the transaction of the change they record.
    pub async fn append_event(&self, e: &NewEvent<'_>) -> Result<i64, StoreError> {
        let mut tx = self.write_tx().await?;
        let id = append(&mut tx, e).await.map_err(|err| StoreError::classify(err, self.path()))?;
        tx.commit().await.map_err(|err| StoreError::classify(err, self.path()))?;
        Ok(id)
    }

    /// A client's timeline, newest first.
    pub async fn client_timeline(&self, client_id: i64, limit: i64) -> Result<Vec<TimelineEntry>, StoreError> {
        let rows: Vec<EntryRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ENTRY_COLUMNS} FROM timeline t LEFT JOIN invoices i ON i.id = t.invoice_id
             WHERE t.client_id = ?1 ORDER BY t.at DESC, t.id DESC LIMIT ?2"
        )))
        .bind(client_id)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::classify(e, self.path()))?;
        rows.into_iter().map(EntryRow::into_entry).collect()
    }

    /// An invoice's timeline, newest first.
    pub async fn invoice_timeline(&self, invoice_id: i64) -> Result<Vec<TimelineEntry>, StoreError> {
        let rows: Vec<EntryRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ENTRY_COLUMNS} FROM timeline t LEFT JOIN invoices i ON i.id = t.invoice_id
             WHERE t.invoice_id = ?1 ORDER BY t.at DESC, t.id DESC"
        )))
        .bind(invoice_id)
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::classify(e, self.path()))?;
        rows.into_iter().map(EntryRow::into_entry).collect()
    }
}

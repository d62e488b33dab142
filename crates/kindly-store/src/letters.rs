//! Letter batches: one PDF of letters handed to the printer, and what became
//! of it. A letter counts as sent only once its batch is `printed` (the
//! print command reported success, or the user confirmed what the PDF
//! viewer printed); that transition writes the ladder steps and timeline
//! entries in the same transaction. Until then its invoices stay in Today.
//!
//! Ported to both engines. Locks: "printed" is one conditional UPDATE
//! (`WHERE state <> 'printed'`), which PostgreSQL re-checks on the locked
//! row, so a batch confirmed on two machines at once is printed (and its
//! steps recorded) once; the other gets `AlreadyDone`.

use crate::engine::{on_pool, on_tx};
use crate::followups::{record_step_on, DoneStep};
use crate::row::{Instant, Text};
use crate::timeline::{append_any, NewEvent};
use crate::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::timeline::EventKind;
use kindly_core::vocab::LetterState;
use sqlx::AssertSqlSafe;

/// What a batch's printer (or its user) reported.
pub mod batch_state {
    pub const MADE: &str = "made";
    pub const AWAITING_CONFIRMATION: &str = "awaiting_confirmation";
    pub const PRINTED: &str = "printed";
    pub const NOT_PRINTED: &str = "not_printed";
}

/// One client's letter inside a batch, per invoice it covers.
#[derive(Debug, Clone, PartialEq, Eq, sqlx_macros::FromRow)]
pub struct BatchItem {
    pub invoice_id: i64,
    pub client_id: i64,
    /// The ladder stage the letter is for; `None` for a letter outside the ladder.
    pub stage_key: Option<String>,
    pub stage_offset: Option<i64>,
    pub first_page: i64,
    pub last_page: i64,
    pub subject: String,
    pub body: String,
    /// JSON array of the invoice numbers the letter names.
    pub invoice_numbers: String,
}

#[derive(Debug, Clone)]
pub struct NewLetterBatch<'a> {
    pub pdf_path: &'a str,
    pub sha256: &'a str,
    pub items: &'a [BatchItem],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterBatch {
    pub id: i64,
    pub pdf_path: String,
    pub sha256: String,
    pub made_at: DateTime<Utc>,
    pub state: LetterState,
    pub reason: String,
    pub command: String,
    pub job_id: Option<String>,
    pub items: Vec<BatchItem>,
}

#[derive(sqlx_macros::FromRow)]
struct BatchRow {
    id: i64,
    pdf_path: String,
    sha256: String,
    made_at: Instant,
    state: Text<LetterState>,
    reason: String,
    command: String,
    job_id: Option<String>,
}

/// The latest unprinted letter for an invoice, as Today shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingLetter {
    pub invoice_id: i64,
    pub stage_key: Option<String>,
    pub batch_id: i64,
    pub state: LetterState,
    pub reason: String,
}

#[derive(sqlx_macros::FromRow)]
struct PendingRow {
    invoice_id: i64,
    stage_key: Option<String>,
    batch_id: i64,
    state: Text<LetterState>,
    reason: String,
}

impl Store {
    /// Records a batch as made (saved, not yet printed) with its letters.
    pub async fn create_letter_batch(&self, b: &NewLetterBatch<'_>, now: DateTime<Utc>) -> Result<i64, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let id: i64 = on_tx!(&mut tx, c => {
            sqlx::query_scalar("INSERT INTO letter_batches (pdf_path, sha256, made_at) VALUES ($1, $2, $3) RETURNING id")
                .bind(b.pdf_path)
                .bind(b.sha256)
                .bind(Instant(now))
                .fetch_one(c)
                .await
        })
        .map_err(map)?;
        for i in b.items {
            on_tx!(&mut tx, c => {
                sqlx::query(
                    "INSERT INTO letter_batch_items (batch_id, invoice_id, client_id, stage_key, stage_offset,
                         first_page, last_page, subject, body, invoice_numbers)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(id)
                .bind(i.invoice_id)
                .bind(i.client_id)
                .bind(&i.stage_key)
                .bind(i.stage_offset)
                .bind(i.first_page)
                .bind(i.last_page)
                .bind(&i.subject)
                .bind(&i.body)
                .bind(&i.invoice_numbers)
                .execute(c)
                .await
                .map(|_| ())
            })
            .map_err(map)?;
        }
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    pub async fn letter_batch(&self, id: i64) -> Result<LetterBatch, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        const BATCH: &str =
            "SELECT id, pdf_path, sha256, made_at, state, reason, command, job_id FROM letter_batches WHERE id = $1";
        const ITEMS: &str =
            "SELECT invoice_id, client_id, stage_key, stage_offset, first_page, last_page, subject, body, invoice_numbers
             FROM letter_batch_items WHERE batch_id = $1 ORDER BY first_page, invoice_id";
        let row: Option<BatchRow> =
            on_pool!(self.pool(), p => sqlx::query_as(BATCH).bind(id).fetch_optional(p).await).map_err(map)?;
        let row = row.ok_or(StoreError::NotFound { entity: "letter batch", id })?;
        let items: Vec<BatchItem> =
            on_pool!(self.pool(), p => sqlx::query_as(ITEMS).bind(id).fetch_all(p).await).map_err(map)?;
        Ok(LetterBatch {
            id: row.id,
            pdf_path: row.pdf_path,
            sha256: row.sha256,
            made_at: row.made_at.0,
            state: row.state.0,
            reason: row.reason,
            command: row.command,
            job_id: row.job_id,
            items,
        })
    }

    /// Records a batch that did not (or not yet provably) print: handed to
    /// a PDF viewer (`awaiting_confirmation`) or refused by the print
    /// command or the user (`not_printed`, with the reason). A printed batch
    /// cannot go back (trigger).
    pub async fn set_letter_batch_state(
        &self,
        id: i64,
        state: &str,
        reason: &str,
        command: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        const SQL: &str =
            "UPDATE letter_batches SET state = $2, reason = $3, command = $4, resolved_at = $5 WHERE id = $1";
        let done = on_pool!(self.pool(), p => {
            sqlx::query(SQL)
                .bind(id)
                .bind(state)
                .bind(reason)
                .bind(command)
                .bind(Instant(now))
                .execute(p)
                .await
                .map(|r| r.rows_affected())
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        if done == 0 {
            return Err(StoreError::NotFound { entity: "letter batch", id });
        }
        Ok(())
    }

    /// Records a batch as printed and, in the same transaction, each of its
    /// letters: the ladder step (`steps`) or, for a letter outside the
    /// ladder, a timeline note (`notes`). A batch already printed is
    /// refused with `AlreadyDone` and nothing is written twice.
    pub async fn letter_batch_printed(
        &self,
        id: i64,
        command: &str,
        job_id: Option<&str>,
        steps: &[DoneStep<'_>],
        notes: &[NewEvent<'_>],
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let changed = on_tx!(&mut tx, c => {
            sqlx::query(
                "UPDATE letter_batches SET state = 'printed', reason = '', command = $2, job_id = $3, resolved_at = $4
                 WHERE id = $1 AND state <> 'printed'",
            )
            .bind(id)
            .bind(command)
            .bind(job_id)
            .bind(Instant(now))
            .execute(c)
            .await
            .map(|r| r.rows_affected())
        })
        .map_err(map)?;
        if changed == 0 {
            let exists: Option<i64> = on_tx!(&mut tx, c => {
                sqlx::query_scalar("SELECT id FROM letter_batches WHERE id = $1").bind(id).fetch_optional(c).await
            })
            .map_err(map)?;
            return Err(match exists {
                Some(_) => StoreError::AlreadyDone,
                None => StoreError::NotFound { entity: "letter batch", id },
            });
        }
        for step in steps {
            // A step ticked by hand meanwhile stays as it was; the printed letter is still a fact.
            record_step_on(self, &mut tx.conn(), step, EventKind::FollowUpDone, today, now, true).await?;
        }
        for note in notes {
            append_any(&mut tx, note).await.map_err(map)?;
        }
        tx.commit().await.map_err(map)?;
        Ok(())
    }

    /// For each of these invoices, its latest letter that has not printed
    /// (made, awaiting the user's word, or refused by the printer), unless a
    /// later batch printed it.
    pub async fn pending_letters(&self, invoice_ids: &[i64]) -> Result<Vec<PendingLetter>, StoreError> {
        if invoice_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT i.invoice_id, i.stage_key, b.id AS batch_id, b.state, b.reason
             FROM letter_batch_items i JOIN letter_batches b ON b.id = i.batch_id
             WHERE i.invoice_id IN ({})
               AND b.id = (SELECT MAX(i2.batch_id) FROM letter_batch_items i2 WHERE i2.invoice_id = i.invoice_id)
               AND b.state <> 'printed'",
            self.engine().json_int_values("$1")
        );
        let ids = serde_json::to_string(invoice_ids).unwrap_or_default();
        let rows: Vec<PendingRow> =
            on_pool!(self.pool(), p => sqlx::query_as(AssertSqlSafe(sql)).bind(ids).fetch_all(p).await)
                .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| PendingLetter {
                invoice_id: r.invoice_id,
                stage_key: r.stage_key,
                batch_id: r.batch_id,
                state: r.state.0,
                reason: r.reason,
            })
            .collect())
    }
}

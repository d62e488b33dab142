//! The e-mail outbox: durable state for every message, so that a crash, a
//! kill, a double click, a second window or a second machine never sends a
//! stage twice and never loses one silently. See 0003_outbox.sql for the
//! states. Ported to both engines (issue #19).
//!
//! Only a process that holds the outbox lock (kindly-api's `outbox` module:
//! the data folder's file lock, and on a team database also
//! [`OutboxSenderLock`], a PostgreSQL advisory lock that dies with its
//! connection) moves messages to and from `sending`; that is what makes
//! `recover_interrupted` safe: any row still `sending` then belongs to a
//! process that died (it takes the lock as an argument, so it cannot be
//! called without).
//!
//! Locks on PostgreSQL (where a write transaction is a plain `BEGIN`):
//! the claim reads the next due row `FOR UPDATE SKIP LOCKED`
//! ([`Engine::skip_locked`]) and moves it to `sending` only if it is still
//! `queued`, adding one to its `claim_seq`; what the sender records after
//! the attempt (sent, failed, may have been sent, withdrawn) is conditional
//! on the row still being `sending` under that token, else
//! [`StoreError::SenderLost`]. A change by hand (send again, withdraw,
//! confirm) reads the row `FOR UPDATE` before it checks its state. Queueing
//! locks the invoices it is about, in id order, before it checks their
//! steps, so two machines queueing the same step take turns and the second
//! clashes on the one-message-per-invoice-and-stage UNIQUE
//! (`AlreadyQueued`) or sees the step done (`AlreadyDone`).

use crate::contacts::{record_promise_follow_up_on, PromiseFollowedUp};
use crate::engine::{on_conn, on_pool, Conn, Engine, Pool};
use crate::followups::{note_contact_on, record_step_on};
use crate::plans::{record_plan_reminder_on, PlanReminderDone};
use crate::row::{Instant, Text, UnknownValue};
use crate::timeline::{append_on, NewEvent};
use crate::{DoneStep, Page, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::timeline::EventKind;
use kindly_core::vocab::OutboxState;
use kindly_followup::ladder::{Channel, Stage, Tone};
use kindly_followup::plan::progress::ReminderKind;
use sqlx::AssertSqlSafe;

/// What a message is for, and so what sending it records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailPurpose {
    /// A ladder stage: sending completes each invoice's stage.
    Ladder,
    /// An installment plan proposal: a timeline entry, no ladder step.
    PlanProposal { plan_id: i64 },
    /// An installment's heads-up or reminder, or a broken plan's notice:
    /// sending records the plan reminder (once).
    PlanReminder { plan_id: i64, seq: u32, kind: ReminderKind },
    /// The follow-up about a broken promise: sending records it (once).
    PromiseFollowUp { promise_id: i64 },
    /// A statement of account: sending records a `statement_sent` contact
    /// with the client (one entry) and the day's contact for its invoices.
    /// Its stage key is [`statement_key`]; at most one a day per client.
    Statement,
}

/// The stage key of a client's statement of account on a day: one message
/// that is not withdrawn per key (`outbox_one_statement_a_day`, migration 0015).
pub fn statement_key(client_id: i64, day: NaiveDate) -> String {
    format!("statement:{client_id}:{day}")
}

impl EmailPurpose {
    /// The outbox row's `kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            EmailPurpose::Ladder => "ladder",
            EmailPurpose::PlanProposal { .. } => "plan",
            EmailPurpose::PlanReminder { .. } => "plan_reminder",
            EmailPurpose::PromiseFollowUp { .. } => "promise",
            EmailPurpose::Statement => "statement",
        }
    }

    /// The stage key of a message that is not a ladder stage: unique to what
    /// it is about, so the outbox holds at most one live message for it (a
    /// statement's names its client and day: [`statement_key`]).
    pub fn stage_key(&self) -> Option<String> {
        match self {
            EmailPurpose::Ladder | EmailPurpose::Statement => None,
            EmailPurpose::PlanProposal { plan_id } => Some(format!("plan:{plan_id}:proposal")),
            EmailPurpose::PlanReminder { plan_id, seq, kind } => {
                Some(format!("plan:{plan_id}:{}:{seq}", kind.as_str()))
            }
            EmailPurpose::PromiseFollowUp { promise_id } => Some(format!("promise:{promise_id}")),
        }
    }

    fn plan_id(&self) -> Option<i64> {
        match self {
            EmailPurpose::PlanProposal { plan_id } | EmailPurpose::PlanReminder { plan_id, .. } => Some(*plan_id),
            _ => None,
        }
    }
}

/// The columns that say what a message is for.
#[derive(sqlx_macros::FromRow)]
struct PurposeCols {
    kind: String,
    plan_id: Option<i64>,
    installment_seq: Option<i64>,
    reminder_kind: Option<Text<ReminderKind>>,
    promise_id: Option<i64>,
}

impl PurposeCols {
    /// The purpose, or the row's decoding error: what `#[sqlx(try_from)]`
    /// made of it, which needs sqlx's "derive" feature (and, with it, both
    /// drivers compiled again for the compiler: docs/dependencies.md).
    fn purpose(self) -> Result<EmailPurpose, sqlx::Error> {
        EmailPurpose::try_from(self)
            .map_err(|e| sqlx::Error::ColumnDecode { index: "kind".into(), source: Box::new(e) })
    }
}

/// Read back from a row's columns; a kind Kindly does not know, or one
/// without the columns it needs, is an error rather than a ladder message.
impl TryFrom<PurposeCols> for EmailPurpose {
    type Error = UnknownValue;

    fn try_from(c: PurposeCols) -> Result<Self, UnknownValue> {
        let seq = c.installment_seq.and_then(|s| u32::try_from(s).ok());
        match (c.kind.as_str(), c.plan_id, seq, c.reminder_kind, c.promise_id) {
            ("ladder", ..) => Ok(EmailPurpose::Ladder),
            ("plan", Some(plan_id), ..) => Ok(EmailPurpose::PlanProposal { plan_id }),
            // A plan proposal queued before 0006 recorded no plan id: a timeline entry only, like any proposal.
            ("plan", None, ..) => Ok(EmailPurpose::PlanProposal { plan_id: 0 }),
            ("plan_reminder", Some(plan_id), Some(seq), Some(Text(kind)), _) => {
                Ok(EmailPurpose::PlanReminder { plan_id, seq, kind })
            }
            ("promise", _, _, _, Some(promise_id)) => Ok(EmailPurpose::PromiseFollowUp { promise_id }),
            ("statement", ..) => Ok(EmailPurpose::Statement),
            (kind, ..) => Err(UnknownValue { what: "e-mail purpose", value: kind.chars().take(40).collect() }),
        }
    }
}

/// A message to put in the outbox.
#[derive(Clone, Debug)]
pub struct NewEmail<'a> {
    pub message_id: &'a str,
    pub purpose: EmailPurpose,
    pub client_id: i64,
    /// The message's stage (the most advanced of the bundle).
    pub stage: &'a Stage,
    /// Each invoice the message is about, with its own stage.
    pub invoices: &'a [(i64, &'a Stage)],
    pub envelope_from: &'a str,
    pub recipients: &'a [String],
    pub to_display: &'a [String],
    pub subject: &'a str,
    pub body: &'a str,
    pub raw: &'a [u8],
    pub raw_sha256: &'a str,
    pub eml_path: Option<&'a str>,
}

/// One message as the sending loop needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimedEmail {
    pub id: i64,
    pub purpose: EmailPurpose,
    pub message_id: String,
    pub envelope_from: String,
    pub recipients: Vec<String>,
    pub raw: Vec<u8>,
    pub attempts: i64,
    /// This claim's token (`claim_seq`): what the sender records after the
    /// attempt names it, and is refused once another sender took the row.
    pub claim: i64,
}

/// A message as lists show it.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxRow {
    pub id: i64,
    pub message_id: String,
    pub client_id: i64,
    pub client_name: String,
    pub invoice_numbers: Vec<String>,
    pub stage_key: String,
    pub to_display: Vec<String>,
    pub subject: String,
    pub state: OutboxState,
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub error_code: Option<String>,
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sending_at: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    /// Who queued it (the member's name), when one was set.
    pub made_by: Option<String>,
}

/// How many messages are in each state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub queued: i64,
    pub sending: i64,
    pub sent: i64,
    pub failed: i64,
    pub uncertain: i64,
    pub cancelled: i64,
}

/// A message as lists read it (see [`list_select`]).
#[derive(sqlx_macros::FromRow)]
struct ListRow {
    id: i64,
    message_id: String,
    client_id: i64,
    client_name: String,
    invoice_numbers: Option<String>,
    stage_key: String,
    to_display: String,
    subject: String,
    state: Text<OutboxState>,
    attempts: i64,
    next_attempt_at: Instant,
    error_code: Option<String>,
    error: Option<String>,
    created_at: Instant,
    sending_at: Option<Instant>,
    sent_at: Option<Instant>,
    made_by: Option<String>,
}

/// A message as the sending loop claims it.
#[derive(sqlx_macros::FromRow)]
struct ClaimRow {
    id: i64,
    message_id: String,
    envelope_from: String,
    recipients: String,
    raw: Vec<u8>,
    attempts: i64,
    #[sqlx(flatten)]
    purpose: PurposeCols,
}

/// What recording a sent message needs.
#[derive(sqlx_macros::FromRow)]
struct SentFacts {
    message_id: String,
    client_id: i64,
    stage_key: String,
    stage_offset: i64,
    recipients: String,
    to_display: String,
    subject: String,
    body: String,
    state: String,
    claim_seq: i64,
    eml_path: Option<String>,
    raw_sha256: String,
    #[sqlx(flatten)]
    purpose: PurposeCols,
}

/// One invoice a message is about, with its own stage.
#[derive(sqlx_macros::FromRow)]
struct MessageInvoice {
    invoice_id: i64,
    number: String,
    stage_key: String,
    stage_offset: i64,
}

#[derive(sqlx_macros::FromRow)]
struct StateCount {
    state: String,
    n: i64,
}

#[derive(sqlx_macros::FromRow)]
struct LiveMessage {
    id: i64,
    state: Text<OutboxState>,
}

#[derive(sqlx_macros::FromRow)]
struct LiveStage {
    invoice_id: i64,
    stage_key: String,
    outbox_id: i64,
    state: Text<OutboxState>,
}

/// A message's state and the token of its latest claim.
#[derive(sqlx_macros::FromRow)]
struct Standing {
    state: String,
    claim_seq: i64,
}

/// Whom a withdrawn message was for.
#[derive(sqlx_macros::FromRow)]
struct MessageOwner {
    client_id: i64,
    invoice_id: Option<i64>,
}

/// The lists' columns (the invoice numbers as one JSON text).
fn list_select(e: Engine) -> String {
    format!(
        "SELECT o.id, o.message_id, o.client_id, c.display_name AS client_name,
            (SELECT {} FROM outbox_invoices oi JOIN invoices i ON i.id = oi.invoice_id WHERE oi.outbox_id = o.id)
                AS invoice_numbers,
            o.stage_key, o.to_display, o.subject, o.state, o.attempts, o.next_attempt_at, o.error_code, o.error,
            o.created_at, o.sending_at, o.sent_at, o.made_by
         FROM outbox o JOIN clients c ON c.id = o.client_id",
        e.json_text_array("i.number", "i.id")
    )
}

impl ListRow {
    fn into_row(self) -> OutboxRow {
        OutboxRow {
            id: self.id,
            message_id: self.message_id,
            client_id: self.client_id,
            client_name: self.client_name,
            invoice_numbers: self.invoice_numbers.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default(),
            stage_key: self.stage_key,
            to_display: serde_json::from_str(&self.to_display).unwrap_or_default(),
            subject: self.subject,
            state: self.state.0,
            attempts: self.attempts,
            next_attempt_at: self.next_attempt_at.0,
            error_code: self.error_code,
            error: self.error,
            created_at: self.created_at.0,
            sending_at: self.sending_at.map(|t| t.0),
            sent_at: self.sent_at.map(|t| t.0),
            made_by: self.made_by,
        }
    }
}

/// The advisory-lock key of the team outbox's sender (any fixed number all
/// Kindly versions agree on: "KINDLY" and 1).
const OUTBOX_SENDER_KEY: i64 = 0x4b49_4e44_4c59_0001;

/// The right to send the outbox, held for a whole send run (see
/// [`Store::lock_outbox_sender`]). On PostgreSQL it is a session advisory
/// lock on a connection of its own: it is released when this is dropped,
/// when the process dies (the socket closes) or when the server stops
/// hearing from the machine (TCP keepalives); on SQLite it holds nothing
/// (the data folder's file lock, taken by kindly-api, is the lock there).
pub struct OutboxSenderLock {
    conn: Option<sqlx::PgConnection>,
    path: std::path::PathBuf,
}

impl std::fmt::Debug for OutboxSenderLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxSenderLock").field("held_on_server", &self.conn.is_some()).finish()
    }
}

impl OutboxSenderLock {
    /// Checks that the lock is still held: its connection answers. A sender
    /// calls it before each claim, so one whose connection (and so its
    /// lock) died stops instead of sending alongside the next holder.
    pub async fn check(&mut self) -> Result<(), StoreError> {
        let Some(conn) = self.conn.as_mut() else { return Ok(()) };
        sqlx::query("SELECT 1").execute(conn).await.map(|_| ()).map_err(|e| StoreError::classify(e, &self.path))
    }

    /// Releases the lock now (closing its connection ends the session, and
    /// with it the advisory lock).
    pub async fn release(mut self) {
        if let Some(conn) = self.conn.take() {
            let _ = sqlx::Connection::close(conn).await;
        }
    }
}

impl Store {
    /// Takes the team outbox's sender lock, or refuses with
    /// [`StoreError::OutboxSenderBusy`] when another machine holds it. On
    /// PostgreSQL: `pg_try_advisory_lock` on a connection opened for it
    /// (never a pooled one, which would outlive the run and keep the lock),
    /// with server-side TCP keepalives so a machine that vanished without
    /// closing its socket loses the lock within about half a minute. On
    /// SQLite: nothing to take (see [`OutboxSenderLock`]).
    pub async fn lock_outbox_sender(&self) -> Result<OutboxSenderLock, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let p = match self.pool() {
            Pool::Sqlite(_) => return Ok(OutboxSenderLock { conn: None, path: self.path().to_path_buf() }),
            Pool::Postgres(p) => p,
        };
        let mut conn =
            <sqlx::PgConnection as sqlx::Connection>::connect_with(&p.connect_options()).await.map_err(map)?;
        // The server probes an idle peer after 15 s, every 5 s, 3 times:
        // a dead machine's session (and lock) ends after about 30 s.
        // Ignored on a Unix socket, where a dead process closes the socket.
        for set in ["SET tcp_keepalives_idle = 15", "SET tcp_keepalives_interval = 5", "SET tcp_keepalives_count = 3"] {
            sqlx::query(set).execute(&mut conn).await.map_err(map)?;
        }
        let got: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
            .bind(OUTBOX_SENDER_KEY)
            .fetch_one(&mut conn)
            .await
            .map_err(map)?;
        if !got {
            let _ = sqlx::Connection::close(conn).await;
            return Err(StoreError::OutboxSenderBusy);
        }
        Ok(OutboxSenderLock { conn: Some(conn), path: self.path().to_path_buf() })
    }

    /// Puts a message in the outbox. Refused with `AlreadyQueued` when a
    /// message for one of these invoices and this stage is already there
    /// (in any state but cancelled), and with `AlreadyDone` when the stage
    /// was already done another way. Returns the outbox id.
    pub async fn enqueue_email(&self, m: &NewEmail<'_>, now: DateTime<Utc>) -> Result<i64, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let e = c.engine();
        // PostgreSQL: lock the invoices (in id order, so two machines never
        // wait on each other crosswise) before checking their steps: a
        // second machine queueing the same step waits here, then sees the
        // step done or clashes on `outbox_one_per_stage`.
        let mut ids: Vec<i64> = m.invoices.iter().map(|(id, _)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        if !ids.is_empty() {
            let sql = format!(
                "SELECT id FROM invoices WHERE id IN ({}) ORDER BY id {}",
                e.json_int_values("$1"),
                e.for_update()
            );
            let ids_json = serde_json::to_string(&ids).unwrap_or_default();
            let _: Vec<i64> = on_conn!(&mut c, c => {
                sqlx::query_scalar(AssertSqlSafe(sql)).bind(ids_json).fetch_all(c).await
            })
            .map_err(map)?;
        }
        match m.purpose {
            EmailPurpose::PlanReminder { plan_id, seq, kind } => {
                let done: Option<i64> = on_conn!(&mut c, c => {
                    sqlx::query_scalar("SELECT id FROM plan_reminders WHERE plan_id = $1 AND seq = $2 AND kind = $3")
                        .bind(plan_id)
                        .bind(i64::from(seq))
                        .bind(kind.as_str())
                        .fetch_optional(c)
                        .await
                })
                .map_err(map)?;
                if done.is_some() {
                    return Err(StoreError::AlreadyDone);
                }
            }
            EmailPurpose::PromiseFollowUp { promise_id } => {
                let open: Option<i64> = on_conn!(&mut c, c => {
                    sqlx::query_scalar(
                        "SELECT id FROM promises WHERE id = $1 AND outcome = 'broken' AND followed_up_on IS NULL",
                    )
                    .bind(promise_id)
                    .fetch_optional(c)
                    .await
                })
                .map_err(map)?;
                if open.is_none() {
                    return Err(StoreError::AlreadyDone);
                }
            }
            EmailPurpose::Ladder | EmailPurpose::PlanProposal { .. } | EmailPurpose::Statement => {}
        }
        for (inv, stage) in m.invoices.iter().filter(|_| m.purpose == EmailPurpose::Ladder) {
            let done: Option<i64> = on_conn!(&mut c, c => {
                sqlx::query_scalar("SELECT id FROM followup_steps WHERE invoice_id = $1 AND stage_key = $2")
                    .bind(inv)
                    .bind(&stage.key)
                    .fetch_optional(c)
                    .await
            })
            .map_err(map)?;
            if done.is_some() {
                return Err(StoreError::AlreadyDone);
            }
        }
        let recipients = serde_json::to_string(m.recipients).unwrap_or_default();
        let to_display = serde_json::to_string(m.to_display).unwrap_or_default();
        let seq = match m.purpose {
            EmailPurpose::PlanReminder { seq, .. } => Some(i64::from(seq)),
            _ => None,
        };
        let reminder_kind = match m.purpose {
            EmailPurpose::PlanReminder { kind, .. } => Some(kind.as_str()),
            _ => None,
        };
        let promise_id = match m.purpose {
            EmailPurpose::PromiseFollowUp { promise_id } => Some(promise_id),
            _ => None,
        };
        // Stamped with the transaction's member (who queued it).
        let insert = format!(
            "INSERT INTO outbox (message_id, client_id, stage_key, stage_offset, envelope_from, recipients, to_display,
                                 subject, body, raw, raw_sha256, eml_path, next_attempt_at, created_at, updated_at, kind,
                                 plan_id, installment_seq, reminder_kind, promise_id, made_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $13, $14, $15, $16, $17, $18, {})
             RETURNING id",
            c.engine().member()
        );
        let id: i64 = on_conn!(&mut c, c => {
            sqlx::query_scalar(AssertSqlSafe(insert))
            .bind(m.message_id)
            .bind(m.client_id)
            .bind(&m.stage.key)
            .bind(m.stage.offset_days)
            .bind(m.envelope_from)
            .bind(&recipients)
            .bind(&to_display)
            .bind(m.subject)
            .bind(m.body)
            .bind(m.raw)
            .bind(m.raw_sha256)
            .bind(m.eml_path)
            .bind(Instant(now))
            .bind(m.purpose.kind())
            .bind(m.purpose.plan_id())
            .bind(seq)
            .bind(reminder_kind)
            .bind(promise_id)
            .fetch_one(c)
            .await
        })
        .map_err(map)?;
        for (inv, stage) in m.invoices {
            on_conn!(&mut c, c => {
                sqlx::query(
                    "INSERT INTO outbox_invoices (outbox_id, invoice_id, stage_key, stage_offset) VALUES ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(inv)
                .bind(&stage.key)
                .bind(stage.offset_days)
                .execute(c)
                .await
                .map(|_| ())
            })
            .map_err(map)?;
        }
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    /// Marks every message left `sending` as `uncertain`: the process that was
    /// sending it died, and the server may or may not have accepted it. It
    /// takes the sender lock as proof that no other sender is alive (on a
    /// team database another machine's rows in flight are `sending` too).
    pub async fn recover_interrupted(&self, _held: &OutboxSenderLock, now: DateTime<Utc>) -> Result<u64, StoreError> {
        on_pool!(self.pool(), p => {
            sqlx::query(
                "UPDATE outbox SET state = 'uncertain', updated_at = $1, error_code = 'interrupted',
                        error = 'Kindly stopped while this e-mail was being sent; it may have been sent.'
                 WHERE state = 'sending'",
            )
            .bind(Instant(now))
            .execute(p)
            .await
            .map(|r| r.rows_affected())
        })
        .map_err(|e| StoreError::classify(e, self.path()))
    }

    /// Takes the next message that is due (`only`: among these ids) and marks
    /// it `sending` under a new claim token, in one transaction. A message
    /// whose invoices were all paid or cancelled meanwhile is cancelled
    /// instead of sent (Kindly never chases a paid invoice). `None` when
    /// nothing is due.
    pub async fn claim_next_email(
        &self,
        now: DateTime<Utc>,
        only: Option<&[i64]>,
    ) -> Result<Option<ClaimedEmail>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let only_json = only.map(|ids| serde_json::to_string(ids).unwrap_or_default());
        let e = self.engine();
        let among = match only_json {
            Some(_) => format!("id IN ({})", e.json_int_values("$2")),
            None => "$2 IS NULL".to_string(),
        };
        // PostgreSQL: the first due row no other transaction holds, locked
        // until this one commits (`SKIP LOCKED`: a second machine claiming
        // at the same moment takes the next row rather than this one).
        let pick = format!(
            "SELECT id, message_id, envelope_from, recipients, raw, attempts,
                    kind, plan_id, installment_seq, reminder_kind, promise_id
             FROM outbox WHERE state = 'queued' AND next_attempt_at <= $1 AND {among}
             ORDER BY next_attempt_at, id LIMIT 1 {}",
            e.skip_locked()
        );
        loop {
            let mut tx = self.write_tx().await?;
            let mut c = tx.conn();
            let row: Option<ClaimRow> = on_conn!(&mut c, c => {
                sqlx::query_as(AssertSqlSafe(pick.as_str())).bind(Instant(now)).bind(&only_json).fetch_optional(c).await
            })
            .map_err(map)?;
            let Some(ClaimRow { id, message_id, envelope_from, recipients, raw, attempts, purpose }) = row else {
                return Ok(None);
            };
            let purpose = purpose.purpose().map_err(map)?;
            let settled: Vec<String> = on_conn!(&mut c, c => {
                sqlx::query_scalar(
                    "SELECT i.number FROM outbox_invoices oi JOIN invoices i ON i.id = oi.invoice_id
                     WHERE oi.outbox_id = $1 AND (i.status <> 'issued' OR i.paid_minor >= i.total_minor)
                     ORDER BY i.id",
                )
                .bind(id)
                .fetch_all(c)
                .await
            })
            .map_err(map)?;
            let all: i64 = on_conn!(&mut c, c => {
                sqlx::query_scalar("SELECT COUNT(*) FROM outbox_invoices WHERE outbox_id = $1").bind(id).fetch_one(c).await
            })
            .map_err(map)?;
            if !settled.is_empty() && settled.len() as i64 == all {
                let why = format!("Not sent: invoice {} was paid or cancelled in the meantime.", settled.join(", "));
                cancel_on(&mut c, id, "settled", &why, now).await.map_err(map)?;
                tx.commit().await.map_err(map)?;
                continue;
            }
            // Only while still queued: the claim never takes a row another
            // sender moved on (the lock above makes that so on PostgreSQL;
            // this condition keeps it so whatever the read did).
            let claim: Option<i64> = on_conn!(&mut c, c => {
                sqlx::query_scalar(
                    "UPDATE outbox SET state = 'sending', sending_at = $2, updated_at = $2, attempts = attempts + 1,
                            claim_seq = claim_seq + 1
                     WHERE id = $1 AND state = 'queued' RETURNING claim_seq",
                )
                .bind(id)
                .bind(Instant(now))
                .fetch_optional(c)
                .await
            })
            .map_err(map)?;
            let Some(claim) = claim else {
                // Another sender took it between the read and the update:
                // this transaction is rolled back (dropped) and the next
                // due row is read.
                continue;
            };
            tx.commit().await.map_err(map)?;
            return Ok(Some(ClaimedEmail {
                id,
                purpose,
                message_id,
                envelope_from,
                recipients: serde_json::from_str(&recipients).unwrap_or_default(),
                raw,
                attempts: attempts + 1,
                claim,
            }));
        }
    }

    /// The server accepted the message: it becomes `sent`, and in the same
    /// transaction each invoice's stage is recorded done with a timeline
    /// entry holding the full message. `reply` is the server's answer (or a
    /// note that the user confirmed it). `claim`: the sender's token (the
    /// row must still be `sending` under it, else `SenderLost`); `None` for
    /// the user's confirmation of a message that is `sending` or `uncertain`.
    pub async fn email_sent(
        &self,
        id: i64,
        claim: Option<i64>,
        reply: &str,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        // PostgreSQL: the row stays locked while the send is recorded, so a
        // withdrawal or a second confirmation waits, then sees it `sent`.
        let sql = format!(
            "SELECT message_id, client_id, stage_key, stage_offset, recipients, to_display, subject, body, state,
                    claim_seq, eml_path, raw_sha256, kind, plan_id, installment_seq, reminder_kind, promise_id
             FROM outbox WHERE id = $1 {}",
            c.engine().for_update()
        );
        let row: Option<SentFacts> = on_conn!(&mut c, c => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(c).await
        })
        .map_err(map)?;
        let SentFacts {
            message_id,
            client_id,
            stage_key,
            stage_offset: offset,
            recipients,
            to_display,
            subject,
            body,
            state,
            claim_seq,
            eml_path: eml,
            raw_sha256: sha,
            purpose,
        } = row.ok_or(StoreError::NotFound { entity: "e-mail", id })?;
        let purpose = purpose.purpose().map_err(map)?;
        match claim {
            Some(token) if state != "sending" || claim_seq != token => return Err(StoreError::SenderLost { id }),
            None if !matches!(state.as_str(), "sending" | "uncertain") => {
                return Err(StoreError::OutboxState { state, action: "marked sent" });
            }
            _ => {}
        }
        let invoices: Vec<MessageInvoice> = on_conn!(&mut c, c => {
            sqlx::query_as(
                "SELECT oi.invoice_id, i.number, oi.stage_key, oi.stage_offset FROM outbox_invoices oi JOIN invoices i ON i.id = oi.invoice_id
                 WHERE oi.outbox_id = $1 ORDER BY oi.invoice_id",
            )
            .bind(id)
            .fetch_all(c)
            .await
        })
        .map_err(map)?;
        let numbers: Vec<&str> = invoices.iter().map(|i| i.number.as_str()).collect();
        let to: Vec<String> = serde_json::from_str(&to_display).unwrap_or_default();
        let all: Vec<String> = serde_json::from_str(&recipients).unwrap_or_default();
        let files = match &eml {
            Some(p) => {
                serde_json::json!([{ "kind": "eml", "path": p, "sha256": sha, "name": format!("{message_id}.eml") }])
            }
            None => serde_json::json!([]),
        };
        let mut first_entry = None;
        for MessageInvoice { invoice_id: inv, number, stage_key: inv_stage, stage_offset: inv_offset } in &invoices {
            // The stage as it was when the message was queued (the ladder may have changed since).
            let stage = Stage {
                key: inv_stage.clone(),
                name: inv_stage.clone(),
                offset_days: *inv_offset,
                tone: Tone::Friendly,
                channel: Channel::Email,
            };
            let summary = format!("E-mail sent to {}: {}", to.join(", "), subject);
            let data = serde_json::json!({
                "stage": inv_stage, "message_stage": stage_key, "stage_offset": offset, "channel": "email", "message_id": message_id, "outbox_id": id,
                "to": to, "recipients": all, "subject": subject, "body": body, "invoices": numbers,
                "invoice": number, "server_reply": reply, "files": files,
            });
            match purpose {
                EmailPurpose::Ladder => {}
                // Not a ladder stage: one entry for the whole message, no step.
                _ if first_entry.is_some() => continue,
                EmailPurpose::PlanProposal { .. } => {
                    // The proposal reached the client today: the day's contact for each invoice.
                    let ids: Vec<i64> = invoices.iter().map(|i| i.invoice_id).collect();
                    note_contact_on(&mut c, &ids, today, false).await.map_err(map)?;
                    let ev = NewEvent {
                        client_id,
                        invoice_id: Some(*inv),
                        at: now,
                        kind: EventKind::FollowUpDone,
                        summary: &summary,
                        data,
                    };
                    first_entry = Some(append_on(&mut c, &ev).await.map_err(map)?);
                    continue;
                }
                EmailPurpose::PlanReminder { plan_id, seq, kind } => {
                    let mut data = data;
                    if let Some(d) = data.as_object_mut() {
                        d.insert("kind".into(), kind.as_str().into());
                        d.insert("installment".into(), seq.into());
                    }
                    let r = PlanReminderDone { plan_id, seq, kind, channel: "email", summary: &summary, data };
                    let (_, tl) = record_plan_reminder_on(&mut c, &r, today, now, true, self.path()).await?;
                    first_entry = Some(tl);
                    continue;
                }
                EmailPurpose::PromiseFollowUp { promise_id } => {
                    let mut data = data;
                    if let Some(d) = data.as_object_mut() {
                        d.insert("promise_id".into(), promise_id.into());
                    }
                    let f = PromiseFollowedUp { promise_id, summary: &summary, data };
                    let (_, tl) = record_promise_follow_up_on(&mut c, &f, today, now, true, self.path()).await?;
                    first_entry = Some(tl);
                    continue;
                }
                EmailPurpose::Statement => {
                    // A contact with the client about every invoice on it; one
                    // entry for the client (not for any one invoice).
                    let ids: Vec<i64> = invoices.iter().map(|i| i.invoice_id).collect();
                    note_contact_on(&mut c, &ids, today, false).await.map_err(map)?;
                    let mut data = data;
                    if let Some(d) = data.as_object_mut() {
                        d.remove("invoice");
                        d.remove("stage");
                    }
                    let summary = format!("Statement of account sent to {}: {}", to.join(", "), subject);
                    let ev = NewEvent {
                        client_id,
                        invoice_id: None,
                        at: now,
                        kind: EventKind::StatementSent,
                        summary: &summary,
                        data,
                    };
                    first_entry = Some(append_on(&mut c, &ev).await.map_err(map)?);
                    continue;
                }
            }
            let step = DoneStep {
                invoice_id: *inv,
                stage: &stage,
                channel: Channel::Email,
                summary: &summary,
                data,
                document_sha256: Some(&sha),
            };
            let (_, tl) = record_step_on(self, &mut c, &step, EventKind::FollowUpDone, today, now, true).await?;
            first_entry = first_entry.or(Some(tl));
        }
        on_conn!(&mut c, c => {
            sqlx::query(
                "UPDATE outbox SET state = 'sent', sent_at = $2, updated_at = $2, server_reply = $3,
                        error_code = NULL, error = NULL, timeline_id = $4 WHERE id = $1",
            )
            .bind(id)
            .bind(Instant(now))
            .bind(reply)
            .bind(first_entry)
            .execute(c)
            .await
            .map(|_| ())
        })
        .map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// The attempt under the sender's `claim` failed before the server
    /// accepted the message. With `retry_at`, it goes back to the queue for
    /// then (a transient failure); without, it is `failed` and waits for the
    /// user. `SenderLost` when the sender no longer owns the claim.
    pub async fn email_failed(
        &self,
        id: i64,
        claim: i64,
        code: &str,
        message: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (state, next) = match retry_at {
            Some(at) => ("queued", at),
            None => ("failed", now),
        };
        self.set_state(id, &["sending"], Some(claim), state, Some((code, message)), next, now).await
    }

    /// The attempt under the sender's `claim` ended in a way that leaves the
    /// message's fate unknown (the connection was lost or timed out after it
    /// was handed over).
    pub async fn email_uncertain(
        &self,
        id: i64,
        claim: i64,
        code: &str,
        message: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.set_state(id, &["sending"], Some(claim), "uncertain", Some((code, message)), now, now).await
    }

    /// The user asks to send a failed or possibly-sent message (again). It
    /// keeps its Message-ID, so mail programs can recognise a duplicate.
    pub async fn requeue_email(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.set_state(id, &["failed", "uncertain", "queued"], None, "queued", None, now, now).await
    }

    /// Withdraws a message that has not been sent; its stage can then be
    /// done again another way (or queued anew).
    pub async fn cancel_email(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        let why = "E-mail withdrawn before it was sent.";
        self.withdraw(id, &["queued", "failed", "uncertain"], None, "cancelled", why, now).await
    }

    /// Withdraws a message just claimed for sending under `claim` (still
    /// `sending`, not handed to the server) because it no longer applies,
    /// e.g. the installment it reminds of was paid meanwhile.
    pub async fn withdraw_claimed(
        &self,
        id: i64,
        claim: i64,
        code: &str,
        why: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.withdraw(id, &["sending"], Some(claim), code, why, now).await
    }

    /// A message's state and claim token, read `FOR UPDATE` on PostgreSQL
    /// (the change that follows the check is then made on the row checked),
    /// checked against the states it may leave and the caller's claim.
    async fn standing_locked(
        &self,
        c: &mut Conn<'_>,
        id: i64,
        from: &[&str],
        claim: Option<i64>,
        action: &'static str,
    ) -> Result<String, StoreError> {
        let sql = format!("SELECT state, claim_seq FROM outbox WHERE id = $1 {}", c.engine().for_update());
        let row: Option<Standing> = on_conn!(c, c => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(c).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        let Standing { state, claim_seq } = row.ok_or(StoreError::NotFound { entity: "e-mail", id })?;
        match claim {
            Some(token) if !from.contains(&state.as_str()) || claim_seq != token => Err(StoreError::SenderLost { id }),
            _ if !from.contains(&state.as_str()) => Err(StoreError::OutboxState { state, action }),
            _ => Ok(state),
        }
    }

    async fn withdraw(
        &self,
        id: i64,
        from: &[&str],
        claim: Option<i64>,
        code: &str,
        why: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        self.standing_locked(&mut c, id, from, claim, "withdrawn").await?;
        cancel_on(&mut c, id, code, why, now).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    #[allow(clippy::too_many_arguments)] // one private step shared by the five public transitions
    async fn set_state(
        &self,
        id: i64,
        from: &[&str],
        claim: Option<i64>,
        to: &str,
        error: Option<(&str, &str)>,
        next_attempt_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let action = match to {
            "queued" => "sent again",
            "failed" => "marked failed",
            _ => "changed",
        };
        let state = self.standing_locked(&mut c, id, from, claim, action).await?;
        let reset_attempts = state == "failed" && to == "queued";
        on_conn!(&mut c, c => {
            sqlx::query(
                "UPDATE outbox SET state = $2, error_code = $3, error = $4, next_attempt_at = $5, updated_at = $6,
                        attempts = CASE WHEN $7 THEN 0 ELSE attempts END
                 WHERE id = $1",
            )
            .bind(id)
            .bind(to)
            .bind(error.map(|e| e.0))
            .bind(error.map(|e| e.1))
            .bind(Instant(next_attempt_at))
            .bind(Instant(now))
            .bind(reset_attempts)
            .execute(c)
            .await
            .map(|_| ())
        })
        .map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// Messages in the given states (all when empty), newest first.
    pub async fn outbox(&self, states: &[&str], offset: i64, limit: i64) -> Result<Page<OutboxRow>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let e = self.engine();
        let filter = serde_json::to_string(states).unwrap_or_default();
        let where_ = if states.is_empty() {
            "WHERE $1 IS NOT NULL".to_string()
        } else {
            format!("WHERE o.state IN ({})", e.json_text_values("$1"))
        };
        let count = format!("SELECT COUNT(*) FROM outbox o {where_}");
        let list = format!("{} {where_} ORDER BY o.id DESC LIMIT $2 OFFSET $3", list_select(e));
        let (total, rows): (i64, Vec<ListRow>) = on_pool!(self.pool(), p => {
            let total = sqlx::query_scalar(AssertSqlSafe(count)).bind(&filter).fetch_one(p).await;
            match total {
                Ok(total) => sqlx::query_as(AssertSqlSafe(list))
                    .bind(&filter)
                    .bind(limit.clamp(1, 1000))
                    .bind(offset.max(0))
                    .fetch_all(p)
                    .await
                    .map(|rows| (total, rows)),
                Err(e) => Err(e),
            }
        })
        .map_err(map)?;
        Ok(Page { total, rows: rows.into_iter().map(ListRow::into_row).collect() })
    }

    pub async fn outbox_email(&self, id: i64) -> Result<OutboxRow, StoreError> {
        let sql = format!("{} WHERE o.id = $1", list_select(self.engine()));
        let row: Option<ListRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(row.ok_or(StoreError::NotFound { entity: "e-mail", id })?.into_row())
    }

    /// The exact bytes of a message.
    pub async fn outbox_raw(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        let raw: Option<Vec<u8>> = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT raw FROM outbox WHERE id = $1").bind(id).fetch_optional(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        raw.ok_or(StoreError::NotFound { entity: "e-mail", id })
    }

    /// Queued messages whose next attempt has come: what a send run without
    /// a list of ids takes along with the messages it queues.
    pub async fn queued_due_count(&self, now: DateTime<Utc>) -> Result<i64, StoreError> {
        on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE state = 'queued' AND next_attempt_at <= $1")
                .bind(Instant(now))
                .fetch_one(p)
                .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))
    }

    pub async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let rows: Vec<StateCount> = on_pool!(self.pool(), p => {
            sqlx::query_as("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state").fetch_all(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        let mut c = OutboxCounts::default();
        for StateCount { state, n } in rows {
            match state.as_str() {
                "queued" => c.queued = n,
                "sending" => c.sending = n,
                "sent" => c.sent = n,
                "failed" => c.failed = n,
                "uncertain" => c.uncertain = n,
                "cancelled" => c.cancelled = n,
                _ => {}
            }
        }
        Ok(c)
    }

    /// The outbox message (not cancelled) that covers an invoice's stage, if any.
    pub async fn outbox_for_stage(&self, invoice_id: i64, stage_key: &str) -> Result<Option<i64>, StoreError> {
        on_pool!(self.pool(), p => {
            sqlx::query_scalar(
                "SELECT outbox_id FROM outbox_invoices WHERE invoice_id = $1 AND stage_key = $2 AND live = 1",
            )
            .bind(invoice_id)
            .bind(stage_key)
            .fetch_optional(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))
    }

    /// The live (not withdrawn) message for a stage key, with its state.
    pub async fn outbox_for_key(&self, stage_key: &str) -> Result<Option<(i64, OutboxState)>, StoreError> {
        let row: Option<LiveMessage> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT id, state FROM outbox WHERE stage_key = $1 AND state <> 'cancelled' ORDER BY id DESC LIMIT 1",
            )
            .bind(stage_key)
            .fetch_optional(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(row.map(|r| (r.id, r.state.0)))
    }

    /// For each of these invoices, the live (not cancelled) outbox messages:
    /// (invoice id, stage key, outbox id, state).
    pub async fn outbox_states(&self, invoice_ids: &[i64]) -> Result<Vec<(i64, String, i64, OutboxState)>, StoreError> {
        if invoice_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT oi.invoice_id, oi.stage_key, o.id AS outbox_id, o.state FROM outbox_invoices oi JOIN outbox o ON o.id = oi.outbox_id
             WHERE oi.live = 1 AND oi.invoice_id IN ({}) ORDER BY oi.invoice_id, o.id",
            self.engine().json_int_values("$1")
        );
        let ids = serde_json::to_string(invoice_ids).unwrap_or_default();
        let rows: Vec<LiveStage> = on_pool!(self.pool(), p => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(ids).fetch_all(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows.into_iter().map(|r| (r.invoice_id, r.stage_key, r.outbox_id, r.state.0)).collect())
    }

    /// The earliest time a queued message is due, for the background sender.
    pub async fn next_email_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let t: Option<Instant> = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'queued'").fetch_one(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(t.map(|t| t.0))
    }
}

/// Refuses a step done by hand while its e-mail waits in the outbox (or may
/// have been sent), on either engine.
pub(crate) async fn refuse_if_in_outbox_on(
    c: &mut Conn<'_>,
    invoice_id: Option<i64>,
    stage_key: &str,
    path: &std::path::Path,
) -> Result<(), StoreError> {
    let state: Option<String> = on_conn!(c, c => {
        sqlx::query_scalar(
            "SELECT o.state FROM outbox_invoices oi JOIN outbox o ON o.id = oi.outbox_id
             WHERE oi.stage_key = $2 AND ($1 IS NULL OR oi.invoice_id = $1) AND oi.live = 1 AND o.state <> 'sent'
             LIMIT 1",
        )
        .bind(invoice_id)
        .bind(stage_key)
        .fetch_optional(c)
        .await
    })
    .map_err(|e| StoreError::classify(e, path))?;
    match state {
        Some(state) => Err(StoreError::InOutbox { state }),
        None => Ok(()),
    }
}

/// Withdraws message `id` inside the caller's transaction: its stages are
/// freed (`live = 0`), it becomes `cancelled`, and the timeline says why.
async fn cancel_on(c: &mut Conn<'_>, id: i64, code: &str, why: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_conn!(&mut *c, c => {
        sqlx::query("UPDATE outbox_invoices SET live = 0 WHERE outbox_id = $1").bind(id).execute(c).await.map(|_| ())
    })?;
    on_conn!(&mut *c, c => {
        sqlx::query("UPDATE outbox SET state = 'cancelled', error_code = $2, error = $3, updated_at = $4 WHERE id = $1")
            .bind(id)
            .bind(code)
            .bind(why)
            .bind(Instant(now))
            .execute(c)
            .await
            .map(|_| ())
    })?;
    let owner: MessageOwner = on_conn!(&mut *c, c => {
        sqlx::query_as(
            "SELECT o.client_id, (SELECT MIN(invoice_id) FROM outbox_invoices WHERE outbox_id = o.id) AS invoice_id
             FROM outbox o WHERE o.id = $1",
        )
        .bind(id)
        .fetch_one(c)
        .await
    })?;
    let ev = NewEvent {
        client_id: owner.client_id,
        invoice_id: owner.invoice_id,
        at: now,
        kind: EventKind::EmailWithdrawn,
        summary: why,
        data: serde_json::json!({ "outbox_id": id, "reason": code }),
    };
    append_on(c, &ev).await?;
    Ok(())
}

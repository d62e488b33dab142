//! The e-mail outbox: durable state for every message, so that a crash, a
//! kill, a double click or a second window never sends a stage twice and
//! never loses one silently. See 0003_outbox.sql for the states.
//!
//! Only the process that holds the outbox lock (kindly-api's `outbox`
//! module) moves messages to and from `sending`; that is what makes
//! `recover_interrupted` safe: any row still `sending` then belongs to a
//! process that died.

use crate::contacts::{record_promise_follow_up_in, PromiseFollowedUp};
use crate::followups::record_step;
use crate::plans::{record_plan_reminder_in, PlanReminderDone};
use crate::row::{Text, UnknownValue};
use crate::timeline::{append, NewEvent};
use crate::util::{instant_str, parse_instant};
use crate::{DoneStep, Page, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::timeline::EventKind;
use kindly_core::vocab::OutboxState;
use kindly_followup::ladder::{Channel, Stage, Tone};
use kindly_followup::plan::progress::ReminderKind;

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
#[derive(sqlx::FromRow)]
struct PurposeCols {
    kind: String,
    plan_id: Option<i64>,
    installment_seq: Option<i64>,
    reminder_kind: Option<Text<ReminderKind>>,
    promise_id: Option<i64>,
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

/// A message as lists read it (see [`LIST_SELECT`]).
#[derive(sqlx::FromRow)]
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
    next_attempt_at: String,
    error_code: Option<String>,
    error: Option<String>,
    created_at: String,
    sending_at: Option<String>,
    sent_at: Option<String>,
}

/// A message as the sending loop claims it.
#[derive(sqlx::FromRow)]
struct ClaimRow {
    id: i64,
    message_id: String,
    envelope_from: String,
    recipients: String,
    raw: Vec<u8>,
    attempts: i64,
    #[sqlx(flatten, try_from = "PurposeCols")]
    purpose: EmailPurpose,
}

/// What recording a sent message needs.
#[derive(sqlx::FromRow)]
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
    eml_path: Option<String>,
    raw_sha256: String,
    #[sqlx(flatten, try_from = "PurposeCols")]
    purpose: EmailPurpose,
}

/// One invoice a message is about, with its own stage.
#[derive(sqlx::FromRow)]
struct MessageInvoice {
    invoice_id: i64,
    number: String,
    stage_key: String,
    stage_offset: i64,
}

#[derive(sqlx::FromRow)]
struct StateCount {
    state: String,
    n: i64,
}

#[derive(sqlx::FromRow)]
struct LiveMessage {
    id: i64,
    state: Text<OutboxState>,
}

#[derive(sqlx::FromRow)]
struct LiveStage {
    invoice_id: i64,
    stage_key: String,
    outbox_id: i64,
    state: Text<OutboxState>,
}

/// Whom a withdrawn message was for.
#[derive(sqlx::FromRow)]
struct MessageOwner {
    client_id: i64,
    invoice_id: Option<i64>,
}

const LIST_SELECT: &str = "SELECT o.id, o.message_id, o.client_id, c.display_name AS client_name,
        (SELECT json_group_array(i.number) FROM outbox_invoices oi JOIN invoices i ON i.id = oi.invoice_id WHERE oi.outbox_id = o.id)
            AS invoice_numbers,
        o.stage_key, o.to_display, o.subject, o.state, o.attempts, o.next_attempt_at, o.error_code, o.error,
        o.created_at, o.sending_at, o.sent_at
     FROM outbox o JOIN clients c ON c.id = o.client_id";

impl ListRow {
    fn into_row(self) -> Result<OutboxRow, StoreError> {
        Ok(OutboxRow {
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
            next_attempt_at: parse_instant(&self.next_attempt_at)?,
            error_code: self.error_code,
            error: self.error,
            created_at: parse_instant(&self.created_at)?,
            sending_at: self.sending_at.as_deref().map(parse_instant).transpose()?,
            sent_at: self.sent_at.as_deref().map(parse_instant).transpose()?,
        })
    }
}

impl Store {
    /// Puts a message in the outbox. Refused with `AlreadyQueued` when a
    /// message for one of these invoices and this stage is already there
    /// (in any state but cancelled), and with `AlreadyDone` when the stage
    /// was already done another way. Returns the outbox id.
    pub async fn enqueue_email(&self, m: &NewEmail<'_>, now: DateTime<Utc>) -> Result<i64, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.sqlite_tx("the outbox").await?;
        match m.purpose {
            EmailPurpose::PlanReminder { plan_id, seq, kind } => {
                let done: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM plan_reminders WHERE plan_id = ?1 AND seq = ?2 AND kind = ?3")
                        .bind(plan_id)
                        .bind(i64::from(seq))
                        .bind(kind.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(map)?;
                if done.is_some() {
                    return Err(StoreError::AlreadyDone);
                }
            }
            EmailPurpose::PromiseFollowUp { promise_id } => {
                let open: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM promises WHERE id = ?1 AND outcome = 'broken' AND followed_up_on IS NULL",
                )
                .bind(promise_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(map)?;
                if open.is_none() {
                    return Err(StoreError::AlreadyDone);
                }
            }
            EmailPurpose::Ladder | EmailPurpose::PlanProposal { .. } | EmailPurpose::Statement => {}
        }
        for (inv, stage) in m.invoices.iter().filter(|_| m.purpose == EmailPurpose::Ladder) {
            let done: Option<i64> =
                sqlx::query_scalar("SELECT id FROM followup_steps WHERE invoice_id = ?1 AND stage_key = ?2")
                    .bind(inv)
                    .bind(&stage.key)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(map)?;
            if done.is_some() {
                return Err(StoreError::AlreadyDone);
            }
        }
        let t = instant_str(now);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO outbox (message_id, client_id, stage_key, stage_offset, envelope_from, recipients, to_display,
                                 subject, body, raw, raw_sha256, eml_path, next_attempt_at, created_at, updated_at, kind,
                                 plan_id, installment_seq, reminder_kind, promise_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?13, ?14, ?15, ?16, ?17, ?18) RETURNING id",
        )
        .bind(m.message_id)
        .bind(m.client_id)
        .bind(&m.stage.key)
        .bind(m.stage.offset_days)
        .bind(m.envelope_from)
        .bind(serde_json::to_string(m.recipients).unwrap_or_default())
        .bind(serde_json::to_string(m.to_display).unwrap_or_default())
        .bind(m.subject)
        .bind(m.body)
        .bind(m.raw)
        .bind(m.raw_sha256)
        .bind(m.eml_path)
        .bind(&t)
        .bind(m.purpose.kind())
        .bind(m.purpose.plan_id())
        .bind(match m.purpose {
            EmailPurpose::PlanReminder { seq, .. } => Some(i64::from(seq)),
            _ => None,
        })
        .bind(match m.purpose {
            EmailPurpose::PlanReminder { kind, .. } => Some(kind.as_str()),
            _ => None,
        })
        .bind(match m.purpose {
            EmailPurpose::PromiseFollowUp { promise_id } => Some(promise_id),
            _ => None,
        })
        .fetch_one(&mut *tx)
        .await
        .map_err(map)?;
        for (inv, stage) in m.invoices {
            sqlx::query(
                "INSERT INTO outbox_invoices (outbox_id, invoice_id, stage_key, stage_offset) VALUES (?1, ?2, ?3, ?4)",
            )
            .bind(id)
            .bind(inv)
            .bind(&stage.key)
            .bind(stage.offset_days)
            .execute(&mut *tx)
            .await
            .map_err(map)?;
        }
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    /// Marks every message left `sending` as `uncertain`: the process that was
    /// sending it died, and the server may or may not have accepted it.
    /// Call only while holding the outbox lock.
    pub async fn recover_interrupted(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let r = sqlx::query(
            "UPDATE outbox SET state = 'uncertain', updated_at = ?1, error_code = 'interrupted',
                    error = 'Kindly stopped while this e-mail was being sent; it may have been sent.'
             WHERE state = 'sending'",
        )
        .bind(instant_str(now))
        .execute(self.sqlite("the outbox")?)
        .await
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(r.rows_affected())
    }

    /// Takes the next message that is due (`only`: among these ids) and marks
    /// it `sending`, in one transaction. A message whose invoices were all
    /// paid or cancelled meanwhile is cancelled instead of sent (Kindly never
    /// chases a paid invoice). `None` when nothing is due.
    pub async fn claim_next_email(
        &self,
        now: DateTime<Utc>,
        only: Option<&[i64]>,
    ) -> Result<Option<ClaimedEmail>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let t = instant_str(now);
        let only_json = only.map(|ids| serde_json::to_string(ids).unwrap_or_default());
        loop {
            let mut tx = self.sqlite_tx("the outbox").await?;
            const COLS: &str = "id, message_id, envelope_from, recipients, raw, attempts,
                                kind, plan_id, installment_seq, reminder_kind, promise_id";
            let sql = if only_json.is_some() {
                format!(
                    "SELECT {COLS} FROM outbox
                     WHERE state = 'queued' AND next_attempt_at <= ?1 AND id IN (SELECT value FROM json_each(?2))
                     ORDER BY next_attempt_at, id LIMIT 1"
                )
            } else {
                format!(
                    "SELECT {COLS} FROM outbox
                     WHERE state = 'queued' AND next_attempt_at <= ?1 AND ?2 IS NULL ORDER BY next_attempt_at, id LIMIT 1"
                )
            };
            let row: Option<ClaimRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(&t)
                .bind(&only_json)
                .fetch_optional(&mut *tx)
                .await
                .map_err(map)?;
            let Some(ClaimRow { id, message_id, envelope_from, recipients, raw, attempts, purpose }) = row else {
                return Ok(None);
            };
            let settled: Vec<String> = sqlx::query_scalar(
                "SELECT i.number FROM outbox_invoices oi JOIN invoices i ON i.id = oi.invoice_id
                 WHERE oi.outbox_id = ?1 AND (i.status <> 'issued' OR i.paid_minor >= i.total_minor)",
            )
            .bind(id)
            .fetch_all(&mut *tx)
            .await
            .map_err(map)?;
            let all: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox_invoices WHERE outbox_id = ?1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .map_err(map)?;
            if !settled.is_empty() && settled.len() as i64 == all {
                let why = format!("Not sent: invoice {} was paid or cancelled in the meantime.", settled.join(", "));
                cancel_in_tx(&mut tx, id, "settled", &why, now).await.map_err(map)?;
                tx.commit().await.map_err(map)?;
                continue;
            }
            sqlx::query(
                "UPDATE outbox SET state = 'sending', sending_at = ?2, updated_at = ?2, attempts = attempts + 1
                 WHERE id = ?1",
            )
            .bind(id)
            .bind(&t)
            .execute(&mut *tx)
            .await
            .map_err(map)?;
            tx.commit().await.map_err(map)?;
            return Ok(Some(ClaimedEmail {
                id,
                purpose,
                message_id,
                envelope_from,
                recipients: serde_json::from_str(&recipients).unwrap_or_default(),
                raw,
                attempts: attempts + 1,
            }));
        }
    }

    /// The server accepted the message: it becomes `sent`, and in the same
    /// transaction each invoice's stage is recorded done with a timeline
    /// entry holding the full message. `reply` is the server's answer (or a
    /// note that the user confirmed it).
    pub async fn email_sent(
        &self,
        id: i64,
        reply: &str,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.sqlite_tx("the outbox").await?;
        let row: Option<SentFacts> = sqlx::query_as(
            "SELECT message_id, client_id, stage_key, stage_offset, recipients, to_display, subject, body, state,
                        eml_path, raw_sha256, kind, plan_id, installment_seq, reminder_kind, promise_id
                 FROM outbox WHERE id = ?1",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await
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
            eml_path: eml,
            raw_sha256: sha,
            purpose,
        } = row.ok_or(StoreError::NotFound { entity: "e-mail", id })?;
        if !matches!(state.as_str(), "sending" | "uncertain") {
            return Err(StoreError::OutboxState { state, action: "marked sent" });
        }
        let invoices: Vec<MessageInvoice> = sqlx::query_as(
            "SELECT oi.invoice_id, i.number, oi.stage_key, oi.stage_offset FROM outbox_invoices oi JOIN invoices i ON i.id = oi.invoice_id
             WHERE oi.outbox_id = ?1 ORDER BY oi.invoice_id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await
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
                    crate::followups::note_contact(&mut tx, &ids, today, false).await.map_err(map)?;
                    let ev = NewEvent {
                        client_id,
                        invoice_id: Some(*inv),
                        at: now,
                        kind: EventKind::FollowUpDone,
                        summary: &summary,
                        data,
                    };
                    first_entry = Some(append(&mut tx, &ev).await.map_err(map)?);
                    continue;
                }
                EmailPurpose::PlanReminder { plan_id, seq, kind } => {
                    let mut data = data;
                    if let Some(d) = data.as_object_mut() {
                        d.insert("kind".into(), kind.as_str().into());
                        d.insert("installment".into(), seq.into());
                    }
                    let r = PlanReminderDone { plan_id, seq, kind, channel: "email", summary: &summary, data };
                    let (_, tl) = record_plan_reminder_in(&mut tx, &r, today, now, true, self.path()).await?;
                    first_entry = Some(tl);
                    continue;
                }
                EmailPurpose::PromiseFollowUp { promise_id } => {
                    let mut data = data;
                    if let Some(d) = data.as_object_mut() {
                        d.insert("promise_id".into(), promise_id.into());
                    }
                    let f = PromiseFollowedUp { promise_id, summary: &summary, data };
                    let (_, tl) = record_promise_follow_up_in(&mut tx, &f, today, now, true, self.path()).await?;
                    first_entry = Some(tl);
                    continue;
                }
                EmailPurpose::Statement => {
                    // A contact with the client about every invoice on it; one
                    // entry for the client (not for any one invoice).
                    let ids: Vec<i64> = invoices.iter().map(|i| i.invoice_id).collect();
                    crate::followups::note_contact(&mut tx, &ids, today, false).await.map_err(map)?;
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
                    first_entry = Some(append(&mut tx, &ev).await.map_err(map)?);
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
            let (_, tl) = record_step(self, &mut tx, &step, EventKind::FollowUpDone, today, now, true).await?;
            first_entry = first_entry.or(Some(tl));
        }
        sqlx::query(
            "UPDATE outbox SET state = 'sent', sent_at = ?2, updated_at = ?2, server_reply = ?3,
                    error_code = NULL, error = NULL, timeline_id = ?4 WHERE id = ?1",
        )
        .bind(id)
        .bind(instant_str(now))
        .bind(reply)
        .bind(first_entry)
        .execute(&mut *tx)
        .await
        .map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// The attempt failed before the server accepted the message. With
    /// `retry_at`, it goes back to the queue for then (a transient failure);
    /// without, it is `failed` and waits for the user.
    pub async fn email_failed(
        &self,
        id: i64,
        code: &str,
        message: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (state, next) = match retry_at {
            Some(at) => ("queued", instant_str(at)),
            None => ("failed", instant_str(now)),
        };
        self.set_state(id, &["sending"], state, Some((code, message)), &next, now).await
    }

    /// The attempt ended in a way that leaves the message's fate unknown (the
    /// connection was lost or timed out after it was handed over).
    pub async fn email_uncertain(
        &self,
        id: i64,
        code: &str,
        message: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.set_state(id, &["sending"], "uncertain", Some((code, message)), &instant_str(now), now).await
    }

    /// The user asks to send a failed or possibly-sent message (again). It
    /// keeps its Message-ID, so mail programs can recognise a duplicate.
    pub async fn requeue_email(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.set_state(id, &["failed", "uncertain", "queued"], "queued", None, &instant_str(now), now).await
    }

    /// Withdraws a message that has not been sent; its stage can then be
    /// done again another way (or queued anew).
    pub async fn cancel_email(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        let why = "E-mail withdrawn before it was sent.";
        self.withdraw(id, &["queued", "failed", "uncertain"], "cancelled", why, now).await
    }

    /// Withdraws a message just claimed for sending (still `sending`, not
    /// handed to the server) because it no longer applies, e.g. the
    /// installment it reminds of was paid meanwhile.
    pub async fn withdraw_claimed(&self, id: i64, code: &str, why: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.withdraw(id, &["sending"], code, why, now).await
    }

    async fn withdraw(
        &self,
        id: i64,
        from: &[&str],
        code: &str,
        why: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.sqlite_tx("the outbox").await?;
        let state: Option<String> = sqlx::query_scalar("SELECT state FROM outbox WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(map)?;
        let state = state.ok_or(StoreError::NotFound { entity: "e-mail", id })?;
        if !from.contains(&state.as_str()) {
            return Err(StoreError::OutboxState { state, action: "withdrawn" });
        }
        cancel_in_tx(&mut tx, id, code, why, now).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    async fn set_state(
        &self,
        id: i64,
        from: &[&str],
        to: &str,
        error: Option<(&str, &str)>,
        next_attempt_at: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.sqlite_tx("the outbox").await?;
        let state: Option<String> = sqlx::query_scalar("SELECT state FROM outbox WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(map)?;
        let state = state.ok_or(StoreError::NotFound { entity: "e-mail", id })?;
        if !from.contains(&state.as_str()) {
            let action = match to {
                "queued" => "sent again",
                "failed" => "marked failed",
                _ => "changed",
            };
            return Err(StoreError::OutboxState { state, action });
        }
        let reset_attempts = state == "failed" && to == "queued";
        sqlx::query(
            "UPDATE outbox SET state = ?2, error_code = ?3, error = ?4, next_attempt_at = ?5, updated_at = ?6,
                    attempts = CASE WHEN ?7 THEN 0 ELSE attempts END
             WHERE id = ?1",
        )
        .bind(id)
        .bind(to)
        .bind(error.map(|e| e.0))
        .bind(error.map(|e| e.1))
        .bind(next_attempt_at)
        .bind(instant_str(now))
        .bind(reset_attempts)
        .execute(&mut *tx)
        .await
        .map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// Messages in the given states (all when empty), newest first.
    pub async fn outbox(&self, states: &[&str], offset: i64, limit: i64) -> Result<Page<OutboxRow>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let filter = serde_json::to_string(states).unwrap_or_default();
        let where_ = if states.is_empty() {
            "WHERE ?1 IS NOT NULL"
        } else {
            "WHERE o.state IN (SELECT value FROM json_each(?1))"
        };
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM outbox o {where_}")))
            .bind(&filter)
            .fetch_one(self.sqlite("the outbox")?)
            .await
            .map_err(map)?;
        let rows: Vec<ListRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{LIST_SELECT} {where_} ORDER BY o.id DESC LIMIT ?2 OFFSET ?3"
        )))
        .bind(&filter)
        .bind(limit.clamp(1, 1000))
        .bind(offset.max(0))
        .fetch_all(self.sqlite("the outbox")?)
        .await
        .map_err(map)?;
        Ok(Page { total, rows: rows.into_iter().map(ListRow::into_row).collect::<Result<_, _>>()? })
    }

    pub async fn outbox_email(&self, id: i64) -> Result<OutboxRow, StoreError> {
        let row: Option<ListRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{LIST_SELECT} WHERE o.id = ?1")))
            .bind(id)
            .fetch_optional(self.sqlite("the outbox")?)
            .await
            .map_err(|e| StoreError::classify(e, self.path()))?;
        row.ok_or(StoreError::NotFound { entity: "e-mail", id })?.into_row()
    }

    /// The exact bytes of a message.
    pub async fn outbox_raw(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        let raw: Option<Vec<u8>> = sqlx::query_scalar("SELECT raw FROM outbox WHERE id = ?1")
            .bind(id)
            .fetch_optional(self.sqlite("the outbox")?)
            .await
            .map_err(|e| StoreError::classify(e, self.path()))?;
        raw.ok_or(StoreError::NotFound { entity: "e-mail", id })
    }

    /// Queued messages whose next attempt has come: what a send run without
    /// a list of ids takes along with the messages it queues.
    pub async fn queued_due_count(&self, now: DateTime<Utc>) -> Result<i64, StoreError> {
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE state = 'queued' AND next_attempt_at <= ?1")
            .bind(instant_str(now))
            .fetch_one(self.sqlite("the outbox")?)
            .await
            .map_err(|e| StoreError::classify(e, self.path()))
    }

    pub async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let rows: Vec<StateCount> = sqlx::query_as("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state")
            .fetch_all(self.sqlite("the outbox")?)
            .await
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
        sqlx::query_scalar(
            "SELECT outbox_id FROM outbox_invoices WHERE invoice_id = ?1 AND stage_key = ?2 AND live = 1",
        )
        .bind(invoice_id)
        .bind(stage_key)
        .fetch_optional(self.sqlite("the outbox")?)
        .await
        .map_err(|e| StoreError::classify(e, self.path()))
    }

    /// For each of these invoices, the live (not cancelled) outbox messages:
    /// (invoice id, stage key, outbox id, state).
    /// The live (not withdrawn) message for a stage key, with its state.
    pub async fn outbox_for_key(&self, stage_key: &str) -> Result<Option<(i64, OutboxState)>, StoreError> {
        let row: Option<LiveMessage> = sqlx::query_as(
            "SELECT id, state FROM outbox WHERE stage_key = ?1 AND state <> 'cancelled' ORDER BY id DESC LIMIT 1",
        )
        .bind(stage_key)
        .fetch_optional(self.sqlite("the outbox")?)
        .await
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(row.map(|r| (r.id, r.state.0)))
    }

    pub async fn outbox_states(&self, invoice_ids: &[i64]) -> Result<Vec<(i64, String, i64, OutboxState)>, StoreError> {
        if invoice_ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<LiveStage> = sqlx::query_as(
            "SELECT oi.invoice_id, oi.stage_key, o.id AS outbox_id, o.state FROM outbox_invoices oi JOIN outbox o ON o.id = oi.outbox_id
             WHERE oi.live = 1 AND oi.invoice_id IN (SELECT value FROM json_each(?1))",
        )
        .bind(serde_json::to_string(invoice_ids).unwrap_or_default())
        .fetch_all(self.sqlite("the outbox")?)
        .await
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows.into_iter().map(|r| (r.invoice_id, r.stage_key, r.outbox_id, r.state.0)).collect())
    }

    /// The earliest time a queued message is due, for the background sender.
    pub async fn next_email_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let t: Option<String> = sqlx::query_scalar("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'queued'")
            .fetch_one(self.sqlite("the outbox")?)
            .await
            .map_err(|e| StoreError::classify(e, self.path()))?;
        t.as_deref().map(parse_instant).transpose()
    }
}

/// Refuses to record a step by hand while an e-mail for it waits in the
/// outbox (queued, being sent, failed or possibly sent): it would reach the
/// client as well, or its fate is the user's decision there first.
/// `invoice_id` narrows a ladder stage key to one invoice.
pub(crate) async fn refuse_if_in_outbox(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    invoice_id: Option<i64>,
    stage_key: &str,
    path: &std::path::Path,
) -> Result<(), StoreError> {
    refuse_if_in_outbox_on(&mut crate::engine::Conn::sqlite(tx), invoice_id, stage_key, path).await
}

/// [`refuse_if_in_outbox`] on either engine (a ported module's step by hand).
pub(crate) async fn refuse_if_in_outbox_on(
    c: &mut crate::engine::Conn<'_>,
    invoice_id: Option<i64>,
    stage_key: &str,
    path: &std::path::Path,
) -> Result<(), StoreError> {
    let state: Option<String> = crate::engine::on_conn!(c, c => {
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

async fn cancel_in_tx(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    id: i64,
    code: &str,
    why: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let t = instant_str(now);
    sqlx::query("UPDATE outbox_invoices SET live = 0 WHERE outbox_id = ?1").bind(id).execute(&mut **tx).await?;
    sqlx::query("UPDATE outbox SET state = 'cancelled', error_code = ?2, error = ?3, updated_at = ?4 WHERE id = ?1")
        .bind(id)
        .bind(code)
        .bind(why)
        .bind(&t)
        .execute(&mut **tx)
        .await?;
    let owner: MessageOwner = sqlx::query_as(
        "SELECT o.client_id, (SELECT MIN(invoice_id) FROM outbox_invoices WHERE outbox_id = o.id) AS invoice_id
         FROM outbox o WHERE o.id = ?1",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    let ev = NewEvent {
        client_id: owner.client_id,
        invoice_id: owner.invoice_id,
        at: now,
        kind: EventKind::EmailWithdrawn,
        summary: why,
        data: serde_json::json!({ "outbox_id": id, "reason": code }),
    };
    append(tx, &ev).await?;
    Ok(())
}

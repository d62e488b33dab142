//! Sending reminder e-mails through the durable outbox.
//!
//! 1. `queue_emails` renders each client's message (text + HTML + invoice
//!    PDFs), gives it a Message-ID, and writes the exact bytes to the outbox
//!    (and a `.eml` copy under the data folder) before anything is sent.
//! 2. `send_queued`, holding the outbox lock, marks leftovers of a crashed
//!    sender `uncertain`, then claims one due message at a time, hands it to
//!    the server, and records the outcome.
//!
//! Architecture Invariant: a message is marked `sent` only after the server
//! accepted it; a message whose fate is unknown (a crash, a connection lost
//! or timed out after it was handed over) becomes `uncertain` and is never
//! sent again without the user's word. Transient failures before hand-over
//! retry with backoff; permanent ones stop and wait for the user.
//!
//! Architecture Invariant: only the holder of `<data dir>/outbox.lock` (an OS
//! file lock, released by the OS when a process dies) sends; so two windows,
//! the CLI and the background sender never send the same message twice. On
//! a team database (issue #19) the sender also holds the store's sender lock
//! (`Store::lock_outbox_sender`, a PostgreSQL advisory lock that dies with
//! its connection) for the whole run, and each claim carries a token the
//! outcome must name: two machines never send the same message twice.

use crate::documents::{
    attaches_letter, data_dir, page_size, reminder_letter, reminder_letter_name, render_invoice_pdf, sender,
    sha256_hex, InvoicePdfRequest,
};
use crate::followups::{due_stages, load_bundle, preview, MessageRequest};
use crate::views::Page;
use crate::{mail, ApiError, ApiResult, Ctx};
use chrono::{DateTime, Duration, Utc};
use kindly_core::vocab::{Correspondence, OutboxState};
use kindly_core::ErrorCode;
use kindly_followup::ladder::{Channel, Stage};
use kindly_followup::plan::progress::ReminderKind;
use kindly_mail::compose::{compose, new_message_id, FileAttachment, Outgoing};
use kindly_mail::transport::Mailer;
use kindly_mail::MailError;
use kindly_pdf::{DocMeta, Fonts};
use kindly_store::{EmailPurpose, NewEmail, OutboxRow, Store};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct QueueEmailsRequest {
    /// The invoices to write to (their ladder stage due today). When this
    /// and the two lists below are all empty: every e-mail due today.
    #[serde(default)]
    pub invoice_ids: Vec<i64>,
    /// Installment plans whose reminder (or broken-plan notice) is due today.
    #[serde(default)]
    pub plan_ids: Vec<i64>,
    /// Broken promises whose polite follow-up is due.
    #[serde(default)]
    pub promise_ids: Vec<i64>,
    /// For "Send all e-mails": the number the user confirmed (the
    /// preview's `total`). When it is no longer that many, nothing is
    /// queued (`count_changed`).
    #[serde(default)]
    pub expected_total: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SkippedView {
    pub invoice_numbers: Vec<String>,
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct QueueEmailsResult {
    /// Outbox ids of the messages queued now.
    pub queued: Vec<i64>,
    /// Invoices not queued, and why (no e-mail address, already queued…).
    pub skipped: Vec<SkippedView>,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct SendProgress {
    pub total: i64,
    pub done: i64,
    pub sent: i64,
    pub failed: i64,
    pub uncertain: i64,
    pub retrying: i64,
    /// The message being sent now (subject and recipient).
    pub current: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct SendReport {
    pub sent: i64,
    pub failed: i64,
    pub uncertain: i64,
    pub retrying: i64,
    /// Messages withdrawn: the batch was cancelled, or a message no longer
    /// applied when its turn came (e.g. its installment was paid meanwhile).
    pub cancelled: i64,
    /// Messages found interrupted by a crash and flagged for the user.
    pub recovered: i64,
    /// Why the batch stopped early (e.g. the server refused the password).
    pub stopped: Option<ApiError>,
}

/// What stopped the app's background sender (it resumes the outbox every
/// minute): shown until the user dismisses it or a later batch goes through.
/// Sent as the `outbox-background-problem` event (`null` when cleared) and
/// by the `background_send_problem` command.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackgroundSendProblem {
    /// What went wrong (`smtp_auth`, `keychain_locked`, `smtp_connect`, …).
    pub error: ApiError,
    /// When it happened, RFC 3339.
    pub at: String,
    /// When the background sender tries again by itself, in minutes.
    pub retry_in_minutes: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboxItem {
    pub id: i64,
    pub message_id: String,
    pub client_id: i64,
    pub client_name: String,
    pub invoice_numbers: Vec<String>,
    pub stage_key: String,
    pub to: Vec<String>,
    pub subject: String,
    /// queued, sending, sent, failed, uncertain, cancelled.
    pub state: OutboxState,
    pub attempts: i64,
    /// For people: "Sent 23 Nov 2026 10:42", "May have been sent at 10:42", …
    pub status_text: String,
    pub error_code: Option<String>,
    pub error: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    pub next_attempt_at: String,
    pub sending_at: Option<String>,
    pub sent_at: Option<String>,
    /// Who queued it (team database: the member's name), when one was set.
    pub made_by: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct OutboxRequest {
    /// States to show; empty = all.
    #[serde(default)]
    pub states: Vec<String>,
    #[serde(default)]
    pub offset: i64,
    #[serde(default)]
    pub limit: i64,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct OutboxSummary {
    pub queued: i64,
    pub sending: i64,
    pub sent: i64,
    pub failed: i64,
    pub uncertain: i64,
    pub cancelled: i64,
    /// failed + uncertain: what waits for the user's decision.
    pub needs_attention: i64,
}

/// What the user decides about one message.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OutboxActionRequest {
    pub id: i64,
    /// "resend" (a failed or possibly-sent message goes back to the queue),
    /// "confirm_sent" (the user checked: it did arrive), "cancel".
    pub action: String,
}

/// Retry delays after transient failures; after the last one the message
/// is marked failed for the user to decide.
const BACKOFF_MINUTES: [i64; 5] = [1, 5, 15, 60, 180];

/// When to try again after `attempts` transient failures, or `None` to stop.
pub fn retry_after(attempts: i64) -> Option<Duration> {
    usize::try_from(attempts - 1).ok().and_then(|i| BACKOFF_MINUTES.get(i)).map(|m| Duration::minutes(*m))
}

/// Renders and queues the e-mails for these invoices (one message per
/// client, bundling that client's invoices), or for every e-mail due today.
/// Nothing is sent here.
pub async fn queue_emails(ctx: Ctx<'_>, fonts: &Fonts, req: &QueueEmailsRequest) -> ApiResult<QueueEmailsResult> {
    crate::business::require(ctx, Correspondence::Email).await?;
    let smtp = mail::configured(ctx).await?;
    let Selection { by_client, plan_ids, promise_ids } = select(ctx, req).await?;
    if req.expected_total.is_some() {
        let new_messages = (by_client.len() + plan_ids.len() + promise_ids.len()) as i64;
        let waiting = ctx.store.queued_due_count(ctx.now).await?;
        crate::due::check_expected(req.expected_total, new_messages + waiting, "e-mails")?;
    }
    let mut result = QueueEmailsResult { queued: Vec::new(), skipped: Vec::new() };
    for ids in by_client.values() {
        match queue_one(ctx, fonts, &smtp, ids).await {
            Ok(id) => result.queued.push(id),
            Err(e) if matches!(e.code, ErrorCode::DiskFull | ErrorCode::DatabaseBusy) => return Err(e),
            Err(e) => {
                let mut numbers = Vec::new();
                for id in ids {
                    numbers.push(ctx.store.invoice(*id).await.map(|i| i.number).unwrap_or_else(|_| id.to_string()));
                }
                result.skipped.push(SkippedView { invoice_numbers: numbers, code: e.code, message: e.message });
            }
        }
    }
    for id in plan_ids {
        match queue_plan_reminder(ctx, &smtp, id).await {
            Ok(id) => result.queued.push(id),
            Err(e) if matches!(e.code, ErrorCode::DiskFull | ErrorCode::DatabaseBusy) => return Err(e),
            Err(e) => {
                let numbers = ctx.store.plan(id).await.map(|p| p.invoice_numbers()).unwrap_or_default();
                result.skipped.push(SkippedView { invoice_numbers: numbers, code: e.code, message: e.message });
            }
        }
    }
    for id in promise_ids {
        match queue_promise_follow_up(ctx, fonts, &smtp, id).await {
            Ok(id) => result.queued.push(id),
            Err(e) if matches!(e.code, ErrorCode::DiskFull | ErrorCode::DatabaseBusy) => return Err(e),
            Err(e) => {
                let all = ctx.store.promises(None, None).await.unwrap_or_default();
                let numbers = all.into_iter().filter(|p| p.id == id).map(|p| p.invoice_number).collect();
                result.skipped.push(SkippedView { invoice_numbers: numbers, code: e.code, message: e.message });
            }
        }
    }
    Ok(result)
}

/// The messages a queue request stands for: one per client (bundling that
/// client's invoices), one per plan reminder, one per promise follow-up.
struct Selection {
    by_client: BTreeMap<i64, Vec<i64>>,
    plan_ids: Vec<i64>,
    promise_ids: Vec<i64>,
}

/// What `queue_emails` would queue for `req` (nothing named: every e-mail
/// due today). Plans' completions and breaks, and promises past their day,
/// are recorded once here; each message then reads them as they are.
async fn select(ctx: Ctx<'_>, req: &QueueEmailsRequest) -> ApiResult<Selection> {
    crate::due::prepare_today(ctx).await?;
    let everything = req.invoice_ids.is_empty() && req.plan_ids.is_empty() && req.promise_ids.is_empty();
    let mut by_client: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let (plan_ids, promise_ids) = if everything {
        // The due steps know each invoice's client: no invoice is loaded.
        for (id, client) in crate::followups::due_email_invoices(ctx).await? {
            by_client.entry(client).or_default().push(id);
        }
        (due_plan_emails(ctx).await?, due_promise_emails(ctx).await?)
    } else {
        for id in &req.invoice_ids {
            by_client.entry(ctx.store.invoice(*id).await?.client_id).or_default().push(*id);
        }
        (req.plan_ids.clone(), req.promise_ids.clone())
    };
    Ok(Selection { by_client, plan_ids, promise_ids })
}

/// What "Send all e-mails" will do, counted by the same selection as
/// `queue_emails` and the same rule as `send_queued`: the number the
/// button names is the number of messages it then sends or reports.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SendAllPreview {
    /// Messages it writes now: one per client, plan reminder or promise follow-up.
    pub new_messages: i64,
    /// Invoices the new messages are about (a client's invoices share one message).
    pub invoices: i64,
    /// Messages already waiting in the outbox that go out with them.
    pub waiting: i64,
    /// `new_messages + waiting`.
    pub total: i64,
}

pub async fn send_all_preview(ctx: Ctx<'_>) -> ApiResult<SendAllPreview> {
    let s = select(ctx, &QueueEmailsRequest::default()).await?;
    let new_messages = (s.by_client.len() + s.plan_ids.len() + s.promise_ids.len()) as i64;
    let invoices = s.by_client.values().map(Vec::len).sum::<usize>() as i64;
    let waiting = ctx.store.queued_due_count(ctx.now).await?;
    Ok(SendAllPreview { new_messages, invoices, waiting, total: new_messages + waiting })
}

/// Plans whose reminder due today goes by e-mail and is not in the outbox yet.
async fn due_plan_emails(ctx: Ctx<'_>) -> ApiResult<Vec<i64>> {
    let items = crate::plans::queue_items(ctx, None).await?;
    Ok(items
        .into_iter()
        .filter(|i| i.channel == Channel::Email && i.email_state.is_none())
        .map(|i| i.plan_id)
        .collect())
}

/// Broken promises whose follow-up goes by e-mail and is not in the outbox yet.
async fn due_promise_emails(ctx: Ctx<'_>) -> ApiResult<Vec<i64>> {
    let items = crate::contacts::promise_queue(ctx, None).await?;
    Ok(items
        .into_iter()
        .filter(|i| i.channel == Channel::Email && i.email_state.is_none())
        .map(|i| i.promise.id)
        .collect())
}

/// A stage standing for a message that is not a ladder stage (its key is
/// unique to what the message is about).
fn stage_for(purpose: EmailPurpose, name: &str) -> Stage {
    Stage {
        key: purpose.stage_key().unwrap_or_default(),
        name: name.into(),
        offset_days: 0,
        tone: kindly_followup::ladder::Tone::Courteous,
        channel: kindly_followup::ladder::Channel::Email,
    }
}

pub(crate) fn needs_email(client: &kindly_store::ClientRecord, instead: &str) -> ApiResult<()> {
    if client.details.emails.is_empty() {
        return Err(ApiError::new(
            ErrorCode::NoEmail,
            format!("{} has no e-mail address; {instead}", client.details.display_name),
            None,
        ));
    }
    Ok(())
}

/// Queues the installment reminder (or broken-plan notice) due today for a
/// plan. At most once per installment and kind; sending it records the
/// reminder in the plan and the timeline.
async fn queue_plan_reminder(ctx: Ctx<'_>, smtp: &kindly_mail::SmtpSettings, plan_id: i64) -> ApiResult<i64> {
    let (plan, seq, kind) = crate::plans::reminders::due_on_record(ctx, plan_id).await?;
    let client = ctx.store.client(plan.client_id).await?;
    needs_email(&client, "print the reminder as a letter instead.")?;
    let message = crate::plans::reminders::render_reminder(ctx, &plan, seq, kind).await?;
    let purpose = EmailPurpose::PlanReminder { plan_id, seq, kind };
    let stage = stage_for(purpose, "Installment reminder");
    let pairs: Vec<(i64, &Stage)> = plan.invoices.iter().map(|(id, _)| (*id, &stage)).collect();
    let letter = Letter { purpose, stage: &stage, invoices: &pairs, subject: &message.subject, body: &message.body };
    enqueue(ctx, smtp, &client, &letter, Vec::new()).await
}

/// An invoice as its client gets it by e-mail: the Factur-X PDF instead of
/// the plain PDF, or the plain PDF and the XRechnung / Peppol XML beside
/// it, with the sentence that says so; the plain PDF alone for a client
/// without a format. An e-invoice that still lacks fields (the client's
/// details changed after issuing) does not hold a reminder back: the plain
/// PDF goes, and the log says why.
async fn invoice_attachments(
    ctx: Ctx<'_>,
    fonts: &Fonts,
    client: &kindly_store::ClientRecord,
    invoice_id: i64,
) -> ApiResult<(Vec<FileAttachment>, Option<String>)> {
    let plain = || async move {
        let (name, bytes) = render_invoice_pdf(ctx, fonts, &InvoicePdfRequest { invoice_id, page_size: None }).await?;
        Ok::<_, ApiError>(FileAttachment { name, content_type: "application/pdf".into(), bytes })
    };
    let e = match crate::einvoice::attachment_for(ctx, fonts, invoice_id).await {
        Ok(Some(e)) => e,
        Ok(None) => return Ok((vec![plain().await?], None)),
        Err(err) if err.code == ErrorCode::EinvoiceIncomplete => {
            tracing::warn!(invoice_id, reason = %err.message, "e-invoice not attached; the plain PDF goes instead");
            return Ok((vec![plain().await?], None));
        }
        Err(err) => return Err(err),
    };
    let note = Some(crate::einvoice::attached_sentence(e.format, client.details.language));
    let file = FileAttachment { name: e.file_name, content_type: e.mime.into(), bytes: e.bytes };
    if e.mime == "application/pdf" {
        Ok((vec![file], note))
    } else {
        Ok((vec![plain().await?, file], note))
    }
}

fn with_notes(body: &str, notes: &[String]) -> String {
    if notes.is_empty() {
        body.to_string()
    } else {
        format!("{}\n\n{}", body.trim_end(), notes.join("\n"))
    }
}

/// Queues the polite follow-up about a broken promise, with the invoice PDF.
/// At most once per promise; sending it records the follow-up.
async fn queue_promise_follow_up(
    ctx: Ctx<'_>,
    fonts: &Fonts,
    smtp: &kindly_mail::SmtpSettings,
    promise_id: i64,
) -> ApiResult<i64> {
    let item = crate::contacts::promise_follow_up(ctx, promise_id).await?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::AlreadyDone,
            "No follow-up is due for this promise (kept, or already followed up).",
            None,
        )
    })?;
    let client = ctx.store.client(item.client_id).await?;
    needs_email(&client, "send the follow-up as a letter instead.")?;
    let invoice_id = item.promise.invoice_id;
    let (files, note) = invoice_attachments(ctx, fonts, &client, invoice_id).await?;
    let purpose = EmailPurpose::PromiseFollowUp { promise_id };
    let stage = stage_for(purpose, "Follow-up on a promise to pay");
    let pairs = [(invoice_id, &stage)];
    let body = with_notes(&item.body, note.as_slice());
    let letter = Letter { purpose, stage: &stage, invoices: &pairs, subject: &item.subject, body: &body };
    enqueue(ctx, smtp, &client, &letter, files).await
}

async fn queue_one(ctx: Ctx<'_>, fonts: &Fonts, smtp: &kindly_mail::SmtpSettings, ids: &[i64]) -> ApiResult<i64> {
    let invoices = load_bundle(ctx, ids).await?;
    let stages = due_stages(ctx, &invoices).await?;
    let message = preview(ctx, &MessageRequest { invoice_ids: ids.to_vec(), ..Default::default() }).await?;
    let client = ctx.store.client(message.client_id).await?;
    if client.details.emails.is_empty() || message.channel != Channel::Email {
        return Err(ApiError::new(
            ErrorCode::NoEmail,
            format!(
                "{} has no e-mail address, or this step is not an e-mail; it is in today's letters or calls instead.",
                client.details.display_name
            ),
            None,
        ));
    }
    let stage = stages
        .iter()
        .max_by_key(|s| s.offset_days)
        .cloned()
        .ok_or_else(|| ApiError::new(ErrorCode::AlreadyDone, "Nothing is due today for these invoices.", None))?;
    let mut attachments = Vec::new();
    let mut notes = Vec::new();
    for inv in &invoices {
        let (files, note) = invoice_attachments(ctx, fonts, &client, inv.id).await?;
        attachments.extend(files);
        notes.extend(note);
    }
    notes.dedup();
    let body = with_notes(&message.body, &notes);
    if attaches_letter(&stage) {
        attachments.push(reminder_letter_pdf(ctx, fonts, &client, &invoices, &message).await?);
    }
    let pairs: Vec<(i64, &Stage)> = invoices.iter().map(|i| i.id).zip(stages.iter()).collect();
    let letter = Letter {
        purpose: EmailPurpose::Ladder,
        stage: &stage,
        invoices: &pairs,
        subject: &message.subject,
        body: &body,
    };
    enqueue(ctx, smtp, &client, &letter, attachments).await
}

/// The reminder letter for these invoices as a PDF attachment, named after them.
async fn reminder_letter_pdf(
    ctx: Ctx<'_>,
    fonts: &Fonts,
    client: &kindly_store::ClientRecord,
    invoices: &[kindly_store::InvoiceRecord],
    message: &crate::followups::MessagePreview,
) -> ApiResult<FileAttachment> {
    let settings = ctx.store.settings().await?;
    let page = page_size(None, settings.locale);
    let from = sender(ctx).await?;
    let einvoice = crate::einvoice::format_of(ctx.store.client_einvoice(client.id).await?.format);
    let doc = reminder_letter(ctx, page, &from, client, invoices, message, einvoice);
    let meta = DocMeta::new(message.subject.clone(), from.party.name, ctx.now.naive_utc());
    let bytes = kindly_pdf::render_letters(fonts, &[doc], &meta).map_err(ApiError::from)?;
    Ok(FileAttachment {
        name: reminder_letter_name(&message.invoice_numbers),
        content_type: "application/pdf".into(),
        bytes,
    })
}

/// What one outbox message says and is about.
pub(crate) struct Letter<'a> {
    pub(crate) purpose: EmailPurpose,
    pub(crate) stage: &'a Stage,
    pub(crate) invoices: &'a [(i64, &'a Stage)],
    pub(crate) subject: &'a str,
    pub(crate) body: &'a str,
}

/// Composes the message for a client, keeps a `.eml` copy and writes it to the outbox.
pub(crate) async fn enqueue(
    ctx: Ctx<'_>,
    smtp: &kindly_mail::SmtpSettings,
    client: &kindly_store::ClientRecord,
    letter: &Letter<'_>,
    attachments: Vec<FileAttachment>,
) -> ApiResult<i64> {
    let to: Vec<(String, String)> =
        client.details.emails.iter().map(|a| (client.details.display_name.clone(), a.clone())).collect();
    let message_id = new_message_id(&smtp.from_address);
    let composed = compose(&Outgoing {
        message_id: message_id.clone(),
        date: ctx.now,
        from_name: smtp.from_name.clone(),
        from_address: smtp.from_address.clone(),
        reply_to: smtp.reply_to.clone(),
        to: to.clone(),
        bcc: if smtp.bcc_self { vec![smtp.from_address.clone()] } else { Vec::new() },
        subject: letter.subject.to_string(),
        text: letter.body.to_string(),
        attachments,
    })?;
    let sha = sha256_hex(&composed.raw);
    // A copy on disk for the evidence dossier; the outbox row holds the bytes too.
    let dir = data_dir(ctx).join("mail");
    let stem = message_id.trim_matches(['<', '>']).replace(['@', '/', '\\'], "_");
    let path = crate::files::write_new(&dir, &stem, "eml", &composed.raw)?;
    crate::files::keep_in_database(ctx, &data_dir(ctx), &path, &composed.raw).await?;
    let to_display: Vec<String> = to.iter().map(|(n, a)| format!("{n} <{a}>")).collect();
    let path_str = path.display().to_string();
    let queued = ctx
        .store
        .enqueue_email(
            &NewEmail {
                message_id: &message_id,
                purpose: letter.purpose,
                client_id: client.id,
                stage: letter.stage,
                invoices: letter.invoices,
                envelope_from: &composed.envelope_from,
                recipients: &composed.envelope_to,
                to_display: &to_display,
                subject: letter.subject,
                body: letter.body,
                raw: &composed.raw,
                raw_sha256: &sha,
                eml_path: Some(&path_str),
            },
            ctx.now,
        )
        .await;
    if queued.is_err() {
        // Not queued: the copy would only confuse the dossier.
        crate::files::remove_leftover(&path);
    }
    Ok(queued?)
}

/// Queues an installment plan's proposal as an e-mail (its text, with the
/// agreement letter PDF attached). At most once per plan; sending it does not
/// touch the invoices' ladder.
pub async fn queue_plan_proposal(ctx: Ctx<'_>, fonts: &Fonts, plan_id: i64) -> ApiResult<i64> {
    crate::business::require(ctx, Correspondence::Email).await?;
    let smtp = mail::configured(ctx).await?;
    let plan = ctx.store.plan(plan_id).await?;
    let client = ctx.store.client(plan.client_id).await?;
    needs_email(&client, "print the agreement letter instead.")?;
    let message = crate::plans::proposal_email(ctx, plan_id).await?;
    let pdf =
        crate::plans::plan_pdf(ctx, fonts, &crate::plans::PlanPdfRequest { plan_id, page_size: None, print: false })
            .await?;
    let bytes = std::fs::read(&pdf.path)
        .map_err(|e| ApiError::new(ErrorCode::IoError, format!("Cannot read {}: {e}", pdf.path), None))?;
    let name = Path::new(&pdf.path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let purpose = EmailPurpose::PlanProposal { plan_id };
    let stage = stage_for(purpose, "Installment plan proposal");
    let pairs: Vec<(i64, &Stage)> = plan.invoices.iter().map(|(id, _)| (*id, &stage)).collect();
    let letter = Letter { purpose, stage: &stage, invoices: &pairs, subject: &message.subject, body: &message.body };
    enqueue(ctx, &smtp, &client, &letter, vec![FileAttachment { name, content_type: "application/pdf".into(), bytes }])
        .await
}

/// The outbox lock: held while sending; the OS releases it if the process dies.
pub struct OutboxLock {
    _file: File,
}

impl OutboxLock {
    pub fn acquire(data_dir: &Path) -> ApiResult<OutboxLock> {
        let io = |e: std::io::Error| {
            ApiError::new(ErrorCode::IoError, format!("Cannot use {}: {e}", data_dir.display()), None)
        };
        std::fs::create_dir_all(data_dir).map_err(io)?;
        let file =
            File::options().create(true).truncate(false).write(true).open(data_dir.join("outbox.lock")).map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(OutboxLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(ApiError::new(
                ErrorCode::OutboxBusy,
                "Another Kindly window is sending e-mails right now; the queued ones will be sent there.",
                None,
            )),
            Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
        }
    }
}

/// Sends the queued messages that are due (`only`: just these outbox ids),
/// one at a time over one reused connection. `clock` stamps each outcome;
/// `progress` is called after each message; setting `cancel` withdraws the
/// messages of this batch not yet sent (the one in flight completes).
pub async fn send_queued(
    ctx: Ctx<'_>,
    clock: &(dyn Fn() -> DateTime<Utc> + Sync),
    only: Option<&[i64]>,
    progress: &mut (dyn FnMut(&SendProgress) + Send),
    cancel: &AtomicBool,
) -> ApiResult<SendReport> {
    let _lock = OutboxLock::acquire(&data_dir(ctx))?;
    let store = ctx.store;
    // Another machine sending the team's outbox: leave the queue to it
    // (the file lock above only covers this computer).
    let mut sender = store.lock_outbox_sender().await?;
    let mut report =
        SendReport { recovered: store.recover_interrupted(&sender, clock()).await? as i64, ..Default::default() };
    if report.recovered > 0 {
        tracing::warn!(recovered = report.recovered, "e-mails cut off by a crash are flagged \"may have been sent\"");
    }
    let counts = store.outbox_counts().await?;
    let total = match only {
        Some(ids) => ids.len() as i64,
        None => counts.queued,
    };
    if total == 0 || (counts.queued == 0) {
        return Ok(report);
    }
    let mut p = SendProgress { total, ..Default::default() };
    // Messages queued before the profile was emptied (or by an older
    // version) still never leave without a sender and a way to pay.
    if let Err(e) = crate::business::require(ctx, Correspondence::Email).await {
        tracing::warn!(code = %e.code, "sending stopped: {}", e.message);
        return Ok(SendReport { stopped: Some(e), ..report });
    }
    let (smtp, password) = match mail::account(ctx).await {
        Ok(a) => a,
        Err(e) => {
            tracing::warn!(code = %e.code, "sending stopped before connecting: {}", e.message);
            return Ok(SendReport { stopped: Some(e), ..report });
        }
    };
    let mailer = Mailer::new(&smtp, password.as_ref()).inspect_err(|e| {
        tracing::warn!(code = %e.code(), "sending stopped: the e-mail settings are not usable");
    })?;
    drop(password);
    // Connect, secure and log in before handing over anything: a failure
    // here cannot have sent a message, so the queue is simply kept.
    if let Err(e) = mailer.check().await {
        tracing::warn!(code = %e.code(), detail = safe_detail(&e), "sending stopped: connecting or logging in failed");
        return Ok(SendReport { stopped: Some(e.into()), ..report });
    }
    tracing::info!(queued = total, "sending e-mails");
    loop {
        if cancel.load(Ordering::SeqCst) {
            report.cancelled += withdraw_rest(store, only, clock()).await?;
            break;
        }
        // A sender whose lock died with its connection stops here rather
        // than claim alongside the next holder.
        sender.check().await?;
        let Some(m) = store.claim_next_email(clock(), only).await? else { break };
        // Messages queued while the batch runs (the rest of a "Send all"
        // that was still being written when the sender woke) go out with
        // it: the total grows so it never reads "4 of 2".
        if only.is_none() {
            p.total = p.total.max(p.done + 1 + store.outbox_counts().await?.queued);
        }
        if let Some(why) = no_longer_applies(ctx, m.purpose).await? {
            store.withdraw_claimed(m.id, m.claim, "no_longer_due", &why, clock()).await?;
            tracing::info!(outbox_id = m.id, message_id = %m.message_id, "e-mail withdrawn: no longer applies");
            report.cancelled += 1;
            p.done += 1;
            progress(&p);
            continue;
        }
        p.current = Some(m.recipients.join(", "));
        progress(&p);
        let composed =
            kindly_mail::compose::Composed { raw: m.raw, envelope_from: m.envelope_from, envelope_to: m.recipients };
        match mailer.send(&composed).await {
            Ok(accepted) => {
                store.email_sent(m.id, Some(m.claim), &accepted.reply, ctx.today, clock()).await?;
                tracing::info!(outbox_id = m.id, message_id = %m.message_id, "e-mail sent");
                report.sent += 1;
                p.sent += 1;
            }
            Err(e) => {
                let api: ApiError = e.clone().into();
                // Codes and connection details only: a server's reply to
                // RCPT or DATA can quote the recipient's address.
                let (code, detail) = (e.code().as_str(), safe_detail(&e));
                match &e {
                    MailError::Timeout { .. } | MailError::Dropped { .. } => {
                        // Not "Kindly will try again": a message whose fate is unknown waits for the user.
                        let cause = match &e {
                            MailError::Timeout { seconds } => {
                                format!("the mail server stopped answering for {seconds} s")
                            }
                            MailError::Dropped { detail } => format!("the connection was lost ({detail})"),
                            _ => String::new(),
                        };
                        let msg = format!(
                            "While this e-mail was being sent, {cause}. It may have been sent: check your sent folder, \
                             then confirm it or send it again."
                        );
                        store.email_uncertain(m.id, m.claim, api.code.as_str(), &msg, clock()).await?;
                        tracing::warn!(outbox_id = m.id, message_id = %m.message_id, code, detail,
                            "e-mail may have been sent: the connection ended after it was handed over");
                        report.uncertain += 1;
                        p.uncertain += 1;
                    }
                    e if e.is_transient() => match retry_after(m.attempts) {
                        Some(d) => {
                            store
                                .email_failed(
                                    m.id,
                                    m.claim,
                                    api.code.as_str(),
                                    &api.message,
                                    Some(clock() + d),
                                    clock(),
                                )
                                .await?;
                            tracing::warn!(outbox_id = m.id, message_id = %m.message_id, code, detail,
                                attempts = m.attempts, retry_in_minutes = d.num_minutes(), "e-mail not sent, will retry");
                            report.retrying += 1;
                            p.retrying += 1;
                        }
                        None => {
                            let msg = format!("{} (gave up after {} attempts)", api.message, m.attempts);
                            store.email_failed(m.id, m.claim, api.code.as_str(), &msg, None, clock()).await?;
                            tracing::warn!(outbox_id = m.id, message_id = %m.message_id, code, detail,
                                attempts = m.attempts, "e-mail failed: gave up retrying");
                            report.failed += 1;
                            p.failed += 1;
                        }
                    },
                    _ => {
                        store.email_failed(m.id, m.claim, api.code.as_str(), &api.message, None, clock()).await?;
                        tracing::warn!(outbox_id = m.id, message_id = %m.message_id, code, detail, "e-mail failed");
                        report.failed += 1;
                        p.failed += 1;
                        // The account itself is refused: every other message would fail the same way.
                        if matches!(
                            e,
                            MailError::Authentication { .. }
                                | MailError::SenderRejected { .. }
                                | MailError::Certificate { .. }
                                | MailError::Tls { .. }
                        ) {
                            tracing::warn!(code, "sending stopped: the server refused the account");
                            report.stopped = Some(api);
                            p.done += 1;
                            progress(&p);
                            break;
                        }
                    }
                }
            }
        }
        p.done += 1;
        p.current = None;
        progress(&p);
    }
    tracing::info!(
        sent = report.sent,
        failed = report.failed,
        uncertain = report.uncertain,
        retrying = report.retrying,
        withdrawn = report.cancelled,
        "e-mail batch finished"
    );
    Ok(report)
}

/// The error's text when it can only be about the connection or the
/// account (never a recipient's address, which a server's reply to RCPT or
/// DATA may quote); `None` for the others, whose code says enough.
fn safe_detail(e: &MailError) -> Option<String> {
    match e {
        MailError::Dns { .. }
        | MailError::Connect { .. }
        | MailError::Certificate { .. }
        | MailError::Tls { .. }
        | MailError::Authentication { .. }
        | MailError::Timeout { .. }
        | MailError::Dropped { .. } => Some(e.to_string()),
        _ => None,
    }
}

/// Why a claimed message should not go out after all, checked just before
/// sending (a retry can come hours after queueing): an installment reminder
/// whose installment was paid or whose plan ended, a broken-plan notice for a
/// plan no longer broken. Paid invoices are caught when claiming.
async fn no_longer_applies(ctx: Ctx<'_>, purpose: EmailPurpose) -> ApiResult<Option<String>> {
    let EmailPurpose::PlanReminder { plan_id, seq, kind } = purpose else { return Ok(None) };
    let plan = ctx.store.plan(plan_id).await?;
    let why = match kind {
        ReminderKind::BrokenNotice if plan.state != kindly_store::plan_state::BROKEN => {
            Some(format!("Not sent: payment plan #{plan_id} is {} now.", plan.state))
        }
        ReminderKind::BrokenNotice => None,
        _ if plan.state != kindly_store::plan_state::ACTIVE => {
            Some(format!("Not sent: payment plan #{plan_id} is {} now.", plan.state))
        }
        _ => {
            let due = plan.due_installments();
            let alloc = kindly_followup::plan::progress::allocate(&due, plan.paid_minor());
            let k = usize::try_from(seq).unwrap_or(0).saturating_sub(1);
            let paid = matches!((due.get(k), alloc.paid.get(k)), (Some(i), Some(p)) if *p >= i.amount_minor);
            paid.then(|| format!("Not sent: installment {seq} of payment plan #{plan_id} was paid in the meantime."))
        }
    };
    Ok(why)
}

async fn withdraw_rest(store: &Store, only: Option<&[i64]>, now: DateTime<Utc>) -> ApiResult<i64> {
    let ids: Vec<i64> = match only {
        Some(ids) => ids.to_vec(),
        None => store.outbox(&["queued"], 0, 1000).await?.rows.into_iter().map(|r| r.id).collect(),
    };
    let mut n = 0;
    for id in ids {
        if store.outbox_email(id).await?.state == OutboxState::Queued {
            store.cancel_email(id, now).await?;
            n += 1;
        }
    }
    Ok(n)
}

fn status_text(r: &OutboxRow) -> String {
    let t = |d: DateTime<Utc>| d.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M").to_string();
    match r.state {
        OutboxState::Queued if r.attempts > 0 => format!("Will try again at {}", t(r.next_attempt_at)),
        OutboxState::Queued => "Waiting to be sent".into(),
        OutboxState::Sending => "Being sent now".into(),
        OutboxState::Sent => format!("Sent {}", r.sent_at.map(t).unwrap_or_default()),
        OutboxState::Uncertain => format!("May have been sent at {}", r.sending_at.map(t).unwrap_or_default()),
        OutboxState::Failed => "Not sent: needs your decision".into(),
        OutboxState::Cancelled => "Withdrawn, not sent".into(),
    }
}

fn item(r: OutboxRow) -> ApiResult<OutboxItem> {
    Ok(OutboxItem {
        status_text: status_text(&r),
        id: r.id,
        message_id: r.message_id,
        client_id: r.client_id,
        client_name: r.client_name,
        invoice_numbers: r.invoice_numbers,
        stage_key: r.stage_key,
        to: r.to_display,
        subject: r.subject,
        state: r.state,
        attempts: r.attempts,
        error_code: r.error_code,
        error: r.error,
        created_at: r.created_at.to_rfc3339(),
        next_attempt_at: r.next_attempt_at.to_rfc3339(),
        sending_at: r.sending_at.map(|d| d.to_rfc3339()),
        sent_at: r.sent_at.map(|d| d.to_rfc3339()),
        made_by: r.made_by,
    })
}

/// The states an outbox message can be in (what [`list`] filters by).
pub const STATES: [&str; 6] = ["queued", "sending", "sent", "failed", "uncertain", "cancelled"];

pub async fn list(ctx: Ctx<'_>, req: &OutboxRequest) -> ApiResult<Page<OutboxItem>> {
    let mut states = Vec::new();
    for s in &req.states {
        let known = STATES.iter().find(|k| **k == s.as_str()).ok_or_else(|| {
            ApiError::new(ErrorCode::InvalidState, format!("\"{s}\" is not an outbox state."), Some("states"))
        })?;
        states.push(*known);
    }
    let limit = if req.limit <= 0 { 100 } else { req.limit };
    let page = ctx.store.outbox(&states, req.offset, limit).await?;
    Ok(Page { total: page.total, rows: page.rows.into_iter().map(item).collect::<ApiResult<_>>()? })
}

pub async fn summary(ctx: Ctx<'_>) -> ApiResult<OutboxSummary> {
    let c = ctx.store.outbox_counts().await?;
    Ok(OutboxSummary {
        queued: c.queued,
        sending: c.sending,
        sent: c.sent,
        failed: c.failed,
        uncertain: c.uncertain,
        cancelled: c.cancelled,
        needs_attention: c.failed + c.uncertain,
    })
}

/// The user's decision about one message.
pub async fn act(ctx: Ctx<'_>, req: &OutboxActionRequest) -> ApiResult<OutboxItem> {
    match req.action.as_str() {
        "resend" => ctx.store.requeue_email(req.id, ctx.now).await?,
        "confirm_sent" => {
            let row = ctx.store.outbox_email(req.id).await?;
            if row.state != "uncertain" {
                return Err(ApiError::new(
                    ErrorCode::OutboxState,
                    "Only an e-mail that may have been sent can be confirmed as sent.",
                    None,
                ));
            }
            ctx.store.email_sent(req.id, None, "confirmed as sent by the user", ctx.today, ctx.now).await?;
        }
        "cancel" => ctx.store.cancel_email(req.id, ctx.now).await?,
        other => {
            return Err(ApiError::new(
                ErrorCode::InvalidAction,
                format!("\"{other}\" is not an outbox action; use resend, confirm_sent or cancel."),
                Some("action"),
            ))
        }
    }
    item(ctx.store.outbox_email(req.id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_failures_back_off_then_give_up() {
        let minutes: Vec<Option<i64>> = (1..=6).map(|a| retry_after(a).map(|d| d.num_minutes())).collect();
        assert_eq!(minutes, vec![Some(1), Some(5), Some(15), Some(60), Some(180), None]);
        assert_eq!(retry_after(0), None);
    }
}

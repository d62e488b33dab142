//! Contact with clients: the call script and one-click call log for phone
//! stages, promises to pay (recorded, resolved once as kept or broken, and
//! the polite follow-up a broken one asks for), notes and inbound contact
//! (incoming call, received e-mail pasted or as an .eml file, letter with its
//! scan), corrections, and the filtered timeline.
//!
//! Files given as evidence are copied into `<data dir>/attachments/` under
//! `<sha256 prefix>-<name>` and the entry records `files: [{kind, path,
//! sha256, name}]` (path relative to the data dir), the convention the
//! evidence dossier reads.

use crate::views::MoneyView;
use crate::views::StageView;
use crate::ErrorCode;
use crate::{ApiError, ApiResult, Ctx};
use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeZone, Utc};
use kindly_core::invoice::{days_overdue, parse_date, InvoiceStatus};
use kindly_core::locale::Locale;
use kindly_core::timeline::EventKind;
use kindly_core::vocab::AgreedHow;
use kindly_core::vocab::ContactKind;
use kindly_core::vocab::OutboxState;
use kindly_core::vocab::PromiseOutcome;
use kindly_core::{text, Money};
use kindly_followup::call_script::{self, CallFacts, PromiseFacts};
use kindly_followup::ladder::{Channel, Ladder};
use kindly_followup::plan;
use kindly_followup::queue::proposed_stage;
use kindly_store::{
    CallLog, DoneStep, InvoiceRecord, NewEvent, NewPromise, PromiseRecord, TimelineEntry, TimelineFilter,
};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

// ---------------------------------------------------------------- calls

#[derive(Debug, Clone, Serialize, TS)]
pub struct CallScriptView {
    pub invoice_id: i64,
    pub number: String,
    pub client_id: i64,
    pub client_name: String,
    pub phone: Option<String>,
    pub language: Locale,
    /// The ladder stage due today, if any.
    pub stage: Option<StageView>,
    pub outstanding: MoneyView,
    /// Short lines to read from, in the client's language.
    pub lines: Vec<String>,
    /// The default retry day for an unanswered call (tomorrow).
    pub default_retry_on: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct CallLogInput {
    pub invoice_id: i64,
    /// reached, voicemail, no_answer or wrong_number.
    pub outcome: CallOutcome,
    #[serde(default)]
    pub notes: String,
    /// YYYY-MM-DD; for voicemail / no answer (default tomorrow).
    #[serde(default)]
    pub retry_on: Option<String>,
    /// YYYY-MM-DD: the client promised to pay by this day.
    #[serde(default)]
    pub promise_date: Option<String>,
    /// The promised amount; empty means everything still owing.
    #[serde(default)]
    pub promise_amount: Option<String>,
    /// The client asked for a payment plan.
    #[serde(default)]
    pub plan_requested: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CallLogResult {
    pub timeline_id: i64,
    pub promise_id: Option<i64>,
    /// True when the call completed today's phone stage of the ladder.
    pub stage_done: bool,
    pub retry_on: Option<String>,
    /// After a wrong number: "email" or "letter".
    pub suggested_channel: Option<Channel>,
    /// What happens next, for people.
    pub message: String,
}

/// How a call went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray, Default)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    #[default]
    Reached,
    Voicemail,
    NoAnswer,
    WrongNumber,
}

impl CallOutcome {
    pub fn parse(s: &str) -> Option<CallOutcome> {
        match s.trim().replace('-', "_").as_str() {
            "reached" => Some(CallOutcome::Reached),
            "voicemail" => Some(CallOutcome::Voicemail),
            "no_answer" => Some(CallOutcome::NoAnswer),
            "wrong_number" => Some(CallOutcome::WrongNumber),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            CallOutcome::Reached => "reached",
            CallOutcome::Voicemail => "voicemail",
            CallOutcome::NoAnswer => "no_answer",
            CallOutcome::WrongNumber => "wrong_number",
        }
    }
    fn label(self) -> &'static str {
        match self {
            CallOutcome::Reached => "reached",
            CallOutcome::Voicemail => "left a voicemail",
            CallOutcome::NoAnswer => "no answer",
            CallOutcome::WrongNumber => "wrong number",
        }
    }
}

/// The ladder of one invoice: its client's, without the offer stage once a
/// plan was proposed for it (`kindly_followup::queue::for_invoice`).
async fn invoice_ladder(ctx: Ctx<'_>, inv: &InvoiceRecord) -> ApiResult<Ladder> {
    let ladder = match ctx.store.client_ladder_id(inv.client_id).await? {
        Some(id) => ctx.store.ladders().await?.remove(&id).map(|(_, l)| l).unwrap_or_else(Ladder::default_ladder),
        None => ctx.store.default_ladder().await?,
    };
    Ok(kindly_followup::queue::for_invoice(&ladder, ctx.store.plan_proposed(inv.id).await?).into_owned())
}

async fn owing_invoice(ctx: Ctx<'_>, invoice_id: i64) -> ApiResult<InvoiceRecord> {
    let inv = ctx.store.invoice(invoice_id).await?;
    if inv.status != InvoiceStatus::Issued {
        return Err(ApiError::new(
            ErrorCode::InvoiceNotIssued,
            format!("Invoice {} is not issued, so there is nothing to follow up.", inv.number),
            Some("invoice_id"),
        ));
    }
    Ok(inv)
}

fn tomorrow(ctx: Ctx<'_>) -> NaiveDate {
    ctx.today.checked_add_days(Days::new(1)).unwrap_or(ctx.today)
}

/// The call script for an invoice: today's stage (if any), the number to call
/// and short courteous lines in the client's language.
pub async fn call_script(ctx: Ctx<'_>, invoice_id: i64) -> ApiResult<CallScriptView> {
    let inv = owing_invoice(ctx, invoice_id).await?;
    let client = ctx.store.client(inv.client_id).await?;
    let settings = ctx.store.settings().await?;
    let ladder = invoice_ladder(ctx, &inv).await?;
    let done = ctx.store.last_done_offset(inv.id).await?;
    let stage = proposed_stage(&ladder, inv.due_date, ctx.today, done);
    let lang = client.details.language;
    let owing = inv.outstanding();
    let overdue = days_overdue(inv.due_date, ctx.today) > 0;
    let me = if settings.signature.trim().is_empty() {
        settings.business_name.clone()
    } else {
        settings.signature.lines().next().unwrap_or_default().to_string()
    };
    let facts = CallFacts {
        greeting_name: client.details.greeting_name.clone(),
        sender_name: if me.trim().is_empty() { "Kindly".into() } else { me },
        invoice_number: inv.number.clone(),
        amount_owing: owing.format(lang),
        due_date: lang.format_date(inv.due_date),
        overdue,
        plan_offer: plan::two_installments(owing, ctx.today, lang),
    };
    let tone = stage.map(|s| s.tone).unwrap_or(kindly_followup::ladder::Tone::Courteous);
    Ok(CallScriptView {
        invoice_id: inv.id,
        number: inv.number.clone(),
        client_id: client.id,
        client_name: client.details.display_name.clone(),
        phone: client.details.phone.clone(),
        language: lang,
        stage: stage.map(StageView::from),
        outstanding: MoneyView::new(owing.minor, owing.currency, settings.locale),
        lines: call_script::call_script(tone, lang, &facts),
        default_retry_on: tomorrow(ctx).to_string(),
    })
}

fn optional_date(s: &Option<String>, field: &'static str) -> ApiResult<Option<NaiveDate>> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(v) => Ok(Some(parse_date(v, field)?)),
        None => Ok(None),
    }
}

/// Parses a promise against its invoice: a day from today on, an amount
/// above zero and no more than what is still owing (blank = all of it).
fn parse_promise(
    ctx: Ctx<'_>,
    inv: &InvoiceRecord,
    date: NaiveDate,
    amount: Option<&str>,
    how: AgreedHow,
) -> ApiResult<NewPromise> {
    if date < ctx.today {
        return Err(ApiError::new(
            ErrorCode::PromiseInPast,
            "The promised day has already passed; choose today or a later day.",
            Some("promise_date"),
        ));
    }
    let owing = inv.outstanding();
    if owing.minor <= 0 {
        return Err(ApiError::new(
            ErrorCode::NothingOwing,
            format!("Invoice {} has nothing left to pay.", inv.number),
            Some("invoice_id"),
        ));
    }
    let amount = match amount.map(str::trim).filter(|s| !s.is_empty()) {
        Some(a) => Money::parse_positive(a, inv.currency, "promise_amount")?,
        None => owing,
    };
    if amount.minor > owing.minor {
        return Err(ApiError::new(
            ErrorCode::PromiseTooLarge,
            format!("The promise is more than the {} still owing.", owing.format(Locale::En)),
            Some("promise_amount"),
        ));
    }
    Ok(NewPromise { promised_on: date, amount_minor: amount.minor, currency: inv.currency, how: how.as_str().into() })
}

/// Logs a call in one click. Reached (or a promise) completes today's phone
/// stage (at most once per invoice and stage); voicemail and no answer keep
/// the stage open and bring the invoice back on the retry day; a wrong
/// number is recorded and the e-mail or letter channel is suggested. Every
/// outcome is one timeline entry, written with its effects in one transaction.
pub async fn log_call(ctx: Ctx<'_>, input: &CallLogInput) -> ApiResult<CallLogResult> {
    let outcome = input.outcome;
    let notes = text::multi_line(&input.notes, "notes", 5000)?;
    let inv = owing_invoice(ctx, input.invoice_id).await?;
    let client = ctx.store.client(inv.client_id).await?;
    let promise = match optional_date(&input.promise_date, "promise_date")? {
        Some(_) if outcome != CallOutcome::Reached => {
            return Err(ApiError::new(
                ErrorCode::PromiseNeedsReached,
                "A promise can only be recorded when you reached the client.",
                Some("promise_date"),
            ))
        }
        Some(d) => Some(parse_promise(ctx, &inv, d, input.promise_amount.as_deref(), AgreedHow::Call)?),
        None => None,
    };
    let retry_on = match outcome {
        CallOutcome::Voicemail | CallOutcome::NoAnswer => {
            let d = optional_date(&input.retry_on, "retry_on")?.unwrap_or_else(|| tomorrow(ctx));
            if d <= ctx.today {
                return Err(ApiError::new(
                    ErrorCode::RetryNotLater,
                    "Choose a retry day after today.",
                    Some("retry_on"),
                ));
            }
            Some(d)
        }
        _ => None,
    };
    let ladder = invoice_ladder(ctx, &inv).await?;
    let done = ctx.store.last_done_offset(inv.id).await?;
    let stage = proposed_stage(&ladder, inv.due_date, ctx.today, done).filter(|s| s.channel == Channel::Phone);
    let completes = outcome == CallOutcome::Reached && stage.is_some();
    let suggested = (outcome == CallOutcome::WrongNumber).then_some(if client.details.emails.is_empty() {
        Channel::Letter
    } else {
        Channel::Email
    });

    let lang = Locale::En;
    let mut summary = format!("Call for invoice {}: {}", inv.number, outcome.label());
    if let Some(p) = &promise {
        summary.push_str(&format!(
            "; promise to pay {} by {}",
            Money::new(p.amount_minor, p.currency).format(lang),
            p.promised_on
        ));
    }
    if input.plan_requested {
        summary.push_str("; asked for a payment plan");
    }
    if let Some(d) = retry_on {
        summary.push_str(&format!("; try again on {d}"));
    }
    let data = serde_json::json!({
        "channel": "phone", "direction": "out", "outcome": outcome.as_str(), "notes": notes,
        "phone": client.details.phone, "stage": stage.map(|s| s.key.clone()),
        "retry_on": retry_on.map(|d| d.to_string()), "plan_requested": input.plan_requested,
        "promise": promise.as_ref().map(|p| serde_json::json!({
            "promised_on": p.promised_on.to_string(), "amount_minor": p.amount_minor, "currency": p.currency.code(),
        })),
        "suggested_channel": suggested,
    });
    let step = match (completes, stage) {
        (true, Some(s)) => Some(DoneStep {
            invoice_id: inv.id,
            stage: s,
            channel: Channel::Phone,
            summary: &summary,
            data: data.clone(),
            document_sha256: None,
        }),
        _ => None,
    };
    let contact = matches!(outcome, CallOutcome::Reached | CallOutcome::Voicemail);
    let call = CallLog { invoice_id: inv.id, summary: &summary, data, completes: step, retry_on, promise, contact };
    let rec = ctx.store.log_call(&call, ctx.today, ctx.now).await?;
    let message = match (outcome, rec.promise_id, retry_on) {
        (_, Some(_), _) => "Call logged. Chasing of this invoice pauses until the promised day.".to_string(),
        (CallOutcome::Reached, None, _) if completes => "Call logged; this step is done.".to_string(),
        (CallOutcome::Reached, None, _) => "Call logged.".to_string(),
        (_, None, Some(d)) => format!("Call logged. The invoice comes back to the queue on {d}."),
        (CallOutcome::WrongNumber, None, _) => format!(
            "Wrong number logged. You could write {} instead; please check the client's phone number.",
            if suggested == Some(Channel::Email) { "an e-mail" } else { "a letter" }
        ),
        _ => "Call logged.".to_string(),
    };
    Ok(CallLogResult {
        timeline_id: rec.timeline_id,
        promise_id: rec.promise_id,
        stage_done: completes,
        retry_on: retry_on.map(|d| d.to_string()),
        suggested_channel: suggested,
        message,
    })
}

// ---------------------------------------------------------------- promises

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PromiseInput {
    pub invoice_id: i64,
    /// YYYY-MM-DD.
    pub promised_on: String,
    /// Blank means everything still owing.
    #[serde(default)]
    pub amount: String,
    /// call, email, letter or in_person.
    pub how: AgreedHow,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PromiseView {
    pub id: i64,
    pub invoice_id: i64,
    pub invoice_number: String,
    pub promised_on: String,
    pub amount: MoneyView,
    pub how: AgreedHow,
    pub recorded_at: String,
    /// open, kept or broken.
    pub outcome: PromiseOutcome,
    pub resolved_on: Option<String>,
    pub followed_up_on: Option<String>,
}

fn promise_view(p: &PromiseRecord, locale: Locale) -> PromiseView {
    PromiseView {
        id: p.id,
        invoice_id: p.invoice_id,
        invoice_number: p.invoice_number.clone(),
        promised_on: p.promised_on.to_string(),
        amount: MoneyView::new(p.amount_minor, p.currency, locale),
        how: p.how,
        recorded_at: p.recorded_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        outcome: p.outcome.unwrap_or(PromiseOutcome::Open),
        resolved_on: p.resolved_on.map(|d| d.to_string()),
        followed_up_on: p.followed_up_on.map(|d| d.to_string()),
    }
}

/// Resolves the promises that can be resolved today (kept or broken, once).
pub async fn resolve_promises(ctx: Ctx<'_>) -> ApiResult<usize> {
    Ok(ctx.store.resolve_promises(ctx.today, ctx.now).await?.len())
}

/// Records a promise given by e-mail, letter, in person (or on a call logged
/// elsewhere); chasing of the invoice pauses until the promised day.
pub async fn add_promise(ctx: Ctx<'_>, input: &PromiseInput) -> ApiResult<PromiseView> {
    let inv = owing_invoice(ctx, input.invoice_id).await?;
    let date = parse_date(input.promised_on.trim(), "promised_on")?;
    let p = parse_promise(ctx, &inv, date, Some(&input.amount), input.how)?;
    let how = call_script::how_phrase(&p.how, Locale::En);
    let summary = format!(
        "Promise to pay {} by {} for invoice {} (given {how})",
        Money::new(p.amount_minor, p.currency).format(Locale::En),
        p.promised_on,
        inv.number
    );
    let (id, _) = ctx.store.add_promise(inv.id, &p, &summary, ctx.now).await?;
    let locale = ctx.store.settings().await?.locale;
    let rec = ctx.store.promises(None, Some(inv.id)).await?;
    let p = rec
        .iter()
        .find(|r| r.id == id)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "Promise not found.", None))?;
    Ok(promise_view(p, locale))
}

/// A client's or an invoice's promises (resolved first, so kept and broken
/// ones show as such), newest promised day first.
pub async fn list_promises(
    ctx: Ctx<'_>,
    client_id: Option<i64>,
    invoice_id: Option<i64>,
) -> ApiResult<Vec<PromiseView>> {
    resolve_promises(ctx).await?;
    let locale = ctx.store.settings().await?.locale;
    Ok(ctx.store.promises(client_id, invoice_id).await?.iter().map(|p| promise_view(p, locale)).collect())
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PromiseFollowUp {
    pub promise: PromiseView,
    pub client_id: i64,
    pub client_name: String,
    pub outstanding: MoneyView,
    /// email or letter.
    pub channel: Channel,
    pub email: Option<String>,
    pub subject: String,
    pub body: String,
    /// The follow-up's e-mail in the outbox, if queued: queued, sending,
    /// sent, failed or uncertain.
    pub email_state: Option<OutboxState>,
    pub outbox_id: Option<i64>,
}

async fn promise_message(ctx: Ctx<'_>, p: &PromiseRecord) -> ApiResult<(String, String, Channel, Option<String>)> {
    let client = ctx.store.client(p.client_id).await?;
    let inv = ctx.store.invoice(p.invoice_id).await?;
    let settings = ctx.store.settings().await?;
    let pm = ctx.store.payment_methods().await?;
    let lang = client.details.language;
    let facts = PromiseFacts {
        greeting_name: client.details.greeting_name.clone(),
        invoice_number: inv.number.clone(),
        promised_on: lang.format_date(p.promised_on),
        promised_amount: Money::new(p.amount_minor, p.currency).format(lang),
        amount_owing: inv.outstanding().format(lang),
        how: call_script::how_phrase(p.how.as_str(), lang).into(),
        payment_methods: pm.lines(lang).iter().map(|l| format!("- {l}")).collect::<Vec<_>>().join("\n"),
        signature: if settings.signature.trim().is_empty() {
            settings.business_name.clone()
        } else {
            settings.signature.clone()
        },
    };
    let (subject, body) = call_script::promise_follow_up(lang, &facts);
    let email = client.details.emails.first().cloned();
    let channel = if email.is_some() { Channel::Email } else { Channel::Letter };
    Ok((subject, body, channel, email))
}

/// The queue's second source: broken promises to follow up politely, with
/// the message that refers to the promise. Resolves promises first.
pub async fn promise_queue(ctx: Ctx<'_>, client_id: Option<i64>) -> ApiResult<Vec<PromiseFollowUp>> {
    // Promises past their day are settled once per day and per change, not
    // checked against their payments on every read (a pass that records
    // something commits, so the next read makes one more pass, which finds
    // nothing left to record).
    struct Resolved;
    ctx.store.memo(ctx.today, || async { resolve_promises(ctx).await.map(|_| Resolved) }).await?;
    // Each follow-up renders its message: kept until any commit or another day.
    struct Kept(Vec<PromiseFollowUp>);
    let all = ctx
        .store
        .memo(ctx.today, || async {
            let locale = ctx.store.settings().await?.locale;
            let mut out = Vec::new();
            for due in ctx.store.broken_promises_due(ctx.today, None).await? {
                out.push(follow_up(ctx, due, locale).await?);
            }
            Ok::<_, ApiError>(Kept(out))
        })
        .await?;
    Ok(all.0.iter().filter(|f| client_id.is_none_or(|c| c == f.client_id)).cloned().collect())
}

/// The follow-up due for one broken promise (its message rendered), or
/// `None` when none is due (kept, or already followed up). Promises must
/// have been resolved for today first ([`resolve_promises`]).
pub(crate) async fn promise_follow_up(ctx: Ctx<'_>, promise_id: i64) -> ApiResult<Option<PromiseFollowUp>> {
    let locale = ctx.store.settings().await?.locale;
    let due = ctx.store.broken_promises_due(ctx.today, None).await?.into_iter().find(|d| d.promise.id == promise_id);
    match due {
        Some(d) => Ok(Some(follow_up(ctx, d, locale).await?)),
        None => Ok(None),
    }
}

async fn follow_up(ctx: Ctx<'_>, due: kindly_store::BrokenPromiseDue, locale: Locale) -> ApiResult<PromiseFollowUp> {
    let (subject, body, channel, email) = promise_message(ctx, &due.promise).await?;
    let purpose = kindly_store::EmailPurpose::PromiseFollowUp { promise_id: due.promise.id };
    let (email_state, outbox_id) = crate::mail::email_state(ctx, purpose).await?;
    Ok(PromiseFollowUp {
        email_state,
        outbox_id,
        promise: promise_view(&due.promise, locale),
        client_id: due.promise.client_id,
        client_name: due.client_name,
        outstanding: MoneyView::new(due.owing_minor, due.promise.currency, locale),
        channel,
        email,
        subject,
        body,
    })
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PromiseFollowUpDone {
    pub promise_id: i64,
    /// email or letter.
    pub channel: Channel,
}

/// Records that the follow-up about a broken promise was sent (once).
pub async fn promise_follow_up_done(ctx: Ctx<'_>, req: &PromiseFollowUpDone) -> ApiResult<i64> {
    let channel = req.channel.as_str();
    let all = ctx.store.promises(None, None).await?;
    let p = all
        .iter()
        .find(|p| p.id == req.promise_id)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("No promise with id {}.", req.promise_id), None))?;
    let (subject, body, _, email) = promise_message(ctx, p).await?;
    let summary = format!("Follow-up about the promise for invoice {} ({channel})", p.invoice_number);
    let data = serde_json::json!({
        "stage": "promise_follow_up", "channel": channel, "promise_id": p.id, "subject": subject, "body": body,
        "to": if channel == "email" { email.into_iter().collect::<Vec<_>>() } else { Vec::new() },
    });
    Ok(ctx.store.mark_promise_followed_up(p.id, &summary, data, ctx.today, ctx.now).await?)
}

// ---------------------------------------------------------------- notes and inbound contact

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct FileInput {
    /// The file's name as the user saw it.
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ContactInput {
    pub client_id: i64,
    #[serde(default)]
    pub invoice_id: Option<i64>,
    /// note, incoming_call, email or letter.
    pub kind: ContactKind,
    #[serde(default)]
    pub text: String,
    /// A file on disk (CLI): an .eml for e-mail, a PDF/PNG/JPEG scan for a letter.
    #[serde(default)]
    pub file_path: Option<String>,
    /// The same, sent by the UI.
    #[serde(default)]
    pub file: Option<FileInput>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct CorrectionInput {
    /// The entry being corrected; it stays as it was.
    pub entry_id: i64,
    pub text: String,
}

pub(crate) use crate::files::{data_dir, io_error, sha256_hex, write_atomic};

pub(crate) fn file_safe(s: &str) -> String {
    let s: String =
        s.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect();
    let s = s.trim_start_matches('.').to_string();
    if s.is_empty() {
        "file".into()
    } else {
        s.chars().take(80).collect()
    }
}

/// Copies evidence into `<data dir>/attachments/<sha256 prefix>-<name>` and
/// returns its `files` record; on a team database it is kept there too.
async fn keep_file(ctx: Ctx<'_>, kind: &str, name: &str, bytes: &[u8]) -> ApiResult<serde_json::Value> {
    let sha = sha256_hex(bytes);
    let rel = format!("attachments/{}-{}", &sha[..12], file_safe(name));
    let dir = data_dir(ctx);
    let path = dir.join(&rel);
    if !path.exists() {
        write_atomic(&path, bytes)?;
    }
    crate::files::keep_in_database(ctx, &dir, &path, bytes).await?;
    Ok(serde_json::json!({ "kind": kind, "path": rel, "sha256": sha, "name": name }))
}

fn read_file(input: &ContactInput) -> ApiResult<Option<(String, Vec<u8>)>> {
    if let Some(f) = &input.file {
        return Ok(Some((f.name.clone(), f.bytes.clone())));
    }
    match input.file_path.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) => {
            let path = Path::new(p);
            let bytes = std::fs::read(path).map_err(|e| io_error("read", path, &e))?;
            let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "file".into());
            Ok(Some((name, bytes)))
        }
        None => Ok(None),
    }
}

/// The parts of a received e-mail the timeline shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedEmail {
    pub from: String,
    pub to: Vec<String>,
    pub date: Option<String>,
    pub subject: String,
    pub body: String,
}

fn addr_list(a: Option<&mail_parser::Address<'_>>) -> Vec<String> {
    a.map(|a| {
        a.iter()
            .map(|x| match (&x.name, &x.address) {
                (Some(n), Some(ad)) => format!("{n} <{ad}>"),
                (None, Some(ad)) => ad.to_string(),
                (Some(n), None) => n.to_string(),
                (None, None) => String::new(),
            })
            .filter(|s| !s.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

kindly_core::str_eq!(CallOutcome);

/// Parses an RFC 5322 message (an .eml file): From, To, Date, Subject and the
/// text part (or the HTML part's text when there is no plain one).
pub fn parse_eml(bytes: &[u8]) -> Option<ParsedEmail> {
    let msg = mail_parser::MessageParser::default().parse(bytes)?;
    let from = addr_list(msg.from()).join(", ");
    let subject = msg.subject().unwrap_or_default().to_string();
    if from.is_empty() && subject.is_empty() {
        return None;
    }
    Some(ParsedEmail {
        from,
        to: addr_list(msg.to()),
        date: msg.date().map(|d| d.to_rfc3339()),
        subject,
        body: msg.body_text(0).map(|b| b.replace("\r\n", "\n")).unwrap_or_default(),
    })
}

async fn check_owner(ctx: Ctx<'_>, client_id: i64, invoice_id: Option<i64>) -> ApiResult<()> {
    ctx.store.client(client_id).await?;
    if let Some(inv) = invoice_id {
        let i = ctx.store.invoice(inv).await?;
        if i.client_id != client_id {
            return Err(ApiError::new(
                ErrorCode::WrongClient,
                "That invoice belongs to another client.",
                Some("invoice_id"),
            ));
        }
    }
    Ok(())
}

fn first_line(s: &str) -> String {
    s.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default().chars().take(140).collect()
}

/// Logs a note, an incoming call, a received e-mail (pasted text or an .eml
/// file) or a received letter (with its scan) on a client or one invoice.
pub async fn log_contact(ctx: Ctx<'_>, input: &ContactInput) -> ApiResult<i64> {
    check_owner(ctx, input.client_id, input.invoice_id).await?;
    let body = text::multi_line(&input.text, "text", 100_000)?;
    let file = read_file(input)?;
    let (kind, summary, data) = match input.kind {
        ContactKind::Note => {
            if body.is_empty() {
                return Err(ApiError::new(ErrorCode::Required, "Please write the note first.", Some("text")));
            }
            (EventKind::Note, first_line(&body), serde_json::json!({ "text": body }))
        }
        ContactKind::IncomingCall => {
            let s = if body.is_empty() {
                "Incoming call".to_string()
            } else {
                format!("Incoming call: {}", first_line(&body))
            };
            (EventKind::InboundContact, s, serde_json::json!({ "channel": "phone", "direction": "in", "text": body }))
        }
        ContactKind::Email => {
            let (parsed, files) = match &file {
                Some((name, bytes)) => {
                    let p = parse_eml(bytes).ok_or_else(|| {
                        ApiError::new(
                            ErrorCode::NotAnEmail,
                            format!("{name} does not look like an e-mail (.eml) file."),
                            Some("file"),
                        )
                    })?;
                    (p, vec![keep_file(ctx, "eml", name, bytes).await?])
                }
                None if body.is_empty() => {
                    return Err(ApiError::new(
                        ErrorCode::Required,
                        "Paste the e-mail or choose its .eml file.",
                        Some("text"),
                    ))
                }
                // Pasted with its headers (e.g. "show original"), else plain text.
                None => match parse_eml(body.as_bytes()).filter(|p| !p.body.trim().is_empty()) {
                    Some(p) => (p, Vec::new()),
                    None => (ParsedEmail { body: body.clone(), ..Default::default() }, Vec::new()),
                },
            };
            let s = match (parsed.subject.is_empty(), parsed.from.is_empty()) {
                (false, false) => format!("E-mail received from {}: {}", parsed.from, parsed.subject),
                (false, true) => format!("E-mail received: {}", parsed.subject),
                _ => format!("E-mail received: {}", first_line(&parsed.body)),
            };
            let data = serde_json::json!({
                "channel": "email", "direction": "in", "from": parsed.from, "to": parsed.to, "date": parsed.date,
                "subject": parsed.subject, "body": parsed.body, "note": if file.is_some() { body.clone() } else { String::new() },
                "files": files,
            });
            (EventKind::InboundContact, s, data)
        }
        ContactKind::Letter => {
            let files = match &file {
                Some((name, bytes)) => {
                    let lower = name.to_lowercase();
                    let ok = (lower.ends_with(".pdf") && bytes.starts_with(b"%PDF"))
                        || ((lower.ends_with(".png")) && bytes.starts_with(b"\x89PNG"))
                        || ((lower.ends_with(".jpg") || lower.ends_with(".jpeg")) && bytes.starts_with(b"\xFF\xD8"));
                    if !ok {
                        return Err(ApiError::new(
                            ErrorCode::UnsupportedScan,
                            format!("{name} is not a PDF, PNG or JPEG scan."),
                            Some("file"),
                        ));
                    }
                    vec![keep_file(ctx, "scan", name, bytes).await?]
                }
                None => Vec::new(),
            };
            if files.is_empty() && body.is_empty() {
                return Err(ApiError::new(
                    ErrorCode::Required,
                    "Describe the letter or attach its scan.",
                    Some("text"),
                ));
            }
            let s = if body.is_empty() {
                "Letter received".to_string()
            } else {
                format!("Letter received: {}", first_line(&body))
            };
            (
                EventKind::InboundContact,
                s,
                serde_json::json!({ "channel": "letter", "direction": "in", "text": body, "files": files }),
            )
        }
    };
    let ev = NewEvent {
        client_id: input.client_id,
        invoice_id: input.invoice_id,
        at: ctx.now,
        kind,
        summary: &summary,
        data,
    };
    Ok(ctx.store.append_entry(&ev, None).await?)
}

/// Corrects an entry: a new entry that refers to the old one, which stays.
pub async fn correct_entry(ctx: Ctx<'_>, input: &CorrectionInput) -> ApiResult<i64> {
    let body = text::multi_line(&input.text, "text", 10_000)?;
    if body.is_empty() {
        return Err(ApiError::new(ErrorCode::Required, "Please write the correction.", Some("text")));
    }
    let old = ctx.store.timeline_entry(input.entry_id).await?;
    let summary =
        format!("Correction of \"{}\": {}", old.summary.chars().take(60).collect::<String>(), first_line(&body));
    let ev = NewEvent {
        client_id: old.client_id,
        invoice_id: old.invoice_id,
        at: ctx.now,
        kind: EventKind::Correction,
        summary: &summary,
        data: serde_json::json!({ "text": body, "corrects": old.id }),
    };
    Ok(ctx.store.append_entry(&ev, Some(old.id)).await?)
}

/// Resolves a recorded file path (relative to the data dir, or absolute) and
/// checks that it lies inside the data dir: the UI may only open Kindly's own files.
pub fn kept_file_path(data_dir: &Path, recorded: &str) -> ApiResult<PathBuf> {
    let p = Path::new(recorded.trim());
    let full = if p.is_absolute() { p.to_path_buf() } else { data_dir.join(p) };
    let refuse = || {
        ApiError::new(ErrorCode::NotAKeptFile, "Only files kept in Kindly's data folder can be opened.", Some("path"))
    };
    let root = data_dir.canonicalize().map_err(|_| refuse())?;
    if p.components().any(|c| matches!(c, std::path::Component::ParentDir)) {
        return Err(refuse());
    }
    let real = full.canonicalize().map_err(|e| io_error("open", &full, &e))?;
    if !real.starts_with(&root) || !real.is_file() {
        return Err(refuse());
    }
    Ok(real)
}

/// A recorded path as this computer holds it: on a team database, a file
/// another member made is fetched from the database first.
async fn local_recorded(ctx: Ctx<'_>, recorded: &str) -> ApiResult<String> {
    Ok(crate::files::local_kept(ctx, recorded).await?.display().to_string())
}

/// Opens a kept file (a letter PDF, an .eml, a scan, a dossier) in the
/// system's viewer; `KINDLY_OPEN_COMMAND` overrides the program (tests).
pub async fn open_kept_file(ctx: Ctx<'_>, recorded: &str) -> ApiResult<String> {
    let path = kept_file_path(&data_dir(ctx), &local_recorded(ctx, recorded).await?)?;
    let (program, args): (String, Vec<String>) = if let Some(custom) = std::env::var_os("KINDLY_OPEN_COMMAND") {
        (custom.to_string_lossy().into_owned(), vec![])
    } else if cfg!(target_os = "macos") {
        ("open".into(), vec![])
    } else if cfg!(windows) {
        ("cmd".into(), vec!["/C".into(), "start".into(), String::new()])
    } else {
        ("xdg-open".into(), vec![])
    };
    // Not waited for: a viewer may stay open; it only has to start.
    std::process::Command::new(&program).args(&args).arg(&path).spawn().map_err(|e| {
        ApiError::new(
            ErrorCode::OpenFailed,
            format!("{program} could not be started to open {}: {e}", path.display()),
            None,
        )
    })?;
    Ok(path.display().to_string())
}

/// Saves a copy of a kept file (a letter batch, an invoice PDF, a dossier)
/// where the user chose in the system's save dialog; the kept file stays
/// as it is, the evidence. Written to a temporary name and renamed, so an
/// interrupted copy never leaves half a file under the chosen name.
pub async fn save_kept_copy(ctx: Ctx<'_>, recorded: &str, target: &str) -> ApiResult<String> {
    let from = kept_file_path(&data_dir(ctx), &local_recorded(ctx, recorded).await?)?;
    let to = Path::new(target.trim());
    if to.as_os_str().is_empty() {
        return Err(kindly_core::DomainError::Required { field: "target" }.into());
    }
    if to.canonicalize().ok().as_deref() == Some(from.as_path()) {
        return Ok(to.display().to_string());
    }
    let bytes = std::fs::read(&from).map_err(|e| io_error("read", &from, &e))?;
    crate::files::write_atomic(to, &bytes)?;
    Ok(to.display().to_string())
}

// ---------------------------------------------------------------- timeline

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct TimelineRequest {
    #[serde(default)]
    pub client_id: Option<i64>,
    #[serde(default)]
    pub invoice_id: Option<i64>,
    /// Kinds to show (e.g. "call_logged"); empty = all.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// First and last calendar day (YYYY-MM-DD, inclusive) in the user's zone.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    /// The user's offset from UTC in minutes (e.g. 60 for CET), for the day bounds.
    #[serde(default)]
    pub utc_offset_minutes: i32,
    /// At most this many entries (default 500, at most 10,000).
    #[serde(default)]
    pub limit: i64,
    /// The next page: entries older than this one (the last entry shown).
    #[serde(default)]
    pub before_entry: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TimelineEntryView {
    pub id: i64,
    /// RFC 3339 in UTC.
    pub at: String,
    pub kind: EventKind,
    // What happened, for a reader: entries with recorded facts (invoice
    // created, issued, cancelled, payment received) are rendered in the
    // user's language with formatted money; others keep their own words.
    pub summary: String,
    pub invoice_id: Option<i64>,
    pub invoice_number: Option<String>,
    /// The entry's details (e-mail text and recipients, call outcome, files, …).
    #[ts(type = "Record<string, unknown>")]
    pub data: serde_json::Value,
    /// The entry this one corrects.
    pub refers_to: Option<i64>,
    /// Later entries that correct this one.
    pub corrected_by: Vec<i64>,
    /// The member who made the entry (issue #19), when one was named.
    pub made_by: Option<String>,
}

impl From<TimelineEntry> for TimelineEntryView {
    fn from(e: TimelineEntry) -> Self {
        TimelineEntryView {
            id: e.id,
            at: e.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            kind: e.kind,
            summary: e.summary,
            invoice_id: e.invoice_id,
            invoice_number: e.invoice_number,
            data: e.data,
            refers_to: e.refers_to,
            corrected_by: e.corrected_by,
            made_by: e.made_by,
        }
    }
}

pub(crate) fn offset(minutes: i32) -> ApiResult<FixedOffset> {
    FixedOffset::east_opt(minutes.saturating_mul(60)).ok_or_else(|| {
        ApiError::new(ErrorCode::InvalidOffset, "The time zone offset is out of range.", Some("utc_offset_minutes"))
    })
}

fn day_bound(d: NaiveDate, end: bool, tz: FixedOffset) -> Option<DateTime<Utc>> {
    let t = if end { d.and_hms_milli_opt(23, 59, 59, 999)? } else { d.and_hms_opt(0, 0, 0)? };
    tz.from_local_datetime(&t).single().map(|x| x.with_timezone(&Utc))
}

pub(crate) fn parse_kinds(kinds: &[String]) -> ApiResult<Vec<EventKind>> {
    kinds
        .iter()
        .map(|k| {
            EventKind::parse(k.trim()).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::InvalidKind,
                    format!("\"{k}\" is not a kind of timeline entry."),
                    Some("kinds"),
                )
            })
        })
        .collect()
}

/// A client's or an invoice's timeline, newest first, filtered by kinds and days.
pub async fn timeline(ctx: Ctx<'_>, req: &TimelineRequest) -> ApiResult<Vec<TimelineEntryView>> {
    if req.client_id.is_none() && req.invoice_id.is_none() {
        return Err(ApiError::new(ErrorCode::Required, "Choose a client or an invoice.", Some("client_id")));
    }
    let tz = offset(req.utc_offset_minutes)?;
    let from = optional_date(&req.from, "from")?;
    let to = optional_date(&req.to, "to")?;
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(ApiError::new(ErrorCode::RangeReversed, "The end day is before the start day.", Some("to")));
        }
    }
    let filter = TimelineFilter {
        client_id: req.client_id,
        invoice_id: req.invoice_id,
        kinds: parse_kinds(&req.kinds)?,
        from: from.and_then(|d| day_bound(d, false, tz)),
        to: to.and_then(|d| day_bound(d, true, tz)),
        ascending: false,
        limit: if req.limit <= 0 { 500 } else { req.limit.min(10_000) },
        after_entry: req.before_entry,
    };
    // Summaries Kindly can render from recorded facts come in the screen's language.
    let locale = ctx.screen_locale(ctx.store.settings().await?.locale);
    Ok(ctx
        .store
        .timeline(&filter)
        .await?
        .into_iter()
        .map(|e| TimelineEntryView { summary: crate::wording::timeline_summary(&e, locale), ..e.into() })
        .collect())
}

/// Every kind of timeline entry, for the filter menu.
pub fn timeline_kinds() -> Vec<String> {
    EventKind::ALL.iter().map(|k| k.as_str().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eml_headers_and_text_part_are_read() {
        let eml = b"From: Zoe Client <zoe@example.com>\r\nTo: Ada <ada@example.test>, bob@example.test\r\nSubject: Re: invoice INV-7\r\nDate: Mon, 23 Nov 2026 09:15:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello Ada,\r\nI will pay on Friday.\r\n";
        let p = parse_eml(eml).expect("parsed");
        assert_eq!(p.from, "Zoe Client <zoe@example.com>");
        assert_eq!(p.to, vec!["Ada <ada@example.test>".to_string(), "bob@example.test".to_string()]);
        assert_eq!(p.subject, "Re: invoice INV-7");
        assert_eq!(p.date.as_deref(), Some("2026-11-23T09:15:00+01:00"));
        assert!(p.body.contains("I will pay on Friday."), "{:?}", p.body);
        assert_eq!(parse_eml(b"just some words"), None);
    }

    #[test]
    fn only_files_inside_the_data_folder_can_be_opened() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("attachments")).unwrap();
        std::fs::write(d.path().join("attachments/a.eml"), b"x").unwrap();
        let outside = tempfile::NamedTempFile::new().unwrap();
        assert!(kept_file_path(d.path(), "attachments/a.eml").is_ok());
        let abs = d.path().join("attachments/a.eml").display().to_string();
        assert!(kept_file_path(d.path(), &abs).is_ok());
        assert_eq!(kept_file_path(d.path(), "../../etc/passwd").unwrap_err().code, "not_a_kept_file");
        assert_eq!(kept_file_path(d.path(), "attachments/gone.eml").unwrap_err().code, "file_not_found");
        assert_eq!(kept_file_path(d.path(), "attachments/../../").unwrap_err().code, "not_a_kept_file");
        let o = outside.path().display().to_string();
        assert_eq!(kept_file_path(d.path(), &o).unwrap_err().code, "not_a_kept_file");
        assert_eq!(kept_file_path(d.path(), "attachments").unwrap_err().code, "not_a_kept_file");
    }

    #[test]
    fn file_names_are_made_safe() {
        let s = file_safe("../../etc/passwd");
        assert!(!s.contains('/') && !s.starts_with('.'), "{s}");
        assert_eq!(file_safe("Brief vom 3.11.pdf"), "Brief_vom_3.11.pdf");
        assert_eq!(file_safe(""), "file");
    }
}

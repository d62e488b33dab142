//! Follow-up use cases: today's queue, the message for one invoice or a
//! bundle of one client's invoices (rendered from its template, with the
//! tone check), marking a step done, templates, the ladder and the ways to pay.

use crate::documents;
use crate::due::{due_step, prepare_today, route, Ladders};
use crate::interest;
use crate::views::{MoneyView, OptionItem};
use crate::{ApiError, ApiResult, Ctx};
use chrono::NaiveDate;
use kindly_core::invoice::{days_overdue, parse_date};
use kindly_core::locale::Locale;
use kindly_core::vocab::{LetterState, OutboxState};
use kindly_core::ErrorCode;
use kindly_core::{text, Money};
use kindly_followup::ladder::{Channel, Ladder, Stage};
use kindly_followup::payment_methods::{BankAccount, PaymentMethods};
use kindly_followup::queue::{for_invoice, proposed_stage};
use kindly_followup::templates::{self, MessageFacts, Template, PLACEHOLDERS};
use kindly_followup::{epc, plan, tone};
use kindly_store::DoneStep;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use ts_rs::TS;

pub use crate::views::StageView;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct QueueRequest {
    #[serde(default)]
    pub client_id: Option<i64>,
    /// Only the follow-ups that match (see [`crate::due::QueueFilter`]); empty: all.
    #[serde(default)]
    pub filter: crate::due::QueueFilter,
    #[serde(default)]
    pub offset: i64,
    #[serde(default)]
    pub limit: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct QueueItem {
    pub invoice_id: i64,
    pub number: String,
    pub client_id: i64,
    pub client_name: String,
    pub stage: StageView,
    /// The day this stage became due (YYYY-MM-DD).
    pub stage_date: String,
    pub due_date: String,
    pub days_overdue: i64,
    pub outstanding: MoneyView,
    /// The channel to use: the stage's, except that an e-mail stage for a
    /// client without an e-mail address becomes a letter.
    pub channel: Channel,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The state of this stage's e-mail in the outbox (queued, sending,
    /// failed, uncertain), if one was queued.
    pub email_state: Option<OutboxState>,
    pub outbox_id: Option<i64>,
    /// This step's letter, when it was made but has not printed: made,
    /// awaiting_confirmation (opened in the PDF viewer) or not_printed.
    pub letter_state: Option<LetterState>,
    /// Why the letter did not print, and what to do.
    pub letter_reason: Option<String>,
    /// The letter batch to print again or confirm.
    pub letter_batch_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct QueuePage {
    pub today: String,
    pub total: i64,
    pub items: Vec<QueueItem>,
    /// Installment reminders and broken-plan notices due today (first page only).
    pub installments: Vec<crate::plans::PlanQueueItem>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct MessageRequest {
    /// One invoice, or several of the same client to bundle into one message.
    pub invoice_ids: Vec<i64>,
    /// A stage to use instead of the one due today.
    #[serde(default)]
    pub stage_key: Option<String>,
    /// A template to try instead of the saved one (live preview while editing).
    #[serde(default)]
    pub template: Option<TemplateInput>,
}

pub use crate::views::{FindingView, MessagePreview};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct MarkDoneRequest {
    pub invoice_ids: Vec<i64>,
    pub channel: Channel,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct TemplateInput {
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TemplateView {
    pub stage_key: String,
    pub language: Locale,
    pub subject: String,
    pub body: String,
    pub is_default: bool,
    pub findings: Vec<FindingView>,
    pub placeholders: Vec<OptionItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LadderView {
    pub stages: Vec<StageView>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PaymentMethodsView {
    pub bank_holder: String,
    pub iban: String,
    pub bic: String,
    pub account_number: String,
    pub routing_code: String,
    pub card_link: String,
    pub paypal_link: String,
    pub cash: bool,
    pub cheque_payable_to: String,
    pub installments: bool,
}

fn findings(f: Vec<tone::Finding>) -> Vec<FindingView> {
    f.into_iter().map(|f| FindingView { rule: f.rule.into(), message: f.message, excerpt: f.excerpt }).collect()
}

/// Today's queue, one page.
pub async fn queue(ctx: Ctx<'_>, req: &QueueRequest) -> ApiResult<QueuePage> {
    prepare_today(ctx).await?;
    let locale = ctx.store.settings().await?.locale;
    let limit = if req.limit <= 0 { 100 } else { req.limit };
    let kept = if req.filter.is_empty() { crate::due::kept_due_steps(ctx).await } else { None };
    let (total, mut items) = if req.filter.is_empty() && kept.is_none() {
        // The store pages the due rows on its index: no need to read them all.
        let ladders = Ladders::load(ctx).await?;
        let page = ctx.store.due_followups(ctx.today, req.client_id, req.offset, limit).await?;
        let items = page
            .rows
            .iter()
            .filter_map(|r| due_step(&ladders, r, ctx.today).map(|(stage, channel)| (r, stage, channel)))
            .map(|(r, stage, channel)| queue_item(r, &stage, channel, ctx.today, locale))
            .collect::<Vec<_>>();
        (page.total, items)
    } else {
        let filter = req.filter.parse(ctx).await?;
        let steps = match kept {
            Some(steps) => steps,
            None => crate::due::due_steps(ctx).await?,
        };
        let matching: Vec<&crate::due::DueStep> = steps
            .iter()
            .filter(|s| req.client_id.is_none_or(|c| s.row.client_id == c) && filter.matches(s, None))
            .collect();
        let page: Vec<&&crate::due::DueStep> =
            matching.iter().skip(req.offset.max(0) as usize).take(limit.clamp(1, 1000) as usize).collect();
        let ids: Vec<i64> = page.iter().map(|s| s.row.invoice_id).collect();
        let rows = ctx.store.due_followups_of(ctx.today, &ids).await?;
        // In the page's order, each with the stage it was filtered by.
        let items = page
            .iter()
            .filter_map(|s| {
                let r = rows.iter().find(|r| r.invoice_id == s.row.invoice_id)?;
                Some(queue_item(r, &s.stage, s.channel, ctx.today, locale))
            })
            .collect();
        (matching.len() as i64, items)
    };
    let ids: Vec<i64> = items.iter().map(|i| i.invoice_id).collect();
    for (invoice_id, stage_key, outbox_id, state) in ctx.store.outbox_states(&ids).await? {
        if let Some(i) = items.iter_mut().find(|i| i.invoice_id == invoice_id && i.stage.key == stage_key) {
            i.email_state = Some(state);
            i.outbox_id = Some(outbox_id);
        }
    }
    for l in ctx.store.pending_letters(&ids).await? {
        let same_stage = |i: &QueueItem| l.stage_key.as_deref().is_none_or(|k| k == i.stage.key);
        if let Some(i) = items.iter_mut().find(|i| i.invoice_id == l.invoice_id && same_stage(i)) {
            i.letter_state = Some(l.state);
            i.letter_reason = Some(l.reason).filter(|r| !r.is_empty());
            i.letter_batch_id = Some(l.batch_id);
        }
    }
    let installments = if req.offset <= 0 { crate::plans::queue_items(ctx, req.client_id).await? } else { Vec::new() };
    Ok(QueuePage { today: ctx.today.to_string(), total, items, installments })
}

fn queue_item(
    r: &kindly_store::DueRow,
    stage: &Stage,
    channel: Channel,
    today: NaiveDate,
    locale: Locale,
) -> QueueItem {
    QueueItem {
        invoice_id: r.invoice_id,
        number: r.number.clone(),
        client_id: r.client_id,
        client_name: r.client_name.clone(),
        stage: stage.into(),
        stage_date: kindly_followup::queue::stage_date(r.due_date, stage).to_string(),
        due_date: r.due_date.to_string(),
        days_overdue: days_overdue(r.due_date, today),
        outstanding: MoneyView::new(r.total_minor - r.paid_minor, r.currency, locale),
        channel,
        email: r.emails.first().cloned(),
        phone: r.phone.clone(),
        email_state: None,
        outbox_id: None,
        letter_state: None,
        letter_reason: None,
        letter_batch_id: None,
    }
}

/// The invoices (with their clients) whose step due today goes out by
/// e-mail and has no message in the outbox yet: what "Send all e-mails" queues. Read straight from the
/// store's due rows and the ladders (no queue views are built or paged);
/// plans and promises must have been refreshed for today first.
pub(crate) async fn due_email_invoices(ctx: Ctx<'_>) -> ApiResult<Vec<(i64, i64)>> {
    let steps = crate::due::due_steps(ctx).await?;
    // Which of them already have a message is one look-up per due e-mail
    // (tens of thousands at the worst): kept with the steps it was read
    // for, until any commit or another day, like the steps themselves.
    struct Kept {
        steps: Arc<Vec<crate::due::DueStep>>,
        emails: Vec<(i64, i64)>,
    }
    let kept = ctx
        .store
        .memo(ctx.today, || async {
            Ok::<_, ApiError>(Kept { steps: Arc::clone(&steps), emails: unqueued_emails(ctx, &steps).await? })
        })
        .await?;
    if Arc::ptr_eq(&kept.steps, &steps) {
        return Ok(kept.emails.clone());
    }
    // A commit came between the two reads: read afresh rather than mix them.
    unqueued_emails(ctx, &crate::due::due_steps(ctx).await?).await
}

async fn unqueued_emails(ctx: Ctx<'_>, steps: &[crate::due::DueStep]) -> ApiResult<Vec<(i64, i64)>> {
    let due: Vec<&crate::due::DueStep> = steps.iter().filter(|s| s.channel == Channel::Email).collect();
    let ids: Vec<i64> = due.iter().map(|s| s.row.invoice_id).collect();
    let queued: std::collections::HashSet<(i64, String)> =
        ctx.store.outbox_states(&ids).await?.into_iter().map(|(id, key, _, _)| (id, key)).collect();
    Ok(due
        .into_iter()
        .filter(|s| !queued.contains(&(s.row.invoice_id, s.stage.key.clone())))
        .map(|s| (s.row.invoice_id, s.row.client_id))
        .collect())
}

/// The invoices of one message, loaded and checked to belong to one client
/// and to be still owing.
pub(crate) async fn load_bundle(ctx: Ctx<'_>, ids: &[i64]) -> ApiResult<Vec<kindly_store::InvoiceRecord>> {
    if ids.is_empty() {
        return Err(ApiError::new(ErrorCode::Required, "Choose at least one invoice.", Some("invoice_ids")));
    }
    let mut out = Vec::new();
    for id in ids {
        let inv = ctx.store.invoice(*id).await?;
        if out.first().is_some_and(|f: &kindly_store::InvoiceRecord| f.client_id != inv.client_id) {
            return Err(ApiError::new(
                ErrorCode::MixedClients,
                "A bundled message can only cover invoices of one client.",
                Some("invoice_ids"),
            ));
        }
        if inv.outstanding().minor <= 0 {
            return Err(ApiError::new(
                ErrorCode::NothingOwing,
                format!("Invoice {} has nothing left to pay, so there is nothing to follow up.", inv.number),
                Some("invoice_ids"),
            ));
        }
        out.push(inv);
    }
    out.sort_by_key(|i| (i.due_date, i.id));
    Ok(out)
}

/// Renders the message for one invoice or a bundle, with the tone check.
pub async fn preview(ctx: Ctx<'_>, req: &MessageRequest) -> ApiResult<MessagePreview> {
    let invoices = load_bundle(ctx, &req.invoice_ids).await?;
    let first = &invoices[0];
    let client = ctx.store.client(first.client_id).await?;
    let settings = ctx.store.settings().await?;
    let pm = ctx.store.payment_methods().await?;
    let ladders = Ladders::load(ctx).await?;
    let ladder_id = client_ladder_id(ctx, first.client_id).await?;
    let ladder = ladders.get(ladder_id);
    let lang = client.details.language;

    // The plans already proposed for these invoices (newest first): the
    // ladder skips its offer stage for them, and an offer repeats that plan.
    let mut proposed_plans: Vec<kindly_store::PlanRecord> = Vec::new();
    for i in &invoices {
        for p in ctx.store.invoice_plans(i.id).await? {
            if !proposed_plans.iter().any(|q| q.id == p.id) {
                proposed_plans.push(p);
            }
        }
    }
    proposed_plans.sort_by_key(|p| std::cmp::Reverse(p.id));
    let in_a_plan = |id: i64| proposed_plans.iter().any(|p| p.invoices.iter().any(|(i, _)| *i == id));
    let own = for_invoice(ladder, invoices.iter().all(|i| in_a_plan(i.id)));

    // The stage: the one asked for, else the most advanced one due today among the bundle.
    let stage = match &req.stage_key {
        Some(k) => ladder.stage(k).ok_or_else(|| {
            ApiError::new(ErrorCode::UnknownStage, format!("The ladder has no stage \"{k}\"."), Some("stage_key"))
        })?,
        None => invoices
            .iter()
            .filter_map(|i| proposed_stage(&own, i.due_date, ctx.today, None))
            .max_by_key(|s| s.offset_days)
            .or_else(|| own.stages.first())
            .and_then(|s| ladder.stage(&s.key))
            .ok_or_else(|| ApiError::new(ErrorCode::LadderSize, "The ladder has no stages.", None))?,
    };
    let template = match &req.template {
        Some(t) => Template { subject: t.subject.clone(), body: t.body.clone() },
        None => effective_template(ctx, &stage.key, lang).await?.0,
    };

    let mut owing: Vec<Money> = Vec::new();
    let mut original: Vec<Money> = Vec::new();
    for i in &invoices {
        add(&mut owing, i.outstanding());
        add(&mut original, Money::new(i.total_minor, i.currency));
    }
    let fmt = |v: &[Money]| v.iter().map(|m| m.format(lang)).collect::<Vec<_>>().join(" + ");
    let numbers: Vec<String> = invoices.iter().map(|i| i.number.clone()).collect();
    // One invoice: its creditor reference; a bundle: the invoice numbers.
    let reference = match invoices.as_slice() {
        [one] => one.creditor_reference.clone().unwrap_or_else(|| one.number.clone()),
        _ => numbers.join(", "),
    };
    let payment_lines = pm.lines_with_reference(lang, Some(&reference));
    let signature =
        if settings.signature.trim().is_empty() { settings.business_name.clone() } else { settings.signature.clone() };
    // What was heard from the client since each invoice's last step.
    let mut heard_from_client = false;
    let mut recent: Vec<Money> = Vec::new();
    let mut recent_day = None;
    for i in &invoices {
        let since = ctx.store.since_last_step(i.id).await?;
        heard_from_client |= since.heard;
        for (minor, day) in since.payments {
            add(&mut recent, Money::new(minor, i.currency));
            recent_day = recent_day.max(Some(day));
        }
    }
    // The final notice states the statutory interest when the client has it on (never added to the amount).
    let mut statutory_interest: Vec<String> = Vec::new();
    if stage.key == kindly_followup::ladder::FINAL_NOTICE {
        for i in &invoices {
            let text = interest::document_text(ctx, client.id, i.id, lang, ctx.today).await?;
            if let Some((paragraph, lines)) = text.split_first() {
                let prefix = if invoices.len() > 1 { format!("{}: ", i.number) } else { String::new() };
                let working: Vec<String> = lines.iter().map(|l| format!("- {l}")).collect();
                statutory_interest.push(format!("{prefix}{paragraph}\n{}", working.join("\n")));
            }
        }
    }
    let facts = MessageFacts {
        greeting_name: client.details.greeting_name.clone(),
        client_name: client.details.display_name.clone(),
        amount_owing: fmt(&owing),
        original_amount: fmt(&original),
        partially_paid: invoices.iter().any(|i| i.paid_minor > 0),
        due_date: lang.format_date(first.due_date),
        days_overdue: invoices.iter().map(|i| days_overdue(i.due_date, ctx.today)).max().unwrap_or(0),
        payment_terms: documents::terms_text((first.due_date - first.issue_date).num_days(), lang),
        payment_methods: payment_lines.iter().map(|l| format!("- {l}")).collect::<Vec<_>>().join("\n"),
        sender_name: settings.business_name.clone(),
        signature,
        plan_offer: match (proposed_plans.first(), owing.as_slice()) {
            // An offer never contradicts a plan already proposed: it repeats it.
            (Some(p), _) => plan::as_proposed(
                &p.installments.iter().map(|i| (Money::new(i.amount_minor, p.currency), i.due_on)).collect::<Vec<_>>(),
                lang,
            ),
            (None, [one]) => plan::two_installments(*one, ctx.today, lang),
            _ => String::new(),
        },
        heard_from_client,
        recent_payment: fmt(&recent),
        recent_payment_date: recent_day.map(|d| lang.format_date(d)).unwrap_or_default(),
        statutory_interest: statutory_interest.join("\n\n"),
        ..MessageFacts::default()
    }
    // The invoice numbers and the phrases that agree with how many there are.
    .name_invoices(&numbers, lang);
    let rendered = templates::render(&template, &facts).map_err(ApiError::from)?;
    let epc_payload = match (owing.as_slice(), &pm.bank) {
        ([m], Some(BankAccount { iban, bic, holder, .. })) if m.currency.code() == "EUR" && !iban.is_empty() => {
            let name = if holder.is_empty() { &settings.business_name } else { holder };
            match invoices.as_slice() {
                [one] if one.creditor_reference.is_some() => epc::payload_with_reference(
                    bic,
                    name,
                    iban,
                    *m,
                    one.creditor_reference.as_deref().unwrap_or_default(),
                    &one.number,
                )
                .ok(),
                _ => epc::payload(bic, name, iban, *m, &kindly_i18n::join_and(&numbers, lang)).ok(),
            }
        }
        _ => None,
    };
    let email = client.details.emails.first().cloned();
    Ok(MessagePreview {
        client_id: client.id,
        client_name: client.details.display_name.clone(),
        language: lang,
        stage: stage.into(),
        channel: route(stage, email.is_some()),
        recipient_email: email,
        recipient_address: client.details.address.clone(),
        findings: findings(tone::check(&rendered.subject, &rendered.body, Some(&facts))),
        subject: rendered.subject,
        body: rendered.body,
        email_attachments: email_attachments(&numbers, stage),
        invoice_numbers: numbers,
        outstanding: owing.iter().map(|m| MoneyView::new(m.minor, m.currency, settings.locale)).collect(),
        epc_payload,
    })
}

fn email_attachments(numbers: &[String], stage: &Stage) -> Vec<String> {
    let mut names: Vec<String> = numbers.iter().map(|n| documents::invoice_pdf_name(n)).collect();
    if documents::attaches_letter(stage) {
        names.push(documents::reminder_letter_name(numbers));
    }
    names
}

fn add(v: &mut Vec<Money>, m: Money) {
    match v.iter_mut().find(|x| x.currency == m.currency) {
        Some(x) => x.minor += m.minor,
        None => v.push(m),
    }
}

async fn client_ladder_id(ctx: Ctx<'_>, client_id: i64) -> ApiResult<Option<i64>> {
    Ok(ctx.store.client_ladder_id(client_id).await?)
}

/// Records that today's stage was done for each invoice (e.g. "letter
/// printed", "call made"), with the message's full text in the timeline.
/// A stage is done at most once per invoice: a second click is refused with
/// `already_done` and changes nothing.
pub async fn mark_done(ctx: Ctx<'_>, req: &MarkDoneRequest) -> ApiResult<Vec<i64>> {
    let channel = req.channel;
    let note = text::multi_line(&req.note, "note", 5000)?;
    let invoices = load_bundle(ctx, &req.invoice_ids).await?;
    let stages = due_stages(ctx, &invoices).await?;
    let message = preview(ctx, &MessageRequest { invoice_ids: req.invoice_ids.clone(), ..Default::default() }).await?;
    let mut ids = Vec::new();
    for (inv, stage) in invoices.iter().zip(&stages) {
        let verb = match channel {
            Channel::Email => "E-mail sent",
            Channel::Letter => "Letter printed",
            Channel::Phone => "Call made",
        };
        let summary = format!("{verb}: {} for invoice {}", stage.name, inv.number);
        let data = serde_json::json!({
            "stage": stage.key, "channel": channel.as_str(), "subject": message.subject, "body": message.body,
            "invoices": message.invoice_numbers, "note": note,
        });
        let step = DoneStep { invoice_id: inv.id, stage, channel, summary: &summary, data, document_sha256: None };
        ids.push(ctx.store.mark_step_done(&step, ctx.today, ctx.now).await?);
    }
    Ok(ids)
}

/// The stage due today for each invoice (of one client), or `already_done`
/// when an invoice has nothing due today, or `already_contacted_today` when
/// the client was already contacted about one of them today (checked for
/// the whole bundle before anything is recorded or queued).
pub(crate) async fn due_stages(ctx: Ctx<'_>, invoices: &[kindly_store::InvoiceRecord]) -> ApiResult<Vec<Stage>> {
    let Some(first) = invoices.first() else { return Ok(Vec::new()) };
    let ladders = Ladders::load(ctx).await?;
    let ladder = ladders.get(client_ladder_id(ctx, first.client_id).await?);
    let mut out = Vec::new();
    for inv in invoices {
        let done = ctx.store.last_done_offset(inv.id).await?;
        let ladder = for_invoice(ladder, ctx.store.plan_proposed(inv.id).await?);
        let stage = proposed_stage(&ladder, inv.due_date, ctx.today, done).ok_or_else(|| {
            ApiError::new(
                ErrorCode::AlreadyDone,
                format!("Nothing is due today for invoice {}; its current step was already done.", inv.number),
                None,
            )
        })?;
        out.push(stage.clone());
    }
    for inv in invoices {
        if ctx.store.last_contact_on(inv.id).await? == Some(ctx.today) {
            return Err(kindly_store::StoreError::AlreadyContactedToday { number: inv.number.clone() }.into());
        }
    }
    Ok(out)
}

/// The template used for a stage and language: the user's, else the shipped one.
async fn effective_template(ctx: Ctx<'_>, stage_key: &str, lang: Locale) -> ApiResult<(Template, bool)> {
    if let Some(t) = ctx.store.template(stage_key, lang).await? {
        return Ok((t, false));
    }
    match templates::default_template(stage_key, lang) {
        Some(t) => Ok((t, true)),
        None => Ok((
            templates::default_template(kindly_followup::ladder::REMINDER, lang)
                .ok_or_else(|| ApiError::new(ErrorCode::NoTemplate, "No template for this stage.", None))?,
            true,
        )),
    }
}

fn placeholders() -> Vec<OptionItem> {
    PLACEHOLDERS.iter().map(|(n, d)| OptionItem { value: (*n).into(), label: (*d).into() }).collect()
}

pub async fn get_template(ctx: Ctx<'_>, stage_key: &str, language: &str) -> ApiResult<TemplateView> {
    let lang = Locale::parse(language)?;
    let (t, is_default) = effective_template(ctx, stage_key, lang).await?;
    Ok(TemplateView {
        stage_key: stage_key.into(),
        language: lang,
        findings: findings(tone::check(&t.subject, &t.body, None)),
        subject: t.subject,
        body: t.body,
        is_default,
        placeholders: placeholders(),
    })
}

/// Saves a template after checking it: an unknown placeholder is an error now,
/// not a blank in a sent message.
pub async fn save_template(
    ctx: Ctx<'_>,
    stage_key: &str,
    language: &str,
    input: &TemplateInput,
) -> ApiResult<TemplateView> {
    let lang = Locale::parse(language)?;
    let t = Template { subject: input.subject.trim().to_string(), body: input.body.replace("\r\n", "\n") };
    templates::validate(&t).map_err(ApiError::from)?;
    ctx.store.save_template(stage_key, lang, Some(&t), ctx.now).await?;
    get_template(ctx, stage_key, language).await
}

pub async fn reset_template(ctx: Ctx<'_>, stage_key: &str, language: &str) -> ApiResult<TemplateView> {
    let lang = Locale::parse(language)?;
    ctx.store.save_template(stage_key, lang, None, ctx.now).await?;
    get_template(ctx, stage_key, language).await
}

/// The tone check on text being written (a template or a one-off message).
pub fn check_tone(input: &TemplateInput) -> Vec<FindingView> {
    findings(tone::check(&input.subject, &input.body, None))
}

pub async fn get_ladder(ctx: Ctx<'_>) -> ApiResult<LadderView> {
    Ok(LadderView { stages: ctx.store.default_ladder().await?.stages.iter().map(StageView::from).collect() })
}

pub async fn save_ladder(ctx: Ctx<'_>, input: &LadderView) -> ApiResult<LadderView> {
    let ladder = ladder_from_view(input)?;
    ctx.store.save_default_ladder(&ladder).await?;
    get_ladder(ctx).await
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ClientLadderView {
    /// True when the client follows its own ladder rather than the default.
    pub own: bool,
    pub stages: Vec<StageView>,
}

/// The ladder a client follows.
pub async fn get_client_ladder(ctx: Ctx<'_>, client_id: i64) -> ApiResult<ClientLadderView> {
    let id = ctx.store.client_ladder_id(client_id).await?;
    let ladders = Ladders::load(ctx).await?;
    Ok(ClientLadderView { own: id.is_some(), stages: ladders.get(id).stages.iter().map(StageView::from).collect() })
}

/// Gives one client its own ladder (`Some`) or puts it back on the default (`None`);
/// the client's open invoices are rescheduled in the same transaction.
pub async fn set_client_ladder(
    ctx: Ctx<'_>,
    client_id: i64,
    input: Option<&LadderView>,
) -> ApiResult<ClientLadderView> {
    match input {
        Some(v) => {
            let ladder = ladder_from_view(v)?;
            let name = format!("client-{client_id}");
            ctx.store.set_client_ladder(client_id, Some((&name, &ladder)), ctx.now).await?;
        }
        None => ctx.store.set_client_ladder(client_id, None, ctx.now).await?,
    }
    get_client_ladder(ctx, client_id).await
}

fn ladder_from_view(input: &LadderView) -> ApiResult<Ladder> {
    let stages = input
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Ok(Stage {
                key: if s.key.trim().is_empty() { format!("stage_{}", i + 1) } else { s.key.trim().to_string() },
                name: s.name.clone(),
                offset_days: s.offset_days,
                tone: s.tone,
                channel: s.channel,
            })
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ladder { stages }.validated().map_err(ApiError::from)
}

pub async fn get_payment_methods(ctx: Ctx<'_>) -> ApiResult<PaymentMethodsView> {
    let pm = ctx.store.payment_methods().await?;
    let b = pm.bank.clone().unwrap_or_default();
    Ok(PaymentMethodsView {
        bank_holder: b.holder,
        iban: if b.iban.is_empty() { String::new() } else { kindly_followup::payment_methods::format_iban(&b.iban) },
        bic: b.bic,
        account_number: b.account_number,
        routing_code: b.routing_code,
        card_link: pm.card_link,
        paypal_link: pm.paypal_link,
        cash: pm.cash,
        cheque_payable_to: pm.cheque_payable_to,
        installments: pm.installments,
    })
}

pub async fn save_payment_methods(ctx: Ctx<'_>, v: &PaymentMethodsView) -> ApiResult<PaymentMethodsView> {
    let pm = PaymentMethods {
        bank: Some(BankAccount {
            holder: v.bank_holder.clone(),
            iban: v.iban.clone(),
            bic: v.bic.clone(),
            account_number: v.account_number.clone(),
            routing_code: v.routing_code.clone(),
        }),
        card_link: v.card_link.clone(),
        paypal_link: v.paypal_link.clone(),
        cash: v.cash,
        cheque_payable_to: v.cheque_payable_to.clone(),
        installments: v.installments,
    }
    .validated()
    .map_err(ApiError::from)?;
    ctx.store.save_payment_methods(&pm).await?;
    get_payment_methods(ctx).await
}

/// Puts one invoice on hold ("disputed", or "paused" until a date) or resumes it ("none").
pub async fn set_invoice_hold(
    ctx: Ctx<'_>,
    invoice_id: i64,
    hold: &str,
    until: Option<&str>,
    reason: &str,
) -> ApiResult<()> {
    let reason = text::multi_line(reason, "reason", 1000)?;
    let until: Option<NaiveDate> = match until.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(parse_date(s, "until")?),
        None => None,
    };
    let h = match hold {
        "none" => None,
        "disputed" => Some(("disputed", None)),
        "paused" => Some(("paused", Some(until.ok_or(kindly_core::DomainError::Required { field: "until" })?))),
        _ => return Err(ApiError::new(ErrorCode::InvalidHold, "Choose disputed, paused or none.", Some("hold"))),
    };
    Ok(ctx.store.set_invoice_hold(invoice_id, h, &reason, ctx.now).await?)
}

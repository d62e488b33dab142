//! Installment plan use cases: the editable schedule preview, propose,
//! accept (date and how), cancel, renegotiate, list and detail with each
//! installment's paid / remaining / status, the installment reminders of
//! today's queue (with their messages and "done"), the proposal e-mail text
//! and the agreement letter PDF.
//!
//! Plans that complete or break are recorded by [`refresh`], which the queue
//! and every plan read call first (idempotent, with the passed-in today).

use crate::documents::{self, PdfResult};
use crate::views::MoneyView;
use crate::{ApiError, ApiResult, Ctx};
use kindly_core::invoice::parse_date;
use kindly_core::locale::Locale;
use kindly_core::{text, Currency, Money};
use kindly_followup::epc;
use kindly_followup::payment_methods::BankAccount;
use kindly_followup::plan::messages::{
    installment_message, proposal_message, schedule_line, InstallmentFacts, ProposalFacts,
};
use kindly_followup::plan::progress::{allocate, due_reminder, next_reminder_on, ReminderKind, ReminderRule, Standing};
use kindly_followup::plan::schedule::{
    self, build, Frequency, Installment, PlanError, ScheduleRequest, Size, REMAINDER_RULE,
};
use kindly_pdf::{DocMeta, Fonts, LetterDoc, PlanLetterDoc, Qr, Table};
use kindly_store::{plan_state, InvoiceRecord, NewPlan, PlanRecord, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The grace period used when none is given: an installment more than this
/// many days late breaks the plan.
pub const DEFAULT_GRACE_DAYS: i64 = 7;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct InstallmentInput {
    /// YYYY-MM-DD.
    pub due_on: String,
    /// Decimal text in the plan's currency.
    pub amount: String,
}

/// What the "Offer a payment plan" form sends.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PlanInput {
    /// One invoice, or several of one client in one currency.
    pub invoice_ids: Vec<i64>,
    /// Number of installments (used when `installment_amount` is empty).
    #[serde(default)]
    pub count: Option<u32>,
    /// Alternatively, the amount of each installment (the last one is the rest).
    #[serde(default)]
    pub installment_amount: String,
    /// weekly, fortnightly, monthly or custom.
    pub frequency: String,
    /// YYYY-MM-DD; the first installment (or the down payment).
    #[serde(default)]
    pub first_date: String,
    /// With "custom": one date per installment.
    #[serde(default)]
    pub custom_dates: Vec<String>,
    /// Optional down payment, paid on the first date.
    #[serde(default)]
    pub down_payment: String,
    /// Days an installment may be late before the plan counts as broken.
    #[serde(default)]
    pub grace_days: Option<i64>,
    /// The schedule as edited in the table; when given it is used as is
    /// (after checking it adds up), instead of being built from the fields above.
    #[serde(default)]
    pub installments: Option<Vec<InstallmentInput>>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ScheduleRow {
    pub seq: u32,
    pub due_on: String,
    pub amount: MoneyView,
}

/// The schedule to show (and edit) before proposing.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SchedulePreview {
    pub client_id: i64,
    pub invoice_numbers: Vec<String>,
    /// What is still owing: the installments must add up to it.
    pub balance: MoneyView,
    pub installments: Vec<ScheduleRow>,
    pub sum: MoneyView,
    /// True when the installments add up to the balance exactly.
    pub sum_matches: bool,
    /// The rule for the remainder cent(s), in words.
    pub rule: String,
    /// What is wrong with an edited schedule (it can still be edited), if anything.
    pub problem: Option<ApiError>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct InstallmentView {
    pub seq: u32,
    pub due_on: String,
    pub amount: MoneyView,
    pub paid: MoneyView,
    pub remaining: MoneyView,
    /// paid, partly_paid, upcoming, due_today, late.
    pub status: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanView {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    /// proposed, active, completed, broken, renegotiated, cancelled.
    pub state: String,
    /// For active plans: on_track, late or broken (before it is recorded); else the state.
    pub standing: String,
    /// A sentence for people, e.g. "On track: next installment €33.34 on 1 January 2027".
    pub standing_text: String,
    pub total: MoneyView,
    pub paid: MoneyView,
    pub remaining: MoneyView,
    /// Paid beyond the plan (never lost; shown so it can be refunded or kept).
    pub surplus: MoneyView,
    pub grace_days: i64,
    pub frequency: String,
    pub created_on: String,
    pub agreed_on: Option<String>,
    pub agreed_how: Option<String>,
    pub ended_on: Option<String>,
    pub replaces_plan_id: Option<i64>,
    pub invoice_ids: Vec<i64>,
    pub invoice_numbers: Vec<String>,
    pub installments: Vec<InstallmentView>,
    pub next_reminder_on: Option<String>,
    /// "2:heads_up", "0:broken_notice", … (installment number and kind).
    pub reminders_done: Vec<String>,
    pub note: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct AcceptInput {
    pub plan_id: i64,
    /// YYYY-MM-DD; empty means today.
    #[serde(default)]
    pub agreed_on: String,
    /// call, email, letter or in_person.
    pub how: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PlanListRequest {
    #[serde(default)]
    pub client_id: Option<i64>,
    #[serde(default)]
    pub invoice_id: Option<i64>,
}

/// An installment reminder or broken-plan notice due today.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanQueueItem {
    pub plan_id: i64,
    pub client_id: i64,
    pub client_name: String,
    /// heads_up, reminder or broken_notice.
    pub kind: String,
    /// The installment concerned (1-based).
    pub seq: u32,
    pub count: u32,
    pub due_on: String,
    /// What is still owing on that installment.
    pub amount: MoneyView,
    pub remaining_total: MoneyView,
    pub invoice_numbers: Vec<String>,
    /// email, or letter when the client has no e-mail address.
    pub channel: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A plan message (reminder, notice or proposal), rendered in the client's language.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanMessage {
    pub plan_id: i64,
    /// heads_up, reminder, broken_notice or proposal.
    pub kind: String,
    pub seq: u32,
    pub language: String,
    pub recipient_email: Option<String>,
    pub subject: String,
    pub body: String,
    pub epc_payload: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PlanReminderDone {
    pub plan_id: i64,
    /// email, letter or phone.
    pub channel: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PlanPdfRequest {
    pub plan_id: i64,
    #[serde(default)]
    pub page_size: String,
}

fn plan_error(e: PlanError) -> ApiError {
    let mut msg = e.to_string();
    if let Some(first) = msg.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    ApiError { code: e.code().into(), message: msg, field: e.field().map(Into::into) }
}

/// The invoices of a plan: one client, one currency, each still owing.
async fn load_invoices(ctx: Ctx<'_>, ids: &[i64]) -> ApiResult<Vec<InvoiceRecord>> {
    if ids.is_empty() {
        return Err(ApiError::new("required", "Choose at least one invoice.", Some("invoice_ids")));
    }
    let mut out: Vec<InvoiceRecord> = Vec::new();
    for id in ids {
        let inv = ctx.store.invoice(*id).await?;
        if let Some(f) = out.first() {
            if f.client_id != inv.client_id {
                return Err(ApiError::new(
                    "mixed_clients",
                    "A plan can only cover invoices of one client.",
                    Some("invoice_ids"),
                ));
            }
            if f.currency != inv.currency {
                return Err(ApiError::new(
                    "mixed_currencies",
                    "A plan can only cover invoices in one currency.",
                    Some("invoice_ids"),
                ));
            }
        }
        if inv.outstanding().minor <= 0 {
            return Err(ApiError::new(
                "nothing_owing",
                format!("Invoice {} has nothing left to pay.", inv.number),
                Some("invoice_ids"),
            ));
        }
        out.push(inv);
    }
    out.sort_by_key(|i| (i.due_date, i.id));
    Ok(out)
}

fn frequency(s: &str) -> ApiResult<Frequency> {
    Frequency::parse(s).ok_or_else(|| {
        ApiError::new("invalid_frequency", "Choose weekly, fortnightly, monthly or custom dates.", Some("frequency"))
    })
}

/// The schedule from the form: the edited rows if given, else built by the rules.
fn schedule_from(input: &PlanInput, balance: Money, today: chrono::NaiveDate) -> ApiResult<Vec<Installment>> {
    let cur = balance.currency;
    if let Some(rows) = &input.installments {
        return rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                Ok(Installment {
                    seq: i as u32 + 1,
                    due_on: parse_date(&r.due_on, "installments")?,
                    amount_minor: Money::parse(&r.amount, cur, "installments")?.minor,
                })
            })
            .collect();
    }
    let f = frequency(&input.frequency)?;
    let first_date = match input.first_date.trim() {
        "" => today,
        s => parse_date(s, "first_date")?,
    };
    let size = match (input.installment_amount.trim(), input.count) {
        ("", Some(n)) => Size::Count(n),
        ("", None) => Size::Count(3),
        (a, _) => Size::Amount(Money::parse_positive(a, cur, "installment_amount")?.minor),
    };
    let custom_dates = input
        .custom_dates
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| parse_date(s, "custom_dates"))
        .collect::<Result<Vec<_>, _>>()?;
    let down_payment = match input.down_payment.trim() {
        "" => None,
        s => Some(Money::parse_positive(s, cur, "down_payment")?.minor),
    };
    build(&ScheduleRequest { balance, size, frequency: f, first_date, custom_dates, down_payment }).map_err(plan_error)
}

fn balance_of(invoices: &[InvoiceRecord]) -> Money {
    let cur = invoices.first().map(|i| i.currency).unwrap_or(Currency::EUR);
    Money::new(invoices.iter().map(|i| i.outstanding().minor).sum(), cur)
}

/// The schedule the form describes, for the live table; an edited schedule
/// that does not add up comes back with `problem` set rather than as an error.
pub async fn preview_schedule(ctx: Ctx<'_>, input: &PlanInput) -> ApiResult<SchedulePreview> {
    let invoices = load_invoices(ctx, &input.invoice_ids).await?;
    let locale = ctx.store.settings().await?.locale;
    let balance = balance_of(&invoices);
    let cur = balance.currency;
    let rows = schedule_from(input, balance, ctx.today)?;
    let sum: i64 = rows.iter().map(|i| i.amount_minor).sum();
    let problem = schedule::validate(balance, &rows).err().map(plan_error);
    Ok(SchedulePreview {
        client_id: invoices[0].client_id,
        invoice_numbers: invoices.iter().map(|i| i.number.clone()).collect(),
        balance: MoneyView::new(balance.minor, cur, locale),
        installments: rows
            .iter()
            .map(|i| ScheduleRow {
                seq: i.seq,
                due_on: i.due_on.to_string(),
                amount: MoneyView::new(i.amount_minor, cur, locale),
            })
            .collect(),
        sum: MoneyView::new(sum, cur, locale),
        sum_matches: sum == balance.minor,
        rule: REMAINDER_RULE.into(),
        problem,
    })
}

async fn create(ctx: Ctx<'_>, input: &PlanInput, replaces: Option<i64>) -> ApiResult<PlanView> {
    let invoices = load_invoices(ctx, &input.invoice_ids).await?;
    let balance = balance_of(&invoices);
    let rows = schedule_from(input, balance, ctx.today)?;
    schedule::validate(balance, &rows).map_err(plan_error)?;
    let grace_days = input.grace_days.unwrap_or(DEFAULT_GRACE_DAYS);
    if !(0..=90).contains(&grace_days) {
        return Err(ApiError::new(
            "plan_grace_days",
            "The grace period must be between 0 and 90 days.",
            Some("grace_days"),
        ));
    }
    let note = text::multi_line(&input.note, "note", 2000)?;
    // An edited schedule is recorded as custom, whatever it was built from.
    let f = if input.installments.is_some() { Frequency::Custom } else { frequency(&input.frequency)? };
    let ids: Vec<i64> = invoices.iter().map(|i| i.id).collect();
    let new = NewPlan {
        client_id: invoices[0].client_id,
        invoice_ids: &ids,
        installments: &rows,
        grace_days,
        frequency: f.as_str(),
        note: &note,
    };
    let id = ctx.store.create_plan(&new, replaces, ctx.today, ctx.now).await?;
    get(ctx, id).await
}

/// Proposes a plan (state "proposed"); the invoices' ladder keeps running until the client agrees.
pub async fn propose(ctx: Ctx<'_>, input: &PlanInput) -> ApiResult<PlanView> {
    create(ctx, input, None).await
}

/// A new plan replaces what is left of an open one (the old one becomes
/// "renegotiated"); with no invoices given it covers the old plan's invoices.
pub async fn renegotiate(ctx: Ctx<'_>, plan_id: i64, input: &PlanInput) -> ApiResult<PlanView> {
    let old = ctx.store.plan(plan_id).await?;
    let mut input = input.clone();
    if input.invoice_ids.is_empty() {
        input.invoice_ids = old.invoices.iter().map(|(id, _)| *id).collect();
    }
    create(ctx, &input, Some(plan_id)).await
}

/// The client agreed: the plan becomes active and the invoices' own reminders pause.
pub async fn accept(ctx: Ctx<'_>, input: &AcceptInput) -> ApiResult<PlanView> {
    let agreed_on = match input.agreed_on.trim() {
        "" => ctx.today,
        s => parse_date(s, "agreed_on")?,
    };
    if agreed_on > ctx.today {
        return Err(ApiError::new(
            "agreed_in_future",
            "The day the client agreed cannot be in the future.",
            Some("agreed_on"),
        ));
    }
    let how = input.how.trim().replace(['-', ' '], "_").to_ascii_lowercase();
    let how = if how == "e_mail" { "email".to_string() } else { how };
    let note = text::multi_line(&input.note, "note", 2000)?;
    ctx.store.accept_plan(input.plan_id, agreed_on, &how, &note, ctx.now).await.map_err(accept_field)?;
    refresh(ctx).await?;
    get(ctx, input.plan_id).await
}

/// Names the field of an acceptance refusal, so the form can show it in place.
fn accept_field(e: StoreError) -> ApiError {
    let field = match &e {
        StoreError::Plan { code: "invalid_agreed_how", .. } => Some("how"),
        StoreError::Plan { code: "agreed_before_proposed", .. } => Some("agreed_on"),
        _ => None,
    };
    let mut a: ApiError = e.into();
    if let Some(f) = field {
        a.field = Some(f.into());
    }
    a
}

/// Cancels an open plan; the invoices' own reminders resume.
pub async fn cancel(ctx: Ctx<'_>, plan_id: i64, reason: &str) -> ApiResult<PlanView> {
    let reason = text::multi_line(reason, "reason", 2000)?;
    ctx.store.cancel_plan(plan_id, &reason, ctx.today, ctx.now).await?;
    get(ctx, plan_id).await
}

/// Records plans that completed or broke by today (idempotent).
pub async fn refresh(ctx: Ctx<'_>) -> ApiResult<()> {
    ctx.store.refresh_plans(ctx.today, ctx.now).await?;
    Ok(())
}

pub async fn get(ctx: Ctx<'_>, plan_id: i64) -> ApiResult<PlanView> {
    refresh(ctx).await?;
    let locale = ctx.store.settings().await?.locale;
    Ok(view(&ctx.store.plan(plan_id).await?, ctx.today, locale))
}

/// A client's or an invoice's plans, newest first.
pub async fn list(ctx: Ctx<'_>, req: &PlanListRequest) -> ApiResult<Vec<PlanView>> {
    refresh(ctx).await?;
    let locale = ctx.store.settings().await?.locale;
    let plans = match (req.invoice_id, req.client_id) {
        (Some(i), _) => ctx.store.invoice_plans(i).await?,
        (None, Some(c)) => ctx.store.client_plans(c).await?,
        (None, None) => {
            return Err(ApiError::new("required", "Choose a client or an invoice.", Some("client_id")));
        }
    };
    Ok(plans.iter().map(|p| view(p, ctx.today, locale)).collect())
}

fn view(p: &PlanRecord, today: chrono::NaiveDate, locale: Locale) -> PlanView {
    let cur = p.currency;
    let m = |minor: i64| MoneyView::new(minor, cur, locale);
    let paid = p.paid_minor();
    let alloc = allocate(&p.installments, paid);
    let installments: Vec<InstallmentView> = p
        .installments
        .iter()
        .zip(&alloc.paid)
        .map(|(i, paid)| {
            let status = if *paid >= i.amount_minor {
                "paid"
            } else if i.due_on < today {
                "late"
            } else if i.due_on == today {
                "due_today"
            } else if *paid > 0 {
                "partly_paid"
            } else {
                "upcoming"
            };
            InstallmentView {
                seq: i.seq,
                due_on: i.due_on.to_string(),
                amount: m(i.amount_minor),
                paid: m(*paid),
                remaining: m(i.amount_minor - paid),
                status: status.into(),
            }
        })
        .collect();
    let current =
        alloc.current(&p.installments).map(|k| (&p.installments[k], p.installments[k].amount_minor - alloc.paid[k]));
    let standing = match p.state.as_str() {
        plan_state::ACTIVE => match p.standing(today) {
            Standing::OnTrack => "on_track",
            Standing::Late { .. } => "late",
            Standing::Broken { .. } => "broken",
            Standing::Completed => "completed",
        },
        other => other,
    };
    let next = current
        .map(|(i, rest)| format!("{} on {}", Money::new(rest, cur).format(locale), locale.format_date(i.due_on)));
    let standing_text = match (standing, &next) {
        ("proposed", Some(n)) => format!("Proposed, waiting for the client's agreement; first payment {n}"),
        ("on_track", Some(n)) => format!("On track: next installment {n}"),
        ("late", Some(n)) => format!("An installment is late ({n}); within the {}-day grace period", p.grace_days),
        ("broken", Some(n)) => format!("Broken: installment of {n} is still open"),
        ("completed", _) => "Completed: every installment is paid".into(),
        ("renegotiated", _) => "Replaced by a new plan".into(),
        ("cancelled", _) => "Cancelled".into(),
        (s, _) => s.replace('_', " "),
    };
    let done = &p.reminders_done;
    PlanView {
        id: p.id,
        client_id: p.client_id,
        client_name: p.client_name.clone(),
        state: p.state.clone(),
        standing: standing.into(),
        standing_text,
        total: m(p.total_minor),
        paid: m(paid.min(p.total_minor)),
        remaining: m((p.total_minor - paid).max(0)),
        surplus: m(alloc.surplus),
        grace_days: p.grace_days,
        frequency: p.frequency.clone(),
        created_on: p.created_on.to_string(),
        agreed_on: p.agreed_on.map(|d| d.to_string()),
        agreed_how: p.agreed_how.clone(),
        ended_on: p.ended_on.map(|d| d.to_string()),
        replaces_plan_id: p.replaces_plan_id,
        invoice_ids: p.invoices.iter().map(|(i, _)| *i).collect(),
        invoice_numbers: p.invoice_numbers(),
        installments,
        next_reminder_on: (p.state == plan_state::ACTIVE)
            .then(|| next_reminder_on(&p.installments, paid, ReminderRule::default(), done))
            .flatten()
            .map(|d| d.to_string()),
        reminders_done: done.iter().map(|(s, k)| format!("{s}:{}", k.as_str())).collect(),
        note: p.note.clone(),
    }
}

/// What is due today for one running plan: (seq, kind), the broken notice
/// being installment 0 in the record but naming the late installment.
fn due_today(p: &PlanRecord, today: chrono::NaiveDate) -> Option<(u32, ReminderKind)> {
    match p.state.as_str() {
        plan_state::ACTIVE => {
            due_reminder(&p.installments, p.paid_minor(), today, ReminderRule::default(), &p.reminders_done)
        }
        plan_state::BROKEN if !p.reminders_done.contains(&(0, ReminderKind::BrokenNotice)) => {
            Some((0, ReminderKind::BrokenNotice))
        }
        _ => None,
    }
}

/// Today's installment reminders and broken-plan notices (the queue's plan
/// source), for clients being chased today.
pub async fn queue_items(ctx: Ctx<'_>, client_id: Option<i64>) -> ApiResult<Vec<PlanQueueItem>> {
    let locale = ctx.store.settings().await?.locale;
    let mut out = Vec::new();
    let mut clients: std::collections::HashMap<i64, kindly_store::ClientRecord> = Default::default();
    for p in ctx.store.running_plans().await? {
        if client_id.is_some_and(|c| c != p.client_id) {
            continue;
        }
        let Some((seq, kind)) = due_today(&p, ctx.today) else { continue };
        if on_hold(ctx, &p).await? {
            continue;
        }
        let client = match clients.entry(p.client_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(ctx.store.client(p.client_id).await?),
        };
        if !client.chasing.is_active(ctx.today) {
            continue;
        }
        let (inst, rest) = current_installment(&p);
        let email = client.details.emails.first().cloned();
        let m = |minor| MoneyView::new(minor, p.currency, locale);
        out.push(PlanQueueItem {
            plan_id: p.id,
            client_id: p.client_id,
            client_name: p.client_name.clone(),
            kind: kind.as_str().into(),
            seq: if seq == 0 { inst.seq } else { seq },
            count: p.installments.len() as u32,
            due_on: inst.due_on.to_string(),
            amount: m(rest),
            remaining_total: m((p.total_minor - p.paid_minor()).max(0)),
            invoice_numbers: p.invoice_numbers(),
            channel: if email.is_some() { "email" } else { "letter" }.into(),
            email,
            phone: client.details.phone.clone(),
        });
    }
    out.sort_by(|a, b| a.due_on.cmp(&b.due_on).then(a.plan_id.cmp(&b.plan_id)));
    Ok(out)
}

/// True when one of the plan's invoices is on hold today (disputed, or
/// paused through today): the plan's reminders wait like the ladder does.
async fn on_hold(ctx: Ctx<'_>, p: &PlanRecord) -> ApiResult<bool> {
    for (invoice_id, _) in &p.invoices {
        match ctx.store.invoice_hold(*invoice_id).await? {
            Some((h, _, _)) if h == "disputed" => return Ok(true),
            Some((_, Some(until), _)) if until >= ctx.today => return Ok(true),
            _ => {}
        }
    }
    Ok(false)
}

/// The first installment not fully paid (or the last one) and what is still owing on it.
fn current_installment(p: &PlanRecord) -> (Installment, i64) {
    let alloc = allocate(&p.installments, p.paid_minor());
    let k = alloc.current(&p.installments).unwrap_or(p.installments.len().saturating_sub(1));
    let inst = p.installments.get(k).copied().unwrap_or(Installment { seq: 1, due_on: p.created_on, amount_minor: 0 });
    (inst, inst.amount_minor - alloc.paid.get(k).copied().unwrap_or(0))
}

/// Every way to pay, one per line, the signature and the EPC payload for an amount.
struct Pay {
    lines: String,
    signature: String,
    bank: Option<(BankAccount, String)>,
}

async fn pay(ctx: Ctx<'_>, lang: Locale) -> ApiResult<Pay> {
    let settings = ctx.store.settings().await?;
    let pm = ctx.store.payment_methods().await?;
    let signature =
        if settings.signature.trim().is_empty() { settings.business_name.clone() } else { settings.signature.clone() };
    let bank = pm.bank.clone().filter(|b| !b.iban.is_empty()).map(|b| {
        let name = if b.holder.is_empty() { settings.business_name.clone() } else { b.holder.clone() };
        (b, name)
    });
    let mut lines = pm.lines(lang);
    if lines.is_empty() {
        // No way to pay is set up yet: never leave an empty list in a message.
        lines.push(
            match lang {
                Locale::En => "Just reply and I will send you the payment details",
                Locale::De => "Antworten Sie einfach, dann schicke ich Ihnen die Zahlungsdaten",
                Locale::Fr => "Répondez simplement et je vous enverrai les coordonnées de paiement",
                Locale::Es => "Responda y le enviaré los datos de pago",
            }
            .to_string(),
        );
    }
    Ok(Pay { lines: lines.iter().map(|l| format!("- {l}")).collect::<Vec<_>>().join("\n"), signature, bank })
}

fn epc_for(pay: &Pay, amount: Money, remittance: &str) -> Option<String> {
    match &pay.bank {
        Some((b, name)) if amount.currency.code() == "EUR" && amount.minor > 0 => {
            epc::payload(&b.bic, name, &b.iban, amount, remittance).ok()
        }
        _ => None,
    }
}

fn join_numbers(p: &PlanRecord) -> String {
    p.invoice_numbers().join(", ")
}

/// The message of the reminder due today for a plan (or, with no reminder
/// due, the one that would come next, so it can be previewed).
pub async fn reminder_message(ctx: Ctx<'_>, plan_id: i64) -> ApiResult<PlanMessage> {
    refresh(ctx).await?;
    let p = ctx.store.plan(plan_id).await?;
    let (seq, kind) = due_today(&p, ctx.today).unwrap_or_else(|| {
        let (inst, _) = current_installment(&p);
        (inst.seq, if p.state == plan_state::BROKEN { ReminderKind::BrokenNotice } else { ReminderKind::HeadsUp })
    });
    render_reminder(ctx, &p, seq, kind).await
}

async fn render_reminder(ctx: Ctx<'_>, p: &PlanRecord, seq: u32, kind: ReminderKind) -> ApiResult<PlanMessage> {
    let client = ctx.store.client(p.client_id).await?;
    let lang = client.details.language;
    let pay = pay(ctx, lang).await?;
    let (inst, rest) = current_installment(p);
    let remaining = Money::new((p.total_minor - p.paid_minor()).max(0), p.currency);
    let facts = InstallmentFacts {
        greeting_name: client.details.greeting_name.clone(),
        invoice_numbers: join_numbers(p),
        seq: inst.seq,
        count: p.installments.len() as u32,
        amount: Money::new(rest, p.currency).format(lang),
        due_date: lang.format_date(inst.due_on),
        remaining_total: remaining.format(lang),
        payment_methods: pay.lines.clone(),
        signature: pay.signature.clone(),
    };
    let (subject, body) = installment_message(kind, lang, &facts);
    let remittance = format!("{} {}/{}", join_numbers(p), inst.seq, p.installments.len());
    let amount = if kind == ReminderKind::BrokenNotice { remaining } else { Money::new(rest, p.currency) };
    Ok(PlanMessage {
        plan_id: p.id,
        kind: kind.as_str().into(),
        seq,
        language: lang.code().into(),
        recipient_email: client.details.emails.first().cloned(),
        subject,
        body,
        epc_payload: epc_for(&pay, amount, &remittance),
    })
}

/// Records that today's reminder (or the broken-plan notice) was sent, with
/// its full text in the timeline. At most once each: a second call is
/// refused with `already_done`.
pub async fn reminder_done(ctx: Ctx<'_>, input: &PlanReminderDone) -> ApiResult<i64> {
    let channel = match input.channel.trim() {
        c @ ("email" | "letter" | "phone") => c.to_string(),
        _ => return Err(ApiError::new("invalid_channel", "Choose e-mail, letter or phone.", Some("channel"))),
    };
    let note = text::multi_line(&input.note, "note", 5000)?;
    let (p, seq, kind) = due_now(ctx, input.plan_id).await?;
    let msg = render_reminder(ctx, &p, seq, kind).await?;
    record(ctx, &p, seq, kind, &channel, &msg, serde_json::json!({ "note": note })).await
}

/// The plan and the reminder due today, or `already_done`.
async fn due_now(ctx: Ctx<'_>, plan_id: i64) -> ApiResult<(PlanRecord, u32, ReminderKind)> {
    refresh(ctx).await?;
    let p = ctx.store.plan(plan_id).await?;
    let (seq, kind) = due_today(&p, ctx.today).ok_or_else(|| {
        ApiError::new("already_done", "No reminder is due today for this plan; the current one was already done.", None)
    })?;
    Ok((p, seq, kind))
}

/// Records the reminder with its full text (and `extra` facts, e.g. the
/// letter's file) in the timeline; once per installment and kind.
async fn record(
    ctx: Ctx<'_>,
    p: &PlanRecord,
    seq: u32,
    kind: ReminderKind,
    channel: &str,
    msg: &PlanMessage,
    extra: serde_json::Value,
) -> ApiResult<i64> {
    let (inst, _) = current_installment(p);
    let what = match kind {
        ReminderKind::HeadsUp => format!("Heads-up for installment {}", inst.seq),
        ReminderKind::Reminder => format!("Reminder for installment {}", inst.seq),
        ReminderKind::BrokenNotice => "Courteous notice that the plan is off track".to_string(),
    };
    let verb = match channel {
        "email" => "e-mailed",
        "letter" => "sent by letter",
        _ => "given by phone",
    };
    let summary = format!("{what} of payment plan #{} {verb}", p.id);
    let mut data = serde_json::json!({
        "channel": channel, "kind": kind.as_str(), "installment": inst.seq,
        "subject": msg.subject, "body": msg.body,
    });
    if let (Some(d), Some(x)) = (data.as_object_mut(), extra.as_object()) {
        d.extend(x.clone());
    }
    Ok(ctx.store.record_plan_reminder(p.id, seq, kind, channel, &summary, data, ctx.today, ctx.now).await?)
}

/// Prints today's installment reminder (or broken-plan notice) as a letter
/// for a window envelope, with the rest of the schedule and, for EUR, a
/// payment QR code for the installment; saves it under `letters/` and
/// records the reminder as sent by letter, with the PDF's SHA-256.
pub async fn reminder_letter(ctx: Ctx<'_>, fonts: &Fonts, req: &PlanPdfRequest) -> ApiResult<PdfResult> {
    let (p, seq, kind) = due_now(ctx, req.plan_id).await?;
    let settings = ctx.store.settings().await?;
    let client = ctx.store.client(p.client_id).await?;
    let lang = client.details.language;
    let page = documents::page_size(&req.page_size, settings.locale)?;
    let l = plan_labels(lang);
    let from = documents::sender(ctx).await?;
    let msg = render_reminder(ctx, &p, seq, kind).await?;
    let fmt = |minor: i64| Money::new(minor, p.currency).format(lang);
    let (greeting, body, closing, signature) = letter_parts(&msg.body);
    let alloc = allocate(&p.installments, p.paid_minor());
    let rows: Vec<Vec<String>> = p
        .installments
        .iter()
        .zip(&alloc.paid)
        .filter(|(i, paid)| **paid < i.amount_minor)
        .map(|(i, paid)| vec![i.seq.to_string(), lang.format_date(i.due_on), fmt(i.amount_minor - paid)])
        .collect();
    let remaining = (p.total_minor - p.paid_minor()).max(0);
    let letter = LetterDoc {
        page,
        sender: from.party.clone(),
        sender_contact: from.contact.clone(),
        recipient: documents::recipient(&client),
        date_line: lang.format_date(ctx.today),
        reference_line: format!("{} #{} · {}", l.reference, p.id, join_numbers(&p)),
        subject: msg.subject.clone(),
        greeting,
        body,
        table: Some(Table {
            headers: vec![l.installment.into(), l.due.into(), l.amount.into()],
            rows,
            right_align: vec![2],
            total: Some(vec![String::new(), l.total.into(), fmt(remaining)]),
        }),
        payment_methods: Vec::new(),
        qr: msg.epc_payload.clone().map(|payload| Qr { payload, caption: l.scan.into() }),
        closing,
        signature,
        footer: from.footer.clone(),
    };
    let meta = DocMeta::new(format!("{} #{}", l.reference, p.id), from.party.name.clone(), ctx.now.naive_utc());
    let bytes = kindly_pdf::render_letters(fonts, &[letter], &meta).map_err(documents::pdf_error)?;
    let sha = documents::sha256_hex(&bytes);
    let name = format!("plan-{}-{}-{}.pdf", p.id, kind.as_str(), ctx.now.format("%Y-%m-%d-%H%M%S"));
    let path = documents::save(&documents::data_dir(ctx).join("letters"), &name, &bytes)?;
    let files = serde_json::json!({
        "pdf": path.display().to_string(), "sha256": sha,
        "files": [{ "kind": "pdf", "path": path.display().to_string(), "sha256": sha, "name": name }],
    });
    record(ctx, &p, seq, kind, "letter", &msg, files).await?;
    Ok(PdfResult { path: path.display().to_string(), sha256: sha, bytes: bytes.len() as i64 })
}

/// Splits a message body into greeting, paragraphs, closing and signature lines for a letter.
fn letter_parts(body: &str) -> (String, Vec<String>, String, Vec<String>) {
    let mut paragraphs: Vec<String> =
        body.split("\n\n").map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect();
    let greeting =
        if paragraphs.len() > 2 && !paragraphs[0].contains('\n') { paragraphs.remove(0) } else { String::new() };
    let last = paragraphs.pop().unwrap_or_default();
    let mut lines = last.lines().map(str::to_string);
    let closing = lines.next().unwrap_or_default();
    (greeting, paragraphs, closing, lines.collect())
}

/// The proposal / agreement e-mail (subject and plain-text body) in the
/// client's language, for the outbox.
pub async fn proposal_email(ctx: Ctx<'_>, plan_id: i64) -> ApiResult<PlanMessage> {
    let p = ctx.store.plan(plan_id).await?;
    let client = ctx.store.client(p.client_id).await?;
    let lang = client.details.language;
    let pay = pay(ctx, lang).await?;
    let facts = ProposalFacts {
        greeting_name: client.details.greeting_name.clone(),
        invoice_numbers: join_numbers(&p),
        total: p.total().format(lang),
        schedule_lines: p
            .installments
            .iter()
            .map(|i| {
                schedule_line(i.seq, &lang.format_date(i.due_on), &Money::new(i.amount_minor, p.currency).format(lang))
            })
            .collect(),
        payment_methods: pay.lines.clone(),
        signature: pay.signature.clone(),
    };
    let (subject, body) = proposal_message(lang, &facts);
    Ok(PlanMessage {
        plan_id: p.id,
        kind: "proposal".into(),
        seq: 0,
        language: lang.code().into(),
        recipient_email: client.details.emails.first().cloned(),
        subject,
        body,
        epc_payload: None,
    })
}

/// Words of the plan letter per language.
struct PlanLabels {
    reference: &'static str,
    installment: &'static str,
    due: &'static str,
    amount: &'static str,
    total: &'static str,
    scan: &'static str,
    agreed: &'static str,
    place_date: &'static str,
    signature: &'static str,
}

fn plan_labels(lang: Locale) -> PlanLabels {
    match lang {
        Locale::En => PlanLabels {
            reference: "Payment plan",
            installment: "Installment",
            due: "Due on",
            amount: "Amount",
            total: "Total",
            scan: "Scan with your banking app to pay an installment",
            agreed: "Agreed to the payment plan above:",
            place_date: "Place, date",
            signature: "Signature",
        },
        Locale::De => PlanLabels {
            reference: "Ratenzahlung",
            installment: "Rate",
            due: "Fällig am",
            amount: "Betrag",
            total: "Gesamt",
            scan: "Mit der Banking-App scannen, um eine Rate zu überweisen",
            agreed: "Mit der obigen Ratenzahlung einverstanden:",
            place_date: "Ort, Datum",
            signature: "Unterschrift",
        },
        Locale::Fr => PlanLabels {
            reference: "Échéancier",
            installment: "Échéance",
            due: "Date",
            amount: "Montant",
            total: "Total",
            scan: "Scannez avec votre application bancaire pour régler une échéance",
            agreed: "Bon pour accord sur l'échéancier ci-dessus :",
            place_date: "Lieu, date",
            signature: "Signature",
        },
        Locale::Es => PlanLabels {
            reference: "Plan de pagos",
            installment: "Plazo",
            due: "Vencimiento",
            amount: "Importe",
            total: "Total",
            scan: "Escanee con su app bancaria para pagar un plazo",
            agreed: "Conforme con el plan de pagos anterior:",
            place_date: "Lugar, fecha",
            signature: "Firma",
        },
    }
}

/// The plan proposal / agreement letter as a PDF, saved under the data
/// folder (`plans/`); its schedule, total, ways to pay, an EPC QR code per
/// installment for EUR and a place to sign.
pub async fn plan_pdf(ctx: Ctx<'_>, fonts: &Fonts, req: &PlanPdfRequest) -> ApiResult<PdfResult> {
    let settings = ctx.store.settings().await?;
    let p = ctx.store.plan(req.plan_id).await?;
    let client = ctx.store.client(p.client_id).await?;
    let lang = client.details.language;
    let page = documents::page_size(&req.page_size, settings.locale)?;
    let l = plan_labels(lang);
    let from = documents::sender(ctx).await?;
    let msg = proposal_email(ctx, p.id).await?;
    let pay = pay(ctx, lang).await?;
    let fmt = |minor: i64| Money::new(minor, p.currency).format(lang);
    // The e-mail's body without its schedule lines and ways to pay: the letter prints them as a table.
    let mut paragraphs: Vec<String> = msg
        .body
        .split("\n\n")
        .map(str::trim)
        .filter(|x| !x.is_empty() && !x.starts_with("1. ") && !x.starts_with('-') && !x.contains("\n-"))
        .map(str::to_string)
        .collect();
    let greeting = if paragraphs.len() > 2 { paragraphs.remove(0) } else { String::new() };
    let closing_block = paragraphs.pop().unwrap_or_default();
    let mut closing_lines = closing_block.lines().map(str::to_string);
    let closing = closing_lines.next().unwrap_or_default();
    let signature: Vec<String> = closing_lines.collect();
    let rows: Vec<Vec<String>> = p
        .installments
        .iter()
        .map(|i| vec![i.seq.to_string(), lang.format_date(i.due_on), fmt(i.amount_minor)])
        .collect();
    let numbers = join_numbers(&p);
    let installment_qrs: Vec<Qr> = p
        .installments
        .iter()
        .filter_map(|i| {
            let remittance = format!("{numbers} {}/{}", i.seq, p.installments.len());
            epc_for(&pay, Money::new(i.amount_minor, p.currency), &remittance).map(|payload| Qr {
                payload,
                caption: format!(
                    "{} {} · {} · {}",
                    l.installment,
                    i.seq,
                    lang.format_date(i.due_on),
                    fmt(i.amount_minor)
                ),
            })
        })
        .collect();
    let pm_lines = ctx.store.payment_methods().await?.lines(lang);
    let letter = LetterDoc {
        page,
        sender: from.party.clone(),
        sender_contact: from.contact.clone(),
        recipient: documents::recipient(&client),
        date_line: lang.format_date(ctx.today),
        reference_line: format!("{} #{} · {numbers}", l.reference, p.id),
        subject: msg.subject.clone(),
        greeting,
        body: paragraphs,
        table: Some(Table {
            headers: vec![l.installment.into(), l.due.into(), l.amount.into()],
            rows,
            right_align: vec![2],
            total: Some(vec![String::new(), l.total.into(), p.total().format(lang)]),
        }),
        payment_methods: pm_lines,
        qr: None,
        closing,
        signature,
        footer: from.footer.clone(),
    };
    let doc = PlanLetterDoc {
        letter,
        qr_heading: l.scan.into(),
        installment_qrs,
        sign_heading: l.agreed.into(),
        sign_labels: vec![l.place_date.into(), format!("{} ({})", l.signature, client.details.display_name)],
    };
    let meta = DocMeta::new(format!("{} #{}", l.reference, p.id), from.party.name.clone(), ctx.now.naive_utc());
    let bytes = kindly_pdf::render_plan_letter(fonts, &doc, &meta).map_err(documents::pdf_error)?;
    let sha = documents::sha256_hex(&bytes);
    let name = format!("plan-{}-{}.pdf", p.id, documents::file_safe(&numbers));
    let path = documents::save(&documents::data_dir(ctx).join("plans"), &name, &bytes)?;
    Ok(PdfResult { path: path.display().to_string(), sha256: sha, bytes: bytes.len() as i64 })
}

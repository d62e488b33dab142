//! Installment plan use cases: the editable schedule preview, propose,
//! accept (date and how), cancel, renegotiate, list and detail with each
//! installment's paid / remaining / status, the installment reminders of
//! today's queue (with their messages and "done"), the proposal e-mail text
//! and the agreement letter PDF.
//!
//! Plans that complete or break are recorded by [`refresh`], which the queue
//! and every plan read call first (idempotent, with the passed-in today).
//! The reminders of today's queue live in `reminders`, the proposal text and
//! the PDFs in `letters`.

use crate::documents::{self, PdfResult};
use crate::views::MoneyView;
use crate::{ApiError, ApiResult, Ctx};
use kindly_core::invoice::parse_date;
use kindly_core::locale::Locale;
use kindly_core::vocab::AgreedHow;
use kindly_core::vocab::InstallmentStatus;
use kindly_core::vocab::OutboxState;
use kindly_core::vocab::PlanMessageKind;
use kindly_core::vocab::PlanStanding;
use kindly_core::vocab::PlanState;
use kindly_core::vocab::PrintState;
use kindly_core::ErrorCode;
use kindly_core::{text, Currency, Money};
use kindly_followup::epc;
use kindly_followup::ladder::Channel;
use kindly_followup::payment_methods::BankAccount;
use kindly_followup::plan::messages::{
    installment_message, proposal_message, schedule_line, InstallmentFacts, ProposalFacts,
};
use kindly_followup::plan::progress::{
    allocate, check_grace_days, due_reminder, next_reminder_on, ReminderKind, ReminderRule, Standing,
};
use kindly_followup::plan::schedule::{
    self, build, Frequency, Installment, PlanError, ScheduleRequest, Size, REMAINDER_RULE,
};
use kindly_pdf::PageSize;
use kindly_pdf::{DocMeta, Fonts, LetterDoc, PlanLetterDoc, Qr, Table};
use kindly_store::{plan_state, InvoiceRecord, NewPlan, PlanRecord, StoreError};

mod letters;
pub(crate) mod reminders;

pub use letters::{plan_pdf, proposal_email, reminder_letter};
pub use reminders::{queue_items, reminder_done, reminder_message};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The grace period used when none is given: an installment more than this
/// many days late breaks the plan.
pub const DEFAULT_GRACE_DAYS: i64 = 7;

/// The number of installments when none is given.
pub const DEFAULT_COUNT: i64 = 3;

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
    /// Number of installments as typed (used when `installment_amount` is
    /// empty; empty means 3). Whole numbers only: "2.5" or "four" are refused.
    #[serde(default)]
    pub count: String,
    /// Alternatively, the amount of each installment (the last one is the rest).
    #[serde(default)]
    pub installment_amount: String,
    /// weekly, fortnightly, monthly or custom.
    pub frequency: Frequency,
    /// YYYY-MM-DD; the first installment (or the down payment).
    #[serde(default)]
    pub first_date: String,
    /// With "custom": one date per installment.
    #[serde(default)]
    pub custom_dates: Vec<String>,
    /// Optional down payment, paid on the first date.
    #[serde(default)]
    pub down_payment: String,
    /// Days an installment may be late before the plan counts as broken
    /// (as typed; empty means the default, 7).
    #[serde(default)]
    pub grace_days: String,
    /// Days before an installment is due that its heads-up comes (0: on the
    /// day; empty means 3).
    #[serde(default)]
    pub heads_up_days: String,
    /// Days after an installment was due that its reminder comes (empty means 2).
    #[serde(default)]
    pub reminder_days: String,
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
    pub status: InstallmentStatus,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanView {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    /// proposed, active, completed, broken, renegotiated, cancelled.
    pub state: PlanState,
    /// For active plans: on_track, late or broken (before it is recorded); else the state.
    pub standing: PlanStanding,
    /// A sentence for people, e.g. "On track: next installment €33.34 on 1 January 2027".
    pub standing_text: String,
    pub total: MoneyView,
    /// Money received on the plan's invoices since it was made (payments
    /// less reversals and refunds); credits are never counted as paid.
    pub paid: MoneyView,
    /// What credit notes issued since the plan was made took off it: they
    /// reduce what the plan covers, from its last installment backwards.
    pub credited: MoneyView,
    /// total − paid − credited, never below zero.
    pub remaining: MoneyView,
    /// Paid beyond the plan (never lost; shown so it can be refunded or kept).
    pub surplus: MoneyView,
    pub grace_days: i64,
    /// Days before each installment that its heads-up comes (0: on the day).
    pub heads_up_days: u32,
    /// Days after an unpaid installment that its reminder comes.
    pub reminder_days: u32,
    pub frequency: Frequency,
    pub created_on: String,
    pub agreed_on: Option<String>,
    pub agreed_how: Option<AgreedHow>,
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
    pub how: AgreedHow,
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
    pub kind: ReminderKind,
    /// The installment concerned (1-based).
    pub seq: u32,
    pub count: u32,
    pub due_on: String,
    /// What is still owing on that installment.
    pub amount: MoneyView,
    pub remaining_total: MoneyView,
    pub invoice_numbers: Vec<String>,
    /// email, or letter when the client has no e-mail address.
    pub channel: Channel,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The reminder's e-mail in the outbox, if queued: queued, sending,
    /// sent, failed or uncertain.
    pub email_state: Option<OutboxState>,
    pub outbox_id: Option<i64>,
}

/// A plan message (reminder, notice or proposal), rendered in the client's language.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanMessage {
    pub plan_id: i64,
    /// heads_up, reminder, broken_notice or proposal.
    pub kind: PlanMessageKind,
    pub seq: u32,
    pub language: Locale,
    pub recipient_email: Option<String>,
    pub subject: String,
    pub body: String,
    pub epc_payload: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PlanReminderDone {
    pub plan_id: i64,
    /// email, letter or phone.
    pub channel: Channel,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PlanPdfRequest {
    pub plan_id: i64,
    #[serde(default)]
    pub page_size: Option<PageSize>,
    /// For a reminder letter: print it, and record it if the printer took it.
    #[serde(default)]
    pub print: bool,
}

/// A plan reminder letter: where it was saved and what the printer said
/// ("saved", "printed" or "awaiting_confirmation": opened in the PDF viewer,
/// to be marked sent once posted).
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanLetterResult {
    pub path: String,
    pub sha256: String,
    pub print_state: PrintState,
    pub printed_with: Option<String>,
    pub job_id: Option<String>,
}

/// A whole number typed in a form field: empty gives `default`; anything
/// but digits (a sign, a decimal point, words) is refused with `err`, never
/// read as the default.
fn whole_number(text: &str, default: i64, err: PlanError) -> ApiResult<i64> {
    match text.trim() {
        "" => Ok(default),
        t if t.bytes().all(|b| b.is_ascii_digit()) => t.parse().map_err(|_| ApiError::from(err)),
        _ => Err(ApiError::from(err)),
    }
}

/// The invoices of a plan: one client, one currency, each still owing.
async fn load_invoices(ctx: Ctx<'_>, ids: &[i64]) -> ApiResult<Vec<InvoiceRecord>> {
    if ids.is_empty() {
        return Err(ApiError::new(ErrorCode::Required, "Choose at least one invoice.", Some("invoice_ids")));
    }
    let mut out: Vec<InvoiceRecord> = Vec::new();
    for id in ids {
        let inv = ctx.store.invoice(*id).await?;
        if let Some(f) = out.first() {
            if f.client_id != inv.client_id {
                return Err(ApiError::new(
                    ErrorCode::MixedClients,
                    "A plan can only cover invoices of one client.",
                    Some("invoice_ids"),
                ));
            }
            if f.currency != inv.currency {
                return Err(ApiError::new(
                    ErrorCode::MixedCurrencies,
                    "A plan can only cover invoices in one currency.",
                    Some("invoice_ids"),
                ));
            }
        }
        if inv.outstanding().minor <= 0 {
            return Err(ApiError::new(
                ErrorCode::NothingOwing,
                format!("Invoice {} has nothing left to pay.", inv.number),
                Some("invoice_ids"),
            ));
        }
        out.push(inv);
    }
    out.sort_by_key(|i| (i.due_date, i.id));
    Ok(out)
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
    let f = input.frequency;
    let first_date = match input.first_date.trim() {
        "" => today,
        s => parse_date(s, "first_date")?,
    };
    let size = match input.installment_amount.trim() {
        "" => {
            let n = whole_number(&input.count, DEFAULT_COUNT, PlanError::Count)?;
            Size::Count(u32::try_from(n).map_err(|_| ApiError::from(PlanError::Count))?)
        }
        a => Size::Amount(Money::parse_positive(a, cur, "installment_amount")?.minor),
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
    build(&ScheduleRequest { balance, size, frequency: f, first_date, custom_dates, down_payment })
        .map_err(ApiError::from)
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
    let problem = schedule::validate(balance, &rows).err().map(ApiError::from);
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
    schedule::validate(balance, &rows).map_err(ApiError::from)?;
    let grace_days = whole_number(&input.grace_days, DEFAULT_GRACE_DAYS, PlanError::GraceDays)?;
    let grace_days = check_grace_days(grace_days).map_err(ApiError::from)?;
    let default = ReminderRule::default();
    let reminder_rule = ReminderRule::new(
        whole_number(&input.heads_up_days, default.heads_up_days().into(), PlanError::HeadsUpDays)?,
        whole_number(&input.reminder_days, default.reminder_days().into(), PlanError::ReminderDays)?,
    )
    .map_err(ApiError::from)?;
    let note = text::multi_line(&input.note, "note", 2000)?;
    // An edited schedule is recorded as custom, whatever it was built from.
    let f = if input.installments.is_some() { Frequency::Custom } else { input.frequency };
    let ids: Vec<i64> = invoices.iter().map(|i| i.id).collect();
    let new = NewPlan {
        client_id: invoices[0].client_id,
        invoice_ids: &ids,
        installments: &rows,
        grace_days,
        reminder_rule,
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
            ErrorCode::AgreedInFuture,
            "The day the client agreed cannot be in the future.",
            Some("agreed_on"),
        ));
    }
    let how = input.how.as_str();
    let note = text::multi_line(&input.note, "note", 2000)?;
    ctx.store.accept_plan(input.plan_id, agreed_on, how, &note, ctx.now).await.map_err(ApiError::from)?;
    refresh(ctx).await?;
    get(ctx, input.plan_id).await
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

/// `refresh` after something already saved (a payment): its failure is not
/// that change's error (the next queue or plan read records the plans'
/// states), so it is logged, not returned.
pub(crate) async fn refresh_or_log(ctx: Ctx<'_>) {
    if let Err(e) = refresh(ctx).await {
        tracing::warn!(code = %e.code, "could not update the payment plans' states: {}", e.message);
    }
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
            return Err(ApiError::new(ErrorCode::Required, "Choose a client or an invoice.", Some("client_id")));
        }
    };
    Ok(plans.iter().map(|p| view(p, ctx.today, locale)).collect())
}

fn view(p: &PlanRecord, today: chrono::NaiveDate, locale: Locale) -> PlanView {
    let cur = p.currency;
    let m = |minor: i64| MoneyView::new(minor, cur, locale);
    let paid = p.paid_minor();
    let credited = p.credited_minor();
    // The schedule as the plan still covers it (credit notes since take
    // the last installments first), and payments applied oldest first.
    let due = p.due_installments();
    let alloc = allocate(&due, paid);
    let installments: Vec<InstallmentView> = due
        .iter()
        .zip(&alloc.paid)
        .map(|(i, paid)| {
            let status = if *paid >= i.amount_minor {
                InstallmentStatus::Paid
            } else if i.due_on < today {
                InstallmentStatus::Late
            } else if i.due_on == today {
                InstallmentStatus::DueToday
            } else if *paid > 0 {
                InstallmentStatus::PartlyPaid
            } else {
                InstallmentStatus::Upcoming
            };
            InstallmentView {
                seq: i.seq,
                due_on: i.due_on.to_string(),
                amount: m(i.amount_minor),
                paid: m(*paid),
                remaining: m(i.amount_minor - paid),
                status,
            }
        })
        .collect();
    let current = alloc.current(&due).map(|k| (&due[k], due[k].amount_minor - alloc.paid[k]));
    let state = p.state;
    let standing = match state {
        PlanState::Active => match p.standing(today) {
            Standing::OnTrack => PlanStanding::OnTrack,
            Standing::Late { .. } => PlanStanding::Late,
            Standing::Broken { .. } => PlanStanding::Broken,
            Standing::Completed => PlanStanding::Completed,
        },
        PlanState::Proposed => PlanStanding::Proposed,
        PlanState::Completed => PlanStanding::Completed,
        PlanState::Broken => PlanStanding::Broken,
        PlanState::Renegotiated => PlanStanding::Renegotiated,
        PlanState::Cancelled => PlanStanding::Cancelled,
    };
    let next = current
        .map(|(i, rest)| format!("{} on {}", Money::new(rest, cur).format(locale), locale.format_date(i.due_on)));
    let standing_text = match (standing, &next) {
        (PlanStanding::Proposed, Some(n)) => format!("Proposed, waiting for the client's agreement; first payment {n}"),
        (PlanStanding::OnTrack, Some(n)) => format!("On track: next installment {n}"),
        (PlanStanding::Late, Some(n)) => {
            format!("An installment is late ({n}); within the {}-day grace period", p.grace_days)
        }
        (PlanStanding::Broken, Some(n)) => format!("Broken: installment of {n} is still open"),
        (PlanStanding::Completed, _) => "Completed: every installment is paid".into(),
        (PlanStanding::Renegotiated, _) => "Replaced by a new plan".into(),
        (PlanStanding::Cancelled, _) => "Cancelled".into(),
        (s, None) => crate::error::capitalised(&s.as_str().replace('_', " ")),
    };
    let done = &p.reminders_done;
    PlanView {
        id: p.id,
        client_id: p.client_id,
        client_name: p.client_name.clone(),
        state,
        standing,
        standing_text,
        total: m(p.total_minor),
        paid: m(paid.min(p.total_minor)),
        credited: m(credited),
        remaining: m(p.remaining_minor()),
        surplus: m(alloc.surplus),
        grace_days: p.grace_days,
        heads_up_days: p.reminder_rule.heads_up_days(),
        reminder_days: p.reminder_rule.reminder_days(),
        frequency: p.frequency,
        created_on: p.created_on.to_string(),
        agreed_on: p.agreed_on.map(|d| d.to_string()),
        agreed_how: p.agreed_how,
        ended_on: p.ended_on.map(|d| d.to_string()),
        replaces_plan_id: p.replaces_plan_id,
        invoice_ids: p.invoices.iter().map(|(i, _)| *i).collect(),
        invoice_numbers: p.invoice_numbers(),
        installments,
        next_reminder_on: (p.state == plan_state::ACTIVE)
            .then(|| next_reminder_on(&due, paid, p.reminder_rule, done))
            .flatten()
            .map(|d| d.to_string()),
        reminders_done: done.iter().map(|(s, k)| format!("{s}:{}", k.as_str())).collect(),
        note: p.note.clone(),
    }
}

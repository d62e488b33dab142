//! Today's due steps: every invoice whose follow-up has come, with the
//! stage it proposes today and the channel it goes by, read at once
//! ([`kindly_store::Store::due_followups_all`]), and the filter that narrows
//! them (channel, stage, tone, language, currency and amount). The stage
//! depends on the ladder, the due date and the last step done, so it is
//! computed here by the queue's own rule, never guessed in SQL. Today's
//! queue, "Send all e-mails", "Print today's letters" and the counts
//! shown on Today all select from here, so their numbers agree.

use crate::{ApiError, ApiResult, Ctx};
use chrono::NaiveDate;
use kindly_core::locale::Locale;
use kindly_core::{Currency, ErrorCode, Money};
use kindly_followup::ladder::{Channel, Ladder, Stage, Tone};
use kindly_followup::queue::{for_invoice, proposed_stage};
use kindly_store::{DueKey, DueRow};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
use ts_rs::TS;

/// The channel to use for a stage and a client.
pub(crate) fn route(stage: &Stage, has_email: bool) -> Channel {
    match stage.channel {
        Channel::Email if !has_email => Channel::Letter,
        c => c,
    }
}

/// The ladders by client ladder id (None = default).
pub(crate) struct Ladders {
    default: Ladder,
    custom: HashMap<i64, (String, Ladder)>,
}

impl Ladders {
    pub(crate) async fn load(ctx: Ctx<'_>) -> ApiResult<Ladders> {
        Ok(Ladders { default: ctx.store.default_ladder().await?, custom: ctx.store.ladders().await? })
    }
    pub(crate) fn get(&self, id: Option<i64>) -> &Ladder {
        id.and_then(|i| self.custom.get(&i)).map(|(_, l)| l).unwrap_or(&self.default)
    }
}

/// What has to happen before today's queue is read: plans that completed or
/// broke by today are recorded (a broken plan's invoices are back on their
/// ladder, an active one's stay paused), and promises past their day are
/// settled (the store leaves out invoices paused by an open promise or
/// waiting for a broken one's follow-up, which the promise queue shows).
pub(crate) async fn prepare_today(ctx: Ctx<'_>) -> ApiResult<()> {
    // Done once per day and per change: with nothing committed since, on
    // the same day, the plans and promises are where the last pass left
    // them (a pass that records something commits, so the next call makes
    // one more pass, which finds nothing left to record).
    struct Prepared;
    ctx.store
        .memo(ctx.today, || async {
            crate::plans::refresh(ctx).await?;
            crate::contacts::resolve_promises(ctx).await?;
            Ok::<_, ApiError>(Prepared)
        })
        .await?;
    Ok(())
}

/// The stage a due row proposes today and the channel it goes by; `None`
/// when its ladder has nothing to propose.
pub(crate) fn due_step(ladders: &Ladders, r: &DueRow, today: NaiveDate) -> Option<(Stage, Channel)> {
    let key = Where {
        ladder_id: r.ladder_id,
        plan_proposed: r.plan_proposed,
        due: r.due_date,
        last_done_offset: r.last_done_offset,
        has_email: !r.emails.is_empty(),
    };
    stage_today(ladders, &key, today)
}

/// Where an invoice stands on its ladder.
struct Where {
    ladder_id: Option<i64>,
    plan_proposed: bool,
    due: NaiveDate,
    last_done_offset: Option<i64>,
    has_email: bool,
}

fn stage_today(ladders: &Ladders, w: &Where, today: NaiveDate) -> Option<(Stage, Channel)> {
    let ladder = for_invoice(ladders.get(w.ladder_id), w.plan_proposed);
    let stage = proposed_stage(&ladder, w.due, today, w.last_done_offset)?.clone();
    let channel = route(&stage, w.has_email);
    Some((stage, channel))
}

/// Which of today's follow-ups to show. Every field left empty matches all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct QueueFilter {
    #[serde(default)]
    pub channel: Option<Channel>,
    /// A stage key of the ladder ("reminder", "final_notice", …).
    #[serde(default)]
    pub stage: Option<String>,
    #[serde(default)]
    pub tone: Option<Tone>,
    /// The client's language.
    #[serde(default)]
    pub language: Option<Locale>,
    /// ISO 4217 code: only invoices in this currency.
    #[serde(default)]
    pub currency: Option<String>,
    /// Only invoices with at least this much still owing: a decimal in
    /// `currency` (or, without one, in the business currency, which then
    /// also filters the currency: amounts are never compared across
    /// currencies).
    #[serde(default)]
    pub min_amount: String,
}

impl QueueFilter {
    pub fn is_empty(&self) -> bool {
        self.min_amount.trim().is_empty()
            && self.channel.is_none()
            && self.stage.as_deref().is_none_or(|s| s.trim().is_empty())
            && self.tone.is_none()
            && self.language.is_none()
            && self.currency.as_deref().is_none_or(|c| c.trim().is_empty())
    }

    /// Checks the currency and the amount (a specific error with its field).
    pub(crate) async fn parse(&self, ctx: Ctx<'_>) -> ApiResult<ParsedFilter> {
        let currency = match self.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(c) => Some(Currency::parse(c).map_err(|e| {
                let mut e = ApiError::from(e);
                e.field = Some("currency".into());
                e
            })?),
            None => None,
        };
        let amount = self.min_amount.trim();
        let (currency, min_minor) = if amount.is_empty() {
            (currency, None)
        } else {
            let currency = match currency {
                Some(c) => c,
                None => ctx.store.settings().await?.default_currency,
            };
            let m = Money::parse(amount, currency, "min_amount").map_err(ApiError::from)?;
            (Some(currency), Some(m.minor))
        };
        Ok(ParsedFilter {
            channel: self.channel,
            stage: self.stage.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned),
            tone: self.tone,
            language: self.language,
            currency,
            min_minor,
        })
    }
}

/// A filter value whose counts are shown: counted with every other
/// condition applied but its own, so each count says what choosing that
/// value would show.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Facet {
    Channel,
    Stage,
    Tone,
    Language,
    Currency,
}

impl Facet {
    pub(crate) fn bit(self) -> u8 {
        match self {
            Facet::Channel => 1,
            Facet::Stage => 2,
            Facet::Tone => 4,
            Facet::Language => 8,
            Facet::Currency => 16,
        }
    }
}

/// The bit of [`ParsedFilter::misses`] for a step owing less than the minimum.
pub(crate) const MISSES_AMOUNT: u8 = 32;

/// A [`QueueFilter`] checked and ready to match.
#[derive(Debug, Default)]
pub(crate) struct ParsedFilter {
    pub channel: Option<Channel>,
    pub stage: Option<String>,
    pub tone: Option<Tone>,
    pub language: Option<Locale>,
    pub currency: Option<Currency>,
    pub min_minor: Option<i64>,
}

impl ParsedFilter {
    /// Whether a step matches every condition, except that of `except`.
    pub(crate) fn matches(&self, s: &DueStep, except: Option<Facet>) -> bool {
        let on = |f: Facet| except != Some(f);
        (!on(Facet::Channel) || self.channel.is_none_or(|c| c == s.channel))
            && (!on(Facet::Stage) || self.stage.as_deref().is_none_or(|k| k == s.stage.key))
            && (!on(Facet::Tone) || self.tone.is_none_or(|t| t == s.stage.tone))
            && (!on(Facet::Language) || self.language.is_none_or(|l| l == s.row.language))
            && (!on(Facet::Currency) || self.currency.is_none_or(|c| c == s.row.currency))
            && self.min_minor.is_none_or(|m| s.owing() >= m)
    }

    /// The conditions a step fails, one bit per facet ([`Facet::bit`]) and
    /// [`MISSES_AMOUNT`] for the amount: one look at a step answers every
    /// facet's count.
    pub(crate) fn misses(&self, s: &DueStep) -> u8 {
        let mut m = 0;
        if self.channel.is_some_and(|c| c != s.channel) {
            m |= Facet::Channel.bit();
        }
        if self.stage.as_deref().is_some_and(|k| k != s.stage.key) {
            m |= Facet::Stage.bit();
        }
        if self.tone.is_some_and(|t| t != s.stage.tone) {
            m |= Facet::Tone.bit();
        }
        if self.language.is_some_and(|l| l != s.row.language) {
            m |= Facet::Language.bit();
        }
        if self.currency.is_some_and(|c| c != s.row.currency) {
            m |= Facet::Currency.bit();
        }
        if self.min_minor.is_some_and(|min| s.owing() < min) {
            m |= MISSES_AMOUNT;
        }
        m
    }
}

/// One of today's follow-ups with the stage it proposes and its channel.
#[derive(Debug, Clone)]
pub(crate) struct DueStep {
    pub row: DueKey,
    pub stage: Stage,
    pub channel: Channel,
    /// The client's place among today's clients in name order (case
    /// ignored, then by id): what grouping by client sorts by.
    pub client_rank: u32,
}

impl DueStep {
    pub(crate) fn owing(&self) -> i64 {
        self.row.owing_minor
    }
}

/// Every follow-up due today, in the queue's order. Plans and promises must
/// have been brought up to today first ([`prepare_today`]). Kept by the
/// store until the database or the day changes, so that Today's filters and
/// counts do not read every due invoice at every click.
pub(crate) async fn due_steps(ctx: Ctx<'_>) -> ApiResult<Arc<Vec<DueStep>>> {
    ctx.store
        .memo(ctx.today, || async {
            let ladders = Ladders::load(ctx).await?;
            let rows = ctx.store.due_keys(ctx.today).await?;
            let mut names: Vec<(String, i64)> =
                rows.iter().map(|r| (r.client_name.to_lowercase(), r.client_id)).collect();
            names.sort_unstable();
            names.dedup();
            let rank: HashMap<i64, u32> = names.iter().enumerate().map(|(i, (_, id))| (*id, i as u32)).collect();
            Ok::<_, ApiError>(
                rows.into_iter()
                    .filter_map(|row| {
                        let key = Where {
                            ladder_id: row.ladder_id,
                            plan_proposed: row.plan_proposed,
                            due: row.due_date,
                            last_done_offset: row.last_done_offset,
                            has_email: row.has_email,
                        };
                        let (stage, channel) = stage_today(&ladders, &key, ctx.today)?;
                        let client_rank = rank.get(&row.client_id).copied().unwrap_or(names.len() as u32);
                        Some(DueStep { row, stage, channel, client_rank })
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .await
}

/// Today's follow-ups if the store still keeps them (nothing changed since
/// they were read), without reading them: the unfiltered queue pages them in
/// memory then, and from the index otherwise.
pub(crate) async fn kept_due_steps(ctx: Ctx<'_>) -> Option<Arc<Vec<DueStep>>> {
    ctx.store.kept::<Vec<DueStep>>(ctx.today).await
}

/// Refuses to act when the number the user confirmed is no longer the
/// number the action would act on (a payment arrived, the background sender
/// ran, a day began): the user confirms the new number instead.
pub(crate) fn check_expected(expected: Option<i64>, now: i64, what: &str) -> ApiResult<()> {
    match expected {
        Some(n) if n != now => Err(ApiError::new(
            ErrorCode::CountChanged,
            format!(
                "Today’s {what} changed since you confirmed {n}: {now} {} now. Nothing was done; look again and confirm the new number.",
                if now == 1 { "is due" } else { "are due" }
            ),
            None,
        )),
        _ => Ok(()),
    }
}

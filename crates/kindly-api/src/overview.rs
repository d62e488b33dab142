//! The overview, the first screen (issue #14): per currency (amounts in
//! different currencies are never added together) what is outstanding and
//! overdue, the aging buckets, DSO, days to pay, expected cash-in, which
//! ladder step precedes payment, and 12 months of invoiced vs collected.
//! Every figure carries the filter of the list behind it (`InvoicesLink`,
//! `PaymentsLink`), so the UI opens that list.
//!
//! The figures come from the summary tables of migration 0014 (kept by
//! triggers), so the whole overview reads a few thousand rows at 1,000,000
//! invoices. The rules, stated once here and shown on screen:
//! [`DSO_FORMULA`], [`DAYS_TO_PAY_RULE`], [`CASH_IN_RULE`], [`STEPS_RULE`].

mod cash_in;
mod figures;
pub mod reports;

use crate::views::MoneyView;
use crate::{ApiError, ApiResult, Ctx};
use chrono::{Datelike, Days, Months, NaiveDate};
use kindly_core::invoice::InvoiceState;
use kindly_core::locale::Locale;
use kindly_core::vocab::AgingBucket;
use kindly_core::Currency;
use kindly_store::{CashInMove, ClientPaySpeed, DayFigures, ExpectedPlan, OpenByDue, StepFigures};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

pub use cash_in::{CashIn, CashInWindow};
pub use figures::{AgingFigure, ClientDaysToPay, CountedAmount, DaysToPay, Dso, MonthFigure, StepFigure};

/// DSO, as the overview states it.
pub const DSO_FORMULA: &str = "DSO = receivables outstanding today ÷ amount invoiced in the last 90 days × 90. \
Invoiced means issued and not cancelled, by issue date, today and the 89 days before. \
No DSO when nothing was invoiced in those 90 days.";

/// Days to pay, as the overview states it.
pub const DAYS_TO_PAY_RULE: &str = "Days to pay = days from an invoice's issue date to the day it became fully paid \
(the date of the payment that completed it), averaged over the invoices fully paid in the last 12 months \
(the day after the same date a year ago, through today).";

/// Expected cash-in, as the overview states it.
pub const CASH_IN_RULE: &str = "Expected cash-in counts each open invoice once: on its due date; for the promised \
amount, on the day of an open promise instead; and an invoice in an active installment plan through the plan's \
unpaid installments, on their due dates, instead. What is already late (overdue, promised for a day that has \
passed, installments past due) is shown apart, never as expected next week. At risk: the part of the expected \
amount on invoices with a broken promise or a broken plan, and the installments of a plan that is behind.";

/// The ladder-step figure, as the overview states it.
pub const STEPS_RULE: &str = "For each ladder step done at least once: how many times it was done, and how many of \
those invoices were fully paid on the day of the step or within the 7 days after it.";

/// Which currencies to show: one, or every currency the data holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct OverviewRequest {
    /// An ISO 4217 code; null: every currency the data holds, the business
    /// currency first, then by amount owed.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub currency: Option<Currency>,
}

/// The filter of the invoice list behind a figure (the fields of
/// `InvoiceListRequest`; absent ones are not set).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvoicesLink {
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub client_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub state: Option<InvoiceState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub aging: Option<AgingBucket>,
    /// Issued with something still owing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub open_only: Option<bool>,
    /// Issued, not cancelled (drafts left out): what "invoiced" counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub issued_only: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub due_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub due_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub issued_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub issued_to: Option<String>,
}

/// The filter of the payment list behind a figure (the fields of
/// `PaymentListRequest`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaymentsLink {
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub client_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub to: Option<String>,
}

/// The whole overview. `kindly overview --json` prints exactly this.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OverviewView {
    /// The day the figures are for, YYYY-MM-DD.
    pub today: String,
    /// The business currency (settings), shown first.
    pub business_currency: String,
    /// False until an invoice was issued: the page shows its empty state
    /// (every figure is still present, zero or absent).
    pub has_invoices: bool,
    /// One entry per currency; never empty (the business currency with
    /// zeros when there is no data).
    pub currencies: Vec<CurrencyOverview>,
    pub dso_formula: String,
    pub days_to_pay_rule: String,
    pub cash_in_rule: String,
    pub steps_rule: String,
}

/// Every figure in one currency.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CurrencyOverview {
    pub currency: String,
    /// Issued invoices with something owing: what they owe.
    pub outstanding: CountedAmount,
    /// Of those, due before today.
    pub overdue: CountedAmount,
    /// Always the five buckets, in order.
    pub aging: Vec<AgingFigure>,
    pub dso: Dso,
    pub days_to_pay: DaysToPay,
    pub cash_in: CashIn,
    /// Each ladder stage done at least once, in ladder order.
    pub steps: Vec<StepFigure>,
    /// 12 months, oldest first, months with nothing included as zero.
    pub months: Vec<MonthFigure>,
}

/// The days the overview reads: its windows on `today`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Windows {
    pub today: NaiveDate,
    /// DSO: today and the 89 days before.
    pub dso_from: NaiveDate,
    /// Days to pay: the last 12 months.
    pub pay_from: NaiveDate,
    /// The first of the month 11 months back.
    pub months_from: NaiveDate,
    /// The last day of this month.
    pub months_to: NaiveDate,
}

impl Windows {
    pub(crate) fn on(today: NaiveDate) -> Windows {
        let first = today.with_day(1).unwrap_or(today);
        let back = |m: u32| first.checked_sub_months(Months::new(m)).unwrap_or(first);
        Windows {
            today,
            dso_from: today.checked_sub_days(Days::new(89)).unwrap_or(today),
            pay_from: today.checked_sub_months(Months::new(12)).and_then(|d| d.succ_opt()).unwrap_or(today),
            months_from: back(11),
            months_to: month_end(today),
        }
    }
}

/// The last day of `d`'s month.
pub(crate) fn month_end(d: NaiveDate) -> NaiveDate {
    let first = d.with_day(1).unwrap_or(d);
    first.checked_add_months(Months::new(1)).and_then(|n| n.pred_opt()).unwrap_or(d)
}

pub(crate) fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `a / b` with one decimal, rounded half up ("37.4"); `None` when `b` is 0.
pub(crate) fn tenths(a: i128, b: i128) -> Option<(String, i64)> {
    if b <= 0 {
        return None;
    }
    let t = (a * 20 + b) / (b * 2);
    let whole = (a * 2 + b) / (b * 2);
    Some((format!("{}.{}", t / 10, t % 10), whole as i64))
}

/// What the overview reads from the store, kept by the store's memo until
/// any connection commits or the day changes: the app opens on the
/// overview and comes back to it often, and nothing it shows can change
/// without a commit.
struct Inputs {
    default_currency: Currency,
    locale: Locale,
    open: Vec<OpenByDue>,
    days: Vec<(Currency, NaiveDate, DayFigures)>,
    held: Vec<Currency>,
    steps: Vec<StepFigures>,
    ladders: HashMap<String, (String, i64)>,
    moves: Vec<CashInMove>,
    plans: Vec<ExpectedPlan>,
    /// The 10 slowest payers of each currency held.
    slowest: HashMap<Currency, Vec<ClientPaySpeed>>,
}

async fn inputs(ctx: Ctx<'_>, w: &Windows) -> ApiResult<Inputs> {
    let settings = ctx.store.settings().await?;
    let from = w.months_from.min(w.dso_from).min(w.pay_from);
    let held = ctx.store.overview_currencies().await?;
    let each_slowest = async {
        let mut slowest = HashMap::new();
        for c in held.iter().copied().chain(std::iter::once(settings.default_currency)) {
            if let std::collections::hash_map::Entry::Vacant(e) = slowest.entry(c) {
                e.insert(ctx.store.slowest_payers(c, w.pay_from, ctx.today, 10).await?);
            }
        }
        Ok::<_, ApiError>(slowest)
    };
    // Independent reads, each on a connection of the pool: SQLite works on
    // both cores at once (a third off the first read after a change).
    let (slowest, open, days, steps, ladders, moves, plans) = tokio::try_join!(
        each_slowest,
        async { Ok::<_, ApiError>(ctx.store.overview_open().await?) },
        async { Ok(ctx.store.overview_days(from, w.months_to.max(ctx.today)).await?) },
        async { Ok(ctx.store.overview_steps().await?) },
        figures::stage_names(ctx),
        async { Ok(ctx.store.cash_in_moves(ctx.today).await?) },
        async { Ok(ctx.store.expected_plans().await?) },
    )?;
    Ok(Inputs {
        default_currency: settings.default_currency,
        locale: settings.locale,
        open,
        days,
        held,
        steps,
        ladders,
        moves,
        plans,
        slowest,
    })
}

/// Brings the overview's per-client table to `ctx.today`'s window (a write,
/// once a day; a read when it is there already). The app does it on its
/// minute tick, so the day's first overview finds it done.
pub async fn prepare_day(ctx: Ctx<'_>) -> ApiResult<()> {
    let w = Windows::on(ctx.today);
    Ok(ctx.store.move_pay_speed_window(w.pay_from, ctx.today).await?)
}

/// The overview on `ctx.today`.
pub async fn overview(ctx: Ctx<'_>, req: &OverviewRequest) -> ApiResult<OverviewView> {
    let w = Windows::on(ctx.today);
    // Before the memo: a move commits, and a commit while the figures are
    // computed would make the next read compute them all again. Only when
    // the per-client table lags more than a few days (the app's tick moves
    // it at midnight): within them the slowest payers are read around it,
    // so a new day's overview writes nothing.
    ctx.store.bring_pay_speed_window_near(w.pay_from, ctx.today).await?;
    let kept = ctx.store.memo(ctx.today, || inputs(ctx, &w)).await?;
    let Inputs { default_currency, locale, open, days, held, steps, ladders, moves, plans, slowest } = &*kept;
    let has_invoices = !held.is_empty();
    let mut currencies = match req.currency {
        Some(c) => vec![c],
        None if held.is_empty() => vec![*default_currency],
        None => held.clone(),
    };
    let owed = |c: Currency| open.iter().filter(|o| o.currency == c).map(|o| o.owing_minor).sum::<i64>();
    currencies.sort_by_key(|c| (*c != *default_currency, std::cmp::Reverse(owed(*c)), c.code()));
    let mut out = Vec::with_capacity(currencies.len());
    for c in currencies {
        let open_c: Vec<_> = open.iter().filter(|o| o.currency == c).collect();
        let days_c: Vec<_> = days.iter().filter(|d| d.0 == c).map(|(_, d, f)| (*d, f)).collect();
        // A currency nothing was ever issued in has no payers.
        let slowest = slowest.get(&c).map(Vec::as_slice).unwrap_or_default();
        let (outstanding, overdue, aging) = figures::open_figures(&open_c, c, w.today, *locale);
        out.push(CurrencyOverview {
            currency: c.code().to_string(),
            dso: figures::dso(&open_c, &days_c, c, &w, *locale),
            days_to_pay: figures::days_to_pay(&days_c, slowest, c, &w),
            cash_in: cash_in::cash_in(&open_c, moves, plans, c, w.today, *locale),
            steps: figures::steps(steps, ladders, c),
            months: figures::months(&days_c, c, &w, *locale),
            outstanding,
            overdue,
            aging,
        });
    }
    Ok(OverviewView {
        today: day(ctx.today),
        business_currency: default_currency.code().to_string(),
        has_invoices,
        currencies: out,
        dso_formula: DSO_FORMULA.to_string(),
        days_to_pay_rule: DAYS_TO_PAY_RULE.to_string(),
        cash_in_rule: CASH_IN_RULE.to_string(),
        steps_rule: STEPS_RULE.to_string(),
    })
}

pub(crate) fn money(minor: i64, c: Currency, locale: Locale) -> MoneyView {
    MoneyView::new(minor, c, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn tenths_round_half_up() {
        assert_eq!(tenths(1, 3), Some(("0.3".into(), 0)));
        assert_eq!(tenths(2, 3), Some(("0.7".into(), 1)));
        assert_eq!(tenths(5, 2), Some(("2.5".into(), 3)));
        assert_eq!(tenths(1, 0), None);
        assert_eq!(tenths(45, 1), Some(("45.0".into(), 45)));
    }

    /// Regression: on a new day the overview moved its per-client window
    /// (a commit) while its figures were computed, so they were not kept
    /// and the day's second look computed them all again.
    #[tokio::test]
    async fn a_new_days_figures_are_kept_after_its_first_look() {
        let dir = tempfile::tempdir().unwrap();
        let store = kindly_store::Store::open(&dir.path().join("kindly.db")).await.unwrap();
        let now = chrono::Utc::now();
        for day in [d("2026-12-02"), d("2026-12-03")] {
            overview(Ctx::new(&store, now, day), &OverviewRequest::default()).await.unwrap();
            assert!(store.kept::<Inputs>(day).await.is_some(), "{day}: the figures were not kept");
        }
    }

    #[test]
    fn windows_on_a_day() {
        let w = Windows::on(d("2026-03-31"));
        assert_eq!(w.dso_from, d("2026-01-01"));
        assert_eq!(w.pay_from, d("2025-04-01"));
        assert_eq!(w.months_from, d("2025-04-01"));
        assert_eq!(w.months_to, d("2026-03-31"));
        let w = Windows::on(d("2024-02-29"));
        assert_eq!(w.pay_from, d("2023-03-01"));
        assert_eq!(month_end(d("2024-02-10")), d("2024-02-29"));
    }
}

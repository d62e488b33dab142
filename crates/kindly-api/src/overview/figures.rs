//! The overview's figures from the summary rows: outstanding, overdue and
//! aging (by due date), DSO, days to pay, ladder steps and the 12 months.

use super::{day, money, tenths, InvoicesLink, PaymentsLink, Windows};
use crate::views::MoneyView;
use crate::{ApiResult, Ctx};
use chrono::{Datelike, Months, NaiveDate};
use kindly_core::invoice::InvoiceState;
use kindly_core::locale::Locale;
use kindly_core::vocab::AgingBucket;
use kindly_core::Currency;
use kindly_store::{ClientPaySpeed, DayFigures, OpenByDue, StepFigures};
use serde::Serialize;
use std::collections::HashMap;
use strum::VariantArray;
use ts_rs::TS;

/// An amount, how many invoices make it, and their list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CountedAmount {
    pub amount: MoneyView,
    pub count: i64,
    pub link: InvoicesLink,
}

/// One aging bucket: open invoices whose due date lies in `due_from..=due_to`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AgingFigure {
    pub bucket: AgingBucket,
    pub amount: MoneyView,
    pub count: i64,
    /// YYYY-MM-DD, inclusive; null: unbounded.
    pub due_from: Option<String>,
    pub due_to: Option<String>,
    pub link: InvoicesLink,
}

/// Days sales outstanding (see `dso_formula`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Dso {
    /// One decimal, e.g. "37.4"; null when nothing was invoiced in the window.
    pub days: Option<String>,
    /// Rounded to whole days.
    pub days_rounded: Option<i64>,
    pub outstanding: MoneyView,
    pub invoiced: MoneyView,
    pub invoiced_count: i64,
    /// The 90 days, YYYY-MM-DD inclusive.
    pub window_from: String,
    pub window_to: String,
    pub window_days: i64,
    /// The invoices issued in the window.
    pub invoiced_link: InvoicesLink,
    /// The open invoices.
    pub outstanding_link: InvoicesLink,
}

/// Days to pay (see `days_to_pay_rule`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DaysToPay {
    /// One decimal; null when nothing was fully paid in the window.
    pub average_days: Option<String>,
    pub invoices: i64,
    pub window_from: String,
    pub window_to: String,
    /// The slowest average first, at most 10.
    pub slowest_clients: Vec<ClientDaysToPay>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ClientDaysToPay {
    pub client_id: i64,
    pub client_name: String,
    /// One decimal.
    pub average_days: String,
    /// The invoices the average is based on.
    pub invoices: i64,
    /// The client's paid invoices in this currency.
    pub link: InvoicesLink,
}

/// A ladder stage and the payments that followed it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StepFigure {
    pub stage_key: String,
    /// The stage's name in the ladders (its key when no ladder has it any more).
    pub name: String,
    pub offset_days: Option<i64>,
    pub steps: i64,
    pub paid_within_7_days: i64,
    /// Whole percent, rounded half up.
    pub share_percent: i64,
    /// Per mille, rounded half up.
    pub share_permille: i64,
}

/// One month: invoiced (issued, not cancelled, by issue date) and collected
/// (payments by date).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MonthFigure {
    /// "2026-01".
    pub month: String,
    pub from: String,
    pub to: String,
    pub invoiced: MoneyView,
    pub invoiced_count: i64,
    pub collected: MoneyView,
    pub collected_count: i64,
    pub invoiced_link: InvoicesLink,
    pub collected_link: PaymentsLink,
}

fn open_link(c: Currency) -> InvoicesLink {
    InvoicesLink { currency: c.code().to_string(), open_only: Some(true), ..Default::default() }
}

/// Outstanding, overdue and the five aging buckets.
pub(super) fn open_figures(
    open: &[&OpenByDue],
    c: Currency,
    today: NaiveDate,
    locale: Locale,
) -> (CountedAmount, CountedAmount, Vec<AgingFigure>) {
    let mut sums: HashMap<AgingBucket, (i64, i64)> = HashMap::new();
    for o in open {
        let s = sums.entry(AgingBucket::of(o.due_date, today)).or_default();
        s.0 += o.owing_minor;
        s.1 += o.count;
    }
    let total = open.iter().fold((0, 0), |a, o| (a.0 + o.owing_minor, a.1 + o.count));
    let not_due = sums.get(&AgingBucket::NotYetDue).copied().unwrap_or_default();
    let outstanding = CountedAmount { amount: money(total.0, c, locale), count: total.1, link: open_link(c) };
    let overdue = CountedAmount {
        amount: money(total.0 - not_due.0, c, locale),
        count: total.1 - not_due.1,
        link: InvoicesLink { state: Some(InvoiceState::Overdue), ..open_link(c) },
    };
    let aging = AgingBucket::VARIANTS
        .iter()
        .map(|b| {
            let (amount, count) = sums.get(b).copied().unwrap_or_default();
            let (from, to) = b.due_dates(today);
            AgingFigure {
                bucket: *b,
                amount: money(amount, c, locale),
                count,
                due_from: from.map(day),
                due_to: to.map(day),
                link: InvoicesLink { aging: Some(*b), ..open_link(c) },
            }
        })
        .collect();
    (outstanding, overdue, aging)
}

pub(super) fn dso(
    open: &[&OpenByDue],
    days: &[(NaiveDate, &DayFigures)],
    c: Currency,
    w: &Windows,
    locale: Locale,
) -> Dso {
    let outstanding: i64 = open.iter().map(|o| o.owing_minor).sum();
    let (invoiced, count) = days
        .iter()
        .filter(|(d, _)| *d >= w.dso_from && *d <= w.today)
        .fold((0i64, 0i64), |a, (_, f)| (a.0 + f.invoiced_minor, a.1 + f.invoiced_count));
    let window_days = (w.today - w.dso_from).num_days() + 1;
    let r = if count > 0 && invoiced > 0 {
        tenths(outstanding as i128 * window_days as i128, invoiced as i128)
    } else {
        None
    };
    Dso {
        days: r.as_ref().map(|r| r.0.clone()),
        days_rounded: r.map(|r| r.1),
        outstanding: money(outstanding, c, locale),
        invoiced: money(invoiced, c, locale),
        invoiced_count: count,
        window_from: day(w.dso_from),
        window_to: day(w.today),
        window_days,
        invoiced_link: InvoicesLink {
            currency: c.code().to_string(),
            issued_from: Some(day(w.dso_from)),
            issued_to: Some(day(w.today)),
            issued_only: Some(true),
            ..Default::default()
        },
        outstanding_link: open_link(c),
    }
}

pub(super) fn days_to_pay(
    days: &[(NaiveDate, &DayFigures)],
    slowest: &[ClientPaySpeed],
    c: Currency,
    w: &Windows,
) -> DaysToPay {
    let (sum, n) = days
        .iter()
        .filter(|(d, _)| *d >= w.pay_from && *d <= w.today)
        .fold((0i64, 0i64), |a, (_, f)| (a.0 + f.paid_full_days, a.1 + f.paid_full_count));
    DaysToPay {
        average_days: tenths(sum as i128, n as i128).map(|t| t.0),
        invoices: n,
        window_from: day(w.pay_from),
        window_to: day(w.today),
        slowest_clients: slowest
            .iter()
            .map(|s| ClientDaysToPay {
                client_id: s.client_id,
                client_name: s.client_name.clone(),
                average_days: tenths(s.days as i128, s.invoices as i128).map(|t| t.0).unwrap_or_default(),
                invoices: s.invoices,
                link: InvoicesLink {
                    currency: c.code().to_string(),
                    client_id: Some(s.client_id),
                    state: Some(InvoiceState::Paid),
                    ..Default::default()
                },
            })
            .collect(),
    }
}

/// Each stage key's name and offset: the default ladder's first, then the
/// clients' own ladders.
pub(super) async fn stage_names(ctx: Ctx<'_>) -> ApiResult<HashMap<String, (String, i64)>> {
    let mut names = HashMap::new();
    let mut others: Vec<_> = ctx.store.ladders().await?.into_iter().collect();
    others.sort_by_key(|(id, _)| *id);
    let default = ctx.store.default_ladder().await?;
    for ladder in std::iter::once(&default).chain(others.iter().map(|(_, (_, l))| l)) {
        for s in &ladder.stages {
            names.entry(s.key.clone()).or_insert_with(|| (s.name.clone(), s.offset_days));
        }
    }
    Ok(names)
}

pub(super) fn steps(all: &[StepFigures], names: &HashMap<String, (String, i64)>, c: Currency) -> Vec<StepFigure> {
    let mut out: Vec<StepFigure> = all
        .iter()
        .filter(|s| s.currency == c && s.steps > 0)
        .map(|s| {
            let known = names.get(&s.stage_key);
            let share = |scale: i128| tenths(s.paid_within_7 as i128 * scale, s.steps as i128).map(|t| t.1);
            StepFigure {
                stage_key: s.stage_key.clone(),
                name: known.map(|k| k.0.clone()).unwrap_or_else(|| s.stage_key.clone()),
                offset_days: known.map(|k| k.1),
                steps: s.steps,
                paid_within_7_days: s.paid_within_7,
                share_percent: share(100).unwrap_or_default(),
                share_permille: share(1000).unwrap_or_default(),
            }
        })
        .collect();
    out.sort_by_key(|s| (s.offset_days.is_none(), s.offset_days, s.stage_key.clone()));
    out
}

pub(super) fn months(days: &[(NaiveDate, &DayFigures)], c: Currency, w: &Windows, locale: Locale) -> Vec<MonthFigure> {
    (0..12)
        .filter_map(|i| w.months_from.checked_add_months(Months::new(i)))
        .map(|from| {
            let to = super::month_end(from);
            let (inv, inv_n, col, col_n) =
                days.iter().filter(|(d, _)| *d >= from && *d <= to).fold((0, 0, 0, 0), |a, (_, f)| {
                    (a.0 + f.invoiced_minor, a.1 + f.invoiced_count, a.2 + f.collected_minor, a.3 + f.collected_count)
                });
            MonthFigure {
                month: format!("{:04}-{:02}", from.year(), from.month()),
                from: day(from),
                to: day(to),
                invoiced: money(inv, c, locale),
                invoiced_count: inv_n,
                collected: money(col, c, locale),
                collected_count: col_n,
                invoiced_link: InvoicesLink {
                    currency: c.code().to_string(),
                    issued_from: Some(day(from)),
                    issued_to: Some(day(to)),
                    issued_only: Some(true),
                    ..Default::default()
                },
                collected_link: PaymentsLink {
                    currency: c.code().to_string(),
                    from: Some(day(from)),
                    to: Some(day(to)),
                    ..Default::default()
                },
            }
        })
        .collect()
}

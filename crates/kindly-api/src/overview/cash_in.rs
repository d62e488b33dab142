//! Expected cash-in (see `CASH_IN_RULE`): 4 weekly windows from today and 3
//! calendar-month windows (the rest of this month, the next two), each
//! invoice counted once: its due date, an open promise's day for the
//! promised amount, or its active plan's unpaid installments.

use super::{day, money, month_end, InvoicesLink};
use crate::views::MoneyView;
use chrono::{Days, Months, NaiveDate};
use kindly_core::invoice::InvoiceState;
use kindly_core::locale::Locale;
use kindly_core::Currency;
use kindly_followup::plan::progress::{allocate, Standing};
use kindly_store::{CashInMove, ExpectedPlan, OpenByDue};
use serde::Serialize;
use ts_rs::TS;

/// One window of expected cash-in; `expected` = the three sources.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CashInWindow {
    /// YYYY-MM-DD, inclusive.
    pub from: String,
    pub to: String,
    pub expected: MoneyView,
    pub from_due_dates: MoneyView,
    pub from_promises: MoneyView,
    pub from_installments: MoneyView,
    /// Part of `expected` (see `cash_in_rule`).
    pub at_risk: MoneyView,
    /// Open invoices due in the window (promises and plans move some of
    /// the amount; the list shows invoices by due date).
    pub link: InvoicesLink,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CashIn {
    /// 4 windows of 7 days, the first starting today.
    pub weeks: Vec<CashInWindow>,
    /// The rest of this month, then the next two calendar months.
    pub months: Vec<CashInWindow>,
    /// Already late, in no window: owed on overdue invoices without a later
    /// promise or plan, promised amounts whose day passed, installments past due.
    pub already_late: MoneyView,
    pub already_late_link: InvoicesLink,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    DueDate,
    Promise,
    Installment,
}

/// An amount expected on a day, and the part of it at risk.
struct Item {
    on: NaiveDate,
    minor: i64,
    source: Source,
    at_risk: i64,
}

/// Every expected item in `c`, and what is already late.
fn items(
    open: &[&OpenByDue],
    moves: &[CashInMove],
    plans: &[ExpectedPlan],
    c: Currency,
    today: NaiveDate,
) -> (Vec<Item>, i64) {
    let mut items: Vec<Item> = Vec::new();
    let mut late = 0i64;
    let mut add = |on: NaiveDate, minor: i64, source: Source, at_risk: i64| {
        if on >= today {
            items.push(Item { on, minor, source, at_risk });
        } else {
            late += minor;
        }
    };
    for o in open {
        add(o.due_date, o.owing_minor, Source::DueDate, 0);
    }
    // What promises and plans move away from due dates, and where promises put it.
    for m in moves.iter().filter(|m| m.currency == c) {
        let source = if m.promised { Source::Promise } else { Source::DueDate };
        add(m.day, m.minor, source, m.at_risk_minor);
    }
    for p in plans.iter().filter(|p| p.currency == c).map(ExpectedPlan::money) {
        let behind = matches!(p.standing(today), Standing::Late { .. } | Standing::Broken { .. });
        let due = p.due_installments();
        let alloc = allocate(&due, p.paid_minor());
        for (i, paid) in due.iter().zip(&alloc.paid) {
            let left = i.amount_minor - paid;
            if left > 0 {
                add(i.due_on, left, Source::Installment, if behind { left } else { 0 });
            }
        }
    }
    (items, late)
}

fn window(items: &[Item], c: Currency, from: NaiveDate, to: NaiveDate, locale: Locale) -> CashInWindow {
    let sum = |f: &dyn Fn(&Item) -> bool| -> i64 {
        items.iter().filter(|i| i.on >= from && i.on <= to && f(i)).map(|i| i.minor).sum()
    };
    let due = sum(&|i| i.source == Source::DueDate);
    let promised = sum(&|i| i.source == Source::Promise);
    let installments = sum(&|i| i.source == Source::Installment);
    CashInWindow {
        from: day(from),
        to: day(to),
        expected: money(due + promised + installments, c, locale),
        from_due_dates: money(due, c, locale),
        from_promises: money(promised, c, locale),
        from_installments: money(installments, c, locale),
        at_risk: money(items.iter().filter(|i| i.on >= from && i.on <= to).map(|i| i.at_risk).sum(), c, locale),
        link: InvoicesLink {
            currency: c.code().to_string(),
            open_only: Some(true),
            due_from: Some(day(from)),
            due_to: Some(day(to)),
            ..Default::default()
        },
    }
}

/// A window's first and last day.
type Span = (NaiveDate, NaiveDate);

/// The week and month windows on `today`.
pub(crate) fn windows(today: NaiveDate) -> (Vec<Span>, Vec<Span>) {
    let weeks = (0..4u64)
        .filter_map(|k| {
            let from = today.checked_add_days(Days::new(7 * k))?;
            Some((from, from.checked_add_days(Days::new(6))?))
        })
        .collect();
    let next = |d: NaiveDate, m: u32| {
        month_end(d).checked_add_days(Days::new(1)).and_then(|f| f.checked_add_months(Months::new(m)))
    };
    let mut months = vec![(today, month_end(today))];
    months.extend((0..2).filter_map(|m| next(today, m)).map(|from| (from, month_end(from))));
    (weeks, months)
}

pub(super) fn cash_in(
    open: &[&OpenByDue],
    moves: &[CashInMove],
    plans: &[ExpectedPlan],
    c: Currency,
    today: NaiveDate,
    locale: Locale,
) -> CashIn {
    let (items, late) = items(open, moves, plans, c, today);
    let (weeks, months) = windows(today);
    CashIn {
        weeks: weeks.into_iter().map(|(f, t)| window(&items, c, f, t, locale)).collect(),
        months: months.into_iter().map(|(f, t)| window(&items, c, f, t, locale)).collect(),
        already_late: money(late, c, locale),
        already_late_link: InvoicesLink {
            currency: c.code().to_string(),
            open_only: Some(true),
            state: Some(InvoiceState::Overdue),
            ..Default::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn windows_are_four_weeks_from_today_and_three_calendar_months() {
        let (weeks, months) = windows(d("2026-12-02"));
        assert_eq!(weeks[0], (d("2026-12-02"), d("2026-12-08")));
        assert_eq!(weeks[3], (d("2026-12-23"), d("2026-12-29")));
        assert_eq!(
            months,
            vec![
                (d("2026-12-02"), d("2026-12-31")),
                (d("2027-01-01"), d("2027-01-31")),
                (d("2027-02-01"), d("2027-02-28"))
            ]
        );
    }
}

//! The exact calculation: simple interest day by day on what is still owed,
//! split where the rate or the principal changes, in integers only.
//!
//! - Interest runs from the day after the due date up to and including the
//!   day of the calculation ("as of"). A payment's own day is still a day of
//!   delay for the amount it pays (the UK guidance: "up to and including the
//!   payment date"; German practice counts the day the money arrives as a
//!   Verzugstag), so the principal drops from the next day; a payment on or
//!   before the due date means that part was never late. Payments reduce
//!   the principal (as Kindly's balance does), not the interest.
//! - Day count actual/365 in every jurisdiction: the UK guidance divides the
//!   yearly interest by 365; the Directive, § 288 BGB and L441-10 give a rate
//!   "per year" without a convention; German practice uses the day-interest
//!   formula "Kapital × Tage × Zinssatz / (365 × 100)" and Bpifrance gives
//!   "montant × taux × jours / 365", so one convention serves all four. In a
//!   leap year this states 1/365 more for the year than actual/actual would.
//! - Each line's exact interest is `principal × rate_bp × days / 3,650,000`
//!   (a rational number); the total is their exact sum rounded once, half
//!   up, to the currency's minor unit. The lines shown are the exact values
//!   rounded down with the remaining units given to the largest remainders,
//!   so the lines always add up to the total.

use crate::error::InterestError;
use crate::rules::Rule;
use crate::table::RateTable;
use chrono::NaiveDate;
use kindly_core::vocab::{DebtorKind, Jurisdiction};
use kindly_core::Money;

/// Basis points × days in a year: the denominator of every line.
const DENOMINATOR: i128 = 10_000 * 365;

/// A debt to compute on.
#[derive(Clone, Debug)]
pub struct Debt<'a> {
    /// The amount the invoice asks for.
    pub amount: Money,
    /// The last day to pay; the debt is late from the next day.
    pub due_on: NaiveDate,
    /// Payments (date, minor units in the debt's currency), in any order.
    pub payments: &'a [(NaiveDate, i64)],
}

/// One line of the working: a stretch of days with one principal and one rate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub from: NaiveDate,
    /// Inclusive.
    pub to: NaiveDate,
    pub days: i64,
    pub principal: Money,
    /// The reference rate in basis points, and the day it was in force.
    pub reference_bp: i32,
    pub reference_on: NaiveDate,
    pub margin_bp: i32,
    /// reference + margin.
    pub rate_bp: i32,
    pub interest: Money,
    /// The source the user named, when the reference rate is one they entered.
    pub entered_source: Option<String>,
}

/// The statutory claim on a debt on a day, with its working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Working {
    pub jurisdiction: Jurisdiction,
    pub debtor: DebtorKind,
    pub on: NaiveDate,
    pub lines: Vec<Line>,
    pub interest: Money,
    /// None when the law gives none (consumer in Germany) or the debt is
    /// not late, or a UK debt not in pounds (its band needs an exchange rate).
    pub compensation: Option<Money>,
    /// interest + compensation, when both are in the same currency.
    pub total: Option<Money>,
    pub source: &'static str,
    pub compensation_source: Option<&'static str>,
    /// "act/365".
    pub day_count: &'static str,
    /// The day the shipped rate table was last updated.
    pub table_updated: NaiveDate,
}

/// The interest and compensation the law allows on `debt` as of `on`, with the shipped table.
pub fn claim(
    jurisdiction: Jurisdiction,
    debtor: DebtorKind,
    debt: &Debt<'_>,
    on: NaiveDate,
) -> Result<Working, InterestError> {
    claim_with(RateTable::shipped()?, jurisdiction, debtor, debt, on)
}

/// `claim` with a given table (tests, an updated table).
pub fn claim_with(
    table: &RateTable,
    jurisdiction: Jurisdiction,
    debtor: DebtorKind,
    debt: &Debt<'_>,
    on: NaiveDate,
) -> Result<Working, InterestError> {
    let rule = Rule::for_debt(jurisdiction, debtor)?;
    let currency = debt.amount.currency;
    let mut working = Working {
        jurisdiction,
        debtor,
        on,
        lines: Vec::new(),
        interest: Money::zero(currency),
        compensation: None,
        total: Some(Money::zero(currency)),
        source: rule.source,
        compensation_source: rule.compensation_source,
        day_count: "act/365",
        table_updated: table.last_updated,
    };
    let Some(first_late) = debt.due_on.succ_opt() else { return Ok(working) };
    let owed_on = |day: NaiveDate| -> i128 {
        // Payments made before `day` (a payment's own day still carries interest).
        let paid: i128 = debt.payments.iter().filter(|(d, _)| *d < day).map(|(_, m)| i128::from(*m)).sum();
        i128::from(debt.amount.minor) - paid
    };
    let late_amount = owed_on(first_late);
    if late_amount <= 0 || on < first_late {
        return Ok(working);
    }
    // The debt became late: the compensation is due even if it is paid the next day.
    working.compensation =
        rule.compensation(Money::new(i64::try_from(late_amount).map_err(|_| InterestError::TooLarge)?, currency));
    // UK: one rate for the life of the debt, from the reference day before it became late.
    let fixed = if rule.fixed_for_debt { Some(table.rate_for_day(rule.series, first_late)?) } else { None };

    // Breakpoints: the first late day, each half-year start, each payment date.
    let mut cuts: Vec<NaiveDate> = vec![first_late];
    if fixed.is_none() {
        let mut day = first_late;
        loop {
            let (_, last) = rule.series.half_year(rule.series.reference_day(day));
            match last.succ_opt() {
                Some(next) if next <= on => {
                    cuts.push(next);
                    day = next;
                }
                _ => break,
            }
        }
    }
    cuts.extend(debt.payments.iter().filter_map(|(d, _)| d.succ_opt()).filter(|d| *d > first_late && *d <= on));
    cuts.sort();
    cuts.dedup();

    let mut exact: Vec<i128> = Vec::new();
    for (i, from) in cuts.iter().copied().enumerate() {
        let to = match cuts.get(i + 1) {
            Some(next) => next.pred_opt().unwrap_or(*next),
            None => on,
        };
        let principal = owed_on(from);
        if principal <= 0 {
            break;
        }
        let entry = match fixed {
            Some(e) => e,
            None => table.rate_for_day(rule.series, from)?,
        };
        let rate_bp = entry.bp + rule.margin_bp;
        let days = (to - from).num_days() + 1;
        let principal_money = Money::new(i64::try_from(principal).map_err(|_| InterestError::TooLarge)?, currency);
        // Merge with the previous line when nothing changed (a half-year with the same rate).
        if let Some(prev) = working.lines.last_mut() {
            let entered_source = entry.entered.then(|| entry.source.clone());
            if prev.principal == principal_money
                && prev.rate_bp == rate_bp
                && prev.to.succ_opt() == Some(from)
                && prev.entered_source == entered_source
            {
                prev.to = to;
                prev.days += days;
                if let Some(x) = exact.last_mut() {
                    *x += principal * i128::from(rate_bp) * i128::from(days);
                }
                continue;
            }
        }
        exact.push(principal * i128::from(rate_bp) * i128::from(days));
        working.lines.push(Line {
            from,
            to,
            days,
            principal: principal_money,
            reference_bp: entry.bp,
            reference_on: entry.on,
            margin_bp: rule.margin_bp,
            rate_bp,
            interest: Money::zero(currency),
            entered_source: entry.entered.then(|| entry.source.clone()),
        });
    }
    let rounded = allocate(&exact);
    for (line, minor) in working.lines.iter_mut().zip(&rounded) {
        line.interest = Money::new(i64::try_from(*minor).map_err(|_| InterestError::TooLarge)?, currency);
    }
    let total: i128 = rounded.iter().sum();
    working.interest = Money::new(i64::try_from(total).map_err(|_| InterestError::TooLarge)?, currency);
    working.total = same_currency_total(&working);
    Ok(working)
}

fn same_currency_total(w: &Working) -> Option<Money> {
    match w.compensation {
        None => Some(w.interest),
        Some(c) if c.currency == w.interest.currency => w.interest.checked_add(c),
        Some(_) => None,
    }
}

/// Rounds the exact sum of `numerators / DENOMINATOR` once, half up, and
/// splits it over the lines: each gets its value rounded down, and the
/// units left go to the largest remainders (earliest first on a tie).
fn allocate(numerators: &[i128]) -> Vec<i128> {
    let sum: i128 = numerators.iter().sum();
    let total = (2 * sum + DENOMINATOR).div_euclid(2 * DENOMINATOR);
    let mut out: Vec<i128> = numerators.iter().map(|n| n.div_euclid(DENOMINATOR)).collect();
    let mut left = total - out.iter().sum::<i128>();
    let mut order: Vec<usize> = (0..numerators.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(numerators[i].rem_euclid(DENOMINATOR)));
    for i in order {
        if left <= 0 {
            break;
        }
        out[i] += 1;
        left -= 1;
    }
    out
}

/// "12.15" for 1215 basis points.
pub fn percent(bp: i32) -> String {
    let sign = if bp < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", bp.unsigned_abs() / 100, bp.unsigned_abs() % 100)
}

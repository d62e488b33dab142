//! Building an installment schedule over an amount still owing, and checking
//! a schedule the user edited.
//!
//! # The split rule (shown to the user as [`REMAINDER_RULE`])
//! All arithmetic is in the currency's minor units (0, 2 or 3 decimals).
//! - By *number of installments*: the balance (after any down payment) is
//!   divided evenly; when it does not divide, the **first** installments
//!   carry one extra minor unit each. So the installments sum exactly to the
//!   balance and no two differ by more than one minor unit.
//! - By *installment amount*: every installment is that amount and the
//!   **last** one is what remains (never more than the others).
//! - A down payment, when given, is its own first installment on the first
//!   date; the regular installments then start one period later (for custom
//!   dates: on the dates given).
//!
//! Monthly dates keep the first date's day of the month and fall back to the
//! month's last day when it has fewer days (31 January → 28/29 February →
//! 31 March), so they never drift.

use chrono::{Days, Months, NaiveDate};
use kindly_core::ErrorCode;
use kindly_core::Money;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The most installments one plan may have (ten years of monthly payments),
/// a down payment included: it is an installment of its own.
pub const MAX_INSTALLMENTS: usize = 120;

/// The longest grace period: an installment later than this breaks the plan.
pub const MAX_GRACE_DAYS: i64 = 90;

/// The most days before (heads-up) or after (reminder) an installment's due
/// date that its reminder may be set.
pub const MAX_REMINDER_DAYS: i64 = 30;

/// The remainder rule in words, for the schedule editor and the documents.
pub const REMAINDER_RULE: &str = "Amounts are split exactly; when the balance does not divide evenly, \
the first installments carry the extra cent (minor unit). With a fixed installment amount, the last \
installment is what remains.";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, strum::VariantArray, Default)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Weekly,
    Fortnightly,
    #[default]
    Monthly,
    /// The dates are given one by one.
    Custom,
}

impl Frequency {
    pub fn parse(s: &str) -> Option<Frequency> {
        match s.trim().to_ascii_lowercase().as_str() {
            "weekly" => Some(Frequency::Weekly),
            "fortnightly" | "biweekly" => Some(Frequency::Fortnightly),
            "monthly" => Some(Frequency::Monthly),
            "custom" => Some(Frequency::Custom),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Fortnightly => "fortnightly",
            Frequency::Monthly => "monthly",
            Frequency::Custom => "custom",
        }
    }

    /// The `i`-th date from `first` (0 is `first`), or `None` past the calendar's end.
    pub fn nth_date(self, first: NaiveDate, i: u32) -> Option<NaiveDate> {
        match self {
            Frequency::Weekly => first.checked_add_days(Days::new(7 * u64::from(i))),
            Frequency::Fortnightly => first.checked_add_days(Days::new(14 * u64::from(i))),
            // Always from the anchor, so 31 Jan, 28 Feb, 31 Mar (not 28 Mar).
            Frequency::Monthly | Frequency::Custom => first.checked_add_months(Months::new(i)),
        }
    }
}

/// How the balance is cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// This many regular installments.
    Count(u32),
    /// Regular installments of this many minor units (the last one smaller).
    Amount(i64),
}

/// What the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleRequest {
    /// What is still owing (the plan's total).
    pub balance: Money,
    pub size: Size,
    pub frequency: Frequency,
    pub first_date: NaiveDate,
    /// With [`Frequency::Custom`]: the regular installments' dates, in order
    /// (their number wins over `size`).
    pub custom_dates: Vec<NaiveDate>,
    /// Paid first, on `first_date`.
    pub down_payment: Option<i64>,
}

/// One installment: its number (1-based), due date and amount in minor units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Installment {
    pub seq: u32,
    pub due_on: NaiveDate,
    pub amount_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlanError {
    #[error("there is nothing left to pay, so there is nothing to split")]
    NothingOwing,
    #[error("a plan needs between 1 and {MAX_INSTALLMENTS} installments, a down payment included")]
    Count,
    #[error("the installment amount must be more than zero")]
    AmountZero,
    #[error("the down payment must be more than zero and less than the balance")]
    DownPayment,
    #[error("custom dates must be given one per installment, each later than the one before")]
    CustomDates,
    #[error("installment {seq} is due on {date}, which is not after the installment before it")]
    DatesOutOfOrder { seq: u32, date: NaiveDate },
    #[error("installment {seq} must be more than zero")]
    InstallmentZero { seq: u32 },
    #[error("the installments add up to {sum}, but the balance is {balance}; change an amount so they match")]
    SumMismatch { sum: String, balance: String },
    #[error("the dates run past the end of the calendar")]
    DateRange,
    #[error("the grace period must be a whole number of days from 0 to {MAX_GRACE_DAYS}")]
    GraceDays,
    #[error("the heads-up must come a whole number of days from 0 to {MAX_REMINDER_DAYS} before an installment is due (0: on the day)")]
    HeadsUpDays,
    #[error(
        "the reminder must come a whole number of days from 1 to {MAX_REMINDER_DAYS} after an installment was due"
    )]
    ReminderDays,
}

impl PlanError {
    pub fn code(&self) -> ErrorCode {
        match self {
            PlanError::NothingOwing => ErrorCode::NothingOwing,
            PlanError::Count => ErrorCode::PlanInstallmentCount,
            PlanError::AmountZero => ErrorCode::PlanInstallmentAmount,
            PlanError::DownPayment => ErrorCode::PlanDownPayment,
            PlanError::CustomDates => ErrorCode::PlanCustomDates,
            PlanError::DatesOutOfOrder { .. } => ErrorCode::PlanDatesOutOfOrder,
            PlanError::InstallmentZero { .. } => ErrorCode::PlanInstallmentZero,
            PlanError::SumMismatch { .. } => ErrorCode::PlanSumMismatch,
            PlanError::DateRange => ErrorCode::PlanDateRange,
            PlanError::GraceDays => ErrorCode::PlanGraceDays,
            PlanError::HeadsUpDays => ErrorCode::PlanHeadsUpDays,
            PlanError::ReminderDays => ErrorCode::PlanReminderDays,
        }
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            PlanError::NothingOwing => Some("invoice_ids"),
            PlanError::Count => Some("count"),
            PlanError::AmountZero => Some("installment_amount"),
            PlanError::DownPayment => Some("down_payment"),
            PlanError::CustomDates => Some("custom_dates"),
            PlanError::DatesOutOfOrder { .. } | PlanError::InstallmentZero { .. } | PlanError::SumMismatch { .. } => {
                Some("installments")
            }
            PlanError::DateRange => Some("first_date"),
            PlanError::GraceDays => Some("grace_days"),
            PlanError::HeadsUpDays => Some("heads_up_days"),
            PlanError::ReminderDays => Some("reminder_days"),
        }
    }
}

/// Splits `amount` minor units into `n` parts, the first ones carrying the remainder.
fn even_split(amount: i64, n: u32) -> Vec<i64> {
    let n64 = i64::from(n.max(1));
    let (base, extra) = (amount.div_euclid(n64), amount.rem_euclid(n64));
    (0..n64).map(|i| base + i64::from(i < extra)).collect()
}

/// Builds the schedule by the rules in the module doc.
pub fn build(req: &ScheduleRequest) -> Result<Vec<Installment>, PlanError> {
    let balance = req.balance.minor;
    if balance <= 0 {
        return Err(PlanError::NothingOwing);
    }
    let down = match req.down_payment {
        Some(d) if d <= 0 || d >= balance => return Err(PlanError::DownPayment),
        other => other,
    };
    let rest = balance - down.unwrap_or(0);
    let amounts: Vec<i64> = if req.frequency == Frequency::Custom {
        if req.custom_dates.is_empty() || req.custom_dates.len() > MAX_INSTALLMENTS {
            return Err(PlanError::CustomDates);
        }
        even_split(rest, req.custom_dates.len() as u32)
    } else {
        match req.size {
            Size::Count(n) if n == 0 || n as usize > MAX_INSTALLMENTS => return Err(PlanError::Count),
            Size::Count(n) => even_split(rest, n),
            Size::Amount(a) if a <= 0 => return Err(PlanError::AmountZero),
            Size::Amount(a) => {
                let n = rest.div_euclid(a) + i64::from(rest.rem_euclid(a) != 0);
                if n as usize > MAX_INSTALLMENTS {
                    return Err(PlanError::Count);
                }
                (0..n).map(|i| if i + 1 < n { a } else { rest - a * (n - 1) }).collect()
            }
        }
    };
    // Checked here, not only by `validate`, so the refusal does not depend on
    // how the dates come out.
    if amounts.len() + usize::from(down.is_some()) > MAX_INSTALLMENTS {
        return Err(PlanError::Count);
    }
    let mut out = Vec::with_capacity(amounts.len() + 1);
    if let Some(d) = down {
        out.push(Installment { seq: 1, due_on: req.first_date, amount_minor: d });
    }
    // With a down payment on the first date, the regular ones start a period later.
    let shift = u32::from(down.is_some());
    for (i, amount) in amounts.into_iter().enumerate() {
        let due_on = if req.frequency == Frequency::Custom {
            req.custom_dates[i]
        } else {
            req.frequency.nth_date(req.first_date, i as u32 + shift).ok_or(PlanError::DateRange)?
        };
        out.push(Installment { seq: out.len() as u32 + 1, due_on, amount_minor: amount });
    }
    validate(req.balance, &out).map_err(|e| match e {
        PlanError::DatesOutOfOrder { .. } if req.frequency == Frequency::Custom => PlanError::CustomDates,
        other => other,
    })?;
    Ok(out)
}

/// Checks an edited schedule: 1 to [`MAX_INSTALLMENTS`] installments, each
/// more than zero, dates strictly increasing, and the amounts summing
/// exactly to the balance. Renumbers nothing: `seq` must already be 1, 2, ….
pub fn validate(balance: Money, installments: &[Installment]) -> Result<(), PlanError> {
    if balance.minor <= 0 {
        return Err(PlanError::NothingOwing);
    }
    if installments.is_empty() || installments.len() > MAX_INSTALLMENTS {
        return Err(PlanError::Count);
    }
    let mut sum: i128 = 0;
    for (i, inst) in installments.iter().enumerate() {
        if inst.amount_minor <= 0 {
            return Err(PlanError::InstallmentZero { seq: inst.seq });
        }
        if i > 0 && inst.due_on <= installments[i - 1].due_on {
            return Err(PlanError::DatesOutOfOrder { seq: inst.seq, date: inst.due_on });
        }
        sum += i128::from(inst.amount_minor);
    }
    if sum != i128::from(balance.minor) {
        let cur = balance.currency;
        let sum_m = Money::new(i64::try_from(sum).unwrap_or(i64::MAX), cur);
        return Err(PlanError::SumMismatch { sum: sum_m.plain(), balance: balance.plain() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kindly_core::Currency;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn req(minor: i64, c: Currency, size: Size, f: Frequency, first: &str) -> ScheduleRequest {
        ScheduleRequest {
            balance: Money::new(minor, c),
            size,
            frequency: f,
            first_date: d(first),
            custom_dates: vec![],
            down_payment: None,
        }
    }

    fn amounts(v: &[Installment]) -> Vec<i64> {
        v.iter().map(|i| i.amount_minor).collect()
    }

    fn dates(v: &[Installment]) -> Vec<String> {
        v.iter().map(|i| i.due_on.to_string()).collect()
    }

    #[test]
    fn three_installments_carry_the_extra_cent_first() {
        let s = build(&req(10_000, Currency::EUR, Size::Count(3), Frequency::Monthly, "2026-12-01")).unwrap();
        assert_eq!(amounts(&s), [3334, 3333, 3333]);
        assert_eq!(dates(&s), ["2026-12-01", "2027-01-01", "2027-02-01"]);
        assert_eq!(s.iter().map(|i| i.seq).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn monthly_dates_clamp_to_the_month_end_without_drifting() {
        let s = build(&req(400, Currency::EUR, Size::Count(4), Frequency::Monthly, "2027-01-31")).unwrap();
        assert_eq!(dates(&s), ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
        let leap = build(&req(200, Currency::EUR, Size::Count(2), Frequency::Monthly, "2028-01-31")).unwrap();
        assert_eq!(dates(&leap), ["2028-01-31", "2028-02-29"]);
    }

    #[test]
    fn weekly_and_fortnightly_step_by_calendar_days() {
        let w = build(&req(300, Currency::JPY, Size::Count(3), Frequency::Weekly, "2026-12-28")).unwrap();
        assert_eq!(dates(&w), ["2026-12-28", "2027-01-04", "2027-01-11"]);
        let f = build(&req(300, Currency::JPY, Size::Count(2), Frequency::Fortnightly, "2027-03-20")).unwrap();
        assert_eq!(dates(&f), ["2027-03-20", "2027-04-03"]);
    }

    #[test]
    fn an_installment_amount_leaves_the_remainder_last() {
        // 1,000.005 KWD in installments of 300.000: 300, 300, 300, 100.005.
        let s = build(&req(1_000_005, Currency::KWD, Size::Amount(300_000), Frequency::Monthly, "2026-12-15")).unwrap();
        assert_eq!(amounts(&s), [300_000, 300_000, 300_000, 100_005]);
        let exact = build(&req(900, Currency::JPY, Size::Amount(300), Frequency::Weekly, "2026-12-15")).unwrap();
        assert_eq!(amounts(&exact), [300, 300, 300]);
    }

    #[test]
    fn a_down_payment_comes_first_and_the_rest_a_period_later() {
        let mut r = req(100_000, Currency::EUR, Size::Count(3), Frequency::Monthly, "2026-12-01");
        r.down_payment = Some(10_000);
        let s = build(&r).unwrap();
        assert_eq!(amounts(&s), [10_000, 30_000, 30_000, 30_000]);
        assert_eq!(dates(&s), ["2026-12-01", "2027-01-01", "2027-02-01", "2027-03-01"]);
        r.down_payment = Some(100_000);
        assert_eq!(build(&r).unwrap_err(), PlanError::DownPayment);
    }

    #[test]
    fn custom_dates_are_used_in_order_and_checked() {
        let mut r = req(1001, Currency::EUR, Size::Count(99), Frequency::Custom, "2026-12-01");
        r.custom_dates = vec![d("2026-12-10"), d("2027-01-05")];
        let s = build(&r).unwrap();
        assert_eq!(amounts(&s), [501, 500]);
        assert_eq!(dates(&s), ["2026-12-10", "2027-01-05"]);
        r.custom_dates = vec![d("2027-01-05"), d("2026-12-10")];
        assert_eq!(build(&r).unwrap_err(), PlanError::CustomDates);
        r.custom_dates = vec![];
        assert_eq!(build(&r).unwrap_err().code(), "plan_custom_dates");
    }

    #[test]
    fn refusals_name_the_problem() {
        let e = |size| build(&req(1000, Currency::EUR, size, Frequency::Weekly, "2026-12-01")).unwrap_err();
        assert_eq!(e(Size::Count(0)), PlanError::Count);
        assert_eq!(e(Size::Count(121)), PlanError::Count);
        assert_eq!(e(Size::Amount(0)), PlanError::AmountZero);
        assert_eq!(e(Size::Amount(1)), PlanError::Count);
        assert_eq!(
            build(&req(0, Currency::EUR, Size::Count(2), Frequency::Weekly, "2026-12-01")).unwrap_err(),
            PlanError::NothingOwing
        );
    }

    /// Found by the property test in CI: 120 regular installments plus a down
    /// payment made 121; the test assumed the down payment did not count.
    #[test]
    fn a_down_payment_counts_towards_the_installment_limit() {
        let with_down = |size, down| {
            let mut r = req(4_052_943, Currency::JPY, size, Frequency::Weekly, "2026-01-01");
            r.down_payment = Some(down);
            build(&r)
        };
        assert_eq!(with_down(Size::Count(120), 1).unwrap_err(), PlanError::Count);
        assert_eq!(with_down(Size::Count(119), 1).unwrap().len(), MAX_INSTALLMENTS);
        // 3,863,160 left after the down payment is exactly 120 × 32,193; 32,464 makes 119.
        assert_eq!(with_down(Size::Amount(32_193), 189_783).unwrap_err(), PlanError::Count);
        assert_eq!(with_down(Size::Amount(32_464), 189_783).unwrap().len(), MAX_INSTALLMENTS);
        assert!(PlanError::Count.to_string().contains("down payment included"));
    }

    #[test]
    fn an_edited_schedule_must_still_add_up() {
        let b = Money::new(10_000, Currency::EUR);
        let mut s = build(&req(10_000, Currency::EUR, Size::Count(3), Frequency::Monthly, "2026-12-01")).unwrap();
        s[0].amount_minor = 5000;
        let err = validate(b, &s).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the installments add up to 116.66, but the balance is 100.00; change an amount so they match"
        );
        s[1].amount_minor = 1667;
        assert_eq!(validate(b, &s), Ok(()));
        s[2].due_on = s[1].due_on;
        assert_eq!(validate(b, &s).unwrap_err().code(), "plan_dates_out_of_order");
    }
}

kindly_core::str_eq!(Frequency);

//! How a plan stands on a given day: payments allocated to installments,
//! the plan's standing (on track, late, broken, completed) and which
//! installment reminder, if any, is due.
//!
//! Allocation rule: payments made since the plan was proposed are applied
//! to the installments **oldest first**; a payment that does not cover an
//! installment covers part of it, and the rest goes to the next one. Money
//! beyond the plan's total is reported as `surplus`, never lost.
//!
//! Standing rule (with a fixed "today"): the plan is completed when the
//! installments are paid in full; otherwise the first installment not fully
//! paid decides: not yet due (or due today) → on track; due before today
//! by at most `grace_days` days → late; by more → broken.
//!
//! Reminder rule: only the first installment not fully paid gets reminders:
//! a heads-up from `heads_up_days` before its due date until the due date,
//! and a reminder from `reminder_days` after it (both chosen per plan;
//! 3 and 2 by default). Each is sent at most once
//! per installment; after days with the laptop closed only the current one
//! is proposed (a heads-up is never proposed once the due date has passed).

use super::schedule::{Installment, PlanError, MAX_GRACE_DAYS, MAX_REMINDER_DAYS};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Per-installment paid amounts (same order as the installments) and what
/// was paid beyond the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allocation {
    pub paid: Vec<i64>,
    pub surplus: i64,
}

impl Allocation {
    /// The index of the first installment not fully paid, if any.
    pub fn current(&self, installments: &[Installment]) -> Option<usize> {
        installments.iter().zip(&self.paid).position(|(i, p)| *p < i.amount_minor)
    }
}

/// Applies `paid_total` to the installments oldest first (see the module doc).
pub fn allocate(installments: &[Installment], paid_total: i64) -> Allocation {
    let mut left = paid_total.max(0);
    let paid = installments
        .iter()
        .map(|i| {
            let p = left.min(i.amount_minor);
            left -= p;
            p
        })
        .collect();
    Allocation { paid, surplus: left }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "standing", rename_all = "snake_case")]
pub enum Standing {
    OnTrack,
    /// Installment `seq` is `days` late, within the grace period.
    Late {
        seq: u32,
        days: i64,
    },
    /// Installment `seq` is `days` late, beyond the grace period.
    Broken {
        seq: u32,
        days: i64,
    },
    Completed,
}

/// The plan's standing on `today` (see the module doc).
pub fn standing(installments: &[Installment], paid_total: i64, today: NaiveDate, grace_days: i64) -> Standing {
    let alloc = allocate(installments, paid_total);
    let Some(i) = alloc.current(installments) else { return Standing::Completed };
    let inst = &installments[i];
    let days = (today - inst.due_on).num_days();
    if days <= 0 {
        Standing::OnTrack
    } else if days <= grace_days.max(0) {
        Standing::Late { seq: inst.seq, days }
    } else {
        Standing::Broken { seq: inst.seq, days }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// Before an installment is due.
    HeadsUp,
    /// After an installment's due date passed unpaid.
    Reminder,
    /// Once, when the plan is broken: a courteous notice.
    BrokenNotice,
}

impl ReminderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::HeadsUp => "heads_up",
            ReminderKind::Reminder => "reminder",
            ReminderKind::BrokenNotice => "broken_notice",
        }
    }

    pub fn parse(s: &str) -> Option<ReminderKind> {
        [ReminderKind::HeadsUp, ReminderKind::Reminder, ReminderKind::BrokenNotice]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// When installment reminders come, chosen per plan. Built by
/// [`ReminderRule::new`], which keeps both within their ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReminderRule {
    heads_up_days: u32,
    reminder_days: u32,
}

impl Default for ReminderRule {
    /// Three days before an installment is due, two days after.
    fn default() -> Self {
        ReminderRule { heads_up_days: 3, reminder_days: 2 }
    }
}

impl ReminderRule {
    /// The heads-up `heads_up_days` before the due date (0: on the day) and
    /// the reminder `reminder_days` after it (at least 1, so a payment made
    /// on the due day is not chased), each at most [`MAX_REMINDER_DAYS`].
    pub fn new(heads_up_days: i64, reminder_days: i64) -> Result<Self, PlanError> {
        let within = |d: i64, min: i64| (min..=MAX_REMINDER_DAYS).contains(&d).then(|| u32::try_from(d).ok()).flatten();
        Ok(ReminderRule {
            heads_up_days: within(heads_up_days, 0).ok_or(PlanError::HeadsUpDays)?,
            reminder_days: within(reminder_days, 1).ok_or(PlanError::ReminderDays)?,
        })
    }

    pub fn heads_up_days(self) -> u32 {
        self.heads_up_days
    }

    pub fn reminder_days(self) -> u32 {
        self.reminder_days
    }
}

/// Checks a grace period: 0 to [`MAX_GRACE_DAYS`] days.
pub fn check_grace_days(days: i64) -> Result<i64, PlanError> {
    (0..=MAX_GRACE_DAYS).contains(&days).then_some(days).ok_or(PlanError::GraceDays)
}

/// The installment reminder due on `today` for an on-track or late plan, as
/// (installment seq, kind), unless it was already done (`done` lists what was).
pub fn due_reminder(
    installments: &[Installment],
    paid_total: i64,
    today: NaiveDate,
    rule: ReminderRule,
    done: &[(u32, ReminderKind)],
) -> Option<(u32, ReminderKind)> {
    let alloc = allocate(installments, paid_total);
    let inst = &installments[alloc.current(installments)?];
    let heads_up_from = inst.due_on.checked_sub_days(Days::new(u64::from(rule.heads_up_days)))?;
    let reminder_from = inst.due_on.checked_add_days(Days::new(u64::from(rule.reminder_days)))?;
    let kind = if today >= reminder_from {
        ReminderKind::Reminder
    } else if today >= heads_up_from && today <= inst.due_on {
        ReminderKind::HeadsUp
    } else {
        return None;
    };
    (!done.contains(&(inst.seq, kind))).then_some((inst.seq, kind))
}

/// The day the next reminder may come, for display ("next reminder on …").
pub fn next_reminder_on(
    installments: &[Installment],
    paid_total: i64,
    rule: ReminderRule,
    done: &[(u32, ReminderKind)],
) -> Option<NaiveDate> {
    let alloc = allocate(installments, paid_total);
    let inst = &installments[alloc.current(installments)?];
    if !done.contains(&(inst.seq, ReminderKind::HeadsUp)) && !done.contains(&(inst.seq, ReminderKind::Reminder)) {
        return inst.due_on.checked_sub_days(Days::new(u64::from(rule.heads_up_days)));
    }
    if !done.contains(&(inst.seq, ReminderKind::Reminder)) {
        return inst.due_on.checked_add_days(Days::new(u64::from(rule.reminder_days)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// 100.00 in three monthly installments from 1 December 2026.
    fn plan() -> Vec<Installment> {
        vec![
            Installment { seq: 1, due_on: d("2026-12-01"), amount_minor: 3334 },
            Installment { seq: 2, due_on: d("2027-01-01"), amount_minor: 3333 },
            Installment { seq: 3, due_on: d("2027-02-01"), amount_minor: 3333 },
        ]
    }

    #[test]
    fn payments_fill_installments_oldest_first_with_partial_cover() {
        let p = plan();
        assert_eq!(allocate(&p, 0), Allocation { paid: vec![0, 0, 0], surplus: 0 });
        assert_eq!(allocate(&p, 2000), Allocation { paid: vec![2000, 0, 0], surplus: 0 });
        assert_eq!(allocate(&p, 5000), Allocation { paid: vec![3334, 1666, 0], surplus: 0 });
        assert_eq!(allocate(&p, 10_000), Allocation { paid: vec![3334, 3333, 3333], surplus: 0 });
        // Over-payment is reported, not lost.
        assert_eq!(allocate(&p, 10_250), Allocation { paid: vec![3334, 3333, 3333], surplus: 250 });
        // A negative figure (a data error) allocates nothing.
        assert_eq!(allocate(&p, -5), Allocation { paid: vec![0, 0, 0], surplus: 0 });
        assert_eq!(allocate(&p, 5000).current(&p), Some(1));
    }

    #[test]
    fn standing_follows_the_first_unpaid_installment_and_the_grace_period() {
        let p = plan();
        let s = |paid, today: &str| standing(&p, paid, d(today), 7);
        assert_eq!(s(0, "2026-11-23"), Standing::OnTrack);
        assert_eq!(s(0, "2026-12-01"), Standing::OnTrack, "due today is not late");
        assert_eq!(s(0, "2026-12-02"), Standing::Late { seq: 1, days: 1 });
        assert_eq!(s(0, "2026-12-08"), Standing::Late { seq: 1, days: 7 });
        assert_eq!(s(0, "2026-12-09"), Standing::Broken { seq: 1, days: 8 });
        // A partial payment leaves the installment open.
        assert_eq!(s(3000, "2026-12-09"), Standing::Broken { seq: 1, days: 8 });
        assert_eq!(s(3334, "2026-12-09"), Standing::OnTrack);
        assert_eq!(s(3334, "2027-01-20"), Standing::Broken { seq: 2, days: 19 });
        // Paid after breaking: the plan completes.
        assert_eq!(s(10_000, "2027-06-01"), Standing::Completed);
        assert_eq!(s(12_000, "2026-11-23"), Standing::Completed);
        assert_eq!(standing(&p, 0, d("2026-12-02"), 0), Standing::Broken { seq: 1, days: 1 });
    }

    #[test]
    fn reminders_come_on_their_days_once_each() {
        let p = plan();
        let rule = ReminderRule::default();
        let r = |paid, today: &str, done: &[(u32, ReminderKind)]| due_reminder(&p, paid, d(today), rule, done);
        assert_eq!(r(0, "2026-11-27", &[]), None);
        assert_eq!(r(0, "2026-11-28", &[]), Some((1, ReminderKind::HeadsUp)));
        assert_eq!(r(0, "2026-12-01", &[]), Some((1, ReminderKind::HeadsUp)));
        assert_eq!(r(0, "2026-11-29", &[(1, ReminderKind::HeadsUp)]), None);
        // The day after the due date: nothing yet; two days after: the reminder.
        assert_eq!(r(0, "2026-12-02", &[(1, ReminderKind::HeadsUp)]), None);
        assert_eq!(r(0, "2026-12-03", &[(1, ReminderKind::HeadsUp)]), Some((1, ReminderKind::Reminder)));
        assert_eq!(r(0, "2026-12-04", &[(1, ReminderKind::HeadsUp), (1, ReminderKind::Reminder)]), None);
        // Installment 1 paid: installment 2's heads-up comes on 29 December.
        assert_eq!(r(3334, "2026-12-28", &[(1, ReminderKind::HeadsUp)]), None);
        assert_eq!(r(3334, "2026-12-29", &[(1, ReminderKind::HeadsUp)]), Some((2, ReminderKind::HeadsUp)));
        assert_eq!(r(10_000, "2027-02-05", &[]), None, "a paid plan has no reminders");
    }

    #[test]
    fn catch_up_proposes_only_the_current_reminder() {
        let p = plan();
        let rule = ReminderRule::default();
        // Laptop closed from 20 November to 5 December: the heads-up was
        // missed; only the reminder (the current one) is proposed, once.
        assert_eq!(due_reminder(&p, 0, d("2026-12-05"), rule, &[]), Some((1, ReminderKind::Reminder)));
        assert_eq!(due_reminder(&p, 0, d("2026-12-05"), rule, &[(1, ReminderKind::Reminder)]), None);
        assert_eq!(next_reminder_on(&p, 0, rule, &[]), Some(d("2026-11-28")));
        assert_eq!(next_reminder_on(&p, 0, rule, &[(1, ReminderKind::HeadsUp)]), Some(d("2026-12-03")));
        assert_eq!(next_reminder_on(&p, 0, rule, &[(1, ReminderKind::Reminder)]), None);
    }

    #[test]
    fn a_plans_own_reminder_days_move_both_reminders() {
        let p = plan();
        // Heads-up on the due day only, reminder a week after.
        let rule = ReminderRule::new(0, 7).unwrap();
        let r = |today: &str, done: &[(u32, ReminderKind)]| due_reminder(&p, 0, d(today), rule, done);
        assert_eq!(r("2026-11-30", &[]), None);
        assert_eq!(r("2026-12-01", &[]), Some((1, ReminderKind::HeadsUp)));
        assert_eq!(r("2026-12-07", &[(1, ReminderKind::HeadsUp)]), None);
        assert_eq!(r("2026-12-08", &[(1, ReminderKind::HeadsUp)]), Some((1, ReminderKind::Reminder)));
        assert_eq!(next_reminder_on(&p, 0, rule, &[]), Some(d("2026-12-01")));
        assert_eq!(next_reminder_on(&p, 0, rule, &[(1, ReminderKind::HeadsUp)]), Some(d("2026-12-08")));
        let wide = ReminderRule::new(30, 30).unwrap();
        assert_eq!(due_reminder(&p, 0, d("2026-11-01"), wide, &[]), Some((1, ReminderKind::HeadsUp)));
    }

    #[test]
    fn reminder_days_and_grace_periods_out_of_range_are_refused_by_name() {
        assert_eq!(ReminderRule::new(-1, 2), Err(PlanError::HeadsUpDays));
        assert_eq!(ReminderRule::new(31, 2), Err(PlanError::HeadsUpDays));
        // A reminder on the due day itself would chase a payment made that day.
        assert_eq!(ReminderRule::new(3, 0), Err(PlanError::ReminderDays));
        assert_eq!(ReminderRule::new(3, 31), Err(PlanError::ReminderDays));
        assert_eq!(ReminderRule::new(i64::MAX, 2), Err(PlanError::HeadsUpDays));
        assert_eq!(ReminderRule::new(3, 2), Ok(ReminderRule::default()));
        assert_eq!((check_grace_days(0), check_grace_days(90)), (Ok(0), Ok(90)));
        assert_eq!(
            (check_grace_days(-1), check_grace_days(91)),
            (Err(PlanError::GraceDays), Err(PlanError::GraceDays))
        );
        assert_eq!(PlanError::ReminderDays.field(), Some("reminder_days"));
    }

    #[test]
    fn reminder_kinds_round_trip() {
        for k in [ReminderKind::HeadsUp, ReminderKind::Reminder, ReminderKind::BrokenNotice] {
            assert_eq!(ReminderKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ReminderKind::parse("threat"), None);
    }
}

kindly_core::str_eq!(ReminderKind);

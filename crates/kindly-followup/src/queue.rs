//! Which polite step is due today, for which invoice.
//!
//! The rule: an invoice that still has something owing and whose client is
//! being chased gets, today, the **latest** stage whose day has come
//! (due date + offset ≤ today), unless that stage or a later one was already
//! done. So after ten days with the laptop closed, each invoice shows its
//! *current* stage once, not every stage it missed; and a stage, once done,
//! is never proposed again for that invoice.
//!
//! Dates are calendar dates (no time zone, no DST): a stage that is due "on
//! the 30th" is due on the 30th wherever the laptop is.
//!
//! What the record says changes the ladder of one invoice (issue #6, "messages
//! state only what the record supports"):
//! - **One contact per invoice per day.** A contact is a ladder step done, an
//!   installment reminder or broken-plan notice, a promise follow-up, a plan
//!   proposed or a call logged. After a contact on day D the invoice's ladder
//!   proposes nothing before D + 1 ([`resume_on`]); a plan reminder, notice
//!   or promise follow-up due the same day as a ladder step wins (it is the
//!   more specific message) and the ladder step waits.
//! - **A broken plan.** Its broken-plan notice is the invoice's contact: the
//!   ladder waits for it, then resumes no earlier than
//!   [`RESUME_AFTER_BROKEN_PLAN_DAYS`] days after the notice, at its current
//!   stage (so the final notice never comes sooner).
//! - **The offer is made once.** Once a plan was proposed for an invoice (in
//!   any state), the ladder's offer stage is skipped ([`for_invoice`]): the
//!   offer was made, and a second one would contradict it.

use crate::ladder::{Ladder, Stage, PLAN_OFFER};
use chrono::{Days, NaiveDate};
use std::borrow::Cow;

/// Days the ladder waits after a broken-plan notice (or a promise follow-up)
/// before its next step.
pub const RESUME_AFTER_BROKEN_PLAN_DAYS: u64 = 7;

/// What one contact on `day` does to the invoice's ladder: no step before
/// the returned day (the next day; a week after a broken-plan notice).
pub fn resume_on(day: NaiveDate, broken_plan_notice: bool) -> NaiveDate {
    let wait = if broken_plan_notice { RESUME_AFTER_BROKEN_PLAN_DAYS } else { 1 };
    day.checked_add_days(Days::new(wait)).unwrap_or(day)
}

/// The ladder of one invoice: without the offer stage once a plan was
/// proposed for it (see the module doc).
pub fn for_invoice(ladder: &Ladder, plan_proposed: bool) -> Cow<'_, Ladder> {
    if plan_proposed && ladder.stage(PLAN_OFFER).is_some() {
        Cow::Owned(Ladder { stages: ladder.stages.iter().filter(|s| s.key != PLAN_OFFER).cloned().collect() })
    } else {
        Cow::Borrowed(ladder)
    }
}

/// The day a stage is due for an invoice due on `due`.
pub fn stage_date(due: NaiveDate, stage: &Stage) -> NaiveDate {
    shift(due, stage.offset_days)
}

fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    let n = Days::new(days.unsigned_abs());
    let r = if days >= 0 { d.checked_add_days(n) } else { d.checked_sub_days(n) };
    r.unwrap_or(d)
}

/// The stage to propose today, if any (see the module doc).
pub fn proposed_stage(
    ladder: &Ladder,
    due: NaiveDate,
    today: NaiveDate,
    last_done_offset: Option<i64>,
) -> Option<&Stage> {
    let current = ladder.stages.iter().rev().find(|s| stage_date(due, s) <= today)?;
    match last_done_offset {
        Some(done) if done >= current.offset_days => None,
        _ => Some(current),
    }
}

/// The first day on which a stage after `last_done_offset` becomes due, or
/// `None` when the ladder is exhausted. The store indexes this date so that
/// today's queue reads only invoices with something to do.
pub fn next_action_on(ladder: &Ladder, due: NaiveDate, last_done_offset: Option<i64>) -> Option<NaiveDate> {
    ladder.stages.iter().find(|s| last_done_offset.is_none_or(|d| s.offset_days > d)).map(|s| stage_date(due, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn key(ladder: &Ladder, due: &str, today: &str, done: Option<i64>) -> Option<String> {
        proposed_stage(ladder, d(due), d(today), done).map(|s| s.key.clone())
    }

    #[test]
    fn each_stage_comes_on_its_day() {
        let l = Ladder::default_ladder();
        let due = "2026-11-20";
        // (today, last done offset, expected stage)
        let cases: &[(&str, Option<i64>, Option<&str>)] = &[
            ("2026-11-16", None, None),
            ("2026-11-17", None, Some("heads_up")),
            ("2026-11-20", Some(-3), None),
            ("2026-11-21", Some(-3), Some("reminder")),
            ("2026-11-27", Some(1), Some("follow_up")),
            ("2026-12-04", Some(7), Some("plan_offer")),
            ("2026-12-19", Some(14), None),
            ("2026-12-20", Some(14), Some("final_notice")),
            ("2027-06-01", Some(30), None),
        ];
        for (today, done, want) in cases {
            assert_eq!(key(&l, due, today, *done).as_deref(), *want, "today {today}, done {done:?}");
        }
    }

    #[test]
    fn catch_up_after_ten_days_closed_proposes_only_the_current_stage() {
        let l = Ladder::default_ladder();
        // Heads-up done on the 17th, laptop closed until the 30th: +1 and +7
        // both passed; only +7 (the current one) is proposed, once.
        assert_eq!(key(&l, "2026-11-20", "2026-11-30", Some(-3)).as_deref(), Some("follow_up"));
        // Once +7 is done, +1 is never proposed afterwards.
        assert_eq!(key(&l, "2026-11-20", "2026-11-30", Some(7)), None);
        assert_eq!(next_action_on(&l, d("2026-11-20"), Some(7)), Some(d("2026-12-04")));
    }

    #[test]
    fn a_stage_is_never_proposed_twice() {
        let l = Ladder::default_ladder();
        for today in ["2026-11-21", "2026-11-22", "2026-11-26"] {
            assert_eq!(key(&l, "2026-11-20", today, Some(1)), None, "{today}");
        }
    }

    #[test]
    fn february_29_and_year_ends_are_plain_calendar_arithmetic() {
        let l = Ladder::default_ladder();
        // Due on a leap day: heads-up on the 26th, reminder on 1 March.
        assert_eq!(key(&l, "2028-02-29", "2028-02-26", None).as_deref(), Some("heads_up"));
        assert_eq!(key(&l, "2028-02-29", "2028-02-29", Some(-3)), None);
        assert_eq!(key(&l, "2028-02-29", "2028-03-01", Some(-3)).as_deref(), Some("reminder"));
        // Due 1 March in a non-leap year: heads-up on 26 February.
        assert_eq!(next_action_on(&l, d("2027-03-01"), None), Some(d("2027-02-26")));
        // Across the year end.
        assert_eq!(next_action_on(&l, d("2026-12-31"), Some(-3)), Some(d("2027-01-01")));
    }

    #[test]
    fn dst_changes_do_not_move_stage_days() {
        // Europe switches to summer time on 2027-03-28 and back on 2027-10-31;
        // the US on 2027-03-14. Stage days are calendar days, so a due date
        // the day before a switch still gets its reminder the day after.
        let l = Ladder::default_ladder();
        for (due, reminder) in
            [("2027-03-27", "2027-03-28"), ("2027-10-30", "2027-10-31"), ("2027-03-13", "2027-03-14")]
        {
            assert_eq!(key(&l, due, reminder, Some(-3)).as_deref(), Some("reminder"), "{due}");
            assert_eq!(next_action_on(&l, d(due), Some(-3)), Some(d(reminder)));
        }
    }

    #[test]
    fn once_a_plan_was_proposed_the_offer_stage_is_skipped() {
        let l = Ladder::default_ladder();
        let with_plan = for_invoice(&l, true);
        assert!(matches!(for_invoice(&l, false), Cow::Borrowed(_)));
        assert_eq!(with_plan.stages.len(), 4);
        // +14 with the follow-up done: nothing until the final notice.
        assert_eq!(key(&with_plan, "2026-11-20", "2026-12-04", Some(7)), None);
        assert_eq!(next_action_on(&with_plan, d("2026-11-20"), Some(7)), Some(d("2026-12-20")));
        // Catching up at +20 after the reminder: the follow-up, not the offer.
        assert_eq!(key(&with_plan, "2026-11-20", "2026-12-10", Some(1)).as_deref(), Some("follow_up"));
        assert_eq!(key(&with_plan, "2026-11-20", "2026-12-20", Some(7)).as_deref(), Some("final_notice"));
        // A ladder without an offer stage is left as it is.
        let mut own = Ladder::default_ladder();
        own.stages.retain(|s| s.key != PLAN_OFFER);
        assert!(matches!(for_invoice(&own, true), Cow::Borrowed(_)));
    }

    #[test]
    fn a_contact_holds_the_ladder_for_the_rest_of_the_day_and_a_broken_plan_notice_for_a_week() {
        assert_eq!(resume_on(d("2026-12-07"), false), d("2026-12-08"));
        assert_eq!(resume_on(d("2026-12-07"), true), d("2026-12-14"));
        assert_eq!(resume_on(d("2026-12-31"), false), d("2027-01-01"));
        // Broken on 7 December (+17): the notice that day; the ladder resumes
        // on the 14th at its current stage, the final notice coming on its
        // own day (+30), never sooner than a week after the notice.
        let l = for_invoice(&Ladder::default_ladder(), true).into_owned();
        let resume = resume_on(d("2026-12-07"), true);
        assert_eq!(key(&l, "2026-11-20", "2026-12-14", Some(7)), None);
        let next = next_action_on(&l, d("2026-11-20"), Some(7)).unwrap().max(resume);
        assert_eq!(next, d("2026-12-20"));
        // Broken late (+35): the final notice is already current, and waits a week.
        let next = next_action_on(&l, d("2026-11-20"), Some(7)).unwrap().max(resume_on(d("2026-12-25"), true));
        assert_eq!(next, d("2027-01-01"));
        assert_eq!(key(&l, "2026-11-20", "2027-01-01", Some(7)).as_deref(), Some("final_notice"));
    }

    #[test]
    fn exhausted_ladders_have_no_next_action() {
        let l = Ladder::default_ladder();
        assert_eq!(next_action_on(&l, d("2026-11-20"), None), Some(d("2026-11-17")));
        assert_eq!(next_action_on(&l, d("2026-11-20"), Some(30)), None);
    }
}

//! Property tests of installment plans: the split never loses or invents a
//! minor unit in any currency's exponent, even splits differ by at most one
//! unit, dates strictly increase, and allocation conserves every payment.
#![allow(clippy::unwrap_used)] // a test or benchmark: a failed unwrap fails it

use chrono::NaiveDate;
use kindly_core::{Currency, Money};
use kindly_followup::plan::progress::{allocate, standing, Standing};
use kindly_followup::plan::schedule::{build, Frequency, ScheduleRequest, Size, MAX_INSTALLMENTS};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn currency() -> impl Strategy<Value = Currency> {
    // Exponents 0, 2 and 3.
    prop_oneof![Just(Currency::JPY), Just(Currency::EUR), Just(Currency::KWD), Just(Currency::USD)]
}

fn frequency() -> impl Strategy<Value = Frequency> {
    prop_oneof![Just(Frequency::Weekly), Just(Frequency::Fortnightly), Just(Frequency::Monthly)]
}

fn first_date() -> impl Strategy<Value = NaiveDate> {
    (2026i32..2040, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
        (0..4).find_map(|k| NaiveDate::from_ymd_opt(y, m, d - k.min(d - 1))).expect("a valid day")
    })
}

proptest! {
    // Failing cases are saved beside this file and replayed first on every run
    // (proptest cannot find that place by itself for files under `tests/`).
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("tests/plan_props.proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_split_by_count_sums_to_the_balance_and_is_even(
        c in currency(),
        balance in 1i64..1_000_000_000_000,
        n in 1u32..=MAX_INSTALLMENTS as u32,
        f in frequency(),
        first in first_date(),
    ) {
        let req = ScheduleRequest {
            balance: Money::new(balance, c), size: Size::Count(n), frequency: f, first_date: first,
            custom_dates: vec![], down_payment: None,
        };
        let s = build(&req).unwrap();
        prop_assert_eq!(s.len(), n as usize);
        prop_assert_eq!(s.iter().map(|i| i128::from(i.amount_minor)).sum::<i128>(), i128::from(balance));
        let (lo, hi) = (s.iter().map(|i| i.amount_minor).min().unwrap(), s.iter().map(|i| i.amount_minor).max().unwrap());
        prop_assert!(hi - lo <= 1, "{lo}..{hi}");
        // The extra units go first.
        prop_assert!(s.windows(2).all(|w| w[0].amount_minor >= w[1].amount_minor));
        prop_assert!(s.windows(2).all(|w| w[0].due_on < w[1].due_on));
        prop_assert_eq!(s[0].due_on, first);
        // Zero-amount installments only when the balance is smaller than the count.
        if balance >= i64::from(n) { prop_assert!(lo >= 1); }
    }

    #[test]
    fn a_split_by_amount_sums_to_the_balance_with_a_smaller_last(
        c in currency(),
        balance in 1i64..10_000_000,
        amount in 1i64..10_000_000,
        f in frequency(),
        first in first_date(),
        down in proptest::option::of(1i64..1_000_000),
    ) {
        let down = down.filter(|d| *d < balance);
        let rest = balance - down.unwrap_or(0);
        // A down payment is an installment of its own and counts towards the limit.
        let regular_count = (rest + amount - 1) / amount;
        prop_assume!(regular_count + i64::from(down.is_some()) <= MAX_INSTALLMENTS as i64);
        let req = ScheduleRequest {
            balance: Money::new(balance, c), size: Size::Amount(amount), frequency: f, first_date: first,
            custom_dates: vec![], down_payment: down,
        };
        let s = build(&req).unwrap();
        prop_assert_eq!(s.iter().map(|i| i.amount_minor).sum::<i64>(), balance);
        let regular = &s[usize::from(down.is_some())..];
        let (last, others) = regular.split_last().unwrap();
        prop_assert!(others.iter().all(|i| i.amount_minor == amount));
        prop_assert!(last.amount_minor >= 1 && last.amount_minor <= amount);
        prop_assert!(s.windows(2).all(|w| w[0].due_on < w[1].due_on));
        if let Some(d) = down { prop_assert_eq!(s[0].amount_minor, d); prop_assert_eq!(s[0].due_on, first); }
    }

    #[test]
    fn allocation_conserves_every_payment(
        amounts in proptest::collection::vec(1i64..1_000_000, 1..40),
        paid in 0i64..50_000_000,
    ) {
        let first = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let s: Vec<_> = amounts.iter().enumerate().map(|(i, a)| kindly_followup::plan::schedule::Installment {
            seq: i as u32 + 1, due_on: first + chrono::Days::new(7 * i as u64), amount_minor: *a,
        }).collect();
        let total: i64 = amounts.iter().sum();
        let a = allocate(&s, paid);
        prop_assert_eq!(a.paid.iter().sum::<i64>() + a.surplus, paid);
        prop_assert!(a.paid.iter().zip(&amounts).all(|(p, x)| *p >= 0 && p <= x));
        // Oldest first: nothing is paid on an installment while an older one is open.
        if let Some(i) = a.current(&s) { prop_assert!(a.paid[i + 1..].iter().all(|p| *p == 0)); }
        prop_assert_eq!(a.surplus, (paid - total).max(0));
        prop_assert_eq!(standing(&s, paid, first, 0) == Standing::Completed, paid >= total);
    }
}

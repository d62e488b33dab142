//! The payment-plan offer written into the "+14 days" message: the balance
//! split exactly into two installments over the next month.
//!
//! Split rule: the amount is divided in the currency's minor units; when it
//! does not divide evenly, the first installments carry the extra unit(s),
//! so the installments sum exactly to the balance and differ by at most one
//! minor unit.
//!
//! Once a plan was proposed for an invoice the ladder skips its offer stage;
//! an offer rendered anyway (a preview) repeats that plan ([`as_proposed`]).
//!
//! Installment plans themselves (issue #5) live in the submodules:
//! [`schedule`] (building and checking a schedule), [`progress`] (allocating
//! payments, the plan's standing on a day, installment reminders) and
//! [`messages`] (the wording of reminders, the broken-plan notice and the
//! proposal, in en/de/fr/es).

pub mod messages;
pub mod progress;
pub mod schedule;

use chrono::{Days, NaiveDate};
use kindly_core::locale::Locale;
use kindly_core::Money;

/// Splits `amount` into `n` installments by the rule above.
pub fn split(amount: Money, n: u32) -> Vec<Money> {
    let n = i64::from(n.max(1));
    let base = amount.minor.div_euclid(n);
    let extra = amount.minor.rem_euclid(n);
    (0..n).map(|i| Money::new(base + i64::from(i < extra), amount.currency)).collect()
}

/// The proposal sentence: two installments, the first in a week and the
/// second a month later, e.g. "two installments of €577.08 each, on
/// 30 November 2026 and 30 December 2026."
pub fn two_installments(amount: Money, today: NaiveDate, lang: Locale) -> String {
    let parts = split(amount, 2);
    let first = today + Days::new(7);
    // The same monthly step as a plan proposed from the offer (`schedule`).
    let second = schedule::Frequency::Monthly.nth_date(first, 1).unwrap_or(first + Days::new(30));
    let (a, b) = (parts[0].format(lang), parts[1].format(lang));
    let (d1, d2) = (lang.format_date(first), lang.format_date(second));
    let same = parts[0] == parts[1];
    match (lang, same) {
        (Locale::En, true) => format!("two installments of {a} each, on {d1} and {d2}."),
        (Locale::En, false) => format!("two installments, {a} on {d1} and {b} on {d2}."),
        (Locale::De, true) => format!("zwei Raten zu je {a}, am {d1} und am {d2}."),
        (Locale::De, false) => format!("zwei Raten, {a} am {d1} und {b} am {d2}."),
        (Locale::Fr, true) => format!("deux versements de {a} chacun, le {d1} et le {d2}."),
        (Locale::Fr, false) => format!("deux versements, {a} le {d1} et {b} le {d2}."),
        (Locale::Es, true) => format!("dos plazos de {a} cada uno, el {d1} y el {d2}."),
        (Locale::Es, false) => format!("dos plazos, {a} el {d1} y {b} el {d2}."),
    }
}

/// The offer sentence when a plan was already proposed for the invoice: its
/// own installments (what is still owing on each, with its date), so the
/// offer never proposes a different schedule, e.g. "the 3 installments
/// already proposed: €33.34 on 1 December 2026, €33.33 on 1 January 2027
/// and €33.33 on 1 February 2027."
pub fn as_proposed(installments: &[(Money, NaiveDate)], lang: Locale) -> String {
    let items: Vec<String> = installments
        .iter()
        .map(|(m, d)| {
            let (a, d) = (m.format(lang), lang.format_date(*d));
            match lang {
                Locale::En => format!("{a} on {d}"),
                Locale::De => format!("{a} am {d}"),
                Locale::Fr => format!("{a} le {d}"),
                Locale::Es => format!("{a} el {d}"),
            }
        })
        .collect();
    let list = kindly_i18n::join_and(&items, lang);
    let count = i64::try_from(items.len()).unwrap_or(i64::MAX);
    // Agreeing in number (followup.ftl): "the installment", "the 3 installments".
    kindly_i18n::tr(lang, "plan-already-proposed", &[("count", count.into()), ("list", list.as_str().into())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use kindly_core::Currency;

    #[test]
    fn splits_never_lose_or_invent_a_minor_unit() {
        for (minor, n, c) in [
            (10_000, 3, Currency::EUR),
            (1, 2, Currency::EUR),
            (7, 7, Currency::JPY),
            (100_001, 2, Currency::KWD),
            (0, 2, Currency::EUR),
        ] {
            let parts = split(Money::new(minor, c), n);
            assert_eq!(parts.iter().map(|m| m.minor).sum::<i64>(), minor);
            let (lo, hi) = (parts.iter().map(|m| m.minor).min().unwrap(), parts.iter().map(|m| m.minor).max().unwrap());
            assert!(hi - lo <= 1);
            assert!(parts.windows(2).all(|w| w[0].minor >= w[1].minor), "extra units go first");
        }
        assert_eq!(
            split(Money::new(10_000, Currency::EUR), 3).iter().map(|m| m.minor).collect::<Vec<_>>(),
            [3334, 3333, 3333]
        );
    }

    #[test]
    fn an_offer_after_a_plan_was_proposed_repeats_that_plan() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let e = |m| Money::new(m, Currency::EUR);
        let plan = [(e(3334), d("2026-12-01")), (e(3333), d("2027-01-01")), (e(3333), d("2027-02-01"))];
        assert_eq!(
            as_proposed(&plan, Locale::En),
            "the 3 installments already proposed: €33.34 on 1 December 2026, €33.33 on 1 January 2027 and €33.33 on 1 February 2027."
        );
        assert!(as_proposed(&plan, Locale::De)
            .starts_with("die bereits vorgeschlagenen 3 Raten: 33,34\u{a0}€ am 1. Dezember 2026"));
        assert_eq!(
            as_proposed(&plan[..1], Locale::Es),
            "el plazo ya propuesto: 33,34\u{a0}€ el 1 de diciembre de 2026."
        );
    }

    #[test]
    fn an_offer_repeating_a_plan_agrees_with_its_number_of_installments_in_every_language() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let e = |m| Money::new(m, Currency::EUR);
        let plan = [(e(5000), d("2026-12-01")), (e(5000), d("2027-01-01"))];
        let want = [
            (Locale::En, "the installment already proposed: ", "the 2 installments already proposed: "),
            (Locale::De, "die bereits vorgeschlagene Rate: ", "die bereits vorgeschlagenen 2 Raten: "),
            (Locale::Fr, "le versement déjà proposé : ", "les 2 versements déjà proposés : "),
            (Locale::Es, "el plazo ya propuesto: ", "los 2 plazos ya propuestos: "),
        ];
        for (lang, one, two) in want {
            let text = as_proposed(&plan[..1], lang);
            assert!(text.starts_with(one) && text.ends_with('.'), "{lang:?}: {text}");
            let text = as_proposed(&plan, lang);
            assert!(text.starts_with(two), "{lang:?}: {text}");
            assert_eq!(text.matches(" 2026").count() + text.matches(" 2027").count(), 2, "{text}");
        }
    }

    #[test]
    fn the_offer_names_amounts_and_dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            two_installments(Money::new(115_416, Currency::EUR), today, Locale::En),
            "two installments of €577.08 each, on 30 November 2026 and 30 December 2026."
        );
        assert_eq!(
            two_installments(Money::new(115_417, Currency::EUR), today, Locale::De),
            "zwei Raten, 577,09\u{a0}€ am 30. November 2026 und 577,08\u{a0}€ am 30. Dezember 2026."
        );
    }
}

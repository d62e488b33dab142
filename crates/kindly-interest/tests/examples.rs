//! Worked examples from official texts and published calculators, each with
//! its source, plus the boundaries of the calculation (a payment on the due
//! date, a rate change in the middle of the delay, consumer against business).
#![allow(clippy::unwrap_used)] // a test: a failed unwrap fails it

use chrono::NaiveDate;
use kindly_core::vocab::{DebtorKind, Jurisdiction};
use kindly_core::{Currency, ErrorCode, Money};
use kindly_interest::{claim, claim_with, Debt, RateTable, Working};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn run(
    j: Jurisdiction,
    k: DebtorKind,
    amount: i64,
    cur: Currency,
    due: &str,
    payments: &[(&str, i64)],
    on: &str,
) -> Working {
    let payments: Vec<(NaiveDate, i64)> = payments.iter().map(|(p, m)| (d(p), *m)).collect();
    claim(j, k, &Debt { amount: Money::new(amount, cur), due_on: d(due), payments: &payments }, d(on)).unwrap()
}

/// A table with older values than the shipped one, for examples published
/// with those rates (every series needs one row).
fn table(boe: &str, ecb: &str, basis: &str) -> RateTable {
    RateTable::parse(&format!(
        "last_updated,2026-01-01\nrate,boe_reference,{boe},https://x\nrate,ecb_mro,{ecb},https://x\nrate,basiszins,{basis},https://x\n"
    ))
    .unwrap()
}

use Currency as C;
use DebtorKind::{Business as B, Consumer as K};
use Jurisdiction::{De, Eu, Fr, Uk};

/// Each case: jurisdiction, debtor, amount (minor units), currency, due
/// date, payments, as of, expected interest, compensation (minor units, 0 =
/// none), number of lines, and where the figures come from.
#[test]
fn worked_examples() {
    #[allow(clippy::type_complexity)]
    let cases: &[(Jurisdiction, DebtorKind, i64, Currency, &str, &[(&str, i64)], &str, i64, i64, usize, &str)] = &[
        // gov.uk "Late commercial payments: charging interest and debt recovery", worked as
        // reproduced at theukrules.co.uk: £1,000 at 8.25 % (base rate 0.25 %) → £82.50 a year,
        // 60 days late → £13.56. Base rate 0.25 % on 31 Dec 2021 → debts late in H1 2022. £70 band.
        (Uk, B, 100_000, C::GBP, "2022-01-10", &[], "2022-03-11", 1_356, 7_000, 1, "gov.uk method, £13.56"),
        // UK: 8 % + 4.75 % (31 Dec 2024) = 12.75 %, fixed for the debt even though it runs into
        // July 2025, when the 30 June rate (4.25 %) would apply to new debts. £2,000 × 12.75 % × 30 / 365.
        (Uk, B, 200_000, C::GBP, "2025-06-20", &[], "2025-07-20", 2_096, 7_000, 1, "fixed for the life of the debt"),
        // UK band edges: £999.99 → £40, £10,000 → £100.
        (Uk, B, 99_999, C::GBP, "2025-06-20", &[], "2025-06-21", 35, 4_000, 1, "£40 band"),
        (Uk, B, 1_000_000, C::GBP, "2025-06-20", &[], "2025-06-21", 349, 10_000, 1, "£100 band"),
        // Bpifrance Création, "Taux des pénalités de retard": BCE 4.25 % + 10 = 14.25 % for the second
        // half of 2024; pénalité = montant × taux × jours / 365; indemnité forfaitaire 40 €.
        (Fr, B, 100_000, C::EUR, "2024-09-30", &[], "2024-10-30", 1_171, 4_000, 1, "Bpifrance 14.25 %"),
        // wirtschaftswissen.de: due 1 July 2021, paid 5 July 2021 → 4 days of delay (the payment day
        // counts). Consumer: Basiszins −0.88 % + 5 = 4.12 %. €1,000 × 4.12 % × 4 / 365 = €0.45.
        (De, K, 100_000, C::EUR, "2021-07-01", &[("2021-07-05", 100_000)], "2021-07-31", 45, 0, 1, "4 Säumnistage"),
        // DE business, rate change in the middle: 16 days of Dec 2024 at 3.37 + 9 = 12.37 %, then
        // 14 days of Jan 2025 at 2.27 + 9 = 11.27 %; exact sum €97.452… → €97.45; €40 Pauschale.
        (De, B, 1_000_000, C::EUR, "2024-12-15", &[], "2025-01-14", 9_745, 4_000, 2, "§ 288 (2), two half-years"),
        // Same debt owed by a consumer: + 5 points, no flat fee: €64.575… → €64.58.
        (De, K, 1_000_000, C::EUR, "2024-12-15", &[], "2025-01-14", 6_458, 0, 2, "§ 288 (1), two half-years"),
        // EU with a partial payment: 11.15 % (3.15 + 8); €1,000 for 1–10 April, €600 for 11–30 April.
        (
            Eu,
            B,
            100_000,
            C::EUR,
            "2025-03-31",
            &[("2025-04-10", 40_000)],
            "2025-04-30",
            672,
            4_000,
            2,
            "partial payment",
        ),
        // A payment of everything on the due date: never late, nothing to state.
        (
            Eu,
            B,
            100_000,
            C::EUR,
            "2025-03-31",
            &[("2025-03-31", 100_000)],
            "2025-04-30",
            0,
            0,
            0,
            "paid on the due date",
        ),
        // A payment of part on the due date: only the rest was ever late (and sets the band).
        (
            Uk,
            B,
            150_000,
            C::GBP,
            "2025-03-31",
            &[("2025-03-31", 60_000)],
            "2025-04-30",
            943,
            4_000,
            1,
            "part paid on the due date",
        ),
        // As of the due date itself: not late yet.
        (De, B, 100_000, C::EUR, "2025-03-31", &[], "2025-03-31", 0, 0, 0, "as of the due date"),
        // The first day of delay.
        (De, B, 100_000, C::EUR, "2025-03-31", &[], "2025-04-01", 31, 4_000, 1, "one day: 11.27 % / 365"),
        // Paid in full late: interest stops after the payment day, whatever the as-of day.
        (Fr, B, 100_000, C::EUR, "2025-06-15", &[("2025-06-20", 100_000)], "2025-12-31", 180, 4_000, 1, "paid late"),
        // A delay across three half-years with the same Basiszins on 1 Jul 2025 and 1 Jan 2026 merges
        // into one line: 1.27 + 9 = 10.27 % from 1 Jul 2025 to 31 Mar 2026.
        (De, B, 100_000, C::EUR, "2025-06-30", &[], "2026-03-31", 7_710, 4_000, 1, "equal rates merge"),
    ];
    for &(j, k, amount, cur, due, payments, on, interest, comp, lines, what) in cases {
        let w = run(j, k, amount, cur, due, payments, on);
        assert_eq!(w.interest.minor, interest, "{what}: interest");
        assert_eq!(w.compensation.map(|c| c.minor).unwrap_or(0), comp, "{what}: compensation");
        assert_eq!(w.lines.len(), lines, "{what}: lines {:?}", w.lines);
        let sum: i64 = w.lines.iter().map(|l| l.interest.minor).sum();
        assert_eq!(sum, interest, "{what}: the lines add up to the total");
    }
}

/// gov.uk guidance: "If you're owed £1,000 and the Bank of England base rate is 1%, … 9%, …
/// annual statutory interest £90, … daily interest £0.25" (one day: 24.66p → 25p).
#[test]
fn gov_uk_daily_interest_example() {
    let t = table("2018-12-31,1.00", "2019-01-01,0.00", "2019-01-01,0.00");
    let debt = Debt { amount: Money::new(100_000, C::GBP), due_on: d("2019-01-01"), payments: &[] };
    let w = claim_with(&t, Uk, B, &debt, d("2019-01-02")).unwrap();
    assert_eq!(w.interest.minor, 25);
    assert_eq!((w.lines[0].rate_bp, w.lines[0].days), (900, 1));
    // A year of 365 days is exactly the £90 a year.
    let w = claim_with(&t, Uk, B, &debt, d("2020-01-01")).unwrap();
    assert_eq!(w.interest.minor, 9_000);
}

/// anleiter.de ("Wie berechnet man Verzugszinsen?"): €1,000 from a consumer, 25 days late, at
/// 5.12 % (Basiszins 0.12 % of 2012 + 5) → €3.51.
#[test]
fn german_consumer_example() {
    let t = table("2011-12-31,0.50", "2012-01-01,1.00", "2012-01-01,0.12");
    let debt = Debt { amount: Money::new(100_000, C::EUR), due_on: d("2012-03-01"), payments: &[] };
    let w = claim_with(&t, De, K, &debt, d("2012-03-26")).unwrap();
    assert_eq!((w.interest.minor, w.lines[0].days, w.lines[0].rate_bp, w.compensation), (351, 25, 512, None));
}

#[test]
fn totals_and_working_fields() {
    let w = run(De, B, 1_000_000, C::EUR, "2024-12-15", &[], "2025-01-14");
    assert_eq!(w.total, Some(Money::new(9_745 + 4_000, C::EUR)));
    let first = &w.lines[0];
    assert_eq!(
        (first.from, first.to, first.days, first.reference_bp, first.margin_bp),
        (d("2024-12-16"), d("2024-12-31"), 16, 337, 900)
    );
    assert_eq!(first.reference_on, d("2024-07-01"));
    assert_eq!((w.lines[1].from, w.lines[1].to, w.lines[1].days), (d("2025-01-01"), d("2025-01-14"), 14));
    assert_eq!(w.day_count, "act/365");
    // A euro debt under UK law: interest in euros, no band without an exchange rate.
    let w = run(Uk, B, 100_000, C::EUR, "2025-03-31", &[], "2025-04-30");
    assert_eq!((w.compensation, w.total), (None, Some(w.interest)));
    // A pound debt under German law: the €40 is in euros, so no single total.
    let w = run(De, B, 100_000, C::GBP, "2025-03-31", &[], "2025-04-30");
    assert_eq!((w.compensation, w.total), (Some(Money::new(4_000, C::EUR)), None));
}

#[test]
fn specific_errors() {
    let debt = Debt { amount: Money::new(100_000, C::EUR), due_on: d("2026-06-01"), payments: &[] };
    let e = claim(De, B, &debt, d("2026-07-01")).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InterestRateUnknown);
    assert!(e.to_string().contains("30 June 2026") && e.to_string().contains("update Kindly"), "{e}");
    // UK: the reference day for a debt late on 1 July 2026 is 30 June 2026, not in the table.
    let debt = Debt { amount: Money::new(100_000, C::GBP), due_on: d("2026-06-30"), payments: &[] };
    assert_eq!(claim(Uk, B, &debt, d("2026-07-02")).unwrap_err().code(), ErrorCode::InterestRateUnknown);
    let debt = Debt { amount: Money::new(100_000, C::EUR), due_on: d("2018-06-30"), payments: &[] };
    assert_eq!(claim(Eu, B, &debt, d("2019-07-02")).unwrap_err().code(), ErrorCode::InterestRateUnknown);
    for j in [Uk, Eu, Fr] {
        assert_eq!(claim(j, K, &debt, d("2025-01-01")).unwrap_err().code(), ErrorCode::InterestNotApplicable);
    }
}

/// Whatever the amounts and dates, the lines add up to the total, the total
/// is the exact sum rounded once, and more days never state less.
#[test]
fn lines_always_add_up() {
    let mut seed: u64 = 7;
    let mut next = |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    for _ in 0..400 {
        let amount = 1 + next(5_000_000) as i64;
        let due = d("2019-01-01") + chrono::Days::new(next(2_300));
        let on = due + chrono::Days::new(next(600));
        if on > d("2026-06-30") {
            continue;
        }
        let pay = [(due + chrono::Days::new(next(300)), (next(amount as u64) as i64))];
        let j = [Uk, Eu, De, Fr][next(4) as usize];
        let debt = Debt { amount: Money::new(amount, C::EUR), due_on: due, payments: &pay };
        let w = claim(j, B, &debt, on).unwrap();
        let sum: i64 = w.lines.iter().map(|l| l.interest.minor).sum();
        assert_eq!(sum, w.interest.minor);
        let exact: i128 =
            w.lines.iter().map(|l| i128::from(l.principal.minor) * i128::from(l.rate_bp) * i128::from(l.days)).sum();
        assert_eq!(i128::from(w.interest.minor), (2 * exact + 3_650_000).div_euclid(7_300_000));
        let later = claim(j, B, &debt, on.succ_opt().unwrap().min(d("2026-06-30"))).unwrap();
        assert!(later.interest.minor >= w.interest.minor);
    }
}

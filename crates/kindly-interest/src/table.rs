//! The dated rate table shipped with the app (`rates.csv`, compiled in with
//! `include_str!`): one reference rate per half-year and series, each with
//! the publisher's page, and the day the table was last checked. A day the
//! table does not reach is an error naming where it ends, never a guess.

use crate::error::InterestError;
use chrono::{Datelike, NaiveDate};
use std::sync::OnceLock;

/// The table as shipped.
const SHIPPED: &str = include_str!("rates.csv");

/// A reference-rate series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Series {
    /// Bank of England Bank Rate in force on 31 December and 30 June.
    BoeReference,
    /// ECB main refinancing operations rate in force on 1 January and 1 July.
    EcbMro,
    /// Deutsche Bundesbank Basiszinssatz (§ 247 BGB), set on 1 January and 1 July.
    Basiszins,
}

impl Series {
    pub const ALL: [Series; 3] = [Series::BoeReference, Series::EcbMro, Series::Basiszins];

    /// The series' word in the table and the store ("boe_reference", "ecb_mro", "basiszins").
    pub fn word(self) -> &'static str {
        match self {
            Series::BoeReference => "boe_reference",
            Series::EcbMro => "ecb_mro",
            Series::Basiszins => "basiszins",
        }
    }

    /// The rate's name for people (used in error messages).
    pub fn name(self) -> &'static str {
        match self {
            Series::BoeReference => "Bank of England base rate",
            Series::EcbMro => "ECB main refinancing rate",
            Series::Basiszins => "Bundesbank base rate (Basiszinssatz)",
        }
    }

    /// The reference day of the half-year that contains `day`: for the Bank
    /// of England the 31 December or 30 June just before that half-year;
    /// for the others its first day.
    pub fn reference_day(self, day: NaiveDate) -> NaiveDate {
        let first_half = day.month() <= 6;
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(day);
        match (self, first_half) {
            (Series::BoeReference, true) => ymd(day.year() - 1, 12, 31),
            (Series::BoeReference, false) => ymd(day.year(), 6, 30),
            (_, true) => ymd(day.year(), 1, 1),
            (_, false) => ymd(day.year(), 7, 1),
        }
    }

    /// The first and last day of the half-year whose reference day is `reference`.
    pub fn half_year(self, reference: NaiveDate) -> (NaiveDate, NaiveDate) {
        let first = match self {
            Series::BoeReference => reference.succ_opt().unwrap_or(reference),
            _ => reference,
        };
        let last = match self {
            Series::BoeReference => next_reference(reference),
            _ => next_reference(reference).pred_opt().unwrap_or(reference),
        };
        (first, last)
    }
}

/// One value of a series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateEntry {
    pub series: Series,
    /// The reference day (see `Series::reference_day`).
    pub on: NaiveDate,
    /// The rate in basis points (hundredths of a percentage point): 3.75 % is 375.
    pub bp: i32,
    /// The publisher's page, or what the user named as the source.
    pub source: String,
    /// True for a rate the user entered (past the shipped table's end).
    pub entered: bool,
}

/// A published rate the user entered for a half-year after the shipped table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddedRate {
    pub series: Series,
    /// The first day of the half-year the rate is for.
    pub from: NaiveDate,
    /// Basis points.
    pub bp: i32,
    pub source: String,
}

/// The parsed table.
#[derive(Clone, Debug)]
pub struct RateTable {
    pub last_updated: NaiveDate,
    entries: Vec<RateEntry>,
}

impl RateTable {
    /// The table compiled into this build.
    pub fn shipped() -> Result<&'static RateTable, InterestError> {
        static TABLE: OnceLock<Result<RateTable, InterestError>> = OnceLock::new();
        TABLE.get_or_init(|| RateTable::parse(SHIPPED)).as_ref().map_err(Clone::clone)
    }

    /// Reads a table in the `rates.csv` format and checks that every series
    /// has every half-year between its first and last value, in order.
    pub fn parse(text: &str) -> Result<RateTable, InterestError> {
        let bad = |line: usize, reason: &str| InterestError::TableInvalid { line, reason: reason.to_string() };
        let mut last_updated = None;
        let mut entries: Vec<RateEntry> = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.trim();
            if raw.is_empty() || raw.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = raw.split(',').map(str::trim).collect();
            match cells.as_slice() {
                ["last_updated", date] => last_updated = Some(parse_date(date).ok_or_else(|| bad(line, "bad date"))?),
                ["rate", series, date, percent, source] => {
                    let series = Series::ALL
                        .into_iter()
                        .find(|s| s.word() == *series)
                        .ok_or_else(|| bad(line, "unknown series"))?;
                    let on = parse_date(date).ok_or_else(|| bad(line, "bad date"))?;
                    if series.reference_day(series.half_year(on).0) != on {
                        return Err(bad(line, "not a reference day of its series"));
                    }
                    let bp = parse_percent(percent).ok_or_else(|| bad(line, "bad percent (two decimals)"))?;
                    if !source.starts_with("https://") {
                        return Err(bad(line, "source must be the publisher's https page"));
                    }
                    if let Some(prev) = entries.iter().rev().find(|e| e.series == series) {
                        if next_reference(prev.on) != on {
                            return Err(bad(line, "half-year missing or out of order"));
                        }
                    }
                    entries.push(RateEntry { series, on, bp, source: (*source).to_string(), entered: false });
                }
                _ => return Err(bad(line, "unknown row")),
            }
        }
        let last_updated = last_updated.ok_or_else(|| bad(0, "no last_updated row"))?;
        for s in Series::ALL {
            if !entries.iter().any(|e| e.series == s) {
                return Err(bad(0, "a series has no value"));
            }
        }
        Ok(RateTable { last_updated, entries })
    }

    /// The value of `series` for the half-year containing `day`.
    pub fn rate_for_day(&self, series: Series, day: NaiveDate) -> Result<&RateEntry, InterestError> {
        let reference = series.reference_day(day);
        if let Some(e) = self.entries.iter().find(|e| e.series == series && e.on == reference) {
            return Ok(e);
        }
        let (starts, ends) = self.coverage(series);
        Err(InterestError::RateUnknown { series: series.name(), day, starts, ends, updated: self.last_updated })
    }

    /// The first and last day whose rate the table holds for `series`
    /// without a gap (a rate the user entered for a later half-year, with a
    /// half-year missing before it, does not extend the coverage).
    pub fn coverage(&self, series: Series) -> (NaiveDate, NaiveDate) {
        let mut it = self.entries.iter().filter(|e| e.series == series);
        let Some(first) = it.next() else { return (self.last_updated, self.last_updated) };
        let mut last = first.on;
        for e in it {
            if next_reference(last) != e.on {
                break;
            }
            last = e.on;
        }
        (series.half_year(first.on).0, series.half_year(last).1)
    }

    /// The last day the shipped rows cover for `series` (the user's rows left out).
    pub fn shipped_end(&self, series: Series) -> NaiveDate {
        let last = self.entries.iter().rev().find(|e| e.series == series && !e.entered);
        last.map(|e| series.half_year(e.on).1).unwrap_or(self.last_updated)
    }

    /// Checks a rate the user wants to add against this table: its day must
    /// start a half-year of its series, after the shipped rows' end.
    pub fn check_added(&self, rate: &AddedRate) -> Result<(), InterestError> {
        let series = rate.series;
        if series.half_year(series.reference_day(rate.from)).0 != rate.from {
            return Err(InterestError::RateDayInvalid { from: rate.from });
        }
        let ends = self.shipped_end(series);
        if rate.from <= ends {
            return Err(InterestError::RateCovered { series: series.name(), from: rate.from, ends });
        }
        Ok(())
    }

    /// This table extended by the user's rates: each one for a half-year
    /// strictly after the shipped rows of its series. A user's rate the
    /// shipped table has since come to cover (Kindly was updated) is left
    /// out: the shipped rate wins. Rows that are not a half-year's first day
    /// are left out too (the store refuses them).
    pub fn with_added(&self, added: &[AddedRate]) -> RateTable {
        let mut out = self.clone();
        for a in added {
            if self.check_added(a).is_err() {
                continue;
            }
            let on = a.series.reference_day(a.from);
            if out.entries.iter().any(|e| e.series == a.series && e.on == on) {
                continue;
            }
            out.entries.push(RateEntry { series: a.series, on, bp: a.bp, source: a.source.clone(), entered: true });
        }
        // Stable: each series stays in day order.
        out.entries.sort_by_key(|e| (Series::ALL.iter().position(|s| *s == e.series), e.on));
        out
    }

    /// Every value, for a listing.
    pub fn entries(&self) -> &[RateEntry] {
        &self.entries
    }
}

/// The reference day of the next half-year after `reference`.
fn next_reference(reference: NaiveDate) -> NaiveDate {
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(reference);
    match reference.month() {
        12 => ymd(reference.year() + 1, 6, 30),
        6 => ymd(reference.year(), 12, 31),
        1 => ymd(reference.year(), 7, 1),
        _ => ymd(reference.year() + 1, 1, 1),
    }
}

/// A rate as the user types it, in percent: "2.15", "2,15", "2.1", "2" or
/// "0" (with or without a trailing "%"), at most two decimals, 0 to 100 %.
/// Returns basis points, exactly (no floats).
pub fn parse_user_percent(text: &str) -> Result<i32, InterestError> {
    let bad = |reason: &'static str| InterestError::RateInvalid { text: text.trim().to_string(), reason };
    let s = text.trim();
    let s = s.strip_suffix('%').unwrap_or(s).trim_end();
    if s.is_empty() {
        return Err(bad("it is empty"));
    }
    // Reference rates can be below zero: the Basiszinssatz was from 2013
    // to 2022 (-0.88 % at its lowest), the ECB's deposit rate too.
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    let (int, frac) = match s.split_once(['.', ',']) {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return Err(bad("it is not a number"));
    }
    if frac.len() > 2 {
        return Err(bad("published rates have at most two decimals"));
    }
    if int.len() > 3 {
        return Err(bad("it is above 100 %"));
    }
    let int: i32 = int.parse().map_err(|_| bad("it is not a number"))?;
    let frac: i32 =
        if frac.is_empty() { 0 } else { format!("{frac:0<2}").parse().map_err(|_| bad("it is not a number"))? };
    let bp = if negative { -(int * 100 + frac) } else { int * 100 + frac };
    if bp > 10_000 {
        return Err(bad("it is above 100 %"));
    }
    if bp < -1_000 {
        return Err(bad("it is below -10 %"));
    }
    Ok(bp)
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// "3.75" → 375, "-0.88" → -88; exactly two decimals.
fn parse_percent(s: &str) -> Option<i32> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.')?;
    if int.is_empty() || frac.len() != 2 || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v = int.parse::<i32>().ok()?.checked_mul(100)?.checked_add(frac.parse::<i32>().ok()?)?;
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn the_shipped_table_parses_and_has_every_half_year() {
        let t = RateTable::shipped().unwrap();
        assert_eq!(t.last_updated, d("2026-02-05"));
        assert_eq!(t.coverage(Series::BoeReference), (d("2019-01-01"), d("2026-06-30")));
        assert_eq!(t.coverage(Series::EcbMro), (d("2019-01-01"), d("2026-06-30")));
        assert_eq!(t.coverage(Series::Basiszins), (d("2019-01-01"), d("2026-06-30")));
    }

    /// The published values the tests rely on (sources in rates.csv).
    #[test]
    fn known_values() {
        let t = RateTable::shipped().unwrap();
        let cases = [
            (Series::BoeReference, "2024-03-01", 525),
            (Series::BoeReference, "2025-01-01", 475),
            (Series::BoeReference, "2025-07-01", 425),
            (Series::BoeReference, "2026-06-30", 375),
            (Series::BoeReference, "2022-12-31", 125),
            (Series::EcbMro, "2025-01-01", 315),
            (Series::EcbMro, "2025-12-31", 215),
            (Series::Basiszins, "2016-07-01", -1),
            (Series::Basiszins, "2022-06-30", -88),
            (Series::Basiszins, "2023-01-01", 162),
            (Series::Basiszins, "2024-12-31", 337),
            (Series::Basiszins, "2026-01-01", 127),
        ];
        for (s, day, bp) in cases {
            match t.rate_for_day(s, d(day)) {
                Ok(e) => assert_eq!(e.bp, bp, "{s:?} {day}"),
                Err(_) => assert_eq!(bp, -1, "{s:?} {day}"),
            }
        }
    }

    #[test]
    fn a_day_after_the_table_is_a_named_error() {
        let t = RateTable::shipped().unwrap();
        let e = t.rate_for_day(Series::Basiszins, d("2026-07-01")).unwrap_err();
        assert!(e.to_string().contains("30 June 2026"), "{e}");
        assert!(e.to_string().contains("update Kindly"), "{e}");
    }

    #[test]
    fn reference_days() {
        assert_eq!(Series::BoeReference.reference_day(d("2025-01-01")), d("2024-12-31"));
        assert_eq!(Series::BoeReference.reference_day(d("2025-06-30")), d("2024-12-31"));
        assert_eq!(Series::BoeReference.reference_day(d("2025-07-01")), d("2025-06-30"));
        assert_eq!(Series::EcbMro.reference_day(d("2025-12-31")), d("2025-07-01"));
        assert_eq!(Series::Basiszins.half_year(d("2025-07-01")), (d("2025-07-01"), d("2025-12-31")));
        assert_eq!(Series::BoeReference.half_year(d("2024-12-31")), (d("2025-01-01"), d("2025-06-30")));
    }

    #[test]
    fn broken_tables_are_refused() {
        let head = "last_updated,2026-01-01\n";
        let ok = "rate,ecb_mro,2025-01-01,3.15,https://x\nrate,boe_reference,2024-12-31,4.75,https://x\nrate,basiszins,2025-01-01,2.27,https://x\n";
        assert!(RateTable::parse(&format!("{head}{ok}")).is_ok());
        for bad in [
            "rate,ecb_mro,2025-02-01,3.15,https://x\n",
            "rate,ecb_mro,2025-01-01,3.1,https://x\n",
            "rate,ecb_mro,2025-01-01,3.15,http://x\n",
            "rate,ecb_mro,2025-01-01,3.15,https://x\nrate,ecb_mro,2026-01-01,3.15,https://x\n",
            "rate,fed,2025-01-01,3.15,https://x\n",
        ] {
            assert!(RateTable::parse(&format!("{head}{bad}{ok}")).is_err(), "{bad}");
        }
        assert!(RateTable::parse(ok).is_err());
    }

    fn added(series: Series, from: &str, bp: i32) -> AddedRate {
        AddedRate { series, from: d(from), bp, source: "https://example.test/rate".into() }
    }

    #[test]
    fn user_rates_extend_the_table_only_after_its_end() {
        let t = RateTable::shipped().unwrap();
        let after = added(Series::Basiszins, "2026-07-01", 150);
        assert_eq!(t.check_added(&after), Ok(()));
        let covered = t.check_added(&added(Series::Basiszins, "2026-01-01", 150)).unwrap_err();
        assert_eq!(covered.code(), kindly_core::ErrorCode::InterestRateCovered);
        let mid = t.check_added(&added(Series::Basiszins, "2026-08-01", 150)).unwrap_err();
        assert_eq!(mid.code(), kindly_core::ErrorCode::InvalidDate);
        // BoE: the half-year starts on 1 July (its reference day is 30 June).
        assert_eq!(t.check_added(&added(Series::BoeReference, "2026-07-01", 400)), Ok(()));
        let m = t.with_added(&[after.clone(), added(Series::Basiszins, "2026-01-01", 999)]);
        let e = m.rate_for_day(Series::Basiszins, d("2026-12-31")).unwrap();
        assert_eq!((e.bp, e.entered), (150, true));
        assert_eq!(m.rate_for_day(Series::Basiszins, d("2026-03-01")).unwrap().bp, 127, "shipped wins");
        assert_eq!(m.coverage(Series::Basiszins).1, d("2026-12-31"));
        assert_eq!(m.shipped_end(Series::Basiszins), d("2026-06-30"));
        // A gap: 2027 H1 entered, 2026 H2 not → coverage stays, the gap is unknown.
        let g = t.with_added(&[added(Series::EcbMro, "2027-01-01", 200)]);
        assert_eq!(g.coverage(Series::EcbMro).1, d("2026-06-30"));
        assert!(g.rate_for_day(Series::EcbMro, d("2026-09-01")).is_err());
        assert_eq!(g.rate_for_day(Series::EcbMro, d("2027-02-01")).unwrap().bp, 200);
    }

    #[test]
    fn user_percents_are_exact_and_bounded() {
        assert_eq!(parse_user_percent("2.15"), Ok(215));
        assert_eq!(parse_user_percent(" 2,1 % "), Ok(210));
        assert_eq!(parse_user_percent("2"), Ok(200));
        assert_eq!(parse_user_percent("0"), Ok(0));
        assert_eq!(parse_user_percent("100"), Ok(10_000));
        // The Basiszinssatz of the first half of 2020, as published.
        assert_eq!(parse_user_percent("-0,88 %"), Ok(-88));
        assert_eq!(parse_user_percent("-10"), Ok(-1_000));
        for bad in ["abc", "-10.01", "--1", "-", "2.155", "100.01", "150", "", "1e2", ".5", "2.1.1"] {
            let e = parse_user_percent(bad).unwrap_err();
            assert_eq!(e.code(), kindly_core::ErrorCode::InterestRateInvalid, "{bad}");
        }
    }

    #[test]
    fn percents() {
        assert_eq!(parse_percent("-0.88"), Some(-88));
        assert_eq!(parse_percent("12.15"), Some(1215));
        assert_eq!(parse_percent("0.00"), Some(0));
        assert_eq!(parse_percent("1.5"), None);
        assert_eq!(parse_percent("a.bc"), None);
    }
}

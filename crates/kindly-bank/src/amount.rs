//! Exact amounts and dates as banks write them: decimal text into minor units
//! (never through a float; shared with kindly-csv), and the date forms the
//! formats use.

use chrono::NaiveDate;
pub(crate) use kindly_csv::date::parse_iso_date;
pub(crate) use kindly_csv::number::parse_minor;

/// YYMMDD as MT940 writes it: years 80–99 are 1980–1999, the rest 20xx.
pub(crate) fn parse_yymmdd(s: &str) -> Option<NaiveDate> {
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let yy: i32 = s[..2].parse().ok()?;
    let year = if yy >= 80 { 1900 + yy } else { 2000 + yy };
    NaiveDate::from_ymd_opt(year, s[2..4].parse().ok()?, s[4..6].parse().ok()?)
}

/// YYYYMMDD as OFX writes it (followed by an optional time, ignored).
pub(crate) fn parse_yyyymmdd(s: &str) -> Option<NaiveDate> {
    let d = s.trim().get(..8)?;
    if !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(d[..4].parse().ok()?, d[4..6].parse().ok()?, d[6..8].parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_yymmdd("991231"), NaiveDate::from_ymd_opt(1999, 12, 31));
        assert_eq!(parse_yymmdd("240229"), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(parse_yyyymmdd("20240301120000.000[-5:EST]"), NaiveDate::from_ymd_opt(2024, 3, 1));
    }
}

//! Calendar dates as files write them, in the formats Kindly reads.

use chrono::NaiveDate;

kindly_core::vocabulary! {
    /// How a file writes its dates.
    pub enum DateFormat {
        /// 2024-03-31
        Iso = "iso",
        /// 31.03.2024
        DayMonthYearDots = "day_month_year_dots",
        /// 31.03.24
        DayMonthShortYearDots = "day_month_short_year_dots",
        /// 03/31/2024
        MonthDayYearSlash = "month_day_year_slash",
        /// 31/03/2024
        DayMonthYearSlash = "day_month_year_slash",
    }
}

impl DateFormat {
    pub const ALL: [DateFormat; 5] = [
        DateFormat::Iso,
        DateFormat::DayMonthYearDots,
        DateFormat::DayMonthShortYearDots,
        DateFormat::MonthDayYearSlash,
        DateFormat::DayMonthYearSlash,
    ];

    /// The pattern as people read it ("DD.MM.YYYY").
    pub fn label(self) -> &'static str {
        match self {
            DateFormat::Iso => "YYYY-MM-DD",
            DateFormat::DayMonthYearDots => "DD.MM.YYYY",
            DateFormat::DayMonthShortYearDots => "DD.MM.YY",
            DateFormat::MonthDayYearSlash => "MM/DD/YYYY",
            DateFormat::DayMonthYearSlash => "DD/MM/YYYY",
        }
    }

    /// The date `s` written in this format, if it is one.
    pub fn read(self, s: &str) -> Option<NaiveDate> {
        let t = s.trim();
        let parts = |sep: char| -> Option<(u32, u32, i32, usize)> {
            let mut it = t.split(sep);
            let (a, b, c) = (it.next()?, it.next()?, it.next()?);
            if it.next().is_some() || !(1..=2).contains(&a.len()) || !(1..=2).contains(&b.len()) {
                return None;
            }
            if ![a, b, c].iter().all(|p| !p.is_empty() && p.bytes().all(|x| x.is_ascii_digit())) {
                return None;
            }
            Some((a.parse().ok()?, b.parse().ok()?, c.parse().ok()?, c.len()))
        };
        match self {
            DateFormat::Iso => {
                if t.len() == 10 {
                    parse_iso_date(t)
                } else {
                    None
                }
            }
            DateFormat::DayMonthYearDots => {
                let (d, m, y, yl) = parts('.')?;
                (yl == 4).then(|| NaiveDate::from_ymd_opt(y, m, d)).flatten()
            }
            DateFormat::DayMonthShortYearDots => {
                let (d, m, y, yl) = parts('.')?;
                (yl == 2).then(|| NaiveDate::from_ymd_opt(2000 + y, m, d)).flatten()
            }
            DateFormat::MonthDayYearSlash => {
                let (m, d, y, yl) = parts('/')?;
                (yl == 4).then(|| NaiveDate::from_ymd_opt(y, m, d)).flatten()
            }
            DateFormat::DayMonthYearSlash => {
                let (d, m, y, yl) = parts('/')?;
                (yl == 4).then(|| NaiveDate::from_ymd_opt(y, m, d)).flatten()
            }
        }
    }
}

/// "2024-03-01", also the date part of a date-time ("2024-03-01T10:00:00+01:00").
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    let d = t.get(..10)?;
    if t.len() > 10 && !t[10..].starts_with(['T', ' ', 'Z', '+', '-']) {
        return None;
    }
    NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()
}

/// The formats every one of `dates` fits (all of them when `dates` is empty).
pub fn candidates(dates: &[&str]) -> Vec<DateFormat> {
    DateFormat::ALL.into_iter().filter(|f| dates.iter().all(|d| f.read(d).is_some())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_are_strict() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(DateFormat::Iso.read("2024-03-31"), d(2024, 3, 31));
        assert_eq!(DateFormat::DayMonthYearDots.read("31.03.2024"), d(2024, 3, 31));
        assert_eq!(DateFormat::DayMonthYearDots.read("31.03.24"), None);
        assert_eq!(DateFormat::DayMonthShortYearDots.read("31.03.24"), d(2024, 3, 31));
        assert_eq!(DateFormat::MonthDayYearSlash.read("03/31/2024"), d(2024, 3, 31));
        assert_eq!(DateFormat::DayMonthYearSlash.read("03/31/2024"), None);
        assert_eq!(DateFormat::Iso.read("2024-3-1"), None);
        assert_eq!(parse_iso_date("2024-03-01T10:00:00+01:00"), d(2024, 3, 1));
        assert_eq!(parse_iso_date("2024-02-30"), None);
        assert_eq!(candidates(&["01/02/2024"]), vec![DateFormat::MonthDayYearSlash, DateFormat::DayMonthYearSlash]);
    }
}

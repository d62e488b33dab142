//! Exact amounts and dates as banks write them: decimal text into minor units
//! (never through a float), and the date forms the formats use.

use chrono::NaiveDate;
use kindly_core::money::MAX_MINOR;

/// Parses a decimal amount into signed minor units with `exponent` decimals.
///
/// `decimal` is the decimal separator. With `grouping`, the other of `.`/`,`
/// and spaces or `'` may separate thousands, but only in groups of three
/// ("1.234,56"), so "12,50" read with a decimal point is refused rather than
/// read as 1250. A sign may lead ("-12.00", "+5") or trail ("12,00-", as some
/// German exports write debits). More decimals than the currency has are
/// accepted only when they are zeros ("12.500" EUR); otherwise refused.
pub(crate) fn parse_minor(s: &str, decimal: char, exponent: u8, grouping: bool) -> Option<i64> {
    let mut t = s.trim();
    let mut negative = false;
    if let Some(rest) = t.strip_prefix('-').or_else(|| t.strip_prefix('\u{2212}')) {
        negative = true;
        t = rest.trim_start();
    } else if let Some(rest) = t.strip_prefix('+') {
        t = rest.trim_start();
    } else if let Some(rest) = t.strip_suffix('-') {
        negative = true;
        t = rest.trim_end();
    }
    let (int, frac) = match t.find(decimal) {
        Some(i) => (&t[..i], &t[i + decimal.len_utf8()..]),
        None => (t, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let group_chars: &[char] =
        if decimal == ',' { &['.', ' ', '\u{a0}', '\u{202f}', '\''] } else { &[',', ' ', '\u{a0}', '\u{202f}', '\''] };
    let mut value: i128 = 0;
    if grouping && int.contains(group_chars) {
        for (i, group) in int.split(group_chars).enumerate() {
            let ok_len = if i == 0 { (1..=3).contains(&group.len()) } else { group.len() == 3 };
            if !ok_len || !group.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            for b in group.bytes() {
                value = value * 10 + i128::from(b - b'0');
                if value > i128::from(MAX_MINOR) {
                    return None;
                }
            }
        }
    } else {
        if !int.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        for b in int.bytes() {
            value = value * 10 + i128::from(b - b'0');
            if value > i128::from(MAX_MINOR) {
                return None;
            }
        }
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let exp = usize::from(exponent);
    let (kept, extra) = if frac.len() > exp { frac.split_at(exp) } else { (frac, "") };
    if !extra.bytes().all(|b| b == b'0') {
        return None;
    }
    for i in 0..exp {
        let d = kept.as_bytes().get(i).map_or(0, |b| b - b'0');
        value = value * 10 + i128::from(d);
    }
    if value > i128::from(MAX_MINOR) {
        return None;
    }
    let v = value as i64;
    Some(if negative { -v } else { v })
}

/// "2024-03-01", also the date part of a date-time ("2024-03-01T10:00:00+01:00").
pub(crate) fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    let d = t.get(..10)?;
    if t.len() > 10 && !t[10..].starts_with(['T', ' ', 'Z', '+', '-']) {
        return None;
    }
    NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()
}

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
    fn amounts_are_exact_and_strict() {
        assert_eq!(parse_minor("1234.56", '.', 2, false), Some(123456));
        assert_eq!(parse_minor("1234,5", ',', 2, false), Some(123450));
        assert_eq!(parse_minor("1234,", ',', 2, false), Some(123400));
        assert_eq!(parse_minor("1.234,56", ',', 2, true), Some(123456));
        assert_eq!(parse_minor("1,234.56", '.', 2, true), Some(123456));
        assert_eq!(parse_minor("-1 234,56", ',', 2, true), Some(-123456));
        assert_eq!(parse_minor("12,00-", ',', 2, true), Some(-1200));
        assert_eq!(parse_minor("12.500", '.', 2, false), Some(1250));
        assert_eq!(parse_minor("1500", '.', 0, false), Some(1500));
        assert_eq!(parse_minor("12,50", '.', 2, true), None);
        assert_eq!(parse_minor("12.505", '.', 2, false), None);
        assert_eq!(parse_minor("1e5", '.', 2, false), None);
        assert_eq!(parse_minor("", '.', 2, false), None);
        assert_eq!(parse_minor("-", '.', 2, false), None);
        assert_eq!(parse_minor("99999999999999999999999", '.', 2, false), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_iso_date("2024-03-01T10:00:00+01:00"), NaiveDate::from_ymd_opt(2024, 3, 1));
        assert_eq!(parse_iso_date("2024-02-30"), None);
        assert_eq!(parse_yymmdd("991231"), NaiveDate::from_ymd_opt(1999, 12, 31));
        assert_eq!(parse_yymmdd("240229"), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(parse_yyyymmdd("20240301120000.000[-5:EST]"), NaiveDate::from_ymd_opt(2024, 3, 1));
    }
}

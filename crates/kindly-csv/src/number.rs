//! Exact amounts as files write them: decimal text into minor units (never
//! through a float), with either decimal separator, thousands grouping,
//! leading or trailing signs; and reading the separator from the values.

use kindly_core::money::MAX_MINOR;

kindly_core::vocabulary! {
    /// The decimal separator of a file's amounts.
    pub enum DecimalSeparator {
        /// "1,234.56"
        Point = "point",
        /// "1.234,56"
        Comma = "comma",
    }
}

impl DecimalSeparator {
    pub fn char(self) -> char {
        match self {
            DecimalSeparator::Point => '.',
            DecimalSeparator::Comma => ',',
        }
    }

    pub fn other(self) -> DecimalSeparator {
        match self {
            DecimalSeparator::Point => DecimalSeparator::Comma,
            DecimalSeparator::Comma => DecimalSeparator::Point,
        }
    }
}

/// Parses a decimal amount into signed minor units with `exponent` decimals.
///
/// `decimal` is the decimal separator. With `grouping`, the other of `.`/`,`
/// and spaces or `'` may separate thousands, but only in groups of three
/// ("1.234,56"), so "12,50" read with a decimal point is refused rather than
/// read as 1250. A sign may lead ("-12.00", "+5") or trail ("12,00-", as some
/// German exports write debits). More decimals than the currency has are
/// accepted only when they are zeros ("12.500" EUR); otherwise refused.
pub fn parse_minor(s: &str, decimal: char, exponent: u8, grouping: bool) -> Option<i64> {
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

/// What the amounts of a column say about their decimal separator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalGuess {
    Sure(DecimalSeparator),
    /// No value tells (all integers).
    Either,
    /// A value like "1,234" fits both and none decides.
    Ambiguous,
}

/// Reads the decimal separator from amounts ("1.234,56" is a comma,
/// "1,234.56" a point; "1,234" alone is ambiguous).
pub fn detect_decimal(values: &[&str]) -> DecimalGuess {
    let (mut point, mut comma) = (true, true);
    let mut ambiguous = false;
    for v in values {
        let v = clean_amount(v);
        let (p, c) = (v.matches('.').count(), v.matches(',').count());
        match (p, c) {
            (0, 0) => {}
            (_, 0) => {
                let after = v.rsplit('.').next().map_or(0, str::len);
                if p > 1 {
                    point = false;
                } else if after == 3 {
                    ambiguous = true;
                } else {
                    comma = false;
                }
            }
            (0, _) => {
                let after = v.rsplit(',').next().map_or(0, str::len);
                if c > 1 {
                    comma = false;
                } else if after == 3 {
                    ambiguous = true;
                } else {
                    point = false;
                }
            }
            _ => {
                if v.rfind('.') > v.rfind(',') {
                    comma = false;
                } else {
                    point = false;
                }
            }
        }
    }
    match (point, comma) {
        (true, false) => DecimalGuess::Sure(DecimalSeparator::Point),
        (false, true) => DecimalGuess::Sure(DecimalSeparator::Comma),
        (true, true) if !ambiguous => DecimalGuess::Either,
        _ => DecimalGuess::Ambiguous,
    }
}

/// Drops currency signs and codes around an amount ("12,50 €", "EUR 12.50").
pub fn clean_amount(s: &str) -> String {
    let t = s.trim().trim_matches(|c: char| matches!(c, '€' | '$' | '£' | '¥') || c.is_whitespace());
    let t = t.trim_start_matches(|c: char| c.is_ascii_uppercase()).trim_end_matches(|c: char| c.is_ascii_uppercase());
    t.trim().to_string()
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
    fn decimal_separator_is_read_from_values() {
        assert_eq!(detect_decimal(&["1.234,56", "12"]), DecimalGuess::Sure(DecimalSeparator::Comma));
        assert_eq!(detect_decimal(&["1,234.56"]), DecimalGuess::Sure(DecimalSeparator::Point));
        assert_eq!(detect_decimal(&["-12,5"]), DecimalGuess::Sure(DecimalSeparator::Comma));
        assert_eq!(detect_decimal(&["1,234"]), DecimalGuess::Ambiguous);
        assert_eq!(detect_decimal(&["1,234", "5,50"]), DecimalGuess::Sure(DecimalSeparator::Comma));
        assert_eq!(detect_decimal(&["12", "7"]), DecimalGuess::Either);
    }
}

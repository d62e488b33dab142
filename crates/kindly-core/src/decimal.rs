//! Exact decimal parsing and rounding on integers.
//!
//! Amounts, quantities and tax rates arrive as text typed by a person ("1,234.50",
//! "1.234,50", "7.7") and become scaled integers here. No float is involved, so
//! "0.1 + 0.2" is exactly "0.3".

/// Why a decimal text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecimalError {
    Empty,
    NotANumber,
    Negative,
    TooManyDecimals,
    TooLarge,
    /// "1,234" or "12.345" in a currency with fewer than 3 decimals: a
    /// thousands separator or a decimal point? Refused rather than guessed.
    Ambiguous,
}

/// Parses a non-negative decimal into an integer scaled by `10^scale`.
///
/// Accepted forms: `1234`, `1234.5`, `1234,5`, `1,234.50`, `1.234,50`,
/// `1 234,50` and `1'234.50`. The rule for separators: when both `.` and `,`
/// occur, the last one is the decimal separator and the other groups thousands;
/// when one kind occurs several times it groups thousands ("1,234,567");
/// when it occurs once it is the decimal separator, except that a single
/// separator followed by exactly three digits with a scale below 3 ("1,234",
/// "12.345" in EUR) is refused as ambiguous rather than guessed.
/// The result must be at most `max`.
pub fn parse_scaled(input: &str, scale: u8, max: i128) -> Result<i128, DecimalError> {
    let s: String = input.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')).collect();
    if s.is_empty() {
        return Err(DecimalError::Empty);
    }
    let s = match s.strip_prefix('+') {
        Some(rest) => rest.to_string(),
        None => s,
    };
    if s.starts_with('-') || s.starts_with('\u{2212}') {
        // Only call it negative if the rest is a number; "-abc" is not a number.
        let rest = s.trim_start_matches(['-', '\u{2212}']);
        return match parse_scaled(rest, scale, i128::MAX) {
            Ok(0) | Err(_) if rest.is_empty() => Err(DecimalError::NotANumber),
            Ok(_) => Err(DecimalError::Negative),
            Err(e) => Err(e),
        };
    }
    if !s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(DecimalError::NotANumber);
    }
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    let decimal_sep = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) => single_kind_separator(&s, '.', scale)?,
        (None, Some(_)) => single_kind_separator(&s, ',', scale)?,
        (None, None) => None,
    };
    let (int_part, frac_part) = match decimal_sep {
        Some(sep) => {
            let pos = s.rfind(sep).unwrap_or(s.len());
            (&s[..pos], &s[pos + 1..])
        }
        None => (s.as_str(), ""),
    };
    // Grouping separators: every group after the first must have 3 digits.
    let groups: Vec<&str> = int_part.split(['.', ',']).collect();
    if groups.len() > 1 && (groups[0].is_empty() || groups[1..].iter().any(|g| g.len() != 3)) {
        return Err(DecimalError::NotANumber);
    }
    let digits: String = groups.concat();
    if digits.is_empty() && frac_part.is_empty() {
        return Err(DecimalError::NotANumber);
    }
    if frac_part.contains(['.', ',']) || (decimal_sep.is_some() && frac_part.is_empty()) {
        return Err(DecimalError::NotANumber);
    }
    let frac_trimmed = frac_part.trim_end_matches('0');
    if frac_trimmed.len() > scale as usize {
        return Err(DecimalError::TooManyDecimals);
    }
    // 30 significant digits is far beyond any max we use; refuse before overflow.
    let significant = digits.trim_start_matches('0');
    if significant.len() > 30 {
        return Err(DecimalError::TooLarge);
    }
    let mut value: i128 = 0;
    for c in significant.chars().chain(frac_trimmed.chars()) {
        value = value * 10 + i128::from(c as u8 - b'0');
    }
    for _ in frac_trimmed.len()..scale as usize {
        value = value.checked_mul(10).ok_or(DecimalError::TooLarge)?;
    }
    if value > max {
        return Err(DecimalError::TooLarge);
    }
    Ok(value)
}

fn single_kind_separator(s: &str, sep: char, scale: u8) -> Result<Option<char>, DecimalError> {
    let count = s.matches(sep).count();
    if count > 1 {
        return Ok(None); // "1,234,567": all grouping
    }
    let after = s.len() - s.rfind(sep).map_or(s.len(), |p| p + 1);
    if after == 3 && scale < 3 && !s.starts_with(sep) && !s.starts_with('0') {
        Err(DecimalError::Ambiguous)
    } else {
        Ok(Some(sep))
    }
}

/// Divides rounding half away from zero: the rule Kindly uses for every
/// rounding of money (line nets and tax), stated once here.
pub fn div_round_half_away(numerator: i128, denominator: i128) -> i128 {
    debug_assert!(denominator > 0);
    let q = numerator / denominator;
    let r = numerator % denominator;
    if 2 * r.abs() >= denominator {
        q + numerator.signum()
    } else {
        q
    }
}

/// Formats a scaled integer with `scale` decimals and no grouping, e.g.
/// `(123456, 2)` → `"1234.56"`. Used for machine-readable output and inputs.
pub fn format_scaled(value: i128, scale: u8) -> String {
    let neg = value < 0;
    let abs = value.unsigned_abs();
    let p = 10u128.pow(u32::from(scale));
    let int = abs / p;
    let frac = abs % p;
    let sign = if neg { "-" } else { "" };
    if scale == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = scale as usize)
    }
}

/// Like [`format_scaled`] but drops trailing zeros of the fraction ("1.500" → "1.5").
pub fn format_scaled_trimmed(value: i128, scale: u8) -> String {
    let s = format_scaled(value, scale);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_people_type() {
        let cases: &[(&str, u8, i128)] = &[
            ("0", 2, 0),
            ("12", 2, 1200),
            ("12.5", 2, 1250),
            ("12,5", 2, 1250),
            ("12.50", 2, 1250),
            ("1,234.56", 2, 123456),
            ("1.234,56", 2, 123456),
            ("1 234,56", 2, 123456),
            ("1'234.56", 2, 123456),
            ("1,234,567", 2, 123456700),
            ("0.100", 2, 10),
            ("1.234", 3, 1234),
            ("1500", 0, 1500),
            ("+7", 2, 700),
            (".5", 2, 50),
        ];
        for (input, scale, want) in cases {
            assert_eq!(parse_scaled(input, *scale, i128::MAX), Ok(*want), "{input}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_exact_amount() {
        let cases: &[(&str, u8, DecimalError)] = &[
            ("", 2, DecimalError::Empty),
            ("   ", 2, DecimalError::Empty),
            ("abc", 2, DecimalError::NotANumber),
            ("12a", 2, DecimalError::NotANumber),
            ("1e5", 2, DecimalError::NotANumber),
            ("-5", 2, DecimalError::Negative),
            ("-", 2, DecimalError::NotANumber),
            ("1.2.3", 2, DecimalError::NotANumber),
            ("1,23,4", 2, DecimalError::NotANumber),
            ("12.", 2, DecimalError::NotANumber),
            ("12.3456", 2, DecimalError::TooManyDecimals),
            ("12.345", 2, DecimalError::Ambiguous),
            ("1,234", 2, DecimalError::Ambiguous),
            ("1.234", 0, DecimalError::Ambiguous),
            ("12.5", 0, DecimalError::TooManyDecimals),
            ("NaN", 2, DecimalError::NotANumber),
            ("12345678901234567890123456789012", 2, DecimalError::TooLarge),
        ];
        for (input, scale, want) in cases {
            assert_eq!(parse_scaled(input, *scale, i128::MAX).as_ref(), Err(want), "{input}");
        }
        assert_eq!(parse_scaled("100", 2, 9999), Err(DecimalError::TooLarge));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(div_round_half_away(5, 10), 1);
        assert_eq!(div_round_half_away(4, 10), 0);
        assert_eq!(div_round_half_away(15, 10), 2);
        assert_eq!(div_round_half_away(-5, 10), -1);
        assert_eq!(div_round_half_away(-4, 10), 0);
        assert_eq!(div_round_half_away(1_000_000, 3), 333_333);
    }

    #[test]
    fn formats_scaled_values() {
        assert_eq!(format_scaled(123456, 2), "1234.56");
        assert_eq!(format_scaled(5, 2), "0.05");
        assert_eq!(format_scaled(-5, 3), "-0.005");
        assert_eq!(format_scaled(42, 0), "42");
        assert_eq!(format_scaled_trimmed(1500, 3), "1.5");
        assert_eq!(format_scaled_trimmed(2000, 3), "2");
    }
}

//! Invoice numbers from a pattern such as `INV-{YYYY}-{SEQ:4}`.
//!
//! Tokens: `{YYYY}` year, `{YY}` two-digit year, `{MM}` month, `{SEQ}` the
//! running number, `{SEQ:n}` zero-padded to n digits (1–9). `{SEQ}` is
//! required so that two invoices can never get the same number from it.

use crate::error::DomainError;
use chrono::{Datelike, NaiveDate};

pub const DEFAULT_PATTERN: &str = "INV-{YYYY}-{SEQ:4}";

/// Checks a pattern; returns it trimmed.
pub fn validate_pattern(pattern: &str) -> Result<String, DomainError> {
    let p = pattern.trim();
    if p.chars().any(char::is_control) || p.len() > 60 {
        return Err(DomainError::InvalidNumberPattern(p.chars().filter(|c| !c.is_control()).take(60).collect()));
    }
    // Render a sample to catch unknown tokens and missing {SEQ}.
    let sample = render(p, 1, NaiveDate::MIN)?;
    if !p.contains("{SEQ") || sample.is_empty() {
        return Err(DomainError::InvalidNumberPattern(p.to_string()));
    }
    Ok(p.to_string())
}

/// Renders the number for sequence `seq` on `date`.
pub fn render(pattern: &str, seq: i64, date: NaiveDate) -> Result<String, DomainError> {
    let bad = || DomainError::InvalidNumberPattern(pattern.to_string());
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').ok_or_else(bad)? + start;
        let token = &rest[start + 1..end];
        match token {
            "YYYY" => out.push_str(&format!("{:04}", date.year())),
            "YY" => out.push_str(&format!("{:02}", date.year().rem_euclid(100))),
            "MM" => out.push_str(&format!("{:02}", date.month())),
            "SEQ" => out.push_str(&seq.to_string()),
            t if t.starts_with("SEQ:") => {
                let width: usize = t[4..].parse().map_err(|_| bad())?;
                if !(1..=9).contains(&width) {
                    return Err(bad());
                }
                out.push_str(&format!("{seq:0width$}"));
            }
            _ => return Err(bad()),
        }
        rest = &rest[end + 1..];
    }
    if rest.contains('}') {
        return Err(bad());
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_tokens() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(render(DEFAULT_PATTERN, 7, d).unwrap(), "INV-2026-0007");
        assert_eq!(render("{YY}{MM}-{SEQ}", 12345, d).unwrap(), "2603-12345");
        assert_eq!(render("A{SEQ:2}", 123, d).unwrap(), "A123");
    }

    #[test]
    fn refuses_patterns_that_cannot_number_uniquely() {
        for p in ["INV-{YYYY}", "{SEQ:0}", "{SEQ:x}", "{FOO}{SEQ}", "{SEQ", "SEQ}", "a\n{SEQ}"] {
            assert_eq!(validate_pattern(p).unwrap_err().code(), "invalid_number_pattern", "{p}");
        }
        assert_eq!(validate_pattern(" F-{SEQ:5} ").unwrap(), "F-{SEQ:5}");
    }
}

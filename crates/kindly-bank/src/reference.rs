//! ISO 11649 structured creditor references ("RF" references).
//!
//! A reference is `RF`, two check digits and a body of 1 to 21 letters and
//! digits. The check digits follow ISO 7064 MOD 97-10: move `RF` plus the
//! check digits to the end, replace each letter by two digits (A = 10 …
//! Z = 35), and the number must leave remainder 1 when divided by 97.
//! Creating one: compute the remainder with `RF00` and take 98 minus it.
//!
//! Hand-written rather than taken from a crate: the whole rule is a few lines,
//! and searching free text for references printed in groups of four (which
//! no crate offers) needs the check inside the scanner anyway. See
//! docs/dependencies.md.

use kindly_core::ErrorCode;
use thiserror::Error;

/// The longest body ISO 11649 allows.
pub const MAX_BODY: usize = 21;

/// Why a text is not a valid creditor reference.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RefError {
    #[error("The reference is empty.")]
    Empty,
    #[error("A creditor reference starts with RF and two check digits.")]
    NotRf,
    #[error("A creditor reference holds only letters A–Z and digits.")]
    InvalidCharacter,
    #[error("A creditor reference has at most 21 characters after RF and the check digits.")]
    TooLong,
    #[error("The check digits do not match: the reference was mistyped.")]
    CheckDigits,
}

impl RefError {
    pub fn code(&self) -> ErrorCode {
        match self {
            RefError::Empty => ErrorCode::ReferenceEmpty,
            RefError::NotRf => ErrorCode::ReferenceNotRf,
            RefError::InvalidCharacter => ErrorCode::ReferenceInvalidCharacter,
            RefError::TooLong => ErrorCode::ReferenceTooLong,
            RefError::CheckDigits => ErrorCode::ReferenceCheckDigits,
        }
    }
}

/// Makes a creditor reference from an invoice's id or number: letters and
/// digits are kept (upper-cased), everything else (dashes, slashes, spaces)
/// dropped, e.g. "INV-2024/0012" → "RF…INV20240012".
pub fn creditor_reference(body: &str) -> Result<String, RefError> {
    let clean: String = body.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    if clean.is_empty() {
        return Err(if body.chars().any(|c| !c.is_whitespace()) {
            RefError::InvalidCharacter
        } else {
            RefError::Empty
        });
    }
    if clean.len() > MAX_BODY {
        return Err(RefError::TooLong);
    }
    let rem = mod97(clean.bytes().chain(*b"RF00"));
    Ok(format!("RF{:02}{clean}", 98 - rem))
}

/// Checks a reference as typed or printed ("rf18 5390 0754 7034") and returns
/// it in electronic form: upper case, no spaces ("RF18539007547034").
pub fn validate(s: &str) -> Result<String, RefError> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
    if compact.is_empty() {
        return Err(RefError::Empty);
    }
    let b = compact.as_bytes();
    if b.len() < 5 || !compact.starts_with("RF") || !b[2].is_ascii_digit() || !b[3].is_ascii_digit() {
        return Err(RefError::NotRf);
    }
    if !b[4..].iter().all(u8::is_ascii_alphanumeric) {
        return Err(RefError::InvalidCharacter);
    }
    if b.len() - 4 > MAX_BODY {
        return Err(RefError::TooLong);
    }
    if !check(&b[4..], b[2], b[3]) {
        return Err(RefError::CheckDigits);
    }
    Ok(compact)
}

/// Groups of four for printing: "RF18 5390 0754 7034".
pub fn format_grouped(rf: &str) -> String {
    let compact: Vec<char> = rf.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    for (i, c) in compact.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(*c);
    }
    out
}

/// Every valid creditor reference in free text, in order of appearance and
/// each once, normalised. Found in electronic form ("RF18539007547034") and
/// as printed in groups of four separated by single spaces
/// ("RF18 5390 0754 7034"); `RF` must start a word, and in the grouped form
/// the longest run of groups with valid check digits is taken, so text after
/// the reference ("RF18 5390 0754 7034 2024") is not swallowed. Lower case
/// is accepted, as payers type it.
pub fn find_in_text(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut found: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut i = 0;
    while i + 1 < b.len() {
        let at_word_start = i == 0 || !is_word_byte(b[i - 1]);
        if at_word_start && b[i].eq_ignore_ascii_case(&b'R') && b[i + 1].eq_ignore_ascii_case(&b'F') {
            if let Some((rf, end)) = reference_at(b, i) {
                if seen.insert(rf.clone()) {
                    found.push(rf);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Non-ASCII bytes count as word characters so "ÄRF18…" is not a start.
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// The reference starting at `start` ("RF" there), and where it ends.
fn reference_at(b: &[u8], start: usize) -> Option<(String, usize)> {
    let run_end = |from: usize| {
        let mut j = from;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        j
    };
    let first_end = run_end(start + 2);
    if b.get(first_end).is_some_and(|&c| c >= 0x80) {
        return None;
    }
    let run = &b[start + 2..first_end];
    if run.len() < 2 || !run[0].is_ascii_digit() || !run[1].is_ascii_digit() {
        return None;
    }
    let (d1, d2) = (run[0], run[1]);
    let mut body: Vec<u8> = Vec::with_capacity(MAX_BODY);
    if run.len() > 2 {
        // Electronic form: the whole run is the body.
        let rest = &run[2..];
        if rest.len() > MAX_BODY {
            return None;
        }
        body.extend(rest.iter().map(u8::to_ascii_uppercase));
        return check(&body, d1, d2).then(|| (compose(d1, d2, &body), first_end));
    }
    // Grouped form: single spaces, then groups of 1–4 characters.
    let mut best: Option<usize> = None;
    let mut pos = first_end;
    let mut best_end = first_end;
    while pos + 1 < b.len() && b[pos] == b' ' && b[pos + 1].is_ascii_alphanumeric() {
        let g_end = run_end(pos + 1);
        let g = &b[pos + 1..g_end];
        if g.len() > 4 || body.len() + g.len() > MAX_BODY || b.get(g_end).is_some_and(|&c| c >= 0x80) {
            break;
        }
        body.extend(g.iter().map(u8::to_ascii_uppercase));
        pos = g_end;
        if check(&body, d1, d2) {
            best = Some(body.len());
            best_end = pos;
        }
        if g.len() < 4 {
            // Only the last group may be short.
            break;
        }
    }
    let len = best?;
    Some((compose(d1, d2, &body[..len]), best_end))
}

fn compose(d1: u8, d2: u8, body: &[u8]) -> String {
    let mut s = String::with_capacity(4 + body.len());
    s.push_str("RF");
    s.push(char::from(d1));
    s.push(char::from(d2));
    s.extend(body.iter().map(|&c| char::from(c)));
    s
}

/// True when body + "RF" + check digits leaves remainder 1 modulo 97.
fn check(body: &[u8], d1: u8, d2: u8) -> bool {
    !body.is_empty() && mod97(body.iter().copied().chain([b'R', b'F', d1, d2])) == 1
}

/// ISO 7064 MOD 97-10 remainder over upper-case alphanumerics, letters as
/// 10–35, computed digit by digit so no big number is ever built.
fn mod97(chars: impl Iterator<Item = u8>) -> u32 {
    let mut r: u32 = 0;
    for c in chars {
        let c = c.to_ascii_uppercase();
        if c.is_ascii_digit() {
            r = (r * 10 + u32::from(c - b'0')) % 97;
        } else if c.is_ascii_uppercase() {
            let v = u32::from(c - b'A') + 10;
            r = (r * 100 + v) % 97;
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples_are_valid() {
        assert_eq!(validate("RF18539007547034").unwrap(), "RF18539007547034");
        assert_eq!(validate("RF18000000000539007547034").unwrap(), "RF18000000000539007547034");
        assert_eq!(validate("rf18 5390 0754 7034").unwrap(), "RF18539007547034");
        assert_eq!(validate("RF71 2348 231").unwrap(), "RF712348231");
    }

    #[test]
    fn bad_references_are_refused_by_cause() {
        assert_eq!(validate("").unwrap_err(), RefError::Empty);
        assert_eq!(validate("XX18539007547034").unwrap_err(), RefError::NotRf);
        assert_eq!(validate("RF1").unwrap_err(), RefError::NotRf);
        assert_eq!(validate("RF19539007547034").unwrap_err(), RefError::CheckDigits);
        assert_eq!(validate("RF18-5390").unwrap_err(), RefError::InvalidCharacter);
        assert_eq!(validate("RF18 1234567890123456789012").unwrap_err(), RefError::TooLong);
        assert_eq!(RefError::CheckDigits.code(), "reference_check_digits");
    }

    #[test]
    fn creating_from_an_invoice_number() {
        assert_eq!(creditor_reference("539007547034").unwrap(), "RF18539007547034");
        let rf = creditor_reference("inv-2024/0012").unwrap();
        assert!(rf.ends_with("INV20240012"));
        assert_eq!(validate(&rf).unwrap(), rf);
        assert_eq!(creditor_reference("  ").unwrap_err(), RefError::Empty);
        assert_eq!(creditor_reference("--").unwrap_err(), RefError::InvalidCharacter);
        assert_eq!(creditor_reference("1234567890123456789012").unwrap_err(), RefError::TooLong);
        // Single digit check values are padded: every body round-trips.
        for n in 0..500 {
            let rf = creditor_reference(&format!("A{n}")).unwrap();
            assert_eq!(validate(&rf).unwrap(), rf);
        }
    }

    #[test]
    fn grouping_for_print() {
        assert_eq!(format_grouped("RF18539007547034"), "RF18 5390 0754 7034");
        assert_eq!(format_grouped("RF18000000000539007547034"), "RF18 0000 0000 0539 0075 4703 4");
    }

    #[test]
    fn finding_references_in_text() {
        assert_eq!(find_in_text("Payment RF18 5390 0754 7034 thanks"), vec!["RF18539007547034"]);
        assert_eq!(find_in_text("ref:RF18539007547034."), vec!["RF18539007547034"]);
        assert_eq!(find_in_text("rf18 5390 0754 7034 2024"), vec!["RF18539007547034"]);
        assert_eq!(
            find_in_text("RF18 5390 0754 7034, RF712348231 and RF18539007547034"),
            vec!["RF18539007547034", "RF712348231"]
        );
        assert!(find_in_text("XRF18539007547034").is_empty());
        assert!(find_in_text("RF19539007547034").is_empty());
        assert!(find_in_text("RF").is_empty());
        assert!(find_in_text("Perf RF 18").is_empty());
        assert!(find_in_text("RF185390075470341234567890123").is_empty());
        assert!(find_in_text("ÄRF18539007547034").is_empty());
    }
}

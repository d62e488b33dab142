//! Validation of free text typed by a person: trimmed, bounded, and free of
//! control characters where a line break could be abused (names end up in
//! e-mail headers and letter address blocks).
//!
//! HTML in a name is *allowed* ("<b>Acme</b> Ltd" is a legal company name);
//! every output escapes it instead.

use crate::error::DomainError;

/// A required single-line text: trimmed, non-empty, no control characters.
pub fn single_line(input: &str, field: &'static str, max: usize) -> Result<String, DomainError> {
    let s = optional_single_line(input, field, max)?;
    s.ok_or(DomainError::Required { field })
}

/// An optional single-line text: `None` when blank.
pub fn optional_single_line(input: &str, field: &'static str, max: usize) -> Result<Option<String>, DomainError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().any(char::is_control) {
        return Err(DomainError::ControlCharacters { field });
    }
    check_len(s, field, max)?;
    Ok(Some(s.to_string()))
}

/// Multi-line text (notes, postal addresses): line breaks and tabs allowed,
/// other control characters refused; CRLF normalised to LF.
pub fn multi_line(input: &str, field: &'static str, max: usize) -> Result<String, DomainError> {
    let s = input.replace("\r\n", "\n").replace('\r', "\n");
    let s = s.trim();
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(DomainError::ControlCharacters { field });
    }
    check_len(s, field, max)?;
    Ok(s.to_string())
}

fn check_len(s: &str, field: &'static str, max: usize) -> Result<(), DomainError> {
    if s.chars().count() > max {
        return Err(DomainError::TooLong { field, max });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_line_refuses_line_breaks_but_keeps_markup_as_text() {
        assert_eq!(single_line("  Zoë <b>  ", "name", 50).unwrap(), "Zoë <b>");
        assert_eq!(single_line("a\r\nBcc: x@y", "name", 50).unwrap_err().code(), "control_characters");
        assert_eq!(single_line("   ", "name", 50).unwrap_err().code(), "required");
        assert_eq!(single_line("abcdef", "name", 5).unwrap_err().code(), "too_long");
        assert_eq!(optional_single_line("", "phone", 5).unwrap(), None);
    }

    #[test]
    fn multi_line_normalises_line_endings() {
        assert_eq!(multi_line("1 Main St\r\nSpringfield\r", "address", 100).unwrap(), "1 Main St\nSpringfield");
        assert_eq!(multi_line("a\u{7}b", "address", 100).unwrap_err().code(), "control_characters");
    }
}

//! Validation of free text typed by a person: trimmed, bounded, and free of
//! control characters where a line break could be abused (names end up in
//! e-mail headers and letter address blocks).
//!
//! HTML in a name is *allowed* ("<b>Acme</b> Ltd" is a legal company name);
//! every output escapes it instead.

use crate::error::DomainError;

/// The Unicode directional formatting characters that reorder what is shown:
/// the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
/// In a name they make what is shown differ from what is stored (in a
/// letter, an e-mail header or a list), so single-line text refuses them
/// like any other control character.
pub const BIDI_CONTROLS: [char; 9] =
    ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

fn is_refused_in_a_line(c: char) -> bool {
    c.is_control() || BIDI_CONTROLS.contains(&c)
}

/// A required single-line text: trimmed, non-empty, no control characters
/// (nor directional overrides and isolates, see [`BIDI_CONTROLS`]).
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
    if s.chars().any(is_refused_in_a_line) {
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

    #[test]
    fn single_line_refuses_each_directional_override_and_isolate() {
        let refused = [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ];
        assert_eq!(refused, BIDI_CONTROLS);
        for c in refused {
            let name = format!("Acme{c}Ltd");
            let e = single_line(&name, "display_name", 50).unwrap_err();
            assert_eq!(e.code(), "control_characters", "U+{:04X}", u32::from(c));
            assert_eq!(e.field().as_deref(), Some("display_name"), "U+{:04X}", u32::from(c));
            assert!(optional_single_line(&name, "company", 50).is_err(), "U+{:04X}", u32::from(c));
            // At either end too: trimming does not remove them.
            assert!(single_line(&format!("{c}Acme"), "display_name", 50).is_err(), "U+{:04X}", u32::from(c));
        }
        // The implicit marks and the neighbouring code points stay allowed: right-to-left names need them.
        assert_eq!(single_line("\u{200F}مها", "display_name", 50).unwrap(), "\u{200F}مها");
        assert_eq!(single_line("Zoë\u{202F}Ltd", "display_name", 50).unwrap(), "Zoë\u{202F}Ltd");
    }
}

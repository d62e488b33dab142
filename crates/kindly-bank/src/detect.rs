//! Which format a file is in, from its first bytes (for [`crate::Format::Auto`]).
//!
//! Only the first 64 KiB are looked at, so even 50 MB of garbage is turned
//! away at once. Order: a zip signature → camt (zip); XML naming OFX → OFX;
//! other XML → camt (whose parser then names what the XML is, or refuses its
//! DTD); `OFXHEADER:` → OFX; `:20:` plus `:25:`/`:60F:`/`:61:` line starts,
//! or a SWIFT `{1:` block → MT940; text without control characters whose
//! first line holds `;`, `,` or a tab → CSV; anything else is
//! `bank_file_unknown_format`.

use crate::camt::is_zip;
use crate::entry::Format;
use crate::error::ParseError;

const HEAD: usize = 64 * 1024;

/// The format of `bytes`; never `Format::Auto`.
pub fn detect_format(bytes: &[u8]) -> Result<Format, ParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    if is_zip(bytes) {
        return Ok(Format::Camt);
    }
    let head = &bytes[..bytes.len().min(HEAD)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    let head = &head[start..];
    let contains_ci = |needle: &[u8]| head.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle));
    if head.starts_with(b"<") {
        if contains_ci(b"<OFX") || contains_ci(b"<?OFX") {
            return Ok(Format::Ofx);
        }
        return Ok(Format::Camt);
    }
    if head.starts_with(b"OFXHEADER") {
        return Ok(Format::Ofx);
    }
    let line_starts =
        |tag: &[u8]| head.starts_with(tag) || head.windows(tag.len() + 1).any(|w| w[0] == b'\n' && &w[1..] == tag);
    if head.starts_with(b"{1:")
        || (line_starts(b":20:") && (line_starts(b":25:") || line_starts(b":60F:") || line_starts(b":61:")))
    {
        return Ok(Format::Mt940);
    }
    let text_like = head.iter().take(4096).all(|&b| b >= 0x20 || matches!(b, b'\t' | b'\r' | b'\n'));
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    if text_like && first_line.iter().any(|&b| matches!(b, b';' | b',' | b'\t')) {
        return Ok(Format::Csv);
    }
    Err(ParseError::UnknownFormat)
}

//! Short, printable quotes of what a file said, for messages.

/// At most 40 characters of `s`, control characters shown as �, "…" when cut.
pub fn excerpt(s: &str) -> String {
    excerpt_n(s, 40)
}

/// [`excerpt`] with room for `n` characters.
pub fn excerpt_n(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// 1-based line number of byte `offset` in `text` (counted only when an
/// error is reported, so parsing itself stays one pass).
pub fn line_at(text: &[u8], offset: usize) -> u64 {
    let end = offset.min(text.len());
    text[..end].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

//! Text direction after the Unicode Bidirectional Algorithm (UAX #9, crate
//! `unicode-bidi`).
//!
//! Text is stored and wrapped in logical order (the order it is typed and
//! read). Each drawn line is then split into directional runs in visual order,
//! left to right on the page: "Dear محمد," stays an LTR line with the name's
//! letters drawn right to left, and an Arabic address line is an RTL line.
//!
//! A paragraph's base direction comes from its first strong character (rule
//! P2/P3). Lines keep the left alignment of the layout in both directions:
//! addresses in an envelope window and letter bodies in Kindly mix scripts
//! within one left-aligned column, and moving RTL lines to the right edge would
//! put recipient lines outside the window's reading position.

use std::ops::Range;

use unicode_bidi::{bidi_class, BidiClass, BidiInfo};

/// Left-to-right mark, right-to-left mark (invisible, strong).
const LRM: char = '\u{200E}';
const RLM: char = '\u{200F}';

/// Direction of the first strong character: `Some(true)` right-to-left,
/// `Some(false)` left-to-right, `None` when there is none (digits, punctuation).
pub(crate) fn first_strong_rtl(text: &str) -> Option<bool> {
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::L => return Some(false),
            BidiClass::R | BidiClass::AL => return Some(true),
            _ => {}
        }
    }
    None
}

/// Whether `text` could contain a right-to-left run; when not, it is drawn
/// left to right as it stands (no bidi pass at all: the usual case).
#[inline]
pub(crate) fn may_have_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        u32::from(c) >= 0x0590
            && matches!(
                bidi_class(c),
                BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI | BidiClass::FSI
            )
    })
}

/// The directional runs of one line, in visual order: (byte range, right-to-left).
pub(crate) fn visual_runs(line: &str) -> Vec<(Range<usize>, bool)> {
    if !may_have_rtl(line) {
        return vec![(0..line.len(), false)];
    }
    let info = BidiInfo::new(line, None);
    let mut out = Vec::new();
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
            if !run.is_empty() {
                out.push((run, rtl));
            }
        }
    }
    out
}

/// A wrapped line of a paragraph whose direction is `paragraph_rtl`: when the
/// line on its own would start in the other direction (an RTL paragraph whose
/// second line starts with a Latin word), an invisible mark keeps the
/// paragraph's direction for it.
pub(crate) fn keep_direction(paragraph_rtl: Option<bool>, line: String) -> String {
    match (paragraph_rtl, first_strong_rtl(&line)) {
        (Some(true), Some(false) | None) => format!("{RLM}{line}"),
        (Some(false), Some(true)) => format!("{LRM}{line}"),
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(s: &str) -> Vec<(&str, bool)> {
        visual_runs(s).into_iter().map(|(r, rtl)| (&s[r], rtl)).collect()
    }

    #[test]
    fn first_strong_character_decides() {
        assert_eq!(first_strong_rtl("Dear محمد"), Some(false));
        assert_eq!(first_strong_rtl("12 شارع"), Some(true));
        assert_eq!(first_strong_rtl("12, 34"), None);
    }

    #[test]
    fn ltr_line_with_an_arabic_name() {
        assert_eq!(runs("Dear Zoë,"), vec![("Dear Zoë,", false)]);
        assert_eq!(runs("Dear محمد الأحمد,"), vec![("Dear ", false), ("محمد الأحمد", true), (",", false)]);
    }

    #[test]
    fn rtl_line_with_a_number_and_latin() {
        // Visual order: the Latin word is leftmost, then the number, then the Arabic
        // word (ranges are logical text: the word with the space after it).
        assert_eq!(runs("شارع 12 Main"), vec![("Main", false), (" ", true), ("12", false), ("شارع ", true)]);
    }

    #[test]
    fn continuation_lines_keep_the_paragraph_direction() {
        assert_eq!(keep_direction(Some(true), "Main 12".into()), "\u{200F}Main 12");
        assert_eq!(keep_direction(Some(false), "محمد".into()), "\u{200E}محمد");
        assert_eq!(keep_direction(Some(false), "Main".into()), "Main");
        assert_eq!(keep_direction(None, "محمد".into()), "محمد");
    }
}

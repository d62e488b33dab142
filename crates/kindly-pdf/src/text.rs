//! Measuring, font-run splitting and wrapping of text.
//!
//! Widths come from the actual fonts' horizontal metrics (`hmtx` advances via
//! [`crate::fonts::Face::advance`]): the width of a string is the sum of the
//! advances of the glyphs that will really be drawn, including fallback glyphs.
//! No kerning is applied when drawing, so measuring without kerning is exact.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::error::PdfError;
use crate::fonts::{FaceId, Fonts};

/// Millimetres per PostScript point.
pub(crate) const MM_PER_PT: f32 = 25.4 / 72.0;

/// A piece of one line drawn with a single face.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub(crate) face: FaceId,
    pub(crate) text: String,
}

/// The characters drawn with each face across a whole batch, so every face is
/// subset exactly once per PDF.
#[derive(Default)]
pub(crate) struct Usage {
    sets: Vec<CharSet>,
}

#[derive(Default)]
struct CharSet {
    bmp: Vec<u64>,
    astral: BTreeSet<u32>,
}

impl Usage {
    #[inline]
    fn mark(&mut self, face: FaceId, c: char) {
        let i = face.index();
        if self.sets.len() <= i {
            self.sets.resize_with(i + 1, CharSet::default);
        }
        let set = &mut self.sets[i];
        let cp = u32::from(c);
        if cp < 0x1_0000 {
            if set.bmp.is_empty() {
                set.bmp = vec![0; 0x1_0000 / 64];
            }
            set.bmp[(cp / 64) as usize] |= 1 << (cp % 64);
        } else {
            set.astral.insert(cp);
        }
    }

    /// Adds everything `other` recorded.
    pub(crate) fn merge(&mut self, other: Usage) {
        if self.sets.len() < other.sets.len() {
            self.sets.resize_with(other.sets.len(), CharSet::default);
        }
        for (mine, theirs) in self.sets.iter_mut().zip(other.sets) {
            if mine.bmp.is_empty() {
                mine.bmp = theirs.bmp;
            } else {
                for (a, b) in mine.bmp.iter_mut().zip(theirs.bmp) {
                    *a |= b;
                }
            }
            mine.astral.extend(theirs.astral);
        }
    }

    /// Faces with at least one character, with their characters in code point order.
    pub(crate) fn faces(&self) -> Vec<(FaceId, Vec<char>)> {
        let mut out = Vec::new();
        for (i, set) in self.sets.iter().enumerate() {
            let mut chars = Vec::new();
            for (w, bits) in set.bmp.iter().enumerate() {
                let mut b = *bits;
                while b != 0 {
                    let bit = b.trailing_zeros();
                    b &= b - 1;
                    if let Some(c) = char::from_u32(w as u32 * 64 + bit) {
                        chars.push(c);
                    }
                }
            }
            chars.extend(set.astral.iter().filter_map(|cp| char::from_u32(*cp)));
            if chars.is_empty() {
                continue;
            }
            let face = match i {
                0 => FaceId::Regular,
                1 => FaceId::Bold,
                n => match u16::try_from(n - 2) {
                    Ok(k) => FaceId::Fallback(k),
                    Err(_) => continue,
                },
            };
            out.push((face, chars));
        }
        out
    }
}

/// Characters that are dropped rather than drawn: control characters (other
/// than `\n`, which is a hard line break, and `\t`, which becomes a space) and
/// invisible format characters.
pub(crate) fn is_dropped(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Normalises text for drawing: tabs become spaces, `\r` and other invisible
/// control/format characters disappear.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c == '\t' || is_dropped(c)) {
        Cow::Owned(s.chars().filter(|c| !is_dropped(*c)).map(|c| if c == '\t' { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Measures, splits and wraps text; records which glyphs get drawn.
pub(crate) struct Shaper<'f> {
    pub(crate) fonts: &'f Fonts,
    pub(crate) usage: Usage,
    /// Prefix for error locations, e.g. "letter 3".
    pub(crate) context: String,
}

impl<'f> Shaper<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Shaper { fonts, usage: Usage::default(), context: String::new() }
    }

    fn missing(&self, ch: char, field: &str) -> PdfError {
        let field = if self.context.is_empty() { field.to_string() } else { format!("{}: {field}", self.context) };
        PdfError::MissingGlyph { ch, field }
    }

    /// Advance of `c` in em.
    #[inline]
    fn em(&self, c: char, bold: bool, field: &str) -> Result<f32, PdfError> {
        let (face_id, gid) = self.fonts.resolve(c, bold).ok_or_else(|| self.missing(c, field))?;
        let face = self.fonts.face(face_id).ok_or_else(|| self.missing(c, field))?;
        Ok(f32::from(face.advance(gid)) / f32::from(face.units_per_em))
    }

    /// Width of one line of already-cleaned text in mm.
    pub(crate) fn width(&self, text: &str, bold: bool, size: f32, field: &str) -> Result<f32, PdfError> {
        let mut em = 0.0;
        for c in text.chars() {
            em += self.em(c, bold, field)?;
        }
        Ok(em * size * MM_PER_PT)
    }

    /// Splits one line into runs of equal face and records the glyphs used.
    pub(crate) fn runs(&mut self, text: &str, bold: bool, field: &str) -> Result<Vec<Run>, PdfError> {
        let mut runs: Vec<Run> = Vec::with_capacity(1);
        for c in text.chars() {
            let (face, _) = self.fonts.resolve(c, bold).ok_or_else(|| self.missing(c, field))?;
            self.usage.mark(face, c);
            match runs.last_mut() {
                Some(r) if r.face == face => r.text.push(c),
                _ => runs.push(Run { face, text: c.to_string() }),
            }
        }
        Ok(runs)
    }

    /// Wraps `text` to `max` mm. `\n` is a hard line break (an empty line stays
    /// an empty line); words longer than a line are broken between characters,
    /// so nothing ever runs past `max`.
    pub(crate) fn wrap(
        &self,
        text: &str,
        bold: bool,
        size: f32,
        max: f32,
        field: &str,
    ) -> Result<Vec<String>, PdfError> {
        let text = clean(text);
        let scale = size * MM_PER_PT;
        let space = self.em(' ', bold, field)? * scale;
        let mut out = Vec::new();
        for hard in text.split('\n') {
            let mut line = String::new();
            let mut line_w = 0.0f32;
            for word in hard.split(' ').filter(|w| !w.is_empty()) {
                let w = self.width(word, bold, size, field)?;
                if !line.is_empty() && line_w + space + w <= max {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space + w;
                    continue;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                if w <= max {
                    line.push_str(word);
                    line_w = w;
                } else {
                    // Hard-break an over-long word ("never let a name break layout").
                    line_w = 0.0;
                    for c in word.chars() {
                        let cw = self.em(c, bold, field)? * scale;
                        if !line.is_empty() && line_w + cw > max {
                            out.push(std::mem::take(&mut line));
                            line_w = 0.0;
                        }
                        line.push(c);
                        line_w += cw;
                    }
                }
            }
            out.push(line);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load_with_fallbacks(vec![]).unwrap()
    }

    #[test]
    fn width_is_sum_of_advances() {
        let f = fonts();
        let sh = Shaper::new(&f);
        // DejaVu Sans: 'i' advance 569/2048 em, 'W' 2025/2048 em.
        let w = sh.width("iW", false, 10.0, "t").unwrap();
        let expected = (569.0 + 2025.0) / 2048.0 * 10.0 * MM_PER_PT;
        assert!((w - expected).abs() < 1e-4, "{w} vs {expected}");
        assert!(sh.width("Wide", true, 10.0, "t").unwrap() > sh.width("Wide", false, 10.0, "t").unwrap());
    }

    #[test]
    fn wraps_and_hard_breaks_long_words() {
        let f = fonts();
        let sh = Shaper::new(&f);
        let long = "Hubert Blaine Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessen";
        let lines = sh.wrap(long, false, 10.0, 40.0, "t").unwrap();
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            assert!(sh.width(l, false, 10.0, "t").unwrap() <= 40.0 + 1e-3, "{l}");
        }
        assert_eq!(lines.concat().replace(' ', ""), long.replace(' ', ""));
        let hard = sh.wrap("a\n\nb", false, 10.0, 100.0, "t").unwrap();
        assert_eq!(hard, vec!["a", "", "b"]);
    }

    #[test]
    fn missing_glyph_names_char_and_field() {
        let f = fonts();
        let mut sh = Shaper::new(&f);
        sh.context = "letter 2".into();
        let err = sh.runs("Wang 王", false, "recipient name").unwrap_err();
        assert_eq!(err, PdfError::MissingGlyph { ch: '王', field: "letter 2: recipient name".into() });
        assert_eq!(err.code(), "pdf_missing_glyph");
        assert!(err.to_string().contains("U+738B"), "{err}");
    }

    #[test]
    fn clean_drops_controls() {
        assert_eq!(clean("a\tb\r\nc\u{200B}"), "a b\nc");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }
}

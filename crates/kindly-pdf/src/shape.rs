//! Shaping with `rustybuzz` (a port of HarfBuzz) for text that needs it.
//!
//! Most text Kindly prints is Latin, Greek, Cyrillic or CJK: one glyph per
//! character, left to right, no context. [`is_simple`] recognises it and the
//! caller then draws characters directly (the fast path: no shaper, the same
//! output as before shaping existed). Everything else — Arabic and Hebrew,
//! Indic scripts, Thai, combining marks, joiners, anything in a right-to-left
//! run — is shaped here: contextual forms, ligatures (lam-alef), reordering
//! (the Devanagari reph), mark positioning, and mirroring in RTL runs.
//!
//! A shaped run keeps, for every glyph, the piece of text ("cluster") it came
//! from, so the PDF can map glyphs back to text (`/ToUnicode`, `/ActualText`).

use unicode_script::{Script, UnicodeScript};

use crate::fonts::{Face, FaceId};

/// One shaped glyph, in font units of its face.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    pub(crate) gid: u16,
    /// How far the pen moves after this glyph.
    pub(crate) advance: i32,
    /// Where the glyph is drawn relative to the pen (marks above a base, …).
    pub(crate) dx: i32,
    pub(crate) dy: i32,
    /// The glyph's cluster: a byte range of the run's text.
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// A run of shaped glyphs in one face, in visual (left-to-right) order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GlyphRun {
    pub(crate) face: FaceId,
    /// The run's text in logical order (what the clusters index).
    pub(crate) text: String,
    pub(crate) rtl: bool,
    pub(crate) glyphs: Vec<Glyph>,
}

impl GlyphRun {
    /// Total advance in font units.
    pub(crate) fn advance(&self) -> i32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }

    /// The text a cluster stands for as text extraction should find it on the
    /// glyphs: without invisible characters, and in a right-to-left run in
    /// visual order. Extractors (poppler, PDFium, pdf.js) put a glyph's
    /// characters left to right where the glyph is and then reverse each
    /// right-to-left word as a whole, characters of a ligature included; so
    /// lam-alef is stored as "alef, lam" and comes out as "lam, alef".
    pub(crate) fn cluster_text(&self, range: std::ops::Range<usize>) -> String {
        let chars = self.text.get(range).unwrap_or_default().chars().filter(|c| !is_ignorable(*c));
        if self.rtl {
            let mut v: Vec<char> = chars.collect();
            v.reverse();
            v.into_iter().collect()
        } else {
            chars.collect()
        }
    }

    /// The clusters in visual order: (text range, glyph index range).
    pub(crate) fn clusters(&self) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        let mut out: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
        for (i, g) in self.glyphs.iter().enumerate() {
            let text = g.start as usize..g.end as usize;
            match out.last_mut() {
                Some((t, glyphs)) if *t == text => glyphs.end = i + 1,
                _ => out.push((text, i..i + 1)),
            }
        }
        out
    }
}

/// True for characters that are drawn one glyph per character, left to right,
/// without context in every font Kindly uses: Latin, Greek, Cyrillic (without
/// combining marks), general punctuation and symbols, and CJK ideographs, kana
/// and precomposed Hangul. Everything else goes through the shaper.
#[inline]
pub(crate) fn is_simple(c: char) -> bool {
    let cp = u32::from(c);
    match cp {
        0x0000..=0x02FF => true,
        0x0300..=0x036F => false, // combining diacritical marks
        0x0370..=0x0482 => true,
        0x0483..=0x0489 => false, // Cyrillic combining marks
        0x048A..=0x052F => true,
        0x1E00..=0x1FFF => true,
        // General punctuation without the invisible joiners and direction controls.
        0x2000..=0x200A | 0x2010..=0x2027 | 0x202F..=0x205F => true,
        0x2070..=0x20CF => true,
        0x2100..=0x2BFF => true,
        0x2E80..=0x3029 | 0x3030..=0x3098 | 0x309B..=0x33FF => true,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF => true,
        0xAC00..=0xD7A3 => true,
        0xF900..=0xFB06 => true, // CJK compatibility ideographs, Latin ligatures
        0xFF00..=0xFFEF => true,
        0xFFFD => true,
        0x2_0000..=0x3_FFFF => true,
        _ => false,
    }
}

/// Invisible characters that steer bidi or shaping (`Default_Ignorable_Code_Point`,
/// less the soft hyphen, which DejaVu draws): never drawn on their own, never
/// placeholders, never reported as uncovered.
#[inline]
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(
        u32::from(c),
        0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// Direction controls: they steer the bidi algorithm and are then dropped.
#[inline]
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(u32::from(c), 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// The script a character belongs to for itemising: `None` for characters
/// shared by all scripts (spaces, digits, punctuation) and combining marks,
/// which take the script of their neighbours.
pub(crate) fn own_script(c: char) -> Option<Script> {
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        s => Some(s),
    }
}

fn hb_script(s: Script) -> Option<rustybuzz::Script> {
    let tag = s.short_name().as_bytes();
    let tag: [u8; 4] = tag.try_into().ok()?;
    rustybuzz::Script::from_iso15924_tag(rustybuzz::ttf_parser::Tag::from_bytes(&tag))
}

/// Shapes `text` (one face, one script, one direction) and appends the glyphs in
/// visual order. `before`/`after` are the neighbouring text of the line, so
/// joining behaves as if the run were not cut there.
#[allow(clippy::too_many_arguments)]
pub(crate) fn shape(
    face: &Face,
    face_id: FaceId,
    text: &str,
    script: Option<Script>,
    rtl: bool,
    before: &str,
    after: &str,
    buffer: &mut Option<rustybuzz::UnicodeBuffer>,
) -> GlyphRun {
    let mut buf = buffer.take().unwrap_or_default();
    let direction = if rtl { rustybuzz::Direction::RightToLeft } else { rustybuzz::Direction::LeftToRight };
    let script = script.and_then(hb_script);
    buf.set_direction(direction);
    if let Some(s) = script {
        buf.set_script(s);
    }
    // Joiners and marks that the font has no glyph for are left out rather than
    // drawn as an invisible space (which text extraction would read as a word break).
    buf.set_flags(rustybuzz::BufferFlags::REMOVE_DEFAULT_IGNORABLES);
    buf.set_pre_context(tail(before, 8));
    for (i, c) in text.char_indices() {
        if !is_bidi_control(c) {
            buf.add(c, i as u32);
        }
    }
    buf.set_post_context(head(after, 8));
    // The plan must be built for the properties the buffer really has: a run
    // of only shared characters (digits in an RTL run) gets the script
    // rustybuzz itself guesses.
    let plan_script = match script {
        Some(s) => Some(s),
        None => {
            buf.guess_segment_properties();
            Some(buf.script()).filter(|s| *s != rustybuzz::script::UNKNOWN)
        }
    };
    let plan = face.plan(direction, plan_script);
    let out = rustybuzz::shape_with_plan(&face.shaper, &plan, buf);
    let infos = out.glyph_infos();
    let positions = out.glyph_positions();

    // Cluster ends: the next larger cluster start, or the end of the text.
    let mut starts: Vec<u32> = infos.iter().map(|g| g.cluster).collect();
    starts.sort_unstable();
    starts.dedup();
    let len = text.len() as u32;
    let end_of = |start: u32| -> u32 {
        match starts.binary_search(&start) {
            Ok(k) => starts.get(k + 1).copied().unwrap_or(len),
            Err(_) => len,
        }
    };
    let glyphs = infos
        .iter()
        .zip(positions)
        .map(|(info, pos)| Glyph {
            gid: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance,
            dx: pos.x_offset,
            dy: pos.y_offset,
            start: info.cluster,
            end: end_of(info.cluster),
        })
        .collect();
    *buffer = Some(out.clear());
    GlyphRun { face: face_id, text: text.to_string(), rtl, glyphs }
}

fn tail(s: &str, chars: usize) -> &str {
    match s.char_indices().rev().nth(chars.saturating_sub(1)) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

fn head(s: &str, chars: usize) -> &str {
    match s.char_indices().nth(chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Fonts;

    #[test]
    fn simple_covers_the_usual_letters_only() {
        for c in "Zoë Ångström Дмитрий Παπαδόπουλος €1,234.56 王芳 山田 김민준 ｶ–—…".chars()
        {
            assert!(is_simple(c), "{c:?}");
        }
        for c in "محمدדודअसส\u{301}\u{200D}\u{200F}\u{202E}".chars() {
            assert!(!is_simple(c), "{c:?}");
        }
    }

    #[test]
    fn arabic_is_joined_and_in_visual_order() {
        let fonts = Fonts::load_with_fallbacks(vec![]).unwrap();
        let (face, id) = fonts.primary(false);
        let mut buf = None;
        let run = shape(face, id, "محمد", Some(Script::Arabic), true, "", "", &mut buf);
        // Visual order: the last letter (dal, final form) comes first.
        let names: Vec<u16> = run.glyphs.iter().map(|g| g.gid).collect();
        assert_eq!(names.len(), 4);
        assert_eq!(run.glyphs[0].start, 6, "{run:?}");
        assert_eq!(run.glyphs[3].start, 0);
        // Contextual forms, not the isolated letters of the cmap.
        assert_ne!(run.glyphs[3].gid, face.glyph('م'));
        assert_ne!(run.glyphs[0].gid, face.glyph('د'));
        // The lam-alef ligature is one glyph for two characters.
        let run = shape(face, id, "الأحمد", Some(Script::Arabic), true, "", "", &mut buf);
        let lig = run.clusters().into_iter().find(|(t, _)| t.len() == 4).expect("lam + alef with hamza");
        assert_eq!(&run.text[lig.0.clone()], "لأ");
        assert_eq!(lig.1.len(), 1);
    }

    /// HarfBuzz's own answer for `text` in a font file: (glyph, cluster, x advance, x offset, y offset).
    /// `None` when hb-shape is not installed.
    type HbGlyph = (u16, u32, i32, i32, i32);

    fn hb_shape(path: &std::path::Path, index: u32, text: &str) -> Option<Vec<HbGlyph>> {
        let out = std::process::Command::new("hb-shape")
            .arg(format!("--font-file={}", path.display()))
            .arg(format!("--face-index={index}"))
            .arg("--no-glyph-names")
            .arg(text)
            .output()
            .ok()?;
        assert!(out.status.success(), "hb-shape failed: {}", String::from_utf8_lossy(&out.stderr));
        let s = String::from_utf8(out.stdout).unwrap();
        // [g=cl@dx,dy+ax|…]
        let body = s.trim().trim_start_matches('[').trim_end_matches(']');
        Some(
            body.split('|')
                .map(|g| {
                    let (g, rest) = g.split_once('=').unwrap();
                    let (rest, ax) = rest.split_once('+').unwrap();
                    let (cl, off) = rest.split_once('@').unwrap_or((rest, "0,0"));
                    let (dx, dy) = off.split_once(',').unwrap();
                    (
                        g.parse().unwrap(),
                        cl.parse().unwrap(),
                        ax.parse().unwrap(),
                        dx.parse().unwrap(),
                        dy.parse().unwrap(),
                    )
                })
                .collect(),
        )
    }

    /// The shaped runs of a line drawn with the system's fonts agree glyph for
    /// glyph (ids, order, clusters, positions) with hb-shape on the same font file.
    #[test]
    fn shaping_matches_harfbuzz() {
        let fonts = Fonts::load().unwrap();
        let mut shaped = 0;
        for name in ["محمد الأحمد", "अनीता शर्मा", "דוד כהן", "สมชาย ใจดี"]
        {
            let mut sh = crate::text::Shaper::new(&fonts);
            for run in sh.runs(name, false, "t") {
                let crate::text::Run::Glyphs(run) = run else { continue };
                let (path, index) = fonts.source(run.face).unwrap();
                let Some(reference) = hb_shape(&path, index, &run.text) else {
                    eprintln!("skipped: hb-shape (libharfbuzz-bin) is not installed");
                    return;
                };
                // hb-shape numbers clusters in characters, we in bytes.
                let chars = |byte: u32| run.text[..byte as usize].chars().count() as u32;
                let ours: Vec<(u16, u32, i32, i32, i32)> =
                    run.glyphs.iter().map(|g| (g.gid, chars(g.start), g.advance, g.dx, g.dy)).collect();
                assert_eq!(ours, reference, "{name}: {:?} in {}", run.text, path.display());
                shaped += 1;
            }
        }
        // Arabic (one run), Devanagari (two words), Hebrew, Thai (two words).
        assert!(shaped >= 6, "{shaped} shaped runs");
    }

    #[test]
    fn tails_and_heads_cut_on_char_boundaries() {
        assert_eq!(tail("abcé", 2), "cé");
        assert_eq!(head("éabc", 2), "éa");
        assert_eq!(tail("a", 8), "a");
    }
}

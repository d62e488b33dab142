//! Measuring, font choice, shaping and wrapping of text.
//!
//! Widths come from the actual fonts: for simple text (see
//! [`crate::shape::is_simple`]) the sum of the `hmtx` advances of the glyphs
//! drawn, without kerning, exactly as drawn; for text that needs shaping the
//! advances the shaper positions the glyphs with. Either way the width measured
//! is the width drawn.
//!
//! Wrapping works on logical text; each line is then reordered for display
//! (`bidi`) and cut into runs of one face (`Run`).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::Script;

use crate::fonts::{FaceId, Fonts};
use crate::shape::{is_bidi_control, is_ignorable, is_simple, own_script, GlyphRun};

/// Millimetres per PostScript point.
pub(crate) const MM_PER_PT: f32 = 25.4 / 72.0;

/// What a character no font covers is drawn as (DejaVu Sans has it).
pub(crate) const PLACEHOLDER: char = '\u{FFFD}';

/// A piece of one line drawn with a single face, in visual order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Run {
    /// One glyph per character from the face's `cmap`, left to right (the fast path).
    Chars { face: FaceId, text: String },
    /// Shaped glyphs.
    Glyphs(GlyphRun),
}

/// What one face draws across a whole batch.
#[derive(Default)]
struct FaceUsage {
    /// Characters drawn one glyph per character (bit set over the BMP).
    bmp: Vec<u64>,
    astral: BTreeSet<u32>,
    /// Shaped glyphs, with the text the glyph stands for on its own where known
    /// (the first such text wins: a glyph has one `/ToUnicode` entry).
    glyphs: BTreeMap<u16, Option<String>>,
}

/// One thing recorded, so a letter that fails can be taken out again.
enum Undo {
    Char(FaceId, u32),
    Glyph(FaceId, u16, Option<Option<String>>),
}

/// The characters and glyphs drawn with each face across a whole batch, so
/// every face is subset exactly once per PDF.
#[derive(Default)]
pub(crate) struct Usage {
    bundled: [FaceUsage; 2],
    fallback: Vec<(u16, FaceUsage)>,
    undo: Vec<Undo>,
}

/// What a face draws, for embedding.
pub(crate) struct FaceUse {
    pub(crate) face: FaceId,
    /// Characters drawn through the `cmap`, in code point order.
    pub(crate) chars: Vec<char>,
    /// Shaped glyphs and the text each stands for on its own, if any.
    pub(crate) glyphs: BTreeMap<u16, Option<String>>,
}

impl Usage {
    fn set(&mut self, face: FaceId) -> &mut FaceUsage {
        match face {
            FaceId::Regular => &mut self.bundled[0],
            FaceId::Bold => &mut self.bundled[1],
            FaceId::Fallback(k) => {
                let i = match self.fallback.iter().position(|(j, _)| *j == k) {
                    Some(i) => i,
                    None => {
                        self.fallback.push((k, FaceUsage::default()));
                        self.fallback.len() - 1
                    }
                };
                &mut self.fallback[i].1
            }
        }
    }

    #[inline]
    fn mark(&mut self, face: FaceId, c: char) {
        let set = self.set(face);
        let cp = u32::from(c);
        let new = if cp < 0x1_0000 {
            if set.bmp.is_empty() {
                set.bmp = vec![0; 0x1_0000 / 64];
            }
            let word = &mut set.bmp[(cp / 64) as usize];
            let bit = 1u64 << (cp % 64);
            let new = *word & bit == 0;
            *word |= bit;
            new
        } else {
            set.astral.insert(cp)
        };
        if new {
            self.undo.push(Undo::Char(face, cp));
        }
    }

    fn mark_glyph(&mut self, face: FaceId, gid: u16, text: Option<String>) {
        let set = self.set(face);
        let undo = match set.glyphs.get_mut(&gid) {
            None => {
                set.glyphs.insert(gid, text);
                Undo::Glyph(face, gid, None)
            }
            Some(slot @ None) if text.is_some() => {
                *slot = text;
                Undo::Glyph(face, gid, Some(None))
            }
            Some(_) => return,
        };
        self.undo.push(undo);
    }

    /// Keeps everything recorded so far (a letter was laid out completely).
    pub(crate) fn commit(&mut self) {
        self.undo.clear();
    }

    /// Forgets everything recorded since the last [`Usage::commit`] (a letter
    /// failed and is left out of the PDF).
    pub(crate) fn rollback(&mut self) {
        while let Some(u) = self.undo.pop() {
            match u {
                Undo::Char(face, cp) => {
                    let set = self.set(face);
                    if cp < 0x1_0000 {
                        if let Some(w) = set.bmp.get_mut((cp / 64) as usize) {
                            *w &= !(1u64 << (cp % 64));
                        }
                    } else {
                        set.astral.remove(&cp);
                    }
                }
                Undo::Glyph(face, gid, prev) => {
                    let set = self.set(face);
                    match prev {
                        None => {
                            set.glyphs.remove(&gid);
                        }
                        Some(p) => {
                            set.glyphs.insert(gid, p);
                        }
                    }
                }
            }
        }
    }

    /// Adds everything `other` recorded after what this one recorded (first
    /// texts win, as if `other`'s pages had been laid out after these).
    pub(crate) fn merge(&mut self, other: Usage) {
        let Usage { bundled: [r, b], fallback, .. } = other;
        let parts = [(FaceId::Regular, r), (FaceId::Bold, b)]
            .into_iter()
            .chain(fallback.into_iter().map(|(k, u)| (FaceId::Fallback(k), u)));
        for (face, theirs) in parts {
            let mine = self.set(face);
            if mine.bmp.is_empty() {
                mine.bmp = theirs.bmp;
            } else {
                for (a, b) in mine.bmp.iter_mut().zip(theirs.bmp) {
                    *a |= b;
                }
            }
            mine.astral.extend(theirs.astral);
            for (gid, text) in theirs.glyphs {
                match mine.glyphs.get_mut(&gid) {
                    None => {
                        mine.glyphs.insert(gid, text);
                    }
                    Some(slot @ None) => *slot = text,
                    Some(_) => {}
                }
            }
        }
    }

    /// Faces that draw anything, regular and bold first, then fallbacks by id.
    pub(crate) fn faces(&self) -> Vec<FaceUse> {
        let mut fallback: Vec<&(u16, FaceUsage)> = self.fallback.iter().collect();
        fallback.sort_by_key(|(k, _)| *k);
        let parts = [(FaceId::Regular, &self.bundled[0]), (FaceId::Bold, &self.bundled[1])]
            .into_iter()
            .chain(fallback.into_iter().map(|(k, u)| (FaceId::Fallback(*k), u)));
        let mut out = Vec::new();
        for (face, set) in parts {
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
            if chars.is_empty() && set.glyphs.is_empty() {
                continue;
            }
            out.push(FaceUse { face, chars, glyphs: set.glyphs.clone() });
        }
        out
    }
}

/// Characters that are dropped rather than drawn: control characters (other
/// than `\n`, which is a hard line break, and `\t`, which becomes a space) and
/// invisible characters without a job here (zero-width space, word joiner,
/// byte order mark). Joiners and direction marks are kept: shaping and bidi
/// read them.
pub(crate) fn is_dropped(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Normalises text for drawing: tabs become spaces, line and paragraph
/// separators line breaks, `\r` and other invisible control characters disappear.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    let changes = |c: char| c == '\t' || c == '\u{2028}' || c == '\u{2029}' || is_dropped(c);
    if s.chars().any(changes) {
        Cow::Owned(
            s.chars()
                .filter(|c| !is_dropped(*c))
                .map(|c| match c {
                    '\t' => ' ',
                    '\u{2028}' | '\u{2029}' => '\n',
                    c => c,
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// What [`Shaper::prepare`] found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prepared {
    /// Only simple characters, all in the bundled face.
    Simple,
    /// Every character can be drawn, some need a fallback font or shaping.
    Drawable,
    /// Some characters no font covers were replaced by the placeholder.
    Placeholders,
}

/// A laid-out line: its runs in visual order and its width in em (at size 1).
struct Line {
    runs: Vec<Run>,
    em: f32,
}

/// Measures, splits, shapes and wraps text; records which glyphs get drawn and
/// which characters had to be drawn as placeholders.
pub(crate) struct Shaper<'f> {
    pub(crate) fonts: &'f Fonts,
    pub(crate) usage: Usage,
    /// Prefix for error locations, e.g. "letter 3".
    pub(crate) context: String,
    /// Characters drawn as a placeholder because no font covers them, with the
    /// field they are in; each pair once, in order of appearance. (Noted while
    /// wrapping, which borrows `&self`, as well as while drawing.)
    pub(crate) placeholders: RefCell<Vec<(char, String)>>,
    /// The shaper's buffer, reused between runs (measuring borrows `&self`).
    buffer: RefCell<Option<rustybuzz::UnicodeBuffer>>,
}

impl<'f> Shaper<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Shaper {
            fonts,
            usage: Usage::default(),
            context: String::new(),
            placeholders: RefCell::new(Vec::new()),
            buffer: RefCell::new(None),
        }
    }

    /// Whether some font can draw `c` (or it needs no glyph).
    fn drawable(&self, c: char, bold: bool) -> bool {
        c == '\n' || c == ' ' || is_ignorable(c) || self.fonts.resolve(c, bold).is_some()
    }

    /// `clean` text with every character no font covers replaced by the placeholder.
    fn prepared<'a>(&self, text: &'a str, bold: bool) -> Cow<'a, str> {
        self.prepare(text, bold).0
    }

    /// [`Shaper::prepared`], and what it found: `Simple` when the text is all
    /// simple characters of the bundled face (no fallback font was consulted,
    /// and no bidi is needed), `Placeholders` when some were replaced.
    fn prepare<'a>(&self, text: &'a str, bold: bool) -> (Cow<'a, str>, Prepared) {
        let text = clean(text);
        let (primary, _) = self.fonts.primary(bold);
        // The usual case, decided without consulting any fallback font.
        if text.chars().all(|c| is_simple(c) && (primary.glyph(c) != 0 || c == '\n')) {
            return (text, Prepared::Simple);
        }
        if text.chars().all(|c| self.drawable(c, bold)) {
            return (text, Prepared::Drawable);
        }
        let replaced = text.chars().map(|c| if self.drawable(c, bold) { c } else { PLACEHOLDER }).collect();
        (Cow::Owned(replaced), Prepared::Placeholders)
    }

    /// Notes the characters of `text` no font covers as placeholders in `field`.
    fn note_placeholders(&self, text: &str, bold: bool, field: &str) {
        let mut noted = self.placeholders.borrow_mut();
        for c in text.chars() {
            if !self.drawable(c, bold) && !noted.iter().any(|(p, f)| *p == c && f == field) {
                noted.push((c, field.to_string()));
            }
        }
    }

    /// Width of one line of text in mm (newlines count as nothing; callers pass single lines).
    pub(crate) fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        // Controls and invisible characters fail the fast path, so `clean` is
        // only needed on the slow one.
        let em = match self.simple_em(text, bold) {
            Some(em) => em,
            None => self.em(&self.prepared(text, bold), bold),
        };
        em * size * MM_PER_PT
    }

    /// The fast path's width in em: `None` unless every character is simple
    /// (see [`is_simple`]) and covered by some font.
    #[inline]
    fn simple_em(&self, text: &str, bold: bool) -> Option<f32> {
        let (primary, _) = self.fonts.primary(bold);
        let mut units = 0u32;
        let mut other = 0.0f32;
        for c in text.chars() {
            if !is_simple(c) {
                return None;
            }
            let g = primary.glyph(c);
            if g != 0 {
                units += u32::from(primary.advance(g));
                continue;
            }
            let (face_id, gid) = self.fonts.resolve(c, bold)?;
            let face = self.fonts.face(face_id)?;
            other += f32::from(face.advance(gid)) / f32::from(face.units_per_em);
        }
        Some(units as f32 / f32::from(primary.units_per_em) + other)
    }

    /// Width of prepared text in em.
    fn em(&self, text: &str, bold: bool) -> f32 {
        self.simple_em(text, bold).unwrap_or_else(|| self.line(text, bold).em)
    }

    /// Splits one line into runs (visual order, one face each) and records the
    /// glyphs used and the placeholders drawn.
    pub(crate) fn runs(&mut self, text: &str, bold: bool, field: &str) -> Vec<Run> {
        let runs = match self.simple_runs(text, bold) {
            Some(runs) => runs,
            None => {
                let cleaned = clean(text);
                let (prepared, found) = self.prepare(&cleaned, bold);
                if found == Prepared::Placeholders {
                    self.note_placeholders(&cleaned, bold, field);
                }
                self.line(&prepared, bold).runs
            }
        };
        for run in &runs {
            match run {
                Run::Chars { face, text } => {
                    for c in text.chars() {
                        self.usage.mark(*face, c);
                    }
                }
                Run::Glyphs(g) => self.mark_glyphs(g),
            }
        }
        runs
    }

    /// The fast path's runs: `None` unless every character is simple and covered.
    fn simple_runs(&self, text: &str, bold: bool) -> Option<Vec<Run>> {
        let mut runs: Vec<Run> = Vec::with_capacity(1);
        for c in text.chars() {
            if !is_simple(c) {
                return None;
            }
            let (face, _) = self.fonts.resolve(c, bold)?;
            match runs.last_mut() {
                Some(Run::Chars { face: f, text }) if *f == face => text.push(c),
                _ => runs.push(Run::Chars { face, text: c.to_string() }),
            }
        }
        Some(runs)
    }

    /// Records a shaped run's glyphs, each with the text it stands for on its
    /// own: the whole cluster when the cluster is one glyph (a ligature), else
    /// the cluster's character whose `cmap` glyph it is, if any. In a
    /// right-to-left run a ligature's text is stored in visual order, see
    /// [`GlyphRun::cluster_text`].
    fn mark_glyphs(&mut self, run: &GlyphRun) {
        let Some(face) = self.fonts.face(run.face) else { return };
        for (text, glyphs) in run.clusters() {
            let cluster = run.cluster_text(text);
            let single = glyphs.len() == 1;
            for g in &run.glyphs[glyphs] {
                let own = if single && !cluster.is_empty() {
                    Some(cluster.clone())
                } else {
                    cluster.chars().find(|c| face.glyph(*c) == g.gid).map(String::from)
                };
                self.usage.mark_glyph(run.face, g.gid, own);
            }
        }
    }

    /// Lays out one line of prepared text (no `\n`).
    fn line(&self, text: &str, bold: bool) -> Line {
        let mut runs: Vec<Run> = Vec::with_capacity(1);
        let mut em = 0.0f32;
        if text.chars().all(is_simple) {
            // Fast path: left to right, one glyph per character, no shaper.
            for c in text.chars() {
                let Some((face, gid)) = self.fonts.resolve(c, bold) else { continue };
                if let Some(f) = self.fonts.face(face) {
                    em += f32::from(f.advance(gid)) / f32::from(f.units_per_em);
                }
                match runs.last_mut() {
                    Some(Run::Chars { face: f, text }) if *f == face => text.push(c),
                    _ => runs.push(Run::Chars { face, text: c.to_string() }),
                }
            }
            return Line { runs, em };
        }
        let mut buffer = self.buffer.borrow_mut();
        for (range, rtl) in crate::bidi::visual_runs(text) {
            let start = range.start;
            let part = &text[range];
            let mut pieces = Vec::new();
            for (r, face, script) in self.itemize(part, bold) {
                let piece = &part[r.clone()];
                if !rtl && piece.chars().all(is_simple) {
                    if let Some(f) = self.fonts.face(face) {
                        em += piece.chars().map(|c| f32::from(f.advance(f.glyph(c)))).sum::<f32>()
                            / f32::from(f.units_per_em);
                    }
                    pieces.push(Run::Chars { face, text: piece.to_string() });
                    continue;
                }
                let Some(f) = self.fonts.face(face) else { continue };
                let (before, after) = (&text[..start + r.start], &text[start + r.end..]);
                let run = crate::shape::shape(f, face, piece, script, rtl, before, after, &mut buffer);
                em += run.advance() as f32 / f32::from(f.units_per_em);
                if !run.glyphs.is_empty() {
                    pieces.push(Run::Glyphs(run));
                }
            }
            // Within a right-to-left run the pieces follow each other leftwards.
            if rtl {
                pieces.reverse();
            }
            runs.extend(pieces);
        }
        Line { runs, em }
    }

    /// Cuts text (one direction) into pieces of one face and one script, in
    /// logical order: (byte range, face, script).
    ///
    /// Each letter takes the face [`Fonts::resolve`] gives it. Shared characters
    /// (spaces, digits, punctuation) stay in DejaVu when it has them, else join
    /// their neighbour's face; combining marks and joiners always follow their
    /// base. A word of one script whose letters ended up in several faces is
    /// then drawn with a single face that covers all of them, if there is one,
    /// so that its letters can join.
    fn itemize(&self, text: &str, bold: bool) -> Vec<(std::ops::Range<usize>, FaceId, Option<Script>)> {
        let (primary, primary_id) = self.fonts.primary(bold);
        let mut items: Vec<(std::ops::Range<usize>, FaceId, Option<Script>)> = Vec::new();
        let covers = |face: FaceId, c: char| self.fonts.face(face).is_some_and(|f| f.glyph(c) != 0);
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            let prev = items.last().map(|(_, f, _)| *f);
            let script = own_script(c);
            let follows = is_bidi_control(c)
                || is_ignorable(c)
                || c.general_category_group() == GeneralCategoryGroup::Mark && script.is_none();
            let face = if follows {
                match prev {
                    Some(p) if is_ignorable(c) || covers(p, c) => p,
                    _ => self.fonts.resolve(c, bold).map_or(primary_id, |(f, _)| f),
                }
            } else if script.is_none() {
                if primary.glyph(c) != 0 {
                    primary_id
                } else {
                    match prev {
                        Some(p) if covers(p, c) => p,
                        _ => self.fonts.resolve(c, bold).map_or(primary_id, |(f, _)| f),
                    }
                }
            } else {
                self.fonts.resolve(c, bold).map_or(primary_id, |(f, _)| f)
            };
            match items.last_mut() {
                Some((r, f, s)) if *f == face && (script.is_none() || s.is_none() || *s == script) => {
                    r.end = end;
                    if s.is_none() {
                        *s = script;
                    }
                }
                _ => items.push((i..end, face, script)),
            }
        }
        self.unify(text, &mut items);
        items
    }

    /// See [`Shaper::itemize`]: neighbouring pieces of the same script in
    /// different faces move to the first of those faces that covers them all.
    fn unify(&self, text: &str, items: &mut Vec<(std::ops::Range<usize>, FaceId, Option<Script>)>) {
        let mut i = 0;
        while i < items.len() {
            let Some(script) = items[i].2 else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < items.len() && items[j].2 == Some(script) && items[j].0.start == items[j - 1].0.end {
                j += 1;
            }
            if j - i > 1 {
                let span = items[i].0.start..items[j - 1].0.end;
                let chars = || text[span.clone()].chars().filter(|c| !is_ignorable(*c));
                let mut faces: Vec<FaceId> = items[i..j].iter().map(|(_, f, _)| *f).collect();
                faces.sort_by_key(|f| matches!(f, FaceId::Regular | FaceId::Bold));
                let all = faces
                    .into_iter()
                    .find(|f| self.fonts.face(*f).is_some_and(|face| chars().all(|c| face.glyph(c) != 0)));
                if let Some(face) = all {
                    items.splice(i..j, [(span, face, Some(script))]);
                }
            }
            i += 1;
        }
    }

    /// Wraps `text` to `max` mm. `\n` is a hard line break (an empty line stays
    /// an empty line); words longer than a line are broken between characters
    /// (never before a combining mark), so nothing ever runs past `max`. A line
    /// of a paragraph written in the other direction than the line's first
    /// word keeps the paragraph's direction (see [`crate::bidi::keep_direction`]).
    pub(crate) fn wrap(&self, text: &str, bold: bool, size: f32, max: f32, field: &str) -> Vec<String> {
        // The usual case: every word simple and covered; no preparing pass.
        if let Some(lines) = self.wrap_prepared(text, bold, size, max, true) {
            return lines;
        }
        let (prepared, found) = self.prepare(text, bold);
        if found == Prepared::Placeholders {
            self.note_placeholders(&clean(text), bold, field);
        }
        self.wrap_prepared(&prepared, bold, size, max, false).unwrap_or_default()
    }

    /// [`Shaper::wrap`] of prepared text; with `simple_only`, `None` as soon
    /// as a word is not simple (see [`Shaper::simple_em`]).
    fn wrap_prepared(&self, text: &str, bold: bool, size: f32, max: f32, simple_only: bool) -> Option<Vec<String>> {
        let scale = size * MM_PER_PT;
        let space = self.em(" ", bold) * scale;
        let em = |s: &str| if simple_only { self.simple_em(s, bold) } else { Some(self.em(s, bold)) };
        let mut out = Vec::new();
        for hard in text.split('\n') {
            let direction = (!simple_only && crate::bidi::may_have_rtl(hard))
                .then(|| crate::bidi::first_strong_rtl(hard).unwrap_or(false));
            let first = out.len();
            let mut line = String::new();
            let mut line_w = 0.0f32;
            for word in hard.split(' ').filter(|w| !w.is_empty()) {
                let w = em(word)? * scale;
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
                    for piece in breakable_pieces(word) {
                        let pw = em(piece)? * scale;
                        if !line.is_empty() && line_w + pw > max {
                            out.push(std::mem::take(&mut line));
                            line_w = 0.0;
                        }
                        line.push_str(piece);
                        // Shaped text is measured whole: its pieces' widths need not add up.
                        line_w = if piece.chars().all(is_simple) { line_w + pw } else { self.em(&line, bold) * scale };
                    }
                }
            }
            out.push(line);
            if direction.is_some() {
                for l in &mut out[first..] {
                    *l = crate::bidi::keep_direction(direction, std::mem::take(l));
                }
            }
        }
        Some(out)
    }
}

/// A word cut into the smallest pieces it may be broken between: a character
/// with the combining marks and joiners that follow it.
fn breakable_pieces(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_joiner = false;
    for (i, c) in word.char_indices() {
        let attached = c.general_category_group() == GeneralCategoryGroup::Mark || is_ignorable(c);
        if i > start && !attached && !prev_joiner {
            out.push(&word[start..i]);
            start = i;
        }
        prev_joiner = matches!(c, '\u{200C}' | '\u{200D}');
    }
    if start < word.len() {
        out.push(&word[start..]);
    }
    out
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
        let w = sh.width("iW", false, 10.0);
        let expected = (569.0 + 2025.0) / 2048.0 * 10.0 * MM_PER_PT;
        assert!((w - expected).abs() < 1e-4, "{w} vs {expected}");
        assert!(sh.width("Wide", true, 10.0) > sh.width("Wide", false, 10.0));
    }

    #[test]
    fn wraps_and_hard_breaks_long_words() {
        let f = fonts();
        let sh = Shaper::new(&f);
        let long = "Hubert Blaine Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessen";
        let lines = sh.wrap(long, false, 10.0, 40.0, "t");
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            assert!(sh.width(l, false, 10.0) <= 40.0 + 1e-3, "{l}");
        }
        assert_eq!(lines.concat().replace(' ', ""), long.replace(' ', ""));
        let hard = sh.wrap("a\n\nb", false, 10.0, 100.0, "t");
        assert_eq!(hard, vec!["a", "", "b"]);
    }

    #[test]
    fn uncovered_character_is_a_reported_placeholder() {
        let f = fonts();
        let mut sh = Shaper::new(&f);
        let runs = sh.runs("Wang 王", false, "recipient name");
        assert_eq!(runs, vec![Run::Chars { face: FaceId::Regular, text: "Wang \u{FFFD}".into() }]);
        sh.runs("王 王", false, "recipient name");
        sh.wrap("王", false, 10.0, 100.0, "greeting");
        assert_eq!(
            *sh.placeholders.borrow(),
            vec![('王', "recipient name".to_string()), ('王', "greeting".to_string())]
        );
        assert_eq!(sh.width("王", false, 10.0), sh.width("\u{FFFD}", false, 10.0));
    }

    #[test]
    fn arabic_name_is_shaped_right_to_left_inside_a_latin_line() {
        let f = fonts();
        let mut sh = Shaper::new(&f);
        let runs = sh.runs("Dear محمد,", false, "greeting");
        assert_eq!(runs.len(), 3, "{runs:?}");
        assert!(matches!(&runs[0], Run::Chars { text, .. } if text == "Dear "));
        let Run::Glyphs(g) = &runs[1] else { panic!("{runs:?}") };
        assert!(g.rtl && g.text == "محمد" && g.glyphs.len() == 4);
        assert!(matches!(&runs[2], Run::Chars { text, .. } if text == ","));
        // The line is as wide as its parts.
        let w = sh.width("Dear محمد,", false, 10.0);
        let parts = sh.width("Dear ", false, 10.0) + sh.width("محمد", false, 10.0) + sh.width(",", false, 10.0);
        assert!((w - parts).abs() < 1e-3, "{w} vs {parts}");
    }

    #[test]
    fn rtl_paragraph_keeps_its_direction_on_every_line() {
        let f = fonts();
        let sh = Shaper::new(&f);
        let lines = sh.wrap("محمد الأحمد Main Street", false, 10.0, 25.0, "t");
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines[1..].iter().any(|l| l.starts_with('\u{200F}')), "{lines:?}");
    }

    #[test]
    fn usage_rolls_back_a_failed_letter() {
        let f = fonts();
        let mut sh = Shaper::new(&f);
        sh.runs("ab", false, "t");
        sh.usage.commit();
        sh.runs("xyz محمد", false, "t");
        sh.usage.rollback();
        let faces = sh.usage.faces();
        assert_eq!(faces.len(), 1);
        assert_eq!(faces[0].chars, vec!['a', 'b']);
        assert!(faces[0].glyphs.is_empty());
    }

    #[test]
    fn pieces_keep_marks_with_their_base() {
        assert_eq!(breakable_pieces("e\u{301}a"), vec!["e\u{301}", "a"]);
        assert_eq!(breakable_pieces("न्\u{200D}म"), vec!["न्\u{200D}म"]);
    }

    #[test]
    fn clean_drops_controls() {
        assert_eq!(clean("a\tb\r\nc\u{200B}"), "a b\nc");
        assert_eq!(clean("a\u{2029}b"), "a\nb");
        assert_eq!(clean("ab\u{200D}c"), "ab\u{200D}c");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }
}

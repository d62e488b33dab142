//! Fonts: the bundled DejaVu Sans (regular, bold) and, for characters DejaVu
//! lacks, system fonts chosen by what they actually cover (`fallback`).
//!
//! Each face is parsed once per process into dense lookup tables (char → glyph
//! id, glyph id → advance width), so measuring text is two array reads per
//! character, and keeps its parsed `rustybuzz` face beside them for shaping.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock, RwLock};

use crate::error::PdfError;
use crate::fallback::FontList;

static DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// The bundled faces, parsed the first time any [`Fonts`] is built and then
/// shared by every `Fonts` of the process (they never change).
static BUNDLED: OnceLock<Result<(Face, Face), PdfError>> = OnceLock::new();

/// Which face a run of text is drawn with. `Fallback(i)` is the i-th candidate
/// of the fallback font list (a stable order, so ids do not depend on which
/// thread loaded a font first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum FaceId {
    Regular,
    Bold,
    Fallback(u16),
}

impl FaceId {
    /// Dense index: 0 regular, 1 bold, 2.. fallbacks.
    pub(crate) fn index(self) -> usize {
        match self {
            FaceId::Regular => 0,
            FaceId::Bold => 1,
            FaceId::Fallback(i) => 2 + usize::from(i),
        }
    }
}

/// One parsed font face with dense metric tables and its shaper face.
pub(crate) struct Face {
    /// PostScript name ("DejaVuSans-Bold"), used as /BaseFont after the subset tag.
    pub(crate) name: String,
    data: &'static [u8],
    /// Face index inside a collection (`.ttc`), 0 otherwise.
    pub(crate) index: u32,
    pub(crate) units_per_em: u16,
    pub(crate) ascender: i16,
    pub(crate) descender: i16,
    pub(crate) bbox: [i16; 4],
    pub(crate) weight: u16,
    /// Glyph id for every BMP code point (0 = not covered).
    bmp: Vec<u16>,
    /// Glyph ids for code points above U+FFFF.
    astral: HashMap<u32, u16>,
    /// Advance width per glyph id, in font units.
    advances: Vec<u16>,
    /// The HarfBuzz-port view of the same bytes, parsed once (its GSUB/GPOS
    /// tables are what shaping reads).
    pub(crate) shaper: rustybuzz::Face<'static>,
    /// Shape plans per (direction, script): building one walks the font's
    /// lookups, which costs more than shaping a name.
    plans: RwLock<Vec<PlanEntry>>,
}

type PlanKey = (rustybuzz::Direction, Option<rustybuzz::Script>);
type PlanEntry = (PlanKey, Arc<rustybuzz::ShapePlan>);

/// Why a font file could not be used.
#[derive(Debug, thiserror::Error)]
pub(crate) enum FaceError {
    #[error("{0}")]
    Parse(#[from] ttf_parser::FaceParsingError),
    #[error("units per em is 0")]
    ZeroUnitsPerEm,
}

impl Face {
    /// Parses face `index` of `data` (which lives for the rest of the process:
    /// bundled bytes, or a fallback file read once and kept).
    pub(crate) fn parse(data: &'static [u8], index: u32) -> Result<Face, FaceError> {
        let face = ttf_parser::Face::parse(data, index)?;
        let mut bmp = vec![0u16; 0x1_0000];
        let mut astral = HashMap::new();
        if let Some(cmap) = face.tables().cmap {
            for sub in cmap.subtables {
                if !sub.is_unicode() {
                    continue;
                }
                sub.codepoints(|cp| {
                    let Some(gid) = sub.glyph_index(cp) else { return };
                    if gid.0 == 0 {
                        return;
                    }
                    if cp < 0x1_0000 {
                        let slot = &mut bmp[cp as usize];
                        if *slot == 0 {
                            *slot = gid.0;
                        }
                    } else {
                        astral.entry(cp).or_insert(gid.0);
                    }
                });
            }
        }
        let num_glyphs = face.number_of_glyphs();
        let advances =
            (0..num_glyphs).map(|g| face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0)).collect::<Vec<_>>();
        let name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .filter_map(|n| n.to_string())
            .find(|n| !n.is_empty())
            .unwrap_or_else(|| "Font".to_string());
        // PDF names must not contain spaces or delimiters.
        let name: String = name.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        let bb = face.global_bounding_box();
        let units_per_em = face.units_per_em();
        let (ascender, descender) = (face.ascender(), face.descender());
        let weight = face.tables().os2.map(|o| o.weight().to_number()).unwrap_or(400);
        if units_per_em == 0 {
            return Err(FaceError::ZeroUnitsPerEm);
        }
        let shaper = rustybuzz::Face::from_face(face);
        Ok(Face {
            name,
            data,
            index,
            units_per_em,
            ascender,
            descender,
            bbox: [bb.x_min, bb.y_min, bb.x_max, bb.y_max],
            weight,
            bmp,
            astral,
            advances,
            shaper,
            plans: RwLock::new(Vec::new()),
        })
    }

    /// The raw font program (the whole file; see [`Face::index`]).
    pub(crate) fn data(&self) -> &[u8] {
        self.data
    }

    /// Glyph id of `c`, 0 when the face does not cover it.
    #[inline]
    pub(crate) fn glyph(&self, c: char) -> u16 {
        let cp = u32::from(c);
        if cp < 0x1_0000 {
            self.bmp[cp as usize]
        } else {
            self.astral.get(&cp).copied().unwrap_or(0)
        }
    }

    /// Advance width of `gid` in font units.
    #[inline]
    pub(crate) fn advance(&self, gid: u16) -> u16 {
        self.advances.get(usize::from(gid)).copied().unwrap_or(0)
    }

    /// The cached shape plan for a direction and script (built on first use).
    pub(crate) fn plan(
        &self,
        direction: rustybuzz::Direction,
        script: Option<rustybuzz::Script>,
    ) -> Arc<rustybuzz::ShapePlan> {
        let key = (direction, script);
        if let Ok(plans) = self.plans.read() {
            if let Some((_, p)) = plans.iter().find(|(k, _)| *k == key) {
                return Arc::clone(p);
            }
        }
        let plan = Arc::new(rustybuzz::ShapePlan::new(&self.shaper, direction, script, None, &[]));
        if let Ok(mut plans) = self.plans.write() {
            if !plans.iter().any(|(k, _)| *k == key) {
                plans.push((key, Arc::clone(&plan)));
            }
        }
        plan
    }
}

enum FallbackSource {
    /// The system's fonts (one list per process, see `fallback::system`).
    System,
    /// Only these files, in this order (may be empty: no fallback at all).
    Explicit { paths: Vec<PathBuf>, list: Box<OnceLock<FontList>> },
}

/// The fonts used for rendering: DejaVu Sans regular and bold (bundled, parsed
/// once per process) plus fallback fonts for characters DejaVu cannot draw.
///
/// The fallback fonts are found by coverage: the first time a character
/// DejaVu lacks shows up, the system's fonts are listed once per process
/// (`fontdb`), and each such character goes to the first font (in a
/// script-aware order of preference) whose `cmap` covers it. Pure Latin, Greek
/// and Cyrillic text never lists or opens a system font.
///
/// `Fonts` is `Send + Sync`; share one per process (`&Fonts` or `Arc<Fonts>`).
pub struct Fonts {
    regular: &'static Face,
    bold: &'static Face,
    source: FallbackSource,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts").field("regular", &self.regular.name).field("bold", &self.bold.name).finish()
    }
}

impl Fonts {
    /// The bundled fonts with the system's fonts as fallback. Cheap to share
    /// (&Fonts / Arc), and cheap to call again: the bundled fonts are parsed once
    /// per process.
    ///
    /// Fallback fonts for characters DejaVu Sans lacks are searched in the usual
    /// Linux, macOS and Windows font folders the first time such a character is
    /// measured or drawn.
    pub fn load() -> Result<Fonts, PdfError> {
        Self::build(FallbackSource::System)
    }

    /// Like [`Fonts::load`], but the only fallback fonts are the faces of the
    /// files `paths`, tried in this order (an empty list disables fallback: any
    /// character DejaVu Sans cannot draw is drawn as a placeholder). For apps that
    /// ship or let the user pick a font, and for tests.
    pub fn load_with_fallbacks(paths: Vec<PathBuf>) -> Result<Fonts, PdfError> {
        Self::build(FallbackSource::Explicit { paths, list: Box::default() })
    }

    fn build(source: FallbackSource) -> Result<Fonts, PdfError> {
        let bundled = BUNDLED.get_or_init(|| {
            let load = |bytes: &'static [u8], name: &str| {
                Face::parse(bytes, 0).map_err(|e| PdfError::FontLoad { name: name.to_string(), reason: e.to_string() })
            };
            Ok((load(DEJAVU_SANS, "DejaVu Sans")?, load(DEJAVU_SANS_BOLD, "DejaVu Sans Bold")?))
        });
        match bundled {
            Ok((regular, bold)) => Ok(Fonts { regular, bold, source }),
            Err(e) => Err(e.clone()),
        }
    }

    /// The fallback font files that would be tried, without duplicates, in the
    /// order of the list (lists the system's fonts on first call).
    pub fn fallback_candidates(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = Vec::new();
        if let Some(list) = self.list() {
            for p in list.paths() {
                if !out.contains(p) {
                    out.push(p.clone());
                }
            }
        }
        out
    }

    /// Whether the fallback fonts have been listed yet (the system's fonts for
    /// [`Fonts::load`], which happens once per process; the given files for
    /// [`Fonts::load_with_fallbacks`]). Text that DejaVu Sans covers never
    /// causes it. For diagnostics and tests.
    pub fn fallback_listed(&self) -> bool {
        match &self.source {
            FallbackSource::System => crate::fallback::system_listed(),
            FallbackSource::Explicit { list, .. } => list.get().is_some(),
        }
    }

    /// The characters of `text` that no available font can draw, each once, in
    /// order of first appearance. They would be printed as a placeholder (�);
    /// the app can name them in a preview before printing. Line breaks, tabs
    /// and invisible format characters (joiners, direction marks) are never
    /// listed.
    pub fn uncovered(&self, text: &str) -> Vec<char> {
        let mut out = Vec::new();
        for c in text.chars() {
            if c == '\n' || c == '\t' || crate::text::is_dropped(c) || crate::shape::is_ignorable(c) {
                continue;
            }
            if self.resolve(c, false).is_none() && !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    fn list(&self) -> Option<&FontList> {
        match &self.source {
            FallbackSource::System => Some(crate::fallback::system()),
            FallbackSource::Explicit { paths, list } => {
                if paths.is_empty() {
                    None
                } else {
                    Some(list.get_or_init(|| FontList::from_files(paths)))
                }
            }
        }
    }

    /// Where a face comes from: its file and face index.
    #[cfg(test)]
    pub(crate) fn source(&self, id: FaceId) -> Option<(PathBuf, u32)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        match id {
            FaceId::Regular => Some((dir.join("DejaVuSans.ttf"), 0)),
            FaceId::Bold => Some((dir.join("DejaVuSans-Bold.ttf"), 0)),
            FaceId::Fallback(i) => self.list()?.source(i).map(|(p, k)| (p.to_path_buf(), k)),
        }
    }

    pub(crate) fn face(&self, id: FaceId) -> Option<&Face> {
        match id {
            FaceId::Regular => Some(self.regular),
            FaceId::Bold => Some(self.bold),
            FaceId::Fallback(i) => self.list().and_then(|l| l.face(i)),
        }
    }

    /// The bundled face of a weight.
    pub(crate) fn primary(&self, bold: bool) -> (&Face, FaceId) {
        if bold {
            (self.bold, FaceId::Bold)
        } else {
            (self.regular, FaceId::Regular)
        }
    }

    /// The face that draws `c` and its glyph id: the requested DejaVu weight,
    /// then the other weight, then the fallback font chosen for `c` (the system
    /// font list is built the first time this point is reached). `None` when
    /// no font covers `c`.
    #[inline]
    pub(crate) fn resolve(&self, c: char, bold: bool) -> Option<(FaceId, u16)> {
        let (first, first_id, second, second_id) = if bold {
            (self.bold, FaceId::Bold, self.regular, FaceId::Regular)
        } else {
            (self.regular, FaceId::Regular, self.bold, FaceId::Bold)
        };
        let g = first.glyph(c);
        if g != 0 {
            return Some((first_id, g));
        }
        self.resolve_slow(c, bold, second, second_id)
    }

    #[cold]
    fn resolve_slow(&self, c: char, bold: bool, second: &Face, second_id: FaceId) -> Option<(FaceId, u16)> {
        let g = second.glyph(c);
        if g != 0 {
            return Some((second_id, g));
        }
        // Line breaks, controls and invisible marks are never drawn: no reason to list the system's fonts.
        if c.is_control() || crate::shape::is_ignorable(c) {
            return None;
        }
        let list = self.list()?;
        let i = list.resolve(c, bold)?;
        let g = list.face(i)?.glyph(c);
        (g != 0).then_some((FaceId::Fallback(i), g))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dejavu_covers_latin_greek_cyrillic() {
        let fonts = Fonts::load_with_fallbacks(vec![]).unwrap();
        for c in "Zoë Ångström-Müller Łucja Ørsted Дмитрий Παπαδόπουλος €\u{202F}\u{A0}".chars()
        {
            assert!(matches!(fonts.resolve(c, false), Some((FaceId::Regular, _))), "{c:?}");
            assert!(matches!(fonts.resolve(c, true), Some((FaceId::Bold, _))), "{c:?}");
        }
        assert_eq!(fonts.resolve('王', false), None);
        assert_eq!(fonts.regular.name, "DejaVuSans");
        assert_eq!(fonts.bold.name, "DejaVuSans-Bold");
    }

    #[test]
    fn uncovered_lists_each_missing_character_once_in_order() {
        let fonts = Fonts::load_with_fallbacks(vec![]).unwrap();
        assert_eq!(fonts.uncovered("Wang 王芳 王\u{200D}\n\tZoë"), vec!['王', '芳']);
        assert!(fonts.uncovered("Zoë Дмитрий محمد דוד").is_empty());
    }

    #[test]
    fn a_collection_gives_the_face_made_for_the_script() {
        let ttc = PathBuf::from("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        if !ttc.is_file() {
            eprintln!("skipped: {} not installed (fonts-noto-cjk)", ttc.display());
            return;
        }
        let fonts = Fonts::load_with_fallbacks(vec![ttc.clone()]).unwrap();
        // PostScript names: NotoSansCJKkr-Regular, NotoSansCJKjp-Regular.
        let name = |c: char| {
            let (id, _) = fonts.resolve(c, false).unwrap();
            assert_eq!(fonts.source(id).unwrap().0, ttc);
            fonts.face(id).unwrap().name.to_lowercase()
        };
        assert!(name('김').contains("cjkkr"), "{}", name('김'));
        assert!(name('か').contains("cjkjp"), "{}", name('か'));
    }

    #[test]
    fn fonts_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Fonts>();
    }
}

//! Fonts: the bundled DejaVu Sans (regular, bold) and a lazily loaded chain of
//! system fallback fonts for characters DejaVu lacks (CJK above all).
//!
//! Each face is parsed once into dense lookup tables (char → glyph id, glyph id →
//! advance width), so measuring text is two array reads per character.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::PdfError;

static DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Well-known locations of fonts that cover Chinese, Japanese and Korean, in order
/// of preference (small, TrueType-outlined fonts first: they subset fastest).
const KNOWN_FALLBACKS: &[&str] = &[
    // Debian/Ubuntu: fonts-droid-fallback, fonts-wqy-microhei, fonts-wqy-zenhei, fonts-noto-cjk
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    // macOS
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    // Windows
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\simsun.ttc",
    "C:\\Windows\\Fonts\\msgothic.ttc",
    "C:\\Windows\\Fonts\\malgun.ttf",
];

/// Folders searched (two levels deep) for further CJK-capable fonts by file name.
const FONT_DIRS: &[&str] =
    &["/usr/share/fonts", "/usr/local/share/fonts", "/System/Library/Fonts", "/Library/Fonts", "C:\\Windows\\Fonts"];

/// File-name fragments (lower case) that mark a font as likely to cover CJK.
const CJK_NAME_HINTS: &[&str] =
    &["cjk", "droidsansfallback", "wqy", "uming", "ukai", "pingfang", "hiragino", "msyh", "simsun"];

/// Which face a run of text is drawn with. `Fallback(i)` indexes the fallback chain.
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

enum Bytes {
    Static(&'static [u8]),
    Owned(Vec<u8>),
}

impl Bytes {
    fn as_slice(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Owned(v) => v,
        }
    }
}

/// One parsed font face with dense metric tables.
pub(crate) struct Face {
    /// PostScript name ("DejaVuSans-Bold"), used as /BaseFont after the subset tag.
    pub(crate) name: String,
    data: Bytes,
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
}

/// Why a font file could not be used.
#[derive(Debug, thiserror::Error)]
enum FaceError {
    #[error("{0}")]
    Parse(#[from] ttf_parser::FaceParsingError),
    #[error("units per em is 0")]
    ZeroUnitsPerEm,
}

impl Face {
    fn parse(data: Bytes, index: u32) -> Result<Face, FaceError> {
        let face = ttf_parser::Face::parse(data.as_slice(), index)?;
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
        })
    }

    /// The raw font program (the whole file; see [`Face::index`]).
    pub(crate) fn data(&self) -> &[u8] {
        self.data.as_slice()
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
}

struct FallbackSlot {
    path: PathBuf,
    face: OnceLock<Option<Face>>,
}

enum FallbackSource {
    /// Look for fonts in the usual system places.
    System,
    /// Only these files, in this order (may be empty: no fallback at all).
    Explicit(Vec<PathBuf>),
}

/// The fonts used for rendering: DejaVu Sans regular and bold (bundled, parsed
/// once) plus a chain of system fallback fonts that are located and parsed only
/// when a character DejaVu cannot draw first shows up, then cached.
///
/// `Fonts` is `Send + Sync`; share one per process (`&Fonts` or `Arc<Fonts>`).
pub struct Fonts {
    regular: Face,
    bold: Face,
    source: FallbackSource,
    chain: OnceLock<Vec<FallbackSlot>>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts").field("regular", &self.regular.name).field("bold", &self.bold.name).finish()
    }
}

impl Fonts {
    /// Parses the bundled fonts once per process. Cheap to share (&Fonts / Arc).
    ///
    /// Fallback fonts for characters DejaVu Sans lacks are searched in the usual
    /// Linux, macOS and Windows font folders the first time such a character is
    /// rendered.
    pub fn load() -> Result<Fonts, PdfError> {
        Self::build(FallbackSource::System)
    }

    /// Like [`Fonts::load`], but the fallback chain is exactly `paths`, in order
    /// (an empty list disables fallback: any character DejaVu Sans cannot draw is
    /// a [`PdfError::MissingGlyph`]). For apps that ship or let the user pick a
    /// CJK font, and for tests.
    pub fn load_with_fallbacks(paths: Vec<PathBuf>) -> Result<Fonts, PdfError> {
        Self::build(FallbackSource::Explicit(paths))
    }

    fn build(source: FallbackSource) -> Result<Fonts, PdfError> {
        let load = |bytes: &'static [u8], name: &str| {
            Face::parse(Bytes::Static(bytes), 0)
                .map_err(|e| PdfError::FontLoad { name: name.to_string(), reason: e.to_string() })
        };
        Ok(Fonts {
            regular: load(DEJAVU_SANS, "DejaVu Sans")?,
            bold: load(DEJAVU_SANS_BOLD, "DejaVu Sans Bold")?,
            source,
            chain: OnceLock::new(),
        })
    }

    /// The fallback font files that would be tried, in order (located on first call).
    pub fn fallback_candidates(&self) -> Vec<PathBuf> {
        self.chain().iter().map(|s| s.path.clone()).collect()
    }

    pub(crate) fn face(&self, id: FaceId) -> Option<&Face> {
        match id {
            FaceId::Regular => Some(&self.regular),
            FaceId::Bold => Some(&self.bold),
            FaceId::Fallback(i) => self.chain().get(usize::from(i)).and_then(|s| s.face.get()).and_then(|f| f.as_ref()),
        }
    }

    /// The face that draws `c` and its glyph id: the requested DejaVu weight,
    /// then the other weight, then the fallback chain in order (each fallback is
    /// parsed the first time it is consulted). `None` when no font covers `c`.
    #[inline]
    pub(crate) fn resolve(&self, c: char, bold: bool) -> Option<(FaceId, u16)> {
        let (first, first_id, second, second_id) = if bold {
            (&self.bold, FaceId::Bold, &self.regular, FaceId::Regular)
        } else {
            (&self.regular, FaceId::Regular, &self.bold, FaceId::Bold)
        };
        let g = first.glyph(c);
        if g != 0 {
            return Some((first_id, g));
        }
        self.resolve_slow(c, second, second_id)
    }

    #[cold]
    fn resolve_slow(&self, c: char, second: &Face, second_id: FaceId) -> Option<(FaceId, u16)> {
        let g = second.glyph(c);
        if g != 0 {
            return Some((second_id, g));
        }
        for (i, slot) in self.chain().iter().enumerate() {
            let face = slot.face.get_or_init(|| load_file(&slot.path));
            if let Some(face) = face {
                let g = face.glyph(c);
                if g != 0 {
                    return Some((FaceId::Fallback(u16::try_from(i).ok()?), g));
                }
            }
        }
        None
    }

    fn chain(&self) -> &[FallbackSlot] {
        self.chain.get_or_init(|| {
            let paths = match &self.source {
                FallbackSource::Explicit(p) => p.clone(),
                FallbackSource::System => discover_system_fallbacks(),
            };
            paths.into_iter().map(|path| FallbackSlot { path, face: OnceLock::new() }).collect()
        })
    }
}

fn load_file(path: &Path) -> Option<Face> {
    let bytes = std::fs::read(path).ok()?;
    // Collections: the first face (for Noto CJK / WenQuanYi it covers all Han ideographs).
    Face::parse(Bytes::Owned(bytes), 0).ok()
}

/// Known CJK font paths that exist, then any other font file under the usual
/// font folders whose name hints at CJK coverage.
fn discover_system_fallbacks() -> Vec<PathBuf> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for p in KNOWN_FALLBACKS {
        let path = PathBuf::from(p);
        if path.is_file() && seen.insert(path.clone()) {
            out.push(path);
        }
    }
    let mut dirs: Vec<PathBuf> = FONT_DIRS.iter().map(PathBuf::from).collect();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".local/share/fonts"));
        dirs.push(Path::new(&home).join("Library/Fonts"));
    }
    let mut found = Vec::new();
    for dir in dirs {
        scan(&dir, 3, &mut found);
    }
    found.sort();
    for path in found {
        if seen.insert(path.clone()) {
            out.push(path);
        }
    }
    out
}

fn scan(dir: &Path, depth: u32, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if depth > 0 {
                scan(&path, depth - 1, out);
            }
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_lowercase();
        let is_font = [".ttf", ".otf", ".ttc", ".otc"].iter().any(|ext| name.ends_with(ext));
        if is_font && CJK_NAME_HINTS.iter().any(|h| name.contains(h)) {
            out.push(path);
        }
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
    fn fonts_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Fonts>();
    }
}

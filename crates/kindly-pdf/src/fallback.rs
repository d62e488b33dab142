//! Fallback fonts chosen by coverage, not by file name.
//!
//! A [`FontList`] is the set of candidate faces (every face of the system's
//! fonts, listed once per process with `fontdb`, or the faces of explicit
//! files). A character DejaVu Sans lacks goes to the first candidate, in a
//! script-aware order of preference, whose `cmap` really covers it:
//!
//! 1. families known to be made for the character's script (e.g. "Noto Sans
//!    Devanagari", "Noto Sans CJK KR" for Hangul, "Droid Sans Fallback" for
//!    Han), in the listed order;
//! 2. families whose name contains the script's name ("Lohit Devanagari");
//! 3. every other face.
//!
//! Within a tier the weight closest to the requested one (400 or 700) and
//! upright faces come first; ties keep a stable order (family name, then file,
//! then face index) so the same fonts always give the same choice. Faces that
//! cannot be embedded are never chosen: bitmap-only faces (colour emoji),
//! CFF2-only faces, and faces whose licence forbids embedding or subsetting.
//!
//! Coverage is read lazily, one face at a time, and the answer for each
//! (character, weight) is cached, as is each loaded face: a font file is read
//! into memory once per process and kept (its parsed tables point into it).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use unicode_script::{Script, UnicodeScript};

use crate::fonts::Face;

/// The system's fonts, listed the first time a character DejaVu lacks appears.
static SYSTEM: OnceLock<FontList> = OnceLock::new();

type FileCache = Mutex<HashMap<PathBuf, Option<&'static [u8]>>>;
type FaceCache = Mutex<HashMap<(PathBuf, u32), Option<&'static Face>>>;
type ScriptOrders = RwLock<HashMap<(Script, bool), Arc<[u16]>>>;

/// Font files read so far (shared by every list; collections are read once for all their faces).
static FILES: OnceLock<FileCache> = OnceLock::new();

/// Faces parsed so far, per (file, face index).
static FACES: OnceLock<FaceCache> = OnceLock::new();

/// The process-wide list of the system's fonts.
pub(crate) fn system() -> &'static FontList {
    SYSTEM.get_or_init(|| {
        let mut db = fontdb::Database::new();
        // Windows and macOS font folders; on Linux /usr/share/fonts,
        // /usr/local/share/fonts, ~/.fonts and ~/.local/share/fonts (fontdb's
        // fontconfig reader is left out: it doubles fontdb's size).
        db.load_system_fonts();
        for dir in xdg_font_dirs() {
            db.load_fonts_dir(dir);
        }
        FontList::new(db, None)
    })
}

/// Font folders of the XDG data directories that `load_system_fonts` does not
/// read on Linux (NixOS profiles, Flatpak runtimes, custom prefixes).
fn xdg_font_dirs() -> Vec<PathBuf> {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return Vec::new();
    }
    let dirs = std::env::var_os("XDG_DATA_DIRS").unwrap_or_default();
    let mut out: Vec<PathBuf> = Vec::new();
    for d in std::env::split_paths(&dirs) {
        let fonts = d.join("fonts");
        // Paths compare by components, so "/usr/share/" is "/usr/share".
        let standard = d == Path::new("/usr/share") || d == Path::new("/usr/local/share");
        if !standard && d.is_absolute() && fonts.is_dir() && !out.contains(&fonts) {
            out.push(fonts);
        }
    }
    out
}

/// Whether [`system`] has run in this process.
pub(crate) fn system_listed() -> bool {
    SYSTEM.get().is_some()
}

/// The characters a face covers, as a bit set (BMP) and a sorted list (above U+FFFF).
struct Coverage {
    bmp: Vec<u64>,
    astral: Vec<u32>,
}

impl Coverage {
    fn contains(&self, c: char) -> bool {
        let cp = u32::from(c);
        if cp < 0x1_0000 {
            self.bmp.get((cp / 64) as usize).is_some_and(|w| w & (1 << (cp % 64)) != 0)
        } else {
            self.astral.binary_search(&cp).is_ok()
        }
    }

    /// Reads the cmap of face `index` of `data`; `None` when the face cannot be
    /// embedded in a PDF (see the module docs).
    fn read(data: &[u8], index: u32) -> Option<Coverage> {
        let face = ttf_parser::Face::parse(data, index).ok()?;
        let tables = face.tables();
        if tables.glyf.is_none() && tables.cff.is_none() {
            return None;
        }
        if let Some(os2) = tables.os2 {
            if os2.permissions() == Some(ttf_parser::Permissions::Restricted) || !os2.is_subsetting_allowed() {
                return None;
            }
        }
        let mut bmp = vec![0u64; 0x1_0000 / 64];
        let mut astral = Vec::new();
        for sub in tables.cmap?.subtables {
            if !sub.is_unicode() {
                continue;
            }
            sub.codepoints(|cp| {
                if sub.glyph_index(cp).is_none_or(|g| g.0 == 0) {
                    return;
                }
                if cp < 0x1_0000 {
                    bmp[(cp / 64) as usize] |= 1 << (cp % 64);
                } else {
                    astral.push(cp);
                }
            });
        }
        astral.sort_unstable();
        astral.dedup();
        Some(Coverage { bmp, astral })
    }
}

/// One face that may serve as a fallback.
struct Candidate {
    id: fontdb::ID,
    path: PathBuf,
    index: u32,
    /// Family names in lower case (a face may have several, e.g. per language).
    families: Vec<String>,
    weight: u16,
    upright: bool,
    /// Position of the file in an explicit list (0 for system fonts).
    file_rank: usize,
    coverage: OnceLock<Option<Coverage>>,
    face: OnceLock<Option<&'static Face>>,
}

/// Candidate faces and the choices made among them (see the module docs).
pub(crate) struct FontList {
    db: fontdb::Database,
    candidates: Vec<Candidate>,
    /// Per (character, bold): the chosen candidate, or `None` (nothing covers it).
    by_char: RwLock<HashMap<(char, bool), Option<u16>>>,
    /// Per (script, bold): candidates in order of preference.
    orders: ScriptOrders,
}

impl FontList {
    /// The faces of `paths`, tried in this order.
    pub(crate) fn from_files(paths: &[PathBuf]) -> FontList {
        let mut db = fontdb::Database::new();
        let mut ranks = HashMap::new();
        for (i, p) in paths.iter().enumerate() {
            // A file that cannot be read is skipped, like an uncovering font.
            if db.load_font_file(p).is_ok() {
                ranks.entry(p.clone()).or_insert(i);
            }
        }
        FontList::new(db, Some(ranks))
    }

    fn new(db: fontdb::Database, ranks: Option<HashMap<PathBuf, usize>>) -> FontList {
        let mut candidates: Vec<Candidate> = db
            .faces()
            .filter_map(|f| {
                let path = match &f.source {
                    fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
                    fontdb::Source::Binary(_) => return None,
                };
                let file_rank = match &ranks {
                    Some(r) => *r.get(&path)?,
                    None => 0,
                };
                Some(Candidate {
                    id: f.id,
                    families: f.families.iter().map(|(n, _)| n.to_lowercase()).collect(),
                    path,
                    index: f.index,
                    weight: f.weight.0,
                    upright: f.style == fontdb::Style::Normal,
                    file_rank,
                    coverage: OnceLock::new(),
                    face: OnceLock::new(),
                })
            })
            .collect();
        // The stable base order: explicit files as given, then family, file and face index.
        candidates.sort_by(|a, b| {
            (a.file_rank, &a.families, &a.path, a.index).cmp(&(b.file_rank, &b.families, &b.path, b.index))
        });
        candidates.truncate(usize::from(u16::MAX));
        FontList { db, candidates, by_char: RwLock::new(HashMap::new()), orders: RwLock::new(HashMap::new()) }
    }

    /// The files of all candidates, in the base order.
    pub(crate) fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        self.candidates.iter().map(|c| &c.path)
    }

    /// The file and face index of candidate `i`.
    #[cfg(test)]
    pub(crate) fn source(&self, i: u16) -> Option<(&Path, u32)> {
        self.candidates.get(usize::from(i)).map(|c| (c.path.as_path(), c.index))
    }

    /// The loaded face of candidate `i` (read and parsed on first use).
    pub(crate) fn face(&self, i: u16) -> Option<&'static Face> {
        let c = self.candidates.get(usize::from(i))?;
        *c.face.get_or_init(|| load_face(&c.path, c.index))
    }

    /// The candidate that draws `c` (see the module docs), cached per character and weight.
    pub(crate) fn resolve(&self, c: char, bold: bool) -> Option<u16> {
        if let Ok(map) = self.by_char.read() {
            if let Some(hit) = map.get(&(c, bold)) {
                return *hit;
            }
        }
        let order = self.order(c.script(), bold);
        let mut found = None;
        for &i in order.iter() {
            if self.covers(i, c) && self.face(i).is_some_and(|f| f.glyph(c) != 0) {
                found = Some(i);
                break;
            }
        }
        if let Ok(mut map) = self.by_char.write() {
            map.insert((c, bold), found);
        }
        found
    }

    fn covers(&self, i: u16, c: char) -> bool {
        let Some(cand) = self.candidates.get(usize::from(i)) else { return false };
        let cov = cand.coverage.get_or_init(|| self.db.with_face_data(cand.id, Coverage::read).flatten());
        cov.as_ref().is_some_and(|cov| cov.contains(c))
    }

    /// Candidates for `script` in order of preference (computed once per script and weight).
    fn order(&self, script: Script, bold: bool) -> Arc<[u16]> {
        if let Ok(map) = self.orders.read() {
            if let Some(o) = map.get(&(script, bold)) {
                return Arc::clone(o);
            }
        }
        let preferred = preferred_families(script);
        let hints = name_hints(script);
        let target: i32 = if bold { 700 } else { 400 };
        let mut order: Vec<(usize, usize, usize, i32, bool, u16)> = self
            .candidates
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let i = u16::try_from(i).ok()?;
                let (tier, pos) = match c.families.iter().filter_map(|f| preferred.iter().position(|p| p == f)).min() {
                    Some(pos) => (0, pos),
                    None if c.families.iter().any(|f| hints.iter().any(|h| f.contains(h.as_str()))) => (1, 0),
                    None => (2, 0),
                };
                Some((c.file_rank, tier, pos, (i32::from(c.weight) - target).abs(), !c.upright, i))
            })
            .collect();
        // Explicit files keep their order; within a file (and for system fonts) the tiers decide.
        order.sort();
        let order: Arc<[u16]> = order.into_iter().map(|t| t.5).collect();
        if let Ok(mut map) = self.orders.write() {
            map.insert((script, bold), Arc::clone(&order));
        }
        order
    }
}

/// Reads (once per process) the file and parses (once per process) the face.
fn load_face(path: &Path, index: u32) -> Option<&'static Face> {
    let faces = FACES.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (path.to_path_buf(), index);
    if let Some(hit) = faces.lock().ok()?.get(&key) {
        return *hit;
    }
    let data = read_file(path)?;
    // A parsed face lives as long as the process, like its bytes: it is shared
    // by every `Fonts` and every thread, and holds references into the bytes.
    let face = Face::parse(data, index).ok().map(|f| &*Box::leak(Box::new(f)));
    let mut map = faces.lock().ok()?;
    Some(*map.entry(key).or_insert(face)).flatten()
}

fn read_file(path: &Path) -> Option<&'static [u8]> {
    let files = FILES.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(hit) = files.lock().ok()?.get(path) {
        return *hit;
    }
    // Kept for the rest of the process (see `load_face`); each file at most once.
    let data = std::fs::read(path).ok().map(|v| &*Vec::leak(v));
    let mut map = files.lock().ok()?;
    *map.entry(path.to_path_buf()).or_insert(data)
}

/// Families made for a script, best first (lower case). Noto first (Linux, and
/// what `scripts/setup.sh` installs), then what macOS and Windows ship.
fn preferred_families(script: Script) -> Vec<String> {
    let han: &[&str] = &[
        // Droid Sans Fallback first: one small TrueType file that subsets fastest.
        "droid sans fallback",
        "noto sans cjk sc",
        "noto sans cjk jp",
        "noto sans cjk tc",
        "noto sans cjk kr",
        "noto sans cjk hk",
        "noto sans sc",
        "source han sans sc",
        "wenquanyi micro hei",
        "wenquanyi zen hei",
        "pingfang sc",
        "hiragino sans gb",
        "hiragino sans",
        "microsoft yahei",
        "yu gothic",
        "simsun",
        "ms gothic",
        "malgun gothic",
        "ar pl uming cn",
    ];
    let list: &[&str] = match script {
        Script::Han | Script::Bopomofo => han,
        Script::Hangul => &[
            "noto sans cjk kr",
            "noto sans kr",
            "source han sans kr",
            "nanumgothic",
            "apple sd gothic neo",
            "malgun gothic",
            "un dotum",
            "noto sans cjk jp",
            "noto sans cjk sc",
        ],
        Script::Hiragana | Script::Katakana => &[
            "noto sans cjk jp",
            "noto sans jp",
            "source han sans jp",
            "droid sans fallback",
            "hiragino sans",
            "hiragino kaku gothic pron",
            "yu gothic",
            "meiryo",
            "ms gothic",
            "noto sans cjk sc",
        ],
        Script::Arabic => &[
            "noto sans arabic",
            "noto naskh arabic",
            "noto sans arabic ui",
            "noto naskh arabic ui",
            "geeza pro",
            "segoe ui",
            "arial",
            "tahoma",
        ],
        Script::Hebrew => &["noto sans hebrew", "arial hebrew", "segoe ui", "arial"],
        Script::Devanagari => &[
            "noto sans devanagari",
            "noto serif devanagari",
            "lohit devanagari",
            "kohinoor devanagari",
            "devanagari sangam mn",
            "nirmala ui",
            "mangal",
        ],
        Script::Thai => &[
            "noto sans thai",
            "noto sans thai looped",
            "noto serif thai",
            "noto looped thai",
            "thonburi",
            "leelawadee ui",
            "tahoma",
        ],
        Script::Common | Script::Inherited | Script::Unknown => &[
            "noto sans",
            "noto sans symbols 2",
            "noto sans symbols2",
            "noto sans symbols",
            "noto sans math",
            "noto emoji",
            "segoe ui symbol",
            "segoe ui emoji",
            "apple symbols",
        ],
        _ => &[],
    };
    let mut out: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    // Noto's naming covers almost every script: "Noto Sans Gujarati", "Noto Serif Tamil", …
    let name = script.full_name().replace('_', " ").to_lowercase();
    for f in [format!("noto sans {name}"), format!("noto serif {name}"), format!("noto {name}")] {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// Words that mark a family as made for a script (lower case).
fn name_hints(script: Script) -> Vec<String> {
    match script {
        Script::Han | Script::Bopomofo | Script::Hiragana | Script::Katakana | Script::Hangul => {
            vec!["cjk".into(), "han sans".into(), "fallback".into()]
        }
        Script::Common | Script::Inherited | Script::Unknown => vec!["symbol".into()],
        s => vec![s.full_name().replace('_', " ").to_lowercase()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_reads_the_cmap() {
        let cov = Coverage::read(include_bytes!("../fonts/DejaVuSans.ttf"), 0).unwrap();
        assert!(cov.contains('A') && cov.contains('Ж') && cov.contains('ح'));
        assert!(!cov.contains('王') && !cov.contains('\u{1F984}'));
    }

    /// DejaVu Sans with one table renamed or one field changed.
    fn altered(tag: &[u8; 4], change: impl Fn(&mut Vec<u8>, usize, usize)) -> Vec<u8> {
        let mut data = include_bytes!("../fonts/DejaVuSans.ttf").to_vec();
        let n = usize::from(u16::from_be_bytes([data[4], data[5]]));
        for i in 0..n {
            let r = 12 + 16 * i;
            if &data[r..r + 4] == tag {
                let off = u32::from_be_bytes(data[r + 8..r + 12].try_into().unwrap()) as usize;
                change(&mut data, r, off);
            }
        }
        data
    }

    #[test]
    fn faces_that_cannot_be_embedded_cover_nothing() {
        // Bitmap-only (colour emoji): no outlines to subset.
        let bitmap_only = altered(b"glyf", |d, r, _| d[r..r + 4].copy_from_slice(b"CBDT"));
        assert!(ttf_parser::Face::parse(&bitmap_only, 0).is_ok());
        assert!(Coverage::read(&bitmap_only, 0).is_none());
        // Licence: restricted embedding (OS/2 fsType 2).
        let restricted = altered(b"OS/2", |d, _, off| d[off + 8..off + 10].copy_from_slice(&2u16.to_be_bytes()));
        assert!(Coverage::read(&restricted, 0).is_none());
        let editable = altered(b"OS/2", |d, _, off| d[off + 8..off + 10].copy_from_slice(&8u16.to_be_bytes()));
        assert!(Coverage::read(&editable, 0).is_some());
    }

    #[test]
    fn explicit_files_are_the_only_candidates() {
        let dir = std::env::temp_dir().join(format!("kindly-pdf-fallback-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("DejaVuSans-copy.ttf");
        std::fs::write(&path, include_bytes!("../fonts/DejaVuSans.ttf")).unwrap();
        let list = FontList::from_files(&[dir.join("missing.ttf"), path.clone()]);
        assert_eq!(list.paths().collect::<Vec<_>>(), vec![&path]);
        assert_eq!(list.resolve('ح', false), Some(0));
        assert_eq!(list.resolve('王', true), None);
        assert_eq!(list.face(0).map(|f| f.name.as_str()), Some("DejaVuSans"));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn preferences_name_the_script() {
        assert!(preferred_families(Script::Devanagari).contains(&"noto sans devanagari".to_string()));
        assert!(preferred_families(Script::Tamil).contains(&"noto sans tamil".to_string()));
        assert_eq!(preferred_families(Script::Hangul)[0], "noto sans cjk kr");
        assert_eq!(name_hints(Script::Thai), vec!["thai".to_string()]);
    }
}

//! Turns laid-out pages into a PDF with printpdf.
//!
//! The speed trick: printpdf is used without its `text_layout` feature (no
//! azul layout engine, no allsorts subsetting per document). Instead every face
//! is subset **once per PDF** with typst's `subsetter` (glyphs collected across
//! all pages first), and the subset program is handed to printpdf as a
//! ready-made `ParsedFont` whose char → glyph map already points at the subset's
//! glyph ids. printpdf then embeds it as a CID font (Identity-H) with `/W` widths.
//!
//! Text goes in two ways. Simple runs are written as text and printpdf turns
//! each character into its glyph. Shaped runs are written as glyph ids in
//! visual order, with `TJ` adjustments where the shaper's advances and offsets
//! differ from the font's widths and a text rise (`Ts`) for marks it moves up or
//! down.
//!
//! Text extraction: each font's `/ToUnicode` CMap is written here (replacing
//! printpdf's), from what layout recorded: a glyph drawn for a character maps
//! to that character, a ligature glyph to all its characters (lam-alef → two).
//! A cluster whose glyphs cannot say its text that way (the Devanagari reph,
//! drawn after the consonant it precedes) is wrapped in a marked-content span
//! with `/ActualText`, which extractors use instead of the glyphs.

use std::collections::{BTreeMap, HashMap};

use printpdf::{
    Codepoint, Color, CurTransMat, Date, DateTime, DictItem, ExternalStream, ExternalXObject, FontId, FontMetrics,
    FontType, Greyscale, Line, LinePoint, Mm, Offset, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle,
    PdfFontMetricsStub, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, TextItem, Time, XObjectTransform,
};
use subsetter::GlyphRemapper;

use crate::error::PdfError;
use crate::fonts::{Face, FaceId, Fonts};
use crate::layout::{Item, Page};
use crate::shape::GlyphRun;
use crate::text::{FaceUse, Run, Usage};
use crate::DocMeta;

const PT_PER_MM: f32 = 72.0 / 25.4;

/// A face as embedded in this PDF.
struct Embedded {
    id: FontId,
    /// /BaseFont, e.g. "ABCDEF+DejaVuSans".
    name: String,
    /// Original glyph id → glyph id in the subset.
    remap: HashMap<u16, u16>,
    /// Original glyph id → the text it stands for in `/ToUnicode`.
    text: BTreeMap<u16, String>,
    units_per_em: u16,
    /// Original glyph id → its `/W` width (1/1000 em, as printpdf truncates it).
    widths: HashMap<u16, i64>,
}

/// Subsets `face` to what `usage` draws and wraps the result for printpdf.
fn subset_face(face: &Face, usage: &FaceUse, id: FontId) -> Result<(ParsedFont, Embedded), PdfError> {
    let err = |reason: String| PdfError::FontSubset { name: face.name.clone(), reason };
    // What each glyph stands for: characters drawn through the cmap first (the
    // lowest code point when several share a glyph), then shaped glyphs.
    let mut text: BTreeMap<u16, String> = BTreeMap::new();
    let mut gids: Vec<u16> = Vec::with_capacity(usage.chars.len() + usage.glyphs.len());
    for c in &usage.chars {
        let g = face.glyph(*c);
        if g != 0 {
            gids.push(g);
            text.entry(g).or_insert_with(|| c.to_string());
        }
    }
    for (g, t) in &usage.glyphs {
        gids.push(*g);
        if let Some(t) = t {
            text.entry(*g).or_insert_with(|| t.clone());
        }
    }
    gids.sort_unstable();
    gids.dedup();
    let mut remapper = GlyphRemapper::new();
    for g in &gids {
        remapper.remap(*g);
    }
    let bytes = subsetter::subset(face.data(), face.index, &remapper).map_err(|e| err(e.to_string()))?;
    let bytes = crate::sfnt::strip_for_pdf(&bytes).unwrap_or(bytes);

    let upm = face.units_per_em;
    let mut remap = HashMap::with_capacity(gids.len());
    let mut widths = HashMap::with_capacity(gids.len());
    let mut glyph_widths = BTreeMap::new();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a over name + glyph set: a stable subset tag
    for b in face.name.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    for g in &gids {
        let new = remapper.get(*g).ok_or_else(|| err(format!("glyph {g} lost while subsetting")))?;
        remap.insert(*g, new);
        let adv = face.advance(*g);
        glyph_widths.insert(new, adv);
        // Exactly what printpdf writes into /W for this glyph.
        widths.insert(*g, (f32::from(adv) * 1000.0 / f32::from(upm)) as i64);
        hash = (hash ^ u64::from(*g)).wrapping_mul(0x100_0000_01b3);
    }
    let mut codepoint_to_glyph = BTreeMap::new();
    for c in &usage.chars {
        if let Some(new) = remap.get(&face.glyph(*c)) {
            codepoint_to_glyph.insert(u32::from(*c), *new);
        }
    }
    let tag: String = (0..6)
        .map(|i| {
            let v = ((hash >> (i * 5)) % 26) as u8;
            char::from(b'A' + v)
        })
        .collect();
    let name = format!("{tag}+{}", face.name);
    let font_type = if bytes.starts_with(b"OTTO") { FontType::OpenTypeCFF(()) } else { FontType::TrueType };
    let parsed = ParsedFont {
        original_bytes: bytes,
        font_index: 0,
        font_name: Some(name.clone()),
        codepoint_to_glyph,
        glyph_widths,
        units_per_em: upm,
        font_metrics: FontMetrics { ascent: face.ascender, descent: face.descender },
        font_type,
        pdf_font_metrics: PdfFontMetricsStub {
            units_per_em: upm,
            x_min: face.bbox[0],
            y_min: face.bbox[1],
            x_max: face.bbox[2],
            y_max: face.bbox[3],
            caret_slope_rise: 1,
            caret_slope_run: 0,
            us_weight_class: face.weight,
        },
    };
    Ok((parsed, Embedded { id, name, remap, text, units_per_em: upm, widths }))
}

/// The `/ToUnicode` CMap of an embedded face (codes are subset glyph ids).
fn to_unicode_cmap(e: &Embedded) -> Vec<u8> {
    use std::fmt::Write;
    let mut entries: Vec<(u16, &str)> = e
        .text
        .iter()
        .filter_map(|(g, t)| Some((*e.remap.get(g)?, t.as_str())))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    entries.sort_unstable();
    let mut s = String::with_capacity(400 + entries.len() * 16);
    s.push_str(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in entries.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", chunk.len());
        for (code, text) in chunk {
            let _ = write!(s, "<{code:04X}> <");
            for unit in text.encode_utf16() {
                let _ = write!(s, "{unit:04X}");
            }
            s.push_str(">\n");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale { percent: level, icc_profile: None })
}

/// Rounds to 1/100 pt: far below visibility, and keeps the numbers short.
fn q(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn pt(x_mm: f32) -> Pt {
    Pt(q(x_mm * PT_PER_MM))
}

/// Thousandths of an em, rounded to 1/100 (the unit of `TJ` adjustments).
fn thou(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// The ops that draw a shaped run at the current text position. `pending` is
/// how far (1/1000 em, rightwards) the pen must still move before the next
/// glyph; the run leaves it set for whatever follows on the line.
///
/// A word (the clusters between spaces) is wrapped in one `/ActualText` span
/// when its glyphs alone would not read back as its text: a cluster whose
/// glyphs' `/ToUnicode` entries do not spell it (the Devanagari reph), or
/// glyphs moved off the pen position (marks placed by the shaper, e.g. Thai
/// tone marks, Arabic vowel signs), which extractors split into separate
/// "words" by position. The span covers the whole word so extractors lay its
/// text out across the word's width in order.
fn glyph_ops(run: GlyphRun, e: &Embedded, size: f32, pending: &mut f32, ops: &mut Vec<Op>) {
    let k = 1000.0 / f32::from(e.units_per_em);
    let mut items: Vec<TextItem> = Vec::new();
    let mut glyphs: Vec<Codepoint> = Vec::new();
    let flush = |items: &mut Vec<TextItem>, glyphs: &mut Vec<Codepoint>, ops: &mut Vec<Op>| {
        if !glyphs.is_empty() {
            items.push(TextItem::GlyphIds(std::mem::take(glyphs)));
        }
        if !items.is_empty() {
            ops.push(Op::ShowText { items: std::mem::take(items) });
        }
    };
    let clusters = run.clusters();
    // Words and the spaces between them, in visual order: (clusters, is space, needs /ActualText).
    let mut words: Vec<(std::ops::Range<usize>, bool, bool)> = Vec::new();
    for (i, (text, range)) in clusters.iter().enumerate() {
        let expected = run.cluster_text(text.clone());
        let space = expected.chars().all(char::is_whitespace);
        let mut said = String::new();
        let mut moved = false;
        for g in &run.glyphs[range.clone()] {
            if let Some(t) = e.text.get(&g.gid) {
                said.push_str(t);
            }
            moved |= g.dx != 0 || g.dy != 0;
        }
        let needs = !space && (said != expected || moved);
        match words.last_mut() {
            Some((r, s, n)) if *s == space => {
                r.end = i + 1;
                *n |= needs;
            }
            _ => words.push((i..i + 1, space, needs)),
        }
    }
    let mut rise = 0.0f32;
    for (word, _, actual) in words {
        if actual {
            flush(&mut items, &mut glyphs, ops);
            let text: String = clusters[word.clone()].iter().map(|(t, _)| run.cluster_text(t.clone())).collect();
            let mut data = vec![0xFE, 0xFF];
            data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
            let mut map = BTreeMap::new();
            map.insert("ActualText".to_string(), DictItem::String { data, literal: false });
            ops.push(Op::BeginMarkedContentWithProperties { tag: "Span".into(), properties: DictItem::Dict { map } });
        }
        for (_, range) in &clusters[word] {
            for g in &run.glyphs[range.clone()] {
                let r = (g.dy as f32 * size / f32::from(e.units_per_em) * 100.0).round() / 100.0;
                if r != rise {
                    flush(&mut items, &mut glyphs, ops);
                    ops.push(Op::SetLineOffset { multiplier: r });
                    rise = r;
                }
                *pending += g.dx as f32 * k;
                let shift = thou(-*pending);
                if shift != 0.0 {
                    match glyphs.last_mut() {
                        Some(last) => last.offset += shift,
                        None => items.push(TextItem::Offset(shift)),
                    }
                }
                glyphs.push(Codepoint::new(e.remap.get(&g.gid).copied().unwrap_or(0), 0.0));
                // The viewer moves by the /W width; the shaper wants the advance.
                let w = e.widths.get(&g.gid).copied().unwrap_or(0) as f32;
                *pending = (g.advance - g.dx) as f32 * k - w;
            }
        }
        if actual {
            flush(&mut items, &mut glyphs, ops);
            ops.push(Op::EndMarkedContent);
        }
    }
    flush(&mut items, &mut glyphs, ops);
    if rise != 0.0 {
        ops.push(Op::SetLineOffset { multiplier: 0.0 });
    }
}

fn page_ops(page: Page, embedded: &HashMap<FaceId, Embedded>, doc: &mut PdfDocument) -> Result<PdfPage, PdfError> {
    use std::io::Write;
    let h = page.h;
    let mut ops = Vec::with_capacity(page.items.len() * 5);
    let mut fill: Option<f32> = None;
    let mut stroke: Option<(f32, f32)> = None;
    let mut font: Option<(FaceId, f32)> = None;
    for item in page.items {
        match item {
            Item::Text { x, y, size, grey: g, runs } => {
                if fill != Some(g) {
                    ops.push(Op::SetFillColor { col: grey(g) });
                    fill = Some(g);
                }
                ops.push(Op::StartTextSection);
                ops.push(Op::SetTextCursor { pos: Point { x: pt(x), y: pt(h - y) } });
                let mut pending = 0.0f32;
                for run in runs {
                    let face = match &run {
                        Run::Chars { face, .. } => *face,
                        Run::Glyphs(g) => g.face,
                    };
                    let e = embedded
                        .get(&face)
                        .ok_or_else(|| PdfError::Render { reason: format!("no embedded font for {face:?}") })?;
                    if font != Some((face, size)) {
                        ops.push(Op::SetFont { font: PdfFontHandle::External(e.id.clone()), size: Pt(size) });
                        font = Some((face, size));
                    }
                    match run {
                        Run::Chars { text, .. } => {
                            let mut items = Vec::with_capacity(2);
                            let shift = thou(-pending);
                            if shift != 0.0 {
                                items.push(TextItem::Offset(shift));
                            }
                            pending = 0.0;
                            items.push(TextItem::Text(text));
                            ops.push(Op::ShowText { items });
                        }
                        Run::Glyphs(g) => glyph_ops(g, e, size, &mut pending, &mut ops),
                    }
                }
                ops.push(Op::EndTextSection);
            }
            Item::Line { x1, y1, x2, y2, width_pt, grey: g } => {
                if stroke != Some((g, width_pt)) {
                    ops.push(Op::SetOutlineColor { col: grey(g) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(width_pt) });
                    stroke = Some((g, width_pt));
                }
                let p = |x: f32, y: f32| LinePoint { p: Point { x: pt(x), y: pt(h - y) }, bezier: false };
                ops.push(Op::DrawLine { line: Line { points: vec![p(x1, y1), p(x2, y2)], is_closed: false } });
            }
            Item::Qr { x, y, module, runs } => {
                // The modules go into a form XObject in module units (y down), written
                // here as integers: "col row len 1 re" per run and one fill. One matrix
                // places it on the page.
                let mut content = Vec::with_capacity(runs.len() * 14 + 4);
                for (col, row, len) in &runs {
                    let _ = writeln!(content, "{col} {row} {len} 1 re");
                }
                content.extend_from_slice(b"f\n");
                let side = runs.iter().map(|(c, r, l)| (c + l).max(r + 1)).max().unwrap_or(1);
                let mut dict = BTreeMap::new();
                dict.insert("Type".to_string(), DictItem::Name(b"XObject".to_vec()));
                dict.insert("Subtype".to_string(), DictItem::Name(b"Form".to_vec()));
                dict.insert(
                    "BBox".to_string(),
                    DictItem::Array(vec![
                        DictItem::Int(0),
                        DictItem::Int(0),
                        DictItem::Int(side.into()),
                        DictItem::Int(side.into()),
                    ]),
                );
                let id = doc.add_xobject(&ExternalXObject {
                    stream: ExternalStream { dict, content, compress: true },
                    width: None,
                    height: None,
                    dpi: None,
                });
                let m = module * PT_PER_MM;
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw([m, 0.0, 0.0, -m, q(x * PT_PER_MM), q((h - y) * PT_PER_MM)]),
                });
                ops.push(Op::SetFillColor { col: grey(0.0) });
                ops.push(Op::UseXobject {
                    id,
                    transform: XObjectTransform { no_auto_scale: true, ..Default::default() },
                });
                ops.push(Op::RestoreGraphicsState);
            }
        }
    }
    Ok(PdfPage::new(Mm(page.w), Mm(page.h), ops))
}

fn pdf_date(meta: &DocMeta) -> DateTime {
    use chrono::{Datelike, Timelike};
    let c = meta.created;
    DateTime::new_in_offset(
        Date { year: c.year(), month: c.month() as u8, day: c.day() as u8 },
        Time { hour: c.hour() as u8, minute: c.minute() as u8, second: c.second() as u8, millisecond: 0 },
        Offset { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 },
    )
}

fn compress(s: &mut lopdf::Stream, level: u32) -> Result<(), PdfError> {
    use std::io::Write;
    let mut enc =
        flate2::write::ZlibEncoder::new(Vec::with_capacity(s.content.len() / 3), flate2::Compression::new(level));
    let compressed = enc
        .write_all(&s.content)
        .and_then(|_| enc.finish())
        .map_err(|e| PdfError::Render { reason: format!("deflate: {e}") })?;
    if compressed.len() + 19 < s.content.len() {
        s.dict.set("Filter", "FlateDecode");
        s.set_content(compressed);
    }
    Ok(())
}

/// Embeds the subset fonts and writes all pages into one PDF.
pub(crate) fn write(fonts: &Fonts, usage: &Usage, pages: Vec<Page>, meta: &DocMeta) -> Result<Vec<u8>, PdfError> {
    write_with(fonts, usage, pages, meta, &mut |_| Ok(()))
}

/// A last change to the finished document before it is saved (a Factur-X
/// invoice adds its XML, XMP and output intent here, without parsing the
/// PDF again); its error is the reason the document was not written.
pub type Finish<'a> = dyn FnMut(&mut lopdf::Document) -> Result<(), PdfError> + 'a;

/// [`write`], then `finish` on the document.
pub(crate) fn write_with(
    fonts: &Fonts,
    usage: &Usage,
    pages: Vec<Page>,
    meta: &DocMeta,
    finish: &mut Finish<'_>,
) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&meta.title);
    let info = &mut doc.metadata.info;
    info.author = meta.author.clone();
    info.creator = "Kindly".to_string();
    info.producer = "Kindly (printpdf 0.12)".to_string();
    let date = pdf_date(meta);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;

    let mut embedded: HashMap<FaceId, Embedded> = HashMap::new();
    for used in usage.faces() {
        let face = fonts
            .face(used.face)
            .ok_or_else(|| PdfError::Render { reason: format!("font {:?} is not loaded", used.face) })?;
        // Short resource names (printpdf's own ids are 32 random letters, repeated in every Tf).
        let id = FontId(format!("K{}", used.face.index() + 1));
        let (parsed, e) = subset_face(face, &used, id.clone())?;
        doc.resources.fonts.map.insert(id, PdfFont::new(parsed));
        embedded.insert(used.face, e);
    }

    let pdf_pages = pages.into_iter().map(|p| page_ops(p, &embedded, &mut doc)).collect::<Result<Vec<_>, _>>()?;
    doc.pages = pdf_pages;

    // `optimize: false`: printpdf would compress every stream with lopdf's level-9
    // deflate, which dominated the run time; we compress below (levels 1 and 6).
    let opts = PdfSaveOptions { optimize: false, subset_fonts: false, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    if let Some(w) = warnings.iter().find(|w| w.severity == PdfParseErrorSeverity::Error) {
        return Err(PdfError::Render { reason: w.msg.clone() });
    }
    replace_to_unicode(&mut lo, &embedded)?;
    // Per-page streams (contents, QR forms: thousands per batch) get fast deflate;
    // the few per-document font programs and ToUnicode CMaps the best ratio.
    let mut jobs: Vec<(&mut lopdf::Stream, u32)> = Vec::new();
    for obj in lo.objects.values_mut() {
        if let lopdf::Object::Stream(s) = obj {
            if s.allows_compression && s.dict.get(b"Filter").is_err() {
                let font_program = s.dict.has(b"Length1")
                    || matches!(s.dict.get(b"Subtype").and_then(|o| o.as_name()), Ok(b"CIDFontType0C" | b"OpenType"));
                let cmap = s.content.starts_with(b"/CIDInit");
                jobs.push((s, if font_program || cmap { 6 } else { 1 }));
            }
        }
    }
    let threads = crate::worker_threads(jobs.len() / 64);
    if threads <= 1 {
        for (s, level) in jobs {
            compress(s, level)?;
        }
    } else {
        let chunk = jobs.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = jobs
                .chunks_mut(chunk)
                .map(|part| scope.spawn(move || part.iter_mut().try_for_each(|(s, level)| compress(s, *level))))
                .collect();
            handles.into_iter().try_for_each(|h| {
                h.join().unwrap_or_else(|_| Err(PdfError::Render { reason: "compression thread panicked".into() }))
            })
        })?;
    }
    finish(&mut lo)?;
    let mut bytes = Vec::with_capacity(64 * 1024);
    lo.save_to(&mut bytes).map_err(|e| PdfError::Render { reason: e.to_string() })?;
    Ok(bytes)
}

/// Puts our `/ToUnicode` CMap (see the module docs) into every font printpdf wrote.
fn replace_to_unicode(lo: &mut lopdf::Document, embedded: &HashMap<FaceId, Embedded>) -> Result<(), PdfError> {
    let by_name: HashMap<&[u8], &Embedded> = embedded.values().map(|e| (e.name.as_bytes(), e)).collect();
    let mut streams = Vec::new();
    for obj in lo.objects.values() {
        let lopdf::Object::Dictionary(d) = obj else { continue };
        if !matches!(d.get(b"Subtype").and_then(|o| o.as_name()), Ok(b"Type0")) {
            continue;
        }
        let Ok(name) = d.get(b"BaseFont").and_then(|o| o.as_name()) else { continue };
        let Some(e) = by_name.get(name) else { continue };
        let Ok(lopdf::Object::Reference(r)) = d.get(b"ToUnicode") else { continue };
        streams.push((*r, to_unicode_cmap(e)));
    }
    if streams.len() != embedded.len() {
        return Err(PdfError::Render {
            reason: format!("found {} of {} font text maps (/ToUnicode)", streams.len(), embedded.len()),
        });
    }
    for (r, cmap) in streams {
        match lo.objects.get_mut(&r) {
            Some(lopdf::Object::Stream(s)) => s.set_content(cmap),
            _ => return Err(PdfError::Render { reason: "a font's /ToUnicode is not a stream".into() }),
        }
    }
    Ok(())
}

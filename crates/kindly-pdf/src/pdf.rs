//! Turns laid-out pages into a PDF with printpdf.
//!
//! The speed trick: printpdf is used without its `text_layout` feature (no
//! azul layout engine, no allsorts subsetting per document). Instead every face
//! is subset **once per PDF** with typst's `subsetter` (glyphs collected across
//! all pages first), and the subset program is handed to printpdf as a
//! ready-made `ParsedFont` whose char → glyph map already points at the subset's
//! glyph ids. printpdf then embeds it as a CID font (Identity-H) with `/W`
//! widths and a `/ToUnicode` CMap built from the characters actually drawn.

use std::collections::BTreeMap;

use printpdf::{
    Color, CurTransMat, Date, DateTime, DictItem, ExternalStream, ExternalXObject, FontId, FontMetrics, FontType,
    Greyscale, Line, LinePoint, Mm, Offset, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfFontMetricsStub,
    PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, TextItem, Time, XObjectTransform,
};
use subsetter::GlyphRemapper;

use crate::error::PdfError;
use crate::fonts::{Face, FaceId, Fonts};
use crate::layout::{Item, Page};
use crate::text::Usage;
use crate::DocMeta;

const PT_PER_MM: f32 = 72.0 / 25.4;

/// Subsets `face` to `chars` and wraps the result for printpdf.
fn subset_face(face: &Face, chars: &[char]) -> Result<ParsedFont, PdfError> {
    let err = |reason: String| PdfError::FontSubset { name: face.name.clone(), reason };
    let mut used: Vec<(u16, char)> = chars.iter().map(|c| (face.glyph(*c), *c)).filter(|(g, _)| *g != 0).collect();
    used.sort_unstable();
    let mut remapper = GlyphRemapper::new();
    for (g, _) in &used {
        remapper.remap(*g);
    }
    let bytes = subsetter::subset(face.data(), face.index, &remapper).map_err(|e| err(e.to_string()))?;
    let bytes = crate::sfnt::strip_for_pdf(&bytes).unwrap_or(bytes);

    let mut codepoint_to_glyph = BTreeMap::new();
    let mut glyph_widths = BTreeMap::new();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a over name + glyph set: a stable subset tag
    for b in face.name.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    for (g, c) in &used {
        let new = remapper.get(*g).ok_or_else(|| err(format!("glyph {g} lost while subsetting")))?;
        codepoint_to_glyph.insert(u32::from(*c), new);
        glyph_widths.insert(new, face.advance(*g));
        hash = (hash ^ u64::from(*g)).wrapping_mul(0x100_0000_01b3);
    }
    let tag: String = (0..6)
        .map(|i| {
            let v = ((hash >> (i * 5)) % 26) as u8;
            char::from(b'A' + v)
        })
        .collect();
    let upm = face.units_per_em;
    let font_type = if bytes.starts_with(b"OTTO") { FontType::OpenTypeCFF(()) } else { FontType::TrueType };
    Ok(ParsedFont {
        original_bytes: bytes,
        font_index: 0,
        font_name: Some(format!("{tag}+{}", face.name)),
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
    })
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

fn page_ops(page: Page, font_ids: &[Option<FontId>], doc: &mut PdfDocument) -> Result<PdfPage, PdfError> {
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
                for run in runs {
                    if font != Some((run.face, size)) {
                        let id = font_ids.get(run.face.index()).and_then(Clone::clone).ok_or_else(|| {
                            PdfError::Render { reason: format!("no embedded font for {:?}", run.face) }
                        })?;
                        ops.push(Op::SetFont { font: PdfFontHandle::External(id), size: Pt(size) });
                        font = Some((run.face, size));
                    }
                    ops.push(Op::ShowText { items: vec![TextItem::Text(run.text)] });
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
    let mut doc = PdfDocument::new(&meta.title);
    let info = &mut doc.metadata.info;
    info.author = meta.author.clone();
    info.creator = "Kindly".to_string();
    info.producer = "Kindly (printpdf 0.12)".to_string();
    let date = pdf_date(meta);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;

    let mut font_ids: Vec<Option<FontId>> = Vec::new();
    for (face_id, chars) in usage.faces() {
        let face = fonts
            .face(face_id)
            .ok_or_else(|| PdfError::Render { reason: format!("font {face_id:?} is not loaded") })?;
        let parsed = subset_face(face, &chars)?;
        // Short resource names (printpdf's own ids are 32 random letters, repeated in every Tf).
        let id = FontId(format!("K{}", face_id.index() + 1));
        doc.resources.fonts.map.insert(id.clone(), PdfFont::new(parsed));
        let i = face_id.index();
        if font_ids.len() <= i {
            font_ids.resize(i + 1, None);
        }
        font_ids[i] = Some(id);
    }

    let pdf_pages = pages.into_iter().map(|p| page_ops(p, &font_ids, &mut doc)).collect::<Result<Vec<_>, _>>()?;
    doc.pages = pdf_pages;

    // `optimize: false`: printpdf would compress every stream with lopdf's level-9
    // deflate, which dominated the run time; we compress below (levels 1 and 6).
    let opts = PdfSaveOptions { optimize: false, subset_fonts: false, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    if let Some(w) = warnings.iter().find(|w| w.severity == PdfParseErrorSeverity::Error) {
        return Err(PdfError::Render { reason: w.msg.clone() });
    }
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
    let mut bytes = Vec::with_capacity(64 * 1024);
    lo.save_to(&mut bytes).map_err(|e| PdfError::Render { reason: e.to_string() })?;
    Ok(bytes)
}

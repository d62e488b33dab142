//! End-to-end checks of real PDFs with poppler-utils (pdftotext, pdffonts,
//! pdftoppm) and qpdf. Missing tools are a test failure with a clear message.
//! CJK cases need a system CJK font (scripts/setup.sh installs fonts-noto-cjk
//! and fonts-droid-fallback). Names in every script: `scripts.rs`.
#![allow(clippy::unwrap_used)] // a test or benchmark: a failed unwrap fails it

mod common;
mod tools;

use std::path::Path;
use std::process::Command;

use kindly_pdf::{render_invoice, render_letter_batch, render_letters, Fonts, PageSize, Placeholder};
use tools::{check_fonts, check_qpdf, text_of, write};

const NAMES: [&str; 6] = ["Zoë Ångström-Müller", "Łucja", "Ørsted", "Дмитрий", "王芳", "Παπαδόπουλος"];

/// Renders page 1 at 50 dpi and counts dark pixels (decoded with the png crate).
fn check_raster(pdf: &Path, dir: &Path) {
    let prefix = dir.join(format!("{}-raster", pdf.file_stem().unwrap().to_string_lossy()));
    let out = Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .unwrap_or_else(|e| panic!("`pdftoppm` could not be run ({e}); install poppler-utils"));
    assert!(out.status.success(), "pdftoppm failed: {}", String::from_utf8_lossy(&out.stderr));
    let png_path = prefix.with_extension("png");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png_path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    let dark = bytes.chunks(channels).filter(|px| px.iter().take(3).all(|v| *v < 100)).count();
    let total = (info.width * info.height) as usize;
    // Text, table rules and the QR code: clearly more than nothing, clearly not a black page.
    assert!(dark > 1500 && dark < total / 3, "dark pixels {dark} of {total}");
}

/// (x_min, y_min) in mm of the first word-box whose text starts `word`, from `pdftotext -bbox`.
fn word_position(pdf: &Path, word: &str) -> Option<(f32, f32, usize)> {
    let html = text_of(pdf, &["-bbox", "-f", "1", "-l", "1"]);
    let mut seen = 0;
    for line in html.lines() {
        let line = line.trim();
        if !line.starts_with("<word") {
            continue;
        }
        seen += 1;
        let text = line.split('>').nth(1)?.split('<').next()?;
        if text.starts_with(word) {
            let attr = |k: &str| -> f32 {
                let s = line.split(&format!("{k}=\"")).nth(1).unwrap();
                s.split('"').next().unwrap().parse().unwrap()
            };
            let mm = 25.4 / 72.0;
            return Some((attr("xMin") * mm, attr("yMin") * mm, seen));
        }
    }
    None
}

fn have_cjk(fonts: &Fonts) -> bool {
    // Rendering decides; this only gives a clearer failure message.
    !fonts.fallback_candidates().is_empty()
}

fn render_names(page: PageSize, tag: &str) {
    let fonts = Fonts::load().unwrap();
    assert!(have_cjk(&fonts), "no CJK fallback font found; install fonts-droid-fallback (scripts/setup.sh)");
    let dir = tempfile::tempdir().unwrap();
    let letters: Vec<_> = NAMES.iter().map(|n| common::letter(page, n, 3)).collect();
    let bytes = render_letters(&fonts, &letters, &common::meta()).unwrap();
    let pdf = write(dir.path(), &format!("names-{tag}.pdf"), &bytes);

    let text = text_of(&pdf, &[]);
    for n in NAMES {
        assert!(text.contains(n), "{n} missing from extracted text:\n{text}");
    }
    for s in ["€1,234.56", "Total still owing", "Lindenstraße 12", "München", "Page 1 of 1", "23 November 2026"] {
        assert!(text.contains(s), "{s} missing from extracted text");
    }
    let fonts_out = check_fonts(&pdf);
    assert!(fonts_out.contains("DejaVuSans-Bold") && fonts_out.contains("DejaVuSans "), "{fonts_out}");
    assert_eq!(fonts_out.lines().skip(2).count(), 3, "one font per face, shared by all letters:\n{fonts_out}");
    check_qpdf(&pdf);
    check_raster(&pdf, dir.path());

    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8(info.stdout).unwrap();
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(str::trim);
    assert_eq!(pages, Some("6"), "{info}");
    assert!(info.contains("Nov 23 09:30:15 2026"), "creation date from DocMeta: {info}");
    assert!(info.contains("Payment reminder"), "{info}");
}

#[test]
fn a4_letters_all_scripts() {
    render_names(PageSize::A4, "a4");
}

#[test]
fn us_letter_letters_all_scripts() {
    render_names(PageSize::Letter, "letter");
}

fn check_window(page: PageSize, name: &str) {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bytes = render_letters(&fonts, &[common::letter(page, name, 2)], &common::meta()).unwrap();
    let pdf = write(dir.path(), "window.pdf", &bytes);
    let w = page.address_window();
    let first_word = name.split(' ').next().unwrap();
    let (x, y, _) = word_position(&pdf, first_word).expect("recipient name on page 1");
    assert!(x >= w.x && x <= w.x + w.width, "{page:?}: x {x} mm outside window {w:?}");
    assert!(y >= w.y && y <= w.y + w.height, "{page:?}: y {y} mm outside window {w:?}");
    // The last recipient line is inside too.
    let (x, y, _) = word_position(&pdf, "80331").expect("postcode");
    assert!(x >= w.x && x <= w.x + w.width && y >= w.y && y + 3.0 <= w.y + w.height, "{page:?}: last line {x},{y}");
    // And the return-address line is at the top of the window.
    let (_, ry, _) = word_position(&pdf, "Mara").expect("return address / sender");
    assert!(ry < y);
}

#[test]
fn recipient_is_inside_the_din_5008_window() {
    let w = PageSize::A4.address_window();
    assert_eq!((w.x, w.y, w.width, w.height), (20.0, 45.0, 85.0, 45.0));
    check_window(PageSize::A4, "Zoë Ångström-Müller");
}

#[test]
fn recipient_is_inside_the_us_10_window() {
    let w = PageSize::Letter.address_window();
    assert!((w.x - 22.225).abs() < 0.01 && (w.width - 114.3).abs() < 0.01, "{w:?}");
    check_window(PageSize::Letter, "Zoë Ångström-Müller");
}

#[test]
fn long_table_continues_with_repeated_header() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bytes = render_letters(&fonts, &[common::letter(PageSize::A4, "Łucja Kowalska", 80)], &common::meta()).unwrap();
    let pdf = write(dir.path(), "long.pdf", &bytes);
    check_qpdf(&pdf);
    check_fonts(&pdf);
    let text = text_of(&pdf, &[]);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    let n = pages.len();
    assert!(n >= 3, "80 invoices need several pages, got {n}");
    assert!(text.contains(&format!("Page 2 of {n}")), "page label missing");
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains(&format!("Page {} of {n}", i + 1)), "page {} lacks its number", i + 1);
    }
    // Header repeated on page 2, every invoice present exactly once, total at the end.
    assert!(pages[1].contains("Invoice") && pages[1].contains("Amount") && pages[1].contains("Due"), "{}", pages[1]);
    for i in 1..80 {
        assert_eq!(text.matches(&format!("INV-2026-{:04}", 42 + i)).count(), 1, "invoice {i}");
    }
    assert!(pages[n - 1].contains("Kind regards,"));
}

#[test]
fn letters_each_get_their_own_page_numbers() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let letters =
        vec![common::letter(PageSize::A4, "Jens Ørsted", 60), common::letter(PageSize::A4, "Zoë Ångström-Müller", 1)];
    let bytes = render_letters(&fonts, &letters, &common::meta()).unwrap();
    let pdf = write(dir.path(), "two.pdf", &bytes);
    check_qpdf(&pdf);
    let text = text_of(&pdf, &[]);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    let first_len = pages.len() - 1;
    let batch = render_letter_batch(&fonts, &letters, &common::meta()).unwrap();
    assert_eq!(batch.pages, vec![(1, first_len), (first_len + 1, first_len + 1)]);
    assert!(first_len >= 2);
    assert!(pages[first_len - 1].contains(&format!("Page {first_len} of {first_len}")));
    assert!(pages[first_len].contains("Page 1 of 1") && pages[first_len].contains("Zoë Ångström-Müller"));
}

#[test]
fn unknown_character_is_a_reported_placeholder() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // U+0378 is unassigned: no font covers it.
    let mut l = common::letter(PageSize::A4, "Zoë", 1);
    l.recipient.name = "Bad\u{378}Name".to_string();
    assert_eq!(fonts.uncovered(&l.recipient.name), vec!['\u{378}']);
    let letters = [common::letter(PageSize::A4, "ok", 1), l];
    let batch = render_letter_batch(&fonts, &letters, &common::meta()).unwrap();
    assert!(batch.failed.is_empty(), "{:?}", batch.failed);
    assert_eq!(batch.rendered, vec![0, 1]);
    assert_eq!(batch.placeholders, vec![Placeholder { index: 1, ch: '\u{378}', field: "recipient name".into() }]);
    let pdf = write(dir.path(), "placeholder.pdf", batch.bytes.as_deref().unwrap());
    check_qpdf(&pdf);
    check_fonts(&pdf);
    assert!(text_of(&pdf, &[]).contains("Bad\u{FFFD}Name"), "the placeholder is drawn (and extracts as U+FFFD)");
    // render_letters draws it too, rather than failing.
    assert!(render_letters(&fonts, &letters, &common::meta()).is_ok());
}

#[test]
fn cjk_without_any_fallback_font_is_a_placeholder() {
    let fonts = Fonts::load_with_fallbacks(vec![]).unwrap();
    assert_eq!(fonts.uncovered("王芳"), vec!['王', '芳']);
    let batch = render_letter_batch(&fonts, &[common::letter(PageSize::A4, "王芳", 1)], &common::meta()).unwrap();
    assert!(batch.bytes.is_some() && batch.failed.is_empty());
    let fields: Vec<(char, &str)> = batch.placeholders.iter().map(|p| (p.ch, p.field.as_str())).collect();
    assert_eq!(
        fields,
        vec![('王', "recipient name"), ('芳', "recipient name"), ('王', "greeting"), ('芳', "greeting")]
    );
}

#[test]
fn too_many_address_lines_is_an_error() {
    let fonts = Fonts::load().unwrap();
    let mut l = common::letter(PageSize::A4, "Zoë", 1);
    l.recipient.address_lines = (1..=7).map(|i| format!("Line {i}")).collect();
    let err = render_letters(&fonts, &[l], &common::meta()).unwrap_err();
    assert_eq!(err.code(), "pdf_does_not_fit", "{err}");
}

#[test]
fn very_long_name_wraps_instead_of_breaking_layout() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let long = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzenvonangreifen";
    let mut l = common::letter(PageSize::A4, long, 2);
    l.table.as_mut().unwrap().rows[0][0] = long.repeat(2);
    let bytes = render_letters(&fonts, &[l], &common::meta()).unwrap();
    let pdf = write(dir.path(), "long-name.pdf", &bytes);
    check_qpdf(&pdf);
    // Every word box on page 1 lies within the page's printable width.
    let html = text_of(&pdf, &["-bbox"]);
    for line in html.lines().filter(|l| l.trim_start().starts_with("<word")) {
        let x_max: f32 = line.split("xMax=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        assert!(x_max * 25.4 / 72.0 <= 190.5, "word runs past the right margin: {line}");
    }
    let flat: String = text_of(&pdf, &[]).split_whitespace().collect();
    assert!(flat.contains(long), "long name must survive wrapping");
}

#[test]
fn invoice_renders_and_extracts() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (page, tag) in [(PageSize::A4, "a4"), (PageSize::Letter, "letter")] {
        let bytes = render_invoice(&fonts, &common::invoice(page, "Дмитрий Иванов", 50), &common::meta()).unwrap();
        let pdf = write(dir.path(), &format!("invoice-{tag}.pdf"), &bytes);
        check_qpdf(&pdf);
        check_fonts(&pdf);
        check_raster(&pdf, dir.path());
        let text = text_of(&pdf, &[]);
        for s in ["Invoice INV-2026-0042", "Дмитрий Иванов", "Total due", "€1,234.56", "Due date:", "Page 2 of 2"]
        {
            assert!(text.contains(s), "{s} missing:\n{text}");
        }
    }
}

#[test]
fn statement_flows_onto_pages_with_the_header_repeated_and_the_balance_last() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let doc = common::statement(PageSize::A4, 300, true);
    let bytes = kindly_pdf::render_statement(&fonts, &doc, &common::meta()).unwrap();
    let pdf = write(dir.path(), "statement.pdf", &bytes);
    if let Ok(keep) = std::env::var("KEEP_PDF") {
        std::fs::copy(&pdf, keep).unwrap();
    }
    check_qpdf(&pdf);
    check_fonts(&pdf);
    let text = text_of(&pdf, &[]);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    let n = pages.len();
    assert!(n >= 6, "300 invoices need several pages, got {n}");
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains(&format!("Page {} of {n}", i + 1)), "page {} lacks its number", i + 1);
    }
    for p in &pages[1..n - 1] {
        assert!(p.contains("overdue") && p.contains("Still owing"), "header not repeated: {p}");
    }
    for i in 1..=300 {
        assert_eq!(text.matches(&format!("EUR-2026-{i:04}")).count(), 1 + usize::from(i == 1), "invoice {i}");
    }
    assert!(pages[n - 1].contains("Balance in USD: $9,999.99"), "{}", pages[n - 1]);
    assert!(pages[n - 1].contains("Kind regards,"));
    assert!(pages[0].contains("Balance in EUR: €9,999.99") && pages[0].contains("Balance in USD"));
}

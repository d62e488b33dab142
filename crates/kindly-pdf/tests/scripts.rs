//! Recipient names in many scripts, end to end with the system's fonts
//! (`Fonts::load()`): each letter is checked with pdftotext (the name comes
//! back in logical order), pdffonts (embedded subsets with /ToUnicode) and
//! qpdf --check. Needs fonts-noto-core, fonts-noto-cjk and poppler-utils, qpdf
//! (scripts/setup.sh installs them).
//!
//! Also here: a name with an emoji no font covers (a placeholder, reported),
//! and a batch in which one letter cannot be laid out.
#![allow(clippy::unwrap_used)] // a test or benchmark: a failed unwrap fails it

mod common;
mod tools;

use kindly_pdf::{render_letter_batch, render_letters, Fonts, PageSize};
use tools::{check_fonts, check_qpdf, pages, text_of, write};
use unicode_normalization::UnicodeNormalization;

/// Whitespace collapsed to single spaces, NFC, without the direction marks
/// pdftotext puts around right-to-left text (U+202B … U+202C).
fn norm(s: &str) -> String {
    let s: String = s.chars().filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}')).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ").nfc().collect()
}

/// Renders a letter to `name` and checks the PDF; returns the extracted text (normalised).
fn check_name(tag: &str, name: &str) -> String {
    let fonts = Fonts::load().unwrap();
    assert!(
        fonts.uncovered(name).is_empty(),
        "no installed font covers {:?} of {name}; install fonts-noto-core and fonts-noto-cjk (scripts/setup.sh)",
        fonts.uncovered(name)
    );
    let dir = tempfile::tempdir().unwrap();
    let batch = render_letter_batch(&fonts, &[common::letter(PageSize::A4, name, 2)], &common::meta()).unwrap();
    assert!(batch.failed.is_empty() && batch.placeholders.is_empty(), "{batch:?}");
    let pdf = write(dir.path(), &format!("{tag}.pdf"), batch.bytes.as_deref().unwrap());
    check_qpdf(&pdf);
    check_fonts(&pdf);
    let text = norm(&text_of(&pdf, &[]));
    let want = norm(name);
    // Twice: in the envelope window and in the greeting.
    assert!(text.matches(&want).count() >= 2, "{name} (as {want:?}) not extracted in logical order:\n{text}");
    assert!(text.contains("Lindenstraße 12") && text.contains("Page 1 of 1"), "{text}");
    text
}

#[test]
fn latin_with_diacritics() {
    check_name("latin", "Zoë Ångström-Müller");
}

#[test]
fn vietnamese() {
    check_name("vietnamese", "Nguyễn Thị Hương");
    // Decomposed input (base letters + combining marks) is shaped and extracts the same.
    let text = check_name("vietnamese-nfd", "Nguye\u{302}\u{303}n Thi\u{323} Hu\u{31B}o\u{31B}ng");
    assert!(text.contains("Nguyễn Thị Hương"), "{text}");
}

#[test]
fn greek() {
    check_name("greek", "Νίκος Παπαδόπουλος");
}

#[test]
fn cyrillic() {
    check_name("cyrillic", "Дмитрий Иванов");
}

#[test]
fn arabic() {
    let text = check_name("arabic", "محمد الأحمد");
    // An LTR line keeps its order around the RTL name.
    assert!(text.contains("Dear محمد الأحمد,"), "{text}");
}

#[test]
fn hebrew() {
    check_name("hebrew", "דוד כהן");
}

#[test]
fn devanagari() {
    check_name("devanagari", "अनीता शर्मा");
}

#[test]
fn thai() {
    check_name("thai", "สมชาย ใจดี");
}

#[test]
fn thai_with_stacked_marks() {
    // Vowel and tone marks the shaper moves (below ฐ, above ุ): extracted as typed.
    check_name("thai-marks", "ณัฐวุฒิ ศรีสุข");
    check_name("thai-tone", "ผู้ใหญ่ สมศักดิ์");
}

#[test]
fn arabic_and_hebrew_with_vowel_signs() {
    check_name("arabic-harakat", "مُحَمَّد");
    check_name("hebrew-niqqud", "שָׁלוֹם כֹּהֵן");
}

#[test]
fn korean() {
    check_name("korean", "김민준");
}

#[test]
fn japanese() {
    check_name("japanese", "山田太郎");
}

#[test]
fn chinese() {
    check_name("chinese", "王芳");
}

#[test]
fn arabic_address_line_is_right_to_left() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut l = common::letter(PageSize::A4, "محمد الأحمد", 1);
    l.recipient.address_lines = vec!["شارع الملك فهد 12".into(), "الرياض".into()];
    let bytes = render_letters(&fonts, &[l], &common::meta()).unwrap();
    let pdf = write(dir.path(), "arabic-address.pdf", &bytes);
    check_qpdf(&pdf);
    check_fonts(&pdf);
    let text = norm(&text_of(&pdf, &[]));
    // The words in logical order (poppler reads the line left to right, so the
    // number, drawn at the line's left end, comes first in its output).
    assert!(text.contains("شارع الملك فهد"), "{text}");
    assert!(text.contains("الرياض"), "{text}");
    // Drawn right to left: the number (logically last) is left of the words.
    // (pdftotext -bbox lists each word's characters as drawn, left to right.)
    let html = text_of(&pdf, &["-bbox"]);
    let attr = |line: &str, k: &str| -> f32 {
        line.split(&format!("{k}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
    };
    let word = |w: &str, y: Option<f32>| -> (f32, f32) {
        let drawn: String = w.chars().rev().collect();
        let line = html
            .lines()
            .filter(|l| l.contains(&format!(">{w}<")) || l.contains(&format!(">{drawn}<")))
            .find(|l| y.is_none_or(|y| (attr(l, "yMin") - y).abs() < 0.5))
            .unwrap_or_else(|| panic!("{w}:\n{html}"));
        (attr(line, "xMin"), attr(line, "yMin"))
    };
    let (fahd, y) = word("فهد", None);
    let (number, malik, shari) = (word("12", Some(y)).0, word("الملك", Some(y)).0, word("شارع", Some(y)).0);
    assert!(number < fahd && fahd < malik && malik < shari, "{number} {fahd} {malik} {shari}");
}

#[test]
fn every_script_in_one_batch_shares_one_font_per_face() {
    let names = [
        "Zoë Ångström-Müller",
        "محمد الأحمد",
        "דוד כהן",
        "अनीता शर्मा",
        "สมชาย ใจดี",
        "김민준",
        "山田太郎",
        "王芳",
        "Nguyễn Thị Hương",
    ];
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let letters: Vec<_> = names.iter().map(|n| common::letter(PageSize::Letter, n, 1)).collect();
    let bytes = render_letters(&fonts, &letters, &common::meta()).unwrap();
    let pdf = write(dir.path(), "all.pdf", &bytes);
    check_qpdf(&pdf);
    let listing = check_fonts(&pdf);
    let faces: Vec<&str> = listing.lines().skip(2).filter_map(|l| l.split_whitespace().next()).collect();
    let mut unique = faces.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), faces.len(), "each face embedded once:\n{listing}");
    assert_eq!(pages(&pdf), names.len());
    let text = norm(&text_of(&pdf, &[]));
    for n in names {
        assert!(text.contains(&norm(n)), "{n} missing:\n{text}");
    }
}

#[test]
fn emoji_is_a_placeholder_and_reported() {
    let fonts = Fonts::load().unwrap();
    let emoji = '\u{1F984}'; // 🦄: colour emoji fonts cannot be embedded, and no outline font here has it
    if fonts.uncovered("\u{1F984}").is_empty() {
        eprintln!("note: an installed font covers U+1F984; the emoji is drawn, not a placeholder");
        return;
    }
    let name = "Zoë \u{1F984} Ångström";
    assert_eq!(fonts.uncovered(name), vec![emoji]);
    let dir = tempfile::tempdir().unwrap();
    let letters = [common::letter(PageSize::A4, "Jens Ørsted", 1), common::letter(PageSize::A4, name, 1)];
    let batch = render_letter_batch(&fonts, &letters, &common::meta()).unwrap();
    assert!(batch.failed.is_empty(), "{:?}", batch.failed);
    assert_eq!(batch.rendered, vec![0, 1]);
    let found: Vec<(usize, char, &str)> =
        batch.placeholders.iter().map(|p| (p.index, p.ch, p.field.as_str())).collect();
    assert_eq!(found, vec![(1, emoji, "recipient name"), (1, emoji, "greeting")]);
    let pdf = write(dir.path(), "emoji.pdf", batch.bytes.as_deref().unwrap());
    check_qpdf(&pdf);
    check_fonts(&pdf);
    let text = norm(&text_of(&pdf, &[]));
    assert!(text.contains("Zoë \u{FFFD} Ångström"), "{text}");
    assert!(text.contains("Jens Ørsted"), "{text}");
}

#[test]
fn a_letter_that_cannot_be_laid_out_is_left_out_of_the_batch() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut bad = common::letter(PageSize::A4, "Łucja Kowalska", 1);
    bad.recipient.address_lines = (1..=12).map(|i| format!("Line {i}")).collect();
    let letters = [common::letter(PageSize::A4, "Jens Ørsted", 1), bad, common::letter(PageSize::A4, "अनीता शर्मा", 1)];
    let batch = render_letter_batch(&fonts, &letters, &common::meta()).unwrap();
    assert_eq!(batch.rendered, vec![0, 2]);
    assert_eq!(batch.pages, vec![(1, 1), (2, 2)]);
    assert_eq!(batch.failed.len(), 1);
    assert_eq!(batch.failed[0].index, 1);
    assert_eq!(batch.failed[0].error.code(), "pdf_does_not_fit");
    assert!(batch.failed[0].error.to_string().contains("letter 2"), "{}", batch.failed[0].error);
    let pdf = write(dir.path(), "batch.pdf", batch.bytes.as_deref().unwrap());
    check_qpdf(&pdf);
    check_fonts(&pdf);
    assert_eq!(pages(&pdf), 2);
    let text = norm(&text_of(&pdf, &[]));
    assert!(text.contains("Jens Ørsted") && text.contains("अनीता शर्मा"), "{text}");
    assert!(!text.contains("Łucja"), "the failed letter is not in the PDF:\n{text}");

    // render_letters keeps failing on it; a batch where nothing fits has no PDF.
    let err = render_letters(&fonts, &letters, &common::meta()).unwrap_err();
    assert_eq!(err.code(), "pdf_does_not_fit");
    let none = render_letter_batch(&fonts, &letters[1..2], &common::meta()).unwrap();
    assert!(none.bytes.is_none() && none.rendered.is_empty() && none.failed.len() == 1);
    let empty = render_letter_batch(&fonts, &[], &common::meta()).unwrap();
    assert!(empty.bytes.is_none() && empty.failed.is_empty());
}

#[test]
fn a_big_mixed_batch_embeds_the_same_fonts_every_time() {
    // Big enough to be laid out on several threads, which meet the fallback
    // fonts in any order: the fonts embedded (their subset tags are a hash of
    // the glyphs) and the text must not depend on it. (The whole file is not
    // byte-identical: printpdf names the QR code XObjects at random.)
    let names = ["Zoë Ångström-Müller", "محمد الأحمد", "अनीता शर्मा", "สมชาย ใจดี", "김민준", "王芳", "דוד כהן"];
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let letters: Vec<_> =
        (0..140).map(|i| common::letter(PageSize::A4, names[(i * 5) % names.len()], 1 + i % 3)).collect();
    let mut seen = Vec::new();
    for run in ["a", "b"] {
        let pdf = write(dir.path(), &format!("{run}.pdf"), &render_letters(&fonts, &letters, &common::meta()).unwrap());
        let listing = check_fonts(&pdf);
        let faces: Vec<String> =
            listing.lines().skip(2).filter_map(|l| l.split_whitespace().next()).map(String::from).collect();
        seen.push((faces, text_of(&pdf, &[])));
    }
    assert_eq!(seen[0].0, seen[1].0);
    assert!(seen[0].1 == seen[1].1, "the text differs between two renders");
}

//! Latin, Greek and Cyrillic text never lists or opens a system font: the
//! fallback font list is built only when a character DejaVu Sans lacks shows
//! up. Its own test binary, so no other test has built the list first.
#![allow(clippy::unwrap_used)] // a test or benchmark: a failed unwrap fails it

mod common;

use kindly_pdf::{render_invoice, render_letter_batch, Fonts, PageSize};

#[test]
fn latin_greek_cyrillic_never_list_system_fonts() {
    let fonts = Fonts::load().unwrap();
    let names = ["Zoë Ångström-Müller", "Łucja Kowalska", "Дмитрий Иванов", "Νίκος Παπαδόπουλος", "Nguyễn Thị Hương"];
    let mut letters: Vec<_> = names.iter().map(|n| common::letter(PageSize::A4, n, 40)).collect();
    // Line breaks, tabs, invisible marks and a soft hyphen need no fallback either.
    letters[0].body.push("Tab\there,\r\nzero\u{200B}width, word\u{2060}joiner, soft\u{AD}hyphen.".into());
    let batch = render_letter_batch(&fonts, &letters, &common::meta()).unwrap();
    assert!(
        batch.bytes.is_some() && batch.failed.is_empty() && batch.placeholders.is_empty(),
        "{:?} {:?}",
        batch.failed,
        batch.placeholders
    );
    render_invoice(&fonts, &common::invoice(PageSize::Letter, "Дмитрий Иванов", 30), &common::meta()).unwrap();
    assert!(fonts.uncovered(&names.concat()).is_empty());
    assert!(!fonts.fallback_listed(), "a system font list was built for text DejaVu covers");

    // The first character DejaVu lacks builds it.
    let _ = fonts.uncovered("王");
    assert!(fonts.fallback_listed());
}

//! The evidence dossier: a plain report (title, sections of paragraphs and
//! tables) on A4 or Letter, with the page numbers and footer of the letters.
//!
//! Evidence text is quoted as received, so a character no bundled or system
//! font covers (an emoji in an e-mail) is written as its code point, e.g.
//! `[U+1F984]`, rather than as the anonymous placeholder (�) letters draw:
//! evidence names the exact character. The original file is in the dossier's
//! archive.

use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::layout::{Flow, PageSize, BODY_SIZE};
use crate::shape::is_ignorable;
use crate::text::{is_dropped, Shaper};
use crate::{DocMeta, Table};

/// One block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportBlock {
    /// A bold line introducing what follows.
    Subheading(String),
    /// A wrapped paragraph ('\n' breaks lines).
    Paragraph(String),
    /// Smaller grey text (hashes, file paths, metadata).
    Small(String),
    Table(Table),
}

/// A titled section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportSection {
    pub heading: String,
    pub blocks: Vec<ReportBlock>,
}

/// A whole report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportDoc {
    pub page: PageSize,
    pub title: String,
    /// Lines under the title (who, as of when).
    pub subtitle: Vec<String>,
    pub sections: Vec<ReportSection>,
    /// Small footer lines on every page.
    pub footer: Vec<String>,
}

/// Replaces characters no font covers with their code point.
fn printable(fonts: &Fonts, s: &str, bold: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let invisible = is_dropped(c) || is_ignorable(c) || matches!(c, '\n' | '\t' | ' ' | '\u{2028}' | '\u{2029}');
        if invisible || fonts.resolve(c, bold).is_some() {
            out.push(c);
        } else {
            out.push_str(&format!("[U+{:04X}]", c as u32));
        }
    }
    out
}

fn printable_table(fonts: &Fonts, t: &Table) -> Table {
    let cells = |v: &Vec<String>, bold: bool| v.iter().map(|c| printable(fonts, c, bold)).collect::<Vec<_>>();
    Table {
        headers: cells(&t.headers, true),
        rows: t.rows.iter().map(|r| cells(r, false)).collect(),
        right_align: t.right_align.clone(),
        total: t.total.as_ref().map(|r| cells(r, true)),
    }
}

/// Renders a report; sections flow on, with continuation headers and page numbers.
pub fn render_report(fonts: &Fonts, doc: &ReportDoc, meta: &DocMeta) -> Result<Vec<u8>, PdfError> {
    let mut sh = Shaper::new(fonts);
    sh.context = "dossier".to_string();
    let title = printable(fonts, &doc.title, true);
    let mut f = Flow::new(&mut sh, doc.page, &doc.footer, title.clone())?;
    f.y = f.geo.top_cont;
    f.paragraph(&title, 16.0, true, 0.0, "title")?;
    f.gap(2.0);
    for l in &doc.subtitle {
        f.paragraph(&printable(fonts, l, false), BODY_SIZE, false, 0.3, "subtitle")?;
    }
    for s in &doc.sections {
        f.gap(6.0);
        f.ensure(20.0)?;
        f.paragraph(&printable(fonts, &s.heading, true), 12.5, true, 0.0, "section heading")?;
        let (l, r, y) = (f.geo.left, f.geo.right, f.y + 0.8);
        f.rule(l, y, r, y, 0.5, 0.5);
        f.gap(3.0);
        for b in &s.blocks {
            match b {
                ReportBlock::Subheading(t) => {
                    f.gap(2.0);
                    f.ensure(14.0)?;
                    f.paragraph(&printable(fonts, t, true), BODY_SIZE, true, 0.0, "subheading")?;
                    f.gap(1.0);
                }
                ReportBlock::Paragraph(t) => {
                    f.paragraph(&printable(fonts, t, false), BODY_SIZE, false, 0.0, "paragraph")?;
                    f.gap(1.5);
                }
                ReportBlock::Small(t) => {
                    f.paragraph(&printable(fonts, t, false), 8.0, false, 0.35, "detail")?;
                    f.gap(1.0);
                }
                ReportBlock::Table(t) => {
                    f.gap(1.0);
                    f.table(&printable_table(fonts, t))?;
                    f.gap(3.0);
                }
            }
        }
    }
    let pages = f.finish(&|n, m| meta.page_label(n, m))?;
    crate::pdf::write(fonts, &sh.usage, pages, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a reader gets out of a PDF (poppler), words as laid out.
    fn pdf_text(pdf: &[u8]) -> String {
        let path = std::env::temp_dir().join(format!("kindly-dossier-de-{}.pdf", std::process::id()));
        std::fs::write(&path, pdf).unwrap();
        let out = std::process::Command::new("pdftotext").arg("-raw").arg(&path).arg("-").output().unwrap();
        std::fs::remove_file(&path).unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// A German client's dossier: long words in narrow columns stay whole
    /// ("Kanal", not "Ka/nal"; "Zahlungserinnerung", "Überweisung").
    #[test]
    fn a_german_dossier_breaks_no_word_in_its_tables() {
        let fonts = Fonts::load_with_fallbacks(vec![]).unwrap();
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let summary = Table {
            headers: h(&["Rechnung", "Gestellt", "Fällig", "Betrag", "Bezahlt", "Noch offen", "Tage überfällig"]),
            rows: (1..=3)
                .map(|i| {
                    h(&[
                        &format!("INV-2026-000{i} (storniert)"),
                        "03.11.2026",
                        "20.11.2026",
                        "12.739,69\u{a0}€",
                        "500,00\u{a0}€",
                        "12.239,69\u{a0}€",
                        "34",
                    ])
                })
                .collect(),
            right_align: vec![3, 4, 5, 6],
            total: None,
        };
        let contacts = Table {
            headers: h(&["#", "Zeit", "Kanal", "Rechnung", "Was geschah"]),
            rows: (1..=6)
                .map(|i| {
                    h(&[
                        &i.to_string(),
                        "23.11.2026 11:42 (UTC+01:00)",
                        if i % 2 == 0 { "Brief" } else { "Notiz" },
                        "INV-2026-0001",
                        "Zahlungserinnerung per E-Mail gesendet: Erinnerung an die Rechnungen INV-2026-0001 und INV-2026-0002, Zahlung über 500,00 € eingegangen (Überweisung)",
                    ])
                })
                .collect(),
            right_align: vec![],
            total: None,
        };
        // The report that showed "Chan/nel": a header word wider in bold than any cell under it.
        let english = Table {
            headers: h(&["#", "Time", "Channel", "Invoice", "What happened"]),
            rows: (1..=4)
                .map(|i| {
                    h(&[
                        &i.to_string(),
                        "23 Nov 2026 11:42 (UTC+01:00)",
                        if i % 2 == 0 { "Note" } else { "Phone" },
                        "INV-2026-0001",
                        "Payment reminder sent by e-mail about invoices INV-2026-0001 and INV-2026-0002; a payment of €500.00 received by bank transfer",
                    ])
                })
                .collect(),
            right_align: vec![],
            total: None,
        };
        let payments = Table {
            headers: h(&["Bezahlt am", "Rechnung", "Betrag", "Zahlungsart", "Verwendungszweck"]),
            rows: vec![h(&["20.11.2026", "INV-2026-0001", "500,00\u{a0}€", "Überweisung", "RF18 5390 0754 7034"])],
            right_align: vec![2],
            total: None,
        };
        let doc = ReportDoc {
            page: PageSize::A4,
            title: "Zahlungsverlauf: Zoë Müller".into(),
            subtitle: vec!["Kunde: Zoë Müller".into()],
            sections: [
                ("Übersicht zum 23. November 2026", summary),
                ("Eingegangene Zahlungen", payments),
                ("Jeder Kontakt, der Reihe nach", contacts),
                ("Every contact", english),
            ]
            .into_iter()
            .map(|(h, t)| ReportSection { heading: h.into(), blocks: vec![ReportBlock::Table(t)] })
            .collect(),
            footer: vec![],
        };
        let created = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let pdf = render_report(&fonts, &doc, &DocMeta::new("Zahlungsverlauf", "Studio", created)).unwrap();
        let text = pdf_text(&pdf);
        let words: Vec<&str> = text.split_whitespace().collect();
        for must in [
            "Kanal",
            "Zahlungserinnerung",
            "Überweisung",
            "Zahlungsart",
            "Verwendungszweck",
            "überfällig",
            "Rechnung",
            "INV-2026-0001",
            "Channel",
        ] {
            assert!(words.contains(&must), "{must:?} broken or missing:\n{text}");
        }
        for broken in ["Ka", "nal", "Chan", "nel", "Zahlungserinne", "Überwei"] {
            assert!(!words.contains(&broken), "a word was broken ({broken:?}):\n{text}");
        }
    }

    #[test]
    fn printable_names_only_what_no_font_covers() {
        let fonts = Fonts::load_with_fallbacks(vec![]).unwrap();
        // Joiners and direction marks are kept for shaping and bidi; Arabic is in DejaVu.
        assert_eq!(printable(&fonts, "a\u{200D}b \u{200F}محمد\tx", false), "a\u{200D}b \u{200F}محمد\tx");
        assert_eq!(printable(&fonts, "Bad\u{378}", false), "Bad[U+0378]");
    }
}

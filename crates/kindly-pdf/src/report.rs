//! A small tabular report (the overview's aging and collected reports): a
//! title, a subtitle with the date, then tables with column headers,
//! right-aligned amounts and a bold total row, page breaks that repeat the
//! headers, and "Page x of y". It is the dossier's layout with tables only
//! (`dossier::render_report`), so both share one text, font and PDF path.

use crate::dossier::{render_report, ReportBlock, ReportDoc, ReportSection};
use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::layout::PageSize;
use crate::{DocMeta, Table};

/// A titled report of tables.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TabularReport {
    pub page: PageSize,
    pub title: String,
    /// Lines under the title (what, as of which day).
    pub subtitle: Vec<String>,
    /// Each table with its heading (e.g. one per currency).
    pub tables: Vec<(String, Table)>,
    /// A line under the tables when there is nothing to list.
    pub empty_note: Option<String>,
}

/// Renders a tabular report.
pub fn render_tabular_report(fonts: &Fonts, r: &TabularReport, meta: &DocMeta) -> Result<Vec<u8>, PdfError> {
    let mut sections: Vec<ReportSection> = r
        .tables
        .iter()
        .map(|(heading, t)| ReportSection { heading: heading.clone(), blocks: vec![ReportBlock::Table(t.clone())] })
        .collect();
    if let Some(note) = &r.empty_note {
        sections.push(ReportSection { heading: String::new(), blocks: vec![ReportBlock::Paragraph(note.clone())] });
    }
    let doc =
        ReportDoc { page: r.page, title: r.title.clone(), subtitle: r.subtitle.clone(), sections, footer: Vec::new() };
    render_report(fonts, &doc, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_report_breaks_pages_and_numbers_them() {
        let fonts = Fonts::load_with_fallbacks(vec![]).unwrap();
        let rows: Vec<Vec<String>> =
            (0..150).map(|i| vec![format!("Client {i}"), format!("€{i}.00"), format!("€{}.50", i * 2)]).collect();
        let table = Table {
            headers: vec!["Client".into(), "Not yet due".into(), "Total".into()],
            rows,
            right_align: vec![1, 2],
            total: Some(vec!["Total".into(), "€11,175.00".into(), "€22,425.00".into()]),
        };
        let r = TabularReport {
            page: PageSize::A4,
            title: "Aging report".into(),
            subtitle: vec!["As of 2 December 2026".into()],
            tables: vec![("EUR".into(), table)],
            empty_note: None,
        };
        let created = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let meta = DocMeta::new("Aging report", "Studio", created);
        let pdf = render_tabular_report(&fonts, &r, &meta).unwrap();
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let pages = doc.get_pages();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        // What a reader gets out of the file (poppler), page by page.
        let path = std::env::temp_dir().join(format!("kindly-report-test-{}.pdf", std::process::id()));
        std::fs::write(&path, &pdf).unwrap();
        let out = std::process::Command::new("pdftotext").args(["-layout"]).arg(&path).arg("-").output().unwrap();
        std::fs::remove_file(&path).unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let last = text.split('\u{c}').rfind(|p| !p.trim().is_empty()).unwrap().to_string();
        let n = pages.len();
        assert!(last.contains(&format!("Page {n} of {n}")), "{last}");
        assert!(last.contains("Client"), "the header is repeated: {last}");
        assert!(last.contains("22,425.00"), "{last}");
    }
}

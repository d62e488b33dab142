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

    #[test]
    fn printable_names_only_what_no_font_covers() {
        let fonts = Fonts::load_with_fallbacks(vec![]).unwrap();
        // Joiners and direction marks are kept for shaping and bidi; Arabic is in DejaVu.
        assert_eq!(printable(&fonts, "a\u{200D}b \u{200F}محمد\tx", false), "a\u{200D}b \u{200F}محمد\tx");
        assert_eq!(printable(&fonts, "Bad\u{378}", false), "Bad[U+0378]");
    }
}

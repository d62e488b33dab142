//! The statement of account: a letter for a window envelope (the same
//! letterhead, window address, date, fonts and ending as reminder letters)
//! whose body lists, per currency, the open invoices, the payments received
//! in a stated period and the balance. Long tables continue on new pages
//! with their header repeated; amounts in different currencies are never
//! added together (each section has its own balance).

use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::layout::{line_height, Flow, Page, BODY_SIZE};
use crate::text::Shaper;
use crate::{DocMeta, LetterDoc, Table};

/// A statement: the letter (its `table` is ignored: the sections replace it;
/// `subject` is the title) and one section per currency.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatementDoc {
    pub letter: LetterDoc,
    /// One line per currency right after the opening, e.g. "Balance in EUR: €1,234.56".
    pub summary: Vec<String>,
    pub sections: Vec<StatementSection>,
}

/// Everything about one currency.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatementSection {
    /// "Euro (EUR)".
    pub heading: String,
    /// Open invoices; the total row is what is still owing on them.
    pub invoices: Table,
    /// "Payments received since 3 March 2026".
    pub payments_heading: String,
    /// Payments in that period (rows may be empty).
    pub payments: Table,
    /// Said instead of the payments table when there were none, e.g. "No payments received in this period."
    pub no_payments: String,
    /// Bold, at the end of the section: "Balance in EUR: €1,234.56".
    pub balance: String,
    /// After the balance, when the client has statutory interest on: per
    /// invoice a courteous paragraph on what the law allows, then its
    /// working lines (drawn lighter). Never part of the balance.
    pub interest: Vec<StatementNote>,
}

/// A paragraph under a section's balance, and the lines of its working.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatementNote {
    pub paragraph: String,
    pub working: Vec<String>,
}

/// Renders one statement of account.
pub fn render_statement(fonts: &Fonts, doc: &StatementDoc, meta: &DocMeta) -> Result<Vec<u8>, PdfError> {
    let mut sh = Shaper::new(fonts);
    sh.context = "statement".to_string();
    let pages = layout(&mut sh, doc, meta)?;
    crate::pdf::write(fonts, &sh.usage, pages, meta)
}

fn layout(sh: &mut Shaper, d: &StatementDoc, meta: &DocMeta) -> Result<Vec<Page>, PdfError> {
    let l = &d.letter;
    let qr = crate::letter::encode_qr(&l.qr)?;
    let cont = if l.reference_line.is_empty() {
        format!("{} · {}", l.sender.name, l.subject)
    } else {
        format!("{} · {} · {}", l.sender.name, l.subject, l.reference_line)
    };
    let mut f = Flow::new(sh, l.page, &l.footer, cont)?;
    let opening = LetterDoc { table: None, ..l.clone() };
    crate::letter::opening(&mut f, &opening)?;
    for s in &d.summary {
        f.paragraph(s, BODY_SIZE, true, 0.0, "balance")?;
    }
    if !d.summary.is_empty() {
        f.gap(4.0);
    }
    let lh = line_height(BODY_SIZE);
    for s in &d.sections {
        // A heading never ends a page alone: it stays with the table's first rows.
        f.ensure(lh * 4.0)?;
        f.paragraph(&s.heading, 11.0, true, 0.0, "currency heading")?;
        f.gap(1.5);
        f.table(&s.invoices)?;
        f.gap(4.0);
        f.ensure(lh * 3.0)?;
        f.paragraph(&s.payments_heading, BODY_SIZE, true, 0.0, "payments heading")?;
        f.gap(1.0);
        if s.payments.rows.is_empty() {
            f.paragraph(&s.no_payments, BODY_SIZE, false, 0.3, "payments")?;
        } else {
            f.table(&s.payments)?;
        }
        f.gap(3.0);
        f.ensure(lh * 1.5)?;
        f.paragraph(&s.balance, 11.0, true, 0.0, "balance")?;
        for note in &s.interest {
            f.gap(3.0);
            f.ensure(lh * 3.0)?;
            f.paragraph(&note.paragraph, BODY_SIZE, false, 0.0, "statutory interest")?;
            for w in &note.working {
                f.paragraph(w, BODY_SIZE - 1.0, false, 0.3, "statutory interest working")?;
            }
        }
        f.gap(6.0);
    }
    crate::letter::ending(&mut f, l, qr.as_ref().map(|(m, c)| (m, *c)))?;
    f.finish(&|n, m| meta.page_label(n, m))
}

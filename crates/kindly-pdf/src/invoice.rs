//! Invoices, laid out like the letters (same letterhead and envelope window).

use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::layout::{line_height, Flow, Page, PageSize, BODY_SIZE};
use crate::letter::encode_qr;
use crate::text::Shaper;
use crate::{DocMeta, Party, Qr, Table};

/// One line under the line-item table, e.g. "Subtotal", "VAT 19 %", "Total due".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TotalLine {
    pub label: String,
    /// Pre-formatted amount, right-aligned.
    pub amount: String,
    /// Bold with a rule above (the grand total).
    pub emphasis: bool,
}

/// One invoice.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InvoiceDoc {
    pub page: PageSize,
    /// Letterhead (top right) and the return-address line above the window.
    pub sender: Party,
    /// e-mail, phone, web lines
    pub sender_contact: Vec<String>,
    /// In the envelope window (at most 6 lines).
    pub recipient: Party,
    /// Heading, e.g. "Invoice" (the number is appended).
    pub title: String,
    /// "INV-2026-0042"
    pub number: String,
    /// Label/value pairs right-aligned below the window, e.g.
    /// ("Invoice date", "23 November 2026"), ("Due date", …), ("Customer no.", "17").
    pub details: Vec<(String, String)>,
    /// Optional paragraphs before the table.
    pub intro: Vec<String>,
    /// Line items: description, quantity, unit price, amount …
    pub lines: Table,
    /// Subtotal / tax / total lines, right-aligned under the table.
    pub totals: Vec<TotalLine>,
    /// Paragraphs after the totals (payment terms, VAT notes).
    pub notes: Vec<String>,
    pub payment_methods: Vec<String>,
    pub qr: Option<Qr>,
    /// small footer lines on every page
    pub footer: Vec<String>,
}

/// Renders one invoice (with continuation pages for long line-item tables).
pub fn render_invoice(fonts: &Fonts, invoice: &InvoiceDoc, meta: &DocMeta) -> Result<Vec<u8>, PdfError> {
    let mut sh = Shaper::new(fonts);
    sh.context = "invoice".to_string();
    let pages = layout_invoice(&mut sh, invoice, meta)?;
    crate::pdf::write(fonts, &sh.usage, pages, meta)
}

/// [`render_invoice`], with a last change to the document before it is
/// saved (Factur-X: the embedded XML, XMP metadata, output intent).
pub fn render_invoice_with(
    fonts: &Fonts,
    invoice: &InvoiceDoc,
    meta: &DocMeta,
    finish: &mut crate::pdf::Finish<'_>,
) -> Result<Vec<u8>, PdfError> {
    let mut sh = Shaper::new(fonts);
    sh.context = "invoice".to_string();
    let pages = layout_invoice(&mut sh, invoice, meta)?;
    crate::pdf::write_with(fonts, &sh.usage, pages, meta, finish)
}

fn layout_invoice(sh: &mut Shaper, inv: &InvoiceDoc, meta: &DocMeta) -> Result<Vec<Page>, PdfError> {
    let qr = encode_qr(&inv.qr)?;
    let heading = [inv.title.as_str(), inv.number.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let mut f = Flow::new(sh, inv.page, &inv.footer, format!("{} · {heading}", inv.sender.name))?;
    f.letterhead(&inv.sender, &inv.sender_contact, &inv.recipient)?;

    // Details: "Label: value" lines, right-aligned, starting where a letter's date goes.
    let (left, right) = (f.geo.left, f.geo.right);
    let lh = line_height(9.0);
    let mut y = f.geo.date_baseline;
    for (label, value) in &inv.details {
        let v_w = f.sh.width(&crate::text::clean(value), false, 9.0);
        f.text_right(right, y, 9.0, false, 0.0, value, "invoice details")?;
        f.text_right(right - v_w - 2.0, y, 9.0, false, 0.35, &format!("{label}:"), "invoice details")?;
        y += lh;
    }
    f.y = y.max(f.geo.date_baseline + 3.0) + 2.0;
    f.paragraph(&heading, 14.0, true, 0.0, "title")?;
    f.gap(3.0);
    for p in &inv.intro {
        f.paragraph(p, BODY_SIZE, false, 0.0, "intro")?;
        f.gap(2.5);
    }
    f.gap(1.5);
    f.table(&inv.lines)?;

    // Totals: label and amount right-aligned at the right margin.
    if !inv.totals.is_empty() {
        f.gap(2.0);
        let size = 9.5;
        let tlh = line_height(size);
        let mut amount_w = 0.0f32;
        for t in &inv.totals {
            amount_w = amount_w.max(f.sh.width(&crate::text::clean(&t.amount), t.emphasis, size));
        }
        f.ensure(tlh * inv.totals.len() as f32 + 2.0)?;
        for t in &inv.totals {
            if t.emphasis {
                f.rule(right - amount_w - 60.0, f.y + 0.3, right, f.y + 0.3, 0.6, 0.0);
                f.gap(1.2);
            }
            let baseline = f.y + size * 0.28;
            f.text_right(right, baseline, size, t.emphasis, 0.0, &t.amount, "totals")?;
            f.text_right(right - amount_w - 6.0, baseline, size, t.emphasis, 0.0, &t.label, "totals")?;
            f.y += tlh;
        }
    }
    f.gap(5.0);
    for n in &inv.notes {
        f.paragraph(n, 9.0, false, 0.0, "notes")?;
        f.gap(2.0);
    }
    if !inv.payment_methods.is_empty() || qr.is_some() {
        f.gap(2.0);
        f.payment_block(&inv.payment_methods, qr.as_ref().map(|(m, c)| (m, *c)))?;
    }
    let _ = left;
    f.finish(&|n, m| meta.page_label(n, m))
}

//! Printable PDFs for Kindly: reminder letters laid out for window envelopes
//! (DIN 5008 form B on A4, US #10 on Letter), invoices, installment plan
//! agreement letters (schedule, a payment QR per installment, a place to sign),
//! and reports (the evidence dossier).
//!
//! Pure library: no Tauri, no database, no clock (dates arrive formatted, the
//! creation timestamp in [`DocMeta`]), no global mutable state.
//!
//! # How it renders
//! 1. **Layout** (`letter`, `invoice` on top of `layout`): every block is
//!    measured with the real fonts' advance widths (`text`), wrapped (long
//!    words are broken, so no name can push text off the page), and stacked
//!    down the page; tables continue on new pages with the header repeated.
//!    While laying out, the characters drawn with each face are collected.
//! 2. **Embedding** (`pdf`): printpdf 0.12 writes the file, but without its
//!    slow `text_layout` feature. *The speed trick:* fonts are parsed once per
//!    process ([`Fonts::load`]), and each face is subset **once per PDF**, not
//!    per letter, with typst's `subsetter` over the glyphs of the whole batch;
//!    the subset is handed to printpdf as a ready-made font, embedded as a CID
//!    font with `/ToUnicode`, so text stays extractable. The subsets are also
//!    stripped of TrueType hinting (`sfnt`), QR codes are small integer-coordinate
//!    form XObjects, page streams get fast deflate and font programs a good ratio,
//!    and big batches are laid out and compressed on all cores. A one-page
//!    letter takes ~1.8 ms and ~16 KB; 1,000 letters (one set of subset fonts)
//!    ~0.45 s (see `benches/letters.rs`).
//!
//! # Font fallback rule
//! Each character is drawn with DejaVu Sans (bundled; bold for bold text, the
//! other weight if only that one has the glyph). Characters DejaVu lacks (CJK)
//! go to the first font of a fallback chain that covers them: well-known CJK
//! fonts of Linux, macOS and Windows, then any font under the system font
//! folders whose file name hints at CJK. Fallback fonts are located and parsed
//! only when such a character first appears and are then cached inside
//! [`Fonts`]. Bold text in a fallback font is drawn in its regular weight. A
//! character no font covers is a [`PdfError::MissingGlyph`] naming it and the
//! field; it is never drawn as a box or "?".

mod dossier;
mod error;
mod fonts;
mod invoice;
mod layout;
mod letter;
mod pdf;
mod plan;
pub mod qr;
mod sfnt;
mod text;

pub use dossier::{render_report, ReportBlock, ReportDoc, ReportSection};
pub use error::PdfError;
pub use fonts::Fonts;
pub use invoice::{render_invoice, InvoiceDoc, TotalLine};
pub use layout::{PageSize, Window};
pub use letter::{render_letters, LetterDoc};
pub use plan::{render_plan_letter, PlanLetterDoc};

/// A sender or recipient: a name and postal address lines (no name repeated).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Party {
    pub name: String,
    pub address_lines: Vec<String>,
}

/// A table of text cells; amounts are pre-formatted strings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// column indices to right-align (amounts)
    pub right_align: Vec<usize>,
    /// optional bold total row, e.g. ["", "Total still owing", "€1,234.56"]
    pub total: Option<Vec<String>>,
}

/// A payment QR code.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Qr {
    /// Exact text to encode (an EPC069-12 "GiroCode" string built elsewhere); ECC level M.
    pub payload: String,
    /// Small text under the code, e.g. "Scan to pay with your banking app".
    pub caption: String,
}

/// Document metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    pub title: String,
    pub author: String,
    /// Passed in; the crate never reads the clock. Written as UTC.
    pub created: chrono::NaiveDateTime,
    /// Page-number text with `{n}` (this page) and `{m}` (pages of this letter);
    /// `None` means "Page {n} of {m}". Lets the app translate it.
    pub page_label: Option<String>,
}

impl DocMeta {
    /// Metadata with the default English page label.
    pub fn new(title: impl Into<String>, author: impl Into<String>, created: chrono::NaiveDateTime) -> Self {
        DocMeta { title: title.into(), author: author.into(), created, page_label: None }
    }

    pub(crate) fn page_label(&self, n: usize, m: usize) -> String {
        match &self.page_label {
            Some(f) => f.replace("{n}", &n.to_string()).replace("{m}", &m.to_string()),
            None => format!("Page {n} of {m}"),
        }
    }
}

/// How many threads to use for `units` independent pieces of work: 1 for small
/// jobs (a thread costs more than it saves), else up to the number of cores (max 4).
pub(crate) fn worker_threads(units: usize) -> usize {
    if units < 2 {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(4).min(units)
}

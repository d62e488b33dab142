//! Printable PDFs for Kindly: reminder letters laid out for window envelopes
//! (DIN 5008 form B on A4, US #10 on Letter), invoices, installment plan
//! agreement letters (schedule, a payment QR per installment, a place to sign),
//! statements of account (open invoices, payments and the balance per
//! currency), and reports (the evidence dossier).
//!
//! Pure library: no Tauri, no database, no clock (dates arrive formatted, the
//! creation timestamp in [`DocMeta`]). The only process-wide state is caches
//! that never change what is drawn: the parsed bundled fonts, the list of
//! system fonts, and font files read for fallback.
//!
//! # How it renders
//! 1. **Layout** (`letter`, `invoice` on top of `layout`): every block is
//!    measured with the real fonts' advance widths (`text`), wrapped (long
//!    words are broken, so no name can push text off the page), and stacked
//!    down the page; tables continue on new pages with the header repeated.
//!    While laying out, the characters and glyphs drawn with each face are
//!    collected.
//! 2. **Text** (`text`, `bidi`, `shape`): wrapping works on logical text; each
//!    line is then ordered for display after the Unicode Bidirectional
//!    Algorithm (UAX #9; a paragraph's base direction is that of its first
//!    strong character, and lines stay left-aligned in both directions), and
//!    runs that need it (Arabic, Hebrew, Indic scripts, Thai, combining marks,
//!    anything right-to-left) are shaped with `rustybuzz`: contextual forms,
//!    ligatures, reordering, mark positions. Plain Latin, Greek, Cyrillic and
//!    CJK text skips bidi and the shaper entirely (one glyph per character).
//! 3. **Embedding** (`pdf`): printpdf 0.12 writes the file, but without its
//!    slow `text_layout` feature. *The speed trick:* fonts are parsed once per
//!    process, and each face is subset **once per PDF**, not per letter, with
//!    typst's `subsetter` over the glyphs of the whole batch; the subset is
//!    handed to printpdf as a ready-made font, embedded as a CID font. Shaped
//!    text is written as glyph ids in visual order; our own `/ToUnicode` CMap
//!    (a ligature maps to all its characters) and, where glyphs cannot say
//!    their text in order (the Devanagari reph), `/ActualText` spans keep the
//!    text extractable in logical order. The subsets are also stripped of
//!    TrueType hinting (`sfnt`), QR codes are small integer-coordinate form
//!    XObjects, page streams get fast deflate and font programs a good ratio,
//!    and big batches are laid out and compressed on all cores. See
//!    `docs/benchmarks.md` for the times (a one-page letter ≤ 2 ms, 1,000
//!    letters ≤ 0.5 s).
//!
//! # Font fallback rule
//! Each character is drawn with DejaVu Sans (bundled; bold for bold text, the
//! other weight if only that one has the glyph). DejaVu covers Latin, Greek,
//! Cyrillic, Arabic and Hebrew. A character it lacks goes to a system font
//! chosen by **coverage**: the first time such a character appears, the
//! system's fonts are listed once per process (`fontdb`: the usual Linux,
//! macOS and Windows font folders), and the character is drawn with the first
//! face, in a script-aware order of preference (fonts made for its script,
//! e.g. Noto Sans Devanagari, Noto Sans CJK KR for Hangul, Droid Sans Fallback
//! or Noto Sans CJK for Han; then any family named after the script; then
//! every other face, closest weight first), whose `cmap` really covers it.
//! Faces that cannot be embedded (colour-bitmap emoji, licence-restricted)
//! are skipped; in a collection (`.ttc`) the covering face is used. Choices
//! are cached per character, loaded faces per process. A word of one script
//! split across faces is moved to one face that covers all of it, so its
//! letters join. Punctuation and digits stay in DejaVu when it has them.
//! [`Fonts::load_with_fallbacks`] replaces the system's fonts with given files.
//!
//! A character no installed font covers is drawn as a placeholder (DejaVu's
//! U+FFFD �), never a failure: [`render_letter_batch`] reports it in
//! [`LetterBatch::placeholders`], and [`Fonts::uncovered`] names such
//! characters before anything is printed. Pure Latin, Greek and Cyrillic text
//! never lists or opens a system font.

mod bidi;
mod dossier;
mod error;
mod fallback;
mod fonts;
mod invoice;
mod layout;
mod letter;
mod pdf;
mod plan;
pub mod qr;
mod report;
mod sfnt;
mod shape;
mod statement;
mod text;

pub use dossier::{render_report, ReportBlock, ReportDoc, ReportSection};
pub use error::PdfError;
pub use fonts::Fonts;
pub use invoice::{render_invoice, render_invoice_with, InvoiceDoc, TotalLine};
pub use layout::{PageSize, Window};
pub use letter::{render_letter_batch, render_letters, LetterBatch, LetterDoc, LetterFailure, Placeholder};
/// The PDF object model a [`Finish`] step works on (the version printpdf uses).
pub use lopdf;
pub use pdf::Finish;
pub use plan::{render_plan_letter, PlanLetterDoc};
pub use report::{render_tabular_report, TabularReport};
pub use statement::{render_statement, StatementDoc, StatementNote, StatementSection};

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

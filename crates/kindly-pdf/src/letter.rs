//! Reminder letters for window envelopes.

use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::layout::{line_height, Flow, Page, PageSize, BODY_SIZE, CLOSING_GAP, CLOSING_GAP_ABOVE};
use crate::qr::{self, QrMatrix};
use crate::text::{Shaper, Usage};
use crate::{DocMeta, Party, Qr, Table};

/// One reminder letter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LetterDoc {
    pub page: PageSize,
    /// shown top right / sender block; also the one-line return address above the window
    pub sender: Party,
    /// e-mail, phone, web lines
    pub sender_contact: Vec<String>,
    /// goes in the envelope window (name + address lines: at most 6 lines)
    pub recipient: Party,
    /// "23 November 2026" (already formatted)
    pub date_line: String,
    /// "Invoice INV-2026-0042 · Customer no. 17"
    pub reference_line: String,
    /// bold
    pub subject: String,
    /// "Dear Zoë,"
    pub greeting: String,
    /// paragraphs (may contain '\n' for hard line breaks), wrapped to the text width
    pub body: Vec<String>,
    /// invoices concerned
    pub table: Option<Table>,
    /// "Bank transfer: IBAN …, BIC …", "Card or PayPal: https://…"
    pub payment_methods: Vec<String>,
    pub qr: Option<Qr>,
    /// "Kind regards,"
    pub closing: String,
    /// name, title, business
    pub signature: Vec<String>,
    /// small footer lines on every page
    pub footer: Vec<String>,
}

/// The result of rendering a batch of letters: one PDF with every letter that
/// could be laid out, and what happened to the others.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LetterBatch {
    /// The PDF, or `None` if no letter could be drawn (none given, or all failed).
    pub bytes: Option<Vec<u8>>,
    /// Indices (into the letters given) of the letters in the PDF, in order.
    pub rendered: Vec<usize>,
    /// The first and last page (1-based, inclusive) of each letter in the PDF,
    /// parallel to `rendered`.
    pub pages: Vec<(usize, usize)>,
    /// The letters left out, with why.
    pub failed: Vec<LetterFailure>,
    /// Characters no installed font covers, drawn as a placeholder (�), per letter and field.
    pub placeholders: Vec<Placeholder>,
}

/// A letter that could not be laid out (e.g. [`PdfError::DoesNotFit`]) and was left out of the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterFailure {
    /// Index of the letter in the letters given.
    pub index: usize,
    pub error: PdfError,
}

/// A character drawn as a placeholder because no font on this computer covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// Index of the letter in the letters given.
    pub index: usize,
    pub ch: char,
    /// The field it is in, e.g. "recipient name".
    pub field: String,
}

/// One PDF containing every letter in order; each letter starts on a new page,
/// has its own page numbers ("Page 1 of 2") and continuation pages when the table is long.
///
/// Fails if any letter cannot be laid out (with that letter's error; see
/// [`render_letter_batch`] for a batch that leaves such letters out instead)
/// or if there is no letter. Characters no font covers are drawn as a
/// placeholder and do not fail.
pub fn render_letters(fonts: &Fonts, letters: &[LetterDoc], meta: &DocMeta) -> Result<Vec<u8>, PdfError> {
    if letters.is_empty() {
        return Err(PdfError::DoesNotFit { field: "letters".into(), reason: "there is no letter to render".into() });
    }
    let batch = render(fonts, letters, meta, false)?;
    if let Some(f) = batch.failed.into_iter().next() {
        return Err(f.error);
    }
    batch.bytes.ok_or_else(|| PdfError::Render { reason: "no letter was drawn".into() })
}

/// Renders every letter that can be laid out into one PDF (in order, each
/// starting on a new page with its own page numbers) and lists the others in
/// [`LetterBatch::failed`]: one letter whose address does not fit never stops
/// the rest. Characters no font covers are drawn as a placeholder (�) and
/// listed in [`LetterBatch::placeholders`].
///
/// Errors only when the PDF itself cannot be written (e.g. a font cannot be
/// subset); with no letter to draw, [`LetterBatch::bytes`] is `None`.
///
/// Large batches are laid out on several threads (letters are independent); the
/// output is the same as sequential layout.
pub fn render_letter_batch(fonts: &Fonts, letters: &[LetterDoc], meta: &DocMeta) -> Result<LetterBatch, PdfError> {
    render(fonts, letters, meta, true)
}

/// Lays out every letter; writes the PDF if any letter succeeded and either
/// `partial` is set or none failed.
fn render(fonts: &Fonts, letters: &[LetterDoc], meta: &DocMeta, partial: bool) -> Result<LetterBatch, PdfError> {
    let single = letters.len() == 1;
    let layout_range = |first: usize, part: &[LetterDoc]| -> (Vec<Page>, Usage, Vec<Outcome>) {
        let mut sh = Shaper::new(fonts);
        let mut pages = Vec::with_capacity(part.len());
        let mut outcomes = Vec::with_capacity(part.len());
        for (j, letter) in part.iter().enumerate() {
            let index = first + j;
            sh.context = if single { "letter".to_string() } else { format!("letter {}", index + 1) };
            sh.placeholders.get_mut().clear();
            match layout_letter(&mut sh, letter, meta) {
                Ok(p) => {
                    sh.usage.commit();
                    let n = p.len();
                    pages.extend(p);
                    outcomes.push(Outcome::Drawn(index, n, std::mem::take(sh.placeholders.get_mut())));
                }
                Err(error) => {
                    // Its glyphs stay out of the fonts, as it stays out of the PDF.
                    sh.usage.rollback();
                    outcomes.push(Outcome::Failed(LetterFailure { index, error }));
                }
            }
        }
        (pages, sh.usage, outcomes)
    };
    let threads = crate::worker_threads(letters.len() / 32);
    let (pages, usage, outcomes) = if threads <= 1 {
        layout_range(0, letters)
    } else {
        let chunk = letters.len().div_ceil(threads);
        type LaidOut = (Vec<Page>, Usage, Vec<Outcome>);
        let parts: Vec<Result<LaidOut, PdfError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = letters
                .chunks(chunk)
                .enumerate()
                .map(|(i, part)| scope.spawn(move || layout_range(i * chunk, part)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().map_err(|_| PdfError::Render { reason: "layout thread panicked".into() }))
                .collect()
        });
        let mut pages = Vec::with_capacity(letters.len());
        let mut usage = Usage::default();
        let mut outcomes = Vec::with_capacity(letters.len());
        for part in parts {
            let (p, u, o) = part?;
            pages.extend(p);
            usage.merge(u);
            outcomes.extend(o);
        }
        (pages, usage, outcomes)
    };
    let mut batch = LetterBatch::default();
    let mut last_page = 0;
    for o in outcomes {
        match o {
            Outcome::Drawn(index, n, placeholders) => {
                batch.rendered.push(index);
                batch.pages.push((last_page + 1, last_page + n));
                last_page += n;
                batch.placeholders.extend(placeholders.into_iter().map(|(ch, field)| Placeholder { index, ch, field }));
            }
            Outcome::Failed(f) => batch.failed.push(f),
        }
    }
    if !batch.rendered.is_empty() && (partial || batch.failed.is_empty()) {
        batch.bytes = Some(crate::pdf::write(fonts, &usage, pages, meta)?);
    }
    Ok(batch)
}

/// What became of one letter of a batch.
enum Outcome {
    /// Laid out: its index, number of pages and the placeholders it needed.
    Drawn(usize, usize, Vec<(char, String)>),
    Failed(LetterFailure),
}

pub(crate) fn encode_qr(qr: &Option<Qr>) -> Result<Option<(QrMatrix, &str)>, PdfError> {
    qr.as_ref().map(|q| Ok((qr::encode(&q.payload)?, q.caption.as_str()))).transpose()
}

/// Everything up to the ways to pay, shared by reminder and plan letters:
/// letterhead and window address, date, reference, subject, greeting, body
/// paragraphs and the optional table.
pub(crate) fn opening(f: &mut Flow<'_, '_>, l: &LetterDoc) -> Result<(), PdfError> {
    f.letterhead(&l.sender, &l.sender_contact, &l.recipient)?;
    let (right, date_baseline) = (f.geo.right, f.geo.date_baseline);
    f.text_right(right, date_baseline, BODY_SIZE, false, 0.0, &l.date_line, "date")?;
    f.y = date_baseline + 5.0;
    if !l.reference_line.is_empty() {
        f.paragraph(&l.reference_line, 9.0, false, 0.3, "reference line")?;
    }
    f.gap(4.0);
    f.paragraph(&l.subject, 11.0, true, 0.0, "subject")?;
    f.gap(4.0);
    if !l.greeting.is_empty() {
        f.paragraph(&l.greeting, BODY_SIZE, false, 0.0, "greeting")?;
        f.gap(2.0);
    }
    for p in &l.body {
        f.paragraph(p, BODY_SIZE, false, 0.0, "body")?;
        f.gap(2.5);
    }
    if let Some(t) = &l.table {
        f.gap(1.5);
        f.table(t)?;
        f.gap(5.0);
    }
    Ok(())
}

fn layout_letter(sh: &mut Shaper, l: &LetterDoc, meta: &DocMeta) -> Result<Vec<Page>, PdfError> {
    let qr = encode_qr(&l.qr)?;
    let cont = if l.reference_line.is_empty() {
        l.sender.name.clone()
    } else {
        format!("{} · {}", l.sender.name, l.reference_line)
    };
    let mut f = Flow::new(sh, l.page, &l.footer, cont)?;
    opening(&mut f, l)?;
    ending(&mut f, l, qr.as_ref().map(|(m, c)| (m, *c)))?;
    f.finish(&|n, m| meta.page_label(n, m))
}

/// The ways to pay (beside the QR code when there is one), the closing and
/// the signature: how reminder letters and statements of account end.
pub(crate) fn ending(f: &mut Flow<'_, '_>, l: &LetterDoc, qr: Option<(&QrMatrix, &str)>) -> Result<(), PdfError> {
    if let Some(qr) = qr {
        // Closing and signature beside the code, in the space it leaves.
        return f.payment_block_closing(&l.payment_methods, Some(qr), Some((&l.closing, &l.signature)));
    }
    if !l.payment_methods.is_empty() {
        f.payment_block(&l.payment_methods, None)?;
        f.gap(CLOSING_GAP_ABOVE);
    }
    // Closing and signature stay together.
    let lh = line_height(BODY_SIZE);
    f.ensure(lh * (1 + l.signature.len()) as f32 + 10.0)?;
    f.paragraph(&l.closing, BODY_SIZE, false, 0.0, "closing")?;
    f.gap(CLOSING_GAP);
    for (i, s) in l.signature.iter().enumerate() {
        f.paragraph(s, BODY_SIZE, i == 0, 0.0, "signature")?;
    }
    Ok(())
}

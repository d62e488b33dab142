//! Reminder letters for window envelopes.

use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::layout::{line_height, Flow, Page, PageSize, BODY_SIZE};
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

/// One PDF containing every letter in order; each letter starts on a new page,
/// has its own page numbers ("Page 1 of 2") and continuation pages when the table is long.
///
/// Large batches are laid out on several threads (letters are independent); the
/// output is the same as sequential layout.
pub fn render_letters(fonts: &Fonts, letters: &[LetterDoc], meta: &DocMeta) -> Result<Vec<u8>, PdfError> {
    if letters.is_empty() {
        return Err(PdfError::DoesNotFit { field: "letters".into(), reason: "there is no letter to render".into() });
    }
    let single = letters.len() == 1;
    let layout_range = |first: usize, part: &[LetterDoc]| -> Result<(Vec<Page>, Usage), PdfError> {
        let mut sh = Shaper::new(fonts);
        let mut pages = Vec::with_capacity(part.len());
        for (j, letter) in part.iter().enumerate() {
            sh.context = if single { "letter".to_string() } else { format!("letter {}", first + j + 1) };
            pages.extend(layout_letter(&mut sh, letter, meta)?);
        }
        Ok((pages, sh.usage))
    };
    let threads = crate::worker_threads(letters.len() / 32);
    let (pages, usage) = if threads <= 1 {
        layout_range(0, letters)?
    } else {
        let chunk = letters.len().div_ceil(threads);
        let parts: Vec<Result<(Vec<Page>, Usage), PdfError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = letters
                .chunks(chunk)
                .enumerate()
                .map(|(i, part)| scope.spawn(move || layout_range(i * chunk, part)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| Err(PdfError::Render { reason: "layout thread panicked".into() })))
                .collect()
        });
        let mut pages = Vec::with_capacity(letters.len());
        let mut usage = Usage::default();
        for part in parts {
            let (p, u) = part?;
            pages.extend(p);
            usage.merge(u);
        }
        (pages, usage)
    };
    crate::pdf::write(fonts, &usage, pages, meta)
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
    if !l.payment_methods.is_empty() || qr.is_some() {
        f.payment_block(&l.payment_methods, qr.as_ref().map(|(m, c)| (m, *c)))?;
        f.gap(4.0);
    }
    // Closing and signature stay together.
    let lh = line_height(BODY_SIZE);
    f.ensure(lh * (1 + l.signature.len()) as f32 + 10.0)?;
    f.paragraph(&l.closing, BODY_SIZE, false, 0.0, "closing")?;
    f.gap(8.0);
    for (i, s) in l.signature.iter().enumerate() {
        f.paragraph(s, BODY_SIZE, i == 0, 0.0, "signature")?;
    }
    f.finish(&|n, m| meta.page_label(n, m))
}

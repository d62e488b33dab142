//! The installment plan proposal / agreement letter: the same letterhead and
//! envelope window as reminder letters, the schedule table with its total,
//! the ways to pay, an EPC payment QR code per installment (EUR) and a place
//! for the client to sign.

use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::layout::{line_height, Flow, Page, BODY_SIZE};
use crate::text::Shaper;
use crate::{DocMeta, LetterDoc, Qr};

/// Size of each installment's QR code, in mm (EPC asks for at least ~20 mm).
const PLAN_QR_SIZE: f32 = 27.0;

/// A plan letter: a letter (its `table` is the schedule) plus one QR code
/// per installment and the signature place.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanLetterDoc {
    pub letter: LetterDoc,
    /// Heading above the QR codes, e.g. "Scan to pay an installment".
    pub qr_heading: String,
    /// One per installment (empty when the currency is not EUR or no IBAN is set).
    pub installment_qrs: Vec<Qr>,
    /// Heading of the signature place, e.g. "Agreed:".
    pub sign_heading: String,
    /// Labels under the signature lines, e.g. ["Place, date", "Signature (Zoë Ångström)"].
    pub sign_labels: Vec<String>,
}

/// Renders one plan letter.
pub fn render_plan_letter(fonts: &Fonts, doc: &PlanLetterDoc, meta: &DocMeta) -> Result<Vec<u8>, PdfError> {
    let mut sh = Shaper::new(fonts);
    sh.context = "plan letter".to_string();
    let pages = layout(&mut sh, doc, meta)?;
    crate::pdf::write(fonts, &sh.usage, pages, meta)
}

fn layout(sh: &mut Shaper, d: &PlanLetterDoc, meta: &DocMeta) -> Result<Vec<Page>, PdfError> {
    let l = &d.letter;
    let codes = d
        .installment_qrs
        .iter()
        .map(|q| Ok((crate::qr::encode(&q.payload)?, q.caption.clone())))
        .collect::<Result<Vec<_>, PdfError>>()?;
    let cont = format!("{} · {}", l.sender.name, l.reference_line);
    let mut f = Flow::new(sh, l.page, &l.footer, cont)?;
    crate::letter::opening(&mut f, l)?;
    let (left, right) = (f.geo.left, f.geo.right);
    for m in &l.payment_methods {
        f.paragraph(m, BODY_SIZE, false, 0.0, "payment methods")?;
    }
    if !codes.is_empty() {
        f.gap(3.0);
        f.ensure(line_height(9.0) + PLAN_QR_SIZE + 10.0)?;
        f.paragraph(&d.qr_heading, 9.0, true, 0.0, "QR heading")?;
        f.gap(1.5);
        f.qr_grid(&codes, PLAN_QR_SIZE)?;
    }
    f.gap(4.0);
    let lh = line_height(BODY_SIZE);
    f.ensure(lh * (1 + l.signature.len()) as f32 + 10.0)?;
    f.paragraph(&l.closing, BODY_SIZE, false, 0.0, "closing")?;
    f.gap(8.0);
    for (i, s) in l.signature.iter().enumerate() {
        f.paragraph(s, BODY_SIZE, i == 0, 0.0, "signature")?;
    }
    // The signature place: a heading, then one line per label, side by side.
    if !d.sign_labels.is_empty() {
        f.gap(8.0);
        f.ensure(lh + 22.0)?;
        f.paragraph(&d.sign_heading, BODY_SIZE, true, 0.0, "signature place")?;
        f.gap(12.0);
        let n = d.sign_labels.len() as f32;
        let gap = 10.0;
        let w = (right - left - gap * (n - 1.0)) / n;
        let y = f.y;
        for (k, label) in d.sign_labels.iter().enumerate() {
            let x = left + k as f32 * (w + gap);
            f.rule(x, y, x + w, y, 0.5, 0.0);
            f.text(x, y + 4.0, 8.0, false, 0.35, label, "signature place")?;
        }
        f.y = y + 6.0;
    }
    f.finish(&|n, m| meta.page_label(n, m))
}

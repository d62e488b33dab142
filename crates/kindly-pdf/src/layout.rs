//! Page geometry (DIN 5008 form B on A4, #10 window envelope on US Letter), the
//! page model (positioned text runs, rules and filled rectangles, all in mm from
//! the top-left corner) and [`Flow`], which stacks blocks down the page and
//! breaks onto continuation pages.

use std::borrow::Cow;

use crate::error::PdfError;
use crate::qr::QrMatrix;
use crate::text::{clean, Run, Shaper, MM_PER_PT};
use crate::{Party, Table};

/// Paper size, which also decides the envelope-window geometry.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS, strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
pub enum PageSize {
    /// 210 × 297 mm, laid out after DIN 5008 form B for DL / C5 / C4 window envelopes.
    #[default]
    A4,
    /// 8½ × 11 in, laid out for a US #10 window envelope (the derivation is on `Geometry::letter`).
    Letter,
}

/// An envelope window in mm, measured from the page's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl PageSize {
    /// The stored and wire word.
    pub const fn as_str(self) -> &'static str {
        match self {
            PageSize::A4 => "a4",
            PageSize::Letter => "letter",
        }
    }

    /// Page width and height in mm.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (210.0, 297.0),
            PageSize::Letter => (215.9, 279.4),
        }
    }

    /// Where the recipient address must appear (the window as seen on the flat page).
    pub fn address_window(self) -> Window {
        Geometry::for_page(self).window
    }
}

/// All fixed positions of one page format, in mm from the top-left corner.
#[derive(Debug, Clone)]
pub(crate) struct Geometry {
    pub(crate) w: f32,
    pub(crate) h: f32,
    /// Left text margin.
    pub(crate) left: f32,
    /// Right text edge.
    pub(crate) right: f32,
    pub(crate) window: Window,
    /// x of the return-address and recipient lines.
    pub(crate) address_x: f32,
    /// Width available to those lines.
    pub(crate) address_width: f32,
    pub(crate) return_baseline: f32,
    pub(crate) recipient_baseline: f32,
    pub(crate) recipient_size: f32,
    pub(crate) recipient_lh: f32,
    /// The sender block (top right) must end above this.
    pub(crate) sender_bottom: f32,
    pub(crate) date_baseline: f32,
    pub(crate) folds: &'static [f32],
    pub(crate) punch: Option<f32>,
    /// Where content starts on continuation pages.
    pub(crate) top_cont: f32,
    /// Baseline of the lowest footer line.
    pub(crate) footer_baseline: f32,
}

const MAX_RECIPIENT_LINES: usize = 6;

impl Geometry {
    pub(crate) fn for_page(p: PageSize) -> Geometry {
        match p {
            PageSize::A4 => Self::a4(),
            PageSize::Letter => Self::letter(),
        }
    }

    /// DIN 5008 form B: address field 20 mm from the left, 45 mm from the top,
    /// 85 × 45 mm. Its top 17.7 mm are the "Zusatz- und Vermerkzone" (the
    /// one-line return address sits at its top), the remaining 27.3 mm the
    /// "Anschriftzone" with up to 6 recipient lines, text indented 5 mm (x = 25 mm).
    /// Fold marks at 105 and 210 mm, hole-punch mark at 148.5 mm. Text margins
    /// 25 mm left, 20 mm right.
    fn a4() -> Geometry {
        Geometry {
            w: 210.0,
            h: 297.0,
            left: 25.0,
            right: 190.0,
            window: Window { x: 20.0, y: 45.0, width: 85.0, height: 45.0 },
            address_x: 25.0,
            address_width: 78.0,
            return_baseline: 49.5,
            recipient_baseline: 62.7 + 3.5,
            recipient_size: 10.0,
            recipient_lh: 4.3,
            sender_bottom: 42.0,
            date_baseline: 98.5,
            folds: &[105.0, 210.0],
            punch: Some(148.5),
            top_cont: 20.0,
            footer_baseline: 287.0,
        }
    }

    /// US Letter for a standard #10 window envelope (4⅛ × 9½ in; window 4½ × 1⅛ in,
    /// ⅞ in from the left and ½ in from the bottom edge of the envelope).
    ///
    /// Derivation: the letter is tri-folded (C-fold, top panel facing the
    /// window) into panels of 11 in / 3 = 3⅔ in. The folded sheet rests on the
    /// bottom of the envelope, so a point `d` inches from the top of the page is
    /// `3⅔ − d` inches above the envelope's bottom edge. The window spans ½ in to
    /// 1⅝ in above that edge, hence on the page it spans
    /// `3⅔ − 1⅝ = 2.042 in` (51.9 mm) to `3⅔ − ½ = 3.167 in` (80.4 mm) from the top,
    /// and ⅞ in (22.2 mm) to 5⅜ in (136.5 mm) from the left.
    ///
    /// The text starts 1 in (25.4 mm) from the left (⅛ in inside the window) and
    /// is limited to 78 mm wide, so it stays visible even when the 8½ in sheet
    /// slides sideways in the 9½ in envelope; the return-address line sits at
    /// the top of the window, the recipient lines (≤ 6, 9.5 pt) below it and end
    /// above 79.5 mm. Fold marks at the thirds (93.1 mm and 186.3 mm); no
    /// hole-punch mark (US three-hole punching needs none). Text margins 1 in.
    fn letter() -> Geometry {
        let top = (11.0 / 3.0 - 1.625) * 25.4;
        Geometry {
            w: 215.9,
            h: 279.4,
            left: 25.4,
            right: 215.9 - 25.4,
            window: Window { x: 0.875 * 25.4, y: top, width: 4.5 * 25.4, height: 1.125 * 25.4 },
            address_x: 25.4,
            address_width: 78.0,
            return_baseline: top + 3.2,
            recipient_baseline: top + 3.2 + 4.0,
            recipient_size: 9.5,
            recipient_lh: 3.9,
            sender_bottom: 47.0,
            date_baseline: 89.0,
            folds: &[279.4 / 3.0, 279.4 * 2.0 / 3.0],
            punch: None,
            top_cont: 20.0,
            footer_baseline: 279.4 - 10.0,
        }
    }
}

/// Something drawn on a page. Coordinates in mm from the top-left corner; text
/// `y` is the baseline.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        grey: f32,
        runs: Vec<Run>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width_pt: f32,
        grey: f32,
    },
    /// A QR code: top-left corner (mm), module size (mm), dark runs as (column, row, length).
    Qr {
        x: f32,
        y: f32,
        module: f32,
        runs: Vec<(u16, u16, u16)>,
    },
}

/// One laid-out page.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub(crate) w: f32,
    pub(crate) h: f32,
    pub(crate) items: Vec<Item>,
}

/// Line height for a font size, in mm.
pub(crate) fn line_height(size: f32) -> f32 {
    size * MM_PER_PT * 1.4
}

fn ascent(size: f32) -> f32 {
    size * MM_PER_PT * 0.8
}

const FOOTER_SIZE: f32 = 7.0;
const FOOTER_LH: f32 = 3.1;
pub(crate) const BODY_SIZE: f32 = 10.0;
const TABLE_SIZE: f32 = 9.0;
const QR_SIZE: f32 = 32.0;
/// Space between the ways to pay and the closing, and the room left for a
/// handwritten signature between the closing and the name.
pub(crate) const CLOSING_GAP_ABOVE: f32 = 4.0;
pub(crate) const CLOSING_GAP: f32 = 8.0;

/// Stacks blocks down the pages of one document (one letter or one invoice).
pub(crate) struct Flow<'a, 'f> {
    pub(crate) sh: &'a mut Shaper<'f>,
    pub(crate) geo: Geometry,
    pages: Vec<Page>,
    /// Top of the free space on the current page.
    pub(crate) y: f32,
    bottom: f32,
    cont_header: String,
    footer_lines: Vec<String>,
}

impl<'a, 'f> Flow<'a, 'f> {
    pub(crate) fn new(
        sh: &'a mut Shaper<'f>,
        page: PageSize,
        footer: &[String],
        cont_header: String,
    ) -> Result<Self, PdfError> {
        let geo = Geometry::for_page(page);
        // Footer lines wrap (leaving room for the page number on the last line).
        let mut footer_lines = Vec::new();
        for l in footer {
            footer_lines.extend(sh.wrap(l, false, FOOTER_SIZE, geo.right - geo.left - 28.0, "footer"));
        }
        let footer_top = geo.footer_baseline - FOOTER_LH * footer_lines.len().max(1) as f32;
        let bottom = footer_top - 4.0;
        let first = Page { w: geo.w, h: geo.h, items: Vec::with_capacity(64) };
        Ok(Flow { sh, y: geo.date_baseline, geo, pages: vec![first], bottom, cont_header, footer_lines })
    }

    fn page(&mut self) -> &mut Page {
        let n = self.pages.len();
        &mut self.pages[n - 1]
    }

    /// Draws one line of text (newlines become spaces) with its left end at `x`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn text(
        &mut self,
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        grey: f32,
        text: &str,
        field: &str,
    ) -> Result<(), PdfError> {
        let last = self.pages.len() - 1;
        self.text_at(last, x, baseline, size, bold, grey, text, field)
    }

    #[allow(clippy::too_many_arguments)]
    fn text_at(
        &mut self,
        page: usize,
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        grey: f32,
        text: &str,
        field: &str,
    ) -> Result<(), PdfError> {
        let text = clean(text);
        let runs = if text.contains('\n') {
            self.sh.runs(&text.replace('\n', " "), bold, field)
        } else {
            self.sh.runs(&text, bold, field)
        };
        if let (false, Some(p)) = (runs.is_empty(), self.pages.get_mut(page)) {
            p.items.push(Item::Text { x, y: baseline, size, grey, runs });
        }
        Ok(())
    }

    /// Draws one line of text ending at `right`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn text_right(
        &mut self,
        right: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        grey: f32,
        text: &str,
        field: &str,
    ) -> Result<(), PdfError> {
        let text = clean(text);
        let text = if text.contains('\n') { Cow::Owned(text.replace('\n', " ")) } else { text };
        let w = self.sh.width(&text, bold, size);
        self.text(right - w, baseline, size, bold, grey, &text, field)
    }

    pub(crate) fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width_pt: f32, grey: f32) {
        self.page().items.push(Item::Line { x1, y1, x2, y2, width_pt, grey });
    }

    pub(crate) fn gap(&mut self, mm: f32) {
        self.y += mm;
    }

    /// Starts a continuation page: a small header line, then content.
    pub(crate) fn new_page(&mut self) -> Result<(), PdfError> {
        let (w, h) = (self.geo.w, self.geo.h);
        self.pages.push(Page { w, h, items: Vec::with_capacity(64) });
        let (left, right, top) = (self.geo.left, self.geo.right, self.geo.top_cont);
        let lines = self.sh.wrap(&self.cont_header, false, 8.0, right - left, "continuation header");
        let first = lines.into_iter().next().unwrap_or_default();
        self.text(left, top, 8.0, false, 0.35, &first, "continuation header")?;
        self.rule(left, top + 1.8, right, top + 1.8, 0.4, 0.6);
        self.y = top + 6.0;
        Ok(())
    }

    /// Makes sure `h` mm fit below the cursor, starting a new page if not.
    pub(crate) fn ensure(&mut self, h: f32) -> Result<(), PdfError> {
        if self.y + h > self.bottom {
            self.new_page()?;
        }
        Ok(())
    }

    /// A wrapped paragraph at the left margin across the full text width.
    pub(crate) fn paragraph(
        &mut self,
        text: &str,
        size: f32,
        bold: bool,
        grey: f32,
        field: &str,
    ) -> Result<(), PdfError> {
        let (x, w) = (self.geo.left, self.geo.right - self.geo.left);
        self.paragraph_in(x, w, text, size, bold, grey, field)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn paragraph_in(
        &mut self,
        x: f32,
        width: f32,
        text: &str,
        size: f32,
        bold: bool,
        grey: f32,
        field: &str,
    ) -> Result<(), PdfError> {
        let lh = line_height(size);
        for line in self.sh.wrap(text, bold, size, width, field) {
            self.ensure(lh)?;
            let baseline = self.y + ascent(size);
            self.text(x, baseline, size, bold, grey, &line, field)?;
            self.y += lh;
        }
        Ok(())
    }

    /// Sender block (top right), return-address line and recipient in the window.
    pub(crate) fn letterhead(&mut self, sender: &Party, contact: &[String], recipient: &Party) -> Result<(), PdfError> {
        let g = self.geo.clone();
        // Sender block, right-aligned, ending above the window.
        let block_w = 75.0;
        let mut lines: Vec<(String, f32, bool, f32, &str)> = Vec::new();
        for l in self.sh.wrap(&sender.name, true, 11.0, block_w, "sender name") {
            lines.push((l, 11.0, true, 0.0, "sender name"));
        }
        for (field, src) in [("sender address", sender.address_lines.as_slice()), ("sender contact", contact)] {
            for a in src {
                for l in self.sh.wrap(a, false, 8.5, block_w, field) {
                    lines.push((l, 8.5, false, 0.25, field));
                }
            }
        }
        let height: f32 = lines.iter().map(|(_, s, _, _, _)| line_height(*s)).sum();
        let mut y = (g.sender_bottom - height).max(10.0);
        for (l, size, bold, grey, field) in &lines {
            self.text_right(g.right, y + ascent(*size), *size, *bold, *grey, l, field)?;
            y += line_height(*size);
        }

        // Return address: one small line, shrunk to fit the window.
        let mut ret = clean(&sender.name).replace('\n', " ");
        for a in &sender.address_lines {
            ret.push_str(" · ");
            ret.push_str(&clean(a).replace('\n', " "));
        }
        let mut size = 7.0f32;
        let w = self.sh.width(&ret, false, size);
        if w > g.address_width {
            size = (size * g.address_width / w).max(5.0);
        }
        let ret_lines = self.sh.wrap(&ret, false, size, g.address_width, "return address");
        let ret_line = ret_lines.into_iter().next().unwrap_or_default();
        self.text(g.address_x, g.return_baseline, size, false, 0.3, &ret_line, "return address")?;
        let ret_w = self.sh.width(&ret_line, false, size);
        self.rule(g.address_x, g.return_baseline + 0.8, g.address_x + ret_w, g.return_baseline + 0.8, 0.3, 0.3);

        // Recipient: at most 6 lines; long lines wrap, shrinking the size if needed.
        let mut size = g.recipient_size;
        let mut lh = g.recipient_lh;
        let mut wrapped;
        loop {
            wrapped = Vec::new();
            for (i, l) in std::iter::once(&recipient.name).chain(&recipient.address_lines).enumerate() {
                let field = if i == 0 { "recipient name" } else { "recipient address" };
                for w in self.sh.wrap(l, false, size, g.address_width, field) {
                    wrapped.push((w, field));
                }
            }
            if wrapped.len() <= MAX_RECIPIENT_LINES || size <= 7.5 {
                break;
            }
            size -= 1.0;
            lh *= size / (size + 1.0);
        }
        if wrapped.len() > MAX_RECIPIENT_LINES {
            return Err(PdfError::DoesNotFit {
                field: self.located("recipient"),
                reason: format!(
                    "the envelope window holds at most {MAX_RECIPIENT_LINES} lines, the address needs {}",
                    wrapped.len()
                ),
            });
        }
        for (i, (l, field)) in wrapped.iter().enumerate() {
            self.text(g.address_x, g.recipient_baseline + lh * i as f32, size, false, 0.0, l, field)?;
        }
        Ok(())
    }

    pub(crate) fn located(&self, field: &str) -> String {
        if self.sh.context.is_empty() {
            field.to_string()
        } else {
            format!("{}: {field}", self.sh.context)
        }
    }

    /// A table across the text width; the header row is repeated on every page.
    pub(crate) fn table(&mut self, t: &Table) -> Result<(), PdfError> {
        let ncols = t
            .headers
            .len()
            .max(t.rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(t.total.as_ref().map_or(0, Vec::len));
        if ncols == 0 {
            return Ok(());
        }
        let size = TABLE_SIZE;
        let lh = line_height(size);
        let gap = 4.0;
        let avail = self.geo.right - self.geo.left;
        let right_al = |c: usize| t.right_align.contains(&c);

        // Natural (unwrapped) width of every column.
        let mut natural = vec![0.0f32; ncols];
        let mut measure = |cells: &[String], bold: bool, sh: &Shaper| {
            for (c, cell) in cells.iter().enumerate() {
                for part in clean(cell).split('\n') {
                    natural[c] = natural[c].max(sh.width(part, bold, size));
                }
            }
        };
        measure(&t.headers, true, self.sh);
        for r in &t.rows {
            measure(r, false, self.sh);
        }
        if let Some(total) = &t.total {
            measure(total, true, self.sh);
        }
        let gaps = gap * (ncols - 1) as f32;
        let mut widths = natural.clone();
        let sum: f32 = natural.iter().sum::<f32>() + gaps;
        let flexible: Vec<usize> = (0..ncols).filter(|c| !right_al(*c)).collect();
        if sum <= avail {
            // Extra space goes to the first left-aligned column (the description).
            let target = flexible.first().copied().unwrap_or(0);
            widths[target] += avail - sum;
        } else {
            // The longest word of each column: header words in bold, as
            // they are drawn ("Kanal", "Zahlungserinnerung").
            let longest_word = |cells: &mut dyn Iterator<Item = &String>, bold: bool| -> f32 {
                cells
                    .flat_map(|cell| clean(cell).split_whitespace().map(str::to_string).collect::<Vec<_>>())
                    .map(|w| self.sh.width(&w, bold, size))
                    .fold(0.0f32, f32::max)
            };
            let longest: Vec<f32> = (0..ncols)
                .map(|c| {
                    let body = longest_word(&mut t.rows.iter().filter_map(|r| r.get(c)), false);
                    let total = longest_word(&mut t.total.iter().filter_map(|r| r.get(c)), true);
                    let head = longest_word(&mut t.headers.get(c).into_iter(), true);
                    body.max(total).max(head)
                })
                .collect();
            // An amount column keeps its header on one line when there is
            // room; if not, it narrows to its widest amount and the header
            // wraps between words ("Days / overdue") before a word elsewhere breaks.
            let amounts: Vec<f32> = (0..ncols)
                .map(|c| {
                    let mut w = longest[c];
                    for r in t.rows.iter().chain(t.total.iter()) {
                        if let Some(cell) = r.get(c) {
                            for part in clean(cell).split('\n') {
                                w = w.max(self.sh.width(part, t.total.as_ref() == Some(r), size));
                            }
                        }
                    }
                    w.min(natural[c]).min(avail * 0.35)
                })
                .collect();
            let fixed: f32 = (0..ncols).filter(|c| right_al(*c)).map(|c| natural[c].min(avail * 0.35)).sum();
            let rest = avail - gaps - fixed;
            let flex_nat: f32 = flexible.iter().map(|c| natural[*c]).sum::<f32>().max(1.0);
            for c in 0..ncols {
                widths[c] =
                    if right_al(c) { natural[c].min(avail * 0.35) } else { (rest * natural[c] / flex_nat).max(12.0) };
            }
            // No word broken mid-word where the columns can avoid it: a
            // narrow column gets its longest word back from the columns
            // that have room to spare ("INV-2026-0001", not "INV-2026-0 / 001";
            // "Channel", not "Chan / nel"). The 12 pt minimum can overshoot
            // the width (`over`): that is found first.
            let mut over = widths.iter().sum::<f32>() + gaps - avail;
            let short: f32 = flexible.iter().map(|c| (longest[*c] - widths[*c]).max(0.0)).sum();
            let spare: f32 = flexible.iter().map(|c| (widths[*c] - longest[*c]).max(0.0)).sum();
            if short + over.max(0.0) > spare {
                let free: f32 = (0..ncols).filter(|c| right_al(*c)).map(|c| (widths[c] - amounts[c]).max(0.0)).sum();
                if free > 0.0 {
                    let f = (short + over.max(0.0) - spare).min(free);
                    for c in (0..ncols).filter(|c| right_al(*c)) {
                        widths[c] -= (widths[c] - amounts[c]).max(0.0) * f / free;
                    }
                    over -= f;
                }
            }
            // Room freed (negative `over`) goes to the short columns first;
            // the rest of what they lack, and any overshoot, comes from spare room.
            let room = (-over).max(0.0);
            let over = over.max(0.0);
            let from_spare = spare.min((short - room).max(0.0) + over);
            let give = (room + from_spare - over).clamp(0.0, short);
            let give_k = if short > 0.0 { give / short } else { 0.0 };
            let take_k = if spare > 0.0 { from_spare / spare } else { 0.0 };
            for c in &flexible {
                let (w, l) = (widths[*c], longest[*c]);
                widths[*c] = if w < l { w + (l - w) * give_k } else { w - (w - l) * take_k };
            }
            // Room left over (headers wrapped for nothing) goes to the first flexible column.
            let left = avail - gaps - widths.iter().sum::<f32>();
            if left > 0.0 {
                if let Some(first) = flexible.first() {
                    widths[*first] += left;
                }
            }
            // Still too wide (many columns): scale everything down.
            let total: f32 = widths.iter().sum::<f32>() + gaps;
            if total > avail {
                let k = (avail - gaps).max(1.0) / (total - gaps);
                widths.iter_mut().for_each(|w| *w *= k);
            }
        }
        let mut xs = Vec::with_capacity(ncols);
        let mut x = self.geo.left;
        for w in &widths {
            xs.push(x);
            x += w + gap;
        }

        let wrap_row = |sh: &Shaper, cells: &[String], bold: bool, field: &str| -> Vec<Vec<String>> {
            (0..ncols)
                .map(|c| match cells.get(c) {
                    Some(cell) => sh.wrap(cell, bold, size, widths[c] + 0.01, field),
                    None => Vec::new(),
                })
                .collect()
        };
        let header = wrap_row(self.sh, &t.headers, true, "table header");
        let header_h = header.iter().map(Vec::len).max().unwrap_or(0) as f32 * lh + 1.5;

        let draw_row = |flow: &mut Flow, cells: &[Vec<String>], bold: bool, field: &str| -> Result<(), PdfError> {
            for (c, lines) in cells.iter().enumerate() {
                for (i, l) in lines.iter().enumerate() {
                    let baseline = flow.y + ascent(size) + lh * i as f32;
                    if right_al(c) {
                        flow.text_right(xs[c] + widths[c], baseline, size, bold, 0.0, l, field)?;
                    } else {
                        flow.text(xs[c], baseline, size, bold, 0.0, l, field)?;
                    }
                }
            }
            Ok(())
        };
        let draw_header = |flow: &mut Flow| -> Result<(), PdfError> {
            if !t.headers.is_empty() {
                draw_row(flow, &header, true, "table header")?;
                flow.y += header_h - 1.5;
                let (l, r) = (flow.geo.left, flow.geo.right);
                flow.rule(l, flow.y + 0.3, r, flow.y + 0.3, 0.6, 0.0);
                flow.y += 1.5;
            }
            Ok(())
        };

        let first_row_h = match t.rows.first() {
            Some(r) => wrap_row(self.sh, r, false, "table row").iter().map(Vec::len).max().unwrap_or(1) as f32 * lh,
            None => 0.0,
        };
        self.ensure(header_h + first_row_h)?;
        draw_header(self)?;
        for row in &t.rows {
            let cells = wrap_row(self.sh, row, false, "table row");
            let h = cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * lh + 0.6;
            if self.y + h > self.bottom {
                self.new_page()?;
                draw_header(self)?;
            }
            draw_row(self, &cells, false, "table row")?;
            self.y += h;
        }
        if let Some(total) = &t.total {
            let cells = wrap_row(self.sh, total, true, "table total");
            let h = cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * lh + 2.0;
            self.ensure(h)?;
            let (l, r) = (self.geo.left, self.geo.right);
            self.rule(l, self.y + 0.3, r, self.y + 0.3, 0.6, 0.0);
            self.y += 1.5;
            draw_row(self, &cells, true, "table total")?;
            self.y += h - 1.5;
        }
        Ok(())
    }

    /// Payment-method lines with the QR code (and its caption) to their right.
    pub(crate) fn payment_block(&mut self, methods: &[String], qr: Option<(&QrMatrix, &str)>) -> Result<(), PdfError> {
        self.payment_block_closing(methods, qr, None)
    }

    /// The ways to pay beside the payment QR code; a letter's `closing` and
    /// signature lines then go in the same column, beside the code's empty
    /// lower part, so a signed letter still fits one page.
    pub(crate) fn payment_block_closing(
        &mut self,
        methods: &[String],
        qr: Option<(&QrMatrix, &str)>,
        closing: Option<(&str, &[String])>,
    ) -> Result<(), PdfError> {
        let (left, right) = (self.geo.left, self.geo.right);
        let Some((matrix, caption)) = qr else {
            for m in methods {
                self.paragraph(m, BODY_SIZE, false, 0.0, "payment methods")?;
            }
            return Ok(());
        };
        let caption_lines = self.sh.wrap(caption, false, 7.0, QR_SIZE, "QR caption");
        let text_w = right - left - QR_SIZE - 8.0;
        let lh = line_height(BODY_SIZE);
        let mut column_h: f32 = methods
            .iter()
            .map(|m| self.sh.wrap(m, false, BODY_SIZE, text_w, "payment methods").len() as f32 * lh + 1.0)
            .sum();
        if let Some((c, signature)) = closing {
            let closing_lines = self.sh.wrap(c, false, BODY_SIZE, text_w, "closing").len();
            column_h += CLOSING_GAP_ABOVE + CLOSING_GAP + (closing_lines + signature.len()) as f32 * lh;
        }
        let block_h = (QR_SIZE + 4.0 + caption_lines.len() as f32 * line_height(7.0)).max(column_h);
        self.ensure(block_h)?;
        let top = self.y;
        let start_page = self.pages.len();
        let qr_x = right - QR_SIZE;
        crate::qr::draw(self.page(), matrix, qr_x, top, QR_SIZE);
        let mut cy = top + QR_SIZE + 3.0;
        for l in &caption_lines {
            let w = self.sh.width(l, false, 7.0);
            let x = qr_x + (QR_SIZE - w) / 2.0;
            self.text(x, cy + ascent(7.0), 7.0, false, 0.3, l, "QR caption")?;
            cy += line_height(7.0);
        }
        for m in methods {
            self.paragraph_in(left, text_w, m, BODY_SIZE, false, 0.0, "payment methods")?;
            self.y += 1.0;
        }
        if let Some((c, signature)) = closing {
            self.y += CLOSING_GAP_ABOVE;
            self.paragraph_in(left, text_w, c, BODY_SIZE, false, 0.0, "closing")?;
            self.y += CLOSING_GAP;
            for (i, s) in signature.iter().enumerate() {
                self.paragraph_in(left, text_w, s, BODY_SIZE, i == 0, 0.0, "signature")?;
            }
        }
        if self.pages.len() == start_page && self.y < cy {
            self.y = cy;
        }
        Ok(())
    }

    /// Payment QR codes in a grid (one per installment of a plan), each
    /// `size` mm with its caption underneath; rows never split across pages.
    pub(crate) fn qr_grid(&mut self, codes: &[(QrMatrix, String)], size: f32) -> Result<(), PdfError> {
        let (left, right) = (self.geo.left, self.geo.right);
        let gap = 6.0;
        let per_row = (((right - left + gap) / (size + gap)) as usize).max(1);
        for row in codes.chunks(per_row) {
            let mut captions = Vec::with_capacity(row.len());
            for (_, c) in row {
                captions.push(self.sh.wrap(c, false, 7.0, size, "QR caption"));
            }
            let max_lines = captions.iter().map(Vec::len).max().unwrap_or(0);
            self.ensure(size + 3.0 + max_lines as f32 * line_height(7.0))?;
            let top = self.y;
            for (k, ((matrix, _), lines)) in row.iter().zip(&captions).enumerate() {
                let x = left + k as f32 * (size + gap);
                crate::qr::draw(self.page(), matrix, x, top, size);
                let mut cy = top + size + 2.0;
                for l in lines {
                    let w = self.sh.width(l, false, 7.0);
                    self.text(x + (size - w) / 2.0, cy + ascent(7.0), 7.0, false, 0.3, l, "QR caption")?;
                    cy += line_height(7.0);
                }
            }
            self.y = top + size + 3.0 + max_lines as f32 * line_height(7.0) + 2.0;
        }
        Ok(())
    }

    /// Adds fold/punch marks, footer lines and "Page n of m" to every page.
    pub(crate) fn finish(mut self, page_label: &dyn Fn(usize, usize) -> String) -> Result<Vec<Page>, PdfError> {
        let total = self.pages.len();
        let g = self.geo.clone();
        let footer = std::mem::take(&mut self.footer_lines);
        let n = footer.len();
        for i in 0..total {
            if let Some(page) = self.pages.get_mut(i) {
                for y in g.folds {
                    page.items.push(Item::Line { x1: 4.0, y1: *y, x2: 9.0, y2: *y, width_pt: 0.3, grey: 0.5 });
                }
                if let Some(y) = g.punch {
                    page.items.push(Item::Line { x1: 4.0, y1: y, x2: 11.0, y2: y, width_pt: 0.3, grey: 0.5 });
                }
            }
            // Footer lines stacked upwards from the bottom; the page number on the last line.
            for (k, line) in footer.iter().enumerate() {
                let baseline = g.footer_baseline - FOOTER_LH * (n - 1 - k) as f32;
                self.text_at(i, g.left, baseline, FOOTER_SIZE, false, 0.35, line, "footer")?;
            }
            let label = page_label(i + 1, total);
            let label_w = self.sh.width(&label, false, FOOTER_SIZE);
            self.text_at(i, g.right - label_w, g.footer_baseline, FOOTER_SIZE, false, 0.35, &label, "page number")?;
        }
        Ok(self.pages)
    }
}

kindly_core::str_eq!(PageSize);

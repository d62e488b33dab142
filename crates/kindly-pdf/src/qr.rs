//! Payment QR codes (EPC069-12 "GiroCode" payloads are built elsewhere): the
//! payload is encoded byte-exact with the `qrcode` crate at error-correction
//! level M and drawn as filled vector rectangles (one per horizontal run of dark
//! modules), which prints crisply at any resolution and costs a few hundred bytes.

use qrcode::{Color, EcLevel, QrCode};

use crate::error::PdfError;
use crate::layout::{Item, Page};

/// The module matrix of an encoded QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules per side (21 for version 1, +4 per version).
    pub width: usize,
    /// QR version (1–40).
    pub version: i16,
    /// Row-major, `true` = dark.
    pub dark: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

/// Encodes `payload` (its UTF-8 bytes, unchanged) at error-correction level M.
pub fn encode(payload: &str) -> Result<QrMatrix, PdfError> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .map_err(|e| PdfError::Qr { reason: format!("{e} (payload of {} bytes)", payload.len()) })?;
    let version = match code.version() {
        qrcode::Version::Normal(v) | qrcode::Version::Micro(v) => v,
    };
    let width = code.width();
    let dark = code.to_colors().into_iter().map(|c| c == Color::Dark).collect();
    Ok(QrMatrix { width, version, dark })
}

/// Draws `m` as a `size` mm square with its top-left corner at (`x`, `y`) mm.
/// The caller keeps the quiet zone (4 modules) free.
pub(crate) fn draw(page: &mut Page, m: &QrMatrix, x: f32, y: f32, size: f32) {
    if m.width == 0 {
        return;
    }
    let module = size / m.width as f32;
    for row in 0..m.width {
        let mut col = 0;
        while col < m.width {
            if !m.is_dark(col, row) {
                col += 1;
                continue;
            }
            let start = col;
            while col < m.width && m.is_dark(col, row) {
                col += 1;
            }
            page.items.push(Item::Fill {
                x: x + start as f32 * module,
                y: y + row as f32 * module,
                w: (col - start) as f32 * module,
                h: module,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GIROCODE: &str =
        "BCD\n002\n1\nSCT\nCOBADEFFXXX\nZoë Ångström-Müller\nDE89370400440532013000\nEUR1234.56\n\n\nINV-2026-0042\n";

    #[test]
    fn encodes_exact_payload_at_level_m() {
        let m = encode(GIROCODE).unwrap();
        // Re-encode independently and compare: same bytes, same level, same matrix.
        let code = QrCode::with_error_correction_level(GIROCODE.as_bytes(), EcLevel::M).unwrap();
        assert_eq!(code.error_correction_level(), EcLevel::M);
        assert_eq!(m.width, code.width());
        assert_eq!(m.width, 17 + 4 * m.version as usize);
        let expected: Vec<bool> = code.to_colors().into_iter().map(|c| c == Color::Dark).collect();
        assert_eq!(m.dark, expected);
        // A different payload (one digit changed) gives a different matrix.
        let other = encode(&GIROCODE.replace("1234.56", "1234.57")).unwrap();
        assert_ne!(other.dark, m.dark);
        // The three finder patterns are dark in their corners.
        assert!(m.is_dark(0, 0) && m.is_dark(m.width - 1, 0) && m.is_dark(0, m.width - 1));
        // EPC069-12 limits GiroCodes to version 13 at level M.
        assert!(m.version <= 13, "version {}", m.version);
    }

    #[test]
    fn too_long_payload_is_an_error() {
        let err = encode(&"x".repeat(5000)).unwrap_err();
        assert_eq!(err.code(), "pdf_qr");
    }

    #[test]
    fn draws_runs_inside_the_square() {
        let m = encode("hello").unwrap();
        let mut page = Page { w: 210.0, h: 297.0, items: Vec::new() };
        draw(&mut page, &m, 100.0, 50.0, 32.0);
        let dark = m.dark.iter().filter(|d| **d).count();
        assert!(!page.items.is_empty() && page.items.len() < dark);
        let mut area = 0.0;
        for it in &page.items {
            let Item::Fill { x, y, w, h } = it else { panic!("only fills") };
            assert!(*x >= 100.0 && *y >= 50.0 && x + w <= 132.001 && y + h <= 82.001);
            area += w * h;
        }
        let module = 32.0 / m.width as f32;
        assert!((area - dark as f32 * module * module).abs() < 0.01);
    }
}

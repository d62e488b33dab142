//! Payment QR codes (EPC069-12 "GiroCode" payloads are built elsewhere): the
//! payload is encoded byte-exact with the `qrcode` crate at error-correction
//! level M and drawn as filled vector rectangles (one per horizontal run of dark
//! modules), which prints crisply at any resolution and costs a few hundred bytes.
//!
//! Encoding uses the `qrcode` crate's own pipeline (segmentation, Reed-Solomon,
//! canvas, masks); only the choice of the best of the eight masks is re-implemented
//! over a plain bit grid with the crate's exact penalty rules, because the crate's
//! scorer allocates per module and took ~0.4 ms per code. The result is identical
//! to `QrCode::with_error_correction_level(payload, EcLevel::M)` (unit-tested).

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{EcLevel, Version};

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

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// Encodes `payload` (its UTF-8 bytes, unchanged) at error-correction level M.
pub fn encode(payload: &str) -> Result<QrMatrix, PdfError> {
    let err = |e: qrcode::types::QrError| PdfError::Qr { reason: format!("{e} (payload of {} bytes)", payload.len()) };
    let bits = qrcode::bits::encode_auto(payload.as_bytes(), EcLevel::M).map_err(err)?;
    let version = bits.version();
    let v = match version {
        Version::Normal(v) => v,
        Version::Micro(_) => return Err(PdfError::Qr { reason: "unexpected Micro QR version".into() }),
    };
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).map_err(err)?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let w = version.width();
    let width = usize::try_from(w).map_err(|_| PdfError::Qr { reason: "bad width".into() })?;
    let mut best: Option<(u32, Vec<bool>)> = None;
    let mut dark = vec![false; width * width];
    for mask in MASKS {
        let mut c = canvas.clone();
        c.apply_mask(mask);
        for (d, color) in dark.iter_mut().zip(c.into_colors()) {
            *d = color == qrcode::Color::Dark;
        }
        let score = if width <= 128 { penalty_bits(&dark, width) } else { penalty(&dark, width) };
        // Strictly lower wins: ties keep the earlier mask, like `min_by_key`.
        if best.as_ref().is_none_or(|(b, _)| score < *b) {
            best = Some((score, dark.clone()));
        }
    }
    let dark = best.map(|(_, d)| d).unwrap_or_default();
    Ok(QrMatrix { width, version: v, dark })
}

/// [`penalty`] computed on rows and columns as 128-bit masks, branch-free
/// (the scalar version spends its time in mispredicted branches). `w <= 128`.
fn penalty_bits(m: &[bool], w: usize) -> u32 {
    let full: u128 = if w == 128 { u128::MAX } else { (1u128 << w) - 1 };
    let mut rows = [0u128; 128];
    let mut cols = [0u128; 128];
    for (y, row) in m.chunks_exact(w).enumerate() {
        let mut r = 0u128;
        for (x, d) in row.iter().enumerate() {
            let d = u128::from(*d);
            r |= d << x;
            cols[x] |= d << y;
        }
        rows[y] = r;
    }
    let (rows, cols) = (&rows[..w], &cols[..w]);
    let mut score: i64 = 0;
    let mut finder: [i64; 2] = [0, 0];
    for (o, lines) in [rows, cols].into_iter().enumerate() {
        for &l in lines.iter() {
            // N1: `same` bit j (1 <= j < w) = module j equals module j-1; a run of n equal
            // modules is n-1 consecutive ones and scores n-2 when n >= 5.
            let same = !(l ^ (l << 1)) & full & !1;
            let q = same & (same >> 1) & (same >> 2) & (same >> 3);
            score += i64::from(q.count_ones()) + 2 * i64::from((q & !(q << 1)).count_ones());
            // N3: #.###.# starting at j, with dark modules both within 4 before and 4 after.
            let starts = if w >= 7 { (1u128 << (w - 6)) - 1 } else { 0 };
            let p = l & !(l >> 1) & (l >> 2) & (l >> 3) & (l >> 4) & !(l >> 5) & (l >> 6) & starts;
            let before = (l << 1) | (l << 2) | (l << 3) | (l << 4);
            let after = (l >> 7) | (l >> 8) | (l >> 9) | (l >> 10);
            finder[o] += 40 * i64::from((p & !(before & after)).count_ones());
        }
    }
    score += finder[0] - 360 + finder[1] - 360;
    // N2: 2×2 blocks.
    for y in 0..w - 1 {
        let (a, b) = (rows[y], rows[y + 1]);
        let blocks = !(a ^ b) & !(a ^ (a >> 1)) & !(b ^ (b >> 1)) & (full >> 1);
        score += 3 * i64::from(blocks.count_ones());
    }
    // N4: balance.
    let dark: usize = rows.iter().map(|r| r.count_ones() as usize).sum();
    let ratio = (dark * 200 / (w * w).max(1)) as i64;
    score += (ratio - 100).abs();
    score.max(0) as u32
}

/// The `qrcode` crate's penalty score (adjacent runs, 2×2 blocks, finder-like
/// patterns, dark/light balance) for a masked grid.
fn penalty(m: &[bool], w: usize) -> u32 {
    let at = |x: usize, y: usize| m[y * w + x];
    let mut score: i64 = 0;
    // N1: runs of 5+ equal modules, rows and columns.
    for horizontal in [true, false] {
        for i in 0..w {
            let mut run = 1u32;
            for j in 1..=w {
                let same = j < w && {
                    let (a, b) = if horizontal { (at(j, i), at(j - 1, i)) } else { (at(i, j), at(i, j - 1)) };
                    a == b
                };
                if same {
                    run += 1;
                } else {
                    if run >= 5 {
                        score += i64::from(run) - 2;
                    }
                    run = 1;
                }
            }
        }
    }
    // N2: 2×2 blocks of one colour.
    for y in 0..w - 1 {
        for x in 0..w - 1 {
            let c = at(x, y);
            if at(x + 1, y) == c && at(x, y + 1) == c && at(x + 1, y + 1) == c {
                score += 3;
            }
        }
    }
    // N3: #.###.# with four light modules missing on either side.
    const PATTERN: [bool; 7] = [true, false, true, true, true, false, true];
    for horizontal in [true, false] {
        let get = |i: usize, k: usize| if horizontal { at(k, i) } else { at(i, k) };
        let mut found: i64 = 0;
        for i in 0..w {
            for j in 0..w - 6 {
                if (0..7).any(|k| get(i, j + k) != PATTERN[k]) {
                    continue;
                }
                let dark_before = (j.saturating_sub(4)..j).any(|k| get(i, k));
                let dark_after = (j + 7..(j + 11).min(w)).any(|k| get(i, k));
                if !dark_before || !dark_after {
                    found += 40;
                }
            }
        }
        score += found - 360;
    }
    // N4: balance.
    let dark = m.iter().filter(|d| **d).count();
    let ratio = (dark * 200 / m.len().max(1)) as i64;
    score += (ratio - 100).abs();
    score.max(0) as u32
}

/// Places `m` as a `size` mm square with its top-left corner at (`x`, `y`) mm:
/// one rectangle per horizontal run of dark modules, in module units (the PDF
/// writer maps them with one transformation matrix, so the content stream holds
/// small integers). The caller keeps the quiet zone (4 modules) free.
pub(crate) fn draw(page: &mut Page, m: &QrMatrix, x: f32, y: f32, size: f32) {
    if m.width == 0 {
        return;
    }
    let mut runs = Vec::new();
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
            runs.push((start as u16, row as u16, (col - start) as u16));
        }
    }
    page.items.push(Item::Qr { x, y, module: size / m.width as f32, runs });
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::{Color, QrCode};

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
    fn mask_choice_matches_the_qrcode_crate() {
        for payload in
            ["hello", "https://pay.example.com/INV-2026-0042", GIROCODE, &"Zoë 王芳 ".repeat(9), "1234567890"]
        {
            let m = encode(payload).unwrap();
            let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).unwrap();
            let expected: Vec<bool> = code.to_colors().into_iter().map(|c| c == Color::Dark).collect();
            assert_eq!(m.dark, expected, "{payload}");
        }
    }

    #[test]
    fn bit_parallel_penalty_equals_scalar() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for w in [21usize, 25, 41, 57, 69, 101, 128] {
            for _ in 0..20 {
                let m: Vec<bool> = (0..w * w)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        !seed.is_multiple_of(3)
                    })
                    .collect();
                assert_eq!(penalty_bits(&m, w), penalty(&m, w), "w={w}");
            }
        }
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
        let [Item::Qr { x, y, module, runs }] = page.items.as_slice() else { panic!("one QR item") };
        assert_eq!((*x, *y), (100.0, 50.0));
        assert!((module * m.width as f32 - 32.0).abs() < 1e-4);
        // The runs cover exactly the dark modules.
        let mut covered = vec![false; m.width * m.width];
        for (col, row, len) in runs {
            for c in *col..col + len {
                let i = usize::from(*row) * m.width + usize::from(c);
                assert!(!covered[i]);
                covered[i] = true;
            }
        }
        assert_eq!(covered, m.dark);
        assert!(runs.len() < m.dark.iter().filter(|d| **d).count());
    }
}

//! Shrinks a subset TrueType font further for embedding in a PDF: drops the
//! hinting (per-glyph instructions, `fpgm`, `prep`, `cvt `, which printers and
//! PDF viewers rasterise without), keeps only the copyright and name records of
//! `name`, and turns `post` into version 3 (no glyph names). For DejaVu Sans this
//! halves the embedded font. Anything unexpected returns `None`, and the caller
//! embeds the unstripped subset instead.

use std::collections::BTreeMap;

fn u16_at(d: &[u8], o: usize) -> Option<u16> {
    Some(u16::from_be_bytes(d.get(o..o + 2)?.try_into().ok()?))
}

fn u32_at(d: &[u8], o: usize) -> Option<u32> {
    Some(u32::from_be_bytes(d.get(o..o + 4)?.try_into().ok()?))
}

fn checksum(d: &[u8]) -> u32 {
    d.chunks(4).fold(0u32, |acc, c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        acc.wrapping_add(u32::from_be_bytes(b))
    })
}

/// One glyph without its instructions.
fn strip_glyph(g: &[u8]) -> Option<Vec<u8>> {
    if g.is_empty() {
        return Some(Vec::new());
    }
    let contours = u16_at(g, 0)? as i16;
    let mut out;
    if contours >= 0 {
        let end_pts = 10 + 2 * contours as usize;
        let ilen = usize::from(u16_at(g, end_pts)?);
        let rest = g.get(end_pts + 2 + ilen..)?;
        out = Vec::with_capacity(end_pts + 2 + rest.len());
        out.extend_from_slice(g.get(..end_pts)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(rest);
    } else {
        let mut pos = 10;
        let last_flags;
        loop {
            let flags = u16_at(g, pos)?;
            let flags_pos = pos;
            pos += 4;
            pos += if flags & 0x0001 != 0 { 4 } else { 2 };
            pos += if flags & 0x0008 != 0 {
                2
            } else if flags & 0x0040 != 0 {
                4
            } else if flags & 0x0080 != 0 {
                8
            } else {
                0
            };
            if flags & 0x0020 == 0 {
                last_flags = flags_pos;
                break;
            }
        }
        out = g.get(..pos)?.to_vec();
        let f = u16_at(&out, last_flags)? & !0x0100; // WE_HAVE_INSTRUCTIONS
        out[last_flags..last_flags + 2].copy_from_slice(&f.to_be_bytes());
    }
    if out.len() % 2 == 1 {
        out.push(0);
    }
    Some(out)
}

/// `name` with only the Windows-Unicode records for copyright, family, subfamily,
/// full name and PostScript name.
fn small_name(name: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(name, 2)?);
    let storage = usize::from(u16_at(name, 4)?);
    let mut records = Vec::new();
    for i in 0..count {
        let r = 6 + 12 * i;
        let (platform, encoding, name_id) = (u16_at(name, r)?, u16_at(name, r + 2)?, u16_at(name, r + 6)?);
        if platform == 3 && (encoding == 1 || encoding == 10) && matches!(name_id, 0 | 1 | 2 | 4 | 6) {
            let (len, off) = (usize::from(u16_at(name, r + 8)?), usize::from(u16_at(name, r + 10)?));
            let text = name.get(storage + off..storage + off + len)?;
            records.push((name.get(r..r + 8)?, text));
        }
    }
    if records.is_empty() {
        return None;
    }
    let header = 6 + 12 * records.len();
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&(records.len() as u16).to_be_bytes());
    out.extend_from_slice(&(header as u16).to_be_bytes());
    let mut strings = Vec::new();
    for (rec, text) in &records {
        out.extend_from_slice(rec);
        out.extend_from_slice(&(text.len() as u16).to_be_bytes());
        out.extend_from_slice(&u16::try_from(strings.len()).ok()?.to_be_bytes());
        strings.extend_from_slice(text);
    }
    out.extend_from_slice(&strings);
    Some(out)
}

/// See the module docs. `None`: not a TrueType font or something unexpected.
pub(crate) fn strip_for_pdf(font: &[u8]) -> Option<Vec<u8>> {
    let version = u32_at(font, 0)?;
    if version != 0x0001_0000 && version != u32::from_be_bytes(*b"true") {
        return None;
    }
    let n = usize::from(u16_at(font, 4)?);
    let mut tables: BTreeMap<[u8; 4], Vec<u8>> = BTreeMap::new();
    for i in 0..n {
        let r = 12 + 16 * i;
        let tag: [u8; 4] = font.get(r..r + 4)?.try_into().ok()?;
        let (off, len) = (u32_at(font, r + 8)? as usize, u32_at(font, r + 12)? as usize);
        tables.insert(tag, font.get(off..off + len)?.to_vec());
    }
    let head = tables.get(b"head")?;
    let long_loca = u16_at(head, 50)? != 0;
    let num_glyphs = usize::from(u16_at(tables.get(b"maxp")?, 4)?);
    let loca = tables.get(b"loca")?;
    let glyf = tables.get(b"glyf")?;
    let offset = |i: usize| -> Option<usize> {
        if long_loca {
            Some(u32_at(loca, 4 * i)? as usize)
        } else {
            Some(usize::from(u16_at(loca, 2 * i)?) * 2)
        }
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut offsets = Vec::with_capacity(num_glyphs + 1);
    for g in 0..num_glyphs {
        offsets.push(new_glyf.len());
        let (a, b) = (offset(g)?, offset(g + 1)?);
        new_glyf.extend(strip_glyph(glyf.get(a..b)?)?);
    }
    offsets.push(new_glyf.len());
    let short = new_glyf.len() / 2 <= usize::from(u16::MAX);
    let mut new_loca = Vec::with_capacity(offsets.len() * 4);
    for o in &offsets {
        if short {
            new_loca.extend_from_slice(&((o / 2) as u16).to_be_bytes());
        } else {
            new_loca.extend_from_slice(&(*o as u32).to_be_bytes());
        }
    }
    let mut head = head.clone();
    head.get_mut(50..52)?.copy_from_slice(&u16::from(!short).to_be_bytes());
    head.get_mut(8..12)?.copy_from_slice(&[0; 4]);
    tables.insert(*b"head", head);
    tables.insert(*b"glyf", new_glyf);
    tables.insert(*b"loca", new_loca);
    if let Some(maxp) = tables.get_mut(b"maxp") {
        if maxp.len() >= 28 {
            maxp[26..28].copy_from_slice(&[0, 0]); // maxSizeOfInstructions
        }
    }
    for tag in [b"cvt ", b"fpgm", b"prep", b"hdmx", b"LTSH", b"VDMX", b"gasp"] {
        tables.remove(tag);
    }
    if let Some(small) = tables.get(b"name").and_then(|t| small_name(t)) {
        tables.insert(*b"name", small);
    }
    if let Some(post) = tables.get_mut(b"post") {
        if post.len() >= 32 {
            post.truncate(32);
            post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
        }
    }

    // Write the sfnt.
    let n = tables.len();
    let pow = 1usize << (usize::BITS - 1 - n.leading_zeros());
    let search_range = pow * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&(n as u16).to_be_bytes());
    out.extend_from_slice(&(search_range as u16).to_be_bytes());
    out.extend_from_slice(&(pow.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&((n * 16 - search_range) as u16).to_be_bytes());
    let mut offset = 12 + 16 * n;
    let mut body = Vec::new();
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        body.extend_from_slice(data);
        while body.len() % 4 != 0 {
            body.push(0);
        }
        offset = 12 + 16 * n + body.len();
    }
    out.extend_from_slice(&body);
    let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    let at = head_at? + 8;
    out.get_mut(at..at + 4)?.copy_from_slice(&adjust.to_be_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripped_font_still_parses_with_same_metrics() {
        let data = include_bytes!("../fonts/DejaVuSans.ttf");
        let face = ttf_parser::Face::parse(data, 0).unwrap();
        let mut remapper = subsetter::GlyphRemapper::new();
        let chars: Vec<char> = "Zoë Ångström-Müller Дмитрий Παπαδόπουλος €1,234.56 fi Å".chars().collect();
        for c in &chars {
            remapper.remap(face.glyph_index(*c).unwrap().0);
        }
        let subset = subsetter::subset(data, 0, &remapper).unwrap();
        let stripped = strip_for_pdf(&subset).unwrap();
        assert!(stripped.len() * 10 < subset.len() * 8, "{} vs {}", stripped.len(), subset.len());
        let a = ttf_parser::Face::parse(&subset, 0).unwrap();
        let b = ttf_parser::Face::parse(&stripped, 0).unwrap();
        assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
        for g in 0..a.number_of_glyphs() {
            let g = ttf_parser::GlyphId(g);
            assert_eq!(a.glyph_hor_advance(g), b.glyph_hor_advance(g));
            assert_eq!(a.glyph_bounding_box(g), b.glyph_bounding_box(g), "{g:?}");
            struct Count(usize);
            impl ttf_parser::OutlineBuilder for Count {
                fn move_to(&mut self, _: f32, _: f32) {
                    self.0 += 1;
                }
                fn line_to(&mut self, _: f32, _: f32) {
                    self.0 += 1;
                }
                fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {
                    self.0 += 1;
                }
                fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {
                    self.0 += 1;
                }
                fn close(&mut self) {}
            }
            let (mut ca, mut cb) = (Count(0), Count(0));
            a.outline_glyph(g, &mut ca);
            b.outline_glyph(g, &mut cb);
            assert_eq!(ca.0, cb.0, "{g:?}");
        }
        assert!(b.tables().glyf.is_some());
        assert_eq!(checksum(&stripped), 0xB1B0_AFBA);
    }
}

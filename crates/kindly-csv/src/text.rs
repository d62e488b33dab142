//! Bytes into text: UTF-8 with or without a BOM, UTF-16 (little or big
//! endian, by its BOM or, without one, by where the NUL bytes fall), and
//! Windows-1252 for what is not valid UTF-8 (Excel's "CSV" on Western
//! Windows). Detection proposes; the user may choose another in the mapping.

use crate::error::CsvError;
use crate::excerpt::line_at;

kindly_core::vocabulary! {
    /// How a file's bytes become text.
    pub enum TextEncoding {
        Utf8 = "utf8",
        Utf16Le = "utf16le",
        Utf16Be = "utf16be",
        Windows1252 = "windows1252",
    }
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// The encoding a file most likely uses.
pub fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(b"\xFF\xFE") {
        return TextEncoding::Utf16Le;
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return TextEncoding::Utf16Be;
    }
    // Without a BOM, UTF-16 text of Latin letters has a NUL in every other
    // byte: odd positions for little endian, even for big endian.
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() >= 4 {
        let pairs = head.len() / 2;
        let even = head.iter().step_by(2).filter(|b| **b == 0).count();
        let odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
        if odd * 10 >= pairs * 7 && even * 10 < pairs {
            return TextEncoding::Utf16Le;
        }
        if even * 10 >= pairs * 7 && odd * 10 < pairs {
            return TextEncoding::Utf16Be;
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(body).is_ok() {
        TextEncoding::Utf8
    } else {
        TextEncoding::Windows1252
    }
}

/// Decodes with `encoding`; a BOM of that encoding is dropped. Invalid
/// UTF-8 or UTF-16 is an error naming the line, never replaced silently.
pub fn decode(bytes: &[u8], encoding: TextEncoding) -> Result<String, CsvError> {
    match encoding {
        TextEncoding::Utf8 => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            std::str::from_utf8(body)
                .map(str::to_string)
                .map_err(|e| CsvError::Encoding { expected: encoding.label(), line: line_at(body, e.valid_up_to()) })
        }
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let (enc, bom): (&'static encoding_rs::Encoding, &[u8]) = if encoding == TextEncoding::Utf16Le {
                (encoding_rs::UTF_16LE, b"\xFF\xFE")
            } else {
                (encoding_rs::UTF_16BE, b"\xFE\xFF")
            };
            let body = bytes.strip_prefix(bom).unwrap_or(bytes);
            match enc.decode_without_bom_handling_and_without_replacement(body) {
                Some(s) if body.len() % 2 == 0 => Ok(s.into_owned()),
                _ => {
                    let (lossy, _) = enc.decode_without_bom_handling(body);
                    let line = lossy.split('\u{fffd}').next().map_or(1, |s| s.matches('\n').count() as u64 + 1);
                    Err(CsvError::Encoding { expected: encoding.label(), line })
                }
            }
        }
        TextEncoding::Windows1252 => Ok(encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for u in s.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn every_encoding_is_detected_and_decoded() {
        let text = "Name;Währung\nZoë;EUR\n";
        let cases: Vec<(Vec<u8>, TextEncoding)> = vec![
            (text.as_bytes().to_vec(), TextEncoding::Utf8),
            ([b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(), TextEncoding::Utf8),
            (utf16(text, true, true), TextEncoding::Utf16Le),
            (utf16(text, false, true), TextEncoding::Utf16Be),
            (utf16(text, true, false), TextEncoding::Utf16Le),
            (utf16(text, false, false), TextEncoding::Utf16Be),
            (encoding_rs::WINDOWS_1252.encode(text).0.into_owned(), TextEncoding::Windows1252),
        ];
        for (bytes, want) in cases {
            assert_eq!(detect_encoding(&bytes), want);
            assert_eq!(decode(&bytes, want).unwrap(), text, "{want:?}");
        }
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let e = decode(b"a\nb\n\xFF\n", TextEncoding::Utf8).unwrap_err();
        assert_eq!(e, CsvError::Encoding { expected: "UTF-8", line: 3 });
        assert!(decode(b"\xFF\xFEa", TextEncoding::Utf16Le).is_err());
    }
}

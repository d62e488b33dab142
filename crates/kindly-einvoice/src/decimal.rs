//! Decimals as XML writes them (`xsd:decimal`: "1234.50", "-3", "0.125"),
//! read exactly: an integer and a scale, never a float.
//!
//! kindly-core's `decimal::parse_scaled` reads what people type ("1,234.50",
//! "1.234,50") and so must refuse "1.234" as ambiguous; XML has one form,
//! with `.` as the only separator and no grouping, so it is read here with
//! that stricter rule and then scaled with kindly-core's rounding-free
//! arithmetic.

use std::fmt;

/// An exact decimal: `units × 10^-scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct XmlDecimal {
    pub units: i128,
    pub scale: u32,
}

/// More digits than any amount, quantity or price needs.
const MAX_DIGITS: usize = 30;

impl XmlDecimal {
    /// Parses the lexical form of `xsd:decimal` (an optional sign, digits,
    /// an optional `.` and digits). Trailing zeros after the point are kept
    /// out of the scale: "12.50" is stored as 125 × 10^-1.
    pub fn parse(text: &str) -> Option<XmlDecimal> {
        let t = text.trim();
        let (negative, body) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if (int.is_empty() && frac.is_empty())
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let frac = frac.trim_end_matches('0');
        let int = int.trim_start_matches('0');
        if int.len() + frac.len() > MAX_DIGITS {
            return None;
        }
        let mut units: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            units = units * 10 + i128::from(b - b'0');
        }
        Some(XmlDecimal { units: if negative { -units } else { units }, scale: frac.len() as u32 })
    }

    pub fn from_units(units: i128, scale: u32) -> XmlDecimal {
        XmlDecimal { units, scale }
    }

    /// The value scaled to `scale` decimals, if that loses no digit:
    /// "12.5" at scale 2 is 1250; "0.125" at scale 2 is `None`.
    pub fn to_scale(self, scale: u32) -> Option<i128> {
        if self.scale <= scale {
            self.units.checked_mul(10i128.checked_pow(scale - self.scale)?)
        } else {
            let div = 10i128.checked_pow(self.scale - scale)?;
            (self.units % div == 0).then_some(self.units / div)
        }
    }

    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    /// Decimal places, as written without trailing zeros.
    pub fn decimals(self) -> u32 {
        self.scale
    }
}

impl fmt::Display for XmlDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&kindly_core::decimal::format_scaled(self.units, self.scale as u8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_decimals_are_exact() {
        let d = XmlDecimal::parse("1234.50").unwrap();
        assert_eq!(d, XmlDecimal { units: 12345, scale: 1 });
        assert_eq!(d.to_scale(2), Some(123450));
        assert_eq!(XmlDecimal::parse("0.125").unwrap().to_scale(2), None);
        assert_eq!(XmlDecimal::parse("0.125").unwrap().to_scale(4), Some(1250));
        assert_eq!(XmlDecimal::parse("-3").unwrap().to_scale(2), Some(-300));
        assert_eq!(XmlDecimal::parse(".5").unwrap().to_scale(1), Some(5));
        assert_eq!(XmlDecimal::parse("100.000").unwrap().to_scale(2), Some(10000));
        assert_eq!(XmlDecimal::parse("0.1").unwrap().to_string(), "0.1");
        assert_eq!(XmlDecimal::parse("-12.30").unwrap().to_string(), "-12.3");
        for bad in ["", "1,5", "1.2.3", "1e3", "abc", "-", ".", "1 000", "NaN"] {
            assert_eq!(XmlDecimal::parse(bad), None, "{bad}");
        }
        assert_eq!(XmlDecimal::parse(&"9".repeat(31)), None);
    }
}

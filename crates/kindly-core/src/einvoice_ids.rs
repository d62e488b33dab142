//! The identifiers e-invoices carry, checked before they are stored (issue
//! #16): VAT IDs (shape per country; check digits where the country
//! publishes them: DE, FR, BE, IT), the German Leitweg-ID (KoSIT format
//! 2.0.2: coarse and fine address, ISO 7064 MOD 97-10 check digits), the
//! French SIREN (Luhn) and Peppol participant IDs (`scheme:id`, the scheme
//! an EAS code). Each refusal says what is wrong and what a right one looks
//! like. Inputs are normalised (upper case, spaces and dots removed) first.

use crate::error::ErrorCode;
use crate::vocab::EInvoiceFormat;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IdError {
    #[error("VAT ID: \"{input}\" is not a {country} VAT ID; it looks like {expected}")]
    VatIdShape { input: String, country: &'static str, expected: &'static str },
    #[error("VAT ID: \"{input}\" has wrong check digits; please copy it again from the client's invoice or the VIES register")]
    VatIdCheck { input: String },
    #[error("VAT ID: \"{input}\" does not start with a country code (for example DE123456789, FR40303265045)")]
    VatIdCountry { input: String },
    #[error("Leitweg-ID: \"{input}\" has wrong check digits (the last two); please copy it again from the order")]
    LeitwegCheck { input: String },
    #[error("SIREN: \"{input}\" is not a SIREN; a SIREN has 9 digits (for example 732 829 320)")]
    SirenShape { input: String },
    #[error("SIREN: \"{input}\" has a wrong check digit; please copy it again from the client's Kbis or invoice")]
    SirenCheck { input: String },
    #[error("Peppol ID: \"{input}\" is not a Peppol ID; write scheme:identifier, for example 0208:0123456749 or 9930:DE123456789")]
    PeppolShape { input: String },
    #[error("Peppol ID: \"{scheme}\" is not a Peppol scheme (EAS code) Kindly knows; for example 0208 (Belgian enterprise number), 0009 (SIRET), 0204 (Leitweg-ID), 9930 (German VAT ID)")]
    PeppolScheme { scheme: String },
    #[error("Peppol ID: \"{input}\" is not a valid {what}")]
    PeppolId { input: String, what: &'static str },
    #[error("Country: \"{input}\" is not a two-letter country code (for example DE, FR, BE)")]
    Country { input: String },
}

impl IdError {
    pub fn code(&self) -> ErrorCode {
        match self {
            IdError::VatIdShape { .. } | IdError::VatIdCheck { .. } | IdError::VatIdCountry { .. } => {
                ErrorCode::InvalidVatId
            }
            IdError::LeitwegCheck { .. } => ErrorCode::InvalidLeitwegId,
            IdError::SirenShape { .. } | IdError::SirenCheck { .. } => ErrorCode::InvalidSiren,
            IdError::PeppolShape { .. } | IdError::PeppolScheme { .. } | IdError::PeppolId { .. } => {
                ErrorCode::InvalidPeppolId
            }
            IdError::Country { .. } => ErrorCode::InvalidCountry,
        }
    }

    /// The form field the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            IdError::VatIdShape { .. } | IdError::VatIdCheck { .. } | IdError::VatIdCountry { .. } => "vat_id",
            IdError::LeitwegCheck { .. } => "buyer_reference",
            IdError::SirenShape { .. } | IdError::SirenCheck { .. } => "siren",
            IdError::PeppolShape { .. } | IdError::PeppolScheme { .. } | IdError::PeppolId { .. } => "peppol_id",
            IdError::Country { .. } => "country",
        }
    }
}

/// A client's e-invoice details, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientEInvoice {
    pub format: EInvoiceFormat,
    /// BT-10 (Leitweg-ID for German public buyers).
    pub buyer_reference: Option<String>,
    pub vat_id: Option<String>,
    pub siren: Option<String>,
    /// "scheme:id"
    pub peppol_id: Option<String>,
    /// ISO 3166-1 alpha-2
    pub country: Option<String>,
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '/')).flat_map(char::to_uppercase).collect()
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn num(s: &str) -> u128 {
    s.bytes().fold(0u128, |n, b| n * 10 + u128::from(b - b'0'))
}

/// ISO 7064 MOD 11,10 (German VAT IDs).
fn mod11_10_ok(digits: &str) -> bool {
    let b = digits.as_bytes();
    let mut p = 10u32;
    for &d in &b[..b.len() - 1] {
        let mut s = (u32::from(d - b'0') + p) % 10;
        if s == 0 {
            s = 10;
        }
        p = (2 * s) % 11;
    }
    let check = (11 - p) % 10;
    check == u32::from(b[b.len() - 1] - b'0')
}

/// Luhn (SIREN, Italian VAT IDs).
fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// ISO 7064 MOD 97-10 over digits and letters (A = 10 … Z = 35): valid when 1.
fn mod97_10(s: &str) -> u32 {
    let mut r: u32 = 0;
    for c in s.chars() {
        let v = c.to_digit(36).unwrap_or(0);
        let (mul, add) = if v >= 10 { (100, v) } else { (10, v) };
        r = (r * mul + add) % 97;
    }
    r
}

/// Checks and normalises a VAT ID ("de 123 456 789" → "DE123456789").
pub fn vat_id(input: &str) -> Result<String, IdError> {
    let v = compact(input);
    let shape = |country: &'static str, expected: &'static str| IdError::VatIdShape {
        input: input.trim().to_string(),
        country,
        expected,
    };
    let check = || IdError::VatIdCheck { input: input.trim().to_string() };
    if v.len() < 4 || !v.as_bytes()[..2].iter().all(u8::is_ascii_uppercase) {
        return Err(IdError::VatIdCountry { input: input.trim().to_string() });
    }
    let (cc, rest) = v.split_at(2);
    match cc {
        "DE" => {
            if rest.len() != 9 || !all_digits(rest) {
                return Err(shape("German", "DE and 9 digits (DE123456789)"));
            }
            if !mod11_10_ok(rest) {
                return Err(check());
            }
        }
        "FR" => {
            let ok = rest.len() == 11
                && all_digits(&rest[2..])
                && rest[..2].chars().all(|c| c.is_ascii_alphanumeric() && c != 'O' && c != 'I');
            if !ok {
                return Err(shape("French", "FR, a 2-character key and the 9-digit SIREN (FR40303265045)"));
            }
            if all_digits(&rest[..2]) {
                let key = num(&rest[..2]);
                if key != (12 + 3 * (num(&rest[2..]) % 97)) % 97 {
                    return Err(check());
                }
            }
        }
        "BE" => {
            if rest.len() != 10 || !all_digits(rest) || !matches!(rest.as_bytes()[0], b'0' | b'1') {
                return Err(shape("Belgian", "BE and 10 digits starting with 0 or 1 (BE0123456749)"));
            }
            if 97 - num(&rest[..8]) % 97 != num(&rest[8..]) {
                return Err(check());
            }
        }
        "NL" => {
            let b = rest.as_bytes();
            if rest.len() != 12 || !all_digits(&rest[..9]) || b[9] != b'B' || !all_digits(&rest[10..]) {
                return Err(shape("Dutch", "NL, 9 digits, B and 2 digits (NL123456789B01)"));
            }
        }
        "AT" => {
            if rest.len() != 9 || !rest.starts_with('U') || !all_digits(&rest[1..]) {
                return Err(shape("Austrian", "ATU and 8 digits (ATU12345678)"));
            }
        }
        "ES" => {
            let ok = rest.len() == 9 && rest.chars().all(|c| c.is_ascii_alphanumeric()) && all_digits(&rest[1..8]);
            if !ok {
                return Err(shape("Spanish", "ES, a letter or digit, 7 digits and a letter or digit (ESX1234567X)"));
            }
        }
        "IT" => {
            if rest.len() != 11 || !all_digits(rest) {
                return Err(shape("Italian", "IT and 11 digits (IT12345678901)"));
            }
            if !luhn_ok(rest) {
                return Err(check());
            }
        }
        "GB" | "XI" => {
            let ok = (matches!(rest.len(), 9 | 12) && all_digits(rest))
                || (rest.len() == 5 && (rest.starts_with("GD") || rest.starts_with("HA")) && all_digits(&rest[2..]));
            if !ok {
                return Err(shape("UK", "GB and 9 or 12 digits (GB123456789)"));
            }
        }
        _ => {
            if !(2..=13).contains(&rest.len()) || !rest.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(shape("VAT", "a country code and 2 to 13 letters or digits"));
            }
        }
    }
    Ok(v)
}

/// A Leitweg-ID's shape: coarse address (2–12 digits), optional fine
/// address (1–30 letters or digits), two check digits, joined by hyphens.
fn looks_like_leitweg(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let coarse_ok = |p: &str| (2..=12).contains(&p.len()) && all_digits(p);
    let check_ok = |p: &str| p.len() == 2 && all_digits(p);
    match parts.as_slice() {
        [a, c] => coarse_ok(a) && check_ok(c),
        [a, b, c] => {
            coarse_ok(a) && (1..=30).contains(&b.len()) && b.chars().all(|x| x.is_ascii_alphanumeric()) && check_ok(c)
        }
        _ => false,
    }
}

/// Checks a buyer reference: one shaped like a Leitweg-ID must have the
/// right check digits; anything else (an order number) is kept as typed.
pub fn buyer_reference(input: &str) -> Result<String, IdError> {
    let t = input.trim();
    if looks_like_leitweg(t) {
        let upper = t.to_uppercase();
        if mod97_10(&upper.replace('-', "")) != 1 {
            return Err(IdError::LeitwegCheck { input: t.to_string() });
        }
        return Ok(upper);
    }
    Ok(t.to_string())
}

/// Checks a SIREN (9 digits, Luhn) and returns its digits.
pub fn siren(input: &str) -> Result<String, IdError> {
    let s = compact(input);
    if s.len() != 9 || !all_digits(&s) {
        return Err(IdError::SirenShape { input: input.trim().to_string() });
    }
    if !luhn_ok(&s) {
        return Err(IdError::SirenCheck { input: input.trim().to_string() });
    }
    Ok(s)
}

/// EAS codes (CEF Electronic Address Scheme code list) Kindly accepts.
pub const EAS_CODES: &[&str] = &[
    "0002", "0007", "0009", "0037", "0060", "0088", "0096", "0097", "0106", "0130", "0135", "0142", "0147", "0151",
    "0170", "0183", "0184", "0188", "0190", "0191", "0192", "0193", "0194", "0195", "0196", "0198", "0199", "0200",
    "0201", "0202", "0203", "0204", "0205", "0208", "0209", "0210", "0211", "0212", "0213", "0215", "0216", "0217",
    "0218", "0221", "0225", "0230", "9901", "9910", "9913", "9914", "9915", "9918", "9919", "9920", "9922", "9923",
    "9924", "9925", "9926", "9927", "9928", "9929", "9930", "9931", "9932", "9933", "9934", "9935", "9936", "9937",
    "9938", "9939", "9940", "9941", "9942", "9943", "9944", "9945", "9946", "9947", "9948", "9949", "9950", "9951",
    "9952", "9953", "9957", "9959",
];

/// Checks a Peppol participant ID `scheme:id`; returns it normalised
/// (scheme as typed, the identifier without spaces).
pub fn peppol_id(input: &str) -> Result<(String, String), IdError> {
    let t = input.trim();
    let shape = || IdError::PeppolShape { input: t.to_string() };
    let (scheme, id) = t.split_once(':').ok_or_else(shape)?;
    let (scheme, id) = (scheme.trim(), id.trim().replace(' ', ""));
    if scheme.len() != 4 || !all_digits(scheme) || id.is_empty() || id.len() > 50 || id.contains(':') {
        return Err(shape());
    }
    if !EAS_CODES.contains(&scheme) {
        return Err(IdError::PeppolScheme { scheme: scheme.to_string() });
    }
    let bad = |what: &'static str| IdError::PeppolId { input: t.to_string(), what };
    match scheme {
        "0208" => {
            let d = compact(&id);
            if d.len() != 10 || !all_digits(&d) || 97 - num(&d[..8]) % 97 != num(&d[8..]) {
                return Err(bad("Belgian enterprise number (10 digits, for example 0123456749)"));
            }
            return Ok((scheme.into(), d));
        }
        "0002" => {
            siren(&id).map_err(|_| bad("SIREN (9 digits)"))?;
        }
        "0009" => {
            let d = compact(&id);
            if d.len() != 14 || !all_digits(&d) || !luhn_ok(&d) {
                return Err(bad("SIRET (14 digits)"));
            }
        }
        "0204" => {
            buyer_reference(&id).map_err(|_| bad("Leitweg-ID"))?;
        }
        "9930" | "9957" | "9925" | "9944" | "9914" | "9920" | "9906" | "9932" => {
            vat_id(&id).map_err(|_| bad("VAT ID"))?;
        }
        _ => {}
    }
    Ok((scheme.into(), id))
}

/// Checks a country code.
pub fn country(input: &str) -> Result<String, IdError> {
    let c = input.trim().to_uppercase();
    if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(IdError::Country { input: input.trim().to_string() });
    }
    Ok(c)
}

/// The raw form, as typed (empty: not given).
#[derive(Clone, Debug, Default)]
pub struct ClientEInvoiceForm<'a> {
    pub format: EInvoiceFormat,
    pub buyer_reference: &'a str,
    pub vat_id: &'a str,
    pub siren: &'a str,
    pub peppol_id: &'a str,
    pub country: &'a str,
}

impl ClientEInvoice {
    /// Checks every field; the first wrong one is reported.
    pub fn validate(f: &ClientEInvoiceForm<'_>) -> Result<ClientEInvoice, IdError> {
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        Ok(ClientEInvoice {
            format: f.format,
            buyer_reference: opt(f.buyer_reference).map(|s| buyer_reference(&s)).transpose()?,
            vat_id: opt(f.vat_id).map(|s| vat_id(&s)).transpose()?,
            siren: opt(f.siren).map(|s| siren(&s)).transpose()?,
            peppol_id: opt(f.peppol_id).map(|s| peppol_id(&s).map(|(a, b)| format!("{a}:{b}"))).transpose()?,
            country: opt(f.country).map(|s| country(&s)).transpose()?,
        })
    }
}

/// The user's own e-invoice identifiers (the seller, BG-4), saved as one
/// setting. The VAT or tax number printed on invoices stays in the business
/// settings (`business_tax_id`); `vat_id` here is the VAT ID proper when the
/// printed number is a tax number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SellerEInvoice {
    pub vat_id: Option<String>,
    pub siren: Option<String>,
    pub peppol_id: Option<String>,
    pub country: Option<String>,
    /// BT-41: the contact person (XRechnung needs one).
    pub contact_name: Option<String>,
}

/// The raw form of [`SellerEInvoice`].
#[derive(Clone, Debug, Default)]
pub struct SellerEInvoiceForm<'a> {
    pub vat_id: &'a str,
    pub siren: &'a str,
    pub peppol_id: &'a str,
    pub country: &'a str,
    pub contact_name: &'a str,
}

impl SellerEInvoice {
    pub fn validate(f: &SellerEInvoiceForm<'_>) -> Result<SellerEInvoice, IdError> {
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        Ok(SellerEInvoice {
            vat_id: opt(f.vat_id).map(|s| vat_id(&s)).transpose()?,
            siren: opt(f.siren).map(|s| siren(&s)).transpose()?,
            peppol_id: opt(f.peppol_id).map(|s| peppol_id(&s).map(|(a, b)| format!("{a}:{b}"))).transpose()?,
            country: opt(f.country).map(|s| country(&s)).transpose()?,
            contact_name: opt(f.contact_name).map(|s| s.chars().filter(|c| !c.is_control()).take(100).collect()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_ids_by_country() {
        for ok in [
            "DE123456788",
            "de 136 695 976",
            "FR40303265045",
            "BE0123456749",
            "NL123456789B01",
            "ATU12345678",
            "ESX1234567X",
            "IT00743110157",
            "GB123456789",
            "DK12345678",
        ] {
            assert!(vat_id(ok).is_ok(), "{ok}: {:?}", vat_id(ok));
        }
        assert_eq!(vat_id("de 136 695 976").unwrap(), "DE136695976");
        assert!(matches!(vat_id("DE12345678"), Err(IdError::VatIdShape { country: "German", .. })));
        assert!(matches!(vat_id("DE123456789"), Err(IdError::VatIdCheck { .. })));
        assert!(matches!(vat_id("FR41303265045"), Err(IdError::VatIdCheck { .. })));
        assert!(matches!(vat_id("BE0123456748"), Err(IdError::VatIdCheck { .. })));
        assert!(matches!(vat_id("NL123456789X01"), Err(IdError::VatIdShape { .. })));
        assert!(matches!(vat_id("AT12345678"), Err(IdError::VatIdShape { .. })));
        assert!(matches!(vat_id("IT00743110158"), Err(IdError::VatIdCheck { .. })));
        assert!(matches!(vat_id("123456789"), Err(IdError::VatIdCountry { .. })));
        assert_eq!(vat_id("DE12345678").unwrap_err().code(), ErrorCode::InvalidVatId);
    }

    #[test]
    fn leitweg_ids_have_mod_97_check_digits() {
        assert_eq!(buyer_reference("991-33333TEST-33").unwrap(), "991-33333TEST-33");
        assert_eq!(buyer_reference("04011000-12345-03").unwrap(), "04011000-12345-03");
        assert!(matches!(buyer_reference("04011000-12345-06"), Err(IdError::LeitwegCheck { .. })));
        // Not shaped like a Leitweg-ID: an order reference, kept.
        assert_eq!(buyer_reference(" PO-7781 ").unwrap(), "PO-7781");
    }

    #[test]
    fn sirens_and_peppol_ids() {
        assert_eq!(siren("732 829 320").unwrap(), "732829320");
        assert!(matches!(siren("732829321"), Err(IdError::SirenCheck { .. })));
        assert!(matches!(siren("73282932"), Err(IdError::SirenShape { .. })));
        assert_eq!(peppol_id("0208:0123456749").unwrap(), ("0208".into(), "0123456749".into()));
        assert_eq!(peppol_id("9930:DE136695976").unwrap().1, "DE136695976");
        assert!(matches!(peppol_id("0208:0123456748"), Err(IdError::PeppolId { .. })));
        assert!(matches!(peppol_id("1234:abc"), Err(IdError::PeppolScheme { .. })));
        assert!(matches!(peppol_id("DE136695976"), Err(IdError::PeppolShape { .. })));
        assert!(matches!(country("Deutschland"), Err(IdError::Country { .. })));
        assert_eq!(country("fr").unwrap(), "FR");
    }
}

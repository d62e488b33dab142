//! The EPC069-12 payment QR payload ("GiroCode", SEPA credit transfer),
//! version 002, UTF-8. Lines, in this order, separated by LF:
//! `BCD`, `002`, `1` (UTF-8), `SCT`, BIC (optional in 002), beneficiary name
//! (≤ 70), IBAN, `EUR` + amount (0.01–999999999.99), purpose (4, empty here),
//! structured RF reference (empty here), unstructured remittance text (≤ 140),
//! and nothing after it. A structured reference and a text are never both
//! set. The whole payload is at most 331 bytes; the QR uses ECC level M.

use crate::payment_methods::{normalize_bic, normalize_iban};
use crate::FollowupError;
use kindly_core::decimal::format_scaled;
use kindly_core::Money;

pub const MAX_BYTES: usize = 331;

/// Builds the payload for paying `amount` (must be EUR) to `name`/`iban`,
/// with `remittance` (e.g. the invoice number) as unstructured text.
pub fn payload(bic: &str, name: &str, iban: &str, amount: Money, remittance: &str) -> Result<String, FollowupError> {
    if amount.currency.code() != "EUR" {
        return Err(FollowupError::EpcCurrency);
    }
    if amount.minor < 1 || amount.minor > 99_999_999_999 {
        return Err(FollowupError::EpcAmount);
    }
    let bic = if bic.trim().is_empty() { String::new() } else { normalize_bic(bic)? };
    let iban = normalize_iban(iban)?;
    let name = one_line(name, "beneficiary name", 70)?;
    let text = one_line(remittance, "remittance text", 140)?;
    let amount = format!("EUR{}", format_scaled(i128::from(amount.minor), 2));
    let s = ["BCD", "002", "1", "SCT", &bic, &name, &iban, &amount, "", "", &text].join("\n");
    if s.len() > MAX_BYTES {
        return Err(FollowupError::EpcFieldTooLong { field: "payment QR payload", max: MAX_BYTES });
    }
    Ok(s)
}

/// Like [`payload`], with an ISO 11649 creditor reference ("RF…") as the
/// *structured* remittance (line 10, the unstructured line left empty as the
/// standard requires: never both) and `info` (e.g. "Invoice INV-2026-0042",
/// ≤ 70 characters) as the beneficiary-to-originator note shown to the payer.
pub fn payload_with_reference(
    bic: &str,
    name: &str,
    iban: &str,
    amount: Money,
    reference: &str,
    info: &str,
) -> Result<String, FollowupError> {
    let reference: String = reference.chars().filter(|c| !c.is_whitespace()).collect();
    let valid = reference.len() <= 25
        && reference.len() >= 5
        && reference.starts_with("RF")
        && reference[2..4].chars().all(|c| c.is_ascii_digit())
        && reference[4..].chars().all(|c| c.is_ascii_alphanumeric());
    if !valid {
        return Err(FollowupError::EpcFieldTooLong { field: "creditor reference", max: 25 });
    }
    let base = payload(bic, name, iban, amount, "")?;
    let info = one_line(info, "payment note", 70)?;
    // `payload` ends with the empty unstructured line; the structured reference
    // goes before it, the note after it.
    let mut lines: Vec<&str> = base.split('\n').collect();
    if let Some(line) = lines.get_mut(9) {
        *line = &reference;
    }
    let mut s = lines.join("\n");
    if !info.is_empty() {
        s.push('\n');
        s.push_str(&info);
    }
    if s.len() > MAX_BYTES {
        return Err(FollowupError::EpcFieldTooLong { field: "payment QR payload", max: MAX_BYTES });
    }
    Ok(s)
}

fn one_line(s: &str, field: &'static str, max: usize) -> Result<String, FollowupError> {
    let s = s.trim();
    if s.chars().any(char::is_control) {
        return Err(FollowupError::ControlCharacters(field));
    }
    if s.chars().count() > max {
        return Err(FollowupError::EpcFieldTooLong { field, max });
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kindly_core::Currency;

    #[test]
    fn a_creditor_reference_is_the_structured_remittance_never_both() {
        let eur = Money::new(12_345, Currency::parse("EUR").unwrap());
        let p = payload_with_reference("", "Studio", "DE89370400440532013000", eur, "RF34 0000 0042", "Invoice INV-7")
            .unwrap();
        assert_eq!(p, "BCD\n002\n1\nSCT\n\nStudio\nDE89370400440532013000\nEUR123.45\n\nRF3400000042\n\nInvoice INV-7");
        assert!(payload_with_reference("", "S", "DE89370400440532013000", eur, "INV-7", "").is_err());
    }

    #[test]
    fn payload_has_the_exact_bytes_of_the_standard() {
        let p = payload(
            "COBADEFFXXX",
            "Studio Zoë Ångström",
            "DE89 3704 0044 0532 0130 00",
            Money::new(123456, Currency::EUR),
            "INV-2026-0042",
        )
        .unwrap();
        assert_eq!(
            p.as_bytes(),
            "BCD\n002\n1\nSCT\nCOBADEFFXXX\nStudio Zoë Ångström\nDE89370400440532013000\nEUR1234.56\n\n\nINV-2026-0042"
                .as_bytes()
        );
        assert_eq!(p.lines().count(), 11);
    }

    #[test]
    fn bic_is_optional_and_amounts_have_two_decimals() {
        let p = payload("", "A", "DE89370400440532013000", Money::new(5, Currency::EUR), "x").unwrap();
        assert_eq!(p, "BCD\n002\n1\nSCT\n\nA\nDE89370400440532013000\nEUR0.05\n\n\nx");
    }

    #[test]
    fn what_the_standard_forbids_is_refused() {
        let iban = "DE89370400440532013000";
        let eur = |m| Money::new(m, Currency::EUR);
        assert_eq!(payload("", "A", iban, Money::new(100, Currency::USD), "x").unwrap_err().code(), "epc_currency");
        assert_eq!(payload("", "A", iban, eur(0), "x").unwrap_err().code(), "epc_amount");
        assert_eq!(payload("", "A", iban, eur(100_000_000_000), "x").unwrap_err().code(), "epc_amount");
        assert_eq!(payload("", &"n".repeat(71), iban, eur(1), "x").unwrap_err().code(), "epc_field_too_long");
        assert_eq!(payload("", "A", iban, eur(1), &"t".repeat(141)).unwrap_err().code(), "epc_field_too_long");
        assert_eq!(payload("", "A\nB", iban, eur(1), "x").unwrap_err().code(), "control_characters");
        assert_eq!(payload("", "A", "DE00370400440532013000", eur(1), "x").unwrap_err().code(), "invalid_iban");
        // 70-character name and 140-character text in 2-byte letters still fit in 331 bytes? No: refused, not truncated.
        let long = payload("COBADEFFXXX", &"é".repeat(70), iban, eur(1), &"é".repeat(140));
        assert_eq!(long.unwrap_err().code(), "epc_field_too_long");
    }
}

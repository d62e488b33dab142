//! What the CII and UBL writers share: refusing an invoice that is not
//! whole (figures that disagree, fields the format needs), and numbers as
//! EN 16931 writes them (amounts with the currency's decimals, exact).

use crate::check;
use crate::error::EInvoiceError;
use crate::model::Invoice;
use crate::profile::{gaps, Format};
use kindly_core::Currency;

/// Refuses an invoice the format cannot carry: nothing half-written.
pub(crate) fn ready(inv: &Invoice, format: Format) -> Result<(), EInvoiceError> {
    let missing = gaps(inv, format);
    if !missing.is_empty() {
        return Err(EInvoiceError::Incomplete { format: format.label(), gaps: missing });
    }
    check::consistent(inv)?;
    if inv.currency.exponent() > 2 {
        return Err(EInvoiceError::FieldInvalid {
            term: "BT-5 invoice currency".into(),
            path: "invoice currency",
            value: inv.currency.code().to_string(),
            reason: "EN 16931 amounts have at most 2 decimals, and this currency has 3".into(),
        });
    }
    Ok(())
}

/// An amount in minor units as `xsd:decimal` with the currency's decimals.
pub(crate) fn amount(minor: i64, currency: Currency) -> String {
    kindly_core::decimal::format_scaled(i128::from(minor), currency.exponent())
}

/// BT-130 is mandatory; "C62" (one) when the model has none.
pub(crate) fn unit(code: &Option<String>) -> &str {
    code.as_deref().filter(|c| !c.is_empty()).unwrap_or("C62")
}

/// Up to three address lines (BT-35..37 / BT-50..52, BT-162/163): more
/// are joined into the third, so nothing the user typed is dropped.
pub(crate) fn address_lines(lines: &[String]) -> [Option<String>; 3] {
    let mut it = lines.iter().filter(|l| !l.trim().is_empty());
    let one = it.next().cloned();
    let two = it.next().cloned();
    let rest: Vec<&str> = it.map(String::as_str).collect();
    let three = (!rest.is_empty()).then(|| rest.join(", "));
    [one, two, three]
}

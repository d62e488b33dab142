//! Turning the text of an element into a typed business term, with an
//! error that names the term and its place in the XML. Shared by the CII
//! and UBL readers.

use crate::decimal::XmlDecimal;
use crate::dom::Element;
use crate::error::EInvoiceError;
use chrono::NaiveDate;
use kindly_core::money::MAX_MINOR;
use kindly_core::Currency;
use kindly_xml::excerpt;

/// EN 16931 (BR-DEC-*): amounts have at most two decimals.
const AMOUNT_DECIMALS: u32 = 2;

fn invalid(term: &str, path: &'static str, value: &str, reason: impl Into<String>) -> EInvoiceError {
    EInvoiceError::FieldInvalid { term: term.to_string(), path, value: excerpt(value), reason: reason.into() }
}

/// The text of a mandatory term.
pub(crate) fn required<'a>(el: Option<&'a Element>, term: &str, path: &'static str) -> Result<&'a str, EInvoiceError> {
    el.map(|e| e.text.as_str())
        .filter(|t| !t.is_empty())
        .ok_or_else(|| EInvoiceError::FieldMissing { term: term.to_string(), path })
}

/// An amount in the invoice currency, in minor units.
pub(crate) fn amount(text: &str, currency: Currency, term: &str, path: &'static str) -> Result<i64, EInvoiceError> {
    let d = XmlDecimal::parse(text).ok_or_else(|| invalid(term, path, text, "not a decimal number"))?;
    if d.decimals() > AMOUNT_DECIMALS {
        return Err(invalid(term, path, text, "EN 16931 allows at most 2 decimals on an amount"));
    }
    let exp = u32::from(currency.exponent());
    let minor = d.to_scale(exp).ok_or_else(|| {
        invalid(term, path, text, format!("{} has {} decimals", currency.code(), currency.exponent()))
    })?;
    if minor.abs() > i128::from(MAX_MINOR) {
        return Err(invalid(term, path, text, "larger than Kindly can hold"));
    }
    Ok(minor as i64)
}

/// An optional amount; absent is 0.
pub(crate) fn optional_amount(
    el: Option<&Element>,
    currency: Currency,
    term: &str,
    path: &'static str,
) -> Result<i64, EInvoiceError> {
    match el.map(|e| e.text.as_str()).filter(|t| !t.is_empty()) {
        Some(t) => amount(t, currency, term, path),
        None => Ok(0),
    }
}

/// A mandatory amount.
pub(crate) fn required_amount(
    el: Option<&Element>,
    currency: Currency,
    term: &str,
    path: &'static str,
) -> Result<i64, EInvoiceError> {
    amount(required(el, term, path)?, currency, term, path)
}

/// A quantity, price or rate: exact, any number of decimals.
pub(crate) fn decimal(text: &str, term: &str, path: &'static str) -> Result<XmlDecimal, EInvoiceError> {
    XmlDecimal::parse(text).ok_or_else(|| invalid(term, path, text, "not a decimal number"))
}

pub(crate) fn optional_decimal(
    el: Option<&Element>,
    term: &str,
    path: &'static str,
) -> Result<Option<XmlDecimal>, EInvoiceError> {
    el.map(|e| e.text.as_str()).filter(|t| !t.is_empty()).map(|t| decimal(t, term, path)).transpose()
}

pub(crate) fn currency(text: &str, term: &str, path: &'static str) -> Result<Currency, EInvoiceError> {
    Currency::parse(text).map_err(|_| invalid(term, path, text, "not an ISO 4217 currency code"))
}

pub(crate) fn type_code(text: &str, term: &str, path: &'static str) -> Result<u16, EInvoiceError> {
    text.parse::<u16>().map_err(|_| invalid(term, path, text, "not a UNTDID 1001 document type code"))
}

/// `YYYY-MM-DD` (UBL) or `YYYYMMDD` (CII format 102).
pub(crate) fn date(text: &str, term: &str, path: &'static str) -> Result<NaiveDate, EInvoiceError> {
    let fmt = if text.len() == 8 { "%Y%m%d" } else { "%Y-%m-%d" };
    NaiveDate::parse_from_str(text, fmt).map_err(|_| invalid(term, path, text, "not a date"))
}

/// The element with `currencyID` equal to the invoice currency (BT-110 and
/// BT-111 share a name; BT-111 is the VAT in the accounting currency), or the
/// one without the attribute.
pub(crate) fn in_currency<'a>(
    mut candidates: impl Iterator<Item = &'a Element>,
    currency: Currency,
) -> Option<&'a Element> {
    candidates.find(|e| e.attr("currencyID").is_none_or(|c| c.eq_ignore_ascii_case(currency.code())))
}

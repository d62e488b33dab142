//! The one way this crate reads XML: quick-xml events, with the dangerous
//! parts of XML refused rather than configured away.
//!
//! - Any `<!DOCTYPE` is refused (`bank_xml_doctype_refused`). Without a DTD
//!   no entity can be declared, so entity bombs ("billion laughs") and
//!   external entities (`SYSTEM "file:///etc/passwd"`) cannot exist; quick-xml
//!   never fetches anything either.
//! - Entity references expand only to the five predefined entities and to
//!   character references; any other name is `bank_xml_entity_undefined`.
//! - A file that ends with elements still open is `bank_xml_truncated`.
//! - Nesting deeper than [`MAX_DEPTH`] is refused (camt needs about 12).
//!
//! The reader itself is `kindly-xml`, shared with the e-invoice import; this
//! module gives its refusals the bank's error codes.

use crate::error::{excerpt, ParseError};
pub(crate) use kindly_xml::{attr, ends_with, namespaces, Node};
use kindly_xml::{Limits, WalkError, XmlError};

/// Deeper nesting than any bank statement has; refused to bound the stack.
pub(crate) const MAX_DEPTH: usize = 64;

/// A problem found by a format parser inside an element; the walker adds
/// the line.
#[derive(Debug)]
pub(crate) enum Fault {
    Amount(String),
    Date(String),
    Currency(String),
    Missing(&'static str),
    Error(ParseError),
}

/// Reads `bytes` (UTF-8, an optional BOM) and calls `f` for every element.
pub(crate) fn walk(bytes: &[u8], f: impl FnMut(Node<'_>) -> Result<(), Fault>) -> Result<(), ParseError> {
    let limits = Limits { max_depth: MAX_DEPTH, ..Limits::default() };
    kindly_xml::walk(bytes, limits, f).map_err(|e| match e {
        WalkError::Xml(x) => from_xml(x),
        WalkError::At { line, fault } => match fault {
            Fault::Amount(v) => ParseError::AmountInvalid { line, value: excerpt(&v) },
            Fault::Date(v) => ParseError::DateInvalid { line, value: excerpt(&v) },
            Fault::Currency(v) => ParseError::CurrencyInvalid { line, value: excerpt(&v) },
            Fault::Missing(field) => ParseError::FieldMissing { line, field },
            Fault::Error(e) => e,
        },
    })
}

/// The shared reader's refusals under the bank's codes.
fn from_xml(x: XmlError) -> ParseError {
    match x {
        XmlError::EncodingInvalid { line } => ParseError::EncodingInvalid { expected: "UTF-8", line },
        XmlError::Malformed { line, detail } => ParseError::XmlMalformed { line, detail },
        XmlError::Truncated { line, element } => ParseError::XmlTruncated { line, element },
        XmlError::DoctypeRefused { line } => ParseError::XmlDoctypeRefused { line },
        XmlError::EntityUndefined { line, name } => ParseError::XmlEntityUndefined { line, name },
        e @ (XmlError::TooDeep { .. } | XmlError::TooManyElements { .. }) => {
            ParseError::XmlMalformed { line: e.line(), detail: e.to_string() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> Result<Vec<(String, String)>, ParseError> {
        let mut out = Vec::new();
        walk(xml.as_bytes(), |n| {
            if let Node::Close { path, text } = n {
                out.push((path.join("/"), text.to_string()));
            }
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn predefined_and_character_references_expand() {
        let t = texts("<a><b>Smith &amp; Sons &lt;3 &#x41;&#66;</b><c/></a>").unwrap();
        assert_eq!(t[0], ("a/b".to_string(), "Smith & Sons <3 AB".to_string()));
        assert_eq!(t[1].0, "a/c");
    }

    #[test]
    fn dtds_and_unknown_entities_are_refused() {
        let e = texts("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<a>&x;</a>").unwrap_err();
        assert_eq!(e.code(), "bank_xml_doctype_refused");
        assert_eq!(e.line(), Some(2));
        assert_eq!(texts("<a>\n&x;</a>").unwrap_err().code(), "bank_xml_entity_undefined");
    }

    #[test]
    fn truncation_and_mismatch_are_reported() {
        assert_eq!(texts("<a><b>1</b>").unwrap_err().code(), "bank_xml_truncated");
        assert_eq!(texts("<a><b>1</b").unwrap_err().code(), "bank_xml_truncated");
        assert_eq!(texts("<a><b>1</c></a>").unwrap_err().code(), "bank_xml_malformed");
        assert_eq!(texts("<a>\u{0}").map(|_| ()).unwrap_or(()), ());
        let deep = "<a>".repeat(100);
        assert_eq!(texts(&deep).unwrap_err().code(), "bank_xml_malformed");
    }
}

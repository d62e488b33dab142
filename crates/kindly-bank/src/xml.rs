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
//! Reading is one forward pass over the bytes, so time is linear in the size
//! of the input; line numbers are computed only when an error is reported.

use crate::error::{excerpt, excerpt_n, line_at, ParseError};
use quick_xml::errors::{Error as QxError, SyntaxError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

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

/// What the format parser sees.
pub(crate) enum Node<'e> {
    /// An element opens; `path` ends with its local name.
    Open { path: &'e [String], start: &'e BytesStart<'e> },
    /// An element closes with the text directly inside it (entities
    /// resolved, not trimmed); `path` still ends with its name.
    Close { path: &'e [String], text: &'e str },
}

/// Reads `bytes` (UTF-8, an optional BOM) and calls `f` for every element.
pub(crate) fn walk(bytes: &[u8], mut f: impl FnMut(Node<'_>) -> Result<(), Fault>) -> Result<(), ParseError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let offset = bytes.len() - body.len();
    let text = std::str::from_utf8(body)
        .map_err(|e| ParseError::EncodingInvalid { expected: "UTF-8", line: line_at(body, e.valid_up_to()) })?;
    let mut reader = Reader::from_str(text);
    {
        let c = reader.config_mut();
        c.expand_empty_elements = true;
        c.check_end_names = true;
        c.allow_unmatched_ends = false;
        c.allow_dangling_amp = false;
    }
    let line = |pos: u64| line_at(bytes, offset + usize::try_from(pos).unwrap_or(usize::MAX));
    let mut path: Vec<String> = Vec::with_capacity(MAX_DEPTH);
    // Spare strings for element names, so a statement with many entries
    // does not allocate one per element.
    let mut spare: Vec<String> = Vec::new();
    let mut buf = String::new();
    loop {
        let before = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => return Err(map_error(&e, line(reader.error_position()), &path)),
        };
        let fault = |fault: Fault, line_no: u64| -> ParseError {
            match fault {
                Fault::Amount(v) => ParseError::AmountInvalid { line: line_no, value: excerpt(&v) },
                Fault::Date(v) => ParseError::DateInvalid { line: line_no, value: excerpt(&v) },
                Fault::Currency(v) => ParseError::CurrencyInvalid { line: line_no, value: excerpt(&v) },
                Fault::Missing(field) => ParseError::FieldMissing { line: line_no, field },
                Fault::Error(e) => e,
            }
        };
        match event {
            Event::Start(start) => {
                if path.len() >= MAX_DEPTH {
                    return Err(ParseError::XmlMalformed {
                        line: line(before),
                        detail: format!("elements are nested more than {MAX_DEPTH} deep"),
                    });
                }
                let local = start.local_name();
                let mut name = spare.pop().unwrap_or_default();
                name.clear();
                name.push_str(local.as_ref());
                path.push(name);
                buf.clear();
                f(Node::Open { path: &path, start: &start }).map_err(|x| fault(x, line(before)))?;
            }
            Event::End(_) => {
                f(Node::Close { path: &path, text: &buf }).map_err(|x| fault(x, line(before)))?;
                buf.clear();
                if let Some(name) = path.pop() {
                    spare.push(name);
                }
            }
            Event::Text(t) => buf.push_str(&t.xml10_content()),
            Event::CData(t) => buf.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => buf.push(c),
                        _ => {
                            return Err(ParseError::XmlMalformed {
                                line: line(before),
                                detail: format!("invalid character reference &{};", excerpt(&r)),
                            })
                        }
                    }
                } else {
                    let c = match &*r {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        other => {
                            return Err(ParseError::XmlEntityUndefined { line: line(before), name: excerpt(other) })
                        }
                    };
                    buf.push(c);
                }
            }
            Event::DocType(_) => return Err(ParseError::XmlDoctypeRefused { line: line(before) }),
            Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::Eof => {
                return match path.last() {
                    Some(open) => {
                        Err(ParseError::XmlTruncated { line: line(reader.buffer_position()), element: excerpt(open) })
                    }
                    None => Ok(()),
                };
            }
        }
    }
}

fn map_error(e: &QxError, line: u64, path: &[String]) -> ParseError {
    if let QxError::Syntax(s) = e {
        let unclosed = matches!(
            s,
            SyntaxError::UnclosedTag
                | SyntaxError::UnclosedCData
                | SyntaxError::UnclosedComment
                | SyntaxError::UnclosedPI
                | SyntaxError::UnclosedXmlDecl
                | SyntaxError::UnclosedSingleQuotedAttributeValue
                | SyntaxError::UnclosedDoubleQuotedAttributeValue
        );
        if unclosed {
            return ParseError::XmlTruncated { line, element: path.last().map(|p| excerpt(p)).unwrap_or_default() };
        }
        if matches!(s, SyntaxError::UnclosedDoctype) {
            return ParseError::XmlDoctypeRefused { line };
        }
    }
    ParseError::XmlMalformed { line, detail: excerpt_n(&e.to_string(), 200) }
}

/// The value of attribute `name` (local name), entities resolved (only the
/// predefined ones; others make the value absent).
pub(crate) fn attr(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// Every `xmlns` / `xmlns:prefix` value on an element.
pub(crate) fn namespaces(start: &BytesStart<'_>) -> Vec<String> {
    start
        .attributes()
        .flatten()
        .filter(|a| {
            let k = a.key.as_ref();
            k == "xmlns" || k.starts_with("xmlns:")
        })
        .filter_map(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
        .collect()
}

/// True when `path` ends with `suffix`.
pub(crate) fn ends_with(path: &[String], suffix: &[&str]) -> bool {
    path.len() >= suffix.len() && path[path.len() - suffix.len()..].iter().zip(suffix).all(|(a, b)| a == b)
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

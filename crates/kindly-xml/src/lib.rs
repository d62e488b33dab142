//! The one way Kindly reads XML from outside (bank statements, e-invoices):
//! quick-xml events, with the dangerous parts of XML refused rather than
//! configured away.
//!
//! - Any `<!DOCTYPE` is refused ([`XmlError::DoctypeRefused`]). Without a
//!   DTD no entity can be declared, so entity bombs ("billion laughs") and
//!   external entities (`SYSTEM "file:///etc/passwd"`) cannot exist;
//!   quick-xml never fetches anything either.
//! - Entity references expand only to the five predefined entities and to
//!   character references; any other name is [`XmlError::EntityUndefined`].
//! - A file that ends with elements still open is [`XmlError::Truncated`].
//! - Nesting deeper than [`Limits::max_depth`] and more elements than
//!   [`Limits::max_elements`] are refused, so a hostile file costs bounded
//!   stack and time.
//!
//! Reading is one forward pass over the bytes, so time is linear in the size
//! of the input; line numbers are computed only when an error is reported.
//! The errors carry no Kindly error code: each reader (kindly-bank,
//! kindly-einvoice) maps them to its own codes, which name the kind of file.

use quick_xml::errors::{Error as QxError, SyntaxError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use thiserror::Error;

/// How much a document may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_depth: usize,
    pub max_elements: u64,
}

impl Default for Limits {
    /// Deeper nesting than any statement or invoice has; a million elements.
    fn default() -> Limits {
        Limits { max_depth: 64, max_elements: 1_000_000 }
    }
}

/// Why the bytes are not XML Kindly reads.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum XmlError {
    #[error("The file's text is not valid UTF-8 (line {line}).")]
    EncodingInvalid { line: u64 },
    #[error("The XML is malformed at line {line}: {detail}")]
    Malformed { line: u64, detail: String },
    #[error("The XML ends early, inside <{element}> (line {line}): the file was probably cut off.")]
    Truncated { line: u64, element: String },
    #[error("The XML at line {line} declares a document type (<!DOCTYPE>), which Kindly refuses.")]
    DoctypeRefused { line: u64 },
    #[error("The XML at line {line} uses the undefined entity &{name};.")]
    EntityUndefined { line: u64, name: String },
    #[error("The XML at line {line} nests elements more than {max} deep.")]
    TooDeep { line: u64, max: usize },
    #[error("The XML at line {line} has more than {max} elements.")]
    TooManyElements { line: u64, max: u64 },
}

impl XmlError {
    pub fn line(&self) -> u64 {
        match self {
            XmlError::EncodingInvalid { line }
            | XmlError::Malformed { line, .. }
            | XmlError::Truncated { line, .. }
            | XmlError::DoctypeRefused { line }
            | XmlError::EntityUndefined { line, .. }
            | XmlError::TooDeep { line, .. }
            | XmlError::TooManyElements { line, .. } => *line,
        }
    }
}

/// What stopped a walk: the XML itself, or the caller's callback (with the
/// line of the element it was looking at).
#[derive(Debug)]
pub enum WalkError<E> {
    Xml(XmlError),
    At { line: u64, fault: E },
}

/// What the format parser sees.
pub enum Node<'e> {
    /// An element opens; `path` ends with its local name.
    Open { path: &'e [String], start: &'e BytesStart<'e> },
    /// An element closes with the text directly inside it (entities
    /// resolved, not trimmed); `path` still ends with its name.
    Close { path: &'e [String], text: &'e str },
}

/// Reads `bytes` (UTF-8, an optional BOM) and calls `f` for every element.
pub fn walk<E>(bytes: &[u8], limits: Limits, mut f: impl FnMut(Node<'_>) -> Result<(), E>) -> Result<(), WalkError<E>> {
    let xml = |e: XmlError| WalkError::Xml(e);
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let offset = bytes.len() - body.len();
    let text = std::str::from_utf8(body)
        .map_err(|e| xml(XmlError::EncodingInvalid { line: line_at(body, e.valid_up_to()) }))?;
    let mut reader = Reader::from_str(text);
    {
        let c = reader.config_mut();
        c.expand_empty_elements = true;
        c.check_end_names = true;
        c.allow_unmatched_ends = false;
        c.allow_dangling_amp = false;
    }
    let line = |pos: u64| line_at(bytes, offset + usize::try_from(pos).unwrap_or(usize::MAX));
    let mut path: Vec<String> = Vec::with_capacity(limits.max_depth.min(256));
    // Spare strings for element names, so a document with many elements
    // does not allocate one per element.
    let mut spare: Vec<String> = Vec::new();
    let mut buf = String::new();
    let mut elements: u64 = 0;
    loop {
        let before = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => return Err(xml(map_error(&e, line(reader.error_position()), &path))),
        };
        match event {
            Event::Start(start) => {
                if path.len() >= limits.max_depth {
                    return Err(xml(XmlError::TooDeep { line: line(before), max: limits.max_depth }));
                }
                elements += 1;
                if elements > limits.max_elements {
                    return Err(xml(XmlError::TooManyElements { line: line(before), max: limits.max_elements }));
                }
                let local = start.local_name();
                let mut name = spare.pop().unwrap_or_default();
                name.clear();
                name.push_str(local.as_ref());
                path.push(name);
                buf.clear();
                f(Node::Open { path: &path, start: &start })
                    .map_err(|fault| WalkError::At { line: line(before), fault })?;
            }
            Event::End(_) => {
                f(Node::Close { path: &path, text: &buf })
                    .map_err(|fault| WalkError::At { line: line(before), fault })?;
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
                            return Err(xml(XmlError::Malformed {
                                line: line(before),
                                detail: format!("invalid character reference &{};", excerpt(&r)),
                            }))
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
                            return Err(xml(XmlError::EntityUndefined { line: line(before), name: excerpt(other) }))
                        }
                    };
                    buf.push(c);
                }
            }
            Event::DocType(_) => return Err(xml(XmlError::DoctypeRefused { line: line(before) })),
            Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::Eof => {
                return match path.last() {
                    Some(open) => {
                        Err(xml(XmlError::Truncated { line: line(reader.buffer_position()), element: excerpt(open) }))
                    }
                    None => Ok(()),
                };
            }
        }
    }
}

fn map_error(e: &QxError, line: u64, path: &[String]) -> XmlError {
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
            return XmlError::Truncated { line, element: path.last().map(|p| excerpt(p)).unwrap_or_default() };
        }
        if matches!(s, SyntaxError::UnclosedDoctype) {
            return XmlError::DoctypeRefused { line };
        }
    }
    XmlError::Malformed { line, detail: excerpt_n(&e.to_string(), 200) }
}

/// The value of attribute `name` (local name), entities resolved (only the
/// predefined ones; others make the value absent).
pub fn attr(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// Every `xmlns` / `xmlns:prefix` value on an element.
pub fn namespaces(start: &BytesStart<'_>) -> Vec<String> {
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
pub fn ends_with(path: &[String], suffix: &[&str]) -> bool {
    path.len() >= suffix.len() && path[path.len() - suffix.len()..].iter().zip(suffix).all(|(a, b)| a == b)
}

/// Keeps a value quoted in an error message short and printable: files from
/// outside can hold anything, and a message must not carry megabytes or
/// control characters to the screen.
pub fn excerpt(s: &str) -> String {
    excerpt_n(s, 40)
}

/// [`excerpt`] with room for `n` characters.
pub fn excerpt_n(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// 1-based line number of byte `offset` in `text` (counted only when an
/// error is reported, so parsing itself stays one pass).
pub fn line_at(text: &[u8], offset: usize) -> u64 {
    let end = offset.min(text.len());
    text[..end].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts_with(xml: &str, limits: Limits) -> Result<Vec<(String, String)>, XmlError> {
        let mut out = Vec::new();
        walk::<()>(xml.as_bytes(), limits, |n| {
            if let Node::Close { path, text } = n {
                out.push((path.join("/"), text.to_string()));
            }
            Ok(())
        })
        .map_err(|e| match e {
            WalkError::Xml(x) => x,
            WalkError::At { .. } => unreachable!(),
        })?;
        Ok(out)
    }

    fn texts(xml: &str) -> Result<Vec<(String, String)>, XmlError> {
        texts_with(xml, Limits::default())
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
        assert!(matches!(e, XmlError::DoctypeRefused { line: 2 }), "{e:?}");
        assert!(matches!(texts("<a>\n&x;</a>").unwrap_err(), XmlError::EntityUndefined { line: 2, .. }));
    }

    #[test]
    fn limits_are_enforced() {
        let deep = "<a>".repeat(100);
        assert!(matches!(texts(&deep).unwrap_err(), XmlError::TooDeep { max: 64, .. }));
        let many = format!("<a>{}</a>", "<b/>".repeat(20));
        let small = Limits { max_depth: 8, max_elements: 10 };
        assert!(matches!(texts_with(&many, small).unwrap_err(), XmlError::TooManyElements { max: 10, .. }));
    }

    #[test]
    fn callback_faults_carry_their_line() {
        let r = walk(b"<a>\n<b>x</b></a>", Limits::default(), |n| match n {
            Node::Close { path, .. } if ends_with(path, &["a", "b"]) => Err("bad b"),
            _ => Ok(()),
        });
        assert!(matches!(r, Err(WalkError::At { line: 2, fault: "bad b" })));
    }
}

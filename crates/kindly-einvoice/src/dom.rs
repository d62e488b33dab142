//! A small element tree built from `kindly-xml`'s events: e-invoices are
//! small (the file size and element count are bounded before this), and a
//! tree lets each reader say plainly where a business term lives.
//! Names are local names (namespace prefixes dropped): CII and UBL do not
//! reuse a local name for two meanings within the paths read here.

use crate::error::EInvoiceError;
use kindly_xml::{Limits, Node, WalkError};

/// At most this many elements: a 500-line invoice has about 20,000.
pub const MAX_ELEMENTS: u64 = 200_000;
/// Deeper than CII (about 10) or UBL (about 8) ever nests.
pub const MAX_DEPTH: usize = 32;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// The text directly inside, trimmed.
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child named `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Follows a chain of first children.
    pub fn at(&self, path: &[&str]) -> Option<&Element> {
        path.iter().try_fold(self, |el, name| el.child(name))
    }

    /// The trimmed text at `path`, if there is some.
    pub fn text_at(&self, path: &[&str]) -> Option<&str> {
        self.at(path).map(|e| e.text.as_str()).filter(|t| !t.is_empty())
    }

    /// The same, owned.
    pub fn string_at(&self, path: &[&str]) -> Option<String> {
        self.text_at(path).map(str::to_string)
    }

    /// An attribute by local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Parses `xml` into its root element.
pub fn parse(xml: &[u8]) -> Result<Element, EInvoiceError> {
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let limits = Limits { max_depth: MAX_DEPTH, max_elements: MAX_ELEMENTS };
    kindly_xml::walk::<()>(xml, limits, |node| {
        match node {
            Node::Open { path, start } => {
                let attrs = start
                    .attributes()
                    .flatten()
                    .filter(|a| a.key.prefix().is_none_or(|p| p.as_ref() != "xmlns") && a.key.as_ref() != "xmlns")
                    .filter_map(|a| {
                        let key = a.key.local_name().as_ref().to_string();
                        kindly_xml::attr(start, &key).map(|v| (key, v))
                    })
                    .collect();
                let name = path.last().cloned().unwrap_or_default();
                stack.push(Element { name, attrs, ..Element::default() });
            }
            Node::Close { text, .. } => {
                if let Some(mut el) = stack.pop() {
                    el.text = text.trim().to_string();
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(el),
                        None => root = Some(el),
                    }
                }
            }
        }
        Ok(())
    })
    .map_err(|e| match e {
        WalkError::Xml(x) => EInvoiceError::from(x),
        WalkError::At { line, .. } => EInvoiceError::XmlMalformed(format!("The XML is malformed at line {line}.")),
    })?;
    root.ok_or_else(|| EInvoiceError::XmlMalformed("The XML has no root element.".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_of_local_names() {
        let root = parse(br#"<?xml version="1.0"?><r:A xmlns:r="urn:x" xmlns="urn:y"><B id="1"> hi &amp; bye </B><B/><C><D>x</D></C></r:A>"#).unwrap();
        assert_eq!(root.name, "A");
        assert!(root.attrs.is_empty(), "{:?}", root.attrs);
        assert_eq!(root.text_at(&["B"]), Some("hi & bye"));
        assert_eq!(root.child("B").unwrap().attr("id"), Some("1"));
        assert_eq!(root.all("B").count(), 2);
        assert_eq!(root.text_at(&["C", "D"]), Some("x"));
        assert_eq!(root.text_at(&["C", "E"]), None);
    }
}

//! The XML inside a Factur-X / ZUGFeRD PDF (PDF/A-3 with an embedded file).
//!
//! The invoice is a file specification listed in the catalog's `/AF`
//! (associated files) array and in the `/Names /EmbeddedFiles` name tree;
//! both are searched, the name tree to a bounded depth. Decompression is
//! bounded too (`max_decompressed_size`), so a PDF "zip bomb" is refused
//! rather than unpacked.
//!
//! [`embed_invoice`] does the reverse (an existing PDF + the XML → a PDF with
//! the XML as an associated file): without making it a PDF/A-3; [`crate::facturx`]
//! makes a whole Factur-X PDF/A-3b.

use crate::error::EInvoiceError;
use crate::MAX_XML_BYTES;
use lopdf::{decode_text_string, dictionary, Dictionary, Document, LoadOptions, Object};
use std::collections::HashSet;

/// The names the standards give the embedded invoice (compared without case).
pub const INVOICE_FILE_NAMES: [&str; 3] = ["factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml"];

/// How deep a name tree is followed; real ones have one or two levels.
const MAX_TREE_DEPTH: usize = 8;

/// Finds the embedded invoice: its file name and its bytes.
pub fn embedded_invoice(pdf: &[u8]) -> Result<(String, Vec<u8>), EInvoiceError> {
    let options = LoadOptions { max_decompressed_size: Some(MAX_XML_BYTES), ..LoadOptions::default() };
    let doc = Document::load_mem_with_options(pdf, options)
        .map_err(|e| EInvoiceError::PdfInvalid { detail: kindly_xml::excerpt_n(&e.to_string(), 200) })?;
    let catalog =
        doc.catalog().map_err(|e| EInvoiceError::PdfInvalid { detail: kindly_xml::excerpt_n(&e.to_string(), 200) })?;
    let mut specs: Vec<&Dictionary> = Vec::new();
    if let Ok(af) = catalog.get_deref(b"AF", &doc).and_then(Object::as_array) {
        specs.extend(af.iter().filter_map(|o| doc.dereference(o).ok()).filter_map(|(_, o)| o.as_dict().ok()));
    }
    if let Ok(tree) = catalog
        .get_deref(b"Names", &doc)
        .and_then(Object::as_dict)
        .and_then(|n| n.get_deref(b"EmbeddedFiles", &doc))
        .and_then(Object::as_dict)
    {
        let mut seen = HashSet::new();
        name_tree(&doc, tree, 0, &mut seen, &mut specs);
    }
    for spec in specs {
        let Some(name) = file_name(spec) else { continue };
        if !INVOICE_FILE_NAMES.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            continue;
        }
        let stream = spec
            .get_deref(b"EF", &doc)
            .and_then(Object::as_dict)
            .and_then(|ef| ef.get_deref(b"F", &doc).or_else(|_| ef.get_deref(b"UF", &doc)))
            .and_then(Object::as_stream)
            .map_err(|_| EInvoiceError::PdfInvalid { detail: format!("the embedded file {name} has no content") })?;
        let bytes = stream.get_plain_content_with_limit(MAX_XML_BYTES).map_err(|e| match e {
            lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { limit }) => {
                EInvoiceError::FileTooLarge { size: limit as u64 + 1, limit: limit as u64 }
            }
            e => EInvoiceError::PdfInvalid { detail: format!("the embedded file {name} cannot be unpacked: {e}") },
        })?;
        return Ok((name, bytes));
    }
    Err(EInvoiceError::PdfNoInvoice)
}

/// The file specification's name: `/UF` (Unicode) or `/F`.
fn file_name(spec: &Dictionary) -> Option<String> {
    spec.get(b"UF").or_else(|_| spec.get(b"F")).ok().and_then(|o| decode_text_string(o).ok())
}

/// Collects the values of a name tree (`/Names [key value …]`, `/Kids`).
fn name_tree<'a>(
    doc: &'a Document,
    node: &'a Dictionary,
    depth: usize,
    seen: &mut HashSet<(u32, u16)>,
    out: &mut Vec<&'a Dictionary>,
) {
    if depth > MAX_TREE_DEPTH {
        return;
    }
    if let Ok(names) = node.get_deref(b"Names", doc).and_then(Object::as_array) {
        for value in names.iter().skip(1).step_by(2) {
            if let Ok((_, Object::Dictionary(d))) = doc.dereference(value) {
                out.push(d);
            }
        }
    }
    if let Ok(kids) = node.get_deref(b"Kids", doc).and_then(Object::as_array) {
        for kid in kids {
            // A tree that refers back to itself is walked once.
            if let Ok(id) = kid.as_reference() {
                if !seen.insert(id) {
                    continue;
                }
            }
            if let Ok((_, Object::Dictionary(d))) = doc.dereference(kid) {
                name_tree(doc, d, depth + 1, seen, out);
            }
        }
    }
}

/// Adds `xml` to `pdf` as `factur-x.xml`: an embedded file stream, a file
/// specification with `/AFRelationship /Data`, listed in the catalog's
/// `/AF` array and `/Names /EmbeddedFiles` name tree.
pub fn embed_invoice(pdf: &[u8], xml: &[u8]) -> Result<Vec<u8>, EInvoiceError> {
    let invalid = |e: lopdf::Error| EInvoiceError::PdfInvalid { detail: kindly_xml::excerpt_n(&e.to_string(), 200) };
    let mut doc = Document::load_mem(pdf).map_err(invalid)?;
    let name = INVOICE_FILE_NAMES[0];
    let spec_id = crate::facturx::add_invoice_file(&mut doc, xml, None, "Data")?;
    let catalog = doc.catalog_mut().map_err(invalid)?;
    catalog.set("AF", vec![Object::Reference(spec_id)]);
    catalog.set(
        "Names",
        dictionary! { "EmbeddedFiles" => dictionary! { "Names" => vec![Object::string_literal(name), Object::Reference(spec_id)] } },
    );
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| EInvoiceError::PdfInvalid { detail: e.to_string() })?;
    Ok(out)
}

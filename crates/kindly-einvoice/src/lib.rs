//! EN 16931 e-invoices, without a store, a clock or Tauri.
//!
//! - [`model`]: the invoice as EN 16931 describes it (the business terms
//!   Kindly uses, named by their BT numbers), money exact in minor units.
//! - [`read`]: a file's bytes → an [`Invoice`]: detects a PDF (Factur-X /
//!   ZUGFeRD, the embedded XML, see [`pdf`]) or XML, then the syntax: UN/CEFACT
//!   CII ([`cii`]) or OASIS UBL 2.1 Invoice / CreditNote ([`ubl`]).
//! - [`check`]: lines, VAT breakdown and document totals must agree.
//!
//! - [`cii::write`] and [`ubl::write`]: the model → Factur-X / XRechnung CII,
//!   XRechnung UBL / Peppol BIS 3.0 ([`profile`] says what each format needs);
//!   [`facturx`]: a PDF + the CII → a Factur-X PDF/A-3b.
//!
//! XML is read with `kindly-xml` (no DTD, no entity but the predefined
//! five, limits on size, depth and element count) into a small element tree
//! ([`dom`]); the readers map it to the model. The writers take the same model,
//! so what Kindly writes and what it reads are compared field by field.

pub mod check;
pub mod cii;
mod cii_write;
pub mod decimal;
pub mod dom;
pub mod error;
pub mod facturx;
mod fields;
pub mod model;
pub mod pdf;
pub mod profile;
pub mod ubl;
mod ubl_write;
mod write;
mod xml_out;

pub use cii_write::CiiProfile;
pub use decimal::XmlDecimal;
pub use error::EInvoiceError;
pub use model::{Invoice, Syntax};
pub use profile::{Format, Gap, Owner};
pub use ubl_write::UblProfile;

/// The largest file read: e-invoices are a few hundred kilobytes; a Factur-X
/// PDF with images a few megabytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// The largest XML read (the whole file, or the part embedded in a PDF).
pub const MAX_XML_BYTES: usize = 10 * 1024 * 1024;

/// What the bytes were.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    /// A PDF with the XML embedded (Factur-X / ZUGFeRD).
    Pdf,
    Xml,
}

/// An invoice read from a file, and what it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadInvoice {
    pub invoice: Invoice,
    pub container: Container,
    /// The embedded file's name, for a PDF.
    pub embedded_name: Option<String>,
}

/// Reads an e-invoice file (PDF with embedded XML, or XML) and checks that
/// its figures agree.
pub fn read(bytes: &[u8]) -> Result<ReadInvoice, EInvoiceError> {
    if bytes.is_empty() {
        return Err(EInvoiceError::FileEmpty);
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(EInvoiceError::FileTooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    let (xml, container, embedded_name) = if looks_like_pdf(bytes) {
        let (name, xml) = pdf::embedded_invoice(bytes)?;
        (xml, Container::Pdf, Some(name))
    } else if looks_like_xml(bytes) {
        (bytes.to_vec(), Container::Xml, None)
    } else {
        return Err(EInvoiceError::UnknownFormat);
    };
    let invoice = read_xml(&xml)?;
    check::consistent(&invoice)?;
    Ok(ReadInvoice { invoice, container, embedded_name })
}

/// Reads the XML of an e-invoice (CII or UBL), without the consistency check.
pub fn read_xml(xml: &[u8]) -> Result<Invoice, EInvoiceError> {
    if xml.len() > MAX_XML_BYTES {
        return Err(EInvoiceError::FileTooLarge { size: xml.len() as u64, limit: MAX_XML_BYTES as u64 });
    }
    let root = dom::parse(xml)?;
    match root.name.as_str() {
        "CrossIndustryInvoice" => cii::read(&root),
        "Invoice" | "CreditNote" => ubl::read(&root),
        other => Err(EInvoiceError::NotAnInvoice { root: kindly_xml::excerpt(other) }),
    }
}

fn looks_like_pdf(bytes: &[u8]) -> bool {
    // A PDF may have a few bytes of junk before its header.
    bytes.len() > 5 && bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

fn looks_like_xml(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

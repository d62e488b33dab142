//! Why a file was not read as an e-invoice: one variant per cause, each with
//! a stable `einvoice_…` code and a message that names the business term and
//! where it lives in the XML, so the sender of the file can fix it.

use crate::profile::{Gap, Owner};
use kindly_core::ErrorCode;
use kindly_xml::XmlError;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EInvoiceError {
    #[error("The file is empty.")]
    FileEmpty,
    #[error("The file is too large ({size} bytes; the limit for an e-invoice is {limit} bytes).")]
    FileTooLarge { size: u64, limit: u64 },
    #[error("This file is neither a PDF nor XML, so it is not an e-invoice Kindly can read (Factur-X/ZUGFeRD PDF, XRechnung or UBL XML).")]
    UnknownFormat,
    #[error(
        "The XML is a <{root}> document, not an e-invoice (a CII CrossIndustryInvoice or a UBL Invoice or CreditNote)."
    )]
    NotAnInvoice { root: String },
    #[error("The PDF cannot be read: {detail}")]
    PdfInvalid { detail: String },
    #[error("This PDF has no embedded e-invoice (factur-x.xml); it is a plain PDF.")]
    PdfNoInvoice,
    #[error("The XML at line {line} declares a document type (<!DOCTYPE>); e-invoices never do, so it is refused (no DTD or entity is ever expanded).")]
    XmlDoctypeRefused { line: u64 },
    #[error("The XML at line {line} uses the undefined entity &{name};.")]
    XmlEntityUndefined { line: u64, name: String },
    #[error("{0}")]
    XmlMalformed(String),
    #[error("{0} No e-invoice is that large; the file is refused.")]
    XmlTooLarge(String),
    #[error("The XML has no {term} ({path}).")]
    FieldMissing { term: String, path: &'static str },
    #[error("The XML's {term} ({path}) is \"{value}\": {reason}.")]
    FieldInvalid { term: String, path: &'static str, value: String, reason: String },
    #[error("The e-invoice's figures disagree: {detail}.")]
    TotalsInconsistent { detail: String },
    #[error("{format} needs {}.", list_gaps(gaps))]
    Incomplete { format: &'static str, gaps: Vec<Gap> },
}

/// "your VAT ID (BT-31), the client's buyer reference (Leitweg-ID) (BT-10)"
pub fn list_gaps(gaps: &[Gap]) -> String {
    gaps.iter()
        .map(|g| match g.owner {
            Owner::Seller => format!("your {g}"),
            Owner::Buyer => format!("the client's {g}"),
            Owner::Invoice => format!("the invoice's {g}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl EInvoiceError {
    pub fn code(&self) -> ErrorCode {
        match self {
            EInvoiceError::FileEmpty => ErrorCode::EinvoiceFileEmpty,
            EInvoiceError::FileTooLarge { .. } => ErrorCode::EinvoiceFileTooLarge,
            EInvoiceError::UnknownFormat => ErrorCode::EinvoiceUnknownFormat,
            EInvoiceError::NotAnInvoice { .. } => ErrorCode::EinvoiceNotAnInvoice,
            EInvoiceError::PdfInvalid { .. } => ErrorCode::EinvoicePdfInvalid,
            EInvoiceError::PdfNoInvoice => ErrorCode::EinvoicePdfNoInvoice,
            EInvoiceError::XmlDoctypeRefused { .. } => ErrorCode::EinvoiceXmlDoctypeRefused,
            EInvoiceError::XmlEntityUndefined { .. } => ErrorCode::EinvoiceXmlEntityUndefined,
            EInvoiceError::XmlMalformed(_) => ErrorCode::EinvoiceXmlMalformed,
            EInvoiceError::XmlTooLarge(_) => ErrorCode::EinvoiceXmlTooLarge,
            EInvoiceError::FieldMissing { .. } => ErrorCode::EinvoiceFieldMissing,
            EInvoiceError::FieldInvalid { .. } => ErrorCode::EinvoiceFieldInvalid,
            EInvoiceError::TotalsInconsistent { .. } => ErrorCode::EinvoiceTotalsInconsistent,
            EInvoiceError::Incomplete { .. } => ErrorCode::EinvoiceIncomplete,
        }
    }
}

impl From<XmlError> for EInvoiceError {
    fn from(x: XmlError) -> Self {
        match x {
            XmlError::DoctypeRefused { line } => EInvoiceError::XmlDoctypeRefused { line },
            XmlError::EntityUndefined { line, name } => EInvoiceError::XmlEntityUndefined { line, name },
            e @ (XmlError::TooDeep { .. } | XmlError::TooManyElements { .. }) => {
                EInvoiceError::XmlTooLarge(e.to_string())
            }
            e @ (XmlError::EncodingInvalid { .. } | XmlError::Malformed { .. } | XmlError::Truncated { .. }) => {
                EInvoiceError::XmlMalformed(e.to_string())
            }
        }
    }
}

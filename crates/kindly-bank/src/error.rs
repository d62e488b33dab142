//! Why a bank file was refused: one variant per cause, each with a stable
//! snake_case `code()` (it crosses IPC like every Kindly error code) and a
//! message that names the line, row or column, so the user can open the file
//! and see what is wrong.
//!
//! Positions are 1-based. XML, MT940 and OFX name the *line* of the file; CSV
//! names the *row* (the header is row 1 when it is the first line) and the
//! column by its header text, as a spreadsheet shows it.

use kindly_core::ErrorCode;
use thiserror::Error;

/// A file that could not be read as a bank statement.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseError {
    #[error("The file is empty.")]
    Empty,
    #[error("This file is not a bank statement Kindly can read (camt.053/054 XML or zip, MT940, OFX or CSV).")]
    UnknownFormat,
    #[error("The file is too large ({size} bytes; the limit is {limit} bytes).")]
    TooLarge { size: u64, limit: u64 },
    #[error("The file's text is not valid {expected} (line {line}).")]
    EncodingInvalid { expected: &'static str, line: u64 },

    #[error("The XML is malformed at line {line}: {detail}")]
    XmlMalformed { line: u64, detail: String },
    #[error("The XML ends early, inside <{element}> (line {line}): the file was probably cut off.")]
    XmlTruncated { line: u64, element: String },
    #[error(
        "The XML at line {line} declares a document type (<!DOCTYPE>); bank statements never do, so it is refused."
    )]
    XmlDoctypeRefused { line: u64 },
    #[error("The XML at line {line} uses the undefined entity &{name};.")]
    XmlEntityUndefined { line: u64, name: String },
    #[error("The XML is not a camt.053 or camt.054 statement (versions 001.02 to 001.08){}.", found_suffix(.namespace))]
    CamtUnsupported { namespace: String },

    #[error("Line {line}: the amount \"{value}\" is not a valid amount.")]
    AmountInvalid { line: u64, value: String },
    #[error("Line {line}: the date \"{value}\" is not a valid date.")]
    DateInvalid { line: u64, value: String },
    #[error("Line {line}: \"{value}\" is not a currency Kindly knows.")]
    CurrencyInvalid { line: u64, value: String },
    #[error("Line {line}: {field} is missing.")]
    FieldMissing { line: u64, field: &'static str },

    #[error("The MT940 file is malformed at line {line}: {detail}")]
    Mt940Malformed { line: u64, detail: String },
    #[error("The OFX file is malformed at line {line}: {detail}")]
    OfxMalformed { line: u64, detail: String },

    #[error("The CSV file needs its columns confirmed: {reason}")]
    CsvMappingNeeded { reason: String },
    #[error("Row {row}, column \"{column}\": {detail}")]
    CsvRowInvalid { row: u64, column: String, detail: String },
    #[error("The CSV file is malformed at row {row}: {detail}")]
    CsvMalformed { row: u64, detail: String },

    #[error("The zip archive cannot be read: {detail}")]
    ZipInvalid { detail: String },
    #[error("The zip archive has more than {limit} files.")]
    ZipTooManyMembers { limit: usize },
    #[error("The zip archive unpacks to more than {limit} bytes.")]
    ZipTooLarge { limit: u64 },
    #[error("The zip archive holds no statement file.")]
    ZipEmpty,
    #[error("In the zip archive, \"{member}\" is not a valid statement, so nothing was imported: {source}")]
    ZipMemberInvalid { member: String, source: Box<ParseError> },
}

fn found_suffix(namespace: &str) -> String {
    if namespace.is_empty() {
        String::new()
    } else {
        format!("; it declares \"{namespace}\"")
    }
}

impl ParseError {
    /// The stable code: snake_case, never renamed once shipped.
    pub fn code(&self) -> ErrorCode {
        match self {
            ParseError::Empty => ErrorCode::BankFileEmpty,
            ParseError::UnknownFormat => ErrorCode::BankFileUnknownFormat,
            ParseError::TooLarge { .. } => ErrorCode::BankFileTooLarge,
            ParseError::EncodingInvalid { .. } => ErrorCode::BankFileEncodingInvalid,
            ParseError::XmlMalformed { .. } => ErrorCode::BankXmlMalformed,
            ParseError::XmlTruncated { .. } => ErrorCode::BankXmlTruncated,
            ParseError::XmlDoctypeRefused { .. } => ErrorCode::BankXmlDoctypeRefused,
            ParseError::XmlEntityUndefined { .. } => ErrorCode::BankXmlEntityUndefined,
            ParseError::CamtUnsupported { .. } => ErrorCode::BankCamtUnsupported,
            ParseError::AmountInvalid { .. } => ErrorCode::BankAmountInvalid,
            ParseError::DateInvalid { .. } => ErrorCode::BankDateInvalid,
            ParseError::CurrencyInvalid { .. } => ErrorCode::BankCurrencyInvalid,
            ParseError::FieldMissing { .. } => ErrorCode::BankFieldMissing,
            ParseError::Mt940Malformed { .. } => ErrorCode::BankMt940Malformed,
            ParseError::OfxMalformed { .. } => ErrorCode::BankOfxMalformed,
            ParseError::CsvMappingNeeded { .. } => ErrorCode::BankCsvMappingNeeded,
            ParseError::CsvRowInvalid { .. } => ErrorCode::BankCsvRowInvalid,
            ParseError::CsvMalformed { .. } => ErrorCode::BankCsvMalformed,
            ParseError::ZipInvalid { .. } => ErrorCode::BankZipInvalid,
            ParseError::ZipTooManyMembers { .. } => ErrorCode::BankZipTooManyMembers,
            ParseError::ZipTooLarge { .. } => ErrorCode::BankZipTooLarge,
            ParseError::ZipEmpty => ErrorCode::BankZipEmpty,
            ParseError::ZipMemberInvalid { .. } => ErrorCode::BankZipMemberInvalid,
        }
    }

    /// The line (XML, MT940, OFX) or row (CSV) the error is about, if any.
    pub fn line(&self) -> Option<u64> {
        match self {
            ParseError::EncodingInvalid { line, .. }
            | ParseError::XmlMalformed { line, .. }
            | ParseError::XmlTruncated { line, .. }
            | ParseError::XmlDoctypeRefused { line }
            | ParseError::XmlEntityUndefined { line, .. }
            | ParseError::AmountInvalid { line, .. }
            | ParseError::DateInvalid { line, .. }
            | ParseError::CurrencyInvalid { line, .. }
            | ParseError::FieldMissing { line, .. }
            | ParseError::Mt940Malformed { line, .. }
            | ParseError::OfxMalformed { line, .. } => Some(*line),
            ParseError::CsvRowInvalid { row, .. } | ParseError::CsvMalformed { row, .. } => Some(*row),
            ParseError::ZipMemberInvalid { source, .. } => source.line(),
            _ => None,
        }
    }
}

pub(crate) use kindly_xml::{excerpt, excerpt_n, line_at};

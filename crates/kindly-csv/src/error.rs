//! What stops a file from being read at all. Problems with single rows are
//! not errors: they are [`crate::Problem`]s, all collected and shown together.

use kindly_core::ErrorCode;
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CsvError {
    #[error("the file is {} MB; Kindly imports CSV files up to {} MB: split it into smaller files", size / 1_000_000, limit / 1_000_000)]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("the file is not valid {expected} text (line {line}); choose another encoding")]
    Encoding { expected: &'static str, line: u64 },
    #[error("row {row}: a quoted cell is opened but never closed; close the quote or remove it")]
    UnclosedQuote { row: u64 },
    #[error("row {row}, cell {column}: there is text after a closing quote; quote the whole cell or remove the quote")]
    StrayQuote { row: u64, column: usize },
    #[error("{0}")]
    Mapping(String),
}

impl CsvError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CsvError::TooLarge { .. } => ErrorCode::ImportFileTooLarge,
            CsvError::Empty => ErrorCode::ImportFileEmpty,
            CsvError::Encoding { .. } => ErrorCode::ImportEncodingInvalid,
            CsvError::UnclosedQuote { .. } | CsvError::StrayQuote { .. } => ErrorCode::CsvMalformed,
            CsvError::Mapping(_) => ErrorCode::ImportMappingInvalid,
        }
    }
}

//! CSV in and out of Kindly's records, with no store, clock or Tauri:
//!
//! - [`text`]: bytes into text (UTF-8 ± BOM, UTF-16 LE/BE with or without a
//!   BOM, Windows-1252);
//! - [`reader`]: RFC 4180 records with their line numbers, and the delimiter;
//! - [`number`] and [`date`]: exact amounts with either decimal separator,
//!   and the date formats (shared with kindly-bank's statement CSV);
//! - [`fields`]: what each kind of file holds and the header names that mean
//!   each field in English, German, French and Spanish;
//! - [`presets`]: other tools' column names, one table per tool;
//! - [`mapping`]: the serde mapping the user confirms, and its detection;
//! - [`rows`]: rows into typed records with every problem by row and column;
//! - [`writer`]: the RFC 4180 writer of Kindly's exports (formula cells
//!   neutralised).

pub mod date;
pub mod error;
pub mod excerpt;
pub mod fields;
pub mod mapping;
pub mod number;
pub mod presets;
pub mod reader;
pub mod rows;
pub mod text;
pub mod writer;

pub use date::DateFormat;
pub use error::CsvError;
pub use fields::{ExportKind, ImportField, ImportKind};
pub use mapping::{detect, Detected, FieldColumn, Mapping};
pub use number::DecimalSeparator;
pub use presets::ImportPreset;
pub use rows::{parse, Parsed, Problem, Records};
pub use text::TextEncoding;

/// The largest file Kindly imports: 100,000 invoices with lines take about
/// 20 MB, so 64 MB leaves room while keeping memory bounded.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

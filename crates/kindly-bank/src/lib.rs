//! Kindly's bank statements: read a statement file, then decide which open
//! invoices its entries pay.
//!
//! - [`parse`] reads camt.053/054 XML (or a zip of them), MT940, OFX 1.x/2.x
//!   or a bank's CSV export into a [`Statement`] of [`Entry`]s, each with a
//!   stable [`Entry::id`] (the rule is in [`entry`]). Hostile input gets a
//!   [`ParseError`] with a stable `code()`, never a panic; every parser is
//!   one linear pass.
//! - [`csv_import::detect_csv_mapping`] proposes how to read a CSV export;
//!   the user confirms it and the app keeps it per bank.
//! - [`matching::match_entries`] turns entries plus open invoices plus known
//!   payers into [`matching::Decision`]s: record, review, unmatched, debit.
//! - [`reference`] makes, checks and finds ISO 11649 creditor references.
//!
//! Architecture Invariant: no store, no clock, no file system, no Tauri:
//! bytes and plain values in, values out. Money is `kindly_core::Money`
//! (minor units), never a float.

mod amount;
pub mod camt;
pub mod csv_import;
pub mod detect;
pub mod entry;
pub mod error;
pub mod matching;
pub mod mt940;
pub mod ofx;
pub mod reference;
mod xml;

pub use csv_import::{detect_csv_mapping, CsvMapping, CsvProposal};
pub use detect::detect_format;
pub use entry::{Entry, Format, Section, Statement};
pub use error::ParseError;
pub use matching::{match_entries, Decision, KnownPayers, OpenInvoice, OpenInvoices};

/// The largest file `parse` reads. Callers should check the size before
/// reading a file into memory; this is the backstop.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// Reads a bank statement. `format` may be `Auto`; `csv_mapping` is used for
/// CSV (without it the layout is detected, and refused with
/// `bank_csv_mapping_needed` when detection must ask the user).
pub fn parse(bytes: &[u8], format: Format, csv_mapping: Option<&CsvMapping>) -> Result<Statement, ParseError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ParseError::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    let format = match format {
        Format::Auto => detect_format(bytes)?,
        f => f,
    };
    match format {
        Format::Camt => camt::parse(bytes),
        Format::Mt940 => mt940::parse(bytes),
        Format::Ofx => ofx::parse(bytes),
        Format::Csv | Format::Auto => csv_import::parse(bytes, csv_mapping),
    }
}

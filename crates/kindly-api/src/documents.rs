//! Printable documents: reminder letters (one PDF of every letter due, for
//! window envelopes) and invoice PDFs, saved under the data folder and
//! recorded in the timeline with their SHA-256.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct LettersRequest {
    /// The invoices to write to; empty means every letter due today.
    #[serde(default)]
    pub invoice_ids: Vec<i64>,
    /// "a4" (DIN 5008 form B) or "letter" (US #10 window).
    #[serde(default)]
    pub page_size: String,
    /// Open the system's print path (CUPS `lp`, else the PDF viewer) after saving.
    #[serde(default)]
    pub print: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LettersResult {
    /// Where the PDF was saved.
    pub path: String,
    pub letters: i64,
    pub sha256: String,
    /// How it was handed to the system ("lp", "xdg-open", …), if printing was asked.
    pub printed_with: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InvoicePdfRequest {
    pub invoice_id: i64,
    #[serde(default)]
    pub page_size: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PdfResult {
    pub path: String,
    pub sha256: String,
    pub bytes: i64,
}

//! `kindly import einvoice FILE…`: e-invoices issued elsewhere (Factur-X /
//! ZUGFeRD PDFs, XRechnung and Peppol UBL or CII XML) become issued invoices
//! to chase. Each file gets its own line: imported, already there, or
//! refused with the reason; the exit status is 2 (refused) when any file was.

use crate::output::Out;
use kindly_api::einvoice_import::{self, EInvoiceImportReport, EInvoiceImportRequest, EInvoiceOutcome};
use kindly_api::{ApiError, Ctx};
use std::path::PathBuf;

fn report_text(r: &EInvoiceImportReport) -> String {
    let mut s = String::new();
    for f in &r.files {
        let word = match f.outcome {
            EInvoiceOutcome::Imported => "imported",
            EInvoiceOutcome::AlreadyImported => "already there",
            EInvoiceOutcome::Refused => "refused",
        };
        let code = f.error.as_ref().map(|e| format!(" [{}]", e.code.as_str())).unwrap_or_default();
        s.push_str(&format!("{word}: {}{code}\n", f.message));
    }
    s.push_str(&format!("{} imported, {} already there, {} refused\n", r.imported, r.already_imported, r.refused));
    s
}

pub async fn import(ctx: Ctx<'_>, files: Vec<PathBuf>, o: &Out) -> Result<String, ApiError> {
    let req = EInvoiceImportRequest { paths: files.iter().map(|p| p.display().to_string()).collect() };
    let r = einvoice_import::import_files(ctx, &req).await?;
    if r.refused > 0 {
        o.set_status(crate::EXIT_REFUSED);
    }
    o.value(&r, report_text)
}

//! `kindly import einvoice FILE…`: e-invoices issued elsewhere (Factur-X /
//! ZUGFeRD PDFs, XRechnung and Peppol UBL or CII XML) become issued invoices
//! to chase. Each file gets its own line: imported, already there, or
//! refused with the reason; the exit status is 2 (refused) when any file was.
//!
//! And the e-invoices Kindly writes: `kindly invoices einvoice ID [--format
//! F] [--out FILE]` (with `--credit-note`, ID is a credit note's: its type 381
//! e-invoice), `kindly invoices preflight ID`, `kindly clients
//! einvoice ID [--einvoice-format …]` (and the same flags on `clients add`).

use crate::output::Out;
use kindly_api::einvoice::{self as ei, ClientEInvoiceInput, EInvoiceExportRequest};
use kindly_api::einvoice_import::{self, EInvoiceImportReport, EInvoiceImportRequest, EInvoiceOutcome};
use kindly_api::{ApiError, Ctx};
use kindly_core::vocab::EInvoiceFormat;
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

/// The client e-invoice flags of `clients add` and `clients einvoice`;
/// `None`: not given (keeps the stored value).
#[derive(Debug, Default, clap::Args)]
pub struct EInvoiceFlags {
    /// E-invoice format: none, facturx, xrechnung-ubl, xrechnung-cii or peppol.
    #[arg(long = "einvoice-format", value_parser = crate::values::einvoice_formats(), ignore_case = true)]
    pub format: Option<EInvoiceFormat>,
    /// BT-10: the Leitweg-ID (German public buyers) or the client's order reference.
    #[arg(long)]
    pub buyer_reference: Option<String>,
    /// The client's VAT ID (DE123456789, FR40303265045, …).
    #[arg(long)]
    pub vat_id: Option<String>,
    /// The client's SIREN (France, 9 digits).
    #[arg(long)]
    pub siren: Option<String>,
    /// The client's Peppol ID, scheme:id (0208:0123456749, 9930:DE123456789).
    #[arg(long)]
    pub peppol_id: Option<String>,
    /// The client's country (ISO code, DE, FR, …).
    #[arg(long)]
    pub country: Option<String>,
}

impl EInvoiceFlags {
    fn any(&self) -> bool {
        self.format.is_some()
            || self.buyer_reference.is_some()
            || self.vat_id.is_some()
            || self.siren.is_some()
            || self.peppol_id.is_some()
            || self.country.is_some()
    }

    /// The flags over `base` (the stored details).
    fn over(self, mut base: ClientEInvoiceInput) -> ClientEInvoiceInput {
        base.format = self.format.unwrap_or(base.format);
        base.buyer_reference = self.buyer_reference.unwrap_or(base.buyer_reference);
        base.vat_id = self.vat_id.unwrap_or(base.vat_id);
        base.siren = self.siren.unwrap_or(base.siren);
        base.peppol_id = self.peppol_id.unwrap_or(base.peppol_id);
        base.country = self.country.unwrap_or(base.country);
        base
    }

    /// For `clients add`: the input (client id to be filled in), checked
    /// before anything is stored; `None` when no flag was given.
    pub fn check(self) -> Result<Option<ClientEInvoiceInput>, ApiError> {
        if !self.any() {
            return Ok(None);
        }
        let input = self.over(ClientEInvoiceInput::default());
        kindly_core::einvoice_ids::ClientEInvoice::validate(&kindly_core::einvoice_ids::ClientEInvoiceForm {
            format: input.format,
            buyer_reference: &input.buyer_reference,
            vat_id: &input.vat_id,
            siren: &input.siren,
            peppol_id: &input.peppol_id,
            country: &input.country,
        })?;
        Ok(Some(input))
    }
}

fn client_text(v: &ei::ClientEInvoiceView) -> String {
    let dash = |s: &str| if s.is_empty() { "—".to_string() } else { s.to_string() };
    format!(
        "format: {}\nbuyer reference: {}\nVAT ID: {}\nSIREN: {}\nPeppol ID: {}\ncountry: {}\n",
        v.format.as_str(),
        dash(&v.buyer_reference),
        dash(&v.vat_id),
        dash(&v.siren),
        dash(&v.peppol_id),
        dash(&v.country)
    )
}

pub async fn client(ctx: Ctx<'_>, id: i64, flags: EInvoiceFlags, o: &Out) -> Result<String, ApiError> {
    let now = ei::client_einvoice(ctx, id).await?;
    if !flags.any() {
        return o.value(&now, client_text);
    }
    let base = ClientEInvoiceInput {
        client_id: id,
        format: now.format,
        buyer_reference: now.buyer_reference,
        vat_id: now.vat_id,
        siren: now.siren,
        peppol_id: now.peppol_id,
        country: now.country,
    };
    let saved = ei::save_client_einvoice(ctx, &flags.over(base)).await?;
    o.value(&saved, client_text)
}

pub async fn export(
    ctx: Ctx<'_>,
    fonts: &kindly_pdf::Fonts,
    id: i64,
    credit_note: bool,
    format: Option<EInvoiceFormat>,
    out: Option<PathBuf>,
    o: &Out,
) -> Result<String, ApiError> {
    let out = out.map(|p| p.display().to_string());
    let r = if credit_note {
        ei::export_credit_note(ctx, fonts, &ei::CreditNoteEInvoiceRequest { credit_note_id: id, format, out }).await?
    } else {
        ei::export(ctx, fonts, &EInvoiceExportRequest { invoice_id: id, format, out }).await?
    };
    o.value(&r, |r| format!("{}\n", r.path))
}

pub async fn preflight(ctx: Ctx<'_>, id: i64, format: Option<EInvoiceFormat>, o: &Out) -> Result<String, ApiError> {
    let r = ei::preflight(ctx, id, format).await?;
    o.value(&r, |r| match (&r.message, r.format) {
        (_, EInvoiceFormat::None) => "plain PDF: nothing more is needed\n".to_string(),
        (Some(m), _) => format!("{m}\n"),
        (None, f) => format!("{}: ready\n", f.as_str()),
    })
}

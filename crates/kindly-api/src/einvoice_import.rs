//! Importing e-invoices issued elsewhere (Factur-X / ZUGFeRD PDFs, XRechnung
//! and Peppol UBL or CII XML) as issued invoices to chase.
//!
//! Each file is read and checked by `kindly-einvoice`, mapped to Kindly's
//! invoice (its own number, dates, currency, lines and VAT), and stored in
//! one store transaction with its client (found by VAT ID from earlier
//! imports, else e-mail, else exact name; or created), the amount already
//! paid (BT-113) as a payment, the record of the import and a timeline
//! entry naming the original file and its SHA-256. The original is kept
//! under `imports/` in the data folder as evidence.
//!
//! Kindly's totals, computed from the lines by its own rounding rule, must
//! equal the e-invoice's (BT-109, BT-110, BT-112), or the file is refused
//! with both figures: a chased amount is never one Kindly cannot explain.
//! Document-level allowances and charges (BG-20/21) therefore refuse the
//! file, and so do credit notes (381 …): Kindly has no credit notes yet
//! (issue #16); importing one as an invoice would chase money that is owed
//! the other way.
//!
//! Several files: each gets its own result; one refused file does not stop
//! the others; importing the same file, or the same seller's invoice number,
//! again adds nothing and says so.

use crate::files::{data_dir, io_error, remove_leftover, sha256_hex, write_new};
use crate::views::MoneyView;
use crate::{ApiError, ApiResult, Ctx, ErrorCode};
use chrono::{Days, NaiveDate};
use kindly_core::client::{validate_email, ClientDetails, ClientForm};
use kindly_core::invoice::{compute_totals, LineItem, Totals, QUANTITY_SCALE};
use kindly_core::locale::Locale;
pub use kindly_core::vocab::EInvoiceOutcome;
use kindly_core::{text, Currency, Money};
use kindly_einvoice::model::{Invoice, Line};
use kindly_einvoice::{EInvoiceError, ReadInvoice, MAX_FILE_BYTES};
use kindly_store::{EInvoiceClient, NewEInvoiceImport, NewInvoice, StoreError};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// The files to import, as paths (from the open dialog or dropped files).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct EInvoiceImportRequest {
    pub paths: Vec<String>,
}

/// What became of one file.
#[derive(Debug, Clone, Serialize, TS)]
pub struct EInvoiceFileResult {
    /// The path as given.
    pub path: String,
    /// The file's name, for display.
    pub file_name: String,
    pub outcome: EInvoiceOutcome,
    /// One sentence for people: what was imported, or why not.
    pub message: String,
    /// The invoice created (or the one imported earlier from this file).
    pub invoice_id: Option<i64>,
    pub invoice_number: Option<String>,
    pub client_id: Option<i64>,
    pub client_name: Option<String>,
    pub client_created: bool,
    pub total: Option<MoneyView>,
    /// The SHA-256 of the file, when it could be read.
    pub sha256: Option<String>,
    /// Why the file was refused (`einvoice_…` codes and the rest).
    pub error: Option<ApiError>,
    /// When imported: the invoice's due date (the UI words `message` itself).
    pub due_date: Option<NaiveDate>,
    /// When already there: the file it came from the first time (None when
    /// it was this very file) and the day it was imported.
    pub earlier_file: Option<String>,
    pub earlier_on: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct EInvoiceImportReport {
    pub files: Vec<EInvoiceFileResult>,
    pub imported: u32,
    pub already_imported: u32,
    pub refused: u32,
}

/// Imports each file in turn; see the module doc.
pub async fn import_files(ctx: Ctx<'_>, req: &EInvoiceImportRequest) -> ApiResult<EInvoiceImportReport> {
    let settings = ctx.store.settings().await?;
    let mut report = EInvoiceImportReport { files: Vec::new(), imported: 0, already_imported: 0, refused: 0 };
    for path in &req.paths {
        let file_name =
            Path::new(path).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| path.clone());
        let mut result = EInvoiceFileResult {
            path: path.clone(),
            file_name: file_name.clone(),
            outcome: EInvoiceOutcome::Refused,
            message: String::new(),
            invoice_id: None,
            invoice_number: None,
            client_id: None,
            client_name: None,
            client_created: false,
            total: None,
            sha256: None,
            error: None,
            due_date: None,
            earlier_file: None,
            earlier_on: None,
        };
        if let Err(e) = import_one(ctx, Path::new(path), &file_name, &settings, &mut result).await {
            result.outcome = EInvoiceOutcome::Refused;
            result.message = format!("{file_name} was not imported: {}", e.message);
            result.error = Some(e);
        }
        match result.outcome {
            EInvoiceOutcome::Imported => report.imported += 1,
            EInvoiceOutcome::AlreadyImported => report.already_imported += 1,
            EInvoiceOutcome::Refused => report.refused += 1,
        }
        report.files.push(result);
    }
    Ok(report)
}

async fn import_one(
    ctx: Ctx<'_>,
    path: &Path,
    file_name: &str,
    settings: &kindly_store::Settings,
    out: &mut EInvoiceFileResult,
) -> ApiResult<()> {
    // A 100 MB file is refused before it is read.
    let size = std::fs::metadata(path).map_err(|e| io_error("read", path, &e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(EInvoiceError::FileTooLarge { size, limit: MAX_FILE_BYTES }.into());
    }
    let bytes = std::fs::read(path).map_err(|e| io_error("read", path, &e))?;
    let sha = sha256_hex(&bytes);
    out.sha256 = Some(sha.clone());
    let read = kindly_einvoice::read(&bytes)?;
    let inv = &read.invoice;
    out.invoice_number = Some(inv.number.clone());
    out.total = Some(MoneyView::new(inv.totals.tax_inclusive, inv.currency, settings.locale));
    let seller_key = seller_key(inv);
    if let Some(earlier) = ctx.store.earlier_einvoice_import(&sha, &seller_key, &inv.number).await? {
        already(out, &earlier, &sha, file_name);
        return Ok(());
    }
    if inv.is_credit_note() {
        return Err(ApiError::new(
            ErrorCode::EinvoiceCreditNoteUnsupported,
            format!(
                "{} is a credit note (type {}); credit notes are not imported yet, only invoices to chase.",
                inv.number, inv.type_code
            ),
            Some("file"),
        ));
    }
    let (lines, totals) = kindly_lines(inv)?;
    let issue_date = inv.issue_date;
    let due_date = match inv.due_date {
        Some(d) => d,
        None => issue_date
            .checked_add_days(Days::new(u64::try_from(settings.default_terms_days).unwrap_or(30)))
            .unwrap_or(issue_date),
    };
    if due_date < issue_date {
        return Err(not_representable(format!(
            "its due date (BT-9, {due_date}) is before its issue date (BT-2, {issue_date})"
        )));
    }
    let number = text::single_line(&inv.number, "number", 60)?;
    let (client, client_name) = client_for(ctx, inv, settings.locale).await?;
    // The original, kept before the transaction so the record never names a
    // file that is not there; removed again if nothing is stored.
    let ext = if read.container == kindly_einvoice::Container::Pdf { "pdf" } else { "xml" };
    let dir = data_dir(ctx).join("imports");
    let kept = write_new(&dir, &file_stem(file_name), ext, &bytes)?;
    crate::files::keep_in_database(ctx, &data_dir(ctx), &kept, &bytes).await?;
    let rel = format!("imports/{}", kept.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default());
    let imp = NewEInvoiceImport {
        sha256: sha.clone(),
        seller_key,
        buyer_vat_id: inv.buyer.vat_id.as_deref().map(normalise_vat_id),
        buyer_email: inv.buyer.email.clone(),
        syntax: match inv.syntax {
            kindly_einvoice::Syntax::Cii => "cii",
            kindly_einvoice::Syntax::Ubl => "ubl",
        },
        file_name: file_name.to_string(),
        evidence_path: rel.clone(),
        client,
        invoice: NewInvoice {
            client_id: 0,
            number: Some(number.clone()),
            issue_date,
            due_date,
            currency: inv.currency,
            lines,
            totals,
            notes: invoice_notes(&read, file_name, &sha),
            issue: true,
        },
        paid: (inv.totals.prepaid > 0).then(|| (Money::new(inv.totals.prepaid, inv.currency), issue_date)),
        summary: format!("Invoice {number} imported from the e-invoice {file_name} (SHA-256 {}…)", &sha[..12]),
        data: event_data(&read, file_name, &rel, &sha),
    };
    let stored = match ctx.store.import_einvoice(&imp, ctx.now).await {
        Ok(r) => r,
        Err(e) => {
            remove_leftover(&kept);
            return Err(match e {
                StoreError::DuplicateNumber(n) => ApiError::new(
                    ErrorCode::EinvoiceNumberTaken,
                    format!(
                        "Kindly already has an invoice numbered {n} that was not imported from this seller's e-invoices; \
                         rename one of them first."
                    ),
                    Some("file"),
                ),
                e => e.into(),
            });
        }
    };
    match stored {
        Ok(done) => {
            out.outcome = EInvoiceOutcome::Imported;
            out.invoice_id = Some(done.invoice_id);
            out.client_id = Some(done.client_id);
            out.client_created = done.client_created;
            out.due_date = Some(due_date);
            let who = if done.client_created { format!("new client {client_name}") } else { client_name.clone() };
            out.message = format!(
                "{file_name}: invoice {number} for {who}, {} due {due_date}.",
                Money::new(inv.totals.tax_inclusive, inv.currency).format(settings.locale)
            );
            out.client_name = Some(client_name);
        }
        Err(earlier) => {
            // Imported by someone else meanwhile: this copy of the file is not needed.
            remove_leftover(&kept);
            already(out, &earlier, &sha, file_name);
        }
    }
    Ok(())
}

fn already(out: &mut EInvoiceFileResult, earlier: &kindly_store::EInvoiceImportRecord, sha: &str, file_name: &str) {
    out.outcome = EInvoiceOutcome::AlreadyImported;
    out.invoice_id = Some(earlier.invoice_id);
    out.client_id = Some(earlier.client_id);
    out.invoice_number = Some(earlier.number.clone());
    out.earlier_file = (earlier.sha256 != sha).then(|| earlier.file_name.clone());
    out.earlier_on = Some(earlier.imported_at.get(..10).unwrap_or(&earlier.imported_at).to_string());
    let how = if earlier.sha256 == sha {
        "this file".to_string()
    } else {
        format!("{} (the same seller and number)", earlier.file_name)
    };
    out.message = format!(
        "{file_name}: invoice {} is already there, imported from {how} on {}; nothing was added.",
        earlier.number,
        earlier.imported_at.get(..10).unwrap_or(&earlier.imported_at)
    );
}

fn not_representable(why: String) -> ApiError {
    ApiError::new(
        ErrorCode::EinvoiceNotRepresentable,
        format!("Kindly cannot hold this invoice as it is: {why}."),
        Some("file"),
    )
}

/// Who issued the number: the seller's VAT ID, else its name.
fn seller_key(inv: &Invoice) -> String {
    match &inv.seller.vat_id {
        Some(v) => format!("vat:{}", normalise_vat_id(v)),
        None => format!("name:{}", inv.seller.name.trim().to_lowercase()),
    }
}

fn normalise_vat_id(v: &str) -> String {
    v.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_uppercase()
}

/// The e-invoice's lines as Kindly's, and Kindly's totals of them, which
/// must be the e-invoice's.
fn kindly_lines(inv: &Invoice) -> ApiResult<(Vec<LineItem>, Totals)> {
    if inv.totals.allowance_total != 0 || inv.totals.charge_total != 0 {
        return Err(not_representable(format!(
            "it has document-level allowances ({}) or charges ({}), which Kindly's invoices do not have",
            Money::new(inv.totals.allowance_total, inv.currency).plain(),
            Money::new(inv.totals.charge_total, inv.currency).plain()
        )));
    }
    if inv.totals.rounding != 0 {
        return Err(not_representable(format!(
            "it has a rounding amount (BT-114, {}), which Kindly's invoices do not have",
            Money::new(inv.totals.rounding, inv.currency).plain()
        )));
    }
    let lines = inv.lines.iter().map(|l| kindly_line(l, inv.currency)).collect::<ApiResult<Vec<_>>>()?;
    kindly_core::invoice::check_line_count(lines.len())?;
    let totals = compute_totals(&lines)?;
    let theirs = &inv.totals;
    if totals.subtotal_minor != theirs.tax_exclusive
        || totals.tax_minor != theirs.tax_total
        || totals.total_minor != theirs.tax_inclusive
    {
        let m = |v: i64| Money::new(v, inv.currency).plain();
        return Err(ApiError::new(
            ErrorCode::EinvoiceTotalsDiffer,
            format!(
                "Kindly's totals of these lines are {} without VAT, {} VAT, {} with VAT, but the e-invoice says {} (BT-109), \
                 {} (BT-110), {} (BT-112). Kindly rounds VAT once per rate; the file was not imported so no wrong amount is chased.",
                m(totals.subtotal_minor),
                m(totals.tax_minor),
                m(totals.total_minor),
                m(theirs.tax_exclusive),
                m(theirs.tax_total),
                m(theirs.tax_inclusive)
            ),
            Some("file"),
        ));
    }
    Ok((lines, totals))
}

/// One line: its quantity and unit price when Kindly can hold them exactly
/// (3 decimals of quantity, the currency's minor unit for the price) and
/// they give the line's net amount; otherwise one unit at the line's net
/// amount, the original quantity and price written into the description.
fn kindly_line(l: &Line, currency: Currency) -> ApiResult<LineItem> {
    if l.net_amount < 0 || l.quantity.is_negative() || l.net_price.is_negative() {
        return Err(not_representable(format!(
            "line {} (\"{}\") has a negative amount; Kindly's invoice lines are positive",
            l.id,
            short(&l.name)
        )));
    }
    let tax_rate_bp = match l.vat_rate {
        None => 0,
        Some(r) => r
            .to_scale(2)
            .and_then(|bp| i64::try_from(bp).ok())
            .filter(|bp| (0..=10_000).contains(bp))
            .ok_or_else(|| not_representable(format!("line {} has the VAT rate {r} %", l.id)))?,
    };
    let mut description = l.name.clone();
    if let Some(d) = l.description.as_deref().filter(|d| *d != l.name) {
        description.push('\n');
        description.push_str(d);
    }
    let base = l.price_base_quantity.filter(|b| !b.is_zero());
    let exact = (|| {
        let quantity_milli = i64::try_from(l.quantity.to_scale(u32::from(QUANTITY_SCALE))?).ok()?;
        // A price per base quantity (BT-149) is a price per unit only when it divides exactly.
        let price = match base {
            None => l.net_price.to_scale(u32::from(currency.exponent()))?,
            Some(b) if b.to_scale(0) == Some(1) => l.net_price.to_scale(u32::from(currency.exponent()))?,
            Some(_) => return None,
        };
        let unit_price_minor = i64::try_from(price).ok()?;
        let item = LineItem { description: description.clone(), quantity_milli, unit_price_minor, tax_rate_bp };
        (quantity_milli > 0 && quantity_milli <= 1_000_000_000 && item.net_minor() == i128::from(l.net_amount))
            .then_some(item)
    })();
    let item = match exact {
        Some(item) => item,
        None => {
            let unit = l.unit_code.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            let per = base.map(|b| format!(" per {b}")).unwrap_or_default();
            description.push_str(&format!(" ({}{unit} × {}{per})", l.quantity, l.net_price));
            LineItem {
                description: description.clone(),
                quantity_milli: 1000,
                unit_price_minor: l.net_amount,
                tax_rate_bp,
            }
        }
    };
    let description = text::multi_line(&item.description, "description", 2000)?;
    Ok(LineItem { description, ..item })
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

/// The client: an existing one recognised by VAT ID, e-mail or name, or a
/// new one from the buyer's details.
async fn client_for(ctx: Ctx<'_>, inv: &Invoice, fallback: Locale) -> ApiResult<(EInvoiceClient, String)> {
    let b = &inv.buyer;
    let email = b.email.as_deref().and_then(|e| validate_email(e).ok().flatten());
    let vat = b.vat_id.as_deref().map(normalise_vat_id);
    if let Some((id, _)) = ctx.store.find_import_client(vat.as_deref(), email.as_deref(), b.name.trim()).await? {
        let c = ctx.store.client(id).await?;
        return Ok((EInvoiceClient::Existing(id), c.details.display_name));
    }
    let language = match b.address.country.as_deref() {
        Some("DE" | "AT" | "LI") => Locale::De,
        Some("FR" | "MC" | "LU") => Locale::Fr,
        Some("ES") => Locale::Es,
        Some("GB" | "IE" | "US") => Locale::En,
        _ => fallback,
    };
    let mut notes = vec![format!("Added from the e-invoice {} ({}).", inv.number, inv.syntax.label())];
    if let Some(v) = &b.vat_id {
        notes.push(format!("VAT ID: {v}"));
    }
    if let Some(id) = &b.legal_id {
        notes.push(format!("Legal registration (SIREN or similar): {}{}", id.value, scheme(id.scheme.as_deref())));
    }
    if let Some(id) = &b.electronic_address {
        notes.push(format!("Electronic address (Peppol ID): {}{}", id.value, scheme(id.scheme.as_deref())));
    }
    if let Some(r) = &inv.buyer_reference {
        notes.push(format!("Buyer reference (BT-10, Leitweg-ID): {r}"));
    }
    let emails: Vec<String> = email.into_iter().collect();
    let name = b.name.trim().chars().take(200).collect::<String>();
    let address = b.address.to_lines().join("\n").chars().take(500).collect::<String>();
    let notes = notes.join("\n");
    let form = ClientForm {
        display_name: &name,
        greeting_name: "",
        company: &name,
        emails: &emails,
        phone: "",
        address: &address,
        language: language.code(),
        notes: &notes,
    };
    let details = ClientDetails::validate(&form)?;
    let display = details.display_name.clone();
    Ok((EInvoiceClient::New(details), display))
}

fn scheme(s: Option<&str>) -> String {
    s.map(|s| format!(" (scheme {s})")).unwrap_or_default()
}

fn file_stem(name: &str) -> String {
    let stem = Path::new(name).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let clean: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .take(60)
        .collect();
    if clean.is_empty() {
        "einvoice".into()
    } else {
        clean
    }
}

fn invoice_notes(read: &ReadInvoice, file_name: &str, sha: &str) -> String {
    let inv = &read.invoice;
    let mut out = vec![format!("Imported from the e-invoice {file_name} ({}), SHA-256 {sha}.", inv.syntax.label())];
    if let Some(s) = &inv.specification {
        out.push(format!("Specification: {s}"));
    }
    if let Some(r) = &inv.buyer_reference {
        out.push(format!("Buyer reference: {r}"));
    }
    if let Some(t) = &inv.payment_terms {
        out.push(format!("Payment terms: {t}"));
    }
    if let Some(r) = &inv.payment.remittance {
        out.push(format!("Payment reference: {r}"));
    }
    for a in &inv.payment.accounts {
        out.push(format!(
            "Pay to IBAN {}{}",
            a.iban,
            a.bic.as_deref().map(|b| format!(", BIC {b}")).unwrap_or_default()
        ));
    }
    out.extend(inv.notes.iter().cloned());
    let text: String = out.join("\n").chars().filter(|c| !c.is_control() || *c == '\n').take(10_000).collect();
    text
}

fn event_data(read: &ReadInvoice, file_name: &str, rel: &str, sha: &str) -> serde_json::Value {
    let inv = &read.invoice;
    serde_json::json!({
        "files": [{ "kind": "einvoice", "path": rel, "sha256": sha, "name": file_name }],
        "sha256": sha,
        "number": inv.number,
        "syntax": match inv.syntax { kindly_einvoice::Syntax::Cii => "cii", kindly_einvoice::Syntax::Ubl => "ubl" },
        "specification": inv.specification,
        "embedded_name": read.embedded_name,
        "seller": inv.seller.name,
        "seller_vat_id": inv.seller.vat_id,
        "buyer": inv.buyer.name,
        "buyer_vat_id": inv.buyer.vat_id,
        "buyer_reference": inv.buyer_reference,
        "currency": inv.currency.code(),
        "total": Money::new(inv.totals.tax_inclusive, inv.currency).plain(),
        "paid": Money::new(inv.totals.prepaid, inv.currency).plain(),
        "due": Money::new(inv.totals.payable, inv.currency).plain(),
        "due_date": inv.due_date.map(|d: NaiveDate| d.to_string()),
    })
}

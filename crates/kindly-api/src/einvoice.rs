//! E-invoices Kindly writes (issue #16): each client's format and
//! identifiers, the user's own identifiers, the mapping from Kindly's
//! invoice to the EN 16931 model, what a format still needs (the preflight
//! before an invoice is issued), and the file itself: a Factur-X PDF/A-3b,
//! or XRechnung (UBL, CII) / Peppol BIS 3.0 XML.
//!
//! The model is built from the same store records and the same
//! `compute_totals` as the invoice PDF (`documents::invoice_document`), so
//! the PDF and the XML cannot disagree; a test compares them.

use crate::documents::{file_safe, invoice_document, lines, terms_text, InvoicePdfRequest};
use crate::files::{sha256_hex, write_atomic};
use crate::{ApiError, ApiResult, Ctx};
use kindly_core::einvoice_ids::{self, ClientEInvoice, ClientEInvoiceForm, SellerEInvoice, SellerEInvoiceForm};
use kindly_core::invoice::{compute_totals, InvoiceStatus, LineItem};
pub use kindly_core::vocab::EInvoiceFormat;
use kindly_core::ErrorCode;
use kindly_einvoice::facturx::{make_facturx, PdfAMeta};
use kindly_einvoice::model::{
    Account, Address, DocumentTotals, Identifier, Invoice, Line, Party, PaymentInstructions, VatBreakdown,
    TYPE_CREDIT_NOTE, TYPE_INVOICE,
};
use kindly_einvoice::{cii, ubl, CiiProfile, Format, Gap, Owner, Syntax, UblProfile, XmlDecimal};
use kindly_followup::payment_methods::PaymentMethods;
use kindly_pdf::Fonts;
use kindly_store::{ClientRecord, CreditNoteRecord, InvoiceRecord, Settings};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// The settings key of the user's own e-invoice identifiers.
const SELLER_KEY: &str = "einvoice_seller";

/// A client's e-invoice details as the form shows them.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ClientEInvoiceView {
    pub client_id: i64,
    pub format: EInvoiceFormat,
    pub buyer_reference: String,
    pub vat_id: String,
    pub siren: String,
    pub peppol_id: String,
    pub country: String,
}

/// The client form's e-invoice fields, as typed (empty: none).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ClientEInvoiceInput {
    pub client_id: i64,
    pub format: EInvoiceFormat,
    #[serde(default)]
    pub buyer_reference: String,
    #[serde(default)]
    pub vat_id: String,
    #[serde(default)]
    pub siren: String,
    #[serde(default)]
    pub peppol_id: String,
    #[serde(default)]
    pub country: String,
}

/// The user's own e-invoice identifiers (business settings).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct SellerEInvoiceInput {
    #[serde(default)]
    pub vat_id: String,
    #[serde(default)]
    pub siren: String,
    #[serde(default)]
    pub peppol_id: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub contact_name: String,
}

/// A field a format still needs.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct EInvoiceGapView {
    /// "seller" (your settings), "buyer" (the client) or "invoice".
    pub owner: String,
    /// "BT-10"
    pub term: String,
    pub what: String,
}

/// What an e-invoice format still needs for one invoice.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct EInvoicePreflight {
    pub invoice_id: i64,
    /// The client's format (or the one asked for); `none`: a plain PDF, nothing needed.
    pub format: EInvoiceFormat,
    pub ready: bool,
    pub gaps: Vec<EInvoiceGapView>,
    /// One sentence naming every gap ("XRechnung (UBL) needs the buyer reference … of Acme GmbH and your VAT ID.").
    pub message: Option<String>,
}

/// Writing an invoice's e-invoice to a file.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct EInvoiceExportRequest {
    pub invoice_id: i64,
    /// `None`: the client's format.
    #[serde(default)]
    pub format: Option<EInvoiceFormat>,
    /// Where to write it; `None`: a new file under the data folder's `einvoices/`.
    #[serde(default)]
    pub out: Option<String>,
}

/// Writing a credit note's e-invoice (EN 16931 type 381) to a file.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CreditNoteEInvoiceRequest {
    pub credit_note_id: i64,
    /// `None`: the client's format.
    #[serde(default)]
    pub format: Option<EInvoiceFormat>,
    /// Where to write it; `None`: a new file under the data folder's `einvoices/`.
    #[serde(default)]
    pub out: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct EInvoiceFile {
    pub path: String,
    pub file_name: String,
    pub format: EInvoiceFormat,
    pub sha256: String,
    pub bytes: i64,
}

fn client_view(client_id: i64, e: ClientEInvoice) -> ClientEInvoiceView {
    ClientEInvoiceView {
        client_id,
        format: e.format,
        buyer_reference: e.buyer_reference.unwrap_or_default(),
        vat_id: e.vat_id.unwrap_or_default(),
        siren: e.siren.unwrap_or_default(),
        peppol_id: e.peppol_id.unwrap_or_default(),
        country: e.country.unwrap_or_default(),
    }
}

pub async fn client_einvoice(ctx: Ctx<'_>, client_id: i64) -> ApiResult<ClientEInvoiceView> {
    ctx.store.client(client_id).await?;
    Ok(client_view(client_id, ctx.store.client_einvoice(client_id).await?))
}

/// Checks and saves a client's e-invoice details; nothing is saved when a field is wrong.
pub async fn save_client_einvoice(ctx: Ctx<'_>, input: &ClientEInvoiceInput) -> ApiResult<ClientEInvoiceView> {
    let e = ClientEInvoice::validate(&ClientEInvoiceForm {
        format: input.format,
        buyer_reference: &input.buyer_reference,
        vat_id: &input.vat_id,
        siren: &input.siren,
        peppol_id: &input.peppol_id,
        country: &input.country,
    })?;
    ctx.store.set_client_einvoice(input.client_id, &e, ctx.now).await?;
    Ok(client_view(input.client_id, e))
}

pub(crate) async fn seller(ctx: Ctx<'_>) -> ApiResult<SellerEInvoice> {
    Ok(match ctx.store.setting_json(SELLER_KEY).await? {
        Some(json) => serde_json::from_str(&json).unwrap_or_default(),
        None => SellerEInvoice::default(),
    })
}

pub async fn seller_einvoice(ctx: Ctx<'_>) -> ApiResult<SellerEInvoiceInput> {
    let s = seller(ctx).await?;
    Ok(SellerEInvoiceInput {
        vat_id: s.vat_id.unwrap_or_default(),
        siren: s.siren.unwrap_or_default(),
        peppol_id: s.peppol_id.unwrap_or_default(),
        country: s.country.unwrap_or_default(),
        contact_name: s.contact_name.unwrap_or_default(),
    })
}

pub async fn save_seller_einvoice(ctx: Ctx<'_>, input: &SellerEInvoiceInput) -> ApiResult<SellerEInvoiceInput> {
    let s = SellerEInvoice::validate(&SellerEInvoiceForm {
        vat_id: &input.vat_id,
        siren: &input.siren,
        peppol_id: &input.peppol_id,
        country: &input.country,
        contact_name: &input.contact_name,
    })?;
    let json = serde_json::to_string(&s)
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("Could not save the settings: {e}"), None))?;
    ctx.store.save_setting_json(SELLER_KEY, &json).await?;
    seller_einvoice(ctx).await
}

/// Kindly's format words → the writer's formats.
pub fn format_of(f: EInvoiceFormat) -> Option<Format> {
    match f {
        EInvoiceFormat::None => None,
        EInvoiceFormat::Facturx => Some(Format::FacturX),
        EInvoiceFormat::XrechnungUbl => Some(Format::XRechnungUbl),
        EInvoiceFormat::XrechnungCii => Some(Format::XRechnungCii),
        EInvoiceFormat::Peppol => Some(Format::Peppol),
    }
}

/// Everything the model is made of, read once.
pub(crate) struct Source {
    pub(crate) settings: Settings,
    pub(crate) seller: SellerEInvoice,
    pub(crate) inv: InvoiceRecord,
    pub(crate) client: ClientRecord,
    pub(crate) client_ei: ClientEInvoice,
    pub(crate) pm: PaymentMethods,
}

pub(crate) async fn load(ctx: Ctx<'_>, invoice_id: i64) -> ApiResult<Source> {
    let inv = ctx.store.invoice(invoice_id).await?;
    let client = ctx.store.client(inv.client_id).await?;
    Ok(Source {
        settings: ctx.store.settings().await?,
        seller: seller(ctx).await?,
        client_ei: ctx.store.client_einvoice(inv.client_id).await?,
        pm: ctx.store.payment_methods().await?,
        inv,
        client,
    })
}

/// An exact decimal without trailing zeros ("1.500" → 1.5).
fn dec(mut units: i128, mut scale: u32) -> XmlDecimal {
    while scale > 0 && units % 10 == 0 {
        units /= 10;
        scale -= 1;
    }
    XmlDecimal::from_units(units, scale)
}

/// The country a VAT ID names ("DE…" → DE; Greece writes EL).
fn vat_country(vat: &str) -> Option<String> {
    let cc = vat.get(..2)?;
    cc.bytes().all(|b| b.is_ascii_uppercase()).then(|| if cc == "EL" { "GR".into() } else { cc.to_string() })
}

/// A free-text postal address → BG-5/BG-8: the last line that starts with
/// a postcode ("10115 Berlin", "1011 AB Amsterdam", "75001 Paris") gives
/// postcode and city; the lines before it are the street lines. A last line
/// that is a country name the user typed is left out (the country is a
/// field of its own).
pub(crate) fn address(text: &str, country: Option<String>) -> Address {
    let mut all = lines(text);
    if all.len() > 1 {
        let last = all[all.len() - 1].to_lowercase();
        let country_words = [
            "germany",
            "deutschland",
            "france",
            "belgium",
            "belgique",
            "belgië",
            "netherlands",
            "nederland",
            "austria",
            "österreich",
            "spain",
            "españa",
            "italy",
            "italia",
            "united kingdom",
            "uk",
        ];
        if country_words.contains(&last.as_str()) {
            all.pop();
        }
    }
    let city_at = all.iter().rposition(|l| {
        let first = l.split_whitespace().next().unwrap_or("");
        first.chars().any(|c| c.is_ascii_digit()) && l.split_whitespace().count() > 1
    });
    let (street, postcode, city) = match city_at {
        Some(i) => {
            let line = &all[i];
            let words: Vec<&str> = line.split_whitespace().collect();
            // Dutch postcodes are "1011 AB".
            let two = words.len() > 2
                && words[1].len() == 2
                && words[1].chars().all(|c| c.is_ascii_uppercase())
                && words[0].len() == 4;
            let n = if two { 2 } else { 1 };
            let street: Vec<String> = all[..i].to_vec();
            (street, Some(words[..n].join(" ")), Some(words[n..].join(" ")))
        }
        None => (all, None, None),
    };
    Address { lines: street, city, postcode, subdivision: None, country }
}

fn identifier(peppol: &Option<String>) -> Option<Identifier> {
    let (scheme, id) = peppol.as_deref()?.split_once(':')?;
    Some(Identifier { value: id.to_string(), scheme: Some(scheme.to_string()) })
}

const EU: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
    "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// Kindly's invoice as EN 16931 sees it.
pub(crate) fn model(src: &Source) -> ApiResult<Invoice> {
    let (s, inv, c, ce) = (&src.settings, &src.inv, &src.client, &src.client_ei);
    let cur = inv.currency;
    let exp = u32::from(cur.exponent());
    let items: Vec<LineItem> = inv
        .lines
        .iter()
        .map(|x| LineItem {
            description: x.description.clone(),
            quantity_milli: x.quantity_milli,
            unit_price_minor: x.unit_price_minor,
            tax_rate_bp: x.tax_rate_bp,
        })
        .collect();
    let totals = compute_totals(&items)?;

    // The seller: the business settings and the e-invoice identifiers.
    let tax_id = s.business_tax_id.trim();
    let printed_vat = (!tax_id.is_empty()).then(|| einvoice_ids::vat_id(tax_id).ok()).flatten();
    let seller_vat = src.seller.vat_id.clone().or(printed_vat.clone());
    let tax_registration = (!tax_id.is_empty() && printed_vat.is_none()).then(|| tax_id.to_string());
    let seller_country = src.seller.country.clone().or_else(|| seller_vat.as_deref().and_then(vat_country));
    let blank = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_string());
    let seller = Party {
        name: s.business_name.trim().to_string(),
        trading_name: None,
        address: address(&s.business_address, seller_country.clone()),
        vat_id: seller_vat,
        tax_registration,
        legal_id: src.seller.siren.clone().map(|v| Identifier { value: v, scheme: Some("0002".into()) }),
        contact_name: src.seller.contact_name.clone(),
        phone: blank(&s.business_phone),
        email: blank(&s.business_email),
        electronic_address: identifier(&src.seller.peppol_id),
    };

    // The buyer: the client, and its e-invoice details. A client without a
    // country is taken to be in the user's country (the address is free text).
    let buyer_country =
        ce.country.clone().or_else(|| ce.vat_id.as_deref().and_then(vat_country)).or_else(|| seller_country.clone());
    let (buyer_name, contact) = match &c.details.company {
        Some(co) if !co.trim().is_empty() => (co.trim().to_string(), Some(c.details.display_name.clone())),
        _ => (c.details.display_name.clone(), None),
    };
    let buyer = Party {
        name: buyer_name,
        trading_name: None,
        address: address(&c.details.address, buyer_country.clone()),
        vat_id: ce.vat_id.clone(),
        tax_registration: None,
        legal_id: ce.siren.clone().map(|v| Identifier { value: v, scheme: Some("0002".into()) }),
        contact_name: contact,
        phone: c.details.phone.clone(),
        email: c.details.emails.first().cloned(),
        electronic_address: identifier(&ce.peppol_id),
    };

    // 0 %: reverse charge to a business elsewhere in the EU with a VAT ID,
    // otherwise exempt; the reason is stated (BR-AE-10, BR-E-10).
    let cross_border = buyer.vat_id.is_some()
        && buyer_country.is_some()
        && buyer_country != seller_country
        && buyer_country.as_deref().is_some_and(|b| EU.contains(&b))
        && seller_country.as_deref().is_some_and(|b| EU.contains(&b));
    let category = |rate_bp: i64| -> (&'static str, Option<&'static str>) {
        match (rate_bp, cross_border) {
            (r, _) if r > 0 => ("S", None),
            (_, true) => ("AE", Some("Reverse charge")),
            (_, false) => ("E", Some("Exempt from VAT")),
        }
    };
    let lines_out = items
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let mut text = x.description.lines().map(str::trim).filter(|l| !l.is_empty());
            let name = text.next().unwrap_or("").to_string();
            let rest: Vec<&str> = text.collect();
            Line {
                id: (i + 1).to_string(),
                name,
                description: (!rest.is_empty()).then(|| rest.join("\n")),
                quantity: dec(i128::from(x.quantity_milli), 3),
                unit_code: Some("C62".into()),
                net_price: dec(i128::from(x.unit_price_minor), exp),
                price_base_quantity: None,
                vat_category: category(x.tax_rate_bp).0.to_string(),
                vat_rate: Some(dec(i128::from(x.tax_rate_bp), 2)),
                net_amount: x.net_minor() as i64,
            }
        })
        .collect();
    let vat_breakdown = totals
        .taxes
        .iter()
        .map(|t| {
            let (cat, reason) = category(t.rate_bp);
            VatBreakdown {
                category: cat.to_string(),
                rate: Some(dec(i128::from(t.rate_bp), 2)),
                taxable_amount: t.net_minor,
                tax_amount: t.tax_minor,
                exemption_reason: reason.map(str::to_string),
            }
        })
        .collect();
    let accounts = src
        .pm
        .bank
        .iter()
        .filter(|b| !b.iban.is_empty())
        .map(|b| Account {
            iban: b.iban.clone(),
            name: Some(if b.holder.is_empty() { seller.name.clone() } else { b.holder.clone() }),
            bic: blank(&b.bic),
        })
        .collect::<Vec<_>>();
    let lang = c.details.language;
    let terms = terms_text((inv.due_date - inv.issue_date).num_days(), lang);
    let notes: Vec<String> = Some(inv.notes.trim()).filter(|n| !n.is_empty()).map(str::to_string).into_iter().collect();
    Ok(Invoice {
        syntax: Syntax::Cii,
        specification: None,
        number: inv.number.clone(),
        issue_date: inv.issue_date,
        type_code: TYPE_INVOICE,
        currency: cur,
        due_date: Some(inv.due_date),
        buyer_reference: ce.buyer_reference.clone(),
        payment_terms: Some(terms),
        notes,
        preceding_invoice: None,
        preceding_invoice_date: None,
        seller,
        buyer,
        lines: lines_out,
        vat_breakdown,
        totals: DocumentTotals {
            line_total: totals.subtotal_minor,
            tax_exclusive: totals.subtotal_minor,
            tax_total: totals.tax_minor,
            tax_inclusive: totals.total_minor,
            prepaid: inv.paid_minor,
            payable: totals.total_minor - inv.paid_minor,
            ..DocumentTotals::default()
        },
        payment: PaymentInstructions {
            means_code: (!accounts.is_empty()).then(|| "58".to_string()),
            remittance: Some(inv.creditor_reference.clone().unwrap_or_else(|| inv.number.clone())),
            accounts,
        },
    })
}

fn owner_word(o: Owner) -> &'static str {
    match o {
        Owner::Seller => "seller",
        Owner::Buyer => "buyer",
        Owner::Invoice => "invoice",
    }
}

/// "XRechnung (UBL) needs the buyer reference (Leitweg-ID) of Acme GmbH and your VAT ID."
pub(crate) fn gaps_sentence(format: Format, gaps: &[Gap], client: &str) -> String {
    let parts: Vec<String> = gaps
        .iter()
        .map(|g| match g.owner {
            Owner::Seller => format!("your {} ({})", g.what, g.term),
            Owner::Buyer => format!("the {} of {client} ({})", g.what, g.term),
            Owner::Invoice => format!("the invoice's {} ({})", g.what, g.term),
        })
        .collect();
    let list = match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    format!("{} needs {list}.", format.label())
}

fn incomplete(format: Format, gaps: &[Gap], client: &str) -> ApiError {
    ApiError::new(ErrorCode::EinvoiceIncomplete, gaps_sentence(format, gaps, client), None)
}

/// The gaps of one invoice in one format. A draft has no number yet; it
/// gets one when issued, so BT-1 is not a gap then.
fn gaps_of(src: &Source, inv: &Invoice, format: Format) -> Vec<Gap> {
    kindly_einvoice::profile::gaps(inv, format)
        .into_iter()
        .filter(|g| !(g.term == "BT-1" && src.inv.status == InvoiceStatus::Draft))
        .collect()
}

/// What the client's (or the given) format still needs for this invoice.
pub async fn preflight(ctx: Ctx<'_>, invoice_id: i64, format: Option<EInvoiceFormat>) -> ApiResult<EInvoicePreflight> {
    let src = load(ctx, invoice_id).await?;
    let chosen = format.unwrap_or(src.client_ei.format);
    let Some(f) = format_of(chosen) else {
        return Ok(EInvoicePreflight { invoice_id, format: chosen, ready: true, gaps: Vec::new(), message: None });
    };
    let inv = model(&src)?;
    let gaps = gaps_of(&src, &inv, f);
    let message = (!gaps.is_empty()).then(|| gaps_sentence(f, &gaps, &src.client.details.display_name));
    Ok(EInvoicePreflight {
        invoice_id,
        format: chosen,
        ready: gaps.is_empty(),
        gaps: gaps
            .iter()
            .map(|g| EInvoiceGapView { owner: owner_word(g.owner).into(), term: g.term.into(), what: g.what.into() })
            .collect(),
        message,
    })
}

/// Refuses to issue an invoice whose client gets an e-invoice that would
/// lack fields (`einvoice_incomplete`, every gap named).
pub(crate) async fn require_complete(ctx: Ctx<'_>, invoice_id: i64) -> ApiResult<()> {
    let p = preflight(ctx, invoice_id, None).await?;
    match (p.message, format_of(p.format)) {
        (Some(message), Some(_)) => Err(ApiError::new(ErrorCode::EinvoiceIncomplete, message, None)),
        _ => Ok(()),
    }
}

/// [`require_complete`] for an invoice created issued: checked before
/// anything is stored.
pub(crate) async fn require_complete_new(ctx: Ctx<'_>, new: &kindly_store::NewInvoice) -> ApiResult<()> {
    let client_ei = ctx.store.client_einvoice(new.client_id).await?;
    let Some(f) = format_of(client_ei.format) else { return Ok(()) };
    let client = ctx.store.client(new.client_id).await?;
    let inv = InvoiceRecord {
        id: 0,
        number: new.number.clone().unwrap_or_default(),
        client_id: new.client_id,
        client_name: client.details.display_name.clone(),
        status: InvoiceStatus::Draft,
        issue_date: new.issue_date,
        due_date: new.due_date,
        currency: new.currency,
        subtotal_minor: new.totals.subtotal_minor,
        tax_minor: new.totals.tax_minor,
        total_minor: new.totals.total_minor,
        paid_minor: 0,
        credited_minor: 0,
        received_minor: 0,
        returned_minor: 0,
        notes: new.notes.clone(),
        created_at: ctx.now,
        cancelled_reason: None,
        creditor_reference: None,
        version: 1,
        changed_by: None,
        changed_at: None,
        lines: new
            .lines
            .iter()
            .map(|l| kindly_store::StoredLine {
                description: l.description.clone(),
                quantity_milli: l.quantity_milli,
                unit_price_minor: l.unit_price_minor,
                tax_rate_bp: l.tax_rate_bp,
            })
            .collect(),
    };
    let src = Source {
        settings: ctx.store.settings().await?,
        seller: seller(ctx).await?,
        pm: ctx.store.payment_methods().await?,
        client_ei,
        client,
        inv,
    };
    let gaps = gaps_of(&src, &model(&src)?, f);
    if gaps.is_empty() {
        Ok(())
    } else {
        Err(incomplete(f, &gaps, &src.client.details.display_name))
    }
}

/// The e-invoice's file name, bytes and MIME type.
pub(crate) struct Rendered {
    pub(crate) format: Format,
    pub(crate) file_name: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) mime: &'static str,
}

/// The XML e-invoice of `inv` (any format but Factur-X, whose XML goes into its PDF).
fn xml_file(inv: &Invoice, format: Format, stem: &str) -> ApiResult<Rendered> {
    let (bytes, suffix) = match format {
        Format::FacturX => (cii::write(inv, CiiProfile::FacturX)?, "factur-x"),
        Format::XRechnungCii => (cii::write(inv, CiiProfile::XRechnung)?, "xrechnung"),
        Format::XRechnungUbl => (ubl::write(inv, UblProfile::XRechnung)?, "xrechnung"),
        Format::Peppol => (ubl::write(inv, UblProfile::Peppol)?, "peppol"),
    };
    Ok(Rendered {
        format,
        file_name: format!("{stem}-{suffix}.xml"),
        bytes: bytes.into_bytes(),
        mime: "application/xml",
    })
}

/// A Factur-X PDF/A-3b: `doc` drawn, with the CII of `inv` embedded.
fn facturx_file(
    fonts: &Fonts,
    inv: &Invoice,
    file_name: String,
    doc: &kindly_pdf::InvoiceDoc,
    meta: &kindly_pdf::DocMeta,
) -> ApiResult<Rendered> {
    let xml = cii::write(inv, CiiProfile::FacturX)?;
    let pdfa = PdfAMeta {
        title: meta.title.clone(),
        author: meta.author.clone(),
        created: meta.created,
        producer: "Kindly (printpdf 0.12, lopdf 0.44)".into(),
    };
    let bytes = kindly_pdf::render_invoice_with(fonts, doc, meta, &mut |lo| {
        make_facturx(lo, xml.as_bytes(), &pdfa).map_err(|e| kindly_pdf::PdfError::Render { reason: e.to_string() })
    })
    .map_err(ApiError::from)?;
    Ok(Rendered { format: Format::FacturX, file_name, bytes, mime: "application/pdf" })
}

/// Writes the invoice in `format`: the Factur-X PDF drawn from the same
/// records as the plain PDF, or the XML.
pub(crate) async fn render(ctx: Ctx<'_>, fonts: &Fonts, invoice_id: i64, format: Format) -> ApiResult<Rendered> {
    let src = load(ctx, invoice_id).await?;
    let inv = model(&src)?;
    let gaps = gaps_of(&src, &inv, format);
    if !gaps.is_empty() {
        return Err(incomplete(format, &gaps, &src.client.details.display_name));
    }
    match format {
        Format::FacturX => {
            let req = InvoicePdfRequest { invoice_id, page_size: None };
            let (name, doc, meta) = invoice_document(ctx, &req).await?;
            facturx_file(fonts, &inv, name, &doc, &meta)
        }
        _ => xml_file(&inv, format, &file_safe(&src.inv.number)),
    }
}

/// A credit note as EN 16931 sees it (type 381): the credited invoice's
/// parties and payment details, BT-25/BT-26 naming that invoice, one line
/// per VAT rate as the credit note's PDF shows it, and the VAT breakdown
/// exactly the credit note's own split (`kindly_core::credit`). Amounts are
/// positive, as EN 16931 wants of a credit note; nothing was prepaid on it,
/// so BT-115 is what it credits.
pub(crate) fn credit_model(src: &Source, note: &CreditNoteRecord) -> ApiResult<Invoice> {
    let base = model(src)?;
    let exp = u32::from(note.amount.currency.exponent());
    let lang = src.client.details.language;
    // Each rate keeps the category (and exemption reason) it has on the invoice.
    let category_of = |rate_bp: i64| -> (String, Option<String>) {
        let rate = dec(i128::from(rate_bp), 2);
        match base.vat_breakdown.iter().find(|v| v.rate == Some(rate)) {
            Some(v) => (v.category.clone(), v.exemption_reason.clone()),
            None if rate_bp > 0 => ("S".into(), None),
            None => ("E".into(), Some("Exempt from VAT".into())),
        }
    };
    let name = crate::corrections::credit_line_name(note, lang);
    let lines = note
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| Line {
            id: (i + 1).to_string(),
            name: name.clone(),
            description: None,
            quantity: dec(1, 0),
            unit_code: Some("C62".into()),
            net_price: dec(i128::from(p.net_minor), exp),
            price_base_quantity: None,
            vat_category: category_of(p.rate_bp).0,
            vat_rate: Some(dec(i128::from(p.rate_bp), 2)),
            net_amount: p.net_minor,
        })
        .collect();
    let vat_breakdown = note
        .parts
        .iter()
        .map(|p| {
            let (category, exemption_reason) = category_of(p.rate_bp);
            VatBreakdown {
                category,
                rate: Some(dec(i128::from(p.rate_bp), 2)),
                taxable_amount: p.net_minor,
                tax_amount: p.tax_minor,
                exemption_reason,
            }
        })
        .collect();
    let terms = kindly_i18n::tr(lang, "einvoice-credit-terms", &[("invoice", note.invoice_number.clone().into())]);
    Ok(Invoice {
        number: note.number.clone(),
        issue_date: note.issue_date,
        type_code: TYPE_CREDIT_NOTE,
        due_date: None,
        payment_terms: Some(terms),
        notes: vec![note.reason.clone()],
        preceding_invoice: Some(note.invoice_number.clone()),
        preceding_invoice_date: Some(note.invoice_issue_date),
        lines,
        vat_breakdown,
        totals: DocumentTotals {
            line_total: note.net_minor,
            tax_exclusive: note.net_minor,
            tax_total: note.tax_minor,
            tax_inclusive: note.amount.minor,
            prepaid: 0,
            payable: note.amount.minor,
            ..DocumentTotals::default()
        },
        payment: PaymentInstructions { remittance: Some(note.number.clone()), ..base.payment.clone() },
        ..base
    })
}

/// Writes a credit note in `format`: the Factur-X PDF drawn like its plain
/// PDF, or the XML (UBL `CreditNote`, CII type 381).
pub(crate) async fn render_credit_note(
    ctx: Ctx<'_>,
    fonts: &Fonts,
    note: &CreditNoteRecord,
    format: Format,
) -> ApiResult<Rendered> {
    let src = load(ctx, note.invoice_id).await?;
    let inv = credit_model(&src, note)?;
    let gaps = kindly_einvoice::profile::gaps(&inv, format);
    if !gaps.is_empty() {
        return Err(incomplete(format, &gaps, &src.client.details.display_name));
    }
    match format {
        Format::FacturX => {
            let (doc, meta) = crate::corrections::credit_note_document(ctx, note, None).await?;
            facturx_file(fonts, &inv, crate::documents::invoice_pdf_name(&note.number), &doc, &meta)
        }
        _ => xml_file(&inv, format, &file_safe(&note.number)),
    }
}

/// The format asked for, or the client's; a client on plain PDFs needs one chosen.
fn chosen_format(requested: Option<EInvoiceFormat>, client: EInvoiceFormat) -> ApiResult<(EInvoiceFormat, Format)> {
    let chosen = requested.unwrap_or(client);
    let format = format_of(chosen).ok_or_else(|| {
        ApiError::new(
            ErrorCode::EinvoiceIncomplete,
            "This client gets plain PDF invoices; choose an e-invoice format (Factur-X, XRechnung UBL or CII, Peppol) for the client or for this export.",
            Some("format"),
        )
    })?;
    Ok((chosen, format))
}

/// Writes `r` to `out`, or to a new file under the data folder's `einvoices/`.
async fn save(ctx: Ctx<'_>, r: &Rendered, chosen: EInvoiceFormat, out: Option<&str>) -> ApiResult<EInvoiceFile> {
    let path = match out.filter(|o| !o.trim().is_empty()) {
        Some(out) => {
            let p = Path::new(out).to_path_buf();
            write_atomic(&p, &r.bytes)?;
            p
        }
        None => {
            let (stem, ext) = r.file_name.rsplit_once('.').unwrap_or((&r.file_name, "xml"));
            crate::files::keep_new(ctx, "einvoices", stem, ext, &r.bytes).await?
        }
    };
    Ok(EInvoiceFile {
        path: path.display().to_string(),
        file_name: r.file_name.clone(),
        format: chosen,
        sha256: sha256_hex(&r.bytes),
        bytes: r.bytes.len() as i64,
    })
}

/// Writes a credit note's e-invoice (type 381, BT-25/BT-26 naming the
/// credited invoice) to `out` (or a new file under the data folder's
/// `einvoices/`), in the client's format unless another is asked for.
pub async fn export_credit_note(
    ctx: Ctx<'_>,
    fonts: &Fonts,
    req: &CreditNoteEInvoiceRequest,
) -> ApiResult<EInvoiceFile> {
    let note = ctx.store.credit_note(req.credit_note_id).await?;
    let (chosen, format) = chosen_format(req.format, ctx.store.client_einvoice(note.client_id).await?.format)?;
    let r = render_credit_note(ctx, fonts, &note, format).await?;
    save(ctx, &r, chosen, req.out.as_deref()).await
}

/// Writes an invoice's e-invoice to `out` (or a new file under the data
/// folder's `einvoices/`).
pub async fn export(ctx: Ctx<'_>, fonts: &Fonts, req: &EInvoiceExportRequest) -> ApiResult<EInvoiceFile> {
    let client = ctx.store.client_einvoice(ctx.store.invoice(req.invoice_id).await?.client_id).await?.format;
    let (chosen, format) = chosen_format(req.format, client)?;
    let r = render(ctx, fonts, req.invoice_id, format).await?;
    save(ctx, &r, chosen, req.out.as_deref()).await
}

/// The sentence an e-mail adds when it carries the e-invoice.
pub(crate) fn attached_sentence(format: Format, lang: kindly_core::locale::Locale) -> String {
    use kindly_core::locale::Locale;
    let f = format.label();
    match lang {
        Locale::De => format!("Die E-Rechnung ({f}) ist beigefügt."),
        Locale::Fr => format!("La facture électronique ({f}) est jointe."),
        Locale::Es => format!("Se adjunta la factura electrónica ({f})."),
        _ => format!("The e-invoice ({f}) is attached."),
    }
}

/// For the e-mail: the invoice as the client gets it, when it gets an
/// e-invoice (`None`: a plain PDF).
pub(crate) async fn attachment_for(ctx: Ctx<'_>, fonts: &Fonts, invoice_id: i64) -> ApiResult<Option<Rendered>> {
    let client_id = ctx.store.invoice(invoice_id).await?.client_id;
    match format_of(ctx.store.client_einvoice(client_id).await?.format) {
        Some(f) => Ok(Some(render(ctx, fonts, invoice_id, f).await?)),
        None => Ok(None),
    }
}

/// What the invoice PDF draws and the EN 16931 model of the same invoice,
/// from one read of the store: for the test that the two agree, and for
/// the benchmark. Not an IPC call.
pub async fn pdf_and_model(ctx: Ctx<'_>, invoice_id: i64) -> ApiResult<(kindly_pdf::InvoiceDoc, Invoice)> {
    let src = load(ctx, invoice_id).await?;
    let req = InvoicePdfRequest { invoice_id, page_size: None };
    let (_, doc, _) = invoice_document(ctx, &req).await?;
    Ok((doc, model(&src)?))
}

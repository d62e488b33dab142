//! Printable documents: reminder letters (one PDF of every letter due, for
//! window envelopes) and invoice PDFs, saved under the data folder and
//! recorded in the timeline with their SHA-256.
//!
//! Fonts are parsed once per process by the caller (`kindly_pdf::Fonts`)
//! and passed in, like the clock.

use crate::{ApiError, ApiResult, Ctx};
use kindly_core::invoice::{compute_totals, format_tax_rate, LineItem};
use kindly_core::locale::Locale;
use kindly_core::{decimal, Money};
use kindly_pdf::{DocMeta, Fonts, InvoiceDoc, LetterDoc, PageSize, Party, Qr, Table, TotalLine};
use kindly_store::InvoiceRecord;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InvoicePdfRequest {
    pub invoice_id: i64,
    #[serde(default)]
    pub page_size: Option<PageSize>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PdfResult {
    pub path: String,
    pub sha256: String,
    pub bytes: i64,
}

/// A page size typed by a person ("a4", "letter"; blank: the locale's).
/// The paper every document uses when none was chosen: US Letter for
/// English, A4 for the other languages. The one owner of this rule: the UI
/// gets it in `SettingsView::paper_size`.
pub fn default_page_size(locale: Locale) -> PageSize {
    match locale {
        Locale::En => PageSize::Letter,
        Locale::De | Locale::Fr | Locale::Es => PageSize::A4,
    }
}

/// The chosen paper size, or the default for the user's language.
pub fn page_size(chosen: Option<PageSize>, locale: Locale) -> PageSize {
    chosen.unwrap_or_else(|| default_page_size(locale))
}

/// Payment terms in words ("30 days"), in the language.
pub(crate) fn terms_text(days: i64, lang: Locale) -> String {
    match lang {
        Locale::En => format!("{days} days"),
        Locale::De => format!("{days} Tage"),
        Locale::Fr => format!("{days} jours"),
        Locale::Es => format!("{days} días"),
    }
}

/// Words printed on letters and invoices, per language.
pub(crate) struct Labels {
    pub(crate) invoice: &'static str,
    pub(crate) issued: &'static str,
    pub(crate) due: &'static str,
    pub(crate) total: &'static str,
    pub(crate) grand_total: &'static str,
    pub(crate) owing: &'static str,
    pub(crate) total_owing: &'static str,
    pub(crate) scan: &'static str,
    pub(crate) description: &'static str,
    pub(crate) qty: &'static str,
    pub(crate) unit: &'static str,
    pub(crate) tax: &'static str,
    pub(crate) amount: &'static str,
    pub(crate) subtotal: &'static str,
    pub(crate) paid: &'static str,
    /// What credit notes took off the invoice.
    pub(crate) credited: &'static str,
    pub(crate) terms: &'static str,
    pub(crate) reference: &'static str,
}

pub(crate) fn labels(lang: Locale) -> Labels {
    match lang {
        Locale::En => Labels {
            invoice: "Invoice",
            issued: "Invoice date",
            due: "Due date",
            total: "Amount",
            grand_total: "Total",
            owing: "Still owing",
            total_owing: "Total still owing",
            scan: "Scan with your banking app to pay the amount still owing",
            description: "Description",
            qty: "Qty",
            unit: "Unit price",
            tax: "Tax",
            amount: "Amount",
            subtotal: "Subtotal",
            paid: "Paid",
            credited: "Credited",
            terms: "Payment terms",
            reference: "Payment reference",
        },
        Locale::De => Labels {
            invoice: "Rechnung",
            issued: "Datum",
            due: "Fällig am",
            total: "Betrag",
            grand_total: "Gesamtbetrag",
            owing: "Noch offen",
            total_owing: "Insgesamt noch offen",
            scan: "Mit der Banking-App scannen, um den offenen Betrag zu überweisen",
            description: "Beschreibung",
            qty: "Menge",
            unit: "Einzelpreis",
            tax: "USt.",
            amount: "Betrag",
            subtotal: "Zwischensumme",
            paid: "Bezahlt",
            credited: "Gutgeschrieben",
            terms: "Zahlungsziel",
            reference: "Verwendungszweck",
        },
        Locale::Fr => Labels {
            invoice: "Facture",
            issued: "Date de facture",
            due: "Échéance",
            total: "Montant",
            grand_total: "Total",
            owing: "Restant dû",
            total_owing: "Total restant dû",
            scan: "Scannez avec votre application bancaire pour régler le montant restant",
            description: "Description",
            qty: "Qté",
            unit: "Prix unitaire",
            tax: "TVA",
            amount: "Montant",
            subtotal: "Sous-total",
            paid: "Payé",
            credited: "Avoirs",
            terms: "Conditions de paiement",
            reference: "Référence de paiement",
        },
        Locale::Es => Labels {
            invoice: "Factura",
            issued: "Fecha de factura",
            due: "Vencimiento",
            total: "Importe",
            grand_total: "Total",
            owing: "Pendiente",
            total_owing: "Total pendiente",
            scan: "Escanee con su app bancaria para pagar el importe pendiente",
            description: "Descripción",
            qty: "Cant.",
            unit: "Precio unitario",
            tax: "IVA",
            amount: "Importe",
            subtotal: "Subtotal",
            paid: "Pagado",
            credited: "Abonado",
            terms: "Condiciones de pago",
            reference: "Referencia de pago",
        },
    }
}

pub(crate) fn lines(s: &str) -> Vec<String> {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

pub(crate) struct Sender {
    pub(crate) party: Party,
    pub(crate) contact: Vec<String>,
    pub(crate) footer: Vec<String>,
}

pub(crate) async fn sender(ctx: Ctx<'_>) -> ApiResult<Sender> {
    let s = ctx.store.settings().await?;
    let name = if s.business_name.is_empty() { "Kindly".to_string() } else { s.business_name.clone() };
    let contact: Vec<String> =
        [s.business_email.clone(), s.business_phone.clone()].into_iter().filter(|x| !x.is_empty()).collect();
    let mut footer = vec![name.clone()];
    footer.extend(lines(&s.business_address));
    footer.extend(contact.iter().cloned());
    Ok(Sender {
        party: Party { name, address_lines: lines(&s.business_address) },
        contact,
        footer: vec![footer.join(" · ")],
    })
}

pub(crate) fn recipient(c: &kindly_store::ClientRecord) -> Party {
    let mut address_lines = Vec::new();
    if let Some(co) = &c.details.company {
        address_lines.push(co.clone());
    }
    address_lines.extend(lines(&c.details.address));
    Party { name: c.details.display_name.clone(), address_lines }
}

pub(crate) use crate::files::{data_dir, sha256_hex};

/// A creditor reference as printed: groups of four ("RF34 0000 0042").
pub(crate) fn format_reference(rf: &str) -> String {
    kindly_followup::payment_methods::format_iban(rf)
}

/// The file name of an invoice's PDF, as saved and as attached to e-mails.
pub(crate) fn invoice_pdf_name(number: &str) -> String {
    format!("{}.pdf", file_safe(number))
}

/// The file name of a reminder letter attached to an e-mail.
pub(crate) fn reminder_letter_name(numbers: &[String]) -> String {
    let safe: Vec<String> = numbers.iter().map(|n| file_safe(n)).collect();
    format!("Reminder-{}.pdf", safe.join("_"))
}

/// Whether an e-mail for this step also carries the reminder letter as it
/// would be printed: only the most formal tone (the final notice by
/// default), where a copy to file or pass to whoever pays the bills helps.
pub(crate) fn attaches_letter(stage: &kindly_followup::ladder::Stage) -> bool {
    stage.tone == kindly_followup::ladder::Tone::CourteousFirm
}

/// A file-name-safe version of an invoice number.
pub(crate) fn file_safe(s: &str) -> String {
    s.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

/// The line a printed letter adds for a client who gets e-invoices: the
/// invoice was issued as an e-invoice (the format named) and can be sent
/// again. The e-mail's counterpart is `einvoice::attached_sentence`.
pub(crate) fn einvoice_letter_sentence(format: kindly_einvoice::Format, invoices: usize, lang: Locale) -> String {
    let count = i64::try_from(invoices.max(1)).unwrap_or(1);
    kindly_i18n::tr(lang, "letter-einvoice-issued", &[("count", count.into()), ("format", format.label().into())])
}

/// The reminder letter for one client's invoices: the message of the step
/// due, split into greeting, paragraphs and closing around a table of the
/// invoices, with the EPC payment QR code for EUR. Printed in the day's
/// letters, and attached to the most formal e-mails. For a client who gets
/// e-invoices (`einvoice`: their format) it says so, as the e-mail does
/// ([`einvoice_letter_sentence`]).
pub(crate) fn reminder_letter(
    ctx: Ctx<'_>,
    page: PageSize,
    from: &Sender,
    client: &kindly_store::ClientRecord,
    invoices: &[InvoiceRecord],
    msg: &crate::views::MessagePreview,
    einvoice: Option<kindly_einvoice::Format>,
) -> LetterDoc {
    let lang = client.details.language;
    let l = labels(lang);
    let mut paragraphs: Vec<String> =
        msg.body.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    let greeting = if paragraphs.first().is_some_and(|p| !p.contains('\n') && p.len() < 120) {
        paragraphs.remove(0)
    } else {
        String::new()
    };
    // The template's last paragraph is the closing and signature; the
    // letter prints the table of invoices before it.
    let (closing, signature) = match paragraphs.pop() {
        Some(last) if !paragraphs.is_empty() && last.lines().count() <= 6 => {
            let mut it = last.lines().map(str::to_string);
            (it.next().unwrap_or_default(), it.collect())
        }
        Some(last) => {
            paragraphs.push(last);
            (String::new(), Vec::new())
        }
        None => (String::new(), Vec::new()),
    };
    let mut rows = Vec::new();
    for i in invoices {
        rows.push(vec![
            i.number.clone(),
            lang.format_date(i.issue_date),
            lang.format_date(i.due_date),
            Money::new(i.total_minor, i.currency).format(lang),
            i.outstanding().format(lang),
        ]);
    }
    let mut owing: Vec<Money> = Vec::new();
    for i in invoices {
        match owing.iter_mut().find(|m| m.currency == i.currency) {
            Some(m) => m.minor += i.outstanding().minor,
            None => owing.push(i.outstanding()),
        }
    }
    let total_owing = owing.iter().map(|m| m.format(lang)).collect::<Vec<_>>().join(" + ");
    if let Some(f) = einvoice {
        paragraphs.push(einvoice_letter_sentence(f, invoices.len(), lang));
    }
    LetterDoc {
        page,
        sender: from.party.clone(),
        sender_contact: from.contact.clone(),
        recipient: recipient(client),
        date_line: lang.format_date(ctx.today),
        reference_line: match invoices {
            [one] if one.creditor_reference.is_some() => format!(
                "{} {} · {} {}",
                l.invoice,
                one.number,
                l.reference,
                format_reference(one.creditor_reference.as_deref().unwrap_or_default())
            ),
            _ => format!("{} {}", l.invoice, msg.invoice_numbers.join(", ")),
        },
        subject: msg.subject.clone(),
        greeting,
        body: paragraphs,
        table: Some(Table {
            headers: vec![l.invoice.into(), l.issued.into(), l.due.into(), l.total.into(), l.owing.into()],
            rows,
            right_align: vec![3, 4],
            total: Some(vec![String::new(), String::new(), String::new(), l.total_owing.into(), total_owing]),
        }),
        payment_methods: Vec::new(),
        qr: msg.epc_payload.clone().map(|payload| Qr { payload, caption: l.scan.into() }),
        closing,
        signature,
        footer: from.footer.clone(),
    }
}

/// Renders an invoice as a PDF and saves it under the data folder.
pub async fn invoice_pdf(ctx: Ctx<'_>, fonts: &Fonts, req: &InvoicePdfRequest) -> ApiResult<PdfResult> {
    crate::business::require(ctx, kindly_core::vocab::Correspondence::InvoiceDocument).await?;
    let (name, bytes) = render_invoice_pdf(ctx, fonts, req).await?;
    let sha = sha256_hex(&bytes);
    let stem = crate::files::stamped(ctx, name.trim_end_matches(".pdf"));
    let path = crate::files::keep_new(ctx, "invoices", &stem, "pdf", &bytes).await?;
    Ok(PdfResult { path: path.display().to_string(), sha256: sha, bytes: bytes.len() as i64 })
}

/// An invoice as PDF bytes, with the file name to give it (e.g. for an e-mail attachment).
pub(crate) async fn render_invoice_pdf(
    ctx: Ctx<'_>,
    fonts: &Fonts,
    req: &InvoicePdfRequest,
) -> ApiResult<(String, Vec<u8>)> {
    let (name, doc, meta) = invoice_document(ctx, req).await?;
    let bytes = kindly_pdf::render_invoice(fonts, &doc, &meta).map_err(ApiError::from)?;
    Ok((name, bytes))
}

/// What an invoice's PDF shows (its file name, the layout's input and the
/// metadata), read from the store: the Factur-X PDF draws the same.
pub(crate) async fn invoice_document(
    ctx: Ctx<'_>,
    req: &InvoicePdfRequest,
) -> ApiResult<(String, InvoiceDoc, DocMeta)> {
    let settings = ctx.store.settings().await?;
    let inv = ctx.store.invoice(req.invoice_id).await?;
    let client = ctx.store.client(inv.client_id).await?;
    let lang = client.details.language;
    let page = page_size(req.page_size, settings.locale);
    let l = labels(lang);
    let from = sender(ctx).await?;
    let fmt = |m: i64| Money::new(m, inv.currency).format(lang);
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
    let rows = items
        .iter()
        .map(|x| {
            vec![
                x.description.clone(),
                decimal::format_scaled_trimmed(i128::from(x.quantity_milli), 3),
                fmt(x.unit_price_minor),
                format!("{} %", format_tax_rate(x.tax_rate_bp)),
                fmt(x.net_minor() as i64),
            ]
        })
        .collect();
    let mut total_lines =
        vec![TotalLine { label: l.subtotal.into(), amount: fmt(totals.subtotal_minor), emphasis: false }];
    for t in totals.taxes.iter().filter(|t| t.rate_bp > 0) {
        total_lines.push(TotalLine {
            label: format!("{} {} %", l.tax, format_tax_rate(t.rate_bp)),
            amount: fmt(t.tax_minor),
            emphasis: false,
        });
    }
    total_lines.push(TotalLine { label: l.grand_total.into(), amount: fmt(totals.total_minor), emphasis: true });
    if inv.paid_minor > 0 {
        // paid_minor also counts credit notes (0017): they get their own line,
        // and "Paid" is money received.
        if inv.credited_minor > 0 {
            total_lines.push(TotalLine { label: l.credited.into(), amount: fmt(inv.credited_minor), emphasis: false });
        }
        total_lines.push(TotalLine { label: l.paid.into(), amount: fmt(inv.net_paid_minor()), emphasis: false });
        total_lines.push(TotalLine { label: l.owing.into(), amount: inv.outstanding().format(lang), emphasis: true });
    }
    let pm = ctx.store.payment_methods().await?;
    let qr = match (&pm.bank, inv.outstanding()) {
        (Some(b), owing) if owing.minor > 0 && owing.currency.code() == "EUR" && !b.iban.is_empty() => {
            let name = if b.holder.is_empty() { from.party.name.clone() } else { b.holder.clone() };
            match &inv.creditor_reference {
                Some(rf) => {
                    kindly_followup::epc::payload_with_reference(&b.bic, &name, &b.iban, owing, rf, &inv.number)
                }
                None => kindly_followup::epc::payload(&b.bic, &name, &b.iban, owing, &inv.number),
            }
            .ok()
            .map(|payload| Qr { payload, caption: l.scan.into() })
        }
        _ => None,
    };
    let terms = (inv.due_date - inv.issue_date).num_days();
    let terms = terms_text(terms, lang);
    let mut notes = vec![format!("{}: {terms} · {} {}", l.terms, l.due, lang.format_date(inv.due_date))];
    notes.extend(lines(&inv.notes));
    // France: the late-payment penalty rate and the €40 indemnité on every B2B invoice (L441-10 II).
    notes.extend(crate::interest::invoice_mentions(ctx, &inv).await?);
    let doc = InvoiceDoc {
        page,
        sender: from.party.clone(),
        sender_contact: from.contact.clone(),
        recipient: recipient(&client),
        title: l.invoice.into(),
        number: inv.number.clone(),
        details: vec![
            (l.issued.into(), lang.format_date(inv.issue_date)),
            (l.due.into(), lang.format_date(inv.due_date)),
        ]
        .into_iter()
        .chain(inv.creditor_reference.as_deref().map(|rf| (l.reference.to_string(), format_reference(rf))))
        .collect(),
        intro: Vec::new(),
        lines: Table {
            headers: vec![l.description.into(), l.qty.into(), l.unit.into(), l.tax.into(), l.amount.into()],
            rows,
            right_align: vec![1, 2, 3, 4],
            total: None,
        },
        totals: total_lines,
        notes,
        payment_methods: pm.lines_with_reference(lang, Some(inv.creditor_reference.as_deref().unwrap_or(&inv.number))),
        qr,
        footer: from.footer.clone(),
    };
    let meta = DocMeta::new(format!("{} {}", l.invoice, inv.number), from.party.name.clone(), ctx.now.naive_utc());
    Ok((invoice_pdf_name(&inv.number), doc, meta))
}

//! Corrections (issue #16): credit notes (full or partial, split over the
//! invoice's VAT rates to the cent, their own number), reversal of a payment
//! recorded by mistake, refunds of the client's credit. Each is one
//! transaction in the store with its timeline entry; the balances, states,
//! Today and the overview follow through the schema (migration 0017).

use crate::views::MoneyView;
use crate::{ApiResult, Ctx};
use chrono::NaiveDate;
use kindly_core::invoice::{format_tax_rate, parse_date};
use kindly_core::money::parse_minor;
use kindly_core::payment::PaymentMethod;
use kindly_core::{text, Money};
use kindly_store::{CreditNoteRecord, NewCreditNote};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Issue a credit note on an invoice.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct CreditNoteInput {
    pub invoice_id: i64,
    /// Decimal text in the invoice's currency; empty: everything still creditable (a full credit note).
    #[serde(default)]
    pub amount: String,
    pub reason: String,
    /// YYYY-MM-DD; empty means today.
    #[serde(default)]
    pub date: String,
}

/// Reverse a payment recorded by mistake.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ReversalInput {
    pub payment_id: i64,
    pub reason: String,
    /// YYYY-MM-DD; empty means today.
    #[serde(default)]
    pub date: String,
}

/// Pay money back to the client out of their credit on an invoice.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct RefundInput {
    pub invoice_id: i64,
    /// Decimal text in the invoice's currency.
    pub amount: String,
    pub method: PaymentMethod,
    pub reason: String,
    /// YYYY-MM-DD; empty means today.
    #[serde(default)]
    pub date: String,
}

/// One rate's share of a credit note.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CreditPartView {
    /// Percent, e.g. "20" or "7.7".
    pub rate: String,
    pub net: MoneyView,
    pub tax: MoneyView,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CreditNoteView {
    pub id: i64,
    pub number: String,
    pub invoice_id: i64,
    pub invoice_number: String,
    /// YYYY-MM-DD: the credited invoice's issue date (what a type 381 e-invoice refers to).
    pub invoice_issue_date: String,
    /// YYYY-MM-DD.
    pub issue_date: String,
    pub amount: MoneyView,
    pub net: MoneyView,
    pub tax: MoneyView,
    /// True when it credited everything that remained.
    pub full: bool,
    pub reason: String,
    pub parts: Vec<CreditPartView>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RefundView {
    pub id: i64,
    pub amount: MoneyView,
    /// YYYY-MM-DD.
    pub refunded_on: String,
    pub method: PaymentMethod,
    pub method_label: String,
    pub reason: String,
}

/// What a correction left: the invoice's balance afterwards.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CorrectionOutcome {
    /// The new row's id (credit note, reversal or refund).
    pub id: i64,
    /// The credit note's number (credit notes only).
    pub number: Option<String>,
    pub invoice_id: i64,
    pub invoice_number: String,
    /// What is still owing on the invoice.
    pub outstanding: MoneyView,
    /// The client's credit on the invoice (to refund), zero when none.
    pub client_credit: MoneyView,
    pub credited: MoneyView,
}

fn day(ctx: Ctx<'_>, s: &str) -> ApiResult<NaiveDate> {
    Ok(match s.trim() {
        "" => ctx.today,
        s => parse_date(s, "date")?,
    })
}

fn reason(s: &str) -> ApiResult<String> {
    let r = text::multi_line(s, "reason", 1000)?;
    if r.is_empty() {
        return Err(kindly_core::DomainError::Required { field: "reason" }.into());
    }
    Ok(r)
}

async fn outcome(ctx: Ctx<'_>, id: i64, number: Option<String>, invoice_id: i64) -> ApiResult<CorrectionOutcome> {
    let locale = ctx.store.settings().await?.locale;
    let inv = ctx.store.invoice(invoice_id).await?;
    let mv = |m: i64| MoneyView::new(m, inv.currency, locale);
    Ok(CorrectionOutcome {
        id,
        number,
        invoice_id,
        invoice_number: inv.number.clone(),
        outstanding: mv(inv.outstanding().minor),
        client_credit: mv(inv.client_credit_minor()),
        credited: mv(inv.credited_minor),
    })
}

/// Issues a credit note (full when no amount is given).
pub async fn credit(ctx: Ctx<'_>, input: &CreditNoteInput) -> ApiResult<CorrectionOutcome> {
    let inv = ctx.store.invoice(input.invoice_id).await?;
    let amount_minor = match input.amount.trim() {
        "" => None,
        s => Some(parse_minor(s, inv.currency, "amount")?),
    };
    if amount_minor == Some(0) {
        return Err(kindly_core::DomainError::Required { field: "amount" }.into());
    }
    let reason = reason(&input.reason)?;
    let issue_date = day(ctx, &input.date)?;
    let n = NewCreditNote { invoice_id: inv.id, amount_minor, issue_date, reason: &reason };
    let id = ctx.store.issue_credit_note(&n, ctx.now).await?;
    let note = ctx.store.credit_note(id).await?;
    // A credit note may complete an installment plan: record it now.
    crate::plans::refresh_or_log(ctx).await;
    outcome(ctx, id, Some(note.number), inv.id).await
}

/// Reverses a payment recorded by mistake.
pub async fn reverse(ctx: Ctx<'_>, input: &ReversalInput) -> ApiResult<CorrectionOutcome> {
    let reason = reason(&input.reason)?;
    let date = day(ctx, &input.date)?;
    let (id, invoice_id) = ctx.store.reverse_payment(input.payment_id, date, &reason, ctx.now).await?;
    // A reversed installment payment can put a plan behind: record it now.
    crate::plans::refresh_or_log(ctx).await;
    outcome(ctx, id, None, invoice_id).await
}

/// Records a refund of the client's credit on an invoice.
pub async fn refund(ctx: Ctx<'_>, input: &RefundInput) -> ApiResult<CorrectionOutcome> {
    let inv = ctx.store.invoice(input.invoice_id).await?;
    let amount = parse_minor(&input.amount, inv.currency, "amount")?;
    if amount <= 0 {
        return Err(kindly_core::DomainError::Required { field: "amount" }.into());
    }
    let reason = reason(&input.reason)?;
    let date = day(ctx, &input.date)?;
    let id =
        ctx.store.record_refund(inv.id, Money::new(amount, inv.currency), date, input.method, &reason, ctx.now).await?;
    outcome(ctx, id, None, inv.id).await
}

pub fn credit_note_view(n: &CreditNoteRecord, locale: kindly_core::locale::Locale) -> CreditNoteView {
    let mv = |m: i64| MoneyView::new(m, n.amount.currency, locale);
    CreditNoteView {
        id: n.id,
        number: n.number.clone(),
        invoice_id: n.invoice_id,
        invoice_number: n.invoice_number.clone(),
        invoice_issue_date: n.invoice_issue_date.to_string(),
        issue_date: n.issue_date.to_string(),
        amount: mv(n.amount.minor),
        net: mv(n.net_minor),
        tax: mv(n.tax_minor),
        full: n.full,
        reason: n.reason.clone(),
        parts: n
            .parts
            .iter()
            .map(|p| CreditPartView { rate: format_tax_rate(p.rate_bp), net: mv(p.net_minor), tax: mv(p.tax_minor) })
            .collect(),
    }
}

/// An invoice's credit notes, oldest first.
pub async fn credit_notes(ctx: Ctx<'_>, invoice_id: i64) -> ApiResult<Vec<CreditNoteView>> {
    let locale = ctx.store.settings().await?.locale;
    Ok(ctx.store.credit_notes(invoice_id).await?.iter().map(|n| credit_note_view(n, locale)).collect())
}

/// One credit note (what a PDF or an e-invoice of type 381 is made from).
pub async fn credit_note(ctx: Ctx<'_>, id: i64) -> ApiResult<CreditNoteView> {
    let locale = ctx.store.settings().await?.locale;
    Ok(credit_note_view(&ctx.store.credit_note(id).await?, locale))
}

/// The words of a credit note, per language.
struct CreditLabels {
    title: &'static str,
    date: &'static str,
    invoice: &'static str,
    invoice_date: &'static str,
    reason: &'static str,
    line: &'static str,
    rate: &'static str,
    net: &'static str,
    tax: &'static str,
    credited: &'static str,
}

fn credit_labels(lang: kindly_core::locale::Locale) -> CreditLabels {
    use kindly_core::locale::Locale;
    match lang {
        Locale::En => CreditLabels {
            title: "Credit note",
            date: "Credit note date",
            invoice: "For invoice",
            invoice_date: "Invoice date",
            reason: "Reason",
            line: "Credit on invoice",
            rate: "VAT",
            net: "Net",
            tax: "VAT",
            credited: "Total credited",
        },
        Locale::De => CreditLabels {
            title: "Gutschrift",
            date: "Datum",
            invoice: "Zu Rechnung",
            invoice_date: "Rechnungsdatum",
            reason: "Grund",
            line: "Gutschrift zu Rechnung",
            rate: "USt.",
            net: "Netto",
            tax: "USt.",
            credited: "Gutgeschrieben",
        },
        Locale::Fr => CreditLabels {
            title: "Avoir",
            date: "Date de l'avoir",
            invoice: "Facture",
            invoice_date: "Date de la facture",
            reason: "Motif",
            line: "Avoir sur la facture",
            rate: "TVA",
            net: "HT",
            tax: "TVA",
            credited: "Total crédité",
        },
        Locale::Es => CreditLabels {
            title: "Factura rectificativa",
            date: "Fecha",
            invoice: "Factura",
            invoice_date: "Fecha de la factura",
            reason: "Motivo",
            line: "Abono de la factura",
            rate: "IVA",
            net: "Base",
            tax: "IVA",
            credited: "Total abonado",
        },
    }
}

/// Ask for a credit note's PDF.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CreditNotePdfRequest {
    pub credit_note_id: i64,
    #[serde(default)]
    pub page_size: Option<kindly_pdf::PageSize>,
}

/// What a credit note's PDF draws (laid out like the invoice, kindly-pdf's
/// `render_invoice`): titled "Credit note", naming the original invoice's
/// number and date and the reason, one line per VAT rate, amounts stated as
/// credited (never negative). The plain PDF and the Factur-X PDF of a credit
/// note are both drawn from it.
pub(crate) async fn credit_note_document(
    ctx: Ctx<'_>,
    note: &CreditNoteRecord,
    page_size: Option<kindly_pdf::PageSize>,
) -> ApiResult<(kindly_pdf::InvoiceDoc, kindly_pdf::DocMeta)> {
    use crate::documents::{page_size as page, recipient, sender};
    use kindly_pdf::{DocMeta, InvoiceDoc, Table, TotalLine};
    crate::business::require(ctx, kindly_core::vocab::Correspondence::InvoiceDocument).await?;
    let settings = ctx.store.settings().await?;
    let client = ctx.store.client(note.client_id).await?;
    let lang = client.details.language;
    let l = credit_labels(lang);
    let from = sender(ctx).await?;
    let fmt = |m: i64| Money::new(m, note.amount.currency).format(lang);
    let rows = note
        .parts
        .iter()
        .map(|p| {
            vec![
                format!("{} {}", l.line, note.invoice_number),
                format!("{} %", format_tax_rate(p.rate_bp)),
                fmt(p.net_minor),
                fmt(p.tax_minor),
                fmt(p.gross_minor()),
            ]
        })
        .collect();
    let mut totals = vec![TotalLine { label: l.net.into(), amount: fmt(note.net_minor), emphasis: false }];
    for p in note.parts.iter().filter(|p| p.rate_bp > 0) {
        totals.push(TotalLine {
            label: format!("{} {} %", l.tax, format_tax_rate(p.rate_bp)),
            amount: fmt(p.tax_minor),
            emphasis: false,
        });
    }
    totals.push(TotalLine { label: l.credited.into(), amount: fmt(note.amount.minor), emphasis: true });
    let doc = InvoiceDoc {
        page: page(page_size, settings.locale),
        sender: from.party.clone(),
        sender_contact: from.contact.clone(),
        recipient: recipient(&client),
        title: l.title.into(),
        number: note.number.clone(),
        details: vec![
            (l.date.into(), lang.format_date(note.issue_date)),
            (l.invoice.into(), note.invoice_number.clone()),
            (l.invoice_date.into(), lang.format_date(note.invoice_issue_date)),
        ],
        intro: vec![format!("{}: {}", l.reason, note.reason)],
        lines: Table {
            headers: vec![l.line.into(), l.rate.into(), l.net.into(), l.tax.into(), l.credited.into()],
            rows,
            right_align: vec![1, 2, 3, 4],
            total: None,
        },
        totals,
        notes: Vec::new(),
        payment_methods: Vec::new(),
        qr: None,
        footer: from.footer.clone(),
    };
    let meta = DocMeta::new(format!("{} {}", l.title, note.number), from.party.name.clone(), ctx.now.naive_utc());
    Ok((doc, meta))
}

/// The line of a credit note's e-invoice, one per VAT rate, as its PDF names
/// it ("Credit on invoice RE-2026-0001").
pub(crate) fn credit_line_name(note: &CreditNoteRecord, lang: kindly_core::locale::Locale) -> String {
    format!("{} {}", credit_labels(lang).line, note.invoice_number)
}

/// A credit note as a PDF ([`credit_note_document`]), kept under
/// `<data dir>/credit-notes/` with its SHA-256, never overwriting a file.
pub async fn credit_note_pdf(
    ctx: Ctx<'_>,
    fonts: &kindly_pdf::Fonts,
    req: &CreditNotePdfRequest,
) -> ApiResult<crate::documents::PdfResult> {
    use crate::documents::PdfResult;
    let note = ctx.store.credit_note(req.credit_note_id).await?;
    let (doc, meta) = credit_note_document(ctx, &note, req.page_size).await?;
    let bytes = kindly_pdf::render_invoice(fonts, &doc, &meta).map_err(crate::ApiError::from)?;
    let sha = crate::files::sha256_hex(&bytes);
    let stem = crate::files::stamped(ctx, &crate::documents::invoice_pdf_name(&note.number).replace(".pdf", ""));
    let path = crate::files::keep_new(ctx, "credit-notes", &stem, "pdf", &bytes).await?;
    Ok(PdfResult { path: path.display().to_string(), sha256: sha, bytes: bytes.len() as i64 })
}

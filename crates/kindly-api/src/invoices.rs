//! Invoice use cases: live totals for the editor, create (draft or issued),
//! edit a draft, issue, cancel, list with state filters, show.

use crate::views::stored;
use crate::views::{MoneyView, Page, TimelineItem};
use crate::{ApiError, ApiResult, Ctx};
use chrono::NaiveDate;
use kindly_core::invoice::{
    check_line_count, compute_totals, days_overdue, format_tax_rate, parse_date, resolve_due_date, validate_line,
    InvoiceState, InvoiceStatus, LineForm, LineItem, Totals,
};
use kindly_core::locale::Locale;
use kindly_core::payment::PaymentMethod;
use kindly_core::vocab::{AgingBucket, HoldKind};
use kindly_core::ErrorCode;
use kindly_core::{decimal, text, Currency, Money};
use kindly_store::{InvoiceListRow, InvoiceQuery, InvoiceSort, NewInvoice};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct LineInput {
    pub description: String,
    /// Decimal text, e.g. "1.5"; blank means 1.
    #[serde(default)]
    pub quantity: String,
    /// Decimal text in the invoice's currency, e.g. "80.00".
    pub unit_price: String,
    /// Percent, e.g. "20" or "7.7"; blank means 0.
    #[serde(default)]
    pub tax_rate: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct InvoiceInput {
    pub client_id: i64,
    /// Leave empty to number from the pattern in settings.
    #[serde(default)]
    pub number: String,
    /// YYYY-MM-DD.
    pub issue_date: String,
    /// YYYY-MM-DD, or empty to use `terms_days`.
    #[serde(default)]
    pub due_date: String,
    #[serde(default)]
    pub terms_days: Option<i64>,
    pub currency: String,
    pub lines: Vec<LineInput>,
    #[serde(default)]
    pub notes: String,
    /// Issue at once (immutable from then on) rather than save a draft.
    #[serde(default)]
    pub issue: bool,
    /// Updating a draft: the version the edit was made on (`InvoiceDetail::version`,
    /// issue #19); if someone changed the draft since, nothing is saved
    /// (`changed_elsewhere`). None: the current version (a script that reads
    /// and writes at once). Creating: ignored.
    #[serde(default)]
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct TotalsRequest {
    pub currency: String,
    pub lines: Vec<LineInput>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TaxView {
    /// Percent, e.g. "20".
    pub rate: String,
    pub net: MoneyView,
    pub tax: MoneyView,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TotalsView {
    pub subtotal: MoneyView,
    pub taxes: Vec<TaxView>,
    pub tax: MoneyView,
    pub total: MoneyView,
    /// Each line's net, in order, for the editor.
    pub line_nets: Vec<MoneyView>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct InvoiceRow {
    pub id: i64,
    pub number: String,
    pub client_id: i64,
    pub client_name: String,
    /// overdue, due_soon, partially_paid, open, draft, paid, cancelled.
    pub state: InvoiceState,
    pub issue_date: String,
    pub due_date: String,
    pub total: MoneyView,
    pub outstanding: MoneyView,
    pub days_overdue: i64,
    pub part_paid: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LineView {
    pub description: String,
    pub quantity: String,
    pub unit_price: MoneyView,
    pub tax_rate: String,
    pub net: MoneyView,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PaymentView {
    pub id: i64,
    pub amount: MoneyView,
    pub paid_on: String,
    pub method: PaymentMethod,
    pub method_label: String,
    pub reference: Option<String>,
    /// YYYY-MM-DD when the payment was reversed (it no longer counts), else null.
    pub reversed_on: Option<String>,
    pub reversal_reason: Option<String>,
    /// The member who recorded it (issue #19), when one was named.
    pub made_by: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct InvoiceDetail {
    pub id: i64,
    pub number: String,
    pub client_id: i64,
    pub client_name: String,
    pub status: InvoiceStatus,
    pub state: InvoiceState,
    pub issue_date: String,
    pub due_date: String,
    pub currency: String,
    pub lines: Vec<LineView>,
    pub totals: TotalsView,
    /// Money received that still counts: payments less reversals and refunds.
    pub paid: MoneyView,
    /// The sum of its credit notes.
    pub credited: MoneyView,
    /// What a credit note can still credit (total − credited): a full credit note's amount.
    pub creditable: MoneyView,
    /// The client's credit on this invoice (credit notes and payments beyond
    /// its total) until refunded; zero when none.
    pub client_credit: MoneyView,
    /// Credit notes cover the whole total (shown as "Credited").
    pub fully_credited: bool,
    pub outstanding: MoneyView,
    pub days_overdue: i64,
    pub notes: String,
    /// Bumped by each edit, issue or cancellation; an edit sends back the one it was made on.
    pub version: i64,
    /// Who made the last change and when (RFC 3339, UTC), once someone has.
    pub changed_by: Option<String>,
    pub changed_at: Option<String>,
    pub cancelled_reason: Option<String>,
    /// The ISO 11649 creditor reference payers quote ("RF3400000042"; printed in groups of four).
    pub creditor_reference: Option<String>,
    pub payments: Vec<PaymentView>,
    pub credit_notes: Vec<crate::corrections::CreditNoteView>,
    pub refunds: Vec<crate::corrections::RefundView>,
    pub timeline: Vec<TimelineItem>,
    pub can_edit: bool,
    pub can_pay: bool,
    pub can_cancel: bool,
    /// Issued and not yet credited in full.
    pub can_credit: bool,
    /// The client has credit on it to pay back.
    pub can_refund: bool,
    /// Follow-ups on hold: "disputed", "paused", or null.
    pub hold: Option<HoldKind>,
    pub hold_until: Option<String>,
    pub hold_reason: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct InvoiceListRequest {
    /// One of the states, or empty for all.
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub client_id: Option<i64>,
    #[serde(default)]
    pub search: String,
    /// "attention" (default: overdue first), "due_asc", "due_desc", "newest", "number".
    #[serde(default)]
    pub sort: InvoiceSort,
    /// Only invoices in this currency (an ISO 4217 code).
    #[serde(default)]
    #[ts(type = "string | null")]
    pub currency: Option<Currency>,
    /// Only open invoices (issued, something owing) whose due date lies in this bucket today.
    #[serde(default)]
    pub aging: Option<AgingBucket>,
    /// Due dates from / to (YYYY-MM-DD, inclusive); empty or null: unbounded.
    #[serde(default)]
    pub due_from: Option<String>,
    #[serde(default)]
    pub due_to: Option<String>,
    /// Issue dates from / to (YYYY-MM-DD, inclusive); empty or null: unbounded.
    #[serde(default)]
    pub issued_from: Option<String>,
    #[serde(default)]
    pub issued_to: Option<String>,
    /// Only issued invoices with something still owing.
    #[serde(default)]
    pub open_only: bool,
    /// Issued invoices only (no drafts, none cancelled): what the overview's
    /// "invoiced" counts.
    #[serde(default)]
    pub issued_only: bool,
    #[serde(default)]
    pub offset: i64,
    #[serde(default)]
    pub limit: i64,
}

/// An optional YYYY-MM-DD bound of a list filter: empty or absent is none; a
/// bad date is an `invalid_date` error naming its field.
pub(crate) fn optional_date(s: &Option<String>, field: &'static str) -> ApiResult<Option<NaiveDate>> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Ok(Some(parse_date(s, field)?)),
        None => Ok(None),
    }
}

/// A period given by two optional dates; the end before the start is refused.
pub(crate) fn period(
    from: &Option<String>,
    to: &Option<String>,
    fields: (&'static str, &'static str),
) -> ApiResult<(Option<NaiveDate>, Option<NaiveDate>)> {
    let (from, to) = (optional_date(from, fields.0)?, optional_date(to, fields.1)?);
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(ApiError::new(
                ErrorCode::RangeReversed,
                format!("The end day {t} is before the start day {f}."),
                Some(fields.1),
            ));
        }
    }
    Ok((from, to))
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CreatedInvoice {
    pub id: i64,
    pub number: String,
}

/// Every line checked, each problem named by its path (`lines[2].unit_price`),
/// so one call tells the editor every line to fix.
fn parse_lines(lines: &[LineInput], currency: Currency) -> Result<Vec<LineItem>, Vec<ApiError>> {
    check_line_count(lines.len()).map_err(|e| vec![ApiError::from(e)])?;
    let mut items = Vec::with_capacity(lines.len());
    let mut problems = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let form = LineForm {
            description: &l.description,
            quantity: &l.quantity,
            unit_price: &l.unit_price,
            tax_rate: &l.tax_rate,
        };
        match validate_line(i, &form, currency) {
            Ok(item) => items.push(item),
            Err(e) => problems.push(ApiError::from(e).in_list("lines", i)),
        }
    }
    if problems.is_empty() {
        Ok(items)
    } else {
        Err(problems)
    }
}

/// The first problem, for calls that answer with one error.
fn first(mut problems: Vec<ApiError>) -> ApiError {
    problems.swap_remove(0)
}

fn totals_view(lines: &[LineItem], t: &Totals, currency: Currency, locale: Locale) -> TotalsView {
    let mv = |m: i64| MoneyView::new(m, currency, locale);
    TotalsView {
        subtotal: mv(t.subtotal_minor),
        taxes: t
            .taxes
            .iter()
            .map(|x| TaxView { rate: format_tax_rate(x.rate_bp), net: mv(x.net_minor), tax: mv(x.tax_minor) })
            .collect(),
        tax: mv(t.tax_minor),
        total: mv(t.total_minor),
        line_nets: lines.iter().map(|l| mv(l.net_minor() as i64)).collect(),
    }
}

/// Live totals for the editor, or every problem of every line: the same
/// rules as saving, so what the user sees is what gets stored.
pub async fn preview_totals(ctx: Ctx<'_>, req: &TotalsRequest) -> ApiResult<TotalsPreview> {
    let settings = ctx.store.settings().await?;
    let currency = Currency::parse(&req.currency)?;
    let lines = match parse_lines(&req.lines, currency) {
        Ok(lines) => lines,
        Err(problems) => return Ok(TotalsPreview { totals: None, problems }),
    };
    match compute_totals(&lines) {
        Ok(t) => {
            Ok(TotalsPreview { totals: Some(totals_view(&lines, &t, currency, settings.locale)), problems: vec![] })
        }
        Err(e) => Ok(TotalsPreview { totals: None, problems: vec![e.into()] }),
    }
}

/// What the editor shows while typing: the totals, or what to fix.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TotalsPreview {
    pub totals: Option<TotalsView>,
    /// Each problem once, its `field` a path such as `lines[2].unit_price`.
    pub problems: Vec<ApiError>,
}

fn new_invoice(input: &InvoiceInput) -> ApiResult<NewInvoice> {
    let currency = Currency::parse(&input.currency)?;
    let issue_date = parse_date(&input.issue_date, "issue_date")?;
    let due = match input.due_date.trim() {
        "" => None,
        s => Some(parse_date(s, "due_date")?),
    };
    let due_date = resolve_due_date(issue_date, due, input.terms_days)?;
    let lines = parse_lines(&input.lines, currency).map_err(first)?;
    let totals = compute_totals(&lines)?;
    let number = text::optional_single_line(&input.number, "number", 60)?;
    let notes = text::multi_line(&input.notes, "notes", 10_000)?;
    Ok(NewInvoice {
        client_id: input.client_id,
        number,
        issue_date,
        due_date,
        currency,
        lines,
        totals,
        notes,
        issue: input.issue,
    })
}

pub async fn create(ctx: Ctx<'_>, input: &InvoiceInput) -> ApiResult<CreatedInvoice> {
    let inv = new_invoice(input)?;
    if inv.issue {
        crate::einvoice::require_complete_new(ctx, &inv).await?;
    }
    let (id, number) = ctx.store.create_invoice(&inv, ctx.now).await?;
    Ok(CreatedInvoice { id, number })
}

pub async fn update_draft(ctx: Ctx<'_>, id: i64, input: &InvoiceInput) -> ApiResult<()> {
    let inv = new_invoice(input)?;
    let version = match input.version {
        Some(v) => v,
        None => ctx.store.invoice(id).await?.version,
    };
    Ok(ctx.store.update_draft(id, version, &inv, ctx.now).await?)
}

pub async fn issue(ctx: Ctx<'_>, id: i64) -> ApiResult<()> {
    // A client who gets e-invoices gets a complete one, or the invoice stays a draft.
    crate::einvoice::require_complete(ctx, id).await?;
    Ok(ctx.store.issue_invoice(id, ctx.now).await?)
}

pub async fn cancel(ctx: Ctx<'_>, id: i64, reason: &str) -> ApiResult<()> {
    let reason = text::multi_line(reason, "reason", 1000)?;
    let inv = ctx.store.invoice(id).await?;
    if inv.paid_minor > 0 {
        return Err(ApiError::new(
            ErrorCode::InvoiceHasPayments,
            format!("Invoice {} has payments recorded; it cannot be cancelled. Record a credit instead.", inv.number),
            None,
        ));
    }
    if inv.status == InvoiceStatus::Cancelled {
        return Err(ApiError::new(
            ErrorCode::AlreadyCancelled,
            format!("Invoice {} is already cancelled.", inv.number),
            None,
        ));
    }
    Ok(ctx.store.cancel_invoice(id, &reason, ctx.now).await?)
}

pub(crate) fn invoice_row(r: InvoiceListRow, today: NaiveDate, locale: Locale) -> InvoiceRow {
    let owing = if r.status == InvoiceStatus::Issued { r.total_minor - r.paid_minor } else { 0 };
    InvoiceRow {
        id: r.id,
        number: r.number,
        client_id: r.client_id,
        client_name: r.client_name,
        state: r.state,
        issue_date: r.issue_date.to_string(),
        due_date: r.due_date.to_string(),
        total: MoneyView::new(r.total_minor, r.currency, locale),
        outstanding: MoneyView::new(owing, r.currency, locale),
        days_overdue: if r.state == InvoiceState::Overdue { days_overdue(r.due_date, today) } else { 0 },
        part_paid: r.paid_minor > 0 && r.paid_minor < r.total_minor,
    }
}

/// The sort keys [`list`] understands (the CLI offers exactly these).
pub const SORTS: [&str; 5] = ["attention", "due_asc", "due_desc", "newest", "number"];

/// A sort key of [`SORTS`]; `None` for anything else.
pub fn parse_sort(s: &str) -> Option<InvoiceSort> {
    match s {
        "attention" => Some(InvoiceSort::Attention),
        "due_asc" => Some(InvoiceSort::DueAsc),
        "due_desc" => Some(InvoiceSort::DueDesc),
        "newest" => Some(InvoiceSort::Newest),
        "number" => Some(InvoiceSort::NumberAsc),
        _ => None,
    }
}

pub async fn list(ctx: Ctx<'_>, req: &InvoiceListRequest) -> ApiResult<Page<InvoiceRow>> {
    let settings = ctx.store.settings().await?;
    let state = match req.state.trim() {
        "" | "all" => None,
        s => Some(InvoiceState::parse(s).ok_or_else(|| {
            ApiError::new(ErrorCode::InvalidState, format!("Unknown invoice state \"{s}\""), Some("state"))
        })?),
    };
    // The app sends only known keys; anything else sorts by attention.
    let sort = req.sort;
    let limit = if req.limit <= 0 { 100 } else { req.limit };
    let (due_from, due_to) = period(&req.due_from, &req.due_to, ("due_from", "due_to"))?;
    let (issued_from, issued_to) = period(&req.issued_from, &req.issued_to, ("issued_from", "issued_to"))?;
    let q = InvoiceQuery {
        state,
        client_id: req.client_id,
        search: req.search.clone(),
        sort,
        currency: req.currency,
        aging: req.aging,
        due_from,
        due_to,
        issued_from,
        issued_to,
        open_only: req.open_only,
        issued_only: req.issued_only,
        offset: req.offset,
        limit,
    };
    let page = ctx.store.list_invoices(&q, ctx.today).await?;
    Ok(Page {
        total: page.total,
        rows: page.rows.into_iter().map(|r| invoice_row(r, ctx.today, settings.locale)).collect(),
    })
}

pub async fn get(ctx: Ctx<'_>, id: i64) -> ApiResult<InvoiceDetail> {
    let settings = ctx.store.settings().await?;
    let locale = settings.locale;
    let inv = ctx.store.invoice(id).await?;
    let payments = ctx.store.payments(id).await?;
    let reversals = ctx.store.payment_reversals(id).await?;
    let credit_notes = ctx.store.credit_notes(id).await?;
    let refunds = ctx.store.refunds(id).await?;
    let timeline = ctx.store.invoice_timeline(id).await?;
    let hold = ctx.store.invoice_hold(id).await?;
    let items: Vec<LineItem> = inv
        .lines
        .iter()
        .map(|l| LineItem {
            description: l.description.clone(),
            quantity_milli: l.quantity_milli,
            unit_price_minor: l.unit_price_minor,
            tax_rate_bp: l.tax_rate_bp,
        })
        .collect();
    let totals = compute_totals(&items)?;
    let state = inv.state(ctx.today);
    let mv = |m: i64| MoneyView::new(m, inv.currency, locale);
    Ok(InvoiceDetail {
        id: inv.id,
        number: inv.number.clone(),
        client_id: inv.client_id,
        client_name: inv.client_name.clone(),
        status: inv.status,
        state,
        issue_date: inv.issue_date.to_string(),
        due_date: inv.due_date.to_string(),
        currency: inv.currency.code().to_string(),
        lines: items
            .iter()
            .map(|l| LineView {
                description: l.description.clone(),
                quantity: decimal::format_scaled_trimmed(i128::from(l.quantity_milli), 3),
                unit_price: mv(l.unit_price_minor),
                tax_rate: format_tax_rate(l.tax_rate_bp),
                net: mv(l.net_minor() as i64),
            })
            .collect(),
        totals: totals_view(&items, &totals, inv.currency, locale),
        paid: mv(inv.net_paid_minor()),
        credited: mv(inv.credited_minor),
        creditable: mv(if inv.status == InvoiceStatus::Issued { inv.total_minor - inv.credited_minor } else { 0 }),
        client_credit: mv(inv.client_credit_minor()),
        fully_credited: inv.fully_credited(),
        outstanding: mv(inv.outstanding().minor),
        days_overdue: if state == InvoiceState::Overdue { days_overdue(inv.due_date, ctx.today) } else { 0 },
        notes: inv.notes.clone(),
        version: inv.version,
        changed_by: inv.changed_by.clone(),
        changed_at: inv.changed_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        cancelled_reason: inv.cancelled_reason.clone(),
        creditor_reference: inv.creditor_reference.clone(),
        payments: payments
            .into_iter()
            .map(|p| {
                let method = p.method;
                let reversal = reversals.iter().find(|r| r.payment_id == p.id);
                PaymentView {
                    id: p.id,
                    amount: MoneyView::new(p.amount.minor, p.amount.currency, locale),
                    paid_on: p.paid_on.to_string(),
                    method_label: method.label().to_string(),
                    method,
                    reference: p.reference,
                    reversed_on: reversal.map(|r| r.reversed_on.to_string()),
                    reversal_reason: reversal.map(|r| r.reason.clone()),
                    made_by: p.made_by,
                }
            })
            .collect(),
        credit_notes: credit_notes.iter().map(|n| crate::corrections::credit_note_view(n, locale)).collect(),
        refunds: refunds
            .into_iter()
            .map(|r| crate::corrections::RefundView {
                id: r.id,
                amount: mv(r.amount.minor),
                refunded_on: r.refunded_on.to_string(),
                method: r.method,
                method_label: r.method.label().to_string(),
                reason: r.reason,
            })
            .collect(),
        timeline: timeline.into_iter().map(|e| crate::wording::timeline_item(e, ctx.screen_locale(locale))).collect(),
        can_edit: inv.status == InvoiceStatus::Draft,
        can_pay: inv.status == InvoiceStatus::Issued && inv.paid_minor < inv.total_minor,
        can_cancel: inv.status != InvoiceStatus::Cancelled && inv.paid_minor == 0,
        can_credit: inv.status == InvoiceStatus::Issued && inv.credited_minor < inv.total_minor,
        can_refund: inv.client_credit_minor() > 0,
        hold_until: hold.as_ref().and_then(|h| h.1).map(|d| d.to_string()),
        hold_reason: hold.as_ref().map(|h| h.2.clone()).unwrap_or_default(),
        hold: hold.map(|h| stored(HoldKind::parse, &h.0, "hold")).transpose()?,
    })
}

/// Formats an amount for the user (used by the CLI too).
pub fn format_money(minor: i64, currency: Currency, locale: Locale) -> String {
    Money::new(minor, currency).format(locale)
}

//! Statutory late-payment interest (issue #16): each client's setting (off
//! by default; the law and the kind of debtor), the working for one invoice
//! on a day, and the courteous paragraphs the final notice and the statement
//! of account carry when the setting is on. The amounts are only ever
//! stated: nothing here changes a balance. The rules and the rate table are
//! `kindly-interest`'s.

use crate::views::MoneyView;
use crate::{ApiError, ApiResult, Ctx};
use chrono::NaiveDate;
use kindly_core::invoice::{parse_date, InvoiceStatus};
use kindly_core::locale::Locale;
use kindly_core::vocab::{DebtorKind, InterestBase, InterestFee, Jurisdiction};
use kindly_core::{ErrorCode, Money};
use kindly_interest::wording::{self, series_of};
use kindly_interest::{claim, Debt, RateTable, Rule, Series, Working};
use kindly_store::{ClientInterest, InvoiceRecord};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A client's late-payment interest setting, as saved and as the UI sends it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InterestSettings {
    pub client_id: i64,
    /// Off unless the user turns it on.
    pub enabled: bool,
    pub jurisdiction: Jurisdiction,
    pub debtor: DebtorKind,
}

/// The setting with what the UI shows beside it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct InterestSettingsView {
    pub settings: InterestSettings,
    /// False while the client has never had a setting (off, defaults shown).
    pub saved: bool,
    /// What the law would add, in one English sentence (the CLI's words).
    pub would_add: String,
    /// The same as facts, which the UI words in its own language; `None`
    /// when the law gives no rule for this kind of debtor (`rule_problem`).
    pub rule: Option<InterestRuleView>,
    pub rule_problem: Option<ApiError>,
    /// The shipped rate table's last update, and the last day it covers.
    pub table_updated: NaiveDate,
    pub table_ends: NaiveDate,
}

/// What a statutory rule adds: a margin over a reference rate, a fixed fee.
#[derive(Debug, Clone, Serialize, TS)]
pub struct InterestRuleView {
    /// Percentage points over the base, as written: "8", "9", "10".
    pub margin: String,
    pub base: InterestBase,
    pub fee: InterestFee,
    /// Where the rule comes from ("Late Payment of Commercial Debts (Interest) Act 1998").
    pub source: String,
}

/// One line of the working.
#[derive(Debug, Clone, Serialize, TS)]
pub struct InterestLineView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: i64,
    pub principal: MoneyView,
    /// Percentages as exact decimals, e.g. "12.15".
    pub reference_percent: String,
    pub reference_on: NaiveDate,
    pub margin_percent: String,
    pub rate_percent: String,
    pub interest: MoneyView,
    /// The line as the letter writes it, in the client's language.
    pub text: String,
}

/// What the law allows on one invoice as of a day, with the working.
#[derive(Debug, Clone, Serialize, TS)]
pub struct InterestWorkingView {
    pub invoice_id: i64,
    pub number: String,
    pub on: NaiveDate,
    pub jurisdiction: Jurisdiction,
    pub debtor: DebtorKind,
    pub lines: Vec<InterestLineView>,
    pub interest: MoneyView,
    pub compensation: Option<MoneyView>,
    /// Interest + compensation when both are in the same currency.
    pub total: Option<MoneyView>,
    pub source: String,
    pub compensation_source: Option<String>,
    /// "act/365".
    pub day_count: String,
    pub table_updated: NaiveDate,
    /// The paragraph the final notice and the statement carry (client's
    /// language); `None` when there is nothing to state.
    pub paragraph: Option<String>,
}

fn table() -> ApiResult<&'static RateTable> {
    RateTable::shipped().map_err(ApiError::from)
}

fn defaults(client_id: i64) -> InterestSettings {
    InterestSettings { client_id, enabled: false, jurisdiction: Jurisdiction::Eu, debtor: DebtorKind::Business }
}

fn view(settings: InterestSettings, saved: bool) -> ApiResult<InterestSettingsView> {
    let t = table()?;
    let rule = Rule::for_debt(settings.jurisdiction, settings.debtor);
    let (rule_view, rule_problem) = match &rule {
        Ok(r) => {
            let base = match r.series {
                Series::BoeReference => InterestBase::BoeReference,
                Series::EcbMro => InterestBase::EcbMro,
                Series::Basiszins => InterestBase::Basiszins,
            };
            let fee = match (r.jurisdiction, r.compensation_source.is_some()) {
                (_, false) => InterestFee::None,
                (Jurisdiction::Uk, true) => InterestFee::UkScale,
                (_, true) => InterestFee::Eur40,
            };
            let margin = kindly_interest::percent(r.margin_bp).trim_end_matches(".00").to_string();
            (Some(InterestRuleView { margin, base, fee, source: r.source.to_string() }), None)
        }
        Err(e) => (None, Some(ApiError::from(e.clone()))),
    };
    let would_add = match rule {
        Ok(r) => {
            let base = match r.series {
                Series::BoeReference => {
                    "the Bank of England base rate on the 31 December or 30 June before the debt became late"
                }
                Series::EcbMro => "the ECB main refinancing rate of each half-year",
                Series::Basiszins => "the German base rate (Basiszinssatz) of each half-year",
            };
            let fee = match (r.jurisdiction, r.compensation_source.is_some()) {
                (_, false) => "no fixed compensation".to_string(),
                (Jurisdiction::Uk, true) => {
                    "a fixed compensation of £40, £70 or £100 by the size of the debt".to_string()
                }
                (_, true) => "a fixed compensation of €40 per invoice".to_string(),
            };
            format!(
                "Simple interest at {} points over {base}, and {fee} ({}). Stated in the final notice and the statement of account, never added to what the client owes.",
                kindly_interest::percent(r.margin_bp).trim_end_matches(".00"),
                r.source
            )
        }
        Err(e) => e.to_string(),
    };
    let (_, ends) = t.coverage(series_of(settings.jurisdiction));
    Ok(InterestSettingsView {
        settings,
        saved,
        would_add,
        rule: rule_view,
        rule_problem,
        table_updated: t.last_updated,
        table_ends: ends,
    })
}

/// The client's setting (off, with defaults, when never set).
pub async fn client_interest(ctx: Ctx<'_>, client_id: i64) -> ApiResult<InterestSettingsView> {
    ctx.store.client(client_id).await?;
    match ctx.store.client_interest(client_id).await? {
        Some(s) => view(
            InterestSettings { client_id, enabled: s.enabled, jurisdiction: s.jurisdiction, debtor: s.debtor },
            true,
        ),
        None => view(defaults(client_id), false),
    }
}

/// Saves the client's setting. Turning it on for a consumer under UK, EU or
/// French rules is refused (`interest_not_applicable`): those laws give a
/// consumer's creditor no statutory interest.
pub async fn set_client_interest(ctx: Ctx<'_>, input: &InterestSettings) -> ApiResult<InterestSettingsView> {
    if input.enabled {
        Rule::for_debt(input.jurisdiction, input.debtor)?;
    }
    let s = ClientInterest { enabled: input.enabled, jurisdiction: input.jurisdiction, debtor: input.debtor };
    let summary = crate::wording::interest_changed(s.enabled, s.jurisdiction.as_str(), s.debtor.as_str(), Locale::En);
    ctx.store.set_client_interest(input.client_id, &s, &summary, ctx.now).await?;
    view(input.clone(), true)
}

/// The client's setting when it is on.
async fn enabled_for(ctx: Ctx<'_>, client_id: i64) -> ApiResult<Option<ClientInterest>> {
    Ok(ctx.store.client_interest(client_id).await?.filter(|s| s.enabled))
}

/// The working on one invoice of a client with interest on.
async fn working(ctx: Ctx<'_>, s: &ClientInterest, inv: &InvoiceRecord, on: NaiveDate) -> ApiResult<Working> {
    let payments: Vec<(NaiveDate, i64)> =
        ctx.store.payments(inv.id).await?.into_iter().map(|p| (p.paid_on, p.amount.minor)).collect();
    let debt = Debt { amount: Money::new(inv.total_minor, inv.currency), due_on: inv.due_date, payments: &payments };
    Ok(claim(s.jurisdiction, s.debtor, &debt, on)?)
}

/// What the law allows on an invoice as of `on` (default: today), with the
/// working. Refused with `interest_off` when the client's setting is off.
pub async fn invoice_interest(ctx: Ctx<'_>, invoice_id: i64, on: Option<&str>) -> ApiResult<InterestWorkingView> {
    let on = match on.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => parse_date(s, "on")?,
        None => ctx.today,
    };
    let inv = ctx.store.invoice(invoice_id).await?;
    if inv.status != InvoiceStatus::Issued {
        return Err(ApiError::new(
            ErrorCode::InvalidState,
            format!("Invoice {} is not issued, so it has no due date to be late from.", inv.number),
            Some("invoice_id"),
        ));
    }
    let Some(s) = enabled_for(ctx, inv.client_id).await? else {
        return Err(ApiError::new(
            ErrorCode::InterestOff,
            format!(
                "Late-payment interest is off for {}. Turn it on for this client first (kindly clients interest {} --on --jurisdiction …).",
                inv.client_name, inv.client_id
            ),
            Some("client_id"),
        ));
    };
    let lang = ctx.store.client(inv.client_id).await?.details.language;
    let w = working(ctx, &s, &inv, on).await?;
    Ok(working_view(&inv, &w, lang))
}

fn working_view(inv: &InvoiceRecord, w: &Working, lang: Locale) -> InterestWorkingView {
    let money = |m: Money| MoneyView::new(m.minor, m.currency, lang);
    let series = series_of(w.jurisdiction);
    InterestWorkingView {
        invoice_id: inv.id,
        number: inv.number.clone(),
        on: w.on,
        jurisdiction: w.jurisdiction,
        debtor: w.debtor,
        lines: w
            .lines
            .iter()
            .map(|l| InterestLineView {
                from: l.from,
                to: l.to,
                days: l.days,
                principal: money(l.principal),
                reference_percent: kindly_interest::percent(l.reference_bp),
                reference_on: l.reference_on,
                margin_percent: kindly_interest::percent(l.margin_bp),
                rate_percent: kindly_interest::percent(l.rate_bp),
                interest: money(l.interest),
                text: wording::line(l, series, lang),
            })
            .collect(),
        interest: money(w.interest),
        compensation: w.compensation.map(money),
        total: w.total.map(money),
        source: w.source.to_string(),
        compensation_source: w.compensation_source.map(str::to_string),
        day_count: w.day_count.to_string(),
        table_updated: w.table_updated,
        paragraph: wording::paragraph(w, lang),
    }
}

/// The paragraph and working lines a document for `client_id` carries about
/// `invoice` as of `on`: empty when the client's setting is off or nothing
/// is owed under the law. A day beyond the rate table leaves the paragraph
/// out (the letter still goes) and is logged: the user sees why with
/// `invoice_interest`.
pub(crate) async fn document_text(
    ctx: Ctx<'_>,
    client_id: i64,
    invoice_id: i64,
    lang: Locale,
    on: NaiveDate,
) -> ApiResult<Vec<String>> {
    let Some(s) = enabled_for(ctx, client_id).await? else { return Ok(Vec::new()) };
    let inv = ctx.store.invoice(invoice_id).await?;
    let w = match working(ctx, &s, &inv, on).await {
        Ok(w) => w,
        Err(e) if e.code == ErrorCode::InterestRateUnknown || e.code == ErrorCode::InterestNotApplicable => {
            tracing::warn!(invoice = invoice_id, code = e.code.as_str(), "late-payment interest not stated");
            return Ok(Vec::new());
        }
        Err(e) => return Err(e),
    };
    let Some(p) = wording::paragraph(&w, lang) else { return Ok(Vec::new()) };
    let series = series_of(w.jurisdiction);
    Ok(std::iter::once(p).chain(w.lines.iter().map(|l| wording::line(l, series, lang))).collect())
}

/// France's mandatory mentions for an invoice PDF when the client's setting
/// names French law and a business (whether or not interest is on: the
/// mentions are required on every B2B invoice).
pub(crate) async fn invoice_mentions(ctx: Ctx<'_>, inv: &InvoiceRecord) -> ApiResult<Option<String>> {
    let s = ctx.store.client_interest(inv.client_id).await?;
    Ok(match s {
        Some(s) if s.jurisdiction == Jurisdiction::Fr && s.debtor == DebtorKind::Business => {
            Some(wording::fr_invoice_mentions(table()?, inv.due_date))
        }
        _ => None,
    })
}

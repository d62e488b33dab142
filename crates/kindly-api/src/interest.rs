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
use kindly_interest::{claim_with, parse_user_percent, AddedRate, Debt, RateTable, Rule, Series, Working};
use kindly_store::{AddedInterestRate, ClientInterest, InvoiceRecord};
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
    /// The shipped rate table's last update, and the last day the rates
    /// reach for this law's series (with the rates the user entered).
    pub table_ends: NaiveDate,
    pub table_updated: NaiveDate,
    /// The series this law's rate follows (preselected when adding a rate).
    pub series: InterestBase,
    /// The last day Kindly's compiled table covers for that series.
    pub compiled_ends: NaiveDate,
    /// Today is past `table_ends`: a debt late now cannot be computed until
    /// Kindly is updated or the user adds the published rate (from `next_from`).
    pub rate_unknown: bool,
    /// The first day of the first half-year the rates do not reach.
    pub next_from: NaiveDate,
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
    /// The source the user named when the reference rate is one they entered.
    pub entered_source: Option<String>,
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

fn series_of_base(b: InterestBase) -> Series {
    match b {
        InterestBase::BoeReference => Series::BoeReference,
        InterestBase::EcbMro => Series::EcbMro,
        InterestBase::Basiszins => Series::Basiszins,
    }
}

fn base_of_series(s: Series) -> InterestBase {
    match s {
        Series::BoeReference => InterestBase::BoeReference,
        Series::EcbMro => InterestBase::EcbMro,
        Series::Basiszins => InterestBase::Basiszins,
    }
}

/// The table interest is computed with: the compiled one, extended by the
/// rates the user entered for half-years after its end.
pub(crate) async fn merged_table(ctx: Ctx<'_>) -> ApiResult<RateTable> {
    let added: Vec<AddedRate> = ctx
        .store
        .added_interest_rates()
        .await?
        .into_iter()
        .map(|r| AddedRate { series: series_of_base(r.series), from: r.from, bp: r.rate_bp, source: r.source })
        .collect();
    Ok(table()?.with_added(&added))
}

/// One series of reference rates: where Kindly's compiled table ends and
/// where the rates known (with the user's) reach without a gap.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RateSeriesView {
    pub series: InterestBase,
    /// The last day the compiled table covers: a rate can be added only after it.
    pub compiled_ends: NaiveDate,
    /// The last day covered without a gap, counting the user's rates.
    pub ends: NaiveDate,
}

/// A published rate the user entered.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AddedRateView {
    pub series: InterestBase,
    /// The first day of the half-year it is for.
    pub from: NaiveDate,
    /// Exact decimal percent, e.g. "2.15".
    pub rate_percent: String,
    pub source: String,
    /// False when Kindly's compiled table has since come to cover that
    /// half-year (the compiled rate is used).
    pub used: bool,
}

/// The reference rates: the compiled table's reach per series and the user's rates.
#[derive(Debug, Clone, Serialize, TS)]
pub struct InterestRatesView {
    pub table_updated: NaiveDate,
    pub series: Vec<RateSeriesView>,
    pub added: Vec<AddedRateView>,
}

/// A published rate to add, as the UI and the CLI send it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AddRateInput {
    pub series: InterestBase,
    /// The first day of a half-year (1 January or 1 July), YYYY-MM-DD.
    pub from: String,
    /// Percent as published, e.g. "2.15" (at most two decimals, 0 to 100).
    pub rate: String,
    /// Where the rate is published (a page, a gazette): named in the working.
    pub source: String,
    /// The client whose page it was added from: the entry goes on their timeline.
    pub client_id: Option<i64>,
}

/// A rate the user entered, to remove.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RemoveRateInput {
    pub series: InterestBase,
    pub from: String,
}

/// The compiled table's reach per series and the rates the user entered.
pub async fn list_rates(ctx: Ctx<'_>) -> ApiResult<InterestRatesView> {
    let t = table()?;
    let rows = ctx.store.added_interest_rates().await?;
    let merged = merged_table(ctx).await?;
    let series = Series::ALL
        .into_iter()
        .map(|s| RateSeriesView {
            series: base_of_series(s),
            compiled_ends: t.coverage(s).1,
            ends: merged.coverage(s).1,
        })
        .collect();
    let added = rows
        .into_iter()
        .map(|r: AddedInterestRate| {
            let series = series_of_base(r.series);
            AddedRateView {
                series: r.series,
                from: r.from,
                rate_percent: kindly_interest::percent(r.rate_bp),
                used: r.from > t.coverage(series).1,
                source: r.source,
            }
        })
        .collect();
    Ok(InterestRatesView { table_updated: t.last_updated, series, added })
}

/// Adds a published rate for a half-year after the compiled table's end.
/// Refused: a day that is not 1 January or 1 July (`invalid_date`), one the
/// compiled table covers (`interest_rate_covered`), a rate that is not a
/// percentage with at most two decimals from 0 to 100 (`interest_rate_invalid`),
/// no source (`interest_rate_source_missing`), a half-year already entered
/// (`interest_rate_exists`).
pub async fn add_rate(ctx: Ctx<'_>, input: &AddRateInput) -> ApiResult<InterestRatesView> {
    let from = parse_date(input.from.trim(), "from")?;
    let bp = parse_user_percent(&input.rate)?;
    let source = input.source.trim();
    if source.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InterestRateSourceMissing,
            "Say where the rate is published (e.g. the central bank's page), so the working can name it.",
            Some("source"),
        ));
    }
    let series = series_of_base(input.series);
    let rate = AddedRate { series, from, bp, source: source.to_string() };
    table()?.check_added(&rate)?;
    let row =
        AddedInterestRate { series: input.series, from, rate_bp: bp, source: source.to_string(), added_at: ctx.now };
    let summary = crate::wording::interest_rate_added(input.series.as_str(), from, bp, source, Locale::En);
    let timeline = input.client_id.map(|id| (id, summary.as_str()));
    if !ctx.store.add_interest_rate(&row, timeline).await? {
        return Err(ApiError::new(
            ErrorCode::InterestRateExists,
            format!(
                "A rate for the {} from {} is already entered. Remove it first to enter a different one.",
                series.name(),
                from
            ),
            Some("from"),
        ));
    }
    list_rates(ctx).await
}

/// Removes a rate the user entered (the compiled table cannot be changed).
pub async fn remove_rate(ctx: Ctx<'_>, input: &RemoveRateInput) -> ApiResult<InterestRatesView> {
    let from = parse_date(input.from.trim(), "from")?;
    if !ctx.store.remove_interest_rate(input.series, from).await? {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!(
                "No rate you entered for the {} from {from}. Kindly's own rates cannot be removed.",
                series_of_base(input.series).name()
            ),
            Some("from"),
        ));
    }
    list_rates(ctx).await
}

fn defaults(client_id: i64) -> InterestSettings {
    InterestSettings { client_id, enabled: false, jurisdiction: Jurisdiction::Eu, debtor: DebtorKind::Business }
}

fn view(t: &RateTable, today: NaiveDate, settings: InterestSettings, saved: bool) -> ApiResult<InterestSettingsView> {
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
    let series = series_of(settings.jurisdiction);
    let (_, ends) = t.coverage(series);
    Ok(InterestSettingsView {
        settings,
        saved,
        would_add,
        rule: rule_view,
        rule_problem,
        table_updated: t.last_updated,
        table_ends: ends,
        series: base_of_series(series),
        compiled_ends: t.shipped_end(series),
        rate_unknown: today > ends,
        next_from: ends.succ_opt().unwrap_or(ends),
    })
}

/// The client's setting (off, with defaults, when never set).
pub async fn client_interest(ctx: Ctx<'_>, client_id: i64) -> ApiResult<InterestSettingsView> {
    ctx.store.client(client_id).await?;
    let t = merged_table(ctx).await?;
    match ctx.store.client_interest(client_id).await? {
        Some(s) => view(
            &t,
            ctx.today,
            InterestSettings { client_id, enabled: s.enabled, jurisdiction: s.jurisdiction, debtor: s.debtor },
            true,
        ),
        None => view(&t, ctx.today, defaults(client_id), false),
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
    view(&merged_table(ctx).await?, ctx.today, input.clone(), true)
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
    let table = merged_table(ctx).await?;
    Ok(claim_with(&table, s.jurisdiction, s.debtor, &debt, on)?)
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
                entered_source: l.entered_source.clone(),
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
            Some(wording::fr_invoice_mentions(&merged_table(ctx).await?, inv.due_date))
        }
        _ => None,
    })
}

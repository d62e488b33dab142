//! The overview's reports: the aging report (per client per currency, the
//! five buckets and the total) and invoiced vs collected per month, as
//! tables (CLI), CSV (RFC 4180, formula cells neutralised, kindly-csv's
//! writer) or PDF (kindly-pdf's tabular report), written atomically where
//! the user chose. Amounts in different currencies are never added.

use super::{day, money, month_end};
use crate::files::write_atomic;
use crate::views::MoneyView;
use crate::{ApiError, ApiResult, Ctx};
use chrono::{Datelike, Months, NaiveDate};
use kindly_core::locale::Locale;
use kindly_core::vocab::{AgingBucket, ReportFormat, ReportKind};
use kindly_core::{Currency, ErrorCode};
use kindly_csv::writer::CsvWriter;
use kindly_i18n::{t, tr};
use kindly_pdf::{DocMeta, Fonts, Table, TabularReport};
use serde::{Deserialize, Serialize};
use std::path::Path;
use strum::VariantArray;
use ts_rs::TS;

/// The most months a collected report covers.
pub const MAX_MONTHS: i64 = 120;

/// One client's open invoices in one currency, by bucket.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AgingReportRow {
    pub client_id: i64,
    pub client_name: String,
    pub currency: String,
    /// The five buckets in order (not yet due, 1–30, 31–60, 61–90, over 90).
    pub buckets: Vec<MoneyView>,
    pub total: MoneyView,
}

/// Every client's row, then one total per currency.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AgingReport {
    // The user's language (settings): the words of its CSV and PDF; not sent to the UI.
    #[serde(skip)]
    #[ts(skip)]
    pub locale: Locale,
    pub today: String,
    pub rows: Vec<AgingReportRow>,
    /// Per currency (client_id 0, client_name "Total").
    pub totals: Vec<AgingReportRow>,
}

/// One month in one currency.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CollectedRow {
    /// "2026-01".
    pub month: String,
    pub currency: String,
    pub invoiced: MoneyView,
    pub invoiced_count: i64,
    pub collected: MoneyView,
    pub collected_count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CollectedReport {
    // The user's language (settings): the words of its CSV and PDF; not sent to the UI.
    #[serde(skip)]
    #[ts(skip)]
    pub locale: Locale,
    pub today: String,
    pub months: i64,
    /// Oldest month first; per month, the currencies in code order.
    pub rows: Vec<CollectedRow>,
}

/// A report to save where the user chose.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SaveReportRequest {
    pub kind: ReportKind,
    pub format: ReportFormat,
    pub path: String,
    /// Only this currency; null: every currency.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub currency: Option<Currency>,
    /// Collected report: how many months up to this one (default 12).
    #[serde(default)]
    pub months: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SaveReportResult {
    pub path: String,
    /// Data rows written (totals not counted).
    pub rows: u32,
}

/// The bucket's column header in the user's language.
pub fn bucket_label(b: AgingBucket, locale: Locale) -> String {
    crate::wording::label(locale, "bucket", b.as_str())
}

/// The aging report on `ctx.today`.
pub async fn aging(ctx: Ctx<'_>, currency: Option<Currency>) -> ApiResult<AgingReport> {
    let locale = ctx.store.settings().await?.locale;
    let rows = ctx.store.aging_by_client(ctx.today, currency).await?;
    let mut totals: Vec<(Currency, [i64; 5])> = Vec::new();
    for r in &rows {
        let i = match totals.iter().position(|t| t.0 == r.currency) {
            Some(i) => i,
            None => {
                totals.push((r.currency, [0; 5]));
                totals.len() - 1
            }
        };
        for (t, b) in totals[i].1.iter_mut().zip(r.buckets) {
            *t += b;
        }
    }
    totals.sort_by_key(|t| t.0.code());
    let view = |id: i64, name: String, c: Currency, b: [i64; 5]| AgingReportRow {
        client_id: id,
        client_name: name,
        currency: c.code().to_string(),
        buckets: b.iter().map(|m| money(*m, c, locale)).collect(),
        total: money(b.iter().sum(), c, locale),
    };
    Ok(AgingReport {
        locale,
        today: day(ctx.today),
        rows: rows.into_iter().map(|r| view(r.client_id, r.client_name, r.currency, r.buckets)).collect(),
        totals: totals.into_iter().map(|(c, b)| view(0, t(locale, "total"), c, b)).collect(),
    })
}

/// Invoiced vs collected per month: `months` months up to this one.
pub async fn collected(ctx: Ctx<'_>, months: i64, currency: Option<Currency>) -> ApiResult<CollectedReport> {
    if !(1..=MAX_MONTHS).contains(&months) {
        return Err(ApiError::new(
            ErrorCode::InvalidMonths,
            format!("Months: {months} is not a number of months from 1 to {MAX_MONTHS}."),
            Some("months"),
        ));
    }
    let locale = ctx.store.settings().await?.locale;
    let first = ctx.today.with_day(1).unwrap_or(ctx.today);
    let from = first.checked_sub_months(Months::new(months as u32 - 1)).unwrap_or(first);
    let days = ctx.store.overview_days(from, month_end(ctx.today)).await?;
    let mut currencies: Vec<Currency> = match currency {
        Some(c) => vec![c],
        None => days.iter().map(|d| d.0).collect(),
    };
    currencies.sort_by_key(|c| c.code());
    currencies.dedup();
    let mut rows = Vec::new();
    for m in 0..months as u32 {
        let Some(start) = from.checked_add_months(Months::new(m)) else { continue };
        let end = month_end(start);
        for c in &currencies {
            let f = days.iter().filter(|(dc, d, _)| dc == c && *d >= start && *d <= end).fold(
                (0, 0, 0, 0),
                |a, (_, _, f)| {
                    (a.0 + f.invoiced_minor, a.1 + f.invoiced_count, a.2 + f.collected_minor, a.3 + f.collected_count)
                },
            );
            rows.push(CollectedRow {
                month: format!("{:04}-{:02}", start.year(), start.month()),
                currency: c.code().to_string(),
                invoiced: money(f.0, *c, locale),
                invoiced_count: f.1,
                collected: money(f.2, *c, locale),
                collected_count: f.3,
            });
        }
    }
    Ok(CollectedReport { locale, today: day(ctx.today), months, rows })
}

fn aging_headers(locale: Locale) -> Vec<String> {
    let mut h = vec![t(locale, "col-client")];
    h.extend(AgingBucket::VARIANTS.iter().map(|b| bucket_label(*b, locale)));
    h.push(t(locale, "total"));
    h
}

/// The aging report as CSV: client, client id, currency, the five buckets
/// and the total as plain decimals; then a total row per currency.
pub fn aging_csv(r: &AgingReport) -> String {
    let mut w = CsvWriter::new();
    let mut h = aging_headers(r.locale);
    h.insert(1, t(r.locale, "col-client-id"));
    h.insert(2, t(r.locale, "col-currency"));
    w.row(&h);
    for row in r.rows.iter().chain(&r.totals) {
        let mut cells = vec![
            row.client_name.clone(),
            if row.client_id == 0 { String::new() } else { row.client_id.to_string() },
            row.currency.clone(),
        ];
        cells.extend(row.buckets.iter().map(|m| m.amount.clone()));
        cells.push(row.total.amount.clone());
        w.row(&cells);
    }
    w.finish()
}

/// The collected report as CSV: month, currency, invoiced, invoices,
/// collected, payments.
pub fn collected_csv(r: &CollectedReport) -> String {
    let mut w = CsvWriter::new();
    w.row(
        &["col-month", "col-currency", "col-invoiced", "col-invoices", "col-collected", "col-payments"]
            .map(|id| t(r.locale, id)),
    );
    for row in &r.rows {
        w.row_plain(&[
            row.month.clone(),
            row.currency.clone(),
            row.invoiced.amount.clone(),
            row.invoiced_count.to_string(),
            row.collected.amount.clone(),
            row.collected_count.to_string(),
        ]);
    }
    w.finish()
}

fn long_date(d: &str, locale: Locale) -> String {
    match d.parse::<NaiveDate>() {
        Ok(d) => locale.format_date(d),
        Err(_) => d.to_string(),
    }
}

fn aging_pdf_doc(r: &AgingReport, page: kindly_pdf::PageSize, locale: Locale) -> TabularReport {
    let tables = r
        .totals
        .iter()
        .map(|t| {
            let cells = |row: &AgingReportRow| {
                let mut c = vec![row.client_name.clone()];
                c.extend(row.buckets.iter().map(|m| m.formatted.clone()));
                c.push(row.total.formatted.clone());
                c
            };
            let table = Table {
                headers: aging_headers(locale),
                rows: r.rows.iter().filter(|row| row.currency == t.currency).map(cells).collect(),
                right_align: (1..=6).collect(),
                total: Some(cells(t)),
            };
            (t.currency.clone(), table)
        })
        .collect();
    TabularReport {
        page,
        title: t(locale, "report-aging-title"),
        subtitle: vec![
            tr(locale, "report-aging-subtitle", &[("date", long_date(&r.today, locale).into())]),
            t(locale, "report-per-currency"),
        ],
        tables,
        empty_note: r.rows.is_empty().then(|| t(locale, "report-aging-empty")),
    }
}

fn collected_pdf_doc(r: &CollectedReport, page: kindly_pdf::PageSize, locale: Locale) -> TabularReport {
    let mut currencies: Vec<&str> = r.rows.iter().map(|x| x.currency.as_str()).collect();
    currencies.dedup();
    currencies.sort();
    currencies.dedup();
    let tables = currencies
        .into_iter()
        .map(|c| {
            let rows: Vec<&CollectedRow> = r.rows.iter().filter(|x| x.currency == c).collect();
            let table = Table {
                headers: ["col-month", "col-invoiced", "col-invoices", "col-collected", "col-payments"]
                    .map(|id| t(locale, id))
                    .to_vec(),
                rows: rows
                    .iter()
                    .map(|x| {
                        vec![
                            x.month.clone(),
                            x.invoiced.formatted.clone(),
                            x.invoiced_count.to_string(),
                            x.collected.formatted.clone(),
                            x.collected_count.to_string(),
                        ]
                    })
                    .collect(),
                right_align: vec![1, 2, 3, 4],
                total: None,
            };
            (c.to_string(), table)
        })
        .collect();
    TabularReport {
        page,
        title: t(locale, "report-collected-title"),
        subtitle: vec![
            tr(
                locale,
                "report-collected-subtitle",
                &[("months", r.months.into()), ("date", long_date(&r.today, locale).into())],
            ),
            t(locale, "report-collected-explain"),
        ],
        tables,
        empty_note: r.rows.is_empty().then(|| t(locale, "report-collected-empty")),
    }
}

fn pdf(fonts: Option<&Fonts>, doc: &TabularReport, author: String, ctx: Ctx<'_>, locale: Locale) -> ApiResult<Vec<u8>> {
    let mut meta = DocMeta::new(doc.title.clone(), author, ctx.now.naive_utc());
    meta.page_label = Some(tr(locale, "page-label", &[("n", "{n}".into()), ("m", "{m}".into())]));
    let loaded;
    let fonts = match fonts {
        Some(f) => f,
        None => {
            loaded = Fonts::load().map_err(ApiError::from)?;
            &loaded
        }
    };
    kindly_pdf::render_tabular_report(fonts, doc, &meta).map_err(ApiError::from)
}

/// Writes a report where the user chose; returns the path and the rows.
/// `fonts`: the process's parsed fonts (the app's), or `None` to load them
/// for a PDF (the CLI's one report).
pub async fn save(ctx: Ctx<'_>, fonts: Option<&Fonts>, req: &SaveReportRequest) -> ApiResult<SaveReportResult> {
    let settings = ctx.store.settings().await?;
    let locale = settings.locale;
    let page = crate::documents::default_page_size(locale);
    let author = if settings.business_name.is_empty() { "Kindly".to_string() } else { settings.business_name };
    let (bytes, rows) = match req.kind {
        ReportKind::Aging => {
            let r = aging(ctx, req.currency).await?;
            let bytes = match req.format {
                ReportFormat::Csv => aging_csv(&r).into_bytes(),
                ReportFormat::Pdf => pdf(fonts, &aging_pdf_doc(&r, page, locale), author, ctx, locale)?,
            };
            (bytes, r.rows.len() as u32)
        }
        ReportKind::Collected => {
            let r = collected(ctx, req.months.unwrap_or(12), req.currency).await?;
            let bytes = match req.format {
                ReportFormat::Csv => collected_csv(&r).into_bytes(),
                ReportFormat::Pdf => pdf(fonts, &collected_pdf_doc(&r, page, locale), author, ctx, locale)?,
            };
            (bytes, r.rows.len() as u32)
        }
    };
    let path = Path::new(req.path.trim());
    write_atomic(path, &bytes)?;
    tracing::info!(kind = req.kind.as_str(), format = req.format.as_str(), rows, "report saved");
    Ok(SaveReportResult { path: path.display().to_string(), rows })
}

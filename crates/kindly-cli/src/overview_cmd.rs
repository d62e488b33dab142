//! `kindly overview [--currency C] [--json]` (the first screen's figures;
//! `--json` prints exactly the app's `OverviewView`) and `kindly reports
//! aging|collected [--currency C] [--csv FILE] [--pdf FILE]` (a table on
//! stdout without a file).

use crate::output::Out;
use clap::{Args, Subcommand};
use kindly_api::overview::reports::{self, AgingReport, CollectedReport, SaveReportRequest};
use kindly_api::overview::{self, CashInWindow, OverviewRequest, OverviewView};
use kindly_api::{ApiError, Ctx};
use kindly_core::vocab::{ReportFormat, ReportKind};
use kindly_core::{Currency, DomainError};
use std::fmt::Write;
use std::path::PathBuf;
use strum::VariantArray;

/// An ISO 4217 code as typed.
fn currency(s: &str) -> Result<Currency, DomainError> {
    Currency::parse(s.trim())
}

#[derive(Args, Debug)]
pub struct OverviewArgs {
    /// Only this currency (default: every currency the data holds).
    #[arg(long, value_parser = currency)]
    currency: Option<Currency>,
}

#[derive(Subcommand, Debug)]
pub enum ReportsCmd {
    /// Open invoices per client and currency by days past due (not yet due, 1–30, 31–60, 61–90, over 90).
    Aging {
        #[arg(long, value_parser = currency)]
        currency: Option<Currency>,
        /// Write it as CSV (RFC 4180) to FILE.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Write it as PDF to FILE.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
    /// Invoiced and collected per month and currency.
    Collected {
        /// How many months up to this one.
        #[arg(long, default_value_t = 12)]
        months: i64,
        #[arg(long, value_parser = currency)]
        currency: Option<Currency>,
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
}

pub async fn overview(ctx: Ctx<'_>, o: &Out, a: OverviewArgs) -> Result<String, ApiError> {
    let v = overview::overview(ctx, &OverviewRequest { currency: a.currency }).await?;
    o.value(&v, text)
}

fn window(out: &mut String, label: &str, w: &CashInWindow) {
    let _ = writeln!(
        out,
        "    {label} {} – {}  {}  (due dates {}, promises {}, installments {}; at risk {})",
        w.from,
        w.to,
        w.expected.formatted,
        w.from_due_dates.formatted,
        w.from_promises.formatted,
        w.from_installments.formatted,
        w.at_risk.formatted
    );
}

fn text(v: &OverviewView) -> String {
    let mut out = format!("Overview on {}\n", v.today);
    if !v.has_invoices {
        out.push_str("No invoice issued yet: the figures below are all zero.\n");
    }
    for c in &v.currencies {
        let _ = writeln!(out, "\n{}", c.currency);
        let _ = writeln!(out, "  Outstanding  {} ({} invoices)", c.outstanding.amount.formatted, c.outstanding.count);
        let _ = writeln!(out, "  Overdue      {} ({} invoices)", c.overdue.amount.formatted, c.overdue.count);
        let _ = writeln!(out, "  Aging");
        for (a, label) in c.aging.iter().zip(kindly_core::vocab::AgingBucket::VARIANTS) {
            let _ = writeln!(
                out,
                "    {:<14} {} ({})",
                reports::bucket_label(*label, kindly_core::locale::Locale::En),
                a.amount.formatted,
                a.count
            );
        }
        match &c.dso.days {
            Some(days) => {
                let _ = writeln!(
                    out,
                    "  DSO          {days} days ({} outstanding ÷ {} invoiced {} – {} × {})",
                    c.dso.outstanding.formatted,
                    c.dso.invoiced.formatted,
                    c.dso.window_from,
                    c.dso.window_to,
                    c.dso.window_days
                );
            }
            None => {
                let _ = writeln!(out, "  DSO          none: nothing invoiced since {}", c.dso.window_from);
            }
        }
        let d = &c.days_to_pay;
        match &d.average_days {
            Some(avg) => {
                let _ = writeln!(
                    out,
                    "  Days to pay  {avg} on average ({} invoices paid in full {} – {})",
                    d.invoices, d.window_from, d.window_to
                );
            }
            None => {
                let _ = writeln!(out, "  Days to pay  none: nothing paid in full since {}", d.window_from);
            }
        }
        for s in &d.slowest_clients {
            let _ = writeln!(out, "    {} {} days ({} invoices)", s.client_name, s.average_days, s.invoices);
        }
        let _ = writeln!(out, "  Expected cash-in");
        for w in &c.cash_in.weeks {
            window(&mut out, "week ", w);
        }
        for w in &c.cash_in.months {
            window(&mut out, "month", w);
        }
        let _ = writeln!(out, "    already late (in no window): {}", c.cash_in.already_late.formatted);
        if !c.steps.is_empty() {
            let _ = writeln!(out, "  Ladder steps (paid in full within 7 days after the step)");
        }
        for s in &c.steps {
            let _ =
                writeln!(out, "    {}: {} done, {} paid ({}%)", s.name, s.steps, s.paid_within_7_days, s.share_percent);
        }
        let _ = writeln!(out, "  Month    invoiced / collected");
        for m in &c.months {
            let _ = writeln!(out, "    {}  {} / {}", m.month, m.invoiced.formatted, m.collected.formatted);
        }
    }
    let _ = writeln!(out, "\n{}\n{}\n{}\n{}", v.dso_formula, v.days_to_pay_rule, v.cash_in_rule, v.steps_rule);
    out
}

fn aging_table(r: &AgingReport) -> String {
    let mut out = format!("Aging report on {}\n", r.today);
    for row in r.rows.iter().chain(&r.totals) {
        let cells: Vec<&str> = row.buckets.iter().map(|m| m.formatted.as_str()).collect();
        let _ = writeln!(
            out,
            "{:<28} {} {} | total {}",
            row.client_name,
            row.currency,
            cells.join(" | "),
            row.total.formatted
        );
    }
    out
}

fn collected_table(r: &CollectedReport) -> String {
    let mut out = format!("Invoiced and collected per month, {} months to {}\n", r.months, r.today);
    for row in &r.rows {
        let _ = writeln!(
            out,
            "{} {}  invoiced {} ({})  collected {} ({})",
            row.month,
            row.currency,
            row.invoiced.formatted,
            row.invoiced_count,
            row.collected.formatted,
            row.collected_count
        );
    }
    out
}

/// Writes the files asked for; without one, the report itself.
async fn save_or_show(
    ctx: Ctx<'_>,
    o: &Out,
    base: SaveReportRequest,
    files: [(ReportFormat, Option<PathBuf>); 2],
) -> Result<Option<String>, ApiError> {
    let wanted: Vec<(ReportFormat, PathBuf)> = files.into_iter().filter_map(|(f, p)| p.map(|p| (f, p))).collect();
    if wanted.is_empty() {
        return Ok(None);
    }
    let fonts = if wanted.iter().any(|(f, _)| *f == ReportFormat::Pdf) { Some(crate::cli::fonts()?) } else { None };
    let mut saved = Vec::new();
    for (format, path) in wanted {
        let req = SaveReportRequest { format, path: path.display().to_string(), ..base.clone() };
        saved.push(reports::save(ctx, fonts.as_ref(), &req).await?);
    }
    o.value(&saved, |s| s.iter().map(|r| format!("{} rows written to {}\n", r.rows, r.path)).collect()).map(Some)
}

pub async fn reports(ctx: Ctx<'_>, o: &Out, cmd: ReportsCmd) -> Result<String, ApiError> {
    match cmd {
        ReportsCmd::Aging { currency, csv, pdf } => {
            let base = SaveReportRequest {
                kind: ReportKind::Aging,
                format: ReportFormat::Csv,
                path: String::new(),
                currency,
                months: None,
            };
            match save_or_show(ctx, o, base, [(ReportFormat::Csv, csv), (ReportFormat::Pdf, pdf)]).await? {
                Some(s) => Ok(s),
                None => o.value(&reports::aging(ctx, currency).await?, aging_table),
            }
        }
        ReportsCmd::Collected { months, currency, csv, pdf } => {
            // Checked before any file is written.
            let report = reports::collected(ctx, months, currency).await?;
            let base = SaveReportRequest {
                kind: ReportKind::Collected,
                format: ReportFormat::Csv,
                path: String::new(),
                currency,
                months: Some(months),
            };
            match save_or_show(ctx, o, base, [(ReportFormat::Csv, csv), (ReportFormat::Pdf, pdf)]).await? {
                Some(s) => Ok(s),
                None => o.value(&report, collected_table),
            }
        }
    }
}

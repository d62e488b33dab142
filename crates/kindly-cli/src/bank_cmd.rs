//! `kindly bank …`: import a bank statement (camt.053/054, MT940, OFX, CSV)
//! so payments are recorded and nobody who paid is reminded; review the
//! entries Kindly was not sure about.

use crate::output::Out;
use clap::Subcommand;
use kindly_api::bank::{self, BankAllocation, BankEntryView, BankImportRequest, BankResolveRequest, BankReviewRequest};
use kindly_api::ErrorCode;
use kindly_api::{ApiError, Ctx};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum BankCmd {
    /// Import a statement: certain matches are recorded as payments at once,
    /// the rest wait in `kindly bank review`. Importing it again adds nothing.
    Import {
        file: PathBuf,
        #[arg(long, default_value = "auto", value_parser = crate::values::bank_formats(), ignore_case = true)]
        format: String,
        /// Show what would be recorded; record nothing.
        #[arg(long)]
        dry_run: bool,
        /// A CSV column mapping (JSON, as `kindly bank csv-mapping FILE --json` prints
        /// in `mapping`), confirmed and saved for this bank's exports.
        #[arg(long, value_name = "JSON")]
        csv_mapping: Option<String>,
    },
    /// The entries to review (uncertain matches), then credits that matched nothing.
    Review {
        #[arg(long, default_value_t = 100)]
        limit: i64,
        #[arg(long, default_value_t = 0)]
        offset: i64,
    },
    /// Decide about an entry to review: record it for invoices
    /// (`--pay INVOICE_ID=AMOUNT`, several to split) or `--ignore` it.
    Resolve {
        entry: i64,
        #[arg(long = "pay", value_name = "INVOICE_ID=AMOUNT")]
        pay: Vec<String>,
        #[arg(long)]
        ignore: bool,
    },
    /// How Kindly reads a CSV export's columns, to confirm before importing.
    CsvMapping { file: PathBuf },
    /// When the last statement was imported, and how many entries wait for review.
    Status {
        /// Ask to import a statement before sending reminders when the last
        /// import is older than this many days (default 3).
        #[arg(long, value_name = "DAYS")]
        stale_after: Option<String>,
    },
}

fn entry_line(e: &BankEntryView) -> String {
    let who = e.payer_name.as_deref().unwrap_or("unknown payer");
    let sign = if e.credit { "+" } else { "-" };
    let mut s = format!(
        "{:>6} {} {sign}{} {who} [{}] {}",
        e.id.map(|i| i.to_string()).unwrap_or_default(),
        e.booking_date,
        e.amount.formatted,
        e.status,
        e.reason
    );
    for c in &e.candidates {
        s.push_str(&format!(
            "\n         → {} {} ({}): {}",
            c.number, c.client_name, c.outstanding.formatted, c.amount.formatted
        ));
    }
    s.push('\n');
    s
}

pub async fn bank(ctx: Ctx<'_>, cmd: BankCmd, o: &Out) -> Result<String, ApiError> {
    match cmd {
        BankCmd::Import { file, format, dry_run, csv_mapping } => {
            let req = BankImportRequest { path: file.display().to_string(), format, dry_run, csv_mapping };
            let r = bank::import_statement(ctx, &req).await?;
            o.value(&r, |r| {
                let totals: Vec<String> = r.recorded_total.iter().map(|m| m.formatted.clone()).collect();
                let mut t = format!(
                    "{}{} ({}): {} entries, {} imported before; {} payment(s) recorded{}; {} to review, {} unmatched, {} debits\n",
                    if r.dry_run { "dry run, nothing recorded: " } else { "" },
                    r.file_name,
                    r.format,
                    r.entries,
                    r.already_imported,
                    r.payments,
                    if totals.is_empty() { String::new() } else { format!(" ({})", totals.join(" + ")) },
                    r.review,
                    r.unmatched,
                    r.debits
                );
                for l in &r.lines {
                    t.push_str(&entry_line(l));
                }
                t
            })
        }
        BankCmd::Review { limit, offset } => {
            let page = bank::to_review(ctx, &BankReviewRequest { offset, limit }).await?;
            o.value(&page, |p| {
                let mut t = format!("{} to review\n", p.total);
                for e in &p.rows {
                    t.push_str(&entry_line(e));
                }
                t
            })
        }
        BankCmd::Resolve { entry, pay, ignore } => {
            let mut allocations = Vec::new();
            for p in &pay {
                let (id, amount) = p.split_once('=').ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::InvalidAllocation,
                        format!("\"{p}\" is not INVOICE_ID=AMOUNT"),
                        Some("pay"),
                    )
                })?;
                let invoice_id = id.trim().parse::<i64>().map_err(|_| {
                    ApiError::new(ErrorCode::InvalidAllocation, format!("\"{id}\" is not an invoice id"), Some("pay"))
                })?;
                allocations.push(BankAllocation { invoice_id, amount: amount.trim().to_string() });
            }
            let r = bank::resolve(ctx, &BankResolveRequest { entry_id: entry, allocations, ignore }).await?;
            o.value(&r, entry_line)
        }
        BankCmd::CsvMapping { file } => {
            let m = bank::csv_mapping(ctx, &file.display().to_string()).await?;
            o.value(&m, |m| {
                let mut t = String::new();
                for (role, col) in &m.roles {
                    t.push_str(&format!("{}: {col}\n", role.as_str().replace('_', " ")));
                }
                t.push_str(&format!(
                    "dates {}, decimal {}, delimiter {:?}, currency {}\n",
                    m.date_format,
                    m.decimal,
                    m.delimiter,
                    m.currency.as_deref().unwrap_or("from the file")
                ));
                if !m.questions.is_empty() {
                    t.push_str(&format!("to decide: {}\n", m.questions.join(", ")));
                }
                t.push_str(&format!("mapping: {}\n", m.mapping));
                t
            })
        }
        BankCmd::Status { stale_after } => {
            let s = match stale_after {
                Some(d) => bank::set_stale_after_days(ctx, &d).await?,
                None => bank::status(ctx).await?,
            };
            o.value(&s, |s| match &s.last_import {
                Some(t) => format!("last import {t}; {} to review\n", s.to_review),
                None => format!("no statement imported yet; {} to review\n", s.to_review),
            })
        }
    }
}

//! CSV export of clients, invoices (one row per line), payments and the
//! timeline, RFC 4180 with formula-like cells neutralised (kindly-csv's
//! writer), written atomically to the path the user chose. The columns are
//! the `kindly` import preset's, so an export imports into an empty
//! database as the same records. The invoices file carries what was
//! credited by credit notes (its own column, which the import turns back
//! into a credit note) and what was paid, for reading only (a column no
//! import field reads): money received net of reversals and refunds, never
//! the credits (`invoices.paid_minor` counts both, as what settles the
//! invoice). Payments come from the payments file (reversed ones left out),
//! so nothing is counted twice and no credit comes back as a payment.

use crate::files::write_atomic;
use crate::{ApiResult, Ctx};
use kindly_core::invoice::{format_tax_rate, InvoiceStatus};
use kindly_core::Money;
use kindly_csv::presets::{KINDLY_CLIENTS, KINDLY_INVOICES, KINDLY_PAYMENTS};
use kindly_csv::writer::CsvWriter;
use kindly_csv::ExportKind;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    pub kind: ExportKind,
    /// Where to write (from the save dialog, or `--out`).
    pub path: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportResult {
    pub path: String,
    /// Data rows written.
    pub rows: u32,
}

fn headers(cols: &[(kindly_csv::ImportField, &str)]) -> Vec<String> {
    cols.iter().map(|(_, h)| h.to_string()).collect()
}

/// The CSV text of one export.
pub async fn csv(ctx: Ctx<'_>, kind: ExportKind) -> ApiResult<(String, u32)> {
    let mut w = CsvWriter::new();
    let mut rows = 0u32;
    match kind {
        ExportKind::Clients => {
            w.row(&headers(KINDLY_CLIENTS));
            for id in ctx.store.client_ids().await? {
                let c = ctx.store.client(id).await?;
                let d = &c.details;
                w.row(&[
                    c.id.to_string(),
                    d.display_name.clone(),
                    d.greeting_name.clone(),
                    d.company.clone().unwrap_or_default(),
                    d.emails.join("; "),
                    d.phone.clone().unwrap_or_default(),
                    d.address.clone(),
                    d.language.code().to_string(),
                    d.notes.clone(),
                ]);
                rows += 1;
            }
        }
        ExportKind::Invoices => {
            let mut h = headers(KINDLY_INVOICES);
            // Not a synonym of "Amount paid": importing it back would count payments twice.
            h.push("Paid so far (see the payments file)".into());
            debug_assert_eq!(KINDLY_INVOICES.last().map(|c| c.0), Some(kindly_csv::ImportField::AmountCredited));
            w.row(&h);
            for id in ctx.store.invoice_ids().await? {
                let inv = ctx.store.invoice(id).await?;
                let status = match inv.status {
                    InvoiceStatus::Draft => "draft",
                    InvoiceStatus::Issued => "issued",
                    InvoiceStatus::Cancelled => "cancelled",
                };
                let money = |m: i64| Money::new(m, inv.currency).plain();
                for l in &inv.lines {
                    w.row(&[
                        inv.number.clone(),
                        inv.client_id.to_string(),
                        inv.client_name.clone(),
                        inv.issue_date.to_string(),
                        inv.due_date.to_string(),
                        inv.currency.code().to_string(),
                        status.to_string(),
                        l.description.clone(),
                        kindly_core::decimal::format_scaled_trimmed(i128::from(l.quantity_milli), 3),
                        money(l.unit_price_minor),
                        format_tax_rate(l.tax_rate_bp),
                        money(inv.total_minor),
                        inv.notes.clone(),
                        money(inv.credited_minor),
                        // Money received, net of what went back (reversals, refunds): no credits.
                        money(inv.net_paid_minor()),
                    ]);
                    rows += 1;
                }
            }
        }
        ExportKind::Payments => {
            w.row(&headers(KINDLY_PAYMENTS));
            for p in ctx.store.export_payments().await? {
                w.row(&[
                    p.invoice_number,
                    p.paid_on.to_string(),
                    p.amount.plain(),
                    p.amount.currency.code().to_string(),
                    p.method.as_str().to_string(),
                    p.reference.unwrap_or_default(),
                ]);
                rows += 1;
            }
        }
        ExportKind::Timeline => {
            w.row(&["At", "Client", "Invoice number", "Kind", "Summary"]);
            for e in ctx.store.export_timeline().await? {
                w.row(&[
                    e.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    e.client_name,
                    e.invoice_number.unwrap_or_default(),
                    e.kind,
                    e.summary,
                ]);
                rows += 1;
            }
        }
    }
    Ok((w.finish(), rows))
}

/// Writes one export to `req.path` (a temporary file beside it, then a rename).
pub async fn export(ctx: Ctx<'_>, req: &ExportRequest) -> ApiResult<ExportResult> {
    let (text, rows) = csv(ctx, req.kind).await?;
    let path = Path::new(req.path.trim());
    write_atomic(path, text.as_bytes())?;
    tracing::info!(kind = req.kind.as_str(), rows, "CSV export");
    Ok(ExportResult { path: path.display().to_string(), rows })
}

//! CSV import of clients, invoices and payments. Three steps, one rule set:
//! `detect` proposes a mapping (headers, the first rows, the tool it looks
//! like), `dry_run` reads every row with the mapping the user confirmed and
//! reports what is new, what is already in Kindly and every problem by row
//! and column, writing nothing; `apply` does the same reading again and
//! writes everything in one store transaction, or nothing when there is any
//! problem. Importing the same file again adds nothing: clients are found by
//! the file's client id or by name and e-mail, invoices by number (same
//! client and total: already there; different: a problem), payments by a
//! fingerprint kept in the store.

use crate::files::io_error;
use crate::{ApiError, ApiResult, Ctx};
use kindly_core::client::ClientDetails;
use kindly_core::invoice::InvoiceStatus;
use kindly_core::payment::PaymentMethod;
use kindly_core::{ErrorCode, Money};
use kindly_csv::fields::ImportField;
use kindly_csv::rows::{ClientKey, ImportedStatus};
use kindly_csv::{CsvError, ImportKind, ImportPreset, Mapping, Problem, Records};
use kindly_store::{
    BatchRef, ImportBatch, ImportClient, ImportCreditNote, ImportInvoice, ImportPayment, InvoiceByNumber,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use ts_rs::TS;

/// Propose a mapping for a file.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ImportDetectRequest {
    pub path: String,
    pub kind: ImportKind,
    /// The tool the file comes from, when the user chose one.
    #[serde(default)]
    pub preset: Option<ImportPreset>,
}

/// A field the mapping screen offers a column for.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportFieldInfo {
    pub field: ImportField,
    pub label: String,
    pub required: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportProposal {
    pub mapping: Mapping,
    pub headers: Vec<String>,
    /// The first data rows, as cells.
    pub preview: Vec<Vec<String>>,
    pub detected_preset: Option<ImportPreset>,
    pub fields: Vec<ImportFieldInfo>,
}

/// Read (dry run) or import a file with a confirmed mapping.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ImportRequest {
    pub path: String,
    pub mapping: Mapping,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Whether anything was written (never in a dry run, never with problems).
    pub written: bool,
    /// Data rows read.
    pub rows: u32,
    pub new_clients: u32,
    pub new_invoices: u32,
    pub new_payments: u32,
    /// Records of the file that Kindly already has (skipped).
    pub already_in_kindly: u32,
    pub problems: Vec<Problem>,
    /// Columns no field reads (ignored).
    pub ignored_columns: Vec<String>,
    /// "3 new, 120 already in Kindly".
    pub summary: String,
}

/// Reads the file, refusing one above the size limit before reading it.
fn read_file(path: &str) -> ApiResult<Vec<u8>> {
    let p = Path::new(path.trim());
    let meta = std::fs::metadata(p).map_err(|e| io_error("open", p, &e))?;
    if meta.len() > kindly_csv::MAX_FILE_BYTES {
        return Err(CsvError::TooLarge { size: meta.len(), limit: kindly_csv::MAX_FILE_BYTES }.into());
    }
    std::fs::read(p).map_err(|e| io_error("read", p, &e))
}

pub async fn detect(ctx: Ctx<'_>, req: &ImportDetectRequest) -> ApiResult<ImportProposal> {
    let bytes = read_file(&req.path)?;
    let settings = ctx.store.settings().await?;
    let d = kindly_csv::detect(&bytes, req.kind, req.preset, settings.default_currency.code())?;
    let fields = req
        .kind
        .fields()
        .iter()
        .map(|f| ImportFieldInfo { field: *f, label: f.label().into(), required: req.kind.required().contains(f) })
        .collect();
    Ok(ImportProposal {
        mapping: d.mapping,
        headers: d.headers,
        preview: d.preview,
        detected_preset: d.detected_preset,
        fields,
    })
}

pub async fn dry_run(ctx: Ctx<'_>, req: &ImportRequest) -> ApiResult<ImportReport> {
    let bytes = read_file(&req.path)?;
    let (mut report, _) = plan(ctx, &bytes, &req.mapping).await?;
    report.dry_run = true;
    Ok(report)
}

/// Imports the file; with any problem, nothing is written and the error
/// says how many (run a dry run to see them).
pub async fn apply(ctx: Ctx<'_>, req: &ImportRequest) -> ApiResult<ImportReport> {
    let bytes = read_file(&req.path)?;
    apply_bytes(ctx, &bytes, &req.mapping).await
}

/// [`apply`] on bytes already read (the benchmark, tests).
pub async fn apply_bytes(ctx: Ctx<'_>, bytes: &[u8], mapping: &Mapping) -> ApiResult<ImportReport> {
    let (mut report, batch) = plan(ctx, bytes, mapping).await?;
    if let Some(first) = report.problems.first() {
        let n = report.problems.len();
        return Err(ApiError::new(
            ErrorCode::ImportHasProblems,
            format!(
                "Nothing was imported: the file has {n} problem{} (first: row {}{}: {}). Fix them or the mapping, then import again.",
                if n == 1 { "" } else { "s" },
                first.row,
                if first.column.is_empty() { String::new() } else { format!(", column “{}”", first.column) },
                first.message
            ),
            Some("file"),
        ));
    }
    let counts = ctx.store.import_batch(&batch, ctx.now).await?;
    report.written = counts.clients + counts.invoices + counts.payments > 0;
    tracing::info!(
        rows = report.rows,
        clients = counts.clients,
        invoices = counts.invoices,
        payments = counts.payments,
        "CSV import"
    );
    Ok(report)
}

/// Normalised name and e-mail: how a client without an id is recognised.
fn name_key(name: &str, email: Option<&str>) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    format!("name:{name}|{}", email.unwrap_or("").trim().to_lowercase())
}

fn ref_key(r: &str) -> String {
    format!("ref:{}", r.trim())
}

/// Where each client of the store and of the file can be found.
struct ClientIndex {
    by_key: HashMap<String, i64>,
    /// Lower-cased name → clients with it (to match an invoice row without e-mail).
    by_name: HashMap<String, Vec<i64>>,
}

async fn client_index(ctx: Ctx<'_>) -> ApiResult<ClientIndex> {
    let mut by_key = ctx.store.import_keys("client").await?;
    let mut by_name: HashMap<String, Vec<i64>> = HashMap::new();
    for c in ctx.store.import_client_index().await? {
        let emails: Vec<String> = serde_json::from_str(&c.emails).unwrap_or_default();
        by_key.entry(name_key(&c.display_name, emails.first().map(String::as_str))).or_insert(c.id);
        by_name.entry(c.display_name.trim().to_lowercase()).or_default().push(c.id);
    }
    Ok(ClientIndex { by_key, by_name })
}

async fn plan(ctx: Ctx<'_>, bytes: &[u8], mapping: &Mapping) -> ApiResult<(ImportReport, ImportBatch)> {
    let parsed = kindly_csv::parse(bytes, mapping)?;
    let headers = parsed.headers.clone();
    let mut report = ImportReport {
        rows: parsed.rows as u32,
        already_in_kindly: parsed.repeated_rows as u32,
        problems: parsed.problems,
        ignored_columns: parsed.ignored_columns,
        ..ImportReport::default()
    };
    let mut batch = ImportBatch::default();
    match parsed.records {
        Records::Clients(rows) => {
            let index = client_index(ctx).await?;
            let mut seen: HashSet<String> = HashSet::new();
            for r in rows {
                let nk = name_key(&r.details.display_name, r.details.emails.first().map(String::as_str));
                let rk = r.external_ref.as_deref().map(ref_key);
                let known = rk.as_ref().is_some_and(|k| index.by_key.contains_key(k) || seen.contains(k))
                    || (rk.is_none() && (index.by_key.contains_key(&nk) || seen.contains(&nk)));
                if known {
                    report.already_in_kindly += 1;
                    continue;
                }
                let mut keys = vec![nk];
                keys.extend(rk);
                seen.extend(keys.iter().cloned());
                batch.clients.push(ImportClient { details: r.details, keys });
            }
        }
        Records::Invoices(rows) => {
            let index = client_index(ctx).await?;
            let numbers: Vec<String> = rows.iter().map(|r| r.number.clone()).collect();
            let existing: HashMap<String, InvoiceByNumber> =
                ctx.store.invoices_by_number(&numbers).await?.into_iter().map(|i| (i.number.clone(), i)).collect();
            let mut new_clients: HashMap<String, usize> = HashMap::new();
            let number_col = header(mapping, &headers, ImportField::InvoiceNumber);
            for r in rows {
                if let Some(have) = existing.get(&r.number) {
                    let same = have.total_minor == r.totals.total_minor
                        && have.currency == r.currency
                        && (r.client.name.is_empty()
                            || have.client_name.trim().eq_ignore_ascii_case(r.client.name.trim()));
                    if same {
                        report.already_in_kindly += 1;
                    } else {
                        report.problems.push(Problem {
                            row: r.row,
                            column: number_col.clone(),
                            value: r.number.clone(),
                            code: ErrorCode::DuplicateInvoiceNumber,
                            message: format!(
                                "invoice {} is already in Kindly for {} ({}), but this row says {} ({}); a number names one invoice",
                                r.number,
                                have.client_name,
                                Money::new(have.total_minor, have.currency).plain(),
                                if r.client.name.is_empty() { "another client" } else { &r.client.name },
                                Money::new(r.totals.total_minor, r.currency).plain()
                            ),
                        });
                    }
                    continue;
                }
                let client = match resolve_client(&index, &r.client) {
                    Some(id) => BatchRef::Existing(id),
                    None if r.client.name.is_empty() => {
                        report.problems.push(Problem {
                            row: r.row,
                            column: header(mapping, &headers, ImportField::ClientRef),
                            value: r.client.external_ref.clone().unwrap_or_default(),
                            code: ErrorCode::ImportClientUnknown,
                            message: "no client in Kindly has this client ID; import the clients file first, or choose the column with the client's name".into(),
                        });
                        continue;
                    }
                    None => {
                        let nk = name_key(&r.client.name, r.client.email.as_deref());
                        let i = match new_clients.get(&nk) {
                            Some(i) => *i,
                            None => {
                                let emails: Vec<String> = r.client.email.iter().cloned().collect();
                                let form = kindly_core::client::ClientForm {
                                    display_name: &r.client.name,
                                    emails: &emails,
                                    ..Default::default()
                                };
                                let details: ClientDetails = match ClientDetails::validate(&form) {
                                    Ok(d) => d,
                                    Err(e) => {
                                        report.problems.push(Problem {
                                            row: r.row,
                                            column: header(mapping, &headers, ImportField::ClientName),
                                            value: r.client.name.clone(),
                                            code: e.code(),
                                            message: e.to_string(),
                                        });
                                        continue;
                                    }
                                };
                                let mut keys = vec![nk.clone()];
                                keys.extend(r.client.external_ref.as_deref().map(ref_key));
                                batch.clients.push(ImportClient { details, keys });
                                new_clients.insert(nk, batch.clients.len() - 1);
                                batch.clients.len() - 1
                            }
                        };
                        BatchRef::New(i)
                    }
                };
                let status = match r.status {
                    ImportedStatus::Issued => InvoiceStatus::Issued,
                    ImportedStatus::Draft => InvoiceStatus::Draft,
                    ImportedStatus::Cancelled => InvoiceStatus::Cancelled,
                };
                batch.invoices.push(ImportInvoice {
                    client,
                    number: r.number.clone(),
                    issue_date: r.issue_date,
                    due_date: r.due_date,
                    currency: r.currency,
                    status,
                    lines: r.lines,
                    totals: r.totals,
                    notes: r.notes,
                });
                if r.credited_minor > 0 && status == InvoiceStatus::Issued {
                    batch.credit_notes.push(ImportCreditNote {
                        invoice: BatchRef::New(batch.invoices.len() - 1),
                        amount_minor: r.credited_minor,
                        issue_date: r.issue_date.max(ctx.today.min(r.due_date)),
                        reason: "Credited per the imported file".into(),
                    });
                }
                if r.paid_minor > 0 && status == InvoiceStatus::Issued {
                    batch.payments.push(ImportPayment {
                        invoice: BatchRef::New(batch.invoices.len() - 1),
                        amount: Money::new(r.paid_minor, r.currency),
                        paid_on: r.issue_date.max(ctx.today.min(r.due_date)),
                        method: PaymentMethod::Other,
                        reference: Some("Amount paid per the imported file".into()),
                        key: None,
                    });
                }
            }
        }
        Records::Payments(rows) => {
            let numbers: Vec<String> = rows.iter().map(|r| r.invoice_number.clone()).collect();
            let existing: HashMap<String, InvoiceByNumber> =
                ctx.store.invoices_by_number(&numbers).await?.into_iter().map(|i| (i.number.clone(), i)).collect();
            let known = ctx.store.import_keys("payment").await?;
            let mut seen: HashSet<String> = HashSet::new();
            let mut owing: HashMap<i64, i64> = HashMap::new();
            for r in rows {
                let Some(inv) = existing.get(&r.invoice_number) else {
                    report.problems.push(Problem {
                        row: r.row,
                        column: header(mapping, &headers, ImportField::InvoiceNumber),
                        value: r.invoice_number.clone(),
                        code: ErrorCode::ImportInvoiceUnknown,
                        message: format!(
                            "no invoice numbered {} is in Kindly; import the invoices first",
                            r.invoice_number
                        ),
                    });
                    continue;
                };
                let amount = Money::new(r.amount_minor, inv.currency);
                let fp = format!(
                    "{}|{}|{}|{}",
                    r.invoice_number,
                    r.date,
                    amount.plain(),
                    r.reference.as_deref().unwrap_or("").trim()
                );
                if known.contains_key(&fp) || !seen.insert(fp.clone()) {
                    report.already_in_kindly += 1;
                    continue;
                }
                let bad = |code: ErrorCode, message: String| Problem {
                    row: r.row,
                    column: header(mapping, &headers, ImportField::Amount),
                    value: amount.plain(),
                    message,
                    code,
                };
                if r.currency.is_some_and(|c| c != inv.currency) {
                    report.problems.push(Problem {
                        column: header(mapping, &headers, ImportField::Currency),
                        ..bad(
                            ErrorCode::CurrencyMismatch,
                            format!(
                                "invoice {} is in {}, not {}",
                                inv.number,
                                inv.currency,
                                r.currency.map_or("", |c| c.code())
                            ),
                        )
                    });
                    continue;
                }
                if inv.status != InvoiceStatus::Issued {
                    report.problems.push(bad(
                        ErrorCode::InvoiceNotIssued,
                        format!(
                            "invoice {} is {}; only issued invoices take payments",
                            inv.number,
                            inv.status.as_str()
                        ),
                    ));
                    continue;
                }
                let left = owing.entry(inv.id).or_insert(inv.total_minor - inv.paid_minor);
                if r.amount_minor > *left {
                    report.problems.push(bad(
                        ErrorCode::Overpayment,
                        format!(
                            "the payment is more than what is still owing on invoice {} ({})",
                            inv.number,
                            Money::new(*left, inv.currency).plain()
                        ),
                    ));
                    continue;
                }
                *left -= r.amount_minor;
                batch.payments.push(ImportPayment {
                    invoice: BatchRef::Existing(inv.id),
                    amount,
                    paid_on: r.date,
                    method: r.method,
                    reference: r.reference,
                    key: Some(fp),
                });
            }
        }
    }
    report.problems.sort_by_key(|p| p.row);
    report.new_clients = batch.clients.len() as u32;
    report.new_invoices = batch.invoices.len() as u32;
    report.new_payments = batch.payments.iter().filter(|p| p.key.is_some()).count() as u32;
    let new = match mapping.kind {
        ImportKind::Clients => report.new_clients,
        ImportKind::Invoices => report.new_invoices,
        ImportKind::Payments => report.new_payments,
    };
    report.summary = format!("{new} new, {} already in Kindly", report.already_in_kindly);
    if !report.problems.is_empty() {
        report.summary.push_str(&format!(
            ", {} problem{}",
            report.problems.len(),
            if report.problems.len() == 1 { "" } else { "s" }
        ));
    }
    Ok((report, batch))
}

fn resolve_client(index: &ClientIndex, key: &ClientKey) -> Option<i64> {
    if let Some(id) = key.external_ref.as_deref().and_then(|r| index.by_key.get(&ref_key(r))) {
        return Some(*id);
    }
    if key.name.is_empty() {
        return None;
    }
    if let Some(id) = index.by_key.get(&name_key(&key.name, key.email.as_deref())) {
        return Some(*id);
    }
    // Without an e-mail in the file, a name that one client has is that client.
    if key.email.is_none() {
        if let Some([one]) = index.by_name.get(&key.name.trim().to_lowercase()).map(Vec::as_slice) {
            return Some(*one);
        }
    }
    None
}

fn header(mapping: &Mapping, headers: &[String], f: ImportField) -> String {
    mapping.column(f).and_then(|i| headers.get(i)).map_or_else(|| f.label().to_string(), |h| h.trim().to_string())
}

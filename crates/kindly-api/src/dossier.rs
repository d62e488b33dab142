//! The evidence dossier for one client (or one invoice), for a collection
//! agency or a small-claims court: a PDF (summary of amounts as of today,
//! payments, promises, every contact in order with time-zoned timestamps,
//! the full text of each e-mail and letter, attachments with their SHA-256),
//! a CSV of the same timeline, and a zip holding both, the original files
//! and a `SHA256SUMS` list.
//!
//! Every attachment recorded in the timeline (the `files` convention, and
//! letter entries' `pdf` + `sha256`) is looked up; a file that is missing or
//! whose SHA-256 no longer matches is listed as such in the PDF, the CSV and
//! the result, never silently skipped. Files are written atomically.
//! The user's UTC offset is passed in (`utc_offset_minutes`); no clock here.
//!
//! The dossier is written in the client's language (headings, column
//! names, channel, method and outcome words, dates and money), from
//! kindly-i18n's catalogue; no raw recorded value (`bank_transfer`,
//! `call_logged`) reaches it. The CSV keeps RFC 3339 timestamps (exact, and
//! sortable) with headers and words in the same language.

use crate::contacts::{file_safe, offset};
use crate::files::{data_dir, sha256_hex, stamped, write_new};
use crate::wording;
use crate::{ApiError, ApiResult, Ctx};
use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use kindly_core::invoice::{days_overdue, InvoiceStatus};
use kindly_core::locale::Locale;
use kindly_core::timeline::EventKind;
use kindly_core::vocab::EvidenceKind;
use kindly_core::vocab::FileCheck;
use kindly_core::ErrorCode;
use kindly_core::{Currency, Money};
use kindly_i18n::{t, tr};
use kindly_pdf::{DocMeta, Fonts, PageSize, ReportBlock, ReportDoc, ReportSection, Table};
use kindly_store::{InvoiceQuery, InvoiceRecord, PaymentRecord, TimelineEntry, TimelineFilter};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct DossierRequest {
    pub client_id: i64,
    /// Only this invoice (and the client's entries about it).
    #[serde(default)]
    pub invoice_id: Option<i64>,
    /// Folder to write into; default `<data dir>/exports`.
    #[serde(default)]
    pub out_dir: Option<String>,
    /// The user's offset from UTC in minutes; timestamps are written with it.
    #[serde(default)]
    pub utc_offset_minutes: i32,
    /// a4 or letter (default: letter for English, A4 otherwise).
    #[serde(default)]
    pub page_size: Option<PageSize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DossierFile {
    pub entry_id: i64,
    /// pdf, eml or scan.
    pub kind: EvidenceKind,
    pub name: String,
    /// The SHA-256 recorded when the file was kept.
    pub sha256: String,
    /// ok, missing or changed.
    pub status: FileCheck,
    /// The SHA-256 found now, when it differs.
    pub sha256_now: Option<String>,
    /// Its name inside the zip, when it is there.
    pub in_zip: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DossierResult {
    pub pdf_path: String,
    pub csv_path: String,
    pub zip_path: String,
    pub pdf_sha256: String,
    pub zip_sha256: String,
    pub entries: i64,
    pub files: Vec<DossierFile>,
}

/// One line of the dossier's timeline (PDF list and CSV).
#[derive(Clone)]
struct Line {
    id: i64,
    /// RFC 3339 with the user's offset (CSV).
    at: String,
    /// The same instant for a reader (PDF).
    at_human: String,
    kind: String,
    channel: String,
    direction: String,
    invoice: String,
    summary: String,
    details: String,
    refers_to: Option<i64>,
    files: String,
}

fn s(v: &serde_json::Value, k: &str) -> String {
    match v.get(k) {
        Some(serde_json::Value::String(x)) => x.clone(),
        Some(serde_json::Value::Array(a)) => a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(", "),
        _ => String::new(),
    }
}

fn channel_of(e: &TimelineEntry) -> String {
    let c = s(&e.data, "channel");
    if !c.is_empty() {
        return c;
    }
    match e.kind {
        EventKind::PaymentRecorded | EventKind::PaymentReversed | EventKind::RefundMade => "payment",
        EventKind::Note | EventKind::Correction => "note",
        EventKind::InvoiceCreated
        | EventKind::InvoiceIssued
        | EventKind::InvoiceCancelled
        | EventKind::InvoiceImported
        | EventKind::CreditNoteIssued => "invoice",
        EventKind::PromiseRecorded | EventKind::PromiseKept | EventKind::PromiseBroken => "promise",
        _ => "record",
    }
    .to_string()
}

/// The files an entry refers to: (kind, path, sha256, name).
fn entry_files(e: &TimelineEntry) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    if let Some(files) = e.data.get("files").and_then(|f| f.as_array()) {
        for f in files {
            let path = s(f, "path");
            if path.is_empty() {
                continue;
            }
            let name = s(f, "name");
            let name = if name.is_empty() {
                Path::new(&path).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default()
            } else {
                name
            };
            out.push((s(f, "kind"), path, s(f, "sha256"), name));
        }
    }
    let pdf = s(&e.data, "pdf");
    if !pdf.is_empty() && !out.iter().any(|f| f.1 == pdf) {
        let name = Path::new(&pdf).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        out.push(("pdf".into(), pdf, s(&e.data, "sha256"), name));
    }
    out
}

/// A recorded day ("2026-11-20") as the reader writes it; other text as is.
fn day_text(v: &str, l: Locale) -> String {
    v.parse::<chrono::NaiveDate>().map(|d| l.format_date(d)).unwrap_or_else(|_| v.to_string())
}

/// The entry's full text: an e-mail's or letter's body, a note, a call's
/// notes, after its facts labelled in the reader's language.
fn details(e: &TimelineEntry, l: Locale, currency: Option<Currency>) -> String {
    let d = &e.data;
    let mut parts = Vec::new();
    let field = |k: &str| t(l, &format!("field-{}", k.replace('_', "-")));
    let outcome = s(d, "outcome");
    if !outcome.is_empty() {
        parts.push(format!("{}: {}", field("outcome"), wording::label(l, "call-outcome", &outcome)));
    }
    for k in ["from", "to", "date", "subject"] {
        let v = s(d, k);
        if !v.is_empty() {
            parts.push(format!("{}: {v}", field(k)));
        }
    }
    if let Some(p) = d.get("promise").filter(|p| !p.is_null()) {
        let minor = p.get("amount_minor").and_then(|m| m.as_i64()).unwrap_or_default();
        let amount = match currency {
            Some(c) => money(minor, c, l),
            None => minor.to_string(),
        };
        let date = day_text(&s(p, "promised_on"), l);
        parts.push(tr(l, "dossier-promise", &[("amount", amount.into()), ("date", date.into())]));
    }
    for k in ["retry_on", "hold", "until", "reason"] {
        let v = s(d, k);
        if !v.is_empty() {
            let v = if k == "hold" { wording::label(l, "hold", &v) } else { day_text(&v, l) };
            parts.push(format!("{}: {v}", field(k)));
        }
    }
    for k in ["body", "text", "notes", "note"] {
        let v = s(d, k);
        if !v.is_empty() {
            parts.push(v);
        }
    }
    parts.join("\n")
}

/// A CSV cell: formula-injection safe (a leading = + - @ tab or CR gets a
/// `'`), quoted per RFC 4180 when needed.
pub fn csv_cell(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{v}") } else { v.to_string() };
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

fn csv(lines: &[Line], l: Locale) -> String {
    let headers = [
        "col-entry",
        "col-time",
        "col-kind",
        "col-channel",
        "col-direction",
        "col-invoice",
        "col-what",
        "col-details",
        "col-refers-to",
        "col-files",
    ]
    .map(|id| csv_cell(&t(l, id)));
    let mut out = headers.join(",");
    out.push_str("\r\n");
    for l in lines {
        let row = [
            l.id.to_string(),
            l.at.clone(),
            l.kind.clone(),
            l.channel.clone(),
            l.direction.clone(),
            l.invoice.clone(),
            l.summary.clone(),
            l.details.clone(),
            l.refers_to.map(|r| r.to_string()).unwrap_or_default(),
            l.files.clone(),
        ];
        out.push_str(&row.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// A kept file's state for a reader.
fn file_state(f: &DossierFile, l: Locale) -> String {
    let sha = f.sha256_now.clone().unwrap_or_default();
    tr(l, &format!("file-check-{}", f.status.as_str()), &[("sha", sha.into())])
}

fn stamp(t: DateTime<Utc>, tz: FixedOffset) -> String {
    t.with_timezone(&tz).to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn money(minor: i64, c: Currency, l: Locale) -> String {
    Money::new(minor, c).format(l)
}

/// Builds and writes the dossier (PDF, CSV, zip) and returns where.
pub async fn export(ctx: Ctx<'_>, fonts: &Fonts, req: &DossierRequest) -> ApiResult<DossierResult> {
    let tz = offset(req.utc_offset_minutes)?;
    let client = ctx.store.client(req.client_id).await?;
    let settings = ctx.store.settings().await?;
    // Written for the client (and whoever they or the user hand it to).
    let locale = client.details.language;
    let invoices: Vec<InvoiceRecord> = match req.invoice_id {
        Some(id) => {
            let inv = ctx.store.invoice(id).await?;
            if inv.client_id != client.id {
                return Err(ApiError::new(
                    ErrorCode::WrongClient,
                    "That invoice belongs to another client.",
                    Some("invoice_id"),
                ));
            }
            vec![inv]
        }
        None => {
            let q = InvoiceQuery { client_id: Some(client.id), limit: 100_000, ..Default::default() };
            let mut v = Vec::new();
            for row in ctx.store.list_invoices(&q, ctx.today).await?.rows {
                v.push(ctx.store.invoice(row.id).await?);
            }
            v.sort_by_key(|i| (i.issue_date, i.id));
            v
        }
    };
    let invoices: Vec<InvoiceRecord> = invoices.into_iter().filter(|i| i.status != InvoiceStatus::Draft).collect();
    let mut payments: Vec<(String, PaymentRecord)> = Vec::new();
    for i in &invoices {
        for p in ctx.store.payments(i.id).await? {
            payments.push((i.number.clone(), p));
        }
    }
    payments.sort_by_key(|(_, p)| (p.paid_on, p.id));
    crate::contacts::resolve_promises(ctx).await?;
    let promises = ctx.store.promises(Some(client.id), req.invoice_id).await?;
    let filter = TimelineFilter {
        client_id: Some(client.id),
        invoice_id: req.invoice_id,
        ascending: true,
        ..Default::default()
    };
    let entries = ctx.store.timeline(&filter).await?;

    // Attachments: look each one up and check its hash.
    let base_dir = data_dir(ctx);
    let mut files: Vec<DossierFile> = Vec::new();
    let mut zip_files: Vec<(String, Vec<u8>)> = Vec::new();
    for e in &entries {
        for (kind, path, sha, name) in entry_files(e) {
            // On a team database a file another member made is fetched first.
            let full = crate::files::local_kept(ctx, &path).await?;
            let (status, now_sha, in_zip) = match std::fs::read(&full) {
                Ok(bytes) => {
                    let h = sha256_hex(&bytes);
                    let zname = format!("files/{}-{}", e.id, file_safe(&name));
                    // The same letter PDF can back several entries; keep one copy per entry for clarity.
                    zip_files.push((zname.clone(), bytes));
                    if h.eq_ignore_ascii_case(&sha) {
                        (FileCheck::Ok, None, Some(zname))
                    } else {
                        (FileCheck::Changed, Some(h), Some(zname))
                    }
                }
                Err(_) => (FileCheck::Missing, None, None),
            };
            files.push(DossierFile {
                entry_id: e.id,
                kind: EvidenceKind::parse(&kind).unwrap_or(EvidenceKind::Other),
                name,
                sha256: sha,
                status,
                sha256_now: now_sha,
                in_zip,
            });
        }
    }

    let currency_of = |e: &TimelineEntry| invoices.iter().find(|i| Some(i.id) == e.invoice_id).map(|i| i.currency);
    let lines: Vec<Line> = entries
        .iter()
        .map(|e| Line {
            id: e.id,
            at: stamp(e.at, tz),
            at_human: wording::instant(e.at, tz, locale),
            kind: wording::event_label(e.kind, locale),
            channel: channel_of(e),
            direction: {
                let d = s(&e.data, "direction");
                if d.is_empty() {
                    d
                } else {
                    wording::label(locale, "direction", &d)
                }
            },
            invoice: e.invoice_number.clone().unwrap_or_default(),
            summary: wording::timeline_summary(e, locale),
            details: details(e, locale, currency_of(e)),
            refers_to: e.refers_to,
            files: files
                .iter()
                .filter(|f| f.entry_id == e.id)
                .map(|f| format!("{} SHA-256 {} ({})", f.name, f.sha256, file_state(f, locale)))
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect();
    let csv_text = csv(
        &lines
            .iter()
            .map(|l| Line { channel: wording::label(locale, "channel", &l.channel), ..l.clone() })
            .collect::<Vec<_>>(),
        locale,
    );

    // ---- the PDF
    let offset_label = wording::instant(ctx.now, tz, locale);
    let mut sections = Vec::new();
    let mut rows = Vec::new();
    let mut totals: BTreeMap<&'static str, (Currency, i64, i64, i64)> = BTreeMap::new();
    for i in &invoices {
        let cancelled = i.status == InvoiceStatus::Cancelled;
        let owing = i.outstanding().minor;
        let overdue = if owing > 0 { days_overdue(i.due_date, ctx.today).max(0) } else { 0 };
        rows.push(vec![
            if cancelled {
                tr(locale, "dossier-cancelled", &[("number", i.number.as_str().into())])
            } else {
                i.number.clone()
            },
            locale.format_date_short(i.issue_date),
            locale.format_date_short(i.due_date),
            money(i.total_minor, i.currency, locale),
            // Money received that still counts (credit notes are in the timeline).
            money(i.net_paid_minor(), i.currency, locale),
            money(owing, i.currency, locale),
            overdue.to_string(),
        ]);
        if !cancelled {
            let t = totals.entry(i.currency.code()).or_insert((i.currency, 0, 0, 0));
            t.1 += i.total_minor;
            t.2 += i.net_paid_minor();
            t.3 += owing;
        }
    }
    let max_overdue = invoices
        .iter()
        .filter(|i| i.outstanding().minor > 0)
        .map(|i| days_overdue(i.due_date, ctx.today).max(0))
        .max()
        .unwrap_or(0);
    let mut summary_blocks = vec![ReportBlock::Table(Table {
        headers: ["col-invoice", "col-issued", "col-due", "col-invoiced", "col-paid", "col-owing", "col-days-overdue"]
            .map(|id| t(locale, id))
            .to_vec(),
        rows,
        right_align: vec![3, 4, 5, 6],
        total: None,
    })];
    for (code, (c, inv, paid, owing)) in &totals {
        summary_blocks.push(ReportBlock::Paragraph(tr(
            locale,
            "dossier-total",
            &[
                ("currency", (*code).into()),
                ("invoiced", money(*inv, *c, locale).into()),
                ("paid", money(*paid, *c, locale).into()),
                ("owing", money(*owing, *c, locale).into()),
                ("days", max_overdue.into()),
            ],
        )));
    }
    sections.push(ReportSection {
        heading: tr(locale, "dossier-summary", &[("date", locale.format_date(ctx.today).into())]),
        blocks: summary_blocks,
    });

    if !payments.is_empty() {
        sections.push(ReportSection {
            heading: t(locale, "dossier-payments"),
            blocks: vec![ReportBlock::Table(Table {
                headers: ["col-paid-on", "col-invoice", "col-amount", "col-method", "col-reference"]
                    .map(|id| t(locale, id))
                    .to_vec(),
                rows: payments
                    .iter()
                    .map(|(n, p)| {
                        vec![
                            locale.format_date_short(p.paid_on),
                            n.clone(),
                            p.amount.format(locale),
                            wording::method_label(p.method, locale),
                            p.reference.clone().unwrap_or_default(),
                        ]
                    })
                    .collect(),
                right_align: vec![2],
                total: None,
            })],
        });
    }
    if !promises.is_empty() {
        sections.push(ReportSection {
            heading: t(locale, "dossier-promises"),
            blocks: vec![ReportBlock::Table(Table {
                headers: [
                    "col-promised-for",
                    "col-invoice",
                    "col-amount",
                    "col-given-by",
                    "col-recorded",
                    "col-outcome",
                ]
                .map(|id| t(locale, id))
                .to_vec(),
                rows: promises
                    .iter()
                    .map(|p| {
                        vec![
                            locale.format_date_short(p.promised_on),
                            p.invoice_number.clone(),
                            money(p.amount_minor, p.currency, locale),
                            wording::label(locale, "promise-how", p.how.as_str()),
                            wording::instant(p.recorded_at, tz, locale),
                            wording::label(locale, "promise-outcome", p.outcome.map_or("open", |o| o.as_str())),
                        ]
                    })
                    .collect(),
                right_align: vec![2],
                total: None,
            })],
        });
    }
    sections.push(ReportSection {
        heading: t(locale, "dossier-contacts"),
        blocks: vec![ReportBlock::Table(Table {
            headers: vec![
                "#".into(),
                t(locale, "col-time"),
                t(locale, "col-channel"),
                t(locale, "col-invoice"),
                t(locale, "col-what"),
            ],
            rows: lines
                .iter()
                .map(|l| {
                    let what = match l.refers_to {
                        Some(r) => {
                            tr(locale, "dossier-corrects", &[("summary", l.summary.as_str().into()), ("id", r.into())])
                        }
                        None => l.summary.clone(),
                    };
                    vec![
                        l.id.to_string(),
                        l.at_human.clone(),
                        wording::label(locale, "channel", &l.channel),
                        l.invoice.clone(),
                        what,
                    ]
                })
                .collect(),
            right_align: vec![],
            total: None,
        })],
    });
    let mut texts = Vec::new();
    for (e, l) in entries.iter().zip(&lines) {
        let body = [s(&e.data, "body"), s(&e.data, "text"), s(&e.data, "notes")]
            .into_iter()
            .find(|b| !b.trim().is_empty())
            .unwrap_or_default();
        if body.is_empty() || !matches!(l.channel.as_str(), "email" | "letter" | "phone" | "note") {
            continue;
        }
        texts.push(ReportBlock::Subheading(format!("#{} · {} · {}", e.id, l.at_human, l.summary)));
        let mut meta = Vec::new();
        for k in ["from", "to", "subject", "date"] {
            let v = s(&e.data, k);
            if !v.is_empty() {
                meta.push(format!("{}: {v}", t(locale, &format!("field-{k}"))));
            }
        }
        if !meta.is_empty() {
            texts.push(ReportBlock::Small(meta.join("\n")));
        }
        texts.push(ReportBlock::Paragraph(body));
    }
    if !texts.is_empty() {
        sections.push(ReportSection { heading: t(locale, "dossier-texts"), blocks: texts });
    }
    let mut att = Vec::new();
    for f in &files {
        let kind = wording::label(locale, "evidence-kind", f.kind.as_str());
        let state = file_state(f, locale);
        att.push(ReportBlock::Paragraph(format!("#{} · {} ({kind}) · {state}", f.entry_id, f.name)));
        att.push(ReportBlock::Small(format!("SHA-256: {}", f.sha256)));
    }
    if att.is_empty() {
        att.push(ReportBlock::Paragraph(t(locale, "dossier-no-files")));
    }
    sections.push(ReportSection { heading: t(locale, "dossier-attachments"), blocks: att });

    let mut who = vec![client.details.display_name.clone()];
    who.extend(client.details.company.clone());
    who.extend(client.details.address.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from));
    who.extend(client.details.emails.iter().cloned());
    who.extend(client.details.phone.clone());
    let name = client.details.display_name.as_str();
    let title = match (req.invoice_id, invoices.first()) {
        (Some(_), Some(i)) => {
            tr(locale, "dossier-title-invoice", &[("client", name.into()), ("number", i.number.as_str().into())])
        }
        _ => tr(locale, "dossier-title", &[("client", name.into())]),
    };
    let business =
        if settings.business_name.is_empty() { "Kindly".to_string() } else { settings.business_name.clone() };
    let doc = ReportDoc {
        page: crate::documents::page_size(req.page_size, locale),
        title,
        subtitle: vec![
            tr(locale, "dossier-client", &[("who", who.join(" · ").into())]),
            tr(locale, "dossier-prepared", &[("business", business.as_str().into()), ("at", offset_label.into())]),
            tr(locale, "dossier-counts", &[("entries", lines.len().into()), ("files", files.len().into())]),
        ],
        sections,
        footer: vec![tr(locale, "dossier-footer", &[("business", business.as_str().into()), ("client", name.into())])],
    };
    let mut meta = DocMeta::new(doc.title.clone(), business, ctx.now.naive_utc());
    meta.page_label = Some(tr(locale, "page-label", &[("n", "{n}".into()), ("m", "{m}".into())]));
    let pdf = kindly_pdf::render_report(fonts, &doc, &meta).map_err(ApiError::from)?;

    // ---- the zip
    let mut sums = Vec::new();
    let mut members: Vec<(String, &[u8])> =
        vec![("dossier.pdf".into(), &pdf), ("timeline.csv".into(), csv_text.as_bytes())];
    for (n, b) in &zip_files {
        members.push((n.clone(), b));
    }
    for (n, b) in &members {
        sums.push(format!("{}  {n}\n", sha256_hex(b)));
    }
    let sums = sums.concat();
    let zip_err =
        |e: zip::result::ZipError| ApiError::new(ErrorCode::IoError, format!("Could not build the archive: {e}"), None);
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (n, b) in
            members.iter().map(|(n, b)| (n.as_str(), *b)).chain(std::iter::once(("SHA256SUMS", sums.as_bytes())))
        {
            z.start_file(n, opts).map_err(zip_err)?;
            z.write_all(b)
                .map_err(|e| ApiError::new(ErrorCode::IoError, format!("Could not build the archive: {e}"), None))?;
        }
        z.finish().map_err(zip_err)?;
    }
    let zip_bytes = buf.into_inner();

    let dir = match req.out_dir.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => base_dir.join("exports"),
    };
    let mut base = format!("dossier-{}", file_safe(&client.details.display_name));
    if let (Some(_), Some(i)) = (req.invoice_id, invoices.first()) {
        base.push_str(&format!("-{}", file_safe(&i.number)));
    }
    // A new name every time: an earlier dossier may already have been handed over.
    let base = stamped(ctx, &base);
    let pdf_path = write_new(&dir, &base, "pdf", &pdf)?;
    let csv_path = write_new(&dir, &base, "csv", csv_text.as_bytes())?;
    let zip_path = write_new(&dir, &base, "zip", &zip_bytes)?;
    Ok(DossierResult {
        pdf_path: pdf_path.display().to_string(),
        csv_path: csv_path.display().to_string(),
        zip_path: zip_path.display().to_string(),
        pdf_sha256: sha256_hex(&pdf),
        zip_sha256: sha256_hex(&zip_bytes),
        entries: lines.len() as i64,
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_are_quoted_and_formula_safe() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\"\nbye"), "\"say \"\"hi\"\"\nbye\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("2026-11-23T10:42:00+01:00"), "2026-11-23T10:42:00+01:00");
    }
}

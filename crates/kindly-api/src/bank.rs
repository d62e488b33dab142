//! Bank statements: who paid. A statement file is parsed and matched by
//! `kindly-bank` (no store access), then the decisions are applied here in
//! one store transaction: certain matches become payments at once (so the
//! invoice leaves Today and its queued e-mails are withdrawn before they are
//! sent), everything else waits in "To review", unrelated credits are listed
//! as unmatched, debits are kept but are not payments. Importing the same
//! file again, or an overlapping statement, records nothing new.

use crate::files::{io_error, sha256_hex};
use crate::views::{MoneyView, Page};
use crate::{ApiError, ApiResult, Ctx};
use kindly_bank::matching::{Candidate, Confidence};
use kindly_bank::{CsvMapping, Decision, Entry, Format, KnownPayers, OpenInvoice, OpenInvoices, ParseError};
use kindly_core::bank_reason::BankReason;
use kindly_core::invoice::InvoiceStatus;
use kindly_core::locale::Locale;
use kindly_core::vocab::{BankCsvRole, BankEntryStatus, BankFoundBy, BankNotRecorded, BankReasonKind};
use kindly_core::ErrorCode;
use kindly_core::{Currency, Money};
use kindly_store::{EntryDecision, ImportedEntry, NewBankEntry, NewImport};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use ts_rs::TS;

/// Import a statement file (camt.053/054 XML or zip, MT940, OFX, CSV).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct BankImportRequest {
    pub path: String,
    /// auto (default), camt, mt940, ofx or csv.
    #[serde(default)]
    pub format: String,
    /// Show what would happen; record nothing.
    #[serde(default)]
    pub dry_run: bool,
    /// For a CSV export: the column mapping the user confirmed (JSON of
    /// `CsvMappingView.mapping`); it is saved for the next file with the same header.
    #[serde(default)]
    pub csv_mapping: Option<String>,
}

/// A payment proposed for an entry (to review) or made from it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BankCandidateView {
    pub invoice_id: i64,
    pub number: String,
    pub client_id: i64,
    pub client_name: String,
    /// Still owing on the invoice.
    pub outstanding: MoneyView,
    /// The amount proposed for (or recorded on) this invoice.
    pub amount: MoneyView,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct BankEntryView {
    /// The stored entry (None in a dry run).
    pub id: Option<i64>,
    pub uid: String,
    pub booking_date: String,
    pub amount: MoneyView,
    pub credit: bool,
    pub payer_name: Option<String>,
    pub payer_iban: Option<String>,
    /// As the bank wrote it (plain text).
    pub remittance: String,
    pub structured_ref: Option<String>,
    /// recorded, review, unmatched, debit, known (imported before), ignored, assigned.
    pub status: BankEntryStatus,
    /// 1 reference, 2 invoice number, 3 known payer.
    pub tier: Option<i64>,
    /// high, medium, low.
    pub confidence: Option<String>,
    /// Why, in English, as recorded; the CLI prints it. Entries imported
    /// before migration 0019 have only this (no `why`): show it as written.
    pub reason: String,
    /// Why, as a kind and its facts, for the reader to word in its language.
    pub why: Option<BankReasonView>,
    pub candidates: Vec<BankCandidateView>,
}

/// Why Kindly decided what it did about an entry: the kind, and the facts
/// it states (which are set depends on the kind; see `BankReasonKind`).
#[derive(Debug, Clone, Serialize, TS)]
pub struct BankReasonView {
    pub kind: BankReasonKind,
    /// What found the invoices (tiers 1 and 2).
    pub found_by: Option<BankFoundBy>,
    /// The creditor references that found them, grouped.
    pub references: Vec<String>,
    /// The invoice numbers found (or, for a known payer, proposed).
    pub invoices: Vec<String>,
    /// The one invoice the sentence is about, when it names one.
    pub invoice: Option<String>,
    /// The entry's amount.
    pub amount: Option<MoneyView>,
    /// The balance of `invoice`.
    pub balance: Option<MoneyView>,
    /// Too much, or what stays open after a partial payment.
    pub difference: Option<MoneyView>,
    /// The invoice's currency when it is not the payment's (ISO 4217).
    pub invoice_currency: Option<String>,
    /// A certain match sent to review at import, and why.
    pub not_recorded: Option<BankNotRecordedView>,
}

/// Why a certain match was not recorded at import after all.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BankNotRecordedView {
    pub problem: BankNotRecorded,
    /// The invoice's number (its id when it no longer exists).
    pub invoice: String,
    pub status: Option<InvoiceStatus>,
    pub invoice_currency: Option<String>,
    pub payment_currency: Option<String>,
    /// Still owing on the invoice.
    pub owing: Option<MoneyView>,
}

impl BankReasonView {
    pub fn of(r: &BankReason, locale: Locale) -> BankReasonView {
        let x = &r.facts;
        let view = |m: Option<Money>| m.map(|m| MoneyView::new(m.minor, m.currency, locale));
        BankReasonView {
            kind: r.kind,
            found_by: x.found_by,
            references: x.references.clone(),
            invoices: x.invoices.clone(),
            invoice: x.invoice.clone(),
            amount: view(x.amount()),
            balance: view(x.balance()),
            difference: view(x.difference()),
            invoice_currency: x.invoice_currency.clone(),
            not_recorded: x.not_recorded.as_ref().map(|n| {
                let currency = n.payment_currency.as_deref().and_then(|c| Currency::parse(c).ok());
                BankNotRecordedView {
                    problem: n.problem,
                    invoice: n.invoice.clone(),
                    status: n.status,
                    invoice_currency: n.invoice_currency.clone(),
                    payment_currency: n.payment_currency.clone(),
                    owing: n.owing_minor.zip(currency).map(|(m, c)| MoneyView::new(m, c, locale)),
                }
            }),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct BankImportResult {
    pub dry_run: bool,
    /// camt, mt940, ofx or csv.
    pub format: String,
    pub file_name: String,
    pub entries: i64,
    /// Seen before (this file or an overlapping one): nothing recorded again.
    pub already_imported: i64,
    pub recorded: i64,
    pub payments: i64,
    /// The sum of the payments recorded, per currency.
    pub recorded_total: Vec<MoneyView>,
    pub review: i64,
    pub unmatched: i64,
    pub debits: i64,
    /// Every entry with its decision (first 500).
    pub lines: Vec<BankEntryView>,
}

/// The layout Kindly read from a CSV export, for the user to confirm.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CsvMappingView {
    pub headers: Vec<String>,
    /// The mapping as JSON, to send back in `BankImportRequest.csv_mapping`.
    pub mapping: String,
    /// What each column was read as, and the column(s): (booking_date, "Buchungstag").
    pub roles: Vec<(BankCsvRole, String)>,
    pub date_format: String,
    pub decimal: String,
    pub delimiter: String,
    pub currency: Option<String>,
    /// What Kindly could not decide: date_format, decimal_separator, currency.
    pub questions: Vec<String>,
    pub date_formats: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BankAllocation {
    pub invoice_id: i64,
    /// Decimal text in the entry's currency.
    pub amount: String,
}

/// The user's decision on an entry in "To review" (or an unmatched credit).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BankResolveRequest {
    pub entry_id: i64,
    /// The payments to record (one invoice, another one, or a split); empty with `ignore`.
    #[serde(default)]
    pub allocations: Vec<BankAllocation>,
    /// Not a payment for any invoice: keep it out of the list.
    #[serde(default)]
    pub ignore: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct BankStatusView {
    /// RFC 3339, UTC.
    pub last_import: Option<String>,
    pub days_since_import: Option<i64>,
    /// No statement imported for more than the setting's days: ask before sending.
    pub stale: bool,
    pub stale_after_days: i64,
    pub to_review: i64,
}

/// How many days without an import before Kindly asks to import first.
pub const STALE_AFTER_DAYS: i64 = 3;

fn format_of(s: &str) -> ApiResult<Format> {
    match s.trim().to_ascii_lowercase().as_str() {
        "" | "auto" => Ok(Format::Auto),
        "camt" | "camt053" | "camt054" | "xml" | "zip" => Ok(Format::Camt),
        "mt940" | "sta" => Ok(Format::Mt940),
        "ofx" | "qfx" => Ok(Format::Ofx),
        "csv" => Ok(Format::Csv),
        other => Err(ApiError::new(
            ErrorCode::BankFormatUnknown,
            format!("\"{other}\" is not a statement format; choose auto, camt, mt940, ofx or csv."),
            Some("format"),
        )),
    }
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Auto => "auto",
        Format::Camt => "camt",
        Format::Mt940 => "mt940",
        Format::Ofx => "ofx",
        Format::Csv => "csv",
    }
}

fn read_statement_file(path: &Path) -> ApiResult<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| io_error("open", path, &e))?;
    if meta.len() > kindly_bank::MAX_FILE_BYTES {
        return Err(ApiError::from(ParseError::TooLarge { size: meta.len(), limit: kindly_bank::MAX_FILE_BYTES }));
    }
    std::fs::read(path).map_err(|e| io_error("read", path, &e))
}

/// The key a confirmed CSV mapping is saved under: the header row's text.
fn csv_key(headers: &[String]) -> String {
    sha256_hex(headers.join("\u{1f}").to_lowercase().as_bytes())
}

async fn parse_file(ctx: Ctx<'_>, req: &BankImportRequest, bytes: &[u8]) -> ApiResult<kindly_bank::Statement> {
    let mut format = format_of(&req.format)?;
    if format == Format::Auto {
        format = kindly_bank::detect_format(bytes).map_err(ApiError::from)?;
    }
    if format != Format::Csv {
        return kindly_bank::parse(bytes, format, None).map_err(ApiError::from);
    }
    let proposal = kindly_bank::detect_csv_mapping(bytes).map_err(ApiError::from)?;
    let key = csv_key(&proposal.headers);
    let mapping: Option<CsvMapping> = match &req.csv_mapping {
        Some(json) => {
            let m: CsvMapping = serde_json::from_str(json).map_err(|e| {
                ApiError::new(ErrorCode::BankCsvMappingInvalid, format!("The column mapping is not valid: {e}"), None)
            })?;
            if !req.dry_run {
                ctx.store.save_bank_csv_mapping(&key, json, ctx.now).await?;
            }
            Some(m)
        }
        None => match ctx.store.bank_csv_mapping(&key).await? {
            Some(saved) => serde_json::from_str(&saved).ok(),
            None => None,
        },
    };
    kindly_bank::parse(bytes, Format::Csv, mapping.as_ref()).map_err(ApiError::from)
}

async fn load_matching(ctx: Ctx<'_>) -> ApiResult<(OpenInvoices, KnownPayers)> {
    let rows = ctx.store.open_invoices_for_matching().await?;
    let mut open = Vec::with_capacity(rows.len());
    for r in rows {
        let Ok(currency) = Currency::parse(&r.currency) else { continue };
        open.push(OpenInvoice {
            id: r.id,
            client_id: r.client_id,
            number: r.number,
            creditor_reference: r.creditor_reference,
            outstanding: Money::new(r.outstanding_minor, currency),
        });
    }
    let mut payers = KnownPayers::new();
    for p in ctx.store.known_payers().await? {
        match p.kind.as_str() {
            "iban" => payers.add_iban(&p.value, p.client_id),
            _ => payers.add_name(&p.value, p.client_id),
        }
    }
    Ok((OpenInvoices::new(open), payers))
}

fn confidence_name(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

/// The client a payer is remembered for: the single client of the
/// invoices the entry pays.
fn payer_client(client_ids: impl Iterator<Item = i64>) -> Option<i64> {
    let mut ids: Vec<i64> = client_ids.collect();
    ids.dedup();
    match ids.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Reads, matches and (unless `dry_run`) records a statement.
pub async fn import_statement(ctx: Ctx<'_>, req: &BankImportRequest) -> ApiResult<BankImportResult> {
    let path = Path::new(req.path.trim());
    let bytes = read_statement_file(path)?;
    let statement = parse_file(ctx, req, &bytes).await?;
    let (open, payers) = load_matching(ctx).await?;
    let decisions = kindly_bank::match_entries(&statement.entries, &open, &payers);
    let locale = ctx.store.settings().await?.locale;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let by_uid: HashMap<&str, &Entry> = statement.entries.iter().map(|e| (e.id.as_str(), e)).collect();

    let mut client_of: HashMap<i64, i64> = HashMap::new();
    let mut imported: Vec<ImportedEntry<'_>> = Vec::with_capacity(decisions.len());
    for d in &decisions {
        let Some(e) = by_uid.get(d.entry_id()) else { continue };
        let decision = match d {
            Decision::Record { allocations, tier, reason, .. } => EntryDecision::Record {
                tier: i64::from(tier.number()),
                reason: reason.clone(),
                allocations: allocations.iter().map(|(i, m)| (*i, m.minor)).collect(),
            },
            Decision::Review { candidates, tier, reason, .. } => EntryDecision::Review {
                tier: Some(i64::from(tier.number())),
                reason: reason.clone(),
                candidates: review_allocations(e.amount, candidates),
            },
            Decision::Unmatched { reason, .. } => EntryDecision::Unmatched { reason: reason.clone() },
            Decision::Debit { .. } => EntryDecision::Debit,
        };
        let client = match d {
            Decision::Record { allocations, .. } => {
                let mut ids = Vec::new();
                for (invoice_id, _) in allocations {
                    let client = match client_of.get(invoice_id) {
                        Some(c) => *c,
                        None => ctx.store.invoice(*invoice_id).await?.client_id,
                    };
                    client_of.insert(*invoice_id, client);
                    ids.push(client);
                }
                payer_client(ids.into_iter())
            }
            _ => None,
        };
        imported.push(ImportedEntry {
            entry: NewBankEntry {
                uid: &e.id,
                booking_date: e.booking_date,
                value_date: e.value_date,
                amount: e.amount,
                credit: e.credit,
                counterparty_name: e.counterparty_name.as_deref(),
                counterparty_iban: e.counterparty_iban.as_deref(),
                structured_ref: e.structured_ref.as_deref(),
                remittance: &e.remittance,
                bank_ref: e.bank_ref.as_deref(),
            },
            decision,
            payer_client: client,
        });
    }

    let mut lines = Vec::new();
    for (d, item) in decisions.iter().zip(&imported).take(500) {
        lines.push(entry_view(ctx, d, item, locale).await?);
    }
    let mut result = BankImportResult {
        dry_run: req.dry_run,
        format: format_name(statement.format).into(),
        file_name: file_name.clone(),
        entries: imported.len() as i64,
        already_imported: 0,
        recorded: 0,
        payments: 0,
        recorded_total: Vec::new(),
        review: 0,
        unmatched: 0,
        debits: 0,
        lines,
    };
    let mut totals: Vec<Money> = Vec::new();
    let mut add_total = |m: Money| match totals.iter_mut().find(|t| t.currency == m.currency) {
        Some(t) => t.minor += m.minor,
        None => totals.push(m),
    };
    if req.dry_run {
        let known = ctx.store.known_bank_entries(&imported.iter().map(|i| i.entry.uid).collect::<Vec<_>>()).await?;
        for item in &imported {
            if known.contains(item.entry.uid) {
                result.already_imported += 1;
                continue;
            }
            match &item.decision {
                EntryDecision::Record { allocations, .. } => {
                    result.recorded += 1;
                    result.payments += allocations.len() as i64;
                    for (_, minor) in allocations {
                        add_total(Money::new(*minor, item.entry.amount.currency));
                    }
                }
                EntryDecision::Review { .. } => result.review += 1,
                EntryDecision::Unmatched { .. } => result.unmatched += 1,
                EntryDecision::Debit => result.debits += 1,
            }
        }
        for line in &mut result.lines {
            if known.contains(line.uid.as_str()) {
                line.status = BankEntryStatus::Known;
            }
        }
    } else {
        let sha = sha256_hex(&bytes);
        let import = NewImport {
            file_name: &file_name,
            file_sha256: &sha,
            format: format_name(statement.format),
            entries: &imported,
        };
        let out = ctx.store.import_bank_statement(&import, ctx.now).await?;
        result.already_imported = out.entries - out.new_entries;
        result.recorded = out.recorded;
        result.payments = out.payments.len() as i64;
        result.review = out.review;
        result.unmatched = out.unmatched;
        result.debits = out.debits;
        for m in &out.recorded_totals {
            add_total(*m);
        }
        let ids = ctx.store.bank_entry_ids(&imported.iter().map(|i| i.entry.uid).collect::<Vec<_>>()).await?;
        for line in &mut result.lines {
            if let Some((id, import_id, status)) = ids.get(line.uid.as_str()) {
                line.id = Some(*id);
                if *import_id != out.import_id {
                    line.status = BankEntryStatus::Known;
                } else {
                    line.status = *status;
                }
            }
        }
        // A payment may complete an installment plan: record it now. The
        // payments are saved; if this fails, the next queue or plan read does it.
        if !out.payments.is_empty() {
            crate::plans::refresh_or_log(ctx).await;
        }
    }
    result.recorded_total = totals.into_iter().map(|m| MoneyView::new(m.minor, m.currency, locale)).collect();
    tracing::info!(
        format = %result.format,
        dry_run = result.dry_run,
        entries = result.entries,
        already_imported = result.already_imported,
        recorded = result.recorded,
        payments = result.payments,
        review = result.review,
        unmatched = result.unmatched,
        debits = result.debits,
        "bank statement imported"
    );
    Ok(result)
}

/// The allocations proposed for review: the entry's amount over the
/// candidates in order, each up to its balance (a guess the user confirms).
fn review_allocations(amount: Money, candidates: &[Candidate]) -> Vec<(i64, i64)> {
    let mut left = amount.minor;
    let mut out = Vec::new();
    for c in candidates {
        let take = left.min(c.outstanding.minor).max(0);
        out.push((c.invoice_id, take));
        left -= take;
    }
    out
}

async fn entry_view(ctx: Ctx<'_>, d: &Decision, item: &ImportedEntry<'_>, locale: Locale) -> ApiResult<BankEntryView> {
    let e = &item.entry;
    let cur = e.amount.currency;
    type Outcome<'a> = (BankEntryStatus, Option<i64>, Option<&'a str>, Vec<(i64, i64)>);
    let (status, tier, confidence, pairs): Outcome<'_> = match (d, &item.decision) {
        (Decision::Record { tier, confidence, .. }, EntryDecision::Record { allocations, .. }) => (
            BankEntryStatus::Recorded,
            Some(i64::from(tier.number())),
            Some(confidence_name(*confidence)),
            allocations.clone(),
        ),
        (Decision::Review { tier, confidence, .. }, EntryDecision::Review { candidates, .. }) => (
            BankEntryStatus::Review,
            Some(i64::from(tier.number())),
            Some(confidence_name(*confidence)),
            candidates.clone(),
        ),
        (_, EntryDecision::Unmatched { .. }) => (BankEntryStatus::Unmatched, None, None, Vec::new()),
        _ => (BankEntryStatus::Debit, None, None, Vec::new()),
    };
    let mut candidates = Vec::new();
    for (invoice_id, minor) in pairs {
        candidates.push(candidate_view(ctx, invoice_id, minor, cur, locale).await?);
    }
    Ok(BankEntryView {
        id: None,
        uid: e.uid.to_string(),
        booking_date: e.booking_date.to_string(),
        amount: MoneyView::new(e.amount.minor, cur, locale),
        credit: e.credit,
        payer_name: e.counterparty_name.map(str::to_string),
        payer_iban: e.counterparty_iban.map(str::to_string),
        remittance: e.remittance.to_string(),
        structured_ref: e.structured_ref.map(str::to_string),
        status,
        tier,
        confidence: confidence.map(str::to_string),
        reason: d.reason().to_string(),
        why: Some(BankReasonView::of(&d.reason(), locale)),
        candidates,
    })
}

async fn candidate_view(
    ctx: Ctx<'_>,
    invoice_id: i64,
    minor: i64,
    cur: Currency,
    locale: Locale,
) -> ApiResult<BankCandidateView> {
    let inv = ctx.store.invoice(invoice_id).await?;
    Ok(BankCandidateView {
        invoice_id,
        number: inv.number.clone(),
        client_id: inv.client_id,
        client_name: inv.client_name.clone(),
        outstanding: MoneyView::new(inv.outstanding().minor, inv.currency, locale),
        amount: MoneyView::new(minor, cur, locale),
    })
}

fn stored_view(
    e: kindly_store::BankEntryRecord,
    candidates: Vec<BankCandidateView>,
    locale: Locale,
) -> ApiResult<BankEntryView> {
    Ok(BankEntryView {
        id: Some(e.id),
        uid: e.uid,
        booking_date: e.booking_date.to_string(),
        amount: MoneyView::new(e.amount.minor, e.amount.currency, locale),
        credit: e.credit,
        payer_name: e.counterparty_name,
        payer_iban: e.counterparty_iban,
        remittance: e.remittance,
        structured_ref: e.structured_ref,
        status: e.status,
        tier: e.tier,
        confidence: None,
        reason: e.reason,
        why: e.why.as_ref().map(|r| BankReasonView::of(r, locale)),
        candidates,
    })
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct BankReviewRequest {
    #[serde(default)]
    pub offset: i64,
    #[serde(default)]
    pub limit: i64,
}

/// "To review": uncertain matches first, then credits that matched nothing.
pub async fn to_review(ctx: Ctx<'_>, req: &BankReviewRequest) -> ApiResult<Page<BankEntryView>> {
    let locale = ctx.store.settings().await?.locale;
    let limit = if req.limit <= 0 { 100 } else { req.limit.min(1000) };
    let (total, rows) = ctx.store.bank_entries_to_review(limit, req.offset.max(0)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for e in rows {
        let mut candidates = Vec::new();
        for (invoice_id, minor) in &e.candidates {
            candidates.push(candidate_view(ctx, *invoice_id, *minor, e.amount.currency, locale).await?);
        }
        out.push(stored_view(e, candidates, locale)?);
    }
    Ok(Page { total, rows: out })
}

/// Accept, reassign or split an entry to review (payments recorded at
/// once), or ignore it.
pub async fn resolve(ctx: Ctx<'_>, req: &BankResolveRequest) -> ApiResult<BankEntryView> {
    let entry = ctx.store.bank_entry(req.entry_id).await?;
    if req.ignore && !req.allocations.is_empty() {
        return Err(ApiError::new(
            ErrorCode::BankResolveConflict,
            "Choose either to ignore the entry or to record payments from it, not both.",
            Some("allocations"),
        ));
    }
    if !req.ignore && req.allocations.is_empty() {
        return Err(ApiError::new(
            ErrorCode::Required,
            "Choose at least one invoice this payment is for.",
            Some("allocations"),
        ));
    }
    let mut allocations = Vec::with_capacity(req.allocations.len());
    let mut clients = Vec::new();
    for a in &req.allocations {
        let m = Money::parse_positive(&a.amount, entry.amount.currency, "amount")?;
        let inv = ctx.store.invoice(a.invoice_id).await?;
        clients.push(inv.client_id);
        allocations.push((a.invoice_id, m.minor));
    }
    ctx.store.resolve_bank_entry(req.entry_id, &allocations, payer_client(clients.into_iter()), ctx.now).await?;
    if !allocations.is_empty() {
        crate::plans::refresh_or_log(ctx).await;
    }
    let locale = ctx.store.settings().await?.locale;
    let e = ctx.store.bank_entry(req.entry_id).await?;
    let mut candidates = Vec::new();
    for (invoice_id, minor) in &allocations {
        candidates.push(candidate_view(ctx, *invoice_id, *minor, e.amount.currency, locale).await?);
    }
    stored_view(e, candidates, locale)
}

/// When the last statement was imported, and whether to ask for a newer one
/// before sending reminders.
pub async fn status(ctx: Ctx<'_>) -> ApiResult<BankStatusView> {
    let last = ctx.store.last_bank_import().await?;
    let (total, _) = ctx.store.bank_entries_to_review(0, 0).await?;
    let days = last.map(|t| (ctx.now - t).num_days());
    let after = stale_after_days(ctx).await?;
    Ok(BankStatusView {
        last_import: last.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        days_since_import: days,
        // Someone who never imports a statement is not asked every time.
        stale: days.is_some_and(|d| d > after),
        stale_after_days: after,
        to_review: total,
    })
}

const STALE_KEY: &str = "bank_stale_after_days";

async fn stale_after_days(ctx: Ctx<'_>) -> ApiResult<i64> {
    Ok(ctx.store.setting_json(STALE_KEY).await?.and_then(|v| v.trim().parse().ok()).unwrap_or(STALE_AFTER_DAYS))
}

/// After how many days without an import Kindly asks to import a statement
/// before sending or printing reminders (0 to 365).
pub async fn set_stale_after_days(ctx: Ctx<'_>, days: &str) -> ApiResult<BankStatusView> {
    let n: i64 = days.trim().parse().ok().filter(|n| (0..=365).contains(n)).ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidDays,
            format!("\"{days}\" is not a number of days from 0 to 365."),
            Some("days"),
        )
    })?;
    ctx.store.save_setting_json(STALE_KEY, &n.to_string()).await?;
    status(ctx).await
}

/// The layout of a CSV export as Kindly reads it, for the user to confirm.
pub async fn csv_mapping(ctx: Ctx<'_>, path: &str) -> ApiResult<CsvMappingView> {
    let bytes = read_statement_file(Path::new(path.trim()))?;
    let p = kindly_bank::detect_csv_mapping(&bytes).map_err(ApiError::from)?;
    let saved = ctx.store.bank_csv_mapping(&csv_key(&p.headers)).await?;
    let mapping: CsvMapping = saved.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or(p.mapping.clone());
    let header = |i: usize| p.headers.get(i).cloned().unwrap_or_else(|| format!("column {}", i + 1));
    let c = &mapping.columns;
    let mut roles = vec![(BankCsvRole::BookingDate, header(c.booking_date))];
    let optional = [
        (BankCsvRole::ValueDate, c.value_date),
        (BankCsvRole::Amount, c.amount),
        (BankCsvRole::MoneyIn, c.credit),
        (BankCsvRole::MoneyOut, c.debit),
        (BankCsvRole::Direction, c.direction),
        (BankCsvRole::Currency, c.currency),
        (BankCsvRole::Payer, c.counterparty_name),
        (BankCsvRole::PayerIban, c.counterparty_iban),
        (BankCsvRole::BankReference, c.bank_ref),
    ];
    for (role, col) in optional {
        if let Some(i) = col {
            roles.push((role, header(i)));
        }
    }
    if !c.remittance.is_empty() {
        let cols: Vec<String> = c.remittance.iter().map(|i| header(*i)).collect();
        roles.push((BankCsvRole::Remittance, cols.join(" + ")));
    }
    let questions = p
        .questions
        .iter()
        .map(|q| match q {
            kindly_bank::csv_import::CsvQuestion::DateFormat { .. } => "date_format",
            kindly_bank::csv_import::CsvQuestion::DecimalSeparator => "decimal_separator",
            kindly_bank::csv_import::CsvQuestion::Currency => "currency",
        })
        .map(str::to_string)
        .collect();
    Ok(CsvMappingView {
        headers: p.headers.clone(),
        mapping: serde_json::to_string(&mapping).unwrap_or_default(),
        roles,
        date_format: mapping.date_format.label().into(),
        decimal: match mapping.decimal {
            kindly_bank::csv_import::DecimalSeparator::Point => "point".into(),
            kindly_bank::csv_import::DecimalSeparator::Comma => "comma".into(),
        },
        delimiter: mapping.delimiter.to_string(),
        currency: mapping.default_currency.map(|c| c.code().to_string()),
        questions,
        date_formats: kindly_bank::csv_import::DateFormat::ALL.iter().map(|f| f.label().to_string()).collect(),
    })
}

//! Bank statements: each entry kept once (its stable identity is UNIQUE),
//! with what was decided about it, and the payments a certain match makes,
//! all in the import's one transaction: killed at any moment, an import has
//! happened whole or not at all; imported again, it adds nothing.
//!
//! The store does not match: `kindly-bank` decides, the API applies the
//! decisions here. The store re-checks every payment against the balance
//! inside the transaction (and the payments trigger checks again), so a
//! statement never over-pays an invoice, even one paid meanwhile.
//!
//! Ported to both engines (issue #19; see `engine`). Never two payments for
//! one bank line, across machines too: an entry is stored by
//! `INSERT … ON CONFLICT (uid) DO NOTHING` on `bank_entries.uid`'s UNIQUE,
//! so the same statement imported on two machines at once stores (and
//! pays) each entry once: the second insert waits on the index for the
//! first transaction, then inserts nothing and records nothing. Before it
//! checks the balances a certain match would pay, an import locks those
//! invoices (`FOR UPDATE`, in id order, so two imports never deadlock on
//! them), so a payment landing meanwhile is seen and the match goes to
//! review instead of failing the whole import on the payments trigger.
//! Resolving an entry reads it `FOR UPDATE` before it checks that it still
//! waits for a decision, so a second machine deciding it at the same
//! moment waits, then finds it decided (`BankEntryDecided`). Two imports
//! sharing entries lock their uids first, in one order (`lock_uids`), so
//! they never deadlock on the uid index.

use crate::engine::{on_conn, on_pool, Conn};
use crate::payments::insert_payment_on;
use crate::row::{Day, Instant, Text};
use crate::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::bank_reason::{BankNotRecordedFacts, BankReason};
use kindly_core::invoice::InvoiceStatus;
use kindly_core::payment::PaymentMethod;
use kindly_core::vocab::{BankEntryStatus, BankNotRecorded, BankReasonKind};
use kindly_core::ErrorCode;
use kindly_core::{Currency, Money};
use sqlx::AssertSqlSafe;

/// One statement entry as parsed.
#[derive(Debug, Clone)]
pub struct NewBankEntry<'a> {
    pub uid: &'a str,
    pub booking_date: NaiveDate,
    pub value_date: Option<NaiveDate>,
    pub amount: Money,
    pub credit: bool,
    pub counterparty_name: Option<&'a str>,
    pub counterparty_iban: Option<&'a str>,
    pub structured_ref: Option<&'a str>,
    pub remittance: &'a str,
    pub bank_ref: Option<&'a str>,
}

/// What to do with an entry (decided by `kindly-bank`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryDecision {
    /// A certain match: record these payments (invoice id, minor units).
    Record { tier: i64, reason: BankReason, allocations: Vec<(i64, i64)> },
    /// Uncertain: wait for the user, with the proposed allocations.
    Review { tier: Option<i64>, reason: BankReason, candidates: Vec<(i64, i64)> },
    /// A credit that matches nothing open.
    Unmatched { reason: BankReason },
    /// Money out: not a payment.
    Debit,
}

#[derive(Debug, Clone)]
pub struct ImportedEntry<'a> {
    pub entry: NewBankEntry<'a>,
    pub decision: EntryDecision,
    /// The client the payer is remembered for once a payment is recorded.
    pub payer_client: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct NewImport<'a> {
    pub file_name: &'a str,
    pub file_sha256: &'a str,
    pub format: &'a str,
    pub entries: &'a [ImportedEntry<'a>],
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub import_id: i64,
    pub entries: i64,
    /// Entries seen for the first time (the rest were imported before).
    pub new_entries: i64,
    pub recorded: i64,
    pub payments: Vec<i64>,
    pub review: i64,
    pub unmatched: i64,
    pub debits: i64,
    /// Certain matches sent to review because the balance changed meanwhile
    /// (of the entries this import stored).
    pub downgraded: i64,
    /// The sum of the payments recorded, per currency.
    pub recorded_totals: Vec<Money>,
}

/// An open invoice as the matcher needs it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx_macros::FromRow)]
pub struct OpenInvoiceRow {
    pub id: i64,
    pub client_id: i64,
    pub number: String,
    pub creditor_reference: Option<String>,
    pub currency: String,
    pub outstanding_minor: i64,
}

/// A payer seen paying a client: an IBAN or a normalised name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx_macros::FromRow)]
pub struct PayerRow {
    pub client_id: i64,
    pub kind: String,
    pub value: String,
}

/// An entry waiting for the user (review or unmatched).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankEntryRecord {
    pub id: i64,
    pub uid: String,
    pub booking_date: NaiveDate,
    pub amount: Money,
    pub credit: bool,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    pub structured_ref: Option<String>,
    pub remittance: String,
    pub status: BankEntryStatus,
    pub tier: Option<i64>,
    /// The English sentence as recorded (all that entries imported before
    /// migration 0019 have).
    pub reason: String,
    /// Why, as a kind and its facts (entries imported since migration 0019).
    pub why: Option<BankReason>,
    pub candidates: Vec<(i64, i64)>,
}

/// The columns of an [`EntryRow`], then the rest of the query.
macro_rules! entry_select {
    ($rest:literal) => {
        concat!(
            "SELECT id, uid, booking_date, amount_minor, currency, credit, counterparty_name, counterparty_iban,
                    structured_ref, remittance, status, tier, reason, reason_kind, reason_facts, candidates
             FROM bank_entries ",
            $rest
        )
    };
}

#[derive(sqlx_macros::FromRow)]
struct EntryRow {
    id: i64,
    uid: String,
    booking_date: Day,
    amount_minor: i64,
    currency: Text<Currency>,
    credit: i64,
    counterparty_name: Option<String>,
    counterparty_iban: Option<String>,
    structured_ref: Option<String>,
    remittance: String,
    status: Text<BankEntryStatus>,
    tier: Option<i64>,
    reason: String,
    reason_kind: Option<Text<BankReasonKind>>,
    reason_facts: Option<String>,
    candidates: String,
}

impl EntryRow {
    fn into_record(self) -> Result<BankEntryRecord, StoreError> {
        let currency = self.currency.0;
        let candidates: Vec<serde_json::Value> = serde_json::from_str(&self.candidates).unwrap_or_default();
        let why = match self.reason_kind {
            None => None,
            Some(Text(kind)) => {
                let facts = self.reason_facts.as_deref().unwrap_or("{}");
                let facts = serde_json::from_str(facts)
                    .map_err(|e| StoreError::Other(format!("bank entry {} has damaged reason facts: {e}", self.id)))?;
                Some(BankReason { kind, facts })
            }
        };
        Ok(BankEntryRecord {
            id: self.id,
            uid: self.uid,
            booking_date: self.booking_date.0,
            amount: Money::new(self.amount_minor, currency),
            credit: self.credit == 1,
            counterparty_name: self.counterparty_name,
            counterparty_iban: self.counterparty_iban,
            structured_ref: self.structured_ref,
            remittance: self.remittance,
            status: self.status.0,
            tier: self.tier,
            reason: self.reason,
            why,
            candidates: candidates
                .iter()
                .filter_map(|c| Some((c.get("invoice_id")?.as_i64()?, c.get("amount_minor")?.as_i64()?)))
                .collect(),
        })
    }
}

/// An invoice a payment is about to be recorded on.
#[derive(sqlx_macros::FromRow)]
struct AllocationTarget {
    number: String,
    status: Text<InvoiceStatus>,
    currency: Text<Currency>,
    total_minor: i64,
    paid_minor: i64,
}

/// A stored entry's identity, import and status.
#[derive(sqlx_macros::FromRow)]
struct StoredEntry {
    uid: String,
    id: i64,
    import_id: i64,
    status: Text<BankEntryStatus>,
}

fn candidates_json(c: &[(i64, i64)]) -> String {
    let v: Vec<serde_json::Value> =
        c.iter().map(|(i, a)| serde_json::json!({ "invoice_id": i, "amount_minor": a })).collect();
    serde_json::Value::Array(v).to_string()
}

/// Locks the invoices that payments are about to be recorded on, in id
/// order, before their balances are checked: on PostgreSQL a payment
/// another machine records meanwhile waits for this transaction (the
/// payments trigger locks the same row), or this one waits for it and then
/// reads the balance it left, so the check below is never stale (without
/// it, the trigger would refuse the payment and fail the whole import).
/// Id order: two imports locking overlapping invoices never deadlock. On
/// SQLite the `BEGIN IMMEDIATE` write lock already covers them.
async fn lock_invoices(c: &mut Conn<'_>, ids: &[i64]) -> Result<(), sqlx::Error> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    let e = c.engine();
    let sql =
        format!("SELECT id FROM invoices WHERE id IN ({}) ORDER BY id {}", e.json_int_values("$1"), e.for_update());
    let json = serde_json::Value::from(ids).to_string();
    let _: Vec<i64> = on_conn!(c, c => {
        sqlx::query_scalar(AssertSqlSafe(sql)).bind(json).fetch_all(c).await
    })?;
    Ok(())
}

/// Why a certain match cannot be recorded as it stands (the balance moved,
/// the invoice was cancelled, the currency differs), or `None` if it can.
/// `Display` is the English sentence of an error. The caller has locked the
/// invoices ([`lock_invoices`]).
async fn allocation_problem(
    c: &mut Conn<'_>,
    currency: Currency,
    allocations: &[(i64, i64)],
) -> Result<Option<BankNotRecordedFacts>, sqlx::Error> {
    for (invoice_id, minor) in allocations {
        let row: Option<AllocationTarget> = on_conn!(&mut *c, c => {
            sqlx::query_as("SELECT number, status, currency, total_minor, paid_minor FROM invoices WHERE id = $1")
                .bind(invoice_id)
                .fetch_optional(c)
                .await
        })?;
        let facts = |problem: BankNotRecorded, invoice: String| BankNotRecordedFacts {
            problem,
            invoice,
            status: None,
            invoice_currency: None,
            payment_currency: Some(currency.code().to_string()),
            owing_minor: None,
        };
        let Some(AllocationTarget {
            number,
            status: Text(status),
            currency: Text(cur),
            total_minor: total,
            paid_minor: paid,
        }) = row
        else {
            return Ok(Some(facts(BankNotRecorded::InvoiceGone, invoice_id.to_string())));
        };
        if status != InvoiceStatus::Issued {
            return Ok(Some(BankNotRecordedFacts {
                status: Some(status),
                ..facts(BankNotRecorded::InvoiceNotIssued, number)
            }));
        }
        if cur != currency {
            return Ok(Some(BankNotRecordedFacts {
                invoice_currency: Some(cur.code().to_string()),
                ..facts(BankNotRecorded::CurrencyDiffers, number)
            }));
        }
        if *minor <= 0 || *minor > total - paid {
            return Ok(Some(BankNotRecordedFacts {
                owing_minor: Some(total - paid),
                ..facts(BankNotRecorded::MoreThanOwing, number)
            }));
        }
    }
    Ok(None)
}

/// Stores one entry with its decision (`None` when its uid is already
/// stored: the UNIQUE of `bank_entries.uid`, which a racing import of the
/// same entry waits on until the first commits; see the module's note).
#[allow(clippy::too_many_arguments)]
async fn insert_entry(
    c: &mut Conn<'_>,
    e: &NewBankEntry<'_>,
    import_id: i64,
    status: &str,
    tier: Option<i64>,
    reason: &BankReason,
    candidates: &[(i64, i64)],
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let decided_at = (status == "recorded" || status == "debit").then_some(Instant(now));
    on_conn!(c, c => {
        sqlx::query_scalar(
            "INSERT INTO bank_entries (uid, import_id, booking_date, value_date, amount_minor, currency, credit,
                 counterparty_name, counterparty_iban, structured_ref, remittance, bank_ref, status, tier, reason,
                 reason_kind, reason_facts, candidates, decided_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
             ON CONFLICT (uid) DO NOTHING RETURNING id",
        )
        .bind(e.uid)
        .bind(import_id)
        .bind(Day(e.booking_date))
        .bind(e.value_date.map(Day))
        .bind(e.amount.minor)
        .bind(e.amount.currency.code())
        .bind(i64::from(e.credit))
        .bind(e.counterparty_name)
        .bind(e.counterparty_iban)
        .bind(e.structured_ref)
        .bind(e.remittance)
        .bind(e.bank_ref)
        .bind(status)
        .bind(tier)
        .bind(reason.to_string())
        .bind(reason.kind.as_str())
        .bind(reason.facts_json())
        .bind(candidates_json(candidates))
        .bind(decided_at)
        .fetch_optional(c)
        .await
    })
}

/// The class of the transaction locks on statement entries' uids
/// (PostgreSQL's two-key advisory locks, apart from the one-key locks the
/// outbox sender takes).
const UID_LOCK_CLASS: i32 = 0x4b42_414e; // "KBAN"

/// On PostgreSQL, locks the uids of a statement's entries until the import
/// commits, all in one order (by the lock's key). Two statements sharing
/// entries in different orders (a monthly file and a download of some of
/// its days) otherwise insert them in those orders, each waiting on a uid
/// the other inserted, and PostgreSQL breaks the deadlock by failing one
/// import. With the locks the later import waits, then finds the shared
/// entries stored. SQLite's `BEGIN IMMEDIATE` lets one writer in at a time.
async fn lock_uids(c: &mut Conn<'_>, uids: Vec<&str>) -> Result<(), sqlx::Error> {
    let Conn::Postgres(pg) = c else { return Ok(()) };
    sqlx::query(
        "SELECT COUNT(pg_advisory_xact_lock($1, h))
         FROM (SELECT DISTINCT hashtext(u) AS h FROM unnest($2::text[]) AS u ORDER BY h) AS keys",
    )
    .bind(UID_LOCK_CLASS)
    .bind(uids)
    .execute(&mut **pg)
    .await
    .map(|_| ())
}

impl Store {
    /// Imports a statement's entries with their decisions in one transaction.
    pub async fn import_bank_statement(
        &self,
        import: &NewImport<'_>,
        now: DateTime<Utc>,
    ) -> Result<ImportOutcome, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let import_id: i64 = on_conn!(&mut c, c => {
            sqlx::query_scalar(
                "INSERT INTO bank_imports (file_name, file_sha256, format, imported_at, entries, new_entries)
                 VALUES ($1, $2, $3, $4, $5, 0) RETURNING id",
            )
            .bind(import.file_name)
            .bind(import.file_sha256)
            .bind(import.format)
            .bind(Instant(now))
            .bind(import.entries.len() as i64)
            .fetch_one(c)
            .await
        })
        .map_err(map)?;
        lock_uids(&mut c, import.entries.iter().map(|i| i.entry.uid).collect()).await.map_err(map)?;
        // Every invoice a certain match would pay, locked before any balance
        // is checked (see `lock_invoices`).
        let paying: Vec<i64> = import
            .entries
            .iter()
            .filter_map(|i| match &i.decision {
                EntryDecision::Record { allocations, .. } => Some(allocations.iter().map(|(id, _)| *id)),
                _ => None,
            })
            .flatten()
            .collect();
        lock_invoices(&mut c, &paying).await.map_err(map)?;
        let mut out = ImportOutcome { import_id, entries: import.entries.len() as i64, ..Default::default() };
        for item in import.entries {
            let e = &item.entry;
            let mut decision = item.decision.clone();
            let mut downgraded = false;
            if let EntryDecision::Record { allocations, tier, reason } = &decision {
                if let Some(problem) = allocation_problem(&mut c, e.amount.currency, allocations).await.map_err(map)? {
                    downgraded = true;
                    let mut reason = reason.clone();
                    reason.facts.not_recorded = Some(problem);
                    decision = EntryDecision::Review { tier: Some(*tier), reason, candidates: allocations.clone() };
                }
            }
            let money_out = BankReason::money_out();
            let (status, tier, reason, candidates) = match &decision {
                EntryDecision::Record { tier, reason, allocations } => {
                    ("recorded", Some(*tier), reason, allocations.clone())
                }
                EntryDecision::Review { tier, reason, candidates } => ("review", *tier, reason, candidates.clone()),
                EntryDecision::Unmatched { reason } => ("unmatched", None, reason, Vec::new()),
                EntryDecision::Debit => ("debit", None, &money_out, Vec::new()),
            };
            let id = insert_entry(&mut c, e, import_id, status, tier, reason, &candidates, now).await.map_err(map)?;
            // Already stored (imported before, or by another machine right now).
            let Some(entry_id) = id else { continue };
            out.new_entries += 1;
            // Counted for entries stored now only: an entry imported before
            // was not "sent to review" by this import.
            if downgraded {
                out.downgraded += 1;
            }
            match &decision {
                EntryDecision::Record { allocations, .. } => {
                    out.recorded += 1;
                    let reference = e.bank_ref.unwrap_or(e.uid);
                    for (invoice_id, minor) in allocations {
                        let amount = Money::new(*minor, e.amount.currency);
                        let pid = insert_payment_on(
                            self,
                            &mut c,
                            *invoice_id,
                            amount,
                            e.booking_date,
                            PaymentMethod::BankTransfer,
                            Some(reference),
                            Some(entry_id),
                            now,
                        )
                        .await?;
                        out.payments.push(pid);
                        match out.recorded_totals.iter_mut().find(|t| t.currency == amount.currency) {
                            Some(t) => t.minor += amount.minor,
                            None => out.recorded_totals.push(amount),
                        }
                    }
                    if let Some(client_id) = item.payer_client {
                        remember_payer(&mut c, client_id, e.counterparty_iban, e.counterparty_name, now)
                            .await
                            .map_err(map)?;
                    }
                }
                EntryDecision::Review { .. } => out.review += 1,
                EntryDecision::Unmatched { .. } => out.unmatched += 1,
                EntryDecision::Debit => out.debits += 1,
            }
        }
        on_conn!(&mut c, c => {
            sqlx::query("UPDATE bank_imports SET new_entries = $2 WHERE id = $1")
                .bind(import_id)
                .bind(out.new_entries)
                .execute(c)
                .await
                .map(|_| ())
        })
        .map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok(out)
    }

    /// Every issued invoice with something still owing, for the matcher.
    pub async fn open_invoices_for_matching(&self) -> Result<Vec<OpenInvoiceRow>, StoreError> {
        on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT id, client_id, number, creditor_reference, currency, total_minor - paid_minor AS outstanding_minor
                 FROM invoices WHERE status = 'issued' AND paid_minor < total_minor ORDER BY id",
            )
            .fetch_all(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))
    }

    pub async fn known_payers(&self) -> Result<Vec<PayerRow>, StoreError> {
        on_pool!(self.pool(), p => {
            sqlx::query_as("SELECT client_id, kind, value FROM client_payers ORDER BY kind, value, client_id")
                .fetch_all(p)
                .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))
    }

    /// When the last statement was imported.
    pub async fn last_bank_import(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let t: Option<Instant> = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT MAX(imported_at) FROM bank_imports").fetch_one(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(t.map(|t| t.0))
    }

    /// Entries waiting for the user: `review` first, then `unmatched` credits.
    pub async fn bank_entries_to_review(
        &self,
        limit: i64,
        offset: i64,
    ) -> Result<(i64, Vec<BankEntryRecord>), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let total: i64 = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT COUNT(*) FROM bank_entries WHERE status IN ('review', 'unmatched')")
                .fetch_one(p)
                .await
        })
        .map_err(map)?;
        let rows: Vec<EntryRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(entry_select!(
                "WHERE status IN ('review', 'unmatched') ORDER BY status = 'unmatched', booking_date DESC, id DESC
                 LIMIT $1 OFFSET $2"
            ))
            .bind(limit)
            .bind(offset)
            .fetch_all(p)
            .await
        })
        .map_err(map)?;
        Ok((total, rows.into_iter().map(EntryRow::into_record).collect::<Result<_, _>>()?))
    }

    pub async fn bank_entry(&self, id: i64) -> Result<BankEntryRecord, StoreError> {
        let row: Option<EntryRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(entry_select!("WHERE id = $1")).bind(id).fetch_optional(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        row.ok_or(StoreError::NotFound { entity: "bank entry", id })?.into_record()
    }

    /// The user's decision on an entry waiting for review: record these
    /// payments (one invoice, another one, or split across several), or
    /// ignore it (`allocations` empty). Refused when the entry was already
    /// decided, when the allocations exceed the credit, or (per invoice)
    /// exceed what is still owing.
    pub async fn resolve_bank_entry(
        &self,
        entry_id: i64,
        allocations: &[(i64, i64)],
        payer_client: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<Vec<i64>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        // The entry's row locked before its state is checked: a second
        // machine deciding the same entry at this moment waits here until
        // this decision commits, then reads it decided (never two payments
        // for one bank line). Nothing on SQLite (`BEGIN IMMEDIATE`).
        let sql = format!(entry_select!("WHERE id = $1 {}"), c.engine().for_update());
        let row: Option<EntryRow> = on_conn!(&mut c, c => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(entry_id).fetch_optional(c).await
        })
        .map_err(map)?;
        let e = row.ok_or(StoreError::NotFound { entity: "bank entry", id: entry_id })?.into_record()?;
        if e.status != "review" && e.status != "unmatched" {
            return Err(StoreError::Bank {
                code: ErrorCode::BankEntryDecided,
                message: format!("this bank entry was already {}; a decision is never made twice", e.status),
            });
        }
        if !allocations.is_empty() && !e.credit {
            return Err(StoreError::Bank {
                code: ErrorCode::BankEntryDebit,
                message: "money paid out is not a payment from a client".into(),
            });
        }
        let sum: i64 = allocations.iter().map(|(_, a)| *a).sum();
        if sum > e.amount.minor {
            return Err(StoreError::Bank {
                code: ErrorCode::BankAllocationTooMuch,
                message: format!(
                    "the amounts add up to {}, more than the {} this entry credited",
                    Money::new(sum, e.amount.currency).plain(),
                    e.amount.plain()
                ),
            });
        }
        let ids: Vec<i64> = allocations.iter().map(|(id, _)| *id).collect();
        lock_invoices(&mut c, &ids).await.map_err(map)?;
        if let Some(problem) = allocation_problem(&mut c, e.amount.currency, allocations).await.map_err(map)? {
            return Err(StoreError::Bank { code: ErrorCode::BankAllocationRefused, message: problem.to_string() });
        }
        let mut payments = Vec::new();
        let reference = e.uid.clone();
        for (invoice_id, minor) in allocations {
            let pid = insert_payment_on(
                self,
                &mut c,
                *invoice_id,
                Money::new(*minor, e.amount.currency),
                e.booking_date,
                PaymentMethod::BankTransfer,
                Some(&reference),
                Some(e.id),
                now,
            )
            .await?;
            payments.push(pid);
        }
        if let (Some(client_id), false) = (payer_client, allocations.is_empty()) {
            remember_payer(&mut c, client_id, e.counterparty_iban.as_deref(), e.counterparty_name.as_deref(), now)
                .await
                .map_err(map)?;
        }
        let status = if allocations.is_empty() { "ignored" } else { "assigned" };
        on_conn!(&mut c, c => {
            sqlx::query("UPDATE bank_entries SET status = $2, decided_at = $3 WHERE id = $1")
                .bind(entry_id)
                .bind(status)
                .bind(Instant(now))
                .execute(c)
                .await
                .map(|_| ())
        })
        .map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok(payments)
    }

    /// Which of these entry identities are already stored.
    pub async fn known_bank_entries(&self, uids: &[&str]) -> Result<std::collections::HashSet<String>, StoreError> {
        Ok(self.bank_entry_ids(uids).await?.into_keys().collect())
    }

    /// For these entry identities: (entry id, import id, status) of those stored.
    pub async fn bank_entry_ids(
        &self,
        uids: &[&str],
    ) -> Result<std::collections::HashMap<String, (i64, i64, BankEntryStatus)>, StoreError> {
        let sql = format!(
            "SELECT uid, id, import_id, status FROM bank_entries WHERE uid IN ({})",
            self.engine().json_text_values("$1")
        );
        let json = serde_json::to_string(uids).map_err(|e| StoreError::Other(e.to_string()))?;
        let rows: Vec<StoredEntry> = on_pool!(self.pool(), p => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(json).fetch_all(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows.into_iter().map(|r| (r.uid, (r.id, r.import_id, r.status.0))).collect())
    }

    pub async fn save_bank_csv_mapping(
        &self,
        bank_key: &str,
        mapping: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        // One upsert by key: the last save wins, no lock needed.
        on_pool!(self.pool(), p => {
            sqlx::query(
                "INSERT INTO bank_csv_mappings (bank_key, mapping, saved_at) VALUES ($1, $2, $3)
                 ON CONFLICT (bank_key) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at",
            )
            .bind(bank_key)
            .bind(mapping)
            .bind(Instant(now))
            .execute(p)
            .await
            .map(|_| ())
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(())
    }

    pub async fn bank_csv_mapping(&self, bank_key: &str) -> Result<Option<String>, StoreError> {
        on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT mapping FROM bank_csv_mappings WHERE bank_key = $1")
                .bind(bank_key)
                .fetch_optional(p)
                .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))
    }
}

/// Normalises a payer's name for matching: lower case, letters and digits
/// only, single spaces ("Müller GmbH & Co. KG" → "müller gmbh co kg").
pub fn normalise_payer_name(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Remembers who paid for a client. `INSERT … ON CONFLICT DO NOTHING` on
/// the (kind, value, client) key: two machines remembering the same payer
/// keep one row, no lock needed.
async fn remember_payer(
    c: &mut Conn<'_>,
    client_id: i64,
    iban: Option<&str>,
    name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let iban = iban.map(|i| i.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase());
    let name = name.map(normalise_payer_name).filter(|n| n.len() >= 3);
    for (kind, value) in [("iban", iban), ("name", name)] {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            on_conn!(&mut *c, c => {
                sqlx::query(
                    "INSERT INTO client_payers (client_id, kind, value, first_seen) VALUES ($1, $2, $3, $4)
                     ON CONFLICT DO NOTHING",
                )
                .bind(client_id)
                .bind(kind)
                .bind(&v)
                .bind(Instant(now))
                .execute(c)
                .await
                .map(|_| ())
            })?;
        }
    }
    Ok(())
}

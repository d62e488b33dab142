//! CSV imports and exports: everything a file brings in is written in one
//! `BEGIN IMMEDIATE` transaction with multi-row INSERTs (100,000 invoices in
//! seconds), with the same timeline entries and ladder scheduling as records
//! typed by hand; any failure (a number taken meanwhile, a payment above
//! what is owing) rolls all of it back. The reads behind the import's
//! duplicate checks and behind `kindly export` live here too.
//!
//! Ported to both engines (see `engine`). The import chooses the ids of the
//! clients, invoices and payments it writes (so one multi-row INSERT can
//! refer to rows of another). On PostgreSQL it first locks those three
//! tables against other writers until it commits (`Engine::lock_tables`,
//! readers still let in): no other machine inserts an id in between or
//! holds one uncommitted, so the highest id + 1 is free; after its inserts
//! it moves each table's identity past the ids it used
//! (`Engine::continue_ids`), so the next client, invoice or payment typed
//! by hand takes a new id. SQLite's `BEGIN IMMEDIATE` and INTEGER PRIMARY
//! KEY do both already. The multi-row INSERTs bind days and instants as
//! `row::Day` / `row::Instant` (`util::V::D`, `V::At`). Its payments and
//! timeline entries carry the member who imported them (`made_by`), as
//! its credit notes and their entries do.

use crate::clients::search_text;
use crate::engine::{on_conn, on_pool, Conn};
use crate::followups::client_ladder_on;
use crate::row::{Day, Instant, Text};
use crate::util::{insert_rows_on, Params, V};
use crate::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::client::ClientDetails;
use kindly_core::invoice::{InvoiceStatus, LineItem, Totals};
use kindly_core::payment::PaymentMethod;
use kindly_core::{Currency, Money};
use kindly_followup::queue::next_action_on;
use std::collections::HashMap;

/// A client the file brings in, and the import keys that will find it again.
#[derive(Clone, Debug)]
pub struct ImportClient {
    pub details: ClientDetails,
    pub keys: Vec<String>,
}

/// An existing record or one of this batch (by index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchRef {
    Existing(i64),
    New(usize),
}

#[derive(Clone, Debug)]
pub struct ImportInvoice {
    pub client: BatchRef,
    pub number: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub status: InvoiceStatus,
    pub lines: Vec<LineItem>,
    pub totals: Totals,
    pub notes: String,
}

#[derive(Clone, Debug)]
pub struct ImportPayment {
    pub invoice: BatchRef,
    pub amount: Money,
    pub paid_on: NaiveDate,
    pub method: PaymentMethod,
    pub reference: Option<String>,
    /// Its import key (`None`: an "amount paid" of an imported invoice).
    pub key: Option<String>,
}

/// What the file says was credited on an imported invoice: one credit note,
/// issued in the import's transaction like one issued by hand (own number,
/// VAT split, timeline entry), before the payments go in.
#[derive(Clone, Debug)]
pub struct ImportCreditNote {
    pub invoice: BatchRef,
    pub amount_minor: i64,
    pub issue_date: NaiveDate,
    pub reason: String,
}

#[derive(Clone, Debug, Default)]
pub struct ImportBatch {
    pub clients: Vec<ImportClient>,
    pub invoices: Vec<ImportInvoice>,
    pub credit_notes: Vec<ImportCreditNote>,
    pub payments: Vec<ImportPayment>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub clients: u64,
    pub invoices: u64,
    pub payments: u64,
}

/// A client as the import's duplicate check sees it.
#[derive(Clone, Debug, sqlx_macros::FromRow)]
pub struct ClientIndexRow {
    pub id: i64,
    pub display_name: String,
    /// JSON array of addresses.
    pub emails: String,
}

/// An invoice as the import's duplicate check and payments see it.
#[derive(Clone, Debug)]
pub struct InvoiceByNumber {
    pub id: i64,
    pub number: String,
    pub client_id: i64,
    pub client_name: String,
    pub status: InvoiceStatus,
    pub currency: Currency,
    pub total_minor: i64,
    pub paid_minor: i64,
}

#[derive(sqlx_macros::FromRow)]
struct InvoiceByNumberRow {
    id: i64,
    number: String,
    client_id: i64,
    client_name: String,
    status: Text<InvoiceStatus>,
    currency: Text<Currency>,
    total_minor: i64,
    paid_minor: i64,
}

#[derive(sqlx_macros::FromRow)]
struct KeyRow {
    key: String,
    record_id: i64,
}

/// A payment with its invoice's number, for the export.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportPayment {
    pub invoice_number: String,
    pub amount: Money,
    pub paid_on: NaiveDate,
    pub method: PaymentMethod,
    pub reference: Option<String>,
}

#[derive(sqlx_macros::FromRow)]
struct ExportPaymentRow {
    number: String,
    amount_minor: i64,
    currency: Text<Currency>,
    paid_on: Day,
    method: Text<PaymentMethod>,
    reference: Option<String>,
}

/// A timeline entry for the export.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportEvent {
    pub at: DateTime<Utc>,
    pub client_name: String,
    pub invoice_number: Option<String>,
    pub kind: String,
    pub summary: String,
}

#[derive(sqlx_macros::FromRow)]
struct ExportEventRow {
    at: Instant,
    client_name: String,
    invoice_number: Option<String>,
    kind: String,
    summary: String,
}

impl Store {
    /// Every client's id, name and e-mails.
    pub async fn import_client_index(&self) -> Result<Vec<ClientIndexRow>, StoreError> {
        on_pool!(self.pool(), p => {
            sqlx::query_as("SELECT id, display_name, emails FROM clients ORDER BY id").fetch_all(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))
    }

    /// The import keys of one kind ("client" or "payment") and their records.
    pub async fn import_keys(&self, kind: &str) -> Result<HashMap<String, i64>, StoreError> {
        let rows: Vec<KeyRow> = on_pool!(self.pool(), p => {
            sqlx::query_as("SELECT key, record_id FROM import_keys WHERE kind = $1").bind(kind).fetch_all(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows.into_iter().map(|r| (r.key, r.record_id)).collect())
    }

    /// The invoices with these numbers (those that exist).
    pub async fn invoices_by_number(&self, numbers: &[String]) -> Result<Vec<InvoiceByNumber>, StoreError> {
        let mut out = Vec::new();
        for chunk in numbers.chunks(500) {
            let mut p = Params::default();
            let marks = chunk.iter().map(|n| p.text(n.clone())).collect::<Vec<_>>().join(",");
            let sql = format!(
                "SELECT i.id, i.number, i.client_id, c.display_name AS client_name, i.status, i.currency, i.total_minor, i.paid_minor
                 FROM invoices i JOIN clients c ON c.id = i.client_id WHERE i.number IN ({marks})"
            );
            let rows: Vec<InvoiceByNumberRow> = on_pool!(self.pool(), pool => {
                sqlx::query_as_with(sqlx::AssertSqlSafe(sql), p.args_on(pool)).fetch_all(pool).await
            })
            .map_err(|e| StoreError::classify(e, self.path()))?;
            out.extend(rows.into_iter().map(|r| InvoiceByNumber {
                id: r.id,
                number: r.number,
                client_id: r.client_id,
                client_name: r.client_name,
                status: r.status.0,
                currency: r.currency.0,
                total_minor: r.total_minor,
                paid_minor: r.paid_minor,
            }));
        }
        Ok(out)
    }

    /// Writes a whole import in one transaction; nothing is written if any part fails.
    pub async fn import_batch(&self, b: &ImportBatch, now: DateTime<Utc>) -> Result<ImportCounts, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        // Read before the write transaction takes its connection.
        let default_ladder = self.default_ladder().await?;
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let engine = c.engine();
        // The ids below are chosen here: keep other writers out of these
        // tables until the import commits (see the module's note).
        run_opt(&mut c, engine.lock_tables("clients, invoices, payments")).await.map_err(map)?;
        let first_client = next_id(&mut c, "clients").await.map_err(map)?;
        let first_invoice = next_id(&mut c, "invoices").await.map_err(map)?;
        let client_id = |r: BatchRef| match r {
            BatchRef::Existing(id) => id,
            BatchRef::New(i) => first_client + i as i64,
        };
        let invoice_id = |r: BatchRef| match r {
            BatchRef::Existing(id) => id,
            BatchRef::New(i) => first_invoice + i as i64,
        };

        let mut clients = Vec::with_capacity(b.clients.len());
        let mut events = Vec::new();
        let mut keys = Vec::new();
        for (i, cl) in b.clients.iter().enumerate() {
            let d = &cl.details;
            let id = first_client + i as i64;
            clients.push(vec![
                V::I(id),
                V::T(d.display_name.clone()),
                V::T(d.greeting_name.clone()),
                d.company.clone().map(V::T).unwrap_or(V::N),
                V::T(serde_json::to_string(&d.emails).unwrap_or_else(|_| "[]".into())),
                d.phone.clone().map(V::T).unwrap_or(V::N),
                V::T(d.address.clone()),
                V::T(d.language.code().to_string()),
                V::T(d.notes.clone()),
                V::T(search_text(d)),
                V::At(now),
            ]);
            events.push(event(id, None, now, "client_created", format!("Client {} added (imported)", d.display_name)));
            for k in &cl.keys {
                keys.push(vec![V::T("client".into()), V::T(k.clone()), V::I(id), V::At(now)]);
            }
        }
        insert_rows_on(
            &mut c,
            "INSERT INTO clients (id, display_name, greeting_name, company, emails, phone, address, language, notes, search_text, created_at)",
            11,
            &clients,
        )
        .await
        .map_err(map)?;

        // Invoices go in as drafts with their lines, then take their status.
        let mut invoices = Vec::with_capacity(b.invoices.len());
        let mut lines = Vec::new();
        let mut follow = Vec::new();
        let mut ladders: HashMap<i64, kindly_followup::ladder::Ladder> = HashMap::new();
        let mut issued: Vec<i64> = Vec::new();
        let mut cancelled: Vec<i64> = Vec::new();
        for (i, inv) in b.invoices.iter().enumerate() {
            let id = first_invoice + i as i64;
            let cid = client_id(inv.client);
            invoices.push(vec![
                V::I(id),
                V::T(inv.number.clone()),
                V::I(cid),
                V::D(inv.issue_date),
                V::D(inv.due_date),
                V::T(inv.currency.code().to_string()),
                V::I(inv.totals.subtotal_minor),
                V::I(inv.totals.tax_minor),
                V::I(inv.totals.total_minor),
                V::T(inv.notes.clone()),
                V::At(now),
                V::T("draft".into()),
            ]);
            for (pos, l) in inv.lines.iter().enumerate() {
                lines.push(vec![
                    V::I(id),
                    V::I(pos as i64),
                    V::T(l.description.clone()),
                    V::I(l.quantity_milli),
                    V::I(l.unit_price_minor),
                    V::I(l.tax_rate_bp),
                ]);
            }
            let total = Money::new(inv.totals.total_minor, inv.currency).plain();
            events.push(event(
                cid,
                Some(id),
                now,
                "invoice_created",
                format!("Invoice {} created ({} {total}, imported)", inv.number, inv.currency),
            ));
            if inv.status != InvoiceStatus::Draft {
                issued.push(id);
                events.push(event(cid, Some(id), now, "invoice_issued", format!("Invoice {} issued", inv.number)));
            }
            if inv.status == InvoiceStatus::Issued {
                // On the client's ladder, as issuing by hand does.
                let ladder = match inv.client {
                    BatchRef::Existing(cl) => match ladders.get(&cl) {
                        Some(l) => l.clone(),
                        None => {
                            let l = client_ladder_on(&mut c, cl).await.map_err(map)?;
                            ladders.insert(cl, l.clone());
                            l
                        }
                    },
                    BatchRef::New(_) => default_ladder.clone(),
                };
                let next = next_action_on(&ladder, inv.due_date, None).map(V::D).unwrap_or(V::NoDay);
                follow.push(vec![V::I(id), V::I(cid), next]);
            }
            if inv.status == InvoiceStatus::Cancelled {
                cancelled.push(id);
                events.push(event(
                    cid,
                    Some(id),
                    now,
                    "invoice_cancelled",
                    format!("Invoice {} cancelled", inv.number),
                ));
            }
        }
        insert_rows_on(
            &mut c,
            "INSERT INTO invoices (id, number, client_id, issue_date, due_date, currency, subtotal_minor, tax_minor, total_minor, notes, created_at, status)",
            12,
            &invoices,
        )
        .await
        .map_err(|e| {
            if StoreError::is_unique_clash(&e, "invoices", "number") {
                StoreError::DuplicateNumber("(one of the file's numbers, taken meanwhile)".into())
            } else {
                StoreError::classify(e, self.path())
            }
        })?;
        insert_rows_on(
            &mut c,
            "INSERT INTO invoice_lines (invoice_id, position, description, quantity_milli, unit_price_minor, tax_rate_bp)",
            6,
            &lines,
        )
        .await
        .map_err(map)?;
        for chunk in issued.chunks(500) {
            let ids = chunk.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            let sql = format!("UPDATE invoices SET status = 'issued' WHERE id IN ({ids})");
            on_conn!(&mut c, c => sqlx::query(sqlx::AssertSqlSafe(sql)).execute(c).await.map(|_| ())).map_err(map)?;
        }
        insert_rows_on(&mut c, "INSERT INTO followups (invoice_id, client_id, next_action_on)", 3, &follow)
            .await
            .map_err(map)?;

        // Credits, before the payments: what the file says was paid is what
        // was received, and what was credited is not owed.
        for cn in &b.credit_notes {
            let n = crate::NewCreditNote {
                invoice_id: invoice_id(cn.invoice),
                amount_minor: Some(cn.amount_minor),
                issue_date: cn.issue_date,
                reason: &cn.reason,
            };
            crate::corrections::credit_note_on(&mut c, &n, now, self.path()).await?;
        }

        // Payments, one by one so the trigger checks each against what is owing.
        let mut counts =
            ImportCounts { clients: b.clients.len() as u64, invoices: b.invoices.len() as u64, payments: 0 };
        let mut owners: HashMap<i64, (i64, String)> = HashMap::new();
        for (i, inv) in b.invoices.iter().enumerate() {
            owners.insert(first_invoice + i as i64, (client_id(inv.client), inv.number.clone()));
        }
        // Payments take their ids here too: their import keys name them.
        let first_payment = next_id(&mut c, "payments").await.map_err(map)?;
        let mut payments = Vec::new();
        for (i, p) in b.payments.iter().enumerate() {
            let iid = invoice_id(p.invoice);
            let (cid, number) = match owners.get(&iid) {
                Some(o) => o.clone(),
                None => {
                    let o: (i64, String) = on_conn!(&mut c, c => {
                        sqlx::query_as("SELECT client_id, number FROM invoices WHERE id = $1").bind(iid).fetch_one(c).await
                    })
                    .map_err(map)?;
                    owners.insert(iid, o.clone());
                    o
                }
            };
            payments.push(vec![
                V::I(first_payment + i as i64),
                V::I(iid),
                V::I(p.amount.minor),
                V::T(p.amount.currency.code().to_string()),
                V::D(p.paid_on),
                V::T(p.method.as_str().to_string()),
                p.reference.clone().map(V::T).unwrap_or(V::N),
                V::At(now),
            ]);
            events.push(event(
                cid,
                Some(iid),
                now,
                "payment_recorded",
                format!(
                    "Payment of {} received for {number} ({}, imported)",
                    p.amount.format(kindly_core::locale::Locale::En),
                    p.method.label()
                ),
            ));
            counts.payments += 1;
        }
        // Who imported them, as a payment or entry made by hand records it.
        let made_by = self.member().map(V::T).unwrap_or(V::N);
        for row in payments.iter_mut().chain(events.iter_mut()) {
            row.push(made_by.clone());
        }
        // Row by row keeps the payments trigger's over-payment check exact
        // when one invoice receives several payments in the same file.
        for (i, row) in payments.iter().enumerate() {
            insert_rows_on(
                &mut c,
                "INSERT INTO payments (id, invoice_id, amount_minor, currency, paid_on, method, reference, created_at, made_by)",
                9,
                std::slice::from_ref(row),
            )
            .await
            .map_err(map)?;
            if let Some(k) = &b.payments[i].key {
                keys.push(vec![V::T("payment".into()), V::T(k.clone()), V::I(first_payment + i as i64), V::At(now)]);
            }
        }
        for chunk in cancelled.chunks(500) {
            let ids = chunk.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            let sql = format!(
                "UPDATE invoices SET status = 'cancelled', cancelled_reason = 'Imported as cancelled' WHERE id IN ({ids})"
            );
            on_conn!(&mut c, c => sqlx::query(sqlx::AssertSqlSafe(sql)).execute(c).await.map(|_| ())).map_err(map)?;
        }
        insert_rows_on(&mut c, "INSERT INTO timeline (client_id, invoice_id, at, kind, summary, made_by)", 6, &events)
            .await
            .map_err(map)?;
        insert_rows_on(&mut c, "INSERT INTO import_keys (kind, key, record_id, imported_at)", 4, &keys)
            .await
            .map_err(map)?;
        // The ids chosen above are taken: the next ordinary insert of each
        // table continues after them (see the module's note).
        for table in ["clients", "invoices", "payments"] {
            run_opt(&mut c, engine.continue_ids(table)).await.map_err(map)?;
        }
        tx.commit().await.map_err(map)?;
        Ok(counts)
    }

    /// Every payment with its invoice's number, oldest first; a reversed
    /// payment (recorded by mistake) is left out, as money never received.
    pub async fn export_payments(&self) -> Result<Vec<ExportPayment>, StoreError> {
        let rows: Vec<ExportPaymentRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT i.number, p.amount_minor, p.currency, p.paid_on, p.method, p.reference
                 FROM payments p JOIN invoices i ON i.id = p.invoice_id
                 WHERE NOT EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id)
                 ORDER BY p.id",
            )
            .fetch_all(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| ExportPayment {
                invoice_number: r.number,
                amount: Money::new(r.amount_minor, r.currency.0),
                paid_on: r.paid_on.0,
                method: r.method.0,
                reference: r.reference,
            })
            .collect())
    }

    /// The whole timeline, oldest first.
    pub async fn export_timeline(&self) -> Result<Vec<ExportEvent>, StoreError> {
        let rows: Vec<ExportEventRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT t.at, c.display_name AS client_name, i.number AS invoice_number, t.kind, t.summary
                 FROM timeline t JOIN clients c ON c.id = t.client_id LEFT JOIN invoices i ON i.id = t.invoice_id
                 ORDER BY t.at, t.id",
            )
            .fetch_all(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| ExportEvent {
                at: r.at.0,
                client_name: r.client_name,
                invoice_number: r.invoice_number,
                kind: r.kind,
                summary: r.summary,
            })
            .collect())
    }

    /// Every invoice id, oldest first (the export reads each with its lines).
    pub async fn invoice_ids(&self) -> Result<Vec<i64>, StoreError> {
        on_pool!(self.pool(), p => sqlx::query_scalar("SELECT id FROM invoices ORDER BY id").fetch_all(p).await)
            .map_err(|e| StoreError::classify(e, self.path()))
    }

    /// Every client id, oldest first.
    pub async fn client_ids(&self) -> Result<Vec<i64>, StoreError> {
        on_pool!(self.pool(), p => sqlx::query_scalar("SELECT id FROM clients ORDER BY id").fetch_all(p).await)
            .map_err(|e| StoreError::classify(e, self.path()))
    }
}

fn event(client: i64, invoice: Option<i64>, at: DateTime<Utc>, kind: &str, summary: String) -> Vec<V> {
    vec![V::I(client), invoice.map(V::I).unwrap_or(V::N), V::At(at), V::T(kind.into()), V::T(summary)]
}

/// The first id free in `table` (its highest + 1).
async fn next_id(c: &mut Conn<'_>, table: &'static str) -> Result<i64, sqlx::Error> {
    let sql = format!("SELECT COALESCE(MAX(id), 0) + 1 FROM {table}");
    on_conn!(c, c => sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(c).await)
}

/// Runs one statement an [`crate::engine::Engine`] fragment gave, if any.
async fn run_opt(c: &mut Conn<'_>, sql: Option<String>) -> Result<(), sqlx::Error> {
    match sql {
        Some(sql) => on_conn!(c, c => sqlx::query(sqlx::AssertSqlSafe(sql)).execute(c).await.map(|_| ())),
        None => Ok(()),
    }
}

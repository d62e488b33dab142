//! E-invoices issued elsewhere, imported as issued invoices to chase: the
//! record of each import (file hash, seller + number, the buyer's
//! identifiers) and the one transaction that stores an import: the client
//! (found or created), the issued invoice with its own number, the amount
//! already paid, the record and the timeline entry naming the kept file.
//!
//! Ported to both engines (issue #19; see `engine`). One invoice per
//! e-invoice, across machines too: `einvoice_imports` is UNIQUE on the
//! file's SHA-256 and on (seller, number), and the invoice carries the
//! e-invoice's number (`invoices.number` is UNIQUE too). The same file
//! imported on two machines at once: the second transaction waits on those
//! indexes until the first commits, then clashes, and everything it wrote
//! (the client it may have created, the invoice, the payment) rolls back;
//! `import_einvoice` then reads the earlier import and answers it as a
//! repeat, as when the file was imported before. No lock of our own: the
//! check before the writes only spares the common case the work.

use crate::clients::insert_client_any;
use crate::engine::{on_conn, on_pool, WriteTx};
use crate::invoices::{insert_invoice_on, NewInvoice};
use crate::payments::insert_payment_on;
use crate::row::Instant;
use crate::timeline::{append_on, NewEvent};
use crate::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::client::ClientDetails;
use kindly_core::payment::PaymentMethod;
use kindly_core::timeline::EventKind;
use kindly_core::Money;
use sqlx::AssertSqlSafe;

/// The client an import goes to.
#[derive(Clone, Debug)]
pub enum EInvoiceClient {
    Existing(i64),
    New(ClientDetails),
}

/// Everything one import stores.
#[derive(Clone, Debug)]
pub struct NewEInvoiceImport {
    pub sha256: String,
    pub seller_key: String,
    pub buyer_vat_id: Option<String>,
    pub buyer_email: Option<String>,
    /// `cii` or `ubl`.
    pub syntax: &'static str,
    pub file_name: String,
    /// Relative to the data folder.
    pub evidence_path: String,
    pub client: EInvoiceClient,
    /// Issued, with the e-invoice's own number.
    pub invoice: NewInvoice,
    /// BT-113, recorded as a payment on the issue date.
    pub paid: Option<(Money, NaiveDate)>,
    pub summary: String,
    pub data: serde_json::Value,
}

/// An earlier import that the new one repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EInvoiceImportRecord {
    pub invoice_id: i64,
    pub client_id: i64,
    pub number: String,
    pub file_name: String,
    pub sha256: String,
    /// RFC 3339 in UTC with milliseconds (`util::instant_str`), on both engines.
    pub imported_at: String,
}

#[derive(sqlx_macros::FromRow)]
struct EarlierRow {
    invoice_id: i64,
    client_id: i64,
    number: String,
    file_name: String,
    sha256: String,
    imported_at: Instant,
}

impl From<EarlierRow> for EInvoiceImportRecord {
    fn from(r: EarlierRow) -> Self {
        EInvoiceImportRecord {
            invoice_id: r.invoice_id,
            client_id: r.client_id,
            number: r.number,
            file_name: r.file_name,
            sha256: r.sha256,
            imported_at: crate::util::instant_str(r.imported_at.0),
        }
    }
}

/// What an import stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EInvoiceImported {
    pub invoice_id: i64,
    pub client_id: i64,
    pub client_created: bool,
}

/// How an existing client was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientMatch {
    VatId,
    Email,
    Name,
}

/// The earlier import of the same file ($1) or the same seller ($2) and number ($3).
const EARLIER: &str = "SELECT invoice_id, client_id, number, file_name, sha256, imported_at FROM einvoice_imports
     WHERE sha256 = $1 OR (seller_key = $2 AND number = $3) ORDER BY id LIMIT 1";

/// The insert of an import's record.
const RECORD: &str =
    "INSERT INTO einvoice_imports (sha256, seller_key, number, invoice_id, client_id, buyer_vat_id, buyer_email,
       syntax, file_name, evidence_path, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

impl Store {
    /// The earlier import of the same file, or of the same seller's invoice number.
    pub async fn earlier_einvoice_import(
        &self,
        sha256: &str,
        seller_key: &str,
        number: &str,
    ) -> Result<Option<EInvoiceImportRecord>, StoreError> {
        let row: Option<EarlierRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(EARLIER).bind(sha256).bind(seller_key).bind(number).fetch_optional(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(row.map(Into::into))
    }

    /// The client an e-invoice's buyer is: by VAT ID (from earlier imports),
    /// else by e-mail, else by exact name (display name or company).
    pub async fn find_import_client(
        &self,
        vat_id: Option<&str>,
        email: Option<&str>,
        name: &str,
    ) -> Result<Option<(i64, ClientMatch)>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        if let Some(vat) = vat_id {
            let id: Option<i64> = on_pool!(self.pool(), p => {
                sqlx::query_scalar(
                    "SELECT client_id FROM einvoice_imports WHERE buyer_vat_id = $1 ORDER BY id DESC LIMIT 1",
                )
                .bind(vat)
                .fetch_optional(p)
                .await
            })
            .map_err(map)?;
            if let Some(id) = id {
                return Ok(Some((id, ClientMatch::VatId)));
            }
        }
        if let Some(email) = email {
            let sql = format!(
                "SELECT c.id FROM clients c
                 WHERE EXISTS (SELECT 1 FROM ({}) e WHERE lower(e.value) = lower($1))
                 ORDER BY c.id LIMIT 1",
                self.engine().json_text_values("c.emails")
            );
            let id: Option<i64> = on_pool!(self.pool(), p => {
                sqlx::query_scalar(AssertSqlSafe(sql)).bind(email).fetch_optional(p).await
            })
            .map_err(map)?;
            if let Some(id) = id {
                return Ok(Some((id, ClientMatch::Email)));
            }
        }
        let id: Option<i64> = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT id FROM clients WHERE display_name = $1 OR company = $1 ORDER BY id LIMIT 1")
                .bind(name)
                .fetch_optional(p)
                .await
        })
        .map_err(map)?;
        Ok(id.map(|id| (id, ClientMatch::Name)))
    }

    /// Stores one import in one transaction. A repeat of an earlier import
    /// (same file or same seller + number, e.g. two racing imports) comes
    /// back as `Err(Ok(record))` with nothing written.
    pub async fn import_einvoice(
        &self,
        imp: &NewEInvoiceImport,
        now: DateTime<Utc>,
    ) -> Result<Result<EInvoiceImported, EInvoiceImportRecord>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let number = imp.invoice.number.clone().unwrap_or_default();
        let mut tx = self.write_tx().await?;
        let earlier: Option<EarlierRow> = on_conn!(&mut tx.conn(), c => {
            sqlx::query_as(EARLIER).bind(&imp.sha256).bind(&imp.seller_key).bind(&number).fetch_optional(c).await
        })
        .map_err(map)?;
        if let Some(e) = earlier {
            return Ok(Err(e.into()));
        }
        match self.store_einvoice(&mut tx, imp, now).await {
            Ok(done) => {
                tx.commit().await.map_err(map)?;
                Ok(Ok(done))
            }
            Err(e) => {
                // Another machine's import of the same e-invoice committed
                // while this one was writing (its UNIQUEs refused ours, or
                // its invoice took the number): nothing of ours is kept
                // (the transaction rolls back), and the answer is the
                // repeat, as when it was imported before.
                drop(tx);
                match self.earlier_einvoice_import(&imp.sha256, &imp.seller_key, &number).await? {
                    Some(earlier) => Ok(Err(earlier)),
                    None => Err(e),
                }
            }
        }
    }

    /// The writes of one import, inside the caller's transaction.
    async fn store_einvoice(
        &self,
        tx: &mut WriteTx,
        imp: &NewEInvoiceImport,
        now: DateTime<Utc>,
    ) -> Result<EInvoiceImported, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let (client_id, client_created) = match &imp.client {
            EInvoiceClient::Existing(id) => (*id, false),
            EInvoiceClient::New(d) => (insert_client_any(tx, d, now).await.map_err(map)?, true),
        };
        let mut c = tx.conn();
        let inv = NewInvoice { client_id, ..imp.invoice.clone() };
        let (invoice_id, number) = insert_invoice_on(self, &mut c, &inv, now).await?;
        on_conn!(&mut c, c => {
            sqlx::query(RECORD)
                .bind(&imp.sha256)
                .bind(&imp.seller_key)
                .bind(&number)
                .bind(invoice_id)
                .bind(client_id)
                .bind(&imp.buyer_vat_id)
                .bind(&imp.buyer_email)
                .bind(imp.syntax)
                .bind(&imp.file_name)
                .bind(&imp.evidence_path)
                .bind(Instant(now))
                .execute(c)
                .await
                .map(|_| ())
        })
        .map_err(map)?;
        let ev = NewEvent {
            client_id,
            invoice_id: Some(invoice_id),
            at: now,
            kind: EventKind::InvoiceImported,
            summary: &imp.summary,
            data: imp.data.clone(),
        };
        append_on(&mut c, &ev).await.map_err(map)?;
        if let Some((amount, on)) = imp.paid.filter(|(m, _)| m.minor > 0) {
            let reference = format!("BT-113 paid amount of e-invoice {number}");
            insert_payment_on(self, &mut c, invoice_id, amount, on, PaymentMethod::Other, Some(&reference), None, now)
                .await?;
        }
        Ok(EInvoiceImported { invoice_id, client_id, client_created })
    }
}

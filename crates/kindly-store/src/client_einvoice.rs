//! Each client's e-invoice details (migration 0016): the format the client
//! gets and the identifiers it needs. A client without a row gets plain
//! PDFs; saving writes the row and a timeline entry in one transaction.
//! Ported to both engines: one row by client id, an upsert, no lock needed
//! (the last save wins, and each save is in the timeline).

use crate::engine::{on_pool, on_tx};
use crate::row::Instant;
use crate::timeline::{append_any, NewEvent};
use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use kindly_core::einvoice_ids::ClientEInvoice;
use kindly_core::timeline::EventKind;
use kindly_core::vocab::EInvoiceFormat;
use serde_json::json;

#[derive(sqlx_macros::FromRow)]
struct Row {
    format: String,
    buyer_reference: Option<String>,
    vat_id: Option<String>,
    siren: Option<String>,
    peppol_id: Option<String>,
    country: Option<String>,
}

impl Store {
    /// The client's e-invoice details (all empty, format none, when never saved).
    pub async fn client_einvoice(&self, client_id: i64) -> Result<ClientEInvoice, StoreError> {
        const SQL: &str =
            "SELECT format, buyer_reference, vat_id, siren, peppol_id, country FROM client_einvoice WHERE client_id = $1";
        let row: Option<Row> = on_pool!(self.pool(), p => sqlx::query_as(SQL).bind(client_id).fetch_optional(p).await)
            .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(row
            .map(|r| ClientEInvoice {
                format: EInvoiceFormat::parse(&r.format).unwrap_or_default(),
                buyer_reference: r.buyer_reference,
                vat_id: r.vat_id,
                siren: r.siren,
                peppol_id: r.peppol_id,
                country: r.country,
            })
            .unwrap_or_default())
    }

    /// Saves the client's e-invoice details (checked by the caller).
    pub async fn set_client_einvoice(
        &self,
        client_id: i64,
        e: &ClientEInvoice,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |err| StoreError::classify(err, self.path());
        let mut tx = self.write_tx().await?;
        let exists: Option<i64> = on_tx!(&mut tx, c => {
            sqlx::query_scalar("SELECT id FROM clients WHERE id = $1").bind(client_id).fetch_optional(c).await
        })
        .map_err(map)?;
        if exists.is_none() {
            return Err(StoreError::NotFound { entity: "client", id: client_id });
        }
        on_tx!(&mut tx, c => {
            sqlx::query(
                "INSERT INTO client_einvoice (client_id, format, buyer_reference, vat_id, siren, peppol_id, country, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (client_id) DO UPDATE SET format = excluded.format, buyer_reference = excluded.buyer_reference,
                   vat_id = excluded.vat_id, siren = excluded.siren, peppol_id = excluded.peppol_id,
                   country = excluded.country, updated_at = excluded.updated_at",
            )
            .bind(client_id)
            .bind(e.format.as_str())
            .bind(&e.buyer_reference)
            .bind(&e.vat_id)
            .bind(&e.siren)
            .bind(&e.peppol_id)
            .bind(&e.country)
            .bind(Instant(now))
            .execute(c)
            .await
            .map(|_| ())
        })
        .map_err(map)?;
        let summary = "E-invoice details updated".to_string();
        let ev = NewEvent {
            client_id,
            invoice_id: None,
            at: now,
            kind: EventKind::ClientUpdated,
            summary: &summary,
            data: json!({ "einvoice_format": e.format.as_str() }),
        };
        append_any(&mut tx, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }
}

//! Each client's statutory late-payment interest setting (migration 0018):
//! off unless turned on, the law that applies and the kind of debtor. No row
//! means off; the calculation itself is `kindly-interest`'s.

use crate::row::Text;
use crate::timeline::{append, NewEvent};
use crate::util::instant_str;
use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use kindly_core::timeline::EventKind;
use kindly_core::vocab::{DebtorKind, Jurisdiction};

/// A client's setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientInterest {
    pub enabled: bool,
    pub jurisdiction: Jurisdiction,
    pub debtor: DebtorKind,
}

#[derive(sqlx::FromRow)]
struct InterestRow {
    enabled: bool,
    jurisdiction: Text<Jurisdiction>,
    debtor: Text<DebtorKind>,
}

impl Store {
    /// The client's setting, `None` when it was never set (off).
    pub async fn client_interest(&self, client_id: i64) -> Result<Option<ClientInterest>, StoreError> {
        let row: Option<InterestRow> =
            sqlx::query_as("SELECT enabled, jurisdiction, debtor FROM client_interest WHERE client_id = ?1")
                .bind(client_id)
                .fetch_optional(self.pool())
                .await
                .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(row.map(|r| ClientInterest { enabled: r.enabled, jurisdiction: r.jurisdiction.0, debtor: r.debtor.0 }))
    }

    /// Saves the client's setting (one row per client) and, when it changed,
    /// the client's timeline entry saying so (`interest_changed`: who, the
    /// new setting and the one before, `summary` in English), in one
    /// transaction. Returns whether it changed.
    pub async fn set_client_interest(
        &self,
        client_id: i64,
        s: &ClientInterest,
        summary: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM clients WHERE id = ?1")
            .bind(client_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(map)?;
        if exists.is_none() {
            return Err(StoreError::NotFound { entity: "client", id: client_id });
        }
        let before: Option<InterestRow> =
            sqlx::query_as("SELECT enabled, jurisdiction, debtor FROM client_interest WHERE client_id = ?1")
                .bind(client_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(map)?;
        let before =
            before.map(|r| ClientInterest { enabled: r.enabled, jurisdiction: r.jurisdiction.0, debtor: r.debtor.0 });
        // No row is off: saving "off" over nothing changes nothing.
        let changed = match before {
            Some(b) => b != *s,
            None => s.enabled,
        };
        sqlx::query(
            "INSERT INTO client_interest (client_id, enabled, jurisdiction, debtor, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (client_id) DO UPDATE SET enabled = ?2, jurisdiction = ?3, debtor = ?4, updated_at = ?5",
        )
        .bind(client_id)
        .bind(s.enabled)
        .bind(s.jurisdiction.as_str())
        .bind(s.debtor.as_str())
        .bind(instant_str(now))
        .execute(&mut *tx)
        .await
        .map_err(map)?;
        if changed {
            let setting = |c: &ClientInterest| {
                serde_json::json!({
                    "enabled": c.enabled,
                    "jurisdiction": c.jurisdiction.as_str(),
                    "debtor": c.debtor.as_str(),
                })
            };
            let mut data = setting(s);
            data["by"] = "user".into();
            data["before"] = before.as_ref().map(setting).unwrap_or(serde_json::Value::Null);
            let ev = NewEvent { client_id, invoice_id: None, at: now, kind: EventKind::InterestChanged, summary, data };
            append(&mut tx, &ev).await.map_err(map)?;
        }
        tx.commit().await.map_err(map)?;
        Ok(changed)
    }
}

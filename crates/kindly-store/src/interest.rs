//! Each client's statutory late-payment interest setting (migration 0018):
//! off unless turned on, the law that applies and the kind of debtor. No row
//! means off; the calculation itself is `kindly-interest`'s.
//!
//! Ported to both engines. Locks: saving a client's setting reads the
//! client's row `FOR UPDATE` first, so two members changing it at once take
//! turns and each timeline entry names the setting it really replaced; an
//! entered rate is `INSERT … ON CONFLICT DO NOTHING` on the (series, day)
//! UNIQUE, so two members entering the same rate keep one.

use crate::engine::{on_pool, on_tx};
use crate::row::{Day, Instant, Text};
use crate::timeline::{append_any, NewEvent};
use crate::util::date_str;
use crate::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::timeline::EventKind;
use kindly_core::vocab::{DebtorKind, InterestBase, Jurisdiction};
use sqlx::AssertSqlSafe;

/// A client's setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientInterest {
    pub enabled: bool,
    pub jurisdiction: Jurisdiction,
    pub debtor: DebtorKind,
}

#[derive(sqlx_macros::FromRow)]
struct InterestRow {
    enabled: bool,
    jurisdiction: Text<Jurisdiction>,
    debtor: Text<DebtorKind>,
}

impl Store {
    /// The client's setting, `None` when it was never set (off).
    pub async fn client_interest(&self, client_id: i64) -> Result<Option<ClientInterest>, StoreError> {
        const SQL: &str = "SELECT enabled, jurisdiction, debtor FROM client_interest WHERE client_id = $1";
        let row: Option<InterestRow> =
            on_pool!(self.pool(), p => sqlx::query_as(SQL).bind(client_id).fetch_optional(p).await)
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
        // Locked until commit: the "before" read next is the one replaced.
        let lock = format!("SELECT id FROM clients WHERE id = $1 {}", self.engine().for_update());
        let exists: Option<i64> = on_tx!(&mut tx, c => {
            sqlx::query_scalar(AssertSqlSafe(lock)).bind(client_id).fetch_optional(c).await
        })
        .map_err(map)?;
        if exists.is_none() {
            return Err(StoreError::NotFound { entity: "client", id: client_id });
        }
        let before: Option<InterestRow> = on_tx!(&mut tx, c => {
            sqlx::query_as("SELECT enabled, jurisdiction, debtor FROM client_interest WHERE client_id = $1")
                .bind(client_id)
                .fetch_optional(c)
                .await
        })
        .map_err(map)?;
        let before =
            before.map(|r| ClientInterest { enabled: r.enabled, jurisdiction: r.jurisdiction.0, debtor: r.debtor.0 });
        // No row is off: saving "off" over nothing changes nothing.
        let changed = match before {
            Some(b) => b != *s,
            None => s.enabled,
        };
        on_tx!(&mut tx, c => {
            sqlx::query(
                "INSERT INTO client_interest (client_id, enabled, jurisdiction, debtor, updated_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (client_id) DO UPDATE SET enabled = $2, jurisdiction = $3, debtor = $4, updated_at = $5",
            )
            .bind(client_id)
            .bind(s.enabled)
            .bind(s.jurisdiction.as_str())
            .bind(s.debtor.as_str())
            .bind(Instant(now))
            .execute(c)
            .await
            .map(|_| ())
        })
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
            append_any(&mut tx, &ev).await.map_err(map)?;
        }
        tx.commit().await.map_err(map)?;
        Ok(changed)
    }
}

/// A published reference rate the user entered (migration 0021).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddedInterestRate {
    pub series: InterestBase,
    /// The first day of the half-year it is for.
    pub from: NaiveDate,
    /// Basis points (2.15 % is 215).
    pub rate_bp: i32,
    pub source: String,
    pub added_at: DateTime<Utc>,
}

#[derive(sqlx_macros::FromRow)]
struct AddedRow {
    series: Text<InterestBase>,
    from_date: Day,
    // BIGINT on PostgreSQL; the CHECK keeps it within -1000..=10000.
    rate_bp: i64,
    source: String,
    added_at: Instant,
}

impl Store {
    /// Every rate the user entered, by series and day.
    pub async fn added_interest_rates(&self) -> Result<Vec<AddedInterestRate>, StoreError> {
        const SQL: &str =
            "SELECT series, from_date, rate_bp, source, added_at FROM interest_rates_added ORDER BY series, from_date";
        let rows: Vec<AddedRow> = on_pool!(self.pool(), p => sqlx::query_as(SQL).fetch_all(p).await)
            .map_err(|e| StoreError::classify(e, self.path()))?;
        rows.into_iter()
            .map(|r| {
                Ok(AddedInterestRate {
                    series: r.series.0,
                    from: r.from_date.0,
                    rate_bp: i32::try_from(r.rate_bp)
                        .map_err(|_| StoreError::Corrupt { path: self.path().to_path_buf() })?,
                    source: r.source,
                    added_at: r.added_at.0,
                })
            })
            .collect()
    }

    /// Saves a rate the user entered (checked by the caller against the
    /// compiled table) and, when `timeline` names a client, that client's
    /// timeline entry saying so (`interest_rate_added`, `summary` in
    /// English), in one transaction. Returns false, saving nothing, when a
    /// rate for that series and half-year is already entered.
    pub async fn add_interest_rate(
        &self,
        rate: &AddedInterestRate,
        timeline: Option<(i64, &str)>,
    ) -> Result<bool, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        if let Some((client_id, _)) = timeline {
            let client: Option<i64> = on_tx!(&mut tx, c => {
                sqlx::query_scalar("SELECT id FROM clients WHERE id = $1").bind(client_id).fetch_optional(c).await
            })
            .map_err(map)?;
            if client.is_none() {
                return Err(StoreError::NotFound { entity: "client", id: client_id });
            }
        }
        // The (series, from_date) UNIQUE decides: a rate entered at the same
        // moment on another computer keeps its row, this one saves nothing.
        let added = on_tx!(&mut tx, c => {
            sqlx::query(
                "INSERT INTO interest_rates_added (series, from_date, rate_bp, source, added_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (series, from_date) DO NOTHING",
            )
            .bind(rate.series.as_str())
            .bind(Day(rate.from))
            .bind(i64::from(rate.rate_bp))
            .bind(rate.source.trim())
            .bind(Instant(rate.added_at))
            .execute(c)
            .await
            .map(|r| r.rows_affected())
        })
        .map_err(map)?;
        if added == 0 {
            return Ok(false);
        }
        if let Some((client_id, summary)) = timeline {
            let data = serde_json::json!({
                "by": "user",
                "series": rate.series.as_str(),
                "from": date_str(rate.from),
                "rate_bp": rate.rate_bp,
                "source": rate.source.trim(),
            });
            let ev = NewEvent {
                client_id,
                invoice_id: None,
                at: rate.added_at,
                kind: EventKind::InterestRateAdded,
                summary,
                data,
            };
            append_any(&mut tx, &ev).await.map_err(map)?;
        }
        tx.commit().await.map_err(map)?;
        Ok(true)
    }

    /// Removes a rate the user entered; false when there is none for that
    /// series and day. The compiled table cannot be changed.
    pub async fn remove_interest_rate(&self, series: InterestBase, from: NaiveDate) -> Result<bool, StoreError> {
        const SQL: &str = "DELETE FROM interest_rates_added WHERE series = $1 AND from_date = $2";
        let done = on_pool!(self.pool(), p => {
            sqlx::query(SQL).bind(series.as_str()).bind(Day(from)).execute(p).await.map(|r| r.rows_affected())
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(done > 0)
    }
}

//! Business settings kept in the database (so each business file carries its
//! own): name, default currency, language, invoice numbering, payment terms.
//! Secrets never live here.
//!
//! Ported to both engines (see `engine`): one upsert by key, no
//! read-check-write.

use crate::engine::{on_conn, on_pool, Conn, WriteTx};
use crate::{Store, StoreError};
use kindly_core::locale::Locale;
use kindly_core::numbering::DEFAULT_PATTERN;
use kindly_core::Currency;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub business_name: String,
    pub default_currency: Currency,
    pub locale: Locale,
    pub number_pattern: String,
    pub next_sequence: i64,
    pub default_terms_days: i64,
    /// The closing lines of letters and e-mails (name, title, business).
    pub signature: String,
    /// The sender block of letters and invoices.
    pub business_address: String,
    pub business_email: String,
    pub business_phone: String,
    /// VAT or tax number printed on invoices and letters (empty: none).
    pub business_tax_id: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            business_name: String::new(),
            default_currency: Currency::EUR,
            locale: Locale::En,
            number_pattern: DEFAULT_PATTERN.to_string(),
            next_sequence: 1,
            default_terms_days: 30,
            signature: String::new(),
            business_address: String::new(),
            business_email: String::new(),
            business_phone: String::new(),
            business_tax_id: String::new(),
        }
    }
}

#[derive(sqlx_macros::FromRow)]
struct SettingRow {
    key: String,
    value: String,
}

impl Store {
    pub async fn settings(&self) -> Result<Settings, StoreError> {
        let rows: Vec<SettingRow> =
            on_pool!(self.pool(), p => sqlx::query_as("SELECT key, value FROM settings").fetch_all(p).await)
                .map_err(|e| StoreError::classify(e, self.path()))?;
        let mut s = Settings::default();
        for SettingRow { key, value: v } in rows {
            match key.as_str() {
                "business_name" => s.business_name = v,
                "default_currency" => s.default_currency = Currency::parse(&v).unwrap_or(Currency::EUR),
                "locale" => s.locale = Locale::parse(&v).unwrap_or_default(),
                "number_pattern" => s.number_pattern = v,
                "next_sequence" => s.next_sequence = v.parse().unwrap_or(1),
                "default_terms_days" => s.default_terms_days = v.parse().unwrap_or(30),
                "signature" => s.signature = v,
                "business_address" => s.business_address = v,
                "business_email" => s.business_email = v,
                "business_phone" => s.business_phone = v,
                "business_tax_id" => s.business_tax_id = v,
                _ => {}
            }
        }
        Ok(s)
    }

    /// Saves every setting in one transaction.
    pub async fn save_settings(&self, s: &Settings) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let pairs = [
            ("business_name", s.business_name.clone()),
            ("default_currency", s.default_currency.code().to_string()),
            ("locale", s.locale.code().to_string()),
            ("number_pattern", s.number_pattern.clone()),
            ("next_sequence", s.next_sequence.to_string()),
            ("default_terms_days", s.default_terms_days.to_string()),
            ("signature", s.signature.clone()),
            ("business_address", s.business_address.clone()),
            ("business_email", s.business_email.clone()),
            ("business_phone", s.business_phone.clone()),
            ("business_tax_id", s.business_tax_id.clone()),
        ];
        for (k, v) in pairs {
            put_any(&mut tx, k, &v).await.map_err(|e| StoreError::classify(e, self.path()))?;
        }
        tx.commit().await.map_err(|e| StoreError::classify(e, self.path()))
    }
}

impl Store {
    /// A setting stored as JSON text under `key` (for example the SMTP
    /// account), or `None` when it was never saved.
    pub async fn setting_json(&self, key: &'static str) -> Result<Option<String>, StoreError> {
        on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT value FROM settings WHERE key = $1").bind(key).fetch_optional(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))
    }

    pub async fn save_setting_json(&self, key: &'static str, json: &str) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        put_any(&mut tx, key, json).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }
}

/// The one upsert of a setting, on both engines.
const PUT: &str =
    "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

/// [`put_on`] in a write transaction of either engine.
pub(crate) async fn put_any(tx: &mut WriteTx, key: &str, value: &str) -> Result<(), sqlx::Error> {
    put_on(&mut tx.conn(), key, value).await
}

/// Upserts a setting on the connection of a transaction of either engine.
pub(crate) async fn put_on(c: &mut Conn<'_>, key: &str, value: &str) -> Result<(), sqlx::Error> {
    on_conn!(c, c => sqlx::query(PUT).bind(key).bind(value).execute(c).await.map(|_| ()))
}

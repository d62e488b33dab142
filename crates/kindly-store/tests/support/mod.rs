//! What the engine tests share: each test body runs on a SQLite temp file,
//! then on a fresh PostgreSQL database; `Db` is a second, plain connection
//! to the same database for what the store does not offer (raw rows,
//! refused rewrites).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // shared by several test binaries
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kindly_core::client::ClientDetails;
use kindly_core::locale::Locale;
use kindly_store::Store;
use sqlx::{PgPool, SqlitePool};
use std::future::Future;

pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    pub async fn exec(&self, sql: &str) -> Result<(), sqlx::Error> {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        match self {
            Db::Sqlite(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
            Db::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
        }
    }

    /// One integer a query reads (a count, a setting as a number).
    pub async fn int(&self, sql: &str) -> i64 {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        match self {
            Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
            Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
        }
    }

    /// A timeline entry correcting `refers_to`, as the corrections module writes it.
    pub async fn insert_correction(&self, client: i64, refers_to: i64, at: chrono::DateTime<chrono::Utc>) -> i64 {
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO timeline (client_id, at, kind, summary, data, refers_to)
             VALUES ({client}, '{}', 'note', 'corrects an earlier note', '{{}}', {refers_to}) RETURNING id",
            at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        ));
        match self {
            Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
            Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
        }
    }
}

/// Runs `body` on SQLite, then on PostgreSQL when a server is at hand.
pub async fn both<F, Fut>(body: F)
where
    F: Fn(Store, Db) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kindly.db");
    let store = Store::open(&path).await.unwrap();
    let db = SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    body(store, Db::Sqlite(db)).await;

    match fresh_pg_database().await {
        Some(url) => {
            let store = Store::connect(&url).await.unwrap();
            let db = PgPool::connect(&url).await.unwrap();
            body(store, Db::Postgres(db)).await;
        }
        None => {
            eprintln!("PostgreSQL is not installed: ran on SQLite only (KINDLY_REQUIRE_PG=1 makes this an error)");
        }
    }
}

/// A day of 2026.
pub fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// An instant of 2026 on the hour (UTC).
pub fn at(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, 0, 0).single().unwrap()
}

/// A client greeted by their first name, with an address and one e-mail.
pub fn client(name: &str, email: &str) -> ClientDetails {
    ClientDetails {
        display_name: name.into(),
        greeting_name: name.split(' ').next().unwrap_or(name).into(),
        company: None,
        emails: vec![email.into()],
        phone: None,
        address: "Main St 1".into(),
        language: Locale::En,
        notes: String::new(),
    }
}

/// Two "machines" (two stores, each with its own pool) on one fresh
/// PostgreSQL database, for the racing tests; none (noted) without a server.
pub async fn two_machines() -> Option<(Store, Store)> {
    let Some(url) = fresh_pg_database().await else {
        eprintln!("PostgreSQL is not installed: skipped (KINDLY_REQUIRE_PG=1 makes this an error)");
        return None;
    };
    Some((Store::connect(&url).await.unwrap(), Store::connect(&url).await.unwrap()))
}

/// A fresh, empty database on the test binary's throwaway server
/// (none when PostgreSQL is not installed and not required).
pub async fn fresh_pg_database() -> Option<String> {
    let server = kindly_pgtest::PgServer::shared().expect("PostgreSQL test server")?;
    Some(server.fresh_database().await.expect("a fresh test database"))
}

/// An issued invoice of one line of `amount` (minor units, no tax) in
/// `currency`, the engine tests' common fixture; set other fields with
/// struct update syntax.
pub fn one_line_invoice(
    client_id: i64,
    currency: kindly_core::Currency,
    amount: i64,
    issued: chrono::NaiveDate,
    due: chrono::NaiveDate,
) -> kindly_store::NewInvoice {
    use kindly_core::invoice::{compute_totals, LineItem};
    let lines =
        vec![LineItem { description: "Work".into(), quantity_milli: 1000, unit_price_minor: amount, tax_rate_bp: 0 }];
    kindly_store::NewInvoice {
        client_id,
        number: None,
        issue_date: issued,
        due_date: due,
        currency,
        totals: compute_totals(&lines).unwrap(),
        lines,
        notes: String::new(),
        issue: true,
    }
}

//! The PostgreSQL schema (migrations-pg) against the SQLite one (migrations),
//! on real servers: the migrations apply (twice is a no-op), every table and
//! column exists on both with compatible types, every rule a SQLite trigger
//! enforces refuses the same statement with the same message on PostgreSQL,
//! the summaries the triggers keep come out the same, and two racing
//! payments cannot over-pay an invoice.
//!
//! A PostgreSQL server comes from kindly-pgtest (KINDLY_TEST_PG_URL, or a
//! throwaway Debian postgresql-15); without one these tests print a note and
//! pass, unless KINDLY_REQUIRE_PG=1 (scripts/test.sh), where they fail.
#![allow(clippy::unwrap_used)] // a test: a failed unwrap fails it

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use kindly_pgtest::PgServer;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::{AssertSqlSafe, Row};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// A fresh, migrated PostgreSQL database, or None (noted) without a server.
async fn pg() -> Option<PgPool> {
    let server = PgServer::shared().expect("PostgreSQL test server")?;
    let url = server.fresh_database().await.expect("fresh database");
    let pool = PgPoolOptions::new().max_connections(4).connect(&url).await.expect("connect");
    Migrator::new(dir("migrations-pg")).await.expect("read migrations-pg").run(&pool).await.expect("migrate");
    Some(pool)
}

fn skipped() {
    eprintln!("PostgreSQL is not installed and KINDLY_TEST_PG_URL is not set: skipped");
}

/// A fresh SQLite store (migrated by Store::open), reopened as a plain pool
/// with the store's own settings that matter here (foreign keys on).
async fn sqlite(tmp: &tempfile::TempDir) -> SqlitePool {
    let path = tmp.path().join("kindly.db");
    drop(kindly_store::Store::open(&path).await.expect("open store"));
    let options = SqliteConnectOptions::new().filename(&path).foreign_keys(true);
    SqlitePoolOptions::new().max_connections(1).connect_with(options).await.expect("sqlite pool")
}

/// Every `'kindly: …'` message in a folder of migrations.
fn messages(folder: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(dir(folder)).unwrap() {
        let sql = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in sql.split("'kindly: ").skip(1) {
            out.insert(format!("kindly: {}", part.split('\'').next().unwrap()));
        }
    }
    out
}

/// Tables PostgreSQL has and SQLite does not: a SQLite store keeps its
/// files in its data folder (migrations-pg/0005).
const PG_ONLY_TABLES: &[&str] = &["kept_files"];

/// The refusals of [`PG_ONLY_TABLES`]' triggers.
const PG_ONLY_MESSAGES: &[&str] = &["kindly: a kept file is evidence, a permanent record"];

#[test]
fn every_sqlite_refusal_has_the_same_message_on_postgres() {
    let sqlite = messages("migrations");
    let mut pg = messages("migrations-pg");
    for m in PG_ONLY_MESSAGES {
        assert!(pg.remove(*m), "{m} is no longer in migrations-pg");
    }
    assert!(sqlite.len() >= 20, "{sqlite:?}");
    assert_eq!(sqlite, pg, "the two engines' trigger messages differ");
}

#[tokio::test]
async fn pg_migrations_apply_to_an_empty_database_and_twice_is_a_no_op() {
    let Some(pool) = pg().await else { return skipped() };
    let migrator = Migrator::new(dir("migrations-pg")).await.unwrap();
    migrator.run(&pool).await.expect("second run");
    let applied: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success").fetch_one(&pool).await.unwrap();
    assert_eq!(applied, migrator.iter().count() as i64);
    let trgm: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pg_extension WHERE extname = 'pg_trgm'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(trgm, 1, "pg_trgm is installed");
}

/// (table, column) → (declared type, not null), in column order per table.
type Columns = BTreeMap<String, Vec<(String, String, bool)>>;

/// SQLite declared type → the PostgreSQL types it may become.
const TYPE_MAP: &[(&str, &[&str])] = &[
    ("INTEGER", &["bigint", "boolean"]),
    ("TEXT", &["text", "date", "timestamp with time zone"]),
    ("BLOB", &["bytea"]),
];

#[tokio::test]
async fn every_table_and_column_is_on_both_engines_with_compatible_types() {
    let Some(pg) = pg().await else { return skipped() };
    let tmp = tempfile::tempdir().unwrap();
    let lite = sqlite(&tmp).await;

    // SQLite: tables except its own, sqlx's, and the FTS5 tables with their
    // shadow tables (which PostgreSQL replaces by trigram indexes).
    let tables: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&lite)
    .await
    .unwrap();
    let fts: Vec<String> = tables
        .iter()
        .filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL TABLE"))
        .map(|(name, _)| name.clone())
        .collect();
    assert_eq!(fts, ["client_search", "invoice_number_search"]);
    let mut lite_cols = Columns::new();
    for (table, _) in &tables {
        if fts.iter().any(|f| table == f || table.starts_with(&format!("{f}_"))) {
            continue;
        }
        let rows =
            sqlx::query(AssertSqlSafe(format!("SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')")))
                .fetch_all(&lite)
                .await
                .unwrap();
        let cols = rows
            .iter()
            .map(|r| {
                let not_null: i64 = r.get(2);
                let pk: i64 = r.get(3);
                // A primary key column is NOT NULL on PostgreSQL whatever it declares.
                (r.get::<String, _>(0), r.get::<String, _>(1), not_null == 1 || pk > 0)
            })
            .collect();
        lite_cols.insert(table.clone(), cols);
    }

    let rows = sqlx::query(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations' ORDER BY table_name, ordinal_position",
    )
    .fetch_all(&pg)
    .await
    .unwrap();
    let mut pg_cols = Columns::new();
    for r in &rows {
        let nullable: String = r.get(3);
        pg_cols.entry(r.get(0)).or_default().push((r.get(1), r.get(2), nullable == "NO"));
    }
    for t in PG_ONLY_TABLES {
        assert!(pg_cols.remove(*t).is_some(), "{t} is no longer on PostgreSQL");
    }

    assert_eq!(
        lite_cols.keys().collect::<Vec<_>>(),
        pg_cols.keys().collect::<Vec<_>>(),
        "the two engines have different tables"
    );
    let mut problems = Vec::new();
    for (table, lite) in &lite_cols {
        let pg = &pg_cols[table];
        let names = |cols: &[(String, String, bool)]| cols.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
        if names(lite) != names(pg) {
            problems.push(format!("{table}: columns {:?} (SQLite) vs {:?} (PostgreSQL)", names(lite), names(pg)));
            continue;
        }
        for ((name, lite_type, lite_nn), (_, pg_type, pg_nn)) in lite.iter().zip(pg) {
            let allowed = TYPE_MAP.iter().find(|(t, _)| t == lite_type).map(|(_, p)| *p).unwrap_or(&[]);
            if !allowed.contains(&pg_type.as_str()) {
                problems.push(format!("{table}.{name}: {lite_type} (SQLite) became {pg_type}"));
            }
            if lite_nn != pg_nn {
                problems.push(format!("{table}.{name}: NOT NULL {lite_nn} (SQLite) vs {pg_nn} (PostgreSQL)"));
            }
        }
    }
    assert!(problems.is_empty(), "schema drift:\n{}", problems.join("\n"));

    // Every named SQLite index exists on PostgreSQL under its name, and each
    // FTS5 table has its trigram index of the same name.
    let lite_indexes: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .fetch_all(&lite)
            .await
            .unwrap();
    let pg_indexes: BTreeMap<String, String> =
        sqlx::query_as("SELECT indexname::text, indexdef FROM pg_indexes WHERE schemaname = 'public'")
            .fetch_all(&pg)
            .await
            .unwrap()
            .into_iter()
            .collect();
    let missing: Vec<_> = lite_indexes.iter().filter(|i| !pg_indexes.contains_key(*i)).collect();
    assert!(missing.is_empty(), "indexes missing on PostgreSQL: {missing:?}");
    for f in &fts {
        let def = pg_indexes.get(f).unwrap_or_else(|| panic!("no trigram index {f}"));
        assert!(def.contains("USING gin") && def.contains("gin_trgm_ops"), "{def}");
    }

    // Every SQLite trigger has its PostgreSQL twin by name, except the FTS5
    // sync triggers (the trigram index needs none).
    let lite_triggers: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            .fetch_all(&lite)
            .await
            .unwrap();
    let pg_triggers: BTreeSet<String> =
        sqlx::query_scalar("SELECT tgname::text FROM pg_trigger WHERE NOT tgisinternal")
            .fetch_all(&pg)
            .await
            .unwrap()
            .into_iter()
            .collect();
    let missing: Vec<_> = lite_triggers
        .iter()
        .filter(|t| !fts.iter().any(|f| t.starts_with(&format!("{f}_"))))
        .filter(|t| !pg_triggers.contains(*t))
        .collect();
    assert!(missing.is_empty(), "triggers missing on PostgreSQL: {missing:?}");
}

/// SQLite's tables that PostgreSQL has too (not its own, not sqlx's, not
/// the FTS5 tables and their shadow tables).
async fn ported_tables(lite: &SqlitePool) -> Vec<String> {
    let tables: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(lite)
    .await
    .unwrap();
    let fts: Vec<&String> =
        tables.iter().filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL TABLE")).map(|(n, _)| n).collect();
    tables
        .iter()
        .map(|(n, _)| n)
        .filter(|n| !fts.iter().any(|f| n == f || n.starts_with(&format!("{f}_"))))
        .cloned()
        .collect()
}

/// A column default as text both engines can be compared by: PostgreSQL's
/// `'[]'::text` is SQLite's `'[]'`, its `false`/`true` SQLite's `0`/`1`.
fn default_text(d: &str) -> String {
    let d = match d.rfind("::") {
        Some(i) if d.starts_with('\'') => &d[..i],
        _ => d,
    };
    match d {
        "false" => "0".into(),
        "true" => "1".into(),
        other => other.to_string(),
    }
}

/// Foreign keys (with their ON DELETE), unique keys (primary keys, UNIQUE
/// constraints and unique indexes, by their columns), column defaults and
/// the number of CHECK constraints per table are the same on both engines.
#[tokio::test]
async fn keys_uniques_and_defaults_are_the_same_on_both_engines() {
    let Some(pg) = pg().await else { return skipped() };
    let tmp = tempfile::tempdir().unwrap();
    let lite = sqlite(&tmp).await;
    let tables = ported_tables(&lite).await;

    let (mut lite_fks, mut lite_uniques, mut lite_defaults) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for t in &tables {
        let fks: Vec<(String, String, String, String)> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{t}')"
        )))
        .fetch_all(&lite)
        .await
        .unwrap();
        for (from, table, to, on_delete) in fks {
            lite_fks.insert(format!("{t}.{from} -> {table}.{to} ON DELETE {on_delete}"));
        }
        // The primary key (an INTEGER PRIMARY KEY has no index of its own in SQLite).
        let pk: Vec<String> = sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT name FROM pragma_table_info('{t}') WHERE pk > 0 ORDER BY pk"
        )))
        .fetch_all(&lite)
        .await
        .unwrap();
        if !pk.is_empty() {
            lite_uniques.insert(format!("{t}({})", pk.join(",")));
        }
        let unique: Vec<String> = sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT name FROM pragma_index_list('{t}') WHERE \"unique\" = 1"
        )))
        .fetch_all(&lite)
        .await
        .unwrap();
        for index in unique {
            let cols: Vec<String> = sqlx::query_scalar(AssertSqlSafe(format!(
                "SELECT name FROM pragma_index_info('{index}') ORDER BY seqno"
            )))
            .fetch_all(&lite)
            .await
            .unwrap();
            lite_uniques.insert(format!("{t}({})", cols.join(",")));
        }
        let defaults: Vec<(String, String)> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT name, dflt_value FROM pragma_table_info('{t}') WHERE dflt_value IS NOT NULL"
        )))
        .fetch_all(&lite)
        .await
        .unwrap();
        for (col, d) in defaults {
            lite_defaults.insert(format!("{t}.{col} = {}", default_text(&d)));
        }
    }

    let pg_fks: BTreeSet<String> = sqlx::query_scalar(
        "SELECT cl.relname || '.' || a.attname || ' -> ' || fcl.relname || '.' || fa.attname || ' ON DELETE ' ||
                CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                                   WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END
         FROM pg_constraint c
         JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class fcl ON fcl.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]
         WHERE c.contype = 'f' AND cardinality(c.conkey) = 1",
    )
    .fetch_all(&pg)
    .await
    .unwrap()
    .into_iter()
    .collect();
    let pg_uniques: BTreeSet<String> = sqlx::query_scalar(
        "SELECT t.relname || '(' || string_agg(a.attname, ',' ORDER BY k.ord) || ')'
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
         JOIN unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
         WHERE i.indisunique AND t.relnamespace = 'public'::regnamespace AND t.relname <> '_sqlx_migrations'
         GROUP BY i.indexrelid, t.relname",
    )
    .fetch_all(&pg)
    .await
    .unwrap()
    .into_iter()
    .filter(|u: &String| !PG_ONLY_TABLES.iter().any(|t| u.starts_with(&format!("{t}("))))
    .collect();
    let pg_defaults: BTreeSet<String> = sqlx::query_as::<_, (String, String, String)>(
        "SELECT table_name::text, column_name::text, column_default::text FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations' AND column_default IS NOT NULL",
    )
    .fetch_all(&pg)
    .await
    .unwrap()
    .into_iter()
    .map(|(t, c, d)| format!("{t}.{c} = {}", default_text(&d)))
    .collect();

    // CHECK constraints: as many per table (their wording differs by dialect;
    // the rules tests try the ones that matter).
    let mut lite_checks = BTreeMap::new();
    for t in &tables {
        let sql: String = sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1")
            .bind(t)
            .fetch_one(&lite)
            .await
            .unwrap();
        let mut n = sql.to_uppercase().matches("CHECK (").count() as i64;
        // A 0/1 flag that became BOOLEAN needs no CHECK: the type is the rule.
        let booleans: Vec<String> = sqlx::query_scalar(
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = $1 AND data_type = 'boolean'",
        )
        .bind(t)
        .fetch_all(&pg)
        .await
        .unwrap();
        n -= booleans.iter().filter(|b| sql.contains(&format!("CHECK ({b} IN (0, 1))"))).count() as i64;
        if n > 0 {
            lite_checks.insert(t.clone(), n);
        }
    }
    let pg_checks: BTreeMap<String, i64> = sqlx::query_as(
        "SELECT cl.relname::text, COUNT(*) FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
         WHERE c.contype = 'c' AND cl.relnamespace = 'public'::regnamespace GROUP BY cl.relname",
    )
    .fetch_all(&pg)
    .await
    .unwrap()
    .into_iter()
    .filter(|(t, _): &(String, i64)| !PG_ONLY_TABLES.contains(&t.as_str()))
    .collect();
    assert_eq!(lite_checks, pg_checks, "CHECK constraints per table differ");

    assert_eq!(lite_fks, pg_fks, "foreign keys differ");
    assert_eq!(lite_uniques, pg_uniques, "unique keys differ");
    assert_eq!(lite_defaults, pg_defaults, "column defaults differ");
    // Something was compared.
    assert!(
        lite_fks.len() > 40 && lite_uniques.len() > 40 && lite_defaults.len() > 30,
        "{} foreign keys, {} unique keys, {} defaults",
        lite_fks.len(),
        lite_uniques.len(),
        lite_defaults.len()
    );
    assert!(lite_fks.contains("invoice_lines.invoice_id -> invoices.id ON DELETE CASCADE"), "{lite_fks:?}");
    assert!(lite_uniques.contains("outbox_invoices(invoice_id,stage_key)"), "{lite_uniques:?}");
    assert!(lite_defaults.contains("client_interest.enabled = 0"), "{lite_defaults:?}");
}

// ------------------------------------------------------------------ the rules

/// Rows both engines accept (dates and instants as ISO text, which
/// PostgreSQL reads into DATE / TIMESTAMPTZ); `{blob}` is a one-byte blob.
const FIXTURE: &str = "
INSERT INTO clients (id, display_name, greeting_name, search_text, created_at)
    VALUES (1, 'Ada', 'Ada', 'ada', '2026-01-01T09:00:00.000Z');
INSERT INTO invoices (id, number, client_id, status, issue_date, due_date, currency, subtotal_minor, tax_minor,
                      total_minor, created_at) VALUES
    (1, 'D-1', 1, 'draft', '2026-01-01', '2026-01-31', 'EUR', 100, 0, 100, '2026-01-01T09:00:00.000Z'),
    (2, 'I-2', 1, 'draft', '2026-01-01', '2026-01-31', 'EUR', 100, 0, 100, '2026-01-01T09:00:00.000Z'),
    (3, 'I-3', 1, 'issued', '2026-01-02', '2026-02-01', 'EUR', 100, 0, 100, '2026-01-02T09:00:00.000Z'),
    (4, 'I-4', 1, 'issued', '2026-01-03', '2026-02-02', 'EUR', 100, 0, 100, '2026-01-03T09:00:00.000Z'),
    (5, 'I-5', 1, 'issued', '2026-01-04', '2026-02-03', 'EUR', 100, 0, 100, '2026-01-04T09:00:00.000Z');
INSERT INTO invoice_lines (invoice_id, position, description, quantity_milli, unit_price_minor, tax_rate_bp)
    VALUES (1, 1, 'Work', 1000, 100, 0), (2, 1, 'Work', 1000, 100, 0);
UPDATE invoices SET status = 'issued' WHERE id = 2;
INSERT INTO timeline (id, client_id, invoice_id, at, kind, summary) VALUES (1, 1, 2, '2026-01-05T10:00:00.000Z', 'note', 'hello');
INSERT INTO payments (id, invoice_id, amount_minor, currency, paid_on, method, created_at)
    VALUES (1, 2, 30, 'EUR', '2026-02-01', 'bank', '2026-02-01T10:00:00.000Z');
INSERT INTO followups (invoice_id, client_id, next_action_on) VALUES (2, 1, '2026-02-10'), (4, 1, '2026-03-01'), (5, 1, '2026-02-20');
INSERT INTO followup_steps (id, invoice_id, stage_key, stage_offset, channel, done_on, at)
    VALUES (1, 2, 'first', 0, 'email', '2026-02-02', '2026-02-02T10:00:00.000Z');
INSERT INTO outbox (id, message_id, client_id, stage_key, stage_offset, envelope_from, recipients, to_display, subject,
                    body, raw, raw_sha256, state, next_attempt_at, created_at, updated_at) VALUES
    (1, 'm1', 1, 'first', 0, 'me@x.test', '[]', '[]', 's', 'b', {blob}, 'h', 'sent',
     '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z'),
    (2, 'm2', 1, 'second', 7, 'me@x.test', '[]', '[]', 's', 'b', {blob}, 'h', 'queued',
     '2026-02-09T10:00:00.000Z', '2026-02-09T10:00:00.000Z', '2026-02-09T10:00:00.000Z'),
    (3, 'm3', 1, 'second', 7, 'me@x.test', '[]', '[]', 's', 'b', {blob}, 'h', 'queued',
     '2026-02-09T10:00:00.000Z', '2026-02-09T10:00:00.000Z', '2026-02-09T10:00:00.000Z');
INSERT INTO outbox_invoices (outbox_id, invoice_id, stage_key, stage_offset) VALUES (2, 2, 'second', 7);
INSERT INTO letter_batches (id, pdf_path, sha256, made_at, state) VALUES (1, 'a.pdf', 'h', '2026-02-03T10:00:00.000Z', 'printed');
INSERT INTO letter_batch_items (batch_id, invoice_id, client_id, stage_key, stage_offset, first_page, last_page, subject, body)
    VALUES (1, 2, 1, 'first', 0, 1, 1, 's', 'b');
INSERT INTO bank_imports (id, file_name, file_sha256, format, imported_at, entries, new_entries)
    VALUES (1, 'f.xml', 'h', 'camt053', '2026-02-04T10:00:00.000Z', 1, 1);
INSERT INTO bank_entries (id, uid, import_id, booking_date, amount_minor, currency, credit, remittance, status)
    VALUES (1, 'u1', 1, '2026-02-04', 100, 'EUR', 1, 'I-3', 'recorded');
INSERT INTO plans (id, client_id, state, currency, total_minor, paid_at_start_minor, grace_days, frequency, created_on,
                   created_at, agreed_on, agreed_how, ended_on)
    VALUES (1, 1, 'completed', 'EUR', 70, 30, 3, 'monthly', '2026-02-05', '2026-02-05T10:00:00.000Z', '2026-02-05',
            'call', '2026-03-01');
INSERT INTO plan_invoices (plan_id, invoice_id, owing_at_start_minor) VALUES (1, 2, 70);
INSERT INTO plan_installments (plan_id, seq, due_on, amount_minor) VALUES (1, 1, '2026-03-01', 70);
INSERT INTO plan_reminders (id, plan_id, seq, kind, channel, done_on, at)
    VALUES (1, 1, 1, 'reminder', 'email', '2026-03-03', '2026-03-03T10:00:00.000Z');
INSERT INTO promises (id, invoice_id, client_id, promised_on, amount_minor, currency, how, recorded_at, timeline_id,
                      outcome, resolved_on)
    VALUES (1, 2, 1, '2026-03-01', 50, 'EUR', 'call', '2026-02-20T10:00:00.000Z', 1, 'kept', '2026-03-01');
INSERT INTO einvoice_imports (id, sha256, seller_key, number, invoice_id, client_id, syntax, file_name, evidence_path,
                              imported_at)
    VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000', 'seller', 'N1', 3, 1, 'cii',
            'f.xml', 'einvoices/f.xml', '2026-01-02T10:00:00.000Z');
INSERT INTO credit_notes (id, number, invoice_id, issue_date, currency, net_minor, tax_minor, amount_minor, kind, reason,
                          created_at)
    VALUES (1, 'CN-1', 3, '2026-02-01', 'EUR', 20, 0, 20, 'partial', 'discount', '2026-02-01T10:00:00.000Z');
INSERT INTO credit_note_taxes (credit_note_id, rate_bp, net_minor, tax_minor) VALUES (1, 0, 20, 0);
INSERT INTO payments (id, invoice_id, amount_minor, currency, paid_on, method, created_at)
    VALUES (2, 3, 80, 'EUR', '2026-02-06', 'bank', '2026-02-06T10:00:00.000Z');
INSERT INTO credit_notes (id, number, invoice_id, issue_date, currency, net_minor, tax_minor, amount_minor, kind, reason,
                          created_at)
    VALUES (2, 'CN-2', 3, '2026-02-07', 'EUR', 30, 0, 30, 'partial', 'late', '2026-02-07T10:00:00.000Z');
INSERT INTO refunds (id, invoice_id, amount_minor, currency, refunded_on, method, reason, created_at)
    VALUES (1, 3, 10, 'EUR', '2026-02-08', 'bank', 'overpaid', '2026-02-08T10:00:00.000Z');
INSERT INTO payment_reversals (id, payment_id, reversed_on, reason, created_at)
    VALUES (1, 1, '2026-02-09', 'bounced', '2026-02-09T10:00:00.000Z');
UPDATE followups SET next_action_on = '2026-03-02', resume_on = '2026-03-05' WHERE invoice_id = 4;
INSERT INTO plans (id, client_id, state, currency, total_minor, paid_at_start_minor, grace_days, frequency, created_on,
                   created_at, agreed_on, agreed_how)
    VALUES (2, 1, 'active', 'EUR', 100, 0, 3, 'monthly', '2026-03-06', '2026-03-06T10:00:00.000Z', '2026-03-06', 'call');
INSERT INTO plan_invoices (plan_id, invoice_id, owing_at_start_minor) VALUES (2, 4, 100);
UPDATE followups SET next_action_on = '2026-03-10' WHERE invoice_id = 4;
UPDATE overview_window SET from_day = '2026-01-01', to_day = '2026-12-31';
INSERT INTO payments (id, invoice_id, amount_minor, currency, paid_on, method, created_at)
    VALUES (3, 2, 100, 'EUR', '2026-03-07', 'bank', '2026-03-07T10:00:00.000Z');
UPDATE followups SET next_action_on = '2026-02-25' WHERE invoice_id = 5;
";

/// Each statement and the refusal both engines must give it, in order (a
/// statement's refusal leaves nothing behind, so they are independent).
const REFUSED: &[(&str, &str)] = &[
    ("UPDATE timeline SET summary = 'x' WHERE id = 1", "kindly: the timeline is append-only"),
    ("DELETE FROM timeline WHERE id = 1", "kindly: the timeline is append-only"),
    ("UPDATE payments SET amount_minor = 1 WHERE id = 1", "kindly: payments are append-only"),
    ("DELETE FROM payments WHERE id = 1", "kindly: payments are append-only"),
    (
        "UPDATE invoices SET total_minor = 200 WHERE id = 2",
        "kindly: an issued invoice cannot be edited; cancel it instead",
    ),
    (
        "UPDATE invoices SET status = 'draft' WHERE id = 2",
        "kindly: an issued invoice cannot be edited; cancel it instead",
    ),
    ("UPDATE invoices SET notes = 'x' WHERE id = 3", "kindly: an issued invoice cannot be edited; cancel it instead"),
    (
        "UPDATE invoice_lines SET description = 'x' WHERE invoice_id = 2",
        "kindly: an issued invoice cannot be edited; cancel it instead",
    ),
    (
        "INSERT INTO invoice_lines (invoice_id, position, description, quantity_milli, unit_price_minor, tax_rate_bp)
         VALUES (2, 2, 'More', 1000, 5, 0)",
        "kindly: an issued invoice cannot be edited; cancel it instead",
    ),
    ("DELETE FROM invoice_lines WHERE invoice_id = 2", "kindly: an issued invoice cannot be edited; cancel it instead"),
    (
        "UPDATE invoices SET creditor_reference = 'RF00X' WHERE id = 1",
        "kindly: an issued invoice cannot be edited; its payment reference is permanent",
    ),
    (
        "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
         VALUES (1, 10, 'EUR', '2026-02-01', 'bank', '2026-02-01T10:00:00.000Z')",
        "kindly: invoice not payable",
    ),
    (
        "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
         VALUES (4, 10, 'USD', '2026-02-01', 'bank', '2026-02-01T10:00:00.000Z')",
        "kindly: currency mismatch",
    ),
    (
        "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
         VALUES (4, 101, 'EUR', '2026-02-01', 'bank', '2026-02-01T10:00:00.000Z')",
        "kindly: overpayment",
    ),
    (
        "UPDATE followup_steps SET done_on = '2026-02-03' WHERE id = 1",
        "kindly: the record of follow-ups is append-only",
    ),
    ("DELETE FROM followup_steps WHERE id = 1", "kindly: the record of follow-ups is append-only"),
    ("UPDATE outbox SET subject = 'x' WHERE id = 1", "kindly: a sent or cancelled e-mail is final"),
    ("DELETE FROM outbox WHERE id = 2", "kindly: the outbox is a permanent record"),
    (
        "UPDATE letter_batches SET state = 'not_printed' WHERE id = 1",
        "kindly: a printed letter batch is a permanent record",
    ),
    (
        "UPDATE letter_batch_items SET subject = 'x' WHERE batch_id = 1",
        "kindly: a printed letter batch is a permanent record",
    ),
    (
        "UPDATE bank_entries SET status = 'review' WHERE id = 1",
        "kindly: a bank entry already decided is a permanent record",
    ),
    ("UPDATE plans SET state = 'active' WHERE id = 1", "kindly: plan state change not allowed"),
    ("UPDATE plans SET total_minor = 5 WHERE id = 1", "kindly: plan schedules are append-only; renegotiate instead"),
    ("DELETE FROM plans WHERE id = 1", "kindly: plans are append-only"),
    ("UPDATE plan_invoices SET owing_at_start_minor = 1 WHERE plan_id = 1", "kindly: plans are append-only"),
    ("DELETE FROM plan_invoices WHERE plan_id = 1", "kindly: plans are append-only"),
    (
        "UPDATE plan_installments SET amount_minor = 1 WHERE plan_id = 1",
        "kindly: plan schedules are append-only; renegotiate instead",
    ),
    ("DELETE FROM plan_installments WHERE plan_id = 1", "kindly: plan schedules are append-only; renegotiate instead"),
    (
        "UPDATE plan_reminders SET channel = 'letter' WHERE id = 1",
        "kindly: the record of plan reminders is append-only",
    ),
    ("DELETE FROM plan_reminders WHERE id = 1", "kindly: the record of plan reminders is append-only"),
    (
        "UPDATE promises SET amount_minor = 1 WHERE id = 1",
        "kindly: promises are append-only (their outcome is recorded once)",
    ),
    (
        "UPDATE promises SET outcome = 'broken' WHERE id = 1",
        "kindly: promises are append-only (their outcome is recorded once)",
    ),
    ("DELETE FROM promises WHERE id = 1", "kindly: promises are append-only (their outcome is recorded once)"),
    ("UPDATE einvoice_imports SET number = 'x' WHERE id = 1", "kindly: the record of imports is append-only"),
    ("DELETE FROM einvoice_imports WHERE id = 1", "kindly: the record of imports is append-only"),
    (
        "INSERT INTO credit_notes (number, invoice_id, issue_date, currency, net_minor, tax_minor, amount_minor, kind,
                                   reason, created_at)
         VALUES ('CN-X', 1, '2026-02-01', 'EUR', 5, 0, 5, 'partial', 'r', '2026-02-01T10:00:00.000Z')",
        "kindly: invoice not creditable",
    ),
    (
        "INSERT INTO credit_notes (number, invoice_id, issue_date, currency, net_minor, tax_minor, amount_minor, kind,
                                   reason, created_at)
         VALUES ('CN-X', 3, '2026-02-01', 'USD', 5, 0, 5, 'partial', 'r', '2026-02-01T10:00:00.000Z')",
        "kindly: currency mismatch",
    ),
    (
        "INSERT INTO credit_notes (number, invoice_id, issue_date, currency, net_minor, tax_minor, amount_minor, kind,
                                   reason, created_at)
         VALUES ('CN-X', 3, '2026-02-01', 'EUR', 51, 0, 51, 'partial', 'r', '2026-02-01T10:00:00.000Z')",
        "kindly: credit exceeds invoice",
    ),
    (
        "INSERT INTO credit_note_taxes (credit_note_id, rate_bp, net_minor, tax_minor) VALUES (1, 1900, 1, 0)",
        "kindly: credit note split does not add up",
    ),
    ("UPDATE credit_notes SET reason = 'x' WHERE id = 1", "kindly: credit notes are a permanent record"),
    ("DELETE FROM credit_notes WHERE id = 1", "kindly: credit notes are a permanent record"),
    (
        "UPDATE credit_note_taxes SET net_minor = 1 WHERE credit_note_id = 1",
        "kindly: credit notes are a permanent record",
    ),
    ("DELETE FROM credit_note_taxes WHERE credit_note_id = 1", "kindly: credit notes are a permanent record"),
    (
        "INSERT INTO refunds (invoice_id, amount_minor, currency, refunded_on, method, reason, created_at)
         VALUES (3, 5, 'USD', '2026-02-08', 'bank', 'r', '2026-02-08T10:00:00.000Z')",
        "kindly: currency mismatch",
    ),
    (
        "INSERT INTO refunds (invoice_id, amount_minor, currency, refunded_on, method, reason, created_at)
         VALUES (3, 21, 'EUR', '2026-02-08', 'bank', 'r', '2026-02-08T10:00:00.000Z')",
        "kindly: refund exceeds credit",
    ),
    ("UPDATE refunds SET reason = 'x' WHERE id = 1", "kindly: refunds are a permanent record"),
    ("DELETE FROM refunds WHERE id = 1", "kindly: refunds are a permanent record"),
    (
        "INSERT INTO payment_reversals (payment_id, reversed_on, reason, created_at)
         VALUES (1, '2026-02-10', 'again', '2026-02-10T10:00:00.000Z')",
        "kindly: payment already reversed",
    ),
    (
        "INSERT INTO payment_reversals (payment_id, reversed_on, reason, created_at)
         VALUES (2, '2026-02-10', 'bounced', '2026-02-10T10:00:00.000Z')",
        "kindly: reversal after refund",
    ),
    ("UPDATE payment_reversals SET reason = 'x' WHERE id = 1", "kindly: payment reversals are a permanent record"),
    ("DELETE FROM payment_reversals WHERE id = 1", "kindly: payment reversals are a permanent record"),
];

/// The derived state the triggers keep, as text rows both engines print the
/// same way.
const DERIVED: &[&str] = &[
    "SELECT id, paid_minor, credited_minor, returned_minor, paid_in_full_on, creditor_reference FROM invoices ORDER BY id",
    "SELECT invoice_id, next_action_on FROM followups ORDER BY invoice_id",
    "SELECT day, n FROM followup_due_days WHERE n <> 0 ORDER BY day",
    "SELECT client_id, currency, owed_minor, open_invoices, oldest_open_due FROM client_balances ORDER BY client_id, currency",
    "SELECT kind, currency, due_date, n FROM invoice_tallies WHERE n <> 0 ORDER BY kind, currency, due_date",
    "SELECT currency, day, invoiced_minor, invoiced_count, collected_minor, collected_count, paid_full_count,
            paid_full_days, credited_minor FROM overview_days ORDER BY currency, day",
    "SELECT currency, due_date, owing_minor, owing_count FROM overview_open WHERE owing_count <> 0 ORDER BY currency, due_date",
    "SELECT currency, stage_key, steps, paid_within_7 FROM overview_steps ORDER BY currency, stage_key",
    "SELECT currency, client_id, days, invoices FROM overview_pay_speed ORDER BY currency, client_id",
];

/// `query`'s rows with every column as text (NULL as "-"), on either engine.
fn as_text(query: &str) -> String {
    let select = query.trim_start().strip_prefix("SELECT ").unwrap();
    let (cols, rest) = select.split_once(" FROM ").unwrap();
    let cols: Vec<String> = cols.split(',').map(|c| format!("COALESCE(CAST({} AS TEXT), '-')", c.trim())).collect();
    format!("SELECT {} FROM {rest}", cols.join(" || '|' || "))
}

async fn refusal_pg(pool: &PgPool, sql: &str) -> Result<(), (String, String)> {
    match sqlx::raw_sql(AssertSqlSafe(sql.to_string())).execute(pool).await {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(db)) => {
            Err((db.code().map(|c| c.to_string()).unwrap_or_default(), db.message().to_string()))
        }
        Err(e) => panic!("{sql}: {e}"),
    }
}

/// What SQLite answered a refused statement: its message.
#[derive(Debug)]
struct Refused(String);

async fn refusal_sqlite(pool: &SqlitePool, sql: &str) -> Result<(), Refused> {
    match sqlx::raw_sql(AssertSqlSafe(sql.to_string())).execute(pool).await {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(db)) => Err(Refused(db.message().to_string())),
        Err(e) => panic!("{sql}: {e}"),
    }
}

#[tokio::test]
async fn every_rule_refuses_the_same_statements_with_the_same_message_and_the_summaries_agree() {
    let Some(pg) = pg().await else { return skipped() };
    let tmp = tempfile::tempdir().unwrap();
    let lite = sqlite(&tmp).await;
    sqlx::raw_sql(AssertSqlSafe(FIXTURE.replace("{blob}", "X'00'"))).execute(&lite).await.expect("SQLite fixture");
    sqlx::raw_sql(AssertSqlSafe(FIXTURE.replace("{blob}", "'\\x00'"))).execute(&pg).await.expect("PostgreSQL fixture");

    let mut problems = Vec::new();
    for (sql, message) in REFUSED {
        match refusal_sqlite(&lite, sql).await {
            Err(Refused(m)) if m == *message => {}
            other => problems.push(format!("SQLite: {sql}\n  expected {message:?}, got {other:?}")),
        }
        match refusal_pg(&pg, sql).await {
            Err((code, m)) if m == *message && code == "P0001" => {}
            other => problems.push(format!("PostgreSQL: {sql}\n  expected P0001 {message:?}, got {other:?}")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every message of the migrations is tried above.
    let tried: BTreeSet<String> = REFUSED.iter().map(|(_, m)| m.to_string()).collect();
    assert_eq!(tried, messages("migrations"), "a trigger message is not tried here");

    // The unique rules are constraints, not triggers: on PostgreSQL they are
    // SQLSTATE 23505 naming the constraint (classify reads that name).
    let unique: &[(&str, &str, &str)] = &[
        (
            "INSERT INTO followup_steps (id, invoice_id, stage_key, stage_offset, channel, done_on, at)
             VALUES (9, 2, 'first', 0, 'letter', '2026-02-03', '2026-02-03T10:00:00.000Z')",
            "followup_steps.invoice_id",
            "followup_steps_invoice_id_stage_key_key",
        ),
        (
            "INSERT INTO outbox_invoices (outbox_id, invoice_id, stage_key, stage_offset) VALUES (3, 2, 'second', 7)",
            "outbox_invoices.invoice_id",
            "outbox_one_per_stage",
        ),
        (
            "INSERT INTO payment_reversals (id, payment_id, reversed_on, reason, created_at)
             VALUES (9, 1, '2026-02-10', 'again', '2026-02-10T10:00:00.000Z')",
            // Here the trigger speaks first, on both engines.
            "kindly: payment already reversed",
            "kindly: payment already reversed",
        ),
    ];
    for (sql, lite_says, pg_says) in unique {
        let l = refusal_sqlite(&lite, sql).await;
        assert!(matches!(&l, Err(Refused(m)) if m.contains(lite_says)), "SQLite: {sql}: {l:?}");
        let p = refusal_pg(&pg, sql).await;
        assert!(
            matches!(&p, Err((code, m)) if m.contains(pg_says) && (code == "23505" || code == "P0001")),
            "PostgreSQL: {sql}: {p:?}"
        );
    }
    // A cancelled e-mail frees its stage: the index is partial (live = 1).
    for sql in [
        "UPDATE outbox_invoices SET live = 0 WHERE outbox_id = 2",
        "INSERT INTO outbox_invoices (outbox_id, invoice_id, stage_key, stage_offset) VALUES (3, 2, 'second', 7)",
    ] {
        refusal_sqlite(&lite, sql).await.unwrap();
        refusal_pg(&pg, sql).await.unwrap();
    }

    for query in DERIVED {
        let q = as_text(query);
        let l: Vec<String> = sqlx::query_scalar(AssertSqlSafe(q.clone())).fetch_all(&lite).await.unwrap();
        let p: Vec<String> = sqlx::query_scalar(AssertSqlSafe(q.clone())).fetch_all(&pg).await.unwrap();
        assert!(!l.is_empty(), "{query}: the fixture leaves something to compare");
        assert_eq!(l, p, "{query}");
    }
}

// ------------------------------------------------------- racing writers

/// Runs `sql` (with `$1` = `invoice`) in two transactions at once, each held
/// open a moment after its insert so the other runs into it; what each got.
async fn race(pool: &PgPool, sql: &'static str, invoice: i64) -> [Result<(), sqlx::Error>; 2] {
    let attempt = |pool: PgPool| async move {
        let mut tx = pool.begin().await?;
        sqlx::query(sql).bind(invoice).execute(&mut *tx).await?;
        tokio::time::sleep(Duration::from_millis(30)).await;
        tx.commit().await
    };
    let (a, b) = tokio::join!(tokio::spawn(attempt(pool.clone())), tokio::spawn(attempt(pool.clone())));
    [a.unwrap(), b.unwrap()]
}

/// Exactly one of the two committed, and the other was refused with `message`.
fn one_refused(results: &[Result<(), sqlx::Error>; 2], message: &str, round: i64) {
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "round {round}: exactly one commits: {results:?}");
    match results.iter().find_map(|r| r.as_ref().err()) {
        Some(sqlx::Error::Database(db)) => assert_eq!(db.message(), message, "round {round}"),
        e => panic!("round {round}: {e:?}"),
    }
}

async fn issued_invoice(pool: &PgPool, id: i64) {
    sqlx::query(
        "INSERT INTO clients (id, display_name, greeting_name, search_text, created_at)
         VALUES (1, 'Ada', 'Ada', 'ada', now()) ON CONFLICT DO NOTHING",
    )
    .execute(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO invoices (id, number, client_id, status, issue_date, due_date, currency, subtotal_minor,
                               tax_minor, total_minor, created_at)
         VALUES ($1, 'R-' || $1::text, 1, 'issued', '2026-01-01', '2026-01-31', 'EUR', 100, 0, 100, now())",
    )
    .bind(id)
    .execute(pool)
    .await
    .unwrap();
}

/// Two transactions on two connections each pay 60 of a 100 invoice at the
/// same time: exactly one commits, the other is refused as an over-payment,
/// and the invoice's paid_minor is what its payments sum to. Without the row
/// lock in payments_check both would pass the check (each reads paid 0);
/// removing `FOR UPDATE` there makes this test fail in its first round.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_racing_payments_cannot_over_pay_an_invoice() {
    let Some(pool) = pg().await else { return skipped() };
    for round in 1..=50_i64 {
        issued_invoice(&pool, round).await;
        let results = race(
            &pool,
            "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
             VALUES ($1, 60, 'EUR', '2026-01-10', 'bank', now())",
            round,
        )
        .await;
        one_refused(&results, "kindly: overpayment", round);
        let (paid, sum): (i64, i64) = sqlx::query_as(
            "SELECT i.paid_minor, (SELECT SUM(amount_minor) FROM payments WHERE invoice_id = i.id)::bigint
             FROM invoices i WHERE i.id = $1",
        )
        .bind(round)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!((paid, sum), (60, 60), "round {round}");
        // The client's balance, recomputed by two writers, is the one row.
        let owed: i64 = sqlx::query_scalar("SELECT owed_minor FROM client_balances WHERE client_id = 1")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(owed, 40 * round, "round {round}");
    }
}

/// The same for the corrections' limits: two credit notes of 60 on a 100
/// invoice, and two refunds of 30 out of a credit of 50.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_credit_notes_and_refunds_stay_within_their_limits() {
    let Some(pool) = pg().await else { return skipped() };
    for round in 1..=20_i64 {
        issued_invoice(&pool, round).await;
        let results = race(
            &pool,
            "INSERT INTO credit_notes (number, invoice_id, issue_date, currency, net_minor, tax_minor, amount_minor,
                                       kind, reason, created_at)
             VALUES ('CN-' || $1::text || '-' || md5(random()::text), $1, '2026-01-10', 'EUR', 60, 0, 60,
                     'partial', 'r', now())",
            round,
        )
        .await;
        one_refused(&results, "kindly: credit exceeds invoice", round);

        let paid = 1000 + round;
        issued_invoice(&pool, paid).await;
        sqlx::raw_sql(AssertSqlSafe(format!(
            "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
                 VALUES ({paid}, 100, 'EUR', '2026-01-10', 'bank', now());
             INSERT INTO credit_notes (number, invoice_id, issue_date, currency, net_minor, tax_minor, amount_minor,
                                       kind, reason, created_at)
                 VALUES ('CP-{paid}', {paid}, '2026-01-11', 'EUR', 50, 0, 50, 'partial', 'r', now());"
        )))
        .execute(&pool)
        .await
        .unwrap();
        let results = race(
            &pool,
            "INSERT INTO refunds (invoice_id, amount_minor, currency, refunded_on, method, reason, created_at)
             VALUES ($1, 30, 'EUR', '2026-01-12', 'bank', 'r', now())",
            paid,
        )
        .await;
        one_refused(&results, "kindly: refund exceeds credit", round);
    }
}

/// Two payments on two invoices of one client at once both commit, and the
/// client's balance (recomputed from the invoices by each writer's trigger)
/// counts both: the trigger locks the client row first, so the second
/// recomputation waits and sees the first one's invoice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_payments_of_one_client_keep_its_balance_exact() {
    let Some(pool) = pg().await else { return skipped() };
    for round in 1..=20_i64 {
        let (x, y) = (2 * round - 1, 2 * round);
        issued_invoice(&pool, x).await;
        issued_invoice(&pool, y).await;
        // Paid on different days, so that no other summary row (overview_days)
        // makes the two writers wait for each other before the balance does.
        let pay = |pool: PgPool, invoice: i64| async move {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
                 VALUES ($1, 10, 'EUR', DATE '2026-01-01' + $1::int, 'bank', now())",
            )
            .bind(invoice)
            .execute(&mut *tx)
            .await?;
            tokio::time::sleep(Duration::from_millis(30)).await;
            tx.commit().await
        };
        let (a, b) = tokio::join!(tokio::spawn(pay(pool.clone(), x)), tokio::spawn(pay(pool.clone(), y)));
        let results = [a.unwrap(), b.unwrap()];
        assert!(results.iter().all(|r| r.is_ok()), "round {round}: both commit: {results:?}");
        let (kept, computed): (String, String) = sqlx::query_as(
            "SELECT (SELECT owed_minor || '/' || open_invoices FROM client_balances WHERE client_id = 1 AND currency = 'EUR'),
                    (SELECT SUM(total_minor - paid_minor) || '/' || COUNT(*) FROM invoices
                     WHERE client_id = 1 AND status = 'issued' AND paid_minor < total_minor)",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(kept, computed, "round {round}");
    }
}

/// The scans of `index` (or, for a table, its sequential scans) made so far
/// by the current transaction.
async fn scans(tx: &mut sqlx::PgConnection, relation: &str) -> i64 {
    sqlx::query_scalar("SELECT pg_stat_get_xact_numscans(CAST($1 AS regclass))")
        .bind(relation)
        .fetch_one(tx)
        .await
        .unwrap()
}

/// Regression: 40,000 demo invoices took four minutes to seed on a team
/// database. Filled in one transaction, its tables still had the statistics
/// of an empty database, and the generic plan that `kindly_client_balance`
/// (run for every issued or paid invoice) cached read the client's open
/// invoices through an open-invoice partial index led by currency or id:
/// every open invoice of the currency, 2 ms a call. Now the balance is
/// read through invoices_by_client (client_id first) whatever the
/// statistics: here they are those of the empty tables, and the plans are
/// generic from the first call.
#[tokio::test]
async fn a_client_balance_is_read_through_the_clients_index_whatever_the_statistics() {
    let Some(pool) = pg().await else { return skipped() };
    sqlx::query("ANALYZE").execute(&pool).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO clients (id, display_name, greeting_name, search_text, created_at)
             SELECT c, 'Client ' || c, 'C', 'client', now() FROM generate_series(1, 30) AS c;
         INSERT INTO invoices (id, number, client_id, status, issue_date, due_date, currency, subtotal_minor,
                               tax_minor, total_minor, created_at)
             SELECT i, 'R-' || i, 1 + i % 30, 'issued', DATE '2026-01-01' + i % 200, DATE '2026-02-01' + i % 200,
                    (ARRAY['EUR', 'GBP', 'USD', 'CHF'])[1 + i % 4], 1000, 0, 1000, now()
             FROM generate_series(1, 4000) AS i;",
    )
    .execute(&pool)
    .await
    .unwrap();

    let mut tx = pool.begin().await.unwrap();
    sqlx::query("SET LOCAL plan_cache_mode = force_generic_plan").execute(&mut *tx).await.unwrap();
    let before = scans(&mut tx, "invoices_by_client").await;
    let paid = 200_i64;
    for invoice in (1..=paid).map(|k| k * 17) {
        sqlx::query(
            "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
             SELECT id, 1000, currency, due_date, 'bank', now() FROM invoices WHERE id = $1",
        )
        .bind(invoice)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    let by_client = scans(&mut tx, "invoices_by_client").await - before;
    let by_currency = scans(&mut tx, "invoices_unpaid_by_currency").await;
    let by_id = scans(&mut tx, "invoices_open_by_id").await;
    assert!(by_client >= paid, "{by_client} balance reads through invoices_by_client for {paid} payments");
    assert_eq!((by_currency, by_id), (0, 0), "scans of the open invoices of a whole currency");

    // And the balances are right.
    let wrong: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (
             SELECT client_id, currency, SUM(total_minor - paid_minor) AS owed, COUNT(*) AS n, MIN(due_date) AS oldest
             FROM invoices WHERE status = 'issued' AND paid_minor < total_minor GROUP BY client_id, currency) c
         FULL JOIN client_balances b USING (client_id, currency)
         WHERE b.owed_minor IS DISTINCT FROM c.owed OR b.open_invoices IS DISTINCT FROM c.n
            OR b.oldest_open_due IS DISTINCT FROM c.oldest",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    assert_eq!(wrong, 0, "client balances that differ from the invoices");
    let paid_rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM payments").fetch_one(&mut *tx).await.unwrap();
    assert_eq!(paid_rows, paid);
}

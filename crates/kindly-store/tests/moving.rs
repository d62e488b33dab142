//! Moving a data folder into PostgreSQL (`Store::move_into`, issue #19):
//! every row and kept file arrives, verified, on a real throwaway server;
//! a database that holds data is refused; a move that fails half-way
//! leaves the target as it was; the moved ledger reads the same through the
//! ported use cases and goes on numbering after the highest id.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed unwrap fails it

use chrono::{NaiveDate, TimeZone, Utc};
use kindly_core::ErrorCode;
use kindly_store::{DemoSize, FileToKeep, Store};
use sqlx::{PgPool, Row, SqlitePool};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// A fresh database on the shared throwaway server; `None` (skipped) when
/// PostgreSQL is not installed and not required.
async fn fresh_pg() -> Option<String> {
    let server = kindly_pgtest::PgServer::shared().expect("PostgreSQL test server")?;
    Some(server.fresh_database().await.expect("a fresh test database"))
}

/// A demo data folder with follow-up history, awkward text (tab, line
/// breaks, backslashes, control characters, non-Latin letters), an e-mail
/// in the outbox (bytes) and a kept file.
async fn demo_folder(dir: &std::path::Path) -> (Store, Vec<FileToKeep>) {
    let store = Store::open(&dir.join("kindly.db")).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).single().unwrap();
    store.seed_demo(DemoSize { clients: 40, invoices: 400 }, today(), now).await.unwrap();
    store.seed_demo_collections(today(), now).await.unwrap();
    let lite = SqlitePool::connect(&format!("sqlite://{}", dir.join("kindly.db").display())).await.unwrap();
    sqlx::query("UPDATE clients SET notes = $1 WHERE id = 1")
        .bind("tab\there\nline\r\nback\\slash \\N \u{8}\u{b}\u{c} Ørsted 東京 \u{1F600}")
        .execute(&lite)
        .await
        .unwrap();
    let at = "2026-11-23T09:30:00.000Z";
    sqlx::query(
        "INSERT INTO outbox (message_id, kind, client_id, stage_key, stage_offset, envelope_from, recipients,
                             to_display, subject, body, raw, raw_sha256, state, next_attempt_at, created_at,
                             updated_at, sent_at)
         VALUES ('<move@example.com>', 'statement', 1, 'statement:move-test', 0, 'me@example.com',
                 '[\"a@example.com\"]', 'A', 'Statement', 'body', $1, 'x', 'sent', $2, $2, $2, $2)",
    )
    .bind(vec![0u8, 1, 2, 255, b'\\', b'\n', b'\t'])
    .bind(at)
    .execute(&lite)
    .await
    .unwrap();
    lite.close().await;
    std::fs::create_dir_all(dir.join("letters")).unwrap();
    let pdf = dir.join("letters/letters-2026-11-23.pdf");
    std::fs::write(&pdf, b"%PDF-1.7 \x00\xff a letter").unwrap();
    (store, vec![FileToKeep { path: "letters/letters-2026-11-23.pdf".into(), full_path: pdf }])
}

async fn counts_lite(path: &std::path::Path, tables: &[String]) -> Vec<i64> {
    let lite = SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let mut out = Vec::new();
    for t in tables {
        out.push(
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM \"{t}\"")))
                .fetch_one(&lite)
                .await
                .unwrap(),
        );
    }
    out
}

async fn counts_pg(pg: &PgPool, tables: &[String]) -> Vec<i64> {
    let mut out = Vec::new();
    for t in tables {
        out.push(
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM \"{t}\"")))
                .fetch_one(pg)
                .await
                .unwrap(),
        );
    }
    out
}

#[tokio::test]
async fn a_demo_folder_moves_whole_and_reads_the_same() {
    let Some(url) = fresh_pg().await else { return };
    let dir = tempfile::tempdir().unwrap();
    let (store, files) = demo_folder(dir.path()).await;
    let target = Store::connect(&url).await.unwrap();
    let now = Utc::now();

    let report = store.move_into(&target, &files, now).await.unwrap();
    let tables: Vec<String> = report.tables.iter().map(|t| t.table.clone()).collect();
    assert!(tables.len() >= 30, "every table: {tables:?}");
    // A table comes after the tables it refers to.
    let pos = |t: &str| tables.iter().position(|x| x == t).unwrap();
    assert!(pos("clients") < pos("invoices") && pos("invoices") < pos("payments"));
    let pg = PgPool::connect(&url).await.unwrap();
    let rows: Vec<i64> = report.tables.iter().map(|t| t.rows).collect();
    assert_eq!(counts_lite(&dir.path().join("kindly.db"), &tables).await, rows);
    assert_eq!(counts_pg(&pg, &tables).await, rows);
    assert!(report.tables.iter().find(|t| t.table == "invoices").unwrap().rows >= 400);
    assert!(report.tables.iter().find(|t| t.table == "payments").unwrap().rows > 0);
    assert_eq!((report.files, report.file_bytes), (1, 20));

    // The same through the ported reads.
    assert_eq!(target.settings().await.unwrap(), store.settings().await.unwrap());
    for id in [1, 2, 17, 40] {
        assert_eq!(target.client(id).await.unwrap(), store.client(id).await.unwrap());
        assert_eq!(target.client_timeline(id, 500).await.unwrap(), store.client_timeline(id, 500).await.unwrap());
    }
    for id in [1, 99, 400] {
        assert_eq!(target.invoice(id).await.unwrap(), store.invoice(id).await.unwrap());
    }
    let raw: Vec<u8> = sqlx::query_scalar("SELECT raw FROM outbox WHERE stage_key = 'statement:move-test'")
        .fetch_one(&pg)
        .await
        .unwrap();
    assert_eq!(raw, [0u8, 1, 2, 255, b'\\', b'\n', b'\t']);
    let (sha, bytes) = target.kept_file("letters/letters-2026-11-23.pdf").await.unwrap().expect("kept");
    assert_eq!(bytes, b"%PDF-1.7 \x00\xff a letter");
    assert_eq!(sha.len(), 64);

    // The record's rules are back on after the move, and ids go on after
    // the highest one copied.
    let e = sqlx::query("DELETE FROM timeline WHERE id = 1").execute(&pg).await.unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    let next: i64 = sqlx::query_scalar(
        "INSERT INTO clients (display_name, greeting_name, search_text, created_at)
         VALUES ('New', 'New', 'new', now()) RETURNING id",
    )
    .fetch_one(&pg)
    .await
    .unwrap();
    let max: i64 =
        sqlx::query_scalar("SELECT MAX(id) FROM clients WHERE display_name <> 'New'").fetch_one(&pg).await.unwrap();
    assert_eq!(next, max + 1);
}

#[tokio::test]
async fn a_database_that_holds_data_is_refused_and_keeps_it() {
    let Some(url) = fresh_pg().await else { return };
    let dir = tempfile::tempdir().unwrap();
    let (store, files) = demo_folder(dir.path()).await;
    let target = Store::connect(&url).await.unwrap();
    store.move_into(&target, &files, Utc::now()).await.unwrap();
    let pg = PgPool::connect(&url).await.unwrap();
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invoices").fetch_one(&pg).await.unwrap();

    let e = store.move_into(&target, &files, Utc::now()).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::MoveTargetNotEmpty);
    assert!(e.to_string().contains("empty database only"), "{e}");
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invoices").fetch_one(&pg).await.unwrap();
    assert_eq!(before, after);
}

#[tokio::test]
async fn a_move_that_fails_half_way_leaves_the_database_empty() {
    let Some(url) = fresh_pg().await else { return };
    let dir = tempfile::tempdir().unwrap();
    let (store, mut files) = demo_folder(dir.path()).await;
    // Every table copies; then a kept file has gone missing.
    files.push(FileToKeep { path: "letters/gone.pdf".into(), full_path: dir.path().join("letters/gone.pdf") });
    let target = Store::connect(&url).await.unwrap();
    let e = store.move_into(&target, &files, Utc::now()).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::IoError, "{e}");
    let pg = PgPool::connect(&url).await.unwrap();
    for t in ["clients", "invoices", "payments", "timeline", "kept_files"] {
        let n: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {t}"))).fetch_one(&pg).await.unwrap();
        assert_eq!(n, 0, "{t} is empty after the failed move");
    }
    // What the migrations seeded is back (the truncation rolled back too),
    // and the triggers are on: the move can run again and succeed.
    let window: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM overview_window").fetch_one(&pg).await.unwrap();
    assert_eq!(window, 1);
    let on: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'")
        .fetch_one(&pg)
        .await
        .unwrap();
    assert_eq!(on, 0, "no trigger left switched off");
    files.pop();
    store.move_into(&target, &files, Utc::now()).await.unwrap();
}

/// A value PostgreSQL cannot hold as it is (text with a NUL character,
/// which SQLite allows) fails the move, naming the table, and nothing is
/// committed: never a quietly changed row.
#[tokio::test]
async fn a_value_postgres_cannot_hold_fails_the_move_and_names_the_table() {
    let Some(url) = fresh_pg().await else { return };
    let dir = tempfile::tempdir().unwrap();
    let (store, files) = demo_folder(dir.path()).await;
    let lite = SqlitePool::connect(&format!("sqlite://{}", dir.path().join("kindly.db").display())).await.unwrap();
    sqlx::query("UPDATE clients SET notes = 'a' || char(0) || 'b' WHERE id = 2").execute(&lite).await.unwrap();
    let target = Store::connect(&url).await.unwrap();
    let e = store.move_into(&target, &files, Utc::now()).await.unwrap_err();
    assert!(e.to_string().contains("clients"), "names the table: {e}");
    let pg = PgPool::connect(&url).await.unwrap();
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM clients").fetch_one(&pg).await.unwrap();
    assert_eq!(n, 0);
    let row = sqlx::query("SELECT COUNT(*) AS n FROM kept_files").fetch_one(&pg).await.unwrap();
    assert_eq!(row.get::<i64, _>("n"), 0);
}

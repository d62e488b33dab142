//! Upgrading a database made by an earlier Kindly: the 0006 migration
//! rebuilds the outbox (to carry installment reminders and promise
//! follow-ups) and must keep every message, its invoices and its guards;
//! 0007 gives existing plans the reminder days they had when those were fixed.

use kindly_store::Store;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use std::path::Path;

/// A database at schema 0005 (the outbox before 0006), made by running the
/// shipped migration files up to that one.
async fn database_at_0005(dir: &Path) -> std::path::PathBuf {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/kindly-store/migrations");
    let old = dir.join("migrations-0005");
    std::fs::create_dir_all(&old).unwrap();
    for entry in std::fs::read_dir(&shipped).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.as_str() < "0006" {
            std::fs::copy(&path, old.join(&name)).unwrap();
        }
    }
    let db = dir.join("kindly.db");
    let opts = SqliteConnectOptions::new().filename(&db).create_if_missing(true).foreign_keys(true);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(opts).await.unwrap();
    sqlx::migrate::Migrator::new(old.as_path()).await.unwrap().run(&pool).await.unwrap();
    let t = "2026-11-01T10:00:00Z";
    for sql in [
        "INSERT INTO clients (id, display_name, greeting_name, search_text, created_at)
         VALUES (1, 'Zoë', 'Zoë', 'zoë', '2026-11-01T10:00:00Z')",
        "INSERT INTO invoices (id, number, client_id, status, issue_date, due_date, currency, subtotal_minor, tax_minor,
                               total_minor, created_at)
         VALUES (1, 'INV-1', 1, 'draft', '2026-10-01', '2026-10-15', 'EUR', 30000, 0, 30000, '2026-11-01T10:00:00Z')",
        "INSERT INTO plans (id, client_id, state, currency, total_minor, paid_at_start_minor, grace_days, frequency,
                            created_on, created_at)
         VALUES (7, 1, 'proposed', 'EUR', 30000, 0, 7, 'monthly', '2026-11-01', '2026-11-01T10:00:00Z')",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    for (id, kind, key, state) in [(1, "ladder", "reminder", "sent"), (2, "plan", "plan:7:proposal", "queued")] {
        sqlx::query(
            "INSERT INTO outbox (id, message_id, kind, client_id, stage_key, stage_offset, envelope_from, recipients,
                                 to_display, subject, body, raw, raw_sha256, state, next_attempt_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, 1, ?4, 1, 'me@example.com', '[\"zoe@example.com\"]', '[\"Zoë <zoe@example.com>\"]',
                     'Subject', 'Body', X'0102', 'sha', ?5, ?6, ?6, ?6)",
        )
        .bind(id)
        .bind(format!("<{id}@example.com>"))
        .bind(kind)
        .bind(key)
        .bind(state)
        .bind(t)
        .execute(&pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO outbox_invoices (outbox_id, invoice_id, stage_key, stage_offset) VALUES (?1, 1, ?2, 1)",
        )
        .bind(id)
        .bind(key)
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;
    db
}

#[tokio::test]
async fn upgrading_to_0006_keeps_every_outbox_message_its_invoices_and_guards() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_at_0005(dir.path()).await;
    Store::open(&path).await.expect("the upgrade runs").close().await;
    let opts = SqliteConnectOptions::new().filename(&path).foreign_keys(true);
    let pool = &SqlitePoolOptions::new().max_connections(1).connect_with(opts).await.unwrap();

    // The raw columns as the old file holds them (id, kind, state, raw, plan_id).
    type OutboxColumns = (i64, String, String, Vec<u8>, Option<i64>);
    let rows: Vec<OutboxColumns> =
        sqlx::query_as("SELECT id, kind, state, raw, plan_id FROM outbox ORDER BY id").fetch_all(pool).await.unwrap();
    assert_eq!(
        rows,
        vec![
            (1, "ladder".into(), "sent".into(), vec![1, 2], None),
            // A proposal's plan is read from its stage key.
            (2, "plan".into(), "queued".into(), vec![1, 2], Some(7)),
        ]
    );
    let links: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox_invoices oi JOIN outbox o ON o.id = oi.outbox_id")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(links, 2, "each message still points at its invoice");
    let dangling: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM pragma_foreign_key_check").fetch_one(pool).await.unwrap();
    assert_eq!(dangling, 0);

    // The guards came back with the table.
    let delete = sqlx::query("DELETE FROM outbox WHERE id = 1").execute(pool).await;
    assert!(delete.unwrap_err().to_string().contains("permanent record"));
    let change = sqlx::query("UPDATE outbox SET subject = 'changed' WHERE id = 1").execute(pool).await;
    assert!(change.unwrap_err().to_string().contains("final"));
    let new_kind = sqlx::query("UPDATE outbox SET kind = 'promise' WHERE id = 2").execute(pool).await;
    assert!(new_kind.is_err(), "a promise message without its promise is refused");
    let index: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'outbox_due'")
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(index, 1);
    pool.close().await;
}

#[tokio::test]
async fn upgrading_to_0007_keeps_existing_plans_on_the_former_reminder_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_at_0005(dir.path()).await;
    let store = Store::open(&path).await.expect("the upgrade runs");
    let plan = store.plan(7).await.unwrap();
    assert_eq!((plan.reminder_rule.heads_up_days(), plan.reminder_rule.reminder_days()), (3, 2));
    store.close().await;

    // The database itself keeps the days in range, whoever writes.
    let opts = SqliteConnectOptions::new().filename(&path).foreign_keys(true);
    let pool = &SqlitePoolOptions::new().max_connections(1).connect_with(opts).await.unwrap();
    for sql in ["UPDATE plans SET heads_up_days = 31", "UPDATE plans SET reminder_days = 0"] {
        let e = sqlx::query(sql).execute(pool).await.unwrap_err().to_string();
        assert!(e.contains("CHECK constraint failed"), "{sql}: {e}");
    }
}

//! `kindly migrate --to postgres://…` (issue #19) on a demo data folder and
//! a real throwaway PostgreSQL server: every row and stored file moves,
//! verified; the data folder is left as it was; a second move into the now
//! full database is refused with its own code and exit status.

use kindly_tests::{kindly_json, run_kindly};

#[tokio::test]
async fn kindly_migrate_moves_a_demo_folder_once_and_leaves_the_folder_as_it_was() {
    let Some(server) = kindly_pgtest::PgServer::shared().expect("PostgreSQL test server") else { return };
    let url = server.fresh_database().await.expect("a fresh database");
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    kindly_json(d, Some("2026-11-23"), &["demo", "--clients", "20", "--invoices", "150"]);
    std::fs::create_dir_all(d.join("letters")).expect("folder");
    std::fs::write(d.join("letters/letters-x.pdf"), b"%PDF-1.7 evidence").expect("file");
    let db_before = std::fs::read(d.join("kindly.db")).expect("db");

    let r = kindly_json(d, None, &["migrate", "--to", &url]);
    let tables = r["tables"].as_array().expect("tables");
    let count = |t: &str| tables.iter().find(|x| x["table"] == t).map(|x| x["rows"].as_i64().unwrap_or(-1));
    assert_eq!(count("invoices"), Some(150));
    assert_eq!(count("clients"), Some(20));
    assert!(r["rows"].as_i64().unwrap_or(0) > 300, "{r}");
    assert_eq!((r["files"].as_i64(), r["file_bytes"].as_i64()), (Some(1), Some(17)));
    assert!(r["to"].as_str().unwrap_or("").starts_with("postgres://"), "{r}");

    let pg = sqlx::PgPool::connect(&url).await.expect("connect");
    let invoices: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invoices").fetch_one(&pg).await.expect("count");
    assert_eq!(invoices, 150);
    let kept: Vec<u8> = sqlx::query_scalar("SELECT bytes FROM kept_files WHERE path = 'letters/letters-x.pdf'")
        .fetch_one(&pg)
        .await
        .expect("kept file");
    assert_eq!(kept, b"%PDF-1.7 evidence");

    // Again: refused, with the database's data untouched.
    let (code, out, err) = run_kindly(d, None, &["migrate", "--to", &url]);
    assert_ne!(code, 0, "{out}");
    assert!(err.contains("empty database only"), "{err}");
    let (_, json_out, _) = run_kindly(d, None, &["--json", "migrate", "--to", &url]);
    assert!(json_out.contains("move_target_not_empty"), "{json_out}");
    let still: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invoices").fetch_one(&pg).await.expect("count");
    assert_eq!(still, 150);
    assert_eq!(std::fs::read(d.join("kindly.db")).expect("db"), db_before, "the data folder is only read");
}

/// Moving in and connecting (Settings' "Move this folder's data in", and
/// `kindly migrate --connect`): the folder is connected only once the move
/// is verified; a refused move connects nothing.
#[tokio::test]
async fn migrate_connect_connects_the_folder_only_after_a_verified_move() {
    let Some(server) = kindly_pgtest::PgServer::shared().expect("PostgreSQL test server") else { return };
    let url = server.fresh_database().await.expect("a fresh database");
    let full = tempfile::tempdir().expect("temp dir");
    kindly_json(full.path(), Some("2026-11-23"), &["demo", "--clients", "3", "--invoices", "10"]);
    kindly_json(full.path(), None, &["migrate", "--to", &url]);

    // A second folder into the now full database: refused, not connected.
    let other = tempfile::tempdir().expect("temp dir");
    let d = other.path();
    kindly_json(d, Some("2026-11-23"), &["demo", "--clients", "2", "--invoices", "5"]);
    let (code, out, _) = run_kindly(d, None, &["--json", "migrate", "--connect", "--to", &url]);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("move_target_not_empty"), "{out}");
    assert!(!d.join("database.json").exists(), "a refused move connects nothing");

    // Into an empty one: moved, verified, then connected.
    let empty = server.fresh_database().await.expect("a fresh database");
    let r = kindly_json(d, None, &["migrate", "--connect", "--to", &empty]);
    assert_eq!(r["rows"].as_i64().map(|n| n > 5), Some(true), "{r}");
    let settings = std::fs::read_to_string(d.join("database.json")).expect("the folder is connected");
    assert!(settings.contains("postgres://"), "{settings}");
    // From now on the folder's commands read the team database.
    let listed = kindly_json(d, None, &["clients", "list"]);
    assert_eq!(listed["rows"].as_array().map(Vec::len), Some(2), "{listed}");
}

//! `kindly` on a team database (PostgreSQL, issue #19), run as processes:
//! `--database-url` and `KINDLY_DATABASE_URL` open it, `kindly team
//! connect` keeps the password in the real keychain (run under
//! /var/tmp/runsome.sh or scripts/test.sh: a private D-Bus with
//! gnome-keyring) and never in database.json, a closed port is
//! `store_server_away`, an unported use case is `store_not_on_postgres_yet`,
//! TLS demanded from a server without it is `database_tls_failed`, and a
//! bank statement imported there records its payment for every member.
//! Tests needing a server use kindly-pgtest's throwaway one (skipped with a
//! note without PostgreSQL, an error with KINDLY_REQUIRE_PG=1).

use kindly_tests::binary;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// A fresh database on the shared test server, or `None` (skip).
fn fresh_database() -> Option<String> {
    let server = kindly_pgtest::PgServer::shared().expect("the PostgreSQL test server")?;
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    Some(rt.block_on(server.fresh_database()).expect("a fresh database"))
}

macro_rules! database_or_skip {
    () => {
        match fresh_database() {
            Some(url) => url,
            None => {
                eprintln!("skipped: PostgreSQL is not installed (KINDLY_REQUIRE_PG=1 makes this an error)");
                return;
            }
        }
    };
}

/// Runs `kindly ARGS` on `dir` with only the given `KINDLY_DATABASE_URL`
/// (none unless `env` names it) and `stdin`; (exit code, stdout, stderr).
fn kindly(dir: &Path, env: Option<&str>, stdin: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new(binary("kindly"));
    cmd.arg("--data-dir").arg(dir).args(args).env_remove("KINDLY_DATA_DIR").env_remove("KINDLY_DATABASE_URL");
    if let Some(url) = env {
        cmd.env("KINDLY_DATABASE_URL", url);
    }
    kindly_tests::outcome(cmd, stdin)
}

fn json(dir: &Path, env: Option<&str>, args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let (code, out, err) = kindly(dir, env, None, &a);
    assert_eq!(code, 0, "kindly {args:?} failed: {out} {err}");
    serde_json::from_str(&out).expect("json output")
}

/// A refusal: exit 2 and the error's code.
fn refused(dir: &Path, env: Option<&str>, args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let (code, out, err) = kindly(dir, env, None, &a);
    assert_eq!(code, 2, "kindly {args:?} should be refused: {out} {err}");
    assert!(!err.contains("panicked"), "{err}");
    serde_json::from_str::<Value>(&out).expect("json error")["error"].clone()
}

/// The URL with a user name and password for the keychain tests (the test
/// server trusts loopback, so any password is accepted; what is checked is
/// where Kindly keeps it).
fn with_password(url: &str, password: &str) -> String {
    url.replacen("postgres://kindly@", &format!("postgres://kindly:{password}@"), 1)
}

#[test]
fn the_database_url_flag_and_variable_open_postgres_not_the_data_folder() {
    let url = database_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let id = json(dir.path(), None, &["--database-url", &url, "clients", "add", "--name", "Anna Team"])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    // A second process, through the variable, reads what the first wrote.
    json(dir.path(), Some(&url), &["notes", "add", "--client", &id, "--text", "called about the team ledger"]);
    let entries = json(dir.path(), Some(&url), &["timeline", "--client", &id]);
    let text = entries.to_string();
    assert!(text.contains("called about the team ledger"), "{text}");
    let status = json(dir.path(), Some(&url), &["status"]);
    assert_eq!(status["db_path"], url.as_str(), "{status}");
    // The data folder's own file was never made.
    assert!(!dir.path().join("kindly.db").exists());
    // Without flag or variable, the data folder's (empty) file again.
    let local = json(dir.path(), None, &["status"]);
    assert_eq!(local["is_empty"], true, "{local}");
    assert!(local["db_path"].as_str().unwrap().ends_with("kindly.db"));
}

#[test]
fn a_password_in_the_url_is_never_shown() {
    let url = database_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let secret = "Tr0ub4dor-in-url";
    let (code, out, err) = kindly(dir.path(), None, None, &["--database-url", &with_password(&url, secret), "status"]);
    assert_eq!(code, 0, "{out} {err}");
    assert!(out.contains(&url), "{out}");
    assert!(!out.contains(secret) && !err.contains(secret));
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains(secret), "{} holds the password", entry.display());
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn team_connect_keeps_the_password_in_the_keychain_and_not_in_the_settings() {
    let url = database_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let secret = "c0rrect-h0rse-staple";
    let (code, out, err) = kindly(
        dir.path(),
        None,
        Some(&format!("{secret}\n")),
        &["team", "connect", &url, "--sslmode", "prefer", "--password-stdin"],
    );
    assert_eq!(code, 0, "{out} {err}");
    assert!(out.contains("connected: "), "{out}");
    let settings = std::fs::read(dir.path().join("database.json")).unwrap();
    let text = String::from_utf8_lossy(&settings);
    assert!(!text.contains(secret), "database.json holds the password: {text}");
    let v: Value = serde_json::from_slice(&settings).unwrap();
    assert_eq!(v["url"], url.as_str());
    assert_eq!(v["sslmode"], "prefer");
    // The password is in the keychain, under user@host:port/database.
    let rest = url.strip_prefix("postgres://").unwrap();
    let account = if rest.contains(':') { rest.to_string() } else { unreachable!("the test URL names its port") };
    let saved = kindly_mail::secrets::get_password_in(kindly_mail::secrets::DATABASE_SERVICE, &account)
        .expect("the password in the keychain");
    assert_eq!(saved.expose(), secret);
    // The next commands connect from the settings, with no URL and no password.
    let id = json(dir.path(), None, &["clients", "add", "--name", "Bo Connected"])["id"].as_i64().unwrap();
    assert!(id > 0);
    let status = json(dir.path(), None, &["team", "status"]);
    assert_eq!(status["reachable"], true, "{status}");
    assert_eq!(status["status"]["source"], "settings_file");
    assert_eq!(status["status"]["in_use"], url.as_str());
    assert!(!dir.path().join("kindly.db").exists());
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains(secret), "{} holds the password", entry.display());
    }

    // Disconnecting: back to the data folder's file; the password leaves the keychain.
    let gone = json(dir.path(), None, &["team", "disconnect"]);
    assert_eq!(gone["disconnected"], url.as_str());
    assert!(!dir.path().join("database.json").exists());
    assert!(matches!(
        kindly_mail::secrets::get_password_in(kindly_mail::secrets::DATABASE_SERVICE, &account),
        Err(kindly_mail::SecretError::Missing { .. })
    ));
    let local = json(dir.path(), None, &["status"]);
    assert_eq!(local["is_empty"], true, "{local}");
}

/// Nothing is written when the connection does not work.
#[test]
fn team_connect_to_a_closed_port_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let e = refused(dir.path(), None, &["team", "connect", "postgres://kindly@127.0.0.1:1/ledger"]);
    assert_eq!(e["code"], "store_server_away", "{e}");
    assert!(!dir.path().join("database.json").exists());
}

#[test]
fn a_closed_port_is_server_away_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = kindly(
        dir.path(),
        None,
        None,
        &["--database-url", "postgres://kindly@127.0.0.1:1/ledger", "clients", "add", "--name", "X"],
    );
    assert_eq!(code, 2, "{out} {err}");
    assert!(err.contains("[store_server_away]"), "{err}");
    assert!(err.contains("cannot be reached") && err.contains("127.0.0.1:1"), "{err}");
    assert!(!err.contains("panicked"));
    // The same through the variable and in JSON.
    let e = refused(dir.path(), Some("postgres://kindly@127.0.0.1:1/ledger"), &["status"]);
    assert_eq!(e["code"], "store_server_away");
    // `team status` says it and exits 2.
    let (code, out, _) = kindly(dir.path(), Some("postgres://kindly@127.0.0.1:1/ledger"), None, &["team", "status"]);
    assert_eq!(code, 2);
    assert!(out.contains("reachable: no") && out.contains("store_server_away"), "{out}");
}

#[test]
fn a_bad_database_url_is_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let e = refused(dir.path(), None, &["--database-url", "mysql://kindly@127.0.0.1/ledger", "status"]);
    assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("database_url_invalid"), Some("url")), "{e}");
    let e = refused(dir.path(), Some("postgres://kindly@127.0.0.1/ledger?sslmode=sometimes"), &["status"]);
    assert_eq!(e["code"], "database_url_invalid");
}

#[test]
fn the_reads_answer_on_postgres() {
    let url = database_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    // Payments, plans, promises, the overview and bank statements answer on
    // the team database (backups point to the server:
    // `a_backup_on_a_team_database_points_to_the_server`).
    for args in [&["payments", "list"][..], &["overview"], &["plans", "list", "--invoice", "1"], &["bank", "review"]] {
        let mut a = vec!["--database-url", url.as_str(), "--json"];
        a.extend_from_slice(args);
        let (code, out, err) = kindly(dir.path(), None, None, &a);
        assert_eq!(code, 0, "kindly {args:?}: {out} {err}");
    }
}

/// A bank statement imported on the team database through the real
/// binary: the payment it makes is recorded there (and seen by another
/// member's data folder), the statement imported again adds nothing, and
/// the credit that matched nothing waits in `bank review` until it is
/// assigned by hand.
#[test]
fn a_bank_statement_imported_on_postgres_records_its_payment() {
    let url = database_or_skip!();
    let anna = tempfile::tempdir().unwrap();
    let bruno = tempfile::tempdir().unwrap();
    let run = |dir: &Path, args: &[&str]| {
        let mut a = vec!["--database-url", url.as_str(), "--today", "2026-11-30"];
        a.extend_from_slice(args);
        json(dir, None, &a)
    };
    let client = run(anna.path(), &["clients", "add", "--name", "Ana Alves"])["id"].to_string();
    let invoice = run(
        anna.path(),
        &["invoices", "add", "--client", &client, "--currency", "EUR", "--issue-date", "2026-11-01", "--terms", "14"]
            .into_iter()
            .chain(["--line", "Design;1;120;0"])
            .collect::<Vec<_>>(),
    );
    let (invoice_id, number) = (invoice["id"].to_string(), invoice["number"].as_str().unwrap_or_default().to_string());
    let tx = |id, amount, text| kindly_tests::StatementTx {
        id,
        amount,
        credit: true,
        payer: "Ana Alves",
        iban: "PT50000201231234567890154",
        rf: None,
        text,
    };
    let file = anna.path().join("statement.xml");
    let statement = kindly_tests::camt053("2026-11-28", &[tx("T-1", "120.00", &number), tx("T-2", "33.00", "a gift")]);
    std::fs::write(&file, statement).unwrap();
    let path = file.to_str().unwrap_or_default();

    let first = run(anna.path(), &["bank", "import", path]);
    assert_eq!((first["entries"].as_i64(), first["payments"].as_i64()), (Some(2), Some(1)), "{first}");
    assert_eq!(first["unmatched"].as_i64(), Some(1), "{first}");
    let payments = run(bruno.path(), &["payments", "list"]);
    let p = &payments["rows"][0];
    assert_eq!(payments["total"], 1, "{payments}");
    assert_eq!(
        (p["invoice_number"].as_str(), p["amount"]["amount"].as_str(), p["method"].as_str(), p["date"].as_str()),
        (Some(number.as_str()), Some("120.00"), Some("bank_transfer"), Some("2026-11-28")),
        "{payments}"
    );
    let again = run(bruno.path(), &["bank", "import", path]);
    assert_eq!((again["already_imported"].as_i64(), again["payments"].as_i64()), (Some(2), Some(0)), "{again}");

    let review = run(bruno.path(), &["bank", "review"]).to_string();
    assert!(review.contains("a gift"), "{review}");
    let listed = run(anna.path(), &["invoices", "list"]);
    let row = &listed["rows"][0];
    assert_eq!(row["id"].to_string(), invoice_id, "{listed}");
    assert_eq!(
        (row["state"].as_str(), row["outstanding"]["amount"].as_str()),
        (Some("paid"), Some("0.00")),
        "{listed}"
    );
}

/// Corrections and the CSV import/export on a team database (issue #19),
/// two members with their own data folders: a file imported by one is
/// "already in Kindly" for the other; a credit note and a refund recorded by
/// one are shown to the other; the export reads the team's clients.
#[test]
fn a_csv_import_and_a_credit_note_work_on_the_team_database() {
    let url = database_or_skip!();
    let (anna, bruno) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let files = tempfile::tempdir().unwrap();
    let csv = files.path().join("clients.csv");
    std::fs::write(&csv, "Name,Email\nAnn Import,ann@example.com\n").unwrap();
    let csv = csv.display().to_string();
    let v = json(anna.path(), Some(&url), &["import", "csv", &csv, "--kind", "clients"]);
    assert_eq!(v["summary"], "1 new, 0 already in Kindly", "{v}");
    let v = json(bruno.path(), Some(&url), &["import", "csv", &csv, "--kind", "clients"]);
    assert_eq!(v["summary"], "0 new, 1 already in Kindly", "{v}");

    let cid =
        json(anna.path(), Some(&url), &["clients", "add", "--name", "Gil Ho"])["id"].as_i64().unwrap().to_string();
    let inv = json(
        anna.path(),
        Some(&url),
        &["invoices", "add", "--client", &cid, "--currency", "EUR", "--terms", "30", "--line", "Work;1;400;0"],
    );
    let inv_id = inv["id"].as_i64().unwrap().to_string();
    json(anna.path(), Some(&url), &["payments", "add", "--invoice", &inv_id, "--amount", "400"]);
    let v =
        json(bruno.path(), Some(&url), &["invoices", "credit", &inv_id, "--amount", "80", "--reason", "Late delivery"]);
    assert!(v["number"].as_str().unwrap().starts_with("CN-"), "{v}");
    assert_eq!(v["client_credit"]["amount"], "80.00", "{v}");
    let e =
        refused(anna.path(), Some(&url), &["invoices", "credit", &inv_id, "--amount", "500", "--reason", "Too much"]);
    assert_eq!(e["code"], "credit_exceeds_invoice", "{e}");
    let refund = [
        "payments",
        "refund",
        "--invoice",
        &inv_id,
        "--amount",
        "80",
        "--method",
        "bank_transfer",
        "--reason",
        "Paid back",
    ];
    json(anna.path(), Some(&url), &refund);
    let shown = json(bruno.path(), Some(&url), &["invoices", "show", &inv_id]);
    assert_eq!(shown["credit_notes"][0]["number"], v["number"], "{shown}");
    assert!(shown.to_string().contains("Paid back"), "{shown}");

    let out = files.path().join("out.csv");
    let v = json(bruno.path(), Some(&url), &["export", "clients", "--out", &out.display().to_string()]);
    assert_eq!(v["rows"], 2, "{v}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("Ann Import") && text.contains("Gil Ho"), "{text}");
    // Neither data folder has a file of its own.
    assert!(!anna.path().join("kindly.db").exists() && !bruno.path().join("kindly.db").exists());
}

/// The test server has no TLS: `verify-full` (or `require`) is a clear
/// TLS error, not "cannot be reached"; `prefer` connects without it.
#[test]
fn tls_demanded_from_a_server_without_it_is_a_clear_error() {
    let url = database_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    for mode in ["verify-full", "require"] {
        let e = refused(dir.path(), None, &["--database-url", &format!("{url}?sslmode={mode}"), "status"]);
        assert_eq!(e["code"], "database_tls_failed", "{mode}: {e}");
        assert!(e["message"].as_str().unwrap().contains("TLS"), "{e}");
    }
    let ok = json(dir.path(), None, &["--database-url", &format!("{url}?sslmode=prefer"), "status"]);
    assert_eq!(ok["db_path"], url.as_str());
    // A CA file that is not there is named.
    let e = refused(
        dir.path(),
        None,
        &["team", "connect", &url, "--sslmode", "verify-ca", "--ca-file", "/nonexistent/ca.pem"],
    );
    assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("io_error"), Some("ca_file")), "{e}");
}

/// Runs a shell command (openssl, chown), which must succeed.
fn sh(script: &str, dir: &Path) {
    let out = Command::new("sh").args(["-c", script]).current_dir(dir).output().unwrap();
    assert!(out.status.success(), "{script}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A CA and a server certificate it signed for 127.0.0.1 (and localhost),
/// made with openssl in `dir`: `ca.pem`, `server.crt`, `server.key`.
fn make_certificates(dir: &Path) {
    sh(
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=kindly-test-ca \
           -keyout ca.key -out ca.pem 2>/dev/null && \
         openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout server.key -out server.csr 2>/dev/null && \
         printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nbasicConstraints=CA:FALSE\\n' > ext.cnf && \
         openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
           -extfile ext.cnf -out server.crt 2>/dev/null",
        dir,
    );
}

/// A throwaway server of its own with TLS on (its certificate signed by a
/// test CA): `verify-full` with `--ca-file` connects, and without the CA
/// (only the system's roots) it is `database_tls_failed`.
#[test]
fn verify_full_with_the_ca_file_connects_to_a_tls_server() {
    let Some(server) = kindly_pgtest::PgServer::start().expect("a PostgreSQL test server") else {
        eprintln!("skipped: PostgreSQL is not installed (KINDLY_REQUIRE_PG=1 makes this an error)");
        return;
    };
    if std::env::var_os("KINDLY_TEST_PG_URL").is_some() {
        eprintln!("skipped: a given server (KINDLY_TEST_PG_URL) is not ours to turn TLS on");
        return;
    }
    let certs = tempfile::tempdir().unwrap();
    make_certificates(certs.path());
    // The server (run as `postgres` when the tests run as root) must read its key, and only it.
    let owner = if Command::new("id").arg("-u").output().unwrap().stdout.starts_with(b"0") {
        "chown postgres server.key server.crt && "
    } else {
        ""
    };
    sh(&format!("chmod 755 . && {owner}chmod 600 server.key"), certs.path());
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let url = rt.block_on(async {
        use sqlx::{Connection, Executor};
        let mut admin = sqlx::PgConnection::connect(server.url()).await.unwrap();
        let dir = certs.path().display();
        for sql in [
            format!("ALTER SYSTEM SET ssl_cert_file = '{dir}/server.crt'"),
            format!("ALTER SYSTEM SET ssl_key_file = '{dir}/server.key'"),
            "ALTER SYSTEM SET ssl = on".to_string(),
            "SELECT pg_reload_conf()".to_string(),
        ] {
            admin.execute(sqlx::AssertSqlSafe(sql)).await.unwrap();
        }
        admin.close().await.unwrap();
        // The reload is asynchronous: wait until the server offers TLS.
        for _ in 0..50 {
            let with_tls = format!("{}?sslmode=require", server.url());
            if sqlx::PgConnection::connect(&with_tls).await.is_ok() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        server.fresh_database().await.unwrap()
    });
    let dir = tempfile::tempdir().unwrap();
    let ca = certs.path().join("ca.pem");
    let ca = ca.to_str().unwrap();
    // Without the CA: the certificate is not trusted.
    let e = refused(dir.path(), None, &["--database-url", &format!("{url}?sslmode=verify-full"), "status"]);
    assert_eq!(e["code"], "database_tls_failed", "{e}");
    // With it: connected, and `team connect` keeps the CA file in the settings.
    let ok =
        json(dir.path(), None, &["--database-url", &format!("{url}?sslmode=verify-full&sslrootcert={ca}"), "status"]);
    assert_eq!(ok["db_path"], url.as_str());
    json(dir.path(), None, &["team", "connect", &url, "--sslmode", "verify-full", "--ca-file", ca]);
    let v: Value = serde_json::from_slice(&std::fs::read(dir.path().join("database.json")).unwrap()).unwrap();
    assert_eq!((v["sslmode"].as_str(), v["ca_file"].as_str()), (Some("verify-full"), Some(ca)));
    let status = json(dir.path(), None, &["team", "status"]);
    assert_eq!(status["reachable"], true, "{status}");
    json(dir.path(), None, &["team", "disconnect"]);
}

/// Evidence on a team database (#19): an invoice PDF made on Anna's
/// computer is kept in the database with its SHA-256, so Bob's computer,
/// whose data folder never held it, reads the very same bytes (the
/// dossier's reader, `files::local_kept`, fetches the same way).
#[test]
fn a_file_made_on_one_members_computer_is_read_on_anothers() {
    let url = database_or_skip!();
    let u = Some(url.as_str());
    let anna = tempfile::tempdir().unwrap();
    let bob = tempfile::tempdir().unwrap();
    json(
        anna.path(),
        u,
        &["business", "set", "--name", "Studio Kind", "--address", "Kastanienallee 12\\n10435 Berlin"],
    );
    let client = json(anna.path(), u, &["clients", "add", "--name", "Ana Alves", "--email", "ana@example.com"]);
    let client_id = client["id"].to_string();
    let inv = json(
        anna.path(),
        u,
        &[
            "invoices",
            "add",
            "--client",
            &client_id,
            "--issue-date",
            "2026-09-01",
            "--terms",
            "14",
            "--line",
            "Logo;1;120;",
        ],
    );
    let inv_id = inv["id"].to_string();
    let pdf = json(anna.path(), u, &["invoices", "pdf", &inv_id]);
    let made = std::path::PathBuf::from(pdf["path"].as_str().expect("the PDF's path"));
    let bytes = std::fs::read(&made).expect("the PDF on Anna's computer");
    let name = format!(
        "{}/{}",
        made.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str()).unwrap(),
        made.file_name().and_then(|n| n.to_str()).unwrap()
    );

    // Bob's folder has never seen it; the database has.
    assert!(walk(bob.path()).iter().all(|p| !p.ends_with(&name)), "Bob's folder is empty");
    let out = bob.path().join("copy.pdf");
    let (code, stdout, stderr) = kindly(bob.path(), u, None, &["copy-file", &name, out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout} {stderr}");
    assert_eq!(std::fs::read(&out).expect("Bob's copy"), bytes, "the very same bytes");

    // A file no member kept is a clear refusal, not an empty copy.
    let e = refused(bob.path(), u, &["copy-file", "invoices/nobody-made-this.pdf", out.to_str().unwrap()]);
    assert!(e["code"].as_str().is_some_and(|c| c != "internal"), "{e}");
    assert_eq!(std::fs::read(&out).expect("Bob's copy"), bytes, "the earlier copy is untouched");

    // On SQLite (no team database) the same name is only this folder's.
    let alone = tempfile::tempdir().unwrap();
    let e = refused(alone.path(), None, &["copy-file", &name, alone.path().join("x.pdf").to_str().unwrap()]);
    assert!(e["code"].as_str().is_some(), "{e}");
}

/// `kindly team name`: shown, set (trimmed), refused when it holds a line
/// break, cleared; each data folder's name is what its changes on the team
/// database record (issue #19's who did what).
#[test]
fn team_name_is_kept_per_data_folder_and_stamps_what_each_member_records() {
    let anna = tempfile::tempdir().unwrap();
    assert_eq!(json(anna.path(), None, &["team", "name"])["name"], Value::Null);
    assert_eq!(json(anna.path(), None, &["team", "name", "  Anna  "])["name"], "Anna");
    assert_eq!(json(anna.path(), None, &["team", "name"])["name"], "Anna");
    let (code, out, _) = kindly(anna.path(), None, None, &["team", "name"]);
    assert_eq!((code, out.as_str()), (0, "name: Anna\n"));
    assert_eq!(refused(anna.path(), None, &["team", "name", "An\nna"])["code"], "control_characters");
    assert_eq!(refused(anna.path(), None, &["team", "name", " "])["code"], "required");
    assert_eq!(json(anna.path(), None, &["team", "name"])["name"], "Anna", "a refused name changes nothing");
    let file = std::fs::read_to_string(anna.path().join("member.json")).unwrap();
    assert!(file.contains("\"Anna\""), "{file}");

    // On this computer's own file, the changes carry the name too.
    let id = json(anna.path(), None, &["clients", "add", "--name", "Local Client"])["id"].as_i64().unwrap().to_string();
    json(anna.path(), None, &["notes", "add", "--client", &id, "--text", "a local note"]);
    let entries = json(anna.path(), None, &["timeline", "--client", &id]).to_string();
    assert!(entries.contains("\"made_by\":\"Anna\""), "{entries}");

    assert_eq!(json(anna.path(), None, &["team", "name", "--clear"])["name"], Value::Null);
    assert!(json(anna.path(), None, &["team", "name"])["name"].is_null());

    // Two members on one team database, each with their own data folder.
    let url = database_or_skip!();
    let bruno = tempfile::tempdir().unwrap();
    json(anna.path(), None, &["team", "name", "Anna"]);
    json(bruno.path(), None, &["team", "name", "Bruno"]);
    let id = json(anna.path(), Some(&url), &["clients", "add", "--name", "Shared Client"])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    json(bruno.path(), Some(&url), &["notes", "add", "--client", &id, "--text", "Bruno called"]);
    let entries = json(anna.path(), Some(&url), &["timeline", "--client", &id]);
    let text = entries.to_string();
    assert!(text.contains("\"made_by\":\"Bruno\""), "{text}");
    assert!(text.contains("\"made_by\":\"Anna\""), "Anna added the client: {text}");
}

/// `kindly demo` then `kindly export archive` on a team database, through
/// the real binary: the demo data goes in (and a client added afterwards
/// takes the next id), and the archive holds the same tables and rows as
/// the same commands give on a data folder, without the kept files.
#[test]
fn demo_data_and_the_archive_work_on_postgres() {
    let url = database_or_skip!();
    let team = tempfile::tempdir().unwrap();
    let local = tempfile::tempdir().unwrap();
    let mut archives = Vec::new();
    for (dir, env) in [(local.path(), None), (team.path(), Some(url.as_str()))] {
        let demo = json(dir, env, &["demo", "--clients", "6", "--invoices", "40"]);
        assert_eq!((demo["clients"].as_i64(), demo["invoices"].as_i64()), (Some(6), Some(40)), "{demo}");
        let added = json(dir, env, &["clients", "add", "--name", "Anna Team"]);
        assert_eq!(added["id"], 7, "{added}");
        let out = dir.join("archive.json");
        json(dir, env, &["export", "archive", "--out", out.to_str().unwrap()]);
        let doc: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        assert!(doc["schema_version"].as_i64().unwrap() > 0, "{}", doc["schema_version"]);
        let tables = doc["tables"].as_object().unwrap().clone();
        assert!(!tables.contains_key("kept_files") && !tables.contains_key("_sqlx_migrations"));
        assert_eq!(tables["clients"]["rows"].as_array().unwrap().len(), 7);
        assert_eq!(tables["invoices"]["rows"].as_array().unwrap().len(), 40);
        archives.push(tables);
    }
    let (sqlite, pg) = (&archives[0], &archives[1]);
    assert_eq!(sqlite.keys().collect::<Vec<_>>(), pg.keys().collect::<Vec<_>>(), "the same tables");
    for name in ["clients", "invoices", "invoice_lines", "payments", "followups", "timeline"] {
        assert_eq!(sqlite[name]["columns"], pg[name]["columns"], "the columns of {name}");
        let rows = |t: &Value| t["rows"].as_array().map(Vec::len);
        assert_eq!(rows(&sqlite[name]), rows(&pg[name]), "the rows of {name}");
    }
}

/// A backup copies a data folder; on a team database `kindly backup` says
/// the server backs it up (pg_dump) and makes no folder, rather than the
/// generic "not on a team database yet".
#[test]
fn a_backup_on_a_team_database_points_to_the_server() {
    let url = database_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("backups");
    let e = refused(dir.path(), Some(url.as_str()), &["backup", "--to", to.to_str().unwrap()]);
    assert_eq!(e["code"], "backup_on_team_database", "{e}");
    assert!(e["message"].as_str().unwrap().contains("pg_dump"), "{e}");
    assert!(!to.exists());
}

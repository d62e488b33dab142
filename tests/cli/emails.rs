//! `kindly emails send` exit statuses against the real loopback SMTP server
//! (tests/support/smtp_server.py) and the real Secret Service (run under a
//! private D-Bus session with gnome-keyring, as scripts/test.sh does): the
//! report is printed either way; a batch that stopped exits 3, a good one 0.

use kindly_tests::binary;
use kindly_tests::smtp::{closed_port, test_ca, SmtpServer, PASSWORD, USER};
use serde_json::Value;
use std::process::Command;

/// Two days after the due date: the "reminder" stage (an e-mail) is due.
const DAY: &str = "2026-11-21";

fn run(dir: &std::path::Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut cmd = Command::new(binary("kindly"));
    cmd.arg("--data-dir").arg(dir).args(["--today", DAY]).args(args).env_remove("KINDLY_DATA_DIR");
    kindly_tests::outcome(cmd, Some(stdin))
}

fn json(dir: &std::path::Path, args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let (code, out, err) = run(dir, &a, "");
    assert_eq!(code, 0, "kindly {args:?} failed: {out} {err}");
    serde_json::from_str(&out).expect("json output")
}

/// The SMTP account on `host`:`port` with `password` in the keychain (the
/// keychain entry is per user@host: each test uses its own host name, so
/// tests running in parallel do not overwrite each other's password).
fn smtp_set(dir: &std::path::Path, host: &str, port: u16, password: &str) {
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, &test_ca().ca_pem).expect("write ca.pem");
    let port = port.to_string();
    let args = [
        "--json",
        "smtp",
        "set",
        "--host",
        host,
        "--port",
        &port,
        "--username",
        USER,
        "--from-name",
        "Ada Studio",
        "--from-address",
        "ada@example.com",
        "--trusted-cert",
        ca.to_str().unwrap_or_default(),
        "--timeout-secs",
        "2",
        "--password-stdin",
    ];
    let (code, out, err) = run(dir, &args, password);
    assert_eq!(code, 0, "smtp set: {out} {err}");
}

/// One client with one invoice whose e-mail reminder is queued.
fn queue_one(dir: &std::path::Path) {
    kindly_tests::business_profile_cli(dir);
    let c = json(dir, &["clients", "add", "--name", "Bob Builder", "--email", "bob@example.net"])["id"].to_string();
    let args = ["invoices", "add", "--client", &c, "--currency", "EUR", "--issue-date", "2026-10-20"];
    let mut args = args.to_vec();
    args.extend(["--due-date", "2026-11-19", "--line", "Design work;1;1200.50;0"]);
    json(dir, &args);
    let q = json(dir, &["emails", "queue"]);
    assert_eq!(q["queued"].as_array().map(Vec::len), Some(1), "{q}");
}

#[test]
fn send_exits_3_when_the_login_is_refused_and_0_once_it_sent() {
    let tmp = kindly_tests::data_dir();
    let dir = tmp.path();
    let srv = SmtpServer::start("normal");
    smtp_set(dir, "localhost", srv.port, "not the password");
    queue_one(dir);

    // JSON: the report, with why it stopped, and exit 3.
    let (code, out, err) = run(dir, &["--json", "emails", "send"], "");
    assert_eq!(code, 3, "{out} {err}");
    let r: Value = serde_json::from_str(&out).expect("json report");
    assert_eq!((r["sent"].as_i64(), r["stopped"]["code"].as_str()), (Some(0), Some("smtp_auth")), "{r}");
    // Text: the report on stdout, exit 3.
    let (code, out, _) = run(dir, &["emails", "send"], "");
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("sent 0,") && out.contains("stopped:") && out.contains("[smtp_auth]"), "{out}");
    assert_eq!(srv.count(), 0);

    // With the right password the same message goes out: exit 0.
    smtp_set(dir, "localhost", srv.port, PASSWORD);
    let (code, out, err) = run(dir, &["--json", "emails", "send"], "");
    assert_eq!(code, 0, "{out} {err}");
    let r: Value = serde_json::from_str(&out).expect("json report");
    assert_eq!((r["sent"].as_i64(), r["stopped"].is_null()), (Some(1), true), "{r}");
    assert_eq!(srv.count(), 1);
    // Nothing left to send is a success too.
    let (code, out, _) = run(dir, &["emails", "send"], "");
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("sent 0, failed 0"), "{out}");
}

#[test]
fn send_exits_3_when_the_server_is_down() {
    let tmp = kindly_tests::data_dir();
    let dir = tmp.path();
    smtp_set(dir, "127.0.0.1", closed_port(), PASSWORD);
    queue_one(dir);
    let (code, out, err) = run(dir, &["--json", "emails", "send"], "");
    assert_eq!(code, 3, "{out} {err}");
    let r: Value = serde_json::from_str(&out).expect("json report");
    assert_eq!(r["stopped"]["code"], "smtp_connect", "{r}");
    assert_eq!(json(dir, &["emails", "list", "--state", "queued"])["total"], 1);
}

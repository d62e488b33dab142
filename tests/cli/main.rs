//! The `kindly` command, run as a process on real database files: the public
//! scripting interface (text and --json output, exit codes, errors).

mod plans;

use kindly_tests::binary;
use serde_json::Value;
use std::process::Command;

struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    fn new() -> Cli {
        Cli { dir: tempfile::tempdir().expect("tempdir") }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(binary("kindly"))
            .arg("--data-dir")
            .arg(self.dir.path())
            .args(["--today", "2026-11-23"])
            .args(args)
            .env_remove("KINDLY_DATA_DIR")
            .output()
            .expect("run kindly");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into(),
            String::from_utf8_lossy(&out.stderr).into(),
        )
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut a = vec!["--json"];
        a.extend_from_slice(args);
        let (code, out, err) = self.run(&a);
        assert_eq!(code, 0, "kindly {args:?} failed: {out} {err}");
        serde_json::from_str(&out).expect("json output")
    }
}

#[test]
fn add_list_show_and_pay_through_the_cli() {
    let cli = Cli::new();
    let id = cli.json(&["clients", "add", "--name", "Łucja Nowak", "--email", "lucja@example.com", "--language", "de"])
        ["id"]
        .as_i64()
        .unwrap();
    let inv = cli.json(&[
        "invoices",
        "add",
        "--client",
        &id.to_string(),
        "--currency",
        "EUR",
        "--issue-date",
        "2026-10-01",
        "--terms",
        "30",
        "--line",
        "Logo design;1;850;19",
        "--line",
        "Hosting;12;9.99;19",
    ]);
    assert_eq!(inv["number"], "INV-2026-0001");
    let inv_id = inv["id"].as_i64().unwrap().to_string();
    cli.json(&[
        "payments",
        "add",
        "--invoice",
        &inv_id,
        "--amount",
        "500",
        "--method",
        "bank_transfer",
        "--reference",
        "SEPA 42",
    ]);

    let shown = cli.json(&["invoices", "show", &inv_id]);
    // (850 + 119.88) × 1.19 = 969.88 + 184.28 tax = 1154.16; 500 paid.
    assert_eq!(shown["totals"]["total"]["amount"], "1154.16");
    assert_eq!(shown["outstanding"]["amount"], "654.16");
    assert_eq!(shown["state"], "overdue");

    let list = cli.json(&["invoices", "list", "--state", "overdue"]);
    assert_eq!(list["total"], 1);
    let clients = cli.json(&["clients", "list", "--search", "łucja"]);
    assert_eq!(clients["rows"][0]["owing"][0]["amount"], "654.16");

    let (code, text, _) = cli.run(&["clients", "show", &id.to_string()]);
    assert_eq!(code, 0);
    assert!(text.contains("Łucja Nowak"), "{text}");
    assert!(text.contains("Payment of €500.00 received"), "{text}");
}

#[test]
fn errors_are_specific_with_exit_code_2_and_json_shape() {
    let cli = Cli::new();
    let (code, _, err) = cli.run(&["clients", "add", "--name", "A", "--email", "not-an-address"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("\"not-an-address\" is not a valid e-mail address") && err.contains("[invalid_email]"),
        "{err}"
    );

    let (code, out, _) = cli.run(&["--json", "payments", "add", "--invoice", "42", "--amount", "ten"]);
    assert_eq!(code, 2);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["error"]["code"], "not_found");
    assert!(v["error"]["message"].is_string());
}

#[test]
fn demo_fills_a_database_that_lists() {
    let cli = Cli::new();
    let r = cli.json(&["demo", "--clients", "30", "--invoices", "200"]);
    assert_eq!(r["clients"], 30);
    assert_eq!(r["invoices"], 200);
    assert_eq!(cli.json(&["invoices", "list", "--limit", "5"])["total"], 200);
    assert_eq!(cli.json(&["status"])["is_empty"], false);
}

#[test]
fn corrupt_database_is_reported_not_overwritten() {
    let cli = Cli::new();
    std::fs::write(cli.dir.path().join("kindly.db"), b"garbage".repeat(1000)).unwrap();
    let (code, _, err) = cli.run(&["clients", "list"]);
    assert_eq!(code, 2);
    assert!(err.contains("[database_corrupt]"), "{err}");
}

//! The `kindly` command, run as a process on real database files: the public
//! scripting interface (text and --json output, exit codes, errors).

mod backup;
mod contract;
mod emails;
mod lists;
mod moving;
mod overview;
mod plans;
mod statement;
mod team;

use kindly_tests::{binary, kindly_json, run_kindly};
use serde_json::Value;
use std::process::Command;

struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    /// A fresh data folder (on PostgreSQL in the suite's PostgreSQL pass).
    fn new() -> Cli {
        Cli { dir: kindly_tests::data_dir() }
    }

    /// Runs `kindly` on the fixed day.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        run_kindly(self.dir.path(), Some("2026-11-23"), args)
    }

    fn json(&self, args: &[&str]) -> Value {
        self.json_on("2026-11-23", args)
    }

    /// Like `json`, on another day than the fixed one.
    fn json_on(&self, day: &str, args: &[&str]) -> Value {
        kindly_json(self.dir.path(), Some(day), args)
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
    if kindly_tests::sqlite_only("a damaged kindly.db file") {
        return;
    }
    let cli = Cli::new();
    std::fs::write(cli.dir.path().join("kindly.db"), b"garbage".repeat(1000)).unwrap();
    let (code, _, err) = cli.run(&["clients", "list"]);
    assert_eq!(code, 2);
    assert!(err.contains("[database_corrupt]"), "{err}");
}

#[test]
fn calls_promises_inbound_contact_timeline_and_dossier_through_the_cli() {
    let cli = Cli::new();
    let id = cli.json(&[
        "clients",
        "add",
        "--name",
        "Zoë Müller",
        "--greeting",
        "Zoë",
        "--email",
        "zoe@example.com",
        "--phone",
        "+49 30 1234567",
    ])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let inv = cli.json(&[
        "invoices",
        "add",
        "--client",
        &id,
        "--currency",
        "EUR",
        "--issue-date",
        "2026-10-01",
        "--terms",
        "30",
        "--line",
        "Website;1;800;",
    ]);
    let inv_id = inv["id"].as_i64().unwrap().to_string();

    let (code, script, _) = cli.run(&["calls", "script", "--invoice", &inv_id]);
    assert_eq!(code, 0);
    assert!(
        script.contains("+49 30 1234567") && script.contains("Hello Zoë") && script.contains("€800.00"),
        "{script}"
    );

    let r = cli.json(&[
        "calls",
        "log",
        "--invoice",
        &inv_id,
        "--outcome",
        "reached",
        "--notes",
        "Friendly",
        "--promise-date",
        "2026-11-30",
        "--promise-amount",
        "300",
    ]);
    assert!(r["promise_id"].is_i64(), "{r}");
    let (code, _, err) = cli.run(&["calls", "log", "--invoice", &inv_id, "--outcome", "shouted"]);
    assert_eq!(code, 2);
    // Refused by the argument parser, with the outcomes there are (#17).
    assert!(err.contains("invalid value 'shouted'") && err.contains("reached, voicemail, no_answer"), "{err}");
    let r = cli.json(&["calls", "log", "--invoice", &inv_id, "--outcome", "no-answer"]);
    assert_eq!(r["retry_on"], "2026-11-24");

    let ps = cli.json(&["promises", "list", "--client", &id]);
    assert_eq!(ps[0]["outcome"], "open");
    assert_eq!(ps[0]["amount"]["amount"], "300.00");
    let (code, _, err) = cli.run(&["promises", "add", "--invoice", &inv_id, "--date", "2026-11-01", "--how", "email"]);
    assert_eq!(code, 2);
    assert!(err.contains("[promise_in_past]"), "{err}");

    let eml = cli.dir.path().join("reply.eml");
    std::fs::write(&eml, "From: Zoe <zoe@example.com>\r\nTo: me@example.test\r\nSubject: Paying soon\r\nDate: Mon, 23 Nov 2026 09:00:00 +0100\r\n\r\nI will pay by the 30th.\r\n").unwrap();
    let email_id = cli.json(&[
        "notes",
        "add",
        "--client",
        &id,
        "--invoice",
        &inv_id,
        "--kind",
        "email",
        "--file",
        eml.to_str().unwrap(),
    ])["id"]
        .as_i64()
        .unwrap();
    let bad = cli.dir.path().join("scan.txt");
    std::fs::write(&bad, "not a scan").unwrap();
    let (code, _, err) =
        cli.run(&["notes", "add", "--client", &id, "--kind", "letter", "--file", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("[unsupported_scan]"), "{err}");
    let fix = cli.json(&["notes", "correct", "--entry", &email_id.to_string(), "--text", "It was sent on Sunday"])
        ["id"]
        .as_i64()
        .unwrap();

    let calls = cli.json(&["timeline", "--client", &id, "--kind", "call_logged"]);
    assert_eq!(calls.as_array().unwrap().len(), 2);
    let fixes = cli.json(&["timeline", "--client", &id, "--kind", "correction"]);
    assert_eq!(fixes[0]["id"], fix);
    assert_eq!(fixes[0]["refers_to"], email_id);
    let (code, text, _) = cli.run(&["timeline", "--invoice", &inv_id]);
    assert_eq!(code, 0);
    assert!(text.contains("E-mail received from Zoe <zoe@example.com>: Paying soon"), "{text}");

    let out = cli.dir.path().join("out");
    let d = cli.json(&["dossier", "--client", &id, "--out", out.to_str().unwrap()]);
    for k in ["pdf_path", "csv_path", "zip_path"] {
        assert!(std::path::Path::new(d[k].as_str().unwrap()).exists(), "{k}: {d}");
    }
    assert_eq!(d["files"][0]["status"], "ok");

    // After the promised day, unpaid: the follow-up that refers to the promise, once.
    let due = cli.json_on("2026-12-01", &["promises", "due"]);
    assert_eq!(due.as_array().unwrap().len(), 1, "{due}");
    assert!(due[0]["body"].as_str().unwrap().contains("30 November 2026"), "{due}");
    let pid = due[0]["promise"]["id"].as_i64().unwrap().to_string();
    cli.json_on("2026-12-01", &["promises", "followed-up", "--promise", &pid, "--channel", "email"]);
    assert_eq!(cli.json_on("2026-12-01", &["promises", "due"]).as_array().unwrap().len(), 0);
    assert_eq!(cli.json_on("2026-12-01", &["promises", "list", "--invoice", &inv_id])[0]["outcome"], "broken");
}

/// `kindly letters --print` exits 2 when the printer refused the letters (a
/// script must never take a failed print for a letter sent); `letters retry`
/// prints the same file and records it.
#[cfg(unix)]
#[test]
fn letters_that_did_not_print_exit_2_and_retry_prints_the_same_file() {
    let cli = Cli::new();
    let tools = tempfile::tempdir().unwrap();
    let kindly_tests_printer = |ok: bool| match kindly_tests::fake_printer(tools.path(), ok) {
        kindly_api::print::Printer::Command(p) => p,
        kindly_api::print::Printer::Viewer => unreachable!(),
    };
    kindly_tests::business_profile_cli(cli.dir.path());
    let id = cli.json(&["clients", "add", "--name", "Ana Alves", "--language", "en"])["id"].as_i64().unwrap();
    cli.json(&[
        "invoices",
        "add",
        "--client",
        &id.to_string(),
        "--currency",
        "EUR",
        "--issue-date",
        "2026-09-01",
        "--terms",
        "14",
        "--line",
        "Logo;1;120;",
    ]);
    let run = |printer: &std::path::Path, args: &[&str]| {
        let out = Command::new(binary("kindly"))
            .arg("--data-dir")
            .arg(cli.dir.path())
            .args(["--today", "2026-11-23", "--json"])
            .args(args)
            .env("KINDLY_PRINT_COMMAND", printer)
            .output()
            .expect("run kindly");
        (out.status.code().unwrap_or(-1), serde_json::from_slice::<Value>(&out.stdout).unwrap_or(Value::Null))
    };
    let (code, v) = run(&kindly_tests_printer(false), &["letters", "--print"]);
    assert_eq!(code, 2, "{v}");
    assert_eq!(v["error"]["code"], "not_printed");
    let message = v["error"]["message"].as_str().unwrap_or_default().to_string();
    assert!(message.contains("does not exist") && message.contains("kindly letters retry 1"), "{message}");
    // Still due: nothing was recorded.
    let queue = cli.json(&["followups"]);
    assert_eq!(queue["items"].as_array().map(Vec::len), Some(1), "{queue}");
    let (code, v) = run(&kindly_tests_printer(true), &["letters", "retry", "1"]);
    assert_eq!(code, 0, "{v}");
    assert_eq!((v["print_state"].as_str(), v["job_id"].as_str()), (Some("printed"), Some("Office-7")));
    let queue = cli.json(&["followups"]);
    assert_eq!(queue["items"].as_array().map(Vec::len), Some(0), "{queue}");
}

/// The first letter used to go out signed "Kindly", with no sender address
/// and "You can pay in any of these ways:" followed by nothing. Now nothing
/// leaves until the profile names a sender and a way to pay, and the refusal
/// says exactly what is missing.
#[test]
fn nothing_goes_out_without_a_sender_and_a_way_to_pay() {
    let cli = Cli::new();
    let id = cli.json(&["clients", "add", "--name", "Ana Alves", "--email", "ana@example.com"])["id"].to_string();
    let inv = cli.json(&[
        "invoices",
        "add",
        "--client",
        &id,
        "--issue-date",
        "2026-09-01",
        "--terms",
        "14",
        "--line",
        "Logo;1;120;",
    ]);
    let inv_id = inv["id"].to_string();
    let refused = |args: &[&str]| -> (String, String, String) {
        let (code, out, _) = cli.run(&[&["--json"], args].concat());
        assert_eq!(code, 2, "kindly {args:?} must be refused: {out}");
        let v: Value = serde_json::from_str(&out).unwrap();
        let e = &v["error"];
        (
            e["code"].as_str().unwrap().into(),
            e["message"].as_str().unwrap().into(),
            e["field"].as_str().unwrap_or("").into(),
        )
    };

    let show = cli.json(&["business", "show"]);
    assert_eq!(show["readiness"]["missing"], serde_json::json!(["business_name", "postal_address", "way_to_pay"]));
    assert_eq!(show["readiness"]["email_ready"], false);

    let (code, message, field) = refused(&["letters"]);
    assert_eq!((code.as_str(), field.as_str()), ("profile_incomplete", "business_name"));
    assert!(message.contains("your business name, your postal address and at least one way to pay"), "{message}");
    let (_, message, _) = refused(&["invoices", "pdf", &inv_id]);
    assert!(
        message.contains("your business name and your postal address") && !message.contains("way to pay"),
        "{message}"
    );
    let (code, message, _) = refused(&["emails", "queue"]);
    assert_eq!(code, "profile_incomplete", "{message}");

    // A name alone: the refusal now names only what is still missing.
    cli.json(&["business", "set", "--name", "Studio Kind", "--tax-id", "DE 123 456 789"]);
    let (_, message, field) = refused(&["letters"]);
    assert!(message.contains("add your postal address and at least one way to pay"), "{message}");
    assert_eq!(field, "postal_address");
    // Bad input is refused with its own code and keeps what was saved.
    let (code, _, field) = refused(&["business", "set", "--tax-id", "<b>x</b>"]);
    assert_eq!((code.as_str(), field.as_str()), ("invalid_tax_id", "business_tax_id"));
    let (code, _, _) = refused(&["methods", "add", "bank", "--iban", "DE00 1234"]);
    assert_eq!(code, "invalid_iban");
    let (code, message, _) = refused(&["methods", "add", "paypal"]);
    assert_eq!(code, "required", "{message}");

    cli.json(&[
        "business",
        "set",
        "--address",
        "Kastanienallee 12\\n10435 Berlin",
        "--signature",
        "Alex Kind\\nStudio Kind",
    ]);
    let ways =
        cli.json(&["methods", "add", "bank", "--iban", "DE89 3704 0044 0532 0130 00", "--holder", "Studio Kind"]);
    assert_eq!(ways[0]["way"], "bank");
    assert!(ways[0]["text"].as_str().unwrap().contains("DE89 3704 0044 0532 0130 00"), "{ways}");
    let show = cli.json(&["business", "show"]);
    assert_eq!(show["readiness"]["missing"], serde_json::json!([]));
    assert_eq!(show["profile"]["business_tax_id"], "DE 123 456 789");

    let letters = cli.json(&["letters"]);
    let text = kindly_tests::pdftotext(letters["path"].as_str().unwrap());
    for must in
        ["Studio Kind", "Kastanienallee 12", "10435 Berlin", "Bank transfer to Studio Kind", "Alex Kind", "Page 1 of 1"]
    {
        assert!(text.contains(must), "the letter lacks {must}:\n{text}");
    }
    assert!(!text.contains("Kindly"), "the letter is signed by the user, not by Kindly:\n{text}");

    // Removing the only way to pay stops reminders again.
    assert_eq!(cli.json(&["methods", "remove", "bank"]), serde_json::json!([]));
    let (code, message, _) = refused(&["letters"]);
    assert_eq!(code, "profile_incomplete");
    assert!(message.contains("add at least one way to pay"), "{message}");
}

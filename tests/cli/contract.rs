//! The CLI as a contract (#17): usage errors as JSON under --json, every
//! closed-set option refusing unknown values with the allowed list, invoice
//! holds, and names refusing text-direction overrides.

use kindly_tests::binary;
use serde_json::Value;
use std::process::Command;

const TODAY: &str = "2026-11-23";

fn run(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(binary("kindly"))
        .arg("--data-dir")
        .arg(dir)
        .args(["--today", TODAY])
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

fn json(dir: &std::path::Path, args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let (code, out, err) = run(dir, &a);
    assert_eq!(code, 0, "kindly {args:?} failed: {out} {err}");
    serde_json::from_str(&out).expect("json output")
}

/// Runs with --json and expects a refusal (exit 2); returns the error object.
fn refused(dir: &std::path::Path, args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let (code, out, err) = run(dir, &a);
    assert_eq!(code, 2, "kindly {args:?} was not refused: {out} {err}");
    assert!(err.is_empty(), "kindly {args:?} wrote to stderr under --json: {err}");
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("kindly {args:?}: not JSON ({e}): {out}"));
    let e = v["error"].clone();
    assert!(e["code"].is_string() && e["message"].is_string() && e.get("field").is_some(), "{v}");
    e
}

/// A client with one issued invoice, overdue on TODAY; returns (client, invoice) ids.
fn client_with_invoice(dir: &std::path::Path) -> (String, String) {
    let c = json(dir, &["clients", "add", "--name", "Bob Builder", "--email", "bob@example.net"])["id"].to_string();
    let inv = json(
        dir,
        &["invoices", "add", "--client", &c, "--currency", "EUR", "--issue-date", "2026-10-01", "--terms", "30"]
            .into_iter()
            .chain(["--line", "Design;1;1200;0"])
            .collect::<Vec<_>>(),
    )["id"]
        .to_string();
    (c, inv)
}

#[test]
fn usage_errors_are_json_under_json_and_text_otherwise() {
    let tmp = kindly_tests::data_dir();
    let dir = tmp.path();
    // (arguments, a part of clap's message)
    let rows: &[(&[&str], &str)] = &[
        (&["clients", "list", "--bogus"], "unexpected argument '--bogus' found"),
        (&["clients", "add"], "the following required arguments were not provided: --name <NAME>"),
        (&["clients", "list", "--limit", "ten"], "invalid value 'ten' for '--limit <LIMIT>'"),
        (&["clients", "show"], "required arguments were not provided"),
        (&["clients"], "'kindly clients' requires a subcommand but one was not provided [subcommands: add, list"),
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
        (&["invoices", "list", "--json", "--json"], "cannot be used multiple times"),
    ];
    for (args, part) in rows {
        let e = refused(dir, args);
        assert_eq!(e["code"], "usage", "{args:?}: {e}");
        assert_eq!(e["field"], Value::Null, "{args:?}");
        let msg = e["message"].as_str().unwrap_or_default();
        assert!(msg.contains(part), "{args:?}: {msg}");
        assert!(!msg.starts_with("error:") && !msg.contains('\n') && !msg.contains("Usage:"), "{args:?}: {msg}");

        // --json after the subcommand counts too.
        let mut late: Vec<&str> = args.to_vec();
        late.push("--json");
        let (code, out, _) = run(dir, &late);
        assert_eq!(code, 2, "{late:?}");
        if !args.contains(&"--json") {
            assert_eq!(
                serde_json::from_str::<Value>(&out).map(|v| v["error"]["code"].clone()).ok(),
                Some("usage".into()),
                "{late:?}: {out}"
            );
        }

        // Without --json: clap's own text on stderr, nothing on stdout, the same exit status.
        let (code, out, err) = run(dir, args);
        if args.contains(&"--json") {
            continue;
        }
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains(part) || err.contains("Usage:"), "{args:?}: {err}");
    }
    // A value after `--` is not the flag.
    let (code, out, _) = run(dir, &["clients", "list", "--bogus", "--", "--json"]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    // --help and --version stay as they are, with or without --json.
    let (code, out, _) = run(dir, &["--json", "clients", "list", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage: kindly clients list"), "{out}");
    let (code, out, _) = run(dir, &["--json", "--version"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("kindly "), "{out}");
}

#[test]
fn every_closed_set_option_refuses_an_unknown_value_with_the_allowed_ones() {
    let tmp = kindly_tests::data_dir();
    let dir = tmp.path();
    let statement = dir.join("statement.txt");
    std::fs::write(&statement, "not a statement").unwrap();
    let statement = statement.to_str().unwrap_or_default().to_string();
    // (arguments with one unknown value, the option, a part of the allowed list)
    let rows: &[(&[&str], &str, &str)] = &[
        (&["clients", "add", "--name", "A", "--language", "it"], "--language", "en, de, fr, es"),
        (&["clients", "list", "--sort", "bogus"], "--sort", "name_asc, name_desc, newest, oldest"),
        (&["clients", "chasing", "1", "sometimes"], "<MODE>", "on, paused, off"),
        (&["clients", "list", "--balance", "bogus"], "--balance", "all, owing, overdue"),
        (
            &["invoices", "list", "--aging", "bogus"],
            "--aging",
            "not_yet_due, days_1_30, days_31_60, days_61_90, over_90",
        ),
        (
            &["invoices", "list", "--state", "bogus"],
            "--state",
            "overdue, due_soon, partially_paid, open, draft, paid, cancelled, all",
        ),
        (&["invoices", "list", "--sort", "bogus"], "--sort", "attention, due_asc, due_desc, newest, number"),
        (&["invoices", "pdf", "1", "--page-size", "a5"], "--page-size", "a4, letter"),
        (&["invoices", "hold", "1", "--kind", "forever"], "--kind", "disputed, paused"),
        (
            &["payments", "add", "--invoice", "1", "--amount", "1", "--method", "bitcoin"],
            "--method",
            "bank_transfer, card, paypal, cash, cheque, other",
        ),
        (&["notes", "add", "--client", "1", "--kind", "fax"], "--kind", "note, incoming_call, email, letter"),
        (&["followups", "done", "--invoice", "1", "--channel", "fax"], "--channel", "email, letter, phone"),
        (&["letters", "--page-size", "a5"], "--page-size", "a4, letter"),
        (
            &["smtp", "set", "--host", "h", "--from-name", "n", "--from-address", "a@b.c", "--security", "ssl"],
            "--security",
            "starttls, tls, plain",
        ),
        (&["emails", "list", "--state", "bogus"], "--state", "queued, sending, sent, failed, uncertain, cancelled"),
        (
            &["plans", "preview", "--invoice", "1", "--frequency", "daily"],
            "--frequency",
            "weekly, fortnightly, monthly, custom",
        ),
        (&["plans", "propose", "--invoice", "1", "--frequency", "daily"], "--frequency", "weekly, fortnightly"),
        (&["plans", "renegotiate", "1", "--frequency", "daily"], "--frequency", "weekly, fortnightly"),
        (&["plans", "accept", "1", "--how", "pigeon"], "--how", "call, email, letter, in_person"),
        (&["plans", "done", "1", "--channel", "fax"], "--channel", "email, letter, phone"),
        (&["plans", "letter", "1", "--page-size", "a5"], "--page-size", "a4, letter"),
        (&["plans", "pdf", "1", "--page-size", "a5"], "--page-size", "a4, letter"),
        (
            &["calls", "log", "--invoice", "1", "--outcome", "hung_up"],
            "--outcome",
            "reached, voicemail, no_answer, wrong_number",
        ),
        (
            &["promises", "add", "--invoice", "1", "--date", "2026-12-01", "--how", "pigeon"],
            "--how",
            "call, email, letter, in_person",
        ),
        (&["promises", "followed-up", "--promise", "1", "--channel", "fax"], "--channel", "email, letter, phone"),
        (&["timeline", "--client", "1", "--kind", "bogus"], "--kind", "call_logged"),
        (&["dossier", "--client", "1", "--page-size", "a5"], "--page-size", "a4, letter"),
        (&["statement", "--client", "1", "--paper", "a5"], "--paper", "a4, letter"),
        (&["bank", "import", &statement, "--format", "qif"], "--format", "auto, camt, mt940, ofx, csv"),
    ];
    for (args, option, allowed) in rows {
        let e = refused(dir, args);
        assert_eq!(e["code"], "usage", "{args:?}: {e}");
        let msg = e["message"].as_str().unwrap_or_default();
        assert!(msg.contains("invalid value") && msg.contains(option), "{args:?}: {msg}");
        assert!(msg.contains("[possible values: ") && msg.contains(allowed), "{args:?}: {msg}");
        // And in text: clap's message on stderr, exit 2.
        let (code, _, err) = run(dir, args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("invalid value") && err.contains(allowed), "{args:?}: {err}");
    }
    // Nothing was saved by any of them.
    assert_eq!(json(dir, &["clients", "list"])["total"], 0);
}

/// The values the CLI lists for options whose use case parses them inline
/// (and the aliases it also takes) reach the use case and are not refused there.
#[test]
fn the_listed_values_and_aliases_are_the_use_cases_own() {
    let tmp = kindly_tests::data_dir();
    let dir = tmp.path();
    let (c, inv) = client_with_invoice(dir);
    for kind in ["note", "incoming-call", "incoming_call", "call", "email", "letter"] {
        json(dir, &["notes", "add", "--client", &c, "--kind", kind, "--text", "They said next week."]);
    }
    let statement = dir.join("statement.txt");
    std::fs::write(&statement, "not a statement").unwrap();
    let statement = statement.to_str().unwrap_or_default();
    for format in ["auto", "camt", "mt940", "ofx", "csv", "CAMT", "camt053", "camt054", "xml", "zip", "sta", "qfx"] {
        let e = refused(dir, &["bank", "import", statement, "--format", format, "--dry-run"]);
        assert!(e["code"] != "usage" && e["code"] != "bank_format_unknown", "{format}: {e}");
    }
    for how in ["call", "phone", "email", "e-mail", "letter", "in_person", "in-person"] {
        let p = json(dir, &["promises", "add", "--invoice", &inv, "--date", "2026-12-01", "--how", how]);
        assert!(p["id"].is_i64(), "{how}: {p}");
    }
    for how in ["call", "email", "e-mail", "letter", "in_person", "in-person", "In-Person"] {
        let e = refused(dir, &["plans", "accept", "999", "--how", how]);
        assert_eq!(e["code"], "not_found", "{how}: {e}");
    }
    for outcome in ["no-answer", "no_answer", "wrong-number", "voicemail"] {
        let e = refused(dir, &["calls", "log", "--invoice", "999", "--outcome", outcome]);
        assert_eq!(e["code"], "not_found", "{outcome}: {e}");
    }
    for size in ["a4", "A4", "letter", "Letter", "us", "us_letter"] {
        let e = refused(dir, &["plans", "pdf", "999", "--page-size", size]);
        assert_eq!(e["code"], "not_found", "{size}: {e}");
    }
}

fn queued_invoices(dir: &std::path::Path, date: &str) -> Vec<i64> {
    let q = json(dir, &["followups", "--date", date]);
    q["items"].as_array().map(|a| a.iter().filter_map(|i| i["invoice_id"].as_i64()).collect()).unwrap_or_default()
}

#[test]
fn invoice_holds_from_the_cli() {
    let tmp = kindly_tests::data_dir();
    let dir = tmp.path();
    let (_, inv) = client_with_invoice(dir);
    let id: i64 = inv.parse().unwrap();
    assert_eq!(queued_invoices(dir, TODAY), vec![id]);

    // A dispute: out of the queue until resumed.
    let h = json(dir, &["invoices", "hold", &inv, "--kind", "disputed", "--reason", "Says the logo was late"]);
    assert_eq!((h["id"].as_i64(), h["hold"].as_str(), h["hold_until"].is_null()), (Some(id), Some("disputed"), true));
    assert_eq!(h["hold_reason"], "Says the logo was late");
    assert!(queued_invoices(dir, TODAY).is_empty());
    assert!(queued_invoices(dir, "2027-06-01").is_empty());
    let (code, text, _) = run(dir, &["invoices", "show", &inv]);
    assert_eq!(code, 0);
    assert!(text.contains("follow-ups on hold: disputed (Says the logo was late)"), "{text}");
    assert!(text.contains("Follow-ups paused: invoice disputed"), "{text}");

    let r = json(dir, &["invoices", "resume", &inv]);
    assert!(r["hold"].is_null(), "{r}");
    assert_eq!(queued_invoices(dir, TODAY), vec![id]);

    // Paused through a day: back in the queue the day after.
    let (code, text, _) = run(dir, &["invoices", "hold", &inv, "--kind", "paused", "--until", "2026-11-30"]);
    assert_eq!(code, 0);
    assert_eq!(text.trim(), "INV-2026-0001 follow-ups on hold: paused through 2026-11-30");
    assert!(queued_invoices(dir, "2026-11-30").is_empty());
    assert_eq!(queued_invoices(dir, "2026-12-01"), vec![id]);
    let (code, text, _) = run(dir, &["invoices", "resume", &inv]);
    assert_eq!((code, text.trim()), (0, "INV-2026-0001 follow-ups resumed"));

    // Refusals: (arguments, code, field)
    let draft = json(dir, &["invoices", "add", "--client", "1", "--draft", "--line", "Draft;1;10;0"])["id"].to_string();
    let rows: &[(&[&str], &str, Value)] = &[
        (&["invoices", "hold", &inv, "--kind", "paused"], "required", "until".into()),
        (&["invoices", "hold", &inv, "--kind", "paused", "--until", "soon"], "invalid_date", "until".into()),
        (&["invoices", "hold", &inv, "--kind", "disputed", "--until", "2026-12-01"], "invalid_hold", "until".into()),
        (&["invoices", "hold", "999", "--kind", "disputed"], "not_found", Value::Null),
        (&["invoices", "hold", &draft, "--kind", "disputed"], "not_found", Value::Null),
        (&["invoices", "resume", "999"], "not_found", Value::Null),
        (&["invoices", "hold", &inv], "usage", Value::Null),
    ];
    for (args, code, field) in rows {
        let e = refused(dir, args);
        assert_eq!((&e["code"], &e["field"]), (&Value::from(*code), field), "{args:?}: {e}");
    }
    assert_eq!(queued_invoices(dir, TODAY), vec![id]);
}

#[test]
fn a_name_with_a_direction_override_is_refused_and_nothing_is_saved() {
    let tmp = kindly_tests::data_dir();
    let dir = tmp.path();
    let e = refused(dir, &["clients", "add", "--name", "Acme\u{202E}dtL", "--email", "a@example.com"]);
    assert_eq!(e["code"], "control_characters", "{e}");
    assert_eq!(e["field"], "display_name", "{e}");
    assert_eq!(json(dir, &["clients", "list"])["total"], 0);
    let (code, _, err) = run(dir, &["clients", "add", "--name", "Acme", "--company", "\u{2067}Acme\u{2069}"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("[control_characters]"), "{err}");
    assert_eq!(json(dir, &["clients", "list"])["total"], 0);
}

//! The list filters from the command line (#14): `invoices list` with
//! currency, aging bucket, due and issue periods and `--open`; `payments
//! list`; `clients list` by what is owed; bad values as JSON errors naming
//! the option's field.

use super::Cli;
use serde_json::Value;

fn ids(v: &Value) -> Vec<i64> {
    v["rows"].as_array().map(|r| r.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default()
}

fn add_invoice(cli: &Cli, client: &str, currency: &str, issue: &str, due: &str, amount: &str) -> i64 {
    let line = format!("Work;1;{amount};0");
    let args = [
        "invoices",
        "add",
        "--client",
        client,
        "--currency",
        currency,
        "--issue-date",
        issue,
        "--due-date",
        due,
        "--line",
        &line,
    ];
    cli.json(&args)["id"].as_i64().unwrap()
}

#[test]
fn invoices_payments_and_clients_are_listed_by_the_overviews_filters() {
    let cli = Cli::new();
    let a = cli.json(&["clients", "add", "--name", "Ada Lovelace"])["id"].to_string();
    let b = cli.json(&["clients", "add", "--name", "Brook Taylor"])["id"].to_string();
    // Today is 2026-11-23.
    let late_eur = add_invoice(&cli, &a, "EUR", "2026-09-01", "2026-10-10", "100"); // 44 days overdue
    let late_usd = add_invoice(&cli, &a, "USD", "2026-10-01", "2026-10-10", "70");
    let soon = add_invoice(&cli, &b, "EUR", "2026-11-01", "2026-12-01", "500");
    cli.json(&["payments", "add", "--invoice", &soon.to_string(), "--amount", "50", "--date", "2026-11-20"]);
    cli.json(&["payments", "add", "--invoice", &late_usd.to_string(), "--amount", "20", "--date", "2026-10-15"]);

    let v = cli.json(&["invoices", "list", "--currency", "eur", "--aging", "31-60"]);
    assert_eq!((v["total"].as_i64(), ids(&v)), (Some(1), vec![late_eur]));
    let v = cli.json(&["invoices", "list", "--aging", "days_31_60"]);
    assert_eq!(ids(&v), vec![late_eur, late_usd]);
    let v = cli.json(&["invoices", "list", "--open", "--due-from", "2026-11-23", "--due-to", "2026-12-20"]);
    assert_eq!(ids(&v), vec![soon]);
    let v = cli.json(&["invoices", "list", "--issued-from", "2026-10-01", "--issued-to", "2026-10-31"]);
    assert_eq!(ids(&v), vec![late_usd]);

    let v = cli.json(&["payments", "list", "--currency", "EUR", "--from", "2026-11-01", "--to", "2026-11-30"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["rows"][0]["invoice_id"], soon);
    assert_eq!(v["rows"][0]["amount"]["amount"], "50.00");
    let v = cli.json(&["payments", "list"]);
    assert_eq!(v["rows"].as_array().map(Vec::len), Some(2), "{v}");
    assert_eq!(v["rows"][0]["date"], "2026-11-20", "newest first");
    let (code, text, _) = cli.run(&["payments", "list"]);
    assert_eq!(code, 0);
    assert!(text.starts_with("2 payment(s)"), "{text}");

    let v = cli.json(&["clients", "list", "--sort", "owed", "--currency", "EUR"]);
    let names: Vec<&str> = v["rows"].as_array().unwrap().iter().filter_map(|r| r["display_name"].as_str()).collect();
    assert_eq!(names, ["Brook Taylor", "Ada Lovelace"], "450 before 100");
    let v = cli.json(&["clients", "list", "--sort", "oldest-overdue", "--balance", "overdue"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["rows"][0]["oldest_overdue_days"], 44);
    assert_eq!(v["rows"][0]["overdue"].as_array().map(Vec::len), Some(2), "EUR and USD, never added: {v}");
}

#[test]
fn bad_filter_values_are_json_errors_naming_their_field() {
    let cli = Cli::new();
    let cases: &[(&[&str], &str, &str)] = &[
        (&["invoices", "list", "--currency", "EURO"], "unknown_currency", "currency"),
        (&["invoices", "list", "--due-from", "2026-13-01"], "invalid_date", "due_from"),
        (&["invoices", "list", "--issued-to", "yesterday"], "invalid_date", "issued_to"),
        (&["invoices", "list", "--due-from", "2026-12-01", "--due-to", "2026-11-01"], "range_reversed", "due_to"),
        (&["payments", "list", "--from", "1.11.2026"], "invalid_date", "from"),
        (&["payments", "list", "--currency", "XXX"], "unknown_currency", "currency"),
        (&["clients", "list", "--currency", "€"], "unknown_currency", "currency"),
    ];
    for (args, code, field) in cases {
        let mut a = vec!["--json"];
        a.extend_from_slice(args);
        let (status, out, _) = cli.run(&a);
        assert_ne!(status, 0, "{args:?}");
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"));
        assert_eq!(
            (v["error"]["code"].as_str(), v["error"]["field"].as_str()),
            (Some(*code), Some(*field)),
            "{args:?}: {v}"
        );
    }
}

//! `kindly statement` as a process: the PDF (kept, and copied to --out),
//! printing through a stand-in for `lp`, the e-mail refused without an
//! address, nothing owing, and the refusals' exit code and JSON shape.

use kindly_tests::{business_profile_cli, fake_printer, kindly_json, pdftotext, run_kindly};
use std::process::Command;

const DAY: &str = "2026-11-23";

fn client_owing(dir: &std::path::Path) -> String {
    let c = kindly_json(dir, Some(DAY), &["clients", "add", "--name", "Zoë Ångström", "--language", "es"])["id"]
        .to_string();
    for (cur, price) in [("EUR", "Logo;1;100;0"), ("USD", "Site;1;40;0")] {
        let args = [
            "invoices",
            "add",
            "--client",
            &c,
            "--currency",
            cur,
            "--issue-date",
            "2026-10-01",
            "--due-date",
            "2026-10-31",
        ];
        let mut a = args.to_vec();
        a.extend(["--line", price]);
        kindly_json(dir, Some(DAY), &a);
    }
    c
}

#[test]
fn a_statement_through_the_cli() {
    let tmp = kindly_tests::data_dir();
    let dir = tmp.path();
    let c = client_owing(dir);

    // No business profile: refused with the code, exit 2.
    let (code, _, err) = run_kindly(dir, Some(DAY), &["statement", "--client", &c]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("[profile_incomplete]"), "{err}");
    business_profile_cli(dir);

    let out = dir.join("copy.pdf");
    let r =
        kindly_json(dir, Some(DAY), &["statement", "--client", &c, "--out", out.to_str().unwrap(), "--paper", "a4"]);
    assert_eq!(r["invoices"], 2);
    assert_eq!(r["print_state"], "saved");
    let balances: Vec<&str> =
        r["balances"].as_array().unwrap().iter().map(|b| b["currency"].as_str().unwrap()).collect();
    assert_eq!(balances, ["EUR", "USD"]);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(r["path"].as_str().unwrap()).unwrap());
    let text = pdftotext(out.to_str().unwrap());
    assert!(text.contains("Extracto de cuenta") && text.contains("Saldo en EUR: 100,00"), "{text}");
    let (code, text, _) = run_kindly(dir, Some(DAY), &["statement", "--client", &c]);
    assert_eq!(code, 0);
    assert!(text.contains("statement of 2 open invoice(s)") && text.contains("saved to "), "{text}");

    // Printing through a stand-in for lp: recorded in the timeline.
    let tools = tempfile::tempdir().unwrap();
    let kindly_api::print::Printer::Command(lp) = fake_printer(tools.path(), true) else { unreachable!() };
    let out = Command::new(kindly_tests::binary("kindly"))
        .args(["--json", "--data-dir", dir.to_str().unwrap(), "--today", DAY, "statement", "--client", &c, "--print"])
        .env("KINDLY_PRINT_COMMAND", &lp)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((r["print_state"].as_str(), r["job_id"].as_str()), (Some("printed"), Some("Office-7")));
    let tl = kindly_json(dir, Some(DAY), &["timeline", "--client", &c, "--kind", "statement_printed"]);
    assert_eq!(tl.as_array().map(Vec::len), Some(1), "{tl}");

    // No e-mail address (and no SMTP account): refused, JSON error shape.
    let (code, out, _) = run_kindly(dir, Some(DAY), &["--json", "statement", "--client", &c, "--email"]);
    assert_eq!(code, 2);
    let e: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(matches!(e["error"]["code"].as_str(), Some("smtp_not_configured" | "no_email")), "{e}");

    // Nothing owing.
    let paid = kindly_json(dir, Some(DAY), &["clients", "add", "--name", "Nobody Owes"])["id"].to_string();
    let (code, _, err) = run_kindly(dir, Some(DAY), &["statement", "--client", &paid]);
    assert_eq!(code, 2);
    assert!(err.contains("[nothing_owing]") && err.contains("Nobody Owes owes nothing"), "{err}");
}

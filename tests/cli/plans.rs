//! `kindly plans …` as a process: propose a 3-installment plan, accept it,
//! pay it off on different days and see it complete; refusals exit with 2.

use kindly_tests::{kindly_json, run_kindly};

#[test]
fn a_plan_through_the_cli_from_proposal_to_completion() {
    let tmp = kindly_tests::data_dir();
    let dir = tmp.path();
    let day = "2026-11-14";
    let c = kindly_json(dir, Some(day), &["clients", "add", "--name", "Zoë Ångström", "--email", "zoe@example.com"])
        ["id"]
        .to_string();
    let inv = kindly_json(
        dir,
        Some(day),
        &[
            "invoices",
            "add",
            "--client",
            &c,
            "--currency",
            "EUR",
            "--issue-date",
            "2026-10-01",
            "--due-date",
            "2026-10-31",
            "--line",
            "Logo;1;100;0",
        ],
    )["id"]
        .to_string();

    let (code, text, _) = run_kindly(
        dir,
        Some(day),
        &["plans", "preview", "--invoice", &inv, "--count", "3", "--first-date", "2026-12-01"],
    );
    assert_eq!(code, 0);
    assert!(text.contains("1. 2026-12-01") && text.contains("€33.34") && text.contains("sum €100.00"), "{text}");

    // A count or a number of days that is not a whole number is refused, not replaced by the default.
    for (flag, typed, code) in
        [("--count", "2.5", "plan_installment_count"), ("--heads-up-days", "a week", "plan_heads_up_days")]
    {
        let (exit, _, err) = run_kindly(dir, Some(day), &["plans", "propose", "--invoice", &inv, flag, typed]);
        assert_eq!(exit, 2, "{flag} {typed}: {err}");
        assert!(err.contains(&format!("[{code}]")), "{err}");
    }
    let plan = kindly_json(
        dir,
        Some(day),
        &["plans", "propose", "--invoice", &inv, "--count", "3", "--first-date", "2026-12-01", "--reminder-days", "4"],
    );
    let id = plan["id"].to_string();
    assert_eq!((plan["heads_up_days"].as_u64(), plan["reminder_days"].as_u64()), (Some(3), Some(4)));
    assert_eq!(plan["state"], "proposed");
    let (code, _, err) = run_kindly(dir, Some(day), &["plans", "propose", "--invoice", &inv, "--count", "2"]);
    assert_eq!(code, 2, "an invoice is in one open plan at a time");
    assert!(err.contains("[plan_exists]"), "{err}");

    let v = kindly_json(dir, Some("2026-11-15"), &["plans", "accept", &id, "--how", "email"]);
    assert_eq!((v["state"].as_str(), v["agreed_on"].as_str()), (Some("active"), Some("2026-11-15")));
    // On track: no invoice reminder; the installment heads-up comes three days before.
    let q = kindly_json(dir, Some("2026-11-28"), &["followups"]);
    assert_eq!(q["total"], 0);
    assert_eq!(q["installments"][0]["kind"], "heads_up");
    let msg = kindly_json(dir, Some("2026-11-28"), &["plans", "message", &id]);
    assert!(msg["subject"].as_str().unwrap().contains("installment 1 of 3"), "{msg}");
    kindly_json(dir, Some("2026-11-28"), &["plans", "done", &id, "--channel", "email"]);
    let (code, _, err) = run_kindly(dir, Some("2026-11-28"), &["plans", "done", &id, "--channel", "email"]);
    assert_eq!((code, err.contains("[already_done]")), (2, true), "{err}");
    // --reminder-days 4: installment 1, due on 1 December, is reminded on the 5th, not the 3rd.
    for (d, kinds) in [("2026-12-03", 0), ("2026-12-04", 0), ("2026-12-05", 1)] {
        let q = kindly_json(dir, Some(d), &["followups"]);
        assert_eq!(q["installments"].as_array().map(Vec::len), Some(kinds), "{d}: {q}");
    }
    assert_eq!(kindly_json(dir, Some("2026-12-05"), &["followups"])["installments"][0]["kind"], "reminder");

    for (d, amount) in [("2026-12-01", "33.34"), ("2027-01-01", "33.33"), ("2027-02-01", "33.33")] {
        kindly_json(dir, Some(d), &["payments", "add", "--invoice", &inv, "--amount", amount, "--date", d]);
    }
    let v = kindly_json(dir, Some("2027-02-01"), &["plans", "show", &id]);
    assert_eq!((v["state"].as_str(), v["remaining"]["amount"].as_str()), (Some("completed"), Some("0.00")));
    let (code, text, _) = run_kindly(dir, Some("2027-02-01"), &["plans", "list", "--client", &c]);
    assert_eq!(code, 0);
    assert!(text.contains("completed"), "{text}");
    let pdf = kindly_json(dir, Some("2027-02-01"), &["plans", "pdf", &id, "--page-size", "a4"]);
    assert!(std::path::Path::new(pdf["path"].as_str().unwrap()).exists());
}

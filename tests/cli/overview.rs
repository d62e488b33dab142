//! `kindly overview` and `kindly reports`: the JSON is exactly the app's
//! `OverviewView`, the text names the figures, the CSV and PDF reports hold
//! them, and a bad currency or number of months is a specific error.

use kindly_tests::{kindly_json, pdftotext, run_kindly};

const DAY: &str = "2026-11-23";

fn setup() -> tempfile::TempDir {
    let dir = kindly_tests::data_dir();
    let d = dir.path();
    let id = kindly_json(d, Some(DAY), &["clients", "add", "--name", "=Evil Client"])["id"].as_i64().unwrap();
    let id = id.to_string();
    for (issue, terms, currency, price) in
        [("2026-10-01", "30", "EUR", "100"), ("2026-11-20", "14", "EUR", "50"), ("2026-09-01", "14", "USD", "70")]
    {
        let line = format!("Work;1;{price};0");
        let args = [
            "invoices",
            "add",
            "--client",
            &id,
            "--currency",
            currency,
            "--issue-date",
            issue,
            "--terms",
            terms,
            "--line",
            &line,
        ];
        kindly_json(d, Some(DAY), &args);
    }
    dir
}

#[test]
fn overview_json_is_the_apps_view_and_the_text_names_the_figures() {
    let dir = setup();
    let v = kindly_json(dir.path(), Some(DAY), &["overview"]);
    assert_eq!(v["today"], DAY);
    assert_eq!(v["currencies"][0]["currency"], "EUR");
    assert_eq!(v["currencies"][0]["outstanding"]["amount"]["amount"], "150.00");
    assert_eq!(v["currencies"][0]["outstanding"]["count"], 2);
    assert_eq!(v["currencies"][0]["overdue"]["amount"]["amount"], "100.00");
    assert_eq!(v["currencies"][0]["aging"].as_array().unwrap().len(), 5);
    assert_eq!(v["currencies"][0]["aging"][1]["link"]["aging"], "days_1_30");
    assert_eq!(v["currencies"][1]["currency"], "USD");
    assert!(v["dso_formula"].as_str().unwrap().contains("× 90"));
    let usd = kindly_json(dir.path(), Some(DAY), &["overview", "--currency", "usd"]);
    assert_eq!(usd["currencies"].as_array().unwrap().len(), 1);
    assert_eq!(usd["currencies"][0], v["currencies"][1]);

    let (code, out, err) = run_kindly(dir.path(), Some(DAY), &["overview"]);
    assert_eq!(code, 0, "{err}");
    for want in ["Outstanding", "€150.00", "Overdue", "€100.00", "DSO", "Expected cash-in", "$70.00"] {
        assert!(out.contains(want), "{want} in {out}");
    }
    let (code, _, err) = run_kindly(dir.path(), Some(DAY), &["overview", "--currency", "XYZ"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn reports_as_tables_csv_and_pdf() {
    let dir = setup();
    let d = dir.path();
    let (code, out, err) = run_kindly(d, Some(DAY), &["reports", "aging"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("=Evil Client") && out.contains("€100.00"), "{out}");
    let csv = d.join("aging.csv");
    let pdf = d.join("aging.pdf");
    let r = kindly_json(
        d,
        Some(DAY),
        &["reports", "aging", "--csv", csv.to_str().unwrap(), "--pdf", pdf.to_str().unwrap()],
    );
    assert_eq!(r[0]["rows"], 2);
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], "Client,Client ID,Currency,Not yet due,1–30 days,31–60 days,61–90 days,Over 90 days,Total");
    assert_eq!(lines[1], "\"'=Evil Client\",1,EUR,50.00,100.00,0.00,0.00,0.00,150.00");
    assert_eq!(lines[2], "\"'=Evil Client\",1,USD,0.00,0.00,0.00,70.00,0.00,70.00");
    let text = pdftotext(pdf.to_str().unwrap());
    for want in ["Aging report", "=Evil Client", "€150.00", "$70.00", "Page 1 of 1"] {
        assert!(text.contains(want), "{want} in {text}");
    }

    let csv = d.join("collected.csv");
    let pdf = d.join("collected.pdf");
    let args = [
        "reports",
        "collected",
        "--months",
        "3",
        "--currency",
        "EUR",
        "--csv",
        csv.to_str().unwrap(),
        "--pdf",
        pdf.to_str().unwrap(),
    ];
    kindly_json(d, Some(DAY), &args);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(
        text,
        "Month,Currency,Invoiced,Invoices,Collected,Payments\r\n2026-09,EUR,0.00,0,0.00,0\r\n2026-10,EUR,100.00,1,0.00,0\r\n2026-11,EUR,50.00,1,0.00,0\r\n"
    );
    assert!(pdftotext(pdf.to_str().unwrap()).contains("€100.00"));
    let (code, out, _) = run_kindly(d, Some(DAY), &["--json", "reports", "collected", "--months", "0"]);
    assert_eq!(code, 2);
    let e: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((e["error"]["code"].as_str(), e["error"]["field"].as_str()), (Some("invalid_months"), Some("months")));
}

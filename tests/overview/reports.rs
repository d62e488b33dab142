//! The aging and collected reports on the hand-computed dataset, as data,
//! CSV (neutralised formula cells) and PDF (what pdftotext reads).

use super::{hand_made, TODAY};
use kindly_api::overview::reports::{self, SaveReportRequest};
use kindly_core::vocab::{ReportFormat, ReportKind};
use kindly_tests::{client_input, create_client, on, pdftotext};

#[tokio::test]
async fn the_aging_report_per_client_and_currency() {
    let h = hand_made().await;
    let t = on(&h.db.store, TODAY);
    let r = reports::aging(t, None).await.unwrap();
    let rows: Vec<_> = r
        .rows
        .iter()
        .map(|x| {
            let b: Vec<&str> = x.buckets.iter().map(|m| m.amount.as_str()).collect();
            (x.client_name.as_str(), x.currency.as_str(), b, x.total.amount.as_str())
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Ada Client", "EUR", vec!["100.00", "230.00", "291.00", "351.00", "0.00"], "972.00"),
            ("Ada Client", "USD", vec!["0.00", "1000.00", "0.00", "0.00", "0.00"], "1000.00"),
            ("Bob Client", "EUR", vec!["200.00", "0.00", "0.00", "0.00", "191.00"], "391.00"),
            ("Cy Client", "EUR", vec!["0.00", "0.00", "300.00", "0.00", "0.00"], "300.00"),
        ]
    );
    let totals: Vec<_> = r.totals.iter().map(|x| (x.currency.as_str(), x.total.amount.as_str())).collect();
    assert_eq!(totals, [("EUR", "1663.00"), ("USD", "1000.00")]);
    let csv = reports::aging_csv(&r);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("Client,Client ID,Currency,Not yet due,1–30 days,31–60 days,61–90 days,Over 90 days,Total")
    );
    assert_eq!(
        lines.next(),
        Some(format!("Ada Client,{},EUR,100.00,230.00,291.00,351.00,0.00,972.00", h.ada).as_str())
    );
    assert!(csv.contains("\r\nTotal,,EUR,300.00,230.00,591.00,351.00,191.00,1663.00\r\n"), "{csv}");

    let only = reports::aging(t, Some(kindly_core::Currency::parse("USD").unwrap())).await.unwrap();
    assert_eq!(only.rows.len(), 1);
}

#[tokio::test]
async fn the_collected_report_per_month_and_currency() {
    let h = hand_made().await;
    let t = on(&h.db.store, TODAY);
    let r = reports::collected(t, 12, None).await.unwrap();
    assert_eq!(r.rows.len(), 24, "12 months × EUR and USD");
    let row = |m: &str, c: &str| r.rows.iter().find(|x| x.month == m && x.currency == c).unwrap();
    assert_eq!(
        (row("2026-10", "EUR").invoiced.amount.as_str(), row("2026-10", "EUR").collected.amount.as_str()),
        ("961.00", "400.00")
    );
    assert_eq!(row("2026-03", "USD").collected.amount, "250.00");
    assert_eq!(r.rows[0].month, "2026-01");
    let csv = reports::collected_csv(&r);
    assert!(
        csv.starts_with("Month,Currency,Invoiced,Invoices,Collected,Payments\r\n2026-01,EUR,0.00,0,0.00,0\r\n"),
        "{csv}"
    );
    let e = reports::collected(t, 0, None).await.unwrap_err();
    assert_eq!((e.code.as_str(), e.field.as_deref()), ("invalid_months", Some("months")));
}

#[tokio::test]
async fn reports_save_as_csv_with_formulas_neutralised_and_as_pdf() {
    let h = hand_made().await;
    let t = on(&h.db.store, TODAY);
    let sly = create_client(t, &client_input("=HYPERLINK(\"x\")", vec![])).await;
    super::invoice(t, sly, "2026-11-30", "2026-12-30", "EUR", "5.00").await;
    let fonts = kindly_pdf::Fonts::load_with_fallbacks(vec![]).unwrap();
    let dir = h.db.dir.path();
    let csv = dir.join("aging.csv");
    let req = |kind, format, path: &std::path::Path| SaveReportRequest {
        kind,
        format,
        path: path.display().to_string(),
        currency: None,
        months: None,
    };
    let saved = reports::save(t, Some(&fonts), &req(ReportKind::Aging, ReportFormat::Csv, &csv)).await.unwrap();
    assert_eq!(saved.rows, 5);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{text}");
    let pdf = dir.join("aging.pdf");
    reports::save(t, Some(&fonts), &req(ReportKind::Aging, ReportFormat::Pdf, &pdf)).await.unwrap();
    let text = pdftotext(&pdf.display().to_string());
    for want in ["Aging report", "Ada Client", "€972.00", "€1,668.00", "$1,000.00", "Page 1 of 1"] {
        assert!(text.contains(want), "{want} in {text}");
    }
    let pdf = dir.join("collected.pdf");
    reports::save(t, Some(&fonts), &req(ReportKind::Collected, ReportFormat::Pdf, &pdf)).await.unwrap();
    let text = pdftotext(&pdf.display().to_string());
    for want in ["Invoiced and collected per month", "2026-10", "€961.00", "€400.00"] {
        assert!(text.contains(want), "{want} in {text}");
    }
}

/// The reports follow the user's own language (settings): headers, bucket
/// names, titles, money, the page numbers; amounts in the CSV stay plain
/// decimals.
#[tokio::test]
async fn reports_are_in_the_users_language() {
    let h = hand_made().await;
    let t = on(&h.db.store, TODAY);
    let mut s = kindly_api::settings::get(t).await.unwrap();
    s.locale = "de".into();
    kindly_api::settings::save(t, &s).await.unwrap();
    let r = reports::aging(t, None).await.unwrap();
    let csv = reports::aging_csv(&r);
    assert!(
        csv.starts_with(
            "Kunde,Kunden-ID,Währung,Noch nicht fällig,1–30 Tage,31–60 Tage,61–90 Tage,Über 90 Tage,Summe\r\n"
        ),
        "{csv}"
    );
    assert!(csv.contains("\r\nSumme,,EUR,300.00,"), "{csv}");
    let c = reports::collected_csv(&reports::collected(t, 2, None).await.unwrap());
    assert!(c.starts_with("Monat,Währung,Betrag,Rechnungen,Eingenommen,Zahlungen\r\n"), "{c}");
    let fonts = kindly_pdf::Fonts::load_with_fallbacks(vec![]).unwrap();
    let pdf = h.db.dir.path().join("alter.pdf");
    let req = SaveReportRequest {
        kind: ReportKind::Aging,
        format: ReportFormat::Pdf,
        path: pdf.display().to_string(),
        currency: None,
        months: None,
    };
    reports::save(t, Some(&fonts), &req).await.unwrap();
    let text = pdftotext(&pdf.display().to_string());
    // (Narrow columns wrap their headers between words: "Noch nicht / fällig".)
    for want in ["Altersstruktur der offenen Posten", "Kunde", "fällig", "Über 90", "972,00 €", "Seite 1 von 1"] {
        assert!(text.contains(want), "{want} in {text}");
    }
    for raw in ["Aging report", "Not yet due", "Page 1"] {
        assert!(!text.contains(raw), "{raw} in {text}");
    }
}

//! The statement of account (issue #14) end to end below the window: the
//! PDF's text in two languages with two currencies (never added together),
//! 300 invoices over many pages, the e-mail through the real loopback SMTP
//! server (attachment and balance arrive; once a day per client), printing
//! recorded only when the printer took it, the timeline and the dossier,
//! and the refusals (no profile, no e-mail address, nothing owing).
//! Needs the Secret Service for the SMTP password (scripts/test.sh starts it).

use kindly_api::mail::{self, SmtpSettingsInput};
use kindly_api::outbox;
use kindly_api::payments::PaymentInput;
use kindly_api::statement::{
    confirm_statement_printed, email_statement, print_statement, statement_pdf, StatementPrintedRequest,
    StatementRequest,
};
use kindly_api::Ctx;
use kindly_core::timeline::EventKind;
use kindly_pdf::PageSize;
use kindly_tests::smtp::{test_ca, SmtpServer, PASSWORD, USER};
use kindly_tests::{
    client_input, create_client, create_invoice, fake_printer, issued_invoice, line, on, open_business_db, open_db,
    pdftotext, raw_count,
};
use mail_parser::{MessageParser, MimeHeaders};
use std::sync::atomic::AtomicBool;
use std::sync::OnceLock;

fn fonts() -> &'static kindly_pdf::Fonts {
    static F: OnceLock<kindly_pdf::Fonts> = OnceLock::new();
    F.get_or_init(|| kindly_pdf::Fonts::load().expect("fonts"))
}

fn req(client_id: i64) -> StatementRequest {
    StatementRequest { client_id, page_size: Some(PageSize::A4) }
}

async fn client(c: Ctx<'_>, name: &str, email: Option<&str>, language: &str) -> i64 {
    let mut input = client_input(name, email.map(|e| vec![e.to_string()]).unwrap_or_default());
    input.language = language.into();
    create_client(c, &input).await
}

async fn invoice(c: Ctx<'_>, client_id: i64, issue: &str, due: &str, currency: &str, price: &str) -> i64 {
    create_invoice(c, &issued_invoice(client_id, issue, due, currency, vec![line("Design work", "1", price, "")])).await
}

async fn pay_on(c: Ctx<'_>, invoice_id: i64, amount: &str, day: &str) {
    let p = PaymentInput {
        invoice_id,
        amount: amount.into(),
        date: day.into(),
        method: kindly_core::payment::PaymentMethod::BankTransfer,
        ..Default::default()
    };
    kindly_api::payments::record(c, &p).await.expect("payment");
}

async fn kinds(c: Ctx<'_>, client_id: i64) -> Vec<EventKind> {
    c.store.client_timeline(client_id, 500).await.expect("timeline").into_iter().map(|e| e.kind).collect()
}

/// A client with two EUR invoices (one partly paid) and one USD invoice.
async fn two_currencies(c: Ctx<'_>, name: &str, email: Option<&str>, language: &str) -> i64 {
    let id = client(c, name, email, language).await;
    let a = invoice(c, id, "2026-09-01", "2026-10-01", "EUR", "1200.50").await;
    invoice(c, id, "2026-11-10", "2026-12-10", "EUR", "300").await;
    let u = invoice(c, id, "2026-10-05", "2026-11-04", "USD", "80").await;
    pay_on(c, a, "200.50", "2026-10-15").await;
    pay_on(c, u, "30", "2026-11-01").await;
    id
}

#[tokio::test]
async fn the_pdf_lists_each_currency_apart_in_the_clients_language() {
    let d = open_business_db().await;
    let c = on(&d.store, "2026-11-23");
    let en = two_currencies(c, "Zoë Ångström", None, "en").await;
    let de = two_currencies(c, "Jürgen Weiß", None, "de").await;

    let r = statement_pdf(c, fonts(), &req(en)).await.expect("statement");
    assert_eq!(r.invoices, 3);
    assert_eq!(r.print_state, "saved");
    let b: Vec<(&str, &str)> = r.balances.iter().map(|m| (m.currency.as_str(), m.amount.as_str())).collect();
    assert_eq!(b, [("EUR", "1300.00"), ("USD", "50.00")]);
    assert!(r.path.contains("/statements/statement-"), "{}", r.path);
    let bytes = std::fs::read(&r.path).expect("kept pdf");
    assert_eq!(r.sha256, format!("{:x}", <sha2::Sha256 as sha2::Digest>::digest(&bytes)));
    let text = pdftotext(&r.path);
    for must in [
        "Statement of account",
        "Dear Zoë,",
        "23 November 2026",
        "Open invoices in EUR",
        "Open invoices in USD",
        "INV-2026-0001",
        "€1,200.50",
        "€200.50",
        "€1,000.00",
        "Balance in EUR: €1,300.00",
        "Balance in USD: $50.00",
        "Payments received since 1 September 2026",
        "Payments received since 5 October 2026",
        "if you have paid in the meantime",
        "IBAN DE89 3704 0044 0532 0130 00",
        "Scan with your banking",
        "Page 1 of 2",
        "Ada Lovelace",
    ] {
        assert!(text.to_lowercase().contains(&must.to_lowercase()), "the statement lacks {must}:\n{text}");
    }
    // 53 days overdue on the first EUR invoice; the one not yet due shows no number.
    assert!(text.contains("53"), "{text}");
    // Amounts in different currencies are never added together.
    assert!(!text.contains("1,350") && !text.contains("1350"), "{text}");
    // Making a PDF records nothing.
    assert!(!kinds(c, en).await.iter().any(|k| matches!(k, EventKind::StatementSent | EventKind::StatementPrinted)));

    let r = statement_pdf(c, fonts(), &req(de)).await.expect("statement");
    let text = pdftotext(&r.path);
    for must in [
        "Kontoauszug",
        "Hallo Jürgen,",
        "23. November 2026",
        "Offene Rechnungen in EUR",
        "Saldo in EUR: 1.300,00",
        "Saldo in USD: 50,00",
        "Zahlungseingänge seit dem 1. September 2026",
        "Überweisung",
        "gegenstandslos",
        "Seite 1 von 2",
        "Herzliche Grüße",
    ] {
        assert!(text.contains(must), "the German statement lacks {must}:\n{text}");
    }
    assert!(!text.contains("Statement of account"), "{text}");
}

#[tokio::test]
async fn three_hundred_invoices_flow_onto_pages_with_the_header_repeated() {
    let d = open_business_db().await;
    let c = on(&d.store, "2026-11-23");
    let id = client(c, "Many Invoices Ltd", None, "en").await;
    for i in 0..300 {
        let day = format!("2026-{:02}-{:02}", 1 + i % 10, 1 + i % 28);
        invoice(c, id, &day, &day, "EUR", &format!("{}.{:02}", 10 + i, i % 100)).await;
    }
    let r = statement_pdf(c, fonts(), &StatementRequest { client_id: id, page_size: Some(PageSize::Letter) })
        .await
        .expect("statement");
    assert_eq!(r.invoices, 300);
    let text = pdftotext(&r.path);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    let n = pages.len();
    assert!(n >= 6, "300 invoices need several pages, got {n}");
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains(&format!("Page {} of {n}", i + 1)), "page {} lacks its number", i + 1);
    }
    for p in &pages[1..n - 1] {
        assert!(p.contains("Still owing") && p.contains("overdue"), "the header is not repeated:\n{p}");
    }
    for k in 1..=300 {
        assert_eq!(text.matches(&format!("INV-2026-{k:04}")).count(), 1, "invoice {k}");
    }
    assert!(pages[n - 1].contains("Balance in EUR:"), "the last page has the balance:\n{}", pages[n - 1]);
    assert!(pages[n - 1].contains("Kind regards,"));
}

fn smtp_settings(port: u16) -> SmtpSettingsInput {
    SmtpSettingsInput {
        host: "localhost".into(),
        port: port.into(),
        security: kindly_mail::Security::Starttls,
        username: USER.into(),
        from_name: "Ada Studio".into(),
        from_address: "ada@example.com".into(),
        reply_to: String::new(),
        bcc_self: false,
        trusted_certificate: test_ca().ca_pem.clone(),
        timeout_secs: Some(5),
        password: Some(mail::Secret::from(PASSWORD)),
    }
}

#[tokio::test]
async fn the_e_mail_carries_the_pdf_and_the_balance_once_a_day() {
    let d = open_business_db().await;
    let c = on(&d.store, "2026-11-23");
    let srv = SmtpServer::start("normal");
    mail::save(c, &smtp_settings(srv.port)).await.expect("smtp settings");
    let id = two_currencies(c, "Zoë Ångström", Some("zoe@example.net"), "fr").await;

    let q = email_statement(c, fonts(), &req(id)).await.expect("queued");
    assert!(q.newly_queued);
    assert_eq!(q.state, "queued");
    assert_eq!(q.to, ["Zoë Ångström <zoe@example.net>"]);
    // A second click the same day finds the first message.
    let again = email_statement(c, fonts(), &req(id)).await.expect("idempotent");
    assert_eq!((again.outbox_id, again.newly_queued), (q.outbox_id, false));
    let statements = "SELECT COUNT(*) FROM outbox WHERE kind = 'statement'";
    assert_eq!(raw_count(&d.path, statements).await, 1);

    // Survives a restart: a new store on the same file sends it.
    let store = d.reopen().await;
    d.store.close().await;
    let c = on(&store, "2026-11-23");
    let never = AtomicBool::new(false);
    let report = outbox::send_queued(c, &chrono::Utc::now, None, &mut |_| {}, &never).await.expect("send");
    assert_eq!((report.sent, report.failed), (1, 0), "{:?}", report.stopped);

    let got = srv.messages();
    assert_eq!(got.len(), 1);
    let m = MessageParser::default().parse(&got[0]).expect("parse");
    assert_eq!(m.subject(), Some("Votre relevé de compte au 23 novembre 2026"));
    let text = m.body_text(0).expect("text part");
    let fr = |minor: i64, cur: &str| {
        kindly_core::Money::new(minor, kindly_core::Currency::parse(cur).expect("currency"))
            .format(kindly_core::locale::Locale::Fr)
    };
    let (eur, usd) = (fr(130_000, "EUR"), fr(5_000, "USD"));
    let (eur_line, usd_line) = (format!("- {eur} (2 factures)"), format!("- {usd} (1 facture)"));
    for must in ["Bonjour Zoë", eur_line.as_str(), usd_line.as_str(), "ne tenez pas compte"] {
        assert!(text.contains(must), "the e-mail lacks {must}:\n{text}");
    }
    let pdf = m.attachments().next().expect("the statement attached");
    assert_eq!(pdf.attachment_name(), Some("Relevé_de_compte-2026-11-23.pdf"));
    assert!(pdf.contents().starts_with(b"%PDF-"));
    let file = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(file.path(), pdf.contents()).expect("write");
    let pdf_text = pdftotext(&file.path().display().to_string());
    assert!(
        pdf_text.contains("Relevé de compte")
            && pdf_text.contains(&format!("Solde en EUR : {}", eur.replace(['\u{202f}', '\u{a0}'], " "))),
        "{pdf_text}"
    );

    // Recorded once, as a contact with the client (and each invoice's contact of the day).
    let tl = store.client_timeline(id, 100).await.expect("timeline");
    let sent: Vec<_> = tl.iter().filter(|e| e.kind == EventKind::StatementSent).collect();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].invoice_id, None);
    assert_eq!(sent[0].data["channel"], "email");
    assert_eq!(sent[0].data["invoices"].as_array().map(Vec::len), Some(3));
    let contacted = "SELECT COUNT(*) FROM followups WHERE last_contact_on = '2026-11-23'";
    assert_eq!(raw_count(&d.path, contacted).await, 3);
    // Still once a day after sending; the next day is a new statement.
    let again = email_statement(c, fonts(), &req(id)).await.expect("idempotent after sending");
    assert_eq!((again.outbox_id, again.newly_queued, again.state.as_str()), (q.outbox_id, false, "sent"));
    let next = email_statement(on(&store, "2026-11-24"), fonts(), &req(id)).await.expect("next day");
    assert!(next.newly_queued && next.outbox_id != q.outbox_id);

    // The evidence dossier lists the entry and its .eml.
    let dossier = kindly_api::dossier::DossierRequest { client_id: id, ..Default::default() };
    let r = kindly_api::dossier::export(c, fonts(), &dossier).await.expect("dossier");
    let csv = std::fs::read_to_string(&r.csv_path).expect("csv");
    // In the client's language (French here), never the raw kind.
    assert!(csv.contains("Relevé de compte envoyé") && !csv.contains("statement_sent"), "{csv}");
    assert!(r.files.iter().any(|f| f.entry_id == sent[0].id && f.status == "ok"), "{:?}", r.files);
}

#[tokio::test]
async fn printing_is_recorded_only_when_the_printer_took_it() {
    let d = open_business_db().await;
    let c = on(&d.store, "2026-11-23");
    let tools = tempfile::tempdir().expect("tmp");
    let id = two_currencies(c, "Bob Builder", None, "en").await;

    let e = print_statement(c, fonts(), &fake_printer(tools.path(), false), &req(id)).await.unwrap_err();
    assert_eq!(e.code, "not_printed");
    assert!(e.message.contains("printer or class does not exist"), "{}", e.message);
    assert!(!kinds(c, id).await.contains(&EventKind::StatementPrinted));

    let r = print_statement(c, fonts(), &fake_printer(tools.path(), true), &req(id)).await.expect("printed");
    assert_eq!((r.print_state.as_str(), r.job_id.as_deref()), ("printed", Some("Office-7")));
    let tl = d.store.client_timeline(id, 100).await.expect("timeline");
    let printed: Vec<_> = tl.iter().filter(|e| e.kind == EventKind::StatementPrinted).collect();
    assert_eq!(printed.len(), 1);
    assert_eq!(printed[0].data["sha256"], r.sha256.as_str());
    assert_eq!(printed[0].data["job_id"], "Office-7");
    assert_eq!(printed[0].data["files"][0]["kind"], "pdf");

    // A statement the viewer showed is recorded on the user's word, and only a kept statement.
    let shown = statement_pdf(c, fonts(), &req(id)).await.expect("made");
    confirm_statement_printed(c, &StatementPrintedRequest { client_id: id, path: shown.path.clone() })
        .await
        .expect("confirmed");
    assert_eq!(kinds(c, id).await.iter().filter(|k| **k == EventKind::StatementPrinted).count(), 2);
    // A file of the data folder that Kindly did not keep.
    let stray = d.dir.path().join("stray.pdf");
    std::fs::write(&stray, b"%PDF-1.4 not kept").expect("stray file");
    let stray = stray.display().to_string();
    let e = confirm_statement_printed(c, &StatementPrintedRequest { client_id: id, path: stray }).await.unwrap_err();
    assert_eq!(e.code, "not_a_kept_file");

    let dossier = kindly_api::dossier::DossierRequest { client_id: id, ..Default::default() };
    let r = kindly_api::dossier::export(c, fonts(), &dossier).await.expect("dossier");
    assert!(std::fs::read_to_string(&r.csv_path).expect("csv").contains("Statement of account printed"));
    assert!(r.files.iter().any(|f| f.entry_id == printed[0].id && f.status == "ok"), "{:?}", r.files);
}

#[tokio::test]
async fn refusals_name_what_is_missing() {
    // No business profile: nothing leaves.
    let d = open_db().await;
    let c = on(&d.store, "2026-11-23");
    let id = two_currencies(c, "Zoë Ångström", Some("zoe@example.net"), "en").await;
    let e = statement_pdf(c, fonts(), &req(id)).await.unwrap_err();
    assert_eq!((e.code.as_str(), e.field.as_deref()), ("profile_incomplete", Some("business_name")));
    assert!(e.message.contains("postal address"), "{}", e.message);
    let e = email_statement(c, fonts(), &req(id)).await.unwrap_err();
    assert_eq!(e.code, "profile_incomplete");
    assert!(!e.message.contains("postal address"), "an e-mail needs no postal address: {}", e.message);

    let d = open_business_db().await;
    let c = on(&d.store, "2026-11-23");
    let srv = SmtpServer::start("normal");
    mail::save(c, &smtp_settings(srv.port)).await.expect("smtp settings");
    // No e-mail address: said so, nothing queued.
    let no_mail = two_currencies(c, "Paper Only", None, "en").await;
    let e = email_statement(c, fonts(), &req(no_mail)).await.unwrap_err();
    assert_eq!(e.code, "no_email");
    assert!(e.message.contains("Paper Only has no e-mail address"), "{}", e.message);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM outbox").await, 0);
    // Nothing owing: no empty statement.
    let settled = client(c, "All Paid", Some("paid@example.net"), "en").await;
    let inv = invoice(c, settled, "2026-10-01", "2026-10-31", "EUR", "100").await;
    pay_on(c, inv, "100", "2026-10-20").await;
    for e in [
        statement_pdf(c, fonts(), &req(settled)).await.unwrap_err(),
        email_statement(c, fonts(), &req(settled)).await.unwrap_err(),
    ] {
        assert_eq!(e.code, "nothing_owing");
        assert!(e.message.starts_with("All Paid owes nothing"), "{}", e.message);
    }
    assert_eq!(srv.count(), 0);
}

/// Regression: after a partial credit note, the statement's "Paid" column
/// counted the credit as money received. Credits now have their own column
/// (only when a credit note exists), and each row still adds up.
#[tokio::test]
async fn a_credit_note_has_its_own_column_and_paid_is_money_received() {
    let d = open_business_db().await;
    let c = on(&d.store, "2026-11-23");
    let id = client(c, "Cora Credit", None, "en").await;
    let inv = invoice(c, id, "2026-10-01", "2026-10-31", "EUR", "1000.00").await;
    pay_on(c, inv, "300.00", "2026-11-02").await;
    let before = pdftotext(&statement_pdf(c, fonts(), &req(id)).await.expect("statement").path);
    assert!(!before.contains("Credited"), "no credit column without a credit note:\n{before}");
    let note = kindly_api::corrections::CreditNoteInput {
        invoice_id: inv,
        amount: "200.00".into(),
        reason: "Two days not worked".into(),
        date: "2026-11-10".into(),
    };
    kindly_api::corrections::credit(c, &note).await.expect("credit note");
    let r = statement_pdf(c, fonts(), &req(id)).await.expect("statement");
    let b: Vec<&str> = r.balances.iter().map(|m| m.amount.as_str()).collect();
    assert_eq!(b, ["500.00"]);
    let text = pdftotext(&r.path);
    let row =
        text.lines().find(|l| l.contains("INV-2026-0001") && l.contains("€1,000.00")).unwrap_or_default().to_string();
    let cells: Vec<&str> = row.split_whitespace().filter(|w| w.starts_with('€')).collect();
    assert_eq!(
        cells,
        ["€1,000.00", "€200.00", "€300.00", "€500.00"],
        "total, credited, paid, owing in {row:?}\n{text}"
    );
    assert!(text.contains("Credited"), "{text}");
}

//! CSV import and export on real SQLite files: the dry run reports every
//! problem by row and column and writes nothing, the import is all or
//! nothing, the same file twice adds nothing, duplicate invoice numbers are
//! caught, a file above the limit is refused, export → import into an empty
//! database gives the same records, and a kill -9 of `kindly import csv`
//! leaves the data as it was or fully imported.

use kindly_api::export::{self, ExportRequest};
use kindly_api::import::{self, ImportDetectRequest, ImportRequest};
use kindly_api::{Ctx, ErrorCode};
use kindly_csv::{ExportKind, ImportKind, ImportPreset, Mapping};
use kindly_store::Store;
use kindly_tests::{client_input, create_client, create_invoice, issued_invoice, line, on, open_db, pay, raw_count};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write csv");
    p.display().to_string()
}

async fn mapping(ctx: Ctx<'_>, path: &str, kind: ImportKind) -> Mapping {
    import::detect(ctx, &ImportDetectRequest { path: path.into(), kind, preset: None }).await.expect("detect").mapping
}

async fn counts(path: &Path) -> (i64, i64, i64, i64) {
    (
        raw_count(path, "SELECT COUNT(*) FROM clients").await,
        raw_count(path, "SELECT COUNT(*) FROM invoices").await,
        raw_count(path, "SELECT COUNT(*) FROM payments").await,
        raw_count(path, "SELECT COUNT(*) FROM timeline").await,
    )
}

const INVOICES: &str =
    "Invoice number;Client;E-Mail;Rechnungsdatum;Fällig am;Währung;Beschreibung;Menge;Einzelpreis;MwSt-Satz;Bezahlt\n\
R-1;Zoë Ångström;zoe@example.com;01.10.2026;31.10.2026;EUR;Design;2;100,00;19;0\n\
R-1;Zoë Ångström;zoe@example.com;01.10.2026;31.10.2026;EUR;Hosting;1;10,50;19;0\n\
R-2;Mads Berg;;02.10.2026;01.11.2026;EUR;Logo;1;1.200,00;0;200,00\n";

#[tokio::test]
async fn invoices_with_lines_import_once_and_a_second_time_add_nothing() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let files = tempfile::tempdir().unwrap();
    let path = write(files.path(), "inv.csv", INVOICES.as_bytes());
    let m = mapping(ctx, &path, ImportKind::Invoices).await;
    assert_eq!(m.delimiter, ";");
    assert_eq!(m.decimal, kindly_csv::DecimalSeparator::Comma);
    assert_eq!(m.date_format, kindly_csv::DateFormat::DayMonthYearDots);
    let req = ImportRequest { path: path.clone(), mapping: m };
    let dry = import::dry_run(ctx, &req).await.expect("dry run");
    assert!(dry.problems.is_empty(), "{:?}", dry.problems);
    assert_eq!((dry.new_invoices, dry.new_clients), (2, 2));
    assert_eq!(counts(&d.path).await, (0, 0, 0, 0), "a dry run writes nothing");
    let r = import::apply(ctx, &req).await.expect("import");
    assert!(r.written);
    let (c, i, p, _) = counts(&d.path).await;
    assert_eq!((c, i, p), (2, 2, 1));
    let inv = kindly_api::invoices::get(ctx, 1).await.expect("invoice");
    assert_eq!(inv.number, "R-1");
    assert_eq!(inv.totals.total.amount, "250.50");
    assert_eq!(inv.lines.len(), 2);
    let inv2 = kindly_api::invoices::get(ctx, 2).await.expect("invoice");
    assert_eq!(inv2.paid.amount, "200.00");
    // On the ladder like an invoice typed by hand.
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM followups").await, 2);
    let before = counts(&d.path).await;
    let again = import::apply(ctx, &req).await.expect("again");
    assert_eq!(again.summary, "0 new, 2 already in Kindly");
    assert_eq!(counts(&d.path).await, before, "the same file again adds nothing");
}

#[tokio::test]
async fn the_dry_run_lists_every_problem_by_row_and_column_and_the_import_writes_nothing() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let files = tempfile::tempdir().unwrap();
    let text = "Invoice number,Client,Issue date,Due date,Currency,Total\n\
        A-1,Ann,2026-10-01,2026-10-31,EUR,100.00\n\
        A-2,Bob,2026-10-01,2026-10-31,EUR,\"1.234,50\"\n\
        A-3,Cy,2026-13-01,2026-10-31,EUR,10.00\n\
        A-4,Di,2026-10-01,2026-10-31,XYZ,10.00\n\
        A-5,Ed,2026-10-01\n\
        A-1,Someone else,2026-10-01,2026-10-31,EUR,5.00\n\
        A-6,Flo,2026-10-01,2026-10-31,EUR,10.00,extra\n";
    let path = write(files.path(), "bad.csv", text.as_bytes());
    let m = mapping(ctx, &path, ImportKind::Invoices).await;
    let req = ImportRequest { path, mapping: m };
    let r = import::dry_run(ctx, &req).await.expect("dry run");
    let got: Vec<(u64, &str)> = r.problems.iter().map(|p| (p.row, p.column.as_str())).collect();
    assert_eq!(
        got,
        vec![(3, "Total"), (4, "Issue date"), (5, "Currency"), (6, ""), (7, "Client"), (8, "")],
        "{:#?}",
        r.problems
    );
    assert!(r.problems[0].message.contains("decimal comma"), "{}", r.problems[0].message);
    let e = import::apply(ctx, &req).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::ImportHasProblems);
    assert_eq!(counts(&d.path).await, (0, 0, 0, 0), "all or nothing");
}

#[tokio::test]
async fn an_invoice_number_already_in_kindly_with_other_data_is_a_problem() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let ann = create_client(ctx, &client_input("Ann Lee", vec!["ann@example.com".into()])).await;
    let id = create_invoice(
        ctx,
        &issued_invoice(ann, "2026-10-01", "2026-10-31", "EUR", vec![line("Work", "1", "100", "")]),
    )
    .await;
    let number = kindly_api::invoices::get(ctx, id).await.unwrap().number;
    let files = tempfile::tempdir().unwrap();
    let text = format!(
        "Invoice number,Client,Issue date,Due date,Currency,Total\n{number},Ann Lee,2026-10-01,2026-10-31,EUR,100.00\n{number},Ann Lee,2026-10-01,2026-10-31,EUR,999.00\n"
    );
    let path = write(files.path(), "dup.csv", text.as_bytes());
    let m = mapping(ctx, &path, ImportKind::Invoices).await;
    let r = import::dry_run(ctx, &ImportRequest { path, mapping: m }).await.unwrap();
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert_eq!((r.problems[0].row, r.problems[0].column.as_str()), (3, "Invoice number"));
}

#[tokio::test]
async fn payments_match_invoices_by_number_and_are_kept_once() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let ann = create_client(ctx, &client_input("Ann Lee", vec![])).await;
    let id = create_invoice(
        ctx,
        &issued_invoice(ann, "2026-10-01", "2026-10-31", "EUR", vec![line("Work", "1", "100", "")]),
    )
    .await;
    let number = kindly_api::invoices::get(ctx, id).await.unwrap().number;
    let files = tempfile::tempdir().unwrap();
    let text = format!(
        "Invoice,Payment date,Amount,Method,Reference\n{number},2026-11-02,40.00,Überweisung,T1\n{number},2026-11-03,60.00,card,T2\nNOPE,2026-11-03,1.00,,\n"
    );
    let path = write(files.path(), "pay.csv", text.as_bytes());
    let m = mapping(ctx, &path, ImportKind::Payments).await;
    let req = ImportRequest { path: path.clone(), mapping: m.clone() };
    let r = import::dry_run(ctx, &req).await.unwrap();
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].row, 4);
    let good = write(files.path(), "pay2.csv", text.lines().take(3).collect::<Vec<_>>().join("\n").as_bytes());
    let req = ImportRequest { path: good, mapping: m };
    let r = import::apply(ctx, &req).await.unwrap();
    assert_eq!(r.new_payments, 2);
    assert_eq!(kindly_api::invoices::get(ctx, id).await.unwrap().paid.amount, "100.00");
    let r = import::apply(ctx, &req).await.unwrap();
    assert_eq!(r.summary, "0 new, 2 already in Kindly");
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM payments").await, 2);
}

#[tokio::test]
async fn a_file_above_the_limit_is_refused_before_it_is_read() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let files = tempfile::tempdir().unwrap();
    let p = files.path().join("huge.csv");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(100 * 1000 * 1000).unwrap(); // sparse: 100 MB without writing it
    let e = import::detect(
        ctx,
        &ImportDetectRequest { path: p.display().to_string(), kind: ImportKind::Clients, preset: None },
    )
    .await
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::ImportFileTooLarge);
    assert!(e.message.contains("100 MB") && e.message.contains("67 MB"), "{}", e.message);
}

#[tokio::test]
async fn export_then_import_into_an_empty_database_gives_the_same_records() {
    let src = open_db().await;
    let ctx = on(&src.store, "2026-11-30");
    let ann =
        create_client(ctx, &client_input("Zoë \"Z\" Ångström", vec!["zoe@example.com".into(), "z@example.org".into()]))
            .await;
    let bob = create_client(ctx, &client_input("=cmd|' /C calc'!A0", vec![])).await;
    let i1 = create_invoice(
        ctx,
        &issued_invoice(
            ann,
            "2026-10-01",
            "2026-10-31",
            "EUR",
            vec![line("Design, phase 1", "1.5", "80", "19"), line("-Hosting", "1", "9.99", "7")],
        ),
    )
    .await;
    let i2 = create_invoice(
        ctx,
        &issued_invoice(bob, "2026-09-01", "2026-09-15", "JPY", vec![line("Work", "3", "5000", "")]),
    )
    .await;
    pay(ctx, i1, "50.00").await;
    pay(ctx, i2, "15000").await;
    // Corrections: a partial credit note and a payment recorded by mistake
    // (reversed) on i1, and an invoice credited in full.
    let credit = |invoice_id: i64, amount: &str| kindly_api::corrections::CreditNoteInput {
        invoice_id,
        amount: amount.into(),
        reason: "Returned goods".into(),
        date: String::new(),
    };
    kindly_api::corrections::credit(ctx, &credit(i1, "30.00")).await.unwrap();
    pay(ctx, i1, "20.00").await;
    let mistake = kindly_api::invoices::get(ctx, i1).await.unwrap().payments.iter().map(|p| p.id).max().unwrap();
    let reversal = kindly_api::corrections::ReversalInput {
        payment_id: mistake,
        reason: "Another client's payment".into(),
        date: String::new(),
    };
    kindly_api::corrections::reverse(ctx, &reversal).await.unwrap();
    let i3 = create_invoice(
        ctx,
        &issued_invoice(ann, "2026-10-05", "2026-11-04", "EUR", vec![line("Workshop", "1", "400", "19")]),
    )
    .await;
    kindly_api::corrections::credit(ctx, &credit(i3, "")).await.unwrap();
    let files = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (k, name) in [
        (ExportKind::Clients, "c.csv"),
        (ExportKind::Invoices, "i.csv"),
        (ExportKind::Payments, "p.csv"),
        (ExportKind::Timeline, "t.csv"),
    ] {
        let path = files.path().join(name).display().to_string();
        export::export(ctx, &ExportRequest { kind: k, path: path.clone() }).await.expect("export");
        paths.push(path);
    }
    // Paid is money received net of returns; credits have their own column.
    let invoices_csv = std::fs::read_to_string(&paths[1]).unwrap();
    let header = invoices_csv.lines().next().unwrap();
    assert!(header.ends_with(",Credited (credit notes),Paid so far (see the payments file)"), "{header}");
    let i1_row = invoices_csv.lines().find(|l| l.contains("Design, phase 1")).unwrap();
    assert!(i1_row.ends_with(",30.00,50.00"), "{i1_row}");
    let i3_row = invoices_csv.lines().find(|l| l.contains("Workshop")).unwrap();
    assert!(i3_row.ends_with(",476.00,0.00"), "{i3_row}");
    let payments_csv = std::fs::read_to_string(&paths[2]).unwrap();
    assert!(!payments_csv.contains("20.00"), "a reversed payment is no payment: {payments_csv}");
    let clients_csv = std::fs::read_to_string(&paths[0]).unwrap();
    assert!(clients_csv.contains("\"'=cmd|' /C calc'!A0\""), "{clients_csv}");
    assert!(clients_csv.ends_with("\r\n"));

    let dst = open_db().await;
    let dctx = on(&dst.store, "2026-11-30");
    for (path, kind) in
        [(&paths[0], ImportKind::Clients), (&paths[1], ImportKind::Invoices), (&paths[2], ImportKind::Payments)]
    {
        let p = import::detect(dctx, &ImportDetectRequest { path: path.clone(), kind, preset: None }).await.unwrap();
        assert_eq!(p.detected_preset, Some(ImportPreset::Kindly));
        let r = import::apply(dctx, &ImportRequest { path: path.clone(), mapping: p.mapping }).await.expect("import");
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }
    for id in [ann, bob] {
        let a = kindly_api::clients::get(ctx, id).await.unwrap();
        let b = kindly_api::clients::get(dctx, id).await.unwrap();
        assert_eq!(serde_json::to_value(&a.client).unwrap(), serde_json::to_value(&b.client).unwrap());
    }
    for id in [i1, i2, i3] {
        let a = kindly_api::invoices::get(ctx, id).await.unwrap();
        let b = kindly_api::invoices::get(dctx, id).await.unwrap();
        for field in [
            "number",
            "client_name",
            "status",
            "state",
            "issue_date",
            "due_date",
            "currency",
            "lines",
            "totals",
            "paid",
            "credited",
            "client_credit",
            "fully_credited",
            "outstanding",
            "notes",
        ] {
            let va = serde_json::to_value(&a).unwrap()[field].clone();
            let vb = serde_json::to_value(&b).unwrap()[field].clone();
            assert_eq!(va, vb, "invoice {id}: {field}");
        }
        // The payments that count (a reversed one was never money received).
        let pa: Vec<_> = a
            .payments
            .iter()
            .filter(|p| p.reversed_on.is_none())
            .map(|p| (p.amount.amount.clone(), p.paid_on.clone(), p.method))
            .collect();
        let pb: Vec<_> = b.payments.iter().map(|p| (p.amount.amount.clone(), p.paid_on.clone(), p.method)).collect();
        assert_eq!(pa, pb);
        let ca: Vec<_> = a.credit_notes.iter().map(|n| (n.amount.amount.clone(), n.parts.len())).collect();
        let cb: Vec<_> = b.credit_notes.iter().map(|n| (n.amount.amount.clone(), n.parts.len())).collect();
        assert_eq!(ca, cb, "invoice {id}: credit notes");
    }
}

/// kill -9 of `kindly import csv` mid-way leaves nothing or everything.
#[tokio::test]
async fn an_import_killed_midway_leaves_the_data_as_it_was() {
    if kindly_tests::sqlite_only("the SQLite file's integrity after a kill") {
        return;
    }
    let d = open_db().await;
    let files = tempfile::tempdir().unwrap();
    let mut text =
        String::from("Invoice number,Client,Issue date,Due date,Currency,Description,Quantity,Unit price,Tax rate\n");
    for i in 0..20_000 {
        text.push_str(&format!("K-{i},Client {},2026-10-01,2026-10-31,EUR,Work,1,{}.00,19\n", i % 500, 10 + i % 90));
    }
    let path = write(files.path(), "big.csv", text.as_bytes());
    let data_dir: PathBuf = d.dir.path().to_path_buf();
    d.store.clone().close().await;
    let kindly = kindly_tests::binary("kindly");
    let args = |extra: &[&str]| {
        let mut a =
            vec!["--data-dir".to_string(), data_dir.display().to_string(), "--today".into(), "2026-11-30".into()];
        a.extend(extra.iter().map(|s| s.to_string()));
        a.extend(["import", "csv", &path, "--kind", "invoices"].iter().map(|s| s.to_string()));
        a
    };
    for delay_ms in [50u64, 200, 500, 900] {
        kindly_tests::kindly_killed_after(&args(&[]), delay_ms);
        let store = Store::open(&data_dir.join("kindly.db")).await.expect("reopen");
        let invoices = raw_count(store.path(), "SELECT COUNT(*) FROM invoices").await;
        let clients = raw_count(store.path(), "SELECT COUNT(*) FROM clients").await;
        assert!(invoices == 0 || invoices == 20_000, "after {delay_ms} ms: {invoices} invoices");
        assert!(clients == 0 || clients == 500, "after {delay_ms} ms: {clients} clients");
        assert_eq!(
            raw_count(store.path(), "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'").await,
            1
        );
        store.close().await;
        if invoices > 0 {
            break;
        }
    }
    let out = std::process::Command::new(&kindly).args(args(&["--json"])).output().expect("kindly");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = Store::open(&data_dir.join("kindly.db")).await.expect("reopen");
    assert_eq!(raw_count(store.path(), "SELECT COUNT(*) FROM invoices").await, 20_000);
}

#[tokio::test]
async fn the_cli_lists_problems_and_exits_refused() {
    let d = open_db().await;
    let dir = d.dir.path().to_path_buf();
    d.store.clone().close().await;
    let files = tempfile::tempdir().unwrap();
    let path = write(files.path(), "c.csv", "Name,Email\nAnn,ann@example.com\nBob,not-an-email\n".as_bytes());
    let (code, out, _) =
        kindly_tests::run_kindly(&dir, Some("2026-11-30"), &["import", "csv", &path, "--kind", "clients"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("row 3, column “Email”"), "{out}");
    let good = write(files.path(), "g.csv", "Name,Email\nAnn,ann@example.com\n".as_bytes());
    let v = kindly_tests::kindly_json(
        &dir,
        Some("2026-11-30"),
        &["import", "csv", &good, "--kind", "clients", "--dry-run"],
    );
    assert_eq!(v["new_clients"], 1);
    assert_eq!(v["written"], false);
    let v = kindly_tests::kindly_json(&dir, Some("2026-11-30"), &["import", "csv", &good, "--kind", "clients"]);
    assert_eq!(v["summary"], "1 new, 0 already in Kindly");
    let out_path = files.path().join("out.csv").display().to_string();
    let v = kindly_tests::kindly_json(&dir, Some("2026-11-30"), &["export", "clients", "--out", &out_path]);
    assert_eq!(v["rows"], 1);
    assert!(std::fs::read_to_string(&out_path).unwrap().starts_with("Client ID,Name,"));
}

/// Regression (found seeding 2,000 demo clients on PostgreSQL): a client
/// list longer than one multi-row INSERT, some rows without a company or a
/// phone, imported whole. On PostgreSQL the second INSERT of the same shape
/// reused the statement the first one prepared, with a NULL's integer type
/// where it now bound a company's text: "incorrect binary data format in
/// bind parameter", and nothing was imported.
#[tokio::test]
async fn regression_a_client_list_longer_than_one_insert_with_and_without_companies_imports_whole() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let files = tempfile::tempdir().unwrap();
    let mut csv = String::from("Client name,Company,E-mail,Phone\n");
    for i in 0..1_600 {
        let company = if i % 2 == 0 { String::new() } else { format!("Firm {i}") };
        let phone = if i % 3 == 0 { String::new() } else { format!("+44 20 7946 {i:04}") };
        csv.push_str(&format!("Client {i:04},{company},client{i}@example.com,{phone}\n"));
    }
    let path = write(files.path(), "clients.csv", csv.as_bytes());
    let m = mapping(ctx, &path, ImportKind::Clients).await;
    let r = import::apply(ctx, &ImportRequest { path, mapping: m }).await.expect("import");
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.written);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM clients").await, 1_600);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM clients WHERE company IS NULL").await, 800);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM clients WHERE phone IS NULL").await, 534);
}

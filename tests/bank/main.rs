//! Bank statements on real SQLite files: every matching tier, partial and
//! multi-invoice payments, debits, unrelated credits, re-imports and
//! overlaps recording nothing twice, review decisions, hostile files
//! refused with nothing recorded, and a kill -9 in the middle of an import.

use kindly_api::bank::{self, BankAllocation, BankImportRequest, BankResolveRequest, BankReviewRequest};
use kindly_api::clients::ClientInput;
use kindly_api::followups::{self, QueueRequest};
use kindly_api::Ctx;
use kindly_store::Store;
use kindly_tests::{
    camt053 as camt, client_input, create_client, create_invoice, issued_invoice, line, on, open_db, raw_count,
    StatementTx as Tx,
};
use std::path::{Path, PathBuf};

async fn client(ctx: Ctx<'_>, name: &str) -> i64 {
    let emails = vec![format!("{}@example.com", name.split(' ').next().unwrap_or("x").to_lowercase())];
    // No address: these clients are chased by e-mail only.
    create_client(ctx, &ClientInput { address: String::new(), ..client_input(name, emails) }).await
}

/// An issued EUR invoice; returns (id, number, creditor reference).
async fn invoice(ctx: Ctx<'_>, client_id: i64, price: &str) -> (i64, String, String) {
    let input = issued_invoice(client_id, "2026-10-01", "2026-10-31", "EUR", vec![line("Design", "1", price, "")]);
    let id = create_invoice(ctx, &input).await;
    let detail = kindly_api::invoices::get(ctx, id).await.expect("invoice detail");
    let rf = detail.creditor_reference.clone().expect("every invoice has a creditor reference");
    (id, detail.number, rf)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write statement");
    p.display().to_string()
}

fn import_req(path: &str, dry_run: bool) -> BankImportRequest {
    BankImportRequest { path: path.into(), format: "auto".into(), dry_run, csv_mapping: None }
}

async fn queue_numbers(ctx: Ctx<'_>) -> Vec<String> {
    let page = followups::queue(ctx, &QueueRequest { client_id: None, offset: 0, limit: 1000, ..Default::default() })
        .await
        .expect("queue");
    let mut n: Vec<String> = page.items.into_iter().map(|i| i.number).collect();
    n.sort();
    n
}

#[tokio::test]
async fn a_statement_records_who_paid_and_today_shrinks_at_once() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let ana = client(ctx, "Ana Alves").await;
    let bea = client(ctx, "Bea Brandt").await;
    let carl = client(ctx, "Carl Cruz").await;
    let (i1, _n1, rf1) = invoice(ctx, ana, "120").await;
    let (i2, n2, _) = invoice(ctx, bea, "300").await;
    let (_i3, n3, _) = invoice(ctx, carl, "100").await;
    let (_i4, n4, _) = invoice(ctx, carl, "50.50").await;
    let (i5, _n5, rf5) = invoice(ctx, ana, "80").await;
    let (i6, _n6, _) = invoice(ctx, carl, "42").await;
    assert!(rf1.starts_with("RF") && kindly_bank::reference::validate(&rf1).is_ok(), "{rf1}");
    assert_eq!(queue_numbers(ctx).await.len(), 6, "all overdue before the statement");

    let files = tempfile::tempdir().unwrap();
    let day1 = camt(
        "2026-11-28",
        &[
            // Tier 1: the creditor reference, in full.
            Tx {
                id: "E1",
                amount: "120.00",
                credit: true,
                payer: "Ana Alves",
                iban: "PT50000201231234567890154",
                rf: Some(&rf1),
                text: "",
            },
            // Tier 2: the invoice number, a partial payment.
            Tx {
                id: "E2",
                amount: "100.00",
                credit: true,
                payer: "Brandt GmbH",
                iban: "DE02120300000000202051",
                rf: None,
                text: &format!("Rechnung {n2} Teilzahlung"),
            },
            // Tier 2: one transfer for two invoices of one client.
            Tx {
                id: "E3",
                amount: "150.50",
                credit: true,
                payer: "Carl Cruz",
                iban: "ES9121000418450200051332",
                rf: None,
                text: &format!("{n3} and {n4}"),
            },
            // More than the balance: never recorded on its own.
            Tx {
                id: "E4",
                amount: "95.00",
                credit: true,
                payer: "Ana Alves",
                iban: "PT50000201231234567890154",
                rf: Some(&rf5),
                text: "",
            },
            // Nobody owes this.
            Tx {
                id: "E5",
                amount: "12.34",
                credit: true,
                payer: "Someone Else",
                iban: "FR1420041010050500013M02606",
                rf: None,
                text: "Birthday present =HYPERLINK(\"http://x\")",
            },
            // Money out: not a payment.
            Tx {
                id: "E6",
                amount: "9.99",
                credit: false,
                payer: "Coffee Shop",
                iban: "DE44500105175407324931",
                rf: None,
                text: &n2,
            },
        ],
    );
    let path = write(files.path(), "2026-11-28.xml", &day1);

    // A dry run shows it all and records nothing.
    let dry = bank::import_statement(ctx, &import_req(&path, true)).await.expect("dry run");
    assert_eq!((dry.entries, dry.recorded, dry.payments, dry.review, dry.unmatched, dry.debits), (6, 3, 4, 1, 1, 1));
    assert_eq!(raw_count(d.store.path(), "SELECT COUNT(*) FROM payments").await, 0);
    assert_eq!(raw_count(d.store.path(), "SELECT COUNT(*) FROM bank_entries").await, 0);

    let r = bank::import_statement(ctx, &import_req(&path, false)).await.expect("import");
    assert_eq!((r.format.as_str(), r.entries, r.already_imported), ("camt", 6, 0));
    assert_eq!((r.recorded, r.payments, r.review, r.unmatched, r.debits), (3, 4, 1, 1, 1));
    assert_eq!(r.recorded_total.iter().map(|m| m.amount.as_str()).collect::<Vec<_>>(), ["370.50"]);
    let remitted = r.lines.iter().find(|l| l.remittance.contains("HYPERLINK")).expect("unmatched line");
    assert_eq!(remitted.remittance, "Birthday present =HYPERLINK(\"http://x\")", "kept verbatim, as data");
    // Paid in full: off Today at once; partly paid stays with its balance.
    assert_eq!(queue_numbers(ctx).await, {
        let mut v = vec![
            n2.clone(),
            kindly_api::invoices::get(ctx, i5).await.unwrap().number,
            kindly_api::invoices::get(ctx, i6).await.unwrap().number,
        ];
        v.sort();
        v
    });
    let inv1 = kindly_api::invoices::get(ctx, i1).await.unwrap();
    assert_eq!(inv1.payments.len(), 1);
    assert_eq!(inv1.payments[0].method, "bank_transfer");
    let inv2 = kindly_api::invoices::get(ctx, i2).await.unwrap();
    assert_eq!(inv2.outstanding.amount, "200.00");

    // The same file again, and an overlapping statement: nothing new.
    let again = bank::import_statement(ctx, &import_req(&path, false)).await.expect("re-import");
    assert_eq!((again.already_imported, again.payments, again.review), (6, 0, 0));
    let overlap = camt(
        "2026-11-28",
        &[Tx {
            id: "E1",
            amount: "120.00",
            credit: true,
            payer: "Ana Alves",
            iban: "PT50000201231234567890154",
            rf: Some(&rf1),
            text: "",
        }],
    );
    let p2 = write(files.path(), "overlap.xml", &overlap);
    let o = bank::import_statement(ctx, &import_req(&p2, false)).await.expect("overlap");
    assert_eq!((o.entries, o.already_imported, o.payments), (1, 1, 0));
    assert_eq!(raw_count(d.store.path(), "SELECT COUNT(*) FROM payments").await, 4);
    // Never more recorded from an entry than it credited.
    assert_eq!(
        raw_count(
            d.store.path(),
            "SELECT COUNT(*) FROM bank_entries e WHERE (SELECT COALESCE(SUM(amount_minor), 0) FROM payments p WHERE p.bank_entry_id = e.id) > e.amount_minor"
        )
        .await,
        0
    );

    // To review: the over-payment. Recording more than the balance is refused; the balance is accepted.
    let review = bank::to_review(ctx, &BankReviewRequest::default()).await.unwrap();
    assert_eq!(review.total, 2, "the over-payment, then the unrelated credit");
    let over = review.rows.iter().find(|e| e.status == "review").expect("review entry");
    assert_eq!(over.candidates.len(), 1);
    assert_eq!(over.candidates[0].invoice_id, i5);
    let id = over.id.expect("stored");
    let too_much = BankResolveRequest {
        entry_id: id,
        allocations: vec![BankAllocation { invoice_id: i5, amount: "95.00".into() }],
        ignore: false,
    };
    let e = bank::resolve(ctx, &too_much).await.unwrap_err();
    assert_eq!(e.code, "bank_allocation_refused", "{}", e.message);
    let ok = BankResolveRequest {
        entry_id: id,
        allocations: vec![BankAllocation { invoice_id: i5, amount: "80".into() }],
        ignore: false,
    };
    assert_eq!(bank::resolve(ctx, &ok).await.unwrap().status, "assigned");
    assert_eq!(bank::resolve(ctx, &ok).await.unwrap_err().code, "bank_entry_decided", "never decided twice");
    let unrelated = review.rows.iter().find(|e| e.status == "unmatched").expect("unmatched").id.unwrap();
    let ignore = BankResolveRequest { entry_id: unrelated, allocations: vec![], ignore: true };
    assert_eq!(bank::resolve(ctx, &ignore).await.unwrap().status, "ignored");
    assert_eq!(bank::to_review(ctx, &BankReviewRequest::default()).await.unwrap().total, 0);

    // Tier 3: Carl's IBAN is known now; an amount equal to a balance, no text: a guess to review.
    let day2 = camt(
        "2026-11-29",
        &[Tx {
            id: "F1",
            amount: "42.00",
            credit: true,
            payer: "C. Cruz",
            iban: "ES9121000418450200051332",
            rf: None,
            text: "",
        }],
    );
    let p3 = write(files.path(), "2026-11-29.xml", &day2);
    let t3 = bank::import_statement(ctx, &import_req(&p3, false)).await.unwrap();
    assert_eq!((t3.review, t3.payments), (1, 0));
    assert_eq!(t3.lines[0].tier, Some(3));
    assert_eq!(t3.lines[0].candidates[0].invoice_id, i6);
    let s = bank::status(ctx).await.unwrap();
    assert_eq!((s.to_review, s.stale), (1, false));
}

/// Regression (#18): why an entry was decided reached the Bank page as an
/// English sentence only. It is stored and shown as a kind and its facts,
/// for the UI to word in its language; entries imported before keep their
/// sentence, shown as recorded.
#[tokio::test]
async fn a_match_reason_reaches_the_screen_as_its_kind_and_facts() {
    use kindly_core::vocab::{BankFoundBy, BankReasonKind};
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let ana = client(ctx, "Ana Alves").await;
    let bea = client(ctx, "Bea Brandt").await;
    let (_i1, n1, rf1) = invoice(ctx, ana, "80").await;
    let (_i2, n2, _) = invoice(ctx, bea, "100").await;
    let files = tempfile::tempdir().unwrap();
    let day = camt(
        "2026-11-28",
        &[
            Tx {
                id: "R1",
                amount: "95.00",
                credit: true,
                payer: "Ana",
                iban: "PT50000201231234567890154",
                rf: Some(&rf1),
                text: "",
            },
            Tx {
                id: "R2",
                amount: "30.00",
                credit: true,
                payer: "Brandt GmbH",
                iban: "DE02120300000000202051",
                rf: None,
                text: &format!("Rechnung {n2}"),
            },
            Tx {
                id: "R3",
                amount: "7.00",
                credit: true,
                payer: "Nobody",
                iban: "FR1420041010050500013M02606",
                rf: None,
                text: "Gift",
            },
        ],
    );
    let path = write(files.path(), "reasons.xml", &day);
    let r = bank::import_statement(ctx, &import_req(&path, false)).await.expect("import");
    let kinds: Vec<BankReasonKind> = r.lines.iter().map(|l| l.why.as_ref().expect("a typed reason").kind).collect();
    assert_eq!(kinds, [BankReasonKind::MoreThanBalance, BankReasonKind::PartialPayment, BankReasonKind::NoMatch]);
    let partial = r.lines[1].why.as_ref().unwrap();
    assert_eq!(partial.found_by, Some(BankFoundBy::InvoiceNumber));
    assert_eq!(partial.invoice.as_deref(), Some(n2.as_str()));
    assert_eq!(partial.difference.as_ref().map(|m| m.amount.as_str()), Some("70.00"), "what stays open");
    // The recorded entry keeps its kind and facts in the database.
    assert_eq!(
        raw_count(
            d.store.path(),
            "SELECT COUNT(*) FROM bank_entries WHERE status = 'recorded' AND reason_kind = 'partial_payment'
               AND reason_facts LIKE '%\"difference_minor\":7000%'"
        )
        .await,
        1
    );

    // Read back for review: the same kind and facts, from the database.
    let review = bank::to_review(ctx, &BankReviewRequest::default()).await.unwrap();
    let over = review.rows.iter().find(|e| e.status == "review").expect("the over-payment");
    let why = over.why.as_ref().expect("stored as a kind and facts");
    assert_eq!(why.kind, BankReasonKind::MoreThanBalance);
    assert_eq!(why.found_by, Some(BankFoundBy::Reference));
    assert_eq!(why.references, [kindly_bank::reference::format_grouped(&rf1)]);
    assert_eq!(why.invoice.as_deref(), Some(n1.as_str()));
    let money = |m: &Option<kindly_api::views::MoneyView>| m.as_ref().map(|m| m.amount.clone());
    assert_eq!(
        (money(&why.amount), money(&why.balance), money(&why.difference)),
        (Some("95.00".into()), Some("80.00".into()), Some("15.00".into()))
    );
    assert!(over.reason.contains("15.00 EUR too much"), "the English sentence is kept too: {}", over.reason);
    let nothing = review.rows.iter().find(|e| e.status == "unmatched").expect("the gift");
    assert_eq!(nothing.why.as_ref().map(|w| w.kind), Some(BankReasonKind::NoMatch));

    // An entry imported before reasons had kinds: its sentence, as recorded.
    d.raw()
        .await
        .exec(
            "UPDATE bank_entries SET reason_kind = NULL, reason_facts = NULL, reason = 'Found by an older Kindly.'
             WHERE status = 'unmatched'",
            &[],
        )
        .await
        .unwrap();
    let review = bank::to_review(ctx, &BankReviewRequest::default()).await.unwrap();
    let old = review.rows.iter().find(|e| e.status == "unmatched").unwrap();
    assert!(old.why.is_none());
    assert_eq!(old.reason, "Found by an older Kindly.");
}

/// Regression (#18): a CSV column's role reached the UI as an English word
/// ("Booking date") that the page compared to translate; it is a closed
/// vocabulary now, labelled in the UI's language.
#[tokio::test]
async fn csv_column_roles_cross_as_a_vocabulary() {
    use kindly_core::vocab::BankCsvRole;
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let files = tempfile::tempdir().unwrap();
    let csv = "Buchungstag;Valuta;Auftraggeber/Empfänger;IBAN;Verwendungszweck;Soll;Haben;Währung\n\
               01.11.2026;01.11.2026;Ana Alves;DE02120300000000202051;INV 1;;100,00;EUR\n";
    let path = write(files.path(), "export.csv", csv);
    let m = bank::csv_mapping(ctx, &path).await.expect("mapping");
    let roles: Vec<(BankCsvRole, &str)> = m.roles.iter().map(|(r, c)| (*r, c.as_str())).collect();
    assert_eq!(
        roles,
        [
            (BankCsvRole::BookingDate, "Buchungstag"),
            (BankCsvRole::ValueDate, "Valuta"),
            (BankCsvRole::MoneyIn, "Haben"),
            (BankCsvRole::MoneyOut, "Soll"),
            (BankCsvRole::Currency, "Währung"),
            (BankCsvRole::Payer, "Auftraggeber/Empfänger"),
            (BankCsvRole::PayerIban, "IBAN"),
            (BankCsvRole::Remittance, "Verwendungszweck"),
        ]
    );
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["roles"][0], serde_json::json!(["booking_date", "Buchungstag"]), "the wire word, never English");
}

#[tokio::test]
async fn hostile_and_broken_files_are_refused_with_nothing_recorded() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let ana = client(ctx, "Ana Alves").await;
    let (_, _, rf) = invoice(ctx, ana, "120").await;
    let files = tempfile::tempdir().unwrap();
    let good = camt(
        "2026-11-28",
        &[Tx {
            id: "E1",
            amount: "120.00",
            credit: true,
            payer: "Ana",
            iban: "PT50000201231234567890154",
            rf: Some(&rf),
            text: "",
        }],
    );
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\
                <Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&lol2;</Document>";
    let external = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\
                    <Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&x;</Document>";
    let truncated = &good[..good.len() / 2];
    let garbage: Vec<u8> = (0..2_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("bomb.xml", bomb.as_bytes().to_vec(), "bank_xml_doctype_refused"),
        ("external.xml", external.as_bytes().to_vec(), "bank_xml_doctype_refused"),
        ("truncated.xml", truncated.as_bytes().to_vec(), ""),
        ("garbage.bin", garbage, ""),
        ("empty.xml", Vec::new(), "bank_file_empty"),
    ];
    for (name, bytes, code) in cases {
        let p = files.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let e = bank::import_statement(ctx, &import_req(&p.display().to_string(), false)).await.unwrap_err();
        assert!(e.code.as_str().starts_with("bank_"), "{name}: {} {}", e.code, e.message);
        if !code.is_empty() {
            assert_eq!(e.code, code, "{name}: {}", e.message);
        }
        assert!(!e.message.is_empty());
    }
    let missing = bank::import_statement(ctx, &import_req("/nonexistent/statement.xml", false)).await.unwrap_err();
    assert_eq!(missing.code, "file_not_found");
    assert_eq!(raw_count(d.store.path(), "SELECT COUNT(*) FROM bank_imports").await, 0);
    assert_eq!(raw_count(d.store.path(), "SELECT COUNT(*) FROM payments").await, 0);
}

/// kill -9 in the middle of a large import leaves all of it or none of it.
#[tokio::test]
async fn an_import_killed_midway_leaves_all_or_nothing() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-30");
    let ana = client(ctx, "Ana Alves").await;
    let mut txs_owned = Vec::new();
    for i in 0..300 {
        let (_, number, _) = invoice(ctx, ana, "10").await;
        txs_owned.push((format!("K{i}"), number));
    }
    let txs: Vec<Tx<'_>> = txs_owned
        .iter()
        .map(|(id, n)| Tx {
            id,
            amount: "10.00",
            credit: true,
            payer: "Ana Alves",
            iban: "PT50000201231234567890154",
            rf: None,
            text: n,
        })
        .collect();
    let files = tempfile::tempdir().unwrap();
    let path = write(files.path(), "big.xml", &camt("2026-11-28", &txs));
    let data_dir: PathBuf = d.dir.path().to_path_buf();
    d.store.clone().close().await;
    for delay_ms in [5u64, 30, 80, 150, 400] {
        let dir = data_dir.display().to_string();
        kindly_tests::kindly_killed_after(
            &["--data-dir", &dir, "--today", "2026-11-30", "bank", "import", &path],
            delay_ms,
        );
        let store = Store::open(&data_dir.join("kindly.db")).await.expect("reopen");
        let entries = raw_count(store.path(), "SELECT COUNT(*) FROM bank_entries").await;
        let payments = raw_count(store.path(), "SELECT COUNT(*) FROM payments").await;
        assert!(entries == 0 || entries == 300, "after {delay_ms} ms: {entries} entries");
        assert_eq!(payments, entries, "after {delay_ms} ms: every entry pays one invoice, or none was imported");
        store.close().await;
    }
    // Finished normally, then again: all once.
    let out = std::process::Command::new(kindly_tests::binary("kindly"))
        .args([
            "--data-dir",
            &data_dir.display().to_string(),
            "--today",
            "2026-11-30",
            "--json",
            "bank",
            "import",
            &path,
        ])
        .output()
        .expect("kindly");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = Store::open(&data_dir.join("kindly.db")).await.expect("reopen");
    assert_eq!(raw_count(store.path(), "SELECT COUNT(*) FROM payments").await, 300);
    assert_eq!(raw_count(store.path(), "SELECT COUNT(*) FROM bank_entries").await, 300);
}

#[test]
fn the_cli_refuses_a_hostile_file_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bomb.xml");
    std::fs::write(&bad, "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b \"c\">]><a>&b;</a>").unwrap();
    let out = std::process::Command::new(kindly_tests::binary("kindly"))
        .args(["--data-dir", &dir.path().display().to_string(), "--json", "bank", "import", &bad.display().to_string()])
        .output()
        .expect("kindly");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stdout));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON error on stdout");
    assert_eq!(v["error"]["code"], "bank_xml_doctype_refused");
}

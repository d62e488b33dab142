//! Store tests on real temporary SQLite files: migrations from empty, every
//! repository operation, transactions rolled back on error, the timeline and
//! payments refusing updates and deletes, and bad database files.

mod lists;
mod upgrade;

use kindly_api::clients::{ChasingInput, ClientInput, ClientListRequest};
use kindly_api::invoices::{InvoiceInput, InvoiceListRequest};
use kindly_api::payments::PaymentInput;
use kindly_api::{ApiError, Ctx};
use kindly_core::invoice::{derive_state, InvoiceState};
use kindly_store::{DemoSize, InvoiceQuery, Store};
use kindly_tests::{date, issued_invoice, line, now, open_db, raw_count, today};

fn ctx(store: &Store) -> Ctx<'_> {
    Ctx::new(store, now(), today())
}

fn client(name: &str) -> ClientInput {
    ClientInput {
        display_name: name.into(),
        emails: vec!["zoe@example.com".into()],
        language: "en".into(),
        ..Default::default()
    }
}

fn invoice(client_id: i64, issue: &str, due: &str) -> InvoiceInput {
    issued_invoice(
        client_id,
        issue,
        due,
        "EUR",
        vec![line("Design", "2", "100", "20"), line("Hosting", "1", "10.50", "")],
    )
}

#[tokio::test]
async fn migrates_from_empty_and_reopens() {
    let d = open_db().await;
    assert!(d.store.is_empty().await.unwrap());
    let id = kindly_api::clients::create(ctx(&d.store), &client("Zoë")).await.unwrap();
    d.store.clone().close().await;
    let again = d.reopen().await;
    assert!(!again.is_empty().await.unwrap());
    assert_eq!(again.client(id).await.unwrap().details.display_name, "Zoë");
}

#[tokio::test]
async fn client_round_trip_search_and_chasing() {
    let d = open_db().await;
    let c = ctx(&d.store);
    let name = "Zoë Ångström-Müller <img src=x onerror=alert(1)>";
    let id =
        kindly_api::clients::create(c, &ClientInput { company: "Ørsted Bakery".into(), ..client(name) }).await.unwrap();
    kindly_api::clients::create(c, &client("Дмитрий Иванов")).await.unwrap();
    let got = kindly_api::clients::get(c, id).await.unwrap();
    assert_eq!(got.client.display_name, name, "markup is stored as text, unchanged");
    assert_eq!(got.client.greeting_name, name);

    let search = |s: &str| ClientListRequest { search: s.into(), ..Default::default() };
    assert_eq!(kindly_api::clients::list(c, &search("ångström")).await.unwrap().total, 1);
    assert_eq!(kindly_api::clients::list(c, &search("ØRSTED")).await.unwrap().total, 1);
    assert_eq!(kindly_api::clients::list(c, &search("дмитрий")).await.unwrap().total, 1);
    assert_eq!(kindly_api::clients::list(c, &search("%")).await.unwrap().total, 0, "LIKE wildcards are escaped");
    assert_eq!(kindly_api::clients::list(c, &search("")).await.unwrap().total, 2);

    let pause = ChasingInput {
        mode: kindly_core::vocab::ChasingMode::Paused,
        until: Some("2026-12-01".into()),
        reason: "disputes line 2".into(),
    };
    kindly_api::clients::set_chasing(c, id, &pause).await.unwrap();
    let got = kindly_api::clients::get(c, id).await.unwrap();
    assert_eq!(got.client.chasing.mode, "paused");
    assert!(!got.client.chasing.active_today);
    assert!(got.timeline.iter().any(|t| t.kind == "chasing_changed"));

    let upd = ClientInput { greeting_name: "Zoë".into(), ..client(name) };
    kindly_api::clients::update(c, id, &upd).await.unwrap();
    assert_eq!(kindly_api::clients::get(c, id).await.unwrap().client.greeting_name, "Zoë");
    assert_eq!(kindly_api::clients::update(c, 999, &upd).await.unwrap_err().code, "not_found");
}

#[tokio::test]
async fn invoice_payment_and_timeline_flow() {
    let d = open_db().await;
    let c = ctx(&d.store);
    let cid = kindly_api::clients::create(c, &client("Zoë")).await.unwrap();
    let created = kindly_api::invoices::create(c, &invoice(cid, "2026-10-01", "2026-10-31")).await.unwrap();
    assert_eq!(created.number, "INV-2026-0001");
    let inv = kindly_api::invoices::get(c, created.id).await.unwrap();
    // 2 × 100 @ 20 % + 10.50 @ 0 % = 210.50 + 40.00 tax.
    assert_eq!(inv.totals.total.amount, "250.50");
    assert_eq!(inv.state, "overdue");
    assert_eq!(inv.days_overdue, 23);

    let pay = |amount: &str| PaymentInput {
        invoice_id: created.id,
        amount: amount.into(),
        method: kindly_core::payment::PaymentMethod::BankTransfer,
        ..Default::default()
    };
    kindly_api::payments::record(c, &pay("100")).await.unwrap();
    let inv = kindly_api::invoices::get(c, created.id).await.unwrap();
    assert_eq!(inv.outstanding.amount, "150.50");
    assert_eq!(inv.outstanding.formatted, "€150.50");
    assert_eq!(inv.payments.len(), 1);
    let kinds: Vec<&str> = inv.timeline.iter().map(|t| t.kind.as_str()).collect();
    assert_eq!(kinds, ["payment_recorded", "invoice_issued", "invoice_created"]);

    let over = kindly_api::payments::record(c, &pay("150.51")).await.unwrap_err();
    assert_eq!((over.code.as_str(), over.field.as_deref()), ("overpayment", Some("amount")));
    assert!(over.message.contains("€150.50"), "{}", over.message);
    kindly_api::payments::record(c, &pay("150.50")).await.unwrap();
    assert_eq!(kindly_api::invoices::get(c, created.id).await.unwrap().state, "paid");
    assert_eq!(kindly_api::payments::record(c, &pay("1")).await.unwrap_err().code, "invoice_not_payable");

    let cancel = kindly_api::invoices::cancel(c, created.id, "wrong client").await.unwrap_err();
    assert_eq!(cancel.code, "invoice_has_payments");
}

#[tokio::test]
async fn bad_invoice_input_gets_specific_errors_and_writes_nothing() {
    let d = open_db().await;
    let c = ctx(&d.store);
    let cid = kindly_api::clients::create(c, &client("Zoë")).await.unwrap();
    let before = raw_count(&d.path, "SELECT COUNT(*) FROM timeline").await;
    let cases: Vec<(InvoiceInput, &str, Option<&str>)> = vec![
        (
            InvoiceInput { lines: vec![line("x", "1", "abc", "")], ..invoice(cid, "2026-11-01", "2026-11-30") },
            "invalid_amount",
            Some("unit_price"),
        ),
        (
            InvoiceInput { lines: vec![line("x", "1", "-5", "")], ..invoice(cid, "2026-11-01", "2026-11-30") },
            "invalid_amount",
            Some("unit_price"),
        ),
        (
            InvoiceInput {
                lines: vec![line("x", "1", "12345678901234567890", "")],
                ..invoice(cid, "2026-11-01", "2026-11-30")
            },
            "amount_too_large",
            Some("unit_price"),
        ),
        (
            InvoiceInput { currency: "EURO".into(), ..invoice(cid, "2026-11-01", "2026-11-30") },
            "unknown_currency",
            Some("currency"),
        ),
        (invoice(cid, "2026-11-10", "2026-11-09"), "due_before_issue", Some("due_date")),
        (invoice(cid, "2026-13-01", "2026-11-09"), "invalid_date", Some("issue_date")),
        (InvoiceInput { lines: vec![], ..invoice(cid, "2026-11-01", "2026-11-30") }, "no_line_items", Some("lines")),
        (invoice(9999, "2026-11-01", "2026-11-30"), "not_found", None),
    ];
    for (input, code, field) in cases {
        let e = kindly_api::invoices::create(c, &input).await.unwrap_err();
        // Line errors name their line: `lines[0].unit_price`.
        let field = field.map(|f| {
            if matches!(f, "unit_price" | "quantity" | "tax_rate" | "description") {
                format!("lines[0].{f}")
            } else {
                f.to_string()
            }
        });
        let field = field.as_deref();
        assert_eq!((e.code.as_str(), e.field.as_deref()), (code, field), "{e:?}");
    }
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM invoices").await, 0);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM timeline").await, before);

    // Duplicate number: refused, and the first invoice is untouched.
    let first = kindly_api::invoices::create(
        c,
        &InvoiceInput { number: "A-1".into(), ..invoice(cid, "2026-11-01", "2026-11-30") },
    )
    .await
    .unwrap();
    let dup = kindly_api::invoices::create(
        c,
        &InvoiceInput { number: "A-1".into(), ..invoice(cid, "2026-11-02", "2026-11-30") },
    )
    .await
    .unwrap_err();
    assert_eq!((dup.code.as_str(), dup.field.as_deref()), ("duplicate_invoice_number", Some("number")));
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM invoices").await, 1);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM invoice_lines").await, 2);
    assert_eq!(kindly_api::invoices::get(c, first.id).await.unwrap().issue_date, "2026-11-01");
}

#[tokio::test]
async fn numbering_skips_numbers_taken_by_hand() {
    let d = open_db().await;
    let c = ctx(&d.store);
    let cid = kindly_api::clients::create(c, &client("Zoë")).await.unwrap();
    kindly_api::invoices::create(
        c,
        &InvoiceInput { number: "INV-2026-0001".into(), ..invoice(cid, "2026-11-01", "2026-11-30") },
    )
    .await
    .unwrap();
    let next = kindly_api::invoices::create(c, &invoice(cid, "2026-11-01", "2026-11-30")).await.unwrap();
    assert_eq!(next.number, "INV-2026-0002");
}

#[tokio::test]
async fn issued_invoices_are_immutable_and_drafts_are_not() {
    let d = open_db().await;
    let c = ctx(&d.store);
    let cid = kindly_api::clients::create(c, &client("Zoë")).await.unwrap();
    let draft =
        kindly_api::invoices::create(c, &InvoiceInput { issue: false, ..invoice(cid, "2026-11-01", "2026-11-30") })
            .await
            .unwrap();
    let edit = InvoiceInput {
        lines: vec![line("Design", "3", "100", "20")],
        issue: false,
        ..invoice(cid, "2026-11-01", "2026-11-30")
    };
    kindly_api::invoices::update_draft(c, draft.id, &edit).await.unwrap();
    assert_eq!(kindly_api::invoices::get(c, draft.id).await.unwrap().totals.total.amount, "360.00");
    kindly_api::invoices::issue(c, draft.id).await.unwrap();
    assert_eq!(kindly_api::invoices::update_draft(c, draft.id, &edit).await.unwrap_err().code, "invoice_immutable");

    // Even raw SQL cannot edit an issued invoice or its lines.
    let mut conn = d.raw().await;
    for sql in [
        "UPDATE invoices SET total_minor = 1",
        "UPDATE invoices SET status = 'draft'",
        "UPDATE invoice_lines SET unit_price_minor = 1",
        "DELETE FROM invoice_lines",
    ] {
        let err = conn.exec(sql, &[]).await.unwrap_err();
        assert!(err.to_string().contains("cannot be edited"), "{sql}: {err}");
    }
}

#[tokio::test]
async fn timeline_and_payments_refuse_updates_and_deletes() {
    let d = open_db().await;
    let c = ctx(&d.store);
    let cid = kindly_api::clients::create(c, &client("Zoë")).await.unwrap();
    let inv = kindly_api::invoices::create(c, &invoice(cid, "2026-11-01", "2026-11-30")).await.unwrap();
    kindly_api::payments::record(
        c,
        &PaymentInput {
            invoice_id: inv.id,
            amount: "1".into(),
            method: kindly_core::payment::PaymentMethod::Cash,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let mut conn = d.raw().await;
    for sql in [
        "UPDATE timeline SET summary = 'x'",
        "DELETE FROM timeline",
        "UPDATE payments SET amount_minor = 2",
        "DELETE FROM payments",
    ] {
        let err = conn.exec(sql, &[]).await.unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    // A raw over-payment is refused by the schema too.
    let err = conn
        .exec(
            "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
             VALUES ($1, 999999, 'EUR', '2026-11-23', 'cash', '2026-11-23T10:00:00.000Z')",
            &[inv.id],
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("overpayment"), "{err}");
    assert_eq!(kindly_store::StoreError::classify(err, &d.path).code(), "overpayment");
}

#[tokio::test]
async fn a_failed_transaction_leaves_nothing_behind() {
    let d = open_db().await;
    let c = ctx(&d.store);
    let cid = kindly_api::clients::create(c, &client("Zoë")).await.unwrap();
    // Line 2 violates a CHECK in the store (bypassing the domain), so the
    // invoice, line 1 and the timeline entry must all roll back.
    let inv = kindly_store::NewInvoice {
        client_id: cid,
        number: Some("TX-1".into()),
        issue_date: date("2026-11-01"),
        due_date: date("2026-11-30"),
        currency: kindly_core::Currency::EUR,
        lines: vec![
            kindly_core::invoice::LineItem {
                description: "ok".into(),
                quantity_milli: 1000,
                unit_price_minor: 100,
                tax_rate_bp: 0,
            },
            kindly_core::invoice::LineItem {
                description: "bad".into(),
                quantity_milli: 0,
                unit_price_minor: 100,
                tax_rate_bp: 0,
            },
        ],
        totals: kindly_core::invoice::compute_totals(&[]).unwrap(),
        notes: String::new(),
        issue: true,
    };
    let before = raw_count(&d.path, "SELECT COUNT(*) FROM timeline").await;
    assert!(d.store.create_invoice(&inv, now()).await.is_err());
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM invoices").await, 0);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM invoice_lines").await, 0);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM timeline").await, before);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM settings").await, 0, "sequence not consumed");
}

#[tokio::test]
async fn sql_state_filters_agree_with_the_domain_rule() {
    let d = open_db().await;
    d.store.seed_demo(DemoSize { clients: 50, invoices: 2000 }, today(), now()).await.unwrap();
    // Cancel a few, so every state occurs.
    let c = ctx(&d.store);
    let unpaid = d
        .store
        .list_invoices(&InvoiceQuery { state: Some(InvoiceState::Open), limit: 3, ..Default::default() }, today())
        .await
        .unwrap();
    for r in unpaid.rows {
        kindly_api::invoices::cancel(c, r.id, "test").await.unwrap();
    }
    let mut total = 0;
    for state in InvoiceState::ALL {
        let q = InvoiceQuery { state: Some(state), limit: 1000, ..Default::default() };
        let mut offset = 0;
        loop {
            let page = d.store.list_invoices(&InvoiceQuery { offset, ..q.clone() }, today()).await.unwrap();
            for r in &page.rows {
                assert_eq!(
                    derive_state(r.status, r.due_date, r.total_minor, r.paid_minor, today()),
                    state,
                    "{}",
                    r.number
                );
            }
            offset += page.rows.len() as i64;
            if page.rows.is_empty() {
                assert_eq!(offset, page.total);
                break;
            }
        }
        assert!(offset > 0, "demo data has no {state:?} invoice");
        total += offset;
    }
    assert_eq!(total, 2000, "every invoice is in exactly one state");
}

#[tokio::test]
async fn attention_order_puts_overdue_first_oldest_first() {
    let d = open_db().await;
    d.store.seed_demo(DemoSize { clients: 20, invoices: 500 }, today(), now()).await.unwrap();
    let page = kindly_api::invoices::list(ctx(&d.store), &InvoiceListRequest { limit: 500, ..Default::default() })
        .await
        .unwrap();
    let rank = |s: &str| {
        ["overdue", "due_soon", "partially_paid", "open", "draft", "paid", "cancelled"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    for w in page.rows.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            rank(a.state.as_str()) < rank(b.state.as_str())
                || (rank(a.state.as_str()) == rank(b.state.as_str()) && a.due_date <= b.due_date),
            "{a:?} before {b:?}"
        );
    }
    assert_eq!(page.rows[0].state, "overdue");
}

#[tokio::test]
async fn corrupt_database_file_gives_a_specific_error_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kindly.db");
    let junk = b"this is not a database, it is a shopping list\n".repeat(200);
    std::fs::write(&path, &junk).unwrap();
    let e: ApiError = Store::open(&path).await.unwrap_err().into();
    assert_eq!(e.code, "database_corrupt");
    assert!(e.message.contains("not a Kindly database"), "{}", e.message);
    assert_eq!(std::fs::read(&path).unwrap(), junk, "the file was not modified");
}

#[tokio::test]
async fn read_only_database_file_gives_a_specific_error() {
    if kindly_tests::sqlite_only("a read-only kindly.db file") {
        return;
    }
    let d = open_db().await;
    kindly_api::clients::create(ctx(&d.store), &client("Zoë")).await.unwrap();
    d.store.clone().close().await;
    let mut perms = std::fs::metadata(&d.path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&d.path, perms).unwrap();
    let e: ApiError = Store::open(&d.path).await.unwrap_err().into();
    assert_eq!(e.code, "database_read_only");
    assert!(e.message.contains("read-only"), "{}", e.message);
}

#[tokio::test]
async fn concurrent_payments_cannot_over_pay() {
    let d = open_db().await;
    let c = ctx(&d.store);
    let cid = kindly_api::clients::create(c, &client("Zoë")).await.unwrap();
    let inv = kindly_api::invoices::create(c, &invoice(cid, "2026-11-01", "2026-11-30")).await.unwrap();
    // Two stores on the same file (two windows), each paying 200 of 250.50.
    let other = Store::open(&d.path).await.unwrap();
    let p = PaymentInput {
        invoice_id: inv.id,
        amount: "200".into(),
        method: kindly_core::payment::PaymentMethod::Cash,
        ..Default::default()
    };
    let (a, b) = tokio::join!(kindly_api::payments::record(c, &p), kindly_api::payments::record(ctx(&other), &p));
    assert!(a.is_ok() != b.is_ok(), "exactly one succeeds: {a:?} {b:?}");
    assert_eq!(kindly_api::invoices::get(c, inv.id).await.unwrap().paid.amount, "200.00");
}

/// Regression for #14's broad search (a client name shared by thousands of
/// invoices): pages read group by group, some walking `invoices_unpaid` in
/// due-date order and some sorting the group's matches, must give exactly
/// the pages of one plain sort of every match in the attention order,
/// computed here in Rust from the raw rows.
#[tokio::test]
async fn a_broad_search_pages_exactly_like_one_sort_of_all_its_matches_at_any_offset() {
    let d = open_db().await;
    d.store.seed_demo(DemoSize { clients: 300, invoices: 40_000 }, today(), now()).await.unwrap();
    let all: Vec<(i64, String, String, String, String, i64, i64)> = d
        .raw()
        .await
        .rows(
            "SELECT i.id, i.number, c.search_text, i.status, CAST(i.due_date AS TEXT), i.total_minor, i.paid_minor
             FROM invoices i JOIN clients c ON c.id = i.client_id",
        )
        .await;
    let status = |s: &str| kindly_core::invoice::InvoiceStatus::parse(s).unwrap();
    let rank = |st: InvoiceState| {
        [
            InvoiceState::Overdue,
            InvoiceState::DueSoon,
            InvoiceState::PartiallyPaid,
            InvoiceState::Open,
            InvoiceState::Draft,
            InvoiceState::Paid,
            InvoiceState::Cancelled,
        ]
        .iter()
        .position(|x| *x == st)
        .unwrap()
    };
    // "ørsted": client names only; "dem": every number (DEMO-…) and some names.
    for needle in ["ørsted", "dem"] {
        let mut expected: Vec<(usize, String, i64)> = all
            .iter()
            .filter(|r| r.2.contains(needle) || r.1.to_lowercase().contains(needle))
            .map(|r| {
                let st = derive_state(status(&r.3), date(&r.4), r.5, r.6, today());
                (rank(st), r.4.clone(), r.0)
            })
            .collect();
        expected.sort();
        let expected: Vec<i64> = expected.into_iter().map(|e| e.2).collect();
        assert!(expected.len() > 1_000, "{needle}: {} matches is not a broad search", expected.len());
        let n = expected.len() as i64;
        for offset in [0, 37, 500, 1_000, 1_200, 3_000, n - 30, n + 5] {
            let q = InvoiceQuery { search: needle.into(), offset, limit: 100, ..Default::default() };
            let page = d.store.list_invoices(&q, today()).await.unwrap();
            assert_eq!(page.total, n, "{needle} at {offset}");
            let got: Vec<i64> = page.rows.iter().map(|r| r.id).collect();
            let from = (offset as usize).min(expected.len());
            let want = &expected[from..(from + 100).min(expected.len())];
            assert_eq!(got, want, "{needle} at {offset}");
        }
    }
}

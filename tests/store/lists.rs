//! Lists at scale (#14) on a small hand-made book: every invoice filter and
//! their combinations, search semantics (substrings, case and accents, one
//! or two characters, numbers with dashes), the payments list, clients by
//! what they owe; bad dates and currencies as errors naming their field; and
//! a property test that `client_balances` and `invoice_tallies` (kept by
//! triggers) always equal a plain computation over the invoices.

use kindly_api::clients::{ClientListRequest, ClientRow};
use kindly_api::invoices::{InvoiceInput, InvoiceListRequest};
use kindly_api::payments::{PaymentInput, PaymentListRequest};
use kindly_api::{Ctx, ErrorCode};
use kindly_core::payment::PaymentMethod;
use kindly_core::vocab::{AgingBucket, ClientBalanceFilter, ClientSort};
use kindly_core::Currency;
use kindly_tests::{client_input, create_client, line, on, open_db, TestDb};

const TODAY: &str = "2026-11-23";

fn inv(
    client_id: i64,
    number: &str,
    currency: &str,
    issue: &str,
    due: &str,
    amount: &str,
    issued: bool,
) -> InvoiceInput {
    InvoiceInput {
        client_id,
        number: number.into(),
        issue_date: issue.into(),
        due_date: due.into(),
        currency: currency.into(),
        lines: vec![line("Work", "1", amount, "")],
        issue: issued,
        ..Default::default()
    }
}

async fn pay_on(ctx: Ctx<'_>, invoice_id: i64, amount: &str, date: &str) {
    let p = PaymentInput {
        invoice_id,
        amount: amount.into(),
        date: date.into(),
        method: PaymentMethod::BankTransfer,
        reference: format!("ref-{invoice_id}"),
    };
    kindly_api::payments::record(ctx, &p).await.expect("payment");
}

/// Three clients and eight invoices, one of each situation (today is 2026-11-23):
/// 1 Ørsted EUR 100 due 10-10 (44 days overdue), 2 Ørsted USD 50 due 11-13
/// (10 days overdue, 20 paid), 3 Müller EUR 200 due 11-27 (due soon), 4 Müller
/// EUR 300 due 12-15 (100 paid: partly paid), 5 Zoë EUR 80 paid, 6 Zoë draft
/// due 12-20, 7 Zoë cancelled, 8 Zoë EUR 70 due 07-01 (145 days overdue).
async fn book() -> (TestDb, [i64; 3], [i64; 8]) {
    let d = open_db().await;
    let ctx = on(&d.store, TODAY);
    let c1 = create_client(ctx, &client_input("Ørsted Ångström", vec!["orsted@example.com".into()])).await;
    let mut mueller = client_input("Anna Müller", vec!["anna@mueller.de".into()]);
    mueller.company = "Müller GmbH".into();
    let c2 = create_client(ctx, &mueller).await;
    let c3 = create_client(ctx, &client_input("Zoë Lee", vec!["zoe@example.com".into()])).await;
    let specs = [
        (c1, "RE-2026-0001", "EUR", "2026-09-01", "2026-10-10", "100", true),
        (c1, "RE-2026-0002", "USD", "2026-10-20", "2026-11-13", "50", true),
        (c2, "RE-2026-0003", "EUR", "2026-11-01", "2026-11-27", "200", true),
        (c2, "RE-2026-0004", "EUR", "2026-10-05", "2026-12-15", "300", true),
        (c3, "RE-2026-0005", "EUR", "2026-10-15", "2026-11-01", "80", true),
        (c3, "RE-2026-0006", "EUR", "2026-11-20", "2026-12-20", "90", false),
        (c3, "RE-2026-0007", "EUR", "2026-08-01", "2026-08-31", "60", true),
        (c3, "RE-2026-0008", "EUR", "2026-06-01", "2026-07-01", "70", true),
    ];
    let mut ids = [0; 8];
    for (i, (c, n, cur, issue, due, amount, issued)) in specs.into_iter().enumerate() {
        ids[i] =
            kindly_api::invoices::create(ctx, &inv(c, n, cur, issue, due, amount, issued)).await.expect("invoice").id;
    }
    pay_on(ctx, ids[1], "20", "2026-11-20").await;
    pay_on(ctx, ids[3], "100", "2026-11-23").await;
    pay_on(ctx, ids[4], "80", "2026-10-20").await;
    kindly_api::invoices::cancel(ctx, ids[6], "sent twice").await.expect("cancel");
    (d, [c1, c2, c3], ids)
}

async fn invoices(ctx: Ctx<'_>, req: InvoiceListRequest) -> (i64, Vec<i64>) {
    let p = kindly_api::invoices::list(ctx, &InvoiceListRequest { limit: 100, ..req }).await.expect("list");
    (p.total, p.rows.iter().map(|r| r.id).collect())
}

fn eur() -> Option<Currency> {
    Some(Currency::EUR)
}

#[tokio::test]
async fn every_invoice_filter_alone_and_combined_gives_the_expected_rows_in_attention_order() {
    let (d, [_, _, c3], i) = book().await;
    let ctx = on(&d.store, TODAY);
    let all = InvoiceListRequest::default;
    let ids = |v: &[usize]| v.iter().map(|n| i[n - 1]).collect::<Vec<_>>();
    let cases: Vec<(&str, InvoiceListRequest, Vec<i64>)> = vec![
        ("everything", all(), ids(&[8, 1, 2, 3, 4, 6, 5, 7])),
        (
            "aging 31–60 in EUR",
            InvoiceListRequest { aging: Some(AgingBucket::Days31To60), currency: eur(), ..all() },
            ids(&[1]),
        ),
        ("aging 1–30", InvoiceListRequest { aging: Some(AgingBucket::Days1To30), ..all() }, ids(&[2])),
        ("aging over 90", InvoiceListRequest { aging: Some(AgingBucket::Over90), ..all() }, ids(&[8])),
        ("not yet due", InvoiceListRequest { aging: Some(AgingBucket::NotYetDue), ..all() }, ids(&[3, 4])),
        ("USD", InvoiceListRequest { currency: Some(Currency::USD), ..all() }, ids(&[2])),
        ("open only", InvoiceListRequest { open_only: true, ..all() }, ids(&[8, 1, 2, 3, 4])),
        (
            "due in the next 4 weeks, open",
            InvoiceListRequest {
                open_only: true,
                due_from: Some("2026-11-23".into()),
                due_to: Some("2026-12-20".into()),
                ..all()
            },
            ids(&[3, 4]),
        ),
        (
            "due in the next 4 weeks, drafts too",
            InvoiceListRequest { due_from: Some("2026-11-23".into()), due_to: Some("2026-12-20".into()), ..all() },
            ids(&[3, 4, 6]),
        ),
        (
            "issued in October",
            InvoiceListRequest {
                issued_from: Some("2026-10-01".into()),
                issued_to: Some("2026-10-31".into()),
                ..all()
            },
            ids(&[2, 4, 5]),
        ),
        (
            "issued in October, EUR, newest first",
            InvoiceListRequest {
                issued_from: Some("2026-10-01".into()),
                issued_to: Some("2026-10-31".into()),
                currency: eur(),
                sort: kindly_core::vocab::InvoiceSort::Newest,
                ..all()
            },
            ids(&[5, 4]),
        ),
        ("overdue in EUR", InvoiceListRequest { state: "overdue".into(), currency: eur(), ..all() }, ids(&[8, 1])),
        ("paid", InvoiceListRequest { state: "paid".into(), ..all() }, ids(&[5])),
        ("cancelled", InvoiceListRequest { state: "cancelled".into(), ..all() }, ids(&[7])),
        ("drafts, open only: none", InvoiceListRequest { state: "draft".into(), open_only: true, ..all() }, vec![]),
        ("one client, open", InvoiceListRequest { client_id: Some(c3), open_only: true, ..all() }, ids(&[8])),
        (
            "one client, due by the end of August",
            InvoiceListRequest { client_id: Some(c3), due_to: Some("2026-08-31".into()), ..all() },
            ids(&[8, 7]),
        ),
        (
            "a search with a currency and a bucket",
            InvoiceListRequest { search: "ørsted".into(), aging: Some(AgingBucket::Days1To30), ..all() },
            ids(&[2]),
        ),
    ];
    for (what, req, expected) in cases {
        let (total, got) = invoices(ctx, req.clone()).await;
        assert_eq!(got, expected, "{what}");
        assert_eq!(total, expected.len() as i64, "{what}: total");
        // Paging walks the same rows one at a time.
        let mut paged = Vec::new();
        for offset in 0..expected.len() as i64 + 1 {
            let p =
                kindly_api::invoices::list(ctx, &InvoiceListRequest { offset, limit: 1, ..req.clone() }).await.unwrap();
            assert_eq!(p.total, total, "{what}: total at offset {offset}");
            paged.extend(p.rows.iter().map(|r| r.id));
        }
        assert_eq!(paged, expected, "{what}: one row per page");
    }
}

#[tokio::test]
async fn search_matches_substrings_case_and_accents_as_typed_and_short_searches_match_the_start_of_a_name() {
    let (d, _, i) = book().await;
    let ctx = on(&d.store, TODAY);
    let search = |s: &str| InvoiceListRequest { search: s.into(), ..Default::default() };
    let ids = |v: &[usize]| {
        let mut v: Vec<i64> = v.iter().map(|n| i[n - 1]).collect();
        v.sort();
        v
    };
    let cases: Vec<(&str, Vec<i64>)> = vec![
        ("RE-2026-0003", ids(&[3])),
        ("re-2026-0003", ids(&[3])),
        ("2026-000", ids(&[1, 2, 3, 4, 5, 6, 7, 8])),
        ("-0004", ids(&[4])),
        ("sted", ids(&[1, 2])),
        ("ØRSTED", ids(&[1, 2])),
        ("ångström", ids(&[1, 2])),
        ("angstrom", vec![]),
        ("müller gmbh", ids(&[3, 4])),
        ("MÜLLER", ids(&[3, 4])),
        ("example.com", ids(&[1, 2, 5, 6, 7, 8])),
        ("ø", ids(&[1, 2])),
        ("an", ids(&[3, 4])),
        ("Zo", ids(&[5, 6, 7, 8])),
        ("re", vec![]),
        ("ll", vec![]),
        ("%", vec![]),
        ("0%", vec![]),
        ("_2026", vec![]),
        ("  sted  ", ids(&[1, 2])),
    ];
    for (s, expected) in cases {
        let (total, mut got) = invoices(ctx, search(s)).await;
        got.sort();
        assert_eq!(got, expected, "search {s:?}");
        assert_eq!(total, expected.len() as i64, "search {s:?}: total");
    }
    // A narrowed list counts its rows with its page: the total holds on a
    // later page and past the end.
    for (offset, rows) in [(0, 2), (4, 2), (5, 1), (6, 0), (50, 0)] {
        let r = InvoiceListRequest { search: "example.com".into(), offset, limit: 2, ..Default::default() };
        let p = kindly_api::invoices::list(ctx, &r).await.expect("page");
        assert_eq!((p.total, p.rows.len()), (6, rows), "offset {offset}");
    }
    let clients = |s: &str| {
        let r = ClientListRequest { search: s.into(), ..Default::default() };
        async move {
            kindly_api::clients::list(ctx, &r)
                .await
                .unwrap()
                .rows
                .into_iter()
                .map(|c| c.display_name)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(clients("mueller.de").await, ["Anna Müller"], "e-mail substring");
    assert_eq!(clients("GMBH").await, ["Anna Müller"], "company, any case");
    assert_eq!(clients("ee").await, Vec::<String>::new(), "two characters: the start of the name only");
    assert_eq!(clients("zo").await, ["Zoë Lee"]);
    assert_eq!(clients("zoë l").await, ["Zoë Lee"]);
    assert_eq!(clients("e").await, Vec::<String>::new());
    assert_eq!(clients("a").await, ["Anna Müller"]);
}

/// The trigram index is read without re-reading each client (#14): a text
/// holding every trigram of the search but apart must still not match.
#[tokio::test]
async fn a_search_whose_trigrams_are_all_in_a_name_but_apart_finds_nothing() {
    let d = open_db().await;
    let ctx = on(&d.store, TODAY);
    let c = create_client(ctx, &client_input("Abcx Bcdy", vec!["x@example.org".into()])).await;
    let id = kindly_api::invoices::create(ctx, &inv(c, "Q-XABC-1", "EUR", "2026-11-01", "2026-11-30", "10", true))
        .await
        .expect("invoice")
        .id;
    let s = |q: &str| InvoiceListRequest { search: q.into(), ..Default::default() };
    assert_eq!(invoices(ctx, s("abcd")).await, (0, vec![]), "abc and bcd are in the name, apart");
    assert_eq!(invoices(ctx, s("bcx b")).await, (1, vec![id]));
    assert_eq!(invoices(ctx, s("xabc")).await, (1, vec![id]), "by number");
    assert_eq!(invoices(ctx, s("q-xabd")).await, (0, vec![]));
    let r = ClientListRequest { search: "abcd".into(), ..Default::default() };
    assert!(kindly_api::clients::list(ctx, &r).await.unwrap().rows.is_empty());
}

#[tokio::test]
async fn a_renamed_client_and_an_edited_draft_number_are_found_by_their_new_text_only() {
    let (d, [c1, _, c3], i) = book().await;
    let ctx = on(&d.store, TODAY);
    kindly_api::clients::update(ctx, c1, &client_input("Hansen Shipping", vec!["ops@hansen.dk".into()])).await.unwrap();
    let draft = inv(c3, "DRAFT-XY-77", "EUR", "2026-11-20", "2026-12-20", "90", false);
    kindly_api::invoices::update_draft(ctx, i[5], &draft).await.unwrap();
    let s = |q: &str| InvoiceListRequest { search: q.into(), ..Default::default() };
    assert_eq!(invoices(ctx, s("ørsted")).await.0, 0);
    assert_eq!(invoices(ctx, s("hansen")).await.0, 2);
    assert_eq!(invoices(ctx, s("re-2026-0006")).await.0, 0);
    assert_eq!(invoices(ctx, s("xy-77")).await.1, vec![i[5]]);
}

#[tokio::test]
async fn the_payments_list_is_newest_first_and_filters_by_currency_period_and_client() {
    let (d, [_, _, c3], i) = book().await;
    let ctx = on(&d.store, TODAY);
    let list = |req: PaymentListRequest| async move {
        let p = kindly_api::payments::list(ctx, &req).await.expect("payments");
        (p.total, p.rows.iter().map(|r| (r.date.clone(), r.amount.formatted.clone(), r.invoice_id)).collect::<Vec<_>>())
    };
    let all = PaymentListRequest::default;
    let (total, rows) = list(all()).await;
    assert_eq!(total, 3);
    assert_eq!(
        rows,
        vec![
            ("2026-11-23".to_string(), "€100.00".to_string(), i[3]),
            ("2026-11-20".to_string(), "$20.00".to_string(), i[1]),
            ("2026-10-20".to_string(), "€80.00".to_string(), i[4]),
        ]
    );
    let eur_rows = list(PaymentListRequest { currency: eur(), ..all() }).await.1;
    assert_eq!(eur_rows.iter().map(|r| r.2).collect::<Vec<_>>(), vec![i[3], i[4]]);
    let nov =
        list(PaymentListRequest { from: Some("2026-11-01".into()), to: Some("2026-11-30".into()), ..all() }).await;
    assert_eq!(nov.1.iter().map(|r| r.2).collect::<Vec<_>>(), vec![i[3], i[1]]);
    assert_eq!(list(PaymentListRequest { client_id: Some(c3), ..all() }).await.1.len(), 1);
    let p = kindly_api::payments::list(ctx, &PaymentListRequest { limit: 1, ..all() }).await.unwrap();
    let r = &p.rows[0];
    assert_eq!(
        (r.invoice_number.as_str(), r.client_name.as_str(), r.method_label.as_str()),
        ("RE-2026-0004", "Anna Müller", "Bank transfer")
    );
    assert_eq!(r.reference.as_deref(), Some(format!("ref-{}", i[3]).as_str()));
}

fn names(rows: &[ClientRow]) -> Vec<&str> {
    rows.iter().map(|r| r.display_name.as_str()).collect()
}

#[tokio::test]
async fn clients_sort_and_filter_by_what_they_owe_per_currency_never_adding_currencies() {
    let (d, _, _) = book().await;
    let ctx = on(&d.store, TODAY);
    let list = |sort: ClientSort, balance: ClientBalanceFilter, currency: Option<Currency>| async move {
        let r = ClientListRequest { sort, balance, currency, ..Default::default() };
        kindly_api::clients::list(ctx, &r).await.expect("clients")
    };
    // EUR owed: Müller 400 (200 + 300 − 100), Ørsted 100, Zoë 70.
    let p = list(ClientSort::OwedDesc, ClientBalanceFilter::All, eur()).await;
    assert_eq!((p.total, names(&p.rows)), (3, vec!["Anna Müller", "Ørsted Ångström", "Zoë Lee"]));
    // The business currency (EUR) is the default.
    let p = list(ClientSort::OwedDesc, ClientBalanceFilter::All, None).await;
    assert_eq!(names(&p.rows), vec!["Anna Müller", "Ørsted Ångström", "Zoë Lee"]);
    // In USD only Ørsted owes; the others follow by name.
    let p = list(ClientSort::OwedDesc, ClientBalanceFilter::All, Some(Currency::USD)).await;
    assert_eq!((p.total, names(&p.rows)), (3, vec!["Ørsted Ångström", "Anna Müller", "Zoë Lee"]));
    let p = list(ClientSort::NameAsc, ClientBalanceFilter::Owing, Some(Currency::USD)).await;
    assert_eq!((p.total, names(&p.rows)), (1, vec!["Ørsted Ångström"]));
    // Overdue in EUR: Zoë since 1 July, Ørsted since 10 October; Müller's oldest is due on the 27th.
    let p = list(ClientSort::OldestOverdue, ClientBalanceFilter::Overdue, eur()).await;
    assert_eq!((p.total, names(&p.rows)), (2, vec!["Zoë Lee", "Ørsted Ångström"]));
    let p = list(ClientSort::OldestOverdue, ClientBalanceFilter::All, eur()).await;
    assert_eq!(names(&p.rows), vec!["Zoë Lee", "Ørsted Ångström", "Anna Müller"]);
    let orsted = p.rows.iter().find(|r| r.display_name == "Ørsted Ångström").unwrap();
    let amounts = |v: &[kindly_api::views::MoneyView]| v.iter().map(|m| m.formatted.clone()).collect::<Vec<_>>();
    assert_eq!(amounts(&orsted.owing), ["€100.00", "$30.00"]);
    assert_eq!(amounts(&orsted.overdue), ["€100.00", "$30.00"]);
    assert_eq!((orsted.overdue_invoices, orsted.oldest_overdue_days), (2, Some(44)));
    let mueller = p.rows.iter().find(|r| r.display_name == "Anna Müller").unwrap();
    assert_eq!((amounts(&mueller.owing), amounts(&mueller.overdue)), (vec!["€400.00".to_string()], vec![]));
    assert_eq!(mueller.oldest_overdue_days, None);
    // Paging across the two parts (owing first, then the rest by name).
    let mut paged = Vec::new();
    for offset in 0..4 {
        let r = ClientListRequest {
            sort: ClientSort::OwedDesc,
            currency: Some(Currency::USD),
            offset,
            limit: 1,
            ..Default::default()
        };
        paged.extend(kindly_api::clients::list(ctx, &r).await.unwrap().rows.into_iter().map(|c| c.display_name));
    }
    assert_eq!(paged, ["Ørsted Ångström", "Anna Müller", "Zoë Lee"]);
    // A search combines with the balance filter.
    let r =
        ClientListRequest { search: "example.com".into(), balance: ClientBalanceFilter::Overdue, ..Default::default() };
    assert_eq!(kindly_api::clients::list(ctx, &r).await.unwrap().total, 2);
    // Overdue is decided on the day asked: on 28 November Müller's invoice 3 is overdue too.
    let later = on(&d.store, "2026-11-28");
    let r = ClientListRequest { balance: ClientBalanceFilter::Overdue, ..Default::default() };
    assert_eq!(kindly_api::clients::list(later, &r).await.unwrap().total, 3);
}

#[tokio::test]
async fn bad_dates_reversed_periods_and_unknown_currencies_are_refused_by_field() {
    let (d, _, _) = book().await;
    let ctx = on(&d.store, TODAY);
    let e = kindly_api::invoices::list(
        ctx,
        &InvoiceListRequest { due_from: Some("2026-13-01".into()), ..Default::default() },
    )
    .await
    .unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidDate, Some("due_from")));
    let e = kindly_api::invoices::list(
        ctx,
        &InvoiceListRequest { issued_to: Some("1.10.2026".into()), ..Default::default() },
    )
    .await
    .unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidDate, Some("issued_to")));
    assert!(e.message.contains("1.10.2026"), "{}", e.message);
    let reversed = InvoiceListRequest {
        due_from: Some("2026-12-01".into()),
        due_to: Some("2026-11-01".into()),
        ..Default::default()
    };
    let e = kindly_api::invoices::list(ctx, &reversed).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::RangeReversed, Some("due_to")));
    let e = kindly_api::payments::list(ctx, &PaymentListRequest { from: Some("soon".into()), ..Default::default() })
        .await
        .unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidDate, Some("from")));
    // Empty bounds are no bound.
    let open = InvoiceListRequest { due_from: Some(" ".into()), issued_to: Some(String::new()), ..Default::default() };
    assert_eq!(invoices(ctx, open).await.0, 8);
    // An unknown currency cannot even be read as a request.
    let err = serde_json::from_value::<InvoiceListRequest>(serde_json::json!({ "currency": "EURO" })).unwrap_err();
    assert!(err.to_string().contains("EURO"), "{err}");
    let ok: ClientListRequest =
        serde_json::from_value(serde_json::json!({ "currency": "usd", "balance": "overdue" })).unwrap();
    assert_eq!((ok.currency, ok.balance), (Some(Currency::USD), ClientBalanceFilter::Overdue));
}

/// A tiny deterministic generator (xorshift), so a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[derive(sqlx_macros::FromRow, Debug, PartialEq)]
struct Balance {
    client_id: i64,
    currency: String,
    owed_minor: i64,
    open_invoices: i64,
    oldest_open_due: String,
}

#[derive(sqlx_macros::FromRow, Debug, PartialEq)]
struct Tally {
    kind: String,
    currency: String,
    due_date: String,
    n: i64,
}

#[derive(sqlx_macros::FromRow)]
struct PlainInvoice {
    client_id: i64,
    status: String,
    currency: String,
    due_date: String,
    total_minor: i64,
    paid_minor: i64,
}

/// The balances and tallies computed here, in Rust, from plain rows.
async fn check_derived_tables(d: &TestDb, step: &str) {
    let mut c = d.raw().await;
    let rows: Vec<PlainInvoice> = c
        .rows("SELECT client_id, status, currency, CAST(due_date AS TEXT) AS due_date, total_minor, paid_minor FROM invoices")
        .await;
    let mut balances = std::collections::BTreeMap::<(i64, String), (i64, i64, String)>::new();
    let mut tallies = std::collections::BTreeMap::<(String, String, String), i64>::new();
    for r in &rows {
        let kind = match r.status.as_str() {
            "issued" if r.paid_minor >= r.total_minor => "paid",
            "issued" if r.paid_minor > 0 => "part",
            "issued" => "unpaid",
            other => other,
        };
        *tallies.entry((kind.into(), r.currency.clone(), r.due_date.clone())).or_default() += 1;
        if r.status == "issued" && r.paid_minor < r.total_minor {
            let b = balances.entry((r.client_id, r.currency.clone())).or_insert((0, 0, r.due_date.clone()));
            b.0 += r.total_minor - r.paid_minor;
            b.1 += 1;
            if r.due_date < b.2 {
                b.2 = r.due_date.clone();
            }
        }
    }
    let expected: Vec<Balance> = balances
        .into_iter()
        .map(|((client_id, currency), (owed_minor, open_invoices, oldest_open_due))| Balance {
            client_id,
            currency,
            owed_minor,
            open_invoices,
            oldest_open_due,
        })
        .collect();
    let stored: Vec<Balance> = c
        .rows(
            "SELECT client_id, currency, owed_minor, open_invoices, CAST(oldest_open_due AS TEXT) AS oldest_open_due
             FROM client_balances ORDER BY client_id, currency",
        )
        .await;
    assert_eq!(stored, expected, "client_balances after {step}");
    let expected: Vec<Tally> =
        tallies.into_iter().map(|((kind, currency, due_date), n)| Tally { kind, currency, due_date, n }).collect();
    let stored: Vec<Tally> = c
        .rows(
            "SELECT kind, currency, CAST(due_date AS TEXT) AS due_date, n FROM invoice_tallies
             WHERE n <> 0 ORDER BY kind, currency, due_date",
        )
        .await;
    assert_eq!(stored, expected, "invoice_tallies after {step}");
}

#[tokio::test]
async fn balances_and_tallies_kept_by_triggers_equal_a_plain_computation_after_any_sequence_of_operations() {
    let d = open_db().await;
    let ctx = on(&d.store, TODAY);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut clients = Vec::new();
    for n in 0..4 {
        clients.push(create_client(ctx, &client_input(&format!("Client {n}"), vec![])).await);
    }
    let currencies = ["EUR", "USD", "JPY"];
    let mut drafts: Vec<i64> = Vec::new();
    let mut issued: Vec<i64> = Vec::new();
    let files = tempfile::tempdir().unwrap();
    for step in 0..160 {
        let op = rng.next(8);
        let what = match op {
            0 | 1 => {
                let c = clients[rng.next(clients.len() as u64) as usize];
                let cur = currencies[rng.next(3) as usize];
                let due = format!("2026-{:02}-{:02}", 8 + rng.next(5), 1 + rng.next(28));
                let amount = format!("{}", 10 + rng.next(500));
                let issue = rng.next(2) == 0;
                let id = kindly_api::invoices::create(ctx, &inv(c, "", cur, "2026-07-01", &due, &amount, issue))
                    .await
                    .unwrap()
                    .id;
                if issue {
                    issued.push(id);
                } else {
                    drafts.push(id);
                }
                "create"
            }
            2 if !drafts.is_empty() => {
                let id = drafts.swap_remove(rng.next(drafts.len() as u64) as usize);
                kindly_api::invoices::issue(ctx, id).await.unwrap();
                issued.push(id);
                "issue"
            }
            3 if !drafts.is_empty() => {
                // Edit a draft: another client, currency, due date and amount.
                let id = drafts[rng.next(drafts.len() as u64) as usize];
                let c = clients[rng.next(clients.len() as u64) as usize];
                let cur = currencies[rng.next(3) as usize];
                let due = format!("2026-{:02}-{:02}", 8 + rng.next(5), 1 + rng.next(28));
                let edit = inv(c, "", cur, "2026-07-01", &due, &format!("{}", 5 + rng.next(90)), false);
                kindly_api::invoices::update_draft(ctx, id, &edit).await.unwrap();
                "edit draft"
            }
            4 | 5 if !issued.is_empty() => {
                let id = issued[rng.next(issued.len() as u64) as usize];
                let inv = kindly_api::invoices::get(ctx, id).await.unwrap();
                if inv.can_pay {
                    let whole: i64 = inv.outstanding.amount.split('.').next().unwrap().parse().unwrap();
                    let amount = if rng.next(2) == 0 || whole < 2 {
                        inv.outstanding.amount.clone()
                    } else {
                        (whole / 2).to_string()
                    };
                    pay_on(ctx, id, &amount, TODAY).await;
                }
                "pay"
            }
            6 if !issued.is_empty() => {
                let id = issued[rng.next(issued.len() as u64) as usize];
                let _ = kindly_api::invoices::cancel(ctx, id, "test").await;
                "cancel"
            }
            7 => {
                // A CSV import: new clients, issued invoices, some partly paid.
                use kindly_api::import::{self, ImportDetectRequest, ImportRequest};
                let mut csv = String::from("Invoice number;Client;Issue date;Due date;Currency;Description;Quantity;Unit price;Tax rate;Paid\n");
                for k in 0..3 {
                    let paid = if k == 0 { "5.00" } else { "0" };
                    csv.push_str(&format!(
                        "IMP-{step}-{k};Imported {};2026-07-01;2026-{:02}-10;{};Work;1;{}.00;0;{paid}\n",
                        rng.next(3),
                        8 + rng.next(5),
                        ["EUR", "USD"][rng.next(2) as usize],
                        20 + rng.next(100)
                    ));
                }
                let path = files.path().join(format!("import-{step}.csv"));
                std::fs::write(&path, csv).unwrap();
                let path = path.display().to_string();
                let mapping = import::detect(
                    ctx,
                    &ImportDetectRequest { path: path.clone(), kind: kindly_csv::ImportKind::Invoices, preset: None },
                )
                .await
                .unwrap()
                .mapping;
                let r = import::apply(ctx, &ImportRequest { path, mapping }).await.unwrap();
                assert!(r.written, "import at step {step}");
                "import"
            }
            _ => continue,
        };
        check_derived_tables(&d, &format!("step {step} ({what})")).await;
    }
    let n = kindly_tests::raw_count(&d.path, "SELECT COUNT(*) FROM client_balances").await;
    assert!(n > 3, "the sequence left clients owing ({n} balances)");
}

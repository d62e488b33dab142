//! The overview (issue #14): every figure on a small dataset computed by
//! hand (written out below), the same figures on a generated dataset
//! against an independent computation from plain `SELECT *` rows, the
//! empty and one-invoice databases, currency separation, and the filters
//! each figure carries for its list.

mod generated;
mod reports;

use kindly_api::contacts::{self, PromiseInput};
use kindly_api::followups::{self, MarkDoneRequest};
use kindly_api::overview::{self, CurrencyOverview, InvoicesLink, OverviewRequest, OverviewView};
use kindly_api::payments::PaymentInput;
use kindly_api::plans::{self, AcceptInput, InstallmentInput, PlanInput};
use kindly_api::views::MoneyView;
use kindly_api::Ctx;
use kindly_core::invoice::InvoiceState;
use kindly_core::payment::PaymentMethod;
use kindly_core::vocab::{AgingBucket, AgreedHow};
use kindly_core::Currency;
use kindly_followup::ladder::Channel;
use kindly_followup::plan::schedule::Frequency;
use kindly_tests::{client_input, create_client, create_invoice, issued_invoice, line, on, open_business_db, open_db};

pub const TODAY: &str = "2026-12-02";

fn amounts(m: &MoneyView) -> &str {
    &m.amount
}

async fn invoice(ctx: Ctx<'_>, client: i64, issue: &str, due: &str, currency: &str, price: &str) -> i64 {
    create_invoice(ctx, &issued_invoice(client, issue, due, currency, vec![line("Work", "1", price, "0")])).await
}

async fn pay_on(ctx: Ctx<'_>, invoice_id: i64, amount: &str, date: &str) {
    let p = PaymentInput {
        invoice_id,
        amount: amount.into(),
        date: date.into(),
        method: PaymentMethod::BankTransfer,
        reference: String::new(),
    };
    kindly_api::payments::record(ctx, &p).await.expect("payment");
}

async fn step_on(ctx: Ctx<'_>, invoice_id: i64) {
    let req = MarkDoneRequest { invoice_ids: vec![invoice_id], channel: Channel::Phone, note: String::new() };
    followups::mark_done(ctx, &req).await.expect("step");
}

async fn plan(ctx: Ctx<'_>, invoice_id: i64, installments: &[(&str, &str)]) {
    let input = PlanInput {
        invoice_ids: vec![invoice_id],
        frequency: Frequency::Custom,
        installments: Some(
            installments
                .iter()
                .map(|(d, a)| InstallmentInput { due_on: d.to_string(), amount: a.to_string() })
                .collect(),
        ),
        ..Default::default()
    };
    let p = plans::propose(ctx, &input).await.expect("propose plan");
    let accept = AcceptInput { plan_id: p.id, agreed_on: String::new(), how: AgreedHow::Call, note: String::new() };
    plans::accept(ctx, &accept).await.expect("accept plan");
}

async fn promise(ctx: Ctx<'_>, invoice_id: i64, on_day: &str, amount: &str) {
    let p = PromiseInput { invoice_id, promised_on: on_day.into(), amount: amount.into(), how: AgreedHow::Call };
    contacts::add_promise(ctx, &p).await.expect("promise");
}

/// The hand-computed dataset (today 2026-12-02, Wednesday; EUR is the
/// business currency). EUR, open (owing, due, bucket):
///   E0 100.00 due 12-02 not yet due · E1 101.00 − 1.00 paid, due 12-01, 1–30
///   E30 130.00 due 11-02 1–30 (open promise: 50.00 on 12-10)
///   E31 131.00 due 11-01 31–60 (steps: reminder 11-02, follow-up 11-08, no payment)
///   E60 160.00 due 10-03 31–60 · E61 161.00 due 10-02 61–90
///   E90 190.00 due 09-03 61–90 · E91 191.00 due 09-02 over 90 (Bob; active plan
///   on track: 91.00 on 12-05, 100.00 on 2027-01-05)
///   F 200.00 due 12-20 not yet due (Bob; a broken promise)
///   EC 300.00 due 10-15 31–60 (Cy; plan behind: 100.00 on 11-28 unpaid, 200.00 on 12-28)
/// EUR, paid: P1 400.00 issued 10-01, paid 10-21 (20 days) · P2 500.00 issued
///   06-10, paid 250 on 07-01 and 250 on 07-20 (40 days; reminder step 07-11,
///   paid 9 days later) · P3 600.00 issued 2025-11-01, paid 2025-12-02 (out of
///   every window) · P4 50.00 (Cy) issued 11-10, reminder 11-25, paid 11-26 (16 days).
/// Left out: X1 999.00 cancelled, D1 777.00 draft.
/// USD: U1 1,000.00 issued 11-15 due 11-30 (1–30) · U2 250.00 issued 02-10 paid 03-01 (19 days).
pub struct HandMade {
    pub db: kindly_tests::TestDb,
    pub ada: i64,
    pub bob: i64,
    pub cy: i64,
}

pub async fn hand_made() -> HandMade {
    let db = open_business_db().await;
    let t = on(&db.store, TODAY);
    let ada = create_client(t, &client_input("Ada Client", vec!["ada@example.com".into()])).await;
    let bob = create_client(t, &client_input("Bob Client", vec!["bob@example.com".into()])).await;
    let cy = create_client(t, &client_input("Cy Client", vec!["cy@example.com".into()])).await;
    let e0 = invoice(t, ada, "2026-11-20", "2026-12-02", "EUR", "100.00").await;
    let e1 = invoice(t, ada, "2026-11-01", "2026-12-01", "EUR", "101.00").await;
    let e30 = invoice(t, ada, "2026-10-20", "2026-11-02", "EUR", "130.00").await;
    let e31 = invoice(t, ada, "2026-10-01", "2026-11-01", "EUR", "131.00").await;
    invoice(t, ada, "2026-09-20", "2026-10-03", "EUR", "160.00").await;
    invoice(t, ada, "2026-09-02", "2026-10-02", "EUR", "161.00").await;
    invoice(t, ada, "2026-08-20", "2026-09-03", "EUR", "190.00").await;
    let e91 = invoice(t, bob, "2026-08-03", "2026-09-02", "EUR", "191.00").await;
    let f = invoice(t, bob, "2026-12-01", "2026-12-20", "EUR", "200.00").await;
    let ec = invoice(t, cy, "2026-10-01", "2026-10-15", "EUR", "300.00").await;
    let p1 = invoice(t, ada, "2026-10-01", "2026-10-31", "EUR", "400.00").await;
    let p2 = invoice(t, bob, "2026-06-10", "2026-07-10", "EUR", "500.00").await;
    let p3 = invoice(t, ada, "2025-11-01", "2025-12-01", "EUR", "600.00").await;
    let p4 = invoice(t, cy, "2026-11-10", "2026-11-24", "EUR", "50.00").await;
    let x1 = invoice(t, ada, "2026-11-05", "2026-12-05", "EUR", "999.00").await;
    kindly_api::invoices::cancel(t, x1, "sent by mistake").await.expect("cancel");
    let mut draft = issued_invoice(ada, "2026-11-06", "2026-12-06", "EUR", vec![line("Work", "1", "777.00", "0")]);
    draft.issue = false;
    create_invoice(t, &draft).await;
    let u1 = invoice(t, ada, "2026-11-15", "2026-11-30", "USD", "1000.00").await;
    let u2 = invoice(t, ada, "2026-02-10", "2026-03-10", "USD", "250.00").await;
    let _ = u1;

    // Steps on their days (the stage due then), payments on theirs.
    step_on(on(&db.store, "2026-07-11"), p2).await;
    step_on(on(&db.store, "2026-11-02"), e31).await;
    step_on(on(&db.store, "2026-11-08"), e31).await;
    step_on(on(&db.store, "2026-11-25"), p4).await;
    pay_on(t, e1, "1.00", "2026-11-15").await;
    pay_on(t, p1, "400.00", "2026-10-21").await;
    pay_on(t, p2, "250.00", "2026-07-01").await;
    pay_on(t, p2, "250.00", "2026-07-20").await;
    pay_on(t, p3, "600.00", "2025-12-02").await;
    pay_on(t, p4, "50.00", "2026-11-26").await;
    pay_on(t, u2, "250.00", "2026-03-01").await;

    // A broken promise on F (promised for 11-28, nothing paid), an open one on E30.
    let day = on(&db.store, "2026-11-25");
    promise(day, f, "2026-11-28", "").await;
    contacts::resolve_promises(t).await.expect("resolve");
    promise(t, e30, "2026-12-10", "50.00").await;
    // Cy's plan, agreed on 11-20, is 4 days behind on 12-02 (grace 7 days).
    plan(on(&db.store, "2026-11-20"), ec, &[("2026-11-28", "100.00"), ("2026-12-28", "200.00")]).await;
    plan(t, e91, &[("2026-12-05", "91.00"), ("2027-01-05", "100.00")]).await;
    let _ = e0;
    HandMade { db, ada, bob, cy }
}

fn eur(v: &OverviewView) -> &CurrencyOverview {
    v.currencies.iter().find(|c| c.currency == "EUR").expect("EUR")
}

fn usd(v: &OverviewView) -> &CurrencyOverview {
    v.currencies.iter().find(|c| c.currency == "USD").expect("USD")
}

#[tokio::test]
async fn every_figure_on_the_hand_computed_dataset() {
    let h = hand_made().await;
    let t = on(&h.db.store, TODAY);
    let v = overview::overview(t, &OverviewRequest::default()).await.unwrap();
    assert_eq!(v.today, TODAY);
    assert!(v.has_invoices);
    assert_eq!(v.business_currency, "EUR");
    assert_eq!(v.currencies.iter().map(|c| c.currency.as_str()).collect::<Vec<_>>(), ["EUR", "USD"]);
    let e = eur(&v);

    // Outstanding, overdue, aging.
    assert_eq!((amounts(&e.outstanding.amount), e.outstanding.count), ("1663.00", 10));
    assert_eq!((amounts(&e.overdue.amount), e.overdue.count), ("1363.00", 8));
    let aging: Vec<_> = e.aging.iter().map(|a| (a.bucket, amounts(&a.amount), a.count)).collect();
    assert_eq!(
        aging,
        [
            (AgingBucket::NotYetDue, "300.00", 2),
            (AgingBucket::Days1To30, "230.00", 2),
            (AgingBucket::Days31To60, "591.00", 3),
            (AgingBucket::Days61To90, "351.00", 2),
            (AgingBucket::Over90, "191.00", 1),
        ]
    );
    let ranges: Vec<_> = e.aging.iter().map(|a| (a.due_from.as_deref(), a.due_to.as_deref())).collect();
    assert_eq!(
        ranges,
        [
            (Some("2026-12-02"), None),
            (Some("2026-11-02"), Some("2026-12-01")),
            (Some("2026-10-03"), Some("2026-11-01")),
            (Some("2026-09-03"), Some("2026-10-02")),
            (None, Some("2026-09-02")),
        ]
    );

    // DSO: 1,663.00 outstanding ÷ 1,572.00 invoiced 09-04..12-02 × 90 = 95.2.
    assert_eq!(e.dso.days.as_deref(), Some("95.2"));
    assert_eq!(e.dso.days_rounded, Some(95));
    assert_eq!((amounts(&e.dso.invoiced), e.dso.invoiced_count), ("1572.00", 9));
    assert_eq!((e.dso.window_from.as_str(), e.dso.window_to.as_str(), e.dso.window_days), ("2026-09-04", TODAY, 90));
    assert!(v.dso_formula.contains("× 90"), "{}", v.dso_formula);

    // Days to pay: (20 + 40 + 16) / 3 = 25.3; P3 was paid before 2025-12-03.
    let d = &e.days_to_pay;
    assert_eq!((d.average_days.as_deref(), d.invoices), (Some("25.3"), 3));
    assert_eq!((d.window_from.as_str(), d.window_to.as_str()), ("2025-12-03", TODAY));
    let slow: Vec<_> = d.slowest_clients.iter().map(|c| (c.client_id, c.average_days.as_str(), c.invoices)).collect();
    assert_eq!(slow, [(h.bob, "40.0", 1), (h.ada, "20.0", 1), (h.cy, "16.0", 1)]);
    assert_eq!(d.slowest_clients[0].client_name, "Bob Client");

    // Expected cash-in.
    let c = &e.cash_in;
    let w = |x: &kindly_api::overview::CashInWindow| {
        (
            x.from.clone(),
            x.to.clone(),
            x.expected.amount.clone(),
            x.from_due_dates.amount.clone(),
            x.from_promises.amount.clone(),
            x.from_installments.amount.clone(),
            x.at_risk.amount.clone(),
        )
    };
    let s = |a: &str, b: &str, e: &str, d: &str, p: &str, i: &str, r: &str| {
        (a.to_string(), b.to_string(), e.to_string(), d.to_string(), p.to_string(), i.to_string(), r.to_string())
    };
    assert_eq!(
        c.weeks.iter().map(w).collect::<Vec<_>>(),
        [
            s("2026-12-02", "2026-12-08", "191.00", "100.00", "0.00", "91.00", "0.00"),
            s("2026-12-09", "2026-12-15", "50.00", "0.00", "50.00", "0.00", "0.00"),
            s("2026-12-16", "2026-12-22", "200.00", "200.00", "0.00", "0.00", "200.00"),
            s("2026-12-23", "2026-12-29", "200.00", "0.00", "0.00", "200.00", "200.00"),
        ]
    );
    assert_eq!(
        c.months.iter().map(w).collect::<Vec<_>>(),
        [
            s("2026-12-02", "2026-12-31", "641.00", "300.00", "50.00", "291.00", "400.00"),
            s("2027-01-01", "2027-01-31", "100.00", "0.00", "0.00", "100.00", "0.00"),
            s("2027-02-01", "2027-02-28", "0.00", "0.00", "0.00", "0.00", "0.00"),
        ]
    );
    // 1,363.00 overdue − 130.00 (E30) + 80.00 (E30 beyond the promise) − 191.00 and
    // − 300.00 (in plans) + 100.00 (Cy's installment past due).
    assert_eq!(c.already_late.amount, "922.00");

    // Ladder steps: reminder 3 (P4 paid the next day; E31 never; P2 9 days later), follow-up 1.
    let steps: Vec<_> = e
        .steps
        .iter()
        .map(|s| {
            (s.stage_key.as_str(), s.name.as_str(), s.steps, s.paid_within_7_days, s.share_percent, s.share_permille)
        })
        .collect();
    assert_eq!(
        steps,
        [("reminder", "Friendly reminder", 3, 1, 33, 333), ("follow_up", "Polite follow-up", 1, 0, 0, 0)]
    );

    // 12 months, oldest first, zero months included.
    let months: Vec<_> = e
        .months
        .iter()
        .map(|m| (m.month.as_str(), amounts(&m.invoiced), m.invoiced_count, amounts(&m.collected), m.collected_count))
        .collect();
    assert_eq!(
        months,
        [
            ("2026-01", "0.00", 0, "0.00", 0),
            ("2026-02", "0.00", 0, "0.00", 0),
            ("2026-03", "0.00", 0, "0.00", 0),
            ("2026-04", "0.00", 0, "0.00", 0),
            ("2026-05", "0.00", 0, "0.00", 0),
            ("2026-06", "500.00", 1, "0.00", 0),
            ("2026-07", "0.00", 0, "500.00", 2),
            ("2026-08", "381.00", 2, "0.00", 0),
            ("2026-09", "321.00", 2, "0.00", 0),
            ("2026-10", "961.00", 4, "400.00", 1),
            ("2026-11", "251.00", 3, "51.00", 2),
            ("2026-12", "200.00", 1, "0.00", 0),
        ]
    );
    assert_eq!((e.months[11].from.as_str(), e.months[11].to.as_str()), ("2026-12-01", "2026-12-31"));

    // USD, never added to EUR.
    let u = usd(&v);
    assert_eq!((amounts(&u.outstanding.amount), u.outstanding.count), ("1000.00", 1));
    assert_eq!((amounts(&u.overdue.amount), u.overdue.count), ("1000.00", 1));
    assert_eq!(amounts(&u.aging[1].amount), "1000.00");
    assert_eq!(u.dso.days.as_deref(), Some("90.0"));
    assert_eq!(u.days_to_pay.average_days.as_deref(), Some("19.0"));
    assert_eq!(u.cash_in.already_late.amount, "1000.00");
    assert!(u.cash_in.weeks.iter().all(|w| w.expected.is_zero));
    assert!(u.steps.is_empty());
    assert_eq!(amounts(&u.months[1].invoiced), "250.00");
    assert_eq!(amounts(&u.months[2].collected), "250.00");
    assert_eq!(amounts(&u.months[10].invoiced), "1000.00");
    for c in &v.currencies {
        for m in [&c.outstanding.amount, &c.overdue.amount, &c.dso.invoiced, &c.cash_in.already_late] {
            assert_eq!(m.currency, c.currency, "every amount is in its section's currency");
        }
    }

    // One currency on request.
    let only =
        overview::overview(t, &OverviewRequest { currency: Some(Currency::parse("USD").unwrap()) }).await.unwrap();
    assert_eq!(only.currencies.len(), 1);
    assert_eq!(only.currencies[0], *u);
}

/// What an invoice list with this filter shows, computed here from plain
/// rows: the filter a figure carries must select exactly its invoices.
pub async fn listed(db: &std::path::Path, link: &InvoicesLink, today: &str) -> (i64, i64) {
    let rows: Vec<(i64, String, String, String, String, i64, i64)> = kindly_tests::raw_at(db)
        .await
        .rows(
            "SELECT client_id, status, CAST(issue_date AS TEXT), CAST(due_date AS TEXT), currency, total_minor, paid_minor
             FROM invoices",
        )
        .await;
    let today_d: chrono::NaiveDate = today.parse().unwrap();
    let (mut n, mut owing) = (0, 0);
    for (client, status, issue, due, currency, total, paid) in rows {
        let open = status == "issued" && paid < total;
        let due_d: chrono::NaiveDate = due.parse().unwrap();
        let ok = currency == link.currency
            && link.client_id.is_none_or(|id| id == client)
            && (link.open_only != Some(true) || open)
            && (link.issued_only != Some(true) || status == "issued")
            && link.aging.is_none_or(|b| open && AgingBucket::of(due_d, today_d) == b)
            && link.state.is_none_or(|s| match s {
                InvoiceState::Overdue => open && due_d < today_d,
                InvoiceState::Paid => status == "issued" && paid >= total,
                _ => true,
            })
            && link.due_from.as_deref().is_none_or(|f| due.as_str() >= f)
            && link.due_to.as_deref().is_none_or(|t| due.as_str() <= t)
            && link.issued_from.as_deref().is_none_or(|f| issue.as_str() >= f)
            && link.issued_to.as_deref().is_none_or(|t| issue.as_str() <= t);
        if ok {
            n += 1;
            owing += total - paid;
        }
    }
    (n, owing)
}

fn minor(m: &MoneyView) -> i64 {
    let neg = m.amount.starts_with('-');
    let digits: String = m.amount.chars().filter(|c| c.is_ascii_digit()).collect();
    let v: i64 = digits.parse().unwrap();
    if neg {
        -v
    } else {
        v
    }
}

#[tokio::test]
async fn every_figure_carries_the_filter_of_its_list() {
    let h = hand_made().await;
    let v = overview::overview(on(&h.db.store, TODAY), &OverviewRequest::default()).await.unwrap();
    for c in &v.currencies {
        assert_eq!(
            listed(&h.db.path, &c.outstanding.link, TODAY).await,
            (c.outstanding.count, minor(&c.outstanding.amount))
        );
        assert_eq!(listed(&h.db.path, &c.overdue.link, TODAY).await, (c.overdue.count, minor(&c.overdue.amount)));
        for a in &c.aging {
            assert_eq!(a.link.aging, Some(a.bucket));
            assert_eq!(listed(&h.db.path, &a.link, TODAY).await, (a.count, minor(&a.amount)), "{:?}", a.bucket);
        }
        assert!(listed(&h.db.path, &c.dso.invoiced_link, TODAY).await.0 >= c.dso.invoiced_count);
        for m in &c.months {
            assert_eq!(m.invoiced_link.issued_from.as_deref(), Some(m.from.as_str()));
            assert_eq!(m.collected_link.from.as_deref(), Some(m.from.as_str()));
            assert_eq!(m.collected_link.to.as_deref(), Some(m.to.as_str()));
            assert_eq!(m.collected_link.currency, c.currency);
        }
        for w in c.cash_in.weeks.iter().chain(&c.cash_in.months) {
            assert_eq!(
                (w.link.due_from.as_deref(), w.link.due_to.as_deref()),
                (Some(w.from.as_str()), Some(w.to.as_str()))
            );
        }
        for s in &c.days_to_pay.slowest_clients {
            assert_eq!(s.link.client_id, Some(s.client_id));
            assert!(listed(&h.db.path, &s.link, TODAY).await.0 >= s.invoices);
        }
    }
    // The JSON the UI gets: absent filters are left out, so the list request takes it as is.
    let json = serde_json::to_value(&eur(&v).aging[2].link).unwrap();
    assert_eq!(json, serde_json::json!({ "currency": "EUR", "aging": "days_31_60", "open_only": true }));
}

#[tokio::test]
async fn an_empty_database_has_every_figure_at_zero() {
    let db = open_db().await;
    let v = overview::overview(on(&db.store, TODAY), &OverviewRequest::default()).await.unwrap();
    assert!(!v.has_invoices);
    assert_eq!(v.currencies.len(), 1, "the business currency, with zeros");
    let c = &v.currencies[0];
    assert_eq!(c.currency, "EUR");
    assert!(c.outstanding.amount.is_zero && c.outstanding.count == 0);
    assert!(c.overdue.amount.is_zero && c.overdue.count == 0);
    assert_eq!(c.aging.len(), 5);
    assert!(c.aging.iter().all(|a| a.amount.is_zero && a.count == 0));
    assert_eq!((c.dso.days.as_deref(), c.dso.days_rounded), (None, None));
    assert_eq!((c.days_to_pay.average_days.as_deref(), c.days_to_pay.invoices), (None, 0));
    assert!(c.days_to_pay.slowest_clients.is_empty());
    assert_eq!((c.cash_in.weeks.len(), c.cash_in.months.len()), (4, 3));
    assert!(c.cash_in.weeks.iter().chain(&c.cash_in.months).all(|w| w.expected.is_zero && w.at_risk.is_zero));
    assert!(c.steps.is_empty());
    assert_eq!(c.months.len(), 12);
    assert!(c.months.iter().all(|m| m.invoiced.is_zero && m.collected.is_zero));
}

#[tokio::test]
async fn one_invoice() {
    let db = open_db().await;
    let t = on(&db.store, TODAY);
    let a = create_client(t, &client_input("Solo", vec![])).await;
    invoice(t, a, "2026-11-25", "2026-12-09", "GBP", "80.00").await;
    let v = overview::overview(t, &OverviewRequest::default()).await.unwrap();
    assert!(v.has_invoices);
    // The business currency (EUR) has no data: only GBP is shown.
    assert_eq!(v.currencies.iter().map(|c| c.currency.as_str()).collect::<Vec<_>>(), ["GBP"]);
    let c = &v.currencies[0];
    assert_eq!((amounts(&c.outstanding.amount), c.outstanding.count), ("80.00", 1));
    assert!(c.overdue.amount.is_zero);
    assert_eq!(c.dso.days.as_deref(), Some("90.0"));
    assert_eq!(c.cash_in.weeks[1].expected.amount, "80.00");
    assert_eq!(c.cash_in.months[0].from_due_dates.amount, "80.00");
    assert_eq!(amounts(&c.months[10].invoiced), "80.00");
    assert_eq!(c.days_to_pay.average_days, None);
}

#[tokio::test]
async fn currencies_are_ordered_business_first_then_by_amount_owed_and_never_added() {
    let db = open_db().await;
    let t = on(&db.store, TODAY);
    let a = create_client(t, &client_input("Multi", vec![])).await;
    invoice(t, a, "2026-11-25", "2026-12-09", "GBP", "10.00").await;
    invoice(t, a, "2026-11-25", "2026-12-09", "USD", "500.00").await;
    invoice(t, a, "2026-11-25", "2026-12-09", "EUR", "1.00").await;
    let v = overview::overview(t, &OverviewRequest::default()).await.unwrap();
    assert_eq!(v.currencies.iter().map(|c| c.currency.as_str()).collect::<Vec<_>>(), ["EUR", "USD", "GBP"]);
    let owed: Vec<_> = v.currencies.iter().map(|c| c.outstanding.amount.amount.as_str()).collect();
    assert_eq!(owed, ["1.00", "500.00", "10.00"]);
}

/// Click-through: the filter a figure carries, given to the invoice list as
/// the UI gives it (the link's JSON as the list request), lists exactly the
/// figure's invoices; a month's "collected" lists exactly its payments.
#[tokio::test]
async fn clicking_a_figure_opens_the_list_of_exactly_its_invoices() {
    use kindly_api::invoices::{self, InvoiceListRequest};
    use kindly_api::payments::{self as pay, PaymentListRequest};
    let h = hand_made().await;
    let t = on(&h.db.store, TODAY);
    let v = overview::overview(t, &OverviewRequest::default()).await.unwrap();
    let list = |link: &InvoicesLink| {
        let mut req: InvoiceListRequest = serde_json::from_value(serde_json::to_value(link).unwrap()).unwrap();
        req.limit = 1000;
        async move { invoices::list(t, &req).await.unwrap() }
    };
    let mut checked = 0;
    for c in &v.currencies {
        let figures = [
            (&c.outstanding.link, c.outstanding.count, &c.outstanding.amount),
            (&c.overdue.link, c.overdue.count, &c.overdue.amount),
        ];
        for (link, count, amount) in figures {
            let page = list(link).await;
            assert_eq!(page.total, count, "{link:?}");
            let owing: i64 = page.rows.iter().map(|r| minor(&r.outstanding)).sum();
            assert_eq!(owing, minor(amount), "{link:?}");
            checked += 1;
        }
        for a in &c.aging {
            let page = list(&a.link).await;
            assert_eq!(page.total, a.count, "{:?}", a.bucket);
            assert!(page.rows.iter().all(|r| r.total.currency == c.currency));
            checked += 1;
        }
        for m in &c.months {
            let page = list(&m.invoiced_link).await;
            assert_eq!(page.total, m.invoiced_count, "{}", m.month);
            let mut req: PaymentListRequest =
                serde_json::from_value(serde_json::to_value(&m.collected_link).unwrap()).unwrap();
            req.limit = 1000;
            let paid = pay::list(t, &req).await.unwrap();
            assert_eq!(paid.total, m.collected_count, "{}", m.month);
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked} figures checked");
}

/// The overview's reads are kept between clicks (the store's memo): a
/// payment, a promise or a new invoice must show at the next read, never a
/// figure from before the change.
#[tokio::test]
async fn the_kept_overview_follows_every_change_at_once() {
    let db = open_db().await;
    let t = on(&db.store, TODAY);
    let a = create_client(t, &client_input("Kept", vec![])).await;
    let inv = invoice(t, a, "2026-11-01", "2026-11-20", "EUR", "300.00").await;
    let eur = |v: &OverviewView| v.currencies.iter().find(|c| c.currency == "EUR").cloned().unwrap();
    let read = || async { overview::overview(t, &OverviewRequest::default()).await.unwrap() };
    let before = eur(&read().await);
    assert_eq!(amounts(&before.outstanding.amount), "300.00");
    assert_eq!(amounts(&eur(&read().await).outstanding.amount), "300.00");

    pay_on(t, inv, "100.00", "2026-12-01").await;
    let paid = eur(&read().await);
    assert_eq!(amounts(&paid.outstanding.amount), "200.00");
    assert_eq!(amounts(&paid.cash_in.already_late), "200.00");

    promise(t, inv, "2026-12-04", "150.00").await;
    let promised = eur(&read().await);
    assert_eq!(promised.cash_in.weeks[0].from_promises.amount, "150.00");
    assert_eq!(amounts(&promised.cash_in.already_late), "50.00");

    // Another connection (the CLI, another window) commits: seen too.
    let other = db.reopen().await;
    invoice(on(&other, TODAY), a, "2026-12-01", "2026-12-31", "EUR", "40.00").await;
    assert_eq!(amounts(&eur(&read().await).outstanding.amount), "240.00");
    // And another day, with no change at all, moves the aging.
    let next = overview::overview(on(&db.store, "2027-01-01"), &OverviewRequest::default()).await.unwrap();
    assert_eq!(eur(&next).aging[0].count, 0);
}

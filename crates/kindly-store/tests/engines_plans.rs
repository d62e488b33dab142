//! Plans, calls and promises, the cash-in moves and the overview (issue
//! #19's port of `plans`, `contacts`, `cash_in` and `overview`) behave the
//! same on both engines: one fixture, run on a SQLite temp file and on a
//! fresh PostgreSQL database, with the same results and typed errors, and
//! the overview's figures compared between the two. Plus, on PostgreSQL
//! only, each read-check-write these modules lock: another machine in the
//! middle of the same change (a raw transaction holding what the store
//! would hold) makes the store wait, then see the change and do nothing
//! twice; and two machines refreshing plans at once record each break once.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed unwrap fails it

use chrono::NaiveDate;
use kindly_core::client::ClientDetails;
use kindly_core::locale::Locale;
use kindly_core::payment::{PaymentMethod, ValidPayment};
use kindly_core::timeline::EventKind;
use kindly_core::vocab::{AgreedHow, PlanState, PromiseOutcome};
use kindly_core::{Currency, ErrorCode, Money};
use kindly_followup::ladder::Channel;
use kindly_followup::plan::progress::{ReminderKind, ReminderRule};
use kindly_followup::plan::schedule::Installment;
use kindly_store::{CallLog, DoneStep, NewEvent, NewInvoice, NewPlan, NewPromise, Store, StoreError};
use sqlx::PgPool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

mod support;

use support::{at, both, day, fresh_pg_database, Db};

fn client(name: &str) -> ClientDetails {
    ClientDetails {
        display_name: name.into(),
        greeting_name: name.split(' ').next().unwrap_or(name).into(),
        company: None,
        emails: vec![format!("{}@example.com", name.split(' ').next().unwrap_or(name).to_lowercase())],
        phone: None,
        address: "Main St 1".into(),
        language: Locale::En,
        notes: String::new(),
    }
}

/// An issued invoice of `amount` (minor units, no tax) in `currency`.
fn invoice(client_id: i64, currency: Currency, amount: i64, issued: NaiveDate, due: NaiveDate) -> NewInvoice {
    support::one_line_invoice(client_id, currency, amount, issued, due)
}

fn paid(minor: i64, currency: Currency, on: NaiveDate) -> ValidPayment {
    ValidPayment { amount: Money::new(minor, currency), date: on, method: PaymentMethod::BankTransfer, reference: None }
}

fn installments(parts: &[(NaiveDate, i64)]) -> Vec<Installment> {
    parts
        .iter()
        .enumerate()
        .map(|(i, (due_on, amount_minor))| Installment {
            seq: i as u32 + 1,
            due_on: *due_on,
            amount_minor: *amount_minor,
        })
        .collect()
}

fn plan<'a>(client_id: i64, invoice_ids: &'a [i64], inst: &'a [Installment]) -> NewPlan<'a> {
    NewPlan {
        client_id,
        invoice_ids,
        installments: inst,
        grace_days: 7,
        reminder_rule: ReminderRule::default(),
        frequency: "monthly",
        note: "",
    }
}

fn plan_code(r: Result<impl std::fmt::Debug, StoreError>) -> ErrorCode {
    match r {
        Err(e) => e.code(),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

fn promise(on: NaiveDate, minor: i64, how: &str) -> NewPromise {
    NewPromise { promised_on: on, amount_minor: minor, currency: Currency::EUR, how: how.into() }
}

/// How many timeline entries of `kind` the client has.
async fn entries(store: &Store, client: i64, kind: EventKind) -> usize {
    store.client_timeline(client, 1000).await.unwrap().iter().filter(|e| e.kind == kind).count()
}

/// Plans (offered, agreed, paid, broken, renegotiated, cancelled,
/// completed), calls and promises (kept, broken, the follow-up list), the
/// cash-in moves and every overview read: the same results on both
/// engines, and the overview's figures equal between them.
#[tokio::test]
async fn plans_promises_and_the_overview_agree_on_both_engines() {
    let figures: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = figures.clone();
    both(move |store, db| {
        let seen = seen.clone();
        async move {
            let fingerprint = fixture(&store, &db).await;
            seen.lock().unwrap().push(fingerprint);
        }
    })
    .await;
    let figures = figures.lock().unwrap();
    if let [sqlite, postgres] = figures.as_slice() {
        assert_eq!(sqlite, postgres, "the overview differs between SQLite and PostgreSQL");
    }
}

/// The fixture and its checks; returns the overview's figures as text.
async fn fixture(store: &Store, db: &Db) -> String {
    let anna = store.create_client(&client("Anna Müller"), at(1, 5, 9)).await.unwrap();
    let ben = store.create_client(&client("ben Okafor"), at(1, 5, 9)).await.unwrap();
    let new = |c, cur, amount, due| invoice(c, cur, amount, day(2, 1), due);
    let (a, _) = store.create_invoice(&new(anna, Currency::EUR, 30_000, day(3, 31)), at(2, 1, 9)).await.unwrap();
    let (b, _) = store.create_invoice(&new(anna, Currency::EUR, 20_000, day(3, 31)), at(2, 1, 9)).await.unwrap();
    let (c, _) = store.create_invoice(&new(anna, Currency::EUR, 10_000, day(4, 15)), at(2, 1, 9)).await.unwrap();
    let (d, _) = store.create_invoice(&new(anna, Currency::USD, 5_000, day(4, 15)), at(2, 1, 9)).await.unwrap();
    let (e, _) = store.create_invoice(&new(ben, Currency::EUR, 40_000, day(3, 1)), at(2, 1, 9)).await.unwrap();
    // Ben pays one invoice in full after 40 days (the pay speed window).
    let (f, _) = store.create_invoice(&new(ben, Currency::EUR, 8_000, day(3, 1)), at(2, 1, 9)).await.unwrap();
    store.record_payment(f, &paid(8_000, Currency::EUR, day(3, 13)), at(3, 13, 9)).await.unwrap();

    // Offered over A: three installments of 100.00.
    let three = installments(&[(day(4, 10), 10_000), (day(5, 10), 10_000), (day(6, 10), 10_000)]);
    let p1 = store.create_plan(&plan(anna, &[a], &three), None, day(4, 1), at(4, 1, 9)).await.unwrap();
    let offered = store.plan(p1).await.unwrap();
    assert_eq!((offered.state, offered.total_minor, offered.created_on), (PlanState::Proposed, 30_000, day(4, 1)));
    assert_eq!(offered.installments, three);
    assert_eq!(offered.invoices.len(), 1);
    // A second plan on A, invoices of two currencies or two clients, nothing owing: typed refusals.
    let one = installments(&[(day(4, 20), 30_000)]);
    assert_eq!(
        plan_code(store.create_plan(&plan(anna, &[a], &one), None, day(4, 1), at(4, 1, 10)).await),
        ErrorCode::PlanExists
    );
    let mixed = installments(&[(day(4, 20), 25_000)]);
    assert_eq!(
        plan_code(store.create_plan(&plan(anna, &[b, d], &mixed), None, day(4, 1), at(4, 1, 10)).await),
        ErrorCode::MixedCurrencies
    );
    assert_eq!(
        plan_code(store.create_plan(&plan(anna, &[b, e], &mixed), None, day(4, 1), at(4, 1, 10)).await),
        ErrorCode::MixedClients
    );
    assert_eq!(
        plan_code(store.create_plan(&plan(ben, &[f], &one), None, day(4, 1), at(4, 1, 10)).await),
        ErrorCode::NothingOwing
    );
    assert!(matches!(
        store.create_plan(&plan(anna, &[9_999], &one), None, day(4, 1), at(4, 1, 10)).await,
        Err(StoreError::NotFound { entity: "invoice", .. })
    ));

    // Agreed: active, the invoice's ladder paused; agreeing twice or before the offer is refused.
    assert_eq!(
        plan_code(store.accept_plan(p1, day(3, 30), "call", "", at(4, 2, 9)).await),
        ErrorCode::AgreedBeforeProposed
    );
    assert_eq!(plan_code(store.accept_plan(p1, day(4, 2), "fax", "", at(4, 2, 9)).await), ErrorCode::InvalidAgreedHow);
    store.accept_plan(p1, day(4, 2), "call", "on the phone", at(4, 2, 9)).await.unwrap();
    assert_eq!(plan_code(store.accept_plan(p1, day(4, 2), "call", "", at(4, 2, 9)).await), ErrorCode::PlanState);
    let agreed = store.plan(p1).await.unwrap();
    assert_eq!(
        (agreed.state, agreed.agreed_on, agreed.agreed_how),
        (PlanState::Active, Some(day(4, 2)), Some(AgreedHow::Call))
    );
    assert_eq!(
        db.int(&format!("SELECT COUNT(*) FROM followups WHERE invoice_id = {a} AND next_action_on IS NULL")).await,
        1
    );

    // The first installment is paid; the plan is on track.
    store.record_payment(a, &paid(10_000, Currency::EUR, day(4, 9)), at(4, 9, 9)).await.unwrap();
    assert!(store.refresh_plans(day(4, 12), at(4, 12, 9)).await.unwrap().is_empty());
    let on_track = store.plan(p1).await.unwrap();
    assert_eq!(
        (on_track.paid_minor(), on_track.remaining_minor(), on_track.received_now_minor),
        (10_000, 20_000, 10_000)
    );
    let expected = store.expected_plans().await.unwrap();
    assert_eq!(expected.len(), 1);
    assert_eq!(
        (expected[0].id, expected[0].received_now_minor, expected[0].installments.clone()),
        (p1, 10_000, three.clone())
    );
    assert_eq!(store.active_plans().await.unwrap().len(), 1);

    // Offered over B and cancelled; cancelling twice is refused.
    let two = installments(&[(day(4, 20), 20_000)]);
    let p2 = store.create_plan(&plan(anna, &[b], &two), None, day(4, 3), at(4, 3, 9)).await.unwrap();
    store.cancel_plan(p2, "changed their mind", day(4, 4), at(4, 4, 9)).await.unwrap();
    assert_eq!(plan_code(store.cancel_plan(p2, "again", day(4, 4), at(4, 4, 10)).await), ErrorCode::PlanState);
    assert_eq!(store.plan(p2).await.unwrap().state, PlanState::Cancelled);
    // Then over B again: agreed and paid in full, so completed.
    let p3 = store.create_plan(&plan(anna, &[b], &two), None, day(4, 5), at(4, 5, 9)).await.unwrap();
    store.accept_plan(p3, day(4, 5), "email", "", at(4, 5, 10)).await.unwrap();
    store.record_payment(b, &paid(20_000, Currency::EUR, day(4, 18)), at(4, 18, 9)).await.unwrap();

    // Calls and promises on C: a call that reaches the client with a promise, a retry day.
    let call = CallLog {
        invoice_id: c,
        summary: "Called Anna",
        data: serde_json::json!({ "outcome": "reached" }),
        completes: None,
        retry_on: Some(day(4, 30)),
        promise: Some(promise(day(4, 20), 5_000, "call")),
        contact: true,
    };
    let logged = store.log_call(&call, day(4, 16), at(4, 16, 9)).await.unwrap();
    let kept_id = logged.promise_id.unwrap();
    // A call completing a ladder stage is that stage's step, once.
    let ladder = store.default_ladder().await.unwrap();
    let stage = ladder.stages[0].clone();
    let step = |summary: &'static str| CallLog {
        invoice_id: e,
        summary,
        data: serde_json::json!({}),
        completes: Some(DoneStep {
            invoice_id: e,
            stage: &stage,
            channel: Channel::Phone,
            summary,
            data: serde_json::json!({}),
            document_sha256: None,
        }),
        retry_on: None,
        promise: None,
        contact: false,
    };
    store.log_call(&step("Called Ben"), day(4, 16), at(4, 16, 10)).await.unwrap();
    assert!(matches!(
        store.log_call(&step("Called Ben again"), day(4, 17), at(4, 17, 10)).await,
        Err(StoreError::AlreadyDone)
    ));
    assert!(matches!(
        store.log_call(&CallLog { invoice_id: 9_999, ..call.clone() }, day(4, 16), at(4, 16, 11)).await,
        Err(StoreError::NotFound { entity: "invoice", .. })
    ));
    // 50.00 paid before the promised day: kept on the 21st.
    store.record_payment(c, &paid(5_000, Currency::EUR, day(4, 19)), at(4, 19, 9)).await.unwrap();
    let (broken_id, _) =
        store.add_promise(c, &promise(day(4, 25), 2_000, "email"), "Promise by e-mail", at(4, 22, 9)).await.unwrap();
    let promises = store.promises(Some(anna), None).await.unwrap();
    assert_eq!(promises.iter().map(|p| p.id).collect::<Vec<_>>(), vec![broken_id, kept_id]);
    assert_eq!((promises[1].how, promises[1].recorded_at, promises[1].outcome), (AgreedHow::Call, at(4, 16, 9), None));
    assert_eq!(store.promises(None, Some(e)).await.unwrap(), vec![]);
    assert_eq!(store.resolve_promises(day(4, 21), at(4, 21, 9)).await.unwrap(), vec![(kept_id, "kept")]);
    assert!(store.resolve_promises(day(4, 21), at(4, 21, 10)).await.unwrap().is_empty());
    assert!(store.broken_promises_due(day(4, 26), None).await.unwrap().is_empty());
    // Ben promises 100.00 of E for May 5th: a day the cash-in expects it.
    let (ben_promise, _) =
        store.add_promise(e, &promise(day(5, 5), 10_000, "in_person"), "Promise", at(4, 23, 9)).await.unwrap();

    // A note and its correction; a correction of another client's entry is refused.
    let note = NewEvent {
        client_id: anna,
        invoice_id: None,
        at: at(4, 22, 12),
        kind: EventKind::Note,
        summary: "note",
        data: serde_json::json!({ "text": "note" }),
    };
    let first = store.append_entry(&note, None).await.unwrap();
    let fix = NewEvent { kind: EventKind::Correction, summary: "fix", ..note.clone() };
    let fixed = store.append_entry(&fix, Some(first)).await.unwrap();
    assert_eq!(store.timeline_entry(first).await.unwrap().corrected_by, vec![fixed]);
    let other = NewEvent { client_id: ben, ..fix.clone() };
    assert!(matches!(
        store.append_entry(&other, Some(first)).await,
        Err(StoreError::NotFound { entity: "timeline entry of this client", .. })
    ));

    // The overview on the 26th: plan 1 active, a promise open, one kept.
    let today = day(4, 26);
    let mut figures = overview(store, today).await;

    // May 25th: plan 1's second installment is 15 days late (grace 7): broken, once;
    // plan 3 is paid: completed; the promise of the 25th is broken.
    let changes = store.refresh_plans(day(5, 25), at(5, 25, 9)).await.unwrap();
    assert_eq!(changes, vec![(p1, "broken".to_string()), (p3, "completed".to_string())]);
    assert!(store.refresh_plans(day(5, 25), at(5, 25, 10)).await.unwrap().is_empty());
    assert_eq!(entries(store, anna, EventKind::PlanBroken).await, 1);
    assert_eq!(entries(store, anna, EventKind::PlanCompleted).await, 1);
    assert_eq!(store.running_plans().await.unwrap().iter().map(|p| p.id).collect::<Vec<_>>(), vec![p1]);
    assert_eq!(
        store.resolve_promises(day(5, 25), at(5, 25, 11)).await.unwrap(),
        vec![(broken_id, "broken"), (ben_promise, "broken")]
    );
    let due = store.broken_promises_due(day(5, 26), Some(anna)).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].promise.id, due[0].promise.outcome, due[0].owing_minor),
        (broken_id, Some(PromiseOutcome::Broken), 5_000)
    );
    assert_eq!(due[0].due_date, day(4, 15));
    figures.push_str(&overview(store, day(5, 26)).await);

    // Renegotiated: a new plan over what is left of A replaces the broken one.
    let rest = installments(&[(day(6, 15), 10_000), (day(7, 15), 10_000)]);
    assert_eq!(
        plan_code(store.create_plan(&plan(anna, &[a], &rest), Some(p2), day(5, 27), at(5, 27, 9)).await),
        ErrorCode::PlanState
    );
    let p4 = store.create_plan(&plan(anna, &[a], &rest), Some(p1), day(5, 27), at(5, 27, 9)).await.unwrap();
    assert_eq!(store.plan(p1).await.unwrap().state, PlanState::Renegotiated);
    assert_eq!(store.plan(p4).await.unwrap().replaces_plan_id, Some(p1));
    assert_eq!(store.invoice_plans(a).await.unwrap().iter().map(|p| p.id).collect::<Vec<_>>(), vec![p4, p1]);
    assert_eq!(store.client_plans(anna).await.unwrap().len(), 4);
    assert_eq!(entries(store, anna, EventKind::PlanRenegotiated).await, 1);

    // The reminder and the promise follow-up by hand (the outbox shares
    // their record): once each, the same on both engines.
    store
        .record_plan_reminder(
            p4,
            1,
            ReminderKind::HeadsUp,
            "email",
            "heads up",
            serde_json::json!({}),
            day(6, 12),
            at(6, 12, 9),
        )
        .await
        .unwrap();
    store
        .mark_promise_followed_up(broken_id, "a kind word", serde_json::json!({}), day(6, 12), at(6, 12, 10))
        .await
        .unwrap();
    let again = store
        .record_plan_reminder(
            p4,
            1,
            ReminderKind::HeadsUp,
            "email",
            "again",
            serde_json::json!({}),
            day(6, 13),
            at(6, 13, 9),
        )
        .await;
    assert!(matches!(again, Err(StoreError::AlreadyDone)), "{again:?}");
    assert_eq!(store.plan(p4).await.unwrap().reminders_done, vec![(1, ReminderKind::HeadsUp)]);
    let twice =
        store.mark_promise_followed_up(broken_id, "again", serde_json::json!({}), day(6, 14), at(6, 14, 10)).await;
    assert!(matches!(twice, Err(StoreError::AlreadyDone)), "{twice:?}");
    figures
}

/// Every overview read on `today`, as text to compare between engines; the
/// self-check's summary and raw figures must agree.
async fn overview(store: &Store, today: NaiveDate) -> String {
    let mut out = String::new();
    let mut moves = store.cash_in_moves(today).await.unwrap();
    moves.sort_by_key(|m| (m.currency.code().to_string(), m.day, m.promised));
    out.push_str(&format!("moves {moves:?}\n"));
    let mut plans = store.expected_plans().await.unwrap();
    plans.sort_by_key(|p| p.id);
    out.push_str(&format!("plans {plans:?}\n"));
    out.push_str(&format!("open {:?}\n", store.overview_open().await.unwrap()));
    out.push_str(&format!("days {:?}\n", store.overview_days(day(1, 1), today).await.unwrap()));
    out.push_str(&format!("currencies {:?}\n", store.overview_currencies().await.unwrap()));
    out.push_str(&format!("steps {:?}\n", store.overview_steps().await.unwrap()));
    let from = today - chrono::Duration::days(90);
    out.push_str(&format!("slowest {:?}\n", store.slowest_payers(Currency::EUR, from, today, 10).await.unwrap()));
    // The window moved past Ben's payment (his row emptied), and back.
    let moved = store.slowest_payers(Currency::EUR, day(3, 14), today, 10).await.unwrap();
    assert_eq!(moved.len(), 1, "{moved:?}");
    out.push_str(&format!("moved {moved:?}\n"));
    out.push_str(&format!("slowest again {:?}\n", store.slowest_payers(Currency::EUR, from, today, 10).await.unwrap()));
    out.push_str(&format!("aging {:?}\n", store.aging_by_client(today, None).await.unwrap()));
    out.push_str(&format!("aging EUR {:?}\n", store.aging_by_client(today, Some(Currency::EUR)).await.unwrap()));
    for (what, summary, raw) in store.overview_self_check().await.unwrap() {
        assert_eq!(summary, raw, "{what}");
        out.push_str(&format!("{what} {summary}\n"));
    }
    assert!(out.contains("moves [CashInMove"), "the fixture moves nothing: {out}");
    assert!(out.contains("promised: true") || today > day(5, 5), "no promised day: {out}");
    assert!(out.contains("slowest [ClientPaySpeed"), "nobody paid in the window: {out}");
    out
}

/// Regression test for the overview on a new day (139 ms on PostgreSQL at
/// 1,000,000 invoices when it moved the per-client window itself): the
/// slowest payers read around a table that holds a window up to
/// `PAY_SPEED_READ_AROUND_DAYS` away, without writing, and agree with the
/// table moved there; further away, the read moves it first. Windows
/// shifted both ways at either end or both, around clients who leave the
/// window, enter it, or have some invoices in it and some not; a limit
/// below the number of clients, so the changed and the kept clients merge.
#[tokio::test]
async fn the_slowest_payers_read_around_a_nearby_window_agree_with_the_window_moved() {
    both(|store, db| async move {
        let names = ["Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"];
        // (client, issued, paid in full): days to pay from 3 to 40, paid
        // on days around both ends of the held window (2/10 to 3/10).
        let paid_on = [
            (0, day(1, 5), day(2, 8)),
            (0, day(2, 20), day(3, 9)),
            (1, day(1, 1), day(2, 10)),
            (1, day(3, 1), day(3, 12)),
            (2, day(2, 1), day(2, 11)),
            (2, day(2, 1), day(3, 11)),
            (3, day(2, 2), day(2, 12)),
            (4, day(3, 7), day(3, 10)),
            (4, day(1, 20), day(2, 13)),
            (5, day(2, 5), day(2, 9)),
            (5, day(1, 30), day(3, 13)),
            (6, day(2, 1), day(2, 25)),
            (7, day(1, 28), day(3, 8)),
            (7, day(2, 6), day(2, 14)),
        ];
        let mut ids = Vec::new();
        for n in names {
            ids.push(store.create_client(&client(n), at(1, 1, 9)).await.unwrap());
        }
        for (k, (who, issued, paid_day)) in paid_on.iter().enumerate() {
            let amount = 10_000 + k as i64;
            let (id, _) = store
                .create_invoice(
                    &invoice(ids[*who], Currency::EUR, amount, *issued, *issued + chrono::Duration::days(30)),
                    at(1, 1, 9),
                )
                .await
                .unwrap();
            store.record_payment(id, &paid(amount, Currency::EUR, *paid_day), at(3, 20, 9)).await.unwrap();
        }
        // Another currency's payer must not count.
        let (usd, _) = store
            .create_invoice(&invoice(ids[6], Currency::USD, 5_000, day(1, 1), day(1, 31)), at(1, 1, 9))
            .await
            .unwrap();
        store.record_payment(usd, &paid(5_000, Currency::USD, day(3, 9)), at(3, 20, 9)).await.unwrap();

        let (f0, t0) = (day(2, 10), day(3, 10));
        let held = "SELECT COUNT(*) FROM overview_window WHERE from_day = '2026-02-10' AND to_day = '2026-03-10'";
        let shift = |d: NaiveDate, n: i64| d + chrono::Duration::days(n);
        let mut around_reads = 0;
        for n in -5..=5i64 {
            for (from, to) in [(shift(f0, n), shift(t0, n)), (shift(f0, n), t0), (f0, shift(t0, n))] {
                for limit in [3, 10] {
                    store.move_pay_speed_window(f0, t0).await.unwrap();
                    let around = store.slowest_payers(Currency::EUR, from, to, limit).await.unwrap();
                    let near = n.abs() <= kindly_store::PAY_SPEED_READ_AROUND_DAYS;
                    assert_eq!(db.int(held).await == 1, near, "{from}..{to}: the read wrote only when far");
                    around_reads += i32::from(near && n != 0);
                    store.move_pay_speed_window(from, to).await.unwrap();
                    let moved = store.slowest_payers(Currency::EUR, from, to, limit).await.unwrap();
                    assert_eq!(around, moved, "{from}..{to} (limit {limit})");
                    // And both as counted from the fixture itself.
                    let mut want: Vec<(i64, i64, i64)> = Vec::new();
                    for (k, id) in ids.iter().enumerate() {
                        let mine: Vec<i64> = paid_on
                            .iter()
                            .filter(|(who, _, p)| *who == k && (from..=to).contains(p))
                            .map(|(_, issued, p)| (*p - *issued).num_days().max(0))
                            .collect();
                        if !mine.is_empty() {
                            want.push((*id, mine.iter().sum(), mine.len() as i64));
                        }
                    }
                    // Highest average first (compared as fractions), then more invoices, then the id.
                    want.sort_by(|a, b| (b.1 * a.2).cmp(&(a.1 * b.2)).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
                    want.truncate(limit as usize);
                    let got: Vec<(i64, i64, i64)> = moved.iter().map(|s| (s.client_id, s.days, s.invoices)).collect();
                    assert_eq!(got, want, "{from}..{to} (limit {limit})");
                }
            }
        }
        assert!(around_reads >= 30, "few reads went around the held window: {around_reads}");
    })
    .await;
}

// ---------------------------------------------------------------------------
// PostgreSQL only: the locks.
// ---------------------------------------------------------------------------

/// Waits until a connection of this database waits on a lock.
async fn until_one_waits(pool: &PgPool, what: &str) {
    for _ in 0..200 {
        let waiting: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        if waiting > 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what} never waited for the other machine's lock");
}

/// A store on a fresh database with Anna and one issued invoice of 300.00
/// due at the end of March; (url, store, client, invoice).
async fn pg_fixture() -> Option<(String, Store, i64, i64)> {
    let url = fresh_pg_database().await?;
    let store = Store::connect(&url).await.unwrap();
    let anna = store.create_client(&client("Anna Müller"), at(1, 5, 9)).await.unwrap();
    let (a, _) =
        store.create_invoice(&invoice(anna, Currency::EUR, 30_000, day(2, 1), day(3, 31)), at(2, 1, 9)).await.unwrap();
    Some((url, store, anna, a))
}

macro_rules! pg_or_skip {
    () => {
        match pg_fixture().await {
            Some(f) => f,
            None => {
                eprintln!("PostgreSQL is not installed: skipped (KINDLY_REQUIRE_PG=1 makes this an error)");
                return;
            }
        }
    };
}

/// Another machine proposing a plan over the invoice holds it locked (as
/// `create_plan` does) while its plan is not committed: this machine's
/// proposal waits, then sees that plan and is refused (`PlanExists`),
/// never a second open plan on one invoice.
#[tokio::test]
async fn a_plan_proposed_at_the_same_moment_on_the_same_invoice_is_refused() {
    let (url, store, anna, a) = pg_or_skip!();
    let pool = PgPool::connect(&url).await.unwrap();
    let mut other = pool.begin().await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT id FROM invoices WHERE id = {a} FOR UPDATE")))
        .execute(&mut *other)
        .await
        .unwrap();
    let theirs: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "INSERT INTO plans (client_id, state, currency, total_minor, paid_at_start_minor, grace_days, frequency, created_on, created_at)
         VALUES ({anna}, 'proposed', 'EUR', 30000, 0, 7, 'monthly', '2026-04-01', now()) RETURNING id"
    )))
    .fetch_one(&mut *other)
    .await
    .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO plan_invoices (plan_id, invoice_id, owing_at_start_minor) VALUES ({theirs}, {a}, 30000)"
    )))
    .execute(&mut *other)
    .await
    .unwrap();
    let mine = tokio::spawn(async move {
        let one = installments(&[(day(4, 20), 30_000)]);
        store.create_plan(&plan(anna, &[a], &one), None, day(4, 1), at(4, 1, 9)).await
    });
    until_one_waits(&pool, "the second proposal").await;
    other.commit().await.unwrap();
    let got = mine.await.unwrap();
    assert!(matches!(&got, Err(StoreError::Plan { code: ErrorCode::PlanExists, .. })), "{got:?}");
    let open: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM plans").fetch_one(&pool).await.unwrap();
    assert_eq!(open, 1, "two open plans on one invoice");
}

/// Another machine cancelling a proposed plan holds its row (as
/// `cancel_plan` does) until it commits: this machine's agreement waits,
/// then reads it cancelled and refuses with its own check (without the lock
/// it would read it proposed, and only the state trigger, mid-write, would
/// refuse).
#[tokio::test]
async fn a_plan_agreed_while_another_machine_cancels_it_is_refused() {
    let (url, store, anna, a) = pg_or_skip!();
    let one = installments(&[(day(4, 20), 30_000)]);
    let id = store.create_plan(&plan(anna, &[a], &one), None, day(4, 1), at(4, 1, 9)).await.unwrap();
    let pool = PgPool::connect(&url).await.unwrap();
    let mut other = pool.begin().await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT id FROM plans WHERE id = {id} FOR UPDATE")))
        .execute(&mut *other)
        .await
        .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE plans SET state = 'cancelled', ended_on = '2026-04-02' WHERE id = {id}"
    )))
    .execute(&mut *other)
    .await
    .unwrap();
    let accepting = store.clone();
    let mine = tokio::spawn(async move { accepting.accept_plan(id, day(4, 2), "call", "", at(4, 2, 9)).await });
    until_one_waits(&pool, "the agreement").await;
    other.commit().await.unwrap();
    let got = mine.await.unwrap();
    assert!(
        matches!(&got, Err(StoreError::Plan { code: ErrorCode::PlanState, message }) if message.contains("is cancelled, not proposed")),
        "{got:?}"
    );
    assert_eq!(store.plan(id).await.unwrap().state, PlanState::Cancelled);
    assert_eq!(entries(&store, anna, EventKind::PlanAgreed).await, 0);
}

/// Another machine resolving an open promise holds its row (as
/// `resolve_promises` does) until it commits: this machine's resolution
/// waits, then finds it resolved and records nothing (without the lock it
/// would write a second outcome, which the append-only trigger refuses,
/// failing the whole resolution).
#[tokio::test]
async fn promises_resolved_by_two_machines_at_once_are_resolved_once() {
    let (url, store, _anna, a) = pg_or_skip!();
    let (pid, _) = store.add_promise(a, &promise(day(4, 10), 5_000, "email"), "Promise", at(4, 1, 9)).await.unwrap();
    let pool = PgPool::connect(&url).await.unwrap();
    let mut other = pool.begin().await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT id FROM promises WHERE id = {pid} FOR UPDATE")))
        .execute(&mut *other)
        .await
        .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE promises SET outcome = 'broken', resolved_on = '2026-04-11' WHERE id = {pid}"
    )))
    .execute(&mut *other)
    .await
    .unwrap();
    let resolving = store.clone();
    let mine = tokio::spawn(async move { resolving.resolve_promises(day(4, 11), at(4, 11, 9)).await });
    until_one_waits(&pool, "the second resolution").await;
    other.commit().await.unwrap();
    let got = mine.await.unwrap();
    assert!(matches!(&got, Ok(v) if v.is_empty()), "{got:?}");
}

/// Another machine moving the overview's per-client window holds its row
/// (as `move_pay_speed_window` does) until it commits: this machine's move
/// to the same window waits, then finds it moved and adds nothing (without
/// the lock it would add the same days a second time).
#[tokio::test]
async fn the_pay_speed_window_moved_by_two_machines_at_once_moves_once() {
    let (url, store, anna, a) = pg_or_skip!();
    store.record_payment(a, &paid(30_000, Currency::EUR, day(3, 13)), at(3, 13, 9)).await.unwrap();
    let (from, to) = (day(1, 1), day(3, 31));
    let pool = PgPool::connect(&url).await.unwrap();
    let mut other = pool.begin().await.unwrap();
    sqlx::query("SELECT id FROM overview_window WHERE id = 1 FOR UPDATE").execute(&mut *other).await.unwrap();
    // The other machine's whole move (a rebuild: the window was empty).
    sqlx::query(
        "INSERT INTO overview_pay_speed (currency, client_id, days, invoices)
         SELECT currency, client_id, SUM(GREATEST(0, paid_in_full_on - issue_date)), COUNT(*) FROM invoices
         WHERE paid_in_full_on BETWEEN '2026-01-01' AND '2026-03-31' GROUP BY currency, client_id",
    )
    .execute(&mut *other)
    .await
    .unwrap();
    sqlx::query("UPDATE overview_window SET from_day = '2026-01-01', to_day = '2026-03-31' WHERE id = 1")
        .execute(&mut *other)
        .await
        .unwrap();
    let moving = store.clone();
    let mine = tokio::spawn(async move { moving.slowest_payers(Currency::EUR, from, to, 10).await });
    until_one_waits(&pool, "the second move").await;
    other.commit().await.unwrap();
    let got = mine.await.unwrap().unwrap();
    assert_eq!(got.iter().map(|s| (s.client_id, s.days, s.invoices)).collect::<Vec<_>>(), vec![(anna, 40, 1)]);
}

/// Another machine recording a plan broken holds its row (as
/// `refresh_plans` does) until it commits: this machine's refresh, which
/// found the plan late in its first plain read, waits, then reads it broken
/// and records nothing (without the lock it would record the plan broken a
/// second time, with a second timeline entry: broken to broken is no state
/// change, so no trigger refuses it).
#[tokio::test]
async fn a_plan_broken_by_another_machine_at_the_same_moment_is_broken_once() {
    let (url, store, anna, a) = pg_or_skip!();
    let one = installments(&[(day(4, 10), 30_000)]);
    let id = store.create_plan(&plan(anna, &[a], &one), None, day(4, 1), at(4, 1, 9)).await.unwrap();
    store.accept_plan(id, day(4, 1), "call", "", at(4, 1, 10)).await.unwrap();
    let pool = PgPool::connect(&url).await.unwrap();
    let mut other = pool.begin().await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT id FROM plans WHERE id = {id} FOR UPDATE")))
        .execute(&mut *other)
        .await
        .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE plans SET state = 'broken', ended_on = '2026-05-01' WHERE id = {id}"
    )))
    .execute(&mut *other)
    .await
    .unwrap();
    let refreshing = store.clone();
    let mine = tokio::spawn(async move { refreshing.refresh_plans(day(5, 1), at(5, 1, 9)).await });
    until_one_waits(&pool, "the second refresh").await;
    other.commit().await.unwrap();
    let got = mine.await.unwrap();
    assert!(matches!(&got, Ok(v) if v.is_empty()), "{got:?}");
    assert_eq!(entries(&store, anna, EventKind::PlanBroken).await, 0, "recorded broken twice");
}

/// Two machines (two pools) refreshing the same plans at the same moment:
/// each broken plan is recorded broken once, with one timeline entry.
#[tokio::test]
async fn two_machines_refreshing_plans_at_once_break_each_once() {
    let (url, first, anna, _) = pg_or_skip!();
    let second = Store::connect(&url).await.unwrap();
    const PLANS: usize = 8;
    for _ in 0..PLANS {
        let (inv, _) = first
            .create_invoice(&invoice(anna, Currency::EUR, 10_000, day(2, 1), day(3, 31)), at(2, 1, 9))
            .await
            .unwrap();
        let one = installments(&[(day(4, 10), 10_000)]);
        let id = first.create_plan(&plan(anna, &[inv], &one), None, day(4, 1), at(4, 1, 9)).await.unwrap();
        first.accept_plan(id, day(4, 1), "call", "", at(4, 1, 10)).await.unwrap();
    }
    for _ in 0..3 {
        let (a, b) =
            tokio::join!(first.refresh_plans(day(5, 1), at(5, 1, 9)), second.refresh_plans(day(5, 1), at(5, 1, 9)));
        let _ = (a.unwrap(), b.unwrap());
    }
    assert_eq!(entries(&first, anna, EventKind::PlanBroken).await, PLANS);
    assert!(first.running_plans().await.unwrap().iter().all(|p| p.state == PlanState::Broken));
}

/// Letter batches on both engines: made with their letters, pending in
/// Today until printed, a state the printer reported, printed once with
/// the ladder step recorded (a second "printed" is `AlreadyDone`, an
/// unknown batch `NotFound`).
#[tokio::test]
async fn letter_batches_print_once_on_both_engines() {
    use kindly_core::vocab::LetterState;
    use kindly_store::{BatchItem, NewLetterBatch};
    both(|store, _| async move {
        let anna = store.create_client(&client("Anna Alves"), at(1, 1, 9)).await.unwrap();
        let (a, _) = store
            .create_invoice(&invoice(anna, Currency::EUR, 10_000, day(1, 1), day(1, 15)), at(1, 1, 9))
            .await
            .unwrap();
        let item = BatchItem {
            invoice_id: a,
            client_id: anna,
            stage_key: Some("reminder".into()),
            stage_offset: Some(7),
            first_page: 1,
            last_page: 2,
            subject: "A friendly reminder".into(),
            body: "Dear Anna".into(),
            invoice_numbers: "[\"INV-1\"]".into(),
        };
        let items = [item.clone()];
        let batch = NewLetterBatch { pdf_path: "letters/letters-1.pdf", sha256: "ab12", items: &items };
        let id = store.create_letter_batch(&batch, at(2, 1, 9)).await.unwrap();
        let b = store.letter_batch(id).await.unwrap();
        assert_eq!((b.state, b.made_at, b.items), (LetterState::Made, at(2, 1, 9), vec![item]));
        let pending = store.pending_letters(&[a, a + 99]).await.unwrap();
        assert_eq!(pending.len(), 1);
        assert_eq!((pending[0].batch_id, pending[0].state), (id, LetterState::Made));

        store.set_letter_batch_state(id, "awaiting_confirmation", "", "xdg-open", at(2, 1, 10)).await.unwrap();
        assert_eq!(store.pending_letters(&[a]).await.unwrap()[0].state, LetterState::AwaitingConfirmation);
        let e = store.set_letter_batch_state(id + 9, "not_printed", "x", "lp", at(2, 1, 10)).await.unwrap_err();
        assert!(matches!(e, StoreError::NotFound { .. }), "{e:?}");

        let ladder = store.default_ladder().await.unwrap();
        let stage = &ladder.stages[0];
        let step = || DoneStep {
            invoice_id: a,
            stage,
            channel: Channel::Letter,
            summary: "Letter printed",
            data: serde_json::json!({}),
            document_sha256: Some("ab12"),
        };
        store.letter_batch_printed(id, "lp", Some("job-7"), &[step()], &[], day(2, 1), at(2, 1, 11)).await.unwrap();
        let again = store.letter_batch_printed(id, "lp", None, &[step()], &[], day(2, 2), at(2, 2, 11)).await;
        assert!(matches!(again, Err(StoreError::AlreadyDone)), "{again:?}");
        let e = store.letter_batch_printed(id + 9, "lp", None, &[], &[], day(2, 2), at(2, 2, 11)).await.unwrap_err();
        assert!(matches!(e, StoreError::NotFound { .. }), "{e:?}");
        let b = store.letter_batch(id).await.unwrap();
        assert_eq!((b.state, b.job_id.as_deref()), (LetterState::Printed, Some("job-7")));
        assert!(store.pending_letters(&[a]).await.unwrap().is_empty(), "printed: no longer pending");
        assert_eq!(store.steps(a).await.unwrap().len(), 1, "the step, once");
    })
    .await;
}

/// A statement of account on both engines: the client's open invoices by
/// currency and age with what settles them, the payments since a day
/// (another client's not among them), and a printed statement recorded as
/// one timeline entry and the day's contact on each invoice.
#[tokio::test]
async fn statements_of_account_on_both_engines() {
    both(|store, _| async move {
        let anna = store.create_client(&client("Anna Alves"), at(1, 1, 9)).await.unwrap();
        let bob = store.create_client(&client("Bob Berg"), at(1, 1, 9)).await.unwrap();
        let (a, _) = store
            .create_invoice(&invoice(anna, Currency::EUR, 10_000, day(1, 10), day(1, 24)), at(1, 1, 9))
            .await
            .unwrap();
        let (b, _) = store
            .create_invoice(&invoice(anna, Currency::EUR, 5_000, day(1, 2), day(1, 16)), at(1, 1, 9))
            .await
            .unwrap();
        let (c, _) = store
            .create_invoice(&invoice(anna, Currency::GBP, 7_000, day(1, 1), day(1, 15)), at(1, 1, 9))
            .await
            .unwrap();
        let (x, _) = store
            .create_invoice(&invoice(bob, Currency::EUR, 9_000, day(1, 1), day(1, 15)), at(1, 1, 9))
            .await
            .unwrap();
        store.record_payment(a, &paid(4_000, Currency::EUR, day(2, 3)), at(2, 3, 9)).await.unwrap();
        store.record_payment(b, &paid(5_000, Currency::EUR, day(1, 20)), at(1, 20, 9)).await.unwrap();
        store.record_payment(x, &paid(1_000, Currency::EUR, day(2, 3)), at(2, 3, 9)).await.unwrap();

        let open = store.statement_invoices(anna).await.unwrap();
        let ids: Vec<i64> = open.iter().map(|i| i.id).collect();
        assert_eq!(ids, vec![a, c], "EUR before GBP; the paid invoice is not open");
        assert_eq!((open[0].paid_minor, open[0].owing().minor), (4_000, 6_000));
        assert_eq!((open[0].issue_date, open[0].due_date), (day(1, 10), day(1, 24)));
        let since = store.statement_payments(anna, Currency::EUR, day(1, 15)).await.unwrap();
        assert_eq!(since.iter().map(|p| p.paid_on).collect::<Vec<_>>(), vec![day(1, 20), day(2, 3)]);
        assert!(store.statement_payments(anna, Currency::EUR, day(2, 4)).await.unwrap().is_empty());

        let entry = store
            .record_statement_printed(anna, &[a, c], "Statement printed", serde_json::json!({}), day(2, 5), at(2, 5, 9))
            .await
            .unwrap();
        assert!(entry > 0);
        assert_eq!(store.last_contact_on(a).await.unwrap(), Some(day(2, 5)));
        assert_eq!(store.last_contact_on(c).await.unwrap(), Some(day(2, 5)));
        assert_eq!(entries(&store, anna, EventKind::StatementPrinted).await, 1);
    })
    .await;
}

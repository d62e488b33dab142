//! Invoices, follow-ups and the client list (issue #19's second port)
//! behave the same on both engines: each body runs on a SQLite temp file
//! and on a fresh PostgreSQL database with the same fixture, and asserts
//! the same results (ids, order, counts, typed errors). Plus, on
//! PostgreSQL only, two "machines" (two pools) creating invoices at once
//! never get the same number.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed unwrap fails it

use chrono::NaiveDate;
use kindly_core::invoice::{compute_totals, InvoiceState, InvoiceStatus, LineItem};
use kindly_core::locale::Locale;
use kindly_core::vocab::{ClientBalanceFilter, ClientSort, InvoiceSort};
use kindly_core::{Currency, ErrorCode};
use kindly_followup::ladder::{Channel, Ladder};
use kindly_followup::templates::Template;
use kindly_store::{ClientQuery, DoneStep, InvoiceQuery, NewInvoice, Store, StoreError};
use std::collections::HashSet;

mod support;

use support::{at, both, client, day, two_machines, Db};

/// The due count kept by triggers per day (`followup_due_days`) holds what
/// counting the follow-ups gives, day by day.
async fn assert_due_days_agree(db: &Db) {
    let kept = "SELECT day, n FROM followup_due_days WHERE n > 0";
    let counted = "SELECT next_action_on, COUNT(*) FROM followups
                   WHERE next_action_on IS NOT NULL AND hold IS NULL GROUP BY next_action_on";
    let differ = db
        .int(&format!(
            "SELECT (SELECT COUNT(*) FROM ({kept} EXCEPT {counted}) a) + (SELECT COUNT(*) FROM ({counted} EXCEPT {kept}) b)"
        ))
        .await;
    assert_eq!(differ, 0, "followup_due_days differs from the follow-ups");
    assert!(db.int("SELECT COUNT(*) FROM followup_due_days").await > 0, "nothing kept: the check would be empty");
}

/// An invoice of `amount` (minor units, no tax) issued on `issued`, due `due`.
fn invoice(
    client_id: i64,
    number: Option<&str>,
    issued: NaiveDate,
    due: NaiveDate,
    amount: i64,
    issue: bool,
) -> NewInvoice {
    let lines =
        vec![LineItem { description: "Work".into(), quantity_milli: 1000, unit_price_minor: amount, tax_rate_bp: 0 }];
    NewInvoice {
        client_id,
        number: number.map(str::to_string),
        issue_date: issued,
        due_date: due,
        currency: Currency::EUR,
        totals: compute_totals(&lines).unwrap(),
        lines,
        notes: String::new(),
        issue,
    }
}

fn numbers(rows: &[kindly_store::InvoiceListRow]) -> Vec<&str> {
    rows.iter().map(|r| r.number.as_str()).collect()
}

/// Records a payment as the (not yet ported) payments module would: the
/// schema's triggers keep `paid_minor` and the balances.
async fn pay(db: &Db, invoice_id: i64, amount: i64, on: &str) {
    db.exec(&format!(
        "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
         VALUES ({invoice_id}, {amount}, 'EUR', '{on}', 'bank_transfer', '{on}T12:00:00.000Z')"
    ))
    .await
    .unwrap();
}

/// Create (numbered by the pattern, or by hand), update, issue, cancel,
/// list, sort and search invoices: the same ids, order and counts on both
/// engines; a clashing number and a change to an issued invoice are the
/// same typed errors on both.
#[tokio::test]
async fn invoices_create_update_list_and_search_on_both_engines() {
    both(|store, db| async move {
        let anna = store.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
        let bo = store.create_client(&client("Bo Lind", "bo@lind.se"), at(1, 5, 9)).await.unwrap();
        let carla = store.create_client(&client("Carla Ruiz", "carla@ruiz.es"), at(1, 5, 9)).await.unwrap();

        // Numbering from the pattern; a number taken by hand is skipped.
        let (a1, n1) = store
            .create_invoice(&invoice(anna, None, day(1, 10), day(2, 9), 10_000, true), at(1, 10, 9))
            .await
            .unwrap();
        let (_, by_hand) = store
            .create_invoice(&invoice(bo, Some("INV-2026-0002"), day(1, 12), day(2, 11), 5_000, true), at(1, 12, 9))
            .await
            .unwrap();
        let (b1, n3) =
            store.create_invoice(&invoice(bo, None, day(2, 1), day(3, 20), 7_000, true), at(2, 1, 9)).await.unwrap();
        let (c1, n4) = store
            .create_invoice(&invoice(carla, None, day(3, 1), day(3, 31), 3_000, false), at(3, 1, 9))
            .await
            .unwrap();
        let (c2, n5) =
            store.create_invoice(&invoice(carla, None, day(3, 2), day(4, 1), 2_500, true), at(3, 2, 9)).await.unwrap();
        assert_eq!(
            [n1.as_str(), by_hand.as_str(), n3.as_str(), n4.as_str(), n5.as_str()],
            ["INV-2026-0001", "INV-2026-0002", "INV-2026-0003", "INV-2026-0004", "INV-2026-0005"]
        );
        assert_eq!(store.settings().await.unwrap().next_sequence, 6);

        // A number already taken is DuplicateNumber on both engines, and
        // nothing of the refused invoice is left.
        let e = store
            .create_invoice(&invoice(anna, Some("INV-2026-0003"), day(3, 3), day(4, 2), 100, false), at(3, 3, 9))
            .await
            .unwrap_err();
        assert!(matches!(&e, StoreError::DuplicateNumber(n) if n == "INV-2026-0003"), "{e:?}");
        assert_eq!(db.int("SELECT COUNT(*) FROM invoices").await, 5);
        let e = store
            .update_draft(
                c1,
                1,
                &invoice(carla, Some("INV-2026-0001"), day(3, 1), day(3, 31), 3_000, false),
                at(3, 3, 9),
            )
            .await
            .unwrap_err();
        assert!(matches!(&e, StoreError::DuplicateNumber(n) if n == "INV-2026-0001"), "{e:?}");
        // A client that does not exist.
        let e = store
            .create_invoice(&invoice(9_999, None, day(3, 3), day(4, 2), 100, false), at(3, 3, 9))
            .await
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::NotFound);

        // A draft is updated (its lines replaced, its number kept when none is given).
        store
            .update_draft(c1, 1, &invoice(carla, None, day(3, 1), day(4, 5), 3_300, false), at(3, 3, 10))
            .await
            .unwrap();
        let d = store.invoice(c1).await.unwrap();
        assert_eq!(
            (d.number.as_str(), d.total_minor, d.due_date, d.status),
            ("INV-2026-0004", 3_300, day(4, 5), InvoiceStatus::Draft)
        );
        assert_eq!(d.lines.len(), 1);

        // An issued invoice cannot be edited: refused by the store, and by
        // the schema's trigger on both engines.
        let e = store
            .update_draft(a1, 1, &invoice(anna, None, day(1, 10), day(2, 9), 1, false), at(3, 3, 10))
            .await
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvoiceImmutable);
        assert_eq!(store.issue_invoice(a1, at(3, 3, 10)).await.unwrap_err().code(), ErrorCode::InvoiceImmutable);
        let e = db.exec(&format!("UPDATE invoices SET total_minor = 1 WHERE id = {a1}")).await.unwrap_err();
        assert_eq!(StoreError::classify(e, store.path()).code(), ErrorCode::InvoiceImmutable);

        // Issued at once, each is on its client's ladder; a draft is not.
        assert_eq!(db.int("SELECT COUNT(*) FROM followups").await, 4);
        pay(&db, b1, 2_000, "2026-03-05").await;
        pay(&db, c2, 2_500, "2026-03-06").await;

        let today = day(3, 10);
        let all = store.list_invoices(&InvoiceQuery { limit: 50, ..Default::default() }, today).await.unwrap();
        assert_eq!(all.total, 5);
        // The attention order: overdue (oldest due first), partly paid, drafts, paid.
        assert_eq!(
            numbers(&all.rows),
            ["INV-2026-0001", "INV-2026-0002", "INV-2026-0003", "INV-2026-0004", "INV-2026-0005"]
        );
        let states: Vec<InvoiceState> = all.rows.iter().map(|r| r.state).collect();
        assert_eq!(
            states,
            [
                InvoiceState::Overdue,
                InvoiceState::Overdue,
                InvoiceState::PartiallyPaid,
                InvoiceState::Draft,
                InvoiceState::Paid
            ]
        );
        let page2 =
            store.list_invoices(&InvoiceQuery { limit: 2, offset: 2, ..Default::default() }, today).await.unwrap();
        assert_eq!((page2.total, numbers(&page2.rows)), (5, vec!["INV-2026-0003", "INV-2026-0004"]));
        let by_state = |state| InvoiceQuery { state: Some(state), limit: 50, ..Default::default() };
        let overdue = store.list_invoices(&by_state(InvoiceState::Overdue), today).await.unwrap();
        assert_eq!((overdue.total, numbers(&overdue.rows)), (2, vec!["INV-2026-0001", "INV-2026-0002"]));
        let newest = store
            .list_invoices(&InvoiceQuery { sort: InvoiceSort::Newest, limit: 2, ..Default::default() }, today)
            .await
            .unwrap();
        assert_eq!(numbers(&newest.rows), ["INV-2026-0005", "INV-2026-0004"]);
        let due_desc = InvoiceQuery { sort: InvoiceSort::DueDesc, open_only: true, limit: 50, ..Default::default() };
        let open = store.list_invoices(&due_desc, today).await.unwrap();
        assert_eq!((open.total, numbers(&open.rows)), (3, vec!["INV-2026-0003", "INV-2026-0002", "INV-2026-0001"]));
        let period = InvoiceQuery {
            issued_from: Some(day(2, 1)),
            issued_to: Some(day(3, 1)),
            sort: InvoiceSort::NumberAsc,
            limit: 50,
            ..Default::default()
        };
        let got = store.list_invoices(&period, today).await.unwrap();
        assert_eq!((got.total, numbers(&got.rows)), (2, vec!["INV-2026-0003", "INV-2026-0004"]));
        let of_bo = InvoiceQuery { client_id: Some(bo), limit: 50, ..Default::default() };
        assert_eq!(
            numbers(&store.list_invoices(&of_bo, today).await.unwrap().rows),
            ["INV-2026-0002", "INV-2026-0003"]
        );
        let due_march =
            InvoiceQuery { due_from: Some(day(3, 1)), due_to: Some(day(3, 31)), limit: 50, ..Default::default() };
        // (c1, a draft due on 5 April after its update, and c2, due on 1 April, are not in March.)
        let got = store.list_invoices(&due_march, today).await.unwrap();
        assert_eq!((got.total, numbers(&got.rows)), (1, vec!["INV-2026-0003"]));

        // The search: a client's name (case-insensitive substring), an
        // e-mail, a number, a prefix of one or two characters, a wildcard
        // taken literally.
        let search = |s: &str| InvoiceQuery { search: s.into(), limit: 50, ..Default::default() };
        let got = store.list_invoices(&search("MÜLLER"), today).await.unwrap();
        assert_eq!((got.total, numbers(&got.rows)), (1, vec!["INV-2026-0001"]));
        let got = store.list_invoices(&search("lind.se"), today).await.unwrap();
        assert_eq!((got.total, numbers(&got.rows)), (2, vec!["INV-2026-0002", "INV-2026-0003"]));
        let got = store.list_invoices(&search("0005"), today).await.unwrap();
        assert_eq!((got.total, numbers(&got.rows)), (1, vec!["INV-2026-0005"]));
        let got = store.list_invoices(&search("2026-000"), today).await.unwrap();
        assert_eq!(got.total, 5);
        let got = store.list_invoices(&search("ca"), today).await.unwrap();
        assert_eq!((got.total, numbers(&got.rows)), (2, vec!["INV-2026-0004", "INV-2026-0005"]));
        assert_eq!(store.list_invoices(&search("0_0"), today).await.unwrap().total, 0);
        assert_eq!(store.list_invoices(&search("nobody"), today).await.unwrap().total, 0);
        let narrowed = InvoiceQuery { state: Some(InvoiceState::Paid), ..search("ruiz") };
        assert_eq!(numbers(&store.list_invoices(&narrowed, today).await.unwrap().rows), ["INV-2026-0005"]);

        // Issuing a draft puts it on the ladder; cancelling keeps the record.
        store.issue_invoice(c1, at(3, 10, 9)).await.unwrap();
        assert_eq!(db.int("SELECT COUNT(*) FROM followups").await, 5);
        assert_eq!(
            store.cancel_invoice(c2, "paid", at(3, 10, 9)).await.unwrap_err().code(),
            ErrorCode::InvoiceImmutable
        );
        store.cancel_invoice(c1, "sent by mistake", at(3, 10, 10)).await.unwrap();
        let c = store.invoice(c1).await.unwrap();
        assert_eq!((c.status, c.cancelled_reason.as_deref()), (InvoiceStatus::Cancelled, Some("sent by mistake")));
        assert_eq!(
            store.cancel_invoice(c1, "again", at(3, 10, 11)).await.unwrap_err().code(),
            ErrorCode::InvoiceImmutable
        );
        assert_eq!(store.cancel_invoice(9_999, "x", at(3, 10, 11)).await.unwrap_err().code(), ErrorCode::NotFound);
        let kinds: Vec<String> =
            store.invoice_timeline(c1).await.unwrap().iter().map(|e| e.kind.as_str().to_string()).collect();
        assert_eq!(kinds, ["invoice_cancelled", "invoice_issued", "invoice_created"]);
        let cancelled = store.list_invoices(&by_state(InvoiceState::Cancelled), today).await.unwrap();
        assert_eq!((cancelled.total, numbers(&cancelled.rows)), (1, vec!["INV-2026-0004"]));
        let _ = b1;
    })
    .await;
}

/// The follow-up queue, steps and holds, ladders and templates read the
/// same on both engines; a second step for the same stage is `AlreadyDone`
/// and a second contact the same day `AlreadyContactedToday` on both.
#[tokio::test]
async fn followup_queue_and_one_step_per_stage_on_both_engines() {
    both(|store, db| async move {
        let anna = store.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
        let bo = store.create_client(&client("Bo Lind", "bo@lind.se"), at(1, 5, 9)).await.unwrap();
        let (a1, _) =
            store.create_invoice(&invoice(anna, None, day(2, 1), day(3, 1), 10_000, true), at(2, 1, 9)).await.unwrap();
        let (a2, _) =
            store.create_invoice(&invoice(anna, None, day(2, 5), day(3, 5), 4_000, true), at(2, 5, 9)).await.unwrap();
        let (b1, _) =
            store.create_invoice(&invoice(bo, None, day(2, 8), day(3, 20), 6_000, true), at(2, 8, 9)).await.unwrap();
        let ladder = Ladder::default_ladder();
        let today = day(3, 10);

        // Due today: the reminders of a1 (due 1 March) and a2 (due 5 March);
        // b1's heads-up comes on 17 March.
        let q = store.due_followups(today, None, 0, 50).await.unwrap();
        let ids: Vec<i64> = q.rows.iter().map(|r| r.invoice_id).collect();
        assert_eq!((q.total, ids), (2, vec![a1, a2]));
        let r = &q.rows[0];
        assert_eq!(
            (r.number.as_str(), r.due_date, r.issue_date, r.emails.clone()),
            ("INV-2026-0001", day(3, 1), day(2, 1), vec!["anna@example.com".to_string()])
        );
        let keys = store.due_keys(today).await.unwrap();
        let got: Vec<(i64, bool, NaiveDate, i64)> =
            keys.iter().map(|k| (k.invoice_id, k.has_email, k.due_date, k.owing_minor)).collect();
        assert_eq!(got, [(a1, true, day(3, 1), 10_000), (a2, true, day(3, 5), 4_000)]);
        assert_eq!(store.due_followups(today, Some(bo), 0, 50).await.unwrap().total, 0);
        assert_eq!(store.due_followups(today, Some(anna), 1, 1).await.unwrap().rows[0].invoice_id, a2);
        let of: Vec<i64> =
            store.due_followups_of(today, &[a2, b1]).await.unwrap().iter().map(|r| r.invoice_id).collect();
        assert_eq!(of, [a2]);
        assert_eq!(store.due_followups(day(3, 20), None, 0, 50).await.unwrap().total, 3);

        assert_due_days_agree(&db).await;

        // One step per invoice and stage.
        let reminder = &ladder.stages[1];
        let step = DoneStep {
            invoice_id: a1,
            stage: reminder,
            channel: Channel::Email,
            summary: "Reminder sent",
            data: serde_json::json!({}),
            document_sha256: None,
        };
        store.mark_step_done(&step, today, at(3, 10, 9)).await.unwrap();
        let e = store.mark_step_done(&step, day(3, 11), at(3, 11, 9)).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::AlreadyDone);
        let follow_up = DoneStep { stage: &ladder.stages[2], ..step.clone() };
        let e = store.mark_step_done(&follow_up, today, at(3, 10, 10)).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::AlreadyContactedToday);
        let steps = store.steps(a1).await.unwrap();
        let got: Vec<(&str, &str, NaiveDate)> =
            steps.iter().map(|s| (s.stage_key.as_str(), s.channel.as_str(), s.done_on)).collect();
        assert_eq!(got, [("reminder", "email", today)]);
        // The database refuses a second row for the stage on both engines.
        let e = db
            .exec(&format!(
                "INSERT INTO followup_steps (invoice_id, stage_key, stage_offset, channel, done_on, at)
                 VALUES ({a1}, 'reminder', 1, 'email', '2026-03-12', '2026-03-12T09:00:00.000Z')"
            ))
            .await
            .unwrap_err();
        assert_eq!(StoreError::classify(e, store.path()).code(), ErrorCode::AlreadyDone);
        assert_eq!(store.last_done_offset(a1).await.unwrap(), Some(1));
        assert_eq!(store.last_contact_on(a1).await.unwrap(), Some(today));
        assert_eq!(store.last_contact_on(a2).await.unwrap(), None);
        // a1's next step is the follow-up, 7 days after its due date.
        let q = store.due_followups(today, None, 0, 50).await.unwrap();
        assert_eq!(q.rows.iter().map(|r| r.invoice_id).collect::<Vec<_>>(), [a2]);
        let q = store.due_followups(day(3, 11), None, 0, 50).await.unwrap();
        // (a2 waits since its heads-up day, 2 March; a1 since the day after its contact.)
        assert_eq!(
            q.rows.iter().map(|r| (r.invoice_id, r.last_done_offset)).collect::<Vec<_>>(),
            [(a2, None), (a1, Some(1))]
        );

        // What was heard since the last step: a payment after it.
        assert_eq!(store.since_last_step(a1).await.unwrap(), Default::default());
        pay(&db, a1, 1_000, "2026-03-11").await;
        let p_id = db.int(&format!("SELECT MAX(id) FROM payments WHERE invoice_id = {a1}")).await;
        store
            .append_event(&kindly_store::NewEvent {
                client_id: anna,
                invoice_id: Some(a1),
                at: at(3, 11, 12),
                kind: kindly_core::timeline::EventKind::PaymentRecorded,
                summary: "Payment",
                data: serde_json::json!({ "payment_id": p_id }),
            })
            .await
            .unwrap();
        let since = store.since_last_step(a1).await.unwrap();
        assert!(since.heard);
        assert_eq!(since.payments, [(1_000, day(3, 11))]);

        // A hold takes an invoice off the queue; a pause ends after its day.
        store.set_invoice_hold(a2, Some(("paused", Some(day(3, 15)))), "on holiday", at(3, 10, 11)).await.unwrap();
        assert_eq!(
            store.invoice_hold(a2).await.unwrap(),
            Some(("paused".to_string(), Some(day(3, 15)), "on holiday".to_string()))
        );
        assert!(!store.due_keys(day(3, 15)).await.unwrap().iter().any(|k| k.invoice_id == a2));
        assert!(store.due_keys(day(3, 16)).await.unwrap().iter().any(|k| k.invoice_id == a2));
        // The count agrees with the rows while a2 is held and after its pause.
        for d in [day(3, 15), day(3, 16)] {
            let q = store.due_followups(d, None, 0, 50).await.unwrap();
            assert_eq!(q.total, q.rows.len() as i64, "on {d}");
        }
        assert_due_days_agree(&db).await;
        store.set_invoice_hold(a2, None, "", at(3, 10, 12)).await.unwrap();
        assert_eq!(store.invoice_hold(a2).await.unwrap(), None);
        assert_due_days_agree(&db).await;
        assert_eq!(
            store.set_invoice_hold(9_999, None, "", at(3, 10, 12)).await.unwrap_err().code(),
            ErrorCode::NotFound
        );

        // Ladders: a client's own one reschedules their invoices.
        assert_eq!(store.default_ladder().await.unwrap(), ladder);
        assert_eq!(store.client_ladder_id(bo).await.unwrap(), None);
        let mut early = ladder.clone();
        early.stages[0].offset_days = -20;
        store.set_client_ladder(bo, Some(("early", &early)), at(3, 10, 13)).await.unwrap();
        let id = store.client_ladder_id(bo).await.unwrap().unwrap();
        assert_eq!(
            store.ladders().await.unwrap().get(&id).map(|(n, l)| (n.as_str(), l.clone())),
            Some(("early", early.clone()))
        );
        assert!(store.due_keys(today).await.unwrap().iter().any(|k| k.invoice_id == b1 && k.ladder_id == Some(id)));
        store.set_client_ladder(bo, None, at(3, 10, 14)).await.unwrap();
        assert!(!store.due_keys(today).await.unwrap().iter().any(|k| k.invoice_id == b1));
        assert_eq!(store.client_ladder_id(9_999).await.unwrap_err().code(), ErrorCode::NotFound);
        store.save_default_ladder(&early).await.unwrap();
        assert_eq!(store.default_ladder().await.unwrap(), early);
        assert_due_days_agree(&db).await;
        assert!(store.due_keys(today).await.unwrap().iter().any(|k| k.invoice_id == b1));
        assert!(!store.plan_proposed(b1).await.unwrap());

        // Templates and payment methods.
        assert_eq!(store.template("reminder", Locale::De).await.unwrap(), None);
        let t = Template { subject: "Erinnerung".into(), body: "Hallo {{ greeting_name }}".into() };
        store.save_template("reminder", Locale::De, Some(&t), at(3, 10, 15)).await.unwrap();
        store.save_template("reminder", Locale::De, Some(&t), at(3, 10, 16)).await.unwrap();
        assert_eq!(store.template("reminder", Locale::De).await.unwrap(), Some(t));
        store.save_template("reminder", Locale::De, None, at(3, 10, 17)).await.unwrap();
        assert_eq!(store.template("reminder", Locale::De).await.unwrap(), None);
        let pm = store.payment_methods().await.unwrap();
        store.save_payment_methods(&pm).await.unwrap();
        assert_eq!(store.payment_methods().await.unwrap(), pm);
    })
    .await;
}

/// The client list: balances, filters, sorts and the search give the same
/// rows in the same order on both engines.
#[tokio::test]
async fn client_list_with_balances_and_search_on_both_engines() {
    both(|store, db| async move {
        let anna = store.create_client(&client("anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
        let bo = store.create_client(&client("Bo Lind", "bo@lind.se"), at(1, 5, 9)).await.unwrap();
        let carla = store.create_client(&client("Carla Ruiz", "carla@ruiz.es"), at(1, 5, 9)).await.unwrap();
        let dan = store.create_client(&client("Dan Boyd", "dan@boyd.ie"), at(1, 5, 9)).await.unwrap();
        store.create_invoice(&invoice(anna, None, day(2, 1), day(3, 1), 10_000, true), at(2, 1, 9)).await.unwrap();
        store.create_invoice(&invoice(anna, None, day(2, 2), day(3, 20), 1_000, true), at(2, 2, 9)).await.unwrap();
        let (b1, _) =
            store.create_invoice(&invoice(bo, None, day(1, 2), day(2, 1), 30_000, true), at(1, 2, 9)).await.unwrap();
        store.create_invoice(&invoice(carla, None, day(3, 1), day(3, 31), 5_000, true), at(3, 1, 9)).await.unwrap();
        store.create_invoice(&invoice(dan, None, day(3, 1), day(3, 31), 9_000, false), at(3, 1, 9)).await.unwrap();
        pay(&db, b1, 10_000, "2026-02-20").await;
        let today = day(3, 10);
        let list = |q: ClientQuery| {
            let store = store.clone();
            async move {
                let page = store.list_clients(&q, today).await.unwrap();
                (page.total, page.rows.iter().map(|r| r.id).collect::<Vec<i64>>(), page.rows)
            }
        };

        let (total, ids, rows) = list(ClientQuery::default()).await;
        assert_eq!((total, ids), (4, vec![anna, bo, carla, dan]));
        let a = &rows[0];
        assert_eq!(a.owing, [("EUR".to_string(), 11_000)]);
        assert_eq!(a.overdue, [("EUR".to_string(), 10_000)]);
        assert_eq!(
            (a.overdue_invoices, a.oldest_overdue_days, a.email.as_deref()),
            (1, Some(9), Some("anna@example.com"))
        );
        let b = &rows[1];
        assert_eq!(
            (b.owing.clone(), b.overdue_invoices, b.oldest_overdue_days),
            (vec![("EUR".to_string(), 20_000)], 1, Some(37))
        );
        assert_eq!((rows[2].overdue.clone(), rows[2].oldest_overdue_days), (vec![], None));
        assert_eq!((rows[3].owing.clone(), rows[3].chasing.as_str()), (vec![], "on"));

        let q = |sort, balance| ClientQuery { sort, balance, ..Default::default() };
        assert_eq!(list(q(ClientSort::NameDesc, ClientBalanceFilter::All)).await.1, [dan, carla, bo, anna]);
        assert_eq!(list(q(ClientSort::Newest, ClientBalanceFilter::All)).await.1, [dan, carla, bo, anna]);
        assert_eq!(list(q(ClientSort::OwedDesc, ClientBalanceFilter::All)).await.1, [bo, anna, carla, dan]);
        assert_eq!(list(q(ClientSort::OldestOverdue, ClientBalanceFilter::All)).await.1, [bo, anna, carla, dan]);
        let (total, ids, _) = list(q(ClientSort::OwedDesc, ClientBalanceFilter::Owing)).await;
        assert_eq!((total, ids), (3, vec![bo, anna, carla]));
        let (total, ids, _) = list(q(ClientSort::NameAsc, ClientBalanceFilter::Overdue)).await;
        assert_eq!((total, ids), (2, vec![anna, bo]));
        let (total, ids, _) =
            list(ClientQuery { offset: 2, limit: 1, ..q(ClientSort::OwedDesc, ClientBalanceFilter::All) }).await;
        assert_eq!((total, ids), (4, vec![carla]));
        let (total, ids, _) =
            list(ClientQuery { offset: 3, limit: 5, ..q(ClientSort::OwedDesc, ClientBalanceFilter::All) }).await;
        assert_eq!((total, ids), (4, vec![dan]));
        assert_eq!(
            list(ClientQuery { currency: Currency::GBP, ..q(ClientSort::OwedDesc, ClientBalanceFilter::Owing) })
                .await
                .0,
            0
        );

        // The search: substrings of names and e-mails, a short prefix.
        let s = |text: &str| ClientQuery { search: text.into(), ..Default::default() };
        assert_eq!(list(s("MÜLL")).await.1, [anna]);
        assert_eq!(list(s("boyd.ie")).await.1, [dan]);
        assert_eq!(list(s("bo")).await.1, [bo]);
        assert_eq!(list(s("ind")).await.1, [bo]);
        assert_eq!(list(s("b")).await.1, [bo]);
        assert_eq!(list(s("zz")).await.0, 0);
        let (total, ids, _) =
            list(ClientQuery { search: "a".into(), ..q(ClientSort::OwedDesc, ClientBalanceFilter::Owing) }).await;
        assert_eq!((total, ids), (1, vec![anna]));
    })
    .await;
}

/// Two machines (two pools on one PostgreSQL database) creating invoices
/// at the same time never get the same number: the numbering locks the
/// sequence's row until each invoice's transaction ends.
#[tokio::test]
async fn two_machines_creating_invoices_at_once_never_share_a_number() {
    let Some((first, second)) = two_machines().await else {
        return;
    };
    let anna = first.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
    const EACH: usize = 25;
    let machine = |store: Store| {
        tokio::spawn(async move {
            let mut got = Vec::new();
            for i in 0..EACH {
                let inv = invoice(anna, None, day(3, 1), day(3, 31), 100 + i as i64, i % 2 == 0);
                got.push(store.create_invoice(&inv, at(3, 1, 9)).await.unwrap().1);
            }
            got
        })
    };
    let (a, b) = tokio::join!(machine(first.clone()), machine(second.clone()));
    let all: Vec<String> = a.unwrap().into_iter().chain(b.unwrap()).collect();
    let distinct: HashSet<&String> = all.iter().collect();
    assert_eq!((all.len(), distinct.len()), (2 * EACH, 2 * EACH), "{all:?}");
    let expected: HashSet<String> = (1..=2 * EACH).map(|n| format!("INV-2026-{n:04}")).collect();
    assert_eq!(distinct.into_iter().cloned().collect::<HashSet<String>>(), expected);
    assert_eq!(first.settings().await.unwrap().next_sequence, 2 * EACH as i64 + 1);
    let listed = second.list_invoices(&InvoiceQuery { limit: 100, ..Default::default() }, day(3, 10)).await.unwrap();
    assert_eq!(listed.total, 2 * EACH as i64);
}

/// Two machines ticking the same invoice's stage at the same moment: one
/// step is recorded, the other is `AlreadyDone`, as one after the other on
/// SQLite; and a different stage the same day is `AlreadyContactedToday`.
#[tokio::test]
async fn two_machines_ticking_one_stage_at_once_record_one_step() {
    let Some((first, second)) = two_machines().await else {
        return;
    };
    let anna = first.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
    let ladder = Ladder::default_ladder();
    let today = day(3, 10);
    for round in 0..10 {
        let (id, _) =
            first.create_invoice(&invoice(anna, None, day(2, 1), day(3, 1), 1_000, true), at(2, 1, 9)).await.unwrap();
        // The same stage from both, then two stages at once.
        let stages = if round % 2 == 0 { [1, 1] } else { [1, 2] };
        let tick = |store: Store, stage: usize| {
            let ladder = ladder.clone();
            tokio::spawn(async move {
                let step = DoneStep {
                    invoice_id: id,
                    stage: &ladder.stages[stage],
                    channel: Channel::Email,
                    summary: "Reminder sent",
                    data: serde_json::json!({}),
                    document_sha256: None,
                };
                store.mark_step_done(&step, today, at(3, 10, 9)).await.map_err(|e| e.code())
            })
        };
        let (a, b) = tokio::join!(tick(first.clone(), stages[0]), tick(second.clone(), stages[1]));
        let mut got = [a.unwrap(), b.unwrap()];
        got.sort_by_key(|r| r.is_err());
        let refused = if stages[0] == stages[1] { ErrorCode::AlreadyDone } else { ErrorCode::AlreadyContactedToday };
        assert!(got[0].is_ok() && got[1] == Err(refused), "round {round}: {got:?}");
        assert_eq!(first.steps(id).await.unwrap().len(), 1);
    }
}

//! Who did what (issue #19), the same on both engines: timeline entries and
//! payments record the member whose store made them, and two machines (two
//! stores on one database, each with its own member) editing the same
//! client or draft invoice from the same version: the first save wins, the
//! second is `ChangedElsewhere` naming the first member, and nothing of the
//! first change is lost.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed unwrap fails it

use chrono::{DateTime, TimeZone, Utc};
use kindly_core::client::ClientDetails;
use kindly_core::locale::Locale;
use kindly_core::payment::{PaymentMethod, ValidPayment};
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, ErrorCode, Money};
use kindly_store::{NewEvent, NewInvoice, PaymentQuery, Store, StoreError};
use std::future::Future;

mod support;

use support::{both, day, fresh_pg_database, Db};

fn at(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, min, 0).single().unwrap()
}

fn client(name: &str) -> ClientDetails {
    ClientDetails {
        display_name: name.into(),
        greeting_name: name.split(' ').next().unwrap_or(name).into(),
        company: None,
        emails: vec!["someone@example.com".into()],
        phone: None,
        address: "Main St 1".into(),
        language: Locale::En,
        notes: String::new(),
    }
}

fn invoice(client_id: i64, amount: i64, notes: &str, issue: bool) -> NewInvoice {
    NewInvoice {
        notes: notes.into(),
        issue,
        ..support::one_line_invoice(client_id, Currency::EUR, amount, day(2, 1), day(3, 31))
    }
}

/// Runs `body` with two stores on one database (two pools: two machines),
/// on a SQLite file, then on a fresh PostgreSQL database.
async fn two_machines<F, Fut>(body: F)
where
    F: Fn(Store, Store) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kindly.db");
    let (a, b) = (Store::open(&path).await.unwrap(), Store::open(&path).await.unwrap());
    body(a, b).await;
    match fresh_pg_database().await {
        Some(url) => body(Store::connect(&url).await.unwrap(), Store::connect(&url).await.unwrap()).await,
        None => eprintln!("PostgreSQL is not installed: ran on SQLite only (KINDLY_REQUIRE_PG=1 makes this an error)"),
    }
}

#[tokio::test]
async fn timeline_entries_and_payments_record_who_made_them_on_both_engines() {
    both(|store: Store, db: Db| async move {
        // Nobody named yet: NULL.
        let c = store.create_client(&client("Anna Schmidt"), at(2, 1, 9, 0)).await.unwrap();
        store.set_member(Some("Anna".into()));
        let inv = store.create_invoice(&invoice(c, 10_000, "", true), at(2, 1, 9, 5)).await.unwrap().0;
        store.set_member(Some("Bruno".into()));
        let pay = ValidPayment {
            amount: Money::new(4_000, Currency::EUR),
            date: day(2, 10),
            method: PaymentMethod::BankTransfer,
            reference: None,
        };
        store.record_payment(inv, &pay, at(2, 10, 8, 0)).await.unwrap();
        // A clone shares the member: the app's one store, renamed in Settings.
        let clone = store.clone();
        clone.set_member(Some("Carla".into()));
        assert_eq!(store.member().as_deref(), Some("Carla"));
        let ev = NewEvent {
            client_id: c,
            invoice_id: None,
            at: at(2, 11, 8, 0),
            kind: EventKind::Note,
            summary: "Called, left a message",
            data: serde_json::json!({}),
        };
        store.append_event(&ev).await.unwrap();
        store.set_member(None);
        store.append_event(&NewEvent { at: at(2, 12, 8, 0), ..ev.clone() }).await.unwrap();

        let entries = store.client_timeline(c, 0).await.unwrap();
        let who: Vec<(EventKind, Option<&str>)> =
            entries.iter().rev().map(|e| (e.kind, e.made_by.as_deref())).collect();
        assert_eq!(
            who,
            vec![
                (EventKind::ClientCreated, None),
                (EventKind::InvoiceCreated, Some("Anna")),
                (EventKind::InvoiceIssued, Some("Anna")),
                (EventKind::PaymentRecorded, Some("Bruno")),
                (EventKind::Note, Some("Carla")),
                (EventKind::Note, None),
            ]
        );
        let paid = store.payments(inv).await.unwrap();
        assert_eq!(paid.iter().map(|p| p.made_by.as_deref()).collect::<Vec<_>>(), vec![Some("Bruno")]);
        let list = store.list_payments(&PaymentQuery { limit: 10, ..Default::default() }).await.unwrap();
        assert_eq!(list.rows[0].made_by.as_deref(), Some("Bruno"));
        assert_eq!(db.int("SELECT COUNT(*) FROM payments WHERE made_by = 'Bruno'").await, 1);
        // The outbox has the column (its INSERT is stamped by the outbox module).
        assert_eq!(db.int("SELECT COUNT(*) FROM outbox WHERE made_by IS NULL").await, 0);
    })
    .await;
}

#[tokio::test]
async fn a_stale_client_edit_is_refused_naming_who_changed_it_on_both_engines() {
    two_machines(|anna: Store, bruno: Store| async move {
        anna.set_member(Some("Anna".into()));
        bruno.set_member(Some("Bruno".into()));
        let id = anna.create_client(&client("Carla Rossi"), at(3, 1, 9, 0)).await.unwrap();
        // Both read version 1.
        let (ra, rb) = (anna.client(id).await.unwrap(), bruno.client(id).await.unwrap());
        assert_eq!((ra.version, rb.version, ra.changed_by.as_deref()), (1, 1, None));

        let mut mine = ra.details.clone();
        mine.phone = Some("+49 30 1234".into());
        anna.update_client(id, ra.version, &mine, at(3, 1, 10, 42)).await.unwrap();

        let mut theirs = rb.details.clone();
        theirs.notes = "Prefers e-mail".into();
        let e = bruno.update_client(id, rb.version, &theirs, at(3, 1, 10, 43)).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::ChangedElsewhere);
        match &e {
            StoreError::ChangedElsewhere { entity, by, at: when } => {
                assert_eq!((*entity, by.as_deref(), *when), ("client", Some("Anna"), Some(at(3, 1, 10, 42))));
            }
            other => panic!("expected ChangedElsewhere, got {other:?}"),
        }
        assert!(e.to_string().starts_with("Anna changed this client at 2026-03-01 10:42 UTC"), "{e}");

        // Nothing of Anna's change is lost, nothing of Bruno's was written.
        let now = bruno.client(id).await.unwrap();
        assert_eq!((now.version, now.changed_by.as_deref(), now.changed_at), (2, Some("Anna"), Some(at(3, 1, 10, 42))));
        assert_eq!((now.details.phone.as_deref(), now.details.notes.as_str()), (Some("+49 30 1234"), ""));
        let updates = now_entries(&bruno, id)
            .await
            .into_iter()
            .filter(|(k, _)| *k == EventKind::ClientUpdated)
            .collect::<Vec<_>>();
        assert_eq!(updates, vec![(EventKind::ClientUpdated, Some("Anna".to_string()))]);

        // Reloaded, Bruno's edit goes through on version 2.
        bruno.update_client(id, now.version, &theirs, at(3, 1, 10, 45)).await.unwrap();
        let last = anna.client(id).await.unwrap();
        assert_eq!((last.version, last.changed_by.as_deref()), (3, Some("Bruno")));
        // An unknown client is still NotFound, whatever the version.
        assert_eq!(
            anna.update_client(id + 100, 1, &mine, at(3, 2, 9, 0)).await.unwrap_err().code(),
            ErrorCode::NotFound
        );
    })
    .await;
}

async fn now_entries(store: &Store, client: i64) -> Vec<(EventKind, Option<String>)> {
    store.client_timeline(client, 0).await.unwrap().into_iter().map(|e| (e.kind, e.made_by)).collect()
}

#[tokio::test]
async fn a_stale_draft_edit_is_refused_naming_who_changed_it_on_both_engines() {
    two_machines(|anna: Store, bruno: Store| async move {
        anna.set_member(Some("Anna".into()));
        bruno.set_member(Some("Bruno".into()));
        let c = anna.create_client(&client("Dora Diaz"), at(3, 1, 9, 0)).await.unwrap();
        let (id, _) = anna.create_invoice(&invoice(c, 10_000, "", false), at(3, 1, 9, 1)).await.unwrap();
        let (ra, rb) = (anna.invoice(id).await.unwrap(), bruno.invoice(id).await.unwrap());
        assert_eq!((ra.version, rb.version), (1, 1));

        anna.update_draft(id, ra.version, &invoice(c, 12_000, "Anna's", false), at(3, 1, 10, 42)).await.unwrap();
        let e = bruno
            .update_draft(id, rb.version, &invoice(c, 9_000, "Bruno's", false), at(3, 1, 10, 43))
            .await
            .unwrap_err();
        assert!(
            matches!(&e, StoreError::ChangedElsewhere { entity: "invoice", by: Some(b), at: Some(t) }
                if b == "Anna" && *t == at(3, 1, 10, 42)),
            "{e:?}"
        );
        let now = bruno.invoice(id).await.unwrap();
        assert_eq!((now.total_minor, now.notes.as_str(), now.version), (12_000, "Anna's", 2));
        assert_eq!(now.lines[0].unit_price_minor, 12_000);

        // Issuing is a change too: an edit made on the version before it is
        // refused as changed elsewhere (not a bare "immutable"), naming who issued.
        bruno.issue_invoice(id, at(3, 1, 11, 0)).await.unwrap();
        let e = anna.update_draft(id, 2, &invoice(c, 1, "late", false), at(3, 1, 11, 5)).await.unwrap_err();
        assert!(matches!(&e, StoreError::ChangedElsewhere { by: Some(b), .. } if b == "Bruno"), "{e:?}");
        // On the current version it is the invoice's immutability that refuses.
        let e = anna.update_draft(id, 3, &invoice(c, 1, "late", false), at(3, 1, 11, 6)).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvoiceImmutable);
        let issued = anna.invoice(id).await.unwrap();
        assert_eq!((issued.total_minor, issued.version, issued.changed_by.as_deref()), (12_000, 3, Some("Bruno")));
    })
    .await;
}

/// Two machines saving the same client at the same moment, many times: on
/// each round exactly one save wins, whatever the interleaving (on
/// PostgreSQL the second UPDATE waits for the first's row lock and then
/// re-checks `version`).
#[tokio::test]
async fn racing_edits_of_one_client_never_both_win() {
    two_machines(|anna: Store, bruno: Store| async move {
        anna.set_member(Some("Anna".into()));
        bruno.set_member(Some("Bruno".into()));
        let id = anna.create_client(&client("Emil Eck"), at(3, 1, 9, 0)).await.unwrap();
        for round in 0..20_i64 {
            let v = anna.client(id).await.unwrap().version;
            let mut da = client("Emil Eck");
            da.notes = format!("Anna {round}");
            let mut db = client("Emil Eck");
            db.notes = format!("Bruno {round}");
            let (x, y) = tokio::join!(
                anna.update_client(id, v, &da, at(3, 2, 9, 0)),
                bruno.update_client(id, v, &db, at(3, 2, 9, 0))
            );
            let won = [x.is_ok(), y.is_ok()];
            assert_eq!(won.iter().filter(|w| **w).count(), 1, "round {round}: {x:?} {y:?}");
            let loser = match (x, y) {
                (Err(e), Ok(())) | (Ok(()), Err(e)) => e,
                other => panic!("round {round}: {other:?}"),
            };
            assert!(
                matches!(loser.code(), ErrorCode::ChangedElsewhere | ErrorCode::DatabaseBusy),
                "round {round}: {loser:?}"
            );
            let now = anna.client(id).await.unwrap();
            assert_eq!(now.version, v + 1, "round {round}");
            let winner = if won[0] { "Anna" } else { "Bruno" };
            assert_eq!(now.details.notes, format!("{winner} {round}"));
            assert_eq!(now.changed_by.as_deref(), Some(winner));
        }
    })
    .await;
}

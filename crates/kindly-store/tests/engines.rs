//! The store modules ported to PostgreSQL (settings, clients without the
//! list, timeline) behave the same on both engines: every test here runs its
//! body on a SQLite temp file and on a fresh PostgreSQL database of a
//! throwaway server (kindly-pgtest; skipped with a note when PostgreSQL is
//! not installed, an error when KINDLY_REQUIRE_PG=1). Plus what only a
//! server has: an unported use case refuses with `store_not_on_postgres_yet`,
//! a server that is away gives `store_server_away`, and a UNIQUE clash is the
//! same typed error on both engines.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed unwrap fails it

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kindly_core::client::{Chasing, ClientDetails};
use kindly_core::locale::Locale;
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, ErrorCode};
use kindly_store::{Engine, NewEvent, Settings, Store, StoreError, TimelineFilter};
use serde_json::json;
use std::future::Future;

mod support;

use support::{both, Db};

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 14, h, m, 0).single().unwrap()
}

fn anna() -> ClientDetails {
    ClientDetails {
        display_name: "Anna Müller".into(),
        greeting_name: "Anna".into(),
        company: Some("Müller & Söhne".into()),
        emails: vec!["anna@example.com".into()],
        phone: None,
        address: "Hauptstr. 1\n10115 Berlin".into(),
        language: Locale::De,
        notes: "pays late".into(),
    }
}

async fn run<F, Fut>(body: F)
where
    F: Fn(Store, Db) -> Fut,
    Fut: Future<Output = ()>,
{
    both(body).await;
}

#[tokio::test]
async fn settings_round_trip_on_both_engines() {
    run(|store, _| async move {
        assert_eq!(store.settings().await.unwrap(), Settings::default());
        let s = Settings {
            business_name: "Kindly Ltd".into(),
            default_currency: Currency::GBP,
            locale: Locale::Fr,
            next_sequence: 42,
            default_terms_days: 14,
            signature: "Anna\nKindly".into(),
            ..Settings::default()
        };
        store.save_settings(&s).await.unwrap();
        assert_eq!(store.settings().await.unwrap(), s);
        // Saving again upserts; nothing is duplicated.
        store.save_settings(&s).await.unwrap();
        assert_eq!(store.settings().await.unwrap(), s);
        assert_eq!(store.setting_json("smtp").await.unwrap(), None);
        store.save_setting_json("smtp", r#"{"host":"mail"}"#).await.unwrap();
        store.save_setting_json("smtp", r#"{"host":"mx"}"#).await.unwrap();
        assert_eq!(store.setting_json("smtp").await.unwrap().as_deref(), Some(r#"{"host":"mx"}"#));
    })
    .await;
}

#[tokio::test]
async fn clients_round_trip_with_their_timeline_on_both_engines() {
    run(|store, _| async move {
        assert!(store.is_empty().await.unwrap());
        let id = store.create_client(&anna(), at(9, 0)).await.unwrap();
        assert!(!store.is_empty().await.unwrap());
        let c = store.client(id).await.unwrap();
        assert_eq!((c.details.clone(), c.chasing.clone(), c.created_at), (anna(), Chasing::On, at(9, 0)));

        let mut d = anna();
        d.display_name = "Anna Schmidt".into();
        d.emails.push("a.schmidt@example.com".into());
        store.update_client(id, 1, &d, at(9, 5)).await.unwrap();
        assert_eq!(store.client(id).await.unwrap().details, d);

        let paused = Chasing::PausedUntil {
            until: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
            reason: "disputes invoice 7".into(),
        };
        store.set_chasing(id, &paused, at(9, 10)).await.unwrap();
        assert_eq!(store.client(id).await.unwrap().chasing, paused);
        store.set_chasing(id, &Chasing::Off { reason: "moved away".into() }, at(9, 11)).await.unwrap();

        // Not found is the same typed error on both engines.
        let e = store.client(id + 1000).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::NotFound);
        assert_eq!(store.update_client(id + 1000, 1, &d, at(9, 12)).await.unwrap_err().code(), ErrorCode::NotFound);
        assert_eq!(
            store.set_chasing(id + 1000, &Chasing::On, at(9, 12)).await.unwrap_err().code(),
            ErrorCode::NotFound
        );

        let kinds: Vec<EventKind> = store.client_timeline(id, 0).await.unwrap().into_iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [EventKind::ChasingChanged, EventKind::ChasingChanged, EventKind::ClientUpdated, EventKind::ClientCreated]
        );
        let entries = store.client_timeline(id, 0).await.unwrap();
        assert_eq!(entries[1].data, json!({ "mode": "paused", "until": "2026-04-01", "reason": "disputes invoice 7" }));
        assert_eq!(entries[3].summary, "Client Anna Müller added");
        assert_eq!(store.client_owing(id).await.unwrap(), Vec::<(String, i64)>::new());
    })
    .await;
}

#[tokio::test]
async fn timeline_filters_pages_and_corrections_on_both_engines() {
    run(|store, db| async move {
        let id = store.create_client(&anna(), at(8, 0)).await.unwrap();
        let other =
            store.create_client(&ClientDetails { display_name: "Bo".into(), ..anna() }, at(8, 0)).await.unwrap();
        let mut notes = Vec::new();
        for (i, m) in [10, 20, 30, 40].into_iter().enumerate() {
            let summary = format!("note {i}");
            let ev = NewEvent {
                client_id: id,
                invoice_id: None,
                at: at(10, m),
                kind: EventKind::Note,
                summary: &summary,
                data: json!({ "i": i }),
            };
            notes.push(store.append_event(&ev).await.unwrap());
        }
        store
            .append_event(&NewEvent {
                client_id: other,
                invoice_id: None,
                at: at(10, 15),
                kind: EventKind::Note,
                summary: "elsewhere",
                data: json!({}),
            })
            .await
            .unwrap();

        let one = store.timeline_entry(notes[2]).await.unwrap();
        assert_eq!((one.summary.as_str(), one.at, one.data.clone()), ("note 2", at(10, 30), json!({ "i": 2 })));
        assert_eq!(store.timeline_entry(999_999).await.unwrap_err().code(), ErrorCode::NotFound);

        // Kinds, instants, order, limit and the cursor.
        let f = TimelineFilter {
            client_id: Some(id),
            kinds: vec![EventKind::Note],
            from: Some(at(10, 20)),
            to: Some(at(10, 40)),
            ascending: true,
            ..Default::default()
        };
        let got: Vec<String> = store.timeline(&f).await.unwrap().into_iter().map(|e| e.summary).collect();
        assert_eq!(got, ["note 1", "note 2", "note 3"]);
        let page1 = store.timeline(&TimelineFilter { limit: 2, ..f.clone() }).await.unwrap();
        let page2 =
            store.timeline(&TimelineFilter { limit: 2, after_entry: Some(page1[1].id), ..f.clone() }).await.unwrap();
        let got: Vec<&str> = page1.iter().chain(&page2).map(|e| e.summary.as_str()).collect();
        assert_eq!(got, ["note 1", "note 2", "note 3"]);
        let newest = store.client_timeline(id, 2).await.unwrap();
        assert_eq!(newest.iter().map(|e| e.summary.as_str()).collect::<Vec<_>>(), ["note 3", "note 2"]);
        let created =
            TimelineFilter { client_id: Some(id), kinds: vec![EventKind::ClientCreated], ..Default::default() };
        assert_eq!(store.timeline(&created).await.unwrap().len(), 1);
        assert!(store.timeline(&TimelineFilter::default()).await.is_err());

        // Entries that correct an earlier one are listed on it.
        let a = db.insert_correction(id, notes[0], at(11, 0)).await;
        let b = db.insert_correction(id, notes[0], at(11, 1)).await;
        let mut by = store.timeline_entry(notes[0]).await.unwrap().corrected_by;
        by.sort();
        assert_eq!(by, [a, b]);
        assert_eq!(store.timeline_entry(a).await.unwrap().refers_to, Some(notes[0]));

        // The record is append-only on both engines, refused by the database.
        let e = db.exec(&format!("UPDATE timeline SET summary = 'x' WHERE id = {}", notes[1])).await.unwrap_err();
        assert_eq!(StoreError::classify(e, store.path()).code(), ErrorCode::AppendOnly);
        let e = db.exec(&format!("DELETE FROM timeline WHERE id = {}", notes[1])).await.unwrap_err();
        assert_eq!(StoreError::classify(e, store.path()).code(), ErrorCode::AppendOnly);
    })
    .await;
}

/// A UNIQUE clash is the same typed error on both engines (PostgreSQL's
/// 23505 names a constraint; classify reads the table and key columns).
#[tokio::test]
async fn a_unique_clash_is_the_same_typed_error_on_both_engines() {
    run(|store, db| async move {
        let client = store.create_client(&anna(), at(8, 0)).await.unwrap();
        db.exec(&format!(
            "INSERT INTO invoices (id, client_id, number, status, currency, issue_date, due_date, subtotal_minor,
                tax_minor, total_minor, created_at)
             VALUES (1, {client}, 'INV-1', 'draft', 'EUR', '2026-03-01', '2026-03-01', 1000, 0, 1000,
                '2026-03-01T09:00:00.000Z')"
        ))
        .await
        .unwrap();
        let step = "INSERT INTO followup_steps (invoice_id, stage_key, stage_offset, channel, done_on, at)
             VALUES (1, 'first', 7, 'email', '2026-03-10', '2026-03-10T09:00:00.000Z')";
        db.exec(step).await.unwrap();
        let e = db.exec(step).await.unwrap_err();
        assert_eq!(StoreError::classify(e, store.path()).code(), ErrorCode::AlreadyDone);
    })
    .await;
}

/// One invoice reads the same on both engines: dates, instants, money,
/// lines, and what was received (a SUM, NUMERIC on PostgreSQL).
#[tokio::test]
async fn an_invoice_reads_the_same_on_both_engines() {
    run(|store, db| async move {
        let client = store.create_client(&anna(), at(8, 0)).await.unwrap();
        db.exec(&format!(
            "INSERT INTO invoices (id, client_id, number, status, currency, issue_date, due_date, subtotal_minor,
                tax_minor, total_minor, notes, created_at)
             VALUES (7, {client}, 'INV-7', 'draft', 'EUR', '2026-03-01', '2026-03-31', 1000, 190, 1190, 'net 30',
                '2026-03-01T09:30:00.250Z')"
        ))
        .await
        .unwrap();
        for (pos, (what, qty, price)) in [("Design", 2000, 400), ("Hosting", 1000, 200)].into_iter().enumerate() {
            db.exec(&format!(
                "INSERT INTO invoice_lines (invoice_id, position, description, quantity_milli, unit_price_minor, tax_rate_bp)
                 VALUES (7, {pos}, '{what}', {qty}, {price}, 1900)"
            ))
            .await
            .unwrap();
        }
        db.exec("UPDATE invoices SET status = 'issued' WHERE id = 7").await.unwrap();
        db.exec(
            "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
             VALUES (7, 300, 'EUR', '2026-03-10', 'bank_transfer', '2026-03-10T12:00:00.000Z')",
        )
        .await
        .unwrap();

        let inv = store.invoice(7).await.unwrap();
        assert_eq!((inv.number.as_str(), inv.client_id, inv.client_name.as_str()), ("INV-7", client, "Anna Müller"));
        assert_eq!(inv.status, kindly_core::invoice::InvoiceStatus::Issued);
        assert_eq!(
            (inv.issue_date, inv.due_date, inv.currency),
            (NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(), Currency::EUR)
        );
        assert_eq!((inv.subtotal_minor, inv.tax_minor, inv.total_minor), (1000, 190, 1190));
        assert_eq!((inv.paid_minor, inv.received_minor, inv.returned_minor, inv.credited_minor), (300, 300, 0, 0));
        assert_eq!(inv.created_at, Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 0).unwrap() + chrono::Duration::milliseconds(250));
        assert_eq!(inv.notes, "net 30");
        let lines: Vec<(&str, i64)> = inv.lines.iter().map(|l| (l.description.as_str(), l.quantity_milli)).collect();
        assert_eq!(lines, [("Design", 2000), ("Hosting", 1000)]);
        assert_eq!(store.client_owing(client).await.unwrap(), [("EUR".to_string(), 890)]);
        assert_eq!(store.invoice(8).await.unwrap_err().code(), ErrorCode::NotFound);

        // An invoice's timeline: its own entries, not the client's others
        // (a client entry naming a plan the invoice is not part of stays out).
        let note = |invoice_id, summary: &'static str, data| NewEvent {
            client_id: client,
            invoice_id,
            at: at(12, 0),
            kind: EventKind::Note,
            summary,
            data,
        };
        let own = store.append_event(&note(Some(7), "about INV-7", json!({}))).await.unwrap();
        store.append_event(&note(None, "about a plan", json!({ "plan_id": 5 }))).await.unwrap();
        let ids: Vec<i64> = store.invoice_timeline(7).await.unwrap().into_iter().map(|e| e.id).collect();
        assert_eq!(ids, [own]);
        let f = TimelineFilter { invoice_id: Some(7), client_id: Some(client), ..Default::default() };
        let got: Vec<(i64, Option<String>)> =
            store.timeline(&f).await.unwrap().into_iter().map(|e| (e.id, e.invoice_number)).collect();
        assert_eq!(got, [(own, Some("INV-7".to_string()))]);
        // Issued is immutable on both engines, refused by the database.
        let e = db.exec("UPDATE invoices SET total_minor = 1 WHERE id = 7").await.unwrap_err();
        assert_eq!(StoreError::classify(e, store.path()).code(), ErrorCode::InvoiceImmutable);
    })
    .await;
}

/// On PostgreSQL a use case of a module not ported yet is refused with a
/// typed error, never a panic and never a half-done write. (Invoices,
/// follow-ups and the client list are ported: `tests/engines_invoices.rs`.)
#[tokio::test]
async fn unported_use_cases_refuse_on_postgres() {
    run(|store, _| async move {
        // Payments, plans and promises are ported (tests/engines_payments.rs,
        // tests/engines_plans.rs): they answer on both.
        assert_eq!(store.list_payments(&Default::default()).await.unwrap().total, 0);
        assert!(store.payments(1).await.unwrap().is_empty());
        assert!(store.client_plans(1).await.unwrap().is_empty());
        assert!(store.promises(Some(1), None).await.unwrap().is_empty());
        // Statements, the outbox and bank statements are ported too
        // (tests/engines_bank.rs).
        assert!(store.open_invoices_for_matching().await.unwrap().is_empty());
        assert!(store.statement_invoices(1).await.unwrap().is_empty());
        assert_eq!(store.outbox_counts().await.unwrap().queued, 0);
        // Corrections and CSV import/export are ported too
        // (tests/engines_corrections.rs).
        assert!(store.credit_notes(1).await.unwrap().is_empty());
        assert!(store.import_keys("client").await.unwrap().is_empty());
        // Backups stay SQLite's: a team database is backed up with pg_dump.
        let counts = store.counts().await;
        match store.engine() {
            Engine::Sqlite => {
                assert_eq!(counts.unwrap(), (0, 0));
            }
            Engine::Postgres => {
                let e = counts.unwrap_err();
                assert_eq!(e.code(), ErrorCode::StoreNotOnPostgresYet);
                assert!(matches!(e, StoreError::NotOnPostgresYet { what: "backups" }), "{e:?}");
            }
        }
    })
    .await;
}

/// A server that goes away while a store is open: the next read and the
/// next write are `store_server_away`, never a panic or a hang.
#[tokio::test]
async fn a_server_that_goes_away_is_server_away() {
    if std::env::var("KINDLY_TEST_PG_URL").is_ok_and(|u| !u.is_empty()) {
        eprintln!("KINDLY_TEST_PG_URL names a server this test must not stop: skipped");
        return;
    }
    let Some(server) = kindly_pgtest::PgServer::start().expect("PostgreSQL test server") else {
        eprintln!("PostgreSQL is not installed: skipped");
        return;
    };
    let url = server.fresh_database().await.unwrap();
    let store = Store::connect(&url).await.unwrap();
    let id = store.create_client(&anna(), at(9, 0)).await.unwrap();
    drop(server); // pg_ctl stop -m immediate
    let e = store.update_client(id, 1, &anna(), at(9, 1)).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::StoreServerAway, "{e:?}");
    assert!(e.to_string().contains("127.0.0.1"), "{e}");
    let e = store.settings().await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::StoreServerAway, "{e:?}");
}

/// A server that is not there (a closed port) is `store_server_away`, with
/// the host in the message and without the password.
#[tokio::test]
async fn an_unreachable_server_is_server_away() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let e = Store::connect(&format!("postgres://kindly:s3cret@127.0.0.1:{port}/ledger")).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::StoreServerAway, "{e:?}");
    let msg = e.to_string();
    assert!(msg.contains(&format!("127.0.0.1:{port}")) && !msg.contains("s3cret"), "{msg}");
    let e = Store::connect("mysql://nope").await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::DatabaseError);
}

/// A client's e-invoice details (needed to create any invoice through the
/// api) read and save the same on both engines: none until saved, an
/// upsert, a timeline entry per save, an unknown client `NotFound`, and a
/// value the schema refuses (a lower-case VAT id) refused on both.
#[tokio::test]
async fn client_einvoice_details_round_trip_on_both_engines() {
    use kindly_core::einvoice_ids::ClientEInvoice;
    use kindly_core::vocab::EInvoiceFormat;
    run(|store, _| async move {
        let id = store.create_client(&anna(), at(9, 0)).await.unwrap();
        assert_eq!(store.client_einvoice(id).await.unwrap(), ClientEInvoice::default());
        let mut e = ClientEInvoice {
            format: EInvoiceFormat::XrechnungUbl,
            buyer_reference: Some("04011000-12345-67".into()),
            vat_id: Some("DE123456789".into()),
            siren: None,
            peppol_id: Some("0204:04011000-12345-67".into()),
            country: Some("DE".into()),
        };
        store.set_client_einvoice(id, &e, at(9, 5)).await.unwrap();
        assert_eq!(store.client_einvoice(id).await.unwrap(), e);
        e.format = EInvoiceFormat::Peppol;
        e.buyer_reference = None;
        store.set_client_einvoice(id, &e, at(9, 6)).await.unwrap();
        assert_eq!(store.client_einvoice(id).await.unwrap(), e, "the second save replaces the first");
        let entries = store.client_timeline(id, 50).await.unwrap();
        let saves = entries.iter().filter(|t| t.summary == "E-invoice details updated").count();
        assert_eq!(saves, 2, "each save is in the timeline");

        let e404 = store.set_client_einvoice(id + 100, &e, at(9, 7)).await.unwrap_err();
        assert!(matches!(e404, StoreError::NotFound { entity: "client", .. }), "{e404:?}");
        let bad = ClientEInvoice { vat_id: Some("de123".into()), ..e.clone() };
        assert!(store.set_client_einvoice(id, &bad, at(9, 8)).await.is_err(), "the schema's CHECK refuses it");
        assert_eq!(store.client_einvoice(id).await.unwrap(), e, "a refused save changes nothing");
    })
    .await;
}

/// Late-payment interest (read for every invoice PDF) on both engines: a
/// client's setting saved, a change in the timeline with what it replaced,
/// saving the same again changes nothing; an entered rate saved once (a
/// second for the same half-year is refused by the UNIQUE and saves
/// nothing), listed in order, removed.
#[tokio::test]
async fn late_payment_interest_settings_and_rates_on_both_engines() {
    use kindly_core::vocab::{DebtorKind, InterestBase, Jurisdiction};
    use kindly_store::{AddedInterestRate, ClientInterest};
    run(|store, _| async move {
        let id = store.create_client(&anna(), at(9, 0)).await.unwrap();
        assert_eq!(store.client_interest(id).await.unwrap(), None);
        let on = ClientInterest { enabled: true, jurisdiction: Jurisdiction::De, debtor: DebtorKind::Business };
        assert!(store.set_client_interest(id, &on, "Interest on", at(9, 1)).await.unwrap());
        assert_eq!(store.client_interest(id).await.unwrap(), Some(on));
        assert!(!store.set_client_interest(id, &on, "Interest on", at(9, 2)).await.unwrap(), "no change");
        let entries = store.client_timeline(id, 50).await.unwrap();
        let changes: Vec<_> = entries.iter().filter(|t| t.kind == EventKind::InterestChanged).collect();
        assert_eq!(changes.len(), 1, "one entry for the one change");
        assert_eq!(changes[0].data["before"], serde_json::Value::Null);
        let e = store.set_client_interest(id + 9, &on, "x", at(9, 3)).await.unwrap_err();
        assert!(matches!(e, StoreError::NotFound { entity: "client", .. }), "{e:?}");

        let rate = |series, y, m, bp| AddedInterestRate {
            series,
            from: NaiveDate::from_ymd_opt(y, m, 1).unwrap(),
            rate_bp: bp,
            source: "Bundesbank".into(),
            added_at: at(10, 0),
        };
        assert!(store
            .add_interest_rate(&rate(InterestBase::Basiszins, 2027, 7, -88), Some((id, "rate")))
            .await
            .unwrap());
        assert!(store.add_interest_rate(&rate(InterestBase::EcbMro, 2027, 1, 215), None).await.unwrap());
        assert!(
            !store.add_interest_rate(&rate(InterestBase::Basiszins, 2027, 7, 999), None).await.unwrap(),
            "the same half-year again saves nothing"
        );
        let all = store.added_interest_rates().await.unwrap();
        assert_eq!(all, vec![rate(InterestBase::Basiszins, 2027, 7, -88), rate(InterestBase::EcbMro, 2027, 1, 215)]);
        assert!(store
            .remove_interest_rate(InterestBase::EcbMro, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())
            .await
            .unwrap());
        assert!(!store
            .remove_interest_rate(InterestBase::EcbMro, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())
            .await
            .unwrap());
        assert_eq!(store.added_interest_rates().await.unwrap().len(), 1);
    })
    .await;
}

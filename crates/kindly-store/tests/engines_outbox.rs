//! The outbox (issue #19's outbox port) behaves the same on both engines:
//! each body runs on a SQLite temp file and on a fresh PostgreSQL database
//! with the same fixture, and asserts the same results (ids, states, counts,
//! typed errors). Plus, on PostgreSQL only, two "machines" (two pools)
//! claiming at once never claim the same message, and the sender lock is
//! refused to a second machine until the first lets go or its connection
//! dies.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed unwrap fails it

use chrono::{DateTime, Duration, Utc};
use kindly_core::payment::{PaymentMethod, ValidPayment};
use kindly_core::vocab::OutboxState;
use kindly_core::{Currency, ErrorCode, Money};
use kindly_followup::ladder::{Channel, Stage, Tone};
use kindly_store::{EmailPurpose, NewEmail, NewInvoice, OutboxCounts, Store, StoreError};
use std::collections::BTreeSet;

mod support;

use support::{at, both, client, day, fresh_pg_database, two_machines};

/// An issued invoice of `amount` (minor units, no tax), due at the end of March.
fn invoice(client_id: i64, amount: i64) -> NewInvoice {
    support::one_line_invoice(client_id, Currency::EUR, amount, day(2, 1), day(3, 31))
}

fn stage(key: &str, offset: i64) -> Stage {
    Stage { key: key.into(), name: key.into(), offset_days: offset, tone: Tone::Friendly, channel: Channel::Email }
}

/// Queues a ladder message about `invoice_id` at `stage`.
async fn queue(
    store: &Store,
    client_id: i64,
    invoice_id: i64,
    st: &Stage,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let message_id = format!("<{invoice_id}.{}.{}@kindly.test>", st.key, now.timestamp_millis());
    let raw = format!("Message-ID: {message_id}\r\nSubject: Reminder\r\n\r\nPlease pay.\r\n");
    let invoices = [(invoice_id, st)];
    let recipients = vec!["anna@example.com".to_string()];
    let m = NewEmail {
        message_id: &message_id,
        purpose: EmailPurpose::Ladder,
        client_id,
        stage: st,
        invoices: &invoices,
        envelope_from: "me@example.com",
        recipients: &recipients,
        to_display: &recipients,
        subject: "Reminder",
        body: "Please pay.",
        raw: raw.as_bytes(),
        raw_sha256: "00",
        eml_path: None,
    };
    store.enqueue_email(&m, now).await
}

fn counts(queued: i64, sending: i64, sent: i64, failed: i64, uncertain: i64, cancelled: i64) -> OutboxCounts {
    OutboxCounts { queued, sending, sent, failed, uncertain, cancelled }
}

/// Queue, claim, the outcomes (sent, failed, retry, may have been sent,
/// send again, withdraw, confirm), the lists and counts, the
/// one-message-per-invoice-and-stage rule and the claim tokens, the same on
/// both engines.
#[tokio::test]
async fn outbox_queue_claim_and_outcomes_on_both_engines() {
    both(|store, db| async move {
        let t0 = at(4, 2, 9);
        let anna = store.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
        let mut inv = Vec::new();
        for _ in 0..4 {
            inv.push(store.create_invoice(&invoice(anna, 10_000), at(2, 1, 9)).await.unwrap());
        }
        let first = stage("first", 0);
        let second = stage("second", 14);
        let m1 = queue(&store, anna, inv[0].0, &first, t0).await.unwrap();
        // Who queued a message is recorded with it (#19's who did what).
        store.set_member(Some("Anna".into()));
        let m2 = queue(&store, anna, inv[1].0, &first, t0 + Duration::seconds(1)).await.unwrap();
        store.set_member(None);
        let m3 = queue(&store, anna, inv[2].0, &first, t0 + Duration::seconds(2)).await.unwrap();
        // One live message per invoice and stage: the same typed error on both.
        let again = queue(&store, anna, inv[0].0, &first, t0 + Duration::seconds(3)).await;
        assert!(matches!(again, Err(StoreError::AlreadyQueued)), "{again:?}");
        assert_eq!(store.outbox_counts().await.unwrap(), counts(3, 0, 0, 0, 0, 0));
        assert_eq!(store.queued_due_count(t0 + Duration::seconds(1)).await.unwrap(), 2);
        assert_eq!(store.next_email_due().await.unwrap(), Some(t0));
        assert_eq!(store.outbox_for_stage(inv[1].0, "first").await.unwrap(), Some(m2));
        assert_eq!(store.outbox_for_stage(inv[3].0, "first").await.unwrap(), None);
        let page = store.outbox(&[], 0, 10).await.unwrap();
        assert_eq!(page.total, 3);
        assert_eq!(page.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![m3, m2, m1]);
        assert_eq!(page.rows[2].invoice_numbers, vec![inv[0].1.clone()]);
        assert_eq!(page.rows[2].client_name, "Anna Müller");
        assert_eq!(page.rows[2].created_at, t0);
        assert_eq!(page.rows[2].state, OutboxState::Queued);
        let made_by: Vec<Option<&str>> = page.rows.iter().map(|r| r.made_by.as_deref()).collect();
        assert_eq!(made_by, vec![None, Some("Anna"), None], "each message records who queued it");
        assert!(store.outbox_raw(m1).await.unwrap().starts_with(b"Message-ID: <"));

        // The earliest due message first, under a new token.
        let c1 = store.claim_next_email(t0 + Duration::seconds(5), None).await.unwrap().unwrap();
        assert_eq!((c1.id, c1.attempts, c1.claim, c1.purpose), (m1, 1, 1, EmailPurpose::Ladder));
        assert_eq!(c1.recipients, vec!["anna@example.com".to_string()]);
        // A token that is not the claim's: refused, nothing recorded.
        let lost = store.email_sent(m1, Some(c1.claim + 1), "250 ok", day(4, 2), t0).await;
        assert!(matches!(lost, Err(StoreError::SenderLost { id }) if id == m1), "{lost:?}");
        assert_eq!(lost.unwrap_err().code(), ErrorCode::OutboxBusy);
        store.email_sent(m1, Some(c1.claim), "250 ok", day(4, 2), t0 + Duration::seconds(6)).await.unwrap();
        assert_eq!(db.int(&format!("SELECT COUNT(*) FROM followup_steps WHERE invoice_id = {}", inv[0].0)).await, 1);
        let sent = store.outbox_email(m1).await.unwrap();
        assert_eq!((sent.state, sent.sent_at), (OutboxState::Sent, Some(t0 + Duration::seconds(6))));
        // Sent is final; the stage is done, so it is not queued again.
        let twice = store.email_sent(m1, None, "250 ok", day(4, 2), t0).await;
        assert!(matches!(twice, Err(StoreError::OutboxState { .. })), "{twice:?}");
        let done = queue(&store, anna, inv[0].0, &first, t0).await;
        assert!(matches!(done, Err(StoreError::AlreadyDone)), "{done:?}");

        // A transient failure goes back to the queue for later.
        let c2 = store.claim_next_email(t0 + Duration::seconds(10), Some(&[m2])).await.unwrap().unwrap();
        assert_eq!(c2.id, m2);
        let retry_at = t0 + Duration::hours(1);
        store.email_failed(m2, c2.claim, "smtp_unavailable", "try later", Some(retry_at), t0).await.unwrap();
        assert_eq!(store.outbox_email(m2).await.unwrap().next_attempt_at, retry_at);
        // Not due yet: the next claim takes m3, which may have been sent.
        let c3 = store.claim_next_email(t0 + Duration::seconds(20), None).await.unwrap().unwrap();
        assert_eq!(c3.id, m3);
        store.email_uncertain(m3, c3.claim, "smtp_timeout", "timed out", t0).await.unwrap();
        assert!(store.claim_next_email(t0 + Duration::seconds(30), None).await.unwrap().is_none());
        assert_eq!(store.outbox_counts().await.unwrap(), counts(1, 0, 1, 0, 1, 0));
        // The user sends it again: a new claim, a new token; the old one is refused.
        store.requeue_email(m3, t0 + Duration::seconds(40)).await.unwrap();
        let c3b = store.claim_next_email(t0 + Duration::seconds(50), None).await.unwrap().unwrap();
        assert_eq!((c3b.id, c3b.claim, c3b.attempts), (m3, c3.claim + 1, 2));
        let old = store.withdraw_claimed(m3, c3.claim, "no_longer_due", "paid", t0).await;
        assert!(matches!(old, Err(StoreError::SenderLost { .. })), "{old:?}");
        let old = store.email_failed(m3, c3.claim, "x", "y", None, t0).await;
        assert!(matches!(old, Err(StoreError::SenderLost { .. })), "{old:?}");
        store.withdraw_claimed(m3, c3b.claim, "no_longer_due", "No longer due.", t0).await.unwrap();
        assert_eq!(store.outbox_for_stage(inv[2].0, "first").await.unwrap(), None);
        // Withdrawn frees the stage: it can be queued anew.
        let m3b = queue(&store, anna, inv[2].0, &first, t0 + Duration::seconds(60)).await.unwrap();
        store.cancel_email(m3b, t0 + Duration::seconds(61)).await.unwrap();

        // A permanent failure waits for the user, who withdraws it.
        let c2b = store.claim_next_email(retry_at, Some(&[m2])).await.unwrap().unwrap();
        assert_eq!((c2b.id, c2b.attempts), (m2, 2));
        store.email_failed(m2, c2b.claim, "recipient_rejected", "no such user", None, retry_at).await.unwrap();
        let refused = store.withdraw_claimed(m2, c2b.claim, "x", "y", retry_at).await;
        assert!(matches!(refused, Err(StoreError::SenderLost { .. })), "{refused:?}");
        store.cancel_email(m2, retry_at).await.unwrap();
        let final_ = store.cancel_email(m2, retry_at).await;
        assert!(matches!(final_, Err(StoreError::OutboxState { .. })), "{final_:?}");

        // A sender that died: its message becomes "may have been sent", which the user confirms.
        let m4 = queue(&store, anna, inv[1].0, &second, retry_at).await.unwrap();
        let c4 = store.claim_next_email(retry_at, Some(&[m4])).await.unwrap().unwrap();
        assert_eq!(c4.id, m4);
        let lock = store.lock_outbox_sender().await.unwrap();
        assert_eq!(store.recover_interrupted(&lock, retry_at).await.unwrap(), 1);
        lock.release().await;
        let late = store.email_sent(m4, Some(c4.claim), "250 ok", day(4, 2), retry_at).await;
        assert!(matches!(late, Err(StoreError::SenderLost { .. })), "{late:?}");
        let row = store.outbox_email(m4).await.unwrap();
        assert_eq!((row.state, row.error_code.as_deref()), (OutboxState::Uncertain, Some("interrupted")));
        store.email_sent(m4, None, "confirmed as sent by the user", day(4, 3), retry_at).await.unwrap();
        assert_eq!(db.int(&format!("SELECT COUNT(*) FROM followup_steps WHERE invoice_id = {}", inv[1].0)).await, 1);

        // A message whose invoice was paid meanwhile is withdrawn, not sent.
        let m5 = queue(&store, anna, inv[3].0, &first, retry_at).await.unwrap();
        let pay = ValidPayment {
            amount: Money::new(10_000, Currency::EUR),
            date: day(4, 2),
            method: PaymentMethod::BankTransfer,
            reference: None,
        };
        store.record_payment(inv[3].0, &pay, retry_at).await.unwrap();
        assert!(store.claim_next_email(retry_at, Some(&[m5])).await.unwrap().is_none());
        assert_eq!(store.outbox_email(m5).await.unwrap().error_code.as_deref(), Some("settled"));

        let states = store.outbox_states(&[inv[1].0, inv[3].0]).await.unwrap();
        assert_eq!(states, vec![(inv[1].0, "second".to_string(), m4, OutboxState::Sent)]);
        assert_eq!(store.outbox_for_key("second").await.unwrap(), Some((m4, OutboxState::Sent)));
        let open = store.outbox(&["queued", "failed", "uncertain"], 0, 10).await.unwrap();
        assert_eq!(
            open.total,
            db.int("SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'failed', 'uncertain')").await
        );
        let all = store.outbox_counts().await.unwrap();
        assert_eq!((all.sent, all.cancelled, all.queued), (2, 4, 0));
        assert_eq!(all.sending, 0);
        assert_eq!(
            db.int("SELECT COUNT(*) FROM timeline WHERE kind = 'email_withdrawn'").await,
            all.cancelled,
            "every withdrawal is in the timeline"
        );
    })
    .await;
}

/// Two machines (two pools on one database) claiming the same queue at
/// once never claim the same message, and between them claim every one.
/// (Without `SKIP LOCKED` and the claim's `state = 'queued'` condition both
/// read the same first row and both move it to `sending`.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_machines_claiming_at_once_never_claim_the_same_message() {
    let Some((a, b)) = two_machines().await else {
        return;
    };
    let t0 = at(4, 2, 9);
    let anna = a.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
    let first = stage("first", 0);
    let mut queued = BTreeSet::new();
    for _ in 0..80 {
        let (id, _) = a.create_invoice(&invoice(anna, 10_000), at(2, 1, 9)).await.unwrap();
        queued.insert(queue(&a, anna, id, &first, t0).await.unwrap());
    }
    let claim_all = |s: Store| async move {
        let mut mine = Vec::new();
        while let Some(c) = s.claim_next_email(t0 + Duration::minutes(1), None).await.unwrap() {
            mine.push(c.id);
        }
        mine
    };
    let (ta, tb) = (tokio::spawn(claim_all(a.clone())), tokio::spawn(claim_all(b.clone())));
    let (ma, mb) = (ta.await.unwrap(), tb.await.unwrap());
    let sa: BTreeSet<i64> = ma.iter().copied().collect();
    let sb: BTreeSet<i64> = mb.iter().copied().collect();
    assert_eq!(sa.len(), ma.len(), "a machine claimed one message twice");
    assert_eq!(sb.len(), mb.len(), "a machine claimed one message twice");
    let both_claimed: Vec<_> = sa.intersection(&sb).collect();
    assert!(both_claimed.is_empty(), "claimed by both machines: {both_claimed:?}");
    assert_eq!(sa.union(&sb).copied().collect::<BTreeSet<_>>(), queued, "every message claimed once");
    assert!(!ma.is_empty() && !mb.is_empty(), "both machines claimed ({} / {})", ma.len(), mb.len());
    assert_eq!(a.outbox_counts().await.unwrap().sending, 80);
}

/// The sender lock: a second machine is refused (`outbox_busy`, "another
/// member is sending") while the first holds it, and gets it once the
/// first releases it, drops it, or its connection dies; a holder whose
/// connection died learns so on its next check.
#[tokio::test]
async fn a_second_sender_is_refused_until_the_first_lets_go() {
    let Some(url) = fresh_pg_database().await else {
        eprintln!("PostgreSQL is not installed: skipped (KINDLY_REQUIRE_PG=1 makes this an error)");
        return;
    };
    let a = Store::connect(&url).await.unwrap();
    let b = Store::connect(&url).await.unwrap();
    let mut held = a.lock_outbox_sender().await.unwrap();
    held.check().await.unwrap();
    let refused = b.lock_outbox_sender().await;
    assert!(matches!(refused, Err(StoreError::OutboxSenderBusy)), "{refused:?}");
    let e = refused.unwrap_err();
    assert_eq!(e.code(), ErrorCode::OutboxBusy);
    assert!(e.to_string().contains("another member is sending the outbox right now"), "{e}");
    // Even the same machine's second run is refused: the lock is the session's.
    assert!(matches!(a.lock_outbox_sender().await, Err(StoreError::OutboxSenderBusy)));

    // Released: the other machine gets it.
    held.release().await;
    let held_b = b.lock_outbox_sender().await.unwrap();
    assert!(matches!(a.lock_outbox_sender().await, Err(StoreError::OutboxSenderBusy)));

    // Dropped (a process that ends closes the socket): the server frees it.
    drop(held_b);
    let mut held_a = wait_for_lock(&a).await;

    // Its connection killed (a machine gone, or the server restarting the
    // session): the lock is free for another, and the old holder finds out.
    // Only this database's holder: the server is the test binary's, and a
    // test beside this one migrating its own database holds sqlx's advisory
    // migration lock (killing it too failed both tests now and then).
    let admin = sqlx::PgPool::connect(&url).await.unwrap();
    let killed: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_locks
          WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS t",
    )
    .fetch_one(&admin)
    .await
    .unwrap();
    assert_eq!(killed, 1);
    let _held_b = wait_for_lock(&b).await;
    assert!(held_a.check().await.is_err(), "a holder whose connection died must not go on sending");
}

/// Takes the sender lock, waiting up to 5 s for the server to notice that
/// the last holder's connection closed.
async fn wait_for_lock(store: &Store) -> kindly_store::OutboxSenderLock {
    for _ in 0..50 {
        match store.lock_outbox_sender().await {
            Ok(l) => return l,
            Err(StoreError::OutboxSenderBusy) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
            Err(e) => panic!("{e}"),
        }
    }
    panic!("the sender lock was not freed within 5 s");
}

//! Payments (issue #19's payments port) behave the same on both engines:
//! each body runs on a SQLite temp file and on a fresh PostgreSQL database
//! with the same fixture, and asserts the same results (ids, order, counts,
//! typed errors). Plus, on PostgreSQL only, two "machines" (two pools)
//! paying one invoice at once never over-pay it, and the trigger's row lock
//! is what makes it so.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed unwrap fails it

use chrono::NaiveDate;
use kindly_core::invoice::{compute_totals, LineItem};
use kindly_core::payment::{PaymentMethod, ValidPayment};
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, ErrorCode, Money};
use kindly_store::{NewInvoice, PaymentQuery, Store, StoreError};
use sqlx::PgPool;
use std::time::Duration;

mod support;

use support::{at, both, client, day, fresh_pg_database, two_machines};

/// An invoice of `amount` (minor units, no tax) in `currency`, due at the end of March.
fn invoice(client_id: i64, currency: Currency, amount: i64, issue: bool) -> NewInvoice {
    let lines =
        vec![LineItem { description: "Work".into(), quantity_milli: 1000, unit_price_minor: amount, tax_rate_bp: 0 }];
    NewInvoice {
        client_id,
        number: None,
        issue_date: day(2, 1),
        due_date: day(3, 31),
        currency,
        totals: compute_totals(&lines).unwrap(),
        lines,
        notes: String::new(),
        issue,
    }
}

fn payment(
    minor: i64,
    currency: Currency,
    on: NaiveDate,
    method: PaymentMethod,
    reference: Option<&str>,
) -> ValidPayment {
    ValidPayment { amount: Money::new(minor, currency), date: on, method, reference: reference.map(str::to_string) }
}

fn eur(minor: i64, on: NaiveDate) -> ValidPayment {
    payment(minor, Currency::EUR, on, PaymentMethod::BankTransfer, None)
}

fn ids(rows: &[kindly_store::PaymentListRow]) -> Vec<i64> {
    rows.iter().map(|r| r.id).collect()
}

/// Record, list (currency, period, client, pages), an invoice's payments,
/// and the refusals (over-payment, currency, not payable, unknown invoice)
/// as the same typed errors on both engines.
#[tokio::test]
async fn payments_record_list_and_refuse_the_same_on_both_engines() {
    both(|store, _db| async move {
        let anna = store.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
        let bo = store.create_client(&client("Bo Lind", "bo@lind.se"), at(1, 5, 9)).await.unwrap();
        let (a1, n1) = store.create_invoice(&invoice(anna, Currency::EUR, 25_000, true), at(2, 1, 9)).await.unwrap();
        let (b1, nb) = store.create_invoice(&invoice(bo, Currency::EUR, 10_000, true), at(2, 1, 9)).await.unwrap();
        let (u1, _) = store.create_invoice(&invoice(anna, Currency::USD, 8_000, true), at(2, 1, 9)).await.unwrap();
        let (draft, _) = store.create_invoice(&invoice(anna, Currency::EUR, 5_000, false), at(2, 1, 9)).await.unwrap();
        let (gone, _) = store.create_invoice(&invoice(bo, Currency::EUR, 5_000, true), at(2, 1, 9)).await.unwrap();
        store.cancel_invoice(gone, "sent twice", at(2, 2, 9)).await.unwrap();

        let p1 = store
            .record_payment(
                a1,
                &payment(5_000, Currency::EUR, day(3, 1), PaymentMethod::BankTransfer, Some("R1")),
                at(3, 1, 9),
            )
            .await
            .unwrap();
        let p2 = store
            .record_payment(a1, &payment(3_000, Currency::EUR, day(3, 5), PaymentMethod::Card, None), at(3, 5, 9))
            .await
            .unwrap();
        let p3 = store
            .record_payment(b1, &payment(10_000, Currency::EUR, day(3, 3), PaymentMethod::Cash, None), at(3, 3, 9))
            .await
            .unwrap();
        let p4 = store
            .record_payment(
                u1,
                &payment(2_000, Currency::USD, day(3, 4), PaymentMethod::Paypal, Some("PP-7")),
                at(3, 4, 9),
            )
            .await
            .unwrap();

        // An invoice's payments, oldest first; the invoice's figures follow.
        let got = store.payments(a1).await.unwrap();
        assert_eq!(got.iter().map(|p| p.id).collect::<Vec<_>>(), vec![p1, p2]);
        assert_eq!(got[0].amount, Money::new(5_000, Currency::EUR));
        assert_eq!(
            (got[0].paid_on, got[0].method, got[0].reference.as_deref()),
            (day(3, 1), PaymentMethod::BankTransfer, Some("R1"))
        );
        assert_eq!(
            (got[1].paid_on, got[1].method, got[1].reference.as_deref()),
            (day(3, 5), PaymentMethod::Card, None)
        );
        assert_eq!(store.invoice(a1).await.unwrap().paid_minor, 8_000);
        assert_eq!(store.invoice(b1).await.unwrap().paid_minor, 10_000);
        assert!(store.payments(draft).await.unwrap().is_empty());

        // Each payment's timeline entry says what is still owing after it.
        let entries = store.invoice_timeline(a1).await.unwrap();
        let paid: Vec<_> = entries.iter().filter(|e| e.kind == EventKind::PaymentRecorded).collect();
        assert_eq!(paid.len(), 2);
        assert_eq!(paid[0].data["payment_id"], serde_json::json!(p2));
        assert_eq!(paid[0].data["outstanding"], serde_json::json!(Money::new(17_000, Currency::EUR).plain()));
        assert_eq!(paid[1].data["outstanding"], serde_json::json!(Money::new(20_000, Currency::EUR).plain()));
        assert!(paid[0].summary.contains(&n1) && paid[0].summary.contains("still owing"), "{}", paid[0].summary);

        // The list: newest payment day first, then as recorded.
        let all = store.list_payments(&PaymentQuery { limit: 10, ..Default::default() }).await.unwrap();
        assert_eq!((all.total, ids(&all.rows)), (4, vec![p2, p4, p3, p1]));
        let bo_row = &all.rows[2];
        assert_eq!(
            (bo_row.invoice_id, bo_row.invoice_number.as_str(), bo_row.client_id, bo_row.client_name.as_str()),
            (b1, nb.as_str(), bo, "Bo Lind")
        );
        assert_eq!(
            (bo_row.amount, bo_row.method, bo_row.reversed),
            (Money::new(10_000, Currency::EUR), PaymentMethod::Cash, false)
        );
        assert_eq!(all.rows[1].reference.as_deref(), Some("PP-7"));
        let q = |f: fn(&mut PaymentQuery)| {
            let mut q = PaymentQuery { limit: 10, ..Default::default() };
            f(&mut q);
            q
        };
        let by_currency = store.list_payments(&q(|q| q.currency = Some(Currency::EUR))).await.unwrap();
        assert_eq!((by_currency.total, ids(&by_currency.rows)), (3, vec![p2, p3, p1]));
        let usd = store.list_payments(&q(|q| q.currency = Some(Currency::USD))).await.unwrap();
        assert_eq!((usd.total, ids(&usd.rows)), (1, vec![p4]));
        let period = store
            .list_payments(&q(|q| {
                q.from = Some(day(3, 3));
                q.to = Some(day(3, 4));
            }))
            .await
            .unwrap();
        assert_eq!((period.total, ids(&period.rows)), (2, vec![p4, p3]));
        let from = store.list_payments(&q(|q| q.from = Some(day(3, 5)))).await.unwrap();
        assert_eq!((from.total, ids(&from.rows)), (1, vec![p2]));
        let of_bo =
            store.list_payments(&PaymentQuery { client_id: Some(bo), limit: 10, ..Default::default() }).await.unwrap();
        assert_eq!((of_bo.total, ids(&of_bo.rows)), (1, vec![p3]));
        let of_anna_eur = store
            .list_payments(&PaymentQuery {
                client_id: Some(anna),
                currency: Some(Currency::EUR),
                limit: 10,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!((of_anna_eur.total, ids(&of_anna_eur.rows)), (2, vec![p2, p1]));
        let page = store.list_payments(&PaymentQuery { offset: 1, limit: 2, ..Default::default() }).await.unwrap();
        assert_eq!((page.total, ids(&page.rows)), (4, vec![p4, p3]));
        let last = store.list_payments(&PaymentQuery { offset: 3, limit: 2, ..Default::default() }).await.unwrap();
        assert_eq!((last.total, ids(&last.rows)), (4, vec![p1]));

        // Refusals: the same typed error on both engines, nothing written.
        let e = store.record_payment(a1, &eur(17_001, day(3, 6)), at(3, 6, 9)).await.unwrap_err();
        assert!(matches!(e, StoreError::Overpayment), "{e:?}");
        assert_eq!(e.code(), ErrorCode::Overpayment);
        let e = store.record_payment(b1, &eur(1, day(3, 6)), at(3, 6, 9)).await.unwrap_err();
        assert!(matches!(e, StoreError::Overpayment), "{e:?}");
        let e = store
            .record_payment(a1, &payment(1_000, Currency::USD, day(3, 6), PaymentMethod::Cash, None), at(3, 6, 9))
            .await
            .unwrap_err();
        assert!(matches!(e, StoreError::CurrencyMismatch), "{e:?}");
        let e = store.record_payment(draft, &eur(1_000, day(3, 6)), at(3, 6, 9)).await.unwrap_err();
        assert!(matches!(e, StoreError::NotPayable), "{e:?}");
        let e = store.record_payment(gone, &eur(1_000, day(3, 6)), at(3, 6, 9)).await.unwrap_err();
        assert!(matches!(e, StoreError::NotPayable), "{e:?}");
        let e = store.record_payment(999_999, &eur(1_000, day(3, 6)), at(3, 6, 9)).await.unwrap_err();
        assert!(matches!(e, StoreError::NotFound { entity: "invoice", id: 999_999 }), "{e:?}");
        assert_eq!(store.list_payments(&PaymentQuery { limit: 10, ..Default::default() }).await.unwrap().total, 4);
        let entries = store.invoice_timeline(a1).await.unwrap();
        assert_eq!(entries.iter().filter(|e| e.kind == EventKind::PaymentRecorded).count(), 2);

        // What is still owing, to the minor unit, is accepted.
        store.record_payment(a1, &eur(17_000, day(3, 6)), at(3, 6, 9)).await.unwrap();
        assert_eq!(store.invoice(a1).await.unwrap().paid_minor, 25_000);
        let e = store.record_payment(a1, &eur(1, day(3, 7)), at(3, 7, 9)).await.unwrap_err();
        assert!(matches!(e, StoreError::Overpayment), "{e:?}");
    })
    .await;
}

/// Two machines (two pools on one PostgreSQL database) recording 2 × 20
/// payments of 10.00 at once on an invoice of 250.00: exactly 25 are
/// recorded, the others are `Overpayment`; the invoice is paid exactly and
/// its timeline holds 25 payments.
#[tokio::test]
async fn two_machines_paying_one_invoice_at_once_never_over_pay() {
    let Some((first, second)) = two_machines().await else {
        return;
    };
    let anna = first.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
    let (id, _) = first.create_invoice(&invoice(anna, Currency::EUR, 25_000, true), at(2, 1, 9)).await.unwrap();
    const EACH: usize = 20;
    let machine = |store: Store| {
        tokio::spawn(async move {
            let mut got = Vec::new();
            for _ in 0..EACH {
                got.push(store.record_payment(id, &eur(1_000, day(3, 10)), at(3, 10, 9)).await.map_err(|e| e.code()));
            }
            got
        })
    };
    let (a, b) = tokio::join!(machine(first.clone()), machine(second.clone()));
    let all: Vec<_> = a.unwrap().into_iter().chain(b.unwrap()).collect();
    let recorded = all.iter().filter(|r| r.is_ok()).count();
    assert_eq!(recorded, 25, "{all:?}");
    assert!(all.iter().filter(|r| r.is_err()).all(|r| *r == Err(ErrorCode::Overpayment)), "{all:?}");
    assert_eq!(first.invoice(id).await.unwrap().paid_minor, 25_000);
    assert_eq!(second.payments(id).await.unwrap().iter().map(|p| p.amount.minor).sum::<i64>(), 25_000);
    let entries = second.invoice_timeline(id).await.unwrap();
    assert_eq!(entries.iter().filter(|e| e.kind == EventKind::PaymentRecorded).count(), 25);
}

/// The payments trigger of migrations-pg 0002 without its `FOR UPDATE`.
const CHECK_WITHOUT_LOCK: &str =
    "CREATE OR REPLACE FUNCTION kindly_payments_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    inv RECORD;
BEGIN
    SELECT status, currency, total_minor - paid_minor AS owing INTO inv
        FROM invoices WHERE id = NEW.invoice_id;
    IF inv.status <> 'issued' THEN
        RAISE EXCEPTION 'kindly: invoice not payable';
    END IF;
    IF inv.currency <> NEW.currency THEN
        RAISE EXCEPTION 'kindly: currency mismatch';
    END IF;
    IF NEW.amount_minor > inv.owing THEN
        RAISE EXCEPTION 'kindly: overpayment';
    END IF;
    RETURN NEW;
END
$$";

/// One payment of the whole 250.00 still uncommitted while a second one of
/// 10.00 arrives on another connection: what the second one gets, and the
/// sum of the invoice's payments after both.
async fn second_payment_while_first_uncommitted(url: &str, without_lock: bool) -> (Result<(), StoreError>, i64) {
    let store = Store::connect(url).await.unwrap();
    let anna = store.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
    let (id, _) = store.create_invoice(&invoice(anna, Currency::EUR, 25_000, true), at(2, 1, 9)).await.unwrap();
    let pool = PgPool::connect(url).await.unwrap();
    if without_lock {
        sqlx::query(CHECK_WITHOUT_LOCK).execute(&pool).await.unwrap();
    }
    let insert = |amount: i64| {
        sqlx::AssertSqlSafe(format!(
            "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
             VALUES ({id}, {amount}, 'EUR', '2026-03-10', 'bank_transfer', now())"
        ))
    };
    let mut first = pool.begin().await.unwrap();
    sqlx::query(insert(25_000)).execute(&mut *first).await.unwrap();
    let second = {
        let pool = pool.clone();
        let sql = insert(1_000);
        let shown = std::path::PathBuf::from(store.path());
        tokio::spawn(async move {
            let map = |e| StoreError::classify(e, &shown);
            let mut tx = pool.begin().await.map_err(map)?;
            sqlx::query(sql).execute(&mut *tx).await.map_err(map)?;
            tx.commit().await.map_err(map)
        })
    };
    // Wait until the second one waits on a lock the first one holds.
    let mut waited = 0;
    loop {
        let waiting: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        if waiting > 0 {
            break;
        }
        waited += 1;
        assert!(waited < 200, "the second payment never waited for the first");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    first.commit().await.unwrap();
    let got = second.await.unwrap();
    let sum: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT CAST(SUM(amount_minor) AS BIGINT) FROM payments WHERE invoice_id = {id}"
    )))
    .fetch_one(&pool)
    .await
    .unwrap();
    (got, sum)
}

/// The row lock in the trigger is what refuses the racing payment: with it,
/// a payment arriving while another one (of all that is owing) is not yet
/// committed waits, then is refused as an over-payment; with the trigger
/// recreated without `FOR UPDATE`, the same interleaving over-pays.
#[tokio::test]
async fn the_trigger_row_lock_is_what_refuses_a_racing_over_payment() {
    let Some(url) = fresh_pg_database().await else {
        eprintln!("PostgreSQL is not installed: skipped (KINDLY_REQUIRE_PG=1 makes this an error)");
        return;
    };
    let (got, sum) = second_payment_while_first_uncommitted(&url, false).await;
    assert!(matches!(got, Err(StoreError::Overpayment)), "{got:?}");
    assert_eq!(sum, 25_000);

    let url = fresh_pg_database().await.unwrap();
    let (got, sum) = second_payment_while_first_uncommitted(&url, true).await;
    assert!(got.is_ok(), "{got:?}");
    assert_eq!(sum, 26_000, "without the lock the invoice is over-paid");
}

//! Corrections (credit notes, payment reversals, refunds) and the CSV
//! import and exports (issue #19's corrections and imports port) behave the
//! same on both engines: each body runs on a SQLite temp file and on a
//! fresh PostgreSQL database with the same fixture, and asserts the same
//! results (numbers, amounts, lists, typed errors). Plus, on PostgreSQL
//! only, two "machines" (two pools) issuing credit notes at once never share
//! a number, and two reversing or refunding on one invoice at once never
//! both win.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed unwrap fails it

use chrono::NaiveDate;
use kindly_core::client::ClientDetails;
use kindly_core::invoice::{compute_totals, InvoiceStatus, LineItem};
use kindly_core::payment::{PaymentMethod, ValidPayment};
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, ErrorCode, Money};
use kindly_store::{
    BatchRef, ImportBatch, ImportClient, ImportCreditNote, ImportInvoice, ImportPayment, NewCreditNote, NewInvoice,
    Store, StoreError,
};
use std::collections::BTreeSet;

mod support;

use support::{at, both, client, day, one_line_invoice, two_machines};

/// An issued invoice of `amount` EUR (minor units, no tax), due at the end of March.
fn invoice(client_id: i64, amount: i64) -> NewInvoice {
    one_line_invoice(client_id, Currency::EUR, amount, day(2, 1), day(3, 31))
}

fn eur(minor: i64, on: NaiveDate) -> ValidPayment {
    ValidPayment {
        amount: Money::new(minor, Currency::EUR),
        date: on,
        method: PaymentMethod::BankTransfer,
        reference: None,
    }
}

fn credit(invoice_id: i64, amount_minor: Option<i64>, reason: &str) -> NewCreditNote<'_> {
    NewCreditNote { invoice_id, amount_minor, issue_date: day(3, 2), reason }
}

fn code<T: std::fmt::Debug>(r: Result<T, StoreError>) -> ErrorCode {
    r.unwrap_err().code()
}

/// Credit notes (partial, full, numbered from the sequence and a changed
/// pattern, split over VAT rates), reversals and refunds, their lists and
/// timeline entries, and every refusal as the same typed error.
#[tokio::test]
async fn credit_notes_reversals_and_refunds_on_both_engines() {
    both(|store, db| async move {
        let anna = store.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
        let (a, a_number) = store.create_invoice(&invoice(anna, 10_000), at(2, 1, 9)).await.unwrap();

        // Partial, then the rest: numbered in turn, the invoice settled.
        let first = store.issue_credit_note(&credit(a, Some(3_000), "Discount agreed"), at(3, 2, 9)).await.unwrap();
        let rest = store.issue_credit_note(&credit(a, None, "Cancelled order"), at(3, 2, 10)).await.unwrap();
        let notes = store.credit_notes(a).await.unwrap();
        assert_eq!(notes.iter().map(|n| n.id).collect::<Vec<_>>(), vec![first, rest]);
        assert_eq!(notes.iter().map(|n| n.number.as_str()).collect::<Vec<_>>(), vec!["CN-2026-0001", "CN-2026-0002"]);
        assert_eq!(notes.iter().map(|n| n.amount.minor).collect::<Vec<_>>(), vec![3_000, 7_000]);
        assert_eq!(notes.iter().map(|n| n.full).collect::<Vec<_>>(), vec![false, true]);
        assert_eq!(notes[0].invoice_number, a_number);
        assert_eq!(notes[0].invoice_issue_date, day(2, 1));
        assert_eq!(notes[0].issue_date, day(3, 2));
        assert_eq!(notes[0].created_at, at(3, 2, 9));
        assert_eq!(notes[0].client_id, anna);
        assert_eq!(notes[0].reason, "Discount agreed");
        assert_eq!(store.credit_note(first).await.unwrap(), notes[0]);
        assert_eq!(store.invoice(a).await.unwrap().paid_minor, 10_000);
        let entries = store.invoice_timeline(a).await.unwrap();
        assert_eq!(entries.iter().filter(|e| e.kind == EventKind::CreditNoteIssued).count(), 2);

        // Refusals, the same on both engines.
        assert_eq!(
            code(store.issue_credit_note(&credit(a, Some(1), "More"), at(3, 3, 9)).await),
            ErrorCode::CreditExceedsInvoice
        );
        let (b, _) = store.create_invoice(&invoice(anna, 5_000), at(2, 1, 9)).await.unwrap();
        assert_eq!(
            code(store.issue_credit_note(&credit(b, Some(5_001), "Too much"), at(3, 3, 9)).await),
            ErrorCode::CreditExceedsInvoice
        );
        let draft =
            store.create_invoice(&NewInvoice { issue: false, ..invoice(anna, 5_000) }, at(2, 1, 9)).await.unwrap().0;
        assert_eq!(
            code(store.issue_credit_note(&credit(draft, None, "Draft"), at(3, 3, 9)).await),
            ErrorCode::InvoiceNotCreditable
        );
        let e = store.issue_credit_note(&credit(999_999, None, "Nothing"), at(3, 3, 9)).await.unwrap_err();
        assert!(matches!(e, StoreError::NotFound { entity: "invoice", id: 999_999 }), "{e:?}");
        let e = store.credit_note(999_999).await.unwrap_err();
        assert!(matches!(e, StoreError::NotFound { entity: "credit note", id: 999_999 }), "{e:?}");

        // A changed pattern continues the sequence; a number taken is skipped.
        db.exec("INSERT INTO settings (key, value) VALUES ('credit_number_pattern', 'CR-{SEQ:2}')").await.unwrap();
        let c = store.issue_credit_note(&credit(b, Some(1_000), "Late delivery"), at(3, 4, 9)).await.unwrap();
        assert_eq!(store.credit_note(c).await.unwrap().number, "CR-03");
        db.exec("UPDATE settings SET value = '3' WHERE key = 'next_credit_sequence'").await.unwrap();
        let c = store.issue_credit_note(&credit(b, Some(1_000), "Late again"), at(3, 4, 10)).await.unwrap();
        assert_eq!(store.credit_note(c).await.unwrap().number, "CR-04");
        assert_eq!(db.int("SELECT CAST(value AS BIGINT) FROM settings WHERE key = 'next_credit_sequence'").await, 5);

        // Split over the invoice's VAT rates.
        let lines = vec![
            LineItem {
                description: "Design".into(),
                quantity_milli: 1000,
                unit_price_minor: 10_000,
                tax_rate_bp: 1900,
            },
            LineItem { description: "Print".into(), quantity_milli: 1000, unit_price_minor: 5_000, tax_rate_bp: 700 },
        ];
        let vat = NewInvoice { totals: compute_totals(&lines).unwrap(), lines, ..invoice(anna, 0) };
        let (v, _) = store.create_invoice(&vat, at(2, 1, 9)).await.unwrap();
        let n = store.issue_credit_note(&credit(v, Some(5_000), "Part"), at(3, 5, 9)).await.unwrap();
        let note = store.credit_note(n).await.unwrap();
        assert_eq!(note.parts.len(), 2, "{note:?}");
        assert_eq!(note.parts.iter().map(|p| p.net_minor + p.tax_minor).sum::<i64>(), 5_000);
        assert_eq!(note.net_minor + note.tax_minor, 5_000);
        let n = store.issue_credit_note(&credit(v, None, "The rest"), at(3, 5, 10)).await.unwrap();
        let note = store.credit_note(n).await.unwrap();
        assert_eq!(note.amount.minor, vat.totals.total_minor - 5_000);
        assert!(note.full);

        // Reversals.
        let (r, _) = store.create_invoice(&invoice(anna, 20_000), at(2, 1, 9)).await.unwrap();
        let paid = store.record_payment(r, &eur(15_000, day(3, 6)), at(3, 6, 9)).await.unwrap();
        let (rev, of) = store.reverse_payment(paid, day(3, 7), "Bounced", at(3, 7, 9)).await.unwrap();
        assert_eq!(of, r);
        let reversals = store.payment_reversals(r).await.unwrap();
        assert_eq!(reversals.len(), 1);
        assert_eq!(
            (reversals[0].id, reversals[0].payment_id, reversals[0].invoice_id, reversals[0].amount.minor),
            (rev, paid, r, 15_000)
        );
        assert_eq!((reversals[0].paid_on, reversals[0].reversed_on), (day(3, 6), day(3, 7)));
        assert_eq!(reversals[0].reason, "Bounced");
        assert_eq!(store.invoice(r).await.unwrap().paid_minor, 0);
        assert_eq!(
            code(store.reverse_payment(paid, day(3, 8), "Again", at(3, 8, 9)).await),
            ErrorCode::PaymentAlreadyReversed
        );
        let e = store.reverse_payment(999_999, day(3, 8), "None", at(3, 8, 9)).await.unwrap_err();
        assert!(matches!(e, StoreError::NotFound { entity: "payment", id: 999_999 }), "{e:?}");
        let entries = store.invoice_timeline(r).await.unwrap();
        assert_eq!(entries.iter().filter(|e| e.kind == EventKind::PaymentReversed).count(), 1);
        assert!(store
            .list_payments(&Default::default())
            .await
            .unwrap()
            .rows
            .iter()
            .any(|p| p.id == paid && p.reversed));

        // Refunds: never more than the client's credit.
        let (f, _) = store.create_invoice(&invoice(anna, 10_000), at(2, 1, 9)).await.unwrap();
        let paid_f = store.record_payment(f, &eur(10_000, day(3, 6)), at(3, 6, 9)).await.unwrap();
        store.issue_credit_note(&credit(f, Some(4_000), "Returned goods"), at(3, 6, 10)).await.unwrap();
        let refund = |minor: i64, currency: Currency| {
            let store = store.clone();
            async move {
                store
                    .record_refund(
                        f,
                        Money::new(minor, currency),
                        day(3, 9),
                        PaymentMethod::BankTransfer,
                        "Paid back",
                        at(3, 9, 9),
                    )
                    .await
            }
        };
        assert_eq!(code(refund(4_001, Currency::EUR).await), ErrorCode::RefundExceedsCredit);
        assert!(matches!(refund(1_000, Currency::USD).await, Err(StoreError::CurrencyMismatch)));
        let back = refund(4_000, Currency::EUR).await.unwrap();
        assert_eq!(code(refund(1, Currency::EUR).await), ErrorCode::RefundExceedsCredit);
        let refunds = store.refunds(f).await.unwrap();
        assert_eq!(refunds.len(), 1);
        assert_eq!((refunds[0].id, refunds[0].invoice_id, refunds[0].amount.minor), (back, f, 4_000));
        assert_eq!((refunds[0].refunded_on, refunds[0].method), (day(3, 9), PaymentMethod::BankTransfer));
        assert_eq!(refunds[0].reason, "Paid back");
        // Part of the payment went back as a refund: it cannot be reversed.
        assert_eq!(
            code(store.reverse_payment(paid_f, day(3, 10), "Mistake", at(3, 10, 9)).await),
            ErrorCode::ReversalAfterRefund
        );
        let entries = store.invoice_timeline(f).await.unwrap();
        assert_eq!(entries.iter().filter(|e| e.kind == EventKind::RefundMade).count(), 1);
        assert!(store.refunds(a).await.unwrap().is_empty());
        assert!(store.payment_reversals(a).await.unwrap().is_empty());
    })
    .await;
}

/// A file's clients, invoices (issued, draft, cancelled), credit note and
/// payments go in together with their keys, timeline entries and follow-ups;
/// the exports read them back; a file repeating a key is refused whole;
/// and what is created by hand afterwards takes new ids (on PostgreSQL the
/// identities were moved past the ids the import chose).
#[tokio::test]
async fn csv_import_and_exports_on_both_engines() {
    both(|store, db| async move {
        let anna = store.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
        let (first, first_number) = store.create_invoice(&invoice(anna, 1_000), at(1, 6, 9)).await.unwrap();
        store.record_payment(first, &eur(500, day(1, 7)), at(1, 7, 9)).await.unwrap();
        let item = |amount: i64| {
            vec![LineItem {
                description: "Work".into(),
                quantity_milli: 1000,
                unit_price_minor: amount,
                tax_rate_bp: 0,
            }]
        };
        let imported = |client: BatchRef, number: &str, amount: i64, status: InvoiceStatus| ImportInvoice {
            client,
            number: number.into(),
            issue_date: day(1, 10),
            due_date: day(2, 10),
            currency: Currency::EUR,
            status,
            totals: compute_totals(&item(amount)).unwrap(),
            lines: item(amount),
            notes: "From the old tool".into(),
        };
        let batch = ImportBatch {
            clients: vec![
                ImportClient {
                    details: client("Bert Braun", "bert@example.com"),
                    keys: vec!["bert@example.com".into()],
                },
                ImportClient {
                    details: ClientDetails {
                        company: Some("Cara GmbH".into()),
                        phone: None,
                        ..client("Cara Chen", "cara@example.com")
                    },
                    keys: vec!["cara@example.com".into(), "Cara GmbH".into()],
                },
            ],
            invoices: vec![
                imported(BatchRef::New(0), "OLD-1", 10_000, InvoiceStatus::Issued),
                imported(BatchRef::New(1), "OLD-2", 20_000, InvoiceStatus::Draft),
                imported(BatchRef::Existing(anna), "OLD-3", 30_000, InvoiceStatus::Issued),
                imported(BatchRef::New(0), "OLD-4", 40_000, InvoiceStatus::Cancelled),
            ],
            credit_notes: vec![ImportCreditNote {
                invoice: BatchRef::New(0),
                amount_minor: 2_000,
                issue_date: day(1, 20),
                reason: "Credited in the old tool".into(),
            }],
            payments: vec![
                ImportPayment {
                    invoice: BatchRef::New(0),
                    amount: Money::new(3_000, Currency::EUR),
                    paid_on: day(1, 25),
                    method: PaymentMethod::BankTransfer,
                    reference: Some("TX-1".into()),
                    key: Some("pay-1".into()),
                },
                ImportPayment {
                    invoice: BatchRef::New(2),
                    amount: Money::new(30_000, Currency::EUR),
                    paid_on: day(1, 26),
                    method: PaymentMethod::Cash,
                    reference: None,
                    key: None,
                },
            ],
        };
        // Who imported it: every payment and timeline entry the file brings
        // is stamped, as one typed by hand (they were NULL).
        let unstamped = "SELECT COUNT(*) FROM timeline WHERE made_by IS NULL";
        let before = db.int(unstamped).await;
        store.set_member(Some("Dora".into()));
        let counts = store.import_batch(&batch, at(3, 1, 9)).await.unwrap();
        store.set_member(None);
        assert_eq!((counts.clients, counts.invoices, counts.payments), (2, 4, 2));
        assert_eq!(db.int(unstamped).await, before, "an imported timeline entry has no member");
        assert!(db.int("SELECT COUNT(*) FROM timeline WHERE made_by = 'Dora'").await >= 6);
        assert_eq!(db.int("SELECT COUNT(*) FROM payments WHERE made_by = 'Dora'").await, 2);

        let clients = store.client_ids().await.unwrap();
        assert_eq!(clients.len(), 3);
        let (bert, cara) = (clients[1], clients[2]);
        assert!(bert > anna && cara == bert + 1);
        let index = store.import_client_index().await.unwrap();
        assert_eq!(
            index.iter().map(|c| c.display_name.as_str()).collect::<Vec<_>>(),
            ["Anna Müller", "Bert Braun", "Cara Chen"]
        );
        assert_eq!(index[2].emails, r#"["cara@example.com"]"#);
        assert_eq!(store.client(cara).await.unwrap().details.company.as_deref(), Some("Cara GmbH"));
        let keys = store.import_keys("client").await.unwrap();
        assert_eq!(keys.len(), 3);
        assert_eq!((keys["bert@example.com"], keys["cara@example.com"], keys["Cara GmbH"]), (bert, cara, cara));

        let numbers = ["OLD-1", "OLD-2", "OLD-3", "OLD-4", "NOT-THERE"].map(String::from);
        let mut found = store.invoices_by_number(&numbers).await.unwrap();
        found.sort_by(|a, b| a.number.cmp(&b.number));
        assert_eq!(found.iter().map(|i| i.number.as_str()).collect::<Vec<_>>(), ["OLD-1", "OLD-2", "OLD-3", "OLD-4"]);
        assert_eq!(
            found.iter().map(|i| (i.status, i.client_id, i.total_minor, i.paid_minor)).collect::<Vec<_>>(),
            vec![
                (InvoiceStatus::Issued, bert, 10_000, 5_000),
                (InvoiceStatus::Draft, cara, 20_000, 0),
                (InvoiceStatus::Issued, anna, 30_000, 30_000),
                (InvoiceStatus::Cancelled, bert, 40_000, 0),
            ]
        );
        assert_eq!(found[0].client_name, "Bert Braun");
        let old1 = found[0].id;
        let ids = store.invoice_ids().await.unwrap();
        assert_eq!(ids.len(), 5);
        assert_eq!(ids[1..], found.iter().map(|i| i.id).collect::<Vec<_>>()[..]);

        // The payment's key names the payment recorded.
        let pays = store.payments(old1).await.unwrap();
        assert_eq!(pays.len(), 1);
        let pkeys = store.import_keys("payment").await.unwrap();
        assert_eq!(pkeys.len(), 1);
        assert_eq!(pkeys["pay-1"], pays[0].id);
        assert_eq!(
            (pays[0].amount.minor, pays[0].paid_on, pays[0].reference.as_deref()),
            (3_000, day(1, 25), Some("TX-1"))
        );
        let notes = store.credit_notes(old1).await.unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!((notes[0].number.as_str(), notes[0].amount.minor), ("CN-2026-0001", 2_000));

        // Issued invoices are on the ladder (the paid one stops there).
        assert_eq!(db.int("SELECT COUNT(*) FROM followups").await, 3);

        // The exports.
        let exported = store.export_payments().await.unwrap();
        assert_eq!(
            exported.iter().map(|p| (p.invoice_number.as_str(), p.amount.minor, p.paid_on)).collect::<Vec<_>>(),
            vec![(first_number.as_str(), 500, day(1, 7)), ("OLD-1", 3_000, day(1, 25)), ("OLD-3", 30_000, day(1, 26))]
        );
        let timeline = store.export_timeline().await.unwrap();
        assert!(timeline.iter().any(|e| e.summary == "Client Bert Braun added (imported)" && e.at == at(3, 1, 9)));
        assert!(timeline.iter().any(|e| e.kind == "invoice_cancelled" && e.invoice_number.as_deref() == Some("OLD-4")));
        assert!(timeline.iter().any(|e| e.kind == "credit_note_issued" && e.client_name == "Bert Braun"));
        assert_eq!(timeline.first().map(|e| e.at), Some(at(1, 5, 9)));

        // A file repeating a key already imported is refused whole.
        let again = ImportBatch {
            clients: vec![ImportClient {
                details: client("Bert Again", "bert@example.com"),
                keys: vec!["bert@example.com".into()],
            }],
            invoices: vec![imported(BatchRef::New(0), "OLD-5", 1_000, InvoiceStatus::Issued)],
            ..Default::default()
        };
        assert!(store.import_batch(&again, at(3, 2, 9)).await.is_err());
        assert_eq!(store.client_ids().await.unwrap().len(), 3);
        assert_eq!(store.invoice_ids().await.unwrap().len(), 5);
        // A number taken is `DuplicateNumber`, and nothing is written either.
        let taken = ImportBatch {
            invoices: vec![imported(BatchRef::Existing(anna), "OLD-1", 1_000, InvoiceStatus::Issued)],
            ..Default::default()
        };
        assert!(matches!(store.import_batch(&taken, at(3, 2, 9)).await, Err(StoreError::DuplicateNumber(_))));
        assert_eq!(store.invoice_ids().await.unwrap().len(), 5);

        // By hand after the import: new ids, no clash.
        let dora = store.create_client(&client("Dora Diaz", "dora@example.com"), at(3, 3, 9)).await.unwrap();
        assert_eq!(dora, cara + 1);
        let (inv, _) = store.create_invoice(&invoice(dora, 5_000), at(3, 3, 9)).await.unwrap();
        assert_eq!(inv, ids[4] + 1);
        let pay = store.record_payment(inv, &eur(1_000, day(3, 4)), at(3, 4, 9)).await.unwrap();
        assert_eq!(pay, pays[0].id + 2);
        // And a second import continues after them.
        let more = ImportBatch {
            clients: vec![ImportClient {
                details: client("Emil Ek", "emil@example.com"),
                keys: vec!["emil@example.com".into()],
            }],
            invoices: vec![imported(BatchRef::New(0), "OLD-6", 1_000, InvoiceStatus::Issued)],
            ..Default::default()
        };
        store.import_batch(&more, at(3, 5, 9)).await.unwrap();
        assert_eq!(store.import_keys("client").await.unwrap()["emil@example.com"], dora + 1);
        assert_eq!(store.client_ids().await.unwrap().len(), 5);
        assert_eq!(store.invoice_ids().await.unwrap().last().copied(), Some(inv + 1));
    })
    .await;
}

/// Two machines (two pools on one PostgreSQL database) each issuing 15
/// credit notes at once, on invoices of their own: all 30 are issued, with
/// 30 distinct numbers, and the sequence ends after the last. Without the
/// `FOR UPDATE` on `next_credit_sequence` both read the same sequence and
/// the second of a pair clashes on the UNIQUE number (the test fails).
#[tokio::test]
async fn two_machines_issuing_credit_notes_at_once_never_share_a_number() {
    let Some((first, second)) = two_machines().await else {
        return;
    };
    let anna = first.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
    const EACH: usize = 15;
    let mut invoices = Vec::new();
    for _ in 0..2 * EACH {
        invoices.push(first.create_invoice(&invoice(anna, 10_000), at(2, 1, 9)).await.unwrap().0);
    }
    let machine = |store: Store, mine: Vec<i64>| {
        tokio::spawn(async move {
            let mut got = Vec::new();
            for id in mine {
                got.push(
                    store
                        .issue_credit_note(&credit(id, Some(1_000), "Discount"), at(3, 2, 9))
                        .await
                        .map_err(|e| e.code()),
                );
            }
            got
        })
    };
    let (a, b) = tokio::join!(
        machine(first.clone(), invoices[..EACH].to_vec()),
        machine(second.clone(), invoices[EACH..].to_vec())
    );
    let all: Vec<_> = a.unwrap().into_iter().chain(b.unwrap()).collect();
    assert!(all.iter().all(|r| r.is_ok()), "{all:?}");
    let mut numbers = BTreeSet::new();
    for id in &invoices {
        for n in first.credit_notes(*id).await.unwrap() {
            numbers.insert(n.number);
        }
    }
    assert_eq!(numbers.len(), 2 * EACH, "{numbers:?}");
    assert_eq!(numbers.last().map(String::as_str), Some("CN-2026-0030"));
}

/// Two machines reversing the same payment at once, ten times over: each
/// time exactly one reversal is recorded and the other is
/// `PaymentAlreadyReversed`; and two refunding the same client credit at
/// once: one refund, the other `RefundExceedsCredit`. (The invoice's row
/// is locked before the check; the triggers of migrations-pg 0002 lock it
/// too and would refuse the second writer even without the store's lock.)
#[tokio::test]
async fn two_machines_reversing_or_refunding_at_once_never_both_win() {
    let Some((first, second)) = two_machines().await else {
        return;
    };
    let anna = first.create_client(&client("Anna Müller", "anna@example.com"), at(1, 5, 9)).await.unwrap();
    for round in 0..10 {
        let (id, _) = first.create_invoice(&invoice(anna, 10_000), at(2, 1, 9)).await.unwrap();
        let paid = first.record_payment(id, &eur(10_000, day(3, 6)), at(3, 6, 9)).await.unwrap();
        let reverse = |store: Store| {
            tokio::spawn(async move {
                store.reverse_payment(paid, day(3, 7), "Bounced", at(3, 7, 9)).await.map(|_| ()).map_err(|e| e.code())
            })
        };
        let (a, b) = tokio::join!(reverse(first.clone()), reverse(second.clone()));
        let got = [a.unwrap(), b.unwrap()];
        assert_eq!(got.iter().filter(|r| r.is_ok()).count(), 1, "round {round}: {got:?}");
        assert!(got.contains(&Err(ErrorCode::PaymentAlreadyReversed)), "round {round}: {got:?}");
        assert_eq!(first.payment_reversals(id).await.unwrap().len(), 1);

        // The client is in credit by 40.00; two refunds of 30.00 at once.
        let (f, _) = first.create_invoice(&invoice(anna, 10_000), at(2, 1, 9)).await.unwrap();
        first.record_payment(f, &eur(10_000, day(3, 6)), at(3, 6, 9)).await.unwrap();
        first.issue_credit_note(&credit(f, Some(4_000), "Returned"), at(3, 6, 10)).await.unwrap();
        let refund = |store: Store| {
            tokio::spawn(async move {
                store
                    .record_refund(
                        f,
                        Money::new(3_000, Currency::EUR),
                        day(3, 9),
                        PaymentMethod::BankTransfer,
                        "Back",
                        at(3, 9, 9),
                    )
                    .await
                    .map(|_| ())
                    .map_err(|e| e.code())
            })
        };
        let (a, b) = tokio::join!(refund(first.clone()), refund(second.clone()));
        let got = [a.unwrap(), b.unwrap()];
        assert_eq!(got.iter().filter(|r| r.is_ok()).count(), 1, "round {round}: {got:?}");
        assert!(got.contains(&Err(ErrorCode::RefundExceedsCredit)), "round {round}: {got:?}");
        assert_eq!(first.refunds(f).await.unwrap().len(), 1);
    }
}

//! Corrections (issue #16) on real SQLite files: credit notes (full and
//! partial, split over several VAT rates to the cent), payment reversals
//! (re-opening the invoice and its ladder), refunds of the client's credit;
//! the balances, states, Today, the overview's summaries and the client
//! balances that follow; the limits, each with its error and nothing
//! written; racing writers; the CLI.

use kindly_api::corrections::{self, CreditNoteInput, RefundInput, ReversalInput};
use kindly_api::followups::{self, QueueRequest};
use kindly_api::{ApiError, Ctx};
use kindly_core::payment::PaymentMethod;
use kindly_store::Store;
use kindly_tests::{
    client_input, create_client, create_invoice, issued_invoice, kindly_json, line, on, open_db, pay, raw_count,
    run_kindly,
};
use std::path::Path;

async fn queued(ctx: Ctx<'_>) -> Vec<i64> {
    let page = followups::queue(ctx, &QueueRequest { limit: 100, ..Default::default() }).await.expect("queue");
    page.items.iter().map(|i| i.invoice_id).collect()
}

async fn credit(
    ctx: Ctx<'_>,
    invoice_id: i64,
    amount: &str,
) -> Result<kindly_api::corrections::CorrectionOutcome, ApiError> {
    corrections::credit(
        ctx,
        &CreditNoteInput { invoice_id, amount: amount.into(), reason: "Agreed discount".into(), date: String::new() },
    )
    .await
}

async fn payment_ids(store: &Store, invoice_id: i64) -> Vec<i64> {
    store.payments(invoice_id).await.expect("payments").iter().map(|p| p.id).collect()
}

/// Rows in every table a correction writes.
async fn rows(path: &Path) -> [i64; 6] {
    [
        raw_count(path, "SELECT COUNT(*) FROM credit_notes").await,
        raw_count(path, "SELECT COUNT(*) FROM credit_note_taxes").await,
        raw_count(path, "SELECT COUNT(*) FROM payment_reversals").await,
        raw_count(path, "SELECT COUNT(*) FROM refunds").await,
        raw_count(path, "SELECT COUNT(*) FROM timeline").await,
        raw_count(path, "SELECT COUNT(*) FROM settings WHERE key = 'next_credit_sequence'").await,
    ]
}

async fn self_check(store: &Store) {
    for (what, summary, raw) in store.overview_self_check().await.expect("self check") {
        assert_eq!(summary, raw, "{what}");
    }
}

#[tokio::test]
async fn a_full_credit_note_settles_the_invoice_and_leaves_today() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let cid = create_client(ctx, &client_input("Ada Lovelace", vec!["ada@example.com".into()])).await;
    let id = create_invoice(
        ctx,
        &issued_invoice(cid, "2026-10-01", "2026-10-15", "EUR", vec![line("Design", "1", "100", "19")]),
    )
    .await;
    assert_eq!(queued(ctx).await, vec![id], "overdue: on Today's queue");
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM client_balances").await, 1);

    let r = credit(ctx, id, "").await.expect("credit");
    assert_eq!(r.number.as_deref(), Some("CN-2026-0001"));
    assert_eq!(r.outstanding.amount, "0.00");
    assert_eq!(r.credited.amount, "119.00");
    let inv = kindly_api::invoices::get(ctx, id).await.expect("invoice");
    assert!(inv.fully_credited);
    assert_eq!(inv.state, kindly_core::invoice::InvoiceState::Paid, "settled: nothing to chase");
    assert_eq!(inv.paid.amount, "0.00", "nothing was paid");
    assert_eq!(inv.credit_notes.len(), 1);
    assert_eq!(inv.credit_notes[0].parts[0].net.amount, "100.00");
    assert_eq!(inv.credit_notes[0].parts[0].tax.amount, "19.00");
    assert!(!inv.can_credit && !inv.can_pay);
    let entry = inv.timeline.iter().find(|t| t.kind == kindly_core::timeline::EventKind::CreditNoteIssued);
    let summary = &entry.expect("timeline entry").summary;
    assert!(summary.contains("Credit note CN-2026-0001 of €119.00") && summary.contains("nothing owing"), "{summary}");

    assert!(queued(ctx).await.is_empty(), "Today no longer proposes it");
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM client_balances").await, 0);
    assert_eq!(raw_count(&d.path, "SELECT COALESCE(SUM(owing_minor), 0) FROM overview_open").await, 0);
    assert_eq!(raw_count(&d.path, "SELECT credited_minor FROM overview_days WHERE day = '2026-11-23'").await, 11_900);
    assert_eq!(
        raw_count(&d.path, "SELECT COUNT(*) FROM invoices WHERE paid_in_full_on IS NOT NULL").await,
        0,
        "credited, not paid in full"
    );
    self_check(&d.store).await;

    // Nothing is left to credit; a payment is refused too.
    let before = rows(&d.path).await;
    let e = credit(ctx, id, "1").await.unwrap_err();
    assert_eq!(e.code.as_str(), "credit_exceeds_invoice", "{e:?}");
    assert_eq!(rows(&d.path).await, before, "nothing written");
    let p = kindly_api::payments::PaymentInput {
        invoice_id: id,
        amount: "1".into(),
        method: PaymentMethod::Cash,
        ..Default::default()
    };
    assert!(kindly_api::payments::record(ctx, &p).await.is_err());
}

#[tokio::test]
async fn partial_credit_notes_split_over_the_rates_and_never_exceed_the_invoice() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let cid = create_client(ctx, &client_input("Brook Taylor", vec![])).await;
    let lines =
        vec![line("Books", "3", "12.99", "7"), line("Design", "1", "500", "19"), line("Export", "1", "80", "0")];
    let id = create_invoice(ctx, &issued_invoice(cid, "2026-11-01", "2026-12-01", "EUR", lines)).await;
    let total = kindly_api::invoices::get(ctx, id).await.expect("invoice").totals.total.amount;
    // 38.97 + 2.73 + 500 + 95 + 80 = 716.70
    assert_eq!(total, "716.70");
    pay(ctx, id, "100").await;

    let r = credit(ctx, id, "200.01").await.expect("partial");
    assert_eq!(r.number.as_deref(), Some("CN-2026-0001"));
    assert_eq!(r.outstanding.amount, "416.69");
    let note = &kindly_api::invoices::get(ctx, id).await.expect("invoice").credit_notes[0];
    assert!(!note.full);
    let cents = |s: &str| -> i64 { s.replace('.', "").parse().expect("cents") };
    let sum: i64 = note.parts.iter().map(|p| cents(&p.net.amount) + cents(&p.tax.amount)).sum();
    assert_eq!(sum, 20_001, "net + tax is exactly the amount: {:?}", note.parts);
    assert_eq!(cents(&note.net.amount) + cents(&note.tax.amount), 20_001);
    assert_eq!(note.parts.len(), 3);

    // A second one beyond the rest (716.70 − 200.01 = 516.69) is refused, naming the figures.
    let before = rows(&d.path).await;
    let e = credit(ctx, id, "516.70").await.unwrap_err();
    assert_eq!(e.code.as_str(), "credit_exceeds_invoice");
    assert!(
        e.message.contains("€516.70") && e.message.contains("€516.69") && e.message.contains("INV-2026-0001"),
        "{}",
        e.message
    );
    assert_eq!(rows(&d.path).await, before, "nothing written");

    // The rest: the invoice is settled and the client is in credit by what they paid beyond it.
    let r = credit(ctx, id, "516.69").await.expect("rest");
    assert_eq!(r.number.as_deref(), Some("CN-2026-0002"));
    assert_eq!(r.outstanding.amount, "0.00");
    assert_eq!(r.client_credit.amount, "100.00");
    let notes = kindly_api::invoices::get(ctx, id).await.expect("invoice").credit_notes;
    for rate in ["7", "19", "0"] {
        let (n, t): (i64, i64) = notes
            .iter()
            .flat_map(|c| c.parts.iter())
            .filter(|p| p.rate == rate)
            .fold((0, 0), |(n, t), p| (n + cents(&p.net.amount), t + cents(&p.tax.amount)));
        let want = match rate {
            "7" => (3897, 273),
            "19" => (50_000, 9500),
            _ => (8000, 0),
        };
        assert_eq!((n, t), want, "rate {rate}: the notes add up to the invoice's own figures");
    }
    self_check(&d.store).await;
}

#[tokio::test]
async fn a_reversal_reopens_the_invoice_and_its_ladder_resumes() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let cid = create_client(ctx, &client_input("Cy Young", vec!["cy@example.com".into()])).await;
    let id = create_invoice(
        ctx,
        &issued_invoice(cid, "2026-10-01", "2026-10-15", "EUR", vec![line("Audit", "1", "250.50", "0")]),
    )
    .await;
    pay(ctx, id, "250.50").await;
    assert!(queued(ctx).await.is_empty(), "paid: nothing to chase");
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM invoices WHERE paid_in_full_on IS NOT NULL").await, 1);
    let pid = payment_ids(&d.store, id).await[0];

    let r =
        corrections::reverse(ctx, &ReversalInput { payment_id: pid, reason: "Bounced".into(), date: String::new() })
            .await
            .expect("reverse");
    assert_eq!(r.outstanding.amount, "250.50");
    let inv = kindly_api::invoices::get(ctx, id).await.expect("invoice");
    assert_eq!(inv.state, kindly_core::invoice::InvoiceState::Overdue, "re-opened");
    assert_eq!(inv.paid.amount, "0.00");
    assert_eq!(inv.payments[0].reversed_on.as_deref(), Some("2026-11-23"), "the payment stays, marked");
    assert_eq!(queued(ctx).await, vec![id], "the ladder resumes");
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM invoices WHERE paid_in_full_on IS NOT NULL").await, 0);
    assert_eq!(raw_count(&d.path, "SELECT collected_minor FROM overview_days WHERE day = '2026-11-23'").await, 0);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM client_balances").await, 1);
    let listed = kindly_api::payments::list(ctx, &Default::default()).await.expect("list");
    assert!(listed.rows[0].reversed);
    self_check(&d.store).await;

    // Twice: refused, nothing written.
    let before = rows(&d.path).await;
    let e = corrections::reverse(ctx, &ReversalInput { payment_id: pid, reason: "Again".into(), date: String::new() })
        .await
        .unwrap_err();
    assert_eq!(e.code.as_str(), "payment_already_reversed");
    assert_eq!(rows(&d.path).await, before);
    // The schema refuses it too, for any writer.
    let mut conn = d.raw().await;
    let err = conn
        .exec(
            "INSERT INTO payment_reversals (payment_id, reversed_on, reason, created_at)
             VALUES ($1, '2026-11-23', 'x', '2026-11-23T10:00:00.000Z')",
            &[pid],
        )
        .await
        .unwrap_err();
    assert_eq!(kindly_store::StoreError::classify(err, &d.path).code().as_str(), "payment_already_reversed");
    for sql in ["DELETE FROM payment_reversals", "UPDATE payment_reversals SET reason = 'y'"] {
        let err = conn.exec(sql, &[]).await.unwrap_err();
        assert!(err.to_string().contains("permanent record"), "{sql}: {err}");
    }
    // Paid again: settled again.
    pay(ctx, id, "250.50").await;
    assert!(queued(ctx).await.is_empty());
}

#[tokio::test]
async fn a_refund_pays_back_the_clients_credit_and_no_more() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let cid = create_client(ctx, &client_input("Dee Diaz", vec![])).await;
    let id = create_invoice(
        ctx,
        &issued_invoice(cid, "2026-11-01", "2026-11-30", "EUR", vec![line("Work", "1", "100", "0")]),
    )
    .await;
    pay(ctx, id, "100").await;
    let refund = |amount: &str| RefundInput {
        invoice_id: id,
        amount: amount.into(),
        method: PaymentMethod::BankTransfer,
        reason: "Credit paid back".into(),
        date: String::new(),
    };
    // Nothing to refund yet.
    let e = corrections::refund(ctx, &refund("1")).await.unwrap_err();
    assert_eq!(e.code.as_str(), "refund_exceeds_credit");

    let r = credit(ctx, id, "30").await.expect("credit");
    assert_eq!(r.client_credit.amount, "30.00");
    assert!(kindly_api::invoices::get(ctx, id).await.expect("invoice").can_refund);

    let before = rows(&d.path).await;
    let e = corrections::refund(ctx, &refund("30.01")).await.unwrap_err();
    assert_eq!(e.code.as_str(), "refund_exceeds_credit");
    assert!(e.message.contains("€30.01") && e.message.contains("€30.00"), "{}", e.message);
    assert_eq!(rows(&d.path).await, before);

    let r = corrections::refund(ctx, &refund("30")).await.expect("refund");
    assert_eq!((r.client_credit.amount.as_str(), r.outstanding.amount.as_str()), ("0.00", "0.00"));
    let inv = kindly_api::invoices::get(ctx, id).await.expect("invoice");
    assert_eq!(inv.paid.amount, "70.00", "100 received, 30 paid back");
    assert_eq!(inv.refunds.len(), 1);
    assert_eq!(raw_count(&d.path, "SELECT collected_minor FROM overview_days WHERE day = '2026-11-23'").await, 7000);
    // The payment cannot be reversed now: 30 of it went back as a refund.
    let pid = payment_ids(&d.store, id).await[0];
    let e = corrections::reverse(ctx, &ReversalInput { payment_id: pid, reason: "x".into(), date: String::new() })
        .await
        .unwrap_err();
    assert_eq!(e.code.as_str(), "reversal_after_refund");
    self_check(&d.store).await;
}

#[tokio::test]
async fn racing_writers_cannot_over_credit() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let cid = create_client(ctx, &client_input("Fay Ray", vec![])).await;
    let id = create_invoice(
        ctx,
        &issued_invoice(cid, "2026-11-01", "2026-11-30", "EUR", vec![line("Work", "1", "250.50", "0")]),
    )
    .await;
    // Two stores on the same file (two windows), each crediting 200 of 250.50.
    let other = d.reopen().await;
    let (a, b) = tokio::join!(credit(ctx, id, "200"), credit(on(&other, "2026-11-23"), id, "200"));
    assert!(a.is_ok() != b.is_ok(), "exactly one succeeds: {a:?} {b:?}");
    assert_eq!(raw_count(&d.path, "SELECT credited_minor FROM invoices").await, 20_000);
    // And the schema refuses a raw over-credit.
    let err = d
        .raw()
        .await
        .exec(
            "INSERT INTO credit_notes (number, invoice_id, issue_date, currency, net_minor, tax_minor, amount_minor, kind, reason, created_at)
             VALUES ('X-1', $1, '2026-11-23', 'EUR', 5051, 0, 5051, 'partial', 'x', '2026-11-23T10:00:00.000Z')",
            &[id],
        )
        .await
        .unwrap_err();
    assert_eq!(kindly_store::StoreError::classify(err, &d.path).code().as_str(), "credit_exceeds_invoice");
}

#[test]
fn corrections_through_the_cli() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    let today = Some("2026-11-23");
    let cid = kindly_json(p, today, &["clients", "add", "--name", "Gil Ho"])["id"].as_i64().expect("id").to_string();
    let inv = kindly_json(
        p,
        today,
        &[
            "invoices",
            "add",
            "--client",
            &cid,
            "--currency",
            "EUR",
            "--issue-date",
            "2026-11-01",
            "--terms",
            "30",
            "--line",
            "Work;1;400;0",
        ],
    );
    let inv_id = inv["id"].as_i64().expect("id").to_string();
    kindly_json(p, today, &["payments", "add", "--invoice", &inv_id, "--amount", "400"]);

    let v = kindly_json(p, today, &["invoices", "credit", &inv_id, "--amount", "80", "--reason", "Late delivery"]);
    assert_eq!(v["number"], "CN-2026-0001");
    assert_eq!(v["client_credit"]["amount"], "80.00");
    let (code, out, _) =
        run_kindly(p, today, &["invoices", "credit", &inv_id, "--amount", "500", "--reason", "Too much"]);
    assert_eq!(code, 2);
    let _ = out;
    let (code, out, _) =
        run_kindly(p, today, &["--json", "invoices", "credit", &inv_id, "--amount", "500", "--reason", "Too much"]);
    assert_eq!(code, 2);
    let e: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(e["error"]["code"], "credit_exceeds_invoice");
    assert_eq!(
        e["error"]["message"],
        "Credit note of €500.00 is more than the €320.00 still creditable on INV-2026-0001"
    );

    let (code, out, _) = run_kindly(
        p,
        today,
        &[
            "payments",
            "refund",
            "--invoice",
            &inv_id,
            "--amount",
            "80",
            "--method",
            "bank_transfer",
            "--reason",
            "Paid back",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("INV-2026-0001: €0.00 still owing"), "{out}");

    let payments = kindly_json(p, today, &["payments", "list"]);
    let pid = payments["rows"][0]["id"].as_i64().expect("id").to_string();
    let (code, out, err) = run_kindly(p, today, &["payments", "reverse", &pid, "--reason", "Wrong invoice"]);
    assert_eq!(code, 2, "a refunded payment cannot be reversed: {out}{err}");
    assert!(err.contains("reversal_after_refund"), "{err}");

    let (code, out, _) = run_kindly(p, today, &["invoices", "show", &inv_id]);
    assert_eq!(code, 0);
    assert!(out.contains("credit note CN-2026-0001 2026-11-23 €80.00: Late delivery"), "{out}");
    assert!(out.contains("refund 2026-11-23 €80.00 (Bank transfer): Paid back"), "{out}");
    let shown = kindly_json(p, today, &["invoices", "show", &inv_id]);
    assert_eq!(shown["credit_notes"][0]["number"], "CN-2026-0001");
}

#[tokio::test]
async fn a_reversed_installment_payment_puts_the_plan_behind() {
    use kindly_api::plans::{self, AcceptInput, PlanInput};
    use kindly_core::vocab::PlanStanding;
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-14");
    let cid = create_client(ctx, &client_input("Hal Ito", vec!["hal@example.com".into()])).await;
    let id = create_invoice(
        ctx,
        &issued_invoice(cid, "2026-10-01", "2026-10-31", "EUR", vec![line("Design", "1", "100", "")]),
    )
    .await;
    let input = PlanInput {
        invoice_ids: vec![id],
        count: "3".into(),
        frequency: kindly_followup::plan::schedule::Frequency::Monthly,
        first_date: "2026-12-01".into(),
        ..Default::default()
    };
    let plan = plans::propose(ctx, &input).await.expect("propose");
    let how = kindly_core::vocab::AgreedHow::parse("call").expect("how");
    plans::accept(ctx, &AcceptInput { plan_id: plan.id, agreed_on: String::new(), how, note: String::new() })
        .await
        .expect("accept");
    let dec1 = on(&d.store, "2026-12-01");
    pay(dec1, id, "33.34").await;
    let p = plans::get(dec1, plan.id).await.expect("plan");
    assert_eq!((p.paid.amount.as_str(), p.standing), ("33.34", PlanStanding::OnTrack));

    let dec4 = on(&d.store, "2026-12-04");
    let pid = payment_ids(&d.store, id).await[0];
    corrections::reverse(dec4, &ReversalInput { payment_id: pid, reason: "Bounced".into(), date: String::new() })
        .await
        .expect("reverse");
    let p = plans::get(dec4, plan.id).await.expect("plan");
    assert_eq!(p.paid.amount, "0.00", "the reversed installment no longer counts");
    assert_eq!(p.standing, PlanStanding::Late, "installment 1 is unpaid again: {}", p.standing_text);
}

/// Regression: a credit note counted as installments paid on a plan (the
/// plan's paid figure is the invoices' `paid_minor`, which holds credits).
/// Now paid counts payments only, and a credit note issued since the plan
/// reduces what it covers from the last installment backwards: the next
/// installment stays due as agreed.
#[tokio::test]
async fn a_credit_note_during_a_plan_is_not_a_payment_and_shortens_the_plan_from_the_end() {
    use kindly_api::plans::{self, AcceptInput, PlanInput};
    use kindly_core::vocab::PlanStanding;
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-14");
    let cid = create_client(ctx, &client_input("Hal Ito", vec!["hal@example.com".into()])).await;
    let id = create_invoice(
        ctx,
        &issued_invoice(cid, "2026-10-01", "2026-10-31", "EUR", vec![line("Design", "1", "120", "")]),
    )
    .await;
    // Credited before the plan: not part of it (the plan covers the 100 left).
    credit(ctx, id, "20").await.expect("credit before");
    let input = PlanInput {
        invoice_ids: vec![id],
        count: "3".into(),
        frequency: kindly_followup::plan::schedule::Frequency::Monthly,
        first_date: "2026-12-01".into(),
        ..Default::default()
    };
    let plan = plans::propose(ctx, &input).await.expect("propose");
    let how = kindly_core::vocab::AgreedHow::parse("call").expect("how");
    plans::accept(ctx, &AcceptInput { plan_id: plan.id, agreed_on: String::new(), how, note: String::new() })
        .await
        .expect("accept");
    let dec1 = on(&d.store, "2026-12-01");
    pay(dec1, id, "33.34").await;
    let dec4 = on(&d.store, "2026-12-04");
    credit(dec4, id, "40").await.expect("credit during");
    let p = plans::get(dec4, plan.id).await.expect("plan");
    assert_eq!(p.total.amount, "100.00");
    assert_eq!(p.paid.amount, "33.34", "a credit note is not a payment");
    assert_eq!(p.credited.amount, "40.00");
    assert_eq!(p.remaining.amount, "26.66");
    assert_eq!(p.standing, PlanStanding::OnTrack, "{}", p.standing_text);
    // 40 off the end: the third installment (33.33) goes, the second keeps 26.66 and stays due on 1 January.
    let amounts: Vec<(&str, &str)> =
        p.installments.iter().map(|i| (i.amount.amount.as_str(), i.remaining.amount.as_str())).collect();
    assert_eq!(amounts, [("33.34", "0.00"), ("26.66", "26.66"), ("0.00", "0.00")]);
    assert_eq!(p.installments[1].due_on, "2027-01-01");

    // The second installment unpaid on 3 January: late, credit or not.
    let jan3 = on(&d.store, "2027-01-03");
    let p = plans::get(jan3, plan.id).await.expect("plan");
    assert_eq!(p.standing, PlanStanding::Late, "{}", p.standing_text);

    // Paying it completes the plan.
    pay(jan3, id, "26.66").await;
    let p = plans::get(jan3, plan.id).await.expect("plan");
    assert_eq!((p.paid.amount.as_str(), p.remaining.amount.as_str()), ("60.00", "0.00"));
    assert_eq!(p.standing, PlanStanding::Completed, "{}", p.standing_text);
}

/// Regression: the invoice PDF counted a credit note as "Paid". It now has
/// a "Credited" line of its own, and "Paid" is money received.
#[tokio::test]
async fn the_invoice_pdf_states_credited_and_paid_apart() {
    use kindly_api::documents::{invoice_pdf, InvoicePdfRequest};
    let d = kindly_tests::open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let cid = create_client(ctx, &client_input("Cleo Credit", vec![])).await;
    let id = create_invoice(
        ctx,
        &issued_invoice(cid, "2026-11-01", "2026-12-01", "EUR", vec![line("Work", "1", "1000", "")]),
    )
    .await;
    pay(ctx, id, "300").await;
    credit(ctx, id, "200").await.expect("credit note");
    let fonts = kindly_pdf::Fonts::load().expect("fonts");
    let pdf =
        invoice_pdf(ctx, &fonts, &InvoicePdfRequest { invoice_id: id, page_size: Some(kindly_pdf::PageSize::A4) })
            .await
            .expect("pdf");
    let flat = kindly_tests::pdftotext(&pdf.path).split_whitespace().collect::<Vec<_>>().join(" ");
    for must in ["Credited €200.00", "Paid €300.00", "Still owing €500.00"] {
        assert!(flat.contains(must), "{must:?} in {flat}");
    }
}

/// The overview reads the active plans' money in one row
/// (`Store::expected_plans`); its figures must be the whole plans' own,
/// whatever happened on the invoices: paid before the plan, paid during,
/// a reversal, a refund, credit notes before and during, several invoices,
/// several currencies, and a plan that is not active.
#[tokio::test]
async fn the_overviews_read_of_plans_agrees_with_the_whole_plans() {
    use kindly_api::plans::{self, AcceptInput, PlanInput};
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-14");
    let how = || kindly_core::vocab::AgreedHow::parse("call").expect("how");
    let cid = create_client(ctx, &client_input("Hal Ito", vec!["hal@example.com".into()])).await;
    let other = create_client(ctx, &client_input("Ana Ruiz", vec!["ana@example.com".into()])).await;
    let inv = |client: i64, price: &'static str, currency: &'static str| {
        let input = issued_invoice(client, "2026-10-01", "2026-10-31", currency, vec![line("Design", "1", price, "")]);
        async move { create_invoice(ctx, &input).await }
    };
    let a1 = inv(cid, "120", "EUR").await;
    let a2 = inv(cid, "80.50", "EUR").await;
    let b = inv(other, "300", "GBP").await;
    let c = inv(other, "50", "GBP").await;
    pay(ctx, a1, "10").await;
    credit(ctx, a2, "5.50").await.expect("credit before");
    let plan = |ids: Vec<i64>, count: &'static str| PlanInput {
        invoice_ids: ids,
        count: count.into(),
        frequency: kindly_followup::plan::schedule::Frequency::Monthly,
        first_date: "2026-12-01".into(),
        ..Default::default()
    };
    let pa = plans::propose(ctx, &plan(vec![a1, a2], "4")).await.expect("propose a");
    let pb = plans::propose(ctx, &plan(vec![b], "3")).await.expect("propose b");
    // Proposed only: not active, not expected.
    plans::propose(ctx, &plan(vec![c], "2")).await.expect("propose c");
    for id in [pa.id, pb.id] {
        plans::accept(ctx, &AcceptInput { plan_id: id, agreed_on: String::new(), how: how(), note: String::new() })
            .await
            .expect("accept");
    }
    let dec1 = on(&d.store, "2026-12-01");
    pay(dec1, a1, "30").await;
    pay(dec1, a2, "20").await;
    pay(dec1, b, "100").await;
    let pid = payment_ids(&d.store, a2).await[0];
    let dec3 = on(&d.store, "2026-12-03");
    corrections::reverse(dec3, &ReversalInput { payment_id: pid, reason: "Bounced".into(), date: String::new() })
        .await
        .expect("reverse");
    credit(dec3, b, "45").await.expect("credit during");
    // 40 paid and 100 credited on 120: a credit of 20, 15 of it refunded.
    credit(dec3, a1, "100").await.expect("credit during, beyond what is owed");
    let refund = RefundInput {
        invoice_id: a1,
        amount: "15".into(),
        method: PaymentMethod::BankTransfer,
        reason: "Returned a part".into(),
        date: String::new(),
    };
    corrections::refund(dec3, &refund).await.expect("refund");

    let whole = d.store.active_plans().await.expect("active plans");
    let read = d.store.expected_plans().await.expect("expected plans");
    assert_eq!(read.len(), 2, "the two active plans, not the proposed one");
    for day in ["2026-11-20", "2026-12-01", "2026-12-10", "2027-01-05", "2027-03-01"] {
        let today: chrono::NaiveDate = day.parse().expect("a day");
        for p in &whole {
            let e = read.iter().find(|e| e.id == p.id).expect("the same plans");
            let (a, b) = (p.money(), e.money());
            assert_eq!(e.currency, p.currency);
            assert_eq!(
                (a.paid_minor(), a.credited_minor(), a.remaining_minor(), a.due_installments(), a.standing(today)),
                (b.paid_minor(), b.credited_minor(), b.remaining_minor(), b.due_installments(), b.standing(today)),
                "plan {} on {day}",
                p.id
            );
        }
    }
    // The fixture reaches every part of the figure: something received,
    // something credited during the plan, something gone back.
    let gbp = whole.iter().find(|p| p.id == pb.id).expect("plan b");
    assert_eq!((gbp.paid_minor(), gbp.credited_minor()), (10000, 4500));
    let eur = whole.iter().find(|p| p.id == pa.id).expect("plan a");
    assert_eq!(
        (eur.paid_minor(), eur.credited_minor()),
        (1500, 10000),
        "the reversed 20 and the refunded 15 do not count"
    );
}

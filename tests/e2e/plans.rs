//! Installment plans through the real window: from the "+14 days" reminder,
//! propose a 3-installment plan (with its own reminder days), accept it on
//! the invoice page, record the payments and see the plan complete.

use super::{add_invoice, click, fill, kindly, nth, start_in, wait, wait_gone, wait_text};

#[tokio::test(flavor = "multi_thread")]
async fn propose_accept_pay_and_complete_a_plan_from_a_reminder() {
    let data = tempfile::tempdir().expect("tempdir");
    let client = kindly(data.path(), &["clients", "add", "--name", "Zoë Ångström", "--email", "zoe@example.com"])["id"]
        .to_string();
    // Due 16 days ago (relative to the real clock the app reads): the plan-offer stage is current.
    let inv = add_invoice(data.path(), &client, 30, "Brand book;1;300;");
    let number = inv["number"].as_str().expect("number").to_string();

    let d = start_in(data).await;
    let c = &d.client;
    // The overview is the first screen; the follow-ups are on Today.
    click(c, "nav-today").await;
    click(c, "queue-row").await;
    wait(c, "message-preview").await;
    wait_text(c, "preview-subject", "payment plan").await;
    click(c, "preview-offer-plan").await;
    wait(c, "plan-schedule").await;
    // The offer in the message proposed two installments; the client asked for three.
    nth(c, "plan-row", 1).await;
    fill(c, "plan-count", "3").await;
    wait_text(c, "plan-balance", "€300.00").await;
    wait_text(c, "plan-sum", "€300.00").await;
    nth(c, "plan-row", 2).await;
    // A number the backend cannot read is refused by field, not replaced by the default.
    fill(c, "plan-heads-up-days", "a week").await;
    click(c, "plan-propose").await;
    wait_text(c, "error-heads_up_days", "whole number of days from 0 to 30").await;
    fill(c, "plan-heads-up-days", "5").await;
    click(c, "plan-propose").await;
    wait_text(c, "preview-plan-result", "proposed").await;
    // The proposal is the offer step's contact: it is recorded as proposed, and
    // marking another step done today is refused (one contact per invoice per day).
    click(c, "preview-mark-done").await;
    wait_text(c, "form-error", "today").await;
    click(c, "preview-close").await;
    wait_gone(c, "message-preview").await;

    click(c, "nav-invoices").await;
    click(c, "invoice-row").await;
    wait_text(c, "invoice-number-heading", &number).await;
    wait_text(c, "plan-state", "Proposed").await;
    wait_text(c, "plan-reminder-rule", "a heads-up 5 days before each installment; a reminder 2 days after").await;
    click(c, "plan-accept").await;
    click(c, "plan-accept-save").await;
    wait_text(c, "plan-state", "On track").await;

    for (paid, outstanding) in [("€100.00", "€200.00"), ("€200.00", "€100.00")] {
        click(c, "record-payment").await;
        fill(c, "payment-amount", "100").await;
        click(c, "payment-save").await;
        wait_text(c, "invoice-outstanding", outstanding).await;
        wait_text(c, "plan-paid", paid).await;
    }
    click(c, "record-payment").await;
    fill(c, "payment-amount", "100").await;
    click(c, "payment-save").await;
    wait_text(c, "plan-state", "Completed").await;
    wait_text(c, "plan-remaining", "€0.00").await;
    wait_text(c, "timeline", "completed").await;
    d.client.clone().close().await.expect("close session");
}

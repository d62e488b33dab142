//! Bank statements through the real window: import a statement (the file
//! dialog answered by `KINDLY_PICK_FILE`), see the certain payment recorded,
//! decide the uncertain one in "To review", and see Today shrink to nothing.

use super::{add_invoice, click, kindly, start_with, wait, wait_text};
use kindly_tests::{camt053, StatementTx};

#[tokio::test(flavor = "multi_thread")]
async fn a_statement_pays_one_invoice_and_a_reviewed_match_pays_the_other() {
    let data = tempfile::tempdir().expect("tempdir");
    let ana = kindly(data.path(), &["clients", "add", "--name", "Ana Alves", "--language", "en"])["id"].to_string();
    let bea = kindly(data.path(), &["clients", "add", "--name", "Bea Brandt", "--language", "en"])["id"].to_string();
    let i1 = add_invoice(data.path(), &ana, 60, "Logo;1;480;");
    let i2 = add_invoice(data.path(), &bea, 60, "Flyer;1;100;");
    let shown = kindly(data.path(), &["invoices", "show", &i1["id"].to_string()]);
    let rf = shown["creditor_reference"].as_str().expect("creditor reference").to_string();
    let n2 = i2["number"].as_str().expect("number").to_string();
    let day = chrono::Local::now().date_naive().to_string();
    let statement = camt053(
        &day,
        &[
            StatementTx {
                id: "E1",
                amount: "480.00",
                credit: true,
                payer: "Ana Alves",
                iban: "PT50000201231234567890154",
                rf: Some(&rf),
                text: "",
            },
            // More than Bea owes: Kindly asks rather than guess.
            StatementTx {
                id: "E2",
                amount: "150.00",
                credit: true,
                payer: "Bea Brandt",
                iban: "DE02120300000000202051",
                rf: None,
                text: &n2,
            },
        ],
    );
    let files = tempfile::tempdir().expect("tempdir");
    let path = files.path().join("statement.xml");
    std::fs::write(&path, statement).expect("write statement");

    let d = start_with(data, &[("KINDLY_PICK_FILE", path.to_str().expect("path"))]).await;
    let c = &d.client;
    click(c, "nav-today").await;
    wait_text(c, "queue-count", "2 follow-ups").await;
    click(c, "nav-bank").await;
    click(c, "bank-import").await;
    wait_text(c, "bank-result", "1 payment recorded").await;
    wait_text(c, "bank-review-count", "(1)").await;
    wait(c, "bank-review-row").await;
    let amount = wait(c, "bank-amount").await;
    assert_eq!(
        amount.prop("value").await.expect("value").as_deref(),
        Some("100.00"),
        "the balance is proposed, not 150"
    );
    click(c, "bank-accept").await;
    wait_text(c, "bank-review-count", "(0)").await;
    wait(c, "bank-review-empty").await;
    click(c, "nav-today").await;
    wait(c, "queue-empty").await;
    // Importing the same file again records nothing new.
    click(c, "nav-bank").await;
    click(c, "bank-import").await;
    wait_text(c, "bank-result", "were imported before").await;
    wait_text(c, "bank-result", "No new payment recorded").await;
    d.client.clone().close().await.expect("close session");
}

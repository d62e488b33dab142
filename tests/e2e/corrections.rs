//! Corrections and late-payment interest through the real window (issue
//! #16): a partial credit note from the invoice page's More menu, a payment
//! reversed from its row, and a client's statutory interest switched on in
//! its box (which then asks for the published rate past the compiled table).

use super::{add_invoice, click, fill, kindly, start_in, wait, wait_text};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn credit_part_of_an_invoice_then_reverse_its_payment_from_the_invoice_page() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().to_path_buf();
    let ana = kindly(&dir, &["clients", "add", "--name", "Ana Alves", "--language", "en"])["id"].to_string();
    let id = add_invoice(&dir, &ana, 30, "Logo;1;480;")["id"].to_string();
    kindly(&dir, &["payments", "add", "--invoice", &id, "--amount", "100"]);
    let d = start_in(data).await;
    let c = &d.client;
    click(c, "nav-invoices").await;
    click(c, "invoice-row").await;
    wait_text(c, "invoice-outstanding", "€380.00").await;

    click(c, "invoice-more").await;
    click(c, "issue-credit-note").await;
    click(c, "credit-partial").await;
    fill(c, "correction-amount", "80").await;
    fill(c, "correction-reason", "Wrong hourly rate").await;
    click(c, "correction-save").await;
    wait_text(c, "credit-note-row", "€80.00 credited").await;
    wait_text(c, "credit-note-row", "Wrong hourly rate").await;
    wait_text(c, "invoice-credited", "€80.00").await;
    wait_text(c, "invoice-outstanding", "€300.00").await;

    // The €100 payment bounced: reversed, not deleted; the invoice owes it again.
    click(c, "payment-reverse").await;
    fill(c, "correction-reason", "Returned by the bank").await;
    click(c, "correction-save").await;
    wait_text(c, "payment-reversed", "Returned by the bank").await;
    wait_text(c, "invoice-outstanding", "€400.00").await;
    d.client.clone().close().await.expect("close session");

    // What the window did is what the book holds.
    let shown = kindly(&dir, &["invoices", "show", &id]);
    assert_eq!(shown["outstanding"]["amount"], "400.00", "{shown}");
}

#[tokio::test(flavor = "multi_thread")]
async fn switching_on_statutory_interest_asks_for_the_rate_past_the_table() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().to_path_buf();
    let bea = kindly(&dir, &["clients", "add", "--name", "Bea Brandt", "--language", "de"])["id"].to_string();
    let d = start_in(data).await;
    let c = &d.client;
    click(c, "nav-clients").await;
    click(c, "client-row").await;
    wait_text(c, "interest-state", "Off").await;
    click(c, "interest-enabled").await;
    let de = c
        .find(Locator::Css("[data-testid=\"interest-jurisdiction\"] option[value=\"de\"]"))
        .await
        .expect("German law is offered");
    de.click().await.expect("choose German law");
    click(c, "interest-save").await;
    // The compiled rates end before today: once saved, the box asks for the published one.
    wait(c, "interest-add-rate").await;
    d.client.clone().close().await.expect("close session");
    let saved = kindly(&dir, &["clients", "interest", &bea]);
    assert_eq!(saved["saved"], true, "{saved}");
    assert_eq!(saved["settings"]["enabled"], true, "{saved}");
    assert_eq!(saved["settings"]["jurisdiction"], "de", "{saved}");
}

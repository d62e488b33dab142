//! The first run asks who the user is: the business profile and a way to
//! pay, saved before anything else, so the first letter is signed by them.

use super::{click, fill, kindly, set_value, start_in, wait, wait_gone, wait_text};

#[tokio::test(flavor = "multi_thread")]
async fn the_first_run_saves_the_business_profile_and_a_way_to_pay() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().to_path_buf();
    let d = start_in(data).await;
    let c = &d.client;

    wait(c, "firstrun-profile").await;
    fill(c, "fr-name", "Studio Kind").await;
    // A bad IBAN is refused by name, and nothing moves on.
    fill(c, "fr-iban", "DE00 1234").await;
    set_value(c, "fr-address", "Kastanienallee 12\n10435 Berlin").await;
    fill(c, "fr-tax-id", "DE 123 456 789").await;
    click(c, "firstrun-save").await;
    wait_text(c, "error-iban", "IBAN").await;
    fill(c, "fr-iban", "DE89 3704 0044 0532 0130 00").await;
    click(c, "firstrun-save").await;
    click(c, "firstrun-empty").await;
    wait(c, "new-client").await;
    wait_gone(c, "profile-banner").await;

    let shown = kindly(&dir, &["business", "show"]);
    assert_eq!(shown["profile"]["business_name"], "Studio Kind");
    assert_eq!(shown["profile"]["business_address"], "Kastanienallee 12\n10435 Berlin");
    assert_eq!(shown["profile"]["business_tax_id"], "DE 123 456 789");
    assert_eq!(shown["readiness"]["missing"], serde_json::json!([]));
    let bank = shown["ways_to_pay"][0]["text"].as_str().expect("a way to pay");
    assert!(bank.contains("Studio Kind") && bank.contains("DE89 3704 0044 0532 0130 00"), "{bank}");
    d.client.clone().close().await.expect("close session");
}

//! The overview in the real window: the first screen shows the same figures
//! as `kindly overview --json` (both read the real clock and the same
//! database), and a figure opens the list of exactly its invoices.

use super::{click, kindly, start_in, wait, wait_text};

#[tokio::test(flavor = "multi_thread")]
async fn the_app_and_the_cli_show_the_same_overview_and_a_figure_opens_its_list() {
    let data = tempfile::tempdir().expect("tempdir");
    kindly(data.path(), &["demo", "--clients", "40", "--invoices", "400"]);
    let cli = kindly(data.path(), &["overview", "--json"]);
    let first = &cli["currencies"][0];
    let text = |v: &serde_json::Value| v.as_str().expect("a string").to_string();

    let d = start_in(data).await;
    let c = &d.client;
    // The overview is the first screen, showing the business currency first.
    wait(c, "overview").await;
    wait_text(c, "overview-outstanding", &text(&first["outstanding"]["amount"]["formatted"])).await;
    wait_text(c, "overview-overdue", &text(&first["overdue"]["amount"]["formatted"])).await;
    for a in first["aging"].as_array().expect("aging") {
        let id = format!("overview-aging-{}", text(&a["bucket"]));
        wait_text(c, &id, &text(&a["amount"]["formatted"])).await;
    }
    for m in first["months"].as_array().expect("months") {
        let month = text(&m["month"]);
        wait_text(c, &format!("overview-invoiced-{month}"), &text(&m["invoiced"]["formatted"])).await;
        wait_text(c, &format!("overview-collected-{month}"), &text(&m["collected"]["formatted"])).await;
    }
    if let Some(days) = first["dso"]["days"].as_str() {
        wait_text(c, "overview-dso", days).await;
    }
    let cash = first["cash_in"]["weeks"].as_array().expect("weeks");
    for (i, w) in cash.iter().enumerate() {
        wait_text(c, &format!("overview-cash-{i}"), &text(&w["expected"]["formatted"])).await;
    }

    // The overdue total opens the invoice list on exactly those invoices.
    let overdue = first["overdue"]["count"].as_i64().expect("count");
    click(c, "overview-overdue").await;
    wait(c, "filter-chips").await;
    let want = if overdue == 1 { "1 invoice".to_string() } else { format!("{overdue} invoices") };
    wait_text(c, "invoice-count", &want).await;
    d.client.clone().close().await.expect("close session");
}

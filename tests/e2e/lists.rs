//! Lists at a realistic size: what fits with five invoices must still be
//! there with hundreds.

use super::{click, kindly, start_in, wait, wait_text};

/// Regression: with more invoices than fit on the screen, the list took the
/// page's height and squeezed the state filters ("All", "Overdue", …) to
/// nothing (a flex item with `overflow: hidden` may shrink to zero), and
/// longer invoice numbers were cut off.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_invoice_list_keeps_its_filters_and_whole_numbers() {
    let data = tempfile::tempdir().expect("tempdir");
    kindly(data.path(), &["demo", "--clients", "30", "--invoices", "300"]);
    let d = start_in(data).await;
    let c = &d.client;
    click(c, "nav-invoices").await;
    wait(c, "invoice-row").await;
    wait_text(c, "invoice-count", "300 invoices").await;

    wait(c, "invoice-filter-all").await;
    let size = c
        .execute(
            // The bar's own box (a clipped button keeps its height), and whether
            // the button is what a click at its centre would reach.
            "const b = document.querySelector('[data-testid=invoice-filter-all]');
             const r = b.parentElement.getBoundingClientRect();
             const m = b.getBoundingClientRect();
             const hit = document.elementFromPoint(m.x + m.width / 2, m.y + m.height / 2);
             return [r.width, r.height, b.contains(hit)]",
            vec![],
        )
        .await
        .expect("execute");
    let (width, height) = (size[0].as_f64().unwrap_or(0.0), size[1].as_f64().unwrap_or(0.0));
    assert!(height >= 20.0 && width >= 20.0, "the filter bar is {width}×{height} px");
    assert_eq!(size[2].as_bool(), Some(true), "the \"All\" filter is hidden behind something");
    click(c, "invoice-filter-paid").await;
    wait_text(c, "invoice-count", "invoices").await;
    let count = wait(c, "invoice-count").await.text().await.expect("text");
    assert_ne!(count, "300 invoices", "the filter applies");

    let cut: Vec<serde_json::Value> = c
        .execute(
            "return [...document.querySelectorAll('[data-testid=invoice-row] .c-number')]
                .filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent)",
            vec![],
        )
        .await
        .expect("execute")
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(cut.is_empty(), "invoice numbers cut off: {cut:?}");
    d.client.clone().close().await.expect("close session");
}

//! A CSV import through the real window: the file comes from the open
//! dialog (answered by `KINDLY_PICK_FILE`), the dry run names the bad row
//! and column, the user points the field at the right column in the
//! mapping, and the import then writes every row, once.

use super::{click, kindly, start_with, wait, wait_text};
use fantoccini::Client;

/// Chooses an option of a `<select>` as a person does (value, then `change`).
async fn choose(c: &Client, id: &str, value: &str) {
    let e = wait(c, id).await;
    let arg = serde_json::to_value(&e).expect("element");
    c.execute(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
        vec![arg, serde_json::Value::String(value.to_string())],
    )
    .await
    .expect("choose");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_row_is_fixed_in_the_mapping_and_the_import_writes_every_row() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().to_path_buf();
    let files = tempfile::tempdir().expect("tempdir");
    let csv = files.path().join("clients.csv");
    // "E-Mail" is what the header detection picks; one of its cells is not
    // an address, while the "Work e-mail" column is complete.
    std::fs::write(
        &csv,
        "Name,E-Mail,Work e-mail\r\nAna Alves,ana@example.com,ana@work.example\r\nBea Brandt,bea at example,bea@work.example\r\n",
    )
    .expect("write csv");

    let d = start_with(data, &[("KINDLY_PICK_FILE", csv.to_str().expect("path"))]).await;
    let c = &d.client;
    click(c, "firstrun-skip").await;
    click(c, "firstrun-import").await;
    wait(c, "data-page").await;
    choose(c, "import-kind", "clients").await;
    click(c, "import-choose").await;
    wait(c, "import-mapping").await;
    wait_text(c, "import-problems", "bea at example").await;
    wait_text(c, "import-problems", "E-Mail").await;
    assert_eq!(kindly(&dir, &["clients", "list"])["total"], 0, "a dry run writes nothing");

    choose(c, "map-email", "2").await;
    wait_text(c, "import-summary", "2 rows read").await;
    let problems = c.find_all(fantoccini::Locator::Css("[data-testid='import-problems']")).await.expect("find");
    assert!(problems.is_empty(), "the fixed mapping leaves no problem");
    click(c, "import-apply").await;
    wait(c, "import-done").await;

    let list = kindly(&dir, &["clients", "list"]);
    assert_eq!(list["total"], 2, "{list}");
    let emails: Vec<String> = list["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["emails"].to_string() + &r["email"].to_string())
        .collect();
    assert!(emails.iter().any(|e| e.contains("bea@work.example")), "{emails:?}");
    d.client.clone().close().await.expect("close session");
}

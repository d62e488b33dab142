//! The desktop behaviours of issue #18 through the real window: a menu
//! shortcut handled by the web view (WebDriver cannot press a native
//! accelerator), Settings asking before unsaved edits are left, and the
//! wording editor's chips saving exactly the template text it showed.

use super::{click, kindly, nth, start_in, wait, wait_gone, wait_text};
use fantoccini::{Client, Locator};
use kindly_core::locale::Locale;
use std::time::{Duration, Instant};

/// Ctrl (the WebDriver key) + `key`, then every modifier released.
async fn press_ctrl(c: &Client, key: &str) {
    let main = c.find(Locator::Css("main")).await.expect("main");
    main.send_keys(&format!("\u{E009}{key}\u{E000}")).await.expect("keys");
}

async fn current(c: &Client, id: &str) -> bool {
    let e = wait(c, id).await;
    e.attr("aria-current").await.ok().flatten().as_deref() == Some("page")
}

async fn until(what: &str, mut ok: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !ok().await {
        assert!(Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn shortcuts_in_the_window_go_to_today_and_settings() {
    let data = tempfile::tempdir().expect("tempdir");
    kindly(data.path(), &["clients", "add", "--name", "Ana Alves"]);
    let d = start_in(data).await;
    let c = &d.client;
    click(c, "nav-clients").await;
    press_ctrl(c, "t").await;
    until("Ctrl+T never opened Today", async || current(c, "nav-today").await).await;
    press_ctrl(c, ",").await;
    wait(c, "settings-page-business").await;
    assert!(current(c, "nav-settings").await);
    d.client.clone().close().await.expect("close session");
}

#[tokio::test(flavor = "multi_thread")]
async fn leaving_unsaved_settings_asks_and_stay_keeps_the_edit() {
    let data = tempfile::tempdir().expect("tempdir");
    kindly(data.path(), &["clients", "add", "--name", "Ana Alves"]);
    let d = start_in(data).await;
    let c = &d.client;
    click(c, "nav-settings").await;
    let name = wait(c, "set-name").await;
    let before = name.prop("value").await.expect("value").unwrap_or_default();
    name.clear().await.expect("clear");
    name.send_keys("Studio Changed").await.expect("type");

    // The sidebar asks first; Stay keeps the page and the edit.
    click(c, "nav-today").await;
    wait_text(c, "leave-settings-text", "without saving").await;
    click(c, "leave-stay").await;
    wait_gone(c, "leave-stay").await;
    assert!(current(c, "nav-settings").await, "still on Settings");
    let kept = wait(c, "set-name").await.prop("value").await.expect("value");
    assert_eq!(kept.as_deref(), Some("Studio Changed"));

    // Another settings page asks too; Discard drops the edit and moves on.
    click(c, "settings-page-email").await;
    click(c, "leave-discard").await;
    wait(c, "email-settings").await;
    click(c, "settings-page-business").await;
    let shown = wait(c, "set-name").await.prop("value").await.expect("value");
    assert_eq!(shown.unwrap_or_default(), before, "the edit was discarded");
    d.client.clone().close().await.expect("close session");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_wording_editor_shows_chips_and_saves_the_same_text() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().to_path_buf();
    kindly(&dir, &["clients", "add", "--name", "Ana Alves"]);
    let d = start_in(data).await;
    let c = &d.client;
    click(c, "nav-followups").await;
    let edit = nth(c, "ladder-edit-template", 0).await;
    edit.click().await.expect("open the wording");
    wait(c, "template-chip").await;
    let body = wait(c, "template-body").await.text().await.expect("text");
    assert!(!body.contains("{{") && !body.contains("{%"), "no template syntax on screen:\n{body}");
    wait_text(c, "template-body", "Amount owing").await;

    click(c, "template-save").await;
    wait_text(c, "template-origin", "Your wording").await;

    // What was saved is the shipped wording, character for character.
    use sqlx::Connection;
    let db = dir.join(kindly_store::DB_FILE_NAME);
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display())).await.expect("connect");
    let saved: Vec<(String, String, String)> =
        sqlx::query_as("SELECT stage_key, subject, body FROM templates WHERE language = 'en'")
            .fetch_all(&mut conn)
            .await
            .expect("templates");
    assert_eq!(saved.len(), 1, "{saved:?}");
    let (key, subject, body) = &saved[0];
    let shipped = kindly_followup::templates::default_template(key, Locale::En).expect("shipped wording");
    assert_eq!(subject, &shipped.subject);
    assert_eq!(body, &shipped.body);
    d.client.clone().close().await.expect("close session");
}

//! The desktop behaviours of issue #18 through the real window: a menu
//! shortcut handled by the web view (WebDriver cannot press a native
//! accelerator), Settings asking before unsaved edits are left, and the
//! wording editor's chips saving exactly the template text it showed, and a
//! finished batch's notice reaching a real notification daemon.

use super::{add_invoice, click, kindly, nth, start_in, start_with, wait, wait_gone, wait_text};
use fantoccini::{Client, Locator};
use kindly_core::locale::Locale;
use kindly_tests::{camt053, StatementTx};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
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

/// A session bus of the test's own with a real notification daemon (dunst)
/// on it, so the notice the app sends can be read back from its history.
struct NotificationDaemon {
    bus: Child,
    daemon: Child,
    address: String,
}

impl Drop for NotificationDaemon {
    fn drop(&mut self) {
        for c in [&mut self.daemon, &mut self.bus] {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl NotificationDaemon {
    fn start() -> NotificationDaemon {
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon (package dbus)");
        let mut line = String::new();
        BufReader::new(bus.stdout.take().expect("stdout")).read_line(&mut line).expect("bus address");
        let address = line.trim().to_string();
        let daemon = Command::new("dunst")
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dunst (package dunst)");
        let n = NotificationDaemon { bus, daemon, address };
        let deadline = Instant::now() + Duration::from_secs(15);
        while n.dunstctl("count").is_none() {
            assert!(Instant::now() < deadline, "dunst never answered on its bus");
            std::thread::sleep(Duration::from_millis(100));
        }
        n
    }

    fn dunstctl(&self, what: &str) -> Option<String> {
        let out = Command::new("dunstctl").arg(what).env("DBUS_SESSION_BUS_ADDRESS", &self.address).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// The bodies of every notification shown so far (closing the ones on
    /// screen moves them into dunst's history, which is what it lists).
    fn bodies(&self) -> Vec<String> {
        let _ = self.dunstctl("close-all");
        let history: serde_json::Value =
            serde_json::from_str(&self.dunstctl("history").unwrap_or_default()).unwrap_or_default();
        history["data"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|group| group.as_array().cloned().unwrap_or_default())
            .map(|n| n["body"]["data"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_finished_bank_import_reaches_the_notification_daemon_in_the_ui_language() {
    let notices = NotificationDaemon::start();
    let data = tempfile::tempdir().expect("tempdir");
    let ana = kindly(data.path(), &["clients", "add", "--name", "Ana Alves", "--language", "de"])["id"].to_string();
    let inv = add_invoice(data.path(), &ana, 10, "Logo;1;480;");
    let day = chrono::Local::now().date_naive().to_string();
    let number = inv["number"].as_str().expect("number").to_string();
    let tx = StatementTx {
        id: "N1",
        amount: "480.00",
        credit: true,
        payer: "Ana Alves",
        iban: "PT50000201231234567890154",
        rf: None,
        text: &number,
    };
    let files = tempfile::tempdir().expect("tempdir");
    let path = files.path().join("statement.xml");
    std::fs::write(&path, camt053(&day, &[tx])).expect("write statement");

    let d = start_with(
        data,
        &[
            ("KINDLY_PICK_FILE", path.to_str().expect("path")),
            ("DBUS_SESSION_BUS_ADDRESS", notices.address.as_str()),
            ("KINDLY_NOTIFY_AFTER_MS", "0"),
        ],
    )
    .await;
    let c = &d.client;
    wait(c, "nav-bank").await;
    c.execute("localStorage.setItem('kindly.uiLanguage', 'de'); location.reload();", vec![]).await.expect("language");
    until("the UI never switched to German", async || {
        c.execute("return document.documentElement.lang", vec![]).await.ok().and_then(|v| v.as_str().map(str::to_owned))
            == Some("de".into())
    })
    .await;
    assert!(notices.bodies().is_empty(), "nothing notified yet: {:?}", notices.bodies());
    click(c, "nav-bank").await;
    click(c, "bank-import").await;
    wait(c, "bank-result").await;
    let deadline = Instant::now() + Duration::from_secs(15);
    while !notices.bodies().iter().any(|b| b == "Der Kontoauszug wurde eingelesen.") {
        assert!(Instant::now() < deadline, "dunst never showed the German notice: {:?}", notices.bodies());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    d.client.clone().close().await.expect("close session");
}

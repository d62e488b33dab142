//! End-to-end tests through the real app window: the built `kindly-app`
//! under Xvfb, driven by WebDriver (tauri-driver in front of WebKitWebDriver).
//! Run with `xvfb-run -a cargo test -p kindly-tests --features e2e --test e2e`
//! after `cargo build --workspace` (the README's test command does both).

mod backup;
mod bank;
mod contacts;
mod corrections;
mod desktop;
mod display;
mod firstrun;
mod import;
mod keyboard;
mod lists;
mod mail;
mod overview;
mod plans;
mod screens;
mod team;

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use kindly_tests::binary;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Driver {
    child: Child,
    _data: tempfile::TempDir,
    client: Client,
}

impl Drop for Driver {
    fn drop(&mut self) {
        stop_group(&mut self.child);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

fn tauri_driver() -> std::path::PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return p.into();
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo"));
    home.join("bin").join("tauri-driver")
}

async fn start() -> Driver {
    start_in(tempfile::tempdir().expect("tempdir")).await
}

pub(crate) async fn start_in(data: tempfile::TempDir) -> Driver {
    start_with(data, &[]).await
}

/// Starts the app with extra environment variables (e.g. `KINDLY_PICK_FILE`).
///
/// The ports are free when chosen, but another test's driver can take one
/// before it is bound (WebKitWebDriver then says "Unable to listen for HTTP
/// server" and no session can start): when no session starts in time, stop
/// that driver and try again on new ports.
pub(crate) async fn start_with(data: tempfile::TempDir, envs: &[(&str, &str)]) -> Driver {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "wry".into());
    caps.insert("tauri:options".into(), serde_json::json!({ "application": binary("kindly-app") }));
    let mut last = String::new();
    for _attempt in 0..3 {
        let (mut child, port) = spawn_driver(&data, envs);
        let deadline = Instant::now() + Duration::from_secs(25);
        while Instant::now() < deadline {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => return Driver { child, _data: data, client },
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        stop_group(&mut child);
    }
    panic!("could not start a WebDriver session in three attempts: {last}");
}

/// Stops a driver and everything it started: tauri-driver starts
/// WebKitWebDriver and the app, so the whole process group goes, and
/// nothing outlives the test (an orphan would keep its output pipe open).
fn stop_group(child: &mut Child) {
    #[cfg(unix)]
    let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", child.id())]).status();
    let _ = child.kill();
    let _ = child.wait();
}

/// tauri-driver on two fresh ports; the child and its WebDriver port.
fn spawn_driver(data: &tempfile::TempDir, envs: &[(&str, &str)]) -> (Child, u16) {
    let (port, native) = (free_port(), free_port());
    let mut cmd = Command::new(tauri_driver());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let child = cmd
        .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
        .env("KINDLY_DATA_DIR", data.path())
        // The web view keeps its local storage (the UI language chosen in
        // Settings, for one) under the XDG data folder: one per app, so a test
        // that switches to German leaves the tests beside it in English.
        .env("XDG_DATA_HOME", data.path().join("xdg-data"))
        .env("XDG_CACHE_HOME", data.path().join("xdg-cache"))
        .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
        .envs(envs.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("tauri-driver is installed (cargo install tauri-driver --locked)");
    (child, port)
}

fn tid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

pub(crate) async fn wait(c: &Client, id: &str) -> Element {
    c.wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(&tid(id)))
        .await
        .unwrap_or_else(|e| panic!("{id} never appeared: {e}"))
}

/// Scrolls an element into view and clicks it, as a person would.
///
/// A click can be refused for a moment while the page is still settling: a
/// modal dialog that is closing keeps the rest of the page inert, and a list
/// that re-renders replaces the element. Like a person, try again (finding
/// the element afresh) until the deadline; the last refusal is reported.
pub(crate) async fn click(c: &Client, id: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let e = wait(c, id).await;
        let arg = serde_json::to_value(&e).expect("element as JSON");
        let scrolled = c.execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg]).await;
        let clicked = match scrolled {
            Ok(_) => e.click().await.map(|_| ()),
            Err(err) => Err(err),
        };
        match clicked {
            Ok(()) => return,
            Err(err) if Instant::now() >= deadline => panic!("could not click {id}: {err:?}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Waits until no element with this test id is left (e.g. a dialog closed).
pub(crate) async fn wait_gone(c: &Client, id: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let left = c.find_all(Locator::Css(&tid(id))).await.map(|all| all.len()).unwrap_or(1);
        if left == 0 {
            return;
        }
        assert!(Instant::now() < deadline, "{id} is still there");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub(crate) async fn wait_text(c: &Client, id: &str, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(e) = c.find(Locator::Css(&tid(id))).await {
            last = e.text().await.unwrap_or_default();
            if last.contains(want) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{id} never showed {want:?}; last text {last:?}");
}

pub(crate) async fn fill(c: &Client, id: &str, value: &str) {
    let e = wait(c, id).await;
    e.clear().await.expect("clear");
    e.send_keys(value).await.expect("type");
}

async fn nth(c: &Client, id: &str, n: usize) -> Element {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let all = c.find_all(Locator::Css(&tid(id))).await.expect("find_all");
        if all.len() > n {
            return all[n].clone();
        }
        assert!(Instant::now() < deadline, "no {id} #{n}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

const NAME: &str = "Zoë Ångström-Müller <img src=x onerror=alert(1)>";

#[tokio::test(flavor = "multi_thread")]
async fn client_invoice_partial_payment_and_timeline() {
    let d = start().await;
    let c = &d.client;

    // Skipping the profile works, and the banner then says what is missing.
    click(c, "firstrun-skip").await;
    click(c, "firstrun-empty").await;
    wait_text(c, "profile-banner", "your business name").await;
    click(c, "new-client").await;
    fill(c, "client-display-name", NAME).await;
    fill(c, "client-emails", "zoe@example.com").await;
    click(c, "client-save").await;

    // The name is shown as text, exactly; no markup was created or run.
    wait_text(c, "client-name", "Zoë Ångström-Müller").await;
    assert_eq!(wait(c, "client-name").await.text().await.unwrap(), NAME);
    let injected = c.find_all(Locator::Css("img[src='x']")).await.unwrap();
    assert!(injected.is_empty(), "the <img> in the name became an element");
    wait_text(c, "client-ladder", "default").await;

    click(c, "client-new-invoice").await;
    nth(c, "line-description", 0).await.send_keys("Design work").await.unwrap();
    let q = nth(c, "line-quantity", 0).await;
    q.clear().await.unwrap();
    q.send_keys("2").await.unwrap();
    nth(c, "line-unit-price", 0).await.send_keys("100").await.unwrap();
    nth(c, "line-tax-rate", 0).await.send_keys("20").await.unwrap();
    click(c, "add-line").await;
    nth(c, "line-description", 1).await.send_keys("Hosting").await.unwrap();
    // A bad price on the second line: one preview call names that line and
    // field (`lines[1].unit_price`), in words, and marks only that cell.
    nth(c, "line-unit-price", 1).await.send_keys("ten").await.unwrap();
    wait_text(c, "error-lines", "Unit price: \"ten\" is not an amount").await;
    let invalid = |n| async move { nth(c, "line-unit-price", n).await.attr("aria-invalid").await.unwrap() };
    assert_eq!(invalid(1).await.as_deref(), Some("true"));
    assert_eq!(invalid(0).await, None, "only the bad line is marked");
    let price = nth(c, "line-unit-price", 1).await;
    price.clear().await.unwrap();
    price.send_keys("10.50").await.unwrap();
    wait_gone(c, "error-lines").await;
    // Live totals come from the Rust core: 2 × 100 + 20 % tax + 10.50.
    wait_text(c, "totals-total", "€250.50").await;
    click(c, "invoice-save-issue").await;

    wait_text(c, "invoice-outstanding", "€250.50").await;
    click(c, "record-payment").await;
    fill(c, "payment-amount", "100").await;
    click(c, "payment-save").await;
    wait_text(c, "invoice-outstanding", "€150.50").await;
    wait_text(c, "invoice-paid", "€100.00").await;
    wait_text(c, "timeline", "Payment of €100.00 received").await;

    // A bad payment shows a specific message next to the amount and changes nothing.
    click(c, "record-payment").await;
    fill(c, "payment-amount", "1000").await;
    click(c, "payment-save").await;
    wait_text(c, "error-amount", "still owing").await;
    wait_text(c, "invoice-outstanding", "€150.50").await;
    d.client.clone().close().await.expect("close session");
}

/// Runs the `kindly` CLI on a data folder (to prepare a database).
pub(crate) fn kindly(dir: &std::path::Path, args: &[&str]) -> serde_json::Value {
    kindly_tests::kindly_json(dir, None, args)
}

/// Issues an EUR invoice with one line ("description;qty;price;tax") on
/// 14-day terms, `days_ago` days before the real today the app reads.
/// Returns the invoice as the CLI printed it. The business profile is
/// filled in first (once), as a user past the first-run step has it:
/// nothing reaches a client without a sender and a way to pay.
pub(crate) fn add_invoice(dir: &std::path::Path, client: &str, days_ago: u64, line: &str) -> serde_json::Value {
    if kindly(dir, &["business", "show"])["readiness"]["missing"] != serde_json::json!([]) {
        kindly_tests::business_profile_cli(dir);
    }
    let issue = (chrono::Local::now().date_naive() - chrono::Days::new(days_ago)).to_string();
    let args = ["invoices", "add", "--client", client, "--currency", "EUR", "--issue-date", &issue, "--terms", "14"];
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--line", line]);
    kindly(dir, &all)
}

/// Sets a field the way a date picker or a paste does (value, then an input event).
pub(crate) async fn set_value(c: &Client, id: &str, value: &str) {
    let e = wait(c, id).await;
    let arg = serde_json::to_value(&e).expect("element");
    c.execute(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
        vec![arg, serde_json::Value::String(value.to_string())],
    )
    .await
    .expect("set value");
}

#[tokio::test(flavor = "multi_thread")]
async fn todays_queue_preview_and_letter_pdf() {
    let data = tempfile::tempdir().expect("tempdir");
    // A client without e-mail (so the step goes out as a letter) with an
    // invoice well past its due date, relative to the real clock the app reads.
    let client = kindly(
        data.path(),
        &[
            "clients",
            "add",
            "--name",
            "Дмитрий Иванов",
            "--greeting",
            "Дмитрий",
            "--address",
            "Tverskaya 1\\n125009 Moscow",
            "--language",
            "en",
        ],
    )["id"]
        .to_string();
    let inv = add_invoice(data.path(), &client, 60, "Illustrations;1;480;");
    let number = inv["number"].as_str().expect("number").to_string();
    let dir = data.path().to_path_buf();
    let saved = tempfile::tempdir().expect("tempdir");

    let d = start_with(data, &[("KINDLY_SAVE_FILE", saved.path().to_str().expect("path"))]).await;
    let c = &d.client;
    // The overview is the first screen; the follow-ups are on Today.
    click(c, "nav-today").await;
    click(c, "queue-row").await;
    wait(c, "message-preview").await;
    wait_text(c, "preview-subject", &number).await;
    wait_text(c, "preview-body", "€480.00").await;
    wait_text(c, "preview-body", "Дмитрий").await;
    click(c, "preview-generate-letter").await;
    wait_text(c, "preview-letter-result", ".pdf").await;

    let letters: Vec<_> =
        std::fs::read_dir(dir.join("letters")).expect("letters folder").flatten().map(|e| e.path()).collect();
    assert_eq!(letters.len(), 1, "{letters:?}");
    let text = Command::new("pdftotext").arg(&letters[0]).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    for must in ["Дмитрий Иванов", &number, "€480.00", "Page 1 of 1"] {
        assert!(text.contains(must), "the letter lacks {must}:\n{text}");
    }
    // The file is found through the save dialog, not by reading a path.
    click(c, "preview-letter-file-copy").await;
    let copy = saved.path().join(letters[0].file_name().expect("name"));
    let deadline = Instant::now() + Duration::from_secs(10);
    while !copy.exists() {
        assert!(Instant::now() < deadline, "no copy saved at {}", copy.display());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(std::fs::read(&copy).expect("copy"), std::fs::read(&letters[0]).expect("kept"));
    d.client.clone().close().await.expect("close session");
}

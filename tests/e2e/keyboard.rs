//! The main job with the keyboard alone, in the real window: a new client,
//! an invoice issued a month ago, a part payment, then Today, the reminder's
//! preview and sending it to a real SMTP server. Every step is reached with
//! Tab (focus visible on the element the test names, judged while the
//! window has the display's focus: tests running side by side share one X
//! display, and an inactive window matches no `:focus`) and done with Enter
//! or typed text; no click and no script sets a value.

use super::{kindly, start_in, wait, wait_text, Client};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use kindly_tests::binary;
use kindly_tests::smtp::{test_ca, SmtpServer, PASSWORD, USER};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Presses keys as a person would: each down then up, to whatever has focus.
async fn keys(c: &Client, keys: &[char]) {
    let mut seq = KeyActions::new("keyboard".to_string());
    for &k in keys {
        seq = seq.then(KeyAction::Down { value: k }).then(KeyAction::Up { value: k });
    }
    c.perform_actions(seq).await.expect("keys");
}

async fn type_text(c: &Client, text: &str) {
    keys(c, &text.chars().collect::<Vec<_>>()).await;
}

/// Replaces what the focused field holds (Ctrl+A, then typing).
async fn retype(c: &Client, text: &str) {
    let ctrl: char = Key::Control.into();
    let seq = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: ctrl })
        .then(KeyAction::Down { value: 'a' })
        .then(KeyAction::Up { value: 'a' })
        .then(KeyAction::Up { value: ctrl });
    c.perform_actions(seq).await.expect("select all");
    type_text(c, text).await;
}

async fn focused(c: &Client) -> (Option<String>, bool) {
    let v = c
        .execute(
            "const e = document.activeElement;
             // An inactive window (another test's window has the display's
             // focus) matches no :focus at all: nothing to judge then.
             const shows = !document.hasFocus() || (!!e && (e.matches(':focus-visible') || getComputedStyle(e).outlineStyle !== 'none'));
             return [e && e.dataset ? e.dataset.testid || null : null, shows];",
            vec![],
        )
        .await
        .expect("focus");
    (v[0].as_str().map(str::to_string), v[1].as_bool().unwrap_or(false))
}

/// Tabs forward until the element with this test id has the focus, and checks that the focus shows.
async fn tab_to(c: &Client, id: &str) {
    wait(c, id).await;
    let tab: char = Key::Tab.into();
    for _ in 0..250 {
        let (now, _) = focused(c).await;
        if now.as_deref() == Some(id) {
            // The browser decides `:focus-visible` as the focus settles; give it a moment.
            for _ in 0..60 {
                if focused(c).await.1 {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            let why = c
                .execute(
                    "const e = document.activeElement; const s = getComputedStyle(e);
                     return [document.documentElement.className, s.outlineStyle, s.outlineWidth, e.matches(':focus-visible')].join(' | ')",
                    vec![],
                )
                .await
                .ok();
            panic!("{id} has the focus but does not show it ({why:?})");
        }
        keys(c, &[tab]).await;
    }
    panic!("Tab never reached {id}");
}

/// Tabs to the element and presses Enter on it.
async fn activate(c: &Client, id: &str) {
    tab_to(c, id).await;
    keys(c, &[Key::Enter.into()]).await;
}

fn smtp_set(dir: &std::path::Path, port: u16) {
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, &test_ca().ca_pem).expect("write ca.pem");
    let port = port.to_string();
    let mut child = Command::new(binary("kindly"))
        .arg("--data-dir")
        .arg(dir)
        .args(["smtp", "set", "--host", "localhost", "--port", &port, "--username", USER])
        .args(["--from-name", "Ada Studio", "--from-address", "ada@example.com", "--password-stdin"])
        .arg("--trusted-cert")
        .arg(&ca)
        .env_remove("KINDLY_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("kindly smtp set");
    child.stdin.take().expect("stdin").write_all(PASSWORD.as_bytes()).expect("password");
    assert!(child.wait().expect("wait").success(), "smtp set failed");
}

#[tokio::test(flavor = "multi_thread")]
async fn client_invoice_payment_today_preview_and_send_with_the_keyboard_alone() {
    let srv = SmtpServer::start("normal");
    let data = tempfile::tempdir().expect("tempdir");
    kindly_tests::business_profile_cli(data.path());
    kindly(data.path(), &["clients", "add", "--name", "Existing Client"]);
    smtp_set(data.path(), srv.port);
    let issued = (chrono::Local::now().date_naive() - chrono::Days::new(30)).to_string();

    let d = start_in(data).await;
    let c = &d.client;
    wait(c, "overview").await;

    // A new client.
    activate(c, "nav-clients").await;
    activate(c, "new-client").await;
    tab_to(c, "client-display-name").await;
    type_text(c, "Keyboard Käthe").await;
    tab_to(c, "client-emails").await;
    type_text(c, "kaethe@example.com").await;
    activate(c, "client-save").await;
    wait_text(c, "client-name", "Keyboard Käthe").await;

    // An invoice issued thirty days ago on the default 14-day terms: overdue.
    activate(c, "client-new-invoice").await;
    tab_to(c, "invoice-issue-date").await;
    retype(c, &issued).await;
    tab_to(c, "line-description").await;
    type_text(c, "Design work").await;
    tab_to(c, "line-unit-price").await;
    type_text(c, "300").await;
    wait_text(c, "totals-total", "€300.00").await;
    activate(c, "invoice-save-issue").await;
    wait_text(c, "invoice-outstanding", "€300.00").await;

    // A part payment.
    activate(c, "record-payment").await;
    tab_to(c, "payment-amount").await;
    retype(c, "100").await;
    activate(c, "payment-save").await;
    wait_text(c, "invoice-outstanding", "€200.00").await;

    // Today: the reminder, its preview, and sending it.
    activate(c, "nav-today").await;
    activate(c, "queue-row").await;
    wait(c, "message-preview").await;
    wait_text(c, "preview-body", "200.00").await;
    activate(c, "queue-send-email").await;

    let deadline = Instant::now() + Duration::from_secs(20);
    while srv.messages().is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let sent = srv.messages();
    assert_eq!(sent.len(), 1, "one reminder reached the server");
    let text = String::from_utf8_lossy(&sent[0]);
    assert!(text.contains("kaethe@example.com"), "sent to the new client");
    d.client.clone().close().await.expect("close session");
}

//! End to end: set up the e-mail account in Settings → E-mail (password into
//! the real keychain, the test CA as trusted certificate), send a test
//! e-mail, then "Send all e-mails" from Today against the real SMTP test
//! server (STARTTLS + AUTH), and see the message as sent in the outbox.

use super::{click, fill, kindly, start_in, wait, wait_text};
use fantoccini::{Client, Locator};
use kindly_tests::smtp::{test_ca, SmtpServer, PASSWORD, USER};
use mail_parser::MessageParser;
use std::time::{Duration, Instant};

/// Sets a field the way pasting does (value, then an input event): a PEM
/// typed key by key would take long and gain nothing.
async fn paste(c: &Client, id: &str, value: &str) {
    let e = wait(c, id).await;
    let arg = serde_json::to_value(&e).expect("element");
    c.execute(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
        vec![arg, serde_json::Value::String(value.to_string())],
    )
    .await
    .expect("paste");
}

async fn wait_messages(srv: &SmtpServer, n: usize) -> Vec<Vec<u8>> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let got = srv.messages();
        if got.len() >= n || Instant::now() > deadline {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn set_up_email_send_all_and_see_it_in_the_outbox() {
    let srv = SmtpServer::start("normal");
    let data = tempfile::tempdir().expect("tempdir");
    let client = kindly(
        data.path(),
        &["clients", "add", "--name", "Ana Lima", "--greeting", "Ana", "--email", "ana@example.com"],
    )["id"]
        .to_string();
    // Due two days ago by the real clock the app reads: today's step is the friendly e-mail reminder.
    let issue = (chrono::Local::now().date_naive() - chrono::Days::new(16)).to_string();
    let inv = kindly(
        data.path(),
        &[
            "invoices",
            "add",
            "--client",
            &client,
            "--currency",
            "EUR",
            "--issue-date",
            &issue,
            "--terms",
            "14",
            "--line",
            "Logo design;1;350;",
        ],
    );
    let number = inv["number"].as_str().expect("number").to_string();

    let d = start_in(data).await;
    let c = &d.client;

    // Before e-mail is set up, Today offers the way to Settings → E-mail.
    wait(c, "queue-row").await;
    click(c, "email-setup-link").await;
    wait(c, "email-settings").await;

    fill(c, "smtp-host", "localhost").await;
    fill(c, "smtp-port", &srv.port.to_string()).await;
    let security = wait(c, "smtp-security").await;
    assert_eq!(security.prop("value").await.expect("value").as_deref(), Some("starttls"));
    fill(c, "smtp-username", USER).await;
    fill(c, "smtp-password", PASSWORD).await;
    fill(c, "smtp-from-name", "Kindly Studio").await;
    fill(c, "smtp-from-address", "studio@example.com").await;
    click(c, "smtp-advanced").await;
    paste(c, "smtp-trusted-cert", &test_ca().ca_pem).await;
    click(c, "smtp-save").await;
    wait_text(c, "smtp-saved", "saved").await;
    wait_text(c, "smtp-password-status", "Saved in your system keychain").await;
    // The password box is emptied: the password lives only in the keychain.
    assert_eq!(wait(c, "smtp-password").await.prop("value").await.expect("value").as_deref(), Some(""));

    click(c, "smtp-test").await;
    wait_text(c, "smtp-test-result", "Test e-mail sent to studio@example.com").await;
    let got = wait_messages(&srv, 1).await;
    assert_eq!(got.len(), 1, "the test e-mail");

    // Today: send every e-mail due; the row leaves the queue once sent.
    click(c, "nav-today").await;
    wait_text(c, "send-all-emails", "Send all e-mails (1)").await;
    click(c, "send-all-emails").await;
    wait(c, "queue-empty").await;
    wait_text(c, "send-result", "1 sent").await;

    click(c, "nav-outbox").await;
    wait_text(c, "outbox-row", &number).await;
    wait_text(c, "outbox-state", "Sent").await;
    wait_text(c, "outbox-status", "Sent").await;
    let rows = c.find_all(Locator::Css("[data-testid=\"outbox-row\"]")).await.expect("rows");
    assert_eq!(rows.len(), 1);

    // Exactly one reminder reached the server (besides the test e-mail), for this invoice.
    let got = wait_messages(&srv, 2).await;
    let reminders: Vec<_> = got
        .iter()
        .map(|raw| MessageParser::default().parse(raw).expect("parse"))
        .filter(|m| m.subject() != Some("Kindly test e-mail"))
        .collect();
    assert_eq!(got.len(), 2, "the test e-mail and one reminder");
    assert_eq!(reminders.len(), 1);
    let m = &reminders[0];
    let text = format!("{}\n{}", m.subject().unwrap_or_default(), m.body_text(0).unwrap_or_default());
    assert!(text.contains(&number), "the reminder does not mention {number}:\n{text}");
    assert!(text.contains("Ana"), "the reminder does not greet Ana:\n{text}");
    d.client.clone().close().await.expect("close session");
}

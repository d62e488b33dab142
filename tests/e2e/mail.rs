//! End to end: set up the e-mail account in Settings → E-mail (password into
//! the real keychain, the test CA as trusted certificate), send a test
//! e-mail, then "Send all e-mails" from Today against the real SMTP test
//! server (STARTTLS + AUTH), and see the message as sent in the outbox.

use super::{add_invoice, click, fill, kindly, set_value, start_in, wait, wait_text};
use fantoccini::{Client, Locator};
use kindly_tests::smtp::{test_ca, SmtpServer, PASSWORD, USER};
use mail_parser::MessageParser;
use std::time::{Duration, Instant};

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

/// A client with this e-mail address and an invoice due two days ago by the
/// real clock the app reads (today's step: the friendly e-mail reminder).
/// Returns the invoice number.
fn seed(dir: &std::path::Path, name: &str, email: &str, amount: &str) -> String {
    seed_invoice(dir, name, email, amount)["number"].as_str().expect("number").to_string()
}

/// The same, returning the invoice as the CLI printed it.
fn seed_invoice(dir: &std::path::Path, name: &str, email: &str, amount: &str) -> serde_json::Value {
    let client = kindly(dir, &["clients", "add", "--name", name, "--email", email])["id"].to_string();
    add_invoice(dir, &client, 16, &format!("Logo design;1;{amount};"))
}

/// Fills Settings → E-mail for the test server and saves (the password goes to the keychain).
async fn set_up_email(c: &Client, port: u16) {
    fill(c, "smtp-host", "localhost").await;
    fill(c, "smtp-port", &port.to_string()).await;
    let security = wait(c, "smtp-security").await;
    assert_eq!(security.prop("value").await.expect("value").as_deref(), Some("starttls"));
    fill(c, "smtp-username", USER).await;
    fill(c, "smtp-password", PASSWORD).await;
    fill(c, "smtp-from-name", "Kindly Studio").await;
    fill(c, "smtp-from-address", "studio@example.com").await;
    click(c, "smtp-advanced").await;
    set_value(c, "smtp-trusted-cert", &test_ca().ca_pem).await;
    click(c, "smtp-save").await;
    wait_text(c, "smtp-saved", "saved").await;
    wait_text(c, "smtp-password-status", "Saved in your system keychain").await;
    // The password box is emptied: the password lives only in the keychain.
    assert_eq!(wait(c, "smtp-password").await.prop("value").await.expect("value").as_deref(), Some(""));
}

#[tokio::test(flavor = "multi_thread")]
async fn set_up_email_send_all_and_see_it_in_the_outbox() {
    let srv = SmtpServer::start("normal");
    let data = tempfile::tempdir().expect("tempdir");
    let number = seed(data.path(), "Ana Lima", "ana@example.com", "350");
    // Bob agreed to two installments, the first in three days: its heads-up is due today.
    let bob_inv = seed_invoice(data.path(), "Bob Baker", "bob@example.com", "600")["id"].to_string();
    // Agreed yesterday: the agreement was that day's contact, and a reminder
    // never follows a contact on the same day.
    let today = chrono::Local::now().date_naive();
    let first = (today + chrono::Days::new(3)).to_string();
    let yesterday = (today - chrono::Days::new(1)).to_string();
    let plan = kindly(
        data.path(),
        &["--today", &yesterday, "plans", "propose", "--invoice", &bob_inv, "--count", "2", "--first-date", &first],
    );
    kindly(data.path(), &["--today", &yesterday, "plans", "accept", &plan["id"].to_string(), "--how", "call"]);

    let d = start_in(data).await;
    let c = &d.client;

    // Before e-mail is set up, Today offers the way to Settings → E-mail.
    click(c, "nav-today").await;
    wait(c, "queue-row").await;
    click(c, "email-setup-link").await;
    wait(c, "email-settings").await;

    set_up_email(c, srv.port).await;

    click(c, "smtp-test").await;
    wait_text(c, "smtp-test-result", "Test e-mail sent to studio@example.com").await;
    let got = wait_messages(&srv, 1).await;
    assert_eq!(got.len(), 1, "the test e-mail");

    // Today: send every e-mail due; the row leaves the queue once sent.
    click(c, "nav-today").await;
    wait_text(c, "send-all-emails", "Send all e-mails (2)").await;
    // The installment's heads-up on its own, through the outbox; done once the server took it.
    wait_text(c, "installment-row", "Bob Baker").await;
    click(c, "installment-send").await;
    gone(c, "installment-row").await;
    let got = wait_messages(&srv, 2).await;
    assert_eq!(got.len(), 2, "the test e-mail and the heads-up");
    let heads_up = MessageParser::default().parse(&got[1]).expect("parse");
    let text = heads_up.body_text(0).unwrap_or_default().to_string();
    assert!(text.contains("Bob") && text.contains("€300.00") && text.contains("1 of 2"), "{text}");
    wait_text(c, "send-all-emails", "Send all e-mails (1)").await;
    // It asks first, naming the same number; the answer sends exactly that.
    click(c, "send-all-emails").await;
    wait_text(c, "send-all-confirm", "Send 1 e-mail").await;
    click(c, "send-all-confirm").await;
    wait(c, "queue-empty").await;
    wait_text(c, "send-result", "1 sent").await;

    click(c, "nav-outbox").await;
    wait_text(c, "outbox-row", &number).await;
    wait_text(c, "outbox-state", "Sent").await;
    wait_text(c, "outbox-status", "Sent").await;
    let rows = c.find_all(Locator::Css("[data-testid=\"outbox-row\"]")).await.expect("rows");
    assert_eq!(rows.len(), 2, "the heads-up and the reminder");

    // Exactly one reminder reached the server (besides the test e-mail and the heads-up), for this invoice.
    let got = wait_messages(&srv, 3).await;
    let reminders: Vec<_> = got
        .iter()
        .map(|raw| MessageParser::default().parse(raw).expect("parse"))
        .filter(|m| m.subject() != Some("Kindly test e-mail"))
        .filter(|m| m.to().and_then(|t| t.first()).and_then(|a| a.address()) == Some("ana@example.com"))
        .collect();
    assert_eq!(got.len(), 3, "the test e-mail, the heads-up and one reminder");
    assert_eq!(reminders.len(), 1);
    let m = &reminders[0];
    let text = format!("{}\n{}", m.subject().unwrap_or_default(), m.body_text(0).unwrap_or_default());
    assert!(text.contains(&number), "the reminder does not mention {number}:\n{text}");
    assert!(text.contains("€350.00"), "the reminder does not say the amount:\n{text}");
    d.client.clone().close().await.expect("close session");
}

/// Waits until no element with this test id is left.
async fn gone(c: &Client, id: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !c.find_all(Locator::Css(&format!("[data-testid=\"{id}\"]"))).await.expect("find_all").is_empty() {
        assert!(Instant::now() < deadline, "{id} is still shown");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Finds today's queue row showing this text (e.g. the amount: in a narrow
/// window the name column is cut off) and opens it.
async fn open_row(c: &Client, number: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let mut seen = Vec::new();
        for row in c.find_all(Locator::Css("[data-testid=\"queue-row\"]")).await.expect("rows") {
            let text = row.text().await.unwrap_or_default();
            if text.contains(number) {
                row.click().await.expect("open row");
                return;
            }
            seen.push(text);
        }
        assert!(Instant::now() < deadline, "no queue row for {number}: {seen:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The decisions the outbox asks for: a message the server may have received
/// before the connection dropped ("It arrived — mark as sent") and one it
/// refused ("Withdraw"), with the attention badge in the navigation.
#[tokio::test(flavor = "multi_thread")]
async fn uncertain_and_failed_messages_wait_for_a_decision_in_the_outbox() {
    let srv = SmtpServer::start("drop-after-data");
    let data = tempfile::tempdir().expect("tempdir");
    let ana = seed(data.path(), "Ana Lima", "ana@example.com", "350");
    let bob = seed(data.path(), "Bob Stone", "reject-bob@example.com", "120");

    let d = start_in(data).await;
    let c = &d.client;
    click(c, "nav-settings").await;
    click(c, "settings-page-email").await;
    set_up_email(c, srv.port).await;

    // One message from its preview: the server drops the line after taking it.
    click(c, "nav-today").await;
    open_row(c, "€350.00").await;
    wait_text(c, "preview-subject", &ana).await;
    // Before sending, the preview names the file the e-mail will carry.
    wait_text(c, "preview-attachments", &format!("Attached: {ana}.pdf")).await;
    click(c, "queue-send-email").await;
    wait_text(c, "preview-send-result", "1 may have been sent").await;
    click(c, "preview-close").await;
    wait_text(c, "email-state", "May have been sent").await;

    // The rest with "Send all": the server refuses Bob's address.
    wait_text(c, "send-all-emails", "Send all e-mails (1)").await;
    click(c, "send-all-emails").await;
    click(c, "send-all-confirm").await;
    wait_text(c, "send-result", "1 failed").await;
    wait_text(c, "outbox-attention", "2").await;
    assert_eq!(wait_messages(&srv, 1).await.len(), 1, "only Ana's message reached the server");

    click(c, "nav-outbox").await;
    click(c, "outbox-tab-attention").await;
    wait_text(c, "outbox-page", &bob).await;
    wait_text(c, "outbox-error", "").await;
    // Only the uncertain message offers "It arrived"; only the failed one (and none else) "Withdraw".
    assert_eq!(c.find_all(Locator::Css("[data-testid=\"outbox-confirm\"]")).await.expect("confirm").len(), 1);
    assert_eq!(c.find_all(Locator::Css("[data-testid=\"outbox-cancel\"]")).await.expect("cancel").len(), 1);
    click(c, "outbox-confirm").await;
    gone(c, "outbox-confirm").await;
    click(c, "outbox-cancel").await;
    wait(c, "outbox-empty").await;
    click(c, "outbox-tab-all").await;
    wait_text(c, "outbox-page", "Withdrawn").await;
    wait_text(c, "outbox-page", "Sent").await;
    // Nothing waits for a decision any more: the badge is gone.
    gone(c, "outbox-attention").await;
    let got: Vec<String> =
        srv.messages().iter().map(|m| String::from_utf8_lossy(&m[..m.len().min(600)]).into_owned()).collect();
    assert_eq!(got.len(), 1, "confirming or withdrawing sent nothing: {got:#?}");
    d.client.clone().close().await.expect("close session");
}

/// "Send all" on a batch shows its progress message by message, and Cancel
/// stops it after the message in flight: the rest is withdrawn, not sent,
/// and the outbox says so.
#[tokio::test(flavor = "multi_thread")]
async fn a_batch_shows_its_progress_and_can_be_cancelled() {
    let srv = SmtpServer::start("slow");
    let data = tempfile::tempdir().expect("tempdir");
    for (name, email) in [
        ("Ana Lima", "ana@example.com"),
        ("Bob Baker", "bob@example.com"),
        ("Chloé Durand", "chloe@example.com"),
        ("Dev Patel", "dev@example.com"),
        ("Eva Novak", "eva@example.com"),
    ] {
        seed(data.path(), name, email, "120");
    }
    let d = start_in(data).await;
    let c = &d.client;
    click(c, "nav-today").await;
    wait(c, "queue-row").await;
    click(c, "email-setup-link").await;
    set_up_email(c, srv.port).await;

    click(c, "nav-today").await;
    wait_text(c, "send-all-emails", "Send all e-mails (5)").await;
    click(c, "send-all-emails").await;
    click(c, "send-all-confirm").await;
    // Each message takes the server a second: the bar shows where the batch is.
    wait_text(c, "send-progress", "of 5").await;
    click(c, "send-cancel").await;
    wait_text(c, "send-result", "withdrawn").await;
    let sent = srv.messages().len();
    assert!((1..5).contains(&sent), "cancel stops the batch after the message in flight; {sent} reached the server");
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(srv.messages().len(), sent, "nothing more goes out after Cancel");

    click(c, "nav-outbox").await;
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let mut withdrawn = 0;
        for e in c.find_all(Locator::Css("[data-testid=\"outbox-status\"]")).await.expect("rows") {
            if e.text().await.unwrap_or_default().contains("Withdrawn") {
                withdrawn += 1;
            }
        }
        if withdrawn == 5 - sent {
            break;
        }
        assert!(Instant::now() < deadline, "{withdrawn} withdrawn in the outbox, expected {}", 5 - sent);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    d.client.clone().close().await.expect("close session");
}

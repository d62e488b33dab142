//! E-mail reminders end to end below the window: a real SMTP server on
//! loopback (aiosmtpd, STARTTLS + AUTH), the real Secret Service
//! (gnome-keyring on a private D-Bus session, as scripts/test.sh starts it),
//! real SQLite files. Received messages are parsed and checked; every fault
//! the issue names is provoked for real.

use kindly_api::mail::{self, SmtpSettingsInput};
use kindly_api::outbox::{self, OutboxActionRequest, OutboxRequest, QueueEmailsRequest, SendReport};
use kindly_api::ErrorCode;
use kindly_api::{ApiError, Ctx};
use kindly_store::Store;
use kindly_tests::smtp::{closed_port, test_ca, SmtpServer, PASSWORD, USER};
use kindly_tests::{client_input, create_client, create_invoice, issued_invoice, line, open_business_db};
use mail_parser::{MessageParser, MimeHeaders};
use sha2::Digest;
use std::sync::atomic::AtomicBool;
use std::sync::OnceLock;

/// 2026-11-21: two days after the due date, so the "reminder" stage (an e-mail) is due.
fn ctx(store: &Store) -> Ctx<'_> {
    kindly_tests::on(store, "2026-11-21")
}

fn fonts() -> &'static kindly_pdf::Fonts {
    static F: OnceLock<kindly_pdf::Fonts> = OnceLock::new();
    F.get_or_init(|| kindly_pdf::Fonts::load().expect("fonts"))
}

async fn client(c: Ctx<'_>, name: &str, email: &str) -> i64 {
    create_client(c, &client_input(name, if email.is_empty() { vec![] } else { vec![email.to_string()] })).await
}

async fn invoice(c: Ctx<'_>, client_id: i64, price: &str) -> i64 {
    let lines = vec![line("Design work", "1", price, "")];
    create_invoice(c, &issued_invoice(client_id, "2026-10-20", "2026-11-19", "EUR", lines)).await
}

/// A keychain account unique to this test, so parallel tests do not share passwords.
fn user(tag: &str) -> String {
    format!("{USER}+{tag}")
}

fn settings(port: u16, username: &str, password: Option<&str>, trust: bool) -> SmtpSettingsInput {
    SmtpSettingsInput {
        host: "localhost".into(),
        port: port.into(),
        security: kindly_mail::Security::Starttls,
        username: username.into(),
        from_name: "Ada Studio".into(),
        from_address: "ada@example.com".into(),
        reply_to: "billing@example.com".into(),
        bcc_self: false,
        trusted_certificate: if trust { test_ca().ca_pem.clone() } else { String::new() },
        timeout_secs: Some(2),
        password: password.map(mail::Secret::from),
    }
}

async fn send(c: Ctx<'_>) -> SendReport {
    let never = AtomicBool::new(false);
    outbox::send_queued(c, &chrono::Utc::now, None, &mut |_| {}, &never).await.expect("send")
}

async fn states(c: Ctx<'_>) -> Vec<String> {
    let p = outbox::list(c, &OutboxRequest::default()).await.expect("list");
    p.rows.into_iter().map(|r| r.state.as_str().to_string()).collect()
}

/// The test server accepts only user "kindly"; per-test keychain accounts are
/// mapped to it by giving every test its own server user name.
fn server_for(_tag: &str, mode: &str) -> SmtpServer {
    SmtpServer::start(mode)
}

#[tokio::test]
async fn reminder_goes_out_once_with_both_parts_and_the_invoice_pdf() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let srv = server_for("happy", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.expect("save smtp");
    let bob = client(c, "Bob <b>Builder</b> & Co", "bob@example.net").await;
    let inv = invoice(c, bob, "1200.50").await;

    let q = outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.expect("queue");
    assert_eq!(q.queued.len(), 1, "{:?}", q.skipped);
    // A double click: the same stage cannot be queued twice.
    let again = outbox::queue_emails(c, fonts(), &QueueEmailsRequest { invoice_ids: vec![inv], ..Default::default() })
        .await
        .unwrap();
    assert!(again.queued.is_empty());
    assert_eq!(again.skipped[0].code, "already_queued");

    let r = send(c).await;
    assert_eq!((r.sent, r.failed, r.uncertain, r.stopped.as_ref().map(|e| e.code)), (1, 0, 0, None));
    let got = srv.messages();
    assert_eq!(got.len(), 1);
    let m = MessageParser::default().parse(&got[0]).expect("parse");
    let row = &outbox::list(c, &OutboxRequest::default()).await.unwrap().rows[0];
    assert_eq!(row.state, "sent");
    assert_eq!(m.message_id(), Some(row.message_id.as_str()));
    assert_eq!(m.from().and_then(|a| a.first()).and_then(|a| a.address()), Some("ada@example.com"));
    assert_eq!(m.to().and_then(|a| a.first()).and_then(|a| a.address()), Some("bob@example.net"));
    assert_eq!(m.reply_to().and_then(|a| a.first()).and_then(|a| a.address()), Some("billing@example.com"));
    let text = m.body_text(0).expect("text part");
    let html = m.body_html(0).expect("html part");
    assert!(text.contains("INV-2026-0001") && text.contains("1,200.50"), "{text}");
    assert!(text.contains("Bob"), "greets the client by name: {text}");
    assert!(html.contains("INV-2026-0001") && !html.contains("<b>Builder</b>"), "HTML escaped: {html}");
    let pdf = m.attachments().next().expect("attachment");
    assert_eq!(pdf.attachment_name(), Some("INV-2026-0001.pdf"));
    assert!(pdf.contents().starts_with(b"%PDF-"));

    // The timeline holds the full message, its recipients and time; the stage is done.
    let tl = e.store.client_timeline(bob, 50).await.expect("timeline");
    let sent = tl.iter().find(|t| t.data["channel"] == "email").expect("timeline entry");
    assert_eq!(sent.data["message_id"], row.message_id.as_str());
    assert_eq!(sent.data["body"].as_str().map(|b| b.contains("INV-2026-0001")), Some(true));
    assert_eq!(sent.data["to"][0], "Bob <b>Builder</b> & Co <bob@example.net>");
    assert_eq!(e.store.steps(inv).await.unwrap().len(), 1);
    // Nothing left to send, nothing due: a second run sends nothing.
    assert_eq!(send(c).await.sent, 0);
    assert_eq!(srv.messages().len(), 1);
    let q = outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap();
    assert!(q.queued.is_empty());
    // The .eml copy is the exact message sent, with its SHA-256 in the timeline.
    let file = &sent.data["files"][0];
    let eml = std::fs::read(file["path"].as_str().expect("eml path")).expect("eml copy");
    let sha = format!("{:x}", sha2::Sha256::digest(&eml));
    assert_eq!(file["sha256"].as_str(), Some(sha.as_str()));
    let copy = MessageParser::default().parse(&eml).expect("parse copy");
    assert_eq!(copy.message_id(), m.message_id());
    // Byte for byte what the server stored (it prefixes its two X-Envelope lines):
    // regression test, the server used to get one more empty line than the copy.
    let stored = received_content(&got[0]);
    assert_eq!(stored.len(), eml.len(), "server and copy differ in length");
    assert!(stored == eml.as_slice(), "the .eml copy is not what the server received");
    assert_eq!(format!("{:x}", sha2::Sha256::digest(stored)), sha);
    // The evidence dossier carries the sent message: listed with its hash, the .eml in the zip.
    let req = kindly_api::dossier::DossierRequest { client_id: bob, ..Default::default() };
    let d = kindly_api::dossier::export(c, fonts(), &req).await.expect("dossier");
    let listed = d.files.iter().find(|f| f.sha256 == sha).expect("sent e-mail listed in the dossier");
    assert_eq!((listed.kind.as_str(), listed.status.as_str()), ("eml", "ok"));
    assert!(listed.in_zip.is_some());
}

/// The message as the test server received it, without the two
/// `X-Envelope-*` lines it writes first.
fn received_content(stored: &[u8]) -> &[u8] {
    let mut rest = stored;
    for _ in 0..2 {
        let end = rest.windows(2).position(|w| w == b"\r\n").expect("envelope line");
        assert!(rest.starts_with(b"X-Envelope-"));
        rest = &rest[end + 2..];
    }
    rest
}

#[tokio::test]
async fn password_lives_only_in_the_keychain() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let account_user = user("keychain-only");
    let secret = "Unique-Pa55word-4-keychain-test";
    let v = mail::save(c, &settings(2525, &account_user, Some(secret), false)).await.expect("save");
    assert!(v.password_saved && v.keychain_problem.is_none());
    // Not in the IPC response, not in the database file, not in the WAL.
    assert!(!serde_json::to_string(&v).unwrap().contains(secret));
    e.store.clone().close().await;
    for f in std::fs::read_dir(e.dir.path()).unwrap() {
        let bytes = std::fs::read(f.unwrap().path()).unwrap_or_default();
        assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "password found on disk");
    }
    // In the Secret Service, under Kindly's service name.
    let out = std::process::Command::new("secret-tool")
        .args(["lookup", "service", kindly_mail::secrets::SERVICE, "username", &format!("{account_user}@localhost")])
        .output()
        .expect("secret-tool");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), secret);
    let store = Store::open(&e.dir.path().join("kindly.db")).await.unwrap();
    let v = mail::forget_password(ctx(&store)).await.unwrap();
    assert!(!v.password_saved);
}

#[tokio::test]
async fn no_keychain_is_a_clear_error_and_nothing_is_saved() {
    // A child process without a session bus: the CLI must refuse, say why, and save nothing.
    let e = open_business_db().await;
    let out = std::process::Command::new(kindly_tests::binary("kindly"))
        .args(["--json", "--data-dir"])
        .arg(e.dir.path())
        .args([
            "smtp",
            "set",
            "--host",
            "localhost",
            "--username",
            "u",
            "--from-name",
            "A",
            "--from-address",
            "a@example.com",
            "--password-stdin",
        ])
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/kindly-test-bus")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut ch| {
            use std::io::Write;
            ch.stdin.take().unwrap().write_all(b"pw-never-stored\n")?;
            ch.wait_with_output()
        })
        .expect("run kindly");
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json error");
    assert_eq!(v["error"]["code"], "keychain_unavailable", "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("keychain"));
    assert!(mail::load(ctx(&e.store)).await.unwrap().is_none(), "settings must not be saved");
}

#[tokio::test]
async fn server_down_wrong_password_and_untrusted_certificate_keep_the_queue() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let bob = client(c, "Bob", "bob@example.net").await;
    invoice(c, bob, "100").await;
    let srv = server_for("faults", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
    outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap();

    // Server down.
    mail::save(c, &settings(closed_port(), USER, None, true)).await.unwrap();
    let r = send(c).await;
    assert_eq!(r.stopped.map(|e| e.code), Some(ErrorCode::SmtpConnect));
    // Wrong password (a different account in the keychain).
    mail::save(c, &settings(srv.port, &user("wrong"), Some("not-the-password"), true)).await.unwrap();
    let r = send(c).await;
    let err = r.stopped.expect("stopped");
    assert_eq!(err.code, "smtp_auth");
    assert!(!err.message.contains("not-the-password"), "no secret in messages: {}", err.message);
    // Untrusted certificate (the test CA is not trusted).
    mail::save(c, &settings(srv.port, USER, None, false)).await.unwrap();
    let r = send(c).await;
    assert_eq!(r.stopped.map(|e| e.code), Some(ErrorCode::SmtpCertificate));
    // The test e-mail says the same, step by step.
    let t = mail::send_test(c, None).await.unwrap_err();
    assert_eq!(t.code, "smtp_certificate");
    // Nothing was handed over, nothing lost: still queued, and it goes out once fixed.
    assert_eq!(states(c).await, vec!["queued"]);
    assert!(srv.messages().is_empty());
    mail::save(c, &settings(srv.port, USER, None, true)).await.unwrap();
    assert_eq!(send(c).await.sent, 1);
    assert_eq!(srv.messages().len(), 1);
}

#[tokio::test]
async fn a_silent_server_times_out_without_losing_the_message() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let bob = client(c, "Bob", "bob@example.net").await;
    invoice(c, bob, "100").await;
    let ok = server_for("silent-ok", "normal");
    mail::save(c, &settings(ok.port, USER, Some(PASSWORD), true)).await.unwrap();
    outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap();
    let silent = server_for("silent", "silent");
    mail::save(c, &settings(silent.port, USER, None, true)).await.unwrap();
    let started = std::time::Instant::now();
    let r = send(c).await;
    assert_eq!(r.stopped.map(|e| e.code), Some(ErrorCode::SmtpTimeout));
    assert!(started.elapsed().as_secs() < 30, "bounded by the deadline");
    assert_eq!(states(c).await, vec!["queued"]);
}

#[tokio::test]
async fn connection_dropped_after_data_is_flagged_not_resent() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let bob = client(c, "Bob", "bob@example.net").await;
    let inv = invoice(c, bob, "100").await;
    let srv = server_for("drop", "drop-after-data");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
    outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap();
    let r = send(c).await;
    assert_eq!((r.sent, r.uncertain), (0, 1));
    assert_eq!(srv.messages().len(), 1, "the server did get it");
    // Never resent automatically.
    assert_eq!(send(c).await.sent, 0);
    assert_eq!(srv.messages().len(), 1);
    let row = &outbox::list(c, &OutboxRequest::default()).await.unwrap().rows[0];
    assert_eq!(row.state, "uncertain");
    assert!(row.status_text.starts_with("May have been sent at"), "{}", row.status_text);
    let why = row.error.as_deref().unwrap_or_default();
    assert!(why.contains("may have been sent") && !why.contains("will try again"), "{why}");
    // The user checked their sent folder: it arrived.
    let done = outbox::act(c, &OutboxActionRequest { id: row.id, action: "confirm_sent".into() }).await.unwrap();
    assert_eq!(done.state, "sent");
    assert_eq!(e.store.steps(inv).await.unwrap().len(), 1);
}

#[tokio::test]
async fn connection_dropped_during_data_can_be_resent_by_the_user() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let bob = client(c, "Bob", "bob@example.net").await;
    invoice(c, bob, "100").await;
    let good = server_for("drop-during-ok", "normal");
    mail::save(c, &settings(good.port, USER, Some(PASSWORD), true)).await.unwrap();
    outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap();
    // A relay on this computer that drops the connection in the middle of the message.
    let bad = server_for("drop-during", "drop-mid-message");
    let mut plain = settings(bad.port, "", None, false);
    plain.security = kindly_mail::Security::Plain;
    plain.host = "127.0.0.1".into();
    mail::save(c, &plain).await.unwrap();
    let r = send(c).await;
    assert_eq!(r.uncertain, 1);
    assert!(bad.messages().is_empty());
    mail::save(c, &settings(good.port, USER, None, true)).await.unwrap();
    let id = outbox::list(c, &OutboxRequest::default()).await.unwrap().rows[0].id;
    outbox::act(c, &OutboxActionRequest { id, action: "resend".into() }).await.unwrap();
    assert_eq!(send(c).await.sent, 1);
    let got = good.messages();
    assert_eq!(got.len(), 1);
    // The same message: the same Message-ID as the first attempt.
    let m = MessageParser::default().parse(&got[0]).unwrap();
    let row = outbox::list(c, &OutboxRequest::default()).await.unwrap().rows.remove(0);
    assert_eq!(m.message_id(), Some(row.message_id.as_str()));
}

#[tokio::test]
async fn a_rejected_recipient_fails_alone_and_the_batch_goes_on() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let a = client(c, "Alice", "reject-alice@example.net").await;
    let b = client(c, "Bob", "bob@example.net").await;
    let nomail = client(c, "Carol", "").await;
    invoice(c, a, "100").await;
    invoice(c, b, "200").await;
    invoice(c, nomail, "300").await;
    let srv = server_for("reject", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
    let q = outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap();
    // Carol has no e-mail address: her step is a letter, not queued here.
    assert_eq!(q.queued.len(), 2);
    let r = send(c).await;
    assert_eq!((r.sent, r.failed), (1, 1));
    let rows = outbox::list(c, &OutboxRequest { states: vec!["failed".into()], ..Default::default() }).await.unwrap();
    assert_eq!(rows.rows[0].error_code.as_deref(), Some("smtp_recipient_rejected"));
    assert_eq!(srv.messages().len(), 1);
}

#[tokio::test]
async fn an_invoice_paid_while_queued_is_never_chased() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let bob = client(c, "Bob", "bob@example.net").await;
    let inv = invoice(c, bob, "100").await;
    let srv = server_for("paid", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
    outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap();
    let pay = kindly_api::payments::PaymentInput {
        invoice_id: inv,
        amount: "100".into(),
        date: "2026-11-21".into(),
        method: kindly_core::payment::PaymentMethod::BankTransfer,
        reference: String::new(),
    };
    kindly_api::payments::record(c, &pay).await.unwrap();
    assert_eq!(send(c).await.sent, 0);
    assert!(srv.messages().is_empty());
    assert_eq!(states(c).await, vec!["cancelled"]);
}

#[tokio::test]
async fn header_injection_and_bad_addresses_are_refused_before_sending() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let mut s = settings(2525, USER, None, false);
    s.from_name = "Ada\r\nBcc: everyone@example.org".into();
    let err: ApiError = mail::save(c, &s).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.field.as_deref()), ("control_characters", Some("from_name")));
    let mut s = settings(2525, USER, None, false);
    s.from_address = "ada at example".into();
    let err = mail::save(c, &s).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.field.as_deref()), ("invalid_email", Some("from_address")));
    let mut s = settings(2525, USER, None, false);
    s.security = kindly_mail::Security::Plain;
    s.host = "smtp.example.com".into();
    assert_eq!(mail::save(c, &s).await.unwrap_err().code, "smtp_tls");
    assert!(mail::load(c).await.unwrap().is_none());
}

/// The app killed mid-batch, again and again: `kindly emails send` is
/// started and SIGKILLed at a random moment, `KINDLY_KILL_RUNS` times (50 by
/// default), then allowed to finish. The server must have received each
/// message at most once; every message is either received and `sent`, or
/// not received and still queued or flagged `uncertain` for the user
/// (never silently lost); an `uncertain` one is never resent by itself.
#[tokio::test(flavor = "multi_thread")]
async fn killed_mid_batch_fifty_times_never_sends_twice_and_loses_nothing() {
    const MESSAGES: usize = 300;
    let runs: usize = std::env::var("KINDLY_KILL_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    let e = open_business_db().await;
    let srv = server_for("kill", "normal");
    {
        let c = ctx(&e.store);
        mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
        for i in 0..MESSAGES {
            let id = client(c, &format!("Client {i:03}"), &format!("client{i:03}@example.net")).await;
            invoice(c, id, "250").await;
        }
        let q = outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap();
        assert_eq!(q.queued.len(), MESSAGES, "{:?}", q.skipped);
    }
    let kindly = kindly_tests::binary("kindly");
    let send = || {
        std::process::Command::new(&kindly)
            .args(["--today", "2026-11-21", "--data-dir"])
            .arg(e.dir.path())
            .args(["emails", "send"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start kindly")
    };
    // Each run is killed once the server has taken 1–4 more messages, plus
    // 0–15 ms: so every kill lands mid-batch whatever the machine's speed,
    // at a varying point (mid-message, or between the server's 250 and the
    // outbox's commit). A fixed xorshift sequence keeps runs reproducible.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut killed = 0;
    for _ in 0..runs {
        let (more, jitter) = (1 + next() % 4, next() % 16);
        let target = srv.count() + more as usize;
        let mut child = send();
        let started = std::time::Instant::now();
        while srv.count() < target && started.elapsed().as_secs() < 30 {
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        std::thread::sleep(std::time::Duration::from_millis(jitter));
        if child.try_wait().expect("wait").is_none() {
            child.kill().expect("kill");
            killed += 1;
        }
        let _ = child.wait();
    }
    // Then the outbox resumes and runs to the end.
    let status = send().wait().expect("final run");
    assert!(status.success());

    let received: Vec<String> = srv
        .messages()
        .iter()
        .map(|raw| MessageParser::default().parse(raw).and_then(|m| m.message_id().map(str::to_string)).unwrap())
        .collect();
    let mut unique = received.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), received.len(), "a message was received twice");
    let rows = outbox::list(ctx(&e.store), &OutboxRequest { limit: 1000, ..Default::default() }).await.unwrap().rows;
    assert_eq!(rows.len(), MESSAGES);
    let (mut sent, mut flagged) = (0, 0);
    for r in &rows {
        let got = received.contains(&r.message_id);
        match r.state.as_str() {
            "sent" => {
                assert!(got, "{} is marked sent but the server never received it", r.message_id);
                sent += 1;
            }
            "uncertain" => flagged += 1,
            other => panic!("{} ended as {other}: every message is sent or flagged", r.message_id),
        }
    }
    // Every run was killed while the batch was still going, and each
    // uncertain message was cut off by a kill (at most one per kill).
    assert_eq!(killed, runs, "the batch finished before the last kill: queue more messages");
    assert!(flagged <= killed);
    println!(
        "kill-and-restart: {runs} runs, {killed} killed mid-batch, {} received, 0 duplicates, {sent} sent, {flagged} flagged \"may have been sent\"",
        received.len()
    );
}

/// A locked keychain (locked over D-Bus, as the screen locker does) gives a
/// clear error, and Kindly never falls back to another place for the
/// password. Runs on its own private session bus so that locking does not
/// disturb the other tests.
#[test]
fn a_locked_keychain_is_explained_and_nothing_falls_back() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let run = tmp.path().join("run");
    std::fs::create_dir_all(&run).unwrap();
    let data = tmp.path().join("data-dir");
    let script = r#"
        printf %s test | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 90
        printf 'pw-locked-away' | "$K" --data-dir "$D" smtp set --host localhost --username u1 \
            --from-name A --from-address a@example.com --password-stdin >/dev/null || exit 91
        dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
            org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null || exit 92
        "$K" --json --data-dir "$D" smtp show
        "$K" --json --data-dir "$D" smtp test
        echo "exit=$?"
    "#;
    let out = std::process::Command::new("dbus-run-session")
        .args(["--", "sh", "-c", script])
        .env("K", kindly_tests::binary("kindly"))
        .env("D", &data)
        .env("XDG_RUNTIME_DIR", &run)
        .env("XDG_DATA_HOME", tmp.path().join("xdg-data"))
        .env("XDG_CONFIG_HOME", tmp.path().join("xdg-config"))
        .env("XDG_CACHE_HOME", tmp.path().join("xdg-cache"))
        .env_remove("DISPLAY")
        .output()
        .expect("dbus-run-session");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("\"password_saved\": false"), "{stdout}");
    assert!(stdout.contains("The system keychain is locked"), "{stdout}");
    // Sending needs the password: refused with the reason, exit code 2.
    assert!(stdout.contains("\"code\":\"keychain_locked\"") && stdout.contains("exit=2"), "{stdout}");
    // Nothing fell back to the data folder.
    for f in std::fs::read_dir(&data).unwrap() {
        let bytes = std::fs::read(f.unwrap().path()).unwrap_or_default();
        assert!(!bytes.windows(14).any(|w| w == b"pw-locked-away"));
    }
}

/// The most formal step, here the final notice moved to e-mail, carries
/// the reminder letter as well as the invoice: the same letter as printed,
/// with the amount still owing and the payment QR caption.
#[tokio::test]
async fn a_final_notice_by_e_mail_attaches_the_reminder_letter() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let srv = server_for("final", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
    let mut ladder = kindly_api::followups::get_ladder(c).await.unwrap();
    for s in &mut ladder.stages {
        s.channel = kindly_followup::ladder::Channel::Email;
    }
    kindly_api::followups::save_ladder(c, &ladder).await.unwrap();
    let bob = client(c, "Bob Baker", "bob@example.net").await;
    let bobs = invoice(c, bob, "640.25").await;
    let cara = client(c, "Cara Diaz", "cara@example.net").await;
    let caras = invoice(c, cara, "99").await;

    // Bob's at the reminder (friendly): the invoice alone.
    let q = outbox::queue_emails(c, fonts(), &QueueEmailsRequest { invoice_ids: vec![bobs], ..Default::default() })
        .await
        .unwrap();
    assert_eq!(q.queued.len(), 1, "{:?}", q.skipped);
    assert_eq!(send(c).await.sent, 1);
    // Cara's, 31 days late: the final notice, with the letter.
    let late = kindly_tests::on(&e.store, "2026-12-20");
    let q = outbox::queue_emails(late, fonts(), &QueueEmailsRequest { invoice_ids: vec![caras], ..Default::default() })
        .await
        .unwrap();
    assert_eq!(q.queued.len(), 1, "{:?}", q.skipped);
    assert_eq!(send(late).await.sent, 1);

    let got = srv.messages();
    let parsed: Vec<_> = got.iter().map(|m| MessageParser::default().parse(m).unwrap()).collect();
    let names = |to: &str| -> Vec<String> {
        let m = parsed
            .iter()
            .find(|m| m.to().and_then(|a| a.first()).and_then(|a| a.address()) == Some(to))
            .expect("message");
        m.attachments().map(|a| a.attachment_name().unwrap_or_default().to_string()).collect()
    };
    assert_eq!(names("bob@example.net"), vec!["INV-2026-0001.pdf"]);
    assert_eq!(names("cara@example.net"), vec!["INV-2026-0002.pdf", "Reminder-INV-2026-0002.pdf"]);
    let m = parsed.iter().find(|m| m.attachments().count() == 2).unwrap();
    let letter = m.attachments().nth(1).unwrap();
    let path = e.dir.path().join("letter.pdf");
    std::fs::write(&path, letter.contents()).unwrap();
    let text = kindly_tests::pdftotext(path.to_str().unwrap());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for must in ["Cara", "INV-2026-0002", "99.00", "1 Main Street"] {
        assert!(flat.contains(must), "reminder letter lacks {must:?}:\n{text}");
    }
}

/// An installment plan proposal goes out through the same outbox: the
/// proposal text with the agreement letter PDF, once, without completing a
/// ladder stage of the invoice.
#[tokio::test]
async fn a_plan_proposal_is_e_mailed_once_with_the_agreement_letter() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let srv = server_for("plan", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
    let bob = client(c, "Bob Baker", "bob@example.net").await;
    let inv = invoice(c, bob, "900").await;
    let input = kindly_api::plans::PlanInput {
        invoice_ids: vec![inv],
        count: "3".into(),
        frequency: kindly_followup::plan::schedule::Frequency::Monthly,
        first_date: "2026-12-01".into(),
        ..Default::default()
    };
    let plan = kindly_api::plans::propose(c, &input).await.expect("propose");
    let id = outbox::queue_plan_proposal(c, fonts(), plan.id).await.expect("queue proposal");
    assert_eq!(outbox::queue_plan_proposal(c, fonts(), plan.id).await.unwrap_err().code, "already_queued");
    let never = AtomicBool::new(false);
    let r = outbox::send_queued(c, &chrono::Utc::now, Some(&[id]), &mut |_| {}, &never).await.unwrap();
    assert_eq!(r.sent, 1);
    let got = srv.messages();
    assert_eq!(got.len(), 1);
    let m = MessageParser::default().parse(&got[0]).unwrap();
    let text = m.body_text(0).unwrap();
    assert!(text.contains("Bob") && text.contains("300.00"), "{text}");
    let pdf = m.attachments().next().expect("agreement letter");
    assert!(pdf.contents().starts_with(b"%PDF-"));
    // The ladder is untouched: the reminder stage is still due and can go out as usual.
    assert!(e.store.steps(inv).await.unwrap().is_empty());
}

/// A temporary refusal (451) is retried after the backoff, not marked
/// failed, and goes out once its time has come.
#[tokio::test]
async fn a_busy_server_is_retried_after_the_backoff() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let bob = client(c, "Bob", "bob@example.net").await;
    invoice(c, bob, "100").await;
    let srv = server_for("busy", "busy-once");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
    outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap();
    let never = AtomicBool::new(false);
    let t0 = chrono::Utc::now();
    let r = outbox::send_queued(c, &|| t0, None, &mut |_| {}, &never).await.unwrap();
    assert_eq!((r.sent, r.retrying, r.failed), (0, 1, 0));
    let row = outbox::list(c, &OutboxRequest::default()).await.unwrap().rows.remove(0);
    assert_eq!((row.state.as_str(), row.error_code.as_deref()), ("queued", Some("smtp_transient")));
    assert!(row.status_text.starts_with("Will try again at"), "{}", row.status_text);
    // Not before its time…
    let r = outbox::send_queued(c, &|| t0 + chrono::Duration::seconds(30), None, &mut |_| {}, &never).await.unwrap();
    assert_eq!(r.sent, 0);
    // …and then once.
    let r = outbox::send_queued(c, &|| t0 + chrono::Duration::minutes(2), None, &mut |_| {}, &never).await.unwrap();
    assert_eq!(r.sent, 1);
    assert_eq!(srv.messages().len(), 1);
}

/// Implicit TLS (the port-465 style) with the same checks: the message goes
/// out once and the server's certificate must be trusted.
#[tokio::test]
async fn implicit_tls_works_and_checks_the_certificate() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let bob = client(c, "Bob", "bob@example.net").await;
    invoice(c, bob, "100").await;
    let srv = server_for("implicit", "implicit-tls");
    let mut s = settings(srv.port, USER, Some(PASSWORD), false);
    s.security = kindly_mail::Security::Tls;
    mail::save(c, &s).await.unwrap();
    outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap();
    assert_eq!(send(c).await.stopped.map(|e| e.code), Some(ErrorCode::SmtpCertificate));
    s.trusted_certificate = test_ca().ca_pem.clone();
    s.password = None;
    mail::save(c, &s).await.unwrap();
    let r = send(c).await;
    assert_eq!(r.sent, 1, "{r:?}");
    assert_eq!(srv.messages().len(), 1);
}

/// A server that offers no login method Kindly knows is reported as a login
/// problem to fix in the settings, not as a dropped connection to retry.
#[tokio::test]
async fn a_server_without_a_usable_login_method_is_a_settings_problem() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let relay = server_for("no-auth", "drop-mid-message");
    let mut s = settings(relay.port, &user("no-auth"), Some("pw"), false);
    s.security = kindly_mail::Security::Plain;
    s.host = "127.0.0.1".into();
    mail::save(c, &s).await.unwrap();
    let err = mail::send_test(c, None).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.field.as_deref()), ("smtp_auth", Some("password")));
    assert!(err.message.contains("no login method"), "{}", err.message);
}

/// A plan of three monthly installments from 24 Nov over this invoice,
/// agreed on the phone; returns its id.
async fn agreed_plan(c: Ctx<'_>, invoice: i64) -> i64 {
    use kindly_api::plans::{self, AcceptInput, PlanInput};
    // Agreed the day before: the agreement is that day's contact, and a
    // reminder never follows a contact on the same day.
    let c = Ctx::new(c.store, c.now - chrono::Duration::days(1), c.today.pred_opt().expect("a day before"))
        .with_data_dir(c.data_dir);
    let input = PlanInput {
        invoice_ids: vec![invoice],
        count: "3".into(),
        frequency: kindly_followup::plan::schedule::Frequency::Monthly,
        first_date: "2026-11-24".into(),
        ..Default::default()
    };
    let plan = plans::propose(c, &input).await.expect("propose").id;
    let accept = AcceptInput {
        plan_id: plan,
        agreed_on: String::new(),
        how: kindly_core::vocab::AgreedHow::Call,
        note: String::new(),
    };
    plans::accept(c, &accept).await.expect("accept");
    plan
}

/// Installment reminders and the follow-up on a broken promise go through
/// the outbox like ladder steps: "send all" picks them up, each reaches the
/// server once, and only then is it recorded (in the plan, on the promise
/// and in the timeline with its Message-ID). While one waits in the outbox it
/// cannot also be marked done by hand.
#[tokio::test]
async fn installment_reminders_and_promise_follow_ups_are_e_mailed_once_through_the_outbox() {
    use kindly_api::contacts::{self, PromiseFollowUpDone, PromiseInput, TimelineRequest};
    use kindly_api::plans::{self, PlanReminderDone};
    let e = open_business_db().await;
    let on = |d: &str| kindly_tests::on(&e.store, d);
    let d21 = on("2026-11-21");
    let srv = server_for("plan-reminders", "normal");
    mail::save(d21, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
    let bob = client(d21, "Bob Baker", "bob@example.net").await;
    let bob_inv = invoice(d21, bob, "900").await;
    let ana = client(d21, "Ana Lima", "ana@example.org").await;
    let ana_inv = invoice(d21, ana, "400").await;

    // Bob agreed to three monthly installments from 24 Nov: the heads-up is due today (21 Nov).
    let plan = agreed_plan(d21, bob_inv).await;
    // Ana promised on the phone to pay everything by 25 Nov.
    let promise = PromiseInput {
        invoice_id: ana_inv,
        promised_on: "2026-11-25".into(),
        amount: String::new(),
        how: kindly_core::vocab::AgreedHow::Call,
    };
    let promise = contacts::add_promise(d21, &promise).await.expect("promise").id;

    // Send all on 21 Nov: only Bob's heads-up is due (the plan and the promise pause both ladders).
    let q = outbox::queue_emails(d21, fonts(), &QueueEmailsRequest::default()).await.unwrap();
    assert_eq!((q.queued.len(), q.skipped.len()), (1, 0), "{:?}", q.skipped);
    let item = plans::queue_items(d21, None).await.unwrap().remove(0);
    assert_eq!((item.kind.as_str(), item.email_state.map(|s| s.as_str())), ("heads_up", Some("queued")));
    let by_hand =
        PlanReminderDone { plan_id: plan, channel: kindly_followup::ladder::Channel::Letter, note: String::new() };
    assert_eq!(plans::reminder_done(d21, &by_hand).await.unwrap_err().code, "in_outbox");
    let again = QueueEmailsRequest { plan_ids: vec![plan], ..Default::default() };
    let again = outbox::queue_emails(d21, fonts(), &again).await.unwrap();
    assert_eq!((again.queued.len(), again.skipped[0].code.as_str()), (0, "already_queued"));
    let r = send(d21).await;
    assert_eq!(r.sent, 1, "{r:?}");

    let got = srv.messages();
    assert_eq!(got.len(), 1);
    let m = MessageParser::default().parse(&got[0]).unwrap();
    let text = m.body_text(0).unwrap().to_string();
    assert!(text.contains("Bob") && text.contains("€300.00") && text.contains("1 of 3"), "{text}");
    let sent_id = m.message_id().unwrap().to_string();
    assert!(plans::queue_items(d21, None).await.unwrap().is_empty(), "the heads-up is done");
    let tl = TimelineRequest { client_id: Some(bob), kinds: vec!["installment_reminder".into()], ..Default::default() };
    let entries = contacts::timeline(d21, &tl).await.unwrap();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].data["message_id"].as_str().unwrap().contains(&sent_id), "{:?}", entries[0].data);
    assert_eq!(entries[0].data["kind"], "heads_up");

    // 26 Nov: Bob's first installment is two days late (a reminder) and Ana's promise was broken.
    let d26 = on("2026-11-26");
    let q = outbox::queue_emails(d26, fonts(), &QueueEmailsRequest::default()).await.unwrap();
    assert_eq!((q.queued.len(), q.skipped.len()), (2, 0), "{:?}", q.skipped);
    let f = contacts::promise_queue(d26, None).await.unwrap().remove(0);
    assert_eq!((f.promise.id, f.email_state.map(|s| s.as_str())), (promise, Some("queued")));
    let by_hand = PromiseFollowUpDone { promise_id: promise, channel: kindly_followup::ladder::Channel::Letter };
    assert_eq!(contacts::promise_follow_up_done(d26, &by_hand).await.unwrap_err().code, "in_outbox");
    assert_eq!(send(d26).await.sent, 2);
    assert_eq!(outbox::queue_emails(d26, fonts(), &QueueEmailsRequest::default()).await.unwrap().queued.len(), 0);
    assert_eq!(send(d26).await.sent, 0);

    let got = srv.messages();
    assert_eq!(got.len(), 3, "each message reached the server once");
    let to_ana: Vec<_> = got
        .iter()
        .map(|raw| MessageParser::default().parse(raw).unwrap())
        .filter(|m| m.to().and_then(|t| t.first()).and_then(|a| a.address()) == Some("ana@example.org"))
        .collect();
    assert_eq!(to_ana.len(), 1);
    let text = to_ana[0].body_text(0).unwrap().to_string();
    assert!(text.contains("Ana") && text.contains("€400.00"), "{text}");
    let pdf = to_ana[0].attachments().next().expect("the invoice PDF");
    assert!(pdf.contents().starts_with(b"%PDF-"));
    assert!(contacts::promise_queue(d26, None).await.unwrap().is_empty(), "followed up once");
    let bob_reminders = plans::queue_items(d26, None).await.unwrap();
    assert!(bob_reminders.is_empty(), "Bob's reminder is done: {bob_reminders:?}");
}

/// Regression: a ladder step could be marked done by hand (say, printed as a
/// letter) while its e-mail waited in the outbox, and the e-mail then went
/// out as well: the client was contacted twice for one step. Now the outbox
/// has to be settled first; a withdrawn e-mail frees the step.
#[tokio::test]
async fn a_step_waiting_in_the_outbox_cannot_also_be_marked_done_by_hand() {
    use kindly_api::followups::{mark_done, MarkDoneRequest};
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let srv = server_for("by-hand", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
    let bob = client(c, "Bob", "bob@example.net").await;
    let inv = invoice(c, bob, "100").await;
    let id = outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.unwrap().queued[0];
    let by_letter = MarkDoneRequest {
        invoice_ids: vec![inv],
        channel: kindly_followup::ladder::Channel::Letter,
        note: String::new(),
    };
    let err = mark_done(c, &by_letter).await.unwrap_err();
    assert_eq!(err.code, "in_outbox");
    assert!(err.message.contains("outbox (queued)"), "{}", err.message);
    assert!(e.store.steps(inv).await.unwrap().is_empty(), "nothing recorded");

    outbox::act(c, &OutboxActionRequest { id, action: "cancel".into() }).await.unwrap();
    mark_done(c, &by_letter).await.expect("the withdrawn e-mail frees the step");
    assert_eq!(send(c).await.sent, 0);
    assert!(srv.messages().is_empty(), "the client got the letter only");
}

/// A reminder can wait in the outbox (a retry after a busy server comes
/// minutes or hours later). If the installment it reminds of was paid in the
/// meantime, it is withdrawn when its turn comes, never sent.
#[tokio::test]
async fn an_installment_reminder_whose_installment_was_paid_meanwhile_is_withdrawn() {
    use kindly_api::payments::{self, PaymentInput};
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let srv = server_for("paid-installment", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.unwrap();
    let bob = client(c, "Bob Baker", "bob@example.net").await;
    let inv = invoice(c, bob, "900").await;
    let plan = agreed_plan(c, inv).await;
    let req = QueueEmailsRequest { plan_ids: vec![plan], ..Default::default() };
    let id = outbox::queue_emails(c, fonts(), &req).await.unwrap().queued[0];

    // Bob pays the first installment before the heads-up went out.
    let pay = PaymentInput {
        invoice_id: inv,
        amount: "300".into(),
        method: kindly_core::payment::PaymentMethod::BankTransfer,
        ..Default::default()
    };
    payments::record(c, &pay).await.expect("payment");
    let r = send(c).await;
    assert_eq!((r.sent, r.cancelled), (0, 1), "{r:?}");
    assert!(srv.messages().is_empty(), "nothing reached Bob");
    let row = outbox::list(c, &OutboxRequest::default()).await.unwrap().rows.remove(0);
    assert_eq!((row.id, row.state.as_str(), row.error_code.as_deref()), (id, "cancelled", Some("no_longer_due")));
    assert!(row.error.as_deref().unwrap_or_default().contains("installment 1"), "{:?}", row.error);
}

/// Every file under `dir`, at any depth.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Runs `kindly --data-dir DIR --today 2026-11-21 ARGS` (stdin: `input`);
/// returns (exit code, stdout, stderr).
fn kindly(dir: &std::path::Path, args: &[&str], input: &[u8]) -> (Option<i32>, String, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(kindly_tests::binary("kindly"))
        .args(["--today", "2026-11-21", "--data-dir"])
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start kindly");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    let out = child.wait_with_output().expect("run kindly");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

/// The mail faults, driven through the `kindly` CLI as a user would: each
/// one is in the log file under `<data dir>/logs/` (with its code, and the
/// outbox id and Message-ID of the message concerned), `--verbose` also
/// prints it, and neither the password (a distinctive one, typed through
/// --password-stdin) nor the test server's real one, nor the recipient's
/// address, is in any log; no file in the data folder holds a password.
#[tokio::test]
async fn mail_faults_are_logged_and_no_password_is_ever_written() {
    const WRONG: &str = "Distinctive-Log-Test-Pa55word-9Qz";
    let e = open_business_db().await;
    let dir = e.dir.path();
    let c = ctx(&e.store);
    let bob = client(c, "Bob", "bob@example.net").await;
    invoice(c, bob, "100").await;
    let srv = server_for("log", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.expect("save smtp");
    outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.expect("queue");
    let ca = dir.join("test-ca.pem");
    std::fs::write(&ca, &test_ca().ca_pem).expect("write the CA");
    let ca = ca.to_str().expect("utf-8 path").to_string();
    let set = |port: u16, user: &str, with_password: bool| {
        let port = port.to_string();
        let mut args = vec![
            "smtp",
            "set",
            "--host",
            "localhost",
            "--port",
            &port,
            "--username",
            user,
            "--from-name",
            "Ada Studio",
            "--from-address",
            "ada@example.com",
            "--trusted-cert",
            &ca,
            "--timeout-secs",
            "2",
        ];
        if with_password {
            args.push("--password-stdin");
        }
        let input = if with_password { format!("{WRONG}\n") } else { String::new() };
        let (code, out, err) = kindly(dir, &args, input.as_bytes());
        assert_eq!(code, Some(0), "smtp set: {out}{err}");
    };

    // Wrong password: the distinctive one, into the keychain through the CLI.
    let wrong_user = user("log-wrong");
    set(srv.port, &wrong_user, true);
    let (code, out, err) = kindly(dir, &["--json", "emails", "send"], b"");
    assert_eq!(code, Some(3), "a stopped batch exits 3: {out}{err}");
    assert!(out.contains("smtp_auth"), "{out}");
    assert!(err.is_empty(), "without --verbose nothing goes to stderr: {err}");

    // Server down, with --verbose: the event is on stderr too.
    set(closed_port(), USER, false);
    let (code, out, err) = kindly(dir, &["--verbose", "--json", "emails", "send"], b"");
    assert_eq!(code, Some(3), "a stopped batch exits 3: {out}{err}");
    assert!(out.contains("smtp_connect"), "{out}");
    assert!(err.contains("smtp_connect") && err.contains("sending stopped"), "--verbose: {err}");

    // The connection cut after the message was handed over: "may have been sent".
    let cut = server_for("log-cut", "drop-after-data");
    set(cut.port, USER, false);
    let (code, out, err) = kindly(dir, &["--json", "emails", "send"], b"");
    assert_eq!(code, Some(0), "{out}{err}");
    let row = outbox::list(c, &OutboxRequest::default()).await.expect("list").rows.remove(0);
    assert_eq!(row.state, "uncertain", "{out}");

    // The log file holds each event.
    let logs: Vec<_> = files_under(&dir.join("logs"));
    assert!(!logs.is_empty(), "no log file under {}", dir.join("logs").display());
    let name = logs[0].file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    assert!(name.starts_with("kindly.") && name.ends_with(".log"), "{name}");
    let log: String = logs.iter().map(|f| std::fs::read_to_string(f).expect("read log")).collect();
    assert!(log.contains("kindly CLI started"), "{log}");
    assert!(log.contains("connecting or logging in failed"), "{log}");
    assert!(log.contains("code=smtp_auth") && log.contains("code=smtp_connect"), "{log}");
    assert!(log.contains("e-mail may have been sent"), "{log}");
    assert!(log.contains(&format!("outbox_id={}", row.id)) && log.contains(&row.message_id), "{log}");
    assert!(log.contains("e-mail settings saved") && log.contains("new_password=true"), "{log}");
    // Never a recipient's address in the log.
    assert!(!log.contains("bob@example.net"), "a recipient address was logged: {log}");

    // No file in the data folder holds either password, the logs included.
    for f in files_under(dir) {
        let bytes = std::fs::read(&f).unwrap_or_default();
        for secret in [WRONG, PASSWORD] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "a password was written to {}",
                f.display()
            );
        }
    }
    // It is in the keychain, where it belongs (so the test did type it).
    let out = std::process::Command::new("secret-tool")
        .args(["lookup", "service", kindly_mail::secrets::SERVICE, "username", &format!("{wrong_user}@localhost")])
        .output()
        .expect("secret-tool");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), WRONG);
}

/// Today once said "Send all e-mails (94)" and sent 73: it counted invoice
/// rows, while a client's invoices share one message and messages already
/// waiting go out too. The number the button names is now counted as
/// sending counts, and equals what is then sent.
#[tokio::test]
async fn send_all_sends_exactly_the_number_it_names() {
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let srv = server_for("count", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.expect("save smtp");
    let ann = client(c, "Ann Archer", "ann@example.net").await;
    let bob = client(c, "Bob Baker", "bob@example.net").await;
    let cleo = client(c, "Cleo Costa", "cleo@example.net").await;
    for (who, price) in [(ann, "100"), (ann, "200"), (ann, "300"), (bob, "50")] {
        invoice(c, who, price).await;
    }
    // Cleo's reminder was queued earlier and waits in the outbox.
    let cleo_invoice = invoice(c, cleo, "75").await;
    let earlier = QueueEmailsRequest { invoice_ids: vec![cleo_invoice], ..Default::default() };
    assert_eq!(outbox::queue_emails(c, fonts(), &earlier).await.expect("queue").queued.len(), 1);
    let p = outbox::send_all_preview(c).await.expect("preview");
    assert_eq!((p.new_messages, p.invoices, p.waiting, p.total), (2, 4, 1, 3), "{p:?}");

    // The confirmed number travels with the request: one that no longer
    // holds is refused, and nothing is queued.
    let stale = QueueEmailsRequest { expected_total: Some(p.total + 1), ..Default::default() };
    let e = outbox::queue_emails(c, fonts(), &stale).await.expect_err("a changed number is refused");
    assert_eq!(e.code, ErrorCode::CountChanged, "{e:?}");
    assert_eq!(outbox::send_all_preview(c).await.expect("preview").total, p.total, "nothing was queued");

    let confirmed = QueueEmailsRequest { expected_total: Some(p.total), ..Default::default() };
    let q = outbox::queue_emails(c, fonts(), &confirmed).await.expect("queue");
    assert_eq!(q.queued.len() as i64, p.new_messages, "{:?}", q.skipped);
    let r = send(c).await;
    assert_eq!(r.sent, p.total, "the button's number is what went out: {r:?}");
    assert_eq!(srv.messages().len() as i64, p.total);
    let after = outbox::send_all_preview(c).await.expect("preview");
    assert_eq!(after.total, 0, "nothing is left to send: {after:?}");
}

#[tokio::test]
async fn a_client_with_an_e_invoice_format_gets_it_attached_and_the_text_says_so() {
    use kindly_api::einvoice::{self, ClientEInvoiceInput, EInvoiceFormat, SellerEInvoiceInput};
    let e = open_business_db().await;
    let c = ctx(&e.store);
    let srv = server_for("einvoice", "normal");
    mail::save(c, &settings(srv.port, USER, Some(PASSWORD), true)).await.expect("save smtp");
    let mut s = kindly_api::settings::get(c).await.expect("settings");
    s.business_tax_id = "DE136695976".into();
    kindly_api::settings::save(c, &s).await.expect("save settings");
    let seller =
        SellerEInvoiceInput { country: "DE".into(), peppol_id: "9930:DE136695976".into(), ..Default::default() };
    einvoice::save_seller_einvoice(c, &seller).await.expect("seller");
    let bob = client(c, "Bob Builder", "bob@example.net").await;
    let details = ClientEInvoiceInput {
        client_id: bob,
        format: EInvoiceFormat::Peppol,
        buyer_reference: "PO-1".into(),
        vat_id: "DE123456788".into(),
        peppol_id: "9930:DE123456788".into(),
        country: "DE".into(),
        ..Default::default()
    };
    einvoice::save_client_einvoice(c, &details).await.expect("client e-invoice");
    invoice(c, bob, "1200.50").await;

    let q = outbox::queue_emails(c, fonts(), &QueueEmailsRequest::default()).await.expect("queue");
    assert_eq!(q.queued.len(), 1, "{:?}", q.skipped);
    assert_eq!(send(c).await.sent, 1);
    let got = srv.messages();
    let m = MessageParser::default().parse(&got[0]).expect("parse");
    let text = m.body_text(0).expect("text part");
    assert!(text.contains("The e-invoice (Peppol BIS Billing 3.0) is attached."), "{text}");
    let names: Vec<&str> = m.attachments().filter_map(|a| a.attachment_name()).collect();
    assert_eq!(names, ["INV-2026-0001.pdf", "INV-2026-0001-peppol.xml"]);
    let xml = m.attachments().nth(1).expect("xml").contents();
    let back = kindly_einvoice::read(xml).expect("the attached e-invoice reads");
    assert_eq!(back.invoice.number, "INV-2026-0001");
    assert_eq!(back.invoice.totals.payable, 120050);
}

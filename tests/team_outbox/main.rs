//! Two machines sending one team outbox (issue #19): two `kindly emails
//! send` processes, each with its own data folder (so the folder's file
//! lock does not keep them apart, as on two computers), against one
//! PostgreSQL database (kindly-pgtest's throwaway server) and one real SMTP
//! server on loopback (tests/support/smtp_server.py). One of them is killed
//! with SIGKILL at random moments, many times, and started again. At the
//! end no message reached the SMTP server twice, and each of the 500 is
//! either sent (and at the server exactly once) or "may have been sent"
//! (`uncertain`: its sender died after handing it over, at the server at
//! most once): none left queued, none lost silently.
//!
//! Run under a private D-Bus session with gnome-keyring (scripts/test.sh):
//! the SMTP password is in the keychain. Without PostgreSQL the test is
//! skipped with a note (an error with KINDLY_REQUIRE_PG=1).

use chrono::{NaiveDate, Utc};
use kindly_core::client::ClientDetails;
use kindly_core::invoice::{compute_totals, LineItem};
use kindly_core::locale::Locale;
use kindly_core::Currency;
use kindly_followup::ladder::{Channel, Stage, Tone};
use kindly_store::{EmailPurpose, NewEmail, NewInvoice, Store};
use kindly_tests::binary;
use kindly_tests::smtp::{test_ca, SmtpServer, PASSWORD, USER};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const MESSAGES: usize = 500;
const DAY: &str = "2026-11-23";

/// `kindly --database-url URL --data-dir DIR ARGS` with `stdin`; (exit code, stdout, stderr).
fn kindly(dir: &Path, url: &str, args: &[&str], stdin: &str) -> (i32, String, String) {
    kindly_tests::outcome(command(dir, url, args), Some(stdin))
}

fn command(dir: &Path, url: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(binary("kindly"));
    cmd.arg("--database-url")
        .arg(url)
        .arg("--data-dir")
        .arg(dir)
        .args(["--today", DAY])
        .args(args)
        .env_remove("KINDLY_DATA_DIR")
        .env_remove("KINDLY_DATABASE_URL");
    cmd
}

fn ok(dir: &Path, url: &str, args: &[&str], stdin: &str) {
    let (code, out, err) = kindly(dir, url, args, stdin);
    assert_eq!(code, 0, "kindly {args:?}: {out} {err}");
}

/// A small deterministic generator (xorshift), seeded from the clock and
/// printed, so a failing run can be told apart and retraced.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// One machine: its data folder and its sender process, if running.
struct Machine {
    dir: tempfile::TempDir,
    child: Option<Child>,
    starts: usize,
}

impl Machine {
    fn running(&mut self) -> bool {
        match self.child.as_mut().map(|c| c.try_wait()) {
            Some(Ok(None)) => true,
            Some(_) => {
                self.child = None;
                false
            }
            None => false,
        }
    }

    fn start(&mut self, url: &str) {
        let child = command(self.dir.path(), url, &["emails", "send"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start kindly emails send");
        self.child = Some(child);
        self.starts += 1;
    }

    fn kill(&mut self) -> bool {
        match self.child.take() {
            Some(mut c) => {
                let was_running = matches!(c.try_wait(), Ok(None));
                let _ = c.kill(); // SIGKILL
                let _ = c.wait();
                was_running
            }
            None => false,
        }
    }
}

fn fresh_database() -> Option<String> {
    let server = kindly_pgtest::PgServer::shared().expect("the PostgreSQL test server")?;
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    Some(rt.block_on(server.fresh_database()).expect("a fresh database"))
}

/// The 500 reminders, queued through the store (as `kindly emails queue`
/// would, without rendering 500 PDFs): one client, one issued invoice and
/// one ladder message each, with its own Message-ID.
async fn queue_reminders(url: &str) -> BTreeSet<String> {
    let store = Store::connect(url).await.expect("connect");
    let details = ClientDetails {
        display_name: "Bob Builder".into(),
        greeting_name: "Bob".into(),
        company: None,
        emails: vec!["bob@example.net".into()],
        phone: None,
        address: "1 Site Road".into(),
        language: Locale::En,
        notes: String::new(),
    };
    let now = Utc::now();
    let client = store.create_client(&details, now).await.expect("client");
    let stage = Stage {
        key: "reminder".into(),
        name: "Reminder".into(),
        offset_days: 2,
        tone: Tone::Friendly,
        channel: Channel::Email,
    };
    let recipients = vec!["bob@example.net".to_string()];
    let mut ids = BTreeSet::new();
    for n in 0..MESSAGES {
        let lines = vec![LineItem {
            description: "Work".into(),
            quantity_milli: 1000,
            unit_price_minor: 10_000,
            tax_rate_bp: 0,
        }];
        let inv = NewInvoice {
            client_id: client,
            number: None,
            issue_date: NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"),
            due_date: NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
            currency: Currency::EUR,
            totals: compute_totals(&lines).expect("totals"),
            lines,
            notes: String::new(),
            issue: true,
        };
        let (invoice_id, number) = store.create_invoice(&inv, now).await.expect("invoice");
        let message_id = format!("<team-outbox-{n}@kindly.test>");
        let raw = format!(
            "From: Ada Studio <ada@example.com>\r\nTo: Bob Builder <bob@example.net>\r\nSubject: Invoice {number}\r\n\
             Message-ID: {message_id}\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\r\nA friendly reminder about invoice {number}.\r\n"
        );
        let invoices = [(invoice_id, &stage)];
        let m = NewEmail {
            message_id: &message_id,
            purpose: EmailPurpose::Ladder,
            client_id: client,
            stage: &stage,
            invoices: &invoices,
            envelope_from: "ada@example.com",
            recipients: &recipients,
            to_display: &recipients,
            subject: "Invoice reminder",
            body: "A friendly reminder.",
            raw: raw.as_bytes(),
            raw_sha256: "-",
            eml_path: None,
        };
        store.enqueue_email(&m, now).await.expect("queue");
        ids.insert(message_id);
    }
    store.close().await;
    ids
}

/// Each outbox message's Message-ID and state.
async fn outbox_states(url: &str) -> BTreeMap<String, String> {
    let pool = sqlx::PgPool::connect(url).await.expect("connect");
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT message_id, state FROM outbox").fetch_all(&pool).await.expect("outbox");
    pool.close().await;
    rows.into_iter().collect()
}

async fn queued_or_sending(url: &str) -> i64 {
    let pool = sqlx::PgPool::connect(url).await.expect("connect");
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')")
        .fetch_one(&pool)
        .await
        .expect("count");
    pool.close().await;
    n
}

/// The Message-ID of each message the SMTP server accepted, with how many times.
fn received(smtp: &SmtpServer) -> BTreeMap<String, usize> {
    let mut seen = BTreeMap::new();
    for raw in smtp.messages() {
        let id = mail_parser::MessageParser::default()
            .parse(&raw)
            .and_then(|m| m.message_id().map(|id| format!("<{id}>")))
            .expect("a Message-ID in every message received");
        *seen.entry(id).or_insert(0) += 1;
    }
    seen
}

#[test]
fn two_machines_killed_at_random_never_send_twice_and_lose_nothing() {
    let Some(url) = fresh_database() else {
        eprintln!("skipped: PostgreSQL is not installed (KINDLY_REQUIRE_PG=1 makes this an error)");
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let smtp = SmtpServer::start("normal");
    let mut a = Machine { dir: tempfile::tempdir().expect("tempdir"), child: None, starts: 0 };
    let mut b = Machine { dir: tempfile::tempdir().expect("tempdir"), child: None, starts: 0 };

    // The team's settings, once (they are in the database): the business,
    // a way to pay, and the SMTP account with its password in the keychain.
    let setup = a.dir.path();
    let ca = setup.join("ca.pem");
    std::fs::write(&ca, &test_ca().ca_pem).expect("write ca.pem");
    ok(setup, &url, &["business", "set", "--name", "Ada Studio", "--address", "2 Studio Lane\\n10117 Berlin"], "");
    ok(setup, &url, &["methods", "add", "bank", "--iban", "DE89370400440532013000", "--holder", "Ada Studio"], "");
    let port = smtp.port.to_string();
    ok(
        setup,
        &url,
        &[
            "smtp",
            "set",
            "--host",
            "localhost",
            "--port",
            &port,
            "--username",
            USER,
            "--from-name",
            "Ada Studio",
            "--from-address",
            "ada@example.com",
            "--trusted-cert",
            ca.to_str().unwrap_or_default(),
            "--timeout-secs",
            "5",
            "--password-stdin",
        ],
        PASSWORD,
    );
    let queued = rt.block_on(queue_reminders(&url));
    assert_eq!(queued.len(), MESSAGES);

    // Both machines send; every 20–250 ms one of them (at random) is
    // killed -9 and started again, for 12 s or until the queue is empty.
    let seed = u64::from(Utc::now().timestamp_subsec_nanos()) | 1;
    eprintln!("dice seed {seed}");
    let mut dice = Dice(seed);
    let started = Instant::now();
    let mut kills = 0;
    while started.elapsed() < Duration::from_secs(12) {
        for m in [&mut a, &mut b] {
            if !m.running() {
                m.start(&url);
            }
        }
        std::thread::sleep(Duration::from_millis(20 + dice.below(230)));
        let victim = if dice.below(2) == 0 { &mut a } else { &mut b };
        if victim.kill() {
            kills += 1;
        }
        if rt.block_on(queued_or_sending(&url)) == 0 {
            break;
        }
    }
    // Then both run undisturbed until nothing is left to send (a run
    // refused because the other machine sends ends at once; it starts
    // again until the queue is empty).
    let calm = Instant::now();
    loop {
        let (ra, rb) = (a.running(), b.running());
        if !ra && !rb && rt.block_on(queued_or_sending(&url)) == 0 {
            break;
        }
        assert!(calm.elapsed() < Duration::from_secs(30), "the queue was not emptied within 30 s");
        for m in [&mut a, &mut b] {
            if !m.running() && rt.block_on(queued_or_sending(&url)) > 0 {
                m.start(&url);
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // A last run on each machine recovers a message its killed sender left
    // `sending` (it becomes "may have been sent"); nothing is sent by it.
    for m in [&mut a, &mut b] {
        let (code, out, err) = kindly(m.dir.path(), &url, &["emails", "send"], "");
        assert_eq!(code, 0, "a last, quiet send: {out} {err}");
    }

    let at_server = received(&smtp);
    let states = rt.block_on(outbox_states(&url));
    let twice: Vec<_> = at_server.iter().filter(|(_, n)| **n > 1).collect();
    eprintln!(
        "{kills} kills, {} + {} starts; at the server: {}; sent {}, may have been sent {}",
        a.starts,
        b.starts,
        at_server.len(),
        states.values().filter(|s| *s == "sent").count(),
        states.values().filter(|s| *s == "uncertain").count()
    );
    assert!(twice.is_empty(), "sent twice: {twice:?}");
    assert!(kills >= 10, "only {kills} kills hit a running sender");
    assert_eq!(states.keys().cloned().collect::<BTreeSet<_>>(), queued, "the outbox holds the 500");
    for (id, state) in &states {
        let n = at_server.get(id).copied().unwrap_or(0);
        match state.as_str() {
            "sent" => assert_eq!(n, 1, "{id} is sent but reached the server {n} times"),
            "uncertain" => assert!(n <= 1, "{id} reached the server {n} times"),
            other => panic!("{id} is {other}: neither sent nor flagged \"may have been sent\""),
        }
    }
    for id in at_server.keys() {
        assert!(states.contains_key(id), "{id} reached the server but is not in the outbox");
    }
}

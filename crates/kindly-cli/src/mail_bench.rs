//! `kindly-mail-bench`: times reminder e-mails end to end against a real
//! SMTP server (scripts/bench.sh starts tests/support/smtp_server.py on
//! loopback with STARTTLS + AUTH and a test CA, under a private keychain).
//!
//! `kindly-mail-bench --port P --ca CA.pem --user U --messages N` (the SMTP
//! password in $KINDLY_BENCH_SMTP_PASSWORD): makes N clients with one
//! overdue invoice each, queues every e-mail due (renders each invoice PDF
//! and the MIME message, writes the outbox), then sends them all over one
//! reused connection, and prints both times.

use chrono::{NaiveDate, Utc};
use kindly_api::clients::ClientInput;
use kindly_api::invoices::{InvoiceInput, LineInput};
use kindly_api::mail::{self, SmtpSettingsInput};
use kindly_api::outbox::{self, QueueEmailsRequest};
use kindly_api::ErrorCode;
use kindly_api::{ApiError, Ctx};
use kindly_store::Store;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

async fn run() -> Result<(), ApiError> {
    let port: i64 = arg("--port").and_then(|p| p.parse().ok()).unwrap_or(2525);
    let n: usize = arg("--messages").and_then(|p| p.parse().ok()).unwrap_or(1000);
    let ca = match arg("--ca") {
        Some(p) => {
            std::fs::read_to_string(&p).map_err(|e| ApiError::new(ErrorCode::IoError, format!("{p}: {e}"), None))?
        }
        None => String::new(),
    };
    let dir = tempfile::tempdir().map_err(|e| ApiError::new(ErrorCode::IoError, e.to_string(), None))?;
    let store = Store::open(&dir.path().join("kindly.db")).await?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    let ctx = Ctx::new(&store, Utc::now(), today);
    mail::save(
        ctx,
        &SmtpSettingsInput {
            host: "localhost".into(),
            port,
            // starttls (port 587 style) or tls (implicit TLS, port 465 style).
            security: arg("--security").and_then(|s| kindly_mail::Security::parse(&s)).unwrap_or_default(),
            username: arg("--user").unwrap_or_else(|| "kindly".into()),
            from_name: "Ada Studio".into(),
            from_address: "ada@example.com".into(),
            reply_to: String::new(),
            bcc_self: false,
            trusted_certificate: ca,
            timeout_secs: Some(30),
            password: std::env::var("KINDLY_BENCH_SMTP_PASSWORD").ok().map(mail::Secret::new),
        },
    )
    .await?;
    for i in 0..n {
        let client = kindly_api::clients::create(
            ctx,
            &ClientInput {
                display_name: format!("Client {i:04}"),
                greeting_name: format!("Client {i:04}"),
                emails: vec![format!("client{i:04}@example.net")],
                address: "1 Main Street\n10115 Berlin".into(),
                ..Default::default()
            },
        )
        .await?;
        let inv = InvoiceInput {
            client_id: client,
            issue_date: "2026-10-20".into(),
            due_date: "2026-11-19".into(),
            currency: "EUR".into(),
            lines: vec![LineInput {
                description: "Design work".into(),
                quantity: "1".into(),
                unit_price: "1200.50".into(),
                tax_rate: "19".into(),
            }],
            issue: true,
            ..Default::default()
        };
        kindly_api::invoices::create(ctx, &inv).await?;
    }
    let fonts = kindly_pdf::Fonts::load().map_err(ApiError::from)?;
    let t = Instant::now();
    let q = outbox::queue_emails(ctx, &fonts, &QueueEmailsRequest::default()).await?;
    let queue_s = t.elapsed().as_secs_f64();
    let never = AtomicBool::new(false);
    let t = Instant::now();
    let r = outbox::send_queued(ctx, &Utc::now, None, &mut |_| {}, &never).await?;
    let send_s = t.elapsed().as_secs_f64();
    if let Some(e) = r.stopped {
        return Err(e);
    }
    let bytes: i64 = std::fs::read_dir(dir.path().join("mail"))
        .map(|d| d.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len() as i64).sum())
        .unwrap_or(0);
    println!("| step | messages | time | per message |");
    println!("|---|---:|---:|---:|");
    println!(
        "| queue (render invoice PDF + MIME, write outbox) | {} | {:.2} s | {:.1} ms |",
        q.queued.len(),
        queue_s,
        queue_s * 1000.0 / q.queued.len().max(1) as f64
    );
    println!(
        "| send over one reused {}+AUTH connection | {} | {:.2} s | {:.1} ms |",
        if arg("--security").as_deref() == Some("tls") { "implicit TLS" } else { "STARTTLS" },
        r.sent,
        send_s,
        send_s * 1000.0 / (r.sent.max(1) as f64)
    );
    println!(
        "| total | {} | {:.2} s | (average message {} KB) |",
        r.sent,
        queue_s + send_s,
        bytes / 1024 / (r.sent.max(1))
    );
    if r.sent as usize != n || r.failed + r.uncertain > 0 {
        return Err(ApiError::new(ErrorCode::BenchFailed, format!("sent {} of {n}", r.sent), None));
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cannot start: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    match rt.block_on(run()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kindly-mail-bench: {} [{}]", e.message, e.code);
            std::process::ExitCode::from(2)
        }
    }
}

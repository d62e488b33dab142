//! `kindly-backup-bench`: times a backup and a restore of a demo database
//! (default 100,000 clients and 1,000,000 invoices, plus stored files), and
//! the latency of the app's list queries while the backup runs, to show the
//! app stays responsive. Numbers go to docs/benchmarks.md.
//!
//! Run: `cargo run --release -p kindly-cli --bin kindly-backup-bench -- [--clients N --invoices M] [--keep DIR]`
//! (`--keep` reuses the database built there by an earlier run).

use chrono::{NaiveDate, Utc};
use kindly_api::backup;
use kindly_api::clients::ClientListRequest;
use kindly_api::invoices::InvoiceListRequest;
use kindly_api::Ctx;
use kindly_store::{DemoSize, Store};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// (median, p95, max) in ms.
fn stats(mut s: Vec<Duration>) -> (f64, f64, f64) {
    if s.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    s.sort();
    let p95 = s[((s.len() as f64 * 0.95).ceil() as usize).min(s.len()) - 1];
    (ms(s[s.len() / 2]), ms(p95), ms(s[s.len() - 1]))
}

/// One round of what a list screen asks: the first page of invoices
/// (overdue first) and of clients.
async fn list_round(ctx: Ctx<'_>) -> Duration {
    let t = Instant::now();
    let inv = InvoiceListRequest { limit: 50, ..Default::default() };
    let _ = std::hint::black_box(kindly_api::invoices::list(ctx, &inv).await);
    let cl = ClientListRequest { limit: 50, ..Default::default() };
    let _ = std::hint::black_box(kindly_api::clients::list(ctx, &cl).await);
    t.elapsed()
}

/// Stored files like a year of letters and scans: `n` files of 64 KB.
fn stored_files(dir: &std::path::Path, n: usize) -> std::io::Result<()> {
    let letters = dir.join("letters");
    std::fs::create_dir_all(&letters)?;
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..n {
        let mut bytes = Vec::with_capacity(64 << 10);
        while bytes.len() < 64 << 10 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            bytes.extend_from_slice(&x.to_le_bytes());
        }
        std::fs::write(letters.join(format!("letters-{i:05}.pdf")), bytes)?;
    }
    Ok(())
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let clients: u64 = arg("--clients").and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let invoices: u64 = arg("--invoices").and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let keep = arg("--keep").map(std::path::PathBuf::from);
    let root = keep
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("kindly-backup-bench-{}", std::process::id())));
    let data = root.join("data");
    let path = data.join(kindly_store::DB_FILE_NAME);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("date")?;
    let fresh = !path.exists();
    let store = Store::open(&path).await?;
    if fresh {
        let t = Instant::now();
        store.seed_demo(DemoSize { clients, invoices }, today, Utc::now()).await?;
        stored_files(&data, 2_000)?;
        println!("demo fill {:.1} s", t.elapsed().as_secs_f64());
    }
    let db_bytes = std::fs::metadata(&path)?.len();
    println!(
        "Dataset: {clients} clients, {invoices} invoices; database {:.0} MB, plus 2,000 stored files of 64 KB ({} cores)\n",
        db_bytes as f64 / 1e6,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    let ctx = Ctx::new(&store, Utc::now(), today);

    // The list queries alone, for comparison.
    list_round(ctx).await;
    let mut idle = Vec::new();
    for _ in 0..30 {
        idle.push(list_round(ctx).await);
    }

    // The backup, with the list queries running beside it all the while.
    let out = root.join("backups");
    let _ = std::fs::remove_dir_all(&out);
    let running = Arc::new(AtomicBool::new(true));
    let (flag, reader) = (running.clone(), store.clone());
    let probe = tokio::spawn(async move {
        let mut samples = Vec::new();
        while flag.load(Ordering::Relaxed) {
            samples.push(list_round(Ctx::new(&reader, Utc::now(), today)).await);
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        samples
    });
    let t = Instant::now();
    let made = backup::create(ctx, &out).await?;
    let backup_time = t.elapsed();
    running.store(false, Ordering::Relaxed);
    let during = probe.await?;

    let target = root.join(format!("restored-{}", std::process::id()));
    let t = Instant::now();
    let restored = backup::restore_into(std::path::Path::new(&made.path), &target).await?;
    let restore_time = t.elapsed();
    store.close().await;

    println!("| step | time s | budget s | within |");
    println!("|---|---|---|---|");
    let verdict = |d: Duration, budget: f64| if d.as_secs_f64() <= budget { "yes" } else { "NO" };
    println!(
        "| back up ({} parts, archive {:.0} MB) | {:.1} | 30 | {} |",
        made.parts,
        made.bytes as f64 / 1e6,
        backup_time.as_secs_f64(),
        verdict(backup_time, 30.0)
    );
    println!(
        "| restore (hashes, quick_check, open; {} clients, {} invoices) | {:.1} | 30 | {} |",
        restored.clients,
        restored.invoices,
        restore_time.as_secs_f64(),
        verdict(restore_time, 30.0)
    );
    println!("\n| list screen query (first page of invoices + clients) | runs | median ms | p95 ms | max ms |");
    println!("|---|---|---|---|---|");
    let (m, p, x) = stats(idle);
    println!("| alone | 30 | {m:.1} | {p:.1} | {x:.1} |");
    let n = during.len();
    let (m, p, x) = stats(during);
    println!("| during the backup | {n} | {m:.1} | {p:.1} | {x:.1} |");

    let _ = std::fs::remove_dir_all(&target);
    let _ = std::fs::remove_dir_all(&out);
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&root);
    }
    Ok(())
}

//! `kindly-pg-bench`: the ported reads on a team database (PostgreSQL) at
//! 1,000,000 invoices (issue #19: today's queue ≤ 50 ms, as on SQLite),
//! behind the numbers in docs/benchmarks.md.
//! Run: `cargo run --release -p kindly-cli --bin kindly-pg-bench -- --database-url postgres://… [--runs N]`
//! against a database filled by `kindly migrate` from the overview bench's
//! data folder. It only reads.

use chrono::{Days, NaiveDate, Utc};
use kindly_api::overview::{self, OverviewRequest};
use kindly_api::Ctx;
use kindly_core::vocab::ClientSort;
use kindly_store::{ClientQuery, InvoiceQuery, InvoiceSort, Store};
use std::future::Future;
use std::time::{Duration, Instant};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Times `f` over `n` runs after one warm-up, and prints a table row.
async fn time<F, Fut, T, E>(label: &str, budget: f64, n: usize, mut f: F) -> Result<(), E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    f().await?;
    let mut samples = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        std::hint::black_box(f().await?);
        samples.push(t.elapsed());
    }
    print_row(label, Some(budget), samples);
    Ok(())
}

/// Prints a table row of `samples` (a budget of `None`: no screen waits).
fn print_row(label: &str, budget: Option<f64>, mut samples: Vec<Duration>) {
    samples.sort();
    let p95 = samples[((samples.len() as f64 * 0.95).ceil() as usize).clamp(1, samples.len()) - 1];
    let median = ms(samples[samples.len() / 2]);
    let (budget, within) = match budget {
        Some(b) => (format!("≤ {b}"), if median <= b && ms(p95) <= b { "yes" } else { "NO" }),
        None => ("–".to_string(), "–"),
    };
    println!("| {label} | {} | {median:.1} | {:.1} | {budget} | {within} |", samples.len(), ms(p95));
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = arg("--database-url").ok_or("--database-url postgres://… is required")?;
    let n: usize = arg("--runs").and_then(|v| v.parse().ok()).unwrap_or(30);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("date")?;
    let store = Store::connect(&url).await?;
    let invoices = store.list_invoices(&InvoiceQuery { limit: 1, ..Default::default() }, today).await?.total;
    println!("{} ({invoices} invoices), today {today}\n", store.path().display());
    println!("| operation | runs | median ms | p95 ms | budget ms | within |");
    println!("|---|---|---|---|---|---|");
    time("today's queue: count + first page (due_followups)", 50.0, n, || store.due_followups(today, None, 0, 100))
        .await?;
    time("today's queue: page 50", 50.0, n, || store.due_followups(today, None, 5000, 100)).await?;
    let q =
        |search: &str, sort: InvoiceSort| InvoiceQuery { search: search.into(), sort, limit: 50, ..Default::default() };
    time("invoices: first page, attention order", 50.0, n, || {
        let q = q("", InvoiceSort::default());
        let s = &store;
        async move { s.list_invoices(&q, today).await }
    })
    .await?;
    time("invoices: search by number", 50.0, n, || {
        let q = q("INV-2026-04242", InvoiceSort::default());
        let s = &store;
        async move { s.list_invoices(&q, today).await }
    })
    .await?;
    time("invoices: search by client name (\"ørsted\")", 50.0, n, || {
        let q = q("ørsted", InvoiceSort::default());
        let s = &store;
        async move { s.list_invoices(&q, today).await }
    })
    .await?;
    time("clients: search \"müller\"", 50.0, n, || {
        let q = ClientQuery { search: "müller".into(), sort: ClientSort::default(), limit: 50, ..Default::default() };
        let s = &store;
        async move { s.list_clients(&q, today).await }
    })
    .await?;
    // The overview: PostgreSQL keeps nothing between reads (no memo), so
    // every read computes every figure from the summary tables.
    let all = OverviewRequest::default();
    time("overview, all currencies (every read computes)", 100.0, n, || {
        overview::overview(Ctx::new(&store, Utc::now(), today), &all)
    })
    .await?;
    // Each run on the next day, before the app's tick moved the per-client
    // window (it holds yesterday's): the overview reads around it. Then the
    // tick's move itself, which no screen waits for.
    let (mut new_day, mut moves) = (Vec::new(), Vec::new());
    for k in 1..=n as u64 {
        let day = today.checked_add_days(Days::new(k)).ok_or("date")?;
        let t = Instant::now();
        std::hint::black_box(overview::overview(Ctx::new(&store, Utc::now(), day), &all).await?);
        new_day.push(t.elapsed());
        let t = Instant::now();
        overview::prepare_day(Ctx::new(&store, Utc::now(), day)).await?;
        moves.push(t.elapsed());
    }
    print_row("overview, each run on the next day (before the tick moved the window)", Some(100.0), new_day);
    print_row("the window's move by the midnight tick (one day; in the background)", None, moves);
    store.close().await;
    Ok(())
}

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
    samples.sort();
    let p95 = samples[((samples.len() as f64 * 0.95).ceil() as usize).clamp(1, samples.len()) - 1];
    let median = ms(samples[samples.len() / 2]);
    let within = if median <= budget && ms(p95) <= budget { "yes" } else { "NO" };
    println!("| {label} | {n} | {median:.1} | {:.1} | ≤ {budget} | {within} |", ms(p95));
    Ok(())
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
    // Each run on the next day: the per-client window moves one day (a write).
    let days: Vec<NaiveDate> = (1..=n as u64 + 1).filter_map(|k| today.checked_add_days(Days::new(k))).collect();
    let mut k = 0;
    time("overview, each run on the next day (window moves one day)", 100.0, n, || {
        let day = days[k.min(days.len() - 1)];
        k += 1;
        let s = &store;
        let all = &all;
        async move { overview::overview(Ctx::new(s, Utc::now(), day), all).await }
    })
    .await?;
    store.close().await;
    Ok(())
}

//! `kindly-bench`: the store benchmarks behind the numbers in
//! docs/benchmarks.md. Run: `cargo run --release -p kindly-cli --bin kindly-bench -- [--clients N --invoices M]`.
//!
//! It builds a demo database of the given size in a temporary folder (timed),
//! then times, over repeated runs, opening + migrating it and every list or
//! search query the app issues, printing median, p95 and max as Markdown.

use chrono::{NaiveDate, Utc};
use kindly_api::clients::ClientListRequest;
use kindly_api::invoices::InvoiceListRequest;
use kindly_api::payments::PaymentListRequest;
use kindly_api::Ctx;
use kindly_core::vocab::{AgingBucket, ClientBalanceFilter};
use kindly_store::{DemoSize, Store};
use std::future::Future;
use std::time::{Duration, Instant};

const RUNS: usize = 30;

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn stats(mut samples: Vec<Duration>) -> (f64, f64, f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p95 = samples[((samples.len() as f64 * 0.95).ceil() as usize).min(samples.len()) - 1];
    (ms(samples[samples.len() / 2]), ms(p95), ms(samples[samples.len() - 1]))
}

async fn time<F, Fut, T>(label: &str, budget_ms: f64, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = T>,
{
    // BENCH_FILTER=today runs only the rows whose label contains "today".
    if std::env::var("BENCH_FILTER").is_ok_and(|only| !label.contains(&only)) {
        return;
    }
    f().await; // warm the page cache and statement cache once
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        std::hint::black_box(f().await);
        samples.push(t.elapsed());
    }
    let (median, p95, max) = stats(samples);
    let verdict = if p95 <= budget_ms { "yes" } else { "NO" };
    println!("| {label} | {median:.2} | {p95:.2} | {max:.2} | ≤ {budget_ms} | {verdict} |");
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let clients = arg("--clients", 10_000);
    let invoices = arg("--invoices", 100_000);
    // --keep DIR reuses (or creates once) a database there, to iterate on
    // queries without refilling a million invoices each run.
    let args: Vec<String> = std::env::args().collect();
    let keep = args.iter().position(|a| a == "--keep").and_then(|i| args.get(i + 1)).map(std::path::PathBuf::from);
    let dir = keep.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("kindly-bench-{}", std::process::id())));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("kindly.db");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("date")?;

    let fresh = !path.exists();
    let store = Store::open(&path).await?;
    let t = Instant::now();
    if fresh {
        store.seed_demo(DemoSize { clients, invoices }, today, Utc::now()).await?;
    }
    let seed = t.elapsed();
    store.close().await;
    let size =
        std::fs::metadata(&path)?.len() + std::fs::metadata(dir.join("kindly.db-wal")).map(|m| m.len()).unwrap_or(0);
    println!(
        "Dataset: {clients} clients, {invoices} invoices; demo fill {:.1} s; file {:.0} MB\n",
        seed.as_secs_f64(),
        size as f64 / 1e6
    );
    println!("| operation | median ms | p95 ms | max ms | budget ms | within |");
    println!("|---|---|---|---|---|---|");

    time("open + migrate existing database", 100.0, || async {
        let s = Store::open(&path).await.ok();
        if let Some(s) = s {
            s.close().await;
        }
    })
    .await;

    let store = Store::open(&path).await?;
    let ctx = Ctx::new(&store, Utc::now(), today);
    let c = |search: &str, sort: &str, offset: i64| ClientListRequest {
        search: search.into(),
        sort: kindly_core::vocab::ClientSort::parse(sort).unwrap_or_default(),
        offset,
        limit: 100,
        ..Default::default()
    };
    let i = |state: &str, search: &str, sort: &str| InvoiceListRequest {
        state: state.into(),
        client_id: None,
        search: search.into(),
        sort: kindly_core::vocab::InvoiceSort::parse(sort).unwrap_or_default(),
        offset: 0,
        limit: 100,
        ..Default::default()
    };
    time("clients: first page by name", 50.0, || {
        let r = c("", "name_asc", 0);
        async move { kindly_api::clients::list(ctx, &r).await }
    })
    .await;
    time("clients: page in the middle by name", 50.0, || {
        let r = c("", "name_asc", clients as i64 / 2);
        async move { kindly_api::clients::list(ctx, &r).await }
    })
    .await;
    time("clients: search \"müller\"", 50.0, || {
        let r = c("müller", "name_asc", 0);
        async move { kindly_api::clients::list(ctx, &r).await }
    })
    .await;
    time("clients: search by e-mail \"client4242@\"", 50.0, || {
        let r = c("client4242@", "name_asc", 0);
        async move { kindly_api::clients::list(ctx, &r).await }
    })
    .await;
    time("clients: client page (details, invoices, timeline)", 50.0, || kindly_api::clients::get(ctx, 4242)).await;
    time("invoices: all, overdue first", 50.0, || {
        let r = i("", "", "attention");
        async move { kindly_api::invoices::list(ctx, &r).await }
    })
    .await;
    time("invoices: overdue only", 50.0, || {
        let r = i("overdue", "", "attention");
        async move { kindly_api::invoices::list(ctx, &r).await }
    })
    .await;
    time("invoices: due soon only", 50.0, || {
        let r = i("due_soon", "", "attention");
        async move { kindly_api::invoices::list(ctx, &r).await }
    })
    .await;
    time("invoices: paid, newest first", 50.0, || {
        let r = i("paid", "", "newest");
        async move { kindly_api::invoices::list(ctx, &r).await }
    })
    .await;
    time("invoices: search by number", 50.0, || {
        let r = i("", "DEMO-2026-0042", "attention");
        async move { kindly_api::invoices::list(ctx, &r).await }
    })
    .await;
    time("invoices: search by client name", 50.0, || {
        let r = i("", "ørsted", "attention");
        async move { kindly_api::invoices::list(ctx, &r).await }
    })
    .await;
    // The overview's figures open these lists (issue #14).
    let eur = Some(kindly_core::Currency::EUR);
    time("invoices: aging 31–60 days, EUR", 50.0, || {
        let r = InvoiceListRequest { aging: Some(AgingBucket::Days31To60), currency: eur, ..i("", "", "attention") };
        async move { kindly_api::invoices::list(ctx, &r).await }
    })
    .await;
    time("invoices: due in the next 4 weeks", 50.0, || {
        let r = InvoiceListRequest {
            open_only: true,
            due_from: Some(today.to_string()),
            due_to: Some((today + chrono::Days::new(27)).to_string()),
            ..i("", "", "attention")
        };
        async move { kindly_api::invoices::list(ctx, &r).await }
    })
    .await;
    time("invoices: issued in one month (October)", 50.0, || {
        let r = InvoiceListRequest {
            issued_from: Some("2026-10-01".into()),
            issued_to: Some("2026-10-31".into()),
            ..i("", "", "attention")
        };
        async move { kindly_api::invoices::list(ctx, &r).await }
    })
    .await;
    time("payments: one month (October), EUR", 50.0, || {
        let r = PaymentListRequest {
            currency: eur,
            from: Some("2026-10-01".into()),
            to: Some("2026-10-31".into()),
            limit: 100,
            ..Default::default()
        };
        async move { kindly_api::payments::list(ctx, &r).await }
    })
    .await;
    time("clients: by amount owed, EUR", 50.0, || {
        let r = ClientListRequest { currency: eur, ..c("", "owed_desc", 0) };
        async move { kindly_api::clients::list(ctx, &r).await }
    })
    .await;
    time("clients: overdue, longest overdue first", 50.0, || {
        let r = ClientListRequest { balance: ClientBalanceFilter::Overdue, ..c("", "oldest_overdue", 0) };
        async move { kindly_api::clients::list(ctx, &r).await }
    })
    .await;
    time("invoices: invoice page", 50.0, || kindly_api::invoices::get(ctx, 4242)).await;
    time("today's follow-up queue (count + first page), nothing kept yet (from the index)", 50.0, || {
        let r = kindly_api::followups::QueueRequest { limit: 100, ..Default::default() };
        async move { kindly_api::followups::queue(ctx, &r).await }
    })
    .await;
    time("today's follow-up queue, page 50", 50.0, || {
        let r = kindly_api::followups::QueueRequest { offset: 5000, limit: 100, ..Default::default() };
        async move { kindly_api::followups::queue(ctx, &r).await }
    })
    .await;
    time("today: letters only (filtered, first page)", 50.0, || {
        let filter = kindly_api::due::QueueFilter {
            channel: Some(kindly_followup::ladder::Channel::Letter),
            ..Default::default()
        };
        let r = kindly_api::followups::QueueRequest { filter, limit: 100, ..Default::default() };
        async move { kindly_api::followups::queue(ctx, &r).await }
    })
    .await;
    time("today: counts and groups by client (first 100 groups)", 50.0, || {
        let r = kindly_api::today::QueueSummaryRequest {
            by: Some(kindly_core::vocab::QueueGrouping::Client),
            limit: 100,
            ..Default::default()
        };
        async move { kindly_api::today::summary(ctx, &r).await }
    })
    .await;
    time("today: \"Print today's letters (N)\" count", 50.0, || kindly_api::today::letters_preview(ctx)).await;
    // The rows above kept today's steps: the unfiltered pages now come from them.
    time("today's follow-up queue (count + first page), steps kept", 50.0, || {
        let r = kindly_api::followups::QueueRequest { limit: 100, ..Default::default() };
        async move { kindly_api::followups::queue(ctx, &r).await }
    })
    .await;
    // The rows above read what the store keeps between clicks; this one opens
    // the store afresh each run, so every due invoice is read again.
    time("today: counts, first read after opening (nothing kept)", 50.0, || {
        let path = path.clone();
        async move {
            let fresh = Store::open(&path).await.ok()?;
            let c = Ctx::new(&fresh, Utc::now(), today);
            let r = kindly_api::today::QueueSummaryRequest::default();
            let out = kindly_api::today::summary(c, &r).await.ok();
            fresh.close().await;
            out
        }
    })
    .await;
    time("today: \"Send all e-mails (N)\" count", 50.0, || kindly_api::outbox::send_all_preview(ctx)).await;
    let q = kindly_api::followups::queue(ctx, &kindly_api::followups::QueueRequest::default()).await?;
    println!(
        "\nQueue size on {today}: {} invoices with a step due (demo data has no follow-up history: the worst case).",
        q.total
    );
    store.close().await;
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}

//! `kindly-import-bench`: imports a generated CSV of 100,000 invoices (one
//! line each, 10,000 clients created from the file) into a fresh database,
//! through the same calls the app makes (`import::detect`, then
//! `import::apply`, which re-reads, checks every row and writes in one
//! transaction). Run:
//! `cargo run --release -p kindly-cli --bin kindly-import-bench -- [--invoices N] [--runs R]`.

use chrono::{NaiveDate, Utc};
use kindly_api::import::{self, ImportDetectRequest, ImportRequest};
use kindly_api::Ctx;
use kindly_csv::ImportKind;
use kindly_store::Store;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = arg("--invoices", 100_000);
    let runs = arg("--runs", 5).max(1) as usize;
    let dir = std::env::temp_dir().join(format!("kindly-import-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let csv = dir.join("invoices.csv");
    let mut text = String::from(
        "Invoice number,Client,Email,Issue date,Due date,Currency,Description,Quantity,Unit price,Tax rate\n",
    );
    for i in 0..n {
        let c = i % 10_000;
        let _ = writeln!(
            text,
            "B-{i:07},Client {c},client{c}@example.com,2026-{:02}-{:02},2026-12-31,EUR,Consulting,{}.5,{}.00,19",
            1 + i % 11,
            1 + i % 28,
            1 + i % 8,
            40 + i % 200
        );
    }
    std::fs::write(&csv, &text)?;
    println!("{n} invoices, {:.1} MB of CSV\n", text.len() as f64 / 1e6);
    println!("| run | detect + dry run ms | import ms |\n|---|---|---|");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("date")?;
    let mut imports = Vec::new();
    for r in 0..runs {
        let db = dir.join(format!("run{r}.db"));
        let store = Store::open(&db).await?;
        let ctx = Ctx::new(&store, Utc::now(), today);
        let path = csv.display().to_string();
        let t = Instant::now();
        let p =
            import::detect(ctx, &ImportDetectRequest { path: path.clone(), kind: ImportKind::Invoices, preset: None })
                .await
                .map_err(|e| e.to_string())?;
        let req = ImportRequest { path, mapping: p.mapping };
        let dry = import::dry_run(ctx, &req).await.map_err(|e| e.to_string())?;
        let dry_ms = t.elapsed();
        let t = Instant::now();
        let rep = import::apply(ctx, &req).await.map_err(|e| e.to_string())?;
        let took = t.elapsed();
        if rep.new_invoices as u64 != n || !dry.problems.is_empty() {
            return Err(format!("imported {} of {n}", rep.new_invoices).into());
        }
        println!("| {} | {:.0} | {:.0} |", r + 1, dry_ms.as_secs_f64() * 1e3, took.as_secs_f64() * 1e3);
        imports.push(took);
        store.close().await;
        let _ = std::fs::remove_file(&db);
    }
    imports.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let p95 = imports[((imports.len() as f64 * 0.95).ceil() as usize).min(imports.len()) - 1];
    println!(
        "\nimport of {n} invoices: median {:.0} ms, p95 {:.0} ms, max {:.0} ms (budget 10000 ms: {})",
        ms(imports[imports.len() / 2]),
        ms(p95),
        ms(imports[imports.len() - 1]),
        if ms(p95) <= 10_000.0 { "yes" } else { "NO" }
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

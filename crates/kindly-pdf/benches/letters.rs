//! Rendering benchmark (no criterion: plain timing loops, median and p95).
//!
//! Run (release, isolated target dir):
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-pdf cargo bench -p kindly-pdf --bench letters
//! ```
//!
//! Targets: one-page letter ≤ 2 ms median and ≤ 30 KB; 1,000 letters in one PDF ≤ 0.5 s.
//! Also timed: a statement of account with 50 open invoices.
//! The CJK, Arabic-name and Devanagari-name cases need system fonts (Debian:
//! fonts-droid-fallback or fonts-noto-cjk, fonts-noto-core); without them the
//! names are drawn as placeholders and the case says so.
#![allow(clippy::unwrap_used)] // a test or benchmark: a failed unwrap fails it

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use kindly_pdf::{render_letters, Fonts, LetterDoc, PageSize};

fn stats(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let median = ms(samples[samples.len() / 2]);
    let p95 = ms(samples[((samples.len() as f64 * 0.95) as usize).min(samples.len() - 1)]);
    (median, p95)
}

/// CPU time of the whole process (all threads) in ms, from /proc (Linux; 10 ms ticks).
fn process_cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0)
}

fn bench(name: &str, fonts: &Fonts, letters: &[LetterDoc], iterations: usize) -> Option<(f64, f64, usize)> {
    let meta = common::meta();
    bench_with(name, iterations, || render_letters(fonts, letters, &meta))
}

/// Times `render` (after one warm-up run) and prints median, p95, size and CPU time.
fn bench_with(
    name: &str,
    iterations: usize,
    render: impl Fn() -> Result<Vec<u8>, kindly_pdf::PdfError>,
) -> Option<(f64, f64, usize)> {
    // `BENCH_FILTER=…` runs only the cases whose name contains it.
    if std::env::var("BENCH_FILTER").is_ok_and(|f| !name.contains(f.as_str())) {
        return None;
    }
    // Warm-up (also loads lazily located fallback fonts).
    let bytes = match render() {
        Ok(b) => b,
        Err(e) => {
            println!("{name:<42} skipped: {e}");
            return None;
        }
    };
    let mut samples = Vec::with_capacity(iterations);
    let cpu_start = process_cpu_ms();
    for _ in 0..iterations {
        let t = Instant::now();
        let out = render().expect("render");
        samples.push(t.elapsed());
        std::hint::black_box(out);
    }
    let cpu = process_cpu_ms().zip(cpu_start).map(|(b, a)| (b - a) / iterations as f64);
    let (median, p95) = stats(samples);
    println!(
        "{name:<42} median {median:>9.3} ms   p95 {p95:>9.3} ms   size {:>9} bytes ({:.1} KB)",
        bytes.len(),
        bytes.len() as f64 / 1024.0
    );
    if let Some(cpu) = cpu {
        println!("{:<42} mean CPU time (all threads) {cpu:.2} ms per render", "");
    }
    Some((median, p95, bytes.len()))
}

fn main() {
    let t = Instant::now();
    let fonts = Fonts::load().expect("fonts");
    println!("Fonts::load (DejaVu Sans regular + bold)    {:.3} ms", t.elapsed().as_secs_f64() * 1e3);
    // The first character DejaVu lacks lists the system's fonts (once per process)
    // and loads the font chosen for it.
    let t = Instant::now();
    let missing = fonts.uncovered("अनीता");
    println!(
        "first fallback lookup (system font list)   {:.3} ms{}",
        t.elapsed().as_secs_f64() * 1e3,
        if missing.is_empty() { "" } else { "  (no Devanagari font installed)" }
    );

    // One page: no table rows beyond a few invoices.
    let one = vec![common::letter(PageSize::A4, "Zoë Ångström-Müller", 3)];
    let one_letter = vec![common::letter(PageSize::Letter, "Zoë Ångström-Müller", 3)];
    let cjk = vec![common::letter(PageSize::A4, "王芳", 3)];
    let arabic = vec![common::letter(PageSize::A4, "محمد الأحمد", 3)];
    let devanagari = vec![common::letter(PageSize::A4, "अनीता शर्मा", 3)];
    let mixed: Vec<LetterDoc> = (0..1000)
        .map(|i| {
            let names = ["Zoë Ångström-Müller", "محمد الأحمد", "Дмитрий Иванов", "अनीता शर्मा", "สมชาย ใจดี", "김민준"];
            let mut l = common::letter(PageSize::A4, &format!("{} {i}", names[i % names.len()]), 1 + i % 4);
            if let Some(qr) = l.qr.as_mut() {
                qr.payload = common::GIROCODE.replace("1234.56", &format!("{}.{:02}", 100 + i, i % 100));
            }
            l
        })
        .collect();
    let thousand: Vec<LetterDoc> = (0..1000)
        .map(|i| {
            let names =
                ["Zoë Ångström-Müller", "Łucja Kowalska", "Дмитрий Иванов", "Νίκος Παπαδόπουλος", "Jens Ørsted"];
            let mut l = common::letter(PageSize::A4, &format!("{} {i}", names[i % names.len()]), 1 + i % 4);
            // Every letter has its own amount, so its own QR code (no caching across letters).
            if let Some(qr) = l.qr.as_mut() {
                qr.payload = common::GIROCODE.replace("1234.56", &format!("{}.{:02}", 100 + i, i % 100));
            }
            l
        })
        .collect();

    let a4 = bench("one letter (A4, 1 page)", &fonts, &one, 300);
    bench("one letter (US Letter, 1 page)", &fonts, &one_letter, 300);
    bench("one letter with CJK name (王芳)", &fonts, &cjk, 300);
    bench("one letter with Arabic name", &fonts, &arabic, 300);
    bench("one letter with Devanagari name", &fonts, &devanagari, 300);
    let batch = bench("1,000 letters in one PDF", &fonts, &thousand, 7);
    bench("1,000 letters, names in 6 scripts", &fonts, &mixed, 7);
    // A statement of account with 50 open invoices (A4, several pages).
    let statement = common::statement(PageSize::A4, 50, false);
    let meta = common::meta();
    bench_with("statement of account, 50 invoices", 100, || kindly_pdf::render_statement(&fonts, &statement, &meta));

    let mut ok = true;
    if let Some((median, _, size)) = a4 {
        ok &= median <= 2.0 && size <= 30 * 1024;
    }
    if let Some((median, _, _)) = batch {
        ok &= median <= 500.0;
    }
    println!("targets (≤ 2 ms & ≤ 30 KB per letter, ≤ 500 ms per 1,000): {}", if ok { "met" } else { "MISSED" });
}

//! Parse + match benchmark: a synthetic camt.053.001.08 with 10,000 entries
//! against N open invoices (100,000 and 1,000,000).
//!
//! Run: `cargo bench -p kindly-bank --bench matching` (release profile).
//! Each size is measured `RUNS` times after one warm-up; the median is
//! printed. Budgets: ≤ 1 s for 100,000 invoices and ≤ 3 s for 1,000,000,
//! parsing included.
//!
//! Entry mix (deterministic): 30 % a structured RF reference (tier 1),
//! 30 % an invoice number in the text (tier 2; every 3rd a partial payment,
//! every 7th written with spaces), 15 % a known payer's IBAN and an exact
//! balance (tier 3), 15 % debits, 10 % unrelated credits.
#![allow(clippy::unwrap_used)] // a test or benchmark: a failed unwrap fails it

use kindly_bank::reference::creditor_reference;
use kindly_bank::{match_entries, parse, Decision, Format, KnownPayers, OpenInvoice, OpenInvoices};
use kindly_core::{Currency, Money};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

const ENTRIES: usize = 10_000;
const RUNS: usize = 5;

/// Deterministic pseudo-random numbers (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn number(i: usize) -> String {
    format!("INV-{:07}", i + 1)
}

fn client_of(i: usize, n: usize) -> i64 {
    (i % (n / 10).max(1)) as i64 + 1
}

fn outstanding(i: usize) -> i64 {
    // 10.00 to 9,999.99 EUR, distinct enough per client.
    1_000 + ((i as i64).wrapping_mul(7_919) % 998_999)
}

fn invoices(n: usize) -> Vec<OpenInvoice> {
    (0..n)
        .map(|i| OpenInvoice {
            id: i as i64 + 1,
            client_id: client_of(i, n),
            number: number(i),
            creditor_reference: creditor_reference(&number(i)).ok(),
            outstanding: Money::new(outstanding(i), Currency::EUR),
        })
        .collect()
}

fn payer_iban(client: i64) -> String {
    format!("DE{:020}", client)
}

fn amount(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

fn camt(n: usize, rng: &mut Rng) -> String {
    let mut x = String::with_capacity(ENTRIES * 900);
    x.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n<BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2024-03-12T06:00:00+01:00</CreDtTm></GrpHdr>\n<Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n",
    );
    for k in 0..ENTRIES {
        let bucket = k % 20;
        let i = rng.below(n);
        let client = client_of(i, n);
        let (minor, credit, party, rmt) = match bucket {
            0..=5 => {
                let rf = creditor_reference(&number(i)).unwrap_or_default();
                (
                    outstanding(i),
                    true,
                    payer_iban(client + 1_000_000),
                    format!("<Strd><CdtrRefInf><Ref>{rf}</Ref></CdtrRefInf></Strd>"),
                )
            }
            6..=11 => {
                let mut text = format!("Invoice {}", number(i));
                if k % 7 == 0 {
                    text = text.replace('-', " ");
                }
                let minor = if k % 3 == 0 { outstanding(i) / 2 } else { outstanding(i) };
                (minor, true, payer_iban(client + 2_000_000), format!("<Ustrd>{text} thank you</Ustrd>"))
            }
            12..=14 => (outstanding(i), true, payer_iban(client), "<Ustrd>March services</Ustrd>".to_string()),
            15..=17 => (
                1 + rng.below(50_000) as i64,
                false,
                payer_iban(3_000_000),
                "<Ustrd>Card payment 4411</Ustrd>".to_string(),
            ),
            _ => (
                1 + rng.below(50_000) as i64,
                true,
                payer_iban(4_000_000),
                "<Ustrd>Refund of deposit</Ustrd>".to_string(),
            ),
        };
        let (ind, role) = if credit { ("CRDT", "Dbtr") } else { ("DBIT", "Cdtr") };
        let _ = writeln!(
            x,
            "<Ntry><Amt Ccy=\"EUR\">{a}</Amt><CdtDbtInd>{ind}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-03-{d:02}</Dt></BookgDt><ValDt><Dt>2024-03-{d:02}</Dt></ValDt><AcctSvcrRef>BENCH-{k}</AcctSvcrRef>\
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy=\"EUR\">{a}</Amt><RltdPties><{role}><Pty><Nm>Payer {client}</Nm></Pty></{role}><{role}Acct><Id><IBAN>{party}</IBAN></Id></{role}Acct></RltdPties><RmtInf>{rmt}</RmtInf></TxDtls></NtryDtls></Ntry>",
            a = amount(minor),
            d = 1 + k % 28,
        );
    }
    x.push_str("</Stmt></BkToCstmrStmt></Document>\n");
    x
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    println!(
        "kindly-bank parse + match: camt.053.001.08 with {ENTRIES} entries, median of {RUNS} runs after a warm-up\n"
    );
    println!("| open invoices | file MB | parse ms | index ms | match ms | total ms | budget ms | within | record / review / unmatched / debit |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for (n, budget) in [(100_000usize, 1_000u64), (1_000_000, 3_000)] {
        let mut rng = Rng(42);
        let xml = camt(n, &mut rng);
        let all = invoices(n);
        let mut payers = KnownPayers::new();
        for c in 1..=(n / 10) as i64 {
            payers.add_iban(&payer_iban(c), c);
        }
        let (mut tp, mut ti, mut tm, mut tt) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut counts = [0usize; 4];
        for run in 0..=RUNS {
            let input = all.clone();
            let t0 = Instant::now();
            let statement = parse(xml.as_bytes(), Format::Auto, None).expect("the benchmark file parses");
            let t1 = Instant::now();
            let index = OpenInvoices::new(input);
            let t2 = Instant::now();
            let decisions = match_entries(&statement.entries, &index, &payers);
            let t3 = Instant::now();
            assert_eq!(decisions.len(), ENTRIES);
            if run == 0 {
                for d in &decisions {
                    counts[match d {
                        Decision::Record { .. } => 0,
                        Decision::Review { .. } => 1,
                        Decision::Unmatched { .. } => 2,
                        Decision::Debit { .. } => 3,
                    }] += 1;
                }
                continue;
            }
            tp.push(t1 - t0);
            ti.push(t2 - t1);
            tm.push(t3 - t2);
            tt.push(t3 - t0);
            drop(index);
        }
        let total = median(tt);
        println!(
            "| {n} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | ≤ {budget} | {} | {} / {} / {} / {} |",
            xml.len() as f64 / 1e6,
            ms(median(tp)),
            ms(median(ti)),
            ms(median(tm)),
            ms(total),
            if total.as_millis() as u64 <= budget { "yes" } else { "NO" },
            counts[0],
            counts[1],
            counts[2],
            counts[3],
        );
    }
}

//! Property tests: no input makes a parser panic, and matching never
//! over-allocates and is deterministic.
#![allow(clippy::unwrap_used)] // a test or benchmark: a failed unwrap fails it

use chrono::NaiveDate;
use kindly_bank::reference::{creditor_reference, find_in_text, format_grouped, validate};
use kindly_bank::{
    detect_csv_mapping, match_entries, parse, Decision, Entry, Format, KnownPayers, OpenInvoice, OpenInvoices,
};
use kindly_core::{Currency, Money};
use proptest::prelude::*;
use std::collections::HashMap;

const FORMATS: [Format; 5] = [Format::Auto, Format::Camt, Format::Mt940, Format::Ofx, Format::Csv];

const FIXTURES: [&str; 11] = [
    "camt053_v02.xml",
    "camt053_v08.xml",
    "camt054_v08.xml",
    "camt_two.zip",
    "camt_bad_member.zip",
    "mt940_german.sta",
    "ofx1_sgml.ofx",
    "ofx2_xml.ofx",
    "csv_english.csv",
    "csv_german.csv",
    "billion_laughs.xml",
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn all_parsers(bytes: &[u8]) {
    for f in FORMATS {
        let _ = parse(bytes, f, None);
    }
    let _ = detect_csv_mapping(bytes);
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Mutation::Flip(p, b)),
        (
            any::<usize>(),
            prop::collection::vec(
                prop_oneof![
                    Just(b'<'),
                    Just(b'>'),
                    Just(b'&'),
                    Just(b';'),
                    Just(b','),
                    Just(b'"'),
                    Just(b'\n'),
                    Just(b':'),
                    Just(b'?'),
                    any::<u8>()
                ],
                1..8
            )
        )
            .prop_map(|(p, v)| Mutation::Insert(p, v)),
        (any::<usize>(), 1usize..64).prop_map(|(p, n)| Mutation::Delete(p, n)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1usize..200).prop_map(|(p, n)| Mutation::Duplicate(p, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, ms: &[Mutation]) -> Vec<u8> {
    for m in ms {
        let len = bytes.len().max(1);
        match m {
            Mutation::Flip(p, b) => {
                if let Some(x) = bytes.get_mut(p % len) {
                    *x = *b;
                }
            }
            Mutation::Insert(p, v) => {
                let at = (p % len).min(bytes.len());
                bytes.splice(at..at, v.iter().copied());
            }
            Mutation::Delete(p, n) => {
                let at = (p % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Truncate(p) => bytes.truncate(p % len),
            Mutation::Duplicate(p, n) => {
                let at = (p % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    bytes
}

/// Text that looks like a statement of some format, to get past sniffing.
fn statement_like() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(":20:".to_string()),
        Just(":25:DE89370400440532013000".to_string()),
        Just(":60F:C240301EUR1,00".to_string()),
        Just(":61:2403010301C".to_string()),
        Just(":86:166?00".to_string()),
        Just("?20".to_string()),
        Just("<OFX>".to_string()),
        Just("<STMTRS><CURDEF>EUR".to_string()),
        Just("<STMTTRN><TRNAMT>".to_string()),
        Just("</STMTTRN>".to_string()),
        Just("<DTPOSTED>2024".to_string()),
        Just("Date;Amount;Currency;Purpose\n".to_string()),
        Just("Buchungstag;Betrag;Soll;Haben\n".to_string()),
        Just("01.03.2024;".to_string()),
        Just("\"a;\nb\"".to_string()),
        Just("1.234,56".to_string()),
        "[0-9,.;: \n-]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        all_parsers(&bytes);
    }

    #[test]
    fn statement_like_text_never_panics(bytes in statement_like()) {
        all_parsers(&bytes);
        let mut ofx = b"OFXHEADER:100\n<OFX>".to_vec();
        ofx.extend_from_slice(&bytes);
        let _ = parse(&ofx, Format::Ofx, None);
    }

    #[test]
    fn mutated_fixtures_never_panic(idx in 0..FIXTURES.len(), ms in prop::collection::vec(mutation(), 1..6)) {
        let bytes = apply(fixture(FIXTURES[idx]), &ms);
        all_parsers(&bytes);
    }

    #[test]
    fn references_round_trip(body in "[A-Za-z0-9]{1,21}", pre in "[a-z ]{0,10}", post in "(, [a-z]{1,8}){0,3}") {
        let rf = creditor_reference(&body).unwrap();
        prop_assert_eq!(validate(&rf).unwrap(), rf.clone());
        prop_assert_eq!(validate(&format_grouped(&rf)).unwrap(), rf.clone());
        let text = format!("{pre} {} {post}", format_grouped(&rf));
        prop_assert!(find_in_text(&text).contains(&rf), "{} in {:?}", rf, text);
    }

    #[test]
    fn find_in_text_never_panics_and_finds_only_valid(text in "\\PC{0,80}") {
        for r in find_in_text(&text) {
            prop_assert_eq!(validate(&r).unwrap(), r);
        }
    }
}

#[derive(Debug, Clone)]
struct World {
    invoices: Vec<OpenInvoice>,
    entries: Vec<Entry>,
    payers: Vec<(String, i64)>,
}

fn world() -> impl Strategy<Value = World> {
    let invoice = (1i64..5, 0u32..30, 0i64..20_000, any::<bool>(), any::<bool>());
    let entry = (
        1i64..40_000,
        any::<bool>(),
        prop::collection::vec(
            prop_oneof![
                (0u32..30).prop_map(|k| format!("INV-{k}")),
                (0u32..30).prop_map(|k| format!("inv {k}")),
                (0u32..30).prop_map(|k| format!("RF:{k}")),
                "[a-z ]{0,8}"
            ],
            0..4,
        ),
        prop::option::of(0u32..30),
        prop::option::of(0u8..4),
    );
    (prop::collection::vec(invoice, 0..25), prop::collection::vec(entry, 0..25)).prop_map(|(invs, ents)| {
        let invoices: Vec<OpenInvoice> = invs
            .into_iter()
            .enumerate()
            .map(|(i, (client, k, minor, with_rf, usd))| OpenInvoice {
                id: i as i64 + 1,
                client_id: client,
                number: format!("INV-{k}"),
                creditor_reference: if with_rf { creditor_reference(&format!("K{k}")).ok() } else { None },
                outstanding: Money::new(minor, if usd { Currency::USD } else { Currency::EUR }),
            })
            .collect();
        let entries: Vec<Entry> = ents
            .into_iter()
            .enumerate()
            .map(|(i, (minor, credit, words, rf, payer))| {
                let mut remittance = words.join(" ");
                if let Some(k) = rf {
                    remittance.push(' ');
                    remittance.push_str(&format_grouped(&creditor_reference(&format!("K{k}")).unwrap_or_default()));
                }
                Entry {
                    id: format!("e{i}"),
                    booking_date: NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or_default(),
                    value_date: None,
                    amount: Money::new(minor, Currency::EUR),
                    credit,
                    counterparty_name: payer.map(|p| format!("Payer {p}")),
                    counterparty_iban: payer.map(|p| format!("DE0000000000000000000{p}")),
                    structured_ref: None,
                    remittance,
                    bank_ref: None,
                    end_to_end_id: None,
                }
            })
            .collect();
        let payers = (0u8..4).map(|p| (format!("DE0000000000000000000{p}"), i64::from(p) + 1)).collect();
        World { invoices, entries, payers }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn matching_never_over_allocates_and_is_deterministic(w in world()) {
        let invoices = OpenInvoices::new(w.invoices.clone());
        let mut payers = KnownPayers::new();
        for (iban, client) in &w.payers {
            payers.add_iban(iban, *client);
        }
        let a = match_entries(&w.entries, &invoices, &payers);
        let b = match_entries(&w.entries, &OpenInvoices::new(w.invoices.clone()), &payers);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.len(), w.entries.len());

        let outstanding: HashMap<i64, Money> = w.invoices.iter().map(|i| (i.id, i.outstanding)).collect();
        let mut per_invoice: HashMap<i64, i64> = HashMap::new();
        for (d, e) in a.iter().zip(&w.entries) {
            prop_assert_eq!(d.entry_id(), e.id.as_str());
            if !e.credit {
                prop_assert!(matches!(d, Decision::Debit { .. }), "a debit must be Debit");
            }
            if let Decision::Record { allocations, .. } = d {
                prop_assert!(e.credit);
                let sum: i64 = allocations.iter().map(|(_, m)| m.minor).sum();
                prop_assert!(sum <= e.amount.minor, "entry {} allocates {} of {}", e.id, sum, e.amount.minor);
                for (id, m) in allocations {
                    prop_assert!(m.minor > 0);
                    prop_assert_eq!(m.currency, e.amount.currency);
                    prop_assert_eq!(outstanding[id].currency, m.currency);
                    *per_invoice.entry(*id).or_insert(0) += m.minor;
                }
            }
        }
        for (id, total) in per_invoice {
            prop_assert!(total <= outstanding[&id].minor, "invoice {} gets {} of {}", id, total, outstanding[&id].minor);
        }
    }
}

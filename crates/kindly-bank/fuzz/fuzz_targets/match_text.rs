//! Reference search and matching on arbitrary remittance text.
#![no_main]

use chrono::NaiveDate;
use kindly_bank::reference::{find_in_text, validate};
use kindly_bank::{match_entries, Decision, Entry, KnownPayers, OpenInvoice, OpenInvoices};
use kindly_core::{Currency, Money};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for r in find_in_text(&text) {
        assert_eq!(validate(&r).as_deref(), Ok(r.as_str()));
    }
    let invoices = OpenInvoices::new(
        ["INV-12", "INV-123", "2024/77", "1001", "ÄÖ-7"]
            .iter()
            .enumerate()
            .map(|(i, n)| OpenInvoice {
                id: i as i64,
                client_id: (i % 2) as i64,
                number: (*n).into(),
                creditor_reference: kindly_bank::reference::creditor_reference(n).ok(),
                outstanding: Money::new(1000, Currency::EUR),
            })
            .collect(),
    );
    let entry = Entry {
        id: "e".into(),
        booking_date: NaiveDate::default(),
        value_date: None,
        amount: Money::new(data.len() as i64 * 100 + 1, Currency::EUR),
        credit: true,
        counterparty_name: Some(text.to_string()),
        counterparty_iban: None,
        structured_ref: Some(text.to_string()),
        remittance: text.to_string(),
        bank_ref: None,
        end_to_end_id: None,
    };
    for d in match_entries(&[entry.clone(), entry], &invoices, &KnownPayers::new()) {
        if let Decision::Record { allocations, .. } = d {
            assert!(allocations.iter().all(|(_, m)| m.minor > 0 && m.minor <= 1000));
        }
    }
});

//! Matching: every tier, partial and multi-invoice payments, over-payment,
//! debits and unrelated credits, and a statement read from a fixture.
#![allow(clippy::unwrap_used)] // a test or benchmark: a failed unwrap fails it

use chrono::NaiveDate;
use kindly_bank::matching::{Confidence, Tier};
use kindly_bank::reference::creditor_reference;
use kindly_bank::{match_entries, parse, Decision, Entry, Format, KnownPayers, OpenInvoice, OpenInvoices};
use kindly_core::{Currency, Money};

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::EUR)
}

fn inv(id: i64, client: i64, number: &str, minor: i64) -> OpenInvoice {
    OpenInvoice {
        id,
        client_id: client,
        number: number.into(),
        creditor_reference: creditor_reference(number).ok(),
        outstanding: eur(minor),
    }
}

fn credit(id: &str, minor: i64, text: &str) -> Entry {
    Entry {
        id: id.into(),
        booking_date: NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(),
        value_date: None,
        amount: eur(minor),
        credit: true,
        counterparty_name: None,
        counterparty_iban: None,
        structured_ref: None,
        remittance: text.into(),
        bank_ref: None,
        end_to_end_id: None,
    }
}

fn book() -> OpenInvoices {
    OpenInvoices::new(vec![
        inv(1, 10, "INV-2024-0012", 12_500),
        inv(2, 10, "INV-2024-0013", 25_000),
        inv(3, 20, "INV-2024-0014", 9_900),
        inv(4, 20, "INV-12", 5_000),
        inv(5, 30, "2024/77", 40_000),
        inv(6, 40, "1001", 7_000),
        OpenInvoice {
            id: 7,
            client_id: 50,
            number: "USD-1".into(),
            creditor_reference: None,
            outstanding: Money::new(10_000, Currency::USD),
        },
        inv(8, 60, "PAID-1", 0),
    ])
}

fn one(e: Entry, invoices: &OpenInvoices, payers: &KnownPayers) -> Decision {
    match_entries(&[e], invoices, payers).remove(0)
}

fn allocations(d: &Decision) -> Vec<(i64, i64)> {
    match d {
        Decision::Record { allocations, .. } => allocations.iter().map(|(i, m)| (*i, m.minor)).collect(),
        other => panic!("expected a record, got {other:#?}"),
    }
}

#[test]
fn tier1_structured_reference_records() {
    let rf = creditor_reference("INV-2024-0013").unwrap();
    let mut e = credit("e1", 25_000, "thanks");
    e.structured_ref = Some(rf);
    e.counterparty_iban = Some("DE02120300000000202051".into());
    e.counterparty_name = Some("Müller & Söhne".into());
    let d = one(e, &book(), &KnownPayers::new());
    assert_eq!(allocations(&d), vec![(2, 25_000)]);
    let Decision::Record { tier, confidence, reason, payer, entry_id, .. } = &d else { unreachable!() };
    assert_eq!((*tier, *confidence), (Tier::Reference, Confidence::High));
    assert_eq!(tier.number(), 1);
    assert!(reason.to_string().contains("creditor reference RF") && reason.to_string().contains("in full"), "{reason}");
    assert_eq!(reason.kind, kindly_core::vocab::BankReasonKind::PaysInFull);
    assert_eq!(reason.facts.found_by, Some(kindly_core::vocab::BankFoundBy::Reference));
    assert_eq!(entry_id, "e1");
    assert_eq!(payer.iban.as_deref(), Some("DE02120300000000202051"));
    assert_eq!(payer.name.as_deref(), Some("Müller & Söhne"));
}

#[test]
fn tier1_reference_in_free_text_grouped() {
    let rf = kindly_bank::reference::format_grouped(&creditor_reference("INV-2024-0014").unwrap());
    let d = one(credit("e", 9_900, &format!("Zahlung {rf} danke")), &book(), &KnownPayers::new());
    assert_eq!(allocations(&d), vec![(3, 9_900)]);
}

#[test]
fn tier2_invoice_number_in_text_full_and_mangled() {
    let b = book();
    let p = KnownPayers::new();
    for text in ["Invoice INV-2024-0012", "inv 2024 0012", "INV2024-0012 thanks", "Re: inv-2024-0012."] {
        let d = one(credit("e", 12_500, text), &b, &p);
        assert_eq!(allocations(&d), vec![(1, 12_500)], "{text}");
        let Decision::Record { tier, .. } = d else { unreachable!() };
        assert_eq!(tier, Tier::InvoiceNumber);
    }
}

#[test]
fn tier2_is_a_token_match_not_a_substring() {
    let b = book();
    let p = KnownPayers::new();
    // INV-12 must not be found inside INV-123, nor INV-2024-0012 inside INV-2024-00123.
    assert!(matches!(one(credit("e", 5_000, "Invoice INV-123"), &b, &p), Decision::Unmatched { .. }));
    assert!(matches!(one(credit("e", 5_000, "XINV-12"), &b, &p), Decision::Unmatched { .. }));
    assert!(matches!(one(credit("e", 100, "INV-2024-00123"), &b, &p), Decision::Unmatched { .. }));
    assert_eq!(allocations(&one(credit("e", 5_000, "Invoice INV-12, thanks"), &b, &p)), vec![(4, 5_000)]);
}

#[test]
fn partial_payment_records_what_was_paid() {
    let d = one(credit("e", 8_000, "Teilzahlung INV-2024-0012"), &book(), &KnownPayers::new());
    assert_eq!(allocations(&d), vec![(1, 8_000)]);
    let Decision::Record { reason, .. } = &d else { unreachable!() };
    assert!(reason.to_string().contains("partial") && reason.to_string().contains("45.00 EUR stays open"), "{reason}");
}

#[test]
fn one_transfer_for_several_invoices_of_one_client() {
    let d = one(credit("e", 37_500, "INV-2024-0012 and INV-2024-0013"), &book(), &KnownPayers::new());
    assert_eq!(allocations(&d), vec![(1, 12_500), (2, 25_000)]);
    // Less than the sum: which invoice is paid is the user's call.
    let d = one(credit("e", 30_000, "INV-2024-0012 and INV-2024-0013"), &book(), &KnownPayers::new());
    assert!(matches!(d, Decision::Review { surplus: None, .. }), "{d:#?}");
    // Invoices of two clients: review.
    let d = one(credit("e", 22_400, "INV-2024-0012 INV-2024-0014"), &book(), &KnownPayers::new());
    let Decision::Review { candidates, reason, .. } = &d else { panic!("{d:#?}") };
    assert_eq!(candidates.len(), 2);
    assert!(reason.to_string().contains("different clients"), "{reason}");
}

#[test]
fn over_payment_is_never_recorded_and_states_the_surplus() {
    let d = one(credit("e", 13_000, "INV-2024-0012"), &book(), &KnownPayers::new());
    let Decision::Review { surplus, candidates, tier, reason, .. } = &d else { panic!("{d:#?}") };
    assert_eq!(*surplus, Some(eur(500)));
    assert_eq!(candidates[0].invoice_id, 1);
    assert_eq!(*tier, Tier::InvoiceNumber);
    assert!(reason.to_string().contains("5.00 EUR too much"), "{reason}");
    assert_eq!(
        (reason.kind, reason.facts.difference_minor),
        (kindly_core::vocab::BankReasonKind::MoreThanBalance, Some(500))
    );
    let d = one(credit("e", 40_000, "INV-2024-0012, INV-2024-0013"), &book(), &KnownPayers::new());
    assert!(matches!(d, Decision::Review { surplus: Some(s), .. } if s == eur(2_500)), "{d:#?}");
}

#[test]
fn currency_mismatch_goes_to_review() {
    let d = one(credit("e", 10_000, "USD-1"), &book(), &KnownPayers::new());
    assert!(matches!(&d, Decision::Review { reason, .. } if reason.to_string().contains("USD")), "{d:#?}");
    let mut e = credit("e", 10_000, "pay");
    e.structured_ref = Some(creditor_reference("USD1").unwrap());
    let invoices = OpenInvoices::new(vec![OpenInvoice {
        id: 9,
        client_id: 1,
        number: "USD-0001".into(),
        creditor_reference: creditor_reference("USD1").ok(),
        outstanding: Money::new(10_000, Currency::USD),
    }]);
    let d = one(e, &invoices, &KnownPayers::new());
    let Decision::Review { reason, .. } = &d else { panic!("{d:#?}") };
    assert!(reason.to_string().contains("EUR") && reason.to_string().contains("USD"), "{reason}");
}

#[test]
fn short_numeric_numbers_need_the_exact_balance() {
    let b = book();
    let p = KnownPayers::new();
    assert_eq!(allocations(&one(credit("e", 7_000, "Rechnung 1001"), &b, &p)), vec![(6, 7_000)]);
    assert!(matches!(one(credit("e", 3_000, "order of 1001 screws"), &b, &p), Decision::Review { .. }));
    assert_eq!(allocations(&one(credit("e", 10_000, "Invoice 2024/77"), &b, &p)), vec![(5, 10_000)]);
}

#[test]
fn tier3_known_payer_with_an_equal_balance_is_for_review() {
    let mut payers = KnownPayers::new();
    payers.add_iban("DE02 1203 0000 0000 2020 51", 10);
    payers.add_name("Example Ltd.", 20);
    let mut e = credit("e", 25_000, "March");
    e.counterparty_iban = Some("DE02120300000000202051".into());
    let d = one(e.clone(), &book(), &payers);
    let Decision::Review { candidates, tier, confidence, surplus, .. } = &d else { panic!("{d:#?}") };
    assert_eq!((*tier, *confidence, *surplus), (Tier::KnownPayer, Confidence::Low, None));
    assert_eq!(candidates.iter().map(|c| c.invoice_id).collect::<Vec<_>>(), vec![2]);

    let mut by_name = credit("e", 9_900, "");
    by_name.counterparty_name = Some("EXAMPLE LTD".into());
    let d = one(by_name, &book(), &payers);
    assert!(
        matches!(&d, Decision::Review { tier: Tier::KnownPayer, candidates, .. } if candidates[0].invoice_id == 3),
        "{d:#?}"
    );

    e.amount = eur(1);
    let d = one(e, &book(), &payers);
    assert!(matches!(&d, Decision::Unmatched { reason, .. } if reason.to_string().contains("known client")), "{d:#?}");
}

#[test]
fn debits_and_unrelated_credits() {
    let mut debit = credit("d", 12_500, "INV-2024-0012");
    debit.credit = false;
    let unrelated = credit("u", 4_242, "Birthday present");
    let ds = match_entries(&[debit, unrelated], &book(), &KnownPayers::new());
    assert_eq!(ds[0], Decision::Debit { entry_id: "d".into() });
    assert!(ds[0].payer().is_none());
    assert!(matches!(&ds[1], Decision::Unmatched { entry_id, .. } if entry_id == "u"));
    assert_eq!(ds[1].entry_id(), "u");
}

#[test]
fn balances_are_followed_across_entries_of_one_call() {
    let ds = match_entries(
        &[
            credit("a", 12_500, "INV-2024-0012"),
            credit("b", 12_500, "INV-2024-0012"),
            credit("c", 100, "INV-2024-0013"),
        ],
        &book(),
        &KnownPayers::new(),
    );
    assert_eq!(allocations(&ds[0]), vec![(1, 12_500)]);
    let Decision::Review { reason, .. } = &ds[1] else { panic!("{:#?}", ds[1]) };
    assert!(reason.to_string().contains("already covered"), "{reason}");
    assert_eq!(allocations(&ds[2]), vec![(2, 100)]);
}

#[test]
fn invoices_with_nothing_outstanding_are_not_open() {
    let b = book();
    assert_eq!(b.len(), 7);
    assert!(matches!(one(credit("e", 100, "PAID-1"), &b, &KnownPayers::new()), Decision::Unmatched { .. }));
}

#[test]
fn a_camt_statement_end_to_end() {
    let bytes = std::fs::read(format!("{}/tests/fixtures/camt053_v08.xml", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let s = parse(&bytes, Format::Auto, None).unwrap();
    let invoices = OpenInvoices::new(vec![
        OpenInvoice {
            id: 100,
            client_id: 1,
            number: "2348231".into(),
            creditor_reference: Some("RF71 2348 231".into()),
            outstanding: eur(20_000),
        },
        inv(101, 2, "INV-2024-0012", 12_500),
    ]);
    let ds = match_entries(&s.entries, &invoices, &KnownPayers::new());
    assert_eq!(ds.len(), 4);
    assert_eq!(allocations(&ds[0]), vec![(100, 20_000)]);
    assert!(matches!(ds[1], Decision::Debit { .. }));
    assert!(matches!(ds[2], Decision::Debit { .. }));
    assert_eq!(allocations(&ds[3]), vec![(101, 8_000)]);
    for (d, e) in ds.iter().zip(&s.entries) {
        assert_eq!(d.entry_id(), e.id);
    }
}

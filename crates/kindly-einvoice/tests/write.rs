//! The writers against the readers: every invoice below, written in each
//! of the four formats and read back, is the same model (the syntax and the
//! specification identifier being the format's). And what a writer refuses.

#![allow(clippy::unwrap_used)] // a test: a failed unwrap fails it

use kindly_core::Currency;
use kindly_einvoice::model::{
    Account, Address, DocumentTotals, Identifier, Invoice, Line, Party, PaymentInstructions, VatBreakdown,
    TYPE_CREDIT_NOTE, TYPE_INVOICE,
};
use kindly_einvoice::{cii, read, read_xml, ubl, CiiProfile, EInvoiceError, Format, Syntax, UblProfile, XmlDecimal};

fn dec(s: &str) -> XmlDecimal {
    XmlDecimal::parse(s).unwrap()
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

fn id(value: &str, scheme: &str) -> Option<Identifier> {
    Some(Identifier { value: value.into(), scheme: Some(scheme.into()) })
}

fn seller() -> Party {
    Party {
        name: "Smith & <Sons> \"Design\" O'Neil GmbH".into(),
        trading_name: Some("Smith Design".into()),
        address: Address {
            lines: vec!["Invalidenstraße 1".into(), "Hinterhaus".into()],
            city: Some("Berlin".into()),
            postcode: Some("10115".into()),
            subdivision: None,
            country: Some("DE".into()),
        },
        vat_id: Some("DE123456789".into()),
        tax_registration: Some("27/123/45678".into()),
        legal_id: Some(Identifier { value: "HRB 12345".into(), scheme: None }),
        contact_name: Some("Anna Smith".into()),
        phone: Some("+49 30 1234567".into()),
        email: Some("anna@smith.example".into()),
        electronic_address: id("DE123456789", "9930"),
    }
}

fn buyer() -> Party {
    Party {
        name: "Beispiel AG".into(),
        trading_name: None,
        address: Address {
            lines: vec!["Marienplatz 8".into(), "3. Stock".into(), "Eingang B".into()],
            city: Some("München".into()),
            postcode: Some("80331".into()),
            subdivision: Some("Bayern".into()),
            country: Some("DE".into()),
        },
        vat_id: Some("DE987654321".into()),
        tax_registration: None,
        legal_id: id("552100554", "0002"),
        contact_name: None,
        phone: None,
        email: Some("buchhaltung@beispiel.example".into()),
        electronic_address: id("04011000-12345-03", "0204"),
    }
}

fn line(n: u32, name: &str, qty: &str, unit: &str, price: &str, cat: &str, rate: Option<&str>, net: i64) -> Line {
    Line {
        id: n.to_string(),
        name: name.into(),
        description: (n == 1).then(|| "Logo & letterhead, <final>".into()),
        quantity: dec(qty),
        unit_code: Some(unit.into()),
        net_price: dec(price),
        price_base_quantity: None,
        vat_category: cat.into(),
        vat_rate: rate.map(dec),
        net_amount: net,
    }
}

fn vat(cat: &str, rate: Option<&str>, taxable: i64, tax: i64, reason: Option<&str>) -> VatBreakdown {
    VatBreakdown {
        category: cat.into(),
        rate: rate.map(dec),
        taxable_amount: taxable,
        tax_amount: tax,
        exemption_reason: reason.map(Into::into),
    }
}

fn totals(net: i64, tax: i64, prepaid: i64) -> DocumentTotals {
    DocumentTotals {
        line_total: net,
        tax_exclusive: net,
        tax_total: tax,
        tax_inclusive: net + tax,
        prepaid,
        payable: net + tax - prepaid,
        ..DocumentTotals::default()
    }
}

fn base(number: &str) -> Invoice {
    Invoice {
        syntax: Syntax::Cii,
        specification: None,
        number: number.into(),
        issue_date: date("2026-11-05"),
        type_code: TYPE_INVOICE,
        currency: Currency::parse("EUR").unwrap(),
        due_date: Some(date("2026-12-05")),
        buyer_reference: Some("04011000-12345-03".into()),
        payment_terms: Some("Payable within 30 days without deduction.".into()),
        notes: vec!["Thank you for your order & your trust.".into()],
        preceding_invoice: None,
        preceding_invoice_date: None,
        seller: seller(),
        buyer: buyer(),
        lines: vec![],
        vat_breakdown: vec![],
        totals: DocumentTotals::default(),
        payment: PaymentInstructions {
            means_code: Some("58".into()),
            remittance: Some("RF18 5390 0754 7034".into()),
            accounts: vec![Account {
                iban: "DE02120300000000202051".into(),
                name: Some("Smith Design".into()),
                bic: Some("BYLADEM1001".into()),
            }],
        },
    }
}

/// Two VAT rates, a price with four decimals and a base quantity, a part payment.
fn two_rates() -> Invoice {
    let mut inv = base("RE-2026-0412");
    inv.lines = vec![
        line(1, "Design work, October", "10", "HUR", "85", "S", Some("19"), 85000),
        line(2, "Font licence", "1", "C62", "149.9", "S", Some("19"), 14990),
        line(3, "Stickers", "1000", "C62", "0.0125", "S", Some("7"), 1250),
    ];
    inv.lines[2].price_base_quantity = Some(dec("1"));
    inv.vat_breakdown = vec![vat("S", Some("19"), 99990, 18998, None), vat("S", Some("7"), 1250, 88, None)];
    inv.totals = totals(101240, 19086, 20000);
    inv
}

/// Reverse charge to a client in another member state, and an exempt line.
fn reverse_charge_and_exempt() -> Invoice {
    let mut inv = base("RE-2026-0413");
    inv.buyer.address.country = Some("FR".into());
    inv.buyer.vat_id = Some("FR40303265045".into());
    inv.lines = vec![
        line(1, "Consulting", "2.5", "DAY", "800", "AE", Some("0"), 200000),
        line(2, "Training (exempt)", "1", "C62", "300", "E", Some("0"), 30000),
    ];
    inv.vat_breakdown = vec![
        vat("AE", Some("0"), 200000, 0, Some("Reverse charge")),
        vat("E", Some("0"), 30000, 0, Some("Exempt under §4 Nr. 21 UStG")),
    ];
    inv.totals = totals(230000, 0, 0);
    inv
}

/// A credit note for part of an invoice, with the invoice it corrects.
fn credit_note() -> Invoice {
    let mut inv = base("CN-2026-0004");
    inv.type_code = TYPE_CREDIT_NOTE;
    inv.preceding_invoice = Some("RE-2026-0412".into());
    inv.preceding_invoice_date = Some(date("2026-11-05"));
    inv.notes = vec!["Credit for the returned stickers.".into()];
    inv.lines = vec![line(1, "Stickers (returned)", "400", "C62", "0.0125", "S", Some("7"), 500)];
    inv.vat_breakdown = vec![vat("S", Some("7"), 500, 35, None)];
    inv.totals = totals(500, 35, 0);
    inv
}

fn write(inv: &Invoice, format: Format) -> Result<String, EInvoiceError> {
    match format {
        Format::FacturX => cii::write(inv, CiiProfile::FacturX),
        Format::XRechnungCii => cii::write(inv, CiiProfile::XRechnung),
        Format::XRechnungUbl => ubl::write(inv, UblProfile::XRechnung),
        Format::Peppol => ubl::write(inv, UblProfile::Peppol),
    }
}

#[test]
fn every_invoice_in_every_format_reads_back_as_the_same_model() {
    for inv in [two_rates(), reverse_charge_and_exempt(), credit_note()] {
        for format in Format::ALL {
            let xml = write(&inv, format).unwrap_or_else(|e| panic!("{} in {}: {e}", inv.number, format.label()));
            let back =
                read(xml.as_bytes()).unwrap_or_else(|e| panic!("{} in {}: {e}\n{xml}", inv.number, format.label()));
            let mut expected = inv.clone();
            expected.syntax =
                if matches!(format, Format::FacturX | Format::XRechnungCii) { Syntax::Cii } else { Syntax::Ubl };
            expected.specification = Some(format.specification().to_string());
            assert_eq!(back.invoice, expected, "{} in {}:\n{xml}", inv.number, format.label());
        }
    }
}

#[test]
fn ubl_credit_notes_have_their_own_root_and_markup_is_escaped() {
    let xml = write(&credit_note(), Format::Peppol).unwrap();
    assert!(xml.contains("<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""));
    assert!(xml.contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"));
    assert!(xml.contains("<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>"));
    assert!(!xml.contains("<cbc:DueDate>"));
    assert!(xml.contains("<cbc:PaymentDueDate>2026-12-05</cbc:PaymentDueDate>"));
    assert!(xml.contains("Smith &amp; &lt;Sons&gt; &quot;Design&quot; O&apos;Neil GmbH"));
    let cii = write(&two_rates(), Format::FacturX).unwrap();
    assert!(cii.contains("<ram:ChargeAmount>0.0125</ram:ChargeAmount>"));
    assert!(cii.contains("<ram:GrandTotalAmount>1203.26</ram:GrandTotalAmount>"));
    assert!(cii.contains("<ram:ID>urn:cen.eu:en16931:2017</ram:ID>"));
    // Parsed by the hardened reader: well-formed.
    read_xml(cii.as_bytes()).unwrap();
}

#[test]
fn a_format_lists_every_field_it_still_needs() {
    let mut inv = two_rates();
    inv.buyer_reference = None;
    inv.seller.vat_id = None;
    inv.seller.tax_registration = None;
    inv.seller.phone = None;
    inv.buyer.electronic_address = None;
    let err = write(&inv, Format::XRechnungUbl).unwrap_err();
    let EInvoiceError::Incomplete { gaps, .. } = &err else { panic!("{err:?}") };
    let terms: Vec<&str> = gaps.iter().map(|g| g.term).collect();
    assert_eq!(terms, ["BT-31", "BT-10", "BT-42", "BT-49"]);
    assert_eq!(err.code(), kindly_core::ErrorCode::EinvoiceIncomplete);
    assert_eq!(
        err.to_string(),
        "XRechnung (UBL) needs your VAT ID (or tax number) (BT-31), the client's buyer reference (Leitweg-ID) (BT-10), \
         your telephone number (BT-42), the client's electronic address (Peppol ID) (BT-49)."
    );
    // Factur-X needs neither the Leitweg-ID nor a telephone nor Peppol IDs.
    let err = write(&inv, Format::FacturX).unwrap_err();
    let EInvoiceError::Incomplete { gaps, .. } = &err else { panic!("{err:?}") };
    assert_eq!(gaps.iter().map(|g| g.term).collect::<Vec<_>>(), ["BT-31"]);
}

#[test]
fn figures_that_disagree_are_not_written() {
    let mut inv = two_rates();
    inv.totals.payable += 1;
    assert!(matches!(write(&inv, Format::Peppol), Err(EInvoiceError::TotalsInconsistent { .. })));
}

//! The readers against hand-written samples of each syntax and profile,
//! field by field, and the files they must refuse.

#![allow(clippy::unwrap_used)] // a test: a failed unwrap fails it

use kindly_einvoice::model::{Identifier, TYPE_CREDIT_NOTE, TYPE_INVOICE};
use kindly_einvoice::{read, read_xml, Container, EInvoiceError, Syntax, XmlDecimal};
use lopdf::{dictionary, Document, Object, Stream};

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples").join(name)).unwrap()
}

fn dec(s: &str) -> XmlDecimal {
    XmlDecimal::parse(s).unwrap()
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// A one-page PDF with no embedded file.
fn plain_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn factur_x_cii_is_read_field_by_field() {
    let r = read(&sample("factur-x-en16931.xml")).unwrap();
    assert_eq!(r.container, Container::Xml);
    let inv = r.invoice;
    assert_eq!(inv.syntax, Syntax::Cii);
    assert_eq!(inv.specification.as_deref(), Some("urn:cen.eu:en16931:2017"));
    assert_eq!(inv.number, "RE-2026-0412");
    assert_eq!(inv.type_code, TYPE_INVOICE);
    assert!(!inv.is_credit_note());
    assert_eq!(inv.issue_date, date("2026-11-05"));
    assert_eq!(inv.due_date, Some(date("2026-12-05")));
    assert_eq!(inv.currency.code(), "EUR");
    assert_eq!(inv.buyer_reference.as_deref(), Some("PO-7781"));
    assert_eq!(inv.payment_terms.as_deref(), Some("Payable within 30 days without deduction."));
    assert_eq!(inv.notes, vec!["Thank you for your order & your trust.".to_string()]);
    // Seller
    assert_eq!(inv.seller.name, "Muster Design GmbH");
    assert_eq!(inv.seller.vat_id.as_deref(), Some("DE123456789"));
    assert_eq!(inv.seller.email.as_deref(), Some("anna@muster-design.example"));
    assert_eq!(inv.seller.address.to_lines(), vec!["Invalidenstraße 1", "10115 Berlin", "DE"]);
    // Buyer
    let b = &inv.buyer;
    assert_eq!(b.name, "Beispiel AG");
    assert_eq!(b.vat_id.as_deref(), Some("DE987654321"));
    assert_eq!(b.legal_id, Some(Identifier { value: "552100554".into(), scheme: Some("0002".into()) }));
    assert_eq!(b.email.as_deref(), Some("buchhaltung@beispiel.example"));
    assert_eq!(b.electronic_address, Some(Identifier { value: "DE987654321".into(), scheme: Some("9930".into()) }));
    assert_eq!(b.address.lines, vec!["Marienplatz 8", "3. Stock"]);
    assert_eq!(b.address.city.as_deref(), Some("München"));
    assert_eq!(b.address.postcode.as_deref(), Some("80331"));
    assert_eq!(b.address.country.as_deref(), Some("DE"));
    // Lines, exact
    assert_eq!(inv.lines.len(), 3);
    let l = &inv.lines[0];
    assert_eq!((l.id.as_str(), l.name.as_str()), ("1", "Design work, October"));
    assert_eq!(l.description.as_deref(), Some("Logo and letterhead"));
    assert_eq!((l.quantity, l.unit_code.as_deref()), (dec("10"), Some("HUR")));
    assert_eq!(l.net_price, dec("85"));
    assert_eq!((l.vat_category.as_str(), l.vat_rate), ("S", Some(dec("19"))));
    assert_eq!(l.net_amount, 85000);
    let l = &inv.lines[2];
    assert_eq!(l.net_price, XmlDecimal::from_units(125, 4), "a unit price keeps its 4 decimals");
    assert_eq!(l.net_amount, 1250);
    // VAT breakdown and totals
    assert_eq!(inv.vat_breakdown.len(), 2);
    assert_eq!(
        (inv.vat_breakdown[0].taxable_amount, inv.vat_breakdown[0].tax_amount, inv.vat_breakdown[0].rate),
        (99990, 18998, Some(dec("19")))
    );
    assert_eq!((inv.vat_breakdown[1].taxable_amount, inv.vat_breakdown[1].tax_amount), (1250, 88));
    let t = &inv.totals;
    assert_eq!(
        (t.line_total, t.tax_exclusive, t.tax_total, t.tax_inclusive, t.prepaid, t.payable),
        (101240, 101240, 19086, 120326, 20000, 100326)
    );
    // Payment
    assert_eq!(inv.payment.means_code.as_deref(), Some("58"));
    assert_eq!(inv.payment.remittance.as_deref(), Some("RE-2026-0412"));
    assert_eq!(inv.payment.accounts.len(), 1);
    assert_eq!(inv.payment.accounts[0].iban, "DE02120300000000202051");
    assert_eq!(inv.payment.accounts[0].bic.as_deref(), Some("BYLADEM1001"));
    assert_eq!(inv.payment.accounts[0].name.as_deref(), Some("Muster Design GmbH"));
}

#[test]
fn xrechnung_ubl_is_read_field_by_field() {
    let inv = read(&sample("xrechnung-3.0-ubl.xml")).unwrap().invoice;
    assert_eq!(inv.syntax, Syntax::Ubl);
    assert!(inv.specification.as_deref().unwrap().ends_with("xrechnung_3.0"));
    assert_eq!(inv.number, "2026-117");
    assert_eq!((inv.issue_date, inv.due_date), (date("2026-11-20"), Some(date("2026-12-31"))));
    assert_eq!(inv.buyer_reference.as_deref(), Some("04011000-12345-03"), "the Leitweg-ID");
    assert_eq!(inv.seller.name, "Schmidt IT-Beratung");
    assert_eq!(inv.seller.vat_id.as_deref(), Some("DE111222333"));
    assert_eq!(inv.seller.email.as_deref(), Some("jonas@schmidt-it.example"));
    assert_eq!(inv.buyer.name, "Freie und Hansestadt Hamburg – Bezirksamt Mitte");
    assert_eq!(inv.buyer.vat_id, None);
    assert_eq!(inv.buyer.email.as_deref(), Some("eingang@bezirksamt.example"));
    assert_eq!(
        inv.buyer.electronic_address,
        Some(Identifier { value: "04011000-12345-03".into(), scheme: Some("0204".into()) })
    );
    assert_eq!(inv.lines.len(), 1);
    let l = &inv.lines[0];
    assert_eq!(
        (l.name.as_str(), l.quantity, l.unit_code.as_deref()),
        ("IT-Beratung (Tagessatz)", dec("3"), Some("DAY"))
    );
    assert_eq!((l.net_price, l.net_amount), (dec("600"), 180000));
    assert_eq!((inv.totals.tax_total, inv.totals.tax_inclusive, inv.totals.payable), (34200, 214200, 214200));
    assert_eq!(inv.payment.remittance.as_deref(), Some("2026-117"));
    assert_eq!(inv.payment.accounts[0].iban, "DE75512108001245126199");
    assert_eq!(inv.payment.accounts[0].bic.as_deref(), Some("SOGEDEFFXXX"));
    assert_eq!(inv.payment_terms.as_deref(), Some("Zahlbar bis 31.12.2026 ohne Abzug."));
}

#[test]
fn peppol_bis_is_read_field_by_field() {
    let inv = read(&sample("peppol-bis-3.0.xml")).unwrap().invoice;
    assert_eq!(inv.number, "F2026/0093");
    assert_eq!(inv.seller.name, "Lumière SRL");
    assert_eq!(inv.seller.trading_name.as_deref(), Some("Studio Lumière"));
    assert_eq!(inv.buyer.name, "Client Belge SRL");
    assert_eq!(inv.buyer.vat_id.as_deref(), Some("BE0123456749"));
    assert_eq!(inv.buyer.legal_id, Some(Identifier { value: "0123456749".into(), scheme: Some("0208".into()) }));
    assert_eq!(inv.buyer.address.lines, vec!["Avenue Louise 200", "Boîte 4"]);
    assert_eq!(inv.lines.len(), 2);
    assert_eq!((inv.lines[0].id.as_str(), inv.lines[0].price_base_quantity), ("10", Some(dec("1"))));
    assert_eq!(inv.lines[1].net_amount, 7550);
    assert_eq!((inv.totals.line_total, inv.totals.tax_total, inv.totals.payable), (57550, 12086, 69636));
    assert_eq!(inv.payment.means_code.as_deref(), Some("30"));
    assert_eq!(inv.payment.remittance.as_deref(), Some("+++090/9337/55493+++"));
    assert_eq!(inv.payment.accounts[0].bic.as_deref(), Some("GKCCBEBB"));
}

#[test]
fn ubl_credit_note_is_read() {
    let inv = read(&sample("ubl-credit-note.xml")).unwrap().invoice;
    assert_eq!(inv.type_code, TYPE_CREDIT_NOTE);
    assert!(inv.is_credit_note());
    assert_eq!(inv.number, "CN2026/0004");
    assert_eq!(inv.preceding_invoice.as_deref(), Some("F2026/0093"));
    assert_eq!(inv.due_date, Some(date("2026-11-15")), "from cac:PaymentMeans/cbc:PaymentDueDate");
    assert_eq!(inv.lines[0].quantity, dec("1"));
    assert_eq!(inv.totals.payable, 9136);
}

#[test]
fn factur_x_pdf_gives_its_embedded_xml() {
    let xml = sample("factur-x-en16931.xml");
    let pdf = kindly_einvoice::pdf::embed_invoice(&plain_pdf(), &xml).unwrap();
    let r = read(&pdf).unwrap();
    assert_eq!(r.container, Container::Pdf);
    assert_eq!(r.embedded_name.as_deref(), Some("factur-x.xml"));
    assert_eq!(r.invoice, read_xml(&xml).unwrap());
    // The file is found through the name tree alone, too (older ZUGFeRD files have no /AF).
    let mut doc = Document::load_mem(&pdf).unwrap();
    doc.catalog_mut().unwrap().remove(b"AF");
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    assert_eq!(read(&out).unwrap().invoice.number, "RE-2026-0412");
}

#[test]
fn plain_and_broken_pdfs_are_refused() {
    let e = read(&plain_pdf()).unwrap_err();
    assert_eq!(e, EInvoiceError::PdfNoInvoice);
    assert_eq!(e.to_string(), "This PDF has no embedded e-invoice (factur-x.xml); it is a plain PDF.");
    assert_eq!(read(b"%PDF-1.7\nnot really").unwrap_err().code().as_str(), "einvoice_pdf_invalid");
}

#[test]
fn xml_bombs_and_external_entities_are_refused() {
    let e = read(&sample("billion-laughs.xml")).unwrap_err();
    assert_eq!(e.code().as_str(), "einvoice_xml_doctype_refused", "{e}");
    assert_eq!(read(&sample("xxe.xml")).unwrap_err().code().as_str(), "einvoice_xml_doctype_refused");
    let e = read(b"<Invoice><ID>&xxe;</ID></Invoice>").unwrap_err();
    assert_eq!(e.code().as_str(), "einvoice_xml_entity_undefined", "{e}");
    // Deep nesting and huge element counts stop early with their own code.
    let deep = format!("<Invoice>{}", "<a>".repeat(100));
    assert_eq!(read(deep.as_bytes()).unwrap_err().code().as_str(), "einvoice_xml_too_large");
    let wide = format!("<Invoice>{}</Invoice>", "<a/>".repeat(250_000));
    let started = std::time::Instant::now();
    assert_eq!(read(wide.as_bytes()).unwrap_err().code().as_str(), "einvoice_xml_too_large");
    assert!(started.elapsed().as_secs() < 5);
    let big = vec![b' '; 21 * 1024 * 1024];
    assert!(matches!(read(&big).unwrap_err(), EInvoiceError::FileTooLarge { .. }));
}

#[test]
fn other_files_are_named_for_what_they_are() {
    assert_eq!(read(b"").unwrap_err(), EInvoiceError::FileEmpty);
    assert_eq!(read(b"Date;Amount\n").unwrap_err(), EInvoiceError::UnknownFormat);
    let e = read(b"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>").unwrap_err();
    assert_eq!(e.code().as_str(), "einvoice_not_an_invoice");
    assert!(e.to_string().contains("<Document>"), "{e}");
    assert_eq!(read(b"<Invoice><ID>1</ID>").unwrap_err().code().as_str(), "einvoice_xml_malformed");
}

#[test]
fn missing_and_invalid_terms_name_the_term_and_path() {
    let xml = String::from_utf8(sample("factur-x-en16931.xml")).unwrap();
    let e = read(xml.replace("<ram:ID>RE-2026-0412</ram:ID>", "").as_bytes()).unwrap_err();
    assert_eq!(e.to_string(), "The XML has no BT-1 invoice number (rsm:ExchangedDocument/ram:ID).");
    let e = read(
        xml.replace(
            "<ram:LineTotalAmount>149.90</ram:LineTotalAmount>",
            "<ram:LineTotalAmount>149.901</ram:LineTotalAmount>",
        )
        .as_bytes(),
    )
    .unwrap_err();
    assert_eq!(e.code().as_str(), "einvoice_field_invalid");
    assert!(e.to_string().contains("BT-131 invoice line net amount of line 2"), "{e}");
    assert!(e.to_string().contains("at most 2 decimals"), "{e}");
    let e = read(xml.replace(">EUR<", ">EURO<").as_bytes()).unwrap_err();
    assert!(e.to_string().contains("BT-5 invoice currency"), "{e}");
    let e = read(xml.replace("20261105", "2026-13-45").as_bytes()).unwrap_err();
    assert!(e.to_string().contains("BT-2 issue date"), "{e}");
}

#[test]
fn inconsistent_totals_are_refused_with_the_figures() {
    let xml = String::from_utf8(sample("factur-x-en16931.xml")).unwrap();
    let e =
        read(xml.replace("<ram:GrandTotalAmount>1203.26<", "<ram:GrandTotalAmount>1203.62<").as_bytes()).unwrap_err();
    assert_eq!(e.code().as_str(), "einvoice_totals_inconsistent");
    assert_eq!(
        e.to_string(),
        "The e-invoice's figures disagree: BT-109 1012.40 + BT-110 VAT 190.86 is 1203.26, but BT-112 (total with VAT) says 1203.62."
    );
    let e = read(xml.replace("<ram:LineTotalAmount>12.50<", "<ram:LineTotalAmount>12.05<").as_bytes()).unwrap_err();
    assert!(e.to_string().contains("line net amounts add up to 1011.95 but BT-106"), "{e}");
    let e =
        read(xml.replace("<ram:DuePayableAmount>1003.26<", "<ram:DuePayableAmount>1203.26<").as_bytes()).unwrap_err();
    assert!(e.to_string().contains("BT-115 (amount due) says 1203.26"), "{e}");
    let ubl = String::from_utf8(sample("peppol-bis-3.0.xml")).unwrap();
    let e = read(
        ubl.replacen("<cbc:TaxAmount currencyID=\"EUR\">120.86<", "<cbc:TaxAmount currencyID=\"EUR\">120.85<", 1)
            .as_bytes(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("VAT breakdown's tax amounts add up to 120.86 but BT-110"), "{e}");
}

//! A Factur-X invoice end to end: the CII XML written from the model, the
//! invoice PDF drawn by kindly-pdf, and the PDF/A-3b step (embedded XML,
//! XMP, output intent) before it is saved. Budget: ≤ 10 ms median.
//! Plain timing loops (median, p95), like kindly-pdf's bench.
//!
//! ```text
//! CARGO_TARGET_DIR=/var/tmp/kt-einvoice cargo bench -p kindly-einvoice --bench facturx
//! ```
#![allow(clippy::unwrap_used)] // a benchmark: a failed unwrap fails it

use kindly_core::Currency;
use kindly_einvoice::facturx::{make_facturx, PdfAMeta};
use kindly_einvoice::model::{
    Account, Address, DocumentTotals, Identifier, Invoice, Line, Party, PaymentInstructions, VatBreakdown, TYPE_INVOICE,
};
use kindly_einvoice::{cii, CiiProfile, Syntax, XmlDecimal};
use kindly_pdf::{render_invoice_with, DocMeta, Fonts, InvoiceDoc, PageSize, Party as PdfParty, Table, TotalLine};
use std::time::{Duration, Instant};

const LINES: usize = 10;

fn model() -> Invoice {
    let party = |name: &str, vat: &str| Party {
        name: name.into(),
        address: Address {
            lines: vec!["Invalidenstraße 1".into()],
            city: Some("Berlin".into()),
            postcode: Some("10115".into()),
            country: Some("DE".into()),
            ..Address::default()
        },
        vat_id: Some(vat.into()),
        email: Some("ap@example.com".into()),
        electronic_address: Some(Identifier { value: vat.into(), scheme: Some("9930".into()) }),
        ..Party::default()
    };
    let lines: Vec<Line> = (0..LINES)
        .map(|i| Line {
            id: (i + 1).to_string(),
            name: format!("Design work, item {}", i + 1),
            description: None,
            quantity: XmlDecimal::parse("2").unwrap(),
            unit_code: Some("HUR".into()),
            net_price: XmlDecimal::parse("85").unwrap(),
            price_base_quantity: None,
            vat_category: "S".into(),
            vat_rate: XmlDecimal::parse("19"),
            net_amount: 17000,
        })
        .collect();
    let net = 17000 * LINES as i64;
    let tax = net * 19 / 100;
    Invoice {
        syntax: Syntax::Cii,
        specification: None,
        number: "RE-2026-0412".into(),
        issue_date: "2026-11-05".parse().unwrap(),
        type_code: TYPE_INVOICE,
        currency: Currency::parse("EUR").unwrap(),
        due_date: Some("2026-12-05".parse().unwrap()),
        buyer_reference: Some("PO-1".into()),
        payment_terms: Some("30 days".into()),
        notes: vec![],
        preceding_invoice: None,
        preceding_invoice_date: None,
        seller: party("Ada Studio", "DE136695976"),
        buyer: party("Acme GmbH", "DE123456788"),
        lines,
        vat_breakdown: vec![VatBreakdown {
            category: "S".into(),
            rate: XmlDecimal::parse("19"),
            taxable_amount: net,
            tax_amount: tax,
            exemption_reason: None,
        }],
        totals: DocumentTotals {
            line_total: net,
            tax_exclusive: net,
            tax_total: tax,
            tax_inclusive: net + tax,
            payable: net + tax,
            ..DocumentTotals::default()
        },
        payment: PaymentInstructions {
            means_code: Some("58".into()),
            remittance: Some("RE-2026-0412".into()),
            accounts: vec![Account { iban: "DE89370400440532013000".into(), name: None, bic: None }],
        },
    }
}

fn doc() -> InvoiceDoc {
    InvoiceDoc {
        page: PageSize::A4,
        sender: PdfParty {
            name: "Ada Studio".into(),
            address_lines: vec!["Invalidenstraße 1".into(), "10115 Berlin".into()],
        },
        recipient: PdfParty {
            name: "Acme GmbH".into(),
            address_lines: vec!["Hauptstraße 5".into(), "80331 München".into()],
        },
        title: "Invoice".into(),
        number: "RE-2026-0412".into(),
        details: vec![("Invoice date".into(), "5 Nov 2026".into()), ("Due date".into(), "5 Dec 2026".into())],
        lines: Table {
            headers: ["Description", "Qty", "Unit price", "Tax", "Amount"].map(String::from).to_vec(),
            rows: (0..LINES)
                .map(|i| {
                    vec![
                        format!("Design work, item {}", i + 1),
                        "2".into(),
                        "€85.00".into(),
                        "19 %".into(),
                        "€170.00".into(),
                    ]
                })
                .collect(),
            right_align: vec![1, 2, 3, 4],
            total: None,
        },
        totals: vec![
            TotalLine { label: "Subtotal".into(), amount: "€1,700.00".into(), emphasis: false },
            TotalLine { label: "VAT 19 %".into(), amount: "€323.00".into(), emphasis: false },
            TotalLine { label: "Total".into(), amount: "€2,023.00".into(), emphasis: true },
        ],
        notes: vec!["Payment terms: 30 days".into()],
        payment_methods: vec!["IBAN DE89 3704 0044 0532 0130 00".into()],
        ..InvoiceDoc::default()
    }
}

fn main() {
    let fonts = Fonts::load().unwrap();
    let (inv, doc) = (model(), doc());
    let created = "2026-11-05T10:00:00".parse().unwrap();
    let meta = DocMeta::new("Invoice RE-2026-0412", "Ada Studio", created);
    let pdfa = PdfAMeta { title: meta.title.clone(), author: meta.author.clone(), created, producer: "Kindly".into() };
    let once = || {
        let xml = cii::write(&inv, CiiProfile::FacturX).unwrap();
        render_invoice_with(&fonts, &doc, &meta, &mut |lo| {
            make_facturx(lo, xml.as_bytes(), &pdfa).map_err(|e| kindly_pdf::PdfError::Render { reason: e.to_string() })
        })
        .unwrap()
    };
    let size = once().len();
    for _ in 0..20 {
        once();
    }
    let mut samples: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(once());
            t.elapsed()
        })
        .collect();
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let median = ms(samples[samples.len() / 2]);
    let p95 = ms(samples[samples.len() * 95 / 100]);
    println!(
        "Factur-X invoice ({LINES} lines: CII + PDF + PDF/A-3b)   median {median:8.3} ms   p95 {p95:8.3} ms   size {size} bytes"
    );
    assert!(median <= 10.0, "over the 10 ms budget: {median:.3} ms");
}

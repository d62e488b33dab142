//! Sample documents shared by the tests and the benchmark.
#![allow(dead_code)]

use kindly_pdf::{DocMeta, InvoiceDoc, LetterDoc, PageSize, Party, Qr, Table, TotalLine};

pub const GIROCODE: &str =
    "BCD\n002\n1\nSCT\nCOBADEFFXXX\nMara Schneider Design\nDE89370400440532013000\nEUR1234.56\n\n\nINV-2026-0042\n";

pub fn meta() -> DocMeta {
    let created = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(9, 30, 15).unwrap();
    DocMeta::new("Payment reminder", "Mara Schneider Design", created)
}

pub fn letter(page: PageSize, recipient_name: &str, invoices: usize) -> LetterDoc {
    let rows: Vec<Vec<String>> = (0..invoices)
        .map(|i| {
            vec![
                format!("INV-2026-{:04}", 42 + i),
                format!("{} October 2026", 1 + i % 28),
                format!("{} November 2026", 1 + i % 28),
                format!("€{},{:03}.{:02}", 1 + i % 3, (i * 37) % 1000, (i * 13) % 100),
            ]
        })
        .collect();
    LetterDoc {
        page,
        sender: Party {
            name: "Mara Schneider Design".into(),
            address_lines: vec!["Lindenstraße 12".into(), "10969 Berlin".into()],
        },
        sender_contact: vec!["mara@schneider-design.de".into(), "+49 30 1234567".into(), "schneider-design.de".into()],
        recipient: Party {
            name: recipient_name.into(),
            address_lines: vec!["Acme GmbH".into(), "Hauptstraße 5".into(), "80331 München".into()],
        },
        date_line: "23 November 2026".into(),
        reference_line: "Invoice INV-2026-0042 · Customer no. 17".into(),
        subject: "Friendly reminder: invoice INV-2026-0042 is still open".into(),
        greeting: format!("Dear {recipient_name},"),
        body: vec![
            "I hope all is well. According to my records, the invoice below is still open. It was due on \
             9 November 2026 — perhaps it simply slipped through the cracks."
                .into(),
            "If you have already paid, please ignore this letter and accept my thanks.\nOtherwise I would be \
             grateful if you could transfer the amount within the next 14 days."
                .into(),
        ],
        table: Some(Table {
            headers: vec!["Invoice".into(), "Date".into(), "Due".into(), "Amount".into()],
            rows,
            right_align: vec![3],
            total: Some(vec!["".into(), "".into(), "Total still owing".into(), "€1,234.56".into()]),
        }),
        payment_methods: vec![
            "Bank transfer: IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX".into(),
            "Card or PayPal: https://pay.schneider-design.de/INV-2026-0042".into(),
        ],
        qr: Some(Qr { payload: GIROCODE.into(), caption: "Scan with your banking app".into() }),
        closing: "Kind regards,".into(),
        signature: vec!["Mara Schneider".into(), "Owner".into(), "Mara Schneider Design".into()],
        footer: vec![
            "Mara Schneider Design · Lindenstraße 12 · 10969 Berlin · VAT ID DE123456789".into(),
            "Commerzbank · IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX".into(),
        ],
    }
}

pub fn invoice(page: PageSize, recipient_name: &str, lines: usize) -> InvoiceDoc {
    InvoiceDoc {
        page,
        sender: Party {
            name: "Mara Schneider Design".into(),
            address_lines: vec!["Lindenstraße 12".into(), "10969 Berlin".into()],
        },
        sender_contact: vec!["mara@schneider-design.de".into()],
        recipient: Party {
            name: recipient_name.into(),
            address_lines: vec!["Hauptstraße 5".into(), "80331 München".into()],
        },
        title: "Invoice".into(),
        number: "INV-2026-0042".into(),
        details: vec![
            ("Invoice date".into(), "23 November 2026".into()),
            ("Due date".into(), "7 December 2026".into()),
            ("Customer no.".into(), "17".into()),
        ],
        intro: vec!["Thank you for your order. I am invoicing the following services:".into()],
        lines: Table {
            headers: vec!["Description".into(), "Qty".into(), "Unit price".into(), "Amount".into()],
            rows: (0..lines)
                .map(|i| {
                    vec![
                        format!("Logo design, revision round {}", i + 1),
                        "1".into(),
                        "€100.00".into(),
                        "€100.00".into(),
                    ]
                })
                .collect(),
            right_align: vec![1, 2, 3],
            total: None,
        },
        totals: vec![
            TotalLine { label: "Subtotal".into(), amount: "€1,037.44".into(), emphasis: false },
            TotalLine { label: "VAT 19 %".into(), amount: "€197.12".into(), emphasis: false },
            TotalLine { label: "Total due".into(), amount: "€1,234.56".into(), emphasis: true },
        ],
        notes: vec!["Payable within 14 days without deduction.".into()],
        payment_methods: vec!["Bank transfer: IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX".into()],
        qr: Some(Qr { payload: GIROCODE.into(), caption: "GiroCode".into() }),
        footer: vec!["Mara Schneider Design · VAT ID DE123456789".into()],
    }
}

/// A statement of account with `invoices` open invoices in EUR (and, with
/// `usd`, a second section in US dollars), built on the sample letter.
pub fn statement(page: PageSize, invoices: usize, usd: bool) -> kindly_pdf::StatementDoc {
    let section = |cur: &str, sym: &str, n: usize| kindly_pdf::StatementSection {
        heading: format!("Open invoices in {cur}"),
        invoices: Table {
            headers: ["Invoice", "Invoice date", "Due date", "Amount", "Paid", "Still owing", "Days\noverdue"]
                .map(String::from)
                .to_vec(),
            rows: (0..n)
                .map(|i| {
                    vec![
                        format!("{cur}-2026-{:04}", i + 1),
                        format!("{} Oct 2026", 1 + i % 28),
                        format!("{} Nov 2026", 1 + i % 28),
                        format!("{sym}1,{:03}.00", i % 1000),
                        format!("{sym}100.00"),
                        format!("{sym}{:03}.00", 900 + i % 100),
                        format!("{}", 10 + i % 20),
                    ]
                })
                .collect(),
            right_align: vec![3, 4, 5, 6],
            total: Some(vec![
                String::new(),
                String::new(),
                "Total still owing".into(),
                String::new(),
                String::new(),
                format!("{sym}9,999.99"),
                String::new(),
            ]),
        },
        payments_heading: "Payments received since 1 October 2026".into(),
        payments: Table {
            headers: ["Date", "Invoice", "Method", "Amount"].map(String::from).to_vec(),
            rows: vec![vec![
                "2 November 2026".into(),
                format!("{cur}-2026-0001"),
                "Bank transfer".into(),
                format!("{sym}100.00"),
            ]],
            right_align: vec![3],
            total: None,
        },
        no_payments: "No payments were received in this period.".into(),
        balance: format!("Balance in {cur}: {sym}9,999.99"),
        interest: Vec::new(),
    };
    let mut sections = vec![section("EUR", "€", invoices)];
    if usd {
        sections.push(section("USD", "$", 2));
    }
    let mut letter = letter(page, "Zoë Ångström", 0);
    letter.subject = "Statement of account".into();
    letter.table = None;
    kindly_pdf::StatementDoc { summary: sections.iter().map(|s| s.balance.clone()).collect(), letter, sections }
}

//! Every preset against a sample file written from the tool's columns (see
//! `src/presets.rs` for each source), plus generic headers in French and
//! Spanish, and the bad-input cases: each file is detected, read with no
//! problem, and gives the records it holds.

use kindly_csv::rows::Records;
use kindly_csv::{detect, parse, DateFormat, DecimalSeparator, ImportKind, ImportPreset, TextEncoding};

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/samples/{name}", env!("CARGO_MANIFEST_DIR"))).expect("sample file")
}

#[test]
fn every_preset_reads_its_sample() {
    use ImportPreset as P;
    // (file, kind, preset detected, records, encoding, decimal, date format)
    let cases = [
        (
            "invoice_ninja_invoices.csv",
            ImportKind::Invoices,
            Some(P::InvoiceNinja),
            2,
            TextEncoding::Utf8,
            DecimalSeparator::Point,
            DateFormat::Iso,
        ),
        (
            "freshbooks_invoices.csv",
            ImportKind::Invoices,
            Some(P::FreshBooks),
            2,
            TextEncoding::Utf8,
            DecimalSeparator::Point,
            DateFormat::Iso,
        ),
        (
            "zoho_invoice_invoices.csv",
            ImportKind::Invoices,
            Some(P::ZohoInvoice),
            2,
            TextEncoding::Utf8,
            DecimalSeparator::Point,
            DateFormat::Iso,
        ),
        (
            "quickbooks_invoices.csv",
            ImportKind::Invoices,
            Some(P::QuickBooks),
            2,
            TextEncoding::Utf8,
            DecimalSeparator::Point,
            DateFormat::MonthDayYearSlash,
        ),
        (
            "xero_invoices.csv",
            ImportKind::Invoices,
            Some(P::Xero),
            2,
            TextEncoding::Utf8,
            DecimalSeparator::Point,
            DateFormat::DayMonthYearSlash,
        ),
        (
            "xero_clients.csv",
            ImportKind::Clients,
            Some(P::Xero),
            2,
            TextEncoding::Utf8,
            DecimalSeparator::Point,
            DateFormat::DayMonthYearSlash,
        ),
        (
            "lexoffice_invoices.csv",
            ImportKind::Invoices,
            Some(P::Lexoffice),
            2,
            TextEncoding::Windows1252,
            DecimalSeparator::Comma,
            DateFormat::DayMonthYearDots,
        ),
        (
            "sevdesk_invoices.csv",
            ImportKind::Invoices,
            Some(P::SevDesk),
            2,
            TextEncoding::Utf8,
            DecimalSeparator::Comma,
            DateFormat::DayMonthYearDots,
        ),
        (
            "kindly_invoices.csv",
            ImportKind::Invoices,
            Some(P::Kindly),
            1,
            TextEncoding::Utf16Le,
            DecimalSeparator::Point,
            DateFormat::Iso,
        ),
        (
            "generic_es_invoices.tsv",
            ImportKind::Invoices,
            None,
            2,
            TextEncoding::Utf8,
            DecimalSeparator::Comma,
            DateFormat::DayMonthYearSlash,
        ),
        (
            "generic_fr_clients.csv",
            ImportKind::Clients,
            None,
            1,
            TextEncoding::Utf8,
            DecimalSeparator::Point,
            DateFormat::Iso,
        ),
    ];
    for (file, kind, preset, n, enc, dec, date) in cases {
        let bytes = sample(file);
        let d = detect(&bytes, kind, None, "EUR").unwrap();
        assert_eq!(d.detected_preset, preset, "{file}");
        let m = &d.mapping;
        assert_eq!((m.encoding, m.decimal, m.date_format), (enc, dec, date), "{file}");
        let p = parse(&bytes, m).unwrap();
        assert!(p.problems.is_empty(), "{file}: {:#?}", p.problems);
        let got = match &p.records {
            Records::Clients(c) => c.len(),
            Records::Invoices(i) => i.len(),
            Records::Payments(x) => x.len(),
        };
        assert_eq!(got, n, "{file}");
    }
}

#[test]
fn totals_lines_and_paid_amounts_are_exact() {
    let bytes = sample("lexoffice_invoices.csv");
    let d = detect(&bytes, ImportKind::Invoices, None, "EUR").unwrap();
    let Records::Invoices(inv) = parse(&bytes, &d.mapping).unwrap().records else { panic!() };
    assert_eq!(inv[0].client.name, "Müller & Söhne GmbH");
    assert_eq!(
        (inv[0].totals.subtotal_minor, inv[0].totals.tax_minor, inv[0].totals.total_minor),
        (100_000, 19_000, 119_000)
    );
    assert_eq!(inv[0].lines[0].tax_rate_bp, 1900);
    let bytes = sample("zoho_invoice_invoices.csv");
    let d = detect(&bytes, ImportKind::Invoices, None, "EUR").unwrap();
    let Records::Invoices(inv) = parse(&bytes, &d.mapping).unwrap().records else { panic!() };
    assert_eq!(inv[0].lines.len(), 2);
    assert_eq!(inv[0].totals.total_minor, 100_669); // 10 × 100 + 3 × 2.23 INR
    let bytes = sample("xero_invoices.csv");
    let d = detect(&bytes, ImportKind::Invoices, None, "EUR").unwrap();
    let Records::Invoices(inv) = parse(&bytes, &d.mapping).unwrap().records else { panic!() };
    assert_eq!(inv[1].paid_minor, 11_500);
}

fn invoices_mapping(text: &str) -> (Vec<u8>, kindly_csv::Mapping) {
    let bytes = text.as_bytes().to_vec();
    let m = detect(&bytes, ImportKind::Invoices, None, "EUR").expect("detect").mapping;
    (bytes, m)
}

#[test]
fn bad_input_gives_specific_problems_or_errors() {
    // Ragged rows: one problem on the row, the other rows read.
    let (b, m) = invoices_mapping(
        "Invoice number,Client,Issue date,Due date,Total\nA,X,2026-01-01,2026-01-31,1.00\nB,Y,2026-01-01\n",
    );
    let p = parse(&b, &m).unwrap();
    assert_eq!(p.problems.len(), 1);
    assert_eq!(p.problems[0].row, 3);
    assert!(p.problems[0].message.contains("3 cells but the header has 5"), "{}", p.problems[0].message);
    // Broken quotes: the whole file, with the line.
    let e =
        parse(b"Invoice number,Client,Issue date,Due date,Total\n\"A,X,2026-01-01,2026-01-31,1.00\n", &m).unwrap_err();
    assert_eq!(e.code(), kindly_core::ErrorCode::CsvMalformed);
    assert!(e.to_string().contains("row 2"), "{e}");
    // Unknown columns: ignored and reported.
    let (b, m) = invoices_mapping(
        "Invoice number,Client,Issue date,Due date,Total,Colour\nA,X,2026-01-01,2026-01-31,1.00,blue\n",
    );
    assert_eq!(parse(&b, &m).unwrap().ignored_columns, vec!["Colour".to_string()]);
    // Amounts in the wrong locale: named as such.
    let (b, mut m) =
        invoices_mapping("Invoice number,Client,Issue date,Due date,Total\nA,X,2026-01-01,2026-01-31,\"12,50\"\n");
    m.decimal = DecimalSeparator::Point;
    let p = parse(&b, &m).unwrap();
    assert!(p.problems[0].message.contains("decimal comma"), "{}", p.problems[0].message);
    // The same number twice with different data.
    let (b, m) = invoices_mapping("Invoice number,Client,Issue date,Due date,Total\nA,X,2026-01-01,2026-01-31,1.00\nA,X,2026-01-01,2026-01-31,2.00\nA,X,2026-01-01,2026-01-31,1.00\n");
    let p = parse(&b, &m).unwrap();
    assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
    assert_eq!((p.problems[0].row, p.repeated_rows), (3, 1));
    // A mapping without a required field is refused with what to choose.
    let mut m2 = m.clone();
    m2.columns.iter_mut().for_each(|c| {
        if c.field == kindly_csv::ImportField::IssueDate {
            c.column = None;
        }
    });
    assert!(parse(&b, &m2).unwrap_err().to_string().contains("Issue date"));
}

/// A row whose date was wrong hid its bad amount until the date was fixed:
/// a dry run now names every problem of the row at once.
#[test]
fn a_row_with_a_bad_date_still_reports_its_bad_amount() {
    let (b, m) = invoices_mapping("Invoice number,Client,Issue date,Due date,Total\nA,X,2026-13-01,2026-01-31,abc\n");
    let p = parse(&b, &m).unwrap();
    let columns: Vec<&str> = p.problems.iter().map(|x| x.column.as_str()).collect();
    assert_eq!(columns, ["Issue date", "Total"], "{:?}", p.problems);
    assert!(p.problems.iter().all(|x| x.row == 2), "{:?}", p.problems);
}

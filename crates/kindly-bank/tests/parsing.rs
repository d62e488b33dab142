//! Every format from its fixture: what is read, and that identities are stable.
#![allow(clippy::unwrap_used)] // a test or benchmark: a failed unwrap fails it

use chrono::NaiveDate;
use kindly_bank::csv_import::{CsvQuestion, DateFormat, DecimalSeparator, TextEncoding};
use kindly_bank::{detect_csv_mapping, detect_format, parse, Entry, Format, Statement};
use kindly_core::{Currency, Money};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn auto(name: &str) -> Statement {
    parse(&fixture(name), Format::Auto, None).unwrap_or_else(|e| panic!("{name}: {} {e}", e.code()))
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::EUR)
}

#[test]
fn camt053_v02_entries_batch_and_pending() {
    let s = auto("camt053_v02.xml");
    assert_eq!(s.format, Format::Camt);
    assert_eq!(s.account_iban.as_deref(), Some("DE89370400440532013000"));
    assert_eq!(s.currency, Some(Currency::EUR));
    assert_eq!(s.sections[0].statement_id.as_deref(), Some("0352C5320240304"));
    // 4 entries in the file: one pending (skipped), one batch split in two.
    assert_eq!(s.entries.len(), 4, "{:#?}", s.entries);

    let e = &s.entries[0];
    assert_eq!(e.id, "camt:DE89370400440532013000:2024030400001");
    assert!(e.credit);
    assert_eq!(e.amount, eur(15000));
    assert_eq!(e.booking_date, d(2024, 3, 4));
    assert_eq!(e.value_date, Some(d(2024, 3, 4)));
    assert_eq!(e.counterparty_name.as_deref(), Some("Müller & Söhne GmbH"));
    assert_eq!(e.counterparty_iban.as_deref(), Some("DE02120300000000202051"));
    assert_eq!(e.structured_ref.as_deref(), Some("RF18539007547034"));
    assert_eq!(e.end_to_end_id.as_deref(), Some("E2E-ACME-0007"));
    assert_eq!(e.remittance, "SEPA GUTSCHRIFT");
    assert_eq!(e.bank_ref.as_deref(), Some("2024030400001"));

    let debit = &s.entries[1];
    assert!(!debit.credit);
    assert_eq!(debit.amount, eur(4250));
    assert_eq!(debit.counterparty_name.as_deref(), Some("Office Supplies AG"));
    assert_eq!(debit.end_to_end_id, None);

    let (a, b) = (&s.entries[2], &s.entries[3]);
    assert_eq!((a.amount, b.amount), (eur(12500), eur(25000)));
    assert_eq!(a.id, "camt:DE89370400440532013000:2024030400003/1");
    assert_eq!(b.id, "camt:DE89370400440532013000:2024030400003/2");
    assert_eq!(a.counterparty_name.as_deref(), Some("Jane Roe"));
    assert_eq!(b.remittance, "INV 2024 0013 and thanks");
    assert_eq!(b.value_date, Some(d(2024, 3, 5)));
}

#[test]
fn camt053_v08_layout_and_fingerprints() {
    let s = auto("camt053_v08.xml");
    assert_eq!(s.entries.len(), 4);
    let e = &s.entries[0];
    assert_eq!(e.id, "camt:DE89370400440532013000:TX-20240311-A");
    assert_eq!(e.booking_date, d(2024, 3, 11));
    assert_eq!(e.counterparty_name.as_deref(), Some("Northwind Traders"));
    assert_eq!(e.counterparty_iban.as_deref(), Some("NL91ABNA0417164300"));
    assert_eq!(e.remittance, "Payment RF71 2348 231 thanks");
    assert_eq!(e.end_to_end_id, None, "NOTPROVIDED is no reference");

    // Two identical coffees: two entries, fingerprint ids, distinct.
    let (c1, c2) = (&s.entries[1], &s.entries[2]);
    assert!(c1.id.starts_with("fp:") && c2.id.starts_with("fp:"));
    assert_ne!(c1.id, c2.id);
    assert_eq!(c1.counterparty_name.as_deref(), Some("Corner Coffee"));
    assert!(!c1.credit);

    let p = &s.entries[3];
    assert_eq!(p.remittance, "Teilzahlung Rechnung inv-2024-0012, Rest folgt");
    assert_eq!(p.end_to_end_id.as_deref(), Some("INV-2024-0012"));
}

#[test]
fn camt054_v08_notification() {
    let s = auto("camt054_v08.xml");
    assert_eq!(s.entries.len(), 1);
    let e = &s.entries[0];
    assert_eq!(e.id, "camt:DE89370400440532013000:NTF-0009-1-TX");
    assert_eq!(e.amount, eur(50000));
    assert_eq!(e.structured_ref.as_deref(), Some("RF18 0000 0000 0539 0075 4703 4"));
    assert_eq!(e.end_to_end_id.as_deref(), Some("PO-88112"));
}

#[test]
fn a_zip_of_two_camt_files_is_read_whole() {
    let bytes = fixture("camt_two.zip");
    assert_eq!(detect_format(&bytes).unwrap(), Format::Camt);
    let s = parse(&bytes, Format::Auto, None).unwrap();
    assert_eq!(s.sections.len(), 2);
    assert_eq!(s.entries.len(), 5);
    assert_eq!(s.account_iban.as_deref(), Some("DE89370400440532013000"));
    let single: Vec<String> =
        auto("camt053_v02.xml").entries.into_iter().chain(auto("camt054_v08.xml").entries).map(|e| e.id).collect();
    let zipped: Vec<String> = s.entries.iter().map(|e| e.id.clone()).collect();
    assert_eq!(zipped, single);
}

#[test]
fn every_camt_version_from_02_to_08_is_accepted_and_others_refused() {
    let base = String::from_utf8(fixture("camt053_v08.xml")).unwrap();
    for v in 2..=8 {
        let xml = base.replace("camt.053.001.08", &format!("camt.053.001.0{v}"));
        assert_eq!(parse(xml.as_bytes(), Format::Camt, None).unwrap().entries.len(), 4, "version {v}");
    }
    let e = parse(base.replace("camt.053.001.08", "camt.052.001.08").as_bytes(), Format::Auto, None).unwrap_err();
    assert_eq!(e.code(), "bank_camt_unsupported");
    assert!(e.to_string().contains("camt.052.001.08"), "{e}");
    let e = parse(b"<html><body/></html>", Format::Auto, None).unwrap_err();
    assert_eq!(e.code(), "bank_camt_unsupported");
}

#[test]
fn camt_errors_name_the_line() {
    let base = String::from_utf8(fixture("camt053_v08.xml")).unwrap();
    let bad = base.replacen("<Amt Ccy=\"EUR\">200.00</Amt>", "<Amt Ccy=\"EUR\">2OO.00</Amt>", 1);
    let e = parse(bad.as_bytes(), Format::Camt, None).unwrap_err();
    assert_eq!(e.code(), "bank_amount_invalid");
    let line = base.lines().position(|l| l.contains("<Amt Ccy=\"EUR\">200.00</Amt>")).unwrap() as u64 + 1;
    assert_eq!(e.line(), Some(line), "{e}");
    let bad = base.replacen("<Dt>2024-03-11</Dt></BookgDt>", "<Dt>2024-02-30</Dt></BookgDt>", 1);
    assert_eq!(parse(bad.as_bytes(), Format::Camt, None).unwrap_err().code(), "bank_date_invalid");
    let bad = base.replacen("Ccy=\"EUR\">3.50", "Ccy=\"EURO\">3.50", 1);
    assert_eq!(parse(bad.as_bytes(), Format::Camt, None).unwrap_err().code(), "bank_currency_invalid");
    let bad = base.replacen("<CdtDbtInd>DBIT</CdtDbtInd>", "", 1);
    assert_eq!(parse(bad.as_bytes(), Format::Camt, None).unwrap_err().code(), "bank_field_missing");
}

#[test]
fn mt940_german_structured_86() {
    let bytes = fixture("mt940_german.sta");
    assert_eq!(detect_format(&bytes).unwrap(), Format::Mt940);
    let s = parse(&bytes, Format::Auto, None).unwrap();
    assert_eq!(s.format, Format::Mt940);
    assert_eq!(s.sections.len(), 2);
    assert_eq!(s.currency, Some(Currency::EUR));
    assert_eq!(s.account_iban.as_deref(), Some("37040044/0532013000"));
    assert_eq!(s.entries.len(), 4);

    let e = &s.entries[0];
    assert_eq!(e.id, "mt940:37040044/0532013000:2024030400001");
    assert!(e.credit);
    assert_eq!(e.amount, eur(15000));
    assert_eq!(e.value_date, Some(d(2024, 3, 4)));
    assert_eq!(e.booking_date, d(2024, 3, 4));
    assert_eq!(e.remittance, "EREF+INV-2024-0007SVWZ+Rechnung INV-2024-0007 vielen Dank");
    assert_eq!(e.end_to_end_id.as_deref(), Some("INV-2024-0007"));
    assert_eq!(e.counterparty_name.as_deref(), Some("Müller & Söhne GmbH"));
    assert_eq!(e.counterparty_iban.as_deref(), Some("DE02120300000000202051"));

    let debit = &s.entries[1];
    assert!(!debit.credit);
    assert_eq!(debit.amount, eur(4250));
    assert_eq!(debit.counterparty_name.as_deref(), Some("Office Supplies AG"));

    let free = &s.entries[2];
    assert!(free.id.starts_with("fp:"), "no bank reference → fingerprint");
    assert_eq!(free.bank_ref.as_deref(), Some("KREF-77"));
    assert_eq!(free.remittance, "Teilzahlung INV-2024-0012 Jane Roe Rest folgt");
    assert_eq!(free.booking_date, d(2024, 3, 5));

    let reversal = &s.entries[3];
    assert!(!reversal.credit, "RC is a reversed credit: money out");
    assert_eq!(reversal.remittance, "Rückbuchung");

    // LF instead of CRLF reads the same.
    let lf: Vec<u8> = bytes.iter().copied().filter(|&b| b != b'\r').collect();
    assert_eq!(parse(&lf, Format::Mt940, None).unwrap(), s);
}

#[test]
fn mt940_errors() {
    let text = String::from_utf8_lossy(&fixture("mt940_german.sta")).replace("CR150,00", "CR15O,00");
    let e = parse(text.as_bytes(), Format::Mt940, None).unwrap_err();
    assert_eq!((e.code().as_str(), e.line()), ("bank_amount_invalid", Some(5)));
    let e = parse(b":20:X\r\n:25:1\r\n:61:240301C1,00NTRF\r\n", Format::Auto, None).unwrap_err();
    assert_eq!((e.code().as_str(), e.line()), ("bank_mt940_malformed", Some(3)));
    let e = parse(b"hello world", Format::Mt940, None).unwrap_err();
    assert_eq!(e.code(), "bank_mt940_malformed");
}

#[test]
fn ofx_1_sgml() {
    let bytes = fixture("ofx1_sgml.ofx");
    assert_eq!(detect_format(&bytes).unwrap(), Format::Ofx);
    let s = parse(&bytes, Format::Auto, None).unwrap();
    assert_eq!(s.currency, Some(Currency::USD));
    assert_eq!(s.account_iban.as_deref(), Some("4455667788"));
    assert_eq!(s.entries.len(), 3);
    let e = &s.entries[0];
    assert_eq!(e.id, "ofx:4455667788:20240305-0001");
    assert!(e.credit);
    assert_eq!(e.amount, Money::new(125000, Currency::USD));
    assert_eq!(e.booking_date, d(2024, 3, 5));
    assert_eq!(e.value_date, Some(d(2024, 3, 6)));
    assert_eq!(e.counterparty_name.as_deref(), Some("ACME CORP"));
    assert_eq!(e.remittance, "Payment for invoice INV-2024-0031 & INV-2024-0032");
    assert!(!s.entries[1].credit);
    assert_eq!(s.entries[1].amount, Money::new(8999, Currency::USD));
    assert_eq!(s.entries[2].counterparty_name.as_deref(), Some("Fabrikam Inc"));
    assert_eq!(s.entries[2].remittance, "PO-4411");
}

#[test]
fn ofx_2_xml() {
    let s = auto("ofx2_xml.ofx");
    assert_eq!(s.format, Format::Ofx);
    assert_eq!(s.currency, Some(Currency::GBP));
    assert_eq!(s.entries.len(), 2);
    assert_eq!(s.entries[0].id, "ofx:31926819:GB-0308-17");
    assert_eq!(s.entries[0].amount, Money::new(42050, Currency::GBP));
    assert_eq!(s.entries[0].remittance, "INV-2024-0040");
    assert_eq!(s.entries[1].counterparty_name.as_deref(), Some("Bank fees"));
    assert_eq!(s.entries[1].remittance, "");
}

#[test]
fn ofx_errors() {
    let text = String::from_utf8(fixture("ofx2_xml.ofx")).unwrap();
    let e = parse(text.replace("420.50", "4x20").as_bytes(), Format::Ofx, None).unwrap_err();
    assert_eq!(e.code(), "bank_amount_invalid");
    let cut = &text[..text.find("<TRNAMT>-15.00").unwrap()];
    assert_eq!(parse(cut.as_bytes(), Format::Ofx, None).unwrap_err().code(), "bank_ofx_malformed");
    let e = parse(text.replace("<CURDEF>GBP</CURDEF>", "").as_bytes(), Format::Ofx, None).unwrap_err();
    assert_eq!(e.code(), "bank_field_missing");
}

#[test]
fn csv_english_comma_point_bom() {
    let bytes = fixture("csv_english.csv");
    let p = detect_csv_mapping(&bytes).unwrap();
    assert!(p.questions.is_empty(), "{:?}", p.questions);
    assert_eq!(p.headers, ["Date", "Description", "Payer", "IBAN", "Amount", "Currency", "Transaction ID"]);
    let m = &p.mapping;
    assert_eq!(
        (m.delimiter, m.encoding, m.decimal, m.date_format),
        (',', TextEncoding::Utf8, DecimalSeparator::Point, DateFormat::Iso)
    );
    assert_eq!((m.columns.booking_date, m.columns.amount, m.columns.currency), (0, Some(4), Some(5)));
    assert_eq!(
        (m.columns.counterparty_name, m.columns.counterparty_iban, m.columns.bank_ref),
        (Some(2), Some(3), Some(6))
    );
    assert_eq!(m.columns.remittance, vec![1]);

    let s = parse(&bytes, Format::Auto, None).unwrap();
    assert_eq!(s.format, Format::Csv);
    assert_eq!(s.entries.len(), 4);
    let e = &s.entries[0];
    assert_eq!(e.id, "csv::T-1001");
    assert_eq!(e.amount, Money::new(125000, Currency::GBP));
    assert_eq!(e.remittance, "Invoice INV-2024-0050, thanks");
    assert_eq!(e.counterparty_iban.as_deref(), Some("GB33BUKB20201555555555"));
    assert_eq!(s.entries[1].remittance, "Multi-line\nremittance RF18 5390 0754 7034");
    assert_eq!(s.entries[2].remittance, "=HYPERLINK(\"http://example.com\",\"click\")");
    assert!(!s.entries[3].credit);
    assert_eq!(s.entries[3].amount, Money::new(2340, Currency::GBP));

    // The mapping is plain data the app can save and reuse.
    let mut saved = m.clone();
    saved.account = Some("GB29 NWBK 6016 1331 9268 19".into());
    let s2 = parse(&bytes, Format::Csv, Some(&saved)).unwrap();
    assert_eq!(s2.entries[0].id, "csv:GB29NWBK60161331926819:T-1001");
    assert_eq!(s2.account_iban.as_deref(), Some("GB29NWBK60161331926819"));
}

#[test]
fn csv_german_semicolon_comma_cp1252_soll_haben() {
    let bytes = fixture("csv_german.csv");
    assert_eq!(detect_format(&bytes).unwrap(), Format::Csv);
    let p = detect_csv_mapping(&bytes).unwrap();
    assert!(p.questions.is_empty(), "{:?}", p.questions);
    let m = &p.mapping;
    assert_eq!(
        (m.delimiter, m.encoding, m.decimal, m.date_format),
        (';', TextEncoding::Windows1252, DecimalSeparator::Comma, DateFormat::DayMonthYearDots)
    );
    assert_eq!(m.header_row, 2, "the preamble rows are skipped (the blank line is not a record)");
    assert_eq!(p.headers[2], "Auftraggeber/Empfänger");
    assert_eq!((m.columns.debit, m.columns.credit, m.columns.amount), (Some(5), Some(6), None));

    let s = parse(&bytes, Format::Auto, None).unwrap();
    assert_eq!(s.entries.len(), 3, "the balance line has no date");
    let e = &s.entries[0];
    assert!(e.credit);
    assert_eq!(e.amount, eur(123456));
    assert_eq!(e.counterparty_name.as_deref(), Some("Müller & Söhne GmbH"));
    assert_eq!(e.remittance, "Rechnung INV-2024-0007 Grüße");
    assert_eq!(e.value_date, Some(d(2024, 3, 4)));
    assert!(e.id.starts_with("fp:"));
    let debit = &s.entries[1];
    assert!(!debit.credit);
    assert_eq!(debit.amount, eur(1280));
    assert_eq!(debit.counterparty_name.as_deref(), Some("Bäckerei Weiß"));
    assert_eq!(s.entries[2].remittance, "Teilzahlung; Rest folgt");
}

#[test]
fn csv_row_errors_name_row_and_column() {
    let text = "Date;Amount;Currency;Purpose\n2024-03-01;10,00;EUR;a\n2024-03-02;1O,00;EUR;b\n";
    let e = parse(text.as_bytes(), Format::Csv, None).unwrap_err();
    assert_eq!(e.code(), "bank_csv_row_invalid");
    assert_eq!(e.line(), Some(3));
    assert!(e.to_string().contains("column \"Amount\""), "{e}");
    // Rows are lines of the file: a blank line and a two-line cell above count.
    let text = "Date;Amount;Currency;Purpose\n\n2024-03-01;10,00;EUR;\"a\nb\"\n2024-03-02;1O,00;EUR;b\n";
    let mut m = detect_csv_mapping(text.as_bytes()).unwrap().mapping;
    m.decimal = kindly_bank::csv_import::DecimalSeparator::Comma;
    let e = parse(text.as_bytes(), Format::Csv, Some(&m)).unwrap_err();
    assert_eq!((e.code().as_str(), e.line()), ("bank_csv_row_invalid", Some(5)), "{e}");
    let text = "Date;Amount;Currency\n2024-03-01;10,00;EUR\n2024-13-02;1,00;EUR\n";
    let p = detect_csv_mapping(text.as_bytes());
    assert_eq!(p.unwrap_err().code(), "bank_csv_mapping_needed");
}

#[test]
fn csv_ambiguities_are_asked_not_guessed() {
    let slash = "Date,Amount,Currency\n01/02/2024,10.00,USD\n03/04/2024,5.50,USD\n";
    let p = detect_csv_mapping(slash.as_bytes()).unwrap();
    assert_eq!(
        p.questions,
        vec![CsvQuestion::DateFormat {
            candidates: vec![DateFormat::MonthDayYearSlash, DateFormat::DayMonthYearSlash]
        }]
    );
    let e = parse(slash.as_bytes(), Format::Auto, None).unwrap_err();
    assert_eq!(e.code(), "bank_csv_mapping_needed");
    // The user picks: day first.
    let mut m = p.mapping;
    m.date_format = DateFormat::DayMonthYearSlash;
    let s = parse(slash.as_bytes(), Format::Csv, Some(&m)).unwrap();
    assert_eq!(s.entries[0].booking_date, d(2024, 2, 1));
    // A day above 12 decides it.
    let us = "Date,Amount,Currency\n01/02/2024,10.00,USD\n03/14/2024,5.50,USD\n";
    assert!(detect_csv_mapping(us.as_bytes()).unwrap().questions.is_empty());

    let thousands = "Date;Betrag;Waehrung\n2024-03-01;1,234;EUR\n";
    assert_eq!(detect_csv_mapping(thousands.as_bytes()).unwrap().questions, vec![CsvQuestion::DecimalSeparator]);
    let no_currency = "Date;Amount\n2024-03-01;12,50\n";
    assert_eq!(detect_csv_mapping(no_currency.as_bytes()).unwrap().questions, vec![CsvQuestion::Currency]);
    let header_currency = "Datum;Betrag (EUR)\n01.03.2024;12,50\n";
    let p = detect_csv_mapping(header_currency.as_bytes()).unwrap();
    assert!(p.questions.is_empty());
    assert_eq!(p.mapping.default_currency, Some(Currency::EUR));
}

#[test]
fn csv_mapping_round_trips_through_serde() {
    let p = detect_csv_mapping(&fixture("csv_german.csv")).unwrap();
    let json = serde_json::to_string(&p).unwrap();
    assert!(json.contains("\"decimal\":\"comma\""), "{json}");
    let back: kindly_bank::CsvProposal = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p);
}

#[test]
fn identical_reparse_gives_identical_ids() {
    for f in [
        "camt053_v02.xml",
        "camt053_v08.xml",
        "camt054_v08.xml",
        "mt940_german.sta",
        "ofx1_sgml.ofx",
        "ofx2_xml.ofx",
        "csv_english.csv",
        "csv_german.csv",
        "camt_two.zip",
    ] {
        let a = auto(f);
        let b = auto(f);
        assert_eq!(a, b, "{f}");
        let mut ids: Vec<&str> = a.entries.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), a.entries.len(), "{f}: ids are unique");
    }
}

/// Builds a camt.053 .08 statement of `days` (each a list of entries
/// without bank references, so the fingerprint rule applies).
fn camt_days(days: &[(u32, &[(&str, &str)])]) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>",
    );
    for (day, entries) in days {
        for (amount, text) in *entries {
            x.push_str(&format!(
                "<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-03-{day:02}</Dt></BookgDt><NtryDtls><TxDtls><RmtInf><Ustrd>{text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
            ));
        }
    }
    x.push_str("</Stmt></BkToCstmrStmt></Document>");
    x
}

#[test]
fn overlapping_statements_share_the_ids_of_shared_entries() {
    let coffee: &[(&str, &str)] = &[("3.50", "COFFEE"), ("3.50", "COFFEE"), ("12.00", "LUNCH")];
    let day2: &[(&str, &str)] = &[("3.50", "COFFEE")];
    let day3: &[(&str, &str)] = &[("7.00", "TAXI"), ("3.50", "COFFEE")];
    let first = parse(camt_days(&[(1, coffee), (2, day2)]).as_bytes(), Format::Camt, None).unwrap();
    let second = parse(camt_days(&[(2, day2), (3, day3)]).as_bytes(), Format::Camt, None).unwrap();
    let ids = |s: &Statement, day: u32| -> Vec<String> {
        s.entries.iter().filter(|e: &&Entry| e.booking_date == d(2024, 3, day)).map(|e| e.id.clone()).collect()
    };
    assert_eq!(ids(&first, 1).len(), 3, "two identical coffees stay two entries");
    assert_ne!(ids(&first, 1)[0], ids(&first, 1)[1]);
    assert_eq!(ids(&first, 2), ids(&second, 2), "the shared day has the same ids");
    assert_ne!(ids(&first, 2), ids(&second, 3)[1..].to_vec(), "same text on another day is another entry");
    // And a zip of both overlapping files returns the shared day once.
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("a.xml", o).unwrap();
        std::io::Write::write_all(&mut z, camt_days(&[(1, coffee), (2, day2)]).as_bytes()).unwrap();
        z.start_file("b.xml", o).unwrap();
        std::io::Write::write_all(&mut z, camt_days(&[(2, day2), (3, day3)]).as_bytes()).unwrap();
        z.finish().unwrap();
    }
    let both = parse(buf.get_ref(), Format::Auto, None).unwrap();
    assert_eq!(both.entries.len(), 3 + 1 + 2);
}

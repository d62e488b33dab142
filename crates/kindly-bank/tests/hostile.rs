//! Hostile and broken files: each is refused with a specific code, quickly,
//! and without a panic.
#![allow(clippy::unwrap_used)] // a test or benchmark: a failed unwrap fails it

use kindly_bank::{detect_format, parse, Format, ParseError};
use std::io::Write;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn err(bytes: &[u8], format: Format) -> ParseError {
    parse(bytes, format, None).expect_err("must be refused")
}

#[test]
fn billion_laughs_is_refused_for_its_dtd() {
    let t = Instant::now();
    let e = err(&fixture("billion_laughs.xml"), Format::Auto);
    assert_eq!(e.code(), "bank_xml_doctype_refused");
    assert_eq!(e.line(), Some(2));
    assert!(t.elapsed() < Duration::from_secs(1));
}

#[test]
fn external_entity_is_refused_and_nothing_is_read() {
    let e = err(&fixture("external_entity.xml"), Format::Auto);
    assert_eq!(e.code(), "bank_xml_doctype_refused");
    assert!(!e.to_string().contains("root:"), "{e}");
    // Without the DTD, the reference is just undefined.
    let no_dtd = String::from_utf8(fixture("external_entity.xml")).unwrap();
    let no_dtd = no_dtd.replace("<!DOCTYPE Document [\n  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n", "");
    let e = err(no_dtd.as_bytes(), Format::Camt);
    assert_eq!(e.code(), "bank_xml_entity_undefined");
    assert!(e.to_string().contains("&xxe;"), "{e}");
}

#[test]
fn truncated_xml_is_refused_at_every_cut() {
    let full = fixture("camt053_v08.xml");
    for cut in (1..full.len()).step_by(7) {
        let e = err(&full[..cut], Format::Camt);
        assert!(
            matches!(
                e.code().as_str(),
                "bank_xml_truncated" | "bank_xml_malformed" | "bank_camt_unsupported" | "bank_file_encoding_invalid"
            ),
            "cut at {cut}: {} {e}",
            e.code()
        );
    }
    let half = &full[..full.len() / 2];
    let e = err(half, Format::Auto);
    assert_eq!(e.code(), "bank_xml_truncated");
    assert!(e.to_string().contains("cut off"), "{e}");
}

/// xorshift: reproducible noise without a dependency.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    let mut v = Vec::with_capacity(len);
    while v.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.extend_from_slice(&x.to_le_bytes());
    }
    v.truncate(len);
    v
}

#[test]
fn fifty_megabytes_of_random_bytes_are_refused_quickly() {
    let junk = noise(50 * 1024 * 1024, 0x9E37_79B9_7F4A_7C15);
    let t = Instant::now();
    assert_eq!(err(&junk, Format::Auto).code(), "bank_file_unknown_format");
    assert!(t.elapsed() < Duration::from_millis(500), "{:?}", t.elapsed());
    // Forced into each parser, still an error, in linear time.
    for (format, code) in [
        (Format::Camt, "bank_file_encoding_invalid"),
        (Format::Mt940, "bank_mt940_malformed"),
        (Format::Ofx, "bank_ofx_malformed"),
        (Format::Csv, ""),
    ] {
        let t = Instant::now();
        let e = err(&junk, format);
        if !code.is_empty() {
            assert_eq!(e.code(), code, "{format:?}: {e}");
        }
        eprintln!("{format:?}: {:?}", t.elapsed());
        assert!(t.elapsed() < Duration::from_secs(20), "{format:?} took {:?}", t.elapsed());
    }
}

#[test]
fn too_large_and_empty_and_unknown() {
    assert_eq!(err(b"", Format::Auto).code(), "bank_file_empty");
    assert_eq!(err(b" \r\n", Format::Csv).code(), "bank_file_empty");
    assert_eq!(err(b"hello", Format::Auto).code(), "bank_file_unknown_format");
    assert_eq!(err(&[0, 1, 2, 3, 255], Format::Auto).code(), "bank_file_unknown_format");
    let e = ParseError::TooLarge { size: 300, limit: 200 };
    assert_eq!(e.code(), "bank_file_too_large");
    assert_eq!(detect_format(b"PK\x03\x04junk").unwrap(), Format::Camt);
    assert_eq!(err(b"PK\x03\x04junk", Format::Auto).code(), "bank_zip_invalid");
}

#[test]
fn a_zip_with_one_bad_member_is_refused_whole() {
    let e = err(&fixture("camt_bad_member.zip"), Format::Auto);
    assert_eq!(e.code(), "bank_zip_member_invalid");
    match &e {
        ParseError::ZipMemberInvalid { member, source } => {
            assert_eq!(member, "broken.xml");
            assert_eq!(source.code(), "bank_xml_truncated");
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("broken.xml"), "{e}");
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    for (name, data) in members {
        z.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap();
    buf.into_inner()
}

#[test]
fn a_zip_bomb_stops_at_the_unpacked_limit() {
    // One member of 8 MiB of zeros, compressed once and copied 16 times
    // (128 MiB unpacked from well under 1 MiB).
    let zeros = vec![b' '; 8 * 1024 * 1024];
    let one = zip_of(&[("zeros.xml", &zeros)]);
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(one)).unwrap();
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        for i in 0..16 {
            let f = src.by_index_raw(0).unwrap();
            z.raw_copy_file_rename(f, format!("part{i}.xml")).unwrap();
        }
        z.finish().unwrap();
    }
    let bomb = buf.into_inner();
    assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
    let t = Instant::now();
    assert_eq!(err(&bomb, Format::Auto).code(), "bank_zip_too_large");
    assert!(t.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_zip_with_too_many_members_is_refused() {
    let names: Vec<String> = (0..1001).map(|i| format!("m{i}.xml")).collect();
    let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"<a/>"[..])).collect();
    assert_eq!(err(&zip_of(&members), Format::Auto).code(), "bank_zip_too_many_members");
}

#[test]
fn zip_oddities() {
    assert_eq!(err(&zip_of(&[]), Format::Auto).code(), "bank_zip_empty");
    let inner = fixture("camt_two.zip");
    let e = err(&zip_of(&[("inner.zip", &inner)]), Format::Auto);
    assert_eq!(e.code(), "bank_zip_member_invalid");
    let e = err(&zip_of(&[("notes.txt", b"hello")]), Format::Auto);
    assert_eq!(e.code(), "bank_zip_member_invalid");
    // macOS resource forks and folders are not statements.
    let camt = fixture("camt054_v08.xml");
    let s = parse(&zip_of(&[("__MACOSX/._a.xml", b"\0\x05\x16\x07"), ("a.xml", &camt)]), Format::Auto, None).unwrap();
    assert_eq!(s.entries.len(), 1);
}

#[test]
fn xml_nesting_and_garbage() {
    let deep = format!("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">{}", "<a>".repeat(10_000));
    assert_eq!(err(deep.as_bytes(), Format::Auto).code(), "bank_xml_malformed");
    assert_eq!(
        err(b"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"></Wrong>", Format::Camt).code(),
        "bank_xml_malformed"
    );
    assert_eq!(
        err(b"<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"http://example.com/x.dtd\">\n<x/>", Format::Auto).code(),
        "bank_xml_doctype_refused"
    );
    let ofx_dtd = b"OFXHEADER:100\n<!DOCTYPE OFX [<!ENTITY a \"b\">]>\n<OFX></OFX>";
    assert_eq!(err(ofx_dtd, Format::Auto).code(), "bank_xml_doctype_refused");
}

#[test]
fn every_error_has_a_stable_snake_case_code_and_a_message() {
    let samples = [
        err(b"", Format::Auto),
        err(&fixture("billion_laughs.xml"), Format::Auto),
        err(&fixture("camt_bad_member.zip"), Format::Auto),
        err(b"<a>&x;</a>", Format::Camt),
        err(b"Date;Amount\nx;y\n", Format::Csv),
    ];
    for e in samples {
        let code = e.code().as_str();
        assert!(code.starts_with("bank_") && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{code}");
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn pathological_shapes_stay_linear() {
    // One entry with 20,000 batch details, all with the same reference.
    let mut x = String::from(
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct><Ntry><Amt Ccy=\"EUR\">20000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-03-01</Dt></BookgDt><AcctSvcrRef>N</AcctSvcrRef><NtryDtls>",
    );
    for _ in 0..20_000 {
        x.push_str("<TxDtls><Refs><AcctSvcrRef>SAME</AcctSvcrRef></Refs><Amt Ccy=\"EUR\">1.00</Amt><RmtInf><Ustrd>RF18 5390 0754 7034 RF18539007547034</Ustrd></RmtInf></TxDtls>");
    }
    x.push_str("</NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>");
    let t = Instant::now();
    let s = parse(x.as_bytes(), Format::Camt, None).unwrap();
    assert_eq!(s.entries.len(), 20_000);
    assert_eq!(s.entries[1].id, "camt:DE89370400440532013000:N/2");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());

    // OFX with 200,000 aggregates that never close.
    let mut o = String::from("OFXHEADER:100\n<OFX>\n");
    o.push_str(&"<A>\n".repeat(200_000));
    o.push_str(&"</B>\n".repeat(200_000));
    let t = Instant::now();
    assert_eq!(err(o.as_bytes(), Format::Auto).code(), "bank_ofx_malformed");
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());

    // Remittance text naming thousands of references.
    let text = "RF18539007547034 ".repeat(50_000);
    let t = Instant::now();
    assert_eq!(kindly_bank::reference::find_in_text(&text).len(), 1);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
}

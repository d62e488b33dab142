//! Shared helpers for Kindly's integration tests: temporary data folders
//! with real SQLite files and the usual clients and invoices (`fixtures`),
//! fixed clocks, and the paths of the built binaries.

pub mod engine;
pub mod fixtures;
pub mod smtp;

pub use engine::{data_dir, on_postgres, sqlite_only};
pub use fixtures::*;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::path::PathBuf;

/// A fixed "today" so every date rule is reproducible.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 10, 42, 0).single().expect("valid instant")
}

pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

/// The workspace's target directory (honours CARGO_TARGET_DIR).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("target"))
}

/// A binary built by `cargo build --workspace` in the debug profile.
pub fn binary(name: &str) -> PathBuf {
    let p = target_dir().join("debug").join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        p.exists(),
        "{} is missing: run `cargo build --workspace` before the tests (the README's test command does)",
        p.display()
    );
    p
}

/// The text of a PDF file as poppler's `pdftotext -layout` reads it: what a
/// person (or a collection agency's software) would get out of the file.
pub fn pdftotext(path: &str) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path, "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(out.status.success(), "pdftotext failed on {path}");
    String::from_utf8_lossy(&out.stdout).into()
}

/// A stand-in for CUPS `lp` in `dir`: when `ok`, it appends the PDF's path to
/// `dir/printed.log`, answers "request id is Office-7 (1 file(s))" and exits
/// 0; otherwise it complains as lp does without a printer and exits 1.
#[cfg(unix)]
pub fn fake_printer(dir: &std::path::Path, ok: bool) -> kindly_api::print::Printer {
    let script = dir.join(if ok { "lp-ok" } else { "lp-broken" });
    let body = if ok {
        "#!/bin/sh\necho \"$1\" >> \"$(dirname \"$0\")/printed.log\"\necho 'request id is Office-7 (1 file(s))'\n"
    } else {
        "#!/bin/sh\necho 'lp: Error - The printer or class does not exist.' >&2\nexit 1\n"
    };
    std::fs::write(&script, body).expect("write the fake printer");
    let mut perm = std::fs::metadata(&script).expect("fake printer").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o755);
    std::fs::set_permissions(&script, perm).expect("chmod the fake printer");
    kindly_api::print::Printer::Command(script)
}

/// One credit or debit in a camt.053.001.08 statement (for [`camt053`]).
pub struct StatementTx<'a> {
    pub id: &'a str,
    pub amount: &'a str,
    pub credit: bool,
    pub payer: &'a str,
    pub iban: &'a str,
    pub rf: Option<&'a str>,
    pub text: &'a str,
}

/// A camt.053.001.08 statement of account DE89370400440532013000 booked on `day`.
pub fn camt053(day: &str, txs: &[StatementTx<'_>]) -> String {
    let mut entries = String::new();
    for t in txs {
        let ind = if t.credit { "CRDT" } else { "DBIT" };
        let rmt = match t.rf {
            Some(rf) => format!(
                "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{rf}</Ref></CdtrRefInf></Strd>"
            ),
            None => format!("<Ustrd>{}</Ustrd>", t.text),
        };
        entries.push_str(&format!(
            "<Ntry><Amt Ccy=\"EUR\">{amt}</Amt><CdtDbtInd>{ind}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
             <BookgDt><Dt>{day}</Dt></BookgDt><ValDt><Dt>{day}</Dt></ValDt><AcctSvcrRef>{id}</AcctSvcrRef>\
             <BkTxCd/><NtryDtls><TxDtls><Refs><AcctSvcrRef>{id}-TX</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>\
             <Amt Ccy=\"EUR\">{amt}</Amt><CdtDbtInd>{ind}</CdtDbtInd>\
             <RltdPties><Dbtr><Pty><Nm>{payer}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{iban}</IBAN></Id></DbtrAcct></RltdPties>\
             <RmtInf>{rmt}</RmtInf></TxDtls></NtryDtls></Ntry>\n",
            amt = t.amount,
            id = t.id,
            payer = t.payer,
            iban = t.iban,
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\
         <BkToCstmrStmt><GrpHdr><MsgId>M-{day}</MsgId><CreDtTm>{day}T18:00:00</CreDtTm></GrpHdr>\
         <Stmt><Id>S-{day}</Id><CreDtTm>{day}T18:00:00</CreDtTm>\
         <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n{entries}</Stmt></BkToCstmrStmt></Document>\n"
    )
}

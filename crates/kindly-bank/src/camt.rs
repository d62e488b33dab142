//! ISO 20022 camt.053 (statement) and camt.054 (debit/credit notification),
//! message versions 001.02 to 001.08, and zip archives of them.
//!
//! Read per `Ntry`: `Amt` and its `Ccy`, `CdtDbtInd`, `Sts` (only booked
//! entries, `BOOK`, are returned: a pending entry is not yet money on the
//! account), `BookgDt`/`ValDt` (`Dt` or the date of `DtTm`), `AcctSvcrRef`,
//! `NtryRef`, `AddtlNtryInf`; per `NtryDtls/TxDtls`: `Refs/EndToEndId`,
//! `Refs/AcctSvcrRef`, `Amt` or `AmtDtls/TxAmt/Amt`, `CdtDbtInd`, the
//! parties (`Dbtr/Nm`, or `Dbtr/Pty/Nm` from .08 on; `DbtrAcct/Id/IBAN`;
//! likewise `Cdtr` for debits), `RmtInf/Strd/CdtrRefInf/Ref` and every
//! `RmtInf/Ustrd`. The statement's account (`Acct/Id/IBAN`, or `Othr/Id`)
//! and currency (`Acct/Ccy`) are kept per `Stmt`/`Ntfctn`.
//!
//! Batch bookings: an `Ntry` with several `TxDtls` becomes one entry per
//! `TxDtls` when every `TxDtls` has its own amount and they add up to the
//! `Ntry` amount; otherwise it stays one entry (the bank's total) whose
//! remittance joins all the details, so money is never invented or lost.
//!
//! A zip archive is read member by member under limits on the number of
//! members and on the total unpacked size (a zip bomb stops at the limit,
//! whatever the archive claims); one member that is not a valid statement
//! refuses the whole archive, so an upload is imported entirely or not at all.

use crate::amount::{parse_iso_date, parse_minor};
use crate::entry::{assign_ids, non_empty, normalise_account, Draft, Entry, Format, Section, Statement};
use crate::error::{excerpt, excerpt_n, ParseError};
use crate::xml::{attr, ends_with, namespaces, walk, Fault, Node};
use chrono::NaiveDate;
use kindly_core::{Currency, Money};
use std::io::Read;

/// At most this many files in one zip archive.
pub const ZIP_MAX_MEMBERS: usize = 1_000;
/// At most this many bytes unpacked from one zip archive, all members together.
pub const ZIP_MAX_UNPACKED: u64 = 100 * 1024 * 1024;

/// Parses a camt XML file or a zip archive of camt XML files.
pub(crate) fn parse(bytes: &[u8]) -> Result<Statement, ParseError> {
    if is_zip(bytes) {
        return parse_zip(bytes);
    }
    let mut sections = Vec::new();
    let drafts = parse_document(bytes, &mut sections)?;
    Ok(Statement::new(Format::Camt, sections, assign_ids(drafts)))
}

pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

fn parse_zip(bytes: &[u8]) -> Result<Statement, ParseError> {
    let invalid = |e: zip::result::ZipError| ParseError::ZipInvalid { detail: excerpt(&e.to_string()) };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(invalid)?;
    if archive.len() > ZIP_MAX_MEMBERS {
        return Err(ParseError::ZipTooManyMembers { limit: ZIP_MAX_MEMBERS });
    }
    // Unpack everything first, under the limits, so a bomb is stopped by
    // size whatever its members contain; then parse.
    let mut budget = ZIP_MAX_UNPACKED;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(invalid)?;
        let name = String::from_utf8_lossy(file.name_raw()).into_owned();
        let base = name.rsplit('/').next().unwrap_or("");
        // Folders and the resource forks macOS adds are not statements.
        if file.is_dir() || name.starts_with("__MACOSX/") || base.starts_with("._") || base.is_empty() {
            continue;
        }
        let member_err =
            |source: ParseError| ParseError::ZipMemberInvalid { member: excerpt(&name), source: Box::new(source) };
        if file.encrypted() {
            return Err(member_err(ParseError::ZipInvalid { detail: "the file is encrypted".into() }));
        }
        if file.size() > budget {
            return Err(ParseError::ZipTooLarge { limit: ZIP_MAX_UNPACKED });
        }
        // The declared size can lie: read at most one byte past the budget.
        let mut data = Vec::with_capacity(usize::try_from(file.size().min(budget)).unwrap_or(0));
        (&mut file)
            .take(budget + 1)
            .read_to_end(&mut data)
            .map_err(|e| member_err(ParseError::ZipInvalid { detail: excerpt(&e.to_string()) }))?;
        let used = data.len() as u64;
        if used > budget {
            return Err(ParseError::ZipTooLarge { limit: ZIP_MAX_UNPACKED });
        }
        budget -= used;
        drop(file);
        files.push((name, data));
    }
    let members = files.len();
    let mut sections = Vec::new();
    let mut drafts = Vec::new();
    for (name, data) in files {
        let member_err =
            |source: ParseError| ParseError::ZipMemberInvalid { member: excerpt(&name), source: Box::new(source) };
        if is_zip(&data) {
            return Err(member_err(ParseError::UnknownFormat));
        }
        let mut member_drafts = parse_document(&data, &mut sections).map_err(member_err)?;
        drafts.append(&mut member_drafts);
    }
    if members == 0 {
        return Err(ParseError::ZipEmpty);
    }
    Ok(Statement::new(Format::Camt, sections, assign_ids(drafts)))
}

#[derive(Default)]
struct Tx {
    amount: Option<Money>,
    tx_amount: Option<Money>,
    credit: Option<bool>,
    end_to_end: Option<String>,
    acct_svcr_ref: Option<String>,
    dbtr_name: Option<String>,
    dbtr_account: Option<String>,
    dbtr_other: Option<String>,
    cdtr_name: Option<String>,
    cdtr_account: Option<String>,
    cdtr_other: Option<String>,
    strd_refs: Vec<String>,
    ustrd: Vec<String>,
    addtl: Option<String>,
}

impl Tx {
    fn own_amount(&self) -> Option<Money> {
        self.amount.or(self.tx_amount)
    }
}

#[derive(Default)]
struct Ntry {
    amount: Option<Money>,
    credit: Option<bool>,
    status: Option<String>,
    booking: Option<NaiveDate>,
    value: Option<NaiveDate>,
    acct_svcr_ref: Option<String>,
    ntry_ref: Option<String>,
    addtl: Option<String>,
    txs: Vec<Tx>,
}

struct State<'s> {
    root_seen: bool,
    sections: &'s mut Vec<Section>,
    section: usize,
    account: String,
    ntry: Option<Ntry>,
    tx: Option<Tx>,
    ccy: Option<String>,
    drafts: Vec<Draft>,
}

/// Parses one camt document, appending its sections; returns its entries.
fn parse_document(bytes: &[u8], sections: &mut Vec<Section>) -> Result<Vec<Draft>, ParseError> {
    let mut st = State {
        root_seen: false,
        sections,
        section: usize::MAX,
        account: String::new(),
        ntry: None,
        tx: None,
        ccy: None,
        drafts: Vec::new(),
    };
    walk(bytes, |node| match node {
        Node::Open { path, start } => {
            match path.len() {
                1 => {
                    let ns = namespaces(start);
                    let ok = path[0] == "Document" && ns.iter().any(|n| supported(n));
                    if !ok {
                        let namespace = ns.into_iter().next().unwrap_or_default();
                        return Err(Fault::Error(ParseError::CamtUnsupported {
                            namespace: excerpt_n(&namespace, 120),
                        }));
                    }
                    st.root_seen = true;
                }
                3 if is_section(&path[2]) => {
                    st.sections.push(Section { account: None, currency: None, statement_id: None });
                    st.section = st.sections.len() - 1;
                    st.account.clear();
                }
                4 if is_section(&path[2]) && path[3] == "Ntry" => st.ntry = Some(Ntry::default()),
                6 if is_section(&path[2]) && path[3] == "Ntry" && path[4] == "NtryDtls" && path[5] == "TxDtls" => {
                    st.tx = Some(Tx::default());
                }
                _ => {}
            }
            if path.last().is_some_and(|n| n == "Amt") {
                st.ccy = attr(start, "Ccy");
            }
            Ok(())
        }
        Node::Close { path, text } => st.close(path, text),
    })?;
    if !st.root_seen {
        return Err(ParseError::CamtUnsupported { namespace: String::new() });
    }
    Ok(st.drafts)
}

fn is_section(name: &str) -> bool {
    name == "Stmt" || name == "Ntfctn"
}

/// camt.053 or camt.054, message versions 001.02 to 001.08.
fn supported(ns: &str) -> bool {
    let Some(rest) = ns.strip_prefix("urn:iso:std:iso:20022:tech:xsd:camt.05") else { return false };
    matches!(rest, "3.001.02" | "3.001.03" | "3.001.04" | "3.001.05" | "3.001.06" | "3.001.07" | "3.001.08")
        || matches!(rest, "4.001.02" | "4.001.03" | "4.001.04" | "4.001.05" | "4.001.06" | "4.001.07" | "4.001.08")
}

impl State<'_> {
    fn close(&mut self, path: &[String], text: &str) -> Result<(), Fault> {
        if path.len() < 3 || !is_section(&path[2]) {
            return Ok(());
        }
        let rel = &path[2..];
        let t = text.trim();
        if rel.len() >= 2 && rel[1] != "Ntry" {
            // Statement level.
            let Some(section) = self.sections.get_mut(self.section) else { return Ok(()) };
            if rel == ["Stmt", "Id"] || rel == ["Ntfctn", "Id"] {
                section.statement_id = non_empty(t);
            } else if (rel.len() == 4 && ends_with(rel, &["Acct", "Id", "IBAN"]))
                || (rel.len() == 5 && ends_with(rel, &["Acct", "Id", "Othr", "Id"]) && section.account.is_none())
            {
                // The IBAN, or the bank's own account id when there is none.
                self.account = normalise_account(t);
                section.account = non_empty(&self.account);
            } else if rel.len() == 3 && ends_with(rel, &["Acct", "Ccy"]) {
                section.currency = Some(Currency::parse(t).map_err(|_| Fault::Currency(t.to_string()))?);
            }
            return Ok(());
        }
        if rel.len() < 2 {
            return Ok(());
        }
        let n = &rel[1..]; // starts with "Ntry"
        if n.len() >= 3 && n[1] == "NtryDtls" && n[2] == "TxDtls" {
            return self.close_tx(&n[2..], t);
        }
        let money = |ccy: &Option<String>, fallback: Option<Currency>| parse_money(t, ccy, fallback);
        let fallback = self.sections.get(self.section).and_then(|s| s.currency);
        let Some(ntry) = self.ntry.as_mut() else { return Ok(()) };
        match n {
            [_] => {
                if let Some(ntry) = self.ntry.take() {
                    self.finish(ntry)?;
                }
            }
            [_, a] if a == "Amt" => ntry.amount = Some(money(&self.ccy, fallback)?),
            [_, a] if a == "CdtDbtInd" => ntry.credit = Some(direction(t)?),
            [_, a] if a == "Sts" => ntry.status = non_empty(t),
            [_, a, b] if a == "Sts" && b == "Cd" => ntry.status = non_empty(t),
            [_, a, b] if a == "BookgDt" && (b == "Dt" || b == "DtTm") => ntry.booking = Some(date(t)?),
            [_, a, b] if a == "ValDt" && (b == "Dt" || b == "DtTm") => ntry.value = Some(date(t)?),
            [_, a] if a == "AcctSvcrRef" => ntry.acct_svcr_ref = non_empty(t),
            [_, a] if a == "NtryRef" => ntry.ntry_ref = non_empty(t),
            [_, a] if a == "AddtlNtryInf" => ntry.addtl = non_empty(text),
            _ => {}
        }
        Ok(())
    }

    fn close_tx(&mut self, rel: &[String], t: &str) -> Result<(), Fault> {
        if rel.len() == 1 {
            if let (Some(tx), Some(ntry)) = (self.tx.take(), self.ntry.as_mut()) {
                ntry.txs.push(tx);
            }
            return Ok(());
        }
        let fallback = self.sections.get(self.section).and_then(|s| s.currency);
        let ccy = &self.ccy;
        let Some(tx) = self.tx.as_mut() else { return Ok(()) };
        // The path below TxDtls as &strs on the stack (this runs for every
        // element of every transaction).
        let below = &rel[1..];
        if below.len() > 5 {
            return Ok(());
        }
        let mut parts: [&str; 5] = [""; 5];
        for (slot, name) in parts.iter_mut().zip(below) {
            *slot = name;
        }
        match &parts[..below.len()] {
            ["Amt"] => tx.amount = Some(parse_money(t, ccy, fallback)?),
            ["AmtDtls", "TxAmt", "Amt"] => tx.tx_amount = Some(parse_money(t, ccy, fallback)?),
            ["CdtDbtInd"] => tx.credit = Some(direction(t)?),
            ["Refs", "EndToEndId"] => tx.end_to_end = non_empty(t).filter(|v| v != "NOTPROVIDED"),
            ["Refs", "AcctSvcrRef"] => tx.acct_svcr_ref = non_empty(t),
            ["RltdPties", "Dbtr", "Nm"] | ["RltdPties", "Dbtr", "Pty", "Nm"] => tx.dbtr_name = non_empty(t),
            ["RltdPties", "DbtrAcct", "Id", "IBAN"] => tx.dbtr_account = non_empty(&normalise_account(t)),
            ["RltdPties", "DbtrAcct", "Id", "Othr", "Id"] => tx.dbtr_other = non_empty(&normalise_account(t)),
            ["RltdPties", "Cdtr", "Nm"] | ["RltdPties", "Cdtr", "Pty", "Nm"] => tx.cdtr_name = non_empty(t),
            ["RltdPties", "CdtrAcct", "Id", "IBAN"] => tx.cdtr_account = non_empty(&normalise_account(t)),
            ["RltdPties", "CdtrAcct", "Id", "Othr", "Id"] => tx.cdtr_other = non_empty(&normalise_account(t)),
            ["RmtInf", "Ustrd"] if !t.is_empty() => tx.ustrd.push(t.to_string()),
            ["RmtInf", "Strd", "CdtrRefInf", "Ref"] if !t.is_empty() => tx.strd_refs.push(t.to_string()),
            ["AddtlTxInf"] => tx.addtl = non_empty(t),
            _ => {}
        }
        Ok(())
    }

    /// Turns a closed `Ntry` into one or more drafts.
    fn finish(&mut self, ntry: Ntry) -> Result<(), Fault> {
        if ntry.status.as_deref().is_some_and(|s| s != "BOOK") {
            return Ok(());
        }
        let amount = ntry.amount.ok_or(Fault::Missing("Amt"))?;
        let credit = ntry.credit.ok_or(Fault::Missing("CdtDbtInd"))?;
        let booking = ntry.booking.or(ntry.value).ok_or(Fault::Missing("BookgDt"))?;
        let split = ntry.txs.len() > 1 && {
            let amounts: Option<Vec<Money>> = ntry.txs.iter().map(Tx::own_amount).collect();
            amounts.is_some_and(|a| {
                a.iter().all(|m| m.currency == amount.currency && m.minor > 0)
                    && a.iter().try_fold(0i64, |s, m| s.checked_add(m.minor)) == Some(amount.minor)
            })
        };
        let ntry_ref = ntry.acct_svcr_ref.clone();
        if split {
            // Several details carrying the same reference identify nothing.
            let refs: Vec<Option<&String>> = ntry.txs.iter().map(|t| t.acct_svcr_ref.as_ref()).collect();
            let mut seen = std::collections::HashSet::new();
            let distinct = refs.iter().all(|r| r.is_some_and(|r| seen.insert(r)));
            for (i, tx) in ntry.txs.iter().enumerate() {
                let tx_amount = tx.own_amount().unwrap_or(amount);
                let reference = if distinct {
                    tx.acct_svcr_ref.clone()
                } else {
                    ntry_ref.as_ref().map(|r| format!("{r}/{}", i + 1))
                };
                let bank_ref = tx.acct_svcr_ref.clone().or_else(|| ntry_ref.clone()).or_else(|| ntry.ntry_ref.clone());
                let remittance = remittance_of(std::slice::from_ref(tx), ntry.addtl.as_deref());
                self.push(&ntry, tx, tx.credit.unwrap_or(credit), booking, tx_amount, reference, bank_ref, remittance);
            }
        } else {
            let empty = Tx::default();
            let first = ntry.txs.first().unwrap_or(&empty);
            // One TxDtls with its own reference: that one identifies best.
            let reference = match ntry.txs.as_slice() {
                [only] if only.acct_svcr_ref.is_some() => only.acct_svcr_ref.clone(),
                _ => ntry_ref,
            };
            let bank_ref = reference.clone().or_else(|| ntry.ntry_ref.clone());
            let remittance = remittance_of(&ntry.txs, ntry.addtl.as_deref());
            let party = ntry.txs.iter().find(|t| t.dbtr_name.is_some() || t.cdtr_name.is_some()).unwrap_or(first);
            let mut merged = Tx {
                dbtr_name: party.dbtr_name.clone(),
                dbtr_account: party.dbtr_account.clone(),
                dbtr_other: party.dbtr_other.clone(),
                cdtr_name: party.cdtr_name.clone(),
                cdtr_account: party.cdtr_account.clone(),
                cdtr_other: party.cdtr_other.clone(),
                ..Tx::default()
            };
            merged.strd_refs = ntry.txs.iter().flat_map(|t| t.strd_refs.iter().cloned()).collect();
            merged.end_to_end = ntry.txs.iter().find_map(|t| t.end_to_end.clone());
            self.push(&ntry, &merged, credit, booking, amount, reference, bank_ref, remittance);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        ntry: &Ntry,
        tx: &Tx,
        credit: bool,
        booking: NaiveDate,
        amount: Money,
        reference: Option<String>,
        bank_ref: Option<String>,
        remittance: String,
    ) {
        if amount.minor <= 0 {
            return;
        }
        // The other party: who paid us on a credit, whom we paid on a debit.
        let (name, account, other) = if credit {
            (&tx.dbtr_name, &tx.dbtr_account, &tx.dbtr_other)
        } else {
            (&tx.cdtr_name, &tx.cdtr_account, &tx.cdtr_other)
        };
        let entry = Entry {
            id: String::new(),
            booking_date: booking,
            value_date: ntry.value,
            amount,
            credit,
            counterparty_name: name.clone(),
            counterparty_iban: account.clone().or_else(|| other.clone()),
            structured_ref: tx.strd_refs.first().cloned(),
            remittance,
            bank_ref,
            end_to_end_id: tx.end_to_end.clone(),
        };
        self.drafts.push(Draft {
            section: self.section,
            account: self.account.clone(),
            bank_key: reference.map(|r| format!("camt:{}:{r}", self.account)),
            entry,
        });
    }
}

/// Every `Ustrd` in order; else the additional transaction info; else the
/// additional entry info (many banks put the payer's text only there).
fn remittance_of(txs: &[Tx], ntry_addtl: Option<&str>) -> String {
    let ustrd: Vec<&str> = txs.iter().flat_map(|t| t.ustrd.iter().map(String::as_str)).collect();
    if !ustrd.is_empty() {
        return ustrd.join(" ");
    }
    let addtl: Vec<&str> = txs.iter().filter_map(|t| t.addtl.as_deref()).collect();
    if !addtl.is_empty() {
        return addtl.join(" ");
    }
    ntry_addtl.map(|s| s.trim().to_string()).unwrap_or_default()
}

fn parse_money(t: &str, ccy: &Option<String>, fallback: Option<Currency>) -> Result<Money, Fault> {
    let currency = match ccy {
        Some(code) => Currency::parse(code).map_err(|_| Fault::Currency(code.clone()))?,
        None => fallback.ok_or(Fault::Missing("the Ccy of Amt"))?,
    };
    let minor = parse_minor(t, '.', currency.exponent(), false).ok_or_else(|| Fault::Amount(t.to_string()))?;
    if minor < 0 {
        return Err(Fault::Amount(t.to_string()));
    }
    Ok(Money::new(minor, currency))
}

fn direction(t: &str) -> Result<bool, Fault> {
    match t {
        "CRDT" => Ok(true),
        "DBIT" => Ok(false),
        _ => Err(Fault::Missing("CdtDbtInd (CRDT or DBIT)")),
    }
}

fn date(t: &str) -> Result<NaiveDate, Fault> {
    parse_iso_date(t).ok_or_else(|| Fault::Date(t.to_string()))
}

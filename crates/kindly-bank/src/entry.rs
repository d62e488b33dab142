//! What a parsed statement is made of, and the rule that gives every entry a
//! stable identity.
//!
//! # Identity rule
//!
//! An entry's `id` is the same every time the same bank entry is imported,
//! from the same file or from a later statement that overlaps it, so the
//! caller can skip entries it has already seen by id alone.
//!
//! 1. **The bank's own reference, where the format has one**, prefixed with
//!    the format and the account it was booked on:
//!    - camt: `camt:<account>:<AcctSvcrRef>`, the `AcctSvcrRef` of the
//!      `TxDtls`, else of the `Ntry`; when the `Ntry`'s reference covers a
//!      batch split into several entries, `/<n>` (1-based, in file order) is
//!      appended;
//!    - OFX: `ofx:<account>:<FITID>`;
//!    - MT940: `mt940:<account>:<bank reference>` (the `//…` part of `:61:`,
//!      unless empty or `NONREF`);
//!    - CSV: `csv:<account>:<value>` when the mapping names a bank reference
//!      column.
//!
//!    A reference that occurs more than once within one statement is not an
//!    identity (some banks repeat one reference on every line of a batch),
//!    so those entries fall back to rule 2.
//! 2. **Otherwise a fingerprint**: `fp:` + hex SHA-256 of, separated by
//!    U+001F: `kindly-bank-fp-v1`, the account, the booking date
//!    (YYYY-MM-DD), the amount in minor units, the currency code, `C` or
//!    `D`, the counterparty name, the counterparty IBAN, the remittance text,
//!    and an occurrence counter: 0 for the first entry with exactly these
//!    fields in the statement, 1 for the second, and so on. Two identical
//!    coffees on one day stay two entries, and re-importing that day (alone
//!    or inside a longer statement) gives the same two ids. The counter is
//!    per statement (one camt `Stmt`, one MT940 statement with its
//!    continuation pages, one OFX `STMTRS`, one CSV file); a statement that
//!    covers only part of a day can therefore number that day's identical
//!    entries differently from a later full-day statement.
//!
//! When two statements of one upload (a zip of overlapping camt files) hold
//! the same entry, it is returned once: the first occurrence is kept.

use chrono::NaiveDate;
use kindly_core::{Currency, Money};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

/// The file formats Kindly reads. `Auto` sniffs the first bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, ts_rs::TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Auto,
    /// ISO 20022 camt.053 or camt.054 (001.02 to 001.08), or a zip of them.
    Camt,
    Mt940,
    /// OFX 1.x (SGML) or 2.x (XML).
    Ofx,
    Csv,
}

/// One booked movement on the account.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Entry {
    /// Stable identity, see the module documentation.
    pub id: String,
    pub booking_date: NaiveDate,
    pub value_date: Option<NaiveDate>,
    /// Always positive; the direction is `credit`.
    pub amount: Money,
    /// Money in (a payment received) when true; money out when false.
    pub credit: bool,
    pub counterparty_name: Option<String>,
    /// Normalised: no spaces, upper case (may be a national account number
    /// where the bank gives no IBAN).
    pub counterparty_iban: Option<String>,
    /// The structured creditor reference given by the payer (camt `Strd`),
    /// as printed by the bank, not validated.
    pub structured_ref: Option<String>,
    /// The payer's free text, verbatim (several fields joined by a space).
    pub remittance: String,
    /// The bank's reference for the entry, if any.
    pub bank_ref: Option<String>,
    /// The payer's end-to-end reference (camt `Refs/EndToEndId`, without
    /// `NOTPROVIDED`); payers' systems often put the invoice number there.
    pub end_to_end_id: Option<String>,
}

/// One statement inside the file: its account and currency.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Section {
    /// IBAN (or the account number as the bank writes it).
    pub account: Option<String>,
    pub currency: Option<Currency>,
    /// The bank's statement id (camt `Stmt/Id`, MT940 `:20:`), if any.
    pub statement_id: Option<String>,
}

/// Everything read from one file.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Statement {
    /// The format that was read (never `Auto`).
    pub format: Format,
    /// The account IBAN when every section names the same account.
    pub account_iban: Option<String>,
    /// The account currency when every section has the same one.
    pub currency: Option<Currency>,
    pub sections: Vec<Section>,
    /// Booked entries in file order, each once.
    pub entries: Vec<Entry>,
}

impl Statement {
    pub(crate) fn new(format: Format, sections: Vec<Section>, entries: Vec<Entry>) -> Statement {
        let same = |f: &dyn Fn(&Section) -> Option<String>| -> Option<String> {
            let first = sections.first().and_then(f)?;
            sections.iter().all(|s| f(s).as_deref() == Some(first.as_str())).then_some(first)
        };
        let account_iban = same(&|s| s.account.clone());
        let currency = same(&|s| s.currency.map(|c| c.code().to_string())).and_then(|c| Currency::parse(&c).ok());
        Statement { format, account_iban, currency, sections, entries }
    }

    /// Credits only: the entries that can be payments.
    pub fn credits(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.credit)
    }
}

/// An entry before its identity is decided (identity needs the whole
/// statement: duplicate references and occurrence counters).
pub(crate) struct Draft {
    /// Index of the statement section, the scope of occurrence counters.
    pub section: usize,
    pub account: String,
    /// `<format>:<account>:<reference>` when the bank gave a reference.
    pub bank_key: Option<String>,
    pub entry: Entry,
}

/// Applies the identity rule (module doc) and drops repeated entries.
pub(crate) fn assign_ids(drafts: Vec<Draft>) -> Vec<Entry> {
    let mut key_counts: HashMap<(usize, &str), u32> = HashMap::new();
    for d in &drafts {
        if let Some(k) = &d.bank_key {
            *key_counts.entry((d.section, k.as_str())).or_insert(0) += 1;
        }
    }
    let unique: HashSet<(usize, String)> =
        key_counts.into_iter().filter(|(_, n)| *n == 1).map(|((s, k), _)| (s, k.to_string())).collect();

    let mut occurrences: HashMap<(usize, [u8; 32]), u32> = HashMap::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(drafts.len());
    for d in drafts {
        let Draft { section, account, bank_key, mut entry } = d;
        let id = match bank_key {
            Some(k) if unique.contains(&(section, k.clone())) => k,
            _ => {
                let material = fingerprint_material(&account, &entry);
                let base: [u8; 32] = Sha256::digest(material.as_bytes()).into();
                let n = occurrences.entry((section, base)).or_insert(0);
                let id = fingerprint_id(&material, *n);
                *n += 1;
                id
            }
        };
        if seen.insert(id.clone()) {
            entry.id = id;
            out.push(entry);
        }
    }
    out
}

fn fingerprint_material(account: &str, e: &Entry) -> String {
    let fields = [
        "kindly-bank-fp-v1",
        account,
        &e.booking_date.format("%Y-%m-%d").to_string(),
        &e.amount.minor.to_string(),
        e.amount.currency.code(),
        if e.credit { "C" } else { "D" },
        e.counterparty_name.as_deref().unwrap_or(""),
        e.counterparty_iban.as_deref().unwrap_or(""),
        &e.remittance,
    ]
    .join("\u{1f}");
    fields
}

fn fingerprint_id(material: &str, occurrence: u32) -> String {
    let mut h = Sha256::new();
    h.update(material.as_bytes());
    h.update("\u{1f}".as_bytes());
    h.update(occurrence.to_string().as_bytes());
    let digest = h.finalize();
    let mut id = String::with_capacity(3 + 64);
    id.push_str("fp:");
    for b in digest {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 15)]));
    }
    id
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// IBANs and account numbers as one comparable string: no spaces, upper case.
pub fn normalise_account(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}

/// Trims and turns an empty string into `None`.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

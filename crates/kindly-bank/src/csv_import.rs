//! Bank CSV exports: a header row, then one row per entry.
//!
//! Every bank lays its export out differently, so the layout is a
//! [`CsvMapping`]: which column plays which role, the delimiter, the decimal
//! separator, the date format, the text encoding and the header row. The app
//! shows the proposal of [`detect_csv_mapping`] (with the header names), the
//! user confirms or corrects it, and the app saves it per bank (it is serde
//! data) for the next import.
//!
//! Detection: text is UTF-8 (a BOM is skipped) when valid, else Windows-1252;
//! the delimiter (`;`, `,` or tab) is the one that splits the first rows into
//! the most consistent number of columns; the header row is the first of the
//! first 30 rows that names a date column and an amount (or credit/debit)
//! column, in English or German. The decimal separator is read from the
//! amounts ("1.234,56" is a comma, "1,234.56" a point; "1,234" alone is
//! ambiguous), and the date format from the dates: ISO, DD.MM.YYYY,
//! DD.MM.YY, MM/DD/YYYY or DD/MM/YYYY. When the dates fit both slash forms
//! (no day above 12) or the amounts fit both separators, nothing is guessed:
//! the proposal carries a question, and [`crate::parse`] without a mapping
//! refuses with `bank_csv_mapping_needed`.
//!
//! Rows: quoted fields may hold delimiters and newlines; a row whose booking
//! date cell is empty (a balance or a note line) is skipped; amounts are
//! signed (a leading or trailing minus), or split into credit and debit
//! (Haben/Soll) columns, or given a direction by an S/H-style column. Cells
//! are kept as text exactly as written: a cell "=HYPERLINK(…)" is remittance
//! text, never a formula. Errors name the row (the line of the file the
//! record starts on, as an editor or a spreadsheet without multi-line cells
//! numbers it) and the column by its header. `header_row` counts records,
//! so blank lines above the header do not count.

use crate::amount::parse_minor;
use crate::entry::{assign_ids, non_empty, normalise_account, Draft, Entry, Format, Section, Statement};
use crate::error::{excerpt, ParseError};
use kindly_core::{Currency, Money};
use kindly_csv::number::{clean_amount, detect_decimal, DecimalGuess};
use kindly_csv::reader::Record;
use serde::{Deserialize, Serialize};

pub use kindly_csv::{DateFormat, DecimalSeparator, TextEncoding};

/// Which column (0-based) plays which role.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct CsvColumns {
    pub booking_date: usize,
    pub value_date: Option<usize>,
    /// A signed amount (or unsigned with `direction`).
    pub amount: Option<usize>,
    /// Money in (Haben), when in/out are separate columns.
    pub credit: Option<usize>,
    /// Money out (Soll).
    pub debit: Option<usize>,
    /// "S"/"H", "D"/"C", "Soll"/"Haben", "Debit"/"Credit" beside an unsigned amount.
    pub direction: Option<usize>,
    pub currency: Option<usize>,
    pub counterparty_name: Option<usize>,
    pub counterparty_iban: Option<usize>,
    /// Joined with a space, in this order.
    pub remittance: Vec<usize>,
    /// The bank's own id for the row; when set it is the entry's identity.
    pub bank_ref: Option<usize>,
}

/// Everything needed to read one bank's CSV export.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct CsvMapping {
    pub delimiter: char,
    pub encoding: TextEncoding,
    pub decimal: DecimalSeparator,
    pub date_format: DateFormat,
    /// 0-based record index of the header row (rows above it are a preamble).
    pub header_row: usize,
    pub columns: CsvColumns,
    /// Used when there is no currency column (or a row leaves it empty).
    pub default_currency: Option<Currency>,
    /// The account the export is for (part of entry identity); optional.
    pub account: Option<String>,
}

/// Something detection could not decide; the user must.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CsvQuestion {
    /// The dates fit several formats (e.g. 01/02/2024).
    DateFormat { candidates: Vec<DateFormat> },
    /// The amounts fit both separators (e.g. only "1,234").
    DecimalSeparator,
    /// No currency column and none in the amount header.
    Currency,
}

/// A proposed mapping, the header names to show beside it, and what is
/// left to decide.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct CsvProposal {
    pub mapping: CsvMapping,
    pub headers: Vec<String>,
    pub questions: Vec<CsvQuestion>,
}

/// Reads the layout of a CSV export (see the module doc).
pub fn detect_csv_mapping(bytes: &[u8]) -> Result<CsvProposal, ParseError> {
    let (text, encoding) = decode_auto(bytes);
    let delimiter = detect_delimiter(&text)?;
    let records = read_records(&text, delimiter, Some(530))?;
    let (header_row, columns, header_currency) =
        records.iter().take(30).enumerate().find_map(|(i, r)| roles(r).map(|(c, cur)| (i, c, cur))).ok_or_else(
            || ParseError::CsvMappingNeeded {
                reason: "no row in the first 30 names a date column and an amount column; please choose the columns"
                    .into(),
            },
        )?;
    let headers = records[header_row].clone();
    let rows: Vec<&Vec<String>> = records.iter().skip(header_row + 1).take(500).collect();
    let mut questions = Vec::new();

    let dates: Vec<&str> =
        rows.iter().filter_map(|r| r.get(columns.booking_date)).map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    let candidates: Vec<DateFormat> = DateFormat::ALL
        .into_iter()
        .filter(|f| !dates.is_empty() && dates.iter().all(|d| f.read(d).is_some()))
        .collect();
    let date_format = match candidates.as_slice() {
        [one] => *one,
        [] => {
            return Err(ParseError::CsvMappingNeeded {
                reason: format!(
                    "the dates in column \"{}\" are in no format Kindly knows ({})",
                    excerpt(headers.get(columns.booking_date).map_or("", String::as_str)),
                    DateFormat::ALL.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ")
                ),
            })
        }
        many => {
            questions.push(CsvQuestion::DateFormat { candidates: many.to_vec() });
            many[0]
        }
    };

    let amount_cols: Vec<usize> = [columns.amount, columns.credit, columns.debit].into_iter().flatten().collect();
    let amounts: Vec<&str> = rows
        .iter()
        .flat_map(|r| amount_cols.iter().filter_map(|c| r.get(*c)))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let fallback = if delimiter == ';' { DecimalSeparator::Comma } else { DecimalSeparator::Point };
    let decimal = match detect_decimal(&amounts) {
        DecimalGuess::Sure(d) => d,
        DecimalGuess::Either => fallback,
        DecimalGuess::Ambiguous => {
            questions.push(CsvQuestion::DecimalSeparator);
            fallback
        }
    };
    if columns.currency.is_none() && header_currency.is_none() {
        questions.push(CsvQuestion::Currency);
    }
    let mapping = CsvMapping {
        delimiter,
        encoding,
        decimal,
        date_format,
        header_row,
        columns,
        default_currency: header_currency,
        account: None,
    };
    Ok(CsvProposal { mapping, headers, questions })
}

/// Parses with `mapping`, or with the detected one when it leaves no question.
pub(crate) fn parse(bytes: &[u8], mapping: Option<&CsvMapping>) -> Result<Statement, ParseError> {
    let detected;
    let mapping = match mapping {
        Some(m) => m,
        None => {
            let p = detect_csv_mapping(bytes)?;
            if let Some(q) = p.questions.first() {
                let reason = match q {
                    CsvQuestion::DateFormat { candidates } => format!(
                        "the dates fit several formats ({}); please choose one",
                        candidates.iter().map(|f| f.label()).collect::<Vec<_>>().join(" or ")
                    ),
                    CsvQuestion::DecimalSeparator => {
                        "the amounts could use a decimal point or a decimal comma; please choose".into()
                    }
                    CsvQuestion::Currency => "the file names no currency; please choose one".into(),
                };
                return Err(ParseError::CsvMappingNeeded { reason });
            }
            detected = p.mapping;
            &detected
        }
    };
    parse_with(bytes, mapping)
}

fn parse_with(bytes: &[u8], m: &CsvMapping) -> Result<Statement, ParseError> {
    let text = kindly_csv::text::decode(bytes, m.encoding).map_err(|e| match e {
        kindly_csv::CsvError::Encoding { expected, line } => ParseError::EncodingInvalid { expected, line },
        other => ParseError::CsvMappingNeeded { reason: other.to_string() },
    })?;
    if !m.delimiter.is_ascii() || m.delimiter == '"' || m.delimiter == '\n' {
        return Err(ParseError::CsvMappingNeeded { reason: "the delimiter must be a single ASCII character".into() });
    }
    let (lines, records) = read_records_with_lines(&text, m.delimiter, None)?;
    let header = records.get(m.header_row).cloned().unwrap_or_default();
    let c = &m.columns;
    let col_name = |i: usize| {
        header.get(i).map(|h| excerpt(h.trim())).filter(|h| !h.is_empty()).unwrap_or_else(|| format!("#{}", i + 1))
    };
    let account = m.account.as_deref().map(normalise_account).unwrap_or_default();
    let mut drafts = Vec::new();
    let mut currencies: Vec<Currency> = Vec::new();
    for (idx, r) in records.iter().enumerate().skip(m.header_row + 1) {
        let row = lines.get(idx).copied().unwrap_or(idx as u64 + 1);
        let bad = |col: usize, detail: String| ParseError::CsvRowInvalid { row, column: col_name(col), detail };
        if r.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let Some(date_cell) = r.get(c.booking_date) else {
            if r.len() <= 1 {
                continue; // a note line
            }
            return Err(bad(c.booking_date, format!("the row has only {} columns", r.len())));
        };
        if date_cell.trim().is_empty() {
            continue; // balances and notes have no booking date
        }
        let date_of = |col: usize, cell: &str| {
            m.date_format.read(cell).ok_or_else(|| {
                bad(col, format!("\"{}\" is not a date in the {} format", excerpt(cell.trim()), m.date_format.label()))
            })
        };
        let booking_date = date_of(c.booking_date, date_cell)?;
        let value_date = match c.value_date.and_then(|i| r.get(i).map(|v| (i, v))) {
            Some((i, v)) if !v.trim().is_empty() => Some(date_of(i, v)?),
            _ => None,
        };
        let cell = |i: Option<usize>| i.and_then(|i| r.get(i)).map(|s| s.trim()).filter(|s| !s.is_empty());
        let currency = match cell(c.currency) {
            Some(code) => Currency::parse(code).map_err(|_| {
                bad(c.currency.unwrap_or(0), format!("\"{}\" is not a currency Kindly knows", excerpt(code)))
            })?,
            None => m.default_currency.ok_or_else(|| ParseError::CsvMappingNeeded {
                reason: "the file names no currency; please choose one".into(),
            })?,
        };
        let amount_of = |i: usize, s: &str| {
            parse_minor(&clean_amount(s), m.decimal.char(), currency.exponent(), true)
                .ok_or_else(|| bad(i, format!("\"{}\" is not an amount", excerpt(s))))
        };
        let signed: i64 = if let Some(i) = c.amount {
            let Some(v) = cell(Some(i)) else { return Err(bad(i, "the amount is empty".into())) };
            let mut a = amount_of(i, v)?;
            if let Some(d) = cell(c.direction) {
                a = match direction(d) {
                    Some(true) => a.abs(),
                    Some(false) => -a.abs(),
                    None => {
                        return Err(bad(
                            c.direction.unwrap_or(0),
                            format!("\"{}\" is neither credit nor debit", excerpt(d)),
                        ))
                    }
                };
            }
            a
        } else {
            let credit = match c.credit.and_then(|i| cell(Some(i)).map(|v| (i, v))) {
                Some((i, v)) => amount_of(i, v)?.abs(),
                None => 0,
            };
            let debit = match c.debit.and_then(|i| cell(Some(i)).map(|v| (i, v))) {
                Some((i, v)) => amount_of(i, v)?.abs(),
                None => 0,
            };
            if credit != 0 && debit != 0 {
                return Err(bad(c.credit.unwrap_or(0), "the row has both a credit and a debit amount".into()));
            }
            credit - debit
        };
        if signed == 0 {
            continue;
        }
        if !currencies.contains(&currency) {
            currencies.push(currency);
        }
        let remittance = c.remittance.iter().filter_map(|i| cell(Some(*i))).collect::<Vec<_>>().join(" ");
        let bank_ref = cell(c.bank_ref).map(str::to_string);
        drafts.push(Draft {
            section: 0,
            account: account.clone(),
            bank_key: bank_ref.as_ref().map(|r| format!("csv:{account}:{r}")),
            entry: Entry {
                id: String::new(),
                booking_date,
                value_date,
                amount: Money::new(signed.abs(), currency),
                credit: signed > 0,
                counterparty_name: cell(c.counterparty_name).map(str::to_string),
                counterparty_iban: cell(c.counterparty_iban).map(normalise_account),
                structured_ref: None,
                remittance,
                bank_ref,
                end_to_end_id: None,
            },
        });
    }
    let currency = match currencies.as_slice() {
        [one] => Some(*one),
        [] => m.default_currency,
        _ => None,
    };
    let section = Section { account: non_empty(&account), currency, statement_id: None };
    Ok(Statement::new(Format::Csv, vec![section], assign_ids(drafts)))
}

fn decode_auto(bytes: &[u8]) -> (String, TextEncoding) {
    let encoding = kindly_csv::text::detect_encoding(bytes);
    match kindly_csv::text::decode(bytes, encoding) {
        Ok(text) => (text, encoding),
        Err(_) => {
            (encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), TextEncoding::Windows1252)
        }
    }
}

/// All records (or the first `limit`), as text cells.
fn read_records(text: &str, delimiter: char, limit: Option<usize>) -> Result<Vec<Vec<String>>, ParseError> {
    read_records_with_lines(text, delimiter, limit).map(|(_, records)| records)
}

/// Records and the 1-based line each starts on (kindly-csv's RFC 4180 reader).
fn read_records_with_lines(
    text: &str,
    delimiter: char,
    limit: Option<usize>,
) -> Result<(Vec<u64>, Vec<Vec<String>>), ParseError> {
    let records = kindly_csv::reader::read_records(text, delimiter, limit).map_err(|e| {
        let row = match &e {
            kindly_csv::CsvError::UnclosedQuote { row } | kindly_csv::CsvError::StrayQuote { row, .. } => *row,
            _ => 1,
        };
        ParseError::CsvMalformed { row, detail: excerpt(&e.to_string()) }
    })?;
    Ok(records.into_iter().map(|Record { line, cells }| (line, cells)).unzip())
}

/// The delimiter that splits the first rows most consistently.
fn detect_delimiter(text: &str) -> Result<char, ParseError> {
    kindly_csv::reader::detect_delimiter(text).ok_or_else(|| ParseError::CsvMappingNeeded {
        reason: "no delimiter (, ; tab or |) splits the rows into columns".into(),
    })
}

/// Header text folded for comparison: lower case, German umlauts spelled
/// out, single spaces. Returns the text before any "(…)" and what is inside.
fn fold(h: &str) -> (String, Option<String>) {
    let mut s = String::with_capacity(h.len());
    for c in h.trim().trim_start_matches('\u{feff}').chars() {
        match c {
            'ä' | 'Ä' => s.push_str("ae"),
            'ö' | 'Ö' => s.push_str("oe"),
            'ü' | 'Ü' => s.push_str("ue"),
            'ß' => s.push_str("ss"),
            '"' => {}
            c => s.extend(c.to_lowercase()),
        }
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match (s.find('('), s.rfind(')')) {
        (Some(a), Some(b)) if b > a => (s[..a].trim().to_string(), Some(s[a + 1..b].trim().to_uppercase())),
        _ => (s, None),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Booking,
    Value,
    Amount,
    Credit,
    Debit,
    Direction,
    Currency,
    Name,
    Iban,
    Remittance,
    BankRef,
}

fn role_of(h: &str) -> Option<Role> {
    let any = |list: &[&str]| list.contains(&h);
    if h.contains("iban")
        || any(&["kontonummer", "account", "account number", "counterparty account", "konto", "kontonr"])
    {
        return Some(Role::Iban);
    }
    if any(&["transaction id", "bank reference", "bankreferenz", "transaktions-id", "transaction reference"]) {
        return Some(Role::BankRef);
    }
    if any(&[
        "value date",
        "valuta",
        "valutadatum",
        "wertstellung",
        "wertstellungsdatum",
        "wertstellungstag",
        "valuta datum",
    ]) {
        return Some(Role::Value);
    }
    if any(&[
        "date",
        "booking date",
        "transaction date",
        "posting date",
        "buchungstag",
        "buchungsdatum",
        "datum",
        "buchung",
        "booked",
    ]) {
        return Some(Role::Booking);
    }
    if any(&["s/h", "soll/haben", "debit/credit", "credit/debit", "cr/dr", "dr/cr"]) {
        return Some(Role::Direction);
    }
    if any(&["credit", "credit amount", "haben", "paid in", "money in", "eingang", "gutschrift"]) {
        return Some(Role::Credit);
    }
    if any(&["debit", "debit amount", "soll", "paid out", "money out", "ausgang", "lastschrift"]) {
        return Some(Role::Debit);
    }
    if any(&["amount", "betrag", "umsatz", "transaction amount", "betrag in eur"]) {
        return Some(Role::Amount);
    }
    if any(&["currency", "waehrung", "ccy", "currency code"]) {
        return Some(Role::Currency);
    }
    if any(&[
        "payer",
        "payee",
        "name",
        "counterparty",
        "counterparty name",
        "payer name",
        "payee name",
        "zahlungsbeteiligter",
    ]) || ["auftraggeber", "beguenstigter", "zahlungspflichtig", "empfaenger", "name zahlungsbeteiligter"]
        .iter()
        .any(|k| h.contains(k))
    {
        return Some(Role::Name);
    }
    if any(&[
        "reference",
        "purpose",
        "description",
        "memo",
        "details",
        "payment reference",
        "remittance",
        "remittance information",
        "text",
        "narrative",
        "buchungstext",
    ]) || h.contains("verwendungszweck")
    {
        return Some(Role::Remittance);
    }
    None
}

/// Column roles from a header row, when it has a date and an amount.
fn roles(header: &[String]) -> Option<(CsvColumns, Option<Currency>)> {
    let mut booking = None;
    let mut c = CsvColumns::default();
    let mut currency = None;
    for (i, h) in header.iter().enumerate() {
        let (base, paren) = fold(h);
        let Some(role) = role_of(&base) else { continue };
        let set = |slot: &mut Option<usize>| {
            if slot.is_none() {
                *slot = Some(i);
            }
        };
        match role {
            Role::Booking => set(&mut booking),
            Role::Value => set(&mut c.value_date),
            Role::Amount | Role::Credit | Role::Debit => {
                let slot = match role {
                    Role::Amount => &mut c.amount,
                    Role::Credit => &mut c.credit,
                    _ => &mut c.debit,
                };
                set(slot);
                if currency.is_none() {
                    currency = paren.as_deref().and_then(|p| Currency::parse(p).ok());
                }
            }
            Role::Direction => set(&mut c.direction),
            Role::Currency => set(&mut c.currency),
            Role::Name => set(&mut c.counterparty_name),
            Role::Iban => set(&mut c.counterparty_iban),
            Role::BankRef => set(&mut c.bank_ref),
            Role::Remittance => c.remittance.push(i),
        }
    }
    // A value date alone is a date column too.
    c.booking_date = booking.or(c.value_date)?;
    if c.value_date == Some(c.booking_date) {
        c.value_date = None;
    }
    if c.amount.is_some() {
        // With one amount column, credit/debit headers are not amounts.
        c.credit = None;
        c.debit = None;
    } else if c.credit.is_none() && c.debit.is_none() {
        return None;
    }
    Some((c, currency))
}

/// Credit (`true`) or debit (`false`) from a direction cell.
fn direction(s: &str) -> Option<bool> {
    match s.trim().to_ascii_uppercase().as_str() {
        "H" | "C" | "CR" | "CRDT" | "CREDIT" | "HABEN" | "+" => Some(true),
        "S" | "D" | "DR" | "DBIT" | "DEBIT" | "SOLL" | "-" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_english_and_german() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (c, cur) = roles(&h(&[
            "Buchungstag",
            "Valuta",
            "Auftraggeber/Empfänger",
            "IBAN",
            "Verwendungszweck",
            "Soll",
            "Haben",
            "Währung",
        ]))
        .unwrap();
        assert_eq!(
            (c.booking_date, c.value_date, c.counterparty_name, c.counterparty_iban),
            (0, Some(1), Some(2), Some(3))
        );
        assert_eq!((c.debit, c.credit, c.currency, c.remittance), (Some(5), Some(6), Some(7), vec![4]));
        assert_eq!(cur, None);
        let (c, cur) = roles(&h(&["Date", "Description", "Betrag (EUR)"])).unwrap();
        assert_eq!((c.amount, cur), (Some(2), Some(Currency::EUR)));
        assert!(roles(&h(&["Name", "Text"])).is_none());
    }
}

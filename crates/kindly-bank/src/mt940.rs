//! SWIFT MT940 customer statements, as German and most European banks
//! export them.
//!
//! Fields: `:20:` statement reference, `:25:` account, `:28C:` statement
//! number (ignored), `:60F:`/`:60M:` opening balance (its currency is the
//! statement's), `:61:` statement line, `:86:` information to the account
//! owner, `:62F:`/`:62M:`/`:64:`/`:65:` balances (ignored). A field runs
//! until the next line that starts with a known tag; CRLF, LF and SWIFT
//! block wrappers (`{1:…}{2:…}{4:` … `-}`) are accepted, and a file may hold
//! several statements. A statement whose opening balance is `:60M:` (an
//! intermediate page) continues the previous one of the same account.
//!
//! `:61:` is `YYMMDD` value date, optional `MMDD` entry date (the booking
//! date; its year is the one that puts it nearest the value date), `C`, `D`,
//! `RC` (reversed credit: money out) or `RD` (reversed debit: money in), an
//! optional funds code letter, the amount with a decimal comma, the
//! transaction type (`NTRF` …), the customer reference, `//` and the bank
//! reference, then supplementary details on the next line.
//!
//! `:86:` in the German structured form (`GVC?00…?20…`): `?00` posting text,
//! `?20`–`?29` and `?60`–`?63` purpose (joined without separator, since the
//! bank cut one text into 27-character pieces), `?31` account or IBAN (the
//! counterparty account), `?32`+`?33` name; `?30` (BLZ/BIC) has no place in
//! an [`Entry`] and is not kept. The remittance is the purpose (else the
//! posting text); `EREF+` in it gives the end-to-end reference. Any other
//! `:86:` is free text, its lines joined by a space.
//!
//! Hand-written (see docs/dependencies.md): a strict grammar refuses the
//! small deviations real bank files have, and the fields needed are few.
//! Text is UTF-8 when valid, otherwise Windows-1252 (what German banks use).

use crate::amount::{parse_minor, parse_yymmdd};
use crate::entry::{assign_ids, non_empty, normalise_account, Draft, Entry, Format, Section, Statement};
use crate::error::{excerpt, ParseError};
use chrono::{Datelike, NaiveDate};
use kindly_core::{Currency, Money};

const TAGS: &[&str] = &[
    "20", "21", "25", "28", "28C", "60F", "60M", "61", "86", "62F", "62M", "64", "65", "13", "13D", "34F", "90D",
    "90C", "NS",
];

struct Field {
    tag: String,
    value: String,
    line: u64,
}

pub(crate) fn decode(bytes: &[u8]) -> String {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(body).0.into_owned(),
    }
}

/// Splits the text into fields; continuation lines are joined with '\n'.
fn fields(text: &str) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    let mut open = false;
    for (i, raw) in text.split('\n').enumerate() {
        let line_no = i as u64 + 1;
        let mut line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.starts_with('{') {
            // SWIFT blocks: fields begin after "{4:".
            match line.find("{4:") {
                Some(p) => line = &line[p + 3..],
                None => {
                    open = false;
                    continue;
                }
            }
            if line.trim().is_empty() {
                open = false;
                continue;
            }
        }
        let trimmed = line.trim();
        if trimmed == "-" || trimmed.starts_with("-}") {
            open = false;
            continue;
        }
        if let Some((tag, rest)) = tag_of(line) {
            out.push(Field { tag: tag.to_string(), value: rest.to_string(), line: line_no });
            open = true;
        } else if open {
            if let Some(f) = out.last_mut() {
                f.value.push('\n');
                f.value.push_str(line);
            }
        }
    }
    out
}

fn tag_of(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix(':')?;
    let end = rest.bytes().take(4).position(|c| c == b':')?;
    let tag = &rest[..end];
    TAGS.contains(&tag).then(|| (tag, &rest[end + 1..]))
}

#[derive(Debug)]
struct Line {
    value_date: NaiveDate,
    booking_date: NaiveDate,
    credit: bool,
    minor: i64,
    bank_ref: Option<String>,
    customer_ref: Option<String>,
    supplementary: String,
}

pub(crate) fn parse(bytes: &[u8]) -> Result<Statement, ParseError> {
    let text = decode(bytes);
    let fields = fields(&text);
    if !fields.iter().any(|f| f.tag == "61" || f.tag == "60F" || f.tag == "20") {
        return Err(ParseError::Mt940Malformed { line: 1, detail: "no :20:, :60F: or :61: field".into() });
    }
    let mut sections: Vec<Section> = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut stmt_id: Option<String> = None;
    let mut account = String::new();
    let mut section: Option<(usize, Currency)> = None;
    let mut last_was_61 = false;
    for f in &fields {
        let malformed = |detail: &str| ParseError::Mt940Malformed { line: f.line, detail: detail.to_string() };
        match f.tag.as_str() {
            "20" => {
                stmt_id = non_empty(&f.value);
                section = None;
            }
            "25" => account = normalise_account(&f.value),
            "60F" | "60M" => {
                let v = f.value.trim();
                let code = v.get(7..10).ok_or_else(|| malformed("the opening balance has no currency"))?;
                let currency = Currency::parse(code)
                    .map_err(|_| ParseError::CurrencyInvalid { line: f.line, value: excerpt(code) })?;
                let continues = f.tag == "60M"
                    && sections.last().is_some_and(|s| {
                        s.currency == Some(currency) && s.account.as_deref() == non_empty(&account).as_deref()
                    });
                if !continues {
                    sections.push(Section {
                        account: non_empty(&account),
                        currency: Some(currency),
                        statement_id: stmt_id.clone(),
                    });
                }
                section = Some((sections.len() - 1, currency));
            }
            "61" => {
                let Some((idx, currency)) = section else {
                    return Err(malformed("a :61: statement line comes before the opening balance :60F:"));
                };
                let l = statement_line(&f.value, currency, f.line)?;
                if l.minor > 0 {
                    let bank_key = l.bank_ref.as_ref().map(|r| format!("mt940:{account}:{r}"));
                    let remittance = if l.supplementary.is_empty() { String::new() } else { l.supplementary.clone() };
                    drafts.push(Draft {
                        section: idx,
                        account: account.clone(),
                        bank_key,
                        entry: Entry {
                            id: String::new(),
                            booking_date: l.booking_date,
                            value_date: Some(l.value_date),
                            amount: Money::new(l.minor, currency),
                            credit: l.credit,
                            counterparty_name: None,
                            counterparty_iban: None,
                            structured_ref: None,
                            remittance,
                            bank_ref: l.bank_ref.or(l.customer_ref),
                            end_to_end_id: None,
                        },
                    });
                    last_was_61 = true;
                    continue;
                }
            }
            "86" if last_was_61 => {
                if let Some(d) = drafts.last_mut() {
                    apply_86(&mut d.entry, &f.value);
                }
            }
            _ => {}
        }
        last_was_61 = false;
    }
    Ok(Statement::new(Format::Mt940, sections, assign_ids(drafts)))
}

fn statement_line(v: &str, currency: Currency, line: u64) -> Result<Line, ParseError> {
    let malformed = |detail: &str| ParseError::Mt940Malformed { line, detail: detail.to_string() };
    let (first, rest) = v.split_once('\n').unwrap_or((v, ""));
    let b = first.as_bytes();
    let value_s = first.get(..6).ok_or_else(|| malformed("the :61: line is too short"))?;
    let value_date = parse_yymmdd(value_s).ok_or_else(|| ParseError::DateInvalid { line, value: excerpt(value_s) })?;
    let mut pos = 6;
    let mut booking_date = value_date;
    if b.len() >= 11 && b[6..10].iter().all(u8::is_ascii_digit) && matches!(b[10], b'C' | b'D' | b'R') {
        let mmdd = &first[6..10];
        booking_date =
            entry_date(value_date, mmdd).ok_or_else(|| ParseError::DateInvalid { line, value: excerpt(mmdd) })?;
        pos = 10;
    }
    let credit = if first[pos..].starts_with("RC") {
        pos += 2;
        false
    } else if first[pos..].starts_with("RD") {
        pos += 2;
        true
    } else if first[pos..].starts_with('C') {
        pos += 1;
        true
    } else if first[pos..].starts_with('D') {
        pos += 1;
        false
    } else {
        return Err(malformed("the :61: line has no C, D, RC or RD mark"));
    };
    if b.get(pos).is_some_and(u8::is_ascii_alphabetic) {
        pos += 1; // funds code
    }
    let amount_len = b[pos..].iter().take_while(|c| c.is_ascii_digit() || **c == b',' || **c == b'.').count();
    let amount_s = &first[pos..pos + amount_len];
    let minor = parse_minor(amount_s, ',', currency.exponent(), false)
        .filter(|m| *m >= 0)
        .ok_or_else(|| ParseError::AmountInvalid { line, value: excerpt(amount_s) })?;
    pos += amount_len;
    // Transaction type: N, F or S and three characters. Anything else right
    // after the amount means the amount itself is broken ("15O,00").
    if !b.get(pos).is_some_and(|c| matches!(c, b'N' | b'F' | b'S')) {
        let shown: String = first[pos - amount_len..].chars().take(amount_len + 6).collect();
        return Err(ParseError::AmountInvalid { line, value: excerpt(&shown) });
    }
    pos = (pos + 4).min(b.len());
    let refs = first.get(pos..).unwrap_or("");
    let (customer, bank) = match refs.find("//") {
        Some(p) => (&refs[..p], Some(&refs[p + 2..])),
        None => (refs, None),
    };
    let clean = |s: &str| non_empty(s).filter(|s| !s.eq_ignore_ascii_case("NONREF") && !s.eq_ignore_ascii_case("NONE"));
    Ok(Line {
        value_date,
        booking_date,
        credit,
        minor,
        bank_ref: bank.and_then(clean),
        customer_ref: clean(customer),
        supplementary: rest.split('\n').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" "),
    })
}

/// MMDD in the year that puts it closest to the value date (a booking on
/// 2 January for a value date of 31 December is next year's).
fn entry_date(value: NaiveDate, mmdd: &str) -> Option<NaiveDate> {
    let m: u32 = mmdd[..2].parse().ok()?;
    let d: u32 = mmdd[2..].parse().ok()?;
    [value.year() - 1, value.year(), value.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .min_by_key(|date| (*date - value).num_days().abs())
}

fn apply_86(e: &mut Entry, value: &str) {
    let b = value.as_bytes();
    let structured = b.len() >= 4 && b[..3].iter().all(u8::is_ascii_digit) && b[3] == b'?';
    if !structured {
        let text = value.split('\n').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
        e.remittance = if e.remittance.is_empty() { text } else { format!("{text} {}", e.remittance) };
        return;
    }
    // The bank cut the text into lines anywhere: join without separator.
    let joined: String = value.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let mut posting = String::new();
    let mut purpose = String::new();
    let mut name = String::new();
    let mut account = String::new();
    for (code, text) in subfields(&joined[3..]) {
        match code {
            0 => posting.push_str(text),
            20..=29 | 60..=63 => purpose.push_str(text),
            31 => account.push_str(text),
            32 | 33 => name.push_str(text),
            _ => {}
        }
    }
    e.counterparty_name = non_empty(&name);
    e.counterparty_iban = non_empty(&normalise_account(&account));
    let purpose = purpose.trim();
    e.remittance = if purpose.is_empty() { posting.trim().to_string() } else { purpose.to_string() };
    e.end_to_end_id = sepa_field(&e.remittance, "EREF+").filter(|v| v != "NOTPROVIDED");
}

/// `?NN` subfields in order; text before the first marker is dropped.
fn subfields(s: &str) -> Vec<(u8, &str)> {
    let b = s.as_bytes();
    let mut marks: Vec<(usize, u8)> = Vec::new();
    let mut i = 0;
    while i + 2 < b.len() {
        if b[i] == b'?' && b[i + 1].is_ascii_digit() && b[i + 2].is_ascii_digit() {
            marks.push((i, (b[i + 1] - b'0') * 10 + (b[i + 2] - b'0')));
            i += 3;
        } else {
            i += 1;
        }
    }
    marks
        .iter()
        .enumerate()
        .map(|(k, &(at, code))| {
            let end = marks.get(k + 1).map_or(s.len(), |m| m.0);
            (code, &s[at + 3..end])
        })
        .collect()
}

const SEPA_KEYS: &[&str] =
    &["EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "SVWZ+", "ABWA+", "ABWE+", "IBAN+", "BIC+", "COAM+", "OAMT+"];

/// The value after a SEPA keyword in a German purpose text, up to the next keyword.
fn sepa_field(text: &str, key: &str) -> Option<String> {
    let start = text.find(key)? + key.len();
    let rest = &text[start..];
    let end = SEPA_KEYS.iter().filter_map(|k| rest.find(k)).min().unwrap_or(rest.len());
    non_empty(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_recognised_only_when_known() {
        assert_eq!(tag_of(":61:2403010301C1,00NTRF"), Some(("61", "2403010301C1,00NTRF")));
        assert_eq!(tag_of(":28C:1/1"), Some(("28C", "1/1")));
        assert_eq!(tag_of(":60F:C240301EUR1,00"), Some(("60F", "C240301EUR1,00")));
        assert_eq!(tag_of(":99:x"), None);
        assert_eq!(tag_of("?20:xx"), None);
        assert_eq!(tag_of(":"), None);
    }

    #[test]
    fn statement_lines() {
        let l = statement_line("2312311229C1234,56NTRFNONREF//BANK-1\nSUPPL", Currency::EUR, 1).unwrap();
        assert_eq!(l.value_date, NaiveDate::from_ymd_opt(2023, 12, 31).unwrap());
        assert_eq!(l.booking_date, NaiveDate::from_ymd_opt(2023, 12, 29).unwrap());
        assert!(l.credit);
        assert_eq!(l.minor, 123456);
        assert_eq!(l.bank_ref.as_deref(), Some("BANK-1"));
        assert_eq!(l.customer_ref, None);
        assert_eq!(l.supplementary, "SUPPL");
        let l = statement_line("2312310102RD5,NMSCREF", Currency::EUR, 1).unwrap();
        assert_eq!(l.booking_date, NaiveDate::from_ymd_opt(2024, 1, 2).unwrap());
        assert!(l.credit);
        assert_eq!(l.minor, 500);
        let l = statement_line("240301DR7,5NCHG", Currency::EUR, 1).unwrap();
        assert_eq!(statement_line("240301C15O,00NTRF", Currency::EUR, 4).unwrap_err().code(), "bank_amount_invalid");
        assert!(!l.credit);
        assert_eq!(l.minor, 750);
        assert_eq!(statement_line("240301X1,00", Currency::EUR, 3).unwrap_err().code(), "bank_mt940_malformed");
        assert_eq!(statement_line("240301C1,2,3N", Currency::EUR, 3).unwrap_err().code(), "bank_amount_invalid");
        assert_eq!(statement_line("241301C1,00N", Currency::EUR, 3).unwrap_err().code(), "bank_date_invalid");
        assert!(statement_line("24", Currency::EUR, 1).is_err());
    }
}

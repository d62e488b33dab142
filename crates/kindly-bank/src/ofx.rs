//! OFX statements: 1.x (SGML, header `OFXHEADER:100`, leaf elements left
//! unclosed) and 2.x (XML), bank and credit-card statements.
//!
//! One tolerant tag scanner reads both: an element followed directly by text
//! is a leaf with that value (its closing tag, in 2.x, is ignored); an
//! element followed by another tag is an aggregate, closed by its closing tag
//! (a closing tag also closes whatever is still open inside it, as SGML
//! allows). Read: per `STMTRS`/`CCSTMTRS` the `CURDEF` and the account
//! (`BANKACCTFROM`/`CCACCTFROM` `ACCTID`); per `STMTTRN`: `DTPOSTED`
//! (booking date), `DTAVAIL` (value date), `TRNAMT` (signed: its sign gives
//! the direction, so `TRNTYPE`, which banks fill inconsistently, is not
//! needed), `FITID`, `NAME` or `PAYEE` (leaf, or `NAME` inside the `PAYEE`
//! aggregate), `MEMO` (the remittance) and `REFNUM` (appended to the
//! remittance when the memo does not already hold it). A decimal comma is
//! accepted in `TRNAMT` when there is no point, as some banks write it.
//!
//! Safety: `<!DOCTYPE` is refused as in camt (`bank_xml_doctype_refused`),
//! and only the predefined entities, `&nbsp;` and character references are
//! expanded; other `&name;` text is kept as written (no DTD can define it).
//! Hand-written (see docs/dependencies.md): the only OFX crates found are
//! unmaintained, GPL, or for another "OFX" (OpenFX).

use crate::amount::{parse_minor, parse_yyyymmdd};
use crate::entry::{assign_ids, non_empty, normalise_account, Draft, Entry, Format, Section, Statement};
use crate::error::{excerpt, line_at, ParseError};
use crate::mt940::decode;
use crate::xml::MAX_DEPTH;
use kindly_core::{Currency, Money};

#[derive(Default)]
struct Txn {
    line: u64,
    posted: Option<String>,
    avail: Option<String>,
    amount: Option<String>,
    fitid: Option<String>,
    name: Option<String>,
    payee: Option<String>,
    memo: Option<String>,
    refnum: Option<String>,
}

struct Ctx {
    sections: Vec<Section>,
    section: Option<usize>,
    account: String,
    txn: Option<Txn>,
    drafts: Vec<Draft>,
}

pub(crate) fn parse(bytes: &[u8]) -> Result<Statement, ParseError> {
    let text = decode(bytes);
    let src = text.as_bytes();
    // The header is short: <OFX> starts within the first 64 KiB or the file
    // is not OFX (and 50 MB of something else is turned away at once).
    let head = &src[..src.len().min(64 * 1024)];
    let upper_start = find_ci(head, b"<OFX>", 0)
        .or_else(|| find_ci(head, b"<OFX ", 0))
        .ok_or(ParseError::OfxMalformed { line: 1, detail: "there is no <OFX> element".into() })?;
    // A DTD can only come before the root element.
    if let Some(p) = find_ci(&src[..upper_start], b"<!DOCTYPE", 0) {
        return Err(ParseError::XmlDoctypeRefused { line: line_at(src, p) });
    }
    let line = |pos: usize| line_at(src, pos);
    let mut ctx = Ctx { sections: Vec::new(), section: None, account: String::new(), txn: None, drafts: Vec::new() };
    let mut stack: Vec<String> = Vec::new();
    let mut closed_ofx = false;
    let mut i = upper_start;
    while i < src.len() {
        if src[i] != b'<' {
            i += 1;
            continue;
        }
        let tag_start = i;
        if src[i..].starts_with(b"<!--") {
            i = find(src, b"-->", i)
                .map(|p| p + 3)
                .ok_or(ParseError::OfxMalformed { line: line(i), detail: "a comment is not closed".into() })?;
            continue;
        }
        if src.get(i + 1) == Some(&b'?') {
            i = find(src, b"?>", i)
                .map(|p| p + 2)
                .ok_or(ParseError::OfxMalformed { line: line(i), detail: "a <? … ?> is not closed".into() })?;
            continue;
        }
        if src[i..].len() >= 9 && src[i..i + 9].eq_ignore_ascii_case(b"<!DOCTYPE") {
            return Err(ParseError::XmlDoctypeRefused { line: line(i) });
        }
        let close = find(src, b">", i).ok_or(ParseError::OfxMalformed {
            line: line(i),
            detail: "the file ends inside a tag (cut off?)".into(),
        })?;
        let inner = &text[i + 1..close];
        if inner.contains('<') {
            return Err(ParseError::OfxMalformed {
                line: line(i),
                detail: format!("the tag <{}…> is not closed", excerpt(inner)),
            });
        }
        i = close + 1;
        let (closing, name) = match inner.strip_prefix('/') {
            Some(n) => (true, n),
            None => (false, inner),
        };
        let name = name.split_whitespace().next().unwrap_or("").trim_end_matches('/').to_ascii_uppercase();
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_') {
            return Err(ParseError::OfxMalformed {
                line: line(tag_start),
                detail: format!("<{}> is not an OFX tag", excerpt(inner)),
            });
        }
        if closing {
            if let Some(pos) = stack.iter().rposition(|s| *s == name) {
                while stack.len() > pos {
                    if let Some(open) = stack.pop() {
                        ctx.on_close(&open)?;
                    }
                }
            }
            if name == "OFX" {
                closed_ofx = true;
                break;
            }
            continue;
        }
        // Leaf when text follows before the next tag; otherwise an aggregate.
        let next = find(src, b"<", i).unwrap_or(src.len());
        let raw = &text[i..next];
        if raw.trim().is_empty() {
            if stack.len() >= MAX_DEPTH {
                return Err(ParseError::OfxMalformed {
                    line: line(tag_start),
                    detail: format!("elements are nested more than {MAX_DEPTH} deep"),
                });
            }
            ctx.on_open(&name, line(tag_start));
            stack.push(name);
        } else {
            let value = unescape(raw.trim());
            ctx.on_leaf(&stack, &name, value, line(tag_start))?;
            i = next;
        }
    }
    if !closed_ofx {
        let detail = if ctx.txn.is_some() {
            "the file ends inside a transaction (cut off?)"
        } else {
            "the file ends before </OFX> (cut off?)"
        };
        return Err(ParseError::OfxMalformed { line: line(src.len()), detail: detail.into() });
    }
    Ok(Statement::new(Format::Ofx, ctx.sections, assign_ids(ctx.drafts)))
}

impl Ctx {
    fn on_open(&mut self, name: &str, line: u64) {
        match name {
            "STMTRS" | "CCSTMTRS" => {
                self.sections.push(Section { account: None, currency: None, statement_id: None });
                self.section = Some(self.sections.len() - 1);
                self.account.clear();
            }
            "STMTTRN" => self.txn = Some(Txn { line, ..Txn::default() }),
            _ => {}
        }
    }

    fn on_close(&mut self, name: &str) -> Result<(), ParseError> {
        if name == "STMTTRN" {
            if let Some(t) = self.txn.take() {
                self.finish(t)?;
            }
        }
        Ok(())
    }

    fn on_leaf(&mut self, stack: &[String], name: &str, value: String, line: u64) -> Result<(), ParseError> {
        let parent = stack.last().map(String::as_str).unwrap_or("");
        if let Some(t) = self.txn.as_mut().filter(|_| stack.iter().any(|s| s == "STMTTRN")) {
            let slot = match (parent, name) {
                ("PAYEE", "NAME") => &mut t.payee,
                ("STMTTRN", "DTPOSTED") => &mut t.posted,
                ("STMTTRN", "DTAVAIL") => &mut t.avail,
                ("STMTTRN", "TRNAMT") => &mut t.amount,
                ("STMTTRN", "FITID") => &mut t.fitid,
                ("STMTTRN", "NAME") => &mut t.name,
                ("STMTTRN", "PAYEE") => &mut t.payee,
                ("STMTTRN", "MEMO") => &mut t.memo,
                ("STMTTRN", "REFNUM") => &mut t.refnum,
                _ => return Ok(()),
            };
            *slot = Some(value);
            return Ok(());
        }
        let Some(idx) = self.section else { return Ok(()) };
        match (parent, name) {
            ("STMTRS" | "CCSTMTRS", "CURDEF") => {
                let c = Currency::parse(&value)
                    .map_err(|_| ParseError::CurrencyInvalid { line, value: excerpt(&value) })?;
                self.sections[idx].currency = Some(c);
            }
            ("BANKACCTFROM" | "CCACCTFROM", "ACCTID") => {
                self.account = normalise_account(&value);
                self.sections[idx].account = non_empty(&self.account);
            }
            _ => {}
        }
        Ok(())
    }

    fn finish(&mut self, t: Txn) -> Result<(), ParseError> {
        let line = t.line;
        let idx = self
            .section
            .ok_or(ParseError::OfxMalformed { line, detail: "a transaction outside a statement".into() })?;
        let currency = self.sections[idx].currency.ok_or(ParseError::FieldMissing { line, field: "CURDEF" })?;
        let posted = t.posted.ok_or(ParseError::FieldMissing { line, field: "DTPOSTED" })?;
        let booking_date =
            parse_yyyymmdd(&posted).ok_or_else(|| ParseError::DateInvalid { line, value: excerpt(&posted) })?;
        let value_date = t.avail.as_deref().and_then(parse_yyyymmdd);
        let amount_s = t.amount.ok_or(ParseError::FieldMissing { line, field: "TRNAMT" })?;
        let decimal = if amount_s.contains(',') && !amount_s.contains('.') { ',' } else { '.' };
        let signed = parse_minor(&amount_s, decimal, currency.exponent(), false)
            .ok_or_else(|| ParseError::AmountInvalid { line, value: excerpt(&amount_s) })?;
        if signed == 0 {
            return Ok(());
        }
        let fitid = t.fitid.and_then(|f| non_empty(&f));
        let mut remittance = t.memo.unwrap_or_default();
        if let Some(r) = t.refnum.filter(|r| !remittance.contains(r.as_str())) {
            if !remittance.is_empty() {
                remittance.push(' ');
            }
            remittance.push_str(&r);
        }
        self.drafts.push(Draft {
            section: idx,
            account: self.account.clone(),
            bank_key: fitid.as_ref().map(|f| format!("ofx:{}:{f}", self.account)),
            entry: Entry {
                id: String::new(),
                booking_date,
                value_date,
                amount: Money::new(signed.abs(), currency),
                credit: signed > 0,
                counterparty_name: t.name.or(t.payee),
                counterparty_iban: None,
                structured_ref: None,
                remittance,
                bank_ref: fitid,
                end_to_end_id: None,
            },
        });
        Ok(())
    }
}

/// The predefined entities, `&nbsp;` and character references; anything
/// else stays as written.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest.char_indices().take(12).find(|&(_, c)| c == ';').map(|(i, _)| i);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32)
                    .filter(|c| *c != '\0'),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// First `needle` at or after `from`: scans for its first byte, then compares.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    find_by(hay, needle, from, |a, b| a == b)
}

fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    find_by(hay, needle, from, <[u8]>::eq_ignore_ascii_case)
}

fn find_by(hay: &[u8], needle: &[u8], from: usize, eq: impl Fn(&[u8], &[u8]) -> bool) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let p = hay[i..].iter().position(|&b| b == first)?;
        i += p;
        if i + needle.len() > hay.len() {
            return None;
        }
        if eq(&hay[i..i + needle.len()], needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_expand_only_when_known() {
        assert_eq!(unescape("Smith &amp; Sons &#65;&#x42; &foo; & x"), "Smith & Sons AB &foo; & x");
        assert_eq!(unescape("&#0; &#xFFFFFFFF;"), "&#0; &#xFFFFFFFF;");
    }
}

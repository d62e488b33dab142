//! Deciding which open invoices a bank entry pays.
//!
//! The caller gives the entries, the open invoices ([`OpenInvoices`], indexed
//! once: by creditor reference, by normalised number, by client and balance)
//! and the payers it already knows ([`KnownPayers`]: IBAN or name → client).
//! Nothing here reads or writes a store; every entry gets one [`Decision`].
//!
//! Only credits can be payments: a debit is [`Decision::Debit`]. For a
//! credit, the first tier that finds an invoice decides:
//!
//! 1. **Reference**: a valid ISO 11649 creditor reference, structured or in
//!    the free text, that belongs to an open invoice.
//! 2. **Invoice number**: open invoice numbers found in the remittance text
//!    (or the end-to-end reference, or a structured reference that is not
//!    RF). Matching is by whole tokens after normalising case and the
//!    separators banks mangle (spaces, `-`, `/`, `.`, `_` between the parts of
//!    a number): "inv 2024 12" finds INV-2024-12, but "INV-123" never finds
//!    INV-12. Numbers shorter than 3 characters or without a digit are not
//!    searched; an all-digit number shorter than 5 digits (it could be a
//!    year or a quantity) only counts when the amount equals its balance.
//! 3. **Known payer**: the payer's IBAN or name belongs to a client who has
//!    an open invoice of exactly this amount: always for review.
//!
//! In tiers 1 and 2 the payment is recorded ([`Decision::Record`]) only when
//! the currency is the invoice's and nothing is over-paid: one invoice with
//! an amount up to its balance (less is a partial payment), or several
//! invoices of one client whose balances add up to exactly the amount. An
//! amount above the balance (or the sum) goes to review with the surplus
//! stated, as do invoices of different clients and an amount below the sum
//! of several invoices (which one is paid is the user's call). Balances are
//! followed across the entries of one call, so two entries never pay the
//! same euro twice. The result is deterministic: same input, same decisions.

use crate::entry::{normalise_account, Entry};
use crate::reference;
use kindly_core::bank_reason::{BankReason, BankReasonFacts};
use kindly_core::vocab::{BankFoundBy, BankReasonKind};
use kindly_core::Money;
use std::collections::HashMap;

/// An invoice that can still be paid.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct OpenInvoice {
    pub id: i64,
    pub client_id: i64,
    pub number: String,
    /// The RF reference printed on the invoice, if any.
    pub creditor_reference: Option<String>,
    /// What is still owed (total minus payments), in the invoice currency.
    pub outstanding: Money,
}

/// A hash → invoice indexes lookup, built for a million invoices in well
/// under a second: keys are 64-bit hashes computed without allocating, kept
/// in one vector that is sorted once (sequential writes and one sort beat a
/// million scattered hash-table inserts once the table outgrows the cache),
/// and found by binary search. A hash only selects candidates: every
/// lookup checks the invoice itself, so a collision can cost a comparison
/// but never a wrong match.
#[derive(Clone, Debug, Default)]
struct Index {
    keys: Vec<(u64, u32)>,
}

impl Index {
    fn with_capacity(n: usize) -> Index {
        Index { keys: Vec::with_capacity(n) }
    }

    fn insert(&mut self, key: u64, idx: u32) {
        self.keys.push((key, idx));
    }

    /// Sorts by key, then by invoice order, so lookups are deterministic.
    fn finish(&mut self) {
        self.keys.sort_unstable();
    }

    fn get(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let from = self.keys.partition_point(|(k, _)| *k < key);
        self.keys[from..].iter().take_while(move |(k, _)| *k == key).map(|(_, i)| *i)
    }

    fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// FNV-1a over a byte stream, then a splitmix64 finaliser so every bit of
/// the result depends on every byte (the map uses the top bits too).
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }

    fn bytes(&mut self, bs: &[u8]) {
        for &b in bs {
            self.byte(b);
        }
    }

    fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes(c.encode_utf8(&mut buf).as_bytes());
    }

    fn finish(self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Open invoices with the indexes matching needs.
#[derive(Clone, Debug, Default)]
pub struct OpenInvoices {
    list: Vec<OpenInvoice>,
    /// Hash of the compact upper-case creditor reference.
    by_ref: Index,
    /// Hash of the normalised number (see [`normalise_number`]).
    by_number: Index,
    /// Hash of (client, currency, outstanding minor units).
    by_client_amount: Index,
    max_number_len: usize,
}

/// The longest normalised invoice number searched for in text.
const MAX_NUMBER_LEN: usize = 40;

impl OpenInvoices {
    /// Indexes the invoices; those with nothing outstanding are left out.
    pub fn new(invoices: Vec<OpenInvoice>) -> OpenInvoices {
        let n = invoices.len();
        let mut s = OpenInvoices {
            list: Vec::with_capacity(n),
            by_ref: Index::with_capacity(n),
            by_number: Index::with_capacity(n),
            by_client_amount: Index::with_capacity(n),
            max_number_len: 0,
        };
        for inv in invoices.into_iter().filter(|i| i.outstanding.minor > 0) {
            let Ok(idx) = u32::try_from(s.list.len()) else { break };
            if let Some(rf) = inv.creditor_reference.as_deref() {
                // Invalid references are indexed too: they are never looked up.
                s.by_ref.insert(ref_hash(rf), idx);
            }
            let (hash, len, searchable) = number_key(&inv.number);
            if searchable {
                s.max_number_len = s.max_number_len.max(len);
                s.by_number.insert(hash, idx);
            }
            s.by_client_amount.insert(client_amount_hash(inv.client_id, inv.outstanding), idx);
            s.list.push(inv);
        }
        s.by_ref.finish();
        s.by_number.finish();
        s.by_client_amount.finish();
        s
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

fn ref_hash(rf: &str) -> u64 {
    let mut h = Fnv::new();
    for c in rf.chars().filter(|c| !c.is_whitespace()) {
        h.byte(c.to_ascii_uppercase() as u8);
    }
    h.finish()
}

fn compact_ref_eq(stored: &str, rf: &str) -> bool {
    stored.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).eq(rf.chars())
}

/// Hash, byte length and searchability of a normalised number, computed
/// without building the string.
fn number_key(number: &str) -> (u64, usize, bool) {
    let mut h = Fnv::new();
    let (mut len, mut count, mut digit) = (0usize, 0usize, false);
    for c in number.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase) {
        h.char(c);
        len += c.len_utf8();
        count += 1;
        digit |= c.is_ascii_digit();
    }
    (h.finish(), len, count >= 3 && len <= MAX_NUMBER_LEN && digit)
}

fn text_hash(s: &str) -> u64 {
    let mut h = Fnv::new();
    h.bytes(s.as_bytes());
    h.finish()
}

fn client_amount_hash(client: i64, amount: Money) -> u64 {
    let mut h = Fnv::new();
    h.bytes(&client.to_le_bytes());
    h.bytes(amount.currency.code().as_bytes());
    h.bytes(&amount.minor.to_le_bytes());
    h.finish()
}

/// Invoice numbers as compared with text: letters and digits only, upper
/// case ("inv-2024/12" → "INV202412").
pub fn normalise_number(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// Payers the user already confirmed for a client.
#[derive(Clone, Debug, Default)]
pub struct KnownPayers {
    by_iban: HashMap<String, Vec<i64>>,
    by_name: HashMap<String, Vec<i64>>,
}

impl KnownPayers {
    pub fn new() -> KnownPayers {
        KnownPayers::default()
    }

    pub fn add_iban(&mut self, iban: &str, client_id: i64) {
        let k = normalise_account(iban);
        if !k.is_empty() {
            let v = self.by_iban.entry(k).or_default();
            if !v.contains(&client_id) {
                v.push(client_id);
            }
        }
    }

    pub fn add_name(&mut self, name: &str, client_id: i64) {
        let k = normalise_name(name);
        if !k.is_empty() {
            let v = self.by_name.entry(k).or_default();
            if !v.contains(&client_id) {
                v.push(client_id);
            }
        }
    }

    fn clients_of(&self, e: &Entry) -> Vec<i64> {
        let mut out: Vec<i64> = Vec::new();
        let iban = e.counterparty_iban.as_deref().map(normalise_account);
        let name = e.counterparty_name.as_deref().map(normalise_name);
        for c in
            iban.and_then(|k| self.by_iban.get(&k)).into_iter().chain(name.and_then(|k| self.by_name.get(&k))).flatten()
        {
            if !out.contains(c) {
                out.push(*c);
            }
        }
        out
    }
}

/// Names as compared: lower case, words of letters and digits, single spaces.
pub fn normalise_name(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a match was found.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Tier {
    /// 1: a creditor reference.
    Reference,
    /// 2: invoice numbers in the text.
    InvoiceNumber,
    /// 3: a known payer and an equal balance.
    KnownPayer,
}

impl Tier {
    pub fn number(self) -> u8 {
        match self {
            Tier::Reference => 1,
            Tier::InvoiceNumber => 2,
            Tier::KnownPayer => 3,
        }
    }
}

/// How sure the decision is.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Confidence {
    /// Recorded without asking (tiers 1 and 2 within the balance).
    High,
    /// The invoice is clear (tier 1 or 2) but the amount is not.
    Medium,
    /// A guess from the payer and the amount (tier 3).
    Low,
}

/// Who paid, as the bank names them, so the caller can remember the payer
/// for the client once the user confirms.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Payer {
    pub iban: Option<String>,
    pub name: Option<String>,
}

/// An invoice offered for review.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Candidate {
    pub invoice_id: i64,
    pub client_id: i64,
    pub number: String,
    /// Still open after what earlier entries of this call allocated.
    pub outstanding: Money,
}

/// What to do with one entry.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Decision {
    /// Record these payments: `(invoice id, amount)`, never above a balance.
    Record {
        entry_id: String,
        payer: Payer,
        allocations: Vec<(i64, Money)>,
        tier: Tier,
        confidence: Confidence,
        reason: BankReason,
    },
    /// Show the user; `surplus` is how much the amount exceeds the balance(s).
    Review {
        entry_id: String,
        payer: Payer,
        candidates: Vec<Candidate>,
        tier: Tier,
        confidence: Confidence,
        surplus: Option<Money>,
        reason: BankReason,
    },
    /// A credit that matches nothing.
    Unmatched { entry_id: String, payer: Payer, reason: BankReason },
    /// Money out: not a payment.
    Debit { entry_id: String },
}

impl Decision {
    pub fn entry_id(&self) -> &str {
        match self {
            Decision::Record { entry_id, .. }
            | Decision::Review { entry_id, .. }
            | Decision::Unmatched { entry_id, .. }
            | Decision::Debit { entry_id } => entry_id,
        }
    }

    /// The payer, except for debits.
    pub fn payer(&self) -> Option<&Payer> {
        match self {
            Decision::Record { payer, .. } | Decision::Review { payer, .. } | Decision::Unmatched { payer, .. } => {
                Some(payer)
            }
            Decision::Debit { .. } => None,
        }
    }

    /// Why: a kind and its facts (`Display` words it in English).
    pub fn reason(&self) -> BankReason {
        match self {
            Decision::Record { reason, .. } | Decision::Review { reason, .. } | Decision::Unmatched { reason, .. } => {
                reason.clone()
            }
            Decision::Debit { .. } => BankReason::money_out(),
        }
    }
}

/// One decision per entry, in order (see the module doc for the rules).
pub fn match_entries(entries: &[Entry], invoices: &OpenInvoices, payers: &KnownPayers) -> Vec<Decision> {
    let mut m = Matcher { inv: invoices, payers, allocated: HashMap::new(), buf: String::new() };
    entries.iter().map(|e| m.decide(e)).collect()
}

struct Matcher<'a> {
    inv: &'a OpenInvoices,
    payers: &'a KnownPayers,
    /// Minor units allocated per invoice index by earlier entries.
    allocated: HashMap<u32, i64>,
    buf: String,
}

/// Drops repeats, keeping first appearances (linear, whatever the count).
fn dedup_in_order<T: std::hash::Hash + Eq + Clone>(v: &mut Vec<T>) {
    let mut seen = std::collections::HashSet::with_capacity(v.len());
    v.retain(|x| seen.insert(x.clone()));
}

/// What found the invoices of tiers 1 and 2, as a reason's first facts.
struct FoundBy {
    by: BankFoundBy,
    references: Vec<String>,
    invoices: Vec<String>,
}

impl FoundBy {
    /// A reason of `kind` that starts from what found the invoices and the entry's amount.
    fn reason(&self, kind: BankReasonKind, amount: Money) -> BankReason {
        BankReason {
            kind,
            facts: BankReasonFacts {
                found_by: Some(self.by),
                references: self.references.clone(),
                invoices: self.invoices.clone(),
                currency: Some(amount.currency.code().to_string()),
                amount_minor: Some(amount.minor),
                ..BankReasonFacts::default()
            },
        }
    }
}

/// A reason with the entry's amount and nothing found by reference or number.
fn plain_reason(kind: BankReasonKind, amount: Money) -> BankReason {
    BankReason {
        kind,
        facts: BankReasonFacts {
            currency: Some(amount.currency.code().to_string()),
            amount_minor: Some(amount.minor),
            ..BankReasonFacts::default()
        },
    }
}

impl Matcher<'_> {
    fn remaining(&self, i: u32) -> Money {
        let inv = &self.inv.list[i as usize];
        let used = self.allocated.get(&i).copied().unwrap_or(0);
        Money::new(inv.outstanding.minor - used, inv.outstanding.currency)
    }

    fn candidate(&self, i: u32) -> Candidate {
        let inv = &self.inv.list[i as usize];
        Candidate {
            invoice_id: inv.id,
            client_id: inv.client_id,
            number: inv.number.clone(),
            outstanding: self.remaining(i),
        }
    }

    fn decide(&mut self, e: &Entry) -> Decision {
        let entry_id = e.id.clone();
        if !e.credit {
            return Decision::Debit { entry_id };
        }
        let payer = Payer { iban: e.counterparty_iban.clone(), name: e.counterparty_name.clone() };

        // Tier 1: creditor references.
        let mut refs: Vec<String> = Vec::new();
        if let Some(r) = e.structured_ref.as_deref().and_then(|r| reference::validate(r).ok()) {
            refs.push(r);
        }
        for text in [Some(e.remittance.as_str()), e.end_to_end_id.as_deref()].into_iter().flatten() {
            refs.extend(reference::find_in_text(text));
        }
        dedup_in_order(&mut refs);
        let mut hits: Vec<u32> = Vec::new();
        let mut matched_refs: Vec<String> = Vec::new();
        for r in &refs {
            let mut any = false;
            for i in self.inv.by_ref.get(ref_hash(r)) {
                let stored = self.inv.list[i as usize].creditor_reference.as_deref().unwrap_or("");
                if compact_ref_eq(stored, r) {
                    any = true;
                    hits.push(i);
                }
            }
            if any {
                matched_refs.push(reference::format_grouped(r));
            }
        }
        dedup_in_order(&mut hits);
        if !hits.is_empty() {
            let invoices = hits.iter().map(|&i| self.inv.list[i as usize].number.clone()).collect();
            let why = FoundBy { by: BankFoundBy::Reference, references: matched_refs, invoices };
            return self.settle(e, entry_id, payer, &hits, Tier::Reference, &why, false);
        }

        // Tier 2: invoice numbers in the text.
        let mut hay = e.remittance.clone();
        for extra in [e.end_to_end_id.as_deref(), e.structured_ref.as_deref()].into_iter().flatten() {
            hay.push(' ');
            hay.push_str(extra);
        }
        let (hits, weak) = self.numbers_in(&hay);
        if !hits.is_empty() {
            let invoices = hits.iter().map(|&i| self.inv.list[i as usize].number.clone()).collect();
            let why = FoundBy { by: BankFoundBy::InvoiceNumber, references: Vec::new(), invoices };
            return self.settle(e, entry_id, payer, &hits, Tier::InvoiceNumber, &why, weak);
        }

        // Tier 3: a known payer and an equal balance.
        let clients = self.payers.clients_of(e);
        if clients.is_empty() {
            return Decision::Unmatched { entry_id, payer, reason: plain_reason(BankReasonKind::NoMatch, e.amount) };
        }
        let mut cands: Vec<u32> = Vec::new();
        for c in &clients {
            for i in self.inv.by_client_amount.get(client_amount_hash(*c, e.amount)) {
                let inv = &self.inv.list[i as usize];
                let same = inv.client_id == *c && inv.outstanding == e.amount;
                if same && self.remaining(i) == e.amount {
                    cands.push(i);
                }
            }
        }
        dedup_in_order(&mut cands);
        if cands.is_empty() {
            return Decision::Unmatched {
                entry_id,
                payer,
                reason: plain_reason(BankReasonKind::KnownPayerNoBalance, e.amount),
            };
        }
        let mut reason = plain_reason(BankReasonKind::KnownPayer, e.amount);
        reason.facts.invoices = cands.iter().map(|&i| self.inv.list[i as usize].number.clone()).collect();
        let candidates = cands.iter().map(|&i| self.candidate(i)).collect();
        Decision::Review {
            entry_id,
            payer,
            candidates,
            tier: Tier::KnownPayer,
            confidence: Confidence::Low,
            surplus: None,
            reason,
        }
    }

    /// Open invoices whose number appears as whole tokens in `text`, in
    /// order of appearance; `weak` when one of them is a short all-digit number.
    fn numbers_in(&mut self, text: &str) -> (Vec<u32>, bool) {
        let mut hits: Vec<u32> = Vec::new();
        let mut weak = false;
        if self.inv.by_number.is_empty() {
            return (hits, weak);
        }
        // Alphanumeric runs, and whether the gap after each may sit inside
        // a number ("INV-2024 / 12").
        let mut runs: Vec<(String, bool)> = Vec::new();
        let mut cur = String::new();
        let mut gap = String::new();
        let mut in_gap = false;
        for c in text.chars() {
            if c.is_alphanumeric() {
                if in_gap {
                    let joinable = gap.chars().count() <= 3
                        && gap.chars().all(|g| matches!(g, ' ' | '-' | '/' | '.' | '_' | '\n' | '\r' | '\t'));
                    if let Some(last) = runs.last_mut() {
                        last.1 = joinable;
                    }
                    gap.clear();
                    in_gap = false;
                }
                cur.extend(c.to_uppercase());
            } else {
                if !cur.is_empty() {
                    runs.push((std::mem::take(&mut cur), false));
                    in_gap = true;
                }
                if in_gap {
                    gap.push(c);
                }
            }
        }
        if !cur.is_empty() {
            runs.push((cur, false));
        }
        let max = self.inv.max_number_len;
        for k in 0..runs.len() {
            self.buf.clear();
            for (j, (run, joinable)) in runs.iter().enumerate().skip(k) {
                if self.buf.len() + run.len() > max {
                    break;
                }
                self.buf.push_str(run);
                for i in self.inv.by_number.get(text_hash(&self.buf)) {
                    if normalise_number(&self.inv.list[i as usize].number) != self.buf {
                        continue; // a hash collision
                    }
                    if self.buf.len() < 5 && self.buf.bytes().all(|b| b.is_ascii_digit()) {
                        weak = true;
                    }
                    hits.push(i);
                }
                if !joinable || j + 1 - k >= 8 {
                    break;
                }
            }
        }
        dedup_in_order(&mut hits);
        (hits, weak)
    }

    /// Records or sends to review the payment of `hits` (tiers 1 and 2).
    #[allow(clippy::too_many_arguments)]
    fn settle(
        &mut self,
        e: &Entry,
        entry_id: String,
        payer: Payer,
        hits: &[u32],
        tier: Tier,
        why: &FoundBy,
        weak: bool,
    ) -> Decision {
        let candidates: Vec<Candidate> = hits.iter().map(|&i| self.candidate(i)).collect();
        let review = |candidates: Vec<Candidate>, surplus: Option<Money>, reason: BankReason| Decision::Review {
            entry_id: entry_id.clone(),
            payer: payer.clone(),
            candidates,
            tier,
            confidence: Confidence::Medium,
            surplus,
            reason,
        };
        let amount = e.amount;
        let about = |kind: BankReasonKind, c: &Candidate| {
            let mut r = why.reason(kind, amount);
            r.facts.invoice = Some(c.number.clone());
            r
        };
        if let Some(c) = candidates.iter().find(|c| c.outstanding.currency != amount.currency) {
            let mut r = about(BankReasonKind::CurrencyDiffers, c);
            r.facts.invoice_currency = Some(c.outstanding.currency.code().to_string());
            return review(candidates.clone(), None, r);
        }
        if let Some(c) = candidates.iter().find(|c| c.outstanding.minor <= 0) {
            return review(candidates.clone(), None, about(BankReasonKind::AlreadyCovered, c));
        }
        if let [c] = candidates.as_slice() {
            let bal = c.outstanding;
            let with_balance = |kind: BankReasonKind, difference: Option<i64>| {
                let mut r = about(kind, c);
                r.facts.balance_minor = Some(bal.minor);
                r.facts.difference_minor = difference;
                r
            };
            if amount.minor > bal.minor {
                let surplus = Money::new(amount.minor - bal.minor, amount.currency);
                let r = with_balance(BankReasonKind::MoreThanBalance, Some(surplus.minor));
                return review(candidates.clone(), Some(surplus), r);
            }
            if weak && amount.minor != bal.minor {
                return review(candidates.clone(), None, with_balance(BankReasonKind::ShortNumber, None));
            }
            let reason = if amount.minor == bal.minor {
                with_balance(BankReasonKind::PaysInFull, None)
            } else {
                with_balance(BankReasonKind::PartialPayment, Some(bal.minor - amount.minor))
            };
            self.allocate(hits[0], amount.minor);
            return Decision::Record {
                entry_id,
                payer,
                allocations: vec![(c.invoice_id, amount)],
                tier,
                confidence: Confidence::High,
                reason,
            };
        }
        if candidates.iter().any(|c| c.client_id != candidates[0].client_id) {
            return review(candidates, None, why.reason(BankReasonKind::DifferentClients, amount));
        }
        let sum: i128 = candidates.iter().map(|c| i128::from(c.outstanding.minor)).sum();
        let amt = i128::from(amount.minor);
        if amt > sum {
            let surplus = Money::new(i64::try_from(amt - sum).unwrap_or(i64::MAX), amount.currency);
            let mut r = why.reason(BankReasonKind::MoreThanBalances, amount);
            r.facts.difference_minor = Some(surplus.minor);
            return review(candidates, Some(surplus), r);
        }
        if amt < sum {
            return review(candidates, None, why.reason(BankReasonKind::LessThanBalances, amount));
        }
        let allocations: Vec<(i64, Money)> = candidates.iter().map(|c| (c.invoice_id, c.outstanding)).collect();
        for (&i, c) in hits.iter().zip(&candidates) {
            self.allocate(i, c.outstanding.minor);
        }
        let mut reason = why.reason(BankReasonKind::PaysAllInFull, amount);
        reason.facts.invoices = candidates.iter().map(|c| c.number.clone()).collect();
        Decision::Record { entry_id, payer, allocations, tier, confidence: Confidence::High, reason }
    }

    fn allocate(&mut self, i: u32, minor: i64) {
        *self.allocated.entry(i).or_insert(0) += minor;
    }
}

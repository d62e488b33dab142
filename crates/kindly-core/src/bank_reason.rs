//! Why a bank entry was decided as it was: a closed kind
//! ([`BankReasonKind`]) and the facts behind it (invoice numbers, amounts,
//! what found them, what was left over). kindly-bank's matching makes one
//! per entry; the store keeps the kind and the facts as JSON (migration
//! 0019); the UI words them in its own language. `Display` is the English
//! sentence, for the CLI and for the text column kept beside them.

use crate::invoice::InvoiceStatus;
use crate::money::{Currency, Money};
use crate::vocab::{BankFoundBy, BankNotRecorded, BankReasonKind};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A reason: its kind and its facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankReason {
    pub kind: BankReasonKind,
    pub facts: BankReasonFacts,
}

/// The facts a reason states; which are set depends on the kind. Amounts
/// are minor units of `currency` (the entry's).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankReasonFacts {
    /// What found the invoices (tiers 1 and 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_by: Option<BankFoundBy>,
    /// The creditor references that found them, grouped ("RF18 5390 0754 7034").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// The invoice numbers found (or, for a known payer, proposed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invoices: Vec<String>,
    /// The one invoice the sentence is about, when it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice: Option<String>,
    /// ISO 4217 code of the amounts below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The entry's amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_minor: Option<i64>,
    /// The balance of `invoice`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_minor: Option<i64>,
    /// Too much (a surplus) or what stays open after a partial payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference_minor: Option<i64>,
    /// The invoice's currency when it is not the payment's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_currency: Option<String>,
    /// A certain match sent to review at import, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_recorded: Option<BankNotRecordedFacts>,
}

/// Why a certain match was not recorded after all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankNotRecordedFacts {
    pub problem: BankNotRecorded,
    /// The invoice's number (its id when it no longer exists).
    pub invoice: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InvoiceStatus>,
    /// The invoice's and the payment's currency (`currency_differs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_currency: Option<String>,
    /// Still owing on the invoice (`more_than_owing`), minor units of the payment's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owing_minor: Option<i64>,
}

impl BankReason {
    pub fn new(kind: BankReasonKind) -> BankReason {
        BankReason { kind, facts: BankReasonFacts::default() }
    }

    /// Money out: not a payment.
    pub fn money_out() -> BankReason {
        BankReason::new(BankReasonKind::MoneyOut)
    }

    /// The facts as stored (JSON).
    pub fn facts_json(&self) -> String {
        serde_json::to_string(&self.facts).unwrap_or_else(|_| "{}".into())
    }

    /// A stored reason; `None` when the kind is not a known word or the facts are not JSON of this shape.
    pub fn from_stored(kind: &str, facts: &str) -> Option<BankReason> {
        let kind = BankReasonKind::parse(kind)?;
        let facts = serde_json::from_str(facts).ok()?;
        Some(BankReason { kind, facts })
    }
}

impl BankReasonFacts {
    fn currency(&self) -> Option<Currency> {
        self.currency.as_deref().and_then(|c| Currency::parse(c).ok())
    }

    fn money(&self, minor: Option<i64>) -> Option<Money> {
        Some(Money::new(minor?, self.currency()?))
    }

    pub fn amount(&self) -> Option<Money> {
        self.money(self.amount_minor)
    }

    pub fn balance(&self) -> Option<Money> {
        self.money(self.balance_minor)
    }

    pub fn difference(&self) -> Option<Money> {
        self.money(self.difference_minor)
    }
}

/// "12.50 EUR": the plain amount and its code (not a locale's format).
fn money(m: Option<Money>) -> String {
    m.map(|m| format!("{} {}", m.plain(), m.currency.code())).unwrap_or_default()
}

impl fmt::Display for BankNotRecordedFacts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = &self.invoice;
        match self.problem {
            BankNotRecorded::InvoiceGone => write!(f, "invoice {n} no longer exists"),
            BankNotRecorded::InvoiceNotIssued => {
                write!(f, "invoice {n} is {}", self.status.map(|s| s.as_str()).unwrap_or("not issued"))
            }
            BankNotRecorded::CurrencyDiffers => write!(
                f,
                "invoice {n} is in {}, the payment in {}",
                self.invoice_currency.as_deref().unwrap_or("?"),
                self.payment_currency.as_deref().unwrap_or("?")
            ),
            BankNotRecorded::MoreThanOwing => {
                let owing = match (self.owing_minor, self.payment_currency.as_deref().map(Currency::parse)) {
                    (Some(minor), Some(Ok(c))) => Money::new(minor, c).plain(),
                    _ => String::new(),
                };
                write!(f, "the payment is more than the {owing} still owing on invoice {n}")
            }
        }
    }
}

impl fmt::Display for BankReason {
    /// The English sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = &self.facts;
        let why = match x.found_by {
            Some(BankFoundBy::Reference) => format!("creditor reference {}", x.references.join(", ")),
            Some(BankFoundBy::InvoiceNumber) => format!(
                "invoice number{} {} in the payment text",
                if x.invoices.len() > 1 { "s" } else { "" },
                x.invoices.join(", ")
            ),
            None => String::new(),
        };
        let n = x.invoice.as_deref().unwrap_or("");
        let (amount, balance, difference) = (money(x.amount()), money(x.balance()), money(x.difference()));
        match self.kind {
            BankReasonKind::PaysInFull => write!(f, "Found by {why}: pays invoice {n} in full ({amount})."),
            BankReasonKind::PaysAllInFull => write!(
                f,
                "Found by {why}: pays invoices {} in full ({amount} together).",
                x.invoices.join(", ")
            ),
            BankReasonKind::PartialPayment => {
                write!(f, "Found by {why}: partial payment of {amount} on invoice {n}; {difference} stays open.")
            }
            BankReasonKind::MoreThanBalance => write!(
                f,
                "Found by {why}, but {amount} is more than the balance of {n} ({balance}): {difference} too much."
            ),
            BankReasonKind::MoreThanBalances => {
                write!(f, "Found by {why}, but {amount} is more than their balances together: {difference} too much.")
            }
            BankReasonKind::LessThanBalances => write!(
                f,
                "Found by {why}, but {amount} is less than their balances together; which invoices does it pay?"
            ),
            BankReasonKind::ShortNumber => write!(
                f,
                "Found by {why}, a short number that could be something else, and {amount} is not the balance of {n} ({balance})."
            ),
            BankReasonKind::CurrencyDiffers => write!(
                f,
                "Found by {why}, but the payment is in {} and invoice {n} is in {}.",
                x.currency.as_deref().unwrap_or("?"),
                x.invoice_currency.as_deref().unwrap_or("?")
            ),
            BankReasonKind::AlreadyCovered => {
                write!(f, "Found by {why}, but invoice {n} is already covered by another payment in this import.")
            }
            BankReasonKind::DifferentClients => {
                write!(f, "Found by {why}, but the invoices belong to different clients.")
            }
            BankReasonKind::KnownPayer => write!(
                f,
                "The payer is a known client and {} {} exactly {amount}; no reference or number was given, so please confirm.",
                x.invoices.join(", "),
                if x.invoices.len() > 1 { "each have a balance of" } else { "has a balance of" }
            ),
            BankReasonKind::KnownPayerNoBalance => write!(
                f,
                "The payer is a known client, but none of their open invoices has a balance of {amount}."
            ),
            BankReasonKind::NoMatch => {
                f.write_str("No creditor reference, invoice number or known payer matches this payment.")
            }
            BankReasonKind::MoneyOut => f.write_str("money out, not a payment"),
        }?;
        if let Some(problem) = &x.not_recorded {
            write!(f, "; not recorded: {problem}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_round_trip_through_their_stored_form() {
        let r = BankReason {
            kind: BankReasonKind::PartialPayment,
            facts: BankReasonFacts {
                found_by: Some(BankFoundBy::InvoiceNumber),
                invoices: vec!["INV-7".into()],
                invoice: Some("INV-7".into()),
                currency: Some("EUR".into()),
                amount_minor: Some(5500),
                balance_minor: Some(10000),
                difference_minor: Some(4500),
                ..Default::default()
            },
        };
        assert_eq!(BankReason::from_stored(r.kind.as_str(), &r.facts_json()), Some(r.clone()));
        assert_eq!(
            r.to_string(),
            "Found by invoice number INV-7 in the payment text: partial payment of 55.00 EUR on invoice INV-7; 45.00 EUR stays open."
        );
        assert_eq!(BankReason::from_stored("guessed", "{}"), None);
    }
}

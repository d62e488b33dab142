//! The payloads the UI receives. Money arrives both as a plain decimal
//! string (for inputs) and pre-formatted for the user's locale (for display),
//! so the front end never does arithmetic on money.

use kindly_core::locale::Locale;
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, Money};
use kindly_followup::ladder::{Channel, Stage, Tone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MoneyView {
    /// ISO 4217 code.
    pub currency: String,
    /// Plain decimal, e.g. "1234.56"; never a float.
    pub amount: String,
    /// For people, e.g. "€1,234.56".
    pub formatted: String,
    pub is_zero: bool,
}

impl MoneyView {
    pub fn new(minor: i64, currency: Currency, locale: Locale) -> MoneyView {
        let m = Money::new(minor, currency);
        MoneyView {
            currency: currency.code().to_string(),
            amount: m.plain(),
            formatted: m.format(locale),
            is_zero: minor == 0,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Page<T: TS> {
    pub total: i64,
    pub rows: Vec<T>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TimelineItem {
    pub id: i64,
    /// RFC 3339 instant in UTC; the UI shows it in the user's time zone.
    pub at: String,
    pub kind: EventKind,
    pub summary: String,
    pub invoice_id: Option<i64>,
    pub invoice_number: Option<String>,
    /// The member who made the entry (the name in their settings; issue #19), when one was named.
    pub made_by: Option<String>,
}

impl From<kindly_store::TimelineEntry> for TimelineItem {
    fn from(e: kindly_store::TimelineEntry) -> Self {
        TimelineItem {
            id: e.id,
            at: e.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            kind: e.kind,
            summary: e.summary,
            invoice_id: e.invoice_id,
            invoice_number: e.invoice_number,
            made_by: e.made_by,
        }
    }
}

/// A choice in a select box.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OptionItem {
    pub value: String,
    pub label: String,
}

/// A word read from the database as its vocabulary value; a word Kindly
/// never writes means the file was changed by something else, and is
/// reported, never read as a default.
pub(crate) fn stored<T>(parse: fn(&str) -> Option<T>, word: &str, what: &str) -> crate::ApiResult<T> {
    parse(word).ok_or_else(|| {
        crate::ApiError::new(
            crate::ErrorCode::DatabaseError,
            format!("The database holds an unknown {what} \"{word}\"; it may have been changed outside Kindly."),
            None,
        )
    })
}

/// A ladder stage as the UI shows and edits it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StageView {
    pub key: String,
    pub name: String,
    pub offset_days: i64,
    pub tone: Tone,
    pub channel: Channel,
}

impl From<&Stage> for StageView {
    fn from(s: &Stage) -> Self {
        StageView {
            key: s.key.clone(),
            name: s.name.clone(),
            offset_days: s.offset_days,
            tone: s.tone,
            channel: s.channel,
        }
    }
}

/// A tone finding on a message (followups).
#[derive(Debug, Clone, Serialize, TS)]
pub struct FindingView {
    pub rule: String,
    pub message: String,
    pub excerpt: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MessagePreview {
    pub client_id: i64,
    pub client_name: String,
    pub language: Locale,
    pub stage: StageView,
    pub channel: Channel,
    pub recipient_email: Option<String>,
    pub recipient_address: String,
    pub subject: String,
    pub body: String,
    pub findings: Vec<FindingView>,
    pub invoice_numbers: Vec<String>,
    pub outstanding: Vec<MoneyView>,
    /// The EPC payment QR payload when the balance is in EUR and an IBAN is set.
    pub epc_payload: Option<String>,
    /// The files an e-mail of this step carries: each invoice's PDF, and the
    /// reminder letter on the most formal step.
    pub email_attachments: Vec<String>,
}

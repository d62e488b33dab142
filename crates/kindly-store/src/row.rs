//! Reading rows: every query reads into a private `#[derive(sqlx_macros::FromRow)]`
//! struct with named fields, and every TEXT column that holds a closed
//! vocabulary is decoded here, once per enum, through [`Text`]. A value the
//! vocabulary does not know (a damaged file, or one written by a newer
//! Kindly) is a decode error that [`StoreError::classify`] turns into a
//! plain message naming the column and the value, never a silent default.
//!
//! [`StoreError::classify`]: crate::StoreError::classify

use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::invoice::InvoiceStatus;
use kindly_core::locale::Locale;
use kindly_core::payment::PaymentMethod;
use kindly_core::timeline::EventKind;
use kindly_core::vocab::{
    AgreedHow, BankEntryStatus, BankReasonKind, DebtorKind, InterestBase, Jurisdiction, LetterState, OutboxState,
    PlanState, PromiseOutcome,
};
use kindly_core::Currency;
use kindly_followup::ladder::Channel;
use kindly_followup::plan::progress::ReminderKind;
use kindly_followup::plan::schedule::Frequency;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef, Postgres};
use sqlx::sqlite::{Sqlite, SqliteArgumentsBuffer, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Type};

/// A closed vocabulary stored as TEXT.
pub(crate) trait Vocabulary: Sized {
    /// What the column holds, for the error message ("timeline kind").
    const WHAT: &'static str;
    fn from_text(s: &str) -> Option<Self>;
}

/// A TEXT column decoded into `T` (`Option<Text<T>>` for a nullable one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Text<T>(pub T);

/// The error a [`Text`] column gives for a value its vocabulary does not know.
#[derive(Debug, thiserror::Error)]
#[error("unknown {what} {value:?}")]
pub(crate) struct UnknownValue {
    pub what: &'static str,
    pub value: String,
}

impl<T> Type<Sqlite> for Text<T> {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }

    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <String as Type<Sqlite>>::compatible(ty)
    }
}

impl<'r, T: Vocabulary> Decode<'r, Sqlite> for Text<T> {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let s = <&str as Decode<'r, Sqlite>>::decode(value)?;
        match T::from_text(s) {
            Some(v) => Ok(Text(v)),
            None => Err(Box::new(UnknownValue { what: T::WHAT, value: s.chars().take(40).collect() })),
        }
    }
}

impl<T> Type<Postgres> for Text<T> {
    fn type_info() -> PgTypeInfo {
        <String as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <String as Type<Postgres>>::compatible(ty)
    }
}

impl<'r, T: Vocabulary> Decode<'r, Postgres> for Text<T> {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        let s = <&str as Decode<'r, Postgres>>::decode(value)?;
        match T::from_text(s) {
            Some(v) => Ok(Text(v)),
            None => Err(Box::new(UnknownValue { what: T::WHAT, value: s.chars().take(40).collect() })),
        }
    }
}

/// A calendar day: TEXT `YYYY-MM-DD` on SQLite (as Kindly has always
/// written it, so text order is date order), DATE on PostgreSQL. Bind and
/// read days of ported modules through it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Day(pub NaiveDate);

/// An instant: TEXT RFC 3339 in UTC with milliseconds and `Z` on SQLite
/// (see [`crate::util::instant_str`]), TIMESTAMPTZ on PostgreSQL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Instant(pub DateTime<Utc>);

/// A stored value the day or instant reader cannot read.
#[derive(Debug, thiserror::Error)]
#[error("bad {what} in database: {value:?}")]
pub(crate) struct BadValue {
    pub what: &'static str,
    pub value: String,
}

impl Type<Sqlite> for Day {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }

    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <String as Type<Sqlite>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Sqlite> for Day {
    fn encode_by_ref(&self, buf: &mut SqliteArgumentsBuffer) -> Result<IsNull, BoxDynError> {
        <String as Encode<'q, Sqlite>>::encode(crate::util::date_str(self.0), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for Day {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let s = <&str as Decode<'r, Sqlite>>::decode(value)?;
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Day)
            .map_err(|_| Box::new(BadValue { what: "date", value: s.chars().take(40).collect() }) as BoxDynError)
    }
}

impl Type<Postgres> for Day {
    fn type_info() -> PgTypeInfo {
        <NaiveDate as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <NaiveDate as Type<Postgres>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Postgres> for Day {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <NaiveDate as Encode<'q, Postgres>>::encode_by_ref(&self.0, buf)
    }
}

impl<'r> Decode<'r, Postgres> for Day {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        <NaiveDate as Decode<'r, Postgres>>::decode(value).map(Day)
    }
}

impl Type<Sqlite> for Instant {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }

    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <String as Type<Sqlite>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Sqlite> for Instant {
    fn encode_by_ref(&self, buf: &mut SqliteArgumentsBuffer) -> Result<IsNull, BoxDynError> {
        <String as Encode<'q, Sqlite>>::encode(crate::util::instant_str(self.0), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for Instant {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let s = <&str as Decode<'r, Sqlite>>::decode(value)?;
        DateTime::parse_from_rfc3339(s)
            .map(|t| Instant(t.with_timezone(&Utc)))
            .map_err(|_| Box::new(BadValue { what: "timestamp", value: s.chars().take(40).collect() }) as BoxDynError)
    }
}

impl Type<Postgres> for Instant {
    fn type_info() -> PgTypeInfo {
        <DateTime<Utc> as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <DateTime<Utc> as Type<Postgres>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Postgres> for Instant {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <DateTime<Utc> as Encode<'q, Postgres>>::encode_by_ref(&self.0, buf)
    }
}

impl<'r> Decode<'r, Postgres> for Instant {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        <DateTime<Utc> as Decode<'r, Postgres>>::decode(value).map(Instant)
    }
}

impl Vocabulary for Jurisdiction {
    const WHAT: &'static str = "late-payment interest jurisdiction";
    fn from_text(s: &str) -> Option<Self> {
        Jurisdiction::parse(s)
    }
}

impl Vocabulary for InterestBase {
    const WHAT: &'static str = "reference-rate series";
    fn from_text(s: &str) -> Option<Self> {
        InterestBase::parse(s)
    }
}

impl Vocabulary for DebtorKind {
    const WHAT: &'static str = "debtor kind";
    fn from_text(s: &str) -> Option<Self> {
        DebtorKind::parse(s)
    }
}

impl Vocabulary for OutboxState {
    const WHAT: &'static str = "e-mail state";
    fn from_text(s: &str) -> Option<Self> {
        OutboxState::parse(s)
    }
}

impl Vocabulary for LetterState {
    const WHAT: &'static str = "letter batch state";
    fn from_text(s: &str) -> Option<Self> {
        LetterState::parse(s)
    }
}

impl Vocabulary for BankEntryStatus {
    const WHAT: &'static str = "bank entry status";
    fn from_text(s: &str) -> Option<Self> {
        BankEntryStatus::parse(s)
    }
}

impl Vocabulary for BankReasonKind {
    const WHAT: &'static str = "bank match reason";
    fn from_text(s: &str) -> Option<Self> {
        BankReasonKind::parse(s)
    }
}

impl Vocabulary for PlanState {
    const WHAT: &'static str = "plan state";
    fn from_text(s: &str) -> Option<Self> {
        PlanState::parse(s)
    }
}

impl Vocabulary for Frequency {
    const WHAT: &'static str = "plan frequency";
    fn from_text(s: &str) -> Option<Self> {
        Frequency::parse(s)
    }
}

impl Vocabulary for AgreedHow {
    const WHAT: &'static str = "how a plan was agreed";
    fn from_text(s: &str) -> Option<Self> {
        AgreedHow::parse(s)
    }
}

impl Vocabulary for PromiseOutcome {
    const WHAT: &'static str = "promise outcome";
    fn from_text(s: &str) -> Option<Self> {
        PromiseOutcome::parse(s)
    }
}

impl Vocabulary for EventKind {
    const WHAT: &'static str = "timeline kind";
    fn from_text(s: &str) -> Option<Self> {
        EventKind::parse(s)
    }
}

impl Vocabulary for InvoiceStatus {
    const WHAT: &'static str = "invoice status";
    fn from_text(s: &str) -> Option<Self> {
        InvoiceStatus::parse(s)
    }
}

impl Vocabulary for Currency {
    const WHAT: &'static str = "currency";
    fn from_text(s: &str) -> Option<Self> {
        Currency::parse(s).ok()
    }
}

impl Vocabulary for Locale {
    const WHAT: &'static str = "language";
    fn from_text(s: &str) -> Option<Self> {
        Locale::parse(s).ok()
    }
}

impl Vocabulary for PaymentMethod {
    const WHAT: &'static str = "payment method";
    fn from_text(s: &str) -> Option<Self> {
        PaymentMethod::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

impl Vocabulary for Channel {
    const WHAT: &'static str = "channel";
    fn from_text(s: &str) -> Option<Self> {
        Channel::parse(s)
    }
}

impl Vocabulary for ReminderKind {
    const WHAT: &'static str = "plan reminder kind";
    fn from_text(s: &str) -> Option<Self> {
        ReminderKind::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Store, StoreError};

    #[derive(sqlx_macros::FromRow)]
    struct KindRow {
        kind: Text<EventKind>,
        maybe: Option<Text<Channel>>,
    }

    /// Known values decode; an unknown one is a `database_error` naming the
    /// column and the value, not a default.
    #[tokio::test]
    async fn vocabularies_decode_known_values_and_refuse_others() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("kindly.db")).await.unwrap();
        let ok: KindRow =
            sqlx::query_as("SELECT 'note' AS kind, NULL AS maybe").fetch_one(store.sqlite_pool()).await.unwrap();
        assert_eq!((ok.kind.0, ok.maybe), (EventKind::Note, None));
        let ok: KindRow =
            sqlx::query_as("SELECT 'note' AS kind, 'letter' AS maybe").fetch_one(store.sqlite_pool()).await.unwrap();
        assert_eq!(ok.maybe, Some(Text(Channel::Letter)));
        let err = sqlx::query_as::<_, KindRow>("SELECT 'teleport' AS kind, NULL AS maybe")
            .fetch_one(store.sqlite_pool())
            .await
            .err()
            .unwrap();
        let err = StoreError::classify(err, store.path());
        assert_eq!(err.code(), "database_error");
        let msg = err.to_string();
        assert!(msg.contains("unknown timeline kind \"teleport\"") && msg.contains("kind"), "{msg}");
    }
}

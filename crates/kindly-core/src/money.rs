//! Money: an exact count of minor units in an ISO 4217 currency.

use crate::decimal::{self, DecimalError};
use crate::error::DomainError;
use crate::locale::Locale;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest amount Kindly accepts for one figure, in minor units
/// (10^15: ten trillion in a 2-decimal currency). Sums of many such figures
/// are computed in `i128` and checked, so nothing silently wraps.
pub const MAX_MINOR: i64 = 1_000_000_000_000_000;

/// An ISO 4217 currency that has minor units (so not gold, SDRs or test codes).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    pub const EUR: Currency = Currency(iso_currency::Currency::EUR);
    pub const USD: Currency = Currency(iso_currency::Currency::USD);
    pub const GBP: Currency = Currency(iso_currency::Currency::GBP);
    pub const JPY: Currency = Currency(iso_currency::Currency::JPY);
    pub const KWD: Currency = Currency(iso_currency::Currency::KWD);

    /// Parses a three-letter code, case-insensitively ("eur" → EUR).
    pub fn parse(code: &str) -> Result<Currency, DomainError> {
        let upper = code.trim().to_ascii_uppercase();
        let unknown = || DomainError::UnknownCurrency(code.trim().chars().take(12).collect());
        let c = iso_currency::Currency::from_code(&upper).ok_or_else(unknown)?;
        // X-codes are metals, fund units and test codes, except four real
        // regional currencies (CFA francs, CFP franc, East Caribbean dollar).
        let regional = matches!(upper.as_str(), "XOF" | "XAF" | "XPF" | "XCD");
        if c.exponent().is_none() || (upper.starts_with('X') && !regional) {
            return Err(unknown());
        }
        Ok(Currency(c))
    }

    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// Number of decimals of the minor unit: 2 for EUR, 0 for JPY, 3 for KWD.
    pub fn exponent(self) -> u8 {
        // `parse` only admits currencies with an exponent.
        self.0.exponent().unwrap_or(0) as u8
    }

    pub fn name(self) -> String {
        self.0.name().to_string()
    }

    pub fn symbol(self) -> String {
        self.0.symbol().to_string()
    }

    /// Every currency Kindly can invoice in, sorted by code.
    pub fn all() -> Vec<Currency> {
        let mut v: Vec<Currency> = <iso_currency::Currency as iso_currency::IntoEnumIterator>::iter()
            .filter_map(|c| Currency::parse(c.code()).ok())
            .collect();
        v.sort_by_key(|c| c.code());
        v
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Currency::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// An exact amount of money.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// Parses an amount typed by a person, e.g. "1,234.50" in EUR → 123450 cents.
    /// `field` names the input for the error message.
    pub fn parse(input: &str, currency: Currency, field: &'static str) -> Result<Money, DomainError> {
        let minor = parse_minor(input, currency, field)?;
        Ok(Money { minor, currency })
    }

    /// Parses an amount that must be strictly positive (payments, prices of a plan).
    pub fn parse_positive(input: &str, currency: Currency, field: &'static str) -> Result<Money, DomainError> {
        let m = Money::parse(input, currency, field)?;
        if m.minor == 0 {
            return Err(DomainError::AmountZero { field });
        }
        Ok(m)
    }

    /// "1234.56": no symbol, no grouping, `.` as decimal separator.
    pub fn plain(self) -> String {
        decimal::format_scaled(i128::from(self.minor), self.currency.exponent())
    }

    /// Formats for people in `locale`: "€1,234.56", "1.234,56 €", "1 234,56 €".
    pub fn format(self, locale: Locale) -> String {
        locale.format_money(self.minor, self.currency)
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        debug_assert_eq!(self.currency, other.currency);
        self.minor.checked_add(other.minor).map(|minor| Money { minor, ..self })
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        debug_assert_eq!(self.currency, other.currency);
        self.minor.checked_sub(other.minor).map(|minor| Money { minor, ..self })
    }
}

/// Parses a non-negative amount into minor units of `currency`.
pub fn parse_minor(input: &str, currency: Currency, field: &'static str) -> Result<i64, DomainError> {
    let exp = currency.exponent();
    decimal::parse_scaled(input, exp, i128::from(MAX_MINOR)).map(|v| v as i64).map_err(|e| match e {
        DecimalError::Empty => DomainError::AmountEmpty { field },
        DecimalError::NotANumber => {
            DomainError::AmountNotANumber { field, input: input.trim().chars().take(40).collect() }
        }
        DecimalError::Negative => DomainError::AmountNegative { field },
        DecimalError::Ambiguous => {
            DomainError::AmountAmbiguous { field, input: input.trim().chars().take(40).collect() }
        }
        DecimalError::TooManyDecimals => {
            DomainError::AmountTooManyDecimals { field, currency: currency.code().into(), max: exp }
        }
        DecimalError::TooLarge => {
            DomainError::AmountTooLarge { field, max: decimal::format_scaled(i128::from(MAX_MINOR), exp) }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies_have_their_own_exponent() {
        assert_eq!(Currency::parse("eur").unwrap().exponent(), 2);
        assert_eq!(Currency::parse("JPY").unwrap().exponent(), 0);
        assert_eq!(Currency::parse("KWD").unwrap().exponent(), 3);
        assert_eq!(Currency::parse(" usd ").unwrap().code(), "USD");
    }

    #[test]
    fn unknown_and_unusable_currencies_are_refused() {
        for code in ["", "EU", "EURO", "ABC", "XAU", "XXX", "XTS", "€"] {
            assert_eq!(Currency::parse(code).unwrap_err().code(), "unknown_currency", "{code}");
        }
    }

    #[test]
    fn the_currency_list_is_sorted_and_usable() {
        let all = Currency::all();
        assert!(all.len() > 100);
        assert!(all.windows(2).all(|w| w[0].code() < w[1].code()));
        assert!(all.iter().any(|c| c.code() == "CHF"));
    }

    #[test]
    fn amounts_parse_exactly_in_minor_units() {
        assert_eq!(Money::parse("0.10", Currency::EUR, "amount").unwrap().minor, 10);
        assert_eq!(Money::parse("1500", Currency::JPY, "amount").unwrap().minor, 1500);
        assert_eq!(Money::parse("1.005", Currency::KWD, "amount").unwrap().minor, 1005);
        // 0.1 + 0.2 is exactly 0.3 here.
        let a = Money::parse("0.1", Currency::EUR, "a").unwrap();
        let b = Money::parse("0.2", Currency::EUR, "b").unwrap();
        assert_eq!(a.checked_add(b).unwrap(), Money::parse("0.3", Currency::EUR, "c").unwrap());
    }

    #[test]
    fn bad_amounts_get_specific_errors() {
        let e = |s: &str, c: Currency| Money::parse_positive(s, c, "amount").unwrap_err();
        assert!(matches!(e("abc", Currency::EUR), DomainError::AmountNotANumber { .. }));
        assert!(matches!(e("-10", Currency::EUR), DomainError::AmountNegative { .. }));
        assert!(matches!(e("0", Currency::EUR), DomainError::AmountZero { .. }));
        assert!(matches!(e("10.5", Currency::JPY), DomainError::AmountTooManyDecimals { max: 0, .. }));
        assert!(matches!(e("12345678901234567890", Currency::EUR), DomainError::AmountTooLarge { .. }));
        assert_eq!(e("12345678901234567890", Currency::EUR).code(), "amount_too_large");
        assert_eq!(e("abc", Currency::EUR).field().as_deref(), Some("amount"));
    }

    #[test]
    fn plain_form_round_trips() {
        for (s, c) in [("1234.56", Currency::EUR), ("7", Currency::JPY), ("0.125", Currency::KWD)] {
            assert_eq!(Money::parse(s, c, "a").unwrap().plain(), s);
        }
    }
}

//! Locale-specific formatting of money and dates for the four languages
//! Kindly writes in. Rules follow CLDR for these locales.

use crate::error::DomainError;
use crate::money::Currency;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, Default, ts_rs::TS, strum::VariantArray)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    De,
    Fr,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::De, Locale::Fr, Locale::Es];

    pub fn parse(code: &str) -> Result<Locale, DomainError> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Locale::En),
            "de" => Ok(Locale::De),
            "fr" => Ok(Locale::Fr),
            "es" => Ok(Locale::Es),
            other => Err(DomainError::UnsupportedLanguage(other.chars().take(12).collect())),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Es => "es",
        }
    }

    /// Formats `minor` units of `currency`: "€1,234.56" (en), "1.234,56 €" (de),
    /// "1 234,56 €" (fr, narrow no-break spaces), "1234,56 €" / "12.345,67 €" (es:
    /// no grouping below five integer digits).
    pub fn format_money(self, minor: i64, currency: Currency) -> String {
        let exp = u32::from(currency.exponent());
        let abs = i128::from(minor).unsigned_abs();
        let p = 10u128.pow(exp);
        let int = (abs / p).to_string();
        let frac = abs % p;
        let (group, dec) = match self {
            Locale::En => (",", "."),
            Locale::De | Locale::Es => (".", ","),
            Locale::Fr => ("\u{202f}", ","),
        };
        let min_grouping = if self == Locale::Es { 5 } else { 4 };
        let int = if int.len() >= min_grouping { group_thousands(&int, group) } else { int };
        let number = if exp == 0 { int } else { format!("{int}{dec}{frac:0width$}", width = exp as usize) };
        let symbol = display_symbol(currency);
        let sign = if minor < 0 { "-" } else { "" };
        match self {
            Locale::En => {
                if symbol.chars().count() == 1 {
                    format!("{sign}{symbol}{number}")
                } else {
                    format!("{sign}{symbol}\u{a0}{number}")
                }
            }
            _ => format!("{sign}{number}\u{a0}{symbol}"),
        }
    }

    /// A long date: "23 November 2026", "23. November 2026", "23 novembre 2026",
    /// "23 de noviembre de 2026".
    pub fn format_date(self, date: NaiveDate) -> String {
        let m = date.month0() as usize;
        let (d, y) = (date.day(), date.year());
        match self {
            Locale::En => format!("{d} {} {y}", EN_MONTHS[m]),
            Locale::De => format!("{d}. {} {y}", DE_MONTHS[m]),
            Locale::Fr => format!("{d} {} {y}", FR_MONTHS[m]),
            Locale::Es => format!("{d} de {} de {y}", ES_MONTHS[m]),
        }
    }

    /// A short date for table columns: "3 Nov 2026", "03.11.2026",
    /// "03/11/2026" (French and Spanish are day first; English spells the
    /// month, so it reads the same in London and New York).
    pub fn format_date_short(self, date: NaiveDate) -> String {
        let (d, m, y) = (date.day(), date.month(), date.year());
        match self {
            Locale::En => format!("{d} {} {y}", &EN_MONTHS[m as usize - 1][..3]),
            Locale::De => format!("{d:02}.{m:02}.{y}"),
            Locale::Fr | Locale::Es => format!("{d:02}/{m:02}/{y}"),
        }
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DE_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

fn group_thousands(digits: &str, sep: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    let first = digits.len() % 3;
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (i + 3 - first).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// The symbol people recognise; the ISO code where the table has no symbol
/// or only the generic "¤".
fn display_symbol(currency: Currency) -> String {
    let s = currency.symbol();
    if s.is_empty() || s == "¤" {
        currency.code().to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_formatted_per_locale() {
        let cases: &[(Locale, i64, Currency, &str)] = &[
            (Locale::En, 123456, Currency::EUR, "€1,234.56"),
            (Locale::En, 5, Currency::USD, "$0.05"),
            (Locale::En, -123456, Currency::GBP, "-£1,234.56"),
            (Locale::En, 1500, Currency::JPY, "¥1,500"),
            (Locale::De, 123456, Currency::EUR, "1.234,56\u{a0}€"),
            (Locale::Fr, 123456789, Currency::EUR, "1\u{202f}234\u{202f}567,89\u{a0}€"),
            (Locale::Es, 123456, Currency::EUR, "1234,56\u{a0}€"),
            (Locale::Es, 1234567, Currency::EUR, "12.345,67\u{a0}€"),
            (Locale::En, 1005, Currency::KWD, "KWD\u{a0}1.005"),
        ];
        for (locale, minor, currency, want) in cases {
            let got = locale.format_money(*minor, *currency);
            // KWD's table symbol varies; only check the number part for it.
            if currency.code() == "KWD" {
                assert!(got.ends_with("1.005"), "{got}");
            } else {
                assert_eq!(&got, want);
            }
        }
    }

    #[test]
    fn dates_are_formatted_per_locale() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(Locale::En.format_date(d), "1 March 2026");
        assert_eq!(Locale::De.format_date(d), "1. März 2026");
        assert_eq!(Locale::Fr.format_date(d), "1 mars 2026");
        assert_eq!(Locale::Es.format_date(d), "1 de marzo de 2026");
        assert_eq!(Locale::En.format_date_short(d), "1 Mar 2026");
        assert_eq!(Locale::De.format_date_short(d), "01.03.2026");
        assert_eq!(Locale::Fr.format_date_short(d), "01/03/2026");
        assert_eq!(Locale::Es.format_date_short(d), "01/03/2026");
    }

    #[test]
    fn grouping_handles_every_length() {
        assert_eq!(group_thousands("1", ","), "1");
        assert_eq!(group_thousands("123", ","), "123");
        assert_eq!(group_thousands("1234", ","), "1,234");
        assert_eq!(group_thousands("123456", ","), "123,456");
        assert_eq!(group_thousands("1234567", ","), "1,234,567");
    }
}

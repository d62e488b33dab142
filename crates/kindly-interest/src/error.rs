//! What can stop a statutory-interest calculation, in words that say what to do.

use chrono::NaiveDate;
use kindly_core::vocab::{DebtorKind, Jurisdiction};
use kindly_core::ErrorCode;
use thiserror::Error;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum InterestError {
    /// A day outside the shipped rate table.
    #[error(
        "Kindly's rate table holds the {series} from {} to {} (last updated {}), so it cannot state the rate for {}. Please update Kindly to get the newer rates.",
        long(*starts), long(*ends), long(*updated), long(*day)
    )]
    RateUnknown { series: &'static str, day: NaiveDate, starts: NaiveDate, ends: NaiveDate, updated: NaiveDate },
    /// The law chosen gives no statutory interest to this kind of debtor.
    #[error("{} gives no statutory late-payment interest on a debt owed by a {}. Choose “business” if the client is one, or leave late-payment interest off.", law(*jurisdiction), kind(*debtor))]
    NotApplicable { jurisdiction: Jurisdiction, debtor: DebtorKind },
    /// The shipped table is damaged (a build error, caught by the crate's tests).
    #[error(
        "The rate table shipped with Kindly is damaged (line {line}: {reason}). Please reinstall or update Kindly."
    )]
    TableInvalid { line: usize, reason: String },
    /// A rate the user wants to add for a half-year the shipped table already holds.
    #[error("Kindly's own table already holds the {series} up to {}, so a rate from {} cannot be added: the shipped rate applies. Add a rate from a half-year after {} only.", long(*ends), long(*from), long(*ends))]
    RateCovered { series: &'static str, from: NaiveDate, ends: NaiveDate },
    /// A rate the user typed that is not a percentage Kindly accepts.
    #[error("The rate “{text}” cannot be used: {reason}. Enter the published rate in percent with at most two decimals, e.g. 2.15.")]
    RateInvalid { text: String, reason: &'static str },
    /// A rate's first day that does not start a half-year.
    #[error("Reference rates are set per half-year, so a rate must start on 1 January or 1 July, not on {}.", long(*from))]
    RateDayInvalid { from: NaiveDate },
    /// An amount beyond what Kindly computes with.
    #[error("The amount is too large to compute interest on.")]
    TooLarge,
}

impl InterestError {
    pub fn code(&self) -> ErrorCode {
        match self {
            InterestError::RateUnknown { .. } | InterestError::TableInvalid { .. } => ErrorCode::InterestRateUnknown,
            InterestError::NotApplicable { .. } => ErrorCode::InterestNotApplicable,
            InterestError::TooLarge => ErrorCode::AmountTooLarge,
            InterestError::RateCovered { .. } => ErrorCode::InterestRateCovered,
            InterestError::RateInvalid { .. } => ErrorCode::InterestRateInvalid,
            InterestError::RateDayInvalid { .. } => ErrorCode::InvalidDate,
        }
    }

    /// The input field an error is about, when it is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            InterestError::NotApplicable { .. } => Some("debtor"),
            InterestError::RateCovered { .. } | InterestError::RateDayInvalid { .. } => Some("from"),
            InterestError::RateInvalid { .. } => Some("rate"),
            _ => None,
        }
    }
}

fn long(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn law(j: Jurisdiction) -> &'static str {
    match j {
        Jurisdiction::Uk => "The UK Late Payment of Commercial Debts (Interest) Act 1998",
        Jurisdiction::Eu => "Directive 2011/7/EU",
        Jurisdiction::De => "§ 288 BGB",
        Jurisdiction::Fr => "Article L441-10 of the French Code de commerce",
    }
}

fn kind(d: DebtorKind) -> &'static str {
    match d {
        DebtorKind::Business => "business",
        DebtorKind::Consumer => "consumer",
    }
}

//! Statutory late-payment interest and compensation (issue #16): the UK Late
//! Payment of Commercial Debts (Interest) Act 1998, Directive 2011/7/EU,
//! Germany's § 288 BGB and France's Code de commerce L441-10. `table` is the
//! dated rate table shipped with the app, `rules` each law's reference rate,
//! margin and fixed compensation, `calc` the exact calculation with its
//! working. No store, no clock, no Tauri: callers pass the day.
//!
//! Kindly only ever *states* what the law allows; nothing here is added to
//! an invoice's balance.

pub mod calc;
pub mod error;
pub mod rules;
pub mod table;
pub mod wording;

pub use calc::{claim, claim_with, percent, Debt, Line, Working};
pub use error::InterestError;
pub use rules::Rule;
pub use table::{parse_user_percent, AddedRate, RateTable, Series};

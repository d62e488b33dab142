//! Kindly's domain: the rules about money, clients, invoices, payments and the
//! timeline, as plain Rust with no I/O.
//!
//! Architecture Invariant: nothing here reads the clock, touches the disk or
//! the network, or depends on Tauri. "Today" and "now" are parameters, so every
//! rule can be tested with a fixed date.
//!
//! Architecture Invariant: money is an `i64` count of the currency's minor
//! units (cents, yen, fils) together with its ISO 4217 code; there is no float
//! anywhere on the money path.

pub mod bank_reason;
pub mod client;
pub mod credit;
pub mod decimal;
pub mod einvoice_ids;
pub mod error;
pub mod invoice;
pub mod locale;
pub mod money;
pub mod numbering;
pub mod payment;
pub mod text;
pub mod timeline;
pub mod vocab;

pub use error::{DomainError, ErrorCode};
pub use money::{Currency, Money};

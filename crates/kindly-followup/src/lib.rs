//! Kindly's follow-up rules, as plain functions over data:
//!
//! - [`ladder`]: the polite follow-up ladder (stages with an offset from the
//!   due date, a tone and a channel) and the default one that ships;
//! - [`templates`]: strict message templates (an unknown placeholder is an
//!   error when saved), the shipped wording in en/de/fr/es, and rendering;
//! - [`tone`]: the deterministic tone check that advises while writing;
//! - [`payment_methods`]: what the user accepts, validated (IBAN, BIC, links);
//! - [`epc`]: the EPC069-12 ("GiroCode") payment QR payload;
//! - [`queue`]: which stage is due today for which invoice, with catch-up;
//! - [`call_script`]: what to say on a follow-up call, and the follow-up
//!   after a broken promise to pay;
//! - [`statement`]: the statement of account's wording and its e-mail.
//!
//! Architecture Invariant: no I/O and no clock here; "today" is a parameter.

pub mod call_script;
pub mod epc;
pub mod error;
pub mod ladder;
pub mod payment_methods;
pub mod plan;
pub mod queue;
pub mod statement;
pub mod templates;
mod texts;
pub mod tone;

pub use error::FollowupError;

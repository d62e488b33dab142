//! Kindly's e-mail, free of the store and of Tauri:
//! - `settings`: the SMTP account (without the password) and header checks;
//! - `compose`: the exact MIME bytes of a message (text + escaped HTML + PDFs);
//! - `transport`: sending with lettre under deadlines, errors classified;
//! - `secrets`: the password in the OS keychain, and nowhere else;
//! - `secret`: `Secret`, the password in memory (redacted, never serialized).
//!
//! The outbox that makes sending crash-safe lives in `kindly-store` (state)
//! and `kindly-api` (the sending loop); this crate does one message at a time.

pub mod compose;
pub mod error;
pub mod secret;
pub mod secrets;
pub mod settings;
pub mod transport;

pub use error::MailError;
pub use secret::Secret;
pub use secrets::SecretError;
pub use settings::{Security, SmtpSettings};

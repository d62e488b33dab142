//! The SMTP password in the OS keychain: Secret Service on Linux (GNOME
//! Keyring, KWallet), Keychain on macOS, Credential Manager on Windows.
//!
//! Architecture Invariant: the password is read from the keychain at the
//! moment of sending and dropped after; it is never written to the database,
//! a file, a log, an error message or an IPC response. When no keychain is
//! reachable or it is locked, Kindly says so and does not fall back to
//! storing the password anywhere else.

use crate::Secret;
use keyring_core::{Entry, Error as KError};
use kindly_core::ErrorCode;
use std::sync::Arc;
use thiserror::Error;

/// The keychain "service" under which Kindly's SMTP passwords are filed.
pub const SERVICE: &str = "app.kindly.desktop.smtp";

/// The keychain "service" under which team database (PostgreSQL) passwords
/// are filed, one per `user@host:port/database` (issue #19); the same
/// invariant holds for them.
pub const DATABASE_SERVICE: &str = "app.kindly.desktop.database";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SecretError {
    #[error("no keychain is available on this computer ({detail}); Kindly keeps the SMTP password only in the system keychain, so it cannot send e-mail until one is available (on Linux: GNOME Keyring or KWallet)")]
    Unavailable { detail: String },
    #[error("the system keychain is locked; unlock it (for example by logging in again) and try once more")]
    Locked,
    #[error("no SMTP password is saved for {account}; enter it in Settings → E-mail")]
    Missing { account: String },
    #[error("the system keychain refused the request: {detail}")]
    Failed { detail: String },
}

impl SecretError {
    pub fn code(&self) -> ErrorCode {
        match self {
            SecretError::Unavailable { .. } => ErrorCode::KeychainUnavailable,
            SecretError::Locked => ErrorCode::KeychainLocked,
            SecretError::Missing { .. } => ErrorCode::PasswordMissing,
            SecretError::Failed { .. } => ErrorCode::KeychainFailed,
        }
    }
}

fn platform_store() -> Result<Arc<keyring_core::CredentialStore>, SecretError> {
    #[cfg(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
    let store = zbus_secret_service_keyring_store::Store::new().map(|s| s as Arc<keyring_core::CredentialStore>);
    #[cfg(target_os = "macos")]
    let store = apple_native_keyring_store::keychain::Store::new().map(|s| s as Arc<keyring_core::CredentialStore>);
    #[cfg(target_os = "windows")]
    let store = windows_native_keyring_store::Store::new().map(|s| s as Arc<keyring_core::CredentialStore>);
    store.map_err(|e| map(e, ""))
}

fn map(e: KError, account: &str) -> SecretError {
    match e {
        KError::NoEntry => SecretError::Missing { account: account.to_string() },
        KError::NoStorageAccess(_) => SecretError::Locked,
        KError::PlatformFailure(p) => {
            let detail = p.to_string();
            let lower = detail.to_lowercase();
            if lower.contains("connect") || lower.contains("address") || lower.contains("serviceunknown") {
                SecretError::Unavailable { detail }
            } else if lower.contains("locked") || lower.contains("prompt") || lower.contains("dismissed") {
                SecretError::Locked
            } else {
                SecretError::Failed { detail }
            }
        }
        KError::NoDefaultStore => SecretError::Unavailable { detail: "no credential store".into() },
        other => SecretError::Failed { detail: other.to_string() },
    }
}

fn entry(service: &str, account: &str) -> Result<Entry, SecretError> {
    let store = platform_store()?;
    store.build(service, account, None).map_err(|e| map(e, account))
}

/// Saves (or replaces) the password for an account.
pub fn set_password(account: &str, password: &Secret) -> Result<(), SecretError> {
    set_password_in(SERVICE, account, password)
}

/// The saved password.
pub fn get_password(account: &str) -> Result<Secret, SecretError> {
    get_password_in(SERVICE, account)
}

/// [`set_password`] under another service ([`DATABASE_SERVICE`]).
pub fn set_password_in(service: &str, account: &str, password: &Secret) -> Result<(), SecretError> {
    entry(service, account)?.set_password(password.expose()).map_err(|e| map(e, account))
}

/// [`get_password`] under another service ([`DATABASE_SERVICE`]).
pub fn get_password_in(service: &str, account: &str) -> Result<Secret, SecretError> {
    entry(service, account)?.get_password().map(Secret::new).map_err(|e| map(e, account))
}

/// Whether a password is saved, without revealing it.
pub fn has_password(account: &str) -> Result<bool, SecretError> {
    match get_password(account) {
        Ok(_) => Ok(true),
        Err(SecretError::Missing { .. }) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Removes the password; removing one that is not there is not an error.
pub fn delete_password(account: &str) -> Result<(), SecretError> {
    delete_password_in(SERVICE, account)
}

/// [`delete_password`] under another service ([`DATABASE_SERVICE`]).
pub fn delete_password_in(service: &str, account: &str) -> Result<(), SecretError> {
    match entry(service, account)?.delete_credential() {
        Ok(()) | Err(KError::NoEntry) => Ok(()),
        Err(e) => Err(map(e, account)),
    }
}

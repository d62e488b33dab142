//! What can go wrong with e-mail, in terms a user can act on. Every variant
//! has a stable code for the UI and says whether trying again later can help
//! (the outbox retries only those).
//!
//! Architecture Invariant: no variant carries the SMTP password; server
//! replies are kept because they name the cause ("535 authentication failed").

use kindly_core::ErrorCode;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MailError {
    #[error("{field}: \"{value}\" is not a valid e-mail address (expected something like name@example.com)")]
    InvalidAddress { field: &'static str, value: String },
    #[error("{field} must not contain line breaks or control characters")]
    ControlCharacters { field: &'static str },
    #[error("{field} is required")]
    Required { field: &'static str },
    #[error("the port must be a number between 1 and 65535")]
    InvalidPort,
    #[error("the trusted certificate is not a PEM certificate: {0}")]
    InvalidCertificate(String),
    #[error("the mail server name \"{host}\" could not be found (DNS): check the spelling of the host name")]
    Dns { host: String },
    #[error("could not connect to {host}:{port}: {detail}. Check the host, the port and your internet connection")]
    Connect { host: String, port: u16, detail: String },
    #[error("the mail server's certificate is not trusted ({detail}); check the host name, or add the server's certificate in the settings")]
    Certificate { detail: String },
    #[error("a secure (TLS) connection could not be set up: {detail}")]
    Tls { detail: String },
    #[error("the mail server refused the user name or password ({detail})")]
    Authentication { detail: String },
    #[error("the mail server refused the sender address ({detail}); check the From address in the settings")]
    SenderRejected { detail: String },
    #[error("the mail server refused the recipient address ({detail}); check the client's e-mail address")]
    RecipientRejected { detail: String },
    #[error("the mail server refused the message ({detail})")]
    Rejected { detail: String },
    #[error("the mail server is temporarily unavailable ({detail}); Kindly will try again")]
    Transient { detail: String },
    #[error("the mail server did not answer within {seconds} s; Kindly will try again")]
    Timeout { seconds: u64 },
    #[error("the connection to the mail server was lost ({detail}); Kindly will try again")]
    Dropped { detail: String },
    #[error("the message could not be built: {0}")]
    Build(String),
}

impl MailError {
    pub fn code(&self) -> ErrorCode {
        match self {
            MailError::InvalidAddress { .. } => ErrorCode::InvalidEmail,
            MailError::ControlCharacters { .. } => ErrorCode::ControlCharacters,
            MailError::Required { .. } => ErrorCode::Required,
            MailError::InvalidPort => ErrorCode::InvalidPort,
            MailError::InvalidCertificate(_) => ErrorCode::InvalidCertificate,
            MailError::Dns { .. } => ErrorCode::SmtpDns,
            MailError::Connect { .. } => ErrorCode::SmtpConnect,
            MailError::Certificate { .. } => ErrorCode::SmtpCertificate,
            MailError::Tls { .. } => ErrorCode::SmtpTls,
            MailError::Authentication { .. } => ErrorCode::SmtpAuth,
            MailError::SenderRejected { .. } => ErrorCode::SmtpSenderRejected,
            MailError::RecipientRejected { .. } => ErrorCode::SmtpRecipientRejected,
            MailError::Rejected { .. } => ErrorCode::SmtpRejected,
            MailError::Transient { .. } => ErrorCode::SmtpTransient,
            MailError::Timeout { .. } => ErrorCode::SmtpTimeout,
            MailError::Dropped { .. } => ErrorCode::SmtpDropped,
            MailError::Build(_) => ErrorCode::MailBuild,
        }
    }

    /// The input field the error concerns, for showing it next to that field.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            MailError::InvalidAddress { field, .. }
            | MailError::ControlCharacters { field }
            | MailError::Required { field } => Some(field),
            MailError::InvalidPort => Some("port"),
            MailError::InvalidCertificate(_) => Some("trusted_certificate"),
            MailError::Dns { .. } => Some("host"),
            MailError::Authentication { .. } => Some("password"),
            MailError::SenderRejected { .. } => Some("from_address"),
            _ => None,
        }
    }

    /// True when the same message may go through later without the user
    /// changing anything: the outbox retries these with backoff and stops on
    /// the others.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            MailError::Connect { .. }
                | MailError::Transient { .. }
                | MailError::Timeout { .. }
                | MailError::Dropped { .. }
                | MailError::Dns { .. }
        )
    }
}

//! The user's SMTP account, minus the password (which lives only in the OS
//! keychain, see `secrets`), and the checks every header value passes before
//! it gets near a message.

use crate::MailError;
use lettre::Address;
use serde::{Deserialize, Serialize};

/// How the connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (usually port 587). Required:
    /// a server that does not offer it is refused, never used in clear.
    #[default]
    Starttls,
    /// TLS from the first byte (usually port 465).
    Tls,
    /// No encryption: only for a relay on this computer, after an explicit,
    /// warned opt-in.
    Plain,
}

impl Security {
    pub fn parse(s: &str) -> Option<Security> {
        match s {
            "starttls" => Some(Security::Starttls),
            "tls" => Some(Security::Tls),
            "plain" => Some(Security::Plain),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Security::Starttls => "starttls",
            Security::Tls => "tls",
            Security::Plain => "plain",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Empty when the server needs no login (a local relay).
    pub username: String,
    pub from_name: String,
    pub from_address: String,
    #[serde(default)]
    pub reply_to: Option<String>,
    /// Send a blind copy of every reminder to the From address.
    #[serde(default)]
    pub bcc_self: bool,
    /// An extra certificate authority to trust (PEM), for a company relay
    /// with its own CA. Public material, so it may live in the database.
    #[serde(default)]
    pub trusted_certificate: Option<String>,
    /// Seconds to wait for the server at each step.
    #[serde(default = "default_timeout")]
    pub timeout_secs: u64,
}

fn default_timeout() -> u64 {
    30
}

impl SmtpSettings {
    /// Checks every field; the first problem is reported with its field.
    pub fn validate(&self) -> Result<(), MailError> {
        header_text(&self.host, "host")?;
        if self.host.trim().is_empty() {
            return Err(MailError::Required { field: "host" });
        }
        if self.port == 0 {
            return Err(MailError::InvalidPort);
        }
        header_text(&self.username, "username")?;
        header_text(&self.from_name, "from_name")?;
        address(&self.from_address, "from_address")?;
        if let Some(r) = self.reply_to.as_deref().filter(|r| !r.trim().is_empty()) {
            address(r, "reply_to")?;
        }
        if let Some(pem) = self.trusted_certificate.as_deref().filter(|p| !p.trim().is_empty()) {
            certificate(pem)?;
        }
        if self.security == Security::Plain && !is_loopback(&self.host) {
            return Err(MailError::Tls {
                detail: "an unencrypted connection is only allowed to a relay on this computer (localhost)".into(),
            });
        }
        Ok(())
    }

    /// The keychain account name: one password per user name and server
    /// (not per port: changing the port or the security keeps the password).
    pub fn account(&self) -> String {
        format!("{}@{}", self.username.trim(), self.host.trim().to_ascii_lowercase())
    }
}

/// Parses a PEM certificate the user pasted (at least one certificate block).
pub fn certificate(pem: &str) -> Result<lettre::transport::smtp::client::Certificate, MailError> {
    if !pem.contains("-----BEGIN CERTIFICATE-----") {
        return Err(MailError::InvalidCertificate("no \"BEGIN CERTIFICATE\" block found".into()));
    }
    lettre::transport::smtp::client::Certificate::from_pem(pem.as_bytes())
        .map_err(|e| MailError::InvalidCertificate(e.to_string()))
}

pub fn is_loopback(host: &str) -> bool {
    let h = host.trim().trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost") || h.parse::<std::net::IpAddr>().map(|ip| ip.is_loopback()).unwrap_or(false)
}

/// Refuses CR, LF and every other control character: in a header they would
/// start a new header line (header injection) or break the message.
pub fn header_text(value: &str, field: &'static str) -> Result<(), MailError> {
    if value.chars().any(char::is_control) {
        return Err(MailError::ControlCharacters { field });
    }
    Ok(())
}

/// Parses one e-mail address strictly (no display name, no control characters).
pub fn address(value: &str, field: &'static str) -> Result<Address, MailError> {
    header_text(value, field)?;
    let v = value.trim();
    if v.is_empty() {
        return Err(MailError::Required { field });
    }
    v.parse::<Address>().map_err(|_| MailError::InvalidAddress { field, value: v.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok() -> SmtpSettings {
        SmtpSettings {
            host: "smtp.example.com".into(),
            port: 587,
            security: Security::Starttls,
            username: "ada".into(),
            from_name: "Ada Studio".into(),
            from_address: "ada@example.com".into(),
            reply_to: None,
            bcc_self: false,
            trusted_certificate: None,
            timeout_secs: 30,
        }
    }

    #[test]
    fn valid_settings_pass() {
        assert_eq!(ok().validate(), Ok(()));
    }

    #[test]
    fn header_injection_in_any_field_is_refused_with_its_field() {
        let mut s = ok();
        s.from_name = "Ada\r\nBcc: victim@example.com".into();
        assert_eq!(s.validate(), Err(MailError::ControlCharacters { field: "from_name" }));
        let mut s = ok();
        s.from_address = "ada@example.com\nBcc: x@y.z".into();
        assert_eq!(s.validate().unwrap_err().field(), Some("from_address"));
    }

    #[test]
    fn malformed_addresses_are_named() {
        let mut s = ok();
        s.reply_to = Some("not an address".into());
        assert_eq!(s.validate(), Err(MailError::InvalidAddress { field: "reply_to", value: "not an address".into() }));
    }

    #[test]
    fn plain_text_only_to_a_local_relay() {
        let mut s = ok();
        s.security = Security::Plain;
        assert_eq!(s.validate().unwrap_err().code(), "smtp_tls");
        s.host = "127.0.0.1".into();
        assert_eq!(s.validate(), Ok(()));
        s.host = "localhost".into();
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn a_broken_certificate_is_refused_at_save() {
        let mut s = ok();
        s.trusted_certificate = Some("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----".into());
        assert_eq!(s.validate().unwrap_err().code(), "invalid_certificate");
        s.trusted_certificate = Some("my server".into());
        assert_eq!(s.validate().unwrap_err().code(), "invalid_certificate");
    }
}

kindly_core::str_eq!(Security);

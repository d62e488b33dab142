//! Clients: who is invoiced, how to greet them, and whether to chase them.

use crate::error::DomainError;
use crate::locale::Locale;
use crate::text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whether Kindly proposes follow-ups for a client.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Chasing {
    On,
    /// Paused until (and including) a date, e.g. a dispute or a promise to pay.
    PausedUntil {
        until: NaiveDate,
        reason: String,
    },
    /// Never chase (a good payer, a friend, a lost cause).
    Off {
        reason: String,
    },
}

impl Chasing {
    /// Is chasing active on `today`? A pause ends the day after `until`.
    pub fn is_active(&self, today: NaiveDate) -> bool {
        match self {
            Chasing::On => true,
            Chasing::PausedUntil { until, .. } => today > *until,
            Chasing::Off { .. } => false,
        }
    }

    pub fn mode(&self) -> &'static str {
        match self {
            Chasing::On => "on",
            Chasing::PausedUntil { .. } => "paused",
            Chasing::Off { .. } => "off",
        }
    }
}

/// A client as validated from a form. Every field is checked here, once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientDetails {
    pub display_name: String,
    pub greeting_name: String,
    pub company: Option<String>,
    pub emails: Vec<String>,
    pub phone: Option<String>,
    pub address: String,
    pub language: Locale,
    pub notes: String,
}

/// The raw form, as typed.
#[derive(Clone, Debug, Default)]
pub struct ClientForm<'a> {
    pub display_name: &'a str,
    pub greeting_name: &'a str,
    pub company: &'a str,
    pub emails: &'a [String],
    pub phone: &'a str,
    pub address: &'a str,
    pub language: &'a str,
    pub notes: &'a str,
}

impl ClientDetails {
    pub fn validate(form: &ClientForm<'_>) -> Result<ClientDetails, DomainError> {
        let display_name = text::single_line(form.display_name, "display_name", 200)?;
        // The greeting defaults to the display name: "Dear Zoë Ångström".
        let greeting_name = text::optional_single_line(form.greeting_name, "greeting_name", 200)?
            .unwrap_or_else(|| display_name.clone());
        let company = text::optional_single_line(form.company, "company", 200)?;
        let mut emails = Vec::new();
        for e in form.emails {
            if let Some(addr) = validate_email(e)? {
                if !emails.contains(&addr) {
                    emails.push(addr);
                }
            }
        }
        let phone = text::optional_single_line(form.phone, "phone", 50)?;
        if let Some(p) = &phone {
            if !p.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c) || c.eq_ignore_ascii_case(&'x')) {
                return Err(DomainError::InvalidPhone(p.clone()));
            }
        }
        let address = text::multi_line(form.address, "address", 500)?;
        let language = if form.language.trim().is_empty() { Locale::En } else { Locale::parse(form.language)? };
        let notes = text::multi_line(form.notes, "notes", 10_000)?;
        Ok(ClientDetails { display_name, greeting_name, company, emails, phone, address, language, notes })
    }
}

/// Validates one e-mail address; blank is `None`. The check is deliberately
/// practical (RFC 5322 allows far more than any mail server accepts): one
/// `@`, a non-empty local part without spaces, a domain with a dot, no
/// control characters, at most 254 characters.
pub fn validate_email(input: &str) -> Result<Option<String>, DomainError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let bad = || DomainError::InvalidEmail(s.chars().filter(|c| !c.is_control()).take(80).collect());
    if s.len() > 254 || s.chars().any(|c| c.is_control() || c.is_whitespace() || "<>()[]\\,;:\"".contains(c)) {
        return Err(bad());
    }
    let (local, domain) = s.rsplit_once('@').ok_or_else(bad)?;
    if local.is_empty() || local.contains('@') || local.len() > 64 || local.starts_with('.') || local.ends_with('.') {
        return Err(bad());
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2
        || labels.iter().any(|l| l.is_empty() || l.len() > 63 || l.starts_with('-') || l.ends_with('-'))
        || !labels.iter().all(|l| l.chars().all(|c| c.is_alphanumeric() || c == '-'))
    {
        return Err(bad());
    }
    Ok(Some(s.to_string()))
}

/// Validates a chasing choice.
pub fn validate_chasing(mode: &str, until: Option<NaiveDate>, reason: &str) -> Result<Chasing, DomainError> {
    let reason = text::multi_line(reason, "chasing_reason", 500)?;
    match mode {
        "on" => Ok(Chasing::On),
        "paused" => {
            let until = until.ok_or(DomainError::Required { field: "chasing_until" })?;
            Ok(Chasing::PausedUntil { until, reason })
        }
        "off" => Ok(Chasing::Off { reason }),
        _ => Err(DomainError::Required { field: "chasing_mode" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form<'a>(name: &'a str, emails: &'a [String]) -> ClientForm<'a> {
        ClientForm { display_name: name, emails, ..Default::default() }
    }

    #[test]
    fn greeting_defaults_to_the_name_and_html_stays_text() {
        let c = ClientDetails::validate(&form("Zoë Ångström-Müller <img src=x onerror=alert(1)>", &[])).unwrap();
        assert_eq!(c.greeting_name, "Zoë Ångström-Müller <img src=x onerror=alert(1)>");
        assert_eq!(c.language, Locale::En);
    }

    #[test]
    fn emails_are_checked_and_deduplicated() {
        let emails = vec!["a@example.com".to_string(), " a@example.com ".into(), "".into(), "王芳@例子.中国".into()];
        let c = ClientDetails::validate(&form("A", &emails)).unwrap();
        assert_eq!(c.emails, vec!["a@example.com", "王芳@例子.中国"]);
        for bad in
            ["plainaddress", "a@b", "a@@b.com", "a b@c.com", "a@b.com\r\nBcc: x@y.z", "@b.com", "a@-b.com", "<a@b.com>"]
        {
            assert_eq!(validate_email(bad).unwrap_err().code(), "invalid_email", "{bad}");
        }
    }

    #[test]
    fn chasing_pause_ends_after_its_date() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let c = validate_chasing("paused", Some(d("2026-12-01")), "dispute about line 2").unwrap();
        assert!(!c.is_active(d("2026-12-01")));
        assert!(c.is_active(d("2026-12-02")));
        assert!(!validate_chasing("off", None, "").unwrap().is_active(d("2030-01-01")));
        assert_eq!(validate_chasing("paused", None, "").unwrap_err().code(), "required");
    }

    #[test]
    fn unsupported_language_is_refused() {
        let f = ClientForm { display_name: "A", language: "xx", ..Default::default() };
        assert_eq!(ClientDetails::validate(&f).unwrap_err().code(), "unsupported_language");
    }
}

//! Sending over the user's SMTP account with lettre: one pooled transport per
//! batch (connections are reused), every network step under a deadline, and
//! lettre's errors turned into `MailError`s that say what to fix.
//!
//! Why the outer deadline: lettre's own timeout covers each read and write,
//! but a server that trickles or stalls can still hold `send` for a long
//! time; `tokio::time::timeout` bounds the whole exchange.

use crate::compose::Composed;
use crate::settings::{Security, SmtpSettings};
use crate::MailError;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::PoolConfig;
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::time::Duration;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    host: String,
    port: u16,
    timeout: Duration,
}

/// What the server said when it accepted a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub reply: String,
}

impl Mailer {
    /// A transport for these settings. `password` is `None` for a server that
    /// needs no login. Nothing is sent or connected yet.
    pub fn new(s: &SmtpSettings, password: Option<&str>) -> Result<Mailer, MailError> {
        s.validate()?;
        let host = s.host.trim().to_string();
        let timeout = Duration::from_secs(s.timeout_secs.clamp(1, 300));
        let tls = match s.security {
            Security::Plain => Tls::None,
            sec => {
                let mut p = TlsParameters::builder(host.clone());
                if let Some(pem) = s.trusted_certificate.as_deref().filter(|p| !p.trim().is_empty()) {
                    p = p.add_root_certificate(crate::settings::certificate(pem)?);
                }
                let p = p.build_rustls().map_err(|e| MailError::Tls { detail: e.to_string() })?;
                if sec == Security::Tls {
                    Tls::Wrapper(p)
                } else {
                    Tls::Required(p)
                }
            }
        };
        let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host.clone())
            .port(s.port)
            .tls(tls)
            .timeout(Some(timeout))
            .pool_config(PoolConfig::new().max_size(1).idle_timeout(Duration::from_secs(60)));
        if let Some(pw) = password {
            b = b
                .credentials(Credentials::new(s.username.trim().to_string(), pw.to_string()))
                .authentication(vec![Mechanism::Plain, Mechanism::Login]);
        }
        Ok(Mailer { transport: b.build(), host, port: s.port, timeout })
    }

    /// Connects, secures and logs in without sending anything. A failure
    /// here means no message was handed over, so it is always safe to retry.
    pub async fn check(&self) -> Result<(), MailError> {
        match tokio::time::timeout(self.timeout * 2, self.transport.test_connection()).await {
            Err(_) => Err(MailError::Timeout { seconds: (self.timeout * 2).as_secs() }),
            Ok(Err(e)) => Err(classify(&e, &self.host, self.port)),
            Ok(Ok(true)) => Ok(()),
            Ok(Ok(false)) => Err(MailError::Dropped { detail: "the server closed the connection".into() }),
        }
    }

    /// Hands one message to the server. `Ok` only when the server replied
    /// that it accepted it (250 after DATA).
    pub async fn send(&self, c: &Composed) -> Result<Accepted, MailError> {
        let from: Address = c
            .envelope_from
            .parse()
            .map_err(|_| MailError::InvalidAddress { field: "from_address", value: c.envelope_from.clone() })?;
        let to = c
            .envelope_to
            .iter()
            .map(|a| a.parse::<Address>().map_err(|_| MailError::InvalidAddress { field: "to", value: a.clone() }))
            .collect::<Result<Vec<_>, _>>()?;
        let envelope = Envelope::new(Some(from), to).map_err(|e| MailError::Build(e.to_string()))?;
        let deadline = self.timeout * 3 + Duration::from_secs((c.raw.len() / 100_000) as u64);
        match tokio::time::timeout(deadline, self.transport.send_raw(&envelope, &c.raw)).await {
            Err(_) => Err(MailError::Timeout { seconds: deadline.as_secs() }),
            Ok(Err(e)) => Err(classify(&e, &self.host, self.port)),
            Ok(Ok(r)) => Ok(Accepted { reply: r.message().collect::<Vec<_>>().join(" ") }),
        }
    }
}

/// The error and every cause under it, as one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let t = c.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = c.source();
    }
    s
}

/// Turns a lettre error into what the user can act on. Certificate problems
/// come back from lettre as connection errors, so the cause chain is read.
pub fn classify(e: &lettre::transport::smtp::Error, host: &str, port: u16) -> MailError {
    let detail = chain(e);
    let lower = detail.to_lowercase();
    let code = e.status().map(|c| c.to_string());
    if lower.contains("certificate") || lower.contains("unknownissuer") || lower.contains("caused as end entity") {
        return MailError::Certificate { detail };
    }
    if lower.contains("starttls is not supported") {
        return MailError::Tls { detail: "the server does not offer STARTTLS".into() };
    }
    if e.is_tls() {
        return MailError::Tls { detail };
    }
    if e.is_permanent() || e.is_transient() {
        let auth = matches!(code.as_deref(), Some("535") | Some("534") | Some("530") | Some("538"))
            || lower.contains("authentication");
        if auth {
            return MailError::Authentication { detail };
        }
        if e.is_transient() {
            return MailError::Transient { detail };
        }
        if lower.contains("5.1.7") || lower.contains("5.1.8") || lower.contains("sender") {
            return MailError::SenderRejected { detail };
        }
        if lower.contains("5.1.1")
            || lower.contains("5.1.2")
            || lower.contains("5.1.3")
            || lower.contains("recipient")
            || lower.contains("mailbox")
        {
            return MailError::RecipientRejected { detail };
        }
        return MailError::Rejected { detail };
    }
    if e.is_timeout() {
        return MailError::Timeout { seconds: 0 };
    }
    if lower.contains("failed to lookup address") || lower.contains("name or service not known") {
        return MailError::Dns { host: host.to_string() };
    }
    if lower.contains("connection refused") || lower.contains("network is unreachable") {
        return MailError::Connect { host: host.to_string(), port, detail };
    }
    MailError::Dropped { detail }
}

//! Sending over the user's SMTP account with lettre: one connection per
//! batch, reused from message to message, every network step under a deadline, and
//! lettre's errors turned into `MailError`s that say what to fix.
//!
//! Why the outer deadline: lettre's own timeout covers each read and write,
//! but a server that trickles or stalls can still hold `send` for a long
//! time; `tokio::time::timeout` bounds the whole exchange.
//!
//! Why our own connection: lettre writes the end of a message (`\r\n.\r\n`)
//! as a separate small write on a socket with Nagle's algorithm on, so every
//! message waited for the server's delayed ACK (about 40 ms on Linux): 55 ms
//! per message, 55 s for 1,000. We open the TCP connection ourselves with
//! `TCP_NODELAY` and hand it to lettre's `AsyncSmtpConnection`; for
//! implicit TLS (port 465) the TLS handshake is done on that socket first
//! (see [`ImplicitTls`]), then lettre speaks SMTP through it.

use crate::compose::Composed;
use crate::settings::{Security, SmtpSettings};
use crate::MailError;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream, Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::Address;
use std::time::Duration;
use tokio::net::TcpStream;

pub struct Mailer {
    inner: Direct,
    host: String,
    port: u16,
    timeout: Duration,
}

/// One reused connection we open with TCP_NODELAY.
struct Direct {
    conn: tokio::sync::Mutex<Option<AsyncSmtpConnection>>,
    tls: Tls,
    credentials: Option<Credentials>,
}

/// A TLS stream over our own socket, handed to lettre as if it were the
/// plain TCP stream, so lettre's SMTP runs inside TLS from the first byte.
/// lettre offers no other way to bring its own socket to implicit TLS; the
/// handshake itself (and the certificate checks) are lettre's own
/// `upgrade_tls` with the same `TlsParameters` as STARTTLS.
#[allow(deprecated)]
#[derive(Debug)]
struct ImplicitTls {
    stream: tokio_util::compat::Compat<lettre::transport::smtp::client::AsyncNetworkStream>,
}

#[allow(deprecated)]
impl AsyncTokioStream for ImplicitTls {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.stream.get_ref().peer_addr()
    }
}

impl tokio::io::AsyncRead for ImplicitTls {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for ImplicitTls {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.stream).poll_write(cx, buf)
    }
    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.stream).poll_flush(cx)
    }
    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// What the server said when it accepted a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub reply: String,
}

impl Mailer {
    /// A transport for these settings. `password` is `None` for a server that
    /// needs no login. Nothing is sent or connected yet.
    pub fn new(s: &SmtpSettings, password: Option<&crate::Secret>) -> Result<Mailer, MailError> {
        s.validate()?;
        let host = s.host.trim().to_string();
        let timeout = Duration::from_secs(s.timeout_secs.clamp(1, 300));
        let credentials = password.map(|pw| Credentials::new(s.username.trim().to_string(), pw.expose().to_string()));
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
        let inner = Direct { conn: tokio::sync::Mutex::new(None), tls, credentials };
        Ok(Mailer { inner, host, port: s.port, timeout })
    }

    /// Opens, secures (implicit TLS, or STARTTLS required when configured)
    /// and logs in.
    async fn open(&self, tls: &Tls, credentials: &Option<Credentials>) -> Result<AsyncSmtpConnection, MailError> {
        let late = |_| MailError::Timeout { seconds: self.timeout.as_secs() };
        let tcp = tokio::time::timeout(self.timeout, TcpStream::connect((self.host.as_str(), self.port)))
            .await
            .map_err(late)?
            .map_err(|e| connect_error(&e, &self.host, self.port))?;
        // Nagle's algorithm would hold the end of each message for the server's delayed ACK.
        let _ = tcp.set_nodelay(true);
        let hello = ClientId::default();
        let lettre = |e: lettre::transport::smtp::Error| classify(&e, &self.host, self.port);
        let transport: Box<dyn AsyncTokioStream> = match tls {
            Tls::Wrapper(p) => {
                #[allow(deprecated)]
                let mut stream =
                    lettre::transport::smtp::client::AsyncNetworkStream::use_existing_tokio1(Box::new(tcp));
                tokio::time::timeout(self.timeout, stream.upgrade_tls(p.clone()))
                    .await
                    .map_err(late)?
                    .map_err(lettre)?;
                Box::new(ImplicitTls { stream: tokio_util::compat::FuturesAsyncReadCompatExt::compat(stream) })
            }
            _ => Box::new(tcp),
        };
        let mut conn =
            tokio::time::timeout(self.timeout, AsyncSmtpConnection::connect_with_transport(transport, &hello))
                .await
                .map_err(late)?
                .map_err(lettre)?;
        if let Tls::Required(p) = tls {
            if !conn.can_starttls() {
                return Err(MailError::Tls { detail: "the server does not offer STARTTLS".into() });
            }
            tokio::time::timeout(self.timeout, conn.starttls(p.clone(), &hello))
                .await
                .map_err(late)?
                .map_err(lettre)?;
        }
        if let Some(c) = credentials {
            tokio::time::timeout(self.timeout, conn.auth(&MECHANISMS, c)).await.map_err(late)?.map_err(lettre)?;
        }
        Ok(conn)
    }

    /// Connects, secures and logs in without sending anything. A failure
    /// here means no message was handed over, so it is always safe to retry.
    pub async fn check(&self) -> Result<(), MailError> {
        let d = &self.inner;
        let mut slot = d.conn.lock().await;
        *slot = Some(self.open(&d.tls, &d.credentials).await?);
        Ok(())
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
        let d = &self.inner;
        let mut slot = d.conn.lock().await;
        let mut open = match slot.take() {
            Some(existing) if !existing.has_broken() => existing,
            _ => self.open(&d.tls, &d.credentials).await?,
        };
        let result = tokio::time::timeout(deadline, open.send(&envelope, c.data())).await;
        // Keep the connection only after a clean exchange; otherwise start afresh next time.
        if matches!(result, Ok(Ok(_))) && !open.has_broken() {
            *slot = Some(open);
        }
        match result {
            Err(_) => Err(MailError::Timeout { seconds: deadline.as_secs() }),
            Ok(Err(e)) => Err(classify(&e, &self.host, self.port)),
            Ok(Ok(r)) => Ok(Accepted { reply: r.message().collect::<Vec<_>>().join(" ") }),
        }
    }
}

const MECHANISMS: [Mechanism; 2] = [Mechanism::Plain, Mechanism::Login];

fn connect_error(e: &std::io::Error, host: &str, port: u16) -> MailError {
    let detail = e.to_string();
    if detail.contains("failed to lookup address") || detail.to_lowercase().contains("name or service not known") {
        return MailError::Dns { host: host.to_string() };
    }
    MailError::Connect { host: host.to_string(), port, detail }
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
    if lower.contains("no compatible authentication mechanism") {
        return MailError::Authentication {
            detail: "the server offers no login method Kindly supports (PLAIN or LOGIN) on this connection; \
                     check the security setting"
                .into(),
        };
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

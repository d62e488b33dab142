//! Builds the exact bytes of a reminder e-mail: multipart/alternative text +
//! HTML (the HTML made from the same text, escaped), PDFs attached, our own
//! Message-ID. The outbox stores these bytes before anything is sent, so a
//! resend after a crash sends the very same message with the same Message-ID.

use crate::settings::{address, header_text};
use crate::MailError;
use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;

#[derive(Clone, Debug)]
pub struct FileAttachment {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct Outgoing {
    /// Without angle brackets, e.g. `3f2a…@example.com`.
    pub message_id: String,
    pub date: DateTime<Utc>,
    pub from_name: String,
    pub from_address: String,
    pub reply_to: Option<String>,
    /// (display name, address)
    pub to: Vec<(String, String)>,
    pub bcc: Vec<String>,
    pub subject: String,
    pub text: String,
    pub attachments: Vec<FileAttachment>,
}

/// The message as sent, and the SMTP envelope it travels in. `raw` is byte
/// for byte what the server receives and stores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Composed {
    pub raw: Vec<u8>,
    pub envelope_from: String,
    pub envelope_to: Vec<String>,
}

/// A new globally unique Message-ID in the sender's domain.
pub fn new_message_id(from_address: &str) -> String {
    let domain = from_address.rsplit_once('@').map(|(_, d)| d).filter(|d| !d.is_empty()).unwrap_or("kindly.invalid");
    format!("{}.kindly@{}", uuid::Uuid::new_v4().simple(), domain)
}

fn mailbox(name: &str, addr: &str, name_field: &'static str, addr_field: &'static str) -> Result<Mailbox, MailError> {
    // lettre panics formatting a display name with CR/LF: refuse it first.
    header_text(name, name_field)?;
    let a = address(addr, addr_field)?;
    let n = name.trim();
    Ok(Mailbox::new((!n.is_empty()).then(|| n.to_string()), a))
}

pub fn compose(o: &Outgoing) -> Result<Composed, MailError> {
    header_text(&o.subject, "subject")?;
    header_text(&o.message_id, "message_id")?;
    if o.to.is_empty() {
        return Err(MailError::Required { field: "to" });
    }
    let from = mailbox(&o.from_name, &o.from_address, "from_name", "from_address")?;
    let mut b = Message::builder()
        .from(from.clone())
        .subject(o.subject.trim())
        .date(o.date.into())
        .message_id(Some(format!("<{}>", o.message_id)));
    if let Some(r) = o.reply_to.as_deref().filter(|r| !r.trim().is_empty()) {
        b = b.reply_to(Mailbox::new(None, address(r, "reply_to")?));
    }
    let mut envelope_to = Vec::new();
    for (name, addr) in &o.to {
        let m = mailbox(name, addr, "to_name", "to")?;
        envelope_to.push(m.email.to_string());
        b = b.to(m);
    }
    for addr in &o.bcc {
        let a = address(addr, "bcc")?;
        envelope_to.push(a.to_string());
        b = b.bcc(Mailbox::new(None, a));
    }
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(o.text.clone()))
        .singlepart(SinglePart::html(html_from_text(&o.text)));
    let body = if o.attachments.is_empty() {
        alternative
    } else {
        let mut mixed = MultiPart::mixed().multipart(alternative);
        for a in &o.attachments {
            header_text(&a.name, "attachment")?;
            let ct = ContentType::parse(&a.content_type).map_err(|e| MailError::Build(e.to_string()))?;
            mixed = mixed.singlepart(Attachment::new(a.name.clone()).body(a.bytes.clone(), ct));
        }
        mixed
    };
    let message = b.multipart(body).map_err(|e| MailError::Build(e.to_string()))?;
    let mut raw = message.formatted();
    // Every line of a message ends with CRLF, the last one too: this is the
    // exact content the server stores (see `Composed::data`).
    if !raw.ends_with(b"\r\n") {
        raw.extend_from_slice(b"\r\n");
    }
    Ok(Composed { raw, envelope_from: from.email.to_string(), envelope_to })
}

impl Composed {
    /// The bytes to hand to the SMTP client. lettre ends DATA with
    /// `CRLF . CRLF`, whose first CRLF ends our last line; handing it `raw`
    /// whole would add an empty line, so the server would store one line
    /// more than the copy kept as evidence.
    pub fn data(&self) -> &[u8] {
        self.raw.strip_suffix(b"\r\n").unwrap_or(&self.raw)
    }
}

/// The HTML part: the same words as the text part, every character that
/// means something in HTML escaped (a client called `<b>Bob</b>` is shown
/// literally), blank lines as paragraphs, line breaks kept.
pub fn html_from_text(text: &str) -> String {
    let mut out = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;line-height:1.5\">",
    );
    let text = text.replace("\r\n", "\n");
    for para in text.split("\n\n").map(|p| p.trim_matches('\n')).filter(|p| !p.trim().is_empty()) {
        out.push_str("<p>");
        let lines: Vec<String> = para.lines().map(escape).collect();
        out.push_str(&lines.join("<br>\n"));
        out.push_str("</p>\n");
    }
    out.push_str("</body></html>");
    out
}

fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail() -> Outgoing {
        Outgoing {
            message_id: "abc.kindly@example.com".into(),
            date: DateTime::parse_from_rfc3339("2026-11-23T10:42:00Z").unwrap().with_timezone(&Utc),
            from_name: "Ada Studio".into(),
            from_address: "ada@example.com".into(),
            reply_to: Some("billing@example.com".into()),
            to: vec![("Bob <b>Builder</b>".into(), "bob@example.net".into())],
            bcc: vec!["ada@example.com".into()],
            subject: "Invoice INV-1: a friendly reminder".into(),
            text: "Dear Bob <b>,\n\nThanks & regards.\nAda".into(),
            attachments: vec![FileAttachment {
                name: "INV-1.pdf".into(),
                content_type: "application/pdf".into(),
                bytes: b"%PDF-1.7 test".to_vec(),
            }],
        }
    }

    #[test]
    fn html_is_escaped_and_keeps_paragraphs() {
        let h = html_from_text("Dear <script>alert(1)</script> & co,\n\nline one\nline two");
        assert!(h.contains("<p>Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; co,</p>"), "{h}");
        assert!(h.contains("<p>line one<br>\nline two</p>"), "{h}");
        assert!(!h.contains("<script>"));
    }

    #[test]
    fn message_has_our_id_both_parts_attachment_and_envelope() {
        let c = compose(&mail()).unwrap();
        let raw = String::from_utf8_lossy(&c.raw);
        assert!(raw.contains("Message-ID: <abc.kindly@example.com>"), "{raw}");
        assert!(raw.contains("multipart/mixed") && raw.contains("multipart/alternative"));
        assert!(raw.contains("text/plain") && raw.contains("text/html"));
        assert!(raw.contains("INV-1.pdf"));
        assert!(!raw.contains("\nBcc:"), "a Bcc header must not be in the message itself");
        assert_eq!(c.envelope_from, "ada@example.com");
        assert_eq!(c.envelope_to, vec!["bob@example.net".to_string(), "ada@example.com".to_string()]);
    }

    #[test]
    fn crlf_in_a_display_name_or_subject_is_refused_not_encoded() {
        let mut m = mail();
        m.to[0].0 = "Bob\r\nBcc: victim@example.org".into();
        assert_eq!(compose(&m).unwrap_err(), MailError::ControlCharacters { field: "to_name" });
        let mut m = mail();
        m.subject = "Hello\nBcc: victim@example.org".into();
        assert_eq!(compose(&m).unwrap_err(), MailError::ControlCharacters { field: "subject" });
    }

    #[test]
    fn invalid_recipient_is_named() {
        let mut m = mail();
        m.to[0].1 = "bob@@example".into();
        assert_eq!(compose(&m).unwrap_err(), MailError::InvalidAddress { field: "to", value: "bob@@example".into() });
    }

    #[test]
    fn message_ids_are_unique_and_in_the_senders_domain() {
        let a = new_message_id("ada@example.com");
        let b = new_message_id("ada@example.com");
        assert_ne!(a, b);
        assert!(a.ends_with("@example.com"));
    }
}

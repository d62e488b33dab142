//! `kindly smtp …` (the e-mail account, password from stdin into the OS
//! keychain) and `kindly emails …` (queue, send, list, and decide about the
//! outbox's messages).

use crate::output::Out;
use chrono::Utc;
use clap::Subcommand;
use kindly_api::mail::{self, Secret, SmtpSettingsInput, SmtpSettingsView};
use kindly_api::outbox::{self, OutboxActionRequest, OutboxRequest, QueueEmailsRequest, SendReport};
use kindly_api::ErrorCode;
use kindly_api::{ApiError, Ctx};
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

#[derive(Subcommand, Debug)]
pub enum SmtpCmd {
    /// Save the SMTP account; with --password-stdin the password is read from
    /// standard input and stored in the OS keychain (never in the database).
    Set {
        #[arg(long)]
        host: String,
        #[arg(long, default_value_t = 587)]
        port: i64,
        /// plain: a relay on this computer only.
        #[arg(long, default_value = "starttls", value_parser = crate::values::securities())]
        security: kindly_mail::Security,
        #[arg(long, default_value = "")]
        username: String,
        #[arg(long)]
        from_name: String,
        #[arg(long)]
        from_address: String,
        #[arg(long, default_value = "")]
        reply_to: String,
        #[arg(long)]
        bcc_self: bool,
        /// A PEM file with an extra certificate authority to trust.
        #[arg(long, value_name = "FILE")]
        trusted_cert: Option<PathBuf>,
        #[arg(long)]
        timeout_secs: Option<i64>,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Show the account (never the password).
    Show,
    /// Send a test e-mail (to --to, else to the From address).
    Test {
        #[arg(long)]
        to: Option<String>,
    },
    /// Remove the password from the keychain.
    ForgetPassword,
}

#[derive(Subcommand, Debug)]
pub enum EmailsCmd {
    /// Queue the e-mails due today in the outbox: ladder steps, installment
    /// reminders and follow-ups on broken promises (or only those named by
    /// --invoice, --plan-reminder and --promise).
    Queue {
        #[arg(long = "invoice")]
        invoices: Vec<i64>,
        /// A plan whose installment reminder (or broken-plan notice) is due.
        #[arg(long = "plan-reminder")]
        plans: Vec<i64>,
        /// A broken promise whose follow-up is due.
        #[arg(long = "promise")]
        promises: Vec<i64>,
    },
    /// Queue an installment plan's proposal (text + agreement letter PDF).
    QueuePlan {
        #[arg(long)]
        plan: i64,
    },
    /// Send what is queued and due (or only --id …).
    Send {
        #[arg(long = "id")]
        ids: Vec<i64>,
    },
    /// List the outbox (optionally only --state …).
    List {
        #[arg(long = "state", value_parser = crate::values::outbox_states())]
        states: Vec<String>,
        #[arg(long, default_value_t = 100)]
        limit: i64,
        #[arg(long, default_value_t = 0)]
        offset: i64,
    },
    /// Put a failed or possibly-sent message back in the queue.
    Resend { id: i64 },
    /// Confirm that a possibly-sent message did arrive.
    Confirm { id: i64 },
    /// Withdraw a message that was not sent.
    Cancel { id: i64 },
}

fn smtp_text(v: &SmtpSettingsView) -> String {
    if !v.configured {
        return "e-mail is not set up\n".into();
    }
    let pw = match (&v.keychain_problem, v.password_saved) {
        (Some(p), _) => p.message.clone(),
        (None, true) => "saved in the keychain".into(),
        (None, false) => "not saved".into(),
    };
    format!(
        "server {}:{} ({})\nuser {}\nfrom {} <{}>\npassword {}\n",
        v.host, v.port, v.security, v.username, v.from_name, v.from_address, pw
    )
}

pub async fn smtp(ctx: Ctx<'_>, cmd: SmtpCmd, o: &Out) -> Result<String, ApiError> {
    match cmd {
        SmtpCmd::Set {
            host,
            port,
            security,
            username,
            from_name,
            from_address,
            reply_to,
            bcc_self,
            trusted_cert,
            timeout_secs,
            password_stdin,
        } => {
            let trusted_certificate = match trusted_cert {
                Some(p) => std::fs::read_to_string(&p).map_err(|e| {
                    ApiError::new(
                        ErrorCode::IoError,
                        format!("Cannot read {}: {e}", p.display()),
                        Some("trusted_certificate"),
                    )
                })?,
                None => String::new(),
            };
            let password = if password_stdin {
                // Wrapped in a `Secret` at once, so both buffers are zeroed on every path.
                let mut s = String::new();
                let read = std::io::stdin().read_to_string(&mut s);
                let typed = Secret::new(s);
                read.map_err(|e| ApiError::new(ErrorCode::IoError, format!("Cannot read the password: {e}"), None))?;
                Some(Secret::from(typed.expose().trim_end_matches(['\r', '\n'])))
            } else {
                None
            };
            let input = SmtpSettingsInput {
                host,
                port,
                security,
                username,
                from_name,
                from_address,
                reply_to,
                bcc_self,
                trusted_certificate,
                timeout_secs,
                password,
            };
            o.value(&mail::save(ctx, &input).await?, smtp_text)
        }
        SmtpCmd::Show => o.value(&mail::get(ctx).await?, smtp_text),
        SmtpCmd::Test { to } => {
            let r = mail::send_test(ctx, to.as_deref()).await?;
            o.value(&r, |r| format!("test e-mail accepted for {}: {}\n", r.to, r.server_reply))
        }
        SmtpCmd::ForgetPassword => o.value(&mail::forget_password(ctx).await?, smtp_text),
    }
}

fn report_text(r: &SendReport) -> String {
    let mut s = format!(
        "sent {}, failed {}, may have been sent {}, retrying later {}, withdrawn {}\n",
        r.sent, r.failed, r.uncertain, r.retrying, r.cancelled
    );
    if r.recovered > 0 {
        s.push_str(&format!(
            "{} e-mail(s) were interrupted by a crash: check them with `kindly emails list --state uncertain`\n",
            r.recovered
        ));
    }
    if let Some(e) = &r.stopped {
        s.push_str(&format!("stopped: {} [{}]\n", e.message, e.code));
    }
    s
}

pub async fn emails(ctx: Ctx<'_>, cmd: EmailsCmd, o: &Out) -> Result<String, ApiError> {
    match cmd {
        EmailsCmd::Queue { invoices, plans, promises } => {
            let fonts = crate::cli::fonts()?;
            let req = QueueEmailsRequest {
                invoice_ids: invoices,
                plan_ids: plans,
                promise_ids: promises,
                expected_total: None,
            };
            let r = outbox::queue_emails(ctx, &fonts, &req).await?;
            o.value(&r, |r| {
                let mut s = format!("queued {} e-mail(s)\n", r.queued.len());
                for k in &r.skipped {
                    s.push_str(&format!("skipped {}: {} [{}]\n", k.invoice_numbers.join(", "), k.message, k.code));
                }
                s
            })
        }
        EmailsCmd::QueuePlan { plan } => {
            let fonts = crate::cli::fonts()?;
            o.id(outbox::queue_plan_proposal(ctx, &fonts, plan).await?)
        }
        EmailsCmd::Send { ids } => {
            let only = (!ids.is_empty()).then_some(ids.as_slice());
            let never = AtomicBool::new(false);
            let r = outbox::send_queued(ctx, &Utc::now, only, &mut |_| {}, &never).await?;
            // The report is printed either way; a batch that stopped on an
            // error (keychain, login, certificate, connection) exits 3 so a
            // scheduled run can tell.
            if r.stopped.is_some() {
                o.set_status(crate::EXIT_STOPPED);
            }
            o.value(&r, report_text)
        }
        EmailsCmd::List { states, limit, offset } => {
            let page = outbox::list(ctx, &OutboxRequest { states, offset, limit }).await?;
            o.value(&page, |p| {
                let mut s = String::new();
                for r in &p.rows {
                    s.push_str(&format!(
                        "{:>5}  {:<10} {}  {}  {}\n",
                        r.id,
                        r.state,
                        r.invoice_numbers.join(","),
                        r.to.join(", "),
                        r.status_text
                    ));
                }
                s.push_str(&format!("{} e-mail(s)\n", p.total));
                s
            })
        }
        EmailsCmd::Resend { id } => act(ctx, o, id, "resend").await,
        EmailsCmd::Confirm { id } => act(ctx, o, id, "confirm_sent").await,
        EmailsCmd::Cancel { id } => act(ctx, o, id, "cancel").await,
    }
}

async fn act(ctx: Ctx<'_>, o: &Out, id: i64, action: &str) -> Result<String, ApiError> {
    let r = outbox::act(ctx, &OutboxActionRequest { id, action: action.into() }).await?;
    o.value(&r, |r| format!("{} {}: {}\n", r.id, r.state, r.status_text))
}

//! The user's e-mail account: SMTP settings (in the database, without the
//! password), the password (in the OS keychain only), and "Send test e-mail",
//! which reports exactly which step failed.
//!
//! Architecture Invariant: no IPC type here carries the password outward;
//! `SmtpSettingsInput.password` only flows in, straight to the keychain, as a
//! `kindly_mail::Secret` (redacted in `Debug`, not serializable: the input
//! type has no `Serialize` for that reason).

use crate::{ApiError, ApiResult, Ctx};
use kindly_core::vocab::OutboxState;
use kindly_core::ErrorCode;
use kindly_mail::compose::{compose, new_message_id, Outgoing};
use kindly_mail::secrets;
use kindly_mail::transport::Mailer;
pub use kindly_mail::Secret;
use kindly_mail::{MailError, SecretError, Security, SmtpSettings};
use kindly_store::EmailPurpose;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const SMTP_KEY: &str = "smtp";

#[derive(Debug, Clone, Serialize, TS)]
pub struct SmtpSettingsView {
    pub host: String,
    pub port: i64,
    /// starttls, tls, or plain (a relay on this computer only).
    pub security: Security,
    pub username: String,
    pub from_name: String,
    pub from_address: String,
    pub reply_to: String,
    pub bcc_self: bool,
    /// An extra certificate authority to trust, PEM (optional).
    pub trusted_certificate: String,
    pub timeout_secs: i64,
    /// Whether the account is set up at all.
    pub configured: bool,
    /// Whether the keychain holds a password for this account.
    pub password_saved: bool,
    /// Why the keychain could not be asked, if it could not (`keychain_locked`,
    /// `keychain_unavailable`, `keychain_failed`): the UI words the code.
    pub keychain_problem: Option<ApiError>,
}

/// The settings form. Deserialize only: it holds the password as a `Secret`,
/// which cannot be serialized.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SmtpSettingsInput {
    pub host: String,
    pub port: i64,
    pub security: Security,
    pub username: String,
    pub from_name: String,
    pub from_address: String,
    #[serde(default)]
    pub reply_to: String,
    #[serde(default)]
    pub bcc_self: bool,
    #[serde(default)]
    pub trusted_certificate: String,
    #[serde(default)]
    pub timeout_secs: Option<i64>,
    /// A new password to put in the keychain; `None` keeps the saved one.
    #[serde(default)]
    #[ts(as = "Option<String>")]
    pub password: Option<Secret>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TestEmailResult {
    pub to: String,
    /// What the server answered when it accepted the test message.
    pub server_reply: String,
}

/// The saved SMTP settings, or `None` when e-mail is not set up.
pub async fn load(ctx: Ctx<'_>) -> ApiResult<Option<SmtpSettings>> {
    match ctx.store.setting_json(SMTP_KEY).await? {
        None => Ok(None),
        Some(json) => serde_json::from_str(&json).map(Some).map_err(|e| {
            ApiError::new(
                ErrorCode::SmtpSettingsDamaged,
                format!("The saved e-mail settings are damaged ({e}); please enter them again."),
                None,
            )
        }),
    }
}

/// The saved settings, or `smtp_not_configured`. Queueing needs only
/// these; the keychain is asked for the password when sending.
pub async fn configured(ctx: Ctx<'_>) -> ApiResult<SmtpSettings> {
    load(ctx).await?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::SmtpNotConfigured,
            "E-mail is not set up yet: enter your SMTP account in Settings → E-mail.",
            None,
        )
    })
}

/// The settings and their password, ready to send; a clear error when
/// e-mail is not set up or the keychain cannot give the password.
pub async fn account(ctx: Ctx<'_>) -> ApiResult<(SmtpSettings, Option<Secret>)> {
    let s = configured(ctx).await?;
    let password = if s.username.trim().is_empty() {
        None
    } else {
        let account = s.account();
        Some(tokio::task::spawn_blocking(move || secrets::get_password(&account)).await??)
    };
    Ok((s, password))
}

fn view(s: Option<SmtpSettings>, password: Result<bool, SecretError>) -> SmtpSettingsView {
    let configured = s.is_some();
    let s = s.unwrap_or(SmtpSettings {
        host: String::new(),
        port: 587,
        security: Security::Starttls,
        username: String::new(),
        from_name: String::new(),
        from_address: String::new(),
        reply_to: None,
        bcc_self: false,
        trusted_certificate: None,
        timeout_secs: 30,
    });
    let (password_saved, keychain_problem) = match password {
        Ok(b) => (b, None),
        Err(e) => (false, Some(ApiError::from(e))),
    };
    SmtpSettingsView {
        host: s.host,
        port: i64::from(s.port),
        security: s.security,
        username: s.username,
        from_name: s.from_name,
        from_address: s.from_address,
        reply_to: s.reply_to.unwrap_or_default(),
        bcc_self: s.bcc_self,
        trusted_certificate: s.trusted_certificate.unwrap_or_default(),
        timeout_secs: s.timeout_secs as i64,
        configured,
        password_saved,
        keychain_problem,
    }
}

async fn password_state(s: &Option<SmtpSettings>) -> Result<bool, SecretError> {
    match s {
        Some(s) if !s.username.trim().is_empty() => {
            let account = s.account();
            tokio::task::spawn_blocking(move || secrets::has_password(&account))
                .await
                .unwrap_or_else(|e| Err(SecretError::Failed { detail: e.to_string() }))
        }
        _ => Ok(false),
    }
}

pub async fn get(ctx: Ctx<'_>) -> ApiResult<SmtpSettingsView> {
    let s = load(ctx).await?;
    let pw = password_state(&s).await;
    Ok(view(s, pw))
}

/// Parses and checks the input into settings (nothing is saved).
pub fn parse(input: &SmtpSettingsInput) -> ApiResult<SmtpSettings> {
    let security = input.security;
    let port = u16::try_from(input.port).map_err(|_| MailError::InvalidPort)?;
    let opt = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    let s = SmtpSettings {
        host: input.host.trim().to_string(),
        port,
        security,
        username: input.username.trim().to_string(),
        from_name: input.from_name.trim().to_string(),
        from_address: input.from_address.trim().to_string(),
        reply_to: opt(&input.reply_to),
        bcc_self: input.bcc_self,
        trusted_certificate: opt(&input.trusted_certificate),
        timeout_secs: input.timeout_secs.unwrap_or(30).clamp(1, 300) as u64,
    };
    s.validate()?;
    Ok(s)
}

/// Saves the settings. A new password goes to the keychain first: if the
/// keychain refuses, nothing is saved and the user is told why; the
/// password is never kept anywhere else.
pub async fn save(ctx: Ctx<'_>, input: &SmtpSettingsInput) -> ApiResult<SmtpSettingsView> {
    let s = parse(input)?;
    if let Some(pw) = input.password.as_ref().filter(|p| !p.is_empty()) {
        if s.username.is_empty() {
            return Err(ApiError::new(
                ErrorCode::Required,
                "Enter the user name that goes with this password.",
                Some("username"),
            ));
        }
        if pw.expose().chars().any(|c| c == '\r' || c == '\n' || c == '\0') {
            return Err(ApiError::new(
                ErrorCode::ControlCharacters,
                "The password must not contain line breaks.",
                Some("password"),
            ));
        }
        let (account, pw) = (s.account(), pw.clone());
        tokio::task::spawn_blocking(move || secrets::set_password(&account, &pw))
            .await?
            .inspect_err(|e| tracing::warn!(code = %e.code(), "the keychain refused the password"))?;
    } else if let Some(old) = load(ctx).await?.filter(|o| o.account() != s.account() && !s.username.is_empty()) {
        // The user name or server changed but no new password was typed:
        // carry the saved one over, inside the keychain.
        let (from, to) = (old.account(), s.account());
        tokio::task::spawn_blocking(move || -> Result<(), SecretError> {
            if !secrets::has_password(&to)? {
                if let Ok(pw) = secrets::get_password(&from) {
                    secrets::set_password(&to, &pw)?;
                }
            }
            Ok(())
        })
        .await??;
    }
    let json = serde_json::to_string(&s).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string(), None))?;
    ctx.store.save_setting_json(SMTP_KEY, &json).await?;
    tracing::info!(
        host = %s.host,
        port = s.port,
        security = s.security.as_str(),
        new_password = input.password.as_ref().is_some_and(|p| !p.is_empty()),
        "e-mail settings saved"
    );
    get(ctx).await
}

/// Removes the password from the keychain (the settings stay).
pub async fn forget_password(ctx: Ctx<'_>) -> ApiResult<SmtpSettingsView> {
    if let Some(s) = load(ctx).await? {
        let account = s.account();
        tokio::task::spawn_blocking(move || secrets::delete_password(&account)).await??;
    }
    get(ctx).await
}

/// Sends a short test message (to `to`, else to the From address), step by
/// step, so that the error says which step failed: the settings, the
/// keychain, finding the server (DNS), connecting, the certificate, the
/// login, the sender or the recipient.
pub async fn send_test(ctx: Ctx<'_>, to: Option<&str>) -> ApiResult<TestEmailResult> {
    let result = test_steps(ctx, to).await;
    match &result {
        Ok(_) => tracing::info!("test e-mail accepted by the server"),
        // The code only: the message may quote the recipient's address.
        Err(e) => tracing::warn!(code = %e.code, field = ?e.field, "test e-mail failed"),
    }
    result
}

async fn test_steps(ctx: Ctx<'_>, to: Option<&str>) -> ApiResult<TestEmailResult> {
    let (s, password) = account(ctx).await?;
    let to = to.map(str::trim).filter(|t| !t.is_empty()).unwrap_or(&s.from_address).to_string();
    kindly_mail::settings::address(&to, "to")?;
    if tokio::net::lookup_host((s.host.as_str(), s.port)).await.is_err() {
        return Err(MailError::Dns { host: s.host.clone() }.into());
    }
    let mailer = Mailer::new(&s, password.as_ref())?;
    mailer.check().await?;
    let c = compose(&Outgoing {
        message_id: new_message_id(&s.from_address),
        date: ctx.now,
        from_name: s.from_name.clone(),
        from_address: s.from_address.clone(),
        reply_to: s.reply_to.clone(),
        to: vec![(String::new(), to.clone())],
        bcc: Vec::new(),
        subject: "Kindly test e-mail".into(),
        text: "This is a test from Kindly: your e-mail settings work.\n\nNo reply is needed.".into(),
        attachments: Vec::new(),
    })?;
    let accepted = mailer.send(&c).await?;
    Ok(TestEmailResult { to, server_reply: accepted.reply })
}

/// The live outbox message (state, id) for something that is not a ladder stage.
pub(crate) async fn email_state(ctx: Ctx<'_>, purpose: EmailPurpose) -> ApiResult<(Option<OutboxState>, Option<i64>)> {
    let Some(key) = purpose.stage_key() else { return Ok((None, None)) };
    Ok(match ctx.store.outbox_for_key(&key).await? {
        Some((id, state)) => (Some(state), Some(id)),
        None => (None, None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (#18): the keychain's problem reached the window as an
    /// English sentence; it crosses as an error code the UI words.
    #[test]
    fn a_keychain_problem_crosses_as_its_code() {
        let v = view(None, Err(SecretError::Locked));
        assert!(!v.password_saved);
        assert_eq!(v.keychain_problem.as_ref().map(|e| e.code), Some(ErrorCode::KeychainLocked));
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json["keychain_problem"]["code"], "keychain_locked", "{json}");
        assert!(view(None, Ok(true)).keychain_problem.is_none());
    }
}

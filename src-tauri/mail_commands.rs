//! Tauri commands for e-mail: the SMTP account, the test e-mail, queueing
//! and sending reminders, and the outbox. One call each into `kindly_api`
//! (sending goes through `Sender` for progress events and cancel).

use crate::sender::Sender;
use crate::state::AppState;
use kindly_api::mail::{self, SmtpSettingsInput, SmtpSettingsView, TestEmailResult};
use kindly_api::outbox::{
    self, BackgroundSendProblem, OutboxActionRequest, OutboxItem, OutboxRequest, OutboxSummary, QueueEmailsRequest,
    QueueEmailsResult, SendReport,
};
use kindly_api::views::Page;
use kindly_api::ApiError;
use tauri::State;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn get_smtp_settings(s: State<'_, AppState>) -> Res<SmtpSettingsView> {
    mail::get(s.ctx()?).await
}

#[tauri::command]
pub async fn save_smtp_settings(s: State<'_, AppState>, input: SmtpSettingsInput) -> Res<SmtpSettingsView> {
    mail::save(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn forget_smtp_password(s: State<'_, AppState>) -> Res<SmtpSettingsView> {
    mail::forget_password(s.ctx()?).await
}

#[tauri::command]
pub async fn send_test_email(s: State<'_, AppState>, to: Option<String>) -> Res<TestEmailResult> {
    mail::send_test(s.ctx()?, to.as_deref()).await
}

#[tauri::command]
pub async fn queue_emails(s: State<'_, AppState>, req: QueueEmailsRequest) -> Res<QueueEmailsResult> {
    outbox::queue_emails(s.ctx()?, s.fonts()?, &req).await
}

/// Queues a plan's proposal e-mail; returns its outbox id (then `send_emails`).
#[tauri::command]
pub async fn queue_plan_proposal(s: State<'_, AppState>, plan_id: i64) -> Res<i64> {
    outbox::queue_plan_proposal(s.ctx()?, s.fonts()?, plan_id).await
}

#[tauri::command]
pub async fn send_emails(
    app: tauri::AppHandle,
    s: State<'_, AppState>,
    sender: State<'_, Sender>,
    ids: Option<Vec<i64>>,
) -> Res<SendReport> {
    let started = std::time::Instant::now();
    let report = sender.send(&app, &s, ids).await;
    let ok = matches!(&report, Ok(r) if r.stopped.is_none());
    crate::desktop::batch_finished(&app, started, crate::desktop::Batch::Emails, ok);
    report
}

#[tauri::command]
pub fn cancel_sending(sender: State<'_, Sender>) {
    sender.cancel();
}

/// What stopped the background sender, until dismissed or resolved.
#[tauri::command]
pub fn background_send_problem(sender: State<'_, Sender>) -> Option<BackgroundSendProblem> {
    sender.problem()
}

#[tauri::command]
pub fn dismiss_background_problem(app: tauri::AppHandle, sender: State<'_, Sender>) {
    sender.dismiss_problem(&app);
}

#[tauri::command]
pub async fn list_outbox(s: State<'_, AppState>, req: OutboxRequest) -> Res<Page<OutboxItem>> {
    outbox::list(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn outbox_summary(s: State<'_, AppState>) -> Res<OutboxSummary> {
    outbox::summary(s.ctx()?).await
}

/// How many e-mails "Send all e-mails" will send (the number it names).
#[tauri::command]
pub async fn send_all_preview(s: State<'_, AppState>) -> Res<outbox::SendAllPreview> {
    outbox::send_all_preview(s.ctx()?).await
}

#[tauri::command]
pub async fn outbox_action(s: State<'_, AppState>, req: OutboxActionRequest) -> Res<OutboxItem> {
    outbox::act(s.ctx()?, &req).await
}

//! The app's e-mail sender: one batch at a time per process (the outbox
//! lock in `kindly_api::outbox` guards across processes), progress sent to
//! the window as `outbox-progress` events, a cancel flag, and a background
//! task that resumes the outbox after a restart and retries transient
//! failures when they come due.
//!
//! Nothing the background task meets is dropped: each error is logged, and
//! what the user can act on (a refused password, a locked keychain, a
//! server that cannot be reached, a database error) is kept as the
//! `BackgroundSendProblem` the window shows (`outbox-background-problem`
//! event, `background_send_problem` command) until dismissed or until a
//! later batch goes through.

use crate::state::AppState;
use chrono::Utc;
use kindly_api::outbox::{self, BackgroundSendProblem, SendProgress, SendReport};
use kindly_api::ApiError;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

const PROBLEM_EVENT: &str = "outbox-background-problem";

#[derive(Default)]
pub struct Sender {
    busy: tokio::sync::Mutex<()>,
    cancel: AtomicBool,
    /// The background sender's latest problem, until dismissed or resolved.
    problem: Mutex<Option<BackgroundSendProblem>>,
}

/// Sends an event to the window; a window that is gone is logged, not an error.
fn emit<S: serde::Serialize + Clone>(app: &AppHandle, event: &str, payload: S) {
    if let Err(e) = app.emit(event, payload) {
        tracing::warn!(event, error = %e, "could not notify the window");
    }
}

impl Sender {
    /// Sends what is due (`only`: these outbox ids), waiting for a
    /// background batch in this window to finish first.
    pub async fn send(
        &self,
        app: &AppHandle,
        state: &AppState,
        only: Option<Vec<i64>>,
    ) -> Result<SendReport, ApiError> {
        let _one_at_a_time = self.busy.lock().await;
        self.cancel.store(false, Ordering::SeqCst);
        let ctx = state.ctx()?;
        let emitter = app.clone();
        let mut progress = move |p: &SendProgress| emit(&emitter, "outbox-progress", p);
        let report = outbox::send_queued(ctx, &Utc::now, only.as_deref(), &mut progress, &self.cancel).await;
        emit(app, "outbox-changed", ());
        if matches!(&report, Ok(r) if r.stopped.is_none()) {
            // A batch went through: an earlier background problem is over.
            self.set_problem(app, None);
        }
        report
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// The background sender's current problem, if any.
    pub fn problem(&self) -> Option<BackgroundSendProblem> {
        self.problem.lock().map(|p| p.clone()).unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }

    /// The user read the notice.
    pub fn dismiss_problem(&self, app: &AppHandle) {
        self.set_problem(app, None);
    }

    fn set_problem(&self, app: &AppHandle, problem: Option<BackgroundSendProblem>) {
        let mut slot = self.problem.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if slot.is_none() && problem.is_none() {
            return;
        }
        *slot = problem.clone();
        drop(slot);
        emit(app, PROBLEM_EVENT, problem);
    }

    /// Logs a background error and shows it in the window.
    fn report_problem(&self, app: &AppHandle, error: ApiError, retry: Duration) {
        tracing::warn!(code = %error.code, retry_in_secs = retry.as_secs(), "background sending: {}", error.message);
        let problem = BackgroundSendProblem {
            error,
            at: Utc::now().to_rfc3339(),
            retry_in_minutes: i64::try_from(retry.as_secs().div_ceil(60)).unwrap_or(i64::MAX),
        };
        self.set_problem(app, Some(problem));
    }
}

/// Every minute (first a few seconds after start): if messages are due,
/// send them. After a refusal (e.g. a wrong password) it waits longer, up to
/// half an hour, so a locked account is not hammered.
pub fn spawn_background(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut wait = Duration::from_secs(3);
        // The store's own error is shown by every command; log it once.
        let mut store_error_logged = false;
        loop {
            tokio::time::sleep(wait).await;
            wait = Duration::from_secs(60);
            let state = app.state::<AppState>();
            let sender = app.state::<Sender>();
            let ctx = match state.ctx() {
                Ok(ctx) => ctx,
                Err(e) => {
                    if !store_error_logged {
                        tracing::warn!(code = %e.code, "background sending is off: {}", e.message);
                        store_error_logged = true;
                    }
                    continue;
                }
            };
            // A new day's overview table moves here, not on the day's first look.
            if let Err(e) = kindly_api::overview::prepare_day(ctx).await {
                tracing::warn!(code = %e.code, "the overview's day could not be prepared: {}", e.message);
            }
            let due = match ctx.store.next_email_due().await {
                Ok(Some(at)) => at <= Utc::now(),
                Ok(None) => false,
                Err(e) => {
                    sender.report_problem(&app, e.into(), wait);
                    continue;
                }
            };
            let interrupted = match ctx.store.outbox_counts().await {
                Ok(c) => c.sending > 0,
                Err(e) => {
                    sender.report_problem(&app, e.into(), wait);
                    continue;
                }
            };
            if !due && !interrupted {
                continue;
            }
            match sender.send(&app, &state, None).await {
                Ok(report) => {
                    if let Some(stopped) = report.stopped {
                        wait = Duration::from_secs(30 * 60);
                        sender.report_problem(&app, stopped, wait);
                    }
                }
                // Another Kindly window holds the outbox lock and sends there.
                Err(e) if is_busy(&e) => tracing::info!("background sending: another Kindly window is sending"),
                Err(e) => sender.report_problem(&app, e, wait),
            }
        }
    });
}

/// `outbox_busy`, read from the serialized code so that it holds whatever
/// Rust type `ApiError.code` has.
fn is_busy(e: &ApiError) -> bool {
    serde_json::to_value(e).is_ok_and(|v| v["code"] == "outbox_busy")
}

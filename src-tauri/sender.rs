//! The app's e-mail sender: one batch at a time per process (the outbox
//! lock in `kindly_api::outbox` guards across processes), progress sent to
//! the window as `outbox-progress` events, a cancel flag, and a background
//! task that resumes the outbox after a restart and retries transient
//! failures when they come due.

use crate::state::AppState;
use chrono::Utc;
use kindly_api::outbox::{self, SendProgress, SendReport};
use kindly_api::ApiError;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

#[derive(Default)]
pub struct Sender {
    busy: tokio::sync::Mutex<()>,
    cancel: AtomicBool,
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
        let mut progress = move |p: &SendProgress| {
            let _ = emitter.emit("outbox-progress", p);
        };
        let report = outbox::send_queued(ctx, &Utc::now, only.as_deref(), &mut progress, &self.cancel).await;
        let _ = app.emit("outbox-changed", ());
        report
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

/// Every minute (first a few seconds after start): if messages are due,
/// send them. After a refusal (e.g. a wrong password) it waits longer, up to
/// half an hour, so a locked account is not hammered.
pub fn spawn_background(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut wait = Duration::from_secs(3);
        loop {
            tokio::time::sleep(wait).await;
            wait = Duration::from_secs(60);
            let state = app.state::<AppState>();
            let sender = app.state::<Sender>();
            let Ok(ctx) = state.ctx() else { continue };
            let due = match ctx.store.next_email_due().await {
                Ok(Some(at)) => at <= Utc::now(),
                _ => false,
            };
            let interrupted = ctx.store.outbox_counts().await.map(|c| c.sending > 0).unwrap_or(false);
            if !due && !interrupted {
                continue;
            }
            if let Ok(report) = sender.send(&app, &state, None).await {
                if report.stopped.is_some() {
                    wait = Duration::from_secs(30 * 60);
                }
            }
        }
    });
}

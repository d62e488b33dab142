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
///
/// A team database that is away (`store_server_away`) pauses sending: it is
/// logged once, the window is told (`database-away`), and the task asks
/// again after 1, 2, 4, … up to 10 minutes, never spinning; nothing is
/// sent until the server answers again (the claim itself needs it).
pub fn spawn_background(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut wait = Duration::from_secs(3);
        // The store's own error is shown by every command; log it once.
        let mut store_error_logged = false;
        let mut away = Away::default();
        // What is logged once per kind (a use case not on PostgreSQL yet).
        let mut logged_codes: Vec<String> = Vec::new();
        // The first screen is the overview: a new day's per-client window
        // moves now, while the window loads, not on the overview's first read.
        if let Ok(ctx) = app.state::<AppState>().ctx() {
            if let Err(e) = kindly_api::overview::prepare_day(ctx).await {
                tracing::debug!(code = %e.code, "the overview's day was not prepared at start: {}", e.message);
            }
        }
        loop {
            tokio::time::sleep(wait).await;
            wait = next_tick(chrono::Local::now().naive_local());
            let state = app.state::<AppState>();
            let sender = app.state::<Sender>();
            let ctx = match state.ctx() {
                Ok(ctx) => ctx,
                Err(e) if is_away(&e) => {
                    // Away since start: try to open it again, quietly.
                    wait = away.seen(&app, &e);
                    if state.reconnect().await.is_ok() {
                        away.back(&app);
                        wait = Duration::from_secs(3);
                    }
                    continue;
                }
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
                if is_away(&e) {
                    wait = away.seen(&app, &e);
                    continue;
                }
                if is_not_ported(&e) {
                    log_once(&mut logged_codes, &e, "the overview's day could not be prepared");
                } else {
                    tracing::warn!(code = %e.code, "the overview's day could not be prepared: {}", e.message);
                }
            }
            let due = match ctx.store.next_email_due().await {
                Ok(Some(at)) => at <= Utc::now(),
                Ok(None) => false,
                Err(e) => {
                    let e: ApiError = e.into();
                    if is_away(&e) {
                        wait = away.seen(&app, &e);
                    } else if is_not_ported(&e) {
                        // The outbox is not on PostgreSQL yet: nothing to send here.
                        log_once(&mut logged_codes, &e, "background sending is off");
                        wait = Duration::from_secs(30 * 60);
                    } else {
                        sender.report_problem(&app, e, wait);
                    }
                    continue;
                }
            };
            away.back(&app);
            let interrupted = match ctx.store.outbox_counts().await {
                Ok(c) => c.sending > 0,
                Err(e) => {
                    let e: ApiError = e.into();
                    if is_away(&e) {
                        wait = away.seen(&app, &e);
                    } else {
                        sender.report_problem(&app, e, wait);
                    }
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
                Err(e) if is_away(&e) => wait = away.seen(&app, &e),
                Err(e) => sender.report_problem(&app, e, wait),
            }
        }
    });
}

/// The team database being away, as the background task sees it: logged
/// once when it goes and once when it is back, with a growing wait.
#[derive(Default)]
struct Away {
    /// How many checks in a row found it away.
    times: u32,
}

impl Away {
    /// It is away: the wait before the next check (1, 2, 4, 8, then 10 minutes).
    fn seen(&mut self, app: &AppHandle, e: &ApiError) -> Duration {
        if self.times == 0 {
            tracing::warn!(code = %e.code, "background sending is paused: {}", e.message);
            emit(app, AWAY_EVENT, true);
        }
        self.times = self.times.saturating_add(1);
        away_wait(self.times)
    }

    /// It answered.
    fn back(&mut self, app: &AppHandle) {
        if self.times > 0 {
            tracing::info!(checks = self.times, "the team database is back; background sending resumes");
            emit(app, AWAY_EVENT, false);
        }
        self.times = 0;
    }
}

const AWAY_EVENT: &str = "database-away";

/// The wait until the next tick: a minute, or less when the day changes
/// sooner, so a new day's overview window moves a second after midnight
/// rather than on the day's first look at the overview.
fn next_tick(now: chrono::NaiveDateTime) -> Duration {
    let minute = Duration::from_secs(60);
    let midnight = now.date().succ_opt().and_then(|d| d.and_hms_opt(0, 0, 1));
    match midnight.and_then(|m| (m - now).to_std().ok()) {
        Some(d) if d < minute => d,
        _ => minute,
    }
}

/// The wait after the `times`-th check in a row found the server away.
fn away_wait(times: u32) -> Duration {
    let minutes = 1u64 << times.saturating_sub(1).min(4);
    Duration::from_secs(minutes.min(10) * 60)
}

fn log_once(logged: &mut Vec<String>, e: &ApiError, what: &str) {
    let code = e.code.to_string();
    if !logged.contains(&code) {
        tracing::warn!(code = %e.code, "{what}: {}", e.message);
        logged.push(code);
    }
}

fn is_away(e: &ApiError) -> bool {
    e.code == kindly_api::ErrorCode::StoreServerAway
}

fn is_not_ported(e: &ApiError) -> bool {
    e.code == kindly_api::ErrorCode::StoreNotOnPostgresYet
}

/// `outbox_busy`, read from the serialized code so that it holds whatever
/// Rust type `ApiError.code` has.
fn is_busy(e: &ApiError) -> bool {
    serde_json::to_value(e).is_ok_and(|v| v["code"] == "outbox_busy")
}

#[cfg(test)]
mod tests {
    use super::{away_wait, next_tick};

    #[test]
    fn the_tick_comes_a_second_after_midnight_when_the_day_ends_within_the_minute() {
        let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap();
        assert_eq!(next_tick(at("2026-12-02 12:00:00.0")), Duration::from_secs(60));
        assert_eq!(next_tick(at("2026-12-02 23:58:59.0")), Duration::from_secs(60));
        assert_eq!(next_tick(at("2026-12-02 23:59:30.0")), Duration::from_secs(31));
        assert_eq!(next_tick(at("2026-12-31 23:59:59.5")), Duration::from_millis(1500));
    }
    use std::time::Duration;

    /// While the team database is away the sender asks again after 1, 2, 4,
    /// 8, then every 10 minutes: it backs off, it never spins.
    #[test]
    fn the_wait_while_the_server_is_away_grows_to_ten_minutes() {
        let minutes: Vec<u64> = (1..=7).map(|n| away_wait(n).as_secs() / 60).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 10, 10, 10]);
        assert_eq!(away_wait(u32::MAX), Duration::from_secs(600));
    }
}

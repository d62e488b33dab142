//! Backup commands (one call into `kindly_api::backup` each), the hourly
//! automatic backup, and the restart that completes a restore.
//!
//! A restore in the app is staged by `kindly_api::backup::restore_for_app`
//! (checked, extracted beside the data folder, the data in use backed up,
//! the swap journalled); the app then restarts and `lib::run` completes the
//! swap before anything opens the data folder, so no handle of this process
//! (the store, the outbox lock, the log file) ever sees the folder change.

use crate::state::AppState;
use kindly_api::backup::{
    self, BackupNowRequest, BackupResult, BackupSettingsInput, BackupSettingsView, RestoreRequest, RestoreResult,
};
use kindly_api::ApiError;
use std::path::Path;
use std::time::Duration;
use tauri::{AppHandle, Manager, State};

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn backup_settings(s: State<'_, AppState>) -> Res<BackupSettingsView> {
    backup::get_settings(s.ctx()?).await
}

#[tauri::command]
pub async fn save_backup_settings(s: State<'_, AppState>, input: BackupSettingsInput) -> Res<BackupSettingsView> {
    backup::save_settings(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn backup_now(app: AppHandle, s: State<'_, AppState>, req: BackupNowRequest) -> Res<BackupResult> {
    let started = std::time::Instant::now();
    let r = backup::backup_now(s.ctx()?, &req).await;
    crate::desktop::batch_finished(&app, started, crate::desktop::Batch::Backup, r.is_ok());
    r
}

/// Stages the restore, then restarts the app shortly after answering (so
/// the window can say what happens) to work on the restored data.
#[tauri::command]
pub async fn restore_backup(app: AppHandle, s: State<'_, AppState>, req: RestoreRequest) -> Res<RestoreResult> {
    let r = backup::restore_for_app(s.ctx()?, Path::new(&req.file)).await?;
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        tracing::info!("restarting to use the restored data");
        app.restart();
    });
    Ok(r)
}

/// Runs the automatic backup a minute after start and then every hour;
/// `run_if_due` decides (once a day, catching up after the laptop was off)
/// and keeps a failure for Settings to show.
pub fn spawn_auto_backup(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut wait = Duration::from_secs(60);
        loop {
            tokio::time::sleep(wait).await;
            wait = Duration::from_secs(3600);
            let state = app.state::<AppState>();
            let Ok(ctx) = state.ctx() else { continue };
            match backup::run_if_due(ctx).await {
                Ok(Some(r)) => tracing::info!(path = %r.path, "automatic backup done"),
                Ok(None) => {}
                // Logged and kept by `run_if_due`; tried again in an hour.
                Err(e) => tracing::debug!(code = %e.code, "automatic backup not done"),
            }
        }
    });
}

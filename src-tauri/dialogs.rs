//! The system's own file dialogs (rfd: GTK, NSOpenPanel/NSSavePanel, the
//! Windows common dialogs), opened on the main thread and awaited here, so
//! the front end gets a path and files never cross IPC as bytes. What each
//! dialog says and filters is `kindly_api::dialogs::spec`.
//!
//! End-to-end tests cannot click in a native dialog: `KINDLY_PICK_FILE`,
//! `KINDLY_SAVE_FILE` (a file, or a folder the suggested name goes into) and
//! `KINDLY_PICK_FOLDER` answer instead when set.

use kindly_api::dialogs::{spec, suggested_name, FileKind};
use kindly_api::{ApiError, ErrorCode};
use std::future::Future;
use std::path::PathBuf;

type Res<T> = Result<T, ApiError>;

fn failed(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::FileDialog, format!("The file dialog could not be opened: {e}"), None)
}

fn answer(var: &str) -> Option<PathBuf> {
    std::env::var_os(var).filter(|p| !p.is_empty()).map(PathBuf::from)
}

/// Builds the dialog on the main thread (GTK's rule), then waits for the
/// user's answer off it.
async fn ask<F, Fut>(app: &tauri::AppHandle, open: F) -> Res<Option<String>>
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = Option<rfd::FileHandle>> + Send + 'static,
{
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.run_on_main_thread(move || {
        let picked = open();
        std::thread::spawn(move || {
            let path = tauri::async_runtime::block_on(picked).map(|f| f.path().display().to_string());
            if tx.send(path).is_err() {
                tracing::warn!("the file dialog answered after its request was dropped");
            }
        });
    })
    .map_err(failed)?;
    rx.await.map_err(failed)
}

/// "Open" for one file of `kind`; `None` when cancelled.
#[tauri::command]
pub async fn pick_open_file(app: tauri::AppHandle, kind: FileKind) -> Res<Option<String>> {
    if let Some(p) = answer("KINDLY_PICK_FILE") {
        return Ok(Some(p.display().to_string()));
    }
    let s = spec(kind);
    ask(&app, move || {
        rfd::AsyncFileDialog::new().set_title(s.open_title).add_filter(s.filter_name, s.extensions).pick_file()
    })
    .await
}

/// "Save as" for a file of `kind`, proposing `name`; `None` when cancelled.
#[tauri::command]
pub async fn pick_save_file(app: tauri::AppHandle, kind: FileKind, name: String) -> Res<Option<String>> {
    let name = suggested_name(kind, &name);
    if let Some(p) = answer("KINDLY_SAVE_FILE") {
        let p = if p.is_dir() { p.join(&name) } else { p };
        return Ok(Some(p.display().to_string()));
    }
    let s = spec(kind);
    ask(&app, move || {
        rfd::AsyncFileDialog::new()
            .set_title(s.save_title)
            .add_filter(s.filter_name, s.extensions)
            .set_file_name(name)
            .save_file()
    })
    .await
}

/// "Choose a folder" (for backups, a restore target); `None` when cancelled.
#[tauri::command]
pub async fn pick_folder(app: tauri::AppHandle, title: String) -> Res<Option<String>> {
    if let Some(p) = answer("KINDLY_PICK_FOLDER") {
        return Ok(Some(p.display().to_string()));
    }
    ask(&app, move || rfd::AsyncFileDialog::new().set_title(title).pick_folder()).await
}

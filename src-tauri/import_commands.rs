//! CSV import and export commands (paths come from the system's file
//! dialogs or a drop on the window). One call into `kindly_api::import` or
//! `kindly_api::export` each.

use crate::desktop::{batch_finished, Batch};
use crate::state::AppState;
use kindly_api::export::{self, ExportRequest, ExportResult};
use kindly_api::import::{self, ImportDetectRequest, ImportProposal, ImportReport, ImportRequest};
use kindly_api::ApiError;
use std::time::Instant;
use tauri::{AppHandle, State};

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn import_detect(s: State<'_, AppState>, req: ImportDetectRequest) -> Res<ImportProposal> {
    import::detect(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn import_dry_run(s: State<'_, AppState>, req: ImportRequest) -> Res<ImportReport> {
    import::dry_run(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn import_apply(app: AppHandle, s: State<'_, AppState>, req: ImportRequest) -> Res<ImportReport> {
    let started = Instant::now();
    let r = import::apply(s.ctx()?, &req).await;
    batch_finished(&app, started, Batch::CsvImport, r.is_ok());
    r
}

#[tauri::command]
pub async fn export_csv(s: State<'_, AppState>, req: ExportRequest) -> Res<ExportResult> {
    export::export(s.ctx()?, &req).await
}

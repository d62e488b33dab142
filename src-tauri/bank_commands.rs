//! Bank statement commands: import (from a path the user picked in the
//! system's file dialog or dropped on the window), review, status. One call
//! into `kindly_api::bank` each.

use crate::desktop::{batch_finished, Batch};
use crate::state::AppState;
use kindly_api::bank::{
    self, BankEntryView, BankImportRequest, BankImportResult, BankResolveRequest, BankReviewRequest, BankStatusView,
    CsvMappingView,
};
use kindly_api::views::Page;
use kindly_api::ApiError;
use std::time::Instant;
use tauri::{AppHandle, State};

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn bank_import(app: AppHandle, s: State<'_, AppState>, req: BankImportRequest) -> Res<BankImportResult> {
    let started = Instant::now();
    let r = bank::import_statement(s.ctx()?, &req).await;
    batch_finished(&app, started, Batch::BankImport, r.is_ok());
    r
}

#[tauri::command]
pub async fn bank_review(s: State<'_, AppState>, req: BankReviewRequest) -> Res<Page<BankEntryView>> {
    bank::to_review(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn bank_resolve(s: State<'_, AppState>, req: BankResolveRequest) -> Res<BankEntryView> {
    bank::resolve(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn bank_status(s: State<'_, AppState>) -> Res<BankStatusView> {
    bank::status(s.ctx()?).await
}

#[tauri::command]
pub async fn bank_csv_mapping(s: State<'_, AppState>, path: String) -> Res<CsvMappingView> {
    bank::csv_mapping(s.ctx()?, &path).await
}

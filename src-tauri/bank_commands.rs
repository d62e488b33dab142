//! Bank statement commands: import (from a path the user picked in the
//! system's file dialog or dropped on the window), review, status. One call
//! into `kindly_api::bank` each.

use crate::state::AppState;
use kindly_api::bank::{
    self, BankEntryView, BankImportRequest, BankImportResult, BankResolveRequest, BankReviewRequest, BankStatusView,
    CsvMappingView,
};
use kindly_api::views::Page;
use kindly_api::ApiError;
use kindly_api::ErrorCode;
use tauri::State;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn bank_import(s: State<'_, AppState>, req: BankImportRequest) -> Res<BankImportResult> {
    bank::import_statement(s.ctx()?, &req).await
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

/// The system's file dialog for a bank statement; `None` when cancelled.
/// `KINDLY_PICK_FILE` answers instead of the dialog (the end-to-end tests
/// cannot click in a native dialog). The dialog is opened on the main
/// thread (GTK's rule) and awaited here.
#[tauri::command]
pub async fn pick_statement_file(app: tauri::AppHandle) -> Res<Option<String>> {
    if let Some(p) = std::env::var_os("KINDLY_PICK_FILE").filter(|p| !p.is_empty()) {
        return Ok(Some(p.to_string_lossy().into_owned()));
    }
    let failed =
        |e: String| ApiError::new(ErrorCode::FileDialog, format!("The file dialog could not be opened: {e}"), None);
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.run_on_main_thread(move || {
        let picked = rfd::AsyncFileDialog::new()
            .set_title("Import a bank statement")
            .add_filter("Bank statements", &["xml", "zip", "sta", "mt940", "txt", "ofx", "qfx", "csv"])
            .pick_file();
        std::thread::spawn(move || {
            let path = tauri::async_runtime::block_on(picked).map(|f| f.path().display().to_string());
            if tx.send(path).is_err() {
                tracing::warn!("the file dialog answered after its request was dropped");
            }
        });
    })
    .map_err(|e| failed(e.to_string()))?;
    rx.await.map_err(|e| failed(e.to_string()))
}

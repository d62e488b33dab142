//! E-invoice import and the JSON archive export: paths the user picked in
//! the system's file dialogs or dropped on the window. One call each.

use crate::state::AppState;
use kindly_api::archive::{self, ArchiveRequest, ArchiveResult};
use kindly_api::einvoice_import::{self, EInvoiceImportReport, EInvoiceImportRequest};
use kindly_api::ApiError;
use tauri::State;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn einvoice_import(s: State<'_, AppState>, req: EInvoiceImportRequest) -> Res<EInvoiceImportReport> {
    einvoice_import::import_files(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn archive_export(s: State<'_, AppState>, req: ArchiveRequest) -> Res<ArchiveResult> {
    archive::export(s.ctx()?, &req).await
}

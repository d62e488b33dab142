//! The statement of account of one client: make the PDF, queue it by
//! e-mail, print it, and record a print the PDF viewer could only show.
//! One call each.

use crate::state::AppState;
use kindly_api::statement::{self, StatementEmail, StatementPdf, StatementPrintedRequest, StatementRequest};
use kindly_api::ApiError;
use tauri::State;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn statement_pdf(s: State<'_, AppState>, req: StatementRequest) -> Res<StatementPdf> {
    statement::statement_pdf(s.ctx()?, s.fonts()?, &req).await
}

#[tauri::command]
pub async fn email_statement(s: State<'_, AppState>, req: StatementRequest) -> Res<StatementEmail> {
    statement::email_statement(s.ctx()?, s.fonts()?, &req).await
}

#[tauri::command]
pub async fn print_statement(s: State<'_, AppState>, req: StatementRequest) -> Res<StatementPdf> {
    statement::print_statement(s.ctx()?, s.fonts()?, &s.printer, &req).await
}

#[tauri::command]
pub async fn confirm_statement_printed(s: State<'_, AppState>, req: StatementPrintedRequest) -> Res<i64> {
    statement::confirm_statement_printed(s.ctx()?, &req).await
}

//! Corrections on an invoice: issue a credit note, reverse a payment,
//! refund the client's credit, read an invoice's credit notes, a credit
//! note's PDF. One call each.

use crate::state::AppState;
use kindly_api::corrections::{
    self, CorrectionOutcome, CreditNoteInput, CreditNotePdfRequest, CreditNoteView, RefundInput, ReversalInput,
};
use kindly_api::documents::PdfResult;
use kindly_api::ApiError;
use tauri::State;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn issue_credit_note(s: State<'_, AppState>, input: CreditNoteInput) -> Res<CorrectionOutcome> {
    corrections::credit(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn reverse_payment(s: State<'_, AppState>, input: ReversalInput) -> Res<CorrectionOutcome> {
    corrections::reverse(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn refund_credit(s: State<'_, AppState>, input: RefundInput) -> Res<CorrectionOutcome> {
    corrections::refund(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn credit_notes(s: State<'_, AppState>, invoice_id: i64) -> Res<Vec<CreditNoteView>> {
    corrections::credit_notes(s.ctx()?, invoice_id).await
}

#[tauri::command]
pub async fn credit_note_pdf(s: State<'_, AppState>, req: CreditNotePdfRequest) -> Res<PdfResult> {
    corrections::credit_note_pdf(s.ctx()?, s.fonts()?, &req).await
}

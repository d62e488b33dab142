//! E-invoices Kindly writes: a client's format and identifiers, your own,
//! what an invoice's e-invoice still needs, and writing it to a file.
//! One call each.

use crate::state::AppState;
use kindly_api::einvoice::{
    self, ClientEInvoiceInput, ClientEInvoiceView, CreditNoteEInvoiceRequest, EInvoiceExportRequest, EInvoiceFile,
    EInvoiceFormat, EInvoicePreflight, SellerEInvoiceInput,
};
use kindly_api::ApiError;
use tauri::State;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn client_einvoice(s: State<'_, AppState>, client_id: i64) -> Res<ClientEInvoiceView> {
    einvoice::client_einvoice(s.ctx()?, client_id).await
}

#[tauri::command]
pub async fn save_client_einvoice(s: State<'_, AppState>, input: ClientEInvoiceInput) -> Res<ClientEInvoiceView> {
    einvoice::save_client_einvoice(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn seller_einvoice(s: State<'_, AppState>) -> Res<SellerEInvoiceInput> {
    einvoice::seller_einvoice(s.ctx()?).await
}

#[tauri::command]
pub async fn save_seller_einvoice(s: State<'_, AppState>, input: SellerEInvoiceInput) -> Res<SellerEInvoiceInput> {
    einvoice::save_seller_einvoice(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn einvoice_preflight(
    s: State<'_, AppState>,
    invoice_id: i64,
    format: Option<EInvoiceFormat>,
) -> Res<EInvoicePreflight> {
    einvoice::preflight(s.ctx()?, invoice_id, format).await
}

#[tauri::command]
pub async fn export_einvoice(s: State<'_, AppState>, req: EInvoiceExportRequest) -> Res<EInvoiceFile> {
    einvoice::export(s.ctx()?, s.fonts()?, &req).await
}

#[tauri::command]
pub async fn export_credit_note_einvoice(s: State<'_, AppState>, req: CreditNoteEInvoiceRequest) -> Res<EInvoiceFile> {
    einvoice::export_credit_note(s.ctx()?, s.fonts()?, &req).await
}

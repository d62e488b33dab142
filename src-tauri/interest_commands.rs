//! Statutory late-payment interest: a client's setting (read, save) and the
//! working on one invoice. One call each.

use crate::state::AppState;
use kindly_api::interest::{self, InterestSettings, InterestSettingsView, InterestWorkingView};
use kindly_api::ApiError;
use tauri::State;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn client_interest(s: State<'_, AppState>, client_id: i64) -> Res<InterestSettingsView> {
    interest::client_interest(s.ctx()?, client_id).await
}

#[tauri::command]
pub async fn set_client_interest(s: State<'_, AppState>, input: InterestSettings) -> Res<InterestSettingsView> {
    interest::set_client_interest(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn invoice_interest(s: State<'_, AppState>, invoice_id: i64, on: Option<String>) -> Res<InterestWorkingView> {
    interest::invoice_interest(s.ctx()?, invoice_id, on.as_deref()).await
}

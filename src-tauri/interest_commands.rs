//! Statutory late-payment interest: a client's setting (read, save) and the
//! working on one invoice, and the reference rates the user entered past
//! the compiled table (list, add, remove). One call each.

use crate::state::AppState;
use kindly_api::interest::{
    self, AddRateInput, InterestRatesView, InterestSettings, InterestSettingsView, InterestWorkingView, RemoveRateInput,
};
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

#[tauri::command]
pub async fn list_interest_rates(s: State<'_, AppState>) -> Res<InterestRatesView> {
    interest::list_rates(s.ctx()?).await
}

#[tauri::command]
pub async fn add_interest_rate(s: State<'_, AppState>, input: AddRateInput) -> Res<InterestRatesView> {
    interest::add_rate(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn remove_interest_rate(s: State<'_, AppState>, input: RemoveRateInput) -> Res<InterestRatesView> {
    interest::remove_rate(s.ctx()?, &input).await
}

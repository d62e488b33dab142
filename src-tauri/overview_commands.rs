//! The overview (the first screen's figures) and its reports saved where
//! the user chose in the save dialog. One call each.

use crate::state::AppState;
use kindly_api::overview::reports::{self, SaveReportRequest, SaveReportResult};
use kindly_api::overview::{self, OverviewRequest, OverviewView};
use kindly_api::ApiError;
use tauri::State;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn overview(s: State<'_, AppState>, req: OverviewRequest) -> Res<OverviewView> {
    overview::overview(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn save_report(s: State<'_, AppState>, req: SaveReportRequest) -> Res<SaveReportResult> {
    reports::save(s.ctx()?, Some(s.fonts()?), &req).await
}

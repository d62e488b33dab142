//! Tauri commands for the team database (issue #19): what is in use,
//! connecting and disconnecting the data folder (used after a restart), and
//! the banner's Retry; the member's name (Settings → Your name). One call
//! each into `kindly_api::database` / `kindly_api::member` / the state.

use crate::state::AppState;
use kindly_api::database::{self, DatabaseStatus, TeamConnectInput};
use kindly_api::member::{self, MemberSettings};
use kindly_api::moving::MoveView;
use kindly_api::ApiError;
use tauri::State;

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn database_status(s: State<'_, AppState>) -> Res<DatabaseStatus> {
    s.database_status()
}

/// Tests the connection, keeps the password in the keychain and writes the
/// data folder's settings; Kindly uses the team database after a restart.
#[tauri::command]
pub async fn connect_team_database(s: State<'_, AppState>, input: TeamConnectInput) -> Res<DatabaseStatus> {
    database::connect(s.data_dir()?, input).await.and_then(|_| s.database_status())
}

/// Settings → Your name: the name next to this person's changes (issue #19).
#[tauri::command]
pub async fn member_settings(s: State<'_, AppState>) -> Res<MemberSettings> {
    member::read(s.data_dir()?)
}

/// Saves the name; the open store records it from the next change on.
#[tauri::command]
pub async fn save_member_settings(s: State<'_, AppState>, input: MemberSettings) -> Res<MemberSettings> {
    member::save_settings(s.data_dir()?, s.open_store(), &input)
}

/// Back to this computer's data file after a restart (left as it was).
#[tauri::command]
pub async fn disconnect_team_database(s: State<'_, AppState>) -> Res<DatabaseStatus> {
    database::disconnect(s.data_dir()?).await.and_then(|_| s.database_status())
}

/// The banner's Retry: opens the database if it was away at start.
#[tauri::command]
pub async fn retry_database(s: State<'_, AppState>) -> Res<()> {
    s.reconnect().await
}

/// Moves this data folder into the empty team database the form names, then
/// connects to it (after a restart), as `kindly migrate` and `team connect`.
#[tauri::command]
pub async fn move_into_team_database(s: State<'_, AppState>, input: TeamConnectInput) -> Res<MoveView> {
    kindly_api::moving::move_in(s.ctx()?, input).await
}

//! Backups: one archive (`kindly-backup-<UTC time>.zip`) holding a
//! consistent snapshot of the database, every stored file (letters,
//! invoices, e-mails, scans, dossiers) and a manifest with each part's
//! SHA-256; automatic daily backups with rotation to a folder the user
//! picks; and restore, which checks everything before anything is used
//! (see `restore`).
//!
//! A backup never blocks the database: `VACUUM INTO` reads one snapshot
//! while the app keeps writing, and the archive is written on a blocking
//! thread to a temporary name, linked to its final name when complete.
//!
//! Where backups go: `--to DIR` or the folder picked in Settings; without
//! one, `<data folder's parent>/<data folder name> backups` (beside the data
//! folder, one per data folder).

pub(crate) mod archive;
mod restore;
pub mod rotation;

pub use restore::{complete_pending_restore, restore_for_app, restore_into, PendingRestore};

/// What the window says once after a start that completed (or could not
/// complete) a restore staged before the restart: the facts, which the UI
/// words in its language.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RestoreNotice {
    pub ok: bool,
    /// A completed restore: the folder that keeps the data used before.
    pub previous: Option<String>,
    /// A restore that could not be completed (the data in use is unchanged): why.
    pub error: Option<ApiError>,
}

impl RestoreNotice {
    /// The notice for what `complete_pending_restore` did; `None` when no
    /// restore was waiting.
    pub fn of(done: &crate::ApiResult<Option<PendingRestore>>) -> Option<RestoreNotice> {
        match done {
            Ok(None) => None,
            Ok(Some(r)) => {
                Some(RestoreNotice { ok: true, previous: Some(r.previous.display().to_string()), error: None })
            }
            Err(e) => Some(RestoreNotice { ok: false, previous: None, error: Some(e.clone()) }),
        }
    }
}

use crate::files::{data_dir, io_error, remove_leftover};
use crate::{ApiError, ApiResult, Ctx};
use chrono::{DateTime, Duration, Utc};
use kindly_core::ErrorCode;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

const SETTINGS_KEY: &str = "backup";

/// Automatic backups are due this long after the last one.
pub const INTERVAL_HOURS: i64 = 24;

/// What is kept in the database about backups.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Stored {
    #[serde(default)]
    folder: Option<String>,
    #[serde(default)]
    auto: bool,
    #[serde(default)]
    last_at: Option<DateTime<Utc>>,
    #[serde(default)]
    last_file: Option<String>,
    #[serde(default)]
    last_error: Option<BackupProblem>,
}

/// The last automatic backup that failed, kept until one succeeds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupProblem {
    pub code: ErrorCode,
    pub message: String,
    /// RFC 3339 (UTC).
    pub at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BackupSettingsView {
    /// The folder picked for backups (none: the default folder below).
    pub folder: Option<String>,
    /// Where "Back up now" writes: the picked folder, else the default.
    pub effective_folder: String,
    pub auto: bool,
    /// The last successful backup (RFC 3339, UTC) and its file.
    pub last_at: Option<String>,
    pub last_file: Option<String>,
    pub last_error: Option<BackupProblem>,
    /// When the next automatic backup is due (RFC 3339), when they are on.
    pub next_due_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BackupSettingsInput {
    /// An existing folder (absolute path), or null for the default.
    pub folder: Option<String>,
    pub auto: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BackupNowRequest {
    /// Back up to this folder instead of the configured one.
    pub folder: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BackupResult {
    pub path: String,
    pub bytes: u64,
    /// Files in the archive besides the manifest (the database included).
    pub parts: usize,
    pub schema_version: i64,
    pub created_at: String,
    /// Older backups removed by the rotation (file names).
    pub rotated_out: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RestoreRequest {
    pub file: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RestoreResult {
    /// The folder now holding the restored data.
    pub data_dir: String,
    pub backup_created_at: String,
    pub backup_app_version: String,
    pub schema_version: i64,
    pub parts: usize,
    pub clients: i64,
    pub invoices: i64,
    /// In the app: the backup of the data that was in use, made first.
    pub previous_backup: Option<String>,
    /// In the app: where the data that was in use is kept after the swap.
    pub previous_data_dir: Option<String>,
}

async fn load(ctx: Ctx<'_>) -> ApiResult<Stored> {
    Ok(match ctx.store.setting_json(SETTINGS_KEY).await? {
        None => Stored::default(),
        Some(json) => serde_json::from_str(&json).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "the saved backup settings are damaged; automatic backups are off until saved");
            Stored::default()
        }),
    })
}

async fn store(ctx: Ctx<'_>, s: &Stored) -> ApiResult<()> {
    let json = serde_json::to_string(s).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string(), None))?;
    Ok(ctx.store.save_setting_json(SETTINGS_KEY, &json).await?)
}

/// The default backup folder of a data folder: beside it, named after it.
pub fn default_folder(data_dir: &Path) -> PathBuf {
    let name = data_dir.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "Kindly".into());
    data_dir.parent().unwrap_or(Path::new(".")).join(format!("{name} backups"))
}

fn view(ctx: Ctx<'_>, s: &Stored) -> BackupSettingsView {
    let effective = s.folder.clone().map(PathBuf::from).unwrap_or_else(|| default_folder(&data_dir(ctx)));
    BackupSettingsView {
        folder: s.folder.clone(),
        effective_folder: effective.display().to_string(),
        auto: s.auto,
        last_at: s.last_at.map(|t| t.to_rfc3339()),
        last_file: s.last_file.clone(),
        last_error: s.last_error.clone(),
        next_due_at: s.auto.then(|| s.last_at.map_or(ctx.now, |t| t + Duration::hours(INTERVAL_HOURS)).to_rfc3339()),
    }
}

pub async fn get_settings(ctx: Ctx<'_>) -> ApiResult<BackupSettingsView> {
    Ok(view(ctx, &load(ctx).await?))
}

/// Saves the folder and the automatic switch. The folder must exist (a
/// drive that is not plugged in is not silently replaced by an empty
/// folder) and lie outside the data folder; automatic backups need one.
pub async fn save_settings(ctx: Ctx<'_>, input: &BackupSettingsInput) -> ApiResult<BackupSettingsView> {
    let folder = input.folder.as_deref().map(str::trim).filter(|f| !f.is_empty());
    if let Some(f) = folder {
        check_folder(ctx, Path::new(f))?;
    }
    if input.auto && folder.is_none() {
        return Err(ApiError::new(
            ErrorCode::BackupNoFolder,
            "Choose a folder for automatic backups first (best on another drive or a synced folder).",
            Some("folder"),
        ));
    }
    let mut s = load(ctx).await?;
    s.folder = folder.map(|f| absolute(Path::new(f)).display().to_string());
    s.auto = input.auto;
    store(ctx, &s).await?;
    tracing::info!(auto = s.auto, "backup settings saved");
    Ok(view(ctx, &s))
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// A folder that exists, is a folder, and is not inside the data folder.
fn check_folder(ctx: Ctx<'_>, folder: &Path) -> ApiResult<()> {
    match std::fs::metadata(folder) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(ApiError::new(
                ErrorCode::BackupFolderMissing,
                format!("{} is a file, not a folder; choose a folder for backups.", folder.display()),
                Some("folder"),
            ))
        }
        Err(_) => {
            return Err(ApiError::new(
                ErrorCode::BackupFolderMissing,
                format!(
                    "The backup folder {} does not exist (is its drive plugged in?); connect it or choose \
                     another folder.",
                    folder.display()
                ),
                Some("folder"),
            ))
        }
    }
    let data = std::fs::canonicalize(data_dir(ctx)).unwrap_or_else(|_| data_dir(ctx));
    let target = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    if target.starts_with(&data) {
        return Err(ApiError::new(
            ErrorCode::BackupFolderInsideData,
            format!(
                "{} is inside the data folder {}; a backup there is lost with the data. Choose a folder elsewhere, \
                 best on another drive.",
                folder.display(),
                data.display()
            ),
            Some("folder"),
        ));
    }
    Ok(())
}

/// Writes one backup into `folder` (created if needed) and returns it.
pub async fn create(ctx: Ctx<'_>, folder: &Path) -> ApiResult<BackupResult> {
    refuse_on_team_database(ctx)?;
    let folder = absolute(folder);
    std::fs::create_dir_all(&folder).map_err(|e| io_error("create the backup folder", &folder, &e))?;
    check_folder(ctx, &folder)?;
    let started = std::time::Instant::now();
    let stem = rotation::stem(ctx.now);
    let snapshot = folder.join(format!(".{stem}.{}.db.part", std::process::id()));
    let zip_tmp = folder.join(format!(".{stem}.{}.zip.part", std::process::id()));
    remove_stale_parts(&folder);
    let result = async {
        ctx.store.snapshot_to(&snapshot).await?;
        let schema_version = ctx.store.schema_version().await?;
        let data = data_dir(ctx);
        let (snap, tmp, dir, created_at) = (snapshot.clone(), zip_tmp.clone(), folder.clone(), ctx.now.to_rfc3339());
        // File work off the async threads: the app stays responsive.
        tokio::task::spawn_blocking(move || {
            let files = archive::stored_files(&data, std::slice::from_ref(&dir))?;
            let contents = archive::Contents { snapshot: &snap, files: &files, schema_version, created_at };
            let parts = archive::write(&tmp, &contents)?;
            let path = archive::publish(&tmp, &dir, &stem)?;
            Ok::<_, ApiError>((path, parts.len(), schema_version))
        })
        .await?
    }
    .await;
    remove_leftover(&snapshot);
    remove_leftover(&zip_tmp);
    let (path, parts, schema_version) = result?;
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    tracing::info!(
        path = %path.display(),
        bytes,
        parts,
        ms = started.elapsed().as_millis() as u64,
        "backup written"
    );
    Ok(BackupResult {
        path: path.display().to_string(),
        bytes,
        parts,
        schema_version,
        created_at: ctx.now.to_rfc3339(),
        rotated_out: Vec::new(),
    })
}

/// A backup copies a data folder (`VACUUM INTO` of its SQLite file, its
/// stored files); a team database is backed up on its server, by whoever
/// runs it, with PostgreSQL's own tools. Refused before any folder is made,
/// with a message saying so (the store's own refusal, "not on a team
/// database yet", would promise a port that is not coming).
fn refuse_on_team_database(ctx: Ctx<'_>) -> ApiResult<()> {
    match ctx.store.engine() {
        kindly_store::Engine::Sqlite => Ok(()),
        kindly_store::Engine::Postgres => Err(ApiError::new(
            ErrorCode::BackupOnTeamDatabase,
            "A team database is backed up on its server (for example with pg_dump), by whoever runs it; Kindly's \
             backups are of a data folder on this computer. To keep a copy of the data yourself, export everything \
             as an archive (kindly export archive).",
            None,
        )),
    }
}

/// Removes the temporary files of backups killed before they completed
/// (an hour untouched: a backup in progress writes to its file all along).
fn remove_stale_parts(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(3600));
        if name.starts_with(&format!(".{}", rotation::PREFIX)) && name.ends_with(".part") && stale {
            tracing::info!(file = %name, "removing the leftover of an interrupted backup");
            remove_leftover(&e.path());
        }
    }
}

/// Removes the backups in `folder` the rotation no longer keeps; their names.
pub fn rotate(folder: &Path, now: DateTime<Utc>) -> ApiResult<Vec<String>> {
    let entries = std::fs::read_dir(folder).map_err(|e| io_error("read the backup folder", folder, &e))?;
    let names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    let mut removed = Vec::new();
    for name in rotation::to_delete(&names, now) {
        match std::fs::remove_file(folder.join(&name)) {
            Ok(()) => removed.push(name),
            Err(e) => tracing::warn!(file = %name, error = %e, "could not remove an old backup"),
        }
    }
    if !removed.is_empty() {
        tracing::info!(removed = removed.len(), "old backups rotated out");
    }
    Ok(removed)
}

/// "Back up now": to `folder` when given, else the configured folder (which
/// must exist), else the default one; records it as the last backup, and
/// rotates the configured folder (never a folder given for this one backup).
pub async fn backup_now(ctx: Ctx<'_>, req: &BackupNowRequest) -> ApiResult<BackupResult> {
    let mut s = load(ctx).await?;
    let explicit = req.folder.as_deref().map(str::trim).filter(|f| !f.is_empty()).map(PathBuf::from);
    let configured = s.folder.clone().map(PathBuf::from);
    if explicit.is_none() {
        if let Some(c) = &configured {
            check_folder(ctx, c)?;
        }
    }
    let folder = explicit.clone().or(configured.clone()).unwrap_or_else(|| default_folder(&data_dir(ctx)));
    let mut result = create(ctx, &folder).await?;
    if explicit.is_none() && configured.is_some() {
        result.rotated_out = rotate(&folder, ctx.now)?;
    }
    s.last_at = Some(ctx.now);
    s.last_file = Some(result.path.clone());
    s.last_error = None;
    store(ctx, &s).await?;
    Ok(result)
}

/// The automatic backup: when on and the last one is `INTERVAL_HOURS` old
/// (or there is none, or the clock went back), backs up to the configured
/// folder and rotates; a failure is kept for Settings to show and returned.
/// `Ok(None)` when nothing was due.
pub async fn run_if_due(ctx: Ctx<'_>) -> ApiResult<Option<BackupResult>> {
    let s = load(ctx).await?;
    let Some(folder) = s.folder.clone().filter(|_| s.auto) else { return Ok(None) };
    let due = match s.last_at {
        None => true,
        Some(t) => ctx.now - t >= Duration::hours(INTERVAL_HOURS) || t > ctx.now + Duration::hours(1),
    };
    if !due {
        return Ok(None);
    }
    match backup_now(ctx, &BackupNowRequest { folder: None }).await {
        Ok(r) => Ok(Some(r)),
        Err(e) => {
            tracing::error!(code = %e.code, folder = %folder, "automatic backup failed: {}", e.message);
            let mut s = load(ctx).await?;
            s.last_error = Some(BackupProblem { code: e.code, message: e.message.clone(), at: ctx.now.to_rfc3339() });
            store(ctx, &s).await?;
            Err(e)
        }
    }
}

#[cfg(test)]
mod notice_tests {
    use super::*;

    #[test]
    fn the_window_is_told_once_what_became_of_a_staged_restore() {
        assert!(RestoreNotice::of(&Ok(None)).is_none(), "no restore, nothing to say");
        let done =
            PendingRestore { restored: "/d/.kindly-restoring".into(), previous: "/d/kindly.before-restore".into() };
        let n = RestoreNotice::of(&Ok(Some(done))).unwrap();
        assert!(n.ok && n.error.is_none());
        assert_eq!(n.previous.as_deref(), Some("/d/kindly.before-restore"));
        let failed = Err(crate::ApiError::new(ErrorCode::RestoreIncomplete, "a part is missing", None));
        let n = RestoreNotice::of(&failed).unwrap();
        // Regression (#18): the notice was an English sentence; it is a code for the UI to word.
        assert!(!n.ok && n.previous.is_none());
        assert_eq!(n.error.as_ref().map(|e| e.code), Some(ErrorCode::RestoreIncomplete));
        let json = serde_json::to_value(&n).unwrap();
        assert!(json.get("message").is_none(), "no sentence crosses: {json}");
    }
}

//! Restore: a backup becomes a data folder only after every check passed.
//! The archive is extracted into a hidden folder beside the target (each
//! part's name, size and SHA-256 checked against the manifest), the
//! database passes `PRAGMA quick_check` (see `kindly_store::quick_check`
//! for why not the O(N log N) `integrity_check`), is opened and migrated by this
//! Kindly, and only then is the folder renamed to the target, which must
//! not exist or be empty. A kill at any moment leaves the target absent or
//! complete, never half-written.
//!
//! In the app the data in use is replaced, so the swap is journalled:
//! [`restore_for_app`] restores into a new sibling folder, backs up the data
//! in use, and writes `.<name>.restore-journal.json`; at the next start
//! [`complete_pending_restore`] (before the store is opened) moves the old
//! folder aside to `<name>.before-restore-<time>` and the restored one into
//! place. Each step can be repeated, so a kill during the swap is finished
//! at the following start, and the old data is never deleted.

use super::archive;
use super::{BackupNowRequest, RestoreResult};
use crate::files::{data_dir, io_error};
use crate::{ApiError, ApiResult, Ctx};
use kindly_core::ErrorCode;
use kindly_store::Store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

fn name_of(dir: &Path) -> String {
    dir.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "kindly".into())
}

fn parent_of(dir: &Path) -> PathBuf {
    dir.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

/// The target must not exist, or be an empty folder.
fn check_target(target: &Path) -> ApiResult<()> {
    let not_empty = |what: &str| {
        ApiError::new(
            ErrorCode::RestoreTargetNotEmpty,
            format!(
                "{} {what}; a backup is restored only into a new or empty folder, so nothing is overwritten. \
                 Choose a new folder.",
                target.display()
            ),
            Some("data_dir"),
        )
    };
    match std::fs::metadata(target) {
        Err(_) => Ok(()),
        Ok(m) if !m.is_dir() => Err(not_empty("is a file")),
        Ok(_) => {
            let mut entries = std::fs::read_dir(target).map_err(|e| io_error("read", target, &e))?;
            if entries.next().is_some() {
                Err(not_empty("is not empty"))
            } else {
                Ok(())
            }
        }
    }
}

/// Restores the backup `file` into the new folder `target`.
pub async fn restore_into(file: &Path, target: &Path) -> ApiResult<RestoreResult> {
    let target = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    check_target(&target)?;
    let parent = parent_of(&target);
    std::fs::create_dir_all(&parent).map_err(|e| io_error("create the folder", &parent, &e))?;
    let name = name_of(&target);
    // Folders left by a restore that was killed: never in use, safe to remove.
    let leftover_prefix = format!(".{name}.restoring-");
    if let Ok(entries) = std::fs::read_dir(&parent) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(&leftover_prefix) {
                tracing::info!(path = %e.path().display(), "removing the leftover of an interrupted restore");
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    let stage = parent.join(format!("{leftover_prefix}{}", std::process::id()));
    let started = std::time::Instant::now();
    let result = stage_restore(file, &stage).await;
    let result = match result {
        Ok(r) => move_into_place(&stage, &target).map(|()| r),
        Err(e) => Err(e),
    };
    if result.is_err() {
        if let Err(e) = std::fs::remove_dir_all(&stage) {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!(path = %stage.display(), error = %e, "could not remove a partial restore");
            }
        }
    }
    let mut r = result?;
    r.data_dir = target.display().to_string();
    tracing::info!(target = %target.display(), parts = r.parts, ms = started.elapsed().as_millis() as u64, "backup restored");
    Ok(r)
}

/// Extracts and checks the backup into `stage` (created new).
async fn stage_restore(file: &Path, stage: &Path) -> ApiResult<RestoreResult> {
    std::fs::create_dir(stage).map_err(|e| io_error("create the folder", stage, &e))?;
    let (f, s) = (file.to_path_buf(), stage.to_path_buf());
    let manifest = tokio::task::spawn_blocking(move || {
        let mut opened = archive::open(&f)?;
        archive::extract(&mut opened, &f, &s)?;
        Ok::<_, ApiError>(opened.manifest)
    })
    .await??;
    let db = stage.join(kindly_store::DB_FILE_NAME);
    kindly_store::quick_check(&db).await?;
    // Opening migrates it to this Kindly's schema (and refuses a newer one).
    let store = Store::open(&db).await?;
    let (clients, invoices) = store.counts().await?;
    store.close().await;
    archive::sync_dir(stage);
    Ok(RestoreResult {
        data_dir: String::new(),
        backup_created_at: manifest.created_at,
        backup_app_version: manifest.app_version,
        schema_version: manifest.schema_version,
        parts: manifest.parts.len(),
        clients,
        invoices,
        previous_backup: None,
        previous_data_dir: None,
    })
}

fn move_into_place(stage: &Path, target: &Path) -> ApiResult<()> {
    // An empty target folder: removed first (a rename cannot replace a folder everywhere).
    if target.is_dir() {
        std::fs::remove_dir(target).map_err(|e| io_error("replace the empty folder", target, &e))?;
    }
    std::fs::rename(stage, target).map_err(|e| io_error("move the restored data to", target, &e))?;
    archive::sync_dir(&parent_of(target));
    Ok(())
}

/// The swap the app completes at its next start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingRestore {
    /// The restored folder, moved to the data folder's place.
    pub restored: PathBuf,
    /// Where the data folder that was in use goes.
    pub previous: PathBuf,
}

fn journal_path(data_dir: &Path) -> PathBuf {
    parent_of(data_dir).join(format!(".{}.restore-journal.json", name_of(data_dir)))
}

/// In the app: restores `file` beside the data folder, backs up the data in
/// use (to the configured or default backup folder), and journals the swap
/// that the next start completes. Nothing in use changes before the
/// restart; a backup that fails any check changes nothing at all.
pub async fn restore_for_app(ctx: Ctx<'_>, file: &Path) -> ApiResult<RestoreResult> {
    let data = data_dir(ctx);
    let parent = parent_of(&data);
    let name = name_of(&data);
    let stamp = ctx.now.format("%Y-%m-%dT%H-%M-%SZ");
    let restored = parent.join(format!("{name}.restored-{stamp}"));
    let previous = parent.join(format!("{name}.before-restore-{stamp}"));
    if previous.exists() {
        return Err(ApiError::new(
            ErrorCode::RestoreTargetNotEmpty,
            format!("{} already exists; try again in a second.", previous.display()),
            None,
        ));
    }
    let mut r = restore_into(file, &restored).await?;
    let backup = match super::backup_now(ctx, &BackupNowRequest { folder: None }).await {
        Ok(b) => b,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&restored);
            return Err(ApiError::new(
                e.code,
                format!("The data in use could not be backed up, so nothing was restored: {}", e.message),
                e.field.as_deref(),
            ));
        }
    };
    let journal = PendingRestore { restored, previous: previous.clone() };
    let json = serde_json::to_vec_pretty(&journal)
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("Could not write the restore journal: {e}"), None))?;
    crate::files::write_atomic(&journal_path(&data), &json)?;
    archive::sync_dir(&parent);
    tracing::info!(backup = %backup.path, "restore staged; it completes when Kindly restarts");
    r.data_dir = data.display().to_string();
    r.previous_backup = Some(backup.path);
    r.previous_data_dir = Some(previous.display().to_string());
    Ok(r)
}

/// At start, before the store is opened: completes a restore the app
/// journalled (or one a kill interrupted), and says what it did.
pub fn complete_pending_restore(data_dir: &Path) -> ApiResult<Option<PendingRestore>> {
    let journal = journal_path(data_dir);
    let bytes = match std::fs::read(&journal) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error("read", &journal, &e)),
    };
    let pending: PendingRestore = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::new(
            ErrorCode::RestoreManifestInvalid,
            format!("The restore journal {} is damaged ({e}); the data in use was kept.", journal.display()),
            None,
        )
    })?;
    if pending.restored.is_dir() {
        if data_dir.exists() {
            if pending.previous.exists() {
                return Err(ApiError::new(
                    ErrorCode::RestoreTargetNotEmpty,
                    format!(
                        "Cannot finish the restore: {} already exists. Move it away and start Kindly again.",
                        pending.previous.display()
                    ),
                    None,
                ));
            }
            std::fs::rename(data_dir, &pending.previous)
                .map_err(|e| io_error("move the previous data to", &pending.previous, &e))?;
        }
        std::fs::rename(&pending.restored, data_dir)
            .map_err(|e| io_error("move the restored data to", data_dir, &e))?;
        archive::sync_dir(&parent_of(data_dir));
    } else if !data_dir.exists() {
        return Err(ApiError::new(
            ErrorCode::RestoreIncomplete,
            format!(
                "The restore journal names {}, which is missing, and {} is missing too; your previous data is in {}.",
                pending.restored.display(),
                data_dir.display(),
                pending.previous.display()
            ),
            None,
        ));
    }
    std::fs::remove_file(&journal).map_err(|e| io_error("remove", &journal, &e))?;
    archive::sync_dir(&parent_of(data_dir));
    Ok(Some(pending))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(p: &Path, marker: &str) {
        std::fs::create_dir_all(p).unwrap();
        std::fs::write(p.join("marker"), marker).unwrap();
    }

    fn marker(p: &Path) -> String {
        std::fs::read_to_string(p.join("marker")).unwrap()
    }

    /// The swap finishes from any point a kill may have left it at.
    #[test]
    fn a_journalled_swap_completes_from_every_step() {
        for step in 0..3 {
            let d = tempfile::tempdir().unwrap();
            let data = d.path().join("data");
            let pending =
                PendingRestore { restored: d.path().join("data.restored"), previous: d.path().join("data.old") };
            folder(&data, "old");
            folder(&pending.restored, "new");
            std::fs::write(journal_path(&data), serde_json::to_vec(&pending).unwrap()).unwrap();
            if step >= 1 {
                std::fs::rename(&data, &pending.previous).unwrap();
            }
            if step >= 2 {
                std::fs::rename(&pending.restored, &data).unwrap();
            }
            assert_eq!(complete_pending_restore(&data).unwrap(), Some(pending.clone()), "step {step}");
            assert_eq!(marker(&data), "new");
            assert_eq!(marker(&pending.previous), "old");
            assert!(!journal_path(&data).exists());
            assert_eq!(complete_pending_restore(&data).unwrap(), None);
        }
    }

    #[test]
    fn no_journal_changes_nothing() {
        let d = tempfile::tempdir().unwrap();
        folder(&d.path().join("data"), "x");
        assert_eq!(complete_pending_restore(&d.path().join("data")).unwrap(), None);
        assert_eq!(marker(&d.path().join("data")), "x");
    }
}

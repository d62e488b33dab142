//! Files Kindly writes under the data folder: letters, invoices, e-mail
//! copies, dossiers. They are evidence, so a generated document gets a name
//! that is never reused and is written atomically: [`write_new`] never
//! replaces an existing file, whatever the clock says and however many runs
//! share a second.

use crate::{ApiError, ApiResult, Ctx};
use kindly_core::ErrorCode;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder holding the database and every file Kindly keeps: the one
/// the caller gave, else the SQLite file's. A team database's "path" is its
/// URL, never a folder: without a given folder its files go to the system's
/// temporary folder (logged), never to a folder named after the URL.
pub(crate) fn data_dir(ctx: Ctx<'_>) -> PathBuf {
    if let Some(dir) = ctx.data_dir {
        return dir.to_path_buf();
    }
    if ctx.store.engine() == kindly_store::Engine::Postgres {
        let dir = std::env::temp_dir().join("kindly-files");
        tracing::warn!(dir = %dir.display(), "no data folder was given for a team database; files go to a temporary folder");
        return dir;
    }
    ctx.store.path().parent().map(Path::to_path_buf).unwrap_or_default()
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// An I/O error as the user should read it: what Kindly tried, where, and
/// a code that tells a full disk from a missing file.
pub(crate) fn io_error(what: &str, path: &Path, e: &std::io::Error) -> ApiError {
    let code = match e.kind() {
        std::io::ErrorKind::StorageFull => ErrorCode::DiskFull,
        std::io::ErrorKind::NotFound => ErrorCode::FileNotFound,
        _ => ErrorCode::IoError,
    };
    ApiError::new(code, format!("Could not {what} {}: {e}", path.display()), Some("file"))
}

/// Writes `bytes` to a new file in `dir` named `<stem>-<sha256 prefix>.<ext>`
/// (then `-2`, `-3`, … should that name exist) and returns its path.
///
/// The bytes go to a temporary file first, are flushed to disk, and are then
/// hard-linked under the final name: a link fails when the name exists, so a
/// second run in the same second can never overwrite the first, and a full
/// disk or a crash never leaves a half-written file under a final name. Where
/// the file system has no hard links, the final name is created exclusively
/// (`create_new`) and removed again if writing fails.
pub(crate) fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> ApiResult<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| io_error("create the folder", dir, &e))?;
    let sha = sha256_hex(bytes);
    let base = format!("{stem}-{}", &sha[..8]);
    let tmp = dir.join(format!(".{base}.{}.part", std::process::id()));
    let written = write_synced(&tmp, bytes, false);
    if let Err(e) = written {
        remove_leftover(&tmp);
        return Err(io_error("write", &tmp, &e));
    }
    let result = (|| {
        for n in 1u32..10_000 {
            let name = if n == 1 { format!("{base}.{ext}") } else { format!("{base}-{n}.{ext}") };
            let path = dir.join(name);
            match std::fs::hard_link(&tmp, &path) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(_) => match write_synced(&path, bytes, true) {
                    Ok(()) => return Ok(path),
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                    Err(e) => {
                        remove_leftover(&path);
                        return Err(io_error("write", &path, &e));
                    }
                },
            }
        }
        Err(ApiError::new(
            ErrorCode::IoError,
            format!("Could not find a free file name for {base}.{ext} in {}.", dir.display()),
            Some("file"),
        ))
    })();
    remove_leftover(&tmp);
    result
}

/// Removes a partial or unneeded file after the real outcome is known;
/// failing to is not the caller's error, but it is logged (a stray file).
pub(crate) fn remove_leftover(path: &Path) {
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => tracing::warn!(path = %path.display(), error = %e, "could not remove a leftover file"),
    }
}

fn write_synced(path: &Path, bytes: &[u8], exclusive: bool) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true);
    if exclusive {
        opts.create_new(true);
    } else {
        opts.create(true).truncate(true);
    }
    let mut f = opts.open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// A file stem stamped with the day Kindly works on (`--today`, not the wall
/// clock) and the time of the run: `letters-2026-12-01-154210`.
pub(crate) fn stamped(ctx: Ctx<'_>, stem: &str) -> String {
    format!("{stem}-{}-{}", ctx.today, ctx.now.format("%H%M%S"))
}

/// Writes `bytes` to `path` atomically (a temp file beside it, then rename),
/// replacing what was there: for content-addressed files, whose name
/// already says what they hold, and for copies saved where the user chose
/// (the save dialog asked before replacing). Evidence uses [`write_new`].
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> ApiResult<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io_error("create", dir, &e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.part", std::process::id()));
    if let Err(e) = std::fs::write(&tmp, bytes) {
        remove_leftover(&tmp);
        return Err(io_error("write", &tmp, &e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        remove_leftover(&tmp);
        io_error("save", path, &e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_new_never_overwrites_and_names_by_content() {
        let dir = tempfile::tempdir().unwrap();
        let a = write_new(dir.path(), "letters-2026-12-01-101010", "pdf", b"client A").unwrap();
        let b = write_new(dir.path(), "letters-2026-12-01-101010", "pdf", b"client B").unwrap();
        assert_ne!(a, b);
        assert_eq!(std::fs::read(&a).unwrap(), b"client A");
        assert_eq!(std::fs::read(&b).unwrap(), b"client B");
        // The same bytes in the same second still get a new name.
        let c = write_new(dir.path(), "letters-2026-12-01-101010", "pdf", b"client A").unwrap();
        assert_ne!(a, c);
        assert!(c.to_string_lossy().ends_with("-2.pdf"), "{}", c.display());
        assert_eq!(std::fs::read(&a).unwrap(), b"client A");
        // No temporary file is left behind.
        let names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(names.iter().all(|n| !n.ends_with(".part")), "{names:?}");
    }

    #[test]
    fn write_new_reports_a_folder_it_cannot_create() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, b"x").unwrap();
        let err = write_new(&file.join("sub"), "x", "pdf", b"y").unwrap_err();
        assert_eq!(err.code, "io_error");
        assert!(err.message.contains("not-a-folder"), "{}", err.message);
    }
}

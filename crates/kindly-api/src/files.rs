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

/// Keeps a new evidence file: written under `<data folder>/<folder>` as
/// [`write_new`] does and, on a team database, stored in the database too
/// (with its SHA-256), so every member's computer can read it. Returns the
/// local path. A failure to store it in the database is the caller's error:
/// nothing is recorded about a file the other members could not read.
pub(crate) async fn keep_new(ctx: Ctx<'_>, folder: &str, stem: &str, ext: &str, bytes: &[u8]) -> ApiResult<PathBuf> {
    let dir = data_dir(ctx);
    let path = write_new(&dir.join(folder), stem, ext, bytes)?;
    keep_in_database(ctx, &dir, &path, bytes).await?;
    Ok(path)
}

/// Stores a file already written under the data folder in a team database
/// (nothing on SQLite).
pub(crate) async fn keep_in_database(ctx: Ctx<'_>, dir: &Path, path: &Path, bytes: &[u8]) -> ApiResult<()> {
    if ctx.store.engine() != kindly_store::Engine::Postgres {
        return Ok(());
    }
    let key = kept_key(dir, &path.display().to_string()).ok_or_else(|| {
        ApiError::new(ErrorCode::NotAKeptFile, format!("{} is not in the data folder.", path.display()), None)
    })?;
    match ctx.store.keep_file(&key, bytes, ctx.now).await? {
        kindly_store::Kept::Stored | kindly_store::Kept::AlreadyThere => Ok(()),
        kindly_store::Kept::Different { sha256 } => Err(ApiError::new(
            ErrorCode::IoError,
            format!(
                "Another file is already kept in the team database as {key} (SHA-256 {sha256}); make the document again."
            ),
            None,
        )),
    }
}

/// The name a recorded file is kept under in a team database: its path
/// relative to the data folder with `/` between its parts. A record made on
/// another member's computer may name that computer's absolute path: its
/// last two parts (`letters/letters-….pdf`) are the name, since every kept
/// file lies one folder deep. `None` for a path that cannot be one.
pub(crate) fn kept_key(data_dir: &Path, recorded: &str) -> Option<String> {
    let p = Path::new(recorded.trim());
    let rel: Vec<String> = if p.is_absolute() {
        match p.strip_prefix(data_dir) {
            Ok(r) => parts(r)?,
            Err(_) => {
                let all = parts(p)?;
                all[all.len().checked_sub(2)?..].to_vec()
            }
        }
    } else {
        parts(p)?
    };
    (!rel.is_empty()).then(|| rel.join("/"))
}

fn parts(p: &Path) -> Option<Vec<String>> {
    p.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(n) => Some(n.to_str().map(str::to_string)),
            std::path::Component::CurDir | std::path::Component::RootDir | std::path::Component::Prefix(_) => None,
            std::path::Component::ParentDir => Some(None),
        })
        .collect()
}

/// Makes a recorded file readable on this computer: on a team database, a
/// file this folder does not hold (another member made it) is fetched from
/// the database, checked against its SHA-256, and written under the data
/// folder, where every reader of kept files looks. On SQLite, or when the
/// file is here, nothing happens; a file kept nowhere is left for the
/// reader to report as missing.
pub(crate) async fn fetch_kept(ctx: Ctx<'_>, recorded: &str) -> ApiResult<()> {
    if ctx.store.engine() != kindly_store::Engine::Postgres {
        return Ok(());
    }
    let dir = data_dir(ctx);
    let Some(key) = kept_key(&dir, recorded) else { return Ok(()) };
    let p = Path::new(recorded.trim());
    let local = if p.is_absolute() && p.starts_with(&dir) { p.to_path_buf() } else { dir.join(&key) };
    if local.exists() {
        return Ok(());
    }
    let Some((sha, bytes)) = ctx.store.kept_file(&key).await? else { return Ok(()) };
    if sha256_hex(&bytes) != sha {
        return Err(ApiError::new(
            ErrorCode::DatabaseCorrupt,
            format!("The team database's copy of {key} does not match its recorded SHA-256."),
            None,
        ));
    }
    write_atomic(&local, &bytes)
}

/// [`fetch_kept`], then the local path of a recorded file.
pub(crate) async fn local_kept(ctx: Ctx<'_>, recorded: &str) -> ApiResult<PathBuf> {
    fetch_kept(ctx, recorded).await?;
    let dir = data_dir(ctx);
    let p = Path::new(recorded.trim());
    if p.is_absolute() && !p.starts_with(&dir) && ctx.store.engine() == kindly_store::Engine::Postgres {
        // Another member's absolute path, if the team keeps that file (it
        // is here now, fetched above); any other path outside the folder
        // stays as it is, for the caller to refuse as not a kept file.
        if let Some(local) = kept_key(&dir, recorded).map(|key| dir.join(key)).filter(|l| l.exists()) {
            return Ok(local);
        }
    }
    Ok(if p.is_absolute() { p.to_path_buf() } else { dir.join(p) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_files_name_is_its_place_in_any_members_data_folder() {
        let dir = Path::new("/home/anna/.local/share/kindly");
        assert_eq!(kept_key(dir, "letters/letters-1.pdf").as_deref(), Some("letters/letters-1.pdf"));
        assert_eq!(kept_key(dir, "./letters/letters-1.pdf").as_deref(), Some("letters/letters-1.pdf"));
        assert_eq!(
            kept_key(dir, "/home/anna/.local/share/kindly/mail/m-1.eml").as_deref(),
            Some("mail/m-1.eml"),
            "this computer's absolute path"
        );
        assert_eq!(
            kept_key(dir, "/Users/bob/Library/Application Support/kindly/mail/m-1.eml").as_deref(),
            Some("mail/m-1.eml"),
            "another member's absolute path"
        );
        assert_eq!(kept_key(dir, "../../etc/passwd"), None);
        assert_eq!(kept_key(dir, "letters/../../x"), None);
        assert_eq!(kept_key(dir, ""), None);
        assert_eq!(kept_key(dir, "/x"), None, "one part is not a kept file's name");
    }

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

//! The backup archive: one zip holding `kindly.db` (a consistent snapshot),
//! every stored file of the data folder under its own relative path, and
//! `manifest.json` (format and versions, each part's path, size and SHA-256).
//! Writing goes to a temporary name that is linked to its final, never-reused
//! name only once complete; reading checks every name and every byte against
//! the manifest, under limits, whatever the archive declares.

use crate::files::{io_error, remove_leftover};
use crate::{ApiError, ApiResult};
use kindly_core::ErrorCode;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

pub(crate) const MANIFEST: &str = "manifest.json";
pub(crate) const FORMAT: &str = "kindly-backup";
/// The manifest layout this binary writes and reads.
pub(crate) const FORMAT_VERSION: u32 = 1;
/// A manifest is a list of files: far below this even with a million of them.
const MANIFEST_LIMIT: u64 = 256 << 20;
const MAX_PARTS: usize = 2_000_000;

/// One file in the archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Part {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub schema_version: i64,
    pub created_at: String,
    pub parts: Vec<Part>,
}

/// Folders and files of the data folder that are not part of a backup: the
/// live database (the snapshot stands for it), logs, the outbox lock, and
/// temporary files of writes in progress.
fn skipped(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    matches!(rel, "logs" | "outbox.lock" | "backups")
        || rel.starts_with("kindly.db")
        || name.ends_with(".part")
        || name.starts_with(".kindly-backup-")
}

/// Every stored file under `data_dir` as (relative path with `/`, full path),
/// sorted; symbolic links and anything under `exclude` are left out.
pub(crate) fn stored_files(data_dir: &Path, exclude: &[PathBuf]) -> ApiResult<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), data_dir.to_path_buf())];
    while let Some((prefix, dir)) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| io_error("read the folder", &dir, &e))?;
        for entry in entries {
            let entry = entry.map_err(|e| io_error("read the folder", &dir, &e))?;
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                tracing::warn!(path = %entry.path().display(), "a file name that is not Unicode is not backed up");
                continue;
            };
            let rel = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
            let path = entry.path();
            if skipped(&rel) || exclude.iter().any(|x| x == &path) {
                continue;
            }
            let kind = entry.file_type().map_err(|e| io_error("read", &path, &e))?;
            if kind.is_dir() {
                stack.push((rel, path));
            } else if kind.is_file() {
                out.push((rel, path));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn zip_error(path: &Path, e: zip::result::ZipError) -> ApiError {
    match e {
        zip::result::ZipError::Io(io) => io_error("write", path, &io),
        other => ApiError::new(ErrorCode::IoError, format!("Could not write {}: {other}", path.display()), None),
    }
}

/// Copies `from` into `to` in chunks, hashing what passes; the byte count
/// and the hex SHA-256.
fn copy_hashed(from: &mut impl Read, to: &mut impl Write) -> std::io::Result<(u64, String)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut n = 0u64;
    loop {
        let k = from.read(&mut buf)?;
        if k == 0 {
            break;
        }
        hasher.update(&buf[..k]);
        to.write_all(&buf[..k])?;
        n += k as u64;
    }
    Ok((n, format!("{:x}", hasher.finalize())))
}

/// What to put in the archive: the snapshot as `kindly.db`, then the files.
pub(crate) struct Contents<'a> {
    pub snapshot: &'a Path,
    pub files: &'a [(String, PathBuf)],
    pub schema_version: i64,
    pub created_at: String,
}

/// Writes the archive to `tmp` (created new), synced to disk; its parts.
pub(crate) fn write(tmp: &Path, c: &Contents<'_>) -> ApiResult<Vec<Part>> {
    let file = File::options().write(true).create_new(true).open(tmp).map_err(|e| io_error("write", tmp, &e))?;
    let mut z = zip::ZipWriter::new(std::io::BufWriter::with_capacity(1 << 20, file));
    let mut parts = Vec::with_capacity(c.files.len() + 1);
    let all = std::iter::once((kindly_store::DB_FILE_NAME.to_string(), c.snapshot.to_path_buf()))
        .chain(c.files.iter().cloned());
    for (rel, path) in all {
        let mut src = match File::open(&path) {
            Ok(f) => f,
            // Removed since it was listed: it is no longer part of the data.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && rel != kindly_store::DB_FILE_NAME => continue,
            Err(e) => return Err(io_error("read", &path, &e)),
        };
        let size = src.metadata().map_err(|e| io_error("read", &path, &e))?.len();
        // Level 1: most of the gain of deflate on a database at a fraction of its time.
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
            .large_file(size >= u64::from(u32::MAX));
        z.start_file(rel.as_str(), opts).map_err(|e| zip_error(tmp, e))?;
        let (n, sha256) = copy_hashed(&mut src, &mut z).map_err(|e| io_error("back up", &path, &e))?;
        parts.push(Part { path: rel, size: n, sha256 });
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        schema_version: c.schema_version,
        created_at: c.created_at.clone(),
        parts: parts.clone(),
    };
    let json = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("Could not write the manifest: {e}"), None))?;
    z.start_file(MANIFEST, zip::write::SimpleFileOptions::default()).map_err(|e| zip_error(tmp, e))?;
    z.write_all(&json).map_err(|e| io_error("write", tmp, &e))?;
    let buffered = z.finish().map_err(|e| zip_error(tmp, e))?;
    let file = buffered.into_inner().map_err(|e| io_error("write", tmp, e.error()))?;
    file.sync_all().map_err(|e| io_error("write", tmp, &e))?;
    Ok(parts)
}

/// Links the complete archive at `tmp` to the first free name
/// `<stem>.zip`, `<stem>-2.zip`, … in `dir` (a link never replaces a file),
/// then removes `tmp`.
pub(crate) fn publish(tmp: &Path, dir: &Path, stem: &str) -> ApiResult<PathBuf> {
    for n in 1u32..1000 {
        let name = if n == 1 { format!("{stem}.zip") } else { format!("{stem}-{n}.zip") };
        let path = dir.join(name);
        let linked = match std::fs::hard_link(tmp, &path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            // No hard links here (some network or FAT drives): rename, after
            // checking the name is free (a backup is written by one process).
            Err(_) if path.exists() => continue,
            Err(_) => std::fs::rename(tmp, &path),
        };
        linked.map_err(|e| io_error("save", &path, &e))?;
        remove_leftover(tmp);
        sync_dir(dir);
        return Ok(path);
    }
    Err(ApiError::new(ErrorCode::IoError, format!("No free backup name for {stem} in {}.", dir.display()), None))
}

/// Makes a rename or link in `dir` durable (POSIX; a no-op elsewhere).
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Err(e) = File::open(dir).and_then(|d| d.sync_all()) {
        tracing::warn!(path = %dir.display(), error = %e, "could not sync a folder");
    }
    #[cfg(not(unix))]
    let _ = dir;
}

// ---- reading

fn restore_error(code: ErrorCode, message: String) -> ApiError {
    ApiError::new(code, message, Some("file"))
}

/// A part's path is safe to create under the target: relative, `/`-separated
/// plain names, no `..`, no drive or root, no control characters.
pub(crate) fn safe_path(p: &str) -> bool {
    !p.is_empty()
        && p.len() < 1024
        && !p.starts_with('/')
        && !p.contains('\\')
        && !p.contains(':')
        && !p.chars().any(char::is_control)
        && p.split('/').all(|c| !c.is_empty() && c != "." && c != "..")
}

/// An open backup archive whose manifest has been read and checked.
pub(crate) struct Opened {
    pub archive: zip::ZipArchive<BufReader<File>>,
    pub manifest: Manifest,
}

/// Opens `file` as a backup: a zip, with a manifest this Kindly can read,
/// for a schema it knows, naming only safe paths, each once.
pub(crate) fn open(file: &Path) -> ApiResult<Opened> {
    let f = File::open(file).map_err(|e| io_error("open", file, &e))?;
    let mut head = [0u8; 4];
    let starts_like_zip = (&f).read_exact(&mut head).is_ok() && head == *b"PK\x03\x04";
    let f = File::open(file).map_err(|e| io_error("open", file, &e))?;
    let mut archive = match zip::ZipArchive::new(BufReader::new(f)) {
        Ok(a) => a,
        Err(zip::result::ZipError::Io(e)) => return Err(io_error("read", file, &e)),
        Err(e) if starts_like_zip => {
            return Err(restore_error(
                ErrorCode::RestoreTruncated,
                format!(
                    "{} is cut short: the end of the archive is missing ({e}). It was probably not copied \
                     completely; use another copy or an earlier backup.",
                    file.display()
                ),
            ))
        }
        Err(_) => {
            return Err(restore_error(
                ErrorCode::RestoreNotABackup,
                format!("{} is not a Kindly backup (not a zip archive).", file.display()),
            ))
        }
    };
    let manifest = read_manifest(&mut archive, file)?;
    Ok(Opened { archive, manifest })
}

fn read_manifest(archive: &mut zip::ZipArchive<BufReader<File>>, file: &Path) -> ApiResult<Manifest> {
    let invalid = |what: String| {
        restore_error(
            ErrorCode::RestoreManifestInvalid,
            format!("The manifest of {} is damaged ({what}); use another backup.", file.display()),
        )
    };
    let mut entry = match archive.by_name(MANIFEST) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => {
            return Err(restore_error(
                ErrorCode::RestoreManifestMissing,
                format!(
                    "{} is a zip but not a Kindly backup: it has no manifest.json. Choose a file named \
                     kindly-backup-….zip.",
                    file.display()
                ),
            ))
        }
        Err(e) => return Err(invalid(e.to_string())),
    };
    let mut bytes = Vec::new();
    (&mut entry).take(MANIFEST_LIMIT + 1).read_to_end(&mut bytes).map_err(|e| invalid(e.to_string()))?;
    if bytes.len() as u64 > MANIFEST_LIMIT {
        return Err(invalid("it is too large".into()));
    }
    drop(entry);
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| invalid(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(invalid("it does not say it is a Kindly backup".into()));
    }
    let format_version = value.get("format_version").and_then(serde_json::Value::as_u64).unwrap_or(0);
    let schema = value.get("schema_version").and_then(serde_json::Value::as_i64).unwrap_or(0);
    let known = kindly_store::known_schema_version();
    if format_version > u64::from(FORMAT_VERSION) || schema > known {
        let by = value.get("app_version").and_then(|v| v.as_str()).unwrap_or("?");
        return Err(restore_error(
            ErrorCode::RestoreNewerVersion,
            format!(
                "This backup was made by a newer Kindly ({by}, schema {schema}; this one is {} and knows schema \
                 {known}). Update Kindly to restore it.",
                env!("CARGO_PKG_VERSION")
            ),
        ));
    }
    let manifest: Manifest = serde_json::from_value(value).map_err(|e| invalid(e.to_string()))?;
    if manifest.parts.len() > MAX_PARTS {
        return Err(invalid(format!("it lists more than {MAX_PARTS} files")));
    }
    let mut seen = std::collections::BTreeSet::new();
    for p in &manifest.parts {
        if !safe_path(&p.path) || p.path == MANIFEST {
            return Err(unsafe_path(file, &p.path));
        }
        if !seen.insert(p.path.as_str()) {
            return Err(invalid(format!("{} is listed twice", p.path)));
        }
        if p.sha256.len() != 64 || !p.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(invalid(format!("the SHA-256 of {} is not a hash", p.path)));
        }
    }
    if !seen.contains(kindly_store::DB_FILE_NAME) {
        return Err(invalid("it lists no database".into()));
    }
    Ok(manifest)
}

fn unsafe_path(file: &Path, p: &str) -> ApiError {
    restore_error(
        ErrorCode::RestoreUnsafePath,
        format!(
            "{} holds a file named “{}”, which would be written outside the data folder; it is refused and \
             nothing was restored.",
            file.display(),
            p.chars().take(120).collect::<String>()
        ),
    )
}

fn tampered(file: &Path, what: String) -> ApiError {
    restore_error(
        ErrorCode::RestoreTampered,
        format!(
            "{} was changed or damaged after it was made: {what}. Nothing was restored; use another copy or an \
             earlier backup.",
            file.display()
        ),
    )
}

/// Extracts every part into `dir` (new files), checking each name, size and
/// SHA-256 against the manifest; `progress` is called after each part.
pub(crate) fn extract(opened: &mut Opened, file: &Path, dir: &Path) -> ApiResult<()> {
    let expected: BTreeMap<&str, &Part> = opened.manifest.parts.iter().map(|p| (p.path.as_str(), p)).collect();
    let mut done = std::collections::BTreeSet::new();
    for i in 0..opened.archive.len() {
        let mut entry = opened.archive.by_index(i).map_err(|e| tampered(file, e.to_string()))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if name == MANIFEST {
            continue;
        }
        if !safe_path(name.trim_end_matches('/')) || entry.enclosed_name().is_none() {
            return Err(unsafe_path(file, &name));
        }
        if entry.is_dir() {
            continue;
        }
        let Some(part) = expected.get(name.as_str()) else {
            return Err(tampered(file, format!("it holds {name}, which its manifest does not list")));
        };
        if !done.insert(name.clone()) {
            return Err(tampered(file, format!("it holds {name} twice")));
        }
        if entry.encrypted() {
            return Err(tampered(file, format!("{name} is encrypted")));
        }
        let target = dir.join(&name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error("create the folder", parent, &e))?;
        }
        let out =
            File::options().write(true).create_new(true).open(&target).map_err(|e| io_error("write", &target, &e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
        // Never more than the manifest says, plus one byte to notice a lie.
        let copied = copy_hashed(&mut (&mut entry).take(part.size + 1), &mut out);
        let (n, sha) = match copied {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => return Err(io_error("write", &target, &e)),
            Err(e) => return Err(tampered(file, format!("{name} cannot be read ({e})"))),
        };
        if n != part.size {
            return Err(tampered(file, format!("{name} has {n} bytes, its manifest says {}", part.size)));
        }
        if sha != part.sha256 {
            return Err(tampered(file, format!("the SHA-256 of {name} does not match its manifest")));
        }
        let out = out.into_inner().map_err(|e| io_error("write", &target, e.error()))?;
        out.sync_all().map_err(|e| io_error("write", &target, &e))?;
    }
    if let Some(missing) = opened.manifest.parts.iter().find(|p| !done.contains(&p.path)) {
        return Err(restore_error(
            ErrorCode::RestoreIncomplete,
            format!(
                "{} is incomplete: {} is listed in its manifest but missing from the archive. Nothing was restored.",
                file.display(),
                missing.path
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_target_are_unsafe() {
        for p in ["kindly.db", "invoices/a.pdf", "attachments/ab-c.eml"] {
            assert!(safe_path(p), "{p}");
        }
        for p in ["", "/etc/passwd", "../x", "a/../../x", "a//b", "C:/x", "a\\b", "./a", "a/.", "x\n"] {
            assert!(!safe_path(p), "{p}");
        }
    }

    #[test]
    fn logs_the_live_database_and_temporary_files_are_not_stored_files() {
        let d = tempfile::tempdir().unwrap();
        for f in [
            "kindly.db",
            "kindly.db-wal",
            "kindly.db-shm",
            "outbox.lock",
            "logs/kindly.log",
            "invoices/a.pdf",
            "invoices/.b.123.part",
            "letters/l.pdf",
            "own/backups/x.zip",
        ] {
            let p = d.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, b"x").unwrap();
        }
        let names: Vec<String> =
            stored_files(d.path(), &[d.path().join("own")]).unwrap().into_iter().map(|(r, _)| r).collect();
        assert_eq!(names, ["invoices/a.pdf", "letters/l.pdf"]);
    }
}

//! The JSON archive: everything Kindly holds in one JSON document (every
//! table's rows, from one consistent read) with the archive's format
//! version, the app version and the schema version, written atomically
//! (a temporary file beside the target, then a rename), so a crash or a
//! full disk never leaves half an archive under the chosen name.
//!
//! No secret is exported: the SMTP password lives in the OS keychain, never
//! in the database; as a second line of defence any settings key, or key of
//! a JSON settings value, that names a password, secret or token is left
//! out (a test checks both). Binary columns (an e-mail's exact bytes) are
//! `{"base64": "…"}`.

use crate::files::{io_error, sha256_hex, write_atomic};
use crate::{ApiError, ApiResult, Ctx, ErrorCode};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::path::Path;
use ts_rs::TS;

/// The archive's own format, raised when its shape changes.
pub const FORMAT_VERSION: u32 = 1;
/// What the `format` field says.
pub const FORMAT_NAME: &str = "kindly-archive";

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ArchiveRequest {
    /// Where to write the archive (from the save dialog or `--out`).
    pub path: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ArchiveResult {
    pub path: String,
    pub format_version: u32,
    pub schema_version: i64,
    pub tables: u32,
    pub rows: u32,
    pub bytes: u32,
    pub sha256: String,
}

/// Writes the archive to `req.path`.
pub async fn export(ctx: Ctx<'_>, req: &ArchiveRequest) -> ApiResult<ArchiveResult> {
    let target = req.path.trim();
    if target.is_empty() {
        return Err(ApiError::new(ErrorCode::Required, "Choose where to save the archive.", Some("path")));
    }
    let path = Path::new(target);
    if path.is_dir() {
        return Err(io_error(
            "write the archive to",
            path,
            &std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a folder"),
        ));
    }
    let (schema_version, tables) = ctx.store.dump_tables().await?;
    let mut rows = 0usize;
    let mut out = Map::new();
    for t in &tables {
        let mut kept: Vec<Value> = Vec::with_capacity(t.rows.len());
        for row in &t.rows {
            if t.name == "settings" {
                match without_secrets(row) {
                    Some(r) => kept.push(Value::Object(r)),
                    None => continue,
                }
            } else {
                kept.push(Value::Object(row.clone()));
            }
        }
        rows += kept.len();
        out.insert(t.name.clone(), serde_json::json!({ "columns": t.columns, "rows": kept }));
    }
    let doc = serde_json::json!({
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": env!("CARGO_PKG_VERSION"),
        "schema_version": schema_version,
        "exported_at": ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "tables": out,
    });
    let bytes = serde_json::to_vec_pretty(&doc)
        .map_err(|e| ApiError::new(ErrorCode::IoError, format!("Could not write the archive: {e}"), None))?;
    write_atomic(path, &bytes)?;
    Ok(ArchiveResult {
        path: path.display().to_string(),
        format_version: FORMAT_VERSION,
        schema_version,
        tables: tables.len() as u32,
        rows: u32::try_from(rows).unwrap_or(u32::MAX),
        bytes: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
        sha256: sha256_hex(&bytes),
    })
}

fn secret_name(key: &str) -> bool {
    let k = key.to_lowercase();
    ["password", "passwd", "secret", "token", "api_key", "apikey"].iter().any(|s| k.contains(s))
}

/// A settings row without secrets: `None` when the key itself is one.
fn without_secrets(row: &Map<String, Value>) -> Option<Map<String, Value>> {
    let key = row.get("key").and_then(Value::as_str).unwrap_or_default();
    if secret_name(key) {
        return None;
    }
    let mut row = row.clone();
    if let Some(Value::String(v)) = row.get("value") {
        if let Ok(mut json) = serde_json::from_str::<Value>(v) {
            if scrub(&mut json) {
                row.insert("value".into(), Value::String(json.to_string()));
            }
        }
    }
    Some(row)
}

/// Removes secret-named keys at any depth; true when something was removed.
fn scrub(v: &mut Value) -> bool {
    match v {
        Value::Object(m) => {
            let before = m.len();
            m.retain(|k, _| !secret_name(k));
            let mut changed = m.len() != before;
            for x in m.values_mut() {
                changed |= scrub(x);
            }
            changed
        }
        Value::Array(a) => a.iter_mut().fold(false, |c, x| scrub(x) | c),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_left_out_of_settings() {
        let row = |k: &str, v: &str| {
            let mut m = Map::new();
            m.insert("key".into(), Value::String(k.into()));
            m.insert("value".into(), Value::String(v.into()));
            m
        };
        assert!(without_secrets(&row("smtp_password", "hunter2")).is_none());
        let kept =
            without_secrets(&row("smtp", r#"{"host":"mail.example","password":"hunter2","auth":{"token":"t"}}"#))
                .unwrap();
        let v = kept["value"].as_str().unwrap();
        assert!(!v.contains("hunter2") && !v.contains("\"t\"") && v.contains("mail.example"), "{v}");
        assert_eq!(without_secrets(&row("business_name", "Acme")).unwrap()["value"], "Acme");
    }
}

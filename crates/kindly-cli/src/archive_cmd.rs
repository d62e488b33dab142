//! `kindly export archive --out FILE`: everything Kindly holds as one JSON
//! document (format, app and schema versions; no secret), written
//! atomically. The CSV exports live beside it in `export_cmd.rs`.

use crate::output::Out;
use kindly_api::archive::{self, ArchiveRequest};
use kindly_api::{ApiError, Ctx};
use std::path::PathBuf;

pub async fn export(ctx: Ctx<'_>, out: PathBuf, o: &Out) -> Result<String, ApiError> {
    let r = archive::export(ctx, &ArchiveRequest { path: out.display().to_string() }).await?;
    o.value(&r, |r| {
        format!("{} ({} tables, {} rows, {} bytes, SHA-256 {})\n", r.path, r.tables, r.rows, r.bytes, r.sha256)
    })
}

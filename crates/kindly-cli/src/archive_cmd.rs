//! `kindly export archive --out FILE`: everything Kindly holds as one JSON
//! document (format, app and schema versions; no secret), written
//! atomically. The CSV exports live beside it in `export_cmd.rs`.

use crate::output::Out;
use clap::Subcommand;
use kindly_api::archive::{self, ArchiveRequest};
use kindly_api::{ApiError, Ctx};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum ArchiveExportCmd {
    /// Everything (clients, invoices, payments, timeline, plans, e-mails, letters, bank entries, settings without secrets) as one JSON file.
    Archive {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

pub async fn export(ctx: Ctx<'_>, cmd: ArchiveExportCmd, o: &Out) -> Result<String, ApiError> {
    match cmd {
        ArchiveExportCmd::Archive { out } => {
            let r = archive::export(ctx, &ArchiveRequest { path: out.display().to_string() }).await?;
            o.value(&r, |r| {
                format!("{} ({} tables, {} rows, {} bytes, SHA-256 {})\n", r.path, r.tables, r.rows, r.bytes, r.sha256)
            })
        }
    }
}

//! `kindly export clients|invoices|payments|timeline --out FILE`: CSV
//! (RFC 4180, formula-like cells neutralised) in the columns of the `kindly`
//! import preset, written atomically.

use crate::output::Out;
use kindly_api::export::{self, ExportRequest};
use kindly_api::{ApiError, Ctx};
use kindly_csv::ExportKind;
use std::path::PathBuf;

pub async fn run(ctx: Ctx<'_>, kind: ExportKind, out: PathBuf, o: &Out) -> Result<String, ApiError> {
    let r = export::export(ctx, &ExportRequest { kind, path: out.display().to_string() }).await?;
    o.value(&r, |r| format!("{} rows written to {}\n", r.rows, r.path))
}

//! `kindly export clients|invoices|payments|timeline|archive --out FILE`:
//! CSV (RFC 4180, formula-like cells neutralised) in the columns of the
//! `kindly` import preset, or everything as one JSON archive; written
//! atomically.

use crate::output::Out;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use kindly_api::export::{self, ExportRequest};
use kindly_api::{ApiError, Ctx};
use kindly_core::vocab::Word;
use kindly_csv::ExportKind;
use std::path::PathBuf;
use strum::VariantArray;

/// What `kindly export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    Csv(ExportKind),
    Archive,
}

/// The CSV kinds' words, then `archive`.
pub fn export_targets() -> impl TypedValueParser<Value = ExportTarget> {
    let words: Vec<&'static str> = ExportKind::VARIANTS.iter().map(|k| k.word()).chain(["archive"]).collect();
    PossibleValuesParser::new(words).map(|w: String| {
        ExportKind::from_word(&w.to_ascii_lowercase()).map_or(ExportTarget::Archive, ExportTarget::Csv)
    })
}

pub async fn run(ctx: Ctx<'_>, what: ExportTarget, out: PathBuf, o: &Out) -> Result<String, ApiError> {
    match what {
        ExportTarget::Archive => crate::archive_cmd::export(ctx, out, o).await,
        ExportTarget::Csv(kind) => {
            let r = export::export(ctx, &ExportRequest { kind, path: out.display().to_string() }).await?;
            o.value(&r, |r| format!("{} rows written to {}\n", r.rows, r.path))
        }
    }
}

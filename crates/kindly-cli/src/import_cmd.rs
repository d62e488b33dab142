//! `kindly import csv FILE --kind clients|invoices|payments [--preset NAME]
//! [--mapping FILE.json] [--dry-run]`: the same detection, dry run and
//! all-or-nothing import as the app's "Import and export" page. With any
//! problem, nothing is imported, every problem is listed by row and column,
//! and the exit status is 2 (refused).

use crate::output::Out;
use clap::Subcommand;
use kindly_api::import::{self, ImportDetectRequest, ImportReport, ImportRequest};
use kindly_api::{ApiError, Ctx, ErrorCode};
use kindly_csv::{ImportKind, ImportPreset, Mapping};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum ImportCmd {
    /// Import clients, invoices or payments from a CSV file (all or nothing;
    /// importing the same file again adds nothing).
    Csv {
        file: PathBuf,
        #[arg(long, value_parser = crate::values::import_kinds(), ignore_case = true)]
        kind: ImportKind,
        /// The tool the file comes from (else detected from its header).
        #[arg(long, value_parser = crate::values::import_presets(), ignore_case = true)]
        preset: Option<ImportPreset>,
        /// A mapping (JSON, as `--show-mapping --json` prints it) instead of the detected one.
        #[arg(long, value_name = "FILE.json")]
        mapping: Option<PathBuf>,
        /// Read every row and report; import nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the detected mapping, headers and first rows; import nothing.
        #[arg(long)]
        show_mapping: bool,
    },
    /// Import e-invoices issued elsewhere (Factur-X / ZUGFeRD PDF, XRechnung or
    /// Peppol XML); importing a file again adds nothing.
    Einvoice {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

fn report_text(r: &ImportReport) -> String {
    let mut t = format!(
        "{}{}: {} {} read; {}\n",
        if r.dry_run { "Dry run" } else { "Import" },
        if r.written { "" } else { " (nothing written)" },
        r.rows,
        if r.rows == 1 { "row" } else { "rows" },
        r.summary
    );
    if r.new_clients + r.new_invoices + r.new_payments > 0 {
        t.push_str(&format!(
            "new: {} clients, {} invoices, {} payments\n",
            r.new_clients, r.new_invoices, r.new_payments
        ));
    }
    if !r.ignored_columns.is_empty() {
        t.push_str(&format!("ignored columns: {}\n", r.ignored_columns.join(", ")));
    }
    for p in &r.problems {
        let col = if p.column.is_empty() { String::new() } else { format!(", column \u{201c}{}\u{201d}", p.column) };
        let val = if p.value.is_empty() { String::new() } else { format!(" [{}]", p.value) };
        t.push_str(&format!("row {}{col}: {}{val}\n", p.row, p.message));
    }
    t
}

pub async fn run(ctx: Ctx<'_>, cmd: ImportCmd, o: &Out) -> Result<String, ApiError> {
    match cmd {
        ImportCmd::Einvoice { files } => crate::einvoice_cmd::import(ctx, files, o).await,
        ImportCmd::Csv { file, kind, preset, mapping, dry_run, show_mapping } => {
            let path = file.display().to_string();
            let mapping: Mapping = match mapping {
                Some(m) => {
                    let text = std::fs::read_to_string(&m).map_err(|e| {
                        ApiError::new(
                            ErrorCode::FileNotFound,
                            format!("Could not read {}: {e}", m.display()),
                            Some("mapping"),
                        )
                    })?;
                    let mut m: Mapping = serde_json::from_str(&text).map_err(|e| {
                        ApiError::new(
                            ErrorCode::ImportMappingInvalid,
                            format!("The mapping is not valid: {e}"),
                            Some("mapping"),
                        )
                    })?;
                    m.kind = kind;
                    m
                }
                None => {
                    let p = import::detect(ctx, &ImportDetectRequest { path: path.clone(), kind, preset }).await?;
                    if show_mapping {
                        return o.value(&p, |p| {
                            let mut t = String::new();
                            for c in &p.mapping.columns {
                                let col = c.column.and_then(|i| p.headers.get(i as usize)).map_or("-", String::as_str);
                                t.push_str(&format!("{}: {col}\n", c.field.label()));
                            }
                            t
                        });
                    }
                    p.mapping
                }
            };
            let req = ImportRequest { path, mapping };
            let report = import::dry_run(ctx, &req).await?;
            if !report.problems.is_empty() || dry_run {
                if !report.problems.is_empty() {
                    o.set_status(crate::EXIT_REFUSED);
                }
                return o.value(&report, report_text);
            }
            let r = import::apply(ctx, &req).await?;
            o.value(&r, report_text)
        }
    }
}

//! `kindly backup …` and `kindly restore …`: one archive of the database
//! and every stored file, with a manifest of SHA-256 hashes; restore only
//! into a new (or empty) data folder, after every check passed.

use crate::output::Out;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand};
use kindly_api::backup::{self, BackupNowRequest, BackupResult, BackupSettingsInput, BackupSettingsView};
use kindly_api::{ApiError, Ctx, ErrorCode};
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct BackupArgs {
    /// Write the backup into this folder (default: the folder set with
    /// `kindly backup settings --folder`, else "<data folder> backups" beside the data folder).
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    /// Only back up when automatic backups are on and the last one is 24 hours old (for cron or a timer).
    #[arg(long, conflicts_with = "to")]
    pub if_due: bool,
    #[command(subcommand)]
    pub action: Option<BackupCmd>,
}

#[derive(Subcommand, Debug)]
pub enum BackupCmd {
    /// Show or change where backups go and whether the app makes one every day
    /// (7 daily and 4 weekly kept).
    Settings {
        /// An existing folder outside the data folder, best on another drive.
        #[arg(long, value_name = "DIR")]
        folder: Option<PathBuf>,
        /// Go back to the default folder beside the data folder (turns automatic backups off).
        #[arg(long, conflicts_with = "folder")]
        default_folder: bool,
        /// Automatic daily backups: on or off.
        #[arg(long, value_parser = on_off())]
        auto: Option<bool>,
    },
}

fn on_off() -> impl TypedValueParser<Value = bool> {
    PossibleValuesParser::new(["on", "off"]).map(|s| s == "on")
}

fn backup_text(r: &BackupResult) -> String {
    let mut t = format!("backed up {} file(s), {} bytes, to {}\n", r.parts, r.bytes, r.path);
    for old in &r.rotated_out {
        t.push_str(&format!("removed old backup {old}\n"));
    }
    t
}

fn settings_text(s: &BackupSettingsView) -> String {
    let mut t = format!(
        "folder: {}{}\nautomatic: {}\nlast backup: {}\n",
        s.effective_folder,
        if s.folder.is_none() { " (default)" } else { "" },
        if s.auto { "on (daily; 7 daily and 4 weekly kept)" } else { "off" },
        match (&s.last_at, &s.last_file) {
            (Some(at), Some(f)) => format!("{at} ({f})"),
            _ => "never".into(),
        }
    );
    if let Some(e) = &s.last_error {
        t.push_str(&format!("last automatic backup failed at {}: {} [{}]\n", e.at, e.message, e.code));
    }
    t
}

pub async fn backup(ctx: Ctx<'_>, args: BackupArgs, o: &Out) -> Result<String, ApiError> {
    match args.action {
        Some(BackupCmd::Settings { folder, default_folder, auto }) => {
            let current = backup::get_settings(ctx).await?;
            if folder.is_none() && !default_folder && auto.is_none() {
                return o.value(&current, settings_text);
            }
            let input = BackupSettingsInput {
                folder: match (folder, default_folder) {
                    (Some(f), _) => Some(f.display().to_string()),
                    (None, true) => None,
                    (None, false) => current.folder,
                },
                auto: auto.unwrap_or(current.auto && !default_folder),
            };
            o.value(&backup::save_settings(ctx, &input).await?, settings_text)
        }
        None if args.if_due => match backup::run_if_due(ctx).await? {
            Some(r) => o.value(&r, backup_text),
            None => o.value(&serde_json::json!({ "due": false }), |_| "no backup due\n".into()),
        },
        None => {
            let req = BackupNowRequest { folder: args.to.map(|p| p.display().to_string()) };
            o.value(&backup::backup_now(ctx, &req).await?, backup_text)
        }
    }
}

/// `kindly restore FILE --data-dir DIR`: DIR is the new folder to restore
/// into, so it must be given explicitly (never the default data folder).
pub async fn restore(file: &Path, data_dir: Option<&Path>, o: &Out) -> Result<String, ApiError> {
    let Some(target) = data_dir else {
        return Err(ApiError::new(
            ErrorCode::Usage,
            "kindly restore needs --data-dir NEW_DIR: the new (or empty) folder to restore the backup into.",
            Some("data_dir"),
        ));
    };
    let r = backup::restore_into(file, target).await?;
    o.value(&r, |r| {
        format!(
            "restored {} file(s) ({} clients, {} invoices) from the backup of {} (Kindly {}) into {}\n\
             start Kindly with --data-dir {} to use it\n",
            r.parts, r.clients, r.invoices, r.backup_created_at, r.backup_app_version, r.data_dir, r.data_dir
        )
    })
}

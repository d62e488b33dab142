//! `kindly`: the headless command over the same use cases and database as
//! the desktop app, for scripting, scheduled runs, tests and benchmarks.
//! It needs no display. Its commands and `--json` output are a public
//! interface: add to them, do not rename them.

mod archive_cmd;
mod backup_cmd;
mod bank_cmd;
mod business_cmd;
mod cli;
mod contacts_cmd;
mod corrections_cmd;
mod einvoice_cmd;
mod export_cmd;
mod import_cmd;
mod interest_cmd;
mod mail_cmd;
mod output;
mod overview_cmd;
mod plans;
mod statement_cmd;
mod team_cmd;
mod values;

use clap::error::ErrorKind;
use clap::Parser;
use std::process::ExitCode;

/// Exit statuses (see the README): 0 done; 2 the input or the data was
/// refused (usage errors too, as clap does); 3 `emails send` printed its
/// report but the batch stopped on an error (keychain, login, certificate,
/// connection); 1 is left for crashes.
pub const EXIT_REFUSED: u8 = 2;
pub const EXIT_STOPPED: u8 = 3;

/// Whether `--json` was given (before a `--` that ends the options).
fn wants_json(args: &[std::ffi::OsString]) -> bool {
    args.iter().skip(1).take_while(|a| *a != "--").any(|a| a == "--json")
}

/// clap's message without its "error: " prefix, usage block and hint, on one line.
fn usage_message(e: &clap::Error) -> String {
    let text = e.render().to_string();
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return missing_subcommand(&text);
    }
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with("Usage:") && !p.starts_with("For more information"))
        .collect();
    let joined = paragraphs.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    joined.strip_prefix("error: ").unwrap_or(&joined).to_string()
}

/// For a command group run without its subcommand clap prints the group's
/// help; in JSON say it like clap's own top-level message instead.
fn missing_subcommand(help: &str) -> String {
    let mut lines = help.lines();
    let command = lines
        .clone()
        .find_map(|l| l.strip_prefix("Usage: "))
        .map(|u| u.split_whitespace().take_while(|w| !w.starts_with(['[', '<'])).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "kindly".into());
    let subcommands: Vec<&str> = lines
        .by_ref()
        .skip_while(|l| l.trim() != "Commands:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    format!("'{command}' requires a subcommand but one was not provided [subcommands: {}]", subcommands.join(", "))
}

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let args = match cli::Args::try_parse_from(&argv) {
        Ok(a) => a,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => e.exit(),
        Err(e) if wants_json(&argv) => {
            let err = kindly_api::ApiError::new(kindly_api::ErrorCode::Usage, usage_message(&e), None);
            println!("{}", serde_json::json!({ "error": err }));
            return ExitCode::from(EXIT_REFUSED);
        }
        Err(e) => e.exit(),
    };
    // Logging starts here, at the edge; it never stops a command (no data
    // folder, or one that cannot be written: no log file).
    let data_dir = kindly_api::paths::resolve_data_dir(
        args.data_dir.clone(),
        std::env::var_os("KINDLY_DATA_DIR"),
        dirs::data_dir(),
    );
    // `restore` writes into a new folder that must stay empty until it is
    // complete: no log file there.
    let log_dir = if matches!(args.command, cli::Command::Restore { .. }) { None } else { data_dir.as_deref() };
    kindly_log::init(log_dir, args.verbose);
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        data_dir = data_dir.as_ref().map(|d| d.display().to_string()),
        "kindly CLI started"
    );
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            tracing::error!(error = %e, "cannot start the async runtime");
            eprintln!("kindly: cannot start: {e}");
            return ExitCode::from(1);
        }
    };
    let json = args.json;
    match runtime.block_on(cli::run(args)) {
        Ok(reply) => {
            print!("{}", reply.text);
            ExitCode::from(reply.status)
        }
        Err(e) => {
            // The code and field only: a message can quote what was typed (an address).
            tracing::warn!(code = %e.code, field = ?e.field, "command refused");
            if json {
                println!("{}", serde_json::json!({ "error": e }));
            } else {
                eprintln!("kindly: {} [{}]", e.message, e.code);
            }
            ExitCode::from(EXIT_REFUSED)
        }
    }
}

//! `kindly`: the headless command over the same use cases and database as
//! the desktop app, for scripting, scheduled runs, tests and benchmarks.
//! It needs no display. Its commands and `--json` output are a public
//! interface: add to them, do not rename them.

mod bank_cmd;
mod cli;
mod contacts_cmd;
mod mail_cmd;
mod output;
mod plans;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    // Logging starts here, at the edge; it never stops a command (no data
    // folder, or one that cannot be written: no log file).
    let data_dir = kindly_api::paths::resolve_data_dir(
        args.data_dir.clone(),
        std::env::var_os("KINDLY_DATA_DIR"),
        dirs::data_dir(),
    );
    kindly_log::init(data_dir.as_deref(), args.verbose);
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
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            // The code and field only: a message can quote what was typed (an address).
            tracing::warn!(code = ?e.code, field = ?e.field, "command refused");
            if json {
                println!("{}", serde_json::json!({ "error": e }));
            } else {
                eprintln!("kindly: {} [{}]", e.message, e.code);
            }
            // 2: the input or the data was refused; 1 is left for crashes.
            ExitCode::from(2)
        }
    }
}

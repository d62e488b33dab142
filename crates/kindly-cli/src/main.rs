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
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
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

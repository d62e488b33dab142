//! `kindly team …`: the data folder's team database (PostgreSQL, issue #19).
//! `connect` tests the connection, puts the password in the OS keychain and
//! writes `database.json` (never the password); `status` says which
//! database is in use and whether it answers; `disconnect` goes back to the
//! data folder's own file (left as it was); `name` is this person's name
//! next to their changes (`member.json`, kindly_api::member). These run
//! before any store is opened (see `cli::run`).

use crate::output::Out;
use clap::Subcommand;
use kindly_api::database::{self, Choice, TeamConnectInput};
use kindly_api::{ApiError, ErrorCode};
use kindly_core::vocab::SslMode;
use kindly_mail::Secret;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum TeamCmd {
    /// Use a team database (PostgreSQL) for this data folder from now on:
    /// tests the connection, keeps the password in the OS keychain and the
    /// rest in <data dir>/database.json.
    Connect {
        /// postgres://user@host[:port]/database
        url: String,
        /// TLS: disable, prefer, require, verify-ca or verify-full.
        #[arg(long, value_parser = crate::values::ssl_modes(), ignore_case = true)]
        sslmode: Option<SslMode>,
        /// A CA certificate (PEM) to trust for the server's certificate.
        #[arg(long, value_name = "FILE")]
        ca_file: Option<PathBuf>,
        /// Read the password from stdin (asked for when stdin is a terminal).
        #[arg(long)]
        password_stdin: bool,
        /// Your name, as your team sees it next to your changes (as `kindly team name`).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    /// Your name, as your team sees it next to your changes (kept in
    /// <data dir>/member.json, this computer's own): shows it, sets it, or
    /// clears it with --clear.
    Name {
        name: Option<String>,
        /// Forget the name: your changes are recorded without one.
        #[arg(long, conflicts_with = "name")]
        clear: bool,
    },
    /// Which database is in use (the file, or the team database without its
    /// password) and whether it answers; exit 2 when it does not.
    Status,
    /// Back to this data folder's own file (kindly.db, untouched); removes
    /// database.json and the password from the keychain.
    Disconnect,
}

/// The password from stdin: asked for (without echo) on a terminal.
fn read_password(url: &str) -> Result<Secret, ApiError> {
    let io = |e: std::io::Error| ApiError::new(ErrorCode::IoError, format!("Cannot read the password: {e}"), None);
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    if terminal {
        eprint!("Password for {url}: ");
        let _ = std::io::stderr().flush();
        echo(false);
    }
    // Wrapped in a `Secret` at once, so both buffers are zeroed on every path.
    let mut s = String::new();
    let read =
        if terminal { stdin.read_line(&mut s).map(|_| ()) } else { stdin.lock().read_to_string(&mut s).map(|_| ()) };
    let typed = Secret::new(s);
    if terminal {
        echo(true);
        eprintln!();
    }
    read.map_err(io)?;
    Ok(Secret::from(typed.expose().trim_end_matches(['\r', '\n'])))
}

/// Turns the terminal's echo off or on (`stty`; nothing where there is none).
fn echo(on: bool) {
    #[cfg(unix)]
    {
        let _ = std::process::Command::new("stty")
            .arg(if on { "echo" } else { "-echo" })
            .stdin(std::process::Stdio::inherit())
            .status();
    }
    #[cfg(not(unix))]
    let _ = on;
}

fn data_dir(dir: Option<&Path>) -> Result<&Path, ApiError> {
    dir.ok_or_else(|| {
        ApiError::new(ErrorCode::NoDataDir, "No data folder: pass --data-dir or set KINDLY_DATA_DIR.", None)
    })
}

pub async fn run(
    cmd: TeamCmd,
    dir: Option<&Path>,
    choice: Result<Choice, ApiError>,
    o: &Out,
) -> Result<String, ApiError> {
    match cmd {
        TeamCmd::Name { name, clear } => {
            let dir = data_dir(dir)?;
            let s = match (name, clear) {
                (Some(n), _) => kindly_api::member::save(dir, Some(&n))?,
                (None, true) => kindly_api::member::save(dir, None)?,
                (None, false) => kindly_api::member::read(dir)?,
            };
            o.value(&s, |s| match &s.name {
                Some(n) => format!("name: {n}\n"),
                None => "no name set; your changes are recorded without one (kindly team name NAME)\n".to_string(),
            })
        }
        TeamCmd::Connect { url, sslmode, ca_file, password_stdin, name } => {
            let dir = data_dir(dir)?;
            // The name is checked before connecting, so a bad one changes nothing.
            let name = name.map(|n| kindly_api::member::validate_name(&n)).transpose()?;
            let password = if password_stdin { Some(read_password(&url)?) } else { None };
            let input = TeamConnectInput { url, password, sslmode, ca_file: ca_file.map(|p| p.display().to_string()) };
            let s = database::connect(dir, input).await?;
            if let Some(n) = &name {
                kindly_api::member::save(dir, Some(n))?;
            }
            o.value(&s, |s| {
                let mut t = format!("connected: {}\n", s.url);
                if let Some(m) = s.sslmode {
                    t.push_str(&format!("sslmode: {m}\n"));
                }
                if let Some(ca) = &s.ca_file {
                    t.push_str(&format!("ca file: {}\n", ca.display()));
                }
                t.push_str(&format!("saved in {}\n", dir.join(database::SETTINGS_FILE).display()));
                if let Some(n) = &name {
                    t.push_str(&format!("name: {n}\n"));
                }
                t
            })
        }
        TeamCmd::Disconnect => {
            let dir = data_dir(dir)?;
            let removed = database::disconnect(dir).await?;
            let file = kindly_api::paths::db_path(dir);
            let v = serde_json::json!({
                "disconnected": removed.as_ref().map(|s| s.url.clone()),
                "database": file.display().to_string(),
            });
            o.value(&v, |_| match &removed {
                Some(s) => format!("disconnected from {}\nnow using {}\n", s.url, file.display()),
                None => format!("no team database was set; using {}\n", file.display()),
            })
        }
        TeamCmd::Status => {
            let choice = choice?;
            let status = database::status(&choice, dir);
            let problem = match database::open(&choice).await {
                Ok(store) => {
                    store.close().await;
                    None
                }
                Err(e) => Some(e),
            };
            if problem.is_some() {
                o.set_status(crate::EXIT_REFUSED);
            }
            let v = serde_json::json!({ "status": status, "reachable": problem.is_none(), "problem": problem });
            o.value(&v, |_| {
                let mut t = format!("database: {}\nchosen by: {}\n", status.in_use, status.source);
                if let Some(m) = status.sslmode {
                    t.push_str(&format!("sslmode: {m}\n"));
                }
                if let Some(ca) = &status.ca_file {
                    t.push_str(&format!("ca file: {ca}\n"));
                }
                match &problem {
                    None => t.push_str("reachable: yes\n"),
                    Some(e) => t.push_str(&format!("reachable: no: {} [{}]\n", e.message, e.code)),
                }
                t
            })
        }
    }
}

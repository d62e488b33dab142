//! Handing a PDF to the operating system's print path: CUPS `lp` where it
//! exists, otherwise the default PDF viewer (xdg-open, open, start), from
//! which the user prints. `KINDLY_PRINT_COMMAND` overrides the command (for
//! tests and unusual setups); it receives the PDF's path as its argument.

use crate::ApiError;
use std::path::Path;
use std::process::Command;

fn on_path(cmd: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(cmd).is_file()))
}

/// Starts printing (or viewing) `pdf`; returns the command used.
pub fn hand_to_system(pdf: &Path) -> Result<String, ApiError> {
    let (program, args): (String, Vec<String>) = if let Some(custom) = std::env::var_os("KINDLY_PRINT_COMMAND") {
        (custom.to_string_lossy().into_owned(), vec![])
    } else if cfg!(unix) && on_path("lp") {
        ("lp".into(), vec![])
    } else if cfg!(target_os = "macos") {
        ("open".into(), vec![])
    } else if cfg!(windows) {
        ("cmd".into(), vec!["/C".into(), "start".into(), String::new()])
    } else {
        ("xdg-open".into(), vec![])
    };
    let status = Command::new(&program).args(&args).arg(pdf).status().map_err(|e| {
        ApiError::new(
            "print_failed",
            format!("The letters were saved to {}, but {program} could not be started: {e}", pdf.display()),
            None,
        )
    })?;
    if !status.success() {
        return Err(ApiError::new(
            "print_failed",
            format!("The letters were saved to {}, but {program} reported an error ({status}).", pdf.display()),
            None,
        ));
    }
    Ok(program)
}

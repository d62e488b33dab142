//! Handing a PDF to the operating system's print path, and telling what
//! really happened: CUPS `lp` reports a job id or an error; a PDF viewer
//! (xdg-open, open, start) only shows the file, so whether it printed is the
//! user's to confirm. The command is chosen at the edge ([`Printer::from_env`]:
//! `KINDLY_PRINT_COMMAND` overrides it for tests and unusual setups, and is
//! treated like `lp`: its exit status says whether the job was taken).

use std::path::{Path, PathBuf};
use std::process::Command;

/// What the print path reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintOutcome {
    /// The print command took the job (`lp`: "request id is Office-42 (1 file(s))").
    Printed { command: String, job_id: Option<String> },
    /// Only a viewer could be opened: the user prints from there and says so.
    Opened { command: String },
    /// The command could not start or reported failure; `reason` says what to do.
    Failed { command: String, reason: String },
}

/// A single document the print path took or showed (see [`PrintOutcome::or_refuse`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Handed {
    Printed { command: String, job_id: Option<String> },
    Opened { command: String },
}

impl PrintOutcome {
    /// For one document saved at `saved`: printed or shown in a viewer, or
    /// the `not_printed` refusal with the printer's reason, saying the `what`
    /// ("letter", "statement") was saved there and is not recorded as sent.
    pub(crate) fn or_refuse(self, what: &str, saved: &Path) -> Result<Handed, crate::ApiError> {
        match self {
            PrintOutcome::Printed { command, job_id } => Ok(Handed::Printed { command, job_id }),
            PrintOutcome::Opened { command } => Ok(Handed::Opened { command }),
            PrintOutcome::Failed { reason, .. } => Err(crate::ApiError::new(
                crate::ErrorCode::NotPrinted,
                format!("{reason} The {what} was saved to {} and is not recorded as sent.", saved.display()),
                None,
            )),
        }
    }
}

/// How PDFs are printed on this computer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Printer {
    /// A command that prints and reports by its exit status (`lp`, or `KINDLY_PRINT_COMMAND`).
    Command(PathBuf),
    /// No print command: open the PDF in the system's viewer.
    Viewer,
}

fn on_path(cmd: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(cmd).is_file()))
}

impl Printer {
    /// `KINDLY_PRINT_COMMAND`, else CUPS `lp` where it exists, else the viewer.
    pub fn from_env() -> Printer {
        match std::env::var_os("KINDLY_PRINT_COMMAND").filter(|v| !v.is_empty()) {
            Some(custom) => Printer::Command(PathBuf::from(custom)),
            None if cfg!(unix) && on_path("lp") => Printer::Command(PathBuf::from("lp")),
            None => Printer::Viewer,
        }
    }

    /// Prints (or opens) `pdf` and reports what happened. Never fails: a
    /// printer that cannot be reached is an outcome to record, not an error.
    pub fn print(&self, pdf: &Path) -> PrintOutcome {
        match self {
            Printer::Command(program) => print_with(program, pdf),
            Printer::Viewer => open_viewer(pdf),
        }
    }
}

fn print_with(program: &Path, pdf: &Path) -> PrintOutcome {
    let command = program.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let out = match Command::new(program).arg(pdf).output() {
        Ok(out) => out,
        Err(e) => {
            return PrintOutcome::Failed {
                reason: format!(
                    "{command} could not be started ({e}). Check that printing is set up on this computer, \
                     then choose Print again."
                ),
                command,
            }
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        return PrintOutcome::Printed { job_id: job_id(&stdout), command };
    }
    let said = stderr.trim().lines().chain(stdout.trim().lines()).take(3).collect::<Vec<_>>().join(" ");
    let said = if said.is_empty() { format!("it ended with {}", out.status) } else { format!("it said: {said}") };
    PrintOutcome::Failed {
        reason: format!(
            "The printer did not take the letters ({command} failed; {said}). Check the printer and choose Print again."
        ),
        command,
    }
}

/// The job id in `lp`'s answer ("request id is Office-42 (1 file(s))").
fn job_id(stdout: &str) -> Option<String> {
    let rest = stdout.split("request id is ").nth(1)?;
    let id = rest.split_whitespace().next()?;
    Some(id.to_string()).filter(|s| !s.is_empty())
}

fn open_viewer(pdf: &Path) -> PrintOutcome {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", ""])
    } else {
        ("xdg-open", vec![])
    };
    match Command::new(program).args(&args).arg(pdf).status() {
        Ok(s) if s.success() => PrintOutcome::Opened { command: program.into() },
        Ok(s) => PrintOutcome::Failed {
            command: program.into(),
            reason: format!(
                "The PDF viewer could not open the letters ({program} ended with {s}). Open {} and print it.",
                pdf.display()
            ),
        },
        Err(e) => PrintOutcome::Failed {
            command: program.into(),
            reason: format!("No PDF viewer could be started ({program}: {e}). Open {} and print it.", pdf.display()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lp_job_ids() {
        assert_eq!(job_id("request id is Office-42 (1 file(s))\n"), Some("Office-42".into()));
        assert_eq!(job_id(""), None);
        assert_eq!(job_id("printing"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_failing_command_is_an_outcome_with_its_words() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("fake-lp");
        std::fs::write(&script, "#!/bin/sh\necho 'lp: Error - No default destination.' >&2\nexit 1\n").unwrap();
        let mut perm = std::fs::metadata(&script).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o755);
        std::fs::set_permissions(&script, perm).unwrap();
        match Printer::Command(script).print(Path::new("/tmp/x.pdf")) {
            PrintOutcome::Failed { reason, .. } => assert!(reason.contains("No default destination"), "{reason}"),
            other => panic!("{other:?}"),
        }
        match Printer::Command(dir.path().join("missing")).print(Path::new("/tmp/x.pdf")) {
            PrintOutcome::Failed { reason, .. } => assert!(reason.contains("could not be started"), "{reason}"),
            other => panic!("{other:?}"),
        }
    }
}

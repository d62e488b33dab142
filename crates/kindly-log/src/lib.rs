//! Kindly's log: a daily file under `<data dir>/logs/` (`kindly.YYYY-MM-DD.log`,
//! UTC days, the last [`KEEP_FILES`] kept) and, when asked (`--verbose`),
//! the same lines on stderr.
//!
//! Architecture Invariant: only the edges (the Tauri app's `run`, the
//! `kindly` CLI's `main`) call [`init`]; library crates use the `tracing`
//! macros and never install a subscriber. Nothing logs a password (it is a
//! `kindly_mail::Secret`, which prints `[redacted]`), a recipient address or
//! a message body: events carry ids, Message-IDs, counts and error codes.
//!
//! Logging never stops Kindly: if the folder cannot be written, [`init`]
//! says so on stderr when verbose and returns without a file.

use std::path::{Path, PathBuf};
use tracing::level_filters::LevelFilter;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

/// How many daily files are kept (older ones are deleted at rotation).
pub const KEEP_FILES: usize = 14;

/// The log folder inside a data folder.
pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// What [`init`] set up.
#[derive(Debug, Default)]
pub struct Logging {
    /// The log folder, when the file could be opened.
    pub folder: Option<PathBuf>,
    /// Why there is no log file, when there is none though a folder was given.
    pub problem: Option<String>,
}

/// Kindly's own events at INFO and above; other crates' warnings and errors.
fn targets() -> Targets {
    Targets::new().with_target("kindly", LevelFilter::INFO).with_default(LevelFilter::WARN)
}

/// Why there is no log file.
#[derive(Debug, thiserror::Error)]
enum FileError {
    #[error("cannot create {}: {source}", path.display())]
    Folder { path: PathBuf, source: std::io::Error },
    #[error("cannot open a log file in {}: {source}", path.display())]
    Open { path: PathBuf, source: tracing_appender::rolling::InitError },
}

fn file(data_dir: &Path) -> Result<(RollingFileAppender, PathBuf), FileError> {
    let folder = dir(data_dir);
    std::fs::create_dir_all(&folder).map_err(|source| FileError::Folder { path: folder.clone(), source })?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("kindly")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(&folder)
        .map_err(|source| FileError::Open { path: folder.clone(), source })?;
    Ok((appender, folder))
}

/// Installs the process's subscriber: the daily file under
/// `<data_dir>/logs/` (when `data_dir` is given and usable) and stderr
/// (when `stderr`). Without either it installs nothing. Never fails: a
/// problem is returned (and printed to stderr when verbose), and a second
/// call in the same process changes nothing.
pub fn init(data_dir: Option<&Path>, stderr: bool) -> Logging {
    let mut logging = Logging::default();
    let file_layer = match data_dir.map(file) {
        Some(Ok((appender, folder))) => {
            logging.folder = Some(folder);
            Some(tracing_subscriber::fmt::layer().with_ansi(false).with_writer(appender).with_filter(targets()))
        }
        Some(Err(problem)) => {
            logging.problem = Some(problem.to_string());
            None
        }
        None => None,
    };
    let stderr_layer = stderr
        .then(|| tracing_subscriber::fmt::layer().with_ansi(false).with_writer(std::io::stderr).with_filter(targets()));
    if file_layer.is_none() && stderr_layer.is_none() {
        return logging;
    }
    let installed = tracing_subscriber::registry().with(file_layer).with(stderr_layer).try_init().is_ok();
    if installed {
        log_panics();
        if let Some(problem) = &logging.problem {
            tracing::warn!(target: "kindly", problem = %problem, "no log file");
        }
    }
    logging
}

/// A panic is logged with where it happened (not its message, which could
/// quote data), then reported as before (stderr).
fn log_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
        let thread = std::thread::current().name().map(str::to_string);
        tracing::error!(target: "kindly", location, thread, "panic");
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_kindly_events_to_a_daily_file_and_filters_others() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let logging = super::init(Some(tmp.path()), false);
        let folder = logging.folder.expect("log folder");
        assert_eq!(folder, tmp.path().join("logs"));
        tracing::info!(target: "kindly_test", outbox_id = 7, "sent");
        tracing::info!(target: "chatty_dependency", "not wanted");
        tracing::warn!(target: "chatty_dependency", "wanted");
        let files: Vec<_> = std::fs::read_dir(&folder).expect("read logs").map(|f| f.expect("entry").path()).collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let name = files[0].file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        assert!(name.starts_with("kindly.") && name.ends_with(".log"), "{name}");
        let text = std::fs::read_to_string(&files[0]).expect("read log");
        assert!(text.contains("sent outbox_id=7"), "{text}");
        assert!(text.contains("wanted") && !text.contains("not wanted"), "{text}");
    }

    #[test]
    fn an_unusable_folder_is_reported_not_fatal() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let blocker = tmp.path().join("file");
        std::fs::write(&blocker, b"x").expect("write");
        // A data folder "inside" a file cannot hold logs/.
        let logging = super::init(Some(&blocker.join("data")), false);
        assert!(logging.folder.is_none());
        assert!(logging.problem.is_some());
    }
}

//! Where the database lives: `--data-dir`, else `KINDLY_DATA_DIR`, else the
//! OS's per-user app-data directory (`~/.local/share/app.kindly.desktop` on
//! Linux, `~/Library/Application Support/app.kindly.desktop` on macOS,
//! `%APPDATA%\app.kindly.desktop` on Windows). Inputs are passed in so the
//! rule is testable; the callers read the environment.

use std::ffi::OsString;
use std::path::PathBuf;

/// The app identifier, also the folder name under the OS data directory.
pub const APP_ID: &str = "app.kindly.desktop";

pub fn resolve_data_dir(flag: Option<PathBuf>, env: Option<OsString>, os_data_dir: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from)).or_else(|| os_data_dir.map(|d| d.join(APP_ID)))
}

/// The database file inside a data directory.
pub fn db_path(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join(kindly_store::DB_FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_env_beats_os_default() {
        let os = Some(PathBuf::from("/home/a/.local/share"));
        assert_eq!(resolve_data_dir(Some("/f".into()), Some("/e".into()), os.clone()), Some("/f".into()));
        assert_eq!(resolve_data_dir(None, Some("/e".into()), os.clone()), Some("/e".into()));
        assert_eq!(resolve_data_dir(None, Some("".into()), os), Some("/home/a/.local/share/app.kindly.desktop".into()));
        assert_eq!(resolve_data_dir(None, None, None), None);
    }
}

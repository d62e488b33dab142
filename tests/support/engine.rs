//! Which engine the integration suites run on. By default each test's data
//! folder holds a SQLite file; with `KINDLY_TEST_ENGINE=postgres` (the
//! second pass of scripts/test.sh) every data folder made by [`data_dir`] is
//! connected to a fresh database of kindly-pgtest's throwaway PostgreSQL
//! server through its `database.json`, as `kindly team connect` leaves it,
//! so every `kindly --data-dir …` of the test, and the store of
//! [`crate::open_db`], runs on PostgreSQL without the test knowing.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

/// The variable that switches the suites to PostgreSQL.
pub const ENGINE_VAR: &str = "KINDLY_TEST_ENGINE";

/// True in the PostgreSQL pass.
pub fn on_postgres() -> bool {
    std::env::var(ENGINE_VAR).is_ok_and(|v| v == "postgres")
}

/// True (and says why on stderr) when a test about the data folder's own
/// SQLite file runs in the PostgreSQL pass, where it has nothing to test:
/// the test returns early.
pub fn sqlite_only(why: &str) -> bool {
    if on_postgres() {
        eprintln!("SQLite only ({why}): not run in the PostgreSQL pass");
    }
    on_postgres()
}

/// A new, empty data folder; on PostgreSQL, connected to a fresh database.
pub fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    if on_postgres() {
        connect(dir.path(), &fresh_database());
    }
    dir
}

/// The database URL a data folder made by [`data_dir`] is connected to
/// (none: its own SQLite file).
pub fn database_url(data_dir: &Path) -> Option<String> {
    let settings = kindly_api::database::read_settings(data_dir).expect("read database.json")?;
    Some(settings.url)
}

/// Connects `data_dir` to the database at `url` (no password: the
/// throwaway server trusts loopback), as `kindly team connect` would.
pub fn connect(data_dir: &Path, url: &str) {
    let settings = kindly_api::database::TeamSettings { url: url.to_string(), sslmode: None, ca_file: None };
    let json = serde_json::to_string(&settings).expect("database.json");
    std::fs::write(data_dir.join(kindly_api::database::SETTINGS_FILE), json).expect("write database.json");
}

/// A fresh database of the throwaway server; blocks (on a thread of its
/// own, so that it works inside an async test too).
pub fn fresh_database() -> String {
    let server = kindly_pgtest::PgServer::shared()
        .expect("PostgreSQL test server")
        .expect("KINDLY_TEST_ENGINE=postgres needs PostgreSQL (or KINDLY_TEST_PG_URL)");
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        rt.block_on(server.fresh_database()).expect("a fresh test database")
    })
    .join()
    .expect("the thread making a database")
}

/// The data folder of each test database, by the store's shown URL, so a
/// context made from a store alone ([`crate::on`]) writes and reads its
/// files where the app and the CLI would: in that folder (a team database's
/// store has no folder of its own).
fn folders() -> &'static Mutex<HashMap<String, &'static Path>> {
    static FOLDERS: OnceLock<Mutex<HashMap<String, &'static Path>>> = OnceLock::new();
    FOLDERS.get_or_init(Default::default)
}

/// Remembers `data_dir` as the folder of the store shown as `url`.
pub fn remember_folder(url: &str, data_dir: &Path) {
    // Leaked on purpose: a test's contexts borrow it for as long as they live.
    let dir: &'static Path = Box::leak(data_dir.to_path_buf().into_boxed_path());
    folders().lock().expect("folders").insert(url.to_string(), dir);
}

/// The data folder of the store shown as `url`, if a test made it.
pub fn folder_of(url: &str) -> Option<&'static Path> {
    folders().lock().expect("folders").get(url).copied()
}

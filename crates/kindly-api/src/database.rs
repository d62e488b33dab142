//! Which database Kindly opens (issue #19), decided here, once, for the CLI
//! and the app: `--database-url postgres://…` (the CLI's flag), else
//! `KINDLY_DATABASE_URL`, else the data folder's team database settings
//! (`database.json`: the URL without a password, the `sslmode`, a CA file),
//! else the data folder's SQLite file `kindly.db`, as always.
//!
//! Architecture Invariant: a team database's password lives in the OS
//! keychain (service [`secrets::DATABASE_SERVICE`], account
//! `user@host:port/database`), like the SMTP password; it is never written
//! to `database.json`, a log or an IPC response. A URL given with a password
//! (flag, environment) is used as given and shown without it
//! ([`TeamUrl::shown`]).
//!
//! Connecting and disconnecting write `database.json` only; the open store
//! is not swapped under a running app (it uses the new database after a
//! restart), and disconnecting leaves the local `kindly.db` untouched.

use crate::{ApiError, ApiResult, ErrorCode};
use kindly_core::vocab::{DatabaseSource, SslMode};
use kindly_mail::{secrets, Secret, SecretError};
use kindly_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The team database settings file inside a data folder.
pub const SETTINGS_FILE: &str = "database.json";

/// The environment variable naming a team database (the CLI and the app).
pub const ENV_VAR: &str = "KINDLY_DATABASE_URL";

/// PostgreSQL's port when a URL names none (for the keychain account).
const DEFAULT_PORT: u16 = 5432;

/// What `database.json` holds. Never a password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSettings {
    /// `postgres://user@host:port/database`, without a password.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sslmode: Option<SslMode>,
    /// A CA certificate (PEM) to trust for the server's certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
}

/// A PostgreSQL connection URL taken apart: the password is kept apart
/// (a [`Secret`]) so that nothing built for showing can carry it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamUrl {
    user: String,
    password: Option<Secret>,
    host: String,
    port: Option<u16>,
    database: String,
    pub sslmode: Option<SslMode>,
    pub ca_file: Option<PathBuf>,
    /// Other query parameters (`application_name=…`), passed on as written.
    other: Vec<String>,
}

fn bad_url(why: &str) -> ApiError {
    ApiError::new(
        ErrorCode::DatabaseUrlInvalid,
        format!("This is not a PostgreSQL connection URL ({why}); write it as postgres://user@host/database."),
        Some("url"),
    )
}

/// `%XX` decoding (the URL's user, password and query values).
fn percent_decode(s: &str) -> Result<String, ApiError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3).ok_or_else(|| bad_url("a % not followed by two hex digits"))?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| bad_url("a % not followed by two hex digits"))?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad_url("not UTF-8 once decoded"))
}

/// `%XX` encoding of everything but RFC 3986's unreserved characters.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl TeamUrl {
    /// Parses `postgres://user[:password]@host[:port]/database[?…]` (or
    /// `postgresql://`). `sslmode`, `sslrootcert` and `password` in the
    /// query are read into their own fields.
    pub fn parse(url: &str) -> ApiResult<TeamUrl> {
        let url = url.trim();
        let rest = url
            .strip_prefix("postgres://")
            .or_else(|| url.strip_prefix("postgresql://"))
            .ok_or_else(|| bad_url("it does not start with postgres://"))?;
        let (main, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (authority, database) = main.split_once('/').unwrap_or((main, ""));
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        let (user, mut password) = match userinfo {
            Some(u) => match u.split_once(':') {
                Some((user, pw)) => (percent_decode(user)?, Some(Secret::new(percent_decode(pw)?))),
                None => (percent_decode(u)?, None),
            },
            None => (String::new(), None),
        };
        // `[::1]:5433`, `host:5433`, `host`.
        let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
            let (h, after) = v6.split_once(']').ok_or_else(|| bad_url("an unclosed [ in the host"))?;
            (format!("[{h}]"), after.strip_prefix(':'))
        } else {
            match hostport.rsplit_once(':') {
                Some((h, p)) => (h.to_string(), Some(p)),
                None => (hostport.to_string(), None),
            }
        };
        if host.is_empty() {
            return Err(bad_url("no server name"));
        }
        if host.contains(['/', ' ', ',']) {
            return Err(bad_url("an unusable server name"));
        }
        let port = match port {
            Some(p) => {
                Some(p.parse::<u16>().ok().filter(|p| *p > 0).ok_or_else(|| bad_url("a port that is not a number"))?)
            }
            None => None,
        };
        let database = percent_decode(database.trim_end_matches('/'))?;
        if database.is_empty() {
            return Err(bad_url("no database name after the server"));
        }
        let mut out =
            TeamUrl { user, password: None, host, port, database, sslmode: None, ca_file: None, other: Vec::new() };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sslmode" | "ssl-mode" => {
                    let v = percent_decode(value)?;
                    out.sslmode = Some(SslMode::parse(&v).ok_or_else(|| {
                        bad_url("sslmode is not one of disable, prefer, require, verify-ca, verify-full")
                    })?);
                }
                "sslrootcert" | "ssl-root-cert" | "ssl-ca" => out.ca_file = Some(PathBuf::from(percent_decode(value)?)),
                "password" => password = Some(Secret::new(percent_decode(value)?)),
                "user" => out.user = percent_decode(value)?,
                _ => out.other.push(pair.to_string()),
            }
        }
        out.password = password.filter(|p| !p.is_empty());
        Ok(out)
    }

    /// The URL to show and to keep in `database.json`: no password, no query.
    pub fn shown(&self) -> String {
        let user = if self.user.is_empty() { String::new() } else { format!("{}@", percent_encode(&self.user)) };
        let port = self.port.map(|p| format!(":{p}")).unwrap_or_default();
        format!("postgres://{user}{}{port}/{}", self.host, percent_encode(&self.database))
    }

    /// The server, as messages name it (`host` or `host:port`).
    pub fn host(&self) -> String {
        match self.port {
            Some(p) => format!("{}:{p}", self.host),
            None => self.host.clone(),
        }
    }

    /// The keychain account of this database's password: `user@host:port/database`.
    pub fn keychain_account(&self) -> String {
        format!("{}@{}:{}/{}", self.user, self.host, self.port.unwrap_or(DEFAULT_PORT), self.database)
    }

    /// Whether the URL itself carried a password.
    pub fn has_password(&self) -> bool {
        self.password.is_some()
    }

    /// The password the URL carried, taken out of it.
    pub fn take_password(&mut self) -> Option<Secret> {
        self.password.take()
    }

    /// The URL handed to the driver, with the password and TLS settings.
    /// Never log or show it.
    fn connection_url(&self, password: Option<&Secret>) -> String {
        let user = match (self.user.is_empty(), password) {
            (true, _) => String::new(),
            (false, Some(pw)) => format!("{}:{}@", percent_encode(&self.user), percent_encode(pw.expose())),
            (false, None) => format!("{}@", percent_encode(&self.user)),
        };
        let port = self.port.map(|p| format!(":{p}")).unwrap_or_default();
        let mut query: Vec<String> = self.other.clone();
        if let Some(mode) = self.sslmode {
            query.push(format!("sslmode={mode}"));
        }
        if let Some(ca) = &self.ca_file {
            query.push(format!("sslrootcert={}", percent_encode(&ca.to_string_lossy())));
        }
        if self.user.is_empty() {
            if let Some(pw) = password {
                query.push(format!("password={}", percent_encode(pw.expose())));
            }
        }
        let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
        format!("postgres://{user}{}{port}/{}{query}", self.host, percent_encode(&self.database))
    }
}

/// The database to open, and where that was decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The data folder's SQLite file (the default).
    Local { path: PathBuf },
    /// A team database (PostgreSQL).
    Team { url: TeamUrl, source: DatabaseSource },
}

impl Choice {
    pub fn source(&self) -> DatabaseSource {
        match self {
            Choice::Local { .. } => DatabaseSource::LocalFile,
            Choice::Team { source, .. } => *source,
        }
    }

    /// The file path, or the team database's URL without its password.
    pub fn shown(&self) -> String {
        match self {
            Choice::Local { path } => path.display().to_string(),
            Choice::Team { url, .. } => url.shown(),
        }
    }
}

/// The team database settings of a data folder, if it has any.
pub fn read_settings(data_dir: &Path) -> ApiResult<Option<TeamSettings>> {
    let path = data_dir.join(SETTINGS_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ApiError::new(ErrorCode::IoError, format!("Cannot read {}: {e}", path.display()), None));
        }
    };
    serde_json::from_str(&text).map(Some).map_err(|e| {
        ApiError::new(
            ErrorCode::DatabaseUrlInvalid,
            format!(
                "{} cannot be read ({e}); fix it, or remove it to use this computer's data file again \
                 (`kindly team disconnect`).",
                path.display()
            ),
            None,
        )
    })
}

/// Decides which database to open: `flag` (`--database-url`), else `env`
/// (`KINDLY_DATABASE_URL`, ignored when empty), else `data_dir`'s
/// `database.json`, else `data_dir`'s `kindly.db`. No data folder and no URL
/// is `no_data_dir`. Reads no keychain and opens nothing.
pub fn choose(flag: Option<&str>, env: Option<OsString>, data_dir: Option<&Path>) -> ApiResult<Choice> {
    if let Some(url) = flag {
        return Ok(Choice::Team { url: TeamUrl::parse(url)?, source: DatabaseSource::Flag });
    }
    if let Some(url) = env.filter(|v| !v.is_empty()) {
        let url = url.into_string().map_err(|_| bad_url("not valid text"))?;
        return Ok(Choice::Team { url: TeamUrl::parse(&url)?, source: DatabaseSource::Env });
    }
    let dir = data_dir.ok_or_else(|| {
        ApiError::new(ErrorCode::NoDataDir, "No data folder: pass --data-dir or set KINDLY_DATA_DIR.", None)
    })?;
    if let Some(s) = read_settings(dir)? {
        let mut url = TeamUrl::parse(&s.url)?;
        url.sslmode = s.sslmode.or(url.sslmode);
        url.ca_file = s.ca_file.or(url.ca_file);
        return Ok(Choice::Team { url, source: DatabaseSource::SettingsFile });
    }
    Ok(Choice::Local { path: crate::paths::db_path(dir) })
}

/// The saved password of a team database: `None` when none is saved (a
/// server that trusts this computer, or `.pgpass`).
async fn keychain_password(url: &TeamUrl) -> Result<Option<Secret>, SecretError> {
    let account = url.keychain_account();
    let got = tokio::task::spawn_blocking(move || secrets::get_password_in(secrets::DATABASE_SERVICE, &account)).await;
    match got {
        Ok(Ok(pw)) => Ok(Some(pw)),
        Ok(Err(SecretError::Missing { .. })) => Ok(None),
        Ok(Err(e)) => Err(e),
        Err(e) => Err(SecretError::Failed { detail: e.to_string() }),
    }
}

/// A CA file named in the settings must be there (the driver's own error
/// would not name it).
fn check_ca_file(url: &TeamUrl) -> ApiResult<()> {
    match &url.ca_file {
        Some(ca) if !ca.is_file() => Err(ApiError::new(
            ErrorCode::IoError,
            format!("The CA file {} to trust for the team database cannot be found.", ca.display()),
            Some("ca_file"),
        )),
        _ => Ok(()),
    }
}

/// Connects to a team database with `password` (`None`: none).
async fn connect_team(url: &TeamUrl, password: Option<&Secret>) -> ApiResult<Store> {
    check_ca_file(url)?;
    tracing::info!(url = %url.shown(), sslmode = url.sslmode.map(SslMode::as_str), "connecting to the team database");
    // A server whose packets vanish (no refusal) would hold the app's start
    // for the system's TCP timeout; it is away after this long instead.
    match tokio::time::timeout(CONNECT_TIMEOUT, Store::connect(&url.connection_url(password))).await {
        Ok(store) => Ok(store?),
        Err(_) => Err(StoreError::ServerAway { host: url.host() }.into()),
    }
}

/// How long connecting (and migrating) a team database may take.
const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Opens the chosen database. A team database's password is the URL's, else
/// the keychain's; a locked or missing keychain is its own error when the
/// data folder's settings chose the database (a URL given by flag or
/// environment without a password connects without one instead, as on a
/// server that trusts this computer).
pub async fn open(choice: &Choice) -> ApiResult<Store> {
    match choice {
        Choice::Local { path } => Ok(Store::open(path).await?),
        Choice::Team { url, source } => {
            let password = match &url.password {
                Some(pw) => Some(pw.clone()),
                None => match keychain_password(url).await {
                    Ok(pw) => pw,
                    Err(e) if *source == DatabaseSource::SettingsFile => {
                        tracing::warn!(code = %e.code(), "the team database's password could not be read");
                        return Err(e.into());
                    }
                    Err(e) => {
                        tracing::warn!(code = %e.code(), "no keychain password for the team database: {e}");
                        None
                    }
                },
            };
            connect_team(url, password.as_ref()).await
        }
    }
}

/// What connecting a data folder to a team database takes (Settings → Team
/// database, `kindly team connect`). Deserialize only: it holds the password.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct TeamConnectInput {
    /// `postgres://user@host[:port]/database`.
    pub url: String,
    /// Put in the keychain once the connection works; `None` (or empty):
    /// the URL's, else none (a server that trusts this computer).
    #[serde(default)]
    #[ts(as = "Option<String>")]
    pub password: Option<Secret>,
    #[serde(default)]
    pub sslmode: Option<SslMode>,
    /// A CA certificate (PEM file) to trust; empty for none.
    #[serde(default)]
    pub ca_file: Option<String>,
}

/// The database in use and the data folder's team database settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DatabaseStatus {
    /// Where the database in use was chosen.
    pub source: DatabaseSource,
    /// The database in use: the file, or the URL without its password.
    pub in_use: String,
    /// The team database's server (`host:port`) when one is in use.
    pub host: Option<String>,
    pub sslmode: Option<SslMode>,
    pub ca_file: Option<String>,
    /// The data folder's team database (`database.json`), if it has one.
    pub configured: Option<String>,
    /// The settings changed since this database was opened: a restart
    /// opens the other one.
    pub restart_needed: bool,
}

/// The status of `choice` (the database in use) beside `data_dir`'s settings.
pub fn status(choice: &Choice, data_dir: Option<&Path>) -> DatabaseStatus {
    let configured = data_dir.and_then(|d| read_settings(d).ok().flatten()).and_then(|s| {
        let mut u = TeamUrl::parse(&s.url).ok()?;
        u.sslmode = s.sslmode.or(u.sslmode);
        u.ca_file = s.ca_file.or(u.ca_file);
        Some(u)
    });
    let (host, sslmode, ca_file) = match choice {
        Choice::Local { .. } => (None, None, None),
        Choice::Team { url, .. } => {
            (Some(url.host()), url.sslmode, url.ca_file.as_ref().map(|p| p.display().to_string()))
        }
    };
    // Flag and environment win over the settings file; only a change of
    // what decides (the file, or no file) needs a restart.
    let restart_needed = match (choice, &configured) {
        (Choice::Local { .. }, Some(_)) => true,
        (Choice::Team { source: DatabaseSource::SettingsFile, url }, Some(c)) => {
            c.shown() != url.shown() || c.sslmode != url.sslmode || c.ca_file != url.ca_file
        }
        (Choice::Team { source: DatabaseSource::SettingsFile, .. }, None) => true,
        _ => false,
    };
    DatabaseStatus {
        source: choice.source(),
        in_use: choice.shown(),
        host,
        sslmode,
        ca_file,
        configured: configured.map(|c| c.shown()),
        restart_needed,
    }
}

/// Connects `data_dir` to a team database: tests the connection (and
/// migrates the database), puts the password in the keychain, then writes
/// `database.json` (without the password). Nothing is written when the
/// connection fails.
pub async fn connect(data_dir: &Path, input: TeamConnectInput) -> ApiResult<TeamSettings> {
    let team = Prepared::from_input(input)?;
    let store = team.open().await?;
    store.close().await;
    team.save(data_dir).await
}

/// A connection the user typed, checked but not yet used or saved: its URL
/// (sslmode and CA set) and its password, held apart from the URL.
pub(crate) struct Prepared {
    url: TeamUrl,
    password: Option<Secret>,
}

impl Prepared {
    pub(crate) fn from_input(input: TeamConnectInput) -> ApiResult<Prepared> {
        let mut url = TeamUrl::parse(&input.url)?;
        if let Some(mode) = input.sslmode {
            url.sslmode = Some(mode);
        }
        if let Some(ca) = input.ca_file.filter(|c| !c.trim().is_empty()) {
            // Kept as a full path: the app does not start in the CLI's folder.
            let ca = PathBuf::from(ca.trim());
            url.ca_file = Some(std::fs::canonicalize(&ca).unwrap_or(ca));
        }
        let from_url = url.take_password();
        let password = input.password.filter(|p| !p.is_empty()).or(from_url);
        if password.as_ref().is_some_and(|p| p.expose().chars().any(|c| c == '\r' || c == '\n' || c == '\0')) {
            return Err(ApiError::new(
                ErrorCode::ControlCharacters,
                "The password must not contain line breaks.",
                Some("password"),
            ));
        }
        Ok(Prepared { url, password })
    }

    /// Opens the team database with this password (migrating its schema).
    pub(crate) async fn open(&self) -> ApiResult<Store> {
        connect_team(&self.url, self.password.as_ref()).await
    }

    /// Keeps the password in the keychain and writes the data folder's
    /// `database.json` (without it): used from the next start.
    pub(crate) async fn save(self, data_dir: &Path) -> ApiResult<TeamSettings> {
        let url = self.url;
        if let Some(pw) = self.password {
            let account = url.keychain_account();
            tokio::task::spawn_blocking(move || secrets::set_password_in(secrets::DATABASE_SERVICE, &account, &pw))
                .await?
                .inspect_err(|e| tracing::warn!(code = %e.code(), "the keychain refused the database password"))?;
        }
        let settings = TeamSettings { url: url.shown(), sslmode: url.sslmode, ca_file: url.ca_file.clone() };
        write_settings(data_dir, &settings)?;
        tracing::info!(url = %settings.url, "the data folder now uses the team database");
        Ok(settings)
    }
}

fn write_settings(data_dir: &Path, settings: &TeamSettings) -> ApiResult<()> {
    let io = |e: std::io::Error| {
        ApiError::new(ErrorCode::IoError, format!("Cannot write {}: {e}", data_dir.join(SETTINGS_FILE).display()), None)
    };
    std::fs::create_dir_all(data_dir).map_err(io)?;
    let json =
        serde_json::to_string_pretty(settings).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string(), None))?;
    // Written aside and renamed, so a crash leaves the old file or the new one.
    let tmp = data_dir.join(format!("{SETTINGS_FILE}.tmp"));
    std::fs::write(&tmp, json + "\n").map_err(io)?;
    std::fs::rename(&tmp, data_dir.join(SETTINGS_FILE)).map_err(io)
}

/// Back to the data folder's own file: removes `database.json` and the
/// team database's password from the keychain. The local `kindly.db` is
/// not touched. Returns the settings that were removed, if any.
pub async fn disconnect(data_dir: &Path) -> ApiResult<Option<TeamSettings>> {
    let Some(settings) = read_settings(data_dir).ok().flatten() else {
        // A file that cannot be read is removed all the same.
        remove_settings(data_dir)?;
        return Ok(None);
    };
    if let Ok(url) = TeamUrl::parse(&settings.url) {
        let account = url.keychain_account();
        match tokio::task::spawn_blocking(move || secrets::delete_password_in(secrets::DATABASE_SERVICE, &account))
            .await?
        {
            Ok(()) => {}
            // The settings go all the same; the password stays in the keychain.
            Err(e) => tracing::warn!(code = %e.code(), "the team database's password could not be removed: {e}"),
        }
    }
    remove_settings(data_dir)?;
    tracing::info!(url = %settings.url, "the data folder is back on its own file");
    Ok(Some(settings))
}

fn remove_settings(data_dir: &Path) -> ApiResult<()> {
    let path = data_dir.join(SETTINGS_FILE);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(ApiError::new(ErrorCode::IoError, format!("Cannot remove {}: {e}", path.display()), None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(choice: &Choice) -> (&TeamUrl, DatabaseSource) {
        match choice {
            Choice::Team { url, source } => (url, *source),
            Choice::Local { .. } => panic!("a team database was expected"),
        }
    }

    #[test]
    fn urls_are_taken_apart_and_shown_without_their_password() {
        let u =
            TeamUrl::parse("postgres://anna:s%40cret@db.example:5433/ledger?sslmode=verify-full&sslrootcert=/ca.pem")
                .unwrap();
        assert_eq!(u.shown(), "postgres://anna@db.example:5433/ledger");
        assert_eq!(u.host(), "db.example:5433");
        assert_eq!(u.keychain_account(), "anna@db.example:5433/ledger");
        assert_eq!(u.sslmode, Some(SslMode::VerifyFull));
        assert_eq!(u.ca_file, Some(PathBuf::from("/ca.pem")));
        assert_eq!(u.password.as_ref().map(Secret::expose), Some("s@cret"));
        let conn = u.connection_url(u.password.as_ref());
        assert_eq!(conn, "postgres://anna:s%40cret@db.example:5433/ledger?sslmode=verify-full&sslrootcert=%2Fca.pem");
        assert!(!format!("{u:?}").contains("s@cret"));
        let plain = TeamUrl::parse("postgresql://bob@[::1]/books").unwrap();
        assert_eq!(plain.keychain_account(), "bob@[::1]:5432/books");
        assert_eq!(plain.connection_url(None), "postgres://bob@[::1]/books");
    }

    #[test]
    fn a_bad_url_is_a_typed_error_naming_the_field() {
        for bad in [
            "mysql://a@h/db",
            "postgres://a@/db",
            "postgres://a@h/",
            "postgres://a@h:port/db",
            "postgres://a@h/db?sslmode=sometimes",
            "h/db",
        ] {
            let e = TeamUrl::parse(bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::DatabaseUrlInvalid, "{bad}");
            assert_eq!(e.field.as_deref(), Some("url"));
        }
    }

    /// flag > env > the data folder's settings > the data folder's SQLite file.
    #[test]
    fn the_engine_is_chosen_flag_env_file_then_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let d = Some(dir.path());
        assert_eq!(choose(None, None, d).unwrap(), Choice::Local { path: dir.path().join("kindly.db") });
        assert_eq!(choose(None, Some("".into()), d).unwrap().source(), DatabaseSource::LocalFile);
        assert_eq!(choose(None, None, None).unwrap_err().code, ErrorCode::NoDataDir);

        let settings = TeamSettings {
            url: "postgres://file@fhost/fdb".into(),
            sslmode: Some(SslMode::Require),
            ca_file: Some("/etc/ca.pem".into()),
        };
        write_settings(dir.path(), &settings).unwrap();
        assert_eq!(read_settings(dir.path()).unwrap(), Some(settings));
        let c = choose(None, None, d).unwrap();
        let (u, s) = team(&c);
        assert_eq!((u.shown().as_str(), s), ("postgres://file@fhost/fdb", DatabaseSource::SettingsFile));
        assert_eq!((u.sslmode, u.ca_file.clone()), (Some(SslMode::Require), Some("/etc/ca.pem".into())));

        let c = choose(None, Some("postgres://env@ehost/edb".into()), d).unwrap();
        assert_eq!((team(&c).0.shown().as_str(), c.source()), ("postgres://env@ehost/edb", DatabaseSource::Env));
        let c = choose(Some("postgres://flag@host/db"), Some("postgres://env@ehost/edb".into()), d).unwrap();
        assert_eq!((team(&c).0.shown().as_str(), c.source()), ("postgres://flag@host/db", DatabaseSource::Flag));
        // A flag or variable needs no data folder.
        assert_eq!(choose(None, Some("postgres://env@ehost/edb".into()), None).unwrap().source(), DatabaseSource::Env);
        // A bad URL anywhere is refused, not skipped.
        assert_eq!(choose(Some("nonsense"), None, d).unwrap_err().code, ErrorCode::DatabaseUrlInvalid);

        std::fs::write(dir.path().join(SETTINGS_FILE), "{not json").unwrap();
        assert_eq!(choose(None, None, d).unwrap_err().code, ErrorCode::DatabaseUrlInvalid);
    }

    #[test]
    fn the_status_says_when_a_restart_is_needed() {
        let dir = tempfile::tempdir().unwrap();
        let local = choose(None, None, Some(dir.path())).unwrap();
        let s = status(&local, Some(dir.path()));
        assert_eq!((s.source, s.restart_needed, s.configured), (DatabaseSource::LocalFile, false, None));
        write_settings(dir.path(), &TeamSettings { url: "postgres://a@h/db".into(), sslmode: None, ca_file: None })
            .unwrap();
        let s = status(&local, Some(dir.path()));
        assert!(s.restart_needed);
        assert_eq!(s.configured.as_deref(), Some("postgres://a@h/db"));
        let team = choose(None, None, Some(dir.path())).unwrap();
        let s = status(&team, Some(dir.path()));
        assert_eq!((s.in_use.as_str(), s.host.as_deref(), s.restart_needed), ("postgres://a@h/db", Some("h"), false));
    }

    /// A CA file that is not there is named, before any connection.
    #[tokio::test]
    async fn a_missing_ca_file_is_named() {
        let mut u = TeamUrl::parse("postgres://a@127.0.0.1:1/db").unwrap();
        u.ca_file = Some("/nonexistent/ca.pem".into());
        let e = connect_team(&u, None).await.unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::IoError, Some("ca_file")));
    }
}

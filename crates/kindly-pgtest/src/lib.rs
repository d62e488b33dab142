//! A throwaway PostgreSQL server for tests (dev-only, never shipped).
//!
//! [`PgServer::start`] uses the server named by `KINDLY_TEST_PG_URL` if set;
//! otherwise, when Debian's PostgreSQL 15 is installed
//! (the newest `/usr/lib/postgresql/<major>/bin`, or the folder `KINDLY_PG_BIN` names), it
//! runs `initdb` into a temporary folder and starts the server on a free
//! loopback port (as root through `runuser -u postgres --`: the server
//! refuses to run as root). The server is stopped and its folder removed
//! when the [`PgServer`] is dropped, and, for the one shared by a test binary
//! ([`PgServer::shared`], which is never dropped), by a small watcher process
//! as soon as the test process has exited, however it exited.
//!
//! Without PostgreSQL, `start` returns `Ok(None)` and a test may skip; with
//! `KINDLY_REQUIRE_PG=1` (scripts/test.sh sets it) it is an error instead,
//! so a CI run cannot pass by skipping.
//!
//! [`PgServer::fresh_database`] creates an empty, uniquely named database
//! per test, so tests can run in parallel on one server.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use sqlx::{Connection, Executor};

/// Where Debian's postgresql-15 package puts the server programs.
pub const DEBIAN_PG_BIN: &str = "/usr/lib/postgresql/15/bin";

/// The newest server Debian's or Ubuntu's packages installed
/// (`/usr/lib/postgresql/<major>/bin`: 15 on Debian 12, 14 or 16 on
/// Ubuntu), else [`DEBIAN_PG_BIN`] (named in the error when it is missing).
fn installed_pg_bin() -> PathBuf {
    let majors = std::fs::read_dir("/usr/lib/postgresql").into_iter().flatten().flatten();
    majors
        .filter_map(|e| Some((e.file_name().to_str()?.parse::<u32>().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("initdb").is_file())
        .max_by_key(|(major, _)| *major)
        .map_or_else(|| PathBuf::from(DEBIAN_PG_BIN), |(_, bin)| bin)
}

/// Why no test server is available.
#[derive(Debug, thiserror::Error)]
pub enum PgTestError {
    #[error("KINDLY_REQUIRE_PG=1 but PostgreSQL is not installed (no {0}/initdb) and KINDLY_TEST_PG_URL is not set; install postgresql (scripts/setup.sh)")]
    Required(String),
    #[error("{what} failed: {detail}")]
    Command { what: String, detail: String },
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("test database: {0}")]
    Sql(#[from] sqlx::Error),
    /// The first start's error, kept whole for every test that asks again.
    #[error("the shared test server could not start: {0}")]
    Shared(#[source] std::sync::Arc<PgTestError>),
}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> PgTestError {
    let what = what.into();
    move |source| PgTestError::Io { what, source }
}

/// A running PostgreSQL server: its admin URL, and what to clean up if this
/// process started it.
#[derive(Debug)]
pub struct PgServer {
    url: String,
    owned: Option<Owned>,
}

#[derive(Debug)]
struct Owned {
    bin: PathBuf,
    dir: tempfile::TempDir,
    as_postgres: bool,
}

impl Owned {
    fn data(&self) -> PathBuf {
        self.dir.path().join("db")
    }
}

fn require_pg() -> bool {
    std::env::var("KINDLY_REQUIRE_PG").is_ok_and(|v| v == "1")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `program args…`, as the `postgres` user when `as_postgres`.
fn pg_command(bin: &Path, program: &str, as_postgres: bool) -> Command {
    let path = bin.join(program);
    if as_postgres {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(path);
        c
    } else {
        Command::new(path)
    }
}

fn run(mut c: Command, what: &str) -> Result<Output, PgTestError> {
    let out = c.stdin(Stdio::null()).output().map_err(io(what))?;
    if out.status.success() {
        Ok(out)
    } else {
        Err(PgTestError::Command {
            what: what.to_string(),
            detail: format!(
                "{}; {}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout).trim(),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        })
    }
}

fn free_port() -> Result<u16, PgTestError> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(io("finding a free port"))?;
    Ok(l.local_addr().map_err(io("finding a free port"))?.port())
}

impl PgServer {
    /// A server for tests, or `None` when PostgreSQL is absent (an error
    /// instead when `KINDLY_REQUIRE_PG=1`).
    pub fn start() -> Result<Option<PgServer>, PgTestError> {
        let url = std::env::var("KINDLY_TEST_PG_URL").ok().filter(|u| !u.is_empty());
        let bin = std::env::var_os("KINDLY_PG_BIN").map(PathBuf::from).unwrap_or_else(installed_pg_bin);
        PgServer::start_with(url, bin, require_pg())
    }

    /// [`PgServer::start`] with its settings given rather than read from
    /// the environment.
    fn start_with(url: Option<String>, bin: PathBuf, require: bool) -> Result<Option<PgServer>, PgTestError> {
        if let Some(url) = url {
            return Ok(Some(PgServer { url, owned: None }));
        }
        if !bin.join("initdb").exists() {
            if require {
                return Err(PgTestError::Required(bin.display().to_string()));
            }
            return Ok(None);
        }
        let as_postgres = is_root();
        let dir = tempfile::Builder::new().prefix("kindly-pg-").tempdir().map_err(io("making the server folder"))?;
        if as_postgres {
            let mut chown = Command::new("chown");
            chown.args(["postgres:", &dir.path().display().to_string()]);
            run(chown, "chown of the server folder to postgres")?;
        }
        let owned = Owned { bin, dir, as_postgres };
        let mut initdb = pg_command(&owned.bin, "initdb", as_postgres);
        initdb.arg("-D").arg(owned.data()).args([
            "-A",
            "trust",
            "-U",
            "kindly",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ]);
        run(initdb, "initdb")?;
        // The watcher: once this process is gone, stop the server and remove
        // its folder (a shared server is never dropped).
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; \
             if [ -d '{data}' ]; then {prefix}'{bin}/pg_ctl' -D '{data}' -m immediate -w stop >/dev/null 2>&1; fi; \
             rm -rf '{dir}'",
            pid = std::process::id(),
            data = owned.data().display(),
            prefix = if as_postgres { "runuser -u postgres -- " } else { "" },
            bin = owned.bin.display(),
            dir = owned.dir.path().display(),
        );
        Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(io("starting the server's watcher"))?;
        // A free port can be taken between the probe and the start: try a few.
        let mut last = None;
        for _ in 0..5 {
            let port = free_port()?;
            let mut start = pg_command(&owned.bin, "pg_ctl", as_postgres);
            start
                .arg("-D")
                .arg(owned.data())
                .arg("-o")
                .arg(format!(
                    "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200 \
                     -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                    owned.dir.path().display()
                ))
                .arg("-l")
                .arg(owned.dir.path().join("log"))
                .args(["-w", "-t", "30", "start"]);
            match run(start, "pg_ctl start") {
                Ok(_) => {
                    let url = format!("postgres://kindly@127.0.0.1:{port}/postgres");
                    return Ok(Some(PgServer { url, owned: Some(owned) }));
                }
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| PgTestError::Command { what: "pg_ctl start".into(), detail: "no attempt".into() }))
    }

    /// One server for the whole test binary, started on first use (see
    /// [`PgServer::start`] for `None`).
    pub fn shared() -> Result<Option<&'static PgServer>, PgTestError> {
        static SHARED: OnceLock<Result<Option<PgServer>, std::sync::Arc<PgTestError>>> = OnceLock::new();
        match SHARED.get_or_init(|| PgServer::start().map_err(std::sync::Arc::new)) {
            Ok(s) => Ok(s.as_ref()),
            Err(e) => Err(PgTestError::Shared(std::sync::Arc::clone(e))),
        }
    }

    /// The server's admin URL (its `postgres` database, or KINDLY_TEST_PG_URL).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Creates an empty database with a unique name and returns its URL.
    pub async fn fresh_database(&self) -> Result<String, PgTestError> {
        static N: AtomicU64 = AtomicU64::new(0);
        let name = format!(
            "kindly_test_{}_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed),
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0)
        );
        let mut admin = sqlx::PgConnection::connect(&self.url).await?;
        admin.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\""))).await?;
        admin.close().await?;
        Ok(with_database(&self.url, &name))
    }
}

/// `url` with its database (the path) replaced by `name`, query kept.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_start = base.find("://").map(|i| i + 3).unwrap_or(0);
    let root = match base[authority_start..].find('/') {
        Some(i) => &base[..authority_start + i],
        None => base,
    };
    match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        if let Some(o) = &self.owned {
            let mut stop = pg_command(&o.bin, "pg_ctl", o.as_postgres);
            stop.arg("-D").arg(o.data()).args(["-m", "immediate", "-w", "stop"]);
            // Nothing to report to from a drop; the watcher retries anyway.
            let _ = stop.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).status();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_name_replaces_the_path_and_keeps_the_query() {
        assert_eq!(with_database("postgres://k@127.0.0.1:5/postgres", "t1"), "postgres://k@127.0.0.1:5/t1");
        assert_eq!(with_database("postgres://k@h/x?sslmode=disable", "t1"), "postgres://k@h/t1?sslmode=disable");
        assert_eq!(with_database("postgres://k@h:5", "t1"), "postgres://k@h:5/t1");
    }

    /// Without PostgreSQL a test may skip, unless PostgreSQL is required
    /// (KINDLY_REQUIRE_PG=1): then it is an error, so CI cannot skip.
    #[test]
    fn a_missing_server_is_none_unless_required() {
        let nowhere = PathBuf::from("/nonexistent/postgresql/bin");
        assert!(PgServer::start_with(None, nowhere.clone(), false).unwrap().is_none());
        let e = PgServer::start_with(None, nowhere, true).unwrap_err();
        assert!(matches!(e, PgTestError::Required(_)), "{e}");
        let given = PgServer::start_with(Some("postgres://x@h/db".into()), PathBuf::new(), true).unwrap().unwrap();
        assert_eq!(given.url(), "postgres://x@h/db");
    }

    /// A started server answers, gives separate databases, and is gone
    /// (port closed, folder removed) after the drop.
    #[tokio::test]
    async fn a_started_server_answers_and_is_gone_after_drop() {
        let Some(server) = PgServer::start().unwrap() else {
            eprintln!("PostgreSQL not installed: skipped");
            return;
        };
        let a = server.fresh_database().await.unwrap();
        let b = server.fresh_database().await.unwrap();
        assert_ne!(a, b);
        let mut c = sqlx::PgConnection::connect(&a).await.unwrap();
        let one: i32 = sqlx::query_scalar("SELECT 1").fetch_one(&mut c).await.unwrap();
        assert_eq!(one, 1);
        c.close().await.unwrap();
        let dir = server.owned.as_ref().map(|o| o.dir.path().to_path_buf());
        let url = server.url().to_string();
        drop(server);
        if let Some(dir) = dir {
            assert!(!dir.exists(), "the server folder is removed");
            assert!(sqlx::PgConnection::connect(&url).await.is_err(), "the server is stopped");
        }
    }
}

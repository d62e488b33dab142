//! Fixtures the test binaries share: a store on a temporary file, a context
//! on a fixed day, clients and one-line invoices made through the API, raw
//! counts on the database file, and the `kindly` process.

use crate::{binary, date, now};
use kindly_api::clients::ClientInput;
use kindly_api::invoices::{InvoiceInput, LineInput};
use kindly_api::payments::PaymentInput;
use kindly_api::Ctx;
use kindly_store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A store on a real SQLite file in a temporary folder (removed on drop),
/// or, in the PostgreSQL pass (`engine`), on the folder's fresh database.
pub struct TestDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub store: Store,
}

/// Opens (creating and migrating) `kindly.db` in a new temporary folder,
/// or in the PostgreSQL pass the folder's fresh database (`path` is then
/// where the file would be: [`raw_count`] reads the database instead).
pub async fn open_db() -> TestDb {
    let dir = crate::data_dir();
    let path = dir.path().join("kindly.db");
    let store = match crate::engine::database_url(dir.path()) {
        Some(url) => {
            let store = Store::connect(&url).await.expect("connect");
            crate::engine::remember_folder(&store.path().display().to_string(), dir.path());
            store
        }
        None => Store::open(&path).await.expect("open"),
    };
    TestDb { dir, path, store }
}

impl TestDb {
    /// A second store on the same database (another window, another
    /// process): the same file, or in the PostgreSQL pass the same database.
    pub async fn reopen(&self) -> Store {
        match crate::engine::database_url(self.dir.path()) {
            Some(url) => Store::connect(&url).await.expect("connect"),
            None => Store::open(&self.path).await.expect("open"),
        }
    }

    /// A plain connection to the database, past the store: for what the
    /// schema itself must refuse, and for rows read raw.
    pub async fn raw(&self) -> RawDb {
        raw_at(&self.path).await
    }
}

/// A plain connection to the database of `db_path` (a data folder's
/// `kindly.db`, or a store's `path()`), on either engine (see [`raw_count`]).
pub async fn raw_at(db_path: &Path) -> RawDb {
    use sqlx::Connection;
    match team_url(db_path) {
        Some(url) => RawDb::Postgres(sqlx::PgConnection::connect(&url).await.expect("connect")),
        None => RawDb::Sqlite(
            sqlx::SqliteConnection::connect(&format!("sqlite://{}", db_path.display())).await.expect("connect"),
        ),
    }
}

/// The PostgreSQL database `db_path` stands for: a store's `path()` on
/// PostgreSQL is its URL (without a password); a data folder's `kindly.db`
/// stands for the database its folder is connected to, if any.
fn team_url(db_path: &Path) -> Option<String> {
    let named = db_path.to_str().filter(|p| p.starts_with("postgres://")).map(str::to_string);
    named.or_else(|| db_path.parent().and_then(crate::engine::database_url))
}

/// A plain connection of either engine ([`TestDb::raw`]). Queries use
/// `$1`-style placeholders (both engines read them) and `CAST(… AS TEXT)`
/// for days read as text.
pub enum RawDb {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl RawDb {
    /// Runs `sql` with integer `binds`.
    pub async fn exec(&mut self, sql: &str, binds: &[i64]) -> Result<(), sqlx::Error> {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        match self {
            RawDb::Sqlite(c) => {
                let mut q = sqlx::query(sql);
                for b in binds {
                    q = q.bind(*b);
                }
                q.execute(c).await.map(|_| ())
            }
            RawDb::Postgres(c) => {
                let mut q = sqlx::query(sql);
                for b in binds {
                    q = q.bind(*b);
                }
                q.execute(c).await.map(|_| ())
            }
        }
    }

    /// Every row of `sql`.
    pub async fn rows<T>(&mut self, sql: &str) -> Vec<T>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + Send
            + Unpin,
    {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        match self {
            RawDb::Sqlite(c) => sqlx::query_as(sql).fetch_all(c).await.expect("rows"),
            RawDb::Postgres(c) => sqlx::query_as(sql).fetch_all(c).await.expect("rows"),
        }
    }
}

/// A store whose business profile is complete (a name, a postal address,
/// a bank account): what a user has once past the first-run step, and what
/// Kindly needs before it writes to a client.
pub async fn open_business_db() -> TestDb {
    let db = open_db().await;
    business_profile(on(&db.store, "2026-11-01")).await;
    db
}

/// Fills in the business profile and one way to pay through the API.
pub async fn business_profile(ctx: Ctx<'_>) {
    let mut s = kindly_api::settings::get(ctx).await.expect("settings");
    s.business_name = "Ada Studio".into();
    s.business_address = "2 Studio Lane\n10117 Berlin".into();
    s.signature = "Ada Lovelace\nAda Studio".into();
    kindly_api::settings::save(ctx, &s).await.expect("save settings");
    let bank = kindly_api::business::WayInput {
        iban: "DE89 3704 0044 0532 0130 00".into(),
        holder: "Ada Studio".into(),
        ..Default::default()
    };
    kindly_api::business::add_way(ctx, kindly_core::vocab::WayToPay::Bank, &bank).await.expect("way to pay");
}

/// The same profile through the `kindly` command, for CLI tests.
pub fn business_profile_cli(data_dir: &Path) {
    for args in [
        &["business", "set", "--name", "Ada Studio", "--address", "2 Studio Lane\\n10117 Berlin"][..],
        &["methods", "add", "bank", "--iban", "DE89370400440532013000", "--holder", "Ada Studio"][..],
    ] {
        let out =
            Command::new(binary("kindly")).arg("--data-dir").arg(data_dir).args(args).output().expect("run kindly");
        assert!(out.status.success(), "kindly {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

/// Starts `kindly` with `args` and kills it (SIGKILL) after `delay_ms`: a
/// crash at that moment of its work, for the "loses nothing" tests.
pub fn kindly_killed_after<S: AsRef<std::ffi::OsStr>>(args: &[S], delay_ms: u64) {
    let mut child = Command::new(binary("kindly"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("kindly");
    std::thread::sleep(std::time::Duration::from_millis(delay_ms));
    let _ = child.kill();
    let _ = child.wait();
}

/// A context on `day` (at the fixed [`now`]).
pub fn on<'a>(store: &'a Store, day: &str) -> Ctx<'a> {
    let ctx = Ctx::new(store, now(), date(day));
    // In the PostgreSQL pass, the test's data folder, as the app gives it.
    match crate::engine::folder_of(&store.path().display().to_string()) {
        Some(dir) => ctx.with_data_dir(Some(dir)),
        None => ctx,
    }
}

/// A client form: greeted by the first word of the name, with an address
/// (so letters can go out) and these e-mail addresses.
pub fn client_input(name: &str, emails: Vec<String>) -> ClientInput {
    ClientInput {
        display_name: name.into(),
        greeting_name: name.split(' ').next().unwrap_or(name).into(),
        emails,
        address: "1 Main Street\n10115 Berlin".into(),
        ..Default::default()
    }
}

/// Creates a client through the API; its id.
pub async fn create_client(ctx: Ctx<'_>, input: &ClientInput) -> i64 {
    kindly_api::clients::create(ctx, input).await.expect("client")
}

/// One invoice line as typed.
pub fn line(description: &str, quantity: &str, unit_price: &str, tax_rate: &str) -> LineInput {
    LineInput {
        description: description.into(),
        quantity: quantity.into(),
        unit_price: unit_price.into(),
        tax_rate: tax_rate.into(),
    }
}

/// An invoice issued at once with these lines.
pub fn issued_invoice(client_id: i64, issue: &str, due: &str, currency: &str, lines: Vec<LineInput>) -> InvoiceInput {
    InvoiceInput {
        client_id,
        issue_date: issue.into(),
        due_date: due.into(),
        currency: currency.into(),
        lines,
        issue: true,
        ..Default::default()
    }
}

/// Creates an invoice through the API; its id.
pub async fn create_invoice(ctx: Ctx<'_>, input: &InvoiceInput) -> i64 {
    kindly_api::invoices::create(ctx, input).await.expect("invoice").id
}

/// Records a bank transfer of `amount` on an invoice through the API.
pub async fn pay(ctx: Ctx<'_>, invoice_id: i64, amount: &str) {
    let p = PaymentInput {
        invoice_id,
        amount: amount.into(),
        method: kindly_core::payment::PaymentMethod::BankTransfer,
        ..Default::default()
    };
    kindly_api::payments::record(ctx, &p).await.expect("payment");
}

/// A `SELECT COUNT(*) …` on the database file (or, in the PostgreSQL
/// pass, on the database its folder is connected to), over a connection of
/// its own.
pub async fn raw_count(db_path: &Path, sql: &str) -> i64 {
    use sqlx::Connection;
    if let Some(url) = team_url(db_path) {
        let mut c = sqlx::PgConnection::connect(&url).await.expect("connect");
        // PostgreSQL's SUM of BIGINT is NUMERIC: read every count as BIGINT.
        let sql = sqlx::AssertSqlSafe(format!("SELECT CAST(({sql}) AS BIGINT)"));
        return sqlx::query_scalar(sql).fetch_one(&mut c).await.expect("count");
    }
    let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db_path.display())).await.expect("connect");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string())).fetch_one(&mut c).await.expect("count")
}

/// Runs the built `kindly` on a data folder (with `--today` when given):
/// (exit code, stdout, stderr).
pub fn run_kindly(dir: &Path, today: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new(binary("kindly"));
    cmd.arg("--data-dir").arg(dir);
    if let Some(day) = today {
        cmd.args(["--today", day]);
    }
    // The data folder's own file, whatever the environment names.
    cmd.args(args).env_remove("KINDLY_DATA_DIR").env_remove("KINDLY_DATABASE_URL");
    outcome(cmd, None)
}

/// Runs `cmd` to its end with `stdin` written to it (none: an empty one);
/// (exit code, stdout, stderr), -1 for a process killed by a signal.
pub fn outcome(mut cmd: Command, stdin: Option<&str>) -> (i32, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run the command");
    if let (Some(text), Some(mut i)) = (stdin, child.stdin.take()) {
        i.write_all(text.as_bytes()).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait for the command");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// Runs `kindly --json …`, which must succeed; its output.
pub fn kindly_json(dir: &Path, today: Option<&str>, args: &[&str]) -> serde_json::Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let (code, out, err) = run_kindly(dir, today, &a);
    assert_eq!(code, 0, "kindly {args:?} failed: {out} {err}");
    serde_json::from_str(&out).expect("json output")
}

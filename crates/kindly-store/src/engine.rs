//! The two engines a store runs on: SQLite (the default, one file per
//! business) and PostgreSQL (a team's shared ledger, issue #19).
//!
//! The portable-SQL rule: a query of a ported module is one text for both
//! engines, with numbered placeholders `$1`, `$2`, … (sqlx's SQLite driver
//! binds `$N` to argument N, like PostgreSQL; a `$N` used twice is one
//! argument), and with values bound through types that encode and decode on
//! both ([`crate::row::Text`], [`crate::row::Day`], [`crate::row::Instant`],
//! `i64`, `String`). Sums are read through `CAST(SUM(…) AS BIGINT)`
//! (PostgreSQL's SUM of a BIGINT is NUMERIC). Where the dialects differ the
//! text comes from one of the few named fragments of [`Engine`] below, never
//! from an `if` written at the call site.
//!
//! A body runs against whichever engine is open through [`on_pool!`] (a
//! read on the pool), [`on_tx!`] (inside a [`WriteTx`]) or [`on_conn!`] (on
//! a [`Conn`], the connection of a transaction of either engine): the macro
//! writes the body once per engine, so the same query text and binds
//! compile against each driver. A helper several modules call inside their
//! transactions takes a `&mut Conn` (the `_on` forms).
//!
//! Transactions: on SQLite a write transaction is `BEGIN IMMEDIATE`, which
//! takes the database's one write lock at its first statement, so a
//! read-check-write can never interleave with another writer. PostgreSQL has
//! no such lock: a write transaction there is a plain `BEGIN` (READ
//! COMMITTED), and a ported read-check-write must lock the rows it checks
//! (`SELECT … FOR UPDATE`, see [`Engine::for_update`]) or leave the check to
//! a constraint or a trigger. `settings` upserts by key, `clients` updates
//! one row by id, `timeline` only appends: no lock. `invoices` locks the
//! `next_sequence` setting while it numbers and an invoice's row while it
//! checks then changes it; `followups` locks an invoice's row for the
//! one-contact-a-day check and otherwise moves its days forward in single
//! conditional UPDATEs; `payments` leaves over-payment to the
//! `payments_check` trigger, which locks the invoice's row before it
//! checks; `plans` locks a new plan's invoices and a plan's row before it
//! checks its state; `contacts` locks a call's or a promise's invoice and
//! the open promises it resolves; `corrections` locks a corrected
//! invoice's row before reading its figures and the `next_credit_sequence`
//! setting while it numbers; `imports` locks the tables whose ids it
//! chooses ([`Engine::lock_tables`]); `overview` locks the pay-speed window's
//! row while it moves it; `bank` stores an entry once by its UNIQUE uid
//! and locks the invoices a match pays and the entry a decision is about;
//! `einvoices` leaves one invoice per e-invoice to its UNIQUEs; `outbox` claims with `FOR UPDATE SKIP LOCKED`
//! ([`Engine::skip_locked`]) and a claim token, locks a message's row before
//! changing its state and the invoices before queueing, and its sender holds
//! a session advisory lock. Each place that takes a lock says why where it
//! is taken (and docs/postgres-port.md lists them).
//!
//! Who did what (issue #19): every write transaction begins by handing the
//! store's member (the name in this person's settings, `Store::set_member`)
//! to the database ([`Conn::set_member`]): on PostgreSQL the
//! transaction-local setting `kindly.member`, on SQLite the one row of the
//! connection's temporary table `temp.kindly_member` (made when the
//! connection opens; being per connection, it is written at the start of
//! each transaction, so a pooled connection never carries another
//! transaction's member). An INSERT stamps it with [`Engine::member`], so no
//! call site passes the name or asks which engine it is on.

use sqlx::postgres::{PgConnection, PgPool, Postgres};
use sqlx::sqlite::{Sqlite, SqliteConnection, SqlitePool};
use sqlx::Transaction;

/// Which engine a store is open on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The open pool, of one engine or the other.
#[derive(Clone, Debug)]
pub(crate) enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Pool {
    pub(crate) fn engine(&self) -> Engine {
        match self {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    pub(crate) async fn close(&self) {
        match self {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }
}

/// A write transaction on either engine (see the module's note on locks).
pub(crate) enum WriteTx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl WriteTx {
    /// Begins a write transaction made by `member` (see the module's note).
    pub(crate) async fn begin(pool: &Pool, member: Option<&str>) -> Result<WriteTx, sqlx::Error> {
        let mut tx = match pool {
            Pool::Sqlite(p) => WriteTx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => WriteTx::Postgres(p.begin().await?),
        };
        tx.conn().set_member(member).await?;
        Ok(tx)
    }

    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            WriteTx::Sqlite(t) => t.commit().await,
            WriteTx::Postgres(t) => t.commit().await,
        }
    }

    /// The transaction's connection, for a helper written over [`Conn`].
    pub(crate) fn conn(&mut self) -> Conn<'_> {
        match self {
            WriteTx::Sqlite(t) => Conn::Sqlite(t),
            WriteTx::Postgres(t) => Conn::Postgres(t),
        }
    }
}

/// A read transaction on either engine: the reads of one use case see one
/// snapshot (a plan with its invoices and installments, say). SQLite's
/// deferred `BEGIN` takes its snapshot at the first read and no write lock;
/// PostgreSQL's `REPEATABLE READ READ ONLY` keeps one snapshot for every
/// statement (its READ COMMITTED default takes one per statement).
pub(crate) enum ReadTx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl ReadTx {
    pub(crate) async fn begin(pool: &Pool) -> Result<ReadTx, sqlx::Error> {
        Ok(match pool {
            Pool::Sqlite(p) => ReadTx::Sqlite(p.begin().await?),
            Pool::Postgres(p) => {
                ReadTx::Postgres(p.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").await?)
            }
        })
    }

    /// Ends the read (nothing was written).
    pub(crate) async fn finish(self) -> Result<(), sqlx::Error> {
        match self {
            ReadTx::Sqlite(t) => t.rollback().await,
            ReadTx::Postgres(t) => t.rollback().await,
        }
    }

    /// The transaction's connection, for a helper written over [`Conn`].
    pub(crate) fn conn(&mut self) -> Conn<'_> {
        match self {
            ReadTx::Sqlite(t) => Conn::Sqlite(t),
            ReadTx::Postgres(t) => Conn::Postgres(t),
        }
    }
}

/// The connection of a transaction in progress, of either engine
/// ([`WriteTx::conn`], [`ReadTx::conn`]): what a helper shared by several
/// modules takes, so that its queries are written once.
pub(crate) enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl<'c> Conn<'c> {
    pub(crate) fn engine(&self) -> Engine {
        match self {
            Conn::Sqlite(_) => Engine::Sqlite,
            Conn::Postgres(_) => Engine::Postgres,
        }
    }

    /// Hands `member` to the database for the rest of this transaction, for
    /// [`Engine::member`] to read (`None`: nobody named; rows get NULL).
    pub(crate) async fn set_member(&mut self, member: Option<&str>) -> Result<(), sqlx::Error> {
        let sql = self.engine().set_member();
        on_conn!(self, c => sqlx::query(sql).bind(member).execute(c).await.map(|_| ()))
    }
}

/// Makes the temporary table that holds a SQLite connection's member: run
/// once on each connection as it opens (a temporary table is the
/// connection's own and gone when it closes).
pub(crate) async fn prepare_sqlite_connection(c: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    sqlx::query("CREATE TEMP TABLE IF NOT EXISTS kindly_member (one INTEGER PRIMARY KEY CHECK (one = 1), name TEXT)")
        .execute(c)
        .await
        .map(|_| ())
}

/// Runs `$body` with `$p` bound to the open pool (`&SqlitePool` or
/// `&PgPool`); the body is written once and compiled for each engine.
macro_rules! on_pool {
    ($pool:expr, $p:ident => $body:expr) => {
        match $pool {
            $crate::engine::Pool::Sqlite($p) => $body,
            $crate::engine::Pool::Postgres($p) => $body,
        }
    };
}

/// Runs `$body` with `$c` bound to the connection of a [`WriteTx`]
/// (`&mut SqliteConnection` or `&mut PgConnection`; reborrow it as
/// `&mut *$c` to run more than one statement).
macro_rules! on_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match $tx {
            $crate::engine::WriteTx::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::engine::WriteTx::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}

/// Runs `$body` with `$c` bound to the connection of a `&mut` [`Conn`]
/// (reborrow it as `&mut *$c` to run more than one statement).
macro_rules! on_conn {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::engine::Conn::Sqlite(x) => {
                let $c = &mut **x;
                $body
            }
            $crate::engine::Conn::Postgres(x) => {
                let $c = &mut **x;
                $body
            }
        }
    };
}

pub(crate) use {on_conn, on_pool, on_tx};

/// The named places where the two dialects differ. Keep these few.
impl Engine {
    /// The ids `expr` (an integer expression) of a group, comma-separated, in
    /// ascending order.
    pub(crate) fn group_ids(self, expr: &str) -> String {
        match self {
            Engine::Sqlite => format!("group_concat({expr})"),
            Engine::Postgres => format!("string_agg(CAST({expr} AS TEXT), ',' ORDER BY {expr})"),
        }
    }

    /// A subquery yielding the text elements (column `value`) of the JSON
    /// array of strings bound as `param`.
    pub(crate) fn json_text_values(self, param: &str) -> String {
        match self {
            Engine::Sqlite => format!("SELECT value FROM json_each({param})"),
            Engine::Postgres => format!("SELECT value FROM json_array_elements_text(CAST({param} AS json))"),
        }
    }

    /// The integer member `key` of the JSON object held as text in `column`
    /// (NULL when absent).
    pub(crate) fn json_int_member(self, column: &str, key: &str) -> String {
        match self {
            Engine::Sqlite => format!("json_extract({column}, '$.{key}')"),
            Engine::Postgres => format!("CAST(CAST({column} AS jsonb) ->> '{key}' AS BIGINT)"),
        }
    }

    /// A subquery yielding the integers (column `value`) of the JSON array
    /// of integers bound as `param` (text).
    pub(crate) fn json_int_values(self, param: &str) -> String {
        match self {
            Engine::Sqlite => format!("SELECT value FROM json_each({param})"),
            Engine::Postgres => {
                format!("SELECT CAST(value AS BIGINT) AS value FROM json_array_elements_text(CAST({param} AS json))")
            }
        }
    }

    /// One text holding every row of a group as a JSON array of arrays (the
    /// `columns`, comma-separated): `[]` when there is none. A large read
    /// crosses into Rust as one value, not a row each.
    pub(crate) fn json_rows(self, columns: &str) -> String {
        match self {
            Engine::Sqlite => format!("json_group_array(json_array({columns}))"),
            Engine::Postgres => format!("CAST(COALESCE(json_agg(json_build_array({columns})), '[]') AS TEXT)"),
        }
    }

    /// The larger of two values (SQLite's scalar `MAX(a, b)`, PostgreSQL's
    /// `GREATEST`); both must be non-null (PostgreSQL's ignores a NULL).
    pub(crate) fn greatest(self, a: &str, b: &str) -> String {
        match self {
            Engine::Sqlite => format!("MAX({a}, {b})"),
            Engine::Postgres => format!("GREATEST({a}, {b})"),
        }
    }

    /// The smaller of two values (SQLite's scalar `MIN(a, b)`, PostgreSQL's
    /// `LEAST`); both must be non-null.
    pub(crate) fn least(self, a: &str, b: &str) -> String {
        match self {
            Engine::Sqlite => format!("MIN({a}, {b})"),
            Engine::Postgres => format!("LEAST({a}, {b})"),
        }
    }

    /// The whole days from day `b` to day `a` (an integer; negative when `a`
    /// is earlier): SQLite's `julianday` difference of its text days,
    /// PostgreSQL's date subtraction.
    pub(crate) fn days_between(self, a: &str, b: &str) -> String {
        match self {
            Engine::Sqlite => format!("CAST(julianday({a}) - julianday({b}) AS INTEGER)"),
            Engine::Postgres => format!("({a} - {b})"),
        }
    }

    /// The day `n` days after day `day` (`n` a literal).
    pub(crate) fn add_days(self, day: &str, n: i64) -> String {
        match self {
            Engine::Sqlite => format!("date({day}, '{n:+} days')"),
            Engine::Postgres => format!("({day} + {n})"),
        }
    }

    /// A join that keeps the written order of its tables: SQLite's planner
    /// takes `CROSS JOIN … ON` as an order to follow; PostgreSQL has no such
    /// join (a `CROSS JOIN` takes no `ON`) and plans an inner join itself.
    pub(crate) fn ordered_join(self) -> &'static str {
        match self {
            Engine::Sqlite => "CROSS JOIN",
            Engine::Postgres => "JOIN",
        }
    }

    /// `column` in an order by its bytes, as SQLite compares text
    /// (PostgreSQL's default collation follows the server's locale).
    pub(crate) fn binary_order(self, column: &str) -> String {
        match self {
            Engine::Sqlite => column.to_string(),
            Engine::Postgres => format!("{column} COLLATE \"C\""),
        }
    }

    /// `column` for an order by name ignoring case: SQLite's `COLLATE
    /// NOCASE` (ASCII), PostgreSQL's `lower()` (the `clients_by_name`
    /// index's expression; it follows the database's locale).
    pub(crate) fn nocase(self, column: &str) -> String {
        match self {
            Engine::Sqlite => format!("{column} COLLATE NOCASE"),
            Engine::Postgres => format!("lower({column})"),
        }
    }

    /// The text of each row's `expr` (text) joined by commas in the order
    /// `order`, in an aggregate.
    pub(crate) fn text_list(self, expr: &str, order: &str) -> String {
        match self {
            // SQLite's group_concat keeps the order of its (ordered) input.
            Engine::Sqlite => format!("group_concat({expr})"),
            Engine::Postgres => format!("string_agg({expr}, ',' ORDER BY {order})"),
        }
    }

    /// The hint that makes SQLite read a table through `index` (PostgreSQL's
    /// planner takes no hint: nothing).
    pub(crate) fn indexed_by(self, index: &str) -> String {
        match self {
            Engine::Sqlite => format!("INDEXED BY {index}"),
            Engine::Postgres => String::new(),
        }
    }

    /// The clause that claims the first row of a queue no other transaction
    /// holds: nothing on SQLite (`BEGIN IMMEDIATE` already lets one writer
    /// in at a time), `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two
    /// machines claiming at once each lock a different row instead of
    /// waiting on, then both taking, the same one.
    pub(crate) fn skip_locked(self) -> &'static str {
        match self {
            Engine::Sqlite => "",
            Engine::Postgres => "FOR UPDATE SKIP LOCKED",
        }
    }

    /// One text holding the `expr` (text) of every row of a group as a JSON
    /// array of strings in the order `order`: `[]` when there is none.
    pub(crate) fn json_text_array(self, expr: &str, order: &str) -> String {
        match self {
            // SQLite's json_group_array keeps the order of its (ordered) input.
            Engine::Sqlite => format!("json_group_array({expr})"),
            Engine::Postgres => format!("CAST(COALESCE(json_agg({expr} ORDER BY {order}), '[]') AS TEXT)"),
        }
    }

    /// The statement that hands the member (`$1`, text or NULL) to the
    /// current transaction: the one row of SQLite's `temp.kindly_member`,
    /// PostgreSQL's transaction-local `kindly.member` (`''` for none).
    fn set_member(self) -> &'static str {
        match self {
            Engine::Sqlite => "INSERT OR REPLACE INTO temp.kindly_member (one, name) VALUES (1, $1)",
            Engine::Postgres => "SELECT set_config('kindly.member', COALESCE($1, ''), true)",
        }
    }

    /// An expression for the member who makes the current transaction's
    /// changes (NULL when none is named), for an INSERT's `made_by` or an
    /// UPDATE's `changed_by`.
    pub(crate) fn member(self) -> &'static str {
        match self {
            Engine::Sqlite => "(SELECT name FROM temp.kindly_member)",
            Engine::Postgres => "NULLIF(current_setting('kindly.member', true), '')",
        }
    }

    /// The clause that locks the rows a read-check-write reads: nothing on
    /// SQLite (the `BEGIN IMMEDIATE` write lock covers the whole database),
    /// `FOR UPDATE` on PostgreSQL.
    pub(crate) fn for_update(self) -> &'static str {
        match self {
            Engine::Sqlite => "",
            Engine::Postgres => "FOR UPDATE",
        }
    }

    /// The statement that keeps other writers out of `tables` (a comma
    /// list) until the transaction ends, readers still let in: none on
    /// SQLite (`BEGIN IMMEDIATE` already holds the database's write lock),
    /// `LOCK TABLE … IN EXCLUSIVE MODE` on PostgreSQL. For a bulk write that
    /// chooses its rows' ids itself (the CSV import): no other transaction
    /// inserts an id in between, and none holds one uncommitted.
    pub(crate) fn lock_tables(self, tables: &str) -> Option<String> {
        match self {
            Engine::Sqlite => None,
            Engine::Postgres => Some(format!("LOCK TABLE {tables} IN EXCLUSIVE MODE")),
        }
    }

    /// The statement that moves `table`'s identity past its highest `id`
    /// after rows were inserted with ids chosen by hand: none on SQLite (an
    /// INTEGER PRIMARY KEY takes the highest id + 1 itself), `setval` on
    /// PostgreSQL, whose identity sequence knows nothing of them (the next
    /// ordinary insert would otherwise clash).
    pub(crate) fn continue_ids(self, table: &str) -> Option<String> {
        match self {
            Engine::Sqlite => None,
            Engine::Postgres => Some(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
            )),
        }
    }

    /// [`Engine::for_update`] locking only the rows of the table aliased
    /// `alias` in a join (not, say, the client row a plan is read with).
    pub(crate) fn for_update_of(self, alias: &str) -> String {
        match self {
            Engine::Sqlite => String::new(),
            Engine::Postgres => format!("FOR UPDATE OF {alias}"),
        }
    }

    /// The day `n` days after day `day`, `n` an integer expression
    /// (negative: before). PostgreSQL adds only an INTEGER to a DATE.
    pub(crate) fn add_days_by(self, day: &str, n: &str) -> String {
        match self {
            Engine::Sqlite => format!("date({day}, CAST({n} AS TEXT) || ' days')"),
            Engine::Postgres => format!("({day} + CAST({n} AS INTEGER))"),
        }
    }

    /// The day `n` months after day `day`, `n` an integer expression. The
    /// engines differ past a month's end: SQLite runs over into the next
    /// month (31 January + 1 month = 3 March), PostgreSQL stops at its last
    /// day (28 February).
    pub(crate) fn add_months_by(self, day: &str, n: &str) -> String {
        match self {
            Engine::Sqlite => format!("date({day}, CAST({n} AS TEXT) || ' months')"),
            Engine::Postgres => format!("CAST({day} + CAST({n} AS INTEGER) * INTERVAL '1 month' AS DATE)"),
        }
    }

    /// The instant at `hour`:00 UTC of day `day`, as the engine stores an
    /// instant (RFC 3339 text with milliseconds on SQLite, TIMESTAMPTZ).
    pub(crate) fn at_hour_utc(self, day: &str, hour: u32) -> String {
        match self {
            Engine::Sqlite => format!("({day} || 'T{hour:02}:00:00.000Z')"),
            Engine::Postgres => format!("((CAST({day} AS TIMESTAMP) + INTERVAL '{hour} hours') AT TIME ZONE 'UTC')"),
        }
    }

    /// The base tables of the store's schema (column `name`, text), in name
    /// order, for the archive: without sqlx's migration bookkeeping, and
    /// without SQLite's internal and search-index tables (FTS5 virtual
    /// tables and their shadow tables are not of type `table`) or
    /// PostgreSQL's `kept_files` (the files themselves, which a SQLite
    /// store keeps in its data folder and its archive does not carry
    /// either).
    pub(crate) fn archived_tables(self) -> &'static str {
        match self {
            Engine::Sqlite => {
                "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
                   AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name"
            }
            Engine::Postgres => {
                "SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                   AND table_name NOT IN ('_sqlx_migrations', 'kept_files') ORDER BY CAST(table_name AS TEXT) COLLATE \"C\""
            }
        }
    }

    /// The columns (text) of the table named `$1`, in their order.
    pub(crate) fn table_columns(self) -> &'static str {
        match self {
            Engine::Sqlite => "SELECT name FROM pragma_table_info($1) ORDER BY cid",
            Engine::Postgres => {
                "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
            }
        }
    }
}

/// The connection URL as it may be shown and logged: without its password.
pub(crate) fn display_url(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let (auth_host, tail) = match rest.find('/') {
                Some(i) => rest.split_at(i),
                None => (rest, ""),
            };
            let host = match auth_host.rsplit_once('@') {
                Some((auth, host)) => {
                    let user = auth.split(':').next().unwrap_or_default();
                    format!("{user}@{host}")
                }
                None => auth_host.to_string(),
            };
            // Query parameters may carry a password too.
            let tail = tail.split('?').next().unwrap_or_default();
            format!("{scheme}://{host}{tail}")
        }
        None => "postgres".to_string(),
    }
}

/// The host (and port) of a connection URL, for messages.
pub(crate) fn url_host(url: &str) -> String {
    let shown = display_url(url);
    let rest = shown.split_once("://").map(|(_, r)| r).unwrap_or(&shown);
    let host = rest.split('/').next().unwrap_or_default();
    host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_shown_without_passwords() {
        assert_eq!(
            display_url("postgres://anna:s3cret@db.example:5433/ledger"),
            "postgres://anna@db.example:5433/ledger"
        );
        assert_eq!(display_url("postgres://db/ledger?password=x&sslmode=require"), "postgres://db/ledger");
        assert_eq!(display_url("postgresql://anna@localhost"), "postgresql://anna@localhost");
        assert_eq!(url_host("postgres://anna:pw@db.example:5433/ledger"), "db.example:5433");
    }

    /// sqlx's SQLite driver binds `$N` to argument N (the portable-SQL rule),
    /// and a `$N` used twice is the same argument.
    #[tokio::test]
    async fn sqlite_binds_numbered_dollar_placeholders() {
        let pool = SqlitePool::connect("sqlite::memory:").await.unwrap();
        let (a, b, c): (i64, String, i64) = sqlx::query_as("SELECT $2, $1, $2 + $3")
            .bind("one")
            .bind(2_i64)
            .bind(40_i64)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!((a, b.as_str(), c), (2, "one", 42));
    }
}

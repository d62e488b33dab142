//! Moving in (issue #19, `kindly migrate --to postgres://…`): a SQLite
//! store's every table and kept file copied into an empty PostgreSQL store,
//! in one transaction, then verified.
//!
//! Each table goes over in PostgreSQL's `COPY … FROM STDIN` text format. The
//! lines are made by SQLite itself (a chunk of rows per query, by rowid), so
//! a million-invoice file crosses in a few minutes rather than the hours
//! row-by-row inserts took. The same line, with every value in one
//! canonical text form, is what is verified: once the copy is in, each
//! table is read back from PostgreSQL with `COPY (SELECT …) TO STDOUT`
//! writing the same canonical form, and the two sides must hold the same
//! number of rows and the same multiset of lines (a sum of the lines'
//! SHA-256, so the order the engines sort in does not matter). Kept files
//! are verified by the SHA-256 PostgreSQL computes of what it stored.
//!
//! Architecture Invariant: a move either commits whole and verified, or
//! leaves the PostgreSQL database as it was: the copy, the trigger switch
//! and the verification share one transaction.
//!
//! The database's own rules stay on the target: its triggers are switched
//! off for the copy only (`DISABLE TRIGGER USER`, so the rows arrive as
//! they are, with the summaries SQLite kept, instead of each payment being
//! counted twice), and its foreign keys, `CHECK`s and types check every row.

use crate::engine::Pool;
use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use kindly_core::ErrorCode;
use sha2::{Digest, Sha256};
use sqlx::postgres::Postgres;
use sqlx::{Row, SqlitePool, Transaction};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Rows per chunk read from SQLite (one COPY message each).
const CHUNK: i64 = 5_000;

/// A file of the data folder to keep in the database.
#[derive(Clone, Debug)]
pub struct FileToKeep {
    /// Relative to the data folder, `/` between parts (as the records name it).
    pub path: String,
    pub full_path: PathBuf,
}

/// One table moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableMoved {
    pub table: String,
    pub rows: i64,
}

/// What a move copied, all of it verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveReport {
    pub tables: Vec<TableMoved>,
    pub files: usize,
    pub file_bytes: u64,
}

/// A column and how its values are written (PostgreSQL's type decides).
#[derive(Clone, Debug)]
struct Column {
    name: String,
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Integer,
    Boolean,
    Bytes,
    Date,
    Instant,
    Text,
}

impl Kind {
    fn of(pg_type: &str) -> Kind {
        match pg_type {
            "bigint" | "integer" | "smallint" => Kind::Integer,
            "boolean" => Kind::Boolean,
            "bytea" => Kind::Bytes,
            "date" => Kind::Date,
            "timestamp with time zone" => Kind::Instant,
            _ => Kind::Text,
        }
    }

    /// The value in COPY text form, computed by SQLite (`\N` for NULL).
    fn sqlite_text(self, col: &str) -> String {
        let c = format!("\"{col}\"");
        let text = match self {
            Kind::Integer | Kind::Boolean => format!("CAST({c} AS TEXT)"),
            Kind::Bytes => format!("'\\\\x' || lower(hex({c}))"),
            // Kindly writes instants as RFC 3339 with milliseconds; one
            // written any other way still goes over (PostgreSQL parses it)
            // and then fails the verification rather than changing quietly.
            Kind::Instant => format!("COALESCE(strftime('%Y-%m-%dT%H:%M:%fZ', {c}), {})", escaped(&c)),
            Kind::Date | Kind::Text => escaped(&c),
        };
        format!("COALESCE({text}, '\\N')")
    }

    /// The same canonical text, computed by PostgreSQL from what it stored.
    fn pg_text(self, col: &str) -> String {
        let c = format!("\"{col}\"");
        match self {
            Kind::Integer | Kind::Date | Kind::Text => c,
            Kind::Boolean => format!("{c}::int"),
            Kind::Bytes => format!("'\\x' || encode({c}, 'hex')"),
            Kind::Instant => format!("to_char({c} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"),
        }
    }
}

/// SQLite text escaped as COPY's text format wants it, and as `COPY TO`
/// writes it: backslash, then the control characters it names.
fn escaped(c: &str) -> String {
    let mut e = format!("replace({c}, '\\', '\\\\')");
    for (code, esc) in [(8, "b"), (9, "t"), (10, "n"), (11, "v"), (12, "f"), (13, "r")] {
        e = format!("replace({e}, char({code}), '\\{esc}')");
    }
    e
}

/// A multiset hash of lines: their count and the wrapping sum of each
/// line's SHA-256 (its first 16 bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    rows: i64,
    sum: u128,
}

impl Tally {
    fn add_lines(&mut self, chunk: &[u8]) {
        for line in chunk.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
            let d = Sha256::digest(line);
            let mut first = [0u8; 16];
            first.copy_from_slice(&d[..16]);
            self.sum = self.sum.wrapping_add(u128::from_be_bytes(first));
            self.rows += 1;
        }
    }
}

fn refused(message: String) -> StoreError {
    StoreError::Moving { code: ErrorCode::MoveTargetNotEmpty, message }
}

fn mismatch(message: String) -> StoreError {
    StoreError::Moving { code: ErrorCode::MoveVerifyFailed, message }
}

impl Store {
    /// Copies this SQLite store and `files` into `target`, an empty
    /// PostgreSQL store (migrated, no clients, invoices or timeline yet), and
    /// verifies every table and file there before committing.
    pub async fn move_into(
        &self,
        target: &Store,
        files: &[FileToKeep],
        now: DateTime<Utc>,
    ) -> Result<MoveReport, StoreError> {
        let lite = self.sqlite("moving a data folder")?;
        let Pool::Postgres(pg) = target.pool() else {
            return Err(StoreError::Other("a data folder moves into a PostgreSQL database only".into()));
        };
        let map = |e| StoreError::classify(e, target.path());
        let mut tx = pg.begin().await.map_err(map)?;
        let held: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM clients) + (SELECT COUNT(*) FROM invoices) + (SELECT COUNT(*) FROM timeline)
                    + (SELECT COUNT(*) FROM kept_files)",
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(map)?;
        if held > 0 {
            return Err(refused(format!(
                "{} already holds data ({held} clients, invoices, timeline entries and files); Kindly moves a data \
                 folder into an empty database only, so nothing is mixed or overwritten",
                target.path().display()
            )));
        }
        sqlx::query("SET LOCAL DateStyle = ISO").execute(&mut *tx).await.map_err(map)?;
        let columns = pg_columns(&mut tx).await.map_err(map)?;
        let order = copy_order(lite, &columns).await.map_err(|e| StoreError::classify(e, self.path()))?;
        // What the PostgreSQL migrations seeded (settings, the overview's
        // window row) is replaced by the data folder's own rows.
        let all: Vec<String> = order.iter().map(|t| format!("\"{t}\"")).collect();
        sqlx::query(sqlx::AssertSqlSafe(format!("TRUNCATE {}", all.join(", "))))
            .execute(&mut *tx)
            .await
            .map_err(map)?;
        let mut tables = Vec::with_capacity(order.len());
        for table in &order {
            let cols = &columns[table];
            let sent = copy_table(self, lite, &mut tx, table, cols).await?;
            let stored = pg_tally(&mut tx, table, cols).await.map_err(map)?;
            if sent != stored {
                let what = if sent.rows == stored.rows {
                    format!("the {} rows stored differ from the rows sent", sent.rows)
                } else {
                    format!("{} rows were sent and {} stored", sent.rows, stored.rows)
                };
                return Err(mismatch(format!("table {table}: {what}; nothing was moved")));
            }
            tables.push(TableMoved { table: table.clone(), rows: sent.rows });
        }
        reset_identities(&mut tx, &columns).await.map_err(map)?;
        let file_bytes = keep_files(&mut tx, files, now, target).await?;
        tx.commit().await.map_err(map)?;
        // The planner's statistics for what just arrived (autovacuum would
        // take its time): a team's first queue and searches use the indexes.
        if let Err(e) = sqlx::query("ANALYZE").execute(pg).await {
            tracing::warn!(error = %e, "the moved tables could not be analysed; autovacuum will do it later");
        }
        tracing::info!(tables = tables.len(), files = files.len(), file_bytes, to = %target.path().display(), "data folder moved");
        Ok(MoveReport { tables, files: files.len(), file_bytes })
    }
}

/// PostgreSQL's tables (but sqlx's and the kept files) and their columns.
async fn pg_columns(tx: &mut Transaction<'static, Postgres>) -> Result<BTreeMap<String, Vec<Column>>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name NOT IN ('_sqlx_migrations', 'kept_files')
         ORDER BY table_name, ordinal_position",
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut out: BTreeMap<String, Vec<Column>> = BTreeMap::new();
    for r in rows {
        let kind = Kind::of(r.get::<String, _>(2).as_str());
        out.entry(r.get(0)).or_default().push(Column { name: r.get(1), kind });
    }
    Ok(out)
}

/// The tables in an order their foreign keys allow (a table after every
/// table it refers to), read from SQLite's schema. A table PostgreSQL has
/// and SQLite does not is an error: the two schemas must be the same.
async fn copy_order(lite: &SqlitePool, pg: &BTreeMap<String, Vec<Column>>) -> Result<Vec<String>, sqlx::Error> {
    let mut refers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for table in pg.keys() {
        let parents: Vec<String> =
            sqlx::query_scalar("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list($1) WHERE \"table\" <> $1")
                .bind(table)
                .fetch_all(lite)
                .await?;
        refers.insert(table.clone(), parents.into_iter().filter(|p| pg.contains_key(p)).collect());
    }
    let mut order = Vec::with_capacity(refers.len());
    let mut placed = BTreeSet::new();
    while placed.len() < refers.len() {
        let ready: Vec<String> = refers
            .iter()
            .filter(|(t, parents)| !placed.contains(*t) && parents.iter().all(|p| placed.contains(p)))
            .map(|(t, _)| t.clone())
            .collect();
        if ready.is_empty() {
            // A cycle: no Kindly table has one; keep going in name order
            // and let PostgreSQL's foreign keys say what is wrong.
            order.extend(refers.keys().filter(|t| !placed.contains(*t)).cloned());
            break;
        }
        for t in ready {
            placed.insert(t.clone());
            order.push(t);
        }
    }
    Ok(order)
}

/// Copies one table, its triggers off, and returns the tally of the lines sent.
async fn copy_table(
    source: &Store,
    lite: &SqlitePool,
    tx: &mut Transaction<'static, Postgres>,
    table: &str,
    cols: &[Column],
) -> Result<Tally, StoreError> {
    let lite_err = |e| StoreError::classify(e, source.path());
    let pg_err =
        |e: sqlx::Error| StoreError::Other(format!("table {table} could not be copied: {e}; nothing was moved"));
    let has: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
        .bind(table)
        .fetch_all(lite)
        .await
        .map_err(lite_err)?;
    if let Some(missing) = cols.iter().find(|c| !has.contains(&c.name)) {
        return Err(mismatch(format!(
            "table {table} has no column {} in the data folder: its schema is older or newer than this Kindly's",
            missing.name
        )));
    }
    let names: Vec<String> = cols.iter().map(|c| format!("\"{}\"", c.name)).collect();
    let line: Vec<String> = cols.iter().map(|c| c.kind.sqlite_text(&c.name)).collect();
    let line = line.join(" || char(9) || ");
    let rowid: bool = sqlx::query_scalar(
        "SELECT sql NOT LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table' AND name = $1",
    )
    .bind(table)
    .fetch_one(lite)
    .await
    .map_err(lite_err)?;
    sqlx::query(sqlx::AssertSqlSafe(format!("ALTER TABLE \"{table}\" DISABLE TRIGGER USER")))
        .execute(&mut **tx)
        .await
        .map_err(pg_err)?;
    let mut copy =
        tx.copy_in_raw(&format!("COPY \"{table}\" ({}) FROM STDIN", names.join(", "))).await.map_err(pg_err)?;
    let mut tally = Tally::default();
    let mut after = i64::MIN;
    loop {
        // A chunk of lines by rowid; a WITHOUT ROWID table (a summary, one
        // row per client at most) in one read.
        let (text, last): (Option<String>, Option<i64>) = if rowid {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT group_concat(line, char(10)), MAX(r) FROM
                 (SELECT {line} AS line, rowid AS r FROM \"{table}\" WHERE rowid > $1 ORDER BY rowid LIMIT {CHUNK})"
            )))
            .bind(after)
            .fetch_one(lite)
            .await
        } else {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT group_concat(line, char(10)), NULL FROM (SELECT {line} AS line FROM \"{table}\")"
            )))
            .fetch_one(lite)
            .await
        }
        .map_err(lite_err)?;
        let Some(mut text) = text else { break };
        text.push('\n');
        tally.add_lines(text.as_bytes());
        copy.send(text.into_bytes()).await.map_err(pg_err)?;
        match last {
            Some(l) if rowid => after = l,
            _ => break,
        }
    }
    copy.finish().await.map_err(pg_err)?;
    sqlx::query(sqlx::AssertSqlSafe(format!("ALTER TABLE \"{table}\" ENABLE TRIGGER USER")))
        .execute(&mut **tx)
        .await
        .map_err(pg_err)?;
    Ok(tally)
}

/// The tally of a table as PostgreSQL stored it, in the canonical form.
async fn pg_tally(tx: &mut Transaction<'static, Postgres>, table: &str, cols: &[Column]) -> Result<Tally, sqlx::Error> {
    use futures_util::TryStreamExt;
    let exprs: Vec<String> = cols.iter().map(|c| c.kind.pg_text(&c.name)).collect();
    let mut out = tx.copy_out_raw(&format!("COPY (SELECT {} FROM \"{table}\") TO STDOUT", exprs.join(", "))).await?;
    let mut tally = Tally::default();
    // Chunks are not cut at line ends: carry the partial last line over.
    let mut carry: Vec<u8> = Vec::new();
    while let Some(chunk) = out.try_next().await? {
        carry.extend_from_slice(&chunk);
        if let Some(end) = carry.iter().rposition(|b| *b == b'\n') {
            tally.add_lines(&carry[..=end]);
            carry.drain(..=end);
        }
    }
    tally.add_lines(&carry);
    Ok(tally)
}

/// Identity columns continue after the highest id copied.
async fn reset_identities(
    tx: &mut Transaction<'static, Postgres>,
    columns: &BTreeMap<String, Vec<Column>>,
) -> Result<(), sqlx::Error> {
    let ids: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND is_identity = 'YES'",
    )
    .fetch_all(&mut **tx)
    .await?;
    for (table, col) in ids.iter().filter(|(t, _)| columns.contains_key(t)) {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT setval(pg_get_serial_sequence('\"{table}\"', '{col}'), COALESCE(MAX(\"{col}\"), 0) + 1, false)
             FROM \"{table}\""
        )))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Stores the files and checks PostgreSQL's SHA-256 of each against the
/// file's own; returns the bytes kept.
async fn keep_files(
    tx: &mut Transaction<'static, Postgres>,
    files: &[FileToKeep],
    now: DateTime<Utc>,
    target: &Store,
) -> Result<u64, StoreError> {
    let map = |e| StoreError::classify(e, target.path());
    let mut total = 0u64;
    for f in files {
        let bytes = std::fs::read(&f.full_path).map_err(|e| StoreError::io(&f.full_path, e))?;
        let sha = format!("{:x}", Sha256::digest(&bytes));
        let size = bytes.len() as i64;
        total += bytes.len() as u64;
        let stored: String = sqlx::query_scalar(
            "INSERT INTO kept_files (path, sha256, size_bytes, bytes, kept_at) VALUES ($1, $2, $3, $4, $5)
             RETURNING encode(sha256(bytes), 'hex')",
        )
        .bind(&f.path)
        .bind(&sha)
        .bind(size)
        .bind(bytes)
        .bind(now)
        .fetch_one(&mut **tx)
        .await
        .map_err(map)?;
        if stored != sha {
            return Err(mismatch(format!(
                "the file {} was stored with SHA-256 {stored}, not its own {sha}; nothing was moved",
                f.path
            )));
        }
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_is_the_same_whatever_the_order_and_the_chunking() {
        let mut a = Tally::default();
        a.add_lines(b"1\tx\n2\ty\n3\t\\N\n");
        let mut b = Tally::default();
        b.add_lines(b"3\t\\N\n");
        b.add_lines(b"2\ty\n1\tx");
        assert_eq!(a, b);
        let mut c = Tally::default();
        c.add_lines(b"1\tx\n2\ty\n3\t\\N\n3\t\\N\n");
        assert_ne!(a, c, "a line twice is not the same multiset");
    }

    #[test]
    fn the_postgres_type_decides_how_a_value_is_written() {
        assert_eq!(Kind::of("timestamp with time zone"), Kind::Instant);
        assert_eq!(Kind::of("bigint"), Kind::Integer);
        assert_eq!(Kind::of("character varying"), Kind::Text);
    }
}

//! Every table's rows, read in one transaction, for the JSON archive
//! (`kindly_api::archive`). Tables are found in the schema, so a table
//! added by a later migration is in the archive without anyone remembering
//! to add it; the migration bookkeeping of sqlx and the search indexes
//! (FTS5 virtual tables and their shadow tables, which hold no data of
//! their own) are left out.
//!
//! Both engines (issue #19), with the same value shapes: integers (and
//! PostgreSQL's few BOOLEAN flags, 0 or 1 on SQLite) as numbers, text as
//! strings, days as `YYYY-MM-DD`, instants in the RFC 3339 form SQLite
//! stores (UTC, milliseconds, `Z`; [`crate::util::instant_str`]), bytes as
//! `{"base64": …}`. On PostgreSQL the kept files (`kept_files`) are left
//! out like the files of a SQLite store's data folder: the archive is the
//! data, not the evidence files. The schema version is the engine's own
//! last migration.

use crate::engine::{on_conn, Conn};
use crate::{Store, StoreError};
use sqlx::{Column, Row, TypeInfo, ValueRef};

/// One table: its columns in order and its rows as `column → value`.
#[derive(Clone, Debug, PartialEq)]
pub struct TableDump {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// A value the archive cannot write as JSON (a column type Kindly's
/// schema does not use).
#[derive(Debug, thiserror::Error)]
#[error("the archive cannot write a value of type {0}")]
struct UnknownType(String);

impl Store {
    /// The schema version (the last migration applied) and every table.
    pub async fn dump_tables(&self) -> Result<(i64, Vec<TableDump>), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        // One read transaction (REPEATABLE READ on PostgreSQL): the archive
        // is one consistent snapshot even while the app writes.
        let mut tx = self.read_tx().await?;
        let out = dump(&mut tx.conn()).await.map_err(map)?;
        tx.finish().await.map_err(map)?;
        Ok(out)
    }
}

async fn dump(c: &mut Conn<'_>) -> Result<(i64, Vec<TableDump>), sqlx::Error> {
    let e = c.engine();
    let version: i64 = on_conn!(c, x => {
        sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success").fetch_one(x).await
    })?;
    let tables: Vec<String> = on_conn!(c, x => sqlx::query_scalar(e.archived_tables()).fetch_all(x).await)?;
    let mut out = Vec::with_capacity(tables.len());
    for name in tables {
        // The name comes from the schema's catalog, quoted as an identifier.
        let sql = format!("SELECT * FROM \"{}\"", name.replace('"', "\"\""));
        let (columns, rows) = on_conn!(c, x => {
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&mut *x).await?;
            let columns: Vec<String> = match rows.first() {
                Some(r) => r.columns().iter().map(|c| c.name().to_string()).collect(),
                None => sqlx::query_scalar(e.table_columns()).bind(&name).fetch_all(&mut *x).await?,
            };
            let mut dumped = Vec::with_capacity(rows.len());
            for row in &rows {
                let mut obj = serde_json::Map::new();
                for (i, col) in columns.iter().enumerate() {
                    obj.insert(col.clone(), row.json(i)?);
                }
                dumped.push(obj);
            }
            Ok::<_, sqlx::Error>((columns, dumped))
        })?;
        out.push(TableDump { name, columns, rows });
    }
    Ok((version, out))
}

/// A row of either engine, its values as the archive writes them.
trait ArchiveRow {
    /// The `i`-th value as JSON, by its type (SQLite: the value's own
    /// storage class; PostgreSQL: the column's type).
    fn json(&self, i: usize) -> Result<serde_json::Value, sqlx::Error>;
}

impl ArchiveRow for sqlx::sqlite::SqliteRow {
    fn json(&self, i: usize) -> Result<serde_json::Value, sqlx::Error> {
        let raw = self.try_get_raw(i)?;
        if raw.is_null() {
            return Ok(serde_json::Value::Null);
        }
        let kind = raw.type_info().name().to_string();
        Ok(match kind.as_str() {
            "INTEGER" => serde_json::Value::from(self.try_get::<i64, _>(i)?),
            "REAL" => serde_json::Value::from(self.try_get::<f64, _>(i)?),
            "BLOB" => serde_json::json!({ "base64": base64(&self.try_get::<Vec<u8>, _>(i)?) }),
            _ => serde_json::Value::from(self.try_get::<String, _>(i)?),
        })
    }
}

impl ArchiveRow for sqlx::postgres::PgRow {
    fn json(&self, i: usize) -> Result<serde_json::Value, sqlx::Error> {
        let raw = self.try_get_raw(i)?;
        if raw.is_null() {
            return Ok(serde_json::Value::Null);
        }
        let kind = raw.type_info().name().to_string();
        Ok(match kind.as_str() {
            "INT8" => serde_json::Value::from(self.try_get::<i64, _>(i)?),
            "INT4" => serde_json::Value::from(self.try_get::<i32, _>(i)?),
            "INT2" => serde_json::Value::from(self.try_get::<i16, _>(i)?),
            // SQLite holds a flag as 0 or 1.
            "BOOL" => serde_json::Value::from(i64::from(self.try_get::<bool, _>(i)?)),
            "FLOAT8" => serde_json::Value::from(self.try_get::<f64, _>(i)?),
            "BYTEA" => serde_json::json!({ "base64": base64(&self.try_get::<Vec<u8>, _>(i)?) }),
            "DATE" => serde_json::Value::from(crate::util::date_str(self.try_get::<chrono::NaiveDate, _>(i)?)),
            "TIMESTAMPTZ" => {
                serde_json::Value::from(crate::util::instant_str(self.try_get::<chrono::DateTime<chrono::Utc>, _>(i)?))
            }
            "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => serde_json::Value::from(self.try_get::<String, _>(i)?),
            other => {
                return Err(sqlx::Error::ColumnDecode {
                    index: i.to_string(),
                    source: Box::new(UnknownType(other.into())),
                })
            }
        })
    }
}

/// Standard base64 with padding (RFC 4648 §4): the only binary column is an
/// e-mail's exact bytes, and one small function beats a dependency.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (k, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if k <= chunk.len() {
                out.push(A[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (i, o) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("foobar", "Zm9vYmFy")]
        {
            assert_eq!(super::base64(i.as_bytes()), o);
        }
    }
}

//! Every table's rows, read in one transaction, for the JSON archive
//! (`kindly_api::archive`). Tables are found in the schema, so a table
//! added by a later migration is in the archive without anyone remembering
//! to add it; the migration bookkeeping of sqlx and the search indexes
//! (FTS5 virtual tables and their shadow tables, which hold no data of
//! their own) are left out.

use crate::{Store, StoreError};
use sqlx::{Column, Row, TypeInfo, ValueRef};

/// One table: its columns in order and its rows as `column → value`.
#[derive(Clone, Debug, PartialEq)]
pub struct TableDump {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<serde_json::Map<String, serde_json::Value>>,
}

#[derive(sqlx::FromRow)]
struct TableName {
    name: String,
}

impl Store {
    /// The schema version (the last migration applied) and every table.
    pub async fn dump_tables(&self) -> Result<(i64, Vec<TableDump>), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        // One read transaction: the archive is one consistent snapshot even
        // while the app writes.
        let mut tx = self.sqlite("exporting every table")?.begin().await.map_err(map)?;
        let version: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut *tx)
            .await
            .map_err(map)?;
        let tables: Vec<TableName> = sqlx::query_as(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
               AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(map)?;
        let mut out = Vec::with_capacity(tables.len());
        for TableName { name } in tables {
            // The name comes from sqlite_master, quoted as an identifier.
            let sql = format!("SELECT * FROM \"{}\"", name.replace('"', "\"\""));
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&mut *tx).await.map_err(map)?;
            let columns: Vec<String> = match rows.first() {
                Some(r) => r.columns().iter().map(|c| c.name().to_string()).collect(),
                None => column_names(&mut tx, &name).await.map_err(map)?,
            };
            let mut dumped = Vec::with_capacity(rows.len());
            for row in &rows {
                let mut obj = serde_json::Map::new();
                for (i, col) in columns.iter().enumerate() {
                    obj.insert(col.clone(), value(row, i).map_err(map)?);
                }
                dumped.push(obj);
            }
            out.push(TableDump { name, columns, rows: dumped });
        }
        tx.commit().await.map_err(map)?;
        Ok((version, out))
    }
}

async fn column_names(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    table: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM pragma_table_info(?1) ORDER BY cid").bind(table).fetch_all(&mut **tx).await
}

fn value(row: &sqlx::sqlite::SqliteRow, i: usize) -> Result<serde_json::Value, sqlx::Error> {
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(serde_json::Value::Null);
    }
    let kind = raw.type_info().name().to_string();
    Ok(match kind.as_str() {
        "INTEGER" => serde_json::Value::from(row.try_get::<i64, _>(i)?),
        "REAL" => serde_json::Value::from(row.try_get::<f64, _>(i)?),
        "BLOB" => serde_json::json!({ "base64": base64(&row.try_get::<Vec<u8>, _>(i)?) }),
        _ => serde_json::Value::from(row.try_get::<String, _>(i)?),
    })
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

//! Small conversions between SQLite's text columns and domain types.

use crate::StoreError;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use sqlx::{AssertSqlSafe, Sqlite, Transaction};

pub(crate) fn date_str(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| StoreError::Other(format!("bad date in database: {s}")))
}

pub(crate) fn instant_str(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn parse_instant(s: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Other(format!("bad timestamp in database: {s}")))
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern and wraps it in `%…%`.
pub(crate) fn like_pattern(query: &str) -> String {
    let mut p = String::with_capacity(query.len() + 2);
    p.push('%');
    for c in query.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(super::like_pattern(" 50%_off\\ "), "%50\\%\\_off\\\\%");
    }
}

/// A value of a multi-row INSERT.
#[derive(Clone)]
pub(crate) enum V {
    I(i64),
    T(String),
    N,
}

/// Inserts `rows` with multi-row INSERTs (`head` is "INSERT INTO t (a, b)").
pub(crate) async fn insert_rows(
    tx: &mut Transaction<'static, Sqlite>,
    head: &str,
    ncols: usize,
    rows: &[Vec<V>],
) -> Result<(), sqlx::Error> {
    // Stay well under SQLite's 32,766 bound parameters per statement.
    let per = (8000 / ncols).max(1);
    for chunk in rows.chunks(per) {
        let one = format!("({})", vec!["?"; ncols].join(","));
        let sql = format!("{head} VALUES {}", vec![one; chunk.len()].join(","));
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for row in chunk {
            for v in row {
                q = match v {
                    V::I(i) => q.bind(*i),
                    V::T(t) => q.bind(t.clone()),
                    V::N => q.bind(Option::<i64>::None),
                };
            }
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

//! Small conversions between SQLite's text columns and domain types.

use crate::engine::on_conn;
use crate::StoreError;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use sqlx::AssertSqlSafe;

pub(crate) fn date_str(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| StoreError::Other(format!("bad date in database: {s}")))
}

pub(crate) fn instant_str(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
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

/// A value of a multi-row INSERT or of a query's [`Params`].
#[derive(Clone)]
pub(crate) enum V {
    I(i64),
    T(String),
    /// A calendar day (bound as [`crate::row::Day`]: text on SQLite, DATE on PostgreSQL).
    D(NaiveDate),
    /// An instant (bound as [`crate::row::Instant`]: RFC 3339 text on
    /// SQLite, TIMESTAMPTZ on PostgreSQL).
    At(DateTime<Utc>),
    /// A NULL integer or text (bound as an `i64`; see [`insert_rows_on`]).
    N,
    /// A NULL day: PostgreSQL has no assignment cast from a BIGINT NULL to a
    /// DATE column, so a day's NULL is bound as a day.
    NoDay,
}

/// Inserts `rows` with multi-row INSERTs (`head` is "INSERT INTO t (a, b)")
/// on either engine, numbering the placeholders `$1`, `$2`, … (the
/// portable-SQL rule). PostgreSQL coerces each value of an INSERT's VALUES
/// list to its column's type by assignment: a NULL bound as an integer
/// ([`V::N`]) goes into an integer or a text column, but a text goes into
/// no DATE or TIMESTAMPTZ column, so days and instants are bound as
/// [`V::D`] / [`V::At`] and a NULL day as [`V::NoDay`].
pub(crate) async fn insert_rows_on(
    c: &mut crate::engine::Conn<'_>,
    head: &str,
    ncols: usize,
    rows: &[Vec<V>],
) -> Result<(), sqlx::Error> {
    // Stay well under SQLite's 32,766 bound parameters per statement
    // (PostgreSQL's bound is 65,535).
    let per = (8000 / ncols.max(1)).max(1);
    for chunk in rows.chunks(per) {
        let mut n = 0usize;
        let tuples: Vec<String> = chunk
            .iter()
            .map(|_| {
                let one: Vec<String> = (0..ncols)
                    .map(|_| {
                        n += 1;
                        format!("${n}")
                    })
                    .collect();
                format!("({})", one.join(","))
            })
            .collect();
        let sql = format!("{head} VALUES {}", tuples.join(","));
        on_conn!(c, conn => {
            // Not a cached prepared statement: the next INSERT of the same
            // shape (the next chunk, the next import on this connection) may
            // bind a text where this one bound a NULL as an integer, and
            // PostgreSQL would read it with the types prepared first
            // ("incorrect binary data format in bind parameter").
            let mut q = sqlx::query(AssertSqlSafe(sql)).persistent(false);
            for row in chunk {
                for v in row {
                    q = match v {
                        V::I(i) => q.bind(*i),
                        V::T(t) => q.bind(t.clone()),
                        V::D(d) => q.bind(crate::row::Day(*d)),
                        V::At(t) => q.bind(crate::row::Instant(*t)),
                        V::N => q.bind(Option::<i64>::None),
                        V::NoDay => q.bind(Option::<crate::row::Day>::None),
                    };
                }
            }
            q.execute(&mut *conn).await?;
        });
    }
    Ok(())
}

/// The values of a query built from optional filters, numbered as they are
/// pushed (`$1`, `$2`, …, the portable-SQL rule of `engine`), so one list
/// of filters serves the count and the page queries alike, on either engine.
#[derive(Clone, Default)]
pub(crate) struct Params {
    values: Vec<V>,
}

impl Params {
    /// Adds a value and returns its placeholder.
    pub(crate) fn push(&mut self, v: V) -> String {
        self.values.push(v);
        format!("${}", self.values.len())
    }

    pub(crate) fn text(&mut self, s: impl Into<String>) -> String {
        self.push(V::T(s.into()))
    }

    pub(crate) fn int(&mut self, i: i64) -> String {
        self.push(V::I(i))
    }

    pub(crate) fn day(&mut self, d: NaiveDate) -> String {
        self.push(V::D(d))
    }

    /// How many values are bound so far (the last placeholder's number).
    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }

    pub(crate) fn args(&self) -> sqlx::sqlite::SqliteArguments {
        use sqlx::Arguments;
        let mut a = sqlx::sqlite::SqliteArguments::default();
        for v in &self.values {
            // Adding an i64, a String or a NULL cannot fail.
            let _ = match v {
                V::I(i) => a.add(*i),
                V::T(t) => a.add(t.clone()),
                V::D(d) => a.add(crate::row::Day(*d)),
                V::At(t) => a.add(crate::row::Instant(*t)),
                V::N => a.add(Option::<i64>::None),
                V::NoDay => a.add(Option::<crate::row::Day>::None),
            };
        }
        a
    }

    /// The values for a query run on `pool` (either engine's, inside
    /// `on_pool!`: the pool's type picks the arguments' type).
    pub(crate) fn args_on<P: PoolArgs>(&self, _pool: &P) -> P::Args {
        P::args(self)
    }

    /// The values for a query on PostgreSQL.
    pub(crate) fn pg_args(&self) -> sqlx::postgres::PgArguments {
        use sqlx::Arguments;
        let mut a = sqlx::postgres::PgArguments::default();
        for v in &self.values {
            // Adding an i64, a String, a day or a NULL cannot fail.
            let _ = match v {
                V::I(i) => a.add(*i),
                V::T(t) => a.add(t.clone()),
                V::D(d) => a.add(crate::row::Day(*d)),
                V::At(t) => a.add(crate::row::Instant(*t)),
                V::N => a.add(Option::<i64>::None),
                V::NoDay => a.add(Option::<crate::row::Day>::None),
            };
        }
        a
    }
}

/// The arguments type of each engine's pool (see [`Params::args_on`]).
pub(crate) trait PoolArgs {
    type Args;
    fn args(p: &Params) -> Self::Args;
}

impl PoolArgs for sqlx::SqlitePool {
    type Args = sqlx::sqlite::SqliteArguments;
    fn args(p: &Params) -> Self::Args {
        p.args()
    }
}

impl PoolArgs for sqlx::PgPool {
    type Args = sqlx::postgres::PgArguments;
    fn args(p: &Params) -> Self::Args {
        p.pg_args()
    }
}

/// How a free-text search is matched: substrings (three characters or
/// more) through the trigram indexes, which answer the LIKE exactly (SQLite
/// checks each candidate's text against the pattern: a row holding the
/// trigrams apart is not returned), re-checked with the escaped LIKE only
/// when the text holds a LIKE wildcard (`%`, `_`, `\`); one or
/// two characters (too short for a trigram) match the start of the client's
/// name through `clients_by_search_text`.
pub(crate) enum SearchMatch {
    None,
    /// `raw`: the lower-cased text in `%…%` for the trigram index (LIKE
    /// wildcards in it only widen the candidates); `exact`: the escaped
    /// pattern that decides.
    Substring {
        raw: String,
        exact: String,
    },
    /// The lower-cased prefix and the bound just after every text starting with it.
    Prefix {
        from: String,
        to: String,
    },
}

impl SearchMatch {
    pub(crate) fn new(search: &str) -> SearchMatch {
        let s = search.trim().to_lowercase();
        match s.chars().count() {
            0 => SearchMatch::None,
            1 | 2 => SearchMatch::Prefix { to: format!("{s}\u{10FFFF}"), from: s },
            _ => SearchMatch::Substring { raw: format!("%{s}%"), exact: like_pattern(&s) },
        }
    }

    /// The SQL condition on a `clients` row aliased `alias`.
    pub(crate) fn clients_sql(&self, alias: &str, p: &mut Params) -> Option<String> {
        match self {
            SearchMatch::None => None,
            SearchMatch::Substring { raw, exact } if raw == exact => {
                let raw = p.text(raw.clone());
                Some(format!("{alias}.id IN (SELECT rowid FROM client_search WHERE search_text LIKE {raw})"))
            }
            SearchMatch::Substring { raw, exact } => {
                let (raw, exact) = (p.text(raw.clone()), p.text(exact.clone()));
                Some(format!(
                    "{alias}.id IN (SELECT rowid FROM client_search WHERE search_text LIKE {raw})
                     AND {alias}.search_text LIKE {exact} ESCAPE '\\'"
                ))
            }
            SearchMatch::Prefix { from, to } => {
                let (from, to) = (p.text(from.clone()), p.text(to.clone()));
                Some(format!("{alias}.search_text >= {from} AND {alias}.search_text < {to}"))
            }
        }
    }
}

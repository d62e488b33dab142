//! The schema of both engines: the migrations embedded by `build.rs`, as
//! sqlx `Migrator`s. Built as `sqlx::migrate!` builds them (same versions,
//! descriptions, checksums and `-- no-transaction` rule), so a database
//! migrated by an earlier Kindly validates unchanged; a test compares them
//! with sqlx's own reading of the folders.

use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::SqlSafeStr;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/migrations.rs"));
}

/// The SQLite migrations (`migrations/`).
pub(crate) fn sqlite() -> Migrator {
    migrator(embedded::SQLITE)
}

/// The PostgreSQL migrations (`migrations-pg/`).
pub(crate) fn postgres() -> Migrator {
    migrator(embedded::POSTGRES)
}

/// The highest SQLite migration this binary knows.
pub(crate) fn sqlite_version() -> i64 {
    embedded::SQLITE.iter().map(|&(version, _, _)| version).max().unwrap_or(0)
}

fn migrator(files: &'static [(i64, &'static str, &'static str)]) -> Migrator {
    Migrator::with_migrations(
        files
            .iter()
            .map(|&(version, name, sql)| {
                let kind = MigrationType::from_filename(name);
                let description = name.trim_end_matches(kind.suffix()).replace('_', " ");
                let no_tx = sql.starts_with("-- no-transaction");
                Migration::new(version, description.into(), kind, sql.into_sql_str(), no_tx)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// sqlx's own reading of a folder, as `sqlx::migrate!` read it.
    async fn read_by_sqlx(folder: &str) -> Migrator {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        Migrator::new(path).await.expect("sqlx reads the migrations folder")
    }

    fn fields(m: &Migrator) -> Vec<(i64, String, String, Vec<u8>, bool)> {
        m.iter()
            .map(|m| {
                (m.version, m.description.to_string(), format!("{:?}", m.migration_type), m.checksum.to_vec(), m.no_tx)
            })
            .collect()
    }

    #[tokio::test]
    async fn the_embedded_migrations_are_the_ones_sqlx_reads_from_the_folders() {
        for (embedded, folder) in [(sqlite(), "migrations"), (postgres(), "migrations-pg")] {
            let read = read_by_sqlx(folder).await;
            assert!(read.iter().count() > 5, "{folder}: {} migrations", read.iter().count());
            assert_eq!(fields(&embedded), fields(&read), "{folder}");
        }
        assert!(sqlite().iter().any(|m| m.no_tx), "0006 and 0015 run outside a transaction");
        assert_eq!(sqlite_version(), sqlite().iter().map(|m| m.version).max().unwrap());
    }
}

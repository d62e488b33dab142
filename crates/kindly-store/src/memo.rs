//! Values derived from the whole database on a day, kept until the database
//! or the day changes. Today's counts and filters read every due invoice
//! (a second at a million invoices) at every click; kept here, a click
//! costs milliseconds.
//!
//! "Changed" is SQLite's own word for it: `PRAGMA data_version` on a
//! connection of the memo's own, which never writes, changes whenever any
//! other connection (this process's pool or another process, the CLI)
//! commits. The version is read before the value is computed, so a commit
//! during the computation makes the next read compute again; a kept value
//! is never older than the database.

use crate::Store;
use chrono::NaiveDate;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, SqliteConnection};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

type Kept = (NaiveDate, i64, Arc<dyn Any + Send + Sync>);

#[derive(Default)]
pub(crate) struct Memo {
    inner: tokio::sync::Mutex<Inner>,
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

#[derive(Default)]
struct Inner {
    watcher: Option<SqliteConnection>,
    kept: HashMap<TypeId, Kept>,
}

impl Inner {
    /// The database's version, or `None` when it cannot be read (then
    /// nothing is kept: every read computes).
    async fn version(&mut self, store: &Store) -> Option<i64> {
        // PostgreSQL has no data_version: nothing is kept there (every read
        // computes) until the memo learns another way to see commits.
        if store.engine() != crate::Engine::Sqlite {
            return None;
        }
        if self.watcher.is_none() {
            let options = SqliteConnectOptions::new().filename(store.path()).read_only(true);
            self.watcher = options.connect().await.ok();
        }
        let conn = self.watcher.as_mut()?;
        match sqlx::query_scalar::<_, i64>("PRAGMA data_version").fetch_one(conn).await {
            Ok(v) => Some(v),
            Err(_) => {
                self.watcher = None;
                None
            }
        }
    }
}

impl Store {
    /// The value of type `T` kept for `today`, if it is still current;
    /// never computes it.
    pub async fn kept<T: Any + Send + Sync>(&self, today: NaiveDate) -> Option<Arc<T>> {
        let mut inner = self.memo.inner.lock().await;
        let version = inner.version(self).await?;
        match inner.kept.get(&TypeId::of::<T>()) {
            Some((day, v, value)) if *day == today && *v == version => Arc::clone(value).downcast::<T>().ok(),
            _ => None,
        }
    }

    /// The value of type `T` for `today`: the one kept, when neither the
    /// database nor the day changed since it was computed, else `compute`'s.
    /// One value per type. `compute` must not call `memo` (it runs under the
    /// memo's lock, so that two callers never compute the same value twice).
    pub async fn memo<T, E, F, Fut>(&self, today: NaiveDate, compute: F) -> Result<Arc<T>, E>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let mut inner = self.memo.inner.lock().await;
        let version = inner.version(self).await;
        if let (Some(v), Some((day, kept_v, value))) = (version, inner.kept.get(&TypeId::of::<T>())) {
            if *day == today && *kept_v == v {
                if let Ok(value) = Arc::clone(value).downcast::<T>() {
                    return Ok(value);
                }
            }
        }
        let value = Arc::new(compute().await?);
        match version {
            Some(v) => {
                inner.kept.insert(TypeId::of::<T>(), (today, v, value.clone() as Arc<dyn Any + Send + Sync>));
            }
            None => {
                inner.kept.remove(&TypeId::of::<T>());
            }
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    async fn count(store: &Store, today: NaiveDate, computed: &AtomicUsize) -> i64 {
        let n = store
            .memo(today, || async {
                computed.fetch_add(1, Ordering::SeqCst);
                sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM probe").fetch_one(store.sqlite_pool()).await
            })
            .await
            .expect("memo");
        *n
    }

    #[tokio::test]
    async fn a_kept_value_lasts_until_a_commit_anywhere_or_another_day() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("kindly.db")).await.unwrap();
        sqlx::query("CREATE TABLE probe (x INTEGER)").execute(store.sqlite_pool()).await.unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let computed = AtomicUsize::new(0);
        assert_eq!(count(&store, day, &computed).await, 0);
        assert_eq!(count(&store, day, &computed).await, 0);
        assert_eq!(computed.load(Ordering::SeqCst), 1, "kept while nothing changed");

        // A commit through this process's pool.
        sqlx::query("INSERT INTO probe VALUES (1)").execute(store.sqlite_pool()).await.unwrap();
        assert_eq!(count(&store, day, &computed).await, 1);
        assert_eq!(computed.load(Ordering::SeqCst), 2);

        // A commit by another process (another store on the same file).
        let other = Store::open(&dir.path().join("kindly.db")).await.unwrap();
        sqlx::query("INSERT INTO probe VALUES (2)").execute(other.sqlite_pool()).await.unwrap();
        assert_eq!(count(&store, day, &computed).await, 2);
        assert_eq!(computed.load(Ordering::SeqCst), 3);

        // Another day computes again; a clone of the store shares what is kept.
        assert_eq!(count(&store, day.succ_opt().unwrap(), &computed).await, 2);
        assert_eq!(computed.load(Ordering::SeqCst), 4);
        assert_eq!(count(&store.clone(), day.succ_opt().unwrap(), &computed).await, 2);
        assert_eq!(computed.load(Ordering::SeqCst), 4);
    }
}

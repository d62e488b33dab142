//! Kindly's store: one SQLite file per business, opened with WAL, foreign
//! keys and a busy timeout, migrated by migrations embedded in the binary;
//! or, for a team, one PostgreSQL database ([`Store::connect`], issue #19),
//! migrated by its own migrations (`migrations-pg`). See `engine` for the
//! portable-SQL rule.
//!
//! Architecture Invariant: a store module is either ported to both engines
//! (its queries run through `on_pool!`/`on_tx!`, its tests run on both), or
//! every public method of it refuses on PostgreSQL with
//! [`StoreError::NotOnPostgresYet`] through [`Store::sqlite`]; never a
//! panic, never a half-ported method. Every module is ported but `snapshot`
//! (backups: a copy of the SQLite file; a team database is backed up on its
//! server) and `migrate` (which reads a SQLite folder to move it in).
//!
//! Architecture Invariant: every mutation that touches several rows runs in
//! one `BEGIN IMMEDIATE` transaction, so a failure leaves nothing half-written
//! and two writers never interleave a read-check-write.
//!
//! Architecture Invariant: rules that protect the record (append-only
//! timeline and payments, immutable issued invoices, no over-payment) are
//! enforced by triggers in the schema, not only by Rust code, so no caller
//! (CLI, app, a future sync) can bypass them.

mod archive;
mod bank;
mod cash_in;
mod client_einvoice;
mod clients;
mod contacts;
mod corrections;
mod demo;
mod demo_collections;
mod einvoices;
mod engine;
mod error;
mod followups;
mod imports;
mod interest;
mod invoices;
mod kept;
mod letters;
mod memo;
mod migrate;
mod outbox;
mod overview;
mod payments;
mod plans;
mod row;
mod schema;
mod settings;
mod snapshot;
mod statements;
mod timeline;
mod util;

pub use archive::TableDump;
pub use bank::{
    normalise_payer_name, BankEntryRecord, EntryDecision, ImportOutcome, ImportedEntry, NewBankEntry, NewImport,
    OpenInvoiceRow, PayerRow,
};
pub use cash_in::CashInMove;
pub use clients::{ClientBalanceFilter, ClientListRow, ClientQuery, ClientRecord, ClientSort};
pub use contacts::{BrokenPromiseDue, CallLog, CallRecorded, NewPromise, PromiseRecord};
pub use corrections::{CreditNoteRecord, NewCreditNote, RefundRecord, ReversalRecord, DEFAULT_CREDIT_PATTERN};
pub use demo::{DemoSize, DemoStats};
pub use demo_collections::CollectionStats;
pub use einvoices::{ClientMatch, EInvoiceClient, EInvoiceImportRecord, EInvoiceImported, NewEInvoiceImport};
pub use engine::Engine;
pub use error::StoreError;
pub use followups::{DoneStep, DueKey, DueRow, SinceLastStep, StepRecord};
pub use imports::{
    BatchRef, ClientIndexRow, ExportEvent, ExportPayment, ImportBatch, ImportClient, ImportCounts, ImportCreditNote,
    ImportInvoice, ImportPayment, InvoiceByNumber,
};
pub use interest::{AddedInterestRate, ClientInterest};
pub use invoices::{InvoiceListRow, InvoiceQuery, InvoiceRecord, InvoiceSort, NewInvoice, StoredLine};
pub use kept::Kept;
pub use letters::{batch_state, BatchItem, LetterBatch, NewLetterBatch, PendingLetter};
pub use migrate::{FileToKeep, MoveReport, TableMoved};
pub use outbox::{statement_key, ClaimedEmail, EmailPurpose, NewEmail, OutboxCounts, OutboxRow, OutboxSenderLock};
pub use overview::{ClientAging, ClientPaySpeed, DayFigures, OpenByDue, StepFigures, PAY_SPEED_READ_AROUND_DAYS};
pub use payments::{PaymentListRow, PaymentQuery, PaymentRecord};
pub use plans::{state as plan_state, ExpectedPlan, NewPlan, PlanMoney, PlanRecord, AGREED_HOW};
pub use settings::Settings;
pub use snapshot::{file_schema_version, integrity_check, known_schema_version, quick_check};
pub use statements::{StatementInvoice, StatementPayment};
pub use timeline::{NewEvent, TimelineEntry, TimelineFilter};

use engine::{Pool, WriteTx};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The file name of the database inside a data directory.
pub const DB_FILE_NAME: &str = "kindly.db";

/// An open, migrated database.
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
    /// The database file, or on PostgreSQL the connection URL without its
    /// password (what [`Store::path`] shows and errors name).
    path: PathBuf,
    /// Shared by the clones of this store (they share the pool too).
    memo: std::sync::Arc<memo::Memo>,
    /// The member whose changes these are (issue #19's who did what), shared
    /// by the clones: every write transaction hands it to the database.
    member: std::sync::Arc<std::sync::RwLock<Option<String>>>,
}

/// A page of results and how many there are in all.
#[derive(Clone, Debug)]
pub struct Page<T> {
    pub total: i64,
    pub rows: Vec<T>,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
        }
        match std::fs::metadata(path) {
            // Respect a file the user marked read-only, even when running as root.
            Ok(m) if m.permissions().readonly() => return Err(StoreError::ReadOnly { path: path.to_path_buf() }),
            Ok(m) if !m.is_file() => {
                return Err(StoreError::io(path, std::io::Error::other("not a regular file")));
            }
            _ => {}
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            .pragma("cache_size", "-16000");
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(1)
            // Each connection's own table of the member (see `engine`).
            .after_connect(|c, _| Box::pin(engine::prepare_sqlite_connection(c)))
            .connect_with(options)
            .await
            .map_err(|e| StoreError::classify(e, path))?;
        // Migrations recorded so far (none, and no table yet, in a new file).
        let applied = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                .fetch_one(&pool)
                .await
                .unwrap_or(0)
        };
        let before = applied().await;
        if let Err(e) = schema::sqlite().run(&pool).await {
            let e = StoreError::migrate(e, path);
            tracing::error!(path = %path.display(), error = %e, "database migration failed");
            return Err(e);
        }
        let after = applied().await;
        if after > before {
            tracing::info!(path = %path.display(), from = before, to = after, "database migrated");
        }
        tracing::info!(path = %path.display(), schema = after, "store opened");
        Ok(Store {
            pool: Pool::Sqlite(pool),
            path: path.to_path_buf(),
            memo: std::sync::Arc::default(),
            member: std::sync::Arc::default(),
        })
    }

    /// Connects to the PostgreSQL database at `url` (`postgres://…`, the
    /// team ledger) and migrates it with `migrations-pg`. Modules not ported
    /// yet refuse on it with [`StoreError::NotOnPostgresYet`].
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let shown = engine::display_url(url);
        let path = PathBuf::from(&shown);
        if !error::on_server(&path) {
            return Err(StoreError::Other(format!("{shown} is not a PostgreSQL connection URL (postgres://…)")));
        }
        let options: PgConnectOptions =
            url.parse().map_err(|e| StoreError::Other(format!("{shown} is not a PostgreSQL connection URL: {e}")))?;
        // One plain connection first: a server that is away answers at
        // once (the pool would retry until its acquire timeout).
        let first = sqlx::PgConnection::connect_with(&options).await.map_err(|e| StoreError::classify(e, &path))?;
        let _ = first.close().await;
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await
            .map_err(|e| StoreError::classify(e, &path))?;
        if let Err(e) = schema::postgres().run(&pool).await {
            let e = StoreError::migrate(e, &path);
            tracing::error!(url = %shown, error = %e, "database migration failed");
            return Err(e);
        }
        tracing::info!(url = %shown, "store connected");
        Ok(Store {
            pool: Pool::Postgres(pool),
            path,
            memo: std::sync::Arc::default(),
            member: std::sync::Arc::default(),
        })
    }

    /// The database file; on PostgreSQL the connection URL without its
    /// password (`postgres://user@host:port/db`), for display only.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Names the member whose changes this store makes from now on (the name
    /// in this person's settings; `None`: nobody named). Every timeline
    /// entry and payment records it as `made_by`, every edit of a client or
    /// an invoice as `changed_by`. Shared by the store's clones.
    pub fn set_member(&self, member: Option<String>) {
        let mut held = self.member.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        *held = member;
    }

    /// The member named by [`Store::set_member`].
    pub fn member(&self) -> Option<String> {
        self.member.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// The engine this store is open on.
    pub fn engine(&self) -> Engine {
        self.pool.engine()
    }

    /// The open pool, for a module ported to both engines (see `engine`).
    pub(crate) fn pool(&self) -> &Pool {
        &self.pool
    }

    /// The SQLite pool, for a module not ported to PostgreSQL yet: on a
    /// PostgreSQL store it refuses with [`StoreError::NotOnPostgresYet`]
    /// naming `what` (the use case, as a person would say it).
    pub(crate) fn sqlite(&self, what: &'static str) -> Result<&SqlitePool, StoreError> {
        match &self.pool {
            Pool::Sqlite(p) => Ok(p),
            Pool::Postgres(_) => Err(StoreError::NotOnPostgresYet { what }),
        }
    }

    /// The SQLite pool in a test (panics on PostgreSQL).
    #[cfg(test)]
    pub(crate) fn sqlite_pool(&self) -> &SqlitePool {
        match &self.pool {
            Pool::Sqlite(p) => p,
            Pool::Postgres(_) => panic!("a SQLite store was expected"),
        }
    }

    /// A write transaction on either engine, for a ported module: `BEGIN
    /// IMMEDIATE` on SQLite, a plain transaction on PostgreSQL (where a
    /// read-check-write must lock what it reads; see `engine`).
    pub(crate) async fn write_tx(&self) -> Result<WriteTx, StoreError> {
        WriteTx::begin(&self.pool, self.member().as_deref()).await.map_err(|e| StoreError::classify(e, &self.path))
    }

    /// A read transaction on either engine, for reads of a ported module
    /// that must agree with each other (see [`engine::ReadTx`]).
    pub(crate) async fn read_tx(&self) -> Result<engine::ReadTx, StoreError> {
        engine::ReadTx::begin(&self.pool).await.map_err(|e| StoreError::classify(e, &self.path))
    }

    /// Closes the pool, checkpointing the WAL.
    pub async fn close(self) {
        self.pool.close().await;
    }

    /// True when the database has no clients yet (first run).
    pub async fn is_empty(&self) -> Result<bool, StoreError> {
        let n: i64 = engine::on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT COUNT(*) FROM (SELECT 1 FROM clients LIMIT 1) AS one").fetch_one(p).await
        })
        .map_err(|e| StoreError::classify(e, &self.path))?;
        Ok(n == 0)
    }
}

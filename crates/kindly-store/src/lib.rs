//! Kindly's store: one SQLite file per business, opened with WAL, foreign
//! keys and a busy timeout, migrated by migrations embedded in the binary.
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
mod error;
mod followups;
mod imports;
mod interest;
mod invoices;
mod letters;
mod memo;
mod outbox;
mod overview;
mod payments;
mod plans;
mod row;
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
pub use error::StoreError;
pub use followups::{DoneStep, DueKey, DueRow, SinceLastStep, StepRecord};
pub use imports::{
    BatchRef, ClientIndexRow, ExportEvent, ExportPayment, ImportBatch, ImportClient, ImportCounts, ImportCreditNote,
    ImportInvoice, ImportPayment, InvoiceByNumber,
};
pub use interest::{AddedInterestRate, ClientInterest};
pub use invoices::{InvoiceListRow, InvoiceQuery, InvoiceRecord, InvoiceSort, NewInvoice, StoredLine};
pub use letters::{batch_state, BatchItem, LetterBatch, NewLetterBatch, PendingLetter};
pub use outbox::{statement_key, ClaimedEmail, EmailPurpose, NewEmail, OutboxCounts, OutboxRow};
pub use overview::{ClientAging, ClientPaySpeed, DayFigures, OpenByDue, StepFigures};
pub use payments::{PaymentListRow, PaymentQuery, PaymentRecord};
pub use plans::{state as plan_state, NewPlan, PlanRecord, AGREED_HOW};
pub use settings::Settings;
pub use snapshot::{file_schema_version, integrity_check, known_schema_version, quick_check};
pub use statements::{StatementInvoice, StatementPayment};
pub use timeline::{NewEvent, TimelineEntry, TimelineFilter};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The file name of the database inside a data directory.
pub const DB_FILE_NAME: &str = "kindly.db";

/// An open, migrated database.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    path: PathBuf,
    /// Shared by the clones of this store (they share the pool too).
    memo: std::sync::Arc<memo::Memo>,
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
        if let Err(e) = sqlx::migrate!("./migrations").run(&pool).await {
            let e = StoreError::migrate(e, path);
            tracing::error!(path = %path.display(), error = %e, "database migration failed");
            return Err(e);
        }
        let after = applied().await;
        if after > before {
            tracing::info!(path = %path.display(), from = before, to = after, "database migrated");
        }
        tracing::info!(path = %path.display(), schema = after, "store opened");
        Ok(Store { pool, path: path.to_path_buf(), memo: std::sync::Arc::default() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Starts a write transaction that holds the write lock from its first
    /// statement, so read-check-write sequences cannot interleave.
    pub(crate) async fn write_tx(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
        self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(|e| StoreError::classify(e, &self.path))
    }

    /// Closes the pool, checkpointing the WAL.
    pub async fn close(self) {
        self.pool.close().await;
    }

    /// True when the database has no clients yet (first run).
    pub async fn is_empty(&self) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM (SELECT 1 FROM clients LIMIT 1)")
            .fetch_one(&self.pool)
            .await
            .map_err(|e| StoreError::classify(e, &self.path))?;
        Ok(n == 0)
    }
}

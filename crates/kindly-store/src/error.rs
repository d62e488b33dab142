//! Store errors, classified from SQLite's result codes and the messages of
//! Kindly's own triggers into kinds a person can act on.

use kindly_core::ErrorCode;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the database file {path} is read-only; make it writable or choose another data folder")]
    ReadOnly { path: PathBuf },
    #[error(
        "{path} is not a Kindly database or is damaged; restore your latest backup (Settings → Backups → \
         Restore from a backup…, or `kindly restore FILE --data-dir NEW_DIR`) or choose another data folder"
    )]
    Corrupt { path: PathBuf },
    #[error("the database {path} failed SQLite's integrity check ({problems}); it cannot be used")]
    Integrity { path: PathBuf, problems: String },
    #[error("the disk holding {path} is full; free some space and try again (nothing was saved)")]
    DiskFull { path: PathBuf },
    #[error("the database is busy in another Kindly window or command; try again in a moment")]
    Busy,
    #[error("cannot use {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("no {entity} with id {id}")]
    NotFound { entity: &'static str, id: i64 },
    /// An edit made on a version someone else has changed since it was read
    /// (issue #19): nothing was saved, their change stays.
    #[error(
        "{} changed this {entity} at {}; reload to see their change, then make yours again (nothing was saved)",
        by.as_deref().unwrap_or("someone else"),
        at.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_else(|| "a moment ago".into())
    )]
    ChangedElsewhere { entity: &'static str, by: Option<String>, at: Option<chrono::DateTime<chrono::Utc>> },
    #[error("invoice number {0} is already used; choose another number")]
    DuplicateNumber(String),
    #[error("the timeline and payments are a permanent record; entries cannot be changed or removed")]
    AppendOnly,
    #[error("an issued invoice cannot be edited; cancel it and issue a new one instead")]
    InvoiceImmutable,
    #[error("the payment is more than what is still owing on the invoice")]
    Overpayment,
    #[error("payments can only be recorded on issued invoices")]
    NotPayable,
    #[error("the payment is in another currency than the invoice; record it in the invoice's currency")]
    CurrencyMismatch,
    #[error("a printed letter batch is a permanent record; it cannot be changed")]
    BatchFinal,
    #[error("a bank entry already decided is a permanent record; it cannot be changed")]
    BankEntryFinal,
    #[error("this step was already done for this invoice; it is never done twice")]
    AlreadyDone,
    #[error("an e-mail for this step is already in the outbox; Kindly never sends the same step twice")]
    AlreadyQueued,
    #[error(
        "the client was already contacted about invoice {number} today; Kindly makes at most one contact per \
         invoice a day, so this waits until tomorrow"
    )]
    AlreadyContactedToday { number: String },
    #[error(
        "an e-mail for this step is in the outbox ({state}); send, confirm or withdraw it there first, \
         so the client is not contacted twice"
    )]
    InOutbox { state: String },
    #[error("this e-mail was already sent or withdrawn; it is a permanent record and cannot change")]
    EmailFinal,
    #[error("this e-mail is {state}, so it cannot be {action}")]
    OutboxState { state: String, action: &'static str },
    /// Another member's Kindly is sending the team's outbox (it holds the
    /// sender lock, issue #19); this one leaves the queue to it.
    #[error("another member is sending the outbox right now; the queued e-mails will be sent there")]
    OutboxSenderBusy,
    /// The sender no longer owns the e-mail it claimed (its database
    /// connection, and with it the sender lock, was lost and another sender
    /// took over): what it did is not recorded over the other's record.
    #[error(
        "this Kindly lost its hold on the outbox while sending e-mail #{id} (the team database connection was \
         interrupted); another sender took over, and the e-mail may have been sent: check the outbox"
    )]
    SenderLost { id: i64 },
    #[error("the database was written by a newer version of Kindly ({0}); please update Kindly")]
    NewerSchema(String),
    #[error("database error: {0}")]
    Other(String),
    /// A use case whose store module is not ported to PostgreSQL yet, on a
    /// store opened with [`crate::Store::connect`] (issue #19).
    #[error("{what} does not work on a team database (PostgreSQL) yet; use a data folder on this computer for it")]
    NotOnPostgresYet { what: &'static str },
    /// The PostgreSQL server cannot be reached (refused, gone, shutting
    /// down); the transaction did not commit.
    #[error(
        "the team database at {host} cannot be reached; nothing was saved. Check the network or ask whoever runs \
         the server, then try again"
    )]
    ServerAway { host: String },
    /// The TLS connection to the PostgreSQL server failed: it offers no
    /// TLS while the `sslmode` requires it, or its certificate is not
    /// trusted (a CA file to trust, `verify-ca` / `verify-full`).
    #[error(
        "the secure (TLS) connection to the team database at {host} failed: {detail}. Check the sslmode and \
         the CA file in the connection settings"
    )]
    Tls { host: String, detail: String },
    /// A plan change the plan's state or data does not allow (stable `code`, plain message).
    #[error("{message}")]
    Plan { code: ErrorCode, message: String },
    /// A bank entry decision the entry or the balances do not allow (stable `code`, plain message).
    #[error("{message}")]
    Bank { code: ErrorCode, message: String },
    /// Moving a data folder into PostgreSQL refused or not verified (stable
    /// `code`, plain message naming the table or file).
    #[error("{message}")]
    Moving { code: ErrorCode, message: String },
    /// A credit note, reversal or refund the invoice's figures do not allow
    /// (stable `code`, plain message naming the amounts and the invoice).
    #[error("{message}")]
    Correction { code: ErrorCode, message: String },
}

impl StoreError {
    pub fn io(path: &Path, source: std::io::Error) -> StoreError {
        if source.kind() == std::io::ErrorKind::StorageFull {
            return StoreError::DiskFull { path: path.to_path_buf() };
        }
        if source.kind() == std::io::ErrorKind::ReadOnlyFilesystem {
            return StoreError::ReadOnly { path: path.to_path_buf() };
        }
        StoreError::Io { path: path.to_path_buf(), source }
    }

    /// Stable code for the UI and scripts.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::ReadOnly { .. } => ErrorCode::DatabaseReadOnly,
            StoreError::Corrupt { .. } => ErrorCode::DatabaseCorrupt,
            StoreError::Integrity { .. } => ErrorCode::RestoreIntegrityFailed,
            StoreError::DiskFull { .. } => ErrorCode::DiskFull,
            StoreError::Busy => ErrorCode::DatabaseBusy,
            StoreError::Io { .. } => ErrorCode::IoError,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::ChangedElsewhere { .. } => ErrorCode::ChangedElsewhere,
            StoreError::DuplicateNumber(_) => ErrorCode::DuplicateInvoiceNumber,
            StoreError::AppendOnly => ErrorCode::AppendOnly,
            StoreError::InvoiceImmutable => ErrorCode::InvoiceImmutable,
            StoreError::Overpayment => ErrorCode::Overpayment,
            StoreError::NotPayable => ErrorCode::InvoiceNotPayable,
            StoreError::CurrencyMismatch => ErrorCode::CurrencyMismatch,
            StoreError::BatchFinal => ErrorCode::AlreadyPrinted,
            StoreError::BankEntryFinal => ErrorCode::BankEntryDecided,
            StoreError::NewerSchema(_) => ErrorCode::NewerSchema,
            StoreError::AlreadyDone => ErrorCode::AlreadyDone,
            StoreError::AlreadyQueued => ErrorCode::AlreadyQueued,
            StoreError::AlreadyContactedToday { .. } => ErrorCode::AlreadyContactedToday,
            StoreError::EmailFinal => ErrorCode::EmailFinal,
            StoreError::InOutbox { .. } => ErrorCode::InOutbox,
            StoreError::OutboxState { .. } => ErrorCode::OutboxState,
            StoreError::OutboxSenderBusy | StoreError::SenderLost { .. } => ErrorCode::OutboxBusy,
            StoreError::Other(_) => ErrorCode::DatabaseError,
            StoreError::NotOnPostgresYet { .. } => ErrorCode::StoreNotOnPostgresYet,
            StoreError::ServerAway { .. } => ErrorCode::StoreServerAway,
            StoreError::Tls { .. } => ErrorCode::DatabaseTlsFailed,
            StoreError::Plan { code, .. }
            | StoreError::Bank { code, .. }
            | StoreError::Correction { code, .. }
            | StoreError::Moving { code, .. } => *code,
        }
    }

    /// Turns a sqlx error into a kind: SQLite's primary result code, or
    /// PostgreSQL's SQLSTATE (`path` is then the store's shown URL, see
    /// [`crate::Store::path`]); the messages of Kindly's own triggers are the
    /// same on both engines.
    pub fn classify(e: sqlx::Error, path: &Path) -> StoreError {
        if on_server(path) {
            return StoreError::classify_pg(e, path);
        }
        match &e {
            sqlx::Error::Database(db) => {
                let msg = db.message().to_string();
                if let Some(kind) = StoreError::from_message(&msg) {
                    return kind;
                }
                let code = db.code().and_then(|c| c.parse::<i64>().ok()).unwrap_or(0) & 0xff;
                match code {
                    5 | 6 => StoreError::Busy,
                    8 => StoreError::ReadOnly { path: path.to_path_buf() },
                    11 | 26 => StoreError::Corrupt { path: path.to_path_buf() },
                    13 => StoreError::DiskFull { path: path.to_path_buf() },
                    14 => StoreError::Io { path: path.to_path_buf(), source: std::io::Error::other(msg) },
                    _ => StoreError::Other(msg),
                }
            }
            sqlx::Error::Io(io) => StoreError::io(path, std::io::Error::new(io.kind(), io.to_string())),
            sqlx::Error::PoolTimedOut => StoreError::Busy,
            // A value a row struct cannot read (see `row`): named, never defaulted.
            sqlx::Error::ColumnDecode { index, source } => StoreError::Other(format!(
                "the database holds a value this version of Kindly cannot read in column {index}: {source}"
            )),
            _ => StoreError::Other(e.to_string()),
        }
    }

    /// True when `e` is a UNIQUE clash on `table.column`: SQLite names it in
    /// its message, PostgreSQL (23505) names the table and the key columns.
    pub(crate) fn is_unique_clash(e: &sqlx::Error, table: &str, column: &str) -> bool {
        let sqlx::Error::Database(db) = e else { return false };
        if let Some(pg) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
            return pg.code() == "23505"
                && pg.table() == Some(table)
                && pg.detail().is_some_and(|d| d.starts_with(&format!("Key ({column})=")));
        }
        db.message().contains(&format!("{table}.{column}"))
    }

    /// The kinds read from a message alone: Kindly's own triggers, and the
    /// UNIQUE rules a person can act on (named `table.column`, as SQLite
    /// words them and as [`StoreError::classify_pg`] rewords PostgreSQL's).
    fn from_message(msg: &str) -> Option<StoreError> {
        if msg.contains("kindly: ") {
            return Some(StoreError::from_trigger(msg));
        }
        if msg.contains("followup_steps.invoice_id") {
            return Some(StoreError::AlreadyDone);
        }
        if msg.contains("payment_reversals.payment_id") {
            return Some(StoreError::Correction {
                code: ErrorCode::PaymentAlreadyReversed,
                message: "this payment was already reversed; a payment is reversed at most once".into(),
            });
        }
        if msg.contains("outbox_invoices.invoice_id") || msg.contains("outbox.stage_key") {
            return Some(StoreError::AlreadyQueued);
        }
        None
    }

    /// [`StoreError::classify`] for a store on PostgreSQL, by SQLSTATE.
    fn classify_pg(e: sqlx::Error, path: &Path) -> StoreError {
        let away = || StoreError::ServerAway { host: crate::engine::url_host(&path.to_string_lossy()) };
        match &e {
            sqlx::Error::Database(db) => {
                let msg = db.message().to_string();
                let code = db.code().map(|c| c.to_string()).unwrap_or_default();
                let pg = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>();
                // A UNIQUE clash, worded as SQLite words it ("UNIQUE
                // constraint failed: table.a, table.b") from the table and
                // the key columns PostgreSQL reports, so both engines share
                // one list of the clashes a person can act on.
                let msg = match (code.as_str(), pg) {
                    ("23505", Some(pg)) => {
                        let table = pg.table().unwrap_or_default();
                        let cols = pg
                            .detail()
                            .and_then(|d| d.strip_prefix("Key ("))
                            .and_then(|d| d.split_once(")="))
                            .map(|(cols, _)| cols)
                            .unwrap_or_default();
                        let named: Vec<String> = cols.split(", ").map(|c| format!("{table}.{c}")).collect();
                        format!("UNIQUE constraint failed: {} ({msg})", named.join(", "))
                    }
                    _ => msg,
                };
                if let Some(kind) = StoreError::from_message(&msg) {
                    return kind;
                }
                match code.as_str() {
                    // serialization_failure, deadlock_detected, lock_not_available
                    "40001" | "40P01" | "55P03" => StoreError::Busy,
                    // disk_full
                    "53100" => StoreError::DiskFull { path: path.to_path_buf() },
                    // read_only_sql_transaction, insufficient_privilege
                    "25006" | "42501" => StoreError::ReadOnly { path: path.to_path_buf() },
                    // connection exceptions, the server shutting down or starting
                    c if c.starts_with("08") || c.starts_with("57P") => away(),
                    _ => StoreError::Other(msg),
                }
            }
            // TLS refused by the server or misconfigured (sqlx's own
            // error), or the handshake refused the server's certificate
            // (rustls says so as invalid data on the socket; a handshake cut
            // by the network is another I/O error, below).
            sqlx::Error::Tls(t) => {
                StoreError::Tls { host: crate::engine::url_host(&path.to_string_lossy()), detail: t.to_string() }
            }
            sqlx::Error::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
                StoreError::Tls { host: crate::engine::url_host(&path.to_string_lossy()), detail: io.to_string() }
            }
            // The server refused, vanished or could not be reached in time.
            sqlx::Error::Io(_)
            | sqlx::Error::Protocol(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => away(),
            sqlx::Error::ColumnDecode { index, source } => StoreError::Other(format!(
                "the database holds a value this version of Kindly cannot read in column {index}: {source}"
            )),
            _ => StoreError::Other(e.to_string()),
        }
    }

    /// The refusal of one of Kindly's own triggers (`RAISE(ABORT, 'kindly: …')`
    /// in the migrations), by its message. Every such message has its own
    /// kind here; `every_trigger_message_has_a_kind` reads the migrations to
    /// keep it so, and an unknown one is a database error, never a guess.
    pub fn from_trigger(msg: &str) -> StoreError {
        type Kind = (&'static str, fn() -> StoreError);
        const KINDS: &[Kind] = &[
            ("plan state change", || StoreError::Plan {
                code: ErrorCode::PlanState,
                message: "this plan has ended or cannot move to that state".into(),
            }),
            ("currency mismatch", || StoreError::CurrencyMismatch),
            ("invoice not creditable", || StoreError::Correction {
                code: ErrorCode::InvoiceNotCreditable,
                message: "only an issued invoice can be credited (not a draft or a cancelled invoice)".into(),
            }),
            ("credit exceeds invoice", || StoreError::Correction {
                code: ErrorCode::CreditExceedsInvoice,
                message: "the credit note is more than what is still creditable on the invoice".into(),
            }),
            ("credit note split", || StoreError::Correction {
                code: ErrorCode::CreditExceedsInvoice,
                message: "the credit note's VAT split is more than its amount".into(),
            }),
            ("refund exceeds credit", || StoreError::Correction {
                code: ErrorCode::RefundExceedsCredit,
                message: "the refund is more than the client's credit on the invoice".into(),
            }),
            ("payment already reversed", || StoreError::Correction {
                code: ErrorCode::PaymentAlreadyReversed,
                message: "this payment was already reversed; a payment is reversed at most once".into(),
            }),
            ("reversal after refund", || StoreError::Correction {
                code: ErrorCode::ReversalAfterRefund,
                message: "this payment was partly paid back as a refund already; it cannot be reversed".into(),
            }),
            ("invoice not payable", || StoreError::NotPayable),
            ("overpayment", || StoreError::Overpayment),
            ("cannot be edited", || StoreError::InvoiceImmutable),
            ("e-mail is final", || StoreError::EmailFinal),
            ("printed letter batch", || StoreError::BatchFinal),
            ("bank entry already decided", || StoreError::BankEntryFinal),
            ("append-only", || StoreError::AppendOnly),
            ("permanent record", || StoreError::AppendOnly),
        ];
        KINDS
            .iter()
            .find(|(needle, _)| msg.contains(needle))
            .map(|(_, kind)| kind())
            .unwrap_or_else(|| StoreError::Other(msg.to_string()))
    }

    pub fn migrate(e: sqlx::migrate::MigrateError, path: &Path) -> StoreError {
        match e {
            sqlx::migrate::MigrateError::Execute(inner) => StoreError::classify(inner, path),
            sqlx::migrate::MigrateError::VersionMissing(v) => StoreError::NewerSchema(v.to_string()),
            other => StoreError::Other(other.to_string()),
        }
    }
}

/// True for a store on a server: its [`crate::Store::path`] is the shown
/// connection URL (`postgres://user@host/db`), never a file path.
pub(crate) fn on_server(path: &Path) -> bool {
    path.to_str().is_some_and(|s| s.starts_with("postgres://") || s.starts_with("postgresql://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `RAISE(ABORT, 'kindly: …')` in the migrations is classified as
    /// its own kind, not as a database error (regression: the currency
    /// trigger was reported as `invoice_not_payable`).
    #[test]
    fn every_trigger_message_has_a_kind() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        let files = std::fs::read_dir(root.join("migrations"))
            .unwrap()
            .chain(std::fs::read_dir(root.join("migrations-pg")).unwrap());
        for entry in files {
            let sql = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for part in sql.split("'kindly: ").skip(1) {
                let msg = format!("kindly: {}", part.split('\'').next().unwrap());
                let kind = StoreError::from_trigger(&msg);
                assert!(!matches!(kind, StoreError::Other(_)), "{msg} has no kind");
                seen += 1;
            }
        }
        assert!(seen >= 17, "read {seen} trigger messages");
        assert_eq!(StoreError::from_trigger("kindly: currency mismatch").code(), ErrorCode::CurrencyMismatch);
        assert_eq!(StoreError::from_trigger("kindly: invoice not payable").code(), ErrorCode::InvoiceNotPayable);
        assert!(matches!(StoreError::from_trigger("kindly: something new"), StoreError::Other(_)));
    }
}

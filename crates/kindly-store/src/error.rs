//! Store errors, classified from SQLite's result codes and the messages of
//! Kindly's own triggers into kinds a person can act on.

use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the database file {path} is read-only; make it writable or choose another data folder")]
    ReadOnly { path: PathBuf },
    #[error("{path} is not a Kindly database or is damaged; restore it from a backup or choose another data folder")]
    Corrupt { path: PathBuf },
    #[error("the disk holding {path} is full; free some space and try again (nothing was saved)")]
    DiskFull { path: PathBuf },
    #[error("the database is busy in another Kindly window or command; try again in a moment")]
    Busy,
    #[error("cannot use {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("no {entity} with id {id}")]
    NotFound { entity: &'static str, id: i64 },
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
    #[error("the database was written by a newer version of Kindly ({0}); please update Kindly")]
    NewerSchema(String),
    #[error("database error: {0}")]
    Other(String),
    /// A plan change the plan's state or data does not allow (stable `code`, plain message).
    #[error("{message}")]
    Plan { code: &'static str, message: String },
    /// A bank entry decision the entry or the balances do not allow (stable `code`, plain message).
    #[error("{message}")]
    Bank { code: &'static str, message: String },
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
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::ReadOnly { .. } => "database_read_only",
            StoreError::Corrupt { .. } => "database_corrupt",
            StoreError::DiskFull { .. } => "disk_full",
            StoreError::Busy => "database_busy",
            StoreError::Io { .. } => "io_error",
            StoreError::NotFound { .. } => "not_found",
            StoreError::DuplicateNumber(_) => "duplicate_invoice_number",
            StoreError::AppendOnly => "append_only",
            StoreError::InvoiceImmutable => "invoice_immutable",
            StoreError::Overpayment => "overpayment",
            StoreError::NotPayable => "invoice_not_payable",
            StoreError::NewerSchema(_) => "newer_schema",
            StoreError::AlreadyDone => "already_done",
            StoreError::AlreadyQueued => "already_queued",
            StoreError::AlreadyContactedToday { .. } => "already_contacted_today",
            StoreError::EmailFinal => "email_final",
            StoreError::InOutbox { .. } => "in_outbox",
            StoreError::OutboxState { .. } => "outbox_state",
            StoreError::Other(_) => "database_error",
            StoreError::Plan { code, .. } | StoreError::Bank { code, .. } => code,
        }
    }

    /// Turns a sqlx error into a kind, using SQLite's primary result code.
    pub fn classify(e: sqlx::Error, path: &Path) -> StoreError {
        match &e {
            sqlx::Error::Database(db) => {
                let msg = db.message().to_string();
                if msg.contains("kindly: ") {
                    return if msg.contains("plan state change") {
                        StoreError::Plan {
                            code: "plan_state",
                            message: "this plan has ended or cannot move to that state".into(),
                        }
                    } else if msg.contains("append-only") || msg.contains("permanent record") {
                        StoreError::AppendOnly
                    } else if msg.contains("e-mail is final") {
                        StoreError::EmailFinal
                    } else if msg.contains("cannot be edited") {
                        StoreError::InvoiceImmutable
                    } else if msg.contains("overpayment") {
                        StoreError::Overpayment
                    } else {
                        StoreError::NotPayable
                    };
                }
                if msg.contains("followup_steps.invoice_id") {
                    return StoreError::AlreadyDone;
                }
                if msg.contains("outbox_invoices.invoice_id") {
                    return StoreError::AlreadyQueued;
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

    pub fn migrate(e: sqlx::migrate::MigrateError, path: &Path) -> StoreError {
        match e {
            sqlx::migrate::MigrateError::Execute(inner) => StoreError::classify(inner, path),
            sqlx::migrate::MigrateError::VersionMissing(v) => StoreError::NewerSchema(v.to_string()),
            other => StoreError::Other(other.to_string()),
        }
    }
}

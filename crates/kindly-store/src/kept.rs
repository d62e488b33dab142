//! Evidence files on a team database (issue #19): the letters, invoices,
//! credit notes, statements, e-mail copies and scans Kindly keeps are stored
//! in PostgreSQL's `kept_files` (migrations-pg 0005) with their SHA-256, so
//! a dossier made on any member's computer is complete. A SQLite store keeps
//! its files in its data folder only: there these methods do nothing.
//!
//! A kept file is keyed by its path relative to the data folder, with `/`
//! between its parts ("letters/letters-2026-11-23-101500-1a2b3c4d.pdf"), the
//! name every record and every member's folder uses for it.

use crate::engine::Pool;
use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

/// What keeping a file did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Stored now (or nothing to do: a SQLite store keeps files in its folder).
    Stored,
    /// The same bytes were already kept under that path (a member made the
    /// same document in the same second): nothing changed.
    AlreadyThere,
    /// Different bytes are kept under that path; nothing changed. Their SHA-256.
    Different { sha256: String },
}

impl Store {
    /// Keeps `bytes` under `path` in a team database, checked by PostgreSQL's
    /// own SHA-256 of what it stored; a kept file is never replaced.
    pub async fn keep_file(&self, path: &str, bytes: &[u8], now: DateTime<Utc>) -> Result<Kept, StoreError> {
        let Pool::Postgres(pg) = self.pool() else {
            return Ok(Kept::Stored);
        };
        let map = |e| StoreError::classify(e, self.path());
        let sha = format!("{:x}", Sha256::digest(bytes));
        let stored: Option<String> = sqlx::query_scalar(
            "INSERT INTO kept_files (path, sha256, size_bytes, bytes, kept_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (path) DO NOTHING
             RETURNING encode(sha256(bytes), 'hex')",
        )
        .bind(path)
        .bind(&sha)
        .bind(bytes.len() as i64)
        .bind(bytes)
        .bind(now)
        .fetch_optional(pg)
        .await
        .map_err(map)?;
        match stored {
            Some(s) if s == sha => Ok(Kept::Stored),
            // What the server stored does not hash to what was sent: the
            // database (or the way to it) damaged the bytes. Never keep quiet.
            Some(_) => Err(StoreError::Corrupt { path: self.path().to_path_buf() }),
            None => {
                let there: String = sqlx::query_scalar("SELECT sha256 FROM kept_files WHERE path = $1")
                    .bind(path)
                    .fetch_one(pg)
                    .await
                    .map_err(map)?;
                Ok(if there == sha { Kept::AlreadyThere } else { Kept::Different { sha256: there } })
            }
        }
    }

    /// A file kept in a team database: its recorded SHA-256 and its bytes;
    /// `None` when none is kept under `path` (always, on SQLite).
    pub async fn kept_file(&self, path: &str) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let Pool::Postgres(pg) = self.pool() else {
            return Ok(None);
        };
        sqlx::query_as("SELECT sha256, bytes FROM kept_files WHERE path = $1")
            .bind(path)
            .fetch_optional(pg)
            .await
            .map_err(|e| StoreError::classify(e, self.path()))
    }
}

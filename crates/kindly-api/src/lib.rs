//! Kindly's use cases, shared by the desktop app, the `kindly` CLI, the tests
//! and the benchmarks. Each use case takes the store, the instant "now" and
//! the user's calendar day "today" as parameters (the clock is read once, by
//! the caller), parses raw input with the domain's rules, and returns
//! IPC-ready views.
//!
//! Architecture Invariant: this crate does not depend on Tauri. The Tauri
//! commands are one-line calls into it.
//!
//! Architecture Invariant: every type that crosses the IPC boundary is
//! declared here with `ts_rs::TS`; `ui/src/lib/bindings.ts` is generated from
//! them by `bindings::typescript()` and a test fails when it is stale.

pub mod bank;
pub mod bindings;
pub mod clients;
pub mod contacts;
pub mod documents;
pub mod dossier;
pub mod error;
mod files;
pub mod followups;
pub mod invoices;
pub mod letters;
pub mod mail;
pub mod outbox;
pub mod paths;
pub mod payments;
pub mod plans;
pub mod print;
pub mod settings;
pub mod status;
pub mod timeline;
pub mod views;

pub use error::{ApiError, ErrorCode};

use chrono::{DateTime, NaiveDate, Utc};
use kindly_store::Store;

/// What every use case needs: the store and the time, passed in.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub store: &'a Store,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
}

impl<'a> Ctx<'a> {
    pub fn new(store: &'a Store, now: DateTime<Utc>, today: NaiveDate) -> Ctx<'a> {
        Ctx { store, now, today }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

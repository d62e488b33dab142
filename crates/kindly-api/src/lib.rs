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

pub mod archive;
pub mod backup;
pub mod bank;
pub mod bindings;
pub mod business;
pub mod clients;
pub mod contacts;
pub mod corrections;
pub mod database;
pub mod desktop;
pub mod dialogs;
pub mod documents;
pub mod dossier;
pub mod due;
pub mod einvoice;
pub mod einvoice_import;
pub mod error;
pub mod export;
mod files;
pub mod followups;
pub mod import;
pub mod interest;
pub mod invoices;
pub mod letters;
pub mod mail;
pub mod member;
pub mod moving;
pub mod outbox;
pub mod overview;
pub mod paths;
pub mod payments;
pub mod plans;
pub mod print;
pub mod settings;
pub mod statement;
pub mod status;
pub mod timeline;
pub mod today;
pub mod views;
pub mod wording;

pub use error::{ApiError, ErrorCode};
pub use kindly_core::locale::Locale;

use chrono::{DateTime, NaiveDate, Utc};
use kindly_store::Store;

/// What every use case needs: the store and the time, passed in.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub store: &'a Store,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    /// The language of the screen asking, for text Rust words for it (the
    /// timeline's summaries); `None` (the CLI, tests) uses the business's
    /// language from the settings. Documents follow their reader instead.
    pub ui_locale: Option<kindly_core::locale::Locale>,
    /// The data folder for the files Kindly keeps (letters, PDFs, e-mail
    /// copies); `None`: the folder of the SQLite file. A team database
    /// (PostgreSQL) has no folder of its own, so the CLI and the app pass it.
    pub data_dir: Option<&'a std::path::Path>,
}

impl<'a> Ctx<'a> {
    pub fn new(store: &'a Store, now: DateTime<Utc>, today: NaiveDate) -> Ctx<'a> {
        Ctx { store, now, today, ui_locale: None, data_dir: None }
    }

    /// The same context for a screen in `locale`.
    pub fn with_ui_locale(self, locale: Option<kindly_core::locale::Locale>) -> Ctx<'a> {
        Ctx { ui_locale: locale, ..self }
    }

    /// The same context with the data folder given (see [`Ctx::data_dir`]).
    pub fn with_data_dir(self, data_dir: Option<&'a std::path::Path>) -> Ctx<'a> {
        Ctx { data_dir, ..self }
    }

    /// The language to word screen text in: the screen's, else the business's.
    pub fn screen_locale(&self, settings_locale: kindly_core::locale::Locale) -> kindly_core::locale::Locale {
        self.ui_locale.unwrap_or(settings_locale)
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// Architecture Invariant: the modules of this crate form layers, with no
/// import cycle (`views`, `files` and `print` at the bottom; `documents`,
/// `mail`, `contacts`, `plans`; then `followups`, `letters`, `dossier`;
/// `outbox` at the top). A cycle made the call path of one e-mail enter 16
/// files; this test reads the sources and names any cycle.
#[cfg(test)]
mod layers {
    use std::collections::{BTreeMap, BTreeSet};

    fn graph() -> BTreeMap<String, BTreeSet<String>> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut files = vec![src.clone()];
        while let Some(p) = files.pop() {
            if p.is_dir() {
                files.extend(std::fs::read_dir(&p).unwrap().flatten().map(|e| e.path()));
                continue;
            }
            let rel = p.strip_prefix(&src).unwrap().to_string_lossy().replace(".rs", "");
            let module = rel.split('/').next().unwrap_or_default().to_string();
            if matches!(module.as_str(), "lib" | "bindings" | "error") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let deps = g.entry(module.clone()).or_default();
            for part in code.split("crate::").skip(1) {
                let name: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                let braces = part.starts_with('{');
                let names: Vec<String> = if braces {
                    part[1..]
                        .split('}')
                        .next()
                        .unwrap_or_default()
                        .split(',')
                        .map(|n| n.trim().split("::").next().unwrap_or_default().to_string())
                        .collect()
                } else {
                    vec![name]
                };
                deps.extend(names.into_iter().filter(|n| {
                    n.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && *n != module && n != "self"
                }));
            }
        }
        g
    }

    #[test]
    fn modules_have_no_import_cycle() {
        let g = graph();
        assert!(g.len() > 15, "read {} modules", g.len());
        // Depth-first search; a module met again on the current path closes a cycle.
        fn visit(m: &str, g: &BTreeMap<String, BTreeSet<String>>, path: &mut Vec<String>, done: &mut BTreeSet<String>) {
            if let Some(i) = path.iter().position(|p| p == m) {
                panic!("import cycle: {} -> {m}", path[i..].join(" -> "));
            }
            if !done.insert(m.to_string()) {
                return;
            }
            path.push(m.to_string());
            for d in g.get(m).into_iter().flatten().filter(|d| g.contains_key(*d)) {
                visit(d, g, path, done);
            }
            path.pop();
        }
        let mut done = BTreeSet::new();
        for m in g.keys() {
            visit(m, &g, &mut Vec::new(), &mut done);
        }
    }
}

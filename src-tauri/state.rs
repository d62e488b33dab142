//! The app's state: the open store, or the reason it could not be opened
//! (a read-only or damaged file), which every command then reports to the UI
//! instead of the app crashing at start.

use chrono::{Local, Utc};
use kindly_api::backup::RestoreNotice;
use kindly_api::print::Printer;
use kindly_api::ErrorCode;
use kindly_api::{ApiError, Ctx};
use kindly_pdf::Fonts;
use kindly_store::Store;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

pub struct AppState {
    store: Result<Store, ApiError>,
    /// PDF fonts, parsed once, on first use (most sessions print nothing).
    fonts: OnceLock<Result<Fonts, ApiError>>,
    /// How letters are printed here, read from the environment once at start.
    pub printer: Printer,
    pub started: Instant,
    /// Said once by the window after a start that completed a restore.
    pub restore_notice: Option<RestoreNotice>,
    /// The window's language (it says so with its desktop texts).
    ui_locale: Mutex<Option<kindly_api::Locale>>,
}

impl AppState {
    pub async fn open(data_dir: Option<PathBuf>, started: Instant, restore_notice: Option<RestoreNotice>) -> AppState {
        let store = match data_dir {
            Some(dir) => Store::open(&kindly_api::paths::db_path(&dir)).await.map_err(ApiError::from),
            None => Err(ApiError::new(
                ErrorCode::NoDataDir,
                "Kindly could not find your data folder; start it with --data-dir or set KINDLY_DATA_DIR.",
                None,
            )),
        };
        if let Err(e) = &store {
            tracing::error!(code = %e.code, "the database could not be opened: {}", e.message);
        }
        AppState {
            store,
            fonts: OnceLock::new(),
            printer: Printer::from_env(),
            started,
            restore_notice,
            ui_locale: Mutex::new(None),
        }
    }

    pub fn fonts(&self) -> Result<&Fonts, ApiError> {
        self.fonts.get_or_init(|| Fonts::load().map_err(ApiError::from)).as_ref().map_err(Clone::clone)
    }

    /// The context for one command: the clock is read here, once, at the boundary.
    pub fn ctx(&self) -> Result<Ctx<'_>, ApiError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        let ui_locale = *self.ui_locale.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        Ok(Ctx::new(store, Utc::now(), Local::now().date_naive()).with_ui_locale(ui_locale))
    }

    pub fn set_ui_locale(&self, locale: Option<kindly_api::Locale>) {
        *self.ui_locale.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = locale;
    }
}

//! The app's state: the open store, or the reason it could not be opened
//! (a read-only or damaged file, a team database that is away), which every
//! command then reports to the UI instead of the app crashing at start. The
//! database is chosen by `kindly_api::database` (`KINDLY_DATABASE_URL`, the
//! data folder's team database settings, else its `kindly.db`); a team
//! database that was away at start is connected again by `reconnect`
//! (the banner's Retry), never replaced by a local copy.

use chrono::{Local, Utc};
use kindly_api::backup::RestoreNotice;
use kindly_api::database::{self, Choice, DatabaseStatus};
use kindly_api::print::Printer;
use kindly_api::ErrorCode;
use kindly_api::{ApiError, Ctx};
use kindly_pdf::Fonts;
use kindly_store::Store;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

pub struct AppState {
    /// The open store, once it opened.
    store: OnceLock<Store>,
    /// Why it did not open (yet).
    open_error: Mutex<Option<ApiError>>,
    /// Which database this run uses, chosen once at start.
    choice: Result<Choice, ApiError>,
    data_dir: Option<PathBuf>,
    /// One reconnect at a time.
    reconnecting: tokio::sync::Mutex<()>,
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
        let choice = match &data_dir {
            None if std::env::var_os(database::ENV_VAR).is_none_or(|v| v.is_empty()) => Err(ApiError::new(
                ErrorCode::NoDataDir,
                "Kindly could not find your data folder; start it with --data-dir or set KINDLY_DATA_DIR.",
                None,
            )),
            dir => database::choose(None, std::env::var_os(database::ENV_VAR), dir.as_deref()),
        };
        let store = match &choice {
            Ok(c) => database::open(c).await,
            Err(e) => Err(e.clone()),
        };
        if let Err(e) = &store {
            tracing::error!(code = %e.code, "the database could not be opened: {}", e.message);
        }
        if let (Ok(s), Some(d)) = (&store, &data_dir) {
            s.set_member(kindly_api::member::name_for_store(d));
        }
        let (opened, open_error) = match store {
            Ok(s) => (OnceLock::from(s), None),
            Err(e) => (OnceLock::new(), Some(e)),
        };
        AppState {
            store: opened,
            open_error: Mutex::new(open_error),
            choice,
            data_dir,
            reconnecting: tokio::sync::Mutex::new(()),
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
        let store = self.store.get().ok_or_else(|| self.open_error())?;
        let ui_locale = *self.ui_locale.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // A team database has no folder: its files go to the data folder.
        let files_dir = self.data_dir.as_deref().filter(|_| store.engine() == kindly_store::Engine::Postgres);
        Ok(Ctx::new(store, Utc::now(), Local::now().date_naive()).with_ui_locale(ui_locale).with_data_dir(files_dir))
    }

    fn open_error(&self) -> ApiError {
        let e = self.open_error.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        e.clone().unwrap_or_else(|| ApiError::new(ErrorCode::Internal, "The database is not open.", None))
    }

    /// Reaches the database again: opens it when it did not open at start
    /// (a team database that was away), else asks it one small question.
    pub async fn reconnect(&self) -> Result<(), ApiError> {
        let _one = self.reconnecting.lock().await;
        if let Some(store) = self.store.get() {
            return store.is_empty().await.map(|_| ()).map_err(ApiError::from);
        }
        let choice = self.choice.as_ref().map_err(Clone::clone)?;
        match database::open(choice).await {
            Ok(store) => {
                tracing::info!(database = %choice.shown(), "the database is open");
                if let Some(d) = &self.data_dir {
                    store.set_member(kindly_api::member::name_for_store(d));
                }
                let _ = self.store.set(store);
                *self.open_error.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
                Ok(())
            }
            Err(e) => {
                *self.open_error.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(e.clone());
                Err(e)
            }
        }
    }

    /// The database in use and the data folder's team database settings.
    pub fn database_status(&self) -> Result<DatabaseStatus, ApiError> {
        Ok(database::status(self.choice.as_ref().map_err(Clone::clone)?, self.data_dir.as_deref()))
    }

    /// The open store, if the database is open (a name saved while it is
    /// away is handed to it when it opens).
    pub fn open_store(&self) -> Option<&kindly_store::Store> {
        self.store.get()
    }

    /// The data folder (for the team database settings).
    pub fn data_dir(&self) -> Result<&std::path::Path, ApiError> {
        self.data_dir
            .as_deref()
            .ok_or_else(|| ApiError::new(ErrorCode::NoDataDir, "Kindly could not find your data folder.", None))
    }

    pub fn set_ui_locale(&self, locale: Option<kindly_api::Locale>) {
        *self.ui_locale.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = locale;
    }
}

//! What the desktop shell says in the UI's language: the native menu's
//! labels and the system notification at the end of a long batch. The
//! window holds the catalogues, so it sends these texts (at start and when
//! the language changes) and the shell keeps the latest; until then the
//! shell uses the English defaults.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything the shell shows outside the web view.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DesktopTexts {
    pub menu: MenuLabels,
    pub notices: BatchNotices,
    /// The window's language, for the text Rust words for its screens (the
    /// timeline's summaries, `Ctx::ui_locale`); absent until it says.
    #[serde(default)]
    pub language: Option<kindly_core::locale::Locale>,
}

/// The native menu's labels (menus and items). Accelerators are fixed in
/// the shell and shown by the system next to each label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MenuLabels {
    pub file: String,
    pub edit: String,
    pub go: String,
    pub window: String,
    pub new_client: String,
    pub new_invoice: String,
    pub record_payment: String,
    pub today: String,
    pub search: String,
    pub settings: String,
    pub quit: String,
    pub undo: String,
    pub redo: String,
    pub cut: String,
    pub copy: String,
    pub paste: String,
    pub select_all: String,
    pub minimize: String,
    pub close_window: String,
    /// macOS's application menu (named after the app): About, Services,
    /// Hide, Hide others, Show all. Other systems have no such menu.
    pub about: String,
    pub services: String,
    pub hide: String,
    pub hide_others: String,
    pub show_all: String,
}

impl Default for MenuLabels {
    fn default() -> Self {
        let s = |t: &str| t.to_string();
        MenuLabels {
            file: s("File"),
            edit: s("Edit"),
            go: s("Go"),
            window: s("Window"),
            new_client: s("New client…"),
            new_invoice: s("New invoice"),
            record_payment: s("Record payment…"),
            today: s("Today"),
            search: s("Search"),
            settings: s("Settings…"),
            quit: s("Quit Kindly"),
            undo: s("Undo"),
            redo: s("Redo"),
            cut: s("Cut"),
            copy: s("Copy"),
            paste: s("Paste"),
            select_all: s("Select all"),
            minimize: s("Minimize"),
            close_window: s("Close window"),
            about: s("About Kindly"),
            services: s("Services"),
            hide: s("Hide Kindly"),
            hide_others: s("Hide others"),
            show_all: s("Show all"),
        }
    }
}

/// The notification's title and one sentence per kind of batch, plus the
/// sentence for a batch that stopped with an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BatchNotices {
    pub title: String,
    pub emails: String,
    pub letters: String,
    pub bank_import: String,
    pub csv_import: String,
    pub backup: String,
    pub failed: String,
}

impl Default for BatchNotices {
    fn default() -> Self {
        let s = |t: &str| t.to_string();
        BatchNotices {
            title: s("Kindly"),
            emails: s("Your e-mails have been sent."),
            letters: s("Your letters are ready to print."),
            bank_import: s("The bank statement has been read."),
            csv_import: s("The import is finished."),
            backup: s("The backup is done."),
            failed: s("A task could not finish. Open Kindly to see why."),
        }
    }
}

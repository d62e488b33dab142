//! The desktop around the web view: the native menu (its labels come from
//! the window in the UI's language; a click becomes a `menu-action` event
//! the window acts on) and the system notification when a long batch ends.
//!
//! The web view also handles the same shortcuts itself (WebDriver cannot
//! press a native accelerator); GTK and macOS give an accelerator to the
//! menu first and do not pass it on, so one press acts once.
//!
//! A notification is a courtesy: one that cannot be shown (no notification
//! daemon, as in CI) is logged and never reaches the user as an error.

use kindly_api::desktop::{DesktopTexts, MenuLabels};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::menu::{AboutMetadataBuilder, Menu, MenuBuilder, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The event a menu click sends to the window, with the action's id.
const MENU_EVENT: &str = "menu-action";

/// A batch this long notifies even when the window has the focus.
const LONG_BATCH: Duration = Duration::from_secs(5);

/// `LONG_BATCH`, or `KINDLY_NOTIFY_AFTER_MS` for the end-to-end test that
/// checks a real notification daemon receives the notice (a window under
/// Xvfb with no window manager may or may not count as focused).
fn long_batch() -> Duration {
    std::env::var("KINDLY_NOTIFY_AFTER_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
        .unwrap_or(LONG_BATCH)
}

/// The menu's actions: (id, accelerator). The web view's keydown listener
/// (`ui/src/lib/shortcuts.ts`) uses the same ids and keys; README lists them.
const ACTIONS: [(&str, &str); 6] = [
    ("new-client", "CmdOrCtrl+Shift+N"),
    ("new-invoice", "CmdOrCtrl+N"),
    ("record-payment", "CmdOrCtrl+Shift+P"),
    ("today", "CmdOrCtrl+T"),
    ("search", "CmdOrCtrl+F"),
    ("settings", "CmdOrCtrl+,"),
];

/// The texts the window sent last (English until it does).
#[derive(Default)]
pub struct Desktop {
    texts: Mutex<DesktopTexts>,
}

impl Desktop {
    fn texts(&self) -> DesktopTexts {
        self.texts.lock().map(|t| t.clone()).unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }
}

/// The kinds of long batch that notify when they end.
#[derive(Debug, Clone, Copy)]
pub enum Batch {
    Emails,
    Letters,
    BankImport,
    CsvImport,
    Backup,
}

/// Puts the English menu in place and forwards menu clicks to the window.
pub fn install<R: Runtime>(app: &AppHandle<R>) {
    #[cfg(target_os = "macos")]
    if let Err(e) = notify_rust::set_application("app.kindly.desktop") {
        tracing::warn!(error = %e, "notifications will name another application");
    }
    set_menu(app, &MenuLabels::default());
    app.on_menu_event(|app, event| {
        let id = event.id().0.as_str();
        if ACTIONS.iter().any(|(a, _)| *a == id) {
            if let Err(e) = app.emit(MENU_EVENT, id) {
                tracing::warn!(action = id, error = %e, "could not pass a menu click to the window");
            }
        }
    });
}

/// The window's language changed (or it started): the menu is rebuilt in
/// it and notifications use it from now on.
#[tauri::command]
pub fn set_desktop_texts(
    app: AppHandle,
    desktop: tauri::State<'_, Desktop>,
    state: tauri::State<'_, crate::state::AppState>,
    texts: DesktopTexts,
) {
    state.set_ui_locale(texts.language);
    let mut slot = desktop.texts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // The same labels keep the menu as it is (GTK complains when a menu with
    // accelerators is replaced, and there is nothing to change).
    if slot.menu != texts.menu {
        set_menu(&app, &texts.menu);
    }
    *slot = texts;
}

fn set_menu<R: Runtime>(app: &AppHandle<R>, labels: &MenuLabels) {
    let result = build_menu(app, labels).and_then(|menu| app.set_menu(menu).map(|_| ()));
    if let Err(e) = result {
        tracing::warn!(error = %e, "could not build the menu; the window's shortcuts still work");
    }
}

fn build_menu<R: Runtime>(app: &AppHandle<R>, l: &MenuLabels) -> tauri::Result<Menu<R>> {
    let item = |id: &str, label: &str| {
        let accel = ACTIONS.iter().find(|(a, _)| *a == id).map(|(_, k)| *k).unwrap_or_default();
        MenuItemBuilder::with_id(id, label).accelerator(accel).build(app)
    };
    // macOS puts the first submenu under the app's name: there, an
    // application menu (About, Settings, Services, Hide, Quit) comes first,
    // as every Mac app has; elsewhere Settings and Quit stay in File.
    let mac = cfg!(target_os = "macos");
    let mut file = SubmenuBuilder::new(app, &l.file)
        .item(&item("new-client", &l.new_client)?)
        .item(&item("new-invoice", &l.new_invoice)?)
        .item(&item("record-payment", &l.record_payment)?);
    if !mac {
        file = file
            .separator()
            .item(&item("settings", &l.settings)?)
            .separator()
            .item(&PredefinedMenuItem::quit(app, Some(l.quit.as_str()))?);
    }
    let file = file.build()?;
    let edit = SubmenuBuilder::new(app, &l.edit)
        .item(&PredefinedMenuItem::undo(app, Some(l.undo.as_str()))?)
        .item(&PredefinedMenuItem::redo(app, Some(l.redo.as_str()))?)
        .separator()
        .item(&PredefinedMenuItem::cut(app, Some(l.cut.as_str()))?)
        .item(&PredefinedMenuItem::copy(app, Some(l.copy.as_str()))?)
        .item(&PredefinedMenuItem::paste(app, Some(l.paste.as_str()))?)
        .item(&PredefinedMenuItem::select_all(app, Some(l.select_all.as_str()))?)
        .build()?;
    let go =
        SubmenuBuilder::new(app, &l.go).item(&item("today", &l.today)?).item(&item("search", &l.search)?).build()?;
    let window = SubmenuBuilder::new(app, &l.window)
        .item(&PredefinedMenuItem::minimize(app, Some(l.minimize.as_str()))?)
        .item(&PredefinedMenuItem::close_window(app, Some(l.close_window.as_str()))?)
        .build()?;
    let mut menu = MenuBuilder::new(app);
    if mac {
        let info = app.package_info();
        let about = AboutMetadataBuilder::new()
            .name(Some(info.name.clone()))
            .version(Some(info.version.to_string()))
            .icon(app.default_window_icon().cloned())
            .build();
        let application = SubmenuBuilder::new(app, &info.name)
            .item(&PredefinedMenuItem::about(app, Some(l.about.as_str()), Some(about))?)
            .separator()
            .item(&item("settings", &l.settings)?)
            .separator()
            .item(&PredefinedMenuItem::services(app, Some(l.services.as_str()))?)
            .separator()
            .item(&PredefinedMenuItem::hide(app, Some(l.hide.as_str()))?)
            .item(&PredefinedMenuItem::hide_others(app, Some(l.hide_others.as_str()))?)
            .item(&PredefinedMenuItem::show_all(app, Some(l.show_all.as_str()))?)
            .separator()
            .item(&PredefinedMenuItem::quit(app, Some(l.quit.as_str()))?)
            .build()?;
        menu = menu.item(&application);
    }
    menu.item(&file).item(&edit).item(&go).item(&window).build()
}

/// A batch ended (`ok`: it finished): a system notification when the user
/// is elsewhere (the window has no focus) or the batch took long.
pub fn batch_finished(app: &AppHandle, started: Instant, batch: Batch, ok: bool) {
    let focused = app.get_webview_window("main").and_then(|w| w.is_focused().ok()).unwrap_or(true);
    if focused && started.elapsed() < long_batch() {
        return;
    }
    let n = app.state::<Desktop>().texts().notices;
    let body = match (ok, batch) {
        (false, _) => n.failed,
        (true, Batch::Emails) => n.emails,
        (true, Batch::Letters) => n.letters,
        (true, Batch::BankImport) => n.bank_import,
        (true, Batch::CsvImport) => n.csv_import,
        (true, Batch::Backup) => n.backup,
    };
    // Showing talks to the notification daemon and may block: off the
    // command's task, and nothing waits for it.
    let spawned = std::thread::Builder::new().name("notification".into()).spawn(move || {
        if let Err(e) = notify_rust::Notification::new().appname("Kindly").summary(&n.title).body(&body).show() {
            tracing::info!(?batch, error = %e, "no system notification (no notification service?)");
        }
    });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "could not start the notification");
    }
}

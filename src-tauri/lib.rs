//! The Tauri shell: opens the store, registers the commands, and starts the
//! window. Architecture Invariant: this is the only crate that depends on
//! Tauri, and it holds no business logic; each command is one call into
//! `kindly_api`. Logging (`kindly_log`) is set up here, where the data
//! folder is known.

mod backup_commands;
mod bank_commands;
mod commands;
mod corrections_commands;
mod database_commands;
mod desktop;
mod dialogs;
mod einvoice_commands;
mod einvoice_out_commands;
mod import_commands;
mod interest_commands;
mod mail_commands;
mod overview_commands;
mod sender;
mod state;
mod statement_commands;

use state::AppState;
use std::time::Instant;

/// Starts the desktop app. `started` is when the process began, for the
/// start-up probe (`KINDLY_STARTUP_PROBE=1` prints the time to an
/// interactive window and exits; see docs/benchmarks.md).
pub fn run(started: Instant) {
    let data_dir = kindly_api::paths::resolve_data_dir(
        data_dir_flag(std::env::args_os()),
        std::env::var_os("KINDLY_DATA_DIR"),
        dirs::data_dir(),
    );
    // A restore staged before a restart is completed before anything opens
    // the data folder (the log file included).
    let restored = data_dir.as_deref().map(kindly_api::backup::complete_pending_restore);
    // Logging starts here, at the edge, once the data folder is known; a
    // folder that cannot be written means no log file, never no app.
    kindly_log::init(data_dir.as_deref(), std::env::args_os().any(|a| a == "--verbose"));
    match &restored {
        Some(Ok(Some(r))) => tracing::info!(previous = %r.previous.display(), "restored backup now in use"),
        Some(Err(e)) => tracing::error!(code = %e.code, "the staged restore could not be completed: {}", e.message),
        _ => {}
    }
    let restore_notice = restored.as_ref().and_then(kindly_api::backup::RestoreNotice::of);
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        data_dir = data_dir.as_ref().map(|d| d.display().to_string()),
        "Kindly app started"
    );
    let state = tauri::async_runtime::block_on(AppState::open(data_dir, started, restore_notice));
    let builder = tauri::Builder::default();
    #[cfg(feature = "updater")]
    let builder = builder.plugin(tauri_plugin_updater::Builder::new().build());
    let result = builder
        .manage(state)
        .manage(sender::Sender::default())
        .manage(desktop::Desktop::default())
        .setup(|app| {
            desktop::install(app.handle());
            sender::spawn_background(app.handle().clone());
            backup_commands::spawn_auto_backup(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::bootstrap,
            database_commands::database_status,
            database_commands::connect_team_database,
            database_commands::disconnect_team_database,
            database_commands::move_into_team_database,
            database_commands::retry_database,
            database_commands::member_settings,
            database_commands::save_member_settings,
            desktop::set_desktop_texts,
            backup_commands::backup_settings,
            backup_commands::save_backup_settings,
            backup_commands::backup_now,
            backup_commands::restore_backup,
            bank_commands::bank_import,
            einvoice_commands::einvoice_import,
            einvoice_commands::archive_export,
            overview_commands::overview,
            overview_commands::save_report,
            statement_commands::statement_pdf,
            einvoice_out_commands::client_einvoice,
            einvoice_out_commands::save_client_einvoice,
            einvoice_out_commands::seller_einvoice,
            einvoice_out_commands::save_seller_einvoice,
            einvoice_out_commands::einvoice_preflight,
            einvoice_out_commands::export_einvoice,
            einvoice_out_commands::export_credit_note_einvoice,
            statement_commands::email_statement,
            statement_commands::print_statement,
            statement_commands::confirm_statement_printed,
            corrections_commands::issue_credit_note,
            corrections_commands::reverse_payment,
            corrections_commands::refund_credit,
            corrections_commands::credit_notes,
            corrections_commands::credit_note_pdf,
            interest_commands::client_interest,
            interest_commands::set_client_interest,
            interest_commands::invoice_interest,
            interest_commands::list_interest_rates,
            interest_commands::add_interest_rate,
            interest_commands::remove_interest_rate,
            bank_commands::bank_review,
            bank_commands::bank_resolve,
            bank_commands::bank_status,
            bank_commands::bank_csv_mapping,
            import_commands::import_detect,
            import_commands::import_dry_run,
            import_commands::import_apply,
            import_commands::export_csv,
            dialogs::pick_open_file,
            dialogs::pick_save_file,
            dialogs::pick_folder,
            commands::app_ready,
            commands::seed_demo,
            commands::get_settings,
            commands::save_settings,
            commands::list_clients,
            commands::get_client,
            commands::create_client,
            commands::update_client,
            commands::set_chasing,
            commands::preview_totals,
            commands::create_invoice,
            commands::update_draft,
            commands::issue_invoice,
            commands::cancel_invoice,
            commands::list_invoices,
            commands::get_invoice,
            commands::record_payment,
            commands::list_payments,
            commands::add_note,
            commands::followup_queue,
            commands::queue_summary,
            commands::letters_preview,
            commands::preview_message,
            commands::mark_followup_done,
            commands::get_template,
            commands::save_template,
            commands::reset_template,
            commands::check_tone,
            commands::get_ladder,
            commands::save_ladder,
            commands::get_payment_methods,
            commands::save_payment_methods,
            commands::business_readiness,
            commands::set_invoice_hold,
            commands::generate_letters,
            commands::retry_letters,
            commands::confirm_letters,
            commands::invoice_pdf,
            commands::get_client_ladder,
            commands::set_client_ladder,
            mail_commands::get_smtp_settings,
            mail_commands::save_smtp_settings,
            mail_commands::forget_smtp_password,
            mail_commands::send_test_email,
            mail_commands::queue_emails,
            mail_commands::queue_plan_proposal,
            mail_commands::send_emails,
            mail_commands::cancel_sending,
            mail_commands::background_send_problem,
            mail_commands::dismiss_background_problem,
            mail_commands::list_outbox,
            mail_commands::outbox_summary,
            mail_commands::send_all_preview,
            mail_commands::outbox_action,
            commands::preview_plan_schedule,
            commands::propose_plan,
            commands::accept_plan,
            commands::cancel_plan,
            commands::renegotiate_plan,
            commands::list_plans,
            commands::get_plan,
            commands::plan_reminder_message,
            commands::plan_reminder_done,
            commands::plan_proposal_email,
            commands::plan_pdf,
            commands::plan_reminder_letter,
            commands::call_script,
            commands::log_call,
            commands::add_promise,
            commands::list_promises,
            commands::promise_queue,
            commands::promise_follow_up_done,
            commands::log_contact,
            commands::correct_entry,
            commands::timeline,
            commands::export_dossier,
            commands::open_kept_file,
            commands::save_kept_copy,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!(error = %e, "could not start the window");
        eprintln!("Kindly could not start its window: {e}");
        std::process::exit(1);
    }
}

/// `--data-dir DIR` or `--data-dir=DIR` on the command line.
fn data_dir_flag(args: impl Iterator<Item = std::ffi::OsString>) -> Option<std::path::PathBuf> {
    let mut args = args.skip(1);
    while let Some(a) = args.next() {
        if a == "--data-dir" {
            return args.next().map(Into::into);
        }
        if let Some(v) = a.to_str().and_then(|s| s.strip_prefix("--data-dir=")) {
            return Some(v.into());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn data_dir_flag_is_read_in_both_forms() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>().into_iter();
        assert_eq!(super::data_dir_flag(args(&["kindly-app", "--data-dir", "/x"])), Some("/x".into()));
        assert_eq!(super::data_dir_flag(args(&["kindly-app", "--data-dir=/y"])), Some("/y".into()));
        assert_eq!(super::data_dir_flag(args(&["kindly-app"])), None);
    }
}

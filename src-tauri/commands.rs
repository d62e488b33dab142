//! Tauri commands: parse (serde does it), call one use case, return its
//! result or its `{code, message, field}` error. Nothing else belongs here.

use crate::desktop::{batch_finished, Batch};
use crate::state::AppState;
use kindly_api::clients::{ChasingInput, ClientDetail, ClientInput, ClientListRequest, ClientRow};
use kindly_api::documents::{InvoicePdfRequest, PdfResult};
use kindly_api::followups::{
    ClientLadderView, FindingView, LadderView, MarkDoneRequest, MessagePreview, MessageRequest, PaymentMethodsView,
    QueuePage, QueueRequest, TemplateInput, TemplateView,
};
use kindly_api::invoices::{
    CreatedInvoice, InvoiceDetail, InvoiceInput, InvoiceListRequest, InvoiceRow, TotalsPreview, TotalsRequest,
};
use kindly_api::letters::{self, LetterBatchRequest, LettersRequest, LettersResult};
use kindly_api::payments::{PaymentInput, PaymentListRequest, PaymentRow};
use kindly_api::settings::SettingsView;
use kindly_api::status::{Bootstrap, DemoResult};
use kindly_api::timeline::NoteInput;
use kindly_api::views::Page;
use kindly_api::{clients, documents, followups, invoices, payments, settings, status, timeline, ApiError};
use std::time::Instant;
use tauri::{AppHandle, State};

type Res<T> = Result<T, ApiError>;

#[tauri::command]
pub async fn bootstrap(s: State<'_, AppState>) -> Res<Bootstrap> {
    let boot = status::bootstrap(s.ctx()?).await?;
    Ok(Bootstrap { restore: s.restore_notice.clone(), ..boot })
}

/// Called by the UI once its first screen is rendered. With
/// `KINDLY_STARTUP_PROBE=1` it prints the time since the process started and
/// quits: the start-up benchmark (docs/benchmarks.md) runs the app this way.
#[tauri::command]
pub fn app_ready(s: State<'_, AppState>, app: tauri::AppHandle) {
    if std::env::var_os("KINDLY_STARTUP_PROBE").is_some() {
        println!("kindly-startup-ms {}", s.started.elapsed().as_millis());
        app.exit(0);
    }
}

#[tauri::command]
pub async fn seed_demo(s: State<'_, AppState>, clients: u64, invoices: u64) -> Res<DemoResult> {
    status::seed_demo(s.ctx()?, clients.min(100_000), invoices.min(1_000_000)).await
}

#[tauri::command]
pub async fn get_settings(s: State<'_, AppState>) -> Res<SettingsView> {
    settings::get(s.ctx()?).await
}

#[tauri::command]
pub async fn save_settings(s: State<'_, AppState>, input: SettingsView) -> Res<SettingsView> {
    settings::save(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn business_readiness(s: State<'_, AppState>) -> Res<kindly_api::business::Readiness> {
    kindly_api::business::readiness(s.ctx()?).await
}

#[tauri::command]
pub async fn list_clients(s: State<'_, AppState>, req: ClientListRequest) -> Res<Page<ClientRow>> {
    clients::list(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn get_client(s: State<'_, AppState>, id: i64) -> Res<ClientDetail> {
    clients::get(s.ctx()?, id).await
}

#[tauri::command]
pub async fn create_client(s: State<'_, AppState>, input: ClientInput) -> Res<i64> {
    clients::create(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn update_client(s: State<'_, AppState>, id: i64, input: ClientInput) -> Res<()> {
    clients::update(s.ctx()?, id, &input).await
}

#[tauri::command]
pub async fn set_chasing(s: State<'_, AppState>, id: i64, input: ChasingInput) -> Res<()> {
    clients::set_chasing(s.ctx()?, id, &input).await
}

#[tauri::command]
pub async fn preview_totals(s: State<'_, AppState>, req: TotalsRequest) -> Res<TotalsPreview> {
    invoices::preview_totals(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn create_invoice(s: State<'_, AppState>, input: InvoiceInput) -> Res<CreatedInvoice> {
    invoices::create(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn update_draft(s: State<'_, AppState>, id: i64, input: InvoiceInput) -> Res<()> {
    invoices::update_draft(s.ctx()?, id, &input).await
}

#[tauri::command]
pub async fn issue_invoice(s: State<'_, AppState>, id: i64) -> Res<()> {
    invoices::issue(s.ctx()?, id).await
}

#[tauri::command]
pub async fn cancel_invoice(s: State<'_, AppState>, id: i64, reason: String) -> Res<()> {
    invoices::cancel(s.ctx()?, id, &reason).await
}

#[tauri::command]
pub async fn list_invoices(s: State<'_, AppState>, req: InvoiceListRequest) -> Res<Page<InvoiceRow>> {
    invoices::list(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn get_invoice(s: State<'_, AppState>, id: i64) -> Res<InvoiceDetail> {
    invoices::get(s.ctx()?, id).await
}

#[tauri::command]
pub async fn record_payment(s: State<'_, AppState>, input: PaymentInput) -> Res<i64> {
    payments::record(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn list_payments(s: State<'_, AppState>, req: PaymentListRequest) -> Res<Page<PaymentRow>> {
    payments::list(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn add_note(s: State<'_, AppState>, input: NoteInput) -> Res<i64> {
    timeline::add_note(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn followup_queue(s: State<'_, AppState>, req: QueueRequest) -> Res<QueuePage> {
    followups::queue(s.ctx()?, &req).await
}

/// Today's follow-ups counted (per filter value) and grouped.
#[tauri::command]
pub async fn queue_summary(
    s: State<'_, AppState>,
    req: kindly_api::today::QueueSummaryRequest,
) -> Res<kindly_api::today::QueueSummary> {
    kindly_api::today::summary(s.ctx()?, &req).await
}

/// How many letters "Print today's letters" will print (the number it names).
#[tauri::command]
pub async fn letters_preview(s: State<'_, AppState>) -> Res<kindly_api::today::LettersPreview> {
    kindly_api::today::letters_preview(s.ctx()?).await
}

#[tauri::command]
pub async fn preview_message(s: State<'_, AppState>, req: MessageRequest) -> Res<MessagePreview> {
    followups::preview(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn mark_followup_done(s: State<'_, AppState>, req: MarkDoneRequest) -> Res<Vec<i64>> {
    followups::mark_done(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn get_template(s: State<'_, AppState>, stage: String, language: String) -> Res<TemplateView> {
    followups::get_template(s.ctx()?, &stage, &language).await
}

#[tauri::command]
pub async fn save_template(
    s: State<'_, AppState>,
    stage: String,
    language: String,
    input: TemplateInput,
) -> Res<TemplateView> {
    followups::save_template(s.ctx()?, &stage, &language, &input).await
}

#[tauri::command]
pub async fn reset_template(s: State<'_, AppState>, stage: String, language: String) -> Res<TemplateView> {
    followups::reset_template(s.ctx()?, &stage, &language).await
}

#[tauri::command]
pub fn check_tone(input: TemplateInput) -> Vec<FindingView> {
    followups::check_tone(&input)
}

#[tauri::command]
pub async fn get_ladder(s: State<'_, AppState>) -> Res<LadderView> {
    followups::get_ladder(s.ctx()?).await
}

#[tauri::command]
pub async fn save_ladder(s: State<'_, AppState>, input: LadderView) -> Res<LadderView> {
    followups::save_ladder(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn get_payment_methods(s: State<'_, AppState>) -> Res<PaymentMethodsView> {
    followups::get_payment_methods(s.ctx()?).await
}

#[tauri::command]
pub async fn save_payment_methods(s: State<'_, AppState>, input: PaymentMethodsView) -> Res<PaymentMethodsView> {
    followups::save_payment_methods(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn set_invoice_hold(
    s: State<'_, AppState>,
    id: i64,
    hold: String,
    until: Option<String>,
    reason: String,
) -> Res<()> {
    followups::set_invoice_hold(s.ctx()?, id, &hold, until.as_deref(), &reason).await
}

#[tauri::command]
pub async fn generate_letters(app: AppHandle, s: State<'_, AppState>, req: LettersRequest) -> Res<LettersResult> {
    let started = Instant::now();
    let r = letters::generate_letters(s.ctx()?, s.fonts()?, &s.printer, &req).await;
    batch_finished(&app, started, Batch::Letters, r.is_ok());
    r
}

#[tauri::command]
pub async fn retry_letters(s: State<'_, AppState>, req: LetterBatchRequest) -> Res<LettersResult> {
    letters::retry_letters(s.ctx()?, &s.printer, &req).await
}

#[tauri::command]
pub async fn confirm_letters(s: State<'_, AppState>, req: LetterBatchRequest) -> Res<LettersResult> {
    letters::confirm_letters(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn invoice_pdf(s: State<'_, AppState>, req: InvoicePdfRequest) -> Res<PdfResult> {
    documents::invoice_pdf(s.ctx()?, s.fonts()?, &req).await
}

#[tauri::command]
pub async fn get_client_ladder(s: State<'_, AppState>, id: i64) -> Res<ClientLadderView> {
    followups::get_client_ladder(s.ctx()?, id).await
}

/// `input: null` puts the client back on the default ladder.
#[tauri::command]
pub async fn set_client_ladder(s: State<'_, AppState>, id: i64, input: Option<LadderView>) -> Res<ClientLadderView> {
    followups::set_client_ladder(s.ctx()?, id, input.as_ref()).await
}

// Installment plans.

#[tauri::command]
pub async fn preview_plan_schedule(
    s: State<'_, AppState>,
    req: kindly_api::plans::PlanInput,
) -> Res<kindly_api::plans::SchedulePreview> {
    kindly_api::plans::preview_schedule(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn propose_plan(
    s: State<'_, AppState>,
    req: kindly_api::plans::PlanInput,
) -> Res<kindly_api::plans::PlanView> {
    kindly_api::plans::propose(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn accept_plan(
    s: State<'_, AppState>,
    req: kindly_api::plans::AcceptInput,
) -> Res<kindly_api::plans::PlanView> {
    kindly_api::plans::accept(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn cancel_plan(s: State<'_, AppState>, id: i64, reason: String) -> Res<kindly_api::plans::PlanView> {
    kindly_api::plans::cancel(s.ctx()?, id, &reason).await
}

#[tauri::command]
pub async fn renegotiate_plan(
    s: State<'_, AppState>,
    id: i64,
    req: kindly_api::plans::PlanInput,
) -> Res<kindly_api::plans::PlanView> {
    kindly_api::plans::renegotiate(s.ctx()?, id, &req).await
}

#[tauri::command]
pub async fn list_plans(
    s: State<'_, AppState>,
    req: kindly_api::plans::PlanListRequest,
) -> Res<Vec<kindly_api::plans::PlanView>> {
    kindly_api::plans::list(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn get_plan(s: State<'_, AppState>, id: i64) -> Res<kindly_api::plans::PlanView> {
    kindly_api::plans::get(s.ctx()?, id).await
}

#[tauri::command]
pub async fn plan_reminder_message(s: State<'_, AppState>, id: i64) -> Res<kindly_api::plans::PlanMessage> {
    kindly_api::plans::reminder_message(s.ctx()?, id).await
}

#[tauri::command]
pub async fn plan_reminder_done(s: State<'_, AppState>, req: kindly_api::plans::PlanReminderDone) -> Res<i64> {
    kindly_api::plans::reminder_done(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn plan_proposal_email(s: State<'_, AppState>, id: i64) -> Res<kindly_api::plans::PlanMessage> {
    kindly_api::plans::proposal_email(s.ctx()?, id).await
}

#[tauri::command]
pub async fn plan_pdf(s: State<'_, AppState>, req: kindly_api::plans::PlanPdfRequest) -> Res<PdfResult> {
    kindly_api::plans::plan_pdf(s.ctx()?, s.fonts()?, &req).await
}

#[tauri::command]
pub async fn plan_reminder_letter(
    s: State<'_, AppState>,
    req: kindly_api::plans::PlanPdfRequest,
) -> Res<kindly_api::plans::PlanLetterResult> {
    kindly_api::plans::reminder_letter(s.ctx()?, s.fonts()?, &s.printer, &req).await
}

// ---- contacts: calls, promises, inbound contact, timeline, dossier

use kindly_api::contacts::{
    CallLogInput, CallLogResult, CallScriptView, ContactInput, CorrectionInput, PromiseFollowUp, PromiseFollowUpDone,
    PromiseInput, PromiseView, TimelineEntryView, TimelineRequest,
};
use kindly_api::dossier::{DossierRequest, DossierResult};

#[tauri::command]
pub async fn call_script(s: State<'_, AppState>, invoice_id: i64) -> Res<CallScriptView> {
    kindly_api::contacts::call_script(s.ctx()?, invoice_id).await
}

#[tauri::command]
pub async fn log_call(s: State<'_, AppState>, input: CallLogInput) -> Res<CallLogResult> {
    kindly_api::contacts::log_call(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn add_promise(s: State<'_, AppState>, input: PromiseInput) -> Res<PromiseView> {
    kindly_api::contacts::add_promise(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn list_promises(
    s: State<'_, AppState>,
    client_id: Option<i64>,
    invoice_id: Option<i64>,
) -> Res<Vec<PromiseView>> {
    kindly_api::contacts::list_promises(s.ctx()?, client_id, invoice_id).await
}

#[tauri::command]
pub async fn promise_queue(s: State<'_, AppState>, client_id: Option<i64>) -> Res<Vec<PromiseFollowUp>> {
    kindly_api::contacts::promise_queue(s.ctx()?, client_id).await
}

#[tauri::command]
pub async fn promise_follow_up_done(s: State<'_, AppState>, req: PromiseFollowUpDone) -> Res<i64> {
    kindly_api::contacts::promise_follow_up_done(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn log_contact(s: State<'_, AppState>, input: ContactInput) -> Res<i64> {
    kindly_api::contacts::log_contact(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn correct_entry(s: State<'_, AppState>, input: CorrectionInput) -> Res<i64> {
    kindly_api::contacts::correct_entry(s.ctx()?, &input).await
}

#[tauri::command]
pub async fn timeline(s: State<'_, AppState>, req: TimelineRequest) -> Res<Vec<TimelineEntryView>> {
    kindly_api::contacts::timeline(s.ctx()?, &req).await
}

#[tauri::command]
pub async fn export_dossier(s: State<'_, AppState>, req: DossierRequest) -> Res<DossierResult> {
    kindly_api::dossier::export(s.ctx()?, s.fonts()?, &req).await
}

#[tauri::command]
pub async fn open_kept_file(s: State<'_, AppState>, path: String) -> Res<String> {
    kindly_api::contacts::open_kept_file(s.ctx()?, &path).await
}

#[tauri::command]
pub async fn save_kept_copy(s: State<'_, AppState>, path: String, target: String) -> Res<String> {
    kindly_api::contacts::save_kept_copy(s.ctx()?, &path, &target).await
}

//! Generates `ui/src/lib/bindings.ts`, the TypeScript types of every IPC
//! payload, from the Rust types. Regenerate with
//! `cargo run -p kindly-cli -- dev write-bindings` (or `UPDATE_BINDINGS=1 cargo test -p kindly-api`);
//! the `bindings_are_fresh` test fails when the committed file is stale.

use kindly_core::vocab::Word;
use ts_rs::{Config, TS};

macro_rules! decls {
    ($cfg:expr, $($t:ty),* $(,)?) => {{
        let mut out = Vec::new();
        $( out.push(format!("export {}", <$t as TS>::decl($cfg))); )*
        out
    }};
}

/// Each closed vocabulary: its union type and the list of its values
/// (`ChannelValues`), for the UI's selects and its label catalogue test.
macro_rules! vocabularies {
    ($cfg:expr, $($t:ty),* $(,)?) => {{
        let mut out = Vec::new();
        $(
            out.push(format!("export {}", <$t as TS>::decl($cfg)));
            out.push(values::<$t>(&<$t as TS>::name($cfg)));
        )*
        out
    }};
}

fn values<T: Word>(name: &str) -> String {
    let words: Vec<String> = T::VARIANTS.iter().map(|v| format!("\"{}\"", v.word())).collect();
    format!("export const {name}Values: readonly {name}[] = [{}];", words.join(", "))
}

/// The whole bindings file.
pub fn typescript() -> String {
    // Every integer that crosses IPC is an id or a count far below 2^53;
    // money never does (it travels as decimal strings).
    let cfg = Config::new().with_large_int("number");
    use kindly_core::vocab as v;
    let vocab = vocabularies!(
        &cfg,
        kindly_core::invoice::InvoiceState,
        kindly_core::invoice::InvoiceStatus,
        kindly_core::timeline::EventKind,
        kindly_core::locale::Locale,
        kindly_core::payment::PaymentMethod,
        kindly_followup::ladder::Tone,
        kindly_followup::ladder::Channel,
        kindly_followup::plan::schedule::Frequency,
        kindly_followup::plan::progress::ReminderKind,
        kindly_pdf::PageSize,
        kindly_mail::Security,
        crate::contacts::CallOutcome,
        v::OutboxState,
        v::LetterState,
        v::PrintState,
        v::PlanState,
        v::PlanStanding,
        v::PlanMessageKind,
        v::InstallmentStatus,
        v::AgreedHow,
        v::HoldKind,
        v::ContactKind,
        v::PromiseOutcome,
        v::ChasingMode,
        v::Jurisdiction,
        v::InterestBase,
        v::InterestFee,
        v::DebtorKind,
        v::FileKind,
        v::ProfileGap,
        v::WayToPay,
        v::Correspondence,
        v::ClientSort,
        v::EInvoiceFormat,
        v::ClientBalanceFilter,
        v::AgingBucket,
        v::QueueGrouping,
        v::ReportKind,
        v::ReportFormat,
        v::InvoiceSort,
        v::BankEntryStatus,
        v::BankReasonKind,
        v::BankFoundBy,
        v::BankNotRecorded,
        v::BankCsvRole,
        v::EvidenceKind,
        v::FileCheck,
        v::EInvoiceOutcome,
        kindly_csv::ImportKind,
        kindly_csv::ImportField,
        kindly_csv::ImportPreset,
        kindly_csv::TextEncoding,
        kindly_csv::DecimalSeparator,
        kindly_csv::DateFormat,
        kindly_csv::ExportKind,
        v::SslMode,
        v::DatabaseSource,
    );
    let decls = decls!(
        &cfg,
        crate::ErrorCode,
        crate::ApiError,
        crate::views::MoneyView,
        crate::views::Page<crate::views::OptionItem>,
        crate::views::TimelineItem,
        crate::views::OptionItem,
        crate::status::AppStatus,
        crate::status::Bootstrap,
        crate::status::DemoResult,
        crate::settings::SettingsView,
        crate::desktop::DesktopTexts,
        crate::desktop::MenuLabels,
        crate::desktop::BatchNotices,
        crate::business::Readiness,
        crate::business::WayView,
        crate::business::WayInput,
        crate::backup::BackupProblem,
        crate::backup::BackupSettingsView,
        crate::backup::BackupSettingsInput,
        crate::backup::BackupNowRequest,
        crate::backup::BackupResult,
        crate::backup::RestoreRequest,
        crate::backup::RestoreResult,
        crate::backup::RestoreNotice,
        crate::clients::ClientInput,
        crate::clients::ChasingInput,
        crate::clients::ChasingView,
        crate::clients::ClientListRequest,
        crate::clients::ClientRow,
        crate::clients::ClientView,
        crate::clients::ClientDetail,
        crate::invoices::LineInput,
        crate::invoices::InvoiceInput,
        crate::invoices::TotalsRequest,
        crate::invoices::TaxView,
        crate::invoices::TotalsView,
        crate::invoices::TotalsPreview,
        crate::invoices::InvoiceRow,
        crate::invoices::LineView,
        crate::invoices::PaymentView,
        crate::invoices::InvoiceDetail,
        crate::invoices::InvoiceListRequest,
        crate::invoices::CreatedInvoice,
        crate::einvoice_import::EInvoiceImportRequest,
        crate::einvoice_import::EInvoiceFileResult,
        crate::einvoice_import::EInvoiceImportReport,
        crate::einvoice::ClientEInvoiceView,
        crate::einvoice::ClientEInvoiceInput,
        crate::einvoice::SellerEInvoiceInput,
        crate::einvoice::EInvoiceGapView,
        crate::einvoice::EInvoicePreflight,
        crate::einvoice::EInvoiceExportRequest,
        crate::einvoice::CreditNoteEInvoiceRequest,
        crate::einvoice::EInvoiceFile,
        crate::archive::ArchiveRequest,
        crate::archive::ArchiveResult,
        crate::payments::PaymentInput,
        crate::payments::PaymentListRequest,
        crate::payments::PaymentRow,
        crate::corrections::CreditNoteInput,
        crate::corrections::ReversalInput,
        crate::corrections::RefundInput,
        crate::corrections::CreditPartView,
        crate::corrections::CreditNoteView,
        crate::corrections::RefundView,
        crate::corrections::CorrectionOutcome,
        crate::corrections::CreditNotePdfRequest,
        crate::timeline::NoteInput,
        crate::followups::StageView,
        crate::followups::QueueRequest,
        crate::followups::QueueItem,
        crate::followups::QueuePage,
        crate::followups::MessageRequest,
        crate::followups::FindingView,
        crate::followups::MessagePreview,
        crate::followups::MarkDoneRequest,
        crate::followups::TemplateInput,
        crate::followups::TemplateView,
        crate::followups::LadderView,
        crate::followups::PaymentMethodsView,
        crate::followups::ClientLadderView,
        crate::letters::LettersRequest,
        crate::letters::LettersResult,
        crate::letters::LetterProblem,
        crate::letters::LetterBatchRequest,
        crate::documents::InvoicePdfRequest,
        crate::documents::PdfResult,
        crate::mail::SmtpSettingsView,
        crate::mail::SmtpSettingsInput,
        crate::database::TeamConnectInput,
        crate::database::DatabaseStatus,
        crate::moving::TableMovedView,
        crate::moving::MoveView,
        crate::member::MemberSettings,
        crate::mail::TestEmailResult,
        crate::outbox::QueueEmailsRequest,
        crate::outbox::SkippedView,
        crate::outbox::QueueEmailsResult,
        crate::outbox::SendProgress,
        crate::outbox::SendReport,
        crate::outbox::BackgroundSendProblem,
        crate::outbox::OutboxItem,
        crate::outbox::OutboxRequest,
        crate::outbox::OutboxSummary,
        crate::outbox::SendAllPreview,
        crate::due::QueueFilter,
        crate::today::QueueSummaryRequest,
        crate::today::QueueSummary,
        crate::today::QueueGroup,
        crate::today::ChannelCount,
        crate::today::StageCount,
        crate::today::ToneCount,
        crate::today::LanguageCount,
        crate::today::CurrencyCount,
        crate::today::LettersPreview,
        crate::outbox::OutboxActionRequest,
        crate::plans::InstallmentInput,
        crate::plans::PlanInput,
        crate::plans::ScheduleRow,
        crate::plans::SchedulePreview,
        crate::plans::InstallmentView,
        crate::plans::PlanView,
        crate::plans::AcceptInput,
        crate::plans::PlanListRequest,
        crate::plans::PlanQueueItem,
        crate::plans::PlanMessage,
        crate::plans::PlanReminderDone,
        crate::plans::PlanPdfRequest,
        crate::plans::PlanLetterResult,
        crate::statement::StatementRequest,
        crate::statement::StatementPdf,
        crate::statement::StatementEmail,
        crate::statement::StatementPrintedRequest,
        crate::interest::InterestSettings,
        crate::interest::InterestSettingsView,
        crate::interest::InterestRuleView,
        crate::interest::InterestLineView,
        crate::interest::InterestWorkingView,
        crate::interest::RateSeriesView,
        crate::interest::AddedRateView,
        crate::interest::InterestRatesView,
        crate::interest::AddRateInput,
        crate::interest::RemoveRateInput,
        crate::contacts::CallScriptView,
        crate::contacts::CallLogInput,
        crate::contacts::CallLogResult,
        crate::contacts::PromiseInput,
        crate::contacts::PromiseView,
        crate::contacts::PromiseFollowUp,
        crate::contacts::PromiseFollowUpDone,
        crate::contacts::FileInput,
        crate::contacts::ContactInput,
        crate::contacts::CorrectionInput,
        crate::contacts::TimelineRequest,
        crate::contacts::TimelineEntryView,
        crate::dossier::DossierRequest,
        crate::dossier::DossierFile,
        crate::dossier::DossierResult,
        crate::bank::BankImportRequest,
        crate::bank::BankCandidateView,
        crate::bank::BankEntryView,
        crate::bank::BankReasonView,
        crate::bank::BankNotRecordedView,
        crate::bank::BankImportResult,
        crate::bank::CsvMappingView,
        crate::bank::BankAllocation,
        crate::bank::BankResolveRequest,
        crate::bank::BankStatusView,
        crate::bank::BankReviewRequest,
        kindly_csv::FieldColumn,
        kindly_csv::Mapping,
        kindly_csv::Problem,
        crate::import::ImportDetectRequest,
        crate::import::ImportFieldInfo,
        crate::import::ImportProposal,
        crate::import::ImportRequest,
        crate::import::ImportReport,
        crate::export::ExportRequest,
        crate::export::ExportResult,
        crate::overview::OverviewRequest,
        crate::overview::InvoicesLink,
        crate::overview::PaymentsLink,
        crate::overview::OverviewView,
        crate::overview::CurrencyOverview,
        crate::overview::CountedAmount,
        crate::overview::AgingFigure,
        crate::overview::Dso,
        crate::overview::DaysToPay,
        crate::overview::ClientDaysToPay,
        crate::overview::CashIn,
        crate::overview::CashInWindow,
        crate::overview::StepFigure,
        crate::overview::MonthFigure,
        crate::overview::reports::AgingReportRow,
        crate::overview::reports::AgingReport,
        crate::overview::reports::CollectedRow,
        crate::overview::reports::CollectedReport,
        crate::overview::reports::SaveReportRequest,
        crate::overview::reports::SaveReportResult,
    );
    let mut s = String::from(
        "// Generated from the Rust types in crates/kindly-api by `bindings::typescript()`.\n\
         // Do not edit: run `cargo run -p kindly-cli -- dev write-bindings` after changing them.\n\n",
    );
    for d in vocab.into_iter().chain(decls) {
        s.push_str(&d);
        s.push_str("\n\n");
    }
    s.trim_end().to_string() + "\n"
}

/// Where the generated file lives, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/lib/bindings.ts";

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn bindings_are_fresh() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(BINDINGS_PATH);
        let want = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p kindly-api bindings` and commit the result",
            path.display()
        );
    }

    /// Every vocabulary declared in kindly-core (and every domain enum with
    /// the same derives) reaches the UI as a union and a value list; the UI's
    /// label catalogue is checked against those lists by vocabulary.test.ts.
    #[test]
    fn every_vocabulary_has_a_union_and_its_values() {
        let ts = typescript();
        let vocab = include_str!("../../kindly-core/src/vocab.rs");
        let declared: Vec<&str> = vocab
            .split("vocabulary! {")
            .skip(1)
            .filter_map(|block| block.split("pub enum ").nth(1))
            .filter_map(|rest| rest.split_whitespace().next())
            .collect();
        assert!(declared.len() >= 17, "read {declared:?}");
        for name in declared.iter().chain(["InvoiceState", "EventKind", "Channel", "Tone", "PageSize"].iter()) {
            assert!(ts.contains(&format!("export type {name} = \"")), "{name} has no union in the bindings");
            assert!(ts.contains(&format!("export const {name}Values: readonly {name}[]")), "{name} has no value list");
        }
    }

    #[test]
    fn money_never_crosses_as_a_number() {
        let ts = typescript();
        let start = ts.find("export type MoneyView").unwrap();
        let money = ts[start..].split("\n\nexport").next().unwrap();
        assert!(money.contains("amount: string"), "{money}");
    }
}

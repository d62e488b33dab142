//! CLI for contact with clients: calls (script, log), promises to pay,
//! inbound contact and corrections, the filtered timeline and the evidence
//! dossier. Kept apart from `cli.rs` so each feature's commands stay together.

use crate::output::Out;
use clap::Subcommand;
use kindly_api::contacts::{
    self, CallLogInput, ContactInput, CorrectionInput, PromiseFollowUpDone, PromiseInput, TimelineRequest,
};
use kindly_api::dossier::{self, DossierRequest};
use kindly_api::ErrorCode;
use kindly_api::{ApiError, Ctx};
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum CallsCmd {
    /// Show the number to call and the call script for an invoice.
    Script {
        #[arg(long)]
        invoice: i64,
    },
    /// Log a call: reached, voicemail, no-answer or wrong-number.
    Log {
        #[arg(long)]
        invoice: i64,
        #[arg(long, value_parser = crate::values::outcomes())]
        outcome: kindly_api::contacts::CallOutcome,
        #[arg(long, default_value = "")]
        notes: String,
        /// For voicemail / no answer: the day to try again (default tomorrow).
        #[arg(long, value_name = "DATE")]
        retry_on: Option<String>,
        /// The client promised to pay by this day.
        #[arg(long, value_name = "DATE")]
        promise_date: Option<String>,
        /// The promised amount (default: everything still owing).
        #[arg(long)]
        promise_amount: Option<String>,
        /// The client asked for a payment plan.
        #[arg(long)]
        plan: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum PromisesCmd {
    /// Record a promise given by e-mail, letter, call or in person.
    Add {
        #[arg(long)]
        invoice: i64,
        /// The promised day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        date: String,
        /// Default: everything still owing.
        #[arg(long, default_value = "")]
        amount: String,
        #[arg(long, value_parser = crate::values::promise_how())]
        how: kindly_core::vocab::AgreedHow,
    },
    /// List promises (kept, broken, open) of a client or an invoice.
    List {
        #[arg(long)]
        client: Option<i64>,
        #[arg(long)]
        invoice: Option<i64>,
    },
    /// Broken promises to follow up today, with the message.
    Due {
        #[arg(long)]
        client: Option<i64>,
    },
    /// Record that the follow-up about a broken promise was sent.
    FollowedUp {
        #[arg(long)]
        promise: i64,
        #[arg(long, value_parser = crate::values::channels())]
        channel: kindly_followup::ladder::Channel,
    },
}

#[derive(clap::Args, Debug)]
pub struct TimelineArgs {
    #[arg(long)]
    pub client: Option<i64>,
    #[arg(long)]
    pub invoice: Option<i64>,
    /// A kind to show (repeatable), e.g. call_logged, inbound_contact, note.
    #[arg(long = "kind", value_parser = crate::values::event_kinds())]
    pub kinds: Vec<String>,
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    #[arg(long, default_value_t = 500)]
    pub limit: i64,
    /// The next page: entries older than this entry id (the last one shown).
    #[arg(long, value_name = "ENTRY")]
    pub before: Option<i64>,
}

#[derive(clap::Args, Debug)]
pub struct DossierArgs {
    #[arg(long)]
    pub client: i64,
    #[arg(long)]
    pub invoice: Option<i64>,
    /// Folder to write into (default: the data folder's exports/).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Default: letter for English, A4 otherwise.
    #[arg(long, value_parser = crate::values::page_sizes(), ignore_case = true)]
    pub page_size: Option<kindly_pdf::PageSize>,
}

pub async fn calls(ctx: Ctx<'_>, o: &Out, cmd: CallsCmd) -> Result<String, ApiError> {
    match cmd {
        CallsCmd::Script { invoice } => o.value(&contacts::call_script(ctx, invoice).await?, |s| {
            let mut out = format!(
                "{} · invoice {} · {} still owing\nCall: {}\n\n",
                s.client_name,
                s.number,
                s.outstanding.formatted,
                s.phone.as_deref().unwrap_or("(no phone number)")
            );
            for l in &s.lines {
                let _ = writeln!(out, "  {l}");
            }
            out
        }),
        CallsCmd::Log { invoice, outcome, notes, retry_on, promise_date, promise_amount, plan } => {
            let input = CallLogInput {
                invoice_id: invoice,
                outcome,
                notes,
                retry_on,
                promise_date,
                promise_amount,
                plan_requested: plan,
            };
            o.value(&contacts::log_call(ctx, &input).await?, |r| format!("{}\n", r.message))
        }
    }
}

pub async fn promises(ctx: Ctx<'_>, o: &Out, cmd: PromisesCmd) -> Result<String, ApiError> {
    match cmd {
        PromisesCmd::Add { invoice, date, amount, how } => {
            let p = contacts::add_promise(ctx, &PromiseInput { invoice_id: invoice, promised_on: date, amount, how })
                .await?;
            o.value(&p, |p| format!("{} promise {}: {} by {}\n", p.outcome, p.id, p.amount.formatted, p.promised_on))
        }
        PromisesCmd::List { client, invoice } => {
            if client.is_none() && invoice.is_none() {
                return Err(ApiError::new(ErrorCode::Required, "Pass --client or --invoice.", Some("client")));
            }
            o.value(&contacts::list_promises(ctx, client, invoice).await?, |ps| {
                let mut out = String::new();
                for p in ps {
                    let _ = writeln!(
                        out,
                        "{:>5}  {}  {:<16} {:>14}  {:<9} {}",
                        p.id, p.promised_on, p.invoice_number, p.amount.formatted, p.how, p.outcome
                    );
                }
                out
            })
        }
        PromisesCmd::Due { client } => o.value(&contacts::promise_queue(ctx, client).await?, |items| {
            let mut out = String::new();
            for f in items {
                let _ = writeln!(
                    out,
                    "promise {} · {} · invoice {} · by {}\nSubject: {}\n\n{}\n",
                    f.promise.id, f.client_name, f.promise.invoice_number, f.channel, f.subject, f.body
                );
            }
            out
        }),
        PromisesCmd::FollowedUp { promise, channel } => {
            o.id(contacts::promise_follow_up_done(ctx, &PromiseFollowUpDone { promise_id: promise, channel }).await?)
        }
    }
}

/// `notes add` with a kind and an optional file.
pub async fn add_contact(
    ctx: Ctx<'_>,
    o: &Out,
    client: i64,
    invoice: Option<i64>,
    kind: kindly_core::vocab::ContactKind,
    text: String,
    file: Option<PathBuf>,
) -> Result<String, ApiError> {
    let input = ContactInput {
        client_id: client,
        invoice_id: invoice,
        kind,
        text,
        file_path: file.map(|f| f.display().to_string()),
        file: None,
    };
    o.id(contacts::log_contact(ctx, &input).await?)
}

pub async fn correct(ctx: Ctx<'_>, o: &Out, entry: i64, text: String) -> Result<String, ApiError> {
    o.id(contacts::correct_entry(ctx, &CorrectionInput { entry_id: entry, text }).await?)
}

pub async fn timeline(ctx: Ctx<'_>, o: &Out, a: TimelineArgs, utc_offset_minutes: i32) -> Result<String, ApiError> {
    let req = TimelineRequest {
        client_id: a.client,
        invoice_id: a.invoice,
        kinds: a.kinds,
        from: a.from,
        to: a.to,
        utc_offset_minutes,
        limit: a.limit,
        before_entry: a.before,
    };
    o.value(&contacts::timeline(ctx, &req).await?, |entries| {
        let mut out = String::new();
        for e in entries {
            let fix = e.refers_to.map(|r| format!(" (corrects #{r})")).unwrap_or_default();
            let _ = writeln!(out, "#{:<6} {}  {:<16} {}{fix}", e.id, e.at, e.kind, e.summary);
        }
        out
    })
}

pub async fn dossier(
    ctx: Ctx<'_>,
    o: &Out,
    fonts: &kindly_pdf::Fonts,
    a: DossierArgs,
    utc_offset_minutes: i32,
) -> Result<String, ApiError> {
    let req = DossierRequest {
        client_id: a.client,
        invoice_id: a.invoice,
        out_dir: a.out.map(|p| p.display().to_string()),
        utc_offset_minutes,
        page_size: a.page_size,
    };
    o.value(&dossier::export(ctx, fonts, &req).await?, |r| {
        let mut out =
            format!("{}\n{}\n{}\n{} entries, {} files\n", r.pdf_path, r.csv_path, r.zip_path, r.entries, r.files.len());
        for f in r.files.iter().filter(|f| f.status != "ok") {
            let _ = writeln!(out, "note: {} (entry #{}) is {}", f.name, f.entry_id, f.status);
        }
        out
    })
}

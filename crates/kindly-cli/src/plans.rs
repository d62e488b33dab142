//! `kindly plans …`: installment plans from the command line (preview,
//! propose, accept, cancel, renegotiate, list, show, reminders, PDF).

use clap::{Args as ClapArgs, Subcommand};
use kindly_api::plans::{
    self, AcceptInput, InstallmentInput, PlanInput, PlanListRequest, PlanMessage, PlanPdfRequest, PlanReminderDone,
    PlanView, SchedulePreview,
};
use kindly_api::ErrorCode;
use kindly_api::{ApiError, Ctx};
use kindly_followup::plan::schedule::Frequency;
use std::fmt::Write;

/// How the schedule is made (shared by preview, propose and renegotiate).
#[derive(ClapArgs, Debug, Clone, Default)]
pub struct ScheduleArgs {
    /// The invoice(s) the plan covers (one client, one currency); repeatable.
    #[arg(long = "invoice")]
    pub invoices: Vec<i64>,
    /// Number of installments (default 3).
    #[arg(long, default_value = "")]
    pub count: String,
    /// Or the amount of each installment (the last one is the rest).
    #[arg(long, default_value = "")]
    pub amount: String,
    /// custom: the dates given with --date.
    #[arg(long, default_value = "monthly", value_parser = crate::values::frequencies(), ignore_case = true)]
    pub frequency: kindly_followup::plan::schedule::Frequency,
    /// First installment (or down payment) date; default today.
    #[arg(long, default_value = "")]
    pub first_date: String,
    /// With --frequency custom: one date per installment, repeatable.
    #[arg(long = "date")]
    pub dates: Vec<String>,
    #[arg(long, default_value = "")]
    pub down_payment: String,
    /// An edited schedule instead: "YYYY-MM-DD;amount", repeatable.
    #[arg(long = "installment")]
    pub installments: Vec<String>,
    /// Days an installment may be late before the plan counts as broken (default 7).
    #[arg(long, default_value = "")]
    pub grace_days: String,
    /// Days before each installment that its heads-up comes, 0 to 30 (default 3).
    #[arg(long, default_value = "")]
    pub heads_up_days: String,
    /// Days after an unpaid installment that its reminder comes, 1 to 30 (default 2).
    #[arg(long, default_value = "")]
    pub reminder_days: String,
    #[arg(long, default_value = "")]
    pub note: String,
}

impl ScheduleArgs {
    fn input(&self) -> PlanInput {
        let installments = (!self.installments.is_empty()).then(|| {
            self.installments
                .iter()
                .map(|s| {
                    let mut p = s.splitn(2, ';');
                    InstallmentInput {
                        due_on: p.next().unwrap_or_default().to_string(),
                        amount: p.next().unwrap_or_default().to_string(),
                    }
                })
                .collect()
        });
        PlanInput {
            invoice_ids: self.invoices.clone(),
            count: self.count.clone(),
            installment_amount: self.amount.clone(),
            frequency: if installments.is_some() && self.frequency == Frequency::Monthly {
                Frequency::Custom
            } else {
                self.frequency
            },
            first_date: self.first_date.clone(),
            custom_dates: self.dates.clone(),
            down_payment: self.down_payment.clone(),
            grace_days: self.grace_days.clone(),
            heads_up_days: self.heads_up_days.clone(),
            reminder_days: self.reminder_days.clone(),
            installments,
            note: self.note.clone(),
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum PlansCmd {
    /// Show the schedule a plan would have (nothing is saved).
    Preview(ScheduleArgs),
    /// Propose a plan; prints it.
    Propose(ScheduleArgs),
    /// Record that the client agreed: the plan becomes active and the invoice reminders pause.
    Accept {
        id: i64,
        /// The day they agreed (default today).
        #[arg(long = "on", default_value = "")]
        agreed_on: String,
        #[arg(long, value_parser = crate::values::agreed_how(), ignore_case = true)]
        how: kindly_core::vocab::AgreedHow,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Cancel a plan; the invoice reminders resume.
    Cancel {
        id: i64,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Replace what is left of a plan with a new proposed schedule.
    Renegotiate {
        id: i64,
        #[command(flatten)]
        schedule: ScheduleArgs,
    },
    /// A client's or an invoice's plans.
    List {
        #[arg(long)]
        client: Option<i64>,
        #[arg(long)]
        invoice: Option<i64>,
    },
    /// One plan with each installment's paid and remaining amounts.
    Show { id: i64 },
    /// The installment reminder (or broken-plan notice) due today for a plan.
    Message { id: i64 },
    /// Record that today's installment reminder was sent.
    Done {
        id: i64,
        #[arg(long, value_parser = crate::values::channels())]
        channel: kindly_followup::ladder::Channel,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Print today's installment reminder as a letter (saved under letters/) and record it.
    Letter {
        id: i64,
        /// Default: letter for English, A4 otherwise.
        #[arg(long, value_parser = crate::values::page_sizes(), ignore_case = true)]
        page_size: Option<kindly_pdf::PageSize>,
        /// Print it (CUPS lp; KINDLY_PRINT_COMMAND overrides) and record it if the printer took it;
        /// without it the PDF is only saved.
        #[arg(long)]
        print: bool,
    },
    /// The proposal e-mail (subject and text) in the client's language.
    Email { id: i64 },
    /// Save the plan's agreement letter as a PDF under the data folder.
    Pdf {
        id: i64,
        /// Default: letter for English, A4 otherwise.
        #[arg(long, value_parser = crate::values::page_sizes(), ignore_case = true)]
        page_size: Option<kindly_pdf::PageSize>,
    },
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, ApiError> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot write JSON: {e}"), None))
}

fn out<T: serde::Serialize>(json: bool, v: &T, text: impl FnOnce(&T) -> String) -> Result<String, ApiError> {
    if json {
        to_json(v)
    } else {
        Ok(text(v))
    }
}

fn schedule_text(p: &SchedulePreview) -> String {
    let mut s = format!("Plan over {} for {}\n", p.balance.formatted, p.invoice_numbers.join(", "));
    for r in &p.installments {
        let _ = writeln!(s, "  {:>3}. {}  {:>14}", r.seq, r.due_on, r.amount.formatted);
    }
    let _ =
        writeln!(s, "  sum {}{}", p.sum.formatted, if p.sum_matches { "" } else { "  (does not match the balance)" });
    if let Some(e) = &p.problem {
        let _ = writeln!(s, "  {} [{}]", e.message, e.code);
    }
    let _ = writeln!(s, "{}", p.rule);
    s
}

fn plan_text(p: &PlanView) -> String {
    let mut s = format!(
        "Payment plan #{} for {} ({}): {}\n{}\n",
        p.id,
        p.client_name,
        p.invoice_numbers.join(", "),
        p.state,
        p.standing_text
    );
    let _ = writeln!(s, "total {}  paid {}  remaining {}", p.total.formatted, p.paid.formatted, p.remaining.formatted);
    if let (Some(on), Some(how)) = (&p.agreed_on, &p.agreed_how) {
        let _ = writeln!(s, "agreed on {on} ({how})");
    }
    for i in &p.installments {
        let _ = writeln!(
            s,
            "  {:>3}. {}  {:>14}  paid {:>14}  {}",
            i.seq, i.due_on, i.amount.formatted, i.paid.formatted, i.status
        );
    }
    s
}

fn message_text(m: &PlanMessage) -> String {
    format!("To: {}\nSubject: {}\n\n{}\n", m.recipient_email.clone().unwrap_or_default(), m.subject, m.body)
}

pub async fn run(ctx: Ctx<'_>, cmd: PlansCmd, json: bool) -> Result<String, ApiError> {
    match cmd {
        PlansCmd::Preview(a) => out(json, &plans::preview_schedule(ctx, &a.input()).await?, schedule_text),
        PlansCmd::Propose(a) => out(json, &plans::propose(ctx, &a.input()).await?, plan_text),
        PlansCmd::Accept { id, agreed_on, how, note } => {
            out(json, &plans::accept(ctx, &AcceptInput { plan_id: id, agreed_on, how, note }).await?, plan_text)
        }
        PlansCmd::Cancel { id, reason } => out(json, &plans::cancel(ctx, id, &reason).await?, plan_text),
        PlansCmd::Renegotiate { id, schedule } => {
            out(json, &plans::renegotiate(ctx, id, &schedule.input()).await?, plan_text)
        }
        PlansCmd::List { client, invoice } => {
            let v = plans::list(ctx, &PlanListRequest { client_id: client, invoice_id: invoice }).await?;
            out(json, &v, |v| {
                let mut s = format!("{} plan(s)\n", v.len());
                for p in v {
                    let _ = writeln!(
                        s,
                        "{:>7}  {:<13} {:<34} total {:<14} remaining {}",
                        p.id,
                        p.state,
                        p.invoice_numbers.join(", "),
                        p.total.formatted,
                        p.remaining.formatted
                    );
                }
                s
            })
        }
        PlansCmd::Show { id } => out(json, &plans::get(ctx, id).await?, plan_text),
        PlansCmd::Message { id } => out(json, &plans::reminder_message(ctx, id).await?, message_text),
        PlansCmd::Done { id, channel, note } => {
            let rid = plans::reminder_done(ctx, &PlanReminderDone { plan_id: id, channel, note }).await?;
            out(json, &serde_json::json!({ "id": rid }), |_| format!("{rid}\n"))
        }
        PlansCmd::Letter { id, page_size, print } => {
            let fonts = kindly_pdf::Fonts::load().map_err(ApiError::from)?;
            let printer = kindly_api::print::Printer::from_env();
            let r = plans::reminder_letter(ctx, &fonts, &printer, &PlanPdfRequest { plan_id: id, page_size, print })
                .await?;
            out(json, &r, |r| format!("{} ({})\n", r.path, r.print_state.as_str().replace('_', " ")))
        }
        PlansCmd::Email { id } => out(json, &plans::proposal_email(ctx, id).await?, message_text),
        PlansCmd::Pdf { id, page_size } => {
            let fonts = kindly_pdf::Fonts::load().map_err(ApiError::from)?;
            let r = plans::plan_pdf(ctx, &fonts, &PlanPdfRequest { plan_id: id, page_size, print: false }).await?;
            out(json, &r, |r| format!("{}\n", r.path))
        }
    }
}

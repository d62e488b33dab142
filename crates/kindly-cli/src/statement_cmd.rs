//! `kindly statement --client ID`: a client's statement of account. Without
//! `--email` or `--print` it makes the PDF (kept under the data folder, and
//! copied to `--out FILE` when given); `--email` queues it in the outbox
//! (once a day per client; `kindly emails send` sends it); `--print` prints
//! it and records it once the printer took it.

use crate::output::Out;
use clap::Args;
use kindly_api::print::Printer;
use kindly_api::statement::{self, StatementEmail, StatementPdf, StatementPrintedRequest, StatementRequest};
use kindly_api::{ApiError, Ctx};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct StatementArgs {
    /// The client's id.
    #[arg(long)]
    client: i64,
    /// Also write the PDF here (the kept copy stays in the data folder).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Default: letter for English, A4 otherwise.
    #[arg(long = "paper", alias = "page-size", value_parser = crate::values::page_sizes(), ignore_case = true)]
    paper: Option<kindly_pdf::PageSize>,
    /// Queue it by e-mail, the PDF attached (once a day per client).
    #[arg(long, conflicts_with = "print")]
    email: bool,
    /// Print it (CUPS lp; KINDLY_PRINT_COMMAND overrides) and record it once the printer took it.
    #[arg(long)]
    print: bool,
    /// Record a statement opened in the PDF viewer as printed (its path, as printed before).
    #[arg(long, value_name = "PDF", conflicts_with_all = ["email", "print", "out"])]
    confirm_printed: Option<String>,
}

pub async fn run(ctx: Ctx<'_>, a: StatementArgs, o: &Out) -> Result<String, ApiError> {
    let req = StatementRequest { client_id: a.client, page_size: a.paper };
    if let Some(path) = a.confirm_printed {
        let id =
            statement::confirm_statement_printed(ctx, &StatementPrintedRequest { client_id: a.client, path }).await?;
        return o.value(&serde_json::json!({ "timeline_entry": id }), |_| "recorded as printed\n".into());
    }
    if a.email {
        let fonts = crate::cli::fonts()?;
        let r = statement::email_statement(ctx, &fonts, &req).await?;
        return o.value(&r, email_text);
    }
    let fonts = crate::cli::fonts()?;
    let r = if a.print {
        statement::print_statement(ctx, &fonts, &Printer::from_env(), &req).await?
    } else {
        statement::statement_pdf(ctx, &fonts, &req).await?
    };
    if let Some(out) = &a.out {
        kindly_api::contacts::save_kept_copy(ctx, &r.path, &out.display().to_string()).await?;
    }
    o.value(&r, |r| pdf_text(r, a.out.as_ref()))
}

fn balances(b: &[kindly_api::views::MoneyView]) -> String {
    b.iter().map(|m| m.formatted.as_str()).collect::<Vec<_>>().join(" · ")
}

fn pdf_text(r: &StatementPdf, out: Option<&PathBuf>) -> String {
    let mut t = format!(
        "statement of {} open invoice(s), balance {}\nsaved to {}\nsha256 {}\n",
        r.invoices,
        balances(&r.balances),
        r.path,
        r.sha256
    );
    if let Some(out) = out {
        t.push_str(&format!("copied to {}\n", out.display()));
    }
    match r.print_state.as_str() {
        "printed" => t.push_str(&crate::cli::printed_line(r.printed_with.as_deref(), r.job_id.as_deref())),
        "awaiting_confirmation" => t.push_str(&format!(
            "opened in the PDF viewer; once printed, record it with `kindly statement --client <id> --confirm-printed {}`\n",
            r.path
        )),
        _ => {}
    }
    t
}

fn email_text(r: &StatementEmail) -> String {
    let how = if r.newly_queued { "queued" } else { "already in the outbox today" };
    format!(
        "statement e-mail {how} (outbox #{}, {}) to {}\nbalance {}\nsend it with `kindly emails send`\n",
        r.outbox_id,
        r.state,
        r.to.join(", "),
        balances(&r.balances)
    )
}

//! Today's letters: one PDF of every letter due (one letter per client,
//! bundling that client's invoices), saved under a name never used before,
//! and recorded only for what really happened.
//!
//! - Saving or previewing the PDF records nothing: a PDF is not a letter sent.
//! - Printing makes a *batch*. It counts as sent (ladder step done, timeline
//!   entry with the PDF's SHA-256 and the letter's pages) only when the print
//!   command reports success (`lp` and its job id), or, where only a PDF
//!   viewer could be opened, when the user confirms it printed.
//! - Otherwise the letters are "made, not printed": they stay in Today with
//!   the reason, and can be printed again from the same file.
//! - A letter that cannot be laid out is left out and named with the reason;
//!   the others print. A character no font has is drawn as a placeholder and
//!   named, so no client is ever impossible to write to.

use crate::documents::{data_dir, page_size, reminder_letter, sender};
use crate::files::{sha256_hex, stamped};
use crate::followups::{self, MessageRequest};
use crate::print::{PrintOutcome, Printer};
use crate::{ApiError, ApiResult, Ctx};
use kindly_core::vocab::{Correspondence, LetterState, PrintState};
use kindly_core::ErrorCode;
use kindly_followup::ladder::{Channel, Stage, Tone};
use kindly_followup::queue::{for_invoice, proposed_stage};
use kindly_pdf::PageSize;
use kindly_pdf::{DocMeta, Fonts};
use kindly_store::{batch_state, BatchItem, DoneStep, InvoiceRecord, NewEvent, NewLetterBatch};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct LettersRequest {
    /// The invoices to write to; empty means every letter due today.
    #[serde(default)]
    pub invoice_ids: Vec<i64>,
    /// "a4" (DIN 5008 form B) or "letter" (US #10 window).
    #[serde(default)]
    pub page_size: Option<PageSize>,
    /// Print (CUPS `lp`, else the PDF viewer) and record what printed.
    /// Without it the PDF is only saved, and nothing is recorded.
    #[serde(default)]
    pub print: bool,
    /// For today's letters: the number the user confirmed. When today's
    /// letters are no longer that many, nothing is made (`count_changed`).
    #[serde(default)]
    pub expected_letters: Option<i64>,
}

/// A letter that was left out of the batch, or drawn with a placeholder.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LetterProblem {
    pub client_id: i64,
    pub client_name: String,
    pub invoice_numbers: Vec<String>,
    /// What went wrong and what to do about it (English, with the specifics).
    pub reason: String,
    /// The same by its code, which the UI words in its own language.
    pub code: ErrorCode,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LettersResult {
    /// Where the PDF was saved (a new file every time).
    pub path: String,
    /// Letters in the PDF.
    pub letters: i64,
    pub sha256: String,
    /// The print batch, when printing was asked.
    pub batch_id: Option<i64>,
    /// "saved" (not printed, nothing recorded), "printed", "awaiting_confirmation"
    /// (opened in the PDF viewer: the user says whether it printed) or "not_printed".
    pub print_state: PrintState,
    /// The command the PDF was handed to ("lp", "xdg-open", …).
    pub printed_with: Option<String>,
    /// The printer's job id (`lp`: "request id is …").
    pub job_id: Option<String>,
    /// Why it did not print, and what to do.
    pub print_error: Option<String>,
    /// Letters that could not be laid out: left out, with the reason and the fix.
    pub left_out: Vec<LetterProblem>,
    /// Letters with characters no installed font has (drawn as a placeholder).
    pub placeholders: Vec<LetterProblem>,
}

/// The user's word on a batch that only a PDF viewer could show, or a
/// request to print a batch again.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LetterBatchRequest {
    pub batch_id: i64,
    /// For a confirmation: whether the letters printed.
    #[serde(default)]
    pub printed: bool,
}

struct Planned {
    client_id: i64,
    client_name: String,
    invoices: Vec<InvoiceRecord>,
    msg: followups::MessagePreview,
}

/// Makes today's letters (or the letters of the invoices asked for) and,
/// if asked, prints them and records what printed.
pub async fn generate_letters(
    ctx: Ctx<'_>,
    fonts: &Fonts,
    printer: &Printer,
    req: &LettersRequest,
) -> ApiResult<LettersResult> {
    crate::business::require(ctx, Correspondence::Letter).await?;
    let settings = ctx.store.settings().await?;
    let page = page_size(req.page_size, settings.locale);
    let ids: Vec<i64> = if req.invoice_ids.is_empty() {
        let due = due_letters(ctx).await?;
        let clients: std::collections::HashSet<i64> = due.iter().map(|(_, client)| *client).collect();
        crate::due::check_expected(req.expected_letters, clients.len() as i64, "letters")?;
        due.into_iter().map(|(invoice, _)| invoice).collect()
    } else {
        req.invoice_ids.clone()
    };
    if ids.is_empty() {
        return Err(ApiError::new(ErrorCode::NothingToPrint, "No letters are due today.", None));
    }
    let mut by_client: BTreeMap<i64, Vec<InvoiceRecord>> = BTreeMap::new();
    for id in &ids {
        let inv = ctx.store.invoice(*id).await?;
        by_client.entry(inv.client_id).or_default().push(inv);
    }
    let from = sender(ctx).await?;
    let mut docs = Vec::new();
    let mut planned = Vec::new();
    for (client_id, invoices) in by_client {
        let client = ctx.store.client(client_id).await?;
        let invoice_ids: Vec<i64> = invoices.iter().map(|i| i.id).collect();
        let msg = followups::preview(ctx, &MessageRequest { invoice_ids, ..Default::default() }).await?;
        let einvoice = crate::einvoice::format_of(ctx.store.client_einvoice(client_id).await?.format);
        docs.push(reminder_letter(ctx, page, &from, &client, &invoices, &msg, einvoice));
        planned.push(Planned { client_id, client_name: client.details.display_name.clone(), invoices, msg });
    }
    let meta = DocMeta::new(format!("Letters {}", ctx.today), from.party.name.clone(), ctx.now.naive_utc());
    let batch = kindly_pdf::render_letter_batch(fonts, &docs, &meta).map_err(ApiError::from)?;
    let problem = |i: usize, reason: String, code: ErrorCode| LetterProblem {
        client_id: planned[i].client_id,
        client_name: planned[i].client_name.clone(),
        invoice_numbers: planned[i].msg.invoice_numbers.clone(),
        reason,
        code,
    };
    let left_out: Vec<LetterProblem> =
        batch.failed.iter().map(|f| problem(f.index, letter_fix(&f.error), f.error.code())).collect();
    let mut placeholders: Vec<LetterProblem> = Vec::new();
    for p in &batch.placeholders {
        let reason = format!(
            "{:?} (U+{:04X}) in the {} is printed as a placeholder: no font on this computer has it. {}",
            p.ch,
            u32::from(p.ch),
            p.field,
            FONT_ADVICE
        );
        match placeholders.iter_mut().find(|x| x.client_id == planned[p.index].client_id) {
            Some(x) if !x.reason.contains(&format!("U+{:04X}", u32::from(p.ch))) => {
                x.reason.push(' ');
                x.reason.push_str(&reason);
            }
            Some(_) => {}
            None => placeholders.push(problem(p.index, reason, ErrorCode::PdfMissingGlyph)),
        }
    }
    let Some(bytes) = batch.bytes else {
        let names: Vec<String> = left_out.iter().map(|p| format!("{}: {}", p.client_name, p.reason)).collect();
        return Err(ApiError::new(
            ErrorCode::LettersNotDrawn,
            format!("No letter could be laid out. {}", names.join(" ")),
            None,
        ));
    };
    let sha = sha256_hex(&bytes);
    let path = crate::files::keep_new(ctx, "letters", &stamped(ctx, "letters"), "pdf", &bytes).await?;
    let mut result = LettersResult {
        path: path.display().to_string(),
        letters: batch.rendered.len() as i64,
        sha256: sha.clone(),
        batch_id: None,
        print_state: PrintState::Saved,
        printed_with: None,
        job_id: None,
        print_error: None,
        left_out,
        placeholders,
    };
    if !req.print {
        return Ok(result);
    }

    // The batch and its letters, recorded as made before the printer is asked.
    let ladders = crate::due::Ladders::load(ctx).await?;
    let mut items = Vec::new();
    for (k, &i) in batch.rendered.iter().enumerate() {
        let p = &planned[i];
        let (first_page, last_page) = batch.pages.get(k).copied().unwrap_or((0, 0));
        let ladder = ladders.get(ctx.store.client_ladder_id(p.client_id).await?);
        for inv in &p.invoices {
            let done = ctx.store.last_done_offset(inv.id).await?;
            // Once a plan was proposed the offer stage is skipped (the queue's rule).
            let ladder = for_invoice(ladder, ctx.store.plan_proposed(inv.id).await?);
            let stage = proposed_stage(&ladder, inv.due_date, ctx.today, done);
            items.push(BatchItem {
                invoice_id: inv.id,
                client_id: p.client_id,
                stage_key: stage.map(|s| s.key.clone()),
                stage_offset: stage.map(|s| s.offset_days),
                first_page: first_page as i64,
                last_page: last_page as i64,
                subject: p.msg.subject.clone(),
                body: p.msg.body.clone(),
                invoice_numbers: serde_json::to_string(&p.msg.invoice_numbers).unwrap_or_default(),
            });
        }
    }
    let rel = path.strip_prefix(data_dir(ctx)).unwrap_or(&path).display().to_string();
    let batch_id =
        ctx.store.create_letter_batch(&NewLetterBatch { pdf_path: &rel, sha256: &sha, items: &items }, ctx.now).await?;
    result.batch_id = Some(batch_id);
    let outcome = printer.print(&path);
    apply_outcome(ctx, batch_id, &outcome, &mut result).await?;
    Ok(result)
}

/// Hands a batch that did not print to the printer again (the same file,
/// checked against its recorded SHA-256 first).
pub async fn retry_letters(ctx: Ctx<'_>, printer: &Printer, req: &LetterBatchRequest) -> ApiResult<LettersResult> {
    let b = ctx.store.letter_batch(req.batch_id).await?;
    if b.state == LetterState::Printed {
        return Err(ApiError::new(ErrorCode::AlreadyPrinted, "These letters were already printed and recorded.", None));
    }
    crate::files::fetch_kept(ctx, &b.pdf_path).await?;
    let path = crate::contacts::kept_file_path(&data_dir(ctx), &b.pdf_path)?;
    let bytes = std::fs::read(&path).map_err(|e| crate::files::io_error("read", &path, &e))?;
    if sha256_hex(&bytes) != b.sha256 {
        return Err(ApiError::new(
            ErrorCode::LettersChanged,
            format!(
                "{} changed since it was made, so it is not printed as these letters; print today's letters again.",
                path.display()
            ),
            None,
        ));
    }
    let mut result = batch_result(&b, &path);
    let outcome = printer.print(&path);
    apply_outcome(ctx, b.id, &outcome, &mut result).await?;
    Ok(result)
}

/// The user's answer for letters opened in the PDF viewer: printed (they
/// are recorded as sent now) or not (they stay in Today).
pub async fn confirm_letters(ctx: Ctx<'_>, req: &LetterBatchRequest) -> ApiResult<LettersResult> {
    let b = ctx.store.letter_batch(req.batch_id).await?;
    let path = data_dir(ctx).join(&b.pdf_path);
    let mut result = batch_result(&b, &path);
    let outcome = if req.printed {
        PrintOutcome::Printed { command: format!("{} (confirmed by you)", b.command), job_id: None }
    } else {
        PrintOutcome::Failed { command: b.command.clone(), reason: "You said the letters did not print.".into() }
    };
    apply_outcome(ctx, b.id, &outcome, &mut result).await?;
    Ok(result)
}

fn batch_result(b: &kindly_store::LetterBatch, path: &std::path::Path) -> LettersResult {
    let mut clients: Vec<i64> = b.items.iter().map(|i| i.client_id).collect();
    clients.dedup();
    LettersResult {
        path: path.display().to_string(),
        letters: clients.len() as i64,
        sha256: b.sha256.clone(),
        batch_id: Some(b.id),
        print_state: match b.state {
            LetterState::Printed => PrintState::Printed,
            LetterState::AwaitingConfirmation => PrintState::AwaitingConfirmation,
            LetterState::NotPrinted => PrintState::NotPrinted,
            LetterState::Made => PrintState::Saved,
        },
        printed_with: Some(b.command.clone()).filter(|c| !c.is_empty()),
        job_id: b.job_id.clone(),
        print_error: Some(b.reason.clone()).filter(|r| !r.is_empty()),
        left_out: Vec::new(),
        placeholders: Vec::new(),
    }
}

async fn apply_outcome(
    ctx: Ctx<'_>,
    batch_id: i64,
    outcome: &PrintOutcome,
    result: &mut LettersResult,
) -> ApiResult<()> {
    match outcome {
        PrintOutcome::Printed { command, job_id } => {
            record_printed(ctx, batch_id, command, job_id.as_deref()).await?;
            tracing::info!(batch_id, command = %command, job_id = ?job_id, "letters printed and recorded");
            result.print_state = PrintState::Printed;
            result.printed_with = Some(command.clone());
            result.job_id = job_id.clone();
            result.print_error = None;
        }
        PrintOutcome::Opened { command } => {
            let state = batch_state::AWAITING_CONFIRMATION;
            ctx.store.set_letter_batch_state(batch_id, state, "", command, ctx.now).await?;
            tracing::info!(batch_id, command = %command, "letters opened in the PDF viewer, awaiting confirmation");
            result.print_state = PrintState::AwaitingConfirmation;
            result.printed_with = Some(command.clone());
        }
        PrintOutcome::Failed { command, reason } => {
            ctx.store.set_letter_batch_state(batch_id, batch_state::NOT_PRINTED, reason, command, ctx.now).await?;
            tracing::warn!(batch_id, command = %command, reason = %reason, "letters not printed");
            result.print_state = PrintState::NotPrinted;
            result.printed_with = Some(command.clone()).filter(|c| !c.is_empty());
            result.print_error = Some(reason.clone());
        }
    }
    Ok(())
}

/// The batch printed: each letter's ladder step (or, outside the ladder, a
/// timeline note) with the PDF's hash, its pages and the job id, in one
/// transaction with the batch's state.
async fn record_printed(ctx: Ctx<'_>, batch_id: i64, command: &str, job_id: Option<&str>) -> ApiResult<()> {
    let b = ctx.store.letter_batch(batch_id).await?;
    let ladders = crate::due::Ladders::load(ctx).await?;
    let mut stages: Vec<(usize, Stage)> = Vec::new();
    for (k, item) in b.items.iter().enumerate() {
        let (Some(key), Some(offset)) = (&item.stage_key, item.stage_offset) else { continue };
        let ladder = ladders.get(ctx.store.client_ladder_id(item.client_id).await?);
        let stage = ladder.stage(key).cloned().unwrap_or_else(|| Stage {
            key: key.clone(),
            name: key.clone(),
            offset_days: offset,
            tone: Tone::Friendly,
            channel: Channel::Letter,
        });
        stages.push((k, stage));
    }
    let mut summaries = Vec::new();
    let mut datas = Vec::new();
    for item in &b.items {
        let numbers: Vec<String> = serde_json::from_str(&item.invoice_numbers).unwrap_or_default();
        let stage_name = stages
            .iter()
            .find(|(k, _)| b.items.get(*k).is_some_and(|i| i.invoice_id == item.invoice_id))
            .map(|(_, s)| s.name.clone());
        summaries.push(match &stage_name {
            Some(n) => format!("Letter printed: {n} for invoice {}", numbers.join(", ")),
            None => format!("Letter printed for invoice {}", numbers.join(", ")),
        });
        datas.push(serde_json::json!({
            "channel": "letter", "subject": item.subject, "body": item.body, "invoices": numbers,
            "pdf": b.pdf_path, "sha256": b.sha256, "pages": [item.first_page, item.last_page],
            "printed_with": command, "job_id": job_id, "batch_id": b.id,
            "files": [{ "kind": "pdf", "path": b.pdf_path, "sha256": b.sha256,
                        "name": std::path::Path::new(&b.pdf_path).file_name().map(|n| n.to_string_lossy().into_owned()) }],
        }));
    }
    let mut steps = Vec::new();
    let mut notes = Vec::new();
    for (k, item) in b.items.iter().enumerate() {
        match stages.iter().find(|(j, _)| *j == k) {
            Some((_, stage)) => steps.push(DoneStep {
                invoice_id: item.invoice_id,
                stage,
                channel: Channel::Letter,
                summary: &summaries[k],
                data: datas[k].clone(),
                document_sha256: Some(&b.sha256),
            }),
            None => notes.push(NewEvent {
                client_id: item.client_id,
                invoice_id: Some(item.invoice_id),
                at: ctx.now,
                kind: kindly_core::timeline::EventKind::Note,
                summary: &summaries[k],
                data: datas[k].clone(),
            }),
        }
    }
    match ctx.store.letter_batch_printed(batch_id, command, job_id, &steps, &notes, ctx.today, ctx.now).await {
        Ok(()) => Ok(()),
        Err(kindly_store::StoreError::AlreadyDone) => {
            Err(ApiError::new(ErrorCode::AlreadyPrinted, "These letters were already printed and recorded.", None))
        }
        Err(e) => {
            // The printer took the letters: say so with the reason the record refused them.
            let e = ApiError::from(e);
            Err(ApiError::new(
                e.code,
                format!("The letters printed ({command}), but could not be recorded: {}", e.message),
                None,
            ))
        }
    }
}

const FONT_ADVICE: &str = "Install a font that covers it (on Linux the packages fonts-noto-core and \
                           fonts-noto-cjk cover most scripts) or correct the client's details.";

/// The reason a letter could not be laid out, with what to do.
fn letter_fix(e: &kindly_pdf::PdfError) -> String {
    match e {
        kindly_pdf::PdfError::DoesNotFit { .. } => {
            format!("{e}. Shorten the client's postal address (at most 6 lines fit in the envelope window).")
        }
        _ => format!("{e}."),
    }
}

/// Every invoice whose step due today goes out by letter.
/// Today's letters: each invoice whose step today goes by post, with its
/// client (one letter per client).
pub(crate) async fn due_letters(ctx: Ctx<'_>) -> ApiResult<Vec<(i64, i64)>> {
    crate::due::prepare_today(ctx).await?;
    Ok(crate::due::due_steps(ctx)
        .await?
        .iter()
        .filter(|s| s.channel == Channel::Letter)
        .map(|s| (s.row.invoice_id, s.row.client_id))
        .collect())
}

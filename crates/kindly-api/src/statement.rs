//! The statement of account for one client: a PDF in the client's language
//! (letterhead and window address like the reminder letters) listing, per
//! currency, the open invoices, the payments received since the oldest of
//! them was issued, and the balance; the ways to pay, and the EPC payment
//! QR code when the balance is in euros and a bank account (IBAN) is set.
//!
//! - **Make**: saved under `<data dir>/statements/` with its SHA-256 and
//!   returned for the UI's SavedFile. Records nothing (a PDF is not a
//!   statement sent).
//! - **E-mail**: the PDF attached to a short courteous message stating the
//!   balance per currency, queued in the outbox (bytes and Message-ID
//!   written before anything is sent; the background sender or `kindly
//!   emails send` sends it). At most one a day per client: asking again the
//!   same day returns the message already queued or sent (the stage key
//!   `statement:<client>:<day>` and a unique index; withdrawing it allows a
//!   new one). Sending records a `statement_sent` contact.
//! - **Print**: through the [`Printer`], as letters are; recorded
//!   (`statement_printed`, with the PDF's SHA-256 and the job id) only when
//!   the printer took it, or when the user confirms what a PDF viewer printed.
//!
//! A client who owes nothing gets `nothing_owing`, not an empty statement:
//! Kindly writes to clients about money still open, and a "you owe nothing"
//! letter sent by mistake is worse than none. Nothing leaves without a
//! sender and a way to pay (`business::require`: paper also needs the
//! postal address). Amounts in different currencies are never added.

use crate::documents::{data_dir, file_safe, format_reference, labels, page_size, recipient, sender, sha256_hex};
use crate::files::stamped;
use crate::outbox::{enqueue, needs_email, Letter};
use crate::print::{Handed, Printer};
use crate::views::MoneyView;
use crate::{mail, ApiError, ApiResult, Ctx};
use kindly_core::invoice::days_overdue;
use kindly_core::locale::Locale;
use kindly_core::vocab::{Correspondence, OutboxState, PrintState};
use kindly_core::{Currency, ErrorCode, Money};
use kindly_followup::epc;
use kindly_followup::ladder::{Channel, Stage, Tone};
use kindly_followup::statement::{statement_email, words, StatementFacts};
use kindly_mail::compose::FileAttachment;
use kindly_pdf::{DocMeta, Fonts, LetterDoc, PageSize, Qr, StatementDoc, StatementNote, StatementSection, Table};
use kindly_store::{statement_key, EmailPurpose, StatementInvoice};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct StatementRequest {
    pub client_id: i64,
    /// "a4" or "letter"; blank: the default for the user's language.
    #[serde(default)]
    pub page_size: Option<PageSize>,
}

/// The statement made (and, when printing, what the printer said).
#[derive(Debug, Clone, Serialize, TS)]
pub struct StatementPdf {
    /// Where it was saved (a new file every time).
    pub path: String,
    pub sha256: String,
    pub bytes: i64,
    /// Open invoices listed.
    pub invoices: i64,
    /// The balance in each currency (never added together).
    pub balances: Vec<MoneyView>,
    /// "saved" (made, nothing recorded), "printed", "awaiting_confirmation"
    /// (opened in the PDF viewer: confirm with `confirm_statement_printed`).
    pub print_state: PrintState,
    pub printed_with: Option<String>,
    pub job_id: Option<String>,
}

/// The statement e-mail in the outbox.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StatementEmail {
    pub outbox_id: i64,
    /// Its state now (a repeat the same day finds the first one, perhaps sent).
    pub state: OutboxState,
    /// False when a statement for this client was already queued or sent today.
    pub newly_queued: bool,
    pub to: Vec<String>,
    pub subject: String,
    pub balances: Vec<MoneyView>,
}

/// The user's word on a statement that only a PDF viewer could show.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StatementPrintedRequest {
    pub client_id: i64,
    /// The statement's path as `print_statement` returned it.
    pub path: String,
}

/// A rendered statement and what it says.
struct Rendered {
    client: kindly_store::ClientRecord,
    lang: Locale,
    invoices: Vec<StatementInvoice>,
    balances: Vec<Money>,
    file_name: String,
    bytes: Vec<u8>,
}

/// Open invoices grouped by currency (the store reads them by currency).
fn by_currency(open: &[StatementInvoice]) -> Vec<(Currency, &[StatementInvoice])> {
    open.chunk_by(|a, b| a.currency == b.currency).filter_map(|c| c.first().map(|f| (f.currency, c))).collect()
}

/// The statement's PDF for the client, with no record and no file written.
async fn render(ctx: Ctx<'_>, fonts: &Fonts, client_id: i64, page: Option<PageSize>) -> ApiResult<Rendered> {
    let client = ctx.store.client(client_id).await?;
    let open = ctx.store.statement_invoices(client_id).await?;
    if open.is_empty() {
        return Err(ApiError::new(
            ErrorCode::NothingOwing,
            format!(
                "{} owes nothing: no invoice of theirs is open, so there is no statement of account to make.",
                client.details.display_name
            ),
            Some("client_id"),
        ));
    }
    let settings = ctx.store.settings().await?;
    let lang = client.details.language;
    let (w, l) = (words(lang), labels(lang));
    let short = |d| lang.format_date_short(d);
    let from = sender(ctx).await?;
    let pay = crate::plans::reminders::pay(ctx, lang).await?;
    let pm = ctx.store.payment_methods().await?;

    let mut sections = Vec::new();
    let mut balances = Vec::new();
    for (cur, invoices) in by_currency(&open) {
        let fmt = |minor: i64| Money::new(minor, cur).format(lang);
        // Credit notes get their own column when there are any: "Paid" is
        // money received, and the row still adds up.
        let credits = invoices.iter().any(|i| i.credited_minor > 0);
        let rows = invoices
            .iter()
            .map(|i| {
                let late = days_overdue(i.due_date, ctx.today);
                let row = vec![
                    i.number.clone(),
                    short(i.issue_date),
                    short(i.due_date),
                    fmt(i.total_minor),
                    fmt(i.paid_minor - i.credited_minor),
                    i.owing().format(lang),
                    if late > 0 { late.to_string() } else { "–".into() },
                ];
                with_credits(row, credits.then(|| fmt(i.credited_minor)))
            })
            .collect();
        let owing: i64 = invoices.iter().map(|i| i.owing().minor).sum();
        let since = invoices.iter().map(|i| i.issue_date).min().unwrap_or(ctx.today);
        let payments = ctx.store.statement_payments(client_id, cur, since).await?;
        let received: i64 = payments.iter().map(|p| p.amount.minor).sum();
        let balance = Money::new(owing, cur);
        // What the law allows on each late invoice, when the client has it on: stated, never added.
        let mut interest = Vec::new();
        for i in invoices {
            let text = crate::interest::document_text(ctx, client_id, i.id, lang, ctx.today).await?;
            if let Some((paragraph, working)) = text.split_first() {
                let paragraph = format!("{} {}: {paragraph}", l.invoice, i.number);
                interest.push(StatementNote { paragraph, working: working.to_vec() });
            }
        }
        let blank = String::new;
        sections.push(StatementSection {
            heading: w.open_invoices_in(cur.code()),
            invoices: Table {
                headers: with_credits(
                    vec![
                        l.invoice.into(),
                        l.issued.into(),
                        l.due.into(),
                        l.total.into(),
                        l.paid.into(),
                        l.owing.into(),
                        w.days_overdue.into(),
                    ],
                    credits.then(|| w.credited.into()),
                ),
                rows,
                right_align: if credits { vec![3, 4, 5, 6, 7] } else { vec![3, 4, 5, 6] },
                total: Some(with_credits(
                    vec![blank(), blank(), l.total_owing.into(), blank(), blank(), fmt(owing), blank()],
                    credits.then(blank),
                )),
            },
            payments_heading: w.payments_since(&lang.format_date(since)),
            payments: Table {
                headers: vec![w.payment_date.into(), l.invoice.into(), w.method.into(), l.amount.into()],
                rows: payments
                    .iter()
                    .map(|p| {
                        let method = match &p.reference {
                            Some(r) if !r.trim().is_empty() => format!("{} · {r}", w.method_word(p.method)),
                            _ => w.method_word(p.method).to_string(),
                        };
                        vec![short(p.paid_on), p.invoice_number.clone(), method, p.amount.format(lang)]
                    })
                    .collect(),
                right_align: vec![3],
                total: Some(vec![blank(), blank(), w.total_received.into(), fmt(received)]),
            },
            no_payments: w.no_payments.into(),
            balance: w.balance_in(cur.code(), &balance.format(lang)),
            interest,
        });
        balances.push(balance);
    }

    // The reference to quote when paying: the invoice's creditor reference
    // when there is one invoice, else the invoice numbers (when they fit).
    let numbers = open.iter().map(|i| i.number.as_str()).collect::<Vec<_>>().join(", ");
    let single_rf = match open.as_slice() {
        [one] => one.creditor_reference.clone(),
        _ => None,
    };
    let reference =
        single_rf.as_deref().map(format_reference).or_else(|| (numbers.len() <= 140).then(|| numbers.clone()));
    let eur: Vec<&StatementInvoice> = open.iter().filter(|i| i.currency.code() == "EUR").collect();
    let eur_owing = Money::new(eur.iter().map(|i| i.owing().minor).sum(), Currency::EUR);
    let qr = match (&pay.bank, eur.as_slice()) {
        (_, []) => None,
        (Some((b, name)), [one]) if one.creditor_reference.is_some() => epc::payload_with_reference(
            &b.bic,
            name,
            &b.iban,
            eur_owing,
            one.creditor_reference.as_deref().unwrap_or_default(),
            &format!("{} {}", l.invoice, one.number),
        )
        .ok(),
        (Some(_), many) => {
            let list = many.iter().map(|i| i.number.as_str()).collect::<Vec<_>>().join(", ");
            let text = if list.len() <= 140 { list } else { format!("{} {}", w.title, ctx.today) };
            crate::plans::reminders::epc_for(&pay, eur_owing, &text)
        }
        (None, _) => None,
    }
    .map(|payload| Qr { payload, caption: l.scan.into() });

    let as_of = lang.format_date(ctx.today);
    let letter = LetterDoc {
        page: page_size(page, settings.locale),
        sender: from.party.clone(),
        sender_contact: from.contact.clone(),
        recipient: recipient(&client),
        date_line: as_of.clone(),
        reference_line: String::new(),
        subject: w.title.into(),
        greeting: w.greet(&client.details.greeting_name),
        body: w.opening(&as_of),
        table: None,
        payment_methods: pm.lines_with_reference(lang, reference.as_deref()),
        qr,
        closing: w.closing.into(),
        signature: crate::documents::lines(&pay.signature),
        footer: from.footer.clone(),
    };
    let summary = sections.iter().map(|s| s.balance.clone()).collect();
    let doc = StatementDoc { letter, summary, sections };
    let mut meta = DocMeta::new(
        format!("{} · {}", w.title, client.details.display_name),
        from.party.name.clone(),
        ctx.now.naive_utc(),
    );
    meta.page_label = Some(w.page_label.into());
    let bytes = kindly_pdf::render_statement(fonts, &doc, &meta).map_err(ApiError::from)?;
    let file_name = format!("{}-{}.pdf", file_safe(w.title), ctx.today);
    Ok(Rendered { client, lang, invoices: open, balances, file_name, bytes })
}

fn views(r: &Rendered, locale: Locale) -> Vec<MoneyView> {
    r.balances.iter().map(|m| MoneyView::new(m.minor, m.currency, locale)).collect()
}

/// Writes the statement under `<data dir>/statements/` (never over a file).
async fn save(ctx: Ctx<'_>, r: &Rendered) -> ApiResult<std::path::PathBuf> {
    let stem = stamped(ctx, &format!("statement-{}-{}", r.client.id, file_safe(&r.client.details.display_name)));
    crate::files::keep_new(ctx, "statements", &stem, "pdf", &r.bytes).await
}

/// Makes the client's statement of account and saves it. Records nothing.
pub async fn statement_pdf(ctx: Ctx<'_>, fonts: &Fonts, req: &StatementRequest) -> ApiResult<StatementPdf> {
    crate::business::require(ctx, Correspondence::Letter).await?;
    let r = render(ctx, fonts, req.client_id, req.page_size).await?;
    let path = save(ctx, &r).await?;
    let locale = ctx.store.settings().await?.locale;
    Ok(StatementPdf {
        path: path.display().to_string(),
        sha256: sha256_hex(&r.bytes),
        bytes: r.bytes.len() as i64,
        invoices: r.invoices.len() as i64,
        balances: views(&r, locale),
        print_state: PrintState::Saved,
        printed_with: None,
        job_id: None,
    })
}

/// Makes the statement and prints it. Recorded as a contact only when the
/// printer took it; a viewer's "maybe" waits for the user's confirmation;
/// a printer error is refused with its reason and records nothing.
pub async fn print_statement(
    ctx: Ctx<'_>,
    fonts: &Fonts,
    printer: &Printer,
    req: &StatementRequest,
) -> ApiResult<StatementPdf> {
    let mut result = statement_pdf(ctx, fonts, req).await?;
    let path = std::path::PathBuf::from(&result.path);
    match printer.print(&path).or_refuse("statement", &path)? {
        Handed::Printed { command, job_id } => {
            record_printed(ctx, req.client_id, &path, &result.sha256, &command, job_id.as_deref()).await?;
            tracing::info!(client_id = req.client_id, command = %command, job_id = ?job_id, "statement printed and recorded");
            result.print_state = PrintState::Printed;
            result.printed_with = Some(command);
            result.job_id = job_id;
        }
        Handed::Opened { command } => {
            result.print_state = PrintState::AwaitingConfirmation;
            result.printed_with = Some(command);
        }
    }
    Ok(result)
}

/// The user says a statement opened in the PDF viewer printed: it is
/// recorded now (the file checked to be a statement kept by Kindly).
pub async fn confirm_statement_printed(ctx: Ctx<'_>, req: &StatementPrintedRequest) -> ApiResult<i64> {
    let dir = data_dir(ctx);
    let path = crate::contacts::kept_file_path(&dir, &req.path)?;
    let statements = dir.join("statements").canonicalize().ok();
    if !statements.is_some_and(|s| path.starts_with(s)) {
        return Err(ApiError::new(
            ErrorCode::NotAKeptFile,
            format!("{} is not a statement Kindly made.", path.display()),
            Some("path"),
        ));
    }
    let bytes = std::fs::read(&path).map_err(|e| crate::files::io_error("read", &path, &e))?;
    record_printed(ctx, req.client_id, &path, &sha256_hex(&bytes), "PDF viewer (confirmed by you)", None).await
}

async fn record_printed(
    ctx: Ctx<'_>,
    client_id: i64,
    path: &Path,
    sha: &str,
    command: &str,
    job_id: Option<&str>,
) -> ApiResult<i64> {
    let open = ctx.store.statement_invoices(client_id).await?;
    let ids: Vec<i64> = open.iter().map(|i| i.id).collect();
    let numbers: Vec<&str> = open.iter().map(|i| i.number.as_str()).collect();
    let rel = path.strip_prefix(data_dir(ctx)).unwrap_or(path).display().to_string();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let summary = format!("Statement of account printed ({} open invoices)", open.len());
    let data = serde_json::json!({
        "channel": "letter", "invoices": numbers, "pdf": rel, "sha256": sha, "printed_with": command,
        "job_id": job_id, "files": [{ "kind": "pdf", "path": rel, "sha256": sha, "name": name }],
    });
    Ok(ctx.store.record_statement_printed(client_id, &ids, &summary, data, ctx.today, ctx.now).await?)
}

/// Queues the statement by e-mail (the PDF attached), once a day per client.
pub async fn email_statement(ctx: Ctx<'_>, fonts: &Fonts, req: &StatementRequest) -> ApiResult<StatementEmail> {
    crate::business::require(ctx, Correspondence::Email).await?;
    let smtp = mail::configured(ctx).await?;
    let client = ctx.store.client(req.client_id).await?;
    needs_email(&client, "print the statement instead.")?;
    let key = statement_key(client.id, ctx.today);
    if let Some(found) = already(ctx, &key, &client).await? {
        return Ok(found);
    }
    let r = render(ctx, fonts, req.client_id, req.page_size).await?;
    let pay = crate::plans::reminders::pay(ctx, r.lang).await?;
    let facts = StatementFacts {
        greeting_name: client.details.greeting_name.clone(),
        as_of: r.lang.format_date(ctx.today),
        balances: r
            .balances
            .iter()
            .map(|b| (b.format(r.lang), r.invoices.iter().filter(|i| i.currency == b.currency).count()))
            .collect(),
        payment_methods: pay.lines.clone(),
        signature: pay.signature.clone(),
    };
    let (subject, body) = statement_email(r.lang, &facts);
    let stage = Stage {
        key: key.clone(),
        name: "Statement of account".into(),
        offset_days: 0,
        tone: Tone::Courteous,
        channel: Channel::Email,
    };
    let pairs: Vec<(i64, &Stage)> = r.invoices.iter().map(|i| (i.id, &stage)).collect();
    let letter =
        Letter { purpose: EmailPurpose::Statement, stage: &stage, invoices: &pairs, subject: &subject, body: &body };
    let pdf =
        FileAttachment { name: r.file_name.clone(), content_type: "application/pdf".into(), bytes: r.bytes.clone() };
    let locale = ctx.store.settings().await?.locale;
    match enqueue(ctx, &smtp, &client, &letter, vec![pdf]).await {
        Ok(outbox_id) => {
            tracing::info!(outbox_id, client_id = client.id, "statement of account queued");
            let row = ctx.store.outbox_email(outbox_id).await?;
            Ok(StatementEmail {
                outbox_id,
                state: row.state,
                newly_queued: true,
                to: row.to_display,
                subject,
                balances: views(&r, locale),
            })
        }
        // Queued by another window between the check and now: that one stands.
        Err(e) if e.code == ErrorCode::AlreadyQueued => already(ctx, &key, &client).await?.ok_or(e),
        Err(e) => Err(e),
    }
}

/// Today's statement e-mail for the client, when one is queued or sent.
async fn already(ctx: Ctx<'_>, key: &str, client: &kindly_store::ClientRecord) -> ApiResult<Option<StatementEmail>> {
    let Some((id, _)) = ctx.store.outbox_for_key(key).await? else { return Ok(None) };
    let row = ctx.store.outbox_email(id).await?;
    let locale = ctx.store.settings().await?.locale;
    let open = ctx.store.statement_invoices(client.id).await?;
    let balances = by_currency(&open)
        .into_iter()
        .map(|(cur, inv)| MoneyView::new(inv.iter().map(|i| i.owing().minor).sum(), cur, locale))
        .collect();
    Ok(Some(StatementEmail {
        outbox_id: id,
        state: row.state,
        newly_queued: false,
        to: row.to_display,
        subject: row.subject,
        balances,
    }))
}

/// A row of the open-invoice table with the credit-note cell after the
/// invoice total, when the table has that column.
fn with_credits(mut row: Vec<String>, credited: Option<String>) -> Vec<String> {
    if let Some(c) = credited {
        row.insert(4, c);
    }
    row
}

//! Plan documents: the proposal e-mail text, the agreement letter PDF and
//! installment reminders printed as letters.

use super::reminders::{due_now, epc_for, join_numbers, pay, record, render_reminder};
use super::*;
use crate::print::{Handed, Printer};

/// Today's installment reminder (or broken-plan notice) as a letter for a
/// window envelope, with the rest of the schedule and, for EUR, a payment QR
/// code for the installment, saved under a new name in `letters/`. With
/// `print`, it is handed to the printer and recorded as sent by letter (with
/// the PDF's SHA-256 and the job id) only if the printer took it; a printer
/// error is refused with its reason and records nothing. Without `print`, or
/// where only a PDF viewer opened it, nothing is recorded: the user marks it
/// sent once posted.
pub async fn reminder_letter(
    ctx: Ctx<'_>,
    fonts: &Fonts,
    printer: &Printer,
    req: &PlanPdfRequest,
) -> ApiResult<PlanLetterResult> {
    let (p, seq, kind) = due_now(ctx, req.plan_id).await?;
    let settings = ctx.store.settings().await?;
    let client = ctx.store.client(p.client_id).await?;
    let lang = client.details.language;
    let page = documents::page_size(req.page_size, settings.locale);
    let l = plan_labels(lang);
    let from = documents::sender(ctx).await?;
    let msg = render_reminder(ctx, &p, seq, kind).await?;
    let fmt = |minor: i64| Money::new(minor, p.currency).format(lang);
    let (greeting, body, closing, signature) = letter_parts(&msg.body);
    let due = p.due_installments();
    let alloc = allocate(&due, p.paid_minor());
    let rows: Vec<Vec<String>> = due
        .iter()
        .zip(&alloc.paid)
        .filter(|(i, paid)| **paid < i.amount_minor)
        .map(|(i, paid)| vec![i.seq.to_string(), lang.format_date(i.due_on), fmt(i.amount_minor - paid)])
        .collect();
    let remaining = p.remaining_minor();
    let letter = LetterDoc {
        page,
        sender: from.party.clone(),
        sender_contact: from.contact.clone(),
        recipient: documents::recipient(&client),
        date_line: lang.format_date(ctx.today),
        reference_line: format!("{} #{} · {}", l.reference, p.id, join_numbers(&p)),
        subject: msg.subject.clone(),
        greeting,
        body,
        table: Some(Table {
            headers: vec![l.installment.into(), l.due.into(), l.amount.into()],
            rows,
            right_align: vec![2],
            total: Some(vec![String::new(), l.total.into(), fmt(remaining)]),
        }),
        payment_methods: Vec::new(),
        qr: msg.epc_payload.clone().map(|payload| Qr { payload, caption: l.scan.into() }),
        closing,
        signature,
        footer: from.footer.clone(),
    };
    let meta = DocMeta::new(format!("{} #{}", l.reference, p.id), from.party.name.clone(), ctx.now.naive_utc());
    let bytes = kindly_pdf::render_letters(fonts, &[letter], &meta).map_err(ApiError::from)?;
    let sha = documents::sha256_hex(&bytes);
    let stem = crate::files::stamped(ctx, &format!("plan-{}-{}", p.id, kind.as_str()));
    let path = crate::files::keep_new(ctx, "letters", &stem, "pdf", &bytes).await?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut result = PlanLetterResult {
        path: path.display().to_string(),
        sha256: sha.clone(),
        print_state: PrintState::Saved,
        printed_with: None,
        job_id: None,
    };
    if !req.print {
        return Ok(result);
    }
    match printer.print(&path).or_refuse("letter", &path)? {
        Handed::Printed { command, job_id } => {
            let files = serde_json::json!({
                "pdf": path.display().to_string(), "sha256": sha, "printed_with": command, "job_id": job_id,
                "files": [{ "kind": "pdf", "path": path.display().to_string(), "sha256": sha, "name": name }],
            });
            record(ctx, &p, seq, kind, "letter", &msg, files).await?;
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

/// Splits a message body into greeting, paragraphs, closing and signature lines for a letter.
fn letter_parts(body: &str) -> (String, Vec<String>, String, Vec<String>) {
    let mut paragraphs: Vec<String> =
        body.split("\n\n").map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect();
    let greeting =
        if paragraphs.len() > 2 && !paragraphs[0].contains('\n') { paragraphs.remove(0) } else { String::new() };
    let last = paragraphs.pop().unwrap_or_default();
    let mut lines = last.lines().map(str::to_string);
    let closing = lines.next().unwrap_or_default();
    (greeting, paragraphs, closing, lines.collect())
}

/// The proposal / agreement e-mail (subject and plain-text body) in the
/// client's language, for the outbox.
pub async fn proposal_email(ctx: Ctx<'_>, plan_id: i64) -> ApiResult<PlanMessage> {
    let p = ctx.store.plan(plan_id).await?;
    let client = ctx.store.client(p.client_id).await?;
    let lang = client.details.language;
    let pay = pay(ctx, lang).await?;
    let facts = ProposalFacts {
        greeting_name: client.details.greeting_name.clone(),
        invoice_numbers: join_numbers(&p),
        total: p.total().format(lang),
        schedule_lines: p
            .installments
            .iter()
            .map(|i| {
                schedule_line(i.seq, &lang.format_date(i.due_on), &Money::new(i.amount_minor, p.currency).format(lang))
            })
            .collect(),
        payment_methods: pay.lines.clone(),
        signature: pay.signature,
    };
    let (subject, body) = proposal_message(lang, &facts);
    Ok(PlanMessage {
        plan_id: p.id,
        kind: PlanMessageKind::Proposal,
        seq: 0,
        language: lang,
        recipient_email: client.details.emails.first().cloned(),
        subject,
        body,
        epc_payload: None,
    })
}

/// Words of the plan letter per language.
struct PlanLabels {
    reference: &'static str,
    installment: &'static str,
    due: &'static str,
    amount: &'static str,
    total: &'static str,
    scan: &'static str,
    agreed: &'static str,
    place_date: &'static str,
    signature: &'static str,
}

fn plan_labels(lang: Locale) -> PlanLabels {
    match lang {
        Locale::En => PlanLabels {
            reference: "Payment plan",
            installment: "Installment",
            due: "Due on",
            amount: "Amount",
            total: "Total",
            scan: "Scan with your banking app to pay an installment",
            agreed: "Agreed to the payment plan above:",
            place_date: "Place, date",
            signature: "Signature",
        },
        Locale::De => PlanLabels {
            reference: "Ratenzahlung",
            installment: "Rate",
            due: "Fällig am",
            amount: "Betrag",
            total: "Gesamt",
            scan: "Mit der Banking-App scannen, um eine Rate zu überweisen",
            agreed: "Mit der obigen Ratenzahlung einverstanden:",
            place_date: "Ort, Datum",
            signature: "Unterschrift",
        },
        Locale::Fr => PlanLabels {
            reference: "Échéancier",
            installment: "Échéance",
            due: "Date",
            amount: "Montant",
            total: "Total",
            scan: "Scannez avec votre application bancaire pour régler une échéance",
            agreed: "Bon pour accord sur l'échéancier ci-dessus :",
            place_date: "Lieu, date",
            signature: "Signature",
        },
        Locale::Es => PlanLabels {
            reference: "Plan de pagos",
            installment: "Plazo",
            due: "Vencimiento",
            amount: "Importe",
            total: "Total",
            scan: "Escanee con su app bancaria para pagar un plazo",
            agreed: "Conforme con el plan de pagos anterior:",
            place_date: "Lugar, fecha",
            signature: "Firma",
        },
    }
}

/// The plan proposal / agreement letter as a PDF, saved under the data
/// folder (`plans/`); its schedule, total, ways to pay, an EPC QR code per
/// installment for EUR and a place to sign.
pub async fn plan_pdf(ctx: Ctx<'_>, fonts: &Fonts, req: &PlanPdfRequest) -> ApiResult<PdfResult> {
    let settings = ctx.store.settings().await?;
    let p = ctx.store.plan(req.plan_id).await?;
    let client = ctx.store.client(p.client_id).await?;
    let lang = client.details.language;
    let page = documents::page_size(req.page_size, settings.locale);
    let l = plan_labels(lang);
    let from = documents::sender(ctx).await?;
    let msg = proposal_email(ctx, p.id).await?;
    let pay = pay(ctx, lang).await?;
    let fmt = |minor: i64| Money::new(minor, p.currency).format(lang);
    // The e-mail's body without its schedule lines and ways to pay: the letter prints them as a table.
    let mut paragraphs: Vec<String> = msg
        .body
        .split("\n\n")
        .map(str::trim)
        .filter(|x| !x.is_empty() && !x.starts_with("1. ") && !x.starts_with('-') && !x.contains("\n-"))
        .map(str::to_string)
        .collect();
    let greeting = if paragraphs.len() > 2 { paragraphs.remove(0) } else { String::new() };
    let closing_block = paragraphs.pop().unwrap_or_default();
    let mut closing_lines = closing_block.lines().map(str::to_string);
    let closing = closing_lines.next().unwrap_or_default();
    let signature: Vec<String> = closing_lines.collect();
    let rows: Vec<Vec<String>> = p
        .installments
        .iter()
        .map(|i| vec![i.seq.to_string(), lang.format_date(i.due_on), fmt(i.amount_minor)])
        .collect();
    let numbers = join_numbers(&p);
    let installment_qrs: Vec<Qr> = p
        .installments
        .iter()
        .filter_map(|i| {
            let remittance = format!("{numbers} {}/{}", i.seq, p.installments.len());
            epc_for(&pay, Money::new(i.amount_minor, p.currency), &remittance).map(|payload| Qr {
                payload,
                caption: format!(
                    "{} {} · {} · {}",
                    l.installment,
                    i.seq,
                    lang.format_date(i.due_on),
                    fmt(i.amount_minor)
                ),
            })
        })
        .collect();
    let pm_lines = ctx.store.payment_methods().await?.lines(lang);
    let letter = LetterDoc {
        page,
        sender: from.party.clone(),
        sender_contact: from.contact.clone(),
        recipient: documents::recipient(&client),
        date_line: lang.format_date(ctx.today),
        reference_line: format!("{} #{} · {numbers}", l.reference, p.id),
        subject: msg.subject.clone(),
        greeting,
        body: paragraphs,
        table: Some(Table {
            headers: vec![l.installment.into(), l.due.into(), l.amount.into()],
            rows,
            right_align: vec![2],
            total: Some(vec![String::new(), l.total.into(), p.total().format(lang)]),
        }),
        payment_methods: pm_lines,
        qr: None,
        closing,
        signature,
        footer: from.footer.clone(),
    };
    let doc = PlanLetterDoc {
        letter,
        qr_heading: l.scan.into(),
        installment_qrs,
        sign_heading: l.agreed.into(),
        sign_labels: vec![l.place_date.into(), format!("{} ({})", l.signature, client.details.display_name)],
    };
    let meta = DocMeta::new(format!("{} #{}", l.reference, p.id), from.party.name.clone(), ctx.now.naive_utc());
    let bytes = kindly_pdf::render_plan_letter(fonts, &doc, &meta).map_err(ApiError::from)?;
    let sha = documents::sha256_hex(&bytes);
    let stem = crate::files::stamped(ctx, &format!("plan-{}-{}", p.id, documents::file_safe(&numbers)));
    let path = crate::files::keep_new(ctx, "plans", &stem, "pdf", &bytes).await?;
    Ok(PdfResult { path: path.display().to_string(), sha256: sha, bytes: bytes.len() as i64 })
}

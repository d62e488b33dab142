//! Installment reminders and broken-plan notices: which is due today for
//! which plan (today's queue), their messages, and recording them once.

use super::*;
use kindly_core::ErrorCode;
use kindly_store::EmailPurpose;

/// What is due today for one running plan: (seq, kind), the broken notice
/// being installment 0 in the record but naming the late installment.
fn due_today(p: &PlanRecord, today: chrono::NaiveDate) -> Option<(u32, ReminderKind)> {
    match p.state {
        plan_state::ACTIVE => {
            due_reminder(&p.due_installments(), p.paid_minor(), today, p.reminder_rule, &p.reminders_done)
        }
        plan_state::BROKEN if !p.reminders_done.contains(&(0, ReminderKind::BrokenNotice)) => {
            Some((0, ReminderKind::BrokenNotice))
        }
        _ => None,
    }
}

/// Today's installment reminders and broken-plan notices (the queue's plan
/// source), for clients being chased today.
pub async fn queue_items(ctx: Ctx<'_>, client_id: Option<i64>) -> ApiResult<Vec<PlanQueueItem>> {
    // Every running plan is read for these: kept until any commit or another day.
    struct Kept(Vec<PlanQueueItem>);
    let all = ctx.store.memo(ctx.today, || async { Ok::<_, ApiError>(Kept(every_queue_item(ctx).await?)) }).await?;
    Ok(all.0.iter().filter(|i| client_id.is_none_or(|c| c == i.client_id)).cloned().collect())
}

async fn every_queue_item(ctx: Ctx<'_>) -> ApiResult<Vec<PlanQueueItem>> {
    let locale = ctx.store.settings().await?.locale;
    let mut out = Vec::new();
    let mut clients: std::collections::HashMap<i64, kindly_store::ClientRecord> = Default::default();
    for p in ctx.store.running_plans().await? {
        let Some((seq, kind)) = due_today(&p, ctx.today) else { continue };
        // One contact per invoice per day: after another contact today, tomorrow.
        if on_hold(ctx, &p).await? || contacted_today(ctx, &p).await?.is_some() {
            continue;
        }
        let client = match clients.entry(p.client_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(ctx.store.client(p.client_id).await?),
        };
        if !client.chasing.is_active(ctx.today) {
            continue;
        }
        let (inst, rest) = current_installment(&p);
        let email = client.details.emails.first().cloned();
        let (email_state, outbox_id) =
            crate::mail::email_state(ctx, EmailPurpose::PlanReminder { plan_id: p.id, seq, kind }).await?;
        let m = |minor| MoneyView::new(minor, p.currency, locale);
        out.push(PlanQueueItem {
            plan_id: p.id,
            client_id: p.client_id,
            client_name: p.client_name.clone(),
            kind,
            seq: if seq == 0 { inst.seq } else { seq },
            count: p.installments.len() as u32,
            due_on: inst.due_on.to_string(),
            amount: m(rest),
            remaining_total: m(p.remaining_minor()),
            invoice_numbers: p.invoice_numbers(),
            channel: if email.is_some() { Channel::Email } else { Channel::Letter },
            email,
            phone: client.details.phone.clone(),
            email_state,
            outbox_id,
        });
    }
    out.sort_by(|a, b| a.due_on.cmp(&b.due_on).then(a.plan_id.cmp(&b.plan_id)));
    Ok(out)
}

/// True when one of the plan's invoices is on hold today (disputed, or
/// paused through today): the plan's reminders wait like the ladder does.
async fn on_hold(ctx: Ctx<'_>, p: &PlanRecord) -> ApiResult<bool> {
    for (invoice_id, _) in &p.invoices {
        match ctx.store.invoice_hold(*invoice_id).await? {
            Some((h, _, _)) if h == "disputed" => return Ok(true),
            Some((_, Some(until), _)) if until >= ctx.today => return Ok(true),
            _ => {}
        }
    }
    Ok(false)
}

/// The first invoice of the plan the client was already contacted about today, if any.
async fn contacted_today(ctx: Ctx<'_>, p: &PlanRecord) -> ApiResult<Option<String>> {
    for (invoice_id, number) in &p.invoices {
        if ctx.store.last_contact_on(*invoice_id).await? == Some(ctx.today) {
            return Ok(Some(number.clone()));
        }
    }
    Ok(None)
}

/// The first installment not fully paid (or the last one) and what is still owing on it.
pub(super) fn current_installment(p: &PlanRecord) -> (Installment, i64) {
    let due = p.due_installments();
    let alloc = allocate(&due, p.paid_minor());
    let k = alloc.current(&due).unwrap_or(due.len().saturating_sub(1));
    let inst = due.get(k).copied().unwrap_or(Installment { seq: 1, due_on: p.created_on, amount_minor: 0 });
    (inst, inst.amount_minor - alloc.paid.get(k).copied().unwrap_or(0))
}

/// Every way to pay, one per line, the signature and the EPC payload for an amount.
pub(crate) struct Pay {
    pub(crate) lines: String,
    pub(crate) signature: String,
    pub(crate) bank: Option<(BankAccount, String)>,
}

pub(crate) async fn pay(ctx: Ctx<'_>, lang: Locale) -> ApiResult<Pay> {
    let settings = ctx.store.settings().await?;
    let pm = ctx.store.payment_methods().await?;
    let signature =
        if settings.signature.trim().is_empty() { settings.business_name.clone() } else { settings.signature.clone() };
    let bank = pm.bank.clone().filter(|b| !b.iban.is_empty()).map(|b| {
        let name = if b.holder.is_empty() { settings.business_name.clone() } else { b.holder.clone() };
        (b, name)
    });
    let mut lines = pm.lines(lang);
    if lines.is_empty() {
        // No way to pay is set up yet: never leave an empty list in a message.
        lines.push(
            match lang {
                Locale::En => "Just reply and I will send you the payment details",
                Locale::De => "Antworten Sie einfach, dann schicke ich Ihnen die Zahlungsdaten",
                Locale::Fr => "Répondez simplement et je vous enverrai les coordonnées de paiement",
                Locale::Es => "Responda y le enviaré los datos de pago",
            }
            .to_string(),
        );
    }
    Ok(Pay { lines: lines.iter().map(|l| format!("- {l}")).collect::<Vec<_>>().join("\n"), signature, bank })
}

pub(crate) fn epc_for(pay: &Pay, amount: Money, remittance: &str) -> Option<String> {
    match &pay.bank {
        Some((b, name)) if amount.currency.code() == "EUR" && amount.minor > 0 => {
            epc::payload(&b.bic, name, &b.iban, amount, remittance).ok()
        }
        _ => None,
    }
}

pub(super) fn join_numbers(p: &PlanRecord) -> String {
    p.invoice_numbers().join(", ")
}

/// The message of the reminder due today for a plan (or, with no reminder
/// due, the one that would come next, so it can be previewed).
pub async fn reminder_message(ctx: Ctx<'_>, plan_id: i64) -> ApiResult<PlanMessage> {
    refresh(ctx).await?;
    let p = ctx.store.plan(plan_id).await?;
    let (seq, kind) = due_today(&p, ctx.today).unwrap_or_else(|| {
        let (inst, _) = current_installment(&p);
        (inst.seq, if p.state == plan_state::BROKEN { ReminderKind::BrokenNotice } else { ReminderKind::HeadsUp })
    });
    render_reminder(ctx, &p, seq, kind).await
}

pub(crate) async fn render_reminder(
    ctx: Ctx<'_>,
    p: &PlanRecord,
    seq: u32,
    kind: ReminderKind,
) -> ApiResult<PlanMessage> {
    let client = ctx.store.client(p.client_id).await?;
    let lang = client.details.language;
    let pay = pay(ctx, lang).await?;
    let (inst, rest) = current_installment(p);
    let remaining = Money::new(p.remaining_minor(), p.currency);
    let facts = InstallmentFacts {
        greeting_name: client.details.greeting_name.clone(),
        invoice_numbers: join_numbers(p),
        seq: inst.seq,
        count: p.installments.len() as u32,
        amount: Money::new(rest, p.currency).format(lang),
        due_date: lang.format_date(inst.due_on),
        remaining_total: remaining.format(lang),
        payment_methods: pay.lines.clone(),
        signature: pay.signature.clone(),
    };
    let (subject, body) = installment_message(kind, lang, &facts);
    let remittance = format!("{} {}/{}", join_numbers(p), inst.seq, p.installments.len());
    let amount = if kind == ReminderKind::BrokenNotice { remaining } else { Money::new(rest, p.currency) };
    Ok(PlanMessage {
        plan_id: p.id,
        kind: match kind {
            ReminderKind::HeadsUp => PlanMessageKind::HeadsUp,
            ReminderKind::Reminder => PlanMessageKind::Reminder,
            ReminderKind::BrokenNotice => PlanMessageKind::BrokenNotice,
        },
        seq,
        language: lang,
        recipient_email: client.details.emails.first().cloned(),
        subject,
        body,
        epc_payload: epc_for(&pay, amount, &remittance),
    })
}

/// Records that today's reminder (or the broken-plan notice) was sent, with
/// its full text in the timeline. At most once each: a second call is
/// refused with `already_done`.
pub async fn reminder_done(ctx: Ctx<'_>, input: &PlanReminderDone) -> ApiResult<i64> {
    let channel = input.channel.as_str().to_string();
    let note = text::multi_line(&input.note, "note", 5000)?;
    let (p, seq, kind) = due_now(ctx, input.plan_id).await?;
    let msg = render_reminder(ctx, &p, seq, kind).await?;
    record(ctx, &p, seq, kind, &channel, &msg, serde_json::json!({ "note": note })).await
}

/// The plan and the reminder due today, or `already_done` (or
/// `already_contacted_today` when one of its invoices already had a contact today).
pub(crate) async fn due_now(ctx: Ctx<'_>, plan_id: i64) -> ApiResult<(PlanRecord, u32, ReminderKind)> {
    refresh(ctx).await?;
    due_on_record(ctx, plan_id).await
}

/// [`due_now`] without recording plan transitions first (the caller did).
pub(crate) async fn due_on_record(ctx: Ctx<'_>, plan_id: i64) -> ApiResult<(PlanRecord, u32, ReminderKind)> {
    let p = ctx.store.plan(plan_id).await?;
    let (seq, kind) = due_today(&p, ctx.today).ok_or_else(|| {
        ApiError::new(
            ErrorCode::AlreadyDone,
            "No reminder is due today for this plan; the current one was already done.",
            None,
        )
    })?;
    if let Some(number) = contacted_today(ctx, &p).await? {
        return Err(StoreError::AlreadyContactedToday { number }.into());
    }
    Ok((p, seq, kind))
}

/// Records the reminder with its full text (and `extra` facts, e.g. the
/// letter's file) in the timeline; once per installment and kind.
pub(super) async fn record(
    ctx: Ctx<'_>,
    p: &PlanRecord,
    seq: u32,
    kind: ReminderKind,
    channel: &str,
    msg: &PlanMessage,
    extra: serde_json::Value,
) -> ApiResult<i64> {
    let (inst, _) = current_installment(p);
    let what = match kind {
        ReminderKind::HeadsUp => format!("Heads-up for installment {}", inst.seq),
        ReminderKind::Reminder => format!("Reminder for installment {}", inst.seq),
        ReminderKind::BrokenNotice => "Courteous notice that the plan is off track".to_string(),
    };
    let verb = match channel {
        "email" => "e-mailed",
        "letter" => "sent by letter",
        _ => "given by phone",
    };
    let summary = format!("{what} of payment plan #{} {verb}", p.id);
    let mut data = serde_json::json!({
        "channel": channel, "kind": kind.as_str(), "installment": inst.seq,
        "subject": msg.subject, "body": msg.body,
    });
    if let (Some(d), Some(x)) = (data.as_object_mut(), extra.as_object()) {
        d.extend(x.clone());
    }
    Ok(ctx.store.record_plan_reminder(p.id, seq, kind, channel, &summary, data, ctx.today, ctx.now).await?)
}

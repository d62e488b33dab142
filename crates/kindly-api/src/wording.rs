//! The words a person reads for recorded values, in a language: labels of
//! closed vocabularies (a payment method, a channel, a kind of timeline
//! entry) and timeline summaries rendered from each entry's recorded facts
//! (amounts formatted for the reader, never "(EUR 2739.69)"). The words
//! live in kindly-i18n's Fluent catalogue; a raw value never reaches a
//! reader (an unknown one is written out as words: "in_person" → "In person").

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use kindly_core::locale::Locale;
use kindly_core::payment::PaymentMethod;
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, Money};
use kindly_followup::plan::progress::ReminderKind;
use kindly_i18n::{tr, try_tr, FluentValue};
use kindly_store::TimelineEntry;

/// The label of `raw` in the vocabulary `prefix` ("channel", "payment-method", …).
pub fn label(locale: Locale, prefix: &str, raw: &str) -> String {
    let id = format!("{prefix}-{raw}");
    match try_tr(locale, &id, &[]).or_else(|| try_tr(Locale::En, &id, &[])) {
        Some((text, _)) => text,
        None => words(raw),
    }
}

/// "in_person" → "In person": the last resort for a value the catalogue lacks.
fn words(raw: &str) -> String {
    let spaced = raw.replace(['_', '-'], " ");
    let mut c = spaced.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn method_label(m: PaymentMethod, locale: Locale) -> String {
    label(locale, "payment-method", m.as_str())
}

pub fn event_label(k: EventKind, locale: Locale) -> String {
    label(locale, "event", k.as_str())
}

/// An instant for a reader: "23 Nov 2026 11:42 (UTC+01:00)", "23.11.2026 11:42 (UTC+01:00)".
pub fn instant(at: DateTime<Utc>, tz: FixedOffset, locale: Locale) -> String {
    let local = at.with_timezone(&tz);
    format!("{} {} (UTC{})", locale.format_date_short(local.date_naive()), local.format("%H:%M"), local.format("%:z"))
}

/// A recorded plain amount ("2739.69") and currency code, formatted for the reader.
fn recorded_money(amount: Option<&str>, currency: Option<&str>, locale: Locale) -> Option<String> {
    let c = Currency::parse(currency?).ok()?;
    let m = Money::parse(amount?, c, "amount").ok()?;
    Some(m.format(locale))
}

/// A timeline entry's summary in `locale`, rendered from its recorded facts
/// where Kindly records them; other entries keep the summary they were
/// written with (their own words: a subject, a note's first line).
pub fn timeline_summary(e: &TimelineEntry, locale: Locale) -> String {
    let d = &e.data;
    let get = |k: &str| d.get(k).and_then(|v| v.as_str());
    let number = e.invoice_number.clone().or_else(|| get("number").map(String::from)).unwrap_or_default();
    // A plain sentence for an entry recorded without its facts; in English
    // the stored summary says as much or more.
    let plain = !number.is_empty() && (locale != Locale::En || e.summary.trim().is_empty());
    let rendered = match e.kind {
        EventKind::InvoiceCreated => match recorded_money(get("total"), get("currency"), locale) {
            Some(total) => Some(tr(
                locale,
                "timeline-invoice-created",
                &[("number", number.as_str().into()), ("total", total.into())],
            )),
            // Entries written without the total (the demo, older imports) still say what happened.
            None if plain => Some(tr(locale, "timeline-invoice-created-plain", &[("number", number.as_str().into())])),
            None => None,
        },
        EventKind::InvoiceIssued if !number.is_empty() => {
            Some(tr(locale, "timeline-invoice-issued", &[("number", number.as_str().into())]))
        }
        EventKind::InvoiceCancelled if !number.is_empty() => {
            Some(tr(locale, "timeline-invoice-cancelled", &[("number", number.as_str().into())]))
        }
        EventKind::PaymentRecorded => {
            let amount = recorded_money(get("amount"), get("currency"), locale);
            let outstanding = recorded_money(get("outstanding"), get("currency"), locale);
            let method = get("method").and_then(|m| PaymentMethod::parse(m).ok());
            match (amount, outstanding, method) {
                (Some(amount), Some(outstanding), Some(m)) => Some(tr(
                    locale,
                    "timeline-payment-recorded",
                    &[
                        ("amount", amount.into()),
                        ("number", number.as_str().into()),
                        ("method", method_label(m, locale).into()),
                        ("outstanding", outstanding.into()),
                    ],
                )),
                _ if plain => {
                    Some(tr(locale, "timeline-payment-received-plain", &[("number", number.as_str().into())]))
                }
                _ => None,
            }
        }
        EventKind::InterestChanged => {
            match (d.get("enabled").and_then(|v| v.as_bool()), get("jurisdiction"), get("debtor")) {
                (Some(on), Some(law), Some(debtor)) => Some(interest_changed(on, law, debtor, locale)),
                _ => None,
            }
        }
        EventKind::InterestRateAdded => {
            let from = get("from").and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            let bp = d.get("rate_bp").and_then(|v| v.as_i64()).and_then(|v| i32::try_from(v).ok());
            match (get("series"), from, bp, get("source")) {
                (Some(series), Some(from), Some(bp), Some(source)) => {
                    Some(interest_rate_added(series, from, bp, source, locale))
                }
                _ => None,
            }
        }
        // Fixed words when they were written: the kind says it all.
        EventKind::ClientCreated => Some(event_label(e.kind, locale)),
        EventKind::ClientUpdated if d.get("einvoice_format").is_none() => Some(event_label(e.kind, locale)),
        _ => more_summary(e, locale, &number),
    };
    match rendered {
        Some(s) => s,
        None if e.summary.trim().is_empty() => event_label(e.kind, locale),
        None => e.summary.clone(),
    }
}

/// A ladder step's name for a reader: the default ladder's English name
/// in `locale`, any other name (the user's own) as written.
pub fn stage_name(locale: Locale, name: &str) -> String {
    kindly_followup::ladder::Ladder::default_ladder()
        .stages
        .iter()
        .find(|s| s.name == name)
        .and_then(|s| try_tr(locale, &format!("stage-default-{}", s.key.replace('_', "-")), &[]))
        .map(|(text, _)| text)
        .unwrap_or_else(|| name.to_string())
}

/// The `interest_changed` entry's sentence: the user turned statutory
/// late-payment interest on (or off), under which law, for a business or a
/// consumer.
pub fn interest_changed(on: bool, jurisdiction: &str, debtor: &str, locale: Locale) -> String {
    let id = if on { "timeline-interest-on" } else { "timeline-interest-off" };
    tr(
        locale,
        id,
        &[
            ("law", label(locale, "jurisdiction", jurisdiction).into()),
            ("debtor", label(locale, "debtor", debtor).into()),
        ],
    )
}

/// A recorded amount in minor units and its currency code, formatted for the reader.
fn recorded_minor(minor: Option<i64>, currency: Option<&str>, locale: Locale) -> Option<String> {
    Some(Money::new(minor?, Currency::parse(currency?).ok()?).format(locale))
}

/// A recorded plain amount ("12.50") as minor units, to compare with zero.
fn recorded_units(amount: Option<&str>, currency: Option<&str>) -> Option<i64> {
    Some(Money::parse(amount?, Currency::parse(currency?).ok()?, "amount").ok()?.minor)
}

/// What is owed after a correction: "€5.00 still owing", "the client is in
/// credit by €5.00" or "nothing owing"; `None` when a figure is missing.
fn standing(locale: Locale, d: &serde_json::Value, owing_key: Option<&str>, credit_key: &str) -> Option<String> {
    let get = |k: &str| d.get(k).and_then(|v| v.as_str());
    let currency = get("currency");
    let owing = match owing_key {
        Some(k) => recorded_units(get(k), currency)?,
        None => 0,
    };
    if owing > 0 {
        let amount = recorded_money(get(owing_key?), currency, locale)?;
        return Some(tr(locale, "timeline-standing-owing", &[("amount", amount.into())]));
    }
    let credit = recorded_units(get(credit_key), currency)?;
    if credit > 0 {
        let amount = recorded_money(get(credit_key), currency, locale)?;
        return Some(tr(locale, "timeline-standing-credit", &[("amount", amount.into())]));
    }
    Some(tr(locale, "timeline-standing-nothing", &[]))
}

/// The kinds rendered from their facts beyond invoices and payments: plans,
/// installment reminders, promises, e-mails and statements sent or printed,
/// credit notes, reversals and refunds. `None` when the entry lacks the facts
/// (it keeps the words it was written with). The user's own words in them
/// (a reason, a subject) stay as written.
fn more_summary(e: &TimelineEntry, locale: Locale, number: &str) -> Option<String> {
    // These entries were written in English from the same facts (and some
    // say more than their facts: a grace period, a total): kept as written.
    if locale == Locale::En && !e.summary.trim().is_empty() {
        return None;
    }
    let d = &e.data;
    let get = |k: &str| d.get(k).and_then(|v| v.as_str());
    let int = |k: &str| d.get(k).and_then(serde_json::Value::as_i64);
    let currency = get("currency");
    let money = |k: &str| recorded_money(get(k), currency, locale);
    let date = |k: &str| {
        get(k).and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()).map(|d| locale.format_date_short(d))
    };
    let list = |k: &str| -> Option<String> {
        let items: Vec<&str> = d.get(k)?.as_array()?.iter().filter_map(|v| v.as_str()).collect();
        (!items.is_empty()).then(|| items.join(", "))
    };
    // Every plan entry names its plan and the plan's invoices.
    let plan = || -> Option<(String, String)> { Some((int("plan_id")?.to_string(), list("invoices")?)) };
    let say = |id: &str, args: &[(&str, FluentValue<'_>)]| Some(tr(locale, id, args));
    // Sent from the outbox: to whom, and the message's own subject.
    if d.get("message_id").is_some() && matches!(e.kind, EventKind::FollowUpDone | EventKind::InstallmentReminder) {
        return say("timeline-email-sent", &[("to", list("to")?.into()), ("subject", get("subject")?.into())]);
    }
    match e.kind {
        EventKind::PlanProposed => {
            let (plan, invoices) = plan()?;
            let count = i64::try_from(d.get("installments")?.as_array()?.len()).ok()?;
            let total = money("total")?;
            say(
                "timeline-plan-proposed",
                &[
                    ("plan", plan.into()),
                    ("total", total.into()),
                    ("count", count.into()),
                    ("invoices", invoices.into()),
                ],
            )
        }
        EventKind::PlanAgreed => {
            let (plan, invoices) = plan()?;
            let how = label(locale, "promise-how", get("how")?);
            let agreed = date("agreed_on")?;
            say(
                "timeline-plan-agreed",
                &[("plan", plan.into()), ("invoices", invoices.into()), ("date", agreed.into()), ("how", how.into())],
            )
        }
        EventKind::PlanCancelled => {
            let (plan, invoices) = plan()?;
            // Cancelled by Kindly because an invoice was; otherwise by the user (their reason is kept in the entry).
            let id = if get("reason") == Some("invoice cancelled") {
                "timeline-plan-cancelled-invoice"
            } else {
                "timeline-plan-cancelled"
            };
            say(id, &[("plan", plan.into()), ("invoices", invoices.into())])
        }
        // The entry's facts lack the count and total its English words give.
        EventKind::PlanCompleted => {
            let (plan, invoices) = plan()?;
            say("timeline-plan-completed", &[("plan", plan.into()), ("invoices", invoices.into())])
        }
        // The entry's facts lack the grace period its English words give.
        EventKind::PlanBroken => {
            let (plan, invoices) = plan()?;
            say(
                "timeline-plan-broken",
                &[
                    ("plan", plan.into()),
                    ("invoices", invoices.into()),
                    ("installment", int("installment")?.into()),
                    ("days", int("days_late")?.into()),
                ],
            )
        }
        EventKind::PlanRenegotiated => {
            let (plan, invoices) = plan()?;
            let new = int("replaced_by")?.to_string();
            say(
                "timeline-plan-renegotiated",
                &[("plan", plan.into()), ("invoices", invoices.into()), ("new", new.into())],
            )
        }
        EventKind::InstallmentReminder => {
            let plan = int("plan_id")?.to_string();
            let channel = get("channel")?;
            let args =
                [("plan", plan.into()), ("installment", int("installment")?.into()), ("channel", channel.into())];
            let id = match ReminderKind::parse(get("kind")?)? {
                ReminderKind::HeadsUp => "timeline-installment-heads-up",
                ReminderKind::Reminder => "timeline-installment-reminder",
                ReminderKind::BrokenNotice => "timeline-plan-off-track",
            };
            say(id, &args)
        }
        EventKind::PromiseRecorded if !number.is_empty() => {
            let amount = recorded_minor(int("amount_minor"), currency, locale)?;
            let how = label(locale, "promise-how", get("how")?);
            let by = date("promised_on")?;
            say(
                "timeline-promise-recorded",
                &[("amount", amount.into()), ("date", by.into()), ("number", number.into()), ("how", how.into())],
            )
        }
        EventKind::PromiseKept | EventKind::PromiseBroken if !number.is_empty() => {
            let id = if e.kind == EventKind::PromiseKept { "timeline-promise-kept" } else { "timeline-promise-broken" };
            say(id, &[("number", number.into()), ("date", date("promised_on")?.into())])
        }
        EventKind::CallLogged if !number.is_empty() => {
            let outcome = label(locale, "call-outcome", get("outcome")?);
            let mut text = tr(locale, "timeline-call", &[("number", number.into()), ("outcome", outcome.into())]);
            if let Some(p) = d.get("promise").filter(|p| !p.is_null()) {
                let amount = recorded_minor(p.get("amount_minor")?.as_i64(), p.get("currency")?.as_str(), locale)?;
                let by = NaiveDate::parse_from_str(p.get("promised_on")?.as_str()?, "%Y-%m-%d").ok()?;
                let by = locale.format_date_short(by);
                text += &tr(locale, "timeline-call-promise", &[("amount", amount.into()), ("date", by.into())]);
            }
            if d.get("plan_requested").and_then(serde_json::Value::as_bool) == Some(true) {
                text += &tr(locale, "timeline-call-plan", &[]);
            }
            if let Some(retry) = date("retry_on") {
                text += &tr(locale, "timeline-call-retry", &[("date", retry.into())]);
            }
            Some(text)
        }
        EventKind::FollowUpDone if get("stage") == Some("promise_follow_up") && !number.is_empty() => {
            let channel = label(locale, "channel", get("channel")?);
            say("timeline-promise-follow-up", &[("number", number.into()), ("channel", channel.into())])
        }
        // An invoice read from an e-invoice file: its number, the file and
        // the start of its SHA-256 (the file itself is kept as evidence).
        EventKind::InvoiceImported => {
            let file = d.get("files")?.as_array()?.first()?.get("name")?.as_str()?;
            let sha: String = get("sha256")?.chars().take(12).collect();
            say(
                "timeline-invoice-imported",
                &[("number", get("number")?.into()), ("name", file.into()), ("sha", sha.into())],
            )
        }
        // A ladder step marked done by hand or printed with the day's
        // letters: the step's name is in the sentence it was written with
        // ("Letter printed: <name> for invoice <numbers>"); the default
        // ladder's English names are worded in the reader's language, a
        // name the user gave stays as written.
        EventKind::FollowUpDone => {
            let id = match get("channel")? {
                "email" => "timeline-step-email",
                "letter" => "timeline-step-letter",
                "phone" => "timeline-step-call",
                _ => return None,
            };
            let numbers: Vec<&str> = d.get("invoices")?.as_array()?.iter().filter_map(|v| v.as_str()).collect();
            let (_, rest) = e.summary.split_once(": ")?;
            let (name, _) = rest.rsplit_once(" for invoice ")?;
            let count = i64::try_from(numbers.len()).ok().filter(|n| *n > 0)?;
            say(
                id,
                &[
                    ("stage", stage_name(locale, name).into()),
                    ("count", count.into()),
                    ("numbers", numbers.join(", ").into()),
                ],
            )
        }
        // Withdrawn from the outbox: by the user, or by Kindly because its
        // invoices were settled or it no longer applied (the English entry
        // also names them).
        EventKind::EmailWithdrawn => {
            let id = match get("reason")? {
                "cancelled" => "timeline-email-withdrawn",
                "settled" => "timeline-email-withdrawn-settled",
                "no_longer_due" => "timeline-email-withdrawn-no-longer-due",
                _ => return None,
            };
            say(id, &[])
        }
        // A hold on an invoice (`hold`: its kind, null when lifted) or a
        // client's chasing switched (`mode`); the user's reason stays in the entry.
        EventKind::ChasingChanged if d.get("hold").is_some() => match (get("hold"), date("until")) {
            (Some("disputed"), _) => say("timeline-hold-disputed", &[]),
            (Some(_), Some(until)) => say("timeline-chasing-paused-until", &[("date", until.into())]),
            (Some(_), None) => say("timeline-chasing-paused", &[]),
            (None, _) => say("timeline-chasing-resumed", &[]),
        },
        EventKind::ChasingChanged => match (get("mode")?, date("until")) {
            ("on", _) => say("timeline-chasing-on", &[]),
            ("paused", Some(until)) => say("timeline-chasing-paused-until", &[("date", until.into())]),
            ("off", _) => say("timeline-chasing-off", &[]),
            _ => None,
        },
        EventKind::StatementSent => {
            say("timeline-statement-sent", &[("to", list("to")?.into()), ("subject", get("subject")?.into())])
        }
        EventKind::StatementPrinted => {
            let count = i64::try_from(d.get("invoices")?.as_array()?.len()).ok()?;
            say("timeline-statement-printed", &[("count", count.into())])
        }
        EventKind::CreditNoteIssued => {
            let standing = standing(locale, d, Some("outstanding"), "client_credit")?;
            say(
                "timeline-credit-note",
                &[
                    ("note", get("number")?.into()),
                    ("amount", money("amount")?.into()),
                    ("number", get("invoice_number")?.into()),
                    ("reason", get("reason")?.into()),
                    ("standing", standing.into()),
                ],
            )
        }
        EventKind::PaymentReversed => {
            let mut args = vec![
                ("amount", money("amount")?.into()),
                ("date", date("paid_on")?.into()),
                ("number", get("invoice_number")?.into()),
                ("reason", get("reason")?.into()),
            ];
            // The client's credit is not recorded with a reversal: with
            // nothing left owing, the sentence stops at what happened.
            if recorded_units(get("outstanding"), currency)? > 0 {
                args.push(("standing", standing(locale, d, Some("outstanding"), "outstanding")?.into()));
                say("timeline-payment-reversed", &args)
            } else {
                say("timeline-payment-reversed-plain", &args)
            }
        }
        EventKind::RefundMade => {
            let method = PaymentMethod::parse(get("method")?).ok()?;
            // A refund pays back a credit: nothing was owing.
            let standing = standing(locale, d, None, "client_credit")?;
            say(
                "timeline-refund",
                &[
                    ("amount", money("amount")?.into()),
                    ("number", get("invoice_number")?.into()),
                    ("method", method_label(method, locale).into()),
                    ("reason", get("reason")?.into()),
                    ("standing", standing.into()),
                ],
            )
        }
        _ => None,
    }
}

/// The `interest_rate_added` entry's sentence: the user entered a published
/// reference rate (series, rate, first day, source) past the compiled table.
pub fn interest_rate_added(series: &str, from: chrono::NaiveDate, bp: i32, source: &str, locale: Locale) -> String {
    let rate = kindly_interest::percent(bp);
    let rate = if locale == Locale::En { rate } else { rate.replace('.', ",") };
    tr(
        locale,
        "timeline-interest-rate-added",
        &[
            ("series", label(locale, "interest_base", series).into()),
            ("rate", rate.into()),
            ("from", locale.format_date(from).into()),
            ("source", source.into()),
        ],
    )
}

/// A timeline entry for the UI's lists, its summary in the user's language.
pub fn timeline_item(e: TimelineEntry, locale: Locale) -> crate::views::TimelineItem {
    crate::views::TimelineItem { summary: timeline_summary(&e, locale), ..e.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: entries the demo wrote without amounts stayed English on a German screen.
    #[test]
    fn entries_without_their_facts_still_speak_the_screens_language() {
        let created = entry(EventKind::InvoiceCreated, "Invoice INV-2026-0009 created", serde_json::json!({}));
        assert_eq!(timeline_summary(&created, Locale::De), "Rechnung INV-2026-0009 erstellt");
        assert_eq!(timeline_summary(&created, Locale::En), "Invoice INV-2026-0009 created");
        let paid = entry(EventKind::PaymentRecorded, "Payment received for INV-2026-0009", serde_json::json!({}));
        assert_eq!(timeline_summary(&paid, Locale::Fr), "Paiement reçu pour INV-2026-0009");
        assert_eq!(timeline_summary(&paid, Locale::En), "Payment received for INV-2026-0009");
    }

    /// Regression (#18): plans, installment reminders, promises, e-mails and
    /// statements sent, credit notes, reversals and refunds showed their
    /// English summary on every screen. Each is rendered from its facts; the
    /// user's own words (a reason, a subject) stay as written.
    #[test]
    fn every_kind_with_recorded_facts_speaks_the_screens_language() {
        use serde_json::json;
        let plan = |extra: serde_json::Value| {
            let mut d = json!({ "plan_id": 3, "invoices": ["INV-2026-0009"] });
            if let (Some(o), Some(x)) = (d.as_object_mut(), extra.as_object()) {
                o.extend(x.clone());
            }
            d
        };
        let sent = json!({ "message_id": "<m@kindly>", "channel": "email", "to": ["zoe@example.com"],
            "subject": "Rechnung INV-2026-0009", "kind": "reminder", "installment": 2, "plan_id": 3 });
        let cases = [
            (EventKind::PlanProposed, "Payment plan #3 proposed: €100.00 in 2 installment(s) for INV-2026-0009",
             plan(json!({ "total": "100.00", "currency": "EUR", "installments": [{}, {}] })),
             "Zahlungsplan #3 vorgeschlagen: 100,00\u{a0}€ in 2 Raten für INV-2026-0009"),
            (EventKind::PlanAgreed, "Payment plan #3 (INV-2026-0009) agreed on 2026-11-20 (call); …",
             plan(json!({ "agreed_on": "2026-11-20", "how": "call", "note": "" })),
             "Zahlungsplan #3 (INV-2026-0009) am 20.11.2026 vereinbart (Am Telefon); die Erinnerungen zu den Rechnungen ruhen, solange er eingehalten wird"),
            (EventKind::PlanCancelled, "Payment plan #3 (INV-2026-0009) cancelled; the invoice reminders resume",
             plan(json!({ "reason": "Client asked", "from_state": "active" })),
             "Zahlungsplan #3 (INV-2026-0009) aufgehoben; die Erinnerungen zu den Rechnungen laufen weiter"),
            (EventKind::PlanCompleted, "Payment plan #3 (INV-2026-0009) completed: all 2 installment(s) paid, €100.00 in all",
             plan(json!({})), "Zahlungsplan #3 (INV-2026-0009) abgeschlossen: alle Raten bezahlt"),
            (EventKind::PlanBroken, "Payment plan #3 (INV-2026-0009) broken: installment 2 is 9 days late (grace period 7 days); …",
             plan(json!({ "installment": 2, "days_late": 9 })),
             "Zahlungsplan #3 (INV-2026-0009) nicht eingehalten: Rate 2 ist 9 Tage überfällig; die Erinnerungen zu den Rechnungen laufen weiter"),
            (EventKind::PlanRenegotiated, "Payment plan #3 (INV-2026-0009) renegotiated: replaced by payment plan #4",
             plan(json!({ "replaced_by": 4 })),
             "Zahlungsplan #3 (INV-2026-0009) neu verhandelt: ersetzt durch Zahlungsplan #4"),
            (EventKind::InstallmentReminder, "Heads-up for installment 2 of payment plan #3 given by phone",
             plan(json!({ "channel": "phone", "kind": "heads_up", "installment": 2 })),
             "Hinweis auf Rate 2 von Zahlungsplan #3 telefonisch gegeben"),
            (EventKind::InstallmentReminder, "E-mail sent to zoe@example.com: Rechnung INV-2026-0009", sent.clone(),
             "E-Mail gesendet an zoe@example.com: Rechnung INV-2026-0009"),
            (EventKind::FollowUpDone, "E-mail sent to zoe@example.com: Rechnung INV-2026-0009", sent,
             "E-Mail gesendet an zoe@example.com: Rechnung INV-2026-0009"),
            (EventKind::PromiseRecorded, "Promise to pay €50.00 by 2026-12-01 for invoice INV-2026-0009 (given on the phone)",
             json!({ "promised_on": "2026-12-01", "amount_minor": 5000, "currency": "EUR", "how": "call" }),
             "Zahlungszusage über 50,00\u{a0}€ bis 01.12.2026 für Rechnung INV-2026-0009 (Am Telefon)"),
            (EventKind::PromiseKept, "Promise kept: invoice INV-2026-0009, promised for 2026-12-01",
             json!({ "promised_on": "2026-12-01", "amount_minor": 5000, "currency": "EUR" }),
             "Zusage eingehalten: Rechnung INV-2026-0009, zugesagt für 01.12.2026"),
            (EventKind::PromiseBroken, "Promise not kept: invoice INV-2026-0009, promised for 2026-12-01",
             json!({ "promised_on": "2026-12-01", "amount_minor": 5000, "currency": "EUR" }),
             "Zusage nicht eingehalten: Rechnung INV-2026-0009, zugesagt für 01.12.2026"),
            (EventKind::CallLogged, "Call for invoice INV-2026-0009: reached; promise to pay €50.00 by 2026-12-01; asked for a payment plan",
             json!({ "channel": "phone", "outcome": "reached", "plan_requested": true, "retry_on": null,
                     "promise": { "promised_on": "2026-12-01", "amount_minor": 5000, "currency": "EUR" } }),
             "Anruf zu Rechnung INV-2026-0009: erreicht; Zahlungszusage über 50,00\u{a0}€ bis 01.12.2026; um einen Zahlungsplan gebeten"),
            (EventKind::CallLogged, "Call for invoice INV-2026-0009: no answer; try again on 2026-11-25",
             json!({ "channel": "phone", "outcome": "no_answer", "plan_requested": false, "retry_on": "2026-11-25", "promise": null }),
             "Anruf zu Rechnung INV-2026-0009: niemand erreicht; erneut versuchen am 25.11.2026"),
            (EventKind::FollowUpDone, "Follow-up about the promise for invoice INV-2026-0009 (letter)",
             json!({ "stage": "promise_follow_up", "channel": "letter", "promise_id": 1, "subject": "S", "body": "B" }),
             "Nachfrage zur Zahlungszusage für Rechnung INV-2026-0009 (Brief)"),
            (EventKind::FollowUpDone, "Letter printed: Final courteous notice for invoice INV-2026-0009, INV-2026-0010",
             json!({ "channel": "letter", "subject": "S", "body": "B", "invoices": ["INV-2026-0009", "INV-2026-0010"] }),
             "Brief gedruckt: Letzte freundliche Erinnerung zu Rechnungen INV-2026-0009, INV-2026-0010"),
            (EventKind::FollowUpDone, "Call made: Mein Anruf for invoice INV-2026-0009",
             json!({ "stage": "custom_call", "channel": "phone", "subject": "S", "body": "B", "invoices": ["INV-2026-0009"] }),
             "Anruf getätigt: Mein Anruf zu Rechnung INV-2026-0009"),
            (EventKind::InvoiceImported, "Invoice RE-77 imported from the e-invoice re-77.xml (SHA-256 0123456789ab…)",
             json!({ "number": "RE-77", "sha256": "0123456789abcdef", "files": [{ "kind": "einvoice", "name": "re-77.xml" }] }),
             "Rechnung RE-77 aus der E-Rechnung re-77.xml importiert (SHA-256 0123456789ab…)"),
            (EventKind::EmailWithdrawn, "E-mail withdrawn before it was sent.",
             json!({ "outbox_id": 1, "reason": "cancelled" }), "E-Mail vor dem Senden zurückgezogen."),
            (EventKind::EmailWithdrawn, "Not sent: invoice INV-2026-0009 was paid or cancelled in the meantime.",
             json!({ "outbox_id": 1, "reason": "settled" }),
             "Nicht gesendet: Die Rechnungen wurden inzwischen bezahlt oder storniert."),
            (EventKind::ChasingChanged, "Follow-ups paused: invoice disputed",
             json!({ "hold": "disputed", "until": null, "reason": "Logo late" }),
             "Erinnerungen pausiert: Rechnung bestritten"),
            (EventKind::ChasingChanged, "Follow-ups paused until 2026-12-15",
             json!({ "hold": "paused", "until": "2026-12-15", "reason": "" }),
             "Erinnerungen pausiert bis 15.12.2026"),
            (EventKind::ChasingChanged, "Follow-ups resumed", json!({ "hold": null, "until": null, "reason": "" }),
             "Erinnerungen fortgesetzt"),
            (EventKind::ChasingChanged, "Follow-ups switched off", json!({ "mode": "off", "until": null, "reason": "" }),
             "Erinnerungen ausgeschaltet"),
            (EventKind::StatementSent, "Statement of account sent to zoe@example.com: Kontoauszug",
             json!({ "to": ["zoe@example.com"], "subject": "Kontoauszug" }),
             "Kontoauszug gesendet an zoe@example.com: Kontoauszug"),
            (EventKind::StatementPrinted, "Statement of account printed (2 open invoices)",
             json!({ "invoices": ["INV-1", "INV-2"] }), "Kontoauszug gedruckt (2 offene Rechnungen)"),
            (EventKind::CreditNoteIssued, "Credit note CN-2026-0001 of €20.00 issued for INV-2026-0009 (Falscher Satz); €80.00 still owing",
             json!({ "number": "CN-2026-0001", "amount": "20.00", "currency": "EUR", "invoice_number": "INV-2026-0009",
                     "reason": "Falscher Satz", "outstanding": "80.00", "client_credit": "0.00" }),
             "Gutschrift CN-2026-0001 über 20,00\u{a0}€ zu INV-2026-0009 erstellt (Falscher Satz); noch offen: 80,00\u{a0}€"),
            (EventKind::PaymentReversed, "Payment of €50.00 received on 2026-11-20 for INV-2026-0009 reversed (Rückläufer); €50.00 still owing",
             json!({ "amount": "50.00", "currency": "EUR", "paid_on": "2026-11-20", "invoice_number": "INV-2026-0009",
                     "reason": "Rückläufer", "outstanding": "50.00" }),
             "Zahlung über 50,00\u{a0}€ vom 20.11.2026 für INV-2026-0009 storniert (Rückläufer); noch offen: 50,00\u{a0}€"),
            (EventKind::RefundMade, "Refund of €5.00 paid back for INV-2026-0009 (Bank transfer, Zu viel); nothing owing",
             json!({ "amount": "5.00", "currency": "EUR", "invoice_number": "INV-2026-0009", "method": "bank_transfer",
                     "reason": "Zu viel", "client_credit": "0.00" }),
             "Erstattung von 5,00\u{a0}€ zu INV-2026-0009 (Überweisung, Zu viel); nichts mehr offen"),
        ];
        let english = [
            "Payment",
            "Payment plan",
            "proposed",
            "agreed",
            "cancelled",
            "completed",
            "broken",
            "installment",
            "reminder",
            "Promise",
            "kept",
            "E-mail sent",
            "Statement",
            "printed",
            "Credit note",
            "reversed",
            "Refund",
            "owing",
            "Heads-up",
            "by phone",
            "invoice ",
        ];
        for (kind, summary, data, want) in cases {
            let e = entry(kind, summary, data);
            let de = timeline_summary(&e, Locale::De);
            assert_eq!(de, want, "{kind:?}");
            for word in english {
                assert!(!de.contains(word), "{kind:?}: {word:?} in {de}");
            }
            assert_eq!(timeline_summary(&e, Locale::En), summary, "English keeps the words it was written with");
            for l in [Locale::Fr, Locale::Es] {
                let other = timeline_summary(&e, l);
                assert!(other != summary && !other.contains("Payment plan"), "{kind:?} {l:?}: {other}");
            }
        }
    }

    fn entry(kind: EventKind, summary: &str, data: serde_json::Value) -> TimelineEntry {
        TimelineEntry {
            id: 1,
            client_id: 1,
            invoice_id: Some(1),
            invoice_number: Some("INV-2026-0009".into()),
            at: Utc::now(),
            kind,
            summary: summary.into(),
            data,
            refers_to: None,
            corrected_by: vec![],
            made_by: None,
        }
    }

    #[test]
    fn summaries_show_no_raw_values_in_any_language() {
        let created = entry(
            EventKind::InvoiceCreated,
            "Invoice INV-2026-0009 created (EUR 2739.69)",
            serde_json::json!({ "number": "INV-2026-0009", "total": "2739.69", "currency": "EUR" }),
        );
        let paid = entry(
            EventKind::PaymentRecorded,
            "Payment of €500.00 received for INV-2026-0009 (Bank transfer); €2,239.69 still owing",
            serde_json::json!({ "amount": "500.00", "currency": "EUR", "method": "bank_transfer", "outstanding": "2239.69" }),
        );
        assert_eq!(timeline_summary(&created, Locale::En), "Invoice INV-2026-0009 created: €2,739.69");
        assert_eq!(timeline_summary(&created, Locale::De), "Rechnung INV-2026-0009 erstellt: 2.739,69\u{a0}€");
        assert_eq!(
            timeline_summary(&paid, Locale::Fr),
            "Paiement de 500,00\u{a0}€ reçu pour INV-2026-0009 (Virement) ; restant dû : 2\u{202f}239,69\u{a0}€"
        );
        for l in Locale::ALL {
            for e in [&created, &paid] {
                let s = timeline_summary(e, l);
                assert!(!s.contains("bank_transfer") && !s.contains("(EUR 2739.69)") && !s.contains("2739.69"), "{s}");
            }
        }
    }

    #[test]
    fn unknown_values_are_written_as_words() {
        assert_eq!(label(Locale::De, "channel", "email"), "E-Mail");
        assert_eq!(label(Locale::De, "channel", "smoke_signal"), "Smoke signal");
        assert_eq!(method_label(PaymentMethod::BankTransfer, Locale::Es), "Transferencia bancaria");
        for l in Locale::ALL {
            for k in EventKind::ALL {
                assert!(!event_label(k, l).contains('_'), "{k:?} {l:?}");
            }
            for m in PaymentMethod::ALL {
                assert!(!method_label(m, l).contains('_'), "{m:?} {l:?}");
            }
        }
    }
}

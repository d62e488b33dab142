//! The words a person reads for recorded values, in a language: labels of
//! closed vocabularies (a payment method, a channel, a kind of timeline
//! entry) and timeline summaries rendered from each entry's recorded facts
//! (amounts formatted for the reader, never "(EUR 2739.69)"). The words
//! live in kindly-i18n's Fluent catalogue; a raw value never reaches a
//! reader (an unknown one is written out as words: "in_person" → "In person").

use chrono::{DateTime, FixedOffset, Utc};
use kindly_core::locale::Locale;
use kindly_core::payment::PaymentMethod;
use kindly_core::timeline::EventKind;
use kindly_core::{Currency, Money};
use kindly_i18n::{tr, try_tr};
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
        _ => None,
    };
    match rendered {
        Some(s) => s,
        None if e.summary.trim().is_empty() => event_label(e.kind, locale),
        None => e.summary.clone(),
    }
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

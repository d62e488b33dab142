//! The catalogue's own checks: the same ids everywhere, every message
//! formats cleanly, plurals select the right words.

use super::*;
use std::collections::BTreeSet;

/// Representative arguments for every variable any message uses.
fn sample_args(count: i64) -> Vec<(&'static str, FluentValue<'static>)> {
    vec![
        ("count", count.into()),
        ("numbers", "INV-2026-0009".into()),
        ("stage", "Friendly reminder".into()),
        ("date", "20 November 2026".into()),
        ("client", "Zoë Ångström-Müller".into()),
        ("number", "INV-2026-0009".into()),
        ("who", "Zoë · zoe@example.com".into()),
        ("business", "Studio Kind".into()),
        ("at", "2 Dec 2026 10:42 UTC+01:00".into()),
        ("entries", count.into()),
        ("files", count.into()),
        ("currency", "EUR".into()),
        ("invoiced", "€1,154.16".into()),
        ("paid", "€500.00".into()),
        ("owing", "€654.16".into()),
        ("days", count.into()),
        ("summary", "Note".into()),
        ("id", 7.into()),
        ("amount", "€500.00".into()),
        ("sha", "ab12".into()),
        ("name", "re-77.xml".into()),
        ("months", count.into()),
        ("total", "€1,154.16".into()),
        ("method", "Bank transfer".into()),
        ("outstanding", "€654.16".into()),
        ("n", "{n}".into()),
        ("list", "€50.00 on 1 December 2026 and €50.00 on 1 January 2027".into()),
        ("plan", "3".into()),
        ("invoices", "INV-2026-0009, INV-2026-0010".into()),
        ("how", "On the phone".into()),
        ("new", "4".into()),
        ("installment", 2.into()),
        ("channel", "email".into()),
        ("to", "zoe@example.com".into()),
        ("subject", "Invoice INV-2026-0009".into()),
        ("note", "CN-2026-0001".into()),
        ("reason", "Wrong rate".into()),
        ("standing", "€5.00 still owing".into()),
        ("outcome", "reached".into()),
        ("m", "{m}".into()),
        ("law", "Germany (§ 288 BGB)".into()),
        ("debtor", "a business".into()),
        ("series", "German base rate (Basiszinssatz)".into()),
        ("rate", "1.50".into()),
        ("from", "1 Jul 2026".into()),
        ("source", "https://www.bundesbank.de/".into()),
        ("invoice", "INV-2026-0009".into()),
        ("format", "Factur-X".into()),
    ]
}

#[test]
fn every_file_parses() {
    for l in Locale::ALL {
        assert_eq!(parse_errors(l), Vec::<String>::new(), "{l:?}");
    }
}

#[test]
fn every_locale_has_exactly_the_english_ids() {
    let en: Vec<String> = message_ids(Locale::En);
    let en_set: BTreeSet<&String> = en.iter().collect();
    assert_eq!(en.len(), en_set.len(), "an id is declared twice in English");
    for l in Locale::ALL {
        let ids = message_ids(l);
        let set: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(ids.len(), set.len(), "{l:?}: an id is declared twice");
        let missing: Vec<_> = en_set.difference(&set).collect();
        let extra: Vec<_> = set.difference(&en_set).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{l:?}: missing {missing:?}, extra {extra:?}");
    }
}

#[test]
fn every_message_formats_without_errors_or_isolation_marks() {
    for l in Locale::ALL {
        for count in [1, 2, 5] {
            let args = sample_args(count);
            for id in message_ids(l) {
                let (text, errors) = try_tr(l, &id, &args).unwrap_or_else(|| panic!("{l:?} {id}"));
                assert!(errors.is_empty(), "{l:?} {id}: {errors:?}");
                assert!(!text.trim().is_empty(), "{l:?} {id} is empty");
                assert!(!text.contains(['\u{2068}', '\u{2069}']), "{l:?} {id}: bidi isolation marks");
                assert!(!text.contains("{$") && !text.contains("{ $"), "{l:?} {id}: {text}");
            }
        }
    }
}

fn phrase(l: Locale, id: &str, count: i64, numbers: &str) -> String {
    tr(l, id, &[("count", count.into()), ("numbers", numbers.into()), ("date", "D".into())])
}

#[test]
fn plurals_agree_in_every_language() {
    let two = "INV-2026-0009 und INV-2026-0010";
    assert_eq!(phrase(Locale::De, "invoices-due-on", 1, "INV-2026-0009"), "Die Rechnung INV-2026-0009 ist am D fällig");
    assert_eq!(phrase(Locale::De, "invoices-due-on", 2, two), format!("Die Rechnungen {two} sind am D fällig"));
    assert_eq!(phrase(Locale::De, "about-invoices", 1, "A"), "wegen der Rechnung A");
    assert_eq!(phrase(Locale::De, "about-invoices", 2, "A und B"), "wegen der Rechnungen A und B");
    assert_eq!(phrase(Locale::Fr, "invoices-due-on", 1, "A"), "la facture A arrive à échéance le D");
    assert_eq!(phrase(Locale::Fr, "invoices-due-on", 2, "A et B"), "les factures A et B arrivent à échéance le D");
    assert_eq!(phrase(Locale::Fr, "invoices-were-due-on", 3, "A, B et C"), "les factures A, B et C étaient dues le D");
    assert_eq!(phrase(Locale::Es, "invoices-due-on", 1, "A"), "la factura A vence el D");
    assert_eq!(phrase(Locale::Es, "invoices-due-on", 2, "A y B"), "las facturas A y B vencen el D");
    assert_eq!(phrase(Locale::En, "invoices-due-on", 1, "A"), "invoice A is due on D");
    assert_eq!(phrase(Locale::En, "invoices-due-on", 2, "A and B"), "invoices A and B are due on D");
    assert_eq!(phrase(Locale::En, "invoices-still-open", 2, "A and B"), "invoices A and B are still open");
}

#[test]
fn missing_messages_fall_back_to_english_then_to_the_id() {
    assert_eq!(t(Locale::De, "no-such-message"), "no-such-message");
    assert_eq!(try_tr(Locale::De, "no-such-message", &[]).map(|x| x.0), None);
    assert_eq!(t(Locale::Fr, "channel-email"), "E-mail");
    assert_eq!(t(Locale::De, "channel-email"), "E-Mail");
}

#[test]
fn lists_are_joined_in_the_language() {
    let v: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
    assert_eq!(join_and(&v, Locale::En), "A, B and C");
    assert_eq!(join_and(&v, Locale::De), "A, B und C");
    assert_eq!(join_and(&v[..1], Locale::Fr), "A");
    assert_eq!(join_and(&[], Locale::Es), "");
}

#[test]
fn page_labels_keep_the_pdf_placeholders() {
    let l = tr(Locale::De, "page-label", &[("n", "{n}".into()), ("m", "{m}".into())]);
    assert_eq!(l, "Seite {n} von {m}");
}

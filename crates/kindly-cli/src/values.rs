//! The closed sets of values the CLI's options take, for clap to refuse
//! anything else with the list of what is allowed (`--sort bogus` used to be
//! silently read as the default).
//!
//! Each list comes from the type or constant that parses the value where one
//! exists (`Locale::ALL`, `InvoiceState::ALL`, `kindly_store::AGREED_HOW`,
//! `Channel::as_str`, …). The few written here (the use case parses them
//! inline) are checked against their parser by the tests below, or, where the
//! parser is private to a use case, by the CLI integration tests
//! (`tests/cli/values.rs`). Aliases the use cases also accept stay accepted
//! but are hidden from the help and the error message.

use clap::builder::{PossibleValue, PossibleValuesParser};
use kindly_api::contacts::CallOutcome;
use kindly_core::invoice::InvoiceState;
use kindly_core::locale::Locale;
use kindly_core::payment::PaymentMethod;
use kindly_core::timeline::EventKind;
use kindly_followup::ladder::Channel;
use kindly_followup::plan::schedule::Frequency;
use kindly_mail::Security;

fn parser<I, T>(values: I) -> PossibleValuesParser
where
    I: IntoIterator<Item = T>,
    T: Into<PossibleValue>,
{
    PossibleValuesParser::new(values)
}

/// Every `Channel`, in the order the help shows them.
pub(crate) const CHANNELS: [Channel; 3] = [Channel::Email, Channel::Letter, Channel::Phone];

/// Every `Security`.
pub(crate) const SECURITIES: [Security; 3] = [Security::Starttls, Security::Tls, Security::Plain];

/// Every `Frequency`.
pub(crate) const FREQUENCIES: [Frequency; 4] =
    [Frequency::Weekly, Frequency::Fortnightly, Frequency::Monthly, Frequency::Custom];

/// Every `CallOutcome`.
pub(crate) const OUTCOMES: [CallOutcome; 4] =
    [CallOutcome::Reached, CallOutcome::Voicemail, CallOutcome::NoAnswer, CallOutcome::WrongNumber];

/// `clients chasing MODE` (parsed by `kindly_core::client::validate_chasing`).
pub(crate) const CHASING_MODES: [&str; 3] = ["on", "paused", "off"];

/// `--page-size` (parsed by `kindly_api::documents::page_size`, which also
/// takes "us" and "us_letter", in any case).
pub(crate) const PAGE_SIZES: [&str; 2] = ["a4", "letter"];

/// `notes add --kind` (parsed in `kindly_api::contacts::log_contact`, which
/// reads `-` as `_` and takes "call" for an incoming call).
pub(crate) const NOTE_KINDS: [&str; 4] = ["note", "incoming-call", "email", "letter"];

/// `bank import --format` (parsed in `kindly_api::bank`, in any case, with the
/// aliases below).
pub(crate) const BANK_FORMATS: [&str; 5] = ["auto", "camt", "mt940", "ofx", "csv"];

/// `invoices hold --kind` (parsed by `kindly_api::followups::set_invoice_hold`,
/// where "none" takes the hold off: that is `invoices resume`).
pub(crate) const HOLD_KINDS: [&str; 2] = ["disputed", "paused"];

pub fn languages() -> PossibleValuesParser {
    parser(Locale::ALL.map(Locale::code))
}

pub fn client_sorts() -> PossibleValuesParser {
    parser(kindly_api::clients::SORTS)
}

pub fn chasing_modes() -> PossibleValuesParser {
    parser(CHASING_MODES)
}

/// Every derived state, and "all".
pub fn invoice_states() -> PossibleValuesParser {
    parser(InvoiceState::ALL.map(InvoiceState::as_str).into_iter().chain(["all"]))
}

pub fn invoice_sorts() -> PossibleValuesParser {
    parser(kindly_api::invoices::SORTS)
}

pub fn page_sizes() -> PossibleValuesParser {
    parser([PossibleValue::new(PAGE_SIZES[0]), PossibleValue::new(PAGE_SIZES[1]).aliases(["us", "us_letter"])])
}

pub fn payment_methods() -> PossibleValuesParser {
    parser(PaymentMethod::ALL.map(PaymentMethod::as_str))
}

pub fn note_kinds() -> PossibleValuesParser {
    parser(NOTE_KINDS.map(|k| match k {
        "incoming-call" => PossibleValue::new(k).aliases(["incoming_call", "call"]),
        _ => PossibleValue::new(k),
    }))
}

pub fn channels() -> PossibleValuesParser {
    parser(CHANNELS.map(Channel::as_str))
}

pub fn securities() -> PossibleValuesParser {
    parser(SECURITIES.map(Security::as_str))
}

pub fn outbox_states() -> PossibleValuesParser {
    parser(kindly_api::outbox::STATES)
}

pub fn frequencies() -> PossibleValuesParser {
    parser(FREQUENCIES.map(|f| match f {
        Frequency::Fortnightly => PossibleValue::new(f.as_str()).alias("biweekly"),
        _ => PossibleValue::new(f.as_str()),
    }))
}

/// How a client agreed or promised (`kindly_store::AGREED_HOW`; both use
/// cases also read "e-mail" and "in-person", promises "phone" for a call).
pub fn agreed_how() -> PossibleValuesParser {
    parser(kindly_store::AGREED_HOW.map(|h| match h {
        "email" => PossibleValue::new(h).alias("e-mail"),
        "in_person" => PossibleValue::new(h).alias("in-person"),
        _ => PossibleValue::new(h),
    }))
}

pub fn promise_how() -> PossibleValuesParser {
    parser(kindly_store::AGREED_HOW.map(|h| match h {
        "call" => PossibleValue::new(h).alias("phone"),
        "email" => PossibleValue::new(h).alias("e-mail"),
        "in_person" => PossibleValue::new(h).alias("in-person"),
        _ => PossibleValue::new(h),
    }))
}

/// Call outcomes; the use case reads `-` as `_`, so both spellings work.
pub fn outcomes() -> PossibleValuesParser {
    parser(OUTCOMES.map(|o| match o {
        CallOutcome::NoAnswer => PossibleValue::new(o.as_str()).alias("no-answer"),
        CallOutcome::WrongNumber => PossibleValue::new(o.as_str()).alias("wrong-number"),
        CallOutcome::Reached | CallOutcome::Voicemail => PossibleValue::new(o.as_str()),
    }))
}

pub fn event_kinds() -> PossibleValuesParser {
    parser(EventKind::ALL.map(EventKind::as_str))
}

pub fn bank_formats() -> PossibleValuesParser {
    parser(BANK_FORMATS.map(|f| match f {
        "camt" => PossibleValue::new(f).aliases(["camt053", "camt054", "xml", "zip"]),
        "mt940" => PossibleValue::new(f).alias("sta"),
        "ofx" => PossibleValue::new(f).alias("qfx"),
        _ => PossibleValue::new(f),
    }))
}

pub fn hold_kinds() -> PossibleValuesParser {
    parser(HOLD_KINDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names a parser accepts, aliases included.
    fn accepted(p: PossibleValuesParser) -> Vec<String> {
        use clap::builder::TypedValueParser;
        p.possible_values()
            .into_iter()
            .flatten()
            .flat_map(|v| v.get_name_and_aliases().map(str::to_string).collect::<Vec<_>>())
            .collect()
    }

    // These matches fail to compile when a variant is added, so a new value
    // cannot be left out of the CLI's list.
    #[test]
    fn every_variant_is_listed() {
        for c in CHANNELS {
            match c {
                Channel::Email | Channel::Letter | Channel::Phone => {}
            }
        }
        for s in SECURITIES {
            match s {
                Security::Starttls | Security::Tls | Security::Plain => {}
            }
        }
        for f in FREQUENCIES {
            match f {
                Frequency::Weekly | Frequency::Fortnightly | Frequency::Monthly | Frequency::Custom => {}
            }
        }
        for o in OUTCOMES {
            match o {
                CallOutcome::Reached | CallOutcome::Voicemail | CallOutcome::NoAnswer | CallOutcome::WrongNumber => {}
            }
        }
    }

    #[test]
    fn enum_lists_parse_back_to_their_variants() {
        for v in accepted(channels()) {
            assert!(Channel::parse(&v).is_some(), "{v}");
        }
        for v in accepted(securities()) {
            assert!(Security::parse(&v).is_some(), "{v}");
        }
        for v in accepted(frequencies()) {
            assert!(Frequency::parse(&v).is_some(), "{v}");
        }
        for v in accepted(outcomes()) {
            assert!(CallOutcome::parse(&v).is_some(), "{v}");
        }
        for v in accepted(languages()) {
            assert!(Locale::parse(&v).is_ok(), "{v}");
        }
        for v in accepted(payment_methods()) {
            assert!(PaymentMethod::parse(&v).is_ok(), "{v}");
        }
        for v in accepted(event_kinds()) {
            assert!(EventKind::parse(&v).is_some(), "{v}");
        }
        for v in accepted(invoice_states()) {
            assert!(v == "all" || InvoiceState::parse(&v).is_some(), "{v}");
        }
        assert_eq!(accepted(invoice_states()).len(), InvoiceState::ALL.len() + 1);
    }

    #[test]
    fn sorts_are_the_use_cases_own() {
        for v in accepted(client_sorts()) {
            assert!(kindly_api::clients::parse_sort(&v).is_some(), "{v}");
        }
        for v in accepted(invoice_sorts()) {
            assert!(kindly_api::invoices::parse_sort(&v).is_some(), "{v}");
        }
        assert!(kindly_api::clients::parse_sort("bogus").is_none());
        assert!(kindly_api::invoices::parse_sort("bogus").is_none());
    }

    #[test]
    fn written_lists_match_their_parsers() {
        // Chasing modes: exactly what validate_chasing takes.
        let until = chrono::NaiveDate::from_ymd_opt(2030, 1, 1);
        for m in CHASING_MODES {
            assert!(kindly_core::client::validate_chasing(m, until, "").is_ok(), "{m}");
        }
        assert!(kindly_core::client::validate_chasing("bogus", until, "").is_err());
        // Page sizes, aliases included, in any case.
        for v in accepted(page_sizes()) {
            assert!(kindly_api::documents::page_size(&v, Locale::De).is_ok(), "{v}");
            assert!(kindly_api::documents::page_size(&v.to_uppercase(), Locale::De).is_ok(), "{v}");
        }
        assert!(kindly_api::documents::page_size("a5", Locale::De).is_err());
        // How a plan was agreed: the store's list (aliases normalised by the use case).
        assert_eq!(accepted(agreed_how()).iter().filter(|v| kindly_store::AGREED_HOW.contains(&v.as_str())).count(), 4);
    }
}

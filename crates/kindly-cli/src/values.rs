//! The closed sets of values the CLI's options take, for clap to refuse
//! anything else with the list of what is allowed (`--sort bogus` used to be
//! silently read as the default).
//!
//! Every option whose value is a vocabulary of the domain (`Channel`,
//! `InvoiceSort`, `AgreedHow`, …) is parsed by [`words`] straight into that
//! enum, from its own list of values (`strum::VariantArray`), so the CLI can
//! neither miss a value nor accept one the enum lacks. A few friendly
//! spellings stay accepted as hidden aliases. The remaining lists are
//! filters the use cases take as text (a state or "all", event kinds,
//! outbox states, bank formats with their aliases); they come from the
//! type or constant that parses them, and the tests below check them.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use kindly_api::contacts::CallOutcome;
use kindly_core::invoice::InvoiceState;
use kindly_core::locale::Locale;
use kindly_core::timeline::EventKind;
use kindly_core::vocab::{AgreedHow, ChasingMode, ClientSort, ContactKind, InvoiceSort, WayToPay, Word};
use kindly_followup::ladder::Channel;
use kindly_followup::plan::schedule::Frequency;
use kindly_mail::Security;
use kindly_pdf::PageSize;

fn parser<I, T>(values: I) -> PossibleValuesParser
where
    I: IntoIterator<Item = T>,
    T: Into<PossibleValue>,
{
    PossibleValuesParser::new(values)
}

/// A parser giving a vocabulary value: its words are the choices, `aliases`
/// (alias, word) are accepted but hidden, in any case.
pub fn words<T: Word>(aliases: &'static [(&'static str, &'static str)]) -> impl TypedValueParser<Value = T> {
    let values = T::VARIANTS.iter().map(move |v| {
        let w = v.word();
        PossibleValue::new(w).aliases(aliases.iter().filter(move |(_, to)| *to == w).map(|(a, _)| *a))
    });
    PossibleValuesParser::new(values).map(move |typed: String| {
        let typed = typed.to_ascii_lowercase();
        let word = aliases.iter().find(|(a, _)| *a == typed).map_or(typed.as_str(), |(_, to)| to);
        // clap accepted only these words and aliases, so the lookup finds one.
        T::from_word(word).unwrap_or(T::VARIANTS[0])
    })
}

pub const PAGE_SIZE_ALIASES: &[(&str, &str)] = &[("us", "letter"), ("us_letter", "letter")];
pub const CONTACT_KIND_ALIASES: &[(&str, &str)] = &[("incoming-call", "incoming_call"), ("call", "incoming_call")];
pub const OUTCOME_ALIASES: &[(&str, &str)] = &[("no-answer", "no_answer"), ("wrong-number", "wrong_number")];
pub const AGREED_ALIASES: &[(&str, &str)] = &[("e-mail", "email"), ("in-person", "in_person")];
pub const PROMISE_ALIASES: &[(&str, &str)] = &[("phone", "call"), ("e-mail", "email"), ("in-person", "in_person")];
pub const FREQUENCY_ALIASES: &[(&str, &str)] = &[("biweekly", "fortnightly")];

pub fn ssl_modes() -> impl TypedValueParser<Value = kindly_core::vocab::SslMode> {
    words(&[("verify_ca", "verify-ca"), ("verify_full", "verify-full")])
}
pub fn import_kinds() -> impl TypedValueParser<Value = kindly_csv::ImportKind> {
    words(&[])
}
pub fn import_presets() -> impl TypedValueParser<Value = kindly_csv::ImportPreset> {
    words(&[("invoiceninja", "invoice_ninja"), ("zoho", "zoho_invoice"), ("quickbooks-online", "quickbooks")])
}
pub fn page_sizes() -> impl TypedValueParser<Value = PageSize> {
    words(PAGE_SIZE_ALIASES)
}
pub fn ways_to_pay() -> impl TypedValueParser<Value = WayToPay> {
    words(&[("iban", "bank"), ("transfer", "bank"), ("check", "cheque"), ("installment", "installments")])
}
pub fn einvoice_formats() -> impl TypedValueParser<Value = kindly_core::vocab::EInvoiceFormat> {
    words(&[
        ("xrechnung-ubl", "xrechnung_ubl"),
        ("xrechnung-cii", "xrechnung_cii"),
        ("factur-x", "facturx"),
        ("zugferd", "facturx"),
    ])
}
pub fn client_sorts() -> impl TypedValueParser<Value = ClientSort> {
    words(&[("owed", "owed_desc"), ("oldest-overdue", "oldest_overdue")])
}
pub fn balance_filters() -> impl TypedValueParser<Value = kindly_core::vocab::ClientBalanceFilter> {
    words(&[])
}
pub fn aging_buckets() -> impl TypedValueParser<Value = kindly_core::vocab::AgingBucket> {
    words(&[
        ("not-yet-due", "not_yet_due"),
        ("1-30", "days_1_30"),
        ("31-60", "days_31_60"),
        ("61-90", "days_61_90"),
        ("over-90", "over_90"),
    ])
}
pub fn invoice_sorts() -> impl TypedValueParser<Value = InvoiceSort> {
    words(&[])
}
pub fn jurisdictions() -> impl TypedValueParser<Value = kindly_core::vocab::Jurisdiction> {
    words(&[])
}
pub const SERIES_ALIASES: &[(&str, &str)] =
    &[("boe", "boe_reference"), ("boe-reference", "boe_reference"), ("ecb-mro", "ecb_mro"), ("ecb", "ecb_mro")];
pub fn rate_series() -> impl TypedValueParser<Value = kindly_core::vocab::InterestBase> {
    words(SERIES_ALIASES)
}
pub fn chasing_modes() -> impl TypedValueParser<Value = ChasingMode> {
    words(&[])
}
pub fn payment_methods() -> impl TypedValueParser<Value = kindly_core::payment::PaymentMethod> {
    words(&[])
}
pub fn note_kinds() -> impl TypedValueParser<Value = ContactKind> {
    words(CONTACT_KIND_ALIASES)
}
pub fn channels() -> impl TypedValueParser<Value = Channel> {
    words(&[])
}
pub fn securities() -> impl TypedValueParser<Value = Security> {
    words(&[])
}
pub fn frequencies() -> impl TypedValueParser<Value = Frequency> {
    words(FREQUENCY_ALIASES)
}
pub fn agreed_how() -> impl TypedValueParser<Value = AgreedHow> {
    words(AGREED_ALIASES)
}
pub fn promise_how() -> impl TypedValueParser<Value = AgreedHow> {
    words(PROMISE_ALIASES)
}
pub fn outcomes() -> impl TypedValueParser<Value = CallOutcome> {
    words(OUTCOME_ALIASES)
}

/// `clients add --language`: the text `ClientInput` validates.
pub fn languages() -> PossibleValuesParser {
    parser(Locale::ALL.map(Locale::code))
}

/// Every derived state, and "all" (the list filter's text).
pub fn invoice_states() -> PossibleValuesParser {
    parser(InvoiceState::ALL.map(InvoiceState::as_str).into_iter().chain(["all"]))
}

/// `invoices hold --kind` (parsed by `kindly_api::followups::set_invoice_hold`,
/// where "none" takes the hold off: that is `invoices resume`).
pub fn hold_kinds() -> PossibleValuesParser {
    use kindly_core::vocab::HoldKind;
    parser([HoldKind::Disputed, HoldKind::Paused].map(HoldKind::as_str))
}

pub fn outbox_states() -> PossibleValuesParser {
    parser(<kindly_core::vocab::OutboxState as strum::VariantArray>::VARIANTS.iter().map(|s| s.as_str()))
}

pub fn event_kinds() -> PossibleValuesParser {
    parser(EventKind::ALL.map(EventKind::as_str))
}

/// `bank import --format` (parsed in `kindly_api::bank`, in any case, with the
/// aliases below).
pub(crate) const BANK_FORMATS: [&str; 5] = ["auto", "camt", "mt940", "ofx", "csv"];

pub fn bank_formats() -> PossibleValuesParser {
    parser(BANK_FORMATS.map(|f| match f {
        "camt" => PossibleValue::new(f).aliases(["camt053", "camt054", "xml", "zip"]),
        "mt940" => PossibleValue::new(f).alias("sta"),
        "ofx" => PossibleValue::new(f).alias("qfx"),
        _ => PossibleValue::new(f),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::builder::TypedValueParser;
    use strum::VariantArray;

    fn parse<P: TypedValueParser>(p: &P, s: &str) -> Result<P::Value, clap::Error> {
        let cmd = clap::Command::new("kindly");
        p.parse_ref(&cmd, None, std::ffi::OsStr::new(s))
    }

    /// Every word and alias parses to the value it names; nothing else does.
    fn check<T: Word + PartialEq + std::fmt::Debug>(p: impl TypedValueParser<Value = T>, aliases: &[(&str, &str)]) {
        for v in T::VARIANTS {
            assert_eq!(parse(&p, v.word()).ok(), Some(*v));
        }
        for (alias, word) in aliases {
            assert_eq!(parse(&p, alias).ok().map(Word::word), Some(*word), "{alias}");
        }
        assert!(parse(&p, "bogus").is_err());
    }

    #[test]
    fn vocabularies_parse_to_their_values() {
        check(page_sizes(), PAGE_SIZE_ALIASES);
        check(client_sorts(), &[]);
        check(invoice_sorts(), &[]);
        check(chasing_modes(), &[]);
        check(payment_methods(), &[]);
        check(note_kinds(), CONTACT_KIND_ALIASES);
        check(channels(), &[]);
        check(securities(), &[]);
        check(frequencies(), FREQUENCY_ALIASES);
        check(agreed_how(), AGREED_ALIASES);
        check(promise_how(), PROMISE_ALIASES);
        check(outcomes(), OUTCOME_ALIASES);
    }

    #[test]
    fn text_lists_match_their_parsers() {
        let names = |p: PossibleValuesParser| -> Vec<String> {
            p.possible_values().into_iter().flatten().map(|v| v.get_name().to_string()).collect()
        };
        for v in names(languages()) {
            assert!(Locale::parse(&v).is_ok(), "{v}");
        }
        for v in names(event_kinds()) {
            assert!(EventKind::parse(&v).is_some(), "{v}");
        }
        for v in names(invoice_states()) {
            assert!(v == "all" || InvoiceState::parse(&v).is_some(), "{v}");
        }
        assert_eq!(names(invoice_states()).len(), InvoiceState::ALL.len() + 1);
        assert_eq!(names(outbox_states()).len(), kindly_core::vocab::OutboxState::VARIANTS.len());
    }
}

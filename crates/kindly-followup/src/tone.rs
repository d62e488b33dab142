//! The tone check: concrete, explainable findings while a user writes a
//! template or a one-off message. Deterministic rules; it advises, it never
//! blocks. Each finding names its rule, says why, and quotes the words.

use crate::templates::MessageFacts;
use kindly_core::Currency;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule code: threat, shouting, exclamation, no_greeting,
    /// missing_amount, missing_due_date, missing_invoice_number,
    /// missing_terms, no_payment_methods, no_thanks.
    pub rule: &'static str,
    pub message: String,
    /// The words that triggered it, when there are some.
    pub excerpt: Option<String>,
}

/// Phrases that threaten or pressure, in the four languages, with a kinder alternative.
const AGGRESSIVE: &[(&str, &str)] = &[
    ("legal action", "say you would like to settle it together"),
    ("legal steps", "say you would like to settle it together"),
    ("lawyer", "keep the conversation between the two of you"),
    ("attorney", "keep the conversation between the two of you"),
    ("court", "keep the conversation between the two of you"),
    ("sue", "keep the conversation between the two of you"),
    ("collection agency", "offer a payment plan instead"),
    ("debt collector", "offer a payment plan instead"),
    ("immediately", "give a date, e.g. \"within the next 14 days\""),
    ("final warning", "call it a final courteous notice, or just a reminder"),
    ("last warning", "call it a final courteous notice, or just a reminder"),
    ("failure to pay", "assume good faith: \"it may have slipped through\""),
    ("you must", "ask: \"could you …\""),
    ("we demand", "ask: \"I kindly ask you to …\""),
    ("unacceptable", "describe the facts without judging"),
    ("or else", "describe the next step calmly"),
    ("consequences", "describe the next step calmly"),
    ("rechtliche schritte", "schreiben Sie, dass Sie es gemeinsam klären möchten"),
    ("anwalt", "bleiben Sie im direkten Gespräch"),
    ("gericht", "bleiben Sie im direkten Gespräch"),
    ("inkasso", "bieten Sie eine Ratenzahlung an"),
    ("sofort", "nennen Sie ein Datum, z. B. „innerhalb von 14 Tagen“"),
    ("unverzüglich", "nennen Sie ein Datum, z. B. „innerhalb von 14 Tagen“"),
    ("letzte warnung", "nennen Sie es eine letzte freundliche Erinnerung"),
    ("mahnbescheid", "bieten Sie eine Ratenzahlung an"),
    ("konsequenzen", "beschreiben Sie den nächsten Schritt ruhig"),
    ("poursuites", "proposez de régler la situation ensemble"),
    ("avocat", "gardez le dialogue direct"),
    ("tribunal", "gardez le dialogue direct"),
    ("huissier", "proposez un échéancier"),
    ("recouvrement", "proposez un échéancier"),
    ("immédiatement", "donnez une date, p. ex. « sous 14 jours »"),
    ("dernier avertissement", "parlez d'un dernier rappel courtois"),
    ("mise en demeure", "parlez d'un dernier rappel courtois"),
    ("conséquences", "décrivez calmement la suite"),
    ("acciones legales", "proponga resolverlo juntos"),
    ("abogado", "mantenga el diálogo directo"),
    ("cobro judicial", "ofrezca un plan de pagos"),
    ("inmediatamente", "indique una fecha, p. ej. «en los próximos 14 días»"),
    ("última advertencia", "llámelo un último aviso cordial"),
    ("consecuencias", "describa con calma el siguiente paso"),
];

/// Capitalised words that are not shouting: payment and tax terms, the
/// laws and central banks Kindly's own interest wording names (§ 288 BGB,
/// ECB/EZB/BCE), formats. Currency codes are recognised separately.
const ACRONYMS: &[&str] = &[
    "IBAN", "SEPA", "SWIFT", "PAYPAL", "HTML", "VAT", "UST", "TVA", "IVA", "BIC", "PDF", "URL", "HTTPS", "BGB", "HGB",
    "ECB", "EZB", "BCE", "BOE", "CET", "UTC", "ISO", "EPC", "SIREN", "SIRET", "NIF", "CIF", "PEPPOL", "GMBH", "SARL",
    "SAS", "LTD", "LLC", "PLC", "INC", "EUR", "USD", "GBP", "CHF",
];

/// Words that introduce a bank or account identifier: the token after one
/// ("BIC: COBADEFFXXX") is an identifier, not shouting.
const INTRODUCES_ID: &[&str] = &["BIC", "SWIFT", "IBAN", "BIC/SWIFT"];

/// Whether an all-capitals token is data rather than shouting: a reference
/// with digits ("INV-2026-0009", an IBAN), an acronym, or an ISO 4217 code
/// next to an amount ("SEK 1,200.00"; alone, "ALL" or "TOP" are words).
fn is_identifier(word: &str, next_to_number: bool) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        || ACRONYMS.contains(&word)
        || (next_to_number
            && word.len() == 3
            && word.chars().all(|c| c.is_ascii_uppercase())
            && Currency::parse(word).is_ok())
}

const THANKS: &[&str] = &["thank", "danke", "dank ", "merci", "gracias", "agradec"];

/// Checks a template (placeholders count as present) or, with `facts`, a
/// rendered one-off message (the facts' values must appear).
pub fn check(subject: &str, body: &str, facts: Option<&MessageFacts>) -> Vec<Finding> {
    let mut out = Vec::new();
    let text = format!("{subject}\n{body}");
    let mut plain = strip_placeholders(&text);
    // In a rendered message, what came from the facts (bank details with a
    // BIC, names, invoice numbers) is the user's data, not their tone.
    if let Some(f) = facts {
        let values = [
            &f.client_name,
            &f.greeting_name,
            &f.invoice_numbers,
            &f.sender_name,
            &f.signature,
            &f.plan_offer,
            &f.payment_methods,
            // Kindly's own statutory wording (it names § 288 BGB, the ECB).
            &f.statutory_interest,
        ];
        for v in values {
            for line in v.lines().map(str::trim).filter(|l| !l.is_empty()) {
                plain = plain.replace(line, " ");
            }
        }
    }
    let plain = plain;
    let lower = plain.to_lowercase();

    for (phrase, instead) in AGGRESSIVE {
        if let Some(pos) = find_word(&lower, phrase) {
            out.push(Finding {
                rule: "threat",
                message: format!("\"{phrase}\" can read as a threat or pressure; {instead}."),
                excerpt: Some(excerpt(&plain, &lower, pos, phrase.len())),
            });
        }
    }

    // A word of three or more letters, all capitals, that is not an
    // identifier (so "INV-2026-0042", "EUR" and "§ 288 BGB" are data, not
    // shouting) and does not follow "BIC:" or "IBAN".
    let words: Vec<&str> =
        plain.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/')).collect();
    let shouted: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            let prev = i.checked_sub(1).map(|p| words[p]);
            let after_id_word = prev.is_some_and(|p| INTRODUCES_ID.contains(&p));
            let digits = |w: &str| w.chars().any(|c| c.is_ascii_digit());
            let next_to_number = prev.is_some_and(digits) || words.get(i + 1).is_some_and(|n| digits(n));
            w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
                && !is_identifier(w, next_to_number)
                && !w.split(['-', '/']).all(|part| part.is_empty() || is_identifier(part, next_to_number))
                && !after_id_word
        })
        .map(|(_, w)| w.trim_matches('/'))
        .collect();
    if !shouted.is_empty() {
        out.push(Finding {
            rule: "shouting",
            message: "Words in capitals read as shouting; write them in normal case.".into(),
            excerpt: Some(shouted.join(" ")),
        });
    }

    let bangs = plain.matches('!').count() + plain.matches('¡').count();
    if bangs >= 2 || plain.contains("!!") {
        out.push(Finding {
            rule: "exclamation",
            message: format!(
                "{bangs} exclamation marks make the message sound urgent or upset; a calm full stop works better."
            ),
            excerpt: None,
        });
    }

    let has = |placeholder: &str, value: Option<&str>| -> bool {
        match (facts, value) {
            (Some(_), Some(v)) => !v.trim().is_empty() && text.contains(v.trim()),
            (Some(_), None) => false,
            (None, _) => std::iter::once(placeholder)
                .chain(also_names(placeholder).iter().copied())
                .any(|p| has_placeholder(&text, p)),
        }
    };
    let first_line = |s: &str| s.lines().next().unwrap_or_default().trim_start_matches(['-', '•', ' ']).to_string();
    let checks: [(&str, &str, Option<String>, &str); 6] = [
        (
            "no_greeting",
            "greeting_name",
            facts.map(|f| f.greeting_name.clone()),
            "Greet the client by name, e.g. \"Dear {{ greeting_name }},\".",
        ),
        (
            "missing_amount",
            "amount_owing",
            facts.map(|f| f.amount_owing.clone()),
            "Say how much is still owing ({{ amount_owing }}).",
        ),
        ("missing_due_date", "due_date", facts.map(|f| f.due_date.clone()), "Mention the due date ({{ due_date }})."),
        (
            "missing_invoice_number",
            "invoice_numbers",
            facts.map(|f| f.invoice_numbers.clone()),
            "Name the invoice ({{ invoice_numbers }}).",
        ),
        (
            "missing_terms",
            "payment_terms",
            facts.map(|f| f.payment_terms.clone()),
            "Recall the payment terms ({{ payment_terms }}).",
        ),
        (
            "no_payment_methods",
            "payment_methods",
            facts.map(|f| first_line(&f.payment_methods)),
            "List the ways to pay ({{ payment_methods }}); making it easy is the kindest reminder.",
        ),
    ];
    for (rule, placeholder, value, message) in checks {
        if !has(placeholder, value.as_deref()) {
            out.push(Finding { rule, message: message.into(), excerpt: None });
        }
    }

    if !THANKS.iter().any(|t| lower.contains(t)) {
        out.push(Finding {
            rule: "no_thanks",
            message: "Thank the client, for their business or their time.".into(),
            excerpt: None,
        });
    }
    out
}

/// The phrase placeholders that carry a fact too: the invoice phrases name
/// the invoices, the due phrases carry the due date.
fn also_names(placeholder: &str) -> &'static [&'static str] {
    match placeholder {
        "invoice_numbers" => &[
            "invoice_phrase",
            "invoice_phrase_title",
            "about_invoices",
            "invoices_due_on",
            "invoices_were_due_on",
            "invoices_still_open",
        ],
        "due_date" => &["invoices_due_on", "invoices_were_due_on"],
        _ => &[],
    }
}

fn has_placeholder(text: &str, name: &str) -> bool {
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}") else { return false };
        if rest[start + 2..start + end].split(|c: char| !c.is_alphanumeric() && c != '_').any(|t| t == name) {
            return true;
        }
        rest = &rest[start + end + 2..];
    }
    false
}

/// Replaces `{{ … }}` and `{% … %}` with a space so placeholders are neither
/// shouting nor phrases.
fn strip_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = [rest.find("{{"), rest.find("{%")].into_iter().flatten().min();
        let Some(start) = next else { break };
        out.push_str(&rest[..start]);
        let close = if rest[start..].starts_with("{{") { "}}" } else { "%}" };
        match rest[start..].find(close) {
            Some(end) => {
                out.push(' ');
                rest = &rest[start + end + 2..];
            }
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Finds `phrase` as whole words (no letter or digit just before or after).
fn find_word(haystack: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = haystack[from..].find(phrase) {
        let at = from + i;
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + phrase.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        from = at + phrase.len();
    }
    None
}

fn excerpt(original: &str, lower: &str, pos: usize, len: usize) -> String {
    // Lower-casing can change byte lengths; fall back to the lower-cased text then.
    if original.len() == lower.len() && original.is_char_boundary(pos) && original.is_char_boundary(pos + len) {
        original[pos..pos + len].to_string()
    } else {
        lower[pos..pos + len].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::Ladder;
    use crate::templates::default_template;
    use kindly_core::locale::Locale;

    fn rules(subject: &str, body: &str) -> Vec<&'static str> {
        check(subject, body, None).into_iter().map(|f| f.rule).collect()
    }

    #[test]
    fn the_shipped_templates_pass_every_rule() {
        for stage in Ladder::default_ladder().stages {
            for lang in Locale::ALL {
                let t = default_template(&stage.key, lang).unwrap();
                assert_eq!(check(&t.subject, &t.body, None), vec![], "{} {lang:?}", stage.key);
            }
        }
    }

    /// Realistic values: upper-case invoice numbers, currency codes, an
    /// IBAN and BIC, a company in capitals, the statutory interest
    /// paragraph naming § 288 BGB and the ECB.
    fn realistic(lang: Locale, n: usize, with_interest: bool) -> MessageFacts {
        let numbers: Vec<String> = (0..n).map(|i| format!("INV-2026-{:04}", 9 + i)).collect();
        let due = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let chf = kindly_core::Currency::parse("CHF").unwrap();
        MessageFacts {
            greeting_name: "Zoë".into(),
            client_name: "ACME GMBH".into(),
            amount_owing: format!(
                "{} + {}",
                lang.format_money(273_969, kindly_core::Currency::EUR),
                lang.format_money(12_000, chf)
            ),
            original_amount: lang.format_money(323_969, kindly_core::Currency::EUR),
            partially_paid: true,
            due_date: lang.format_date(due),
            days_overdue: 41,
            payment_terms: "30".into(),
            payment_methods: "- Bank transfer to KIND STUDIO, IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX\n- PayPal: https://paypal.me/KINDSTUDIO/EUR".into(),
            sender_name: "KIND STUDIO".into(),
            signature: "Alex Kind\nKIND STUDIO".into(),
            plan_offer: format!("EUR 1,369.85 on {} and EUR 1,369.84 a month later.", lang.format_date(due)),
            recent_payment: lang.format_money(50_000, kindly_core::Currency::EUR),
            recent_payment_date: lang.format_date(due),
            statutory_interest: if with_interest {
                "Under § 288 BGB (Directive 2011/7/EU), interest of 9 points above the ECB/EZB/BCE base rate applies: EUR 38.21, plus EUR 40.00 compensation.\n- 2,739.69 EUR × 12.27 % × 41/365 = EUR 37.76".into()
            } else {
                String::new()
            },
            ..Default::default()
        }
        .name_invoices(&numbers, lang)
    }

    /// Kindly's own wording never trips the tone check: every shipped
    /// stage in every language, for one and for two invoices, as a
    /// template and rendered with realistic values (the final notice with
    /// its statutory paragraph).
    #[test]
    fn kindly_never_flags_its_own_ladder_wording() {
        for stage in Ladder::default_ladder().stages {
            for lang in Locale::ALL {
                let t = default_template(&stage.key, lang).unwrap();
                assert_eq!(check(&t.subject, &t.body, None), vec![], "{} {lang:?} (template)", stage.key);
                for n in [1, 2] {
                    for interest in [false, true] {
                        let f = realistic(lang, n, interest);
                        let r = crate::templates::render(&t, &f).unwrap();
                        assert_eq!(
                            check(&r.subject, &r.body, Some(&f)),
                            vec![],
                            "{} {lang:?} n={n} interest={interest}:\n{}\n{}",
                            stage.key,
                            r.subject,
                            r.body
                        );
                        // Checked as if it were a template a user typed (no facts to set aside).
                        let body = r.body.replace("KIND STUDIO", "");
                        let tone_only: Vec<_> = check(&r.subject, &body, None)
                            .into_iter()
                            .filter(|x| ["threat", "shouting", "exclamation"].contains(&x.rule))
                            .collect();
                        assert_eq!(tone_only, vec![], "{} {lang:?} n={n}:\n{}", stage.key, r.body);
                    }
                }
            }
        }
    }

    /// The other wording Kindly ships (installment plans, proposals, call
    /// scripts, the promise follow-up, the statement e-mail) never reads
    /// as a threat, shouting or exclamations, with realistic values.
    #[test]
    fn kindly_never_flags_its_other_shipped_wording() {
        use crate::call_script::{call_script, promise_follow_up, CallFacts, PromiseFacts};
        use crate::ladder::Tone;
        use crate::plan::messages::{installment_message, proposal_message, InstallmentFacts, ProposalFacts};
        use crate::plan::progress::ReminderKind;
        use crate::statement::{statement_email, StatementFacts};
        let tone_rules = |subject: &str, body: &str| -> Vec<Finding> {
            check(subject, body, None)
                .into_iter()
                .filter(|x| ["threat", "shouting", "exclamation"].contains(&x.rule))
                .collect()
        };
        for lang in Locale::ALL {
            let f = realistic(lang, 2, true);
            let mut texts: Vec<(String, String, String)> = Vec::new();
            for kind in [ReminderKind::HeadsUp, ReminderKind::Reminder, ReminderKind::BrokenNotice] {
                let i = InstallmentFacts {
                    greeting_name: f.greeting_name.clone(),
                    invoice_numbers: f.invoice_numbers.clone(),
                    seq: 2,
                    count: 3,
                    amount: f.recent_payment.clone(),
                    due_date: f.due_date.clone(),
                    remaining_total: f.amount_owing.clone(),
                    payment_methods: f.payment_methods.clone(),
                    signature: f.signature.clone(),
                };
                let (s, b) = installment_message(kind, lang, &i);
                texts.push((format!("installment {kind:?}"), s, b));
            }
            let p = ProposalFacts {
                greeting_name: f.greeting_name.clone(),
                invoice_numbers: f.invoice_numbers.clone(),
                total: f.amount_owing.clone(),
                schedule_lines: vec![format!("1. {}: EUR 1,369.85", f.due_date)],
                payment_methods: f.payment_methods.clone(),
                signature: f.signature.clone(),
            };
            let (s, b) = proposal_message(lang, &p);
            texts.push(("proposal".into(), s, b));
            for tone in [Tone::Friendly, Tone::Courteous, Tone::CourteousFirm] {
                for overdue in [false, true] {
                    let c = CallFacts {
                        greeting_name: f.greeting_name.clone(),
                        sender_name: f.sender_name.clone(),
                        invoice_number: "INV-2026-0009".into(),
                        amount_owing: f.amount_owing.clone(),
                        due_date: f.due_date.clone(),
                        overdue,
                        plan_offer: f.plan_offer.clone(),
                    };
                    texts.push((
                        format!("call {tone:?} {overdue}"),
                        String::new(),
                        call_script(tone, lang, &c).join("\n"),
                    ));
                }
            }
            let pf = PromiseFacts {
                greeting_name: f.greeting_name.clone(),
                invoice_number: "INV-2026-0009".into(),
                promised_on: f.due_date.clone(),
                promised_amount: f.recent_payment.clone(),
                amount_owing: f.amount_owing.clone(),
                how: crate::call_script::how_phrase("call", lang).into(),
                payment_methods: f.payment_methods.clone(),
                signature: f.signature.clone(),
            };
            let (s, b) = promise_follow_up(lang, &pf);
            texts.push(("promise follow-up".into(), s, b));
            let sf = StatementFacts {
                greeting_name: f.greeting_name.clone(),
                as_of: f.due_date.clone(),
                balances: vec![(f.amount_owing.clone(), 2), ("CHF 120.00".into(), 1)],
                payment_methods: f.payment_methods.clone(),
                signature: f.signature.clone(),
            };
            let (s, b) = statement_email(lang, &sf);
            texts.push(("statement".into(), s, b));
            for (what, s, b) in texts {
                // The user's own data (names in capitals, BIC) is set aside as the app does.
                let b = b.replace("KIND STUDIO", "").replace("ACME GMBH", "");
                assert_eq!(tone_rules(&s, &b), vec![], "{what} {lang:?}:\n{s}\n{b}");
            }
        }
    }

    #[test]
    fn real_shouting_is_still_flagged_next_to_identifiers() {
        let base = "Dear {{ greeting_name }}, thank you. {{ invoice_numbers }} {{ amount_owing }} {{ due_date }} {{ payment_terms }} {{ payment_methods }}";
        assert_eq!(rules("PAY NOW OR ELSE", base), ["threat", "shouting"]);
        let f = check("Hi", &format!("{base} PAY INV-2026-0009 NOW, EUR 2,739.69, BIC COBADEFFXXX."), None);
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["shouting"]);
        assert_eq!(f[0].excerpt.as_deref(), Some("PAY NOW"));
        // A currency code alone is a word: "ALL" (Albanian lek) shouted is still shouting.
        assert_eq!(rules("Hi", &format!("{base} ALL of it, TODAY.")), ["shouting"]);
        assert_eq!(
            rules("Hi", &format!("{base} Under § 288 BGB and the ECB rate; ALL 1,200 or EUR 9.")),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn threats_are_found_as_whole_words_only() {
        let base = "Dear {{ greeting_name }}, thank you. {{ invoice_numbers }} {{ amount_owing }} {{ due_date }} {{ payment_terms }} {{ payment_methods }}";
        assert_eq!(rules("Hi", &format!("{base} Pay immediately or we take legal action.")), ["threat", "threat"]);
        assert_eq!(
            rules("Hi", &format!("{base} Please see the issue attached; courteous regards.")),
            Vec::<&str>::new()
        );
        assert_eq!(rules("Hi", &format!("{base} Bitte sofort zahlen, sonst Inkasso.")), ["threat", "threat"]);
        let f = check("Hi", &format!("{base} This is your FINAL WARNING."), None);
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["threat", "shouting"]);
        assert_eq!(f[0].excerpt.as_deref(), Some("FINAL WARNING"));
        assert_eq!(f[1].excerpt.as_deref(), Some("FINAL WARNING"));
    }

    #[test]
    fn shouting_and_exclamations_are_flagged_but_acronyms_are_not() {
        let base = "Dear {{ greeting_name }}, thank you. {{ invoice_numbers }} {{ amount_owing }} {{ due_date }} {{ payment_terms }} {{ payment_methods }}";
        assert_eq!(rules("Hi", &format!("{base} Pay by SEPA to the IBAN below.")), Vec::<&str>::new());
        assert_eq!(rules("PAY NOW", base), ["shouting"]);
        assert_eq!(rules("Hi!", &format!("{base} Please pay!")), ["exclamation"]);
        assert_eq!(rules("Hi", &format!("{base} Please pay!!")), ["exclamation"]);
        assert_eq!(rules("Hi!", base), Vec::<&str>::new(), "one exclamation mark is fine");
    }

    #[test]
    fn missing_facts_are_each_named() {
        assert_eq!(
            rules("Invoice", "Hello, please pay."),
            [
                "no_greeting",
                "missing_amount",
                "missing_due_date",
                "missing_invoice_number",
                "missing_terms",
                "no_payment_methods",
                "no_thanks"
            ]
        );
    }

    #[test]
    fn a_one_off_message_is_checked_against_the_real_values() {
        let facts = MessageFacts {
            greeting_name: "Zoë".into(),
            amount_owing: "€654.16".into(),
            due_date: "20 November 2026".into(),
            invoice_numbers: "INV-2026-0042".into(),
            payment_terms: "30 days".into(),
            payment_methods: "- Bank transfer: IBAN DE89".into(),
            ..Default::default()
        };
        let body = "Dear Zoë, thank you. INV-2026-0042: €654.16 was due on 20 November 2026 (30 days). Bank transfer: IBAN DE89.";
        assert_eq!(check("Invoice", body, Some(&facts)), vec![]);
        let got: Vec<_> = check("Invoice", "Dear Zoë, thank you. Please pay INV-2026-0042.", Some(&facts))
            .into_iter()
            .map(|f| f.rule)
            .collect();
        assert_eq!(got, ["missing_amount", "missing_due_date", "missing_terms", "no_payment_methods"]);
    }
}

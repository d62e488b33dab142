//! Message templates: strict (an unknown placeholder is an error when the
//! template is saved, never a blank in a sent message), rendered with
//! minijinja from the facts of one message.

use crate::texts::default_text;
use crate::FollowupError;
use kindly_core::locale::Locale;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub subject: String,
    pub body: String,
}

/// Every placeholder a template may use, with what it becomes.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("greeting_name", "How the client is greeted, e.g. Zoë"),
    ("client_name", "The client's full name"),
    ("invoice_numbers", "The invoice number, or several joined with \"and\""),
    ("invoice_count", "How many invoices the message is about"),
    ("invoice_phrase", "The invoice(s) with their numbers, agreeing in number, e.g. invoices INV-1 and INV-2"),
    ("invoice_phrase_title", "The same at the start of a sentence or subject, e.g. Invoice INV-1"),
    ("about_invoices", "About the invoice(s), e.g. about invoice INV-1 (wegen der Rechnungen …, au sujet des factures …)"),
    ("invoices_due_on", "The invoice(s) and when they are due, e.g. invoices INV-1 and INV-2 are due on 20 November 2026"),
    ("invoices_were_due_on", "The invoice(s) and when they were due, e.g. invoice INV-1 was due on 20 November 2026"),
    ("invoices_still_open", "The invoice(s) still open, e.g. invoices INV-1 and INV-2 are still open"),
    ("amount_owing", "What is still owing, e.g. €1,154.16"),
    ("original_amount", "The invoices' original total"),
    ("partially_paid", "True when part has been paid already (use with {% if %})"),
    ("due_date", "The due date, e.g. 20 November 2026"),
    ("days_overdue", "Days since the due date (0 before it)"),
    ("payment_terms", "The payment terms, e.g. 30 days"),
    ("payment_methods", "Every way to pay, one per line"),
    ("sender_name", "Your business name"),
    ("signature", "Your signature block"),
    ("plan_offer", "A proposed split into installments, with amounts and dates (the plan already proposed, if any)"),
    (
        "heard_from_client",
        "True when the client replied, paid, was called, promised or agreed to a plan since the last step (use with {% if %})",
    ),
    ("recent_payment", "What was paid since the last step, e.g. €500.00 (empty when nothing was)"),
    ("recent_payment_date", "The day the latest of those payments was made"),
    (
        "statutory_interest",
        "The late-payment interest and compensation the law allows, with the working (empty unless turned on for the client; the final notice carries it)",
    ),
];

/// The facts one message is rendered from. Every field is already
/// formatted for the client's language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MessageFacts {
    pub greeting_name: String,
    pub client_name: String,
    pub invoice_numbers: String,
    pub invoice_count: usize,
    /// The phrases that name the invoices, agreeing in number in the
    /// message's language (kindly-i18n, Fluent plurals); see `name_invoices`.
    pub invoice_phrase: String,
    pub invoice_phrase_title: String,
    pub about_invoices: String,
    pub invoices_due_on: String,
    pub invoices_were_due_on: String,
    pub invoices_still_open: String,
    pub amount_owing: String,
    pub original_amount: String,
    pub partially_paid: bool,
    pub due_date: String,
    pub days_overdue: i64,
    pub payment_terms: String,
    pub payment_methods: String,
    pub sender_name: String,
    pub signature: String,
    pub plan_offer: String,
    /// True when the timeline has a reply (inbound e-mail, letter or call),
    /// a payment, a call logged, a promise or a plan agreed since the
    /// invoice's last step: the wording then never says "I have not heard
    /// from you".
    pub heard_from_client: bool,
    /// What was paid since the last step (formatted), empty when nothing was.
    pub recent_payment: String,
    pub recent_payment_date: String,
    /// The statutory late-payment interest paragraph and its working, for
    /// the final notice of a client who has it on; empty otherwise.
    pub statutory_interest: String,
}

impl MessageFacts {
    /// Names the invoices: `invoice_numbers` ("A, B and C"), `invoice_count`
    /// and the phrases that agree with their number in `lang` ("die
    /// Rechnungen A und B sind am … fällig"). Call after `due_date` is set:
    /// the due phrases carry it.
    pub fn name_invoices(mut self, numbers: &[String], lang: Locale) -> Self {
        let joined = kindly_i18n::join_and(numbers, lang);
        let count = numbers.len().max(1) as i64;
        let phrase = |id: &str| {
            kindly_i18n::tr(
                lang,
                id,
                &[
                    ("count", count.into()),
                    ("numbers", joined.as_str().into()),
                    ("date", self.due_date.as_str().into()),
                ],
            )
        };
        self.invoice_phrase = phrase("invoice-phrase");
        self.invoice_phrase_title = phrase("invoice-phrase-title");
        self.about_invoices = phrase("about-invoices");
        self.invoices_due_on = phrase("invoices-due-on");
        self.invoices_were_due_on = phrase("invoices-were-due-on");
        self.invoices_still_open = phrase("invoices-still-open");
        self.invoice_count = numbers.len();
        self.invoice_numbers = joined;
        self
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rendered {
    pub subject: String,
    pub body: String,
}

fn env() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env
}

fn available() -> String {
    PLACEHOLDERS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

/// Checks that the subject and body parse and use only known placeholders.
pub fn validate(t: &Template) -> Result<(), FollowupError> {
    let env = env();
    for (src, is_subject) in [(&t.subject, true), (&t.body, false)] {
        if is_subject && src.chars().any(char::is_control) {
            return Err(FollowupError::ControlCharacters("subject"));
        }
        let tmpl = env.template_from_str(src).map_err(|e| FollowupError::TemplateSyntax(describe(&e)))?;
        let mut unknown: Vec<String> = tmpl
            .undeclared_variables(false)
            .into_iter()
            .filter(|v| !PLACEHOLDERS.iter().any(|(n, _)| n == v))
            .collect();
        unknown.sort();
        if let Some(name) = unknown.into_iter().next() {
            return Err(FollowupError::UnknownPlaceholder { name, available: available() });
        }
    }
    Ok(())
}

/// The error's kind and line, without the template context values (which
/// can hold client data and must not end up in logs).
fn describe(e: &minijinja::Error) -> String {
    match e.line() {
        Some(line) => format!("{} (line {line})", e.kind()),
        None => e.kind().to_string(),
    }
}

/// Renders a template; the subject is kept on one line.
pub fn render(t: &Template, facts: &MessageFacts) -> Result<Rendered, FollowupError> {
    validate(t)?;
    let env = env();
    let ctx = Value::from(Serde(facts));
    let run = |src: &str| -> Result<String, FollowupError> {
        env.template_from_str(src)
            .and_then(|tmpl| tmpl.render(ctx.clone()))
            .map_err(|e| FollowupError::RenderFailed(describe(&e)))
    };
    let subject = run(&t.subject)?.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok(Rendered { subject, body: run(&t.body)?.trim().to_string() })
}

/// The shipped template for a default stage in a language.
pub fn default_template(stage_key: &str, lang: Locale) -> Option<Template> {
    default_text(stage_key, lang).map(|(s, b)| Template { subject: s.to_string(), body: b.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::Ladder;

    fn facts() -> MessageFacts {
        MessageFacts {
            greeting_name: "Zoë".into(),
            client_name: "Zoë Ångström-Müller".into(),
            invoice_numbers: "INV-2026-0042".into(),
            invoice_count: 1,
            amount_owing: "€654.16".into(),
            original_amount: "€1,154.16".into(),
            partially_paid: true,
            due_date: "20 November 2026".into(),
            days_overdue: 9,
            payment_terms: "30 days".into(),
            payment_methods: "- Bank transfer: IBAN DE89 3704 0044 0532 0130 00".into(),
            sender_name: "Studio Kind".into(),
            signature: "Alex Kind\nStudio Kind".into(),
            plan_offer: "two installments of €327.08 on 30 November and 30 December.".into(),
            heard_from_client: false,
            recent_payment: String::new(),
            recent_payment_date: String::new(),
            statutory_interest: String::new(),
            ..Default::default()
        }
        .name_invoices(&["INV-2026-0042".to_string()], Locale::En)
    }

    /// Facts in `lang` for `n` invoices (INV-2026-0009, INV-2026-0010, …).
    fn facts_for(lang: Locale, n: usize) -> MessageFacts {
        let numbers: Vec<String> = (0..n).map(|i| format!("INV-2026-{:04}", 9 + i)).collect();
        let due = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        MessageFacts {
            due_date: lang.format_date(due),
            amount_owing: lang.format_money(273_969, kindly_core::Currency::EUR),
            original_amount: lang.format_money(323_969, kindly_core::Currency::EUR),
            ..facts()
        }
        .name_invoices(&numbers, lang)
    }

    /// Every shipped stage names its invoices in agreement with their
    /// number, in every language: one invoice is singular, two are plural,
    /// and the verbs follow ("die Rechnungen … sind am … fällig").
    #[test]
    fn shipped_stages_agree_in_number_for_one_and_two_invoices() {
        // (plural words that must appear somewhere, singular words that must not) for two invoices.
        let plural = |lang: Locale| -> (Vec<&str>, Vec<&str>) {
            match lang {
                Locale::En => (
                    vec!["invoices INV-2026-0009 and INV-2026-0010"],
                    vec!["invoice INV-", "this invoice", "the invoice "],
                ),
                Locale::De => (
                    vec!["Rechnungen INV-2026-0009 und INV-2026-0010"],
                    vec!["Rechnung INV-", "die Rechnung ", "dieser Rechnung"],
                ),
                Locale::Fr => (
                    vec!["factures INV-2026-0009 et INV-2026-0010"],
                    vec!["facture INV-", "la facture ", "cette facture"],
                ),
                Locale::Es => (
                    vec!["facturas INV-2026-0009 y INV-2026-0010"],
                    vec!["factura INV-", "la factura ", "esta factura"],
                ),
            }
        };
        // Verbs of the stages whose phrases carry one.
        let verbs = |stage: &str, lang: Locale, n: usize| -> Vec<&'static str> {
            let one = n == 1;
            match (stage, lang) {
                ("heads_up", Locale::En) => vec![if one { "is due on" } else { "are due on" }],
                ("heads_up", Locale::De) => vec![if one { "ist am" } else { "sind am" }],
                ("heads_up", Locale::Fr) => vec![if one { "arrive à échéance" } else { "arrivent à échéance" }],
                ("heads_up", Locale::Es) => vec![if one { "vence el" } else { "vencen el" }],
                ("reminder", Locale::En) => {
                    if one {
                        vec!["was due on", "is still open"]
                    } else {
                        vec!["were due on", "are still open"]
                    }
                }
                ("reminder", Locale::De) => {
                    if one {
                        vec!["war am", "ist noch offen"]
                    } else {
                        vec!["waren am", "sind noch offen"]
                    }
                }
                ("reminder", Locale::Fr) => {
                    if one {
                        vec!["était due le", "n'est pas encore réglée"]
                    } else {
                        vec!["étaient dues le", "ne sont pas encore réglées"]
                    }
                }
                ("reminder", Locale::Es) => {
                    if one {
                        vec!["venció el", "sigue pendiente"]
                    } else {
                        vec!["vencieron el", "siguen pendientes"]
                    }
                }
                _ => vec![],
            }
        };
        for stage in Ladder::default_ladder().stages {
            for lang in Locale::ALL {
                let t = default_template(&stage.key, lang).unwrap();
                for n in [1, 2] {
                    let r = render(&t, &facts_for(lang, n)).unwrap();
                    let all = format!("{}\n{}", r.subject, r.body);
                    let (plural_words, singular_words) = plural(lang);
                    if n == 2 {
                        for w in &plural_words {
                            assert!(all.contains(w), "{} {lang:?} n=2 lacks {w:?}:\n{all}", stage.key);
                        }
                        for w in &singular_words {
                            assert!(!all.contains(w), "{} {lang:?} n=2 has singular {w:?}:\n{all}", stage.key);
                        }
                    } else {
                        for w in &plural_words {
                            assert!(!all.contains(w), "{} {lang:?} n=1", stage.key);
                        }
                        assert!(
                            all.contains("INV-2026-0009") && !all.contains("INV-2026-0010"),
                            "{} {lang:?}",
                            stage.key
                        );
                    }
                    for v in verbs(&stage.key, lang, n) {
                        assert!(all.contains(v), "{} {lang:?} n={n} lacks {v:?}:\n{all}", stage.key);
                    }
                }
            }
        }
    }

    /// Templates written before the phrases existed still render: the old
    /// placeholders are filled as before.
    #[test]
    fn custom_templates_with_the_old_placeholders_keep_working() {
        let t = Template {
            subject: "Invoice {{ invoice_numbers }}".into(),
            body: "Dear {{ greeting_name }}, {{ invoice_count }} invoice(s): {{ invoice_numbers }}{% if invoice_count > 1 %} (several){% endif %}".into(),
        };
        let r = render(&t, &facts_for(Locale::De, 2)).unwrap();
        assert_eq!(r.subject, "Invoice INV-2026-0009 und INV-2026-0010");
        assert!(r.body.ends_with("2 invoice(s): INV-2026-0009 und INV-2026-0010 (several)"), "{}", r.body);
    }

    /// The final notice carries the statutory-interest paragraph only when
    /// there is one (the client has it on), in every language.
    #[test]
    fn the_final_notice_carries_statutory_interest_only_when_given() {
        for lang in Locale::ALL {
            let t = default_template(crate::ladder::FINAL_NOTICE, lang).unwrap();
            let without = render(&t, &facts()).unwrap().body;
            let with = MessageFacts { statutory_interest: "STATUTORY PARAGRAPH\n- working".into(), ..facts() };
            let with = render(&t, &with).unwrap().body;
            assert!(!without.contains("STATUTORY") && with.contains("STATUTORY PARAGRAPH\n- working"), "{lang:?}");
            assert!(with.contains("STATUTORY PARAGRAPH\n- working\n\n"), "{lang:?}: a paragraph of its own:\n{with}");
        }
    }

    /// The sentences that say nothing was heard from the client.
    const NOT_HEARD: &[&str] = &[
        "I have not heard back",
        "noch nichts von Ihnen gehört",
        "Je n'ai pas encore eu de nouvelles",
        "Todavía no he tenido noticias",
    ];

    #[test]
    fn not_heard_is_said_only_when_nothing_was_heard_since_the_last_step() {
        for stage in Ladder::default_ladder().stages {
            for lang in Locale::ALL {
                let t = default_template(&stage.key, lang).unwrap();
                let silent = render(&t, &facts()).unwrap().body;
                let heard = render(&t, &MessageFacts { heard_from_client: true, ..facts() }).unwrap().body;
                let paid = MessageFacts {
                    heard_from_client: true,
                    recent_payment: "€500.00".into(),
                    recent_payment_date: "12 December 2026".into(),
                    ..facts()
                };
                let paid = render(&t, &paid).unwrap().body;
                for (body, what) in [(&heard, "heard"), (&paid, "paid")] {
                    assert!(!NOT_HEARD.iter().any(|s| body.contains(s)), "{} {lang:?} {what}:\n{body}", stage.key);
                    let findings = crate::tone::check(&t.subject, body, None);
                    assert!(
                        findings.iter().all(|f| !["threat", "shouting", "exclamation", "no_thanks"].contains(&f.rule)),
                        "{} {lang:?} {what}: {findings:?}",
                        stage.key
                    );
                }
                if stage.key == crate::ladder::FINAL_NOTICE {
                    assert!(NOT_HEARD.iter().any(|s| silent.contains(s)), "{lang:?}:\n{silent}");
                    assert!(paid.contains("€500.00") && paid.contains("12 December 2026"), "{lang:?}:\n{paid}");
                    assert_ne!(heard, silent, "{lang:?}: a courteous sentence instead");
                }
            }
        }
    }

    #[test]
    fn every_default_stage_has_a_valid_template_in_every_language() {
        for stage in Ladder::default_ladder().stages {
            for lang in Locale::ALL {
                let t = default_template(&stage.key, lang).unwrap_or_else(|| panic!("{} {lang:?}", stage.key));
                validate(&t).unwrap();
                let r = render(&t, &facts()).unwrap();
                for must in ["Zoë", "INV-2026-0042", "€654.16", "20 November 2026", "30 days", "IBAN DE89"] {
                    assert!(r.body.contains(must) || r.subject.contains(must), "{} {lang:?} lacks {must}", stage.key);
                }
                assert!(
                    r.body.contains("€1,154.16"),
                    "{} {lang:?}: the original amount shows when partly paid",
                    stage.key
                );
            }
        }
    }

    #[test]
    fn unknown_placeholders_are_refused_when_saved() {
        let t = Template { subject: "Invoice {{ invoice_numbers }}".into(), body: "Dear {{ greting_name }}".into() };
        let e = validate(&t).unwrap_err();
        assert_eq!(e.code(), "unknown_placeholder");
        assert!(e.to_string().contains("greting_name"), "{e}");
        assert!(e.to_string().contains("greeting_name"), "the message lists what is available: {e}");
        let t = Template { subject: "x".into(), body: "{% if %}".into() };
        assert_eq!(validate(&t).unwrap_err().code(), "template_syntax");
    }

    #[test]
    fn subjects_stay_on_one_line() {
        let t = Template { subject: "Invoice {{ invoice_numbers }}".into(), body: "Hi".into() };
        let f = MessageFacts { invoice_numbers: "A\nB".into(), ..facts() };
        assert_eq!(render(&t, &f).unwrap().subject, "Invoice A B");
        let t = Template { subject: "a\r\nBcc: x".into(), body: "Hi".into() };
        assert_eq!(validate(&t).unwrap_err().code(), "control_characters");
    }
}

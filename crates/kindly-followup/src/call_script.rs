//! What to say on the phone, and what to write after a broken promise, in
//! English, German, French and Spanish.
//!
//! A call script is short and courteous: greet by name, say who is calling,
//! name the invoice, the amount still owing and the due date, ask an open
//! question that invites an answer, offer a payment plan, thank. The tone of
//! the stage only changes the opening (before the due date it is a friendly
//! heads-up, afterwards a courteous check-in). The promise follow-up refers to
//! the promise (its date and amount) and assumes good faith.
//!
//! Values arrive formatted (money and dates in the client's language); no I/O.

use crate::ladder::Tone;
use kindly_core::locale::Locale;

/// The facts a call script needs, already formatted in the client's language.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CallFacts {
    pub greeting_name: String,
    pub sender_name: String,
    pub invoice_number: String,
    pub amount_owing: String,
    pub due_date: String,
    /// Before the due date the call is a heads-up, not a reminder.
    pub overdue: bool,
    /// The plan offer sentence (e.g. from `plan::two_installments`), or empty.
    pub plan_offer: String,
}

/// The script for one call, as short lines to read from.
pub fn call_script(tone: Tone, lang: Locale, f: &CallFacts) -> Vec<String> {
    let (name, me, inv, amount, due) =
        (&f.greeting_name, &f.sender_name, &f.invoice_number, &f.amount_owing, &f.due_date);
    let firm = tone == Tone::CourteousFirm;
    let mut lines = match lang {
        Locale::En => vec![
            format!("Hello {name}, this is {me}. Thank you for taking my call; do you have two minutes?"),
            if !f.overdue {
                format!("I'm calling with a quick heads-up: invoice {inv} for {amount} is due on {due}.")
            } else if firm {
                format!("I'm calling about invoice {inv}, due on {due}: {amount} is still open, and I would like to find a way to settle it together.")
            } else {
                format!("I'm calling about invoice {inv}, due on {due}: {amount} is still open. It may simply have slipped through.")
            },
            "How does the payment look on your side? Is anything holding it up that I can help with?".to_string(),
        ],
        Locale::De => vec![
            format!("Guten Tag {name}, hier ist {me}. Danke, dass Sie kurz Zeit haben; passt es gerade für zwei Minuten?"),
            if !f.overdue {
                format!("Ich rufe mit einem kurzen Hinweis an: Die Rechnung {inv} über {amount} ist am {due} fällig.")
            } else if firm {
                format!("Ich rufe wegen der Rechnung {inv} an, fällig am {due}: {amount} sind noch offen, und ich möchte gern gemeinsam mit Ihnen eine Lösung finden.")
            } else {
                format!("Ich rufe wegen der Rechnung {inv} an, fällig am {due}: {amount} sind noch offen. Vielleicht ist sie einfach untergegangen.")
            },
            "Wie sieht es mit der Zahlung bei Ihnen aus? Gibt es etwas, bei dem ich helfen kann?".to_string(),
        ],
        Locale::Fr => vec![
            format!("Bonjour {name}, c'est {me}. Merci de prendre mon appel ; avez-vous deux minutes ?"),
            if !f.overdue {
                format!("Je vous appelle pour un petit rappel : la facture {inv} de {amount} arrive à échéance le {due}.")
            } else if firm {
                format!("Je vous appelle au sujet de la facture {inv}, échue le {due} : il reste {amount}, et j'aimerais trouver une solution avec vous.")
            } else {
                format!("Je vous appelle au sujet de la facture {inv}, échue le {due} : il reste {amount}. Elle vous a peut-être simplement échappé.")
            },
            "Où en est le paiement de votre côté ? Y a-t-il quelque chose qui le retarde et sur lequel je peux vous aider ?"
                .to_string(),
        ],
        Locale::Es => vec![
            format!("Hola, {name}, soy {me}. Gracias por atender mi llamada; ¿tiene dos minutos?"),
            if !f.overdue {
                format!("Le llamo con un aviso breve: la factura {inv} por {amount} vence el {due}.")
            } else if firm {
                format!("Le llamo por la factura {inv}, vencida el {due}: quedan pendientes {amount} y me gustaría encontrar una solución juntos.")
            } else {
                format!("Le llamo por la factura {inv}, vencida el {due}: quedan pendientes {amount}. Quizá se le haya pasado.")
            },
            "¿Cómo va el pago por su parte? ¿Hay algo que lo esté retrasando en lo que pueda ayudarle?".to_string(),
        ],
    };
    if f.overdue && !f.plan_offer.trim().is_empty() {
        lines.push(match lang {
            Locale::En => format!("If paying all at once is difficult, I'm happy to split it: {}", f.plan_offer),
            Locale::De => {
                format!("Wenn alles auf einmal schwierig ist, teile ich den Betrag gern auf: {}", f.plan_offer)
            }
            Locale::Fr => {
                format!("Si tout régler en une fois est difficile, je peux volontiers étaler : {}", f.plan_offer)
            }
            Locale::Es => format!("Si pagar todo de una vez es difícil, con gusto lo dividimos: {}", f.plan_offer),
        });
    }
    lines.push(
        match lang {
            Locale::En => "Thank you very much for your time, {name}. Have a good day.",
            Locale::De => "Vielen Dank für Ihre Zeit, {name}. Einen schönen Tag noch.",
            Locale::Fr => "Merci beaucoup pour votre temps, {name}. Bonne journée.",
            Locale::Es => "Muchas gracias por su tiempo, {name}. Que tenga un buen día.",
        }
        .replace("{name}", name),
    );
    lines
}

/// The facts of a broken promise, formatted in the client's language.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PromiseFacts {
    pub greeting_name: String,
    pub invoice_number: String,
    /// The day the client said they would pay.
    pub promised_on: String,
    pub promised_amount: String,
    pub amount_owing: String,
    /// How the promise was given, as a phrase ("on the phone", "by e-mail"); see [`how_phrase`].
    pub how: String,
    /// "- Bank transfer: …" lines.
    pub payment_methods: String,
    pub signature: String,
}

/// "on the phone", "by e-mail", "in your letter", "in person", in the language.
pub fn how_phrase(how: &str, lang: Locale) -> &'static str {
    match (how, lang) {
        ("call", Locale::En) => "on the phone",
        ("email", Locale::En) => "by e-mail",
        ("letter", Locale::En) => "in your letter",
        (_, Locale::En) => "in person",
        ("call", Locale::De) => "am Telefon",
        ("email", Locale::De) => "per E-Mail",
        ("letter", Locale::De) => "in Ihrem Brief",
        (_, Locale::De) => "persönlich",
        ("call", Locale::Fr) => "au téléphone",
        ("email", Locale::Fr) => "par e-mail",
        ("letter", Locale::Fr) => "dans votre courrier",
        (_, Locale::Fr) => "de vive voix",
        ("call", Locale::Es) => "por teléfono",
        ("email", Locale::Es) => "por correo electrónico",
        ("letter", Locale::Es) => "en su carta",
        (_, Locale::Es) => "en persona",
    }
}

/// (subject, body) of the polite follow-up after a promise passed unpaid.
pub fn promise_follow_up(lang: Locale, f: &PromiseFacts) -> (String, String) {
    let PromiseFacts {
        greeting_name: name,
        invoice_number: inv,
        promised_on: date,
        promised_amount: amount,
        amount_owing: owing,
        how,
        payment_methods: methods,
        signature: sig,
    } = f;
    match lang {
        Locale::En => (
            format!("Invoice {inv}: following up on our conversation"),
            format!(
                "Dear {name},\n\nThank you again for getting back to me about invoice {inv}. On {date} you kindly told me {how} that you would pay {amount}. I have not seen the payment yet; it may simply have slipped through, these things happen.\n\nThe amount still owing is {owing}. You can pay in any of these ways:\n{methods}\n\nIf the date no longer works for you, just reply and tell me what would suit you better; I am happy to agree on a new date or a payment plan.\n\nKind regards,\n{sig}"
            ),
        ),
        Locale::De => (
            format!("Rechnung {inv}: kurze Rückmeldung zu unserem Gespräch"),
            format!(
                "Hallo {name},\n\nvielen Dank noch einmal für Ihre Rückmeldung zur Rechnung {inv}. Sie hatten mir {how} freundlicherweise zugesagt, bis zum {date} {amount} zu bezahlen. Die Zahlung ist bei mir noch nicht eingegangen; vielleicht ist sie einfach untergegangen, das kann passieren.\n\nNoch offen sind {owing}. Sie können auf folgenden Wegen bezahlen:\n{methods}\n\nWenn der Termin für Sie nicht mehr passt, antworten Sie einfach und sagen Sie mir, was Ihnen besser liegt; ich vereinbare gern einen neuen Termin oder eine Ratenzahlung.\n\nHerzliche Grüße\n{sig}"
            ),
        ),
        Locale::Fr => (
            format!("Facture {inv} : suite à notre échange"),
            format!(
                "Bonjour {name},\n\nMerci encore pour votre retour au sujet de la facture {inv}. Vous m'aviez aimablement indiqué {how} que vous régleriez {amount} le {date}. Je n'ai pas encore vu le paiement ; il vous a peut-être simplement échappé, cela arrive.\n\nLe montant restant dû est de {owing}. Vous pouvez régler de l'une des façons suivantes :\n{methods}\n\nSi cette date ne vous convient plus, répondez-moi simplement pour me dire ce qui vous arrangerait ; je conviendrai volontiers d'une nouvelle date ou d'un échéancier.\n\nBien cordialement,\n{sig}"
            ),
        ),
        Locale::Es => (
            format!("Factura {inv}: seguimiento de nuestra conversación"),
            format!(
                "Hola, {name}:\n\nGracias de nuevo por responderme sobre la factura {inv}. El {date} usted me indicó amablemente {how} que pagaría {amount}. Todavía no he visto el pago; quizá se le haya pasado, son cosas que ocurren.\n\nEl importe pendiente es {owing}. Puede pagar de cualquiera de estas formas:\n{methods}\n\nSi la fecha ya no le viene bien, responda a este mensaje y dígame qué le resultaría más cómodo; con gusto acordamos una nueva fecha o un plan de pagos.\n\nUn cordial saludo,\n{sig}"
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone;

    const LANGS: [Locale; 4] = [Locale::En, Locale::De, Locale::Fr, Locale::Es];

    fn facts(overdue: bool) -> CallFacts {
        CallFacts {
            greeting_name: "Zoë".into(),
            sender_name: "Ada Studio".into(),
            invoice_number: "INV-2026-0042".into(),
            amount_owing: "€1,234.50".into(),
            due_date: "20 November 2026".into(),
            overdue,
            plan_offer: "two payments of €617.25, on 1 and 15 December.".into(),
        }
    }

    #[test]
    fn scripts_greet_by_name_state_the_facts_ask_and_offer_a_plan() {
        for lang in LANGS {
            for tone_ in [Tone::Friendly, Tone::Courteous, Tone::CourteousFirm] {
                let lines = call_script(tone_, lang, &facts(true));
                let all = lines.join("\n");
                assert!(lines[0].contains("Zoë"), "{lang:?}: {all}");
                for must in ["INV-2026-0042", "€1,234.50", "20 November 2026", "€617.25", "Ada Studio"] {
                    assert!(all.contains(must), "{lang:?} {tone_:?} lacks {must}: {all}");
                }
                assert!(lines.iter().any(|l| l.trim_end().ends_with('?')), "{lang:?}: no open question");
                let findings = tone::check("", &all, None);
                let bad: Vec<_> = findings.iter().filter(|f| matches!(f.rule, "threat" | "shouting")).collect();
                assert!(bad.is_empty(), "{lang:?} {tone_:?}: {bad:?}");
            }
        }
    }

    #[test]
    fn before_the_due_date_there_is_no_plan_offer() {
        for lang in LANGS {
            let all = call_script(Tone::Friendly, lang, &facts(false)).join("\n");
            assert!(!all.contains("€617.25"), "{lang:?}: {all}");
            assert!(all.contains("INV-2026-0042"));
        }
    }

    #[test]
    fn promise_follow_ups_refer_to_the_promise_and_pass_the_tone_check() {
        for lang in LANGS {
            let f = PromiseFacts {
                greeting_name: "Zoë".into(),
                invoice_number: "INV-7".into(),
                promised_on: "1 December 2026".into(),
                promised_amount: "€500.00".into(),
                amount_owing: "€800.00".into(),
                how: how_phrase("call", lang).into(),
                payment_methods: "- Bank transfer: IBAN DE89 3704 0044 0532 0130 00".into(),
                signature: "Ada".into(),
            };
            let (subject, body) = promise_follow_up(lang, &f);
            assert!(subject.contains("INV-7"));
            for must in ["Zoë", "1 December 2026", "€500.00", "€800.00", how_phrase("call", lang)] {
                assert!(body.contains(must), "{lang:?} lacks {must}");
            }
            let findings = tone::check(&subject, &body, None);
            let bad: Vec<_> =
                findings.iter().filter(|f| matches!(f.rule, "threat" | "shouting" | "exclamation")).collect();
            assert!(bad.is_empty(), "{lang:?}: {bad:?}");
        }
    }
}

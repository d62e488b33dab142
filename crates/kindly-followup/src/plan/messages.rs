//! The wording of installment plans in English, German, French and Spanish:
//! the heads-up before an installment, the reminder after it, the notice
//! when a plan is broken (a courteous notice that offers to talk, never a
//! threat) and the proposal / agreement e-mail. Precise: the installment's
//! number, amount still owing and due date, the plan's remaining total and
//! every way to pay.

use super::progress::ReminderKind;
use kindly_core::locale::Locale;

/// Facts of one installment message, already formatted for the client's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InstallmentFacts {
    pub greeting_name: String,
    pub invoice_numbers: String,
    /// 1-based number of the installment, and how many the plan has.
    pub seq: u32,
    pub count: u32,
    /// What is still owing on this installment, e.g. "€33.34".
    pub amount: String,
    pub due_date: String,
    /// What is still owing on the whole plan.
    pub remaining_total: String,
    /// Every way to pay, one per line.
    pub payment_methods: String,
    pub signature: String,
}

/// (subject, body) of an installment message.
pub fn installment_message(kind: ReminderKind, lang: Locale, f: &InstallmentFacts) -> (String, String) {
    let (g, n, seq, count, amt, due, rest, pm, sig) = (
        &f.greeting_name,
        &f.invoice_numbers,
        f.seq,
        f.count,
        &f.amount,
        &f.due_date,
        &f.remaining_total,
        &f.payment_methods,
        &f.signature,
    );
    match (kind, lang) {
        (ReminderKind::HeadsUp, Locale::En) => (
            format!("Friendly heads-up: installment {seq} of {count} is due on {due}"),
            format!(
                "Dear {g},\n\nThank you for keeping to our payment plan for invoice {n}.\n\n\
                 Just a friendly heads-up that installment {seq} of {count}, {amt}, is due on {due}. \
                 After it, {rest} remains on the plan in all.\n\n\
                 You can pay in whichever way suits you best:\n{pm}\n\n\
                 If the date no longer suits you, just reply and we will find another one.\n\nKind regards,\n{sig}"
            ),
        ),
        (ReminderKind::HeadsUp, Locale::De) => (
            format!("Freundlicher Hinweis: Rate {seq} von {count} ist am {due} fällig"),
            format!(
                "Hallo {g},\n\ndanke, dass Sie sich an unsere Ratenvereinbarung zur Rechnung {n} halten.\n\n\
                 Nur ein kurzer, freundlicher Hinweis: Rate {seq} von {count} über {amt} ist am {due} fällig. \
                 Insgesamt sind aus der Vereinbarung noch {rest} offen.\n\n\
                 Sie können so bezahlen, wie es Ihnen am besten passt:\n{pm}\n\n\
                 Wenn der Termin nicht mehr passt, antworten Sie einfach, dann finden wir einen anderen.\n\n\
                 Herzliche Grüße\n{sig}"
            ),
        ),
        (ReminderKind::HeadsUp, Locale::Fr) => (
            format!("Petit rappel amical : l'échéance {seq} sur {count} est due le {due}"),
            format!(
                "Bonjour {g},\n\nMerci de suivre notre échéancier pour la facture {n}.\n\n\
                 Je me permets simplement de vous signaler que l'échéance {seq} sur {count}, d'un montant de {amt}, \
                 est due le {due}. Au total, il reste {rest} sur l'échéancier.\n\n\
                 Vous pouvez régler de la façon qui vous convient le mieux :\n{pm}\n\n\
                 Si la date ne vous convient plus, répondez simplement et nous en trouverons une autre.\n\n\
                 Bien cordialement,\n{sig}"
            ),
        ),
        (ReminderKind::HeadsUp, Locale::Es) => (
            format!("Aviso amistoso: el plazo {seq} de {count} vence el {due}"),
            format!(
                "Hola, {g}:\n\nGracias por seguir nuestro plan de pagos de la factura {n}.\n\n\
                 Solo quería recordarle amablemente que el plazo {seq} de {count}, de {amt}, vence el {due}. \
                 En total quedan {rest} pendientes en el plan.\n\n\
                 Puede pagar de la forma que le resulte más cómoda:\n{pm}\n\n\
                 Si la fecha ya no le viene bien, responda a este mensaje y buscaremos otra.\n\n\
                 Un cordial saludo,\n{sig}"
            ),
        ),
        (ReminderKind::Reminder, Locale::En) => (
            format!("Reminder: installment {seq} of {count} was due on {due}"),
            format!(
                "Dear {g},\n\nI hope all is well with you. Thank you again for agreeing to a payment plan for invoice {n}.\n\n\
                 According to my records, installment {seq} of {count}, {amt}, due on {due}, has not reached me yet. \
                 It may simply have slipped through. In all, {rest} remains on the plan.\n\n\
                 You can pay in any of these ways:\n{pm}\n\n\
                 If you have already paid, thank you, and please ignore this reminder. If the plan has become \
                 difficult, just let me know; I am happy to adjust it.\n\nKind regards,\n{sig}"
            ),
        ),
        (ReminderKind::Reminder, Locale::De) => (
            format!("Erinnerung: Rate {seq} von {count} war am {due} fällig"),
            format!(
                "Hallo {g},\n\nich hoffe, es geht Ihnen gut. Danke noch einmal für die Ratenvereinbarung zur Rechnung {n}.\n\n\
                 Laut meinen Unterlagen ist Rate {seq} von {count} über {amt}, fällig am {due}, noch nicht bei mir \
                 eingegangen. Vielleicht ist sie einfach untergegangen. Insgesamt sind aus der Vereinbarung noch {rest} offen.\n\n\
                 Sie können auf folgenden Wegen bezahlen:\n{pm}\n\n\
                 Falls Sie bereits bezahlt haben: vielen Dank, dann ist diese Erinnerung gegenstandslos. Wenn die \
                 Raten schwierig geworden sind, sagen Sie mir einfach Bescheid; ich passe sie gern an.\n\n\
                 Herzliche Grüße\n{sig}"
            ),
        ),
        (ReminderKind::Reminder, Locale::Fr) => (
            format!("Rappel : l'échéance {seq} sur {count} était due le {due}"),
            format!(
                "Bonjour {g},\n\nJ'espère que vous allez bien. Merci encore d'avoir accepté un échéancier pour la facture {n}.\n\n\
                 D'après mes relevés, l'échéance {seq} sur {count}, d'un montant de {amt}, due le {due}, ne m'est pas \
                 encore parvenue. Elle vous a peut-être simplement échappé. Au total, il reste {rest} sur l'échéancier.\n\n\
                 Vous pouvez régler de l'une des façons suivantes :\n{pm}\n\n\
                 Si vous avez déjà payé, merci, et ne tenez pas compte de ce rappel. Si l'échéancier est devenu \
                 difficile, dites-le-moi simplement, je l'adapterai volontiers.\n\nBien cordialement,\n{sig}"
            ),
        ),
        (ReminderKind::Reminder, Locale::Es) => (
            format!("Recordatorio: el plazo {seq} de {count} vencía el {due}"),
            format!(
                "Hola, {g}:\n\nEspero que esté bien. Gracias de nuevo por aceptar un plan de pagos para la factura {n}.\n\n\
                 Según mis registros, el plazo {seq} de {count}, de {amt}, con vencimiento el {due}, aún no me ha \
                 llegado. Quizá simplemente se le pasó. En total quedan {rest} pendientes en el plan.\n\n\
                 Puede pagar de cualquiera de estas formas:\n{pm}\n\n\
                 Si ya ha pagado, gracias, y no tenga en cuenta este recordatorio. Si el plan se ha vuelto difícil, \
                 dígamelo y lo ajustaré con gusto.\n\nUn cordial saludo,\n{sig}"
            ),
        ),
        (ReminderKind::BrokenNotice, Locale::En) => (
            format!("Our payment plan for invoice {n}: let us find what works for you"),
            format!(
                "Dear {g},\n\nThank you for the payments you have made under our plan for invoice {n}.\n\n\
                 Installment {seq} of {count}, {amt}, due on {due}, is still open, so the plan is no longer running \
                 as we agreed. In all, {rest} remains to be paid.\n\n\
                 I would much rather find an arrangement that works for you than let this drift. Could you reply \
                 with dates that suit you, or call me? We can set up a new schedule together.\n\n\
                 If it is easier, you can also pay the remaining amount in any of these ways:\n{pm}\n\n\
                 Kind regards,\n{sig}"
            ),
        ),
        (ReminderKind::BrokenNotice, Locale::De) => (
            format!("Unsere Ratenvereinbarung zur Rechnung {n}: Finden wir gemeinsam eine Lösung"),
            format!(
                "Hallo {g},\n\nvielen Dank für die Zahlungen, die Sie im Rahmen unserer Vereinbarung zur Rechnung {n} \
                 geleistet haben.\n\n\
                 Rate {seq} von {count} über {amt}, fällig am {due}, ist noch offen, daher läuft die Vereinbarung \
                 nicht mehr wie abgesprochen. Insgesamt sind noch {rest} zu zahlen.\n\n\
                 Mir ist es viel lieber, gemeinsam eine Lösung zu finden, die für Sie passt. Könnten Sie mir Termine \
                 nennen, die Ihnen liegen, oder mich anrufen? Dann legen wir einen neuen Plan fest.\n\n\
                 Wenn es einfacher ist, können Sie den offenen Betrag auch auf einem dieser Wege bezahlen:\n{pm}\n\n\
                 Herzliche Grüße\n{sig}"
            ),
        ),
        (ReminderKind::BrokenNotice, Locale::Fr) => (
            format!("Notre échéancier pour la facture {n} : trouvons ce qui vous convient"),
            format!(
                "Bonjour {g},\n\nMerci pour les paiements déjà effectués dans le cadre de notre échéancier pour la facture {n}.\n\n\
                 L'échéance {seq} sur {count}, d'un montant de {amt}, due le {due}, est toujours ouverte ; l'échéancier \
                 ne se déroule donc plus comme convenu. Au total, il reste {rest} à régler.\n\n\
                 Je préfère de loin trouver avec vous une solution qui vous convienne. Pourriez-vous me proposer des \
                 dates qui vous arrangent, ou m'appeler ? Nous établirons ensemble un nouvel échéancier.\n\n\
                 Si c'est plus simple, vous pouvez aussi régler le montant restant de l'une de ces façons :\n{pm}\n\n\
                 Bien cordialement,\n{sig}"
            ),
        ),
        (ReminderKind::BrokenNotice, Locale::Es) => (
            format!("Nuestro plan de pagos de la factura {n}: busquemos lo que mejor le convenga"),
            format!(
                "Hola, {g}:\n\nGracias por los pagos realizados dentro de nuestro plan para la factura {n}.\n\n\
                 El plazo {seq} de {count}, de {amt}, con vencimiento el {due}, sigue pendiente, por lo que el plan ya \
                 no avanza como acordamos. En total quedan {rest} por pagar.\n\n\
                 Prefiero con mucho encontrar juntos una solución que le convenga. ¿Podría indicarme fechas que le \
                 vengan bien, o llamarme? Así fijamos un nuevo calendario.\n\n\
                 Si le resulta más fácil, también puede pagar el importe pendiente de cualquiera de estas formas:\n{pm}\n\n\
                 Un cordial saludo,\n{sig}"
            ),
        ),
    }
}

/// Facts of a plan proposal, formatted for the client's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProposalFacts {
    pub greeting_name: String,
    pub invoice_numbers: String,
    pub total: String,
    /// One line per installment, e.g. "1. 1 December 2026: €33.34".
    pub schedule_lines: Vec<String>,
    pub payment_methods: String,
    pub signature: String,
}

/// One schedule line of a proposal: "1. 1 December 2026: €33.34".
pub fn schedule_line(seq: u32, due_date: &str, amount: &str) -> String {
    format!("{seq}. {due_date}: {amount}")
}

/// (subject, plain-text body) of the proposal / agreement e-mail.
pub fn proposal_message(lang: Locale, f: &ProposalFacts) -> (String, String) {
    let (g, n, total, pm, sig) = (&f.greeting_name, &f.invoice_numbers, &f.total, &f.payment_methods, &f.signature);
    // "€100.00 in 3 installments", agreeing in number (followup.ftl).
    let count = i64::try_from(f.schedule_lines.len()).unwrap_or(i64::MAX);
    let split = kindly_i18n::tr(
        lang,
        "plan-total-in-installments",
        &[("total", total.as_str().into()), ("count", count.into())],
    );
    let lines = f.schedule_lines.iter().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n");
    match lang {
        Locale::En => (
            format!("Proposed payment plan for invoice {n}"),
            format!(
                "Dear {g},\n\nThank you for your business. Here is a proposed payment plan for invoice {n}: \
                 {split}.\n\n{lines}\n\n\
                 You can pay each installment in any of these ways:\n{pm}\n\n\
                 If this suits you, just reply to confirm (or sign and return the attached letter). If other dates \
                 work better, tell me and I will adjust the plan.\n\nKind regards,\n{sig}"
            ),
        ),
        Locale::De => (
            format!("Vorschlag für eine Ratenzahlung zur Rechnung {n}"),
            format!(
                "Hallo {g},\n\nvielen Dank für Ihren Auftrag. Für die Rechnung {n} schlage ich Ihnen eine \
                 Ratenzahlung vor: {split}.\n\n{lines}\n\n\
                 Sie können jede Rate auf einem dieser Wege bezahlen:\n{pm}\n\n\
                 Wenn das für Sie passt, bestätigen Sie es einfach per Antwort (oder unterschreiben Sie den \
                 beigefügten Brief). Wenn andere Termine besser passen, sagen Sie es mir, dann passe ich den Plan an.\n\n\
                 Herzliche Grüße\n{sig}"
            ),
        ),
        Locale::Fr => (
            format!("Proposition d'échéancier pour la facture {n}"),
            format!(
                "Bonjour {g},\n\nMerci pour votre confiance. Voici une proposition d'échéancier pour la \
                 facture {n} : {split}.\n\n{lines}\n\n\
                 Vous pouvez régler chaque échéance de l'une de ces façons :\n{pm}\n\n\
                 Si cela vous convient, répondez simplement pour confirmer (ou signez et renvoyez la lettre jointe). \
                 Si d'autres dates vous arrangent mieux, dites-le-moi et j'adapterai l'échéancier.\n\n\
                 Bien cordialement,\n{sig}"
            ),
        ),
        Locale::Es => (
            format!("Propuesta de plan de pagos para la factura {n}"),
            format!(
                "Hola, {g}:\n\nGracias por confiar en mí. Esta es una propuesta de plan de pagos para la \
                 factura {n}: {split}.\n\n{lines}\n\n\
                 Puede pagar cada plazo de cualquiera de estas formas:\n{pm}\n\n\
                 Si le parece bien, responda para confirmarlo (o firme y devuelva la carta adjunta). Si le vienen \
                 mejor otras fechas, dígamelo y ajustaré el plan.\n\nUn cordial saludo,\n{sig}"
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::MessageFacts;
    use crate::tone;

    fn facts(lang: Locale) -> InstallmentFacts {
        let (amount, rest, due) = match lang {
            Locale::En => ("€33.33", "€66.66", "1 January 2027"),
            Locale::De => ("33,33\u{a0}€", "66,66\u{a0}€", "1. Januar 2027"),
            Locale::Fr => ("33,33\u{a0}€", "66,66\u{a0}€", "1 janvier 2027"),
            Locale::Es => ("33,33\u{a0}€", "66,66\u{a0}€", "1 de enero de 2027"),
        };
        InstallmentFacts {
            greeting_name: "Zoë".into(),
            invoice_numbers: "INV-2026-0042".into(),
            seq: 2,
            count: 3,
            amount: amount.into(),
            due_date: due.into(),
            remaining_total: rest.into(),
            payment_methods: "- IBAN DE89 3704 0044 0532 0130 00".into(),
            signature: "Ana Design".into(),
        }
    }

    /// What the tone check must never find in shipped plan wording.
    const NEVER: &[&str] = &["threat", "shouting", "exclamation", "no_thanks", "no_greeting", "missing_amount"];

    #[test]
    fn every_plan_message_is_courteous_and_precise_in_every_language() {
        for lang in [Locale::En, Locale::De, Locale::Fr, Locale::Es] {
            for kind in [ReminderKind::HeadsUp, ReminderKind::Reminder, ReminderKind::BrokenNotice] {
                let f = facts(lang);
                let (subject, body) = installment_message(kind, lang, &f);
                for must in [&f.greeting_name, &f.amount, &f.due_date, &f.remaining_total, &f.invoice_numbers] {
                    assert!(body.contains(must.as_str()), "{kind:?} {lang:?} lacks {must}:\n{body}");
                }
                assert!(body.contains("2") && body.contains("3"), "installment number and count");
                assert!(body.contains(&f.payment_methods), "{kind:?} {lang:?}: ways to pay");
                let mf = MessageFacts {
                    greeting_name: f.greeting_name.clone(),
                    invoice_numbers: f.invoice_numbers.clone(),
                    amount_owing: f.amount.clone(),
                    due_date: f.due_date.clone(),
                    payment_methods: f.payment_methods.clone(),
                    signature: f.signature.clone(),
                    ..Default::default()
                };
                let bad: Vec<_> =
                    tone::check(&subject, &body, Some(&mf)).into_iter().filter(|x| NEVER.contains(&x.rule)).collect();
                assert!(bad.is_empty(), "{kind:?} {lang:?}: {bad:?}\n{subject}\n{body}");
            }
        }
    }

    #[test]
    fn the_proposal_lists_every_installment_and_is_courteous() {
        for lang in [Locale::En, Locale::De, Locale::Fr, Locale::Es] {
            let f = ProposalFacts {
                greeting_name: "Zoë".into(),
                invoice_numbers: "INV-2026-0042".into(),
                total: "€100.00".into(),
                schedule_lines: vec![
                    schedule_line(1, "1 December 2026", "€33.34"),
                    schedule_line(2, "1 January 2027", "€33.33"),
                    schedule_line(3, "1 February 2027", "€33.33"),
                ],
                payment_methods: "- Cash".into(),
                signature: "Ana".into(),
            };
            let (subject, body) = proposal_message(lang, &f);
            assert!(subject.contains("INV-2026-0042"));
            assert!(body.contains("  1. 1 December 2026: €33.34\n  2. 1 January 2027: €33.33"), "{body}");
            assert!(body.contains(" 3 "), "the count of installments: {body}");
            let mf = MessageFacts {
                greeting_name: "Zoë".into(),
                invoice_numbers: "INV-2026-0042".into(),
                amount_owing: "€100.00".into(),
                ..Default::default()
            };
            let bad: Vec<_> =
                tone::check(&subject, &body, Some(&mf)).into_iter().filter(|x| NEVER.contains(&x.rule)).collect();
            assert!(bad.is_empty(), "{lang:?}: {bad:?}");
        }
    }

    /// Regression (#18): a plan of one installment was proposed as "€100.00
    /// in 1 installments" ("1 Raten", "1 échéances", "1 plazos").
    #[test]
    fn the_proposal_agrees_with_the_number_of_installments() {
        let want = [
            (Locale::En, "€100.00 in 1 installment.", "€100.00 in 2 installments."),
            (Locale::De, "€100.00 in 1 Rate.", "€100.00 in 2 Raten."),
            (Locale::Fr, "€100.00 en 1 échéance.", "€100.00 en 2 échéances."),
            (Locale::Es, "€100.00 en 1 plazo.", "€100.00 en 2 plazos."),
        ];
        for (lang, one, two) in want {
            let f = |n: u32| ProposalFacts {
                total: "€100.00".into(),
                schedule_lines: (1..=n).map(|i| schedule_line(i, "1 December 2026", "€50.00")).collect(),
                ..Default::default()
            };
            let (_, body) = proposal_message(lang, &f(1));
            assert!(body.contains(one), "{lang:?}: {body}");
            let (_, body) = proposal_message(lang, &f(2));
            assert!(body.contains(two), "{lang:?}: {body}");
        }
    }
}

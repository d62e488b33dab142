//! The wording of the statement of account in English, German, French and
//! Spanish: the printed statement's title, opening, headings and column
//! names, and the short e-mail that carries it. Courteous like every
//! Kindly message: it thanks the client, says "if you have paid in the
//! meantime, thank you, please disregard this", states the balance in each
//! currency (never added together) and lists every way to pay.

use kindly_core::locale::Locale;
use kindly_core::payment::PaymentMethod;

/// What the statement's e-mail says, already formatted in the client's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatementFacts {
    pub greeting_name: String,
    /// The statement's date, e.g. "23 November 2026".
    pub as_of: String,
    /// One per currency: the balance and how many invoices it covers.
    pub balances: Vec<(String, usize)>,
    /// Every way to pay, one per line ("- Bank transfer: …").
    pub payment_methods: String,
    pub signature: String,
}

/// "3 invoices", "1 Rechnung", …
pub fn invoices_count(n: usize, lang: Locale) -> String {
    let (one, many) = match lang {
        Locale::En => ("invoice", "invoices"),
        Locale::De => ("Rechnung", "Rechnungen"),
        Locale::Fr => ("facture", "factures"),
        Locale::Es => ("factura", "facturas"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// (subject, body) of the e-mail that carries the statement (attached as a PDF).
pub fn statement_email(lang: Locale, f: &StatementFacts) -> (String, String) {
    let (g, date, pm, sig) = (&f.greeting_name, &f.as_of, &f.payment_methods, &f.signature);
    let balances =
        f.balances.iter().map(|(b, n)| format!("- {b} ({})", invoices_count(*n, lang))).collect::<Vec<_>>().join("\n");
    match lang {
        Locale::En => (
            format!("Your statement of account as of {date}"),
            format!(
                "Dear {g},\n\nThank you for working with me. Attached is your statement of account as of {date}: \
                 your open invoices, the payments I have received and the balance.\n\n\
                 The balance still open is:\n{balances}\n\n\
                 If you have paid in the meantime, thank you, and please disregard this statement. Otherwise you \
                 can pay in whichever way suits you best:\n{pm}\n\n\
                 If anything on the statement looks wrong to you, just reply and I will gladly look into it.\n\n\
                 Kind regards,\n{sig}"
            ),
        ),
        Locale::De => (
            format!("Ihr Kontoauszug zum {date}"),
            format!(
                "Hallo {g},\n\nvielen Dank für die Zusammenarbeit. Anbei finden Sie Ihren Kontoauszug zum {date}: \
                 Ihre offenen Rechnungen, die bei mir eingegangenen Zahlungen und den offenen Saldo.\n\n\
                 Offen ist derzeit:\n{balances}\n\n\
                 Falls Sie inzwischen bezahlt haben: vielen Dank, dann ist dieser Auszug gegenstandslos. Ansonsten \
                 können Sie so bezahlen, wie es Ihnen am besten passt:\n{pm}\n\n\
                 Wenn Ihnen auf dem Auszug etwas nicht stimmig erscheint, antworten Sie einfach, ich sehe es mir \
                 gern an.\n\nHerzliche Grüße\n{sig}"
            ),
        ),
        Locale::Fr => (
            format!("Votre relevé de compte au {date}"),
            format!(
                "Bonjour {g},\n\nMerci pour votre confiance. Vous trouverez ci-joint votre relevé de compte au {date} : \
                 vos factures ouvertes, les paiements reçus et le solde.\n\n\
                 Le solde restant dû est de :\n{balances}\n\n\
                 Si vous avez réglé entre-temps, merci, et ne tenez pas compte de ce relevé. Sinon, vous pouvez \
                 régler de la façon qui vous convient le mieux :\n{pm}\n\n\
                 Si quelque chose vous semble inexact sur ce relevé, répondez simplement à ce message, je vérifierai \
                 volontiers.\n\nBien cordialement,\n{sig}"
            ),
        ),
        Locale::Es => (
            format!("Su extracto de cuenta a {date}"),
            format!(
                "Hola, {g}:\n\nGracias por confiar en mí. Le adjunto su extracto de cuenta a {date}: sus facturas \
                 abiertas, los pagos recibidos y el saldo.\n\n\
                 El saldo pendiente es:\n{balances}\n\n\
                 Si ya ha pagado entretanto, muchas gracias, y no tenga en cuenta este extracto. Si no, puede pagar \
                 de la forma que le resulte más cómoda:\n{pm}\n\n\
                 Si algo del extracto no le parece correcto, responda a este mensaje y lo revisaré con gusto.\n\n\
                 Un cordial saludo,\n{sig}"
            ),
        ),
    }
}

/// The words of the printed statement in one language (the invoice, date and
/// amount column names it shares with letters come from the letters' labels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatementWords {
    pub title: &'static str,
    pub greeting: &'static str,
    pub closing: &'static str,
    pub days_overdue: &'static str,
    /// The column of credit notes, shown when an invoice has one.
    pub credited: &'static str,
    pub payment_date: &'static str,
    pub method: &'static str,
    pub total_received: &'static str,
    pub no_payments: &'static str,
    /// The page number with `{n}` and `{m}`: "Page {n} of {m}".
    pub page_label: &'static str,
    lang: Locale,
}

pub fn words(lang: Locale) -> StatementWords {
    match lang {
        Locale::En => StatementWords {
            title: "Statement of account",
            greeting: "Dear {name},",
            closing: "Kind regards,",
            days_overdue: "Days\noverdue",
            credited: "Credited",
            payment_date: "Received on",
            method: "Paid by",
            total_received: "Total received",
            no_payments: "No payments were received in this period.",
            page_label: "Page {n} of {m}",
            lang,
        },
        Locale::De => StatementWords {
            title: "Kontoauszug",
            greeting: "Hallo {name},",
            closing: "Herzliche Grüße",
            days_overdue: "Tage\nüberfällig",
            credited: "Gutgeschrieben",
            payment_date: "Eingang am",
            method: "Zahlungsart",
            total_received: "Summe der Zahlungen",
            no_payments: "In diesem Zeitraum sind keine Zahlungen eingegangen.",
            page_label: "Seite {n} von {m}",
            lang,
        },
        Locale::Fr => StatementWords {
            title: "Relevé de compte",
            greeting: "Bonjour {name},",
            closing: "Bien cordialement,",
            days_overdue: "Jours de\nretard",
            credited: "Avoirs",
            payment_date: "Reçu le",
            method: "Mode",
            total_received: "Total reçu",
            no_payments: "Aucun paiement n'a été reçu sur cette période.",
            page_label: "Page {n} sur {m}",
            lang,
        },
        Locale::Es => StatementWords {
            title: "Extracto de cuenta",
            greeting: "Hola, {name}:",
            closing: "Un cordial saludo,",
            days_overdue: "Días de\nretraso",
            credited: "Abonado",
            payment_date: "Recibido el",
            method: "Forma de pago",
            total_received: "Total recibido",
            no_payments: "No se recibió ningún pago en este periodo.",
            page_label: "Página {n} de {m}",
            lang,
        },
    }
}

impl StatementWords {
    /// The greeting with the client's name.
    pub fn greet(&self, name: &str) -> String {
        self.greeting.replace("{name}", name)
    }

    /// The opening paragraphs: thanks, what the statement lists and as of when,
    /// "if you have paid in the meantime, thank you, please disregard this".
    pub fn opening(&self, as_of: &str) -> Vec<String> {
        let (a, b) = match self.lang {
            Locale::En => (
                format!(
                    "Thank you for working with me. Below is your statement of account as of {as_of}: your open \
                     invoices, the payments I have received and the balance in each currency."
                ),
                "If you have paid in the meantime, thank you, and please disregard this statement. If anything on \
                 it looks wrong to you, just let me know and I will gladly look into it.",
            ),
            Locale::De => (
                format!(
                    "vielen Dank für die Zusammenarbeit. Unten finden Sie Ihren Kontoauszug zum {as_of}: Ihre offenen \
                     Rechnungen, die bei mir eingegangenen Zahlungen und den Saldo je Währung."
                ),
                "Falls Sie inzwischen bezahlt haben: vielen Dank, dann ist dieser Auszug gegenstandslos. Wenn Ihnen \
                 etwas nicht stimmig erscheint, sagen Sie mir bitte Bescheid, ich sehe es mir gern an.",
            ),
            Locale::Fr => (
                format!(
                    "Merci pour votre confiance. Voici votre relevé de compte au {as_of} : vos factures ouvertes, les \
                     paiements reçus et le solde dans chaque devise."
                ),
                "Si vous avez réglé entre-temps, merci, et ne tenez pas compte de ce relevé. Si quelque chose vous \
                 semble inexact, dites-le-moi simplement, je vérifierai volontiers.",
            ),
            Locale::Es => (
                format!(
                    "Gracias por confiar en mí. A continuación encontrará su extracto de cuenta a {as_of}: sus \
                     facturas abiertas, los pagos recibidos y el saldo en cada moneda."
                ),
                "Si ya ha pagado entretanto, muchas gracias, y no tenga en cuenta este extracto. Si algo no le \
                 parece correcto, dígamelo y lo revisaré con gusto.",
            ),
        };
        vec![a, b.to_string()]
    }

    /// The heading of one currency's section: "Open invoices in EUR".
    pub fn open_invoices_in(&self, currency: &str) -> String {
        match self.lang {
            Locale::En => format!("Open invoices in {currency}"),
            Locale::De => format!("Offene Rechnungen in {currency}"),
            Locale::Fr => format!("Factures ouvertes en {currency}"),
            Locale::Es => format!("Facturas abiertas en {currency}"),
        }
    }

    /// The stated period of the payments listed: since the oldest open
    /// invoice of the currency was issued.
    pub fn payments_since(&self, since: &str) -> String {
        match self.lang {
            Locale::En => format!("Payments received since {since} (the date of your oldest open invoice)"),
            Locale::De => format!("Zahlungseingänge seit dem {since} (Datum Ihrer ältesten offenen Rechnung)"),
            Locale::Fr => format!("Paiements reçus depuis le {since} (date de votre plus ancienne facture ouverte)"),
            Locale::Es => format!("Pagos recibidos desde el {since} (fecha de su factura abierta más antigua)"),
        }
    }

    /// "Balance in EUR: €1,234.56".
    pub fn balance_in(&self, currency: &str, amount: &str) -> String {
        match self.lang {
            Locale::En => format!("Balance in {currency}: {amount}"),
            Locale::De => format!("Saldo in {currency}: {amount}"),
            Locale::Fr => format!("Solde en {currency} : {amount}"),
            Locale::Es => format!("Saldo en {currency}: {amount}"),
        }
    }

    /// How a payment was made, in the language.
    pub fn method_word(&self, m: PaymentMethod) -> &'static str {
        match (m, self.lang) {
            (PaymentMethod::BankTransfer, Locale::En) => "Bank transfer",
            (PaymentMethod::BankTransfer, Locale::De) => "Überweisung",
            (PaymentMethod::BankTransfer, Locale::Fr) => "Virement",
            (PaymentMethod::BankTransfer, Locale::Es) => "Transferencia",
            (PaymentMethod::Card, Locale::En) => "Card",
            (PaymentMethod::Card, Locale::De) => "Karte",
            (PaymentMethod::Card, Locale::Fr) => "Carte",
            (PaymentMethod::Card, Locale::Es) => "Tarjeta",
            (PaymentMethod::Paypal, _) => "PayPal",
            (PaymentMethod::Cash, Locale::En) => "Cash",
            (PaymentMethod::Cash, Locale::De) => "Bar",
            (PaymentMethod::Cash, Locale::Fr) => "Espèces",
            (PaymentMethod::Cash, Locale::Es) => "Efectivo",
            (PaymentMethod::Cheque, Locale::En) => "Cheque",
            (PaymentMethod::Cheque, Locale::De) => "Scheck",
            (PaymentMethod::Cheque, Locale::Fr) => "Chèque",
            (PaymentMethod::Cheque, Locale::Es) => "Cheque",
            (PaymentMethod::Other, Locale::En) => "Other",
            (PaymentMethod::Other, Locale::De) => "Sonstige",
            (PaymentMethod::Other, Locale::Fr) => "Autre",
            (PaymentMethod::Other, Locale::Es) => "Otro",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone;

    const LANGS: [Locale; 4] = [Locale::En, Locale::De, Locale::Fr, Locale::Es];

    #[test]
    fn the_e_mail_states_each_balance_apart_and_passes_the_tone_check() {
        for lang in LANGS {
            let f = StatementFacts {
                greeting_name: "Zoë".into(),
                as_of: "23 November 2026".into(),
                balances: vec![("€1,234.56".into(), 3), ("$200.00".into(), 1)],
                payment_methods: "- Bank transfer: IBAN DE89 3704 0044 0532 0130 00".into(),
                signature: "Ada".into(),
            };
            let (subject, body) = statement_email(lang, &f);
            assert!(subject.contains("23 November 2026"), "{lang:?}");
            for must in ["Zoë", "€1,234.56 (3 ", "$200.00 (1 ", "IBAN DE89", "Ada"] {
                assert!(body.contains(must), "{lang:?} lacks {must}: {body}");
            }
            let bad: Vec<_> = tone::check(&subject, &body, None)
                .into_iter()
                .filter(|f| matches!(f.rule, "threat" | "shouting" | "exclamation"))
                .collect();
            assert!(bad.is_empty(), "{lang:?}: {bad:?}");
        }
    }

    #[test]
    fn the_printed_words_exist_in_every_language() {
        for lang in LANGS {
            let w = words(lang);
            assert_eq!(w.opening("1 March 2026").len(), 2);
            assert!(w.opening("1 March 2026")[0].contains("1 March 2026"));
            assert!(w.balance_in("EUR", "€5.00").contains("€5.00"));
            assert!(w.payments_since("1 March 2026").contains("1 March 2026"));
            assert!(w.greet("Zoë").contains("Zoë"));
            assert_eq!(invoices_count(1, lang).split(' ').count(), 2);
        }
    }
}

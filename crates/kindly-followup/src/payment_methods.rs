//! The ways a client can pay, as the user accepts them. Listed on every
//! invoice, letter and e-mail, because making paying easy is the politest
//! reminder of all.

use crate::FollowupError;
use kindly_core::locale::Locale;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankAccount {
    pub holder: String,
    /// Stored without spaces, upper case; shown in groups of four.
    pub iban: String,
    pub bic: String,
    /// For countries without IBAN: account number and routing / sort code.
    pub account_number: String,
    pub routing_code: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethods {
    pub bank: Option<BankAccount>,
    /// A card-payment page (Stripe, SumUp, …).
    pub card_link: String,
    pub paypal_link: String,
    pub cash: bool,
    /// Payee name for cheques; empty = cheques not accepted.
    pub cheque_payable_to: String,
    /// Whether the user offers to split a balance into installments.
    pub installments: bool,
}

/// Removes spaces and upper-cases an IBAN, then checks length and mod-97.
pub fn normalize_iban(input: &str) -> Result<String, FollowupError> {
    let iban: String =
        input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_ascii_uppercase();
    let bad = || FollowupError::InvalidIban(input.trim().chars().take(40).collect());
    if !(15..=34).contains(&iban.len())
        || !iban.chars().all(|c| c.is_ascii_alphanumeric())
        || !iban[..2].chars().all(|c| c.is_ascii_alphabetic())
        || !iban[2..4].chars().all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let rearranged = format!("{}{}", &iban[4..], &iban[..4]);
    let mut rem: u32 = 0;
    for c in rearranged.chars() {
        let v = c.to_digit(36).ok_or_else(bad)?;
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    if rem != 1 {
        return Err(bad());
    }
    Ok(iban)
}

/// "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00".
pub fn format_iban(iban: &str) -> String {
    iban.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

pub fn normalize_bic(input: &str) -> Result<String, FollowupError> {
    let bic = input.trim().to_ascii_uppercase();
    let ok = (bic.len() == 8 || bic.len() == 11)
        && bic.chars().all(|c| c.is_ascii_alphanumeric())
        && bic[..6].chars().all(|c| c.is_ascii_alphabetic());
    if ok {
        Ok(bic)
    } else {
        Err(FollowupError::InvalidBic(input.trim().chars().take(20).collect()))
    }
}

fn check_link(input: &str) -> Result<String, FollowupError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    let ok = (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() <= 300
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == '"');
    if ok {
        Ok(s.to_string())
    } else {
        Err(FollowupError::InvalidLink(s.chars().filter(|c| !c.is_control()).take(60).collect()))
    }
}

fn clean_line(s: &str, field: &'static str) -> Result<String, FollowupError> {
    if s.chars().any(char::is_control) {
        return Err(FollowupError::ControlCharacters(field));
    }
    Ok(s.trim().to_string())
}

impl PaymentMethods {
    /// Validates and normalises every field.
    pub fn validated(self) -> Result<PaymentMethods, FollowupError> {
        let bank = match self.bank {
            Some(b) => {
                let iban = if b.iban.trim().is_empty() { String::new() } else { normalize_iban(&b.iban)? };
                let bic = if b.bic.trim().is_empty() { String::new() } else { normalize_bic(&b.bic)? };
                let acc = BankAccount {
                    holder: clean_line(&b.holder, "account holder")?,
                    iban,
                    bic,
                    account_number: clean_line(&b.account_number, "account number")?,
                    routing_code: clean_line(&b.routing_code, "routing code")?,
                };
                if acc.iban.is_empty() && acc.account_number.is_empty() {
                    None
                } else {
                    Some(acc)
                }
            }
            None => None,
        };
        Ok(PaymentMethods {
            bank,
            card_link: check_link(&self.card_link)?,
            paypal_link: check_link(&self.paypal_link)?,
            cash: self.cash,
            cheque_payable_to: clean_line(&self.cheque_payable_to, "cheque payee")?,
            installments: self.installments,
        })
    }

    /// One line per accepted method, in the client's language.
    pub fn lines(&self, lang: Locale) -> Vec<String> {
        self.lines_with_reference(lang, None)
    }

    /// The lines, with the payment reference to quote on the bank transfer
    /// (an invoice's "RF…" creditor reference, printed in groups of four, or
    /// the invoice numbers of a bundle): what the payer's bank sends back,
    /// so the payment is matched to the invoice when the statement comes in.
    pub fn lines_with_reference(&self, lang: Locale, reference: Option<&str>) -> Vec<String> {
        let t = |en: &str, de: &str, fr: &str, es: &str| -> String {
            match lang {
                Locale::En => en,
                Locale::De => de,
                Locale::Fr => fr,
                Locale::Es => es,
            }
            .to_string()
        };
        let mut out = Vec::new();
        if let Some(b) = &self.bank {
            let mut s = t("Bank transfer", "Überweisung", "Virement bancaire", "Transferencia bancaria");
            if !b.holder.is_empty() {
                s += &format!(" {} {}", t("to", "an", "à", "a"), b.holder);
            }
            if !b.iban.is_empty() {
                s += &format!(": IBAN {}", format_iban(&b.iban));
                if !b.bic.is_empty() {
                    s += &format!(", BIC {}", b.bic);
                }
            } else {
                s += &format!(
                    ": {} {}, {} {}",
                    t("account", "Konto", "compte", "cuenta"),
                    b.account_number,
                    t("routing/sort code", "Bankleitzahl", "code banque", "código de banco"),
                    b.routing_code
                );
            }
            if let Some(r) = reference.map(str::trim).filter(|r| !r.is_empty()) {
                let r = if r.starts_with("RF") { format_iban(r) } else { r.to_string() };
                s += &format!(", {} {r}", t("reference", "Verwendungszweck", "référence", "referencia"));
            }
            out.push(s);
        }
        if !self.card_link.is_empty() {
            out.push(format!("{}: {}", t("Card", "Karte", "Carte bancaire", "Tarjeta"), self.card_link));
        }
        if !self.paypal_link.is_empty() {
            out.push(format!("PayPal: {}", self.paypal_link));
        }
        if self.cash {
            out.push(t("Cash, in person", "Bar, persönlich", "En espèces, en personne", "En efectivo, en persona"));
        }
        if !self.cheque_payable_to.is_empty() {
            out.push(format!(
                "{} {}",
                t("Cheque payable to", "Scheck zahlbar an", "Chèque à l'ordre de", "Cheque a nombre de"),
                self.cheque_payable_to
            ));
        }
        if self.installments {
            out.push(t(
                "In installments: just reply and we will agree a plan that works for you",
                "In Raten: antworten Sie einfach, dann vereinbaren wir einen passenden Plan",
                "En plusieurs fois : répondez simplement et nous conviendrons d'un échéancier adapté",
                "A plazos: responda y acordaremos un plan que le convenga",
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bank_transfer_line_quotes_the_payment_reference() {
        let pm = PaymentMethods {
            bank: Some(BankAccount {
                holder: "Studio".into(),
                iban: "DE89370400440532013000".into(),
                ..Default::default()
            }),
            cash: true,
            ..Default::default()
        };
        let l = pm.lines_with_reference(Locale::De, Some("RF3400000042"));
        assert_eq!(l[0], "Überweisung an Studio: IBAN DE89 3704 0044 0532 0130 00, Verwendungszweck RF34 0000 0042");
        assert_eq!(l[1], "Bar, persönlich");
        assert_eq!(pm.lines(Locale::En)[0], "Bank transfer to Studio: IBAN DE89 3704 0044 0532 0130 00");
        let bundle = pm.lines_with_reference(Locale::En, Some("INV-1, INV-2"));
        assert!(bundle[0].ends_with(", reference INV-1, INV-2"), "{}", bundle[0]);
    }

    #[test]
    fn ibans_are_checked_with_mod_97() {
        assert_eq!(normalize_iban("de89 3704 0044 0532 0130 00").unwrap(), "DE89370400440532013000");
        assert_eq!(normalize_iban("GB82 WEST 1234 5698 7654 32").unwrap(), "GB82WEST12345698765432");
        for bad in ["DE89 3704 0044 0532 0130 01", "DE8937040044", "1234567890123456", "DE89 3704 0044 0532 0130 0!"] {
            assert_eq!(normalize_iban(bad).unwrap_err().code(), "invalid_iban", "{bad}");
        }
        assert_eq!(format_iban("DE89370400440532013000"), "DE89 3704 0044 0532 0130 00");
    }

    #[test]
    fn bics_and_links_are_checked() {
        assert_eq!(normalize_bic("cobadeffxxx").unwrap(), "COBADEFFXXX");
        assert_eq!(normalize_bic("COBADEFF").unwrap(), "COBADEFF");
        assert!(normalize_bic("COBA1EFF").is_err());
        let pm = PaymentMethods { card_link: "javascript:alert(1)".into(), ..Default::default() };
        assert_eq!(pm.validated().unwrap_err().code(), "invalid_link");
    }

    #[test]
    fn every_accepted_method_is_listed_in_the_clients_language() {
        let pm = PaymentMethods {
            bank: Some(BankAccount {
                holder: "Studio Zoë".into(),
                iban: "DE89370400440532013000".into(),
                bic: "COBADEFFXXX".into(),
                ..Default::default()
            }),
            card_link: "https://pay.example.com/zoe".into(),
            paypal_link: "https://paypal.me/zoe".into(),
            cash: true,
            cheque_payable_to: "Studio Zoë".into(),
            installments: true,
        }
        .validated()
        .unwrap();
        let en = pm.lines(Locale::En);
        assert_eq!(en.len(), 6);
        assert_eq!(en[0], "Bank transfer to Studio Zoë: IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX");
        assert!(pm.lines(Locale::De)[0].starts_with("Überweisung an Studio Zoë"));
    }
}

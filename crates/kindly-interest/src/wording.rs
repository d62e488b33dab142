//! What letters, statements and invoices say about statutory interest, in
//! English, German, French and Spanish: a courteous paragraph stating what
//! the law allows as of a day, with the working (period, principal, rate),
//! and France's mandatory mentions on business invoices (L441-10 II).
//! The wording makes plain that nothing is added to the amount due.

use crate::calc::{Line, Working};
use crate::table::{RateTable, Series};
use chrono::NaiveDate;
use kindly_core::locale::Locale;
use kindly_core::vocab::Jurisdiction;

/// The courteous paragraph for a working with something to state; `None`
/// when nothing is owed under the law (not late, or paid on time).
pub fn paragraph(w: &Working, lang: Locale) -> Option<String> {
    if w.interest.minor == 0 && w.compensation.is_none() {
        return None;
    }
    let law = law_name(w.jurisdiction, lang);
    let date = lang.format_date(w.on);
    let interest = w.interest.format(lang);
    let mut s = match lang {
        Locale::En => format!("For completeness: as this invoice is overdue, {law} allows statutory interest, which as of {date} amounts to {interest}."),
        Locale::De => format!("Der Vollständigkeit halber: Da diese Rechnung überfällig ist, sieht {law} gesetzliche Verzugszinsen vor; sie betragen zum {date} {interest}."),
        Locale::Fr => format!("Pour information : cette facture étant échue, {law} prévoit des pénalités de retard qui s'élèvent, au {date}, à {interest}."),
        Locale::Es => format!("Para su información: al estar vencida esta factura, {law} prevé intereses de demora que, a {date}, ascienden a {interest}."),
    };
    if let (Some(c), Some(src)) = (w.compensation, w.compensation_source) {
        let c = c.format(lang);
        s.push_str(&match lang {
            Locale::En => format!(" It also allows a fixed compensation of {c} ({src})."),
            Locale::De => format!(" Zudem sieht das Gesetz eine Pauschale von {c} vor ({src})."),
            Locale::Fr => {
                format!(" Elle prévoit également une indemnité forfaitaire de {c} ({src}).")
            }
            Locale::Es => format!(" También prevé una compensación fija de {c} ({src})."),
        });
    }
    s.push(' ');
    s.push_str(match lang {
        Locale::En => "This is not added to the amount due: we mention it only so that the position is clear, and we would of course much prefer simply to settle the invoice itself.",
        Locale::De => "Dieser Betrag ist in der offenen Summe nicht enthalten: Wir erwähnen ihn nur der Klarheit halber und freuen uns vor allem über die Begleichung der Rechnung selbst.",
        Locale::Fr => "Ce montant n'est pas ajouté au solde dû : nous le mentionnons uniquement par souci de clarté et préférons bien entendu le simple règlement de la facture.",
        Locale::Es => "Este importe no se añade al saldo pendiente: lo mencionamos solo para mayor claridad y, por supuesto, preferimos simplemente recibir el pago de la factura.",
    });
    Some(s)
}

/// One line of the working, e.g. "1 July 2025 to 31 March 2026: 274 days on
/// €1,000.00 at 10.27 % (Basiszinssatz 1.27 % + 9 points) = €77.10".
pub fn line(l: &Line, series: Series, lang: Locale) -> String {
    let (from, to) = (lang.format_date_short(l.from), lang.format_date_short(l.to));
    let (days, principal, interest) = (l.days, l.principal.format(lang), l.interest.format(lang));
    let rate = percent_text(l.rate_bp, lang);
    let reference = format!("{} {}", reference_name(series, l.reference_on, lang), percent_text(l.reference_bp, lang));
    let margin = points(l.margin_bp, lang);
    let mut s = match lang {
        Locale::En => format!("{from} to {to}: {days} days on {principal} at {rate} ({reference} + {margin} points) = {interest}"),
        Locale::De => format!("{from} bis {to}: {days} Tage auf {principal} zu {rate} ({reference} + {margin} Prozentpunkte) = {interest}"),
        Locale::Fr => format!("Du {from} au {to} : {days} jours sur {principal} au taux de {rate} ({reference} + {margin} points) = {interest}"),
        Locale::Es => format!("Del {from} al {to}: {days} días sobre {principal} al {rate} ({reference} + {margin} puntos) = {interest}"),
    };
    if let Some(source) = &l.entered_source {
        s.push_str(&match lang {
            Locale::En => format!(" (rate entered by you: {source})"),
            Locale::De => format!(" (von Ihnen eingetragener Satz: {source})"),
            Locale::Fr => format!(" (taux saisi par vous : {source})"),
            Locale::Es => format!(" (tipo introducido por usted: {source})"),
        });
    }
    s
}

/// The series a jurisdiction's rate follows.
pub fn series_of(j: Jurisdiction) -> Series {
    match j {
        Jurisdiction::Uk => Series::BoeReference,
        Jurisdiction::Eu | Jurisdiction::Fr => Series::EcbMro,
        Jurisdiction::De => Series::Basiszins,
    }
}

/// France's mandatory mentions on an invoice between professionals (Code de
/// commerce L441-9 and L441-10 II, D441-5): the late-payment penalty rate and
/// the €40 indemnité forfaitaire. In French, whatever the invoice's language.
/// The rate is stated with its figure for the half-year of the due date when
/// the table has it, else by its rule alone (which is what the law requires).
pub fn fr_invoice_mentions(table: &RateTable, due_on: NaiveDate) -> String {
    let first_late = due_on.succ_opt().unwrap_or(due_on);
    let rate = match table.rate_for_day(Series::EcbMro, first_late) {
        Ok(e) => format!(
            "{} (taux de refinancement de la BCE de {} en vigueur au {}, majoré de 10 points)",
            percent_text(e.bp + 1000, Locale::Fr),
            percent_text(e.bp, Locale::Fr),
            Locale::Fr.format_date(e.on)
        ),
        Err(_) => "taux de refinancement le plus récent de la BCE majoré de 10 points".to_string(),
    };
    format!(
        "Pénalités de retard (exigibles dès le lendemain de l'échéance, sans rappel) : {rate}. Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 € (art. L441-10 et D441-5 du Code de commerce)."
    )
}

fn law_name(j: Jurisdiction, lang: Locale) -> &'static str {
    match (j, lang) {
        (Jurisdiction::Uk, Locale::En) => "the Late Payment of Commercial Debts (Interest) Act 1998",
        (Jurisdiction::Uk, Locale::De) => "der britische Late Payment of Commercial Debts (Interest) Act 1998",
        (Jurisdiction::Uk, Locale::Fr) => "la loi britannique Late Payment of Commercial Debts (Interest) Act 1998",
        (Jurisdiction::Uk, Locale::Es) => "la ley británica Late Payment of Commercial Debts (Interest) Act 1998",
        (Jurisdiction::Eu, Locale::En) => "Directive 2011/7/EU",
        (Jurisdiction::Eu, Locale::De) => "die Richtlinie 2011/7/EU",
        (Jurisdiction::Eu, Locale::Fr) => "la directive 2011/7/UE",
        (Jurisdiction::Eu, Locale::Es) => "la Directiva 2011/7/UE",
        (Jurisdiction::De, Locale::En) => "§ 288 of the German Civil Code (BGB)",
        (Jurisdiction::De, Locale::De) => "§ 288 BGB",
        (Jurisdiction::De, Locale::Fr) => "l'article 288 du Code civil allemand (BGB)",
        (Jurisdiction::De, Locale::Es) => "el artículo 288 del Código Civil alemán (BGB)",
        (Jurisdiction::Fr, Locale::En) => "Article L441-10 of the French Commercial Code",
        (Jurisdiction::Fr, Locale::De) => "Art. L441-10 des französischen Code de commerce",
        (Jurisdiction::Fr, Locale::Fr) => "l'article L441-10 du Code de commerce",
        (Jurisdiction::Fr, Locale::Es) => "el artículo L441-10 del Código de Comercio francés",
    }
}

fn reference_name(series: Series, on: NaiveDate, lang: Locale) -> String {
    let day = lang.format_date_short(on);
    match (series, lang) {
        (Series::BoeReference, Locale::En) => format!("Bank of England base rate on {day}"),
        (Series::BoeReference, Locale::De) => format!("Leitzins der Bank of England am {day}"),
        (Series::BoeReference, Locale::Fr) => format!("taux directeur de la Banque d'Angleterre au {day}"),
        (Series::BoeReference, Locale::Es) => format!("tipo oficial del Banco de Inglaterra el {day}"),
        (Series::EcbMro, Locale::En) => format!("ECB main refinancing rate on {day}"),
        (Series::EcbMro, Locale::De) => format!("EZB-Hauptrefinanzierungssatz am {day}"),
        (Series::EcbMro, Locale::Fr) => format!("taux de refinancement de la BCE au {day}"),
        (Series::EcbMro, Locale::Es) => format!("tipo de las operaciones principales de financiación del BCE el {day}"),
        (Series::Basiszins, Locale::En) => format!("German base rate (§ 247 BGB) from {day}"),
        (Series::Basiszins, Locale::De) => format!("Basiszinssatz ab {day}"),
        (Series::Basiszins, Locale::Fr) => format!("taux de base allemand (§ 247 BGB) au {day}"),
        (Series::Basiszins, Locale::Es) => format!("tipo básico alemán (§ 247 BGB) desde el {day}"),
    }
}

/// "12.15 %" in English, "12,15 %" elsewhere.
pub fn percent_text(bp: i32, lang: Locale) -> String {
    let p = crate::calc::percent(bp);
    match lang {
        Locale::En => format!("{p} %"),
        _ => format!("{} %", p.replace('.', ",")),
    }
}

fn points(bp: i32, lang: Locale) -> String {
    let p = crate::calc::percent(bp);
    let p = p.strip_suffix(".00").unwrap_or(&p).to_string();
    match lang {
        Locale::En => p,
        _ => p.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{claim, Debt};
    use kindly_core::vocab::DebtorKind;
    use kindly_core::{Currency, Money};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn every_language_states_the_working_and_that_nothing_is_added() {
        let debt = Debt { amount: Money::new(1_000_000, Currency::EUR), due_on: d("2024-12-15"), payments: &[] };
        let w = claim(Jurisdiction::De, DebtorKind::Business, &debt, d("2025-01-14")).unwrap();
        let expect = [
            (Locale::En, "€97.45", "not added", "16 Dec 2024 to 31 Dec 2024: 16 days on €10,000.00 at 12.37 % (German base rate (§ 247 BGB) from 1 Jul 2024 3.37 % + 9 points) = €54.22"),
            (Locale::De, "97,45 €", "nicht enthalten", "16.12.2024 bis 31.12.2024: 16 Tage auf 10.000,00 € zu 12,37 % (Basiszinssatz ab 01.07.2024 3,37 % + 9 Prozentpunkte) = 54,22 €"),
            (Locale::Fr, "97,45 €", "n'est pas ajouté", "Du 16/12/2024 au 31/12/2024 : 16 jours"),
            (Locale::Es, "97,45 €", "no se añade", "Del 16/12/2024 al 31/12/2024: 16 días"),
        ];
        for (lang, amount, not_added, first_line) in expect {
            let p = paragraph(&w, lang).unwrap();
            assert!(
                p.contains(&w.interest.format(lang))
                    && amount.contains("97")
                    && p.contains(not_added)
                    && p.contains("40"),
                "{lang:?}: {p}"
            );
            let l = line(&w.lines[0], Series::Basiszins, lang);
            let l = l.replace(['\u{a0}', '\u{202f}'], " ");
            assert!(l.starts_with(first_line), "{lang:?}: {l}");
        }
    }

    #[test]
    fn nothing_to_state_when_not_late() {
        let debt = Debt { amount: Money::new(1_000, Currency::EUR), due_on: d("2025-01-14"), payments: &[] };
        let w = claim(Jurisdiction::Fr, DebtorKind::Business, &debt, d("2025-01-14")).unwrap();
        assert_eq!(paragraph(&w, Locale::Fr), None);
    }

    #[test]
    fn french_invoice_mentions() {
        let t = RateTable::shipped().unwrap();
        let m = fr_invoice_mentions(t, d("2025-09-30"));
        assert!(m.contains("12,15 %") && m.contains("2,15 %") && m.contains("40 €") && m.contains("D441-5"), "{m}");
        let m = fr_invoice_mentions(t, d("2027-09-30"));
        assert!(m.contains("majoré de 10 points") && m.contains("40 €"), "{m}");
    }
}

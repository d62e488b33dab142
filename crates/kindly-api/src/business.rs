//! The business profile: who letters, e-mails and invoices come from, and
//! how a client can pay. The profile may be skipped on the first run, but
//! nothing goes out to a client until it names a sender and at least one
//! way to pay: [`require`] refuses with the exact list of what is missing,
//! so a reminder is never signed "Kindly" or ends in an empty list of ways
//! to pay.

use crate::{ApiError, ApiResult, Ctx};
use kindly_core::vocab::{Correspondence, ProfileGap, WayToPay};
use kindly_core::ErrorCode;
use kindly_followup::payment_methods::{BankAccount, PaymentMethods};
use kindly_store::Settings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the profile lacks, per kind of thing Kindly sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Readiness {
    /// Every gap, in the order the profile form shows them (empty: complete).
    pub missing: Vec<ProfileGap>,
    pub email_ready: bool,
    pub letters_ready: bool,
    /// One sentence for the banner, e.g. "Add your business name and at
    /// least one way to pay before Kindly sends reminders." Empty when complete.
    pub message: String,
}

/// What `require` and the banner check: pure, so every rule is tested.
pub fn gaps(s: &Settings, pm: &PaymentMethods, what: Correspondence) -> Vec<ProfileGap> {
    let mut out = Vec::new();
    if s.business_name.trim().is_empty() {
        out.push(ProfileGap::BusinessName);
    }
    if matches!(what, Correspondence::Letter | Correspondence::InvoiceDocument) && s.business_address.trim().is_empty()
    {
        out.push(ProfileGap::PostalAddress);
    }
    if matches!(what, Correspondence::Email | Correspondence::Letter) && !has_way_to_pay(pm) {
        out.push(ProfileGap::WayToPay);
    }
    out
}

/// Installments alone are not a way to pay: they split a balance that is
/// still paid one of the other ways.
pub fn has_way_to_pay(pm: &PaymentMethods) -> bool {
    pm.bank.is_some()
        || !pm.card_link.is_empty()
        || !pm.paypal_link.is_empty()
        || pm.cash
        || !pm.cheque_payable_to.is_empty()
}

fn gap_words(g: &[ProfileGap]) -> String {
    let words: Vec<&str> = g
        .iter()
        .map(|g| match g {
            ProfileGap::BusinessName => "your business name",
            ProfileGap::PostalAddress => "your postal address",
            ProfileGap::WayToPay => "at least one way to pay (a bank account, a payment link, cash or cheque)",
        })
        .collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The refusal, naming exactly what is missing and where to add it.
pub fn refusal(what: Correspondence, g: &[ProfileGap]) -> ApiError {
    let doing = match what {
        Correspondence::Email => "sends e-mails to clients",
        Correspondence::Letter => "prints letters",
        Correspondence::InvoiceDocument => "makes invoice documents",
    };
    let field = g.first().map(|g| g.as_str().to_string());
    ApiError::new(
        ErrorCode::ProfileIncomplete,
        format!(
            "Before Kindly {doing}, add {} to your business profile (Settings → Business, or `kindly business set` and `kindly methods add`).",
            gap_words(g)
        ),
        field.as_deref(),
    )
}

/// Refuses when the profile lacks what `what` needs.
pub async fn require(ctx: Ctx<'_>, what: Correspondence) -> ApiResult<()> {
    let s = ctx.store.settings().await?;
    let pm = ctx.store.payment_methods().await?;
    match gaps(&s, &pm, what).as_slice() {
        [] => Ok(()),
        g => Err(refusal(what, g)),
    }
}

pub async fn readiness(ctx: Ctx<'_>) -> ApiResult<Readiness> {
    let s = ctx.store.settings().await?;
    let pm = ctx.store.payment_methods().await?;
    let email = gaps(&s, &pm, Correspondence::Email);
    let letters = gaps(&s, &pm, Correspondence::Letter);
    let mut missing = letters.clone();
    missing.extend(email.iter().filter(|g| !letters.contains(g)));
    let message = if missing.is_empty() {
        String::new()
    } else {
        format!("Add {} before Kindly writes to your clients.", gap_words(&missing))
    };
    Ok(Readiness { email_ready: email.is_empty(), letters_ready: letters.is_empty(), missing, message })
}

/// One accepted way to pay, as the client will read it (English).
#[derive(Debug, Clone, Serialize, TS)]
pub struct WayView {
    pub way: WayToPay,
    pub text: String,
}

/// What `kindly methods add` gives for one way to pay; the fields a way
/// does not use are ignored.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct WayInput {
    #[serde(default)]
    pub iban: String,
    #[serde(default)]
    pub bic: String,
    #[serde(default)]
    pub holder: String,
    #[serde(default)]
    pub account_number: String,
    #[serde(default)]
    pub routing_code: String,
    /// The card or PayPal payment page.
    #[serde(default)]
    pub link: String,
    /// Who cheques are made out to.
    #[serde(default)]
    pub payee: String,
}

/// The ways to pay, one per line, in the order messages list them.
pub async fn ways(ctx: Ctx<'_>) -> ApiResult<Vec<WayView>> {
    let pm = ctx.store.payment_methods().await?;
    let mut out = Vec::new();
    for way in <WayToPay as strum::VariantArray>::VARIANTS {
        let only = keep_only(&pm, *way);
        if only != PaymentMethods::default() {
            for text in only.lines(kindly_core::locale::Locale::En) {
                out.push(WayView { way: *way, text });
            }
        }
    }
    Ok(out)
}

fn keep_only(pm: &PaymentMethods, way: WayToPay) -> PaymentMethods {
    let mut only = PaymentMethods::default();
    match way {
        WayToPay::Bank => only.bank.clone_from(&pm.bank),
        WayToPay::Card => only.card_link.clone_from(&pm.card_link),
        WayToPay::Paypal => only.paypal_link.clone_from(&pm.paypal_link),
        WayToPay::Cash => only.cash = pm.cash,
        WayToPay::Cheque => only.cheque_payable_to.clone_from(&pm.cheque_payable_to),
        WayToPay::Installments => only.installments = pm.installments,
    }
    only
}

/// Adds (or replaces) one way to pay, validated like the settings form.
pub async fn add_way(ctx: Ctx<'_>, way: WayToPay, input: &WayInput) -> ApiResult<Vec<WayView>> {
    let mut pm = ctx.store.payment_methods().await?;
    let required = |value: &str, field: &'static str, what: &str| -> ApiResult<()> {
        if value.trim().is_empty() {
            Err(ApiError::new(ErrorCode::Required, format!("{what} is needed for this way to pay."), Some(field)))
        } else {
            Ok(())
        }
    };
    match way {
        WayToPay::Bank => {
            if input.iban.trim().is_empty() && input.account_number.trim().is_empty() {
                return Err(ApiError::new(
                    ErrorCode::Required,
                    "A bank account needs an IBAN (or an account number and a routing code).",
                    Some("iban"),
                ));
            }
            pm.bank = Some(BankAccount {
                holder: input.holder.clone(),
                iban: input.iban.clone(),
                bic: input.bic.clone(),
                account_number: input.account_number.clone(),
                routing_code: input.routing_code.clone(),
            });
        }
        WayToPay::Card => {
            required(&input.link, "link", "The card payment page (https://…)")?;
            pm.card_link.clone_from(&input.link);
        }
        WayToPay::Paypal => {
            required(&input.link, "link", "The PayPal link (https://paypal.me/…)")?;
            pm.paypal_link.clone_from(&input.link);
        }
        WayToPay::Cash => pm.cash = true,
        WayToPay::Cheque => {
            required(&input.payee, "payee", "The name cheques are made out to")?;
            pm.cheque_payable_to.clone_from(&input.payee);
        }
        WayToPay::Installments => pm.installments = true,
    }
    ctx.store.save_payment_methods(&pm.validated()?).await?;
    ways(ctx).await
}

/// Removes one way to pay (nothing happens when it was not accepted).
pub async fn remove_way(ctx: Ctx<'_>, way: WayToPay) -> ApiResult<Vec<WayView>> {
    let mut pm = ctx.store.payment_methods().await?;
    match way {
        WayToPay::Bank => pm.bank = None,
        WayToPay::Card => pm.card_link.clear(),
        WayToPay::Paypal => pm.paypal_link.clear(),
        WayToPay::Cash => pm.cash = false,
        WayToPay::Cheque => pm.cheque_payable_to.clear(),
        WayToPay::Installments => pm.installments = false,
    }
    ctx.store.save_payment_methods(&pm).await?;
    ways(ctx).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named() -> Settings {
        Settings { business_name: "Studio Kind".into(), ..Settings::default() }
    }

    fn cash() -> PaymentMethods {
        PaymentMethods { cash: true, ..PaymentMethods::default() }
    }

    #[test]
    fn an_empty_profile_lacks_a_sender_and_a_way_to_pay() {
        let (s, pm) = (Settings::default(), PaymentMethods::default());
        assert_eq!(gaps(&s, &pm, Correspondence::Email), [ProfileGap::BusinessName, ProfileGap::WayToPay]);
        assert_eq!(
            gaps(&s, &pm, Correspondence::Letter),
            [ProfileGap::BusinessName, ProfileGap::PostalAddress, ProfileGap::WayToPay]
        );
        assert_eq!(
            gaps(&s, &pm, Correspondence::InvoiceDocument),
            [ProfileGap::BusinessName, ProfileGap::PostalAddress]
        );
    }

    #[test]
    fn letters_need_a_postal_address_and_e_mails_do_not() {
        assert!(gaps(&named(), &cash(), Correspondence::Email).is_empty());
        assert_eq!(gaps(&named(), &cash(), Correspondence::Letter), [ProfileGap::PostalAddress]);
        let full = Settings { business_address: "1 High St\nLeeds".into(), ..named() };
        assert!(gaps(&full, &cash(), Correspondence::Letter).is_empty());
    }

    #[test]
    fn installments_alone_are_not_a_way_to_pay() {
        let pm = PaymentMethods { installments: true, ..PaymentMethods::default() };
        assert_eq!(gaps(&named(), &pm, Correspondence::Email), [ProfileGap::WayToPay]);
        let link = PaymentMethods { paypal_link: "https://paypal.me/kind".into(), ..pm };
        assert!(gaps(&named(), &link, Correspondence::Email).is_empty());
    }

    #[test]
    fn a_blank_name_is_no_name() {
        let s = Settings { business_name: "   ".into(), ..Settings::default() };
        assert_eq!(gaps(&s, &cash(), Correspondence::Email), [ProfileGap::BusinessName]);
    }

    #[test]
    fn the_refusal_names_exactly_what_is_missing() {
        let e = refusal(
            Correspondence::Letter,
            &[ProfileGap::BusinessName, ProfileGap::PostalAddress, ProfileGap::WayToPay],
        );
        assert_eq!(e.code, ErrorCode::ProfileIncomplete);
        assert_eq!(e.field.as_deref(), Some("business_name"));
        assert!(
            e.message.starts_with(
                "Before Kindly prints letters, add your business name, your postal address and at least one way to pay"
            ),
            "{}",
            e.message
        );
        let e = refusal(Correspondence::Email, &[ProfileGap::WayToPay]);
        assert!(e.message.contains("sends e-mails to clients, add at least one way to pay ("), "{}", e.message);
        assert!(!e.message.contains("business name"), "{}", e.message);
    }
}

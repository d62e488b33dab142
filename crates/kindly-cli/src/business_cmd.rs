//! `kindly business …` and `kindly methods …`: the business profile (who
//! letters and e-mails come from) and the ways to pay, without the app.
//! Reminders are refused until both name a sender and a way to pay.

use crate::output::Out;
use clap::{Args, Subcommand};
use kindly_api::business::{self, Readiness, WayInput, WayView};
use kindly_api::settings::{self, SettingsView};
use kindly_api::{ApiError, Ctx};
use kindly_core::vocab::WayToPay;
use serde::Serialize;

#[derive(Subcommand, Debug)]
pub enum BusinessCmd {
    /// The profile, the ways to pay, and what is still missing before reminders can go out.
    Show,
    /// Change some fields of the profile; the others keep their value.
    Set(Box<ProfileArgs>),
    /// Show or change your e-invoice identifiers (only the given flags change).
    Einvoice {
        /// Your VAT ID, when the tax number printed on invoices is not one.
        #[arg(long)]
        vat_id: Option<String>,
        /// Your SIREN (France).
        #[arg(long)]
        siren: Option<String>,
        /// Your Peppol ID, scheme:id (9930:DE123456789).
        #[arg(long)]
        peppol_id: Option<String>,
        /// Your country (DE, FR, …).
        #[arg(long)]
        country: Option<String>,
        /// The contact person named in e-invoices.
        #[arg(long)]
        contact: Option<String>,
    },
}

#[derive(Args, Debug, Default)]
pub struct ProfileArgs {
    /// The business name letters and e-mails are signed with.
    #[arg(long)]
    name: Option<String>,
    /// Postal address for the sender block of letters; use \n between lines.
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    /// VAT or tax number.
    #[arg(long = "tax-id", alias = "vat")]
    tax_id: Option<String>,
    /// Default currency of new invoices (ISO 4217, e.g. EUR).
    #[arg(long)]
    currency: Option<String>,
    /// Default language of new clients: en, de, fr or es.
    #[arg(long)]
    language: Option<String>,
    /// Default payment terms in days.
    #[arg(long)]
    terms: Option<i64>,
    /// The closing lines of letters and e-mails; use \n between lines.
    #[arg(long)]
    signature: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum MethodsCmd {
    /// The ways to pay, as clients read them.
    List,
    /// Accept a way to pay (a second `add` of the same way replaces it).
    Add {
        #[arg(value_parser = crate::values::ways_to_pay())]
        way: WayToPay,
        /// bank: the IBAN.
        #[arg(long)]
        iban: Option<String>,
        /// bank: the BIC (optional).
        #[arg(long)]
        bic: Option<String>,
        /// bank: the account holder.
        #[arg(long)]
        holder: Option<String>,
        /// bank, without an IBAN: the account number.
        #[arg(long)]
        account: Option<String>,
        /// bank, without an IBAN: the routing or sort code.
        #[arg(long)]
        routing: Option<String>,
        /// card or paypal: the payment page (https://…).
        #[arg(long)]
        link: Option<String>,
        /// cheque: who cheques are made out to.
        #[arg(long)]
        payee: Option<String>,
    },
    /// Stop accepting a way to pay.
    Remove {
        #[arg(value_parser = crate::values::ways_to_pay())]
        way: WayToPay,
    },
}

#[derive(Serialize)]
struct Profile {
    profile: SettingsView,
    ways_to_pay: Vec<WayView>,
    readiness: Readiness,
}

fn unescape(s: String) -> String {
    s.replace("\\n", "\n")
}

fn profile_text(p: &Profile) -> String {
    let s = &p.profile;
    let or_none = |v: &str| if v.trim().is_empty() { "(none)".to_string() } else { v.replace('\n', ", ") };
    let mut out = format!(
        "Business:   {}\nAddress:    {}\nE-mail:     {}\nPhone:      {}\nTax number: {}\nCurrency:   {}\nLanguage:   {}\nTerms:      {} days\nSignature:  {}\nWays to pay:\n",
        or_none(&s.business_name),
        or_none(&s.business_address),
        or_none(&s.business_email),
        or_none(&s.business_phone),
        or_none(&s.business_tax_id),
        s.default_currency,
        s.locale,
        s.default_terms_days,
        or_none(&s.signature),
    );
    out.push_str(&ways_text(&p.ways_to_pay));
    if !p.readiness.message.is_empty() {
        out.push_str(&format!("Missing: {}\n", p.readiness.message));
    }
    out
}

fn ways_text(ways: &[WayView]) -> String {
    if ways.is_empty() {
        return "  (none)\n".to_string();
    }
    ways.iter().map(|w| format!("  {:<13}{}\n", w.way.as_str(), w.text)).collect()
}

async fn show(ctx: Ctx<'_>, o: &Out) -> Result<String, ApiError> {
    let p = Profile {
        profile: settings::get(ctx).await?,
        ways_to_pay: business::ways(ctx).await?,
        readiness: business::readiness(ctx).await?,
    };
    o.value(&p, profile_text)
}

pub async fn business(ctx: Ctx<'_>, cmd: BusinessCmd, o: &Out) -> Result<String, ApiError> {
    match cmd {
        BusinessCmd::Show => show(ctx, o).await,
        BusinessCmd::Einvoice { vat_id, siren, peppol_id, country, contact } => {
            let mut e = kindly_api::einvoice::seller_einvoice(ctx).await?;
            let given = [vat_id.is_some(), siren.is_some(), peppol_id.is_some(), country.is_some(), contact.is_some()];
            for (value, field) in [
                (vat_id, &mut e.vat_id),
                (siren, &mut e.siren),
                (peppol_id, &mut e.peppol_id),
                (country, &mut e.country),
                (contact, &mut e.contact_name),
            ] {
                if let Some(v) = value {
                    *field = v;
                }
            }
            if given.contains(&true) {
                e = kindly_api::einvoice::save_seller_einvoice(ctx, &e).await?;
            }
            o.value(&e, |e| {
                format!(
                    "VAT ID: {}\nSIREN: {}\nPeppol ID: {}\ncountry: {}\ncontact: {}\n",
                    e.vat_id, e.siren, e.peppol_id, e.country, e.contact_name
                )
            })
        }
        BusinessCmd::Set(a) => {
            let a = *a;
            let mut s = settings::get(ctx).await?;
            let fields: [(Option<String>, &mut String); 8] = [
                (a.name, &mut s.business_name),
                (a.address.map(unescape), &mut s.business_address),
                (a.email, &mut s.business_email),
                (a.phone, &mut s.business_phone),
                (a.tax_id, &mut s.business_tax_id),
                (a.currency, &mut s.default_currency),
                (a.language, &mut s.locale),
                (a.signature.map(unescape), &mut s.signature),
            ];
            for (value, field) in fields {
                if let Some(v) = value {
                    *field = v;
                }
            }
            if let Some(t) = a.terms {
                s.default_terms_days = t;
            }
            settings::save(ctx, &s).await?;
            show(ctx, o).await
        }
    }
}

pub async fn methods(ctx: Ctx<'_>, cmd: MethodsCmd, o: &Out) -> Result<String, ApiError> {
    let ways = match cmd {
        MethodsCmd::List => business::ways(ctx).await?,
        MethodsCmd::Add { way, iban, bic, holder, account, routing, link, payee } => {
            let input = WayInput {
                iban: iban.unwrap_or_default(),
                bic: bic.unwrap_or_default(),
                holder: holder.unwrap_or_default(),
                account_number: account.unwrap_or_default(),
                routing_code: routing.unwrap_or_default(),
                link: link.unwrap_or_default(),
                payee: payee.unwrap_or_default(),
            };
            business::add_way(ctx, way, &input).await?
        }
        MethodsCmd::Remove { way } => business::remove_way(ctx, way).await?,
    };
    o.value(&ways, |w| ways_text(w))
}

//! Business settings.

use crate::views::OptionItem;
use crate::{ApiResult, Ctx};
use kindly_core::locale::Locale;
use kindly_core::{numbering, text, Currency, DomainError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SettingsView {
    pub business_name: String,
    pub default_currency: String,
    pub locale: String,
    pub number_pattern: String,
    pub next_sequence: i64,
    pub default_terms_days: i64,
    /// Closing lines of letters and e-mails; defaults to the business name.
    #[serde(default)]
    pub signature: String,
    /// Postal address printed in the sender block of letters and invoices.
    #[serde(default)]
    pub business_address: String,
    #[serde(default)]
    pub business_email: String,
    #[serde(default)]
    pub business_phone: String,
    /// VAT or tax number, as the tax office wrote it.
    #[serde(default)]
    pub business_tax_id: String,
    /// The number the next invoice will get, e.g. "INV-2026-0007".
    pub next_number_preview: String,
    /// The paper documents use unless the user picks another (from the
    /// language; `documents::default_page_size` owns the rule). Read only.
    #[serde(default)]
    pub default_paper_size: kindly_pdf::PageSize,
}

pub async fn get(ctx: Ctx<'_>) -> ApiResult<SettingsView> {
    let s = ctx.store.settings().await?;
    let next_number_preview = numbering::render(&s.number_pattern, s.next_sequence, ctx.today)?;
    Ok(SettingsView {
        business_name: s.business_name,
        default_currency: s.default_currency.code().to_string(),
        locale: s.locale.code().to_string(),
        number_pattern: s.number_pattern,
        next_sequence: s.next_sequence,
        default_terms_days: s.default_terms_days,
        signature: s.signature,
        business_address: s.business_address,
        business_email: s.business_email,
        business_phone: s.business_phone,
        business_tax_id: s.business_tax_id,
        next_number_preview,
        default_paper_size: crate::documents::default_page_size(s.locale),
    })
}

pub async fn save(ctx: Ctx<'_>, input: &SettingsView) -> ApiResult<SettingsView> {
    let mut s = ctx.store.settings().await?;
    s.business_name = text::optional_single_line(&input.business_name, "business_name", 200)?.unwrap_or_default();
    s.default_currency = Currency::parse(&input.default_currency)?;
    s.locale = Locale::parse(&input.locale)?;
    s.number_pattern = numbering::validate_pattern(&input.number_pattern)?;
    if input.next_sequence < 1 {
        return Err(DomainError::Required { field: "next_sequence" }.into());
    }
    s.next_sequence = input.next_sequence;
    if !(0..=365).contains(&input.default_terms_days) {
        return Err(DomainError::InvalidTerms(input.default_terms_days).into());
    }
    s.default_terms_days = input.default_terms_days;
    s.signature = text::multi_line(&input.signature, "signature", 1000)?;
    s.business_address = text::multi_line(&input.business_address, "business_address", 500)?;
    s.business_email = match kindly_core::client::validate_email(&input.business_email) {
        Ok(e) => e.unwrap_or_default(),
        Err(e) => return Err(crate::ApiError { field: Some("business_email".into()), ..e.into() }),
    };
    s.business_phone = text::optional_single_line(&input.business_phone, "business_phone", 50)?.unwrap_or_default();
    s.business_tax_id = tax_id(&input.business_tax_id)?;
    ctx.store.save_settings(&s).await?;
    get(ctx).await
}

/// A VAT or tax number: letters, digits and the separators tax offices
/// print ("DE 123 456 789", "GB123456789", "12/345/67890"), at most 30.
fn tax_id(input: &str) -> ApiResult<String> {
    let s = text::optional_single_line(input, "business_tax_id", 30)?.unwrap_or_default();
    if s.chars().all(|c| c.is_alphanumeric() || " ./-".contains(c)) {
        Ok(s)
    } else {
        Err(crate::ApiError::new(
            kindly_core::ErrorCode::InvalidTaxId,
            format!("“{s}” is not a VAT or tax number: use letters, digits, spaces, dots, dashes or slashes."),
            Some("business_tax_id"),
        ))
    }
}

pub fn currencies() -> Vec<OptionItem> {
    Currency::all()
        .into_iter()
        .map(|c| OptionItem { value: c.code().to_string(), label: format!("{} – {}", c.code(), c.name()) })
        .collect()
}

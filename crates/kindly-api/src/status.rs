//! App status for the first-run screen and the "about" line, and the demo filler.

use crate::views::OptionItem;
use crate::{ApiResult, Ctx};
use kindly_store::{DemoSize, DemoStats};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStatus {
    pub version: String,
    pub db_path: String,
    /// No clients yet: offer the first-run choice.
    pub is_empty: bool,
    /// The user's calendar day, YYYY-MM-DD.
    pub today: String,
}

/// Everything the UI needs once at start-up.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Bootstrap {
    pub status: AppStatus,
    pub currencies: Vec<OptionItem>,
    pub payment_methods: Vec<OptionItem>,
    pub languages: Vec<OptionItem>,
    /// What the business profile still lacks (the first-run step and the banner).
    pub readiness: crate::business::Readiness,
    /// Set by the app after a start that completed a staged restore.
    pub restore: Option<crate::backup::RestoreNotice>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DemoResult {
    pub clients: i64,
    pub invoices: i64,
    pub payments: i64,
}

pub async fn status(ctx: Ctx<'_>) -> ApiResult<AppStatus> {
    Ok(AppStatus {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: ctx.store.path().display().to_string(),
        is_empty: ctx.store.is_empty().await?,
        today: ctx.today.to_string(),
    })
}

pub async fn bootstrap(ctx: Ctx<'_>) -> ApiResult<Bootstrap> {
    Ok(Bootstrap {
        status: status(ctx).await?,
        currencies: crate::settings::currencies(),
        payment_methods: crate::payments::methods(),
        languages: [("en", "English"), ("de", "Deutsch"), ("fr", "Français"), ("es", "Español")]
            .iter()
            .map(|(v, l)| OptionItem { value: v.to_string(), label: l.to_string() })
            .collect(),
        readiness: crate::business::readiness(ctx).await?,
        restore: None,
    })
}

/// Fills the database with realistic demo data.
pub async fn seed_demo(ctx: Ctx<'_>, clients: u64, invoices: u64) -> ApiResult<DemoResult> {
    let DemoStats { clients, invoices, payments } =
        ctx.store.seed_demo(DemoSize { clients, invoices }, ctx.today, ctx.now).await?;
    Ok(DemoResult { clients: clients as i64, invoices: invoices as i64, payments: payments as i64 })
}

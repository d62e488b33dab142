//! Client use cases: add, edit, pause chasing, list, search and show.

use crate::invoices::{invoice_row, InvoiceRow};
use crate::views::{MoneyView, Page, TimelineItem};
use crate::{ApiResult, Ctx};
use kindly_core::client::{validate_chasing, Chasing, ClientDetails, ClientForm};
use kindly_core::invoice::parse_date;
use kindly_core::locale::Locale;
use kindly_core::vocab::ChasingMode;
use kindly_core::vocab::ClientSort;
use kindly_core::Currency;
use kindly_store::{ClientBalanceFilter, ClientQuery, InvoiceQuery, InvoiceSort};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ClientInput {
    pub display_name: String,
    #[serde(default)]
    pub greeting_name: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub notes: String,
    /// Updating: the version the edit was made on (`ClientView::version`,
    /// issue #19); if someone changed the client since, nothing is saved
    /// (`changed_elsewhere`). None: the current version (a script that reads
    /// and writes at once). Creating: ignored.
    #[serde(default)]
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ChasingInput {
    /// "on", "paused" or "off".
    pub mode: ChasingMode,
    /// Last day of the pause (YYYY-MM-DD) when mode is "paused".
    pub until: Option<String>,
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ChasingView {
    pub mode: ChasingMode,
    pub until: Option<String>,
    pub reason: String,
    /// Whether follow-ups are proposed today.
    pub active_today: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ClientListRequest {
    #[serde(default)]
    pub search: String,
    /// "name_asc" (default), "name_desc", "newest", "oldest", "owed_desc", "oldest_overdue".
    #[serde(default)]
    pub sort: ClientSort,
    /// The currency owed amounts are sorted and filtered in (an ISO 4217
    /// code); null: the business currency from settings.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub currency: Option<Currency>,
    /// Everyone, only those owing something, or only those with an overdue invoice (in that currency).
    #[serde(default)]
    pub balance: ClientBalanceFilter,
    #[serde(default)]
    pub offset: i64,
    #[serde(default)]
    pub limit: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ClientRow {
    pub id: i64,
    pub display_name: String,
    pub company: Option<String>,
    pub email: Option<String>,
    pub chasing: String,
    /// What is still owing, per currency.
    pub owing: Vec<MoneyView>,
    /// What is overdue today, per currency (never added across currencies).
    pub overdue: Vec<MoneyView>,
    pub overdue_invoices: i64,
    /// Days since the earliest due date still unpaid, if that is before today.
    pub oldest_overdue_days: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ClientView {
    pub id: i64,
    pub display_name: String,
    pub greeting_name: String,
    pub company: Option<String>,
    pub emails: Vec<String>,
    pub phone: Option<String>,
    pub address: String,
    pub language: Locale,
    pub notes: String,
    pub chasing: ChasingView,
    pub created_at: String,
    /// Bumped by each edit; an edit sends back the one it was made on.
    pub version: i64,
    /// Who made the last edit and when (RFC 3339, UTC), once someone has.
    pub changed_by: Option<String>,
    pub changed_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ClientDetail {
    pub client: ClientView,
    pub owing: Vec<MoneyView>,
    pub invoices: Page<InvoiceRow>,
    pub timeline: Vec<TimelineItem>,
}

fn details(input: &ClientInput) -> ApiResult<ClientDetails> {
    let form = ClientForm {
        display_name: &input.display_name,
        greeting_name: &input.greeting_name,
        company: &input.company,
        emails: &input.emails,
        phone: &input.phone,
        address: &input.address,
        language: &input.language,
        notes: &input.notes,
    };
    Ok(ClientDetails::validate(&form)?)
}

pub async fn create(ctx: Ctx<'_>, input: &ClientInput) -> ApiResult<i64> {
    let d = details(input)?;
    Ok(ctx.store.create_client(&d, ctx.now).await?)
}

pub async fn update(ctx: Ctx<'_>, id: i64, input: &ClientInput) -> ApiResult<()> {
    let d = details(input)?;
    let version = match input.version {
        Some(v) => v,
        None => ctx.store.client(id).await?.version,
    };
    Ok(ctx.store.update_client(id, version, &d, ctx.now).await?)
}

pub async fn set_chasing(ctx: Ctx<'_>, id: i64, input: &ChasingInput) -> ApiResult<()> {
    let until = match input.until.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(parse_date(s, "chasing_until")?),
        None => None,
    };
    let c = validate_chasing(input.mode.as_str(), until, &input.reason)?;
    Ok(ctx.store.set_chasing(id, &c, ctx.now).await?)
}

pub async fn list(ctx: Ctx<'_>, req: &ClientListRequest) -> ApiResult<Page<ClientRow>> {
    let settings = ctx.store.settings().await?;
    // The app sends only known keys; anything else sorts by name.
    let sort = req.sort;
    let limit = if req.limit <= 0 { 100 } else { req.limit };
    let q = ClientQuery {
        search: req.search.clone(),
        sort,
        currency: req.currency.unwrap_or(settings.default_currency),
        balance: req.balance,
        offset: req.offset,
        limit,
    };
    let page = ctx.store.list_clients(&q, ctx.today).await?;
    let rows = page
        .rows
        .into_iter()
        .map(|r| ClientRow {
            id: r.id,
            display_name: r.display_name,
            company: r.company,
            email: r.email,
            chasing: r.chasing,
            owing: owing_views(&r.owing, settings.locale),
            overdue: owing_views(&r.overdue, settings.locale),
            overdue_invoices: r.overdue_invoices,
            oldest_overdue_days: r.oldest_overdue_days,
        })
        .collect();
    Ok(Page { total: page.total, rows })
}

fn owing_views(owing: &[(String, i64)], locale: kindly_core::locale::Locale) -> Vec<MoneyView> {
    owing
        .iter()
        .filter_map(|(c, minor)| Currency::parse(c).ok().map(|cur| MoneyView::new(*minor, cur, locale)))
        .collect()
}

pub async fn get(ctx: Ctx<'_>, id: i64) -> ApiResult<ClientDetail> {
    let settings = ctx.store.settings().await?;
    let c = ctx.store.client(id).await?;
    let invoices = ctx
        .store
        .list_invoices(
            &InvoiceQuery { client_id: Some(id), sort: InvoiceSort::Attention, limit: 500, ..Default::default() },
            ctx.today,
        )
        .await?;
    let owing = ctx.store.client_owing(id).await?;
    let timeline = ctx
        .store
        .client_timeline(id, 500)
        .await?
        .into_iter()
        .map(|e| crate::wording::timeline_item(e, ctx.screen_locale(settings.locale)))
        .collect();
    let chasing = chasing_view(&c.chasing, ctx.today);
    Ok(ClientDetail {
        client: ClientView {
            id: c.id,
            display_name: c.details.display_name,
            greeting_name: c.details.greeting_name,
            company: c.details.company,
            emails: c.details.emails,
            phone: c.details.phone,
            address: c.details.address,
            language: c.details.language,
            notes: c.details.notes,
            chasing,
            created_at: c.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            version: c.version,
            changed_by: c.changed_by,
            changed_at: c.changed_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        },
        owing: owing_views(&owing, settings.locale),
        invoices: Page {
            total: invoices.total,
            rows: invoices.rows.into_iter().map(|r| invoice_row(r, ctx.today, settings.locale)).collect(),
        },
        timeline,
    })
}

fn chasing_view(c: &Chasing, today: chrono::NaiveDate) -> ChasingView {
    let (mode, until, reason) = match c {
        Chasing::On => (ChasingMode::On, None, String::new()),
        Chasing::PausedUntil { until, reason } => (ChasingMode::Paused, Some(until.to_string()), reason.clone()),
        Chasing::Off { reason } => (ChasingMode::Off, None, reason.clone()),
    };
    ChasingView { mode, until, reason, active_today: c.is_active(today) }
}

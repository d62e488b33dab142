//! `kindly clients interest ID` (a client's statutory late-payment interest
//! setting: `--on`/`--off`, `--jurisdiction uk|eu|de|fr`,
//! `--business`/`--consumer`; with none of them it shows the setting) and
//! `kindly invoices interest ID [--on DATE]` (what the law allows on an
//! invoice, with the working).

use crate::output::Out;
use clap::Args;
use kindly_api::interest::{self, InterestSettings, InterestSettingsView, InterestWorkingView};
use kindly_api::{ApiError, Ctx};
use kindly_core::vocab::{DebtorKind, Jurisdiction};

#[derive(Args, Debug)]
pub struct ClientInterestArgs {
    /// The client's id.
    id: i64,
    /// Turn statutory interest on (it is off by default).
    #[arg(long, conflicts_with = "off")]
    on: bool,
    /// Turn it off.
    #[arg(long)]
    off: bool,
    /// The law that applies to this client's debts.
    #[arg(long, value_parser = crate::values::jurisdictions(), ignore_case = true)]
    jurisdiction: Option<Jurisdiction>,
    /// The client is a business (the default).
    #[arg(long, conflicts_with = "consumer")]
    business: bool,
    /// The client is a consumer (only German law gives interest then).
    #[arg(long)]
    consumer: bool,
}

#[derive(Args, Debug)]
pub struct InvoiceInterestArgs {
    /// The invoice's id.
    id: i64,
    /// The day to compute on (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
}

pub async fn client(ctx: Ctx<'_>, a: ClientInterestArgs, o: &Out) -> Result<String, ApiError> {
    let current = interest::client_interest(ctx, a.id).await?;
    let changes = a.on || a.off || a.jurisdiction.is_some() || a.business || a.consumer;
    if !changes {
        return o.value(&current, settings_text);
    }
    let s = current.settings;
    let input = InterestSettings {
        client_id: a.id,
        enabled: if a.on {
            true
        } else if a.off {
            false
        } else {
            s.enabled
        },
        jurisdiction: a.jurisdiction.unwrap_or(s.jurisdiction),
        debtor: if a.consumer {
            DebtorKind::Consumer
        } else if a.business {
            DebtorKind::Business
        } else {
            s.debtor
        },
    };
    let v = interest::set_client_interest(ctx, &input).await?;
    o.value(&v, settings_text)
}

pub async fn invoice(ctx: Ctx<'_>, a: InvoiceInterestArgs, o: &Out) -> Result<String, ApiError> {
    let v = interest::invoice_interest(ctx, a.id, a.on.as_deref()).await?;
    o.value(&v, working_text)
}

fn settings_text(v: &InterestSettingsView) -> String {
    let s = &v.settings;
    format!(
        "late-payment interest: {} ({}, {})\n{}\nrate table: last updated {}, covers up to {}\n",
        if s.enabled { "on" } else { "off" },
        s.jurisdiction,
        s.debtor,
        v.would_add,
        v.table_updated,
        v.table_ends
    )
}

fn working_text(v: &InterestWorkingView) -> String {
    let mut out = format!("invoice {} as of {} ({}, {}; {}):\n", v.number, v.on, v.jurisdiction, v.debtor, v.source);
    for l in &v.lines {
        out.push_str(&format!("  {}\n", l.text));
    }
    out.push_str(&format!("interest: {}\n", v.interest.formatted));
    if let Some(c) = &v.compensation {
        out.push_str(&format!(
            "compensation: {} ({})\n",
            c.formatted,
            v.compensation_source.as_deref().unwrap_or_default()
        ));
    }
    if let Some(t) = &v.total {
        out.push_str(&format!("total the law allows: {} (not added to the balance)\n", t.formatted));
    }
    out.push_str(&format!("day count {}, rate table last updated {}\n", v.day_count, v.table_updated));
    out
}

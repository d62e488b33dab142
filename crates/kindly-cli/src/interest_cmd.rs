//! `kindly clients interest ID` (a client's statutory late-payment interest
//! setting: `--on`/`--off`, `--jurisdiction uk|eu|de|fr`,
//! `--business`/`--consumer`; with none of them it shows the setting) and
//! `kindly invoices interest ID [--on DATE]` (what the law allows on an
//! invoice, with the working), and `kindly interest rates list|add|remove`
//! (the published reference rates the user entered past Kindly's table).

use crate::output::Out;
use clap::{Args, Subcommand};
use kindly_api::interest::{
    self, AddRateInput, InterestRatesView, InterestSettings, InterestSettingsView, InterestWorkingView, RemoveRateInput,
};
use kindly_api::{ApiError, Ctx};
use kindly_core::vocab::{DebtorKind, InterestBase, Jurisdiction};

#[derive(Subcommand, Debug)]
pub enum InterestCmd {
    /// The reference rates: where Kindly's table ends per series, and the rates you added.
    #[command(subcommand)]
    Rates(RatesCmd),
}

#[derive(Subcommand, Debug)]
pub enum RatesCmd {
    /// Where Kindly's own table ends for each series, and the rates you added.
    List,
    /// Add the published rate of a series for a half-year after Kindly's table.
    Add {
        /// boe (Bank of England), ecb-mro (ECB main refinancing) or basiszins.
        #[arg(long, value_parser = crate::values::rate_series(), ignore_case = true)]
        series: InterestBase,
        /// The half-year's first day: YYYY-01-01 or YYYY-07-01.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        /// The rate in percent as published, e.g. 2.15 (at most two decimals).
        #[arg(long, allow_hyphen_values = true)]
        rate: String,
        /// Where it is published (named in the working).
        #[arg(long)]
        source: String,
        /// Record it on this client's timeline.
        #[arg(long, value_name = "ID")]
        client: Option<i64>,
    },
    /// Remove a rate you added (Kindly's own rates stay).
    Remove {
        #[arg(long, value_parser = crate::values::rate_series(), ignore_case = true)]
        series: InterestBase,
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
    },
}

pub async fn rates(ctx: Ctx<'_>, cmd: InterestCmd, o: &Out) -> Result<String, ApiError> {
    let InterestCmd::Rates(cmd) = cmd;
    let v = match cmd {
        RatesCmd::List => interest::list_rates(ctx).await?,
        RatesCmd::Add { series, from, rate, source, client } => {
            interest::add_rate(ctx, &AddRateInput { series, from, rate, source, client_id: client }).await?
        }
        RatesCmd::Remove { series, from } => interest::remove_rate(ctx, &RemoveRateInput { series, from }).await?,
    };
    o.value(&v, rates_text)
}

fn rates_text(v: &InterestRatesView) -> String {
    let mut out = format!("Kindly's rate table (last updated {}):\n", v.table_updated);
    for s in &v.series {
        out.push_str(&format!("  {}: compiled up to {}, known up to {}\n", s.series, s.compiled_ends, s.ends));
    }
    if v.added.is_empty() {
        out.push_str("no rates added by you\n");
    } else {
        out.push_str("rates added by you:\n");
        for a in &v.added {
            let unused = if a.used { "" } else { " (not used: Kindly's table covers it now)" };
            out.push_str(&format!("  {} from {}: {} % ({}){unused}\n", a.series, a.from, a.rate_percent, a.source));
        }
    }
    out
}

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

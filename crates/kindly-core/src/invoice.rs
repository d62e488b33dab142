//! Invoices: line items, exact totals, dates and the derived state.
//!
//! Rounding rule (stated once, tested below): each line's net amount is
//! `quantity × unit price`, rounded half away from zero to the currency's
//! minor unit. Tax is computed **per tax rate on the sum of the line nets at
//! that rate**, rounded once per rate, half away from zero, as most EU VAT
//! rules expect on an invoice. The total is subtotal plus the per-rate taxes.

use crate::decimal::{self, div_round_half_away, DecimalError};
use crate::error::DomainError;
use crate::money::{parse_minor, Currency, MAX_MINOR};
use crate::text;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An invoice is "due soon" from this many days before its due date.
pub const DUE_SOON_DAYS: u64 = 7;
/// At most this many line items per invoice.
pub const MAX_LINES: usize = 500;
/// Quantities have three decimals (0.001 hours is 3.6 seconds).
pub const QUANTITY_SCALE: u8 = 3;
const MAX_QUANTITY_MILLI: i128 = 1_000_000_000; // one million units

/// A line as typed in the editor.
#[derive(Clone, Debug, Default)]
pub struct LineForm<'a> {
    pub description: &'a str,
    pub quantity: &'a str,
    pub unit_price: &'a str,
    pub tax_rate: &'a str,
}

/// A validated line item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineItem {
    pub description: String,
    /// Thousandths of a unit: 1.5 hours is 1500.
    pub quantity_milli: i64,
    pub unit_price_minor: i64,
    /// Basis points: 20 % is 2000, 7.7 % is 770.
    pub tax_rate_bp: i64,
}

impl LineItem {
    /// The line's net amount, rounded half away from zero to the minor unit.
    pub fn net_minor(&self) -> i128 {
        div_round_half_away(i128::from(self.quantity_milli) * i128::from(self.unit_price_minor), 1000)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TaxLine {
    pub rate_bp: i64,
    pub net_minor: i64,
    pub tax_minor: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub subtotal_minor: i64,
    pub taxes: Vec<TaxLine>,
    pub tax_minor: i64,
    pub total_minor: i64,
}

/// Validates the lines of an invoice in `currency`.
pub fn validate_lines(lines: &[LineForm<'_>], currency: Currency) -> Result<Vec<LineItem>, DomainError> {
    check_line_count(lines.len())?;
    lines.iter().enumerate().map(|(i, l)| validate_line(i, l, currency)).collect()
}

/// An invoice has 1 to `MAX_LINES` lines.
pub fn check_line_count(n: usize) -> Result<(), DomainError> {
    match n {
        0 => Err(DomainError::NoLineItems),
        n if n > MAX_LINES => Err(DomainError::TooLong { field: "lines", max: MAX_LINES }),
        _ => Ok(()),
    }
}

/// One line (`i` counts from 0), with the first problem it has.
pub fn validate_line(i: usize, l: &LineForm<'_>, currency: Currency) -> Result<LineItem, DomainError> {
    let description = text::multi_line(l.description, "description", 2000)?;
    if description.is_empty() {
        return Err(DomainError::LineDescriptionEmpty { line: i + 1 });
    }
    let quantity_milli = parse_quantity(l.quantity)?;
    let unit_price_minor = parse_minor(l.unit_price, currency, "unit_price")?;
    let tax_rate_bp = parse_tax_rate(l.tax_rate)?;
    Ok(LineItem { description, quantity_milli, unit_price_minor, tax_rate_bp })
}

/// Parses a quantity ("1", "1.5", "0,25") into thousandths; blank means 1.
pub fn parse_quantity(input: &str) -> Result<i64, DomainError> {
    if input.trim().is_empty() {
        return Ok(1000);
    }
    match decimal::parse_scaled(input, QUANTITY_SCALE, MAX_QUANTITY_MILLI) {
        Ok(0) | Err(_) => Err(DomainError::InvalidQuantity(input.trim().chars().take(40).collect())),
        Ok(v) => Ok(v as i64),
    }
}

/// Parses a tax rate in percent ("20", "7.7", "5,5 %") into basis points; blank is 0.
pub fn parse_tax_rate(input: &str) -> Result<i64, DomainError> {
    let s = input.trim().trim_end_matches('%').trim();
    if s.is_empty() {
        return Ok(0);
    }
    decimal::parse_scaled(s, 2, 10_000)
        .map(|v| v as i64)
        .map_err(|_: DecimalError| DomainError::InvalidTaxRate(input.trim().chars().take(40).collect()))
}

/// Formats basis points as a percentage: 2000 → "20", 770 → "7.7".
pub fn format_tax_rate(bp: i64) -> String {
    decimal::format_scaled_trimmed(i128::from(bp), 2)
}

/// Computes the totals of `lines` by the rounding rule in the module doc.
pub fn compute_totals(lines: &[LineItem]) -> Result<Totals, DomainError> {
    let mut by_rate: BTreeMap<i64, i128> = BTreeMap::new();
    let mut subtotal: i128 = 0;
    for l in lines {
        let net = l.net_minor();
        subtotal += net;
        *by_rate.entry(l.tax_rate_bp).or_insert(0) += net;
    }
    let mut taxes = Vec::with_capacity(by_rate.len());
    let mut tax_total: i128 = 0;
    for (rate_bp, net) in by_rate {
        let tax = div_round_half_away(net * i128::from(rate_bp), 10_000);
        tax_total += tax;
        taxes.push(TaxLine { rate_bp, net_minor: to_i64(net)?, tax_minor: to_i64(tax)? });
    }
    Ok(Totals {
        subtotal_minor: to_i64(subtotal)?,
        taxes,
        tax_minor: to_i64(tax_total)?,
        total_minor: to_i64(subtotal + tax_total)?,
    })
}

fn to_i64(v: i128) -> Result<i64, DomainError> {
    if v.abs() > i128::from(MAX_MINOR) {
        return Err(DomainError::TotalOverflow);
    }
    Ok(v as i64)
}

/// Parses a calendar date in ISO form (2026-11-23).
pub fn parse_date(input: &str, field: &'static str) -> Result<NaiveDate, DomainError> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| DomainError::InvalidDate { field, input: input.trim().chars().take(40).collect() })
}

/// Resolves the due date from an explicit date or payment terms in days.
/// Due dates are calendar dates: no time zone can move them.
pub fn resolve_due_date(
    issue: NaiveDate,
    due: Option<NaiveDate>,
    terms_days: Option<i64>,
) -> Result<NaiveDate, DomainError> {
    let due = match (due, terms_days) {
        (Some(d), _) => d,
        (None, Some(t)) => {
            if !(0..=365).contains(&t) {
                return Err(DomainError::InvalidTerms(t));
            }
            issue + Days::new(t as u64)
        }
        (None, None) => return Err(DomainError::Required { field: "due_date" }),
    };
    if due < issue {
        return Err(DomainError::DueBeforeIssue { issue: issue.to_string(), due: due.to_string() });
    }
    Ok(due)
}

/// What is stored: an invoice is a draft, issued, or cancelled. Everything
/// else about its state is derived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    Draft,
    Issued,
    Cancelled,
}

impl InvoiceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InvoiceStatus::Draft => "draft",
            InvoiceStatus::Issued => "issued",
            InvoiceStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<InvoiceStatus> {
        match s {
            "draft" => Some(InvoiceStatus::Draft),
            "issued" => Some(InvoiceStatus::Issued),
            "cancelled" => Some(InvoiceStatus::Cancelled),
            _ => None,
        }
    }
}

/// The state a person sees, derived from status, dates and payments on a
/// given day. Precedence: cancelled, draft, paid, overdue (even if partly
/// paid: the UI adds "part paid"), partially paid, due soon, open.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord, ts_rs::TS, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceState {
    Overdue,
    DueSoon,
    PartiallyPaid,
    Open,
    Draft,
    Paid,
    Cancelled,
}

impl InvoiceState {
    pub const ALL: [InvoiceState; 7] = [
        InvoiceState::Overdue,
        InvoiceState::DueSoon,
        InvoiceState::PartiallyPaid,
        InvoiceState::Open,
        InvoiceState::Draft,
        InvoiceState::Paid,
        InvoiceState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InvoiceState::Overdue => "overdue",
            InvoiceState::DueSoon => "due_soon",
            InvoiceState::PartiallyPaid => "partially_paid",
            InvoiceState::Open => "open",
            InvoiceState::Draft => "draft",
            InvoiceState::Paid => "paid",
            InvoiceState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<InvoiceState> {
        InvoiceState::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

pub fn derive_state(
    status: InvoiceStatus,
    due: NaiveDate,
    total_minor: i64,
    paid_minor: i64,
    today: NaiveDate,
) -> InvoiceState {
    match status {
        InvoiceStatus::Cancelled => InvoiceState::Cancelled,
        InvoiceStatus::Draft => InvoiceState::Draft,
        InvoiceStatus::Issued if paid_minor >= total_minor => InvoiceState::Paid,
        InvoiceStatus::Issued if due < today => InvoiceState::Overdue,
        InvoiceStatus::Issued if paid_minor > 0 => InvoiceState::PartiallyPaid,
        InvoiceStatus::Issued if due <= today + Days::new(DUE_SOON_DAYS) => InvoiceState::DueSoon,
        InvoiceStatus::Issued => InvoiceState::Open,
    }
}

/// Whole days past the due date on `today` (0 when not yet due).
pub fn days_overdue(due: NaiveDate, today: NaiveDate) -> i64 {
    (today - due).num_days().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(q: &str, p: &str, t: &str) -> LineItem {
        let f = LineForm { description: "work", quantity: q, unit_price: p, tax_rate: t };
        validate_lines(&[f], Currency::EUR).unwrap().remove(0)
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn tax_is_rounded_once_per_rate_not_per_line() {
        // Three lines of 0.05 at 10 %: per line the tax would be 0.005 → 0.01
        // each (0.03); per rate it is 10 % of 0.15 = 0.015 → 0.02.
        let lines = vec![line("1", "0.05", "10"), line("1", "0.05", "10"), line("1", "0.05", "10")];
        let t = compute_totals(&lines).unwrap();
        assert_eq!(t.subtotal_minor, 15);
        assert_eq!(t.tax_minor, 2);
        assert_eq!(t.total_minor, 17);
        let per_line: i128 =
            lines.iter().map(|l| div_round_half_away(l.net_minor() * i128::from(l.tax_rate_bp), 10_000)).sum();
        assert_eq!(per_line, 3, "the rule this test documents differs from per-line rounding");
    }

    #[test]
    fn totals_group_taxes_by_rate() {
        let t = compute_totals(&[line("1.5", "80", "20"), line("2", "19.99", "7.7"), line("1", "10", "")]).unwrap();
        // 120.00 @20 % → 24.00; 39.98 @7.7 % → 3.07846 → 3.08; 10.00 @0 %.
        assert_eq!(t.subtotal_minor, 12000 + 3998 + 1000);
        assert_eq!(
            t.taxes,
            vec![
                TaxLine { rate_bp: 0, net_minor: 1000, tax_minor: 0 },
                TaxLine { rate_bp: 770, net_minor: 3998, tax_minor: 308 },
                TaxLine { rate_bp: 2000, net_minor: 12000, tax_minor: 2400 },
            ]
        );
        assert_eq!(t.total_minor, 16998 + 2708);
    }

    #[test]
    fn line_nets_round_half_away_from_zero() {
        assert_eq!(line("0.333", "1.00", "").net_minor(), 33); // 33.3 cents
        assert_eq!(line("0.335", "1.00", "").net_minor(), 34); // 33.5 → 34
        assert_eq!(line("0.001", "0.01", "").net_minor(), 0);
    }

    #[test]
    fn huge_totals_are_refused_not_wrapped() {
        let big = line("1000000", "999999999999", "100");
        assert_eq!(compute_totals(&[big]).unwrap_err().code(), "amount_too_large");
    }

    #[test]
    fn lines_are_validated() {
        let bad = |f: LineForm<'_>| validate_lines(&[f], Currency::EUR).unwrap_err().code();
        assert_eq!(validate_lines(&[], Currency::EUR).unwrap_err().code(), "no_line_items");
        assert_eq!(
            bad(LineForm { description: " ", quantity: "1", unit_price: "1", tax_rate: "" }),
            "line_description_empty"
        );
        assert_eq!(
            bad(LineForm { description: "x", quantity: "0", unit_price: "1", tax_rate: "" }),
            "invalid_quantity"
        );
        assert_eq!(
            bad(LineForm { description: "x", quantity: "-1", unit_price: "1", tax_rate: "" }),
            "invalid_quantity"
        );
        assert_eq!(
            bad(LineForm { description: "x", quantity: "1", unit_price: "1,2,3", tax_rate: "" }),
            "invalid_amount"
        );
        assert_eq!(
            bad(LineForm { description: "x", quantity: "1", unit_price: "1", tax_rate: "101" }),
            "invalid_tax_rate"
        );
        assert_eq!(parse_tax_rate("5,5 %").unwrap(), 550);
        assert_eq!(format_tax_rate(550), "5.5");
    }

    #[test]
    fn due_dates_come_from_a_date_or_terms() {
        assert_eq!(resolve_due_date(d("2026-01-31"), None, Some(30)).unwrap(), d("2026-03-02"));
        assert_eq!(resolve_due_date(d("2028-02-01"), None, Some(28)).unwrap(), d("2028-02-29"));
        assert_eq!(
            resolve_due_date(d("2026-05-10"), Some(d("2026-05-09")), None).unwrap_err().code(),
            "due_before_issue"
        );
        assert_eq!(resolve_due_date(d("2026-05-10"), None, Some(-1)).unwrap_err().code(), "invalid_terms");
        assert_eq!(parse_date("2026-02-30", "due_date").unwrap_err().code(), "invalid_date");
        assert_eq!(parse_date("23/11/2026", "due_date").unwrap_err().code(), "invalid_date");
    }

    #[test]
    fn state_is_derived_from_status_dates_and_payments() {
        use InvoiceState::{DueSoon, Open, Overdue, Paid, PartiallyPaid};
        use InvoiceStatus::Issued;
        const DRAFT: InvoiceStatus = InvoiceStatus::Draft;
        const CANCELLED: InvoiceStatus = InvoiceStatus::Cancelled;
        let today = d("2026-11-23");
        // (status, due, total, paid, expected)
        let cases = [
            (DRAFT, "2026-11-01", 100, 0, InvoiceState::Draft),
            (CANCELLED, "2026-11-01", 100, 0, InvoiceState::Cancelled),
            (Issued, "2026-11-01", 100, 100, Paid),
            (Issued, "2026-11-22", 100, 0, Overdue),
            (Issued, "2026-11-22", 100, 40, Overdue),
            (Issued, "2026-11-23", 100, 0, DueSoon),
            (Issued, "2026-11-30", 100, 0, DueSoon),
            (Issued, "2026-12-01", 100, 0, Open),
            (Issued, "2026-12-01", 100, 1, PartiallyPaid),
            (Issued, "2026-11-25", 100, 99, PartiallyPaid),
        ];
        for (status, due, total, paid, want) in cases {
            assert_eq!(derive_state(status, d(due), total, paid, today), want, "{status:?} {due} {paid}/{total}");
        }
        assert_eq!(days_overdue(d("2026-11-01"), today), 22);
        assert_eq!(days_overdue(d("2026-12-01"), today), 0);
    }
}

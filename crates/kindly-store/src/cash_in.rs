//! What promises and plans do to the overview's expected cash-in: the open
//! invoices they touch (a few thousand at most, however many invoices there
//! are), read as flat rows and combined here. One SQL statement with a
//! correlated subquery per rule per invoice took 200+ ms at a million
//! invoices; two joins by primary key and a pass in Rust take a few.

use crate::row::Text;
use crate::util::parse_date;
use crate::{Store, StoreError};
use chrono::NaiveDate;
use kindly_core::Currency;
use std::collections::HashMap;

/// Where a promise or a plan moves an open invoice's expected payment,
/// summed per currency and day: on a due date, `minor` is what leaves that
/// day (negative: the promised amount, or all of it for an invoice in an
/// active plan, whose installments come from the plan); on a promised day,
/// what arrives. `at_risk_minor`: the part still expected there on invoices
/// with a broken promise or a broken plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashInMove {
    pub currency: Currency,
    pub day: NaiveDate,
    pub promised: bool,
    pub minor: i64,
    pub at_risk_minor: i64,
}

/// A promise (kind 0) or a running plan (kind 1) on an open invoice.
/// `CROSS JOIN` keeps SQLite's join order: promises and plans first (a few
/// thousand), then their invoices by key. Left to itself the planner scans
/// the 240,000 unpaid invoices of the demo for promises (300 ms).
#[derive(sqlx::FromRow)]
struct TouchRow {
    kind: i64,
    id: i64,
    invoice_id: i64,
    /// Promises: the promised day.
    day: Option<String>,
    amount_minor: i64,
    /// Promises: their outcome (null while open); plans: their state.
    status: Option<String>,
    currency: Text<Currency>,
    due_date: String,
    owing: i64,
}

/// An open invoice touched by a promise or a plan.
struct Touched {
    currency: Currency,
    due_date: NaiveDate,
    owing: i64,
    /// In an active plan: its installments are expected instead.
    in_active_plan: bool,
    /// A broken promise or plan, or an open promise whose day passed.
    broken: bool,
    /// The latest open promise for today or later: (id, day, amount).
    promise: Option<(i64, NaiveDate, i64)>,
}

const TOUCHED: &str = "
    SELECT 0 AS kind, p.id, p.invoice_id, p.promised_on AS day, p.amount_minor, p.outcome AS status,
           i.currency, i.due_date, i.total_minor - i.paid_minor AS owing
    FROM promises p CROSS JOIN invoices i ON i.id = p.invoice_id
    WHERE (p.outcome IS NULL OR p.outcome = 'broken')
      AND i.status = 'issued' AND i.paid_minor < i.total_minor
    UNION ALL
    SELECT 1, pl.id, pi.invoice_id, NULL, 0, pl.state,
           i.currency, i.due_date, i.total_minor - i.paid_minor
    FROM plans pl CROSS JOIN plan_invoices pi ON pi.plan_id = pl.id CROSS JOIN invoices i ON i.id = pi.invoice_id
    WHERE pl.state IN ('active', 'broken')
      AND i.status = 'issued' AND i.paid_minor < i.total_minor";

impl Store {
    /// How promises and plans move expected payments (see [`CashInMove`]),
    /// on `today`. Rows that move nothing are left out.
    pub async fn cash_in_moves(&self, today: NaiveDate) -> Result<Vec<CashInMove>, StoreError> {
        let rows: Vec<TouchRow> =
            sqlx::query_as(TOUCHED).fetch_all(self.pool()).await.map_err(|e| StoreError::classify(e, self.path()))?;
        let mut touched: HashMap<i64, Touched> = HashMap::new();
        for r in rows {
            let t = touched.entry(r.invoice_id).or_insert(Touched {
                currency: r.currency.0,
                due_date: parse_date(&r.due_date)?,
                owing: r.owing,
                in_active_plan: false,
                broken: false,
                promise: None,
            });
            match (r.kind, r.status.as_deref()) {
                (1, Some("active")) => t.in_active_plan = true,
                (1, _) | (0, Some("broken")) => t.broken = true,
                (_, _) => {
                    let day = parse_date(r.day.as_deref().unwrap_or_default())?;
                    if day < today {
                        t.broken = true;
                    } else if t.promise.is_none_or(|(id, _, _)| id < r.id) {
                        t.promise = Some((r.id, day, r.amount_minor));
                    }
                }
            }
        }
        Ok(moves(touched.into_values()))
    }
}

/// The moves of the touched invoices, summed per (promised, currency, day).
fn moves(touched: impl Iterator<Item = Touched>) -> Vec<CashInMove> {
    let mut sums: HashMap<(bool, Currency, NaiveDate), (i64, i64)> = HashMap::new();
    let mut add = |key, minor: i64, at_risk: i64| {
        let s = sums.entry(key).or_insert((0, 0));
        s.0 += minor;
        s.1 += at_risk;
    };
    for t in touched {
        let promised = match t.promise {
            Some((_, day, amount)) if !t.in_active_plan => Some((day, amount.min(t.owing))),
            _ => None,
        };
        let a = promised.map_or(0, |(_, a)| a);
        let leaves = if t.in_active_plan { t.owing } else { a };
        let at_risk = if !t.in_active_plan && t.broken { t.owing - a } else { 0 };
        if leaves != 0 || at_risk != 0 {
            add((false, t.currency, t.due_date), -leaves, at_risk);
        }
        if let Some((day, a)) = promised.filter(|p| p.1 > 0) {
            add((true, t.currency, day), a, if t.broken { a } else { 0 });
        }
    }
    let mut out: Vec<CashInMove> = sums
        .into_iter()
        .map(|((promised, currency, day), (minor, at_risk_minor))| CashInMove {
            currency,
            day,
            promised,
            minor,
            at_risk_minor,
        })
        .collect();
    out.sort_by(|a, b| (a.promised, a.currency.code(), a.day).cmp(&(b.promised, b.currency.code(), b.day)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn eur() -> Currency {
        Currency::parse("EUR").unwrap()
    }

    fn touched(owing: i64, plan: bool, broken: bool, promise: Option<(i64, &str, i64)>) -> Touched {
        Touched {
            currency: eur(),
            due_date: d("2026-11-30"),
            owing,
            in_active_plan: plan,
            broken,
            promise: promise.map(|(id, day, a)| (id, d(day), a)),
        }
    }

    #[test]
    fn a_promise_moves_at_most_what_is_owed_and_a_plan_moves_everything() {
        let got = moves(
            vec![
                touched(10_000, false, false, Some((1, "2026-12-10", 25_000))),
                touched(7_000, true, false, Some((2, "2026-12-10", 1_000))),
                touched(5_000, false, true, Some((3, "2026-12-11", 2_000))),
                touched(3_000, false, true, None),
            ]
            .into_iter(),
        );
        let m = |promised, day: &str, minor, at_risk_minor| CashInMove {
            currency: eur(),
            day: d(day),
            promised,
            minor,
            at_risk_minor,
        };
        assert_eq!(
            got,
            vec![
                m(false, "2026-11-30", -(10_000 + 7_000 + 2_000), 3_000 + 3_000),
                m(true, "2026-12-10", 10_000, 0),
                m(true, "2026-12-11", 2_000, 2_000),
            ]
        );
    }
}

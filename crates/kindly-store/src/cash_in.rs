//! What promises and plans do to the overview's expected cash-in: the open
//! invoices they touch (a few thousand at most, however many invoices there
//! are), grouped per invoice and then per day in SQL. An earlier form with
//! a correlated subquery per rule per invoice took 200+ ms at a million
//! invoices.
//!
//! Ported to both engines (see `engine`): one read, no lock.

use crate::engine::{on_pool, Engine};
use crate::row::{Day, Text};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use kindly_core::Currency;
use sqlx::AssertSqlSafe;

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

#[derive(sqlx_macros::FromRow)]
struct MoveRow {
    currency: Text<Currency>,
    day: Day,
    promised: bool,
    minor: i64,
    at_risk_minor: i64,
}

/// Per touched invoice (`per`): in an active plan, broken (a broken promise
/// or plan, or an open promise whose day passed), and its latest open
/// promise for today or later; then summed per currency and day, so a few
/// hundred rows come back (sqlx hands rows over one by one: 7,000 rows
/// cost 40 ms). SQLite's `CROSS JOIN` (`Engine::ordered_join`) keeps its
/// join order: promises and plans first, then their invoices by key; left
/// to itself the planner scans the 240,000 unpaid invoices of the demo for
/// promises (300 ms). The invoices are read from `invoices_open_by_id`
/// (migration 0022; `Engine::indexed_by`), not their rows. The flags are
/// 0/1 integers (PostgreSQL has no `MAX` of booleans).
fn moves(e: Engine) -> String {
    let join = e.ordered_join();
    let by_id = e.indexed_by("invoices_open_by_id");
    let promised_part = e.least("p.amount_minor", "i.total_minor - i.paid_minor");
    format!(
        "WITH touch AS (
        SELECT p.invoice_id AS inv, 0 AS act,
               CASE WHEN p.outcome = 'broken' OR p.promised_on < $1 THEN 1 ELSE 0 END AS broken,
               CASE WHEN p.outcome IS NULL AND p.promised_on >= $1 THEN p.id END AS open_id
        FROM promises p WHERE p.outcome IS NULL OR p.outcome = 'broken'
        UNION ALL
        SELECT pi.invoice_id, CASE WHEN pl.state = 'active' THEN 1 ELSE 0 END,
               CASE WHEN pl.state = 'broken' THEN 1 ELSE 0 END, NULL
        FROM plans pl {join} plan_invoices pi ON pi.plan_id = pl.id
        WHERE pl.state IN ('active', 'broken')),
    per AS (
        SELECT inv, MAX(act) AS act, MAX(broken) AS broken, MAX(open_id) AS open_id FROM touch GROUP BY inv),
    t AS MATERIALIZED (
        SELECT i.currency, i.due_date, i.total_minor - i.paid_minor AS owing, per.act, per.broken, p.promised_on,
               CASE WHEN per.act = 1 OR p.id IS NULL THEN 0 ELSE {promised_part} END AS a
        FROM per {join} invoices i {by_id} ON i.id = per.inv LEFT JOIN promises p ON p.id = per.open_id
        WHERE i.status = 'issued' AND i.paid_minor < i.total_minor)
    SELECT currency, day, promised, minor, at_risk_minor FROM (
        SELECT currency, due_date AS day, FALSE AS promised,
               CAST(SUM(CASE WHEN act = 1 THEN -owing ELSE -a END) AS BIGINT) AS minor,
               CAST(SUM(CASE WHEN act = 0 AND broken = 1 THEN owing - a ELSE 0 END) AS BIGINT) AS at_risk_minor
        FROM t GROUP BY currency, due_date) AS due
    WHERE minor <> 0 OR at_risk_minor <> 0
    UNION ALL
    SELECT currency, promised_on, TRUE, CAST(SUM(a) AS BIGINT), CAST(SUM(CASE WHEN broken = 1 THEN a ELSE 0 END) AS BIGINT)
    FROM t WHERE a > 0 GROUP BY currency, promised_on"
    )
}

impl Store {
    /// How promises and plans move expected payments (see [`CashInMove`]),
    /// on `today`. Days where nothing moves are left out.
    pub async fn cash_in_moves(&self, today: NaiveDate) -> Result<Vec<CashInMove>, StoreError> {
        let sql = moves(self.engine());
        let rows: Vec<MoveRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(Day(today)).fetch_all(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| CashInMove {
                currency: r.currency.0,
                day: r.day.0,
                promised: r.promised,
                minor: r.minor,
                at_risk_minor: r.at_risk_minor,
            })
            .collect())
    }
}

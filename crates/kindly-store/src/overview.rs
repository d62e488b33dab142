//! The reads behind the overview (issue #14) and its reports: the summary
//! tables of migration 0014 (kept by triggers, so the overview reads a few
//! thousand rows however many invoices there are), the few invoices whose
//! expected payment a promise or a plan moves, and the per-client aging
//! report (a scan, for the reports only).
//!
//! Ported to both engines (see `engine`): days are `row::Day`, sums
//! `CAST(… AS BIGINT)`, SQLite's `julianday` difference and scalar `MAX` are
//! `Engine::days_between` and `Engine::greatest`. The one read-check-write
//! is the move of the per-client window (`move_pay_speed_window`): it reads
//! the window it holds, then adds and removes the days between; on
//! PostgreSQL it reads the `overview_window` row `FOR UPDATE`, so a second
//! machine moving it at the same moment waits, then sees the window already
//! moved (applying the same delta twice would double every client's days).
//!
//! The window moves once a day (the app's start and midnight tick), and no
//! screen waits for it: `slowest_payers` reads around a table whose window
//! is up to `PAY_SPEED_READ_AROUND_DAYS` away, adding the days between on
//! the fly in one snapshot, so the overview on a new day writes nothing
//! (the move of ~2,000 clients' rows cost 95 ms of the overview's 139 ms
//! on PostgreSQL at 1,000,000 invoices).

use crate::engine::{on_conn, on_pool, on_tx, Engine};
use crate::row::{Day, Text};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use kindly_core::vocab::AgingBucket;
use kindly_core::Currency;
use sqlx::AssertSqlSafe;

/// What issued invoices in one currency still owe, due on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenByDue {
    pub currency: Currency,
    pub due_date: NaiveDate,
    pub owing_minor: i64,
    pub count: i64,
}

/// One currency's day: invoiced (issued, not cancelled, by issue date),
/// collected (payments by date) and invoices paid in full that day with the
/// days they took in all.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DayFigures {
    pub invoiced_minor: i64,
    pub invoiced_count: i64,
    pub collected_minor: i64,
    pub collected_count: i64,
    pub paid_full_count: i64,
    pub paid_full_days: i64,
}

/// A ladder stage in one currency: steps done, and of them, invoices fully
/// paid within 7 days after the step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepFigures {
    pub currency: Currency,
    pub stage_key: String,
    pub steps: i64,
    pub paid_within_7: i64,
}

/// A client's days to pay in one currency over the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientPaySpeed {
    pub client_id: i64,
    pub client_name: String,
    pub days: i64,
    pub invoices: i64,
}

/// One client's open invoices in one currency by aging bucket (in the
/// order of `AgingBucket::VARIANTS`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientAging {
    pub client_id: i64,
    pub client_name: String,
    pub currency: Currency,
    pub buckets: [i64; 5],
    pub total_minor: i64,
}

#[derive(sqlx_macros::FromRow)]
struct OpenRow {
    currency: Text<Currency>,
    due_date: Day,
    owing_minor: i64,
    owing_count: i64,
}

#[derive(sqlx_macros::FromRow)]
struct DayRow {
    currency: Text<Currency>,
    day: Day,
    invoiced_minor: i64,
    invoiced_count: i64,
    collected_minor: i64,
    collected_count: i64,
    paid_full_count: i64,
    paid_full_days: i64,
}

#[derive(sqlx_macros::FromRow)]
struct StepRow {
    currency: Text<Currency>,
    stage_key: String,
    steps: i64,
    paid_within_7: i64,
}

#[derive(sqlx_macros::FromRow)]
struct SpeedRow {
    client_id: i64,
    display_name: String,
    days: i64,
    invoices: i64,
}

#[derive(sqlx_macros::FromRow)]
struct WindowRow {
    from_day: Option<Day>,
    to_day: Option<Day>,
}

#[derive(sqlx_macros::FromRow)]
struct AgingRow {
    client_id: i64,
    display_name: String,
    currency: Text<Currency>,
    b0: i64,
    b1: i64,
    b2: i64,
    b3: i64,
    b4: i64,
}

/// Adds (sign 1) or removes (sign -1) the invoices fully paid between two
/// days (inclusive) to the per-client days to pay.
fn speed_delta(e: Engine) -> String {
    format!(
        "INSERT INTO overview_pay_speed (currency, client_id, days, invoices)
         SELECT currency, client_id, $3 * CAST(SUM({}) AS BIGINT), $3 * COUNT(*)
         FROM invoices
         WHERE paid_in_full_on IS NOT NULL AND status = 'issued' AND paid_in_full_on BETWEEN $1 AND $2
         GROUP BY currency, client_id
         ON CONFLICT (currency, client_id) DO UPDATE
         SET days = overview_pay_speed.days + excluded.days, invoices = overview_pay_speed.invoices + excluded.invoices",
        e.greatest("0", &e.days_between("paid_in_full_on", "issue_date"))
    )
}

/// Removes the rows of the clients paid in full from $1 to $2 that hold
/// nothing any more.
const SPEED_EMPTIED: &str = "DELETE FROM overview_pay_speed WHERE invoices = 0 AND (currency, client_id) IN (
    SELECT currency, client_id FROM invoices
    WHERE paid_in_full_on IS NOT NULL AND status = 'issued' AND paid_in_full_on BETWEEN $1 AND $2)";

/// The window the per-client table holds.
const HELD_WINDOW: &str = "SELECT from_day, to_day FROM overview_window WHERE id = 1";

/// The slowest payers of currency `$1` as the per-client table holds them
/// (at most `$2`).
const SLOWEST: &str = "SELECT s.client_id, c.display_name, s.days, s.invoices
    FROM overview_pay_speed s JOIN clients c ON c.id = s.client_id
    WHERE s.currency = $1 AND s.invoices > 0
    ORDER BY s.days * 1.0 / s.invoices DESC, s.invoices DESC, s.client_id LIMIT $2";

/// How many days the per-client table's window may be from the one asked
/// and still be read around instead of moved: each day adds the invoices
/// paid on it (about 2,000 at 1,000,000 invoices, 8 ms on PostgreSQL), and
/// the app's start and midnight tick move the table anyway, so a read
/// rarely finds it more than a day away.
pub const PAY_SPEED_READ_AROUND_DAYS: i64 = 3;

/// Days whose invoices fully paid are added to (`sign` 1) or removed from
/// (-1) the per-client table's window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DayRange {
    first: NaiveDate,
    last: NaiveDate,
    sign: i64,
}

/// What turns the window the table holds into the one asked.
#[derive(Debug, PartialEq, Eq)]
enum WindowChange {
    Same,
    /// The windows overlap: the days before the later start and after the
    /// earlier end, each range empty (`first > last`) when its ends agree.
    Shift([DayRange; 2]),
    /// Nothing held yet, or no day in common.
    Rebuild,
}

impl WindowChange {
    fn between(held: &WindowRow, from: NaiveDate, to: NaiveDate) -> WindowChange {
        let (Some(Day(f0)), Some(Day(t0))) = (held.from_day, held.to_day) else {
            return WindowChange::Rebuild;
        };
        if (f0, t0) == (from, to) {
            return WindowChange::Same;
        }
        if !(f0 <= to && from <= t0 && f0 <= t0 && from <= to) {
            return WindowChange::Rebuild;
        }
        let day = |d: NaiveDate, n: i64| d + chrono::Duration::days(n);
        // The start moved later: its days left (-1); earlier: they entered.
        let start = DayRange { first: f0.min(from), last: day(f0.max(from), -1), sign: if f0 < from { -1 } else { 1 } };
        let end = DayRange { first: day(t0.min(to), 1), last: t0.max(to), sign: if t0 < to { 1 } else { -1 } };
        WindowChange::Shift([start, end])
    }
}

/// How many days the longer of a shift's ranges spans.
fn lag(ranges: &[DayRange; 2]) -> i64 {
    ranges.iter().map(|r| (r.last - r.first).num_days() + 1).max().unwrap_or(0).max(0)
}

/// The slowest payers of currency `$1` (at most `$2`) over a window the
/// table does not hold but overlaps, `ranges`' days bound as `$3`–`$6`:
/// the clients paid in full on the ranges' days get their held figures
/// plus the change, every other client's held figures stand (read in the
/// index's order, skipping the changed clients), and the two lists merge.
fn slowest_around(e: Engine, ranges: &[DayRange; 2]) -> String {
    let days = e.greatest("0", &e.days_between("paid_in_full_on", "issue_date"));
    // One select per range, not an OR of both: with the OR, SQLite grouped
    // by walking the client index over every invoice (3.6 s at 1,000,000).
    let range = |r: &DayRange, first: &str, last: &str| {
        format!(
            "SELECT client_id, {sign} * {days} AS days, {sign} AS invoices FROM invoices
             WHERE paid_in_full_on IS NOT NULL AND status = 'issued' AND paid_in_full_on BETWEEN {first} AND {last}
               AND currency = $1",
            sign = r.sign
        )
    };
    format!(
        "WITH d AS MATERIALIZED (
           SELECT client_id, CAST(SUM(days) AS BIGINT) AS days, CAST(SUM(invoices) AS BIGINT) AS invoices
           FROM ({} UNION ALL {}) AS r
           GROUP BY client_id),
         changed AS (
           SELECT d.client_id, COALESCE(s.days, 0) + d.days AS days, COALESCE(s.invoices, 0) + d.invoices AS invoices
           FROM d LEFT JOIN overview_pay_speed s ON s.currency = $1 AND s.client_id = d.client_id),
         kept AS (
           SELECT s.client_id, s.days, s.invoices FROM overview_pay_speed s
           WHERE s.currency = $1 AND s.invoices > 0 AND s.client_id NOT IN (SELECT client_id FROM d)
           ORDER BY s.days * 1.0 / s.invoices DESC, s.invoices DESC, s.client_id LIMIT $2),
         top AS (
           SELECT client_id, days, invoices FROM (
             SELECT client_id, days, invoices FROM changed WHERE invoices > 0
             UNION ALL SELECT client_id, days, invoices FROM kept) AS x
           ORDER BY days * 1.0 / invoices DESC, invoices DESC, client_id LIMIT $2)
         SELECT t.client_id, c.display_name, t.days, t.invoices FROM top t JOIN clients c ON c.id = t.client_id
         ORDER BY t.days * 1.0 / t.invoices DESC, t.invoices DESC, t.client_id",
        range(&ranges[0], "$3", "$4"),
        range(&ranges[1], "$5", "$6"),
    )
}

impl Store {
    /// Open amounts by currency and due date (rows with nothing left are skipped).
    pub async fn overview_open(&self) -> Result<Vec<OpenByDue>, StoreError> {
        let rows: Vec<OpenRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT currency, due_date, owing_minor, owing_count FROM overview_open
                 WHERE owing_count <> 0 ORDER BY currency, due_date",
            )
            .fetch_all(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| OpenByDue {
                currency: r.currency.0,
                due_date: r.due_date.0,
                owing_minor: r.owing_minor,
                count: r.owing_count,
            })
            .collect())
    }

    /// Every currency's days from `from` to `to` (inclusive) that hold something.
    pub async fn overview_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(Currency, NaiveDate, DayFigures)>, StoreError> {
        let rows: Vec<DayRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT currency, day, invoiced_minor, invoiced_count, collected_minor, collected_count,
                        paid_full_count, paid_full_days
                 FROM overview_days WHERE day BETWEEN $1 AND $2 ORDER BY currency, day",
            )
            .bind(Day(from))
            .bind(Day(to))
            .fetch_all(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let f = DayFigures {
                    invoiced_minor: r.invoiced_minor,
                    invoiced_count: r.invoiced_count,
                    collected_minor: r.collected_minor,
                    collected_count: r.collected_count,
                    paid_full_count: r.paid_full_count,
                    paid_full_days: r.paid_full_days,
                };
                (r.currency.0, r.day.0, f)
            })
            .collect())
    }

    /// The currencies anything was ever issued, paid or owed in.
    pub async fn overview_currencies(&self) -> Result<Vec<Currency>, StoreError> {
        let rows: Vec<Text<Currency>> = on_pool!(self.pool(), p => {
            sqlx::query_scalar(
                "SELECT currency FROM overview_days WHERE invoiced_count <> 0 OR collected_count <> 0
                 UNION SELECT currency FROM overview_open WHERE owing_count <> 0 ORDER BY currency",
            )
            .fetch_all(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows.into_iter().map(|t| t.0).collect())
    }

    /// Every ladder stage done at least once, per currency.
    pub async fn overview_steps(&self) -> Result<Vec<StepFigures>, StoreError> {
        let sql = format!(
            "SELECT currency, stage_key, steps, paid_within_7 FROM overview_steps WHERE steps > 0
             ORDER BY currency, {}",
            self.engine().binary_order("stage_key")
        );
        let rows: Vec<StepRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(AssertSqlSafe(sql)).fetch_all(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| StepFigures {
                currency: r.currency.0,
                stage_key: r.stage_key,
                steps: r.steps,
                paid_within_7: r.paid_within_7,
            })
            .collect())
    }

    /// The clients paying slowest in `currency` over the invoices fully paid
    /// from `from` to `to` (inclusive): highest average days first, then more
    /// invoices, then the client id. A read when the per-client table holds
    /// a window at most [`PAY_SPEED_READ_AROUND_DAYS`] away (it adds the days
    /// between on the fly); otherwise it moves the table first (a write).
    pub async fn slowest_payers(
        &self,
        currency: Currency,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<ClientPaySpeed>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        // One snapshot: the window held and the table it describes must
        // agree (on PostgreSQL another machine may move both in between).
        let mut tx = self.read_tx().await?;
        let held: WindowRow = on_conn!(&mut tx.conn(), c => {
            sqlx::query_as(HELD_WINDOW).fetch_one(c).await
        })
        .map_err(map)?;
        let read = match WindowChange::between(&held, from, to) {
            WindowChange::Same => Some((SLOWEST.to_string(), Vec::new())),
            WindowChange::Shift(r) if lag(&r) <= PAY_SPEED_READ_AROUND_DAYS => {
                Some((slowest_around(self.engine(), &r), vec![r[0].first, r[0].last, r[1].first, r[1].last]))
            }
            _ => None,
        };
        let rows: Vec<SpeedRow> = match read {
            Some((sql, days)) => {
                let rows = on_conn!(&mut tx.conn(), c => {
                    let mut q = sqlx::query_as(AssertSqlSafe(sql)).bind(currency.code()).bind(limit);
                    for d in days {
                        q = q.bind(Day(d));
                    }
                    q.fetch_all(c).await
                })
                .map_err(map)?;
                tx.finish().await.map_err(map)?;
                rows
            }
            None => {
                tx.finish().await.map_err(map)?;
                self.move_pay_speed_window(from, to).await?;
                on_pool!(self.pool(), p => {
                    sqlx::query_as(SLOWEST).bind(currency.code()).bind(limit).fetch_all(p).await
                })
                .map_err(map)?
            }
        };
        Ok(rows
            .into_iter()
            .map(|r| ClientPaySpeed {
                client_id: r.client_id,
                client_name: r.display_name,
                days: r.days,
                invoices: r.invoices,
            })
            .collect())
    }

    /// Moves the per-client table when it is more than
    /// [`PAY_SPEED_READ_AROUND_DAYS`] away from `from..=to`, so that
    /// [`Store::slowest_payers`] reads without writing: what the overview
    /// does before it reads (a read on a new day; the app's midnight tick
    /// makes the move itself).
    pub async fn bring_pay_speed_window_near(&self, from: NaiveDate, to: NaiveDate) -> Result<(), StoreError> {
        let held: WindowRow = on_pool!(self.pool(), p => {
            sqlx::query_as(HELD_WINDOW).fetch_one(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        match WindowChange::between(&held, from, to) {
            WindowChange::Same => Ok(()),
            WindowChange::Shift(r) if lag(&r) <= PAY_SPEED_READ_AROUND_DAYS => Ok(()),
            _ => self.move_pay_speed_window(from, to).await,
        }
    }

    /// Makes `overview_pay_speed` hold the window `from..=to`: removes the
    /// days that left it and adds the days that entered it (a rebuild when
    /// the two windows do not overlap). The triggers keep it exact between moves.
    pub async fn move_pay_speed_window(&self, from: NaiveDate, to: NaiveDate) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let engine = self.engine();
        // A plain read first: the window moves once a day, and the overview
        // should not take the write lock for nothing.
        let w: WindowRow =
            on_pool!(self.pool(), p => { sqlx::query_as(HELD_WINDOW).fetch_one(p).await }).map_err(map)?;
        if WindowChange::between(&w, from, to) == WindowChange::Same {
            return Ok(());
        }
        let mut tx = self.write_tx().await?;
        // Locked on PostgreSQL until the commit: the window read here decides
        // which days are added and removed, so a second machine moving it at
        // the same moment must wait and then see this move (see the module's note).
        let locked = format!("{HELD_WINDOW} {}", engine.for_update());
        let w: WindowRow =
            on_tx!(&mut tx, c => sqlx::query_as(AssertSqlSafe(locked)).fetch_one(c).await).map_err(map)?;
        let ranges = match WindowChange::between(&w, from, to) {
            WindowChange::Same => return Ok(()),
            WindowChange::Shift(ranges) => ranges.to_vec(),
            WindowChange::Rebuild => {
                on_tx!(&mut tx, c => sqlx::query("DELETE FROM overview_pay_speed").execute(c).await.map(|_| ()))
                    .map_err(map)?;
                vec![DayRange { first: from, last: to, sign: 1 }]
            }
        };
        let delta = speed_delta(engine);
        for r in ranges.into_iter().filter(|r| r.first <= r.last) {
            on_tx!(&mut tx, c => {
                sqlx::query(AssertSqlSafe(delta.as_str()))
                    .bind(Day(r.first))
                    .bind(Day(r.last))
                    .bind(r.sign)
                    .execute(c)
                    .await
                    .map(|_| ())
            })
            .map_err(map)?;
            if r.sign < 0 {
                // Only the clients whose days left the window can be down to
                // nothing (a scan of the whole table cost 30+ ms a day).
                on_tx!(&mut tx, c => {
                    sqlx::query(SPEED_EMPTIED).bind(Day(r.first)).bind(Day(r.last)).execute(c).await.map(|_| ())
                })
                .map_err(map)?;
            }
        }
        on_tx!(&mut tx, c => {
            sqlx::query("UPDATE overview_window SET from_day = $1, to_day = $2 WHERE id = 1")
                .bind(Day(from))
                .bind(Day(to))
                .execute(c)
                .await
                .map(|_| ())
        })
        .map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// The aging report: every client's open invoices per currency by bucket
    /// on `today` (a scan of the open invoices; for reports, not the overview).
    pub async fn aging_by_client(
        &self,
        today: NaiveDate,
        currency: Option<Currency>,
    ) -> Result<Vec<ClientAging>, StoreError> {
        // The earliest due date of each bounded bucket, from the one rule.
        let start = |b: AgingBucket| b.due_dates(today).0.map(Day);
        let owing = "i.total_minor - i.paid_minor";
        let sql = format!(
            "SELECT i.client_id, c.display_name, i.currency,
                CAST(SUM(CASE WHEN i.due_date >= $1 THEN {owing} ELSE 0 END) AS BIGINT) AS b0,
                CAST(SUM(CASE WHEN i.due_date < $1 AND i.due_date >= $3 THEN {owing} ELSE 0 END) AS BIGINT) AS b1,
                CAST(SUM(CASE WHEN i.due_date < $3 AND i.due_date >= $4 THEN {owing} ELSE 0 END) AS BIGINT) AS b2,
                CAST(SUM(CASE WHEN i.due_date < $4 AND i.due_date >= $5 THEN {owing} ELSE 0 END) AS BIGINT) AS b3,
                CAST(SUM(CASE WHEN i.due_date < $5 THEN {owing} ELSE 0 END) AS BIGINT) AS b4
             FROM invoices i JOIN clients c ON c.id = i.client_id
             WHERE i.status = 'issued' AND i.paid_minor < i.total_minor AND ($2 IS NULL OR i.currency = $2)
             GROUP BY i.client_id, c.display_name, i.currency
             ORDER BY {}, i.client_id, i.currency",
            self.engine().nocase("c.display_name")
        );
        let rows: Vec<AgingRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(AssertSqlSafe(sql))
                .bind(Day(today))
                .bind(currency.map(|c| c.code().to_string()))
                .bind(start(AgingBucket::Days1To30))
                .bind(start(AgingBucket::Days31To60))
                .bind(start(AgingBucket::Days61To90))
                .fetch_all(p)
                .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let buckets = [r.b0, r.b1, r.b2, r.b3, r.b4];
                ClientAging {
                    client_id: r.client_id,
                    client_name: r.display_name,
                    currency: r.currency.0,
                    total_minor: buckets.iter().sum(),
                    buckets,
                }
            })
            .collect())
    }

    /// The summary tables' totals next to the same totals read from the raw
    /// tables: (what, summary, raw). A scan of every invoice, payment and
    /// step: for the benchmark and checks, never on a screen.
    pub async fn overview_self_check(&self) -> Result<Vec<(&'static str, String, String)>, StoreError> {
        let mut out = Vec::new();
        for (what, summary, raw) in self_check(self.engine()) {
            let read = |sql: String| async move {
                on_pool!(self.pool(), p => {
                    sqlx::query_scalar::<_, Option<String>>(AssertSqlSafe(sql)).fetch_one(p).await
                })
                .map(Option::unwrap_or_default)
                .map_err(|e| StoreError::classify(e, self.path()))
            };
            out.push((what, read(summary).await?, read(raw).await?));
        }
        Ok(out)
    }
}

/// What [`Store::overview_self_check`] compares (sums as text, so both
/// engines print them alike: `CAST(… AS BIGINT)` first).
fn self_check(e: Engine) -> [(&'static str, String, String); 3] {
    let list = |x: &str| e.text_list(x, "currency");
    [
        (
            "open by currency (owing:count)",
            format!(
                "SELECT {} FROM (SELECT currency, currency || ':' || CAST(SUM(owing_minor) AS BIGINT) || ':' || CAST(SUM(owing_count) AS BIGINT) AS x
                 FROM overview_open GROUP BY currency HAVING SUM(owing_count) <> 0 ORDER BY currency) AS t",
                list("x")
            ),
            format!(
                "SELECT {} FROM (SELECT currency, currency || ':' || CAST(SUM(total_minor - paid_minor) AS BIGINT) || ':' || COUNT(*) AS x
                 FROM invoices WHERE status = 'issued' AND paid_minor < total_minor GROUP BY currency ORDER BY currency) AS t",
                list("x")
            ),
        ),
        (
            "invoiced:collected:paid in full",
            "SELECT CAST(SUM(invoiced_minor) AS BIGINT) || ':' || CAST(SUM(collected_minor) AS BIGINT) || ':' || CAST(SUM(paid_full_count) AS BIGINT) FROM overview_days".to_string(),
            "SELECT CAST((SELECT SUM(total_minor) FROM invoices WHERE status = 'issued') AS BIGINT) || ':' ||
                    CAST((SELECT COALESCE(SUM(amount_minor), 0) FROM payments)
                     - (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payment_reversals r JOIN payments p ON p.id = r.payment_id)
                     - (SELECT COALESCE(SUM(amount_minor), 0) FROM refunds) AS BIGINT) || ':' ||
                    (SELECT COUNT(*) FROM invoices WHERE status = 'issued' AND paid_in_full_on IS NOT NULL)".to_string(),
        ),
        (
            "steps:paid within 7 days",
            "SELECT CAST(SUM(steps) AS BIGINT) || ':' || CAST(SUM(paid_within_7) AS BIGINT) FROM overview_steps".to_string(),
            format!(
                "SELECT COUNT(*) || ':' || CAST(SUM(CASE WHEN i.paid_in_full_on IS NOT NULL AND i.paid_in_full_on BETWEEN s.done_on AND {} THEN 1 ELSE 0 END) AS BIGINT)
                 FROM followup_steps s JOIN invoices i ON i.id = s.invoice_id",
                e.add_days("s.done_on", 7)
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default()
    }

    fn held(from: NaiveDate, to: NaiveDate) -> WindowRow {
        WindowRow { from_day: Some(Day(from)), to_day: Some(Day(to)) }
    }

    fn r(first: NaiveDate, last: NaiveDate, sign: i64) -> DayRange {
        DayRange { first, last, sign }
    }

    /// (held window, asked window, the change, its lag in days).
    #[test]
    fn the_change_between_two_windows() {
        let (f0, t0) = (d(2, 10), d(3, 10));
        let cases = [
            // A day later: the first day leaves, the next one enters.
            ((f0, t0), (d(2, 11), d(3, 11)), WindowChange::Shift([r(f0, f0, -1), r(d(3, 11), d(3, 11), 1)]), 1),
            // Two days earlier: two days enter at the start, two leave at the end.
            ((f0, t0), (d(2, 8), d(3, 8)), WindowChange::Shift([r(d(2, 8), d(2, 9), 1), r(d(3, 9), t0, -1)]), 2),
            // Only the end moves: the start's range is empty.
            ((f0, t0), (f0, d(3, 13)), WindowChange::Shift([r(f0, d(2, 9), 1), r(d(3, 11), d(3, 13), 1)]), 3),
            ((f0, t0), (f0, t0), WindowChange::Same, 0),
            // No day in common: rebuilt.
            ((f0, t0), (d(4, 1), d(4, 30)), WindowChange::Rebuild, 0),
        ];
        for (h, (from, to), want, lag_days) in cases {
            let got = WindowChange::between(&held(h.0, h.1), from, to);
            assert_eq!(got, want, "{from}..{to}");
            if let WindowChange::Shift(ranges) = &got {
                assert_eq!(lag(ranges), lag_days, "{from}..{to}");
            }
        }
        let nothing = WindowRow { from_day: None, to_day: None };
        assert_eq!(WindowChange::between(&nothing, f0, t0), WindowChange::Rebuild);
    }
}

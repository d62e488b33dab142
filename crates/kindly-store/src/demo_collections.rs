//! Follow-up history for demo data (the overview benchmark): ladder steps,
//! promises to pay and installment plans in realistic numbers, written with
//! a few set-based statements so a million invoices take seconds. `kindly
//! demo` does not add them; the overview benchmark does, so its figures are
//! not measured empty. Idempotent: a second call adds nothing.
//!
//! Both engines (issue #19): each statement is one text, its day
//! arithmetic from [`Engine`]'s fragments. Plans take their invoice's id,
//! so on PostgreSQL the plans' identity moves past them afterwards (see
//! `demo`). No lock: the first statement's check ("no promises or plans
//! yet") only keeps a second demo fill from doubling the history.
//! Months run over differently past a month's end (see
//! [`Engine::add_months_by`]), so an installment may fall a few days apart
//! between the engines; the counts do not differ.

use crate::demo::continue_ids;
use crate::engine::{on_tx, Engine};
use crate::row::{Day, Instant};
use crate::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};

/// What [`Store::seed_demo_collections`] added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CollectionStats {
    pub steps: i64,
    pub promises: i64,
    pub plans: i64,
}

/// Ladder steps: a heads-up 3 days before the due date on every other
/// issued invoice (many were then paid within the week), a reminder the day
/// after it and a follow-up a week after it on invoices still owing then
/// (or now), a final notice 30 days after it on every third of those
/// (`$1` today). A step already there is kept (`ON CONFLICT DO NOTHING`).
fn steps(e: Engine) -> Vec<String> {
    [
        ("heads_up", -3, "email", "AND id % 2 = 0", false),
        ("reminder", 1, "email", "", true),
        ("follow_up", 7, "email", "", true),
        ("final_notice", 30, "letter", "AND id % 3 = 0", true),
    ]
    .into_iter()
    .map(|(key, offset, channel, every, owing)| {
        let on = e.add_days("due_date", offset);
        let at = e.at_hour_utc(&on, 9);
        let owing =
            if owing { format!("AND (paid_in_full_on IS NULL OR paid_in_full_on > {on})") } else { String::new() };
        format!(
            "INSERT INTO followup_steps (invoice_id, stage_key, stage_offset, channel, done_on, at)
             SELECT id, '{key}', {offset}, '{channel}', {on}, {at}
             FROM invoices WHERE status = 'issued' {every} AND {on} <= $1 {owing}
             ON CONFLICT DO NOTHING"
        )
    })
    .collect()
}

impl Store {
    /// Adds follow-up history to demo data on `today` (see the module doc).
    pub async fn seed_demo_collections(
        &self,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<CollectionStats, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let e = self.engine();
        let mut tx = self.write_tx().await?;
        let (day, at) = (Day(today), Instant(now));
        let had: i64 = on_tx!(&mut tx, c => {
            sqlx::query_scalar("SELECT (SELECT COUNT(*) FROM promises) + (SELECT COUNT(*) FROM plans)")
                .fetch_one(c)
                .await
        })
        .map_err(map)?;
        if had > 0 {
            return Ok(CollectionStats::default());
        }
        let mut stats = CollectionStats::default();
        for sql in steps(e) {
            let n = on_tx!(&mut tx, c => {
                sqlx::query(sqlx::AssertSqlSafe(sql)).bind(day).execute(c).await.map(|r| r.rows_affected())
            })
            .map_err(map)?;
            stats.steps += n as i64;
        }
        // Promises on 1 open invoice in 40: one in two still open (for a day
        // in the next 3 weeks), the others broken a few days ago. Each has
        // its timeline entry, as the app records them.
        let timeline = format!(
            "INSERT INTO timeline (client_id, invoice_id, at, kind, summary, made_by)
             SELECT client_id, id, $1, 'promise_recorded', 'Promise to pay recorded (demo)', {}
             FROM invoices WHERE status = 'issued' AND paid_minor < total_minor AND id % 40 = 7",
            e.member()
        );
        on_tx!(&mut tx, c => {
            sqlx::query(sqlx::AssertSqlSafe(timeline)).bind(at).execute(c).await.map(|_| ())
        })
        .map_err(map)?;
        let promises = format!(
            "INSERT INTO promises (invoice_id, client_id, promised_on, amount_minor, currency, how, recorded_at,
                                   timeline_id, outcome, resolved_on)
             SELECT t.invoice_id, t.client_id,
                    CASE WHEN i.id % 80 = 7 THEN {ahead} ELSE {ago} END,
                    CASE WHEN i.id % 3 = 0 THEN {half} ELSE i.total_minor - i.paid_minor END,
                    i.currency, 'call', $2, t.id,
                    CASE WHEN i.id % 80 = 7 THEN NULL ELSE 'broken' END,
                    CASE WHEN i.id % 80 = 7 THEN NULL ELSE $1 END
             FROM timeline t JOIN invoices i ON i.id = t.invoice_id
             WHERE t.kind = 'promise_recorded' AND t.at = $2",
            ahead = e.add_days_by("$1", "i.id % 21"),
            ago = e.add_days_by("$1", "-(1 + i.id % 9)"),
            half = e.greatest("1", "(i.total_minor - i.paid_minor) / 2"),
        );
        let n = on_tx!(&mut tx, c => {
            sqlx::query(sqlx::AssertSqlSafe(promises)).bind(day).bind(at).execute(c).await.map(|r| r.rows_affected())
        })
        .map_err(map)?;
        stats.promises = n as i64;
        // Installment plans on 1 overdue invoice in 200 without a promise:
        // three monthly installments from 20 days ago, agreed then; one plan in
        // four is behind (its first installment unpaid), the others on track
        // (their first installment paid when it fell due, see below).
        let agreed = e.add_days("$1", -20);
        let plans = format!(
            "INSERT INTO plans (id, client_id, state, currency, total_minor, paid_at_start_minor, grace_days,
                                frequency, created_on, created_at, agreed_on, agreed_how)
             SELECT i.id, i.client_id, 'active', i.currency, i.total_minor - i.paid_minor, i.paid_minor, 14,
                    'monthly', {agreed}, $2, {agreed}, 'call'
             FROM invoices i
             WHERE i.status = 'issued' AND i.paid_minor < i.total_minor AND i.due_date < $1 AND i.id % 200 = 11
               AND i.total_minor - i.paid_minor >= 3"
        );
        let n = on_tx!(&mut tx, c => {
            sqlx::query(sqlx::AssertSqlSafe(plans)).bind(day).bind(at).execute(c).await.map(|r| r.rows_affected())
        })
        .map_err(map)?;
        stats.plans = n as i64;
        let first_due = e.add_days("$1", -10);
        for q in [
            "INSERT INTO plan_invoices (plan_id, invoice_id, owing_at_start_minor)
             SELECT p.id, p.id, p.total_minor FROM plans p WHERE p.created_at = $2 AND p.id % 200 = 11"
                .to_string(),
            format!(
                "INSERT INTO plan_installments (plan_id, seq, due_on, amount_minor)
                 SELECT p.id, s.seq, {},
                        CASE WHEN s.seq < 3 THEN p.total_minor / 3 ELSE p.total_minor - 2 * (p.total_minor / 3) END
                 FROM plans p, (SELECT 1 AS seq UNION ALL SELECT 2 UNION ALL SELECT 3) s
                 WHERE p.created_at = $2 AND p.id % 200 = 11",
                e.add_months_by(&first_due, "s.seq - 1")
            ),
            // Three plans in four: the first installment paid on its day.
            format!(
                "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at, made_by)
                 SELECT p.id, p.total_minor / 3, p.currency, {first_due}, 'bank_transfer', $2, {by}
                 FROM plans p WHERE p.created_at = $2 AND p.id % 200 = 11 AND p.id % 800 <> 11",
                by = e.member()
            ),
        ] {
            on_tx!(&mut tx, c => {
                sqlx::query(sqlx::AssertSqlSafe(q)).bind(day).bind(at).execute(c).await.map(|_| ())
            })
            .map_err(map)?;
        }
        continue_ids(&mut tx, "plans").await.map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok(stats)
    }
}

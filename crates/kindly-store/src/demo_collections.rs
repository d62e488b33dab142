//! Follow-up history for demo data (the overview benchmark): ladder steps,
//! promises to pay and installment plans in realistic numbers, written with
//! a few set-based statements so a million invoices take seconds. `kindly
//! demo` does not add them; the overview benchmark does, so its figures are
//! not measured empty. Idempotent: a second call adds nothing.

use crate::util::{date_str, instant_str};
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
/// (or now), a final notice 30 days after it on every third of those.
const STEPS: &[&str] = &[
    "INSERT OR IGNORE INTO followup_steps (invoice_id, stage_key, stage_offset, channel, done_on, at)
     SELECT id, 'heads_up', -3, 'email', date(due_date, '-3 days'), date(due_date, '-3 days') || 'T09:00:00.000Z'
     FROM invoices WHERE status = 'issued' AND id % 2 = 0 AND date(due_date, '-3 days') <= ?1",
    "INSERT OR IGNORE INTO followup_steps (invoice_id, stage_key, stage_offset, channel, done_on, at)
     SELECT id, 'reminder', 1, 'email', date(due_date, '+1 days'), date(due_date, '+1 days') || 'T09:00:00.000Z'
     FROM invoices WHERE status = 'issued' AND date(due_date, '+1 days') <= ?1
       AND (paid_in_full_on IS NULL OR paid_in_full_on > date(due_date, '+1 days'))",
    "INSERT OR IGNORE INTO followup_steps (invoice_id, stage_key, stage_offset, channel, done_on, at)
     SELECT id, 'follow_up', 7, 'email', date(due_date, '+7 days'), date(due_date, '+7 days') || 'T09:00:00.000Z'
     FROM invoices WHERE status = 'issued' AND date(due_date, '+7 days') <= ?1
       AND (paid_in_full_on IS NULL OR paid_in_full_on > date(due_date, '+7 days'))",
    "INSERT OR IGNORE INTO followup_steps (invoice_id, stage_key, stage_offset, channel, done_on, at)
     SELECT id, 'final_notice', 30, 'letter', date(due_date, '+30 days'), date(due_date, '+30 days') || 'T09:00:00.000Z'
     FROM invoices WHERE status = 'issued' AND id % 3 = 0 AND date(due_date, '+30 days') <= ?1
       AND (paid_in_full_on IS NULL OR paid_in_full_on > date(due_date, '+30 days'))",
];

impl Store {
    /// Adds follow-up history to demo data on `today` (see the module doc).
    pub async fn seed_demo_collections(
        &self,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<CollectionStats, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.sqlite_tx("the demo data").await?;
        let (day, at) = (date_str(today), instant_str(now));
        let had: i64 = sqlx::query_scalar("SELECT (SELECT COUNT(*) FROM promises) + (SELECT COUNT(*) FROM plans)")
            .fetch_one(&mut *tx)
            .await
            .map_err(map)?;
        if had > 0 {
            return Ok(CollectionStats::default());
        }
        let mut stats = CollectionStats::default();
        for sql in STEPS {
            let r = sqlx::query(sqlx::AssertSqlSafe(*sql)).bind(&day).execute(&mut *tx).await.map_err(map)?;
            stats.steps += r.rows_affected() as i64;
        }
        // Promises on 1 open invoice in 40: one in two still open (for a day
        // in the next 3 weeks), the others broken a few days ago. Each has
        // its timeline entry, as the app records them.
        sqlx::query(
            "INSERT INTO timeline (client_id, invoice_id, at, kind, summary)
             SELECT client_id, id, ?2, 'promise_recorded', 'Promise to pay recorded (demo)'
             FROM invoices WHERE status = 'issued' AND paid_minor < total_minor AND id % 40 = 7",
        )
        .bind(&day)
        .bind(&at)
        .execute(&mut *tx)
        .await
        .map_err(map)?;
        let r = sqlx::query(
            "INSERT INTO promises (invoice_id, client_id, promised_on, amount_minor, currency, how, recorded_at,
                                   timeline_id, outcome, resolved_on)
             SELECT t.invoice_id, t.client_id,
                    CASE WHEN i.id % 80 = 7 THEN date(?1, '+' || (i.id % 21) || ' days')
                         ELSE date(?1, '-' || (1 + i.id % 9) || ' days') END,
                    CASE WHEN i.id % 3 = 0 THEN MAX(1, (i.total_minor - i.paid_minor) / 2) ELSE i.total_minor - i.paid_minor END,
                    i.currency, 'call', ?2, t.id,
                    CASE WHEN i.id % 80 = 7 THEN NULL ELSE 'broken' END,
                    CASE WHEN i.id % 80 = 7 THEN NULL ELSE ?1 END
             FROM timeline t JOIN invoices i ON i.id = t.invoice_id
             WHERE t.kind = 'promise_recorded' AND t.at = ?2",
        )
        .bind(&day)
        .bind(&at)
        .execute(&mut *tx)
        .await
        .map_err(map)?;
        stats.promises = r.rows_affected() as i64;
        // Installment plans on 1 overdue invoice in 200 without a promise:
        // three monthly installments from 20 days ago, agreed then; one plan in
        // four is behind (its first installment unpaid), the others on track
        // (their first installment paid when it fell due, see below).
        let r = sqlx::query(
            "INSERT INTO plans (id, client_id, state, currency, total_minor, paid_at_start_minor, grace_days,
                                frequency, created_on, created_at, agreed_on, agreed_how)
             SELECT i.id, i.client_id, 'active', i.currency, i.total_minor - i.paid_minor, i.paid_minor, 14,
                    'monthly', date(?1, '-20 days'), ?2, date(?1, '-20 days'), 'call'
             FROM invoices i
             WHERE i.status = 'issued' AND i.paid_minor < i.total_minor AND i.due_date < ?1 AND i.id % 200 = 11
               AND i.total_minor - i.paid_minor >= 3",
        )
        .bind(&day)
        .bind(&at)
        .execute(&mut *tx)
        .await
        .map_err(map)?;
        stats.plans = r.rows_affected() as i64;
        for q in [
            "INSERT INTO plan_invoices (plan_id, invoice_id, owing_at_start_minor)
             SELECT p.id, p.id, p.total_minor FROM plans p WHERE p.created_at = ?2 AND p.id % 200 = 11",
            "INSERT INTO plan_installments (plan_id, seq, due_on, amount_minor)
             SELECT p.id, s.seq, date(?1, '-10 days', '+' || (s.seq - 1) || ' months'),
                    CASE WHEN s.seq < 3 THEN p.total_minor / 3 ELSE p.total_minor - 2 * (p.total_minor / 3) END
             FROM plans p, (SELECT 1 AS seq UNION ALL SELECT 2 UNION ALL SELECT 3) s
             WHERE p.created_at = ?2 AND p.id % 200 = 11",
            // Three plans in four: the first installment paid on its day.
            "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)
             SELECT p.id, p.total_minor / 3, p.currency, date(?1, '-10 days'), 'bank_transfer', ?2
             FROM plans p WHERE p.created_at = ?2 AND p.id % 200 = 11 AND p.id % 800 <> 11",
        ] {
            sqlx::query(sqlx::AssertSqlSafe(q)).bind(&day).bind(&at).execute(&mut *tx).await.map_err(map)?;
        }
        tx.commit().await.map_err(map)?;
        Ok(stats)
    }
}

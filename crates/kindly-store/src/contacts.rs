//! Contact with clients: logged calls (with their outcome, a retry day or the
//! ladder stage they complete), promises to pay (recorded, pausing the
//! chasing of their invoice, resolved once as kept or broken), entries with a
//! `refers_to` (corrections). The timeline is read in `timeline`.
//!
//! Ported to both engines (see `engine`); the record of the follow-up after
//! a broken promise (`record_promise_follow_up_on`) is shared with the
//! outbox. Locks on PostgreSQL: a call or a promise reads its invoice
//! `FOR UPDATE` (`invoice_client`), so two people logging about one invoice
//! at the same moment take turns, and a promise is never recorded between
//! another machine's resolution of that invoice's promises and its commit;
//! the daily resolution reads the open promises `FOR UPDATE`, so a second
//! machine resolving at the same moment waits, then finds them resolved
//! and records nothing twice (the append-only trigger would refuse a second
//! outcome, failing its whole transaction); `append_entry` only appends.

use crate::engine::{on_conn, on_pool, on_tx, Conn};
use crate::followups::{note_contact_on, record_step_on, DoneStep};
use crate::row::{Day, Instant, Text};
use crate::timeline::{append_on, NewEvent};
use crate::util::date_str;
use crate::{Store, StoreError};
use chrono::{DateTime, Days, NaiveDate, Utc};
use kindly_core::timeline::EventKind;
use kindly_core::vocab::{AgreedHow, PromiseOutcome};
use kindly_core::Currency;
use sqlx::AssertSqlSafe;

/// A promise to record.
#[derive(Clone, Debug, PartialEq)]
pub struct NewPromise {
    pub promised_on: NaiveDate,
    pub amount_minor: i64,
    pub currency: Currency,
    /// call, email, letter or in_person.
    pub how: String,
}

/// A promise as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct PromiseRecord {
    pub id: i64,
    pub invoice_id: i64,
    pub invoice_number: String,
    pub client_id: i64,
    pub promised_on: NaiveDate,
    pub amount_minor: i64,
    pub currency: Currency,
    pub how: AgreedHow,
    pub recorded_at: DateTime<Utc>,
    pub timeline_id: i64,
    /// None while open, else kept or broken.
    pub outcome: Option<PromiseOutcome>,
    pub resolved_on: Option<NaiveDate>,
    pub followed_up_on: Option<NaiveDate>,
}

/// A call to record, with what it changes.
#[derive(Clone, Debug)]
pub struct CallLog<'a> {
    pub invoice_id: i64,
    pub summary: &'a str,
    pub data: serde_json::Value,
    /// The ladder stage this call completes (reached, or a promise was given).
    pub completes: Option<DoneStep<'a>>,
    /// The day to try again (voicemail, no answer): the invoice comes back to the queue then.
    pub retry_on: Option<NaiveDate>,
    pub promise: Option<NewPromise>,
    /// The client was reached or a voicemail was left: the day's contact
    /// about the invoice (no answer or a wrong number is only an attempt).
    pub contact: bool,
}

/// What a logged call wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct CallRecorded {
    pub timeline_id: i64,
    pub promise_id: Option<i64>,
}

/// A broken promise whose polite follow-up has not been done yet, on an
/// invoice that is still owing and being chased.
#[derive(Clone, Debug, PartialEq)]
pub struct BrokenPromiseDue {
    pub promise: PromiseRecord,
    pub client_name: String,
    pub due_date: NaiveDate,
    /// What is still owing on the invoice.
    pub owing_minor: i64,
}

/// A promise row as read (see [`PROMISE_COLS`]).
#[derive(sqlx_macros::FromRow)]
struct PromiseRow {
    id: i64,
    invoice_id: i64,
    invoice_number: String,
    client_id: i64,
    promised_on: Day,
    amount_minor: i64,
    currency: Text<Currency>,
    how: Text<AgreedHow>,
    recorded_at: Instant,
    timeline_id: i64,
    outcome: Option<Text<PromiseOutcome>>,
    resolved_on: Option<Day>,
    followed_up_on: Option<Day>,
}

const PROMISE_COLS: &str =
    "p.id, p.invoice_id, i.number AS invoice_number, p.client_id, p.promised_on, p.amount_minor, p.currency, p.how,
     p.recorded_at, p.timeline_id, p.outcome, p.resolved_on, p.followed_up_on";

impl PromiseRow {
    fn into_record(self) -> PromiseRecord {
        PromiseRecord {
            id: self.id,
            invoice_id: self.invoice_id,
            invoice_number: self.invoice_number,
            client_id: self.client_id,
            promised_on: self.promised_on.0,
            amount_minor: self.amount_minor,
            currency: self.currency.0,
            how: self.how.0,
            recorded_at: self.recorded_at.0,
            timeline_id: self.timeline_id,
            outcome: self.outcome.map(|o| o.0),
            resolved_on: self.resolved_on.map(|d| d.0),
            followed_up_on: self.followed_up_on.map(|d| d.0),
        }
    }
}

/// A broken promise to follow up, with its invoice and client.
#[derive(sqlx_macros::FromRow)]
struct BrokenPromiseRow {
    #[sqlx(flatten)]
    promise: PromiseRow,
    client_name: String,
    due_date: Day,
    owing_minor: i64,
}

/// Where a promise stands, for its follow-up.
#[derive(sqlx_macros::FromRow)]
struct PromiseStanding {
    invoice_id: i64,
    client_id: i64,
    /// 1 when the promise is broken and not followed up yet.
    open: i64,
}

/// An open promise with its invoice's amounts, for the daily resolution.
#[derive(sqlx_macros::FromRow)]
struct OpenPromise {
    id: i64,
    invoice_id: i64,
    client_id: i64,
    promised_on: Day,
    amount_minor: i64,
    currency: String,
    recorded_at: Instant,
    total_minor: i64,
    number: String,
}

/// What was paid on an invoice since a promise, and by the promised day.
#[derive(sqlx_macros::FromRow)]
struct PaidAround {
    paid_since: i64,
    paid_by_day: i64,
}

/// The client an invoice belongs to.
#[derive(sqlx_macros::FromRow)]
struct InvoiceOwner {
    client_id: i64,
}

/// A promise's invoice and whether it was followed up.
#[derive(sqlx_macros::FromRow)]
struct PromiseInvoice {
    invoice_id: i64,
    followed_up_on: Option<Day>,
}

fn next_day(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).unwrap_or(d)
}

/// Inserts a timeline row including `refers_to`.
async fn insert_entry(c: &mut Conn<'_>, e: &NewEvent<'_>, refers_to: Option<i64>) -> Result<i64, sqlx::Error> {
    // Stamped with the transaction's member, as `timeline::append_on` does.
    let sql = format!(
        "INSERT INTO timeline (client_id, invoice_id, at, kind, summary, data, refers_to, made_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, {}) RETURNING id",
        c.engine().member()
    );
    on_conn!(c, c => {
        sqlx::query_scalar(AssertSqlSafe(sql))
            .bind(e.client_id)
            .bind(e.invoice_id)
            .bind(Instant(e.at))
            .bind(e.kind.as_str())
            .bind(e.summary)
            .bind(e.data.to_string())
            .bind(refers_to)
            .fetch_one(c)
            .await
    })
}

/// Records a promise inside the caller's transaction (its timeline entry,
/// its row) and pauses the ladder of its invoice until the day after the
/// promised date. Only `next_action_on` moves, never the user's own hold,
/// and only forward (one conditional UPDATE: no read-check-write).
async fn insert_promise(
    c: &mut Conn<'_>,
    client_id: i64,
    invoice_id: i64,
    p: &NewPromise,
    summary: &str,
    refers_to: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(i64, i64), sqlx::Error> {
    let ev = NewEvent {
        client_id,
        invoice_id: Some(invoice_id),
        at: now,
        kind: EventKind::PromiseRecorded,
        summary,
        data: serde_json::json!({
            "promised_on": date_str(p.promised_on), "amount_minor": p.amount_minor,
            "currency": p.currency.code(), "how": p.how, "call_entry": refers_to,
        }),
    };
    let timeline_id = insert_entry(c, &ev, None).await?;
    let id: i64 = on_conn!(&mut *c, c => {
        sqlx::query_scalar(
            "INSERT INTO promises (invoice_id, client_id, promised_on, amount_minor, currency, how, recorded_at, timeline_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(invoice_id)
        .bind(client_id)
        .bind(Day(p.promised_on))
        .bind(p.amount_minor)
        .bind(p.currency.code())
        .bind(&p.how)
        .bind(Instant(now))
        .bind(timeline_id)
        .fetch_one(c)
        .await
    })?;
    let sql = format!(
        "UPDATE followups SET next_action_on = {} WHERE invoice_id = $1 AND next_action_on IS NOT NULL",
        c.engine().greatest("next_action_on", "$2")
    );
    on_conn!(&mut *c, c => {
        sqlx::query(AssertSqlSafe(sql)).bind(invoice_id).bind(Day(next_day(p.promised_on))).execute(c).await.map(|_| ())
    })?;
    Ok((id, timeline_id))
}

/// The polite follow-up about a broken promise, as given.
pub(crate) struct PromiseFollowedUp<'a> {
    pub promise_id: i64,
    pub summary: &'a str,
    pub data: serde_json::Value,
}

/// Records the follow-up after a broken promise, on either engine (by hand,
/// or by the outbox once it is sent). On PostgreSQL the promise's row
/// is read `FOR UPDATE`: two recordings of one follow-up take turns, and
/// the second sees it done.
pub(crate) async fn record_promise_follow_up_on(
    c: &mut crate::engine::Conn<'_>,
    f: &PromiseFollowedUp<'_>,
    today: NaiveDate,
    now: DateTime<Utc>,
    ignore_if_done: bool,
    path: &std::path::Path,
) -> Result<(bool, i64), StoreError> {
    let map = |e| StoreError::classify(e, path);
    let sql = format!(
        "SELECT invoice_id, client_id,
                CAST(CASE WHEN outcome = 'broken' AND followed_up_on IS NULL THEN 1 ELSE 0 END AS BIGINT) AS open
         FROM promises WHERE id = $1 {}",
        c.engine().for_update()
    );
    let row: Option<PromiseStanding> = crate::engine::on_conn!(&mut *c, c => {
        sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(f.promise_id).fetch_optional(c).await
    })
    .map_err(map)?;
    let PromiseStanding { invoice_id, client_id, open } =
        row.ok_or(StoreError::NotFound { entity: "promise", id: f.promise_id })?;
    let open = open == 1;
    if !open && !ignore_if_done {
        return Err(StoreError::AlreadyDone);
    }
    let ev = NewEvent {
        client_id,
        invoice_id: Some(invoice_id),
        at: now,
        kind: EventKind::FollowUpDone,
        summary: f.summary,
        data: f.data.clone(),
    };
    let id = crate::timeline::append_on(c, &ev).await.map_err(map)?;
    // The day's contact, and a week's grace before the ladder's next step
    // (`resume_on`; a trigger moves `next_action_on`).
    crate::followups::note_contact_on(c, &[invoice_id], today, true).await.map_err(map)?;
    if !open {
        return Ok((false, id));
    }
    crate::engine::on_conn!(&mut *c, c => {
        sqlx::query("UPDATE promises SET followed_up_on = $2 WHERE id = $1")
            .bind(f.promise_id)
            .bind(crate::row::Day(today))
            .execute(c)
            .await
            .map(|_| ())
    })
    .map_err(map)?;
    Ok((true, id))
}

/// Whether an open promise is kept (its invoice paid by the promised day,
/// or the promised amount paid since it was given) or broken (its day
/// passed): the same rule as the loop of [`Store::resolve_promises`].
const PROMISE_TO_RESOLVE: &str = "SELECT EXISTS (
    SELECT 1 FROM promises p JOIN invoices i ON i.id = p.invoice_id
    WHERE p.outcome IS NULL AND (p.promised_on < $1
       OR (SELECT COALESCE(SUM(amount_minor), 0) FROM payments
           WHERE invoice_id = p.invoice_id AND paid_on <= p.promised_on) >= i.total_minor
       OR (SELECT COALESCE(SUM(CASE WHEN created_at >= p.recorded_at THEN amount_minor ELSE 0 END), 0) FROM payments
           WHERE invoice_id = p.invoice_id AND paid_on <= p.promised_on) >= p.amount_minor))";

/// The client of an invoice, its row locked on PostgreSQL until the
/// transaction ends (see the module's note): a call or a promise about it
/// is recorded whole before another machine's contact, payment check or
/// promise resolution on the same invoice reads it.
async fn invoice_client(c: &mut Conn<'_>, invoice_id: i64, path: &std::path::Path) -> Result<i64, StoreError> {
    let sql = format!("SELECT client_id FROM invoices WHERE id = $1 {}", c.engine().for_update());
    let row: Option<InvoiceOwner> = on_conn!(c, c => {
        sqlx::query_as(AssertSqlSafe(sql)).bind(invoice_id).fetch_optional(c).await
    })
    .map_err(|e| StoreError::classify(e, path))?;
    Ok(row.ok_or(StoreError::NotFound { entity: "invoice", id: invoice_id })?.client_id)
}

impl Store {
    /// Records a call in one transaction: its timeline entry (which is the
    /// ladder step when the call completes a stage), the retry day, and the
    /// promise given during the call, if any.
    pub async fn log_call(
        &self,
        call: &CallLog<'_>,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<CallRecorded, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let client_id = invoice_client(&mut c, call.invoice_id, self.path()).await?;
        // A call is a fact and always recorded; when it reached the client
        // (or left a message) it is the day's contact, so nothing else about
        // the invoice is proposed today.
        if call.contact {
            note_contact_on(&mut c, &[call.invoice_id], today, false).await.map_err(map)?;
        }
        let timeline_id = match &call.completes {
            // The step is unique per invoice and stage (a racing second one clashes: `AlreadyDone`).
            Some(step) => record_step_on(self, &mut c, step, EventKind::CallLogged, today, now, false).await?.1,
            None => {
                let ev = NewEvent {
                    client_id,
                    invoice_id: Some(call.invoice_id),
                    at: now,
                    kind: EventKind::CallLogged,
                    summary: call.summary,
                    data: call.data.clone(),
                };
                append_on(&mut c, &ev).await.map_err(map)?
            }
        };
        if let Some(day) = call.retry_on {
            on_conn!(&mut c, c => {
                sqlx::query(
                    "UPDATE followups SET next_action_on = $2 WHERE invoice_id = $1 AND next_action_on IS NOT NULL",
                )
                .bind(call.invoice_id)
                .bind(Day(day))
                .execute(c)
                .await
                .map(|_| ())
            })
            .map_err(map)?;
        }
        let promise_id = match &call.promise {
            Some(p) => {
                let summary = "Promise to pay given on the phone";
                Some(
                    insert_promise(&mut c, client_id, call.invoice_id, p, summary, Some(timeline_id), now)
                        .await
                        .map_err(map)?
                        .0,
                )
            }
            None => None,
        };
        tx.commit().await.map_err(map)?;
        Ok(CallRecorded { timeline_id, promise_id })
    }

    /// Records a promise given by e-mail, letter or in person (a promise on
    /// a call is recorded with the call). Returns (promise id, timeline id).
    pub async fn add_promise(
        &self,
        invoice_id: i64,
        p: &NewPromise,
        summary: &str,
        now: DateTime<Utc>,
    ) -> Result<(i64, i64), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let client_id = invoice_client(&mut c, invoice_id, self.path()).await?;
        let ids = insert_promise(&mut c, client_id, invoice_id, p, summary, None, now).await.map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok(ids)
    }

    /// Promises of a client or an invoice, newest promised date first.
    pub async fn promises(
        &self,
        client_id: Option<i64>,
        invoice_id: Option<i64>,
    ) -> Result<Vec<PromiseRecord>, StoreError> {
        let sql = format!(
            "SELECT {PROMISE_COLS} FROM promises p JOIN invoices i ON i.id = p.invoice_id
             WHERE ($1 IS NULL OR p.client_id = $1) AND ($2 IS NULL OR p.invoice_id = $2)
             ORDER BY p.promised_on DESC, p.id DESC"
        );
        let rows: Vec<PromiseRow> = on_pool!(self.pool(), pool => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(client_id).bind(invoice_id).fetch_all(pool).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows.into_iter().map(PromiseRow::into_record).collect())
    }

    /// Resolves every open promise that can be resolved on `today`, once:
    /// kept when payments dated on or before the promised day clear the
    /// invoice, or (entered since the promise) reach the promised amount;
    /// broken when the promised day has passed without that. A payment made
    /// later does not turn a broken promise into a kept one.
    /// Each resolution is a timeline entry. Returns (promise id, outcome).
    pub async fn resolve_promises(
        &self,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Vec<(i64, &'static str)>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        // A plain read first: on most reads of Today nothing is to resolve,
        // and the write lock (and a commit) would be taken for nothing.
        let any: bool = on_pool!(self.pool(), pool => {
            sqlx::query_scalar(PROMISE_TO_RESOLVE).bind(Day(today)).fetch_one(pool).await
        })
        .map_err(map)?;
        if !any {
            return Ok(Vec::new());
        }
        let mut tx = self.write_tx().await?;
        // The open promises locked on PostgreSQL until the commit (see the
        // module's note): a machine resolving at the same moment waits here,
        // then reads them again and skips those this one resolved.
        let sql = format!(
            "SELECT p.id, p.invoice_id, p.client_id, p.promised_on, p.amount_minor, p.currency, p.recorded_at,
                    i.total_minor, i.number
             FROM promises p JOIN invoices i ON i.id = p.invoice_id
             WHERE p.outcome IS NULL ORDER BY p.promised_on, p.id {}",
            self.engine().for_update_of("p")
        );
        let open: Vec<OpenPromise> =
            on_tx!(&mut tx, c => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(c).await).map_err(map)?;
        let mut out = Vec::new();
        for p in open {
            let OpenPromise {
                id,
                invoice_id,
                client_id,
                promised_on: Day(promised),
                amount_minor: amount,
                currency,
                recorded_at,
                total_minor: total,
                number,
            } = p;
            let PaidAround { paid_since, paid_by_day } = on_tx!(&mut tx, c => {
                sqlx::query_as(
                    "SELECT CAST(COALESCE(SUM(CASE WHEN created_at >= $3 THEN amount_minor ELSE 0 END), 0) AS BIGINT) AS paid_since,
                            CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS paid_by_day
                     FROM payments WHERE invoice_id = $1 AND paid_on <= $2",
                )
                .bind(invoice_id)
                .bind(Day(promised))
                .bind(recorded_at)
                .fetch_one(c)
                .await
            })
            .map_err(map)?;
            let outcome = if paid_by_day >= total || paid_since >= amount {
                "kept"
            } else if today > promised {
                "broken"
            } else {
                continue;
            };
            on_tx!(&mut tx, c => {
                sqlx::query("UPDATE promises SET outcome = $2, resolved_on = $3 WHERE id = $1")
                    .bind(id)
                    .bind(outcome)
                    .bind(Day(today))
                    .execute(c)
                    .await
                    .map(|_| ())
            })
            .map_err(map)?;
            let promised_on = date_str(promised);
            let (kind, summary) = if outcome == "kept" {
                (EventKind::PromiseKept, format!("Promise kept: invoice {number}, promised for {promised_on}"))
            } else {
                (EventKind::PromiseBroken, format!("Promise not kept: invoice {number}, promised for {promised_on}"))
            };
            let ev = NewEvent {
                client_id,
                invoice_id: Some(invoice_id),
                at: now,
                kind,
                summary: &summary,
                data: serde_json::json!({
                    "promise_id": id, "promised_on": promised_on, "amount_minor": amount, "currency": currency,
                    "paid_since_minor": paid_since,
                }),
            };
            append_on(&mut tx.conn(), &ev).await.map_err(map)?;
            out.push((id, outcome));
        }
        tx.commit().await.map_err(map)?;
        Ok(out)
    }

    /// Broken promises still to follow up politely: the invoice is still
    /// owing, not on hold (or its pause is over) and its client is chased.
    pub async fn broken_promises_due(
        &self,
        today: NaiveDate,
        client_id: Option<i64>,
    ) -> Result<Vec<BrokenPromiseDue>, StoreError> {
        let sql = format!(
            "SELECT {PROMISE_COLS}, c.display_name AS client_name, i.due_date, i.total_minor - i.paid_minor AS owing_minor
             FROM promises p JOIN invoices i ON i.id = p.invoice_id JOIN clients c ON c.id = p.client_id
             LEFT JOIN followups f ON f.invoice_id = p.invoice_id
             WHERE p.outcome = 'broken' AND p.followed_up_on IS NULL
               AND i.status = 'issued' AND i.paid_minor < i.total_minor
               AND (f.hold IS NULL OR (f.hold = 'paused' AND f.hold_until < $1))
               -- one contact per invoice per day: after another contact today, tomorrow
               AND (f.last_contact_on IS NULL OR f.last_contact_on < $1)
               AND (c.chasing = 'on' OR (c.chasing = 'paused' AND c.chasing_until < $1))
               AND ($2 IS NULL OR p.client_id = $2)
               -- only the latest broken promise of an invoice asks for a follow-up
               AND p.id = (SELECT MAX(q.id) FROM promises q WHERE q.invoice_id = p.invoice_id AND q.outcome = 'broken')
             ORDER BY p.promised_on, p.id"
        );
        let rows: Vec<BrokenPromiseRow> = on_pool!(self.pool(), pool => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(Day(today)).bind(client_id).fetch_all(pool).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| BrokenPromiseDue {
                promise: r.promise.into_record(),
                client_name: r.client_name,
                due_date: r.due_date.0,
                owing_minor: r.owing_minor,
            })
            .collect())
    }

    /// Records that the polite follow-up about a broken promise was done
    /// (once), with its timeline entry, and gives the client a week before
    /// the ladder's next step. Refused on a day the invoice already had a
    /// contact (`AlreadyContactedToday`). The promise's row is locked while it
    /// checks (PostgreSQL).
    pub async fn mark_promise_followed_up(
        &self,
        promise_id: i64,
        summary: &str,
        data: serde_json::Value,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let key = crate::EmailPurpose::PromiseFollowUp { promise_id }.stage_key().unwrap_or_default();
        crate::outbox::refuse_if_in_outbox_on(&mut c, None, &key, self.path()).await?;
        // The promise's row stays locked until commit: two machines following
        // it up by hand at once are checked one after the other (the second
        // finds it followed up: `AlreadyDone`).
        let sql = format!("SELECT invoice_id, followed_up_on FROM promises WHERE id = $1 {}", c.engine().for_update());
        let promise: Option<PromiseInvoice> = on_conn!(&mut c, c => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(promise_id).fetch_optional(c).await
        })
        .map_err(map)?;
        if let Some(PromiseInvoice { invoice_id, followed_up_on: None }) = promise {
            crate::followups::refuse_if_contacted_on(&mut c, &[invoice_id], today, self.path()).await?;
        }
        let f = PromiseFollowedUp { promise_id, summary, data };
        let (done, id) = record_promise_follow_up_on(&mut c, &f, today, now, false, self.path()).await?;
        if !done {
            return Err(StoreError::AlreadyDone);
        }
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    /// Appends one entry (a note, inbound contact, a correction) that may
    /// refer to an earlier entry of the same client. No lock: the entry it
    /// refers to can never change or go (the timeline is append-only).
    pub async fn append_entry(&self, e: &NewEvent<'_>, refers_to: Option<i64>) -> Result<i64, StoreError> {
        let map = |err| StoreError::classify(err, self.path());
        let mut tx = self.write_tx().await?;
        if let Some(r) = refers_to {
            let owner: Option<i64> = on_tx!(&mut tx, c => {
                sqlx::query_scalar("SELECT client_id FROM timeline WHERE id = $1").bind(r).fetch_optional(c).await
            })
            .map_err(map)?;
            if owner != Some(e.client_id) {
                return Err(StoreError::NotFound { entity: "timeline entry of this client", id: r });
            }
        }
        let id = insert_entry(&mut tx.conn(), e, refers_to).await.map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::instant_str;
    use chrono::TimeZone;

    /// Updates and deletes on the timeline and on promises are refused by the
    /// schema, whatever connection runs them, and classified as `AppendOnly`.
    #[tokio::test]
    async fn timeline_and_promises_refuse_rewrites_at_the_store_level() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("kindly.db")).await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
        let client: i64 = sqlx::query_scalar(
            "INSERT INTO clients (display_name, greeting_name, search_text, created_at) VALUES ('A', 'A', 'a', ?1) RETURNING id",
        )
        .bind(instant_str(now))
        .fetch_one(store.sqlite_pool())
        .await
        .unwrap();
        let ev = NewEvent {
            client_id: client,
            invoice_id: None,
            at: now,
            kind: EventKind::Note,
            summary: "first",
            data: serde_json::json!({ "text": "first" }),
        };
        let first = store.append_entry(&ev, None).await.unwrap();
        let fix = store
            .append_entry(&NewEvent { kind: EventKind::Correction, summary: "fix", ..ev.clone() }, Some(first))
            .await
            .unwrap();
        for sql in [
            "UPDATE timeline SET summary = 'changed'",
            "UPDATE timeline SET refers_to = NULL",
            "DELETE FROM timeline",
            "UPDATE promises SET outcome = 'kept'",
            "DELETE FROM promises",
        ] {
            // Promises: no rows yet, so the trigger does not fire; insert one first.
            if sql.contains("promises") {
                let n: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM promises").fetch_one(store.sqlite_pool()).await.unwrap();
                if n == 0 {
                    sqlx::query(
                        "INSERT INTO invoices (number, client_id, status, issue_date, due_date, currency, subtotal_minor, tax_minor, total_minor, created_at)
                         VALUES ('I-1', ?1, 'issued', '2026-11-01', '2026-11-15', 'EUR', 100, 0, 100, ?2)",
                    )
                    .bind(client)
                    .bind(instant_str(now))
                    .execute(store.sqlite_pool())
                    .await
                    .unwrap();
                    let p = NewPromise {
                        promised_on: "2026-11-30".parse().unwrap(),
                        amount_minor: 50,
                        currency: Currency::parse("EUR").unwrap(),
                        how: "call".into(),
                    };
                    store.add_promise(1, &p, "promise", now).await.unwrap();
                    // Its outcome is recorded once: the first resolution works, a second change does not.
                    sqlx::query("UPDATE promises SET outcome = 'broken', resolved_on = '2026-12-01'")
                        .execute(store.sqlite_pool())
                        .await
                        .unwrap();
                }
            }
            let err = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(store.sqlite_pool()).await.unwrap_err();
            assert_eq!(StoreError::classify(err, store.path()).code(), "append_only", "{sql}");
        }
        let e = store.timeline_entry(first).await.unwrap();
        assert_eq!((e.summary.as_str(), e.corrected_by.clone()), ("first", vec![fix]));
        assert_eq!(store.timeline_entry(fix).await.unwrap().refers_to, Some(first));
        // One read model: the client's timeline is the filtered one, corrections included.
        let filtered =
            store.timeline(&crate::TimelineFilter { client_id: Some(client), ..Default::default() }).await.unwrap();
        let all = store.client_timeline(client, 100).await.unwrap();
        assert_eq!(all, filtered);
        assert!(all.iter().any(|e| e.id == first && e.corrected_by == vec![fix]));
    }
}

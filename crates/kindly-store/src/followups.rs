//! Follow-up state: which ladder applies to whom, where each issued invoice
//! stands on it, the paged queue of what is due today, and the append-only
//! record of steps done (at most once per invoice and stage).
//!
//! One contact per invoice per day: every contact (a step, a plan reminder
//! or notice, a promise follow-up, a plan proposed, a call) is noted in its
//! own transaction with [`note_contact_on`], which sets `last_contact_on` and
//! `resume_on`; a trigger (migration 0009) keeps `next_action_on` on or after
//! `resume_on`, and a step by hand on a day that already had a contact is
//! refused (`already_contacted_today`).
//!
//! Ported to both engines (see `engine`). The helpers the modules not ported
//! yet call inside their SQLite transactions (`client_ladder`,
//! `note_contact`, `record_step`, …) are written once over a [`Conn`] (the
//! `_on` forms); the SQLite-named forms hand them their transaction. Locks
//! on PostgreSQL: one step per invoice and stage is the UNIQUE of
//! `followup_steps` (a racing second step waits for the first and clashes:
//! `AlreadyDone`); `note_contact` and `record_step` move `last_contact_on`,
//! `resume_on` and `last_done_offset` forward in one conditional UPDATE each
//! (no read-check-write); the one-contact-a-day check locks the invoice's
//! row (`refuse_if_contacted_on`, `Engine::for_update`) so two people
//! recording a contact by hand at once are refused one after the other.

use crate::engine::{on_conn, on_pool, Conn};
use crate::row::{Day, Instant, Text, Vocabulary};
use crate::timeline::{append_on, NewEvent};
use crate::util::parse_date;
use crate::{Page, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::locale::Locale;
use kindly_core::timeline::EventKind;
use kindly_core::Currency;
use kindly_followup::ladder::{Channel, Ladder, Stage};
use kindly_followup::payment_methods::PaymentMethods;
use kindly_followup::queue::{for_invoice, next_action_on, resume_on};
use kindly_followup::templates::Template;
use std::collections::HashMap;

/// One invoice whose next stage has come, with what is needed to act on it.
#[derive(Clone, Debug, PartialEq)]
pub struct DueRow {
    pub invoice_id: i64,
    pub number: String,
    pub client_id: i64,
    pub client_name: String,
    pub greeting_name: String,
    pub language: Locale,
    pub emails: Vec<String>,
    pub phone: Option<String>,
    pub address: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub total_minor: i64,
    pub paid_minor: i64,
    pub last_done_offset: Option<i64>,
    pub ladder_id: Option<i64>,
    /// True once a plan was proposed for the invoice: its ladder skips the offer.
    pub plan_proposed: bool,
}

/// A step that was done.
#[derive(Clone, Debug, PartialEq)]
pub struct StepRecord {
    pub invoice_id: i64,
    pub stage_key: String,
    pub channel: String,
    pub done_on: NaiveDate,
}

/// A step to record: which stage, how, and what the timeline should say.
#[derive(Clone, Debug)]
pub struct DoneStep<'a> {
    pub invoice_id: i64,
    pub stage: &'a Stage,
    pub channel: Channel,
    pub summary: &'a str,
    pub data: serde_json::Value,
    pub document_sha256: Option<&'a str>,
}

const DEFAULT_LADDER_KEY: &str = "default_ladder";
const PAYMENT_METHODS_KEY: &str = "payment_methods";

fn parse_ladder(json: Option<String>) -> Ladder {
    json.and_then(|j| serde_json::from_str::<Vec<Stage>>(&j).ok())
        .map(|stages| Ladder { stages })
        .and_then(|l| l.validated().ok())
        .unwrap_or_else(Ladder::default_ladder)
}

/// The ladder that applies to a client, read inside a transaction.
pub(crate) async fn client_ladder_on(c: &mut Conn<'_>, client_id: i64) -> Result<Ladder, sqlx::Error> {
    let json: Option<Option<String>> = on_conn!(c, c => {
        sqlx::query_scalar(
            "SELECT COALESCE((SELECT stages FROM ladders WHERE id = c.ladder_id), (SELECT value FROM settings WHERE key = 'default_ladder'))
             FROM clients c WHERE c.id = $1",
        )
        .bind(client_id)
        .fetch_optional(c)
        .await
    })?;
    Ok(parse_ladder(json.flatten()))
}

/// Puts a newly issued invoice on its client's ladder (same transaction as
/// the issue); an invoice already on it stays as it is.
pub(crate) async fn schedule(
    c: &mut Conn<'_>,
    invoice_id: i64,
    client_id: i64,
    due: NaiveDate,
) -> Result<(), sqlx::Error> {
    let ladder = client_ladder_on(c, client_id).await?;
    let next = next_action_on(&ladder, due, None).map(Day);
    on_conn!(c, c => {
        sqlx::query(
            "INSERT INTO followups (invoice_id, client_id, next_action_on) VALUES ($1, $2, $3)
             ON CONFLICT (invoice_id) DO NOTHING",
        )
        .bind(invoice_id)
        .bind(client_id)
        .bind(next)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// What `due_followups` and `due_followups_of` read.
enum DueSelection<'a> {
    Page { client_id: Option<i64>, offset: i64, limit: i64 },
    Invoices(&'a [i64]),
}

/// One due invoice with only what its stage today, Today's filters and its
/// group need (see [`Store::due_keys`]).
#[derive(Clone, Debug)]
pub struct DueKey {
    pub invoice_id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub language: Locale,
    pub has_email: bool,
    pub ladder_id: Option<i64>,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub owing_minor: i64,
    pub last_done_offset: Option<i64>,
    /// True once a plan was proposed for the invoice: its ladder skips the offer.
    pub plan_proposed: bool,
}

/// One due invoice in the JSON array of [`Store::due_keys`]: id, client,
/// client name, language, has an e-mail (0/1), ladder, due date, currency,
/// owing, last stage done, next action day.
type DueKeyJson = (i64, i64, String, String, i64, Option<i64>, String, String, i64, Option<i64>, String);

/// A vocabulary value read from JSON text, refused like a [`Text`] column.
fn vocabulary<T: Vocabulary>(s: &str) -> Result<T, StoreError> {
    T::from_text(s).ok_or_else(|| StoreError::Other(format!("unknown {} {s:?} in the database", T::WHAT)))
}

/// One due invoice as read (see [`Store::due_followups`]).
#[derive(sqlx_macros::FromRow)]
struct DueDbRow {
    invoice_id: i64,
    number: String,
    client_id: i64,
    client_name: String,
    greeting_name: String,
    language: Text<Locale>,
    emails: String,
    phone: Option<String>,
    address: String,
    issue_date: Day,
    due_date: Day,
    currency: Text<Currency>,
    total_minor: i64,
    paid_minor: i64,
    last_done_offset: Option<i64>,
    ladder_id: Option<i64>,
}

/// Where an invoice stands on its ladder: its due date and the last stage done.
#[derive(sqlx_macros::FromRow)]
struct Position {
    invoice_id: i64,
    due_date: Day,
    last_done_offset: Option<i64>,
}

#[derive(sqlx_macros::FromRow)]
struct LastContact {
    number: String,
    last_contact_on: Option<Day>,
}

#[derive(sqlx_macros::FromRow)]
struct LadderRow {
    id: i64,
    name: String,
    stages: String,
}

#[derive(sqlx_macros::FromRow)]
struct PaidRow {
    amount_minor: i64,
    paid_on: Day,
}

#[derive(sqlx_macros::FromRow)]
struct HoldRow {
    hold: Option<String>,
    hold_until: Option<Day>,
    hold_reason: String,
}

#[derive(sqlx_macros::FromRow)]
struct StepRow {
    invoice_id: i64,
    stage_key: String,
    channel: Text<Channel>,
    done_on: Day,
}

#[derive(sqlx_macros::FromRow)]
struct TemplateRow {
    subject: String,
    body: String,
}

#[derive(sqlx_macros::FromRow)]
struct InvoiceDue {
    client_id: i64,
    due_date: Day,
}

/// What the timeline holds for an invoice since its last ladder step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SinceLastStep {
    /// A reply (inbound e-mail, letter or call), a payment, a call logged, a
    /// promise or a plan agreed.
    pub heard: bool,
    /// The payments recorded since then: (amount in minor units, day paid).
    pub payments: Vec<(i64, NaiveDate)>,
}

/// The timeline kinds that mean the client was heard from.
const HEARD_KINDS: &str = "'payment_recorded', 'call_logged', 'inbound_contact', 'promise_recorded', 'plan_agreed'";

/// True once a plan (in any state) was proposed for the invoice.
pub(crate) async fn plan_proposed_on(c: &mut Conn<'_>, invoice_id: i64) -> Result<bool, sqlx::Error> {
    on_conn!(c, c => {
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM plan_invoices WHERE invoice_id = $1)")
            .bind(invoice_id)
            .fetch_one(c)
            .await
    })
}

/// The day an invoice's next step comes, from its ladder (without the offer
/// once a plan was proposed) and the last stage done.
pub(crate) async fn next_step_on_conn(
    c: &mut Conn<'_>,
    invoice_id: i64,
    ladder: &Ladder,
    due: NaiveDate,
    last_done_offset: Option<i64>,
) -> Result<Option<NaiveDate>, sqlx::Error> {
    let proposed = plan_proposed_on(c, invoice_id).await?;
    Ok(next_action_on(&for_invoice(ladder, proposed), due, last_done_offset))
}

/// Puts an unpaid issued invoice back on its ladder (a plan stopped being
/// active, a reversal re-opened it): the next step is recomputed from the
/// ladder and the last step done, so the queue catches up with the current
/// stage. Not before `resume_on`, and not while a plan is active (triggers).
/// On the connection of a transaction of either engine.
pub(crate) async fn resume_invoice_on(c: &mut Conn<'_>, ladder: &Ladder, invoice_id: i64) -> Result<(), sqlx::Error> {
    let row: Option<Position> = on_conn!(&mut *c, c => {
        sqlx::query_as(
            "SELECT f.invoice_id, i.due_date, f.last_done_offset FROM followups f JOIN invoices i ON i.id = f.invoice_id
             WHERE f.invoice_id = $1 AND i.status = 'issued' AND i.paid_minor < i.total_minor",
        )
        .bind(invoice_id)
        .fetch_optional(c)
        .await
    })?;
    let Some(Position { due_date: Day(due), last_done_offset: done, .. }) = row else { return Ok(()) };
    set_next_action(c, ladder, invoice_id, due, done).await
}

/// Sets an invoice's next step day from its ladder and the last stage done.
async fn set_next_action(
    c: &mut Conn<'_>,
    ladder: &Ladder,
    invoice_id: i64,
    due: NaiveDate,
    done: Option<i64>,
) -> Result<(), sqlx::Error> {
    let next = next_step_on_conn(c, invoice_id, ladder, due, done).await?;
    on_conn!(c, c => {
        sqlx::query("UPDATE followups SET next_action_on = $2 WHERE invoice_id = $1")
            .bind(invoice_id)
            .bind(next.map(Day))
            .execute(c)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// Notes a contact with the client about these invoices on `day`, inside the
/// transaction that records it: `last_contact_on` becomes `day` and the
/// ladder waits until `resume_on(day, after_notice)` (a week after a
/// broken-plan notice or a promise follow-up, else the next day). Both only
/// move forward; a trigger moves `next_action_on` along. One UPDATE per
/// invoice that only moves the days forward, so racing writers need no lock.
pub(crate) async fn note_contact_on(
    c: &mut Conn<'_>,
    invoice_ids: &[i64],
    day: NaiveDate,
    after_notice: bool,
) -> Result<(), sqlx::Error> {
    let e = c.engine();
    let sql = format!(
        "UPDATE followups SET last_contact_on = {}, resume_on = {} WHERE invoice_id = $1",
        e.greatest("COALESCE(last_contact_on, $2)", "$2"),
        e.greatest("COALESCE(resume_on, $3)", "$3")
    );
    for id in invoice_ids {
        on_conn!(&mut *c, c => {
            sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .bind(Day(day))
                .bind(Day(resume_on(day, after_notice)))
                .execute(c)
                .await
                .map(|_| ())
        })?;
    }
    Ok(())
}

/// Refuses a contact on a day an invoice already had one. On PostgreSQL the invoice's
/// row is locked until the transaction ends (`FOR UPDATE`), so a second
/// contact recorded at the same moment waits, then sees the first.
pub(crate) async fn refuse_if_contacted_on(
    c: &mut Conn<'_>,
    invoice_ids: &[i64],
    day: NaiveDate,
    path: &std::path::Path,
) -> Result<(), StoreError> {
    let sql = format!(
        "SELECT i.number, (SELECT f.last_contact_on FROM followups f WHERE f.invoice_id = i.id) AS last_contact_on
         FROM invoices i WHERE i.id = $1 {}",
        c.engine().for_update()
    );
    for id in invoice_ids {
        let row: Option<LastContact> = on_conn!(&mut *c, c => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await
        })
        .map_err(|e| StoreError::classify(e, path))?;
        if let Some(LastContact { number, last_contact_on: Some(Day(last)) }) = row {
            if last == day {
                return Err(StoreError::AlreadyContactedToday { number });
            }
        }
    }
    Ok(())
}

impl Store {
    /// The default ladder (the shipped one until the user edits it).
    pub async fn default_ladder(&self) -> Result<Ladder, StoreError> {
        Ok(parse_ladder(self.setting_json(DEFAULT_LADDER_KEY).await?))
    }

    /// Every client-specific ladder by id.
    pub async fn ladders(&self) -> Result<HashMap<i64, (String, Ladder)>, StoreError> {
        let rows: Vec<LadderRow> =
            on_pool!(self.pool(), p => sqlx::query_as("SELECT id, name, stages FROM ladders").fetch_all(p).await)
                .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows.into_iter().map(|r| (r.id, (r.name, parse_ladder(Some(r.stages))))).collect())
    }

    /// Saves the default ladder and reschedules every invoice that follows it,
    /// in one transaction.
    pub async fn save_default_ladder(&self, ladder: &Ladder) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let json = serde_json::to_string(&ladder.stages).map_err(|e| StoreError::Other(e.to_string()))?;
        let mut c = tx.conn();
        crate::settings::put_on(&mut c, DEFAULT_LADDER_KEY, &json).await.map_err(map)?;
        reschedule(&mut c, ladder, "c.ladder_id IS NULL AND $1 IS NULL", None).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// Gives one client its own ladder (or, with `None`, back to the default).
    pub async fn set_client_ladder(
        &self,
        client_id: i64,
        ladder: Option<(&str, &Ladder)>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let ladder_id: Option<i64> = match ladder {
            Some((name, l)) => {
                let json = serde_json::to_string(&l.stages).map_err(|e| StoreError::Other(e.to_string()))?;
                Some(
                    on_conn!(&mut c, c => {
                        sqlx::query_scalar(
                            "INSERT INTO ladders (name, stages, created_at) VALUES ($1, $2, $3)
                             ON CONFLICT (name) DO UPDATE SET stages = excluded.stages RETURNING id",
                        )
                        .bind(name)
                        .bind(&json)
                        .bind(Instant(now))
                        .fetch_one(c)
                        .await
                    })
                    .map_err(map)?,
                )
            }
            None => None,
        };
        let n = on_conn!(&mut c, c => {
            sqlx::query("UPDATE clients SET ladder_id = $2 WHERE id = $1")
                .bind(client_id)
                .bind(ladder_id)
                .execute(c)
                .await
                .map(|r| r.rows_affected())
        })
        .map_err(map)?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: "client", id: client_id });
        }
        let l = client_ladder_on(&mut c, client_id).await.map_err(map)?;
        reschedule(&mut c, &l, "c.id = $1", Some(client_id)).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// The invoices whose next stage has come by `today`, oldest first, one page.
    /// Excludes paid and cancelled invoices (no next action), clients whose
    /// chasing is off or paused through today, and invoices on hold.
    pub async fn due_followups(
        &self,
        today: NaiveDate,
        client_id: Option<i64>,
        offset: i64,
        limit: i64,
    ) -> Result<Page<DueRow>, StoreError> {
        self.due_rows(today, DueSelection::Page { client_id, offset, limit }).await
    }

    /// The due rows of these invoices (those that are due today), in the
    /// queue's order: a page of a filtered queue.
    pub async fn due_followups_of(&self, today: NaiveDate, invoice_ids: &[i64]) -> Result<Vec<DueRow>, StoreError> {
        Ok(self.due_rows(today, DueSelection::Invoices(invoice_ids)).await?.rows)
    }

    /// Every invoice whose next stage has come by `today`, in the order of
    /// [`Store::due_followups`], in one read of only what a stage, a filter
    /// and a group need: what Today's counts, filters, "Send all e-mails"
    /// and "Print today's letters" work from.
    pub async fn due_keys(&self, today: NaiveDate) -> Result<Vec<DueKey>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let filter = self.due_filter(today, false).await?;
        // One row holding every due invoice as a JSON array: sqlx hands rows
        // over one at a time (3 s for 190,000 rows), one text is parsed at once.
        let all_rows = self.engine().json_rows(
            "f.invoice_id, f.client_id, c.display_name, c.language,
             CASE WHEN c.emails <> '[]' THEN 1 ELSE 0 END, c.ladder_id, i.due_date, i.currency,
             i.total_minor - i.paid_minor, f.last_done_offset, f.next_action_on",
        );
        let sql = format!(
            "SELECT {all_rows}
             FROM followups f JOIN invoices i ON i.id = f.invoice_id JOIN clients c ON c.id = f.client_id
             WHERE {filter}"
        );
        let all: String = on_pool!(self.pool(), p => {
            sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .bind(Day(today))
                .bind(Option::<i64>::None)
                .fetch_one(p)
                .await
        })
        .map_err(map)?;
        let mut rows: Vec<DueKeyJson> = serde_json::from_str(&all)
            .map_err(|e| StoreError::Other(format!("could not read today's due invoices: {e}")))?;
        // The order of `Store::due_followups`.
        rows.sort_unstable_by(|a, b| (&a.10, a.0).cmp(&(&b.10, b.0)));
        let planned: std::collections::HashSet<i64> = on_pool!(self.pool(), p => {
            sqlx::query_scalar::<_, i64>("SELECT DISTINCT invoice_id FROM plan_invoices").fetch_all(p).await
        })
        .map_err(map)?
        .into_iter()
        .collect();
        rows.into_iter()
            .map(
                |(
                    invoice_id,
                    client_id,
                    client_name,
                    language,
                    has_email,
                    ladder_id,
                    due,
                    currency,
                    owing,
                    last,
                    _,
                )| {
                    Ok(DueKey {
                        invoice_id,
                        client_id,
                        client_name,
                        language: vocabulary(&language)?,
                        has_email: has_email != 0,
                        ladder_id,
                        due_date: parse_date(&due)?,
                        currency: vocabulary(&currency)?,
                        owing_minor: owing,
                        last_done_offset: last,
                        plan_proposed: planned.contains(&invoice_id),
                    })
                },
            )
            .collect()
    }

    /// The condition on `followups f` (binding `$1` = today, `$2` = a client
    /// or null) that makes an invoice due today.
    async fn due_filter(&self, today: NaiveDate, one_client: bool) -> Result<String, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        // Clients not being chased today are few, and so are invoices paused
        // by a promise; excluding them by small lists keeps the count on the
        // index alone. Excluded here, not after reading a page, so that the
        // count and the pages agree.
        // The promise check costs a lookup per due invoice (10 ms over 190,000);
        // most days no promise is open, and then it is left out.
        let promises_pause: bool = on_pool!(self.pool(), p => {
            sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM promises WHERE outcome IS NULL AND promised_on >= $1)
                     OR EXISTS (SELECT 1 FROM promises WHERE outcome = 'broken' AND followed_up_on IS NULL)",
            )
            .bind(Day(today))
            .fetch_one(p)
            .await
        })
        .map_err(map)?;
        let filter = format!(
            "{DUE_NOT_HELD} AND f.client_id NOT IN ({NOT_CHASED_CLIENTS})
             AND f.invoice_id NOT IN ({WAITING_FOR_BROKEN_NOTICE}) AND {}{}",
            if promises_pause { format!("f.invoice_id NOT IN ({PAUSED_BY_PROMISES}) AND ") } else { String::new() },
            if one_client { "f.client_id = $2" } else { "$2 IS NULL" }
        );
        Ok(filter)
    }

    /// How many invoices are due today (every client): the days until today
    /// of `followup_due_days` (kept by triggers, migrations 0027 / pg 0010:
    /// a few hundred rows instead of every due row's index entry) and the
    /// held invoices whose pause has ended (few, `followups_held`), less
    /// those of them that the exclusions of [`Store::due_filter`] take out.
    /// The exclusions are small sets (clients not being chased, invoices
    /// paused by a promise or waiting for a broken plan's notice), so they
    /// are counted by looking each of their invoices up. Same rows, same
    /// number (tested against counting the rows in `engines_invoices.rs`).
    async fn due_count(&self, today: NaiveDate) -> Result<i64, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let sql = format!(
            "SELECT CAST(COALESCE((SELECT SUM(n) FROM followup_due_days WHERE day <= $1), 0) AS BIGINT)
                  + (SELECT COUNT(*) FROM followups f WHERE f.hold = 'paused' AND f.hold_until < $1
                        AND f.next_action_on <= $1)
                  - (SELECT COUNT(*) FROM followups f WHERE {DUE_NOT_HELD} AND f.invoice_id IN (
                        SELECT i.id FROM invoices i WHERE i.client_id IN ({NOT_CHASED_CLIENTS})
                        UNION {WAITING_FOR_BROKEN_NOTICE} UNION {PAUSED_BY_PROMISES}))"
        );
        on_pool!(self.pool(), p => sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(Day(today)).fetch_one(p).await)
            .map_err(map)
    }

    async fn due_rows(&self, today: NaiveDate, selection: DueSelection<'_>) -> Result<Page<DueRow>, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let engine = self.engine();
        let (client_id, page, ids) = match selection {
            DueSelection::Page { client_id, offset, limit } => (client_id, Some((offset, limit)), None),
            DueSelection::Invoices(ids) => {
                (None, None, Some(serde_json::to_string(ids).map_err(|e| StoreError::Other(e.to_string()))?))
            }
        };
        let filter = self.due_filter(today, client_id.is_some()).await?;
        let count = async {
            match (page, client_id) {
                (Some(_), None) => self.due_count(today).await.map(Some),
                (Some(_), Some(_)) => on_pool!(self.pool(), p => {
                    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM followups f WHERE {filter}")))
                        .bind(Day(today))
                        .bind(client_id)
                        .fetch_one(p)
                        .await
                })
                .map(Some)
                .map_err(map),
                (None, _) => Ok(None),
            }
        };
        // Invoices named by id: all of them that are due (no limit: the
        // largest one, PostgreSQL refuses SQLite's -1).
        let (offset, limit) = page.map(|(o, l)| (o.max(0), l.clamp(1, 1000))).unwrap_or((0, i64::MAX));
        let named = if ids.is_some() {
            format!("f.invoice_id IN ({})", engine.json_int_values("$5"))
        } else {
            "$5 IS NULL".to_string()
        };
        let sql = format!(
            "SELECT i.id AS invoice_id, i.number, c.id AS client_id, c.display_name AS client_name, c.greeting_name,
                    c.language, c.emails, c.phone, c.address,
                    i.issue_date, i.due_date, i.currency, i.total_minor, i.paid_minor, f.last_done_offset, c.ladder_id
             FROM (SELECT * FROM followups f WHERE {filter} AND {named}
                   ORDER BY f.next_action_on, f.invoice_id LIMIT $3 OFFSET $4) f
             JOIN invoices i ON i.id = f.invoice_id JOIN clients c ON c.id = f.client_id
             ORDER BY f.next_action_on, f.invoice_id"
        );
        let page_rows = async {
            on_pool!(self.pool(), p => {
                sqlx::query_as::<_, DueDbRow>(sqlx::AssertSqlSafe(sql.as_str()))
                    .bind(Day(today))
                    .bind(client_id)
                    .bind(limit)
                    .bind(offset)
                    .bind(ids.as_deref())
                    .fetch_all(p)
                    .await
            })
            .map_err(map)
        };
        // The count and the page on two connections at once: on
        // PostgreSQL each is a round trip and a plan, and the count (its
        // exclusions looked up one by one) takes the longer.
        let (total, rows) = futures_util::future::try_join(count, page_rows).await?;
        let rows = rows
            .into_iter()
            .map(|r| DueRow {
                invoice_id: r.invoice_id,
                number: r.number,
                client_id: r.client_id,
                client_name: r.client_name,
                greeting_name: r.greeting_name,
                language: r.language.0,
                emails: serde_json::from_str(&r.emails).unwrap_or_default(),
                phone: r.phone,
                address: r.address,
                issue_date: r.issue_date.0,
                due_date: r.due_date.0,
                currency: r.currency.0,
                total_minor: r.total_minor,
                paid_minor: r.paid_minor,
                last_done_offset: r.last_done_offset,
                ladder_id: r.ladder_id,
                plan_proposed: false,
            })
            .collect::<Vec<DueRow>>();
        // Which of them had a plan proposed (their ladder skips the offer).
        // For every due row at once, all planned invoices (plans are few).
        let ids = serde_json::to_string(&rows.iter().map(|r| r.invoice_id).collect::<Vec<_>>())
            .map_err(|e| StoreError::Other(e.to_string()))?;
        let sql = format!(
            "SELECT DISTINCT invoice_id FROM plan_invoices WHERE invoice_id IN ({})",
            engine.json_int_values("$1")
        );
        let with_plan: std::collections::HashSet<i64> = on_pool!(self.pool(), p => {
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql)).bind(&ids).fetch_all(p).await
        })
        .map_err(map)?
        .into_iter()
        .collect();
        let mut rows = rows;
        for r in &mut rows {
            r.plan_proposed = with_plan.contains(&r.invoice_id);
        }
        Ok(Page { total: total.unwrap_or(rows.len() as i64), rows })
    }

    /// Records that a stage was done for an invoice (a letter printed, a call
    /// made, an e-mail sent), with its timeline entry, and moves the invoice
    /// to its next stage, all in one transaction. A second attempt for the
    /// same invoice and stage fails with `AlreadyDone` and changes nothing;
    /// so does a step on a day the client was already contacted about the
    /// invoice (`AlreadyContactedToday`).
    pub async fn mark_step_done(
        &self,
        step: &DoneStep<'_>,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        // On PostgreSQL the invoice's row is locked first: a step ticked at
        // the same moment on another machine waits here, then sees this one
        // (`AlreadyDone`, or `AlreadyContactedToday`), as on SQLite.
        let lock = format!("SELECT id FROM invoices WHERE id = $1 {}", c.engine().for_update());
        on_conn!(&mut c, c => {
            sqlx::query(sqlx::AssertSqlSafe(lock)).bind(step.invoice_id).execute(c).await.map(|_| ())
        })
        .map_err(map)?;
        crate::outbox::refuse_if_in_outbox_on(&mut c, Some(step.invoice_id), &step.stage.key, self.path()).await?;
        let done: Option<i64> = on_conn!(&mut c, c => {
            sqlx::query_scalar("SELECT id FROM followup_steps WHERE invoice_id = $1 AND stage_key = $2")
                .bind(step.invoice_id)
                .bind(&step.stage.key)
                .fetch_optional(c)
                .await
        })
        .map_err(map)?;
        if done.is_some() {
            return Err(StoreError::AlreadyDone);
        }
        refuse_if_contacted_on(&mut c, &[step.invoice_id], today, self.path()).await?;
        let (id, _) = record_step_on(self, &mut c, step, EventKind::FollowUpDone, today, now, false).await?;
        let id = id.ok_or(StoreError::AlreadyDone)?;
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    /// The client's own ladder id, or `None` when it follows the default.
    pub async fn client_ladder_id(&self, client_id: i64) -> Result<Option<i64>, StoreError> {
        let row: Option<Option<i64>> = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT ladder_id FROM clients WHERE id = $1").bind(client_id).fetch_optional(p).await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        row.ok_or(StoreError::NotFound { entity: "client", id: client_id })
    }

    /// The last day the client was contacted about an invoice.
    pub async fn last_contact_on(&self, invoice_id: i64) -> Result<Option<NaiveDate>, StoreError> {
        let row: Option<Option<Day>> = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT last_contact_on FROM followups WHERE invoice_id = $1")
                .bind(invoice_id)
                .fetch_optional(p)
                .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(row.flatten().map(|d| d.0))
    }

    /// True once a plan (in any state) was proposed for the invoice.
    pub async fn plan_proposed(&self, invoice_id: i64) -> Result<bool, StoreError> {
        on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM plan_invoices WHERE invoice_id = $1)")
                .bind(invoice_id)
                .fetch_one(p)
                .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))
    }

    /// What was heard from the client about an invoice since its last ladder
    /// step (or ever, before the first): a reply, a payment, a call, a
    /// promise, a plan agreed; and the payments recorded since then. Entries
    /// are ordered by the timeline's own order, so a payment recorded a
    /// second after a step counts as after it.
    pub async fn since_last_step(&self, invoice_id: i64) -> Result<SinceLastStep, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let engine = self.engine();
        let last: i64 = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT COALESCE(MAX(timeline_id), 0) FROM followup_steps WHERE invoice_id = $1")
                .bind(invoice_id)
                .fetch_one(p)
                .await
        })
        .map_err(map)?;
        // The invoice's entries, and those of a plan over several invoices it is in.
        let plan_id = engine.json_int_member("t.data", "plan_id");
        let heard_sql = format!(
            "SELECT EXISTS (SELECT 1 FROM timeline t WHERE t.id > $2 AND t.kind IN ({HEARD_KINDS})
                AND (t.invoice_id = $1 OR (t.invoice_id IS NULL
                    AND t.client_id = (SELECT client_id FROM invoices WHERE id = $1)
                    AND {plan_id} IN (SELECT plan_id FROM plan_invoices WHERE invoice_id = $1))))"
        );
        let heard: bool = on_pool!(self.pool(), p => {
            sqlx::query_scalar(sqlx::AssertSqlSafe(heard_sql)).bind(invoice_id).bind(last).fetch_one(p).await
        })
        .map_err(map)?;
        let payment_id = engine.json_int_member("t.data", "payment_id");
        let paid_sql = format!(
            "SELECT p.amount_minor, p.paid_on FROM payments p WHERE p.invoice_id = $1 AND p.id IN (
                SELECT {payment_id} FROM timeline t
                WHERE t.invoice_id = $1 AND t.kind = 'payment_recorded' AND t.id > $2)
             ORDER BY p.paid_on, p.id"
        );
        let rows: Vec<PaidRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(sqlx::AssertSqlSafe(paid_sql)).bind(invoice_id).bind(last).fetch_all(p).await
        })
        .map_err(map)?;
        let payments = rows.into_iter().map(|r| (r.amount_minor, r.paid_on.0)).collect();
        Ok(SinceLastStep { heard, payments })
    }

    /// The offset of the last stage done for an invoice.
    pub async fn last_done_offset(&self, invoice_id: i64) -> Result<Option<i64>, StoreError> {
        let row: Option<Option<i64>> = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT last_done_offset FROM followups WHERE invoice_id = $1")
                .bind(invoice_id)
                .fetch_optional(p)
                .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(row.flatten())
    }

    /// An invoice's hold, if any: ("disputed" | "paused", until, reason).
    pub async fn invoice_hold(
        &self,
        invoice_id: i64,
    ) -> Result<Option<(String, Option<NaiveDate>, String)>, StoreError> {
        let row: Option<HoldRow> = on_pool!(self.pool(), p => {
            sqlx::query_as("SELECT hold, hold_until, hold_reason FROM followups WHERE invoice_id = $1")
                .bind(invoice_id)
                .fetch_optional(p)
                .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        match row {
            Some(HoldRow { hold: Some(h), hold_until, hold_reason }) => {
                Ok(Some((h, hold_until.map(|d| d.0), hold_reason)))
            }
            _ => Ok(None),
        }
    }

    /// The steps done for an invoice, oldest first.
    pub async fn steps(&self, invoice_id: i64) -> Result<Vec<StepRecord>, StoreError> {
        let rows: Vec<StepRow> = on_pool!(self.pool(), p => {
            sqlx::query_as(
                "SELECT invoice_id, stage_key, channel, done_on FROM followup_steps WHERE invoice_id = $1 ORDER BY id",
            )
            .bind(invoice_id)
            .fetch_all(p)
            .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(rows
            .into_iter()
            .map(|r| StepRecord {
                invoice_id: r.invoice_id,
                stage_key: r.stage_key,
                channel: r.channel.0.as_str().to_string(),
                done_on: r.done_on.0,
            })
            .collect())
    }

    /// Puts one invoice on hold (a dispute, or paused until a date) or takes it off hold.
    pub async fn set_invoice_hold(
        &self,
        invoice_id: i64,
        hold: Option<(&str, Option<NaiveDate>)>,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let client_id: Option<i64> = on_conn!(&mut c, c => {
            sqlx::query_scalar("SELECT client_id FROM followups WHERE invoice_id = $1")
                .bind(invoice_id)
                .fetch_optional(c)
                .await
        })
        .map_err(map)?;
        let client_id = client_id.ok_or(StoreError::NotFound { entity: "issued invoice", id: invoice_id })?;
        let (kind, until) = hold.map(|(k, u)| (Some(k), u)).unwrap_or((None, None));
        on_conn!(&mut c, c => {
            sqlx::query("UPDATE followups SET hold = $2, hold_until = $3, hold_reason = $4 WHERE invoice_id = $1")
                .bind(invoice_id)
                .bind(kind)
                .bind(until.map(Day))
                .bind(reason)
                .execute(c)
                .await
                .map(|_| ())
        })
        .map_err(map)?;
        let until = until.map(crate::util::date_str);
        let summary = match (kind, &until) {
            (Some("disputed"), _) => "Follow-ups paused: invoice disputed".to_string(),
            (Some(_), Some(u)) => format!("Follow-ups paused until {u}"),
            (Some(_), None) => "Follow-ups paused".to_string(),
            (None, _) => "Follow-ups resumed".to_string(),
        };
        let ev = NewEvent {
            client_id,
            invoice_id: Some(invoice_id),
            at: now,
            kind: EventKind::ChasingChanged,
            summary: &summary,
            data: serde_json::json!({ "hold": kind, "until": until, "reason": reason }),
        };
        append_on(&mut c, &ev).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// A template the user saved, if any.
    pub async fn template(&self, stage_key: &str, lang: Locale) -> Result<Option<Template>, StoreError> {
        let row: Option<TemplateRow> = on_pool!(self.pool(), p => {
            sqlx::query_as("SELECT subject, body FROM templates WHERE stage_key = $1 AND language = $2")
                .bind(stage_key)
                .bind(lang.code())
                .fetch_optional(p)
                .await
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(row.map(|r| Template { subject: r.subject, body: r.body }))
    }

    /// Saves a (validated) template; `None` restores the shipped wording.
    pub async fn save_template(
        &self,
        stage_key: &str,
        lang: Locale,
        t: Option<&Template>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self.pool(), p => match t {
            Some(t) => sqlx::query(
                "INSERT INTO templates (stage_key, language, subject, body, updated_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (stage_key, language) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at",
            )
            .bind(stage_key)
            .bind(lang.code())
            .bind(&t.subject)
            .bind(&t.body)
            .bind(Instant(now))
            .execute(p)
            .await
            .map(|_| ()),
            None => sqlx::query("DELETE FROM templates WHERE stage_key = $1 AND language = $2")
                .bind(stage_key)
                .bind(lang.code())
                .execute(p)
                .await
                .map(|_| ()),
        })
        .map_err(|e| StoreError::classify(e, self.path()))?;
        Ok(())
    }

    pub async fn payment_methods(&self) -> Result<PaymentMethods, StoreError> {
        let json = self.setting_json(PAYMENT_METHODS_KEY).await?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default())
    }

    pub async fn save_payment_methods(&self, pm: &PaymentMethods) -> Result<(), StoreError> {
        let json = serde_json::to_string(pm).map_err(|e| StoreError::Other(e.to_string()))?;
        self.save_setting_json(PAYMENT_METHODS_KEY, &json).await
    }
}

/// Records a stage as done on the connection of a transaction of either
/// engine: its timeline entry (of `kind`), the step (unique per invoice and
/// stage) and the invoice's next stage day. Returns (the step's id, the
/// timeline entry's id). With `ignore_if_done`, a stage already done is left
/// as it is and the step id is `None` (the timeline entry is still written:
/// an e-mail the server accepted, a letter printed, is a fact).
pub(crate) async fn record_step_on(
    store: &Store,
    c: &mut Conn<'_>,
    step: &DoneStep<'_>,
    kind: EventKind,
    today: NaiveDate,
    now: DateTime<Utc>,
    ignore_if_done: bool,
) -> Result<(Option<i64>, i64), StoreError> {
    let map = |e| StoreError::classify(e, store.path());
    let engine = c.engine();
    let row: Option<InvoiceDue> = on_conn!(&mut *c, c => {
        sqlx::query_as("SELECT client_id, due_date FROM invoices WHERE id = $1")
            .bind(step.invoice_id)
            .fetch_optional(c)
            .await
    })
    .map_err(map)?;
    let InvoiceDue { client_id, due_date: Day(due) } =
        row.ok_or(StoreError::NotFound { entity: "invoice", id: step.invoice_id })?;
    let ev = NewEvent {
        client_id,
        invoice_id: Some(step.invoice_id),
        at: now,
        kind,
        summary: step.summary,
        data: step.data.clone(),
    };
    let timeline_id = append_on(c, &ev).await.map_err(map)?;
    let sql = if ignore_if_done {
        "INSERT INTO followup_steps (invoice_id, stage_key, stage_offset, channel, done_on, at, timeline_id, document_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (invoice_id, stage_key) DO NOTHING RETURNING id"
    } else {
        "INSERT INTO followup_steps (invoice_id, stage_key, stage_offset, channel, done_on, at, timeline_id, document_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"
    };
    let id: Option<i64> = on_conn!(&mut *c, c => {
        sqlx::query_scalar(sql)
            .bind(step.invoice_id)
            .bind(&step.stage.key)
            .bind(step.stage.offset_days)
            .bind(step.channel.as_str())
            .bind(Day(today))
            .bind(Instant(now))
            .bind(timeline_id)
            .bind(step.document_sha256)
            .fetch_optional(c)
            .await
    })
    .map_err(map)?;
    // A contact even when the stage was already recorded: an e-mail the server accepted reached the client.
    note_contact_on(c, &[step.invoice_id], today, false).await.map_err(map)?;
    let ladder = client_ladder_on(c, client_id).await.map_err(map)?;
    let next = next_step_on_conn(c, step.invoice_id, &ladder, due, Some(step.stage.offset_days)).await.map_err(map)?;
    // Never moves an invoice back: a stage confirmed late (e.g. an e-mail
    // that may have been sent) does not undo a later stage already done.
    // One conditional UPDATE: PostgreSQL re-checks its WHERE on the locked
    // row, so racing writers need no read-check-write.
    let sql = format!(
        "UPDATE followups SET last_done_offset = {},
                next_action_on = CASE WHEN next_action_on IS NULL THEN NULL ELSE $3 END
         WHERE invoice_id = $1 AND COALESCE(last_done_offset, $2 - 1) < $2",
        engine.greatest("COALESCE(last_done_offset, $2)", "$2")
    );
    on_conn!(&mut *c, c => {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(step.invoice_id)
            .bind(step.stage.offset_days)
            .bind(next.map(Day))
            .execute(c)
            .await
            .map(|_| ())
    })
    .map_err(map)?;
    Ok((id, timeline_id))
}

/// Recomputes next_action_on for the unpaid issued invoices of the clients
/// matching `client_filter` (`$1` = `client_id`), after their ladder changed.
async fn reschedule(
    c: &mut Conn<'_>,
    ladder: &Ladder,
    client_filter: &'static str,
    client_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    let sql = format!(
        "SELECT f.invoice_id, i.due_date, f.last_done_offset FROM followups f
         JOIN invoices i ON i.id = f.invoice_id JOIN clients c ON c.id = f.client_id
         WHERE i.status = 'issued' AND i.paid_minor < i.total_minor AND {client_filter}"
    );
    let rows: Vec<Position> = on_conn!(&mut *c, c => {
        sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(client_id).fetch_all(c).await
    })?;
    for Position { invoice_id: id, due_date: Day(due), last_done_offset: done } in rows {
        set_next_action(c, ladder, id, due, done).await?;
    }
    Ok(())
}

// What makes an invoice due today, and the small sets that keep a due
// invoice off the queue: one definition for the queue's rows
// (`Store::due_filter`) and its count (`Store::due_count`), so they agree.
// $1 is today.

/// Its next step has come and it is not on hold (a pause ends after its day).
/// The comparison already leaves out a NULL day: written with `IS NOT NULL`
/// as well, PostgreSQL took the two as independent, expected a quarter of
/// the due rows and sorted all 193,000 for a page (82 ms) instead of reading
/// `followups_due` in order (9 ms). SQLite still picks that partial index
/// (a comparison on its column implies the index's `IS NOT NULL`).
const DUE_NOT_HELD: &str = "f.next_action_on <= $1
    AND (f.hold IS NULL OR (f.hold = 'paused' AND f.hold_until < $1))";

/// Clients not being chased today (off, or paused through today).
const NOT_CHASED_CLIENTS: &str =
    "SELECT id FROM clients WHERE chasing <> 'on' AND (chasing = 'off' OR chasing_until >= $1)";

/// Invoices of a broken plan whose notice is not sent yet: the notice is the
/// invoice's contact, and its ladder waits for it (then resumes a week
/// after it, see `note_contact`).
const WAITING_FOR_BROKEN_NOTICE: &str = "SELECT pi.invoice_id FROM plans p
    JOIN plan_invoices pi ON pi.plan_id = p.id
    WHERE p.state = 'broken' AND NOT EXISTS (SELECT 1 FROM plan_reminders r
        WHERE r.plan_id = p.id AND r.kind = 'broken_notice')";

/// Invoices paused by a promise: an open one pauses its ladder until the
/// promised day; a broken one waits for its own follow-up (the latest
/// broken promise of the invoice).
const PAUSED_BY_PROMISES: &str = "SELECT p.invoice_id FROM promises p WHERE
    (p.outcome IS NULL AND p.promised_on >= $1)
    OR (p.outcome = 'broken' AND p.followed_up_on IS NULL
        AND p.id = (SELECT MAX(q.id) FROM promises q WHERE q.invoice_id = p.invoice_id AND q.outcome = 'broken'))";

//! Installment plans: creating one over a client's invoices, the lifecycle
//! (proposed → active → completed | broken → renegotiated | cancelled), the
//! daily refresh that records "completed" and "broken" once, the pause of
//! the invoices' own ladder while a plan is active, and the append-only
//! record of installment reminders. Every transition writes its timeline
//! entry in the same transaction.
//!
//! Ported to both engines (see `engine`); the record of a reminder given
//! (`record_plan_reminder_on`) is shared with the outbox. Locks on PostgreSQL, each a read-check-write that
//! another machine could interleave: proposing a plan reads its invoices
//! `FOR UPDATE` (in id order) before it checks that none is in an open
//! plan, so two plans on one invoice are made one after the other and the
//! second is refused (`PlanExists`); accepting, cancelling, renegotiating
//! and the daily refresh (completed, broken, cancelled with its invoice)
//! read the plan's row `FOR UPDATE` before they check its state, so a plan
//! is agreed, cancelled or broken once, with one timeline entry.

use crate::engine::{on_conn, Conn};
use crate::followups::{client_ladder_on, next_step_on_conn, note_contact_on, resume_invoice_on};
use crate::row::{Day, Instant, Text};
use crate::timeline::{append_on, NewEvent};
use crate::util::date_str;
use crate::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use kindly_core::invoice::InvoiceStatus;
use kindly_core::locale::Locale;
use kindly_core::timeline::EventKind;
use kindly_core::vocab::{AgreedHow, PlanState};
use kindly_core::ErrorCode;
use kindly_core::{Currency, Money};
use kindly_followup::plan::progress::{check_grace_days, standing, ReminderKind, ReminderRule, Standing};
use kindly_followup::plan::schedule::Frequency;
use kindly_followup::plan::schedule::{validate, Installment};
use sqlx::AssertSqlSafe;
use std::collections::HashMap;

/// Plan states (the `PlanState` vocabulary), by their short names.
pub mod state {
    use kindly_core::vocab::PlanState;
    pub const PROPOSED: PlanState = PlanState::Proposed;
    pub const ACTIVE: PlanState = PlanState::Active;
    pub const COMPLETED: PlanState = PlanState::Completed;
    pub const BROKEN: PlanState = PlanState::Broken;
    pub const RENEGOTIATED: PlanState = PlanState::Renegotiated;
    pub const CANCELLED: PlanState = PlanState::Cancelled;
}

/// How the client agreed to a plan.
pub const AGREED_HOW: [&str; 4] = ["call", "email", "letter", "in_person"];

/// One plan with its invoices, schedule, what was paid on it and the reminders done.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRecord {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub state: PlanState,
    pub currency: Currency,
    pub total_minor: i64,
    /// What settled its invoices when it was made: credits and payments.
    pub paid_at_start_minor: i64,
    /// What credit notes had credited on its invoices when it was made.
    pub credited_at_start_minor: i64,
    pub grace_days: i64,
    /// When its installment reminders come.
    pub reminder_rule: ReminderRule,
    pub frequency: Frequency,
    pub created_on: NaiveDate,
    pub created_at: DateTime<Utc>,
    pub agreed_on: Option<NaiveDate>,
    pub agreed_how: Option<AgreedHow>,
    pub ended_on: Option<NaiveDate>,
    pub replaces_plan_id: Option<i64>,
    pub note: String,
    /// (invoice id, number) in due-date order.
    pub invoices: Vec<(i64, String)>,
    pub installments: Vec<Installment>,
    /// The invoices' paid_minor summed now.
    pub paid_now_minor: i64,
    /// The invoices' payments less reversals and refunds, summed now.
    pub received_now_minor: i64,
    /// The invoices' credit notes summed now.
    pub credited_now_minor: i64,
    pub reminders_done: Vec<(u32, ReminderKind)>,
    /// True when one of the plan's invoices was cancelled (the plan is then cancelled too).
    pub invoice_cancelled: bool,
}

impl PlanRecord {
    /// The plan's money (see [`PlanMoney`]).
    pub fn money(&self) -> PlanMoney<'_> {
        PlanMoney {
            total_minor: self.total_minor,
            paid_at_start_minor: self.paid_at_start_minor,
            credited_at_start_minor: self.credited_at_start_minor,
            received_now_minor: self.received_now_minor,
            credited_now_minor: self.credited_now_minor,
            grace_days: self.grace_days,
            installments: &self.installments,
        }
    }

    /// See [`PlanMoney::paid_minor`].
    pub fn paid_minor(&self) -> i64 {
        self.money().paid_minor()
    }

    /// See [`PlanMoney::credited_minor`].
    pub fn credited_minor(&self) -> i64 {
        self.money().credited_minor()
    }

    /// See [`PlanMoney::remaining_minor`].
    pub fn remaining_minor(&self) -> i64 {
        self.money().remaining_minor()
    }

    /// See [`PlanMoney::due_installments`].
    pub fn due_installments(&self) -> Vec<Installment> {
        self.money().due_installments()
    }

    pub fn total(&self) -> Money {
        Money::new(self.total_minor, self.currency)
    }

    pub fn standing(&self, today: NaiveDate) -> Standing {
        self.money().standing(today)
    }

    pub fn invoice_numbers(&self) -> Vec<String> {
        self.invoices.iter().map(|(_, n)| n.clone()).collect()
    }

    /// Open plans block new plans on their invoices.
    pub fn is_open(&self) -> bool {
        matches!(self.state, state::PROPOSED | state::ACTIVE | state::BROKEN)
    }
}

/// The money side of a plan, the one place its figures are derived from
/// what was agreed and what came in on its invoices (for a whole
/// [`PlanRecord`] and for the overview's [`ExpectedPlan`]).
#[derive(Clone, Copy, Debug)]
pub struct PlanMoney<'a> {
    pub total_minor: i64,
    pub paid_at_start_minor: i64,
    pub credited_at_start_minor: i64,
    /// The invoices' payments less reversals and refunds, summed now.
    pub received_now_minor: i64,
    /// The invoices' credit notes summed now.
    pub credited_now_minor: i64,
    pub grace_days: i64,
    /// The agreed schedule.
    pub installments: &'a [Installment],
}

impl PlanMoney<'_> {
    /// What was paid on the plan's invoices since it was made: money
    /// received (payments less reversals and refunds), never credits.
    ///
    /// The rule: a plan is the client's promise to *pay*; a credit note is
    /// the user's decision that less is owed. So the paid figure counts
    /// payments only, and a credit note issued since the plan was made
    /// reduces what the plan covers, from its last installment backwards
    /// ([`PlanMoney::due_installments`]): the next installments stay due
    /// as agreed, the plan just ends sooner (or at once when the credit
    /// covers everything left). Then paid + credited + what remains is the
    /// plan's total.
    pub fn paid_minor(&self) -> i64 {
        // When it was made the invoices owed, so nothing was capped:
        // settled then = credited then + received then.
        let received_then = self.paid_at_start_minor - self.credited_at_start_minor;
        (self.received_now_minor - received_then).max(0)
    }

    /// What credit notes issued since the plan was made took off it.
    pub fn credited_minor(&self) -> i64 {
        (self.credited_now_minor - self.credited_at_start_minor).clamp(0, self.total_minor)
    }

    /// What is left to pay on the plan: total − paid − credited, never below zero.
    pub fn remaining_minor(&self) -> i64 {
        (self.total_minor - self.paid_minor() - self.credited_minor()).max(0)
    }

    /// The installments as the plan still covers them: the agreed schedule
    /// less [`PlanMoney::credited_minor`], taken from the last installment
    /// backwards (an installment fully credited is 0).
    pub fn due_installments(&self) -> Vec<Installment> {
        let mut left = self.credited_minor();
        let mut out = self.installments.to_vec();
        for i in out.iter_mut().rev() {
            let cut = left.min(i.amount_minor);
            i.amount_minor -= cut;
            left -= cut;
        }
        out
    }

    pub fn standing(&self, today: NaiveDate) -> Standing {
        standing(&self.due_installments(), self.paid_minor(), today, self.grace_days)
    }
}

/// An active plan as the overview's expected cash-in reads it: its money
/// and nothing else (no client, invoices or reminders).
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectedPlan {
    pub id: i64,
    pub currency: Currency,
    pub total_minor: i64,
    pub paid_at_start_minor: i64,
    pub credited_at_start_minor: i64,
    pub received_now_minor: i64,
    pub credited_now_minor: i64,
    pub grace_days: i64,
    pub installments: Vec<Installment>,
}

impl ExpectedPlan {
    pub fn money(&self) -> PlanMoney<'_> {
        PlanMoney {
            total_minor: self.total_minor,
            paid_at_start_minor: self.paid_at_start_minor,
            credited_at_start_minor: self.credited_at_start_minor,
            received_now_minor: self.received_now_minor,
            credited_now_minor: self.credited_now_minor,
            grace_days: self.grace_days,
            installments: &self.installments,
        }
    }
}

/// Every active plan's money as one JSON text, and their installments as
/// another: a row through sqlx costs about 6 µs, and the active plans with
/// their invoices and installments were some 4,700 rows at a million
/// invoices (about half of the overview's first read). The received figure
/// is the invoices' payments less what went back, as
/// [`PlanRecord::received_now_minor`]. Two flat arrays (`Engine::json_rows`)
/// rather than one nested: a JSON value crosses a subquery as JSON on
/// neither engine alike.
fn expected_plans_sql(e: crate::Engine) -> (String, String) {
    let plans = format!(
        "SELECT {} FROM (
            SELECT p.id, p.currency, p.total_minor, p.paid_at_start_minor, p.credited_at_start_minor, p.grace_days,
                CAST((SELECT COALESCE(SUM((SELECT COALESCE(SUM(y.amount_minor), 0) FROM payments y WHERE y.invoice_id = i.id)
                                     - i.returned_minor), 0)
                      FROM plan_invoices pi JOIN invoices i ON i.id = pi.invoice_id WHERE pi.plan_id = p.id) AS BIGINT) AS received,
                CAST((SELECT COALESCE(SUM(i.credited_minor), 0)
                      FROM plan_invoices pi JOIN invoices i ON i.id = pi.invoice_id WHERE pi.plan_id = p.id) AS BIGINT) AS credited
            FROM plans p WHERE p.state = 'active' ORDER BY p.id) AS a",
        e.json_rows("a.id, a.currency, a.total_minor, a.paid_at_start_minor, a.credited_at_start_minor, a.grace_days, a.received, a.credited")
    );
    let installments = format!(
        "SELECT {} FROM plan_installments s WHERE s.plan_id IN (SELECT id FROM plans WHERE state = 'active')",
        e.json_rows("s.plan_id, s.seq, s.due_on, s.amount_minor")
    );
    (plans, installments)
}

/// One element of the active plans' array (see [`expected_plans_sql`]).
type ExpectedRow = (i64, String, i64, i64, i64, i64, i64, i64);

/// One element of their installments' array: plan, seq, due day, amount.
type ExpectedInstallment = (i64, i64, String, i64);

/// A plan to create. The installments must already be a valid schedule
/// over what the invoices still owe (checked again here, in the transaction).
#[derive(Clone, Debug)]
pub struct NewPlan<'a> {
    pub client_id: i64,
    pub invoice_ids: &'a [i64],
    pub installments: &'a [Installment],
    pub grace_days: i64,
    pub reminder_rule: ReminderRule,
    pub frequency: &'a str,
    pub note: &'a str,
}

fn refuse(code: ErrorCode, message: impl Into<String>) -> StoreError {
    StoreError::Plan { code, message: message.into() }
}

#[derive(sqlx_macros::FromRow)]
struct PlanRow {
    id: i64,
    client_id: i64,
    client_name: String,
    state: Text<PlanState>,
    currency: Text<Currency>,
    total_minor: i64,
    paid_at_start_minor: i64,
    credited_at_start_minor: i64,
    grace_days: i64,
    heads_up_days: i64,
    reminder_days: i64,
    frequency: Text<Frequency>,
    created_on: Day,
    created_at: Instant,
    agreed_on: Option<Day>,
    agreed_how: Option<Text<AgreedHow>>,
    ended_on: Option<Day>,
    replaces_plan_id: Option<i64>,
    note: String,
}

// Aliased one by one: SQLite does not promise a result column's name without AS.
const PLAN_COLUMNS: &str = "p.id AS id, p.client_id AS client_id, c.display_name AS client_name, p.state AS state,
    p.currency AS currency, p.total_minor AS total_minor, p.paid_at_start_minor AS paid_at_start_minor,
    p.credited_at_start_minor AS credited_at_start_minor, p.grace_days AS grace_days, p.heads_up_days AS heads_up_days, p.reminder_days AS reminder_days,
    p.frequency AS frequency, p.created_on AS created_on, p.created_at AS created_at, p.agreed_on AS agreed_on,
    p.agreed_how AS agreed_how, p.ended_on AS ended_on, p.replaces_plan_id AS replaces_plan_id, p.note AS note";

/// One plan, read on the connection of a transaction of either engine.
/// With `lock`, its row stays locked on PostgreSQL until the transaction
/// ends (`FOR UPDATE OF p`: the plan, not its client), for a change that
/// checks its state first. Errors are classified against `path` (none: a
/// plain message, as inside the outbox's transaction).
async fn load_on(
    c: &mut Conn<'_>,
    id: i64,
    lock: bool,
    path: Option<&std::path::Path>,
) -> Result<PlanRecord, StoreError> {
    let map = |e: sqlx::Error| match path {
        Some(path) => StoreError::classify(e, path),
        None => other(e),
    };
    let lock = if lock { c.engine().for_update_of("p") } else { String::new() };
    let sql = format!("SELECT {PLAN_COLUMNS} FROM plans p JOIN clients c ON c.id = p.client_id WHERE p.id = $1 {lock}");
    let row: Option<PlanRow> = on_conn!(&mut *c, c => {
        sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(c).await
    })
    .map_err(map)?;
    let row = row.ok_or(StoreError::NotFound { entity: "plan", id })?;
    let (invoices, inst, reminders) = children(c, "$1", Some(row.id)).await.map_err(map)?;
    assemble(row, &invoices, &inst, &reminders)
}

fn other(e: sqlx::Error) -> StoreError {
    // Mapped to a path-aware error by the caller's `map` where it matters;
    // here only reads inside an open transaction.
    StoreError::Other(e.to_string())
}

/// One invoice of a plan.
#[derive(sqlx_macros::FromRow)]
struct InvoiceRow {
    plan_id: i64,
    invoice_id: i64,
    number: String,
    paid_minor: i64,
    credited_minor: i64,
    /// Payments less reversals and refunds.
    received_minor: i64,
    status: Text<InvoiceStatus>,
}

/// One installment of a plan.
#[derive(sqlx_macros::FromRow)]
struct InstallmentRow {
    plan_id: i64,
    seq: i64,
    due_on: Day,
    amount_minor: i64,
}

/// One reminder given for a plan.
#[derive(sqlx_macros::FromRow)]
struct ReminderRow {
    plan_id: i64,
    seq: i64,
    kind: Text<ReminderKind>,
}

/// An invoice to put in a plan, as checked.
#[derive(sqlx_macros::FromRow)]
struct CandidateInvoice {
    client_id: i64,
    status: Text<InvoiceStatus>,
    currency: Text<Currency>,
    total_minor: i64,
    paid_minor: i64,
    credited_minor: i64,
    number: String,
}

/// Where an invoice of a new plan stands on its ladder.
#[derive(sqlx_macros::FromRow)]
struct LadderRow {
    due_date: Day,
    last_done_offset: Option<i64>,
}

/// The invoices, installments and reminders of plans.
type Children = (Vec<InvoiceRow>, Vec<InstallmentRow>, Vec<ReminderRow>);

/// The invoices, installments and reminders of the plans selected by
/// `plan_ids` (an SQL subquery with at most one `$1`): three queries
/// whatever the number of plans.
async fn children(c: &mut Conn<'_>, plan_ids: &str, arg: Option<i64>) -> Result<Children, sqlx::Error> {
    let invoices = format!(
        "SELECT pi.plan_id, i.id AS invoice_id, i.number, i.paid_minor, i.credited_minor,
                CAST(COALESCE((SELECT SUM(p.amount_minor) FROM payments p WHERE p.invoice_id = i.id), 0) - i.returned_minor AS BIGINT) AS received_minor,
                i.status
         FROM plan_invoices pi JOIN invoices i ON i.id = pi.invoice_id
         WHERE pi.plan_id IN ({plan_ids}) ORDER BY pi.plan_id, i.due_date, i.id"
    );
    let invoices: Vec<InvoiceRow> = on_conn!(&mut *c, c => {
        sqlx::query_as(AssertSqlSafe(invoices)).bind(arg).fetch_all(c).await
    })?;
    let inst = format!(
        "SELECT plan_id, seq, due_on, amount_minor FROM plan_installments WHERE plan_id IN ({plan_ids}) ORDER BY plan_id, seq"
    );
    let inst: Vec<InstallmentRow> = on_conn!(&mut *c, c => {
        sqlx::query_as(AssertSqlSafe(inst)).bind(arg).fetch_all(c).await
    })?;
    let reminders = format!("SELECT plan_id, seq, kind FROM plan_reminders WHERE plan_id IN ({plan_ids}) ORDER BY id");
    let reminders: Vec<ReminderRow> = on_conn!(&mut *c, c => {
        sqlx::query_as(AssertSqlSafe(reminders)).bind(arg).fetch_all(c).await
    })?;
    Ok((invoices, inst, reminders))
}

/// Builds a record from its row and its children (rows of other plans are skipped).
fn assemble(
    r: PlanRow,
    invoices: &[InvoiceRow],
    inst: &[InstallmentRow],
    reminders: &[ReminderRow],
) -> Result<PlanRecord, StoreError> {
    let id = r.id;
    let invoices: Vec<&InvoiceRow> = invoices.iter().filter(|i| i.plan_id == id).collect();
    Ok(PlanRecord {
        id,
        client_id: r.client_id,
        client_name: r.client_name,
        state: r.state.0,
        currency: r.currency.0,
        total_minor: r.total_minor,
        paid_at_start_minor: r.paid_at_start_minor,
        credited_at_start_minor: r.credited_at_start_minor,
        grace_days: r.grace_days,
        reminder_rule: ReminderRule::new(r.heads_up_days, r.reminder_days)
            .map_err(|e| StoreError::Other(format!("plan #{id}: {e}")))?,
        frequency: r.frequency.0,
        created_on: r.created_on.0,
        created_at: r.created_at.0,
        agreed_on: r.agreed_on.map(|d| d.0),
        agreed_how: r.agreed_how.map(|h| h.0),
        ended_on: r.ended_on.map(|d| d.0),
        replaces_plan_id: r.replaces_plan_id,
        note: r.note,
        paid_now_minor: invoices.iter().map(|i| i.paid_minor).sum(),
        received_now_minor: invoices.iter().map(|i| i.received_minor).sum(),
        credited_now_minor: invoices.iter().map(|i| i.credited_minor).sum(),
        invoice_cancelled: invoices.iter().any(|i| i.status.0 == InvoiceStatus::Cancelled),
        invoices: invoices.iter().map(|i| (i.invoice_id, i.number.clone())).collect(),
        installments: inst
            .iter()
            .filter(|i| i.plan_id == id)
            .map(|i| Installment { seq: i.seq as u32, due_on: i.due_on.0, amount_minor: i.amount_minor })
            .collect(),
        reminders_done: reminders.iter().filter(|r| r.plan_id == id).map(|r| (r.seq as u32, r.kind.0)).collect(),
    })
}

/// Appends a plan event: on the invoice when the plan covers one, else on the client.
async fn event_on(
    c: &mut Conn<'_>,
    p: &PlanRecord,
    kind: EventKind,
    summary: &str,
    mut data: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    if let Some(obj) = data.as_object_mut() {
        obj.insert("plan_id".into(), p.id.into());
        obj.insert("invoices".into(), p.invoice_numbers().into());
    }
    let invoice_id = match p.invoices.as_slice() {
        [(id, _)] => Some(*id),
        _ => None,
    };
    append_on(c, &NewEvent { client_id: p.client_id, invoice_id, at: now, kind, summary, data }).await
}

/// A plan reminder (or broken-plan notice) that was given.
pub(crate) struct PlanReminderDone<'a> {
    pub plan_id: i64,
    pub seq: u32,
    pub kind: ReminderKind,
    pub channel: &'a str,
    pub summary: &'a str,
    pub data: serde_json::Value,
}

/// Records a plan reminder given, on either engine (by hand, or by the
/// outbox once it is sent). It reads only what the record needs
/// (the plan's client and invoices, whether the reminder is done). On
/// PostgreSQL the plan's row is read `FOR UPDATE`: two recordings of one
/// reminder take turns, and the second sees it done (the `UNIQUE (plan_id,
/// seq, kind)` of `plan_reminders` stays the last word).
pub(crate) async fn record_plan_reminder_on(
    c: &mut crate::engine::Conn<'_>,
    r: &PlanReminderDone<'_>,
    today: NaiveDate,
    now: DateTime<Utc>,
    ignore_if_done: bool,
    path: &std::path::Path,
) -> Result<(Option<i64>, i64), StoreError> {
    use crate::engine::on_conn;
    let map = |e| StoreError::classify(e, path);
    let sql = format!("SELECT client_id FROM plans WHERE id = $1 {}", c.engine().for_update());
    let client_id: Option<i64> = on_conn!(&mut *c, c => {
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(r.plan_id).fetch_optional(c).await
    })
    .map_err(map)?;
    let client_id = client_id.ok_or(StoreError::NotFound { entity: "plan", id: r.plan_id })?;
    // In the plan's order (as `children` reads them).
    let invoices: Vec<(i64, String)> = on_conn!(&mut *c, c => {
        sqlx::query_as(
            "SELECT i.id, i.number FROM plan_invoices pi JOIN invoices i ON i.id = pi.invoice_id
             WHERE pi.plan_id = $1 ORDER BY i.due_date, i.id",
        )
        .bind(r.plan_id)
        .fetch_all(c)
        .await
    })
    .map_err(map)?;
    let done: Option<i64> = on_conn!(&mut *c, c => {
        sqlx::query_scalar("SELECT id FROM plan_reminders WHERE plan_id = $1 AND seq = $2 AND kind = $3")
            .bind(r.plan_id)
            .bind(i64::from(r.seq))
            .bind(r.kind.as_str())
            .fetch_optional(c)
            .await
    })
    .map_err(map)?;
    let done = done.is_some();
    if done && !ignore_if_done {
        return Err(StoreError::AlreadyDone);
    }
    // The entry `event` writes: on the invoice when the plan covers one, else on the client.
    let mut data = r.data.clone();
    if let Some(obj) = data.as_object_mut() {
        obj.insert("plan_id".into(), r.plan_id.into());
        obj.insert("invoices".into(), invoices.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>().into());
    }
    let invoice_id = match invoices.as_slice() {
        [(id, _)] => Some(*id),
        _ => None,
    };
    let ev =
        NewEvent { client_id, invoice_id, at: now, kind: EventKind::InstallmentReminder, summary: r.summary, data };
    let timeline_id = crate::timeline::append_on(c, &ev).await.map_err(map)?;
    // The day's contact for each invoice of the plan; after a broken-plan
    // notice their ladder waits a week (kindly_followup::queue::resume_on).
    let ids: Vec<i64> = invoices.iter().map(|(id, _)| *id).collect();
    crate::followups::note_contact_on(c, &ids, today, r.kind == ReminderKind::BrokenNotice).await.map_err(map)?;
    if done {
        return Ok((None, timeline_id));
    }
    let id: i64 = on_conn!(&mut *c, c => {
        sqlx::query_scalar(
            "INSERT INTO plan_reminders (plan_id, seq, kind, channel, done_on, at, timeline_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(r.plan_id)
        .bind(i64::from(r.seq))
        .bind(r.kind.as_str())
        .bind(r.channel)
        .bind(crate::row::Day(today))
        .bind(crate::row::Instant(now))
        .bind(timeline_id)
        .fetch_one(c)
        .await
    })
    .map_err(map)?;
    Ok((Some(id), timeline_id))
}

fn plan_label(p: &PlanRecord) -> String {
    format!("payment plan #{} ({})", p.id, p.invoice_numbers().join(", "))
}

async fn set_state(
    c: &mut Conn<'_>,
    id: i64,
    new_state: PlanState,
    ended_on: Option<NaiveDate>,
) -> Result<(), sqlx::Error> {
    on_conn!(c, c => {
        sqlx::query("UPDATE plans SET state = $2, ended_on = COALESCE($3, ended_on) WHERE id = $1")
            .bind(id)
            .bind(new_state.as_str())
            .bind(ended_on.map(Day))
            .execute(c)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// Puts the plan's unpaid invoices back on their ladder (after the plan
/// stopped being active): the next step is recomputed from the ladder and
/// the last step done, so the queue catches up with the current stage.
async fn resume_ladder(c: &mut Conn<'_>, p: &PlanRecord) -> Result<(), sqlx::Error> {
    let ladder = client_ladder_on(c, p.client_id).await?;
    for (invoice_id, _) in &p.invoices {
        resume_invoice_on(c, &ladder, *invoice_id).await?;
    }
    Ok(())
}

async fn pause_ladder(c: &mut Conn<'_>, plan_id: i64) -> Result<(), sqlx::Error> {
    on_conn!(c, c => {
        sqlx::query(
            "UPDATE followups SET next_action_on = NULL
             WHERE invoice_id IN (SELECT invoice_id FROM plan_invoices WHERE plan_id = $1)",
        )
        .bind(plan_id)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

impl Store {
    fn plan_err(&self, e: sqlx::Error) -> StoreError {
        StoreError::classify(e, self.path())
    }

    /// Creates a proposed plan over `invoice_ids` (one client, one currency,
    /// each still owing something and in no other open plan). With
    /// `replaces`, the old plan becomes "renegotiated" in the same
    /// transaction and the new one covers its invoices' balance.
    pub async fn create_plan(
        &self,
        new: &NewPlan<'_>,
        replaces: Option<i64>,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let map = |e| self.plan_err(e);
        if new.invoice_ids.is_empty() {
            return Err(refuse(ErrorCode::Required, "choose at least one invoice for the plan"));
        }
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let engine = c.engine();
        let old = match replaces {
            Some(id) => {
                // Locked: the plan must still be open when it is renegotiated (see the module's note).
                let old = load_on(&mut c, id, true, Some(self.path())).await?;
                if !old.is_open() {
                    return Err(refuse(
                        ErrorCode::PlanState,
                        format!("{} has ended and cannot be renegotiated", plan_label(&old)),
                    ));
                }
                Some(old)
            }
            None => None,
        };
        // Locked in id order (two proposals over the same invoices cannot
        // deadlock): the check below that no open plan covers them holds
        // until this plan is committed (see the module's note).
        let mut locked: Vec<i64> = new.invoice_ids.to_vec();
        locked.sort_unstable();
        locked.dedup();
        let lock = format!("SELECT id FROM invoices WHERE id = $1 {}", engine.for_update());
        for id in &locked {
            on_conn!(&mut c, c => {
                sqlx::query_scalar::<_, i64>(AssertSqlSafe(lock.as_str())).bind(id).fetch_optional(c).await
            })
            .map_err(map)?;
        }
        let mut currency: Option<Currency> = None;
        let (mut owing_total, mut paid_total, mut credited_total) = (0i64, 0i64, 0i64);
        let mut owing_each = Vec::new();
        for id in new.invoice_ids {
            let row: Option<CandidateInvoice> = on_conn!(&mut c, c => {
                sqlx::query_as(
                    "SELECT client_id, status, currency, total_minor, paid_minor, credited_minor, number FROM invoices WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(c)
                .await
            })
            .map_err(map)?;
            let CandidateInvoice {
                client_id,
                status,
                currency: Text(cur),
                total_minor: total,
                paid_minor: paid,
                credited_minor: credited,
                number,
            } = row.ok_or(StoreError::NotFound { entity: "invoice", id: *id })?;
            if client_id != new.client_id {
                return Err(refuse(ErrorCode::MixedClients, "a plan can only cover invoices of one client"));
            }
            if status.0 != InvoiceStatus::Issued || paid >= total {
                return Err(refuse(ErrorCode::NothingOwing, format!("invoice {number} has nothing left to pay")));
            }
            if currency.as_ref().is_some_and(|c| *c != cur) {
                return Err(refuse(ErrorCode::MixedCurrencies, "a plan can only cover invoices in one currency"));
            }
            let open: Option<i64> = on_conn!(&mut c, c => {
                sqlx::query_scalar(
                    "SELECT p.id FROM plan_invoices pi JOIN plans p ON p.id = pi.plan_id
                     WHERE pi.invoice_id = $1 AND p.state IN ('proposed', 'active', 'broken') AND ($2 IS NULL OR p.id <> $2)",
                )
                .bind(id)
                .bind(replaces)
                .fetch_optional(c)
                .await
            })
            .map_err(map)?;
            if let Some(p) = open {
                return Err(refuse(
                    ErrorCode::PlanExists,
                    format!("invoice {number} is already in payment plan #{p}; renegotiate or cancel that plan first"),
                ));
            }
            currency = Some(cur);
            owing_total += total - paid;
            paid_total += paid;
            credited_total += credited;
            owing_each.push((*id, total - paid));
        }
        let cur = currency.ok_or_else(|| refuse(ErrorCode::Required, "choose at least one invoice for the plan"))?;
        let code = cur.code();
        // The balance may have changed since the schedule was previewed (a payment came in).
        validate(Money::new(owing_total, cur), new.installments).map_err(|e| refuse(e.code(), e.to_string()))?;
        check_grace_days(new.grace_days).map_err(|e| refuse(e.code(), e.to_string()))?;
        let rule = new.reminder_rule;
        let id: i64 = on_conn!(&mut c, c => {
            sqlx::query_scalar(
                "INSERT INTO plans (client_id, state, currency, total_minor, paid_at_start_minor, grace_days,
                                    heads_up_days, reminder_days, frequency, created_on, created_at, replaces_plan_id, note,
                                    credited_at_start_minor)
                 VALUES ($1, 'proposed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(new.client_id)
            .bind(code)
            .bind(owing_total)
            .bind(paid_total)
            .bind(new.grace_days)
            .bind(i64::from(rule.heads_up_days()))
            .bind(i64::from(rule.reminder_days()))
            .bind(new.frequency)
            .bind(Day(today))
            .bind(Instant(now))
            .bind(replaces)
            .bind(new.note)
            .bind(credited_total)
            .fetch_one(c)
            .await
        })
        .map_err(map)?;
        for (invoice_id, owing) in &owing_each {
            on_conn!(&mut c, c => {
                sqlx::query("INSERT INTO plan_invoices (plan_id, invoice_id, owing_at_start_minor) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(invoice_id)
                    .bind(owing)
                    .execute(c)
                    .await
                    .map(|_| ())
            })
            .map_err(map)?;
        }
        for i in new.installments {
            on_conn!(&mut c, c => {
                sqlx::query("INSERT INTO plan_installments (plan_id, seq, due_on, amount_minor) VALUES ($1, $2, $3, $4)")
                    .bind(id)
                    .bind(i64::from(i.seq))
                    .bind(Day(i.due_on))
                    .bind(i.amount_minor)
                    .execute(c)
                    .await
                    .map(|_| ())
            })
            .map_err(map)?;
        }
        // Proposing is the day's contact; and the ladder's offer stage is
        // skipped from now on (the offer was made), so the next step moves on.
        note_contact_on(&mut c, new.invoice_ids, today, false).await.map_err(map)?;
        let ladder = client_ladder_on(&mut c, new.client_id).await.map_err(map)?;
        // Only later, never earlier (a promise's pause stays), and only when not paused or finished.
        let later = format!(
            "UPDATE followups SET next_action_on = CASE WHEN $2 IS NULL THEN NULL ELSE {} END
             WHERE invoice_id = $1 AND next_action_on IS NOT NULL",
            engine.greatest("next_action_on", "$2")
        );
        for invoice_id in new.invoice_ids {
            let row: Option<LadderRow> = on_conn!(&mut c, c => {
                sqlx::query_as(
                    "SELECT i.due_date, f.last_done_offset FROM followups f JOIN invoices i ON i.id = f.invoice_id
                     WHERE f.invoice_id = $1",
                )
                .bind(invoice_id)
                .fetch_optional(c)
                .await
            })
            .map_err(map)?;
            let Some(LadderRow { due_date: Day(due), last_done_offset: done }) = row else { continue };
            let next = next_step_on_conn(&mut c, *invoice_id, &ladder, due, done).await.map_err(map)?;
            on_conn!(&mut c, c => {
                sqlx::query(AssertSqlSafe(later.as_str())).bind(invoice_id).bind(next.map(Day)).execute(c).await.map(|_| ())
            })
            .map_err(map)?;
        }
        if let Some(old) = &old {
            set_state(&mut c, old.id, state::RENEGOTIATED, Some(today)).await.map_err(map)?;
            let summary = format!("{} renegotiated: replaced by payment plan #{id}", capital(&plan_label(old)));
            let data = serde_json::json!({ "replaced_by": id, "from_state": old.state });
            event_on(&mut c, old, EventKind::PlanRenegotiated, &summary, data, now).await.map_err(map)?;
            // The old plan's invoices are back on their ladder until the new one is agreed.
            resume_ladder(&mut c, old).await.map_err(map)?;
        }
        let plan = load_on(&mut c, id, false, Some(self.path())).await?;
        let total = plan.total().format(Locale::En);
        let summary = format!(
            "Payment plan #{id} proposed: {total} in {} for {}",
            installments(plan.installments.len()),
            plan.invoice_numbers().join(", ")
        );
        let data = serde_json::json!({
            "total": plan.total().plain(),
            "currency": code,
            "frequency": new.frequency,
            "grace_days": new.grace_days,
            "heads_up_days": rule.heads_up_days(),
            "reminder_days": rule.reminder_days(),
            "replaces": replaces,
            "installments": plan.installments.iter().map(|i| serde_json::json!({
                "seq": i.seq, "due_on": date_str(i.due_on), "amount": Money::new(i.amount_minor, cur).plain(),
            })).collect::<Vec<_>>(),
        });
        event_on(&mut c, &plan, EventKind::PlanProposed, &summary, data, now).await.map_err(map)?;
        tx.commit().await.map_err(map)?;
        Ok(id)
    }

    /// The client agreed: the plan becomes active and its invoices' ladder pauses.
    pub async fn accept_plan(
        &self,
        id: i64,
        agreed_on: NaiveDate,
        how: &str,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| self.plan_err(e);
        if !AGREED_HOW.contains(&how) {
            return Err(refuse(
                ErrorCode::InvalidAgreedHow,
                "choose how the client agreed: call, e-mail, letter or in person",
            ));
        }
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        // Locked: it must still be proposed when it becomes active (see the module's note).
        let p = load_on(&mut c, id, true, Some(self.path())).await?;
        if p.state != state::PROPOSED {
            return Err(refuse(
                ErrorCode::PlanState,
                format!(
                    "{} is {}, not proposed; only a proposed plan can be accepted",
                    capital(&plan_label(&p)),
                    p.state
                ),
            ));
        }
        if agreed_on < p.created_on {
            return Err(refuse(
                ErrorCode::AgreedBeforeProposed,
                format!("the plan was proposed on {}; the agreement cannot be earlier", date_str(p.created_on)),
            ));
        }
        on_conn!(&mut c, c => {
            sqlx::query("UPDATE plans SET state = 'active', agreed_on = $2, agreed_how = $3 WHERE id = $1")
                .bind(id)
                .bind(Day(agreed_on))
                .bind(how)
                .execute(c)
                .await
                .map(|_| ())
        })
        .map_err(map)?;
        pause_ladder(&mut c, id).await.map_err(map)?;
        let summary = format!(
            "{} agreed on {} ({}); the invoice reminders are paused while it is on track",
            capital(&plan_label(&p)),
            date_str(agreed_on),
            how.replace('_', " ")
        );
        let data = serde_json::json!({ "agreed_on": date_str(agreed_on), "how": how, "note": note });
        event_on(&mut c, &p, EventKind::PlanAgreed, &summary, data, now).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// Cancels an open plan; its invoices go back on their ladder.
    pub async fn cancel_plan(
        &self,
        id: i64,
        reason: &str,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let map = |e| self.plan_err(e);
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        // Locked: it must still be open when it is cancelled (see the module's note).
        let p = load_on(&mut c, id, true, Some(self.path())).await?;
        if !p.is_open() {
            return Err(refuse(
                ErrorCode::PlanState,
                format!("{} has already ended ({})", capital(&plan_label(&p)), p.state),
            ));
        }
        set_state(&mut c, id, state::CANCELLED, Some(today)).await.map_err(map)?;
        resume_ladder(&mut c, &p).await.map_err(map)?;
        let summary = format!("{} cancelled; the invoice reminders resume", capital(&plan_label(&p)));
        let data = serde_json::json!({ "reason": reason, "from_state": p.state });
        event_on(&mut c, &p, EventKind::PlanCancelled, &summary, data, now).await.map_err(map)?;
        tx.commit().await.map_err(map)
    }

    /// Records, once, the plans that completed or broke by `today`, and
    /// cancels open plans whose invoice was cancelled (idempotent: a second
    /// call changes nothing). A broken plan's invoices go back on their
    /// ladder. Returns (plan id, new state) of each change.
    pub async fn refresh_plans(&self, today: NaiveDate, now: DateTime<Utc>) -> Result<Vec<(i64, String)>, StoreError> {
        let map = |e| self.plan_err(e);
        // A plain read first: on most days nothing changes, and the queue
        // should not take the write lock for nothing.
        let open = self.plans_where("p.state IN ('proposed', 'active', 'broken') AND $1 IS NULL", None).await?;
        let mut candidates: Vec<i64> = open.iter().filter(|p| transition(p, today).is_some()).map(|p| p.id).collect();
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
        // In id order: two machines refreshing lock the same plans in the same order.
        candidates.sort_unstable();
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let mut changes = Vec::new();
        for id in candidates {
            // Re-read, locked (see the module's note): another window or
            // machine may have moved it; if so it waits here, then sees that.
            let p = load_on(&mut c, id, true, Some(self.path())).await?;
            match transition(&p, today) {
                Some(Transition::InvoiceCancelled) => {
                    set_state(&mut c, id, state::CANCELLED, Some(today)).await.map_err(map)?;
                    resume_ladder(&mut c, &p).await.map_err(map)?;
                    let summary =
                        format!("{} cancelled because an invoice in it was cancelled", capital(&plan_label(&p)));
                    let data = serde_json::json!({ "reason": "invoice cancelled", "from_state": p.state });
                    event_on(&mut c, &p, EventKind::PlanCancelled, &summary, data, now).await.map_err(map)?;
                    changes.push((id, state::CANCELLED.to_string()));
                }
                Some(Transition::Completed) => {
                    set_state(&mut c, id, state::COMPLETED, Some(today)).await.map_err(map)?;
                    let summary = format!(
                        "{} completed: {} paid, {} in all",
                        capital(&plan_label(&p)),
                        match p.installments.len() {
                            1 => "its installment".to_string(),
                            n => format!("all {n} installments"),
                        },
                        p.total().format(Locale::En)
                    );
                    event_on(&mut c, &p, EventKind::PlanCompleted, &summary, serde_json::json!({}), now)
                        .await
                        .map_err(map)?;
                    changes.push((id, state::COMPLETED.to_string()));
                }
                Some(Transition::Broken { seq, days }) => {
                    set_state(&mut c, id, state::BROKEN, Some(today)).await.map_err(map)?;
                    resume_ladder(&mut c, &p).await.map_err(map)?;
                    let summary = format!(
                        "{} broken: installment {seq} is {days} days late (grace period {} days); the invoice reminders resume",
                        capital(&plan_label(&p)),
                        p.grace_days
                    );
                    let data = serde_json::json!({ "installment": seq, "days_late": days });
                    event_on(&mut c, &p, EventKind::PlanBroken, &summary, data, now).await.map_err(map)?;
                    changes.push((id, state::BROKEN.to_string()));
                }
                None => {}
            }
        }
        tx.commit().await.map_err(map)?;
        Ok(changes)
    }

    /// Records that an installment reminder (or the broken-plan notice, seq
    /// 0) was sent, with its timeline entry. Each is recorded at most once:
    /// a second attempt fails with `AlreadyDone` and changes nothing; so does
    /// one on a day a plan invoice already had a contact (`AlreadyContactedToday`).
    /// The plan's row is locked while it checks (PostgreSQL), and the
    /// `plan_reminders` UNIQUE is the last word on a racing second one.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_plan_reminder(
        &self,
        plan_id: i64,
        seq: u32,
        kind: ReminderKind,
        channel: &str,
        summary: &str,
        data: serde_json::Value,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let map = |e| self.plan_err(e);
        let mut tx = self.write_tx().await?;
        let mut c = tx.conn();
        let key = crate::EmailPurpose::PlanReminder { plan_id, seq, kind }.stage_key().unwrap_or_default();
        crate::outbox::refuse_if_in_outbox_on(&mut c, None, &key, self.path()).await?;
        // The plan's row stays locked until commit: a reminder recorded by
        // hand on two machines at once is checked one after the other.
        let p = load_on(&mut c, plan_id, true, Some(self.path())).await?;
        if p.reminders_done.contains(&(seq, kind)) {
            return Err(StoreError::AlreadyDone);
        }
        let ids: Vec<i64> = p.invoices.iter().map(|(id, _)| *id).collect();
        crate::followups::refuse_if_contacted_on(&mut c, &ids, today, self.path()).await?;
        let r = PlanReminderDone { plan_id, seq, kind, channel, summary, data };
        let (id, _) = record_plan_reminder_on(&mut c, &r, today, now, false, self.path()).await?;
        tx.commit().await.map_err(map)?;
        id.ok_or(StoreError::AlreadyDone)
    }

    /// One plan.
    pub async fn plan(&self, id: i64) -> Result<PlanRecord, StoreError> {
        let mut tx = self.read_tx().await?;
        let p = load_on(&mut tx.conn(), id, false, Some(self.path())).await;
        tx.finish().await.map_err(|e| self.plan_err(e))?;
        p
    }

    /// Plans matching a filter (`$1` its argument), newest first.
    async fn plans_where(&self, filter: &'static str, arg: Option<i64>) -> Result<Vec<PlanRecord>, StoreError> {
        let map = |e| self.plan_err(e);
        // One read transaction, so the plans and their payments are one snapshot.
        let mut tx = self.read_tx().await?;
        let mut c = tx.conn();
        let sql = format!(
            "SELECT {PLAN_COLUMNS} FROM plans p JOIN clients c ON c.id = p.client_id WHERE {filter} ORDER BY p.id DESC"
        );
        let rows: Vec<PlanRow> = on_conn!(&mut c, c => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(arg).fetch_all(c).await
        })
        .map_err(map)?;
        let ids = format!("SELECT p.id FROM plans p WHERE {filter}");
        let (mut invoices, mut inst, mut reminders) = children(&mut c, &ids, arg).await.map_err(map)?;
        tx.finish().await.map_err(map)?;
        let mut by_plan: HashMap<i64, Children> = HashMap::new();
        for i in invoices.drain(..) {
            by_plan.entry(i.plan_id).or_default().0.push(i);
        }
        for i in inst.drain(..) {
            by_plan.entry(i.plan_id).or_default().1.push(i);
        }
        for r in reminders.drain(..) {
            by_plan.entry(r.plan_id).or_default().2.push(r);
        }
        rows.into_iter()
            .map(|r| {
                let (a, b, c) = by_plan.remove(&r.id).unwrap_or_default();
                assemble(r, &a, &b, &c)
            })
            .collect()
    }

    pub async fn client_plans(&self, client_id: i64) -> Result<Vec<PlanRecord>, StoreError> {
        self.plans_where("p.client_id = $1", Some(client_id)).await
    }

    pub async fn invoice_plans(&self, invoice_id: i64) -> Result<Vec<PlanRecord>, StoreError> {
        self.plans_where("p.id IN (SELECT plan_id FROM plan_invoices WHERE invoice_id = $1)", Some(invoice_id)).await
    }

    /// Active plans (whose installments the overview expects).
    pub async fn active_plans(&self) -> Result<Vec<PlanRecord>, StoreError> {
        self.plans_where("p.state = 'active' AND $1 IS NULL", None).await
    }

    /// Every active plan's money, for the overview's expected cash-in
    /// (the same figures as [`Store::active_plans`], read in two rows).
    pub async fn expected_plans(&self) -> Result<Vec<ExpectedPlan>, StoreError> {
        let map = |e| self.plan_err(e);
        let (plans, installments) = expected_plans_sql(self.engine());
        // One snapshot: the plans and their installments agree.
        let mut tx = self.read_tx().await?;
        let mut c = tx.conn();
        let plans: String = on_conn!(&mut c, c => {
            sqlx::query_scalar(AssertSqlSafe(plans)).fetch_one(c).await
        })
        .map_err(map)?;
        let installments: String = on_conn!(&mut c, c => {
            sqlx::query_scalar(AssertSqlSafe(installments)).fetch_one(c).await
        })
        .map_err(map)?;
        tx.finish().await.map_err(map)?;
        let bad = |e: serde_json::Error| StoreError::Other(format!("the active plans could not be read: {e}"));
        let rows: Vec<ExpectedRow> = serde_json::from_str(&plans).map_err(bad)?;
        let inst: Vec<ExpectedInstallment> = serde_json::from_str(&installments).map_err(bad)?;
        let mut by_plan: HashMap<i64, Vec<Installment>> = HashMap::new();
        for (plan_id, seq, due_on, amount_minor) in inst {
            let due_on = crate::util::parse_date(&due_on)?;
            by_plan.entry(plan_id).or_default().push(Installment { seq: seq as u32, due_on, amount_minor });
        }
        rows.into_iter()
            .map(|(id, currency, total, paid_then, credited_then, grace_days, received, credited)| {
                let mut installments = by_plan.remove(&id).unwrap_or_default();
                installments.sort_by_key(|i| i.seq);
                Ok(ExpectedPlan {
                    id,
                    currency: Currency::parse(&currency)
                        .map_err(|e| StoreError::Other(format!("plan #{id}: currency {currency:?}: {e}")))?,
                    total_minor: total,
                    paid_at_start_minor: paid_then,
                    credited_at_start_minor: credited_then,
                    received_now_minor: received,
                    credited_now_minor: credited,
                    grace_days,
                    installments,
                })
            })
            .collect()
    }

    /// Active and broken plans (what the daily queue looks at).
    pub async fn running_plans(&self) -> Result<Vec<PlanRecord>, StoreError> {
        self.plans_where("p.state IN ('active', 'broken') AND $1 IS NULL", None).await
    }
}

/// What [`Store::refresh_plans`] records for a plan on a day.
enum Transition {
    InvoiceCancelled,
    Completed,
    Broken { seq: u32, days: i64 },
}

fn transition(p: &PlanRecord, today: NaiveDate) -> Option<Transition> {
    if !p.is_open() {
        return None;
    }
    if p.invoice_cancelled {
        return Some(Transition::InvoiceCancelled);
    }
    match (p.state, p.standing(today)) {
        (state::PROPOSED, _) => None,
        (_, Standing::Completed) => Some(Transition::Completed),
        (state::ACTIVE, Standing::Broken { seq, days }) => Some(Transition::Broken { seq, days }),
        _ => None,
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "1 installment", "3 installments": the English entry agrees in number.
fn installments(n: usize) -> String {
    if n == 1 {
        "1 installment".to_string()
    } else {
        format!("{n} installments")
    }
}

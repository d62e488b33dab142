//! A long simulation: 36 invoices of 12 clients (en, de, fr, es; some
//! without e-mail) over 140 days, each following one story (never pays,
//! pays in part, a plan kept, a plan broken, a promise kept, a promise
//! broken, a plan proposed and never agreed, a reply by e-mail). Every day
//! the clients act first (payments, agreements, replies), then the user's own
//! initiatives (a plan proposed, a call with a promise), then the user does
//! everything today's queues propose, through the real API. Afterwards the
//! record must show:
//! - at most one contact per invoice per day (ladder steps, installment
//!   reminders and broken-plan notices, promise follow-ups, plan proposals,
//!   calls);
//! - no offer stage once a plan was proposed for the invoice;
//! - the ladder no sooner than 7 days after a broken-plan notice;
//! - no "I have not heard from you" sentence when the timeline has a reply,
//!   payment, call, promise or agreement since the previous ladder step.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use kindly_api::clients::ClientInput;
use kindly_api::contacts::{self, CallLogInput, ContactInput, PromiseFollowUpDone};
use kindly_api::followups::{self, MarkDoneRequest, QueueRequest};
use kindly_api::invoices::{InvoiceInput, LineInput};
use kindly_api::plans::{self, AcceptInput, PlanInput, PlanReminderDone};
use kindly_api::Ctx;
use kindly_store::Store;
use kindly_tests::pay;
use std::collections::{BTreeMap, HashMap};

fn at(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(10, 0, 0).expect("time"))
}

fn on(store: &Store, day: NaiveDate) -> Ctx<'_> {
    Ctx::new(store, at(day), day)
}

fn plus(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).expect("date")
}

/// What each invoice's client does (by invoice index modulo 9).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Story {
    NeverPays,
    PaysInPart,
    PlanKept,
    PlanBrokenAfterOne,
    PromiseKept,
    PromiseBroken,
    PlanNeverAgreed,
    PlanBrokenAtOnce,
    RepliesThenPaysInPart,
}

const STORIES: [Story; 9] = [
    Story::NeverPays,
    Story::PaysInPart,
    Story::PlanKept,
    Story::PlanBrokenAfterOne,
    Story::PromiseKept,
    Story::PromiseBroken,
    Story::PlanNeverAgreed,
    Story::PlanBrokenAtOnce,
    Story::RepliesThenPaysInPart,
];

struct Inv {
    id: i64,
    client_id: i64,
    due: NaiveDate,
    story: Story,
    /// Days after the due date the story's own move comes (jittered).
    shift: u64,
    plan_id: Option<i64>,
}

/// The sentences that say nothing was heard from the client, in the four languages.
const NOT_HEARD: &[&str] = &[
    "I have not heard back",
    "noch nichts von Ihnen gehört",
    "Je n'ai pas encore eu de nouvelles",
    "Todavía no he tenido noticias",
];

#[tokio::test]
async fn a_long_simulation_keeps_one_contact_per_invoice_per_day_and_never_contradicts_the_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kindly.db");
    let store = Store::open(&path).await.expect("open");
    let start = kindly_tests::date("2026-09-01");
    let ctx = on(&store, start);

    let langs = ["en", "de", "fr", "es"];
    let mut invs: Vec<Inv> = Vec::new();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut rand = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for k in 0..12 {
        let input = ClientInput {
            display_name: format!("Client {k}"),
            greeting_name: format!("Client {k}"),
            emails: if k % 4 == 3 { vec![] } else { vec![format!("c{k}@example.com")] },
            address: "1 Main Street\n10115 Berlin".into(),
            language: langs[k % 4].into(),
            ..Default::default()
        };
        let client_id = kindly_api::clients::create(ctx, &input).await.expect("client");
        for j in 0..3 {
            let i = invs.len();
            let due = plus(start, 19 + (i as u64 * 2) + rand(3));
            let input = InvoiceInput {
                client_id,
                issue_date: start.to_string(),
                due_date: due.to_string(),
                currency: "EUR".into(),
                lines: vec![LineInput {
                    description: "Design".into(),
                    quantity: "1".into(),
                    unit_price: format!("{}", 300 + 100 * j + 7 * i),
                    tax_rate: "".into(),
                }],
                issue: true,
                ..Default::default()
            };
            let id = kindly_api::invoices::create(ctx, &input).await.expect("invoice").id;
            invs.push(Inv { id, client_id, due, story: STORIES[i % 9], shift: rand(3), plan_id: None });
        }
    }

    let end = plus(start, 140);
    let mut day = start;
    let mut promises_made = 0;
    while day <= end {
        let ctx = on(&store, day);
        // 1. The clients act.
        for inv in invs.iter_mut() {
            let since_due = (day - inv.due).num_days();
            let owing = kindly_api::invoices::get(ctx, inv.id).await.expect("invoice").outstanding.amount;
            let owing: f64 = owing.parse().expect("amount");
            if owing <= 0.0 {
                continue;
            }
            let s = inv.shift as i64;
            match inv.story {
                Story::PaysInPart if since_due == 10 + s => pay(ctx, inv.id, "100").await,
                Story::RepliesThenPaysInPart if since_due == 20 + s => {
                    let c = ContactInput {
                        client_id: inv.client_id,
                        invoice_id: Some(inv.id),
                        kind: kindly_core::vocab::ContactKind::Email,
                        text: "Sorry for the delay, I will pay part of it this week.".into(),
                        file_path: None,
                        file: None,
                    };
                    contacts::log_contact(ctx, &c).await.expect("inbound e-mail");
                }
                Story::RepliesThenPaysInPart if since_due == 25 + s => pay(ctx, inv.id, "50").await,
                Story::PromiseKept if since_due == 6 + s => pay(ctx, inv.id, &format!("{owing:.2}")).await,
                Story::PromiseBroken if since_due == 45 + s => pay(ctx, inv.id, "20").await,
                _ => {}
            }
            if let Some(plan_id) = inv.plan_id {
                let plan = plans::get(ctx, plan_id).await.expect("plan");
                // Agreed two days after the proposal (except the plan never agreed).
                if plan.state == "proposed"
                    && inv.story != Story::PlanNeverAgreed
                    && day == plus(plan.created_on.parse().expect("date"), 2)
                {
                    let a = AcceptInput {
                        plan_id,
                        agreed_on: String::new(),
                        how: kindly_core::vocab::AgreedHow::Email,
                        note: String::new(),
                    };
                    plans::accept(ctx, &a).await.expect("accept");
                }
                let paid_installments = match inv.story {
                    Story::PlanKept => usize::MAX,
                    Story::PlanBrokenAfterOne => 1,
                    _ => 0,
                };
                for (n, i) in plan.installments.iter().enumerate() {
                    if i.due_on == day.to_string() && n < paid_installments && plan.state == "active" {
                        pay(ctx, inv.id, &i.amount.amount).await;
                    }
                }
            }
        }
        // 2. The user's own initiatives: a plan proposed, a call with a promise.
        for inv in invs.iter_mut() {
            let since_due = (day - inv.due).num_days();
            let s = inv.shift as i64;
            let owing = kindly_api::invoices::get(ctx, inv.id).await.expect("invoice").outstanding.amount;
            if owing.parse::<f64>().expect("amount") <= 0.0 {
                continue;
            }
            let plan_day = match inv.story {
                Story::PlanKept => Some(10),
                Story::PlanBrokenAfterOne => Some(16),
                Story::PlanNeverAgreed => Some(5),
                Story::PlanBrokenAtOnce => Some(9),
                _ => None,
            };
            if plan_day.is_some_and(|p| since_due == p + s) && inv.plan_id.is_none() {
                let input = PlanInput {
                    invoice_ids: vec![inv.id],
                    count: "3".into(),
                    frequency: kindly_followup::plan::schedule::Frequency::Monthly,
                    first_date: plus(day, 10).to_string(),
                    ..Default::default()
                };
                inv.plan_id = Some(plans::propose(ctx, &input).await.expect("propose").id);
            }
            if matches!(inv.story, Story::PromiseKept | Story::PromiseBroken) && since_due == 3 + s {
                let call = CallLogInput {
                    invoice_id: inv.id,
                    outcome: kindly_api::contacts::CallOutcome::Reached,
                    notes: "Will pay next week".into(),
                    retry_on: None,
                    promise_date: Some(plus(day, 5).to_string()),
                    promise_amount: None,
                    plan_requested: false,
                };
                contacts::log_call(ctx, &call).await.expect("call");
                promises_made += 1;
            }
        }
        // 3. Everything today's queues propose, done.
        let page = followups::queue(ctx, &QueueRequest { limit: 1000, ..Default::default() }).await.expect("queue");
        for item in &page.items {
            let req =
                MarkDoneRequest { invoice_ids: vec![item.invoice_id], channel: item.channel, note: String::new() };
            followups::mark_done(ctx, &req)
                .await
                .unwrap_or_else(|e| panic!("{day}: {} {}: {e}", item.number, item.stage.key));
        }
        for item in &page.installments {
            let req = PlanReminderDone { plan_id: item.plan_id, channel: item.channel, note: String::new() };
            plans::reminder_done(ctx, &req).await.unwrap_or_else(|e| panic!("{day}: plan {}: {e}", item.plan_id));
        }
        for item in contacts::promise_queue(ctx, None).await.expect("promise queue") {
            let req = PromiseFollowUpDone { promise_id: item.promise.id, channel: item.channel };
            contacts::promise_follow_up_done(ctx, &req)
                .await
                .unwrap_or_else(|e| panic!("{day}: promise {}: {e}", item.promise.id));
        }
        day = plus(day, 1);
    }
    assert!(promises_made >= 8);

    // The record, read straight from the file.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await.expect("pool");
    let contacts: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT invoice_id, done_on, 'step:' || stage_key FROM followup_steps
         UNION ALL SELECT pi.invoice_id, r.done_on, 'plan:' || r.kind FROM plan_reminders r JOIN plan_invoices pi ON pi.plan_id = r.plan_id
         UNION ALL SELECT invoice_id, followed_up_on, 'promise_follow_up' FROM promises WHERE followed_up_on IS NOT NULL
         UNION ALL SELECT pi.invoice_id, p.created_on, 'plan_proposed' FROM plans p JOIN plan_invoices pi ON pi.plan_id = p.id
         UNION ALL SELECT invoice_id, substr(at, 1, 10), 'call' FROM timeline WHERE kind = 'call_logged'
            AND id NOT IN (SELECT timeline_id FROM followup_steps WHERE timeline_id IS NOT NULL)",
    )
    .fetch_all(&pool)
    .await
    .expect("contacts");
    let mut per_day: BTreeMap<(i64, String), Vec<String>> = BTreeMap::new();
    for (invoice, day, what) in &contacts {
        per_day.entry((*invoice, day.clone())).or_default().push(what.clone());
    }
    let twice: Vec<_> = per_day.iter().filter(|(_, v)| v.len() > 1).collect();
    assert!(twice.is_empty(), "more than one contact on a day: {twice:#?}");

    // The stories really happened.
    let count = |what: &str| contacts.iter().filter(|c| c.2 == what).count();
    assert!(count("plan:broken_notice") >= 6, "broken-plan notices: {}", count("plan:broken_notice"));
    assert!(count("promise_follow_up") >= 3, "promise follow-ups: {}", count("promise_follow_up"));
    assert!(count("step:final_notice") >= 20, "final notices: {}", count("step:final_notice"));
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM promises WHERE outcome = 'kept'")
        .fetch_one(&pool)
        .await
        .expect("kept");
    assert!(kept >= 3, "promises kept: {kept}");
    let completed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM plans WHERE state = 'completed'")
        .fetch_one(&pool)
        .await
        .expect("completed");
    assert!(completed >= 2, "plans completed: {completed}");

    // No offer once a plan was proposed; the ladder waits a week after a broken-plan notice.
    let first_plan: HashMap<i64, String> =
        contacts.iter().filter(|c| c.2 == "plan_proposed").fold(HashMap::new(), |mut m, c| {
            let e = m.entry(c.0).or_insert_with(|| c.1.clone());
            if c.1 < *e {
                *e = c.1.clone();
            }
            m
        });
    let notices: HashMap<i64, String> =
        contacts.iter().filter(|c| c.2 == "plan:broken_notice").map(|c| (c.0, c.1.clone())).collect();
    for (invoice, day, what) in contacts.iter().filter(|c| c.2.starts_with("step:")) {
        if let Some(p) = first_plan.get(invoice) {
            assert!(
                !(what == "step:plan_offer" && day >= p),
                "invoice {invoice}: an offer on {day} after the plan proposed on {p}"
            );
        }
        if let Some(n) = notices.get(invoice).filter(|n| day > *n) {
            let n: NaiveDate = n.parse().expect("date");
            let d: NaiveDate = day.parse().expect("date");
            assert!(
                (d - n).num_days() >= 7,
                "invoice {invoice}: {what} on {d}, {} days after the broken-plan notice",
                (d - n).num_days()
            );
        }
    }

    // "Not heard" only when nothing was heard since the previous ladder step.
    let steps: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT s.invoice_id, s.timeline_id, s.stage_key, t.data FROM followup_steps s JOIN timeline t ON t.id = s.timeline_id
         ORDER BY s.invoice_id, s.timeline_id",
    )
    .fetch_all(&pool)
    .await
    .expect("steps");
    let mut previous: HashMap<i64, i64> = HashMap::new();
    let mut checked = (0, 0);
    for (invoice, timeline_id, stage, data) in &steps {
        let since = previous.insert(*invoice, *timeline_id).unwrap_or(0);
        let body = serde_json::from_str::<serde_json::Value>(data).expect("json")["body"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let heard: Vec<String> = sqlx::query_scalar(
            "SELECT kind FROM timeline WHERE invoice_id = ?1 AND id > ?2 AND id < ?3
               AND kind IN ('payment_recorded', 'call_logged', 'inbound_contact', 'promise_recorded', 'plan_agreed')",
        )
        .bind(invoice)
        .bind(since)
        .bind(timeline_id)
        .fetch_all(&pool)
        .await
        .expect("heard");
        let says_not_heard = NOT_HEARD.iter().any(|s| body.contains(s));
        if stage == "final_notice" {
            if heard.is_empty() {
                checked.0 += 1;
                assert!(says_not_heard, "invoice {invoice}: nothing heard, the final notice may say so:\n{body}");
            } else {
                checked.1 += 1;
            }
        }
        assert!(
            !says_not_heard || heard.is_empty(),
            "invoice {invoice}, {stage}: says nothing was heard after {heard:?}:\n{body}"
        );
    }
    assert!(checked.0 >= 5 && checked.1 >= 5, "final notices without / with news: {checked:?}");
    pool.close().await;
}

//! Installment plans on real SQLite files with fixed days: propose, accept,
//! payments allocated oldest first, completion, breaking after the grace
//! period, renegotiation, cancellation, the invoice ladder paused while a
//! plan is on track, installment reminders on their days (once each), the
//! record protected by triggers, and the agreement letter PDF.

use kindly_api::clients::ClientInput;
use kindly_api::followups::{self, PaymentMethodsView, QueueRequest};
use kindly_api::plans::{self, AcceptInput, InstallmentInput, PlanInput, PlanListRequest, PlanReminderDone};
use kindly_api::Ctx;
use kindly_store::Store;
use kindly_tests::{client_input, create_client, create_invoice, date, issued_invoice, line, now, on, open_db, pay};
use std::process::Command;

async fn client(ctx: Ctx<'_>, name: &str, language: &str) -> i64 {
    let input = ClientInput { language: language.into(), ..client_input(name, vec!["client@example.com".into()]) };
    create_client(ctx, &input).await
}

async fn invoice(ctx: Ctx<'_>, client_id: i64, due: &str, price: &str, currency: &str) -> i64 {
    create_invoice(ctx, &issued_invoice(client_id, "2026-10-01", due, currency, vec![line("Design", "1", price, "")]))
        .await
}

fn monthly(invoice_ids: &[i64], count: u32, first: &str) -> PlanInput {
    PlanInput {
        invoice_ids: invoice_ids.to_vec(),
        count: count.to_string(),
        frequency: kindly_followup::plan::schedule::Frequency::Monthly,
        first_date: first.into(),
        ..Default::default()
    }
}

/// (invoice numbers of ladder items, plan reminder kinds with installment) in today's queue.
async fn queue(ctx: Ctx<'_>) -> (Vec<String>, Vec<String>) {
    let page = followups::queue(ctx, &QueueRequest::default()).await.expect("queue");
    (
        page.items.into_iter().map(|i| format!("{}:{}", i.number, i.stage.key)).collect(),
        page.installments.into_iter().map(|i| format!("{}:{}:{}", i.plan_id, i.kind.as_str(), i.seq)).collect(),
    )
}

async fn timeline_kinds(store: &Store, client_id: i64) -> Vec<String> {
    let mut t = store.client_timeline(client_id, 200).await.unwrap();
    t.reverse();
    t.into_iter().map(|e| e.kind.as_str().to_string()).collect()
}

fn accept(plan_id: i64, how: &str) -> AcceptInput {
    AcceptInput {
        plan_id,
        agreed_on: String::new(),
        how: kindly_core::vocab::AgreedHow::parse(&how.replace(' ', "_")).expect("a way to agree"),
        note: String::new(),
    }
}

#[tokio::test]
async fn a_three_installment_plan_pauses_the_ladder_reminds_on_its_days_and_completes() {
    let d = open_db().await;
    let c = client(on(&d.store, "2026-10-01"), "Zoë Ångström", "en").await;
    let inv = invoice(on(&d.store, "2026-10-01"), c, "2026-10-31", "100", "EUR").await;

    // +14: the ladder offers a plan.
    let (ladder, _) = queue(on(&d.store, "2026-11-14")).await;
    assert_eq!(ladder, ["INV-2026-0001:plan_offer"]);

    let ctx = on(&d.store, "2026-11-14");
    let preview = plans::preview_schedule(ctx, &monthly(&[inv], 3, "2026-12-01")).await.unwrap();
    assert_eq!(
        preview.installments.iter().map(|r| r.amount.amount.as_str()).collect::<Vec<_>>(),
        ["33.34", "33.33", "33.33"]
    );
    assert!(preview.sum_matches && preview.problem.is_none());
    assert!(preview.rule.contains("first installments carry the extra"));

    let plan = plans::propose(ctx, &monthly(&[inv], 3, "2026-12-01")).await.unwrap();
    assert_eq!((plan.state.as_str(), plan.total.amount.as_str()), ("proposed", "100.00"));
    // The proposal is today's contact, and the offer was made: the ladder's
    // offer stage is not proposed again (a proposal alone does not pause the
    // ladder: its next step is the final notice, on its day).
    assert!(queue(ctx).await.0.is_empty());
    let done = followups::MarkDoneRequest {
        invoice_ids: vec![inv],
        channel: kindly_followup::ladder::Channel::Email,
        note: String::new(),
    };
    assert_eq!(followups::mark_done(ctx, &done).await.unwrap_err().code, "already_contacted_today");
    // Tomorrow the current stage without the offer: here the follow-up, never done.
    assert_eq!(queue(on(&d.store, "2026-11-15")).await.0, ["INV-2026-0001:follow_up"]);
    // An offer shown anyway repeats the plan proposed, never a different split.
    let offer = followups::preview(
        ctx,
        &followups::MessageRequest {
            invoice_ids: vec![inv],
            stage_key: Some("plan_offer".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(
        offer.body.contains(
            "the 3 installments already proposed: €33.34 on 1 December 2026, €33.33 on 1 January 2027 and €33.33 on 1 February 2027."
        ),
        "{}",
        offer.body
    );
    assert!(!offer.body.contains("two installments"), "{}", offer.body);

    let plan = plans::accept(on(&d.store, "2026-11-16"), &accept(plan.id, "call")).await.unwrap();
    assert_eq!((plan.state.as_str(), plan.standing.as_str()), ("active", "on_track"));
    assert_eq!(plan.agreed_on.as_deref(), Some("2026-11-16"));

    // While on track, no invoice reminder, whatever the day; installment reminders on their days.
    let expect: &[(&str, &[&str])] =
        &[("2026-11-16", &[]), ("2026-11-27", &[]), ("2026-11-28", &["heads_up:1"]), ("2026-12-01", &["heads_up:1"])];
    for (day, want) in expect {
        let (ladder, inst) = queue(on(&d.store, day)).await;
        assert!(ladder.is_empty(), "{day}: {ladder:?}");
        let want: Vec<String> = want.iter().map(|w| format!("{}:{w}", plan.id)).collect();
        assert_eq!(inst, want, "{day}");
    }
    // A dispute on the invoice holds the plan's reminders too, like the ladder.
    followups::set_invoice_hold(on(&d.store, "2026-11-28"), inv, "disputed", None, "checking line 2").await.unwrap();
    assert_eq!(queue(on(&d.store, "2026-11-28")).await, (vec![], vec![]));
    followups::set_invoice_hold(on(&d.store, "2026-11-28"), inv, "none", None, "").await.unwrap();
    let msg = plans::reminder_message(on(&d.store, "2026-11-28"), plan.id).await.unwrap();
    for must in ["Dear Zoë", "installment 1 of 3", "€33.34", "1 December 2026", "€100.00", "INV-2026-0001"] {
        assert!(msg.body.contains(must) || msg.subject.contains(must), "{must}:\n{}\n{}", msg.subject, msg.body);
    }
    let done =
        PlanReminderDone { plan_id: plan.id, channel: kindly_followup::ladder::Channel::Email, note: String::new() };
    plans::reminder_done(on(&d.store, "2026-11-28"), &done).await.unwrap();
    assert_eq!(plans::reminder_done(on(&d.store, "2026-11-29"), &done).await.unwrap_err().code, "already_done");
    assert_eq!(queue(on(&d.store, "2026-11-29")).await, (vec![], vec![]));

    // Installment 1 is paid in two parts; the first part covers part of it.
    pay(on(&d.store, "2026-11-30"), inv, "20").await;
    let v = plans::get(on(&d.store, "2026-11-30"), plan.id).await.unwrap();
    assert_eq!(
        v.installments.iter().map(|i| (i.paid.amount.as_str(), i.status.as_str())).collect::<Vec<_>>(),
        [("20.00", "partly_paid"), ("0.00", "upcoming"), ("0.00", "upcoming")]
    );
    pay(on(&d.store, "2026-12-01"), inv, "13.34").await;
    // Day 2 after installment 2's due date, unpaid: a reminder (it is late, within the grace period).
    let (ladder, inst) = queue(on(&d.store, "2027-01-03")).await;
    assert!(ladder.is_empty());
    assert_eq!(inst, [format!("{}:reminder:2", plan.id)], "the missed heads-up is not proposed after the due date");
    // Printed as a letter: the PDF is saved, the reminder recorded once, with the file in the timeline.
    let fonts = kindly_pdf::Fonts::load().unwrap();
    let tools = tempfile::tempdir().unwrap();
    let printer = kindly_tests::fake_printer(tools.path(), true);
    let req = plans::PlanPdfRequest { plan_id: plan.id, page_size: Some(kindly_pdf::PageSize::Letter), print: true };
    // A printer error records nothing: the reminder is still due.
    let broken = kindly_tests::fake_printer(tools.path(), false);
    let e = plans::reminder_letter(on(&d.store, "2027-01-03"), &fonts, &broken, &req).await.unwrap_err();
    assert_eq!(e.code, "not_printed", "{}", e.message);
    assert_eq!(queue(on(&d.store, "2027-01-03")).await.1, [format!("{}:reminder:2", plan.id)]);
    let letter = plans::reminder_letter(on(&d.store, "2027-01-03"), &fonts, &printer, &req).await.unwrap();
    assert_eq!((letter.print_state.as_str(), letter.job_id.as_deref()), ("printed", Some("Office-7")));
    let out =
        Command::new("pdftotext").args(["-layout", "-enc", "UTF-8", &letter.path, "-"]).output().expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout);
    for must in
        ["Reminder: installment 2 of 3 was due on 1 January 2027", "Dear Zoë,", "€33.33", "€66.66", "1 February 2027"]
    {
        assert!(text.contains(must), "missing {must:?}:\n{text}");
    }
    assert_eq!(
        plans::reminder_letter(on(&d.store, "2027-01-03"), &fonts, &printer, &req).await.unwrap_err().code,
        "already_done"
    );
    let last = d.store.client_timeline(c, 1).await.unwrap().remove(0);
    assert_eq!(last.kind.as_str(), "installment_reminder");
    assert_eq!(last.data["files"][0]["sha256"].as_str(), Some(letter.sha256.as_str()));
    assert!(queue(on(&d.store, "2027-01-03")).await.1.is_empty());
    assert_eq!(plans::get(on(&d.store, "2027-01-03"), plan.id).await.unwrap().standing, "late");

    // An over-sized payment covers installment 2 and part of 3.
    pay(on(&d.store, "2027-01-04"), inv, "50").await;
    let v = plans::get(on(&d.store, "2027-01-04"), plan.id).await.unwrap();
    assert_eq!(
        v.installments.iter().map(|i| i.remaining.amount.as_str()).collect::<Vec<_>>(),
        ["0.00", "0.00", "16.66"]
    );
    assert_eq!(v.remaining.amount, "16.66");
    pay(on(&d.store, "2027-01-20"), inv, "16.66").await;
    let v = plans::get(on(&d.store, "2027-01-20"), plan.id).await.unwrap();
    assert_eq!((v.state.as_str(), v.remaining.amount.as_str(), v.surplus.is_zero), ("completed", "0.00", true));
    assert_eq!(v.ended_on.as_deref(), Some("2027-01-20"));
    assert_eq!(queue(on(&d.store, "2027-02-05")).await, (vec![], vec![]));

    let kinds = timeline_kinds(&d.store, c).await;
    let plan_kinds: Vec<&str> =
        kinds.iter().map(String::as_str).filter(|k| k.starts_with("plan_") || k.starts_with("installment_")).collect();
    assert_eq!(
        plan_kinds,
        ["plan_proposed", "plan_agreed", "installment_reminder", "installment_reminder", "plan_completed"],
        "holds are chasing_changed entries, not plan entries"
    );
    // The invoice page shows the plan's entries (one invoice: entries carry it).
    let inv_tl = d.store.invoice_timeline(inv).await.unwrap();
    assert!(
        inv_tl.iter().any(|e| e.summary.starts_with("Payment plan #1 (INV-2026-0001) agreed on 2026-11-16 (call)")),
        "{inv_tl:?}"
    );
    // The English entries agree in number (they said "2 installment(s)").
    let said: Vec<&str> = inv_tl.iter().map(|e| e.summary.as_str()).collect();
    assert!(said.iter().all(|s| !s.contains("(s)")), "{said:?}");
    assert!(said.iter().any(|s| s.contains(" in 3 installments for INV-2026-0001")), "{said:?}");
    assert!(said.iter().any(|s| s.contains("completed: all 3 installments paid")), "{said:?}");
}

#[tokio::test]
async fn a_late_installment_breaks_the_plan_after_the_grace_period_and_the_ladder_resumes() {
    let d = open_db().await;
    let c = client(on(&d.store, "2026-10-01"), "Łucja Nowak", "de").await;
    let inv = invoice(on(&d.store, "2026-10-01"), c, "2026-10-31", "300", "EUR").await;
    let ctx = on(&d.store, "2026-11-23");
    let mut input = monthly(&[inv], 3, "2026-12-01");
    input.grace_days = "5".into();
    let plan = plans::propose(ctx, &input).await.unwrap();
    plans::accept(ctx, &accept(plan.id, "email")).await.unwrap();

    assert_eq!(plans::get(on(&d.store, "2026-12-06"), plan.id).await.unwrap().standing, "late");
    assert!(queue(on(&d.store, "2026-12-06")).await.0.is_empty(), "late within grace: still paused");
    // Six days late: broken, recorded once, and a courteous notice is due:
    // it is the invoice's contact that day, so the ladder waits for it.
    let (ladder, inst) = queue(on(&d.store, "2026-12-07")).await;
    assert!(ladder.is_empty(), "the notice, not the final notice as well: {ladder:?}");
    assert_eq!(inst, [format!("{}:broken_notice:1", plan.id)]);
    assert_eq!(d.store.refresh_plans(date("2026-12-08"), now()).await.unwrap(), vec![], "idempotent");
    let v = plans::get(on(&d.store, "2026-12-07"), plan.id).await.unwrap();
    assert_eq!((v.state.as_str(), v.ended_on.as_deref()), ("broken", Some("2026-12-07")));

    let msg = plans::reminder_message(on(&d.store, "2026-12-07"), plan.id).await.unwrap();
    assert_eq!(msg.kind, "broken_notice");
    assert!(msg.body.starts_with("Hallo Łucja,"), "{}", msg.body);
    assert!(msg.body.contains("300,00"), "the remaining total:\n{}", msg.body);
    let findings = followups::check_tone(&followups::TemplateInput { subject: msg.subject.clone(), body: msg.body });
    assert!(findings.iter().all(|f| f.rule != "threat" && f.rule != "shouting"), "{findings:?}");
    let done =
        PlanReminderDone { plan_id: plan.id, channel: kindly_followup::ladder::Channel::Letter, note: String::new() };
    plans::reminder_done(on(&d.store, "2026-12-07"), &done).await.unwrap();
    assert!(queue(on(&d.store, "2026-12-08")).await.1.is_empty(), "the notice comes once");
    // The ladder resumes a week after the notice, at its current stage.
    for day in ["2026-12-08", "2026-12-13"] {
        assert!(queue(on(&d.store, day)).await.0.is_empty(), "{day}");
    }
    assert_eq!(queue(on(&d.store, "2026-12-14")).await.0, ["INV-2026-0001:final_notice"]);
    let last = followups::preview(
        on(&d.store, "2026-12-14"),
        &followups::MessageRequest { invoice_ids: vec![inv], ..Default::default() },
    )
    .await
    .unwrap();
    assert!(
        last.body.contains("Danke, dass Sie sich gemeldet haben") && !last.body.contains("nichts von Ihnen gehört"),
        "the client agreed to a plan since the last step:\n{}",
        last.body
    );

    // No e-mail preference here: the notice can also go out as a printed letter, once.
    let fonts = kindly_pdf::Fonts::load().unwrap();
    let req = plans::PlanPdfRequest { plan_id: plan.id, page_size: Some(kindly_pdf::PageSize::A4), print: true };
    let tools = tempfile::tempdir().unwrap();
    let printer = kindly_tests::fake_printer(tools.path(), true);
    let e = plans::reminder_letter(on(&d.store, "2026-12-08"), &fonts, &printer, &req).await.unwrap_err();
    assert_eq!(e.code, "already_done", "the notice was recorded by e-mail already");

    // Payments after breaking are still allocated; paid in full, the broken plan completes.
    pay(on(&d.store, "2026-12-10"), inv, "150").await;
    let v = plans::get(on(&d.store, "2026-12-10"), plan.id).await.unwrap();
    assert_eq!((v.state.as_str(), v.paid.amount.as_str()), ("broken", "150.00"));
    pay(on(&d.store, "2026-12-11"), inv, "150").await;
    assert_eq!(plans::get(on(&d.store, "2026-12-11"), plan.id).await.unwrap().state, "completed");
    let kinds = timeline_kinds(&d.store, c).await;
    assert_eq!(kinds.iter().filter(|k| *k == "plan_broken").count(), 1);
    assert!(kinds.ends_with(&["payment_recorded".into(), "plan_completed".into()]), "{kinds:?}");
}

#[tokio::test]
async fn a_plans_own_reminder_days_decide_when_its_installment_reminders_come() {
    let d = open_db().await;
    let c = client(on(&d.store, "2026-10-01"), "Zoë Ångström", "en").await;
    let inv = invoice(on(&d.store, "2026-10-01"), c, "2026-10-31", "100", "EUR").await;
    let ctx = on(&d.store, "2026-11-14");
    let mut input = monthly(&[inv], 2, "2026-12-10");
    (input.heads_up_days, input.reminder_days) = ("7".into(), " 5 ".into());
    let plan = plans::propose(ctx, &input).await.unwrap();
    assert_eq!((plan.heads_up_days, plan.reminder_days), (7, 5));
    let proposed = d.store.client_timeline(c, 1).await.unwrap().remove(0);
    assert_eq!((proposed.data["heads_up_days"].as_u64(), proposed.data["reminder_days"].as_u64()), (Some(7), Some(5)));
    let plan = plans::accept(ctx, &accept(plan.id, "call")).await.unwrap();
    assert_eq!(plan.next_reminder_on.as_deref(), Some("2026-12-03"));

    // The default rule would remind on 7 December and 12 December; this plan's rule on 3 and 15.
    let expect: &[(&str, &[&str])] = &[
        ("2026-12-02", &[]),
        ("2026-12-03", &["heads_up:1"]),
        ("2026-12-07", &["heads_up:1"]),
        ("2026-12-10", &["heads_up:1"]),
        ("2026-12-12", &[]),
        ("2026-12-14", &[]),
        ("2026-12-15", &["reminder:1"]),
    ];
    for (day, want) in expect {
        let (ladder, inst) = queue(on(&d.store, day)).await;
        assert!(ladder.is_empty(), "{day}: {ladder:?}");
        let want: Vec<String> = want.iter().map(|w| format!("{}:{w}", plan.id)).collect();
        assert_eq!(inst, want, "{day}");
    }
}

/// Regression: the plan form sent a count or grace period it could not read
/// as a number as "none", and the plan was made with the default (3
/// installments, 7 days) instead of telling the user.
#[tokio::test]
async fn typed_numbers_that_are_not_whole_numbers_in_range_are_refused_by_field() {
    let d = open_db().await;
    let c = client(on(&d.store, "2026-10-01"), "Zoë Ångström", "en").await;
    let inv = invoice(on(&d.store, "2026-10-01"), c, "2026-10-31", "100", "EUR").await;
    let ctx = on(&d.store, "2026-11-14");
    let cases: &[(&str, &str, &str, &str)] = &[
        ("count", "four", "plan_installment_count", "count"),
        ("count", "2.5", "plan_installment_count", "count"),
        ("count", "-2", "plan_installment_count", "count"),
        ("count", "99999999999999999999", "plan_installment_count", "count"),
        ("grace_days", "seven", "plan_grace_days", "grace_days"),
        ("grace_days", "91", "plan_grace_days", "grace_days"),
        ("heads_up_days", "-1", "plan_heads_up_days", "heads_up_days"),
        ("heads_up_days", "31", "plan_heads_up_days", "heads_up_days"),
        ("reminder_days", "0", "plan_reminder_days", "reminder_days"),
        ("reminder_days", "1e1", "plan_reminder_days", "reminder_days"),
    ];
    for (field, typed, code, error_field) in cases {
        let mut input = monthly(&[inv], 3, "2026-12-01");
        match *field {
            "count" => input.count = typed.to_string(),
            "grace_days" => input.grace_days = typed.to_string(),
            "heads_up_days" => input.heads_up_days = typed.to_string(),
            _ => input.reminder_days = typed.to_string(),
        }
        let e = plans::propose(ctx, &input).await.unwrap_err();
        assert_eq!((e.code.as_str(), e.field.as_deref()), (*code, Some(*error_field)), "{field} = {typed:?}");
        assert!(e.message.contains("whole number") || *field == "count", "{}", e.message);
        if *field == "count" {
            assert_eq!(plans::preview_schedule(ctx, &input).await.unwrap_err().code, *code, "the preview says so too");
        }
    }
    let req = PlanListRequest { client_id: Some(c), invoice_id: None };
    assert!(plans::list(ctx, &req).await.unwrap().is_empty(), "nothing was saved");

    // Empty fields take the defaults.
    let input = PlanInput {
        invoice_ids: vec![inv],
        frequency: kindly_followup::plan::schedule::Frequency::Monthly,
        ..Default::default()
    };
    let plan = plans::propose(ctx, &input).await.unwrap();
    assert_eq!((plan.installments.len(), plan.grace_days, plan.heads_up_days, plan.reminder_days), (3, 7, 3, 2));
}

#[tokio::test]
async fn renegotiation_replaces_the_rest_and_cancellation_resumes_the_ladder() {
    let d = open_db().await;
    let c = client(on(&d.store, "2026-10-01"), "Ørsted A/S", "fr").await;
    let a = invoice(on(&d.store, "2026-10-01"), c, "2026-10-31", "100", "EUR").await;
    let b = invoice(on(&d.store, "2026-10-01"), c, "2026-11-05", "50.01", "EUR").await;
    let ctx = on(&d.store, "2026-11-23");
    // Several invoices of one client in one plan, weekly, with a down payment.
    let input = PlanInput {
        invoice_ids: vec![a, b],
        count: "2".into(),
        frequency: kindly_followup::plan::schedule::Frequency::Weekly,
        first_date: "2026-11-30".into(),
        down_payment: "50".into(),
        ..Default::default()
    };
    let first = plans::propose(ctx, &input).await.unwrap();
    assert_eq!(
        first.installments.iter().map(|i| (i.due_on.as_str(), i.amount.amount.as_str())).collect::<Vec<_>>(),
        [("2026-11-30", "50.00"), ("2026-12-07", "50.01"), ("2026-12-14", "50.00")]
    );
    // An invoice is in one open plan at a time.
    assert_eq!(plans::propose(ctx, &monthly(&[b], 2, "2026-12-01")).await.unwrap_err().code, "plan_exists");
    plans::accept(ctx, &accept(first.id, "in person")).await.unwrap();
    pay(on(&d.store, "2026-11-30"), a, "50").await;

    // Renegotiate the rest (100.01) into 4 fortnightly installments; the old plan is "renegotiated".
    let ctx = on(&d.store, "2026-12-02");
    let input = PlanInput {
        count: "4".into(),
        frequency: kindly_followup::plan::schedule::Frequency::Fortnightly,
        first_date: "2026-12-15".into(),
        ..Default::default()
    };
    let second = plans::renegotiate(ctx, first.id, &input).await.unwrap();
    assert_eq!(second.total.amount, "100.01");
    assert_eq!(second.replaces_plan_id, Some(first.id));
    assert_eq!(
        second.installments.iter().map(|i| i.amount.amount.as_str()).collect::<Vec<_>>(),
        ["25.01", "25.00", "25.00", "25.00"]
    );
    assert_eq!(plans::get(ctx, first.id).await.unwrap().state, "renegotiated");
    assert_eq!(
        plans::accept(ctx, &accept(first.id, "call")).await.unwrap_err().code,
        "plan_state",
        "an ended plan cannot be accepted"
    );
    let listed = plans::list(ctx, &PlanListRequest { client_id: Some(c), invoice_id: None }).await.unwrap();
    assert_eq!(listed.iter().map(|p| p.state.as_str()).collect::<Vec<_>>(), ["proposed", "renegotiated"]);
    let by_invoice = plans::list(ctx, &PlanListRequest { client_id: None, invoice_id: Some(b) }).await.unwrap();
    assert_eq!(by_invoice.len(), 2);

    plans::accept(ctx, &accept(second.id, "letter")).await.unwrap();
    assert!(queue(on(&d.store, "2026-12-20")).await.0.is_empty(), "paused while the new plan is on track");
    let v = plans::cancel(on(&d.store, "2026-12-20"), second.id, "client prefers to pay in full").await.unwrap();
    assert_eq!(v.state, "cancelled");
    // Cancelled: both invoices are back on their ladder at their current stage (+30 by now).
    let (ladder, inst) = queue(on(&d.store, "2026-12-20")).await;
    assert_eq!(ladder, ["INV-2026-0001:final_notice", "INV-2026-0002:final_notice"]);
    assert!(inst.is_empty());
    assert_eq!(plans::cancel(on(&d.store, "2026-12-20"), second.id, "").await.unwrap_err().code, "plan_state");
    let kinds = timeline_kinds(&d.store, c).await;
    for k in ["plan_proposed", "plan_agreed", "plan_renegotiated", "plan_cancelled"] {
        assert!(kinds.iter().any(|x| x == k), "{k} missing from {kinds:?}");
    }
    // Each invoice's own timeline shows the plans it was part of, though
    // the entries belong to the two-invoice plan rather than one invoice.
    for inv in [a, b] {
        let req = kindly_api::contacts::TimelineRequest { invoice_id: Some(inv), ..Default::default() };
        let entries = kindly_api::contacts::timeline(ctx, &req).await.unwrap();
        let kinds: Vec<&str> = entries.iter().map(|e| e.kind.as_str()).collect();
        for k in ["plan_proposed", "plan_agreed", "plan_renegotiated", "plan_cancelled"] {
            assert!(kinds.contains(&k), "{k} missing from invoice {inv}'s timeline: {kinds:?}");
        }
    }
    let other = invoice(ctx, c, "2026-12-01", "10", "EUR").await;
    let req = kindly_api::contacts::TimelineRequest { invoice_id: Some(other), ..Default::default() };
    let entries = kindly_api::contacts::timeline(ctx, &req).await.unwrap();
    assert!(
        entries.iter().all(|e| !e.kind.as_str().starts_with("plan_")),
        "an invoice in no plan shows no plan entries"
    );
}

#[tokio::test]
async fn edited_schedules_must_add_up_and_every_currency_splits_exactly() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let c = client(ctx, "王芳", "en").await;
    let yen = invoice(ctx, c, "2026-10-31", "10000", "JPY").await;
    let kwd = invoice(ctx, c, "2026-10-31", "100.001", "KWD").await;
    let p = plans::preview_schedule(ctx, &monthly(&[yen], 3, "2027-01-31")).await.unwrap();
    assert_eq!(
        p.installments.iter().map(|r| (r.due_on.as_str(), r.amount.amount.as_str())).collect::<Vec<_>>(),
        [("2027-01-31", "3334"), ("2027-02-28", "3333"), ("2027-03-31", "3333")]
    );
    let p = plans::preview_schedule(ctx, &monthly(&[kwd], 2, "2026-12-01")).await.unwrap();
    assert_eq!(p.installments.iter().map(|r| r.amount.amount.as_str()).collect::<Vec<_>>(), ["50.001", "50.000"]);
    assert_eq!(
        plans::preview_schedule(ctx, &monthly(&[yen, kwd], 2, "2026-12-01")).await.unwrap_err().code,
        "mixed_currencies"
    );

    // The user edits the table: the preview shows the sum check instead of failing.
    let rows = |a: &str, b: &str| {
        Some(vec![
            InstallmentInput { due_on: "2026-12-10".into(), amount: a.into() },
            InstallmentInput { due_on: "2027-01-10".into(), amount: b.into() },
        ])
    };
    let edited = PlanInput { invoice_ids: vec![yen], installments: rows("6000", "3000"), ..Default::default() };
    let p = plans::preview_schedule(ctx, &edited).await.unwrap();
    assert!(!p.sum_matches);
    assert_eq!(p.problem.as_ref().map(|e| e.code.as_str()), Some("plan_sum_mismatch"));
    assert_eq!(p.sum.amount, "9000");
    assert_eq!(plans::propose(ctx, &edited).await.unwrap_err().code, "plan_sum_mismatch");
    let fixed = PlanInput { invoice_ids: vec![yen], installments: rows("7000", "3000"), ..Default::default() };
    let plan = plans::propose(ctx, &fixed).await.unwrap();
    assert_eq!(plan.frequency, "custom");
    assert_eq!(plan.installments.iter().map(|i| i.amount.amount.as_str()).collect::<Vec<_>>(), ["7000", "3000"]);

    // A "how" Kindly does not know cannot even cross IPC: the type refuses it.
    let e = serde_json::from_value::<AcceptInput>(serde_json::json!({
        "plan_id": plan.id, "agreed_on": "", "how": "carrier pigeon", "note": ""
    }))
    .unwrap_err();
    assert!(e.to_string().contains("carrier pigeon"), "{e}");
    let e = plans::accept(ctx, &AcceptInput { agreed_on: "2026-12-01".into(), ..accept(plan.id, "call") })
        .await
        .unwrap_err();
    assert_eq!(e.code, "agreed_in_future");
    let e = plans::accept(ctx, &AcceptInput { agreed_on: "2026-11-01".into(), ..accept(plan.id, "call") })
        .await
        .unwrap_err();
    assert_eq!((e.code.as_str(), e.field.as_deref()), ("agreed_before_proposed", Some("agreed_on")));
}

#[tokio::test]
async fn cancelling_an_invoice_cancels_its_open_plan_and_nothing_is_chased() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let c = client(ctx, "Ana Lima", "es").await;
    let inv = invoice(ctx, c, "2026-10-31", "90", "EUR").await;
    let plan = plans::propose(ctx, &monthly(&[inv], 3, "2026-12-01")).await.unwrap();
    plans::accept(ctx, &accept(plan.id, "call")).await.unwrap();
    kindly_api::invoices::cancel(ctx, inv, "issued by mistake").await.unwrap();
    // Weeks later: the plan was cancelled, not broken; no notice, no reminder.
    assert_eq!(queue(on(&d.store, "2027-01-20")).await, (vec![], vec![]));
    let v = plans::get(on(&d.store, "2027-01-20"), plan.id).await.unwrap();
    assert_eq!(v.state, "cancelled");
    let kinds = timeline_kinds(&d.store, c).await;
    assert!(kinds.ends_with(&["invoice_cancelled".into(), "plan_cancelled".into()]), "{kinds:?}");
}

#[tokio::test]
async fn the_database_protects_plans_and_keeps_active_plans_paused_for_every_writer() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let c = client(ctx, "Дмитрий", "es").await;
    let inv = invoice(ctx, c, "2026-10-31", "90", "EUR").await;
    let plan = plans::propose(ctx, &monthly(&[inv], 3, "2026-12-01")).await.unwrap();
    plans::accept(ctx, &accept(plan.id, "call")).await.unwrap();

    // Saving the ladder reschedules every open invoice; the active plan keeps this one paused.
    let ladder = followups::get_ladder(ctx).await.unwrap();
    followups::save_ladder(ctx, &ladder).await.unwrap();
    assert!(queue(ctx).await.0.is_empty());

    let mut raw = d.raw().await;
    let err = |r: Result<(), sqlx::Error>| r.unwrap_err().to_string();
    assert!(err(raw.exec("UPDATE plan_installments SET amount_minor = 1", &[]).await).contains("append-only"));
    assert!(err(raw.exec("DELETE FROM plans", &[]).await).contains("append-only"));
    assert!(err(raw.exec("UPDATE plans SET state = 'proposed'", &[]).await).contains("plan state change"));
    assert!(err(raw.exec("UPDATE plans SET total_minor = 1", &[]).await).contains("append-only"));
    // Any writer that sets a next step on a paused invoice is overruled by the trigger.
    raw.exec("UPDATE followups SET next_action_on = '2026-11-01'", &[]).await.unwrap();
    let next: Vec<(Option<String>,)> = raw.rows("SELECT CAST(next_action_on AS TEXT) FROM followups").await;
    assert_eq!(next[0].0, None);
}

#[tokio::test]
async fn the_agreement_letter_has_the_schedule_a_qr_per_installment_and_a_place_to_sign() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let pm = PaymentMethodsView {
        bank_holder: "Studio Kind".into(),
        iban: "DE89 3704 0044 0532 0130 00".into(),
        bic: "COBADEFFXXX".into(),
        ..Default::default()
    };
    followups::save_payment_methods(ctx, &pm).await.unwrap();
    let c = client(ctx, "Zoë Ångström", "en").await;
    let inv = invoice(ctx, c, "2026-10-31", "100", "EUR").await;
    let plan = plans::propose(ctx, &monthly(&[inv], 3, "2026-12-01")).await.unwrap();

    let email = plans::proposal_email(ctx, plan.id).await.unwrap();
    assert_eq!(email.subject, "Proposed payment plan for invoice INV-2026-0001");
    assert!(email.body.contains("  1. 1 December 2026: €33.34\n  2. 1 January 2027: €33.33"), "{}", email.body);

    let fonts = kindly_pdf::Fonts::load().unwrap();
    let req = plans::PlanPdfRequest { plan_id: plan.id, page_size: Some(kindly_pdf::PageSize::A4), print: false };
    let r = plans::plan_pdf(ctx, &fonts, &req).await.unwrap();
    let name = std::path::Path::new(&r.path).file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("plan-1-INV-2026-0001-") && r.path.contains("plans/"), "{}", r.path);
    let out = Command::new("pdftotext").args(["-layout", "-enc", "UTF-8", &r.path, "-"]).output().expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout);
    for must in [
        "Zoë Ångström",
        "Proposed payment plan for invoice INV-2026-0001",
        "1 December 2026",
        "€33.34",
        "1 February 2027",
        "Total",
        "€100.00",
        "IBAN DE89 3704 0044 0532 0130 00",
        "Scan with your banking app to pay an installment",
        "Installment 1 · 1",
        "Installment 3 · 1",
        "February 2027 ·",
        "Agreed to the payment plan above:",
        "Signature (Zoë Ångström)",
    ] {
        assert!(text.contains(must), "missing {must:?} in:\n{text}");
    }
    // Three QR codes (form XObjects), one per installment.
    let bytes = std::fs::read(&r.path).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.matches("/Subtype /Form").count() + raw.matches("/Subtype/Form").count() >= 3);
}

/// Timing of today's queue with many running plans (debug build; run with
/// `cargo test -p kindly-tests --test plans -- --ignored --nocapture`).
#[tokio::test]
#[ignore]
async fn measure_queue_with_many_active_plans() {
    let d = open_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let c = client(ctx, "Many Plans Ltd", "en").await;
    let n = 1000;
    let t = std::time::Instant::now();
    for k in 0..n {
        let inv = invoice(ctx, c, "2026-10-31", "300", "EUR").await;
        let first = if k % 2 == 0 { "2026-11-25" } else { "2026-12-20" };
        let p = plans::propose(ctx, &monthly(&[inv], 3, first)).await.unwrap();
        d.store.accept_plan(p.id, date("2026-11-23"), "call", "", now()).await.unwrap();
    }
    println!("setup of {n} plans: {:?}", t.elapsed());
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let page = followups::queue(ctx, &QueueRequest::default()).await.unwrap();
        println!(
            "queue: {} ladder items, {} installment reminders in {:?}",
            page.total,
            page.installments.len(),
            t.elapsed()
        );
    }
}

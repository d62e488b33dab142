//! Contacts on real SQLite files with fixed dates: calls on a phone stage
//! (outcomes, retry day, at most once per stage), promises (pause, kept,
//! broken, the follow-up that refers to them, a user's hold left alone),
//! inbound e-mails and letters with their files, the append-only timeline
//! and corrections, the filtered timeline, and the evidence dossier checked
//! through pdftotext, a CSV parser and the zip's own hashes.

use kindly_api::clients::ClientInput;
use kindly_api::contacts::{
    self, CallLogInput, ContactInput, CorrectionInput, FileInput, PromiseFollowUpDone, PromiseInput, TimelineRequest,
};
use kindly_api::dossier::{self, DossierRequest};
use kindly_api::followups::{self, LadderView, QueueRequest, StageView};
use kindly_api::invoices::{InvoiceInput, LineInput};
use kindly_api::payments::PaymentInput;
use kindly_api::Ctx;
use kindly_tests::{now, on, open_db};
use sha2::Digest;
use std::io::Read;

fn stage(key: &str, offset: i64, channel: &str) -> StageView {
    let channel = kindly_followup::ladder::Channel::parse(channel).expect("a channel");
    StageView {
        key: key.into(),
        name: key.replace('_', " "),
        offset_days: offset,
        tone: kindly_followup::ladder::Tone::Courteous,
        channel,
    }
}

/// A client on a ladder with a phone stage at +7, and one invoice of €1,000 due 2026-11-01.
async fn setup(ctx: Ctx<'_>, email: bool) -> (i64, i64) {
    let client = kindly_api::clients::create(
        ctx,
        &ClientInput {
            display_name: "Zoë Müller".into(),
            greeting_name: "Zoë".into(),
            emails: if email { vec!["zoe@example.com".into()] } else { vec![] },
            phone: "+49 30 1234567".into(),
            address: "1 Main Street\n10115 Berlin".into(),
            language: "en".into(),
            ..Default::default()
        },
    )
    .await
    .expect("client");
    let ladder = LadderView {
        stages: vec![stage("reminder", 1, "email"), stage("call", 7, "phone"), stage("final_notice", 30, "letter")],
    };
    followups::set_client_ladder(ctx, client, Some(&ladder)).await.expect("ladder");
    let inv = kindly_api::invoices::create(
        ctx,
        &InvoiceInput {
            client_id: client,
            issue_date: "2026-10-02".into(),
            due_date: "2026-11-01".into(),
            currency: "EUR".into(),
            lines: vec![LineInput {
                description: "Website".into(),
                quantity: "1".into(),
                unit_price: "1000".into(),
                tax_rate: "".into(),
            }],
            issue: true,
            ..Default::default()
        },
    )
    .await
    .expect("invoice")
    .id;
    (client, inv)
}

async fn queue_keys(ctx: Ctx<'_>) -> Vec<(i64, String, String)> {
    let page = followups::queue(ctx, &QueueRequest::default()).await.expect("queue");
    page.items.into_iter().map(|i| (i.invoice_id, i.stage.key, i.channel.as_str().to_string())).collect()
}

fn call(inv: i64, outcome: &str) -> CallLogInput {
    CallLogInput {
        invoice_id: inv,
        outcome: kindly_api::contacts::CallOutcome::parse(outcome).expect("an outcome"),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_phone_stage_is_a_call_with_a_script_and_unanswered_calls_come_back_on_the_retry_day() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-08");
    let (_, inv) = setup(day, true).await;
    assert_eq!(queue_keys(day).await, vec![(inv, "call".to_string(), "phone".to_string())]);

    let script = contacts::call_script(day, inv).await.expect("script");
    assert_eq!(script.phone.as_deref(), Some("+49 30 1234567"));
    let text = script.lines.join("\n");
    for must in ["Zoë", "INV-2026-0001", "€1,000.00", "1 November 2026", "?"] {
        assert!(text.contains(must), "script lacks {must}: {text}");
    }
    assert_eq!(script.default_retry_on, "2026-11-09");

    // No answer, retry on the 10th: gone today and tomorrow, back on the 10th, stage still open.
    let r = contacts::log_call(day, &CallLogInput { retry_on: Some("2026-11-10".into()), ..call(inv, "no_answer") })
        .await
        .expect("log");
    assert!(!r.stage_done);
    assert_eq!(r.retry_on.as_deref(), Some("2026-11-10"));
    assert_eq!(queue_keys(day).await, vec![]);
    assert_eq!(queue_keys(on(&db.store, "2026-11-09")).await, vec![]);
    let day10 = on(&db.store, "2026-11-10");
    assert_eq!(queue_keys(day10).await, vec![(inv, "call".to_string(), "phone".to_string())]);
    assert!(db.store.steps(inv).await.unwrap().is_empty());

    // A retry day must be after today.
    let e = contacts::log_call(day10, &CallLogInput { retry_on: Some("2026-11-10".into()), ..call(inv, "voicemail") })
        .await
        .unwrap_err();
    assert_eq!(e.code, "retry_not_later");
    // An outcome Kindly does not know cannot even cross IPC: the type refuses it.
    let e = serde_json::from_value::<CallLogInput>(serde_json::json!({ "invoice_id": inv, "outcome": "shouted" }))
        .unwrap_err();
    assert!(e.to_string().contains("shouted"), "{e}");

    // Reached: the stage is done, once.
    let r =
        contacts::log_call(day10, &CallLogInput { notes: "Will check with accounts.".into(), ..call(inv, "reached") })
            .await
            .expect("reached");
    assert!(r.stage_done);
    let steps = db.store.steps(inv).await.unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!((steps[0].stage_key.as_str(), steps[0].channel.as_str()), ("call", "phone"));
    assert_eq!(queue_keys(day10).await, vec![]);
    // Logging another call that day is fine but completes nothing more.
    let r = contacts::log_call(day10, &call(inv, "reached")).await.expect("second call");
    assert!(!r.stage_done);
    assert_eq!(db.store.steps(inv).await.unwrap().len(), 1);

    let tl = contacts::timeline(
        day10,
        &TimelineRequest { invoice_id: Some(inv), kinds: vec!["call_logged".into()], ..Default::default() },
    )
    .await
    .expect("timeline");
    assert_eq!(tl.len(), 3);
    assert_eq!(tl[2].data["outcome"], "no_answer");
    assert_eq!(tl[1].data["notes"], "Will check with accounts.");
    assert_eq!(tl[1].data["stage"], "call");
}

#[tokio::test]
async fn a_wrong_number_is_recorded_and_suggests_writing_instead() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-08");
    let (_, inv) = setup(day, false).await;
    let r = contacts::log_call(day, &call(inv, "wrong_number")).await.expect("log");
    assert!(!r.stage_done);
    assert_eq!(r.suggested_channel.map(|c| c.as_str()), Some("letter"));
    assert!(r.message.contains("letter"), "{}", r.message);
    // The stage stays open, so it can be done by letter today.
    assert_eq!(queue_keys(day).await.len(), 1);
}

#[tokio::test]
async fn a_promise_on_a_call_pauses_chasing_and_when_broken_asks_for_a_polite_follow_up_once() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-08");
    let (client, inv) = setup(day, true).await;
    let r = contacts::log_call(
        day,
        &CallLogInput {
            promise_date: Some("2026-11-20".into()),
            promise_amount: Some("400".into()),
            plan_requested: true,
            ..call(inv, "reached")
        },
    )
    .await
    .expect("log");
    assert!(r.stage_done);
    assert!(r.promise_id.is_some());

    // Refusals: a promise in the past, more than owing, without reaching anyone.
    let bad = |d: &str, a: &str, o: &str| CallLogInput {
        promise_date: Some(d.into()),
        promise_amount: Some(a.into()),
        ..call(inv, o)
    };
    assert_eq!(contacts::log_call(day, &bad("2026-11-01", "10", "reached")).await.unwrap_err().code, "promise_in_past");
    assert_eq!(
        contacts::log_call(day, &bad("2026-11-30", "5000", "reached")).await.unwrap_err().code,
        "promise_too_large"
    );
    assert_eq!(
        contacts::log_call(day, &bad("2026-11-30", "10", "voicemail")).await.unwrap_err().code,
        "promise_needs_reached"
    );

    // Paused through the promised day even though the +30 stage (Dec 1) ... is later anyway; check the day itself.
    for d in ["2026-11-15", "2026-11-20"] {
        assert_eq!(queue_keys(on(&db.store, d)).await, vec![], "{d}");
        assert!(contacts::promise_queue(on(&db.store, d), None).await.unwrap().is_empty(), "{d}");
    }
    let open = contacts::list_promises(on(&db.store, "2026-11-20"), Some(client), None).await.unwrap();
    assert_eq!(open[0].outcome, "open");

    // The day after, unpaid: broken, recorded once, and a polite follow-up that refers to the promise.
    let d21 = on(&db.store, "2026-11-21");
    let items = contacts::promise_queue(d21, None).await.expect("promise queue");
    assert_eq!(items.len(), 1);
    let f = &items[0];
    assert_eq!(f.channel, "email");
    assert!(f.body.contains("20 November 2026"), "{}", f.body);
    assert!(f.body.contains("€400.00"), "{}", f.body);
    assert!(f.body.contains("on the phone"), "{}", f.body);
    assert!(f.body.contains("slipped through"), "{}", f.body);
    // The ladder's own item for that invoice does not show twice.
    assert!(queue_keys(d21).await.iter().all(|(i, _, _)| *i != inv));
    let again = contacts::list_promises(d21, Some(client), None).await.unwrap();
    assert_eq!(again[0].outcome, "broken");
    assert_eq!(again[0].resolved_on.as_deref(), Some("2026-11-21"));
    let broken_entries = contacts::timeline(
        d21,
        &TimelineRequest { client_id: Some(client), kinds: vec!["promise_broken".into()], ..Default::default() },
    )
    .await
    .unwrap();
    assert_eq!(broken_entries.len(), 1, "resolution is recorded once");

    contacts::promise_follow_up_done(
        d21,
        &PromiseFollowUpDone { promise_id: f.promise.id, channel: kindly_followup::ladder::Channel::Email },
    )
    .await
    .expect("done");
    assert!(contacts::promise_queue(d21, None).await.unwrap().is_empty());
    let e = contacts::promise_follow_up_done(
        d21,
        &PromiseFollowUpDone { promise_id: f.promise.id, channel: kindly_followup::ladder::Channel::Email },
    )
    .await
    .unwrap_err();
    assert_eq!(e.code, "already_done");
    // The promise's facts cannot be rewritten, even in raw SQL.
    let err = raw_exec(&db.path, "UPDATE promises SET amount_minor = 1").await.unwrap_err();
    assert!(err.contains("append-only"), "{err}");
    let err = raw_exec(&db.path, "DELETE FROM promises").await.unwrap_err();
    assert!(err.contains("append-only"), "{err}");
}

#[tokio::test]
async fn a_kept_promise_shows_as_kept_and_a_users_dispute_hold_is_left_alone() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-08");
    let (client, inv) = setup(day, true).await;
    followups::set_invoice_hold(day, inv, "disputed", None, "Client says the logo was late").await.unwrap();
    let p = contacts::add_promise(
        day,
        &PromiseInput {
            invoice_id: inv,
            promised_on: "2026-11-15".into(),
            amount: "".into(),
            how: kindly_core::vocab::AgreedHow::Email,
        },
    )
    .await
    .expect("promise");
    assert_eq!(p.amount.amount, "1000.00");
    let hold = db.store.invoice_hold(inv).await.unwrap().expect("still on hold");
    assert_eq!(hold.0, "disputed");
    assert_eq!(hold.2, "Client says the logo was late");
    // An unknown way of promising cannot even cross IPC: the type refuses it.
    let e = serde_json::from_value::<PromiseInput>(serde_json::json!({
        "invoice_id": inv, "promised_on": "2026-11-15", "amount": "", "how": "pigeon"
    }))
    .unwrap_err();
    assert!(e.to_string().contains("pigeon"), "{e}");

    let d12 = on(&db.store, "2026-11-12");
    kindly_api::payments::record(
        d12,
        &PaymentInput {
            invoice_id: inv,
            amount: "1000".into(),
            date: "2026-11-12".into(),
            method: kindly_core::payment::PaymentMethod::BankTransfer,
            reference: "".into(),
        },
    )
    .await
    .expect("pay");
    let ps = contacts::list_promises(on(&db.store, "2026-11-30"), Some(client), None).await.unwrap();
    assert_eq!(ps[0].outcome, "kept");
    // Kept was recorded on the first look after the payment, not later.
    assert_eq!(ps[0].resolved_on.as_deref(), Some("2026-11-30"));
    assert!(contacts::promise_queue(on(&db.store, "2026-11-30"), None).await.unwrap().is_empty());
}

async fn raw_exec(path: &std::path::Path, sql: &str) -> Result<(), String> {
    kindly_tests::raw_at(path).await.exec(sql, &[]).await.map_err(|e| e.to_string())
}

const EML: &[u8] = b"From: Zoe Mueller <zoe@example.com>\r\nTo: Ada Studio <ada@example.test>\r\nSubject: Re: invoice INV-2026-0001\r\nDate: Mon, 09 Nov 2026 09:15:00 +0100\r\nMessage-ID: <abc@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello Ada,\r\n\r\nsorry for the delay, I will pay on the 20th.\r\n\r\nZoe\r\n";

fn tiny_pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".to_vec()
}

#[tokio::test]
async fn inbound_contact_keeps_its_files_and_the_timeline_is_append_only_with_corrections() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-09");
    let (client, inv) = setup(day, true).await;
    let eml_path = db.dir.path().join("reply.eml");
    std::fs::write(&eml_path, EML).unwrap();
    let id = contacts::log_contact(
        day,
        &ContactInput {
            client_id: client,
            invoice_id: Some(inv),
            kind: kindly_core::vocab::ContactKind::Email,
            file_path: Some(eml_path.display().to_string()),
            ..Default::default()
        },
    )
    .await
    .expect("email");
    let e = db.store.timeline_entry(id).await.unwrap();
    assert_eq!(e.data["from"], "Zoe Mueller <zoe@example.com>");
    assert_eq!(e.data["to"][0], "Ada Studio <ada@example.test>");
    assert_eq!(e.data["subject"], "Re: invoice INV-2026-0001");
    assert!(e.data["body"].as_str().unwrap().contains("I will pay on the 20th"));
    let f = &e.data["files"][0];
    let sha = format!("{:x}", sha2::Sha256::digest(EML));
    assert_eq!(f["sha256"], sha.as_str());
    assert_eq!(f["kind"], "eml");
    let kept = db.dir.path().join(f["path"].as_str().unwrap());
    assert_eq!(std::fs::read(&kept).unwrap(), EML);

    // A letter with its scan, sent by the UI as bytes; a non-scan is refused.
    let letter = contacts::log_contact(
        day,
        &ContactInput {
            client_id: client,
            kind: kindly_core::vocab::ContactKind::Letter,
            text: "Letter asking for a copy of the invoice".into(),
            file: Some(FileInput { name: "scan.pdf".into(), bytes: tiny_pdf() }),
            ..Default::default()
        },
    )
    .await
    .expect("letter");
    let e = contacts::log_contact(
        day,
        &ContactInput {
            client_id: client,
            kind: kindly_core::vocab::ContactKind::Letter,
            file: Some(FileInput { name: "scan.pdf".into(), bytes: b"not a pdf".to_vec() }),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(e.code, "unsupported_scan");
    let pasted = contacts::log_contact(
        day,
        &ContactInput {
            client_id: client,
            kind: kindly_core::vocab::ContactKind::Email,
            text: "Pasted: thanks, paying soon".into(),
            ..Default::default()
        },
    )
    .await
    .expect("pasted");
    let call = contacts::log_contact(
        day,
        &ContactInput {
            client_id: client,
            kind: kindly_core::vocab::ContactKind::IncomingCall,
            text: "Called to ask for the IBAN".into(),
            ..Default::default()
        },
    )
    .await
    .expect("incoming call");

    // Append-only, through the store's own errors and through raw SQL.
    for sql in [
        format!("UPDATE timeline SET summary = 'x' WHERE id = {letter}"),
        format!("DELETE FROM timeline WHERE id = {letter}"),
    ] {
        let err = raw_exec(&db.path, &sql).await.unwrap_err();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    let before = db.store.timeline_entry(call).await.unwrap();
    let fix = contacts::correct_entry(
        day,
        &CorrectionInput { entry_id: call, text: "It was about the BIC, not the IBAN".into() },
    )
    .await
    .expect("correction");
    let after = db.store.timeline_entry(call).await.unwrap();
    assert_eq!(after.summary, before.summary);
    assert_eq!(after.data, before.data);
    assert_eq!(after.corrected_by, vec![fix]);
    assert_eq!(db.store.timeline_entry(fix).await.unwrap().refers_to, Some(call));
    // A correction refers only to the same client's entries.
    let other = kindly_api::clients::create(day, &ClientInput { display_name: "Other".into(), ..Default::default() })
        .await
        .unwrap();
    let ev = kindly_store::NewEvent {
        client_id: other,
        invoice_id: None,
        at: now(),
        kind: kindly_core::timeline::EventKind::Correction,
        summary: "x",
        data: serde_json::json!({}),
    };
    assert_eq!(db.store.append_entry(&ev, Some(call)).await.unwrap_err().code(), "not_found");

    // Filters: by kinds, by days in the user's zone.
    let t = |kinds: &[&str], from: Option<&str>, to: Option<&str>| TimelineRequest {
        client_id: Some(client),
        kinds: kinds.iter().map(|k| k.to_string()).collect(),
        from: from.map(String::from),
        to: to.map(String::from),
        utc_offset_minutes: 60,
        ..Default::default()
    };
    let inbound = contacts::timeline(day, &t(&["inbound_contact"], None, None)).await.unwrap();
    assert_eq!(inbound.iter().map(|e| e.id).collect::<Vec<_>>(), vec![call, pasted, letter, id]);
    let both = contacts::timeline(day, &t(&["inbound_contact", "correction"], None, None)).await.unwrap();
    assert_eq!(both.len(), 5);
    // now() is 2026-11-23 10:42 UTC, i.e. 11:42 on the 23rd at UTC+1: every entry is on that day.
    let all = contacts::timeline(day, &t(&[], None, None)).await.unwrap().len();
    assert!(all > both.len());
    assert_eq!(contacts::timeline(day, &t(&[], Some("2026-11-23"), Some("2026-11-23"))).await.unwrap().len(), all);
    assert!(contacts::timeline(day, &t(&[], Some("2026-11-24"), None)).await.unwrap().is_empty());
    assert!(contacts::timeline(day, &t(&[], None, Some("2026-11-22"))).await.unwrap().is_empty());
    assert_eq!(contacts::timeline(day, &t(&["nonsense"], None, None)).await.unwrap_err().code, "invalid_kind");
    assert_eq!(
        contacts::timeline(day, &t(&[], Some("2026-11-24"), Some("2026-11-01"))).await.unwrap_err().code,
        "range_reversed"
    );
}

#[tokio::test]
async fn the_dossier_has_the_summary_every_contact_the_full_texts_and_checked_files() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-08");
    let (client, inv) = setup(day, true).await;
    // A second invoice, partly paid.
    let inv2 = kindly_api::invoices::create(
        day,
        &InvoiceInput {
            client_id: client,
            issue_date: "2026-10-10".into(),
            due_date: "2026-10-20".into(),
            currency: "EUR".into(),
            lines: vec![LineInput {
                description: "Hosting".into(),
                quantity: "1".into(),
                unit_price: "250".into(),
                tax_rate: "".into(),
            }],
            issue: true,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    kindly_api::payments::record(
        day,
        &PaymentInput {
            invoice_id: inv2,
            amount: "100".into(),
            date: "2026-11-05".into(),
            method: kindly_core::payment::PaymentMethod::BankTransfer,
            reference: "SEPA-77".into(),
        },
    )
    .await
    .unwrap();
    contacts::log_contact(
        day,
        &ContactInput {
            client_id: client,
            kind: kindly_core::vocab::ContactKind::Note,
            text: "Met Zoë at the fair; friendly chat.".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    contacts::log_call(
        day,
        &CallLogInput {
            notes: "She will pay half by the 20th, formula =1+1 stays text".into(),
            promise_date: Some("2026-11-20".into()),
            promise_amount: Some("500".into()),
            ..call(inv, "reached")
        },
    )
    .await
    .unwrap();
    let eml = db.dir.path().join("reply.eml");
    std::fs::write(&eml, EML).unwrap();
    contacts::log_contact(
        day,
        &ContactInput {
            client_id: client,
            invoice_id: Some(inv),
            kind: kindly_core::vocab::ContactKind::Email,
            file_path: Some(eml.display().to_string()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let scan = contacts::log_contact(
        day,
        &ContactInput {
            client_id: client,
            kind: kindly_core::vocab::ContactKind::Letter,
            text: "Her letter with a cheque stub".into(),
            file: Some(FileInput { name: "letter-scan.pdf".into(), bytes: tiny_pdf() }),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    // A kept file that later went missing must be reported, not skipped.
    let scan_entry = db.store.timeline_entry(scan).await.unwrap();
    let scan_sha = scan_entry.data["files"][0]["sha256"].as_str().unwrap().to_string();
    std::fs::remove_file(db.dir.path().join(scan_entry.data["files"][0]["path"].as_str().unwrap())).unwrap();

    let fonts = kindly_pdf::Fonts::load().expect("fonts");
    let out = db.dir.path().join("out");
    let today = on(&db.store, "2026-11-23");
    let r = dossier::export(
        today,
        &fonts,
        &DossierRequest {
            client_id: client,
            invoice_id: None,
            out_dir: Some(out.display().to_string()),
            utc_offset_minutes: 60,
            page_size: Some(kindly_pdf::PageSize::A4),
        },
    )
    .await
    .expect("dossier");
    assert!(r.entries >= 8, "{}", r.entries);
    let eml_sha = format!("{:x}", sha2::Sha256::digest(EML));
    let status = |sha: &str| r.files.iter().find(|f| f.sha256 == sha).map(|f| f.status.as_str());
    assert_eq!(status(&eml_sha), Some("ok"));
    // A scan gone from the folder is missing; a team database still holds
    // its copy, checked against the recorded SHA-256.
    let lost = if kindly_tests::on_postgres() { "ok" } else { "missing" };
    assert_eq!(status(&scan_sha), Some(lost));

    let text = kindly_tests::pdftotext(&r.pdf_path);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for must in [
        "Payment record: Zoë Müller",
        "Summary as of 23 November 2026",
        "INV-2026-0001",
        "INV-2026-0002",
        "€1,000.00",
        "€250.00",
        "€100.00",
        "€150.00",
        // total invoiced 1,250, paid 100, owing 1,150; most days overdue 34 (due Oct 20)
        "invoiced €1,250.00, paid €100.00, still owing €1,150.00; most days overdue: 34",
        "SEPA-77",
        "Met Zoë at the fair",
        "promise to pay €500.00 by 2026-11-20",
        "I will pay on the 20th",
        "Re: invoice INV-2026-0001",
        "23 Nov 2026 11:42 (UTC+01:00)",
        eml_sha.as_str(),
        scan_sha.as_str(),
        if lost == "missing" { "missing: the file is no longer where it was kept" } else { "Bank transfer" },
        "Bank transfer",
        "Page 1 of",
    ] {
        assert!(flat.contains(must), "dossier PDF lacks {must:?}:\n{text}");
    }
    // No raw recorded value reaches a reader.
    for raw in ["bank_transfer", "call_logged", "(EUR 1", "(EUR 2", "payment_recorded", "in_person"] {
        assert!(!flat.contains(raw), "dossier PDF shows {raw:?}:\n{text}");
    }

    // The CSV parses and holds the same entries with time-zoned timestamps.
    let mut rd = csv::Reader::from_path(&r.csv_path).expect("csv");
    let headers = rd.headers().unwrap().clone();
    assert_eq!(&headers[1], "Time");
    let rows: Vec<csv::StringRecord> = rd.records().map(|x| x.expect("record")).collect();
    assert_eq!(rows.len() as i64, r.entries);
    assert!(rows.iter().all(|x| x[1].ends_with("+01:00")));
    assert!(rows.iter().any(|x| x[2] == *"Call" && x[7].contains("formula =1+1 stays text")));
    assert!(rows.iter().all(|x| !x[2].contains('_') && !x[3].contains('_')), "kinds and channels are words");
    assert!(rows.iter().any(|x| x[9].contains(&eml_sha)));

    // The zip lists the PDF, the CSV, the original .eml and SHA256SUMS, whose hashes match.
    let mut z = zip::ZipArchive::new(std::fs::File::open(&r.zip_path).unwrap()).expect("zip");
    let mut names: Vec<String> = (0..z.len()).map(|i| z.by_index(i).unwrap().name().unwrap().to_string()).collect();
    names.sort();
    assert!(names.contains(&"dossier.pdf".to_string()) && names.contains(&"timeline.csv".to_string()), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("files/") && n.ends_with("reply.eml")), "{names:?}");
    // The scan gone from the folder is not invented; a team database's copy is included.
    let scan_in_zip = names.iter().any(|n| n.ends_with("letter-scan.pdf"));
    assert_eq!(scan_in_zip, lost == "ok", "{names:?}");
    let mut sums = String::new();
    z.by_name("SHA256SUMS").unwrap().read_to_string(&mut sums).unwrap();
    let mut checked = 0;
    for line in sums.lines() {
        let (hash, name) = line.split_once("  ").expect("sum line");
        let mut bytes = Vec::new();
        z.by_name(name).unwrap().read_to_end(&mut bytes).unwrap();
        assert_eq!(format!("{:x}", sha2::Sha256::digest(&bytes)), hash, "{name}");
        checked += 1;
    }
    assert_eq!(checked, names.len() - 1);
    let mut eml_in_zip = Vec::new();
    let eml_name = names.iter().find(|n| n.ends_with("reply.eml")).unwrap().clone();
    z.by_name(&eml_name).unwrap().read_to_end(&mut eml_in_zip).unwrap();
    assert_eq!(eml_in_zip, EML);

    // One invoice only.
    let r1 = dossier::export(
        today,
        &fonts,
        &DossierRequest {
            client_id: client,
            invoice_id: Some(inv2),
            out_dir: Some(out.display().to_string()),
            utc_offset_minutes: -300,
            page_size: None,
        },
    )
    .await
    .expect("invoice dossier");
    let t1 = kindly_tests::pdftotext(&r1.pdf_path);
    assert!(t1.contains("INV-2026-0002") && !t1.contains("Met Zo"), "{t1}");
    assert!(t1.contains("-05:00"), "{t1}");
}

#[tokio::test]
async fn a_filtered_timeline_of_thousands_of_entries_reads_fast() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-08");
    let (client, _) = setup(day, true).await;
    for i in 0..3000 {
        let kind = if i % 10 == 0 {
            kindly_core::vocab::ContactKind::IncomingCall
        } else {
            kindly_core::vocab::ContactKind::Note
        };
        contacts::log_contact(
            day,
            &ContactInput { client_id: client, kind, text: format!("entry {i}"), ..Default::default() },
        )
        .await
        .unwrap();
    }
    let t = std::time::Instant::now();
    let calls = contacts::timeline(
        day,
        &TimelineRequest {
            client_id: Some(client),
            kinds: vec!["inbound_contact".into()],
            limit: 100,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let took = t.elapsed();
    assert_eq!(calls.len(), 100);
    // Generous bound for a debug build on a shared 2-core machine; measured ~2-5 ms.
    assert!(took.as_millis() < 500, "{took:?}");
    eprintln!("filtered timeline of 3000+ entries: {took:?}");
}

#[tokio::test]
async fn a_payment_after_the_promised_day_does_not_make_the_promise_kept() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-08");
    let (client, inv) = setup(day, true).await;
    contacts::add_promise(
        day,
        &PromiseInput {
            invoice_id: inv,
            promised_on: "2026-11-15".into(),
            amount: "".into(),
            how: kindly_core::vocab::AgreedHow::Letter,
        },
    )
    .await
    .expect("promise");
    // Nobody opens Kindly until after the late payment.
    kindly_api::payments::record(
        on(&db.store, "2026-11-18"),
        &PaymentInput {
            invoice_id: inv,
            amount: "1000".into(),
            date: "2026-11-18".into(),
            method: kindly_core::payment::PaymentMethod::BankTransfer,
            reference: "".into(),
        },
    )
    .await
    .expect("pay");
    let ps = contacts::list_promises(on(&db.store, "2026-11-30"), Some(client), None).await.unwrap();
    assert_eq!(ps[0].outcome, "broken");
    // Paid in full: nothing left to follow up.
    assert!(contacts::promise_queue(on(&db.store, "2026-11-30"), None).await.unwrap().is_empty());
}

/// Regression: invoices whose broken promise waits for its follow-up were
/// left out of today's queue only after a page was read, so the queue's
/// count included them and a page could come back empty before the end.
#[tokio::test]
async fn invoices_paused_by_a_promise_are_neither_counted_nor_repeated_across_pages() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-02");
    let (client, first) = setup(day, true).await;
    let mut others = Vec::new();
    for _ in 0..3 {
        let input = InvoiceInput {
            client_id: client,
            issue_date: "2026-10-02".into(),
            due_date: "2026-11-01".into(),
            currency: "EUR".into(),
            lines: vec![LineInput {
                description: "Hosting".into(),
                quantity: "1".into(),
                unit_price: "50".into(),
                tax_rate: "".into(),
            }],
            issue: true,
            ..Default::default()
        };
        others.push(kindly_api::invoices::create(day, &input).await.expect("invoice").id);
    }
    // The oldest invoice (first in the queue's order) is paused by a promise.
    let promise = PromiseInput {
        invoice_id: first,
        promised_on: "2026-11-10".into(),
        amount: String::new(),
        how: kindly_core::vocab::AgreedHow::Email,
    };
    contacts::add_promise(day, &promise).await.expect("promise");
    // The promised day passed unpaid: the invoice waits for its follow-up (the promise queue), not the ladder.
    let day = on(&db.store, "2026-11-11");
    assert_eq!(contacts::promise_queue(day, None).await.unwrap().len(), 1);

    let mut seen = Vec::new();
    let mut total = None;
    loop {
        let req = QueueRequest { client_id: None, offset: seen.len() as i64, limit: 1, ..Default::default() };
        let page = followups::queue(day, &req).await.expect("queue");
        total.get_or_insert(page.total);
        if page.items.is_empty() {
            break;
        }
        seen.extend(page.items.iter().map(|i| i.invoice_id));
    }
    others.sort_unstable();
    seen.sort_unstable();
    assert_eq!(seen, others, "every unpaused invoice once, the paused one never");
    assert_eq!(total, Some(3), "the count leaves out the paused invoice");
}

/// The timeline is read page by page with a cursor: every entry once, newest
/// first, even when many share the same instant, and an entry added while
/// the user reads does not shift the pages.
#[tokio::test]
async fn the_timeline_pages_with_a_cursor_without_repeating_or_skipping() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-08");
    let (client, _) = setup(day, true).await;
    for n in 0..25 {
        let note = ContactInput {
            client_id: client,
            kind: kindly_core::vocab::ContactKind::Note,
            text: format!("note {n}"),
            ..Default::default()
        };
        contacts::log_contact(day, &note).await.expect("note");
    }
    let all =
        contacts::timeline(day, &TimelineRequest { client_id: Some(client), ..Default::default() }).await.unwrap();
    assert!(all.len() > 25, "the notes and the invoice's own entries");

    let mut pages = Vec::new();
    let mut before = None;
    loop {
        let req = TimelineRequest { client_id: Some(client), limit: 10, before_entry: before, ..Default::default() };
        let page = contacts::timeline(day, &req).await.unwrap();
        if pages.is_empty() {
            // Added after the first page was shown: it belongs above, not in a later page.
            let late = ContactInput {
                client_id: client,
                kind: kindly_core::vocab::ContactKind::Note,
                text: "late".into(),
                ..Default::default()
            };
            contacts::log_contact(day, &late).await.expect("late note");
        }
        let Some(last) = page.last() else { break };
        before = Some(last.id);
        pages.extend(page.into_iter().map(|e| e.id));
    }
    let expected: Vec<i64> = all.iter().map(|e| e.id).collect();
    assert_eq!(pages, expected, "every entry once, in the same order as one read");
}

/// "Save a copy…" copies a kept file where the save dialog pointed, leaves
/// the kept one as it was, and refuses anything outside the data folder.
#[tokio::test]
async fn a_kept_file_is_copied_where_the_user_chose_and_nothing_else_is() {
    let d = kindly_tests::open_db().await;
    let ctx = kindly_tests::on(&d.store, "2026-11-23");
    let kept = d.dir.path().join("letters").join("letters-1.pdf");
    std::fs::create_dir_all(kept.parent().unwrap()).unwrap();
    std::fs::write(&kept, b"%PDF-1.7 letters").unwrap();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("Reminders.pdf");
    std::fs::write(&target, b"an older copy").unwrap();

    let saved =
        kindly_api::contacts::save_kept_copy(ctx, "letters/letters-1.pdf", target.to_str().unwrap()).await.unwrap();
    assert_eq!(saved, target.display().to_string());
    assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-1.7 letters", "the chosen file is replaced");
    assert_eq!(std::fs::read(&kept).unwrap(), b"%PDF-1.7 letters", "the kept file is untouched");
    let left: Vec<_> = std::fs::read_dir(out.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(left.len(), 1, "no temporary file is left: {left:?}");

    let outside = out.path().join("Reminders.pdf").display().to_string();
    let e = kindly_api::contacts::save_kept_copy(ctx, &outside, out.path().join("x.pdf").to_str().unwrap())
        .await
        .unwrap_err();
    assert_eq!(e.code, kindly_api::ErrorCode::NotAKeptFile);
    let e = kindly_api::contacts::save_kept_copy(ctx, "letters/letters-1.pdf", "  ").await.unwrap_err();
    assert_eq!(e.code, kindly_api::ErrorCode::Required);
}

/// A German client's dossier is German throughout: headings, columns,
/// channel and method words, dates and money as the letters write them,
/// the page numbers; raw values never appear, and no word is broken in the
/// narrow columns.
#[tokio::test]
async fn a_german_clients_dossier_is_in_german_with_no_raw_values() {
    let db = open_db().await;
    let day = on(&db.store, "2026-11-08");
    let client = kindly_api::clients::create(
        day,
        &ClientInput {
            display_name: "Jürgen Weiß".into(),
            greeting_name: "Herr Weiß".into(),
            emails: vec!["jw@example.de".into()],
            address: "Hauptstraße 1\n10115 Berlin".into(),
            language: "de".into(),
            ..Default::default()
        },
    )
    .await
    .expect("client");
    let inv = kindly_api::invoices::create(
        day,
        &InvoiceInput {
            client_id: client,
            issue_date: "2026-10-02".into(),
            due_date: "2026-11-01".into(),
            currency: "EUR".into(),
            lines: vec![LineInput {
                description: "Zahlungserinnerungsvorlagen".into(),
                quantity: "1".into(),
                unit_price: "2739.69".into(),
                tax_rate: "".into(),
            }],
            issue: true,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    kindly_api::payments::record(
        day,
        &PaymentInput {
            invoice_id: inv,
            amount: "500".into(),
            date: "2026-11-05".into(),
            method: kindly_core::payment::PaymentMethod::BankTransfer,
            reference: "RF18 5390 0754 7034".into(),
        },
    )
    .await
    .unwrap();
    contacts::log_contact(
        day,
        &ContactInput {
            client_id: client,
            kind: kindly_core::vocab::ContactKind::Note,
            text: "Zahlungserinnerung telefonisch angekündigt".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let fonts = kindly_pdf::Fonts::load().expect("fonts");
    let out = db.dir.path().join("out");
    let r = dossier::export(
        on(&db.store, "2026-11-23"),
        &fonts,
        &DossierRequest {
            client_id: client,
            invoice_id: None,
            out_dir: Some(out.display().to_string()),
            utc_offset_minutes: 60,
            page_size: None,
        },
    )
    .await
    .expect("dossier");
    let text = kindly_tests::pdftotext(&r.pdf_path);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for must in [
        "Zahlungsverlauf: Jürgen Weiß",
        "Übersicht zum 23. November 2026",
        "Eingegangene Zahlungen",
        "Jeder Kontakt, der Reihe nach",
        "Überweisung",
        "2.739,69 €",
        "2.239,69 €",
        "02.10.2026",
        "Rechnung INV-2026-0001 erstellt: 2.739,69 €",
        "Zahlung über 500,00 € für INV-2026-0001",
        "eingegangen (Überweisung)",
        "Kunde angelegt",
        "Seite 1 von",
        "Kanal",
        "Zahlungserinnerung",
    ] {
        assert!(flat.contains(must), "German dossier lacks {must:?}:\n{text}");
    }
    for raw in
        ["bank_transfer", "(EUR 2", "2739.69", "payment_recorded", "Payment record", "Summary as of", "Page 1", "added"]
    {
        assert!(!flat.contains(raw), "German dossier shows {raw:?}:\n{text}");
    }
    let csv_text = std::fs::read_to_string(&r.csv_path).unwrap();
    assert!(csv_text.starts_with("Eintrag,Zeit,Art,Kanal,Richtung,Rechnung,Was geschah,"), "{csv_text}");
    assert!(!csv_text.contains("bank_transfer") && !csv_text.contains("(EUR 2"), "{csv_text}");

    // The timeline the UI shows renders recorded facts in the user's language (English here).
    let tl = contacts::timeline(
        on(&db.store, "2026-11-23"),
        &TimelineRequest { client_id: Some(client), ..Default::default() },
    )
    .await
    .unwrap();
    let summaries: Vec<&str> = tl.iter().map(|e| e.summary.as_str()).collect();
    assert!(summaries.contains(&"Invoice INV-2026-0001 created: €2,739.69"), "{summaries:?}");
    assert!(summaries.iter().all(|s| !s.contains("(EUR 2") && !s.contains("bank_transfer")), "{summaries:?}");
}

//! End to end: log a call with a promise to pay from today's queue, see it
//! in the client's timeline, and export the evidence dossier (its PDF read
//! back with pdftotext).

use super::{add_invoice, binary, click, kindly, set_value, start_in, wait, wait_gone, wait_text};
use fantoccini::Locator;
use std::process::Command;

#[tokio::test(flavor = "multi_thread")]
async fn log_a_call_with_a_promise_see_it_in_the_timeline_and_export_the_dossier() {
    let data = tempfile::tempdir().expect("tempdir");
    let client = kindly(
        data.path(),
        &[
            "clients",
            "add",
            "--name",
            "Zoë Müller",
            "--greeting",
            "Zoë",
            "--phone",
            "+49 30 1234567",
            "--email",
            "zoe@example.com",
        ],
    )["id"]
        .as_i64()
        .expect("client id");
    let inv = add_invoice(data.path(), &client.to_string(), 60, "Illustrations;1;480;");
    let number = inv["number"].as_str().expect("number").to_string();
    // This client's ladder ends with a call, so today's step is a phone call.
    {
        let store = kindly_store::Store::open(&data.path().join("kindly.db")).await.expect("open");
        let ctx = kindly_api::Ctx::new(&store, chrono::Utc::now(), chrono::Local::now().date_naive());
        let stage = |key: &str, offset: i64, channel: &str| kindly_api::followups::StageView {
            key: key.into(),
            name: if channel == "phone" { "Friendly call".into() } else { "Friendly reminder".into() },
            offset_days: offset,
            tone: kindly_followup::ladder::Tone::Courteous,
            channel: kindly_followup::ladder::Channel::parse(channel).expect("a channel"),
        };
        let ladder = kindly_api::followups::LadderView {
            stages: vec![stage("reminder", 1, "email"), stage("call", 7, "phone")],
        };
        kindly_api::followups::set_client_ladder(ctx, client, Some(&ladder)).await.expect("ladder");
        store.close().await;
    }
    let promised = (chrono::Local::now().date_naive() + chrono::Days::new(10)).to_string();
    let dir = data.path().to_path_buf();
    let _ = binary("kindly-app");

    let d = start_in(data).await;
    let c = &d.client;
    // The overview is the first screen; the follow-ups are on Today.
    click(c, "nav-today").await;
    click(c, "queue-row").await;
    wait(c, "call-dialog").await;
    wait_text(c, "call-phone", "+49 30 1234567").await;
    wait_text(c, "call-script", "Zoë").await;
    wait_text(c, "call-script", "€480.00").await;
    click(c, "outcome-reached").await;
    click(c, "call-promise").await;
    // Date inputs are set the way a date picker does: value, then an input event.
    set_value(c, "promise-date", &promised).await;
    wait(c, "promise-amount").await.send_keys("200").await.expect("amount");
    wait(c, "call-notes").await.send_keys("Very friendly; paying after the holidays").await.expect("notes");
    click(c, "call-plan").await;
    click(c, "call-log").await;
    wait_text(c, "call-result", "pauses until the promised day").await;
    // They also asked for a plan: propose it from the call, without leaving it.
    click(c, "call-propose-plan").await;
    wait(c, "plan-schedule").await;
    click(c, "plan-propose").await;
    wait_text(c, "call-plan-result", "proposed").await;
    click(c, "call-log").await;
    wait_gone(c, "call-dialog").await;
    wait(c, "queue-empty").await;

    // The client's page: the promise and the call in the timeline.
    click(c, "nav-clients").await;
    click(c, "client-row").await;
    wait_text(c, "promises", "€200.00").await;
    wait_text(c, "promises", "Open").await;
    wait_text(c, "timeline", "Call for invoice").await;
    wait_text(c, "timeline", "promise to pay €200.00").await;
    wait_text(c, "timeline", "Promise to pay given on the phone").await;
    // Filter to calls only.
    click(c, "filter-calls").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let n = c.find_all(Locator::Css("[data-testid=\"timeline-entry\"]")).await.expect("entries").len();
        if n == 1 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "filtering to calls left {n} entries");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    click(c, "export-dossier").await;
    wait_text(c, "dossier-result", ".zip").await;
    let exports: Vec<_> =
        std::fs::read_dir(dir.join("exports")).expect("exports folder").flatten().map(|e| e.path()).collect();
    for ext in ["pdf", "csv", "zip"] {
        assert!(exports.iter().any(|p| p.extension().is_some_and(|e| e == ext)), "no .{ext} in {exports:?}");
    }
    let pdf = exports.iter().find(|p| p.extension().is_some_and(|e| e == "pdf")).expect("pdf");
    let text = Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    for must in [
        "Payment record: Zoë Müller",
        number.as_str(),
        "€480.00",
        "Very friendly; paying after the holidays",
        "€200.00",
    ] {
        assert!(text.contains(must), "the dossier lacks {must}:\n{text}");
    }
    d.client.clone().close().await.expect("close session");
}

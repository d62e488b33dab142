//! Today at any size: the filters and groups count what they show (each
//! choice counted with the other filters applied), the filtered queue lists
//! exactly the matching follow-ups, and "Print today's letters" prints the
//! number it names, or nothing when that number no longer holds.

use super::{client, invoice};
use kindly_api::due::QueueFilter;
use kindly_api::followups::{self, QueueRequest};
use kindly_api::letters::{generate_letters, LettersRequest};
use kindly_api::today::{self, QueueSummary, QueueSummaryRequest};
use kindly_api::{Ctx, ErrorCode};
use kindly_core::locale::Locale;
use kindly_core::vocab::QueueGrouping;
use kindly_followup::ladder::{Channel, Tone};
use kindly_tests::{
    client_input, create_client, create_invoice, fake_printer, issued_invoice, line, on, open_business_db,
};

async fn client_in(ctx: Ctx<'_>, name: &str, email: Option<&str>, language: &str) -> i64 {
    let mut input = client_input(name, email.map(|e| vec![e.to_string()]).unwrap_or_default());
    input.language = language.into();
    create_client(ctx, &input).await
}

async fn summary(ctx: Ctx<'_>, filter: QueueFilter, by: Option<QueueGrouping>) -> QueueSummary {
    today::summary(ctx, &QueueSummaryRequest { filter, by, offset: 0, limit: 100 }).await.expect("summary")
}

async fn numbers(ctx: Ctx<'_>, filter: QueueFilter) -> (i64, Vec<String>) {
    let page = followups::queue(ctx, &QueueRequest { filter, limit: 100, ..Default::default() }).await.expect("queue");
    (page.total, page.items.into_iter().map(|i| i.number).collect())
}

#[tokio::test]
async fn filters_and_groups_count_exactly_what_they_show() {
    let d = open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let ann = client_in(ctx, "Ann Archer", Some("ann@example.net"), "en").await;
    let bob = client_in(ctx, "Bob Baumann", None, "de").await;
    let cleo = client_in(ctx, "Cléo Costa", Some("cleo@example.fr"), "fr").await;
    // Ann: a reminder (3 days late) and a follow-up (13 days late), by e-mail.
    let a1 = invoice(ctx, ann, "2026-10-21", "2026-11-20", "100").await;
    let a2 = invoice(ctx, ann, "2026-10-11", "2026-11-10", "200").await;
    // Bob has no e-mail address: his reminder goes by letter.
    let b1 = invoice(ctx, bob, "2026-10-21", "2026-11-20", "50").await;
    // Cléo: the final notice (34 days late, a letter by the ladder), in USD.
    let usd = issued_invoice(cleo, "2026-09-20", "2026-10-20", "USD", vec![line("Design", "1", "75", "")]);
    let c1 = create_invoice(ctx, &usd).await;
    let number = |id: i64| format!("INV-2026-{id:04}");
    assert_eq!([a1, a2, b1, c1], [1, 2, 3, 4], "the numbers below follow the ids");

    let all = summary(ctx, QueueFilter::default(), Some(QueueGrouping::Client)).await;
    assert_eq!((all.total, all.matching), (4, 4));
    let channels: Vec<(Channel, i64)> = all.channels.iter().map(|c| (c.channel, c.count)).collect();
    assert_eq!(channels, [(Channel::Email, 2), (Channel::Letter, 2)]);
    let stages: Vec<(&str, i64)> = all.stages.iter().map(|s| (s.key.as_str(), s.count)).collect();
    assert_eq!(stages, [("reminder", 2), ("follow_up", 1), ("final_notice", 1)], "in ladder order");
    let tones: Vec<(Tone, i64)> = all.tones.iter().map(|t| (t.tone, t.count)).collect();
    assert_eq!(tones, [(Tone::Friendly, 2), (Tone::Courteous, 1), (Tone::CourteousFirm, 1)]);
    let languages: Vec<(Locale, i64)> = all.languages.iter().map(|l| (l.language, l.count)).collect();
    assert_eq!(languages, [(Locale::En, 2), (Locale::De, 1), (Locale::Fr, 1)]);
    let currencies: Vec<(&str, i64)> = all.currencies.iter().map(|c| (c.currency.as_str(), c.count)).collect();
    assert_eq!(currencies, [("EUR", 3), ("USD", 1)]);
    let groups: Vec<(&str, i64, Vec<&str>)> = all
        .groups
        .iter()
        .map(|g| (g.label.as_str(), g.count, g.owing.iter().map(|m| m.formatted.as_str()).collect()))
        .collect();
    assert_eq!(
        groups,
        [("Ann Archer", 2, vec!["€300.00"]), ("Bob Baumann", 1, vec!["€50.00"]), ("Cléo Costa", 1, vec!["$75.00"])]
    );
    assert_eq!(all.groups[0].client_id, Some(ann));

    // By channel: the letters' amounts stay apart per currency.
    let by_channel = summary(ctx, QueueFilter::default(), Some(QueueGrouping::Channel)).await;
    let groups: Vec<(Option<Channel>, i64, Vec<&str>)> = by_channel
        .groups
        .iter()
        .map(|g| (g.channel, g.count, g.owing.iter().map(|m| m.formatted.as_str()).collect()))
        .collect();
    assert_eq!(
        groups,
        [(Some(Channel::Email), 2, vec!["€300.00"]), (Some(Channel::Letter), 2, vec!["€50.00", "$75.00"])]
    );

    // Letters only: two shown; the channel's own counts still offer e-mail,
    // the other filters count within the letters.
    let letters = QueueFilter { channel: Some(Channel::Letter), ..Default::default() };
    let s = summary(ctx, letters.clone(), None).await;
    assert_eq!((s.total, s.matching), (4, 2));
    assert_eq!(s.channels.iter().map(|c| c.count).collect::<Vec<_>>(), [2, 2]);
    let languages: Vec<(Locale, i64)> = s.languages.iter().map(|l| (l.language, l.count)).collect();
    assert_eq!(languages, [(Locale::De, 1), (Locale::Fr, 1)]);
    assert_eq!(numbers(ctx, letters).await, (2, vec![number(c1), number(b1)]));

    // An amount without a currency is in the business currency (EUR here).
    let big = QueueFilter { min_amount: "60".into(), ..Default::default() };
    assert_eq!(numbers(ctx, big.clone()).await, (2, vec![number(a2), number(a1)]));
    assert_eq!(summary(ctx, big, None).await.matching, 2);
    let usd_big = QueueFilter { currency: Some("usd".into()), min_amount: "80".into(), ..Default::default() };
    assert_eq!(numbers(ctx, usd_big).await, (0, vec![]));
    let usd_some = QueueFilter { currency: Some("USD".into()), min_amount: "75.00".into(), ..Default::default() };
    assert_eq!(numbers(ctx, usd_some).await, (1, vec![number(c1)]));

    // Stage, tone and language together.
    let f = QueueFilter {
        stage: Some("reminder".into()),
        tone: Some(Tone::Friendly),
        language: Some(Locale::De),
        ..Default::default()
    };
    assert_eq!(numbers(ctx, f).await, (1, vec![number(b1)]));
    // One client's follow-ups, filtered.
    let page = followups::queue(
        ctx,
        &QueueRequest {
            client_id: Some(ann),
            filter: QueueFilter { stage: Some("follow_up".into()), ..Default::default() },
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .expect("queue");
    assert_eq!(page.items.iter().map(|i| i.invoice_id).collect::<Vec<_>>(), [a2]);

    // Bad input names its field; nothing else changes.
    let bad = QueueFilter { min_amount: "12,5O".into(), ..Default::default() };
    let e = today::summary(ctx, &QueueSummaryRequest { filter: bad.clone(), ..Default::default() }).await.unwrap_err();
    assert_eq!(e.field.as_deref(), Some("min_amount"), "{e:?}");
    let e = followups::queue(ctx, &QueueRequest { filter: bad, ..Default::default() }).await.unwrap_err();
    assert_eq!(e.field.as_deref(), Some("min_amount"), "{e:?}");
    let bad = QueueFilter { currency: Some("EURO".into()), ..Default::default() };
    let e = today::summary(ctx, &QueueSummaryRequest { filter: bad, ..Default::default() }).await.unwrap_err();
    assert_eq!(e.field.as_deref(), Some("currency"), "{e:?}");
}

#[tokio::test]
async fn todays_letters_print_exactly_the_number_the_button_names() {
    let d = open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let tools = tempfile::tempdir().expect("tempdir");
    let fonts = kindly_pdf::Fonts::load().expect("fonts");
    // Two clients without e-mail get letters (one of them about two invoices);
    // one with e-mail gets an e-mail, not a letter.
    let bob = client(ctx, "Bob Baumann", None).await;
    let dan = client(ctx, "Dan Dorsey", None).await;
    let eve = client(ctx, "Eve Evans", Some("eve@example.net")).await;
    for who in [bob, bob, dan, eve] {
        invoice(ctx, who, "2026-10-21", "2026-11-20", "80").await;
    }
    let p = today::letters_preview(ctx).await.expect("preview");
    assert_eq!((p.letters, p.invoices), (2, 3), "{p:?}");

    // A number that no longer holds prints nothing and records nothing.
    let stale = LettersRequest { print: true, expected_letters: Some(3), ..Default::default() };
    let e = generate_letters(ctx, &fonts, &fake_printer(tools.path(), true), &stale).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::CountChanged, "{e:?}");
    assert!(!tools.path().join("printed.log").exists(), "nothing was printed");
    assert_eq!(today::letters_preview(ctx).await.expect("preview").letters, 2, "nothing was recorded");

    let go = LettersRequest { print: true, expected_letters: Some(p.letters), ..Default::default() };
    let r = generate_letters(ctx, &fonts, &fake_printer(tools.path(), true), &go).await.expect("print");
    assert_eq!(r.letters, p.letters, "the button's number is what printed: {r:?}");
    assert_eq!(r.print_state.as_str(), "printed");
    let after = today::letters_preview(ctx).await.expect("preview");
    assert_eq!((after.letters, after.invoices), (0, 0), "nothing is left to print");
}

/// Today's due invoices are read as one JSON array (not 190,000 rows one by
/// one): a client's name with quotes, markup, escapes
/// and any script comes back exactly, and so do amounts and the order.
#[tokio::test]
async fn names_and_amounts_come_back_exactly_from_the_bulk_read_of_due_invoices() {
    let d = open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let odd = "Zoë \"Q\" <b>&amp;</b> \\n back\\slash Ørsted Ελένη 山田 😀 '; DROP";
    let z = client_in(ctx, odd, Some("z@example.net"), "es").await;
    let a = client_in(ctx, "Ann Archer", Some("ann@example.net"), "en").await;
    invoice(ctx, z, "2026-10-11", "2026-11-10", "1234.56").await;
    invoice(ctx, a, "2026-10-21", "2026-11-20", "0.01").await;
    let all = summary(ctx, QueueFilter::default(), Some(QueueGrouping::Client)).await;
    let groups: Vec<(&str, Vec<&str>)> =
        all.groups.iter().map(|g| (g.label.as_str(), g.owing.iter().map(|m| m.amount.as_str()).collect())).collect();
    assert_eq!(groups, [("Ann Archer", vec!["0.01"]), (odd, vec!["1234.56"])]);
    let languages: Vec<(Locale, i64)> = all.languages.iter().map(|l| (l.language, l.count)).collect();
    assert_eq!(languages, [(Locale::En, 1), (Locale::Es, 1)]);
    // The queue's order: the earliest action first.
    let (_, order) = numbers(ctx, QueueFilter { channel: Some(Channel::Email), ..Default::default() }).await;
    assert_eq!(order, ["INV-2026-0001", "INV-2026-0002"]);
}

/// The unfiltered queue pages the index until Today's steps are kept, then
/// pages the kept steps: both give the same page and the same total.
#[tokio::test]
async fn the_unfiltered_queue_is_the_same_from_the_index_and_from_the_kept_steps() {
    let d = open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let a = client_in(ctx, "Ann Archer", Some("ann@example.net"), "en").await;
    let b = client_in(ctx, "Bob Baumann", None, "de").await;
    for (c, issue, due) in
        [(a, "2026-10-21", "2026-11-20"), (b, "2026-10-11", "2026-11-10"), (a, "2026-09-20", "2026-10-20")]
    {
        invoice(ctx, c, issue, due, "100").await;
    }
    let page = |offset| async move {
        let r = QueueRequest { offset, limit: 2, ..Default::default() };
        let p = followups::queue(ctx, &r).await.expect("queue");
        (p.total, p.items.into_iter().map(|i| (i.number, i.stage.key)).collect::<Vec<_>>())
    };
    let from_index = (page(0).await, page(2).await);
    summary(ctx, QueueFilter::default(), None).await;
    let from_kept = (page(0).await, page(2).await);
    assert_eq!(from_index, from_kept);
    assert_eq!((from_kept.0 .0, from_kept.0 .1.len(), from_kept.1 .1.len()), (3, 2, 1));
}

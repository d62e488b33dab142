//! Statutory late-payment interest (issue #16) below the window, on real
//! SQLite files: the per-client setting (off by default, refused for a
//! consumer where the law gives none), the working on an invoice with a
//! partial payment, the final notice and the statement of account stating
//! it only when it is on (never in the balance), the French mandatory
//! mentions on business invoices, and the `kindly` commands.

use kindly_api::documents::{invoice_pdf, InvoicePdfRequest};
use kindly_api::followups::{preview, MessageRequest};
use kindly_api::interest::{client_interest, invoice_interest, set_client_interest, InterestSettings};
use kindly_api::payments::PaymentInput;
use kindly_api::statement::{statement_pdf, StatementRequest};
use kindly_api::Ctx;
use kindly_core::vocab::{DebtorKind, Jurisdiction};
use kindly_core::ErrorCode;
use kindly_pdf::PageSize;
use kindly_tests::{
    business_profile_cli, client_input, create_client, create_invoice, issued_invoice, kindly_json, line, on,
    open_business_db, pdftotext, raw_count, run_kindly,
};
use std::sync::OnceLock;

fn fonts() -> &'static kindly_pdf::Fonts {
    static F: OnceLock<kindly_pdf::Fonts> = OnceLock::new();
    F.get_or_init(|| kindly_pdf::Fonts::load().expect("fonts"))
}

async fn client(c: Ctx<'_>, name: &str, language: &str) -> i64 {
    let mut input = client_input(name, vec![]);
    input.language = language.into();
    create_client(c, &input).await
}

/// €1,000 issued 1 Nov 2025, due 1 Dec 2025, €400 paid on 10 Jan 2026.
async fn late_invoice(c: Ctx<'_>, client_id: i64) -> i64 {
    let id = create_invoice(
        c,
        &issued_invoice(client_id, "2025-11-01", "2025-12-01", "EUR", vec![line("Design", "1", "1000", "")]),
    )
    .await;
    let p = PaymentInput {
        invoice_id: id,
        amount: "400".into(),
        date: "2026-01-10".into(),
        method: kindly_core::payment::PaymentMethod::BankTransfer,
        ..Default::default()
    };
    kindly_api::payments::record(c, &p).await.expect("payment");
    id
}

fn setting(client_id: i64, enabled: bool, jurisdiction: Jurisdiction, debtor: DebtorKind) -> InterestSettings {
    InterestSettings { client_id, enabled, jurisdiction, debtor }
}

#[tokio::test]
async fn off_by_default_saved_per_client_and_refused_for_consumers_where_the_law_gives_none() {
    let d = open_business_db().await;
    let c = on(&d.store, "2026-01-31");
    let id = client(c, "Zoë Ångström", "en").await;
    let v = client_interest(c, id).await.expect("setting");
    assert!(!v.settings.enabled && !v.saved);
    assert_eq!(v.table_updated.to_string(), "2026-02-05");
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM client_interest").await, 0);

    let v = set_client_interest(c, &setting(id, true, Jurisdiction::Uk, DebtorKind::Business)).await.expect("on");
    assert!(v.settings.enabled && v.saved && v.would_add.contains("8 points"), "{}", v.would_add);
    for j in [Jurisdiction::Uk, Jurisdiction::Eu, Jurisdiction::Fr] {
        let e = set_client_interest(c, &setting(id, true, j, DebtorKind::Consumer)).await.unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InterestNotApplicable, Some("debtor")), "{j:?}");
    }
    // Nothing was changed by the refusals.
    let v = client_interest(c, id).await.expect("setting");
    assert_eq!((v.settings.jurisdiction, v.settings.debtor), (Jurisdiction::Uk, DebtorKind::Business));
    // A German consumer is fine (§ 288 (1) BGB); off with any law is fine.
    set_client_interest(c, &setting(id, true, Jurisdiction::De, DebtorKind::Consumer)).await.expect("de consumer");
    set_client_interest(c, &setting(id, false, Jurisdiction::Fr, DebtorKind::Consumer)).await.expect("off");
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM client_interest").await, 1);
    let e = client_interest(c, 9_999).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn the_working_on_an_invoice_with_a_partial_payment() {
    let d = open_business_db().await;
    let c = on(&d.store, "2026-01-31");
    let id = client(c, "Jürgen Weiß", "de").await;
    let inv = late_invoice(c, id).await;
    let e = invoice_interest(c, inv, None).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InterestOff);

    set_client_interest(c, &setting(id, true, Jurisdiction::De, DebtorKind::Business)).await.expect("on");
    let w = invoice_interest(c, inv, None).await.expect("working");
    // 2 Dec 2025 – 10 Jan 2026: 40 days on €1,000; 11–31 Jan 2026: 21 days on €600; both at
    // Basiszinssatz 1.27 % + 9 = 10.27 %. (100000·1027·40 + 60000·1027·21) / 3,650,000 = 1480.005… → €14.80.
    let lines: Vec<(String, String, i64, String, String)> = w
        .lines
        .iter()
        .map(|l| (l.from.to_string(), l.to.to_string(), l.days, l.principal.amount.clone(), l.rate_percent.clone()))
        .collect();
    assert_eq!(
        lines,
        [
            ("2025-12-02".into(), "2026-01-10".into(), 40, "1000.00".into(), "10.27".into()),
            ("2026-01-11".into(), "2026-01-31".into(), 21, "600.00".into(), "10.27".into()),
        ]
    );
    assert_eq!(w.interest.amount, "14.80");
    assert_eq!(w.compensation.as_ref().map(|m| m.amount.as_str()), Some("40.00"));
    assert_eq!(w.total.as_ref().map(|m| m.amount.as_str()), Some("54.80"));
    assert!(w.paragraph.as_deref().unwrap_or_default().contains("§ 288 BGB"), "{:?}", w.paragraph);
    // The invoice's balance is untouched.
    let inv_view = kindly_api::invoices::get(c, inv).await.expect("invoice");
    assert_eq!(inv_view.outstanding.amount, "600.00");

    // A consumer: + 5 points (6.27 %), no flat fee: (100000·627·40 + 60000·627·21) / 3,650,000 = 903.5… → €9.04.
    set_client_interest(c, &setting(id, true, Jurisdiction::De, DebtorKind::Consumer)).await.expect("consumer");
    let w = invoice_interest(c, inv, Some("2026-01-31")).await.expect("working");
    assert_eq!((w.interest.amount.as_str(), w.compensation.is_none()), ("9.04", true));
    // Beyond the rate table: a specific error naming its end.
    let e = invoice_interest(c, inv, Some("2026-07-01")).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InterestRateUnknown);
    assert!(e.message.contains("30 June 2026"), "{}", e.message);
    let e = invoice_interest(c, inv, Some("someday")).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidDate);
}

#[tokio::test]
async fn the_final_notice_states_it_only_when_on() {
    let d = open_business_db().await;
    let c = on(&d.store, "2026-01-31");
    let de = client(c, "Jürgen Weiß", "de").await;
    let inv = late_invoice(c, de).await;
    let req = MessageRequest { invoice_ids: vec![inv], stage_key: Some("final_notice".into()), template: None };
    let off = preview(c, &req).await.expect("preview");
    assert!(!off.body.contains("Verzugszinsen") && !off.body.contains("288"), "{}", off.body);

    set_client_interest(c, &setting(de, true, Jurisdiction::De, DebtorKind::Business)).await.expect("on");
    let on_ = preview(c, &req).await.expect("preview");
    assert!(on_.body.contains("Verzugszinsen") && on_.body.contains("§ 288 BGB"), "{}", on_.body);
    assert!(on_.body.contains("10,27 %") && on_.body.contains("nicht enthalten"), "{}", on_.body);
    assert!(on_.body.contains("Pauschale"), "{}", on_.body);
    // Still courteous: the tone check finds no threat.
    assert!(on_.findings.iter().all(|f| f.rule != "threat"), "{:?}", on_.findings);
    // The amount asked for is the balance, not balance + interest.
    assert_eq!(off.outstanding, on_.outstanding);
    // Other stages never carry it.
    let reminder = MessageRequest { stage_key: Some("reminder".into()), ..req.clone() };
    assert!(!preview(c, &reminder).await.expect("preview").body.contains("Verzugszinsen"));

    // French and English and Spanish wording.
    for (lang, law, word) in [
        ("fr", Jurisdiction::Fr, "L441-10"),
        ("en", Jurisdiction::Uk, "Late Payment"),
        ("es", Jurisdiction::Eu, "2011/7/UE"),
    ] {
        let id = client(c, "Client", lang).await;
        let inv = late_invoice(c, id).await;
        set_client_interest(c, &setting(id, true, law, DebtorKind::Business)).await.expect("on");
        let req = MessageRequest { invoice_ids: vec![inv], stage_key: Some("final_notice".into()), template: None };
        let p = preview(c, &req).await.expect("preview");
        assert!(p.body.contains(word), "{lang}: {}", p.body);
        assert!(p.findings.iter().all(|f| f.rule != "threat"), "{lang}: {:?}", p.findings);
    }
}

#[tokio::test]
async fn the_statement_states_it_only_when_on_and_never_in_the_balance() {
    let d = open_business_db().await;
    let c = on(&d.store, "2026-01-31");
    let id = client(c, "Zoë Ångström", "en").await;
    late_invoice(c, id).await;
    let req = StatementRequest { client_id: id, page_size: Some(PageSize::A4) };
    let off = statement_pdf(c, fonts(), &req).await.expect("statement");
    let off_text = pdftotext(&off.path);
    assert!(!off_text.contains("statutory interest"), "{off_text}");

    set_client_interest(c, &setting(id, true, Jurisdiction::Eu, DebtorKind::Business)).await.expect("on");
    let on_ = statement_pdf(c, fonts(), &req).await.expect("statement");
    let text = pdftotext(&on_.path);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("statutory interest") && flat.contains("Directive 2011/7/EU"), "{flat}");
    assert!(flat.contains("ECB main refinancing rate") && flat.contains("not added to the amount due"), "{flat}");
    assert_eq!(off.balances, on_.balances, "the balance never includes interest");
}

#[tokio::test]
async fn french_business_invoices_carry_the_mandatory_mentions() {
    let d = open_business_db().await;
    let c = on(&d.store, "2025-09-01");
    let fr = client(c, "Élodie Martin", "fr").await;
    let other = client(c, "Jürgen Weiß", "de").await;
    // The mentions are required whether or not interest is stated in letters.
    set_client_interest(c, &setting(fr, false, Jurisdiction::Fr, DebtorKind::Business)).await.expect("fr");
    set_client_interest(c, &setting(other, true, Jurisdiction::De, DebtorKind::Business)).await.expect("de");
    for (client_id, expect) in [(fr, true), (other, false)] {
        let inv = create_invoice(
            c,
            &issued_invoice(client_id, "2025-09-01", "2025-09-30", "EUR", vec![line("Design", "1", "500", "")]),
        )
        .await;
        let pdf = invoice_pdf(c, fonts(), &InvoicePdfRequest { invoice_id: inv, page_size: Some(PageSize::A4) })
            .await
            .expect("pdf");
        let flat = pdftotext(&pdf.path).split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(flat.contains("Pénalités de retard"), expect, "{flat}");
        if expect {
            // H2 2025: BCE 2.15 % + 10 = 12.15 %; the €40 indemnité.
            assert!(flat.contains("12,15 %") && flat.contains("40 €") && flat.contains("D441-5"), "{flat}");
        }
    }
}

/// Through the CLI: a client (name, language) and an EUR 1,000.00
/// invoice to them (issue date, due date); their ids as the CLI takes them.
fn cli_client_owing_1000(
    dir: &std::path::Path,
    day: Option<&str>,
    (name, language): (&str, &str),
    (issued, due): (&str, &str),
) -> (String, String) {
    let client = kindly_json(dir, day, &["clients", "add", "--name", name, "--language", language]);
    let cid = client["id"].to_string();
    let line = ["--currency", "EUR", "--line", "Design;1;1000;0"];
    let args =
        [&["invoices", "add", "--client", &cid, "--issue-date", issued, "--due-date", due][..], &line[..]].concat();
    let inv = kindly_json(dir, day, &args);
    (cid, inv["id"].to_string())
}

#[test]
fn the_cli_sets_and_shows_the_working() {
    let dir = tempfile::tempdir().expect("tempdir");
    business_profile_cli(dir.path());
    let day = Some("2026-01-31");
    let (cid, iid) = cli_client_owing_1000(dir.path(), day, ("Jürgen Weiß", "de"), ("2025-11-01", "2025-12-01"));
    let shown = kindly_json(dir.path(), day, &["clients", "interest", &cid]);
    assert_eq!(shown["settings"]["enabled"], false);
    let (code, _, err) = run_kindly(dir.path(), day, &["invoices", "interest", &iid]);
    assert_ne!(code, 0);
    assert!(err.contains("interest_off") || err.contains("off"), "{err}");
    let (code, _, err) =
        run_kindly(dir.path(), day, &["clients", "interest", &cid, "--on", "--jurisdiction", "uk", "--consumer"]);
    assert_ne!(code, 0);
    assert!(err.contains("consumer"), "{err}");
    let set =
        kindly_json(dir.path(), day, &["clients", "interest", &cid, "--on", "--jurisdiction", "de", "--business"]);
    assert_eq!(
        (set["settings"]["enabled"].as_bool(), set["settings"]["jurisdiction"].as_str()),
        (Some(true), Some("de"))
    );
    // 2 Dec 2025 – 31 Jan 2026: 61 days on €1,000 at 10.27 % = €17.16.
    let w = kindly_json(dir.path(), day, &["invoices", "interest", &iid]);
    assert_eq!(w["interest"]["amount"], "17.16");
    assert_eq!(w["compensation"]["amount"], "40.00");
    let (code, text, _) = run_kindly(dir.path(), day, &["invoices", "interest", &iid, "--on", "2026-01-15"]);
    assert_eq!(code, 0);
    assert!(text.contains("Basiszinssatz") && text.contains("not added"), "{text}");
}

/// The schema itself refuses interest on for a consumer under UK, EU or
/// French rules, whatever program writes to the file.
#[tokio::test]
async fn the_schema_refuses_a_setting_no_law_allows() {
    let d = open_business_db().await;
    let c = on(&d.store, "2026-01-31");
    let id = client(c, "Zoë Ångström", "en").await;
    let mut conn = d.raw().await;
    let insert = |enabled: i64, j: &'static str, k: &'static str| {
        format!(
            "INSERT INTO client_interest (client_id, enabled, jurisdiction, debtor, updated_at) VALUES ({id}, CAST({enabled} AS BOOLEAN), '{j}', '{k}', '2026-01-31T10:00:00.000Z')"
        )
    };
    for (enabled, j, k) in [(1, "uk", "consumer"), (1, "fr", "consumer"), (0, "xx", "business"), (0, "de", "person")] {
        let r = conn.exec(&insert(enabled, j, k), &[]).await;
        assert!(r.is_err(), "{enabled} {j} {k}");
    }
    conn.exec(&insert(1, "de", "consumer"), &[]).await.expect("de consumer");
    let v = client_interest(c, id).await.expect("setting");
    assert_eq!((v.settings.enabled, v.settings.debtor), (true, DebtorKind::Consumer));
}

/// Turning interest on, changing the law and turning it off each leave a
/// timeline entry (who, when, the setting and the one before), worded in
/// the reader's language and in the client's dossier; saving the same
/// setting again adds none.
#[tokio::test]
async fn a_change_of_the_interest_setting_is_on_the_timeline_and_in_the_dossier() {
    use kindly_core::locale::Locale;
    let d = open_business_db().await;
    let c = on(&d.store, "2026-01-31");
    let id = client(c, "Jörg Maier GmbH", "de").await;
    let entries = |kind: &'static str| {
        let path = d.path.clone();
        async move { raw_count(&path, &format!("SELECT COUNT(*) FROM timeline WHERE kind = '{kind}'")).await }
    };
    // Off over nothing: nothing changed, nothing recorded.
    set_client_interest(c, &setting(id, false, Jurisdiction::Uk, DebtorKind::Business)).await.expect("off");
    assert_eq!(entries("interest_changed").await, 0);
    set_client_interest(c, &setting(id, true, Jurisdiction::De, DebtorKind::Business)).await.expect("on");
    set_client_interest(c, &setting(id, true, Jurisdiction::De, DebtorKind::Business)).await.expect("same");
    assert_eq!(entries("interest_changed").await, 1, "the same setting again is no change");
    set_client_interest(c, &setting(id, true, Jurisdiction::De, DebtorKind::Consumer)).await.expect("consumer");
    set_client_interest(c, &setting(id, false, Jurisdiction::De, DebtorKind::Consumer)).await.expect("off");
    assert_eq!(entries("interest_changed").await, 3);

    let timeline = d.store.client_timeline(id, 100).await.expect("timeline");
    let changes: Vec<_> = timeline.iter().filter(|e| e.kind.as_str() == "interest_changed").collect();
    assert_eq!(changes.len(), 3);
    // The first: on, over the "off" row saved before (which recorded nothing).
    let first = changes.iter().find(|e| e.data["before"]["enabled"] == false).expect("the first change");
    assert_eq!(first.data["before"]["jurisdiction"], "uk");
    assert_eq!(first.data["enabled"], true);
    assert_eq!((first.data["jurisdiction"].as_str(), first.data["debtor"].as_str()), (Some("de"), Some("business")));
    assert_eq!(first.data["by"], "user");
    assert_eq!(
        first.summary,
        "You turned statutory late-payment interest on for this client: Germany (§ 288 BGB), the client being a business."
    );
    let second = changes.iter().find(|e| e.data["debtor"] == "consumer" && e.data["enabled"] == true).expect("second");
    assert_eq!(second.data["before"]["debtor"], "business");
    for (locale, on_words, off_words) in [
        (Locale::De, "Sie haben die gesetzlichen Verzugszinsen für diesen Kunden eingeschaltet: Deutschland (§ 288 BGB); der Kunde ist ein Unternehmen.", "ausgeschaltet"),
        (Locale::Fr, "Vous avez activé les intérêts légaux de retard pour ce client : Allemagne (§ 288 BGB) ; le client est une entreprise.", "désactivé"),
        (Locale::Es, "Ha activado los intereses legales de demora para este cliente: Alemania (§ 288 BGB); el cliente es una empresa.", "desactivado"),
        (Locale::En, "You turned statutory late-payment interest on for this client: Germany (§ 288 BGB), the client being a business.", "turned statutory late-payment interest off"),
    ] {
        assert_eq!(kindly_api::wording::timeline_summary(first, locale), on_words);
        let off = changes.iter().find(|e| e.data["enabled"] == false).expect("off entry");
        assert!(kindly_api::wording::timeline_summary(off, locale).contains(off_words), "{locale:?}");
    }

    // The dossier (in the client's language, German) lists each change.
    let dir = tempfile::tempdir().unwrap();
    let req = kindly_api::dossier::DossierRequest {
        client_id: id,
        out_dir: Some(dir.path().display().to_string()),
        ..Default::default()
    };
    let r = kindly_api::dossier::export(c, fonts(), &req).await.expect("dossier");
    let csv = std::fs::read_to_string(&r.csv_path).unwrap();
    assert!(csv.contains("Sie haben die gesetzlichen Verzugszinsen für diesen Kunden eingeschaltet: Deutschland (§ 288 BGB); der Kunde ist ein Unternehmen."), "{csv}");
    assert!(csv.contains("Sie haben die gesetzlichen Verzugszinsen für diesen Kunden ausgeschaltet."), "{csv}");
}

/// €1,000 due 1 Jul 2026 (late from 2 Jul 2026, past the compiled table's
/// end): unknown until the user enters the published Basiszinssatz for the
/// second half of 2026, then computed exactly with it, the working naming
/// the user's source; the compiled half-years and bad rates are refused.
#[tokio::test]
async fn a_rate_entered_by_the_user_extends_the_table_past_its_end() {
    use kindly_api::interest::{add_rate, list_rates, remove_rate, AddRateInput, RemoveRateInput};
    use kindly_core::vocab::InterestBase;
    let d = open_business_db().await;
    let c = on(&d.store, "2026-07-31");
    let id = client(c, "Jörg Maier GmbH", "en").await;
    let inv = create_invoice(
        c,
        &issued_invoice(id, "2026-06-01", "2026-07-01", "EUR", vec![line("Design", "1", "1000", "")]),
    )
    .await;
    set_client_interest(c, &setting(id, true, Jurisdiction::De, DebtorKind::Business)).await.expect("on");
    let e = invoice_interest(c, inv, None).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InterestRateUnknown);
    let v = client_interest(c, id).await.expect("setting");
    assert_eq!(
        (v.series, v.compiled_ends.to_string(), v.table_ends.to_string()),
        (InterestBase::Basiszins, "2026-06-30".into(), "2026-06-30".into())
    );

    let input = |series, from: &str, rate: &str, source: &str| AddRateInput {
        series,
        from: from.into(),
        rate: rate.into(),
        source: source.into(),
        client_id: Some(id),
    };
    let source = "https://www.bundesbank.de/basiszinssatz";
    // Refused, each with its own code and field; nothing saved.
    for (from, rate, src, code, field) in [
        ("2026-01-01", "1.50", source, ErrorCode::InterestRateCovered, "from"),
        ("2026-06-30", "1.50", source, ErrorCode::InvalidDate, "from"),
        ("2026-08-01", "1.50", source, ErrorCode::InvalidDate, "from"),
        ("someday", "1.50", source, ErrorCode::InvalidDate, "from"),
        ("2026-07-01", "abc", source, ErrorCode::InterestRateInvalid, "rate"),
        ("2026-07-01", "-11", source, ErrorCode::InterestRateInvalid, "rate"),
        ("2026-07-01", "1.505", source, ErrorCode::InterestRateInvalid, "rate"),
        ("2026-07-01", "150", source, ErrorCode::InterestRateInvalid, "rate"),
        ("2026-07-01", "1.50", "  ", ErrorCode::InterestRateSourceMissing, "source"),
    ] {
        let e = add_rate(c, &input(InterestBase::Basiszins, from, rate, src)).await.unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (code, Some(field)), "{from} {rate} {src:?}: {}", e.message);
    }
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM interest_rates_added").await, 0);
    assert_eq!(raw_count(&d.path, "SELECT COUNT(*) FROM timeline WHERE kind = 'interest_rate_added'").await, 0);

    let listed = add_rate(c, &input(InterestBase::Basiszins, "2026-07-01", "1.50", source)).await.expect("added");
    assert_eq!(listed.added.len(), 1);
    assert_eq!((listed.added[0].rate_percent.as_str(), listed.added[0].used), ("1.50", true));
    let basis = listed.series.iter().find(|s| s.series == InterestBase::Basiszins).expect("series");
    assert_eq!((basis.compiled_ends.to_string(), basis.ends.to_string()), ("2026-06-30".into(), "2026-12-31".into()));
    let v = client_interest(c, id).await.expect("setting");
    assert_eq!((v.table_ends.to_string(), v.rate_unknown), ("2026-12-31".into(), false));
    let again = add_rate(c, &input(InterestBase::Basiszins, "2026-07-01", "1.60", source)).await.unwrap_err();
    assert_eq!(again.code, ErrorCode::InterestRateExists);

    // 2–31 Jul 2026: 30 days on €1,000 at 1.50 % + 9 = 10.50 %:
    // 100000 · 1050 · 30 / 3,650,000 = 863.01… → €8.63; + €40 compensation.
    let w = invoice_interest(c, inv, None).await.expect("working");
    assert_eq!(w.lines.len(), 1);
    let l = &w.lines[0];
    assert_eq!(
        (l.from.to_string(), l.to.to_string(), l.days, l.rate_percent.as_str(), l.reference_percent.as_str()),
        ("2026-07-02".into(), "2026-07-31".into(), 30, "10.50", "1.50")
    );
    assert_eq!(l.entered_source.as_deref(), Some(source));
    assert!(l.text.contains(&format!("rate entered by you: {source}")), "{}", l.text);
    assert_eq!(w.interest.amount, "8.63");
    assert_eq!(w.total.as_ref().map(|m| m.amount.as_str()), Some("48.63"));
    // The final notice's working names the source too.
    let req = MessageRequest { invoice_ids: vec![inv], stage_key: Some("final_notice".into()), template: None };
    let notice = preview(c, &req).await.expect("preview");
    assert!(notice.body.contains(&format!("rate entered by you: {source}")), "{}", notice.body);
    // Beyond the entered half-year: unknown again.
    let e = invoice_interest(c, inv, Some("2027-01-01")).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InterestRateUnknown);
    assert!(e.message.contains("31 December 2026"), "{}", e.message);

    // The timeline says who entered what, in the reader's language.
    let timeline = d.store.client_timeline(id, 100).await.expect("timeline");
    let added: Vec<_> = timeline.iter().filter(|e| e.kind.as_str() == "interest_rate_added").collect();
    assert_eq!(added.len(), 1);
    assert_eq!((added[0].data["rate_bp"].as_i64(), added[0].data["from"].as_str()), (Some(150), Some("2026-07-01")));
    assert!(added[0].summary.contains("German base rate (Basiszinssatz) of 1.50 %"), "{}", added[0].summary);
    let de = kindly_api::wording::timeline_summary(added[0], kindly_core::locale::Locale::De);
    assert!(de.contains("Basiszinssatz von 1,50 %") && de.contains(source), "{de}");

    // Remove: only the user's rows; the working is unknown again.
    let gone = remove_rate(c, &RemoveRateInput { series: InterestBase::Basiszins, from: "2026-07-01".into() })
        .await
        .expect("removed");
    assert!(gone.added.is_empty());
    let e = remove_rate(c, &RemoveRateInput { series: InterestBase::Basiszins, from: "2026-01-01".into() })
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert_eq!(invoice_interest(c, inv, None).await.unwrap_err().code, ErrorCode::InterestRateUnknown);
    assert_eq!(list_rates(c).await.expect("list").added.len(), 0);
}

/// The schema itself holds the rules, whatever program writes to the file.
#[tokio::test]
async fn the_schema_refuses_a_bad_added_rate() {
    let d = open_business_db().await;
    let mut conn = d.raw().await;
    let insert = |series: &str, from: &str, bp: i64, source: &str| {
        format!("INSERT INTO interest_rates_added (series, from_date, rate_bp, source, added_at) VALUES ('{series}', '{from}', {bp}, '{source}', '2026-07-01T10:00:00.000Z')")
    };
    for (s, f, bp, src) in [
        ("fed", "2026-07-01", 150, "x"),
        ("basiszins", "2026-08-01", 150, "x"),
        ("basiszins", "2026-07-01", -1001, "x"),
        ("basiszins", "2026-07-01", 10001, "x"),
        ("basiszins", "2026-07-01", 150, " "),
    ] {
        assert!(conn.exec(&insert(s, f, bp, src), &[]).await.is_err(), "{s} {f} {bp}");
    }
    conn.exec(&insert("basiszins", "2026-07-01", 150, "x"), &[]).await.expect("ok");
    assert!(conn.exec(&insert("basiszins", "2026-07-01", 160, "y"), &[]).await.is_err());
}

/// `kindly interest rates add|list|remove` round trip: a debt late after the
/// compiled table computes once the rate is added, and not after it is removed.
#[test]
fn the_cli_adds_lists_and_removes_a_published_rate() {
    let dir = tempfile::tempdir().expect("tempdir");
    business_profile_cli(dir.path());
    let day = Some("2026-07-31");
    let (cid, iid) = cli_client_owing_1000(dir.path(), day, ("Jörg Maier GmbH", "en"), ("2026-06-01", "2026-07-01"));
    kindly_json(dir.path(), day, &["clients", "interest", &cid, "--on", "--jurisdiction", "de", "--business"]);
    let (code, _, err) = run_kindly(dir.path(), day, &["invoices", "interest", &iid]);
    assert_ne!(code, 0);
    assert!(err.contains("update Kindly"), "{err}");

    let listed = kindly_json(dir.path(), day, &["interest", "rates", "list"]);
    assert_eq!(listed["added"].as_array().map(Vec::len), Some(0));
    let covered = ["interest", "rates", "add", "--series", "basiszins", "--from", "2026-01-01", "--rate", "1.50"];
    let (code, _, err) = run_kindly(dir.path(), day, &[&covered[..], &["--source", "Bundesbank"]].concat());
    assert_ne!(code, 0);
    assert!(err.contains("interest_rate_covered") || err.contains("already holds"), "{err}");
    let (code, _, err) = run_kindly(
        dir.path(),
        day,
        &[
            "interest",
            "rates",
            "add",
            "--series",
            "basiszins",
            "--from",
            "2026-07-01",
            "--rate",
            "-11",
            "--source",
            "x",
        ],
    );
    assert_ne!(code, 0);
    assert!(err.contains("rate"), "{err}");
    let added = kindly_json(
        dir.path(),
        day,
        &[
            "interest",
            "rates",
            "add",
            "--series",
            "basiszins",
            "--from",
            "2026-07-01",
            "--rate",
            "1.50",
            "--source",
            "Bundesbank press release",
            "--client",
            &cid,
        ],
    );
    assert_eq!(added["added"][0]["rate_percent"], "1.50");
    let w = kindly_json(dir.path(), day, &["invoices", "interest", &iid]);
    assert_eq!(w["interest"]["amount"], "8.63");
    let (code, text, _) = run_kindly(dir.path(), day, &["invoices", "interest", &iid]);
    assert_eq!(code, 0);
    assert!(text.contains("rate entered by you: Bundesbank press release"), "{text}");
    let (code, text, _) = run_kindly(dir.path(), day, &["interest", "rates", "list"]);
    assert_eq!(code, 0);
    assert!(text.contains("basiszins from 2026-07-01: 1.50 % (Bundesbank press release)"), "{text}");

    let removed =
        kindly_json(dir.path(), day, &["interest", "rates", "remove", "--series", "basiszins", "--from", "2026-07-01"]);
    assert_eq!(removed["added"].as_array().map(Vec::len), Some(0));
    let (code, _, _) = run_kindly(dir.path(), day, &["invoices", "interest", &iid]);
    assert_ne!(code, 0);
    // The aliases the brief's users type.
    kindly_json(
        dir.path(),
        day,
        &[
            "interest",
            "rates",
            "add",
            "--series",
            "ecb-mro",
            "--from",
            "2026-07-01",
            "--rate",
            "2.15",
            "--source",
            "ECB",
        ],
    );
    kindly_json(
        dir.path(),
        day,
        &["interest", "rates", "add", "--series", "boe", "--from", "2026-07-01", "--rate", "3.75", "--source", "BoE"],
    );
}

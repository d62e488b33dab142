//! Letters: the record says what really happened. A saved PDF is not a
//! letter sent; a letter is recorded once the print command took it (or the
//! user confirmed the viewer printed it); two runs in one second never share
//! a file; the dossier packs each letter as recorded.

use super::{client, invoice, queue};
use kindly_api::dossier::{export, DossierRequest};
use kindly_api::followups::{self, PaymentMethodsView, QueueRequest};
use kindly_api::letters::{confirm_letters, generate_letters, retry_letters, LetterBatchRequest, LettersRequest};
use kindly_api::payments::PaymentInput;
use kindly_tests::{fake_printer, on, open_business_db};
use sha2::Digest;
use std::path::{Path, PathBuf};

fn sha_of(path: &Path) -> String {
    format!("{:x}", sha2::Sha256::digest(std::fs::read(path).expect("read pdf")))
}

fn req(ids: &[i64], print: bool) -> LettersRequest {
    LettersRequest { invoice_ids: ids.to_vec(), page_size: Some(kindly_pdf::PageSize::A4), print, ..Default::default() }
}

fn text_of(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn todays_letters_print_once_and_are_recorded_with_their_hash() {
    let d = open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let tools = tempfile::tempdir().unwrap();
    let pm = PaymentMethodsView {
        bank_holder: "Studio Kind".into(),
        iban: "DE89370400440532013000".into(),
        ..Default::default()
    };
    followups::save_payment_methods(ctx, &pm).await.unwrap();
    let a = client(ctx, "Дмитрий Иванов", None).await;
    let b = client(ctx, "王芳", None).await;
    let ia = invoice(ctx, a, "2026-09-01", "2026-10-01", "120").await;
    let ib = invoice(ctx, b, "2026-09-02", "2026-10-02", "99.50").await;
    let fonts = kindly_pdf::Fonts::load().expect("fonts");

    // Saving (a preview) records nothing: both stay due.
    let saved = generate_letters(ctx, &fonts, &fake_printer(tools.path(), true), &req(&[], false)).await.unwrap();
    assert_eq!((saved.letters, saved.print_state.as_str(), saved.batch_id), (2, "saved", None));
    assert!(d.store.steps(ia).await.unwrap().is_empty(), "a saved PDF is not a letter sent");
    assert_eq!(queue(ctx).await.len(), 2);
    assert!(!tools.path().join("printed.log").exists(), "saving never prints");

    let r = generate_letters(ctx, &fonts, &fake_printer(tools.path(), true), &req(&[], true)).await.unwrap();
    assert_eq!((r.letters, r.print_state.as_str(), r.job_id.as_deref()), (2, "printed", Some("Office-7")));
    assert_ne!(r.path, saved.path, "every run writes a new file");
    assert_eq!(r.sha256, sha_of(Path::new(&r.path)));
    assert_eq!(saved.sha256, sha_of(Path::new(&saved.path)), "the earlier file is untouched");
    let text = text_of(Path::new(&r.path));
    for must in ["Дмитрий Иванов", "王芳", "€120.00", "€99.50", "INV-2026-0001", "INV-2026-0002", "Page 1 of 1"]
    {
        assert!(text.contains(must), "the letters lack {must}:\n{text}");
    }
    // Each letter is a step done, with the PDF's hash, and is not proposed again.
    for id in [ia, ib] {
        let steps = d.store.steps(id).await.unwrap();
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].channel, "letter");
    }
    let tl = d.store.client_timeline(a, 50).await.unwrap();
    let entry = tl.iter().find(|t| t.data["channel"] == "letter").expect("letter in the timeline");
    assert_eq!(entry.data["sha256"], r.sha256.as_str());
    assert_eq!(entry.data["job_id"], "Office-7");
    assert!(entry.summary.starts_with("Letter printed"), "{}", entry.summary);
    assert_eq!(queue(ctx).await, vec![]);
    let again = generate_letters(ctx, &fonts, &fake_printer(tools.path(), true), &req(&[], true)).await.unwrap_err();
    assert_eq!(again.code, "nothing_to_print");

    // The invoice PDF of a partly paid EUR invoice.
    let pay = PaymentInput {
        invoice_id: ia,
        amount: "20".into(),
        method: kindly_core::payment::PaymentMethod::Cash,
        ..Default::default()
    };
    kindly_api::payments::record(ctx, &pay).await.unwrap();
    let inv_req =
        kindly_api::documents::InvoicePdfRequest { invoice_id: ia, page_size: Some(kindly_pdf::PageSize::Letter) };
    let inv = kindly_api::documents::invoice_pdf(ctx, &fonts, &inv_req).await.unwrap();
    let text = text_of(Path::new(&inv.path));
    for must in ["INV-2026-0001", "Дмитрий Иванов", "€120.00", "€100.00", "IBAN DE89 3704 0044 0532 0130 00"]
    {
        assert!(text.contains(must), "the invoice lacks {must}:\n{text}");
    }
    let check = std::process::Command::new("qpdf").arg("--check").arg(&inv.path).output().expect("qpdf");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    let inv2 = kindly_api::documents::invoice_pdf(ctx, &fonts, &inv_req).await.unwrap();
    assert_ne!(inv.path, inv2.path, "an invoice PDF is never overwritten");
}

/// Regression test: two `kindly letters` runs in the same second wrote the same
/// file; client A's timeline kept a hash that no longer matched, and A's
/// dossier packed client B's letter.
#[tokio::test]
async fn two_batches_in_the_same_second_keep_two_files_and_their_hashes() {
    let d = open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let tools = tempfile::tempdir().unwrap();
    let printer = fake_printer(tools.path(), true);
    let a = client(ctx, "Ana Alves", None).await;
    let b = client(ctx, "Bruno Braga", None).await;
    let ia = invoice(ctx, a, "2026-09-01", "2026-10-01", "120").await;
    let ib = invoice(ctx, b, "2026-09-02", "2026-10-02", "99.50").await;
    let fonts = kindly_pdf::Fonts::load().expect("fonts");
    // The same `now` for both runs: the same second.
    let ra = generate_letters(ctx, &fonts, &printer, &req(&[ia], true)).await.unwrap();
    let rb = generate_letters(ctx, &fonts, &printer, &req(&[ib], true)).await.unwrap();
    assert_ne!(ra.path, rb.path);
    assert_eq!(sha_of(Path::new(&ra.path)), ra.sha256);
    assert_eq!(sha_of(Path::new(&rb.path)), rb.sha256);
    assert!(text_of(Path::new(&ra.path)).contains("Ana Alves"));
    assert!(!text_of(Path::new(&ra.path)).contains("Bruno Braga"));
    // The file name carries the day Kindly works on, not the wall clock's.
    let name = Path::new(&ra.path).file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("letters-2026-11-23-"), "{name}");

    let out = tempfile::tempdir().unwrap();
    let dreq = DossierRequest { client_id: a, out_dir: Some(out.path().display().to_string()), ..Default::default() };
    let dossier = export(ctx, &fonts, &dreq).await.unwrap();
    let letter = dossier.files.iter().find(|f| f.kind == "pdf").expect("A's letter in the dossier");
    assert_eq!((letter.sha256.as_str(), letter.status.as_str()), (ra.sha256.as_str(), "ok"));
    let zip = std::fs::File::open(&dossier.zip_path).unwrap();
    let mut zip = zip::ZipArchive::new(zip).unwrap();
    let mut packed = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(letter.in_zip.as_deref().unwrap()).unwrap(), &mut packed).unwrap();
    assert_eq!(format!("{:x}", sha2::Sha256::digest(&packed)), ra.sha256, "A's dossier packs A's letter");
    // A second dossier the same second is a new file too.
    let again = export(ctx, &fonts, &dreq).await.unwrap();
    assert_ne!(again.zip_path, dossier.zip_path);
    assert!(PathBuf::from(&dossier.zip_path).exists());
}

/// Regression test: "Print today's letters" with a printer error still recorded
/// every letter as printed and emptied Today.
#[tokio::test]
async fn a_printer_error_records_nothing_and_the_letters_stay_due_until_a_retry_prints() {
    let d = open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let tools = tempfile::tempdir().unwrap();
    let a = client(ctx, "Ana Alves", None).await;
    let ia = invoice(ctx, a, "2026-09-01", "2026-10-01", "120").await;
    let fonts = kindly_pdf::Fonts::load().expect("fonts");

    let r = generate_letters(ctx, &fonts, &fake_printer(tools.path(), false), &req(&[], true)).await.unwrap();
    assert_eq!(r.print_state, "not_printed");
    let reason = r.print_error.clone().unwrap_or_default();
    assert!(reason.contains("does not exist") && reason.contains("Print again"), "{reason}");
    assert!(d.store.steps(ia).await.unwrap().is_empty());
    let tl = d.store.client_timeline(a, 50).await.unwrap();
    assert!(tl.iter().all(|t| t.data["channel"] != "letter"), "nothing recorded as sent");
    let page = followups::queue(ctx, &QueueRequest::default()).await.unwrap();
    assert_eq!(page.items.len(), 1, "the letter stays in Today");
    let item = &page.items[0];
    assert_eq!(item.letter_state.map(|s| s.as_str()), Some("not_printed"));
    assert_eq!(item.letter_batch_id, r.batch_id);
    assert!(item.letter_reason.as_deref().is_some_and(|x| x.contains("does not exist")));

    // Print again: the same file, and now it is recorded.
    let batch = r.batch_id.expect("batch");
    let retry =
        retry_letters(ctx, &fake_printer(tools.path(), true), &LetterBatchRequest { batch_id: batch, printed: false })
            .await
            .unwrap();
    assert_eq!((retry.print_state.as_str(), retry.path.as_str()), ("printed", r.path.as_str()));
    assert_eq!(d.store.steps(ia).await.unwrap().len(), 1);
    assert_eq!(queue(ctx).await, vec![]);
    let twice =
        retry_letters(ctx, &fake_printer(tools.path(), true), &LetterBatchRequest { batch_id: batch, printed: false })
            .await
            .unwrap_err();
    assert_eq!(twice.code, "already_printed");
    assert_eq!(d.store.steps(ia).await.unwrap().len(), 1);
}

#[tokio::test]
async fn letters_only_a_viewer_showed_are_recorded_when_the_user_says_they_printed() {
    let d = open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let tools = tempfile::tempdir().unwrap();
    let a = client(ctx, "Ana Alves", None).await;
    let ia = invoice(ctx, a, "2026-09-01", "2026-10-01", "120").await;
    let fonts = kindly_pdf::Fonts::load().expect("fonts");
    let r = generate_letters(ctx, &fonts, &fake_printer(tools.path(), false), &req(&[], true)).await.unwrap();
    let batch = r.batch_id.expect("batch");
    let no = confirm_letters(ctx, &LetterBatchRequest { batch_id: batch, printed: false }).await.unwrap();
    assert_eq!(no.print_state, "not_printed");
    assert!(d.store.steps(ia).await.unwrap().is_empty());
    let yes = confirm_letters(ctx, &LetterBatchRequest { batch_id: batch, printed: true }).await.unwrap();
    assert_eq!(yes.print_state, "printed");
    assert_eq!(d.store.steps(ia).await.unwrap().len(), 1);
    let entry = d.store.client_timeline(a, 50).await.unwrap();
    let entry = entry.iter().find(|t| t.data["channel"] == "letter").expect("recorded");
    assert!(entry.data["printed_with"].as_str().is_some_and(|c| c.contains("confirmed by you")));
}

/// Regression test: one name that could not be drawn stopped the whole batch.
#[tokio::test]
async fn one_letter_that_cannot_be_laid_out_is_named_and_the_rest_print() {
    let d = open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let tools = tempfile::tempdir().unwrap();
    let ok = client(ctx, "Ana Alves", None).await;
    let input = kindly_api::clients::ClientInput {
        display_name: "Long Address Ltd".into(),
        greeting_name: "Team".into(),
        address: (1..=12).map(|i| format!("Line {i}")).collect::<Vec<_>>().join("\n"),
        ..Default::default()
    };
    let bad = kindly_api::clients::create(ctx, &input).await.unwrap();
    let emoji = client(ctx, "Zoë 🎉 Party", None).await;
    let iok = invoice(ctx, ok, "2026-09-01", "2026-10-01", "120").await;
    let ibad = invoice(ctx, bad, "2026-09-01", "2026-10-01", "80").await;
    let iemoji = invoice(ctx, emoji, "2026-09-01", "2026-10-01", "60").await;
    let fonts = kindly_pdf::Fonts::load().expect("fonts");
    let r = generate_letters(ctx, &fonts, &fake_printer(tools.path(), true), &req(&[], true)).await.unwrap();
    assert_eq!(r.letters, 2, "the two that can be drawn print");
    assert_eq!(r.left_out.len(), 1);
    assert_eq!(r.left_out[0].client_name, "Long Address Ltd");
    assert!(r.left_out[0].reason.contains("window"), "{}", r.left_out[0].reason);
    assert_eq!(r.placeholders.len(), 1, "{:?}", r.placeholders);
    assert!(r.placeholders[0].reason.contains("U+1F389"), "{}", r.placeholders[0].reason);
    assert_eq!(d.store.steps(iok).await.unwrap().len(), 1);
    assert_eq!(d.store.steps(iemoji).await.unwrap().len(), 1, "a name with an emoji still gets its letter");
    assert!(d.store.steps(ibad).await.unwrap().is_empty(), "the one left out stays due");
    assert_eq!(queue(ctx).await.len(), 1);
}

/// A printed reminder to a client who gets e-invoices says, in the client's
/// language, that the invoice was issued as an e-invoice (its format named)
/// and can be sent again; a client on plain PDFs reads no such line.
#[tokio::test]
async fn letters_to_e_invoice_clients_say_the_invoice_was_issued_as_an_e_invoice() {
    use kindly_api::einvoice::{save_client_einvoice, ClientEInvoiceInput};
    use kindly_core::vocab::EInvoiceFormat;
    let d = open_business_db().await;
    let ctx = on(&d.store, "2026-11-23");
    let tools = tempfile::tempdir().unwrap();
    let cases = [
        ("en", "Ada Client", EInvoiceFormat::Peppol, "The invoice was issued as an e-invoice (Peppol BIS Billing 3.0); I will gladly send it to you again if you need it."),
        ("de", "Jörg Kunde", EInvoiceFormat::XrechnungUbl, "Die Rechnung wurde als E-Rechnung (XRechnung (UBL)) ausgestellt; gern sende ich sie Ihnen erneut zu, falls Sie sie benötigen."),
        ("fr", "Léa Cliente", EInvoiceFormat::Facturx, "La facture a été émise sous forme de facture électronique (Factur-X) ; je vous la renverrai volontiers si vous en avez besoin."),
        ("es", "Íñigo Cliente", EInvoiceFormat::XrechnungCii, "La factura se emitió como factura electrónica (XRechnung (CII)); con gusto se la vuelvo a enviar si la necesita."),
    ];
    for (i, (lang, name, format, _)) in cases.iter().enumerate() {
        let mut input = kindly_tests::client_input(name, vec![]);
        input.language = (*lang).into();
        let c = kindly_tests::create_client(ctx, &input).await;
        invoice(ctx, c, "2026-09-01", "2026-10-01", &format!("{}", 100 + i)).await;
        // Set after issuing: the letter names the format, it does not make the file.
        let e = ClientEInvoiceInput { client_id: c, format: *format, country: "DE".into(), ..Default::default() };
        save_client_einvoice(ctx, &e).await.expect("client e-invoice");
    }
    let plain = client(ctx, "Plain Client", None).await;
    invoice(ctx, plain, "2026-09-01", "2026-10-01", "99").await;
    let fonts = kindly_pdf::Fonts::load().expect("fonts");
    let r = generate_letters(ctx, &fonts, &fake_printer(tools.path(), true), &req(&[], false)).await.unwrap();
    assert_eq!(r.letters, 5);
    let text = text_of(Path::new(&r.path));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (_, _, _, sentence) in cases {
        assert!(flat.contains(sentence), "missing: {sentence}\n{flat}");
    }
    assert_eq!(flat.matches("e-invoice").count() + flat.matches("E-Rechnung").count(), 2, "{flat}");
}

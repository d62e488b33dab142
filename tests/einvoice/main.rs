//! E-invoices issued elsewhere imported into a real SQLite file: the client,
//! the issued invoice with the e-invoice's totals, the amount already paid,
//! the original kept with its SHA-256 and named on the timeline; repeats
//! adding nothing; one bad file among good ones; the JSON archive holding
//! every table's rows and no secret; the CLI contract of both commands.

use kindly_api::archive::{self, ArchiveRequest};
use kindly_api::einvoice_import::{import_files, EInvoiceImportReport, EInvoiceImportRequest, EInvoiceOutcome};
use kindly_api::Ctx;
use kindly_tests::{client_input, create_client, issued_invoice, line, on, open_db, raw_count, run_kindly};
use lopdf::{dictionary, Document, Object, Stream};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-25";

fn sample(name: &str) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/kindly-einvoice/tests/samples");
    std::fs::read(dir.join(name)).unwrap()
}

/// A Factur-X PDF: a one-page PDF with the CII sample embedded.
fn factur_x_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut plain = Vec::new();
    doc.save_to(&mut plain).unwrap();
    kindly_einvoice::pdf::embed_invoice(&plain, &sample("factur-x-en16931.xml")).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

async fn import(ctx: Ctx<'_>, paths: &[&PathBuf]) -> EInvoiceImportReport {
    let req = EInvoiceImportRequest { paths: paths.iter().map(|p| p.display().to_string()).collect() };
    import_files(ctx, &req).await.unwrap()
}

fn sha(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn imports_dir_files(data: &Path) -> Vec<String> {
    match std::fs::read_dir(data.join("imports")) {
        Ok(rd) => rd.map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect(),
        Err(_) => Vec::new(),
    }
}

#[tokio::test]
async fn a_factur_x_pdf_becomes_a_client_an_issued_invoice_a_payment_and_evidence() {
    let db = open_db().await;
    let ctx = on(&db.store, TODAY);
    let files = tempfile::tempdir().unwrap();
    let pdf_bytes = factur_x_pdf();
    let pdf = write(files.path(), "RE-2026-0412.pdf", &pdf_bytes);
    let r = import(ctx, &[&pdf]).await;
    assert_eq!((r.imported, r.already_imported, r.refused), (1, 0, 0), "{r:?}");
    let f = &r.files[0];
    assert_eq!(f.outcome, EInvoiceOutcome::Imported, "{}", f.message);
    assert!(f.client_created);
    assert_eq!(f.sha256.as_deref(), Some(sha(&pdf_bytes).as_str()));

    let inv = kindly_api::invoices::get(ctx, f.invoice_id.unwrap()).await.unwrap();
    assert_eq!(inv.number, "RE-2026-0412");
    assert_eq!(inv.status, kindly_core::invoice::InvoiceStatus::Issued);
    assert_eq!((inv.issue_date.as_str(), inv.due_date.as_str()), ("2026-11-05", "2026-12-05"));
    assert_eq!(inv.currency, "EUR");
    assert_eq!(inv.lines.len(), 3);
    assert_eq!(inv.totals.subtotal.amount, "1012.40");
    assert_eq!(inv.totals.tax.amount, "190.86");
    assert_eq!(inv.totals.total.amount, "1203.26");
    assert_eq!(inv.paid.amount, "200.00", "BT-113 recorded as a payment");
    assert_eq!(inv.outstanding.amount, "1003.26", "what is chased is BT-115");
    // The sticker line's 0.0125 unit price is kept in words, at one unit of its net amount.
    assert!(inv.lines[2].description.contains("1000 C62 × 0.0125"), "{}", inv.lines[2].description);

    let client = kindly_api::clients::get(ctx, inv.client_id).await.unwrap();
    assert_eq!(client.client.display_name, "Beispiel AG");
    assert_eq!(client.client.emails, vec!["buchhaltung@beispiel.example".to_string()]);
    assert!(client.client.address.contains("Marienplatz 8") && client.client.address.contains("80331 München"));
    assert!(client.client.notes.contains("DE987654321"), "{}", client.client.notes);

    // The original, kept under imports/ with the hash the timeline names.
    let kept = imports_dir_files(db.dir.path());
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(sha(&std::fs::read(db.dir.path().join("imports").join(&kept[0])).unwrap()), sha(&pdf_bytes));
    let q = format!(
        "SELECT COUNT(*) FROM timeline WHERE kind = 'invoice_imported' AND client_id = {} AND invoice_id = {}
         AND data LIKE '%\"sha256\":\"{}\"%' AND data LIKE '%\"path\":\"imports/{}\"%'
         AND summary LIKE '%RE-2026-0412.pdf%'",
        inv.client_id,
        inv.id,
        sha(&pdf_bytes),
        kept[0]
    );
    assert_eq!(raw_count(&db.path, &q).await, 1);
    assert_eq!(raw_count(&db.path, "SELECT COUNT(*) FROM followups").await, 1, "on the ladder like any issued invoice");
}

#[tokio::test]
async fn importing_again_adds_nothing_and_says_so() {
    let db = open_db().await;
    let ctx = on(&db.store, TODAY);
    let files = tempfile::tempdir().unwrap();
    let xml = write(files.path(), "factur-x.xml", &sample("factur-x-en16931.xml"));
    let pdf = write(files.path(), "RE-2026-0412.pdf", &factur_x_pdf());
    let first = import(ctx, &[&xml]).await;
    assert_eq!(first.imported, 1);
    let counts = || async {
        let mut v = Vec::new();
        for t in ["invoices", "clients", "payments", "timeline", "einvoice_imports"] {
            v.push(raw_count(&db.path, &format!("SELECT COUNT(*) FROM {t}")).await);
        }
        v
    };
    let before = counts().await;
    // The same file, and the same invoice in another file (same seller and number).
    let again = import(ctx, &[&xml, &pdf]).await;
    assert_eq!((again.imported, again.already_imported, again.refused), (0, 2, 0), "{again:?}");
    assert!(again.files[0].message.contains("already there"), "{}", again.files[0].message);
    assert!(again.files[1].message.contains("the same seller and number"), "{}", again.files[1].message);
    assert_eq!(again.files[1].invoice_id, first.files[0].invoice_id);
    assert_eq!(counts().await, before);
    assert_eq!(imports_dir_files(db.dir.path()).len(), 1);
}

#[tokio::test]
async fn one_bad_file_among_good_ones_refuses_only_itself() {
    let db = open_db().await;
    let ctx = on(&db.store, TODAY);
    let files = tempfile::tempdir().unwrap();
    let good1 = write(files.path(), "xrechnung.xml", &sample("xrechnung-3.0-ubl.xml"));
    let bomb = write(files.path(), "bomb.xml", &sample("billion-laughs.xml"));
    let good2 = write(files.path(), "peppol.xml", &sample("peppol-bis-3.0.xml"));
    let credit = write(files.path(), "credit.xml", &sample("ubl-credit-note.xml"));
    let cii = String::from_utf8(sample("factur-x-en16931.xml")).unwrap();
    let broken = write(files.path(), "broken.xml", cii.replace(">1203.26<", ">1203.62<").as_bytes());
    // Consistent in itself, but VAT rounded otherwise than Kindly does: refused with both figures.
    let rounded = cii
        .replace("<ram:CalculatedAmount>0.88<", "<ram:CalculatedAmount>0.87<")
        .replace(">190.86<", ">190.85<")
        .replace(">1203.26<", ">1203.25<")
        .replace(">1003.26<", ">1003.25<");
    let rounded = write(files.path(), "rounded.xml", rounded.as_bytes());
    let plain = write(files.path(), "plain.pdf", b"%PDF-1.4\n%%EOF\n");
    let missing = files.path().join("missing.xml");
    let r = import(ctx, &[&good1, &bomb, &good2, &credit, &broken, &rounded, &plain, &missing]).await;
    let codes: Vec<Option<&str>> = r.files.iter().map(|f| f.error.as_ref().map(|e| e.code.as_str())).collect();
    assert_eq!(
        codes,
        vec![
            None,
            Some("einvoice_xml_doctype_refused"),
            None,
            Some("einvoice_credit_note_unsupported"),
            Some("einvoice_totals_inconsistent"),
            Some("einvoice_totals_differ"),
            Some("einvoice_pdf_invalid"),
            Some("file_not_found"),
        ]
    );
    assert_eq!((r.imported, r.refused), (2, 6));
    assert!(
        r.files[5].message.contains("190.86 VAT") && r.files[5].message.contains("190.85 (BT-110)"),
        "{}",
        r.files[5].message
    );
    assert_eq!(raw_count(&db.path, "SELECT COUNT(*) FROM invoices").await, 2);
    assert_eq!(raw_count(&db.path, "SELECT COUNT(*) FROM einvoice_imports").await, 2);
    assert_eq!(imports_dir_files(db.dir.path()).len(), 2, "no evidence kept for a refused file");
    // The Leitweg-ID client of the XRechnung file, created once.
    assert_eq!(raw_count(&db.path, "SELECT COUNT(*) FROM clients WHERE notes LIKE '%04011000-12345-03%'").await, 1);
}

#[tokio::test]
async fn the_buyer_is_found_by_e_mail_or_vat_id_and_a_taken_number_is_refused() {
    let db = open_db().await;
    let ctx = on(&db.store, TODAY);
    let files = tempfile::tempdir().unwrap();
    let existing = create_client(ctx, &client_input("Bezirksamt", vec!["eingang@bezirksamt.example".into()])).await;
    let x = write(files.path(), "x.xml", &sample("xrechnung-3.0-ubl.xml"));
    let r = import(ctx, &[&x]).await;
    assert_eq!(r.files[0].client_id, Some(existing), "found by e-mail");
    assert!(!r.files[0].client_created);

    // A second Peppol invoice for the same buyer VAT ID, another name: the same client.
    let p1 = write(files.path(), "p1.xml", &sample("peppol-bis-3.0.xml"));
    let p2 = String::from_utf8(sample("peppol-bis-3.0.xml"))
        .unwrap()
        .replace("F2026/0093", "F2026/0094")
        .replace("Client Belge SRL", "Client Belge")
        .replace("compta@client-belge.example", "autre@client-belge.example");
    let p2 = write(files.path(), "p2.xml", p2.as_bytes());
    let r = import(ctx, &[&p1, &p2]).await;
    assert_eq!(r.imported, 2, "{r:?}");
    assert_eq!(r.files[0].client_id, r.files[1].client_id, "found by VAT ID");

    // Kindly already has an invoice with the number of the next file.
    let c = create_client(ctx, &client_input("Other", vec![])).await;
    let mut own = issued_invoice(c, "2026-11-01", "2026-11-30", "EUR", vec![line("Work", "1", "10", "")]);
    own.number = "RE-2026-0412".into();
    kindly_api::invoices::create(ctx, &own).await.unwrap();
    let invoices = raw_count(&db.path, "SELECT COUNT(*) FROM invoices").await;
    let clients = raw_count(&db.path, "SELECT COUNT(*) FROM clients").await;
    let f = write(files.path(), "f.xml", &sample("factur-x-en16931.xml"));
    let r = import(ctx, &[&f]).await;
    assert_eq!(r.files[0].error.as_ref().map(|e| e.code.as_str()), Some("einvoice_number_taken"));
    assert_eq!(raw_count(&db.path, "SELECT COUNT(*) FROM invoices").await, invoices);
    assert_eq!(raw_count(&db.path, "SELECT COUNT(*) FROM clients").await, clients, "the new client rolled back too");
    assert_eq!(imports_dir_files(db.dir.path()).len(), 3, "the refused file's copy removed");
}

#[tokio::test]
async fn the_json_archive_holds_every_tables_rows_and_no_secret() {
    let db = open_db().await;
    let ctx = on(&db.store, TODAY);
    let files = tempfile::tempdir().unwrap();
    let x = write(files.path(), "x.xml", &sample("factur-x-en16931.xml"));
    import(ctx, &[&x]).await;
    // A secret that must never leave: as a settings key and inside a JSON value.
    db.raw()
        .await
        .exec("INSERT INTO settings (key, value) VALUES ('smtp_password', 'hunter2-secret'), ('smtp', '{\"host\":\"mail.example\",\"password\":\"hunter2-secret\"}')", &[])
        .await
        .unwrap();
    let out = files.path().join("archive.json");
    let r = archive::export(ctx, &ArchiveRequest { path: out.display().to_string() }).await.unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("hunter2"), "a secret was exported");
    assert_eq!(r.sha256, format!("{:x}", Sha256::digest(text.as_bytes())));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], "kindly-archive");
    assert_eq!(doc["format_version"], 1);
    assert_eq!(doc["app_version"], env!("CARGO_PKG_VERSION"));
    if !kindly_tests::on_postgres() {
        // (A team database counts its own migrations.)
        assert_eq!(doc["schema_version"], kindly_store::known_schema_version());
    }
    assert!(doc["tables"]["settings"]["rows"].as_array().unwrap().iter().any(|r| r["key"] == "smtp"));
    // Every table of the schema, from the engine's own catalog.
    let catalog = if kindly_tests::on_postgres() {
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
           AND table_name NOT IN ('_sqlx_migrations', 'kept_files')"
    } else {
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
           AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'"
    };
    let tables: Vec<String> = db.raw().await.rows::<(String,)>(catalog).await.into_iter().map(|(t,)| t).collect();
    assert!(tables.len() > 15, "{tables:?}");
    for t in &tables {
        let rows = doc["tables"][t]["rows"].as_array().unwrap_or_else(|| panic!("table {t} missing"));
        let n = raw_count(&db.path, &format!("SELECT COUNT(*) FROM \"{t}\"")).await;
        let expected = if t == "settings" { n - 1 } else { n };
        assert_eq!(rows.len() as i64, expected, "rows of {t}");
    }
    let inv = &doc["tables"]["invoices"]["rows"][0];
    assert_eq!((inv["number"].as_str(), inv["total_minor"].as_i64()), (Some("RE-2026-0412"), Some(120326)));
    assert_eq!(doc["tables"]["invoice_lines"]["rows"].as_array().unwrap().len(), 3);
    // No temporary file left beside it.
    let names: Vec<String> =
        std::fs::read_dir(files.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    assert!(names.iter().all(|n| !n.ends_with(".part")), "{names:?}");
}

#[test]
fn cli_imports_e_invoices_and_exports_the_archive() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let good = write(files.path(), "x.xml", &sample("xrechnung-3.0-ubl.xml"));
    let bad = write(files.path(), "bomb.xml", &sample("billion-laughs.xml"));
    let (code, out, err) = run_kindly(
        data.path(),
        Some(TODAY),
        &["--json", "import", "einvoice", &good.display().to_string(), &bad.display().to_string()],
    );
    assert_eq!(code, 2, "a refused file makes the exit status 2 (refused): {out} {err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["imported"].as_u64(), v["refused"].as_u64()), (Some(1), Some(1)));
    assert_eq!(v["files"][0]["outcome"], "imported");
    assert_eq!(v["files"][0]["invoice_number"], "2026-117");
    assert_eq!(v["files"][1]["outcome"], "refused");
    assert_eq!(v["files"][1]["error"]["code"], "einvoice_xml_doctype_refused");
    // Text output, again: already there, exit 0.
    let (code, out, _) = run_kindly(data.path(), Some(TODAY), &["import", "einvoice", &good.display().to_string()]);
    assert_eq!(code, 0);
    assert!(out.starts_with("already there: x.xml: invoice 2026-117 is already there"), "{out}");
    assert!(out.contains("0 imported, 1 already there, 0 refused"), "{out}");
    // No file given is a usage error.
    assert_eq!(run_kindly(data.path(), None, &["import", "einvoice"]).0, 2);

    let archive = files.path().join("kindly-archive.json");
    let v = kindly_tests::kindly_json(
        data.path(),
        Some(TODAY),
        &["export", "archive", "--out", &archive.display().to_string()],
    );
    assert_eq!(v["format_version"], 1);
    assert!(v["rows"].as_u64().unwrap() > 5);
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&archive).unwrap()).unwrap();
    assert_eq!(doc["tables"]["einvoice_imports"]["rows"].as_array().unwrap().len(), 1);
    // A folder as the target is refused with a reason.
    let (code, out, _) =
        run_kindly(data.path(), None, &["--json", "export", "archive", "--out", &files.path().display().to_string()]);
    assert_ne!(code, 0);
    assert!(out.contains("io_error"), "{out}");
}

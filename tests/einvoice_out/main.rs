//! E-invoices Kindly writes (issue #16), on a real SQLite file: the PDF and
//! the XML of one invoice agree (totals, taxes, dates); each of the four
//! formats reads back as the model; the Factur-X PDF is a PDF/A-3b carrying
//! the XML; issuing for a client whose format lacks fields is refused with
//! every gap named and nothing stored; identifiers are checked; the CLI
//! contract of `kindly invoices einvoice` and the client flags.

use kindly_api::einvoice::{self, ClientEInvoiceInput, EInvoiceExportRequest, SellerEInvoiceInput};
use kindly_api::Ctx;
use kindly_core::locale::Locale;
use kindly_core::vocab::EInvoiceFormat;
use kindly_core::{ErrorCode, Money};
use kindly_einvoice::{Container, Syntax};
use kindly_tests::{
    business_profile_cli, client_input, create_client, issued_invoice, kindly_json, line, on, open_business_db, pay,
    raw_count, run_kindly,
};

const TODAY: &str = "2026-11-25";

fn fonts() -> kindly_pdf::Fonts {
    kindly_pdf::Fonts::load().expect("fonts")
}

/// The user's e-invoice details and contact (XRechnung needs a phone and e-mail).
async fn seller(ctx: Ctx<'_>) {
    let mut s = kindly_api::settings::get(ctx).await.expect("settings");
    s.business_email = "ada@studio.example".into();
    s.business_phone = "+49 30 1234567".into();
    s.business_tax_id = "DE136695976".into();
    kindly_api::settings::save(ctx, &s).await.expect("save settings");
    let e = SellerEInvoiceInput {
        country: "DE".into(),
        contact_name: "Ada Lovelace".into(),
        peppol_id: "9930:DE136695976".into(),
        ..Default::default()
    };
    einvoice::save_seller_einvoice(ctx, &e).await.expect("seller e-invoice");
}

fn client_details(client_id: i64, format: EInvoiceFormat) -> ClientEInvoiceInput {
    ClientEInvoiceInput {
        client_id,
        format,
        buyer_reference: "04011000-12345-03".into(),
        vat_id: "DE 123 456 788".into(),
        siren: String::new(),
        peppol_id: "0204:04011000-12345-03".into(),
        country: "de".into(),
    }
}

/// A client getting XRechnung UBL, and an invoice with two VAT rates and a part payment.
async fn setup(ctx: Ctx<'_>) -> (i64, i64) {
    seller(ctx).await;
    let mut c = client_input("Acme <Bau> & Söhne GmbH", vec!["ap@acme.example".into()]);
    c.address = "Hauptstraße 5\n80331 München".into();
    let client = create_client(ctx, &c).await;
    einvoice::save_client_einvoice(ctx, &client_details(client, EInvoiceFormat::XrechnungUbl)).await.expect("client");
    let lines = vec![
        line("Design work, October\nLogo & letterhead", "10", "85", "19"),
        line("Font licence", "1", "149.90", "19"),
        line("Printed guide", "3", "12.50", "7"),
    ];
    let id = kindly_tests::create_invoice(ctx, &issued_invoice(client, "2026-11-20", "2026-12-20", "EUR", lines)).await;
    pay(ctx, id, "200").await;
    (client, id)
}

#[tokio::test]
async fn the_pdf_and_the_xml_say_the_same() {
    let db = open_business_db().await;
    let ctx = on(&db.store, TODAY);
    let (_, id) = setup(ctx).await;
    let (doc, model) = einvoice::pdf_and_model(ctx, id).await.unwrap();
    let lang = Locale::En;
    let m = |minor: i64| Money::new(minor, model.currency).format(lang);
    // Dates.
    assert_eq!(doc.details[0].1, lang.format_date(model.issue_date));
    assert_eq!(doc.details[1].1, lang.format_date(model.due_date.unwrap()));
    // Lines: the amount column is each line's net amount.
    assert_eq!(doc.lines.rows.len(), model.lines.len());
    for (row, l) in doc.lines.rows.iter().zip(&model.lines) {
        assert_eq!(row[4], m(l.net_amount));
    }
    // Totals: subtotal, VAT per rate, total, paid, owing.
    let t = &model.totals;
    let amounts: Vec<&str> = doc.totals.iter().map(|t| t.amount.as_str()).collect();
    // 850 + 149.90 at 19 % (189.981 → 189.98), 37.50 at 7 % (2.625 → 2.63), 200 paid.
    let mut expected = vec![m(t.line_total)];
    expected.extend(model.vat_breakdown.iter().map(|v| m(v.tax_amount)));
    expected.extend([m(t.tax_inclusive), m(t.prepaid), m(t.payable)]);
    assert_eq!(amounts, expected);
    assert_eq!(
        (t.line_total, t.tax_total, t.tax_inclusive, t.prepaid, t.payable),
        (103740, 19261, 123001, 20000, 103001)
    );
    assert_eq!(model.vat_breakdown.len(), 2);

    // Each format, written to a file and read back, is the model.
    let dir = tempfile::tempdir().unwrap();
    let fonts = fonts();
    for (format, syntax, container) in [
        (EInvoiceFormat::Facturx, Syntax::Cii, Container::Pdf),
        (EInvoiceFormat::XrechnungCii, Syntax::Cii, Container::Xml),
        (EInvoiceFormat::XrechnungUbl, Syntax::Ubl, Container::Xml),
        (EInvoiceFormat::Peppol, Syntax::Ubl, Container::Xml),
    ] {
        let out = dir.path().join(format.as_str());
        let req = EInvoiceExportRequest { invoice_id: id, format: Some(format), out: Some(out.display().to_string()) };
        let f = einvoice::export(ctx, &fonts, &req).await.unwrap_or_else(|e| panic!("{format:?}: {e:?}"));
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(f.bytes, bytes.len() as i64);
        let back = kindly_einvoice::read(&bytes).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert_eq!(back.container, container);
        let mut expected = model.clone();
        expected.syntax = syntax;
        expected.specification = back.invoice.specification.clone();
        assert_eq!(back.invoice, expected, "{format:?}");
    }
}

#[tokio::test]
async fn the_factur_x_pdf_is_pdf_a_3b_with_the_xml_embedded() {
    let db = open_business_db().await;
    let ctx = on(&db.store, TODAY);
    let (_, id) = setup(ctx).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("RE.pdf");
    let req = EInvoiceExportRequest {
        invoice_id: id,
        format: Some(EInvoiceFormat::Facturx),
        out: Some(out.display().to_string()),
    };
    einvoice::export(ctx, &fonts(), &req).await.unwrap();
    let pdf = std::fs::read(&out).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"OutputIntents").is_ok());
    let xmp = doc.get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap()).unwrap();
    let xmp = String::from_utf8(xmp.as_stream().unwrap().content.clone()).unwrap();
    assert!(xmp.contains("<pdfaid:part>3</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(xmp.contains("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>"));
    // The embedded bytes are exactly what the CII writer makes of the model.
    let (_, model) = einvoice::pdf_and_model(ctx, id).await.unwrap();
    let xml = kindly_einvoice::cii::write(&model, kindly_einvoice::CiiProfile::FacturX).unwrap();
    let (name, embedded) = kindly_einvoice::pdf::embedded_invoice(&pdf).unwrap();
    assert_eq!(name, "factur-x.xml");
    assert_eq!(embedded, xml.as_bytes());
    // Fonts are embedded (subset TrueType).
    let embedded_fonts =
        doc.objects.values().filter_map(|o| o.as_dict().ok()).filter(|d| d.get(b"FontFile2").is_ok()).count();
    assert!(embedded_fonts > 0);
}

#[tokio::test]
async fn issuing_names_every_field_the_format_still_needs_and_stores_nothing() {
    let db = open_business_db().await;
    let ctx = on(&db.store, TODAY);
    let client = create_client(ctx, &client_input("Acme GmbH", vec!["ap@acme.example".into()])).await;
    let details = ClientEInvoiceInput {
        client_id: client,
        format: EInvoiceFormat::XrechnungUbl,
        country: "DE".into(),
        ..Default::default()
    };
    einvoice::save_client_einvoice(ctx, &details).await.unwrap();
    let input = issued_invoice(client, "2026-11-20", "2026-12-20", "EUR", vec![line("Work", "1", "100", "19")]);
    let err = kindly_api::invoices::create(ctx, &input).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::EinvoiceIncomplete);
    for needle in [
        "XRechnung (UBL) needs",
        "your VAT ID (or tax number) (BT-31)",
        "the buyer reference (Leitweg-ID) of Acme GmbH (BT-10)",
        "your telephone number (BT-42)",
        "the electronic address (Peppol ID) of Acme GmbH (BT-49)",
    ] {
        assert!(err.message.contains(needle), "{needle} in {}", err.message);
    }
    assert_eq!(raw_count(&db.path, "SELECT COUNT(*) FROM invoices").await, 0);
    // A draft can be made, and the preflight lists the same gaps.
    let mut draft = input.clone();
    draft.issue = false;
    let id = kindly_api::invoices::create(ctx, &draft).await.unwrap().id;
    let p = einvoice::preflight(ctx, id, None).await.unwrap();
    assert!(!p.ready);
    assert!(p.gaps.iter().any(|g| g.term == "BT-10" && g.owner == "buyer"));
    let err = kindly_api::invoices::issue(ctx, id).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::EinvoiceIncomplete);
    // Filled in, it issues.
    seller(ctx).await;
    einvoice::save_client_einvoice(ctx, &client_details(client, EInvoiceFormat::XrechnungUbl)).await.unwrap();
    assert!(einvoice::preflight(ctx, id, None).await.unwrap().ready);
    kindly_api::invoices::issue(ctx, id).await.unwrap();
}

#[tokio::test]
async fn wrong_identifiers_are_refused_with_their_own_codes() {
    let db = open_business_db().await;
    let ctx = on(&db.store, TODAY);
    let client = create_client(ctx, &client_input("Acme GmbH", vec![])).await;
    let cases = [
        (
            ClientEInvoiceInput { vat_id: "DE123456789".into(), ..client_details(client, EInvoiceFormat::Peppol) },
            ErrorCode::InvalidVatId,
        ),
        (
            ClientEInvoiceInput {
                buyer_reference: "04011000-12345-06".into(),
                ..client_details(client, EInvoiceFormat::Peppol)
            },
            ErrorCode::InvalidLeitwegId,
        ),
        (
            ClientEInvoiceInput { siren: "732829321".into(), ..client_details(client, EInvoiceFormat::Peppol) },
            ErrorCode::InvalidSiren,
        ),
        (
            ClientEInvoiceInput {
                peppol_id: "0208:0123456748".into(),
                ..client_details(client, EInvoiceFormat::Peppol)
            },
            ErrorCode::InvalidPeppolId,
        ),
        (
            ClientEInvoiceInput { country: "Germany".into(), ..client_details(client, EInvoiceFormat::Peppol) },
            ErrorCode::InvalidCountry,
        ),
    ];
    for (input, code) in cases {
        let err = einvoice::save_client_einvoice(ctx, &input).await.unwrap_err();
        assert_eq!(err.code, code, "{}", err.message);
    }
    assert_eq!(raw_count(&db.path, "SELECT COUNT(*) FROM client_einvoice").await, 0);
    let saved = einvoice::save_client_einvoice(ctx, &client_details(client, EInvoiceFormat::Peppol)).await.unwrap();
    assert_eq!(saved.vat_id, "DE123456788");
    assert_eq!(saved.country, "DE");
    assert_eq!(einvoice::client_einvoice(ctx, client).await.unwrap().format, EInvoiceFormat::Peppol);
}

#[test]
fn cli_writes_the_e_invoice_of_an_invoice() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    business_profile_cli(d);
    for args in [
        &["business", "set", "--email", "ada@studio.example", "--phone", "+49 30 1234567", "--tax-id", "DE136695976"][..],
        &["business", "einvoice", "--peppol-id", "9930:DE136695976", "--country", "DE"][..],
    ] {
        let (code, out, err) = run_kindly(d, Some(TODAY), args);
        assert_eq!(code, 0, "{args:?}: {out} {err}");
    }
    // A wrong VAT ID adds no client.
    let (code, out, err) = run_kindly(
        d,
        Some(TODAY),
        &["--json", "clients", "add", "--name", "Acme GmbH", "--einvoice-format", "peppol", "--vat-id", "DE123"],
    );
    assert_ne!(code, 0, "{out}");
    assert!(format!("{out}{err}").contains("invalid_vat_id"), "{out} {err}");
    let client = kindly_json(
        d,
        Some(TODAY),
        &[
            "clients",
            "add",
            "--name",
            "Acme GmbH",
            "--email",
            "ap@acme.example",
            "--address",
            "Hauptstraße 5\\n80331 München",
            "--einvoice-format",
            "peppol",
            "--buyer-reference",
            "PO-7781",
            "--vat-id",
            "DE123456788",
            "--peppol-id",
            "9930:DE123456788",
            "--country",
            "DE",
        ],
    );
    let client = client["id"].as_i64().unwrap().to_string();
    let shown = kindly_json(d, Some(TODAY), &["clients", "einvoice", &client]);
    assert_eq!(shown["format"], "peppol");
    assert_eq!(shown["vat_id"], "DE123456788");
    let inv = kindly_json(d, Some(TODAY), &["invoices", "add", "--client", &client, "--line", "Design work;2;400;19"]);
    let inv = inv["id"].as_i64().unwrap().to_string();
    let out = d.join("peppol.xml");
    let r = kindly_json(d, Some(TODAY), &["invoices", "einvoice", &inv, "--out", out.to_str().unwrap()]);
    assert_eq!(r["format"], "peppol");
    let back = kindly_einvoice::read(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(back.invoice.totals.payable, 95200);
    let pdf = d.join("fx.pdf");
    let r = kindly_json(
        d,
        Some(TODAY),
        &["invoices", "einvoice", &inv, "--format", "factur-x", "--out", pdf.to_str().unwrap()],
    );
    assert_eq!(r["format"], "facturx");
    assert_eq!(kindly_einvoice::read(&std::fs::read(&pdf).unwrap()).unwrap().container, Container::Pdf);
    // XRechnung needs a Leitweg-ID-capable buyer reference, a contact …: the gaps, exit non-zero.
    let (code, out, err) =
        run_kindly(d, Some(TODAY), &["--json", "invoices", "einvoice", &inv, "--format", "xrechnung-cii"]);
    assert_ne!(code, 0);
    assert!(format!("{out}{err}").contains("einvoice_incomplete"), "{out} {err}");
}

/// The Python of the validator's virtual environment (made by scripts/setup.sh).
fn validator_python() -> std::path::PathBuf {
    let venv = std::env::var("KINDLY_EINVOICE_VENV").unwrap_or_else(|_| "/var/tmp/kindly-einvoice-venv".into());
    let py = std::path::Path::new(&venv).join("bin/python");
    assert!(py.exists(), "{} is missing: run scripts/setup.sh (it installs the e-invoice validator)", py.display());
    py
}

#[tokio::test]
async fn every_format_passes_the_official_en_16931_rules_and_xsds() {
    let db = open_business_db().await;
    let ctx = on(&db.store, TODAY);
    let (_, id) = setup(ctx).await;
    // A second client: reverse charge to France (0 %, AE), with a SIREN.
    let fr = create_client(ctx, &client_input("Lumière SARL", vec!["compta@lumiere.example".into()])).await;
    let details = ClientEInvoiceInput {
        client_id: fr,
        format: EInvoiceFormat::Peppol,
        buyer_reference: "PO-55".into(),
        vat_id: "FR40303265045".into(),
        siren: "303265045".into(),
        peppol_id: "0002:303265045".into(),
        country: "FR".into(),
    };
    einvoice::save_client_einvoice(ctx, &details).await.unwrap();
    let lines = vec![line("Consulting", "2.5", "800", "0")];
    let rc = kindly_tests::create_invoice(ctx, &issued_invoice(fr, "2026-11-21", "2026-12-21", "EUR", lines)).await;

    let dir = tempfile::tempdir().unwrap();
    let fonts = fonts();
    let mut files = Vec::new();
    for (inv, format) in [
        (id, EInvoiceFormat::Facturx),
        (id, EInvoiceFormat::XrechnungCii),
        (id, EInvoiceFormat::XrechnungUbl),
        (id, EInvoiceFormat::Peppol),
        (rc, EInvoiceFormat::Peppol),
        (rc, EInvoiceFormat::Facturx),
    ] {
        let out = dir.path().join(format!("{inv}-{}", format.as_str()));
        let req = EInvoiceExportRequest { invoice_id: inv, format: Some(format), out: Some(out.display().to_string()) };
        einvoice::export(ctx, &fonts, &req).await.unwrap_or_else(|e| panic!("{inv} {format:?}: {e:?}"));
        let bytes = std::fs::read(&out).unwrap();
        let xml = if format == EInvoiceFormat::Facturx {
            kindly_einvoice::pdf::embedded_invoice(&bytes).unwrap().1
        } else {
            bytes
        };
        let path = dir.path().join(format!("{inv}-{}.xml", format.as_str()));
        std::fs::write(&path, xml).unwrap();
        files.push(path);
    }
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/einvoice_validate.py");
    let out = std::process::Command::new(validator_python()).arg(script).args(&files).output().unwrap();
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{report}");
    assert_eq!(report.matches(": valid (").count(), files.len(), "{report}");
}

/// Runs the validator on `files`; every one must pass.
fn validate(files: &[std::path::PathBuf]) {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/einvoice_validate.py");
    let out = std::process::Command::new(validator_python()).arg(script).args(files).output().unwrap();
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{report}");
    assert_eq!(report.matches(": valid (").count(), files.len(), "{report}");
}

#[tokio::test]
async fn a_credit_note_has_its_e_invoice_in_every_format_and_each_passes_the_rules() {
    use kindly_api::corrections::{self, CreditNoteInput};
    use kindly_api::einvoice::CreditNoteEInvoiceRequest;
    let db = open_business_db().await;
    let ctx = on(&db.store, TODAY);
    let (_, id) = setup(ctx).await;
    // A partial credit note over two VAT rates, then the rest.
    let input = CreditNoteInput {
        invoice_id: id,
        amount: "100.00".into(),
        reason: "Two guides returned".into(),
        date: "2026-11-24".into(),
    };
    let partial = corrections::credit(ctx, &input).await.unwrap().id;
    let input = CreditNoteInput { invoice_id: id, reason: "Order cancelled".into(), ..Default::default() };
    let full = corrections::credit(ctx, &input).await.unwrap().id;

    let dir = tempfile::tempdir().unwrap();
    let fonts = fonts();
    let mut files = Vec::new();
    for note_id in [partial, full] {
        let note = corrections::credit_note(ctx, note_id).await.unwrap();
        for (format, syntax, container) in [
            (EInvoiceFormat::Facturx, Syntax::Cii, Container::Pdf),
            (EInvoiceFormat::XrechnungCii, Syntax::Cii, Container::Xml),
            (EInvoiceFormat::XrechnungUbl, Syntax::Ubl, Container::Xml),
            (EInvoiceFormat::Peppol, Syntax::Ubl, Container::Xml),
        ] {
            let out = dir.path().join(format!("{note_id}-{}", format.as_str()));
            let req = CreditNoteEInvoiceRequest {
                credit_note_id: note_id,
                format: Some(format),
                out: Some(out.display().to_string()),
            };
            let f = einvoice::export_credit_note(ctx, &fonts, &req)
                .await
                .unwrap_or_else(|e| panic!("{note_id} {format:?}: {e:?}"));
            assert_eq!(f.format, format);
            let bytes = std::fs::read(&out).unwrap();
            let back = kindly_einvoice::read(&bytes).unwrap_or_else(|e| panic!("{format:?}: {e}"));
            assert_eq!((back.container, back.invoice.syntax), (container, syntax), "{format:?}");
            let cn = &back.invoice;
            assert_eq!(cn.type_code, kindly_einvoice::model::TYPE_CREDIT_NOTE);
            assert!(cn.is_credit_note());
            assert_eq!(cn.number, note.number);
            assert_eq!(cn.issue_date.to_string(), note.issue_date);
            // BT-25 / BT-26: the credited invoice.
            assert_eq!(cn.preceding_invoice.as_deref(), Some(note.invoice_number.as_str()));
            assert_eq!(cn.preceding_invoice_date.map(|d| d.to_string()), Some(note.invoice_issue_date.clone()));
            // Positive amounts: what the credit note credits.
            let t = &cn.totals;
            assert_eq!(Money::new(t.tax_inclusive, cn.currency).plain(), note.amount.amount, "{format:?}");
            assert_eq!(Money::new(t.payable, cn.currency).plain(), note.amount.amount);
            assert_eq!(Money::new(t.tax_exclusive, cn.currency).plain(), note.net.amount);
            assert_eq!(Money::new(t.tax_total, cn.currency).plain(), note.tax.amount);
            assert!(t.tax_inclusive > 0 && t.tax_total > 0 && cn.lines.iter().all(|l| l.net_amount > 0));
            // The VAT breakdown is the credit note's own split, rate by rate.
            let split: Vec<(String, String, String)> =
                note.parts.iter().map(|p| (p.rate.clone(), p.net.amount.clone(), p.tax.amount.clone())).collect();
            let written: Vec<(String, String, String)> = cn
                .vat_breakdown
                .iter()
                .map(|v| {
                    (
                        v.rate.unwrap().to_string(),
                        Money::new(v.taxable_amount, cn.currency).plain(),
                        Money::new(v.tax_amount, cn.currency).plain(),
                    )
                })
                .collect();
            assert_eq!(written, split, "{format:?}");
            if syntax == Syntax::Ubl {
                let text = String::from_utf8(bytes.clone()).unwrap();
                assert!(text.contains("<CreditNote ") && text.contains("<cbc:CreditNoteTypeCode>381<"), "{text}");
            }
            let xml = if container == Container::Pdf {
                let (name, xml) = kindly_einvoice::pdf::embedded_invoice(&bytes).unwrap();
                assert_eq!(name, "factur-x.xml");
                xml
            } else {
                bytes
            };
            let path = dir.path().join(format!("{note_id}-{}.xml", format.as_str()));
            std::fs::write(&path, xml).unwrap();
            files.push(path);
        }
    }
    assert_eq!(files.len(), 8);
    validate(&files);
}

#[tokio::test]
async fn a_reverse_charge_credit_note_keeps_its_category_and_a_plain_pdf_client_needs_a_format() {
    use kindly_api::corrections::{self, CreditNoteInput};
    use kindly_api::einvoice::CreditNoteEInvoiceRequest;
    let db = open_business_db().await;
    let ctx = on(&db.store, TODAY);
    seller(ctx).await;
    let fr = create_client(ctx, &client_input("Lumière SARL", vec!["compta@lumiere.example".into()])).await;
    let details = ClientEInvoiceInput {
        client_id: fr,
        format: EInvoiceFormat::Facturx,
        buyer_reference: "PO-55".into(),
        vat_id: "FR40303265045".into(),
        siren: "303265045".into(),
        peppol_id: "0002:303265045".into(),
        country: "FR".into(),
    };
    einvoice::save_client_einvoice(ctx, &details).await.unwrap();
    let lines = vec![line("Consulting", "2.5", "800", "0")];
    let rc = kindly_tests::create_invoice(ctx, &issued_invoice(fr, "2026-11-21", "2026-12-21", "EUR", lines)).await;
    let input = CreditNoteInput {
        invoice_id: rc,
        amount: "500".into(),
        reason: "Half a day not worked".into(),
        ..Default::default()
    };
    let note = corrections::credit(ctx, &input).await.unwrap().id;
    let dir = tempfile::tempdir().unwrap();
    let fonts = fonts();
    let mut files = Vec::new();
    for format in [None, Some(EInvoiceFormat::Peppol)] {
        let out = dir.path().join(format!("rc-{format:?}"));
        let req = CreditNoteEInvoiceRequest { credit_note_id: note, format, out: Some(out.display().to_string()) };
        let f = einvoice::export_credit_note(ctx, &fonts, &req).await.unwrap();
        assert_eq!(f.format, format.unwrap_or(EInvoiceFormat::Facturx));
        let bytes = std::fs::read(&out).unwrap();
        let back = kindly_einvoice::read(&bytes).unwrap().invoice;
        assert_eq!(back.vat_breakdown.len(), 1);
        assert_eq!(back.vat_breakdown[0].category, "AE");
        assert_eq!((back.totals.tax_inclusive, back.totals.tax_total), (50000, 0));
        let xml = if format.is_none() { kindly_einvoice::pdf::embedded_invoice(&bytes).unwrap().1 } else { bytes };
        let path = dir.path().join(format!("rc-{}.xml", files.len()));
        std::fs::write(&path, xml).unwrap();
        files.push(path);
    }
    validate(&files);

    // A client on plain PDFs: a format must be chosen; nothing is written.
    let plain = create_client(ctx, &client_input("Plain Ltd", vec![])).await;
    let lines = vec![line("Work", "1", "100", "19")];
    let inv = kindly_tests::create_invoice(ctx, &issued_invoice(plain, "2026-11-21", "2026-12-21", "EUR", lines)).await;
    let input = CreditNoteInput { invoice_id: inv, reason: "Wrong client".into(), ..Default::default() };
    let note = corrections::credit(ctx, &input).await.unwrap().id;
    let req = CreditNoteEInvoiceRequest { credit_note_id: note, format: None, out: None };
    let err = einvoice::export_credit_note(ctx, &fonts, &req).await.unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::EinvoiceIncomplete, Some("format")));
}

#[test]
fn cli_writes_the_e_invoice_of_a_credit_note() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    business_profile_cli(d);
    for args in [
        &["business", "set", "--email", "ada@studio.example", "--phone", "+49 30 1234567", "--tax-id", "DE136695976"][..],
        &["business", "einvoice", "--peppol-id", "9930:DE136695976", "--country", "DE"][..],
    ] {
        let (code, out, err) = run_kindly(d, Some(TODAY), args);
        assert_eq!(code, 0, "{args:?}: {out} {err}");
    }
    let client = kindly_json(
        d,
        Some(TODAY),
        &[
            "clients",
            "add",
            "--name",
            "Acme GmbH",
            "--email",
            "ap@acme.example",
            "--address",
            "Hauptstraße 5\\n80331 München",
            "--einvoice-format",
            "peppol",
            "--buyer-reference",
            "PO-7781",
            "--vat-id",
            "DE123456788",
            "--peppol-id",
            "9930:DE123456788",
            "--country",
            "DE",
        ],
    );
    let client = client["id"].as_i64().unwrap().to_string();
    let inv = kindly_json(d, Some(TODAY), &["invoices", "add", "--client", &client, "--line", "Design work;2;400;19"]);
    let number = inv["number"].as_str().unwrap().to_string();
    let inv = inv["id"].as_i64().unwrap().to_string();
    let note = kindly_json(d, Some(TODAY), &["invoices", "credit", &inv, "--amount", "119", "--reason", "Discount"]);
    let note = note["id"].as_i64().unwrap().to_string();
    let out = d.join("cn.xml");
    let r =
        kindly_json(d, Some(TODAY), &["invoices", "einvoice", &note, "--credit-note", "--out", out.to_str().unwrap()]);
    assert_eq!(r["format"], "peppol");
    let back = kindly_einvoice::read(&std::fs::read(&out).unwrap()).unwrap().invoice;
    assert_eq!((back.type_code, back.totals.payable, back.totals.tax_total), (381, 11900, 1900));
    assert_eq!(back.preceding_invoice.as_deref(), Some(number.as_str()));
    // A credit note that does not exist: not found, exit non-zero.
    let (code, out, err) = run_kindly(d, Some(TODAY), &["--json", "invoices", "einvoice", "999", "--credit-note"]);
    assert_ne!(code, 0, "{out} {err}");
}

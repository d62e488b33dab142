//! A PDF made into Factur-X: the PDF/A-3 structure, the XMP values, the
//! embedded file's bytes exactly the XML, and the reader reads it back.

#![allow(clippy::unwrap_used)] // a test: a failed unwrap fails it

use kindly_einvoice::facturx::{facturx_pdf, PdfAMeta, FX_NAMESPACE, SRGB_ICC};
use kindly_einvoice::{read, Container};
use lopdf::{dictionary, Document, Object, Stream};

fn plain_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
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
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn meta() -> PdfAMeta {
    PdfAMeta {
        title: "Rechnung RE-1 <Müller & Söhne>".into(),
        author: "Smith & Sons".into(),
        created: "2026-11-05T10:30:00".parse().unwrap(),
        producer: "Kindly".into(),
    }
}

/// Checks a Factur-X PDF/A-3b (also used for the real invoice PDF in kindly-api's tests).
fn assert_facturx(pdf: &[u8], xml: &[u8]) {
    let doc = Document::load_mem(pdf).unwrap();
    assert_eq!(doc.version, "1.7");
    let catalog = doc.catalog().unwrap();
    // Associated file and name tree point at the same file specification.
    let af = catalog.get(b"AF").unwrap().as_array().unwrap();
    assert_eq!(af.len(), 1);
    let spec_ref = af[0].as_reference().unwrap();
    let names = catalog.get_deref(b"Names", &doc).unwrap().as_dict().unwrap();
    let tree = names.get_deref(b"EmbeddedFiles", &doc).unwrap().as_dict().unwrap();
    let entries = tree.get(b"Names").unwrap().as_array().unwrap();
    assert_eq!(entries[0].as_str().unwrap(), b"factur-x.xml");
    assert_eq!(entries[1].as_reference().unwrap(), spec_ref);
    let spec = doc.get_dictionary(spec_ref).unwrap();
    assert_eq!(spec.get(b"Type").unwrap().as_name().unwrap(), b"Filespec");
    assert_eq!(spec.get(b"AFRelationship").unwrap().as_name().unwrap(), b"Alternative");
    assert_eq!(spec.get(b"UF").unwrap().as_str().unwrap(), b"factur-x.xml");
    assert_eq!(spec.get(b"F").unwrap().as_str().unwrap(), b"factur-x.xml");
    let ef = spec.get(b"EF").unwrap().as_dict().unwrap();
    let file = doc.get_object(ef.get(b"F").unwrap().as_reference().unwrap()).unwrap().as_stream().unwrap();
    assert_eq!(file.dict.get(b"Type").unwrap().as_name().unwrap(), b"EmbeddedFile");
    assert_eq!(file.dict.get(b"Subtype").unwrap().as_name().unwrap(), b"text/xml");
    let params = file.dict.get(b"Params").unwrap().as_dict().unwrap();
    assert_eq!(params.get(b"Size").unwrap().as_i64().unwrap(), xml.len() as i64);
    assert!(params.get(b"ModDate").unwrap().as_str().unwrap().starts_with(b"D:"));
    assert_eq!(file.decompressed_content().unwrap(), xml, "the embedded bytes are exactly the XML");
    // Output intent with the sRGB profile.
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let icc = doc.get_object(intent.get(b"DestOutputProfile").unwrap().as_reference().unwrap()).unwrap();
    let icc = icc.as_stream().unwrap();
    assert_eq!(icc.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    assert_eq!(icc.decompressed_content().unwrap(), SRGB_ICC);
    assert_eq!(&SRGB_ICC[12..20], b"mntrRGB ");
    // XMP: uncompressed, PDF/A-3B, the Factur-X properties and their schema.
    let xmp = doc.get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap()).unwrap();
    let xmp = xmp.as_stream().unwrap();
    assert!(xmp.dict.get(b"Filter").is_err());
    assert_eq!(xmp.dict.get(b"Subtype").unwrap().as_name().unwrap(), b"XML");
    let text = String::from_utf8(xmp.content.clone()).unwrap();
    for needle in [
        "<pdfaid:part>3</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "<fx:DocumentType>INVOICE</fx:DocumentType>",
        "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>",
        "<fx:Version>1.0</fx:Version>",
        "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
        &format!("<pdfaSchema:namespaceURI>{FX_NAMESPACE}</pdfaSchema:namespaceURI>"),
    ] {
        assert!(text.contains(needle), "{needle} in\n{text}");
    }
    // The trailer has an /ID and an info dictionary.
    assert_eq!(doc.trailer.get(b"ID").unwrap().as_array().unwrap().len(), 2);
    assert!(doc.trailer.get(b"Info").is_ok());
}

#[test]
fn a_pdf_becomes_a_factur_x_pdf_a_3b_with_the_xml_embedded() {
    let xml = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/samples/factur-x-en16931.xml")).unwrap();
    let pdf = facturx_pdf(&plain_pdf(), &xml, &meta()).unwrap();
    assert_facturx(&pdf, &xml);
    let doc = Document::load_mem(&pdf).unwrap();
    let xmp = doc.get_object(doc.catalog().unwrap().get(b"Metadata").unwrap().as_reference().unwrap()).unwrap();
    let text = String::from_utf8(xmp.as_stream().unwrap().content.clone()).unwrap();
    assert!(text.contains("<rdf:li xml:lang=\"x-default\">Rechnung RE-1 &lt;Müller &amp; Söhne&gt;</rdf:li>"));
    assert!(text.contains("<xmp:CreateDate>2026-11-05T10:30:00+00:00</xmp:CreateDate>"));
    // The info dictionary says what the XMP says.
    let info = doc.get_dictionary(doc.trailer.get(b"Info").unwrap().as_reference().unwrap()).unwrap();
    assert_eq!(info.get(b"CreationDate").unwrap().as_str().unwrap(), b"D:20261105103000+00'00'");
    assert_eq!(lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap(), "Rechnung RE-1 <Müller & Söhne>");
    // The e-invoice reader finds and reads it.
    let r = read(&pdf).unwrap();
    assert_eq!(r.container, Container::Pdf);
    assert_eq!(r.embedded_name.as_deref(), Some("factur-x.xml"));
    assert_eq!(r.invoice.number, "RE-2026-0412");
}

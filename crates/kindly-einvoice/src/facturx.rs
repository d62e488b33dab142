//! A PDF made into a Factur-X 1.0 invoice: PDF/A-3b with the CII XML as an
//! associated file. printpdf draws the page; this adds what it lacks:
//!
//! - `factur-x.xml` as an embedded file (`/Subtype /text#2Fxml`, `/Params`
//!   with `/Size` and `/ModDate`), its file specification with
//!   `/AFRelationship /Alternative` (the XML is an equivalent of the page,
//!   as Factur-X recommends for the EN 16931 profile), listed in the
//!   catalog's `/AF` array and `/Names /EmbeddedFiles` name tree;
//! - an XMP metadata stream (uncompressed, as PDF/A readers expect): Dublin
//!   Core title and author, dates, `pdfaid:part 3` / `conformance B`, the
//!   Factur-X extension schema (`fx:DocumentType INVOICE`,
//!   `DocumentFileName factur-x.xml`, `Version 1.0`, `ConformanceLevel
//!   EN 16931`) and its `pdfaExtension` description, without which a PDF/A
//!   validator refuses the `fx:` properties;
//! - the document information dictionary rewritten to say exactly what the
//!   XMP says (PDF/A requires the two to agree), a trailer `/ID`;
//! - an sRGB output intent (`/GTS_PDFA1`) with the colord project's sRGB
//!   ICC v4 profile (CC0, see `res/sRGB.icc.README`): Kindly draws in
//!   DeviceRGB, which PDF/A allows only under an RGB output intent.
//!
//! Fonts are already embedded (subset TrueType) by kindly-pdf.

use crate::error::EInvoiceError;
use crate::pdf::INVOICE_FILE_NAMES;
use chrono::NaiveDateTime;
use lopdf::{dictionary, Document, Object, ObjectId, Stream, StringFormat};
use std::hash::{Hash, Hasher};

/// The sRGB profile of the output intent.
pub const SRGB_ICC: &[u8] = include_bytes!("../res/sRGB.icc");
/// The Factur-X XMP extension namespace.
pub const FX_NAMESPACE: &str = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
/// `fx:ConformanceLevel` of what Kindly writes.
pub const FX_CONFORMANCE: &str = "EN 16931";

/// What the PDF says about itself (the same in the XMP and the info dictionary).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfAMeta {
    pub title: String,
    pub author: String,
    /// Written as UTC; the crate never reads the clock.
    pub created: NaiveDateTime,
    /// `pdf:Producer` and `/Producer`.
    pub producer: String,
}

fn invalid(e: lopdf::Error) -> EInvoiceError {
    EInvoiceError::PdfInvalid { detail: kindly_xml::excerpt_n(&e.to_string(), 200) }
}

/// Loads `pdf`, makes it a Factur-X PDF/A-3b carrying `xml`, and saves it.
pub fn facturx_pdf(pdf: &[u8], xml: &[u8], meta: &PdfAMeta) -> Result<Vec<u8>, EInvoiceError> {
    let mut doc = Document::load_mem(pdf).map_err(invalid)?;
    make_facturx(&mut doc, xml, meta)?;
    let mut out = Vec::with_capacity(pdf.len() + xml.len() + SRGB_ICC.len());
    doc.save_to(&mut out).map_err(|e| EInvoiceError::PdfInvalid { detail: e.to_string() })?;
    Ok(out)
}

/// Makes a document (not yet saved: kindly-pdf hands it over before writing
/// it, which spares parsing it again) a Factur-X PDF/A-3b carrying `xml`.
pub fn make_facturx(doc: &mut Document, xml: &[u8], meta: &PdfAMeta) -> Result<(), EInvoiceError> {
    doc.version = "1.7".to_string();
    let pdf_date = meta.created.format("D:%Y%m%d%H%M%S+00'00'").to_string();
    let xmp_date = meta.created.format("%Y-%m-%dT%H:%M:%S+00:00").to_string();
    let spec_id = add_invoice_file(doc, xml, Some(&pdf_date), "Alternative")?;

    let mut icc = Stream::new(dictionary! { "N" => 3, "Alternate" => "DeviceRGB" }, SRGB_ICC.to_vec());
    icc.compress().map_err(invalid)?;
    let icc_id = doc.add_object(icc);
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => icc_id,
    };
    let mut xmp_stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp(meta, &xmp_date, INVOICE_FILE_NAMES[0]).into_bytes(),
    );
    xmp_stream.allows_compression = false;
    let xmp_id = doc.add_object(xmp_stream);

    let catalog = doc.catalog_mut().map_err(invalid)?;
    catalog.set("Metadata", xmp_id);
    catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    catalog.set("AF", vec![Object::Reference(spec_id)]);
    catalog.set(
        "Names",
        dictionary! { "EmbeddedFiles" => dictionary! { "Names" => vec![Object::string_literal(INVOICE_FILE_NAMES[0]), Object::Reference(spec_id)] } },
    );

    let info_id = doc.add_object(dictionary! {
        "Title" => text_string(&meta.title),
        "Author" => text_string(&meta.author),
        "Creator" => text_string("Kindly"),
        "Producer" => text_string(&meta.producer),
        "CreationDate" => Object::string_literal(pdf_date.as_str()),
        "ModDate" => Object::string_literal(pdf_date.as_str()),
    });
    doc.trailer.set("Info", info_id);
    // PDF/A wants a file identifier; derived from the content, so the same
    // invoice written twice is the same file.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (xml, &meta.title, &xmp_date).hash(&mut h);
    let a = h.finish();
    meta.author.hash(&mut h);
    let b = h.finish();
    let id: Vec<u8> = a.to_be_bytes().into_iter().chain(b.to_be_bytes()).collect();
    doc.trailer.set(
        "ID",
        vec![Object::String(id.clone(), StringFormat::Hexadecimal), Object::String(id, StringFormat::Hexadecimal)],
    );
    Ok(())
}

/// A text string PDF readers decode right: PDFDocEncoding-safe ASCII as a
/// literal, anything else as UTF-16BE with a byte order mark.
fn text_string(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::string_literal(s)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// Adds `xml` as `factur-x.xml` (stream + file specification) and returns
/// the file specification's id; the caller lists it in the catalog.
pub(crate) fn add_invoice_file(
    doc: &mut Document,
    xml: &[u8],
    mod_date: Option<&str>,
    relationship: &str,
) -> Result<ObjectId, EInvoiceError> {
    let name = INVOICE_FILE_NAMES[0];
    let mut params = dictionary! { "Size" => xml.len() as i64 };
    if let Some(d) = mod_date {
        params.set("ModDate", Object::string_literal(d));
    }
    let mut file = Stream::new(
        dictionary! { "Type" => "EmbeddedFile", "Subtype" => "text/xml", "Params" => params },
        xml.to_vec(),
    );
    // Compressed like every other stream; readers inflate it.
    file.compress().map_err(invalid)?;
    let file_id = doc.add_object(file);
    Ok(doc.add_object(dictionary! {
        "Type" => "Filespec",
        "F" => Object::string_literal(name),
        "UF" => Object::string_literal(name),
        "Desc" => Object::string_literal("Factur-X invoice"),
        "AFRelationship" => relationship,
        "EF" => dictionary! { "F" => file_id, "UF" => file_id },
    }))
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::xml_out::escape_into(&mut out, s);
    out
}

/// The XMP packet: PDF/A-3b identification, Dublin Core, the Factur-X
/// properties and the extension schema that declares them.
fn xmp(meta: &PdfAMeta, date: &str, file_name: &str) -> String {
    let (title, author, producer) = (esc(&meta.title), esc(&meta.author), esc(&meta.producer));
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>Kindly</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{producer}</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:fx="{fx}">
   <fx:DocumentType>INVOICE</fx:DocumentType>
   <fx:DocumentFileName>{file_name}</fx:DocumentFileName>
   <fx:Version>1.0</fx:Version>
   <fx:ConformanceLevel>{level}</fx:ConformanceLevel>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>{fx}</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>fx</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The name of the embedded XML document</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The type of the hybrid document in capital letters, e.g. INVOICE or ORDER</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The actual version of the standard applying to the embedded XML document</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The conformance level of the embedded XML document</pdfaProperty:description></rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{FEFF}',
        fx = FX_NAMESPACE,
        level = FX_CONFORMANCE,
    )
}

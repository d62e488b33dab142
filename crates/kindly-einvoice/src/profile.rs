//! The four e-invoices Kindly writes, and what each needs beyond what every
//! EN 16931 invoice has. [`gaps`] lists every missing field at once (the
//! preflight before an invoice is issued shows them all), named by business
//! term and by whose data it is (yours, the client's, the invoice's).

use crate::model::Invoice;
use std::fmt;

/// BT-24 of an EN 16931 invoice (Factur-X EN 16931 profile, plain EN 16931).
pub const SPEC_EN16931: &str = "urn:cen.eu:en16931:2017";
/// BT-24 of XRechnung 3.0 (UBL and CII).
pub const SPEC_XRECHNUNG_3: &str = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
/// BT-24 of Peppol BIS Billing 3.0.
pub const SPEC_PEPPOL_BIS_3: &str = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
/// BT-23 business process of Peppol BIS Billing 3.0 (also XRechnung's usual one).
pub const PROCESS_PEPPOL_BILLING: &str = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

/// An e-invoice format Kindly writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Factur-X / ZUGFeRD, profile EN 16931: a PDF/A-3 with CII embedded.
    FacturX,
    /// XRechnung 3.0 in UN/CEFACT CII.
    XRechnungCii,
    /// XRechnung 3.0 in UBL 2.1.
    XRechnungUbl,
    /// Peppol BIS Billing 3.0 (UBL 2.1).
    Peppol,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::FacturX, Format::XRechnungCii, Format::XRechnungUbl, Format::Peppol];

    pub fn label(self) -> &'static str {
        match self {
            Format::FacturX => "Factur-X",
            Format::XRechnungCii => "XRechnung (CII)",
            Format::XRechnungUbl => "XRechnung (UBL)",
            Format::Peppol => "Peppol BIS Billing 3.0",
        }
    }

    /// BT-24, as written.
    pub fn specification(self) -> &'static str {
        match self {
            Format::FacturX => SPEC_EN16931,
            Format::XRechnungCii | Format::XRechnungUbl => SPEC_XRECHNUNG_3,
            Format::Peppol => SPEC_PEPPOL_BIS_3,
        }
    }

    fn xrechnung(self) -> bool {
        matches!(self, Format::XRechnungCii | Format::XRechnungUbl)
    }
}

/// Whose data a missing field is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// The seller: the user's own settings.
    Seller,
    /// The buyer: the client's details.
    Buyer,
    /// The invoice itself (its lines, payment details).
    Invoice,
}

/// A field the chosen format needs and the invoice lacks.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Gap {
    pub owner: Owner,
    /// "BT-10"
    pub term: &'static str,
    /// What people call it: "buyer reference (Leitweg-ID)".
    pub what: &'static str,
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.what, self.term)
    }
}

/// Every field `format` needs that `inv` lacks, in a stable order: the
/// EN 16931 core rules Kindly's data can miss (BR-6..BR-11, BR-S/AE/E), then
/// the CIUS's (XRechnung BR-DE-1..16, Peppol R003/R010/R020).
pub fn gaps(inv: &Invoice, format: Format) -> Vec<Gap> {
    let mut out = Vec::new();
    let mut need = |missing: bool, owner: Owner, term: &'static str, what: &'static str| {
        if missing {
            out.push(Gap { owner, term, what });
        }
    };
    let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    let (s, b) = (&inv.seller, &inv.buyer);
    need(inv.number.trim().is_empty(), Owner::Invoice, "BT-1", "invoice number");
    need(inv.lines.is_empty(), Owner::Invoice, "BG-25", "at least one invoice line");
    need(s.name.trim().is_empty(), Owner::Seller, "BT-27", "business name");
    need(blank(&s.address.country), Owner::Seller, "BT-40", "country");
    need(b.name.trim().is_empty(), Owner::Buyer, "BT-44", "name");
    need(blank(&b.address.country), Owner::Buyer, "BT-55", "country");
    let categories: Vec<&str> = inv.lines.iter().map(|l| l.vat_category.as_str()).collect();
    let taxed = categories.iter().any(|c| matches!(*c, "S" | "Z" | "E" | "AE" | "K" | "G" | "L" | "M"));
    need(taxed && blank(&s.vat_id) && blank(&s.tax_registration), Owner::Seller, "BT-31", "VAT ID (or tax number)");
    let reverse_or_intra = categories.iter().any(|c| matches!(*c, "AE" | "K"));
    need(reverse_or_intra && blank(&b.vat_id), Owner::Buyer, "BT-48", "VAT ID (reverse charge)");
    let exempt_without_reason = inv
        .vat_breakdown
        .iter()
        .any(|v| matches!(v.category.as_str(), "E" | "AE" | "K" | "G" | "O") && blank(&v.exemption_reason));
    need(exempt_without_reason, Owner::Invoice, "BT-120", "VAT exemption reason");
    let means = inv.payment.means_code.as_deref();
    need(
        matches!(means, Some("30" | "58")) && inv.payment.accounts.is_empty(),
        Owner::Seller,
        "BT-84",
        "IBAN of a bank account",
    );
    if format.xrechnung() {
        need(blank(&inv.buyer_reference), Owner::Buyer, "BT-10", "buyer reference (Leitweg-ID)");
        need(means.is_none(), Owner::Invoice, "BT-81", "payment means");
        need(blank(&s.address.city), Owner::Seller, "BT-37", "city");
        need(blank(&s.address.postcode), Owner::Seller, "BT-38", "postcode");
        need(blank(&s.contact_name), Owner::Seller, "BT-41", "contact name");
        need(blank(&s.phone), Owner::Seller, "BT-42", "telephone number");
        need(blank(&s.email), Owner::Seller, "BT-43", "e-mail address");
        need(blank(&b.address.city), Owner::Buyer, "BT-52", "city");
        need(blank(&b.address.postcode), Owner::Buyer, "BT-53", "postcode");
    }
    if format.xrechnung() || format == Format::Peppol {
        need(
            s.electronic_address.as_ref().is_none_or(|e| e.scheme.is_none()),
            Owner::Seller,
            "BT-34",
            "electronic address (Peppol ID)",
        );
        need(
            b.electronic_address.as_ref().is_none_or(|e| e.scheme.is_none()),
            Owner::Buyer,
            "BT-49",
            "electronic address (Peppol ID)",
        );
    }
    if format == Format::Peppol {
        need(blank(&inv.buyer_reference), Owner::Buyer, "BT-10", "buyer reference (or order number)");
    }
    out
}

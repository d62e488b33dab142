//! [`Invoice`] → OASIS UBL 2.1 `Invoice` (type 380 and the other invoice
//! codes) or `CreditNote` (381 and the other credit-note codes), as
//! XRechnung 3.0 UBL and Peppol BIS Billing 3.0 profile it. Elements follow
//! the UBL 2.1 schema's order; paths mirror [`crate::ubl`].

use crate::error::EInvoiceError;
use crate::model::{Account, Invoice, Line, Party};
use crate::profile::{Format, PROCESS_PEPPOL_BILLING};
use crate::write::{address_lines, amount, ready, unit};
use crate::xml_out::XmlOut;
use kindly_core::Currency;

/// Which UBL e-invoice to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UblProfile {
    /// XRechnung 3.0 UBL.
    XRechnung,
    /// Peppol BIS Billing 3.0.
    Peppol,
}

impl UblProfile {
    pub fn format(self) -> Format {
        match self {
            UblProfile::XRechnung => Format::XRechnungUbl,
            UblProfile::Peppol => Format::Peppol,
        }
    }
}

const CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

/// Writes `inv` as UBL; refuses it (every gap listed) when the profile
/// needs a field it lacks or its figures disagree.
pub fn write(inv: &Invoice, profile: UblProfile) -> Result<String, EInvoiceError> {
    let format = profile.format();
    ready(inv, format)?;
    let credit = inv.is_credit_note();
    let cur = inv.currency;
    let (root, ns, type_tag, line_tag, qty_tag) = if credit {
        (
            "CreditNote",
            "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
            "cbc:CreditNoteTypeCode",
            "cac:CreditNoteLine",
            "cbc:CreditedQuantity",
        )
    } else {
        (
            "Invoice",
            "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
            "cbc:InvoiceTypeCode",
            "cac:InvoiceLine",
            "cbc:InvoicedQuantity",
        )
    };
    let mut x = XmlOut::new();
    x.open(root, &[("xmlns", ns), ("xmlns:cac", CAC), ("xmlns:cbc", CBC)]);
    x.leaf("cbc:CustomizationID", format.specification());
    x.leaf("cbc:ProfileID", PROCESS_PEPPOL_BILLING);
    x.leaf("cbc:ID", &inv.number);
    x.leaf("cbc:IssueDate", &inv.issue_date.to_string());
    // UBL 2.1's CreditNote has no DueDate; its due date goes on the payment means.
    if !credit {
        x.opt("cbc:DueDate", inv.due_date.map(|d| d.to_string()).as_deref());
    }
    x.leaf(type_tag, &inv.type_code.to_string());
    for note in &inv.notes {
        x.leaf("cbc:Note", note);
    }
    x.leaf("cbc:DocumentCurrencyCode", cur.code());
    x.opt("cbc:BuyerReference", inv.buyer_reference.as_deref());
    if let Some(preceding) = inv.preceding_invoice.as_deref() {
        x.open("cac:BillingReference", &[]);
        x.open("cac:InvoiceDocumentReference", &[]);
        x.leaf("cbc:ID", preceding);
        x.opt("cbc:IssueDate", inv.preceding_invoice_date.map(|d| d.to_string()).as_deref());
        x.close("cac:InvoiceDocumentReference");
        x.close("cac:BillingReference");
    }
    x.open("cac:AccountingSupplierParty", &[]);
    write_party(&mut x, &inv.seller);
    x.close("cac:AccountingSupplierParty");
    x.open("cac:AccountingCustomerParty", &[]);
    write_party(&mut x, &inv.buyer);
    x.close("cac:AccountingCustomerParty");
    if let Some(code) = inv.payment.means_code.as_deref() {
        let accounts: Vec<Option<&Account>> =
            if inv.payment.accounts.is_empty() { vec![None] } else { inv.payment.accounts.iter().map(Some).collect() };
        for acc in accounts {
            x.open("cac:PaymentMeans", &[]);
            x.leaf("cbc:PaymentMeansCode", code);
            if credit {
                x.opt("cbc:PaymentDueDate", inv.due_date.map(|d| d.to_string()).as_deref());
            }
            x.opt("cbc:PaymentID", inv.payment.remittance.as_deref());
            if let Some(acc) = acc {
                x.open("cac:PayeeFinancialAccount", &[]);
                x.leaf("cbc:ID", &acc.iban);
                x.opt("cbc:Name", acc.name.as_deref());
                if let Some(bic) = acc.bic.as_deref() {
                    x.open("cac:FinancialInstitutionBranch", &[]);
                    x.leaf("cbc:ID", bic);
                    x.close("cac:FinancialInstitutionBranch");
                }
                x.close("cac:PayeeFinancialAccount");
            }
            x.close("cac:PaymentMeans");
        }
    } else if inv.payment.remittance.is_some() || !inv.payment.accounts.is_empty() || (credit && inv.due_date.is_some())
    {
        // UBL carries these only inside cac:PaymentMeans, whose code is mandatory.
        return Err(EInvoiceError::Incomplete {
            format: format.label(),
            gaps: vec![crate::profile::Gap {
                owner: crate::profile::Owner::Invoice,
                term: "BT-81",
                what: "payment means",
            }],
        });
    }
    if let Some(terms) = inv.payment_terms.as_deref() {
        x.open("cac:PaymentTerms", &[]);
        x.leaf("cbc:Note", terms);
        x.close("cac:PaymentTerms");
    }
    let money = |v: i64| amount(v, cur);
    let cid = [("currencyID", cur.code())];
    x.open("cac:TaxTotal", &[]);
    x.leaf_with("cbc:TaxAmount", &cid, &money(inv.totals.tax_total));
    for vat in &inv.vat_breakdown {
        x.open("cac:TaxSubtotal", &[]);
        x.leaf_with("cbc:TaxableAmount", &cid, &money(vat.taxable_amount));
        x.leaf_with("cbc:TaxAmount", &cid, &money(vat.tax_amount));
        x.open("cac:TaxCategory", &[]);
        x.leaf("cbc:ID", &vat.category);
        x.opt("cbc:Percent", vat.rate.map(|r| r.to_string()).as_deref());
        x.opt("cbc:TaxExemptionReason", vat.exemption_reason.as_deref());
        tax_scheme(&mut x, "VAT");
        x.close("cac:TaxCategory");
        x.close("cac:TaxSubtotal");
    }
    x.close("cac:TaxTotal");
    let t = &inv.totals;
    x.open("cac:LegalMonetaryTotal", &[]);
    x.leaf_with("cbc:LineExtensionAmount", &cid, &money(t.line_total));
    x.leaf_with("cbc:TaxExclusiveAmount", &cid, &money(t.tax_exclusive));
    x.leaf_with("cbc:TaxInclusiveAmount", &cid, &money(t.tax_inclusive));
    if t.allowance_total != 0 {
        x.leaf_with("cbc:AllowanceTotalAmount", &cid, &money(t.allowance_total));
    }
    if t.charge_total != 0 {
        x.leaf_with("cbc:ChargeTotalAmount", &cid, &money(t.charge_total));
    }
    if t.prepaid != 0 {
        x.leaf_with("cbc:PrepaidAmount", &cid, &money(t.prepaid));
    }
    if t.rounding != 0 {
        x.leaf_with("cbc:PayableRoundingAmount", &cid, &money(t.rounding));
    }
    x.leaf_with("cbc:PayableAmount", &cid, &money(t.payable));
    x.close("cac:LegalMonetaryTotal");
    for line in &inv.lines {
        write_line(&mut x, line, cur, line_tag, qty_tag);
    }
    x.close(root);
    Ok(x.finish())
}

fn tax_scheme(x: &mut XmlOut, id: &str) {
    x.open("cac:TaxScheme", &[]);
    x.leaf("cbc:ID", id);
    x.close("cac:TaxScheme");
}

fn write_line(x: &mut XmlOut, l: &Line, cur: Currency, tag: &str, qty_tag: &str) {
    let cid = [("currencyID", cur.code())];
    x.open(tag, &[]);
    x.leaf("cbc:ID", &l.id);
    x.leaf_with(qty_tag, &[("unitCode", unit(&l.unit_code))], &l.quantity.to_string());
    x.leaf_with("cbc:LineExtensionAmount", &cid, &amount(l.net_amount, cur));
    x.open("cac:Item", &[]);
    x.opt("cbc:Description", l.description.as_deref());
    x.leaf("cbc:Name", &l.name);
    x.open("cac:ClassifiedTaxCategory", &[]);
    x.leaf("cbc:ID", &l.vat_category);
    x.opt("cbc:Percent", l.vat_rate.map(|r| r.to_string()).as_deref());
    tax_scheme(x, "VAT");
    x.close("cac:ClassifiedTaxCategory");
    x.close("cac:Item");
    x.open("cac:Price", &[]);
    x.leaf_with("cbc:PriceAmount", &cid, &l.net_price.to_string());
    if let Some(base) = l.price_base_quantity {
        x.leaf_with("cbc:BaseQuantity", &[("unitCode", unit(&l.unit_code))], &base.to_string());
    }
    x.close("cac:Price");
    x.close(tag);
}

fn write_party(x: &mut XmlOut, p: &Party) {
    x.open("cac:Party", &[]);
    if let Some(e) = &p.electronic_address {
        let scheme = e.scheme.as_deref().unwrap_or("EM");
        x.leaf_with("cbc:EndpointID", &[("schemeID", scheme)], &e.value);
    }
    if let Some(trading) = p.trading_name.as_deref() {
        x.open("cac:PartyName", &[]);
        x.leaf("cbc:Name", trading);
        x.close("cac:PartyName");
    }
    let a = &p.address;
    x.open("cac:PostalAddress", &[]);
    let [one, two, three] = address_lines(&a.lines);
    x.opt("cbc:StreetName", one.as_deref());
    x.opt("cbc:AdditionalStreetName", two.as_deref());
    x.opt("cbc:CityName", a.city.as_deref());
    x.opt("cbc:PostalZone", a.postcode.as_deref());
    x.opt("cbc:CountrySubentity", a.subdivision.as_deref());
    if let Some(three) = three.as_deref() {
        x.open("cac:AddressLine", &[]);
        x.leaf("cbc:Line", three);
        x.close("cac:AddressLine");
    }
    x.open("cac:Country", &[]);
    x.leaf("cbc:IdentificationCode", a.country.as_deref().unwrap_or_default());
    x.close("cac:Country");
    x.close("cac:PostalAddress");
    if let Some(v) = p.vat_id.as_deref() {
        x.open("cac:PartyTaxScheme", &[]);
        x.leaf("cbc:CompanyID", v);
        tax_scheme(x, "VAT");
        x.close("cac:PartyTaxScheme");
    }
    if let Some(t) = p.tax_registration.as_deref() {
        x.open("cac:PartyTaxScheme", &[]);
        x.leaf("cbc:CompanyID", t);
        tax_scheme(x, "FC");
        x.close("cac:PartyTaxScheme");
    }
    x.open("cac:PartyLegalEntity", &[]);
    x.leaf("cbc:RegistrationName", &p.name);
    if let Some(id) = &p.legal_id {
        match id.scheme.as_deref() {
            Some(s) => x.leaf_with("cbc:CompanyID", &[("schemeID", s)], &id.value),
            None => x.leaf("cbc:CompanyID", &id.value),
        }
    }
    x.close("cac:PartyLegalEntity");
    if p.contact_name.is_some() || p.phone.is_some() || p.email.is_some() {
        x.open("cac:Contact", &[]);
        x.opt("cbc:Name", p.contact_name.as_deref());
        x.opt("cbc:Telephone", p.phone.as_deref());
        x.opt("cbc:ElectronicMail", p.email.as_deref());
        x.close("cac:Contact");
    }
    x.close("cac:Party");
}

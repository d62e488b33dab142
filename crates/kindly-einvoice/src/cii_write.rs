//! [`Invoice`] → UN/CEFACT CII D16B, as Factur-X 1.0 (profile EN 16931)
//! and XRechnung 3.0 CII profile it. Elements are written in the order of
//! the D16B schema, so the XSD accepts them; paths mirror [`crate::cii`].

use crate::error::EInvoiceError;
use crate::model::{Invoice, Line, Party};
use crate::profile::Format;
use crate::write::{address_lines, amount, ready, unit};
use crate::xml_out::XmlOut;
use kindly_core::Currency;

/// Which CII e-invoice to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CiiProfile {
    /// Factur-X / ZUGFeRD EN 16931 (`urn:cen.eu:en16931:2017`).
    FacturX,
    /// XRechnung 3.0 CII.
    XRechnung,
}

impl CiiProfile {
    pub fn format(self) -> Format {
        match self {
            CiiProfile::FacturX => Format::FacturX,
            CiiProfile::XRechnung => Format::XRechnungCii,
        }
    }
}

const NS: [(&str, &str); 4] = [
    ("xmlns:rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"),
    ("xmlns:qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"),
    ("xmlns:ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"),
    ("xmlns:udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"),
];

/// Writes `inv` as CII; refuses it (every gap listed) when the profile
/// needs a field it lacks or its figures disagree.
pub fn write(inv: &Invoice, profile: CiiProfile) -> Result<String, EInvoiceError> {
    let format = profile.format();
    ready(inv, format)?;
    let cur = inv.currency;
    let mut x = XmlOut::new();
    x.open("rsm:CrossIndustryInvoice", &NS);
    x.open("rsm:ExchangedDocumentContext", &[]);
    x.open("ram:GuidelineSpecifiedDocumentContextParameter", &[]);
    x.leaf("ram:ID", format.specification());
    x.close("ram:GuidelineSpecifiedDocumentContextParameter");
    x.close("rsm:ExchangedDocumentContext");

    x.open("rsm:ExchangedDocument", &[]);
    x.leaf("ram:ID", &inv.number);
    x.leaf("ram:TypeCode", &inv.type_code.to_string());
    x.open("ram:IssueDateTime", &[]);
    x.leaf_with("udt:DateTimeString", &[("format", "102")], &inv.issue_date.format("%Y%m%d").to_string());
    x.close("ram:IssueDateTime");
    for note in &inv.notes {
        x.open("ram:IncludedNote", &[]);
        x.leaf("ram:Content", note);
        x.close("ram:IncludedNote");
    }
    x.close("rsm:ExchangedDocument");

    x.open("rsm:SupplyChainTradeTransaction", &[]);
    for line in &inv.lines {
        write_line(&mut x, line, cur);
    }
    x.open("ram:ApplicableHeaderTradeAgreement", &[]);
    x.opt("ram:BuyerReference", inv.buyer_reference.as_deref());
    write_party(&mut x, "ram:SellerTradeParty", &inv.seller);
    write_party(&mut x, "ram:BuyerTradeParty", &inv.buyer);
    x.close("ram:ApplicableHeaderTradeAgreement");
    // BG-13 delivery is optional, but the element is not.
    x.open("ram:ApplicableHeaderTradeDelivery", &[]);
    x.close("ram:ApplicableHeaderTradeDelivery");

    x.open("ram:ApplicableHeaderTradeSettlement", &[]);
    x.opt("ram:PaymentReference", inv.payment.remittance.as_deref());
    x.leaf("ram:InvoiceCurrencyCode", cur.code());
    if let Some(code) = inv.payment.means_code.as_deref() {
        let accounts: Vec<Option<&crate::model::Account>> =
            if inv.payment.accounts.is_empty() { vec![None] } else { inv.payment.accounts.iter().map(Some).collect() };
        for acc in accounts {
            x.open("ram:SpecifiedTradeSettlementPaymentMeans", &[]);
            x.leaf("ram:TypeCode", code);
            if let Some(acc) = acc {
                x.open("ram:PayeePartyCreditorFinancialAccount", &[]);
                x.leaf("ram:IBANID", &acc.iban);
                x.opt("ram:AccountName", acc.name.as_deref());
                x.close("ram:PayeePartyCreditorFinancialAccount");
                if let Some(bic) = acc.bic.as_deref() {
                    x.open("ram:PayeeSpecifiedCreditorFinancialInstitution", &[]);
                    x.leaf("ram:BICID", bic);
                    x.close("ram:PayeeSpecifiedCreditorFinancialInstitution");
                }
            }
            x.close("ram:SpecifiedTradeSettlementPaymentMeans");
        }
    }
    for vat in &inv.vat_breakdown {
        x.open("ram:ApplicableTradeTax", &[]);
        x.leaf("ram:CalculatedAmount", &amount(vat.tax_amount, cur));
        x.leaf("ram:TypeCode", "VAT");
        x.opt("ram:ExemptionReason", vat.exemption_reason.as_deref());
        x.leaf("ram:BasisAmount", &amount(vat.taxable_amount, cur));
        x.leaf("ram:CategoryCode", &vat.category);
        if let Some(rate) = vat.rate {
            x.leaf("ram:RateApplicablePercent", &rate.to_string());
        }
        x.close("ram:ApplicableTradeTax");
    }
    if inv.payment_terms.is_some() || inv.due_date.is_some() {
        x.open("ram:SpecifiedTradePaymentTerms", &[]);
        x.opt("ram:Description", inv.payment_terms.as_deref());
        if let Some(due) = inv.due_date {
            x.open("ram:DueDateDateTime", &[]);
            x.leaf_with("udt:DateTimeString", &[("format", "102")], &due.format("%Y%m%d").to_string());
            x.close("ram:DueDateDateTime");
        }
        x.close("ram:SpecifiedTradePaymentTerms");
    }
    let t = &inv.totals;
    x.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation", &[]);
    x.leaf("ram:LineTotalAmount", &amount(t.line_total, cur));
    x.leaf("ram:ChargeTotalAmount", &amount(t.charge_total, cur));
    x.leaf("ram:AllowanceTotalAmount", &amount(t.allowance_total, cur));
    x.leaf("ram:TaxBasisTotalAmount", &amount(t.tax_exclusive, cur));
    x.leaf_with("ram:TaxTotalAmount", &[("currencyID", cur.code())], &amount(t.tax_total, cur));
    if t.rounding != 0 {
        x.leaf("ram:RoundingAmount", &amount(t.rounding, cur));
    }
    x.leaf("ram:GrandTotalAmount", &amount(t.tax_inclusive, cur));
    x.leaf("ram:TotalPrepaidAmount", &amount(t.prepaid, cur));
    x.leaf("ram:DuePayableAmount", &amount(t.payable, cur));
    x.close("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
    if let Some(preceding) = inv.preceding_invoice.as_deref() {
        x.open("ram:InvoiceReferencedDocument", &[]);
        x.leaf("ram:IssuerAssignedID", preceding);
        if let Some(d) = inv.preceding_invoice_date {
            x.open("ram:FormattedIssueDateTime", &[]);
            x.leaf_with("qdt:DateTimeString", &[("format", "102")], &d.format("%Y%m%d").to_string());
            x.close("ram:FormattedIssueDateTime");
        }
        x.close("ram:InvoiceReferencedDocument");
    }
    x.close("ram:ApplicableHeaderTradeSettlement");
    x.close("rsm:SupplyChainTradeTransaction");
    x.close("rsm:CrossIndustryInvoice");
    Ok(x.finish())
}

fn write_line(x: &mut XmlOut, l: &Line, cur: Currency) {
    x.open("ram:IncludedSupplyChainTradeLineItem", &[]);
    x.open("ram:AssociatedDocumentLineDocument", &[]);
    x.leaf("ram:LineID", &l.id);
    x.close("ram:AssociatedDocumentLineDocument");
    x.open("ram:SpecifiedTradeProduct", &[]);
    x.leaf("ram:Name", &l.name);
    x.opt("ram:Description", l.description.as_deref());
    x.close("ram:SpecifiedTradeProduct");
    x.open("ram:SpecifiedLineTradeAgreement", &[]);
    x.open("ram:NetPriceProductTradePrice", &[]);
    x.leaf("ram:ChargeAmount", &l.net_price.to_string());
    if let Some(base) = l.price_base_quantity {
        x.leaf_with("ram:BasisQuantity", &[("unitCode", unit(&l.unit_code))], &base.to_string());
    }
    x.close("ram:NetPriceProductTradePrice");
    x.close("ram:SpecifiedLineTradeAgreement");
    x.open("ram:SpecifiedLineTradeDelivery", &[]);
    x.leaf_with("ram:BilledQuantity", &[("unitCode", unit(&l.unit_code))], &l.quantity.to_string());
    x.close("ram:SpecifiedLineTradeDelivery");
    x.open("ram:SpecifiedLineTradeSettlement", &[]);
    x.open("ram:ApplicableTradeTax", &[]);
    x.leaf("ram:TypeCode", "VAT");
    x.leaf("ram:CategoryCode", &l.vat_category);
    if let Some(rate) = l.vat_rate {
        x.leaf("ram:RateApplicablePercent", &rate.to_string());
    }
    x.close("ram:ApplicableTradeTax");
    x.open("ram:SpecifiedTradeSettlementLineMonetarySummation", &[]);
    x.leaf("ram:LineTotalAmount", &amount(l.net_amount, cur));
    x.close("ram:SpecifiedTradeSettlementLineMonetarySummation");
    x.close("ram:SpecifiedLineTradeSettlement");
    x.close("ram:IncludedSupplyChainTradeLineItem");
}

fn write_party(x: &mut XmlOut, tag: &str, p: &Party) {
    x.open(tag, &[]);
    x.leaf("ram:Name", &p.name);
    if p.legal_id.is_some() || p.trading_name.is_some() {
        x.open("ram:SpecifiedLegalOrganization", &[]);
        if let Some(id) = &p.legal_id {
            match id.scheme.as_deref() {
                Some(s) => x.leaf_with("ram:ID", &[("schemeID", s)], &id.value),
                None => x.leaf("ram:ID", &id.value),
            }
        }
        x.opt("ram:TradingBusinessName", p.trading_name.as_deref());
        x.close("ram:SpecifiedLegalOrganization");
    }
    if p.contact_name.is_some() || p.phone.is_some() || p.email.is_some() {
        x.open("ram:DefinedTradeContact", &[]);
        x.opt("ram:PersonName", p.contact_name.as_deref());
        if let Some(phone) = p.phone.as_deref() {
            x.open("ram:TelephoneUniversalCommunication", &[]);
            x.leaf("ram:CompleteNumber", phone);
            x.close("ram:TelephoneUniversalCommunication");
        }
        if let Some(email) = p.email.as_deref() {
            x.open("ram:EmailURIUniversalCommunication", &[]);
            x.leaf("ram:URIID", email);
            x.close("ram:EmailURIUniversalCommunication");
        }
        x.close("ram:DefinedTradeContact");
    }
    let a = &p.address;
    x.open("ram:PostalTradeAddress", &[]);
    x.opt("ram:PostcodeCode", a.postcode.as_deref());
    let [one, two, three] = address_lines(&a.lines);
    x.opt("ram:LineOne", one.as_deref());
    x.opt("ram:LineTwo", two.as_deref());
    x.opt("ram:LineThree", three.as_deref());
    x.opt("ram:CityName", a.city.as_deref());
    x.opt("ram:CountryID", a.country.as_deref());
    x.opt("ram:CountrySubDivisionName", a.subdivision.as_deref());
    x.close("ram:PostalTradeAddress");
    if let Some(e) = &p.electronic_address {
        x.open("ram:URIUniversalCommunication", &[]);
        match e.scheme.as_deref() {
            Some(s) => x.leaf_with("ram:URIID", &[("schemeID", s)], &e.value),
            None => x.leaf("ram:URIID", &e.value),
        }
        x.close("ram:URIUniversalCommunication");
    }
    if let Some(t) = p.tax_registration.as_deref() {
        x.open("ram:SpecifiedTaxRegistration", &[]);
        x.leaf_with("ram:ID", &[("schemeID", "FC")], t);
        x.close("ram:SpecifiedTaxRegistration");
    }
    if let Some(v) = p.vat_id.as_deref() {
        x.open("ram:SpecifiedTaxRegistration", &[]);
        x.leaf_with("ram:ID", &[("schemeID", "VA")], v);
        x.close("ram:SpecifiedTaxRegistration");
    }
    x.close(tag);
}

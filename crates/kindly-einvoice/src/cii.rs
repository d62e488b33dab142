//! UN/CEFACT Cross Industry Invoice (D16B, as profiled by Factur-X /
//! ZUGFeRD 2.x EN 16931 and XRechnung CII) → [`Invoice`].
//!
//! Paths follow the Factur-X 1.0 / EN 16931-3-3 mapping; errors show them
//! with the usual `rsm:` / `ram:` prefixes whatever prefixes the file uses.

use crate::dom::Element;
use crate::error::EInvoiceError;
use crate::fields::{
    amount, currency, date, decimal, in_currency, optional_amount, optional_decimal, required, required_amount,
    type_code,
};
use crate::model::{
    Account, Address, DocumentTotals, Identifier, Invoice, Line, Party, PaymentInstructions, Syntax, VatBreakdown,
};
use kindly_core::Currency;

pub use crate::cii_write::write;

const DOC: &str = "ExchangedDocument";
const TX: &str = "SupplyChainTradeTransaction";
const AGREEMENT: &str = "ApplicableHeaderTradeAgreement";
const SETTLEMENT: &str = "ApplicableHeaderTradeSettlement";
const SUMMATION: &str = "SpecifiedTradeSettlementHeaderMonetarySummation";

/// Reads a `rsm:CrossIndustryInvoice` root.
pub fn read(root: &Element) -> Result<Invoice, EInvoiceError> {
    let doc = root.child(DOC);
    let number = required(doc.and_then(|d| d.child("ID")), "BT-1 invoice number", "rsm:ExchangedDocument/ram:ID")?;
    let type_code = type_code(
        required(
            doc.and_then(|d| d.child("TypeCode")),
            "BT-3 invoice type code",
            "rsm:ExchangedDocument/ram:TypeCode",
        )?,
        "BT-3 invoice type code",
        "rsm:ExchangedDocument/ram:TypeCode",
    )?;
    let issue_path = "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString";
    let issue_date = date(
        required(doc.and_then(|d| d.at(&["IssueDateTime", "DateTimeString"])), "BT-2 issue date", issue_path)?,
        "BT-2 issue date",
        issue_path,
    )?;
    let notes = doc.into_iter().flat_map(|d| d.all("IncludedNote")).filter_map(|n| n.string_at(&["Content"])).collect();
    let tx = root.child(TX);
    let agreement = tx.and_then(|t| t.child(AGREEMENT));
    let settlement = tx.and_then(|t| t.child(SETTLEMENT));
    let cur_path = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode";
    let currency = currency(
        required(settlement.and_then(|s| s.child("InvoiceCurrencyCode")), "BT-5 invoice currency", cur_path)?,
        "BT-5 invoice currency",
        cur_path,
    )?;
    let seller = party(
        agreement.and_then(|a| a.child("SellerTradeParty")),
        "BT-27 seller name",
        "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:Name",
    )?;
    let buyer = party(
        agreement.and_then(|a| a.child("BuyerTradeParty")),
        "BT-44 buyer name",
        "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:Name",
    )?;
    let terms = settlement.and_then(|s| s.child("SpecifiedTradePaymentTerms"));
    let due_path = "ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime";
    let due_date = terms
        .and_then(|t| t.text_at(&["DueDateDateTime", "DateTimeString"]))
        .map(|t| date(t, "BT-9 payment due date", due_path))
        .transpose()?;
    let lines = tx
        .into_iter()
        .flat_map(|t| t.all("IncludedSupplyChainTradeLineItem"))
        .enumerate()
        .map(|(i, l)| line(i, l, currency))
        .collect::<Result<Vec<_>, _>>()?;
    let vat_breakdown = settlement
        .into_iter()
        .flat_map(|s| s.all("ApplicableTradeTax"))
        .map(|t| breakdown(t, currency))
        .collect::<Result<Vec<_>, _>>()?;
    let totals = totals(settlement.and_then(|s| s.child(SUMMATION)), currency)?;
    let means = settlement.and_then(|s| s.child("SpecifiedTradeSettlementPaymentMeans"));
    let accounts = settlement
        .into_iter()
        .flat_map(|s| s.all("SpecifiedTradeSettlementPaymentMeans"))
        .filter_map(|m| {
            let acc = m.child("PayeePartyCreditorFinancialAccount")?;
            Some(Account {
                iban: acc.string_at(&["IBANID"]).or_else(|| acc.string_at(&["ProprietaryID"]))?,
                name: acc.string_at(&["AccountName"]),
                bic: m.string_at(&["PayeeSpecifiedCreditorFinancialInstitution", "BICID"]),
            })
        })
        .collect();
    Ok(Invoice {
        syntax: Syntax::Cii,
        specification: root.string_at(&[
            "ExchangedDocumentContext",
            "GuidelineSpecifiedDocumentContextParameter",
            "ID",
        ]),
        number: number.to_string(),
        issue_date,
        type_code,
        currency,
        due_date,
        buyer_reference: agreement.and_then(|a| a.string_at(&["BuyerReference"])),
        payment_terms: terms.and_then(|t| t.string_at(&["Description"])),
        notes,
        preceding_invoice: settlement.and_then(|s| s.string_at(&["InvoiceReferencedDocument", "IssuerAssignedID"])),
        preceding_invoice_date: settlement
            .and_then(|s| s.text_at(&["InvoiceReferencedDocument", "FormattedIssueDateTime", "DateTimeString"]))
            .map(|t| {
                date(
                    t,
                    "BT-26 preceding invoice issue date",
                    "ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString",
                )
            })
            .transpose()?,
        seller,
        buyer,
        lines,
        vat_breakdown,
        totals,
        payment: PaymentInstructions {
            means_code: means.and_then(|m| m.string_at(&["TypeCode"])),
            remittance: settlement.and_then(|s| s.string_at(&["PaymentReference"])),
            accounts,
        },
    })
}

fn party(el: Option<&Element>, term: &str, path: &'static str) -> Result<Party, EInvoiceError> {
    let name = required(el.and_then(|p| p.child("Name")), term, path)?.to_string();
    let Some(p) = el else { return Ok(Party { name, ..Party::default() }) };
    let registrations: Vec<&Element> = p.all("SpecifiedTaxRegistration").collect();
    let vat_id = registrations
        .iter()
        .filter_map(|r| r.child("ID"))
        .find(|id| id.attr("schemeID") == Some("VA"))
        .map(|id| id.text.clone())
        .filter(|t| !t.is_empty());
    let legal_id = p
        .at(&["SpecifiedLegalOrganization", "ID"])
        .filter(|e| !e.text.is_empty())
        .map(|e| Identifier { value: e.text.clone(), scheme: e.attr("schemeID").map(str::to_string) });
    let electronic_address = p
        .at(&["URIUniversalCommunication", "URIID"])
        .filter(|e| !e.text.is_empty())
        .map(|e| Identifier { value: e.text.clone(), scheme: e.attr("schemeID").map(str::to_string) });
    let tax_registration = registrations
        .iter()
        .filter_map(|r| r.child("ID"))
        .find(|id| id.attr("schemeID") == Some("FC"))
        .map(|id| id.text.clone())
        .filter(|t| !t.is_empty());
    let contact = p.child("DefinedTradeContact");
    let email = p
        .all("DefinedTradeContact")
        .find_map(|c| c.string_at(&["EmailURIUniversalCommunication", "URIID"]))
        .or_else(|| electronic_address.as_ref().filter(|e| e.scheme.as_deref() == Some("EM")).map(|e| e.value.clone()));
    let address = p
        .child("PostalTradeAddress")
        .map(|a| Address {
            lines: ["LineOne", "LineTwo", "LineThree"].iter().filter_map(|n| a.string_at(&[n])).collect(),
            city: a.string_at(&["CityName"]),
            postcode: a.string_at(&["PostcodeCode"]),
            subdivision: a.string_at(&["CountrySubDivisionName"]),
            country: a.string_at(&["CountryID"]),
        })
        .unwrap_or_default();
    Ok(Party {
        name,
        trading_name: p.string_at(&["SpecifiedLegalOrganization", "TradingBusinessName"]),
        address,
        vat_id,
        tax_registration,
        legal_id,
        contact_name: contact.and_then(|c| c.string_at(&["PersonName"])),
        phone: contact.and_then(|c| c.string_at(&["TelephoneUniversalCommunication", "CompleteNumber"])),
        email,
        electronic_address,
    })
}

fn line(i: usize, l: &Element, currency: Currency) -> Result<Line, EInvoiceError> {
    let n = i + 1;
    let t = |bt: &str| format!("{bt} of line {n}");
    let agreement = l.child("SpecifiedLineTradeAgreement");
    let settlement = l.child("SpecifiedLineTradeSettlement");
    let qty_el = l.at(&["SpecifiedLineTradeDelivery", "BilledQuantity"]);
    let qty_path = "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity";
    let price_el = agreement.and_then(|a| a.at(&["NetPriceProductTradePrice", "ChargeAmount"]));
    let price_path =
        "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount";
    let tax = settlement.and_then(|s| s.child("ApplicableTradeTax"));
    let net_path = "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount";
    Ok(Line {
        id: l.string_at(&["AssociatedDocumentLineDocument", "LineID"]).unwrap_or_else(|| n.to_string()),
        name: required(
            l.at(&["SpecifiedTradeProduct", "Name"]),
            &t("BT-153 item name"),
            "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:Name",
        )?
        .to_string(),
        description: l.string_at(&["SpecifiedTradeProduct", "Description"]),
        quantity: decimal(
            required(qty_el, &t("BT-129 invoiced quantity"), qty_path)?,
            &t("BT-129 invoiced quantity"),
            qty_path,
        )?,
        unit_code: qty_el.and_then(|q| q.attr("unitCode")).map(str::to_string),
        net_price: decimal(
            required(price_el, &t("BT-146 item net price"), price_path)?,
            &t("BT-146 item net price"),
            price_path,
        )?,
        price_base_quantity: optional_decimal(
            agreement.and_then(|a| a.at(&["NetPriceProductTradePrice", "BasisQuantity"])),
            &t("BT-149 item price base quantity"),
            "ram:NetPriceProductTradePrice/ram:BasisQuantity",
        )?,
        vat_category: required(
            tax.and_then(|x| x.child("CategoryCode")),
            &t("BT-151 invoiced item VAT category code"),
            "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode",
        )?
        .to_string(),
        vat_rate: optional_decimal(
            tax.and_then(|x| x.child("RateApplicablePercent")),
            &t("BT-152 invoiced item VAT rate"),
            "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent",
        )?,
        net_amount: required_amount(
            settlement.and_then(|s| s.at(&["SpecifiedTradeSettlementLineMonetarySummation", "LineTotalAmount"])),
            currency,
            &t("BT-131 invoice line net amount"),
            net_path,
        )?,
    })
}

fn breakdown(t: &Element, currency: Currency) -> Result<VatBreakdown, EInvoiceError> {
    const P: &str = "ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax";
    Ok(VatBreakdown {
        category: required(t.child("CategoryCode"), "BT-118 VAT category code", P)?.to_string(),
        rate: optional_decimal(t.child("RateApplicablePercent"), "BT-119 VAT category rate", P)?,
        taxable_amount: required_amount(t.child("BasisAmount"), currency, "BT-116 VAT category taxable amount", P)?,
        tax_amount: required_amount(t.child("CalculatedAmount"), currency, "BT-117 VAT category tax amount", P)?,
        exemption_reason: t.string_at(&["ExemptionReason"]),
    })
}

fn totals(s: Option<&Element>, currency: Currency) -> Result<DocumentTotals, EInvoiceError> {
    const P: &str = "ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation";
    let el = |name: &str| s.and_then(|s| s.child(name));
    let tax_total = match s.map(|s| in_currency(s.all("TaxTotalAmount"), currency)) {
        Some(Some(e)) if !e.text.is_empty() => amount(&e.text, currency, "BT-110 invoice total VAT amount", P)?,
        _ => 0,
    };
    Ok(DocumentTotals {
        line_total: required_amount(el("LineTotalAmount"), currency, "BT-106 sum of invoice line net amounts", P)?,
        allowance_total: optional_amount(el("AllowanceTotalAmount"), currency, "BT-107 sum of allowances", P)?,
        charge_total: optional_amount(el("ChargeTotalAmount"), currency, "BT-108 sum of charges", P)?,
        tax_exclusive: required_amount(
            el("TaxBasisTotalAmount"),
            currency,
            "BT-109 invoice total amount without VAT",
            P,
        )?,
        tax_total,
        tax_inclusive: required_amount(el("GrandTotalAmount"), currency, "BT-112 invoice total amount with VAT", P)?,
        prepaid: optional_amount(el("TotalPrepaidAmount"), currency, "BT-113 paid amount", P)?,
        rounding: optional_amount(el("RoundingAmount"), currency, "BT-114 rounding amount", P)?,
        payable: required_amount(el("DuePayableAmount"), currency, "BT-115 amount due for payment", P)?,
    })
}

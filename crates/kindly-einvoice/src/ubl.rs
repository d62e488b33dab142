//! OASIS UBL 2.1 `Invoice` and `CreditNote` (as profiled by XRechnung UBL
//! and Peppol BIS Billing 3.0) → [`Invoice`]. Paths follow EN 16931-3-2;
//! errors show them with the usual `cbc:` / `cac:` prefixes.

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

pub use crate::ubl_write::write;

/// Reads an `Invoice` or `CreditNote` root.
pub fn read(root: &Element) -> Result<Invoice, EInvoiceError> {
    let credit = root.name == "CreditNote";
    let (type_name, type_path) = if credit {
        ("CreditNoteTypeCode", "cbc:CreditNoteTypeCode")
    } else {
        ("InvoiceTypeCode", "cbc:InvoiceTypeCode")
    };
    let number = required(root.child("ID"), "BT-1 invoice number", "cbc:ID")?;
    let type_code = type_code(
        required(root.child(type_name), "BT-3 invoice type code", type_path)?,
        "BT-3 invoice type code",
        type_path,
    )?;
    let issue_date = date(
        required(root.child("IssueDate"), "BT-2 issue date", "cbc:IssueDate")?,
        "BT-2 issue date",
        "cbc:IssueDate",
    )?;
    let currency = currency(
        required(root.child("DocumentCurrencyCode"), "BT-5 invoice currency", "cbc:DocumentCurrencyCode")?,
        "BT-5 invoice currency",
        "cbc:DocumentCurrencyCode",
    )?;
    // A credit note has no cbc:DueDate in UBL 2.1; Peppol puts it on the payment means.
    let due = root.text_at(&["DueDate"]).map(|t| (t, "cbc:DueDate")).or_else(|| {
        root.text_at(&["PaymentMeans", "PaymentDueDate"]).map(|t| (t, "cac:PaymentMeans/cbc:PaymentDueDate"))
    });
    let due_date = due.map(|(t, p)| date(t, "BT-9 payment due date", p)).transpose()?;
    let seller = party(
        root.at(&["AccountingSupplierParty", "Party"]),
        "BT-27 seller name",
        "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName",
    )?;
    let buyer = party(
        root.at(&["AccountingCustomerParty", "Party"]),
        "BT-44 buyer name",
        "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName",
    )?;
    let line_name = if credit { "CreditNoteLine" } else { "InvoiceLine" };
    let lines =
        root.all(line_name).enumerate().map(|(i, l)| line(i, l, credit, currency)).collect::<Result<Vec<_>, _>>()?;
    // BT-110 is the TaxTotal in the invoice currency; a second one (BT-111)
    // may give the VAT in the accounting currency, without subtotals.
    let tax_total_el = in_currency(root.all("TaxTotal").filter_map(|t| t.child("TaxAmount")), currency);
    let tax_total = match tax_total_el {
        Some(e) if !e.text.is_empty() => {
            amount(&e.text, currency, "BT-110 invoice total VAT amount", "cac:TaxTotal/cbc:TaxAmount")?
        }
        _ => 0,
    };
    let vat_breakdown = root
        .all("TaxTotal")
        .flat_map(|t| t.all("TaxSubtotal"))
        .map(|s| breakdown(s, currency))
        .collect::<Result<Vec<_>, _>>()?;
    let accounts = root
        .all("PaymentMeans")
        .filter_map(|m| {
            let acc = m.child("PayeeFinancialAccount")?;
            Some(Account {
                iban: acc.string_at(&["ID"])?,
                name: acc.string_at(&["Name"]),
                bic: acc.string_at(&["FinancialInstitutionBranch", "ID"]),
            })
        })
        .collect();
    Ok(Invoice {
        syntax: Syntax::Ubl,
        specification: root.string_at(&["CustomizationID"]),
        number: number.to_string(),
        issue_date,
        type_code,
        currency,
        due_date,
        buyer_reference: root.string_at(&["BuyerReference"]),
        payment_terms: root.string_at(&["PaymentTerms", "Note"]),
        notes: root.all("Note").filter(|n| !n.text.is_empty()).map(|n| n.text.clone()).collect(),
        preceding_invoice: root.string_at(&["BillingReference", "InvoiceDocumentReference", "ID"]),
        preceding_invoice_date: root
            .text_at(&["BillingReference", "InvoiceDocumentReference", "IssueDate"])
            .map(|t| {
                date(
                    t,
                    "BT-26 preceding invoice issue date",
                    "cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate",
                )
            })
            .transpose()?,
        seller,
        buyer,
        lines,
        vat_breakdown,
        totals: totals(root.child("LegalMonetaryTotal"), tax_total, currency)?,
        payment: PaymentInstructions {
            means_code: root.string_at(&["PaymentMeans", "PaymentMeansCode"]),
            remittance: root.string_at(&["PaymentMeans", "PaymentID"]),
            accounts,
        },
    })
}

fn identifier(el: Option<&Element>) -> Option<Identifier> {
    el.filter(|e| !e.text.is_empty())
        .map(|e| Identifier { value: e.text.clone(), scheme: e.attr("schemeID").map(str::to_string) })
}

fn party(el: Option<&Element>, term: &str, path: &'static str) -> Result<Party, EInvoiceError> {
    let legal = el.and_then(|p| p.child("PartyLegalEntity"));
    let registration = legal.and_then(|l| l.child("RegistrationName"));
    let trading = el.and_then(|p| p.string_at(&["PartyName", "Name"]));
    // BT-27/BT-44 is the registration name; a file with only a party name
    // (BT-28/BT-45) still names the party.
    let name = match required(registration, term, path) {
        Ok(n) => n.to_string(),
        Err(e) => trading.clone().ok_or(e)?,
    };
    let Some(p) = el else { return Ok(Party { name, ..Party::default() }) };
    let vat_id = p
        .all("PartyTaxScheme")
        .find(|s| s.text_at(&["TaxScheme", "ID"]).is_none_or(|id| id.eq_ignore_ascii_case("VAT")))
        .and_then(|s| s.string_at(&["CompanyID"]));
    let tax_registration = p
        .all("PartyTaxScheme")
        .find(|s| s.text_at(&["TaxScheme", "ID"]).is_some_and(|id| !id.eq_ignore_ascii_case("VAT")))
        .and_then(|s| s.string_at(&["CompanyID"]));
    let address = p
        .child("PostalAddress")
        .map(|a| {
            let mut lines: Vec<String> =
                ["StreetName", "AdditionalStreetName"].iter().filter_map(|n| a.string_at(&[n])).collect();
            lines.extend(a.all("AddressLine").filter_map(|l| l.string_at(&["Line"])));
            Address {
                lines,
                city: a.string_at(&["CityName"]),
                postcode: a.string_at(&["PostalZone"]),
                subdivision: a.string_at(&["CountrySubentity"]),
                country: a.string_at(&["Country", "IdentificationCode"]),
            }
        })
        .unwrap_or_default();
    Ok(Party {
        trading_name: trading.filter(|t| *t != name),
        name,
        address,
        vat_id,
        tax_registration,
        legal_id: identifier(legal.and_then(|l| l.child("CompanyID"))),
        contact_name: p.string_at(&["Contact", "Name"]),
        phone: p.string_at(&["Contact", "Telephone"]),
        email: p.string_at(&["Contact", "ElectronicMail"]),
        electronic_address: identifier(p.child("EndpointID")),
    })
}

fn line(i: usize, l: &Element, credit: bool, currency: Currency) -> Result<Line, EInvoiceError> {
    let n = i + 1;
    let t = |bt: &str| format!("{bt} of line {n}");
    let (qty_name, qty_path) = if credit {
        ("CreditedQuantity", "cac:CreditNoteLine/cbc:CreditedQuantity")
    } else {
        ("InvoicedQuantity", "cac:InvoiceLine/cbc:InvoicedQuantity")
    };
    let qty_el = l.child(qty_name);
    let tax = l.at(&["Item", "ClassifiedTaxCategory"]);
    Ok(Line {
        id: required(l.child("ID"), &t("BT-126 invoice line identifier"), "cac:InvoiceLine/cbc:ID")?.to_string(),
        name: required(l.at(&["Item", "Name"]), &t("BT-153 item name"), "cac:InvoiceLine/cac:Item/cbc:Name")?
            .to_string(),
        description: l.string_at(&["Item", "Description"]),
        quantity: decimal(
            required(qty_el, &t("BT-129 invoiced quantity"), qty_path)?,
            &t("BT-129 invoiced quantity"),
            qty_path,
        )?,
        unit_code: qty_el.and_then(|q| q.attr("unitCode")).map(str::to_string),
        net_price: decimal(
            required(
                l.at(&["Price", "PriceAmount"]),
                &t("BT-146 item net price"),
                "cac:InvoiceLine/cac:Price/cbc:PriceAmount",
            )?,
            &t("BT-146 item net price"),
            "cac:InvoiceLine/cac:Price/cbc:PriceAmount",
        )?,
        price_base_quantity: optional_decimal(
            l.at(&["Price", "BaseQuantity"]),
            &t("BT-149 item price base quantity"),
            "cac:InvoiceLine/cac:Price/cbc:BaseQuantity",
        )?,
        vat_category: required(
            tax.and_then(|x| x.child("ID")),
            &t("BT-151 invoiced item VAT category code"),
            "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:ID",
        )?
        .to_string(),
        vat_rate: optional_decimal(
            tax.and_then(|x| x.child("Percent")),
            &t("BT-152 invoiced item VAT rate"),
            "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent",
        )?,
        net_amount: required_amount(
            l.child("LineExtensionAmount"),
            currency,
            &t("BT-131 invoice line net amount"),
            "cac:InvoiceLine/cbc:LineExtensionAmount",
        )?,
    })
}

fn breakdown(s: &Element, currency: Currency) -> Result<VatBreakdown, EInvoiceError> {
    const P: &str = "cac:TaxTotal/cac:TaxSubtotal";
    let cat = s.child("TaxCategory");
    Ok(VatBreakdown {
        category: required(cat.and_then(|c| c.child("ID")), "BT-118 VAT category code", P)?.to_string(),
        rate: optional_decimal(cat.and_then(|c| c.child("Percent")), "BT-119 VAT category rate", P)?,
        taxable_amount: required_amount(s.child("TaxableAmount"), currency, "BT-116 VAT category taxable amount", P)?,
        tax_amount: required_amount(s.child("TaxAmount"), currency, "BT-117 VAT category tax amount", P)?,
        exemption_reason: cat.and_then(|c| c.string_at(&["TaxExemptionReason"])),
    })
}

fn totals(m: Option<&Element>, tax_total: i64, currency: Currency) -> Result<DocumentTotals, EInvoiceError> {
    const P: &str = "cac:LegalMonetaryTotal";
    let el = |name: &str| m.and_then(|m| m.child(name));
    Ok(DocumentTotals {
        line_total: required_amount(el("LineExtensionAmount"), currency, "BT-106 sum of invoice line net amounts", P)?,
        allowance_total: optional_amount(el("AllowanceTotalAmount"), currency, "BT-107 sum of allowances", P)?,
        charge_total: optional_amount(el("ChargeTotalAmount"), currency, "BT-108 sum of charges", P)?,
        tax_exclusive: required_amount(
            el("TaxExclusiveAmount"),
            currency,
            "BT-109 invoice total amount without VAT",
            P,
        )?,
        tax_total,
        tax_inclusive: required_amount(el("TaxInclusiveAmount"), currency, "BT-112 invoice total amount with VAT", P)?,
        prepaid: optional_amount(el("PrepaidAmount"), currency, "BT-113 paid amount", P)?,
        rounding: optional_amount(el("PayableRoundingAmount"), currency, "BT-114 rounding amount", P)?,
        payable: required_amount(el("PayableAmount"), currency, "BT-115 amount due for payment", P)?,
    })
}

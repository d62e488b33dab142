//! The EN 16931 invoice, as far as Kindly reads (and will write) it. Field
//! docs name the business term (BT-n) or group (BG-n) of EN 16931-1.
//!
//! Amounts are `i64` minor units of the invoice currency (BT-5): EN 16931
//! allows at most two decimals on amounts (BR-DEC rules), so an amount with
//! more decimals than the currency has is refused when read. Quantities,
//! unit prices and rates may have more decimals and are kept exact as
//! [`XmlDecimal`].

use crate::decimal::XmlDecimal;
use chrono::NaiveDate;
use kindly_core::Currency;

/// The XML syntax an invoice was read from (or is to be written in).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// UN/CEFACT Cross Industry Invoice (Factur-X, ZUGFeRD 2.x, XRechnung CII).
    Cii,
    /// OASIS UBL 2.1 Invoice or CreditNote (XRechnung UBL, Peppol BIS 3.0).
    Ubl,
}

impl Syntax {
    pub fn label(self) -> &'static str {
        match self {
            Syntax::Cii => "UN/CEFACT CII",
            Syntax::Ubl => "UBL 2.1",
        }
    }
}

/// BT-3 invoice type code values Kindly distinguishes (UNTDID 1001).
pub const TYPE_INVOICE: u16 = 380;
pub const TYPE_CREDIT_NOTE: u16 = 381;

#[derive(Clone, Debug, PartialEq)]
pub struct Invoice {
    pub syntax: Syntax,
    /// BT-24 specification identifier (e.g. `urn:cen.eu:en16931:2017`,
    /// the XRechnung or Peppol customisation), if given.
    pub specification: Option<String>,
    /// BT-1
    pub number: String,
    /// BT-2
    pub issue_date: NaiveDate,
    /// BT-3 (380 invoice, 381 credit note, …)
    pub type_code: u16,
    /// BT-5
    pub currency: Currency,
    /// BT-9
    pub due_date: Option<NaiveDate>,
    /// BT-10 (the Leitweg-ID in Germany)
    pub buyer_reference: Option<String>,
    /// BT-20
    pub payment_terms: Option<String>,
    /// BT-22
    pub notes: Vec<String>,
    /// BT-25: the invoice a credit note corrects.
    pub preceding_invoice: Option<String>,
    /// BT-26: that invoice's issue date.
    pub preceding_invoice_date: Option<NaiveDate>,
    /// BG-4
    pub seller: Party,
    /// BG-7
    pub buyer: Party,
    /// BG-25
    pub lines: Vec<Line>,
    /// BG-23
    pub vat_breakdown: Vec<VatBreakdown>,
    /// BG-22
    pub totals: DocumentTotals,
    /// BG-16
    pub payment: PaymentInstructions,
}

impl Invoice {
    pub fn is_credit_note(&self) -> bool {
        // 381 and the other credit-note codes of UNTDID 1001 used in EN 16931.
        matches!(self.type_code, TYPE_CREDIT_NOTE | 261 | 262 | 296 | 308 | 396 | 420 | 458 | 532)
    }
}

/// A seller (BG-4) or buyer (BG-7).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Party {
    /// BT-27 / BT-44: the registered name.
    pub name: String,
    /// BT-28 / BT-45: a trading name, if different.
    pub trading_name: Option<String>,
    /// BG-5 / BG-8
    pub address: Address,
    /// BT-31 / BT-48: VAT identifier ("DE123456789").
    pub vat_id: Option<String>,
    /// BT-32: the seller's tax registration (a German Steuernummer), when
    /// there is no VAT identifier or besides it.
    pub tax_registration: Option<String>,
    /// BT-30 / BT-47: legal registration (SIREN in France), with its scheme.
    pub legal_id: Option<Identifier>,
    /// BT-41 / BT-56: the contact point (a person or department).
    pub contact_name: Option<String>,
    /// BT-42 / BT-57: the contact telephone.
    pub phone: Option<String>,
    /// BT-43 / BT-58: the contact e-mail.
    pub email: Option<String>,
    /// BT-34 / BT-49: the electronic address (Peppol ID), with its scheme (EAS).
    pub electronic_address: Option<Identifier>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identifier {
    pub value: String,
    pub scheme: Option<String>,
}

/// BG-5 / BG-8
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    /// BT-35..37 / BT-50..52 and BT-162/163 in order.
    pub lines: Vec<String>,
    pub city: Option<String>,
    pub postcode: Option<String>,
    pub subdivision: Option<String>,
    /// BT-40 / BT-55: ISO 3166-1 alpha-2.
    pub country: Option<String>,
}

impl Address {
    /// The address as a letter shows it: street lines, "postcode city", country.
    pub fn to_lines(&self) -> Vec<String> {
        let mut out = self.lines.clone();
        let city = [self.postcode.as_deref(), self.city.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
        if !city.is_empty() {
            out.push(city);
        }
        if let Some(s) = &self.subdivision {
            out.push(s.clone());
        }
        if let Some(c) = &self.country {
            out.push(c.clone());
        }
        out
    }
}

/// BG-25: an invoice line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// BT-126
    pub id: String,
    /// BT-153
    pub name: String,
    /// BT-154
    pub description: Option<String>,
    /// BT-129
    pub quantity: XmlDecimal,
    /// BT-130 (UN/ECE Rec 20: C62 one, HUR hour, DAY …)
    pub unit_code: Option<String>,
    /// BT-146: net price per [`Line::price_base_quantity`] units.
    pub net_price: XmlDecimal,
    /// BT-149 (1 when absent)
    pub price_base_quantity: Option<XmlDecimal>,
    /// BT-151 (UNCL5305: S standard, Z zero, E exempt, AE reverse charge, …)
    pub vat_category: String,
    /// BT-152, percent
    pub vat_rate: Option<XmlDecimal>,
    /// BT-131, minor units
    pub net_amount: i64,
}

/// BG-23: VAT per category and rate.
#[derive(Clone, Debug, PartialEq)]
pub struct VatBreakdown {
    /// BT-118
    pub category: String,
    /// BT-119, percent
    pub rate: Option<XmlDecimal>,
    /// BT-116
    pub taxable_amount: i64,
    /// BT-117
    pub tax_amount: i64,
    /// BT-120
    pub exemption_reason: Option<String>,
}

/// BG-22: document totals, minor units.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentTotals {
    /// BT-106: sum of line net amounts.
    pub line_total: i64,
    /// BT-107: document-level allowances.
    pub allowance_total: i64,
    /// BT-108: document-level charges.
    pub charge_total: i64,
    /// BT-109: total without VAT.
    pub tax_exclusive: i64,
    /// BT-110: total VAT in the invoice currency.
    pub tax_total: i64,
    /// BT-112: total with VAT.
    pub tax_inclusive: i64,
    /// BT-113: already paid.
    pub prepaid: i64,
    /// BT-114: rounding amount.
    pub rounding: i64,
    /// BT-115: amount due for payment.
    pub payable: i64,
}

/// BG-16: how to pay.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaymentInstructions {
    /// BT-81 (UNCL4461: 58 SEPA credit transfer, 30 credit transfer, …)
    pub means_code: Option<String>,
    /// BT-83: the remittance information the payer should quote.
    pub remittance: Option<String>,
    /// BG-17
    pub accounts: Vec<Account>,
}

/// BG-17: a credit transfer account.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Account {
    /// BT-84
    pub iban: String,
    /// BT-85
    pub name: Option<String>,
    /// BT-86
    pub bic: Option<String>,
}

//! The figures of an e-invoice must agree (EN 16931 BR-CO-10 to BR-CO-16):
//! the sum of the line nets is BT-106; BT-106 − allowances + charges is
//! BT-109; the VAT breakdown adds up to BT-109 and BT-110; BT-109 + BT-110
//! is BT-112; BT-112 − BT-113 + BT-114 is BT-115. A file that disagrees with
//! itself is refused with the figures, so nobody chases a wrong amount.

use crate::error::EInvoiceError;
use crate::model::Invoice;
use kindly_core::Money;

pub fn consistent(inv: &Invoice) -> Result<(), EInvoiceError> {
    if inv.lines.is_empty() {
        return Err(EInvoiceError::FieldMissing { term: "BG-25 invoice line".into(), path: "invoice line" });
    }
    let m = |minor: i128| {
        i64::try_from(minor).map(|v| Money::new(v, inv.currency).plain()).unwrap_or_else(|_| minor.to_string())
    };
    let t = &inv.totals;
    let wide = |v: i64| i128::from(v);
    let fail = |detail: String| Err(EInvoiceError::TotalsInconsistent { detail });
    let lines: i128 = inv.lines.iter().map(|l| wide(l.net_amount)).sum();
    if lines != wide(t.line_total) {
        return fail(format!(
            "the line net amounts add up to {} but BT-106 (sum of invoice line net amounts) says {}",
            m(lines),
            m(wide(t.line_total))
        ));
    }
    let exclusive = wide(t.line_total) - wide(t.allowance_total) + wide(t.charge_total);
    if exclusive != wide(t.tax_exclusive) {
        return fail(format!(
            "BT-106 {} − BT-107 allowances {} + BT-108 charges {} is {}, but BT-109 (total without VAT) says {}",
            m(wide(t.line_total)),
            m(wide(t.allowance_total)),
            m(wide(t.charge_total)),
            m(exclusive),
            m(wide(t.tax_exclusive))
        ));
    }
    if !inv.vat_breakdown.is_empty() {
        let taxable: i128 = inv.vat_breakdown.iter().map(|b| wide(b.taxable_amount)).sum();
        if taxable != wide(t.tax_exclusive) {
            return fail(format!(
                "the VAT breakdown's taxable amounts add up to {} but BT-109 (total without VAT) says {}",
                m(taxable),
                m(wide(t.tax_exclusive))
            ));
        }
        let tax: i128 = inv.vat_breakdown.iter().map(|b| wide(b.tax_amount)).sum();
        if tax != wide(t.tax_total) {
            return fail(format!(
                "the VAT breakdown's tax amounts add up to {} but BT-110 (total VAT) says {}",
                m(tax),
                m(wide(t.tax_total))
            ));
        }
    }
    let inclusive = wide(t.tax_exclusive) + wide(t.tax_total);
    if inclusive != wide(t.tax_inclusive) {
        return fail(format!(
            "BT-109 {} + BT-110 VAT {} is {}, but BT-112 (total with VAT) says {}",
            m(wide(t.tax_exclusive)),
            m(wide(t.tax_total)),
            m(inclusive),
            m(wide(t.tax_inclusive))
        ));
    }
    let payable = wide(t.tax_inclusive) - wide(t.prepaid) + wide(t.rounding);
    if payable != wide(t.payable) {
        return fail(format!(
            "BT-112 {} − BT-113 paid {} + BT-114 rounding {} is {}, but BT-115 (amount due) says {}",
            m(wide(t.tax_inclusive)),
            m(wide(t.prepaid)),
            m(wide(t.rounding)),
            m(payable),
            m(wide(t.payable))
        ));
    }
    Ok(())
}

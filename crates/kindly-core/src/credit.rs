//! Credit notes: how an amount credited on an invoice splits across its VAT
//! rates, to the cent.
//!
//! A credit note of gross amount A is split over the invoice's rates in
//! proportion to what each rate still has to credit (its gross less what
//! earlier credit notes took), by largest remainder, so the parts add up to
//! exactly A. Each rate's part is then split into net and tax (net rounded
//! half away from zero from the gross at that rate; tax the rest), kept
//! within what that rate still has, so net + tax is the part exactly and no
//! rate is ever credited more net or tax than the invoice had. The note that
//! credits everything that remains takes each rate's rest exactly, so a
//! series of credit notes ends on the invoice's own figures.

use crate::decimal::div_round_half_away;
use crate::invoice::TaxLine;
use serde::Serialize;

/// One rate's share of a credit note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CreditPart {
    pub rate_bp: i64,
    pub net_minor: i64,
    pub tax_minor: i64,
}

impl CreditPart {
    pub fn gross_minor(&self) -> i64 {
        self.net_minor + self.tax_minor
    }
}

/// Splits `amount_minor` over the invoice's `taxes` (its totals per rate)
/// less `credited` (the parts of earlier credit notes). `None` when the
/// amount is not positive or more than what remains creditable.
pub fn split(taxes: &[TaxLine], credited: &[CreditPart], amount_minor: i64) -> Option<Vec<CreditPart>> {
    // What each rate still has: (rate, net, tax).
    let rest: Vec<(i64, i64, i64)> = taxes
        .iter()
        .map(|t| {
            let (n, x) = credited
                .iter()
                .filter(|c| c.rate_bp == t.rate_bp)
                .fold((0, 0), |(n, x), c| (n + c.net_minor, x + c.tax_minor));
            (t.rate_bp, (t.net_minor - n).max(0), (t.tax_minor - x).max(0))
        })
        .collect();
    let remaining: i64 = rest.iter().map(|(_, n, x)| n + x).sum();
    if amount_minor <= 0 || amount_minor > remaining {
        return None;
    }
    if amount_minor == remaining {
        return Some(
            rest.into_iter()
                .filter(|(_, n, x)| n + x > 0)
                .map(|(rate_bp, net_minor, tax_minor)| CreditPart { rate_bp, net_minor, tax_minor })
                .collect(),
        );
    }
    // Largest remainder over the rates' remaining gross.
    let a = i128::from(amount_minor);
    let total = i128::from(remaining);
    let mut parts: Vec<(usize, i128, i128)> = rest
        .iter()
        .enumerate()
        .map(|(i, (_, n, x))| {
            let g = i128::from(n + x);
            (i, a * g / total, a * g % total)
        })
        .collect();
    let mut left = a - parts.iter().map(|p| p.1).sum::<i128>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Larger remainders first; ties to the earlier (lower) rate, stable.
    order.sort_by(|&i, &j| parts[j].2.cmp(&parts[i].2).then(i.cmp(&j)));
    for i in order {
        if left == 0 {
            break;
        }
        let (_, n, x) = rest[i];
        if parts[i].1 < i128::from(n + x) {
            parts[i].1 += 1;
            left -= 1;
        }
    }
    let mut out = Vec::new();
    for (i, g, _) in parts {
        let g = i64::try_from(g).ok()?;
        if g == 0 {
            continue;
        }
        let (rate_bp, rest_net, rest_tax) = rest[i];
        let net = i64::try_from(div_round_half_away(i128::from(g) * 10_000, 10_000 + i128::from(rate_bp))).ok()?;
        let lo = (g - rest_tax).max(0);
        let hi = rest_net.min(g);
        let net = net.clamp(lo, hi);
        out.push(CreditPart { rate_bp, net_minor: net, tax_minor: g - net });
    }
    Some(out)
}

/// The sum of the parts' gross amounts.
pub fn gross(parts: &[CreditPart]) -> i64 {
    parts.iter().map(CreditPart::gross_minor).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tl(rate_bp: i64, net_minor: i64, tax_minor: i64) -> TaxLine {
        TaxLine { rate_bp, net_minor, tax_minor }
    }

    #[test]
    fn the_full_amount_is_the_invoice_itself() {
        let taxes = [tl(700, 10_000, 700), tl(1900, 20_000, 3800)];
        let parts = split(&taxes, &[], 34_500).unwrap();
        assert_eq!(
            parts,
            vec![
                CreditPart { rate_bp: 700, net_minor: 10_000, tax_minor: 700 },
                CreditPart { rate_bp: 1900, net_minor: 20_000, tax_minor: 3800 }
            ]
        );
    }

    #[test]
    fn a_partial_amount_splits_to_the_cent() {
        let taxes = [tl(700, 10_000, 700), tl(1900, 20_000, 3800)];
        let parts = split(&taxes, &[], 10_000).unwrap();
        assert_eq!(gross(&parts), 10_000);
        // 10 700 / 34 500 of 100.00 is 31.01…; the 19 % rate takes the rest.
        assert_eq!(parts[0].gross_minor(), 3101);
        assert_eq!(parts[0].net_minor, 2898);
        assert_eq!(parts[1].gross_minor(), 6899);
    }

    #[test]
    fn more_than_remains_is_refused() {
        let taxes = [tl(2000, 10_000, 2000)];
        assert_eq!(split(&taxes, &[], 12_001), None);
        assert_eq!(split(&taxes, &[], 0), None);
        let first = split(&taxes, &[], 5000).unwrap();
        assert_eq!(split(&taxes, &first, 7001), None);
        let rest = split(&taxes, &first, 7000).unwrap();
        assert_eq!(rest[0].net_minor + first[0].net_minor, 10_000);
        assert_eq!(rest[0].tax_minor + first[0].tax_minor, 2000);
    }

    #[test]
    fn every_split_adds_up_and_never_exceeds_the_invoice() {
        // Property-style: many invoices and series of credit notes.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        let rates = [0, 550, 700, 1000, 1900, 2000, 2100, 770];
        for _ in 0..3000 {
            let n = 1 + next(3) as usize;
            let taxes: Vec<TaxLine> = (0..n)
                .map(|i| {
                    let rate = rates[(next(8) as usize + i) % 8];
                    let net = next(200_000) as i64 + 1;
                    tl(rate + i as i64, net, div_round_half_away(i128::from(net * (rate + i as i64)), 10_000) as i64)
                })
                .collect();
            let total: i64 = taxes.iter().map(|t| t.net_minor + t.tax_minor).sum();
            let mut credited: Vec<CreditPart> = Vec::new();
            loop {
                let left = total - gross(&credited);
                if left == 0 {
                    break;
                }
                let a = if next(4) == 0 { left } else { 1 + next(left as u64) as i64 };
                let parts = split(&taxes, &credited, a).unwrap();
                assert_eq!(gross(&parts), a);
                assert!(parts.iter().all(|p| p.net_minor >= 0 && p.tax_minor >= 0));
                credited.extend(parts);
                for t in &taxes {
                    let (cn, ct) = credited
                        .iter()
                        .filter(|c| c.rate_bp == t.rate_bp)
                        .fold((0, 0), |(n, x), c| (n + c.net_minor, x + c.tax_minor));
                    assert!(cn <= t.net_minor && ct <= t.tax_minor, "{taxes:?} {credited:?}");
                }
            }
            assert_eq!(gross(&credited), total);
            assert_eq!(split(&taxes, &credited, 1), None);
        }
    }
}

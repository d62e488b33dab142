//! The four laws: which reference rate, which margin, whether the rate is
//! fixed for the debt or follows the half-years, and the fixed compensation.

use crate::error::InterestError;
use crate::table::Series;
use kindly_core::vocab::{DebtorKind, Jurisdiction};
use kindly_core::{Currency, Money};

/// How one law states interest and compensation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub jurisdiction: Jurisdiction,
    pub debtor: DebtorKind,
    /// The reference rate the margin is added to.
    pub series: Series,
    /// Percentage points over the reference rate, in basis points.
    pub margin_bp: i32,
    /// True when one rate (the reference day before the debt became late)
    /// holds for the whole life of the debt; false when each half-year's
    /// rate applies to the days in it.
    pub fixed_for_debt: bool,
    /// The legal source, as cited in letters and the working.
    pub source: &'static str,
    /// The source of the fixed compensation, when the law gives one.
    pub compensation_source: Option<&'static str>,
}

impl Rule {
    /// The rule for a debt owed by `debtor` under `jurisdiction`.
    ///
    /// - UK: Late Payment of Commercial Debts (Interest) Act 1998, s. 4 and the
    ///   Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002:
    ///   8 % over the Bank of England base rate in force on the 31 December or
    ///   30 June immediately before the day the debt became late, fixed for
    ///   that debt; simple interest; s. 5A fixed sum £40 / £70 / £100.
    ///   Business-to-business debts only (s. 1–2).
    /// - EU: Directive 2011/7/EU art. 2(6)–(8), 3, 4 and 6: the ECB main
    ///   refinancing rate in force on the first calendar day of the half-year
    ///   plus 8 points; €40 per invoice (art. 6). Commercial transactions only.
    /// - DE: § 288 BGB with § 247 BGB: the Basiszinssatz (changes 1 January /
    ///   1 July, so the rate follows the delay) plus 9 points when no consumer
    ///   is a party (§ 288 (2)) with the €40 Pauschale (§ 288 (5)), plus 5
    ///   points for a consumer (§ 288 (1)) and no flat fee.
    /// - FR: Code de commerce L441-10 II: the ECB rate of its most recent
    ///   refinancing operation plus 10 points (the rate of 1 January for the
    ///   first half-year, of 1 July for the second); €40 indemnité forfaitaire
    ///   pour frais de recouvrement (L441-10 II, D441-5). Between professionals only.
    pub fn for_debt(jurisdiction: Jurisdiction, debtor: DebtorKind) -> Result<Rule, InterestError> {
        let rule = |series, margin_bp, fixed_for_debt, source, compensation_source| Rule {
            jurisdiction,
            debtor,
            series,
            margin_bp,
            fixed_for_debt,
            source,
            compensation_source,
        };
        match (jurisdiction, debtor) {
            (Jurisdiction::De, DebtorKind::Business) => {
                Ok(rule(Series::Basiszins, 900, false, "§ 288 (2) BGB", Some("§ 288 (5) BGB")))
            }
            (Jurisdiction::De, DebtorKind::Consumer) => Ok(rule(Series::Basiszins, 500, false, "§ 288 (1) BGB", None)),
            (_, DebtorKind::Consumer) => Err(InterestError::NotApplicable { jurisdiction, debtor }),
            (Jurisdiction::Uk, DebtorKind::Business) => Ok(rule(
                Series::BoeReference,
                800,
                true,
                "Late Payment of Commercial Debts (Interest) Act 1998, s. 4",
                Some("Late Payment of Commercial Debts (Interest) Act 1998, s. 5A"),
            )),
            (Jurisdiction::Eu, DebtorKind::Business) => Ok(rule(
                Series::EcbMro,
                800,
                false,
                "Directive 2011/7/EU, art. 2(6) and 4",
                Some("Directive 2011/7/EU, art. 6"),
            )),
            (Jurisdiction::Fr, DebtorKind::Business) => Ok(rule(
                Series::EcbMro,
                1000,
                false,
                "Code de commerce, art. L441-10",
                Some("Code de commerce, art. L441-10 et D441-5"),
            )),
        }
    }

    /// The fixed compensation for a debt of `debt` (the amount that became
    /// late). UK s. 5A: £40 below £1,000, £70 from £1,000 to £9,999.99, £100
    /// from £10,000; for a debt not in pounds the band cannot be told without
    /// an exchange rate, so none is stated. EU, DE business, FR: €40.
    pub fn compensation(&self, debt: Money) -> Option<Money> {
        self.compensation_source?;
        match self.jurisdiction {
            Jurisdiction::Uk => {
                if debt.currency != Currency::GBP {
                    return None;
                }
                let pounds = match debt.minor {
                    m if m < 100_000 => 40,
                    m if m < 1_000_000 => 70,
                    _ => 100,
                };
                Some(Money::new(pounds * 100, Currency::GBP))
            }
            _ => Some(Money::new(4_000, Currency::EUR)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consumers_only_under_german_law() {
        for j in [Jurisdiction::Uk, Jurisdiction::Eu, Jurisdiction::Fr] {
            let e = Rule::for_debt(j, DebtorKind::Consumer).unwrap_err();
            assert_eq!(e.code(), kindly_core::ErrorCode::InterestNotApplicable);
        }
        let de = Rule::for_debt(Jurisdiction::De, DebtorKind::Consumer).unwrap();
        assert_eq!((de.margin_bp, de.compensation(Money::new(100, Currency::EUR))), (500, None));
    }

    /// UK s. 5A bands, at their edges.
    #[test]
    fn uk_bands() {
        let r = Rule::for_debt(Jurisdiction::Uk, DebtorKind::Business).unwrap();
        for (debt, fee) in [(1, 40), (99_999, 40), (100_000, 70), (999_999, 70), (1_000_000, 100), (900_000_000, 100)] {
            assert_eq!(r.compensation(Money::new(debt, Currency::GBP)), Some(Money::new(fee * 100, Currency::GBP)));
        }
        assert_eq!(r.compensation(Money::new(100, Currency::EUR)), None);
    }
}

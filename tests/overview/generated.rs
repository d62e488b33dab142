//! A seeded random dataset made through the API (invoices in three
//! currencies, drafts, cancellations, partial and back-dated payments, steps
//! recorded before and after payments), and the overview on several days
//! (the per-client window moving forward, back and far) against figures
//! computed here from plain `SELECT *` rows, without the summary tables.

use super::{invoice, pay_on};
use chrono::{Datelike, Days, Months, NaiveDate};
use kindly_api::overview::{self, OverviewRequest};
use kindly_tests::{client_input, create_client, on, open_db};
use std::collections::{BTreeMap, HashMap};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[derive(sqlx_macros::FromRow)]
struct Inv {
    id: i64,
    client_id: i64,
    status: String,
    issue_date: String,
    due_date: String,
    currency: String,
    total_minor: i64,
    paid_minor: i64,
}

#[derive(sqlx_macros::FromRow)]
struct Pay {
    invoice_id: i64,
    amount_minor: i64,
    paid_on: String,
}

#[derive(sqlx_macros::FromRow)]
struct Step {
    invoice_id: i64,
    stage_key: String,
    done_on: String,
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn plain(minor: i64) -> String {
    format!("{}{}.{:02}", if minor < 0 { "-" } else { "" }, minor.abs() / 100, minor.abs() % 100)
}

fn one_decimal(a: i64, b: i64) -> Option<String> {
    (b > 0).then(|| {
        let t = (a * 20 + b) / (2 * b);
        format!("{}.{}", t / 10, t % 10)
    })
}

/// Every figure the overview shows for `currency` on `today`, from rows.
#[derive(Debug, PartialEq)]
struct Expected {
    outstanding: (String, i64),
    overdue: (String, i64),
    aging: Vec<(String, i64)>,
    dso: Option<String>,
    days_to_pay: (Option<String>, i64),
    slowest: Vec<(i64, String, i64)>,
    months: Vec<(String, String, i64, String, i64)>,
    steps: Vec<(String, i64, i64)>,
    weeks: Vec<String>,
    late: String,
}

fn expected(invs: &[Inv], pays: &[Pay], steps: &[Step], currency: &str, today: NaiveDate) -> Expected {
    let mut full_on: HashMap<i64, NaiveDate> = HashMap::new();
    for p in pays {
        let e = full_on.entry(p.invoice_id).or_insert(d(&p.paid_on));
        *e = (*e).max(d(&p.paid_on));
    }
    let invs: Vec<&Inv> = invs.iter().filter(|i| i.currency == currency).collect();
    let open: Vec<&&Inv> = invs.iter().filter(|i| i.status == "issued" && i.paid_minor < i.total_minor).collect();
    let owing = |i: &Inv| i.total_minor - i.paid_minor;
    let late_days = |i: &Inv| (today - d(&i.due_date)).num_days();
    let sum = |f: &dyn Fn(&Inv) -> bool| {
        let v: Vec<_> = open.iter().filter(|i| f(i)).collect();
        (plain(v.iter().map(|i| owing(i)).sum()), v.len() as i64)
    };
    let aging = vec![
        sum(&|i| late_days(i) <= 0),
        sum(&|i| (1..=30).contains(&late_days(i))),
        sum(&|i| (31..=60).contains(&late_days(i))),
        sum(&|i| (61..=90).contains(&late_days(i))),
        sum(&|i| late_days(i) > 90),
    ];
    let outstanding_minor: i64 = open.iter().map(|i| owing(i)).sum();
    let issued: Vec<&&Inv> = invs.iter().filter(|i| i.status == "issued").collect();
    let dso_from = today - Days::new(89);
    let invoiced: i64 = issued
        .iter()
        .filter(|i| d(&i.issue_date) >= dso_from && d(&i.issue_date) <= today)
        .map(|i| i.total_minor)
        .sum();
    let dso = (invoiced > 0).then(|| one_decimal(outstanding_minor * 90, invoiced)).flatten();
    let pay_from = today.checked_sub_months(Months::new(12)).unwrap().succ_opt().unwrap();
    let mut per_client: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
    let (mut days_sum, mut n) = (0, 0);
    for i in issued.iter().filter(|i| i.paid_minor >= i.total_minor && i.paid_minor > 0) {
        let f = full_on[&i.id];
        if f >= pay_from && f <= today {
            let days = (f - d(&i.issue_date)).num_days().max(0);
            days_sum += days;
            n += 1;
            let e = per_client.entry(i.client_id).or_default();
            e.0 += days;
            e.1 += 1;
        }
    }
    let mut slow: Vec<(i64, i64, i64)> = per_client.into_iter().map(|(c, (s, k))| (c, s, k)).collect();
    slow.sort_by(|a, b| (b.1 * a.2).cmp(&(a.1 * b.2)).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    let slowest = slow.into_iter().take(10).map(|(c, s, k)| (c, one_decimal(s, k).unwrap(), k)).collect();
    let first = today.with_day(1).unwrap();
    let months = (0..12)
        .map(|k| {
            let from = first.checked_sub_months(Months::new(11 - k)).unwrap();
            let to = from.checked_add_months(Months::new(1)).unwrap().pred_opt().unwrap();
            let inside = |s: &str| d(s) >= from && d(s) <= to;
            let inv: Vec<_> = issued.iter().filter(|i| inside(&i.issue_date)).collect();
            let ids: Vec<i64> = invs.iter().map(|i| i.id).collect();
            let col: Vec<_> = pays.iter().filter(|p| ids.contains(&p.invoice_id) && inside(&p.paid_on)).collect();
            (
                format!("{:04}-{:02}", from.year(), from.month()),
                plain(inv.iter().map(|i| i.total_minor).sum()),
                inv.len() as i64,
                plain(col.iter().map(|p| p.amount_minor).sum()),
                col.len() as i64,
            )
        })
        .collect();
    let mut by_stage: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for s in steps {
        let Some(i) = invs.iter().find(|i| i.id == s.invoice_id) else { continue };
        let e = by_stage.entry(s.stage_key.clone()).or_default();
        e.0 += 1;
        let done = d(&s.done_on);
        let full = (i.paid_minor >= i.total_minor && i.paid_minor > 0).then(|| full_on.get(&i.id)).flatten();
        if full.is_some_and(|f| *f >= done && *f <= done + Days::new(7)) {
            e.1 += 1;
        }
    }
    let weeks = (0..4)
        .map(|k| {
            let from = today + Days::new(7 * k);
            let to = from + Days::new(6);
            plain(open.iter().filter(|i| d(&i.due_date) >= from && d(&i.due_date) <= to).map(|i| owing(i)).sum())
        })
        .collect();
    Expected {
        outstanding: (plain(outstanding_minor), open.len() as i64),
        overdue: sum(&|i| late_days(i) > 0),
        aging: aging.into_iter().collect(),
        dso,
        days_to_pay: (one_decimal(days_sum, n), n),
        slowest,
        months,
        steps: by_stage.into_iter().map(|(k, (a, b))| (k, a, b)).collect(),
        weeks,
        late: plain(open.iter().filter(|i| late_days(i) > 0).map(|i| owing(i)).sum()),
    }
}

#[tokio::test]
async fn figures_match_an_independent_computation_on_generated_data() {
    let db = open_db().await;
    let t0 = d("2026-12-02");
    let ctx = on(&db.store, "2026-12-02");
    let mut rng = Rng(20261202);
    let mut clients = Vec::new();
    for k in 0..14 {
        clients.push(create_client(ctx, &client_input(&format!("Client {k}"), vec![])).await);
    }
    let currencies = ["EUR", "EUR", "USD", "GBP"];
    let mut ids = Vec::new();
    for _ in 0..180 {
        let issue = t0 - Days::new(rng.below(430));
        let due = issue + Days::new([0, 14, 30, 45][rng.below(4) as usize]);
        let c = currencies[rng.below(4) as usize];
        let price = format!("{}.{:02}", 1 + rng.below(3000), rng.below(100));
        let client = clients[rng.below(clients.len() as u64) as usize];
        let id = invoice(ctx, client, &issue.to_string(), &due.to_string(), c, &price).await;
        ids.push((id, issue, due));
    }
    let mut conn = db.raw().await;
    let step = |id: i64, key: &'static str, done: NaiveDate| {
        format!(
            "INSERT INTO followup_steps (invoice_id, stage_key, stage_offset, channel, done_on, at) \
             VALUES ({id}, '{key}', 1, 'email', '{done}', '{done}T09:00:00.000Z')"
        )
    };
    // Steps before payments (the payment's trigger updates them) ...
    for (id, _, due) in &ids {
        if rng.below(3) == 0 {
            let sql = step(*id, "reminder", *due + Days::new(1 + rng.below(5)));
            conn.exec(&sql, &[]).await.unwrap();
        }
    }
    for (id, issue, due) in &ids {
        let inv = db.store.invoice(*id).await.unwrap();
        let total = inv.total_minor;
        let roll = rng.below(10);
        let latest = (*due + Days::new(60)).min(t0);
        let span = (latest - *issue).num_days().max(0) as u64 + 1;
        let when = |r: &mut Rng| (*issue + Days::new(r.below(span))).to_string();
        if roll < 5 {
            // Paid in full, in one or two payments (the second may be dated earlier).
            if total > 1 && rng.below(2) == 0 {
                let first = total / 3;
                pay_on(ctx, *id, &plain(first), &when(&mut rng)).await;
                pay_on(ctx, *id, &plain(total - first), &when(&mut rng)).await;
            } else {
                pay_on(ctx, *id, &plain(total), &when(&mut rng)).await;
            }
        } else if roll < 7 && total > 1 {
            pay_on(ctx, *id, &plain(total / 2), &when(&mut rng)).await;
        } else if roll == 7 {
            kindly_api::invoices::cancel(ctx, *id, "generated").await.unwrap();
        }
    }
    // ... and after (the step's trigger reads the payment).
    for (id, _, due) in &ids {
        if rng.below(3) == 0 {
            let sql = step(*id, "follow_up", *due + Days::new(rng.below(20)));
            conn.exec(&sql, &[]).await.unwrap();
        }
    }
    let invs: Vec<Inv> = conn
        .rows(
            "SELECT id, client_id, status, CAST(issue_date AS TEXT) AS issue_date, CAST(due_date AS TEXT) AS due_date,
                    currency, total_minor, paid_minor FROM invoices",
        )
        .await;
    let pays: Vec<Pay> =
        conn.rows("SELECT invoice_id, amount_minor, CAST(paid_on AS TEXT) AS paid_on FROM payments").await;
    let steps: Vec<Step> =
        conn.rows("SELECT invoice_id, stage_key, CAST(done_on AS TEXT) AS done_on FROM followup_steps").await;
    assert!(invs.iter().any(|i| i.status == "cancelled") && pays.len() > 60 && steps.len() > 60);

    // Forward a day, far forward, back, and a window that does not overlap.
    for day in ["2026-12-02", "2026-12-03", "2027-01-20", "2026-11-15", "2028-06-01", "2026-12-02"] {
        let today = d(day);
        let v = overview::overview(on(&db.store, day), &OverviewRequest::default()).await.unwrap();
        for c in &v.currencies {
            let want = expected(&invs, &pays, &steps, &c.currency, today);
            let got = Expected {
                outstanding: (c.outstanding.amount.amount.clone(), c.outstanding.count),
                overdue: (c.overdue.amount.amount.clone(), c.overdue.count),
                aging: c.aging.iter().map(|a| (a.amount.amount.clone(), a.count)).collect(),
                dso: c.dso.days.clone(),
                days_to_pay: (c.days_to_pay.average_days.clone(), c.days_to_pay.invoices),
                slowest: c
                    .days_to_pay
                    .slowest_clients
                    .iter()
                    .map(|s| (s.client_id, s.average_days.clone(), s.invoices))
                    .collect(),
                months: c
                    .months
                    .iter()
                    .map(|m| {
                        (
                            m.month.clone(),
                            m.invoiced.amount.clone(),
                            m.invoiced_count,
                            m.collected.amount.clone(),
                            m.collected_count,
                        )
                    })
                    .collect(),
                steps: {
                    let mut s: Vec<_> =
                        c.steps.iter().map(|s| (s.stage_key.clone(), s.steps, s.paid_within_7_days)).collect();
                    s.sort();
                    s
                },
                weeks: c.cash_in.weeks.iter().map(|w| w.expected.amount.clone()).collect(),
                late: c.cash_in.already_late.amount.clone(),
            };
            assert_eq!(got, want, "{} on {day}", c.currency);
        }
        assert_eq!(v.currencies.len(), 3);
    }
}

//! Realistic demo data at any size, for the first-run choice, screenshots,
//! tests and benchmarks (e.g. 100,000 clients and 1,000,000 invoices).
//!
//! Deterministic: the same size and "today" give the same database. Rows go
//! in with multi-row INSERTs inside one transaction per chunk, so a million
//! invoices take seconds, not minutes.
//!
//! Both engines (issue #19), with one text per statement. Clients and
//! invoices get explicit ids (the lines, payments and timeline refer to
//! them before they exist); on PostgreSQL each chunk's transaction then
//! moves the identity sequences past them ([`crate::engine::Engine::continue_ids`]),
//! so a client or an invoice created normally afterwards, or by another
//! member meanwhile, takes a new id. No row is locked: two people filling
//! demo data into one team database at the same moment would pick the same
//! ids, and the second one's chunk fails on the primary key, whole.

use crate::engine::{on_pool, on_tx, WriteTx};
use crate::util::{insert_rows_on, V};
use crate::{Store, StoreError};
use chrono::{DateTime, Days, NaiveDate, Utc};
use kindly_core::invoice::{compute_totals, LineItem};
use kindly_followup::payment_methods::{BankAccount, PaymentMethods};
use kindly_followup::queue::next_action_on;
use sqlx::AssertSqlSafe;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoSize {
    pub clients: u64,
    pub invoices: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DemoStats {
    pub clients: u64,
    pub invoices: u64,
    pub payments: u64,
}

/// splitmix64: tiny, fast, deterministic.
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
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const FIRST: &[&str] = &[
    "Zoë",
    "Łucja",
    "Mads",
    "Дмитрий",
    "王芳",
    "Amélie",
    "João",
    "Siobhán",
    "Ngozi",
    "Hannah",
    "Lukas",
    "Sofía",
    "Mateo",
    "Aiko",
    "Olivia",
    "Noah",
    "Fatima",
    "Jürgen",
    "Chloé",
    "Björn",
    "Eleni",
    "Priya",
    "Kwame",
    "Ingrid",
    "Tomás",
    "Ayşe",
    "Marek",
    "Léa",
];
const LAST: &[&str] = &[
    "Ångström",
    "Nowak",
    "Ørsted",
    "Иванов",
    "Müller",
    "Dubois",
    "Silva",
    "O'Brien",
    "Okafor",
    "Schmidt",
    "García",
    "Rossi",
    "Tanaka",
    "Johnson",
    "Haddad",
    "Fischer",
    "Martin",
    "Lindqvist",
    "Papadopoulos",
    "Sharma",
    "Mensah",
    "Hansen",
    "Fernández",
    "Yılmaz",
    "Kowalski",
    "Moreau",
    "Byrne",
    "Novák",
];
const COMPANY: &[&str] = &[
    "Studio",
    "Bakery",
    "Consulting",
    "Architects",
    "Print Shop",
    "Café",
    "Yoga",
    "Dental",
    "Garden Design",
    "Bike Repairs",
    "Bookshop",
    "Translations",
    "Photography",
    "Law Office",
    "Florist",
    "Coffee Roasters",
];
const SUFFIX: &[&str] = &["Ltd", "GmbH", "SARL", "S.L.", "LLC", "& Co.", "AB", "BV"];
const WORK: &[(&str, i64, i64)] = &[
    ("Logo design and brand guidelines", 1000, 85000),
    ("Website design, 5 pages", 1000, 240000),
    ("Consulting hours", 7500, 9500),
    ("Photography, half-day shoot", 1000, 45000),
    ("Copywriting, product pages", 12000, 4500),
    ("Monthly maintenance retainer", 1000, 30000),
    ("Translation EN→DE, per 100 words", 35000, 1200),
    ("Illustrations for annual report", 4000, 18000),
    ("Workshop facilitation (day rate)", 2000, 72000),
    ("Printing of flyers", 1000, 12950),
];
const STREETS: &[&str] =
    &["Main Street", "Hauptstraße", "Rue de la Paix", "Calle Mayor", "Market Square", "Kungsgatan"];
const CITIES: &[&str] =
    &["10115 Berlin", "75002 Paris", "28013 Madrid", "Dublin D02 X285", "Bristol BS1 4DJ", "111 52 Stockholm"];
const LANGS: &[&str] = &["en", "en", "en", "de", "fr", "es"];
const CURRENCIES: &[&str] = &["EUR", "EUR", "EUR", "EUR", "USD", "GBP"];
const METHODS: &[&str] = &["bank_transfer", "bank_transfer", "card", "paypal", "cash", "cheque"];

impl Store {
    /// A demo business with a signature and ways to pay, unless the user set them.
    async fn demo_business(&self) -> Result<(), StoreError> {
        let mut s = self.settings().await?;
        if s.business_name.is_empty() {
            s.business_name = "Studio Kind".into();
            s.signature = "Alex Kind\nStudio Kind · Design & Illustration".into();
            s.business_address = "Kastanienallee 12\n10435 Berlin\nGermany".into();
            s.business_email = "hello@studio-kind.example".into();
            s.business_phone = "+49 30 1234 5678".into();
            s.business_tax_id = "DE123456789".into();
            self.save_settings(&s).await?;
        }
        let pm = self.payment_methods().await?;
        if pm == PaymentMethods::default() {
            let demo = PaymentMethods {
                bank: Some(BankAccount {
                    holder: "Studio Kind".into(),
                    iban: "DE89370400440532013000".into(),
                    bic: "COBADEFFXXX".into(),
                    ..Default::default()
                }),
                card_link: "https://pay.example.com/studio-kind".into(),
                cash: true,
                installments: true,
                ..Default::default()
            };
            self.save_payment_methods(&demo).await?;
        }
        Ok(())
    }

    /// Adds `size` demo clients and invoices, dated around `today`.
    pub async fn seed_demo(
        &self,
        size: DemoSize,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<DemoStats, StoreError> {
        let map = |e| StoreError::classify(e, self.path());
        let mut rng = Rng(size.clients.wrapping_mul(31).wrapping_add(size.invoices));
        let first_client: i64 = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM clients").fetch_one(p).await
        })
        .map_err(map)?;
        let first_invoice: i64 = on_pool!(self.pool(), p => {
            sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM invoices").fetch_one(p).await
        })
        .map_err(map)?;
        let ladder = self.default_ladder().await?;
        // Who made the timeline entries and payments (see `made_by`).
        let by = self.member();
        self.demo_business().await?;
        let mut stats = DemoStats::default();

        // Clients, in chunks of 20,000 per transaction.
        let mut cid = first_client;
        while (cid - first_client) < size.clients as i64 {
            let mut tx = self.write_tx().await?;
            let mut clients = Vec::new();
            let mut events = Vec::new();
            let end = (cid + 20_000).min(first_client + size.clients as i64);
            while cid < end {
                let first = rng.pick(FIRST);
                let last = rng.pick(LAST);
                let name = format!("{first} {last}");
                let company = if rng.below(3) > 0 {
                    Some(format!("{last} {} {}", rng.pick(COMPANY), rng.pick(SUFFIX)))
                } else {
                    None
                };
                let email = format!("client{cid}@example.com");
                let lang = rng.pick(LANGS);
                let search = format!(
                    "{}\n{}\n{}\n{}",
                    name.to_lowercase(),
                    first.to_lowercase(),
                    company.clone().unwrap_or_default().to_lowercase(),
                    email
                );
                let address = format!("{} {}\n{}", rng.below(120) + 1, rng.pick(STREETS), rng.pick(CITIES));
                clients.push(vec![
                    V::I(cid),
                    V::T(name.clone()),
                    V::T(first.to_string()),
                    company.map(V::T).unwrap_or(V::N),
                    V::T(format!("[\"{email}\"]")),
                    V::T(format!("+44 20 7946 {:04}", rng.below(10_000))),
                    V::T(address),
                    V::T(lang.to_string()),
                    V::T(search),
                    V::At(now),
                ]);
                events.push(vec![
                    V::I(cid),
                    V::N,
                    V::At(now),
                    V::T("client_created".into()),
                    V::T(format!("Client {name} added")),
                ]);
                cid += 1;
            }
            insert_rows_on(&mut tx.conn(), "INSERT INTO clients (id, display_name, greeting_name, company, emails, phone, address, language, search_text, created_at)", 10, &clients)
                .await
                .map_err(map)?;
            let (head, n, events) =
                made_by("INSERT INTO timeline (client_id, invoice_id, at, kind, summary)", 5, events, by.as_deref());
            insert_rows_on(&mut tx.conn(), &head, n, &events).await.map_err(map)?;
            continue_ids(&mut tx, "clients").await.map_err(map)?;
            tx.commit().await.map_err(map)?;
            stats.clients += clients.len() as u64;
        }
        if size.clients == 0 || size.invoices == 0 {
            return Ok(stats);
        }

        // Invoices, lines, payments and their timeline, a chunk of invoices per transaction.
        let mut iid = first_invoice;
        let last_invoice = first_invoice + size.invoices as i64;
        // Demo numbers have their own prefix, so they never take the user's sequence.
        let mut seq = first_invoice;
        // Smaller transactions on PostgreSQL: the summary rows the triggers
        // keep (client balances, tallies, overview days) take a new version at
        // each invoice, and a transaction cannot prune the versions it made
        // itself, so each lookup walks longer chains. 40,000 invoices seeded
        // in 100 s by 20,000 and in 78 s by 2,000.
        let chunk = match self.pool().engine() {
            crate::engine::Engine::Sqlite => 20_000,
            crate::engine::Engine::Postgres => 2_000,
        };
        while iid < last_invoice {
            let mut tx = self.write_tx().await?;
            let (mut invoices, mut lines, mut payments, mut events, mut issued) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            let mut follow = Vec::new();
            let end = (iid + chunk).min(last_invoice);
            while iid < end {
                let client = first_client + rng.below(size.clients) as i64;
                let currency = rng.pick(CURRENCIES);
                let age = rng.below(420);
                let issue = today.checked_sub_days(Days::new(age)).unwrap_or(today);
                let terms = [14u64, 30, 30, 45][rng.below(4) as usize];
                let due = issue + Days::new(terms);
                let mut items = Vec::new();
                for pos in 0..(1 + rng.below(3)) {
                    let (desc, qty, price) = WORK[rng.below(WORK.len() as u64) as usize];
                    let rate = [0i64, 700, 1900, 2000][rng.below(4) as usize];
                    let item = LineItem {
                        description: desc.to_string(),
                        quantity_milli: qty,
                        unit_price_minor: price,
                        tax_rate_bp: rate,
                    };
                    lines.push(vec![
                        V::I(iid),
                        V::I(pos as i64),
                        V::T(desc.into()),
                        V::I(qty),
                        V::I(price),
                        V::I(rate),
                    ]);
                    items.push(item);
                }
                let totals = compute_totals(&items).map_err(|e| StoreError::Other(e.to_string()))?;
                let number = format!("DEMO-{}-{seq:06}", issue.format("%Y"));
                seq += 1;
                invoices.push(vec![
                    V::I(iid),
                    V::T(number.clone()),
                    V::I(client),
                    V::D(issue),
                    V::D(due),
                    V::T(currency.into()),
                    V::I(totals.subtotal_minor),
                    V::I(totals.tax_minor),
                    V::I(totals.total_minor),
                    V::At(now),
                ]);
                events.push(vec![
                    V::I(client),
                    V::I(iid),
                    V::At(now),
                    V::T("invoice_created".into()),
                    V::T(format!("Invoice {number} created")),
                ]);
                let roll = rng.below(100);
                if roll < 3 {
                    // a draft
                } else {
                    issued.push(iid);
                    // On the default ladder with nothing done yet: the worst
                    // case for today's queue (every unpaid invoice has a step due).
                    let next = next_action_on(&ladder, due, None).map(V::D).unwrap_or(V::NoDay);
                    follow.push(vec![V::I(iid), V::I(client), next]);
                    events.push(vec![
                        V::I(client),
                        V::I(iid),
                        V::At(now),
                        V::T("invoice_issued".into()),
                        V::T(format!("Invoice {number} issued")),
                    ]);
                    // Older invoices are mostly paid; recent ones mostly not.
                    let paid_share = if age > 90 {
                        85
                    } else if age > 40 {
                        55
                    } else {
                        20
                    };
                    let pay_roll = rng.below(100);
                    let amount = if pay_roll < paid_share {
                        totals.total_minor
                    } else if pay_roll < paid_share + 10 {
                        totals.total_minor / 2
                    } else {
                        0
                    };
                    if amount > 0 {
                        let paid_on = (due.checked_sub_days(Days::new(rng.below(terms)))).unwrap_or(due).min(today);
                        let method = rng.pick(METHODS);
                        payments.push(vec![
                            V::I(iid),
                            V::I(amount),
                            V::T(currency.into()),
                            V::D(paid_on.max(issue)),
                            V::T(method.into()),
                            V::At(now),
                        ]);
                        events.push(vec![
                            V::I(client),
                            V::I(iid),
                            V::At(now),
                            V::T("payment_recorded".into()),
                            V::T(format!("Payment received for {number}")),
                        ]);
                    }
                }
                iid += 1;
            }
            insert_rows_on(&mut tx.conn(), "INSERT INTO invoices (id, number, client_id, issue_date, due_date, currency, subtotal_minor, tax_minor, total_minor, created_at, status)", 11,
                &invoices.into_iter().map(|mut r| { r.push(V::T("draft".into())); r }).collect::<Vec<_>>()).await.map_err(map)?;
            insert_rows_on(&mut tx.conn(), "INSERT INTO invoice_lines (invoice_id, position, description, quantity_milli, unit_price_minor, tax_rate_bp)", 6, &lines)
                .await
                .map_err(map)?;
            for chunk in issued.chunks(500) {
                let ids = chunk.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
                // The ids are numbers the loop above made, never a user's text.
                let sql = format!("UPDATE invoices SET status = 'issued' WHERE id IN ({ids})");
                on_tx!(&mut tx, c => sqlx::query(AssertSqlSafe(sql)).execute(c).await.map(|_| ())).map_err(map)?;
            }
            insert_rows_on(&mut tx.conn(), "INSERT INTO followups (invoice_id, client_id, next_action_on)", 3, &follow)
                .await
                .map_err(map)?;
            let (head, n, payments) = made_by(
                "INSERT INTO payments (invoice_id, amount_minor, currency, paid_on, method, created_at)",
                6,
                payments,
                by.as_deref(),
            );
            insert_rows_on(&mut tx.conn(), &head, n, &payments).await.map_err(map)?;
            let (head, n, events) =
                made_by("INSERT INTO timeline (client_id, invoice_id, at, kind, summary)", 5, events, by.as_deref());
            insert_rows_on(&mut tx.conn(), &head, n, &events).await.map_err(map)?;
            continue_ids(&mut tx, "invoices").await.map_err(map)?;
            stats.payments += payments.len() as u64;
            tx.commit().await.map_err(map)?;
        }
        stats.invoices = size.invoices;
        Ok(stats)
    }
}

/// Moves `table`'s identity past the ids just inserted (see the module
/// doc); nothing to do on SQLite.
pub(crate) async fn continue_ids(tx: &mut WriteTx, table: &str) -> Result<(), sqlx::Error> {
    match tx.conn().engine().continue_ids(table) {
        Some(sql) => on_tx!(tx, c => sqlx::query(AssertSqlSafe(sql)).execute(c).await.map(|_| ())),
        None => Ok(()),
    }
}

/// The INSERT `head` ("INSERT INTO t (a, b)") of `ncols` columns and its
/// `rows`, with the member who makes them as `made_by` when one is named
/// (issue #19's who did what). The name is bound as a value of each row: a
/// multi-row INSERT has no place for `Engine::member()` per row, and
/// `Store::member` is what each write transaction hands the database, so
/// it is the same name. Nobody named (a single user, the benchmarks' fill):
/// the rows stay as they are and `made_by` NULL, at no cost.
fn made_by(head: &str, ncols: usize, mut rows: Vec<Vec<V>>, member: Option<&str>) -> (String, usize, Vec<Vec<V>>) {
    match (member, head.strip_suffix(')')) {
        (Some(name), Some(open)) => {
            for r in &mut rows {
                r.push(V::T(name.to_string()));
            }
            (format!("{open}, made_by)"), ncols + 1, rows)
        }
        _ => (head.to_string(), ncols, rows),
    }
}

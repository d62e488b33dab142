//! Rows into typed records, collecting every problem by row and column
//! (never stopping at the first), so a dry run can show them all.
//!
//! Invoices come either with lines (several rows per invoice number: one
//! line each, the invoice's own fields repeated) or with totals only (one
//! row per invoice with net, tax and total; stored as one line per invoice
//! whose tax rate is derived, and the totals exactly as the file says).

use crate::error::CsvError;
use crate::excerpt::excerpt;
use crate::fields::{ImportField as F, ImportKind};
use crate::mapping::{records, unused_columns, Mapping};
use crate::number::{clean_amount, parse_minor};
use chrono::NaiveDate;
use kindly_core::client::{ClientDetails, ClientForm};
use kindly_core::invoice::{compute_totals, parse_quantity, parse_tax_rate, LineItem, Totals};
use kindly_core::payment::PaymentMethod;
use kindly_core::{Currency, DomainError, ErrorCode, Money};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// One thing wrong with one row (the line of the file it starts on) and
/// column (by its header; empty for the whole row).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Problem {
    pub row: u64,
    pub column: String,
    /// What the cell said (shortened).
    pub value: String,
    pub message: String,
    /// The kind of problem, which the UI words in its own language (the
    /// message is English, with the specifics).
    pub code: ErrorCode,
}

/// How an imported invoice stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportedStatus {
    Issued,
    Draft,
    Cancelled,
}

/// Who an invoice is for, as the file names them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClientKey {
    pub external_ref: Option<String>,
    pub name: String,
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientRow {
    pub row: u64,
    pub external_ref: Option<String>,
    pub details: ClientDetails,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceRow {
    pub row: u64,
    pub number: String,
    pub client: ClientKey,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub status: ImportedStatus,
    pub lines: Vec<LineItem>,
    pub totals: Totals,
    /// Already paid, per the file.
    pub paid_minor: i64,
    /// Credited by credit notes, per the file (never counted as paid).
    pub credited_minor: i64,
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentRow {
    pub row: u64,
    pub invoice_number: String,
    pub date: NaiveDate,
    pub amount_minor: i64,
    /// As the file says; `None` when it names none (the invoice's is used).
    pub currency: Option<Currency>,
    pub method: PaymentMethod,
    pub reference: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Records {
    Clients(Vec<ClientRow>),
    Invoices(Vec<InvoiceRow>),
    Payments(Vec<PaymentRow>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub records: Records,
    pub problems: Vec<Problem>,
    /// Data rows read (blank lines not counted).
    pub rows: usize,
    /// Rows that repeat an earlier row exactly (skipped).
    pub repeated_rows: usize,
    pub headers: Vec<String>,
    /// Header names no field reads: ignored, and reported.
    pub ignored_columns: Vec<String>,
}

/// Reads every row of `bytes` with `mapping`.
pub fn parse(bytes: &[u8], mapping: &Mapping) -> Result<Parsed, CsvError> {
    let recs = records(bytes, mapping)?;
    let header_row = mapping.header_row as usize;
    let headers = recs.get(header_row).map(|r| r.cells.clone()).ok_or_else(|| {
        CsvError::Mapping(format!("the file has no row {}; choose the row that holds the column names", header_row + 1))
    })?;
    check_mapping(mapping, &headers)?;
    let default_currency = Currency::parse(&mapping.default_currency).ok();
    let mut ctx = Ctx { m: mapping, headers: &headers, problems: Vec::new(), default_currency };
    let data = &recs[header_row + 1..];
    let mut repeated_rows = 0;
    let records = match mapping.kind {
        ImportKind::Clients => Records::Clients(data.iter().filter_map(|r| ctx.client(r.line, &r.cells)).collect()),
        ImportKind::Payments => Records::Payments(data.iter().filter_map(|r| ctx.payment(r.line, &r.cells)).collect()),
        ImportKind::Invoices => {
            let (inv, rep) = ctx.invoices(data);
            repeated_rows = rep;
            Records::Invoices(inv)
        }
    };
    let ignored_columns = unused_columns(mapping, &headers);
    let mut problems = ctx.problems;
    problems.sort_by_key(|p| p.row);
    Ok(Parsed { records, problems, rows: data.len(), repeated_rows, headers, ignored_columns })
}

fn check_mapping(m: &Mapping, headers: &[String]) -> Result<(), CsvError> {
    let missing: Vec<&str> = m.kind.required().iter().filter(|f| m.column(**f).is_none()).map(|f| f.label()).collect();
    if !missing.is_empty() {
        return Err(CsvError::Mapping(format!("choose the column for: {}", missing.join(", "))));
    }
    if m.kind == ImportKind::Invoices {
        if m.column(F::ClientName).is_none() && m.column(F::ClientRef).is_none() {
            return Err(CsvError::Mapping("choose the column with the client's name (or client ID)".into()));
        }
        if [F::UnitPrice, F::NetAmount, F::Total].iter().all(|f| m.column(*f).is_none()) {
            return Err(CsvError::Mapping(
                "choose the column with the unit price (invoices with lines) or the total (totals only)".into(),
            ));
        }
    }
    for c in &m.columns {
        if let Some(i) = c.column {
            if i as usize >= headers.len() {
                return Err(CsvError::Mapping(format!(
                    "“{}” reads column {}, but the header row has {} columns",
                    c.field.label(),
                    i + 1,
                    headers.len()
                )));
            }
        }
    }
    let needs_default = [F::Currency].iter().all(|f| m.column(*f).is_none()) && m.kind == ImportKind::Invoices;
    if needs_default && Currency::parse(&m.default_currency).is_err() {
        return Err(CsvError::Mapping(format!(
            "the file has no currency column and “{}” is not a currency code; choose one (e.g. EUR)",
            excerpt(&m.default_currency)
        )));
    }
    Ok(())
}

struct Ctx<'a> {
    m: &'a Mapping,
    headers: &'a [String],
    problems: Vec<Problem>,
    default_currency: Option<Currency>,
}

/// The cells of one row with the mapping's columns.
struct Row<'a> {
    line: u64,
    cells: &'a [String],
}

impl Ctx<'_> {
    fn header(&self, f: F) -> String {
        self.m
            .column(f)
            .and_then(|i| self.headers.get(i))
            .map_or_else(|| f.label().to_string(), |h| h.trim().to_string())
    }

    fn cell<'r>(&self, row: &Row<'r>, f: F) -> Option<&'r str> {
        // A cell a spreadsheet-safe export wrote as "'=…" reads as "=…".
        self.m
            .column(f)
            .and_then(|i| row.cells.get(i))
            .map(|s| crate::writer::unneutralise(s.trim()))
            .filter(|s| !s.is_empty())
    }

    fn problem(&mut self, row: &Row<'_>, f: Option<F>, value: &str, code: ErrorCode, message: String) {
        self.problems.push(Problem {
            row: row.line,
            column: f.map(|f| self.header(f)).unwrap_or_default(),
            value: excerpt(value),
            message,
            code,
        });
    }

    /// A ragged row (fewer cells than the header where a field reads, or
    /// more cells with text in them) is one problem; its other cells are not read.
    fn ragged(&mut self, row: &Row<'_>) -> bool {
        let n = row.cells.len();
        let h = self.headers.len();
        let short = n < h && self.m.columns.iter().any(|c| c.column.is_some_and(|i| i as usize >= n));
        let long = n > h && row.cells[h..].iter().any(|c| !c.trim().is_empty());
        if short || long {
            let msg = format!("the row has {n} cells but the header has {h}; check for a missing or extra delimiter");
            self.problem(row, None, &row.cells.join(&self.m.delimiter), ErrorCode::ImportRowRagged, msg);
        }
        short || long
    }

    fn date(&mut self, row: &Row<'_>, f: F) -> Option<NaiveDate> {
        let Some(v) = self.cell(row, f) else {
            self.problem(row, Some(f), "", ErrorCode::Required, format!("the {} is empty", f.label().to_lowercase()));
            return None;
        };
        let d = self.m.date_format.read(v);
        if d.is_none() {
            let msg = format!(
                "“{}” is not a date in the {} format; change “Date format” if the file writes dates another way",
                excerpt(v),
                self.m.date_format.label()
            );
            self.problem(row, Some(f), v, ErrorCode::InvalidDate, msg);
        }
        d
    }

    /// An amount in `currency`'s minor units; `None` (and a problem) when it
    /// is not one. A value that reads with the other decimal separator says so.
    fn amount(&mut self, row: &Row<'_>, f: F, v: &str, currency: Currency) -> Option<i64> {
        let sep = self.m.decimal;
        let clean = clean_amount(v);
        if let Some(x) = parse_minor(&clean, sep.char(), currency.exponent(), true) {
            return Some(x);
        }
        let other = parse_minor(&clean, sep.other().char(), currency.exponent(), true);
        let code = if other.is_some() { ErrorCode::ImportDecimalSeparator } else { ErrorCode::InvalidAmount };
        let msg = match other {
            Some(_) => format!(
                "“{}” is not an amount with a decimal {}: the file seems to use a decimal {}; change “Decimal separator”",
                excerpt(v),
                if sep == crate::DecimalSeparator::Point { "point" } else { "comma" },
                if sep == crate::DecimalSeparator::Point { "comma" } else { "point" },
            ),
            None => format!("“{}” is not an amount in {}", excerpt(v), currency.code()),
        };
        self.problem(row, Some(f), v, code, msg);
        None
    }

    /// Reads the row's amount cells for their problems alone (the row is
    /// already refused), in the row's currency when it names a valid one.
    fn check_amounts(&mut self, row: &Row<'_>) {
        let named = self.cell(row, F::Currency).map(Currency::parse);
        let Some(currency) = (match named {
            Some(Ok(c)) => Some(c),
            Some(Err(_)) => None,
            None => self.default_currency,
        }) else {
            return;
        };
        for f in [F::UnitPrice, F::NetAmount, F::TaxAmount, F::Total, F::AmountPaid] {
            if let Some(v) = self.cell(row, f) {
                self.amount(row, f, v, currency);
            }
        }
    }

    fn currency(&mut self, row: &Row<'_>) -> Option<Currency> {
        match self.cell(row, F::Currency) {
            Some(code) => match Currency::parse(code) {
                Ok(c) => Some(c),
                Err(_) => {
                    let msg = format!("“{}” is not an ISO 4217 currency code (such as EUR or USD)", excerpt(code));
                    self.problem(row, Some(F::Currency), code, ErrorCode::UnknownCurrency, msg);
                    None
                }
            },
            None => self.default_currency,
        }
    }

    fn domain(&mut self, row: &Row<'_>, e: &DomainError) {
        let f = match e.field().as_deref() {
            Some("display_name") => Some(F::ClientName),
            Some("greeting_name") => Some(F::GreetingName),
            Some("company") => Some(F::Company),
            Some("emails") => Some(F::Email),
            Some("phone") => Some(F::Phone),
            Some("address") => Some(if self.m.column(F::Address).is_some() { F::Address } else { F::Street }),
            Some("language") => Some(F::Language),
            Some("notes") => Some(F::Notes),
            Some("description") => Some(F::Description),
            Some("quantity") => Some(F::Quantity),
            Some("tax_rate") => Some(F::TaxRate),
            Some("unit_price") => Some(F::UnitPrice),
            _ => None,
        };
        let v = f.and_then(|f| self.cell(row, f)).unwrap_or("");
        let msg = kindly_core_message(e);
        self.problem(row, f, v, e.code(), msg);
    }

    fn client(&mut self, line: u64, cells: &[String]) -> Option<ClientRow> {
        let row = Row { line, cells };
        if self.ragged(&row) {
            return None;
        }
        let get = |f: F| self.cell(&row, f).unwrap_or("");
        let emails: Vec<String> = split_emails(get(F::Email));
        let address = self.address(&row);
        let language = language_code(get(F::Language));
        let form = ClientForm {
            display_name: get(F::ClientName),
            greeting_name: get(F::GreetingName),
            company: get(F::Company),
            emails: &emails,
            phone: get(F::Phone),
            address: &address,
            language: &language,
            notes: get(F::Notes),
        };
        if form.display_name.is_empty() {
            self.problem(&row, Some(F::ClientName), "", ErrorCode::Required, "the client's name is empty".into());
            return None;
        }
        match ClientDetails::validate(&form) {
            Ok(details) => {
                Some(ClientRow { row: line, external_ref: self.cell(&row, F::ClientRef).map(str::to_string), details })
            }
            Err(e) => {
                self.domain(&row, &e);
                None
            }
        }
    }

    /// The address column, or street, postcode and city, and country joined on lines.
    fn address(&self, row: &Row<'_>) -> String {
        if let Some(a) = self.cell(row, F::Address) {
            return a.replace("\r\n", "\n");
        }
        let town =
            [self.cell(row, F::Postcode), self.cell(row, F::City)].into_iter().flatten().collect::<Vec<_>>().join(" ");
        [
            self.cell(row, F::Street).map(str::to_string),
            Some(town).filter(|t| !t.is_empty()),
            self.cell(row, F::Country).map(str::to_string),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
    }

    fn payment(&mut self, line: u64, cells: &[String]) -> Option<PaymentRow> {
        let row = Row { line, cells };
        if self.ragged(&row) {
            return None;
        }
        let number = self.cell(&row, F::InvoiceNumber).map(str::to_string);
        if number.is_none() {
            self.problem(&row, Some(F::InvoiceNumber), "", ErrorCode::Required, "the invoice number is empty".into());
        }
        let date = self.date(&row, F::PaymentDate);
        let currency = match self.cell(&row, F::Currency) {
            Some(_) => self.currency(&row),
            None => None,
        };
        // Parsed with the file's currency, or two decimals until the invoice is known.
        let exp_currency = currency.or(self.default_currency).unwrap_or(Currency::EUR);
        let amount = match self.cell(&row, F::Amount) {
            Some(v) => match self.amount(&row, F::Amount, v, exp_currency) {
                Some(a) if a <= 0 => {
                    self.problem(
                        &row,
                        Some(F::Amount),
                        v,
                        ErrorCode::InvalidAmount,
                        "a payment must be more than zero".into(),
                    );
                    None
                }
                a => a,
            },
            None => {
                self.problem(&row, Some(F::Amount), "", ErrorCode::Required, "the amount is empty".into());
                None
            }
        };
        let method = self.cell(&row, F::Method).map_or(PaymentMethod::BankTransfer, method_of);
        let reference = self.cell(&row, F::Reference).map(str::to_string);
        Some(PaymentRow {
            row: line,
            invoice_number: number?,
            date: date?,
            amount_minor: amount?,
            currency: currency.filter(|_| self.cell(&row, F::Currency).is_some()),
            method,
            reference,
        })
    }

    fn invoices(&mut self, data: &[crate::reader::Record]) -> (Vec<InvoiceRow>, usize) {
        let lines_mode = self.m.column(F::UnitPrice).is_some();
        let mut out: Vec<InvoiceRow> = Vec::new();
        // Per invoice: index in `out`, the file total (lines mode) and whether a row failed.
        let mut seen: HashMap<String, (usize, Option<i64>, bool)> = HashMap::new();
        let mut failed: HashMap<String, bool> = HashMap::new();
        let mut repeated = 0;
        let mut last_cells: HashMap<String, Vec<&[String]>> = HashMap::new();
        // Lines without a tax rate but an invoice tax total (Xero's TaxTotal).
        let mut file_tax: HashMap<String, i64> = HashMap::new();
        for r in data {
            let row = Row { line: r.line, cells: &r.cells };
            if self.ragged(&row) {
                continue;
            }
            let Some(head) = self.invoice_head(&row) else {
                // The amounts are still read, so one dry run names every
                // problem of the row, not only the first field that failed.
                self.check_amounts(&row);
                if let Some(n) = self.cell(&row, F::InvoiceNumber) {
                    failed.insert(n.to_string(), true);
                }
                continue;
            };
            let prior = last_cells.entry(head.number.clone()).or_default();
            if prior.contains(&r.cells.as_slice()) && !lines_mode {
                repeated += 1;
                continue;
            }
            prior.push(&r.cells);
            let line_and_total = self.invoice_amounts(&row, &head, lines_mode);
            if lines_mode && self.m.column(F::TaxRate).is_none() {
                if let Some(v) = self.cell(&row, F::TaxAmount) {
                    if let Some(t) = self.amount(&row, F::TaxAmount, v, head.currency) {
                        file_tax.insert(head.number.clone(), t);
                    }
                }
            }
            match seen.get(&head.number).copied() {
                None => {
                    let Some((line, file_total, (paid, credited))) = line_and_total else {
                        failed.insert(head.number.clone(), true);
                        continue;
                    };
                    let mut inv = head;
                    inv.lines = vec![line.0];
                    inv.totals = line.1;
                    inv.paid_minor = paid;
                    inv.credited_minor = credited;
                    seen.insert(inv.number.clone(), (out.len(), file_total, false));
                    out.push(inv);
                }
                Some((i, _, _)) => {
                    let first = &out[i];
                    let diff = [
                        (F::ClientName, first.client.name != head.client.name),
                        (F::ClientRef, first.client.external_ref != head.client.external_ref),
                        (F::IssueDate, first.issue_date != head.issue_date),
                        (F::DueDate, first.due_date != head.due_date),
                        (F::Currency, first.currency != head.currency),
                        (F::Status, first.status != head.status),
                    ]
                    .into_iter()
                    .find(|(_, d)| *d);
                    if !lines_mode || diff.is_some() {
                        let f = diff.map(|d| d.0).unwrap_or(F::InvoiceNumber);
                        let v = self.cell(&row, f).unwrap_or("").to_string();
                        let msg = format!(
                            "invoice {} is already on row {} with different data; the same invoice number cannot name two invoices",
                            excerpt(&head.number),
                            first.row
                        );
                        self.problem(&row, Some(f), &v, ErrorCode::DuplicateInvoiceNumber, msg);
                        failed.insert(head.number.clone(), true);
                        continue;
                    }
                    let Some((line, _, _)) = line_and_total else {
                        failed.insert(head.number.clone(), true);
                        continue;
                    };
                    if out[i].lines.len() >= kindly_core::invoice::MAX_LINES {
                        let msg = format!("an invoice has at most {} lines", kindly_core::invoice::MAX_LINES);
                        self.problem(&row, Some(F::Description), "", ErrorCode::TooLong, msg);
                        continue;
                    }
                    out[i].lines.push(line.0);
                }
            }
        }
        // Lines mode: totals from the lines, checked against the file's total.
        if lines_mode {
            for inv in &mut out {
                match compute_totals(&inv.lines) {
                    Ok(mut t) => {
                        if let Some(tax) = file_tax.get(&inv.number).copied().filter(|t| *t > 0) {
                            // The rate the invoice's tax implies, on every line; the
                            // tax itself exactly as the file says.
                            let net = t.subtotal_minor;
                            let rate = if net > 0 {
                                kindly_core::decimal::div_round_half_away(i128::from(tax) * 10_000, i128::from(net))
                            } else {
                                0
                            };
                            for l in &mut inv.lines {
                                l.tax_rate_bp = rate.clamp(0, 10_000) as i64;
                            }
                            if let Ok(r) = compute_totals(&inv.lines) {
                                t = r;
                            }
                            t.tax_minor = tax;
                            t.total_minor = net + tax;
                            if let [one] = t.taxes.as_mut_slice() {
                                one.tax_minor = tax;
                            }
                        }
                        inv.totals = t;
                    }
                    Err(e) => {
                        let msg = kindly_core_message(&e);
                        self.problems.push(Problem {
                            row: inv.row,
                            column: String::new(),
                            value: String::new(),
                            message: msg,
                            code: e.code(),
                        });
                        failed.insert(inv.number.clone(), true);
                        continue;
                    }
                }
                if let Some((_, Some(file_total), _)) = seen.get(&inv.number) {
                    if *file_total != inv.totals.total_minor {
                        let msg = format!(
                            "the lines of invoice {} add up to {} but the file says {}; check the quantities, prices and tax rates",
                            excerpt(&inv.number),
                            Money::new(inv.totals.total_minor, inv.currency).plain(),
                            Money::new(*file_total, inv.currency).plain()
                        );
                        let header = self.header(F::Total);
                        self.problems.push(Problem {
                            row: inv.row,
                            column: header,
                            value: Money::new(*file_total, inv.currency).plain(),
                            message: msg,
                            code: ErrorCode::ImportTotalsDiffer,
                        });
                        failed.insert(inv.number.clone(), true);
                    }
                }
                if inv.paid_minor <= inv.totals.total_minor
                    && inv.paid_minor + inv.credited_minor > inv.totals.total_minor
                {
                    let msg = format!(
                        "the amount credited and the amount paid together are more than the invoice's total ({})",
                        Money::new(inv.totals.total_minor, inv.currency).plain()
                    );
                    let header = self.header(F::AmountCredited);
                    self.problems.push(Problem {
                        row: inv.row,
                        column: header,
                        value: Money::new(inv.credited_minor, inv.currency).plain(),
                        message: msg,
                        code: ErrorCode::ImportPaidOverTotal,
                    });
                    failed.insert(inv.number.clone(), true);
                }
                if inv.paid_minor > inv.totals.total_minor {
                    let msg = format!(
                        "the amount paid is more than the invoice's total ({})",
                        Money::new(inv.totals.total_minor, inv.currency).plain()
                    );
                    let header = self.header(F::AmountPaid);
                    self.problems.push(Problem {
                        row: inv.row,
                        column: header,
                        value: Money::new(inv.paid_minor, inv.currency).plain(),
                        message: msg,
                        code: ErrorCode::ImportPaidOverTotal,
                    });
                    failed.insert(inv.number.clone(), true);
                }
            }
        }
        out.retain(|inv| !failed.contains_key(&inv.number));
        (out, repeated)
    }

    /// The invoice's own fields (those repeated on each of its rows).
    fn invoice_head(&mut self, row: &Row<'_>) -> Option<InvoiceRow> {
        let number = self.cell(row, F::InvoiceNumber).map(str::to_string);
        if number.is_none() {
            self.problem(row, Some(F::InvoiceNumber), "", ErrorCode::Required, "the invoice number is empty".into());
        }
        let name = self.cell(row, F::ClientName).map(str::to_string);
        let external_ref = self.cell(row, F::ClientRef).map(str::to_string);
        if name.is_none() && external_ref.is_none() {
            self.problem(row, Some(F::ClientName), "", ErrorCode::Required, "the client's name is empty".into());
        }
        let email = match self.cell(row, F::Email) {
            Some(e) => match kindly_core::client::validate_email(split_emails(e).first().map_or("", String::as_str)) {
                Ok(x) => x,
                Err(err) => {
                    self.domain(row, &err);
                    return None;
                }
            },
            None => None,
        };
        let issue = self.date(row, F::IssueDate);
        let due = self.date(row, F::DueDate);
        if let (Some(i), Some(d)) = (issue, due) {
            if d < i {
                let msg = format!("the due date ({d}) is before the issue date ({i})");
                let v = self.cell(row, F::DueDate).unwrap_or("").to_string();
                self.problem(row, Some(F::DueDate), &v, ErrorCode::DueBeforeIssue, msg);
                return None;
            }
        }
        let currency = self.currency(row);
        if currency.is_none() && self.cell(row, F::Currency).is_none() {
            self.problem(
                row,
                Some(F::Currency),
                "",
                ErrorCode::Required,
                "the currency is empty; choose a default currency".into(),
            );
        }
        let status = match self.cell(row, F::Status) {
            None => Some(ImportedStatus::Issued),
            Some(s) => {
                let st = status_of(s);
                if st.is_none() {
                    let msg = format!("“{}” is not a status Kindly knows (issued, paid, draft, cancelled)", excerpt(s));
                    self.problem(row, Some(F::Status), s, ErrorCode::ImportStatusUnknown, msg);
                }
                st
            }
        };
        let notes = self.cell(row, F::Notes).unwrap_or("").to_string();
        if let Err(e) = kindly_core::text::multi_line(&notes, "notes", 10_000) {
            self.domain(row, &e);
            return None;
        }
        Some(InvoiceRow {
            row: row.line,
            number: number?,
            client: ClientKey { external_ref, name: name.unwrap_or_default(), email },
            issue_date: issue?,
            due_date: due?,
            currency: currency?,
            status: status?,
            lines: Vec::new(),
            totals: Totals { subtotal_minor: 0, taxes: Vec::new(), tax_minor: 0, total_minor: 0 },
            paid_minor: 0,
            credited_minor: 0,
            notes,
        })
    }

    /// The row's line (and the totals, in totals mode), the file's total and
    /// the amounts paid and credited.
    fn invoice_amounts(&mut self, row: &Row<'_>, head: &InvoiceRow, lines_mode: bool) -> Option<RowAmounts> {
        let c = head.currency;
        let mut ok = true;
        let mut money = |ctx: &mut Self, f: F| -> Option<i64> {
            let v = ctx.cell(row, f)?;
            let a = ctx.amount(row, f, v, c);
            match a {
                None => {
                    ok = false;
                    None
                }
                Some(x) if x < 0 => {
                    let msg = format!("{} is negative; credit notes and discounts are not imported", f.label());
                    ctx.problem(row, Some(f), v, ErrorCode::InvalidAmount, msg);
                    ok = false;
                    None
                }
                x => x,
            }
        };
        let total = money(self, F::Total);
        let paid = money(self, F::AmountPaid).unwrap_or(0);
        let credited = money(self, F::AmountCredited).unwrap_or(0);
        let description =
            self.cell(row, F::Description).map_or_else(|| format!("Invoice {}", head.number), str::to_string);
        let result = if lines_mode {
            let unit = money(self, F::UnitPrice);
            let qty = match parse_quantity(self.cell(row, F::Quantity).unwrap_or("")) {
                Ok(q) => Some(q),
                Err(e) => {
                    self.domain(row, &e);
                    None
                }
            };
            let rate = match parse_tax_rate(self.cell(row, F::TaxRate).unwrap_or("")) {
                Ok(r) => Some(r),
                Err(e) => {
                    self.domain(row, &e);
                    None
                }
            };
            if self.cell(row, F::UnitPrice).is_none() {
                self.problem(row, Some(F::UnitPrice), "", ErrorCode::Required, "the unit price is empty".into());
                return None;
            }
            let line = LineItem { description, quantity_milli: qty?, unit_price_minor: unit?, tax_rate_bp: rate? };
            let totals = Totals { subtotal_minor: 0, taxes: Vec::new(), tax_minor: 0, total_minor: 0 };
            Some(((line, totals), total, (paid, credited)))
        } else {
            let net = money(self, F::NetAmount);
            let tax = money(self, F::TaxAmount);
            let (net, tax, total) = match (net, tax, total) {
                (Some(n), Some(t), Some(g)) => (n, t, g),
                (Some(n), Some(t), None) => (n, t, n + t),
                (Some(n), None, Some(g)) => (n, g - n, g),
                (None, Some(t), Some(g)) => (g - t, t, g),
                (Some(n), None, None) => (n, 0, n),
                (None, None, Some(g)) => (g, 0, g),
                _ => {
                    if ok {
                        self.problem(row, Some(F::Total), "", ErrorCode::Required, "the total is empty".into());
                    }
                    return None;
                }
            };
            if net < 0 || tax < 0 || net + tax != total {
                let msg = format!(
                    "net {} plus tax {} is not the total {}",
                    Money::new(net, c).plain(),
                    Money::new(tax, c).plain(),
                    Money::new(total, c).plain()
                );
                let v = self.cell(row, F::Total).unwrap_or("").to_string();
                self.problem(row, Some(F::Total), &v, ErrorCode::ImportTotalsDiffer, msg);
                return None;
            }
            // One line at the rate the totals imply (rounded to a basis point);
            // the totals are kept exactly as the file says.
            let rate = if net > 0 {
                kindly_core::decimal::div_round_half_away(i128::from(tax) * 10_000, i128::from(net))
            } else {
                0
            };
            if !(0..=10_000).contains(&rate) {
                let msg = "the tax is more than the net amount".to_string();
                let v = self.cell(row, F::TaxAmount).unwrap_or("").to_string();
                self.problem(row, Some(F::TaxAmount), &v, ErrorCode::ImportTotalsDiffer, msg);
                return None;
            }
            let line = LineItem { description, quantity_milli: 1000, unit_price_minor: net, tax_rate_bp: rate as i64 };
            let mut totals = compute_totals(std::slice::from_ref(&line)).ok()?;
            totals.tax_minor = tax;
            totals.total_minor = total;
            if let Some(t) = totals.taxes.first_mut() {
                t.tax_minor = tax;
            }
            if paid > total {
                let msg =
                    format!("the amount paid is more than the invoice's total ({})", Money::new(total, c).plain());
                let v = self.cell(row, F::AmountPaid).unwrap_or("").to_string();
                self.problem(row, Some(F::AmountPaid), &v, ErrorCode::ImportPaidOverTotal, msg);
                return None;
            }
            if paid + credited > total {
                let msg = format!(
                    "the amount credited and the amount paid together are more than the invoice's total ({})",
                    Money::new(total, c).plain()
                );
                let v = self.cell(row, F::AmountCredited).unwrap_or("").to_string();
                self.problem(row, Some(F::AmountCredited), &v, ErrorCode::ImportPaidOverTotal, msg);
                return None;
            }
            Some(((line, totals), Some(total), (paid, credited)))
        };
        if !ok {
            return None;
        }
        result
    }
}

/// A row's line (and totals), the file's total, and (paid, credited).
type RowAmounts = ((LineItem, Totals), Option<i64>, (i64, i64));

/// A domain error's message as a sentence fragment.
fn kindly_core_message(e: &DomainError) -> String {
    e.to_string()
}

/// E-mail cells may list several addresses, separated by `;`, `,` or spaces.
pub fn split_emails(s: &str) -> Vec<String> {
    s.split([';', ',', ' ', '\n']).map(str::trim).filter(|e| !e.is_empty()).map(str::to_string).collect()
}

/// A language cell as a Kindly language code ("Deutsch" → "de").
fn language_code(s: &str) -> String {
    match crate::fields::fold(s).as_str() {
        "" => String::new(),
        "english" | "englisch" | "anglais" | "ingles" => "en".into(),
        "german" | "deutsch" | "allemand" | "aleman" => "de".into(),
        "french" | "franzoesisch" | "francais" | "frances" => "fr".into(),
        "spanish" | "spanisch" | "espagnol" | "espanol" => "es".into(),
        other => other.chars().take(2).collect(),
    }
}

/// Invoice status words of the tools' exports in the four languages.
fn status_of(s: &str) -> Option<ImportedStatus> {
    let f = crate::fields::fold(s);
    let issued = [
        "issued",
        "sent",
        "open",
        "unpaid",
        "paid",
        "overdue",
        "partial",
        "partiallypaid",
        "awaitingpayment",
        "approved",
        "viewed",
        "closed",
        "offen",
        "bezahlt",
        "teilbezahlt",
        "ueberfaellig",
        "versendet",
        "gestellt",
        "ouverte",
        "envoyee",
        "payee",
        "impayee",
        "enretard",
        "emitida",
        "enviada",
        "pagada",
        "pendiente",
        "vencida",
    ];
    let draft = ["draft", "entwurf", "brouillon", "borrador"];
    let cancelled = ["cancelled", "canceled", "void", "voided", "storniert", "annulee", "anulada", "cancelada"];
    if issued.contains(&f.as_str()) {
        Some(ImportedStatus::Issued)
    } else if draft.contains(&f.as_str()) {
        Some(ImportedStatus::Draft)
    } else if cancelled.contains(&f.as_str()) {
        Some(ImportedStatus::Cancelled)
    } else {
        None
    }
}

/// A payment method cell ("bank_transfer", "Bank transfer", "Überweisung", …).
fn method_of(s: &str) -> PaymentMethod {
    match crate::fields::fold(s).as_str() {
        "card" | "creditcard" | "debitcard" | "karte" | "kreditkarte" | "carte" | "cartebancaire" | "tarjeta" => {
            PaymentMethod::Card
        }
        "paypal" => PaymentMethod::Paypal,
        "cash" | "bar" | "barzahlung" | "especes" | "efectivo" => PaymentMethod::Cash,
        "cheque" | "check" | "scheck" => PaymentMethod::Cheque,
        "banktransfer" | "transfer" | "bank" | "wire" | "ueberweisung" | "virement" | "transferencia" | "sepa" => {
            PaymentMethod::BankTransfer
        }
        _ => PaymentMethod::Other,
    }
}

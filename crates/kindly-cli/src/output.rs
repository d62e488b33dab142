//! Text and JSON renderings of the use cases' results.

use kindly_api::clients::{ClientDetail, ClientRow};
use kindly_api::followups::{MessagePreview, QueuePage};
use kindly_api::invoices::{InvoiceDetail, InvoiceRow};
use kindly_api::payments::PaymentRow;
use kindly_api::status::AppStatus;
use kindly_api::views::{MoneyView, Page, TimelineItem};
use kindly_api::ApiError;
use kindly_api::ErrorCode;
use serde::Serialize;
use std::cell::Cell;
use std::fmt::Write;

pub struct Out {
    pub json: bool,
    /// The exit status when the command succeeded (0 unless a command says
    /// otherwise, e.g. `emails send` whose batch stopped).
    status: Cell<u8>,
}

fn to_json<T: Serialize>(v: &T) -> Result<String, ApiError> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot write JSON: {e}"), None))
}

fn owing(v: &[MoneyView]) -> String {
    if v.is_empty() {
        "-".into()
    } else {
        v.iter().map(|m| m.formatted.as_str()).collect::<Vec<_>>().join(" + ")
    }
}

/// "follow-ups on hold: disputed (reason)", "… paused through DAY", or None.
fn hold_text(d: &InvoiceDetail) -> Option<String> {
    let kind = d.hold?.as_str();
    let until = d.hold_until.as_deref().map(|u| format!(" through {u}")).unwrap_or_default();
    let reason = if d.hold_reason.is_empty() { String::new() } else { format!(" ({})", d.hold_reason) };
    Some(format!("follow-ups on hold: {kind}{until}{reason}"))
}

fn timeline(out: &mut String, items: &[TimelineItem]) {
    let _ = writeln!(out, "\nTimeline:");
    for t in items {
        let _ = writeln!(out, "  {}  {}", t.at, t.summary);
    }
}

impl Out {
    pub fn new(json: bool) -> Out {
        Out { json, status: Cell::new(0) }
    }

    /// Exit with `status` after printing the output.
    pub fn set_status(&self, status: u8) {
        self.status.set(status);
    }

    pub fn status_code(&self) -> u8 {
        self.status.get()
    }

    pub fn value<T: Serialize>(&self, v: &T, text: impl FnOnce(&T) -> String) -> Result<String, ApiError> {
        if self.json {
            to_json(v)
        } else {
            Ok(text(v))
        }
    }

    pub fn id(&self, id: i64) -> Result<String, ApiError> {
        self.value(&serde_json::json!({ "id": id }), |_| format!("{id}\n"))
    }

    pub fn done(&self) -> Result<String, ApiError> {
        self.value(&serde_json::json!({ "ok": true }), |_| "ok\n".into())
    }

    pub fn status(&self, s: &AppStatus) -> Result<String, ApiError> {
        self.value(s, |s| {
            format!("database: {}\nempty: {}\ntoday: {}\nversion: {}\n", s.db_path, s.is_empty, s.today, s.version)
        })
    }

    pub fn clients(&self, p: &Page<ClientRow>) -> Result<String, ApiError> {
        self.value(p, |p| {
            let mut s = format!("{} client(s)\n", p.total);
            for c in &p.rows {
                let _ = writeln!(
                    s,
                    "{:>7}  {:<36}  {:<28}  owing {:<14}  overdue {}{}",
                    c.id,
                    c.display_name,
                    c.email.clone().unwrap_or_default(),
                    owing(&c.owing),
                    c.overdue_invoices,
                    c.oldest_overdue_days.map(|d| format!(" (oldest {d} days)")).unwrap_or_default()
                );
            }
            s
        })
    }

    pub fn client(&self, d: &ClientDetail) -> Result<String, ApiError> {
        self.value(d, |d| {
            let c = &d.client;
            let mut s = format!("{} (#{})\n", c.display_name, c.id);
            let _ = writeln!(s, "greeting: Dear {}", c.greeting_name);
            if let Some(co) = &c.company {
                let _ = writeln!(s, "company: {co}");
            }
            let _ = writeln!(s, "e-mail: {}", c.emails.join(", "));
            let _ = writeln!(s, "chasing: {}", c.chasing.mode);
            let _ = writeln!(s, "owing: {}", owing(&d.owing));
            let _ = writeln!(s, "\nInvoices ({}):", d.invoices.total);
            for i in &d.invoices.rows {
                let _ = writeln!(
                    s,
                    "  {:<18} {:<15} due {}  total {:<14} owing {}",
                    i.number, i.state, i.due_date, i.total.formatted, i.outstanding.formatted
                );
            }
            timeline(&mut s, &d.timeline);
            s
        })
    }

    pub fn invoices(&self, p: &Page<InvoiceRow>) -> Result<String, ApiError> {
        self.value(p, |p| {
            let mut s = format!("{} invoice(s)\n", p.total);
            for i in &p.rows {
                let _ = writeln!(
                    s,
                    "{:>7}  {:<18} {:<15} {:<30} due {}  total {:<14} owing {}",
                    i.id, i.number, i.state, i.client_name, i.due_date, i.total.formatted, i.outstanding.formatted
                );
            }
            s
        })
    }

    pub fn payments(&self, p: &Page<PaymentRow>) -> Result<String, ApiError> {
        self.value(p, |p| {
            let mut s = format!("{} payment(s)\n", p.total);
            for r in &p.rows {
                let _ = writeln!(
                    s,
                    "{:>6}  {}  {:>14}  {:<14} {:<18} {:<30} {}{}",
                    r.id,
                    r.date,
                    r.amount.formatted,
                    r.method_label,
                    r.invoice_number,
                    r.client_name,
                    r.reference.clone().unwrap_or_default(),
                    if r.reversed { "  (reversed)" } else { "" }
                );
            }
            s
        })
    }

    pub fn invoice(&self, d: &InvoiceDetail) -> Result<String, ApiError> {
        self.value(d, |d| {
            let mut s = format!("Invoice {} (#{}) for {}\n", d.number, d.id, d.client_name);
            let _ = writeln!(s, "state: {}  issued {}  due {}", d.state, d.issue_date, d.due_date);
            if let Some(h) = hold_text(d) {
                let _ = writeln!(s, "{h}");
            }
            for l in &d.lines {
                let _ = writeln!(
                    s,
                    "  {} × {} @ {} ({}% tax) = {}",
                    l.quantity, l.description, l.unit_price.formatted, l.tax_rate, l.net.formatted
                );
            }
            let _ = writeln!(
                s,
                "subtotal {}  tax {}  total {}",
                d.totals.subtotal.formatted, d.totals.tax.formatted, d.totals.total.formatted
            );
            let _ = writeln!(s, "paid {}  outstanding {}", d.paid.formatted, d.outstanding.formatted);
            if !d.credited.is_zero || !d.client_credit.is_zero {
                let _ = writeln!(s, "credited {}  client credit {}", d.credited.formatted, d.client_credit.formatted);
            }
            for p in &d.payments {
                let _ = write!(s, "  payment #{} {} {} ({})", p.id, p.paid_on, p.amount.formatted, p.method_label);
                match (&p.reversed_on, &p.reversal_reason) {
                    (Some(on), Some(why)) => {
                        let _ = writeln!(s, " reversed on {on}: {why}");
                    }
                    _ => s.push('\n'),
                }
            }
            for n in &d.credit_notes {
                let _ = writeln!(s, "  credit note {} {} {}: {}", n.number, n.issue_date, n.amount.formatted, n.reason);
            }
            for r in &d.refunds {
                let _ =
                    writeln!(s, "  refund {} {} ({}): {}", r.refunded_on, r.amount.formatted, r.method_label, r.reason);
            }
            timeline(&mut s, &d.timeline);
            s
        })
    }

    /// An invoice's hold after `invoices hold` / `invoices resume`.
    pub fn hold(&self, d: &InvoiceDetail) -> Result<String, ApiError> {
        let v = serde_json::json!({
            "id": d.id,
            "number": d.number,
            "hold": d.hold,
            "hold_until": d.hold_until,
            "hold_reason": d.hold_reason,
        });
        self.value(&v, |_| format!("{} {}\n", d.number, hold_text(d).unwrap_or_else(|| "follow-ups resumed".into())))
    }

    pub fn queue(&self, q: &QueuePage) -> Result<String, ApiError> {
        self.value(q, |q| {
            let mut s = format!("{} follow-up(s) due on {}\n", q.total, q.today);
            for i in &q.items {
                let _ = writeln!(
                    s,
                    "{:>7}  {:<18} {:<30} {:<26} {:<7} owing {:<14} {} days overdue",
                    i.invoice_id,
                    i.number,
                    i.client_name,
                    i.stage.name,
                    i.channel,
                    i.outstanding.formatted,
                    i.days_overdue
                );
            }
            if !q.installments.is_empty() {
                let _ = writeln!(s, "{} installment reminder(s)", q.installments.len());
            }
            for i in &q.installments {
                let _ = writeln!(
                    s,
                    "   plan {:>3}  {:<30} {:<14} installment {}/{} due {}  {:<7} owing {}",
                    i.plan_id, i.client_name, i.kind, i.seq, i.count, i.due_on, i.channel, i.amount.formatted
                );
            }
            s
        })
    }

    pub fn message(&self, m: &MessagePreview) -> Result<String, ApiError> {
        self.value(m, |m| {
            let mut s = format!(
                "To: {} ({})\nStage: {} · {}\nSubject: {}\n\n{}\n",
                m.client_name, m.channel, m.stage.name, m.stage.tone, m.subject, m.body
            );
            for f in &m.findings {
                let _ = writeln!(s, "tone: {} ({})", f.message, f.rule);
            }
            s
        })
    }
}

//! The timeline: an append-only record of everything that happened with a
//! client and their invoices. Entries are never edited or deleted; a
//! correction is a new entry that refers to the old one.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    ClientCreated,
    ClientUpdated,
    ChasingChanged,
    InvoiceCreated,
    InvoiceIssued,
    InvoiceCancelled,
    PaymentRecorded,
    Note,
    /// A step of the follow-up ladder was done: an e-mail sent, a letter
    /// printed, a call made.
    FollowUpDone,
    /// An e-mail in the outbox was withdrawn before it was sent (by the user,
    /// or because the invoice was paid meanwhile).
    EmailWithdrawn,
    /// An installment plan was proposed (or replaced a broken one).
    PlanProposed,
    /// The client agreed to a plan (the date and how are in `data`).
    PlanAgreed,
    PlanCompleted,
    /// An installment is later than the plan's grace period.
    PlanBroken,
    PlanCancelled,
    /// A new plan replaces the rest of this one.
    PlanRenegotiated,
    /// An installment heads-up, reminder or the broken-plan notice was sent.
    InstallmentReminder,
    /// A phone call made: its outcome (reached, voicemail, no answer, wrong number) and notes.
    CallLogged,
    /// Contact from the client: an incoming call, a received e-mail or letter.
    InboundContact,
    PromiseRecorded,
    PromiseKept,
    PromiseBroken,
    /// A new entry that corrects an earlier one (`refers_to`); the old one stays.
    Correction,
    /// An invoice issued elsewhere was imported from its e-invoice file
    /// (the file kept as evidence; its name and SHA-256 are in `data`).
    InvoiceImported,
    /// A statement of account (open invoices, payments, balance per
    /// currency) was sent to the client by e-mail (when the server accepted it).
    StatementSent,
    /// A statement of account was printed (the printer took it, or the user
    /// confirmed what the PDF viewer printed).
    StatementPrinted,
    /// A credit note was issued against an invoice (its number, amount,
    /// reason and VAT split are in `data`).
    CreditNoteIssued,
    /// A payment recorded by mistake was reversed (the payment stays; the
    /// reversal points at it).
    PaymentReversed,
    /// Money was paid back to the client out of their credit on an invoice.
    RefundMade,
    /// The user changed the client's statutory late-payment interest
    /// setting: on or off, the law, business or consumer (the new setting
    /// and the one before are in `data`).
    InterestChanged,
    /// The user entered a published reference rate for a half-year after
    /// Kindly's compiled rate table (series, first day, rate, source in `data`).
    InterestRateAdded,
}

impl EventKind {
    pub const ALL: [EventKind; 31] = [
        EventKind::ClientCreated,
        EventKind::ClientUpdated,
        EventKind::ChasingChanged,
        EventKind::InvoiceCreated,
        EventKind::InvoiceIssued,
        EventKind::InvoiceCancelled,
        EventKind::PaymentRecorded,
        EventKind::Note,
        EventKind::FollowUpDone,
        EventKind::EmailWithdrawn,
        EventKind::PlanProposed,
        EventKind::PlanAgreed,
        EventKind::PlanCompleted,
        EventKind::PlanBroken,
        EventKind::PlanCancelled,
        EventKind::PlanRenegotiated,
        EventKind::InstallmentReminder,
        EventKind::CallLogged,
        EventKind::InboundContact,
        EventKind::PromiseRecorded,
        EventKind::PromiseKept,
        EventKind::PromiseBroken,
        EventKind::Correction,
        EventKind::InvoiceImported,
        EventKind::StatementSent,
        EventKind::StatementPrinted,
        EventKind::CreditNoteIssued,
        EventKind::PaymentReversed,
        EventKind::RefundMade,
        EventKind::InterestChanged,
        EventKind::InterestRateAdded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::ClientCreated => "client_created",
            EventKind::ClientUpdated => "client_updated",
            EventKind::ChasingChanged => "chasing_changed",
            EventKind::InvoiceCreated => "invoice_created",
            EventKind::InvoiceIssued => "invoice_issued",
            EventKind::InvoiceCancelled => "invoice_cancelled",
            EventKind::PaymentRecorded => "payment_recorded",
            EventKind::Note => "note",
            EventKind::FollowUpDone => "follow_up_done",
            EventKind::EmailWithdrawn => "email_withdrawn",
            EventKind::PlanProposed => "plan_proposed",
            EventKind::PlanAgreed => "plan_agreed",
            EventKind::PlanCompleted => "plan_completed",
            EventKind::PlanBroken => "plan_broken",
            EventKind::PlanCancelled => "plan_cancelled",
            EventKind::PlanRenegotiated => "plan_renegotiated",
            EventKind::InstallmentReminder => "installment_reminder",
            EventKind::CallLogged => "call_logged",
            EventKind::InboundContact => "inbound_contact",
            EventKind::PromiseRecorded => "promise_recorded",
            EventKind::PromiseKept => "promise_kept",
            EventKind::PromiseBroken => "promise_broken",
            EventKind::Correction => "correction",
            EventKind::InvoiceImported => "invoice_imported",
            EventKind::StatementSent => "statement_sent",
            EventKind::StatementPrinted => "statement_printed",
            EventKind::CreditNoteIssued => "credit_note_issued",
            EventKind::PaymentReversed => "payment_reversed",
            EventKind::RefundMade => "refund_made",
            EventKind::InterestChanged => "interest_changed",
            EventKind::InterestRateAdded => "interest_rate_added",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_stored_names() {
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), serde_json::Value::String(k.as_str().into()));
        }
    }
}

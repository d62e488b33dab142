# Documents rendered in Rust: the evidence dossier (in the client's
# language), the reports (in the user's language), timeline summaries.

page-label = Page { $n } of { $m }
total = Total

## The evidence dossier
dossier-title = Payment record: { $client }
dossier-title-invoice = Payment record: { $client } · invoice { $number }
dossier-client = Client: { $who }
dossier-prepared = Prepared by { $business } on { $at }; all times are shown with their UTC offset.
dossier-counts = { $entries ->
    [one] One entry
   *[other] { $entries } entries
}, { $files ->
    [one] one attached file
   *[other] { $files } attached files
}. The timeline is append-only: corrections are new entries.
dossier-footer = { $business } · payment record of { $client }
dossier-summary = Summary as of { $date }
dossier-cancelled = { $number } (cancelled)
dossier-total = Total ({ $currency }): invoiced { $invoiced }, paid { $paid }, still owing { $owing }; most days overdue: { $days }.
dossier-payments = Payments received
dossier-promises = Promises to pay
dossier-contacts = Every contact, in order
dossier-corrects = { $summary } (corrects #{ $id })
dossier-texts = Full text of e-mails, letters, calls and notes
dossier-attachments = Attachments
dossier-no-files = No files are attached to these entries.
dossier-promise = promise: { $amount } by { $date }
col-invoice = Invoice
col-issued = Issued
col-due = Due
col-invoiced = Invoiced
col-paid = Paid
col-owing = Still owing
col-days-overdue = Days overdue
col-paid-on = Paid on
col-amount = Amount
col-method = Method
col-reference = Reference
col-promised-for = Promised for
col-given-by = Given by
col-recorded = Recorded
col-outcome = Outcome
col-entry = Entry
col-time = Time
col-kind = Kind
col-channel = Channel
col-direction = Direction
col-what = What happened
col-details = Details
col-refers-to = Corrects entry
col-files = Files
field-outcome = Outcome
field-from = From
field-to = To
field-date = Date
field-subject = Subject
field-retry-on = Try again on
field-hold = On hold
field-until = Until
field-reason = Reason

## Reports (the user's language)
report-aging-title = Aging report
report-aging-subtitle = Open invoices by days past their due date, as of { $date }.
report-per-currency = Per currency: amounts in different currencies are never added together.
report-aging-empty = Nothing is owing: every issued invoice is paid.
report-collected-title = Invoiced and collected per month
report-collected-subtitle = { $months ->
    [one] This month
   *[other] The last { $months } months
}, as of { $date }.
report-collected-explain = Invoiced: issued invoices by issue date (cancelled ones left out). Collected: payments by date.
report-collected-empty = Nothing was invoiced or collected yet.
col-client = Client
col-client-id = Client ID
col-currency = Currency
col-month = Month
col-invoices = Invoices
col-collected = Collected
col-payments = Payments

## Timeline summaries, rendered from each entry's recorded facts
timeline-invoice-created = Invoice { $number } created: { $total }
timeline-invoice-issued = Invoice { $number } issued
timeline-invoice-cancelled = Invoice { $number } cancelled
timeline-payment-recorded = Payment of { $amount } received for { $number } ({ $method }); { $outstanding } still owing
timeline-invoice-created-plain = Invoice { $number } created
timeline-payment-received-plain = Payment received for { $number }
timeline-interest-on = You turned statutory late-payment interest on for this client: { $law }, the client being { $debtor }.
timeline-interest-off = You turned statutory late-payment interest off for this client.
timeline-interest-rate-added = You added the published { $series } of { $rate } % from { $from } (source: { $source }); Kindly uses it for periods after its own rate table.

## E-invoices
einvoice-credit-terms = Credit note for invoice { $invoice }: set off against what is owed on it, or refunded.
letter-einvoice-issued = { $count ->
    [one] The invoice was issued as an e-invoice ({ $format }); I will gladly send it to you again if you need it.
   *[other] The invoices were issued as e-invoices ({ $format }); I will gladly send them to you again if you need them.
}
timeline-plan-proposed = { $count ->
    [one] Payment plan #{ $plan } proposed: { $total } in { $count } installment for { $invoices }
   *[other] Payment plan #{ $plan } proposed: { $total } in { $count } installments for { $invoices }
}
timeline-plan-agreed = Payment plan #{ $plan } ({ $invoices }) agreed on { $date } ({ $how }); the invoice reminders are paused while it is on track
timeline-plan-cancelled = Payment plan #{ $plan } ({ $invoices }) cancelled; the invoice reminders resume
timeline-plan-cancelled-invoice = Payment plan #{ $plan } ({ $invoices }) cancelled because an invoice in it was cancelled
timeline-plan-completed = Payment plan #{ $plan } ({ $invoices }) completed: all installments paid
timeline-plan-broken = { $days ->
    [one] Payment plan #{ $plan } ({ $invoices }) broken: installment { $installment } is { $days } day late; the invoice reminders resume
   *[other] Payment plan #{ $plan } ({ $invoices }) broken: installment { $installment } is { $days } days late; the invoice reminders resume
}
timeline-plan-renegotiated = Payment plan #{ $plan } ({ $invoices }) renegotiated: replaced by payment plan #{ $new }
timeline-installment-heads-up = { $channel ->
    [email] Heads-up for installment { $installment } of payment plan #{ $plan } e-mailed
    [letter] Heads-up for installment { $installment } of payment plan #{ $plan } sent by letter
   *[other] Heads-up for installment { $installment } of payment plan #{ $plan } given by phone
}
timeline-installment-reminder = { $channel ->
    [email] Reminder for installment { $installment } of payment plan #{ $plan } e-mailed
    [letter] Reminder for installment { $installment } of payment plan #{ $plan } sent by letter
   *[other] Reminder for installment { $installment } of payment plan #{ $plan } given by phone
}
timeline-plan-off-track = { $channel ->
    [email] Courteous notice that payment plan #{ $plan } is off track e-mailed
    [letter] Courteous notice that payment plan #{ $plan } is off track sent by letter
   *[other] Courteous notice that payment plan #{ $plan } is off track given by phone
}
timeline-promise-recorded = Promise to pay { $amount } by { $date } for invoice { $number } ({ $how })
timeline-promise-kept = Promise kept: invoice { $number }, promised for { $date }
timeline-promise-broken = Promise not kept: invoice { $number }, promised for { $date }
timeline-email-sent = E-mail sent to { $to }: { $subject }
timeline-statement-sent = Statement of account sent to { $to }: { $subject }
timeline-statement-printed = { $count ->
    [one] Statement of account printed ({ $count } open invoice)
   *[other] Statement of account printed ({ $count } open invoices)
}
timeline-credit-note = Credit note { $note } of { $amount } issued for { $number } ({ $reason }); { $standing }
timeline-payment-reversed = Payment of { $amount } received on { $date } for { $number } reversed ({ $reason }); { $standing }
timeline-payment-reversed-plain = Payment of { $amount } received on { $date } for { $number } reversed ({ $reason })
timeline-refund = Refund of { $amount } paid back for { $number } ({ $method }, { $reason }); { $standing }
timeline-standing-owing = { $amount } still owing
timeline-standing-credit = the client is in credit by { $amount }
timeline-standing-nothing = nothing owing
timeline-call = Call for invoice { $number }: { $outcome }
timeline-call-promise = ; promise to pay { $amount } by { $date }
timeline-call-plan = ; asked for a payment plan
timeline-call-retry = ; try again on { $date }
timeline-promise-follow-up = Follow-up about the promise for invoice { $number } ({ $channel })
timeline-email-withdrawn = E-mail withdrawn before it was sent.
timeline-email-withdrawn-settled = Not sent: its invoices were paid or cancelled in the meantime.
timeline-email-withdrawn-no-longer-due = Not sent: it no longer applied when its turn came.
timeline-hold-disputed = Follow-ups paused: invoice disputed
timeline-chasing-paused-until = Follow-ups paused until { $date }
timeline-chasing-paused = Follow-ups paused
timeline-chasing-resumed = Follow-ups resumed
timeline-chasing-on = Follow-ups switched on
timeline-chasing-off = Follow-ups switched off

## A ladder step done by hand or printed, and the default ladder's step names
timeline-step-email = E-mail sent: { $stage } for { $count ->
    [one] invoice
   *[other] invoices
} { $numbers }
timeline-step-letter = Letter printed: { $stage } for { $count ->
    [one] invoice
   *[other] invoices
} { $numbers }
timeline-step-call = Call made: { $stage } for { $count ->
    [one] invoice
   *[other] invoices
} { $numbers }
stage-default-heads-up = Friendly heads-up
stage-default-reminder = Friendly reminder
stage-default-follow-up = Polite follow-up
stage-default-plan-offer = Offer of a payment plan
stage-default-final-notice = Final courteous notice
timeline-invoice-imported = Invoice { $number } imported from the e-invoice { $name } (SHA-256 { $sha }…)

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

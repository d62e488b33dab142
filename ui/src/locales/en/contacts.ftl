## Calls, promises to pay, inbound contact, the timeline and the payment record.

contacts-filter-invoices = Invoices
contacts-filter-payments = Payments
contacts-filter-followups = Follow-ups sent
contacts-filter-statements = Statements of account
contacts-filter-calls = Calls
contacts-filter-inbound = Received
contacts-filter-notes = Notes and corrections
contacts-filter-promises = Promises
contacts-filter-holds = Pauses

## A phone call.

contacts-call-title = Call { $name }
contacts-call-title-plain = Call
contacts-call-no-phone = No phone number on file
contacts-call-invoice-owing = · invoice { $number } · { $amount } still owing
contacts-call-script-heading = What to say
contacts-call-propose-plan = Propose the payment plan now…
contacts-call-plan-proposed = Payment plan #{ $id } proposed; see it on the invoice page.
contacts-call-outcome-legend = How did it go?
contacts-call-retry-on = Try again on
contacts-call-promised = They promised to pay
contacts-call-promise-by = By
contacts-call-plan-asked = They asked for a payment plan
contacts-call-wrong-number-hint = Kindly will suggest writing an e-mail or a letter instead.
contacts-call-notes = Notes
contacts-call-close = Close
contacts-call-done = Done
contacts-call-saving = Saving…
contacts-call-log = Log call

contacts-call-logged = Call logged.
contacts-call-logged-done = Call logged; this step is done.
contacts-call-logged-promise = Call logged. Chasing of this invoice pauses until the promised day.
contacts-call-logged-retry = Call logged. The invoice comes back to the queue on { $date }.
contacts-call-wrong-number = { $channel ->
    [email] Wrong number logged. You could write an e-mail instead; please check the client's phone number.
   *[letter] Wrong number logged. You could write a letter instead; please check the client's phone number.
}

## Promises to pay.

contacts-promise-amount = Amount (blank: all of it)
contacts-promise-form-heading = Record a promise to pay
contacts-promise-will-pay-by = Will pay by
contacts-promise-given = Given
contacts-promise-save = Record promise
contacts-promise-saved = Promise of { $amount } recorded; follow-ups for this invoice pause until then.
contacts-promises-heading = Promises to pay
contacts-promises-by = By
contacts-promises-invoice = Invoice
contacts-promises-amount = Amount
contacts-promises-given = Given
contacts-promises-outcome = Outcome
contacts-promise-how = { $how ->
    [call] on the phone
    [email] by e-mail
    [letter] by letter
   *[in_person] in person
}
contacts-promise-outcome = { $outcome ->
    [kept] Kept
    [broken] Not kept
   *[open] Open
}
contacts-followups-heading = Promises to follow up
contacts-followup-promised = promised { $amount } by { $date } · { $owing } still owing
contacts-followup-to = to
contacts-followup-by-letter = by letter
contacts-followup-done = { $channel ->
    [email] Mark as sent (e-mail)
   *[letter] Mark as sent (letter)
}

## Adding to the record.

contacts-note-label = Add to the record
contacts-note-kind = Kind of entry
contacts-note-placeholder-email = Paste the e-mail here, or choose its .eml file
contacts-note-placeholder-letter = What the letter says (attach the scan below)
contacts-note-placeholder-call = What they said…
contacts-note-placeholder-note = Called today, promised to pay on Friday…
contacts-note-file-eml = The .eml file
contacts-note-file-scan = The scan (PDF, PNG or JPEG)
contacts-note-add = Add note

## The timeline.

contacts-timeline-heading = Timeline
contacts-timeline-from = From
contacts-timeline-to = To
contacts-timeline-empty = Nothing to show.
contacts-timeline-corrects = corrects #{ $id }
contacts-timeline-corrected = corrected later
contacts-timeline-details = Details
contacts-timeline-hide-details = Hide details
contacts-timeline-correct = Correct
contacts-detail-from = From
contacts-detail-to = To
contacts-detail-subject = Subject
contacts-detail-outcome = Outcome
contacts-detail-reason = Reason
contacts-detail-outcome-value = { $outcome ->
    [reached] reached
    [voicemail] voicemail
    [no_answer] no answer
    [wrong_number] wrong number
   *[other] { $outcome }
}
contacts-open-file = Open
contacts-correction = Correction
contacts-correction-save = Save correction
contacts-correction-hint = The original entry stays; the correction is added beside it.
contacts-timeline-loading = Loading…
contacts-timeline-older = Show older entries

## The payment record (dossier).

contacts-dossier-busy = Preparing the record…
contacts-dossier-export = Export payment record
# { $pdf }, { $csv } and { $zip } are the files' paths, shown as code; keep them in this order.
contacts-dossier-saved = { $count ->
    [one] Saved { $count } entry: { $pdf }, { $csv } and { $zip }.
   *[other] Saved { $count } entries: { $pdf }, { $csv } and { $zip }.
}
contacts-dossier-open = Open the PDF
contacts-dossier-problem = { $status ->
    [missing] { $name } (entry #{ $entry }) is missing; it is listed as such in the record.
    [changed] { $name } (entry #{ $entry }) is changed; it is listed as such in the record.
   *[other] { $name } (entry #{ $entry }) is { $status }; it is listed as such in the record.
}

## Follow-ups: Today, the ladder, the message preview, printed letters, the invoice's follow-up box.

today-title = Today’s follow-ups
today-list-by-client = Today’s follow-ups by client
today-list-by-channel = Today’s follow-ups by channel
today-showing = { $total ->
    [one] Showing { $matching } of { $total } follow-up
   *[other] Showing { $matching } of { $total } follow-ups
}
today-empty = Nothing to chase today.
today-empty-filtered = No follow-up matches these filters.
today-empty-hint = Every invoice is either paid, not yet due, or already followed up. Enjoy your day.
today-clear-the-filters = Clear the filters
today-back-clients = ← All clients
today-back-channels = ← All channels
today-shortcuts = Keyboard shortcuts
today-key-send = Send all e-mails (asks first)
today-key-print = Print today’s letters (asks first)
today-key-group = Group by client, by channel, or not at all
today-key-filter = Go to the filters
today-key-clear = Clear the filters
today-key-refresh = Reload today’s list
today-key-help = Show these shortcuts

## Filters and grouping.
today-filters-legend = Filter and group today’s follow-ups
today-group-by = Group by
today-group-nothing = Nothing
today-filter-any = Any
today-filter-channel = Channel
today-filter-step = Step
today-filter-tone = Tone
today-filter-language = Language
today-filter-currency = Currency
today-filter-min-amount = Owing at least
today-clear-filters = Clear filters
# A choice in a filter list and how many follow-ups it would show: "E-mail (73)".
today-facet-option = { $label } ({ $count })

## One row of the queue.
today-due-overdue = { $days ->
    [one] { $days } day overdue
   *[other] { $days } days overdue
}
today-due-today = due today
today-due-tomorrow = due tomorrow
today-due-in = { $days ->
    [one] due in { $days } day
   *[other] due in { $days } days
}
today-letter-confirm = printed? confirm
today-letter-not-printed = made, not printed

## The ladder.
today-ladder-title = Follow-up ladder
today-ladder-language = Language of the wording
today-ladder-pick = Choose “Wording” on a stage to edit what Kindly writes.
today-ladder-hint = Each stage is proposed the given number of days after the due date (negative: before it). Kindly uses the tone and channel you choose.
today-ladder-save-first = Save the ladder first
today-ladder-wording = Wording
today-ladder-add = Add stage
today-ladder-saved = Ladder saved.
today-ladder-save = Save ladder
today-new-stage = New stage
today-offset-not-whole = Stage { $stage }: days must be a whole number.
today-offset-on-due-date = on the due date
today-offset-before = { $days ->
    [one] { $days } day before due
   *[other] { $days } days before due
}
today-offset-after = { $days ->
    [one] { $days } day after due
   *[other] { $days } days after due
}
today-stages-caption = Follow-up stages
today-stages-stage = Stage
today-stages-days = Days after due date
today-stages-tone = Tone
today-stages-channel = Channel
today-stages-actions = Actions
today-stages-name-of = Name of stage { $stage }
today-stages-days-of = Days after due date for stage { $stage }
today-stages-tone-of = Tone of stage { $stage }
today-stages-channel-of = Channel of stage { $stage }
today-stages-remove = Remove
today-stages-remove-label = Remove stage { $stage }

## Shared words.
today-loading = Loading…
today-saving = Saving…
today-save = Save
today-saved = Saved.
today-cancel = Cancel
today-close = Close
today-paper = Paper
today-open-outbox = Open the outbox
# $file is the saved file's name, shown as a link.
today-saved-as = Saved as { $file }

## The invoice page's follow-up box.
today-box-title = Follow-ups
today-box-write = Write to client now
today-box-pdf = Download PDF
today-box-pdf-busy = Making PDF…
today-hold-label = Reminders for this invoice
today-hold-none = Follow up as usual
today-hold-none-hint = Kindly proposes follow-ups when this invoice is late.
today-hold-disputed = Disputed
today-hold-disputed-hint = No follow-ups while you sort out a disagreement.
today-hold-paused = Paused until…
today-hold-paused-hint = No follow-ups until a date, e.g. after a promise to pay.
today-hold-until = Paused until (last day)
today-hold-reason = Reason
today-hold-reason-placeholder = e.g. client queried the hours

## The invoice picker of the wording editor.
today-picker-placeholder = Invoice number or client
today-picker-list = Invoices
today-picker-empty = No matching invoices

## The message preview.
today-preview-title = Follow up with { $client }
today-preview-title-empty = Follow-up
today-preview-bundle = { $count ->
    [one] Include one other due invoice of this client in one message
   *[other] Include { $count } other due invoices of this client in one message
}
today-preview-send-as = Send as
today-preview-needs-decision = This e-mail needs your decision.
today-preview-in-outbox = This e-mail is in the outbox.
today-preview-recipient = Recipient
today-preview-to = To
today-preview-address = Address
today-preview-phone = Phone
today-preview-no-email = No e-mail address on file
today-preview-no-address = No postal address on file
today-preview-no-phone = No phone number on file
today-preview-call-script = Call script
today-preview-subject = Subject
today-preview-message = Message
# $files: the names of the attached files.
today-preview-attached = Attached: { $files }
today-preview-offer-plan = Offer a payment plan…
today-preview-plan-proposed = Payment plan #{ $plan } proposed; see it on the invoice page.
today-preview-qr-note = A payment QR code will be printed on the letter.
today-preview-generate-letter = Generate letter PDF
today-preview-generating = Generating…
today-preview-letter-saved = Saved as { $file }: a preview, not recorded as sent. Print it from Today, or mark the step done once you posted it.
today-preview-writing = Writing the message…
today-preview-note = Note for your records (optional)
today-preview-email-setup = Set up e-mail in Settings
today-preview-done-in-outbox = This step’s e-mail is in the outbox: send, confirm or withdraw it there first
today-preview-done-own-mail = For an e-mail you sent from your own mail program
today-preview-log-call = Log call as done
today-preview-mark-sent = Mark as sent
today-preview-mark-done = Mark as done
today-preview-send-email = Send e-mail
today-preview-sending = Sending…

## The tone check.
today-tone-all-good = ✓ Tone check: all good
today-tone-suggestions = { $count ->
    [one] Tone check: one suggestion
   *[other] Tone check: { $count } suggestions
}
# Shown in other languages instead of Kindly's English finding; the phrase it is about is quoted beside it.
today-finding-threat = This phrase can read as a threat or pressure; say it more gently.
today-finding-shouting = Words in capitals read as shouting; write them in normal case.
today-finding-exclamation = Several exclamation marks make the message sound urgent or upset; a calm full stop works better.
today-finding-no-greeting = Greet the client by name, e.g. "Dear {"{{ greeting_name }}"},".
today-finding-missing-amount = Say how much is still owing ({"{{ amount_owing }}"}).
today-finding-missing-due-date = Mention the due date ({"{{ due_date }}"}).
today-finding-missing-invoice-number = Name the invoice ({"{{ invoice_numbers }}"}).
today-finding-missing-terms = Recall the payment terms ({"{{ payment_terms }}"}).
today-finding-no-payment-methods = List the ways to pay ({"{{ payment_methods }}"}); making it easy is the kindest reminder.
today-finding-no-thanks = Thank the client, for their business or their time.

## Printing today's letters.
today-letters-print = Print today’s letters
today-letters-print-n = Print today’s letters ({ $count })
today-letters-preparing = Preparing letters…
today-letters-none-due = No letters are due today.
today-letters-printed = { $count ->
    [one] One letter printed and recorded in each client’s timeline.
   *[other] { $count } letters printed and recorded in each client’s timeline.
}
today-letters-printed-job = { $count ->
    [one] One letter printed (job { $job }) and recorded in each client’s timeline.
   *[other] { $count } letters printed (job { $job }) and recorded in each client’s timeline.
}
today-letters-awaiting = { $count ->
    [one] One letter opened in your PDF viewer. Did they print? They are recorded as sent only when you say so.
   *[other] { $count } letters opened in your PDF viewer. Did they print? They are recorded as sent only when you say so.
}
today-letters-yes = Yes, they printed
today-letters-no = No, not printed
# $error: what the printer or the system said.
today-letters-not-printed = { $count ->
    [one] One letter made, not printed: { $error } They stay in today’s list until they print.
   *[other] { $count } letters made, not printed: { $error } They stay in today’s list until they print.
}
today-letters-retry = Print again
today-letters-saved = { $count ->
    [one] One letter saved as { $file } (not printed, not recorded).
   *[other] { $count } letters saved as { $file } (not printed, not recorded).
}
today-letters-left-out-printed = Left out, the others printed:
today-letters-left-out-file = Left out, the others are in the file:
today-letters-confirm-title = { $count ->
    [one] Print { $count } letter now?
   *[other] Print { $count } letters now?
}
# $paper: the paper size, e.g. "A4".
today-letters-confirm-text = { $invoices ->
    [one] One letter per client, about { $invoices } invoice, on { $paper } paper. Each letter is recorded in the client’s timeline once it has printed.
   *[other] One letter per client, about { $invoices } invoices, on { $paper } paper. Each letter is recorded in the client’s timeline once it has printed.
}
today-letters-confirm = { $count ->
    [one] Print { $count } letter
   *[other] Print { $count } letters
}

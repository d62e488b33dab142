## Bank statements: importing, the result, entries to review, the check before chasing.

bank-status-recorded = Payment recorded
bank-status-review = To review
bank-status-unmatched = No matching invoice
bank-status-debit = Money out
bank-status-known = Imported before
bank-status-ignored = Not a client payment
bank-status-assigned = Recorded after review
bank-tier-reference = by payment reference
bank-tier-number = by invoice number
bank-tier-payer = by known payer and amount
bank-role-booking-date = Booking date
bank-role-value-date = Value date
bank-role-amount = Amount
bank-role-money-in = Money in
bank-role-money-out = Money out
bank-role-direction = Direction
bank-role-currency = Currency
bank-role-payer = Payer
bank-role-payer-iban = Payer's IBAN
bank-role-bank-reference = Bank reference
bank-role-remittance = Remittance text
bank-check-title = Import your latest bank statement first?
bank-check-explain = { $days ->
    [one] Your last bank statement was imported { $days } day ago. Some clients may have paid since; importing the latest statement first makes sure nobody who has paid gets a reminder.
   *[other] Your last bank statement was imported { $days } days ago. Some clients may have paid since; importing the latest statement first makes sure nobody who has paid gets a reminder.
}
bank-check-import = Import a statement
bank-check-continue = Continue anyway
bank-title = Bank statements
bank-last-imported = { $days ->
    [0] Last imported today.
    [one] Last imported { $days } day ago.
   *[other] Last imported { $days } days ago.
}
bank-none-imported = No statement imported yet.
bank-why = Kindly records who paid, so nobody who paid is reminded.
bank-importing = Importing…
bank-import = Import a statement…
bank-drop = Or drop the file here: camt.053 / camt.054 (XML or zip), MT940, OFX or CSV, as your bank exports it.
bank-csv-title = Check how Kindly reads this CSV file
bank-csv-dates = Dates
bank-csv-decimal = Decimal separator
bank-csv-confirm = Import with these columns
bank-cancel = Cancel
bank-result-entries = { $count ->
    [one] : { $count } entry.
   *[other] : { $count } entries.
}
bank-result-payments = { $count ->
    [one] { $count } payment recorded ({ $total }); those invoices left today’s list.
   *[other] { $count } payments recorded ({ $total }); those invoices left today’s list.
}
bank-result-no-payment = No new payment recorded.
bank-result-already = { $count ->
    [one] { $count } was imported before and was not recorded again.
   *[other] { $count } were imported before and were not recorded again.
}
bank-result-review = { $count } to review
bank-result-review-below = {" "}below.
bank-result-unmatched = { $count ->
    [one] { $count } credit matched no invoice.
   *[other] { $count } credits matched no invoice.
}
bank-every-entry = Every entry
bank-col-date = Date
bank-col-text = Text
bank-col-result = Result
bank-review-empty = Nothing to review: every payment was matched or decided.
bank-unknown-payer = unknown payer
bank-no-text = (no text)
bank-col-invoice = Invoice
bank-col-client = Client
bank-col-owing = Still owing
bank-col-record = Record
bank-amount-for = Amount for { $number }
bank-record-payment = Record payment

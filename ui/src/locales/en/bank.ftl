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
bank-role-amount = Amount
bank-role-currency = Currency
bank-role-payer = Payer
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

## Why Kindly decided what it did about an entry (BankReasonView): { $why } is what found the invoices.
bank-found-by-reference = { $count ->
    [one] creditor reference { $references }
   *[other] creditor references { $references }
}
bank-found-by-number = { $count ->
    [one] invoice number { $invoices } in the payment text
   *[other] invoice numbers { $invoices } in the payment text
}
bank-reason-pays-in-full = Found by { $why }: pays invoice { $invoice } in full ({ $amount }).
bank-reason-pays-all-in-full = Found by { $why }: pays invoices { $invoices } in full ({ $amount } together).
bank-reason-partial-payment = Found by { $why }: partial payment of { $amount } on invoice { $invoice }; { $difference } stays open.
bank-reason-more-than-balance = Found by { $why }, but { $amount } is more than the balance of { $invoice } ({ $balance }): { $difference } too much.
bank-reason-more-than-balances = Found by { $why }, but { $amount } is more than their balances together: { $difference } too much.
bank-reason-less-than-balances = Found by { $why }, but { $amount } is less than their balances together; which invoices does it pay?
bank-reason-short-number = Found by { $why }, a short number that could be something else, and { $amount } is not the balance of { $invoice } ({ $balance }).
bank-reason-currency-differs = Found by { $why }, but the payment is in { $currency } and invoice { $invoice } is in { $invoiceCurrency }.
bank-reason-already-covered = Found by { $why }, but invoice { $invoice } is already covered by another payment in this import.
bank-reason-different-clients = Found by { $why }, but the invoices belong to different clients.
bank-reason-known-payer = { $count ->
    [one] The payer is a known client and { $invoices } has a balance of exactly { $amount }; no reference or number was given, so please confirm.
   *[other] The payer is a known client and { $invoices } each have a balance of exactly { $amount }; no reference or number was given, so please confirm.
}
bank-reason-known-payer-no-balance = The payer is a known client, but none of their open invoices has a balance of { $amount }.
bank-reason-no-match = No creditor reference, invoice number or known payer matches this payment.
bank-reason-money-out = Money out, not a payment.
bank-reason-not-recorded = { $reason } Not recorded: { $problem }
bank-not-recorded-invoice-gone = invoice { $invoice } no longer exists.
bank-not-recorded-invoice-not-issued = { $status ->
    [cancelled] invoice { $invoice } was cancelled.
    [draft] invoice { $invoice } is a draft.
   *[other] invoice { $invoice } is not open for payments.
}
bank-not-recorded-currency-differs = invoice { $invoice } is in { $invoiceCurrency }, the payment in { $currency }.
bank-not-recorded-more-than-owing = the payment is more than the { $owing } still owing on invoice { $invoice }.

## Payments: recording one, an invoice's payments, the payments list.

payments-dialog-title = Record a payment
payments-amount-in = Amount ({ $currency })
payments-still-owing = Still owing: { $amount }
payments-date-received = Date received
payments-method = Method
payments-reference = Reference
payments-reference-placeholder = e.g. bank transfer reference
payments-cancel = Cancel
payments-saving = Saving…
payments-record = Record payment
payments-none-yet = No payments yet.
payments-title = Payments
payments-col-date = Date
payments-col-amount = Amount
payments-col-actions = Actions
payments-reversed = reversed { $date }: { $reason }
payments-reverse = Reverse…
payments-col-client = Client
payments-col-invoice = Invoice
payments-none-match = No payments match.
payments-none-recorded = No payments recorded yet.

# Words a person reads for Kindly's closed vocabularies (never the raw value).

channel-email = E-mail
channel-letter = Letter
channel-phone = Phone
channel-call = Phone
channel-payment = Payment
channel-note = Note
channel-invoice = Invoice
channel-promise = Promise
channel-record = Record
channel-in_person = In person

direction-in = from the client
direction-out = to the client

payment-method-bank_transfer = Bank transfer
payment-method-card = Card
payment-method-paypal = PayPal
payment-method-cash = Cash
payment-method-cheque = Cheque
payment-method-other = Other

promise-how-call = On the phone
promise-how-email = By e-mail
promise-how-letter = By letter
promise-how-in_person = In person

promise-outcome-open = Open
promise-outcome-kept = Kept
promise-outcome-broken = Broken

call-outcome-reached = reached
call-outcome-voicemail = left a voicemail
call-outcome-no_answer = no answer
call-outcome-wrong_number = wrong number

evidence-kind-pdf = PDF
evidence-kind-eml = e-mail file
evidence-kind-scan = scan
evidence-kind-file = file

file-check-ok = present, unchanged
file-check-missing = missing: the file is no longer where it was kept
file-check-changed = changed since it was recorded; SHA-256 now { $sha }

event-client_created = Client added
event-client_updated = Client details updated
event-chasing_changed = Follow-ups paused or resumed
event-invoice_created = Invoice created
event-invoice_issued = Invoice issued
event-invoice_cancelled = Invoice cancelled
event-payment_recorded = Payment received
event-note = Note
event-follow_up_done = Follow-up
event-email_withdrawn = E-mail withdrawn
event-plan_proposed = Payment plan proposed
event-plan_agreed = Payment plan agreed
event-plan_completed = Payment plan completed
event-plan_broken = Payment plan broken
event-plan_cancelled = Payment plan cancelled
event-plan_renegotiated = Payment plan renegotiated
event-installment_reminder = Installment reminder
event-call_logged = Call
event-inbound_contact = Contact from the client
event-promise_recorded = Promise to pay
event-promise_kept = Promise kept
event-promise_broken = Promise broken
event-correction = Correction
event-invoice_imported = Invoice imported
event-statement_sent = Statement of account sent
event-statement_printed = Statement of account printed
event-credit_note_issued = Credit note issued
event-payment_reversed = Payment reversed
event-refund_made = Refund made
event-interest_changed = Late-payment interest changed
event-interest_rate_added = Published interest rate added

bucket-not_yet_due = Not yet due
bucket-days_1_30 = 1–30 days
bucket-days_31_60 = 31–60 days
bucket-days_61_90 = 61–90 days
bucket-over_90 = Over 90 days

hold-none = None
hold-disputed = Disputed
hold-paused = Paused

jurisdiction-uk = United Kingdom (Late Payment Act 1998)
jurisdiction-eu = EU (Directive 2011/7/EU)
jurisdiction-de = Germany (§ 288 BGB)
jurisdiction-fr = France (Code de commerce L441-10)
interest_base-boe_reference = Bank of England base rate
interest_base-ecb_mro = ECB main refinancing rate
interest_base-basiszins = German base rate (Basiszinssatz)

debtor-business = a business
debtor-consumer = a consumer

## Labels of the closed vocabularies Rust defines (vocabulary.ts): vocab-<set>-<value>.

## channel
vocab-channel-email = E-mail
vocab-channel-letter = Letter
vocab-channel-phone = Call

## tone
vocab-tone-friendly = Friendly
vocab-tone-courteous = Courteous
vocab-tone-courteous-firm = Courteous but firm

## pageSize
vocab-page-size-a4 = A4
vocab-page-size-letter = US Letter

## frequency
vocab-frequency-weekly = Weekly
vocab-frequency-fortnightly = Every two weeks
vocab-frequency-monthly = Monthly
vocab-frequency-custom = Custom dates

## agreedHow
vocab-agreed-how-call = On the phone
vocab-agreed-how-email = By e-mail
vocab-agreed-how-letter = By letter
vocab-agreed-how-in-person = In person

## callOutcome
vocab-call-outcome-reached = Reached them
vocab-call-outcome-voicemail = Left a voicemail
vocab-call-outcome-no-answer = No answer
vocab-call-outcome-wrong-number = Wrong number

## contactKind
vocab-contact-kind-note = Note
vocab-contact-kind-incoming-call = Incoming call
vocab-contact-kind-email = E-mail received
vocab-contact-kind-letter = Letter received

## security
vocab-security-starttls = STARTTLS (usually port 587)
vocab-security-tls = TLS (usually port 465)
vocab-security-plain = No encryption — only for a mail relay on this computer

## clientSort
vocab-client-sort-name-asc = Name A–Z
vocab-client-sort-name-desc = Name Z–A
vocab-client-sort-newest = Newest first
vocab-client-sort-oldest = Oldest first
vocab-client-sort-owed-desc = Most owed first
vocab-client-sort-oldest-overdue = Longest overdue first

## clientBalance
vocab-client-balance-all = All clients
vocab-client-balance-owing = Owing something
vocab-client-balance-overdue = Overdue

## einvoiceFormat
vocab-einvoice-format-none = Plain PDF
vocab-einvoice-format-facturx = Factur-X / ZUGFeRD (PDF)
vocab-einvoice-format-xrechnung-ubl = XRechnung (UBL)
vocab-einvoice-format-xrechnung-cii = XRechnung (CII)
vocab-einvoice-format-peppol = Peppol BIS Billing 3.0

## invoiceSort
vocab-invoice-sort-attention = Overdue first
vocab-invoice-sort-due-asc = Due date, earliest first
vocab-invoice-sort-due-desc = Due date, latest first
vocab-invoice-sort-newest = Newest first
vocab-invoice-sort-number = Number

## agingBucket
vocab-aging-bucket-not-yet-due = Not yet due
vocab-aging-bucket-days-1-30 = 1–30 days overdue
vocab-aging-bucket-days-31-60 = 31–60 days overdue
vocab-aging-bucket-days-61-90 = 61–90 days overdue
vocab-aging-bucket-over-90 = Over 90 days overdue

## queueGrouping
vocab-queue-grouping-client = Client
vocab-queue-grouping-channel = Channel

## chasingMode
vocab-chasing-mode-on = On
vocab-chasing-mode-paused = Paused
vocab-chasing-mode-off = Off

## jurisdiction
vocab-jurisdiction-uk = United Kingdom (Late Payment Act 1998)
vocab-jurisdiction-eu = EU (Directive 2011/7/EU)
vocab-jurisdiction-de = Germany (§ 288 BGB)
vocab-jurisdiction-fr = France (Code de commerce L441-10)

## debtorKind
vocab-debtor-kind-business = A business
vocab-debtor-kind-consumer = A consumer

## reportKind
vocab-report-kind-aging = Aging report
vocab-report-kind-collected = Invoiced and collected per month

## reportFormat
vocab-report-format-csv = CSV
vocab-report-format-pdf = PDF

## outboxState
vocab-outbox-state-queued = Queued
vocab-outbox-state-sending = Sending…
vocab-outbox-state-sent = Sent
vocab-outbox-state-failed = Failed
vocab-outbox-state-uncertain = May have been sent
vocab-outbox-state-cancelled = Withdrawn

## planState
vocab-plan-state-proposed = Proposed
vocab-plan-state-active = Active
vocab-plan-state-completed = Completed
vocab-plan-state-broken = Off track
vocab-plan-state-renegotiated = Replaced
vocab-plan-state-cancelled = Cancelled

## planStanding
vocab-plan-standing-on-track = On track
vocab-plan-standing-late = Installment late
vocab-plan-standing-broken = Off track
vocab-plan-standing-proposed = Proposed
vocab-plan-standing-completed = Completed
vocab-plan-standing-renegotiated = Replaced
vocab-plan-standing-cancelled = Cancelled

## installmentStatus
vocab-installment-status-paid = Paid
vocab-installment-status-partly-paid = Partly paid
vocab-installment-status-upcoming = Upcoming
vocab-installment-status-due-today = Due today
vocab-installment-status-late = Late

## promiseOutcome
vocab-promise-outcome-open = Open
vocab-promise-outcome-kept = Kept
vocab-promise-outcome-broken = Broken

## reminderKind
vocab-reminder-kind-heads-up = Installment heads-up
vocab-reminder-kind-reminder = Installment reminder
vocab-reminder-kind-broken-notice = Plan off track: courteous notice

## paymentMethod
vocab-payment-method-bank-transfer = Bank transfer
vocab-payment-method-card = Card
vocab-payment-method-paypal = PayPal
vocab-payment-method-cash = Cash
vocab-payment-method-cheque = Cheque
vocab-payment-method-other = Other

## invoiceState
vocab-invoice-state-overdue = Overdue
vocab-invoice-state-due-soon = Due soon
vocab-invoice-state-partially-paid = Partially paid
vocab-invoice-state-open = Open
vocab-invoice-state-draft = Draft
vocab-invoice-state-paid = Paid
vocab-invoice-state-cancelled = Cancelled

## locale
vocab-locale-en = English
vocab-locale-de = Deutsch
vocab-locale-fr = Français
vocab-locale-es = Español

## bankEntryStatus
vocab-bank-entry-status-recorded = Recorded
vocab-bank-entry-status-review = To check
vocab-bank-entry-status-unmatched = No match
vocab-bank-entry-status-debit = Outgoing
vocab-bank-entry-status-known = Imported before
vocab-bank-entry-status-ignored = Ignored
vocab-bank-entry-status-assigned = Assigned

## bankReasonKind
vocab-bank-reason-kind-pays-in-full = Paid in full
vocab-bank-reason-kind-pays-all-in-full = Several invoices paid in full
vocab-bank-reason-kind-partial-payment = Partly paid
vocab-bank-reason-kind-more-than-balance = More than owed
vocab-bank-reason-kind-more-than-balances = More than owed
vocab-bank-reason-kind-less-than-balances = Less than owed
vocab-bank-reason-kind-short-number = Short number
vocab-bank-reason-kind-currency-differs = Other currency
vocab-bank-reason-kind-already-covered = Already paid in this import
vocab-bank-reason-kind-different-clients = Several clients
vocab-bank-reason-kind-known-payer = Known payer
vocab-bank-reason-kind-known-payer-no-balance = Known payer, no such balance
vocab-bank-reason-kind-no-match = No match
vocab-bank-reason-kind-money-out = Money out

## bankFoundBy
vocab-bank-found-by-reference = Payment reference
vocab-bank-found-by-invoice-number = Invoice number

## bankNotRecorded
vocab-bank-not-recorded-invoice-gone = Invoice deleted
vocab-bank-not-recorded-invoice-not-issued = Invoice not open
vocab-bank-not-recorded-currency-differs = Other currency
vocab-bank-not-recorded-more-than-owing = More than owed

## bankCsvRole
vocab-bank-csv-role-booking-date = Booking date
vocab-bank-csv-role-value-date = Value date
vocab-bank-csv-role-amount = Amount
vocab-bank-csv-role-money-in = Money in
vocab-bank-csv-role-money-out = Money out
vocab-bank-csv-role-direction = Direction
vocab-bank-csv-role-currency = Currency
vocab-bank-csv-role-payer = Payer
vocab-bank-csv-role-payer-iban = Payer's IBAN
vocab-bank-csv-role-bank-reference = Bank reference
vocab-bank-csv-role-remittance = Remittance text

## eventKind
vocab-event-kind-client-created = Client added
vocab-event-kind-client-updated = Client changed
vocab-event-kind-chasing-changed = Follow-ups paused or resumed
vocab-event-kind-invoice-created = Invoice created
vocab-event-kind-invoice-issued = Invoice issued
vocab-event-kind-invoice-cancelled = Invoice cancelled
vocab-event-kind-payment-recorded = Payment recorded
vocab-event-kind-note = Note
vocab-event-kind-follow-up-done = Follow-up sent
vocab-event-kind-email-withdrawn = E-mail withdrawn
vocab-event-kind-plan-proposed = Plan proposed
vocab-event-kind-plan-agreed = Plan agreed
vocab-event-kind-plan-completed = Plan completed
vocab-event-kind-plan-broken = Plan off track
vocab-event-kind-plan-cancelled = Plan cancelled
vocab-event-kind-plan-renegotiated = Plan replaced
vocab-event-kind-installment-reminder = Installment reminder
vocab-event-kind-call-logged = Call
vocab-event-kind-inbound-contact = Received
vocab-event-kind-promise-recorded = Promise to pay
vocab-event-kind-promise-kept = Promise kept
vocab-event-kind-promise-broken = Promise broken
vocab-event-kind-correction = Correction
vocab-event-kind-invoice-imported = Invoice imported
vocab-event-kind-statement-sent = Statement sent
vocab-event-kind-statement-printed = Statement printed
vocab-event-kind-credit-note-issued = Credit note
vocab-event-kind-payment-reversed = Payment reversed
vocab-event-kind-refund-made = Refund
vocab-event-kind-interest-changed = Late-payment interest
vocab-event-kind-interest-rate-added = Published rate added

## einvoiceOutcome
vocab-einvoice-outcome-imported = Imported
vocab-einvoice-outcome-already-imported = Already there
vocab-einvoice-outcome-refused = Not imported

## importKind
vocab-import-kind-clients = Clients
vocab-import-kind-invoices = Invoices
vocab-import-kind-payments = Payments

## exportKind
vocab-export-kind-clients = Clients
vocab-export-kind-invoices = Invoices
vocab-export-kind-payments = Payments
vocab-export-kind-timeline = Timeline

## importPreset
vocab-import-preset-kindly = Kindly
vocab-import-preset-invoice-ninja = Invoice Ninja
vocab-import-preset-freshbooks = FreshBooks
vocab-import-preset-zoho-invoice = Zoho Invoice
vocab-import-preset-quickbooks = QuickBooks
vocab-import-preset-xero = Xero
vocab-import-preset-lexoffice = lexoffice
vocab-import-preset-sevdesk = sevDesk

## textEncoding
vocab-text-encoding-utf8 = UTF-8
vocab-text-encoding-utf16le = UTF-16 (little endian)
vocab-text-encoding-utf16be = UTF-16 (big endian)
vocab-text-encoding-windows1252 = Windows-1252 (Western)

## decimalSeparator
vocab-decimal-separator-point = Point (1,234.56)
vocab-decimal-separator-comma = Comma (1.234,56)

## dateFormat
vocab-date-format-iso = YYYY-MM-DD
vocab-date-format-day-month-year-dots = DD.MM.YYYY
vocab-date-format-day-month-short-year-dots = DD.MM.YY
vocab-date-format-month-day-year-slash = MM/DD/YYYY
vocab-date-format-day-month-year-slash = DD/MM/YYYY

## importField
vocab-import-field-client-ref = Client ID
vocab-import-field-client-name = Client name
vocab-import-field-greeting-name = Greeting name
vocab-import-field-company = Company
vocab-import-field-email = E-mail
vocab-import-field-phone = Phone
vocab-import-field-address = Address
vocab-import-field-street = Street
vocab-import-field-postcode = Postcode
vocab-import-field-city = City
vocab-import-field-country = Country
vocab-import-field-language = Language
vocab-import-field-notes = Notes
vocab-import-field-invoice-number = Invoice number
vocab-import-field-issue-date = Issue date
vocab-import-field-due-date = Due date
vocab-import-field-currency = Currency
vocab-import-field-status = Status
vocab-import-field-description = Line description
vocab-import-field-quantity = Quantity
vocab-import-field-unit-price = Unit price
vocab-import-field-tax-rate = Tax rate (%)
vocab-import-field-net-amount = Net amount
vocab-import-field-tax-amount = Tax amount
vocab-import-field-total = Total
vocab-import-field-amount-paid = Amount paid
vocab-import-field-amount-credited = Amount credited
vocab-import-field-payment-date = Payment date
vocab-import-field-amount = Amount
vocab-import-field-method = Method
vocab-import-field-reference = Reference

## interest base and fee
vocab-interest-base-boe-reference = the Bank of England base rate on the 31 December or 30 June before the debt became late
vocab-interest-base-ecb-mro = the ECB main refinancing rate of each half-year
vocab-interest-base-basiszins = the German base rate (Basiszinssatz) of each half-year
vocab-interest-fee-none = no fixed compensation
vocab-interest-fee-uk-scale = a fixed compensation of £40, £70 or £100 by the size of the debt
vocab-interest-fee-eur-40 = a fixed compensation of €40 per invoice
vocab-ssl-mode-disable = never encrypted (disable)
vocab-ssl-mode-prefer = encrypted when the server offers it (prefer)
vocab-ssl-mode-require = always encrypted, any certificate (require)
vocab-ssl-mode-verify-ca = always encrypted, certificate from a trusted CA (verify-ca)
vocab-ssl-mode-verify-full = always encrypted, certificate checked for the server's name (verify-full)
vocab-database-source-local-file = the data file on this computer
vocab-database-source-flag = the --database-url option
vocab-database-source-env = the KINDLY_DATABASE_URL variable
vocab-database-source-settings-file = the team database settings of this data folder

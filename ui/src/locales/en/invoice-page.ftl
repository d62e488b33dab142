## One invoice's page: the essentials and the one primary action first.

invoice-page-title = Invoice { $number }
invoice-page-title-prefix = Invoice{" "}
invoice-page-draft = draft
invoice-page-issue = Issue
invoice-page-record-payment = Record payment
invoice-page-more = More
invoice-page-edit = Edit draft
invoice-page-einvoice = E-invoice…
invoice-page-credit-note = Issue credit note…
invoice-page-refund = Refund…
invoice-page-cancel = Cancel invoice
invoice-page-gap-seller = Your settings: { $what } ({ $term })
invoice-page-gap-buyer = The client: { $what } ({ $term })
invoice-page-gap-invoice = This invoice: { $what } ({ $term })
invoice-page-einvoice-saved = Saved { $path }
invoice-page-credit-note-einvoice = E-invoice of credit note { $number }…
invoice-page-cancelled = Cancelled:
invoice-page-outstanding = Outstanding
invoice-page-issued = Issued
invoice-page-due = Due
invoice-page-overdue = { $count ->
    [one] ({ $count } day overdue)
   *[other] ({ $count } days overdue)
}
invoice-page-total = Total
invoice-page-paid = Paid
invoice-page-credited = Credited
invoice-page-credited-in-full = { $amount } (credited in full)
invoice-page-client-credit = Client's credit
invoice-page-items = Items
invoice-page-items-caption = Items on invoice { $number }
invoice-page-description = Description
invoice-page-quantity = Quantity
invoice-page-unit-price = Unit price
invoice-page-tax = Tax
invoice-page-net = Net
invoice-page-rate = { $rate }%
invoice-page-subtotal = Subtotal
invoice-page-tax-on = Tax { $rate }% on { $net }
invoice-page-payments = Payments
invoice-page-corrections = Credit notes and refunds
invoice-page-credit-note-row = Credit note { $number } of { $date }: { $amount } credited
invoice-page-refund-row = Refund of { $date }: { $amount } paid back by { $method }
invoice-page-notes = Notes
invoice-page-loading = Loading…

## What an e-invoice still needs, by its EN 16931 term.
einvoice-term-bt-1 = invoice number
einvoice-term-bg-25 = at least one invoice line
einvoice-term-bt-27 = business name
einvoice-term-bt-40 = country
einvoice-term-bt-44 = name
einvoice-term-bt-55 = country
einvoice-term-bt-31 = VAT ID (or tax number)
einvoice-term-bt-48 = VAT ID (reverse charge)
einvoice-term-bt-120 = VAT exemption reason
einvoice-term-bt-84 = IBAN of a bank account
einvoice-term-bt-10 = buyer reference (Leitweg-ID)
einvoice-term-bt-81 = payment means
einvoice-term-bt-37 = city
einvoice-term-bt-38 = postcode
einvoice-term-bt-41 = contact name
einvoice-term-bt-42 = telephone number
einvoice-term-bt-43 = e-mail address
einvoice-term-bt-52 = city
einvoice-term-bt-53 = postcode
einvoice-term-bt-34 = electronic address (Peppol ID)
einvoice-term-bt-49 = electronic address (Peppol ID)

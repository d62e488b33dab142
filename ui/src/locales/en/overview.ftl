## The overview: who owes what, since when, and what comes in next.

overview-title = Overview
# $day: today's date.
overview-figures-for = Figures for { $day }
overview-reports = Reports
overview-reports-label = Reports:
overview-report-aging-csv = Aging (CSV)
overview-report-aging-pdf = Aging (PDF)
overview-report-collected-csv = Collected per month (CSV)
overview-report-collected-pdf = Collected per month (PDF)
# $file: the saved report's file name, shown as a link.
overview-report-saved = Report saved as { $file }
overview-empty = Nothing is owed to you yet.
overview-empty-hint = Once you issue invoices, this page shows who owes what and since when, what should come in over the next weeks, and which reminder tends to get you paid.
overview-write-invoice = Write an invoice
overview-import = Import from another tool
overview-currency = Currency
overview-figures-in = Figures in { $currency }
overview-totals = Totals
overview-outstanding = Outstanding
overview-overdue = Overdue
overview-dso = Days sales outstanding
# How the DSO figure is made: "€4,000.00 owed ÷ €9,000.00 invoiced × 90".
overview-dso-sum = { $owed } owed ÷ { $invoiced } invoiced × { $days }
overview-days-to-pay = Average days to pay
overview-paid-in-12-months = { $count ->
    [one] { $count } invoice paid in 12 months
   *[other] { $count } invoices paid in 12 months
}
overview-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
overview-how-these = How these are computed
overview-how-this = How this is computed
overview-rule-dso = DSO = receivables outstanding today ÷ amount invoiced in the last 90 days × 90. Invoiced means issued and not cancelled, by issue date, today and the 89 days before. No DSO when nothing was invoiced in those 90 days.
overview-rule-days-to-pay = Days to pay = days from an invoice's issue date to the day it became fully paid (the date of the payment that completed it), averaged over the invoices fully paid in the last 12 months (the day after the same date a year ago, through today).
overview-rule-cash-in = Expected cash-in counts each open invoice once: on its due date; for the promised amount, on the day of an open promise instead; and an invoice in an active installment plan through the plan's unpaid installments, on their due dates, instead. What is already late (overdue, promised for a day that has passed, installments past due) is shown apart, never as expected next week. At risk: the part of the expected amount on invoices with a broken promise or a broken plan, and the installments of a plan that is behind.
overview-rule-steps = For each ladder step done at least once: how many times it was done, and how many of those invoices were fully paid on the day of the step or within the 7 days after it.
overview-aging-title = Aging: how long what is owed has been overdue
overview-aging-caption = Aging in { $currency }
overview-owed = Owed
overview-invoices = Invoices
overview-cash-title = Expected cash-in
overview-cash-caption = Expected cash-in in { $currency }, by week and by month
overview-cash-when = When
overview-cash-expected = Expected
overview-cash-due-dates = Due dates
overview-cash-promises = Promises
overview-cash-installments = Installments
overview-cash-at-risk = At risk
overview-already-late = Already late, not counted above:
overview-months-title = Invoiced and collected, last 12 months
overview-months-caption = Invoiced and collected per month in { $currency }
overview-month = Month
overview-invoiced = Invoiced
overview-collected = Collected
overview-steps-title = Which reminder comes before payment
overview-steps-empty = No reminder has been sent yet in { $currency }.
overview-steps-caption = Share of invoices paid within 7 days after each step
overview-step = Step
overview-steps-done = Done
overview-steps-paid-7 = Paid within 7 days
# $paid invoices paid within 7 days, $percent of the steps done.
overview-steps-paid-share = { $paid } ({ $percent }%)
overview-slow-title = Slowest to pay
overview-slow-empty = No invoice was paid in the last 12 months in { $currency }.
overview-slow-caption = Clients with the longest average days to pay
overview-client = Client
overview-average = Average

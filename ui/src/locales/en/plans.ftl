## Installment plans: the plan cards, offering or renegotiating a plan, and Today's installment reminders.

plans-heading = Payment plans
plans-offer = Offer a payment plan
plans-renegotiate-title = Renegotiate the payment plan
plans-card-title = Payment plan #{ $id }
plans-reminder-rule = Installment reminders: a heads-up { $headsUp ->
        [0] on the day each installment is due
        [one] { $headsUp } day before each installment
       *[other] { $headsUp } days before each installment
    }; a reminder { $reminder ->
        [one] { $reminder } day
       *[other] { $reminder } days
    } after, if unpaid.
# The fixed rule the backend splits amounts by (SchedulePreview.rule).
plans-remainder-rule = Amounts are split exactly; when the balance does not divide evenly, the first installments carry the extra cent (minor unit). With a fixed installment amount, the last installment is what remains.

## Where a plan stands.

plans-standing-proposed = Proposed, waiting for the client's agreement; first payment { $amount } on { $date }
plans-standing-on-track = On track: next installment { $amount } on { $date }
plans-standing-late = An installment is late ({ $amount } on { $date }); within the { $days }-day grace period
plans-standing-broken = Broken: installment of { $amount } on { $date } is still open
plans-standing-completed = Completed: every installment is paid
plans-standing-renegotiated = Replaced by a new plan
plans-standing-cancelled = Cancelled
plans-standing-plain = { $standing ->
    [on_track] On track
    [late] Late
    [broken] Broken
    [proposed] Proposed
    [completed] Completed
    [renegotiated] Renegotiated
   *[cancelled] Cancelled
}

## A plan's card.

plans-total = Total
plans-paid = Paid
plans-credited = Credited (credit notes since the plan)
plans-remaining = Remaining
plans-surplus = Paid beyond the plan
plans-agreed = { $days ->
    [one] Agreed on { $date } ({ $how }) · grace period { $days } day
   *[other] Agreed on { $date } ({ $how }) · grace period { $days } days
}
plans-agreed-how-unknown = how not recorded
plans-installments-caption = Installments of payment plan #{ $id }
plans-col-due = Due on
plans-col-amount = Amount
plans-col-paid = Paid
plans-col-status = Status
plans-next-reminder = Next installment reminder from { $date }.
plans-accept = Client agreed…
plans-renegotiate = Renegotiate
plans-cancel = Cancel plan…
plans-pdf = Agreement letter (PDF)
plans-email-proposal = E-mail the proposal
# { $file } is the saved file (its name with Open and Save a copy).
plans-saved-as = Saved as { $file }
plans-agreed-on = Agreed on
plans-agreed-how = How
plans-accept-save = Record agreement
plans-cancel-reason = Reason (optional)
plans-cancel-save = Cancel the plan

## Offering a plan.

# { $invoices } are the invoice numbers, { $balance } the amount still owing.
plans-dialog-owing = { $invoices } · still owing { $balance }
plans-split-into = Split into
plans-by-count = a number of installments
plans-by-amount = installments of an amount
plans-count = Installments
plans-count-after-down = Installments after the down payment
plans-each = Each installment
plans-frequency = How often
plans-first-date = First payment
plans-down-payment = Down payment (optional)
plans-terms = Reminders and grace period
plans-terms-hint = Each installment gets a heads-up that many days before it is due and, if unpaid, a reminder that many days after. The plan counts as broken when an installment is later than the grace period.
plans-heads-up-days = Heads-up (days)
plans-reminder-days = Reminder (days)
plans-grace-days = Grace period (days)
plans-custom-dates = Dates, one per installment
plans-custom-dates-placeholder = { $first }, { $second }
plans-schedule-caption = Schedule (you can change any date or amount)
plans-schedule-amount = Amount ({ $currency })
plans-row-due = Due date of installment { $n }
plans-row-amount = Amount of installment { $n }
plans-sum = Sum
plans-should-be = should be { $balance }
plans-dialog-cancel = Cancel
plans-saving = Saving…
plans-propose = Propose this plan
plans-propose-new = Propose the new plan

## Today's installment reminders.

plans-reminders-heading = Installment plans
plans-reminder-what = { $kind } · { $seq } of { $count }
plans-reminder-due = due { $date }
plans-message = Message
plans-message-hide = Hide message
plans-print-letter = Print letter
plans-mark-sent = Mark as sent
plans-mark-sent-title = For an e-mail you sent from your own mail program
plans-letter-printed = Printed and recorded. Saved as { $path }
plans-letter-printed-job = Printed (job { $job }) and recorded. Saved as { $path }
plans-letter-opened = Opened { $path } in your PDF viewer. Once it is printed and posted, choose “Mark as sent”.

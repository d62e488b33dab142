## Words many screens share: counts, actions, states.

count-invoices = { $count ->
    [one] { $count } invoice
   *[other] { $count } invoices
}
count-clients = { $count ->
    [one] { $count } client
   *[other] { $count } clients
}
count-payments = { $count ->
    [one] { $count } payment
   *[other] { $count } payments
}
count-followups = { $count ->
    [one] { $count } follow-up
   *[other] { $count } follow-ups
}
count-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

## The default ladder's step names (lib/stages.ts).

stage-default-heads-up = Friendly heads-up
stage-default-reminder = Friendly reminder
stage-default-follow-up = Polite follow-up
stage-default-plan-offer = Offer of a payment plan
stage-default-final-notice = Final courteous notice

## Invoice state badges (lib/StateBadge.svelte).

state-part-paid = part paid
state-days-overdue = { $count ->
    [one] { $count } day overdue
   *[other] { $count } days overdue
}
conflict-client-named = { $name } changed this client at { $time }. Nothing of yours was saved; reload to see their change, then make yours again.
conflict-client-someone = Someone else changed this client at { $time }. Nothing of yours was saved; reload to see their change, then make yours again.
conflict-invoice-named = { $name } changed this invoice at { $time }. Nothing of yours was saved; reload to see their change, then make yours again.
conflict-invoice-someone = Someone else changed this invoice at { $time }. Nothing of yours was saved; reload to see their change, then make yours again.
conflict-reload = Reload
made-by = by { $name }

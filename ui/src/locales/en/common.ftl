## Words many screens share: counts, actions, states.

count-invoices = { $count ->
    [one] { $count } invoice
   *[other] { $count } invoices
}
count-invoices-paid = { $count ->
    [one] { $count } invoice paid
   *[other] { $count } invoices paid
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

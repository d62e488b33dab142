## Words many screens share: counts, actions, states.

count-invoices = { $count ->
    [one] { $count } facture
   *[other] { $count } factures
}
count-invoices-paid = { $count ->
    [one] { $count } facture payée
   *[other] { $count } factures payées
}
count-clients = { $count ->
    [one] { $count } client
   *[other] { $count } clients
}
count-payments = { $count ->
    [one] { $count } paiement
   *[other] { $count } paiements
}
count-followups = { $count ->
    [one] { $count } relance
   *[other] { $count } relances
}
count-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}

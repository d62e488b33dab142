## Words many screens share: counts, actions, states.

count-invoices = { $count ->
    [one] { $count } Rechnung
   *[other] { $count } Rechnungen
}
count-invoices-paid = { $count ->
    [one] { $count } Rechnung bezahlt
   *[other] { $count } Rechnungen bezahlt
}
count-clients = { $count ->
    [one] { $count } Kunde
   *[other] { $count } Kunden
}
count-payments = { $count ->
    [one] { $count } Zahlung
   *[other] { $count } Zahlungen
}
count-followups = { $count ->
    [one] { $count } Erinnerung
   *[other] { $count } Erinnerungen
}
count-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}

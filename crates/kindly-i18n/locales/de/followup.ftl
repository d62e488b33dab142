# Die Wendungen einer Erinnerung, die ihre Rechnung(en) nennen, in Numerus-Kongruenz.
# $count: Anzahl; $numbers: die Nummern („A, B und C“); $date: das Fälligkeitsdatum.
# Die Sätze mit Verb beginnen groß: die Vorlagen setzen sie nach einem Doppelpunkt.

list-and = und

invoice-phrase = { $count ->
    [one] Rechnung { $numbers }
   *[other] Rechnungen { $numbers }
}
invoice-phrase-title = { $count ->
    [one] Rechnung { $numbers }
   *[other] Rechnungen { $numbers }
}
about-invoices = { $count ->
    [one] wegen der Rechnung { $numbers }
   *[other] wegen der Rechnungen { $numbers }
}
invoices-due-on = { $count ->
    [one] Die Rechnung { $numbers } ist am { $date } fällig
   *[other] Die Rechnungen { $numbers } sind am { $date } fällig
}
invoices-were-due-on = { $count ->
    [one] Die Rechnung { $numbers } war am { $date } fällig
   *[other] Die Rechnungen { $numbers } waren am { $date } fällig
}
invoices-still-open = { $count ->
    [one] Die Rechnung { $numbers } ist noch offen
   *[other] Die Rechnungen { $numbers } sind noch offen
}

# A payment plan's installments, agreeing in number. $count: how many;
# $total: what they add up to; $list: each amount and its date ("A, B and C").
plan-total-in-installments = { $count ->
    [one] { $total } in { $count } Rate
   *[other] { $total } in { $count } Raten
}
plan-already-proposed = { $count ->
    [one] die bereits vorgeschlagene Rate: { $list }.
   *[other] die bereits vorgeschlagenen { $count } Raten: { $list }.
}

# Les tournures d'un rappel qui nomment la ou les factures, accordées en nombre.
# $count : combien ; $numbers : les numéros (« A, B et C ») ; $date : l'échéance.

list-and = et

invoice-phrase = { $count ->
    [one] facture { $numbers }
   *[other] factures { $numbers }
}
invoice-phrase-title = { $count ->
    [one] Facture { $numbers }
   *[other] Factures { $numbers }
}
about-invoices = { $count ->
    [one] au sujet de la facture { $numbers }
   *[other] au sujet des factures { $numbers }
}
invoices-due-on = { $count ->
    [one] la facture { $numbers } arrive à échéance le { $date }
   *[other] les factures { $numbers } arrivent à échéance le { $date }
}
invoices-were-due-on = { $count ->
    [one] la facture { $numbers } était due le { $date }
   *[other] les factures { $numbers } étaient dues le { $date }
}
invoices-still-open = { $count ->
    [one] la facture { $numbers } n'est pas encore réglée
   *[other] les factures { $numbers } ne sont pas encore réglées
}

# A payment plan's installments, agreeing in number. $count: how many;
# $total: what they add up to; $list: each amount and its date ("A, B and C").
plan-total-in-installments = { $count ->
    [one] { $total } en { $count } échéance
   *[other] { $total } en { $count } échéances
}
plan-already-proposed = { $count ->
    [one] le versement déjà proposé : { $list }.
   *[other] les { $count } versements déjà proposés : { $list }.
}

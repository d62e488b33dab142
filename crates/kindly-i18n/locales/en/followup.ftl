# The phrases of a reminder that name its invoice(s), agreeing in number.
# $count: how many invoices; $numbers: the numbers joined ("A, B and C");
# $date: the due date as written in the letter.

list-and = and

invoice-phrase = { $count ->
    [one] invoice { $numbers }
   *[other] invoices { $numbers }
}
invoice-phrase-title = { $count ->
    [one] Invoice { $numbers }
   *[other] Invoices { $numbers }
}
about-invoices = { $count ->
    [one] about invoice { $numbers }
   *[other] about invoices { $numbers }
}
invoices-due-on = { $count ->
    [one] invoice { $numbers } is due on { $date }
   *[other] invoices { $numbers } are due on { $date }
}
invoices-were-due-on = { $count ->
    [one] invoice { $numbers } was due on { $date }
   *[other] invoices { $numbers } were due on { $date }
}
invoices-still-open = { $count ->
    [one] invoice { $numbers } is still open
   *[other] invoices { $numbers } are still open
}

# A payment plan's installments, agreeing in number. $count: how many;
# $total: what they add up to; $list: each amount and its date ("A, B and C").
plan-total-in-installments = { $count ->
    [one] { $total } in { $count } installment
   *[other] { $total } in { $count } installments
}
plan-already-proposed = { $count ->
    [one] the installment already proposed: { $list }.
   *[other] the { $count } installments already proposed: { $list }.
}

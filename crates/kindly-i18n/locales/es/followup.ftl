# Las expresiones de un recordatorio que nombran la o las facturas, concordadas en número.
# $count: cuántas; $numbers: los números («A, B y C»); $date: el vencimiento.

list-and = y

invoice-phrase = { $count ->
    [one] factura { $numbers }
   *[other] facturas { $numbers }
}
invoice-phrase-title = { $count ->
    [one] Factura { $numbers }
   *[other] Facturas { $numbers }
}
about-invoices = { $count ->
    [one] sobre la factura { $numbers }
   *[other] sobre las facturas { $numbers }
}
invoices-due-on = { $count ->
    [one] la factura { $numbers } vence el { $date }
   *[other] las facturas { $numbers } vencen el { $date }
}
invoices-were-due-on = { $count ->
    [one] la factura { $numbers } venció el { $date }
   *[other] las facturas { $numbers } vencieron el { $date }
}
invoices-still-open = { $count ->
    [one] la factura { $numbers } sigue pendiente
   *[other] las facturas { $numbers } siguen pendientes
}

# A payment plan's installments, agreeing in number. $count: how many;
# $total: what they add up to; $list: each amount and its date ("A, B and C").
plan-total-in-installments = { $count ->
    [one] { $total } en { $count } plazo
   *[other] { $total } en { $count } plazos
}
plan-already-proposed = { $count ->
    [one] el plazo ya propuesto: { $list }.
   *[other] los { $count } plazos ya propuestos: { $list }.
}

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

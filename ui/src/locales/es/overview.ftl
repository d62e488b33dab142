## The overview: who owes what, since when, and what comes in next.

overview-title = Resumen
# $day: today's date.
overview-figures-for = Cifras a { $day }
overview-reports = Informes
overview-reports-label = Informes:
overview-report-aging-csv = Antigüedad de saldos (CSV)
overview-report-aging-pdf = Antigüedad de saldos (PDF)
overview-report-collected-csv = Cobrado por mes (CSV)
overview-report-collected-pdf = Cobrado por mes (PDF)
# $file: the saved report's file name, shown as a link.
overview-report-saved = Informe guardado como { $file }
overview-empty = Todavía nadie le debe nada.
overview-empty-hint = En cuanto emita facturas, esta página le mostrará quién le debe qué y desde cuándo, qué debería entrar en las próximas semanas y qué recordatorio suele conseguir que le paguen.
overview-write-invoice = Crear una factura
overview-import = Importar desde otra herramienta
overview-currency = Moneda
overview-figures-in = Cifras en { $currency }
overview-totals = Totales
overview-outstanding = Pendiente
overview-overdue = Vencido
overview-dso = Periodo medio de cobro (DSO)
# How the DSO figure is made: "€4,000.00 owed ÷ €9,000.00 invoiced × 90".
overview-dso-sum = { $owed } pendiente ÷ { $invoiced } facturado × { $days }
overview-days-to-pay = Días medios hasta el pago
overview-paid-in-12-months = { $count ->
    [one] { $count } factura pagada en 12 meses
   *[other] { $count } facturas pagadas en 12 meses
}
overview-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
overview-how-these = Cómo se calculan
overview-how-this = Cómo se calcula
overview-rule-dso = DSO = saldo pendiente de cobro hoy ÷ importe facturado en los últimos 90 días × 90. Facturado significa emitido y no anulado, por fecha de emisión, hoy y los 89 días anteriores. No hay DSO si no se facturó nada en esos 90 días.
overview-rule-days-to-pay = Días hasta el pago = días desde la fecha de emisión de una factura hasta el día en que quedó pagada por completo (la fecha del pago que la saldó), de media sobre las facturas pagadas por completo en los últimos 12 meses (desde el día siguiente a la misma fecha del año pasado hasta hoy).
overview-rule-cash-in = Los cobros previstos cuentan cada factura abierta una sola vez: en su fecha de vencimiento; por el importe prometido, en cambio, el día de una promesa abierta; y una factura incluida en un plan de pagos activo, en cambio, a través de los plazos pendientes del plan, en sus fechas de vencimiento. Lo que ya va con retraso (vencido, prometido para un día que ya pasó, plazos vencidos) se muestra aparte, nunca como previsto para la semana que viene. En riesgo: la parte del importe previsto en facturas con una promesa o un plan incumplidos, y los plazos de un plan que va atrasado.
overview-rule-steps = Para cada paso de la escalera realizado al menos una vez: cuántas veces se realizó y cuántas de esas facturas quedaron pagadas por completo el día del paso o en los 7 días siguientes.
overview-aging-title = Antigüedad: cuánto tiempo lleva vencido lo que se le debe
overview-aging-caption = Antigüedad en { $currency }
overview-owed = Adeudado
overview-invoices = Facturas
overview-cash-title = Cobros previstos
overview-cash-caption = Cobros previstos en { $currency }, por semana y por mes
overview-cash-when = Cuándo
overview-cash-expected = Previsto
overview-cash-due-dates = Vencimientos
overview-cash-promises = Promesas
overview-cash-installments = Plazos
overview-cash-at-risk = En riesgo
overview-already-late = Ya con retraso, no incluido arriba:
overview-months-title = Facturado y cobrado, últimos 12 meses
overview-months-caption = Facturado y cobrado por mes en { $currency }
overview-month = Mes
overview-invoiced = Facturado
overview-collected = Cobrado
overview-steps-title = Qué recordatorio precede al pago
overview-steps-empty = Todavía no se ha enviado ningún recordatorio en { $currency }.
overview-steps-caption = Proporción de facturas pagadas en los 7 días posteriores a cada paso
overview-step = Paso
overview-steps-done = Realizados
overview-steps-paid-7 = Pagadas en 7 días
# $paid invoices paid within 7 days, $percent of the steps done.
overview-steps-paid-share = { $paid } ({ $percent } %)
overview-slow-title = Los que más tardan en pagar
overview-slow-empty = Ninguna factura en { $currency } se pagó en los últimos 12 meses.
overview-slow-caption = Clientes con la media de días hasta el pago más alta
overview-client = Cliente
overview-average = Media

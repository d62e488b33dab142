# Documentos generados en Rust: el expediente de pruebas (en el idioma del
# cliente), los informes (en el idioma del usuario), el historial.

page-label = Página { $n } de { $m }
total = Total

## El expediente de pruebas
dossier-title = Historial de pagos: { $client }
dossier-title-invoice = Historial de pagos: { $client } · factura { $number }
dossier-client = Cliente: { $who }
dossier-prepared = Preparado por { $business } el { $at }; todas las horas se indican con su diferencia respecto a UTC.
dossier-counts = { $entries ->
    [one] Una entrada
   *[other] { $entries } entradas
}, { $files ->
    [one] un archivo adjunto
   *[other] { $files } archivos adjuntos
}. El historial solo crece: una corrección es una entrada nueva.
dossier-footer = { $business } · historial de pagos de { $client }
dossier-summary = Resumen a { $date }
dossier-cancelled = { $number } (anulada)
dossier-total = Total ({ $currency }): facturado { $invoiced }, pagado { $paid }, pendiente { $owing }; mayor retraso: { $days ->
    [one] { $days } día
   *[other] { $days } días
}.
dossier-payments = Pagos recibidos
dossier-promises = Promesas de pago
dossier-contacts = Todos los contactos, en orden
dossier-corrects = { $summary } (corrige la n.º { $id })
dossier-texts = Texto completo de correos, cartas, llamadas y notas
dossier-attachments = Archivos adjuntos
dossier-no-files = Estas entradas no tienen archivos adjuntos.
dossier-promise = promesa: { $amount } antes del { $date }
col-invoice = Factura
col-issued = Emitida
col-due = Vencimiento
col-invoiced = Facturado
col-paid = Pagado
col-owing = Pendiente
col-days-overdue = Días de retraso
col-paid-on = Pagado el
col-amount = Importe
col-method = Forma de pago
col-reference = Referencia
col-promised-for = Prometido para
col-given-by = Dada
col-recorded = Registrada
col-outcome = Resultado
col-entry = Entrada
col-time = Hora
col-kind = Tipo
col-channel = Canal
col-direction = Sentido
col-what = Qué pasó
col-details = Detalles
col-refers-to = Corrige la entrada
col-files = Archivos
field-outcome = Resultado
field-from = De
field-to = Para
field-date = Fecha
field-subject = Asunto
field-retry-on = Volver a intentar el
field-hold = En espera
field-until = Hasta
field-reason = Motivo

## Informes (idioma del usuario)
report-aging-title = Antigüedad de saldos
report-aging-subtitle = Facturas abiertas por días desde su vencimiento, a { $date }.
report-per-currency = Por moneda: los importes en monedas distintas nunca se suman.
report-aging-empty = No hay nada pendiente: todas las facturas emitidas están pagadas.
report-collected-title = Facturado y cobrado por mes
report-collected-subtitle = { $months ->
    [one] Este mes
   *[other] Los últimos { $months } meses
}, a { $date }.
report-collected-explain = Facturado: facturas emitidas por fecha de emisión (sin las anuladas). Cobrado: pagos por fecha.
report-collected-empty = Todavía no se ha facturado ni cobrado nada.
col-client = Cliente
col-client-id = N.º de cliente
col-currency = Moneda
col-month = Mes
col-invoices = Facturas
col-collected = Cobrado
col-payments = Pagos

## Resúmenes del historial, a partir de los datos registrados
timeline-invoice-created = Factura { $number } creada: { $total }
timeline-invoice-issued = Factura { $number } emitida
timeline-invoice-cancelled = Factura { $number } anulada
timeline-payment-recorded = Pago de { $amount } recibido para { $number } ({ $method }); pendiente: { $outstanding }
timeline-invoice-created-plain = Factura { $number } creada
timeline-payment-received-plain = Pago recibido para { $number }
timeline-interest-on = Ha activado los intereses legales de demora para este cliente: { $law }; el cliente es { $debtor }.
timeline-interest-off = Ha desactivado los intereses legales de demora para este cliente.
timeline-interest-rate-added = Ha introducido el { $series } publicado del { $rate } % desde el { $from } (fuente: { $source }); Kindly lo usa para los periodos posteriores a su propia tabla de tipos.

## E-invoices
einvoice-credit-terms = Abono de la factura { $invoice }: se compensa con el importe pendiente o se reembolsa.
letter-einvoice-issued = { $count ->
    [one] La factura se emitió como factura electrónica ({ $format }); con gusto se la vuelvo a enviar si la necesita.
   *[other] Las facturas se emitieron como facturas electrónicas ({ $format }); con gusto se las vuelvo a enviar si las necesita.
}

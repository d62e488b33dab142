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
timeline-plan-proposed = { $count ->
    [one] Plan de pagos n.º { $plan } propuesto: { $total } en { $count } plazo para { $invoices }
   *[other] Plan de pagos n.º { $plan } propuesto: { $total } en { $count } plazos para { $invoices }
}
timeline-plan-agreed = Plan de pagos n.º { $plan } ({ $invoices }) acordado el { $date } ({ $how }); los recordatorios de las facturas se pausan mientras se cumpla
timeline-plan-cancelled = Plan de pagos n.º { $plan } ({ $invoices }) cancelado; los recordatorios de las facturas se reanudan
timeline-plan-cancelled-invoice = Plan de pagos n.º { $plan } ({ $invoices }) cancelado porque se anuló una de sus facturas
timeline-plan-completed = Plan de pagos n.º { $plan } ({ $invoices }) completado: todos los plazos pagados
timeline-plan-broken = { $days ->
    [one] Plan de pagos n.º { $plan } ({ $invoices }) incumplido: el plazo { $installment } lleva { $days } día de retraso; los recordatorios de las facturas se reanudan
   *[other] Plan de pagos n.º { $plan } ({ $invoices }) incumplido: el plazo { $installment } lleva { $days } días de retraso; los recordatorios de las facturas se reanudan
}
timeline-plan-renegotiated = Plan de pagos n.º { $plan } ({ $invoices }) renegociado: sustituido por el plan de pagos n.º { $new }
timeline-installment-heads-up = { $channel ->
    [email] Aviso del plazo { $installment } del plan de pagos n.º { $plan } enviado por correo electrónico
    [letter] Aviso del plazo { $installment } del plan de pagos n.º { $plan } enviado por carta
   *[other] Aviso del plazo { $installment } del plan de pagos n.º { $plan } dado por teléfono
}
timeline-installment-reminder = { $channel ->
    [email] Recordatorio del plazo { $installment } del plan de pagos n.º { $plan } enviado por correo electrónico
    [letter] Recordatorio del plazo { $installment } del plan de pagos n.º { $plan } enviado por carta
   *[other] Recordatorio del plazo { $installment } del plan de pagos n.º { $plan } dado por teléfono
}
timeline-plan-off-track = { $channel ->
    [email] Aviso cortés de que el plan de pagos n.º { $plan } no se está cumpliendo, enviado por correo electrónico
    [letter] Aviso cortés de que el plan de pagos n.º { $plan } no se está cumpliendo, enviado por carta
   *[other] Aviso cortés de que el plan de pagos n.º { $plan } no se está cumpliendo, dado por teléfono
}
timeline-promise-recorded = Promesa de pagar { $amount } antes del { $date } por la factura { $number } ({ $how })
timeline-promise-kept = Promesa cumplida: factura { $number }, prometida para el { $date }
timeline-promise-broken = Promesa incumplida: factura { $number }, prometida para el { $date }
timeline-email-sent = Correo electrónico enviado a { $to }: { $subject }
timeline-statement-sent = Extracto de cuenta enviado a { $to }: { $subject }
timeline-statement-printed = { $count ->
    [one] Extracto de cuenta impreso ({ $count } factura abierta)
   *[other] Extracto de cuenta impreso ({ $count } facturas abiertas)
}
timeline-credit-note = Factura rectificativa { $note } de { $amount } emitida para { $number } ({ $reason }); { $standing }
timeline-payment-reversed = Pago de { $amount } recibido el { $date } para { $number } anulado ({ $reason }); { $standing }
timeline-payment-reversed-plain = Pago de { $amount } recibido el { $date } para { $number } anulado ({ $reason })
timeline-refund = Reembolso de { $amount } para { $number } ({ $method }, { $reason }); { $standing }
timeline-standing-owing = quedan { $amount } por pagar
timeline-standing-credit = el cliente tiene un saldo a favor de { $amount }
timeline-standing-nothing = no queda nada por pagar
timeline-call = Llamada por la factura { $number }: { $outcome }
timeline-call-promise = ; promesa de pagar { $amount } antes del { $date }
timeline-call-plan = ; pidió un plan de pagos
timeline-call-retry = ; volver a intentarlo el { $date }
timeline-promise-follow-up = Seguimiento de la promesa de la factura { $number } ({ $channel })
timeline-email-withdrawn = Correo electrónico retirado antes de enviarse.
timeline-email-withdrawn-settled = No enviado: sus facturas se pagaron o anularon entretanto.
timeline-email-withdrawn-no-longer-due = No enviado: ya no procedía cuando le llegó el turno.
timeline-hold-disputed = Recordatorios en pausa: factura en disputa
timeline-chasing-paused-until = Recordatorios en pausa hasta el { $date }
timeline-chasing-paused = Recordatorios en pausa
timeline-chasing-resumed = Recordatorios reanudados
timeline-chasing-on = Recordatorios activados
timeline-chasing-off = Recordatorios desactivados

## A ladder step done by hand or printed, and the default ladder's step names
timeline-step-email = Correo enviado: { $stage } para { $count ->
    [one] la factura
   *[other] las facturas
} { $numbers }
timeline-step-letter = Carta impresa: { $stage } para { $count ->
    [one] la factura
   *[other] las facturas
} { $numbers }
timeline-step-call = Llamada realizada: { $stage } para { $count ->
    [one] la factura
   *[other] las facturas
} { $numbers }
stage-default-heads-up = Aviso amistoso
stage-default-reminder = Recordatorio amistoso
stage-default-follow-up = Seguimiento cordial
stage-default-plan-offer = Propuesta de pago a plazos
stage-default-final-notice = Último aviso cordial
timeline-invoice-imported = Factura { $number } importada de la factura electrónica { $name } (SHA-256 { $sha }…)

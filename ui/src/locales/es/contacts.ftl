## Calls, promises to pay, inbound contact, the timeline and the payment record.

contacts-filter-invoices = Facturas
contacts-filter-payments = Pagos
contacts-filter-followups = Recordatorios enviados
contacts-filter-statements = Extractos de cuenta
contacts-filter-calls = Llamadas
contacts-filter-inbound = Recibidos
contacts-filter-notes = Notas y correcciones
contacts-filter-promises = Promesas
contacts-filter-holds = Pausas

## A phone call.

contacts-call-title = Llamar a { $name }
contacts-call-title-plain = Llamada
contacts-call-no-phone = No hay ningún teléfono registrado
contacts-call-invoice-owing = · factura { $number } · pendiente: { $amount }
contacts-call-script-heading = Qué decir
contacts-call-propose-plan = Proponer ahora el plan de pagos…
contacts-call-plan-proposed = Plan de pagos n.º { $id } propuesto; puede verlo en la página de la factura.
contacts-call-outcome-legend = ¿Cómo ha ido?
contacts-call-retry-on = Volver a llamar el
contacts-call-promised = Prometió pagar
contacts-call-promise-by = Antes del
contacts-call-plan-asked = Pidió un plan de pagos
contacts-call-wrong-number-hint = Kindly le sugerirá escribir un correo o una carta en su lugar.
contacts-call-notes = Notas
contacts-call-close = Cerrar
contacts-call-done = Hecho
contacts-call-saving = Guardando…
contacts-call-log = Registrar la llamada

contacts-call-logged = Llamada registrada.
contacts-call-logged-done = Llamada registrada; este paso está hecho.
contacts-call-logged-promise = Llamada registrada. Los recordatorios de esta factura se pausan hasta el día prometido.
contacts-call-logged-retry = Llamada registrada. La factura vuelve a la lista el { $date }.
contacts-call-wrong-number = { $channel ->
    [email] Número equivocado registrado. Podría escribir un correo en su lugar; compruebe el número de teléfono del cliente.
   *[letter] Número equivocado registrado. Podría escribir una carta en su lugar; compruebe el número de teléfono del cliente.
}

## Promises to pay.

contacts-promise-amount = Importe (en blanco: todo)
contacts-promise-form-heading = Registrar una promesa de pago
contacts-promise-will-pay-by = Pagará antes del
contacts-promise-given = Medio
contacts-promise-save = Registrar la promesa
contacts-promise-saved = Promesa de { $amount } registrada; los recordatorios de esta factura se pausan hasta entonces.
contacts-promises-heading = Promesas de pago
contacts-promises-by = Antes del
contacts-promises-invoice = Factura
contacts-promises-amount = Importe
contacts-promises-given = Medio
contacts-promises-outcome = Resultado
contacts-promise-how = { $how ->
    [call] por teléfono
    [email] por correo
    [letter] por carta
   *[in_person] en persona
}
contacts-promise-outcome = { $outcome ->
    [kept] Cumplida
    [broken] No cumplida
   *[open] Pendiente
}
contacts-followups-heading = Promesas que requieren seguimiento
contacts-followup-promised = prometió { $amount } antes del { $date } · pendiente: { $owing }
contacts-followup-to = a
contacts-followup-by-letter = por carta
contacts-followup-done = { $channel ->
    [email] Marcar como enviado (correo)
   *[letter] Marcar como enviado (carta)
}

## Adding to the record.

contacts-note-label = Añadir al historial
contacts-note-kind = Tipo de entrada
contacts-note-placeholder-email = Pegue aquí el correo o elija su archivo .eml
contacts-note-placeholder-letter = Lo que dice la carta (adjunte el escaneo abajo)
contacts-note-placeholder-call = Lo que le dijeron…
contacts-note-placeholder-note = Llamé hoy; prometió pagar el viernes…
contacts-note-file-eml = El archivo .eml
contacts-note-file-scan = El escaneo (PDF, PNG o JPEG)
contacts-note-add = Añadir nota

## The timeline.

contacts-timeline-heading = Historial
contacts-timeline-from = Desde
contacts-timeline-to = Hasta
contacts-timeline-empty = No hay nada que mostrar.
contacts-timeline-corrects = corrige la n.º { $id }
contacts-timeline-corrected = corregida después
contacts-timeline-details = Detalles
contacts-timeline-hide-details = Ocultar detalles
contacts-timeline-correct = Corregir
contacts-detail-from = De
contacts-detail-to = Para
contacts-detail-subject = Asunto
contacts-detail-outcome = Resultado
contacts-detail-reason = Motivo
contacts-detail-outcome-value = { $outcome ->
    [reached] contactado
    [voicemail] mensaje en el buzón de voz
    [no_answer] sin respuesta
    [wrong_number] número equivocado
   *[other] { $outcome }
}
contacts-open-file = Abrir
contacts-correction = Corrección
contacts-correction-save = Guardar la corrección
contacts-correction-hint = La entrada original se conserva; la corrección se añade a su lado.
contacts-timeline-loading = Cargando…
contacts-timeline-older = Mostrar entradas anteriores

## The payment record (dossier).

contacts-dossier-busy = Preparando el expediente…
contacts-dossier-export = Exportar el expediente de pagos
# { $pdf }, { $csv } and { $zip } are the files' paths, shown as code; keep them in this order.
contacts-dossier-saved = { $count ->
    [one] { $count } entrada guardada: { $pdf }, { $csv } y { $zip }.
   *[other] { $count } entradas guardadas: { $pdf }, { $csv } y { $zip }.
}
contacts-dossier-open = Abrir el PDF
contacts-dossier-problem = { $status ->
    [missing] { $name } (entrada n.º { $entry }) no se encuentra; así consta en el expediente.
    [changed] { $name } (entrada n.º { $entry }) ha cambiado; así consta en el expediente.
   *[other] { $name } (entrada n.º { $entry }): { $status }; así consta en el expediente.
}

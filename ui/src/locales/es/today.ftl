## Follow-ups: Today, the ladder, the message preview, printed letters, the invoice's follow-up box.

today-title = Recordatorios de hoy
today-list-by-client = Recordatorios de hoy por cliente
today-list-by-channel = Recordatorios de hoy por canal
today-showing = { $total ->
    [one] Mostrando { $matching } de { $total } recordatorio
   *[other] Mostrando { $matching } de { $total } recordatorios
}
today-empty = Hoy no hay nada pendiente.
today-empty-filtered = Ningún recordatorio coincide con estos filtros.
today-empty-hint = Todas las facturas están pagadas, aún no han vencido o ya tienen su recordatorio. ¡Que tenga un buen día!
today-clear-the-filters = Quitar los filtros
today-back-clients = ← Todos los clientes
today-back-channels = ← Todos los canales
today-shortcuts = Atajos de teclado
today-key-send = Enviar todos los correos (pregunta antes)
today-key-print = Imprimir las cartas de hoy (pregunta antes)
today-key-group = Agrupar por cliente, por canal o no agrupar
today-key-filter = Ir a los filtros
today-key-clear = Quitar los filtros
today-key-refresh = Volver a cargar la lista de hoy
today-key-help = Mostrar estos atajos

## Filters and grouping.
today-filters-legend = Filtrar y agrupar los recordatorios de hoy
today-group-by = Agrupar por
today-group-nothing = Sin agrupar
today-filter-any = Todos
today-filter-channel = Canal
today-filter-step = Paso
today-filter-tone = Tono
today-filter-language = Idioma
today-filter-currency = Moneda
today-filter-min-amount = Importe pendiente mínimo
today-clear-filters = Quitar filtros
# A choice in a filter list and how many follow-ups it would show: "E-mail (73)".
today-facet-option = { $label } ({ $count })

## One row of the queue.
today-due-overdue = { $days ->
    [one] { $days } día de retraso
   *[other] { $days } días de retraso
}
today-due-today = vence hoy
today-due-tomorrow = vence mañana
today-due-in = { $days ->
    [one] vence en { $days } día
   *[other] vence en { $days } días
}
today-letter-confirm = ¿impresa? confirmar
today-letter-not-printed = creada, sin imprimir

## The ladder.
today-ladder-title = Escalera de recordatorios
today-ladder-language = Idioma de los textos
today-ladder-pick = Elija «Texto» en un paso para editar lo que Kindly escribe.
today-ladder-hint = Cada paso se propone el número de días indicado después del vencimiento (negativo: antes). Kindly usa el tono y el canal que usted elija.
today-ladder-save-first = Guarde primero la escalera
today-ladder-wording = Texto
today-ladder-add = Añadir paso
today-ladder-saved = Escalera guardada.
today-ladder-save = Guardar escalera
today-new-stage = Nuevo paso
today-offset-not-whole = Paso { $stage }: los días deben ser un número entero.
today-offset-on-due-date = el día del vencimiento
today-offset-before = { $days ->
    [one] { $days } día antes del vencimiento
   *[other] { $days } días antes del vencimiento
}
today-offset-after = { $days ->
    [one] { $days } día después del vencimiento
   *[other] { $days } días después del vencimiento
}
today-stages-caption = Pasos de los recordatorios
today-stages-stage = Paso
today-stages-days = Días después del vencimiento
today-stages-tone = Tono
today-stages-channel = Canal
today-stages-actions = Acciones
today-stages-name-of = Nombre del paso { $stage }
today-stages-days-of = Días después del vencimiento para el paso { $stage }
today-stages-tone-of = Tono del paso { $stage }
today-stages-channel-of = Canal del paso { $stage }
today-stages-remove = Quitar
today-stages-remove-label = Quitar el paso { $stage }

## Shared words.
today-loading = Cargando…
today-saving = Guardando…
today-save = Guardar
today-saved = Guardado.
today-cancel = Cancelar
today-close = Cerrar
today-paper = Papel
today-open-outbox = Abrir la bandeja de salida
# $file is the saved file's name, shown as a link.
today-saved-as = Guardado como { $file }

## The invoice page's follow-up box.
today-box-title = Recordatorios
today-box-write = Escribir al cliente ahora
today-box-pdf = Descargar PDF
today-box-pdf-busy = Creando el PDF…
today-hold-label = Recordatorios de esta factura
today-hold-none = Recordar como de costumbre
today-hold-none-hint = Kindly propone recordatorios cuando esta factura se retrasa.
today-hold-disputed = En disputa
today-hold-disputed-hint = Sin recordatorios mientras resuelve un desacuerdo.
today-hold-paused = En pausa hasta…
today-hold-paused-hint = Sin recordatorios hasta una fecha, por ejemplo tras una promesa de pago.
today-hold-until = En pausa hasta (último día)
today-hold-reason = Motivo
today-hold-reason-placeholder = p. ej., el cliente cuestionó las horas

## The invoice picker of the wording editor.
today-picker-placeholder = Número de factura o cliente
today-picker-list = Facturas
today-picker-empty = No hay facturas que coincidan

## The message preview.
today-preview-title = Recordatorio para { $client }
today-preview-title-empty = Recordatorio
today-preview-bundle = { $count ->
    [one] Incluir otra factura vencida de este cliente en el mismo mensaje
   *[other] Incluir otras { $count } facturas vencidas de este cliente en el mismo mensaje
}
today-preview-send-as = Enviar como
today-preview-needs-decision = Este correo espera su decisión.
today-preview-in-outbox = Este correo está en la bandeja de salida.
today-preview-recipient = Destinatario
today-preview-to = Para
today-preview-address = Dirección
today-preview-phone = Teléfono
today-preview-no-email = No hay dirección de correo registrada
today-preview-no-address = No hay dirección postal registrada
today-preview-no-phone = No hay número de teléfono registrado
today-preview-call-script = Guion de la llamada
today-preview-subject = Asunto
today-preview-message = Mensaje
# $files: the names of the attached files.
today-preview-attached = Adjuntos: { $files }
today-preview-offer-plan = Ofrecer un plan de pagos…
today-preview-plan-proposed = Plan de pagos n.º { $plan } propuesto; puede verlo en la página de la factura.
today-preview-qr-note = En la carta se imprimirá un código QR de pago.
today-preview-generate-letter = Crear la carta en PDF
today-preview-generating = Creando…
today-preview-letter-saved = Guardada como { $file }: una vista previa, no registrada como enviada. Imprímala desde «Hoy» o marque el paso como hecho cuando la haya enviado por correo.
today-preview-writing = Redactando el mensaje…
today-preview-note = Nota para sus registros (opcional)
today-preview-email-setup = Configurar el correo en Ajustes
today-preview-done-in-outbox = El correo de este paso está en la bandeja de salida: envíelo, confírmelo o retírelo allí primero
today-preview-done-own-mail = Para un correo que envió desde su propio programa de correo
today-preview-log-call = Registrar la llamada como hecha
today-preview-mark-sent = Marcar como enviado
today-preview-mark-done = Marcar como hecho
today-preview-send-email = Enviar correo
today-preview-sending = Enviando…

## The tone check.
today-tone-all-good = ✓ Revisión del tono: todo bien
today-tone-suggestions = { $count ->
    [one] Revisión del tono: una sugerencia
   *[other] Revisión del tono: { $count } sugerencias
}
# Shown in other languages instead of Kindly's English finding; the phrase it is about is quoted beside it.
today-finding-threat = Esta expresión puede sonar a amenaza o presión; dígalo con más suavidad.
today-finding-shouting = Las palabras en mayúsculas parecen gritos; escríbalas en minúsculas.
today-finding-exclamation = Varios signos de exclamación hacen que el mensaje suene urgente o molesto; un punto tranquilo funciona mejor.
today-finding-no-greeting = Salude al cliente por su nombre, p. ej., «Buenos días, {"{{ greeting_name }}"}:».
today-finding-missing-amount = Indique cuánto queda pendiente ({"{{ amount_owing }}"}).
today-finding-missing-due-date = Mencione la fecha de vencimiento ({"{{ due_date }}"}).
today-finding-missing-invoice-number = Nombre la factura ({"{{ invoice_numbers }}"}).
today-finding-missing-terms = Recuerde las condiciones de pago ({"{{ payment_terms }}"}).
today-finding-no-payment-methods = Indique las formas de pago ({"{{ payment_methods }}"}); ponerlo fácil es el recordatorio más amable.
today-finding-no-thanks = Agradezca al cliente su confianza o su tiempo.

## Printing today's letters.
today-letters-print = Imprimir las cartas de hoy
today-letters-print-n = Imprimir las cartas de hoy ({ $count })
today-letters-preparing = Preparando las cartas…
today-letters-none-due = Hoy no hay cartas pendientes.
today-letters-printed = { $count ->
    [one] Una carta impresa y registrada en el historial del cliente.
   *[other] { $count } cartas impresas y registradas en el historial de cada cliente.
}
today-letters-printed-job = { $count ->
    [one] Una carta impresa (trabajo { $job }) y registrada en el historial del cliente.
   *[other] { $count } cartas impresas (trabajo { $job }) y registradas en el historial de cada cliente.
}
today-letters-awaiting = { $count ->
    [one] Una carta abierta en su visor de PDF. ¿Se imprimió? Solo se registra como enviada cuando usted lo confirme.
   *[other] { $count } cartas abiertas en su visor de PDF. ¿Se imprimieron? Solo se registran como enviadas cuando usted lo confirme.
}
today-letters-yes = Sí, se imprimió
today-letters-no = No, no se imprimió
# $error: what the printer or the system said.
today-letters-not-printed = { $count ->
    [one] Una carta creada, pero sin imprimir: { $error } Sigue en la lista de hoy hasta que se imprima.
   *[other] { $count } cartas creadas, pero sin imprimir: { $error } Siguen en la lista de hoy hasta que se impriman.
}
today-letters-retry = Volver a imprimir
today-letters-saved = { $count ->
    [one] Una carta guardada como { $file } (sin imprimir, sin registrar).
   *[other] { $count } cartas guardadas como { $file } (sin imprimir, sin registrar).
}
today-letters-left-out-printed = Omitidas (las demás se imprimieron):
today-letters-left-out-file = Omitidas (las demás están en el archivo):
today-letters-confirm-title = { $count ->
    [one] ¿Imprimir { $count } carta ahora?
   *[other] ¿Imprimir { $count } cartas ahora?
}
# $paper: the paper size, e.g. "A4".
today-letters-confirm-text = { $invoices ->
    [one] Una carta por cliente, sobre { $invoices } factura, en papel { $paper }. Cada carta se registra en el historial del cliente una vez impresa.
   *[other] Una carta por cliente, sobre { $invoices } facturas en total, en papel { $paper }. Cada carta se registra en el historial del cliente una vez impresa.
}
today-letters-confirm = { $count ->
    [one] Imprimir { $count } carta
   *[other] Imprimir { $count } cartas
}

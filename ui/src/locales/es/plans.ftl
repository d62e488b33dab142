## Installment plans: the plan cards, offering or renegotiating a plan, and Today's installment reminders.

plans-heading = Planes de pago
plans-offer = Ofrecer un plan de pagos
plans-renegotiate-title = Renegociar el plan de pagos
plans-card-title = Plan de pagos n.º { $id }
plans-reminder-rule = Recordatorios de plazos: un aviso previo { $headsUp ->
        [0] el día en que vence cada plazo
        [one] { $headsUp } día antes de cada plazo
       *[other] { $headsUp } días antes de cada plazo
    }; un recordatorio { $reminder ->
        [one] { $reminder } día
       *[other] { $reminder } días
    } después, si sigue sin pagarse.
# The fixed rule the backend splits amounts by (SchedulePreview.rule).
plans-remainder-rule = Los importes se reparten con exactitud; si el saldo no se divide en partes iguales, los primeros plazos llevan el céntimo adicional (unidad mínima). Con un importe fijo por plazo, el último plazo es lo que queda.

## Where a plan stands.

plans-standing-proposed = Propuesto, a la espera de que el cliente lo acepte; primer pago de { $amount } el { $date }
plans-standing-on-track = Al día: próximo plazo de { $amount } el { $date }
plans-standing-late = Hay un plazo con retraso ({ $amount } el { $date }); dentro del periodo de gracia de { $days } días
plans-standing-broken = Incumplido: el plazo de { $amount } del { $date } sigue pendiente
plans-standing-completed = Completado: todos los plazos están pagados
plans-standing-renegotiated = Sustituido por un plan nuevo
plans-standing-cancelled = Cancelado
plans-standing-plain = { $standing ->
    [on_track] Al día
    [late] Con retraso
    [broken] Incumplido
    [proposed] Propuesto
    [completed] Completado
    [renegotiated] Renegociado
   *[cancelled] Cancelado
}

## A plan's card.

plans-total = Total
plans-paid = Pagado
plans-credited = Abonado (abonos desde el plan)
plans-remaining = Pendiente
plans-surplus = Pagado por encima del plan
plans-agreed = { $days ->
    [one] Acordado el { $date } ({ $how }) · periodo de gracia de { $days } día
   *[other] Acordado el { $date } ({ $how }) · periodo de gracia de { $days } días
}
plans-agreed-how-unknown = sin registrar cómo
plans-installments-caption = Plazos del plan de pagos n.º { $id }
plans-col-due = Vence el
plans-col-amount = Importe
plans-col-paid = Pagado
plans-col-status = Estado
plans-next-reminder = Próximo recordatorio de plazo a partir del { $date }.
plans-accept = El cliente ha aceptado…
plans-renegotiate = Renegociar
plans-cancel = Cancelar el plan…
plans-pdf = Carta de acuerdo (PDF)
plans-email-proposal = Enviar la propuesta por correo
# { $file } is the saved file (its name with Open and Save a copy).
plans-saved-as = Guardado como { $file }
plans-agreed-on = Acordado el
plans-agreed-how = Cómo
plans-accept-save = Registrar el acuerdo
plans-cancel-reason = Motivo (opcional)
plans-cancel-save = Cancelar el plan

## Offering a plan.

# { $invoices } are the invoice numbers, { $balance } the amount still owing.
plans-dialog-owing = { $invoices } · pendiente: { $balance }
plans-split-into = Dividir en
plans-by-count = un número de plazos
plans-by-amount = plazos de un importe fijo
plans-count = Plazos
plans-count-after-down = Plazos después de la entrada
plans-each = Importe de cada plazo
plans-frequency = Frecuencia
plans-first-date = Primer pago
plans-down-payment = Entrada (opcional)
plans-terms = Recordatorios y periodo de gracia
plans-terms-hint = Cada plazo recibe un aviso previo esos días antes de su vencimiento y, si sigue sin pagarse, un recordatorio esos días después. El plan se considera incumplido cuando un plazo se retrasa más que el periodo de gracia.
plans-heads-up-days = Aviso previo (días)
plans-reminder-days = Recordatorio (días)
plans-grace-days = Periodo de gracia (días)
plans-custom-dates = Fechas, una por plazo
plans-custom-dates-placeholder = { $first }, { $second }
plans-schedule-caption = Calendario (puede cambiar cualquier fecha o importe)
plans-schedule-amount = Importe ({ $currency })
plans-row-due = Fecha de vencimiento del plazo { $n }
plans-row-amount = Importe del plazo { $n }
plans-sum = Suma
plans-should-be = debería ser { $balance }
plans-dialog-cancel = Cancelar
plans-saving = Guardando…
plans-propose = Proponer este plan
plans-propose-new = Proponer el plan nuevo

## Today's installment reminders.

plans-reminders-heading = Planes de pago
plans-reminder-what = { $kind } · { $seq } de { $count }
plans-reminder-due = vence el { $date }
plans-message = Mensaje
plans-message-hide = Ocultar el mensaje
plans-print-letter = Imprimir la carta
plans-mark-sent = Marcar como enviado
plans-mark-sent-title = Para un correo que envió desde su propio programa de correo
plans-letter-printed = Impreso y registrado. Guardado como { $path }
plans-letter-printed-job = Impreso (trabajo { $job }) y registrado. Guardado como { $path }
plans-letter-opened = Se ha abierto { $path } en su visor de PDF. Cuando la carta esté impresa y enviada, elija «Marcar como enviado».

## Words many screens share: counts, actions, states.

count-invoices = { $count ->
    [one] { $count } factura
   *[other] { $count } facturas
}
count-clients = { $count ->
    [one] { $count } cliente
   *[other] { $count } clientes
}
count-payments = { $count ->
    [one] { $count } pago
   *[other] { $count } pagos
}
count-followups = { $count ->
    [one] { $count } recordatorio
   *[other] { $count } recordatorios
}
count-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}

## The default ladder's step names (lib/stages.ts).

stage-default-heads-up = Aviso amistoso
stage-default-reminder = Recordatorio amistoso
stage-default-follow-up = Seguimiento cordial
stage-default-plan-offer = Propuesta de pago a plazos
stage-default-final-notice = Último aviso cordial

## Invoice state badges (lib/StateBadge.svelte).

state-part-paid = pagada en parte
state-days-overdue = { $count ->
    [one] { $count } día de retraso
   *[other] { $count } días de retraso
}
conflict-client-named = { $name } cambió este cliente a las { $time }. No se guardó nada de lo suyo; vuelva a cargar para ver su cambio y luego haga el suyo de nuevo.
conflict-client-someone = Otra persona cambió este cliente a las { $time }. No se guardó nada de lo suyo; vuelva a cargar para ver su cambio y luego haga el suyo de nuevo.
conflict-invoice-named = { $name } cambió esta factura a las { $time }. No se guardó nada de lo suyo; vuelva a cargar para ver su cambio y luego haga el suyo de nuevo.
conflict-invoice-someone = Otra persona cambió esta factura a las { $time }. No se guardó nada de lo suyo; vuelva a cargar para ver su cambio y luego haga el suyo de nuevo.
conflict-reload = Recargar
made-by = por { $name }

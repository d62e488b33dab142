## The app's frame: navigation, start-up, notices.

nav-main = Menú principal
nav-overview = Resumen
nav-today = Hoy
nav-clients = Clientes
nav-invoices = Facturas
nav-payments = Pagos
nav-followups = Escalera de recordatorios
nav-outbox = Bandeja de salida
nav-bank = Extractos bancarios
nav-data = Importar y exportar
nav-settings = Ajustes
outbox-attention-title = { $count ->
    [one] Un mensaje espera su decisión
   *[other] { $count } mensajes esperan su decisión
}
outbox-attention-hidden = necesitan su atención
app-version = Kindly { $version }
app-start-failed = Kindly no pudo iniciarse: { $message }
app-opening = Abriendo sus cuentas…
notice-ok = Aceptar

## Lists

list-loading = Cargando…
list-search = Buscar
list-sort = Ordenar
list-active-filters = Filtros activos
list-remove-filter = Quitar el filtro { $filter }
list-clear-filters = Quitar filtros
file-open = Abrir
file-save-copy = Guardar una copia…
file-copy-saved = Copia guardada.
app-restore-done = Su copia de seguridad se ha restaurado y ahora son los datos en uso. Los datos anteriores se conservan en { $path }.
app-restore-failed = La restauración no se pudo completar, así que los datos en uso no han cambiado: { $problem }
app-server-away = No se puede acceder a la base de datos del equipo en { $host }. No se guardó nada; el envío queda en pausa hasta que vuelva.
app-server-away-nohost = No se puede acceder a la base de datos del equipo. No se guardó nada; el envío queda en pausa hasta que vuelva.
app-server-away-retry = Reintentar
app-server-away-retrying = Intentando…

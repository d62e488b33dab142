## The desktop around the window: the native menu, its shortcuts, notifications.

desktop-menu-file = Archivo
desktop-menu-edit = Edición
desktop-menu-go = Ir a
desktop-menu-window = Ventana
desktop-new-client = Nuevo cliente…
desktop-new-invoice = Nueva factura
desktop-record-payment = Registrar un pago…
desktop-today = Hoy
desktop-search = Buscar
desktop-settings = Ajustes…
desktop-quit = Salir de Kindly
desktop-undo = Deshacer
desktop-redo = Rehacer
desktop-cut = Cortar
desktop-copy = Copiar
desktop-paste = Pegar
desktop-select-all = Seleccionar todo
desktop-minimize = Minimizar
desktop-close-window = Cerrar ventana
desktop-notice-title = Kindly
desktop-notice-emails = Sus correos electrónicos se han enviado.
desktop-notice-letters = Sus cartas están listas para imprimir.
desktop-notice-bank = Se ha leído el extracto bancario.
desktop-notice-import = La importación ha terminado.
desktop-notice-backup = La copia de seguridad está hecha.
desktop-notice-failed = Una tarea no ha podido terminar. Abra Kindly para ver el motivo.
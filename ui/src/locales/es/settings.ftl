## Settings.

settings-language-title = Idioma
settings-language-label = Idioma de las pantallas de Kindly
settings-language-system = El mismo que el ordenador
settings-language-hint = Las cartas y los correos usan el idioma de cada cliente.

## Settings pages, each with one Save; leaving unsaved edits asks first.

settings-title = Ajustes
settings-pages = Secciones de los ajustes
settings-page-business = Empresa
settings-page-payment = Formas de pago
settings-page-email = Correo electrónico
settings-page-backup = Copias de seguridad
settings-page-language = Idioma
settings-saving = Guardando…
settings-loading = Cargando…
settings-cancel = Cancelar
settings-leave-title = ¿Guardar los cambios?
settings-leave-text = Ha modificado «{ $page }» sin guardar. ¿Desea guardar los cambios, descartarlos o quedarse en esta página?
settings-leave-save = Guardar
settings-leave-discard = Descartar cambios
settings-leave-stay = Quedarme
settings-about-title = Acerca de Kindly
settings-data-stored = Sus datos se guardan en { $path }

## Business

settings-business-title = Empresa
settings-business-name = Nombre de la empresa
settings-business-address = Dirección postal
settings-business-address-hint = El remitente de sus cartas y facturas.
settings-business-email = Correo electrónico
settings-business-phone = Teléfono
settings-business-tax-id = NIF o número de IVA
settings-business-currency = Moneda predeterminada
settings-business-locale = Idioma y formatos
settings-business-terms = Plazo de pago (días)
settings-business-signature = Firma
settings-business-signature-hint = Las líneas de cierre de sus cartas y correos, por ejemplo, su nombre y su teléfono.
settings-number-pattern = Formato del número de factura
settings-next-number = Próximo número de factura: { $number } (se actualiza al guardar).
settings-next-sequence = Próximo número correlativo
settings-business-saved = Ajustes guardados.
settings-business-save = Guardar ajustes

## Ways to pay

settings-pm-title = Formas de pago
settings-pm-lead = Kindly las añade a sus cartas y correos para que sus clientes sepan cómo pagarle.
settings-pm-bank = Transferencia bancaria
settings-pm-holder = Titular de la cuenta
settings-pm-iban = IBAN
settings-pm-bic = BIC
settings-pm-account = Número de cuenta
settings-pm-routing = Código de ruta / sort code
settings-pm-online = En línea
settings-pm-card = Enlace de pago con tarjeta
settings-pm-paypal = Enlace de PayPal
settings-pm-paypal-placeholder = https://paypal.me/…
settings-pm-other = Otras
settings-pm-cheque = Cheques a nombre de
settings-pm-cheque-placeholder = Déjelo vacío si no acepta cheques
settings-pm-cash = Acepto efectivo
settings-pm-installments = Ofrecer el pago a plazos
settings-pm-saved = Formas de pago guardadas.
settings-pm-save = Guardar formas de pago

## E-mail

settings-email-title = Correo electrónico
settings-email-lead = Kindly envía sus recordatorios desde su propia cuenta de correo. Su contraseña se guarda solo en el llavero del sistema, nunca en los archivos de Kindly.
settings-email-host = Servidor de correo saliente (SMTP)
settings-email-host-placeholder = smtp.example.com
settings-email-port = Puerto
settings-email-security = Seguridad
settings-email-plain-warning = Sin cifrado, cualquiera en la red puede leer su contraseña y sus mensajes. Elija esta opción solo para un relé de correo en este mismo ordenador (servidor «localhost»).
settings-email-username = Usuario
settings-email-password = Contraseña
settings-email-password-saved = Guardada en el llavero del sistema. Déjelo vacío para conservarla.
settings-email-password-none = Aún no hay ninguna contraseña guardada.
settings-email-forget = Olvidar la contraseña
settings-email-forgetting = Olvidando…
settings-email-from-name = Nombre del remitente
settings-email-from-address = Dirección del remitente
settings-email-reply-to = Responder a (opcional)
settings-email-reply-to-hint = Adónde van las respuestas de sus clientes, si no es a la dirección del remitente.
settings-email-bcc-self = Enviarme una copia de cada recordatorio (CCO a mi dirección de remitente)
settings-email-advanced = Opciones avanzadas
settings-email-cert = Certificado de confianza (opcional)
settings-email-cert-hint = Solo si su servidor usa su propia autoridad de certificación: pegue su certificado (PEM, empieza por -----BEGIN CERTIFICATE-----).
settings-email-timeout = Dejar de esperar al servidor tras (segundos)
settings-email-saved = Ajustes de correo guardados.
settings-email-save = Guardar ajustes de correo
settings-email-check = Comprobar los ajustes
settings-email-test-to = Enviar un correo de prueba a (opcional)
settings-email-test-to-placeholder = su dirección de remitente
settings-email-test = Enviar correo de prueba
settings-email-testing = Enviando prueba…
settings-email-test-sent = Correo de prueba enviado a { $to }. El servidor respondió:
settings-email-test-failed = No enviado: { $message }
settings-email-loading = Cargando los ajustes de correo…

## Backups

settings-backup-title = Copias de seguridad
settings-backup-lead = Una copia de seguridad es un solo archivo con su base de datos y todas las cartas, correos y escaneos que guarda Kindly; al restaurarla, cada uno se comprueba con su SHA-256. Guárdelas en otro disco o en una carpeta sincronizada.
settings-backup-pick-folder = Elija la carpeta para las copias de seguridad de Kindly
settings-backup-folder = Las copias se guardan en
settings-backup-folder-default = (la predeterminada, junto a sus datos)
settings-backup-choose = Elegir carpeta…
settings-backup-choosing = Eligiendo…
settings-backup-now = Hacer copia ahora
settings-backup-running = Haciendo la copia…
settings-backup-auto = Hacer una copia automática cada día (se conservan los últimos 7 días y 4 semanas)
settings-backup-last = Última copia: { $when } —
settings-backup-none = Aún no hay ninguna copia.
settings-backup-made = { $count ->
    [one] Se ha copiado { $count } archivo en { $path }.
   *[other] Se han copiado { $count } archivos en { $path }.
}
settings-backup-failed = La copia automática del { $when } ha fallado: { $message }
settings-restore-lead = Al restaurar, una copia de seguridad sustituye los datos con los que trabaja. Antes se hace una copia de sus datos actuales y se conserva, así que no se pierde nada.
settings-restore-pick = Restaurar desde una copia…
settings-restore-done = Se han restaurado { $clients ->
    [one] { $clients } cliente
   *[other] { $clients } clientes
    } y { $invoices ->
    [one] { $invoices } factura
   *[other] { $invoices } facturas
    } de la copia del { $when }. Se hizo una copia de sus datos anteriores en { $path }. Kindly se reinicia ahora…
settings-restore-title = ¿Restaurar esta copia?
settings-restore-explain = Kindly comprueba la copia, hace primero una copia de sus datos actuales y luego se reinicia y trabaja con los datos restaurados. Sus datos actuales se conservan en una carpeta junto a ellos.
settings-restore-running = Restaurando…
settings-restore-confirm = Copiar los datos actuales y restaurar
settings-page-database = Base del equipo
settings-team-title = Base de datos del equipo
settings-team-intro = Kindly guarda sus cuentas en un archivo de datos de este ordenador. Un equipo puede compartir en su lugar una base de datos PostgreSQL: todas las personas conectadas ven los mismos clientes y facturas. Algunas partes de Kindly aún no funcionan con una base de datos del equipo (vea el README).
settings-team-in-use-file = En uso: el archivo de datos de este ordenador { $what }
settings-team-in-use-team = En uso: la base de datos del equipo { $what }
settings-team-chosen-by = Elegida por { $source }.
settings-team-tls = Conexión: { $mode }
settings-team-restart-team = Kindly usará la base de datos del equipo { $what } la próxima vez que se inicie.
settings-team-restart-file = Kindly volverá a usar el archivo de datos de este ordenador la próxima vez que se inicie.
settings-team-url = Dirección de conexión
settings-team-url-hint = postgres://usuario@servidor/base, de quien administra el servidor. Sin la contraseña.
settings-team-password = Contraseña
settings-team-password-hint = Se guarda en el llavero de este ordenador, nunca en un archivo. Déjela vacía si el servidor no la pide.
settings-team-sslmode = Cifrado (TLS)
settings-team-ca = Certificado de autoridad de confianza (opcional)
settings-team-ca-hint = La ruta completa de un archivo .pem, si el certificado del servidor está firmado por su propia autoridad.
settings-team-connect = Probar y conectar
settings-team-connecting = Conectando…
settings-team-disconnect = Volver a usar el archivo de este ordenador
settings-team-move = Trasladar los datos de esta carpeta
settings-team-moved = { $rows } filas y { $files } archivos trasladados a la base de datos del equipo y comprobados uno a uno. Kindly la usará al volver a iniciarse.
settings-member-title = Su nombre
settings-member-intro = Su equipo ve este nombre junto a sus cambios: entradas del historial, pagos y cambios en clientes y facturas. Se guarda solo en este ordenador.
settings-member-name = Nombre
settings-member-save = Guardar nombre
settings-member-clear = Quitar nombre
settings-member-saved = Guardado. Sus próximos cambios llevan este nombre.
settings-member-cleared = Quitado. Sus próximos cambios no llevan nombre.

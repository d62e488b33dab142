## The outbox, sending e-mails from Today, and the background sender's notices.

outbox-title = Bandeja de salida
outbox-subtitle = Los recordatorios por correo electrónico que Kindly ha enviado o está a punto de enviar.
outbox-tabs-label = Mostrar
outbox-tab-all = Todos
outbox-tab-attention = Por decidir
outbox-tab-queued = En espera
outbox-tab-sent = Enviados
outbox-tab-withdrawn = Retirados
outbox-empty-attention = Nada espera su decisión. Todos los mensajes se enviaron o están en camino.
outbox-empty = Aún no hay mensajes aquí.
# { $today } is a link to the Today screen, worded by outbox-empty-hint-today.
outbox-empty-hint = Los recordatorios que envíe desde { $today } aparecen aquí.
outbox-empty-hint-today = Hoy
outbox-loading = Cargando la bandeja de salida…
outbox-list-label = Mensajes
outbox-to = Para
outbox-more = Mostrar más (quedan { $count })

outbox-action-confirm = Ha llegado: marcar como enviado
outbox-action-send-again = Enviar de nuevo
outbox-action-try-again = Intentar de nuevo
outbox-action-withdraw = Retirar

outbox-status-retry = Nuevo intento el { $at }
outbox-status-waiting = En espera de envío
outbox-status-sending = Enviándose ahora
outbox-status-sent = Enviado el { $at }
outbox-status-uncertain = Puede que se enviara el { $at }
outbox-status-failed = No enviado: espera su decisión
outbox-status-withdrawn = Retirado, no enviado

## Sending: the progress of a batch and its result.

outbox-progress-sending = Enviando { $current } de { $total }, a { $to }
outbox-progress-done = { $done } de { $total } hechos
outbox-progress-with-outcomes = { $progress }: { $outcomes }
outbox-outcome-sent = { $count ->
    [one] { $count } enviado
   *[other] { $count } enviados
}
outbox-outcome-failed = { $count ->
    [one] { $count } fallido
   *[other] { $count } fallidos
}
outbox-outcome-uncertain = { $count ->
    [one] { $count } puede que se haya enviado
   *[other] { $count } puede que se hayan enviado
}
outbox-outcome-retrying = { $count ->
    [one] { $count } se volverá a intentar
   *[other] { $count } se volverán a intentar
}
outbox-outcome-withdrawn = { $count ->
    [one] { $count } retirado
   *[other] { $count } retirados
}
outbox-report-outcomes = Correos: { $outcomes }.
outbox-report-nothing = No se envió ningún correo.
outbox-report-recovered = { $count ->
    [one] Un mensaje se interrumpió antes; consulte la bandeja de salida.
   *[other] { $count } mensajes se interrumpieron antes; consulte la bandeja de salida.
}
outbox-report-look = Revise la bandeja de salida, por favor.
outbox-stopped = Envío detenido: { $message }
outbox-skipped-invoices = { $invoices }: { $message }
outbox-skipped-heading = { $count ->
    [one] Un mensaje no se puso en la bandeja de salida:
   *[other] { $count } mensajes no se pusieron en la bandeja de salida:
}

## Today's "Send all e-mails".

outbox-send-section = Recordatorios por correo
outbox-setup-text = Kindly puede enviar estos recordatorios desde su propia cuenta de correo.
outbox-setup-link = Configurar el correo en Ajustes
outbox-send-all = Enviar todos los correos
outbox-send-all-count = Enviar todos los correos ({ $count })
outbox-send-all-busy = Enviando correos…
outbox-send-all-none = Hoy no toca enviar ningún correo.
outbox-send-all-title = { $messages ->
        [one] { $messages } mensaje nuevo
       *[other] { $messages } mensajes nuevos
    } sobre { $invoices ->
        [one] { $invoices } factura
       *[other] { $invoices } facturas
    }
outbox-send-all-title-waiting = { $messages ->
        [one] { $messages } mensaje nuevo
       *[other] { $messages } mensajes nuevos
    } sobre { $invoices ->
        [one] { $invoices } factura
       *[other] { $invoices } facturas
    }, más { $waiting ->
        [one] { $waiting } mensaje que ya espera en la bandeja de salida
       *[other] { $waiting } mensajes que ya esperan en la bandeja de salida
    }
outbox-send-stopping = Deteniendo tras este mensaje…
outbox-send-cancel = Cancelar
outbox-attention-link = { $count ->
    [one] Un correo espera su decisión en la bandeja de salida
   *[other] { $count } correos esperan su decisión en la bandeja de salida
}
outbox-progress-label = Correos enviados
outbox-preparing-label = Preparando los correos
outbox-preparing = Preparando los correos…
outbox-check-settings = Revisar los ajustes de correo
outbox-confirm-title = { $count ->
    [one] ¿Enviar { $count } correo ahora?
   *[other] ¿Enviar { $count } correos ahora?
}
outbox-confirm-send = { $count ->
    [one] Enviar { $count } correo
   *[other] Enviar { $count } correos
}
outbox-confirm-text = Kindly enviará { $messages ->
        [one] { $messages } mensaje nuevo
       *[other] { $messages } mensajes nuevos
    } (uno por cliente, sobre { $invoices ->
        [one] { $invoices } factura
       *[other] { $invoices } facturas
    }) desde su cuenta de correo y anotará cada uno en el historial del cliente.
outbox-confirm-text-waiting = Kindly enviará { $messages ->
        [one] { $messages } mensaje nuevo
       *[other] { $messages } mensajes nuevos
    } (uno por cliente, sobre { $invoices ->
        [one] { $invoices } factura
       *[other] { $invoices } facturas
    }) y { $waiting ->
        [one] { $waiting } mensaje que ya espera en la bandeja de salida
       *[other] { $waiting } mensajes que ya esperan en la bandeja de salida
    } desde su cuenta de correo y anotará cada uno en el historial del cliente.

## "Send e-mail" for one message.

outbox-send-one = Enviar correo
outbox-send-one-busy = Enviando…
outbox-setup-short = Configurar el correo

## The background sender's problem.

outbox-background-what = Los correos en espera no se pudieron enviar en segundo plano: { $message }
outbox-background-again-hours = Kindly lo volverá a intentar por sí solo en unas { $hours } h; también puede enviarlos ahora desde Hoy.
outbox-background-again-minutes = Kindly lo volverá a intentar por sí solo en { $minutes } min; también puede enviarlos ahora desde Hoy.
outbox-background-todo-auth = Compruebe el nombre de usuario y la contraseña en Ajustes → Correo (muchos proveedores exigen una contraseña de aplicación).
outbox-background-todo-password = Introduzca la contraseña de su correo en Ajustes → Correo.
outbox-background-todo-keychain-locked = Desbloquee el llavero del sistema (por ejemplo, volviendo a iniciar sesión) y después envíe desde Hoy.
outbox-background-todo-keychain = Kindly guarda la contraseña solo en el llavero del sistema: inícielo (en Linux: GNOME Keyring o KWallet) y después envíe desde Hoy.
outbox-background-todo-connection = Compruebe su conexión a internet y el nombre y el puerto del servidor en Ajustes → Correo. No se ha enviado nada y no se ha perdido nada.
outbox-background-todo-settings = Revise los ajustes de correo y envíe allí el correo de prueba.
outbox-background-todo-other = Sus correos siguen en la bandeja de salida. Si vuelve a ocurrir, reinicie Kindly; el archivo de registro de la carpeta de datos tiene los detalles.
outbox-background-settings = Abrir los ajustes de correo
outbox-background-dismiss = Descartar
outbox-background-dismiss-label = Descartar este aviso

# Las palabras de las listas cerradas de Kindly (nunca el valor en bruto).

channel-email = Correo electrónico
channel-letter = Carta
channel-phone = Teléfono
channel-call = Teléfono
channel-payment = Pago
channel-note = Nota
channel-invoice = Factura
channel-promise = Promesa
channel-record = Registro
channel-in_person = En persona

direction-in = del cliente
direction-out = al cliente

payment-method-bank_transfer = Transferencia bancaria
payment-method-card = Tarjeta
payment-method-paypal = PayPal
payment-method-cash = Efectivo
payment-method-cheque = Cheque
payment-method-other = Otro

promise-how-call = Por teléfono
promise-how-email = Por correo electrónico
promise-how-letter = Por carta
promise-how-in_person = En persona

promise-outcome-open = Pendiente
promise-outcome-kept = Cumplida
promise-outcome-broken = Incumplida

call-outcome-reached = contactado
call-outcome-voicemail = mensaje en el buzón de voz
call-outcome-no_answer = sin respuesta
call-outcome-wrong_number = número equivocado

evidence-kind-pdf = PDF
evidence-kind-eml = archivo de correo
evidence-kind-scan = escaneo
evidence-kind-file = archivo

file-check-ok = presente, sin cambios
file-check-missing = falta: el archivo ya no está donde se guardó
file-check-changed = modificado desde que se registró; SHA-256 actual { $sha }

event-client_created = Cliente añadido
event-client_updated = Datos del cliente modificados
event-chasing_changed = Recordatorios pausados o reanudados
event-invoice_created = Factura creada
event-invoice_issued = Factura emitida
event-invoice_cancelled = Factura anulada
event-payment_recorded = Pago recibido
event-note = Nota
event-follow_up_done = Recordatorio
event-email_withdrawn = Correo retirado
event-plan_proposed = Plan de pagos propuesto
event-plan_agreed = Plan de pagos acordado
event-plan_completed = Plan de pagos completado
event-plan_broken = Plan de pagos incumplido
event-plan_cancelled = Plan de pagos cancelado
event-plan_renegotiated = Plan de pagos renegociado
event-installment_reminder = Recordatorio de plazo
event-call_logged = Llamada
event-inbound_contact = Contacto del cliente
event-promise_recorded = Promesa de pago
event-promise_kept = Promesa cumplida
event-promise_broken = Promesa incumplida
event-correction = Corrección
event-invoice_imported = Factura importada
event-statement_sent = Extracto de cuenta enviado
event-statement_printed = Extracto de cuenta impreso
event-credit_note_issued = Factura rectificativa emitida
event-payment_reversed = Pago anulado
event-refund_made = Reembolso realizado
event-interest_changed = Intereses de demora modificados
event-interest_rate_added = Tipo publicado introducido

bucket-not_yet_due = Aún no vencido
bucket-days_1_30 = 1–30 días
bucket-days_31_60 = 31–60 días
bucket-days_61_90 = 61–90 días
bucket-over_90 = Más de 90 días

hold-none = Ninguna
hold-disputed = En disputa
hold-paused = En pausa

jurisdiction-uk = Reino Unido (ley de 1998 sobre morosidad)
jurisdiction-eu = UE (Directiva 2011/7/UE)
jurisdiction-de = Alemania (§ 288 BGB)
jurisdiction-fr = Francia (Code de commerce L441-10)
interest_base-boe_reference = tipo oficial del Banco de Inglaterra
interest_base-ecb_mro = tipo principal de financiación del BCE
interest_base-basiszins = tipo básico alemán (Basiszinssatz)

debtor-business = una empresa
debtor-consumer = un particular

## Labels of the closed vocabularies Rust defines (vocabulary.ts): vocab-<set>-<value>.

## channel
vocab-channel-email = Correo electrónico
vocab-channel-letter = Carta
vocab-channel-phone = Llamada

## tone
vocab-tone-friendly = Amable
vocab-tone-courteous = Cortés
vocab-tone-courteous-firm = Cortés pero firme

## pageSize
vocab-page-size-a4 = A4
vocab-page-size-letter = Carta US

## frequency
vocab-frequency-weekly = Semanal
vocab-frequency-fortnightly = Cada dos semanas
vocab-frequency-monthly = Mensual
vocab-frequency-custom = Fechas personalizadas

## agreedHow
vocab-agreed-how-call = Por teléfono
vocab-agreed-how-email = Por correo electrónico
vocab-agreed-how-letter = Por carta
vocab-agreed-how-in-person = En persona

## callOutcome
vocab-call-outcome-reached = Contactado
vocab-call-outcome-voicemail = Mensaje en el buzón de voz
vocab-call-outcome-no-answer = No contestó
vocab-call-outcome-wrong-number = Número equivocado

## contactKind
vocab-contact-kind-note = Nota
vocab-contact-kind-incoming-call = Llamada recibida
vocab-contact-kind-email = Correo recibido
vocab-contact-kind-letter = Carta recibida

## security
vocab-security-starttls = STARTTLS (normalmente puerto 587)
vocab-security-tls = TLS (normalmente puerto 465)
vocab-security-plain = Sin cifrado: solo para un relé de correo en este ordenador

## clientSort
vocab-client-sort-name-asc = Nombre A–Z
vocab-client-sort-name-desc = Nombre Z–A
vocab-client-sort-newest = Más recientes primero
vocab-client-sort-oldest = Más antiguos primero
vocab-client-sort-owed-desc = Mayor importe pendiente primero
vocab-client-sort-oldest-overdue = Más tiempo vencido primero

## clientBalance
vocab-client-balance-all = Todos los clientes
vocab-client-balance-owing = Con importe pendiente
vocab-client-balance-overdue = Vencidos

## einvoiceFormat
vocab-einvoice-format-none = PDF simple
vocab-einvoice-format-facturx = Factur-X / ZUGFeRD (PDF)
vocab-einvoice-format-xrechnung-ubl = XRechnung (UBL)
vocab-einvoice-format-xrechnung-cii = XRechnung (CII)
vocab-einvoice-format-peppol = Peppol BIS Billing 3.0

## invoiceSort
vocab-invoice-sort-attention = Vencidas primero
vocab-invoice-sort-due-asc = Vencimiento, más próximo primero
vocab-invoice-sort-due-desc = Vencimiento, más lejano primero
vocab-invoice-sort-newest = Más recientes primero
vocab-invoice-sort-number = Número

## agingBucket
vocab-aging-bucket-not-yet-due = Aún no vencida
vocab-aging-bucket-days-1-30 = Vencida hace 1–30 días
vocab-aging-bucket-days-31-60 = Vencida hace 31–60 días
vocab-aging-bucket-days-61-90 = Vencida hace 61–90 días
vocab-aging-bucket-over-90 = Vencida hace más de 90 días

## queueGrouping
vocab-queue-grouping-client = Cliente
vocab-queue-grouping-channel = Canal

## chasingMode
vocab-chasing-mode-on = Activados
vocab-chasing-mode-paused = En pausa
vocab-chasing-mode-off = Desactivados

## jurisdiction
vocab-jurisdiction-uk = Reino Unido (ley de 1998 sobre morosidad)
vocab-jurisdiction-eu = UE (Directiva 2011/7/UE)
vocab-jurisdiction-de = Alemania (§ 288 BGB)
vocab-jurisdiction-fr = Francia (Code de commerce L441-10)

## debtorKind
vocab-debtor-kind-business = Una empresa
vocab-debtor-kind-consumer = Un particular

## reportKind
vocab-report-kind-aging = Antigüedad de saldos
vocab-report-kind-collected = Facturado y cobrado por mes

## reportFormat
vocab-report-format-csv = CSV
vocab-report-format-pdf = PDF

## outboxState
vocab-outbox-state-queued = En cola
vocab-outbox-state-sending = Enviando…
vocab-outbox-state-sent = Enviado
vocab-outbox-state-failed = Error
vocab-outbox-state-uncertain = Puede que se haya enviado
vocab-outbox-state-cancelled = Retirado

## planState
vocab-plan-state-proposed = Propuesto
vocab-plan-state-active = Activo
vocab-plan-state-completed = Completado
vocab-plan-state-broken = Incumplido
vocab-plan-state-renegotiated = Sustituido
vocab-plan-state-cancelled = Cancelado

## planStanding
vocab-plan-standing-on-track = Al día
vocab-plan-standing-late = Plazo con retraso
vocab-plan-standing-broken = Incumplido
vocab-plan-standing-proposed = Propuesto
vocab-plan-standing-completed = Completado
vocab-plan-standing-renegotiated = Sustituido
vocab-plan-standing-cancelled = Cancelado

## installmentStatus
vocab-installment-status-paid = Pagado
vocab-installment-status-partly-paid = Pagado en parte
vocab-installment-status-upcoming = Próximo
vocab-installment-status-due-today = Vence hoy
vocab-installment-status-late = Con retraso

## promiseOutcome
vocab-promise-outcome-open = Pendiente
vocab-promise-outcome-kept = Cumplida
vocab-promise-outcome-broken = Incumplida

## reminderKind
vocab-reminder-kind-heads-up = Aviso de próximo plazo
vocab-reminder-kind-reminder = Recordatorio de plazo
vocab-reminder-kind-broken-notice = Plan incumplido: aviso cortés

## paymentMethod
vocab-payment-method-bank-transfer = Transferencia bancaria
vocab-payment-method-card = Tarjeta
vocab-payment-method-paypal = PayPal
vocab-payment-method-cash = Efectivo
vocab-payment-method-cheque = Cheque
vocab-payment-method-other = Otro

## invoiceState
vocab-invoice-state-overdue = Vencida
vocab-invoice-state-due-soon = Vence pronto
vocab-invoice-state-partially-paid = Pagada en parte
vocab-invoice-state-open = Pendiente
vocab-invoice-state-draft = Borrador
vocab-invoice-state-paid = Pagada
vocab-invoice-state-cancelled = Anulada

## locale
vocab-locale-en = English
vocab-locale-de = Deutsch
vocab-locale-fr = Français
vocab-locale-es = Español

## bankEntryStatus
vocab-bank-entry-status-recorded = Registrado
vocab-bank-entry-status-review = Por revisar
vocab-bank-entry-status-unmatched = Sin coincidencia
vocab-bank-entry-status-debit = Salida
vocab-bank-entry-status-known = Ya importado
vocab-bank-entry-status-ignored = Ignorado
vocab-bank-entry-status-assigned = Asignado

## bankReasonKind
vocab-bank-reason-kind-pays-in-full = Pagada por completo
vocab-bank-reason-kind-pays-all-in-full = Varias facturas pagadas por completo
vocab-bank-reason-kind-partial-payment = Pago parcial
vocab-bank-reason-kind-more-than-balance = Más de lo debido
vocab-bank-reason-kind-more-than-balances = Más de lo debido
vocab-bank-reason-kind-less-than-balances = Menos de lo debido
vocab-bank-reason-kind-short-number = Número corto
vocab-bank-reason-kind-currency-differs = Otra moneda
vocab-bank-reason-kind-already-covered = Ya pagada en esta importación
vocab-bank-reason-kind-different-clients = Varios clientes
vocab-bank-reason-kind-known-payer = Pagador conocido
vocab-bank-reason-kind-known-payer-no-balance = Pagador conocido, ningún saldo igual
vocab-bank-reason-kind-no-match = Sin coincidencia
vocab-bank-reason-kind-money-out = Salida

## bankFoundBy
vocab-bank-found-by-reference = Referencia de pago
vocab-bank-found-by-invoice-number = Número de factura

## bankNotRecorded
vocab-bank-not-recorded-invoice-gone = Factura eliminada
vocab-bank-not-recorded-invoice-not-issued = Factura no abierta
vocab-bank-not-recorded-currency-differs = Otra moneda
vocab-bank-not-recorded-more-than-owing = Más de lo debido

## bankCsvRole
vocab-bank-csv-role-booking-date = Fecha de operación
vocab-bank-csv-role-value-date = Fecha valor
vocab-bank-csv-role-amount = Importe
vocab-bank-csv-role-money-in = Abono
vocab-bank-csv-role-money-out = Cargo
vocab-bank-csv-role-direction = Sentido
vocab-bank-csv-role-currency = Moneda
vocab-bank-csv-role-payer = Pagador
vocab-bank-csv-role-payer-iban = IBAN del pagador
vocab-bank-csv-role-bank-reference = Referencia bancaria
vocab-bank-csv-role-remittance = Concepto

## eventKind
vocab-event-kind-client-created = Cliente añadido
vocab-event-kind-client-updated = Cliente modificado
vocab-event-kind-chasing-changed = Recordatorios pausados o reanudados
vocab-event-kind-invoice-created = Factura creada
vocab-event-kind-invoice-issued = Factura emitida
vocab-event-kind-invoice-cancelled = Factura anulada
vocab-event-kind-payment-recorded = Pago registrado
vocab-event-kind-note = Nota
vocab-event-kind-follow-up-done = Recordatorio enviado
vocab-event-kind-email-withdrawn = Correo retirado
vocab-event-kind-plan-proposed = Plan propuesto
vocab-event-kind-plan-agreed = Plan acordado
vocab-event-kind-plan-completed = Plan completado
vocab-event-kind-plan-broken = Plan incumplido
vocab-event-kind-plan-cancelled = Plan cancelado
vocab-event-kind-plan-renegotiated = Plan sustituido
vocab-event-kind-installment-reminder = Recordatorio de plazo
vocab-event-kind-call-logged = Llamada
vocab-event-kind-inbound-contact = Recibido
vocab-event-kind-promise-recorded = Promesa de pago
vocab-event-kind-promise-kept = Promesa cumplida
vocab-event-kind-promise-broken = Promesa incumplida
vocab-event-kind-correction = Corrección
vocab-event-kind-invoice-imported = Factura importada
vocab-event-kind-statement-sent = Extracto de cuenta enviado
vocab-event-kind-statement-printed = Extracto de cuenta impreso
vocab-event-kind-credit-note-issued = Factura rectificativa
vocab-event-kind-payment-reversed = Pago revertido
vocab-event-kind-refund-made = Reembolso
vocab-event-kind-interest-changed = Intereses de demora
vocab-event-kind-interest-rate-added = Tipo publicado introducido

## einvoiceOutcome
vocab-einvoice-outcome-imported = Importada
vocab-einvoice-outcome-already-imported = Ya existe
vocab-einvoice-outcome-refused = No importada

## importKind
vocab-import-kind-clients = Clientes
vocab-import-kind-invoices = Facturas
vocab-import-kind-payments = Pagos

## exportKind
vocab-export-kind-clients = Clientes
vocab-export-kind-invoices = Facturas
vocab-export-kind-payments = Pagos
vocab-export-kind-timeline = Historial

## importPreset
vocab-import-preset-kindly = Kindly
vocab-import-preset-invoice-ninja = Invoice Ninja
vocab-import-preset-freshbooks = FreshBooks
vocab-import-preset-zoho-invoice = Zoho Invoice
vocab-import-preset-quickbooks = QuickBooks
vocab-import-preset-xero = Xero
vocab-import-preset-lexoffice = lexoffice
vocab-import-preset-sevdesk = sevDesk

## textEncoding
vocab-text-encoding-utf8 = UTF-8
vocab-text-encoding-utf16le = UTF-16 LE
vocab-text-encoding-utf16be = UTF-16 BE
vocab-text-encoding-windows1252 = Windows-1252 (occidental)

## decimalSeparator
vocab-decimal-separator-point = Punto (1,234.56)
vocab-decimal-separator-comma = Coma (1.234,56)

## dateFormat
vocab-date-format-iso = AAAA-MM-DD
vocab-date-format-day-month-year-dots = DD.MM.AAAA
vocab-date-format-day-month-short-year-dots = DD.MM.AA
vocab-date-format-month-day-year-slash = MM/DD/AAAA
vocab-date-format-day-month-year-slash = DD/MM/AAAA

## importField
vocab-import-field-client-ref = ID de cliente
vocab-import-field-client-name = Nombre del cliente
vocab-import-field-greeting-name = Nombre en el saludo
vocab-import-field-company = Empresa
vocab-import-field-email = Correo electrónico
vocab-import-field-phone = Teléfono
vocab-import-field-address = Dirección
vocab-import-field-street = Calle
vocab-import-field-postcode = Código postal
vocab-import-field-city = Ciudad
vocab-import-field-country = País
vocab-import-field-language = Idioma
vocab-import-field-notes = Notas
vocab-import-field-invoice-number = Número de factura
vocab-import-field-issue-date = Fecha de emisión
vocab-import-field-due-date = Fecha de vencimiento
vocab-import-field-currency = Moneda
vocab-import-field-status = Estado
vocab-import-field-description = Descripción de la línea
vocab-import-field-quantity = Cantidad
vocab-import-field-unit-price = Precio unitario
vocab-import-field-tax-rate = Tipo de IVA (%)
vocab-import-field-net-amount = Base imponible
vocab-import-field-tax-amount = Importe del IVA
vocab-import-field-total = Total
vocab-import-field-amount-paid = Importe pagado
vocab-import-field-amount-credited = Importe abonado
vocab-import-field-payment-date = Fecha de pago
vocab-import-field-amount = Importe
vocab-import-field-method = Forma de pago
vocab-import-field-reference = Referencia

## interest base and fee
vocab-interest-base-boe-reference = el tipo oficial del Banco de Inglaterra al 31 de diciembre o 30 de junio anterior al retraso
vocab-interest-base-ecb-mro = el tipo de las operaciones principales de financiación del BCE de cada semestre
vocab-interest-base-basiszins = el tipo básico alemán (Basiszinssatz) de cada semestre
vocab-interest-fee-none = ninguna compensación fija
vocab-interest-fee-uk-scale = una compensación fija de 40 £, 70 £ o 100 £ según el importe de la deuda
vocab-interest-fee-eur-40 = una compensación fija de 40 € por factura
vocab-ssl-mode-disable = nunca cifrada (disable)
vocab-ssl-mode-prefer = cifrada si el servidor lo ofrece (prefer)
vocab-ssl-mode-require = siempre cifrada, cualquier certificado (require)
vocab-ssl-mode-verify-ca = siempre cifrada, certificado de una autoridad de confianza (verify-ca)
vocab-ssl-mode-verify-full = siempre cifrada, certificado comprobado para el nombre del servidor (verify-full)
vocab-database-source-local-file = el archivo de datos de este ordenador
vocab-database-source-flag = la opción --database-url
vocab-database-source-env = la variable KINDLY_DATABASE_URL
vocab-database-source-settings-file = los ajustes de base de datos del equipo de esta carpeta de datos

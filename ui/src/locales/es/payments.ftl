## Payments: recording one, an invoice's payments, the payments list.

payments-dialog-title = Registrar un pago
payments-amount-in = Importe ({ $currency })
payments-still-owing = Pendiente: { $amount }
payments-date-received = Fecha de recepción
payments-method = Forma de pago
payments-reference = Referencia
payments-reference-placeholder = p. ej. concepto de la transferencia
payments-cancel = Cancelar
payments-saving = Guardando…
payments-record = Registrar el pago
payments-none-yet = Todavía no hay pagos.
payments-title = Pagos
payments-col-date = Fecha
payments-col-amount = Importe
payments-col-actions = Acciones
payments-reversed = revertido el { $date }: { $reason }
payments-reverse = Revertir…
payments-col-client = Cliente
payments-col-invoice = Factura
payments-none-match = Ningún pago coincide.
payments-none-recorded = Todavía no se ha registrado ningún pago.

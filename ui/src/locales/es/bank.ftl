## Bank statements: importing, the result, entries to review, the check before chasing.

bank-status-recorded = Pago registrado
bank-status-review = Por revisar
bank-status-unmatched = Ninguna factura coincide
bank-status-debit = Cargo
bank-status-known = Ya importado
bank-status-ignored = No es un pago de cliente
bank-status-assigned = Registrado tras revisar
bank-tier-reference = por la referencia de pago
bank-tier-number = por el número de factura
bank-tier-payer = por pagador conocido e importe
bank-role-amount = Importe
bank-role-currency = Moneda
bank-role-payer = Pagador
bank-check-title = ¿Importar primero su último extracto bancario?
bank-check-explain = { $days ->
    [one] Su último extracto bancario se importó hace { $days } día. Puede que algunos clientes hayan pagado desde entonces; si importa primero el extracto más reciente, nadie que ya haya pagado recibirá un recordatorio.
   *[other] Su último extracto bancario se importó hace { $days } días. Puede que algunos clientes hayan pagado desde entonces; si importa primero el extracto más reciente, nadie que ya haya pagado recibirá un recordatorio.
}
bank-check-import = Importar un extracto
bank-check-continue = Continuar de todos modos
bank-title = Extractos bancarios
bank-last-imported = { $days ->
    [0] Última importación: hoy.
    [one] Última importación: hace { $days } día.
   *[other] Última importación: hace { $days } días.
}
bank-none-imported = Todavía no se ha importado ningún extracto.
bank-why = Kindly registra quién ha pagado, para que nadie que haya pagado reciba un recordatorio.
bank-importing = Importando…
bank-import = Importar un extracto…
bank-drop = O suelte aquí el archivo: camt.053 / camt.054 (XML o zip), MT940, OFX o CSV, tal como lo exporta su banco.
bank-csv-title = Compruebe cómo lee Kindly este archivo CSV
bank-csv-dates = Fechas
bank-csv-decimal = Separador decimal
bank-csv-confirm = Importar con estas columnas
bank-cancel = Cancelar
bank-result-entries = { $count ->
    [one] : { $count } movimiento.
   *[other] : { $count } movimientos.
}
bank-result-payments = { $count ->
    [one] { $count } pago registrado ({ $total }); esa factura ha salido de la lista de hoy.
   *[other] { $count } pagos registrados ({ $total }); esas facturas han salido de la lista de hoy.
}
bank-result-no-payment = No se ha registrado ningún pago nuevo.
bank-result-already = { $count ->
    [one] { $count } movimiento ya se había importado y no se ha vuelto a registrar.
   *[other] { $count } movimientos ya se habían importado y no se han vuelto a registrar.
}
bank-result-review = { $count } por revisar
bank-result-review-below = {" "}abajo.
bank-result-unmatched = { $count ->
    [one] { $count } abono no coincide con ninguna factura.
   *[other] { $count } abonos no coinciden con ninguna factura.
}
bank-every-entry = Todos los movimientos
bank-col-date = Fecha
bank-col-text = Concepto
bank-col-result = Resultado
bank-review-empty = Nada que revisar: cada pago se ha asignado o decidido.
bank-unknown-payer = pagador desconocido
bank-no-text = (sin concepto)
bank-col-invoice = Factura
bank-col-client = Cliente
bank-col-owing = Pendiente
bank-col-record = Registrar
bank-amount-for = Importe para { $number }
bank-record-payment = Registrar el pago

## Why Kindly decided what it did about an entry (BankReasonView): { $why } is what found the invoices.
bank-found-by-reference = { $count ->
    [one] la referencia de acreedor { $references }
   *[other] las referencias de acreedor { $references }
}
bank-found-by-number = { $count ->
    [one] el número de factura { $invoices } en el concepto
   *[other] los números de factura { $invoices } en el concepto
}
bank-reason-pays-in-full = Encontrado por { $why }: paga la factura { $invoice } por completo ({ $amount }).
bank-reason-pays-all-in-full = Encontrado por { $why }: paga las facturas { $invoices } por completo ({ $amount } en total).
bank-reason-partial-payment = Encontrado por { $why }: pago parcial de { $amount } de la factura { $invoice }; quedan { $difference } pendientes.
bank-reason-more-than-balance = Encontrado por { $why }, pero { $amount } es más que el saldo de { $invoice } ({ $balance }): { $difference } de más.
bank-reason-more-than-balances = Encontrado por { $why }, pero { $amount } es más que sus saldos juntos: { $difference } de más.
bank-reason-less-than-balances = Encontrado por { $why }, pero { $amount } es menos que sus saldos juntos; ¿qué facturas paga?
bank-reason-short-number = Encontrado por { $why }, un número corto que podría ser otra cosa, y { $amount } no es el saldo de { $invoice } ({ $balance }).
bank-reason-currency-differs = Encontrado por { $why }, pero el pago está en { $currency } y la factura { $invoice } en { $invoiceCurrency }.
bank-reason-already-covered = Encontrado por { $why }, pero la factura { $invoice } ya queda cubierta por otro pago de esta importación.
bank-reason-different-clients = Encontrado por { $why }, pero las facturas son de clientes distintos.
bank-reason-known-payer = { $count ->
    [one] El pagador es un cliente conocido y { $invoices } tiene un saldo de exactamente { $amount }; no se indicó referencia ni número, así que confírmelo.
   *[other] El pagador es un cliente conocido y { $invoices } tienen cada una un saldo de exactamente { $amount }; no se indicó referencia ni número, así que confírmelo.
}
bank-reason-known-payer-no-balance = El pagador es un cliente conocido, pero ninguna de sus facturas abiertas tiene un saldo de { $amount }.
bank-reason-no-match = Ninguna referencia de acreedor, número de factura ni pagador conocido coincide con este pago.
bank-reason-money-out = Salida de dinero, no es un pago.
bank-reason-not-recorded = { $reason } No registrado: { $problem }
bank-not-recorded-invoice-gone = la factura { $invoice } ya no existe.
bank-not-recorded-invoice-not-issued = { $status ->
    [cancelled] la factura { $invoice } fue anulada.
    [draft] la factura { $invoice } es un borrador.
   *[other] la factura { $invoice } no está abierta al pago.
}
bank-not-recorded-currency-differs = la factura { $invoice } está en { $invoiceCurrency }, el pago en { $currency }.
bank-not-recorded-more-than-owing = el pago supera los { $owing } que quedan por pagar de la factura { $invoice }.

## One invoice's page: the essentials and the one primary action first.

invoice-page-title = Factura { $number }
invoice-page-title-prefix = Factura{" "}
invoice-page-draft = borrador
invoice-page-issue = Emitir
invoice-page-record-payment = Registrar un pago
invoice-page-more = Más
invoice-page-edit = Editar borrador
invoice-page-einvoice = Factura electrónica…
invoice-page-credit-note = Emitir factura rectificativa…
invoice-page-refund = Reembolsar…
invoice-page-cancel = Anular factura
invoice-page-gap-seller = Sus ajustes: { $what } ({ $term })
invoice-page-gap-buyer = El cliente: { $what } ({ $term })
invoice-page-gap-invoice = Esta factura: { $what } ({ $term })
invoice-page-einvoice-saved = Guardado: { $path }
invoice-page-cancelled = Anulada:
invoice-page-outstanding = Pendiente
invoice-page-issued = Emitida
invoice-page-due = Vencimiento
invoice-page-overdue = { $count ->
    [one] ({ $count } día de retraso)
   *[other] ({ $count } días de retraso)
}
invoice-page-total = Total
invoice-page-paid = Pagado
invoice-page-credited = Abonado
invoice-page-credited-in-full = { $amount } (abonado en su totalidad)
invoice-page-client-credit = Saldo a favor del cliente
invoice-page-items = Conceptos
invoice-page-items-caption = Conceptos de la factura { $number }
invoice-page-description = Descripción
invoice-page-quantity = Cantidad
invoice-page-unit-price = Precio unitario
invoice-page-tax = IVA
invoice-page-net = Base
invoice-page-rate = { $rate } %
invoice-page-subtotal = Subtotal
invoice-page-tax-on = IVA del { $rate } % sobre { $net }
invoice-page-payments = Pagos
invoice-page-corrections = Facturas rectificativas y reembolsos
invoice-page-credit-note-row = Factura rectificativa { $number } del { $date }: { $amount } abonados
invoice-page-refund-row = Reembolso del { $date }: { $amount } devueltos por { $method }
invoice-page-notes = Notas
invoice-page-loading = Cargando…

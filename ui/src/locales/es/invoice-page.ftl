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
invoice-page-credit-note-einvoice = Factura electrónica del abono { $number }…
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

## What an e-invoice still needs, by its EN 16931 term.
einvoice-term-bt-1 = número de factura
einvoice-term-bg-25 = al menos una línea de factura
einvoice-term-bt-27 = razón social
einvoice-term-bt-40 = país
einvoice-term-bt-44 = nombre
einvoice-term-bt-55 = país
einvoice-term-bt-31 = NIF-IVA (o número fiscal)
einvoice-term-bt-48 = NIF-IVA (inversión del sujeto pasivo)
einvoice-term-bt-120 = motivo de la exención de IVA
einvoice-term-bt-84 = IBAN de una cuenta bancaria
einvoice-term-bt-10 = referencia del comprador (Leitweg-ID)
einvoice-term-bt-81 = medio de pago
einvoice-term-bt-37 = ciudad
einvoice-term-bt-38 = código postal
einvoice-term-bt-41 = persona de contacto
einvoice-term-bt-42 = número de teléfono
einvoice-term-bt-43 = dirección de correo electrónico
einvoice-term-bt-52 = ciudad
einvoice-term-bt-53 = código postal
einvoice-term-bt-34 = dirección electrónica (ID de Peppol)
einvoice-term-bt-49 = dirección electrónica (ID de Peppol)

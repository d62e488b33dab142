## One invoice's page: the essentials and the one primary action first.

invoice-page-title = Rechnung { $number }
invoice-page-title-prefix = Rechnung{" "}
invoice-page-draft = Entwurf
invoice-page-issue = Ausstellen
invoice-page-record-payment = Zahlung erfassen
invoice-page-more = Mehr
invoice-page-edit = Entwurf bearbeiten
invoice-page-einvoice = E-Rechnung …
invoice-page-credit-note = Gutschrift ausstellen …
invoice-page-refund = Erstatten …
invoice-page-cancel = Rechnung stornieren
invoice-page-gap-seller = Ihre Einstellungen: { $what } ({ $term })
invoice-page-gap-buyer = Der Kunde: { $what } ({ $term })
invoice-page-gap-invoice = Diese Rechnung: { $what } ({ $term })
invoice-page-einvoice-saved = Gespeichert: { $path }
invoice-page-cancelled = Storniert:
invoice-page-outstanding = Offen
invoice-page-issued = Ausgestellt
invoice-page-due = Fällig
invoice-page-overdue = { $count ->
    [one] ({ $count } Tag überfällig)
   *[other] ({ $count } Tage überfällig)
}
invoice-page-total = Gesamt
invoice-page-paid = Bezahlt
invoice-page-credited = Gutgeschrieben
invoice-page-credited-in-full = { $amount } (vollständig gutgeschrieben)
invoice-page-client-credit = Guthaben des Kunden
invoice-page-items = Positionen
invoice-page-items-caption = Positionen der Rechnung { $number }
invoice-page-description = Beschreibung
invoice-page-quantity = Menge
invoice-page-unit-price = Einzelpreis
invoice-page-tax = USt.
invoice-page-net = Netto
invoice-page-rate = { $rate } %
invoice-page-subtotal = Zwischensumme
invoice-page-tax-on = USt. { $rate } % auf { $net }
invoice-page-payments = Zahlungen
invoice-page-corrections = Gutschriften und Erstattungen
invoice-page-credit-note-row = Gutschrift { $number } vom { $date }: { $amount } gutgeschrieben
invoice-page-refund-row = Erstattung vom { $date }: { $amount } zurückgezahlt per { $method }
invoice-page-notes = Notizen
invoice-page-loading = Wird geladen …

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
invoice-page-credit-note-einvoice = E-Rechnung der Gutschrift { $number } …
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

## What an e-invoice still needs, by its EN 16931 term.
einvoice-term-bt-1 = Rechnungsnummer
einvoice-term-bg-25 = mindestens eine Rechnungsposition
einvoice-term-bt-27 = Firmenname
einvoice-term-bt-40 = Land
einvoice-term-bt-44 = Name
einvoice-term-bt-55 = Land
einvoice-term-bt-31 = USt-IdNr. (oder Steuernummer)
einvoice-term-bt-48 = USt-IdNr. (Umkehr der Steuerschuld)
einvoice-term-bt-120 = Grund der Steuerbefreiung
einvoice-term-bt-84 = IBAN eines Bankkontos
einvoice-term-bt-10 = Käuferreferenz (Leitweg-ID)
einvoice-term-bt-81 = Zahlungsart
einvoice-term-bt-37 = Ort
einvoice-term-bt-38 = Postleitzahl
einvoice-term-bt-41 = Ansprechpartner
einvoice-term-bt-42 = Telefonnummer
einvoice-term-bt-43 = E-Mail-Adresse
einvoice-term-bt-52 = Ort
einvoice-term-bt-53 = Postleitzahl
einvoice-term-bt-34 = elektronische Adresse (Peppol-ID)
einvoice-term-bt-49 = elektronische Adresse (Peppol-ID)

## Payments: recording one, an invoice's payments, the payments list.

payments-dialog-title = Zahlung erfassen
payments-amount-in = Betrag ({ $currency })
payments-still-owing = Noch offen: { $amount }
payments-date-received = Eingangsdatum
payments-method = Zahlungsart
payments-reference = Referenz
payments-reference-placeholder = z. B. Verwendungszweck der Überweisung
payments-cancel = Abbrechen
payments-saving = Wird gespeichert…
payments-record = Zahlung erfassen
payments-none-yet = Noch keine Zahlungen.
payments-title = Zahlungen
payments-col-date = Datum
payments-col-amount = Betrag
payments-col-actions = Aktionen
payments-reversed = zurückgebucht am { $date }: { $reason }
payments-reverse = Zurückbuchen…
payments-col-client = Kunde
payments-col-invoice = Rechnung
payments-none-match = Keine passenden Zahlungen.
payments-none-recorded = Noch keine Zahlungen erfasst.

## Bank statements: importing, the result, entries to review, the check before chasing.

bank-status-recorded = Zahlung erfasst
bank-status-review = Zu prüfen
bank-status-unmatched = Keine passende Rechnung
bank-status-debit = Abbuchung
bank-status-known = Bereits importiert
bank-status-ignored = Keine Kundenzahlung
bank-status-assigned = Nach Prüfung erfasst
bank-tier-reference = über die Zahlungsreferenz
bank-tier-number = über die Rechnungsnummer
bank-tier-payer = über bekannten Zahler und Betrag
bank-role-amount = Betrag
bank-role-currency = Währung
bank-role-payer = Zahler
bank-check-title = Zuerst den neuesten Kontoauszug importieren?
bank-check-explain = { $days ->
    [one] Ihr letzter Kontoauszug wurde vor { $days } Tag importiert. Seitdem haben vielleicht Kunden bezahlt; wenn Sie zuerst den neuesten Auszug importieren, erhält niemand eine Erinnerung, der schon bezahlt hat.
   *[other] Ihr letzter Kontoauszug wurde vor { $days } Tagen importiert. Seitdem haben vielleicht Kunden bezahlt; wenn Sie zuerst den neuesten Auszug importieren, erhält niemand eine Erinnerung, der schon bezahlt hat.
}
bank-check-import = Kontoauszug importieren
bank-check-continue = Trotzdem fortfahren
bank-title = Kontoauszüge
bank-last-imported = { $days ->
    [0] Zuletzt heute importiert.
    [one] Zuletzt vor { $days } Tag importiert.
   *[other] Zuletzt vor { $days } Tagen importiert.
}
bank-none-imported = Noch kein Kontoauszug importiert.
bank-why = Kindly erfasst, wer bezahlt hat, damit niemand eine Erinnerung bekommt, der schon bezahlt hat.
bank-importing = Wird importiert…
bank-import = Kontoauszug importieren…
bank-drop = Oder ziehen Sie die Datei hierher: camt.053 / camt.054 (XML oder ZIP), MT940, OFX oder CSV, so wie Ihre Bank sie exportiert.
bank-csv-title = Prüfen Sie, wie Kindly diese CSV-Datei liest
bank-csv-dates = Datumsangaben
bank-csv-decimal = Dezimaltrennzeichen
bank-csv-confirm = Mit diesen Spalten importieren
bank-cancel = Abbrechen
bank-result-entries = { $count ->
    [one] : { $count } Buchung.
   *[other] : { $count } Buchungen.
}
bank-result-payments = { $count ->
    [one] { $count } Zahlung erfasst ({ $total }); diese Rechnung ist von der heutigen Liste verschwunden.
   *[other] { $count } Zahlungen erfasst ({ $total }); diese Rechnungen sind von der heutigen Liste verschwunden.
}
bank-result-no-payment = Keine neue Zahlung erfasst.
bank-result-already = { $count ->
    [one] { $count } Buchung wurde schon früher importiert und nicht noch einmal erfasst.
   *[other] { $count } Buchungen wurden schon früher importiert und nicht noch einmal erfasst.
}
bank-result-review = { $count } zu prüfen
bank-result-review-below = {" "}(siehe unten).
bank-result-unmatched = { $count ->
    [one] { $count } Gutschrift passte zu keiner Rechnung.
   *[other] { $count } Gutschriften passten zu keiner Rechnung.
}
bank-every-entry = Alle Buchungen
bank-col-date = Datum
bank-col-text = Text
bank-col-result = Ergebnis
bank-review-empty = Nichts zu prüfen: Jede Zahlung wurde zugeordnet oder entschieden.
bank-unknown-payer = unbekannter Zahler
bank-no-text = (kein Text)
bank-col-invoice = Rechnung
bank-col-client = Kunde
bank-col-owing = Noch offen
bank-col-record = Erfassen
bank-amount-for = Betrag für { $number }
bank-record-payment = Zahlung erfassen

## Why Kindly decided what it did about an entry (BankReasonView): { $why } is what found the invoices.
bank-found-by-reference = { $count ->
    [one] die Gläubigerreferenz { $references }
   *[other] die Gläubigerreferenzen { $references }
}
bank-found-by-number = { $count ->
    [one] die Rechnungsnummer { $invoices } im Verwendungszweck
   *[other] die Rechnungsnummern { $invoices } im Verwendungszweck
}
bank-reason-pays-in-full = Gefunden über { $why }: begleicht Rechnung { $invoice } vollständig ({ $amount }).
bank-reason-pays-all-in-full = Gefunden über { $why }: begleicht die Rechnungen { $invoices } vollständig ({ $amount } zusammen).
bank-reason-partial-payment = Gefunden über { $why }: Teilzahlung von { $amount } auf Rechnung { $invoice }; { $difference } bleiben offen.
bank-reason-more-than-balance = Gefunden über { $why }, aber { $amount } ist mehr als der offene Betrag von { $invoice } ({ $balance }): { $difference } zu viel.
bank-reason-more-than-balances = Gefunden über { $why }, aber { $amount } ist mehr als die offenen Beträge zusammen: { $difference } zu viel.
bank-reason-less-than-balances = Gefunden über { $why }, aber { $amount } ist weniger als die offenen Beträge zusammen; welche Rechnungen werden damit bezahlt?
bank-reason-short-number = Gefunden über { $why }, eine kurze Nummer, die auch etwas anderes sein kann, und { $amount } ist nicht der offene Betrag von { $invoice } ({ $balance }).
bank-reason-currency-differs = Gefunden über { $why }, aber die Zahlung ist in { $currency } und Rechnung { $invoice } in { $invoiceCurrency }.
bank-reason-already-covered = Gefunden über { $why }, aber Rechnung { $invoice } wird schon durch eine andere Zahlung in diesem Import beglichen.
bank-reason-different-clients = Gefunden über { $why }, aber die Rechnungen gehören verschiedenen Kunden.
bank-reason-known-payer = { $count ->
    [one] Der Zahler ist ein bekannter Kunde und bei { $invoices } sind genau { $amount } offen; es gab keine Referenz und keine Nummer, bitte bestätigen Sie.
   *[other] Der Zahler ist ein bekannter Kunde und bei { $invoices } sind jeweils genau { $amount } offen; es gab keine Referenz und keine Nummer, bitte bestätigen Sie.
}
bank-reason-known-payer-no-balance = Der Zahler ist ein bekannter Kunde, aber bei keiner seiner offenen Rechnungen sind { $amount } offen.
bank-reason-no-match = Keine Gläubigerreferenz, keine Rechnungsnummer und kein bekannter Zahler passt zu dieser Zahlung.
bank-reason-money-out = Abbuchung, keine Zahlung.
bank-reason-not-recorded = { $reason } Nicht erfasst: { $problem }
bank-not-recorded-invoice-gone = Rechnung { $invoice } gibt es nicht mehr.
bank-not-recorded-invoice-not-issued = { $status ->
    [cancelled] Rechnung { $invoice } wurde storniert.
    [draft] Rechnung { $invoice } ist ein Entwurf.
   *[other] Rechnung { $invoice } ist nicht zur Zahlung offen.
}
bank-not-recorded-currency-differs = Rechnung { $invoice } ist in { $invoiceCurrency }, die Zahlung in { $currency }.
bank-not-recorded-more-than-owing = die Zahlung ist mehr als die { $owing }, die auf Rechnung { $invoice } noch offen sind.

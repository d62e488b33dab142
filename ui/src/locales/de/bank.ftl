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
bank-role-booking-date = Buchungsdatum
bank-role-value-date = Wertstellung
bank-role-amount = Betrag
bank-role-money-in = Eingang
bank-role-money-out = Ausgang
bank-role-direction = Richtung
bank-role-currency = Währung
bank-role-payer = Zahler
bank-role-payer-iban = IBAN des Zahlers
bank-role-bank-reference = Bankreferenz
bank-role-remittance = Verwendungszweck
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

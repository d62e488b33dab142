## Calls, promises to pay, inbound contact, the timeline and the payment record.

contacts-filter-invoices = Rechnungen
contacts-filter-payments = Zahlungen
contacts-filter-followups = Gesendete Erinnerungen
contacts-filter-statements = Kontoübersichten
contacts-filter-calls = Anrufe
contacts-filter-inbound = Eingegangen
contacts-filter-notes = Notizen und Korrekturen
contacts-filter-promises = Zahlungszusagen
contacts-filter-holds = Pausen

## A phone call.

contacts-call-title = { $name } anrufen
contacts-call-title-plain = Anruf
contacts-call-no-phone = Keine Telefonnummer hinterlegt
contacts-call-invoice-owing = · Rechnung { $number } · noch offen: { $amount }
contacts-call-script-heading = Was Sie sagen können
contacts-call-propose-plan = Ratenplan jetzt vorschlagen…
contacts-call-plan-proposed = Ratenplan Nr. { $id } vorgeschlagen; Sie finden ihn auf der Seite der Rechnung.
contacts-call-outcome-legend = Wie ist es gelaufen?
contacts-call-retry-on = Erneut anrufen am
contacts-call-promised = Zahlung wurde zugesagt
contacts-call-promise-by = Bis
contacts-call-plan-asked = Es wurde um einen Ratenplan gebeten
contacts-call-wrong-number-hint = Kindly schlägt stattdessen eine E-Mail oder einen Brief vor.
contacts-call-notes = Notizen
contacts-call-close = Schließen
contacts-call-done = Fertig
contacts-call-saving = Wird gespeichert…
contacts-call-log = Anruf festhalten

contacts-call-logged = Anruf festgehalten.
contacts-call-logged-done = Anruf festgehalten; dieser Schritt ist erledigt.
contacts-call-logged-promise = Anruf festgehalten. Die Erinnerungen zu dieser Rechnung ruhen bis zum zugesagten Tag.
contacts-call-logged-retry = Anruf festgehalten. Die Rechnung kommt am { $date } wieder in die Liste.
contacts-call-wrong-number = { $channel ->
    [email] Falsche Nummer festgehalten. Sie könnten stattdessen eine E-Mail schreiben; bitte prüfen Sie die Telefonnummer des Kunden.
   *[letter] Falsche Nummer festgehalten. Sie könnten stattdessen einen Brief schreiben; bitte prüfen Sie die Telefonnummer des Kunden.
}

## Promises to pay.

contacts-promise-amount = Betrag (leer: der ganze Betrag)
contacts-promise-form-heading = Zahlungszusage festhalten
contacts-promise-will-pay-by = Zahlt bis
contacts-promise-given = Zugesagt
contacts-promise-save = Zusage festhalten
contacts-promise-saved = Zusage über { $amount } festgehalten; die Erinnerungen zu dieser Rechnung ruhen bis dahin.
contacts-promises-heading = Zahlungszusagen
contacts-promises-by = Bis
contacts-promises-invoice = Rechnung
contacts-promises-amount = Betrag
contacts-promises-given = Zugesagt
contacts-promises-outcome = Ergebnis
contacts-promise-how = { $how ->
    [call] am Telefon
    [email] per E-Mail
    [letter] per Brief
   *[in_person] persönlich
}
contacts-promise-outcome = { $outcome ->
    [kept] Eingehalten
    [broken] Nicht eingehalten
   *[open] Offen
}
contacts-followups-heading = Zusagen zum Nachfassen
contacts-followup-promised = { $amount } zugesagt bis { $date } · noch offen: { $owing }
contacts-followup-to = an
contacts-followup-by-letter = per Brief
contacts-followup-done = { $channel ->
    [email] Als gesendet markieren (E-Mail)
   *[letter] Als gesendet markieren (Brief)
}

## Adding to the record.

contacts-note-label = Zum Verlauf hinzufügen
contacts-note-kind = Art des Eintrags
contacts-note-placeholder-email = Fügen Sie die E-Mail hier ein oder wählen Sie ihre .eml-Datei
contacts-note-placeholder-letter = Was im Brief steht (den Scan unten anhängen)
contacts-note-placeholder-call = Was gesagt wurde…
contacts-note-placeholder-note = Heute angerufen, Zahlung für Freitag zugesagt…
contacts-note-file-eml = Die .eml-Datei
contacts-note-file-scan = Der Scan (PDF, PNG oder JPEG)
contacts-note-add = Notiz hinzufügen

## The timeline.

contacts-timeline-heading = Verlauf
contacts-timeline-from = Von
contacts-timeline-to = Bis
contacts-timeline-empty = Nichts anzuzeigen.
contacts-timeline-corrects = korrigiert Nr. { $id }
contacts-timeline-corrected = später korrigiert
contacts-timeline-details = Details
contacts-timeline-hide-details = Details ausblenden
contacts-timeline-correct = Korrigieren
contacts-detail-from = Von
contacts-detail-to = An
contacts-detail-subject = Betreff
contacts-detail-outcome = Ergebnis
contacts-detail-reason = Grund
contacts-detail-outcome-value = { $outcome ->
    [reached] erreicht
    [voicemail] auf die Mailbox gesprochen
    [no_answer] niemand abgenommen
    [wrong_number] falsche Nummer
   *[other] { $outcome }
}
contacts-open-file = Öffnen
contacts-correction = Korrektur
contacts-correction-save = Korrektur speichern
contacts-correction-hint = Der ursprüngliche Eintrag bleibt erhalten; die Korrektur steht daneben.
contacts-timeline-loading = Wird geladen…
contacts-timeline-older = Ältere Einträge anzeigen

## The payment record (dossier).

contacts-dossier-busy = Die Zahlungsakte wird erstellt…
contacts-dossier-export = Zahlungsakte exportieren
# { $pdf }, { $csv } and { $zip } are the files' paths, shown as code; keep them in this order.
contacts-dossier-saved = { $count ->
    [one] { $count } Eintrag gespeichert: { $pdf }, { $csv } und { $zip }.
   *[other] { $count } Einträge gespeichert: { $pdf }, { $csv } und { $zip }.
}
contacts-dossier-open = PDF öffnen
contacts-dossier-problem = { $status ->
    [missing] { $name } (Eintrag Nr. { $entry }) fehlt; das ist in der Akte so vermerkt.
    [changed] { $name } (Eintrag Nr. { $entry }) wurde verändert; das ist in der Akte so vermerkt.
   *[other] { $name } (Eintrag Nr. { $entry }): { $status }; das ist in der Akte so vermerkt.
}

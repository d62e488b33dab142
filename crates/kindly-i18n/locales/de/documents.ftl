# In Rust gesetzte Dokumente: das Beweisdossier (in der Sprache des Kunden),
# die Berichte (in der Sprache des Nutzers), Zusammenfassungen im Verlauf.

page-label = Seite { $n } von { $m }
total = Summe

## Das Beweisdossier
dossier-title = Zahlungsverlauf: { $client }
dossier-title-invoice = Zahlungsverlauf: { $client } · Rechnung { $number }
dossier-client = Kunde: { $who }
dossier-prepared = Erstellt von { $business } am { $at }; alle Zeiten mit ihrem Abstand zu UTC.
dossier-counts = { $entries ->
    [one] Ein Eintrag
   *[other] { $entries } Einträge
}, { $files ->
    [one] eine angehängte Datei
   *[other] { $files } angehängte Dateien
}. Der Verlauf wird nur ergänzt: Korrekturen sind neue Einträge.
dossier-footer = { $business } · Zahlungsverlauf von { $client }
dossier-summary = Übersicht zum { $date }
dossier-cancelled = { $number } (storniert)
dossier-total = Summe ({ $currency }): berechnet { $invoiced }, bezahlt { $paid }, noch offen { $owing }; längster Verzug: { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
}.
dossier-payments = Eingegangene Zahlungen
dossier-promises = Zahlungszusagen
dossier-contacts = Jeder Kontakt, der Reihe nach
dossier-corrects = { $summary } (korrigiert #{ $id })
dossier-texts = Volltext der E-Mails, Briefe, Anrufe und Notizen
dossier-attachments = Anhänge
dossier-no-files = Diesen Einträgen sind keine Dateien angehängt.
dossier-promise = Zusage: { $amount } bis { $date }
col-invoice = Rechnung
col-issued = Gestellt
col-due = Fällig
col-invoiced = Betrag
col-paid = Bezahlt
col-owing = Noch offen
col-days-overdue = Tage überfällig
col-paid-on = Bezahlt am
col-amount = Betrag
col-method = Zahlungsart
col-reference = Verwendungszweck
col-promised-for = Zugesagt für
col-given-by = Gegeben
col-recorded = Erfasst
col-outcome = Ergebnis
col-entry = Eintrag
col-time = Zeit
col-kind = Art
col-channel = Kanal
col-direction = Richtung
col-what = Was geschah
col-details = Einzelheiten
col-refers-to = Korrigiert Eintrag
col-files = Dateien
field-outcome = Ergebnis
field-from = Von
field-to = An
field-date = Datum
field-subject = Betreff
field-retry-on = Erneut versuchen am
field-hold = Angehalten
field-until = Bis
field-reason = Grund

## Berichte (Sprache des Nutzers)
report-aging-title = Altersstruktur der offenen Posten
report-aging-subtitle = Offene Rechnungen nach Tagen seit Fälligkeit, Stand { $date }.
report-per-currency = Je Währung: Beträge in verschiedenen Währungen werden nie addiert.
report-aging-empty = Nichts ist offen: jede gestellte Rechnung ist bezahlt.
report-collected-title = Berechnet und eingenommen je Monat
report-collected-subtitle = { $months ->
    [one] Dieser Monat
   *[other] Die letzten { $months } Monate
}, Stand { $date }.
report-collected-explain = Berechnet: gestellte Rechnungen nach Rechnungsdatum (stornierte ausgenommen). Eingenommen: Zahlungen nach Datum.
report-collected-empty = Bisher wurde nichts berechnet oder eingenommen.
col-client = Kunde
col-client-id = Kunden-ID
col-currency = Währung
col-month = Monat
col-invoices = Rechnungen
col-collected = Eingenommen
col-payments = Zahlungen

## Zusammenfassungen im Verlauf, aus den erfassten Angaben
timeline-invoice-created = Rechnung { $number } erstellt: { $total }
timeline-invoice-issued = Rechnung { $number } gestellt
timeline-invoice-cancelled = Rechnung { $number } storniert
timeline-payment-recorded = Zahlung über { $amount } für { $number } eingegangen ({ $method }); noch offen: { $outstanding }
timeline-invoice-created-plain = Rechnung { $number } erstellt
timeline-payment-received-plain = Zahlung für { $number } eingegangen
timeline-interest-on = Sie haben die gesetzlichen Verzugszinsen für diesen Kunden eingeschaltet: { $law }; der Kunde ist { $debtor }.
timeline-interest-off = Sie haben die gesetzlichen Verzugszinsen für diesen Kunden ausgeschaltet.
timeline-interest-rate-added = Sie haben den veröffentlichten { $series } von { $rate } % ab { $from } eingetragen (Quelle: { $source }); Kindly verwendet ihn für Zeiträume nach seiner eigenen Zinstabelle.

## E-invoices
einvoice-credit-terms = Gutschrift zu Rechnung { $invoice }: wird mit dem offenen Betrag verrechnet oder erstattet.
letter-einvoice-issued = { $count ->
    [one] Die Rechnung wurde als E-Rechnung ({ $format }) ausgestellt; gern sende ich sie Ihnen erneut zu, falls Sie sie benötigen.
   *[other] Die Rechnungen wurden als E-Rechnungen ({ $format }) ausgestellt; gern sende ich sie Ihnen erneut zu, falls Sie sie benötigen.
}
timeline-plan-proposed = { $count ->
    [one] Zahlungsplan #{ $plan } vorgeschlagen: { $total } in { $count } Rate für { $invoices }
   *[other] Zahlungsplan #{ $plan } vorgeschlagen: { $total } in { $count } Raten für { $invoices }
}
timeline-plan-agreed = Zahlungsplan #{ $plan } ({ $invoices }) am { $date } vereinbart ({ $how }); die Erinnerungen zu den Rechnungen ruhen, solange er eingehalten wird
timeline-plan-cancelled = Zahlungsplan #{ $plan } ({ $invoices }) aufgehoben; die Erinnerungen zu den Rechnungen laufen weiter
timeline-plan-cancelled-invoice = Zahlungsplan #{ $plan } ({ $invoices }) aufgehoben, weil eine Rechnung darin storniert wurde
timeline-plan-completed = Zahlungsplan #{ $plan } ({ $invoices }) abgeschlossen: alle Raten bezahlt
timeline-plan-broken = { $days ->
    [one] Zahlungsplan #{ $plan } ({ $invoices }) nicht eingehalten: Rate { $installment } ist { $days } Tag überfällig; die Erinnerungen zu den Rechnungen laufen weiter
   *[other] Zahlungsplan #{ $plan } ({ $invoices }) nicht eingehalten: Rate { $installment } ist { $days } Tage überfällig; die Erinnerungen zu den Rechnungen laufen weiter
}
timeline-plan-renegotiated = Zahlungsplan #{ $plan } ({ $invoices }) neu verhandelt: ersetzt durch Zahlungsplan #{ $new }
timeline-installment-heads-up = { $channel ->
    [email] Hinweis auf Rate { $installment } von Zahlungsplan #{ $plan } per E-Mail gesendet
    [letter] Hinweis auf Rate { $installment } von Zahlungsplan #{ $plan } per Brief gesendet
   *[other] Hinweis auf Rate { $installment } von Zahlungsplan #{ $plan } telefonisch gegeben
}
timeline-installment-reminder = { $channel ->
    [email] Erinnerung an Rate { $installment } von Zahlungsplan #{ $plan } per E-Mail gesendet
    [letter] Erinnerung an Rate { $installment } von Zahlungsplan #{ $plan } per Brief gesendet
   *[other] Erinnerung an Rate { $installment } von Zahlungsplan #{ $plan } telefonisch gegeben
}
timeline-plan-off-track = { $channel ->
    [email] Freundlicher Hinweis, dass Zahlungsplan #{ $plan } nicht eingehalten wird, per E-Mail gesendet
    [letter] Freundlicher Hinweis, dass Zahlungsplan #{ $plan } nicht eingehalten wird, per Brief gesendet
   *[other] Freundlicher Hinweis, dass Zahlungsplan #{ $plan } nicht eingehalten wird, telefonisch gegeben
}
timeline-promise-recorded = Zahlungszusage über { $amount } bis { $date } für Rechnung { $number } ({ $how })
timeline-promise-kept = Zusage eingehalten: Rechnung { $number }, zugesagt für { $date }
timeline-promise-broken = Zusage nicht eingehalten: Rechnung { $number }, zugesagt für { $date }
timeline-email-sent = E-Mail gesendet an { $to }: { $subject }
timeline-statement-sent = Kontoauszug gesendet an { $to }: { $subject }
timeline-statement-printed = { $count ->
    [one] Kontoauszug gedruckt ({ $count } offene Rechnung)
   *[other] Kontoauszug gedruckt ({ $count } offene Rechnungen)
}
timeline-credit-note = Gutschrift { $note } über { $amount } zu { $number } erstellt ({ $reason }); { $standing }
timeline-payment-reversed = Zahlung über { $amount } vom { $date } für { $number } storniert ({ $reason }); { $standing }
timeline-payment-reversed-plain = Zahlung über { $amount } vom { $date } für { $number } storniert ({ $reason })
timeline-refund = Erstattung von { $amount } zu { $number } ({ $method }, { $reason }); { $standing }
timeline-standing-owing = noch offen: { $amount }
timeline-standing-credit = Guthaben des Kunden: { $amount }
timeline-standing-nothing = nichts mehr offen
timeline-call = Anruf zu Rechnung { $number }: { $outcome }
timeline-call-promise = ; Zahlungszusage über { $amount } bis { $date }
timeline-call-plan = ; um einen Zahlungsplan gebeten
timeline-call-retry = ; erneut versuchen am { $date }
timeline-promise-follow-up = Nachfrage zur Zahlungszusage für Rechnung { $number } ({ $channel })
timeline-email-withdrawn = E-Mail vor dem Senden zurückgezogen.
timeline-email-withdrawn-settled = Nicht gesendet: Die Rechnungen wurden inzwischen bezahlt oder storniert.
timeline-email-withdrawn-no-longer-due = Nicht gesendet: Sie war nicht mehr nötig, als sie an der Reihe war.
timeline-hold-disputed = Erinnerungen pausiert: Rechnung bestritten
timeline-chasing-paused-until = Erinnerungen pausiert bis { $date }
timeline-chasing-paused = Erinnerungen pausiert
timeline-chasing-resumed = Erinnerungen fortgesetzt
timeline-chasing-on = Erinnerungen eingeschaltet
timeline-chasing-off = Erinnerungen ausgeschaltet

## A ladder step done by hand or printed, and the default ladder's step names
timeline-step-email = E-Mail gesendet: { $stage } zu { $count ->
    [one] Rechnung
   *[other] Rechnungen
} { $numbers }
timeline-step-letter = Brief gedruckt: { $stage } zu { $count ->
    [one] Rechnung
   *[other] Rechnungen
} { $numbers }
timeline-step-call = Anruf getätigt: { $stage } zu { $count ->
    [one] Rechnung
   *[other] Rechnungen
} { $numbers }
stage-default-heads-up = Freundlicher Hinweis
stage-default-reminder = Freundliche Erinnerung
stage-default-follow-up = Höfliche Nachfrage
stage-default-plan-offer = Angebot einer Ratenzahlung
stage-default-final-notice = Letzte freundliche Erinnerung
timeline-invoice-imported = Rechnung { $number } aus der E-Rechnung { $name } importiert (SHA-256 { $sha }…)

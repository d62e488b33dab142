## Follow-ups: Today, the ladder, the message preview, printed letters, the invoice's follow-up box.

today-title = Heutige Erinnerungen
today-list-by-client = Heutige Erinnerungen nach Kunde
today-list-by-channel = Heutige Erinnerungen nach Kanal
today-showing = { $total ->
    [one] { $matching } von { $total } Erinnerung angezeigt
   *[other] { $matching } von { $total } Erinnerungen angezeigt
}
today-empty = Heute steht nichts an.
today-empty-filtered = Keine Erinnerung passt zu diesen Filtern.
today-empty-hint = Jede Rechnung ist bezahlt, noch nicht fällig oder bereits nachverfolgt. Genießen Sie Ihren Tag.
today-clear-the-filters = Filter zurücksetzen
today-back-clients = ← Alle Kunden
today-back-channels = ← Alle Kanäle
today-shortcuts = Tastenkürzel
today-key-send = Alle E-Mails senden (mit Rückfrage)
today-key-print = Heutige Briefe drucken (mit Rückfrage)
today-key-group = Nach Kunde, nach Kanal oder gar nicht gruppieren
today-key-filter = Zu den Filtern springen
today-key-clear = Filter zurücksetzen
today-key-refresh = Heutige Liste neu laden
today-key-help = Diese Tastenkürzel anzeigen

## Filters and grouping.
today-filters-legend = Heutige Erinnerungen filtern und gruppieren
today-group-by = Gruppieren nach
today-group-nothing = Nicht gruppieren
today-filter-any = Alle
today-filter-channel = Kanal
today-filter-step = Stufe
today-filter-tone = Ton
today-filter-language = Sprache
today-filter-currency = Währung
today-filter-min-amount = Offen mindestens
today-clear-filters = Filter zurücksetzen
# A choice in a filter list and how many follow-ups it would show: "E-mail (73)".
today-facet-option = { $label } ({ $count })

## One row of the queue.
today-due-overdue = { $days ->
    [one] { $days } Tag überfällig
   *[other] { $days } Tage überfällig
}
today-due-today = heute fällig
today-due-tomorrow = morgen fällig
today-due-in = { $days ->
    [one] fällig in { $days } Tag
   *[other] fällig in { $days } Tagen
}
today-letter-confirm = gedruckt? bitte bestätigen
today-letter-not-printed = erstellt, nicht gedruckt

## The ladder.
today-ladder-title = Erinnerungsstufen
today-ladder-language = Sprache der Texte
today-ladder-pick = Wählen Sie bei einer Stufe „Text“, um zu bearbeiten, was Kindly schreibt.
today-ladder-hint = Jede Stufe wird die angegebene Anzahl von Tagen nach dem Fälligkeitsdatum vorgeschlagen (negativ: davor). Kindly verwendet den Ton und den Kanal, die Sie wählen.
today-ladder-save-first = Speichern Sie zuerst die Stufen
today-ladder-wording = Text
today-ladder-add = Stufe hinzufügen
today-ladder-saved = Stufen gespeichert.
today-ladder-save = Stufen speichern
today-new-stage = Neue Stufe
today-offset-not-whole = Stufe { $stage }: Die Tage müssen eine ganze Zahl sein.
today-offset-on-due-date = am Fälligkeitsdatum
today-offset-before = { $days ->
    [one] { $days } Tag vor Fälligkeit
   *[other] { $days } Tage vor Fälligkeit
}
today-offset-after = { $days ->
    [one] { $days } Tag nach Fälligkeit
   *[other] { $days } Tage nach Fälligkeit
}
today-stages-caption = Erinnerungsstufen
today-stages-stage = Stufe
today-stages-days = Tage nach Fälligkeit
today-stages-tone = Ton
today-stages-channel = Kanal
today-stages-actions = Aktionen
today-stages-name-of = Name der Stufe { $stage }
today-stages-days-of = Tage nach Fälligkeit für Stufe { $stage }
today-stages-tone-of = Ton der Stufe { $stage }
today-stages-channel-of = Kanal der Stufe { $stage }
today-stages-remove = Entfernen
today-stages-remove-label = Stufe { $stage } entfernen

## Shared words.
today-loading = Wird geladen …
today-saving = Wird gespeichert …
today-save = Speichern
today-saved = Gespeichert.
today-cancel = Abbrechen
today-close = Schließen
today-paper = Papier
today-open-outbox = Postausgang öffnen
# $file is the saved file's name, shown as a link.
today-saved-as = Gespeichert als { $file }

## The invoice page's follow-up box.
today-box-title = Erinnerungen
today-box-write = Jetzt an den Kunden schreiben
today-box-pdf = PDF herunterladen
today-box-pdf-busy = PDF wird erstellt …
today-hold-label = Erinnerungen für diese Rechnung
today-hold-none = Wie gewohnt erinnern
today-hold-none-hint = Kindly schlägt Erinnerungen vor, sobald diese Rechnung überfällig ist.
today-hold-disputed = Strittig
today-hold-disputed-hint = Keine Erinnerungen, solange Sie eine Meinungsverschiedenheit klären.
today-hold-paused = Pausiert bis …
today-hold-paused-hint = Keine Erinnerungen bis zu einem Datum, z. B. nach einer Zahlungszusage.
today-hold-until = Pausiert bis (letzter Tag)
today-hold-reason = Grund
today-hold-reason-placeholder = z. B. Kunde hat die Stunden hinterfragt

## The invoice picker of the wording editor.
today-picker-placeholder = Rechnungsnummer oder Kunde
today-picker-list = Rechnungen
today-picker-empty = Keine passenden Rechnungen

## The message preview.
today-preview-title = Erinnerung an { $client }
today-preview-title-empty = Erinnerung
today-preview-bundle = { $count ->
    [one] Eine weitere fällige Rechnung dieses Kunden in dieselbe Nachricht aufnehmen
   *[other] { $count } weitere fällige Rechnungen dieses Kunden in dieselbe Nachricht aufnehmen
}
today-preview-send-as = Senden als
today-preview-needs-decision = Diese E-Mail wartet auf Ihre Entscheidung.
today-preview-in-outbox = Diese E-Mail liegt im Postausgang.
today-preview-recipient = Empfänger
today-preview-to = An
today-preview-address = Anschrift
today-preview-phone = Telefon
today-preview-no-email = Keine E-Mail-Adresse hinterlegt
today-preview-no-address = Keine Postanschrift hinterlegt
today-preview-no-phone = Keine Telefonnummer hinterlegt
today-preview-call-script = Gesprächsleitfaden
today-preview-subject = Betreff
today-preview-message = Nachricht
# $files: the names of the attached files.
today-preview-attached = Anhang: { $files }
today-preview-offer-plan = Ratenzahlung anbieten …
today-preview-plan-proposed = Ratenplan Nr. { $plan } vorgeschlagen; Sie finden ihn auf der Seite der Rechnung.
today-preview-qr-note = Auf den Brief wird ein QR-Code zum Bezahlen gedruckt.
today-preview-generate-letter = Brief als PDF erstellen
today-preview-generating = Wird erstellt …
today-preview-letter-saved = Gespeichert als { $file }: eine Vorschau, nicht als gesendet erfasst. Drucken Sie den Brief unter „Heute“, oder markieren Sie die Stufe als erledigt, sobald Sie ihn verschickt haben.
today-preview-writing = Die Nachricht wird geschrieben …
today-preview-note = Notiz für Ihre Unterlagen (optional)
today-preview-email-setup = E-Mail in den Einstellungen einrichten
today-preview-done-in-outbox = Die E-Mail dieser Stufe liegt im Postausgang: Senden, bestätigen oder verwerfen Sie sie zuerst dort
today-preview-done-own-mail = Für eine E-Mail, die Sie aus Ihrem eigenen E-Mail-Programm gesendet haben
today-preview-log-call = Anruf als erledigt erfassen
today-preview-mark-sent = Als gesendet markieren
today-preview-mark-done = Als erledigt markieren
today-preview-send-email = E-Mail senden
today-preview-sending = Wird gesendet …

## The tone check.
today-tone-all-good = ✓ Tonprüfung: alles in Ordnung
today-tone-suggestions = { $count ->
    [one] Tonprüfung: ein Vorschlag
   *[other] Tonprüfung: { $count } Vorschläge
}
# Shown in other languages instead of Kindly's English finding; the phrase it is about is quoted beside it.
today-finding-threat = Diese Formulierung kann als Drohung oder Druck wirken; sagen Sie es freundlicher.
today-finding-shouting = Wörter in Großbuchstaben wirken wie Schreien; schreiben Sie sie normal.
today-finding-exclamation = Mehrere Ausrufezeichen lassen die Nachricht drängend oder verärgert klingen; ein ruhiger Punkt wirkt besser.
today-finding-no-greeting = Sprechen Sie den Kunden mit Namen an, z. B. „Guten Tag {"{{ greeting_name }}"},“.
today-finding-missing-amount = Nennen Sie den noch offenen Betrag ({"{{ amount_owing }}"}).
today-finding-missing-due-date = Erwähnen Sie das Fälligkeitsdatum ({"{{ due_date }}"}).
today-finding-missing-invoice-number = Nennen Sie die Rechnung ({"{{ invoice_numbers }}"}).
today-finding-missing-terms = Erinnern Sie an die Zahlungsbedingungen ({"{{ payment_terms }}"}).
today-finding-no-payment-methods = Nennen Sie die Zahlungswege ({"{{ payment_methods }}"}); es dem Kunden leicht zu machen, ist die freundlichste Erinnerung.
today-finding-no-thanks = Danken Sie dem Kunden für die Zusammenarbeit oder seine Zeit.

## Printing today's letters.
today-letters-print = Heutige Briefe drucken
today-letters-print-n = Heutige Briefe drucken ({ $count })
today-letters-preparing = Briefe werden vorbereitet …
today-letters-none-due = Heute sind keine Briefe fällig.
today-letters-printed = { $count ->
    [one] Ein Brief gedruckt und im Verlauf des Kunden erfasst.
   *[other] { $count } Briefe gedruckt und im Verlauf jedes Kunden erfasst.
}
today-letters-printed-job = { $count ->
    [one] Ein Brief gedruckt (Auftrag { $job }) und im Verlauf des Kunden erfasst.
   *[other] { $count } Briefe gedruckt (Auftrag { $job }) und im Verlauf jedes Kunden erfasst.
}
today-letters-awaiting = { $count ->
    [one] Ein Brief wurde in Ihrem PDF-Betrachter geöffnet. Wurde er gedruckt? Er gilt erst als gesendet, wenn Sie es bestätigen.
   *[other] { $count } Briefe wurden in Ihrem PDF-Betrachter geöffnet. Wurden sie gedruckt? Sie gelten erst als gesendet, wenn Sie es bestätigen.
}
today-letters-yes = Ja, gedruckt
today-letters-no = Nein, nicht gedruckt
# $error: what the printer or the system said.
today-letters-not-printed = { $count ->
    [one] Ein Brief erstellt, aber nicht gedruckt: { $error } Er bleibt in der heutigen Liste, bis er gedruckt ist.
   *[other] { $count } Briefe erstellt, aber nicht gedruckt: { $error } Sie bleiben in der heutigen Liste, bis sie gedruckt sind.
}
today-letters-retry = Erneut drucken
today-letters-saved = { $count ->
    [one] Ein Brief gespeichert als { $file } (nicht gedruckt, nicht erfasst).
   *[other] { $count } Briefe gespeichert als { $file } (nicht gedruckt, nicht erfasst).
}
today-letters-left-out-printed = Ausgelassen (die übrigen wurden gedruckt):
today-letters-left-out-file = Ausgelassen (die übrigen sind in der Datei):
today-letters-confirm-title = { $count ->
    [one] { $count } Brief jetzt drucken?
   *[other] { $count } Briefe jetzt drucken?
}
# $paper: the paper size, e.g. "A4".
today-letters-confirm-text = { $invoices ->
    [one] Ein Brief pro Kunde, zu { $invoices } Rechnung, auf Papier im Format { $paper }. Jeder Brief wird im Verlauf des Kunden erfasst, sobald er gedruckt ist.
   *[other] Ein Brief pro Kunde, zu insgesamt { $invoices } Rechnungen, auf Papier im Format { $paper }. Jeder Brief wird im Verlauf des Kunden erfasst, sobald er gedruckt ist.
}
today-letters-confirm = { $count ->
    [one] { $count } Brief drucken
   *[other] { $count } Briefe drucken
}

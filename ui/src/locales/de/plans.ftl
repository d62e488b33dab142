## Installment plans: the plan cards, offering or renegotiating a plan, and Today's installment reminders.

plans-heading = Ratenpläne
plans-offer = Ratenplan anbieten
plans-renegotiate-title = Ratenplan neu vereinbaren
plans-card-title = Ratenplan Nr. { $id }
plans-reminder-rule = Erinnerungen zu den Raten: ein Vorabhinweis { $headsUp ->
        [0] am Fälligkeitstag jeder Rate
        [one] { $headsUp } Tag vor jeder Rate
       *[other] { $headsUp } Tage vor jeder Rate
    }; eine Erinnerung { $reminder ->
        [one] { $reminder } Tag
       *[other] { $reminder } Tage
    } danach, falls noch nicht bezahlt.
# The fixed rule the backend splits amounts by (SchedulePreview.rule).
plans-remainder-rule = Die Beträge werden exakt aufgeteilt; geht der Saldo nicht glatt auf, tragen die ersten Raten den zusätzlichen Cent (kleinste Einheit). Bei einem festen Ratenbetrag ist die letzte Rate der verbleibende Rest.

## Where a plan stands.

plans-standing-proposed = Vorgeschlagen, wartet auf die Zustimmung des Kunden; erste Zahlung { $amount } am { $date }
plans-standing-on-track = Im Plan: nächste Rate { $amount } am { $date }
plans-standing-late = Eine Rate ist überfällig ({ $amount } am { $date }); noch innerhalb der Kulanzfrist von { $days } Tagen
plans-standing-broken = Nicht eingehalten: die Rate über { $amount } vom { $date } ist noch offen
plans-standing-completed = Abgeschlossen: alle Raten sind bezahlt
plans-standing-renegotiated = Durch einen neuen Plan ersetzt
plans-standing-cancelled = Storniert
plans-standing-plain = { $standing ->
    [on_track] Im Plan
    [late] Überfällig
    [broken] Nicht eingehalten
    [proposed] Vorgeschlagen
    [completed] Abgeschlossen
    [renegotiated] Neu vereinbart
   *[cancelled] Storniert
}

## A plan's card.

plans-total = Gesamt
plans-paid = Bezahlt
plans-credited = Gutgeschrieben (Gutschriften seit dem Plan)
plans-remaining = Verbleibend
plans-surplus = Über den Plan hinaus bezahlt
plans-agreed = { $days ->
    [one] Vereinbart am { $date } ({ $how }) · Kulanzfrist { $days } Tag
   *[other] Vereinbart am { $date } ({ $how }) · Kulanzfrist { $days } Tage
}
plans-agreed-how-unknown = Art nicht erfasst
plans-installments-caption = Raten des Ratenplans Nr. { $id }
plans-col-due = Fällig am
plans-col-amount = Betrag
plans-col-paid = Bezahlt
plans-col-status = Stand
plans-next-reminder = Nächste Ratenerinnerung ab { $date }.
plans-accept = Kunde hat zugestimmt…
plans-renegotiate = Neu vereinbaren
plans-cancel = Plan stornieren…
plans-pdf = Vereinbarung als Brief (PDF)
plans-email-proposal = Vorschlag per E-Mail senden
# { $file } is the saved file (its name with Open and Save a copy).
plans-saved-as = Gespeichert als { $file }
plans-agreed-on = Vereinbart am
plans-agreed-how = Wie
plans-accept-save = Vereinbarung festhalten
plans-cancel-reason = Grund (optional)
plans-cancel-save = Plan stornieren

## Offering a plan.

# { $invoices } are the invoice numbers, { $balance } the amount still owing.
plans-dialog-owing = { $invoices } · noch offen: { $balance }
plans-split-into = Aufteilen in
plans-by-count = eine Anzahl von Raten
plans-by-amount = Raten mit festem Betrag
plans-count = Raten
plans-count-after-down = Raten nach der Anzahlung
plans-each = Betrag je Rate
plans-frequency = Wie oft
plans-first-date = Erste Zahlung
plans-down-payment = Anzahlung (optional)
plans-terms = Erinnerungen und Kulanzfrist
plans-terms-hint = Jede Rate bekommt so viele Tage vor ihrer Fälligkeit einen Vorabhinweis und, falls sie offen bleibt, so viele Tage danach eine Erinnerung. Der Plan gilt als nicht eingehalten, wenn eine Rate länger als die Kulanzfrist überfällig ist.
plans-heads-up-days = Vorabhinweis (Tage)
plans-reminder-days = Erinnerung (Tage)
plans-grace-days = Kulanzfrist (Tage)
plans-custom-dates = Termine, einer je Rate
plans-custom-dates-placeholder = { $first }, { $second }
plans-schedule-caption = Zahlungsplan (Sie können jedes Datum und jeden Betrag ändern)
plans-schedule-amount = Betrag ({ $currency })
plans-row-due = Fälligkeitsdatum der Rate { $n }
plans-row-amount = Betrag der Rate { $n }
plans-sum = Summe
plans-should-be = sollte { $balance } sein
plans-dialog-cancel = Abbrechen
plans-saving = Wird gespeichert…
plans-propose = Diesen Plan vorschlagen
plans-propose-new = Den neuen Plan vorschlagen

## Today's installment reminders.

plans-reminders-heading = Ratenpläne
plans-reminder-what = { $kind } · { $seq } von { $count }
plans-reminder-due = fällig am { $date }
plans-message = Nachricht
plans-message-hide = Nachricht ausblenden
plans-print-letter = Brief drucken
plans-mark-sent = Als gesendet markieren
plans-mark-sent-title = Für eine E-Mail, die Sie aus Ihrem eigenen E-Mail-Programm gesendet haben
plans-letter-printed = Gedruckt und vermerkt. Gespeichert als { $path }
plans-letter-printed-job = Gedruckt (Auftrag { $job }) und vermerkt. Gespeichert als { $path }
plans-letter-opened = { $path } wurde in Ihrem PDF-Programm geöffnet. Sobald der Brief gedruckt und verschickt ist, wählen Sie „Als gesendet markieren“.

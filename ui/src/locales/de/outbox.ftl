## The outbox, sending e-mails from Today, and the background sender's notices.

outbox-title = Postausgang
outbox-subtitle = Die Zahlungserinnerungen, die Kindly per E-Mail verschickt hat oder gleich verschickt.
outbox-tabs-label = Anzeigen
outbox-tab-all = Alle
outbox-tab-attention = Zu entscheiden
outbox-tab-queued = Wartend
outbox-tab-sent = Gesendet
outbox-tab-withdrawn = Zurückgezogen
outbox-empty-attention = Nichts wartet auf Ihre Entscheidung. Jede Nachricht ist verschickt oder unterwegs.
outbox-empty = Hier sind noch keine Nachrichten.
# { $today } is a link to the Today screen, worded by outbox-empty-hint-today.
outbox-empty-hint = Erinnerungen, die Sie unter { $today } versenden, erscheinen hier.
outbox-empty-hint-today = „Heute“
outbox-loading = Postausgang wird geladen…
outbox-list-label = Nachrichten
outbox-to = An
outbox-more = Mehr anzeigen (noch { $count })

outbox-action-confirm = Ist angekommen – als gesendet markieren
outbox-action-send-again = Erneut senden
outbox-action-try-again = Noch einmal versuchen
outbox-action-withdraw = Zurückziehen

outbox-status-retry = Neuer Versuch am { $at }
outbox-status-waiting = Wartet auf den Versand
outbox-status-sending = Wird gerade gesendet
outbox-status-sent = Gesendet am { $at }
outbox-status-uncertain = Möglicherweise gesendet am { $at }
outbox-status-failed = Nicht gesendet: wartet auf Ihre Entscheidung
outbox-status-withdrawn = Zurückgezogen, nicht gesendet

## Sending: the progress of a batch and its result.

outbox-progress-sending = Sende { $current } von { $total } – an { $to }
outbox-progress-done = { $done } von { $total } erledigt
outbox-progress-with-outcomes = { $progress }: { $outcomes }
outbox-outcome-sent = { $count } gesendet
outbox-outcome-failed = { $count } fehlgeschlagen
outbox-outcome-uncertain = { $count } möglicherweise gesendet
outbox-outcome-retrying = { $count ->
    [one] { $count } wird erneut versucht
   *[other] { $count } werden erneut versucht
}
outbox-outcome-withdrawn = { $count } zurückgezogen
outbox-report-outcomes = E-Mails: { $outcomes }.
outbox-report-nothing = Es wurden keine E-Mails gesendet.
outbox-report-recovered = { $count ->
    [one] Eine Nachricht wurde zuvor unterbrochen; siehe Postausgang.
   *[other] { $count } Nachrichten wurden zuvor unterbrochen; siehe Postausgang.
}
outbox-report-look = Bitte sehen Sie im Postausgang nach.
outbox-stopped = Versand angehalten: { $message }
outbox-skipped-invoices = { $invoices }: { $message }
outbox-skipped-heading = { $count ->
    [one] Eine Nachricht wurde nicht in den Postausgang gestellt:
   *[other] { $count } Nachrichten wurden nicht in den Postausgang gestellt:
}

## Today's "Send all e-mails".

outbox-send-section = Erinnerungen per E-Mail
outbox-setup-text = Kindly kann diese Erinnerungen über Ihr eigenes E-Mail-Konto versenden.
outbox-setup-link = E-Mail in den Einstellungen einrichten
outbox-send-all = Alle E-Mails senden
outbox-send-all-count = Alle E-Mails senden ({ $count })
outbox-send-all-busy = E-Mails werden gesendet…
outbox-send-all-none = Heute sind keine E-Mails fällig.
outbox-send-all-title = { $messages ->
        [one] { $messages } neue Nachricht
       *[other] { $messages } neue Nachrichten
    } zu { $invoices ->
        [one] { $invoices } Rechnung
       *[other] { $invoices } Rechnungen
    }
outbox-send-all-title-waiting = { $messages ->
        [one] { $messages } neue Nachricht
       *[other] { $messages } neue Nachrichten
    } zu { $invoices ->
        [one] { $invoices } Rechnung
       *[other] { $invoices } Rechnungen
    }, dazu { $waiting ->
        [one] { $waiting } Nachricht, die schon im Postausgang wartet
       *[other] { $waiting } Nachrichten, die schon im Postausgang warten
    }
outbox-send-stopping = Wird nach dieser Nachricht angehalten…
outbox-send-cancel = Abbrechen
outbox-attention-link = { $count ->
    [one] Eine E-Mail im Postausgang wartet auf Ihre Entscheidung
   *[other] { $count } E-Mails im Postausgang warten auf Ihre Entscheidung
}
outbox-progress-label = Gesendete E-Mails
outbox-preparing-label = E-Mails werden vorbereitet
outbox-preparing = Die E-Mails werden vorbereitet…
outbox-check-settings = E-Mail-Einstellungen prüfen
outbox-confirm-title = { $count ->
    [one] { $count } E-Mail jetzt senden?
   *[other] { $count } E-Mails jetzt senden?
}
outbox-confirm-send = { $count ->
    [one] { $count } E-Mail senden
   *[other] { $count } E-Mails senden
}
outbox-confirm-text = Kindly sendet { $messages ->
        [one] { $messages } neue Nachricht
       *[other] { $messages } neue Nachrichten
    } (eine pro Kunde, zu { $invoices ->
        [one] { $invoices } Rechnung
       *[other] { $invoices } Rechnungen
    }) über Ihr E-Mail-Konto und vermerkt jede im Verlauf des Kunden.
outbox-confirm-text-waiting = Kindly sendet { $messages ->
        [one] { $messages } neue Nachricht
       *[other] { $messages } neue Nachrichten
    } (eine pro Kunde, zu { $invoices ->
        [one] { $invoices } Rechnung
       *[other] { $invoices } Rechnungen
    }) sowie { $waiting ->
        [one] { $waiting } Nachricht, die schon im Postausgang wartet,
       *[other] { $waiting } Nachrichten, die schon im Postausgang warten,
    } über Ihr E-Mail-Konto und vermerkt jede im Verlauf des Kunden.

## "Send e-mail" for one message.

outbox-send-one = E-Mail senden
outbox-send-one-busy = Wird gesendet…
outbox-setup-short = E-Mail einrichten

## The background sender's problem.

outbox-background-what = E-Mails aus dem Postausgang konnten im Hintergrund nicht gesendet werden: { $message }
outbox-background-again-hours = Kindly versucht es in etwa { $hours } Std. von selbst noch einmal – oder Sie senden jetzt unter „Heute“.
outbox-background-again-minutes = Kindly versucht es in { $minutes } Min. von selbst noch einmal – oder Sie senden jetzt unter „Heute“.
outbox-background-todo-auth = Prüfen Sie Benutzername und Passwort unter Einstellungen → E-Mail (viele Anbieter verlangen ein App-Passwort).
outbox-background-todo-password = Geben Sie Ihr E-Mail-Passwort unter Einstellungen → E-Mail ein.
outbox-background-todo-keychain-locked = Entsperren Sie den Schlüsselbund Ihres Systems (zum Beispiel, indem Sie sich neu anmelden), und senden Sie dann unter „Heute“.
outbox-background-todo-keychain = Kindly bewahrt das Passwort nur im Schlüsselbund des Systems auf: Starten Sie ihn (unter Linux: GNOME Keyring oder KWallet) und senden Sie dann unter „Heute“.
outbox-background-todo-connection = Prüfen Sie Ihre Internetverbindung sowie Servername und Port unter Einstellungen → E-Mail. Es wurde nichts gesendet, und nichts geht verloren.
outbox-background-todo-settings = Prüfen Sie die E-Mail-Einstellungen und senden Sie dort die Test-E-Mail.
outbox-background-todo-other = Ihre E-Mails bleiben im Postausgang. Wenn das immer wieder passiert, starten Sie Kindly neu; Einzelheiten stehen in der Protokolldatei im Datenordner.
outbox-background-settings = E-Mail-Einstellungen öffnen
outbox-background-dismiss = Ausblenden
outbox-background-dismiss-label = Diesen Hinweis ausblenden

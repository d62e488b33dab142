## The app's frame: navigation, start-up, notices.

nav-main = Hauptmenü
nav-overview = Übersicht
nav-today = Heute
nav-clients = Kunden
nav-invoices = Rechnungen
nav-payments = Zahlungen
nav-followups = Erinnerungsstufen
nav-outbox = Postausgang
nav-bank = Kontoauszüge
nav-data = Import und Export
nav-settings = Einstellungen
outbox-attention-title = { $count ->
    [one] Eine Nachricht wartet auf Ihre Entscheidung
   *[other] { $count } Nachrichten warten auf Ihre Entscheidung
}
outbox-attention-hidden = brauchen Ihre Aufmerksamkeit
app-version = Kindly { $version }
app-start-failed = Kindly konnte nicht starten: { $message }
app-opening = Ihre Bücher werden geöffnet …
notice-ok = OK

## Lists

list-loading = Wird geladen …
list-search = Suchen
list-sort = Sortieren
list-active-filters = Aktive Filter
list-remove-filter = Filter { $filter } entfernen
list-clear-filters = Filter zurücksetzen
file-open = Öffnen
file-save-copy = Kopie speichern …
file-copy-saved = Kopie gespeichert.
app-restore-done = Ihre Sicherung wurde wiederhergestellt und ist jetzt die Datenbasis. Die bisherigen Daten bleiben in { $path } erhalten.
app-restore-failed = Die Wiederherstellung konnte nicht abgeschlossen werden, die Daten sind daher unverändert: { $problem }
app-server-away = Die Team-Datenbank auf { $host } ist nicht erreichbar. Es wurde nichts gespeichert; der Versand ruht, bis sie wieder da ist.
app-server-away-nohost = Die Team-Datenbank ist nicht erreichbar. Es wurde nichts gespeichert; der Versand ruht, bis sie wieder da ist.
app-server-away-retry = Erneut versuchen
app-server-away-retrying = Wird versucht …

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

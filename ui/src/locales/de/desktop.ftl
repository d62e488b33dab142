## The desktop around the window: the native menu, its shortcuts, notifications.

desktop-menu-file = Datei
desktop-menu-edit = Bearbeiten
desktop-menu-go = Gehe zu
desktop-menu-window = Fenster
desktop-new-client = Neuer Kunde …
desktop-new-invoice = Neue Rechnung
desktop-record-payment = Zahlung erfassen …
desktop-today = Heute
desktop-search = Suchen
desktop-settings = Einstellungen …
desktop-quit = Kindly beenden
desktop-undo = Rückgängig
desktop-redo = Wiederholen
desktop-cut = Ausschneiden
desktop-copy = Kopieren
desktop-paste = Einfügen
desktop-select-all = Alles auswählen
desktop-minimize = Minimieren
desktop-close-window = Fenster schließen
desktop-notice-title = Kindly
desktop-notice-emails = Ihre E-Mails wurden versendet.
desktop-notice-letters = Ihre Briefe sind druckbereit.
desktop-notice-bank = Der Kontoauszug wurde eingelesen.
desktop-notice-import = Der Import ist abgeschlossen.
desktop-notice-backup = Die Datensicherung ist fertig.
desktop-notice-failed = Eine Aufgabe konnte nicht abgeschlossen werden. Öffnen Sie Kindly, um den Grund zu sehen.
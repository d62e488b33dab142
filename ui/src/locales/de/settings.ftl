## Settings.

settings-language-title = Sprache
settings-language-label = Sprache der Kindly-Oberfläche
settings-language-system = Wie am Computer eingestellt
settings-language-hint = Briefe und E-Mails verwenden die Sprache des jeweiligen Kunden.

## Settings pages, each with one Save; leaving unsaved edits asks first.

settings-title = Einstellungen
settings-pages = Bereiche der Einstellungen
settings-page-business = Unternehmen
settings-page-payment = Zahlungswege
settings-page-email = E-Mail
settings-page-backup = Datensicherung
settings-page-language = Sprache
settings-saving = Wird gespeichert …
settings-loading = Wird geladen …
settings-cancel = Abbrechen
settings-leave-title = Änderungen speichern?
settings-leave-text = Sie haben „{ $page }“ geändert, aber noch nicht gespeichert. Möchten Sie die Änderungen speichern, verwerfen oder auf dieser Seite bleiben?
settings-leave-save = Speichern
settings-leave-discard = Änderungen verwerfen
settings-leave-stay = Hierbleiben
settings-about-title = Über Kindly
settings-data-stored = Ihre Daten liegen in { $path }

## Business

settings-business-title = Unternehmen
settings-business-name = Name des Unternehmens
settings-business-address = Postanschrift
settings-business-address-hint = Der Absender auf Ihren Briefen und Rechnungen.
settings-business-email = E-Mail
settings-business-phone = Telefon
settings-business-tax-id = USt-IdNr. oder Steuernummer
settings-business-currency = Standardwährung
settings-business-locale = Sprache und Formate
settings-business-terms = Zahlungsziel (Tage)
settings-business-signature = Grußformel und Unterschrift
settings-business-signature-hint = Die Schlusszeilen Ihrer Briefe und E-Mails, z. B. Ihr Name und Ihre Telefonnummer.
settings-number-pattern = Muster der Rechnungsnummer
settings-next-number = Nächste Rechnungsnummer: { $number } (wird beim Speichern aktualisiert).
settings-next-sequence = Nächste laufende Nummer
settings-business-saved = Einstellungen gespeichert.
settings-business-save = Einstellungen speichern

## Ways to pay

settings-pm-title = Zahlungswege
settings-pm-lead = Kindly nennt diese Angaben in Ihren Briefen und E-Mails, damit Ihre Kunden wissen, wie sie bezahlen können.
settings-pm-bank = Überweisung
settings-pm-holder = Kontoinhaber
settings-pm-iban = IBAN
settings-pm-bic = BIC
settings-pm-account = Kontonummer
settings-pm-routing = Bankleitzahl / Sort Code
settings-pm-online = Online
settings-pm-card = Link für Kartenzahlung
settings-pm-paypal = PayPal-Link
settings-pm-paypal-placeholder = https://paypal.me/…
settings-pm-other = Weitere
settings-pm-cheque = Schecks ausstellen auf
settings-pm-cheque-placeholder = Leer lassen, wenn Sie keine Schecks annehmen
settings-pm-cash = Ich nehme Barzahlung an
settings-pm-installments = Ratenzahlung anbieten
settings-pm-saved = Zahlungswege gespeichert.
settings-pm-save = Zahlungswege speichern

## E-mail

settings-email-title = E-Mail
settings-email-lead = Kindly versendet Ihre Erinnerungen über Ihr eigenes E-Mail-Konto. Ihr Passwort liegt nur im Schlüsselbund Ihres Systems, nie in Kindlys Dateien.
settings-email-host = Postausgangsserver (SMTP)
settings-email-host-placeholder = smtp.example.com
settings-email-port = Port
settings-email-security = Verschlüsselung
settings-email-plain-warning = Ohne Verschlüsselung können alle im Netzwerk Ihr Passwort und Ihre Nachrichten mitlesen. Wählen Sie dies nur für einen Mail-Relay auf diesem Computer (Host „localhost“).
settings-email-username = Benutzername
settings-email-password = Passwort
settings-email-password-saved = Im Schlüsselbund Ihres Systems gespeichert. Leer lassen, um es zu behalten.
settings-email-password-none = Noch kein Passwort gespeichert.
settings-email-forget = Passwort entfernen
settings-email-forgetting = Wird entfernt …
settings-email-from-name = Absendername
settings-email-from-address = Absenderadresse
settings-email-reply-to = Antwortadresse (optional)
settings-email-reply-to-hint = Wohin Antworten Ihrer Kunden gehen, wenn nicht an die Absenderadresse.
settings-email-bcc-self = Mir eine Kopie jeder Erinnerung senden (BCC an meine Absenderadresse)
settings-email-advanced = Erweitert
settings-email-cert = Vertrauenswürdiges Zertifikat (optional)
settings-email-cert-hint = Nur wenn Ihr Server eine eigene Zertifizierungsstelle verwendet: Fügen Sie deren Zertifikat ein (PEM, beginnt mit -----BEGIN CERTIFICATE-----).
settings-email-timeout = Nicht länger auf den Server warten als (Sekunden)
settings-email-saved = E-Mail-Einstellungen gespeichert.
settings-email-save = E-Mail-Einstellungen speichern
settings-email-check = Einstellungen prüfen
settings-email-test-to = Test-E-Mail senden an (optional)
settings-email-test-to-placeholder = Ihre Absenderadresse
settings-email-test = Test-E-Mail senden
settings-email-testing = Test wird gesendet …
settings-email-test-sent = Test-E-Mail an { $to } gesendet. Antwort des Servers:
settings-email-test-failed = Nicht gesendet: { $message }
settings-email-loading = E-Mail-Einstellungen werden geladen …

## Backups

settings-backup-title = Datensicherung
settings-backup-lead = Eine Sicherung ist eine einzige Datei mit Ihrer Datenbank und allen Briefen, E-Mails und Scans, die Kindly aufbewahrt; jede Datei wird beim Wiederherstellen anhand ihrer SHA-256-Prüfsumme kontrolliert. Bewahren Sie Sicherungen auf einem anderen Laufwerk oder in einem synchronisierten Ordner auf.
settings-backup-pick-folder = Ordner für Kindlys Sicherungen wählen
settings-backup-folder = Sicherungen werden gespeichert in
settings-backup-folder-default = (Standard, neben Ihren Daten)
settings-backup-choose = Ordner wählen …
settings-backup-choosing = Wird gewählt …
settings-backup-now = Jetzt sichern
settings-backup-running = Wird gesichert …
settings-backup-auto = Jeden Tag automatisch sichern (die letzten 7 Tage und 4 Wochen bleiben erhalten)
settings-backup-last = Letzte Sicherung: { $when } –
settings-backup-none = Noch keine Sicherung.
settings-backup-made = { $count ->
    [one] { $count } Datei nach { $path } gesichert.
   *[other] { $count } Dateien nach { $path } gesichert.
}
settings-backup-failed = Die automatische Sicherung vom { $when } ist fehlgeschlagen: { $message }
settings-restore-lead = Beim Wiederherstellen ersetzt eine Sicherung die Daten, mit denen Sie arbeiten. Ihre aktuellen Daten werden vorher gesichert und aufbewahrt, es geht also nichts verloren.
settings-restore-pick = Aus einer Sicherung wiederherstellen …
settings-restore-done = { $clients ->
    [one] { $clients } Kunde
   *[other] { $clients } Kunden
    } und { $invoices ->
    [one] { $invoices } Rechnung
   *[other] { $invoices } Rechnungen
    } aus der Sicherung vom { $when } wiederhergestellt. Ihre bisherigen Daten wurden nach { $path } gesichert. Kindly startet jetzt neu …
settings-restore-title = Diese Sicherung wiederherstellen?
settings-restore-explain = Kindly prüft die Sicherung, sichert zuerst Ihre aktuellen Daten, startet dann neu und arbeitet mit den wiederhergestellten Daten. Ihre aktuellen Daten bleiben in einem Ordner daneben erhalten.
settings-restore-running = Wird wiederhergestellt …
settings-restore-confirm = Aktuelle Daten sichern und wiederherstellen
settings-page-database = Team-Datenbank
settings-team-title = Team-Datenbank
settings-team-intro = Kindly führt Ihre Bücher in einer Datendatei auf diesem Computer. Ein Team kann stattdessen eine gemeinsame PostgreSQL-Datenbank nutzen: Alle Verbundenen sehen dieselben Kunden und Rechnungen. Einige Teile von Kindly funktionieren mit einer Team-Datenbank noch nicht (siehe README).
settings-team-in-use-file = In Verwendung: die Datendatei dieses Computers { $what }
settings-team-in-use-team = In Verwendung: die Team-Datenbank { $what }
settings-team-chosen-by = Festgelegt durch { $source }.
settings-team-tls = Verbindung: { $mode }
settings-team-restart-team = Kindly verwendet die Team-Datenbank { $what } beim nächsten Start.
settings-team-restart-file = Kindly verwendet beim nächsten Start wieder die Datendatei dieses Computers.
settings-team-url = Verbindungsadresse
settings-team-url-hint = postgres://benutzer@server/datenbank, von der Person, die den Server betreibt. Ohne Passwort.
settings-team-password = Passwort
settings-team-password-hint = Wird im Schlüsselbund dieses Computers aufbewahrt, nie in einer Datei. Leer lassen, wenn der Server keines verlangt.
settings-team-sslmode = Verschlüsselung (TLS)
settings-team-ca = Vertrauenswürdiges CA-Zertifikat (optional)
settings-team-ca-hint = Der vollständige Pfad einer .pem-Datei, wenn das Zertifikat des Servers von Ihrer eigenen Zertifizierungsstelle signiert ist.
settings-team-connect = Testen und verbinden
settings-team-connecting = Wird verbunden …
settings-team-disconnect = Wieder die Datendatei dieses Computers verwenden
settings-team-move = Daten dieses Ordners übertragen
settings-team-moved = { $rows } Zeilen und { $files } Dateien in die Team-Datenbank übertragen und jede geprüft. Kindly verwendet sie beim nächsten Start.
settings-member-title = Ihr Name
settings-member-intro = Ihr Team sieht diesen Namen neben Ihren Änderungen: Einträge im Verlauf, Zahlungen und Änderungen an Kunden und Rechnungen. Er wird nur auf diesem Computer gespeichert.
settings-member-name = Name
settings-member-save = Namen speichern
settings-member-clear = Namen entfernen
settings-member-saved = Gespeichert. Ihre nächsten Änderungen tragen diesen Namen.
settings-member-cleared = Entfernt. Ihre nächsten Änderungen tragen keinen Namen.

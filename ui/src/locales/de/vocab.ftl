## Labels of the closed vocabularies Rust defines (vocabulary.ts): vocab-<set>-<value>.

## channel
vocab-channel-email = E-Mail
vocab-channel-letter = Brief
vocab-channel-phone = Anruf

## tone
vocab-tone-friendly = Freundlich
vocab-tone-courteous = Höflich
vocab-tone-courteous-firm = Höflich, aber bestimmt

## pageSize
vocab-page-size-a4 = A4
vocab-page-size-letter = US-Letter

## frequency
vocab-frequency-weekly = Wöchentlich
vocab-frequency-fortnightly = Alle zwei Wochen
vocab-frequency-monthly = Monatlich
vocab-frequency-custom = Eigene Termine

## agreedHow
vocab-agreed-how-call = Am Telefon
vocab-agreed-how-email = Per E-Mail
vocab-agreed-how-letter = Per Brief
vocab-agreed-how-in-person = Persönlich

## callOutcome
vocab-call-outcome-reached = Erreicht
vocab-call-outcome-voicemail = Auf die Mailbox gesprochen
vocab-call-outcome-no-answer = Niemand erreicht
vocab-call-outcome-wrong-number = Falsche Nummer

## contactKind
vocab-contact-kind-note = Notiz
vocab-contact-kind-incoming-call = Eingehender Anruf
vocab-contact-kind-email = E-Mail erhalten
vocab-contact-kind-letter = Brief erhalten

## security
vocab-security-starttls = STARTTLS (meist Port 587)
vocab-security-tls = TLS (meist Port 465)
vocab-security-plain = Keine Verschlüsselung – nur für ein Mail-Relay auf diesem Computer

## clientSort
vocab-client-sort-name-asc = Name A–Z
vocab-client-sort-name-desc = Name Z–A
vocab-client-sort-newest = Neueste zuerst
vocab-client-sort-oldest = Älteste zuerst
vocab-client-sort-owed-desc = Höchster offener Betrag zuerst
vocab-client-sort-oldest-overdue = Am längsten überfällig zuerst

## clientBalance
vocab-client-balance-all = Alle Kunden
vocab-client-balance-owing = Mit offenem Betrag
vocab-client-balance-overdue = Überfällig

## einvoiceFormat
vocab-einvoice-format-none = Einfaches PDF
vocab-einvoice-format-facturx = Factur-X / ZUGFeRD (PDF)
vocab-einvoice-format-xrechnung-ubl = XRechnung (UBL)
vocab-einvoice-format-xrechnung-cii = XRechnung (CII)
vocab-einvoice-format-peppol = Peppol BIS Billing 3.0

## invoiceSort
vocab-invoice-sort-attention = Überfällige zuerst
vocab-invoice-sort-due-asc = Fälligkeit, früheste zuerst
vocab-invoice-sort-due-desc = Fälligkeit, späteste zuerst
vocab-invoice-sort-newest = Neueste zuerst
vocab-invoice-sort-number = Nummer

## agingBucket
vocab-aging-bucket-not-yet-due = Noch nicht fällig
vocab-aging-bucket-days-1-30 = 1–30 Tage überfällig
vocab-aging-bucket-days-31-60 = 31–60 Tage überfällig
vocab-aging-bucket-days-61-90 = 61–90 Tage überfällig
vocab-aging-bucket-over-90 = Über 90 Tage überfällig

## queueGrouping
vocab-queue-grouping-client = Kunde
vocab-queue-grouping-channel = Versandweg

## chasingMode
vocab-chasing-mode-on = An
vocab-chasing-mode-paused = Pausiert
vocab-chasing-mode-off = Aus

## jurisdiction
vocab-jurisdiction-uk = Vereinigtes Königreich (Gesetz über Zahlungsverzug, 1998)
vocab-jurisdiction-eu = EU (Richtlinie 2011/7/EU)
vocab-jurisdiction-de = Deutschland (§ 288 BGB)
vocab-jurisdiction-fr = Frankreich (Code de commerce L441-10)

## debtorKind
vocab-debtor-kind-business = Ein Unternehmen
vocab-debtor-kind-consumer = Eine Privatperson

## reportKind
vocab-report-kind-aging = Altersstruktur offener Posten
vocab-report-kind-collected = Berechnet und eingenommen pro Monat

## reportFormat
vocab-report-format-csv = CSV
vocab-report-format-pdf = PDF

## outboxState
vocab-outbox-state-queued = In der Warteschlange
vocab-outbox-state-sending = Wird gesendet…
vocab-outbox-state-sent = Gesendet
vocab-outbox-state-failed = Fehlgeschlagen
vocab-outbox-state-uncertain = Vielleicht gesendet
vocab-outbox-state-cancelled = Zurückgezogen

## planState
vocab-plan-state-proposed = Vorgeschlagen
vocab-plan-state-active = Aktiv
vocab-plan-state-completed = Abgeschlossen
vocab-plan-state-broken = Nicht eingehalten
vocab-plan-state-renegotiated = Ersetzt
vocab-plan-state-cancelled = Aufgehoben

## planStanding
vocab-plan-standing-on-track = Im Plan
vocab-plan-standing-late = Rate verspätet
vocab-plan-standing-broken = Nicht eingehalten
vocab-plan-standing-proposed = Vorgeschlagen
vocab-plan-standing-completed = Abgeschlossen
vocab-plan-standing-renegotiated = Ersetzt
vocab-plan-standing-cancelled = Aufgehoben

## installmentStatus
vocab-installment-status-paid = Bezahlt
vocab-installment-status-partly-paid = Teilweise bezahlt
vocab-installment-status-upcoming = Anstehend
vocab-installment-status-due-today = Heute fällig
vocab-installment-status-late = Verspätet

## promiseOutcome
vocab-promise-outcome-open = Offen
vocab-promise-outcome-kept = Eingehalten
vocab-promise-outcome-broken = Nicht eingehalten

## reminderKind
vocab-reminder-kind-heads-up = Hinweis auf die nächste Rate
vocab-reminder-kind-reminder = Erinnerung an eine Rate
vocab-reminder-kind-broken-notice = Plan nicht eingehalten: höflicher Hinweis

## paymentMethod
vocab-payment-method-bank-transfer = Überweisung
vocab-payment-method-card = Karte
vocab-payment-method-paypal = PayPal
vocab-payment-method-cash = Bar
vocab-payment-method-cheque = Scheck
vocab-payment-method-other = Sonstiges

## invoiceState
vocab-invoice-state-overdue = Überfällig
vocab-invoice-state-due-soon = Bald fällig
vocab-invoice-state-partially-paid = Teilweise bezahlt
vocab-invoice-state-open = Offen
vocab-invoice-state-draft = Entwurf
vocab-invoice-state-paid = Bezahlt
vocab-invoice-state-cancelled = Storniert

## locale
vocab-locale-en = English
vocab-locale-de = Deutsch
vocab-locale-fr = Français
vocab-locale-es = Español

## bankEntryStatus
vocab-bank-entry-status-recorded = Erfasst
vocab-bank-entry-status-review = Zu prüfen
vocab-bank-entry-status-unmatched = Keine Zuordnung
vocab-bank-entry-status-debit = Ausgang
vocab-bank-entry-status-known = Bereits importiert
vocab-bank-entry-status-ignored = Ignoriert
vocab-bank-entry-status-assigned = Zugeordnet

## bankReasonKind
vocab-bank-reason-kind-pays-in-full = Vollständig bezahlt
vocab-bank-reason-kind-pays-all-in-full = Mehrere Rechnungen vollständig bezahlt
vocab-bank-reason-kind-partial-payment = Teilzahlung
vocab-bank-reason-kind-more-than-balance = Mehr als offen
vocab-bank-reason-kind-more-than-balances = Mehr als offen
vocab-bank-reason-kind-less-than-balances = Weniger als offen
vocab-bank-reason-kind-short-number = Kurze Nummer
vocab-bank-reason-kind-currency-differs = Andere Währung
vocab-bank-reason-kind-already-covered = In diesem Import schon bezahlt
vocab-bank-reason-kind-different-clients = Mehrere Kunden
vocab-bank-reason-kind-known-payer = Bekannter Zahler
vocab-bank-reason-kind-known-payer-no-balance = Bekannter Zahler, kein passender Betrag
vocab-bank-reason-kind-no-match = Keine Zuordnung
vocab-bank-reason-kind-money-out = Ausgang

## bankFoundBy
vocab-bank-found-by-reference = Zahlungsreferenz
vocab-bank-found-by-invoice-number = Rechnungsnummer

## bankNotRecorded
vocab-bank-not-recorded-invoice-gone = Rechnung gelöscht
vocab-bank-not-recorded-invoice-not-issued = Rechnung nicht offen
vocab-bank-not-recorded-currency-differs = Andere Währung
vocab-bank-not-recorded-more-than-owing = Mehr als offen

## bankCsvRole
vocab-bank-csv-role-booking-date = Buchungsdatum
vocab-bank-csv-role-value-date = Wertstellung
vocab-bank-csv-role-amount = Betrag
vocab-bank-csv-role-money-in = Eingang
vocab-bank-csv-role-money-out = Ausgang
vocab-bank-csv-role-direction = Richtung
vocab-bank-csv-role-currency = Währung
vocab-bank-csv-role-payer = Zahler
vocab-bank-csv-role-payer-iban = IBAN des Zahlers
vocab-bank-csv-role-bank-reference = Bankreferenz
vocab-bank-csv-role-remittance = Verwendungszweck

## eventKind
vocab-event-kind-client-created = Kunde angelegt
vocab-event-kind-client-updated = Kunde geändert
vocab-event-kind-chasing-changed = Erinnerungen pausiert oder fortgesetzt
vocab-event-kind-invoice-created = Rechnung erstellt
vocab-event-kind-invoice-issued = Rechnung ausgestellt
vocab-event-kind-invoice-cancelled = Rechnung storniert
vocab-event-kind-payment-recorded = Zahlung erfasst
vocab-event-kind-note = Notiz
vocab-event-kind-follow-up-done = Erinnerung gesendet
vocab-event-kind-email-withdrawn = E-Mail zurückgezogen
vocab-event-kind-plan-proposed = Plan vorgeschlagen
vocab-event-kind-plan-agreed = Plan vereinbart
vocab-event-kind-plan-completed = Plan abgeschlossen
vocab-event-kind-plan-broken = Plan nicht eingehalten
vocab-event-kind-plan-cancelled = Plan aufgehoben
vocab-event-kind-plan-renegotiated = Plan ersetzt
vocab-event-kind-installment-reminder = Erinnerung an eine Rate
vocab-event-kind-call-logged = Anruf
vocab-event-kind-inbound-contact = Erhalten
vocab-event-kind-promise-recorded = Zahlungszusage
vocab-event-kind-promise-kept = Zusage eingehalten
vocab-event-kind-promise-broken = Zusage nicht eingehalten
vocab-event-kind-correction = Korrektur
vocab-event-kind-invoice-imported = Rechnung importiert
vocab-event-kind-statement-sent = Kontoübersicht gesendet
vocab-event-kind-statement-printed = Kontoübersicht gedruckt
vocab-event-kind-credit-note-issued = Gutschrift
vocab-event-kind-payment-reversed = Zahlung zurückgebucht
vocab-event-kind-refund-made = Erstattung
vocab-event-kind-interest-changed = Verzugszinsen
vocab-event-kind-interest-rate-added = Veröffentlichter Zinssatz eingetragen

## einvoiceOutcome
vocab-einvoice-outcome-imported = Importiert
vocab-einvoice-outcome-already-imported = Schon vorhanden
vocab-einvoice-outcome-refused = Nicht importiert

## importKind
vocab-import-kind-clients = Kunden
vocab-import-kind-invoices = Rechnungen
vocab-import-kind-payments = Zahlungen

## exportKind
vocab-export-kind-clients = Kunden
vocab-export-kind-invoices = Rechnungen
vocab-export-kind-payments = Zahlungen
vocab-export-kind-timeline = Verlauf

## importPreset
vocab-import-preset-kindly = Kindly
vocab-import-preset-invoice-ninja = Invoice Ninja
vocab-import-preset-freshbooks = FreshBooks
vocab-import-preset-zoho-invoice = Zoho Invoice
vocab-import-preset-quickbooks = QuickBooks
vocab-import-preset-xero = Xero
vocab-import-preset-lexoffice = lexoffice
vocab-import-preset-sevdesk = sevDesk

## textEncoding
vocab-text-encoding-utf8 = UTF-8
vocab-text-encoding-utf16le = UTF-16 LE
vocab-text-encoding-utf16be = UTF-16 BE
vocab-text-encoding-windows1252 = Windows-1252 (Westeuropäisch)

## decimalSeparator
vocab-decimal-separator-point = Punkt (1,234.56)
vocab-decimal-separator-comma = Komma (1.234,56)

## dateFormat
vocab-date-format-iso = JJJJ-MM-TT
vocab-date-format-day-month-year-dots = TT.MM.JJJJ
vocab-date-format-day-month-short-year-dots = TT.MM.JJ
vocab-date-format-month-day-year-slash = MM/TT/JJJJ
vocab-date-format-day-month-year-slash = TT/MM/JJJJ

## importField
vocab-import-field-client-ref = Kunden-ID
vocab-import-field-client-name = Kundenname
vocab-import-field-greeting-name = Name in der Anrede
vocab-import-field-company = Firma
vocab-import-field-email = E-Mail
vocab-import-field-phone = Telefon
vocab-import-field-address = Adresse
vocab-import-field-street = Straße
vocab-import-field-postcode = PLZ
vocab-import-field-city = Ort
vocab-import-field-country = Land
vocab-import-field-language = Sprache
vocab-import-field-notes = Notizen
vocab-import-field-invoice-number = Rechnungsnummer
vocab-import-field-issue-date = Rechnungsdatum
vocab-import-field-due-date = Fälligkeitsdatum
vocab-import-field-currency = Währung
vocab-import-field-status = Status
vocab-import-field-description = Positionsbeschreibung
vocab-import-field-quantity = Menge
vocab-import-field-unit-price = Einzelpreis
vocab-import-field-tax-rate = Steuersatz (%)
vocab-import-field-net-amount = Nettobetrag
vocab-import-field-tax-amount = Steuerbetrag
vocab-import-field-total = Gesamtbetrag
vocab-import-field-amount-paid = Bezahlter Betrag
vocab-import-field-amount-credited = Gutgeschriebener Betrag
vocab-import-field-payment-date = Zahlungsdatum
vocab-import-field-amount = Betrag
vocab-import-field-method = Zahlungsart
vocab-import-field-reference = Verwendungszweck

## interest base and fee
vocab-interest-base-boe-reference = dem Leitzins der Bank of England am 31. Dezember oder 30. Juni vor Verzugsbeginn
vocab-interest-base-ecb-mro = dem EZB-Hauptrefinanzierungssatz des jeweiligen Halbjahres
vocab-interest-base-basiszins = dem Basiszinssatz des jeweiligen Halbjahres
vocab-interest-fee-none = keine Pauschale
vocab-interest-fee-uk-scale = eine Pauschale von 40 £, 70 £ oder 100 £ je nach Höhe der Forderung
vocab-interest-fee-eur-40 = eine Pauschale von 40 € je Rechnung
vocab-ssl-mode-disable = nie verschlüsselt (disable)
vocab-ssl-mode-prefer = verschlüsselt, wenn der Server es anbietet (prefer)
vocab-ssl-mode-require = immer verschlüsselt, jedes Zertifikat (require)
vocab-ssl-mode-verify-ca = immer verschlüsselt, Zertifikat einer vertrauenswürdigen CA (verify-ca)
vocab-ssl-mode-verify-full = immer verschlüsselt, Zertifikat für den Servernamen geprüft (verify-full)
vocab-database-source-local-file = die Datendatei auf diesem Computer
vocab-database-source-flag = die Option --database-url
vocab-database-source-env = die Variable KINDLY_DATABASE_URL
vocab-database-source-settings-file = die Team-Datenbank-Einstellungen dieses Datenordners

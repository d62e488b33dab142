# Wörter für Kindlys feste Wertelisten (nie der Rohwert).

channel-email = E-Mail
channel-letter = Brief
channel-phone = Telefon
channel-call = Telefon
channel-payment = Zahlung
channel-note = Notiz
channel-invoice = Rechnung
channel-promise = Zusage
channel-record = Vermerk
channel-in_person = Persönlich

direction-in = vom Kunden
direction-out = an den Kunden

payment-method-bank_transfer = Überweisung
payment-method-card = Karte
payment-method-paypal = PayPal
payment-method-cash = Bar
payment-method-cheque = Scheck
payment-method-other = Sonstiges

promise-how-call = Am Telefon
promise-how-email = Per E-Mail
promise-how-letter = Per Brief
promise-how-in_person = Persönlich

promise-outcome-open = Offen
promise-outcome-kept = Eingehalten
promise-outcome-broken = Nicht eingehalten

call-outcome-reached = erreicht
call-outcome-voicemail = auf die Mailbox gesprochen
call-outcome-no_answer = niemand erreicht
call-outcome-wrong_number = falsche Nummer

evidence-kind-pdf = PDF
evidence-kind-eml = E-Mail-Datei
evidence-kind-scan = Scan
evidence-kind-file = Datei

file-check-ok = vorhanden, unverändert
file-check-missing = fehlt: die Datei ist nicht mehr dort, wo sie abgelegt wurde
file-check-changed = seit der Aufnahme verändert; SHA-256 jetzt { $sha }

event-client_created = Kunde angelegt
event-client_updated = Kundendaten geändert
event-chasing_changed = Erinnerungen pausiert oder fortgesetzt
event-invoice_created = Rechnung erstellt
event-invoice_issued = Rechnung gestellt
event-invoice_cancelled = Rechnung storniert
event-payment_recorded = Zahlung eingegangen
event-note = Notiz
event-follow_up_done = Erinnerung
event-email_withdrawn = E-Mail zurückgezogen
event-plan_proposed = Ratenzahlung vorgeschlagen
event-plan_agreed = Ratenzahlung vereinbart
event-plan_completed = Ratenzahlung abgeschlossen
event-plan_broken = Ratenzahlung nicht eingehalten
event-plan_cancelled = Ratenzahlung aufgehoben
event-plan_renegotiated = Ratenzahlung neu vereinbart
event-installment_reminder = Erinnerung an eine Rate
event-call_logged = Anruf
event-inbound_contact = Nachricht vom Kunden
event-promise_recorded = Zahlungszusage
event-promise_kept = Zusage eingehalten
event-promise_broken = Zusage nicht eingehalten
event-correction = Korrektur
event-invoice_imported = Rechnung importiert
event-statement_sent = Kontoauszug gesendet
event-statement_printed = Kontoauszug gedruckt
event-credit_note_issued = Gutschrift ausgestellt
event-payment_reversed = Zahlung storniert
event-refund_made = Rückerstattung geleistet
event-interest_changed = Verzugszinsen geändert
event-interest_rate_added = Veröffentlichter Zinssatz eingetragen

bucket-not_yet_due = Noch nicht fällig
bucket-days_1_30 = 1–30 Tage
bucket-days_31_60 = 31–60 Tage
bucket-days_61_90 = 61–90 Tage
bucket-over_90 = Über 90 Tage

hold-none = Keine
hold-disputed = Bestritten
hold-paused = Pausiert

jurisdiction-uk = Vereinigtes Königreich (Gesetz über Zahlungsverzug, 1998)
jurisdiction-eu = EU (Richtlinie 2011/7/EU)
jurisdiction-de = Deutschland (§ 288 BGB)
jurisdiction-fr = Frankreich (Code de commerce L441-10)
interest_base-boe_reference = Leitzins der Bank of England
interest_base-ecb_mro = EZB-Hauptrefinanzierungssatz
interest_base-basiszins = Basiszinssatz

debtor-business = ein Unternehmen
debtor-consumer = eine Privatperson

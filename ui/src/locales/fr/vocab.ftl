## Labels of the closed vocabularies Rust defines (vocabulary.ts): vocab-<set>-<value>.

## channel
vocab-channel-email = E-mail
vocab-channel-letter = Courrier
vocab-channel-phone = Appel

## tone
vocab-tone-friendly = Amical
vocab-tone-courteous = Courtois
vocab-tone-courteous-firm = Courtois mais ferme

## pageSize
vocab-page-size-a4 = A4
vocab-page-size-letter = Lettre US

## frequency
vocab-frequency-weekly = Chaque semaine
vocab-frequency-fortnightly = Toutes les deux semaines
vocab-frequency-monthly = Chaque mois
vocab-frequency-custom = Dates personnalisées

## agreedHow
vocab-agreed-how-call = Au téléphone
vocab-agreed-how-email = Par e-mail
vocab-agreed-how-letter = Par courrier
vocab-agreed-how-in-person = En personne

## callOutcome
vocab-call-outcome-reached = Joint
vocab-call-outcome-voicemail = Message laissé sur le répondeur
vocab-call-outcome-no-answer = Pas de réponse
vocab-call-outcome-wrong-number = Mauvais numéro

## contactKind
vocab-contact-kind-note = Note
vocab-contact-kind-incoming-call = Appel reçu
vocab-contact-kind-email = E-mail reçu
vocab-contact-kind-letter = Courrier reçu

## security
vocab-security-starttls = STARTTLS (en général port 587)
vocab-security-tls = TLS (en général port 465)
vocab-security-plain = Sans chiffrement — uniquement pour un relais de messagerie sur cet ordinateur

## clientSort
vocab-client-sort-name-asc = Nom A–Z
vocab-client-sort-name-desc = Nom Z–A
vocab-client-sort-newest = Plus récents d’abord
vocab-client-sort-oldest = Plus anciens d’abord
vocab-client-sort-owed-desc = Plus gros montant dû d’abord
vocab-client-sort-oldest-overdue = Plus long retard d’abord

## clientBalance
vocab-client-balance-all = Tous les clients
vocab-client-balance-owing = Avec un montant dû
vocab-client-balance-overdue = En retard

## einvoiceFormat
vocab-einvoice-format-none = PDF simple
vocab-einvoice-format-facturx = Factur-X / ZUGFeRD (PDF)
vocab-einvoice-format-xrechnung-ubl = XRechnung (UBL)
vocab-einvoice-format-xrechnung-cii = XRechnung (CII)
vocab-einvoice-format-peppol = Peppol BIS Billing 3.0

## invoiceSort
vocab-invoice-sort-attention = En retard d’abord
vocab-invoice-sort-due-asc = Échéance, la plus proche d’abord
vocab-invoice-sort-due-desc = Échéance, la plus lointaine d’abord
vocab-invoice-sort-newest = Plus récentes d’abord
vocab-invoice-sort-number = Numéro

## agingBucket
vocab-aging-bucket-not-yet-due = Pas encore échue
vocab-aging-bucket-days-1-30 = 1 à 30 jours de retard
vocab-aging-bucket-days-31-60 = 31 à 60 jours de retard
vocab-aging-bucket-days-61-90 = 61 à 90 jours de retard
vocab-aging-bucket-over-90 = Plus de 90 jours de retard

## queueGrouping
vocab-queue-grouping-client = Client
vocab-queue-grouping-channel = Canal

## chasingMode
vocab-chasing-mode-on = Activées
vocab-chasing-mode-paused = En pause
vocab-chasing-mode-off = Désactivées

## jurisdiction
vocab-jurisdiction-uk = Royaume-Uni (loi de 1998 sur les retards de paiement)
vocab-jurisdiction-eu = UE (directive 2011/7/UE)
vocab-jurisdiction-de = Allemagne (§ 288 BGB)
vocab-jurisdiction-fr = France (Code de commerce L441-10)

## debtorKind
vocab-debtor-kind-business = Une entreprise
vocab-debtor-kind-consumer = Un particulier

## reportKind
vocab-report-kind-aging = Balance âgée
vocab-report-kind-collected = Facturé et encaissé par mois

## reportFormat
vocab-report-format-csv = CSV
vocab-report-format-pdf = PDF

## outboxState
vocab-outbox-state-queued = En attente
vocab-outbox-state-sending = Envoi en cours…
vocab-outbox-state-sent = Envoyé
vocab-outbox-state-failed = Échec
vocab-outbox-state-uncertain = Peut-être envoyé
vocab-outbox-state-cancelled = Retiré

## planState
vocab-plan-state-proposed = Proposé
vocab-plan-state-active = En cours
vocab-plan-state-completed = Terminé
vocab-plan-state-broken = Non respecté
vocab-plan-state-renegotiated = Remplacé
vocab-plan-state-cancelled = Annulé

## planStanding
vocab-plan-standing-on-track = Respecté
vocab-plan-standing-late = Échéance en retard
vocab-plan-standing-broken = Non respecté
vocab-plan-standing-proposed = Proposé
vocab-plan-standing-completed = Terminé
vocab-plan-standing-renegotiated = Remplacé
vocab-plan-standing-cancelled = Annulé

## installmentStatus
vocab-installment-status-paid = Payée
vocab-installment-status-partly-paid = Payée en partie
vocab-installment-status-upcoming = À venir
vocab-installment-status-due-today = Due aujourd’hui
vocab-installment-status-late = En retard

## promiseOutcome
vocab-promise-outcome-open = En cours
vocab-promise-outcome-kept = Tenue
vocab-promise-outcome-broken = Non tenue

## reminderKind
vocab-reminder-kind-heads-up = Avis d’échéance à venir
vocab-reminder-kind-reminder = Rappel d’échéance
vocab-reminder-kind-broken-notice = Plan non respecté : avis courtois

## paymentMethod
vocab-payment-method-bank-transfer = Virement
vocab-payment-method-card = Carte
vocab-payment-method-paypal = PayPal
vocab-payment-method-cash = Espèces
vocab-payment-method-cheque = Chèque
vocab-payment-method-other = Autre

## invoiceState
vocab-invoice-state-overdue = En retard
vocab-invoice-state-due-soon = Bientôt échue
vocab-invoice-state-partially-paid = Payée en partie
vocab-invoice-state-open = Ouverte
vocab-invoice-state-draft = Brouillon
vocab-invoice-state-paid = Payée
vocab-invoice-state-cancelled = Annulée

## locale
vocab-locale-en = English
vocab-locale-de = Deutsch
vocab-locale-fr = Français
vocab-locale-es = Español

## bankEntryStatus
vocab-bank-entry-status-recorded = Enregistré
vocab-bank-entry-status-review = À vérifier
vocab-bank-entry-status-unmatched = Aucune correspondance
vocab-bank-entry-status-debit = Sortant
vocab-bank-entry-status-known = Déjà importé
vocab-bank-entry-status-ignored = Ignoré
vocab-bank-entry-status-assigned = Attribué

## bankReasonKind
vocab-bank-reason-kind-pays-in-full = Payée en totalité
vocab-bank-reason-kind-pays-all-in-full = Plusieurs factures payées en totalité
vocab-bank-reason-kind-partial-payment = Paiement partiel
vocab-bank-reason-kind-more-than-balance = Plus que le dû
vocab-bank-reason-kind-more-than-balances = Plus que le dû
vocab-bank-reason-kind-less-than-balances = Moins que le dû
vocab-bank-reason-kind-short-number = Numéro court
vocab-bank-reason-kind-currency-differs = Autre devise
vocab-bank-reason-kind-already-covered = Déjà payée dans cet import
vocab-bank-reason-kind-different-clients = Plusieurs clients
vocab-bank-reason-kind-known-payer = Payeur connu
vocab-bank-reason-kind-known-payer-no-balance = Payeur connu, aucun solde égal
vocab-bank-reason-kind-no-match = Aucune correspondance
vocab-bank-reason-kind-money-out = Sortie

## bankFoundBy
vocab-bank-found-by-reference = Référence de paiement
vocab-bank-found-by-invoice-number = Numéro de facture

## bankNotRecorded
vocab-bank-not-recorded-invoice-gone = Facture supprimée
vocab-bank-not-recorded-invoice-not-issued = Facture non ouverte
vocab-bank-not-recorded-currency-differs = Autre devise
vocab-bank-not-recorded-more-than-owing = Plus que le dû

## bankCsvRole
vocab-bank-csv-role-booking-date = Date de comptabilisation
vocab-bank-csv-role-value-date = Date de valeur
vocab-bank-csv-role-amount = Montant
vocab-bank-csv-role-money-in = Crédit
vocab-bank-csv-role-money-out = Débit
vocab-bank-csv-role-direction = Sens
vocab-bank-csv-role-currency = Devise
vocab-bank-csv-role-payer = Payeur
vocab-bank-csv-role-payer-iban = IBAN du payeur
vocab-bank-csv-role-bank-reference = Référence bancaire
vocab-bank-csv-role-remittance = Libellé

## eventKind
vocab-event-kind-client-created = Client ajouté
vocab-event-kind-client-updated = Client modifié
vocab-event-kind-chasing-changed = Relances suspendues ou reprises
vocab-event-kind-invoice-created = Facture créée
vocab-event-kind-invoice-issued = Facture émise
vocab-event-kind-invoice-cancelled = Facture annulée
vocab-event-kind-payment-recorded = Paiement enregistré
vocab-event-kind-note = Note
vocab-event-kind-follow-up-done = Relance envoyée
vocab-event-kind-email-withdrawn = E-mail retiré
vocab-event-kind-plan-proposed = Plan proposé
vocab-event-kind-plan-agreed = Plan convenu
vocab-event-kind-plan-completed = Plan terminé
vocab-event-kind-plan-broken = Plan non respecté
vocab-event-kind-plan-cancelled = Plan annulé
vocab-event-kind-plan-renegotiated = Plan remplacé
vocab-event-kind-installment-reminder = Rappel d’échéance
vocab-event-kind-call-logged = Appel
vocab-event-kind-inbound-contact = Reçu
vocab-event-kind-promise-recorded = Promesse de paiement
vocab-event-kind-promise-kept = Promesse tenue
vocab-event-kind-promise-broken = Promesse non tenue
vocab-event-kind-correction = Correction
vocab-event-kind-invoice-imported = Facture importée
vocab-event-kind-statement-sent = Relevé de compte envoyé
vocab-event-kind-statement-printed = Relevé de compte imprimé
vocab-event-kind-credit-note-issued = Avoir
vocab-event-kind-payment-reversed = Paiement annulé
vocab-event-kind-refund-made = Remboursement
vocab-event-kind-interest-changed = Intérêts de retard
vocab-event-kind-interest-rate-added = Taux publié saisi

## einvoiceOutcome
vocab-einvoice-outcome-imported = Importée
vocab-einvoice-outcome-already-imported = Déjà présente
vocab-einvoice-outcome-refused = Non importée

## importKind
vocab-import-kind-clients = Clients
vocab-import-kind-invoices = Factures
vocab-import-kind-payments = Paiements

## exportKind
vocab-export-kind-clients = Clients
vocab-export-kind-invoices = Factures
vocab-export-kind-payments = Paiements
vocab-export-kind-timeline = Historique

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
vocab-text-encoding-utf16le = UTF-16 (petit-boutiste)
vocab-text-encoding-utf16be = UTF-16 (gros-boutiste)
vocab-text-encoding-windows1252 = Windows-1252 (occidental)

## decimalSeparator
vocab-decimal-separator-point = Point (1,234.56)
vocab-decimal-separator-comma = Virgule (1.234,56)

## dateFormat
vocab-date-format-iso = AAAA-MM-JJ
vocab-date-format-day-month-year-dots = JJ.MM.AAAA
vocab-date-format-day-month-short-year-dots = JJ.MM.AA
vocab-date-format-month-day-year-slash = MM/JJ/AAAA
vocab-date-format-day-month-year-slash = JJ/MM/AAAA

## importField
vocab-import-field-client-ref = ID client
vocab-import-field-client-name = Nom du client
vocab-import-field-greeting-name = Nom dans la salutation
vocab-import-field-company = Entreprise
vocab-import-field-email = E-mail
vocab-import-field-phone = Téléphone
vocab-import-field-address = Adresse
vocab-import-field-street = Rue
vocab-import-field-postcode = Code postal
vocab-import-field-city = Ville
vocab-import-field-country = Pays
vocab-import-field-language = Langue
vocab-import-field-notes = Notes
vocab-import-field-invoice-number = Numéro de facture
vocab-import-field-issue-date = Date d’émission
vocab-import-field-due-date = Date d’échéance
vocab-import-field-currency = Devise
vocab-import-field-status = Statut
vocab-import-field-description = Description de la ligne
vocab-import-field-quantity = Quantité
vocab-import-field-unit-price = Prix unitaire
vocab-import-field-tax-rate = Taux de TVA (%)
vocab-import-field-net-amount = Montant HT
vocab-import-field-tax-amount = Montant de TVA
vocab-import-field-total = Total
vocab-import-field-amount-paid = Montant payé
vocab-import-field-amount-credited = Montant crédité
vocab-import-field-payment-date = Date de paiement
vocab-import-field-amount = Montant
vocab-import-field-method = Moyen de paiement
vocab-import-field-reference = Référence

## interest base and fee
vocab-interest-base-boe-reference = du taux directeur de la Banque d’Angleterre au 31 décembre ou au 30 juin précédant le retard
vocab-interest-base-ecb-mro = du taux de refinancement principal de la BCE de chaque semestre
vocab-interest-base-basiszins = du taux de base allemand (Basiszinssatz) de chaque semestre
vocab-interest-fee-none = sans indemnité forfaitaire
vocab-interest-fee-uk-scale = une indemnité forfaitaire de 40 £, 70 £ ou 100 £ selon le montant de la dette
vocab-interest-fee-eur-40 = une indemnité forfaitaire de 40 € par facture
vocab-ssl-mode-disable = jamais chiffrée (disable)
vocab-ssl-mode-prefer = chiffrée si le serveur le propose (prefer)
vocab-ssl-mode-require = toujours chiffrée, tout certificat (require)
vocab-ssl-mode-verify-ca = toujours chiffrée, certificat d’une autorité de confiance (verify-ca)
vocab-ssl-mode-verify-full = toujours chiffrée, certificat vérifié pour le nom du serveur (verify-full)
vocab-database-source-local-file = le fichier de données sur cet ordinateur
vocab-database-source-flag = l’option --database-url
vocab-database-source-env = la variable KINDLY_DATABASE_URL
vocab-database-source-settings-file = les réglages de base d’équipe de ce dossier de données

# Les mots des listes fermées de Kindly (jamais la valeur brute).

channel-email = E-mail
channel-letter = Courrier
channel-phone = Téléphone
channel-call = Téléphone
channel-payment = Paiement
channel-note = Note
channel-invoice = Facture
channel-promise = Promesse
channel-record = Mention
channel-in_person = En personne

direction-in = du client
direction-out = au client

payment-method-bank_transfer = Virement
payment-method-card = Carte
payment-method-paypal = PayPal
payment-method-cash = Espèces
payment-method-cheque = Chèque
payment-method-other = Autre

promise-how-call = Au téléphone
promise-how-email = Par e-mail
promise-how-letter = Par courrier
promise-how-in_person = En personne

promise-outcome-open = En cours
promise-outcome-kept = Tenue
promise-outcome-broken = Non tenue

call-outcome-reached = joint
call-outcome-voicemail = message laissé sur le répondeur
call-outcome-no_answer = pas de réponse
call-outcome-wrong_number = mauvais numéro

evidence-kind-pdf = PDF
evidence-kind-eml = fichier e-mail
evidence-kind-scan = scan
evidence-kind-file = fichier

file-check-ok = présent, inchangé
file-check-missing = manquant : le fichier n'est plus là où il était conservé
file-check-changed = modifié depuis son enregistrement ; SHA-256 actuel { $sha }

event-client_created = Client ajouté
event-client_updated = Coordonnées du client modifiées
event-chasing_changed = Relances suspendues ou reprises
event-invoice_created = Facture créée
event-invoice_issued = Facture émise
event-invoice_cancelled = Facture annulée
event-payment_recorded = Paiement reçu
event-note = Note
event-follow_up_done = Relance
event-email_withdrawn = E-mail retiré
event-plan_proposed = Échéancier proposé
event-plan_agreed = Échéancier accepté
event-plan_completed = Échéancier terminé
event-plan_broken = Échéancier non respecté
event-plan_cancelled = Échéancier annulé
event-plan_renegotiated = Échéancier renégocié
event-installment_reminder = Rappel d'échéance
event-call_logged = Appel
event-inbound_contact = Contact du client
event-promise_recorded = Promesse de paiement
event-promise_kept = Promesse tenue
event-promise_broken = Promesse non tenue
event-correction = Correction
event-invoice_imported = Facture importée
event-statement_sent = Relevé de compte envoyé
event-statement_printed = Relevé de compte imprimé
event-credit_note_issued = Avoir émis
event-payment_reversed = Paiement annulé
event-refund_made = Remboursement effectué
event-interest_changed = Intérêts de retard modifiés
event-interest_rate_added = Taux publié saisi

bucket-not_yet_due = Pas encore échu
bucket-days_1_30 = 1 à 30 jours
bucket-days_31_60 = 31 à 60 jours
bucket-days_61_90 = 61 à 90 jours
bucket-over_90 = Plus de 90 jours

hold-none = Aucune
hold-disputed = Contestée
hold-paused = En pause

jurisdiction-uk = Royaume-Uni (loi de 1998 sur les retards de paiement)
jurisdiction-eu = UE (directive 2011/7/UE)
jurisdiction-de = Allemagne (§ 288 BGB)
jurisdiction-fr = France (Code de commerce L441-10)
interest_base-boe_reference = taux directeur de la Banque d’Angleterre
interest_base-ecb_mro = taux de refinancement principal de la BCE
interest_base-basiszins = taux de base allemand (Basiszinssatz)

debtor-business = une entreprise
debtor-consumer = un particulier

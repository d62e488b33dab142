## Bank statements: importing, the result, entries to review, the check before chasing.

bank-status-recorded = Paiement enregistré
bank-status-review = À vérifier
bank-status-unmatched = Aucune facture correspondante
bank-status-debit = Débit
bank-status-known = Déjà importé
bank-status-ignored = Pas un paiement client
bank-status-assigned = Enregistré après vérification
bank-tier-reference = par la référence de paiement
bank-tier-number = par le numéro de facture
bank-tier-payer = par payeur connu et montant
bank-role-booking-date = Date de comptabilisation
bank-role-value-date = Date de valeur
bank-role-amount = Montant
bank-role-money-in = Crédit
bank-role-money-out = Débit
bank-role-direction = Sens
bank-role-currency = Devise
bank-role-payer = Payeur
bank-role-payer-iban = IBAN du payeur
bank-role-bank-reference = Référence bancaire
bank-role-remittance = Libellé
bank-check-title = Importer d’abord votre dernier relevé bancaire ?
bank-check-explain = { $days ->
    [one] Votre dernier relevé bancaire a été importé il y a { $days } jour. Des clients ont peut-être payé depuis ; importer d’abord le dernier relevé garantit que personne ayant payé ne reçoive de relance.
   *[other] Votre dernier relevé bancaire a été importé il y a { $days } jours. Des clients ont peut-être payé depuis ; importer d’abord le dernier relevé garantit que personne ayant payé ne reçoive de relance.
}
bank-check-import = Importer un relevé
bank-check-continue = Continuer quand même
bank-title = Relevés bancaires
bank-last-imported = { $days ->
    [0] Dernier import aujourd’hui.
    [one] Dernier import il y a { $days } jour.
   *[other] Dernier import il y a { $days } jours.
}
bank-none-imported = Aucun relevé importé pour l’instant.
bank-why = Kindly enregistre qui a payé, pour que personne ayant payé ne soit relancé.
bank-importing = Import en cours…
bank-import = Importer un relevé…
bank-drop = Ou déposez le fichier ici : camt.053 / camt.054 (XML ou zip), MT940, OFX ou CSV, tel que votre banque l’exporte.
bank-csv-title = Vérifiez comment Kindly lit ce fichier CSV
bank-csv-dates = Dates
bank-csv-decimal = Séparateur décimal
bank-csv-confirm = Importer avec ces colonnes
bank-cancel = Annuler
bank-result-entries = { $count ->
    [one] {"\u202F"}: { $count } opération.
   *[other] {"\u202F"}: { $count } opérations.
}
bank-result-payments = { $count ->
    [one] { $count } paiement enregistré ({ $total }) ; cette facture a quitté la liste du jour.
   *[other] { $count } paiements enregistrés ({ $total }) ; ces factures ont quitté la liste du jour.
}
bank-result-no-payment = Aucun nouveau paiement enregistré.
bank-result-already = { $count ->
    [one] { $count } opération avait déjà été importée et n’a pas été enregistrée de nouveau.
   *[other] { $count } opérations avaient déjà été importées et n’ont pas été enregistrées de nouveau.
}
bank-result-review = { $count } à vérifier
bank-result-review-below = {" "}ci-dessous.
bank-result-unmatched = { $count ->
    [one] { $count } crédit ne correspond à aucune facture.
   *[other] { $count } crédits ne correspondent à aucune facture.
}
bank-every-entry = Toutes les opérations
bank-col-date = Date
bank-col-text = Libellé
bank-col-result = Résultat
bank-review-empty = Rien à vérifier : chaque paiement a été rapproché ou traité.
bank-unknown-payer = payeur inconnu
bank-no-text = (sans libellé)
bank-col-invoice = Facture
bank-col-client = Client
bank-col-owing = Reste dû
bank-col-record = Enregistrer
bank-amount-for = Montant pour { $number }
bank-record-payment = Enregistrer le paiement

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
bank-role-amount = Montant
bank-role-currency = Devise
bank-role-payer = Payeur
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

## Why Kindly decided what it did about an entry (BankReasonView): { $why } is what found the invoices.
bank-found-by-reference = { $count ->
    [one] la référence créancier { $references }
   *[other] les références créancier { $references }
}
bank-found-by-number = { $count ->
    [one] le numéro de facture { $invoices } dans le libellé
   *[other] les numéros de facture { $invoices } dans le libellé
}
bank-reason-pays-in-full = Trouvé par { $why } : règle la facture { $invoice } en totalité ({ $amount }).
bank-reason-pays-all-in-full = Trouvé par { $why } : règle les factures { $invoices } en totalité ({ $amount } au total).
bank-reason-partial-payment = Trouvé par { $why } : paiement partiel de { $amount } sur la facture { $invoice } ; il reste { $difference } dû.
bank-reason-more-than-balance = Trouvé par { $why }, mais { $amount } dépasse le solde de { $invoice } ({ $balance }) : { $difference } de trop.
bank-reason-more-than-balances = Trouvé par { $why }, mais { $amount } dépasse leurs soldes réunis : { $difference } de trop.
bank-reason-less-than-balances = Trouvé par { $why }, mais { $amount } est inférieur à leurs soldes réunis ; quelles factures ce paiement règle-t-il ?
bank-reason-short-number = Trouvé par { $why }, un numéro court qui pourrait être autre chose, et { $amount } n’est pas le solde de { $invoice } ({ $balance }).
bank-reason-currency-differs = Trouvé par { $why }, mais le paiement est en { $currency } et la facture { $invoice } en { $invoiceCurrency }.
bank-reason-already-covered = Trouvé par { $why }, mais la facture { $invoice } est déjà réglée par un autre paiement de cet import.
bank-reason-different-clients = Trouvé par { $why }, mais les factures appartiennent à des clients différents.
bank-reason-known-payer = { $count ->
    [one] Le payeur est un client connu et le solde de { $invoices } est exactement de { $amount } ; aucune référence ni aucun numéro n’a été donné, merci de confirmer.
   *[other] Le payeur est un client connu et le solde de chacune des factures { $invoices } est exactement de { $amount } ; aucune référence ni aucun numéro n’a été donné, merci de confirmer.
}
bank-reason-known-payer-no-balance = Le payeur est un client connu, mais aucune de ses factures ouvertes n’a un solde de { $amount }.
bank-reason-no-match = Aucune référence créancier, aucun numéro de facture ni aucun payeur connu ne correspond à ce paiement.
bank-reason-money-out = Sortie d’argent, pas un paiement.
bank-reason-not-recorded = { $reason } Non enregistré : { $problem }
bank-not-recorded-invoice-gone = la facture { $invoice } n’existe plus.
bank-not-recorded-invoice-not-issued = { $status ->
    [cancelled] la facture { $invoice } a été annulée.
    [draft] la facture { $invoice } est un brouillon.
   *[other] la facture { $invoice } n’est pas ouverte au paiement.
}
bank-not-recorded-currency-differs = la facture { $invoice } est en { $invoiceCurrency }, le paiement en { $currency }.
bank-not-recorded-more-than-owing = le paiement dépasse les { $owing } encore dus sur la facture { $invoice }.

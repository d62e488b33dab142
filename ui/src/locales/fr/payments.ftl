## Payments: recording one, an invoice's payments, the payments list.

payments-dialog-title = Enregistrer un paiement
payments-amount-in = Montant ({ $currency })
payments-still-owing = Reste dû : { $amount }
payments-date-received = Date de réception
payments-method = Moyen de paiement
payments-reference = Référence
payments-reference-placeholder = p. ex. référence du virement
payments-cancel = Annuler
payments-saving = Enregistrement…
payments-record = Enregistrer le paiement
payments-none-yet = Aucun paiement pour l’instant.
payments-title = Paiements
payments-col-date = Date
payments-col-amount = Montant
payments-col-actions = Actions
payments-reversed = annulé le { $date } : { $reason }
payments-reverse = Annuler…
payments-col-client = Client
payments-col-invoice = Facture
payments-none-match = Aucun paiement ne correspond.
payments-none-recorded = Aucun paiement enregistré pour l’instant.

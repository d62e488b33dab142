## One invoice's page: the essentials and the one primary action first.

invoice-page-title = Facture { $number }
invoice-page-title-prefix = Facture{" "}
invoice-page-draft = brouillon
invoice-page-issue = Émettre
invoice-page-record-payment = Enregistrer un paiement
invoice-page-more = Plus
invoice-page-edit = Modifier le brouillon
invoice-page-einvoice = Facture électronique…
invoice-page-credit-note = Émettre un avoir…
invoice-page-refund = Rembourser…
invoice-page-cancel = Annuler la facture
invoice-page-gap-seller = Vos réglages : { $what } ({ $term })
invoice-page-gap-buyer = Le client : { $what } ({ $term })
invoice-page-gap-invoice = Cette facture : { $what } ({ $term })
invoice-page-einvoice-saved = Enregistrée : { $path }
invoice-page-credit-note-einvoice = Facture électronique de l’avoir { $number }…
invoice-page-cancelled = Annulée :
invoice-page-outstanding = Reste dû
invoice-page-issued = Émise le
invoice-page-due = Échéance
invoice-page-overdue = { $count ->
    [one] ({ $count } jour de retard)
   *[other] ({ $count } jours de retard)
}
invoice-page-total = Total
invoice-page-paid = Payé
invoice-page-credited = Avoirs
invoice-page-credited-in-full = { $amount } (entièrement couvert par avoir)
invoice-page-client-credit = Crédit du client
invoice-page-items = Lignes
invoice-page-items-caption = Lignes de la facture { $number }
invoice-page-description = Description
invoice-page-quantity = Quantité
invoice-page-unit-price = Prix unitaire
invoice-page-tax = TVA
invoice-page-net = HT
invoice-page-rate = { $rate } %
invoice-page-subtotal = Sous-total HT
invoice-page-tax-on = TVA { $rate } % sur { $net }
invoice-page-payments = Paiements
invoice-page-corrections = Avoirs et remboursements
invoice-page-credit-note-row = Avoir { $number } du { $date } : { $amount } crédités
invoice-page-refund-row = Remboursement du { $date } : { $amount } rendus par { $method }
invoice-page-notes = Notes
invoice-page-loading = Chargement…

## What an e-invoice still needs, by its EN 16931 term.
einvoice-term-bt-1 = numéro de facture
einvoice-term-bg-25 = au moins une ligne de facture
einvoice-term-bt-27 = raison sociale
einvoice-term-bt-40 = pays
einvoice-term-bt-44 = nom
einvoice-term-bt-55 = pays
einvoice-term-bt-31 = numéro de TVA (ou numéro fiscal)
einvoice-term-bt-48 = numéro de TVA (autoliquidation)
einvoice-term-bt-120 = motif d’exonération de TVA
einvoice-term-bt-84 = IBAN d’un compte bancaire
einvoice-term-bt-10 = référence de l’acheteur (Leitweg-ID)
einvoice-term-bt-81 = moyen de paiement
einvoice-term-bt-37 = ville
einvoice-term-bt-38 = code postal
einvoice-term-bt-41 = nom du contact
einvoice-term-bt-42 = numéro de téléphone
einvoice-term-bt-43 = adresse e-mail
einvoice-term-bt-52 = ville
einvoice-term-bt-53 = code postal
einvoice-term-bt-34 = adresse électronique (identifiant Peppol)
einvoice-term-bt-49 = adresse électronique (identifiant Peppol)

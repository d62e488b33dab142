# Documents produits en Rust : le dossier de preuves (dans la langue du
# client), les rapports (dans la langue de l'utilisateur), l'historique.

page-label = Page { $n } sur { $m }
total = Total

## Le dossier de preuves
dossier-title = Historique des paiements : { $client }
dossier-title-invoice = Historique des paiements : { $client } · facture { $number }
dossier-client = Client : { $who }
dossier-prepared = Préparé par { $business } le { $at } ; toutes les heures sont indiquées avec leur décalage UTC.
dossier-counts = { $entries ->
    [one] { $entries } entrée
   *[other] { $entries } entrées
}, { $files ->
    [one] { $files } fichier joint
   *[other] { $files } fichiers joints
}. L'historique ne fait que s'allonger : une correction est une nouvelle entrée.
dossier-footer = { $business } · historique des paiements de { $client }
dossier-summary = Synthèse au { $date }
dossier-cancelled = { $number } (annulée)
dossier-total = Total ({ $currency }) : facturé { $invoiced }, payé { $paid }, restant dû { $owing } ; retard le plus long : { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}.
dossier-payments = Paiements reçus
dossier-promises = Promesses de paiement
dossier-contacts = Tous les contacts, dans l'ordre
dossier-corrects = { $summary } (corrige le n° { $id })
dossier-texts = Texte intégral des e-mails, courriers, appels et notes
dossier-attachments = Pièces jointes
dossier-no-files = Aucun fichier n'est joint à ces entrées.
dossier-promise = promesse : { $amount } d'ici le { $date }
col-invoice = Facture
col-issued = Émise le
col-due = Échéance
col-invoiced = Facturé
col-paid = Payé
col-owing = Restant dû
col-days-overdue = Jours de retard
col-paid-on = Payé le
col-amount = Montant
col-method = Moyen
col-reference = Référence
col-promised-for = Promis pour le
col-given-by = Donnée
col-recorded = Enregistrée
col-outcome = Issue
col-entry = Entrée
col-time = Heure
col-kind = Type
col-channel = Canal
col-direction = Sens
col-what = Ce qui s'est passé
col-details = Détails
col-refers-to = Corrige l'entrée
col-files = Fichiers
field-outcome = Issue
field-from = De
field-to = À
field-date = Date
field-subject = Objet
field-retry-on = Rappeler le
field-hold = En attente
field-until = Jusqu'au
field-reason = Motif

## Rapports (langue de l'utilisateur)
report-aging-title = Balance âgée
report-aging-subtitle = Factures ouvertes par jours de retard, au { $date }.
report-per-currency = Par devise : des montants en devises différentes ne sont jamais additionnés.
report-aging-empty = Rien n'est dû : toutes les factures émises sont payées.
report-collected-title = Facturé et encaissé par mois
report-collected-subtitle = { $months ->
    [one] Ce mois-ci
   *[other] Les { $months } derniers mois
}, au { $date }.
report-collected-explain = Facturé : factures émises par date d'émission (annulées exclues). Encaissé : paiements par date.
report-collected-empty = Rien n'a encore été facturé ni encaissé.
col-client = Client
col-client-id = N° client
col-currency = Devise
col-month = Mois
col-invoices = Factures
col-collected = Encaissé
col-payments = Paiements

## Résumés de l'historique, à partir des faits enregistrés
timeline-invoice-created = Facture { $number } créée : { $total }
timeline-invoice-issued = Facture { $number } émise
timeline-invoice-cancelled = Facture { $number } annulée
timeline-payment-recorded = Paiement de { $amount } reçu pour { $number } ({ $method }) ; restant dû : { $outstanding }
timeline-invoice-created-plain = Facture { $number } créée
timeline-payment-received-plain = Paiement reçu pour { $number }
timeline-interest-on = Vous avez activé les intérêts légaux de retard pour ce client : { $law } ; le client est { $debtor }.
timeline-interest-off = Vous avez désactivé les intérêts légaux de retard pour ce client.
timeline-interest-rate-added = Vous avez saisi le { $series } publié de { $rate } % à compter du { $from } (source : { $source }) ; Kindly l’utilise pour les périodes postérieures à sa propre table des taux.

## E-invoices
einvoice-credit-terms = Avoir sur la facture { $invoice } : imputé sur le montant restant dû ou remboursé.
letter-einvoice-issued = { $count ->
    [one] La facture a été émise sous forme de facture électronique ({ $format }) ; je vous la renverrai volontiers si vous en avez besoin.
   *[other] Les factures ont été émises sous forme de factures électroniques ({ $format }) ; je vous les renverrai volontiers si vous en avez besoin.
}

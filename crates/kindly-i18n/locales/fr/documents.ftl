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
timeline-plan-proposed = { $count ->
    [one] Échéancier n° { $plan } proposé : { $total } en { $count } échéance pour { $invoices }
   *[other] Échéancier n° { $plan } proposé : { $total } en { $count } échéances pour { $invoices }
}
timeline-plan-agreed = Échéancier n° { $plan } ({ $invoices }) accepté le { $date } ({ $how }) ; les relances des factures sont suspendues tant qu’il est respecté
timeline-plan-cancelled = Échéancier n° { $plan } ({ $invoices }) annulé ; les relances des factures reprennent
timeline-plan-cancelled-invoice = Échéancier n° { $plan } ({ $invoices }) annulé, car une de ses factures a été annulée
timeline-plan-completed = Échéancier n° { $plan } ({ $invoices }) terminé : toutes les échéances sont payées
timeline-plan-broken = { $days ->
    [one] Échéancier n° { $plan } ({ $invoices }) non respecté : l’échéance { $installment } a { $days } jour de retard ; les relances des factures reprennent
   *[other] Échéancier n° { $plan } ({ $invoices }) non respecté : l’échéance { $installment } a { $days } jours de retard ; les relances des factures reprennent
}
timeline-plan-renegotiated = Échéancier n° { $plan } ({ $invoices }) renégocié : remplacé par l’échéancier n° { $new }
timeline-installment-heads-up = { $channel ->
    [email] Préavis de l’échéance { $installment } de l’échéancier n° { $plan } envoyé par e-mail
    [letter] Préavis de l’échéance { $installment } de l’échéancier n° { $plan } envoyé par courrier
   *[other] Préavis de l’échéance { $installment } de l’échéancier n° { $plan } donné par téléphone
}
timeline-installment-reminder = { $channel ->
    [email] Rappel de l’échéance { $installment } de l’échéancier n° { $plan } envoyé par e-mail
    [letter] Rappel de l’échéance { $installment } de l’échéancier n° { $plan } envoyé par courrier
   *[other] Rappel de l’échéance { $installment } de l’échéancier n° { $plan } donné par téléphone
}
timeline-plan-off-track = { $channel ->
    [email] Avis courtois que l’échéancier n° { $plan } n’est plus respecté, envoyé par e-mail
    [letter] Avis courtois que l’échéancier n° { $plan } n’est plus respecté, envoyé par courrier
   *[other] Avis courtois que l’échéancier n° { $plan } n’est plus respecté, donné par téléphone
}
timeline-promise-recorded = Promesse de payer { $amount } d’ici le { $date } pour la facture { $number } ({ $how })
timeline-promise-kept = Promesse tenue : facture { $number }, promise pour le { $date }
timeline-promise-broken = Promesse non tenue : facture { $number }, promise pour le { $date }
timeline-email-sent = E-mail envoyé à { $to } : { $subject }
timeline-statement-sent = Relevé de compte envoyé à { $to } : { $subject }
timeline-statement-printed = { $count ->
    [one] Relevé de compte imprimé ({ $count } facture ouverte)
   *[other] Relevé de compte imprimé ({ $count } factures ouvertes)
}
timeline-credit-note = Avoir { $note } de { $amount } émis pour { $number } ({ $reason }) ; { $standing }
timeline-payment-reversed = Paiement de { $amount } reçu le { $date } pour { $number } annulé ({ $reason }) ; { $standing }
timeline-payment-reversed-plain = Paiement de { $amount } reçu le { $date } pour { $number } annulé ({ $reason })
timeline-refund = Remboursement de { $amount } pour { $number } ({ $method }, { $reason }) ; { $standing }
timeline-standing-owing = reste dû : { $amount }
timeline-standing-credit = le client a un avoir de { $amount }
timeline-standing-nothing = plus rien n’est dû
timeline-call = Appel pour la facture { $number } : { $outcome }
timeline-call-promise = ; promesse de payer { $amount } d’ici le { $date }
timeline-call-plan = ; a demandé un échéancier
timeline-call-retry = ; rappeler le { $date }
timeline-promise-follow-up = Suivi de la promesse pour la facture { $number } ({ $channel })
timeline-email-withdrawn = E-mail retiré avant son envoi.
timeline-email-withdrawn-settled = Non envoyé : ses factures ont été payées ou annulées entre-temps.
timeline-email-withdrawn-no-longer-due = Non envoyé : il n’avait plus lieu d’être au moment de partir.
timeline-hold-disputed = Relances suspendues : facture contestée
timeline-chasing-paused-until = Relances suspendues jusqu’au { $date }
timeline-chasing-paused = Relances suspendues
timeline-chasing-resumed = Relances reprises
timeline-chasing-on = Relances activées
timeline-chasing-off = Relances désactivées

## A ladder step done by hand or printed, and the default ladder's step names
timeline-step-email = Courriel envoyé : { $stage } pour { $count ->
    [one] la facture
   *[other] les factures
} { $numbers }
timeline-step-letter = Lettre imprimée : { $stage } pour { $count ->
    [one] la facture
   *[other] les factures
} { $numbers }
timeline-step-call = Appel passé : { $stage } pour { $count ->
    [one] la facture
   *[other] les factures
} { $numbers }
stage-default-heads-up = Petit rappel amical
stage-default-reminder = Rappel amical
stage-default-follow-up = Relance courtoise
stage-default-plan-offer = Proposition d’échéancier
stage-default-final-notice = Dernier rappel courtois
timeline-invoice-imported = Facture { $number } importée depuis la facture électronique { $name } (SHA-256 { $sha }…)

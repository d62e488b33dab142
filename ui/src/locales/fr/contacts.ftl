## Calls, promises to pay, inbound contact, the timeline and the payment record.

contacts-filter-invoices = Factures
contacts-filter-payments = Paiements
contacts-filter-followups = Relances envoyées
contacts-filter-statements = Relevés de compte
contacts-filter-calls = Appels
contacts-filter-inbound = Reçus
contacts-filter-notes = Notes et corrections
contacts-filter-promises = Promesses
contacts-filter-holds = Pauses

## A phone call.

contacts-call-title = Appeler { $name }
contacts-call-title-plain = Appel
contacts-call-no-phone = Aucun numéro de téléphone enregistré
contacts-call-invoice-owing = · facture { $number } · reste dû : { $amount }
contacts-call-script-heading = Quoi dire
contacts-call-propose-plan = Proposer l’échéancier maintenant…
contacts-call-plan-proposed = Échéancier n° { $id } proposé ; vous le trouverez sur la page de la facture.
contacts-call-outcome-legend = Comment s’est passé l’appel ?
contacts-call-retry-on = Rappeler le
contacts-call-promised = Le client a promis de payer
contacts-call-promise-by = Avant le
contacts-call-plan-asked = Le client a demandé un échéancier
contacts-call-wrong-number-hint = Kindly vous proposera plutôt d’écrire un e-mail ou une lettre.
contacts-call-notes = Notes
contacts-call-close = Fermer
contacts-call-done = Terminé
contacts-call-saving = Enregistrement…
contacts-call-log = Enregistrer l’appel

contacts-call-logged = Appel enregistré.
contacts-call-logged-done = Appel enregistré ; cette étape est faite.
contacts-call-logged-promise = Appel enregistré. Les relances de cette facture sont suspendues jusqu’au jour promis.
contacts-call-logged-retry = Appel enregistré. La facture reviendra dans la liste le { $date }.
contacts-call-wrong-number = { $channel ->
    [email] Mauvais numéro enregistré. Vous pourriez plutôt écrire un e-mail ; vérifiez le numéro de téléphone du client.
   *[letter] Mauvais numéro enregistré. Vous pourriez plutôt écrire une lettre ; vérifiez le numéro de téléphone du client.
}

## Promises to pay.

contacts-promise-amount = Montant (vide : la totalité)
contacts-promise-form-heading = Enregistrer une promesse de paiement
contacts-promise-will-pay-by = Paiera avant le
contacts-promise-given = Canal
contacts-promise-save = Enregistrer la promesse
contacts-promise-saved = Promesse de { $amount } enregistrée ; les relances de cette facture sont suspendues jusque-là.
contacts-promises-heading = Promesses de paiement
contacts-promises-by = Avant le
contacts-promises-invoice = Facture
contacts-promises-amount = Montant
contacts-promises-given = Canal
contacts-promises-outcome = Résultat
contacts-promise-how = { $how ->
    [call] par téléphone
    [email] par e-mail
    [letter] par courrier
   *[in_person] en personne
}
contacts-promise-outcome = { $outcome ->
    [kept] Tenue
    [broken] Non tenue
   *[open] En cours
}
contacts-followups-heading = Promesses à suivre
contacts-followup-promised = a promis { $amount } avant le { $date } · reste dû : { $owing }
contacts-followup-to = à
contacts-followup-by-letter = par courrier
contacts-followup-done = { $channel ->
    [email] Marquer comme envoyé (e-mail)
   *[letter] Marquer comme envoyé (lettre)
}

## Adding to the record.

contacts-note-label = Ajouter à l’historique
contacts-note-kind = Type d’entrée
contacts-note-placeholder-email = Collez l’e-mail ici ou choisissez son fichier .eml
contacts-note-placeholder-letter = Ce que dit la lettre (joignez le scan ci-dessous)
contacts-note-placeholder-call = Ce qu’on vous a dit…
contacts-note-placeholder-note = Appelé aujourd’hui, promet de payer vendredi…
contacts-note-file-eml = Le fichier .eml
contacts-note-file-scan = Le scan (PDF, PNG ou JPEG)
contacts-note-add = Ajouter la note

## The timeline.

contacts-timeline-heading = Historique
contacts-timeline-from = Du
contacts-timeline-to = Au
contacts-timeline-empty = Rien à afficher.
contacts-timeline-corrects = corrige n° { $id }
contacts-timeline-corrected = corrigé plus tard
contacts-timeline-details = Détails
contacts-timeline-hide-details = Masquer les détails
contacts-timeline-correct = Corriger
contacts-detail-from = De
contacts-detail-to = À
contacts-detail-subject = Objet
contacts-detail-outcome = Résultat
contacts-detail-reason = Motif
contacts-detail-outcome-value = { $outcome ->
    [reached] joint
    [voicemail] message laissé sur le répondeur
    [no_answer] pas de réponse
    [wrong_number] mauvais numéro
   *[other] { $outcome }
}
contacts-open-file = Ouvrir
contacts-correction = Correction
contacts-correction-save = Enregistrer la correction
contacts-correction-hint = L’entrée d’origine reste ; la correction est ajoutée à côté.
contacts-timeline-loading = Chargement…
contacts-timeline-older = Afficher les entrées plus anciennes

## The payment record (dossier).

contacts-dossier-busy = Préparation du dossier…
contacts-dossier-export = Exporter le dossier de paiement
# { $pdf }, { $csv } and { $zip } are the files' paths, shown as code; keep them in this order.
contacts-dossier-saved = { $count ->
    [one] { $count } entrée enregistrée : { $pdf }, { $csv } et { $zip }.
   *[other] { $count } entrées enregistrées : { $pdf }, { $csv } et { $zip }.
}
contacts-dossier-open = Ouvrir le PDF
contacts-dossier-problem = { $status ->
    [missing] { $name } (entrée n° { $entry }) est introuvable ; le dossier l’indique.
    [changed] { $name } (entrée n° { $entry }) a été modifié ; le dossier l’indique.
   *[other] { $name } (entrée n° { $entry }) : { $status } ; le dossier l’indique.
}

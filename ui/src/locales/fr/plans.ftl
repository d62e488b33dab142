## Installment plans: the plan cards, offering or renegotiating a plan, and Today's installment reminders.

plans-heading = Échéanciers
plans-offer = Proposer un échéancier
plans-renegotiate-title = Renégocier l’échéancier
plans-card-title = Échéancier n° { $id }
plans-reminder-rule = Rappels d’échéance : un préavis { $headsUp ->
        [0] le jour où chaque échéance est due
        [one] { $headsUp } jour avant chaque échéance
       *[other] { $headsUp } jours avant chaque échéance
    } ; un rappel { $reminder ->
        [one] { $reminder } jour
       *[other] { $reminder } jours
    } après, si elle reste impayée.
# The fixed rule the backend splits amounts by (SchedulePreview.rule).
plans-remainder-rule = Les montants sont répartis au centime près ; quand le solde ne se divise pas exactement, les premières échéances portent le centime supplémentaire (plus petite unité). Avec un montant d’échéance fixe, la dernière échéance correspond au reste.

## Where a plan stands.

plans-standing-proposed = Proposé, en attente de l’accord du client ; premier paiement de { $amount } le { $date }
plans-standing-on-track = En bonne voie : prochaine échéance de { $amount } le { $date }
plans-standing-late = Une échéance est en retard ({ $amount } le { $date }) ; dans le délai de grâce de { $days } jours
plans-standing-broken = Non respecté : l’échéance de { $amount } du { $date } est toujours ouverte
plans-standing-completed = Terminé : toutes les échéances sont payées
plans-standing-renegotiated = Remplacé par un nouvel échéancier
plans-standing-cancelled = Annulé
plans-standing-plain = { $standing ->
    [on_track] En bonne voie
    [late] En retard
    [broken] Non respecté
    [proposed] Proposé
    [completed] Terminé
    [renegotiated] Renégocié
   *[cancelled] Annulé
}

## A plan's card.

plans-total = Total
plans-paid = Payé
plans-credited = Crédité (avoirs depuis le plan)
plans-remaining = Restant
plans-surplus = Payé au-delà de l’échéancier
plans-agreed = { $days ->
    [one] Convenu le { $date } ({ $how }) · délai de grâce de { $days } jour
   *[other] Convenu le { $date } ({ $how }) · délai de grâce de { $days } jours
}
plans-agreed-how-unknown = moyen non précisé
plans-installments-caption = Échéances de l’échéancier n° { $id }
plans-col-due = Échéance
plans-col-amount = Montant
plans-col-paid = Payé
plans-col-status = État
plans-next-reminder = Prochain rappel d’échéance à partir du { $date }.
plans-accept = Le client a accepté…
plans-renegotiate = Renégocier
plans-cancel = Annuler l’échéancier…
plans-pdf = Lettre d’accord (PDF)
plans-email-proposal = Envoyer la proposition par e-mail
# { $file } is the saved file (its name with Open and Save a copy).
plans-saved-as = Enregistré sous { $file }
plans-agreed-on = Convenu le
plans-agreed-how = Comment
plans-accept-save = Enregistrer l’accord
plans-cancel-reason = Motif (facultatif)
plans-cancel-save = Annuler l’échéancier

## Offering a plan.

# { $invoices } are the invoice numbers, { $balance } the amount still owing.
plans-dialog-owing = { $invoices } · reste dû : { $balance }
plans-split-into = Répartir en
plans-by-count = un nombre d’échéances
plans-by-amount = échéances d’un montant fixe
plans-count = Échéances
plans-count-after-down = Échéances après l’acompte
plans-each = Montant par échéance
plans-frequency = Fréquence
plans-first-date = Premier paiement
plans-down-payment = Acompte (facultatif)
plans-terms = Rappels et délai de grâce
plans-terms-hint = Chaque échéance reçoit un préavis ce nombre de jours avant sa date et, si elle reste impayée, un rappel ce nombre de jours après. L’échéancier est considéré comme non respecté lorsqu’une échéance dépasse le délai de grâce.
plans-heads-up-days = Préavis (jours)
plans-reminder-days = Rappel (jours)
plans-grace-days = Délai de grâce (jours)
plans-custom-dates = Dates, une par échéance
plans-custom-dates-placeholder = { $first }, { $second }
plans-schedule-caption = Calendrier (vous pouvez modifier chaque date ou montant)
plans-schedule-amount = Montant ({ $currency })
plans-row-due = Date de l’échéance { $n }
plans-row-amount = Montant de l’échéance { $n }
plans-sum = Somme
plans-should-be = devrait être { $balance }
plans-dialog-cancel = Annuler
plans-saving = Enregistrement…
plans-propose = Proposer cet échéancier
plans-propose-new = Proposer le nouvel échéancier

## Today's installment reminders.

plans-reminders-heading = Échéanciers
plans-reminder-what = { $kind } · { $seq } sur { $count }
plans-reminder-due = échéance le { $date }
plans-message = Message
plans-message-hide = Masquer le message
plans-print-letter = Imprimer la lettre
plans-mark-sent = Marquer comme envoyé
plans-mark-sent-title = Pour un e-mail envoyé depuis votre propre messagerie
plans-letter-printed = Imprimé et consigné. Enregistré sous { $path }
plans-letter-printed-job = Imprimé (tâche { $job }) et consigné. Enregistré sous { $path }
plans-letter-opened = { $path } est ouvert dans votre lecteur PDF. Une fois la lettre imprimée et postée, choisissez « Marquer comme envoyé ».

## Words many screens share: counts, actions, states.

count-invoices = { $count ->
    [one] { $count } facture
   *[other] { $count } factures
}
count-clients = { $count ->
    [one] { $count } client
   *[other] { $count } clients
}
count-payments = { $count ->
    [one] { $count } paiement
   *[other] { $count } paiements
}
count-followups = { $count ->
    [one] { $count } relance
   *[other] { $count } relances
}
count-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}

## The default ladder's step names (lib/stages.ts).

stage-default-heads-up = Petit rappel amical
stage-default-reminder = Rappel amical
stage-default-follow-up = Relance courtoise
stage-default-plan-offer = Proposition d’échéancier
stage-default-final-notice = Dernier rappel courtois

## Invoice state badges (lib/StateBadge.svelte).

state-part-paid = partiellement payée
state-days-overdue = { $count ->
    [one] en retard de { $count } jour
   *[other] en retard de { $count } jours
}
conflict-client-named = { $name } a modifié ce client à { $time }. Rien de vos modifications n’a été enregistré ; rechargez pour voir sa modification, puis refaites la vôtre.
conflict-client-someone = Quelqu’un d’autre a modifié ce client à { $time }. Rien de vos modifications n’a été enregistré ; rechargez pour voir sa modification, puis refaites la vôtre.
conflict-invoice-named = { $name } a modifié cette facture à { $time }. Rien de vos modifications n’a été enregistré ; rechargez pour voir sa modification, puis refaites la vôtre.
conflict-invoice-someone = Quelqu’un d’autre a modifié cette facture à { $time }. Rien de vos modifications n’a été enregistré ; rechargez pour voir sa modification, puis refaites la vôtre.
conflict-reload = Recharger
made-by = par { $name }

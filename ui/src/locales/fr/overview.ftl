## The overview: who owes what, since when, and what comes in next.

overview-title = Vue d’ensemble
# $day: today's date.
overview-figures-for = Chiffres du { $day }
overview-reports = Rapports
overview-reports-label = Rapports :
overview-report-aging-csv = Balance âgée (CSV)
overview-report-aging-pdf = Balance âgée (PDF)
overview-report-collected-csv = Encaissements par mois (CSV)
overview-report-collected-pdf = Encaissements par mois (PDF)
# $file: the saved report's file name, shown as a link.
overview-report-saved = Rapport enregistré sous { $file }
overview-empty = Personne ne vous doit rien pour l’instant.
overview-empty-hint = Dès que vous émettez des factures, cette page montre qui vous doit quoi et depuis quand, ce qui devrait rentrer dans les prochaines semaines et quelle relance vous fait le plus souvent payer.
overview-write-invoice = Rédiger une facture
overview-import = Importer depuis un autre outil
overview-currency = Devise
overview-figures-in = Chiffres en { $currency }
overview-totals = Totaux
overview-outstanding = Encours
overview-overdue = En retard
overview-dso = Délai moyen de recouvrement (DSO)
# How the DSO figure is made: "€4,000.00 owed ÷ €9,000.00 invoiced × 90".
overview-dso-sum = { $owed } dus ÷ { $invoiced } facturés × { $days }
overview-days-to-pay = Délai moyen de paiement
overview-paid-in-12-months = { $count ->
    [one] { $count } facture payée en 12 mois
   *[other] { $count } factures payées en 12 mois
}
overview-days = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
overview-how-these = Mode de calcul
overview-how-this = Mode de calcul
overview-rule-dso = DSO = créances en cours aujourd’hui ÷ montant facturé au cours des 90 derniers jours × 90. Facturé signifie émis et non annulé, selon la date d’émission, aujourd’hui et les 89 jours précédents. Pas de DSO si rien n’a été facturé pendant ces 90 jours.
overview-rule-days-to-pay = Délai de paiement = nombre de jours entre la date d’émission d’une facture et le jour où elle a été entièrement payée (la date du paiement qui l’a soldée), en moyenne sur les factures entièrement payées au cours des 12 derniers mois (du lendemain de la même date il y a un an jusqu’à aujourd’hui).
overview-rule-cash-in = Les encaissements prévus comptent chaque facture ouverte une seule fois : à sa date d’échéance ; pour le montant promis, plutôt au jour d’une promesse en cours ; et une facture comprise dans un échéancier actif, plutôt via les échéances impayées de l’échéancier, à leurs dates. Ce qui est déjà en retard (échu, promis pour un jour passé, échéances dépassées) est présenté à part, jamais comme attendu la semaine prochaine. À risque : la part du montant attendu sur les factures avec une promesse ou un échéancier non tenu, ainsi que les échéances d’un échéancier en retard.
overview-rule-steps = Pour chaque étape de relance effectuée au moins une fois : combien de fois elle a été effectuée, et combien de ces factures ont été entièrement payées le jour de l’étape ou dans les 7 jours suivants.
overview-aging-title = Balance âgée : depuis combien de temps les sommes dues sont en retard
overview-aging-caption = Balance âgée en { $currency }
overview-owed = Dû
overview-invoices = Factures
overview-cash-title = Encaissements prévus
overview-cash-caption = Encaissements prévus en { $currency }, par semaine et par mois
overview-cash-when = Période
overview-cash-expected = Prévu
overview-cash-due-dates = Échéances
overview-cash-promises = Promesses
overview-cash-installments = Échéancier
overview-cash-at-risk = À risque
overview-already-late = Déjà en retard, non compté ci-dessus :
overview-months-title = Facturé et encaissé, 12 derniers mois
overview-months-caption = Facturé et encaissé par mois en { $currency }
overview-month = Mois
overview-invoiced = Facturé
overview-collected = Encaissé
overview-steps-title = Quelle relance précède le paiement
overview-steps-empty = Aucune relance n’a encore été envoyée en { $currency }.
overview-steps-caption = Part des factures payées dans les 7 jours après chaque étape
overview-step = Étape
overview-steps-done = Effectuées
overview-steps-paid-7 = Payées sous 7 jours
# $paid invoices paid within 7 days, $percent of the steps done.
overview-steps-paid-share = { $paid } ({ $percent } %)
overview-slow-title = Les plus lents à payer
overview-slow-empty = Aucune facture n’a été payée en { $currency } au cours des 12 derniers mois.
overview-slow-caption = Clients ayant le délai moyen de paiement le plus long
overview-client = Client
overview-average = Moyenne

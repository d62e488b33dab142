## The app's frame: navigation, start-up, notices.

nav-main = Menu principal
nav-overview = Vue d’ensemble
nav-today = Aujourd’hui
nav-clients = Clients
nav-invoices = Factures
nav-payments = Paiements
nav-followups = Étapes de relance
nav-outbox = Boîte d’envoi
nav-bank = Relevés bancaires
nav-data = Import et export
nav-settings = Réglages
outbox-attention-title = { $count ->
    [one] { $count } message attend votre décision
   *[other] { $count } messages attendent votre décision
}
outbox-attention-hidden = demandent votre attention
app-version = Kindly { $version }
app-start-failed = Kindly n’a pas pu démarrer : { $message }
app-opening = Ouverture de vos comptes…
notice-ok = OK

## Lists

list-loading = Chargement…
list-search = Rechercher
list-sort = Trier
list-active-filters = Filtres actifs
list-remove-filter = Retirer le filtre { $filter }
list-clear-filters = Effacer les filtres
file-open = Ouvrir
file-save-copy = Enregistrer une copie…
file-copy-saved = Copie enregistrée.
app-restore-done = Votre sauvegarde a été restaurée et ce sont maintenant les données utilisées. Les données précédentes sont conservées dans { $path }.
app-restore-failed = La restauration n’a pas pu être terminée, les données utilisées n’ont donc pas changé : { $problem }
app-server-away = La base de données d’équipe sur { $host } est injoignable. Rien n’a été enregistré ; l’envoi est suspendu jusqu’à son retour.
app-server-away-nohost = La base de données d’équipe est injoignable. Rien n’a été enregistré ; l’envoi est suspendu jusqu’à son retour.
app-server-away-retry = Réessayer
app-server-away-retrying = Nouvel essai…

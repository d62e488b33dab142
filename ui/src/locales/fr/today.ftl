## Follow-ups: Today, the ladder, the message preview, printed letters, the invoice's follow-up box.

today-title = Relances du jour
today-list-by-client = Relances du jour par client
today-list-by-channel = Relances du jour par canal
today-showing = { $total ->
    [one] Affichage : { $matching } sur { $total } relance
   *[other] Affichage : { $matching } sur { $total } relances
}
today-empty = Aucune relance aujourd’hui.
today-empty-filtered = Aucune relance ne correspond à ces filtres.
today-empty-hint = Chaque facture est payée, pas encore échue ou déjà relancée. Bonne journée !
today-clear-the-filters = Effacer les filtres
today-back-clients = ← Tous les clients
today-back-channels = ← Tous les canaux
today-shortcuts = Raccourcis clavier
today-key-send = Envoyer tous les e-mails (avec confirmation)
today-key-print = Imprimer les lettres du jour (avec confirmation)
today-key-group = Grouper par client, par canal ou pas du tout
today-key-filter = Aller aux filtres
today-key-clear = Effacer les filtres
today-key-refresh = Recharger la liste du jour
today-key-help = Afficher ces raccourcis

## Filters and grouping.
today-filters-legend = Filtrer et grouper les relances du jour
today-group-by = Grouper par
today-group-nothing = Aucun groupement
today-filter-any = Tous
today-filter-channel = Canal
today-filter-step = Étape
today-filter-tone = Ton
today-filter-language = Langue
today-filter-currency = Devise
today-filter-min-amount = Dû au moins
today-clear-filters = Effacer les filtres
# A choice in a filter list and how many follow-ups it would show: "E-mail (73)".
today-facet-option = { $label } ({ $count })

## One row of the queue.
today-due-overdue = { $days ->
    [one] en retard de { $days } jour
   *[other] en retard de { $days } jours
}
today-due-today = échéance aujourd’hui
today-due-tomorrow = échéance demain
today-due-in = { $days ->
    [one] échéance dans { $days } jour
   *[other] échéance dans { $days } jours
}
today-letter-confirm = imprimée ? à confirmer
today-letter-not-printed = créée, non imprimée

## The ladder.
today-ladder-title = Étapes de relance
today-ladder-language = Langue des textes
today-ladder-pick = Choisissez « Texte » sur une étape pour modifier ce que Kindly écrit.
today-ladder-hint = Chaque étape est proposée le nombre de jours indiqué après l’échéance (négatif : avant). Kindly utilise le ton et le canal que vous choisissez.
today-ladder-save-first = Enregistrez d’abord les étapes
today-ladder-wording = Texte
today-ladder-add = Ajouter une étape
today-ladder-saved = Étapes enregistrées.
today-ladder-save = Enregistrer les étapes
today-new-stage = Nouvelle étape
today-offset-not-whole = Étape { $stage } : le nombre de jours doit être un nombre entier.
today-offset-on-due-date = le jour de l’échéance
today-offset-before = { $days ->
    [one] { $days } jour avant l’échéance
   *[other] { $days } jours avant l’échéance
}
today-offset-after = { $days ->
    [one] { $days } jour après l’échéance
   *[other] { $days } jours après l’échéance
}
today-stages-caption = Étapes de relance
today-stages-stage = Étape
today-stages-days = Jours après l’échéance
today-stages-tone = Ton
today-stages-channel = Canal
today-stages-actions = Actions
today-stages-name-of = Nom de l’étape { $stage }
today-stages-days-of = Jours après l’échéance pour l’étape { $stage }
today-stages-tone-of = Ton de l’étape { $stage }
today-stages-channel-of = Canal de l’étape { $stage }
today-stages-remove = Supprimer
today-stages-remove-label = Supprimer l’étape { $stage }

## Shared words.
today-loading = Chargement…
today-saving = Enregistrement…
today-save = Enregistrer
today-saved = Enregistré.
today-cancel = Annuler
today-close = Fermer
today-paper = Papier
today-open-outbox = Ouvrir la boîte d’envoi
# $file is the saved file's name, shown as a link.
today-saved-as = Enregistré sous { $file }

## The invoice page's follow-up box.
today-box-title = Relances
today-box-write = Écrire au client maintenant
today-box-pdf = Télécharger le PDF
today-box-pdf-busy = Création du PDF…
today-hold-label = Relances pour cette facture
today-hold-none = Relancer comme d’habitude
today-hold-none-hint = Kindly propose des relances lorsque cette facture est en retard.
today-hold-disputed = Contestée
today-hold-disputed-hint = Aucune relance pendant que vous réglez un désaccord.
today-hold-paused = En pause jusqu’au…
today-hold-paused-hint = Aucune relance jusqu’à une date, par exemple après une promesse de paiement.
today-hold-until = En pause jusqu’au (dernier jour)
today-hold-reason = Motif
today-hold-reason-placeholder = p. ex. le client conteste les heures

## The invoice picker of the wording editor.
today-picker-placeholder = Numéro de facture ou client
today-picker-list = Factures
today-picker-empty = Aucune facture correspondante

## The message preview.
today-preview-title = Relancer { $client }
today-preview-title-empty = Relance
today-preview-bundle = { $count ->
    [one] Inclure une autre facture échue de ce client dans le même message
   *[other] Inclure { $count } autres factures échues de ce client dans le même message
}
today-preview-send-as = Envoyer par
today-preview-needs-decision = Cet e-mail attend votre décision.
today-preview-in-outbox = Cet e-mail est dans la boîte d’envoi.
today-preview-recipient = Destinataire
today-preview-to = À
today-preview-address = Adresse
today-preview-phone = Téléphone
today-preview-no-email = Aucune adresse e-mail enregistrée
today-preview-no-address = Aucune adresse postale enregistrée
today-preview-no-phone = Aucun numéro de téléphone enregistré
today-preview-call-script = Guide d’appel
today-preview-subject = Objet
today-preview-message = Message
# $files: the names of the attached files.
today-preview-attached = Pièces jointes : { $files }
today-preview-offer-plan = Proposer un échéancier…
today-preview-plan-proposed = Échéancier nº { $plan } proposé ; retrouvez-le sur la page de la facture.
today-preview-qr-note = Un code QR de paiement sera imprimé sur la lettre.
today-preview-generate-letter = Créer la lettre en PDF
today-preview-generating = Création…
today-preview-letter-saved = Enregistrée sous { $file } : un aperçu, non enregistré comme envoyé. Imprimez-la depuis « Aujourd’hui », ou marquez l’étape comme faite une fois la lettre postée.
today-preview-writing = Rédaction du message…
today-preview-note = Note pour vos dossiers (facultatif)
today-preview-email-setup = Configurer l’e-mail dans les Réglages
today-preview-done-in-outbox = L’e-mail de cette étape est dans la boîte d’envoi : envoyez-le, confirmez-le ou retirez-le d’abord là-bas
today-preview-done-own-mail = Pour un e-mail envoyé depuis votre propre messagerie
today-preview-log-call = Noter l’appel comme fait
today-preview-mark-sent = Marquer comme envoyé
today-preview-mark-done = Marquer comme fait
today-preview-send-email = Envoyer l’e-mail
today-preview-sending = Envoi…

## The tone check.
today-tone-all-good = ✓ Vérification du ton : tout va bien
today-tone-suggestions = { $count ->
    [one] Vérification du ton : une suggestion
   *[other] Vérification du ton : { $count } suggestions
}
# Shown in other languages instead of Kindly's English finding; the phrase it is about is quoted beside it.
today-finding-threat = Cette formulation peut sembler menaçante ou pressante ; dites-le plus doucement.
today-finding-shouting = Les mots en majuscules donnent l’impression de crier ; écrivez-les normalement.
today-finding-exclamation = Plusieurs points d’exclamation rendent le message pressant ou agacé ; un point calme fonctionne mieux.
today-finding-no-greeting = Saluez le client par son nom, p. ex. « Bonjour {"{{ greeting_name }}"}, ».
today-finding-missing-amount = Indiquez le montant restant dû ({"{{ amount_owing }}"}).
today-finding-missing-due-date = Mentionnez la date d’échéance ({"{{ due_date }}"}).
today-finding-missing-invoice-number = Nommez la facture ({"{{ invoice_numbers }}"}).
today-finding-missing-terms = Rappelez les conditions de paiement ({"{{ payment_terms }}"}).
today-finding-no-payment-methods = Indiquez les moyens de paiement ({"{{ payment_methods }}"}) ; faciliter le paiement est la plus aimable des relances.
today-finding-no-thanks = Remerciez le client pour sa confiance ou pour son temps.

## Printing today's letters.
today-letters-print = Imprimer les lettres du jour
today-letters-print-n = Imprimer les lettres du jour ({ $count })
today-letters-preparing = Préparation des lettres…
today-letters-none-due = Aucune lettre n’est prévue aujourd’hui.
today-letters-printed = { $count ->
    [one] Une lettre imprimée et enregistrée dans l’historique du client.
   *[other] { $count } lettres imprimées et enregistrées dans l’historique de chaque client.
}
today-letters-printed-job = { $count ->
    [one] Une lettre imprimée (tâche { $job }) et enregistrée dans l’historique du client.
   *[other] { $count } lettres imprimées (tâche { $job }) et enregistrées dans l’historique de chaque client.
}
today-letters-awaiting = { $count ->
    [one] Une lettre ouverte dans votre lecteur PDF. A-t-elle été imprimée ? Elle n’est enregistrée comme envoyée que lorsque vous le confirmez.
   *[other] { $count } lettres ouvertes dans votre lecteur PDF. Ont-elles été imprimées ? Elles ne sont enregistrées comme envoyées que lorsque vous le confirmez.
}
today-letters-yes = Oui, c’est imprimé
today-letters-no = Non, pas imprimé
# $error: what the printer or the system said.
today-letters-not-printed = { $count ->
    [one] Une lettre créée, mais non imprimée : { $error } Elle reste dans la liste du jour jusqu’à son impression.
   *[other] { $count } lettres créées, mais non imprimées : { $error } Elles restent dans la liste du jour jusqu’à leur impression.
}
today-letters-retry = Imprimer à nouveau
today-letters-saved = { $count ->
    [one] Une lettre enregistrée sous { $file } (non imprimée, non enregistrée comme envoyée).
   *[other] { $count } lettres enregistrées sous { $file } (non imprimées, non enregistrées comme envoyées).
}
today-letters-left-out-printed = Laissées de côté (les autres ont été imprimées) :
today-letters-left-out-file = Laissées de côté (les autres sont dans le fichier) :
today-letters-confirm-title = { $count ->
    [one] Imprimer { $count } lettre maintenant ?
   *[other] Imprimer { $count } lettres maintenant ?
}
# $paper: the paper size, e.g. "A4".
today-letters-confirm-text = { $invoices ->
    [one] Une lettre par client, concernant { $invoices } facture, sur papier { $paper }. Chaque lettre est enregistrée dans l’historique du client une fois imprimée.
   *[other] Une lettre par client, concernant { $invoices } factures au total, sur papier { $paper }. Chaque lettre est enregistrée dans l’historique du client une fois imprimée.
}
today-letters-confirm = { $count ->
    [one] Imprimer { $count } lettre
   *[other] Imprimer { $count } lettres
}

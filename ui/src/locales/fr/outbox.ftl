## The outbox, sending e-mails from Today, and the background sender's notices.

outbox-title = Boîte d’envoi
outbox-subtitle = Les relances par e-mail que Kindly a envoyées ou s’apprête à envoyer.
outbox-tabs-label = Afficher
outbox-tab-all = Tous
outbox-tab-attention = À décider
outbox-tab-queued = En attente
outbox-tab-sent = Envoyés
outbox-tab-withdrawn = Retirés
outbox-empty-attention = Rien n’attend votre décision. Chaque message est parti ou en route.
outbox-empty = Aucun message ici pour le moment.
# { $today } is a link to the Today screen, worded by outbox-empty-hint-today.
outbox-empty-hint = Les relances que vous envoyez depuis { $today } apparaissent ici.
outbox-empty-hint-today = Aujourd’hui
outbox-loading = Chargement de la boîte d’envoi…
outbox-list-label = Messages
outbox-to = À
outbox-more = Afficher plus ({ $count } restants)

outbox-action-confirm = Il est arrivé – marquer comme envoyé
outbox-action-send-again = Renvoyer
outbox-action-try-again = Réessayer
outbox-action-withdraw = Retirer

outbox-status-retry = Nouvel essai le { $at }
outbox-status-waiting = En attente d’envoi
outbox-status-sending = En cours d’envoi
outbox-status-sent = Envoyé le { $at }
outbox-status-uncertain = Peut-être envoyé le { $at }
outbox-status-failed = Non envoyé : attend votre décision
outbox-status-withdrawn = Retiré, non envoyé

## Sending: the progress of a batch and its result.

outbox-progress-sending = Envoi { $current } sur { $total } – à { $to }
outbox-progress-done = { $done } sur { $total } traités
outbox-progress-with-outcomes = { $progress } : { $outcomes }
outbox-outcome-sent = { $count ->
    [one] { $count } envoyé
   *[other] { $count } envoyés
}
outbox-outcome-failed = { $count ->
    [one] { $count } en échec
   *[other] { $count } en échec
}
outbox-outcome-uncertain = { $count ->
    [one] { $count } peut-être envoyé
   *[other] { $count } peut-être envoyés
}
outbox-outcome-retrying = { $count ->
    [one] { $count } sera réessayé
   *[other] { $count } seront réessayés
}
outbox-outcome-withdrawn = { $count ->
    [one] { $count } retiré
   *[other] { $count } retirés
}
outbox-report-outcomes = E-mails : { $outcomes }.
outbox-report-nothing = Aucun e-mail n’a été envoyé.
outbox-report-recovered = { $count ->
    [one] { $count } message a été interrompu plus tôt ; voyez la boîte d’envoi.
   *[other] { $count } messages ont été interrompus plus tôt ; voyez la boîte d’envoi.
}
outbox-report-look = Veuillez consulter la boîte d’envoi.
outbox-stopped = Envoi interrompu : { $message }
outbox-skipped-invoices = { $invoices } : { $message }
outbox-skipped-heading = { $count ->
    [one] { $count } message n’a pas été mis dans la boîte d’envoi :
   *[other] { $count } messages n’ont pas été mis dans la boîte d’envoi :
}

## Today's "Send all e-mails".

outbox-send-section = Relances par e-mail
outbox-setup-text = Kindly peut envoyer ces relances depuis votre propre compte e-mail.
outbox-setup-link = Configurer l’e-mail dans les Réglages
outbox-send-all = Envoyer tous les e-mails
outbox-send-all-count = Envoyer tous les e-mails ({ $count })
outbox-send-all-busy = Envoi des e-mails…
outbox-send-all-none = Aucun e-mail n’est prévu aujourd’hui.
outbox-send-all-title = { $messages ->
        [one] { $messages } nouveau message
       *[other] { $messages } nouveaux messages
    } pour { $invoices ->
        [one] { $invoices } facture
       *[other] { $invoices } factures
    }
outbox-send-all-title-waiting = { $messages ->
        [one] { $messages } nouveau message
       *[other] { $messages } nouveaux messages
    } pour { $invoices ->
        [one] { $invoices } facture
       *[other] { $invoices } factures
    }, plus { $waiting ->
        [one] { $waiting } message qui attend déjà dans la boîte d’envoi
       *[other] { $waiting } messages qui attendent déjà dans la boîte d’envoi
    }
outbox-send-stopping = Arrêt après ce message…
outbox-send-cancel = Annuler
outbox-attention-link = { $count ->
    [one] { $count } e-mail attend votre décision dans la boîte d’envoi
   *[other] { $count } e-mails attendent votre décision dans la boîte d’envoi
}
outbox-progress-label = E-mails envoyés
outbox-preparing-label = Préparation des e-mails
outbox-preparing = Préparation des e-mails…
outbox-check-settings = Vérifier les réglages e-mail
outbox-confirm-title = { $count ->
    [one] Envoyer { $count } e-mail maintenant ?
   *[other] Envoyer { $count } e-mails maintenant ?
}
outbox-confirm-send = { $count ->
    [one] Envoyer { $count } e-mail
   *[other] Envoyer { $count } e-mails
}
outbox-confirm-text = Kindly enverra { $messages ->
        [one] { $messages } nouveau message
       *[other] { $messages } nouveaux messages
    } (un par client, pour { $invoices ->
        [one] { $invoices } facture
       *[other] { $invoices } factures
    }) depuis votre compte e-mail, et consignera chacun dans l’historique du client.
outbox-confirm-text-waiting = Kindly enverra { $messages ->
        [one] { $messages } nouveau message
       *[other] { $messages } nouveaux messages
    } (un par client, pour { $invoices ->
        [one] { $invoices } facture
       *[other] { $invoices } factures
    }) et { $waiting ->
        [one] { $waiting } message qui attend déjà dans la boîte d’envoi
       *[other] { $waiting } messages qui attendent déjà dans la boîte d’envoi
    } depuis votre compte e-mail, et consignera chacun dans l’historique du client.

## "Send e-mail" for one message.

outbox-send-one = Envoyer l’e-mail
outbox-send-one-busy = Envoi…
outbox-setup-short = Configurer l’e-mail

## The background sender's problem.

outbox-background-what = Les e-mails en attente n’ont pas pu être envoyés en arrière-plan : { $message }
outbox-background-again-hours = Kindly réessaiera de lui-même dans environ { $hours } h ; vous pouvez aussi envoyer maintenant depuis Aujourd’hui.
outbox-background-again-minutes = Kindly réessaiera de lui-même dans { $minutes } min ; vous pouvez aussi envoyer maintenant depuis Aujourd’hui.
outbox-background-todo-auth = Vérifiez le nom d’utilisateur et le mot de passe dans Réglages → E-mail (beaucoup de fournisseurs exigent un mot de passe d’application).
outbox-background-todo-password = Saisissez le mot de passe de votre messagerie dans Réglages → E-mail.
outbox-background-todo-keychain-locked = Déverrouillez le trousseau de votre système (par exemple en vous reconnectant), puis envoyez depuis Aujourd’hui.
outbox-background-todo-keychain = Kindly ne conserve le mot de passe que dans le trousseau du système : démarrez-le (sous Linux : GNOME Keyring ou KWallet), puis envoyez depuis Aujourd’hui.
outbox-background-todo-connection = Vérifiez votre connexion Internet ainsi que le nom et le port du serveur dans Réglages → E-mail. Rien n’a été envoyé et rien n’est perdu.
outbox-background-todo-settings = Vérifiez les réglages e-mail, puis envoyez-y l’e-mail de test.
outbox-background-todo-other = Vos e-mails restent dans la boîte d’envoi. Si cela se reproduit, redémarrez Kindly ; le fichier journal du dossier de données contient les détails.
outbox-background-settings = Ouvrir les réglages e-mail
outbox-background-dismiss = Masquer
outbox-background-dismiss-label = Masquer cet avis

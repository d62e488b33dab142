## The desktop around the window: the native menu, its shortcuts, notifications.

desktop-menu-file = Fichier
desktop-menu-edit = Édition
desktop-menu-go = Aller à
desktop-menu-window = Fenêtre
desktop-new-client = Nouveau client…
desktop-new-invoice = Nouvelle facture
desktop-record-payment = Enregistrer un paiement…
desktop-today = Aujourd’hui
desktop-search = Rechercher
desktop-settings = Réglages…
desktop-quit = Quitter Kindly
desktop-undo = Annuler
desktop-redo = Rétablir
desktop-cut = Couper
desktop-copy = Copier
desktop-paste = Coller
desktop-select-all = Tout sélectionner
desktop-minimize = Réduire
desktop-close-window = Fermer la fenêtre
desktop-notice-title = Kindly
desktop-notice-emails = Vos e-mails ont été envoyés.
desktop-notice-letters = Vos lettres sont prêtes à imprimer.
desktop-notice-bank = Le relevé bancaire a été lu.
desktop-notice-import = L’import est terminé.
desktop-notice-backup = La sauvegarde est faite.
desktop-notice-failed = Une tâche n’a pas pu aboutir. Ouvrez Kindly pour en connaître la raison.
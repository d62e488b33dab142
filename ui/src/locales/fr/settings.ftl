## Settings.

settings-language-title = Langue
settings-language-label = Langue des écrans de Kindly
settings-language-system = Comme l’ordinateur
settings-language-hint = Les lettres et e-mails utilisent la langue de chaque client.

## Settings pages, each with one Save; leaving unsaved edits asks first.

settings-title = Réglages
settings-pages = Rubriques des réglages
settings-page-business = Entreprise
settings-page-payment = Moyens de paiement
settings-page-email = E-mail
settings-page-backup = Sauvegardes
settings-page-language = Langue
settings-saving = Enregistrement…
settings-loading = Chargement…
settings-cancel = Annuler
settings-leave-title = Enregistrer vos modifications ?
settings-leave-text = Vous avez modifié « { $page } » sans enregistrer. Voulez-vous enregistrer les modifications, les abandonner ou rester sur cette page ?
settings-leave-save = Enregistrer
settings-leave-discard = Abandonner les modifications
settings-leave-stay = Rester
settings-about-title = À propos de Kindly
settings-data-stored = Vos données sont enregistrées dans { $path }

## Business

settings-business-title = Entreprise
settings-business-name = Nom de l’entreprise
settings-business-address = Adresse postale
settings-business-address-hint = Le bloc expéditeur de vos lettres et factures.
settings-business-email = E-mail
settings-business-phone = Téléphone
settings-business-tax-id = Numéro de TVA ou SIREN
settings-business-currency = Devise par défaut
settings-business-locale = Langue et formats
settings-business-terms = Délai de paiement (jours)
settings-business-signature = Signature
settings-business-signature-hint = Les dernières lignes de vos lettres et e-mails, par exemple votre nom et votre numéro de téléphone.
settings-number-pattern = Modèle du numéro de facture
settings-next-number = Prochain numéro de facture : { $number } (mis à jour à l’enregistrement).
settings-next-sequence = Prochain numéro de séquence
settings-business-saved = Réglages enregistrés.
settings-business-save = Enregistrer les réglages

## Ways to pay

settings-pm-title = Moyens de paiement
settings-pm-lead = Kindly les indique dans vos lettres et e-mails pour que vos clients sachent comment vous payer.
settings-pm-bank = Virement bancaire
settings-pm-holder = Titulaire du compte
settings-pm-iban = IBAN
settings-pm-bic = BIC
settings-pm-account = Numéro de compte
settings-pm-routing = Code banque / sort code
settings-pm-online = En ligne
settings-pm-card = Lien de paiement par carte
settings-pm-paypal = Lien PayPal
settings-pm-paypal-placeholder = https://paypal.me/…
settings-pm-other = Autres
settings-pm-cheque = Chèques à l’ordre de
settings-pm-cheque-placeholder = Laissez vide si vous n’acceptez pas les chèques
settings-pm-cash = J’accepte les espèces
settings-pm-installments = Proposer un paiement en plusieurs fois
settings-pm-saved = Moyens de paiement enregistrés.
settings-pm-save = Enregistrer les moyens de paiement

## E-mail

settings-email-title = E-mail
settings-email-lead = Kindly envoie vos relances depuis votre propre compte e-mail. Votre mot de passe est conservé uniquement dans le trousseau de votre système, jamais dans les fichiers de Kindly.
settings-email-host = Serveur d’envoi (SMTP)
settings-email-host-placeholder = smtp.example.com
settings-email-port = Port
settings-email-security = Sécurité
settings-email-plain-warning = Sans chiffrement, votre mot de passe et vos messages circulent lisibles par n’importe qui sur le réseau. Ne choisissez cette option que pour un relais de messagerie installé sur cet ordinateur (hôte « localhost »).
settings-email-username = Nom d’utilisateur
settings-email-password = Mot de passe
settings-email-password-saved = Enregistré dans le trousseau de votre système. Laissez vide pour le conserver.
settings-email-password-none = Aucun mot de passe enregistré pour l’instant.
settings-email-forget = Oublier le mot de passe
settings-email-forgetting = Suppression…
settings-email-from-name = Nom de l’expéditeur
settings-email-from-address = Adresse de l’expéditeur
settings-email-reply-to = Adresse de réponse (facultatif)
settings-email-reply-to-hint = L’adresse où arrivent les réponses de vos clients, si ce n’est pas celle de l’expéditeur.
settings-email-bcc-self = M’envoyer une copie de chaque relance (Cci à mon adresse d’expéditeur)
settings-email-advanced = Options avancées
settings-email-cert = Certificat de confiance (facultatif)
settings-email-cert-hint = Uniquement si votre serveur utilise sa propre autorité de certification : collez son certificat (PEM, commençant par -----BEGIN CERTIFICATE-----).
settings-email-timeout = Cesser d’attendre le serveur après (secondes)
settings-email-saved = Réglages e-mail enregistrés.
settings-email-save = Enregistrer les réglages e-mail
settings-email-check = Vérifier les réglages
settings-email-test-to = Envoyer un e-mail de test à (facultatif)
settings-email-test-to-placeholder = votre adresse d’expéditeur
settings-email-test = Envoyer un e-mail de test
settings-email-testing = Envoi du test…
settings-email-test-sent = E-mail de test envoyé à { $to }. Réponse du serveur :
settings-email-test-failed = Non envoyé : { $message }
settings-email-loading = Chargement des réglages e-mail…

## Backups

settings-backup-title = Sauvegardes
settings-backup-lead = Une sauvegarde est un seul fichier contenant votre base de données et toutes les lettres, tous les e-mails et toutes les numérisations que conserve Kindly, chacun vérifié par son SHA-256 lors de la restauration. Conservez-les sur un autre disque ou dans un dossier synchronisé.
settings-backup-pick-folder = Choisir le dossier des sauvegardes de Kindly
settings-backup-folder = Les sauvegardes vont dans
settings-backup-folder-default = (le dossier par défaut, à côté de vos données)
settings-backup-choose = Choisir un dossier…
settings-backup-choosing = Choix en cours…
settings-backup-now = Sauvegarder maintenant
settings-backup-running = Sauvegarde en cours…
settings-backup-auto = Sauvegarder automatiquement chaque jour (les 7 derniers jours et les 4 dernières semaines sont conservés)
settings-backup-last = Dernière sauvegarde : { $when } —
settings-backup-none = Aucune sauvegarde pour l’instant.
settings-backup-made = { $count ->
    [one] { $count } fichier sauvegardé dans { $path }.
   *[other] { $count } fichiers sauvegardés dans { $path }.
}
settings-backup-failed = La sauvegarde automatique du { $when } a échoué : { $message }
settings-restore-lead = Restaurer remplace les données sur lesquelles vous travaillez par une sauvegarde. Vos données actuelles sont d’abord sauvegardées et conservées : rien n’est perdu.
settings-restore-pick = Restaurer une sauvegarde…
settings-restore-done = { $clients ->
    [one] { $clients } client restauré
   *[other] { $clients } clients restaurés
    } et { $invoices ->
    [one] { $invoices } facture restaurée
   *[other] { $invoices } factures restaurées
    } depuis la sauvegarde du { $when }. Vos données précédentes ont été sauvegardées dans { $path }. Kindly redémarre…
settings-restore-title = Restaurer cette sauvegarde ?
settings-restore-explain = Kindly vérifie la sauvegarde, sauvegarde d’abord vos données actuelles, puis redémarre et travaille sur les données restaurées. Vos données actuelles sont conservées dans un dossier à côté.
settings-restore-running = Restauration…
settings-restore-confirm = Sauvegarder les données actuelles et restaurer
settings-page-database = Base d’équipe
settings-team-title = Base de données d’équipe
settings-team-intro = Kindly tient vos comptes dans un fichier de données sur cet ordinateur. Une équipe peut plutôt partager une base PostgreSQL : chaque personne connectée voit les mêmes clients et factures. Certaines parties de Kindly ne fonctionnent pas encore sur une base d’équipe (voir le README).
settings-team-in-use-file = Utilisé : le fichier de données de cet ordinateur { $what }
settings-team-in-use-team = Utilisée : la base d’équipe { $what }
settings-team-chosen-by = Choisi par { $source }.
settings-team-tls = Connexion : { $mode }
settings-team-restart-team = Kindly utilisera la base d’équipe { $what } à son prochain démarrage.
settings-team-restart-file = Kindly utilisera de nouveau le fichier de données de cet ordinateur à son prochain démarrage.
settings-team-url = Adresse de connexion
settings-team-url-hint = postgres://utilisateur@serveur/base, fournie par la personne qui gère le serveur. Sans le mot de passe.
settings-team-password = Mot de passe
settings-team-password-hint = Conservé dans le trousseau de cet ordinateur, jamais dans un fichier. Laissez vide si le serveur n’en demande pas.
settings-team-sslmode = Chiffrement (TLS)
settings-team-ca = Certificat d’autorité de confiance (facultatif)
settings-team-ca-hint = Le chemin complet d’un fichier .pem, si le certificat du serveur est signé par votre propre autorité.
settings-team-connect = Tester et connecter
settings-team-connecting = Connexion…
settings-team-disconnect = Utiliser de nouveau le fichier de cet ordinateur
settings-team-move = Transférer les données de ce dossier
settings-team-moved = { $rows } lignes et { $files } fichiers transférés dans la base d'équipe et tous vérifiés. Kindly l'utilisera au prochain démarrage.
settings-member-title = Votre nom
settings-member-intro = Votre équipe voit ce nom à côté de vos modifications : entrées de l’historique, paiements et modifications des clients et des factures. Il est conservé sur cet ordinateur uniquement.
settings-member-name = Nom
settings-member-save = Enregistrer le nom
settings-member-clear = Retirer le nom
settings-member-saved = Enregistré. Vos prochaines modifications portent ce nom.
settings-member-cleared = Retiré. Vos prochaines modifications ne portent aucun nom.

## Settings.

settings-language-title = Langue
settings-language-label = Langue des écrans de Kindly
settings-language-system = Comme l’ordinateur
settings-language-hint = Les lettres et e-mails utilisent la langue de chaque client.

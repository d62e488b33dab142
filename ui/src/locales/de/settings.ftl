## Settings.

settings-language-title = Sprache
settings-language-label = Sprache der Kindly-Oberfläche
settings-language-system = Wie am Computer eingestellt
settings-language-hint = Briefe und E-Mails verwenden die Sprache des jeweiligen Kunden.

## Settings.

settings-language-title = Language
settings-language-label = Language of Kindly’s screens
settings-language-system = Same as the computer
settings-language-hint = Letters and e-mails use each client’s own language.

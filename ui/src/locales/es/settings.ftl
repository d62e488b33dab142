## Settings.

settings-language-title = Idioma
settings-language-label = Idioma de las pantallas de Kindly
settings-language-system = El mismo que el ordenador
settings-language-hint = Las cartas y los correos usan el idioma de cada cliente.

## Words many screens share: counts, actions, states.

count-invoices = { $count ->
    [one] { $count } Rechnung
   *[other] { $count } Rechnungen
}
count-clients = { $count ->
    [one] { $count } Kunde
   *[other] { $count } Kunden
}
count-payments = { $count ->
    [one] { $count } Zahlung
   *[other] { $count } Zahlungen
}
count-followups = { $count ->
    [one] { $count } Erinnerung
   *[other] { $count } Erinnerungen
}
count-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}

## The default ladder's step names (lib/stages.ts).

stage-default-heads-up = Freundlicher Hinweis
stage-default-reminder = Freundliche Erinnerung
stage-default-follow-up = Höfliche Nachfrage
stage-default-plan-offer = Angebot einer Ratenzahlung
stage-default-final-notice = Letzte freundliche Erinnerung

## Invoice state badges (lib/StateBadge.svelte).

state-part-paid = teilweise bezahlt
state-days-overdue = { $count ->
    [one] { $count } Tag überfällig
   *[other] { $count } Tage überfällig
}
conflict-client-named = { $name } hat diesen Kunden um { $time } geändert. Von Ihren Änderungen wurde nichts gespeichert; laden Sie neu, um die Änderung zu sehen, und nehmen Sie Ihre dann erneut vor.
conflict-client-someone = Jemand anderes hat diesen Kunden um { $time } geändert. Von Ihren Änderungen wurde nichts gespeichert; laden Sie neu, um die Änderung zu sehen, und nehmen Sie Ihre dann erneut vor.
conflict-invoice-named = { $name } hat diese Rechnung um { $time } geändert. Von Ihren Änderungen wurde nichts gespeichert; laden Sie neu, um die Änderung zu sehen, und nehmen Sie Ihre dann erneut vor.
conflict-invoice-someone = Jemand anderes hat diese Rechnung um { $time } geändert. Von Ihren Änderungen wurde nichts gespeichert; laden Sie neu, um die Änderung zu sehen, und nehmen Sie Ihre dann erneut vor.
conflict-reload = Neu laden
made-by = von { $name }

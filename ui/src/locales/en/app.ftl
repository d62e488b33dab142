## The app's frame: navigation, start-up, notices.

nav-main = Main
nav-overview = Overview
nav-today = Today
nav-clients = Clients
nav-invoices = Invoices
nav-payments = Payments
nav-followups = Follow-up ladder
nav-outbox = Outbox
nav-bank = Bank statements
nav-data = Import and export
nav-settings = Settings
outbox-attention-title = { $count ->
    [one] One message needs your decision
   *[other] { $count } messages need your decision
}
outbox-attention-hidden = need your attention
app-version = Kindly { $version }
app-start-failed = Kindly could not start: { $message }
app-opening = Opening your books…
notice-ok = OK

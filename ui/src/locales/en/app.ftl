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

## Lists

list-loading = Loading…
list-search = Search
list-sort = Sort
list-active-filters = Active filters
list-remove-filter = Remove filter { $filter }
list-clear-filters = Clear filters
file-open = Open
file-save-copy = Save a copy…
file-copy-saved = Copy saved.
app-restore-done = Your backup was restored and is the data in use now. The data you used before is kept in { $path }.
app-restore-failed = The restore could not be completed, so the data in use is unchanged: { $problem }
app-server-away = The team database at { $host } cannot be reached. Nothing was saved; sending is paused until it is back.
app-server-away-nohost = The team database cannot be reached. Nothing was saved; sending is paused until it is back.
app-server-away-retry = Retry
app-server-away-retrying = Trying…

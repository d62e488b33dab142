## The outbox, sending e-mails from Today, and the background sender's notices.

outbox-title = Outbox
outbox-subtitle = The reminder e-mails Kindly has sent or is about to send.
outbox-tabs-label = Show
outbox-tab-all = All
outbox-tab-attention = Needs attention
outbox-tab-queued = Queued
outbox-tab-sent = Sent
outbox-tab-withdrawn = Withdrawn
outbox-empty-attention = Nothing needs your attention. Every message went out or is on its way.
outbox-empty = No messages here yet.
# { $today } is a link to the Today screen, worded by outbox-empty-hint-today.
outbox-empty-hint = Reminders you send from { $today } appear here.
outbox-empty-hint-today = Today
outbox-loading = Loading the outbox…
outbox-list-label = Messages
outbox-to = To
outbox-more = Show more ({ $count } left)

outbox-action-confirm = It arrived — mark as sent
outbox-action-send-again = Send again
outbox-action-try-again = Try again
outbox-action-withdraw = Withdraw

outbox-status-retry = Will try again at { $at }
outbox-status-waiting = Waiting to be sent
outbox-status-sending = Being sent now
outbox-status-sent = Sent { $at }
outbox-status-uncertain = May have been sent at { $at }
outbox-status-failed = Not sent: needs your decision
outbox-status-withdrawn = Withdrawn, not sent

## Sending: the progress of a batch and its result.

outbox-progress-sending = Sending { $current } of { $total } — to { $to }
outbox-progress-done = { $done } of { $total } done
outbox-progress-with-outcomes = { $progress }: { $outcomes }
outbox-outcome-sent = { $count } sent
outbox-outcome-failed = { $count } failed
outbox-outcome-uncertain = { $count } may have been sent
outbox-outcome-retrying = { $count } will be retried
outbox-outcome-withdrawn = { $count } withdrawn
outbox-report-outcomes = E-mails: { $outcomes }.
outbox-report-nothing = No e-mails were sent.
outbox-report-recovered = { $count ->
    [one] One message was interrupted earlier; see the outbox.
   *[other] { $count } messages were interrupted earlier; see the outbox.
}
outbox-report-look = Please look at the outbox.
outbox-stopped = Sending stopped: { $message }
outbox-skipped-invoices = { $invoices }: { $message }
outbox-skipped-heading = { $count ->
    [one] One message was not queued:
   *[other] { $count } messages were not queued:
}

## Today's "Send all e-mails".

outbox-send-section = E-mail reminders
outbox-setup-text = Kindly can send these reminders from your own e-mail account.
outbox-setup-link = Set up e-mail in Settings
outbox-send-all = Send all e-mails
outbox-send-all-count = Send all e-mails ({ $count })
outbox-send-all-busy = Sending e-mails…
outbox-send-all-none = No e-mails are due today.
outbox-send-all-title = { $messages ->
        [one] { $messages } new message
       *[other] { $messages } new messages
    } about { $invoices ->
        [one] { $invoices } invoice
       *[other] { $invoices } invoices
    }
outbox-send-all-title-waiting = { $messages ->
        [one] { $messages } new message
       *[other] { $messages } new messages
    } about { $invoices ->
        [one] { $invoices } invoice
       *[other] { $invoices } invoices
    }, plus { $waiting ->
        [one] { $waiting } message
       *[other] { $waiting } messages
    } already waiting in the outbox
outbox-send-stopping = Stopping after this message…
outbox-send-cancel = Cancel
outbox-attention-link = { $count ->
    [one] One e-mail needs your decision in the outbox
   *[other] { $count } e-mails need your decision in the outbox
}
outbox-progress-label = E-mails sent
outbox-preparing-label = Preparing e-mails
outbox-preparing = Preparing the e-mails…
outbox-check-settings = Check the e-mail settings
outbox-confirm-title = { $count ->
    [one] Send { $count } e-mail now?
   *[other] Send { $count } e-mails now?
}
outbox-confirm-send = { $count ->
    [one] Send { $count } e-mail
   *[other] Send { $count } e-mails
}
outbox-confirm-text = Kindly will send { $messages ->
        [one] { $messages } new message
       *[other] { $messages } new messages
    } (one per client, about { $invoices ->
        [one] { $invoices } invoice
       *[other] { $invoices } invoices
    }) from your e-mail account, and record each in the client’s timeline.
outbox-confirm-text-waiting = Kindly will send { $messages ->
        [one] { $messages } new message
       *[other] { $messages } new messages
    } (one per client, about { $invoices ->
        [one] { $invoices } invoice
       *[other] { $invoices } invoices
    }) and { $waiting ->
        [one] { $waiting } message
       *[other] { $waiting } messages
    } already waiting in the outbox from your e-mail account, and record each in the client’s timeline.

## "Send e-mail" for one message.

outbox-send-one = Send e-mail
outbox-send-one-busy = Sending…
outbox-setup-short = Set up e-mail

## The background sender's problem.

outbox-background-what = Queued e-mails could not be sent in the background: { $message }
outbox-background-again-hours = Kindly tries again by itself in about { $hours } h, or send now from Today.
outbox-background-again-minutes = Kindly tries again by itself in { $minutes } min, or send now from Today.
outbox-background-todo-auth = Check the user name and password in Settings → E-mail (many providers need an app password).
outbox-background-todo-password = Enter your e-mail password in Settings → E-mail.
outbox-background-todo-keychain-locked = Unlock your system keychain (for example by logging in again), then send from Today.
outbox-background-todo-keychain = Kindly keeps the password only in the system keychain: start it (on Linux: GNOME Keyring or KWallet), then send from Today.
outbox-background-todo-connection = Check your internet connection and the server name and port in Settings → E-mail. Nothing was sent and nothing is lost.
outbox-background-todo-settings = Check the e-mail settings, then send the test e-mail there.
outbox-background-todo-other = Your e-mails stay in the outbox. If this keeps happening, restart Kindly; the log file in the data folder has the details.
outbox-background-settings = Open the e-mail settings
outbox-background-dismiss = Dismiss
outbox-background-dismiss-label = Dismiss this notice

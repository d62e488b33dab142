## Settings.

settings-language-title = Language
settings-language-label = Language of Kindly’s screens
settings-language-system = Same as the computer
settings-language-hint = Letters and e-mails use each client’s own language.

## Settings pages, each with one Save; leaving unsaved edits asks first.

settings-title = Settings
settings-pages = Settings pages
settings-page-business = Business
settings-page-payment = Ways to pay
settings-page-email = E-mail
settings-page-backup = Backups
settings-page-language = Language
settings-saving = Saving…
settings-loading = Loading…
settings-cancel = Cancel
settings-leave-title = Save your changes?
settings-leave-text = You changed “{ $page }” without saving. Save the changes, discard them, or stay on this page?
settings-leave-save = Save
settings-leave-discard = Discard changes
settings-leave-stay = Stay
settings-about-title = About
settings-data-stored = Your data is stored in { $path }

## Business

settings-business-title = Business
settings-business-name = Business name
settings-business-address = Postal address
settings-business-address-hint = The sender block of your letters and invoices.
settings-business-email = E-mail
settings-business-phone = Phone
settings-business-tax-id = VAT or tax number
settings-business-currency = Default currency
settings-business-locale = Language and formats
settings-business-terms = Payment terms (days)
settings-business-signature = Signature
settings-business-signature-hint = The closing lines of your letters and e-mails, e.g. your name and phone number.
settings-number-pattern = Invoice number pattern
settings-next-number = Next invoice number: { $number } (updated when you save).
settings-next-sequence = Next sequence number
settings-business-saved = Settings saved.
settings-business-save = Save settings

## Ways to pay

settings-pm-title = Ways to pay
settings-pm-lead = Kindly adds these to your letters and e-mails so clients know how to pay you.
settings-pm-bank = Bank transfer
settings-pm-holder = Account holder
settings-pm-iban = IBAN
settings-pm-bic = BIC
settings-pm-account = Account number
settings-pm-routing = Routing number / sort code
settings-pm-online = Online
settings-pm-card = Card payment link
settings-pm-paypal = PayPal link
settings-pm-paypal-placeholder = https://paypal.me/…
settings-pm-other = Other
settings-pm-cheque = Cheques payable to
settings-pm-cheque-placeholder = Leave empty if you do not accept cheques
settings-pm-cash = I accept cash
settings-pm-installments = Offer to split the amount into instalments
settings-pm-saved = Ways to pay saved.
settings-pm-save = Save ways to pay

## E-mail

settings-email-title = E-mail
settings-email-lead = Kindly sends your reminders from your own e-mail account. Your password is kept only in your system keychain, never in Kindly’s files.
settings-email-host = Outgoing mail server (SMTP)
settings-email-host-placeholder = smtp.example.com
settings-email-port = Port
settings-email-security = Security
settings-email-plain-warning = Without encryption your password and messages travel readable by anyone on the network. Choose this only for a mail relay running on this computer (host “localhost”).
settings-email-username = User name
settings-email-password = Password
settings-email-password-saved = Saved in your system keychain. Leave empty to keep it.
settings-email-password-none = No password saved yet.
settings-email-forget = Forget password
settings-email-forgetting = Forgetting…
settings-email-from-name = From name
settings-email-from-address = From address
settings-email-reply-to = Reply-To (optional)
settings-email-reply-to-hint = Where clients’ replies go, if not to the From address.
settings-email-bcc-self = Send me a copy of every reminder (BCC to my From address)
settings-email-advanced = Advanced
settings-email-cert = Trusted certificate (optional)
settings-email-cert-hint = Only if your server uses its own certificate authority: paste its certificate (PEM, starting with -----BEGIN CERTIFICATE-----).
settings-email-timeout = Give up waiting for the server after (seconds)
settings-email-saved = E-mail settings saved.
settings-email-save = Save e-mail settings
settings-email-check = Check the settings
settings-email-test-to = Send a test e-mail to (optional)
settings-email-test-to-placeholder = your From address
settings-email-test = Send test e-mail
settings-email-testing = Sending test…
settings-email-test-sent = Test e-mail sent to { $to }. The server answered:
settings-email-test-failed = Not sent: { $message }
settings-email-loading = Loading e-mail settings…

## Backups

settings-backup-title = Backups
settings-backup-lead = A backup is one file holding your database and every letter, e-mail and scan Kindly keeps, each checked by its SHA-256 when restored. Keep them on another drive or a synced folder.
settings-backup-pick-folder = Choose the folder for Kindly’s backups
settings-backup-folder = Backups go to
settings-backup-folder-default = (the default, beside your data)
settings-backup-choose = Choose folder…
settings-backup-choosing = Choosing…
settings-backup-now = Back up now
settings-backup-running = Backing up…
settings-backup-auto = Back up automatically every day (the last 7 days and 4 weeks are kept)
settings-backup-last = Last backup: { $when } —
settings-backup-none = No backup yet.
settings-backup-made = { $count ->
    [one] Backed up { $count } file to { $path }.
   *[other] Backed up { $count } files to { $path }.
}
settings-backup-failed = The automatic backup of { $when } failed: { $message }
settings-restore-lead = Restoring replaces the data you work on with a backup. Your current data is backed up first and kept, so nothing is lost.
settings-restore-pick = Restore from a backup…
settings-restore-done = Restored { $clients ->
    [one] { $clients } client
   *[other] { $clients } clients
    } and { $invoices ->
    [one] { $invoices } invoice
   *[other] { $invoices } invoices
    } from the backup of { $when }. Your previous data was backed up to { $path }. Kindly restarts now…
settings-restore-title = Restore this backup?
settings-restore-explain = Kindly checks the backup, backs up your current data first, then restarts and works on the restored data. Your current data is kept in a folder beside it.
settings-restore-running = Restoring…
settings-restore-confirm = Back up current data and restore
settings-page-database = Team database
settings-team-title = Team database
settings-team-intro = Kindly keeps your books in a data file on this computer. A team can share one PostgreSQL database instead: everyone connected sees the same clients and invoices. Some parts of Kindly do not work on a team database yet (see the README).
settings-team-in-use-file = In use: this computer's data file { $what }
settings-team-in-use-team = In use: the team database { $what }
settings-team-chosen-by = Chosen by { $source }.
settings-team-tls = Connection: { $mode }
settings-team-restart-team = Kindly uses the team database { $what } when you start it again.
settings-team-restart-file = Kindly uses this computer's data file again when you start it again.
settings-team-url = Connection address
settings-team-url-hint = postgres://user@server/database, from whoever runs the server. Without the password.
settings-team-password = Password
settings-team-password-hint = Kept in this computer's keychain, never in a file. Leave empty if the server does not ask for one.
settings-team-sslmode = Encryption (TLS)
settings-team-ca = CA certificate to trust (optional)
settings-team-ca-hint = The full path of a .pem file, when the server's certificate is signed by your own authority.
settings-team-connect = Test and connect
settings-team-connecting = Connecting…
settings-team-disconnect = Use this computer's data file again
settings-team-move = Move this folder's data in
settings-team-moved = Moved { $rows } rows and { $files } files into the team database and checked every one. Kindly uses it when you start it again.
settings-member-title = Your name
settings-member-intro = Your team sees this name next to your changes: timeline entries, payments and edits of clients and invoices. It is kept on this computer only.
settings-member-name = Name
settings-member-save = Save name
settings-member-clear = Remove name
settings-member-saved = Saved. Your next changes carry this name.
settings-member-cleared = Removed. Your next changes carry no name.

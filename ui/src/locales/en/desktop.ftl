## The desktop around the window: the native menu, its shortcuts, notifications.

desktop-menu-file = File
desktop-menu-edit = Edit
desktop-menu-go = Go
desktop-menu-window = Window
desktop-new-client = New client…
desktop-new-invoice = New invoice
desktop-record-payment = Record payment…
desktop-today = Today
desktop-search = Search
desktop-settings = Settings…
desktop-quit = Quit Kindly
desktop-undo = Undo
desktop-redo = Redo
desktop-cut = Cut
desktop-copy = Copy
desktop-paste = Paste
desktop-select-all = Select all
desktop-minimize = Minimize
desktop-close-window = Close window
desktop-notice-title = Kindly
desktop-notice-emails = Your e-mails have been sent.
desktop-notice-letters = Your letters are ready to print.
desktop-notice-bank = The bank statement has been read.
desktop-notice-import = The import is finished.
desktop-notice-backup = The backup is done.
desktop-notice-failed = A task could not finish. Open Kindly to see why.
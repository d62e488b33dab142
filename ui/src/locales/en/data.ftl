## Import and export: CSV import and export, e-invoices issued elsewhere, the JSON archive.

data-archive-title = Everything as one JSON archive
data-archive-intro = Clients, invoices, payments, the timeline, plans, promises, e-mails, letters and bank entries, in one file other tools can read. Passwords are never in it.
data-saving = Saving…
data-archive-save = Save the archive…
data-archive-saved = { $count ->
    [one] Saved { $count } record to { $path }.
   *[other] Saved { $count } records to { $path }.
}
data-einvoice-title = E-invoices issued elsewhere
data-einvoice-intro = Factur-X or ZUGFeRD PDFs and XRechnung or Peppol XML files become invoices to chase; the original file is kept as evidence. Importing a file again adds nothing.
data-importing = Importing…
data-einvoice-choose = Choose an e-invoice…
data-einvoice-drop = Or drop one or more files here.
data-einvoice-summary = { $imported } imported, { $already } already there, { $refused } refused.
data-einvoice-open = Open invoice { $number }
data-export-clients = Export clients…
data-export-invoices = Export invoices…
data-export-payments = Export payments…
data-export-timeline = Export timeline…
data-title = Import and export
data-import-title = Import a CSV file
data-import-intro = Clients, invoices or payments from another tool. Choose the file, or drop it on this page.
data-import-kind = What the file holds
data-import-from = From
data-import-detect = Detect from the columns
data-import-choose = Choose a CSV file…
data-mapping-title = How Kindly reads the file
data-mapping-detected = The columns look like an export of { $tool }.
data-mapping-encoding = Encoding
data-mapping-delimiter = Delimiter
data-delimiter-comma = Comma ,
data-delimiter-semicolon = Semicolon ;
data-delimiter-tab = Tab
data-delimiter-bar = Bar |
data-mapping-decimal = Decimal separator
data-mapping-date-format = Date format
data-mapping-currency = Currency when the file names none
data-mapping-field = Kindly field
data-mapping-column = Column of the file
data-mapping-not-in-file = (not in the file)
data-mapping-column-n = Column { $n }
data-preview = The first rows of the file
data-dry-run = Dry run
data-dry-run-summary = { $count ->
    [one] { $count } row read: { $summary }.
   *[other] { $count } rows read: { $summary }.
}
data-ignored-columns = Ignored columns: { $columns }.
data-problem-row = Row
data-problem-column = Column
data-problem-value = Value
data-problem-problem = Problem
data-problems-hint = Nothing is imported while there are problems: fix the mapping above, or the file, and the dry run runs again.
data-import-apply = Import
data-import-done = Imported: { $clients } clients, { $invoices } invoices, { $payments } payments ({ $summary }).
data-export-title = Export as CSV
data-export-intro = Spreadsheet-safe CSV files, in the columns Kindly's import reads back.
data-exported = { $count ->
    [one] { $kind }: { $count } row saved to { $path }
   *[other] { $kind }: { $count } rows saved to { $path }
}
data-summary = { $new } new, { $already } already in Kindly
data-summary-problems = { $problems ->
    [one] { $new } new, { $already } already in Kindly, { $problems } problem
   *[other] { $new } new, { $already } already in Kindly, { $problems } problems
}
data-einvoice-imported = { $file }: invoice { $number } for { $created ->
    [new] new client { $client }
   *[known] { $client }
}, { $total } due { $due }.
data-einvoice-already = { $file }: invoice { $number } is already there, imported from { $how ->
    [same] this file
   *[other] { $earlier } (the same seller and number)
} on { $on }; nothing was added.

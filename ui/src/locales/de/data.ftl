## Import and export: CSV import and export, e-invoices issued elsewhere, the JSON archive.

data-archive-title = Alles als ein JSON-Archiv
data-archive-intro = Kunden, Rechnungen, Zahlungen, Verlauf, Ratenpläne, Zusagen, E-Mails, Briefe und Bankbuchungen in einer Datei, die andere Programme lesen können. Passwörter sind nie darin enthalten.
data-saving = Wird gespeichert…
data-archive-save = Archiv speichern…
data-archive-saved = { $count ->
    [one] { $count } Datensatz in { $path } gespeichert.
   *[other] { $count } Datensätze in { $path } gespeichert.
}
data-einvoice-title = Anderswo ausgestellte E-Rechnungen
data-einvoice-intro = Factur-X- oder ZUGFeRD-PDFs und XRechnung- oder Peppol-XML-Dateien werden zu Rechnungen, an die Kindly erinnern kann; die Originaldatei wird als Beleg aufbewahrt. Eine Datei erneut zu importieren, fügt nichts hinzu.
data-importing = Wird importiert…
data-einvoice-choose = E-Rechnung auswählen…
data-einvoice-drop = Oder ziehen Sie eine oder mehrere Dateien hierher.
data-einvoice-summary = Importiert: { $imported }, schon vorhanden: { $already }, abgelehnt: { $refused }.
data-einvoice-open = Rechnung { $number } öffnen
data-export-clients = Kunden exportieren…
data-export-invoices = Rechnungen exportieren…
data-export-payments = Zahlungen exportieren…
data-export-timeline = Verlauf exportieren…
data-title = Import und Export
data-import-title = CSV-Datei importieren
data-import-intro = Kunden, Rechnungen oder Zahlungen aus einem anderen Programm. Wählen Sie die Datei aus oder ziehen Sie sie auf diese Seite.
data-import-kind = Inhalt der Datei
data-import-from = Aus
data-import-detect = Anhand der Spalten erkennen
data-import-choose = CSV-Datei auswählen…
data-mapping-title = So liest Kindly die Datei
data-mapping-detected = Die Spalten sehen nach einem Export aus { $tool } aus.
data-mapping-encoding = Zeichenkodierung
data-mapping-delimiter = Trennzeichen
data-delimiter-comma = Komma ,
data-delimiter-semicolon = Semikolon ;
data-delimiter-tab = Tabulator
data-delimiter-bar = Senkrechter Strich |
data-mapping-decimal = Dezimaltrennzeichen
data-mapping-date-format = Datumsformat
data-mapping-currency = Währung, wenn die Datei keine nennt
data-mapping-field = Feld in Kindly
data-mapping-column = Spalte der Datei
data-mapping-not-in-file = (nicht in der Datei)
data-mapping-column-n = Spalte { $n }
data-preview = Die ersten Zeilen der Datei
data-dry-run = Probelauf
data-dry-run-summary = { $count ->
    [one] { $count } Zeile gelesen: { $summary }.
   *[other] { $count } Zeilen gelesen: { $summary }.
}
data-ignored-columns = Ignorierte Spalten: { $columns }.
data-problem-row = Zeile
data-problem-column = Spalte
data-problem-value = Wert
data-problem-problem = Problem
data-problems-hint = Solange es Probleme gibt, wird nichts importiert: Korrigieren Sie die Zuordnung oben oder die Datei, dann läuft der Probelauf erneut.
data-import-apply = Importieren
data-import-done = Importiert: { $clients ->
        [one] { $clients } Kunde
       *[other] { $clients } Kunden
    }, { $invoices ->
        [one] { $invoices } Rechnung
       *[other] { $invoices } Rechnungen
    }, { $payments ->
        [one] { $payments } Zahlung
       *[other] { $payments } Zahlungen
    } ({ $summary }).
data-export-title = Als CSV exportieren
data-export-intro = Tabellentaugliche CSV-Dateien mit den Spalten, die der Import von Kindly wieder einliest.
data-exported = { $count ->
    [one] { $kind }: { $count } Zeile in { $path } gespeichert
   *[other] { $kind }: { $count } Zeilen in { $path } gespeichert
}
data-summary = { $new } neu, { $already } bereits in Kindly
data-summary-problems = { $problems ->
    [one] { $new } neu, { $already } bereits in Kindly, { $problems } Problem
   *[other] { $new } neu, { $already } bereits in Kindly, { $problems } Probleme
}
data-einvoice-imported = { $file }: Rechnung { $number } für { $created ->
    [new] den neuen Kunden { $client }
   *[known] { $client }
}, { $total }, fällig am { $due }.
data-einvoice-already = { $file }: Rechnung { $number } ist schon vorhanden, importiert aus { $how ->
    [same] dieser Datei
   *[other] { $earlier } (gleicher Verkäufer, gleiche Nummer)
} am { $on }; nichts wurde hinzugefügt.

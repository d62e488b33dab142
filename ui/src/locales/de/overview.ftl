## The overview: who owes what, since when, and what comes in next.

overview-title = Übersicht
# $day: today's date.
overview-figures-for = Zahlen vom { $day }
overview-reports = Berichte
overview-reports-label = Berichte:
overview-report-aging-csv = Altersstruktur (CSV)
overview-report-aging-pdf = Altersstruktur (PDF)
overview-report-collected-csv = Zahlungseingang pro Monat (CSV)
overview-report-collected-pdf = Zahlungseingang pro Monat (PDF)
# $file: the saved report's file name, shown as a link.
overview-report-saved = Bericht gespeichert als { $file }
overview-empty = Noch schuldet Ihnen niemand etwas.
overview-empty-hint = Sobald Sie Rechnungen stellen, zeigt diese Seite, wer was seit wann schuldet, was in den nächsten Wochen eingehen sollte und welche Erinnerung Ihnen am ehesten zu Ihrem Geld verhilft.
overview-write-invoice = Rechnung schreiben
overview-import = Aus einem anderen Programm importieren
overview-currency = Währung
overview-figures-in = Zahlen in { $currency }
overview-totals = Summen
overview-outstanding = Offen
overview-overdue = Überfällig
overview-dso = Forderungslaufzeit (DSO)
# How the DSO figure is made: "€4,000.00 owed ÷ €9,000.00 invoiced × 90".
overview-dso-sum = { $owed } offen ÷ { $invoiced } berechnet × { $days }
overview-days-to-pay = Durchschnittliche Zahlungsdauer
overview-paid-in-12-months = { $count ->
    [one] { $count } Rechnung in 12 Monaten bezahlt
   *[other] { $count } Rechnungen in 12 Monaten bezahlt
}
overview-days = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
}
overview-how-these = So werden diese Zahlen berechnet
overview-how-this = So wird das berechnet
overview-rule-dso = DSO = heute offene Forderungen ÷ in den letzten 90 Tagen berechneter Betrag × 90. Berechnet heißt: gestellt und nicht storniert, nach Rechnungsdatum, heute und die 89 Tage davor. Keine DSO, wenn in diesen 90 Tagen nichts berechnet wurde.
overview-rule-days-to-pay = Zahlungsdauer = Tage vom Rechnungsdatum bis zu dem Tag, an dem die Rechnung vollständig bezahlt war (das Datum der Zahlung, die sie ausgeglichen hat), gemittelt über die Rechnungen, die in den letzten 12 Monaten vollständig bezahlt wurden (vom Tag nach demselben Datum vor einem Jahr bis heute).
overview-rule-cash-in = Der erwartete Zahlungseingang zählt jede offene Rechnung einmal: an ihrem Fälligkeitsdatum; für den zugesagten Betrag stattdessen am Tag einer offenen Zahlungszusage; und eine Rechnung in einem laufenden Ratenplan stattdessen über die offenen Raten des Plans, an deren Fälligkeitsdaten. Was bereits verspätet ist (überfällig, für einen vergangenen Tag zugesagt, fällige Raten), wird gesondert gezeigt, nie als für nächste Woche erwartet. Gefährdet: der Teil des erwarteten Betrags auf Rechnungen mit einer gebrochenen Zusage oder einem gebrochenen Plan sowie die Raten eines Plans, der im Rückstand ist.
overview-rule-steps = Für jede mindestens einmal erledigte Stufe: wie oft sie erledigt wurde und wie viele dieser Rechnungen am Tag der Stufe oder in den 7 Tagen danach vollständig bezahlt wurden.
overview-aging-title = Altersstruktur: wie lange das Offene schon überfällig ist
overview-aging-caption = Altersstruktur in { $currency }
overview-owed = Offen
overview-invoices = Rechnungen
overview-cash-title = Erwarteter Zahlungseingang
overview-cash-caption = Erwarteter Zahlungseingang in { $currency }, nach Woche und nach Monat
overview-cash-when = Wann
overview-cash-expected = Erwartet
overview-cash-due-dates = Fälligkeiten
overview-cash-promises = Zusagen
overview-cash-installments = Raten
overview-cash-at-risk = Gefährdet
overview-already-late = Bereits verspätet, oben nicht mitgezählt:
overview-months-title = Berechnet und eingegangen, letzte 12 Monate
overview-months-caption = Berechnet und eingegangen pro Monat in { $currency }
overview-month = Monat
overview-invoiced = Berechnet
overview-collected = Eingegangen
overview-steps-title = Welche Erinnerung der Zahlung vorausgeht
overview-steps-empty = In { $currency } wurde noch keine Erinnerung versandt.
overview-steps-caption = Anteil der Rechnungen, die innerhalb von 7 Tagen nach jeder Stufe bezahlt wurden
overview-step = Stufe
overview-steps-done = Erledigt
overview-steps-paid-7 = Innerhalb von 7 Tagen bezahlt
# $paid invoices paid within 7 days, $percent of the steps done.
overview-steps-paid-share = { $paid } ({ $percent } %)
overview-slow-title = Zahlen am langsamsten
overview-slow-empty = In den letzten 12 Monaten wurde keine Rechnung in { $currency } bezahlt.
overview-slow-caption = Kunden mit der längsten durchschnittlichen Zahlungsdauer
overview-client = Kunde
overview-average = Durchschnitt

## Import and export: CSV import and export, e-invoices issued elsewhere, the JSON archive.

data-archive-title = Tout dans une seule archive JSON
data-archive-intro = Clients, factures, paiements, historique, échéanciers, promesses, e-mails, lettres et opérations bancaires, dans un seul fichier lisible par d’autres outils. Les mots de passe n’y figurent jamais.
data-saving = Enregistrement…
data-archive-save = Enregistrer l’archive…
data-archive-saved = { $count ->
    [one] { $count } enregistrement sauvegardé dans { $path }.
   *[other] { $count } enregistrements sauvegardés dans { $path }.
}
data-einvoice-title = Factures électroniques émises ailleurs
data-einvoice-intro = Les PDF Factur-X ou ZUGFeRD et les fichiers XML XRechnung ou Peppol deviennent des factures à relancer ; le fichier d’origine est conservé comme justificatif. Importer à nouveau un fichier n’ajoute rien.
data-importing = Import en cours…
data-einvoice-choose = Choisir une facture électronique…
data-einvoice-drop = Ou déposez un ou plusieurs fichiers ici.
data-einvoice-summary = Importées : { $imported }, déjà présentes : { $already }, refusées : { $refused }.
data-einvoice-open = Ouvrir la facture { $number }
data-export-clients = Exporter les clients…
data-export-invoices = Exporter les factures…
data-export-payments = Exporter les paiements…
data-export-timeline = Exporter l’historique…
data-title = Import et export
data-import-title = Importer un fichier CSV
data-import-intro = Clients, factures ou paiements venant d’un autre outil. Choisissez le fichier ou déposez-le sur cette page.
data-import-kind = Contenu du fichier
data-import-from = Provenance
data-import-detect = Détecter d’après les colonnes
data-import-choose = Choisir un fichier CSV…
data-mapping-title = Comment Kindly lit le fichier
data-mapping-detected = Les colonnes ressemblent à un export de { $tool }.
data-mapping-encoding = Encodage
data-mapping-delimiter = Séparateur
data-delimiter-comma = Virgule ,
data-delimiter-semicolon = Point-virgule ;
data-delimiter-tab = Tabulation
data-delimiter-bar = Barre verticale |
data-mapping-decimal = Séparateur décimal
data-mapping-date-format = Format de date
data-mapping-currency = Devise si le fichier n’en indique pas
data-mapping-field = Champ de Kindly
data-mapping-column = Colonne du fichier
data-mapping-not-in-file = (absent du fichier)
data-mapping-column-n = Colonne { $n }
data-preview = Les premières lignes du fichier
data-dry-run = Essai à blanc
data-dry-run-summary = { $count ->
    [one] { $count } ligne lue : { $summary }.
   *[other] { $count } lignes lues : { $summary }.
}
data-ignored-columns = Colonnes ignorées : { $columns }.
data-problem-row = Ligne
data-problem-column = Colonne
data-problem-value = Valeur
data-problem-problem = Problème
data-problems-hint = Rien n’est importé tant qu’il reste des problèmes : corrigez la correspondance ci-dessus, ou le fichier, et l’essai est relancé.
data-import-apply = Importer
data-import-done = Importé : { $clients ->
        [one] { $clients } client
       *[other] { $clients } clients
    }, { $invoices ->
        [one] { $invoices } facture
       *[other] { $invoices } factures
    }, { $payments ->
        [one] { $payments } paiement
       *[other] { $payments } paiements
    } ({ $summary }).
data-export-title = Exporter en CSV
data-export-intro = Des fichiers CSV sûrs pour les tableurs, avec les colonnes que l’import de Kindly sait relire.
data-exported = { $count ->
    [one] { $kind } : { $count } ligne enregistrée dans { $path }
   *[other] { $kind } : { $count } lignes enregistrées dans { $path }
}
data-summary = { $new ->
    [one] { $new } ajout
   *[other] { $new } ajouts
    }, { $already } déjà dans Kindly
data-summary-problems = { $new ->
    [one] { $new } ajout
   *[other] { $new } ajouts
    }, { $already } déjà dans Kindly, { $problems ->
    [one] { $problems } problème
   *[other] { $problems } problèmes
    }
data-einvoice-imported = { $file } : facture { $number } pour { $created ->
    [new] le nouveau client { $client }
   *[known] { $client }
}, { $total }, échéance le { $due }.
data-einvoice-already = { $file } : la facture { $number } est déjà là, importée depuis { $how ->
    [same] ce fichier
   *[other] { $earlier } (même vendeur, même numéro)
} le { $on } ; rien n’a été ajouté.

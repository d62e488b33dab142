//! What a file can hold for each kind of record, and the header names that
//! mean each field in English, German, French and Spanish. Headers are
//! compared folded: lower case, accents and umlauts dropped, and everything
//! but letters and digits removed ("E-Mail", "e‑mail " and "EMAIL" are one).

kindly_core::vocabulary! {
    /// What a CSV file holds.
    pub enum ImportKind {
        Clients = "clients",
        Invoices = "invoices",
        Payments = "payments",
    }
}

kindly_core::vocabulary! {
    /// What `kindly export` writes as CSV.
    pub enum ExportKind {
        Clients = "clients",
        Invoices = "invoices",
        Payments = "payments",
        Timeline = "timeline",
    }
}

kindly_core::vocabulary! {
    /// A field of Kindly's records that a column can fill.
    pub enum ImportField {
        ClientRef = "client_ref",
        ClientName = "client_name",
        GreetingName = "greeting_name",
        Company = "company",
        Email = "email",
        Phone = "phone",
        Address = "address",
        Street = "street",
        Postcode = "postcode",
        City = "city",
        Country = "country",
        Language = "language",
        Notes = "notes",
        InvoiceNumber = "invoice_number",
        IssueDate = "issue_date",
        DueDate = "due_date",
        Currency = "currency",
        Status = "status",
        Description = "description",
        Quantity = "quantity",
        UnitPrice = "unit_price",
        TaxRate = "tax_rate",
        NetAmount = "net_amount",
        TaxAmount = "tax_amount",
        Total = "total",
        AmountPaid = "amount_paid",
        AmountCredited = "amount_credited",
        PaymentDate = "payment_date",
        Amount = "amount",
        Method = "method",
        Reference = "reference",
    }
}

use ImportField as F;

impl ImportKind {
    /// The fields a file of this kind can fill, in the order the mapping shows them.
    pub fn fields(self) -> &'static [ImportField] {
        match self {
            ImportKind::Clients => &[
                F::ClientRef,
                F::ClientName,
                F::GreetingName,
                F::Company,
                F::Email,
                F::Phone,
                F::Address,
                F::Street,
                F::Postcode,
                F::City,
                F::Country,
                F::Language,
                F::Notes,
            ],
            ImportKind::Invoices => &[
                F::InvoiceNumber,
                F::ClientRef,
                F::ClientName,
                F::Email,
                F::IssueDate,
                F::DueDate,
                F::Currency,
                F::Status,
                F::Description,
                F::Quantity,
                F::UnitPrice,
                F::TaxRate,
                F::NetAmount,
                F::TaxAmount,
                F::Total,
                F::AmountPaid,
                F::AmountCredited,
                F::Notes,
            ],
            ImportKind::Payments => {
                &[F::InvoiceNumber, F::PaymentDate, F::Amount, F::Currency, F::Method, F::Reference]
            }
        }
    }

    /// Fields without which no row can be read.
    pub fn required(self) -> &'static [ImportField] {
        match self {
            ImportKind::Clients => &[F::ClientName],
            ImportKind::Invoices => &[F::InvoiceNumber, F::IssueDate, F::DueDate],
            ImportKind::Payments => &[F::InvoiceNumber, F::PaymentDate, F::Amount],
        }
    }
}

impl ImportField {
    /// The field as the mapping screen and messages name it.
    pub fn label(self) -> &'static str {
        match self {
            F::ClientRef => "Client ID",
            F::ClientName => "Client name",
            F::GreetingName => "Greeting name",
            F::Company => "Company",
            F::Email => "E-mail",
            F::Phone => "Phone",
            F::Address => "Address",
            F::Street => "Street",
            F::Postcode => "Postcode",
            F::City => "City",
            F::Country => "Country",
            F::Language => "Language",
            F::Notes => "Notes",
            F::InvoiceNumber => "Invoice number",
            F::IssueDate => "Issue date",
            F::DueDate => "Due date",
            F::Currency => "Currency",
            F::Status => "Status",
            F::Description => "Line description",
            F::Quantity => "Quantity",
            F::UnitPrice => "Unit price",
            F::TaxRate => "Tax rate (%)",
            F::NetAmount => "Net amount",
            F::TaxAmount => "Tax amount",
            F::Total => "Total",
            F::AmountPaid => "Amount paid",
            F::AmountCredited => "Amount credited",
            F::PaymentDate => "Payment date",
            F::Amount => "Amount",
            F::Method => "Method",
            F::Reference => "Reference",
        }
    }

    /// Header names (folded) that mean this field for `kind`: English,
    /// German, French, Spanish.
    pub fn synonyms(self, kind: ImportKind) -> &'static [&'static str] {
        match (self, kind) {
            (F::ClientRef, _) => &[
                "clientid",
                "customerid",
                "clientnumber",
                "customernumber",
                "contactid",
                "accountnumber",
                "kundennummer",
                "kundennr",
                "kdnr",
                "debitorennummer",
                "numeroclient",
                "idclient",
                "codeclient",
                "idcliente",
                "numerocliente",
                "codigocliente",
            ],
            (F::ClientName, _) => &[
                "client",
                "clientname",
                "customer",
                "customername",
                "name",
                "contactname",
                "displayname",
                "contact",
                "kunde",
                "kundenname",
                "kontakt",
                "empfaenger",
                "nom",
                "nomclient",
                "nomduclient",
                "cliente",
                "nombre",
                "nombrecliente",
                "nombredelcliente",
            ],
            (F::GreetingName, _) => {
                &["greeting", "greetingname", "salutationname", "briefanrede", "formuledappel", "saludo"]
            }
            (F::Company, _) => &[
                "company",
                "companyname",
                "organisation",
                "organization",
                "business",
                "firma",
                "firmenname",
                "unternehmen",
                "societe",
                "entreprise",
                "raisonsociale",
                "empresa",
                "compania",
                "razonsocial",
            ],
            (F::Email, _) => &[
                "email",
                "emailaddress",
                "mail",
                "clientemail",
                "customeremail",
                "emailadresse",
                "courriel",
                "adressemail",
                "correo",
                "correoelectronico",
            ],
            (F::Phone, _) => {
                &["phone", "phonenumber", "telephone", "tel", "mobile", "telefon", "telefonnummer", "telefono"]
            }
            (F::Address, _) => &["address", "billingaddress", "postaladdress", "anschrift", "adresse", "direccion"],
            (F::Street, _) => &[
                "street",
                "streetaddress",
                "address1",
                "addressline1",
                "poaddressline1",
                "billingstreet",
                "strasse",
                "strasseundhausnummer",
                "rue",
                "calle",
            ],
            (F::Postcode, _) => &[
                "postcode",
                "postalcode",
                "zip",
                "zipcode",
                "popostalcode",
                "plz",
                "postleitzahl",
                "codepostal",
                "cp",
                "codigopostal",
            ],
            (F::City, _) => &["city", "town", "pocity", "ort", "stadt", "ville", "ciudad", "localidad"],
            (F::Country, _) => &["country", "pocountry", "land", "pays", "pais"],
            (F::Language, _) => &["language", "lang", "sprache", "langue", "idioma"],
            (F::Notes, _) => &[
                "notes",
                "note",
                "memo",
                "comment",
                "comments",
                "privatenotes",
                "bemerkung",
                "bemerkungen",
                "notiz",
                "notizen",
                "remarque",
                "remarques",
                "commentaire",
                "notas",
                "nota",
                "comentarios",
            ],
            (F::InvoiceNumber, _) => &[
                "invoicenumber",
                "invoiceno",
                "invoicenr",
                "invoice",
                "invoiceid",
                "number",
                "docnumber",
                "rechnungsnummer",
                "rechnungsnr",
                "rechnung",
                "belegnummer",
                "belegnr",
                "numerofacture",
                "numerodefacture",
                "facture",
                "nfacture",
                "numerodefactura",
                "numerofactura",
                "factura",
                "nfactura",
            ],
            (F::IssueDate, _) => &[
                "issuedate",
                "invoicedate",
                "date",
                "dateissued",
                "dateofissue",
                "txndate",
                "rechnungsdatum",
                "belegdatum",
                "datum",
                "ausstellungsdatum",
                "datefacture",
                "datedefacture",
                "datedemission",
                "fecha",
                "fechadefactura",
                "fechafactura",
                "fechadeemision",
            ],
            (F::DueDate, _) => &[
                "duedate",
                "paymentdue",
                "due",
                "faelligkeit",
                "faelligam",
                "faelligkeitsdatum",
                "zahlungsziel",
                "dateecheance",
                "datedecheance",
                "echeance",
                "fechadevencimiento",
                "vencimiento",
            ],
            (F::Currency, _) => {
                &["currency", "currencycode", "ccy", "waehrung", "wahrung", "devise", "monnaie", "moneda", "divisa"]
            }
            (F::Status, _) => &["status", "invoicestatus", "state", "rechnungsstatus", "statut", "estado"],
            (F::Description, _) => &[
                "description",
                "itemdescription",
                "linedescription",
                "item",
                "itemname",
                "product",
                "productservice",
                "service",
                "beschreibung",
                "positionsbeschreibung",
                "leistung",
                "artikel",
                "designation",
                "libelle",
                "descripcion",
                "concepto",
                "articulo",
            ],
            (F::Quantity, _) => {
                &["quantity", "qty", "itemquantity", "hours", "menge", "anzahl", "quantite", "cantidad"]
            }
            (F::UnitPrice, _) => &[
                "unitprice",
                "price",
                "rate",
                "itemrate",
                "unitamount",
                "itemprice",
                "unitcost",
                "cost",
                "einzelpreis",
                "preis",
                "stueckpreis",
                "prixunitaire",
                "prix",
                "preciounitario",
                "precio",
            ],
            (F::TaxRate, _) => &[
                "taxrate",
                "vatrate",
                "taxpercent",
                "tax",
                "vat",
                "steuersatz",
                "ustsatz",
                "mwstsatz",
                "tauxtva",
                "tauxdetva",
                "tva",
                "tipoiva",
                "iva",
            ],
            (F::NetAmount, _) => &[
                "net",
                "netamount",
                "subtotal",
                "totalnet",
                "nettobetrag",
                "netto",
                "summenetto",
                "montantht",
                "totalht",
                "ht",
                "baseimponible",
                "importeneto",
                "neto",
            ],
            (F::TaxAmount, _) => &[
                "taxamount",
                "taxtotal",
                "vatamount",
                "totaltax",
                "steuerbetrag",
                "ustbetrag",
                "mwstbetrag",
                "mwst",
                "umsatzsteuer",
                "montanttva",
                "totaltva",
                "cuotaiva",
                "importeiva",
            ],
            (F::Total, _) => &[
                "total",
                "totalamount",
                "amount",
                "invoicetotal",
                "invoiceamount",
                "grandtotal",
                "gross",
                "bruttobetrag",
                "brutto",
                "gesamtbetrag",
                "betrag",
                "rechnungsbetrag",
                "summe",
                "montantttc",
                "totalttc",
                "ttc",
                "montant",
                "importe",
                "importetotal",
                "totalfactura",
            ],
            (F::AmountPaid, _) => &[
                "amountpaid",
                "paid",
                "paidtodate",
                "invoiceamountpaid",
                "bezahlt",
                "bezahlterbetrag",
                "gezahlt",
                "montantpaye",
                "paye",
                "pagado",
                "importepagado",
            ],
            (F::AmountCredited, _) => &[
                "amountcredited",
                "credited",
                "creditedcreditnotes",
                "gutgeschrieben",
                "montantcredite",
                "abonado",
                "importeabonado",
            ],
            (F::PaymentDate, _) => &[
                "paymentdate",
                "date",
                "datepaid",
                "paidon",
                "paiddate",
                "zahlungsdatum",
                "zahldatum",
                "datum",
                "datedepaiement",
                "datepaiement",
                "datedereglement",
                "fechadepago",
                "fecha",
            ],
            (F::Amount, _) => &[
                "amount",
                "paymentamount",
                "amountpaid",
                "paid",
                "betrag",
                "zahlungsbetrag",
                "montant",
                "montantpaye",
                "importe",
                "importepagado",
            ],
            (F::Method, _) => &[
                "method",
                "paymentmethod",
                "paymenttype",
                "type",
                "zahlungsart",
                "zahlungsmethode",
                "modedepaiement",
                "moyendepaiement",
                "metododepago",
                "formadepago",
            ],
            (F::Reference, _) => &[
                "reference",
                "ref",
                "paymentreference",
                "transactionreference",
                "transactionid",
                "referenz",
                "verwendungszweck",
                "referencia",
            ],
        }
    }
}

/// A header folded for comparison (see the module doc).
pub fn fold(h: &str) -> String {
    let mut s = String::with_capacity(h.len());
    for c in h.chars() {
        match c {
            'ä' | 'Ä' => s.push_str("ae"),
            'ö' | 'Ö' => s.push_str("oe"),
            'ü' | 'Ü' => s.push_str("ue"),
            'ß' => s.push_str("ss"),
            'à' | 'á' | 'â' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Å' => s.push('a'),
            'ç' | 'Ç' => s.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => s.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => s.push('i'),
            'ñ' | 'Ñ' => s.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Õ' => s.push('o'),
            'ù' | 'ú' | 'û' | 'Ù' | 'Ú' | 'Û' => s.push('u'),
            c if c.is_alphanumeric() => s.extend(c.to_lowercase()),
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn folding_ignores_case_accents_and_punctuation() {
        assert_eq!(fold("E-Mail"), "email");
        assert_eq!(fold(" Fälligkeitsdatum "), "faelligkeitsdatum");
        assert_eq!(fold("Date d'échéance"), "datedecheance");
        assert_eq!(fold("Nº factura"), "nºfactura");
        assert_eq!(fold("Invoice #"), "invoice");
        assert_eq!(fold("Fecha de emisión"), "fechadeemision");
    }

    #[test]
    fn synonyms_are_folded_and_every_kind_lists_its_required_fields() {
        for k in ImportKind::VARIANTS {
            for f in k.fields() {
                for s in f.synonyms(*k) {
                    assert_eq!(fold(s), *s, "{f:?}");
                }
            }
            for r in k.required() {
                assert!(k.fields().contains(r));
            }
        }
    }
}

//! Presets: the column names other tools write in their CSV files, one data
//! table per tool, each with the source its names come from. A preset maps
//! a header to a field by exact (folded) name, so a column the tool does not
//! document is left to the generic recognition in [`crate::fields`].
//!
//! Where no public document of a tool's export columns could be found
//! (FreshBooks, lexoffice, sevDesk), the table says so: its names are the
//! labels the tool shows for those fields, and the sample files under
//! `tests/samples/` are written from the same names, not from a real export.

use crate::date::DateFormat;
use crate::fields::{ImportField as F, ImportKind as K};
use crate::number::DecimalSeparator;

kindly_core::vocabulary! {
    /// A tool whose CSV files Kindly knows by name.
    pub enum ImportPreset {
        Kindly = "kindly",
        InvoiceNinja = "invoice_ninja",
        FreshBooks = "freshbooks",
        ZohoInvoice = "zoho_invoice",
        QuickBooks = "quickbooks",
        Xero = "xero",
        Lexoffice = "lexoffice",
        SevDesk = "sevdesk",
    }
}

type Columns = &'static [(F, &'static str)];

/// One tool's columns per kind and the formats its files use.
pub struct PresetSpec {
    pub preset: ImportPreset,
    pub name: &'static str,
    /// Where the column names come from.
    pub source: &'static str,
    pub delimiter: char,
    pub decimal: DecimalSeparator,
    pub date_format: DateFormat,
    pub kinds: &'static [(K, Columns)],
}

impl PresetSpec {
    pub fn columns(&self, kind: K) -> Option<Columns> {
        self.kinds.iter().find(|(k, _)| *k == kind).map(|(_, c)| *c)
    }
}

/// Kindly's own export: `kindly export` writes exactly these headers.
pub const KINDLY_CLIENTS: Columns = &[
    (F::ClientRef, "Client ID"),
    (F::ClientName, "Name"),
    (F::GreetingName, "Greeting"),
    (F::Company, "Company"),
    (F::Email, "Email"),
    (F::Phone, "Phone"),
    (F::Address, "Address"),
    (F::Language, "Language"),
    (F::Notes, "Notes"),
];
pub const KINDLY_INVOICES: Columns = &[
    (F::InvoiceNumber, "Invoice number"),
    (F::ClientRef, "Client ID"),
    (F::ClientName, "Client"),
    (F::IssueDate, "Issue date"),
    (F::DueDate, "Due date"),
    (F::Currency, "Currency"),
    (F::Status, "Status"),
    (F::Description, "Description"),
    (F::Quantity, "Quantity"),
    (F::UnitPrice, "Unit price"),
    (F::TaxRate, "Tax rate"),
    (F::Total, "Invoice total"),
    (F::Notes, "Notes"),
    (F::AmountCredited, "Credited (credit notes)"),
];
pub const KINDLY_PAYMENTS: Columns = &[
    (F::InvoiceNumber, "Invoice number"),
    (F::PaymentDate, "Date"),
    (F::Amount, "Amount"),
    (F::Currency, "Currency"),
    (F::Method, "Method"),
    (F::Reference, "Reference"),
];

pub const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        preset: ImportPreset::Kindly,
        name: "Kindly",
        source: "Kindly's own export (crates/kindly-api/src/export.rs)",
        delimiter: ',',
        decimal: DecimalSeparator::Point,
        date_format: DateFormat::Iso,
        kinds: &[(K::Clients, KINDLY_CLIENTS), (K::Invoices, KINDLY_INVOICES), (K::Payments, KINDLY_PAYMENTS)],
    },
    // Invoice Ninja v5 import field list ("entity.property"), as its CSV
    // import documents it: https://invoiceninja.github.io/docs/api-reference/post-import
    PresetSpec {
        preset: ImportPreset::InvoiceNinja,
        name: "Invoice Ninja",
        source: "https://invoiceninja.github.io/docs/api-reference/post-import",
        delimiter: ',',
        decimal: DecimalSeparator::Point,
        date_format: DateFormat::Iso,
        kinds: &[
            (
                K::Clients,
                &[
                    (F::ClientRef, "client.number"),
                    (F::ClientName, "client.name"),
                    (F::Phone, "client.phone"),
                    (F::Street, "client.address1"),
                    (F::City, "client.city"),
                    (F::Postcode, "client.postal_code"),
                    (F::Country, "client.country_id"),
                    (F::Email, "contact.email"),
                    (F::Notes, "client.private_notes"),
                ],
            ),
            (
                K::Invoices,
                &[
                    (F::InvoiceNumber, "invoice.number"),
                    (F::ClientName, "client.name"),
                    (F::Email, "client.email"),
                    (F::IssueDate, "invoice.date"),
                    (F::DueDate, "invoice.due_date"),
                    (F::Status, "invoice.status"),
                    (F::AmountPaid, "invoice.paid_to_date"),
                    (F::Total, "invoice.amount"),
                    (F::Description, "item.notes"),
                    (F::Quantity, "item.quantity"),
                    (F::UnitPrice, "item.cost"),
                    (F::TaxRate, "item.tax_rate1"),
                    (F::Notes, "invoice.private_notes"),
                ],
            ),
            (
                K::Payments,
                &[
                    (F::InvoiceNumber, "invoice.number"),
                    (F::PaymentDate, "payment.date"),
                    (F::Amount, "payment.amount"),
                    (F::Reference, "payment.transaction_reference"),
                ],
            ),
        ],
    },
    // No public specification of FreshBooks' CSV export columns was found;
    // these are the invoice field labels of FreshBooks' own help
    // (https://www.freshbooks.com/support/makinginvoices): unverified.
    PresetSpec {
        preset: ImportPreset::FreshBooks,
        name: "FreshBooks",
        source: "https://www.freshbooks.com/support/makinginvoices (field labels; export columns unverified)",
        delimiter: ',',
        decimal: DecimalSeparator::Point,
        date_format: DateFormat::Iso,
        kinds: &[(
            K::Invoices,
            &[
                (F::ClientName, "Client"),
                (F::InvoiceNumber, "Invoice Number"),
                (F::IssueDate, "Date of Issue"),
                (F::DueDate, "Due Date"),
                (F::Currency, "Currency"),
                (F::Total, "Total"),
                (F::AmountPaid, "Paid"),
                (F::Notes, "Notes"),
            ],
        )],
    },
    // Zoho Invoice's sample import/export file for invoices
    // ("Invoice Date, Invoice Number, Invoice Status, Customer Name, …,
    // Due Date, …, Currency Code, …, Item Name, Item Desc, …, Quantity, …,
    // Item Price"): https://www.scribd.com/document/437583531/Sample-Invoices,
    // and https://www.zoho.com/us/invoice/kb/invoices/import-data.md.
    PresetSpec {
        preset: ImportPreset::ZohoInvoice,
        name: "Zoho Invoice",
        source: "https://www.scribd.com/document/437583531/Sample-Invoices",
        delimiter: ',',
        decimal: DecimalSeparator::Point,
        date_format: DateFormat::Iso,
        kinds: &[(
            K::Invoices,
            &[
                (F::IssueDate, "Invoice Date"),
                (F::InvoiceNumber, "Invoice Number"),
                (F::Status, "Invoice Status"),
                (F::ClientName, "Customer Name"),
                (F::DueDate, "Due Date"),
                (F::Currency, "Currency Code"),
                (F::Description, "Item Name"),
                (F::Quantity, "Quantity"),
                (F::UnitPrice, "Item Price"),
            ],
        )],
    },
    // QuickBooks Online's invoice import headers ("*Invoice number,
    // *Customer, *Invoice date, *Due date, …, Item Description, Item
    // Quantity, Item Rate, *Item Amount, Memo"):
    // https://quickbooks.intuit.com/learn-support/en-ca/sales-and-invoicing/do-we-need-to-map-field-everytime-when-import-invoices/01/394876/highlight/true
    PresetSpec {
        preset: ImportPreset::QuickBooks,
        name: "QuickBooks",
        source: "https://quickbooks.intuit.com/learn-support/en-ca/sales-and-invoicing/do-we-need-to-map-field-everytime-when-import-invoices/01/394876/highlight/true",
        delimiter: ',',
        decimal: DecimalSeparator::Point,
        date_format: DateFormat::MonthDayYearSlash,
        kinds: &[(
            K::Invoices,
            &[
                (F::InvoiceNumber, "Invoice number"),
                (F::ClientName, "Customer"),
                (F::IssueDate, "Invoice date"),
                (F::DueDate, "Due date"),
                (F::Description, "Item Description"),
                (F::Quantity, "Item Quantity"),
                (F::UnitPrice, "Item Rate"),
                (F::Notes, "Memo"),
            ],
        )],
    },
    // Xero's sales invoice file (ContactName, EmailAddress, POAddressLine1,
    // POCity, POPostalCode, POCountry, InvoiceNumber, InvoiceDate, DueDate,
    // Total, TaxTotal, InvoiceAmountPaid, Description, Quantity, UnitAmount,
    // Currency): https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/xero
    // and Xero's import guide (DD/MM/YYYY dates): https://online.flippingbook.com/view/399081/31/
    PresetSpec {
        preset: ImportPreset::Xero,
        name: "Xero",
        source: "https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/xero",
        delimiter: ',',
        decimal: DecimalSeparator::Point,
        date_format: DateFormat::DayMonthYearSlash,
        kinds: &[
            (
                K::Clients,
                &[
                    (F::ClientName, "ContactName"),
                    (F::Email, "EmailAddress"),
                    (F::Street, "POAddressLine1"),
                    (F::City, "POCity"),
                    (F::Postcode, "POPostalCode"),
                    (F::Country, "POCountry"),
                ],
            ),
            (
                K::Invoices,
                &[
                    (F::ClientName, "ContactName"),
                    (F::Email, "EmailAddress"),
                    (F::InvoiceNumber, "InvoiceNumber"),
                    (F::IssueDate, "InvoiceDate"),
                    (F::DueDate, "DueDate"),
                    (F::Total, "Total"),
                    (F::TaxAmount, "TaxTotal"),
                    (F::AmountPaid, "InvoiceAmountPaid"),
                    (F::Description, "Description"),
                    (F::Quantity, "Quantity"),
                    (F::UnitPrice, "UnitAmount"),
                    (F::Currency, "Currency"),
                ],
            ),
        ],
    },
    // No public specification of lexoffice's (Lexware Office) CSV export
    // columns was found; these are the German field names its invoice list
    // shows: unverified.
    PresetSpec {
        preset: ImportPreset::Lexoffice,
        name: "lexoffice",
        source: "no documented export columns found (labels of the invoice list; unverified)",
        delimiter: ';',
        decimal: DecimalSeparator::Comma,
        date_format: DateFormat::DayMonthYearDots,
        kinds: &[(
            K::Invoices,
            &[
                (F::InvoiceNumber, "Rechnungsnummer"),
                (F::IssueDate, "Rechnungsdatum"),
                (F::DueDate, "Fälligkeitsdatum"),
                (F::ClientName, "Kunde"),
                (F::ClientRef, "Kundennummer"),
                (F::NetAmount, "Nettobetrag"),
                (F::Total, "Bruttobetrag"),
                (F::Currency, "Währung"),
            ],
        )],
    },
    // No public specification of sevDesk's CSV export columns was found;
    // these are the German field names its invoice list shows: unverified.
    PresetSpec {
        preset: ImportPreset::SevDesk,
        name: "sevDesk",
        source: "no documented export columns found (labels of the invoice list; unverified)",
        delimiter: ';',
        decimal: DecimalSeparator::Comma,
        date_format: DateFormat::DayMonthYearDots,
        kinds: &[(
            K::Invoices,
            &[
                (F::InvoiceNumber, "Rechnungsnummer"),
                (F::IssueDate, "Rechnungsdatum"),
                (F::DueDate, "Fällig am"),
                (F::ClientName, "Kunde"),
                (F::ClientRef, "Kundennummer"),
                (F::NetAmount, "Netto"),
                (F::TaxAmount, "Steuer"),
                (F::Total, "Brutto"),
                (F::Status, "Status"),
                (F::Currency, "Währung"),
            ],
        )],
    },
];

pub fn spec(p: ImportPreset) -> &'static PresetSpec {
    PRESETS.iter().find(|s| s.preset == p).unwrap_or(&PRESETS[0])
}

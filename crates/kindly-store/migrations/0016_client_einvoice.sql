-- E-invoice details per client (issue #16): the format the client gets and
-- the identifiers the formats need. A table of its own (one row per client
-- that has any), so clients without e-invoices keep no empty columns and
-- the client row's own rules stay untouched. Values are checked by the
-- application (kindly-core::einvoice_ids) before they arrive; the schema
-- keeps the shapes that would break the writers.

CREATE TABLE client_einvoice (
    client_id        INTEGER PRIMARY KEY REFERENCES clients (id),
    format           TEXT NOT NULL DEFAULT 'none'
                     CHECK (format IN ('none', 'facturx', 'xrechnung_ubl', 'xrechnung_cii', 'peppol')),
    -- BT-10: the Leitweg-ID in Germany, an order or buyer reference elsewhere.
    buyer_reference  TEXT CHECK (buyer_reference IS NULL OR length(buyer_reference) BETWEEN 1 AND 200),
    -- BT-48, upper case without spaces ("DE123456789").
    vat_id           TEXT CHECK (vat_id IS NULL OR (length(vat_id) BETWEEN 4 AND 20 AND vat_id = upper(vat_id))),
    -- BT-47 in France: nine digits.
    siren            TEXT CHECK (siren IS NULL OR (length(siren) = 9 AND siren NOT GLOB '*[^0-9]*')),
    -- BT-49: "scheme:identifier" (ISO 6523 ICD or EAS code, e.g. 0208:0123456789).
    peppol_id        TEXT CHECK (peppol_id IS NULL OR (peppol_id GLOB '[0-9][0-9][0-9][0-9]:?*')),
    -- BT-55: ISO 3166-1 alpha-2; the address is free text, so it is asked for.
    country          TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
    updated_at       TEXT NOT NULL
) STRICT;

-- E-invoices issued elsewhere and imported as invoices to chase (issue #15).
-- One row per imported file: the file's SHA-256 and the seller + number pair
-- are each unique, so importing the same file (or another file of the same
-- invoice) again adds nothing. The buyer's identifiers are kept here so the
-- next import finds the same client by VAT ID.

CREATE TABLE einvoice_imports (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    -- The seller's VAT ID, else its name, lower-cased: who issued the number.
    seller_key     TEXT NOT NULL CHECK (length(seller_key) > 0),
    number         TEXT NOT NULL,
    invoice_id     INTEGER NOT NULL UNIQUE REFERENCES invoices (id),
    client_id      INTEGER NOT NULL REFERENCES clients (id),
    buyer_vat_id   TEXT,
    buyer_email    TEXT,
    syntax         TEXT NOT NULL CHECK (syntax IN ('cii', 'ubl')),
    file_name      TEXT NOT NULL,
    -- Relative to the data folder: the original file, kept as evidence.
    evidence_path  TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    UNIQUE (seller_key, number)
) STRICT;

CREATE INDEX einvoice_imports_by_buyer_vat ON einvoice_imports (buyer_vat_id, client_id)
    WHERE buyer_vat_id IS NOT NULL;

-- The record of what was imported is evidence: never edited or removed.
CREATE TRIGGER einvoice_imports_no_update BEFORE UPDATE ON einvoice_imports
BEGIN
    SELECT RAISE(ABORT, 'kindly: the record of imports is append-only');
END;
CREATE TRIGGER einvoice_imports_no_delete BEFORE DELETE ON einvoice_imports
BEGIN
    SELECT RAISE(ABORT, 'kindly: the record of imports is append-only');
END;

-- CSV imports: the keys of what was imported, so importing the same file
-- again adds nothing. A client is keyed by the file's own client id (or
-- its normalised name and e-mail), a payment by a fingerprint of invoice
-- number, date, amount and reference. Invoices need no key: their number
-- is already UNIQUE.
CREATE TABLE import_keys (
    kind        TEXT NOT NULL CHECK (kind IN ('client', 'payment')),
    key         TEXT NOT NULL,
    record_id   INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) STRICT, WITHOUT ROWID;

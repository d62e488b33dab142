-- Bank statements: who paid. Every invoice carries an ISO 11649 creditor
-- reference ("RF" + check digits + the invoice id, zero-padded to 8 digits)
-- that payers' banks return; statement entries are kept once (by a stable
-- identity), each with what Kindly decided about it; certain matches become
-- payments in the import's transaction.

ALTER TABLE invoices ADD COLUMN creditor_reference TEXT;

-- ISO 7064 mod 97-10 over "<id>RF00" read as digits (R = 27, F = 15):
-- (id * 10^6 + 271500) mod 97; the check digits are 98 minus that.
UPDATE invoices
   SET creditor_reference = 'RF' || printf('%02d', 98 - ((id * 1000000 + 271500) % 97)) || printf('%08d', id);

CREATE TRIGGER invoices_creditor_reference AFTER INSERT ON invoices
WHEN NEW.creditor_reference IS NULL
BEGIN
    UPDATE invoices
       SET creditor_reference = 'RF' || printf('%02d', 98 - ((NEW.id * 1000000 + 271500) % 97)) || printf('%08d', NEW.id)
     WHERE id = NEW.id;
END;

CREATE TRIGGER invoices_creditor_reference_fixed BEFORE UPDATE OF creditor_reference ON invoices
WHEN OLD.creditor_reference IS NOT NULL AND NEW.creditor_reference IS NOT OLD.creditor_reference
BEGIN
    SELECT RAISE(ABORT, 'kindly: an issued invoice cannot be edited; its payment reference is permanent');
END;

CREATE UNIQUE INDEX invoices_by_creditor_reference ON invoices (creditor_reference);

CREATE TABLE bank_imports (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    file_sha256  TEXT NOT NULL,
    format       TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    entries      INTEGER NOT NULL,
    new_entries  INTEGER NOT NULL
) STRICT;

CREATE TABLE bank_entries (
    id                 INTEGER PRIMARY KEY,
    -- the bank's entry reference, or the documented fingerprint (kindly-bank)
    uid                TEXT NOT NULL UNIQUE,
    import_id          INTEGER NOT NULL REFERENCES bank_imports (id),
    booking_date       TEXT NOT NULL,
    value_date         TEXT,
    amount_minor       INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency           TEXT NOT NULL,
    credit             INTEGER NOT NULL CHECK (credit IN (0, 1)),
    counterparty_name  TEXT,
    counterparty_iban  TEXT,
    structured_ref     TEXT,
    -- exactly as the bank wrote it: plain text, never interpreted
    remittance         TEXT NOT NULL,
    bank_ref           TEXT,
    -- recorded: payments made from it; review: waits for the user;
    -- unmatched: a credit nobody owes; debit: money out, not a payment;
    -- ignored / assigned: the user's decision on a review or unmatched entry
    status             TEXT NOT NULL
        CHECK (status IN ('recorded', 'review', 'unmatched', 'debit', 'ignored', 'assigned')),
    tier               INTEGER,
    reason             TEXT NOT NULL DEFAULT '',
    -- JSON: [{"invoice_id": 1, "amount_minor": 100}, ...] proposed for review
    candidates         TEXT NOT NULL DEFAULT '[]',
    decided_at         TEXT
) STRICT;

CREATE INDEX bank_entries_by_status ON bank_entries (status, booking_date);

-- Decided entries stay decided.
CREATE TRIGGER bank_entries_decided_are_final BEFORE UPDATE ON bank_entries
WHEN OLD.status IN ('recorded', 'debit', 'assigned', 'ignored')
BEGIN
    SELECT RAISE(ABORT, 'kindly: a bank entry already decided is a permanent record');
END;

ALTER TABLE payments ADD COLUMN bank_entry_id INTEGER REFERENCES bank_entries (id);

-- Payers seen paying a client: helps the next import (tier 3).
CREATE TABLE client_payers (
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    -- an IBAN (upper case, no spaces) or a normalised name
    kind        TEXT NOT NULL CHECK (kind IN ('iban', 'name')),
    value       TEXT NOT NULL,
    first_seen  TEXT NOT NULL,
    PRIMARY KEY (kind, value, client_id)
) STRICT;

-- A column mapping the user confirmed for a bank's CSV export.
CREATE TABLE bank_csv_mappings (
    bank_key    TEXT PRIMARY KEY,
    mapping     TEXT NOT NULL,
    saved_at    TEXT NOT NULL
) STRICT;

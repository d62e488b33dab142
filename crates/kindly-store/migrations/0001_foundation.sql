-- Foundation schema: settings, clients, invoices, lines, payments, timeline.
-- Money is INTEGER minor units with a TEXT ISO 4217 code beside it.
-- Dates are TEXT 'YYYY-MM-DD' (calendar dates); instants are TEXT RFC 3339 UTC.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE clients (
    id              INTEGER PRIMARY KEY,
    display_name    TEXT NOT NULL CHECK (length(display_name) > 0),
    greeting_name   TEXT NOT NULL,
    company         TEXT,
    emails          TEXT NOT NULL DEFAULT '[]',   -- JSON array of addresses
    phone           TEXT,
    address         TEXT NOT NULL DEFAULT '',
    language        TEXT NOT NULL DEFAULT 'en',
    notes           TEXT NOT NULL DEFAULT '',
    chasing         TEXT NOT NULL DEFAULT 'on' CHECK (chasing IN ('on', 'paused', 'off')),
    chasing_until   TEXT,
    chasing_reason  TEXT NOT NULL DEFAULT '',
    -- Lower-cased name, company and e-mails: what the search box matches.
    search_text     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    CHECK ((chasing = 'paused') = (chasing_until IS NOT NULL))
) STRICT;

CREATE INDEX clients_by_name ON clients (display_name COLLATE NOCASE, id);

CREATE TABLE invoices (
    id              INTEGER PRIMARY KEY,
    number          TEXT NOT NULL UNIQUE,
    client_id       INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'cancelled')),
    issue_date      TEXT NOT NULL,
    due_date        TEXT NOT NULL CHECK (due_date >= issue_date),
    currency        TEXT NOT NULL CHECK (length(currency) = 3),
    subtotal_minor  INTEGER NOT NULL,
    tax_minor       INTEGER NOT NULL,
    total_minor     INTEGER NOT NULL CHECK (total_minor >= 0),
    -- Sum of this invoice's payments. Maintained only by the payments trigger
    -- below, never by application code, so it cannot drift from the payments.
    paid_minor      INTEGER NOT NULL DEFAULT 0 CHECK (paid_minor >= 0 AND paid_minor <= total_minor),
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    cancelled_reason TEXT
) STRICT;

CREATE INDEX invoices_by_client ON invoices (client_id, due_date);
CREATE INDEX invoices_by_due ON invoices (due_date, id);
-- What is still owing: the queue and the "overdue first" list read only these.
CREATE INDEX invoices_unpaid ON invoices (due_date, id, client_id, total_minor, paid_minor)
    WHERE status = 'issued' AND paid_minor < total_minor;

CREATE TABLE invoice_lines (
    invoice_id        INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    description       TEXT NOT NULL,
    quantity_milli    INTEGER NOT NULL CHECK (quantity_milli > 0),
    unit_price_minor  INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    tax_rate_bp       INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    PRIMARY KEY (invoice_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE payments (
    id            INTEGER PRIMARY KEY,
    invoice_id    INTEGER NOT NULL REFERENCES invoices (id) ON DELETE RESTRICT,
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    currency      TEXT NOT NULL,
    paid_on       TEXT NOT NULL,
    method        TEXT NOT NULL,
    reference     TEXT,
    created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX payments_by_invoice ON payments (invoice_id);

CREATE TABLE timeline (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    invoice_id  INTEGER REFERENCES invoices (id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    summary     TEXT NOT NULL,
    data        TEXT NOT NULL DEFAULT '{}',   -- JSON details of the event
    refers_to   INTEGER REFERENCES timeline (id)
) STRICT;

CREATE INDEX timeline_by_client ON timeline (client_id, at, id);
CREATE INDEX timeline_by_invoice ON timeline (invoice_id, at, id) WHERE invoice_id IS NOT NULL;

-- Architecture Invariant: the timeline is append-only, enforced by the store itself.
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
BEGIN
    SELECT RAISE(ABORT, 'kindly: the timeline is append-only');
END;
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
BEGIN
    SELECT RAISE(ABORT, 'kindly: the timeline is append-only');
END;

-- Payments are facts: recorded once, never edited or removed.
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN
    SELECT RAISE(ABORT, 'kindly: payments are append-only');
END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN
    SELECT RAISE(ABORT, 'kindly: payments are append-only');
END;

-- A payment is only accepted on an issued invoice, in its currency, up to
-- what is still owing; checked here too so that two racing writers cannot
-- over-pay between the application's check and the insert.
CREATE TRIGGER payments_check BEFORE INSERT ON payments
BEGIN
    SELECT RAISE(ABORT, 'kindly: invoice not payable')
      WHERE (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'issued';
    SELECT RAISE(ABORT, 'kindly: currency mismatch')
      WHERE (SELECT currency FROM invoices WHERE id = NEW.invoice_id) <> NEW.currency;
    SELECT RAISE(ABORT, 'kindly: overpayment')
      WHERE NEW.amount_minor > (SELECT total_minor - paid_minor FROM invoices WHERE id = NEW.invoice_id);
END;
CREATE TRIGGER payments_apply AFTER INSERT ON payments
BEGIN
    UPDATE invoices SET paid_minor = paid_minor + NEW.amount_minor WHERE id = NEW.invoice_id;
END;

-- An issued or cancelled invoice is not silently edited: only its status may
-- move forward (issued → cancelled), and paid_minor follows payments.
CREATE TRIGGER invoices_immutable_once_issued BEFORE UPDATE ON invoices
WHEN OLD.status <> 'draft' AND (
       NEW.number IS NOT OLD.number OR NEW.client_id IS NOT OLD.client_id
    OR NEW.issue_date IS NOT OLD.issue_date OR NEW.due_date IS NOT OLD.due_date
    OR NEW.currency IS NOT OLD.currency OR NEW.subtotal_minor IS NOT OLD.subtotal_minor
    OR NEW.tax_minor IS NOT OLD.tax_minor OR NEW.total_minor IS NOT OLD.total_minor
    OR NEW.notes IS NOT OLD.notes
    OR (OLD.status = 'cancelled' AND NEW.status <> 'cancelled')
    OR (NEW.status = 'draft'))
BEGIN
    SELECT RAISE(ABORT, 'kindly: an issued invoice cannot be edited; cancel it instead');
END;
CREATE TRIGGER invoice_lines_immutable_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'kindly: an issued invoice cannot be edited; cancel it instead');
END;
CREATE TRIGGER invoice_lines_immutable_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'kindly: an issued invoice cannot be edited; cancel it instead');
END;
CREATE TRIGGER invoice_lines_immutable_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'kindly: an issued invoice cannot be edited; cancel it instead');
END;

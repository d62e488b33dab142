-- Corrections (issue #16): credit notes, payment reversals and refunds.
-- Nothing is edited or deleted: each correction is a new row that points at
-- what it corrects, and the summaries follow it in the same transaction.
--
-- What an invoice still owes:
--     owed = total − credited − (paid − reversed − refunded)
-- `invoices.paid_minor` becomes what *settles* the invoice, capped at its
-- total:   paid_minor = MIN(total, credited + payments − returned)
-- where `credited_minor` sums its credit notes and `returned_minor` its
-- reversed payments and refunds. Every reader that took "owing" as
-- `total_minor - paid_minor` (lists, Today, bank matching, plans, the
-- summaries of 0013 and 0014) so keeps reading the right figure, and
-- `paid_minor >= total_minor` still means "nothing left to chase".
-- Money beyond the total (a credit note on a paid invoice) is the client's
-- credit on that invoice, `credited + payments − returned − total`, until
-- refunded; a refund can never exceed it.

ALTER TABLE invoices ADD COLUMN credited_minor INTEGER NOT NULL DEFAULT 0 CHECK (credited_minor >= 0);
ALTER TABLE invoices ADD COLUMN returned_minor INTEGER NOT NULL DEFAULT 0 CHECK (returned_minor >= 0);

-- A credit note: its own number (never reused), the invoice it corrects, its
-- amount (gross) split by VAT rate in credit_note_taxes so that net + tax
-- is exactly the amount, per rate and in all.
CREATE TABLE credit_notes (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE CHECK (length(number) > 0),
    invoice_id    INTEGER NOT NULL REFERENCES invoices (id) ON DELETE RESTRICT,
    issue_date    TEXT NOT NULL,
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    net_minor     INTEGER NOT NULL CHECK (net_minor >= 0),
    tax_minor     INTEGER NOT NULL CHECK (tax_minor >= 0),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0 AND amount_minor = net_minor + tax_minor),
    -- 'full' when it credits all that remained, else 'partial'.
    kind          TEXT NOT NULL CHECK (kind IN ('full', 'partial')),
    reason        TEXT NOT NULL CHECK (length(reason) > 0),
    created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX credit_notes_by_invoice ON credit_notes (invoice_id, id);

CREATE TABLE credit_note_taxes (
    credit_note_id  INTEGER NOT NULL REFERENCES credit_notes (id) ON DELETE RESTRICT,
    rate_bp         INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    net_minor       INTEGER NOT NULL CHECK (net_minor >= 0),
    tax_minor       INTEGER NOT NULL CHECK (tax_minor >= 0),
    PRIMARY KEY (credit_note_id, rate_bp)
) STRICT, WITHOUT ROWID;

-- A payment recorded by mistake (wrong invoice, bounced): the payment stays,
-- this row says it no longer counts. At most one per payment.
CREATE TABLE payment_reversals (
    id           INTEGER PRIMARY KEY,
    payment_id   INTEGER NOT NULL UNIQUE REFERENCES payments (id) ON DELETE RESTRICT,
    reversed_on  TEXT NOT NULL,
    reason       TEXT NOT NULL CHECK (length(reason) > 0),
    created_at   TEXT NOT NULL
) STRICT;

-- Money paid back to the client out of their credit on an invoice.
CREATE TABLE refunds (
    id            INTEGER PRIMARY KEY,
    invoice_id    INTEGER NOT NULL REFERENCES invoices (id) ON DELETE RESTRICT,
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    refunded_on   TEXT NOT NULL,
    method        TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (length(reason) > 0),
    created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX refunds_by_invoice ON refunds (invoice_id, id);

-- Permanent records.
CREATE TRIGGER credit_notes_no_update BEFORE UPDATE ON credit_notes
BEGIN
    SELECT RAISE(ABORT, 'kindly: credit notes are a permanent record');
END;
CREATE TRIGGER credit_notes_no_delete BEFORE DELETE ON credit_notes
BEGIN
    SELECT RAISE(ABORT, 'kindly: credit notes are a permanent record');
END;
CREATE TRIGGER credit_note_taxes_no_update BEFORE UPDATE ON credit_note_taxes
BEGIN
    SELECT RAISE(ABORT, 'kindly: credit notes are a permanent record');
END;
CREATE TRIGGER credit_note_taxes_no_delete BEFORE DELETE ON credit_note_taxes
BEGIN
    SELECT RAISE(ABORT, 'kindly: credit notes are a permanent record');
END;
CREATE TRIGGER payment_reversals_no_update BEFORE UPDATE ON payment_reversals
BEGIN
    SELECT RAISE(ABORT, 'kindly: payment reversals are a permanent record');
END;
CREATE TRIGGER payment_reversals_no_delete BEFORE DELETE ON payment_reversals
BEGIN
    SELECT RAISE(ABORT, 'kindly: payment reversals are a permanent record');
END;
CREATE TRIGGER refunds_no_update BEFORE UPDATE ON refunds
BEGIN
    SELECT RAISE(ABORT, 'kindly: refunds are a permanent record');
END;
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
BEGIN
    SELECT RAISE(ABORT, 'kindly: refunds are a permanent record');
END;

-- The limits, checked here too so that racing writers cannot pass them
-- between the application's check and the insert.
CREATE TRIGGER credit_notes_check BEFORE INSERT ON credit_notes
BEGIN
    SELECT RAISE(ABORT, 'kindly: invoice not creditable')
      WHERE (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'issued';
    SELECT RAISE(ABORT, 'kindly: currency mismatch')
      WHERE (SELECT currency FROM invoices WHERE id = NEW.invoice_id) <> NEW.currency;
    SELECT RAISE(ABORT, 'kindly: credit exceeds invoice')
      WHERE NEW.amount_minor > (SELECT total_minor - credited_minor FROM invoices WHERE id = NEW.invoice_id);
END;

-- A rate's part is added once its note exists; the note's own sums bind it.
CREATE TRIGGER credit_note_taxes_check BEFORE INSERT ON credit_note_taxes
BEGIN
    SELECT RAISE(ABORT, 'kindly: credit note split does not add up')
      WHERE NEW.net_minor + NEW.tax_minor + COALESCE((SELECT SUM(net_minor + tax_minor) FROM credit_note_taxes
                                                       WHERE credit_note_id = NEW.credit_note_id), 0)
          > (SELECT amount_minor FROM credit_notes WHERE id = NEW.credit_note_id);
END;

CREATE TRIGGER refunds_check BEFORE INSERT ON refunds
BEGIN
    SELECT RAISE(ABORT, 'kindly: currency mismatch')
      WHERE (SELECT currency FROM invoices WHERE id = NEW.invoice_id) <> NEW.currency;
    SELECT RAISE(ABORT, 'kindly: refund exceeds credit')
      WHERE NEW.amount_minor > (SELECT i.credited_minor - i.returned_minor - i.total_minor
                                       + COALESCE((SELECT SUM(p.amount_minor) FROM payments p WHERE p.invoice_id = i.id), 0)
                                FROM invoices i WHERE i.id = NEW.invoice_id);
END;

-- A reversal cannot take back money already refunded out of it: what was
-- received, less what was returned, stays at or above zero.
CREATE TRIGGER payment_reversals_check BEFORE INSERT ON payment_reversals
BEGIN
    -- Said first, so a second reversal is named as such (UNIQUE (payment_id) backs it).
    SELECT RAISE(ABORT, 'kindly: payment already reversed')
      WHERE EXISTS (SELECT 1 FROM payment_reversals WHERE payment_id = NEW.payment_id);
    SELECT RAISE(ABORT, 'kindly: reversal after refund')
      WHERE (SELECT p.amount_minor FROM payments p WHERE p.id = NEW.payment_id)
          > (SELECT COALESCE((SELECT SUM(q.amount_minor) FROM payments q WHERE q.invoice_id = i.id), 0) - i.returned_minor
             FROM invoices i WHERE i.id = (SELECT invoice_id FROM payments WHERE id = NEW.payment_id));
END;

-- paid_minor follows every payment, credit note, reversal and refund: one
-- formula, recomputed from the rows (replaces 0001's `paid_minor + amount`).
DROP TRIGGER payments_apply;
CREATE TRIGGER payments_apply AFTER INSERT ON payments
BEGIN
    UPDATE invoices SET paid_minor = MIN(total_minor, credited_minor - returned_minor
        + (SELECT SUM(amount_minor) FROM payments WHERE invoice_id = NEW.invoice_id))
    WHERE id = NEW.invoice_id;
END;

CREATE TRIGGER credit_notes_apply AFTER INSERT ON credit_notes
BEGIN
    UPDATE invoices SET credited_minor = credited_minor + NEW.amount_minor,
        paid_minor = MIN(total_minor, credited_minor + NEW.amount_minor - returned_minor
            + COALESCE((SELECT SUM(amount_minor) FROM payments WHERE invoice_id = NEW.invoice_id), 0))
    WHERE id = NEW.invoice_id;
END;

CREATE TRIGGER payment_reversals_apply AFTER INSERT ON payment_reversals
BEGIN
    UPDATE invoices SET returned_minor = returned_minor + (SELECT amount_minor FROM payments WHERE id = NEW.payment_id),
        paid_minor = MIN(total_minor, credited_minor - returned_minor - (SELECT amount_minor FROM payments WHERE id = NEW.payment_id)
            + COALESCE((SELECT SUM(amount_minor) FROM payments WHERE invoice_id = invoices.id), 0))
    WHERE id = (SELECT invoice_id FROM payments WHERE id = NEW.payment_id);
END;

CREATE TRIGGER refunds_apply AFTER INSERT ON refunds
BEGIN
    UPDATE invoices SET returned_minor = returned_minor + NEW.amount_minor,
        paid_minor = MIN(total_minor, credited_minor - returned_minor - NEW.amount_minor
            + COALESCE((SELECT SUM(amount_minor) FROM payments WHERE invoice_id = NEW.invoice_id), 0))
    WHERE id = NEW.invoice_id;
END;

-- paid_in_full_on (0014): the day the invoice was settled with money
-- received (the latest of its counted payments and its credit notes); an
-- invoice settled wholly by credit notes was never paid, so it stays NULL
-- (it is not "paid in full" in the overview). A reversal that re-opens an
-- invoice clears it.
DROP TRIGGER invoices_paid_in_full;
CREATE TRIGGER invoices_paid_in_full AFTER UPDATE OF paid_minor ON invoices
WHEN NEW.paid_minor > 0 AND NEW.paid_minor >= NEW.total_minor AND NEW.paid_in_full_on IS NULL
 AND COALESCE((SELECT SUM(amount_minor) FROM payments WHERE invoice_id = NEW.id), 0) > NEW.returned_minor
BEGIN
    UPDATE invoices SET paid_in_full_on = (
        SELECT MAX(d) FROM (
            SELECT p.paid_on AS d FROM payments p WHERE p.invoice_id = NEW.id
               AND NOT EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id)
            UNION ALL SELECT c.issue_date FROM credit_notes c WHERE c.invoice_id = NEW.id))
    WHERE id = NEW.id;
END;
CREATE TRIGGER invoices_reopened AFTER UPDATE OF paid_minor ON invoices
WHEN NEW.paid_minor < NEW.total_minor AND NEW.paid_in_full_on IS NOT NULL
BEGIN
    UPDATE invoices SET paid_in_full_on = NULL WHERE id = NEW.id;
END;

-- The overview: a reversal is a negative collection (amount and count) on
-- the day it is recorded as reversed; a refund is a negative collection of
-- its amount on its day (the payment it pays back was received and
-- counted). Credit notes are summed by issue date beside what was invoiced.
ALTER TABLE overview_days ADD COLUMN credited_minor INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER overview_reversal_insert AFTER INSERT ON payment_reversals
BEGIN
    INSERT INTO overview_days (currency, day, collected_minor, collected_count)
    SELECT p.currency, NEW.reversed_on, -p.amount_minor, -1 FROM payments p WHERE p.id = NEW.payment_id
    ON CONFLICT (currency, day) DO UPDATE SET collected_minor = collected_minor + excluded.collected_minor,
        collected_count = collected_count + excluded.collected_count;
END;

CREATE TRIGGER overview_refund_insert AFTER INSERT ON refunds
BEGIN
    INSERT INTO overview_days (currency, day, collected_minor, collected_count)
    VALUES (NEW.currency, NEW.refunded_on, -NEW.amount_minor, 0)
    ON CONFLICT (currency, day) DO UPDATE SET collected_minor = collected_minor + excluded.collected_minor,
        collected_count = collected_count + excluded.collected_count;
END;

CREATE TRIGGER overview_credit_note_insert AFTER INSERT ON credit_notes
BEGIN
    INSERT INTO overview_days (currency, day, credited_minor)
    VALUES (NEW.currency, NEW.issue_date, NEW.amount_minor)
    ON CONFLICT (currency, day) DO UPDATE SET credited_minor = credited_minor + excluded.credited_minor;
END;

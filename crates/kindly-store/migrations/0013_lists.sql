-- Lists and searches that stay fast at 1,000,000 invoices / 100,000 clients
-- (issue #14), and what each client owes.
--
-- Nothing here stores a derived *state*: "overdue" and "due soon" depend on
-- the day, so the indexes keep due dates and the boundary (today) is applied
-- at query time; nothing goes stale overnight.

-- Substring search (≥ 3 characters) through trigram indexes. External
-- content: the text stays in `invoices.number` and `clients.search_text`;
-- these tables only index it. The queries re-check each candidate with the
-- same LIKE as before, so the results are exactly the former ones.
CREATE VIRTUAL TABLE invoice_number_search USING fts5(
    number, content = 'invoices', content_rowid = 'id', tokenize = 'trigram', detail = 'none'
);
INSERT INTO invoice_number_search (invoice_number_search) VALUES ('rebuild');

CREATE TRIGGER invoice_number_search_insert AFTER INSERT ON invoices
BEGIN
    INSERT INTO invoice_number_search (rowid, number) VALUES (NEW.id, NEW.number);
END;
CREATE TRIGGER invoice_number_search_update AFTER UPDATE OF number ON invoices
WHEN OLD.number IS NOT NEW.number
BEGIN
    INSERT INTO invoice_number_search (invoice_number_search, rowid, number) VALUES ('delete', OLD.id, OLD.number);
    INSERT INTO invoice_number_search (rowid, number) VALUES (NEW.id, NEW.number);
END;
CREATE TRIGGER invoice_number_search_delete AFTER DELETE ON invoices
BEGIN
    INSERT INTO invoice_number_search (invoice_number_search, rowid, number) VALUES ('delete', OLD.id, OLD.number);
END;

CREATE VIRTUAL TABLE client_search USING fts5(
    search_text, content = 'clients', content_rowid = 'id', tokenize = 'trigram', detail = 'none'
);
INSERT INTO client_search (client_search) VALUES ('rebuild');

CREATE TRIGGER client_search_insert AFTER INSERT ON clients
BEGIN
    INSERT INTO client_search (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER client_search_update AFTER UPDATE OF search_text ON clients
WHEN OLD.search_text IS NOT NEW.search_text
BEGIN
    INSERT INTO client_search (client_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
    INSERT INTO client_search (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER client_search_delete AFTER DELETE ON clients
BEGIN
    INSERT INTO client_search (client_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
END;

-- Searches of one or two characters (too short for trigrams) match the
-- start of the client's name: search_text begins with the lower-cased name.
CREATE INDEX clients_by_search_text ON clients (search_text);

-- The attention order reads one index range per group (overdue, due soon,
-- partly paid, open, drafts, paid, cancelled), each in due-date order; the
-- open ones already have `invoices_unpaid` (0001).
CREATE INDEX invoices_settled ON invoices (due_date) WHERE status = 'issued' AND paid_minor >= total_minor;
CREATE INDEX invoices_drafts ON invoices (due_date) WHERE status = 'draft';
CREATE INDEX invoices_cancelled ON invoices (due_date) WHERE status = 'cancelled';
-- The overview's lists: open invoices in one currency by due date (aging
-- buckets, due in the next weeks), and invoices issued in a period.
CREATE INDEX invoices_unpaid_by_currency ON invoices (currency, due_date)
    WHERE status = 'issued' AND paid_minor < total_minor;
CREATE INDEX invoices_by_issue ON invoices (issue_date, currency, status, due_date, paid_minor, total_minor);

-- A client's invoices, and a search's matches through their clients, with
-- every column the lists filter and sort on (was (client_id, due_date)).
DROP INDEX invoices_by_client;
CREATE INDEX invoices_by_client ON invoices (client_id, due_date, status, paid_minor, total_minor, currency, issue_date);

-- The payments list, newest first, optionally in one currency.
CREATE INDEX payments_by_day ON payments (paid_on, id);
CREATE INDEX payments_by_currency_day ON payments (currency, paid_on, id);

-- What each client owes per currency: the sum still owing on their issued
-- invoices, how many are open, and the earliest due date among them (a
-- client is overdue when that date is before today, decided at query time).
-- Kept by the triggers below, which recompute the (client, currency) rows
-- an invoice change touches from the invoices themselves, so it cannot
-- drift; a property test compares it with a plain computation.
CREATE TABLE client_balances (
    client_id        INTEGER NOT NULL REFERENCES clients (id),
    currency         TEXT NOT NULL,
    owed_minor       INTEGER NOT NULL,
    open_invoices    INTEGER NOT NULL,
    oldest_open_due  TEXT NOT NULL,
    PRIMARY KEY (client_id, currency)
) STRICT, WITHOUT ROWID;

CREATE INDEX client_balances_by_owed ON client_balances (currency, owed_minor DESC, client_id);
CREATE INDEX client_balances_by_oldest ON client_balances (currency, oldest_open_due, client_id);

INSERT INTO client_balances (client_id, currency, owed_minor, open_invoices, oldest_open_due)
    SELECT client_id, currency, SUM(total_minor - paid_minor), COUNT(*), MIN(due_date) FROM invoices
    WHERE status = 'issued' AND paid_minor < total_minor GROUP BY client_id, currency;

CREATE TRIGGER client_balances_insert AFTER INSERT ON invoices WHEN NEW.status = 'issued'
BEGIN
    DELETE FROM client_balances WHERE client_id = NEW.client_id AND currency = NEW.currency;
    INSERT INTO client_balances (client_id, currency, owed_minor, open_invoices, oldest_open_due)
        SELECT NEW.client_id, NEW.currency, SUM(total_minor - paid_minor), COUNT(*), MIN(due_date) FROM invoices
        WHERE client_id = NEW.client_id AND currency = NEW.currency AND status = 'issued' AND paid_minor < total_minor
        HAVING COUNT(*) > 0;
END;

CREATE TRIGGER client_balances_update
AFTER UPDATE OF status, paid_minor, total_minor, due_date, currency, client_id ON invoices
WHEN OLD.status = 'issued' OR NEW.status = 'issued'
BEGIN
    DELETE FROM client_balances WHERE client_id = OLD.client_id AND currency = OLD.currency;
    INSERT INTO client_balances (client_id, currency, owed_minor, open_invoices, oldest_open_due)
        SELECT OLD.client_id, OLD.currency, SUM(total_minor - paid_minor), COUNT(*), MIN(due_date) FROM invoices
        WHERE client_id = OLD.client_id AND currency = OLD.currency AND status = 'issued' AND paid_minor < total_minor
        HAVING COUNT(*) > 0;
    DELETE FROM client_balances WHERE client_id = NEW.client_id AND currency = NEW.currency
        AND (NEW.client_id <> OLD.client_id OR NEW.currency <> OLD.currency);
    INSERT INTO client_balances (client_id, currency, owed_minor, open_invoices, oldest_open_due)
        SELECT NEW.client_id, NEW.currency, SUM(total_minor - paid_minor), COUNT(*), MIN(due_date) FROM invoices
        WHERE client_id = NEW.client_id AND currency = NEW.currency AND status = 'issued' AND paid_minor < total_minor
          AND (NEW.client_id <> OLD.client_id OR NEW.currency <> OLD.currency)
        HAVING COUNT(*) > 0;
END;

CREATE TRIGGER client_balances_delete AFTER DELETE ON invoices WHEN OLD.status = 'issued'
BEGIN
    DELETE FROM client_balances WHERE client_id = OLD.client_id AND currency = OLD.currency;
    INSERT INTO client_balances (client_id, currency, owed_minor, open_invoices, oldest_open_due)
        SELECT OLD.client_id, OLD.currency, SUM(total_minor - paid_minor), COUNT(*), MIN(due_date) FROM invoices
        WHERE client_id = OLD.client_id AND currency = OLD.currency AND status = 'issued' AND paid_minor < total_minor
        HAVING COUNT(*) > 0;
END;

-- How many invoices there are per kind (draft, cancelled, paid, unpaid:
-- issued with nothing paid yet, part: issued and partly paid), currency and
-- due date: a list's total without counting a million rows. The derived
-- states are ranges of due dates over these kinds on the day asked.
CREATE TABLE invoice_tallies (
    kind      TEXT NOT NULL CHECK (kind IN ('draft', 'cancelled', 'paid', 'unpaid', 'part')),
    currency  TEXT NOT NULL,
    due_date  TEXT NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (kind, currency, due_date)
) STRICT, WITHOUT ROWID;

INSERT INTO invoice_tallies (kind, currency, due_date, n)
    SELECT CASE WHEN status <> 'issued' THEN status WHEN paid_minor >= total_minor THEN 'paid'
                WHEN paid_minor > 0 THEN 'part' ELSE 'unpaid' END AS kind,
           currency, due_date, COUNT(*)
    FROM invoices GROUP BY 1, 2, 3;

CREATE TRIGGER invoice_tallies_insert AFTER INSERT ON invoices
BEGIN
    INSERT INTO invoice_tallies (kind, currency, due_date, n)
        VALUES (CASE WHEN NEW.status <> 'issued' THEN NEW.status WHEN NEW.paid_minor >= NEW.total_minor THEN 'paid'
                     WHEN NEW.paid_minor > 0 THEN 'part' ELSE 'unpaid' END, NEW.currency, NEW.due_date, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER invoice_tallies_update AFTER UPDATE OF status, paid_minor, total_minor, due_date, currency ON invoices
BEGIN
    UPDATE invoice_tallies SET n = n - 1
        WHERE kind = CASE WHEN OLD.status <> 'issued' THEN OLD.status WHEN OLD.paid_minor >= OLD.total_minor THEN 'paid'
                          WHEN OLD.paid_minor > 0 THEN 'part' ELSE 'unpaid' END
          AND currency = OLD.currency AND due_date = OLD.due_date;
    INSERT INTO invoice_tallies (kind, currency, due_date, n)
        VALUES (CASE WHEN NEW.status <> 'issued' THEN NEW.status WHEN NEW.paid_minor >= NEW.total_minor THEN 'paid'
                     WHEN NEW.paid_minor > 0 THEN 'part' ELSE 'unpaid' END, NEW.currency, NEW.due_date, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER invoice_tallies_delete AFTER DELETE ON invoices
BEGIN
    UPDATE invoice_tallies SET n = n - 1
        WHERE kind = CASE WHEN OLD.status <> 'issued' THEN OLD.status WHEN OLD.paid_minor >= OLD.total_minor THEN 'paid'
                          WHEN OLD.paid_minor > 0 THEN 'part' ELSE 'unpaid' END
          AND currency = OLD.currency AND due_date = OLD.due_date;
END;

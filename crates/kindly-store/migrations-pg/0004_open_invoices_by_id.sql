-- Twin of SQLite's 0022: the open invoices' columns the overview's
-- expected cash-in reads by id, densely in one index (issue #14).
CREATE INDEX invoices_open_by_id ON invoices (id, currency, due_date, total_minor, paid_minor)
    WHERE status = 'issued' AND paid_minor < total_minor;

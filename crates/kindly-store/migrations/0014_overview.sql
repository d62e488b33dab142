-- The overview's figures (issue #14) without reading a million invoices:
-- summaries kept by triggers, in the same transaction as every change.
--
-- * invoices.paid_in_full_on: the day an invoice became fully paid (the
--   latest paid_on of its payments when they reach its total), set by a
--   trigger when paid_minor reaches total_minor, never by application code.
-- * overview_days: per currency and day, what was invoiced (issued invoices
--   by issue date, cancelled ones removed), collected (payments by paid_on)
--   and paid in full (invoices by paid_in_full_on, with their days to pay).
-- * overview_open: per currency and due date, what issued invoices still owe.
-- * overview_steps: per currency and ladder stage, steps done and invoices
--   fully paid within 7 days after the step.
-- * overview_pay_speed: per currency and client, days to pay over the
--   invoices fully paid in a window of days (overview_window): the window
--   moves with the user's day, so the read that needs it first brings it to
--   that day (a few days' worth of rows); the triggers keep it exact in
--   between.
--
-- An invoice's contribution is a function of its row (a draft contributes
-- nothing); the triggers remove the old row's and add the new row's, so any
-- sequence of changes telescopes to the contribution of the final row.

ALTER TABLE invoices ADD COLUMN paid_in_full_on TEXT;

UPDATE invoices SET paid_in_full_on = (SELECT MAX(p.paid_on) FROM payments p WHERE p.invoice_id = invoices.id)
WHERE paid_minor > 0 AND paid_minor >= total_minor;

CREATE INDEX invoices_paid_in_full ON invoices (paid_in_full_on, currency, client_id, issue_date)
    WHERE paid_in_full_on IS NOT NULL AND status = 'issued';

CREATE TABLE overview_days (
    currency         TEXT NOT NULL,
    day              TEXT NOT NULL,
    invoiced_minor   INTEGER NOT NULL DEFAULT 0,
    invoiced_count   INTEGER NOT NULL DEFAULT 0,
    collected_minor  INTEGER NOT NULL DEFAULT 0,
    collected_count  INTEGER NOT NULL DEFAULT 0,
    paid_full_count  INTEGER NOT NULL DEFAULT 0,
    paid_full_days   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (currency, day)
) STRICT, WITHOUT ROWID;

CREATE TABLE overview_open (
    currency     TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    owing_minor  INTEGER NOT NULL DEFAULT 0,
    owing_count  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (currency, due_date)
) STRICT, WITHOUT ROWID;

CREATE TABLE overview_steps (
    currency        TEXT NOT NULL,
    stage_key       TEXT NOT NULL,
    steps           INTEGER NOT NULL DEFAULT 0,
    paid_within_7   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (currency, stage_key)
) STRICT, WITHOUT ROWID;

-- The one window overview_pay_speed holds (inclusive days), NULL until the
-- first overview builds it.
CREATE TABLE overview_window (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    from_day  TEXT,
    to_day    TEXT
) STRICT;
INSERT INTO overview_window (id, from_day, to_day) VALUES (1, NULL, NULL);

CREATE TABLE overview_pay_speed (
    currency   TEXT NOT NULL,
    client_id  INTEGER NOT NULL,
    days       INTEGER NOT NULL,
    invoices   INTEGER NOT NULL,
    PRIMARY KEY (currency, client_id)
) STRICT, WITHOUT ROWID;

-- The slowest average first (ties: more invoices, then the client id).
CREATE INDEX overview_pay_speed_slowest ON overview_pay_speed (currency, (days * 1.0 / invoices) DESC, invoices DESC, client_id)
    WHERE invoices > 0;

-- Backfill.
INSERT INTO overview_days (currency, day, invoiced_minor, invoiced_count)
SELECT currency, issue_date, SUM(total_minor), COUNT(*) FROM invoices WHERE status = 'issued'
GROUP BY currency, issue_date;

INSERT INTO overview_days (currency, day, collected_minor, collected_count)
SELECT currency, paid_on, SUM(amount_minor), COUNT(*) FROM payments WHERE true
GROUP BY currency, paid_on
ON CONFLICT (currency, day) DO UPDATE SET collected_minor = collected_minor + excluded.collected_minor,
    collected_count = collected_count + excluded.collected_count;

INSERT INTO overview_days (currency, day, paid_full_count, paid_full_days)
SELECT currency, paid_in_full_on, COUNT(*),
       SUM(MAX(0, CAST(julianday(paid_in_full_on) - julianday(issue_date) AS INTEGER)))
FROM invoices WHERE status = 'issued' AND paid_in_full_on IS NOT NULL
GROUP BY currency, paid_in_full_on
ON CONFLICT (currency, day) DO UPDATE SET paid_full_count = paid_full_count + excluded.paid_full_count,
    paid_full_days = paid_full_days + excluded.paid_full_days;

INSERT INTO overview_open (currency, due_date, owing_minor, owing_count)
SELECT currency, due_date, SUM(total_minor - paid_minor), COUNT(*) FROM invoices
WHERE status = 'issued' AND paid_minor < total_minor
GROUP BY currency, due_date;

INSERT INTO overview_steps (currency, stage_key, steps, paid_within_7)
SELECT i.currency, s.stage_key, COUNT(*),
       SUM(i.paid_in_full_on IS NOT NULL AND i.paid_in_full_on BETWEEN s.done_on AND date(s.done_on, '+7 days'))
FROM followup_steps s JOIN invoices i ON i.id = s.invoice_id
GROUP BY i.currency, s.stage_key;

-- The day an invoice became fully paid. (On invoices, not payments: SQLite
-- does not order triggers of one event, so a payments trigger could run
-- before paid_minor is updated.) Its own UPDATE fires the summaries below.
CREATE TRIGGER invoices_paid_in_full AFTER UPDATE OF paid_minor ON invoices
WHEN NEW.paid_minor > 0 AND NEW.paid_minor >= NEW.total_minor AND NEW.paid_in_full_on IS NULL
BEGIN
    UPDATE invoices SET paid_in_full_on = (SELECT MAX(paid_on) FROM payments WHERE invoice_id = NEW.id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER overview_payment_insert AFTER INSERT ON payments
BEGIN
    INSERT INTO overview_days (currency, day, collected_minor, collected_count)
    VALUES (NEW.currency, NEW.paid_on, NEW.amount_minor, 1)
    ON CONFLICT (currency, day) DO UPDATE SET collected_minor = collected_minor + excluded.collected_minor,
        collected_count = collected_count + excluded.collected_count;
END;

CREATE TRIGGER overview_step_insert AFTER INSERT ON followup_steps
BEGIN
    INSERT INTO overview_steps (currency, stage_key, steps, paid_within_7)
    SELECT i.currency, NEW.stage_key, 1,
           i.paid_in_full_on IS NOT NULL AND i.paid_in_full_on BETWEEN NEW.done_on AND date(NEW.done_on, '+7 days')
    FROM invoices i WHERE i.id = NEW.invoice_id
    ON CONFLICT (currency, stage_key) DO UPDATE SET steps = steps + excluded.steps,
        paid_within_7 = paid_within_7 + excluded.paid_within_7;
END;

-- A step's "paid within 7 days" follows its invoice's paid_in_full_on.
CREATE TRIGGER overview_steps_paid AFTER UPDATE OF paid_in_full_on ON invoices
WHEN NEW.paid_in_full_on IS NOT OLD.paid_in_full_on
BEGIN
    INSERT INTO overview_steps (currency, stage_key, paid_within_7)
    SELECT NEW.currency, s.stage_key,
           (NEW.paid_in_full_on IS NOT NULL AND NEW.paid_in_full_on BETWEEN s.done_on AND date(s.done_on, '+7 days'))
         - (OLD.paid_in_full_on IS NOT NULL AND OLD.paid_in_full_on BETWEEN s.done_on AND date(s.done_on, '+7 days'))
    FROM followup_steps s WHERE s.invoice_id = NEW.id
    ON CONFLICT (currency, stage_key) DO UPDATE SET paid_within_7 = paid_within_7 + excluded.paid_within_7;
END;

CREATE TRIGGER overview_invoice_insert AFTER INSERT ON invoices
WHEN NEW.status = 'issued'
BEGIN
    INSERT INTO overview_days (currency, day, invoiced_minor, invoiced_count)
    VALUES (NEW.currency, NEW.issue_date, NEW.total_minor, 1)
    ON CONFLICT (currency, day) DO UPDATE SET invoiced_minor = invoiced_minor + excluded.invoiced_minor,
        invoiced_count = invoiced_count + excluded.invoiced_count;
    INSERT INTO overview_open (currency, due_date, owing_minor, owing_count)
    SELECT NEW.currency, NEW.due_date, NEW.total_minor - NEW.paid_minor, 1 WHERE NEW.paid_minor < NEW.total_minor
    ON CONFLICT (currency, due_date) DO UPDATE SET owing_minor = owing_minor + excluded.owing_minor,
        owing_count = owing_count + excluded.owing_count;
END;

CREATE TRIGGER overview_invoice_update
AFTER UPDATE OF status, paid_minor, paid_in_full_on, total_minor, due_date, issue_date, currency, client_id ON invoices
WHEN OLD.status = 'issued' OR NEW.status = 'issued'
BEGIN
    -- Invoiced: issued invoices by issue date.
    INSERT INTO overview_days (currency, day, invoiced_minor, invoiced_count)
    SELECT OLD.currency, OLD.issue_date, -OLD.total_minor, -1
    WHERE OLD.status = 'issued' AND NOT (NEW.status = 'issued' AND NEW.currency = OLD.currency
        AND NEW.issue_date = OLD.issue_date AND NEW.total_minor = OLD.total_minor)
    ON CONFLICT (currency, day) DO UPDATE SET invoiced_minor = invoiced_minor + excluded.invoiced_minor,
        invoiced_count = invoiced_count + excluded.invoiced_count;
    INSERT INTO overview_days (currency, day, invoiced_minor, invoiced_count)
    SELECT NEW.currency, NEW.issue_date, NEW.total_minor, 1
    WHERE NEW.status = 'issued' AND NOT (OLD.status = 'issued' AND NEW.currency = OLD.currency
        AND NEW.issue_date = OLD.issue_date AND NEW.total_minor = OLD.total_minor)
    ON CONFLICT (currency, day) DO UPDATE SET invoiced_minor = invoiced_minor + excluded.invoiced_minor,
        invoiced_count = invoiced_count + excluded.invoiced_count;
    -- Open: what issued invoices still owe, by due date.
    INSERT INTO overview_open (currency, due_date, owing_minor, owing_count)
    SELECT OLD.currency, OLD.due_date, OLD.paid_minor - OLD.total_minor, -1
    WHERE OLD.status = 'issued' AND OLD.paid_minor < OLD.total_minor
    ON CONFLICT (currency, due_date) DO UPDATE SET owing_minor = owing_minor + excluded.owing_minor,
        owing_count = owing_count + excluded.owing_count;
    INSERT INTO overview_open (currency, due_date, owing_minor, owing_count)
    SELECT NEW.currency, NEW.due_date, NEW.total_minor - NEW.paid_minor, 1
    WHERE NEW.status = 'issued' AND NEW.paid_minor < NEW.total_minor
    ON CONFLICT (currency, due_date) DO UPDATE SET owing_minor = owing_minor + excluded.owing_minor,
        owing_count = owing_count + excluded.owing_count;
    -- Paid in full: by the day, with the days it took.
    INSERT INTO overview_days (currency, day, paid_full_count, paid_full_days)
    SELECT OLD.currency, OLD.paid_in_full_on, -1,
           -MAX(0, CAST(julianday(OLD.paid_in_full_on) - julianday(OLD.issue_date) AS INTEGER))
    WHERE OLD.status = 'issued' AND OLD.paid_in_full_on IS NOT NULL
    ON CONFLICT (currency, day) DO UPDATE SET paid_full_count = paid_full_count + excluded.paid_full_count,
        paid_full_days = paid_full_days + excluded.paid_full_days;
    INSERT INTO overview_days (currency, day, paid_full_count, paid_full_days)
    SELECT NEW.currency, NEW.paid_in_full_on, 1,
           MAX(0, CAST(julianday(NEW.paid_in_full_on) - julianday(NEW.issue_date) AS INTEGER))
    WHERE NEW.status = 'issued' AND NEW.paid_in_full_on IS NOT NULL
    ON CONFLICT (currency, day) DO UPDATE SET paid_full_count = paid_full_count + excluded.paid_full_count,
        paid_full_days = paid_full_days + excluded.paid_full_days;
    -- Per client, inside the window the overview last used.
    INSERT INTO overview_pay_speed (currency, client_id, days, invoices)
    SELECT OLD.currency, OLD.client_id,
           -MAX(0, CAST(julianday(OLD.paid_in_full_on) - julianday(OLD.issue_date) AS INTEGER)), -1
    FROM overview_window w
    WHERE OLD.status = 'issued' AND OLD.paid_in_full_on BETWEEN w.from_day AND w.to_day
    ON CONFLICT (currency, client_id) DO UPDATE SET days = days + excluded.days, invoices = invoices + excluded.invoices;
    INSERT INTO overview_pay_speed (currency, client_id, days, invoices)
    SELECT NEW.currency, NEW.client_id,
           MAX(0, CAST(julianday(NEW.paid_in_full_on) - julianday(NEW.issue_date) AS INTEGER)), 1
    FROM overview_window w
    WHERE NEW.status = 'issued' AND NEW.paid_in_full_on BETWEEN w.from_day AND w.to_day
    ON CONFLICT (currency, client_id) DO UPDATE SET days = days + excluded.days, invoices = invoices + excluded.invoices;
END;

-- Only drafts can be deleted today; should an issued invoice ever go, its
-- contribution goes with it.
CREATE TRIGGER overview_invoice_delete AFTER DELETE ON invoices
WHEN OLD.status = 'issued'
BEGIN
    INSERT INTO overview_days (currency, day, invoiced_minor, invoiced_count)
    VALUES (OLD.currency, OLD.issue_date, -OLD.total_minor, -1)
    ON CONFLICT (currency, day) DO UPDATE SET invoiced_minor = invoiced_minor + excluded.invoiced_minor,
        invoiced_count = invoiced_count + excluded.invoiced_count;
    INSERT INTO overview_open (currency, due_date, owing_minor, owing_count)
    SELECT OLD.currency, OLD.due_date, OLD.paid_minor - OLD.total_minor, -1 WHERE OLD.paid_minor < OLD.total_minor
    ON CONFLICT (currency, due_date) DO UPDATE SET owing_minor = owing_minor + excluded.owing_minor,
        owing_count = owing_count + excluded.owing_count;
    INSERT INTO overview_days (currency, day, paid_full_count, paid_full_days)
    SELECT OLD.currency, OLD.paid_in_full_on, -1,
           -MAX(0, CAST(julianday(OLD.paid_in_full_on) - julianday(OLD.issue_date) AS INTEGER))
    WHERE OLD.paid_in_full_on IS NOT NULL
    ON CONFLICT (currency, day) DO UPDATE SET paid_full_count = paid_full_count + excluded.paid_full_count,
        paid_full_days = paid_full_days + excluded.paid_full_days;
    INSERT INTO overview_pay_speed (currency, client_id, days, invoices)
    SELECT OLD.currency, OLD.client_id,
           -MAX(0, CAST(julianday(OLD.paid_in_full_on) - julianday(OLD.issue_date) AS INTEGER)), -1
    FROM overview_window w WHERE OLD.paid_in_full_on BETWEEN w.from_day AND w.to_day
    ON CONFLICT (currency, client_id) DO UPDATE SET days = days + excluded.days, invoices = invoices + excluded.invoices;
END;

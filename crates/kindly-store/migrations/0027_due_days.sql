-- How many follow-ups fall due on each day and are not on hold, kept by
-- triggers: today's queue counts what is due by adding up the days until
-- today (a few hundred rows) instead of reading every due row's index entry
-- (193,000 of them at 1,000,000 invoices). Held invoices are counted apart
-- (`followups_held`: they are few). The twin is migrations-pg/0010_due_days.sql.
CREATE TABLE followup_due_days (
    day TEXT PRIMARY KEY,
    n INTEGER NOT NULL
);

INSERT INTO followup_due_days (day, n)
SELECT next_action_on, COUNT(*) FROM followups
WHERE next_action_on IS NOT NULL AND hold IS NULL
GROUP BY next_action_on;

CREATE TRIGGER followup_due_days_insert AFTER INSERT ON followups
WHEN NEW.next_action_on IS NOT NULL AND NEW.hold IS NULL
BEGIN
    INSERT INTO followup_due_days (day, n) VALUES (NEW.next_action_on, 1)
    ON CONFLICT (day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER followup_due_days_delete AFTER DELETE ON followups
WHEN OLD.next_action_on IS NOT NULL AND OLD.hold IS NULL
BEGIN
    UPDATE followup_due_days SET n = n - 1 WHERE day = OLD.next_action_on;
END;

CREATE TRIGGER followup_due_days_update AFTER UPDATE OF next_action_on, hold ON followups
WHEN (OLD.next_action_on IS NOT NULL AND OLD.hold IS NULL) <> (NEW.next_action_on IS NOT NULL AND NEW.hold IS NULL)
    OR (NEW.next_action_on IS NOT NULL AND NEW.hold IS NULL AND OLD.next_action_on <> NEW.next_action_on)
BEGIN
    UPDATE followup_due_days SET n = n - 1
    WHERE day = OLD.next_action_on AND OLD.next_action_on IS NOT NULL AND OLD.hold IS NULL;
    INSERT INTO followup_due_days (day, n)
    SELECT NEW.next_action_on, 1 WHERE NEW.next_action_on IS NOT NULL AND NEW.hold IS NULL
    ON CONFLICT (day) DO UPDATE SET n = n + 1;
END;

-- The held invoices whose pause has ended (counted apart from the days).
CREATE INDEX followups_held ON followups (hold_until, next_action_on) WHERE hold = 'paused';

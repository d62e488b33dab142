-- Follow-ups: ladders, templates, payment methods, and the state of each
-- issued invoice on its ladder.

CREATE TABLE ladders (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    stages      TEXT NOT NULL,          -- JSON array of kindly_followup::ladder::Stage
    created_at  TEXT NOT NULL
) STRICT;

-- A client may follow its own ladder; NULL means the default ladder (settings 'default_ladder').
ALTER TABLE clients ADD COLUMN ladder_id INTEGER REFERENCES ladders (id);

-- The few clients not being chased: today's queue excludes them by this
-- small list instead of looking up every due invoice's client.
CREATE INDEX clients_not_chased ON clients (id, chasing, chasing_until) WHERE chasing <> 'on';

-- Templates edited by the user; the shipped wording is used where there is no row.
CREATE TABLE templates (
    stage_key   TEXT NOT NULL,
    language    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (stage_key, language)
) STRICT;

-- One row per issued invoice: where it stands on its ladder.
-- next_action_on is the day the next stage becomes due, or NULL when there
-- is nothing left to do (paid, cancelled, or every stage done); today's
-- queue reads only rows with next_action_on <= today through the index.
CREATE TABLE followups (
    invoice_id        INTEGER PRIMARY KEY REFERENCES invoices (id),
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    last_done_offset  INTEGER,
    next_action_on    TEXT,
    hold              TEXT CHECK (hold IN ('paused', 'disputed')),
    hold_until        TEXT,
    hold_reason       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX followups_due ON followups (next_action_on, invoice_id, client_id, hold, hold_until)
    WHERE next_action_on IS NOT NULL;

-- The record of steps done. A stage is done at most once per invoice.
CREATE TABLE followup_steps (
    id               INTEGER PRIMARY KEY,
    invoice_id       INTEGER NOT NULL REFERENCES invoices (id),
    stage_key        TEXT NOT NULL,
    stage_offset     INTEGER NOT NULL,
    channel          TEXT NOT NULL CHECK (channel IN ('email', 'letter', 'phone')),
    done_on          TEXT NOT NULL,
    at               TEXT NOT NULL,
    timeline_id      INTEGER REFERENCES timeline (id),
    document_sha256  TEXT,
    UNIQUE (invoice_id, stage_key)
) STRICT;

CREATE TRIGGER followup_steps_no_update BEFORE UPDATE ON followup_steps
BEGIN
    SELECT RAISE(ABORT, 'kindly: the record of follow-ups is append-only');
END;
CREATE TRIGGER followup_steps_no_delete BEFORE DELETE ON followup_steps
BEGIN
    SELECT RAISE(ABORT, 'kindly: the record of follow-ups is append-only');
END;

-- Nothing more to chase once an invoice is paid in full or cancelled.
-- (On invoices, not payments: SQLite does not order triggers of one event,
-- so a payments trigger could run before paid_minor is updated.)
CREATE TRIGGER followups_stop_when_paid AFTER UPDATE OF paid_minor ON invoices
WHEN NEW.paid_minor >= NEW.total_minor
BEGIN
    UPDATE followups SET next_action_on = NULL WHERE invoice_id = NEW.id;
END;
CREATE TRIGGER followups_stop_when_cancelled AFTER UPDATE OF status ON invoices
WHEN NEW.status = 'cancelled'
BEGIN
    UPDATE followups SET next_action_on = NULL WHERE invoice_id = NEW.id;
END;

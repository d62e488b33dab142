-- no-transaction
-- The outbox carries statements of account too ('statement'): a client's
-- open invoices, payments and balance, sent as a PDF. At most one statement
-- that is not withdrawn per client and day, whatever its invoices: its stage
-- key is 'statement:<client id>:<YYYY-MM-DD>' and a partial unique index
-- keeps it single (queuing again the same day finds the first one).
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt
-- as 0006 did (foreign keys off while the old table is replaced, checked
-- before the commit). Every index and trigger on `outbox` is created again
-- below: a later migration that adds one to `outbox` must keep this list
-- in mind.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE outbox_new (
    id               INTEGER PRIMARY KEY,
    message_id       TEXT NOT NULL UNIQUE,
    -- 'ladder': a stage of the invoices' ladder (sending it completes the stage);
    -- 'plan': an installment plan proposal (recorded in the timeline only);
    -- 'plan_reminder': an installment's heads-up/reminder or a broken plan's
    --   notice (sending it records the plan reminder, once);
    -- 'promise': the follow-up about a broken promise to pay (sending it
    --   records the follow-up, once);
    -- 'statement': a statement of account (sending it records a
    --   'statement_sent' contact with the client).
    kind             TEXT NOT NULL DEFAULT 'ladder'
                     CHECK (kind IN ('ladder', 'plan', 'plan_reminder', 'promise', 'statement')),
    client_id        INTEGER NOT NULL REFERENCES clients (id),
    stage_key        TEXT NOT NULL,
    stage_offset     INTEGER NOT NULL,
    envelope_from    TEXT NOT NULL,
    recipients       TEXT NOT NULL,
    to_display       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    raw              BLOB NOT NULL,
    raw_sha256       TEXT NOT NULL,
    eml_path         TEXT,
    state            TEXT NOT NULL DEFAULT 'queued'
                     CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    error_code       TEXT,
    error            TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    sending_at       TEXT,
    sent_at          TEXT,
    server_reply     TEXT,
    timeline_id      INTEGER REFERENCES timeline (id),
    plan_id          INTEGER REFERENCES plans (id),
    installment_seq  INTEGER,
    reminder_kind    TEXT CHECK (reminder_kind IN ('heads_up', 'reminder', 'broken_notice')),
    promise_id       INTEGER REFERENCES promises (id),
    CHECK (kind <> 'plan_reminder' OR (plan_id IS NOT NULL AND installment_seq IS NOT NULL AND reminder_kind IS NOT NULL)),
    CHECK (kind <> 'promise' OR promise_id IS NOT NULL),
    CHECK (kind <> 'statement' OR stage_key LIKE 'statement:%')
) STRICT;

INSERT INTO outbox_new (id, message_id, kind, client_id, stage_key, stage_offset, envelope_from, recipients,
                        to_display, subject, body, raw, raw_sha256, eml_path, state, attempts, next_attempt_at,
                        error_code, error, created_at, updated_at, sending_at, sent_at, server_reply, timeline_id,
                        plan_id, installment_seq, reminder_kind, promise_id)
SELECT id, message_id, kind, client_id, stage_key, stage_offset, envelope_from, recipients,
       to_display, subject, body, raw, raw_sha256, eml_path, state, attempts, next_attempt_at,
       error_code, error, created_at, updated_at, sending_at, sent_at, server_reply, timeline_id,
       plan_id, installment_seq, reminder_kind, promise_id
FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX outbox_by_state ON outbox (state, id);
CREATE INDEX outbox_by_stage_key ON outbox (stage_key);
-- One statement a day per client (the key names both), unless withdrawn.
CREATE UNIQUE INDEX outbox_one_statement_a_day ON outbox (stage_key) WHERE kind = 'statement' AND state <> 'cancelled';

CREATE TRIGGER outbox_sent_is_final BEFORE UPDATE ON outbox WHEN OLD.state IN ('sent', 'cancelled')
BEGIN
    SELECT RAISE(ABORT, 'kindly: a sent or cancelled e-mail is final');
END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
BEGIN
    SELECT RAISE(ABORT, 'kindly: the outbox is a permanent record');
END;

CREATE TEMP TABLE outbox_fk_check (dangling INTEGER NOT NULL CHECK (dangling = 0));
INSERT INTO temp.outbox_fk_check SELECT COUNT(*) FROM pragma_foreign_key_check;
DROP TABLE temp.outbox_fk_check;

COMMIT;
PRAGMA foreign_keys = ON;

-- no-transaction
-- The outbox carries more than ladder stages and plan proposals: an
-- installment's reminder (or a broken plan's notice) and the follow-up about
-- a broken promise go through it too, so that they are sent once, survive a
-- crash and are recorded only when the server accepted them.
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt
-- the way the SQLite manual prescribes (foreign keys off while the old table
-- is replaced, checked before the commit). That needs its own transaction,
-- hence "no-transaction" above: sqlx would otherwise wrap the file in one,
-- inside which PRAGMA foreign_keys does nothing.
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
    --   records the follow-up, once).
    kind             TEXT NOT NULL DEFAULT 'ladder'
                     CHECK (kind IN ('ladder', 'plan', 'plan_reminder', 'promise')),
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
    -- What the message is about beyond its invoices.
    plan_id          INTEGER REFERENCES plans (id),
    installment_seq  INTEGER,
    reminder_kind    TEXT CHECK (reminder_kind IN ('heads_up', 'reminder', 'broken_notice')),
    promise_id       INTEGER REFERENCES promises (id),
    CHECK (kind <> 'plan_reminder' OR (plan_id IS NOT NULL AND installment_seq IS NOT NULL AND reminder_kind IS NOT NULL)),
    CHECK (kind <> 'promise' OR promise_id IS NOT NULL)
) STRICT;

INSERT INTO outbox_new (id, message_id, kind, client_id, stage_key, stage_offset, envelope_from, recipients,
                        to_display, subject, body, raw, raw_sha256, eml_path, state, attempts, next_attempt_at,
                        error_code, error, created_at, updated_at, sending_at, sent_at, server_reply, timeline_id,
                        plan_id)
SELECT id, message_id, kind, client_id, stage_key, stage_offset, envelope_from, recipients,
       to_display, subject, body, raw, raw_sha256, eml_path, state, attempts, next_attempt_at,
       error_code, error, created_at, updated_at, sending_at, sent_at, server_reply, timeline_id,
       -- a proposal's stage key is 'plan:<id>:proposal'
       CASE WHEN kind = 'plan' AND stage_key LIKE 'plan:%:proposal'
            THEN CAST(substr(stage_key, 6, length(stage_key) - 14) AS INTEGER) END
FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX outbox_by_state ON outbox (state, id);
CREATE INDEX outbox_by_stage_key ON outbox (stage_key);

CREATE TRIGGER outbox_sent_is_final BEFORE UPDATE ON outbox WHEN OLD.state IN ('sent', 'cancelled')
BEGIN
    SELECT RAISE(ABORT, 'kindly: a sent or cancelled e-mail is final');
END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
BEGIN
    SELECT RAISE(ABORT, 'kindly: the outbox is a permanent record');
END;

-- Nothing may point nowhere after the rebuild: a dangling reference fails
-- this CHECK, which aborts the upgrade before the commit.
CREATE TEMP TABLE outbox_fk_check (dangling INTEGER NOT NULL CHECK (dangling = 0));
INSERT INTO temp.outbox_fk_check SELECT COUNT(*) FROM pragma_foreign_key_check;
DROP TABLE temp.outbox_fk_check;

COMMIT;
PRAGMA foreign_keys = ON;

-- The e-mail outbox. Every message is written here, with its exact bytes and
-- its Message-ID, before anything is sent; its state says how far it got.
--   queued     waiting to be sent (next_attempt_at: not before then)
--   sending    handed to the SMTP server now; a row still 'sending' when no
--              Kindly process holds the outbox lock was interrupted by a
--              crash: its fate is unknown and it becomes 'uncertain'
--   sent       the server accepted it (final)
--   failed     a permanent failure (bad address, authentication): the user decides
--   uncertain  may have been sent: never resent without the user's word
--   cancelled  withdrawn by the user, or the invoice was paid meanwhile (final)
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    message_id       TEXT NOT NULL UNIQUE,
    -- 'ladder': a stage of the invoices' ladder (sending it completes the
    -- stage); 'plan': an installment plan proposal (recorded in the timeline only).
    kind             TEXT NOT NULL DEFAULT 'ladder' CHECK (kind IN ('ladder', 'plan')),
    client_id        INTEGER NOT NULL REFERENCES clients (id),
    stage_key        TEXT NOT NULL,
    stage_offset     INTEGER NOT NULL,
    envelope_from    TEXT NOT NULL,
    recipients       TEXT NOT NULL,          -- JSON array: every envelope recipient (To and Bcc)
    to_display       TEXT NOT NULL,          -- JSON array of "Name <address>" for people
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,          -- the plain-text part, for the timeline
    raw              BLOB NOT NULL,          -- the exact RFC 5322 message
    raw_sha256       TEXT NOT NULL,
    eml_path         TEXT,                   -- a copy of raw on disk, for the evidence dossier
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
    timeline_id      INTEGER REFERENCES timeline (id)
) STRICT;

CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX outbox_by_state ON outbox (state, id);

-- The invoices a message is about (one, or a client's bundle).
CREATE TABLE outbox_invoices (
    outbox_id   INTEGER NOT NULL REFERENCES outbox (id),
    invoice_id  INTEGER NOT NULL REFERENCES invoices (id),
    stage_key   TEXT NOT NULL,             -- this invoice's own stage (a bundle may mix stages)
    stage_offset INTEGER NOT NULL,
    live        INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1)),
    PRIMARY KEY (outbox_id, invoice_id)
) STRICT;

-- Architecture Invariant: at most one e-mail that is not cancelled per
-- invoice and stage: a double click, a second window or a restarted batch
-- cannot queue a second copy.
CREATE UNIQUE INDEX outbox_one_per_stage ON outbox_invoices (invoice_id, stage_key) WHERE live = 1;

-- A sent message is evidence; it never changes, and no message is deleted.
CREATE TRIGGER outbox_sent_is_final BEFORE UPDATE ON outbox WHEN OLD.state IN ('sent', 'cancelled')
BEGIN
    SELECT RAISE(ABORT, 'kindly: a sent or cancelled e-mail is final');
END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
BEGIN
    SELECT RAISE(ABORT, 'kindly: the outbox is a permanent record');
END;

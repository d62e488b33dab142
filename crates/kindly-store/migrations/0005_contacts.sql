-- Contacts: promises to pay, and indexes for the filtered timeline.
-- Calls, notes and inbound contact are timeline entries (kinds call_logged,
-- inbound_contact, note, correction); only promises need state of their own.

-- A promise to pay, given by call, e-mail, letter or in person. Its facts are
-- never edited; its outcome (kept / broken) is recorded once, and so is the
-- day the polite follow-up about a broken promise was done.
CREATE TABLE promises (
    id              INTEGER PRIMARY KEY,
    invoice_id      INTEGER NOT NULL REFERENCES invoices (id),
    client_id       INTEGER NOT NULL REFERENCES clients (id),
    promised_on     TEXT NOT NULL,
    amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
    currency        TEXT NOT NULL CHECK (length(currency) = 3),
    how             TEXT NOT NULL CHECK (how IN ('call', 'email', 'letter', 'in_person')),
    recorded_at     TEXT NOT NULL,
    timeline_id     INTEGER NOT NULL REFERENCES timeline (id),
    outcome         TEXT CHECK (outcome IN ('kept', 'broken')),
    resolved_on     TEXT,
    followed_up_on  TEXT,
    CHECK ((outcome IS NULL) = (resolved_on IS NULL)),
    CHECK (followed_up_on IS NULL OR outcome = 'broken')
) STRICT;

CREATE INDEX promises_by_invoice ON promises (invoice_id, promised_on);
CREATE INDEX promises_by_client ON promises (client_id, promised_on);
-- Open promises are few: resolving them and pausing the queue reads only these.
CREATE INDEX promises_open ON promises (promised_on, invoice_id) WHERE outcome IS NULL;
CREATE INDEX promises_to_follow_up ON promises (invoice_id) WHERE outcome = 'broken' AND followed_up_on IS NULL;

CREATE TRIGGER promises_facts_fixed BEFORE UPDATE ON promises
WHEN NEW.invoice_id IS NOT OLD.invoice_id OR NEW.client_id IS NOT OLD.client_id
  OR NEW.promised_on IS NOT OLD.promised_on OR NEW.amount_minor IS NOT OLD.amount_minor
  OR NEW.currency IS NOT OLD.currency OR NEW.how IS NOT OLD.how
  OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.timeline_id IS NOT OLD.timeline_id
  OR (OLD.outcome IS NOT NULL AND (NEW.outcome IS NOT OLD.outcome OR NEW.resolved_on IS NOT OLD.resolved_on))
  OR (OLD.followed_up_on IS NOT NULL AND NEW.followed_up_on IS NOT OLD.followed_up_on)
BEGIN
    SELECT RAISE(ABORT, 'kindly: promises are append-only (their outcome is recorded once)');
END;
CREATE TRIGGER promises_no_delete BEFORE DELETE ON promises
BEGIN
    SELECT RAISE(ABORT, 'kindly: promises are append-only (their outcome is recorded once)');
END;

-- The timeline filtered by kind (per client, per invoice) and corrections by what they correct.
CREATE INDEX timeline_by_client_kind ON timeline (client_id, kind, at, id);
CREATE INDEX timeline_by_invoice_kind ON timeline (invoice_id, kind, at, id) WHERE invoice_id IS NOT NULL;
CREATE INDEX timeline_refers_to ON timeline (refers_to) WHERE refers_to IS NOT NULL;

-- Installment plans: a schedule over what one client still owes on one or
-- more invoices, its state, and the record of installment reminders.

CREATE TABLE plans (
    id                   INTEGER PRIMARY KEY,
    client_id            INTEGER NOT NULL REFERENCES clients (id),
    state                TEXT NOT NULL CHECK (state IN ('proposed', 'active', 'completed', 'broken', 'renegotiated', 'cancelled')),
    currency             TEXT NOT NULL CHECK (length(currency) = 3),
    -- What was still owing when the plan was made: the installments sum to it.
    total_minor          INTEGER NOT NULL CHECK (total_minor > 0),
    -- The invoices' paid_minor summed when the plan was made; what was paid
    -- on the plan is their paid_minor now minus this.
    paid_at_start_minor  INTEGER NOT NULL CHECK (paid_at_start_minor >= 0),
    grace_days           INTEGER NOT NULL CHECK (grace_days BETWEEN 0 AND 90),
    frequency            TEXT NOT NULL CHECK (frequency IN ('weekly', 'fortnightly', 'monthly', 'custom')),
    created_on           TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    agreed_on            TEXT,
    agreed_how           TEXT CHECK (agreed_how IN ('call', 'email', 'letter', 'in_person')),
    -- The day it completed, broke, was cancelled or renegotiated.
    ended_on             TEXT,
    replaces_plan_id     INTEGER REFERENCES plans (id),
    note                 TEXT NOT NULL DEFAULT '',
    CHECK ((agreed_on IS NULL) = (agreed_how IS NULL)),
    CHECK (state = 'proposed' OR state = 'cancelled' OR state = 'renegotiated' OR agreed_on IS NOT NULL)
) STRICT;

CREATE INDEX plans_by_client ON plans (client_id, id);
-- Plans that need a look each day (standing, reminders): few, by this index.
CREATE INDEX plans_running ON plans (state, id) WHERE state IN ('active', 'broken');

CREATE TABLE plan_invoices (
    plan_id     INTEGER NOT NULL REFERENCES plans (id),
    invoice_id  INTEGER NOT NULL REFERENCES invoices (id),
    -- What this invoice still owed when the plan was made.
    owing_at_start_minor INTEGER NOT NULL CHECK (owing_at_start_minor > 0),
    PRIMARY KEY (plan_id, invoice_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX plan_invoices_by_invoice ON plan_invoices (invoice_id, plan_id);

CREATE TABLE plan_installments (
    plan_id       INTEGER NOT NULL REFERENCES plans (id),
    seq           INTEGER NOT NULL CHECK (seq >= 1),
    due_on        TEXT NOT NULL,
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (plan_id, seq)
) STRICT, WITHOUT ROWID;

-- The record of installment reminders: each kind at most once per installment
-- (the broken-plan notice once per plan, with seq 0).
CREATE TABLE plan_reminders (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans (id),
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('heads_up', 'reminder', 'broken_notice')),
    channel      TEXT NOT NULL CHECK (channel IN ('email', 'letter', 'phone')),
    done_on      TEXT NOT NULL,
    at           TEXT NOT NULL,
    timeline_id  INTEGER REFERENCES timeline (id),
    UNIQUE (plan_id, seq, kind)
) STRICT;

-- A proposed schedule is what the client sees and agrees to: it is never
-- edited afterwards (a renegotiation makes a new plan), and nothing of a
-- plan is deleted.
CREATE TRIGGER plan_installments_no_update BEFORE UPDATE ON plan_installments
BEGIN
    SELECT RAISE(ABORT, 'kindly: plan schedules are append-only; renegotiate instead');
END;
CREATE TRIGGER plan_installments_no_delete BEFORE DELETE ON plan_installments
BEGIN
    SELECT RAISE(ABORT, 'kindly: plan schedules are append-only; renegotiate instead');
END;
CREATE TRIGGER plan_reminders_no_change BEFORE UPDATE ON plan_reminders
BEGIN
    SELECT RAISE(ABORT, 'kindly: the record of plan reminders is append-only');
END;
CREATE TRIGGER plan_reminders_no_delete BEFORE DELETE ON plan_reminders
BEGIN
    SELECT RAISE(ABORT, 'kindly: the record of plan reminders is append-only');
END;
CREATE TRIGGER plans_no_delete BEFORE DELETE ON plans
BEGIN
    SELECT RAISE(ABORT, 'kindly: plans are append-only');
END;
CREATE TRIGGER plan_invoices_no_change BEFORE UPDATE ON plan_invoices
BEGIN
    SELECT RAISE(ABORT, 'kindly: plans are append-only');
END;
CREATE TRIGGER plan_invoices_no_delete BEFORE DELETE ON plan_invoices
BEGIN
    SELECT RAISE(ABORT, 'kindly: plans are append-only');
END;

-- States only move forward: proposed → active | cancelled | renegotiated;
-- active → completed | broken | cancelled | renegotiated;
-- broken → completed | cancelled | renegotiated. Ended plans stay ended.
CREATE TRIGGER plans_state_moves_forward BEFORE UPDATE OF state ON plans
WHEN NEW.state IS NOT OLD.state AND NOT (
       (OLD.state = 'proposed' AND NEW.state IN ('active', 'cancelled', 'renegotiated'))
    OR (OLD.state = 'active' AND NEW.state IN ('completed', 'broken', 'cancelled', 'renegotiated'))
    OR (OLD.state = 'broken' AND NEW.state IN ('completed', 'cancelled', 'renegotiated')))
BEGIN
    SELECT RAISE(ABORT, 'kindly: plan state change not allowed');
END;
CREATE TRIGGER plans_terms_fixed BEFORE UPDATE ON plans
WHEN NEW.client_id IS NOT OLD.client_id OR NEW.currency IS NOT OLD.currency
    OR NEW.total_minor IS NOT OLD.total_minor OR NEW.paid_at_start_minor IS NOT OLD.paid_at_start_minor
    OR NEW.created_on IS NOT OLD.created_on OR NEW.replaces_plan_id IS NOT OLD.replaces_plan_id
BEGIN
    SELECT RAISE(ABORT, 'kindly: plan schedules are append-only; renegotiate instead');
END;

-- Architecture Invariant: while a plan is active (on track or late within
-- its grace period) its invoices' own ladder is paused. Whatever code
-- recomputes an invoice's next step (a step done, a ladder edited), this
-- keeps it cleared; the store recomputes it when the plan breaks or is
-- cancelled. (Recursive triggers are off, so the UPDATE here does not re-fire.)
CREATE TRIGGER followups_paused_by_active_plan AFTER UPDATE OF next_action_on ON followups
WHEN NEW.next_action_on IS NOT NULL AND EXISTS (
    SELECT 1 FROM plan_invoices pi JOIN plans p ON p.id = pi.plan_id
    WHERE pi.invoice_id = NEW.invoice_id AND p.state = 'active')
BEGIN
    UPDATE followups SET next_action_on = NULL WHERE invoice_id = NEW.invoice_id;
END;

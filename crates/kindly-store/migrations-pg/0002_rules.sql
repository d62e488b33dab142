-- The rules the SQLite triggers enforce (their RAISE(ABORT, …) refusals), as
-- PL/pgSQL triggers that RAISE EXCEPTION with the same message text (SQLSTATE
-- P0001): StoreError::classify recognises a refusal by that text, on either
-- engine. Every RAISE of ../migrations is here; tests/pg_schema.rs checks the
-- two sets of messages are equal and tries each rule.
--
-- Where SQLite relies on its single writer (a check reads the invoice, then
-- the insert changes it), PostgreSQL takes a row lock on the invoice first
-- (SELECT … FOR UPDATE), so two concurrent transactions cannot both pass the
-- check: the second waits for the first to commit and then reads its result.

-- A plain refusal: the message is the trigger's argument, so each trigger
-- below names its text once, as the SQLite trigger does.
CREATE FUNCTION kindly_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;

-- Append-only records (0001, 0002, 0004, 0005, 0012, 0017).
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: the timeline is append-only');
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: the timeline is append-only');

CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: payments are append-only');
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: payments are append-only');

CREATE TRIGGER followup_steps_no_update BEFORE UPDATE ON followup_steps
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: the record of follow-ups is append-only');
CREATE TRIGGER followup_steps_no_delete BEFORE DELETE ON followup_steps
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: the record of follow-ups is append-only');

CREATE TRIGGER plan_installments_no_update BEFORE UPDATE ON plan_installments
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: plan schedules are append-only; renegotiate instead');
CREATE TRIGGER plan_installments_no_delete BEFORE DELETE ON plan_installments
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: plan schedules are append-only; renegotiate instead');
CREATE TRIGGER plan_reminders_no_change BEFORE UPDATE ON plan_reminders
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: the record of plan reminders is append-only');
CREATE TRIGGER plan_reminders_no_delete BEFORE DELETE ON plan_reminders
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: the record of plan reminders is append-only');
CREATE TRIGGER plans_no_delete BEFORE DELETE ON plans
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: plans are append-only');
CREATE TRIGGER plan_invoices_no_change BEFORE UPDATE ON plan_invoices
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: plans are append-only');
CREATE TRIGGER plan_invoices_no_delete BEFORE DELETE ON plan_invoices
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: plans are append-only');

CREATE TRIGGER einvoice_imports_no_update BEFORE UPDATE ON einvoice_imports
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: the record of imports is append-only');
CREATE TRIGGER einvoice_imports_no_delete BEFORE DELETE ON einvoice_imports
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: the record of imports is append-only');

CREATE TRIGGER credit_notes_no_update BEFORE UPDATE ON credit_notes
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: credit notes are a permanent record');
CREATE TRIGGER credit_notes_no_delete BEFORE DELETE ON credit_notes
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: credit notes are a permanent record');
CREATE TRIGGER credit_note_taxes_no_update BEFORE UPDATE ON credit_note_taxes
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: credit notes are a permanent record');
CREATE TRIGGER credit_note_taxes_no_delete BEFORE DELETE ON credit_note_taxes
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: credit notes are a permanent record');
CREATE TRIGGER payment_reversals_no_update BEFORE UPDATE ON payment_reversals
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: payment reversals are a permanent record');
CREATE TRIGGER payment_reversals_no_delete BEFORE DELETE ON payment_reversals
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: payment reversals are a permanent record');
CREATE TRIGGER refunds_no_update BEFORE UPDATE ON refunds
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: refunds are a permanent record');
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: refunds are a permanent record');

-- An issued or cancelled invoice is not silently edited: only its status may
-- move forward (issued → cancelled), and paid_minor follows payments (0001).
CREATE TRIGGER invoices_immutable_once_issued BEFORE UPDATE ON invoices
    FOR EACH ROW
    WHEN (OLD.status <> 'draft' AND (
           NEW.number IS DISTINCT FROM OLD.number OR NEW.client_id IS DISTINCT FROM OLD.client_id
        OR NEW.issue_date IS DISTINCT FROM OLD.issue_date OR NEW.due_date IS DISTINCT FROM OLD.due_date
        OR NEW.currency IS DISTINCT FROM OLD.currency OR NEW.subtotal_minor IS DISTINCT FROM OLD.subtotal_minor
        OR NEW.tax_minor IS DISTINCT FROM OLD.tax_minor OR NEW.total_minor IS DISTINCT FROM OLD.total_minor
        OR NEW.notes IS DISTINCT FROM OLD.notes
        OR (OLD.status = 'cancelled' AND NEW.status <> 'cancelled')
        OR (NEW.status = 'draft')))
    EXECUTE FUNCTION kindly_refuse('kindly: an issued invoice cannot be edited; cancel it instead');

-- A draft's lines may change; an issued invoice's may not. The invoice row is
-- share-locked so that issuing it and editing a line cannot cross.
CREATE FUNCTION kindly_invoice_lines_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    st TEXT;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT status INTO st FROM invoices WHERE id = NEW.invoice_id FOR SHARE;
    ELSE
        SELECT status INTO st FROM invoices WHERE id = OLD.invoice_id FOR SHARE;
    END IF;
    IF st <> 'draft' THEN
        RAISE EXCEPTION 'kindly: an issued invoice cannot be edited; cancel it instead';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER invoice_lines_immutable_update BEFORE UPDATE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION kindly_invoice_lines_immutable();
CREATE TRIGGER invoice_lines_immutable_delete BEFORE DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION kindly_invoice_lines_immutable();
CREATE TRIGGER invoice_lines_immutable_insert BEFORE INSERT ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION kindly_invoice_lines_immutable();

-- The ISO 11649 creditor reference (0010): "RF" + check digits + the id,
-- zero-padded to 8 digits; set when the row is inserted without one (on
-- PostgreSQL before the insert: the identity default is already in NEW.id),
-- and permanent once set.
CREATE FUNCTION kindly_creditor_reference(id BIGINT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT 'RF' || lpad((98 - ((id * 1000000 + 271500) % 97))::text, 2, '0')
        || CASE WHEN length(id::text) >= 8 THEN id::text ELSE lpad(id::text, 8, '0') END
$$;
CREATE FUNCTION kindly_invoices_creditor_reference() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.creditor_reference IS NULL THEN
        NEW.creditor_reference := kindly_creditor_reference(NEW.id);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER invoices_creditor_reference BEFORE INSERT ON invoices
    FOR EACH ROW EXECUTE FUNCTION kindly_invoices_creditor_reference();
CREATE TRIGGER invoices_creditor_reference_fixed BEFORE UPDATE OF creditor_reference ON invoices
    FOR EACH ROW
    WHEN (OLD.creditor_reference IS NOT NULL AND NEW.creditor_reference IS DISTINCT FROM OLD.creditor_reference)
    EXECUTE FUNCTION kindly_refuse('kindly: an issued invoice cannot be edited; its payment reference is permanent');

-- A payment is only accepted on an issued invoice, in its currency, up to
-- what is still owing (0001). The invoice row is locked FOR UPDATE before
-- the check: a second payment racing this one waits here until this
-- transaction ends, then reads the paid_minor it left.
CREATE FUNCTION kindly_payments_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    inv RECORD;
BEGIN
    SELECT status, currency, total_minor - paid_minor AS owing INTO inv
        FROM invoices WHERE id = NEW.invoice_id FOR UPDATE;
    IF inv.status <> 'issued' THEN
        RAISE EXCEPTION 'kindly: invoice not payable';
    END IF;
    IF inv.currency <> NEW.currency THEN
        RAISE EXCEPTION 'kindly: currency mismatch';
    END IF;
    IF NEW.amount_minor > inv.owing THEN
        RAISE EXCEPTION 'kindly: overpayment';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER payments_check BEFORE INSERT ON payments
    FOR EACH ROW EXECUTE FUNCTION kindly_payments_check();

-- Follow-up outcomes are final (0003, 0008, 0010).
CREATE TRIGGER outbox_sent_is_final BEFORE UPDATE ON outbox
    FOR EACH ROW WHEN (OLD.state IN ('sent', 'cancelled'))
    EXECUTE FUNCTION kindly_refuse('kindly: a sent or cancelled e-mail is final');
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: the outbox is a permanent record');

CREATE TRIGGER letter_batches_printed_is_final BEFORE UPDATE ON letter_batches
    FOR EACH ROW WHEN (OLD.state = 'printed')
    EXECUTE FUNCTION kindly_refuse('kindly: a printed letter batch is a permanent record');
CREATE TRIGGER letter_batch_items_append_only BEFORE UPDATE ON letter_batch_items
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: a printed letter batch is a permanent record');

CREATE TRIGGER bank_entries_decided_are_final BEFORE UPDATE ON bank_entries
    FOR EACH ROW WHEN (OLD.status IN ('recorded', 'debit', 'assigned', 'ignored'))
    EXECUTE FUNCTION kindly_refuse('kindly: a bank entry already decided is a permanent record');

-- Plans (0004): states only move forward, the terms are fixed.
CREATE TRIGGER plans_state_moves_forward BEFORE UPDATE OF state ON plans
    FOR EACH ROW
    WHEN (NEW.state IS DISTINCT FROM OLD.state AND NOT (
           (OLD.state = 'proposed' AND NEW.state IN ('active', 'cancelled', 'renegotiated'))
        OR (OLD.state = 'active' AND NEW.state IN ('completed', 'broken', 'cancelled', 'renegotiated'))
        OR (OLD.state = 'broken' AND NEW.state IN ('completed', 'cancelled', 'renegotiated'))))
    EXECUTE FUNCTION kindly_refuse('kindly: plan state change not allowed');
CREATE TRIGGER plans_terms_fixed BEFORE UPDATE ON plans
    FOR EACH ROW
    WHEN (NEW.client_id IS DISTINCT FROM OLD.client_id OR NEW.currency IS DISTINCT FROM OLD.currency
        OR NEW.total_minor IS DISTINCT FROM OLD.total_minor
        OR NEW.paid_at_start_minor IS DISTINCT FROM OLD.paid_at_start_minor
        OR NEW.created_on IS DISTINCT FROM OLD.created_on
        OR NEW.replaces_plan_id IS DISTINCT FROM OLD.replaces_plan_id)
    EXECUTE FUNCTION kindly_refuse('kindly: plan schedules are append-only; renegotiate instead');

-- Promises (0005): the facts are fixed, the outcome and the follow-up recorded once.
CREATE TRIGGER promises_facts_fixed BEFORE UPDATE ON promises
    FOR EACH ROW
    WHEN (NEW.invoice_id IS DISTINCT FROM OLD.invoice_id OR NEW.client_id IS DISTINCT FROM OLD.client_id
      OR NEW.promised_on IS DISTINCT FROM OLD.promised_on OR NEW.amount_minor IS DISTINCT FROM OLD.amount_minor
      OR NEW.currency IS DISTINCT FROM OLD.currency OR NEW.how IS DISTINCT FROM OLD.how
      OR NEW.recorded_at IS DISTINCT FROM OLD.recorded_at OR NEW.timeline_id IS DISTINCT FROM OLD.timeline_id
      OR (OLD.outcome IS NOT NULL AND (NEW.outcome IS DISTINCT FROM OLD.outcome
                                       OR NEW.resolved_on IS DISTINCT FROM OLD.resolved_on))
      OR (OLD.followed_up_on IS NOT NULL AND NEW.followed_up_on IS DISTINCT FROM OLD.followed_up_on))
    EXECUTE FUNCTION kindly_refuse('kindly: promises are append-only (their outcome is recorded once)');
CREATE TRIGGER promises_no_delete BEFORE DELETE ON promises
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: promises are append-only (their outcome is recorded once)');

-- Corrections (0017): the limits, with the invoice row locked like payments.
CREATE FUNCTION kindly_credit_notes_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    inv RECORD;
BEGIN
    SELECT status, currency, total_minor - credited_minor AS creditable INTO inv
        FROM invoices WHERE id = NEW.invoice_id FOR UPDATE;
    IF inv.status IS DISTINCT FROM 'issued' THEN
        RAISE EXCEPTION 'kindly: invoice not creditable';
    END IF;
    IF inv.currency <> NEW.currency THEN
        RAISE EXCEPTION 'kindly: currency mismatch';
    END IF;
    IF NEW.amount_minor > inv.creditable THEN
        RAISE EXCEPTION 'kindly: credit exceeds invoice';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER credit_notes_check BEFORE INSERT ON credit_notes
    FOR EACH ROW EXECUTE FUNCTION kindly_credit_notes_check();

-- A rate's part is added once its note exists; the note's own sums bind it.
-- The note is locked so that two parts added at once are summed in turn.
CREATE FUNCTION kindly_credit_note_taxes_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    note_amount BIGINT;
BEGIN
    SELECT amount_minor INTO note_amount FROM credit_notes WHERE id = NEW.credit_note_id FOR UPDATE;
    IF NEW.net_minor + NEW.tax_minor + COALESCE((SELECT SUM(net_minor + tax_minor) FROM credit_note_taxes
                                                 WHERE credit_note_id = NEW.credit_note_id), 0)
       > note_amount THEN
        RAISE EXCEPTION 'kindly: credit note split does not add up';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER credit_note_taxes_check BEFORE INSERT ON credit_note_taxes
    FOR EACH ROW EXECUTE FUNCTION kindly_credit_note_taxes_check();

CREATE FUNCTION kindly_refunds_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    inv RECORD;
BEGIN
    SELECT i.id, i.currency, i.credited_minor - i.returned_minor - i.total_minor AS base INTO inv
        FROM invoices i WHERE i.id = NEW.invoice_id FOR UPDATE;
    IF inv.currency <> NEW.currency THEN
        RAISE EXCEPTION 'kindly: currency mismatch';
    END IF;
    IF NEW.amount_minor > inv.base + COALESCE((SELECT SUM(p.amount_minor) FROM payments p
                                               WHERE p.invoice_id = inv.id), 0) THEN
        RAISE EXCEPTION 'kindly: refund exceeds credit';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER refunds_check BEFORE INSERT ON refunds
    FOR EACH ROW EXECUTE FUNCTION kindly_refunds_check();

-- A reversal cannot take back money already refunded out of it.
CREATE FUNCTION kindly_payment_reversals_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pay RECORD;
    received BIGINT;
BEGIN
    SELECT invoice_id, amount_minor INTO pay FROM payments WHERE id = NEW.payment_id;
    -- Lock the invoice first: a refund or another reversal on it waits.
    PERFORM 1 FROM invoices WHERE id = pay.invoice_id FOR UPDATE;
    -- Said first, so a second reversal is named as such (UNIQUE (payment_id) backs it).
    IF EXISTS (SELECT 1 FROM payment_reversals WHERE payment_id = NEW.payment_id) THEN
        RAISE EXCEPTION 'kindly: payment already reversed';
    END IF;
    SELECT COALESCE((SELECT SUM(q.amount_minor) FROM payments q WHERE q.invoice_id = i.id), 0) - i.returned_minor
        INTO received FROM invoices i WHERE i.id = pay.invoice_id;
    IF pay.amount_minor > received THEN
        RAISE EXCEPTION 'kindly: reversal after refund';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER payment_reversals_check BEFORE INSERT ON payment_reversals
    FOR EACH ROW EXECUTE FUNCTION kindly_payment_reversals_check();

-- What the SQLite triggers keep in step, in the same transaction as every
-- change: invoices.paid_minor / paid_in_full_on, the followups the ladder
-- reads, client_balances, invoice_tallies and the overview tables (0001,
-- 0002, 0004, 0009, 0013, 0014, 0017).
--
-- Two differences from SQLite, handled here:
-- * PostgreSQL triggers may re-fire themselves (SQLite runs with recursive
--   triggers off) and fire in name order (SQLite's order is its own). Every
--   trigger that updates its own table therefore tests the row as it is now,
--   not the NEW it was fired with, so any order ends in the same state and a
--   re-fired trigger finds nothing to do.
-- * Writers run concurrently. Counters are INSERT … ON CONFLICT DO UPDATE
--   increments (atomic); client_balances, which is recomputed from the
--   invoices, first locks the client row (FOR NO KEY UPDATE) so that two
--   transactions recompute one client's balance in turn, each seeing the
--   other's committed invoices.

-- ---------------------------------------------------------------- paid_minor
-- paid_minor = LEAST(total, credited + payments - returned) (0017).
CREATE FUNCTION kindly_payments_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE invoices SET paid_minor = LEAST(total_minor, credited_minor - returned_minor
        + (SELECT SUM(amount_minor) FROM payments WHERE invoice_id = NEW.invoice_id))
    WHERE id = NEW.invoice_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER payments_apply AFTER INSERT ON payments
    FOR EACH ROW EXECUTE FUNCTION kindly_payments_apply();

CREATE FUNCTION kindly_credit_notes_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE invoices SET credited_minor = credited_minor + NEW.amount_minor,
        paid_minor = LEAST(total_minor, credited_minor + NEW.amount_minor - returned_minor
            + COALESCE((SELECT SUM(amount_minor) FROM payments WHERE invoice_id = NEW.invoice_id), 0))
    WHERE id = NEW.invoice_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER credit_notes_apply AFTER INSERT ON credit_notes
    FOR EACH ROW EXECUTE FUNCTION kindly_credit_notes_apply();

CREATE FUNCTION kindly_payment_reversals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pay RECORD;
BEGIN
    SELECT invoice_id, amount_minor INTO pay FROM payments WHERE id = NEW.payment_id;
    UPDATE invoices SET returned_minor = returned_minor + pay.amount_minor,
        paid_minor = LEAST(total_minor, credited_minor - returned_minor - pay.amount_minor
            + COALESCE((SELECT SUM(amount_minor) FROM payments WHERE invoice_id = pay.invoice_id), 0))
    WHERE id = pay.invoice_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER payment_reversals_apply AFTER INSERT ON payment_reversals
    FOR EACH ROW EXECUTE FUNCTION kindly_payment_reversals_apply();

CREATE FUNCTION kindly_refunds_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE invoices SET returned_minor = returned_minor + NEW.amount_minor,
        paid_minor = LEAST(total_minor, credited_minor - returned_minor - NEW.amount_minor
            + COALESCE((SELECT SUM(amount_minor) FROM payments WHERE invoice_id = NEW.invoice_id), 0))
    WHERE id = NEW.invoice_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER refunds_apply AFTER INSERT ON refunds
    FOR EACH ROW EXECUTE FUNCTION kindly_refunds_apply();

-- ----------------------------------------------------------- paid_in_full_on
-- The day the invoice was settled with money received (0014, 0017); NULL if
-- settled wholly by credit notes; cleared when a reversal re-opens it.
CREATE FUNCTION kindly_invoices_paid_in_full() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF COALESCE((SELECT SUM(amount_minor) FROM payments WHERE invoice_id = NEW.id), 0) > NEW.returned_minor THEN
        UPDATE invoices SET paid_in_full_on = (
            SELECT MAX(d) FROM (
                SELECT p.paid_on AS d FROM payments p WHERE p.invoice_id = NEW.id
                   AND NOT EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id)
                UNION ALL SELECT c.issue_date FROM credit_notes c WHERE c.invoice_id = NEW.id) AS days)
        WHERE id = NEW.id AND paid_in_full_on IS NULL AND paid_minor > 0 AND paid_minor >= total_minor;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER invoices_paid_in_full AFTER UPDATE OF paid_minor ON invoices
    FOR EACH ROW WHEN (NEW.paid_minor > 0 AND NEW.paid_minor >= NEW.total_minor AND NEW.paid_in_full_on IS NULL)
    EXECUTE FUNCTION kindly_invoices_paid_in_full();

CREATE FUNCTION kindly_invoices_reopened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE invoices SET paid_in_full_on = NULL
    WHERE id = NEW.id AND paid_minor < total_minor AND paid_in_full_on IS NOT NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER invoices_reopened AFTER UPDATE OF paid_minor ON invoices
    FOR EACH ROW WHEN (NEW.paid_minor < NEW.total_minor AND NEW.paid_in_full_on IS NOT NULL)
    EXECUTE FUNCTION kindly_invoices_reopened();

-- ----------------------------------------------------------------- followups
-- Nothing more to chase once an invoice is paid in full or cancelled (0002).
CREATE FUNCTION kindly_followups_stop() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE followups SET next_action_on = NULL WHERE invoice_id = NEW.id AND next_action_on IS NOT NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER followups_stop_when_paid AFTER UPDATE OF paid_minor ON invoices
    FOR EACH ROW WHEN (NEW.paid_minor >= NEW.total_minor)
    EXECUTE FUNCTION kindly_followups_stop();
CREATE TRIGGER followups_stop_when_cancelled AFTER UPDATE OF status ON invoices
    FOR EACH ROW WHEN (NEW.status = 'cancelled')
    EXECUTE FUNCTION kindly_followups_stop();

-- Architecture Invariant (0004): while a plan is active its invoices' own
-- ladder is paused, whatever code recomputes the next step.
CREATE FUNCTION kindly_followups_paused_by_active_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE followups SET next_action_on = NULL
    WHERE invoice_id = NEW.invoice_id AND next_action_on IS NOT NULL AND EXISTS (
        SELECT 1 FROM plan_invoices pi JOIN plans p ON p.id = pi.plan_id
        WHERE pi.invoice_id = NEW.invoice_id AND p.state = 'active');
    RETURN NULL;
END
$$;
CREATE TRIGGER followups_paused_by_active_plan AFTER UPDATE OF next_action_on ON followups
    FOR EACH ROW WHEN (NEW.next_action_on IS NOT NULL)
    EXECUTE FUNCTION kindly_followups_paused_by_active_plan();

-- Architecture Invariant (0009): the next ladder step is never before resume_on.
-- Tested on the row as it is now: if the plan trigger above has cleared it,
-- this one leaves it cleared, in either order.
CREATE FUNCTION kindly_followups_wait_for_resume_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE followups SET next_action_on = resume_on
    WHERE invoice_id = NEW.invoice_id AND next_action_on IS NOT NULL AND resume_on IS NOT NULL
      AND next_action_on < resume_on;
    RETURN NULL;
END
$$;
CREATE TRIGGER followups_wait_for_resume_on AFTER UPDATE OF next_action_on, resume_on ON followups
    FOR EACH ROW
    WHEN (NEW.next_action_on IS NOT NULL AND NEW.resume_on IS NOT NULL AND NEW.next_action_on < NEW.resume_on)
    EXECUTE FUNCTION kindly_followups_wait_for_resume_on();

-- ----------------------------------------------------------- client_balances
-- What each client owes per currency, recomputed from the invoices (0013).
CREATE FUNCTION kindly_client_balance(c BIGINT, cur TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM clients WHERE id = c FOR NO KEY UPDATE;
    DELETE FROM client_balances WHERE client_id = c AND currency = cur;
    INSERT INTO client_balances (client_id, currency, owed_minor, open_invoices, oldest_open_due)
        SELECT c, cur, SUM(total_minor - paid_minor), COUNT(*), MIN(due_date) FROM invoices
        WHERE client_id = c AND currency = cur AND status = 'issued' AND paid_minor < total_minor
        HAVING COUNT(*) > 0;
END
$$;

CREATE FUNCTION kindly_client_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM kindly_client_balance(OLD.client_id, OLD.currency);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.client_id <> OLD.client_id OR NEW.currency <> OLD.currency)) THEN
        PERFORM kindly_client_balance(NEW.client_id, NEW.currency);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER client_balances_insert AFTER INSERT ON invoices
    FOR EACH ROW WHEN (NEW.status = 'issued')
    EXECUTE FUNCTION kindly_client_balances();
CREATE TRIGGER client_balances_update
    AFTER UPDATE OF status, paid_minor, total_minor, due_date, currency, client_id ON invoices
    FOR EACH ROW WHEN (OLD.status = 'issued' OR NEW.status = 'issued')
    EXECUTE FUNCTION kindly_client_balances();
CREATE TRIGGER client_balances_delete AFTER DELETE ON invoices
    FOR EACH ROW WHEN (OLD.status = 'issued')
    EXECUTE FUNCTION kindly_client_balances();

-- ----------------------------------------------------------- invoice_tallies
-- How many invoices per kind, currency and due date (0013).
CREATE FUNCTION kindly_tally_kind(status TEXT, paid BIGINT, total BIGINT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN status <> 'issued' THEN status WHEN paid >= total THEN 'paid'
                WHEN paid > 0 THEN 'part' ELSE 'unpaid' END
$$;

CREATE FUNCTION kindly_invoice_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE invoice_tallies SET n = n - 1
            WHERE kind = kindly_tally_kind(OLD.status, OLD.paid_minor, OLD.total_minor)
              AND currency = OLD.currency AND due_date = OLD.due_date;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO invoice_tallies (kind, currency, due_date, n)
            VALUES (kindly_tally_kind(NEW.status, NEW.paid_minor, NEW.total_minor), NEW.currency, NEW.due_date, 1)
            ON CONFLICT (kind, currency, due_date) DO UPDATE SET n = invoice_tallies.n + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER invoice_tallies_insert AFTER INSERT ON invoices
    FOR EACH ROW EXECUTE FUNCTION kindly_invoice_tallies();
CREATE TRIGGER invoice_tallies_update AFTER UPDATE OF status, paid_minor, total_minor, due_date, currency ON invoices
    FOR EACH ROW EXECUTE FUNCTION kindly_invoice_tallies();
CREATE TRIGGER invoice_tallies_delete AFTER DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION kindly_invoice_tallies();

-- ------------------------------------------------------------------ overview
-- The overview's figures (0014, 0017). An invoice's contribution is a
-- function of its row; the triggers remove the old row's and add the new
-- row's. SQLite's MAX(0, CAST(julianday(a) - julianday(b) AS INTEGER)) is
-- GREATEST(0, a - b) on DATE; date(d, '+7 days') is d + 7.

CREATE FUNCTION kindly_overview_day(cur TEXT, d DATE, invoiced BIGINT, invoiced_n BIGINT,
                                    collected BIGINT, collected_n BIGINT, full_n BIGINT, full_days BIGINT,
                                    credited BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO overview_days AS o (currency, day, invoiced_minor, invoiced_count, collected_minor,
                                    collected_count, paid_full_count, paid_full_days, credited_minor)
    VALUES (cur, d, invoiced, invoiced_n, collected, collected_n, full_n, full_days, credited)
    ON CONFLICT (currency, day) DO UPDATE SET
        invoiced_minor = o.invoiced_minor + excluded.invoiced_minor,
        invoiced_count = o.invoiced_count + excluded.invoiced_count,
        collected_minor = o.collected_minor + excluded.collected_minor,
        collected_count = o.collected_count + excluded.collected_count,
        paid_full_count = o.paid_full_count + excluded.paid_full_count,
        paid_full_days = o.paid_full_days + excluded.paid_full_days,
        credited_minor = o.credited_minor + excluded.credited_minor
$$;

CREATE FUNCTION kindly_overview_open(cur TEXT, d DATE, owing BIGINT, n BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO overview_open AS o (currency, due_date, owing_minor, owing_count) VALUES (cur, d, owing, n)
    ON CONFLICT (currency, due_date) DO UPDATE SET owing_minor = o.owing_minor + excluded.owing_minor,
        owing_count = o.owing_count + excluded.owing_count
$$;

-- A client's days to pay inside the window the overview last used.
CREATE FUNCTION kindly_overview_pay_speed(cur TEXT, c BIGINT, paid_on DATE, issued DATE, sign BIGINT)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO overview_pay_speed AS o (currency, client_id, days, invoices)
    SELECT cur, c, sign * GREATEST(0, paid_on - issued), sign
    FROM overview_window w WHERE paid_on BETWEEN w.from_day AND w.to_day
    ON CONFLICT (currency, client_id) DO UPDATE SET days = o.days + excluded.days,
        invoices = o.invoices + excluded.invoices
$$;

CREATE FUNCTION kindly_overview_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    same_invoiced BOOLEAN := false;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        same_invoiced := OLD.status = 'issued' AND NEW.status = 'issued' AND NEW.currency = OLD.currency
            AND NEW.issue_date = OLD.issue_date AND NEW.total_minor = OLD.total_minor;
    END IF;
    -- Take the old row's contribution away.
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'issued' THEN
        IF NOT same_invoiced THEN
            PERFORM kindly_overview_day(OLD.currency, OLD.issue_date, -OLD.total_minor, -1, 0, 0, 0, 0, 0);
        END IF;
        IF OLD.paid_minor < OLD.total_minor THEN
            PERFORM kindly_overview_open(OLD.currency, OLD.due_date, OLD.paid_minor - OLD.total_minor, -1);
        END IF;
        IF OLD.paid_in_full_on IS NOT NULL THEN
            PERFORM kindly_overview_day(OLD.currency, OLD.paid_in_full_on, 0, 0, 0, 0, -1,
                                        -GREATEST(0, OLD.paid_in_full_on - OLD.issue_date), 0);
            PERFORM kindly_overview_pay_speed(OLD.currency, OLD.client_id, OLD.paid_in_full_on, OLD.issue_date, -1);
        END IF;
    END IF;
    -- Add the new row's.
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'issued' THEN
        IF NOT same_invoiced THEN
            PERFORM kindly_overview_day(NEW.currency, NEW.issue_date, NEW.total_minor, 1, 0, 0, 0, 0, 0);
        END IF;
        IF NEW.paid_minor < NEW.total_minor THEN
            PERFORM kindly_overview_open(NEW.currency, NEW.due_date, NEW.total_minor - NEW.paid_minor, 1);
        END IF;
        -- (SQLite's insert trigger counts no paid-in-full day: a new row has none.)
        IF TG_OP = 'UPDATE' AND NEW.paid_in_full_on IS NOT NULL THEN
            PERFORM kindly_overview_day(NEW.currency, NEW.paid_in_full_on, 0, 0, 0, 0, 1,
                                        GREATEST(0, NEW.paid_in_full_on - NEW.issue_date), 0);
            PERFORM kindly_overview_pay_speed(NEW.currency, NEW.client_id, NEW.paid_in_full_on, NEW.issue_date, 1);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER overview_invoice_insert AFTER INSERT ON invoices
    FOR EACH ROW WHEN (NEW.status = 'issued')
    EXECUTE FUNCTION kindly_overview_invoice();
CREATE TRIGGER overview_invoice_update
    AFTER UPDATE OF status, paid_minor, paid_in_full_on, total_minor, due_date, issue_date, currency, client_id ON invoices
    FOR EACH ROW WHEN (OLD.status = 'issued' OR NEW.status = 'issued')
    EXECUTE FUNCTION kindly_overview_invoice();
CREATE TRIGGER overview_invoice_delete AFTER DELETE ON invoices
    FOR EACH ROW WHEN (OLD.status = 'issued')
    EXECUTE FUNCTION kindly_overview_invoice();

CREATE FUNCTION kindly_overview_payment_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kindly_overview_day(NEW.currency, NEW.paid_on, 0, 0, NEW.amount_minor, 1, 0, 0, 0);
    RETURN NULL;
END
$$;
CREATE TRIGGER overview_payment_insert AFTER INSERT ON payments
    FOR EACH ROW EXECUTE FUNCTION kindly_overview_payment_insert();

-- A reversal is a negative collection on the day it is recorded as reversed.
CREATE FUNCTION kindly_overview_reversal_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kindly_overview_day(p.currency, NEW.reversed_on, 0, 0, -p.amount_minor, -1, 0, 0, 0)
        FROM payments p WHERE p.id = NEW.payment_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER overview_reversal_insert AFTER INSERT ON payment_reversals
    FOR EACH ROW EXECUTE FUNCTION kindly_overview_reversal_insert();

-- A refund is a negative collection of its amount (count unchanged) on its day.
CREATE FUNCTION kindly_overview_refund_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kindly_overview_day(NEW.currency, NEW.refunded_on, 0, 0, -NEW.amount_minor, 0, 0, 0, 0);
    RETURN NULL;
END
$$;
CREATE TRIGGER overview_refund_insert AFTER INSERT ON refunds
    FOR EACH ROW EXECUTE FUNCTION kindly_overview_refund_insert();

CREATE FUNCTION kindly_overview_credit_note_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kindly_overview_day(NEW.currency, NEW.issue_date, 0, 0, 0, 0, 0, 0, NEW.amount_minor);
    RETURN NULL;
END
$$;
CREATE TRIGGER overview_credit_note_insert AFTER INSERT ON credit_notes
    FOR EACH ROW EXECUTE FUNCTION kindly_overview_credit_note_insert();

-- Steps done per stage, and whether the invoice was paid within 7 days after.
CREATE FUNCTION kindly_overview_step_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO overview_steps AS o (currency, stage_key, steps, paid_within_7)
    SELECT i.currency, NEW.stage_key, 1,
           (i.paid_in_full_on IS NOT NULL AND i.paid_in_full_on BETWEEN NEW.done_on AND NEW.done_on + 7)::int
    FROM invoices i WHERE i.id = NEW.invoice_id
    ON CONFLICT (currency, stage_key) DO UPDATE SET steps = o.steps + excluded.steps,
        paid_within_7 = o.paid_within_7 + excluded.paid_within_7;
    RETURN NULL;
END
$$;
CREATE TRIGGER overview_step_insert AFTER INSERT ON followup_steps
    FOR EACH ROW EXECUTE FUNCTION kindly_overview_step_insert();

-- A step's "paid within 7 days" follows its invoice's paid_in_full_on.
CREATE FUNCTION kindly_overview_steps_paid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO overview_steps AS o (currency, stage_key, paid_within_7)
    SELECT NEW.currency, s.stage_key,
           (NEW.paid_in_full_on IS NOT NULL AND NEW.paid_in_full_on BETWEEN s.done_on AND s.done_on + 7)::int
         - (OLD.paid_in_full_on IS NOT NULL AND OLD.paid_in_full_on BETWEEN s.done_on AND s.done_on + 7)::int
    FROM followup_steps s WHERE s.invoice_id = NEW.id
    ON CONFLICT (currency, stage_key) DO UPDATE SET paid_within_7 = o.paid_within_7 + excluded.paid_within_7;
    RETURN NULL;
END
$$;
CREATE TRIGGER overview_steps_paid AFTER UPDATE OF paid_in_full_on ON invoices
    FOR EACH ROW WHEN (NEW.paid_in_full_on IS DISTINCT FROM OLD.paid_in_full_on)
    EXECUTE FUNCTION kindly_overview_steps_paid();

-- One contact per invoice per day, and the ladder after a broken plan
-- (issue #6: messages state only what the record supports).
--
-- last_contact_on: the last day the client was contacted about the invoice
-- (a ladder step, an installment reminder or broken-plan notice, a promise
-- follow-up, a plan proposed, a call logged). The store sets it in the
-- transaction that records the contact, and refuses a ladder step by hand on
-- a day that already had one.
-- resume_on: the first day the invoice's ladder may propose a step again:
-- the day after a contact, a week after a broken-plan notice or a promise
-- follow-up (kindly_followup::queue::resume_on).
ALTER TABLE followups ADD COLUMN last_contact_on TEXT;
ALTER TABLE followups ADD COLUMN resume_on TEXT;

-- Architecture Invariant: an invoice's next ladder step is never before its
-- resume_on, whatever code recomputes it (a step done, a ladder edited, a
-- plan cancelled). Like followups_paused_by_active_plan, this keeps the
-- queue's index range honest; recursive triggers are off, so the UPDATE here
-- does not re-fire it (the plan trigger still clears a paused invoice).
CREATE TRIGGER followups_wait_for_resume_on AFTER UPDATE OF next_action_on, resume_on ON followups
WHEN NEW.next_action_on IS NOT NULL AND NEW.resume_on IS NOT NULL AND NEW.next_action_on < NEW.resume_on
BEGIN
    UPDATE followups SET next_action_on = NEW.resume_on WHERE invoice_id = NEW.invoice_id;
END;

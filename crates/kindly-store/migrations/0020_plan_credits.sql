-- A plan's paid figure counts payments only (issue #16's gaps): what was
-- credited on its invoices when the plan was made is kept beside what
-- settled them then (`paid_at_start_minor`, credits and payments together),
-- so the money received since is (payments - returns now) - (settled then -
-- credited then), and credit notes issued since reduce what the plan covers
-- instead of counting as installments paid.
ALTER TABLE plans ADD COLUMN credited_at_start_minor INTEGER NOT NULL DEFAULT 0;

-- Existing plans: the credit notes on their invoices issued before them.
UPDATE plans SET credited_at_start_minor = (
    SELECT COALESCE(SUM(cn.amount_minor), 0)
    FROM credit_notes cn JOIN plan_invoices pi ON pi.invoice_id = cn.invoice_id
    WHERE pi.plan_id = plans.id AND cn.created_at <= plans.created_at
);

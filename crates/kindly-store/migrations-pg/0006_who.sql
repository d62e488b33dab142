-- Who did what (issue #19), the twin of migrations/0023_who.sql: `made_by`
-- on timeline entries, payments and outbox messages; a version, who changed
-- a client or an invoice last and when. The member of a write transaction
-- is the transaction-local setting `kindly.member` (`set_config(…, true)`,
-- see `engine`), which INSERTs read through `Engine::member`.
ALTER TABLE timeline ADD COLUMN made_by TEXT;
ALTER TABLE payments ADD COLUMN made_by TEXT;
ALTER TABLE outbox ADD COLUMN made_by TEXT;
ALTER TABLE clients ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE clients ADD COLUMN changed_by TEXT;
ALTER TABLE clients ADD COLUMN changed_at TIMESTAMPTZ;
ALTER TABLE invoices ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE invoices ADD COLUMN changed_by TEXT;
ALTER TABLE invoices ADD COLUMN changed_at TIMESTAMPTZ;

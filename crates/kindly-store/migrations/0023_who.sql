-- Who did what (issue #19): each timeline entry, payment and outbox message
-- records the member whose Kindly made it (`made_by`, the name in their
-- settings; NULL when none was set, and for every row made before), and
-- clients and invoices carry a version, bumped by each edit, with who made
-- the last one and when: two people editing the same client or draft get
-- "changed by Anna at 10:42" instead of a silent overwrite. The member of a
-- write transaction is in the connection's temporary table
-- `temp.kindly_member` (see `engine`), which INSERTs read through
-- `Engine::member`. The PostgreSQL twin is migrations-pg/0006_who.sql.
ALTER TABLE timeline ADD COLUMN made_by TEXT;
ALTER TABLE payments ADD COLUMN made_by TEXT;
ALTER TABLE outbox ADD COLUMN made_by TEXT;
ALTER TABLE clients ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE clients ADD COLUMN changed_by TEXT;
ALTER TABLE clients ADD COLUMN changed_at TEXT;
ALTER TABLE invoices ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE invoices ADD COLUMN changed_by TEXT;
ALTER TABLE invoices ADD COLUMN changed_at TEXT;

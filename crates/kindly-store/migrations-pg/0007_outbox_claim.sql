-- Each claim of a message for sending gets its own token (migrations
-- 0024_outbox_claim.sql): the post-send updates are conditional on the
-- sender still owning its claim.
ALTER TABLE outbox ADD COLUMN claim_seq BIGINT NOT NULL DEFAULT 0;

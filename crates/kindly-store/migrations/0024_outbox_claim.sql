-- Each claim of a message for sending gets its own token (issue #19): the
-- claim adds one to `claim_seq`, and what the sender records afterwards
-- (sent, failed, may have been sent, withdrawn) applies only while the row
-- is still `sending` under the token it claimed. A sender that lost its
-- claim (its team-database connection, and so its sender lock, died while
-- another sender took over) is then refused instead of writing over the
-- other's record. On SQLite one process sends at a time (the outbox file
-- lock); the column is the same on both engines so `kindly migrate` copies it.
ALTER TABLE outbox ADD COLUMN claim_seq INTEGER NOT NULL DEFAULT 0;

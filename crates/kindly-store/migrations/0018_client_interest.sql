-- Statutory late-payment interest per client (issue #16): off unless the user
-- turns it on, the law that applies (UK, EU, DE, FR) and whether the client
-- is a business or a consumer. No row means off (every existing client).
-- A table of its own rather than columns on `clients`, so the setting can be
-- read and written without touching the client record (and its triggers).
CREATE TABLE client_interest (
    client_id     INTEGER PRIMARY KEY REFERENCES clients (id),
    enabled       INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    jurisdiction  TEXT NOT NULL CHECK (jurisdiction IN ('uk', 'eu', 'de', 'fr')),
    debtor        TEXT NOT NULL CHECK (debtor IN ('business', 'consumer')),
    updated_at    TEXT NOT NULL,
    -- Only German law (§ 288 (1) BGB) gives statutory interest on a
    -- consumer's debt: UK, EU and FR rules cannot be on for a consumer.
    CHECK (enabled = 0 OR debtor = 'business' OR jurisdiction = 'de')
) STRICT;

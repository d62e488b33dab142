-- Kept files on a team database (issue #19): the letters, invoices, credit
-- notes, statements, e-mail copies and scans Kindly keeps as evidence, in
-- the database, so every member's dossier is complete. A SQLite store keeps
-- them in its data folder instead, so this table is PostgreSQL's only
-- (tests/pg_schema.rs names it as such). `path` is the file's path relative
-- to the data folder, with `/` between its parts, as the records name it.
CREATE TABLE kept_files (
    path       TEXT PRIMARY KEY CHECK (path <> '' AND path NOT LIKE '/%' AND path NOT LIKE '%..%'),
    sha256     TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
    bytes      BYTEA NOT NULL,
    kept_at    TIMESTAMPTZ NOT NULL,
    CHECK (octet_length(bytes) = size_bytes)
);

-- Evidence never changes: a file is added once and stays as it was.
CREATE TRIGGER kept_files_no_update BEFORE UPDATE ON kept_files
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: a kept file is evidence, a permanent record');
CREATE TRIGGER kept_files_no_delete BEFORE DELETE ON kept_files
    FOR EACH ROW EXECUTE FUNCTION kindly_refuse('kindly: a kept file is evidence, a permanent record');

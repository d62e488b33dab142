-- Letters are recorded as sent only when they really printed. A batch is one
-- PDF handed to the printer; its state says what the printer (or the user,
-- where no printer can confirm) reported. Its letters stay in Today until
-- the batch is printed; the ladder step and the timeline entry are written
-- in the transaction that records the batch as printed.
CREATE TABLE letter_batches (
    id INTEGER PRIMARY KEY,
    -- the PDF, relative to the data folder or absolute, never reused
    pdf_path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    made_at TEXT NOT NULL,
    -- made: saved, not yet handed to a printer
    -- awaiting_confirmation: opened in the PDF viewer; the user says whether it printed
    -- printed: the print command reported success (or the user confirmed)
    -- not_printed: the print command failed, or the user said it did not print
    state TEXT NOT NULL DEFAULT 'made'
        CHECK (state IN ('made', 'awaiting_confirmation', 'printed', 'not_printed')),
    reason TEXT NOT NULL DEFAULT '',
    command TEXT NOT NULL DEFAULT '',
    job_id TEXT,
    resolved_at TEXT
);

CREATE TABLE letter_batch_items (
    batch_id INTEGER NOT NULL REFERENCES letter_batches(id),
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    -- the ladder stage the letter is for, NULL for a letter outside the ladder
    stage_key TEXT,
    stage_offset INTEGER,
    -- where this client's letter is in the batch (1-based pages)
    first_page INTEGER NOT NULL,
    last_page INTEGER NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    invoice_numbers TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (batch_id, invoice_id)
);
CREATE INDEX letter_batch_items_invoice ON letter_batch_items(invoice_id, batch_id);

-- A printed batch is history: its state and items never change again.
CREATE TRIGGER letter_batches_printed_is_final
BEFORE UPDATE ON letter_batches
WHEN OLD.state = 'printed'
BEGIN
    SELECT RAISE(ABORT, 'kindly: a printed letter batch is a permanent record');
END;

CREATE TRIGGER letter_batch_items_append_only
BEFORE UPDATE ON letter_batch_items
BEGIN
    SELECT RAISE(ABORT, 'kindly: a printed letter batch is a permanent record');
END;

-- Installment reminders per plan: how many days before an installment is
-- due its heads-up comes (0: on the day) and how many days after it the
-- reminder. They were fixed at 3 and 2; existing plans keep those.
ALTER TABLE plans ADD COLUMN heads_up_days INTEGER NOT NULL DEFAULT 3 CHECK (heads_up_days BETWEEN 0 AND 30);
ALTER TABLE plans ADD COLUMN reminder_days INTEGER NOT NULL DEFAULT 2 CHECK (reminder_days BETWEEN 1 AND 30);

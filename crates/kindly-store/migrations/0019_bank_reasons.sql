-- Why a bank entry was decided as it was, as a closed kind and its facts
-- (kindly_core::bank_reason), so every reader words it in its own language.
-- Entries imported before keep only their English sentence in `reason`
-- (reason_kind NULL) and are shown as recorded.

ALTER TABLE bank_entries ADD COLUMN reason_kind TEXT;
-- JSON: the facts the kind states (invoice numbers, amounts in minor units,
-- what found them, what was left over, why a match was not recorded).
ALTER TABLE bank_entries ADD COLUMN reason_facts TEXT;

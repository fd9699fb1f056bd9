-- Why a document gave no extraction (empty, no words, not English); NULL when it was extracted.
ALTER TABLE extractions ADD COLUMN skipped VARCHAR;

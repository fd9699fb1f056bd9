-- Who made a curation, and what its target was when it was made (a claim's document, actor,
-- capability and sentence), so that a rejection or a status fix still finds the claim after it
-- is extracted again under a new id.
ALTER TABLE curation ADD COLUMN author VARCHAR;
ALTER TABLE curation ADD COLUMN subject JSON;
COMMENT ON TABLE curation IS 'An analyst''s corrections (spacerace curate): applied by every build, in the order made.';
COMMENT ON COLUMN curation.action IS 'merge | split | set_nation | reject_claim | set_status';
COMMENT ON COLUMN curation.target IS 'The entity (merge, set_nation), actor key (split) or claim id (reject_claim, set_status).';
COMMENT ON COLUMN curation.value IS 'The entity merged into, the nation, or the status.';
COMMENT ON COLUMN curation.note IS 'Why: the analyst''s reason.';

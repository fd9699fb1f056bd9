-- Slips (a planned target moved) whose new report is a page version stored by one of the crawl
-- runs in $runs, kept by the same watch rule as whatsnew_milestones ($actors, lower case;
-- $nations; $capabilities; all empty: every slip), with the sentence that gives the new target.
WITH watched AS (
    SELECT entity_id FROM entities
    WHERE list_contains($actors, lower(display_name)) OR list_contains($actors, lower(name))
    UNION
    SELECT entity_id FROM aliases WHERE list_contains($actors, lower(alias))
)
SELECT s.actor, s.nation, s.capability, s.old_target, s.new_target, s.direction,
       CAST(s.old_reported_at AS DATE) AS old_reported,
       CAST(s.new_reported_at AS DATE) AS new_reported,
       (SELECT arg_min(c.sentence, (c.start_char, c.claim_id))
        FROM milestone_targets t JOIN claims c USING (claim_id)
        WHERE t.entity_id = s.entity_id AND t.capability = s.capability
          AND t.doc_id = s.new_doc_id AND t.target_date = s.new_target) AS sentence,
       s.new_url AS url
FROM slips s
WHERE EXISTS (
        SELECT 1 FROM documents d
        WHERE d.doc_id = s.new_doc_id AND list_contains($runs, d.run_id)
    )
  AND (len($actors) + len($nations) + len($capabilities) = 0
       OR s.entity_id IN (SELECT entity_id FROM watched)
       OR list_contains($nations, s.nation)
       OR list_contains($capabilities, s.capability))
ORDER BY s.nation, s.actor, s.capability, s.new_reported_at;

-- The claims extracted from the latest version of each document in $doc_ids, within the
-- $nations/$capabilities/$min_confidence filters, each with its milestone when it has one.
SELECT c.doc_id, coalesce(me.display_name, ce.display_name, c.actor_name) AS actor,
       coalesce(me.nation, ce.nation) AS nation, c.capability, c.status, c.date, c.confidence,
       mc.milestone_id
FROM claims c
JOIN documents_latest d ON d.doc_id = c.doc_id AND d.version = c.version
LEFT JOIN milestone_claims mc ON mc.claim_id = c.claim_id
LEFT JOIN milestones m ON m.milestone_id = mc.milestone_id
LEFT JOIN entities me ON me.entity_id = m.entity_id  -- the actor after merges and corrections
LEFT JOIN entities ce ON ce.entity_id = c.actor_key
WHERE list_contains($doc_ids, c.doc_id)
  AND c.confidence >= $min_confidence
  AND (len($nations) = 0 OR list_contains($nations, coalesce(me.nation, ce.nation)))
  AND (len($capabilities) = 0 OR list_contains($capabilities, c.capability))
ORDER BY c.doc_id, c.start_char, c.claim_id;

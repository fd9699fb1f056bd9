-- The documents that name actor $actor, from $sources, published between $start and $end: its own mentions, the mentions under every actor key its milestones' claims carry, and the documents of those claims.
WITH claimed AS (
    SELECT c.doc_id, c.actor_key
    FROM milestones m
    JOIN milestone_claims USING (milestone_id)
    JOIN claims c USING (claim_id)
    WHERE m.entity_id = $actor
), keys AS (
    -- A mention carries an actor key, not an entity: the keys that resolve to this actor are
    -- its own, those its claims show resolving to it, and keys merged away (no entity of their
    -- own) whose surface is one of its aliases.
    SELECT $actor AS actor_key
    UNION SELECT actor_key FROM claimed
    UNION SELECT m.actor_key
    FROM mentions m
    JOIN aliases a ON a.alias = m.surface AND a.entity_id = $actor
    WHERE m.actor_key NOT IN (SELECT entity_id FROM entities)
), named AS (
    SELECT doc_id, count(*) AS n_mentions
    FROM mentions
    WHERE actor_key IN (SELECT actor_key FROM keys)
    GROUP BY doc_id
), docs AS (
    SELECT doc_id FROM named UNION SELECT doc_id FROM claimed
)
SELECT d.title, s.name AS source, CAST(d.published_at AS DATE) AS published, d.url,
       coalesce(n.n_mentions, 0) AS n_mentions,
       (SELECT count(*) FROM claimed c WHERE c.doc_id = d.doc_id) AS n_claims, d.doc_id
FROM docs
JOIN documents_latest d USING (doc_id)
LEFT JOIN sources s ON s.source_id = d.source_id
LEFT JOIN named n USING (doc_id)
WHERE (len($sources) = 0 OR list_contains($sources, d.source_id))
  AND ($start IS NULL OR CAST(d.published_at AS DATE) >= $start)
  AND ($end IS NULL OR CAST(d.published_at AS DATE) <= $end)
ORDER BY d.published_at DESC NULLS LAST, d.doc_id;

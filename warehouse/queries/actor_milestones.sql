-- The milestones of actor $actor on $capabilities that at least one claim supports from $sources, published between $start and $end, with confidence of at least $min_confidence.
SELECT m.milestone_id, m.capability, m.status, m.date, m.date_start,
       CAST(m.first_reported AS DATE) AS first_reported,
       CAST(m.last_reported AS DATE) AS last_reported,
       m.n_claims, m.n_sources, m.n_independent, m.sentence
FROM milestones m
WHERE m.entity_id = $actor
  AND (len($capabilities) = 0 OR list_contains($capabilities, m.capability))
  AND EXISTS (
      SELECT 1
      FROM milestone_claims mc
      JOIN claims c USING (claim_id)
      JOIN documents d USING (doc_id, version)
      WHERE mc.milestone_id = m.milestone_id
        AND c.confidence >= $min_confidence
        AND (len($sources) = 0 OR list_contains($sources, d.source_id))
        AND ($start IS NULL OR CAST(d.published_at AS DATE) >= $start)
        AND ($end IS NULL OR CAST(d.published_at AS DATE) <= $end))
ORDER BY m.capability, m.date_start NULLS LAST, m.status, m.milestone_id;

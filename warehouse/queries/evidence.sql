-- The claims behind one milestone ($milestone) or one matrix cell ($nation, $capability), each
-- with its sentence, where it sits in the stored text, and the page; filtered by $sources
-- (empty: all), $min_confidence and publication between $start and $end (NULL: no bound).
SELECT m.milestone_id, e.display_name AS actor, e.nation, m.capability, c.status, c.date,
       c.sentence, c.confidence, c.start_char, c.end_char, d.text, d.title, d.url, d.source_id,
       d.fetched_via, coalesce(s.kind, 'independent') AS source_kind,
       CAST(d.published_at AS DATE) AS published, c.claim_id, c.doc_id
FROM milestones m
JOIN entities e USING (entity_id)
JOIN milestone_claims mc USING (milestone_id)
JOIN claims c USING (claim_id)
JOIN documents_latest d ON d.doc_id = c.doc_id
LEFT JOIN sources s ON s.source_id = d.source_id
WHERE (m.milestone_id = $milestone OR ($milestone IS NULL AND e.nation = $nation
                                       AND m.capability = $capability))
  AND (len($sources) = 0 OR list_contains($sources, d.source_id))
  AND c.confidence >= $min_confidence
  AND ($start IS NULL OR CAST(d.published_at AS DATE) >= $start)
  AND ($end IS NULL OR CAST(d.published_at AS DATE) <= $end)
ORDER BY CASE c.status WHEN 'achieved' THEN 0 WHEN 'planned' THEN 1 WHEN 'announced' THEN 2 ELSE 3 END,
         d.published_at DESC, c.claim_id;

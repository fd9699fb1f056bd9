-- The claims behind one matrix cell: $nation, $capability. Each with its sentence and page.
SELECT m.milestone_id, e.display_name AS actor, c.status, c.date, c.sentence, c.confidence,
       d.title, d.url, d.source_id, d.fetched_via, s.kind AS source_kind,
       CAST(d.published_at AS DATE) AS published, c.claim_id, c.doc_id
FROM milestones m
JOIN entities e USING (entity_id)
JOIN milestone_claims mc USING (milestone_id)
JOIN claims c USING (claim_id)
JOIN documents_latest d ON d.doc_id = c.doc_id
LEFT JOIN sources s ON s.source_id = d.source_id
WHERE e.nation = $nation AND m.capability = $capability
ORDER BY CASE c.status WHEN 'achieved' THEN 0 WHEN 'planned' THEN 1 WHEN 'announced' THEN 2 ELSE 3 END,
         d.published_at DESC;

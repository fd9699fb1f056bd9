-- The most recently reported milestones of the chosen nations and capabilities, reported
-- between $start and $end (NULL: no bound).
SELECT e.display_name AS actor, e.nation, m.capability, m.status, m.date,
       CAST(m.last_reported AS DATE) AS reported, m.n_sources, m.sentence, m.milestone_id
FROM milestones m JOIN entities e USING (entity_id)
WHERE (len($nations) = 0 OR list_contains($nations, e.nation))
  AND (len($capabilities) = 0 OR list_contains($capabilities, m.capability))
  AND ($start IS NULL OR CAST(m.last_reported AS DATE) >= $start)
  AND ($end IS NULL OR CAST(m.first_reported AS DATE) <= $end)
ORDER BY m.last_reported DESC NULLS LAST, m.milestone_id
LIMIT 15;

-- The most recently reported milestones.
SELECT e.display_name AS actor, e.nation, m.capability, m.status, m.date,
       CAST(m.last_reported AS DATE) AS reported, m.n_sources, m.sentence
FROM milestones m JOIN entities e USING (entity_id)
ORDER BY m.last_reported DESC NULLS LAST, m.milestone_id
LIMIT 15;

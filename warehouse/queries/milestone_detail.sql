-- One milestone ($milestone) with its actor: what the evidence page heads its claims with.
SELECT m.milestone_id, m.entity_id, e.display_name AS actor, e.nation, m.capability, m.status,
       m.date, CAST(m.first_reported AS DATE) AS first_reported,
       CAST(m.last_reported AS DATE) AS last_reported, m.n_claims, m.n_sources, m.n_independent
FROM milestones m JOIN entities e USING (entity_id)
WHERE m.milestone_id = $milestone;

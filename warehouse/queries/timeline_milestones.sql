-- Milestones on the time line (an achievement at its date, a plan at its target), whether a
-- plan is overdue, for the chosen nations and capabilities and days between $start and $end;
-- the 1,500 latest.
SELECT t.day, t.date, t.actor, t.nation, t.capability, t.status, t.n_sources, t.sentence,
       t.url, t.milestone_id, o.milestone_id IS NOT NULL AS overdue
FROM timeline t
LEFT JOIN overdue_milestones o USING (milestone_id)
WHERE t.day IS NOT NULL
  AND (len($nations) = 0 OR list_contains($nations, t.nation))
  AND (len($capabilities) = 0 OR list_contains($capabilities, t.capability))
  AND ($start IS NULL OR t.day >= $start)
  AND ($end IS NULL OR t.day <= $end)
ORDER BY t.day DESC, t.milestone_id
LIMIT 1500;

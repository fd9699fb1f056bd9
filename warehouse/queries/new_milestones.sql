-- What the latest crawl run brought (new_since_last_run) within the $nations/$capabilities
-- filters: new milestones first, each with a link to its evidence.
SELECT change, actor, nation, capability, status, date, n_sources,
       '/evidence?milestone=' || milestone_id AS evidence, sentence
FROM new_since_last_run
WHERE (len($nations) = 0 OR list_contains($nations, nation))
  AND (len($capabilities) = 0 OR list_contains($capabilities, capability))
ORDER BY change = 'new' DESC, nation, actor, capability, milestone_id;

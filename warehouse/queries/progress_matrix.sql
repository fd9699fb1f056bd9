-- Best status per nation and capability over the chosen nations and capabilities (empty: all).
SELECT nation, capability, best_status, n_milestones, first_achieved
FROM national_progress
WHERE (len($nations) = 0 OR list_contains($nations, nation))
  AND (len($capabilities) = 0 OR list_contains($capabilities, capability))
ORDER BY nation, capability;

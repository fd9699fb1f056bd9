-- The space-compute index per nation and month, over the chosen nations and capabilities
-- ($nations, $capabilities: empty for all) and months ($start, $end: NULL for no bound).
SELECT month, nation, sum(index_value) AS index_value
FROM capability_index
WHERE (len($nations) = 0 OR list_contains($nations, nation))
  AND (len($capabilities) = 0 OR list_contains($capabilities, capability))
  AND ($start IS NULL OR month >= date_trunc('month', CAST($start AS DATE)))
  AND ($end IS NULL OR month <= CAST($end AS DATE))
GROUP BY month, nation
ORDER BY month, nation;

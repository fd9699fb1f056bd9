-- The index per nation, capability and month without the claims behind it: what the dashboard
-- charts (national_index walks every claim of every month, which at 100,000 claims is seconds).
-- A test checks that it sums to national_index.
CREATE VIEW capability_index AS
WITH reached AS (
    SELECT e.nation, m.capability, wc.weight * ws.weight AS worth,
           min(CASE WHEN m.status = 'achieved'
                    THEN coalesce(m.date_start, CAST(m.first_reported AS DATE))
                    ELSE CAST(m.first_reported AS DATE) END) AS reached_on
    FROM milestones m
    JOIN entities e USING (entity_id)
    JOIN index_weights wc ON wc.kind = 'capability' AND wc.name = m.capability
    JOIN index_weights ws ON ws.kind = 'status' AND ws.name = m.status
    WHERE e.nation IS NOT NULL AND wc.weight > 0 AND ws.weight > 0
    GROUP BY ALL
)
SELECT mo.month, r.nation, r.capability, max(r.worth) AS index_value
FROM index_months mo
JOIN reached r ON r.reached_on < mo.month + INTERVAL 1 MONTH
GROUP BY ALL;
COMMENT ON VIEW capability_index IS 'Per nation, capability and month: capability weight x weight of the best status reached; summed over capabilities it is national_index.index_value.';

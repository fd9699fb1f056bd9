-- The national space-compute index (README "The national index"). For each nation, capability and
-- month: the best status the nation's actors had reached by the month's end (achieved on the
-- achievement's date, a plan or announcement when first reported) is worth
-- capability weight x status weight; that worth is shared equally by the claims behind the
-- milestones at that status, so a nation's index is the sum of its claims' contributions.
CREATE TABLE index_weights (
    kind   VARCHAR NOT NULL,   -- capability | status
    name   VARCHAR NOT NULL,
    weight DOUBLE NOT NULL,
    PRIMARY KEY (kind, name)
);
COMMENT ON TABLE index_weights IS 'Weights of the national index, from graph/index_weights.toml (refreshed by every build).';

CREATE VIEW index_months AS
SELECT CAST(month AS DATE) AS month
FROM (
    SELECT unnest(generate_series(
        date_trunc('month', (SELECT min(first_reported) FROM milestones)),
        date_trunc('month', greatest(current_date, (SELECT max(last_reported) FROM milestones))),
        INTERVAL 1 MONTH)) AS month
);
COMMENT ON VIEW index_months IS 'Every month from the first report in the warehouse to now.';

CREATE VIEW index_evidence AS
WITH reached AS (
    SELECT e.nation, m.milestone_id, m.entity_id, m.capability, m.status,
           CASE WHEN m.status = 'achieved'
                THEN coalesce(m.date_start, CAST(m.first_reported AS DATE))
                ELSE CAST(m.first_reported AS DATE) END AS reached_on,
           wc.weight AS capability_weight, ws.weight AS status_weight
    FROM milestones m
    JOIN entities e USING (entity_id)
    JOIN index_weights wc ON wc.kind = 'capability' AND wc.name = m.capability
    JOIN index_weights ws ON ws.kind = 'status' AND ws.name = m.status
    WHERE e.nation IS NOT NULL AND wc.weight > 0 AND ws.weight > 0
), by_month AS (
    SELECT mo.month, r.*,
           max(r.status_weight) OVER (PARTITION BY r.nation, r.capability, mo.month) AS best_weight
    FROM index_months mo
    JOIN reached r ON r.reached_on < mo.month + INTERVAL 1 MONTH
), behind AS (
    SELECT b.*, mc.claim_id
    FROM by_month b
    JOIN milestone_claims mc USING (milestone_id)
    WHERE b.status_weight = b.best_weight
)
SELECT month, nation, capability, status, milestone_id, entity_id, claim_id, reached_on,
       capability_weight, status_weight,
       capability_weight * status_weight
           / count(*) OVER (PARTITION BY nation, capability, month) AS contribution
FROM behind;
COMMENT ON VIEW index_evidence IS 'Each claim behind a nation''s index in a month, with its contribution; they add up to national_index.index_value.';
COMMENT ON COLUMN index_evidence.month IS 'First day of the month the index is for.';
COMMENT ON COLUMN index_evidence.status IS 'The best status the nation had reached on the capability by that month.';
COMMENT ON COLUMN index_evidence.reached_on IS 'When the milestone counts from: an achievement''s date, else its first report.';
COMMENT ON COLUMN index_evidence.contribution IS 'capability_weight x status_weight, shared equally by the claims behind the best status.';

CREATE VIEW national_index AS
SELECT month, nation,
       sum(contribution) AS index_value,
       count(DISTINCT capability) AS n_capabilities,
       count(DISTINCT milestone_id) AS n_milestones,
       count(*) AS n_claims
FROM index_evidence
GROUP BY month, nation;
COMMENT ON VIEW national_index IS 'The space-compute index per nation and month: the sum over capabilities of capability weight x weight of the best status reached.';
COMMENT ON COLUMN national_index.index_value IS 'Sum of the contributions in index_evidence for this nation and month.';

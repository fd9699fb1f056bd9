-- Slips: a planned milestone's target as one report gives it, then as a later report gives it.
-- A report giving several targets for one actor and capability ("the first module in 2028, the
-- whole station by 2035") is read for its nearest one, the next step; a target made more precise
-- ("2027", then "2027-06") is no slip.
CREATE VIEW slips AS
WITH per_report AS (
    SELECT entity_id, capability, doc_id, reported_at, min(target_date) AS target_date
    FROM milestone_targets
    WHERE target_date IS NOT NULL
    GROUP BY ALL
), in_order AS (
    SELECT *,
           lag(target_date) OVER w AS old_target,
           lag(reported_at) OVER w AS old_reported_at,
           lag(doc_id) OVER w AS old_doc_id
    FROM per_report
    WINDOW w AS (PARTITION BY entity_id, capability ORDER BY reported_at, doc_id)
)
SELECT o.entity_id, e.display_name AS actor, e.nation, o.capability,
       o.old_target, o.target_date AS new_target,
       CASE WHEN o.target_date > o.old_target THEN 'later' ELSE 'earlier' END AS direction,
       o.old_reported_at, o.reported_at AS new_reported_at,
       o.old_doc_id, o.doc_id AS new_doc_id, d.url AS new_url
FROM in_order o
LEFT JOIN entities e USING (entity_id)
LEFT JOIN documents_latest d ON d.doc_id = o.doc_id
WHERE o.old_target IS NOT NULL
  AND NOT starts_with(o.target_date, o.old_target)
  AND NOT starts_with(o.old_target, o.target_date);

COMMENT ON VIEW slips IS 'Each move of a planned target between two reports: old and new target, when and where each was reported, later or earlier.';

-- The last day a target date covers: "2027" runs to 2027-12-31, "2027-06" to 2027-06-30.
CREATE MACRO target_end(d) AS CASE length(d)
    WHEN 4 THEN make_date(CAST(d AS INTEGER), 12, 31)
    WHEN 7 THEN last_day(CAST(d || '-01' AS DATE))
    ELSE CAST(d AS DATE) END;

-- Plans whose target has passed with no achievement of the same actor and capability reported
-- since the plan was first reported.
CREATE VIEW overdue_milestones AS
SELECT m.milestone_id, m.entity_id, e.display_name AS actor, e.nation, m.capability,
       m.date AS target, target_end(m.date) AS target_end, m.first_reported, m.last_reported,
       current_date - target_end(m.date) AS days_overdue, m.sentence, m.doc_id
FROM milestones m
LEFT JOIN entities e USING (entity_id)
WHERE m.status = 'planned' AND m.date IS NOT NULL
  AND target_end(m.date) < current_date
  AND NOT EXISTS (
      SELECT 1 FROM milestones a
      WHERE a.entity_id = m.entity_id AND a.capability = m.capability AND a.status = 'achieved'
        AND coalesce(a.date_start, CAST(a.last_reported AS DATE)) >= CAST(m.first_reported AS DATE)
  );

COMMENT ON VIEW overdue_milestones IS 'Planned milestones whose target date has passed with no achievement reported since the plan.';

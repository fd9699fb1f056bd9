-- The analysts' views (timeline, what is new since the last run) and comments on every view an
-- analyst reads, so `spacerace sql --tables` and any SQL client explain them.
CREATE VIEW timeline AS
SELECT coalesce(m.date_start, CAST(m.first_reported AS DATE)) AS day,
       m.date, m.date_precision, e.display_name AS actor, e.nation, e.type AS actor_type,
       m.capability, m.status, m.n_sources, m.n_independent, m.sentence, d.url, m.milestone_id
FROM milestones m
LEFT JOIN entities e USING (entity_id)
LEFT JOIN documents_latest d ON d.doc_id = m.doc_id;
COMMENT ON VIEW timeline IS 'Every milestone on one time line: achieved on its date, a plan or announcement when first reported.';
COMMENT ON COLUMN timeline.day IS 'The milestone''s date (its first day), else the day it was first reported.';
COMMENT ON COLUMN timeline.url IS 'The page of the earliest supporting sentence.';

-- Run ids start with the run's UTC time (YYYYMMDDTHHMMSS-...), so the greatest is the latest.
CREATE VIEW new_since_last_run AS
WITH latest AS (SELECT max(run_id) AS run_id FROM crawl_runs),
runs AS (
    SELECT mc.milestone_id, min(d.run_id) AS first_run, max(d.run_id) AS last_run
    FROM milestone_claims mc
    JOIN claims c USING (claim_id)
    JOIN documents d USING (doc_id, version)
    GROUP BY mc.milestone_id
)
SELECT CASE WHEN r.first_run = l.run_id THEN 'new' ELSE 'reported again' END AS change,
       e.display_name AS actor, e.nation, m.capability, m.status, m.date, m.n_sources,
       m.sentence, m.milestone_id
FROM milestones m
JOIN runs r USING (milestone_id)
CROSS JOIN latest l
LEFT JOIN entities e USING (entity_id)
WHERE r.last_run = l.run_id;
COMMENT ON VIEW new_since_last_run IS 'Milestones the latest crawl run brought: new ones, and older ones it reported again.';
COMMENT ON COLUMN new_since_last_run.change IS 'new: first reported in the latest run; reported again: known before, confirmed by a page of the latest run.';

COMMENT ON VIEW documents_latest IS 'The latest version of every page, without its raw body.';
COMMENT ON VIEW national_progress IS 'Per nation and capability: the best status reached (achieved > planned > announced > failed), how many milestones, and the first achievement.';
COMMENT ON COLUMN national_progress.best_status IS 'The highest status any actor of the nation reached on the capability.';
COMMENT ON COLUMN national_progress.first_achieved IS 'The date of the nation''s earliest achievement of the capability.';
COMMENT ON VIEW source_health IS 'The last crawl run of every source: status, counts, errors by kind, and the message that says what to do.';
COMMENT ON COLUMN source_health.status IS 'ok | partial | degraded | blocked | failed';
COMMENT ON COLUMN slips.direction IS 'later: the target moved back; earlier: brought forward.';
COMMENT ON COLUMN overdue_milestones.days_overdue IS 'Days since the last day the target covers.';
COMMENT ON COLUMN national_index.month IS 'First day of the month.';

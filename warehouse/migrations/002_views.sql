-- Views for analysts. The stages fill the tables; these read them.

CREATE VIEW documents_latest AS
SELECT d.* EXCLUDE (raw_body)
FROM documents d
QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY version DESC) = 1;

CREATE VIEW status_rank AS
SELECT * FROM (VALUES ('achieved', 3), ('planned', 2), ('announced', 1), ('failed', 0)) t(status, rank);

-- Best status each nation has reached per capability, with the milestone count behind it.
CREATE VIEW national_progress AS
WITH ranked AS (
    SELECT e.nation, m.capability, m.status, r.rank, m.date_start, m.milestone_id
    FROM milestones m
    JOIN entities e USING (entity_id)
    JOIN status_rank r USING (status)
    WHERE e.nation IS NOT NULL
)
SELECT nation, capability,
       arg_max(status, rank * 100000 + coalesce(year(date_start), 0)) AS best_status,
       max(rank) AS best_rank,
       count(*) AS n_milestones,
       min(date_start) FILTER (WHERE status = 'achieved') AS first_achieved
FROM ranked
GROUP BY nation, capability;

-- The last run of each source.
CREATE VIEW source_health AS
SELECT s.source_id, s.name, s.kind, r.run_id, r.started_at, r.finished_at, r.status,
       r.pages, r.new, r.changed, r.unchanged, r.errors, r.warnings, r.message
FROM sources s
LEFT JOIN crawl_runs r ON r.source_id = s.source_id
QUALIFY row_number() OVER (PARTITION BY s.source_id ORDER BY r.started_at DESC NULLS LAST) = 1;

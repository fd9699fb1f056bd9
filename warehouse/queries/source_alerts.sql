-- Sources whose last crawl run was not ok (source_health), worst first, with failing_streak:
-- how many of their latest runs in a row failed or were blocked (what makes `spacerace crawl`
-- and `update` exit with status 1).
WITH ordered AS (
    SELECT source_id, status IN ('failed', 'blocked') AS bad,
           row_number() OVER (PARTITION BY source_id ORDER BY started_at DESC) AS n
    FROM crawl_runs
), streaks AS (
    SELECT source_id, coalesce(min(n) FILTER (WHERE NOT bad), max(n) + 1) - 1 AS failing_streak
    FROM ordered
    GROUP BY source_id
)
SELECT h.source_id, h.name, h.status, CAST(h.finished_at AS TIMESTAMP(0)) AS finished, h.message,
       coalesce(s.failing_streak, 0) AS failing_streak
FROM source_health h
LEFT JOIN streaks s USING (source_id)
WHERE h.status IS DISTINCT FROM 'ok'
ORDER BY CASE h.status WHEN 'failed' THEN 0 WHEN 'blocked' THEN 1 WHEN 'degraded' THEN 2
         WHEN 'partial' THEN 3 ELSE 4 END, h.source_id;

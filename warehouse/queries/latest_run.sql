-- The latest crawl run (the one new_since_last_run reads: the greatest run id, since run ids
-- start with the run's UTC time): when it started and finished, and how many sources it crawled.
SELECT run_id, CAST(min(started_at) AS TIMESTAMP(0)) AS started,
       CAST(max(finished_at) AS TIMESTAMP(0)) AS finished, count(*) AS n_sources
FROM crawl_runs
WHERE run_id = (SELECT max(run_id) FROM crawl_runs)
GROUP BY run_id;

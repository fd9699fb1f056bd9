-- Every crawl run, oldest first (run ids start with the run's UTC time, so they sort by time):
-- when it started and finished and how many sources it crawled. `spacerace whatsnew` picks from
-- them the runs whose news it lists.
SELECT run_id, CAST(min(started_at) AS TIMESTAMP(0)) AS started,
       CAST(max(finished_at) AS TIMESTAMP(0)) AS finished, count(*) AS n_sources
FROM crawl_runs
GROUP BY run_id
ORDER BY run_id;

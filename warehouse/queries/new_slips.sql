-- Slips whose new report came in the latest crawl run (a version of the reporting page was
-- stored by that run), within the $nations/$capabilities filters.
SELECT s.actor, s.nation, s.capability, s.old_target, s.new_target, s.direction,
       CAST(s.old_reported_at AS DATE) AS old_reported, CAST(s.new_reported_at AS DATE) AS new_reported,
       s.new_url
FROM slips s
WHERE EXISTS (
        SELECT 1 FROM documents d
        WHERE d.doc_id = s.new_doc_id AND d.run_id = (SELECT max(run_id) FROM crawl_runs)
    )
  AND (len($nations) = 0 OR list_contains($nations, s.nation))
  AND (len($capabilities) = 0 OR list_contains($capabilities, s.capability))
ORDER BY s.nation, s.actor, s.capability, s.new_reported_at;

-- The last crawl of each source.
SELECT source_id, name, kind, status, CAST(finished_at AS TIMESTAMP(0)) AS finished, pages,
       new, changed, unchanged, errors, warnings, message
FROM source_health
ORDER BY source_id;

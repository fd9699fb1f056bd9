-- Crawl detail: how long a run took, what it skipped or was told was unchanged, errors by kind;
-- and the validators a page came with, for conditional requests next time.

ALTER TABLE crawl_runs ADD COLUMN duration_s DOUBLE;
ALTER TABLE crawl_runs ADD COLUMN retries INTEGER DEFAULT 0;
ALTER TABLE crawl_runs ADD COLUMN not_modified INTEGER DEFAULT 0;   -- 304 answers to conditional requests
ALTER TABLE crawl_runs ADD COLUMN skipped INTEGER DEFAULT 0;        -- known pages the feed says are unchanged
ALTER TABLE crawl_runs ADD COLUMN errors_by_kind JSON;               -- {"http_5xx": 2, "timeout": 1, ...}

ALTER TABLE documents ADD COLUMN etag VARCHAR;
ALTER TABLE documents ADD COLUMN last_modified VARCHAR;           -- the Last-Modified header, as sent

CREATE OR REPLACE VIEW source_health AS
SELECT s.source_id, s.name, s.kind, r.run_id, r.started_at, r.finished_at, r.duration_s, r.status,
       r.pages, r.new, r.changed, r.unchanged, r.skipped, r.not_modified, r.retries, r.errors,
       r.errors_by_kind, r.warnings, r.message
FROM sources s
LEFT JOIN crawl_runs r ON r.source_id = s.source_id
QUALIFY row_number() OVER (PARTITION BY s.source_id ORDER BY r.started_at DESC NULLS LAST) = 1;

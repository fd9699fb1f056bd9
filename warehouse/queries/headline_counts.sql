-- The numbers at the top of the overview.
SELECT (SELECT count(*) FROM documents_latest) AS documents,
       (SELECT count(DISTINCT source_id) FROM documents_latest) AS sources,
       (SELECT count(*) FROM milestones) AS milestones,
       (SELECT count(*) FROM claims) AS claims,
       (SELECT count(DISTINCT nation) FROM national_progress) AS nations;

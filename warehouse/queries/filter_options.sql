-- What the dashboard's filters offer: every nation, capability and source the warehouse holds.
SELECT 'nation' AS facet, nation AS value FROM entities WHERE nation IS NOT NULL
UNION SELECT 'capability', capability FROM milestones
UNION SELECT 'source', source_id FROM sources
UNION SELECT 'first_day', CAST(min(CAST(published_at AS DATE)) AS VARCHAR) FROM documents
UNION SELECT 'last_day', CAST(max(CAST(published_at AS DATE)) AS VARCHAR) FROM documents
ORDER BY facet, value;
